"""The quiz in the local console: one player, answers typed as a name or a number.

`quiz [ROUNDS] [KIND]` starts it; each line after that answers the current round until the
quiz ends (`stop` ends it early). Names are read as everywhere in the console (fuzzy,
aliases, misspellings) through the `resolve` function the console passes in.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bot.console_lookup import parse_kind
from bot.knowledge.model import Contributor, Kind, Reading
from bot.quiz import draw
from bot.quiz.session import Answered, QuizSession

DEFAULT_ROUNDS = 5
MAX_ROUNDS = 20
PLAYER = 0
USAGE = f"Usage: quiz [ROUNDS] [KIND] (rounds 1-{MAX_ROUNDS}, default {DEFAULT_ROUNDS})."

Resolve = Callable[[str], Contributor | None]


class ConsoleQuiz:
    """A quiz being played in the console."""

    def __init__(self, reading: Reading, session: QuizSession, resolve: Resolve) -> None:
        self.reading = reading
        self.session = session
        self.resolve = resolve
        self.order = sorted(reading.contributors, key=lambda c: c.order)

    @classmethod
    def start(
        cls, reading: Reading, args: str, resolve: Resolve, rng: random.Random | None = None
    ) -> tuple[ConsoleQuiz | None, str]:
        """A new quiz from the `quiz` command's arguments, and the text to show."""
        rounds, kind = DEFAULT_ROUNDS, None
        kinds = [k.value for k in Kind]
        for word in args.split():
            if word.isdigit():
                rounds = int(word)
            elif (named := parse_kind(word, kinds)) is not None:
                kind = named  # "recommendations", "worries", a near miss
            else:
                return None, f"{word!r} is neither a number of rounds nor a kind. {USAGE}"
        if not 1 <= rounds <= MAX_ROUNDS:
            return None, USAGE
        questions = draw.draw(draw.eligible(reading, kind), rounds, rng)
        if not questions:
            what = f"{kind} quotes" if kind else "quotes"
            return None, f"This reading has no {what} distinctive enough for a quiz."
        contributors = [c.id for c in sorted(reading.contributors, key=lambda c: c.order)]
        session = QuizSession(questions, contributors, round_seconds=0)
        quiz = cls(reading, session, resolve)
        note = "" if len(questions) == rounds else f" (only {len(questions)} fair quotes)"
        head = f"Who said it? {len(questions)} rounds{note}. Type a name or a number; `stop` ends."
        return quiz, head + "\n\n" + quiz.ask()

    def ask(self) -> str:
        """Open the next round: the masked quote and the numbered contributors."""
        q = self.session.start_round()
        choices = "\n".join(f"  {i}. {c.name}" for i, c in enumerate(self.order, start=1))
        return (
            f"Round {self.session.number} of {self.session.rounds}. Who said it?\n"
            f"  “{q.masked.text}”\n{choices}"
        )

    def contributor_for(self, text: str) -> Contributor | None:
        """The contributor a typed answer means: a number from the list, else a name."""
        text = text.strip().rstrip(".")
        if text.isdigit():
            n = int(text)
            return self.order[n - 1] if 1 <= n <= len(self.order) else None
        return self.resolve(text)

    def handle(self, line: str) -> tuple[str, bool]:
        """The reply to one answer line, and whether the quiz is still going."""
        text = line.strip()
        if text.lower() in ("stop", "stop quiz", "quit quiz"):
            self.session.open = False
            return "Quiz stopped.\n" + self.summary(), False
        who = self.contributor_for(text)
        if who is None:
            return (
                f"I don't know which contributor {text!r} means: type a number from 1 to "
                f"{len(self.order)} or a name (`stop` ends the quiz).",
                True,
            )
        if self.session.answer(PLAYER, "you", who.id) is not Answered.TAKEN:
            return "That round is closed.", True
        outcome = self.session.close_round()
        q = outcome.question
        author = self.reading.contributor(q.answer)
        mine = outcome.results[0]
        where = f"{author.name} (paragraph {q.position.paragraph})"
        if mine.right:
            streak = f", {mine.streak} in a row" if mine.streak > 1 else ""
            verdict = f"Right! +{mine.points}{streak}. {where}:"
        else:
            verdict = f"No: it was {where}:"
        reveal = f"{verdict}\n  “{q.position.quote}”"
        if self.session.finished:
            return reveal + "\n\n" + self.summary(), False
        return reveal + "\n\n" + self.ask(), True

    def summary(self) -> str:
        """The final tally."""
        standing = self.session.standings.get(PLAYER)
        if standing is None:
            return "No rounds answered."
        return (
            f"Your score: {standing.points} points, {standing.right} of {standing.answered} "
            f"right, best streak {standing.best_streak}."
        )
