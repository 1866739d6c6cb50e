"""`python -m bot guide [--reading ID] [--format md|html] [--out FILE]`: the study guide.

Without --format the format follows --out's suffix (.html or .htm: HTML), else Markdown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.guide.content import Guide, build_guide
from bot.guide.html import render_html
from bot.guide.markdown import render_markdown
from bot.knowledge.loader import load_library

FORMATS = ("md", "html")


def render(guide: Guide, fmt: str) -> str:
    """The guide as HTML (`fmt` "html") or Markdown."""
    return render_html(guide) if fmt == "html" else render_markdown(guide)


def guide_command(args: argparse.Namespace) -> int:
    """Write the guide to --out, or to standard output."""
    reading = load_library(args.knowledge).get(args.reading)
    fmt = args.format
    if fmt is None:
        suffix = Path(args.out).suffix.lower() if args.out else ""
        fmt = "html" if suffix in (".html", ".htm") else "md"
    text = render(build_guide(reading), fmt)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"Cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: the study guide of {reading.title!r} ({fmt})")
    return 0
