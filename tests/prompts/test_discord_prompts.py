"""/prompt through the real discord.py client and the loopback fake Discord.

The fake's ``slash`` helper sends flat options; ``/prompt`` has subcommands (and channel
options with resolved data), so :func:`run_prompt` builds that interaction payload here.
The scheduler is driven by calling the cog's ``tick`` with an injected clock: no sleeping.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import (  # noqa: E402
    config_for,
    engine,
    fake_discord,
    running_bot,
)

from bot.discordbot.cogs.prompts import PromptsCog  # noqa: E402
from bot.prompts.access import REFUSAL  # noqa: E402

from .conftest import FakeClock  # noqa: E402

__all__ = ["engine", "fake_discord"]

JSON = dict[str, Any]
EPHEMERAL = 64
_ids = itertools.count(1)


def option(name: str, value: Any, focused: str | None) -> JSON:
    kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
    data: JSON = {"name": name, "type": kind, "value": value}
    if name == focused:
        data["focused"] = True
    return data


async def run_prompt(
    fake: Any,
    sub: str,
    values: dict[str, Any] | None = None,
    *,
    user: JSON | None = None,
    channel_option: int | None = None,
    focused: str | None = None,
) -> JSON:
    """A member runs (or, with `focused`, types in) ``/prompt sub``; returns the interaction."""
    options = [option(k, v, focused) for k, v in (values or {}).items()]
    data: JSON = {"id": str(900_000 + next(_ids)), "name": "prompt", "type": 1}
    if channel_option is not None:
        channel = fake.channel(channel_option)
        options.append({"name": "channel", "type": 7, "value": channel["id"]})
        data["resolved"] = {"channels": {channel["id"]: {**channel, "permissions": "0"}}}
    data["options"] = [{"type": 1, "name": sub, "options": options}]
    interaction: JSON = fake._interaction(4 if focused else 2, data, user=user, channel_id=None)
    await fake.dispatch("INTERACTION_CREATE", interaction)
    return interaction


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 3, 25, 12, 0, tzinfo=UTC))  # a Monday


@pytest.fixture
async def prompt_bot(
    fake_discord: Any, engine: Any, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[tuple[Any, Any]]:
    config = config_for(fake_discord, tmp_path)
    config = dataclasses.replace(
        config,
        prompts=dataclasses.replace(
            config.prompts, moderator_roles=("Moderator",), tick_seconds=3600.0
        ),
    )
    async with running_bot(fake_discord, config, engine) as bot:
        cog: Any = bot.get_cog("Prompts")
        # load_extension executes the module afresh, so compare by name, not by class.
        assert type(cog).__name__ == PromptsCog.__name__, "the prompts extension did not load"
        # the tests run every pass themselves, on their clock: the loop's own first pass, if it
        # ran late, could post a schedule before a test's tick (as the other prompt fixtures do)
        await cog.stop_scheduler()
        cog.service.core.clock = clock
        yield fake_discord, cog


def content_of(request: Any) -> str:
    return str(((request.json or {}).get("data") or {}).get("content") or "")


async def answer_to(fake: Any, inter: JSON) -> JSON:
    """The bot's answer to a command, with its "flags": the callback's message, or after a
    defer the edit of the deferred message or the first follow-up."""
    response = await fake.response_to(inter)
    if response.json["type"] != 5:
        return dict(response.json["data"])
    token = re.escape(inter["token"])
    request = await fake.wait_for(
        None, rf"/webhooks/{fake.application_id}/{token}(/messages/@original)?",
        predicate=lambda r: r.method in ("POST", "PATCH"),
    )
    data = dict(request.json)
    if request.method == "PATCH":  # the deferred message itself: visible as the defer was
        data["flags"] = int((response.json.get("data") or {}).get("flags") or 0)
    return data


async def answer_text(fake: Any, inter: JSON) -> str:
    """The content of the bot's answer to a command."""
    return str((await answer_to(fake, inter)).get("content") or "")


async def test_post_replies_with_the_card_and_opens_a_thread(prompt_bot: Any) -> None:
    fake, _ = prompt_bot
    inter = await run_prompt(fake, "post", {"prompt": "hong-kong"}, user=fake.owner)
    data = await answer_to(fake, inter)
    assert not (data.get("flags") or 0) & EPHEMERAL
    assert data["content"].startswith("**Discussion prompt:** Hom asks whether Hong Kong")
    assert [e["title"] for e in data["embeds"]] == ["Sharon Hom"]
    assert "> Finally, the role Hong Kong can play" in data["embeds"][0]["description"]
    assert data["allowed_mentions"] == {"parse": []}
    original = fake.interactions[inter["token"]]["_original"]
    thread = await fake.wait_for("POST", rf"/channels/{fake.channel_id}/messages/{original}"
                                 r"/threads")
    assert thread.json["name"].startswith("Hom asks whether Hong Kong")
    assert len(thread.json["name"]) <= 100


async def test_post_free_text_uses_the_engine_and_says_when_nothing_fits(
    prompt_bot: Any,
) -> None:
    fake, cog = prompt_bot
    inter = await run_prompt(fake, "post", {"prompt": "What about the Dalai Lama and Tibet?",
                                            "thread": False}, user=fake.owner)
    data = await answer_to(fake, inter)
    assert "Nicholas Bequelin" in [e["title"] for e in data["embeds"]]
    # When the engine finds nothing (a stand-in, so the test does not depend on ranking):
    cog.service.core.related = lambda text, limit: []
    inter = await run_prompt(fake, "post", {"prompt": "Is the weather nice on Mars?",
                                            "thread": False}, user=fake.owner)
    data = await answer_to(fake, inter)
    assert "No contributor to the reading speaks to this" in data["embeds"][0]["description"]
    assert fake.find("POST", r"/channels/\d+/messages/\d+/threads") == []


async def test_next_by_a_moderator_role_rotates(prompt_bot: Any) -> None:
    fake, cog = prompt_bot
    first = await run_prompt(fake, "next", user=fake.moderator)
    second = await run_prompt(fake, "next", user=fake.moderator)
    one = await answer_text(fake, first)
    two = await answer_text(fake, second)
    assert one.startswith("**Discussion prompt:**") and two.startswith("**Discussion prompt:**")
    assert one != two
    _, used = cog.service.core.store.used_in_cycle(fake.guild_id)
    assert len(used) == 2
    await fake.wait_for("POST", r"/channels/\d+/messages/\d+/threads")


async def test_non_moderator_is_refused_politely(prompt_bot: Any) -> None:
    fake, cog = prompt_bot
    for sub, values in (("next", {}), ("post", {"prompt": "hong-kong"}),
                        ("add", {"text": "A question from a member"})):
        inter = await run_prompt(fake, sub, values, user=fake.alice)
        response = await fake.response_to(inter)
        assert response.json["data"]["flags"] & EPHEMERAL
        assert content_of(response) == REFUSAL
    assert cog.service.core.store.used_in_cycle(fake.guild_id)[1] == set()
    assert cog.service.core.store.custom_prompts(fake.guild_id) == []
    assert fake.find("POST", r"/channels/\d+/messages.*") == []


async def test_post_in_another_channel(prompt_bot: Any) -> None:
    fake, _ = prompt_bot
    inter = await run_prompt(fake, "post", {"prompt": "credit-the-gains"}, user=fake.owner,
                             channel_option=fake.other_channel_id)
    sent = await fake.wait_for("POST", rf"/channels/{fake.other_channel_id}/messages")
    assert sent.json["content"].startswith("**Discussion prompt:** Should U.S. officials")
    await fake.wait_for("POST", rf"/channels/{fake.other_channel_id}/messages/\d+/threads")
    followup = await fake.followup_to(inter)
    assert followup.json["content"].startswith(f"Posted in <#{fake.other_channel_id}>")
    assert followup.json["flags"] & EPHEMERAL


async def test_add_list_remove_and_autocomplete(prompt_bot: Any) -> None:
    fake, _ = prompt_bot
    inter = await run_prompt(fake, "add", {"text": "How should the group read Hom on Weibo?"},
                             user=fake.owner)
    assert (await answer_text(fake, inter)).startswith("Added `custom-1`")
    inter = await run_prompt(fake, "post", {"prompt": "weibo"}, user=fake.owner,
                             focused="prompt")
    choices = (await fake.response_to(inter)).json["data"]["choices"]
    assert choices[0] == {"name": "How should the group read Hom on Weibo? (custom)",
                          "value": "custom-1"}
    inter = await run_prompt(fake, "post", {"prompt": "hong"}, user=fake.owner,
                             focused="prompt")
    choices = (await fake.response_to(inter)).json["data"]["choices"]
    assert "hong-kong" in [c["value"] for c in choices]
    assert all(len(c["name"]) <= 100 for c in choices) and len(choices) <= 25
    inter = await run_prompt(fake, "list", user=fake.owner)
    embeds = (await answer_to(fake, inter))["embeds"]
    assert embeds[0]["title"].startswith("Curated prompts (2")
    assert "`custom-1`" in embeds[1]["description"]
    inter = await run_prompt(fake, "remove", {"prompt": "custom-1"}, user=fake.owner)
    assert (await answer_text(fake, inter)).startswith("Removed `custom-1`")
    inter = await run_prompt(fake, "remove", {"prompt": "hong-kong"}, user=fake.owner)
    assert "curated" in await answer_text(fake, inter)


async def test_schedule_posts_once_per_slot(prompt_bot: Any, clock: FakeClock) -> None:
    fake, cog = prompt_bot
    inter = await run_prompt(fake, "schedule", {"when": "weekly monday 18:00",
                                                "timezone": "Europe/Berlin"},
                             user=fake.owner, channel_option=fake.other_channel_id)
    text = await answer_text(fake, inter)
    assert text.startswith(f"Scheduled: <#{fake.other_channel_id}> every Monday at 18:00 "
                           "(Europe/Berlin)")
    assert await cog.tick() == []
    clock.set(datetime(2024, 3, 25, 17, 0, 5, tzinfo=UTC))  # 18:00:05 in Berlin
    [result] = await cog.tick()
    assert result.posted
    sent = await fake.wait_for("POST", rf"/channels/{fake.other_channel_id}/messages")
    assert sent.json["content"].startswith("**Discussion prompt:**")
    await fake.wait_for("POST", rf"/channels/{fake.other_channel_id}/messages/\d+/threads")
    clock.set(datetime(2024, 3, 25, 17, 10, tzinfo=UTC))
    assert await cog.tick() == []
    assert len(fake.find("POST", rf"/channels/{fake.other_channel_id}/messages")) == 1
    inter = await run_prompt(fake, "unschedule", user=fake.owner)
    assert await answer_text(fake, inter) == "Removed 1 schedule."


async def test_schedule_refused_without_manage_messages_there(prompt_bot: Any) -> None:
    fake, cog = prompt_bot
    inter = await run_prompt(fake, "schedule", {"when": "daily 18:00"}, user=fake.alice,
                             channel_option=fake.other_channel_id)
    assert content_of(await fake.response_to(inter)) == REFUSAL
    assert cog.service.core.schedules(fake.guild_id) == []


async def test_bad_when_gets_a_helpful_message(prompt_bot: Any) -> None:
    fake, _ = prompt_bot
    inter = await run_prompt(fake, "schedule", {"when": "weekly 18:00"}, user=fake.owner,
                             channel_option=fake.channel_id)
    assert "weekly needs a weekday" in await answer_text(fake, inter)


async def test_group_is_hidden_from_non_moderators(prompt_bot: Any) -> None:
    _, cog = prompt_bot
    payload = cog.prompt.to_dict(cog.bot.tree)
    assert payload["default_member_permissions"] == 8192  # Manage Messages
    assert payload["dm_permission"] is False
    assert {o["name"] for o in payload["options"]} == {
        "post", "next", "list", "add", "remove", "schedule", "unschedule"}


def pings_nobody(body: JSON | None) -> bool:
    mentions = (body or {}).get("allowed_mentions")
    return mentions is not None and mentions.get("parse") == [] and not mentions.get("users") \
        and not mentions.get("roles") and not mentions.get("replied_user")


async def test_every_prompt_message_pings_nobody(prompt_bot: Any, clock: FakeClock) -> None:
    """Same-channel card, card in another channel, its follow-up, refusals, scheduled cards."""
    fake, cog = prompt_bot
    text = "@everyone <@&1> should we talk about trade with <@2>?"
    inter = await run_prompt(fake, "post", {"prompt": text}, user=fake.owner)
    here = await answer_to(fake, inter)
    assert "@everyone" in here["content"] and pings_nobody(here)
    inter = await run_prompt(fake, "post", {"prompt": text}, user=fake.owner,
                             channel_option=fake.other_channel_id)
    followup = await fake.followup_to(inter)
    assert pings_nobody(followup.json)
    refused = await run_prompt(fake, "next", user=fake.alice)
    assert pings_nobody((await fake.response_to(refused)).json["data"])
    cog.service.core.schedule(fake.guild_id, fake.other_channel_id, "daily 18:00")
    clock.set(datetime(2024, 3, 25, 18, 0, 1, tzinfo=UTC))
    [result] = await cog.tick()
    assert result.posted
    sent = fake.find("POST", rf"/channels/{fake.other_channel_id}/messages")
    assert len(sent) == 2 and all(pings_nobody(r.json) for r in sent)


async def test_failing_prompt_command_gets_the_polite_message_and_the_bot_serves_on(
    prompt_bot: Any,
) -> None:
    fake, cog = prompt_bot
    healthy = cog.service.core.post

    def broken(guild_id: int, prompt: str | None = None) -> Any:
        raise RuntimeError("the database is on fire")

    cog.service.core.post = broken
    inter = await run_prompt(fake, "post", {"prompt": "hong-kong"}, user=fake.owner)
    response = await answer_to(fake, inter)
    assert str(response["content"]).startswith("Sorry, something went wrong")
    assert response["flags"] & EPHEMERAL
    # The public "thinking…" the card would have replaced is gone: the apology is private.
    await fake.wait_for("DELETE", rf"/webhooks/\d+/{re.escape(inter['token'])}"
                                  r"/messages/@original")
    cog.service.core.post = healthy
    inter = await run_prompt(fake, "post", {"prompt": "hong-kong", "thread": False},
                             user=fake.owner)
    assert (await answer_text(fake, inter)).startswith("**Discussion prompt:**")


async def test_no_permission_in_the_target_channel_is_explained(prompt_bot: Any) -> None:
    fake, _ = prompt_bot

    async def forbidden(fake: Any, request: Any, match: Any) -> tuple[int, Any]:
        return 403, {"message": "Missing Permissions", "code": 50013}

    fake.route("POST", rf"/channels/{fake.other_channel_id}/messages", forbidden)
    inter = await run_prompt(fake, "post", {"prompt": "hong-kong"}, user=fake.owner,
                             channel_option=fake.other_channel_id)
    followup = await fake.followup_to(inter)
    assert "missing a permission" in followup.json["content"]
    assert followup.json["flags"] & EPHEMERAL


async def test_a_channel_the_bot_cannot_see_gets_a_clear_message(prompt_bot: Any) -> None:
    from fakediscord import payloads

    fake, _ = prompt_bot
    unseen = payloads.snowflake()  # created after the bot connected: not in its cache
    fake.channels.append(payloads.text_channel(unseen, fake.guild_id, "hidden", 5))
    inter = await run_prompt(fake, "post", {"prompt": "hong-kong"}, user=fake.owner,
                             channel_option=unseen)
    text = content_of(await fake.response_to(inter))
    assert text.startswith("I couldn't use one of the values you gave")


def test_grace_window_is_at_least_two_ticks() -> None:
    from datetime import timedelta

    from bot.prompts.schedule import effective_grace

    assert effective_grace(60, 30) == timedelta(minutes=60)
    assert effective_grace(0, 30) == timedelta(seconds=60)


async def test_no_catch_up_config_still_posts_slots_reached_late_by_the_loop(
    fake_discord: Any, engine: Any, tmp_path: Path, clock: FakeClock
) -> None:
    config = config_for(fake_discord, tmp_path)
    config = dataclasses.replace(
        config,
        prompts=dataclasses.replace(config.prompts, grace_minutes=0, tick_seconds=600.0),
    )
    async with running_bot(fake_discord, config, engine) as bot:
        cog: Any = bot.get_cog("Prompts")
        await cog.stop_scheduler()  # this test ticks by hand
        cog.service.core.clock = clock
        cog.service.core.schedule(fake_discord.guild_id, fake_discord.channel_id,
                                  "daily 18:00")
        clock.set(datetime(2024, 3, 25, 18, 0, 20, tzinfo=UTC))  # the loop is 20 s late
        [result] = await cog.tick()
        assert result.posted
        clock.set(datetime(2024, 3, 26, 20, 0, tzinfo=UTC))  # back two hours after a slot
        assert await cog.tick() == []


def test_moderator_roles_may_be_ids() -> None:
    from bot.config import parse_config

    config = parse_config({"prompts": {"moderator_roles": ["Moderator", 123456789012345678]}})
    assert config.prompts.moderator_roles == ("Moderator", "123456789012345678")
