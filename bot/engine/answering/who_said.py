"""Answering "who said '...'": the verbatim sentence of the text and the position it is in."""

from __future__ import annotations

import dataclasses

from rapidfuzz import fuzz

from bot.engine.answers import Mode, Reply
from bot.engine.index import STOP_STEMS
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.engine.text import stems

HOLDS_PHRASE = 90  # a position's quote holding the asked phrase this closely is shown as is


def who_said(src: Sources, q: Question) -> Reply | None:
    """The sentence holding the question's phrase, cited; None when the text lacks it."""
    found = src.quotes.locate(q.phrase)
    if found is None:
        return None
    in_para = src.index.in_paragraph(found.paragraph)
    if not in_para:
        return None
    holder = max(in_para, key=lambda p: fuzz.partial_ratio(q.phrase, p.quote.lower()))
    answer = src.cite(holder, found.ratio)
    if fuzz.partial_ratio(q.phrase, holder.quote.lower()) < HOLDS_PHRASE:
        answer = dataclasses.replace(answer, quote=found.sentence)
    note = ""
    if holder.contributor_id in q.excluded:
        return None  # "did anyone besides Bequelin hate the 'agree to disagree' line?"
    if q.speakers and holder.contributor_id not in q.speakers and (
        holder.contributor_id in q.targets
    ):
        return None  # "why does Douglas think Lincoln's 'house divided' is dangerous?"
    if q.speakers and holder.contributor_id not in q.speakers and _says_it_too(src, q):
        return None  # "what did Rosenzweig say about 'agree to disagree'": his "agreeing to"
    if q.speakers and holder.contributor_id not in q.speakers:
        note = f"Those are {answer.contributor}'s words, not {src.names(q.speakers)}'s."
    return Reply(q.text, Mode.ANSWER, (answer,), note)


def _says_it_too(src: Sources, q: Question) -> bool:
    """Whether a sentence of the asked contributors holds every word of the phrase, in
    some form ("agreeing to disagree" for 'agree to disagree')."""
    wanted = set(stems(q.phrase)) - STOP_STEMS
    allowed = {n for c in q.speakers for n in src.reading.contributor(c).paragraphs}
    return bool(wanted) and any(
        s.paragraph in allowed and wanted <= s.stems for s in src.quotes.sentences)
