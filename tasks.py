#!/usr/bin/env python3
"""Set up the project and run it, or its checks; needs only Python 3.11+.

    python3 tasks.py run      # create .venv, install, start the bot (console without a token)
    python3 tasks.py check    # create .venv, install dev tools, run ruff, mypy, validate, pytest
    python3 tasks.py COMMAND  # create .venv, install, run `python -m bot COMMAND`: chat, ask,
                              # sync, validate, bench, ... (`python3 tasks.py --help` lists them)

Extra arguments after the task go to the bot (`run`, any bot COMMAND) or to pytest (`check`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

HELP_WORDS = ("-h", "--help", "help")


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


def _install(*cmd: str | Path) -> None:
    """Like _run, on stderr: `python3 tasks.py ask --json -` must print only JSON."""
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, stdout=sys.stderr)


def _fresh(stamp: Path, spec: Path) -> bool:
    return stamp.exists() and stamp.stat().st_mtime >= spec.stat().st_mtime


def setup(extra: str) -> None:
    """Create the virtual environment once and (re)install the project into it.

    An install with the dev tools also serves the plain one (it holds every dependency).
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may run on an older python3
        raise SystemExit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print(f"creating {VENV}", file=sys.stderr, flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra or 'base'}"
    spec = ROOT / "pyproject.toml"
    if _fresh(stamp, spec) or (not extra and _fresh(VENV / ".installed-dev", spec)):
        return
    _install(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _install(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extra}]" if extra else ".")
    stamp.touch()


def plan(argv: list[str]) -> tuple[str, list[str]] | None:
    """What to do for these arguments: (the install extra, the bot's arguments), or None for
    `check` (its own sequence) and for no task (print the usage).

    `run` and every other word go to `python -m bot` unchanged, so a subcommand added to the
    bot later needs nothing here; `python3 tasks.py --help` shows the bot's subcommands.
    """
    if not argv or argv[0] == "check":
        return None
    if argv[0] in HELP_WORDS:
        return "", ["--help"]
    return "", list(argv)


def run_bot(bot_args: list[str]) -> int:
    """`python -m bot ARGS` in the venv, from the project folder; its exit status.

    Ctrl-C reaches the bot as well (same terminal): tasks.py waits for it to finish its
    goodbye or shutdown instead of killing it.
    """
    proc = subprocess.Popen([str(PY), "-m", "bot", *bot_args], cwd=ROOT)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            continue


def check(rest: list[str]) -> int:
    """ruff, mypy --strict, validate and pytest (with `rest`), in the dev install."""
    setup("dev")
    _run(PY, "-m", "ruff", "check", ".")
    _run(PY, "-m", "mypy")
    _run(PY, "-m", "bot", "validate")
    return subprocess.run([str(PY), "-m", "pytest", *rest], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    try:
        if argv and argv[0] == "check":
            return check(argv[1:])
        todo = plan(argv)
        if todo is None:
            print(__doc__)
            return 2
        extra, bot_args = todo
        setup(extra)
        if bot_args == ["--help"]:
            print(__doc__)
        return run_bot(bot_args)
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
