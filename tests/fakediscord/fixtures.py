"""Pytest fixtures that run the real bot against the loopback fake Discord.

Import them into a ``conftest.py`` (as ``tests/discord/conftest.py`` does)::

    from fakediscord.fixtures import bot_config, discord_bot, engine, fake_discord

Fixtures
--------
``fake_discord``
    A started :class:`~tests.fakediscord.server.FakeDiscord` (closed afterwards).
``engine``
    The real :class:`bot.engine.Engine` over the shipped knowledge (loaded once per
    session). Override it in a test module to use a stand-in.
``bot_config``
    A :class:`bot.config.Config` pointing at the fake, with a short
    ``guild_ready_timeout`` and a generous cooldown. Override it (or use
    :func:`config_for`) to change settings.
``discord_bot``
    ``(fake, bot)``: the bot logged in, connected over the gateway and ready (its
    ``on_ready`` has run). Inject events with ``fake.send_message``, ``fake.slash``,
    ``fake.autocomplete`` and ``fake.click``; await the bot's requests with
    ``fake.reply_to``, ``fake.response_to``, ``fake.followup_to`` or ``fake.wait_for``;
    ``fake.posted_in(channel_id)`` lists the messages it posted in a channel (which the
    bot can read back as the channel's history). ``fake.inject(...)`` makes requests
    meet a 429, a 5xx or a slow answer.

:func:`running_bot` is the context manager behind ``discord_bot``, for tests that need
a bot with other settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest

from bot.config import Config, DiscordSettings, PromptsSettings
from bot.discordbot.client import ReadingBot, create_bot
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.runner import run_bot
from fakediscord.server import FakeDiscord

READY_TIMEOUT = 10.0


def config_for(fake: FakeDiscord, tmp_path: Any = None, **discord_settings: Any) -> Config:
    """A config pointing at `fake`; keyword arguments override ``discord:`` settings."""
    settings: dict[str, Any] = {
        "api_base": fake.api_base,
        "gateway": fake.gateway_url,
        "guild_ready_timeout": 0.05,
        "cooldown_rate": 1000,
        "cooldown_seconds": 60.0,
        **discord_settings,
    }
    prompts = PromptsSettings()
    if tmp_path is not None:
        prompts = dataclasses.replace(prompts, database=tmp_path / "bot.sqlite3")
    return Config(discord=DiscordSettings(**settings), prompts=prompts)


@contextlib.asynccontextmanager
async def running_bot(
    fake: FakeDiscord, config: Config, engine: AnswerEngine, library: Any = None
) -> AsyncIterator[ReadingBot]:
    """The bot connected to `fake` and ready; closed (and endpoints restored) afterwards.
    `library` (a :class:`bot.library.ReadingLibrary`) serves readings besides `engine`'s."""
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    bot = create_bot(config, engine, library=library)
    serving = asyncio.create_task(run_bot(bot, fake.token, reconnect=False))
    ready = asyncio.create_task(bot.wait_until_ready())
    try:
        done, _ = await asyncio.wait(
            {serving, ready}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if serving in done:
            serving.result()  # raises what stopped the bot
            raise AssertionError("the bot stopped before it was ready")
        if ready not in done:
            raise AssertionError(f"the bot was not ready within {READY_TIMEOUT}s")
        yield bot
    finally:
        ready.cancel()
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError, discord.ConnectionClosed):
            await asyncio.wait_for(serving, READY_TIMEOUT)
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started fake Discord."""
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


_ENGINE: list[AnswerEngine] = []


@pytest.fixture
def engine() -> AnswerEngine:
    """The real engine over the shipped knowledge (built once, it is immutable)."""
    if not _ENGINE:
        from bot.engine.engine import Engine

        _ENGINE.append(Engine.load())
    return _ENGINE[0]


@pytest.fixture
def bot_config(fake_discord: FakeDiscord, tmp_path: Any) -> Config:
    """Settings pointing at the fake (prompt database in the test's tmp_path)."""
    return config_for(fake_discord, tmp_path)


@pytest.fixture
async def discord_bot(
    fake_discord: FakeDiscord, bot_config: Config, engine: AnswerEngine
) -> AsyncIterator[tuple[FakeDiscord, ReadingBot]]:
    """(fake, bot): the real bot connected to the fake and ready."""
    async with running_bot(fake_discord, bot_config, engine) as bot:
        yield fake_discord, bot
