"""Names and rules of the knowledge folder: file names, ids, the shortest quote."""

from __future__ import annotations

import re

from bot.knowledge.model import Kind

ID_PATTERN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
ID_RULE = "letters, digits and single '-' between them (no spaces)"
MAX_ID_CHARS = 80  # ids are short names, and messages quote them whole
MIN_QUOTE_CHARS = 20
KINDS = tuple(k.value for k in Kind)

READING_FILE = "reading.yaml"
POSITIONS_DIR = "positions"
PROMPTS_FILE = "prompts.yaml"
GLOSSARY_FILE = "glossary.yaml"
SCHEMA_DIR = "schema"
