"""Who else made the point just shown ("anyone else bring up those kinds of scandals?"):
others' positions whose quotes share the shown quote's telling words."""

from __future__ import annotations

import dataclasses

from bot.engine.answers import Mode, Reply
from bot.engine.index import COMMON_STEMS, STOP_STEMS
from bot.engine.question import Question
from bot.engine.sources import Sources

MIN_SHARED = 2  # telling words a quote must share with the one shown
RARE = 0.5  # share of the rarest word's weight a telling word has at least


def like_shown(src: Sources, q: Question, last: Reply | None, limit: int) -> Reply | None:
    """The positions, one per contributor not set aside by `q`, whose quotes share most of
    the telling words of the last reply's first answer; None when none shares enough."""
    if last is None or not last.answers:
        return None
    index = src.index
    shown = index.item_of(last.answers[0].position_id)
    if shown is None:
        return None
    floor = RARE * index.max_idf
    telling = {s for s in shown.quote_stems - COMMON_STEMS - STOP_STEMS
               if index.idf.get(s, 0.0) >= floor}
    best: dict[str, tuple[float, int]] = {}
    for i, it in enumerate(index.items):
        who = it.position.contributor_id
        if who == shown.position.contributor_id or who in q.excluded:
            continue
        shared = telling & it.quote_stems
        if len(shared) < MIN_SHARED:
            continue
        score = sum(index.idf[s] for s in shared)
        if who not in best or score > best[who][0]:
            best[who] = (score, i)
    if not best:
        return None
    top = max(score for score, _ in best.values())
    picked = sorted(best.values(), reverse=True)[:limit]
    answers = tuple(src.cite(index.items[i].position, 100.0 * score / top)
                    for score, i in picked)
    return Reply(q.text, Mode.WHO, answers, "Making a like point:")


LIKE_RATIO = 0.7  # share of the best score an answer like the one shown needs to go first
TELLING = 1.0  # weight a shared word needs to count as telling, for the reordering


def like_shown_first(src: Sources, reply: Reply, last: Reply | None) -> Reply:
    """ "anyone else say the US should lead?" after Rosenzweig's leadership role: when the
    best answer shares hardly a telling word with the one just shown, one that fits about
    as well and shares more goes first."""
    if last is None or not last.answers or len(reply.answers) < 2:
        return reply
    index = src.index
    shown = index.item_of(last.answers[0].position_id)
    if shown is None:
        return reply
    telling = {s for s in shown.quote_stems - COMMON_STEMS - STOP_STEMS
               if index.idf.get(s, 0.0) >= TELLING}

    def shared(position_id: str) -> int:
        it = index.item_of(position_id)
        return len(telling & it.quote_stems) if it is not None else 0

    top = reply.answers[0]
    base = shared(top.position_id)
    if base >= MIN_SHARED:  # the best already makes a like point
        return reply
    like = max((a for a in reply.answers[1:] if a.score >= LIKE_RATIO * top.score),
               key=lambda a: shared(a.position_id), default=None)
    if like is None or shared(like.position_id) < max(MIN_SHARED, base + 1):
        return reply
    rest = tuple(a for a in reply.answers if a is not like)
    return dataclasses.replace(reply, answers=(like, *rest))
