"""Validation problems found while loading knowledge files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one knowledge file: where, which entry, and what."""

    file: Path
    entry: str  # the entry's id or key path, e.g. "positions[3] (neier-moral-character)"
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.message}"


class KnowledgeError(Exception):
    """Raised when knowledge files do not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, with a count."""
        lines = [str(p) for p in self.problems]
        noun = "problem" if len(lines) == 1 else "problems"
        return "\n".join([*lines, f"{len(lines)} {noun} found in the knowledge files."])
