"""``python -m bot run`` and ``python -m bot sync``: start-up, shutdown and friendly errors.

Every expected failure (no token, a rejected token, a bad config, Discord unreachable)
prints a short explanation to stderr and returns a non-zero status, without a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import sys
from collections.abc import Sequence

import aiohttp
import discord
from discord import app_commands

from bot.config import Config, ConfigError, load_config
from bot.discordbot.client import ReadingBot, create_bot
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.logs import setup_logging
from bot.library import ReadingLibrary

log = logging.getLogger(__name__)

TOKEN_ENV = "DISCORD_TOKEN"

NO_TOKEN = f"""\
No Discord token: the bot reads it from the environment variable {TOKEN_ENV}.

To get one:
  1. Open https://discord.com/developers/applications and create (or pick) an application.
  2. Under "Bot", press "Reset Token" and copy the token (keep it secret).
  3. Set it in the shell that runs the bot:
       export {TOKEN_ENV}=your-token-here          (Linux, macOS)
       $env:{TOKEN_ENV} = "your-token-here"        (Windows PowerShell)
  4. Invite the bot and register its commands: see docs/discord-setup.md,
     then run `python3 tasks.py sync` once and `python3 tasks.py run`.
"""

# Each start of the local console without a token says this, and only this.
NO_TOKEN_CONSOLE = f"""\
No {TOKEN_ENV} set: starting the local console. Discord: docs/discord-setup.md
(token from discord.com/developers/applications, then export {TOKEN_ENV}=...)"""

REJECTED = f"""\
Discord rejected the token in {TOKEN_ENV} (401 Unauthorized).
Copy a fresh one from https://discord.com/developers/applications > your app > Bot >
"Reset Token", then export {TOKEN_ENV} again. The token is never read from the config file."""

PRIVILEGED = """\
Discord refused the "Message Content" intent, which the config asks for
(discord.message_content: true). Either enable it in the developer portal
(your app > Bot > Privileged Gateway Intents > Message Content Intent) or set
discord.message_content to false (slash commands and mentions still work)."""


NOT_A_TERMINAL = """\
Not starting: there is no token, this is not a terminal and no questions were piped in,
so there is nothing for the local console to answer. To try the answers without Discord,
run `python3 tasks.py chat`, or pipe questions in:
  echo "who mentioned Tibet?" | python3 tasks.py run"""


def _on_terminal() -> bool:
    """True when a person can type into the console (stdin is a terminal)."""
    return sys.stdin.isatty()


def read_token() -> str | None:
    """The bot token from $DISCORD_TOKEN (stripped), or None when unset or empty."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    return token or None


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def load_readings(config: Config) -> tuple[ReadingLibrary, AnswerEngine]:
    """The library of the configured knowledge folder and the engine of its default reading.

    The default is `reading:` in the config, or the only reading there is; with several
    readings and none named this is a config problem (the bot never picks the first one
    found). Only the default is built here; every other reading is built on first use, and
    a broken one is reported when it is asked for, never stopping the others.
    """
    from bot.knowledge.model import UnknownReadingError
    from bot.library import NoDefaultReadingError

    library = ReadingLibrary(config.knowledge, default=config.reading)
    try:
        return library, library.engine(config.reading)
    except NoDefaultReadingError as exc:
        raise ConfigError(
            f"reading: {exc.message} Members can then pick another with /reading use."
        ) from exc
    except UnknownReadingError as exc:
        raise ConfigError(
            f"reading: no reading with id {config.reading!r} in the knowledge folder; "
            "allowed: the id of a reading there (see `python3 tasks.py readings`), or null "
            "when the folder holds only one"
        ) from exc


def load_engine(config: Config) -> AnswerEngine:
    """The engine of the configured default reading (see :func:`load_readings`)."""
    return load_readings(config)[1]


async def run_bot(bot: ReadingBot, token: str, *, reconnect: bool = True) -> None:
    """Log in, connect and serve until the connection ends or the task is cancelled."""
    async with bot:
        await bot.start(token, reconnect=reconnect)


async def sync_commands(
    bot: ReadingBot, token: str, guild_id: int | None = None, *, clear: bool = False
) -> list[app_commands.AppCommand]:
    """Log in (no gateway), register every slash command, and return what Discord stored.

    With a guild id the commands are copied to that server, where they show up at once.
    With `clear`, the commands of that server (or the global ones) are removed instead.
    """
    async with bot:
        await bot.login(token)
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if clear:
            bot.tree.clear_commands(guild=guild)
        elif guild is not None:
            bot.tree.copy_global_to(guild=guild)
        return await bot.tree.sync(guild=guild)


def _prepare(args: argparse.Namespace) -> tuple[Config, str | None]:
    config = load_config(getattr(args, "config", None))
    return config, read_token()


def _discord_errors(config: Config, exc: BaseException) -> str | None:
    """A short explanation for the failures we expect, else None."""
    if isinstance(exc, discord.LoginFailure):
        return REJECTED
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return PRIVILEGED
    if isinstance(exc, aiohttp.ClientConnectionError | discord.GatewayNotFound | OSError):
        return (
            f"Could not reach Discord at {config.discord.api_base} ({exc.__class__.__name__}: "
            f"{exc}). Check the network, or discord.api_base / discord.gateway in the config."
        )
    if isinstance(exc, discord.ConnectionClosed):
        reason = exc.reason or "no reason given"
        return f"Discord closed the connection (code {exc.code}): {reason}."
    if isinstance(exc, discord.Forbidden):
        return (
            f"Discord refused: {exc.text or exc}. For `sync --guild`, the bot must be in that "
            "server and invited with the applications.commands scope."
        )
    if isinstance(exc, discord.HTTPException):
        return f"Discord answered with an error: {exc.status} {exc.text or exc}"
    return None


def run_command(args: argparse.Namespace) -> int:
    """``python -m bot run``: the Discord bot, or the local console when there is no token."""
    try:
        config, token = _prepare(args)
    except ConfigError as exc:
        return _fail(f"Config problem: {exc}")
    if token is None:
        if not _on_terminal():
            # Questions piped in are answered; with nothing to read (a service manager's
            # /dev/null), fail rather than "succeed" doing nothing.
            piped = sys.stdin.read()
            if not piped.strip():
                print(NO_TOKEN, file=sys.stderr)
                print(NOT_A_TERMINAL, file=sys.stderr)
                return 1
            sys.stdin = io.StringIO(piped)
        print(NO_TOKEN_CONSOLE, end="\n\n", file=sys.stderr)
        if getattr(args, "knowledge", None) is None:
            args.knowledge = config.knowledge
        if getattr(args, "reading", None) is None:
            args.reading = config.reading
        from bot.console import chat_command

        return chat_command(args)
    setup_logging(config.log_level, secrets=[token])
    try:
        library, engine = load_readings(config)
    except ConfigError as exc:
        return _fail(f"Config problem: {exc}")
    bot = create_bot(config, engine, library=library)
    try:
        asyncio.run(run_bot(bot, token))
    except KeyboardInterrupt:
        return 0
    except Exception as exc:
        message = _discord_errors(config, exc)
        if message is None:
            raise
        return _fail(message)
    return 0


def sync_command(args: argparse.Namespace) -> int:
    """``python -m bot sync [--guild ID] [--clear]``: register (or remove) the slash
    commands, then exit."""
    try:
        config, token = _prepare(args)
    except ConfigError as exc:
        return _fail(f"Config problem: {exc}")
    if token is None:
        return _fail(NO_TOKEN)
    setup_logging("WARNING" if config.log_level == "INFO" else config.log_level, [token])
    try:
        library, engine = load_readings(config)
    except ConfigError as exc:
        return _fail(f"Config problem: {exc}")
    guild: int | None = getattr(args, "guild", None)
    clear = bool(getattr(args, "clear", False))
    try:
        bot = create_bot(config, engine, library=library)
        synced = asyncio.run(sync_commands(bot, token, guild, clear=clear))
    except Exception as exc:
        message = _discord_errors(config, exc)
        if message is None:
            raise
        return _fail(message)
    print(describe_sync(synced, guild, clear=clear))
    return 0


def describe_sync(
    synced: Sequence[app_commands.AppCommand], guild: int | None, *, clear: bool = False
) -> str:
    """What `sync` registered (or removed), and where."""
    if clear:
        where = f"server {guild}" if guild else "the global commands (may take a minute)"
        return f"Removed every slash command of this bot from {where}."
    names = ", ".join(f"/{c.name}" for c in synced) or "none"
    where = f"in server {guild} (available now)" if guild else "globally (may take a minute)"
    return f"Registered {len(synced)} commands {where}: {names}"
