"""An on-disk cache of validated readings, keyed by the content of the reading's files.

The key is a SHA-256 over every file of the reading folder (names and bytes) and over the
source of the code that reads them, so an edit to a file, or a new version of the loader,
builds afresh. The cache is the bot's own local state (under the data folder); a missing,
unreadable or corrupt entry is simply rebuilt, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.knowledge.model import Reading

_CODE_DIRS = ("knowledge",)  # the packages whose code shapes a loaded Reading
MAX_FILE_BYTES = 50_000_000  # files larger than this are hashed by size and time only


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the loader's source, so a new loader never reads an old cache."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for sub in _CODE_DIRS:
        for path in sorted((root / sub).glob("*.py")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def folder_key(folder: Path) -> str:
    """The content key of a reading folder (its files' names and bytes, and the code)."""
    h = hashlib.sha256(code_fingerprint().encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in Path(rel).parts):
            continue
        h.update(rel.encode() + b"\0")
        stat = path.stat()
        if stat.st_size > MAX_FILE_BYTES:
            h.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
        else:
            h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


class ReadingCache:
    """Validated readings and their summaries under one folder."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, reading_id: str, key: str, suffix: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{reading_id}-{key[:24]}{suffix}"

    def get(self, reading_id: str, key: str) -> Reading | None:
        """The cached reading, or None (absent, unreadable or not a Reading)."""
        path = self._path(reading_id, key, ".pickle")
        if path is None or not path.is_file():
            return None
        try:
            with path.open("rb") as f:
                value = pickle.load(f)
        except Exception:  # a corrupt entry is rebuilt
            return None
        return value if isinstance(value, Reading) and value.id == reading_id else None

    def put(self, reading: Reading, key: str) -> None:
        """Store a reading (best effort: a read-only disk only costs speed)."""
        path = self._path(reading.id, key, ".pickle")
        if path is not None:
            self._write(path, pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL))
            self._prune(reading.id, key)

    def summary(self, reading_id: str, key: str) -> dict[str, Any] | None:
        """The cached summary (positions, unreviewed, problems) of one folder state."""
        path = self._path(reading_id, key, ".json")
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put_summary(self, reading_id: str, key: str, data: dict[str, Any]) -> None:
        """Store a summary (best effort)."""
        path = self._path(reading_id, key, ".json")
        if path is not None:
            self._write(path, json.dumps(data).encode())

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except OSError:
            return

    def _prune(self, reading_id: str, key: str) -> None:
        """Old entries of the same reading go once a new one is stored."""
        if self.folder is None:
            return
        keep = key[:24]
        try:
            for old in self.folder.glob(f"{reading_id}-*"):
                stem = old.name[len(reading_id) + 1:].split(".")[0]
                if stem != keep and len(stem) == 24:
                    old.unlink(missing_ok=True)
        except OSError:
            return
