"""A given name the text never gives ("abe" in a debate whose text calls him only Lincoln) is
the one contributor named by surname alone, when every other contributor has a given name;
never a word of the reading, a name of its text, a given name before an unknown surname, or a
word after "a", "the", "good" ...; and the reply says how it read the question."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.references import ContributorMatcher
from bot.engine.text import words
from bot.knowledge.loader import load_reading
from bot.knowledge.model import Contributor

HARBOUR = Path(__file__).parent / "fixtures" / "harbour-debate"

LINCOLN = Contributor(id="lincoln", name="Lincoln", short_name="Lincoln",
                      aliases=("Mr. Lincoln",), affiliation="", order=1, paragraphs=(1,))
DOUGLAS = Contributor(id="douglas", name="Stephen A. Douglas", short_name="Douglas",
                      aliases=("Stephen", "the Judge"), affiliation="", order=2, paragraphs=(2,))
FULL_LINCOLN = dataclasses.replace(LINCOLN, name="Abraham Lincoln")
SEWARD = Contributor(id="seward", name="Seward", short_name="Seward", aliases=(),
                     affiliation="", order=3, paragraphs=(3,))
VOCABULARY = {"territory", "law", "bill", "slavery", "cass"}


def _found(contributors: list[Contributor], question: str) -> list[tuple[tuple[str, ...], bool]]:
    matcher = ContributorMatcher(contributors, vocabulary=VOCABULARY, names={"cass", "trumbull"})
    return [(m.contributor_ids, m.guessed) for m in matcher.find(words(question, question=True))]


@pytest.mark.parametrize("question", [
    "is abe against getting new territory?",
    "what does honest abe say about slavery",
    "how does abe answer the judge",
    "whats abe's take on the bill",
])
def test_a_lone_given_name_is_the_one_named_by_surname_alone(question: str) -> None:
    assert (("lincoln",), True) in _found([LINCOLN, DOUGLAS], question)


@pytest.mark.parametrize("question", [
    "anyone got a good con law book rec?",  # after "good": a thing
    "what did mary todd say about slavery?",  # a given name before a surname the text lacks
    "what did cass say about the bill?",  # a name of the text
    "what does the bill say about territory",  # a word of the reading
])
def test_no_guess(question: str) -> None:
    assert all(cid != ("lincoln",) for cid, _ in _found([LINCOLN, DOUGLAS], question))


def test_no_guess_when_the_text_gives_every_given_name_or_leaves_two_out() -> None:
    assert not _found([FULL_LINCOLN, DOUGLAS], "is abe against new territory?")
    assert not _found([LINCOLN, DOUGLAS, SEWARD], "is abe against new territory?")


def test_abe_lincoln_is_no_guess() -> None:
    assert _found([LINCOLN, DOUGLAS], "what did abe lincoln say?") == [(("lincoln",), False)]


def test_the_reply_says_how_it_read_the_name() -> None:
    """The harbour debate as if its text called its opener only "Reed"."""
    reading = load_reading(HARBOUR)
    unnamed = tuple(dataclasses.replace(c, name="Reed", aliases=()) if c.id == "reed" else c
                    for c in reading.contributors)
    engine = Engine(dataclasses.replace(reading, contributors=unnamed))
    reply = engine.ask("what did jack say about dredging the harbour?")
    assert not reply.abstained
    assert reply.answers[0].contributor_id == "reed"
    assert reply.reading_as == "what did Reed say about dredging the harbour?"
    assert engine.ask("what did Ann Reed say about dredging?").reading_as == ""
