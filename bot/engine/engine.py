"""The answer engine's front door: one object, built once at start-up, used by every front end."""

from __future__ import annotations

import random
from pathlib import Path

from bot.engine.answers import Answer, Reply
from bot.knowledge.model import Contributor, Reading


class Engine:
    """Answers questions about one reading from its curated index. Knows nothing of Discord."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        raise NotImplementedError("engine under construction")

    @classmethod
    def load(cls, knowledge: Path | None = None, reading_id: str | None = None) -> Engine:
        """Load and validate the knowledge folder, then build the engine for one reading."""
        from bot.knowledge.loader import load_library

        return cls(load_library(knowledge).get(reading_id))

    def ask(self, question: str, limit: int = 3) -> Reply:
        """Answer a question in plain words."""
        raise NotImplementedError

    def who(self, topic: str, limit: int = 6) -> Reply:
        """Who said what on a topic: at most one answer per contributor."""
        raise NotImplementedError

    def compare(self, first: str, second: str, topic: str = "") -> Reply:
        """Two contributors side by side, on a topic or on their main points."""
        raise NotImplementedError

    def positions(self, contributor: Contributor, kind: str | None = None) -> list[Answer]:
        """Every position of a contributor (optionally of one kind), in text order."""
        raise NotImplementedError

    def resolve_contributor(self, text: str) -> Contributor | None:
        """The contributor a name, alias, misspelling or ordinal refers to, if exactly one."""
        raise NotImplementedError

    def suggest_contributors(self, text: str, limit: int = 25) -> list[Contributor]:
        """Contributors ranked for autocomplete on partial text (all of them for '')."""
        raise NotImplementedError

    def random_quote(
        self, contributor: Contributor | None = None, rng: random.Random | None = None
    ) -> Answer:
        """A random position's quote, optionally of one contributor."""
        raise NotImplementedError

    def related(self, text: str, limit: int = 6) -> list[Answer]:
        """Positions relevant to a free-text topic or prompt, best per contributor first."""
        raise NotImplementedError
