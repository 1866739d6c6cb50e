"""Several readings in Discord: the runner's library, /reading info|list|use|reload, the
`reading` option and the channel's or server's choice, through the real client and the fake."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import re
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fakediscord import FakeDiscord, Request
from fakediscord.fixtures import running_bot

from bot.cli import main
from bot.config import Config, ConfigError
from bot.discordbot import runner
from bot.discordbot.client import ReadingBot
from bot.library import ReadingLibrary
from bot.paths import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "knowledge" / "chinafile-2013-human-rights"
FIXTURE = PROJECT_ROOT / "tests" / "ingest" / "fixtures" / "debate.txt"
CHINA, HARBOUR, BROKEN = SHIPPED.name, "harbour", "half-done"
EPHEMERAL = 64


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reading, a drafted debate ("harbour") and a half-written folder."""
    root = tmp_path_factory.mktemp("library") / "knowledge"
    root.mkdir()
    shutil.copytree(SHIPPED, root / CHINA)
    assert main(["ingest", str(FIXTURE), "--id", HARBOUR, "--out", str(root / HARBOUR)]) == 0
    (root / BROKEN).mkdir()
    (root / BROKEN / "reading.yaml").write_text("id: [not, an, id\n", encoding="utf-8")
    return root


@pytest.fixture
def folder(knowledge: Path, tmp_path: Path) -> Path:
    """A fresh copy of the library for tests that edit its files."""
    shutil.copytree(knowledge, tmp_path / "knowledge")
    return tmp_path / "knowledge"


def make_library(root: Path, tmp_path: Path) -> ReadingLibrary:
    return ReadingLibrary(root, default=CHINA, cache_dir=tmp_path / "cache")


Served = tuple[FakeDiscord, ReadingBot]


@pytest.fixture
async def served(
    fake_discord: FakeDiscord, bot_config: Config, knowledge: Path, tmp_path: Path
) -> AsyncIterator[Served]:
    library = make_library(knowledge, tmp_path)
    config = with_moderators(bot_config)
    async with running_bot(fake_discord, config, library.engine(), library) as bot:
        yield fake_discord, bot


def with_moderators(config: Config) -> Config:
    prompts = dataclasses.replace(config.prompts, moderator_roles=("Moderator",))
    return dataclasses.replace(config, prompts=prompts)


async def answer(fake: FakeDiscord, interaction: dict[str, Any]) -> dict[str, Any]:
    """The message data the bot answered with: the callback's, or after a deferral, the edit
    of the original response (or the first follow-up)."""
    callback = await fake.response_to(interaction)
    assert callback.json is not None
    if callback.json["type"] != 5:
        data: dict[str, Any] = callback.json["data"]
        data.setdefault("flags", 0)
        return data
    token = re.escape(interaction["token"])
    edit: Request = await fake.wait_for(
        None, rf"/webhooks/{fake.application_id}/{token}(/messages/@original)?$",
        predicate=lambda r: r.method in ("PATCH", "POST"),
    )
    assert edit.json is not None
    return {**edit.json, "flags": callback.json.get("data", {}).get("flags", 0)}


def text_of(data: dict[str, Any]) -> str:
    return str(data.get("content") or "") + " " + str(data.get("embeds") or "")


# -- 1. the runner and the library ----------


def write_config(tmp_path: Path, root: Path, reading: str | None) -> Path:
    path = tmp_path / "config.yaml"
    chosen = f"reading: {reading}\n" if reading else ""
    path.write_text(
        f"knowledge: {root}\n{chosen}prompts:\n  database: {tmp_path / 'bot.sqlite3'}\n",
        encoding="utf-8",
    )
    return path


def test_several_readings_and_no_default_is_a_config_problem(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import load_config

    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    config = load_config(write_config(tmp_path, knowledge, None))
    with pytest.raises(ConfigError, match="reading: ID"):
        runner.load_readings(config)  # never "the first one found"


def test_the_runner_serves_the_library_and_skips_a_broken_reading(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import load_config

    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    config = load_config(write_config(tmp_path, knowledge, HARBOUR))
    library, engine = runner.load_readings(config)
    assert engine.reading.id == HARBOUR and library.default == HARBOUR
    assert library.ids() == (CHINA, BROKEN, HARBOUR)
    assert library.loaded() == (HARBOUR,)  # the others are built on first use
    assert not library.state(BROKEN).ok and library.state(CHINA).ok


def test_run_reports_a_missing_default_without_a_traceback(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("DISCORD_TOKEN", "not-used")
    config = write_config(tmp_path, knowledge, None)
    assert runner.run_command(argparse.Namespace(config=str(config))) == 1
    err = capsys.readouterr().err
    assert "Config problem" in err and "readings" in err and "Traceback" not in err


async def test_a_broken_reading_is_logged_at_start_and_listed(
    fake_discord: FakeDiscord, bot_config: Config, knowledge: Path, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    library = make_library(knowledge, tmp_path)
    with caplog.at_level(logging.WARNING, logger="bot"):
        async with running_bot(fake_discord, bot_config, library.engine(), library) as bot:
            listed = await answer(fake_discord, await fake_discord.slash("reading list"))
            assert bot.library is library
    warned = [r.getMessage() for r in caplog.records if BROKEN in r.getMessage()]
    assert warned and "broken" in warned[0]
    [embed] = listed["embeds"]
    lines = embed["description"].splitlines()
    assert len(lines) == 3
    china = next(line for line in lines if CHINA in line)
    assert "default" in china and "in use here" in china and "positions" in china
    harbour = next(line for line in lines if f"`{HARBOUR}`" in line)
    assert "unreviewed" in harbour and "Harbour" in harbour
    assert "broken" in next(line for line in lines if BROKEN in line)


# -- 2. the reading option, /reading use and the stored choices ----------


async def test_ask_takes_a_reading_option(served: Served) -> None:
    fake, _ = served
    asked = await fake.slash(
        "ask", {"question": "what did Blake say about the cost?", "reading": HARBOUR}
    )
    harbour = text_of(await answer(fake, asked))
    assert "Blake" in harbour and "Nathan" not in harbour
    own = text_of(await answer(fake, await fake.slash("who", {"topic": "sanctions"})))
    assert "Blake" not in own  # without the option: the default reading
    quoted = await fake.slash("quote", {"contributor": "Ashford", "reading": HARBOUR})
    assert "Ashford" in text_of(await answer(fake, quoted))
    listed = await fake.slash("positions", {"contributor": "Blake", "reading": HARBOUR})
    assert "Blake" in text_of(await answer(fake, listed))


async def test_an_unknown_or_broken_reading_is_told_privately(served: Served) -> None:
    fake, _ = served
    unknown = await answer(fake, await fake.slash("ask", {"question": "x?", "reading": "nope"}))
    assert unknown["flags"] & EPHEMERAL and "no reading called" in unknown["content"]
    assert "/reading list" in unknown["content"]
    broken = await answer(fake, await fake.slash("who", {"topic": "x", "reading": BROKEN}))
    assert broken["flags"] & EPHEMERAL and "problems" in broken["content"]
    assert "reading.yaml" in broken["content"] and str(PROJECT_ROOT) not in broken["content"]
    still = await answer(fake, await fake.slash("reading info"))  # the others keep working
    assert still["embeds"][0]["title"].startswith("What's the Best Way")


async def test_reading_autocomplete_offers_the_library(served: Served) -> None:
    fake, _ = served
    typed = await fake.autocomplete("ask", {"question": "x", "reading": "har"}, "reading")
    callback = await fake.response_to(typed)
    assert callback.json is not None
    choices = callback.json["data"]["choices"]
    assert [c["value"] for c in choices] == [HARBOUR]
    every = await fake.autocomplete("ask", {"question": "x", "reading": ""}, "reading")
    values = [c["value"] for c in (await fake.response_to(every)).json["data"]["choices"]]
    assert values == [CHINA, BROKEN, HARBOUR]


async def test_contributor_autocomplete_follows_the_reading_option(served: Served) -> None:
    fake, _ = served
    typed = await fake.autocomplete(
        "positions", {"contributor": "bl", "reading": HARBOUR}, "contributor"
    )
    names = [c["value"] for c in (await fake.response_to(typed)).json["data"]["choices"]]
    assert names and names[0].endswith("Blake")


async def test_only_moderators_choose_the_reading(served: Served) -> None:
    fake, bot = served
    refused = await answer(fake, await fake.slash("reading use", {"reading": HARBOUR}))
    assert refused["flags"] & EPHEMERAL and "moderators" in refused["content"]
    assert bot.readings.chosen(fake.guild_id) == CHINA
    by_role = await fake.slash("reading use", {"reading": HARBOUR}, user=fake.moderator)
    done = await answer(fake, by_role)
    assert done["flags"] & EPHEMERAL and f"`{HARBOUR}`" in done["content"]
    assert bot.readings.chosen(fake.guild_id) == HARBOUR
    bad = await answer(fake, await fake.slash("reading use", {"reading": BROKEN}, user=fake.owner))
    assert "problems" in bad["content"] and bot.readings.chosen(fake.guild_id) == HARBOUR


async def test_the_servers_reading_answers_commands_and_mentions(served: Served) -> None:
    fake, _ = served
    await answer(fake, await fake.slash("reading use", {"reading": HARBOUR}, user=fake.owner))
    info = await answer(fake, await fake.slash("reading info"))
    assert "Harbour" in info["embeds"][0]["title"]
    asked = await fake.send_message(
        f"{fake.mention()} what did Blake say about the cost?", mention_bot=True
    )
    reply = (await fake.reply_to(asked)).json
    assert "Blake" in text_of(reply) and reply["allowed_mentions"]["parse"] == []
    own = await fake.slash("ask", {"question": "what did Nathan say?", "reading": CHINA})
    assert "Nathan" in text_of(await answer(fake, own))  # the option still wins
    forget = await answer(fake, await fake.slash("reading use", user=fake.owner))
    assert f"`{CHINA}`" in forget["content"]
    [answered] = [
        m for m in fake.posted_in(fake.channel_id)
        if str((m.get("message_reference") or {}).get("message_id")) == str(asked["id"])
    ]
    follow = await fake.send_message("and what about the fleet?", reply_to=answered)
    # a reply to an answer goes on with that answer's reading, whatever the server reads now
    assert "Blake" in text_of((await fake.reply_to(follow)).json) or "Ashford" in text_of(
        (await fake.reply_to(follow)).json
    )
    info = await answer(fake, await fake.slash("reading info"))
    assert info["embeds"][0]["title"].startswith("What's the Best Way")


async def test_a_channel_has_its_own_reading(served: Served) -> None:
    fake, bot = served
    other = fake.channel(fake.other_channel_id)
    options = [
        {"name": "reading", "type": 3, "value": HARBOUR},
        {"name": "channel", "type": 7, "value": other["id"]},  # a channel option, resolved
    ]
    data = {
        "id": "1", "name": "reading", "type": 1,
        "options": [{"type": 1, "name": "use", "options": options}],
        "resolved": {"channels": {other["id"]: {**other, "permissions": "0"}}},
    }
    chosen = fake._interaction(2, data, user=fake.owner, channel_id=None)
    await fake.dispatch("INTERACTION_CREATE", chosen)
    assert f"<#{other['id']}>" in (await answer(fake, chosen))["content"]
    there = await answer(fake, await fake.slash("reading info", channel_id=fake.other_channel_id))
    assert "Harbour" in there["embeds"][0]["title"]
    here = await answer(fake, await fake.slash("reading info"))
    assert here["embeds"][0]["title"].startswith("What's the Best Way")
    listed = await answer(fake, await fake.slash("reading list", channel_id=fake.other_channel_id))
    harbour = next(x for x in listed["embeds"][0]["description"].splitlines() if HARBOUR in x)
    assert "this channel" in harbour and "in use here" in harbour
    assert bot.readings.chosen(fake.guild_id, [fake.other_channel_id]) == HARBOUR
    assert bot.readings.chosen(fake.guild_id, [fake.channel_id]) == CHINA


async def test_choices_survive_a_restart_in_sqlite(
    fake_discord: FakeDiscord, bot_config: Config, knowledge: Path, tmp_path: Path
) -> None:
    library = make_library(knowledge, tmp_path)
    async with running_bot(fake_discord, bot_config, library.engine(), library):
        use = await fake_discord.slash("reading use", {"reading": HARBOUR}, user=fake_discord.owner)
        await answer(fake_discord, use)
    with sqlite3.connect(bot_config.prompts.database) as db:
        rows = db.execute("SELECT guild_id, channel_id, reading_id FROM reading_choices").fetchall()
    assert rows == [(fake_discord.guild_id, 0, HARBOUR)]
    again = make_library(knowledge, tmp_path)
    async with running_bot(fake_discord, bot_config, again.engine(), again) as bot:
        assert bot.readings.chosen(fake_discord.guild_id) == HARBOUR
        info = await answer(fake_discord, await fake_discord.slash("reading info"))
        assert "Harbour" in info["embeds"][0]["title"]


async def test_a_bot_with_one_engine_lists_it(discord_bot: Served) -> None:
    fake, bot = discord_bot
    assert bot.library is None
    listed = await answer(fake, await fake.slash("reading list"))
    assert CHINA in listed["embeds"][0]["description"]
    refused = await answer(fake, await fake.slash("ask", {"question": "x?", "reading": HARBOUR}))
    assert "no reading called" in refused["content"]


# -- 3. /reading reload ----------


async def test_reload_keeps_the_old_index_when_the_files_break(
    fake_discord: FakeDiscord, bot_config: Config, folder: Path, tmp_path: Path
) -> None:
    library = make_library(folder, tmp_path)
    positions = folder / HARBOUR / "positions" / "ashford.yaml"
    async with running_bot(fake_discord, bot_config, library.engine(), library) as bot:
        fake = fake_discord
        before = await bot.readings.engine(HARBOUR)
        refused = await answer(fake, await fake.slash("reading reload", {"reading": HARBOUR}))
        assert "moderators" in refused["content"] and await bot.readings.engine(HARBOUR) is before

        text = positions.read_text(encoding="utf-8")
        positions.write_text(text + "\n- id: [broken\n", encoding="utf-8")
        kept = await answer(
            fake, await fake.slash("reading reload", {"reading": HARBOUR}, user=fake.owner)
        )
        [embed] = kept["embeds"]
        assert kept["flags"] & EPHEMERAL and "Kept the old index" in embed["title"]
        assert "ashford.yaml" in embed["description"] and str(folder) not in embed["description"]
        assert len(embed["description"]) <= 4096
        assert await bot.readings.engine(HARBOUR) is before  # still answering
        asked = await fake.slash("who", {"topic": "harbour dues", "reading": HARBOUR})
        assert "Blake" in text_of(await answer(fake, asked)) or "Ashford" in text_of(
            await answer(fake, asked)
        )

        # one fewer: the first position no discussion prompt links to
        linked = (folder / HARBOUR / "prompts.yaml").read_text(encoding="utf-8")
        first = text.index("\n- ", text.index("positions:"))
        second = text.index("\n- ", first + 1)
        while text[first:second].split("id: ", 1)[1].split()[0] in linked:
            first, second = second, text.index("\n- ", second + 1)
        positions.write_text(text[:first] + text[second:], encoding="utf-8")
        done = await answer(
            fake, await fake.slash("reading reload", {"reading": HARBOUR}, user=fake.owner)
        )
        after = await bot.readings.engine(HARBOUR)
        assert after is not before
        assert len(after.reading.positions) == len(before.reading.positions) - 1
        assert f"{len(after.reading.positions)} positions" in done["content"]


async def test_reloading_the_default_swaps_the_bots_engine(
    fake_discord: FakeDiscord, bot_config: Config, folder: Path, tmp_path: Path
) -> None:
    library = make_library(folder, tmp_path)
    async with running_bot(fake_discord, bot_config, library.engine(), library) as bot:
        old = bot.engine
        done = await answer(fake_discord, await fake_discord.slash(
            "reading reload", user=fake_discord.owner
        ))
        assert f"Reloaded `{CHINA}`" in done["content"]
        assert bot.engine is not old and bot.engine.reading.id == CHINA


async def test_the_guide_follows_the_servers_reading(served: Served) -> None:
    fake, _ = served
    await answer(fake, await fake.slash("reading use", {"reading": HARBOUR}, user=fake.owner))
    asked = await fake.slash("guide", {"format": "md"})
    await fake.response_to(asked)
    sent = await fake.followup_to(asked)
    assert f"{HARBOUR}-study-guide.md" in sent.files
    named = await fake.slash("guide", {"format": "md", "reading": CHINA})
    await fake.response_to(named)
    assert f"{CHINA}-study-guide.md" in (await fake.followup_to(named)).files
    broken = await answer(fake, await fake.slash("guide", {"reading": BROKEN}))
    assert broken["flags"] & EPHEMERAL and "problems" in broken["content"]


# -- 4. a server's own readings: /reading add, export, remove ----------


@pytest.fixture
async def files() -> AsyncIterator[dict[str, bytes]]:
    """A tiny web server standing in for Discord's CDN: put bytes under a name."""
    from aiohttp import web

    served: dict[str, bytes] = {}

    async def get(request: web.Request) -> web.Response:
        return web.Response(body=served[request.match_info["name"]])

    app = web.Application()
    app.router.add_get("/{name}", get)
    runner_ = web.AppRunner(app)
    await runner_.setup()
    site = web.TCPSite(runner_, "127.0.0.1", 0)
    await site.start()
    served["_base"] = f"http://127.0.0.1:{runner_.addresses[0][1]}".encode()
    try:
        yield served
    finally:
        await runner_.cleanup()


@pytest.fixture
async def own_served(
    fake_discord: FakeDiscord, bot_config: Config, knowledge: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Served]:
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    library = make_library(knowledge, tmp_path)
    async with running_bot(fake_discord, bot_config, library.engine(), library) as bot:
        yield fake_discord, bot


async def upload(
    fake: FakeDiscord, files: dict[str, bytes], name: str, data: bytes,
    user: dict[str, Any] | None = None, size: int | None = None, **values: str,
) -> dict[str, Any]:
    """A moderator (the owner, unless `user`) runs /reading add with this attachment."""
    files[name] = data
    url = f"{files['_base'].decode()}/{name}"
    attachment = {
        "id": "4242", "filename": name, "size": len(data) if size is None else size,
        "url": url, "proxy_url": url, "content_type": "text/plain",
    }
    options = [{"name": "file", "type": 11, "value": "4242"}]
    options += [{"name": k, "type": 3, "value": v} for k, v in values.items()]
    data_ = {
        "id": "2", "name": "reading", "type": 1,
        "options": [{"type": 1, "name": "add", "options": options}],
        "resolved": {"attachments": {"4242": attachment}},
    }
    interaction = fake._interaction(2, data_, user=user or fake.owner, channel_id=None)
    await fake.dispatch("INTERACTION_CREATE", interaction)
    return await answer(fake, interaction)


async def test_add_ingests_a_text_for_this_server_only(
    own_served: Served, files: dict[str, bytes], tmp_path: Path
) -> None:
    fake, bot = own_served
    added = await upload(fake, files, "debate.txt", FIXTURE.read_bytes(), id="millbrook")
    assert added["flags"] & EPHEMERAL
    assert "Added `millbrook`" in added["content"] and "Ashford" in added["content"]
    assert "What the draft found" in str(added["embeds"])
    assert str(tmp_path) not in str(added)  # no server paths shown
    folder = tmp_path / "data" / "servers" / str(fake.guild_id) / "knowledge" / "millbrook"
    assert (folder / "reading.yaml").is_file()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".incoming")]
    assert "millbrook" in bot.readings.ids(fake.guild_id)
    assert "millbrook" not in bot.readings.ids(fake.guild_id + 1)  # another server
    asked = await fake.slash(
        "ask", {"question": "what did Blake say about the cost?", "reading": "millbrook"}
    )
    assert "Blake" in text_of(await answer(fake, asked))
    listed = await answer(fake, await fake.slash("reading list"))
    line = next(x for x in listed["embeds"][0]["description"].splitlines() if "millbrook" in x)
    assert "added here" in line
    typed = await fake.autocomplete("ask", {"question": "x", "reading": "millb"}, "reading")
    offered = [c["value"] for c in (await fake.response_to(typed)).json["data"]["choices"]]
    assert "millbrook" in offered and CHINA not in offered


async def test_add_refuses_what_it_cannot_use(
    own_served: Served, files: dict[str, bytes], tmp_path: Path
) -> None:
    fake, bot = own_served
    debate = FIXTURE.read_bytes()
    taken = await upload(fake, files, "debate.txt", debate, id=HARBOUR)
    assert "exists already" in taken["content"]
    binary = await upload(fake, files, "x.txt", b"\x00\x01\x02binary")
    assert "binary" in binary["content"]
    empty = await upload(fake, files, "empty.txt", b"  \n\n ")
    assert "empty" in empty["content"]
    plain = await upload(fake, files, "plain.txt", b"Just some words.\n\nMore words here.\n")
    assert "no speakers found" in plain["content"] and "`speakers` option" in plain["content"]
    pdf = await upload(fake, files, "debate.pdf", debate)
    assert ".txt" in pdf["content"]
    huge = await upload(fake, files, "huge.txt", b"tiny", size=5_000_000)
    assert "at most" in huge["content"]
    member = await upload(fake, files, "debate.txt", debate, user=fake.alice, id="mine")
    assert "moderators" in member["content"]
    assert set(bot.readings.ids(fake.guild_id)) == {CHINA, BROKEN, HARBOUR}
    root = tmp_path / "data" / "servers" / str(fake.guild_id) / "knowledge"
    assert not root.exists() or not any(root.iterdir())  # nothing half-written left


async def test_add_with_speakers_when_the_text_has_no_headings(
    own_served: Served, files: dict[str, bytes]
) -> None:
    fake, _ = own_served
    text = (
        b"A small debate\n\n"
        b"MR. GREY---I hold that the library should open on Sundays for working people.\n\n"
        b"MR. WHITE---I disagree with Mr. Grey: the staff deserve their day of rest.\n\n"
        b"MR. GREY---Then hire more staff, as the council promised last spring.\n"
    )
    added = await upload(fake, files, "t.txt", text, id="sunday", speakers="Anne Grey, Bob White")
    assert "Added `sunday`" in added["content"]
    assert "Anne Grey" in added["content"] and "Bob White" in added["content"]


async def test_export_and_remove_a_servers_reading(
    own_served: Served, files: dict[str, bytes], tmp_path: Path
) -> None:
    import io
    import zipfile

    fake, bot = own_served
    await upload(fake, files, "debate.txt", FIXTURE.read_bytes(), id="millbrook")
    asked = await fake.slash("reading export", {"reading": "millbrook"}, user=fake.owner)
    await fake.response_to(asked)
    sent = await fake.followup_to(asked)
    archive = zipfile.ZipFile(io.BytesIO(sent.files["millbrook.zip"]))
    names = archive.namelist()
    assert "millbrook/reading.yaml" in names and "millbrook/text.txt" in names
    assert all(n.startswith("millbrook/") for n in names)
    shared = await fake.slash("reading export", {"reading": HARBOUR}, user=fake.owner)
    await fake.response_to(shared)
    assert f"{HARBOUR}/reading.yaml" in zipfile.ZipFile(
        io.BytesIO((await fake.followup_to(shared)).files[f"{HARBOUR}.zip"])
    ).namelist()
    refused = await answer(fake, await fake.slash("reading export", {"reading": "millbrook"}))
    assert "moderators" in refused["content"]

    await answer(fake, await fake.slash("reading use", {"reading": "millbrook"}, user=fake.owner))
    not_own = await answer(fake, await fake.slash("reading remove", {"reading": HARBOUR},
                                                  user=fake.owner))
    assert "Only a reading this server added" in not_own["content"]
    gone = await answer(fake, await fake.slash("reading remove", {"reading": "millbrook"},
                                               user=fake.owner))
    assert "Removed `millbrook`" in gone["content"] and f"`{CHINA}`" in gone["content"]
    assert "millbrook" not in bot.readings.ids(fake.guild_id)
    root = tmp_path / "data" / "servers" / str(fake.guild_id) / "knowledge"
    kept = list((root / ".removed").iterdir())
    assert len(kept) == 1 and (kept[0] / "reading.yaml").is_file()  # set aside, not deleted
    info = await answer(fake, await fake.slash("reading info"))
    assert info["embeds"][0]["title"].startswith("What's the Best Way")


async def test_two_uploads_at_once_are_one_at_a_time(
    own_served: Served, files: dict[str, bytes]
) -> None:
    import asyncio

    fake, bot = own_served
    busy = bot.readings.uploads.setdefault(fake.guild_id, asyncio.Lock())
    async with busy:  # an upload in progress for this server
        second = await upload(fake, files, "debate.txt", FIXTURE.read_bytes(), id="millbrook")
    assert "Another upload" in second["content"] and "millbrook" not in bot.readings.ids(
        fake.guild_id
    )
    third = await upload(fake, files, "debate.txt", FIXTURE.read_bytes(), id="millbrook")
    assert "Added `millbrook`" in third["content"]


def zipped(entries: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


async def test_an_exported_zip_comes_back_edited(
    own_served: Served, files: dict[str, bytes], tmp_path: Path
) -> None:
    import io
    import zipfile

    fake, bot = own_served
    await upload(fake, files, "debate.txt", FIXTURE.read_bytes(), id="millbrook")
    before = await bot.readings.engine("millbrook", fake.guild_id)
    asked = await fake.slash("reading export", {"reading": "millbrook"}, user=fake.owner)
    await fake.response_to(asked)
    archive = zipfile.ZipFile(io.BytesIO((await fake.followup_to(asked)).files["millbrook.zip"]))
    entries = {n: archive.read(n) for n in archive.namelist()}
    meta = entries["millbrook/reading.yaml"].decode("utf-8")
    entries["millbrook/reading.yaml"] = re.sub(
        r"(?m)^title: .*$", "title: The Millbrook Harbour, Edited", meta
    ).encode("utf-8")
    again = await upload(fake, files, "millbrook.zip", zipped(entries))
    assert "already" in again["content"] and "replace" in again["content"]
    replaced = await upload(fake, files, "millbrook.zip", zipped(entries), replace="true")
    assert "Added `millbrook`" in replaced["content"] and "Edited" in replaced["content"]
    info = await answer(fake, await fake.slash("reading info", {"reading": "millbrook"}))
    assert info["embeds"][0]["title"] == "The Millbrook Harbour, Edited"
    assert await bot.readings.engine("millbrook", fake.guild_id) is not before
    root = tmp_path / "data" / "servers" / str(fake.guild_id) / "knowledge"
    assert len(list((root / ".removed").iterdir())) == 1  # the old one, set aside
    shared = await upload(fake, files, "h.zip", zipped({
        f"{HARBOUR}/{k.split('/', 1)[1]}": v for k, v in entries.items()
    }))
    assert "bot's library" in shared["content"]


async def test_a_bad_zip_is_refused_and_writes_nothing(
    own_served: Served, files: dict[str, bytes], tmp_path: Path
) -> None:
    fake, bot = own_served
    escape = await upload(fake, files, "x.zip", zipped({"../evil/reading.yaml": b"id: evil\n"}))
    assert "leaves the reading's folder" in escape["content"]
    absolute = await upload(fake, files, "x.zip", zipped({"/etc/reading.yaml": b"id: x\n"}))
    assert "not a relative path" in absolute["content"]
    bomb = await upload(fake, files, "x.zip", zipped({
        "big/reading.yaml": b"id: big\n", "big/text.txt": b"0" * 25_000_000,
    }))
    assert "unpacks to more than" in bomb["content"]
    broken = await upload(fake, files, "x.zip", zipped({"bad/reading.yaml": b"id: [bad\n"}))
    assert "does not validate" in broken["content"] and str(tmp_path) not in broken["content"]
    junk = await upload(fake, files, "x.zip", b"PK\x03\x04 not really a zip")
    assert "not a zip" in junk["content"]
    assert set(bot.readings.ids(fake.guild_id)) == {CHINA, BROKEN, HARBOUR}
    assert not (tmp_path / "data" / "servers" / "evil").exists()
    root = tmp_path / "data" / "servers" / str(fake.guild_id) / "knowledge"
    assert not root.exists() or not any(root.iterdir())
