"""Writing a drafted reading folder, checking it, and putting it in place without loss."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bot.ingest.draft import Drafted
from bot.ingest.prompts import DraftPrompt
from bot.knowledge.ranges import compact

HEADER = (
    "# Drafted by `python -m bot ingest`: check each entry against the text, edit it, and set\n"
    "# `reviewed: true` once it is right. Then run `python -m bot validate`.\n"
)


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, unicode as is."""


def _dump(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000,
        default_flow_style=False,
    )


def reading_yaml(meta: dict[str, str], contributors: list[dict[str, Any]]) -> str:
    """reading.yaml's text."""
    data: dict[str, Any] = {k: v for k, v in meta.items() if v}
    data["text"] = "text.txt"
    data["contributors"] = [
        {**c, "paragraphs": compact(c["paragraphs"])} for c in contributors
    ]
    return HEADER + _dump(data)


def positions_yaml(contributor: str, positions: list[Drafted]) -> str:
    """positions/<contributor>.yaml's text."""
    entries = []
    for p in positions:
        entry: dict[str, Any] = {
            "id": p.id, "kind": p.kind, "summary": p.summary, "topics": p.topics,
            "quote": p.quote, "paragraph": p.paragraph,
        }
        if p.target is not None:
            entry["responds_to"] = {"contributor": p.target}
        if p.central:
            entry["central"] = True
        entry["reviewed"] = False
        entries.append(entry)
    return HEADER + _dump({"contributor": contributor, "positions": entries})


def glossary_yaml(entries: list[tuple[str, list[str]]]) -> str:
    """glossary.yaml's text: members' words (here initials) and the text's words for them."""
    note = ("# Initials members may write for names the text spells out; add the reading's own\n"
            "# key words and the names of what it alludes to.\n")
    return HEADER + note + _dump({"glossary": {term: means for term, means in entries}})


def prompts_yaml(prompts: list[DraftPrompt]) -> str:
    """prompts.yaml's text."""
    data = {"prompts": [
        {"id": p.id, "text": p.text, "positions": p.positions, "topics": p.topics}
        for p in prompts
    ]}
    return HEADER + _dump(data)


def write_folder(files: dict[str, str], out: Path, force: bool) -> Path:
    """Write the files to a fresh folder beside `out`, then move it into place.

    An existing `out` is replaced only with `force`, and only after the new folder is
    complete; nothing is left half-written.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for name, text in files.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if out.exists():
            if not force:
                raise FileExistsError(out)
            old = out.with_name(f".{out.name}-old")
            if old.exists():
                shutil.rmtree(old)
            out.rename(old)
            tmp.rename(out)
            shutil.rmtree(old)
        else:
            tmp.rename(out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return out
