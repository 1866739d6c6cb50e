"""One quiz in progress: its questions, the answers of the current round, the running tally.

Pure and synchronous: the front end (the Discord cog, the console) shows each question,
passes answers in with :meth:`QuizSession.answer`, and closes the round with
:meth:`QuizSession.close_round`, whose :class:`RoundOutcome` says who was right, how fast,
the points and streaks, and what to record in the score store.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from bot.quiz.draw import Question
from bot.quiz.scoring import points


class Answered(Enum):
    """What became of an answer."""

    TAKEN = "taken"
    ALREADY = "already"  # one answer per member per round: the first one counts
    CLOSED = "closed"  # the round is over (or the quiz is)
    UNKNOWN = "unknown"  # not a contributor of this reading


@dataclass(frozen=True, slots=True)
class MemberResult:
    """One member's answer in a closed round."""

    member_id: int
    name: str
    chosen: str  # contributor id
    right: bool
    elapsed: float  # seconds into the round
    points: int
    streak: int  # right answers in a row in this quiz, this one included (0 when wrong)


@dataclass(frozen=True, slots=True)
class RoundOutcome:
    """A closed round: its question and every member's result, fastest first."""

    number: int  # 1-based
    question: Question
    results: tuple[MemberResult, ...]

    @property
    def right(self) -> tuple[MemberResult, ...]:
        """The members who answered right, fastest first."""
        return tuple(r for r in self.results if r.right)


@dataclass(slots=True)
class Standing:
    """A member's tally in this quiz."""

    member_id: int
    name: str
    points: int = 0
    right: int = 0
    answered: int = 0
    streak: int = 0
    best_streak: int = 0


@dataclass(slots=True)
class _Pending:
    chosen: str
    at: float
    name: str


@dataclass
class QuizSession:
    """A quiz over `questions`; `round_seconds` is used for the speed bonus."""

    questions: Sequence[Question]
    contributors: Sequence[str]  # the ids offered as answers, in speaking order
    round_seconds: float
    clock: Callable[[], float] = time.monotonic
    index: int = -1  # the current round (0-based); -1 before the first
    open: bool = False
    standings: dict[int, Standing] = field(default_factory=dict)
    _answers: dict[int, _Pending] = field(default_factory=dict)
    _started_at: float = 0.0

    @property
    def rounds(self) -> int:
        """How many rounds the quiz has."""
        return len(self.questions)

    @property
    def number(self) -> int:
        """The current round, 1-based (0 before the first)."""
        return self.index + 1

    @property
    def question(self) -> Question:
        """The current round's question."""
        return self.questions[self.index]

    @property
    def finished(self) -> bool:
        """Whether every round has been played."""
        return self.index >= len(self.questions) - 1 and not self.open

    def start_round(self) -> Question:
        """Open the next round and return its question."""
        if self.open:
            raise RuntimeError("the current round is still open")
        if self.index + 1 >= len(self.questions):
            raise RuntimeError("no rounds left")
        self.index += 1
        self.open = True
        self._answers = {}
        self._started_at = self.clock()
        return self.question

    def answer(self, member_id: int, name: str, contributor_id: str) -> Answered:
        """Take a member's answer to the open round (the first one of each member counts)."""
        if not self.open:
            return Answered.CLOSED
        if contributor_id not in self.contributors:
            return Answered.UNKNOWN
        if member_id in self._answers:
            return Answered.ALREADY
        self._answers[member_id] = _Pending(contributor_id, self.clock(), name)
        return Answered.TAKEN

    def answered(self, member_id: int) -> str | None:
        """The contributor a member chose in the open round, if any."""
        pending = self._answers.get(member_id)
        return pending.chosen if pending else None

    def close_round(self) -> RoundOutcome:
        """Close the open round: score every answer and update the standings."""
        if not self.open:
            raise RuntimeError("no round is open")
        self.open = False
        question = self.question
        results: list[MemberResult] = []
        for member_id, pending in self._answers.items():
            right = pending.chosen == question.answer
            elapsed = max(0.0, pending.at - self._started_at)
            earned = points(right, elapsed, self.round_seconds)
            standing = self.standings.setdefault(member_id, Standing(member_id, pending.name))
            standing.name = pending.name
            standing.answered += 1
            standing.points += earned
            if right:
                standing.right += 1
                standing.streak += 1
                standing.best_streak = max(standing.best_streak, standing.streak)
            else:
                standing.streak = 0
            results.append(
                MemberResult(member_id, pending.name, pending.chosen, right, elapsed, earned,
                             standing.streak)
            )
        # Members who sat a round out lose their streak too: a streak is answers in a row.
        for member_id, standing in self.standings.items():
            if member_id not in self._answers:
                standing.streak = 0
        results.sort(key=lambda r: (not r.right, r.elapsed))
        self._answers = {}
        return RoundOutcome(self.number, question, tuple(results))

    def ranking(self) -> list[Standing]:
        """The standings, best first (points, then right answers, then name)."""
        return sorted(
            self.standings.values(), key=lambda s: (-s.points, -s.right, s.name.lower())
        )
