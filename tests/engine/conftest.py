"""Shared fixtures for the engine tests: one engine over the shipped knowledge."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine over the shipped reading, built once for the whole session."""
    return Engine.load()
