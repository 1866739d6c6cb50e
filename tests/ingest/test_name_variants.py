"""Other spellings the text uses for a contributor's name, and other people's names."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.ingest.aliases import aliases, text_variants
from bot.ingest.epithets import epithets
from bot.ingest.segment import Speaker
from bot.knowledge.loader import load_reading

from .conftest import drafted_from


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


def test_a_public_figures_by_names_are_aliases() -> None:
    """ "the Little Giant" for Stephen A. Douglas (middle initial aside); a surname alone names
    the one figure of that surname, without the by-names that hold a given name ("Honest
    Abe"), which the engine reads as the surname-only contributor; no by-name for a name the
    table lacks or shares."""
    douglas = aliases(Speaker(key="douglas", name="Stephen A. Douglas"), 1, 2, True, "x")
    assert "the Little Giant" in douglas
    lincoln = aliases(Speaker(key="lincoln", name="Lincoln"), 2, 2, True, "x")
    assert "the Rail Splitter" in lincoln and "Honest Abe" not in lincoln
    assert "Honest Abe" in aliases(Speaker(key="lincoln", name="Abraham Lincoln"), 2, 2, True, "x")
    assert epithets("Roosevelt") == () and epithets("Sharon Hom") == ()


def test_the_little_giant_is_asked_of_douglas(tmp_path: Path) -> None:
    text = ("MR. DOUGLAS' SPEECH.\n\nI hold that the people of a territory may decide on slavery "
            "for themselves.\n\nMR. LINCOLN'S REPLY.\n\nI hold that Congress may keep slavery "
            "out of the territories.\n")
    folder = drafted_from(tmp_path, text, "debate")
    q = Engine(load_reading(folder)).reader.read("what does the Little Giant say about slavery?")
    assert q.speakers == ("douglas",)

