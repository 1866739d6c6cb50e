"""Questions about the reading: the slash commands, mention answers and the text prefix.

Each handler turns an event into one engine call and the engine's answer into a
message; the answering itself is all in :mod:`bot.engine`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import embeds, errors, limits
from bot.discordbot.checks import CoolingDown
from bot.discordbot.embeds import Rendered
from bot.discordbot.views import BaseView, ContributorChoice, Paginator
from bot.engine.answers import Reply
from bot.knowledge.model import Contributor, Kind

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
ASK_LIMIT = 3
KINDS = tuple(k.value for k in Kind)


class ReadingCog(commands.Cog, name="Reading"):
    """Slash commands and mention answers about the current reading."""

    def __init__(self, bot: ReadingBot) -> None:
        self.bot = bot

    @property
    def link(self) -> bool:
        """Whether answers link to the published reading."""
        return self.bot.config.discord.source_link

    # -- checks ----------

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Channel allow-list and per-user cooldown for every command of this cog."""
        self.bot.guard.check(interaction.channel, interaction.user)
        return True

    # -- helpers ----------

    async def _send(
        self,
        interaction: discord.Interaction[Any],
        rendered: Rendered,
        *,
        ephemeral: bool = False,
        view: discord.ui.View | None = None,
    ) -> None:
        kwargs: dict[str, Any] = {"ephemeral": ephemeral, "allowed_mentions": NO_PINGS}
        if view is not None:
            kwargs["view"] = view
        callback = await interaction.response.send_message(
            rendered.content, embeds=rendered.embeds, **kwargs
        )
        if isinstance(view, BaseView):  # so it can show its buttons disabled when it times out
            resource = callback.resource
            view.message = (
                resource
                if isinstance(resource, discord.InteractionMessage)
                else await interaction.original_response()
            )

    def _unknown_contributor(self, text: str) -> str:
        names = [c.name for c in self.bot.engine.suggest_contributors(text, limit=3)]
        hint = f" Did you mean {', '.join(names)}?" if names else ""
        name = limits.clip(text, 100)
        return f"I don't know a contributor called “{name}”.{hint} See /contributors."

    def _render_ask(self, reply: Reply) -> tuple[Rendered, discord.ui.View | None]:
        """An /ask or mention answer, with buttons to narrow it when a name was ambiguous."""
        reading = self.bot.engine.reading
        rendered = embeds.render_reply(reply, reading, self.link)
        if len(reply.candidates) < 2:
            return rendered, None
        candidates = [reading.contributor(cid) for cid in reply.candidates]
        question = reply.question

        async def choose(interaction: discord.Interaction[Any], contributor_id: str) -> None:
            chosen = self._answers_of(question, reading.contributor(contributor_id))
            await interaction.response.edit_message(
                content=chosen.content, embeds=chosen.embeds, view=None, allowed_mentions=NO_PINGS
            )

        names = " or ".join(c.name for c in candidates)
        lead = f"That could mean {names}; pick one to narrow the answer."
        content = f"{rendered.content}\n{lead}" if rendered.content else lead
        return Rendered(content, rendered.embeds), ContributorChoice(candidates, choose)

    def _answers_of(self, question: str, contributor: Contributor) -> Rendered:
        """After a choice: the chosen contributor's answers to the question (engine-ranked)."""
        engine = self.bot.engine
        reading = engine.reading
        mine = list(engine.ask(question, limit=ASK_LIMIT, contributor=contributor).answers)
        lead = f"**{contributor.name}**:"
        if not mine:
            mine = engine.positions(contributor)[:ASK_LIMIT]
            lead = f"{contributor.name} doesn't address that directly; their first points:"
        return Rendered(lead, [embeds.answer_embed(a, reading, self.link) for a in mine])

    # -- autocomplete ----------

    async def contributor_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Contributors ranked by the engine, at most 25, names within 100 characters."""
        choices = []
        for c in self.bot.engine.suggest_contributors(current, limit=limits.CHOICES):
            label = f"{c.name} — {c.affiliation}" if c.affiliation else c.name
            choices.append(
                app_commands.Choice(
                    name=limits.clip(label, limits.CHOICE_NAME),
                    value=limits.clip(c.name, limits.CHOICE_VALUE),
                )
            )
        return choices[: limits.CHOICES]

    async def kind_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The position kinds containing what was typed."""
        typed = current.strip().lower()
        return [
            app_commands.Choice(name=kind.capitalize(), value=kind)
            for kind in KINDS
            if typed in kind
        ][: limits.CHOICES]

    # -- slash commands ----------

    @app_commands.command(name="ask", description="Ask a question about the reading")
    @app_commands.describe(
        question="What you want to know, e.g. what did Nathan say about sanctions?",
        private="Only you see the answer",
    )
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, 500],
        private: bool = False,
    ) -> None:
        """Up to three cited answers, or a choice when the question names several people."""
        reply = self.bot.engine.ask(question, limit=ASK_LIMIT)
        rendered, view = self._render_ask(reply)
        await self._send(interaction, rendered, ephemeral=private, view=view)

    @app_commands.command(name="positions", description="Every position of one contributor")
    @app_commands.describe(contributor="Name of the contributor", kind="Only positions of a kind")
    @app_commands.autocomplete(contributor=contributor_autocomplete, kind=kind_autocomplete)
    async def positions(
        self,
        interaction: discord.Interaction[Any],
        contributor: app_commands.Range[str, 1, 100],
        kind: str | None = None,
    ) -> None:
        """A contributor's positions in text order, paginated when long."""
        engine = self.bot.engine
        person = engine.resolve_contributor(contributor)
        if person is None:
            await errors.tell(interaction, self._unknown_contributor(contributor))
            return
        if kind is not None and kind.strip().lower() not in KINDS:
            await errors.tell(interaction, f"Kinds are: {', '.join(KINDS)}.")
            return
        kind = kind.strip().lower() if kind else None
        found = engine.positions(person, kind)
        if not found:
            what = f"{kind} positions" if kind else "positions"
            await errors.tell(interaction, f"{person.name} has no {what} in the index.")
            return
        pages = embeds.positions_pages(person, found, engine.reading, kind, self.link)
        view = Paginator(pages, interaction.user.id) if len(pages) > 1 else None
        await self._send(interaction, Rendered(embeds=[pages[0]]), view=view)

    @app_commands.command(name="compare", description="Two contributors side by side")
    @app_commands.describe(
        first="A contributor", second="Another contributor", topic="Optional topic"
    )
    @app_commands.autocomplete(first=contributor_autocomplete, second=contributor_autocomplete)
    async def compare(
        self,
        interaction: discord.Interaction[Any],
        first: app_commands.Range[str, 1, 100],
        second: app_commands.Range[str, 1, 100],
        topic: app_commands.Range[str, 0, 200] = "",
    ) -> None:
        """Both contributors' positions, on the topic or on their main points."""
        reply = self.bot.engine.compare(first, second, topic)
        rendered = embeds.render_reply(reply, self.bot.engine.reading, self.link)
        await self._send(interaction, rendered)

    @app_commands.command(name="who", description="Who said what on a topic")
    @app_commands.describe(topic="A topic, e.g. trade, sanctions, dialogue")
    async def who(
        self, interaction: discord.Interaction[Any], topic: app_commands.Range[str, 1, 200]
    ) -> None:
        """One answer per contributor who spoke to the topic."""
        reply = self.bot.engine.who(topic)
        rendered = embeds.render_reply(reply, self.bot.engine.reading, self.link)
        await self._send(interaction, rendered)

    @app_commands.command(name="quote", description="A random quote, or one by a contributor")
    @app_commands.describe(contributor="Whose quote (leave empty for anyone)")
    @app_commands.autocomplete(contributor=contributor_autocomplete)
    async def quote(
        self,
        interaction: discord.Interaction[Any],
        contributor: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        """A quote with its source."""
        engine = self.bot.engine
        person = None
        if contributor:
            person = engine.resolve_contributor(contributor)
            if person is None:
                await errors.tell(interaction, self._unknown_contributor(contributor))
                return
        answer = engine.random_quote(person)
        embed = embeds.quote_embed(answer, engine.reading, self.link)
        await self._send(interaction, Rendered(embeds=[embed]))

    @app_commands.command(name="contributors", description="Who wrote which part of the reading")
    async def contributors(self, interaction: discord.Interaction[Any]) -> None:
        """The contributors in order, with affiliation and paragraphs."""
        embed = embeds.contributors_embed(self.bot.engine.reading, self.link)
        await self._send(interaction, Rendered(embeds=[embed]))

    @app_commands.command(name="reading", description="What the group is reading, with the link")
    async def reading(self, interaction: discord.Interaction[Any]) -> None:
        """Title, publication and link."""
        embed = embeds.reading_embed(self.bot.engine.reading, self.link)
        await self._send(interaction, Rendered(embeds=[embed]))

    # -- mentions and the text prefix ----------

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None when it is not addressed to it."""
        settings = self.bot.config.discord
        me = self.bot.user
        text = message.content or ""
        if settings.prefix and text.lower().startswith(settings.prefix.lower()):
            return text[len(settings.prefix) :].strip()
        if settings.answer_mentions and me is not None and me in message.mentions:
            return re.sub(rf"<@!?{me.id}>", " ", text).strip()
        return None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a mention (or prefixed question) with a reply to that message."""
        if message.author.bot or message.webhook_id is not None:
            return
        question = self.question_in(message)
        if question is None or not self.bot.guard.channel_allowed(message.channel):
            return
        try:
            wait = self.bot.guard.cooldown.hit(message.author.id)
            if wait > 0:
                await errors.reply_safely(message, CoolingDown(wait).user_message())
                return
            if not question:
                title = self.bot.engine.reading.title
                await errors.reply_safely(
                    message,
                    f"Ask me about *{title}*, e.g. “what did Nathan say about sanctions?”, "
                    "or use /ask.",
                )
                return
            reply = self.bot.engine.ask(limits.clip(question, 500), limit=ASK_LIMIT)
            rendered, view = self._render_ask(reply)
            kwargs: dict[str, Any] = {}
            if view is not None:
                kwargs["view"] = view
            sent = await message.reply(
                rendered.content,
                embeds=rendered.embeds,
                allowed_mentions=NO_PINGS,
                mention_author=False,
                **kwargs,
            )
            if isinstance(view, BaseView):
                view.message = sent
        except Exception as exc:  # the central handler logs it and apologises
            await errors.on_message_error(message, exc)


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(ReadingCog(bot))
