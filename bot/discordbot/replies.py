"""Answering an interaction within Discord's deadline, without losing the answer.

Discord drops an interaction whose first response (the "callback") does not arrive within
three seconds of it. Three things can make a reply late: the answer itself takes long (the
engine runs on a worker thread meanwhile, see :mod:`.workers`), the callback meets server
errors (discord.py retries a 5xx after 1 s, then 3 s more), or it is slow to land. So:

- :func:`within_deadline` awaits the work and, when it takes more than :data:`DEFER_AFTER`
  seconds, acknowledges the interaction first ("thinking…"); the answer then replaces the
  acknowledgement, which may take up to the token's fifteen minutes.
- :func:`respond` sends the first response, but gives up waiting on it in time to keep
  :data:`ACK_RESERVE` seconds for a small acknowledgement, and then sends the answer as a
  follow-up (an edit of the acknowledged response). A callback that did land although
  Discord reported an error makes the next one fail with "already acknowledged" (40060):
  that is not a failure, and is logged at debug level without a traceback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import discord

from bot.discordbot import limits

log = logging.getLogger(__name__)

T = TypeVar("T")

ALREADY_ACKNOWLEDGED = 40060  # Discord's error code: this interaction was already answered
DEFER_AFTER = 1.0  # seconds of work after which an interaction is acknowledged first
ACK_RESERVE = 1.5  # seconds before the deadline kept for an acknowledgement
MIN_WAIT = 0.5  # the least time any one callback is given
RECEIVED = "reading_bot_received"  # key in Interaction.extras: loop time it arrived
THINKING = "reading_bot_thinking"  # key in Interaction.extras: "thinking…" awaits the answer


def note_received(interaction: discord.Interaction[Any]) -> float:
    """The loop time the interaction arrived (noted on the first call, e.g. in a check)."""
    extras: dict[str, Any] = interaction.extras
    if RECEIVED not in extras:
        extras[RECEIVED] = asyncio.get_running_loop().time()
    return float(extras[RECEIVED])


def time_left(interaction: discord.Interaction[Any]) -> float:
    """Seconds until Discord stops waiting for the interaction's first response."""
    now = asyncio.get_running_loop().time()
    return note_received(interaction) + limits.INTERACTION_DEADLINE - now


def already_acknowledged(error: BaseException) -> bool:
    """True for Discord's 40060: an earlier attempt to respond did land."""
    return isinstance(error, discord.HTTPException) and error.code == ALREADY_ACKNOWLEDGED


async def acknowledge(
    interaction: discord.Interaction[Any], *, ephemeral: bool = False, thinking: bool = True
) -> None:
    """Acknowledge the interaction now ("thinking…" for commands; for buttons, a silent
    acknowledgement that the clicked message will be edited). No-op when already done."""
    if interaction.response.is_done():
        return
    try:
        await interaction.response.defer(ephemeral=ephemeral, thinking=thinking)
    except discord.HTTPException as exc:
        if not already_acknowledged(exc):
            raise
        log.debug("interaction %s was already acknowledged (40060)", interaction.id)
        return
    interaction.extras[THINKING] = thinking


async def within_deadline(
    interaction: discord.Interaction[Any],
    work: Awaitable[T],
    *,
    ephemeral: bool = False,
    thinking: bool = True,
) -> T:
    """The result of `work`; the interaction is acknowledged meanwhile when `work` takes
    more than :data:`DEFER_AFTER` seconds (counted from the interaction's arrival)."""
    task = asyncio.ensure_future(work)
    wait = DEFER_AFTER - (limits.INTERACTION_DEADLINE - time_left(interaction))
    try:
        return await asyncio.wait_for(asyncio.shield(task), max(0.0, wait))
    except TimeoutError:
        pass
    await acknowledge(interaction, ephemeral=ephemeral, thinking=thinking)
    return await task


async def respond(
    interaction: discord.Interaction[Any],
    first: Callable[[], Awaitable[discord.Message | None]],
    later: Callable[[], Awaitable[discord.Message | None]],
    *,
    ephemeral: bool = False,
    thinking: bool = True,
) -> discord.Message | None:
    """Answer with `first()` (the interaction's first response) or, once the interaction is
    acknowledged, with `later()` (an edit of the acknowledged response).

    Returns the message shown when known; None when it landed but its id is unknown (or,
    logged as a warning, when Discord lost the interaction)."""
    if not interaction.response.is_done():
        budget = max(MIN_WAIT, time_left(interaction) - ACK_RESERVE)
        try:
            return await asyncio.wait_for(first(), budget)
        except discord.HTTPException as exc:
            if already_acknowledged(exc):
                log.debug("interaction %s: the reply had landed already (40060)", interaction.id)
                return None
            if not isinstance(exc, discord.DiscordServerError):
                raise
            why = f"Discord answered {exc.status}"
        except TimeoutError:
            why = f"no answer from Discord within {budget:.1f}s"
        log.info(
            "interaction %s: %s; acknowledging it and sending the reply as a follow-up",
            interaction.id,
            why,
        )
        try:
            await asyncio.wait_for(
                interaction.response.defer(ephemeral=ephemeral, thinking=thinking),
                max(MIN_WAIT, time_left(interaction)),
            )
            interaction.extras[THINKING] = thinking
        except discord.HTTPException as exc:
            if already_acknowledged(exc):  # the reply itself landed after all
                log.debug("interaction %s: the reply had landed after all (40060)", interaction.id)
                return None
            if not isinstance(exc, discord.DiscordServerError):
                raise
            log.info("interaction %s: the acknowledgement met %s too", interaction.id, exc.status)
        except TimeoutError:
            log.info("interaction %s: the acknowledgement was slow too", interaction.id)
    try:
        message = await later()
        interaction.extras.pop(THINKING, None)
        return message
    except discord.NotFound:
        log.warning("interaction %s expired before it could be answered", interaction.id)
        return None


async def send(
    interaction: discord.Interaction[Any],
    content: str | None,
    embeds: list[discord.Embed],
    *,
    ephemeral: bool = False,
    view: discord.ui.View | None = None,
    allowed_mentions: discord.AllowedMentions,
) -> discord.Message | None:
    """A new message answering the interaction (see :func:`respond`)."""
    extra: dict[str, Any] = {"view": view} if view is not None else {}

    async def first() -> discord.Message | None:
        callback = await interaction.response.send_message(
            content,
            embeds=embeds,
            ephemeral=ephemeral,
            allowed_mentions=allowed_mentions,
            **extra,
        )
        resource = callback.resource
        return resource if isinstance(resource, discord.InteractionMessage) else None

    async def later() -> discord.Message | None:
        return await interaction.edit_original_response(
            content=content, embeds=embeds, allowed_mentions=allowed_mentions, **extra
        )

    return await respond(interaction, first, later, ephemeral=ephemeral)


async def update(
    interaction: discord.Interaction[Any],
    content: str | None,
    embeds: list[discord.Embed],
    *,
    view: discord.ui.View | None = None,
    allowed_mentions: discord.AllowedMentions,
) -> discord.Message | None:
    """Replace the message whose button was clicked (see :func:`respond`)."""

    async def first() -> discord.Message | None:
        await interaction.response.edit_message(
            content=content, embeds=embeds, view=view, allowed_mentions=allowed_mentions
        )
        return None

    async def later() -> discord.Message | None:
        return await interaction.edit_original_response(
            content=content, embeds=embeds, view=view, allowed_mentions=allowed_mentions
        )

    return await respond(interaction, first, later, thinking=False)
