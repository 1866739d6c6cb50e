"""Context cards as Discord messages stay within Discord's limits and keep every contributor,
however many entries a card has."""

from __future__ import annotations

import pytest

from bot.discordbot import limits
from bot.discordbot.prompt_embeds import card_message
from bot.prompts.cards import Card, CardEntry, Source

URL = "https://www.chinafile.com/conversation/whats-best-way-advance-human-rights-us-china"


def entry(contributor: int, number: int, quote_words: int = 200) -> CardEntry:
    return CardEntry(
        contributor_id=f"c{contributor}",
        contributor=f"Contributor Number {contributor}",
        position_id=f"c{contributor}-p{number}",
        kind="claim",
        summary=f"Contributor {contributor} makes point {number}, summed up in one sentence.",
        quote=" ".join(f"word{i}" for i in range(quote_words)),
        paragraph=contributor * 100 + number,
    )


def card(entries: list[CardEntry]) -> Card:
    return Card("What should the group discuss?", Source.CURATED, "p1", tuple(entries),
                "A Reading With A Title", URL)


@pytest.mark.parametrize(
    ("contributors", "per_contributor"),
    [(1, 1), (2, 3), (6, 2), (6, 5), (1, 12), (10, 3), (3, 20)],
)
def test_card_keeps_limits_and_every_contributor(contributors: int, per_contributor: int) -> None:
    entries = [entry(c, n) for n in range(per_contributor) for c in range(1, contributors + 1)]
    rendered = card_message(card(entries))
    assert rendered.content is not None and len(rendered.content) <= limits.CONTENT
    assert sum(limits.embed_size(e) for e in rendered.embeds) <= limits.EMBED_TOTAL
    assert all(len(e.description or "") <= limits.EMBED_DESCRIPTION for e in rendered.embeds)
    assert [e.title for e in rendered.embeds] == [
        f"Contributor Number {c}" for c in range(1, contributors + 1)
    ]
    footer = rendered.embeds[-1].footer.text or ""
    assert footer.startswith("A Reading With A Title")
    text = "\n".join(e.description or "" for e in rendered.embeds)
    shown = [e for e in entries if f"[¶ {e.paragraph}]({URL})" in text]
    assert all(e.summary in text for e in shown)
    assert {e.contributor for e in shown} == {e.contributor for e in entries}  # each keeps one
    if len(shown) < len(entries):
        assert footer.endswith(f"{len(entries) - len(shown)} more positions not shown")
    else:
        assert footer == "A Reading With A Title"
    if len(entries) <= 12:
        assert len(shown) == len(entries)


def test_short_cards_keep_whole_quotes() -> None:
    entries = [entry(1, 0, quote_words=40), entry(2, 0, quote_words=40)]
    text = "\n".join(e.description or "" for e in card_message(card(entries)).embeds)
    assert "word39" in text and "…" not in text


def test_card_without_entries_says_so() -> None:
    rendered = card_message(Card("Anything?", Source.FREE, None, (), "Title", URL))
    assert rendered.content == "**Discussion prompt (free):** Anything?"
    assert "No contributor" in (rendered.embeds[0].description or "")


def test_list_keeps_schedules_and_counts_what_it_cannot_show() -> None:
    from bot.discordbot.prompt_embeds import list_embeds
    from bot.prompts.service import PromptRef

    curated = [PromptRef(f"curated-{i}", "A curated question " * 10, Source.CURATED)
               for i in range(22)]
    custom = [PromptRef(f"custom-{i}", "A question the server added " * 8, Source.CUSTOM)
              for i in range(1, 201)]
    schedules = [f"<#{i}> every Monday at 18:00 (Europe/Berlin)" for i in range(3)]
    fitted = list_embeds(curated, custom, schedules)  # within limits before any trimming
    assert [e.title for e in fitted] == ["Schedules", "Curated prompts (22)",
                                         "This server's prompts (200)"]
    assert sum(limits.embed_size(e) for e in fitted) <= limits.EMBED_TOTAL
    assert fitted[0].description == "\n".join(schedules)
    for embed, total in ((fitted[1], 22), (fitted[2], 200)):
        description = embed.description or ""
        assert len(description) <= limits.EMBED_DESCRIPTION
        lines = description.splitlines()
        shown = len(lines) - 1 if lines[-1].startswith("… and") else len(lines)
        assert shown >= 5
        if shown < total:
            assert lines[-1] == f"… and {total - shown} more prompts"
    few = list_embeds(curated[:3], [], [])
    assert [e.title for e in few] == ["Curated prompts (3)"]
    assert "… and" not in (few[0].description or "")
