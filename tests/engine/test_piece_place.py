"""Where a contributor's words start and end when they speak more than once (a debater's
opening speech and rejoinder), and not counting interjections in another's speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.answering.relation import _piece_at, _runs
from bot.ingest.command import Options, ingest
from bot.knowledge.loader import load_reading

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"


def test_runs_bridge_one_paragraph_gaps() -> None:
    assert _runs((3, 4, 6, 7, 20, 30, 31, 32)) == [range(3, 8), range(20, 21), range(30, 33)]
    assert _runs(()) == []


def test_runs_bridge_paragraphs_of_no_one() -> None:
    """A photo caption and its credit between an opening paragraph and the rest (paragraphs
    4 and 5 belong to no one) break no run; the same gap of another's words does."""
    assert _runs((3, 6, 7, 8), unowned=frozenset({4, 5})) == [range(3, 9)]
    assert _runs((3, 6, 7, 8), unowned=frozenset({4})) == [range(3, 4), range(6, 9)]
    assert _piece_at((3, 6, 7, 8), -1, unowned=frozenset({4, 5})) == range(3, 9)


def test_the_end_is_that_of_the_last_piece_not_of_an_interjection() -> None:
    opening, heckle, rejoinder = range(2, 12), (15,), range(30, 34)
    paragraphs = (*opening, *heckle, *rejoinder)
    assert _piece_at(paragraphs, 1) == rejoinder
    assert _piece_at(paragraphs, -1) == range(2, 12)
    assert _piece_at((*opening, 40, 41, 42), 1) == range(2, 12)  # an interjection is no piece


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    out = tmp_path_factory.mktemp("canal") / "canal"
    folder = ingest(Options(FIXTURES / "joint_debate.txt", id="canal", out=out)).folder
    return Engine(load_reading(folder))


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("what did harlow say at the very end of the debate?", "Gentlemen, my time has"),
        ("what did harlow say at the start?", "Fellow citizens"),
    ],
)
def test_a_debater_who_opens_and_closes(engine: Engine, question: str, starts: str) -> None:
    reply = engine.ask(question)
    assert reply.answers and reply.answers[0].contributor_id == "harlow"
    assert reply.answers[0].quote.startswith(starts)


def test_the_speech_a_question_names_ends_where_the_draft_marks_it(engine: Engine) -> None:
    reply = engine.ask("how did preston wrap up his reply?")  # no topic: only the place
    assert reply.answers and reply.answers[0].contributor_id == "preston"
    assert reply.answers[0].quote.startswith("My time is nearly gone")
