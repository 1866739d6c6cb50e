"""Parsing reading.yaml: the reading's details and its contributors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.errors import Problem
from bot.knowledge.fields import Entry
from bot.knowledge.model import Contributor
from bot.knowledge.ranges import parse_paragraphs
from bot.knowledge.schema import CONTRIBUTOR, READING
from bot.knowledge.yamlfile import read_mapping

TOP = "top level"


@dataclass(slots=True)
class ContributorDraft:
    """A contributor as parsed; fields are None where the file had a problem."""

    file: Path
    where: str
    id: str | None
    name: str | None
    short_name: str | None
    affiliation: str | None
    order: int | None
    paragraphs: tuple[int, ...]
    aliases: tuple[str, ...]
    bio: str
    paragraphs_valid: bool = True  # False when `paragraphs` had a mistake

    def build(self) -> Contributor | None:
        """The model object, or None if a required field is missing."""
        if (
            self.id is None
            or self.name is None
            or self.short_name is None
            or self.affiliation is None
            or self.order is None
        ):
            return None
        return Contributor(
            id=self.id,
            name=self.name,
            short_name=self.short_name,
            aliases=self.aliases,
            affiliation=self.affiliation,
            order=self.order,
            paragraphs=self.paragraphs,
            bio=self.bio,
        )


@dataclass(slots=True)
class ReadingDraft:
    """reading.yaml as parsed."""

    file: Path
    id: str | None = None
    title: str | None = None
    series: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""
    text: str | None = None
    contributors: list[ContributorDraft] = field(default_factory=list)
    broken_contributors: bool = False  # the list itself or one of its items was unreadable

    @property
    def contributor_ids(self) -> list[str] | None:
        """The contributor ids, or None when some could not be read (nothing to check against)."""
        ids = [c.id for c in self.contributors if c.id is not None]
        if not ids or len(ids) != len(self.contributors) or self.broken_contributors:
            return None
        return ids


def parse_reading_file(path: Path, problems: list[Problem]) -> ReadingDraft | None:
    """Parse reading.yaml, reporting every problem; None when it cannot be read at all."""
    data = read_mapping(path, problems, f"the keys {', '.join(READING.allowed)}")
    if data is None:
        return None
    top = Entry(data, path, TOP, READING, problems)
    draft = ReadingDraft(
        file=path,
        id=top.ident("id"),
        title=top.text("title"),
        series=top.text("series") or "",
        publisher=top.text("publisher") or "",
        date=top.text("date") or "",
        url=top.text("url") or "",
        text=top.text("text"),
        contributors=[_contributor(e) for e in top.entries("contributors", CONTRIBUTOR)],
    )
    listed = top.get("contributors")
    draft.broken_contributors = not isinstance(listed, list) or len(listed) != len(
        draft.contributors
    )
    if top.get("contributors") == []:
        top.report("'contributors' is empty; list at least one contributor")
    if draft.id is not None and draft.id != path.parent.name:
        top.report(
            f"'id' is '{draft.id}' but the folder is named '{path.parent.name}'; "
            "they must be the same"
        )
    _check_unique(draft.contributors, problems)
    return draft


def _contributor(entry: Entry) -> ContributorDraft:
    paragraphs: tuple[int, ...] = ()
    errors: list[str] = []
    if entry.has("paragraphs"):
        paragraphs, errors = parse_paragraphs(entry.get("paragraphs"))
        for error in errors:
            entry.report(f"'paragraphs': {error}")
    return ContributorDraft(
        file=entry.file,
        where=entry.where,
        id=entry.ident("id"),
        name=entry.text("name"),
        short_name=entry.text("short_name"),
        affiliation=entry.text("affiliation"),
        order=entry.integer("order", minimum=1),
        paragraphs=paragraphs,
        aliases=entry.text_list("aliases"),
        bio=entry.text("bio") or "",
        paragraphs_valid=entry.has("paragraphs") and not errors,
    )


def _check_unique(contributors: list[ContributorDraft], problems: list[Problem]) -> None:
    """Contributor ids and orders are unique; no alias or name belongs to two of them."""
    ids: dict[str, ContributorDraft] = {}
    orders: dict[int, ContributorDraft] = {}
    owners: dict[str, tuple[str, ContributorDraft]] = {}
    for c in contributors:
        if c.id is not None:
            if c.id in ids:
                problems.append(
                    Problem(
                        c.file, c.where, f"the id '{c.id}' is already used by {ids[c.id].where}"
                    )
                )
            else:
                ids[c.id] = c
        if c.order is not None:
            if c.order in orders:
                problems.append(
                    Problem(
                        c.file,
                        c.where,
                        f"'order' {c.order} is already used by {orders[c.order].where}; "
                        "each contributor has their own place (1, 2, 3 ...)",
                    )
                )
            else:
                orders[c.order] = c
        _claim_names(c, owners, problems)


def _claim_names(
    c: ContributorDraft,
    owners: dict[str, tuple[str, ContributorDraft]],
    problems: list[Problem],
) -> None:
    names = [n for n in (c.name, c.short_name) if n] + list(c.aliases)
    mine: set[str] = set()
    for name in names:
        key = " ".join(name.casefold().split())
        if key in mine:
            continue
        mine.add(key)
        if key in owners:
            first, other = owners[key]
            problems.append(
                Problem(
                    c.file,
                    c.where,
                    f"the alias or name '{name}' also names {other.where} (as '{first}'); "
                    "an alias may belong to one contributor only (case is ignored)",
                )
            )
        else:
            owners[key] = (name, c)
