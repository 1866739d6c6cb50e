"""Other spellings the text uses for a contributor's name, and other people's names."""

from __future__ import annotations

from bot.ingest.aliases import aliases, text_variants
from bot.ingest.segment import Speaker


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


def test_short_forms_of_a_given_name_are_aliases() -> None:
    """ "Abe" and "Abe Lincoln" from the `nicknames` table; a short form that is an ordinary
    word of the text ("drew") or starts otherwise than the name ("Drew" for Andrew) is not."""
    found = aliases(Speaker(key="lincoln", name="Abraham Lincoln"), 1, 2, True, "He spoke.")
    assert {"Abe", "Abe Lincoln"} <= set(found)
    andrew = aliases(Speaker(key="nathan", name="Andrew Nathan"), 1, 2, False, "andy drew it")
    assert not {"Drew", "Andy", "Randy"} & set(andrew)
    assert "Andy" in aliases(Speaker(key="nathan", name="Andrew Nathan"), 1, 2, False, "x")
