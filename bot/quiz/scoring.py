"""Points for one answer: a right answer earns :data:`RIGHT` and up to :data:`SPEED_BONUS`
more for speed (all of it for an instant answer, none at the end of the round)."""

from __future__ import annotations

RIGHT = 10
SPEED_BONUS = 5


def points(right: bool, elapsed: float, round_seconds: float) -> int:
    """The points an answer earns, given how many seconds into the round it came."""
    if not right:
        return 0
    if round_seconds <= 0:
        return RIGHT
    left = max(0.0, min(1.0, 1.0 - elapsed / round_seconds))
    return RIGHT + round(SPEED_BONUS * left)
