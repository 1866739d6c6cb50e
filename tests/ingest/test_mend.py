"""Mending changes whitespace only: page-break gaps, line-end hyphens, glued headings."""

from __future__ import annotations

import re

from bot.ingest.mend import mend
from bot.knowledge.paragraphs import split_paragraphs


def _ink(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_page_break_gap_inside_a_sentence_is_closed() -> None:
    raw = "So it was, and so it is with the\n            \n          \n\ngreat Democratic party.\n"
    m = mend(raw)
    assert split_paragraphs(m.text) == ["So it was, and so it is with the great Democratic party."]
    assert m.gaps == 1


def test_sentence_ends_and_capitals_keep_their_paragraphs() -> None:
    raw = "The first paragraph ends here.\n\nthe next is lower case.\n\nA comma,\n\nThen more."
    assert len(split_paragraphs(mend(raw).text)) == 4


def test_dash_at_line_end_continues() -> None:
    raw = "on these mighty questions---\n\n\nthen it needs only the formality\n"
    assert split_paragraphs(mend(raw).text) == [
        "on these mighty questions--- then it needs only the formality"
    ]


def test_hyphenated_word_is_joined_at_its_hyphen() -> None:
    m = mend("a well-\nknown man\n")
    assert "well-known" in m.text and m.hyphens == 1


def test_glued_heading_gets_its_own_line() -> None:
    raw = "from the Press & Tribune.MR. DOUGLAS' SPEECH.\nLadies and gentlemen: I appear.\n"
    paragraphs = split_paragraphs(mend(raw).text)
    assert paragraphs[1] == "MR. DOUGLAS' SPEECH."


def test_glued_turn_gets_its_own_line() -> None:
    raw = "No, Judge---(Mr. Lincoln again disappeared.)MR. DOUGLAS. It is true he gives.\n"
    assert split_paragraphs(mend(raw).text)[1].startswith("MR. DOUGLAS. It is true")


def test_words_stay_verbatim() -> None:
    raw = "One ``quoted'' word---and “curly” ones, a well-\nknown\n\n\nman said; so.\n"
    assert _ink(mend(raw).text) == _ink(raw)
