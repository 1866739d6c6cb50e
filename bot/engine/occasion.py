"""Questions set at an occasion the reading never names ("at the Alton debate")."""

from __future__ import annotations

from bot.engine.index import PositionIndex, everyday
from bot.engine.lexicon import STOPWORDS

# nouns of an occasion where words were spoken or written
OCCASIONS = frozenset({
    "debate", "debates", "speech", "speeches", "rally", "convention", "lecture", "hearing",
    "address", "interview", "session", "conference", "panel", "forum",
})
_AT = frozenset({"at", "in", "during", "from"})
# endings of describing words ("his famous speech", "the heated debate"): no names
_DESCRIBING = ("ous", "ful", "ive", "ic", "al", "able", "ible", "est", "ed", "ing", "less")


SPAN = 5  # words at most between "at" and the occasion ("at the later Charleston and Alton")
_JOINING = frozenset({"and", "or"})
# words that open a phrase of its own ("walking in to announce the convention"): no name
_CLAUSE = frozenset({"to", "of", "for", "with", "about", "by", "that", "which", "who"})
# words that place or order an occasion ("the later Alton debate", "his next speech")
_PLACING = frozenset({"later", "earlier", "next", "previous", "other", "final", "last", "first",
                      "second", "third", "big", "great", "old", "new", "own", "whole"})


def unnamed_occasion(tokens: list[str], index: PositionIndex, skip: set[int]) -> str:
    """The name in "at the Alton debate" / "in his Cooper Union address" / "at the later
    Charleston and Alton debates" when the reading never uses it (nor is it a misspelling of a
    name it uses): the question asks of words spoken elsewhere, which the reading cannot
    hold; "" otherwise. `skip`: contributors' names."""
    for i in range(2, len(tokens)):
        if tokens[i] not in OCCASIONS:
            continue
        at = next((j for j in range(i - 2, max(-1, i - 2 - SPAN), -1) if tokens[j] in _AT), None)
        if at is None:
            continue
        between = [tokens[j] for j in range(at + 1, i)]
        if any(j in skip for j in range(at + 1, i)) or _CLAUSE.intersection(between) or not all(
            t in STOPWORDS or t in _JOINING or t in _PLACING or t.endswith(_DESCRIBING)
            or not everyday(t) for t in between
        ):
            continue  # "at the end of his speech": no name of an occasion
        for name in between:
            if (len(name) < 3 or name in STOPWORDS or name in _JOINING or name in _PLACING
                    or everyday(name) or name.endswith(_DESCRIBING) or index.knows(name)):
                continue
            fixed, changed = index.correct(name)
            # a misspelt name of the reading ("otawa") or word ("frist") is no other
            # occasion; a name one letter from an everyday word ("alton", "alone") is
            if not changed or (everyday(fixed) and sorted(fixed) != sorted(name)):
                return name
    return ""
