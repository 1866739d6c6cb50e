#!/usr/bin/env python3
"""Set up the project and run it, or its checks; needs only Python 3.11+.

    python3 tasks.py run     # create .venv, install, start the bot (local console without a token)
    python3 tasks.py check   # create .venv, install dev tools, run ruff, mypy, validate, pytest

Extra arguments after the task go to the bot (`run`) or to pytest (`check`).
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


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


def setup(extra: str) -> None:
    """Create the virtual environment once and (re)install the project into it."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may run on an older python3
        raise SystemExit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra or 'base'}"
    spec = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < spec.stat().st_mtime:
        _run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _run(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extra}]" if extra else ".")
        stamp.touch()


def main(argv: list[str]) -> int:
    task, rest = (argv[0], argv[1:]) if argv else ("", [])
    try:
        if task == "run":
            setup("")
            return subprocess.run([str(PY), "-m", "bot", "run", *rest], cwd=ROOT).returncode
        if task == "check":
            setup("dev")
            _run(PY, "-m", "ruff", "check", ".")
            _run(PY, "-m", "mypy")
            _run(PY, "-m", "bot", "validate")
            return subprocess.run([str(PY), "-m", "pytest", *rest], cwd=ROOT).returncode
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    except KeyboardInterrupt:
        return 130
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
