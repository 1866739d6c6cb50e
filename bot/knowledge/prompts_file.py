"""Parsing prompts.yaml: discussion prompts and the positions they draw on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.errors import Problem
from bot.knowledge.fields import Entry, describe
from bot.knowledge.model import Prompt
from bot.knowledge.schema import PROMPT, PROMPTS
from bot.knowledge.yamlfile import read_mapping


@dataclass(slots=True)
class PromptDraft:
    """A prompt as parsed; fields are None where the file had a problem."""

    file: Path
    where: str
    id: str | None
    text: str | None
    positions: tuple[str, ...]
    topics: tuple[str, ...]

    def build(self) -> Prompt | None:
        """The model object, or None if a required field is missing."""
        if self.id is None or self.text is None or not self.positions:
            return None
        return Prompt(self.id, self.text, self.positions, self.topics)


def parse_prompts_file(path: Path, problems: list[Problem]) -> list[PromptDraft]:
    """Parse prompts.yaml, reporting every problem found in it alone."""
    data = read_mapping(path, problems, "'prompts:' (a list)")
    if data is None:
        return []
    top = Entry(data, path, "top level", PROMPTS, problems)
    drafts = [_prompt(entry) for entry in top.entries("prompts", PROMPT)]
    seen: dict[str, str] = {}
    for d in drafts:
        if d.id is None:
            continue
        if d.id in seen:
            problems.append(
                Problem(path, d.where, f"the id '{d.id}' is already used by {seen[d.id]}")
            )
        else:
            seen[d.id] = d.where
    return drafts


def _prompt(entry: Entry) -> PromptDraft:
    positions: tuple[str, ...] = ()
    if entry.has("positions"):
        value = entry.get("positions")
        if isinstance(value, str):
            value = [value]
        if value == []:
            entry.report("'positions' is empty; list one or more position ids")
        elif not isinstance(value, list):
            entry.report(
                f"'positions' must be a list of one or more position ids, not {describe(value)}"
            )
        else:
            ids = [entry.check_ident(v, f"'positions' item {i + 1}") for i, v in enumerate(value)]
            positions = tuple(i for i in ids if i is not None)
    return PromptDraft(
        file=entry.file,
        where=entry.where,
        id=entry.ident("id"),
        text=entry.text("text"),
        positions=positions,
        topics=entry.text_list("topics"),
    )
