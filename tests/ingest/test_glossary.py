"""The drafted glossary: initials for the repeated names a text spells out."""

from __future__ import annotations

from bot.ingest.glossary import draft_glossary

TEXT = (
    "Slavery in the District of Columbia should end. Does the Judge deny it? I say the "
    "District of Columbia is no State. The Judge and the Senate agree; the Judge and the "
    "Senate differ. The Missouri Compromise stood; the Missouri Compromise fell. As far as "
    "Abu Ghraib goes, Abu Ghraib is a name. We met in the United States, the United States "
    "met us. Roger and James, Roger and James."
)


def test_initials_of_repeated_names() -> None:
    found = dict(draft_glossary(TEXT))
    assert found["DC"] == ["District of Columbia"]
    assert found["MC"] == ["Missouri Compromise"]
    assert found["AG"] == ["Abu Ghraib"]


def test_no_sentence_openers_pairs_or_words() -> None:
    found = dict(draft_glossary(TEXT))
    assert "DJ" not in found  # "Does the Judge": a sentence's first word is no name
    assert "RJ" not in found and "JS" not in found  # "Roger and James" are two names
    assert "US" not in found  # "us" is a word already


def test_a_name_used_once_is_left_alone() -> None:
    assert draft_glossary("The Kane County fair. Nothing else.") == []
