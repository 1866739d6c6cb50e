"""`python -m bot`: the command line.

Without the dependencies (``python -m bot`` outside .venv), a short message says what to run
instead of a ModuleNotFoundError traceback.
"""

import sys

from bot.setup_hint import is_missing_dependency, missing_dependency_message

try:
    from bot.cli import main

    status = main()
except ModuleNotFoundError as exc:
    if not is_missing_dependency(exc):
        raise
    print(missing_dependency_message(exc, sys.argv[1:]), file=sys.stderr)
    status = 1

raise SystemExit(status)
