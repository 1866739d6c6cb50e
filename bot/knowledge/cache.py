"""A cache of the last successful load, so an unchanged knowledge folder is not validated again.

The key is a hash of every file in the reading folders and of the loader's own source, so
any edit (or a new version of the bot) validates afresh. The cache holds plain JSON in the
data folder; a cache that cannot be read or written is ignored (the files are validated).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.knowledge.limits import MAX_TEXT_BYTES
from bot.knowledge.model import (
    Contributor,
    GlossaryEntry,
    Kind,
    Library,
    Paragraph,
    Position,
    Prompt,
    Reading,
    Target,
)

FORMAT = 1
KEEP = 4  # knowledge folders remembered at once
MAX_CACHE_BYTES = 20_000_000
MAX_FILES = 2_000  # files in the reading folders; more, and nothing is cached
_SOURCE = Path(__file__).resolve().parent


def cache_file() -> Path:
    """Where the cache lives: the data folder ($READING_BOT_DATA, else data/ beside bot/)."""
    from bot.paths import data_dir

    return data_dir() / "knowledge-cache.json"


def fingerprint(folders: Sequence[Path]) -> str | None:
    """A hash of the reading folders' files and of this package's code; None when unsure."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"format {FORMAT}\n".encode())
    try:
        for source in sorted(_SOURCE.glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
        count = 0
        for folder in folders:
            digest.update(b"folder\0" + str(folder.resolve()).encode() + b"\0")
            for path in sorted(folder.rglob("*")):
                if not path.is_file() or any(p.startswith(".") for p in path.parts[-3:]):
                    continue
                count += 1
                if count > MAX_FILES or path.stat().st_size > MAX_TEXT_BYTES:
                    return None  # let validation say what is wrong
                name = path.relative_to(folder).as_posix()
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def read(stamp: str) -> Library | None:
    """The library cached under `stamp`, or None."""
    try:
        path = cache_file()
        if path.stat().st_size > MAX_CACHE_BYTES:
            return None
        entries = json.loads(path.read_text(encoding="utf-8"))
        found = next(e for e in entries if e["stamp"] == stamp)
        return Library(tuple(_reading(r) for r in found["readings"]))
    except Exception:  # missing, unreadable, from another version: validate instead
        return None


def write(stamp: str, library: Library) -> None:
    """Remember `library` under `stamp` (best effort: a read-only data folder is fine)."""
    path = cache_file()
    try:
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            kept = [e for e in old if isinstance(e, dict) and e.get("stamp") != stamp]
        except (OSError, ValueError):
            kept = []
        entry = {"stamp": stamp, "readings": [_plain(r) for r in library.readings]}
        entries = [entry, *kept[: KEEP - 1]]
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-cache-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(entries, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _plain(r: Reading) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "series": r.series,
        "publisher": r.publisher,
        "date": r.date,
        "url": r.url,
        "paragraphs": [[p.number, p.text, p.contributor_id] for p in r.paragraphs],
        "contributors": [
            [c.id, c.name, c.short_name, c.aliases, c.affiliation, c.order, c.paragraphs, c.bio]
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


def _reading(d: dict[str, Any]) -> Reading:
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
