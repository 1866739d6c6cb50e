"""Parsing positions/<contributor id>.yaml: one contributor's positions."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.errors import Problem
from bot.knowledge.fields import Entry, closest, describe, name_list
from bot.knowledge.model import Kind, Position, Target
from bot.knowledge.schema import KINDS, POSITION, POSITIONS, TARGET
from bot.knowledge.yamlfile import read_mapping

TOP = "top level"


@dataclass(slots=True)
class TargetDraft:
    """responds_to as parsed."""

    where: str
    contributor: str | None
    position: str | None


@dataclass(slots=True)
class PositionDraft:
    """A position as parsed; fields are None where the file had a problem."""

    file: Path
    where: str
    id: str | None
    contributor_id: str | None
    kind: Kind | None
    summary: str | None
    topics: tuple[str, ...]
    quote: str | None
    paragraph: int | None
    target: TargetDraft | None
    central: bool
    reviewed: bool = True

    def build(self) -> Position | None:
        """The model object, or None if a required field is missing."""
        if (
            self.id is None
            or self.contributor_id is None
            or self.kind is None
            or self.summary is None
            or self.quote is None
            or self.paragraph is None
        ):
            return None
        target = None
        if self.target is not None:
            if self.target.contributor is None:
                return None
            target = Target(self.target.contributor, self.target.position)
        return Position(
            id=self.id,
            contributor_id=self.contributor_id,
            kind=self.kind,
            summary=self.summary,
            topics=self.topics,
            quote=self.quote,
            paragraph=self.paragraph,
            target=target,
            central=self.central,
            reviewed=self.reviewed,
        )


@dataclass(slots=True)
class PositionsFile:
    """One positions file as parsed: whose it is (if known) and its positions."""

    file: Path
    contributor_id: str | None  # None when neither the file nor its name says whose it is
    positions: list[PositionDraft]
    readable: bool  # False when the file could not be parsed at all


def parse_positions_file(
    path: Path, contributors: Collection[str] | None, problems: list[Problem]
) -> PositionsFile:
    """Parse one positions file, reporting every problem found in it alone.

    `contributors` is None when reading.yaml's contributors could not all be read.
    """
    fallback = path.stem if contributors is not None and path.stem in contributors else None
    data = read_mapping(path, problems, "'contributor: <id>' and 'positions:' (a list)")
    if data is None:
        return PositionsFile(path, fallback, [], readable=False)
    top = Entry(data, path, TOP, POSITIONS, problems)
    owner = _owner(top, path, contributors) or fallback
    entries = top.entries("positions", POSITION)
    if top.get("positions") == []:
        top.report("'positions' is empty; list at least one position")
    drafts = [_position(entry, owner) for entry in entries]
    return PositionsFile(path, owner, drafts, readable=True)


def _owner(top: Entry, path: Path, contributors: Collection[str] | None) -> str | None:
    """The file's `contributor`, checked against reading.yaml and the file name."""
    owner = top.ident("contributor")
    if owner is None or contributors is None:
        return owner  # unchecked: reading.yaml's contributors are reported as broken
    if owner not in contributors:
        top.report(
            f"'contributor' is '{owner}', which is not a contributor id in reading.yaml"
            f"{closest(owner, contributors)}; the ids are: {name_list(contributors)}",
            "contributor",
        )
        return None
    if path.stem != owner:
        top.report(
            f"the file is named {path.name} but holds the positions of '{owner}'; "
            f"name it {owner}.yaml",
            "contributor",
        )
    return owner


def _position(entry: Entry, owner: str | None) -> PositionDraft:
    kind = _kind(entry)
    target = _target(entry)
    if kind is not None and kind.needs_target and target is None and not entry.has("responds_to"):
        entry.report(
            f"'responds_to' is missing: an {kind.value} must say whom it answers "
            "(responds_to: with contributor: <id>, and position: <id> when there is one)"
        )
    return PositionDraft(
        file=entry.file,
        where=entry.where,
        id=entry.ident("id"),
        contributor_id=owner,
        kind=kind,
        summary=entry.text("summary"),
        topics=entry.text_list("topics"),
        quote=entry.text("quote"),
        paragraph=entry.integer("paragraph"),
        target=target,
        central=entry.flag("central"),
        reviewed=entry.flag("reviewed") if entry.has("reviewed") else True,
    )


def _kind(entry: Entry) -> Kind | None:
    text = entry.text("kind")
    if text is None:
        return None
    if text not in KINDS:
        entry.report(
            f"'kind' is '{text}'{closest(text.lower(), KINDS)}; the kinds are: {name_list(KINDS)}"
        )
        return None
    return Kind(text)


def _target(entry: Entry) -> TargetDraft | None:
    if not entry.has("responds_to"):
        return None
    value = entry.get("responds_to")
    where = f"{entry.where} responds_to"
    if not isinstance(value, Mapping):
        entry.report(
            "'responds_to' must be a mapping with 'contributor: <id>' "
            f"(and optionally 'position: <id>') on indented lines, not {describe(value)}"
        )
        return None
    sub = Entry(value, entry.file, where, TARGET, entry.problems)
    return TargetDraft(where, sub.ident("contributor"), sub.ident("position"))
