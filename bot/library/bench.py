"""`python -m bot bench --library N`: a library of N readings, its start, builds and memory.

Copies one reading N times into a temporary knowledge folder (each copy its own id), then
measures: opening the library (listing, no reading built), the first engine built with a
cold disk cache and again with a warm one, the memory one built reading holds, and the
ingest time of a text of about 20,000 words when one is beside the project. Printed, never
asserted.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

from bot.library.library import ReadingLibrary
from bot.paths import PROJECT_ROOT

TEXTS = (
    PROJECT_ROOT.parent / "shared" / "readings" / "lincoln-douglas-ottawa" / "text.txt",
    PROJECT_ROOT.parent / "shared" / "readings" / "lincoln-douglas-freeport" / "text.txt",
)


def _copy(source: Path, root: Path, count: int) -> None:
    for i in range(count):
        rid = f"{source.name}-copy-{i + 1}"
        dest = root / rid
        shutil.copytree(source, dest)
        meta = dest / "reading.yaml"
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        data["id"] = rid
        meta.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_library(source: Path, count: int) -> list[str]:
    """The report lines of the library benchmark."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        root, cache = Path(tmp) / "knowledge", Path(tmp) / "cache"
        root.mkdir()
        _copy(source, root, count)
        first = f"{source.name}-copy-1"
        t = time.perf_counter()
        library = ReadingLibrary(root, default=first, cache_dir=cache)
        opened = time.perf_counter() - t
        lines.append(f"library of {len(library.ids())} readings: opened in {_ms(opened)} "
                     "(listed, none built)")
        t = time.perf_counter()
        library.engine()
        cold = time.perf_counter() - t
        lines.append(f"start = open + default reading built, cold cache: {_ms(opened + cold)}")
        t = time.perf_counter()
        warm_library = ReadingLibrary(root, default=first, cache_dir=cache)
        warm_library.engine()
        warm = time.perf_counter() - t
        lines.append(f"start = open + default reading built, warm cache: {_ms(warm)}")
        t = time.perf_counter()
        states = warm_library.states()
        lines.append(f"`readings` listing of {len(states)} (cold summaries): "
                     f"{_ms(time.perf_counter() - t)}")
        t = time.perf_counter()
        warm_library.states()
        lines.append(f"`readings` listing again (cached): {_ms(time.perf_counter() - t)}")
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        engine = ReadingLibrary(root, cache_dir=cache).engine(f"{source.name}-copy-2")
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        lines.append(f"memory of one built reading ({len(engine.reading.positions)} positions): "
                     f"{(after - before) / 1024 / 1024:.1f} MiB")
    lines.extend(_bench_ingest())
    return lines


def _bench_ingest() -> list[str]:
    from bot.ingest.command import Options, ingest

    texts = [p for p in TEXTS if p.is_file()]
    if not texts:
        return ["ingest: no debate texts beside the project (../shared/readings); skipped"]
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "joined.txt"
        joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in texts),
                          encoding="utf-8")
        words = len(joined.read_text(encoding="utf-8").split())
        t = time.perf_counter()
        result = ingest(Options(joined, id="bench", out=Path(tmp) / "bench"))
        seconds = time.perf_counter() - t
    return [f"ingest of a {words:,}-word text: {seconds:.2f} s "
            f"({len(result.positions)} positions drafted)"]
