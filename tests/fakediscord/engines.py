"""Engine stand-ins for Discord tests: the real engine with scripted replies or failures."""

from __future__ import annotations

import random
import threading

from bot.discordbot.engine_api import AnswerEngine
from bot.engine.answers import Answer, Reply
from bot.engine.conversation import Conversation
from bot.knowledge.model import Contributor, Reading


class ScriptedEngine:
    """Delegates to a real engine, except for scripted `ask` replies and failures.

    ``replies[question]`` is returned by ``ask(question)``; any call whose text contains
    one of ``fail_on`` raises ``RuntimeError`` (to test the error handler). ``ask`` records
    each question in ``asked`` and the conversation it came with in ``conversations``.
    ``slow[question]`` is an event: ``ask(question)`` blocks its thread until the event is
    set or ``slow_seconds`` pass, like an answer that takes that long.
    """

    def __init__(self, base: AnswerEngine) -> None:
        self.base = base
        self.replies: dict[str, Reply] = {}
        self.fail_on: set[str] = set()
        self.asked: list[str] = []
        self.conversations: list[Conversation | None] = []
        self.slow: dict[str, threading.Event] = {}
        self.slow_seconds = 3.5

    @property
    def reading(self) -> Reading:
        return self.base.reading

    def _maybe_fail(self, *texts: str) -> None:
        for text in texts:
            for trigger in self.fail_on:
                if trigger in text:
                    raise RuntimeError(f"scripted failure on {text!r}")

    def ask(
        self,
        question: str,
        limit: int = 3,
        contributor: Contributor | None = None,
        conversation: Conversation | None = None,
    ) -> Reply:
        self.asked.append(question)
        self.conversations.append(conversation)
        if question in self.slow:
            self.slow[question].wait(self.slow_seconds)
        self._maybe_fail(question)
        if question in self.replies and contributor is None:
            if conversation is not None:
                conversation.record(question)
            return self.replies[question]
        return self.base.ask(question, limit, contributor, conversation)

    def who(self, topic: str, limit: int = 6) -> Reply:
        self._maybe_fail(topic)
        return self.base.who(topic, limit)

    def compare(self, first: str, second: str, topic: str = "") -> Reply:
        self._maybe_fail(first, second, topic)
        return self.base.compare(first, second, topic)

    def positions(self, contributor: Contributor, kind: str | None = None) -> list[Answer]:
        return self.base.positions(contributor, kind)

    def resolve_contributor(self, text: str) -> Contributor | None:
        self._maybe_fail(text)
        return self.base.resolve_contributor(text)

    def suggest_contributors(self, text: str, limit: int = 25) -> list[Contributor]:
        return self.base.suggest_contributors(text, limit)

    def random_quote(
        self, contributor: Contributor | None = None, rng: random.Random | None = None
    ) -> Answer:
        return self.base.random_quote(contributor, rng)

    def related(self, text: str, limit: int = 6) -> list[Answer]:
        return self.base.related(text, limit)
