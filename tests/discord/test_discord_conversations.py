"""Conversations in Discord: per member and channel, forgotten after quiet, reply chains."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest
from fakediscord import FakeDiscord
from fakediscord.engines import ScriptedEngine
from fakediscord.fixtures import running_bot

from bot.discordbot.client import ReadingBot
from bot.discordbot.conversations import Conversations
from bot.discordbot.engine_api import AnswerEngine
from bot.engine.conversation import Conversation

Q1 = "What did Nathan say about strategy?"
Q2 = "What does Neier think about moral leadership?"
Scripted = tuple[FakeDiscord, ReadingBot, ScriptedEngine]


@pytest.fixture
async def scripted_bot(
    fake_discord: FakeDiscord, bot_config: Any, engine: AnswerEngine
) -> AsyncIterator[Scripted]:
    scripted = ScriptedEngine(engine)
    async with running_bot(fake_discord, bot_config, scripted) as bot:
        yield fake_discord, bot, scripted


async def mention(
    fake: FakeDiscord, text: str, **kwargs: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Ask by mention; returns (the member's message, the bot's stored reply)."""
    message = await fake.send_message(f"{fake.mention()} {text}", mention_bot=True, **kwargs)
    await fake.reply_to(message)
    channel = kwargs.get("channel_id") or fake.channel_id
    [reply] = [
        m for m in fake.posted_in(channel)
        if (m.get("message_reference") or {}).get("message_id") in (message["id"],
                                                                     int(message["id"]))
    ]
    return message, reply


def last(engine: ScriptedEngine) -> Conversation:
    conversation = engine.conversations[-1]
    assert conversation is not None
    return conversation


async def test_one_conversation_per_member_and_channel(scripted_bot: Scripted) -> None:
    fake, _, engine = scripted_bot
    await mention(fake, Q1)
    alice = last(engine)
    interaction = await fake.slash("ask", {"question": Q2})  # /ask and mentions share it
    await fake.response_to(interaction)
    assert last(engine) is alice
    assert alice.questions == [Q1, Q2]

    await mention(fake, Q1, author=fake.bob)
    bob = last(engine)
    assert bob is not alice and bob.questions == [Q1]

    await mention(fake, Q1, channel_id=fake.other_channel_id)
    elsewhere = last(engine)
    assert elsewhere is not alice and elsewhere is not bob


async def test_conversation_is_forgotten_after_the_quiet_minutes(scripted_bot: Scripted) -> None:
    fake, bot, engine = scripted_bot
    now = [1000.0]
    bot.conversations.clock = lambda: now[0]
    assert bot.conversations.quiet == 10 * 60  # discord.conversation_minutes: 10
    await mention(fake, Q1)
    first = last(engine)
    now[0] += 9 * 60  # nine quiet minutes: still the same conversation
    await mention(fake, Q2)
    assert last(engine) is first
    now[0] += 10 * 60 + 1  # then more than ten
    await mention(fake, Q1)
    assert last(engine) is not first
    assert last(engine).questions == [Q1]


async def test_a_reply_to_the_bot_continues_that_messages_conversation(
    scripted_bot: Scripted,
) -> None:
    fake, _, engine = scripted_bot
    _, answer = await mention(fake, Q1)
    alice = last(engine)
    await mention(fake, Q2, author=fake.bob)  # bob's own conversation
    bobs = last(engine)
    # bob replies to the answer alice got (without pinging the bot): alice's conversation
    follow = await fake.send_message("and what about Neier?", author=fake.bob, reply_to=answer)
    await fake.reply_to(follow)
    assert last(engine) is alice is not bobs
    assert alice.questions[-1] == "and what about Neier?"
    # and bob's next question in the channel goes on in it
    await mention(fake, Q2, author=fake.bob)
    assert last(engine) is alice


async def test_a_reply_to_a_slash_answer_continues_its_conversation(
    scripted_bot: Scripted,
) -> None:
    fake, _, engine = scripted_bot
    interaction = await fake.slash("ask", {"question": Q1})
    await fake.response_to(interaction)
    alice = last(engine)
    answer = fake.original_message(interaction)
    follow = await fake.send_message(
        f"{fake.mention()} and Neier?", mention_bot=True, author=fake.bob, reply_to=answer
    )
    await fake.reply_to(follow)
    assert last(engine) is alice


async def test_a_reply_to_someone_else_is_not_a_question(scripted_bot: Scripted) -> None:
    fake, _, engine = scripted_bot
    other = await fake.send_message("I think Nathan is right", author=fake.bob)
    ignored = await fake.send_message("me too", reply_to=other)
    _, _ = await mention(fake, Q1)
    assert engine.asked == [Q1]
    assert not [
        r for r in fake.find("POST", r"/channels/\d+/messages")
        if r.json.get("message_reference", {}).get("message_id") in (ignored["id"],
                                                                     int(ignored["id"]))
    ]


async def test_reading_as_is_shown_in_the_answer(scripted_bot: Scripted) -> None:
    fake, _, engine = scripted_bot
    question = "and what did he agree with?"
    base = engine.base.ask(Q1)
    engine.replies[question] = dataclasses.replace(
        base, reading_as="what did Rosenzweig agree with?"
    )
    interaction = await fake.slash("ask", {"question": question})
    embed = (await fake.response_to(interaction)).json["data"]["embeds"][0]
    assert embed["author"]["name"] == "Reading that as: what did Rosenzweig agree with?"
    # without reading_as, no such line
    interaction = await fake.slash("ask", {"question": Q1})
    assert "author" not in (await fake.response_to(interaction)).json["data"]["embeds"][0]


def test_conversations_are_bounded_and_least_recently_used_go_first() -> None:
    conversations = Conversations(600, members=3, messages=2, clock=lambda: 0.0)
    first = conversations.current(1, 1)
    for member in (2, 3, 4):
        conversations.current(1, member)
    assert len(conversations) == 3
    assert conversations.current(1, 1) is not first  # member 1 was the oldest, forgotten
    for message_id in (10, 11, 12):
        conversations.remember(message_id, first)
    assert conversations.of_message(10) is None
    assert conversations.of_message(12) is first


async def test_the_wrong_person_is_said_plainly_in_discord(scripted_bot: Scripted) -> None:
    fake, _, _ = scripted_bot
    _, reply = await mention(fake, "what did hom say about the soviet bloc?")
    assert reply["content"].startswith(
        "Sharon Hom doesn't address the Soviet bloc; Aryeh Neier does:"
    )
    assert reply["embeds"] and "Neier" in str(reply["embeds"][0])


async def test_a_question_after_long_chat_in_a_mention_is_answered(
    scripted_bot: Scripted,
) -> None:
    fake, _, _ = scripted_bot
    chat = "ok so i'm behind on the reading and our group chat has been a mess all week. " * 8
    _, reply = await mention(fake, chat + "who compared things to the soviet bloc?")
    assert reply["embeds"] and "Neier" in str(reply["embeds"][0])
