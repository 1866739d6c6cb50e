"""A drafted debate of three speeches answers questions about its order, its questions and
answers, and the documents read out in it (a small debate of our own, tests/ingest/fixtures).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.index import _venue
from bot.engine.lexicon import Relation
from bot.ingest.command import Options, ingest
from bot.knowledge.loader import load_reading
from bot.knowledge.model import Kind, Reading

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("canal") / "canal"
    return ingest(Options(FIXTURES / "joint_debate.txt", id="canal", out=out)).folder


@pytest.fixture(scope="module")
def reading(folder: Path) -> Reading:
    return load_reading(folder)


@pytest.fixture(scope="module")
def engine(reading: Reading) -> Engine:
    return Engine(reading)


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.yaml"))}


def test_the_draft_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    drafts = []
    for seed in ("1", "2"):
        out = tmp_path / seed / "canal"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "bot", "ingest", str(FIXTURES / "joint_debate.txt"),
                        "--id", "canal", "--out", str(out)], check=True, env=env,
                       capture_output=True)
        drafts.append(_files(out))
    assert drafts[0] == drafts[1]


def _top(engine: Engine, question: str) -> tuple[str, str]:
    reply = engine.ask(question)
    assert not reply.abstained and reply.answers, question
    return reply.answers[0].contributor_id, reply.answers[0].quote


def test_indirect_questions_are_questions_numbered_in_their_run(reading: Reading) -> None:
    asked = [p for p in reading.positions_of("harlow") if p.paragraph == 7
             and p.kind is Kind.QUESTION]
    assert [p.quote.split()[:3] for p in asked] == [
        ["I", "desire", "to"], ["I", "want", "to"], ["I", "desire", "him"]]
    assert "second question" in asked[1].topics
    assert all("three questions" in p.topics for p in asked)
    assert all(p.target is not None and p.target.contributor_id == "preston" for p in asked)
    answers = [p for p in reading.positions_of("preston") if p.kind is Kind.ANSWER]
    assert len(answers) == 3 and "third answer" in answers[2].topics
    assert all(p.target is not None and p.target.contributor_id == "harlow" for p in answers)


def test_an_answer_given_apart_takes_its_questions_number(reading: Reading) -> None:
    answer = next(p for p in reading.positions if p.quote.startswith("I answer him plainly"))
    assert answer.kind is Kind.ANSWER and answer.contributor_id == "harlow"
    assert "first question" in answer.topics  # Preston's first question: the mill tax


def test_a_document_read_out_is_no_ones_position(reading: Reading) -> None:
    assert not any("Resolved" in p.quote for p in reading.positions)
    resolutions = [n for n, par in enumerate(reading.paragraphs) if "Resolved" in par.text]
    assert resolutions and all(reading.paragraph(n).contributor_id is None for n in resolutions)
    intro = next(p for p in reading.positions if p.quote.startswith("Here are the resolutions"))
    assert intro.contributor_id == "harlow" and "read out" in intro.topics
    assert "unjust burden" in intro.topics  # the document's own words lead to its reader


def test_words_of_the_other_announced_without_a_colon_are_his(reading: Reading) -> None:
    read = next(p for p in reading.positions if p.quote.startswith("I hold that every mill"))
    assert read.contributor_id == "harlow" and "read out by Preston" in read.summary
    after = next(p for p in reading.positions if p.quote.startswith("There you find"))
    assert after.contributor_id == "preston"


def test_a_voice_from_the_crowd_is_no_position_but_the_setting_of_the_reply(
    reading: Reading,
) -> None:
    assert not any("VOICE" in p.quote for p in reading.positions)
    reply = next(p for p in reading.positions if p.quote.startswith("I will come to the bridge"))
    assert reply.contributor_id == "preston" and "heckled" in reply.topics
    cheered = next(p for p in reading.positions if p.quote.startswith("My time is nearly"))
    assert "heckled" not in cheered.topics  # cheers are no heckle


def test_the_opener_who_also_closes_is_the_closing_speaker(reading: Reading) -> None:
    harlow, preston = reading.contributor("harlow"), reading.contributor("preston")
    assert "the opening speaker" in harlow.aliases and "the closing speaker" in harlow.aliases
    assert "the closing speaker" not in preston.aliases
    assert "the opener" in harlow.aliases and "the opener" not in preston.aliases


@pytest.mark.parametrize(
    ("question", "who", "quote_starts"),
    [
        ("who asked the three questions?", "harlow", "I desire to know"),
        ("what was Harlow's second question to Preston?", "harlow", "I want to know whether"),
        ("how did Preston answer the question about the canal?", "preston", "A. I will vote"),
        ("did Preston answer Harlow's questions?", "preston", "Answer."),
        ("who read out the resolutions?", "harlow", "Here are the resolutions"),
        ("how did the last speech end?", "harlow", "Gentlemen, my time has expired"),
        ("what was the last thing Preston said?", "preston", "My time is nearly gone"),
        ("someone shouted about the bridge, what did Preston say?", "preston", "I will come"),
        ("how did Harlow answer Preston's first question?", "harlow", "I answer him plainly"),
        ("what did Preston say first?", "preston", "Ladies and gentlemen"),
        ("who is the closing speaker?", "harlow", ""),
        ("how did the opener start?", "harlow", ""),
        # the speech named, not the debater's last: the end of his first speech
        ("what does Harlow say at the end of his opening speech?", "harlow", "I am told that"),
        ("what does Harlow say at the end of his closing speech?", "harlow", "Gentlemen, my"),
    ],
)
def test_debate_questions(engine: Engine, question: str, who: str, quote_starts: str) -> None:
    contributor, quote = _top(engine, question)
    assert contributor == who
    assert quote.startswith(quote_starts)


def test_who_spoke_last_is_who_has_the_last_word(engine: Engine) -> None:
    q = engine.reader.read("who spoke last?")
    assert q.speakers == ("harlow",)  # Harlow opened, and closed with the rejoinder


def test_second_name_after_a_verb_of_saying_is_spoken_of(engine: Engine) -> None:
    q = engine.reader.read("what did Harlow say Preston would do about the canal?")
    assert q.speakers == ("harlow",) and q.targets == ("preston",) and not q.compare
    q = engine.reader.read("how did Preston get the title judge, according to Harlow")
    assert q.speakers == ("harlow",) and q.targets == ("preston",)


def test_a_given_name_the_text_never_uses_joins_the_surname(engine: Engine) -> None:
    q = engine.reader.read("what did Josiah Preston say about the canal?")
    assert q.speakers == ("preston",) and [t.word for t in q.terms] == ["canal"]
    [josiah] = engine.matcher.find(["josiah", "preston"])
    assert (josiah.start, josiah.end) == (0, 2)
    [per] = engine.matcher.find(["per", "preston"])  # "per" is no given name
    assert (per.start, per.end) == (1, 2)


def test_the_debates_place_is_no_topic(engine: Engine) -> None:
    assert "dunmore" in engine.index.meta_words  # "The Canal Debate at Dunmore, ..."
    q = engine.reader.read("who spoke first at Dunmore?")
    assert q.speakers == ("harlow",) and not q.terms
    assert _venue("Human Rights in China") == frozenset()  # "in" names a topic


def test_a_name_in_a_clause_of_setting_is_no_speaker(engine: Engine) -> None:
    q = engine.reader.read("what did Preston say about the mills when Harlow asked him?")
    assert q.speakers == ("preston",) and not q.targets and not q.relations


def test_question_relations_only_where_the_reading_has_them(engine: Engine) -> None:
    assert engine.reader.read("what did Harlow ask Preston?").relation is Relation.QUESTION
    assert engine.reader.read("how did Preston answer?").relation is Relation.ANSWER
    shipped = Engine.load()  # the ChinaFile reading holds no question or answer positions
    q = shipped.reader.read("what question does Neier ask?")
    assert Relation.QUESTION not in q.relations


def test_an_answer_asked_for_is_no_question_on_its_topic(engine: Engine) -> None:
    """ "how did Preston answer on the canal?": his answer, and not his own question to the
    Judge that says the same words."""
    reply = engine.ask("how did Preston answer on whether the county will pay for the canal")
    assert reply.answers and reply.answers[0].quote.startswith("A. I will vote")
    assert all(a.kind != "question" for a in reply.answers)
