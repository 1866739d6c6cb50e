#!/usr/bin/env python3
"""Score the engine on multi-turn conversations, each turn judged by the shared scorer's rules.

Usage (from the project root, with ../shared present):
    python tests/engine/conversation_score.py CONVERSATIONS.yaml [--show]
        [-- COMMAND ...]   (default: this Python, -m bot ask --json --conversation -)

The file is a list of conversations, each `{id, turns: [{q, kind, who, para, abstain}]}`.
The turns go to COMMAND one per line, an empty line between conversations; it must print
one JSON object per question. First turns and follow-up turns are reported apart.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The shared scorer, imported by path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stdin_of(conversations: list[dict[str, Any]]) -> str:
    """The command's input: one question per line, an empty line between conversations."""
    blocks = ["".join(t["q"].replace("\n", " ") + "\n" for t in c["turns"]) for c in conversations]
    return "\n".join(blocks)


def judge(score: ModuleType, turn: dict[str, Any], out: dict[str, Any]) -> bool:
    """One turn, by the shared scorer's rule."""
    answers = out.get("answers") or []
    abstained = bool(out.get("abstained")) or not answers
    if turn.get("abstain"):
        return abstained
    return not abstained and bool(score.is_right(answers[0], turn, score.gold_paragraphs(turn)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("conversations")
    ap.add_argument("--show", action="store_true", help="print every miss")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    command = command or [sys.executable, "-m", "bot", "ask", "--json", "--conversation", "-"]
    score = load_scorer()
    conversations = yaml.safe_load(Path(args.conversations).read_text(encoding="utf-8"))
    proc = subprocess.run(command, input=stdin_of(conversations), capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return 1
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    turns = [(c, i, t) for c in conversations for i, t in enumerate(c["turns"])]
    if len(lines) != len(turns):
        print(f"expected {len(turns)} JSON lines, got {len(lines)}")
        return 1
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (conv, i, turn), line in zip(turns, lines, strict=True):
        out = json.loads(line)
        ok = judge(score, turn, out)
        group = "first" if i == 0 else "follow-up"
        for table, key in ((groups, group), (kinds, turn.get("kind", "?"))):
            table[key][0] += ok
            table[key][1] += 1
        if args.show and not ok:
            top = (out.get("answers") or [{}])[0]
            print(f"MISS {conv.get('id')}#{i} [{turn.get('kind')}] {turn['q']!r}: want "
                  f"{turn.get('who') or 'abstain'}; got {top.get('contributor', 'abstain')!r} "
                  f"{str(top.get('quote', ''))[:80]!r} as {out.get('reading_as', '')!r}")
    for kind, (right, n) in sorted(kinds.items()):
        print(f"{kind:12s} {right:3d}/{n:<3d} {right / n:.3f}")
    total_ok = sum(right for right, _ in groups.values())
    parts = [f"{g} {r / n:.3f} ({r}/{n})" for g, (r, n) in sorted(groups.items())]
    print(f"score: {total_ok / len(turns):.3f} " + " ".join(parts) + f" n {len(turns)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
