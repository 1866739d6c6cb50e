"""config.yaml as pydantic models: which keys each section allows, and their types.

Only what the file says is kept (unset keys take the defaults of the settings classes in
:mod:`bot.config`, which are the one place defaults live). Types are strict: ``yes`` is
true/false, not text; unknown keys are refused. ``python -m bot schema`` writes
``knowledge/schema/config.schema.json`` from these models.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from bot.knowledge.types import Text


def _url(*schemes: str) -> AfterValidator:
    def check(value: str) -> str:
        if not value.startswith(schemes):
            raise PydanticCustomError(
                "bad_url", "is not a URL", {"schemes": " or ".join(schemes)}
            )
        return value.rstrip("/")

    return AfterValidator(check)


def _digits_as_ids(value: Any) -> Any:
    """Channel ids may be written in quotes ("123"): Discord shows them as text."""
    if isinstance(value, list):
        return [int(v.strip()) if isinstance(v, str) and v.strip().isdigit() else v for v in value]
    return value


def _ids_as_names(value: Any) -> Any:
    """A role may be named by its id (a number)."""
    if isinstance(value, list):
        return [str(v) if isinstance(v, int) and not isinstance(v, bool) and v > 0 else v
                for v in value]
    return value


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


def _zone(value: str) -> str:
    """An IANA zone name or a common abbreviation ("CET", "ET"), as schedules take them;
    the canonical IANA name."""
    from bot.prompts.schedule import ScheduleError, check_zone

    try:
        return check_zone(value)
    except ScheduleError:
        raise PydanticCustomError(
            "bad_zone", "is not a time zone", {"example": "Europe/Berlin, America/New_York, UTC"}
        ) from None


def given(description: str | None = None) -> Any:
    """An optional key: when the file leaves it out, the settings class's default holds."""
    return Field(default=None, description=description)


class Section(BaseModel):
    """One mapping of config.yaml."""

    model_config = ConfigDict(strict=True, extra="forbid")
    label: ClassVar[str] = "config.yaml"
    shape: ClassVar[str] = "a section of indented key: value lines"


class DiscordSection(Section):
    """The ``discord:`` section."""

    model_config = ConfigDict(title="discord")
    label: ClassVar[str] = "the discord: section"

    api_base: Annotated[Text, _url("http://", "https://")] = given(
        description="REST API base URL."
    )
    gateway: Annotated[Text, _url("ws://", "wss://")] = given(
        description="Gateway websocket URL."
    )
    shard_count: Annotated[int, Field(ge=1)] | None = given(
        description="null: one connection; a number: that many shards."
    )
    message_content: bool = given(description="Ask for the Message Content intent.")
    answer_mentions: bool = given(description="Answer messages that mention the bot.")
    prefix: Text | None = given(description='A text prefix, e.g. "!ask"; null: off.')
    allowed_channels: Annotated[
        list[Annotated[int, Field(gt=0)]], BeforeValidator(_digits_as_ids)
    ] = given(description="Channel ids where the bot answers; empty: everywhere.")
    cooldown_rate: Annotated[int, Field(ge=1)] = given(
        description="Questions per user per cooldown_seconds."
    )
    cooldown_seconds: Annotated[float, Field(ge=0)] = given()
    guild_ready_timeout: Annotated[float, Field(ge=0)] = given()
    source_link: bool = given(description="Link answers to the reading's URL.")
    conversation_minutes: Annotated[float, Field(gt=0)] = given(
        description="Minutes a follow-up still counts as the same conversation."
    )
    answer_workers: Annotated[int, Field(ge=1)] = given(
        description="Questions answered at once, off the event loop."
    )


class PromptsSection(Section):
    """The ``prompts:`` section."""

    model_config = ConfigDict(title="prompts")
    label: ClassVar[str] = "the prompts: section"

    database: Text | None = given(description="SQLite file of prompt state.")
    open_thread: bool = given(description="Open a thread under each prompt.")
    moderator_roles: Annotated[list[Text], BeforeValidator(_ids_as_names)] = given(
        description="Roles (names or ids) that may post and schedule prompts."
    )
    grace_minutes: Annotated[int, Field(ge=0)] = given()
    tick_seconds: Annotated[float, Field(ge=0.01)] = given()
    lease_seconds: Annotated[int, Field(ge=10)] = given(
        description="Seconds a claimed scheduled slot is held before another run may recover it.",
    )
    default_timezone: Annotated[Text, AfterValidator(_zone)] = given(
        description="Time zone for schedules that name none: an IANA name, or an abbreviation "
        "such as CET."
    )


class QuizSection(Section):
    """The ``quiz:`` section."""

    model_config = ConfigDict(title="quiz")
    label: ClassVar[str] = "the quiz: section"

    round_seconds: Annotated[int, Field(ge=5, le=120)] = given(
        description="Seconds members have to answer one quiz question."
    )


class ConfigFile(Section):
    """config.yaml."""

    model_config = ConfigDict(
        title="config.yaml",
        json_schema_extra={
            "description": "Settings of the reading-group bot; config.example.yaml documents "
            "every key and its default. Unknown keys are refused."
        },
    )

    knowledge: Text | None = given(description="Knowledge folder; null: default.")
    reading: Text | None = given(description="Default reading id; null: the only one.")
    discord: DiscordSection | None = None
    prompts: PromptsSection | None = None
    quiz: QuizSection | None = None
    log_level: Annotated[
        Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], BeforeValidator(_upper)
    ] = given()
