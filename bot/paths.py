"""Where the project keeps its knowledge files and runtime data by default."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def knowledge_dir() -> Path:
    """The knowledge folder: $READING_BOT_KNOWLEDGE, else `knowledge/` beside `bot/`."""
    override = os.environ.get("READING_BOT_KNOWLEDGE")
    return Path(override) if override else PROJECT_ROOT / "knowledge"


def data_dir() -> Path:
    """The folder for runtime state (SQLite): $READING_BOT_DATA, else `data/` beside `bot/`."""
    override = os.environ.get("READING_BOT_DATA")
    return Path(override) if override else PROJECT_ROOT / "data"


def prompts_database() -> Path:
    """The prompt database's one default path: ``bot.sqlite3`` in the data folder (the
    default of ``prompts.database`` and of the prompt store)."""
    return data_dir() / "bot.sqlite3"
