"""Kinds the drafter gives a sentence from its cue words: praise and agreement said by the
speaker, not a word that only looks like one."""

from __future__ import annotations

import pytest

from bot.ingest.draft import _kind


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
