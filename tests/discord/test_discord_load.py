"""Slow answers, server errors and floods, through the real client and the fake Discord."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import threading
from collections.abc import AsyncIterator
from typing import Any

import pytest
from fakediscord import FakeDiscord, Request
from fakediscord.engines import ScriptedEngine
from fakediscord.fixtures import config_for, running_bot
from fakediscord.server import CALLBACK

from bot.discordbot.client import ReadingBot
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.errors import POLITE

QUESTION = "What did Nathan say about strategy?"
Scripted = tuple[FakeDiscord, ReadingBot, ScriptedEngine]


@pytest.fixture
async def scripted_bot(
    fake_discord: FakeDiscord, bot_config: Any, engine: AnswerEngine
) -> AsyncIterator[Scripted]:
    scripted = ScriptedEngine(engine)
    async with running_bot(fake_discord, bot_config, scripted) as bot:
        yield fake_discord, bot, scripted


def callbacks(fake: FakeDiscord, interaction: dict[str, Any]) -> list[Request]:
    path = rf"/interactions/{interaction['id']}/{re.escape(interaction['token'])}/callback"
    return fake.find("POST", path)


async def edit_of_original(fake: FakeDiscord, interaction: dict[str, Any]) -> Request:
    token = re.escape(interaction["token"])
    return await fake.wait_for(
        "PATCH", rf"/webhooks/{fake.application_id}/{token}/messages/@original"
    )


async def test_one_slow_answer_does_not_hold_up_five_others(scripted_bot: Scripted) -> None:
    """The slow one is acknowledged ("thinking") and answered later; the five others are
    answered meanwhile, each with its first response."""
    fake, _, engine = scripted_bot
    slow_question = "What does Neier think about moral leadership?"
    release = threading.Event()
    engine.slow[slow_question] = release
    try:
        slow = await fake.slash("ask", {"question": slow_question})
        fast = [await fake.slash("ask", {"question": QUESTION}) for _ in range(5)]
        answered = [await fake.response_to(i) for i in fast]
        deferred = await fake.response_to(slow)
    finally:
        release.set()
    assert [r.json["type"] for r in answered] == [4] * 5
    assert all(r.json["data"]["embeds"] for r in answered)
    assert deferred.json["type"] == 5  # acknowledged first
    edit = await edit_of_original(fake, slow)
    assert edit.json["embeds"], "the slow answer arrives as the edit of the acknowledgement"
    order = fake.requests.index
    assert max(order(r) for r in answered) < order(edit)
    assert len(callbacks(fake, slow)) == 1


async def test_answer_callback_failing_twice_is_acknowledged_then_followed_up(
    scripted_bot: Scripted, caplog: pytest.LogCaptureFixture
) -> None:
    """Two 5xx on the answer: rather than wait for discord.py's next retry (3 s later, past
    Discord's deadline), the bot acknowledges and sends the answer as a follow-up."""
    fake, _, _ = scripted_bot
    fake.inject("POST", CALLBACK, 500, times=2)
    with caplog.at_level(logging.INFO):
        interaction = await fake.slash("ask", {"question": QUESTION})
        edit = await edit_of_original(fake, interaction)
    sent = callbacks(fake, interaction)
    assert [(r.json["type"], r.status) for r in sent] == [(4, 500), (4, 500), (5, 200)]
    assert edit.json["embeds"][0]["title"] == "Andrew J. Nathan"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_already_acknowledged_after_a_retry_that_landed_is_not_an_error(
    scripted_bot: Scripted, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord applied the answer but said 500; the retry meets 40060: logged at debug, with
    no traceback, and the member is not sent an apology."""
    fake, _, _ = scripted_bot
    fake.inject("POST", CALLBACK, 500, landed=True)
    with caplog.at_level(logging.DEBUG, logger="bot"):
        interaction = await fake.slash("ask", {"question": QUESTION})
        await fake.wait_for("POST", CALLBACK, predicate=lambda r: r.status == 400)
        # then the bot answers a next question normally (nothing is stuck)
        other = await fake.slash("reading info")
        assert (await fake.response_to(other)).json["type"] == 4
    [landed, refused] = callbacks(fake, interaction)
    assert (landed.status, refused.status) == (500, 400)
    assert fake.original_message(interaction)["embeds"][0]["title"] == "Andrew J. Nathan"
    mine = [r for r in caplog.records if r.name.startswith("bot")]
    assert any("40060" in r.getMessage() and r.levelno == logging.DEBUG for r in mine)
    assert not [r for r in mine if r.levelno >= logging.WARNING or r.exc_info]
    assert not fake.find("POST", rf"/webhooks/{fake.application_id}/.+")  # no apology
    assert all(
        (r.json or {}).get("data", {}).get("content") != POLITE
        for r in fake.find("POST", CALLBACK)
    )


async def test_a_slow_callback_that_lands_late_is_not_answered_twice(
    scripted_bot: Scripted, caplog: pytest.LogCaptureFixture
) -> None:
    """The answer's callback hangs (and lands): the bot stops waiting in time to
    acknowledge, learns from 40060 that the answer is there, and sends nothing more."""
    fake, _, _ = scripted_bot
    fake.inject("POST", CALLBACK, 200, delay=2.5, landed=True)
    with caplog.at_level(logging.DEBUG, logger="bot"):
        interaction = await fake.slash("ask", {"question": QUESTION})
        await fake.wait_for("POST", CALLBACK, predicate=lambda r: r.status == 400)
        await fake.wait_for("POST", CALLBACK, predicate=lambda r: r.status == 200)
    assert fake.original_message(interaction)["embeds"][0]["title"] == "Andrew J. Nathan"
    assert not fake.find("PATCH", rf"/webhooks/{fake.application_id}/.+")
    mine = [r for r in caplog.records if r.name.startswith("bot")]
    assert not [r for r in mine if r.levelno >= logging.WARNING or r.exc_info]


async def test_rate_limited_callback_is_retried_and_lands(scripted_bot: Scripted) -> None:
    fake, _, _ = scripted_bot
    fake.inject("POST", CALLBACK, 429, retry_after=0.1)
    interaction = await fake.slash("ask", {"question": QUESTION})
    await fake.wait_for("POST", CALLBACK, predicate=lambda r: r.status == 200)
    assert [r.status for r in callbacks(fake, interaction)] == [429, 200]
    assert fake.original_message(interaction)["embeds"]


async def test_the_answer_pool_is_bounded_by_the_setting(
    fake_discord: FakeDiscord, engine: AnswerEngine
) -> None:
    """With one worker, a second question waits for the slow first one (and both are
    answered); with the default four it would not."""
    scripted = ScriptedEngine(engine)
    release = threading.Event()
    scripted.slow["slow one"] = release
    config = config_for(fake_discord, answer_workers=1)
    async with running_bot(fake_discord, config, scripted) as bot:
        assert bot.answers.workers == 1
        try:
            first = await fake_discord.send_message(
                f"{fake_discord.mention()} slow one", mention_bot=True
            )
            second = await fake_discord.send_message(
                f"{fake_discord.mention()} {QUESTION}", mention_bot=True
            )
            # the loop is free (a command that needs no engine work is answered) ...
            reading = await fake_discord.slash("reading info")
            assert (await fake_discord.response_to(reading)).json["type"] == 4
            # ... while the one worker is busy, so neither question has been answered
            assert not fake_discord.find("POST", r"/channels/\d+/messages")
        finally:
            release.set()
        one = await fake_discord.reply_to(first)
        two = await fake_discord.reply_to(second)
        assert fake_discord.requests.index(one) < fake_discord.requests.index(two)


async def test_forty_mentions_from_one_member_get_one_cooldown_note(
    fake_discord: FakeDiscord, engine: AnswerEngine
) -> None:
    config = config_for(fake_discord, cooldown_rate=1, cooldown_seconds=60)
    async with running_bot(fake_discord, config, engine):
        sent = [
            await fake_discord.send_message(f"{fake_discord.mention()} {QUESTION}",
                                            mention_bot=True)
            for _ in range(40)
        ]
        other = await fake_discord.send_message(
            f"{fake_discord.mention()} {QUESTION}", mention_bot=True, author=fake_discord.bob
        )
        await fake_discord.reply_to(other)  # another member is answered
        ids = {m["id"] for m in sent} | {int(m["id"]) for m in sent}
        to_alice = [
            r for r in fake_discord.find("POST", r"/channels/\d+/messages")
            if (r.json or {}).get("message_reference", {}).get("message_id") in ids
        ]
        answers = [r for r in to_alice if r.json.get("embeds")]
        notes = [r for r in to_alice if "try again in" in (r.json.get("content") or "")]
        assert len(answers) == 1
        assert len(notes) == 1
        assert len(to_alice) == 2


async def test_a_slow_answer_that_fails_replaces_the_thinking_message(
    scripted_bot: Scripted,
) -> None:
    """Acknowledged with "thinking…", then the engine fails: the apology replaces the
    acknowledgement (a separate follow-up would leave "thinking…" on screen)."""
    fake, _, engine = scripted_bot
    question = "What did Nathan say about strategy? boom"
    release = threading.Event()
    engine.slow[question] = release
    engine.fail_on.add("boom")
    try:
        interaction = await fake.slash("ask", {"question": question})
        assert (await fake.response_to(interaction)).json["type"] == 5
    finally:
        release.set()
    edit = await edit_of_original(fake, interaction)
    assert edit.json["content"] == POLITE
    assert not fake.find("POST", rf"/webhooks/{fake.application_id}/.+")


async def test_a_slow_choice_is_acknowledged_and_the_message_then_updated(
    scripted_bot: Scripted,
) -> None:
    """Picking a contributor runs the engine too: when slow, the click is acknowledged
    (type 6) and the choice message is edited once the answer is ready."""
    fake, _, engine = scripted_bot
    question = "what did the researcher say about dialogue?"
    base = engine.base.ask(question)
    engine.replies[question] = dataclasses.replace(base, candidates=("bequelin", "rosenzweig"))
    interaction = await fake.slash("ask", {"question": question})
    data = (await fake.response_to(interaction)).json["data"]
    buttons = data["components"][0]["components"]
    message = fake.original_message(interaction)
    release = threading.Event()
    engine.slow[question] = release  # the chosen contributor's answers are slow now
    try:
        click = await fake.click(message, buttons[1]["custom_id"])
        assert (await fake.response_to(click)).json["type"] == 6  # deferred update
    finally:
        release.set()
    edit = await edit_of_original(fake, click)
    assert {e["title"] for e in edit.json["embeds"]} == {"Joshua Rosenzweig"}
    assert edit.json["components"] == []
    assert fake.messages[message["id"]]["embeds"][0]["title"] == "Joshua Rosenzweig"


async def test_forty_commands_with_server_errors_on_half_the_callbacks_all_get_answers(
    scripted_bot: Scripted, caplog: pytest.LogCaptureFixture
) -> None:
    """13 callbacks fail before taking effect, 7 after (as when Discord times out
    internally): every one of the 40 commands still shows its answer, and nothing is an
    error in the log."""
    fake, _, _ = scripted_bot
    fake.inject("POST", CALLBACK, 500, times=13)
    fake.inject("POST", CALLBACK, 500, times=7, landed=True)
    with caplog.at_level(logging.INFO):
        sent = [await fake.slash("ask", {"question": QUESTION}) for _ in range(40)]

        def answered(interaction: dict[str, Any]) -> bool:
            message = fake.messages.get(interaction.get("_original", ""))
            return bool(message and message["embeds"] and not message["flags"] & 128)

        for _ in range(400):  # up to 20 s: a bound on failure, not a speed requirement
            if all(answered(i) for i in sent):
                break
            await asyncio.sleep(0.05)
    assert [i["id"] for i in sent if not answered(i)] == []
    assert sum(r.status == 500 for r in fake.find("POST", CALLBACK)) == 20
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
