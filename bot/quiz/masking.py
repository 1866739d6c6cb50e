"""Masking contributors' names inside a quote, so that a quote does not give its author away.

Only the names are replaced (by :data:`MASK`); every other character of the quote is shown
as it stands in the text, and :meth:`Masked.unmasked` gives the original back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.knowledge.model import Contributor, Reading

MASK = "■■■"
MIN_TERM = 3  # a name shorter than this (an initial) is never masked on its own


@dataclass(frozen=True, slots=True)
class Masked:
    """A quote with names masked: the shown text and the (start, end, original) replaced."""

    text: str
    original: str
    spans: tuple[tuple[int, int], ...]  # positions in `original` that were masked

    @property
    def masked_count(self) -> int:
        """How many names were masked."""
        return len(self.spans)

    def unmasked(self) -> str:
        """The original quote, rebuilt from the shown text and the spans."""
        out: list[str] = []
        pos = 0
        shown = self.text
        cursor = 0
        for start, end in self.spans:
            keep = start - pos
            out.append(shown[cursor : cursor + keep])
            cursor += keep + len(MASK)
            out.append(self.original[start:end])
            pos = end
        out.append(shown[cursor:])
        return "".join(out)


def _is_proper_name(text: str) -> bool:
    """Every word capitalised (or an initialism): 'Sharon Hom', 'HRIC', 'Andrew J. Nathan'."""
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words)


def name_terms(contributor: Contributor) -> set[str]:
    """The names a quote could give a contributor away by: name and short name and each of
    their words (first name, surname), and the aliases that are proper names ('Nick',
    'HRIC'; not 'first contributor'), each alias as a whole."""
    terms = {a.strip() for a in contributor.aliases if _is_proper_name(a.strip())}
    for name in (contributor.name.strip(), contributor.short_name.strip()):
        if not _is_proper_name(name):  # 'the final respondent' names no one
            continue
        terms.add(name)
        terms.update(w.strip(".,") for w in name.split())  # first name, surname
    return {t for t in terms if len(t) >= MIN_TERM}


def reading_terms(reading: Reading) -> tuple[str, ...]:
    """Every contributor's name terms, longest first (so 'Sharon Hom' wins over 'Hom')."""
    terms: set[str] = set()
    for c in reading.contributors:
        terms |= name_terms(c)
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = [re.escape(t) for t in terms]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def mask_quote(quote: str, terms: Iterable[str]) -> Masked:
    """`quote` with every whole-word occurrence of a term replaced by :data:`MASK`."""
    pattern = _pattern(terms)
    if pattern is None:
        return Masked(quote, quote, ())
    spans = tuple((m.start(), m.end()) for m in pattern.finditer(quote))
    return Masked(pattern.sub(MASK, quote), quote, spans)
