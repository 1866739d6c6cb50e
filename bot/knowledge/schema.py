"""The shape of the knowledge files: which keys each mapping allows and requires.

The loader checks files against these shapes, and a test keeps the JSON Schemas in
`knowledge/schema/` listing the same keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import Kind

ID_PATTERN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
ID_RULE = "letters, digits and single '-' between them (no spaces)"
MIN_QUOTE_CHARS = 20
KINDS = tuple(k.value for k in Kind)

READING_FILE = "reading.yaml"
POSITIONS_DIR = "positions"
PROMPTS_FILE = "prompts.yaml"
GLOSSARY_FILE = "glossary.yaml"
SCHEMA_DIR = "schema"


@dataclass(frozen=True, slots=True)
class Shape:
    """The keys one kind of mapping must and may have."""

    name: str  # what the mapping is, for messages: "a contributor"
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def allowed(self) -> tuple[str, ...]:
        """Every key the mapping may have, required first."""
        return self.required + self.optional


READING = Shape(
    "reading.yaml",
    required=("id", "title", "text", "contributors"),
    optional=("series", "publisher", "date", "url"),
)
CONTRIBUTOR = Shape(
    "a contributor",
    required=("id", "name", "short_name", "order", "affiliation", "paragraphs"),
    optional=("aliases", "bio"),
)
POSITIONS = Shape("a positions file", required=("contributor", "positions"))
POSITION = Shape(
    "a position",
    required=("id", "kind", "summary", "quote", "paragraph"),
    optional=("topics", "responds_to", "central", "reviewed"),
)
TARGET = Shape("responds_to", required=("contributor",), optional=("position",))
PROMPTS = Shape("prompts.yaml", required=("prompts",))
PROMPT = Shape("a prompt", required=("id", "text", "positions"), optional=("topics",))
# The glossary's own keys are members' words, so only its top level has a fixed shape.
GLOSSARY = Shape("glossary.yaml", required=("glossary",))

# JSON Schema file name -> {JSON pointer-ish path inside it: the shape it must describe}
SCHEMA_FILES: dict[str, dict[str, Shape]] = {
    "reading.schema.json": {"": READING, "contributors[]": CONTRIBUTOR},
    "positions.schema.json": {
        "": POSITIONS,
        "positions[]": POSITION,
        "positions[].responds_to": TARGET,
    },
    "prompts.schema.json": {"": PROMPTS, "prompts[]": PROMPT},
    "glossary.schema.json": {"": GLOSSARY},
}
