"""Who read a paragraph out: the speaker whose speech it stands in, not one whose read-out
paragraphs happen to stand on both sides of the author's own."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.engine.answering.readout import _reader


def _owners(line: str) -> dict[int, frozenset[str]]:
    """'aaabab' -> paragraph n owned by the n-th letter ('-' for no one)."""
    return {n: frozenset({c}) for n, c in enumerate(line) if c != "-"}


def test_a_passage_read_out_inside_anothers_speech_is_read_by_him() -> None:
    assert _reader(_owners("aaaaaabaaaa"), 6, "b") == "a"
    assert _reader(_owners("aaaaaabb-aaaa"), 6, "b") == "a"  # two read out, a cheer after
    assert _reader(_owners("aaaaaabbbbaaaa"), 6, "b") is None  # a speech of b's own
    assert _reader(_owners("bbbbbbbb"), 3, "b") is None


def test_ones_own_paragraph_between_two_read_outs_is_not_read_out() -> None:
    owners = _owners("bbbbbbabababbbb")  # b's speech quoting a three times
    assert _reader(owners, 7, "b") is None  # b's own comment between two read-outs of a
    assert _reader(owners, 6, "a") == "b" and _reader(owners, 8, "a") == "b"


def test_who_read_from_a_named_authors_words_is_the_reader() -> None:
    # Hale reads out Finch's newsletter (paragraph 6); the name is its author's, not the answer
    news = Engine.load(Path(__file__).resolve().parent / "fixtures", "newsletter-debate")
    reply = news.ask("who read from finch's newsletter?")
    assert not reply.abstained and reply.answers[0].contributor_id == "hale"
    said = news.ask("what did finch say about the newsletter?")  # still her words
    assert said.answers and said.answers[0].contributor_id == "finch"
