"""The JSON Schemas in ``knowledge/schema/``, generated from the pydantic models.

Editors use them for completion and checking; ``python -m bot schema`` writes them and
``python -m bot schema --check`` (and a test) says whether the committed files are current.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

BASE_ID = "https://example.invalid/reading-bot/"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _models() -> dict[str, type[BaseModel]]:
    from bot.config_file import ConfigFile
    from bot.knowledge.files import GlossaryFile, PositionsFile, PromptsFile, ReadingFile

    return {
        "reading.schema.json": ReadingFile,
        "positions.schema.json": PositionsFile,
        "prompts.schema.json": PromptsFile,
        "glossary.schema.json": GlossaryFile,
        "config.schema.json": ConfigFile,
    }


def _config_defaults(schema: dict[str, Any]) -> None:
    """config.yaml's keys default to the settings classes' values, not to null."""
    from bot import config

    sections: dict[str, Any] = {
        "discord": config.DiscordSettings(),
        "prompts": config.PromptsSettings(database=Path("data/bot.sqlite3")),
        "quiz": config.QuizSettings(),
    }
    for settings in sections.values():
        props = schema["$defs"][f"{type(settings).__name__.removesuffix('Settings')}Section"]
        for key, value in dataclasses.asdict(settings).items():
            node = props["properties"][key]
            node.pop("default", None)
            if key != "database":
                node["default"] = list(value) if isinstance(value, tuple) else value
    top = schema["properties"]
    for key in ("discord", "prompts", "quiz"):
        top[key].pop("default", None)
    top["log_level"]["default"] = config.Config().log_level


def schemas() -> dict[str, str]:
    """Each schema file's name and its text, as generated now."""
    found: dict[str, str] = {}
    for name, model in _models().items():
        body = model.model_json_schema()
        if name == "config.schema.json":
            _config_defaults(body)
        schema = {"$schema": DRAFT, "$id": BASE_ID + name, **body}
        found[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return found


def stale(folder: Path) -> list[str]:
    """The schema files in `folder` that differ from the generated ones (or are missing)."""
    out: list[str] = []
    for name, text in schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out


def write(folder: Path) -> list[str]:
    """Write the schemas that changed into `folder`; returns their names."""
    changed = stale(folder)
    folder.mkdir(parents=True, exist_ok=True)
    generated = schemas()
    for name in changed:
        (folder / name).write_text(generated[name], encoding="utf-8")
    return changed
