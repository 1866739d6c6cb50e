"""The two runs of `python -m bot bench`: a quick default and the long `--full` one.

Kept apart from :mod:`bot.bench` so that building the command line imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    """How much a benchmark run does."""

    scale: int  # size factor of the synthetic index (1: the shipped index only)
    repeat: int  # timed passes over the questions
    questions: str  # which questions, in words

    def describe(self) -> str:
        """'the built-in questions, 10 passes, synthetic index x10'."""
        return f"{self.questions}, {self.repeat} passes, synthetic index x{self.scale}"


QUICK = Preset(scale=10, repeat=10, questions="the built-in questions")
FULL = Preset(scale=100, repeat=5, questions="the dev questions or, without them, the held-out set")
