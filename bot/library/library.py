"""`ReadingLibrary`: the readings of a knowledge folder, listed at once, built on first use."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.engine import Engine
from bot.knowledge.cache import ReadingCache, default_folder, folder_key, summary_of
from bot.knowledge.errors import KnowledgeError, Problem
from bot.knowledge.layout import READING_FILE, SCHEMA_DIR
from bot.knowledge.loader import load_reading
from bot.knowledge.model import NoDefaultReadingError, Reading, UnknownReadingError
from bot.paths import knowledge_dir


@dataclass(frozen=True, slots=True)
class ReadingState:
    """What `python -m bot readings` shows of one reading."""

    id: str
    folder: Path
    title: str
    positions: int
    unreviewed: int
    problems: tuple[str, ...]  # empty when the reading validates
    default: bool = False

    @property
    def ok(self) -> bool:
        """True when the reading validates."""
        return not self.problems


class ReadingLibrary:
    """Every reading under `root` (a knowledge folder, or one reading folder).

    Listing reads no reading file. `engine(id)` loads, validates and indexes that reading
    the first time it is asked for, then keeps it; a broken reading raises KnowledgeError
    for itself only. Thread-safe, so a bot may build engines off its event loop.
    """

    def __init__(
        self,
        root: Path | None = None,
        default: str | None = None,
        cache_dir: Path | None = None,
        use_cache: bool = True,
    ) -> None:
        self.root = knowledge_dir() if root is None else Path(root)
        self.default = default
        folder = cache_dir if cache_dir is not None else default_folder()
        self.cache = ReadingCache(folder if use_cache else None)
        self._folders = self._scan()
        self._engines: dict[str, Engine] = {}
        self._keys: dict[str, str] = {}
        self._lock = threading.Lock()

    def _scan(self) -> dict[str, Path]:
        root = self.root
        if root.is_file() and root.name == READING_FILE:
            root = root.parent
        if (root / READING_FILE).is_file():
            return {root.name: root}
        if not root.is_dir():
            return {}
        found: dict[str, Path] = {}
        for sub in sorted(root.iterdir()):
            if sub.name == SCHEMA_DIR or sub.name.startswith((".", "_")):
                continue
            if (sub / READING_FILE).is_file():
                found[sub.name] = sub
        return found

    def ids(self) -> tuple[str, ...]:
        """The reading ids (folder names), sorted."""
        return tuple(self._folders)

    def folder(self, reading_id: str) -> Path:
        """The folder of one reading (UnknownReadingError if none)."""
        try:
            return self._folders[reading_id]
        except KeyError:
            raise UnknownReadingError(reading_id, self.ids()) from None

    def resolve(self, reading_id: str | None = None) -> str:
        """The id asked for, else the configured default, else the only reading there is."""
        chosen = reading_id or self.default
        if chosen is not None:
            self.folder(chosen)
            return chosen
        ids = self.ids()
        if len(ids) == 1:
            return ids[0]
        if not ids:
            raise KnowledgeError([Problem(
                self.root, "(folder)",
                f"no readings found: a reading is a folder holding a {READING_FILE}",
            )])
        raise NoDefaultReadingError(ids)

    def choose(self, *choices: str | None) -> str:
        """The first reading named among `choices` that exists, else the default.

        For front ends that let a narrower place name its own reading: pass the channel's
        choice, then the server's (`choose(channel, server)`); an id that no longer exists
        is passed over.
        """
        for choice in choices:
            if choice is not None and choice in self._folders:
                return choice
        return self.resolve(None)

    def reading(self, reading_id: str | None = None) -> Reading:
        """The validated reading (from the disk cache when its files have not changed)."""
        rid = self.resolve(reading_id)
        return load_reading(self.folder(rid), cache=self.cache)

    def engine(self, reading_id: str | None = None) -> Engine:
        """The engine of one reading, built on first use and kept."""
        rid = self.resolve(reading_id)
        with self._lock:
            engine = self._engines.get(rid)
            if engine is None:
                engine = Engine(self.reading(rid))
                self._engines[rid] = engine
            return engine

    def reload(self, reading_id: str | None = None) -> Engine:
        """Re-read one reading's files; the new engine replaces the old only if it validates.

        Raises KnowledgeError (keeping the old engine) when the files have problems.
        """
        rid = self.resolve(reading_id)
        engine = Engine(self.reading(rid))
        with self._lock:
            self._engines[rid] = engine
        return engine

    def loaded(self) -> tuple[str, ...]:
        """Ids of the readings built so far."""
        return tuple(self._engines)

    def state(self, reading_id: str) -> ReadingState:
        """One reading's state, validating it when its files changed since the last look."""
        folder = self.folder(reading_id)
        key = folder_key(folder) if self.cache.folder is not None else None
        data = None if key is None else self.cache.summary(reading_id, key)
        if data is None and key is not None:
            with contextlib.suppress(KnowledgeError):  # its problems are in the summary
                self.reading(reading_id)
            data = self.cache.summary(reading_id, key)
        if data is None:
            data = _problem_summary(folder)
        return ReadingState(
            id=reading_id,
            folder=folder,
            title=str(data.get("title", "")),
            positions=int(data.get("positions", 0)),
            unreviewed=int(data.get("unreviewed", 0)),
            problems=tuple(str(p) for p in data.get("problems", ())),
            default=reading_id == self.default,
        )

    def states(self) -> list[ReadingState]:
        """Every reading's state, in id order."""
        return [self.state(rid) for rid in self.ids()]


def _problem_summary(folder: Path) -> dict[str, Any]:
    """A summary when the cache holds none (not cached, or not writable): validate."""
    try:
        return summary_of(load_reading(folder))
    except KnowledgeError as exc:
        return {"problems": [str(p) for p in exc.problems]}


def open_engine(
    knowledge: Path | None = None, reading_id: str | None = None, default: str | None = None
) -> Engine:
    """The engine for one reading of a knowledge folder, as the CLI front ends use it."""
    return ReadingLibrary(knowledge, default=default).engine(reading_id)
