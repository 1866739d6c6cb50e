"""The unchanged discord.py client logs in to the fake and becomes ready."""

from __future__ import annotations

import discord
import pytest
from discord.ext import commands
from fakediscord import FakeDiscord
from fakediscord.fixtures import config_for, running_bot

from bot.discordbot.client import ReadingBot, ShardedReadingBot
from bot.discordbot.engine_api import AnswerEngine

Connected = tuple[FakeDiscord, ReadingBot]


async def test_bot_connects_and_sees_the_guild(discord_bot: tuple[FakeDiscord, ReadingBot]) -> None:
    fake, bot = discord_bot
    assert bot.user is not None and bot.user.id == fake.application_id
    guild = bot.get_guild(fake.guild_id)
    assert guild is not None
    assert guild.get_channel(fake.channel_id) is not None
    assert {c.name for c in bot.tree.get_commands()} >= {
        "ask",
        "positions",
        "compare",
        "who",
        "quote",
        "contributors",
        "reading",
    }
    assert fake.find("GET", "/users/@me")
    assert not fake.find("PUT", r".*/commands")  # commands are synced by `sync`, not on start


async def test_sharded_bot_when_configured(
    fake_discord: FakeDiscord, engine: AnswerEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_identify_delay(self: object, shard_id: int | None, *, initial: bool) -> None:
        return None  # discord.py waits 5 s between shards for Discord's identify limit

    monkeypatch.setattr(ShardedReadingBot, "before_identify_hook", no_identify_delay)
    config = config_for(fake_discord, shard_count=2)
    async with running_bot(fake_discord, config, engine) as bot:
        assert isinstance(bot, commands.AutoShardedBot)
        assert sorted(i["shard"][0] for i in fake_discord.identifies) == [0, 1]
        interaction = await fake_discord.slash("reading info")
        response = await fake_discord.response_to(interaction)
        assert response.json["data"]["embeds"][0]["title"] == engine.reading.title


async def test_bot_sets_endpoints_and_pings_nobody(discord_bot: Connected) -> None:
    fake, bot = discord_bot
    assert fake.api_base == discord.http.Route.BASE
    mentions = bot.allowed_mentions
    assert mentions is not None
    assert (mentions.everyone, mentions.users, mentions.roles, mentions.replied_user) == (
        False,
        False,
        False,
        False,
    )


async def test_subcommand_payloads_and_unknown_commands(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("nosuch group sub", {"when": "daily"})
    [group] = interaction["data"]["options"]
    assert (interaction["data"]["name"], group["name"], group["type"]) == ("nosuch", "group", 2)
    [sub] = group["options"]
    assert (sub["name"], sub["type"], sub["options"][0]["value"]) == ("sub", 1, "daily")
    response = await fake.response_to(interaction)
    assert response.json["data"]["flags"] & 64
    assert "don't know that command" in response.json["data"]["content"]
