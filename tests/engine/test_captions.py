"""A photo's caption (words of no contributor inside one's piece) answers a question about the
photo, quoted verbatim and said to be the caption, not the contributor's own words."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.answering.caption import captions


def test_the_caption_and_credit_stand_in_the_first_piece(engine: Engine) -> None:
    assert captions(engine.sources) == [(4, "bequelin"), (5, "bequelin")]


@pytest.mark.parametrize("question", [
    "The photo with the protesters kneeling in front of the Supreme Court - when was that taken?",
    "the pic in the first piece is of a protest in DC, what month n year was that",
])
def test_a_photo_question_is_answered_by_its_caption(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.abstained
    top = reply.answers[0]
    assert (top.paragraph, top.kind) == (5, "caption")
    assert "January 2008" in top.quote
    assert top.quote in engine.reading.paragraph(5).text  # verbatim
    assert "not Bequelin's own words" in reply.message


@pytest.mark.parametrize("question", [
    "what does bequelin say about the US image abroad",  # "image" is its standing here
    "who took the photo?",  # the caption shares no word of it
])
def test_no_caption_answer(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert all(a.kind != "caption" for a in reply.answers)
