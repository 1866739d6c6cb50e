"""Comparing contributors: each one's best positions on the topic, and what links them."""

from __future__ import annotations

from bot.engine.answering.abstain import abstain
from bot.engine.answers import Answer, Mode, Reply
from bot.engine.lexicon import Relation
from bot.engine.question import Question
from bot.engine.rank import LOOSE_COVERAGE, MIN_COVERAGE, SECOND_KIND, TARGET_FIT
from bot.engine.sources import Sources

MAX_COMPARE = 6  # answers in a comparison at most
PER_SIDE = 2  # positions of each contributor
LOOSE_STRONG_SIDE = 2  # a side holding less of the topic needs this many in its own words


def compare(src: Sources, q: Question, limit: int) -> Reply:
    """Each named contributor's best positions on the topic (main points if none)."""
    sides: list[list[Answer]] = []
    silent: list[str] = []
    linked = _links_between(src, q)
    known = all(t.known or t.frame for t in q.terms)  # the question names nothing text lacks
    for cid in q.speakers:
        ranked = src.ranker.rank(q, speakers=(cid,), targets=q.targets)
        if q.terms:
            held = [s for s in ranked if s.coverage >= MIN_COVERAGE]
            # "compare X and Y on treating human rights as strategy": the member's verbs
            # ("treating", "justify") thin every side's share; two of the words in its own
            # sentence and a fair share in all is that side's view
            ranked = held or [s for s in ranked if known and s.coverage >= LOOSE_COVERAGE
                              and s.strong >= LOOSE_STRONG_SIDE]
        if q.targets and not q.terms:  # "the last two both bring up Nicholas": about him
            ranked = [s for s in ranked if s.on_target] or ranked
        side = [src.cite(s.item.position, s.score) for s in ranked[:PER_SIDE]]
        if not side:
            silent.append(src.reading.contributor(cid).short_name)
        sides.append(side)
    merged: list[Answer] = list(linked)
    for rank in range(PER_SIDE):
        for side in sides:
            if rank < len(side) and side[rank].position_id not in {
                a.position_id for a in merged
            }:
                merged.append(side[rank])
    if not merged:
        return abstain(src, q, "Neither of them addresses that in this reading.")
    note = f"{' and '.join(silent)} doesn't address that." if silent else ""
    return Reply(q.text, Mode.COMPARE, tuple(merged[:limit]), note)


def _links_between(src: Sources, q: Question) -> list[Answer]:
    """Agreements or disagreements between the compared contributors, if asked about."""
    if q.relation not in (Relation.AGREE, Relation.DISAGREE, Relation.CRITIQUE):
        return []
    ranked = src.ranker.rank(q, speakers=q.speakers, targets=q.speakers)
    links = [
        src.cite(s.item.position, s.score)
        for s in ranked
        if s.on_target
        and s.fit >= TARGET_FIT + SECOND_KIND  # of a kind the relation asks for, too
        and (not q.terms or s.coverage >= MIN_COVERAGE)
    ]
    return links[:PER_SIDE]
