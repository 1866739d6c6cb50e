"""The `--contributors FILE` and `--speakers` inputs: who the contributors are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.ingest.source import IngestError, read_source
from bot.knowledge.ranges import parse_paragraphs


@dataclass(slots=True)
class Given:
    """A contributor as the moderator gave them."""

    name: str
    affiliation: str = ""
    starts: str | None = None  # the first words of their contribution
    paragraphs: tuple[int, ...] = ()
    aliases: list[str] = field(default_factory=list)


def parse_speakers(value: str) -> list[Given]:
    """`--speakers "Name One, Name Two"`."""
    names = [n.strip() for n in re.split(r"[,;]", value) if n.strip()]
    if not names:
        raise IngestError("--speakers is empty; give names separated by commas")
    return [Given(n) for n in names]


def read_contributors(path: Path) -> list[Given]:
    """A YAML list; each entry has `name` and `starts` or `paragraphs`."""
    try:
        data = yaml.safe_load(read_source(path))
    except yaml.YAMLError as exc:
        raise IngestError(f"{path} is not valid YAML: {exc}") from None
    if not isinstance(data, list) or not data:
        raise IngestError(
            f"{path} must be a YAML list of contributors, each with 'name' and "
            "'starts' (their first words) or 'paragraphs'"
        )
    out: list[Given] = []
    for i, item in enumerate(data):
        where = f"{path}, entry {i + 1}"
        if not isinstance(item, dict):
            raise IngestError(f"{where}: each entry must be a mapping with 'name'")
        unknown = set(item) - {"name", "affiliation", "starts", "paragraphs", "aliases"}
        if unknown:
            raise IngestError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise IngestError(f"{where}: 'name' must be text")
        given = Given(name.strip(), str(item.get("affiliation") or "").strip())
        starts, paragraphs = item.get("starts"), item.get("paragraphs")
        if isinstance(starts, str) and starts.strip():
            given.starts = starts.strip()
        elif paragraphs is not None:
            numbers, problem = parse_paragraphs(paragraphs)
            if problem:
                raise IngestError(f"{where}: 'paragraphs': {'; '.join(problem)}")
            given.paragraphs = numbers
        else:
            raise IngestError(f"{where}: give 'starts' (the first words) or 'paragraphs'")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise IngestError(f"{where}: 'aliases' must be a list of texts")
        given.aliases = [a.strip() for a in aliases if a.strip()]
        out.append(given)
    return out
