"""What every kind of answer draws on: the reading, its index, the ranker and the text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.engine.answers import Answer, cite
from bot.engine.index import PositionIndex
from bot.engine.lexicon import STOPWORDS
from bot.engine.quotes import QuoteFinder
from bot.engine.rank import Ranker
from bot.engine.text import words
from bot.knowledge.model import Contributor, Position, Reading


@dataclass(frozen=True, slots=True)
class Sources:
    """One reading's search structures, built once by the engine, shared by the answerers."""

    reading: Reading
    index: PositionIndex
    ranker: Ranker
    quotes: QuoteFinder
    contributors: tuple[Contributor, ...]  # in the order they wrote
    # every word of each contributor's id, name and aliases ("nicholas", "bequelin", "hrw")
    name_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # whose part each paragraph is in (several ids where parts overlap; none: no one's words,
    # such as a photo caption or a reporter's note)
    owners: Mapping[int, frozenset[str]] = field(default_factory=dict)

    def unowned(self, number: int) -> bool:
        """Whether a paragraph is in no contributor's part."""
        return number not in self.owners

    def cite(self, pos: Position, score: float) -> Answer:
        """A position as a cited answer."""
        return cite(self.reading, pos, score)

    def names(self, ids: tuple[str, ...], joiner: str = " or ") -> str:
        """Short names of contributors: "Neier or Hom"."""
        return joiner.join(self.reading.contributor(c).short_name for c in ids)


def name_words(contributors: tuple[Contributor, ...]) -> dict[str, frozenset[str]]:
    """Every word of each contributor's id, name and aliases, stopwords aside."""
    out: dict[str, frozenset[str]] = {}
    for c in contributors:
        found = set(c.id.split("-"))
        for name in (c.name, c.short_name, *c.aliases):
            found.update(words(name))
        out[c.id] = frozenset(found - STOPWORDS)
    return out


def paragraph_owners(contributors: tuple[Contributor, ...]) -> dict[int, frozenset[str]]:
    """Each paragraph that is in a contributor's part, with the ids of those whose part it is."""
    out: dict[int, set[str]] = {}
    for c in contributors:
        for n in c.paragraphs:
            out.setdefault(n, set()).add(c.id)
    return {n: frozenset(ids) for n, ids in out.items()}
