"""Kinds the drafter gives a sentence from its cue words: praise and agreement said by the
speaker, not a word that only looks like one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.draft import _kind
from bot.knowledge.loader import load_reading

from .conftest import drafted_from


@pytest.mark.parametrize(
    ("sentence", "agrees"),
    [
        ("I agree with Judge Harlow that the canal must be dug.", True),
        ("I commend him for his candour on the tolls.", True),
        ("We are agreeing with the council on the bridge.", True),
        # another's agreeing, sarcasm and "agreeing to disagree" are no agreement
        ("The story of Preston agreeing to sell out his party is false.", False),
        ("I commend to the Judge's consideration how low a charge that is.", False),
        ("It is more than simply agreeing to disagree.", False),
    ],
)
def test_agreement_is_the_speakers_own(sentence: str, agrees: bool) -> None:
    assert (_kind(sentence, None) == "agreement") is agrees


def test_a_paragraph_keeps_four_phrases_it_repeats_and_four_words() -> None:
    from bot.ingest.draft import _keywords

    text = (
        "The county road is long. The toll bridge is old. The river ferry is slow. The grain "
        "tax is high. I say the county road, the toll bridge, the river ferry and the grain "
        "tax are ours."
    )
    got = _keywords(text, lambda w: 1.0)
    assert got[:4] == ["county road", "toll bridge", "river ferry", "grain tax"]
    assert len(got) == 8 and "slow" not in got[:4]


def test_a_sentence_answering_two_contributors_answers_each(tmp_path: Path) -> None:
    """ "as Ann and Bob urge": one position for each named; another's words in quotation
    marks ("a matter of sound timing") answer their author, named or not."""
    text = ("Ann Lee:\n\nThe council must dredge the harbour before winter.\n\nBob Roe:\n\n"
            "Dredging is a matter of sound timing for the fishing fleet.\n\nCal Day:\n\n"
            "I agree, as Ann and Bob urge, that the harbour must be dredged soon.\n\n"
            "Calling it “a matter of sound timing” misses why the fleet needs it.\n")
    reading = load_reading(drafted_from(tmp_path, text, "harbour"))
    whom = {(p.quote[:12], p.target.contributor_id if p.target else None)
            for p in reading.positions_of("day")}
    assert {("I agree, as ", "lee"), ("I agree, as ", "roe")} <= whom
    assert ("Calling it “", "roe") in whom
    ids = [p.id for p in reading.positions]
    assert len(ids) == len(set(ids))
