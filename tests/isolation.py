"""A pytest plugin (`-p tests.isolation` in pyproject.toml): every test sees the shipped
reading alone, whatever else a developer has added to `knowledge/` (a reading drafted with
`ingest`, say): the tests pin the shipped answers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge"
SHIPPED_READING = "chinafile-2013-human-rights"


@pytest.fixture(scope="session", autouse=True)
def shipped_knowledge_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """$READING_BOT_KNOWLEDGE (read by the bot, and by every subprocess a test starts) is
    a folder holding only the shipped reading, when `knowledge/` holds more than that."""
    readings = [p for p in SHIPPED.iterdir() if (p / "reading.yaml").is_file()]
    if [p.name for p in readings] == [SHIPPED_READING] or "READING_BOT_KNOWLEDGE" in os.environ:
        yield
        return
    folder = tmp_path_factory.mktemp("knowledge")
    (folder / SHIPPED_READING).symlink_to(SHIPPED / SHIPPED_READING, target_is_directory=True)
    os.environ["READING_BOT_KNOWLEDGE"] = str(folder)
    try:
        yield
    finally:
        del os.environ["READING_BOT_KNOWLEDGE"]
