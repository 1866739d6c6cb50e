"""/map and /guide through the real discord.py client and the loopback fake Discord."""

from __future__ import annotations

import html
import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fakediscord import FakeDiscord
from fakediscord.fixtures import config_for, running_bot
from PIL import Image

from bot.debatemap.graph import build_graph, describe
from bot.discordbot.engine_api import AnswerEngine

EPHEMERAL = 64


@pytest.fixture
async def bot(
    fake_discord: FakeDiscord, engine: AnswerEngine, tmp_path: Path
) -> AsyncIterator[FakeDiscord]:
    async with running_bot(fake_discord, config_for(fake_discord, tmp_path), engine):
        yield fake_discord


async def test_map_attaches_the_png_lists_edges_and_explains_one(
    bot: FakeDiscord, engine: AnswerEngine
) -> None:
    fake = bot
    reading = engine.reading
    graph = build_graph(reading)
    interaction = await fake.slash("map", user=fake.bob)
    deferred = await fake.response_to(interaction)
    assert deferred.json["type"] == 5  # drawing may take a moment: deferred first
    sent = await fake.followup_to(interaction)
    assert sent.json["allowed_mentions"]["parse"] == []
    embed = sent.json["embeds"][0]
    assert embed["image"]["url"] == "attachment://map.png"
    for edge in graph.edges:
        assert describe(edge, graph) in embed["description"]
    png = sent.files["map.png"]
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.size[0] == 1040 and len(png) < 1024 * 1024

    message = next(m for m in fake.posted_in(fake.channel_id) if m.get("embeds")
                   and m["embeds"][0].get("image"))
    menu = message["components"][0]["components"][0]
    assert len(menu["options"]) == min(25, len(graph.edges))
    strongest = max(range(len(graph.edges)), key=lambda i: graph.edges[i].count)
    pick = await fake.click(message, menu["custom_id"], values=[str(strongest)], user=fake.alice)
    shown = (await fake.response_to(pick)).json["data"]
    assert shown["flags"] & EPHEMERAL
    edge = graph.edges[strongest]
    assert shown["embeds"][0]["title"] == describe(edge, graph)
    fields = shown["embeds"][0]["fields"]
    assert len(fields) == edge.count
    for field, pid in zip(fields, edge.positions, strict=True):
        position = reading.position(pid)
        assert f"¶ {position.paragraph}" in field["name"]
        assert position.quote[:200] in field["value"].replace("\n> ", " ").replace("> ", "")


async def test_map_of_an_unknown_reading_is_a_message(bot: FakeDiscord) -> None:
    interaction = await bot.slash("map", {"reading": "no-such-reading"})
    data: Any = (await bot.response_to(interaction)).json["data"]
    assert data["flags"] & EPHEMERAL and "No reading with id 'no-such-reading'" in data["content"]


@pytest.mark.parametrize("fmt", ["html", "md"])
async def test_guide_is_sent_as_a_file(bot: FakeDiscord, engine: AnswerEngine, fmt: str) -> None:
    reading = engine.reading
    interaction = await bot.slash("guide", {"format": fmt})
    await bot.response_to(interaction)
    sent = await bot.followup_to(interaction)
    name = f"{reading.id}-study-guide.{fmt}"
    text = sent.files[name].decode("utf-8")
    assert sent.json["allowed_mentions"]["parse"] == []
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        text = html.unescape(text)
    else:
        assert text.startswith("# Study guide: ")
    assert reading.title in text
    for c in reading.contributors:
        assert c.name in text
    central = [p for p in reading.positions if p.central]
    assert central and all(p.quote in text for p in central)
