"""A position and its dispute hold the same words: "who said X?" is the one who said it,
"who says not X?" the one who disputes it."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("who said the us has to lead by example on human rights", "bequelin"),
        ("who says the US shouldn't try to be a moral model?", "rosenzweig"),
        ("did anyone argue against the US trying to be the moral role model", "rosenzweig"),
        ("who thinks no single country should appoint itself the world's moral role model?",
         "rosenzweig"),
    ],
)
def test_who_said_it_or_disputed_it(engine: Engine, question: str, who: str) -> None:
    reply = engine.ask(question)
    assert not reply.abstained and reply.answers[0].contributor_id == who
