"""Drafting a small fixture debate into a reading, as several test modules need."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.ingest.command import Options, ingest
from bot.knowledge.loader import load_reading

FIXTURES = Path(__file__).resolve().parent / "ingest" / "fixtures"


def drafted_engine(tmp: pytest.TempPathFactory, text: str, reading_id: str) -> Engine:
    """An engine over `ingest` of a fixture text (under tests/ingest/fixtures)."""
    out = tmp.mktemp(reading_id) / reading_id
    return Engine(load_reading(ingest(Options(FIXTURES / text, id=reading_id, out=out)).folder))
