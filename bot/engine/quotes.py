"""Finding where in the text a quoted phrase stands, and the verbatim sentence around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine.text import fold, stems
from bot.knowledge.model import Reading

MIN_PHRASE_RATIO = 88.0  # how closely a remembered phrase must match the text
QUOTING_MARGIN = 8.0  # an original this close to a match inside quotation marks wins
LOOKED_AT = MIN_PHRASE_RATIO - QUOTING_MARGIN  # a paragraph scoring less plays no part
_BOUNDARY = re.compile(r"(?<=[.?!])[\"”’)]*\s+(?=[A-Z“\"(])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\bMr\.|\bDr\.|\bMs\.)$")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each a verbatim slice of it ("U.S." does not end a sentence)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start : m.start()]
        if _ABBREVIATION.search(head):
            continue
        cut = m.start() + len(m.group(0).rstrip())
        out.append(text[start:cut].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


@dataclass(frozen=True, slots=True)
class Located:
    """Where a phrase was found: paragraph, the verbatim sentence, and how sure (0..100)."""

    paragraph: int
    sentence: str
    ratio: float


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a paragraph of substance, with its stems."""

    paragraph: int
    text: str  # verbatim
    stems: frozenset[str]


# a sentence that is all in parentheses or brackets: "(Three times three cheers were here
# given for Douglas.)", the reporter's or the editor's, no one's words
_ASIDE = re.compile(r"^[(\[][^()\[\]]*[)\]][.!?]?$")


def sentences_of(reading: Reading) -> tuple[Sentence, ...]:
    """Every sentence of the reading's paragraphs of substance (built once per reading), but
    the asides of the reporter or the editor."""
    return tuple(
        Sentence(p.number, s, frozenset(stems(s)))
        for p in reading.paragraphs
        if p.substantive
        for s in split_sentences(p.text)
        if not _ASIDE.match(s)
    )


class QuoteFinder:
    """Locates phrases in a reading's paragraphs of substance. Built once per reading."""

    def __init__(self, reading: Reading) -> None:
        self._paragraphs = [
            (p.number, p.text, fold(p.text)) for p in reading.paragraphs if p.substantive
        ]
        self.sentences = sentences_of(reading)
        self._folded = [folded for _, _, folded in self._paragraphs]
        by_paragraph: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        self._by_paragraph = {n: tuple(own) for n, own in by_paragraph.items()}

    def in_paragraph(self, number: int) -> tuple[Sentence, ...]:
        """The sentences of one paragraph of substance, in order (none for another)."""
        return self._by_paragraph.get(number, ())

    def locate(self, phrase: str) -> Located | None:
        """The paragraph and sentence that best hold `phrase`, if it is close enough."""
        needle = fold(phrase).strip(" ?.!\"'")
        if len(needle) < 8:
            return None
        # a paragraph below LOOKED_AT can neither match nor be close to the best match: all
        # are scored in one call, which gives up early on those
        hits = process.extract(
            needle, self._folded, scorer=fuzz.partial_ratio, score_cutoff=LOOKED_AT, limit=None
        )
        top = max((score for _, score, _ in hits), default=0.0)
        if top < MIN_PHRASE_RATIO:
            return None
        close: list[tuple[float, bool, int, str]] = []
        for _, score, k in hits:
            if score < top - QUOTING_MARGIN:
                continue
            number, text, folded = self._paragraphs[k]
            found = fuzz.partial_ratio_alignment(needle, folded)
            if found is None:
                continue
            span = folded[found.dest_start : found.dest_end]
            quoting = folded[: found.dest_start].count('"') % 2 == 1 or '"' in span
            close.append((found.score, quoting, number, text))
        if not close:
            return None
        # a contributor quoting another's words is not their author: prefer the original
        ratio, _, number, text = min(close, key=lambda s: (s[1], -s[0], s[2]))
        return Located(number, self.sentence(text, needle), ratio)

    @staticmethod
    def sentence(text: str, needle: str) -> str:
        """The sentence of `text` (verbatim) that best holds `needle`."""
        sentences = [s for s in split_sentences(text) if len(s) > 3]
        if not sentences:
            return text
        return max(sentences, key=lambda s: fuzz.partial_ratio(needle, fold(s)))
