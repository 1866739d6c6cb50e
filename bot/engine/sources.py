"""What every kind of answer draws on: the reading, its index, the ranker and the text."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.answers import Answer, cite
from bot.engine.index import PositionIndex
from bot.engine.quotes import QuoteFinder
from bot.engine.rank import Ranker
from bot.knowledge.model import Contributor, Position, Reading


@dataclass(frozen=True, slots=True)
class Sources:
    """One reading's search structures, built once by the engine, shared by the answerers."""

    reading: Reading
    index: PositionIndex
    ranker: Ranker
    quotes: QuoteFinder
    contributors: tuple[Contributor, ...]  # in the order they wrote

    def cite(self, pos: Position, score: float) -> Answer:
        """A position as a cited answer."""
        return cite(self.reading, pos, score)

    def names(self, ids: tuple[str, ...], joiner: str = " or ") -> str:
        """Short names of contributors: "Neier or Hom"."""
        return joiner.join(self.reading.contributor(c).short_name for c in ids)
