"""Questions about the reading: the slash commands, mention answers and the text prefix.

Each handler turns an event into one engine call and the engine's answer into a
message; the answering itself is all in :mod:`bot.engine`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import embeds, errors, limits, replies
from bot.discordbot.checks import CoolingDown
from bot.discordbot.echo import echo
from bot.discordbot.embeds import Rendered
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.errors import NO_PINGS
from bot.discordbot.reading_commands import READING_CHARS, READING_OPTION, reading_choices
from bot.discordbot.reading_errors import ReadingUnavailable
from bot.discordbot.readings import channel_ids
from bot.discordbot.views import BaseView, ContributorChoice, Paginator
from bot.discordbot.visibility import hidden_moderator_roles, integrations_hint
from bot.engine.answers import Reply
from bot.engine.conversation import Conversation
from bot.engine.text import MAX_MESSAGE_CHARS
from bot.knowledge.model import Contributor, Kind

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

T = TypeVar("T")

ASK_LIMIT = 3  # answers per question
QUESTION_CHARS = 500  # the longest question /ask takes
# A mention's whole message goes to the engine, which finds the question in it
MESSAGE_CHARS = MAX_MESSAGE_CHARS
NAME_CHARS = 100  # the longest contributor name taken
TOPIC_CHARS = 200  # the longest topic taken
KINDS = tuple(k.value for k in Kind)
# "@Bot /prompt next", "@Bot prompt list": someone looking for the moderators' commands
PROMPT_ATTEMPT = re.compile(
    r"^/prompt\b|^prompt\s+(next|list|post|add|remove|schedule|unschedule)\b", re.IGNORECASE
)


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
        replies.note_received(interaction)  # the reply's deadline counts from here
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
    ) -> discord.Message | None:
        """Answer the interaction (in time, or as a follow-up: see :mod:`.replies`); returns
        the message shown when it is known."""
        message = await replies.send(
            interaction,
            rendered.content,
            rendered.embeds,
            ephemeral=ephemeral,
            view=view,
            allowed_mentions=NO_PINGS,
        )
        if message is None:  # it landed, but its id is unknown: ask for it
            try:
                message = await interaction.original_response()
            except discord.HTTPException as exc:
                log.debug("no original response for interaction %s: %s", interaction.id, exc)
        if isinstance(view, BaseView):  # so it can show its buttons disabled when it times out
            view.message = message
        return message

    async def _answer(
        self,
        interaction: discord.Interaction[Any],
        fn: Callable[..., T],
        *args: Any,
        ephemeral: bool = False,
    ) -> T:
        """`fn(*args)` run on an answer thread, acknowledging the interaction if it is slow."""
        work = self.bot.answers.run(fn, *args)
        return await replies.within_deadline(interaction, work, ephemeral=ephemeral)

    def _conversation(
        self,
        channel_id: int | None,
        user_id: int,
        replying_to: int | None = None,
        reading: str | None = None,
    ) -> Conversation:
        """The conversation a question from this member in this channel (about `reading`)
        belongs to."""
        return self.bot.conversations.current(channel_id or 0, user_id, replying_to, reading)

    def _unknown_contributor(self, text: str, engine: AnswerEngine) -> str:
        names = [c.name for c in engine.suggest_contributors(text, limit=3)]
        hint = f" Did you mean {', '.join(names)}?" if names else ""
        return f"I don't know a contributor called “{echo(text)}”.{hint} See /contributors."

    def _render_ask(
        self, reply: Reply, engine: AnswerEngine
    ) -> tuple[Rendered, discord.ui.View | None]:
        """An /ask or mention answer, with buttons to narrow it when a name was ambiguous."""
        reading = engine.reading
        rendered = embeds.render_reply(reply, reading, self.link)
        if len(reply.candidates) < 2:
            return rendered, None
        candidates = [reading.contributor(cid) for cid in reply.candidates]
        question = reply.question

        async def choose(interaction: discord.Interaction[Any], contributor_id: str) -> None:
            replies.note_received(interaction)
            work = self.bot.answers.run(
                self._answers_of, question, reading.contributor(contributor_id), engine
            )
            chosen = await replies.within_deadline(interaction, work, thinking=False)
            await replies.update(
                interaction, chosen.content, chosen.embeds, allowed_mentions=NO_PINGS
            )

        names = " or ".join(c.name for c in candidates)
        lead = f"That could mean {names}; pick one to narrow the answer."
        content = f"{rendered.content}\n{lead}" if rendered.content else lead
        return Rendered(content, rendered.embeds), ContributorChoice(candidates, choose)

    def _answers_of(
        self, question: str, contributor: Contributor, engine: AnswerEngine
    ) -> Rendered:
        """After a choice: the chosen contributor's answers to the question (engine-ranked)."""
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
        """Contributors ranked by the engine, at most 25, names within 100 characters (of the
        reading the command's `reading` option names, else the one in use here)."""
        option = getattr(interaction.namespace, "reading", None)
        try:
            engine = await self.bot.readings.here(interaction, option)
        except ReadingUnavailable:
            return []
        choices = []
        for c in engine.suggest_contributors(current, limit=limits.CHOICES):
            label = f"{c.name} — {c.affiliation}" if c.affiliation else c.name
            choices.append(
                app_commands.Choice(
                    name=limits.clip(label, limits.CHOICE_NAME),
                    value=limits.clip(c.name, limits.CHOICE_VALUE),
                )
            )
        return choices[: limits.CHOICES]

    async def reading_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The reading ids (with titles where known) containing what was typed."""
        return reading_choices(self.bot.readings, current, interaction.guild_id)

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
        reading=READING_OPTION,
    )
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, QUESTION_CHARS],
        private: bool = False,
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """Up to three cited answers, or a choice when the question names several people."""
        engine = await self.bot.readings.here(interaction, reading)
        conversation = self._conversation(
            interaction.channel_id, interaction.user.id, reading=engine.reading.id
        )
        reply = await self._answer(
            interaction, engine.ask, question, ASK_LIMIT, None, conversation,
            ephemeral=private,
        )
        rendered, view = self._render_ask(reply, engine)
        sent = await self._send(interaction, rendered, ephemeral=private, view=view)
        if sent is not None:
            self.bot.conversations.remember(sent.id, conversation, engine.reading.id)

    @app_commands.command(name="positions", description="Every position of one contributor")
    @app_commands.describe(
        contributor="Name of the contributor", kind="Only positions of a kind",
        reading=READING_OPTION,
    )
    @app_commands.autocomplete(
        contributor=contributor_autocomplete, kind=kind_autocomplete,
        reading=reading_autocomplete,
    )
    async def positions(
        self,
        interaction: discord.Interaction[Any],
        contributor: app_commands.Range[str, 1, NAME_CHARS],
        kind: str | None = None,
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """A contributor's positions in text order, paginated when long."""
        engine = await self.bot.readings.here(interaction, reading)
        person = engine.resolve_contributor(contributor)
        if person is None:
            await errors.tell(interaction, self._unknown_contributor(contributor, engine))
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
        first="A contributor", second="Another contributor", topic="Optional topic",
        reading=READING_OPTION,
    )
    @app_commands.autocomplete(
        first=contributor_autocomplete, second=contributor_autocomplete,
        reading=reading_autocomplete,
    )
    async def compare(
        self,
        interaction: discord.Interaction[Any],
        first: app_commands.Range[str, 1, NAME_CHARS],
        second: app_commands.Range[str, 1, NAME_CHARS],
        topic: app_commands.Range[str, 0, TOPIC_CHARS] = "",
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """Both contributors' positions, on the topic or on their main points.

        What the member typed is never shown publicly: an unknown name is reported to them
        alone (escaped and cut short), and so is a comparison the reading does not cover.
        """
        engine = await self.bot.readings.here(interaction, reading)
        for name in (first, second):
            if engine.resolve_contributor(name) is None:
                await errors.tell(interaction, self._unknown_contributor(name, engine))
                return
        reply = await self._answer(interaction, engine.compare, first, second, topic)
        rendered = embeds.render_reply(reply, engine.reading, self.link)
        await self._send(interaction, rendered, ephemeral=reply.abstained)

    @app_commands.command(name="who", description="Who said what on a topic")
    @app_commands.describe(topic="A topic, e.g. trade, sanctions, dialogue", reading=READING_OPTION)
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def who(
        self,
        interaction: discord.Interaction[Any],
        topic: app_commands.Range[str, 1, TOPIC_CHARS],
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """One answer per contributor who spoke to the topic."""
        engine = await self.bot.readings.here(interaction, reading)
        reply = await self._answer(interaction, engine.who, topic)
        rendered = embeds.render_reply(reply, engine.reading, self.link)
        await self._send(interaction, rendered)

    @app_commands.command(name="quote", description="A random quote, or one by a contributor")
    @app_commands.describe(
        contributor="Whose quote (leave empty for anyone)", reading=READING_OPTION
    )
    @app_commands.autocomplete(contributor=contributor_autocomplete, reading=reading_autocomplete)
    async def quote(
        self,
        interaction: discord.Interaction[Any],
        contributor: app_commands.Range[str, 1, NAME_CHARS] | None = None,
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """A quote with its source."""
        engine = await self.bot.readings.here(interaction, reading)
        person = None
        if contributor:
            person = engine.resolve_contributor(contributor)
            if person is None:
                await errors.tell(interaction, self._unknown_contributor(contributor, engine))
                return
        answer = engine.random_quote(person)
        embed = embeds.quote_embed(answer, engine.reading, self.link)
        await self._send(interaction, Rendered(embeds=[embed]))

    @app_commands.command(name="contributors", description="Who wrote which part of the reading")
    async def contributors(self, interaction: discord.Interaction[Any]) -> None:
        """The contributors in order, with affiliation and paragraphs (of the reading here)."""
        engine = await self.bot.readings.here(interaction)
        embed = embeds.contributors_embed(engine.reading, self.link)
        await self._send(interaction, Rendered(embeds=[embed]))

    # -- mentions and the text prefix ----------

    def replied_to(self, message: discord.Message) -> int | None:
        """The id of the bot message `message` replies to, when the bot remembers it."""
        ref = message.reference
        if ref is None or ref.message_id is None:
            return None
        if self.bot.conversations.of_message(ref.message_id) is None:
            return None
        return ref.message_id

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None when it is not addressed to it: a
        prefixed message, a mention, or a reply to one of the bot's answers."""
        settings = self.bot.config.discord
        me = self.bot.user
        text = message.content or ""
        if settings.prefix and text.lower().startswith(settings.prefix.lower()):
            return text[len(settings.prefix) :].strip()
        mentioned = me is not None and me in message.mentions
        if settings.answer_mentions and (mentioned or self.replied_to(message) is not None):
            return re.sub(rf"<@!?{me.id}>", " ", text).strip() if me else text.strip()
        return None

    def prompt_hint(self, author: discord.abc.User) -> str:
        """Where the prompt commands are, for a member who asked the bot for one in a message;
        for a moderator by role whom Discord hides ``/prompt`` from, how to show it."""
        if isinstance(author, discord.Member) and not author.guild_permissions.manage_messages:
            guild = author.guild
            hidden = hidden_moderator_roles(guild, self.bot.config.prompts.moderator_roles)
            theirs = [r for r in hidden if r in author.roles]
            if theirs:
                name = guild.me.display_name if guild.me else "the bot"
                return f"{integrations_hint(theirs, name)} Ask someone with Manage Server to."
        return (
            "Discussion prompts are slash commands: type /prompt and pick one (they are for "
            "moderators, so they only show for them)."
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a mention (or prefixed question, or reply to an answer) with a reply."""
        if message.author.bot or message.webhook_id is not None:
            return
        question = self.question_in(message)
        if question is None or not self.bot.guard.channel_allowed(message.channel):
            return
        try:
            cooldown = self.bot.guard.cooldown
            wait = cooldown.hit(message.author.id)
            if wait > 0:
                # A reply is public (a mention has no private route): one note per member per
                # window, then silence, so a member who keeps asking cannot flood the channel.
                if cooldown.note_due(message.author.id):
                    await errors.reply_safely(message, CoolingDown(wait).user_message())
                return
            replied = self.replied_to(message)
            # a reply to an answer goes on with that answer's reading, else the one used here
            here = (replied and self.bot.conversations.reading_of(replied)) or (
                self.bot.readings.chosen(
                    message.guild.id if message.guild else None, channel_ids(message.channel)
                )
            )
            try:
                engine = await self.bot.readings.engine(
                    here, message.guild.id if message.guild else None
                )
            except ReadingUnavailable as exc:
                await errors.reply_safely(message, exc.message)
                return
            if not question:
                title = engine.reading.title
                await errors.reply_safely(
                    message,
                    f"Ask me about *{title}*, e.g. “what did Nathan say about sanctions?”, "
                    "or use /ask.",
                )
                return
            if PROMPT_ATTEMPT.match(question):
                await errors.reply_safely(message, self.prompt_hint(message.author))
                return
            conversation = self._conversation(
                message.channel.id, message.author.id, replied, engine.reading.id
            )
            reply = await self.bot.answers.run(
                engine.ask,
                question[:MESSAGE_CHARS],
                ASK_LIMIT,
                None,
                conversation,
            )
            rendered, view = self._render_ask(reply, engine)
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
            self.bot.conversations.remember(sent.id, conversation, engine.reading.id)
            if isinstance(view, BaseView):
                view.message = sent
        except Exception as exc:  # the central handler logs it and apologises
            await errors.on_message_error(message, exc)


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(ReadingCog(bot))
