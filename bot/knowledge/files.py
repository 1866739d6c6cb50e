"""The knowledge files as pydantic models: what each YAML file must and may hold.

These models are the one description of the file formats: the loader validates with them,
and ``python -m bot schema`` writes the JSON Schemas in ``knowledge/schema/`` from them.
Types are strict (YAML's ``yes`` is true/false, not text) and unknown keys are refused.
Checks no schema can express (quotes verbatim in their paragraph, who owns which
paragraph, references between entries, coverage) live in :mod:`bot.knowledge.checks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from bot.knowledge.layout import KINDS, MIN_QUOTE_CHARS
from bot.knowledge.model import Kind
from bot.knowledge.types import (
    TEXT_SCHEMA,
    WORDS_SCHEMA,
    Id,
    IdList,
    Paragraphs,
    Text,
    TextList,
    Words,
)


class Entry(BaseModel):
    """One mapping of a knowledge file: a file's top level, a contributor, a position ...

    Entries that did not validate whole are *salvaged* by the loader: each field that
    validated on its own is set, the others are None and named in :attr:`broken`, so the
    checks across files still run on what is known.
    """

    model_config = ConfigDict(strict=True, extra="forbid", frozen=False)
    label: ClassVar[str] = "an entry"  # what the mapping is, for messages: "a position"
    _broken: frozenset[str] = PrivateAttr(default=frozenset())
    _file: Path = PrivateAttr(default=Path())
    _where: str = PrivateAttr(default="top level")

    @property
    def broken(self) -> frozenset[str]:
        """The fields that did not validate (None in a salvaged entry)."""
        return self._broken

    @property
    def file(self) -> Path:
        """The file the entry was read from."""
        return self._file

    @property
    def where(self) -> str:
        """How messages name the entry: "positions[3] (neier-moral-character)"."""
        return self._where

    def place(self, file: Path, where: str, broken: frozenset[str] = frozenset()) -> None:
        """Note where the entry comes from (and what of it did not validate)."""
        self._file, self._where, self._broken = file, where, broken


class ContributorEntry(Entry):
    """An author of part of the reading."""

    model_config = ConfigDict(title="contributor")
    label: ClassVar[str] = "a contributor"

    id: Id = Field(
        description="A short stable id (bequelin, neier, sixth ...); positions/<id>.yaml "
        "holds their positions."
    )
    name: Text = Field(
        description='Display name. An unnamed author is "the final respondent": never '
        "invent a name."
    )
    short_name: Text = Field(description="How answers name them in running text.")
    order: int = Field(ge=1, description="1, 2, 3 ... order of appearance.")
    affiliation: Text = Field(description="Their affiliation at the time of writing.")
    paragraphs: Paragraphs = Field(
        description='Which paragraphs are theirs: "3, 6-13", or a list of numbers and '
        '"a-b" ranges.'
    )
    aliases: TextList = Field(
        default_factory=list,
        description="Every other way a member may call them. No alias may belong to two "
        "contributors (case is ignored).",
    )
    bio: Text = Field(default="", description="One sentence for /contributors.")
    pronoun: Literal["he", "she", "they", ""] = Field(
        default="",
        description='How the text refers to them ("he", "she", "they"), so a follow-up\'s '
        '"she" finds her among several just named; empty when unknown.',
    )


class ReadingFile(Entry):
    """reading.yaml: the reading and its contributors."""

    model_config = ConfigDict(
        title="reading.yaml",
        json_schema_extra={
            "description": "A reading: what it is and who wrote which paragraphs. "
            "Check with: python -m bot validate"
        },
    )
    label: ClassVar[str] = "reading.yaml"

    id: Id = Field(description="The reading's id; the same as the folder name.")
    title: Text = Field(description="The reading's title, as members see it in /reading.")
    text: Text = Field(
        description="The name of the text file beside reading.yaml, e.g. text.txt. It is "
        "split into paragraphs numbered from 0."
    )
    contributors: list[ContributorEntry] = Field(
        min_length=1, description="The authors, in order of appearance."
    )
    series: Text = Field(
        default="", description='The series it belongs to, e.g. "A ChinaFile Conversation".'
    )
    publisher: Text = Field(default="", description="Who published it.")
    date: Text = Field(default="", description='When it was published, in quotes: "2013-06".')
    url: Text = Field(default="", description="Where it was published.")


class RespondsTo(Entry):
    """Whom a position answers."""

    model_config = ConfigDict(title="responds_to")
    label: ClassVar[str] = "responds_to"
    shape: ClassVar[str] = (
        "a mapping with 'contributor: <id>' (and optionally 'position: <id>') on indented lines"
    )

    contributor: Id = Field(description="Another contributor's id.")
    position: Id | None = Field(
        default=None, description="The position of theirs it answers (optional)."
    )


_TARGET_KINDS: list[JsonValue] = [k.value for k in Kind if k.needs_target]


class PositionEntry(Entry):
    """One claim, recommendation, agreement, ... of one contributor, with its evidence."""

    model_config = ConfigDict(
        title="position",
        json_schema_extra={
            "if": {"properties": {"kind": {"enum": _TARGET_KINDS}}, "required": ["kind"]},
            "then": {"required": ["responds_to"]},
        },
    )
    label: ClassVar[str] = "a position"

    id: Id = Field(description="Unique in the reading; start it with the contributor id.")
    kind: Annotated[Kind, Field(strict=False)] = Field(
        description="What sort of statement it is: " + ", ".join(KINDS) + "."
    )
    summary: Text = Field(description="One plain sentence.")
    quote: Text = Field(
        json_schema_extra={"minLength": MIN_QUOTE_CHARS},
        description="Copied verbatim from paragraph `paragraph` (curly quotes and dashes as "
        "in the text); found in that paragraph only.",
    )
    paragraph: int = Field(
        ge=0,
        description="The paragraph number (from 0) holding the quote; it must be this "
        "contributor's.",
    )
    topics: TextList = Field(
        default_factory=list,
        description="Words a student might use, including names the text does not spell out.",
    )
    responds_to: RespondsTo | None = Field(
        default=None,
        description="Whom the position answers; required for agreement and disagreement.",
    )
    central: bool = Field(default=False, description="One of the contributor's main points.")
    reviewed: bool = Field(
        default=True,
        description="false for a drafted entry no editor has checked yet (validate counts "
        "them).",
    )

    _owner: str | None = PrivateAttr(default=None)

    @property
    def contributor_id(self) -> str | None:
        """Whose position it is (from its file), None when the file does not say."""
        return self._owner

    def own(self, contributor_id: str | None) -> None:
        """Note whose position it is."""
        self._owner = contributor_id

    @model_validator(mode="after")
    def _answers_someone(self) -> PositionEntry:
        if self.kind.needs_target and self.responds_to is None:
            raise PydanticCustomError("needs_target", "needs responds_to", {"kind": self.kind})
        return self


class PositionsFile(Entry):
    """positions/<contributor id>.yaml: one contributor's positions."""

    model_config = ConfigDict(
        title="positions/<contributor id>.yaml",
        json_schema_extra={
            "description": "One contributor's positions. Check with: python -m bot validate"
        },
    )
    label: ClassVar[str] = "a positions file"

    contributor: Id = Field(
        description="The contributor's id from reading.yaml; the file is named after it."
    )
    positions: list[PositionEntry] = Field(min_length=1)


class PromptEntry(Entry):
    """A curated discussion prompt and the positions it draws on."""

    model_config = ConfigDict(title="prompt")
    label: ClassVar[str] = "a prompt"

    id: Id = Field(description="Unique among the prompts.")
    text: Text = Field(description="The prompt as posted.")
    positions: IdList = Field(description="Ids of the positions the prompt draws on.")
    topics: TextList = Field(default_factory=list)


class PromptsFile(Entry):
    """prompts.yaml: discussion prompts for moderators."""

    model_config = ConfigDict(
        title="prompts.yaml",
        json_schema_extra={
            "description": "Discussion prompts for moderators, each linked to the positions "
            "it draws on. Check with: python -m bot validate"
        },
    )
    label: ClassVar[str] = "prompts.yaml"

    prompts: list[PromptEntry]


class GlossaryFile(Entry):
    """glossary.yaml: members' words mapped to the reading's words (the file is optional)."""

    model_config = ConfigDict(
        title="glossary.yaml",
        json_schema_extra={
            "description": "Optional. Words members may use for things the text says "
            "otherwise, each mapped to words of the reading that the search should also "
            "try. Check with: python -m bot validate"
        },
    )
    label: ClassVar[str] = "glossary.yaml"
    terms_key: ClassVar[str] = "glossary"  # its keys are members' words, not field names

    glossary: Annotated[
        dict[Text, Words],
        WithJsonSchema(
            {
                "type": "object",
                "propertyNames": TEXT_SCHEMA,
                "additionalProperties": WORDS_SCHEMA,
            }
        ),
    ] = Field(
        description="One line per term: the members' word, a colon, and the reading's words "
        "for it, e.g. Tiananmen: [June Fourth, crackdown]. Each term once (case is ignored); "
        "at least one of its words must occur in the text or in the positions' topics or "
        "summaries."
    )


FILE_MODELS: dict[str, type[Entry]] = {
    "reading": ReadingFile,
    "positions": PositionsFile,
    "prompts": PromptsFile,
    "glossary": GlossaryFile,
}

