"""Interactive pieces: choosing among contributors, and paging through long lists."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

import discord

from bot.discordbot import errors, limits
from bot.knowledge.model import Contributor

log = logging.getLogger(__name__)

Choose = Callable[[discord.Interaction[Any], str], Awaitable[None]]

TIMEOUT = 600.0  # seconds a view stays usable after it was last used


class BaseView(discord.ui.View):
    """A view whose failures go to the central error handler, shown disabled on timeout.

    Set :attr:`message` to the message carrying the view once it is sent, so that
    :meth:`on_timeout` can show its items disabled.
    """

    message: discord.Message | None = None

    async def on_timeout(self) -> None:
        """Disable every item and show that on the message (if it is still there)."""
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=errors.NO_PINGS)
        except discord.HTTPException as exc:  # the message (or the interaction) is gone
            log.debug("could not disable the expired view on message %s: %s",
                      self.message.id, exc)

    async def on_error(
        self,
        interaction: discord.Interaction[Any],
        error: Exception,
        item: discord.ui.Item[Any],
    ) -> None:
        await errors.on_interaction_error(interaction, error)


class ContributorChoice(BaseView):
    """'Which one do you mean?': a button per contributor (a select menu when many).

    `choose(interaction, contributor_id)` answers; it must respond to the interaction (and
    replace the choice). Unanswered, the choice is shown disabled when it times out.
    """

    def __init__(self, candidates: Sequence[Contributor], choose: Choose) -> None:
        super().__init__(timeout=TIMEOUT)
        self.choose = choose
        candidates = list(candidates)[: limits.SELECT_OPTIONS]
        if len(candidates) <= limits.ROW_BUTTONS:
            for c in candidates:
                button: discord.ui.Button[ContributorChoice] = discord.ui.Button(
                    label=limits.clip(c.name, limits.BUTTON_LABEL),
                    style=discord.ButtonStyle.primary,
                )
                button.callback = self._button_callback(c.id)  # type: ignore[method-assign,assignment]
                self.add_item(button)
        else:
            select: discord.ui.Select[ContributorChoice] = discord.ui.Select(
                placeholder="Which contributor do you mean?",
                options=[
                    discord.SelectOption(
                        label=limits.clip(c.name, limits.SELECT_OPTION_LABEL),
                        value=c.id,
                        description=limits.clip(c.affiliation, limits.SELECT_OPTION_DESCRIPTION)
                        or None,
                    )
                    for c in candidates
                ],
            )

            async def on_select(interaction: discord.Interaction[Any]) -> None:
                await self._chosen(interaction, select.values[0])

            select.callback = on_select  # type: ignore[method-assign]
            self.add_item(select)

    def _button_callback(
        self, contributor_id: str
    ) -> Callable[[discord.Interaction[Any]], Coroutine[Any, Any, None]]:
        async def callback(interaction: discord.Interaction[Any]) -> None:
            await self._chosen(interaction, contributor_id)

        return callback

    async def _chosen(self, interaction: discord.Interaction[Any], contributor_id: str) -> None:
        # The answer replaces the choice: the view is done and must not come back disabled.
        await self.choose(interaction, contributor_id)
        self.stop()


class Paginator(BaseView):
    """Previous / next buttons over pre-built embed pages; only the asker may turn pages.

    When it times out, the buttons are shown disabled on the page last shown.
    """

    def __init__(self, pages: Sequence[discord.Embed], owner_id: int) -> None:
        super().__init__(timeout=TIMEOUT)
        self.pages = list(pages)
        self.owner_id = owner_id
        self.index = 0
        self._sync_buttons()

    @property
    def page(self) -> discord.Embed:
        """The page shown now."""
        return self.pages[self.index]

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.counter.label = f"{self.index + 1} / {len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await errors.tell(interaction, "Only the person who asked can turn these pages.")
        return False

    async def _show(self, interaction: discord.Interaction[Any], step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._sync_buttons()
        await interaction.response.edit_message(
            embed=self.page, view=self, allowed_mentions=errors.NO_PINGS
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self._show(interaction, -1)

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await interaction.response.defer()

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self._show(interaction, 1)
