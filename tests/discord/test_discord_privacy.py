"""What members typed is echoed only privately; interaction tokens never reach the log."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fakediscord import FakeDiscord
from fakediscord.server import CALLBACK

from bot.discordbot.client import ReadingBot
from bot.discordbot.echo import ECHO_CHARS, echo
from bot.discordbot.logs import setup_logging

EPHEMERAL = 64
HOSTILE = "<@123> <@&456> @everyone discord.gg/abcdef https://x.example/y <t:1700000000:R> **big**"
Connected = tuple[FakeDiscord, ReadingBot]


def data_of(response: Any) -> dict[str, Any]:
    data: dict[str, Any] = response.json["data"]
    return data


async def test_compare_with_an_unknown_name_answers_privately_and_defused(
    discord_bot: Connected,
) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("compare", {"first": HOSTILE + " x" * 80, "second": "Neier"})
    data = data_of(await fake.response_to(interaction))
    assert data["flags"] & EPHEMERAL
    content = data["content"]
    assert "I don't know a contributor" in content
    for raw in ("<@123>", "<@&456>", "@everyone", "discord.gg", "https://", "<t:", "**big**"):
        assert raw not in content
    echoed = re.search(r"“(.*)”", content)
    assert echoed is not None and len(echoed[1]) <= 2 * ECHO_CHARS  # escaping may double


async def test_compare_the_reading_does_not_cover_is_private(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash(
        "compare", {"first": "Nathan", "second": "Neier", "topic": "zorblax quuxification"}
    )
    data = data_of(await fake.response_to(interaction))
    assert data["flags"] & EPHEMERAL
    assert "Neither of them addresses that" in data["content"]


async def test_compare_answers_stay_public(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("compare", {"first": "Nathan", "second": "Neier"})
    data = data_of(await fake.response_to(interaction))
    assert not data.get("flags", 0) & EPHEMERAL
    assert {e["title"] for e in data["embeds"]} == {"Andrew J. Nathan", "Aryeh Neier"}


def test_echo_defuses_cuts_and_escapes() -> None:
    text = echo(HOSTILE)
    assert "<@" not in text and "<t:" not in text and "discord.gg" not in text
    assert "@\u200beveryone" in text
    assert len(echo("word " * 100)) <= ECHO_CHARS
    assert echo("*a* _b_") == "\\*a\\* \\_b\\_"


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """The bot's own log set-up at DEBUG, with discord.py's HTTP log at DEBUG too."""
    root = logging.getLogger()
    saved = root.level, list(root.handlers)
    http = logging.getLogger("discord.http")
    http_level = http.level
    stream = io.StringIO()
    handler = setup_logging("DEBUG", secrets=["fake-bot-token.XXXXXX.YYYYYYYYYYYYYYYY"])
    handler.setStream(stream)  # type: ignore[attr-defined]
    http.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(saved[0])
        http.setLevel(http_level)


async def test_interaction_tokens_never_reach_the_debug_log(
    discord_bot: Connected, debug_log: io.StringIO
) -> None:
    fake, _ = discord_bot
    fake.inject("POST", CALLBACK, 429, retry_after=0.05)  # a warning with the URL, too
    first = await fake.slash("ask", {"question": "What did Nathan say about strategy?"})
    await fake.wait_for("POST", CALLBACK, predicate=lambda r: r.status == 200)
    fake.inject("POST", CALLBACK, 500, times=2)  # acknowledged, then followed up
    second = await fake.slash("ask", {"question": "What did Nathan say about strategy?"})
    await fake.wait_for("PATCH", rf"/webhooks/{fake.application_id}/.+")
    text = debug_log.getvalue()
    assert "INTERACTION_CREATE" in text and "/interactions/" in text and "/webhooks/" in text
    for interaction in (first, second):
        assert interaction["token"] not in text
    assert fake.token not in text
    assert "[redacted]" in text
