"""Answer quality on question sets written blind by others (tests/data/*_questions.yaml).

Each item: q, kind, who (contributor ids acceptable for the top answer), para (phrases of the
text; the top answer's quote must come from a paragraph holding one), abstain. The same rule
as the shared scorer, computed here so the suite needs nothing outside the project.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.engine import Engine
from bot.engine.text import fold

DATA = Path(__file__).resolve().parents[1] / "data"
# The least share of questions the engine must get right on each set. Measured values are
# in the README; these floors sit a little below them and catch regressions.
FLOORS = {
    "heldout_questions.yaml": 0.95,
    "heldout2_questions.yaml": 0.95,
    "heldout3_questions.yaml": 0.95,
    "heldout4_questions.yaml": 0.95,
    "final_questions.yaml": 0.95,
    "round6_questions.yaml": 0.93,
    "round8_questions.yaml": 0.93,
}


def _score(engine: Engine, items: list[dict[str, Any]]) -> tuple[float, list[str]]:
    paragraphs = [fold(p.text) for p in engine.reading.paragraphs]
    right = 0
    misses: list[str] = []
    for item in items:
        reply = engine.ask(item["q"])
        if item.get("abstain"):
            ok = reply.abstained
        elif reply.abstained:
            ok = False
        else:
            top = reply.answers[0]
            gold = {
                i for phrase in item.get("para") or [] for i, p in enumerate(paragraphs)
                if fold(phrase) in p
            }
            ok = top.contributor_id in item["who"] and (not gold or top.paragraph in gold)
        right += ok
        if not ok:
            misses.append(item["q"])
    return right / len(items), misses


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_question_set_score(engine: Engine, name: str) -> None:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    score, misses = _score(engine, items)
    assert score >= FLOORS[name], f"{score:.3f} < {FLOORS[name]}; misses: {misses}"
