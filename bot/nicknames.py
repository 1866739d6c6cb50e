"""Everyday short forms of given names ("Abe" for Abraham, "Nick" for Nicholas), from the
`nicknames` package's hand-curated table of English names (general knowledge, not any
reading's): drafted into a reading's aliases, and asked whether a word is a given name at all."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from nicknames import NickNamer

SHARED_START = 2  # a short form kept must begin as its name does ("Abe", not "Drew")
MIN_LENGTH = 3  # "ab", "al": too short to tell from other words


@lru_cache(maxsize=1)
def _namer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=1024)
def _short_forms(given: str) -> frozenset[str]:
    return frozenset(_namer().nicknames_of(given))


def nicknames(given: str, taken: Collection[str] = ()) -> frozenset[str]:
    """The short forms of the given name `given` that can stand for it in a question.

    A short form is kept when it is at least MIN_LENGTH letters, starts with the name's own
    first SHARED_START letters (so "Andy" for Andrew, never "Drew", a word of its own), and is
    not in `taken` (the reading's own words and other names, which it would steal).
    """
    given = given.casefold()
    if not given.isalpha():
        return frozenset()
    return frozenset(
        n for n in _short_forms(given)
        if n.isalpha() and len(n) >= MIN_LENGTH and n[:SHARED_START] == given[:SHARED_START]
        and n != given and n not in taken
    )


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether the table knows `word` as an English given name or a short form of one
    ("abe", "steve", "mary"); a caller rules out the words the reading itself uses."""
    word = word.casefold()
    if not word.isalpha() or len(word) < MIN_LENGTH:
        return False
    namer = _namer()
    return bool(namer.canonicals_of(word) or namer.nicknames_of(word))
