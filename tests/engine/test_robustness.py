"""Any input at all gets a sane reply: never an exception, quotes always verbatim."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine, Mode
from bot.engine.answering.lists import LIST_MOST
from bot.engine.text import MAX_QUESTION_CHARS, clean
from bot.knowledge.paragraphs import is_verbatim

NASTY = [
    "",
    "   \t\n  ",
    "x" * 10_000,
    "what did Neier say about " + "Hong Kong " * 1000,
    "🙂🙃🤔" * 50,
    "@everyone @here <@123456789012345678> <@&987654321> <#111> what did Neier say?",
    "**what** did __Hom__ say about ~~Hong~~ `Kong`? > quoted ||spoiler||",
    "\x00\x01\x02 what did\x7f Nathan say \u202e about stability",
    "¿Qué dijo Neier sobre la Unión Soviética?",
    "内维尔对香港说了什么？",
    "who said \"\"\"\"\"\"",
    "'" * 300,
    "who said " + "a " * 2000,
    "compare " + "Neier and " * 200,
]


def _check(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    listed = bool(reply.answers) and reply.answers[0].quote.rstrip().endswith(":")
    # a compare shows both sides; a list its opening sentence and its points; else three
    most = 6 if reply.mode is Mode.COMPARE else 1 + LIST_MOST if listed else 3
    assert len(reply.answers) <= most
    for a in reply.answers:
        assert is_verbatim(a.quote, engine.reading.paragraph(a.paragraph).text)
    assert reply.abstained or reply.answers


@pytest.mark.parametrize("question", NASTY)
def test_nasty_input_gets_a_sane_reply(engine: Engine, question: str) -> None:
    _check(engine, question)


def test_mentions_never_reach_the_engine() -> None:
    cleaned = clean("@everyone hi <@123> and <@&456> and @here")
    assert "@" not in cleaned and "<" not in cleaned


def test_question_length_is_capped() -> None:
    assert len(clean("word " * 5000)) <= MAX_QUESTION_CHARS


FIXTURE_OK = [HealthCheck.function_scoped_fixture]


@settings(max_examples=300, deadline=None, suppress_health_check=FIXTURE_OK)
@given(st.text(max_size=600))
def test_random_text_never_raises(engine: Engine, question: str) -> None:
    _check(engine, question)


WORDS = st.sampled_from(
    "what did who said Neier Hom the about Hong Kong agree disagree with compare and "
    "last respondent third contributor Tibet Taiwan \" ' ? @everyone <@1> ** Abu Ghraib "
    "neir becquelin model moral national interest strategy".split()
)


@settings(max_examples=300, deadline=None, suppress_health_check=FIXTURE_OK)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_random_questions_from_reading_words_never_raise(engine: Engine, question: str) -> None:
    _check(engine, question)
