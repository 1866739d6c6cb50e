"""A server's own readings: ingested from a moderator's upload into a folder of the data
folder that only that server sees, sent back as a zip, or put aside.

Plain, synchronous file work: the bot runs every function here on a worker thread. Nothing
is lost: an upload is drafted in a hidden staging folder and moved into place only when it
validates and its id is free; a removed reading is moved to ``.removed/``, not deleted.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.discordbot.reading_zip import is_zip, unpack
from bot.ingest.command import Options, ingest, report
from bot.ingest.source import MAX_BYTES, IngestError, decode
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.loader import load_reading
from bot.paths import data_dir

MAX_UPLOAD = MAX_BYTES  # the largest .txt taken (the ingest's own bound)
REMOVED = ".removed"


def server_root(guild_id: int, base: Path | None = None) -> Path:
    """The knowledge folder of one server's own readings."""
    return (base if base is not None else data_dir()) / "servers" / str(guild_id) / "knowledge"


@dataclass(frozen=True, slots=True)
class Added:
    """What an upload became."""

    reading_id: str
    title: str
    positions: int
    contributors: tuple[str, ...]
    report: str


def add_upload(
    root: Path,
    data: bytes,
    filename: str,
    shared: set[str],
    *,
    reading_id: str | None = None,
    title: str | None = None,
    speakers: str | None = None,
    replace: bool = False,
) -> Added:
    """A .txt (ingested) or a .zip (a reading folder, as exported) into `root`; IngestError
    (with the reason) when it cannot be used. An id of the shared library (`shared`) is
    always refused; one of the server's own only without `replace` (with it, the old one
    is set aside in ``.removed/``)."""
    if filename.lower().endswith(".zip") or is_zip(data):
        return add_zip(root, data, shared, reading_id=reading_id, replace=replace)
    return add_text(root, data, filename, shared, reading_id=reading_id, title=title,
                    speakers=speakers, replace=replace)


def add_zip(
    root: Path, data: bytes, shared: set[str], *, reading_id: str | None = None,
    replace: bool = False,
) -> Added:
    """A reading folder sent back as a zip, unpacked (bounded) and validated first."""
    if reading_id is not None:
        _check_free(root, reading_id, shared, replace)
    staging = root / f".incoming-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    try:
        rid = unpack(data, staging, reading_id)
        _check_free(root, rid, shared, replace)  # before the work of validating it
        try:
            reading = load_reading(staging / rid)
        except KnowledgeError as exc:
            shown = "; ".join(str(p).replace(f"{staging}{os.sep}", "") for p in exc.problems[:3])
            count = len(exc.problems)
            raise IngestError(
                f"the zip's reading does not validate ({count} problem"
                f"{'' if count == 1 else 's'}): {shown}"
            ) from exc
        _place(root, staging / rid, rid, shared, replace)
        unreviewed = sum(1 for p in reading.positions if not p.reviewed)
        return Added(
            rid, reading.title, len(reading.positions),
            tuple(c.name for c in reading.contributors),
            f"Unpacked {rid}: {len(reading.positions)} positions ({unreviewed} unreviewed), "
            f"{len(reading.prompts)} prompts; it validates.",
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def add_text(
    root: Path,
    data: bytes,
    filename: str,
    shared: set[str],
    *,
    reading_id: str | None = None,
    title: str | None = None,
    speakers: str | None = None,
    replace: bool = False,
) -> Added:
    """Ingest an uploaded text into `root` (see :func:`add_upload`)."""
    decode(data, filename)  # binary, empty, too big or not UTF-8: refused before any work
    if reading_id is not None:
        _check_free(root, reading_id, shared, replace)
    staging = root / f".incoming-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    try:
        stem = re.sub(r"[^A-Za-z0-9 _-]+", "", Path(filename).stem)[:80].strip() or "upload"
        text = staging / f"{stem}.txt"  # the ingest's last resort for a title
        text.write_bytes(data)
        opts = Options(text, reading_id, title, into=staging / "draft", speakers=speakers)
        result = ingest(opts)
        try:
            reading = load_reading(result.folder)
        except KnowledgeError as exc:
            raise IngestError(f"the draft does not validate: {exc.problems[0]}") from exc
        rid = result.reading_id
        _place(root, result.folder, rid, shared, replace)
        lines = report(result).replace(str(result.folder), f"{rid}/").splitlines()
        return Added(
            rid, reading.title, len(reading.positions),
            tuple(c.name for c in reading.contributors), "\n".join(lines),
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_free(root: Path, reading_id: str, shared: set[str], replace: bool) -> None:
    """IngestError when the id is the shared library's, or the server's own without
    `replace`."""
    if reading_id in shared:
        raise IngestError(
            f"a reading called {reading_id!r} exists already in the bot's library; give "
            "another id"
        )
    if (root / reading_id).exists() and not replace:
        raise IngestError(
            f"this server has a reading called {reading_id!r} already; give another id, or "
            "set replace to put the old one aside"
        )


def _place(root: Path, folder: Path, reading_id: str, shared: set[str], replace: bool) -> None:
    """Move a validated reading folder into place, the old one set aside when replaced."""
    _check_free(root, reading_id, shared, replace)
    if (root / reading_id).exists():
        remove(root, reading_id)
    folder.rename(root / reading_id)


def export_zip(folder: Path) -> bytes:
    """A reading folder's files as a zip (paths inside it start with the reading's id)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not any(p.startswith(".") for p in path.parts[-3:]):
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return buffer.getvalue()


def remove(root: Path, reading_id: str) -> Path:
    """Move a server's reading to ``.removed/`` (kept, never deleted); where it went."""
    folder = root / reading_id
    if not (folder / "reading.yaml").is_file():
        raise IngestError(f"this server has no reading of its own called {reading_id!r}")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = root / REMOVED / f"{reading_id}-{stamp}-{uuid.uuid4().hex[:6]}"
    target.parent.mkdir(parents=True, exist_ok=True)
    folder.rename(target)
    return target
