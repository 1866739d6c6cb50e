"""Questions about a photo in the reading ("the photo with the protesters kneeling - when was
that taken?"): its caption, words of no contributor that stand inside one's piece, quoted as
the text gives them and said to be the caption, not the contributor's own words."""

from __future__ import annotations

import dataclasses
import re

from bot.engine.answering.detail import answer_shape
from bot.engine.answers import Answer, Mode, Reply
from bot.engine.lexicon import STOPWORDS
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.engine.text import sentences, stem, stems, words

# (not "image": "the US image abroad" is its standing)
ASKS_PHOTO = re.compile(r"\b(?:photos?|photographs?|pictures?|pics?|captions?)\b", re.I)


def captions(src: Sources) -> list[tuple[int, str]]:
    """The paragraphs of no contributor that stand between two of one contributor's (a photo's
    caption and its credit), each with that contributor's id, in text order."""
    owned = sorted(src.owners)
    out: list[tuple[int, str]] = []
    for p in src.reading.paragraphs:
        if not src.unowned(p.number):
            continue
        before = next((src.owners[n] for n in reversed(owned) if n < p.number), None)
        after = next((src.owners[n] for n in owned if n > p.number), None)
        if before is not None and before == after:  # (of several, the one who wrote later)
            out.append((p.number, [c.id for c in src.contributors if c.id in before][-1]))
    return out


def caption_answer(src: Sources, q: Question) -> Reply | None:
    """The caption sentence a photo question asks about: of the captions, the one sharing most
    of the question's words (holding the year or number asked, if one is); None if the
    question asks of no photo or the reading has no caption."""
    if not ASKS_PHOTO.search(q.text):
        return None
    found = captions(src)
    if not found:
        return None
    asked = {stem(w) for w in words(q.text) if w not in STOPWORDS and not ASKS_PHOTO.match(w)}
    shape = answer_shape(q.text)
    best: tuple[int, int, str, int, str] | None = None
    for number, cid in found:  # (no paragraphs of substance: not in src.quotes)
        for text in sentences(src.reading.paragraph(number).text):
            if shape is not None and not shape.search(text):
                continue
            shared = len(asked & set(stems(text)))
            if best is None or (shared, len(text)) > (best[0], best[1]):
                best = (shared, len(text), text, number, cid)
    if best is None or best[0] == 0:
        return None
    _, _, text, number, cid = best
    who = src.reading.contributor(cid)
    near = [p for p in src.reading.positions_of(cid) if p.paragraph > number] or list(
        src.reading.positions_of(cid))
    if not near:
        return None
    held = src.cite(near[0], 100.0)
    answer: Answer = dataclasses.replace(
        held, quote=text, paragraph=number, kind="caption", target=None,
        summary=f"The caption of the photo in {who.short_name}'s piece.")
    return Reply(q.text, Mode.ANSWER, (answer,),
                 f"The photo caption in {who.short_name}'s piece says (not "
                 f"{who.short_name}'s own words):")
