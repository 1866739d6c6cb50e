"""One member's conversation with the bot: what earlier turns established.

Front ends own one :class:`Conversation` per conversation (per console session; per
member and channel in Discord, and per reply chain) and pass it to ``Engine.ask``; the
engine reads follow-ups against it and records each turn in it. Front ends treat it as
opaque: they create it, keep it, forget it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Conversation:
    """The context earlier turns left; mutated by the engine only."""

    questions: list[str] = field(default_factory=list)  # earlier questions, oldest first

    @property
    def turns(self) -> int:
        """How many questions this conversation has seen."""
        return len(self.questions)

    def record(self, question: str) -> None:
        """Note one more question (the engine calls this after answering it)."""
        self.questions.append(question)
