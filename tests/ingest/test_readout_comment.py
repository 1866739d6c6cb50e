"""The comment a speaker makes on words he has just read out carries what they are known by
(a small debate of our own: tests/ingest/fixtures/readout_comment.txt)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.answering.detail import answer_shape
from bot.ingest.command import Options, ingest
from bot.knowledge.loader import load_reading
from bot.knowledge.model import Reading

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> Reading:
    out = tmp_path_factory.mktemp("bridge") / "bridge"
    return load_reading(ingest(Options(FIXTURES / "readout_comment.txt", id="bridge",
                                       out=out)).folder)


def test_the_read_out_words_are_their_authors(reading: Reading) -> None:
    read = next(p for p in reading.positions if "half taxed" in p.quote)
    assert read.contributor_id == "thorne" and "read out by Quince" in read.summary


def test_the_comment_after_a_read_out_carries_its_quoted_maxim(reading: Reading) -> None:
    comment = next(p for p in reading.positions if p.quote.startswith("There you find"))
    assert comment.contributor_id == "quince"
    assert "ferry owned" in comment.topics  # the maxim's own words, everyday ones too
    later = next(p for p in reading.positions if p.quote.startswith("The bridge was voted"))
    assert "ferry owned" not in later.topics  # only the comment right after the read-out


def test_what_the_reader_said_about_the_quoted_speech_is_his_comment(
    reading: Reading,
) -> None:
    reply = Engine(reading).ask("what did quince say about the ferry owned speech")
    assert not reply.abstained and reply.answers
    assert reply.answers[0].contributor_id == "quince"
    assert reply.answers[0].quote.startswith("There you find")


def test_how_long_they_spoke_is_the_sentence_with_hours(reading: Reading) -> None:
    reply = Engine(reading).ask("how long did each of them get to talk?")
    assert reply.answers and "for an hour" in reply.answers[0].quote


def test_a_duration_in_hours_or_minutes_answers_how_long() -> None:
    shape = answer_shape("how long did each of them speak?")
    assert shape is not None
    assert shape.search("I will occupy half an hour") and shape.search("ten minutes each")
    assert not shape.search("the quarrel has lasted so long")
