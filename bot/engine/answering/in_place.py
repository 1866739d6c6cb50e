"""Details asked of the last answer ("what numbers do they give?", "and the protest
numbers?"): looked for in the paragraph just shown before anywhere else."""

from __future__ import annotations

import dataclasses
import re

from bot.engine.answers import Mode, Reply
from bot.engine.index import Term
from bot.engine.numbers import COUNT_WORDS
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.engine.text import words

# nouns that ask for figures, not for a topic of their own
NUMBER_NOUNS = frozenset({"numbers", "number", "figures", "figure", "statistics", "stats",
                          "percentages", "percentage"})
_FIGURE = re.compile(
    r"\b\d[\d,.]*\b|\b(?:" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
    + r"|billions?|dozens|quarter|one-(?:third|fourth|fifth|half)|doubled|tripled|percent)\b",
    re.I)


def asks_figures(q: Question) -> bool:
    """Whether a question asks for numbers ("what figures?", "the protest numbers?")."""
    return bool(NUMBER_NOUNS & set(words(q.text)))


def figures_in_place(src: Sources, q: Question, reply: Reply, last: Reply | None,
                     carried: frozenset[str]) -> Reply:
    """The sentence of the last answer's paragraph that gives figures (and the question's
    own topic words, those not `carried` over, if it has any), when the reply found holds
    none; the reply otherwise."""
    if last is None or not last.answers or not asks_figures(q):
        return reply
    if reply.answers and _FIGURE.search(reply.answers[0].quote):
        return reply
    top = last.answers[0]
    own = [t for t in q.terms if t.word not in NUMBER_NOUNS and t.word not in carried]
    best: tuple[int, int] | None = None
    pick = None
    for i, s in enumerate(src.quotes.in_paragraph(top.paragraph)):
        if not _FIGURE.search(s.text):
            continue
        held = sum(1 for t in own if _holds(s.stems, t))
        if own and not held:
            continue
        rank = (held, -i)
        if best is None or rank > best:
            best, pick = rank, s
    if pick is None:
        return reply
    holders = [p for p in src.index.in_paragraph(pick.paragraph)
               if p.contributor_id == top.contributor_id]
    if not holders:
        return reply
    holder = next((p for p in holders if pick.text in p.quote or p.quote in pick.text),
                  holders[0])
    answer = dataclasses.replace(src.cite(holder, top.score), quote=pick.text,
                                 paragraph=pick.paragraph)
    return Reply(q.text, Mode.ANSWER, (answer,), "The text says:")


def _holds(stems: frozenset[str], t: Term) -> bool:
    """Whether a sentence holds a topic word, or a longer word of its family ("protest":
    "protestors")."""
    root = t.own or t.word
    return any(st in stems for st, _ in t.alternatives) or (
        len(root) >= 4 and any(x.startswith(root) for x in stems))
