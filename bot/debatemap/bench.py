"""Measuring the map: how long drawing it takes and how big the PNG is (printed by
``python -m bot bench``; never asserted)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from bot.debatemap.graph import build_graph
from bot.debatemap.render import render_png
from bot.knowledge.model import Reading


@dataclass(frozen=True, slots=True)
class MapBench:
    """Timings of building and drawing the map, and the PNG's size."""

    runs: int
    graph_ms: float  # median, building the graph from the index
    render_median_ms: float
    render_max_ms: float
    png_bytes: int
    edges: int


def measure(reading: Reading, repeat: int = 5) -> MapBench:
    """Build and draw the map `repeat` times (after one warm-up draw)."""
    graph = build_graph(reading)
    png = render_png(graph)  # warm-up: fonts loaded, code paths hot
    graph_times, render_times = [], []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        graph = build_graph(reading)
        t1 = time.perf_counter()
        png = render_png(graph)
        t2 = time.perf_counter()
        graph_times.append(t1 - t0)
        render_times.append(t2 - t1)
    return MapBench(
        len(render_times),
        statistics.median(graph_times) * 1000,
        statistics.median(render_times) * 1000,
        max(render_times) * 1000,
        len(png),
        len(graph.edges),
    )


def report(result: MapBench) -> str:
    """One line for the bench output."""
    return (
        f"map: {result.edges} edges; graph {result.graph_ms:.2f} ms, render median "
        f"{result.render_median_ms:.1f} ms (max {result.render_max_ms:.1f} ms over "
        f"{result.runs}), PNG {result.png_bytes / 1024:.1f} KiB"
    )
