"""Mending a text as people paste it, without changing a word of it.

Only whitespace changes: a page-break gap inside a sentence (a line that does not end a
sentence, then blank or indented lines, then a line starting in lower case) becomes one
space, a word hyphenated at a line end is joined at its hyphen, and a speech heading glued
to the end of the text before it is moved to a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line ending inside a sentence (a letter, digit, comma, semicolon or dash), the gap of
# blank or space-only lines after it, and a next line that starts in lower case.
_GAP = re.compile(r"(?<=[A-Za-z0-9,;-])[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=[a-z])")
# A long line of prose ending on a word in lower case (no stop, no closing mark), a gap, and
# a next line starting with a capital: a sentence cut by a page break before a name or a
# capitalised noun ("the right of the people to have" / "Slavery or not have it").
_CAPITAL_GAP = re.compile(r"^([^\n]{40,}[a-z,;])[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[A-Z][a-z])",
                          re.MULTILINE)
_TITLE_SHARE = 0.5  # a line with this share of capitalised words is a title, never cut prose
_DASH_GAP = re.compile(r"(?<=[A-Za-z]-)[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=[a-z])")
_HEADING = r"M ?R\. ?[A-Z]{3,}(?:'S|'|S')? (?:SPEECH|REPLY|REJOINDER|OPENING|CLOSING)\b[A-Z ]*\."
_GLUED_HEADING = re.compile(r"(?<=[a-z.)\]!?'])(?=" + _HEADING + r"\s*$)", re.MULTILINE)
_GLUED_TURN = re.compile(r"(?<=[.)\]])(?=M ?R\. ?[A-Z]{3,}\.(?: |---)[A-Z])")


@dataclass(frozen=True, slots=True)
class Mended:
    """The mended text and what was changed."""

    text: str
    gaps: int  # page-break gaps closed
    hyphens: int  # words hyphenated at a line end joined
    headings: int  # headings moved to their own line


def mend(text: str) -> Mended:
    """The text with page-break gaps closed and glued headings set apart (words verbatim)."""
    text, hyphens = _DASH_GAP.subn("", text)
    text, gaps = _GAP.subn(" ", text)
    text, cut = _CAPITAL_GAP.subn(_join_prose, text)
    gaps += cut - text.count(_KEPT)
    text = text.replace(_KEPT, "")
    text, glued = _GLUED_HEADING.subn("\n", text)
    text, turns = _GLUED_TURN.subn("\n", text)
    lines = [line.rstrip() for line in text.split("\n")]
    out = "\n".join(lines).strip("\n") + "\n"
    return Mended(out, gaps, hyphens, glued + turns)


_KEPT = "\x00"  # marks a gap `_join_prose` kept, taken out once the gaps are counted


def _join_prose(m: re.Match[str]) -> str:
    """A cut line of prose joined to the next by one space; a title's gap kept."""
    line = m.group(1)
    found = re.findall(r"[A-Za-z]+", line)
    if _HEADING_LINE.match(m.string, m.end()) or (
        found and sum(w[0].isupper() for w in found) / len(found) >= _TITLE_SHARE
    ):
        return m.group(0) + _KEPT
    return line + " "


_HEADING_LINE = re.compile(_HEADING)
