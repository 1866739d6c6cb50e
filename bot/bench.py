"""`python -m bot bench`: start-up time, per-question latency and memory of the engine.

Measured on the shipped index and on a synthetic one N times its size, made in memory by
copying every position N times (each copy with an extra made-up topic word, so that the
vocabulary and posting lists grow too). Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import yaml

from bot.bench_presets import FULL, QUICK
from bot.engine import Engine
from bot.knowledge.loader import load_library
from bot.knowledge.model import Position, Reading
from bot.paths import PROJECT_ROOT

FALLBACK_QUESTIONS = (
    "what did Neier disagree with?",
    "who brought up Hong Kong?",
    "waht did neir disagre with",
    "who thinks China's wealth makes Western pressure harder?",
    "what did the Columbia professor say?",
    "compare Nathan and the last respondent",
    "what did Neier say about Taiwan?",
    "tell me a joke",
)


def full_questions() -> Path | None:
    """For `--full`: the shared dev questions if they are beside the project, else the
    held-out set of the repository's tests (None when neither is there)."""
    for path in (
        PROJECT_ROOT.parent / "shared" / "eval" / "dev.yaml",
        PROJECT_ROOT / "tests" / "data" / "heldout_questions.yaml",
    ):
        if path.exists():
            return path
    return None


def load_questions(path: Path | None) -> list[str]:
    """Question texts from a YAML list of {q: ...} items (or the built-in few)."""
    if path is None:
        return list(FALLBACK_QUESTIONS)
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [str(item["q"]) for item in items if isinstance(item, dict) and "q" in item]


def synthetic_positions(reading: Reading, scale: int) -> list[Position]:
    """Every position `scale` times, ids and one topic word made unique per copy."""
    out: list[Position] = []
    for k in range(scale):
        for pos in reading.positions:
            if k == 0:
                out.append(pos)
                continue
            extra = f"synthetic{k}x{len(out) % 97}"
            out.append(dataclasses.replace(pos, id=f"{pos.id}-s{k}", topics=(*pos.topics, extra)))
    return out


@dataclasses.dataclass(frozen=True)
class Result:
    """One benchmark run."""

    label: str
    positions: int
    startup_ms: float
    median_ms: float
    p99_ms: float
    max_ms: float
    peak_kib: float


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


def run(
    label: str, reading: Reading, positions: list[Position] | None, questions: list[str],
    repeat: int,
) -> Result:
    """Build an engine, ask every question `repeat` times, and measure.

    Times come from a pass without memory tracing (tracemalloc slows Python down several
    times); peak memory from a second pass with it.
    """
    gc.collect()
    t0 = time.perf_counter()
    engine = Engine(reading, positions)
    startup = time.perf_counter() - t0
    for q in questions:  # warm caches once, as a running bot would be
        engine.ask(q)
    times: list[float] = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            times.append(time.perf_counter() - t)
    del engine
    gc.collect()
    tracemalloc.start()
    traced = Engine(reading, positions)
    for q in questions:
        traced.ask(q)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Result(
        label,
        len(traced.index.items),
        startup * 1000,
        statistics.median(times) * 1000,
        _percentile(times, 0.99) * 1000,
        max(times) * 1000,
        peak / 1024,
    )


def bench_command(args: argparse.Namespace) -> int:
    """Print the benchmark table: a quick run by default, the long one with --full."""
    full = bool(getattr(args, "full", False))
    preset = FULL if full else QUICK
    scale = args.scale if args.scale is not None else preset.scale
    repeat = args.repeat if args.repeat is not None else preset.repeat
    if scale < 1 or repeat < 1:
        print("--scale and --repeat must be 1 or more.", file=sys.stderr)
        return 2
    path = args.questions or (full_questions() if full else None)
    questions = load_questions(path)
    t0 = time.perf_counter()
    reading = load_library(args.knowledge).get(args.reading)
    load_ms = (time.perf_counter() - t0) * 1000
    source = _shown(path) if path else "the built-in list"
    print(f"{'full' if full else 'quick'} run: {len(questions)} questions from {source}, "
          f"{repeat} passes" + ("" if full else " (add --full for the long run)"))
    print(f"loading and validating the knowledge files: {load_ms:.1f} ms")
    results = [run("shipped", reading, None, questions, repeat)]
    if scale > 1:
        synthetic = synthetic_positions(reading, scale)
        results.append(run(f"x{scale}", reading, synthetic, questions, repeat))
    print(f"{'index':8} {'positions':>9} {'start-up':>10} {'median':>9} {'p99':>9} "
          f"{'max':>9} {'peak mem':>10}")
    for r in results:
        print(f"{r.label:8} {r.positions:9d} {r.startup_ms:8.1f}ms {r.median_ms:7.3f}ms "
              f"{r.p99_ms:7.3f}ms {r.max_ms:7.3f}ms {r.peak_kib / 1024:8.1f}MiB")
    _bench_map(reading, repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process max RSS: {rss / 1024:.1f} MiB (start-up = index build; load is above)")
    if getattr(args, "library", 0):
        from bot.library.bench import bench_library
        from bot.library.library import ReadingLibrary

        folder = ReadingLibrary(args.knowledge).folder(reading.id)
        for line in bench_library(folder, args.library):
            print(line)
    return 0


def _shown(path: Path) -> str:
    """`path` relative to the project when inside it (shorter), else as given."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _bench_map(reading: Reading, repeat: int) -> None:
    """The map of the debate: render time and PNG size."""
    from bot.debatemap.bench import measure, report

    print(report(measure(reading, repeat)))
