"""What a study guide holds, gathered from any reading's index.

For each contributor (in speaking order) their central positions (summary, verbatim
quote, paragraph); the points where one answers another (agreements; disagreements and
critiques; concessions), from the same graph the map draws; and the discussion prompts
with the contributors they draw on.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.debatemap.graph import build_graph, describe
from bot.knowledge.model import Contributor, Position, Reading

FALLBACK_CENTRAL = 2  # positions shown for a contributor none of whose positions is central

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Points of agreement", ("agreement",)),
    ("Points of disagreement", ("disagreement", "critique")),
    ("Concessions", ("concession",)),
    ("Questions and answers", ("question", "answer")),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One position as the guide shows it."""

    summary: str
    quote: str
    paragraph: int
    kind: str


@dataclass(frozen=True, slots=True)
class Person:
    """A contributor and their central positions."""

    contributor: Contributor
    central: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """One edge of the debate in words, with the positions behind it."""

    text: str  # 'Sharon Hom agrees with Nicholas Bequelin (2 agreements)'
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class PromptItem:
    """A discussion prompt and who it draws on."""

    text: str
    draws_on: tuple[str, ...]  # 'Bequelin ¶ 9'


@dataclass(frozen=True, slots=True)
class Guide:
    """Everything the study guide shows, in order."""

    title: str
    byline: str  # series, publisher, date
    url: str
    people: tuple[Person, ...]
    sections: tuple[tuple[str, tuple[Link, ...]], ...]  # only sections with links
    prompts: tuple[PromptItem, ...]


def entry(position: Position) -> Entry:
    """A position as the guide shows it."""
    return Entry(position.summary, position.quote, position.paragraph, position.kind.value)


def central_positions(reading: Reading, contributor: Contributor) -> list[Position]:
    """The contributor's central positions; their first few when none is marked central."""
    mine = reading.positions_of(contributor.id)
    central = [p for p in mine if p.central]
    return central or list(mine[:FALLBACK_CENTRAL])


def build_guide(reading: Reading) -> Guide:
    """The study guide of a reading."""
    people = tuple(
        Person(c, tuple(entry(p) for p in central_positions(reading, c)))
        for c in sorted(reading.contributors, key=lambda c: c.order)
    )
    graph = build_graph(reading)
    sections = []
    for heading, kinds in SECTIONS:
        links = tuple(
            Link(describe(e, graph), tuple(entry(reading.position(pid)) for pid in e.positions))
            for e in graph.edges
            if e.kind in kinds
        )
        if links:
            sections.append((heading, links))
    prompts = []
    for prompt in reading.prompts:
        draws = []
        for pid in prompt.positions:
            try:
                p = reading.position(pid)
            except KeyError:
                continue
            c = reading.contributor(p.contributor_id)
            draws.append(f"{c.short_name or c.name} ¶ {p.paragraph}")
        prompts.append(PromptItem(prompt.text, tuple(dict.fromkeys(draws))))
    byline = ", ".join(x for x in (reading.series, reading.publisher, reading.date) if x)
    return Guide(reading.title, byline, reading.url, people, tuple(sections), tuple(prompts))
