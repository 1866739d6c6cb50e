"""What to tell someone who runs ``python -m bot`` without the project's dependencies.

Stdlib only: this is what runs when pyyaml, rapidfuzz or discord.py cannot be imported.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from pathlib import Path

from bot.paths import PROJECT_ROOT


def is_missing_dependency(exc: ModuleNotFoundError) -> bool:
    """True when a third-party module is missing (not a module of this project)."""
    top = (exc.name or "").partition(".")[0]
    return bool(top) and top != "bot"


def _shown(path: Path) -> str:
    """`path` relative to the current folder when inside it, for shorter commands."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def missing_dependency_message(exc: ModuleNotFoundError, argv: Sequence[str]) -> str:
    """A few lines naming the missing module and the command that sets everything up.

    `argv` is the bot's arguments (``sys.argv[1:]``), repeated in the suggested command.
    """
    args = " ".join(shlex.quote(a) for a in argv) or "--help"
    tasks = shlex.quote(_shown(PROJECT_ROOT / "tasks.py"))
    venv = PROJECT_ROOT / ".venv"
    lines = [
        f"`python -m bot` needs the project's dependencies (no module named {exc.name!r}).",
        f"Run:  python3 {tasks} {args}",
        "      (it creates .venv and installs them the first time)",
    ]
    if venv.exists():
        if os.name == "nt":
            activate = _shown(venv / "Scripts" / "activate")
        else:
            activate = ". " + shlex.quote(_shown(venv / "bin" / "activate"))
        lines.append(f"or activate .venv first ({activate}) and run the same command again.")
    return "\n".join(lines)
