"""One member's conversation with the bot: what earlier turns established.

Front ends own one :class:`Conversation` per conversation (per console session; per
member and channel in Discord, and per reply chain) and pass it to ``Engine.ask``; the
engine reads follow-ups against it and records each turn in it. Front ends treat it as
opaque: they create it, keep it, forget it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.engine.answers import Reply
    from bot.engine.question import Question

MAX_TURNS = 50  # questions remembered at most (older ones are forgotten)


@dataclass(slots=True)
class Conversation:
    """The context earlier turns left; mutated by the engine only."""

    questions: list[str] = field(default_factory=list)  # earlier questions, oldest first
    last: Question | None = None  # the last question as it was finally read
    reply: Reply | None = None  # the reply to it
    cited: Reply | None = None  # the last reply that cited something ("got a quote?")
    focus: tuple[str, ...] = ()  # contributor ids "he", "she", "they" refer to now
    earlier: tuple[str, ...] = ()  # contributors the focus held before (for "each other")
    answered: tuple[str, ...] = ()  # contributors answered on the current topic ("who else")
    shown: frozenset[str] = frozenset()  # positions shown on the current topic ("more")
    seen: frozenset[str] = frozenset()  # positions shown at all in this conversation
    move: str = ""  # how the last question leaned on the one before (followup.Move)
    item: int = 0  # the point of a contributor's list the last answer was ("next": item + 1)
    listed: tuple[str, ...] = ()  # contributors the last reply that listed several listed

    @property
    def turns(self) -> int:
        """How many questions this conversation has seen."""
        return len(self.questions)

    def record(self, question: str) -> None:
        """Note one more question (the engine calls this after answering it)."""
        self.questions.append(question)
        del self.questions[:-MAX_TURNS]

    def remember(
        self, q: Question, reply: Reply, *, new_topic: bool, move: str = "", item: int = 0
    ) -> None:
        """What a turn leaves for the next: its reading, reply, focus and what was shown."""
        people = tuple(dict.fromkeys(a.contributor_id for a in reply.answers))
        if reply.mode.value == "compare":
            focus = tuple(dict.fromkeys(q.speakers + people))
        elif people:
            focus = people[:1]
        else:
            focus = q.speakers or q.targets or self.focus
        if focus and focus != self.focus:
            self.earlier = tuple(c for c in self.focus if c not in focus) or self.earlier
        self.focus = focus or self.focus
        if new_topic:
            self.answered, self.shown = (), frozenset()
        self.answered = tuple(dict.fromkeys(self.answered + q.speakers + people[:1]))
        # of one contributor's answer, its first is what a member reads as the answer ("next"
        # goes on from it); of a list, every one shown
        shown = reply.answers if len(people) > 1 else reply.answers[:1]
        self.shown = self.shown | {a.position_id for a in shown}
        self.seen = self.seen | {a.position_id for a in reply.answers}
        if len(people) > 1:  # "the third one?" two turns on still means the third of these
            self.listed = people
        elif new_topic:
            self.listed = ()
        self.last, self.reply, self.move = q, reply, move
        if reply.answers or self.cited is None:  # "which paragraph?" after an abstention
            self.cited = reply
        self.item = item if reply.answers else 0
