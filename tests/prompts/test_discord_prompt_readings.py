"""/prompt and its schedules belong to a reading, through the real client and the fake:
the `reading` option (and its autocomplete), the channel's or server's reading, that
reading's curated prompts, a schedule that keeps its reading across a restart, and one
whose reading was removed pausing with a word to the moderators."""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import config_for, fake_discord, running_bot  # noqa: E402

from bot.cli import main  # noqa: E402
from bot.discordbot.client import ReadingBot  # noqa: E402
from bot.discordbot.server_readings import server_root  # noqa: E402
from bot.knowledge.loader import load_reading  # noqa: E402
from bot.library import ReadingLibrary  # noqa: E402
from bot.paths import PROJECT_ROOT  # noqa: E402
from bot.prompts.store import Store  # noqa: E402

from .conftest import FakeClock  # noqa: E402
from .test_discord_prompts import answer_text, answer_to, run_prompt  # noqa: E402

__all__ = ["fake_discord"]

SHIPPED = PROJECT_ROOT / "knowledge" / "chinafile-2013-human-rights"
FIXTURE = PROJECT_ROOT / "tests" / "ingest" / "fixtures" / "debate.txt"
CHINA, HARBOUR, OWN = SHIPPED.name, "harbour", "our-harbour"
MONDAY = datetime(2099, 3, 30, 12, 0, tzinfo=UTC)  # in the future: the loop's own first
# pass (on the real clock) finds nothing due


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reading and a drafted debate ("harbour", with drafted prompts)."""
    root = tmp_path_factory.mktemp("library") / "knowledge"
    root.mkdir()
    shutil.copytree(SHIPPED, root / CHINA)
    assert main(["ingest", str(FIXTURE), "--id", HARBOUR, "--out", str(root / HARBOUR)]) == 0
    return root


def prompt_texts(folder: Path) -> set[str]:
    return {p.text for p in load_reading(folder).prompts}


@contextlib.asynccontextmanager
async def library_bot(
    fake: Any, knowledge: Path, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[tuple[ReadingBot, Any]]:
    library = ReadingLibrary(knowledge, default=CHINA, cache_dir=tmp_path / "cache")
    config = config_for(fake, tmp_path)
    prompts = dataclasses.replace(config.prompts, moderator_roles=("Moderator",),
                                  tick_seconds=3600.0, open_thread=False)
    config = dataclasses.replace(config, prompts=prompts)
    async with running_bot(fake, config, library.engine(), library) as bot:
        cog: Any = bot.get_cog("Prompts")
        await cog.stop_scheduler()  # the test runs every pass itself, on its clock
        cog.service.core.clock = clock
        yield bot, cog


def card_prompt(content: str) -> str:
    """The prompt text of a posted card ("**Discussion prompt:** TEXT")."""
    head = content.split("\n", 1)[0]
    assert head.startswith("**Discussion prompt:** "), content
    return head.removeprefix("**Discussion prompt:** ")


def one_of(text: str, prompts: set[str]) -> bool:
    assert len(text) > 20, text
    return any(text.rstrip(".…") in p or p.startswith(text.rstrip("…")) for p in prompts)


async def test_the_reading_option_picks_whose_prompts_are_posted(
    fake_discord: Any, knowledge: Path, tmp_path: Path
) -> None:
    fake = fake_discord
    harbour, china = prompt_texts(knowledge / HARBOUR), prompt_texts(knowledge / CHINA)
    async with library_bot(fake, knowledge, tmp_path, FakeClock(MONDAY)) as (bot, cog):
        named = await run_prompt(fake, "next", {"reading": HARBOUR}, user=fake.moderator)
        assert one_of(card_prompt(await answer_text(fake, named)), harbour)
        default = await run_prompt(fake, "next", user=fake.moderator)
        assert one_of(card_prompt(await answer_text(fake, default)), china)
        # the server's choice is used when the command names none
        await bot.readings.use(fake.guild_id, None, HARBOUR, fake.owner["id"])
        chosen = await run_prompt(fake, "next", user=fake.moderator)
        assert one_of(card_prompt(await answer_text(fake, chosen)), harbour)
        # a channel's own choice comes before the server's
        await bot.readings.use(fake.guild_id, fake.channel_id, CHINA, fake.owner["id"])
        here = await run_prompt(fake, "next", user=fake.moderator)
        assert one_of(card_prompt(await answer_text(fake, here)), china)
        # each reading has its own rotation
        store = cog.service.core.store
        assert len(store.used_in_cycle(fake.guild_id, HARBOUR)[1]) == 2
        assert len(store.used_in_cycle(fake.guild_id, CHINA)[1]) == 2
        unknown = await run_prompt(fake, "next", {"reading": "no-such"}, user=fake.moderator)
        assert "no reading called" in (await answer_text(fake, unknown))


async def test_list_and_autocomplete_show_the_readings_prompts(
    fake_discord: Any, knowledge: Path, tmp_path: Path
) -> None:
    fake = fake_discord
    harbour_ids = {p.id for p in load_reading(knowledge / HARBOUR).prompts}
    async with library_bot(fake, knowledge, tmp_path, FakeClock(MONDAY)):
        listing = await run_prompt(fake, "list", {"reading": HARBOUR}, user=fake.owner)
        curated = (await answer_to(fake, listing))["embeds"][0]["description"]
        assert all(f"`{i}`" in curated for i in list(harbour_ids)[:3])
        assert "`hong-kong`" not in curated
        typed = await run_prompt(fake, "post", {"prompt": "", "reading": HARBOUR},
                                 user=fake.owner, focused="prompt")
        values = {c["value"] for c in (await fake.response_to(typed)).json["data"]["choices"]}
        assert values and values <= harbour_ids
        typed = await run_prompt(fake, "post", {"prompt": "hong"}, user=fake.owner,
                                 focused="prompt")
        values = {c["value"] for c in (await fake.response_to(typed)).json["data"]["choices"]}
        assert "hong-kong" in values  # the default reading's, with no reading named
        typed = await run_prompt(fake, "post", {"reading": "harb"}, user=fake.owner,
                                 focused="reading")
        values = {c["value"] for c in (await fake.response_to(typed)).json["data"]["choices"]}
        assert values == {HARBOUR}


async def test_a_schedule_posts_its_readings_prompts_also_after_a_restart(
    fake_discord: Any, knowledge: Path, tmp_path: Path
) -> None:
    fake = fake_discord
    harbour = prompt_texts(knowledge / HARBOUR)
    clock = FakeClock(MONDAY)
    async with library_bot(fake, knowledge, tmp_path, clock):
        made = await run_prompt(fake, "schedule", {"when": "daily 18:00", "timezone": "UTC",
                                                   "reading": HARBOUR},
                                user=fake.owner, channel_option=fake.other_channel_id)
        assert f"prompts of `{HARBOUR}`" in await answer_text(fake, made)
    [row] = Store(tmp_path / "bot.sqlite3").schedules(fake.guild_id)
    assert row.reading_id == HARBOUR
    clock.set(datetime(2099, 3, 30, 18, 0, 5, tzinfo=UTC))
    async with library_bot(fake, knowledge, tmp_path, clock) as (_, cog):  # restarted
        [result] = await cog.tick()
        assert result.posted
        sent = await fake.wait_for("POST", rf"/channels/{fake.other_channel_id}/messages")
        assert one_of(card_prompt(sent.json["content"]), harbour)


async def test_a_schedule_follows_its_channels_reading_when_none_is_named(
    fake_discord: Any, knowledge: Path, tmp_path: Path
) -> None:
    fake = fake_discord
    async with library_bot(fake, knowledge, tmp_path, FakeClock(MONDAY)) as (bot, _):
        await bot.readings.use(fake.guild_id, fake.other_channel_id, HARBOUR, fake.owner["id"])
        made = await run_prompt(fake, "schedule", {"when": "daily 18:00"}, user=fake.owner,
                                channel_option=fake.other_channel_id)
        assert f"prompts of `{HARBOUR}`" in await answer_text(fake, made)


async def test_a_schedule_whose_reading_was_removed_pauses_and_moderators_are_told(
    fake_discord: Any, knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_discord
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    root = server_root(fake.guild_id)
    root.mkdir(parents=True)
    shutil.copytree(knowledge / HARBOUR, root / OWN)
    text = (root / OWN / "reading.yaml").read_text(encoding="utf-8")
    (root / OWN / "reading.yaml").write_text(text.replace(f"id: {HARBOUR}", f"id: {OWN}", 1),
                                             encoding="utf-8")
    guild = fake.guild_payload
    fake.guild_payload = lambda: {**guild(), "system_channel_id": str(fake.channel_id)}
    clock = FakeClock(MONDAY)
    async with library_bot(fake, knowledge, tmp_path, clock) as (bot, cog):
        assert OWN in bot.readings.ids(fake.guild_id)
        made = await run_prompt(fake, "schedule", {"when": "daily 18:00", "timezone": "UTC",
                                                   "reading": OWN},
                                user=fake.owner, channel_option=fake.other_channel_id)
        assert f"prompts of `{OWN}`" in await answer_text(fake, made)
        removed = await fake.slash("reading remove", {"reading": OWN}, user=fake.owner)
        assert f"Removed `{OWN}`" in await answer_text(fake, removed)
        assert OWN not in bot.readings.ids(fake.guild_id)
        clock.set(datetime(2099, 3, 30, 18, 0, 5, tzinfo=UTC))
        [result] = await cog.tick()  # no crash: paused
        assert result.paused and not result.posted
        notice = await fake.wait_for("POST", rf"/channels/{fake.channel_id}/messages")
        assert f"<#{fake.other_channel_id}>" in notice.json["content"]
        assert OWN in notice.json["content"] and "paused" in notice.json["content"]
        assert fake.find("POST", rf"/channels/{fake.other_channel_id}/messages") == []
        clock.set(datetime(2099, 3, 31, 18, 0, 5, tzinfo=UTC))
        assert await cog.tick() == []  # paused once, not again
        listing = await run_prompt(fake, "list", user=fake.owner)
        [schedules, *_] = (await answer_to(fake, listing))["embeds"]
        assert "**paused**" in schedules["description"] and OWN in schedules["description"]
