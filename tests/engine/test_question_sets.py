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

from bot.engine import Engine, Reply
from bot.engine.conversation import Conversation
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
    "chat_questions.yaml": 0.94,  # written blind in members' chat voice: 0.707 on first run
    "chat2_questions.yaml": 0.94,  # a second blind chat set: 0.842 on first run
    "chat3_questions.yaml": 0.89,  # a third: 0.667 on first run, then tuned on
    "chat4_questions.yaml": 0.90,  # a fourth: 0.820 on first run, never tuned on
    "chat5_questions.yaml": 0.92,  # a fifth: 0.875 on first run, then tuned on
    "chat6_questions.yaml": 0.91,  # a sixth: 0.913 on first run, never tuned on
    "chat7_questions.yaml": 0.92,  # a seventh: 0.883 on first run, then studied
    "chat8_questions.yaml": 0.87,  # an eighth, written last: 0.822 on first run, then studied
    "chat9_questions.yaml": 0.86,  # session 17: 0.840 on first run; studied in session 18
    "chat10_questions.yaml": 0.94,  # session 17, written mid-session: 0.840; studied in 18
    "chat11_questions.yaml": 0.80,  # session 18, never studied: 0.800 on first run
    "chat12_questions.yaml": 0.89,  # session 19: 0.880 on first run; studied in session 20
    "chat13_questions.yaml": 0.87,  # session 20: 0.870 on first run; studied in session 21
    "chat14_questions.yaml": 0.89,  # session 21: 0.840 on first run; studied in session 22
    "chat15_questions.yaml": 0.88,  # session 22: 0.860 on first run; studied in session 23
    "chat16_questions.yaml": 0.87,  # session 23: 0.840 on first run; studied in sessions 24, 26
    "chat17_questions.yaml": 0.90,  # session 24, never studied: 0.920 on first run
    "chat18_questions.yaml": 0.86,  # session 26: 0.800 on first run, then studied
    "chat19_questions.yaml": 0.82,  # session 26, written late, never studied: 0.830 (start 0.810)
    "chat20_questions.yaml": 0.88,  # session 27: 0.860 on first run, then studied
    "chat21_questions.yaml": 0.87,  # session 28: 0.890 on first run
    "chat22_questions.yaml": 0.83,  # session 29: 0.850 on first run
    "chat23_questions.yaml": 0.81,  # session 29, written late, never studied: 0.830 (start 0.820)
    "chat24_questions.yaml": 0.88,  # session 30: 0.800 on first run, then studied
    "chat25_questions.yaml": 0.80,  # session 31: 0.830 on first run; never studied
    "chat26_questions.yaml": 0.74,  # session 31: 0.710 on first run (be66cc7 and c71247c)
}
# Conversations: least share right of first and follow-up turns, each follow-up read in its
# conversation. First runs: conversations 0.900 / 0.440, conversations2 0.825 / 0.500,
# conversations3 (never tuned on) 0.950 / 0.622, conversations4 0.933 / 0.636, conversations5
# 0.975 / 0.815 (on the engine of the second round); this session's conversations6 0.900 /
# 0.766, conversations7 1.000 / 0.699 (both then tuned on), conversations8 0.925 / 0.688
# and conversations9 0.900 / 0.704 (never tuned on); session 16's conversations10 0.925 / 0.644
# (then tuned on), conversations11 0.850 / 0.600 and conversations13 0.875 / 0.622 (never
# tuned on), conversations12 0.850 / 0.700 (then tuned on); session 17's conversations15
# 0.867 / 0.635 (then studied), conversations16 0.867 / 0.711 and conversations17 0.800 / 0.718
# on the session's starting engine (never studied; studied in session 18); session 18's
# conversations18 0.767 / 0.679 and conversations19 0.800 / 0.724 on that session's starting
# engine (never studied); session 19's conversations20 0.800 / 0.723 on its starting engine
# (studied in session 20); session 20's conversations21 0.800 / 0.671 on its starting engine
# (studied in session 21); session 21's conversations22 0.767 / 0.513 on its starting engine
# (studied in session 22).
CONVERSATION_FLOORS = {
    "conversations.yaml": {"first": 0.99, "follow-up": 0.97},
    "conversations2.yaml": {"first": 0.94, "follow-up": 0.90},
    "conversations3.yaml": {"first": 0.99, "follow-up": 0.92},
    "conversations4.yaml": {"first": 0.96, "follow-up": 0.94},
    "conversations5.yaml": {"first": 0.99, "follow-up": 0.91},
    "conversations6.yaml": {"first": 0.89, "follow-up": 0.83},
    "conversations7.yaml": {"first": 0.99, "follow-up": 0.73},
    "conversations8.yaml": {"first": 0.94, "follow-up": 0.81},
    "conversations9.yaml": {"first": 0.89, "follow-up": 0.69},
    "conversations10.yaml": {"first": 0.93, "follow-up": 0.82},
    "conversations11.yaml": {"first": 0.87, "follow-up": 0.72},
    "conversations12.yaml": {"first": 0.86, "follow-up": 0.81},
    "conversations13.yaml": {"first": 0.86, "follow-up": 0.66},
    "conversations14.yaml": {"first": 0.88, "follow-up": 0.83},
    "conversations15.yaml": {"first": 0.91, "follow-up": 0.77},
    "conversations16.yaml": {"first": 0.85, "follow-up": 0.81},
    "conversations17.yaml": {"first": 0.81, "follow-up": 0.73},
    "conversations18.yaml": {"first": 0.80, "follow-up": 0.72},
    "conversations19.yaml": {"first": 0.81, "follow-up": 0.73},
    "conversations20.yaml": {"first": 0.85, "follow-up": 0.80},
    "conversations21.yaml": {"first": 0.91, "follow-up": 0.68},
    "conversations22.yaml": {"first": 0.91, "follow-up": 0.68},
    # session 23: first 0.833, follow-ups 0.708 on its first run; studied in session 24
    "conversations24.yaml": {"first": 0.84, "follow-up": 0.69},
    # session 26: first 0.900, follow-ups 0.707 on its first run, then studied
    "conversations26.yaml": {"first": 0.92, "follow-up": 0.77},
    # session 26, written mid-session: 0.867 / 0.693 on its first run; four of its follow-ups
    # (two "per her") were in one listing of misses that prompted a change
    "conversations27.yaml": {"first": 0.86, "follow-up": 0.73},
    # session 27: first 1.000, follow-ups 0.789 (60/76) on its first run; never studied
    "conversations28.yaml": {"first": 0.96, "follow-up": 0.76},
    "conversations29.yaml": {"first": 0.9, "follow-up": 0.79},
    # session 29: first 0.900, follow-ups 0.653 (49/75) on its first run
    "conversations30.yaml": {"first": 0.87, "follow-up": 0.62},
    # session 29, written late, never studied: first 0.967, follow-ups 0.773 (58/75) on its
    # first run (0.747 on the session's starting engine)
    "conversations31.yaml": {"first": 0.93, "follow-up": 0.74},
    # session 30: first 0.900, follow-ups 0.733 (55/75) on its first run; never studied
    "conversations32.yaml": {"first": 0.87, "follow-up": 0.70},
    # session 31: first 0.900, follow-ups 0.772 (61/79) on its first run
    "conversations33.yaml": {"first": 0.87, "follow-up": 0.74},
    # session 31: first 0.900, follow-ups 0.720 (54/75) on be66cc7, 0.733 on c71247c
    "conversations34.yaml": {"first": 0.87, "follow-up": 0.70},
}


def _right(reply: Reply, item: dict[str, Any], paragraphs: list[str]) -> bool:
    """Whether a reply answers one question set item (the shared scorer's rule)."""
    if item.get("abstain"):
        return reply.abstained
    if reply.abstained:
        return False
    top = reply.answers[0]
    gold = {
        i for phrase in item.get("para") or [] for i, p in enumerate(paragraphs)
        if fold(phrase) in p
    }
    return top.contributor_id in item["who"] and (not gold or top.paragraph in gold)


def _score(engine: Engine, items: list[dict[str, Any]]) -> tuple[float, list[str]]:
    paragraphs = [fold(p.text) for p in engine.reading.paragraphs]
    right = 0
    misses: list[str] = []
    for item in items:
        ok = _right(engine.ask(item["q"]), item, paragraphs)
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


@pytest.mark.parametrize("name", sorted(CONVERSATION_FLOORS))
def test_conversation_scores(engine: Engine, name: str) -> None:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    conversations = yaml.safe_load(path.read_text(encoding="utf-8"))
    paragraphs = [fold(p.text) for p in engine.reading.paragraphs]
    right = {"first": [0, 0], "follow-up": [0, 0]}
    for conv in conversations:
        talk = Conversation()
        for i, turn in enumerate(conv["turns"]):
            reply = engine.ask(turn["q"], conversation=talk)
            tally = right["first" if i == 0 else "follow-up"]
            tally[0] += _right(reply, turn, paragraphs)
            tally[1] += 1
    for turns, floor in CONVERSATION_FLOORS[name].items():
        ok, n = right[turns]
        assert ok / n >= floor, f"{name} {turns}: {ok}/{n} < {floor}"
