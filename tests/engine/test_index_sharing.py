"""The index shares each paragraph's word sets among the positions quoting it."""

from __future__ import annotations

from collections import defaultdict

from bot.engine import Engine
from bot.engine.index import IndexedPosition


def test_positions_of_one_paragraph_share_its_sets(engine: Engine) -> None:
    by_paragraph: dict[int, list[IndexedPosition]] = defaultdict(list)
    for item in engine.index.items:
        by_paragraph[item.position.paragraph].append(item)
    shared = [items for items in by_paragraph.values() if len(items) > 1]
    assert shared, "the shipped reading quotes some paragraph twice"
    for items in shared:
        first = items[0]
        for other in items[1:]:
            assert other.text_stems is first.text_stems
            assert other.text_pairs is first.text_pairs


def test_weight_of_a_paragraph_word_and_of_an_own_word(engine: Engine) -> None:
    for item in engine.index.items:
        only_paragraph = item.text_stems - item.own.keys()
        for s in list(only_paragraph)[:3]:
            assert item.weight(s) == item.paragraph_weight > 0
            assert item.holds(s)
        for s, w in item.own.items():
            assert item.weight(s) == w >= item.paragraph_weight
        assert not item.holds("zzzqx") and item.weight("zzzqx") == 0.0
