"""The shipped curated prompts: enough of them, linked to real positions, cards that render."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import load_library
from bot.knowledge.model import Reading
from bot.prompts.cards import card_for_positions, render_text
from bot.prompts.service import PromptService
from bot.prompts.store import Store


@pytest.fixture(scope="module")
def shipped() -> Reading:
    return load_library(None).get("chinafile-2013-human-rights")


def test_between_15_and_25_prompts_with_unique_ids(shipped: Reading) -> None:
    ids = [p.id for p in shipped.prompts]
    assert 15 <= len(ids) <= 25
    assert len(set(ids)) == len(ids)
    assert not any(i.startswith("custom-") for i in ids)  # reserved for servers' prompts


def test_every_prompt_links_real_positions_and_renders(shipped: Reading) -> None:
    for prompt in shipped.prompts:
        card = card_for_positions(shipped, prompt.text, prompt.positions, prompt_id=prompt.id)
        assert card.entries, prompt.id
        text = render_text(card)
        assert all(e.quote[:20] in " ".join(text.split()) for e in card.entries)


def test_most_prompts_set_contributors_against_each_other(shipped: Reading) -> None:
    spanning = [
        p for p in shipped.prompts
        if len({shipped.position(pid).contributor_id for pid in p.positions}) >= 2
    ]
    assert len(spanning) >= len(shipped.prompts) // 2
    every = {shipped.position(pid).contributor_id for p in shipped.prompts for pid in p.positions}
    assert every == {c.id for c in shipped.contributors}


def test_the_named_tensions_are_covered(shipped: Reading) -> None:
    text = " ".join(p.text.lower() for p in shipped.prompts)
    for words in ("national-interest", "example", "credit", "businesses", "vocal diplomacy",
                  "hong kong"):
        assert words in text, words


def test_next_rotates_over_the_shipped_prompts(shipped: Reading, tmp_path: Path) -> None:
    service = PromptService(shipped, Store(tmp_path / "p.sqlite3"), lambda t, n: [])
    ids = [service.next(1).prompt_id for _ in shipped.prompts]
    assert sorted(ids) == sorted(p.id for p in shipped.prompts)  # type: ignore[type-var]
