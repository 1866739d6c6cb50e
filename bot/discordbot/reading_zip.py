"""Unpacking a reading folder a moderator sends back as a zip, safely and within bounds.

The zip holds one reading folder (``ID/reading.yaml``, ``ID/positions/...``), as
``/reading export`` makes it, or that folder's files at its top. Refused with a clear
reason: not a zip, an entry whose path leaves the folder (absolute, ``..``, a drive), a
link, more than :data:`MAX_ENTRIES` entries, or more than :data:`MAX_UNPACKED` bytes once
unpacked (counted while unpacking, so a lying header does not help).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path, PurePosixPath

from bot.ingest.source import IngestError
from bot.knowledge.layout import READING_FILE

MAX_ENTRIES = 500
MAX_UNPACKED = 20_000_000  # bytes, every file together
CHUNK = 65536
_ID = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def is_zip(data: bytes) -> bool:
    """True when the bytes start like a zip archive."""
    return data[:4] == b"PK\x03\x04"


def _parts(name: str) -> tuple[str, ...]:
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise IngestError(f"the zip entry {name[:100]!r} is not a relative path")
    parts = PurePosixPath(name).parts
    if any(p in ("..", "") for p in parts):
        raise IngestError(f"the zip entry {name[:100]!r} leaves the reading's folder")
    return parts


def unpack(data: bytes, dest: Path, reading_id: str | None = None) -> str:
    """Unpack the reading into ``dest/ID`` and return ID (the zip's folder name, or
    `reading_id` when the files are at the top)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise IngestError("the file is not a zip archive that can be read") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(archive.infolist()) > MAX_ENTRIES:
            raise IngestError(f"the zip holds more than {MAX_ENTRIES} entries")
        entries = [(_parts(i.filename), i) for i in infos]
        for _, info in entries:
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                raise IngestError(f"the zip entry {info.filename[:100]!r} is a link")
        tops = {parts[0] for parts, _ in entries if len(parts) > 1}
        if any(parts == (READING_FILE,) for parts, _ in entries):
            rid, strip = reading_id, 0
        elif len(tops) == 1 and all(len(p) > 1 for p, _ in entries):
            rid, strip = tops.pop(), 1
        else:
            raise IngestError(
                f"the zip should hold one reading folder with its {READING_FILE} "
                "(as /reading export makes it)"
            )
        if rid is None or not _ID.fullmatch(rid):
            raise IngestError("give the reading's id (letters, digits and '-')")
        folder = dest / rid
        total = 0
        for parts, info in entries:
            target = folder.joinpath(*parts[strip:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, target.open("wb") as out:
                while chunk := source.read(CHUNK):
                    total += len(chunk)
                    if total > MAX_UNPACKED:
                        raise IngestError(
                            f"the zip unpacks to more than {MAX_UNPACKED:,} bytes"
                        )
                    out.write(chunk)
        return rid
