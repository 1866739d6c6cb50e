"""Every slash command, checked as Discord will check it (as python-discord/bot's test_cogs).

No two commands, subcommands or options share a name at one level; every name is valid;
every command, subcommand and option has a description within Discord's limits; no
command is over Discord's size limit.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from fakediscord import FakeDiscord

from bot.discordbot import limits
from bot.discordbot.client import ReadingBot
from bot.discordbot.visibility import hidden_moderator_roles, integrations_hint

NAME = re.compile(r"^[-_\w]{1,32}$")  # Discord's rule for command and option names
SUB = (1, 2)  # option types: subcommand, subcommand group


def _walk(options: Sequence[Mapping[str, Any]], where: str) -> Iterator[str]:
    names = [o.get("name", "") for o in options]
    for name in {n for n in names if names.count(n) > 1}:
        yield f"{where}: two options called {name!r}"
    if len(options) > limits.COMMAND_OPTIONS:
        yield f"{where}: {len(options)} options (at most {limits.COMMAND_OPTIONS})"
    required_done = False
    for option in options:
        here = f"{where} {option.get('name')}"
        yield from _name_and_description(option, here)
        if option.get("type") in SUB:
            yield from _walk(option.get("options", []), here)
            continue
        if option.get("required") and required_done:
            yield f"{here}: a required option after an optional one"
        required_done = required_done or not option.get("required")
        choices = option.get("choices", [])
        if len(choices) > limits.CHOICES:
            yield f"{here}: {len(choices)} choices"


def _name_and_description(item: Mapping[str, Any], where: str) -> Iterator[str]:
    name = item.get("name", "")
    if not NAME.fullmatch(name) or name != name.lower():
        yield f"{where}: {name!r} is not a valid name (lowercase, 1-32 of letters, - and _)"
    description = item.get("description", "")
    if not 1 <= len(description) <= limits.COMMAND_DESCRIPTION:
        yield f"{where}: description of {len(description)} characters (1-100)"


def _size(item: Mapping[str, Any]) -> int:
    total = len(item.get("name", "")) + len(item.get("description", ""))
    total += sum(len(str(c.get("name", ""))) + len(str(c.get("value", "")))
                 for c in item.get("choices", []))
    return total + sum(_size(o) for o in item.get("options", []))


def command_problems(commands: Sequence[Mapping[str, Any]]) -> list[str]:
    """Everything Discord would refuse in these command payloads (empty when none)."""
    problems: list[str] = []
    names = [c.get("name") for c in commands]
    problems += [f"two commands called /{n}" for n in {n for n in names if names.count(n) > 1}]
    if len(commands) > limits.COMMANDS:
        problems.append(f"{len(commands)} commands (at most {limits.COMMANDS})")
    for command in commands:
        where = f"/{command.get('name')}"
        problems += _name_and_description(command, where)
        problems += _walk(command.get("options", []), where)
        if _size(command) > limits.COMMAND_TOTAL:
            problems.append(f"{where}: {_size(command)} characters (at most 4000)")
    return problems


async def test_every_command_is_valid_for_discord(
    discord_bot: tuple[FakeDiscord, ReadingBot],
) -> None:
    _, bot = discord_bot
    payloads = [c.to_dict(bot.tree) for c in bot.tree.get_commands()]
    assert {p["name"] for p in payloads} >= {"ask", "compare", "prompt"}
    assert command_problems(payloads) == []


def test_the_check_finds_collisions_and_bad_descriptions() -> None:
    option = {"name": "topic", "description": "a topic", "type": 3}
    bad: list[dict[str, Any]] = [
        {"name": "ask", "description": "x", "options": [option, option]},
        {"name": "ask", "description": "", "options": []},
        {"name": "Bad Name", "description": "y" * 101, "options": [
            {"name": "sub", "description": "s", "type": 1, "options": [
                {"name": "a", "description": "", "type": 3},
                {"name": "a", "description": "ok", "type": 3},
            ]},
        ]},
    ]
    problems = command_problems(bad)
    assert "two commands called /ask" in problems
    assert "/ask: two options called 'topic'" in problems
    assert "/ask: description of 0 characters (1-100)" in problems
    assert any("'Bad Name' is not a valid name" in p for p in problems)
    assert "/Bad Name: description of 101 characters (1-100)" in problems
    assert "/Bad Name sub: two options called 'a'" in problems
    assert "/Bad Name sub a: description of 0 characters (1-100)" in problems


# -- who cannot see /prompt ----------


async def test_moderator_role_without_manage_messages_is_pointed_to_integrations(
    fake_discord: FakeDiscord, bot_config: Any, engine: Any, caplog: Any
) -> None:
    import logging

    from fakediscord.fixtures import running_bot

    fake_discord.add_role("Discussion lead")  # members' permissions: no Manage Messages
    config = dataclasses.replace(
        bot_config,
        prompts=dataclasses.replace(
            bot_config.prompts, moderator_roles=("discussion lead", "Moderator")
        ),
    )
    with caplog.at_level(logging.WARNING, logger="bot"):
        async with running_bot(fake_discord, config, engine) as bot:
            guild = bot.get_guild(fake_discord.guild_id)
            assert guild is not None
            roles = hidden_moderator_roles(guild, config.prompts.moderator_roles)
            # "Moderator" in the fake has no Manage Messages either; both are hidden
            assert {r.name for r in roles} == {"Discussion lead", "Moderator"}
            lead = next(r for r in roles if r.name == "Discussion lead")
            assert hidden_moderator_roles(guild, ["Discussion lead"], {lead.id}) == []
            hint = integrations_hint([lead], "readingbot")
    assert hint is not None
    assert "Server Settings > Integrations > readingbot > /prompt" in hint
    assert "“Discussion lead”" in hint
    warned = [r.getMessage() for r in caplog.records if "Integrations" in r.getMessage()]
    assert len(warned) == 1 and "Discussion lead" in warned[0]


async def test_a_hidden_moderator_asking_for_a_prompt_by_mention_is_told_where_it_is(
    fake_discord: FakeDiscord, bot_config: Any, engine: Any
) -> None:
    from fakediscord.fixtures import running_bot

    lead_role = fake_discord.add_role("Discussion lead")
    lead = fake_discord.add_member("lead", [lead_role])
    config = dataclasses.replace(
        bot_config,
        prompts=dataclasses.replace(bot_config.prompts, moderator_roles=("Discussion lead",)),
    )
    async with running_bot(fake_discord, config, engine):
        asked = await fake_discord.send_message(
            f"{fake_discord.mention()} /prompt next", mention_bot=True, author=lead
        )
        told = (await fake_discord.reply_to(asked)).json["content"]
        assert "Server Settings > Integrations > " in told and "“Discussion lead”" in told
        member = await fake_discord.send_message(
            f"{fake_discord.mention()} prompt list", mention_bot=True
        )
        hint = (await fake_discord.reply_to(member)).json["content"]
        assert "type /prompt" in hint and "Integrations" not in hint


async def test_a_moderator_role_with_manage_messages_is_not_flagged(
    fake_discord: FakeDiscord, bot_config: Any, engine: Any
) -> None:
    from fakediscord import payloads
    from fakediscord.fixtures import running_bot

    fake_discord.add_role("Leads", permissions=str(int(payloads.MEMBER_PERMISSIONS) | 0x2000))
    async with running_bot(fake_discord, bot_config, engine) as bot:
        guild = bot.get_guild(fake_discord.guild_id)
        assert guild is not None
        assert hidden_moderator_roles(guild, ["leads"]) == []
        assert [r.name for r in hidden_moderator_roles(guild, ["moderator"])] == ["Moderator"]
