"""Members' misspellings against a drafted reading, whose words are only the text's."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.knowledge.loader import load_reading

from .conftest import drafted_from


def test_a_doubled_letter_typo_reaches_a_longer_word_of_the_text(tmp_path: Path) -> None:
    """ "Tibbet" for a text that writes only "Tibetan": undoubled, it begins the text's word
    (too many edits away for the nearest-spelling correction)."""
    text = ("Ann Lee:\n\nThe Tibetan monasteries deserve protection.\n\nBob Roe:\n\n"
            "The harbour needs dredging before winter.\n")
    engine = Engine(load_reading(drafted_from(tmp_path, text)))
    assert engine.sources.index.correct("tibbet") == ("tibet", True)
    reply = engine.ask("what did Ann say about Tibbet?")
    assert not reply.abstained and "Tibetan" in reply.answers[0].quote


def test_a_place_reaches_its_peoples_word(tmp_path: Path) -> None:
    """ "Tibet" for a text that writes "Tibetan": the same place, as strong as a glossary
    word, so that the one who speaks of it answers for another who does not."""
    text = ("Ann Lee:\n\nThe Tibetan monasteries deserve protection.\n\nBob Roe:\n\n"
            "The harbour needs dredging before winter.\n\nCal Day:\n\n"
            "The ferry should run on Sundays.\n")
    engine = Engine(load_reading(drafted_from(tmp_path, text)))
    reply = engine.ask("what did Bob say about Tibet?")
    assert not reply.abstained and reply.answers[0].contributor_id == "lee"
    assert "doesn't address" in reply.message
