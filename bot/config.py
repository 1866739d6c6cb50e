"""Settings for the Discord bot, read from a YAML file and validated key by key.

Where the file comes from: ``--config PATH``, else ``$READING_BOT_CONFIG``, else
``./config.yaml`` when it exists, else every default. ``config.example.yaml`` documents
every key. The bot token is never read from here: it comes only from ``$DISCORD_TOKEN``.

Problems raise :class:`ConfigError`, whose message names the file, the key, what is
wrong and what is allowed, so the command line can print it without a traceback.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

CONFIG_ENV = "READING_BOT_CONFIG"
DEFAULT_FILE = Path("config.yaml")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

T = TypeVar("T")


class ConfigError(Exception):
    """The config file is missing, unreadable or has a bad key; the message says which."""


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


@dataclass(frozen=True, slots=True)
class PromptsSettings:
    """The ``prompts:`` section: moderator discussion prompts (their state lives in SQLite)."""

    database: Path = field(default_factory=lambda: _default_database())
    open_thread: bool = True
    moderator_roles: tuple[str, ...] = ()
    grace_minutes: int = 60
    tick_seconds: float = 30.0
    lease_seconds: int = 120  # a claimed slot older than this is recovered (the bot died)
    default_timezone: str = "UTC"  # for schedules that name no zone


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting of the bot."""

    knowledge: Path | None = None  # None: $READING_BOT_KNOWLEDGE, else knowledge/ beside bot/
    reading: str | None = None  # None: the first reading
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    prompts: PromptsSettings = field(default_factory=PromptsSettings)
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
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        how = "--config" if explicit else f"${CONFIG_ENV}"
        raise ConfigError(
            f"config file not found: {path} (given by {how}); copy config.example.yaml "
            "to config.yaml and edit it, or leave the setting out to use the defaults"
        ) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: not valid YAML{where}: {problem}") from None
    return parse_config(data, source=path)


def parse_config(data: object, source: Path | None = None) -> Config:
    """Build a :class:`Config` from parsed YAML, checking every key."""
    where = f"{source}: " if source else ""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}the file must be a mapping of keys to values, not {_type(data)}")
    r = _Reader(data, "", where)
    discord_data = r.section("discord")
    prompts_data = r.section("prompts")
    knowledge = r.optional_str("knowledge")
    reading = r.optional_str("reading")
    log_level = r.choice("log_level", "INFO", LOG_LEVELS)
    r.finish(("knowledge", "reading", "discord", "prompts", "log_level"))

    d = _Reader(discord_data, "discord.", where)
    default = DiscordSettings()
    discord = DiscordSettings(
        api_base=d.url("api_base", default.api_base, ("http://", "https://")),
        gateway=d.url("gateway", default.gateway, ("ws://", "wss://")),
        shard_count=d.optional_int("shard_count", minimum=1),
        message_content=d.boolean("message_content", default.message_content),
        answer_mentions=d.boolean("answer_mentions", default.answer_mentions),
        prefix=d.optional_str("prefix"),
        allowed_channels=d.id_list("allowed_channels"),
        cooldown_rate=d.integer("cooldown_rate", default.cooldown_rate, minimum=1),
        cooldown_seconds=d.number("cooldown_seconds", default.cooldown_seconds, minimum=0.0),
        guild_ready_timeout=d.number(
            "guild_ready_timeout", default.guild_ready_timeout, minimum=0.0
        ),
        source_link=d.boolean("source_link", default.source_link),
    )
    d.finish(tuple(DiscordSettings.__dataclass_fields__))

    p = _Reader(prompts_data, "prompts.", where)
    pdefault = PromptsSettings()
    database = p.optional_str("database")
    prompts = PromptsSettings(
        database=_relative(Path(database), source) if database else pdefault.database,
        open_thread=p.boolean("open_thread", pdefault.open_thread),
        moderator_roles=p.str_list("moderator_roles"),
        grace_minutes=p.integer("grace_minutes", pdefault.grace_minutes, minimum=0),
        tick_seconds=p.number("tick_seconds", pdefault.tick_seconds, minimum=0.01),
        lease_seconds=p.integer("lease_seconds", pdefault.lease_seconds, minimum=1),
        default_timezone=_zone(p, "default_timezone", pdefault.default_timezone),
    )
    p.finish(tuple(PromptsSettings.__dataclass_fields__))

    return Config(
        knowledge=_relative(Path(knowledge), source) if knowledge else None,
        reading=reading,
        discord=discord,
        prompts=prompts,
        log_level=log_level,
        source=source,
    )


def _default_database() -> Path:
    """The prompt database's one default path (see :func:`bot.prompts.store.default_path`)."""
    from bot.prompts.store import default_path

    return default_path()


def _zone(reader: _Reader, key: str, default: str) -> str:
    """A time zone setting: an IANA name or a common abbreviation, as schedules take them."""
    from bot.prompts.schedule import ScheduleError, check_zone

    value = reader.optional_str(key) or default
    try:
        return check_zone(value)
    except ScheduleError as exc:
        raise reader._fail(
            key, str(exc), "an IANA zone name such as Europe/Berlin, or UTC"
        ) from None


def _relative(path: Path, source: Path | None) -> Path:
    """A relative path in a config file is relative to that file's folder."""
    path = path.expanduser()
    if path.is_absolute() or source is None:
        return path
    return source.parent / path


def _type(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    if value is None:
        return "nothing (null)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return names.get(type(value), type(value).__name__)


class _Reader:
    """Takes typed values out of one mapping, remembering which keys were used."""

    def __init__(self, data: Mapping[Any, Any], prefix: str, where: str) -> None:
        self.data = data
        self.prefix = prefix
        self.where = where

    def _fail(self, key: str, problem: str, allowed: str) -> ConfigError:
        return ConfigError(f"{self.where}{self.prefix}{key}: {problem}; allowed: {allowed}")

    def _get(self, key: str, default: T) -> Any | T:
        return self.data.get(key, default)

    def finish(self, known: tuple[str, ...]) -> None:
        """Reject keys nobody asked for, suggesting the nearest known one."""
        for key in self.data:
            if key not in known:
                near = difflib.get_close_matches(str(key), known, n=1)
                hint = f" (did you mean {self.prefix}{near[0]}?)" if near else ""
                raise ConfigError(
                    f"{self.where}{self.prefix}{key}: unknown key{hint}; "
                    f"allowed keys here: {', '.join(known)}"
                )

    def section(self, key: str) -> Mapping[Any, Any]:
        value = self._get(key, None)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self._fail(key, f"expected a section of keys, got {_type(value)}", "a mapping")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self._fail(key, f"expected true or false, got {value!r}", "true, false")
        return value

    def optional_str(self, key: str) -> str | None:
        value = self._get(key, None)
        if value is None:
            return None
        if isinstance(value, bool):  # the YAML trap: yes/no/on/off read as booleans
            raise self._fail(
                key, f"expected text, got {value!r} (quote it if you meant text)", "text or null"
            )
        if isinstance(value, int | float):
            value = str(value)
        if not isinstance(value, str):
            raise self._fail(key, f"expected text, got {_type(value)}", "text or null")
        value = value.strip()
        if not value:
            raise self._fail(key, "is empty", "text or null")
        return value

    def choice(self, key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = self._get(key, default)
        text = str(value).upper() if isinstance(value, str) else None
        if text not in allowed:
            raise self._fail(key, f"{value!r} is not a known value", ", ".join(allowed))
        return text

    def url(self, key: str, default: str, schemes: tuple[str, ...]) -> str:
        value = self._get(key, default)
        allowed = "a URL starting with " + " or ".join(schemes)
        if not isinstance(value, str) or not value.startswith(schemes):
            raise self._fail(key, f"{value!r} is not a URL", allowed)
        return value.rstrip("/")

    def integer(self, key: str, default: int, minimum: int) -> int:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, f"expected a whole number, got {value!r}", f"{minimum} or more")
        if value < minimum:
            raise self._fail(key, f"{value} is too small", f"{minimum} or more")
        return value

    def optional_int(self, key: str, minimum: int) -> int | None:
        if self._get(key, None) is None:
            return None
        return self.integer(key, minimum, minimum)

    def number(self, key: str, default: float, minimum: float) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, f"expected a number, got {value!r}", f"{minimum:g} or more")
        if value < minimum:
            raise self._fail(key, f"{value} is too small", f"{minimum:g} or more")
        return float(value)

    def id_list(self, key: str) -> tuple[int, ...]:
        value = self._get(key, None)
        allowed = "a list of channel ids (numbers), e.g. [123456789012345678]"
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self._fail(key, f"expected a list, got {_type(value)}", allowed)
        ids: list[int] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip().isdigit():
                item = int(item.strip())
            if isinstance(item, bool) or not isinstance(item, int) or item <= 0:
                raise self._fail(f"{key}[{i}]", f"{item!r} is not a channel id", allowed)
            ids.append(item)
        return tuple(ids)

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key, None)
        allowed = 'a list of role names or ids, e.g. ["Moderator"]'
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self._fail(key, f"expected a list, got {_type(value)}", allowed)
        names: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, int) and not isinstance(item, bool) and item > 0:
                item = str(item)  # a role id
            if not isinstance(item, str) or not item.strip():
                raise self._fail(f"{key}[{i}]", f"{item!r} is not a name", allowed)
            names.append(item.strip())
        return tuple(names)
