"""A drafted glossary: the initials members write for the names a text spells out.

"District of Columbia" becomes "DC", "Human Rights Watch" "HRW": a name of two to four
capitalised words (joined by "of", "the" or "for" at most; "X and Y" are two names), used
at least twice, whose initials are no word of the text or of the question lexicon and
stand for no other name of the text. And a given name the text shortens before a surname
("Fred. Douglass", "Wm. Seward") is known by its full form ("Frederick").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from bot.engine.lexicon import STOPWORDS

_NAME = re.compile(
    r"\b[A-Z][a-z]+(?:(?:\s+(?:of|the|for))*\s+[A-Z][a-z]+){1,3}\b"
)
_JOINERS = frozenset({"of", "the", "for"})
_LEADING = frozenset({"The", "A", "An", "In", "On", "At", "Of", "And", "But", "Mr", "Mrs",
                      "Judge", "Senator", "Hon", "Gen", "Dr", "I", "If", "When", "Now", "So"})
MIN_USES = 2
MAX_TERMS = 40
# given names as older texts shorten them, and the names members write
GIVEN_NAMES = {
    "Alex": "Alexander", "Benj": "Benjamin", "Chas": "Charles", "Danl": "Daniel",
    "Edw": "Edward", "Fred": "Frederick", "Geo": "George", "Jas": "James", "Jno": "John",
    "Jos": "Joseph", "Richd": "Richard", "Robt": "Robert", "Saml": "Samuel",
    "Thos": "Thomas", "Wm": "William",
}
_SHORT_GIVEN = re.compile(r"\b(" + "|".join(GIVEN_NAMES) + r")\.\s+[A-Z][a-z]+")


def draft_glossary(text: str) -> list[tuple[str, list[str]]]:
    """(initials, [the name]) for the text's repeated multi-word names, most used first."""
    vocabulary = {w.casefold() for w in re.findall(r"[A-Za-z]+", text)}
    uses: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        parts = m.group(0).split()
        while parts and (parts[0] in _LEADING or parts[0].casefold() in STOPWORDS):
            parts = parts[1:]  # "Does the Judge": a sentence's first word is no name
        while parts and (parts[-1] in _JOINERS or parts[-1] in _LEADING):
            parts = parts[:-1]
        capitals = [p for p in parts if p not in _JOINERS]
        if 2 <= len(capitals) <= 4:
            uses[" ".join(parts)] += 1
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name, count in uses.items():
        if count < MIN_USES:
            continue
        initials = "".join(p[0] for p in name.split() if p not in _JOINERS)
        if initials.casefold() in vocabulary or initials.casefold() in STOPWORDS:
            continue
        by_initials[initials].append(name)
    out = [(initials, names) for initials, names in by_initials.items() if len(names) == 1]
    out.sort(key=lambda item: (-uses[item[1][0]], item[0]))
    return out[:MAX_TERMS] + _given_names(text, vocabulary)


def _given_names(text: str, vocabulary: set[str]) -> list[tuple[str, list[str]]]:
    """(full given name, [its short form]) for each one the text shortens and never spells
    out ("Fred. Douglass": members write "Frederick")."""
    short = dict.fromkeys(m.group(1) for m in _SHORT_GIVEN.finditer(text))
    return [(GIVEN_NAMES[s], [s]) for s in short if GIVEN_NAMES[s].casefold() not in vocabulary]
