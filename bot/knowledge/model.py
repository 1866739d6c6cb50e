"""Typed model of a reading: its text, contributors, positions, discussion prompts and glossary.

Instances are built by :mod:`bot.knowledge.loader` after validation and are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What sort of statement a position is."""

    CLAIM = "claim"
    RECOMMENDATION = "recommendation"
    AGREEMENT = "agreement"
    DISAGREEMENT = "disagreement"
    CONCERN = "concern"
    CRITIQUE = "critique"
    CONCESSION = "concession"
    QUESTION = "question"  # in a debate: one speaker's question to another
    ANSWER = "answer"  # the reply to such a question

    @property
    def needs_target(self) -> bool:
        """Agreements and disagreements must say whom they answer."""
        return self in (Kind.AGREEMENT, Kind.DISAGREEMENT)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the source text, numbered from 0 as ATTRIBUTION.md numbers it."""

    number: int
    text: str
    contributor_id: str | None  # None for the title, headers and photo captions

    @property
    def substantive(self) -> bool:
        """A paragraph of substance is one written by a contributor."""
        return self.contributor_id is not None


@dataclass(frozen=True, slots=True)
class Contributor:
    """An author of part of the reading."""

    id: str
    name: str  # display name; the unnamed final respondent is "the final respondent"
    short_name: str  # how answers refer to them in running text ("Neier")
    aliases: tuple[str, ...]
    affiliation: str
    order: int  # 1-based order of appearance
    paragraphs: tuple[int, ...]
    bio: str = ""
    pronoun: str = ""  # "he", "she", "they"; empty when unknown


@dataclass(frozen=True, slots=True)
class Target:
    """Whom an agreement or disagreement answers."""

    contributor_id: str
    position_id: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    """One claim, recommendation, agreement, ... of one contributor, with its evidence."""

    id: str
    contributor_id: str
    kind: Kind
    summary: str
    topics: tuple[str, ...]
    quote: str  # verbatim from paragraph `paragraph`
    paragraph: int
    target: Target | None = None
    central: bool = False  # one of the contributor's main points
    reviewed: bool = True  # False for a drafted entry no editor has checked yet


@dataclass(frozen=True, slots=True)
class Prompt:
    """A curated discussion prompt and the positions it draws on."""

    id: str
    text: str
    positions: tuple[str, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A word members may use for something the text puts otherwise, and the text's words.

    `term` is the members' word ("Tiananmen"); `means` are words of the reading (its text,
    or its positions' topics and summaries) that a search should also try ("June Fourth").
    """

    term: str
    means: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """A published multi-author text and its curated index."""

    id: str
    title: str
    series: str
    publisher: str
    date: str
    url: str
    paragraphs: tuple[Paragraph, ...]
    contributors: tuple[Contributor, ...]
    positions: tuple[Position, ...]
    prompts: tuple[Prompt, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()  # in file order; empty without glossary.yaml
    _by_contributor: dict[str, Contributor] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_position: dict[str, Position] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._by_contributor.update({c.id: c for c in self.contributors})
        self._by_position.update({p.id: p for p in self.positions})

    def contributor(self, contributor_id: str) -> Contributor:
        """The contributor with this id (KeyError if none)."""
        return self._by_contributor[contributor_id]

    def position(self, position_id: str) -> Position:
        """The position with this id (KeyError if none)."""
        return self._by_position[position_id]

    def positions_of(self, contributor_id: str) -> tuple[Position, ...]:
        """All positions of one contributor, in text order."""
        return tuple(p for p in self.positions if p.contributor_id == contributor_id)

    def paragraph(self, number: int) -> Paragraph:
        """The paragraph with this number (IndexError if none)."""
        return self.paragraphs[number]


@dataclass(frozen=True, slots=True)
class Library:
    """Every reading found under a knowledge folder."""

    readings: tuple[Reading, ...]

    def get(self, reading_id: str | None = None) -> Reading:
        """The reading with this id; with none given, the only reading (never the first of
        several: that raises NoDefaultReadingError)."""
        if reading_id is None:
            if len(self.readings) == 1:
                return self.readings[0]
            raise NoDefaultReadingError(tuple(r.id for r in self.readings))
        for reading in self.readings:
            if reading.id == reading_id:
                return reading
        raise UnknownReadingError(reading_id, tuple(r.id for r in self.readings))


class UnknownReadingError(KeyError):
    """Asked for a reading id the knowledge folder does not hold."""

    def __init__(self, reading_id: str, known: tuple[str, ...]) -> None:
        import difflib

        super().__init__(reading_id)
        near = difflib.get_close_matches(reading_id[:100], known, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        shown = reading_id if len(reading_id) <= 40 else reading_id[:37] + "..."
        self.message = (
            f"No reading with id {shown!r} in the knowledge folder{hint}; "
            f"the readings there are: {', '.join(known) or 'none'}."
        )

    def __str__(self) -> str:
        return self.message


class NoDefaultReadingError(UnknownReadingError):
    """Several readings and none named: the library never picks the first one found."""

    def __init__(self, known: tuple[str, ...]) -> None:
        KeyError.__init__(self, None)
        self.message = (
            f"The knowledge folder holds {len(known)} readings ({', '.join(known)}); say which "
            "one with --reading ID, or with `reading: ID` in config.yaml."
        )
