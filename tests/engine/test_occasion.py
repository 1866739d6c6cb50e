"""A question set at an occasion the reading never names ("at the Alton debate")."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(("question", "name"), [
    ("what did neier say at the peoria debate about torture", "peoria"),
    ("what did hom say in her galesburg speech on tibet", "galesburg"),
    ("what did neier say about torture", ""),
    ("what did neier say about torture in his famous speech", ""),  # a describing word
    ("what did neier say at the debate about torture", ""),
    ("what did bequelin say in the tibet debate", ""),  # a word of the reading
    ("what did bequelin say in the tibbet debate", ""),  # ... misspelt
    # several words before the occasion: names, joined and placed
    ("what did they say at the later peoria and galesburg debates about tibet", "peoria"),
    ("could you summarise what neier said in his galesburg union address", "galesburg"),
    # a phrase of its own before the occasion names none
    ("who mentioned someone walking in to announce the human rights debate", ""),
    ("what did neier say at the end of the debate", ""),
])
def test_occasion_named(engine: Engine, question: str, name: str) -> None:
    assert engine.reader.read(question).occasion == name


def test_answer_at_an_unnamed_occasion_abstains(engine: Engine) -> None:
    reply = engine.ask("what did neier say at the peoria debate about torture")
    assert reply.abstained and "Peoria" in reply.message
    assert not engine.ask("what did neier say about torture").abstained
