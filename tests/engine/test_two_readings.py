"""The engine on two readings: each reading's own words come from its own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine, lexicon

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def garden() -> Engine:
    """An engine over the small fixture debate in tests/engine/fixtures/garden-debate."""
    return Engine.load(FIXTURES, "garden-debate")


@pytest.mark.parametrize(
    ("question", "who", "paragraph"),
    [
        ("who wants allotments?", "green", 3),  # the fixture's glossary word
        ("what did Tom disagree with?", "stone", 6),
        ("who worries about waiting lists?", "green", 4),
        ("what did the second contributor say about a private club?", "stone", 7),
    ],
)
def test_fixture_reading_answers(garden: Engine, question: str, who: str, paragraph: int) -> None:
    reply = garden.ask(question)
    assert not reply.abstained, reply.message
    assert (reply.answers[0].contributor_id, reply.answers[0].paragraph) == (who, paragraph)


def test_one_readings_glossary_does_not_reach_another(garden: Engine, engine: Engine) -> None:
    # "allotments" is the garden debate's word; the ChinaFile reading has no such entry
    assert garden.reader.read("allotments").terms[0].gloss == ("community plots",)
    assert not any(t.gloss for t in engine.reader.read("allotments").terms)
    # "clout" stands for wealth only in the ChinaFile reading's glossary
    assert "clout" in {m for e in engine.reading.glossary for m in e.means}
    assert not any("clout" in e.means for e in garden.reading.glossary)
    rich = engine.ask("who thinks China's wealth makes Western pressure harder?")
    assert not rich.abstained and rich.answers[0].contributor_id == "neier"


def test_the_series_name_is_no_topic(garden: Engine, engine: Engine) -> None:
    asked = engine.reader.read("what did Neier say in this ChinaFile conversation?")
    assert not asked.terms
    assert not garden.reader.read("what did Tom say in this test debate?").terms


READING_WORDS = ("clout", "mutes", "wedge", "firewall", "chinafile", "atlantic", "latecomer",
                 "either-or")
# phrases quoted from one text ("further to travel"): that reading's glossary holds them
READING_PHRASES = ("further to travel", "best possible example")


def test_lexicon_holds_no_words_of_one_reading() -> None:
    general = set(lexicon.META_WORDS) | set(lexicon.SYNONYMS)
    general |= {w for group in lexicon.SYNONYM_GROUPS for w in group}
    general |= {w for words in lexicon.SYNONYMS.values() for w in words}
    general |= {w for phrase in (*lexicon.CHAT_PHRASES, *lexicon.CHAT_PHRASES.values())
                for w in phrase.split()}
    assert not general & set(READING_WORDS)
    assert not set(lexicon.CHAT_PHRASES.values()) & set(READING_PHRASES)
