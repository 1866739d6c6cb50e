"""What the reading commands share: the `reading` option, its autocomplete, the moderator
check of ``/reading use`` and ``/reading reload``, and the ``/reading list`` embed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.discordbot import limits
from bot.library import ReadingState
from bot.prompts.access import is_moderator

if TYPE_CHECKING:
    from bot.discordbot.readings import Readings

READING_CHARS = 100  # the longest reading id taken
READING_OPTION = "Another reading of the library (default: the one used here)"
NOT_MODERATOR = (
    "Sorry, choosing and reloading readings is for the study group's moderators (Manage "
    "Messages, or a moderator role)."
)


def reading_choices(
    readings: Readings, current: str, guild_id: int | None = None
) -> list[app_commands.Choice[str]]:
    """Autocomplete: the reading ids (with titles where known) containing what was typed;
    in a server, its own readings too."""
    typed = current.strip().lower()
    found = []
    for rid in readings.ids(guild_id):
        title = readings.title(rid, guild_id)
        if typed and typed not in rid.lower() and typed not in title.lower():
            continue
        label = f"{rid} — {title}" if title else rid
        found.append(
            app_commands.Choice(
                name=limits.clip(label, limits.CHOICE_NAME), value=rid[: limits.CHOICE_VALUE]
            )
        )
    return found[: limits.CHOICES]


def moderates(interaction: discord.Interaction[Any], moderator_roles: Sequence[str]) -> bool:
    """Manage Messages here, or a role named in ``prompts.moderator_roles``."""
    member = interaction.user
    if not isinstance(member, discord.Member):
        return False
    roles = [(r.id, r.name) for r in member.roles]
    return is_moderator(
        manage_messages=interaction.permissions.manage_messages,
        roles=roles,
        moderator_roles=moderator_roles,
    )


def state_line(state: ReadingState, marks: Sequence[str]) -> str:
    """One reading in ``/reading list``: id, title, positions, review and problems."""
    title = discord.utils.escape_markdown(state.title) if state.title else "(untitled)"
    if state.ok:
        health = f"{state.positions} positions"
        if state.unreviewed:
            health += f", {state.unreviewed} unreviewed"
    else:
        noun = "problem" if len(state.problems) == 1 else "problems"
        health = f"⚠ broken: {len(state.problems)} {noun} (skipped until fixed)"
    tail = f" — **{', '.join(marks)}**" if marks else ""
    return f"`{state.id}` {title} · {health}{tail}"


def list_embed(states: Sequence[ReadingState], marks: dict[str, list[str]]) -> discord.Embed:
    """Every reading with its state, the ones in use here marked."""
    lines = [state_line(s, marks.get(s.id, [])) for s in states]
    embed = discord.Embed(
        title=f"Readings ({len(states)})",
        description=limits.clip("\n".join(lines) or "No readings.", limits.EMBED_DESCRIPTION),
    )
    embed.set_footer(text="Moderators: /reading use to pick one, /reading reload after edits.")
    return limits.fit_embed(embed)


def problems_embed(reading_id: str, problems: Sequence[str]) -> discord.Embed:
    """Why a reload was refused: the problems, cut to Discord's limits."""
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [f"- {discord.utils.escape_markdown(p)}" for p in problems]
    embed = discord.Embed(
        title=limits.clip(f"Kept the old index of {reading_id}", limits.EMBED_TITLE),
        description=limits.clip(
            f"The files have {len(problems)} {noun}; fix them and reload again:\n"
            + "\n".join(lines),
            limits.EMBED_DESCRIPTION,
        ),
    )
    return limits.fit_embed(embed)
