"""The unchanged discord.py client logs in to the fake and becomes ready."""

from __future__ import annotations

from fakediscord import FakeDiscord

from bot.discordbot.client import ReadingBot


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
