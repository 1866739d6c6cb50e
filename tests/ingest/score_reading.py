#!/usr/bin/env python3
"""Score the engine on a question set about any reading (score.py's rules, generalised).

Usage:
    python tests/ingest/score_reading.py SET.yaml --reading FOLDER -- COMMAND [ARG ...]

The same contract and scoring as ../shared/eval/score.py, except that paragraphs come from
the reading folder's text.txt (split as the loader splits it), contributor ids are matched
by surname (an id is right when it is a word of the answer's contributor name, or the
surname of that contributor in reading.yaml), and a question with an empty `para` accepts
any paragraph of that contributor in reading.yaml. Prints the same closing line:
    score: 0.912 answered 0.930 abstain 0.800 faithful 1.000 n 48
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.knowledge.ranges import parse_paragraphs  # noqa: E402


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2014", "-").replace("\u2013", "-").replace("--", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


class Scorer:
    """Paragraphs and contributors of one reading folder, and the scoring rules."""

    def __init__(self, folder: Path) -> None:
        raw = (folder / "text.txt").read_text(encoding="utf-8")
        self.paras = [norm(p) for p in re.split(r"\n\s*\n|\n(?=\S)", raw) if p.strip()]
        reading = yaml.safe_load((folder / "reading.yaml").read_text(encoding="utf-8"))
        self.segments: dict[str, set[int]] = {}
        self.surnames: dict[str, str] = {}
        for c in reading["contributors"]:
            numbers, _ = parse_paragraphs(c["paragraphs"])
            self.segments[c["id"]] = set(numbers)
            self.surnames[c["id"]] = norm(c["name"]).split()[-1]

    def contributor_ids(self, name: str, wanted: list[str]) -> set[str]:
        words = set(re.findall(r"[a-z]+", norm(name or "")))
        found = {w for w in wanted if w in words}
        found |= {cid for cid, surname in self.surnames.items() if surname in words}
        return found

    def quote_paragraph(self, quote: str) -> int | None:
        pieces = [p for p in re.split(r"\.\.\.|\u2026|\[\.\.\.\]", quote or "")
                  if len(p.strip()) >= 12]
        if not pieces:
            return None
        piece = norm(max(pieces, key=len))
        for i, para in enumerate(self.paras):  # the same answer as score.py, found sooner
            if piece in para:
                return i
        best, best_i = 0.0, None
        for i, para in enumerate(self.paras):
            s = fuzz.partial_ratio(piece, para) if len(piece) <= len(para) else fuzz.ratio(
                piece, para)
            if s > best:
                best, best_i = s, i
        return best_i if best >= 90 else None

    def gold(self, item: dict[str, Any]) -> set[int]:
        out: set[int] = set()
        for phrase in item.get("para") or []:
            hits = [i for i, p in enumerate(self.paras) if norm(phrase) in p]
            if not hits:
                print(f"warning: gold phrase not in text: {phrase!r} ({item['q']!r})",
                      file=sys.stderr)
            out.update(hits)
        return out

    def is_right(self, answer: dict[str, Any], item: dict[str, Any], gold: set[int]) -> bool:
        ids = self.contributor_ids(answer.get("contributor", ""), item["who"])
        ok_ids = ids & set(item["who"])
        if not ok_ids:
            return False
        para = self.quote_paragraph(answer.get("quote", ""))
        if para is None:
            return False
        if item.get("para"):
            return para in gold
        return any(para in self.segments.get(cid, set()) for cid in ok_ids)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("questions")
    ap.add_argument("--reading", type=Path, required=True, help="the reading folder")
    ap.add_argument("--show", action="store_true", help="print every miss")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = ap.parse_args(argv[:cut])
    command = argv[cut + 1:]
    if not command:
        ap.error("give the engine's command after --")
    scorer = Scorer(args.reading)
    items = yaml.safe_load(Path(args.questions).read_text(encoding="utf-8"))
    stdin = "".join(it["q"].replace("\n", " ") + "\n" for it in items)
    proc = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        print(f"score: 0 (command exited {proc.returncode})")
        return 1
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    if len(lines) != len(items):
        print(f"score: 0 (expected {len(items)} JSON lines, got {len(lines)})")
        return 1
    outs = [json.loads(line) for line in lines]
    result = score(scorer, items, outs, show=args.show)
    print(result.line())
    return 0


@dataclass
class Result:
    """The totals of one scoring run."""

    right: int = 0
    answered_ok: int = 0
    answered_n: int = 0
    abstain_ok: int = 0
    abstain_n: int = 0
    quotes: int = 0
    faithful: int = 0
    n: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.right / max(self.n, 1)

    def line(self) -> str:
        answered = self.answered_ok / max(self.answered_n, 1)
        return (f"score: {self.score:.3f} answered {answered:.3f} "
                f"abstain {self.abstain_ok / max(self.abstain_n, 1):.3f} "
                f"faithful {self.faithful / max(self.quotes, 1):.3f} n {self.n}")


def score(scorer: Scorer, items: list[dict[str, Any]], outs: list[dict[str, Any]],
          show: bool = False) -> Result:
    """Score the engine's JSON answers (one per item, in order)."""
    r = Result(n=len(items))
    for item, out in zip(items, outs, strict=True):
        gold = scorer.gold(item)
        answers = out.get("answers") or []
        abstained = bool(out.get("abstained")) or not answers
        for a in answers[:3]:
            r.quotes += 1
            r.faithful += scorer.quote_paragraph(a.get("quote", "")) is not None
        if item.get("abstain"):
            ok = abstained
            r.abstain_n += 1
            r.abstain_ok += ok
        else:
            ok = not abstained and scorer.is_right(answers[0], item, gold)
            r.answered_n += 1
            r.answered_ok += ok
        r.right += ok
        if not ok:
            top = answers[0] if answers else {}
            r.misses.append(item["q"])
            if show:
                print(f"MISS [{item.get('kind')}] {item['q']!r}: want "
                      f"{item.get('who') or 'abstain'}; got {top.get('contributor', 'abstain')!r}: "
                      f"{str(top.get('quote', ''))[:100]!r}")
    return r


if __name__ == "__main__":
    sys.exit(main())
