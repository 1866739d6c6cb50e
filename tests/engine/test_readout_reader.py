"""Who read a paragraph out: the speaker whose speech it stands in, not one whose read-out
paragraphs happen to stand on both sides of the author's own."""

from __future__ import annotations

from bot.engine.answering.readout import _reader


def _owners(line: str) -> dict[int, set[str]]:
    """'aaabab' -> paragraph n owned by the n-th letter ('-' for no one)."""
    return {n: {c} for n, c in enumerate(line) if c != "-"}


def test_a_passage_read_out_inside_anothers_speech_is_read_by_him() -> None:
    owners = _owners("aaaaaabbaaaa")
    assert _reader(owners, 6, "b") is None  # 'b' stands beside 'b': not between two of a's
    owners = _owners("aaaaaabaaaa")
    assert _reader(owners, 6, "b") == "a"


def test_ones_own_paragraph_between_two_read_outs_is_not_read_out() -> None:
    owners = _owners("bbbbbbabababbbb")  # b's speech quoting a three times
    assert _reader(owners, 7, "b") is None  # b's own comment between two read-outs of a
    assert _reader(owners, 6, "a") == "b" and _reader(owners, 8, "a") == "b"
