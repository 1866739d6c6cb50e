"""Answering where a contribution starts or ends: "how did the third one start their piece?",
"how does Neier wrap up?", "what does Hom open with?".

The answer is the contributor's first (or last) sentence in the text, cited with the position
of its paragraph, so it holds for any reading, curated or drafted.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum

from bot.engine.answers import Mode, Reply
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.engine.text import words

START_WORDS = frozenset(
    {"start", "starts", "started", "starting", "begin", "begins", "began", "beginning",
     "open", "opens", "opened", "opening", "intro", "introduction", "kick", "kicks", "kicked"}
)
END_WORDS = frozenset(
    {"end", "ends", "ended", "ending", "conclude", "concludes", "concluded", "concluding",
     "conclusion", "wrap", "wraps", "wrapped", "close", "closes", "closed", "closing",
     "finish", "finishes", "finished", "sign", "signs", "signed"}
)
# Words around them that name the piece, not a topic: "start their piece", "end his reply".
_PIECE_WORDS = frozenset(
    {"piece", "essay", "response", "contribution", "post", "speech", "remarks", "reply",
     "part", "entry", "comments", "comment", "statement", "words", "line", "lines", "thing",
     "things", "argument", "case", "writing", "talk", "off", "up", "saying", "wrote", "write",
     "writes", "said", "say", "says", "sentence", "sentences", "way"}
)


# One speech of several a debater gives: its start or end is not the contributor's.
_SPEECHES = frozenset({"speech", "speeches", "reply", "rejoinder", "remarks"})
SPEECH_WORDS = _SPEECHES


def names_a_speech(text: str) -> bool:
    """ "how did he end his reply", "at the end of his opening speech": one of the several
    speeches a debater gives, whose start or end is not the contributor's (found by topic)."""
    return bool(_SPEECHES.intersection(words(text)))


def speech_ends(text: str, where: int) -> frozenset[str]:
    """The topic phrases a drafted debate gives the first (`where` < 0) or last position of
    each speech ("start of the reply", "end of the rejoinder"), for the speeches a question
    names ("how did he wrap up his reply?")."""
    side = "start" if where < 0 else "end"
    named = {w.rstrip("s") if w == "speeches" else w for w in _SPEECHES.intersection(words(text))}
    return frozenset(f"{side} of the {w}" for w in named)


class Place(StrEnum):
    """Which end of a contribution a question asks for."""

    START = "start"
    END = "end"


def asked_place(q: Question) -> Place | None:
    """Whether the question asks how one contributor starts or ends (None if not).

    Read from its topic words, so that a follow-up carrying them ("and the second one?"
    after "how did the third one start?") asks the same of another."""
    if len(q.speakers) != 1 or q.who or q.compare or q.targets or q.phrase:
        return None
    said = {t.word for t in q.terms}
    if not said or said - START_WORDS - END_WORDS - _PIECE_WORDS or names_a_speech(q.text):
        return None
    starts, ends = bool(said & START_WORDS), bool(said & END_WORDS)
    if starts == ends:
        return None
    return Place.START if starts else Place.END


def place(src: Sources, q: Question, where: Place) -> Reply | None:
    """The contributor's first or last sentence, cited with a position of its paragraph."""
    cid = q.speakers[0]
    paragraphs = sorted(src.reading.contributor(cid).paragraphs)
    own = [s for s in src.quotes.sentences if s.paragraph in set(paragraphs)]
    if not own:
        return None
    sentence = own[0] if where is Place.START else own[-1]
    near = [p for p in src.index.in_paragraph(sentence.paragraph) if p.contributor_id == cid]
    if not near:
        ranked = sorted(src.reading.positions_of(cid), key=lambda p: p.paragraph)
        if not ranked:
            return None
        near = [ranked[0] if where is Place.START else ranked[-1]]
    holder = next((p for p in near if sentence.text in p.quote or p.quote in sentence.text),
                  near[0])
    answer = dataclasses.replace(
        src.cite(holder, 100.0), quote=sentence.text, paragraph=sentence.paragraph
    )
    name = src.reading.contributor(cid).short_name
    lead = f"How {name} {'opens' if where is Place.START else 'closes'}:"
    return Reply(q.text, Mode.ANSWER, (answer,), lead)
