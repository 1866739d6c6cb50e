"""`python -m bot map [--reading ID] --out map.png`: draw the map of the debate to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.debatemap.graph import build_graph, describe
from bot.debatemap.render import render_png
from bot.knowledge.loader import load_library


def map_command(args: argparse.Namespace) -> int:
    """Write the PNG and list the edges in words."""
    reading = load_library(args.knowledge).get(args.reading)
    graph = build_graph(reading)
    out = Path(args.out)
    try:
        out.write_bytes(render_png(graph))
    except OSError as exc:
        print(f"Cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: the map of {reading.title!r} ({len(graph.edges)} edges)")
    for edge in graph.edges:
        print(f"  {describe(edge, graph)}")
    return 0
