"""/quiz through the real discord.py client and the loopback fake Discord.

Rounds wait on :class:`ManualTimer` (the test says when a round's time is up) and answers
are timed by :class:`Clock`, so nothing sleeps for a round and points are exact; one test
uses a short real round time instead.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fakediscord import FakeDiscord
from fakediscord.fixtures import config_for, running_bot

from bot.config import Config, QuizSettings
from bot.discordbot.cogs.quiz import RESTARTED
from bot.discordbot.engine_api import AnswerEngine
from bot.quiz.store import QuizStore, default_path

JSON = dict[str, Any]
EPHEMERAL = 64


class ManualTimer:
    """A round's wait that ends when the test calls :meth:`expire`."""

    def __init__(self) -> None:
        self.waiting: list[asyncio.Future[None]] = []

    async def __call__(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting.append(future)
        await future

    async def expire(self) -> None:
        """End the round being waited on (waiting until the bot waits)."""
        for _ in range(1000):
            pending = [f for f in self.waiting if not f.done()]
            if pending:
                for f in pending:
                    f.set_result(None)
                return
            await asyncio.sleep(0.01)
        raise AssertionError("no round was waiting")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def quiz_config(fake: FakeDiscord, tmp_path: Path, round_seconds: float = 20.0) -> Config:
    config = config_for(fake, tmp_path)
    return dataclasses.replace(config, quiz=QuizSettings(round_seconds=round_seconds))


@pytest.fixture
async def quiz_bot(
    fake_discord: FakeDiscord, engine: AnswerEngine, tmp_path: Path
) -> AsyncIterator[tuple[FakeDiscord, Any]]:
    async with running_bot(fake_discord, quiz_config(fake_discord, tmp_path), engine) as bot:
        cog: Any = bot.get_cog("Quiz")
        assert cog is not None, "the quiz extension did not load"
        cog.timer = ManualTimer()
        cog.clock = Clock()
        yield fake_discord, cog


def titled(fake: FakeDiscord, prefix: str) -> list[JSON]:
    """The bot's messages in the quiz channel whose first embed's title starts with prefix."""
    return [
        m for m in fake.posted_in(fake.channel_id)
        if m.get("embeds") and str(m["embeds"][0].get("title", "")).startswith(prefix)
    ]


async def round_message(fake: FakeDiscord, number: int, total: int) -> JSON:
    title = f"Who said it? Round {number} of {total}"
    await fake.wait_for(
        "POST",
        rf"/channels/{fake.channel_id}/messages",
        predicate=lambda r: any(
            e.get("title") == title for e in (r.json or {}).get("embeds") or []
        ),
    )
    return titled(fake, title)[-1]


def buttons(message: JSON) -> list[JSON]:
    return [c for row in message["components"] for c in row["components"]]


def button_for(message: JSON, name: str) -> str:
    return next(str(b["custom_id"]) for b in buttons(message) if b["label"] == name)


async def reveal_of(fake: FakeDiscord, message: JSON) -> JSON:
    request = await fake.wait_for("PATCH", rf"/channels/\d+/messages/{message['id']}")
    body: JSON = request.json
    return body


async def click(fake: FakeDiscord, message: JSON, custom_id: str, user: JSON) -> str:
    interaction = await fake.click(message, custom_id, user=user)
    response = await fake.response_to(interaction)
    data = response.json["data"]
    assert data["flags"] & EPHEMERAL
    return str(data["content"])


def content(request: Any) -> str:
    return str(((request.json or {}).get("data") or {}).get("content") or "")


def author_name(cog: Any) -> str:
    game = cog.games[next(iter(cog.games))]
    return str(game.reading.contributor(game.session.question.answer).name)


def wrong_name(cog: Any) -> str:
    game = cog.games[next(iter(cog.games))]
    answer = game.session.question.answer
    return str(next(c.name for c in game.contributors if c.id != answer))


async def test_a_quiz_from_start_to_scores(quiz_bot: tuple[FakeDiscord, Any]) -> None:
    fake, cog = quiz_bot
    start = await fake.slash("quiz start", {"rounds": 2}, user=fake.alice)
    text = content(await fake.response_to(start))
    assert "Alice started a quiz of 2 rounds" in text and "20 seconds" in text

    first = await round_message(fake, 1, 2)
    game = cog.games[fake.channel_id]
    question = game.session.question
    embed = first["embeds"][0]
    assert question.masked.text in embed["description"]  # verbatim, names masked
    author = author_name(cog)
    assert author not in embed["description"]
    labels = [b["label"] for b in buttons(first)]
    assert labels == [c.name for c in sorted(game.reading.contributors, key=lambda c: c.order)]

    cog.clock.now += 4
    assert await click(fake, first, button_for(first, author), fake.alice) == (
        f"Locked in: {author}."
    )
    cog.clock.now += 2
    assert "already answered this round" in await click(
        fake, first, button_for(first, wrong_name(cog)), fake.alice
    )
    assert await click(fake, first, button_for(first, wrong_name(cog)), fake.bob)
    cog.clock.now += 6
    assert await click(fake, first, button_for(first, author), fake.moderator)
    await cog.timer.expire()

    revealed = await reveal_of(fake, first)
    shown = revealed["embeds"][0]
    assert shown["title"] == f"Round 1 of 2: it was {author}"
    assert question.position.quote in shown["description"]  # the whole quote, verbatim
    fields = {f["name"]: f["value"] for f in shown["fields"]}
    assert f"¶ {question.position.paragraph}" in fields
    verdict = fields["2 of 3 right"].splitlines()
    assert verdict[0] == "Alice: right in 4.0 s, +14"
    assert verdict[1] == "Mod: right in 12.0 s, +12"
    assert verdict[2].startswith("Bob: ") and verdict[2].endswith("(wrong)")
    after = [b for row in revealed["components"] for b in row["components"]]
    assert all(b["disabled"] for b in after)
    assert [b["label"] for b in after if b["style"] == 3] == [author]  # the answer, green
    assert "over" in await click(fake, first, button_for(first, author), fake.bob)

    second = await round_message(fake, 2, 2)
    await cog.timer.expire()  # nobody answers
    await reveal_of(fake, second)
    end = await fake.wait_for(
        "POST", rf"/channels/{fake.channel_id}/messages",
        predicate=lambda r: any(
            e.get("title") == "Quiz over" for e in (r.json or {}).get("embeds") or []
        ),
    )
    standings = end.json["embeds"][0]["description"].splitlines()
    assert standings[0] == "1. **Alice**: 14 points, 1 of 1 right, best streak 1"
    assert end.json["allowed_mentions"]["parse"] == []
    await ended(cog, fake.channel_id)

    scores = await fake.slash("quiz scores", user=fake.bob)
    board = await fake.response_to(scores)
    lines = board.json["data"]["embeds"][0]["description"].splitlines()
    assert lines[0] == "1. **Alice**: 14 points · 1 of 1 right · best streak 1"
    assert lines[1] == "2. **Mod**: 12 points · 1 of 1 right · best streak 1"
    assert lines[2] == "3. **Bob**: 0 points · 0 of 1 right · best streak 0"
    assert "<@" not in str(board.json) and board.json["data"]["allowed_mentions"]["parse"] == []

    me = await fake.slash("quiz me", user=fake.moderator)
    data = (await fake.response_to(me)).json["data"]
    assert data["flags"] & EPHEMERAL
    values = {f["name"]: f["value"] for f in data["embeds"][0]["fields"]}
    assert values == {"Points": "12", "Right": "1 of 1 (100%)", "Best streak": "1",
                      "Place": "2 on this server"}


async def test_one_quiz_per_channel_and_who_may_stop_it(
    quiz_bot: tuple[FakeDiscord, Any],
) -> None:
    fake, cog = quiz_bot
    await fake.response_to(await fake.slash("quiz start", {"rounds": 3}, user=fake.alice))
    first = await round_message(fake, 1, 3)
    again = await fake.slash("quiz start", user=fake.bob)
    assert "already running" in content(await fake.response_to(again))
    refused = await fake.slash("quiz stop", user=fake.bob)
    assert "Only whoever started the quiz" in content(await fake.response_to(refused))
    other = await fake.slash("quiz start", {"rounds": 1}, user=fake.bob,
                             channel_id=fake.other_channel_id)
    assert "started a quiz" in content(await fake.response_to(other))  # another channel is free

    assert await click(fake, first, button_for(first, author_name_in(cog, fake.channel_id)),
                       fake.bob)
    stop = await fake.slash("quiz stop", user=fake.owner)  # a moderator (Manage Messages)
    assert content(await fake.response_to(stop)) == "Stopping the quiz (Owner)."
    revealed = await reveal_of(fake, first)  # the open round closes and counts
    assert "1 of 1 right" in str(revealed["embeds"][0]["fields"])
    end = await fake.wait_for(
        "POST", rf"/channels/{fake.channel_id}/messages",
        predicate=lambda r: any(
            e.get("title") == "Quiz stopped" for e in (r.json or {}).get("embeds") or []
        ),
    )
    assert "Stopped by Owner." in end.json["embeds"][0]["footer"]["text"]
    assert not titled(fake, "Who said it? Round 2")
    await ended(cog, fake.channel_id)
    none = await fake.slash("quiz stop", user=fake.alice)
    assert "No quiz is running" in content(await fake.response_to(none))


async def ended(cog: Any, channel_id: int) -> None:
    """Wait until the quiz in the channel has finished its last step (it is forgotten)."""
    for _ in range(500):
        if channel_id not in cog.games:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the quiz did not end")


def author_name_in(cog: Any, channel_id: int) -> str:
    game = cog.games[channel_id]
    return str(game.reading.contributor(game.session.question.answer).name)


async def test_rounds_end_on_their_own_when_the_time_is_up(
    fake_discord: FakeDiscord, engine: AnswerEngine, tmp_path: Path
) -> None:
    fake = fake_discord
    async with running_bot(fake, quiz_config(fake, tmp_path, round_seconds=0.2), engine):
        await fake.response_to(await fake.slash("quiz start", {"rounds": 2}, user=fake.alice))
        end = await fake.wait_for(
            "POST", rf"/channels/{fake.channel_id}/messages",
            predicate=lambda r: any(
                e.get("title") == "Quiz over" for e in (r.json or {}).get("embeds") or []
            ),
        )
        assert end.json["embeds"][0]["description"] == "Nobody answered."
        assert len(titled(fake, "Round ")) == 2  # both rounds were revealed


async def test_a_restart_mid_quiz_ends_it_with_a_message_and_keeps_scores(
    fake_discord: FakeDiscord, engine: AnswerEngine, tmp_path: Path
) -> None:
    fake = fake_discord
    config = quiz_config(fake, tmp_path)
    async with running_bot(fake, config, engine) as bot:
        cog: Any = bot.get_cog("Quiz")
        cog.timer, cog.clock = ManualTimer(), Clock()
        await fake.response_to(await fake.slash("quiz start", {"rounds": 3}, user=fake.alice))
        first = await round_message(fake, 1, 3)
        await click(fake, first, button_for(first, author_name(cog)), fake.alice)
        await cog.timer.expire()
        await reveal_of(fake, first)
        second = await round_message(fake, 2, 3)
        await click(fake, second, button_for(second, author_name(cog)), fake.bob)
        old_button = str(buttons(second)[0]["custom_id"])
        # The bot records the round's message just after posting it; the crash comes later.
        for _ in range(500):
            if [q.message_id for q in cog.store.running()] == [int(second["id"])]:
                break
            await asyncio.sleep(0.02)
        assert [q.message_id for q in cog.store.running()] == [int(second["id"])]
    # The bot is gone mid-round: round 1 is recorded, the quiz is still marked running.
    store = QuizStore(default_path(config.prompts.database))
    assert [(s.name, s.right) for s in store.leaderboard(fake.guild_id)] == [("Alice", 1)]

    since = len(fake.requests)
    async with running_bot(fake, config, engine) as bot:
        note = await fake.wait_for(
            "POST", rf"/channels/{fake.channel_id}/messages", since=since,
            predicate=lambda r: (r.json or {}).get("content") == RESTARTED,
        )
        assert note.json["allowed_mentions"]["parse"] == []
        cleared = await fake.wait_for(
            "PATCH", rf"/channels/{fake.channel_id}/messages/{second['id']}", since=since
        )
        assert cleared.json["components"] == []
        late = await click(fake, second, old_button, fake.bob)  # a button from before
        assert "That quiz round is over." in late

        scores = await fake.slash("quiz scores", user=fake.bob)
        lines = (await fake.response_to(scores)).json["data"]["embeds"][0]["description"]
        assert lines.splitlines()[0].startswith("1. **Alice**: ")
        assert "Bob" not in lines  # the unfinished round was not counted
        again = await fake.slash("quiz start", {"rounds": 1}, user=fake.bob)
        assert "started a quiz" in content(await fake.response_to(again))
        assert bot.get_cog("Quiz") is not None


def test_leaderboard_pages_show_names_without_pings() -> None:
    from bot.discordbot.cogs.quiz import PER_PAGE, leaderboard_pages
    from bot.quiz.store import Score

    scores = [Score(1, i, f"member {i}", 3, 2, 100 - i, 1, rank=i + 1) for i in range(25)]
    scores[0] = Score(1, 0, "@everyone <@123456789012345678> *bold*", 3, 3, 120, 3, rank=1)
    pages = leaderboard_pages(scores, 40, "Reading Group")
    assert len(pages) == 3 and PER_PAGE == 10
    first = pages[0].description or ""
    assert "@everyone" not in first.replace("@\u200beveryone", "")
    assert "<@123456789012345678>" not in first
    assert "\\*bold\\*" in first
    assert (pages[0].footer.text or "").endswith("top 25 of 40")
    assert (pages[2].description or "").splitlines()[0].startswith("21. **member 20**")


async def test_start_takes_a_kind_and_names_an_unknown_reading(
    quiz_bot: tuple[FakeDiscord, Any],
) -> None:
    fake, cog = quiz_bot
    unknown = await fake.slash("quiz start", {"reading": "no-such-reading"}, user=fake.alice)
    data = (await fake.response_to(unknown)).json["data"]
    assert data["flags"] & EPHEMERAL and "No reading with id 'no-such-reading'" in data["content"]
    bad = await fake.slash("quiz start", {"kind": "joke"}, user=fake.alice)
    assert "Kinds are: claim" in content(await fake.response_to(bad))
    own = cog.bot.engine.reading.id
    start = await fake.slash("quiz start", {"rounds": 2, "kind": "critique", "reading": own},
                             user=fake.alice)
    assert "2 critique rounds" in content(await fake.response_to(start))
    await round_message(fake, 1, 2)
    game = cog.games[fake.channel_id]
    assert all(q.position.kind.value == "critique" for q in game.session.questions)
