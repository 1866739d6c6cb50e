"""What the Discord layer needs from the answer engine, as a Protocol.

:class:`bot.engine.Engine` satisfies it; tests may pass a small stand-in.
"""

from __future__ import annotations

import random
from typing import Protocol

from bot.engine.answers import Answer, Reply
from bot.engine.conversation import Conversation
from bot.knowledge.model import Contributor, Reading


class AnswerEngine(Protocol):
    """The engine API (see :mod:`bot.engine.engine` for what each method means)."""

    @property
    def reading(self) -> Reading: ...

    def ask(
        self,
        question: str,
        limit: int = 3,
        contributor: Contributor | None = None,
        conversation: Conversation | None = None,
    ) -> Reply: ...

    def who(self, topic: str, limit: int = 6) -> Reply: ...

    def compare(self, first: str, second: str, topic: str = "") -> Reply: ...

    def positions(self, contributor: Contributor, kind: str | None = None) -> list[Answer]: ...

    def resolve_contributor(self, text: str) -> Contributor | None: ...

    def suggest_contributors(self, text: str, limit: int = 25) -> list[Contributor]: ...

    def random_quote(
        self, contributor: Contributor | None = None, rng: random.Random | None = None
    ) -> Answer: ...

    def related(self, text: str, limit: int = 6) -> list[Answer]: ...
