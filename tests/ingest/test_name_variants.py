"""Other spellings the text uses for a contributor's name, and other people's names."""

from __future__ import annotations

from bot.ingest.aliases import text_variants


def test_a_spelling_after_the_given_name_or_a_title_is_theirs() -> None:
    text = "Nicolas Becquelin wrote. Later Judge Bequelinn replied."
    assert text_variants("Nicholas Bequelin", text) == [
        (0, "Nicolas"), (1, "Becquelin"), (1, "Bequelinn")]


def test_a_spelling_after_another_given_name_is_another_person() -> None:
    text = ("Judge Douglas spoke. He named Fred. Douglass, and then Frederick Douglass again. "
            "Mr. Douglas replied.")
    assert text_variants("Stephen A. Douglas", text) == []


def test_a_bare_spelling_stays_a_variant() -> None:
    text = "Mr. Douglas spoke. Then Douglass, in his reply, said more."
    assert text_variants("Stephen A. Douglas", text) == [(2, "Douglass")]
