"""General word families: a member's plain word reaches an older text's word for it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.index import SYNONYM_STEMS
from bot.engine.text import stem


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("stubborn", "obstinate"),
        ("shaping", "moulds"),
        ("store", "grocery"),
        ("ditching", "forsake"),
        ("drink", "liquor"),
        ("glasses", "spectacles"),
        ("hate", "sorry"),
        ("century", "hundred"),
        ("glasses", "specs"),
        ("plotters", "conspirators"),
        ("pawn", "used"),
        ("immigrants", "emigration"),
        ("tyranny", "despotism"),
        ("bragging", "boasted"),
        ("kids", "boys"),
        ("founders", "fathers"),
        ("drop", "retire"),
        ("killed", "rejected"),
        ("instinct", "impulse"),
        ("limit", "restricting"),
        ("selling", "trade"),
        ("unpatriotic", "enemy"),
        ("win", "succeed"),
        ("spirit", "genius"),
        ("fight", "quarrel"),
        ("intends", "purpose"),
        ("opponent", "adversary"),
        ("escaped", "fugitives"),
        ("returning", "reclaiming"),
        ("heckling", "interruption"),
        ("repairing", "undo"),
        ("proven", "proved"),
    ],
)
def test_plain_word_reaches_the_texts_word(asked: str, written: str) -> None:
    assert stem(written) in SYNONYM_STEMS.get(stem(asked), frozenset())


def test_a_directed_synonym_stays_one_way() -> None:
    # "I'd hate to" may be "I'd be sorry to"; "sorry" does not mean "hate"
    assert stem("hate") not in SYNONYM_STEMS.get(stem("sorry"), frozenset())
    # "they killed the amendment" is "rejected it"; a rejection kills no one, and "fight
    # for rights" is no war
    assert stem("killed") not in SYNONYM_STEMS.get(stem("rejected"), frozenset())
    assert stem("war") not in SYNONYM_STEMS.get(stem("fight"), frozenset())


def test_phrases_read_as_the_written_words(engine: Engine) -> None:
    asked = engine.reader.read("what did they say about breaking up the union in washington dc")
    got = {t.word for t in asked.terms}
    assert {"dissolving", "district"} <= got and "usa" not in got
    assert stem("dissolution") in SYNONYM_STEMS[stem("dissolving")]


@pytest.mark.parametrize("question", ["what did Hom say about the Soviet Union?",
                                      "who mentioned the USSR"])
def test_the_soviet_union_is_the_soviet_bloc(engine: Engine, question: str) -> None:
    assert {t.word for t in engine.reader.read(question).terms} == {"soviet", "bloc"}
    assert engine.ask(question).answers[0].contributor_id == "neier"


@pytest.mark.parametrize(
    ("form", "base"),
    [("adding", "add"), ("added", "add"), ("stopped", "stop"), ("begged", "beg"),
     ("focusing", "focus")],
)
def test_a_doubled_letter_comes_off_only_a_longer_base(form: str, base: str) -> None:
    # "adding" is "add" + "ing": undoubling it to "ad" would part it from "add"
    assert stem(form) == stem(base)


def test_a_long_word_reaches_its_other_endings_in_the_text(engine: Engine) -> None:
    # Hom writes of "diplomatic and technical assistance programs"; a member of "diplomacy"
    alternatives = dict(engine.index.term("diplomacy").alternatives)
    assert stem("diplomatic") in alternatives
    assert alternatives[stem("diplomatic")] < alternatives.get(stem("diplomacy"), 1.0)
    reply = engine.ask("did hom say anything about tech assistance or diplomacy programs?")
    assert not reply.abstained and reply.answers[0].contributor_id == "hom"


def test_a_word_reaches_its_longer_forms_in_the_text(engine: Engine) -> None:
    # the text's "protestors" for a member's "protest"
    assert stem("protestors") in dict(engine.index.term("protest").alternatives)


@pytest.mark.parametrize("word", ["matches", "catches", "fixes", "stuck", "count", "bother"])
def test_everyday_verbs_are_never_misspellings(word: str) -> None:
    """ "if the judge matches their views": no misspelt "marches" of an older text."""
    from bot.engine.index import everyday

    assert everyday(word)
