"""Slash commands, mentions, buttons and autocomplete, through the real client and the fake."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from fakediscord import FakeDiscord, Request
from fakediscord.engines import ScriptedEngine
from fakediscord.fixtures import config_for, running_bot

from bot.discordbot.client import ReadingBot
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.errors import POLITE
from bot.engine.answers import Answer, Mode, Reply

EPHEMERAL = 64


def pings_nobody(allowed_mentions: dict[str, Any] | None) -> bool:
    """True for allowed_mentions that ping no one: parse nothing, list no one, no reply ping."""
    return (
        allowed_mentions is not None
        and allowed_mentions.get("parse") == []
        and not allowed_mentions.get("users")
        and not allowed_mentions.get("roles")
        and not allowed_mentions.get("replied_user")
    )


Connected = tuple[FakeDiscord, ReadingBot]


@pytest.fixture
def scripted(engine: AnswerEngine) -> ScriptedEngine:
    return ScriptedEngine(engine)


@pytest.fixture
async def scripted_bot(
    fake_discord: FakeDiscord, bot_config: Any, scripted: ScriptedEngine
) -> AsyncIterator[tuple[FakeDiscord, ReadingBot, ScriptedEngine]]:
    async with running_bot(fake_discord, bot_config, scripted) as bot:
        yield fake_discord, bot, scripted


def message_data(response: Request) -> dict[str, Any]:
    """The message part of an interaction callback (type 4 or 7)."""
    assert response.json is not None
    data: dict[str, Any] = response.json["data"]
    return data


def paragraph_text(engine: AnswerEngine, number: int) -> str:
    return " ".join(engine.reading.paragraph(number).text.split())


def quoted(description: str) -> str:
    """The block-quoted lines of an embed description, joined."""
    lines = [line[2:] for line in description.splitlines() if line.startswith("> ")]
    return " ".join(" ".join(lines).replace("…", "").split())


# -- mentions ----------


async def test_mention_is_answered_with_a_quote_in_a_reply(
    discord_bot: Connected, engine: AnswerEngine
) -> None:
    fake, _ = discord_bot
    msg = await fake.send_message(
        f"{fake.mention()} What did Nathan say about strategy?", mention_bot=True
    )
    reply = await fake.reply_to(msg)
    body = reply.json
    assert body["message_reference"]["message_id"] == int(msg["id"])
    assert pings_nobody(body.get("allowed_mentions"))
    embed = body["embeds"][0]
    assert embed["title"] == "Andrew J. Nathan"
    source = embed["fields"][0]["value"]
    number = int(re.match(r"¶ (\d+)", source)[1])  # type: ignore[index]
    assert engine.reading.url in source
    assert quoted(embed["description"]) in paragraph_text(engine, number)
    assert quoted(embed["description"])


async def test_question_with_everyone_and_user_mentions_pings_nobody(
    discord_bot: Connected,
) -> None:
    fake, _ = discord_bot
    text = f"{fake.mention()} @everyone <@123> <@&456> what did Nathan say about strategy?"
    msg = await fake.send_message(text, mention_bot=True)
    body = (await fake.reply_to(msg)).json
    assert pings_nobody(body.get("allowed_mentions"))  # parse nothing, no user or role list

    interaction = await fake.slash("ask", {"question": "@everyone <@123> what did Nathan say?"})
    data = message_data(await fake.response_to(interaction))
    assert pings_nobody(data.get("allowed_mentions"))


async def test_empty_mention_gets_a_hint(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    msg = await fake.send_message(fake.mention(), mention_bot=True)
    body = (await fake.reply_to(msg)).json
    assert "/ask" in body["content"]
    assert pings_nobody(body.get("allowed_mentions"))


async def test_messages_not_addressed_to_the_bot_are_ignored(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    ignored = await fake.send_message("what did Nathan say about strategy?")
    asked = await fake.send_message(f"{fake.mention()} who spoke on trade?", mention_bot=True)
    await fake.reply_to(asked)
    assert not [
        r
        for r in fake.find("POST", r"/channels/\d+/messages")
        if r.json.get("message_reference", {}).get("message_id") == int(ignored["id"])
    ]


async def test_text_prefix_asks_when_configured(
    fake_discord: FakeDiscord, engine: AnswerEngine
) -> None:
    fake_discord.privileged_intents = 1 << 15  # Message Content enabled in the "portal"
    config = config_for(fake_discord, prefix="!ask", message_content=True)
    async with running_bot(fake_discord, config, engine):
        assert fake_discord.identifies[-1]["intents"] & (1 << 15)  # message content
        msg = await fake_discord.send_message("!ask what did Nathan say about strategy?")
        body = (await fake_discord.reply_to(msg)).json
        assert body["embeds"][0]["title"] == "Andrew J. Nathan"


async def test_intents_are_minimal_by_default(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    intents = fake.identifies[-1]["intents"]
    assert not intents & (1 << 15)  # no message content
    assert not intents & (1 << 1)  # no members
    assert not intents & (1 << 8)  # no presences
    assert intents & 1  # guilds


# -- slash commands ----------


async def test_ask_answers_with_cited_embeds(discord_bot: Connected, engine: AnswerEngine) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("ask", {"question": "What did Nathan say about strategy?"})
    response = await fake.response_to(interaction)
    assert response.json["type"] == 4
    data = message_data(response)
    assert not data.get("flags", 0) & EPHEMERAL
    assert 1 <= len(data["embeds"]) <= 3
    embed = data["embeds"][0]
    assert embed["title"] == "Andrew J. Nathan"
    assert embed["url"] == engine.reading.url
    assert embed["fields"][0]["name"] == "Source"
    assert embed["fields"][0]["value"].startswith("¶ ")
    assert "\n> " in embed["description"]


async def test_private_ask_is_ephemeral(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash(
        "ask", {"question": "What does Neier think about moral leadership?", "private": True}
    )
    data = message_data(await fake.response_to(interaction))
    assert data["flags"] & EPHEMERAL
    assert data["embeds"][0]["title"] == "Aryeh Neier"


async def test_abstain_says_what_it_can_answer(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("ask", {"question": "what is the weather on mars"})
    data = message_data(await fake.response_to(interaction))
    assert not data.get("embeds")
    assert "I can answer about" in data["content"]
    msg = await fake.send_message(f"{fake.mention()} what is the weather on mars", mention_bot=True)
    assert "I can answer about" in (await fake.reply_to(msg)).json["content"]


async def test_positions_are_paginated_with_buttons(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("positions", {"contributor": "Nathan"})
    data = message_data(await fake.response_to(interaction))
    first = data["embeds"][0]
    assert first["title"].startswith("Andrew J. Nathan")
    assert first["footer"]["text"] == "Page 1 of 2"
    assert 1 <= len(first["fields"]) <= 5
    buttons = data["components"][0]["components"]
    assert [b["label"] for b in buttons] == ["Previous", "1 / 2", "Next"]
    assert buttons[0]["disabled"] and not buttons[2]["disabled"]

    message = fake.original_message(interaction)
    click = await fake.click(message, buttons[2]["custom_id"])
    turned = await fake.response_to(click)
    assert turned.json["type"] == 7  # the message is updated in place
    assert pings_nobody(turned.json["data"].get("allowed_mentions"))
    assert turned.json["data"]["embeds"][0]["footer"]["text"] == "Page 2 of 2"

    stranger = await fake.click(message, buttons[0]["custom_id"], user=fake.bob)
    refused = message_data(await fake.response_to(stranger))
    assert refused["flags"] & EPHEMERAL
    assert "Only the person who asked" in refused["content"]
    assert pings_nobody(refused.get("allowed_mentions"))


async def test_positions_of_one_kind_and_unknown_names(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("positions", {"contributor": "Neier", "kind": "claim"})
    data = message_data(await fake.response_to(interaction))
    assert "claim positions" in data["embeds"][0]["title"]
    assert all(f["name"].startswith("Claim") for f in data["embeds"][0]["fields"])

    interaction = await fake.slash("positions", {"contributor": "Zorblax Quux"})
    data = message_data(await fake.response_to(interaction))
    assert data["flags"] & EPHEMERAL
    assert "I don't know a contributor" in data["content"]

    interaction = await fake.slash("positions", {"contributor": "Nathan", "kind": "rant"})
    data = message_data(await fake.response_to(interaction))
    assert data["flags"] & EPHEMERAL and "claim" in data["content"]


async def test_compare_shows_both_contributors(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("compare", {"first": "Nathan", "second": "Neier"})
    data = message_data(await fake.response_to(interaction))
    titles = {e["title"] for e in data["embeds"]}
    assert titles == {"Andrew J. Nathan", "Aryeh Neier"}


async def test_who_lists_several_contributors(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("who", {"topic": "trade"})
    data = message_data(await fake.response_to(interaction))
    titles = [e["title"] for e in data["embeds"]]
    assert len(titles) >= 2
    assert len(set(titles)) == len(titles)  # one answer per contributor


async def test_quote_random_and_by_contributor(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("quote")
    embed = message_data(await fake.response_to(interaction))["embeds"][0]
    assert embed["description"].startswith("> ")
    assert embed["fields"][0]["name"] == "Source"

    interaction = await fake.slash("quote", {"contributor": "Neier"})
    embed = message_data(await fake.response_to(interaction))["embeds"][0]
    assert "— **Aryeh Neier**" in embed["description"]


async def test_contributors_and_reading(discord_bot: Connected, engine: AnswerEngine) -> None:
    fake, _ = discord_bot
    interaction = await fake.slash("contributors")
    embed = message_data(await fake.response_to(interaction))["embeds"][0]
    names = [f["name"] for f in embed["fields"]]
    assert len(names) == len(engine.reading.contributors)
    assert names[0].startswith("1. ")

    interaction = await fake.slash("reading info")
    embed = message_data(await fake.response_to(interaction))["embeds"][0]
    assert embed["title"] == engine.reading.title
    assert embed["url"] == engine.reading.url


# -- autocomplete ----------


async def test_contributor_autocomplete(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.autocomplete("positions", {"contributor": "ne"}, focused="contributor")
    response = await fake.response_to(interaction)
    assert response.json["type"] == 8
    choices = response.json["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert choices[0]["value"] == "Aryeh Neier"
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)

    interaction = await fake.autocomplete(
        "compare", {"first": "Nathan", "second": "Andy"}, focused="second"
    )
    choices = (await fake.response_to(interaction)).json["data"]["choices"]
    assert choices[0]["value"] == "Andrew J. Nathan"


async def test_kind_autocomplete(discord_bot: Connected) -> None:
    fake, _ = discord_bot
    interaction = await fake.autocomplete(
        "positions", {"contributor": "Nathan", "kind": "c"}, focused="kind"
    )
    choices = (await fake.response_to(interaction)).json["data"]["choices"]
    assert {c["value"] for c in choices} == {
        "claim",
        "recommendation",
        "concern",
        "critique",
        "concession",
    }


# -- ambiguity ----------


async def test_ambiguous_question_offers_a_choice(
    scripted_bot: tuple[FakeDiscord, ReadingBot, ScriptedEngine],
) -> None:
    fake, _, engine = scripted_bot
    question = "what did the researcher say about dialogue?"
    reading = engine.reading
    answers = tuple(
        Answer(
            p.contributor_id,
            reading.contributor(p.contributor_id).name,
            p.id,
            p.kind.value,
            p.summary,
            p.quote,
            p.paragraph,
            50.0,
        )
        for p in reading.positions
        if p.contributor_id in ("bequelin", "rosenzweig")
    )[:2]
    engine.replies[question] = Reply(
        question, Mode.ANSWER, answers, candidates=("bequelin", "rosenzweig")
    )
    interaction = await fake.slash("ask", {"question": question})
    data = message_data(await fake.response_to(interaction))
    assert "Nicholas Bequelin or Joshua Rosenzweig" in data["content"]
    buttons = data["components"][0]["components"]
    assert [b["label"] for b in buttons] == ["Nicholas Bequelin", "Joshua Rosenzweig"]

    message = fake.original_message(interaction)
    click = await fake.click(message, buttons[1]["custom_id"])
    chosen = await fake.response_to(click)
    assert chosen.json["type"] == 7
    assert pings_nobody(chosen.json["data"].get("allowed_mentions"))
    assert chosen.json["data"]["components"] == []
    titles = {e["title"] for e in chosen.json["data"]["embeds"]}
    assert titles == {"Joshua Rosenzweig"}


# -- limits ----------


async def test_oversized_answers_are_cut_to_discord_limits(
    scripted_bot: tuple[FakeDiscord, ReadingBot, ScriptedEngine],
) -> None:
    fake, _, engine = scripted_bot
    long = "word " * 3000
    answer = Answer("nathan", "Andrew J. Nathan" * 30, "x", "claim", long, long, 23, 90.0)
    engine.replies["long"] = Reply("long", Mode.ANSWER, (answer,) * 3, message=long)
    interaction = await fake.slash("ask", {"question": "long"})
    data = message_data(await fake.response_to(interaction))
    assert len(data["content"]) <= 2000
    total = 0
    for embed in data["embeds"]:
        assert len(embed["title"]) <= 256
        assert len(embed.get("description", "")) <= 4096
        assert all(len(f["value"]) <= 1024 for f in embed.get("fields", []))
        total += len(embed["title"]) + len(embed.get("description", ""))
        total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
        total += len(embed.get("footer", {}).get("text", ""))
    assert total <= 6000


# -- checks ----------


async def test_cooldown_replies_politely_with_seconds_left(
    fake_discord: FakeDiscord, engine: AnswerEngine
) -> None:
    config = config_for(fake_discord, cooldown_rate=1, cooldown_seconds=60)
    async with running_bot(fake_discord, config, engine):
        first = await fake_discord.slash("ask", {"question": "What did Nathan say about strategy?"})
        assert message_data(await fake_discord.response_to(first))["embeds"]
        second = await fake_discord.slash("who", {"topic": "trade"})
        data = message_data(await fake_discord.response_to(second))
        assert data["flags"] & EPHEMERAL
        assert re.search(r"try again in \d+ seconds", data["content"])

        msg = await fake_discord.send_message(f"{fake_discord.mention()} hi", mention_bot=True)
        body = (await fake_discord.reply_to(msg)).json
        assert re.search(r"try again in \d+ seconds", body["content"])

        other = await fake_discord.slash("reading info", user=fake_discord.bob)  # per user
        assert message_data(await fake_discord.response_to(other))["embeds"]


async def test_channel_allow_list(fake_discord: FakeDiscord, engine: AnswerEngine) -> None:
    config = config_for(fake_discord, allowed_channels=(fake_discord.channel_id,))
    async with running_bot(fake_discord, config, engine):
        outside = await fake_discord.slash(
            "reading info", channel_id=fake_discord.other_channel_id
        )
        data = message_data(await fake_discord.response_to(outside))
        assert data["flags"] & EPHEMERAL
        assert f"<#{fake_discord.channel_id}>" in data["content"]

        inside = await fake_discord.slash("reading info")
        assert message_data(await fake_discord.response_to(inside))["embeds"]

        ignored = await fake_discord.send_message(
            f"{fake_discord.mention()} who spoke on trade?",
            mention_bot=True,
            channel_id=fake_discord.other_channel_id,
        )
        answered = await fake_discord.send_message(
            f"{fake_discord.mention()} who spoke on trade?", mention_bot=True
        )
        await fake_discord.reply_to(answered)
        replies = fake_discord.find("POST", rf"/channels/{fake_discord.other_channel_id}/messages")
        assert not replies, ignored


# -- errors ----------


async def test_failing_command_gets_polite_message_and_bot_keeps_serving(
    scripted_bot: tuple[FakeDiscord, ReadingBot, ScriptedEngine],
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake, _, engine = scripted_bot
    engine.fail_on.add("boom")
    with caplog.at_level(logging.ERROR):
        interaction = await fake.slash("ask", {"question": "boom"})
        data = message_data(await fake.response_to(interaction))
        assert data["content"] == POLITE
        assert data["flags"] & EPHEMERAL
        assert any(r.exc_info and "scripted failure" in str(r.exc_info[1]) for r in caplog.records)

        msg = await fake.send_message(f"{fake.mention()} boom", mention_bot=True)
        assert (await fake.reply_to(msg)).json["content"] == POLITE

        interaction = await fake.slash("compare", {"first": "boom", "second": "Neier"})
        assert message_data(await fake.response_to(interaction))["content"] == POLITE

    interaction = await fake.slash("ask", {"question": "What did Nathan say about strategy?"})
    assert message_data(await fake.response_to(interaction))["embeds"]


async def test_failing_text_command_goes_to_the_central_handler(
    discord_bot: Connected, caplog: pytest.LogCaptureFixture
) -> None:
    """Text commands (none ship, but a cog may add one) share the polite reply and the log."""
    from discord.ext import commands

    fake, bot = discord_bot

    @commands.command(name="explode")
    async def explode(ctx: commands.Context[Any]) -> None:
        raise RuntimeError("text command failure")

    bot.add_command(explode)
    with caplog.at_level(logging.ERROR):
        msg = await fake.send_message(f"{fake.mention()} explode", mention_bot=True)
        apology = await fake.wait_for(
            "POST",
            r"/channels/\d+/messages",
            predicate=lambda r: (r.json or {}).get("content") == POLITE
            and r.json["message_reference"]["message_id"] in (msg["id"], int(msg["id"])),
        )
    assert pings_nobody(apology.json.get("allowed_mentions"))
    assert any(
        r.exc_info and "text command failure" in str(r.exc_info[1]) for r in caplog.records
    )
    interaction = await fake.slash("reading info")  # still serving
    assert message_data(await fake.response_to(interaction))["embeds"]
