"""Fixtures for the group features (quiz, map, guide): the shipped reading, the fake Discord."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import engine, fake_discord  # noqa: E402

from bot.knowledge.loader import load_library  # noqa: E402
from bot.knowledge.model import Reading  # noqa: E402

__all__ = ["engine", "fake_discord"]

_READING: list[Reading] = []


@pytest.fixture
def reading() -> Reading:
    """The shipped reading (loaded once; it is immutable)."""
    if not _READING:
        _READING.append(load_library().get())
    return _READING[0]
