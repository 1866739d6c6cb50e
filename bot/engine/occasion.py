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


def unnamed_occasion(tokens: list[str], index: PositionIndex, skip: set[int]) -> str:
    """The name in "at the Alton debate" / "in his Peoria speech" when the reading never
    uses it (nor is it a misspelling of a name it uses): the question asks of words spoken
    elsewhere, which the reading cannot hold; "" otherwise. `skip`: contributors' names."""
    for i in range(2, len(tokens)):
        if tokens[i] not in OCCASIONS or (tokens[i - 2] not in _AT and not (
            i >= 3 and tokens[i - 3] in _AT and tokens[i - 2] in STOPWORDS
        )):
            continue
        name = tokens[i - 1]
        if (i - 1 in skip or len(name) < 3 or name in STOPWORDS or everyday(name)
                or name.endswith(_DESCRIBING) or index.knows(name)):
            continue
        fixed, changed = index.correct(name)
        # a misspelt name of the reading ("otawa") or word ("frist") is no other occasion;
        # a name one letter from an everyday word ("alton", "alone") is
        if not changed or (everyday(fixed) and sorted(fixed) != sorted(name)):
            return name
    return ""
