"""The group commands' cogs share one allow-list check, one reading autocomplete and one
way of resolving the `reading` option (bot/discordbot/group_cog.py)."""

from __future__ import annotations

from typing import Any

import pytest
from discord import app_commands

from bot.discordbot.cogs.guide import GuideCog
from bot.discordbot.cogs.map import MapCog
from bot.discordbot.cogs.quiz import QuizCog
from bot.discordbot.group_cog import GroupCog

SHARED = ("interaction_check", "reading_autocomplete", "reading_for")


@pytest.mark.parametrize("cog", [QuizCog, MapCog, GuideCog])
def test_each_group_cog_uses_the_shared_base(cog: type[GroupCog]) -> None:
    assert issubclass(cog, GroupCog)
    for name in SHARED:
        assert name not in vars(cog), f"{cog.__name__} defines {name} again"
        assert getattr(cog, name) is getattr(GroupCog, name)


@pytest.mark.parametrize("cog", [QuizCog, MapCog, GuideCog])
def test_the_reading_option_completes_with_the_shared_callback(cog: type[GroupCog]) -> None:
    commands: list[app_commands.Command[Any, Any, Any]] = []
    for top in cog.__cog_app_commands__:
        found = top.commands if isinstance(top, app_commands.Group) else [top]
        commands += [c for c in found if isinstance(c, app_commands.Command)
                     and "reading" in c._params]
    assert commands, f"{cog.__name__} has no command with a reading option"
    for command in commands:
        assert command._params["reading"].autocomplete is GroupCog.reading_autocomplete
