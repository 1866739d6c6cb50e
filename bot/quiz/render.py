"""Plain-text pieces of a quiz shared by the front ends (the console, embeds' texts)."""

from __future__ import annotations

from bot.knowledge.model import Reading
from bot.quiz.session import MemberResult, RoundOutcome


def seconds(value: float) -> str:
    """'3.2 s'."""
    return f"{value:.1f} s"


def result_line(result: MemberResult, reading: Reading) -> str:
    """'alice: right in 3.2 s, +14 (streak 2)' or 'bob: Hom (wrong)'."""
    if result.right:
        streak = f", streak {result.streak}" if result.streak > 1 else ""
        return f"{result.name}: right in {seconds(result.elapsed)}, +{result.points}{streak}"
    chose = reading.contributor(result.chosen).name
    return f"{result.name}: {chose} (wrong)"


def outcome_lines(outcome: RoundOutcome, reading: Reading) -> list[str]:
    """One line per member who answered, right answers (fastest) first."""
    return [result_line(r, reading) for r in outcome.results]

