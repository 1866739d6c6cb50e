"""Buttons that time out are shown disabled: the /ask choice and the /positions pager.

The views' timeout is made tiny; the tests wait (on the fake's request log, not the clock)
for the bot's edit of the message, and assert on its body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from fakediscord import FakeDiscord, Request
from fakediscord.engines import ScriptedEngine
from fakediscord.fixtures import running_bot

from bot.discordbot import views
from bot.discordbot.client import ReadingBot
from bot.discordbot.engine_api import AnswerEngine
from bot.engine.answers import Answer, Mode, Reply

QUESTION = "what did the researcher say about dialogue?"


@pytest.fixture(autouse=True)
def tiny_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "TIMEOUT", 0.05)


@pytest.fixture
async def scripted_bot(
    fake_discord: FakeDiscord, bot_config: Any, engine: AnswerEngine
) -> AsyncIterator[tuple[FakeDiscord, ReadingBot]]:
    scripted = ScriptedEngine(engine)
    reading = scripted.reading
    answers = tuple(
        Answer(p.contributor_id, reading.contributor(p.contributor_id).name, p.id,
               p.kind.value, p.summary, p.quote, p.paragraph, 50.0)
        for p in reading.positions
        if p.contributor_id in ("bequelin", "rosenzweig")
    )[:2]
    scripted.replies[QUESTION] = Reply(QUESTION, Mode.ANSWER, answers,
                                       candidates=("bequelin", "rosenzweig"))
    async with running_bot(fake_discord, bot_config, scripted) as bot:
        yield fake_discord, bot


def original_path(fake: FakeDiscord, interaction: dict[str, Any]) -> str:
    return rf"/webhooks/{fake.application_id}/{re.escape(interaction['token'])}/messages/@original"


def components(request: Request) -> list[dict[str, Any]]:
    assert request.json is not None
    return [c for row in request.json["components"] for c in row["components"]]


def expired(request: Request) -> bool:
    """An edit that shows every button disabled and pings nobody."""
    assert request.json is not None
    return all(c.get("disabled") for c in components(request)) and request.json[
        "allowed_mentions"
    ] == {"parse": []}


async def test_positions_pager_is_disabled_when_it_times_out(
    discord_bot: tuple[FakeDiscord, ReadingBot],
) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("positions", {"contributor": "Nathan"})
    await fake.response_to(interaction)
    edit = await fake.wait_for("PATCH", original_path(fake, interaction))
    assert expired(edit)
    assert [c["label"] for c in components(edit)] == ["Previous", "1 / 2", "Next"]
    assert "embeds" not in (edit.json or {})  # the page shown stays as it was
    stored = fake.original_message(interaction)
    assert all(c["disabled"] for row in stored["components"] for c in row["components"])
    assert stored["embeds"][0]["footer"]["text"] == "Page 1 of 2"


async def test_ask_choice_is_disabled_when_it_times_out(
    scripted_bot: tuple[FakeDiscord, ReadingBot],
) -> None:
    fake, _ = scripted_bot
    interaction = await fake.slash("ask", {"question": QUESTION, "private": True})
    await fake.response_to(interaction)
    edit = await fake.wait_for("PATCH", original_path(fake, interaction))
    assert expired(edit)
    assert [c["label"] for c in components(edit)] == ["Nicholas Bequelin", "Joshua Rosenzweig"]


async def test_mention_choice_is_disabled_when_it_times_out(
    scripted_bot: tuple[FakeDiscord, ReadingBot],
) -> None:
    fake, _ = scripted_bot
    message = await fake.send_message(f"{fake.mention()} {QUESTION}", mention_bot=True)
    reply = await fake.reply_to(message)
    assert reply.json is not None and reply.json["components"]
    [sent] = [m for m in fake.posted_in(fake.channel_id)
              if str((m.get("message_reference") or {}).get("message_id")) == message["id"]]
    edit = await fake.wait_for("PATCH", rf"/channels/{fake.channel_id}/messages/{sent['id']}")
    assert expired(edit)


async def test_a_vanished_message_is_ignored_on_timeout(
    scripted_bot: tuple[FakeDiscord, ReadingBot], caplog: pytest.LogCaptureFixture
) -> None:
    fake, _ = scripted_bot

    async def gone(fake: Any, request: Any, match: Any) -> tuple[int, Any]:
        return 404, {"message": "Unknown Message", "code": 10008}

    fake.route("PATCH", r"/webhooks/\d+/[^/]+/messages/@original", gone)
    interaction = await fake.slash("ask", {"question": QUESTION})
    await fake.response_to(interaction)
    await fake.wait_for("PATCH", original_path(fake, interaction))
    # The bot serves on, and nothing was reported as an error.
    again = await fake.slash("reading info")
    assert (await fake.response_to(again)).json["type"] == 4
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_an_answered_choice_is_stopped_so_it_never_times_out(
    engine: AnswerEngine,
) -> None:
    """The answer replaces the buttons; a stopped view gets no on_timeout from discord.py,
    so the answered message does not get disabled buttons back."""
    answered: list[str] = []

    async def choose(interaction: Any, contributor_id: str) -> None:
        answered.append(contributor_id)

    view = views.ContributorChoice(engine.reading.contributors[:2], choose)
    assert view.timeout == 0.05 and not view.is_finished()
    await view._chosen(None, "nathan")  # type: ignore[arg-type]
    assert answered == ["nathan"] and view.is_finished()
