"""`python -m bot readings`: every reading of the knowledge folder and its state."""

from __future__ import annotations

import argparse

from bot.library.library import ReadingLibrary

MAX_PROBLEMS_SHOWN = 3


def readings_command(args: argparse.Namespace) -> int:
    """List the readings: id, positions, unreviewed count, problems. Exit 1 if one is broken."""
    library = ReadingLibrary(getattr(args, "knowledge", None),
                             default=getattr(args, "reading", None))
    states = library.states()
    if not states:
        print(f"No readings in {library.root}: a reading is a folder holding a reading.yaml "
              "(make one with `python -m bot ingest TEXT_FILE`).")
        return 1
    folder = getattr(args, "knowledge", None)
    where = f" --knowledge {folder}" if folder else ""  # the folder listed, not the default
    for s in states:
        mark = " (default)" if s.default else ""
        if s.ok:
            print(f"{s.id}{mark}: ok, {s.positions} positions, {s.unreviewed} unreviewed"
                  f" - {s.title}")
        else:
            print(f"{s.id}{mark}: BROKEN, {len(s.problems)} problems (skipped; "
                  f"`python3 tasks.py validate --reading {s.id}{where}` lists them)")
            for problem in s.problems[:MAX_PROBLEMS_SHOWN]:
                print(f"    {problem}")
    return 0 if all(s.ok for s in states) else 1
