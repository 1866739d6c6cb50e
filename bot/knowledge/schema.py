"""Kept so that ``from bot.knowledge.schema import MIN_QUOTE_CHARS`` (and the other names
of the knowledge folder's layout) keeps working; they live in :mod:`bot.knowledge.layout`.

The shapes of the files are the pydantic models in :mod:`bot.knowledge.files`.
"""

from __future__ import annotations

from bot.knowledge.layout import (
    GLOSSARY_FILE,
    ID_PATTERN,
    ID_RULE,
    KINDS,
    MIN_QUOTE_CHARS,
    POSITIONS_DIR,
    PROMPTS_FILE,
    READING_FILE,
    SCHEMA_DIR,
)

__all__ = [
    "GLOSSARY_FILE",
    "ID_PATTERN",
    "ID_RULE",
    "KINDS",
    "MIN_QUOTE_CHARS",
    "POSITIONS_DIR",
    "PROMPTS_FILE",
    "READING_FILE",
    "SCHEMA_DIR",
]
