"""Quotable pieces of a paragraph: sentences (or parts of long ones), verbatim offsets.

Crowd reactions and editorial brackets (`(Cheers.)`, `[Laughter.]`, `(``Good.'')`) and
footnote marks split the text and are never part of a piece; a sentence that is mostly
words quoted from someone else is left out (it is not the speaker's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.glossary import GIVEN_NAMES
from bot.knowledge.layout import MIN_QUOTE_CHARS

MAX_PIECE = 320  # longer sentences are cut at a clause boundary
_REACTION_WORDS = re.compile(
    r"cheer|laughter|applause|voice|cries|cry|hear|good|hurra|hurrah|sensation|hisses|"
    r"groans|bravo|interrupt|here|speaker|loud|great|shouts|that's so|yes|no\b",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\[[^\[\]]{0,600}\]")
_EDITORIAL = re.compile(r"\[[a-z][a-z ,.'’-]{0,40}\]")  # a word the editor supplied
_PAREN = re.compile(r"\([^()]{0,600}\)")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Hon|Gen|Col|Gov|Jr|Sr|Esq|vs|No|Vol|pp|Rev|Prof|Sen|Rep|etc|"
    + "|".join(GIVEN_NAMES)  # "Fred. Douglass" is one name, not the end of a sentence
    + r")"
    r"|\b[A-Z]|\b(?:U\.S|U\.N|D\.C|i\.e|e\.g))\.$"
)
_END = re.compile(r"[.!?]+(?:''|[”’\"')])*(?=\s+|$)")
_CLAUSE = re.compile(r";\s+|---|—|:\s+|,\s+(?=(?:and|but|or|for|while|when|which|because)\b)")
_QUOTED = re.compile(r"``.*?''|“[^”]*”")
# a voice from the crowd reported inside a paragraph: "A VOICE, how about the conspiracy?"
_VOICE = re.compile(
    r"^(?:A VOICE|VOICES|SEVERAL VOICES|A voice|Voices|Several voices|CRIES|Cries of)\b"
    r"\s*(?:[,:.]|---|—|-)"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """Verbatim text[start:end] of one paragraph."""

    start: int
    end: int
    text: str


def _is_reaction(inner: str) -> bool:
    """A parenthesis or bracket that is the crowd or the editor, not the speaker's words."""
    body = inner[1:-1].strip()
    if not body:
        return True
    if "``" in body or "“" in body or '"' in body:
        return True
    return bool(_REACTION_WORDS.search(body)) or (body[:1].isupper() and body[-1:] in ".!")


def runs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Stretches of the paragraph between reactions, brackets and footnote marks."""
    cuts: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text):
        if not _EDITORIAL.fullmatch(m.group(0)):  # "[t]he", "[of conspiracy]" stay in
            cuts.append((m.start(), m.end()))
    for m in _PAREN.finditer(text):
        if _is_reaction(m.group(0)):
            cuts.append((m.start(), m.end()))
    cuts.sort()
    out: list[tuple[int, int]] = []
    pos = start
    for a, b in cuts:
        if b <= pos:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = a
    for m in _END.finditer(text, a, b):
        end = m.end()
        head = text[begin:m.start() + 1]
        if m.group(0).startswith(".") and _ABBREV.search(head):
            continue
        nxt = text[end:b].lstrip()
        if nxt and nxt[0].islower():
            continue
        out.append((begin, end))
        begin = end
    if begin < b:
        out.append((begin, b))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:-—)]"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A long sentence as clauses of at most about MAX_PIECE characters."""
    if b - a <= MAX_PIECE:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    begin = a
    last = a
    for m in _CLAUSE.finditer(text, a, b):
        if m.start() - begin > MAX_PIECE and last > begin:
            out.append((begin, last))
            begin = last
        last = m.end()
    if b - begin > MAX_PIECE and last > begin:
        out.append((begin, last))
        begin = last
    out.append((begin, b))
    return out


def _mostly_quoted(piece: str) -> bool:
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(piece))
    return quoted > 0.8 * len(piece)


def pieces(text: str, start: int = 0, quoted: bool = False) -> list[Piece]:
    """Quotable pieces of a paragraph from offset `start`, in order.

    With `quoted`, pieces in quotation marks are kept (the paragraph is read out).
    """
    out: list[Piece] = []
    for ra, rb in runs(text, start):
        pending: tuple[int, int] | None = None
        for sa, sb in _sentences(text, ra, rb):
            for ca, cb in _cut(text, sa, sb):
                ca, cb = _trim(text, ca, cb)
                if pending is not None:
                    ca = pending[0]
                    pending = None
                if cb - ca < MIN_QUOTE_CHARS + 10:
                    pending = (ca, cb)
                    continue
                piece = text[ca:cb]
                if _VOICE.match(piece):
                    continue  # the crowd's words, not the speaker's
                if quoted or not _mostly_quoted(piece):
                    out.append(Piece(ca, cb, piece))
        if pending is not None and pending[1] - pending[0] >= MIN_QUOTE_CHARS:
            piece = text[pending[0]:pending[1]]
            if not _VOICE.match(piece) and (quoted or not _mostly_quoted(piece)):
                out.append(Piece(pending[0], pending[1], piece))
    return out


_LAST_SENTENCE = re.compile(r"(?<=[.?!)\]])\s+(?=[A-Z(\[])")


def voice_at_end(text: str) -> str | None:
    """A voice from the crowd that ends a paragraph ("A VOICE, how about the conspiracy?")."""
    head = text.rstrip()
    last = _LAST_SENTENCE.split(head)[-1] if head else ""
    return last if _VOICE.match(last) else None


def reaction_before(text: str, start: int) -> str | None:
    """The crowd's reaction standing just before offset `start`, if any ("(Cheers.)", or a
    voice reported in the text: "A VOICE, how about the conspiracy?")."""
    head = text[:start].rstrip()
    last = _LAST_SENTENCE.split(head)[-1] if head else ""
    if _VOICE.match(last):
        return last
    for pattern in (_BRACKET, _PAREN):
        for m in pattern.finditer(head, max(0, len(head) - 620)):
            group = m.group(0)
            reacts = pattern is _BRACKET or _is_reaction(group)
            if m.end() == len(head) and reacts and not _EDITORIAL.fullmatch(group):
                return group[1:-1]
    return None
