"""Fixtures for the Discord tests: the fake Discord and the real bot connected to it.

See :mod:`fakediscord.fixtures` for what each fixture provides.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import bot_config, discord_bot, engine, fake_discord  # noqa: E402

__all__ = ["bot_config", "discord_bot", "engine", "fake_discord"]
