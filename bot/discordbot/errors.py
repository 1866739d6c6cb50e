"""The one place failures are turned into short, polite replies (and tracebacks in the log).

Slash commands (``tree.on_error``), text commands (``on_command_error``), buttons
(``View.on_error``) and mention answers all end up here, so a failing command never
takes the bot down and the user always hears back.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import limits
from bot.discordbot.checks import ChannelNotAllowed, CoolingDown
from bot.discordbot.reading_errors import ReadingUnavailable
from bot.discordbot.replies import THINKING
from bot.prompts.service import PromptError

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
POLITE = (
    "Sorry, something went wrong while answering that. It has been logged; "
    "please try again, or ask in other words."
)


def user_message(error: BaseException) -> str | None:
    """The message for an expected failure (cooldown, wrong channel, ...), else None."""
    if isinstance(error, ChannelNotAllowed | CoolingDown):
        return error.user_message()
    if isinstance(error, PromptError):  # written for the moderator (refusals included)
        return str(error)
    if isinstance(error, ReadingUnavailable):  # an unknown or broken reading, for the member
        return error.message
    if isinstance(error, app_commands.CommandNotFound):
        return "I don't know that command any more; it may need a moment to update."
    if isinstance(error, app_commands.NoPrivateMessage | commands.NoPrivateMessage):
        return "That only works in a server channel."
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole):
        return "You don't have permission to use that command."
    if isinstance(error, app_commands.CheckFailure | commands.CheckFailure):
        return "You can't use that command here."
    if isinstance(error, app_commands.TransformerError):
        return (
            "I couldn't use one of the values you gave (a channel I can't see, or a thread "
            "that was archived?). Please pick it from the list Discord offers."
        )
    if isinstance(error, commands.UserInputError):
        return f"I couldn't read that: {error}"
    if isinstance(error, discord.Forbidden):
        return (
            "Discord didn't let me do that: I may be missing a permission in that channel "
            "(View Channel, Send Messages, Embed Links, or Create Public Threads)."
        )
    return None


def unwrap(error: BaseException) -> BaseException:
    """The original exception inside discord.py's invoke wrappers."""
    while isinstance(error, app_commands.CommandInvokeError | commands.CommandInvokeError):
        error = error.original
    while isinstance(error, commands.HybridCommandError):
        error = error.original
    return error


async def tell(interaction: discord.Interaction[Any], text: str) -> None:
    """Send `text` to the interaction's user, privately, whether or not it was answered."""
    text = limits.clip(text, limits.CONTENT)
    try:
        if interaction.extras.get(THINKING):
            # the bot's own "thinking…" (see replies.acknowledge): replace it, or it never ends
            await interaction.edit_original_response(
                content=text, embeds=[], view=None, allowed_mentions=NO_PINGS
            )
        elif interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
    except discord.HTTPException:
        log.warning("could not tell the user about an error (interaction %s)", interaction.id)


async def on_app_command_error(
    interaction: discord.Interaction[Any], error: app_commands.AppCommandError
) -> None:
    """``tree.on_error``: expected failures get their message, the rest a polite apology."""
    await on_interaction_error(interaction, error)


async def on_interaction_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """Report any failure while handling an interaction (command, button, select)."""
    original = unwrap(error)
    message = user_message(original)
    command = interaction.command.qualified_name if interaction.command else "component"
    if isinstance(original, discord.Forbidden):  # the server's set-up, worth the operator's eye
        log.warning("Discord refused an action of /%s: %s", command, original)
    if message is None:
        log.error(
            "error in /%s (user %s, channel %s)",
            command,
            interaction.user.id if interaction.user else "?",
            interaction.channel_id,
            exc_info=original,
        )
        message = POLITE
    await tell(interaction, message)


async def on_command_error(ctx: commands.Context[Any], error: commands.CommandError) -> None:
    """``on_command_error`` for text commands; unknown commands are ignored quietly."""
    if isinstance(error, commands.CommandNotFound):
        return
    original = unwrap(error)
    message = user_message(original)
    if message is None:
        log.error("error in text command %s", ctx.command, exc_info=original)
        message = POLITE
    await reply_safely(ctx.message, message)


async def on_message_error(message: discord.Message, error: BaseException) -> None:
    """A failure while answering a mention or prefixed question."""
    log.error(
        "error answering message %s in channel %s", message.id, message.channel.id, exc_info=error
    )
    await reply_safely(message, POLITE)


async def reply_safely(message: discord.Message, text: str) -> None:
    """Reply without pinging anyone, and never raise."""
    try:
        await message.reply(
            limits.clip(text, limits.CONTENT), allowed_mentions=NO_PINGS, mention_author=False
        )
    except discord.HTTPException:
        log.warning("could not reply to message %s", message.id)
