"""The on-disk cache of validated readings: one entry per reading, keyed by content and code.

An entry's key is a hash of every file of the reading folder (names and bytes) and of the
source of `bot/knowledge` (the code that shapes a loaded Reading), so an edit to any file,
or a new version of the loader, validates afresh. Only a reading that validated is stored,
so a broken edit is never hidden. Both `load_library` and `ReadingLibrary` use it, in one
place: the data folder's `cache/readings/`, as `<id>-<key>.reading.json` beside a
`<id>-<key>.summary.json` (what `readings` lists, also for a broken reading). A missing,
unreadable or corrupt entry is simply rebuilt; a cache that cannot be written only costs
speed.

Readings are stored as plain JSON rather than pickle: loading one costs the same (about
1 ms for the shipped reading) and no file in the data folder can make the bot run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.knowledge.limits import MAX_TEXT_BYTES
from bot.knowledge.model import (
    Contributor,
    GlossaryEntry,
    Kind,
    Paragraph,
    Position,
    Prompt,
    Reading,
    Target,
)

FORMAT = 3  # of an entry; part of every key
MAX_FILES = 2_000  # files in one reading folder; more, and it is not cached
MAX_ENTRY_BYTES = 20_000_000  # a larger entry is not read (the shipped reading's is ~90 KB)
_CODE = Path(__file__).resolve().parent  # bot/knowledge
_READING, _SUMMARY = ".reading.json", ".summary.json"


def default_folder() -> Path:
    """Where entries live: `cache/readings` in the data folder ($READING_BOT_DATA, else data/)."""
    from bot.paths import data_dir

    return data_dir() / "cache" / "readings"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the entry format and of bot/knowledge's source (a new loader, new keys)."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for source in sorted(_CODE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def folder_key(folder: Path) -> str | None:
    """The key of a reading folder's current files; None when it should not be cached.

    None when the folder cannot be read, holds more than MAX_FILES files or a file larger
    than a reading's text may be: validation then says what is wrong.
    """
    digest = hashlib.sha256(code_fingerprint().encode())
    try:
        paths = sorted(p for p in folder.rglob("*") if p.is_file())
        if len(paths) > MAX_FILES:
            return None
        for path in paths:
            rel = path.relative_to(folder).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            if path.stat().st_size > MAX_TEXT_BYTES:
                return None
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def summary_of(reading: Reading) -> dict[str, Any]:
    """What `readings` shows of a reading that validated."""
    return {
        "title": reading.title,
        "positions": len(reading.positions),
        "unreviewed": sum(1 for p in reading.positions if not p.reviewed),
        "problems": [],
    }


class ReadingCache:
    """Validated readings and their summaries under one folder (None: cache nothing)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, reading_id: str, key: str, suffix: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{reading_id}-{key[:24]}{suffix}"

    def _load_json(self, path: Path | None) -> Any:
        """The JSON in `path`, or None (absent, too large, unreadable, not JSON)."""
        if path is None:
            return None
        try:
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            return json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None

    def get(self, reading_id: str, key: str) -> Reading | None:
        """The cached reading, or None (absent, unreadable, corrupt or another reading's)."""
        data = self._load_json(self._path(reading_id, key, _READING))
        if data is None:
            return None
        try:
            reading = decode(data)
        except Exception:  # a corrupt or foreign entry is rebuilt
            return None
        return reading if reading.id == reading_id else None

    def put(self, reading: Reading, key: str) -> None:
        """Store a validated reading and its summary (best effort)."""
        path = self._path(reading.id, key, _READING)
        if path is None:
            return
        self._write(path, json.dumps(encode(reading), ensure_ascii=False,
                                     separators=(",", ":")).encode())
        self.put_summary(reading.id, key, summary_of(reading))
        self._prune(reading.id, key)

    def summary(self, reading_id: str, key: str) -> dict[str, Any] | None:
        """The cached summary (title, positions, unreviewed, problems) of one folder state."""
        data = self._load_json(self._path(reading_id, key, _SUMMARY))
        return data if isinstance(data, dict) else None

    def put_summary(self, reading_id: str, key: str, data: dict[str, Any]) -> None:
        """Store a summary (best effort); for a broken reading, its problems."""
        path = self._path(reading_id, key, _SUMMARY)
        if path is not None:
            self._write(path, json.dumps(data, ensure_ascii=False).encode())

    def _write(self, path: Path, data: bytes) -> None:
        """Write atomically (a reader sees the old entry or the new one); ignore failures."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
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


def encode(r: Reading) -> dict[str, Any]:
    """A reading as plain JSON values (each model object a list of its fields, in order)."""
    return {
        "id": r.id,
        "title": r.title,
        "series": r.series,
        "publisher": r.publisher,
        "date": r.date,
        "url": r.url,
        "paragraphs": [[p.number, p.text, p.contributor_id] for p in r.paragraphs],
        "contributors": [
            [c.id, c.name, c.short_name, c.aliases, c.affiliation, c.order, c.paragraphs, c.bio,
             c.pronoun]
            for c in r.contributors
        ],
        "positions": [
            [
                p.id,
                p.contributor_id,
                p.kind.value,
                p.summary,
                p.topics,
                p.quote,
                p.paragraph,
                None if p.target is None else [p.target.contributor_id, p.target.position_id],
                p.central,
                p.reviewed,
            ]
            for p in r.positions
        ],
        "prompts": [[p.id, p.text, p.positions, p.topics] for p in r.prompts],
        "glossary": [[g.term, g.means] for g in r.glossary],
    }


def decode(d: dict[str, Any]) -> Reading:
    """The reading `encode` wrote (any exception: not such an entry)."""
    return Reading(
        id=d["id"],
        title=d["title"],
        series=d["series"],
        publisher=d["publisher"],
        date=d["date"],
        url=d["url"],
        paragraphs=tuple(Paragraph(n, text, who) for n, text, who in d["paragraphs"]),
        contributors=tuple(
            Contributor(
                id=c[0],
                name=c[1],
                short_name=c[2],
                aliases=tuple(c[3]),
                affiliation=c[4],
                order=c[5],
                paragraphs=tuple(c[6]),
                bio=c[7],
                pronoun=c[8],
            )
            for c in d["contributors"]
        ),
        positions=tuple(
            Position(
                id=p[0],
                contributor_id=p[1],
                kind=Kind(p[2]),
                summary=p[3],
                topics=tuple(p[4]),
                quote=p[5],
                paragraph=p[6],
                target=None if p[7] is None else Target(p[7][0], p[7][1]),
                central=p[8],
                reviewed=p[9],
            )
            for p in d["positions"]
        ),
        prompts=tuple(Prompt(p[0], p[1], tuple(p[2]), tuple(p[3])) for p in d["prompts"]),
        glossary=tuple(GlossaryEntry(g[0], tuple(g[1])) for g in d["glossary"]),
    )
