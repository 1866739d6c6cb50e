"""Settings for the Discord bot, read from a YAML file and validated key by key.

Where the file comes from: ``--config PATH``, else ``$READING_BOT_CONFIG``, else
``./config.yaml`` when it exists, else every default. ``config.example.yaml`` documents
every key. The bot token is never read from here: it comes only from ``$DISCORD_TOKEN``.

The file's keys and types are checked by the models in :mod:`bot.config_file` (imported
only when there is a file to read); the settings classes here hold the defaults. Problems
raise :class:`ConfigError`, whose message lists every problem at once, each naming the
file, the key, what is wrong and what is allowed, so the command line can print it
without a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.paths import prompts_database

CONFIG_ENV = "READING_BOT_CONFIG"
DEFAULT_FILE = Path("config.yaml")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """The config file is missing, unreadable or has bad keys; the message says which.

    `problems` holds one line per problem (the message is all of them).
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or [message]
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    """The ``discord:`` section: where Discord is, what the bot listens to, its limits."""

    api_base: str = "https://discord.com/api/v10"
    gateway: str = "wss://gateway.discord.gg"
    shard_count: int | None = None  # None: one connection (commands.Bot); n: AutoShardedBot
    message_content: bool = False  # the privileged Message Content intent (text prefix)
    answer_mentions: bool = True
    prefix: str | None = None  # e.g. "!ask"; off by default
    allowed_channels: tuple[int, ...] = ()  # empty: every channel
    cooldown_rate: int = 3  # questions per user ...
    cooldown_seconds: float = 30.0  # ... per this many seconds
    guild_ready_timeout: float = 2.0
    source_link: bool = True
    conversation_minutes: float = 10.0  # a follow-up within this many minutes continues
    answer_workers: int = 4  # questions answered at once, off the event loop


@dataclass(frozen=True, slots=True)
class PromptsSettings:
    """The ``prompts:`` section: moderator discussion prompts (their state lives in SQLite)."""

    database: Path = field(default_factory=prompts_database)
    open_thread: bool = True
    moderator_roles: tuple[str, ...] = ()
    grace_minutes: int = 60
    tick_seconds: float = 30.0
    lease_seconds: int = 120  # a claimed scheduled slot is held this long before recovery
    default_timezone: str = "UTC"  # IANA zone for schedules that name none


@dataclass(frozen=True, slots=True)
class QuizSettings:
    """The ``quiz:`` section."""

    round_seconds: float = 20  # seconds members have to answer one question


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting of the bot."""

    knowledge: Path | None = None  # None: $READING_BOT_KNOWLEDGE, else knowledge/ beside bot/
    reading: str | None = None  # None: the only reading (several need one named)
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    prompts: PromptsSettings = field(default_factory=PromptsSettings)
    quiz: QuizSettings = field(default_factory=QuizSettings)
    log_level: str = "INFO"
    source: Path | None = None  # the file these settings came from, if any


def resolve_path(explicit: str | os.PathLike[str] | None) -> Path | None:
    """The config file to read: the flag, else $READING_BOT_CONFIG, else ./config.yaml."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return DEFAULT_FILE if DEFAULT_FILE.is_file() else None


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the config file (see :func:`resolve_path`); defaults when none."""
    path = resolve_path(explicit)
    if path is None:
        return Config()
    from bot.knowledge.errors import Problem
    from bot.knowledge.limits import MAX_CONFIG_BYTES
    from bot.knowledge.yamlfile import read_yaml

    if not path.exists():
        how = "--config" if explicit else f"${CONFIG_ENV}"
        raise ConfigError(
            f"config file not found: {path} (given by {how}); copy config.example.yaml "
            "to config.yaml and edit it, or leave the setting out to use the defaults"
        )
    problems: list[Problem] = []
    ok, data = read_yaml(path, problems, limit=MAX_CONFIG_BYTES)
    found = [f"{p.file}: {_where(p.entry)}{p.message}" for p in problems]
    if not ok:
        _raise(found)
    # Problems of a file that parsed: keys written twice (YAML would keep the last one).
    try:
        config = parse_config(data, source=path)
    except ConfigError as exc:
        if not found:
            raise
        _raise(found + exc.problems)
    if found:
        _raise(found)
    return config


def _where(entry: str) -> str:
    return "" if entry == "(whole file)" else f"{entry}: "


def _raise(lines: list[str]) -> None:
    shown = lines
    if len(lines) > 1:
        shown = [*lines, f"{len(lines)} problems found in the config file."]
    raise ConfigError("\n".join(shown), lines)


def parse_config(data: object, source: Path | None = None) -> Config:
    """Build a :class:`Config` from parsed YAML, checking every key; all problems at once."""
    where = f"{source}: " if source else ""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        from bot.knowledge.describe import describe

        raise ConfigError(
            f"{where}the file must be a mapping of keys to values, not {describe(data)}"
        )
    given, lines = _validate(data)
    sections = {
        name: given.pop(name, None) or {} for name in ("discord", "prompts", "quiz")
    }
    prompts = sections["prompts"]
    if "database" in prompts:
        database = prompts.pop("database")
        if database is not None:
            prompts["database"] = _relative(Path(database), source)
    for name in ("allowed_channels", "moderator_roles"):
        for section in sections.values():
            if name in section:
                section[name] = tuple(section[name])
    knowledge = given.get("knowledge")
    config = Config(
        knowledge=_relative(Path(knowledge), source) if knowledge else None,
        reading=given.get("reading"),
        discord=DiscordSettings(**sections["discord"]),
        prompts=PromptsSettings(**prompts),
        quiz=QuizSettings(**sections["quiz"]),
        log_level=given.get("log_level") or "INFO",
        source=source,
    )
    lines += _reading_problems(config)
    if lines:
        _raise([f"{where}{line}" for line in lines])
    return config


def _validate(data: Mapping[Any, Any]) -> tuple[dict[str, Any], list[str]]:
    """The keys the file sets (validated), and a line for each problem."""
    from pydantic import ValidationError

    from bot.config_file import ConfigFile
    from bot.knowledge.translate import explain

    try:
        model = ConfigFile.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors(include_url=False):
            at = _locate(ConfigFile, data, error["loc"])
            lines += [f"{at.where}: {message}" for message in explain(error, at)]
        kept = {k: data[k] for k in ("knowledge", "reading") if isinstance(data.get(k), str)}
        return kept, lines
    return model.model_dump(exclude_unset=True), []


def _locate(model: Any, data: Any, loc: tuple[int | str, ...]) -> Any:
    """The section an error is in ("discord"), for messages like "discord: 'prefx' ..."."""
    from bot.knowledge.translate import Located

    path: list[str] = []
    i = 0
    via = None
    while i < len(loc) and isinstance(data, Mapping):
        name = str(loc[i])
        field_info = model.model_fields.get(name)
        sub = _section_of(field_info.annotation) if field_info is not None else None
        if sub is None:
            break
        path.append(name)
        data, model, via = data.get(name), sub, name
        i += 1
    where = ".".join(path[:-1] if i == len(loc) else path) or "top level"
    return Located(where, model, tuple(loc[i:]), data, via if i == len(loc) else None)


def _section_of(annotation: Any) -> Any:
    from bot.config_file import Section

    for arg in getattr(annotation, "__args__", ()):
        if isinstance(arg, type) and issubclass(arg, Section):
            return arg
    return None


def _reading_problems(config: Config) -> list[str]:
    """`reading:` must name a reading of the knowledge folder; the message lists them."""
    if config.reading is None:
        return []
    from bot.knowledge.loader import reading_ids
    from bot.knowledge.model import UnknownReadingError
    from bot.paths import knowledge_dir

    root = config.knowledge or knowledge_dir()
    known = reading_ids(root)
    if not known or config.reading in known:
        return []  # no readings at all is the knowledge loader's to report
    message = UnknownReadingError(config.reading, tuple(known)).message
    return [f"reading: {message[:-1]} (or write null when the folder holds only one reading)"]


def _relative(path: Path, source: Path | None) -> Path:
    """A relative path in a config file is relative to that file's folder."""
    path = path.expanduser()
    if path.is_absolute() or source is None:
        return path
    return source.parent / path
