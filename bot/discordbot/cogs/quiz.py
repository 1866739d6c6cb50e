"""``/quiz``: "who said it?" in a channel, with points, speed bonus, streaks and scores.

``/quiz start [rounds] [reading] [kind]`` runs one quiz per channel: each round shows a
verbatim quote (names masked) and a button per contributor for ``quiz.round_seconds``;
then the round's message turns into the answer with its paragraph and who got it right and
how fast. ``/quiz stop`` (the starter or a moderator) ends it; ``/quiz scores`` is the
server's leaderboard (pages, names without pings) and ``/quiz me`` one's own record.

The quiz logic is in :mod:`bot.quiz`; scores go to SQLite (:class:`~bot.quiz.store.QuizStore`,
off the event loop) when each round closes. A quiz still recorded as running when the bot
starts (it stopped mid-quiz) is ended with a message in its channel; its recorded rounds
stay counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import embeds, errors, limits
from bot.discordbot.errors import NO_PINGS
from bot.discordbot.group_cog import GroupCog
from bot.discordbot.views import Paginator
from bot.knowledge.model import Contributor, Kind, Reading
from bot.prompts.access import is_moderator
from bot.quiz import draw
from bot.quiz.render import outcome_lines
from bot.quiz.session import Answered, QuizSession, RoundOutcome, Standing
from bot.quiz.store import ActiveQuiz, ChannelBusy, QuizStore, Score, default_path

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

PREFIX = "quiz"
MAX_ROUNDS = 20
BUTTONS = 25  # Discord's limit per message (5 rows of 5); beyond it, a select menu
PER_PAGE = 10
LEADERBOARD_MAX = 200  # members shown over all pages
PARAGRAPH_ROOM = 900
KINDS = tuple(k.value for k in Kind)
RESTARTED = (
    "The quiz in this channel ended because the bot restarted. The rounds already played "
    "are counted: see /quiz scores. Start a new one with /quiz start."
)

Timer = Callable[[float], Awaitable[None]]


def display(name: str) -> str:
    """A member's name as shown: no mentions, no markdown."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(name)) or "someone"


@dataclass
class Game:
    """A quiz running in one channel."""

    session: QuizSession
    reading: Reading
    contributors: list[Contributor]  # the answers offered, in speaking order
    guild_id: int
    channel_id: int
    starter_id: int
    token: str = field(default_factory=lambda: secrets.token_hex(4))
    stopped_by: str | None = None
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    view: RoundView | None = None
    task: asyncio.Task[None] | None = None

    def custom_id(self, round_number: int, choice: int | None = None) -> str:
        """'quiz:<token>:<round>[:<index>]' for the round's buttons (or its select)."""
        base = f"{PREFIX}:{self.token}:{round_number}"
        return base if choice is None else f"{base}:{choice}"


def parse_custom_id(custom_id: str) -> tuple[str, int, int | None] | None:
    """(token, round, choice index or None) of a quiz component's custom id, else None."""
    parts = custom_id.split(":")
    if len(parts) not in (3, 4) or parts[0] != PREFIX or not parts[2].isdigit():
        return None
    if len(parts) == 4 and not parts[3].isdigit():
        return None
    return parts[1], int(parts[2]), int(parts[3]) if len(parts) == 4 else None


Answer = Callable[[discord.Interaction[Any], int], Coroutine[Any, Any, None]]


class RoundView(discord.ui.View):
    """One button per contributor (a select menu beyond 25); stopped when the round ends."""

    def __init__(
        self,
        game: Game,
        answer: Answer | None,
        *,
        reveal: str | None = None,
    ) -> None:
        super().__init__(timeout=None)
        number = game.session.number
        people = game.contributors
        if len(people) <= BUTTONS:
            for i, c in enumerate(people):
                style = discord.ButtonStyle.primary  # open; once revealed, the answer in green
                if reveal is not None:
                    style = (
                        discord.ButtonStyle.success if c.id == reveal
                        else discord.ButtonStyle.secondary
                    )
                button: discord.ui.Button[RoundView] = discord.ui.Button(
                    label=limits.clip(c.name, 80),
                    style=style,
                    custom_id=game.custom_id(number, i),
                    disabled=reveal is not None,
                    row=i // 5,
                )
                if answer is not None:
                    button.callback = self._button(answer, i)  # type: ignore[method-assign,assignment]
                self.add_item(button)
        else:
            select: discord.ui.Select[RoundView] = discord.ui.Select(
                placeholder="Who said it?",
                custom_id=game.custom_id(number),
                disabled=reveal is not None,
                options=[
                    discord.SelectOption(label=limits.clip(c.name, 100), value=str(i))
                    for i, c in enumerate(people[:25])
                ],
            )
            if answer is not None:

                async def on_select(interaction: discord.Interaction[Any]) -> None:
                    await answer(interaction, int(select.values[0]))

                select.callback = on_select  # type: ignore[method-assign]
            self.add_item(select)

    @staticmethod
    def _button(
        answer: Answer, index: int
    ) -> Callable[[discord.Interaction[Any]], Coroutine[Any, Any, None]]:
        async def callback(interaction: discord.Interaction[Any]) -> None:
            await answer(interaction, index)

        return callback

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await errors.on_interaction_error(interaction, error)


# -- embeds -------------------------------------------------------------------------------


def round_embed(game: Game, round_seconds: float) -> discord.Embed:
    """The question: the masked quote, and how long there is to answer."""
    s = game.session
    embed = discord.Embed(
        title=f"Who said it? Round {s.number} of {s.rounds}",
        description=limits.block_quote(limits.clip(s.question.masked.text, 3500)),
        colour=embeds.COLOUR,
    )
    embed.set_footer(
        text=f"{round_seconds:g} seconds · one answer each: the first click counts · "
        f"{limits.clip(game.reading.title, 120)}"
    )
    return limits.fit_embed(embed)


def reveal_embed(game: Game, outcome: RoundOutcome, link: bool) -> discord.Embed:
    """The answer: who said it, the whole quote, its paragraph, who was right and how fast."""
    reading = game.reading
    q = outcome.question
    author = reading.contributor(q.answer)
    paragraph = reading.paragraph(q.position.paragraph).text
    embed = discord.Embed(
        title=f"Round {outcome.number} of {game.session.rounds}: it was {author.name}",
        description=limits.block_quote(limits.clip(q.position.quote, 3000)),
        colour=embeds.COLOUR,
    )
    embed.add_field(
        name="Source", value=embeds.source_line(reading, q.position.paragraph, link), inline=False
    )
    embed.add_field(
        name=f"¶ {q.position.paragraph}",
        value=limits.clip(paragraph, PARAGRAPH_ROOM),
        inline=False,
    )
    lines = [display(line) for line in outcome_lines(outcome, reading)]
    right = len(outcome.right)
    name = f"{right} of {len(outcome.results)} right" if outcome.results else "No answers"
    embed.add_field(
        name=name,
        value=limits.clip("\n".join(lines), limits.FIELD_VALUE) if lines else "Nobody answered.",
        inline=False,
    )
    return limits.fit_embed(embed)


def standings_embed(game: Game, ranking: Sequence[Standing]) -> discord.Embed:
    """The end of a quiz: this quiz's standings."""
    title = "Quiz over" if game.stopped_by is None else "Quiz stopped"
    lines = [
        f"{i}. **{display(s.name)}**: {s.points} points, {s.right} of {s.answered} right, "
        f"best streak {s.best_streak}"
        for i, s in enumerate(ranking, start=1)
    ]
    embed = discord.Embed(
        title=title,
        description="\n".join(lines[:30]) or "Nobody answered.",
        colour=embeds.COLOUR,
    )
    note = "Scores are saved: /quiz scores for the server, /quiz me for yours."
    if game.stopped_by:
        note = f"Stopped by {display(game.stopped_by)}. {note}"
    embed.set_footer(text=note)
    return limits.fit_embed(embed)


def leaderboard_pages(scores: Sequence[Score], total: int, server: str) -> list[discord.Embed]:
    """The server's leaderboard in pages of :data:`PER_PAGE` members."""
    chunks = [scores[i : i + PER_PAGE] for i in range(0, len(scores), PER_PAGE)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        lines = [
            f"{s.rank}. **{display(s.name)}**: {s.points} points · {s.right} of {s.played} "
            f"right · best streak {s.best_streak}"
            for s in chunk
        ]
        embed = discord.Embed(
            title=f"Who said it? Leaderboard of {limits.clip(server, 150)}",
            description="\n".join(lines) or "No scores yet: start a quiz with /quiz start.",
            colour=embeds.COLOUR,
        )
        shown = f"{total} players" if total <= len(scores) else f"top {len(scores)} of {total}"
        embed.set_footer(text=f"Page {number} of {len(chunks)} · {shown}")
        pages.append(limits.fit_embed(embed))
    return pages


def me_embed(score: Score | None, name: str) -> discord.Embed:
    """One member's record on the server."""
    if score is None:
        return discord.Embed(
            description="You have no quiz score here yet: join a quiz (/quiz start).",
            colour=embeds.COLOUR,
        )
    share = f" ({100 * score.right // score.played}%)" if score.played else ""
    embed = discord.Embed(title=f"{display(name)}: who said it?", colour=embeds.COLOUR)
    embed.add_field(name="Points", value=str(score.points))
    embed.add_field(name="Right", value=f"{score.right} of {score.played}{share}")
    embed.add_field(name="Best streak", value=str(score.best_streak))
    embed.add_field(name="Place", value=f"{score.rank} on this server")
    return embed


# -- the cog ------------------------------------------------------------------------------


class QuizCog(GroupCog, name="Quiz"):
    """Who said it? One quiz per channel; scores per server."""

    quiz = app_commands.Group(
        name="quiz", description="Who said it? A quiz on the reading's quotes", guild_only=True
    )

    def __init__(self, bot: ReadingBot, store: QuizStore | None = None) -> None:
        super().__init__(bot)
        self._store = store  # opened (and migrated) off the event loop in cog_load
        self.games: dict[int, Game] = {}  # by channel id
        self.timer: Timer = asyncio.sleep  # how a round waits (tests put their own)
        self.clock: Callable[[], float] = time.monotonic
        self._recovery: asyncio.Task[None] | None = None

    @property
    def store(self) -> QuizStore:
        """The score database (open once the cog is loaded)."""
        if self._store is None:
            raise RuntimeError("the quiz cog is not loaded yet")
        return self._store

    @property
    def round_seconds(self) -> float:
        """How long a round lasts (``quiz.round_seconds``)."""
        return self.bot.config.quiz.round_seconds

    async def cog_load(self) -> None:
        """Open the score database, and take the quizzes a previous run left running, to
        end them once connected."""
        if self._store is None:
            path = default_path(self.bot.config.prompts.database)
            self._store = await asyncio.to_thread(QuizStore, path)
        abandoned = await asyncio.to_thread(self.store.take_abandoned)
        if abandoned:
            self._recovery = asyncio.create_task(self._end_abandoned(abandoned))

    async def cog_unload(self) -> None:
        """Stop the running quizzes' tasks (their rows stay, so the next start ends them)."""
        tasks = [g.task for g in self.games.values() if g.task is not None]
        for game in self.games.values():
            if game.view is not None:
                game.view.stop()
        for task in tasks:
            task.cancel()
        if self._recovery is not None:
            self._recovery.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.games.clear()

    async def _end_abandoned(self, abandoned: Sequence[ActiveQuiz]) -> None:
        await self.bot.wait_until_ready()
        for quiz in abandoned:
            channel = self.bot.get_partial_messageable(quiz.channel_id, guild_id=quiz.guild_id)
            try:
                if quiz.message_id is not None:  # the last round's buttons go
                    with contextlib.suppress(discord.HTTPException):
                        await channel.get_partial_message(quiz.message_id).edit(view=None)
                await channel.send(RESTARTED, allowed_mentions=NO_PINGS)
            except discord.HTTPException as exc:
                log.warning("could not end the quiz left in channel %s: %s", quiz.channel_id, exc)

    # -- autocomplete --------------------------------------------------------------------

    async def kind_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The position kinds containing what was typed."""
        typed = current.strip().lower()
        return [
            app_commands.Choice(name=k.capitalize(), value=k) for k in KINDS if typed in k
        ][: limits.CHOICES]

    # -- commands ------------------------------------------------------------------------

    @quiz.command(name="start", description="Start a 'who said it?' quiz in this channel")
    @app_commands.describe(
        rounds="How many quotes (default 5)",
        reading="Which reading (default: the group's)",
        kind="Only quotes of one kind (claim, critique, ...)",
    )
    @app_commands.autocomplete(reading=GroupCog.reading_autocomplete, kind=kind_autocomplete)
    async def start(
        self,
        interaction: discord.Interaction[Any],
        rounds: app_commands.Range[int, 1, MAX_ROUNDS] = 5,
        reading: str | None = None,
        kind: str | None = None,
    ) -> None:
        """Draw the questions, announce the quiz and run it in the background."""
        channel_id = interaction.channel_id
        if channel_id is None or interaction.guild_id is None:
            await errors.tell(interaction, "A quiz needs a server channel.")
            return
        if channel_id in self.games:
            await errors.tell(
                interaction, "A quiz is already running in this channel; /quiz stop ends it."
            )
            return
        if kind is not None and kind.strip().lower() not in KINDS:
            await errors.tell(interaction, f"Kinds are: {', '.join(KINDS)}.")
            return
        kind = kind.strip().lower() if kind else None
        chosen = await self.reading_for(interaction, reading)
        if chosen is None:
            return
        questions = draw.draw(draw.eligible(chosen, kind), rounds)
        if not questions:
            what = f"{kind} quotes" if kind else "quotes"
            await errors.tell(interaction, f"This reading has no {what} distinctive enough.")
            return
        people = sorted(chosen.contributors, key=lambda c: c.order)
        game = Game(
            session=QuizSession(
                questions, [c.id for c in people], self.round_seconds, clock=self.clock
            ),
            reading=chosen,
            contributors=people,
            guild_id=interaction.guild_id,
            channel_id=channel_id,
            starter_id=interaction.user.id,
        )
        self.games[channel_id] = game  # claimed before any await: one quiz per channel
        try:
            await asyncio.to_thread(
                self.store.begin,
                ActiveQuiz(channel_id, game.guild_id, game.starter_id, chosen.id, len(questions),
                           None),
            )
        except ChannelBusy:  # another process runs one here
            self.games.pop(channel_id, None)
            await errors.tell(interaction, "A quiz is already running in this channel.")
            return
        except BaseException:
            self.games.pop(channel_id, None)
            raise
        few = "" if len(questions) == rounds else f" (only {len(questions)} fair quotes)"
        what = f" {kind}" if kind else ""
        await interaction.response.send_message(
            f"**Who said it?** {display(interaction.user.display_name)} started a quiz of "
            f"{len(questions)}{what} rounds{few} on *{limits.clip(chosen.title, 200)}*. "
            f"{self.round_seconds:g} seconds per quote; pick who said it. "
            "Points for right answers, more for fast ones.",
            allowed_mentions=NO_PINGS,
        )
        game.task = asyncio.create_task(self._run(game))

    @quiz.command(name="stop", description="Stop the quiz in this channel")
    async def stop(self, interaction: discord.Interaction[Any]) -> None:
        """The starter or a moderator ends the quiz after the current round."""
        game = self.games.get(interaction.channel_id or 0)
        if game is None:
            await errors.tell(interaction, "No quiz is running in this channel.")
            return
        if interaction.user.id != game.starter_id and not self._moderator(interaction):
            await errors.tell(
                interaction, "Only whoever started the quiz, or a moderator, can stop it."
            )
            return
        game.stopped_by = interaction.user.display_name
        game.stop.set()
        await interaction.response.send_message(
            f"Stopping the quiz ({display(game.stopped_by)}).", allowed_mentions=NO_PINGS
        )

    @quiz.command(name="scores", description="This server's quiz leaderboard")
    async def scores(self, interaction: discord.Interaction[Any]) -> None:
        """The leaderboard, best first, in pages (names, never mentions)."""
        guild_id = interaction.guild_id or 0
        top, total = await asyncio.to_thread(self._leaderboard, guild_id)
        server = interaction.guild.name if interaction.guild else "this server"
        pages = leaderboard_pages(top, total, server)
        kwargs: dict[str, Any] = {"allowed_mentions": NO_PINGS}
        view = Paginator(pages, interaction.user.id) if len(pages) > 1 else None
        if view is not None:
            kwargs["view"] = view
        await interaction.response.send_message(embed=pages[0], **kwargs)
        if view is not None:
            view.message = await interaction.original_response()

    @quiz.command(name="me", description="Your quiz record on this server")
    async def me(self, interaction: discord.Interaction[Any]) -> None:
        """Points, right answers, best streak and place (only you see it)."""
        score = await asyncio.to_thread(
            self.store.score, interaction.guild_id or 0, interaction.user.id
        )
        await interaction.response.send_message(
            embed=me_embed(score, interaction.user.display_name),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )

    # -- running a quiz ------------------------------------------------------------------

    def _leaderboard(self, guild_id: int) -> tuple[list[Score], int]:
        return self.store.leaderboard(guild_id, limit=LEADERBOARD_MAX), self.store.count(guild_id)

    def _moderator(self, interaction: discord.Interaction[Any]) -> bool:
        member = interaction.user
        if not isinstance(member, discord.Member):
            return False
        return is_moderator(
            manage_messages=interaction.permissions.manage_messages,
            roles=[(r.id, r.name) for r in member.roles],
            moderator_roles=self.bot.config.prompts.moderator_roles,
        )

    async def _wait_round(self, game: Game) -> None:
        """Until the round's time is up or the quiz is stopped."""
        timer = asyncio.ensure_future(self.timer(self.round_seconds))
        stopped = asyncio.ensure_future(game.stop.wait())
        try:
            await asyncio.wait({timer, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            timer.cancel()
            stopped.cancel()

    async def _run(self, game: Game) -> None:
        """Play every round, record each as it closes, then post the standings."""
        channel = self.bot.get_partial_messageable(game.channel_id, guild_id=game.guild_id)
        link = self.bot.config.discord.source_link
        ended = False
        try:
            while not game.stop.is_set() and game.session.number < game.session.rounds:
                game.session.start_round()
                game.view = RoundView(game, self._answer_for(game))
                message = await channel.send(
                    embed=round_embed(game, self.round_seconds),
                    view=game.view,
                    allowed_mentions=NO_PINGS,
                )
                await asyncio.to_thread(self.store.set_message, game.channel_id, message.id)
                await self._wait_round(game)
                game.view.stop()
                outcome = game.session.close_round()
                if outcome.results:
                    await asyncio.to_thread(self.store.record_round, game.guild_id,
                                            outcome.results)
                done = RoundView(game, None, reveal=outcome.question.answer)
                done.stop()
                await message.edit(
                    embed=reveal_embed(game, outcome, link), view=done, allowed_mentions=NO_PINGS
                )
            await channel.send(
                embed=standings_embed(game, game.session.ranking()), allowed_mentions=NO_PINGS
            )
            ended = True
        except asyncio.CancelledError:  # the bot is stopping: the next start ends the quiz
            raise
        except Exception:
            log.exception("the quiz in channel %s failed", game.channel_id)
            ended = True
            with contextlib.suppress(discord.HTTPException):
                await channel.send(
                    "Sorry, the quiz stopped because of an error; the rounds played are "
                    "counted (/quiz scores).",
                    allowed_mentions=NO_PINGS,
                )
        finally:
            if game.view is not None:
                game.view.stop()
            if ended:
                self.games.pop(game.channel_id, None)
                try:
                    await asyncio.to_thread(self.store.end, game.channel_id)
                except Exception:
                    log.exception("could not record the end of the quiz in %s", game.channel_id)

    def _answer_for(self, game: Game) -> Answer:
        round_number = game.session.number

        async def answer(interaction: discord.Interaction[Any], index: int) -> None:
            await self._answer(game, round_number, interaction, index)

        return answer

    async def _answer(
        self, game: Game, round_number: int, interaction: discord.Interaction[Any], index: int
    ) -> None:
        """A member's click: taken (privately confirmed), or why not."""
        session = game.session
        if round_number != session.number or not session.open or index >= len(game.contributors):
            await errors.tell(interaction, "That round is over.")
            return
        chosen = game.contributors[index]
        result = session.answer(interaction.user.id, interaction.user.display_name, chosen.id)
        if result is Answered.TAKEN:
            await errors.tell(interaction, f"Locked in: {chosen.name}.")
        elif result is Answered.ALREADY:
            first = session.answered(interaction.user.id)
            name = game.reading.contributor(first).name if first else chosen.name
            await errors.tell(interaction, f"You already answered this round: {name}.")
        else:
            await errors.tell(interaction, "That round is over.")

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """A click on a quiz message that no live round handles (an old round, or a quiz
        from before a restart) gets a private note instead of "interaction failed"."""
        if interaction.type is not discord.InteractionType.component:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        parsed = parse_custom_id(str(data.get("custom_id", "")))
        if parsed is None:
            return
        token, round_number, _ = parsed
        game = self.games.get(interaction.channel_id or 0)
        live = (
            game is not None
            and game.token == token
            and game.session.number == round_number
            and game.view is not None
            and not game.view.is_finished()
        )
        if live:
            return  # the round's view answers it
        await asyncio.sleep(0)  # let a view that is just finishing answer first
        if not interaction.response.is_done():
            # (InteractionResponded too: a view that was just finishing may have answered)
            with contextlib.suppress(discord.DiscordException):
                await interaction.response.send_message(
                    "That quiz round is over." + ("" if game else " Start one with /quiz start."),
                    ephemeral=True,
                    allowed_mentions=NO_PINGS,
                )


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(QuizCog(bot))
