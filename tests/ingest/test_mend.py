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


def test_a_cut_before_a_capitalised_word_is_closed() -> None:
    """A long line of prose ending on a word, then a gap, then a capital: one sentence cut by
    a page break before a name ("to have" / "Slavery"; "[turning to Judge" / "Douglas]")."""
    raw = ("What is Popular Sovereignty? Is it the right of the people to have\n\n\n"
           "Slavery or not have it, as they see fit, in the territories?\n\n"
           "I have understood since then, (but [turning to Judge\n\n"
           "Douglas] will not hold the Judge to it.\n")
    m = mend(raw)
    assert split_paragraphs(m.text) == [
        "What is Popular Sovereignty? Is it the right of the people to have Slavery or not have"
        " it, as they see fit, in the territories?",
        "I have understood since then, (but [turning to Judge Douglas] will not hold the Judge"
        " to it.",
    ]
    assert m.gaps == 2 and _ink(m.text) == _ink(raw)


def test_titles_short_lines_and_headings_keep_their_gap() -> None:
    raw = ("The Best Way to Advance Human Rights in the Relationship of States\n\n"
           "Nicholas Bequelin wrote first.\n\n"
           "A comma,\n\nThen more.\n\n"
           "and that is what I say to him, as I said it before to them all\n\n"
           "MR. LINCOLN'S REPLY.\n")
    assert len(split_paragraphs(mend(raw).text)) == 6
