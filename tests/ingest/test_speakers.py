"""Speaker headings and inline turns as texts actually write them."""

from __future__ import annotations

import pytest

from bot.ingest.speakers import (
    Heading,
    colon_turns,
    full_name,
    heading,
    key,
    labelled,
    named_turns,
    turn,
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MR. DOUGLAS' SPEECH.", "DOUGLAS"),
        ("MR.LINCOLN'S SPEECH.", "LINCOLN"),
        ("MR. LINCOLN'S REPLY.", "LINCOLN"),
        ("M R. LINCOLN'S REJOINDER.", "LINCOLN"),
        ("MR. DOUGLAS' REPLY.", "DOUGLAS"),
        ("Nicholas Bequelin:", "Nicholas Bequelin"),
        ("JUSTICE SCALIA, dissenting.", "SCALIA"),
        ("CHIEF JUSTICE ROBERTS, concurring in the judgment.", "ROBERTS"),
    ],
)
def test_headings(text: str, name: str) -> None:
    assert heading(text) == Heading(name)


@pytest.mark.parametrize("text", ["— Jane Doe", "-- Jane Doe", "— Ada"])
def test_bylines(text: str) -> None:
    found = heading(text)
    assert found is not None and found.byline


@pytest.mark.parametrize(
    "text",
    ["A ChinaFile Conversation", "Ladies and gentlemen: I appear before you to-day.",
     "Thus:", "The keys to effective promotion are relatively straightforward:"],
)
def test_not_headings(text: str) -> None:
    assert heading(text) is None


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        ("MR. LINCOLN---I know he did not.", "LINCOLN", "I know he did not."),
        ("MR. LINCOLN, again interrupting---I know he did not.", "LINCOLN", "I know he did not."),
        ("MR. DOUGLAS, resuming---The point I am going", "DOUGLAS", "The point I am going"),
        ("MR. DOUGLAS. It is true he gives", "DOUGLAS", "It is true he gives"),
        ("MR. LINCOLN.---Yes; no doubt", "LINCOLN", "Yes; no doubt"),
        ("A VOICE---Then do you repudiate it?", "VOICE", "Then do you repudiate it?"),
        ("A HIBERNIAN.---Give us something", "HIBERNIAN", "Give us something"),
    ],
)
def test_turns(text: str, name: str, words: str) -> None:
    t = turn(text)
    assert t is not None and t.name == name and text[t.start:] == words


def test_names() -> None:
    text = "Debate with Stephen A. Douglas. Thereupon Judge Douglas rose. Either Lincoln ..."
    assert full_name("Douglas", text) == "Stephen A. Douglas"
    assert key("Stephen A. Douglas") == key("DOUGLAS") == "douglas"


# -- texts with no headings: turns that open with a name ----------


def test_colon_turns_find_the_speakers_and_where_their_words_begin() -> None:
    paragraphs = [
        "The Harbour Budget: A Council Exchange",
        "Alice Moreno: Thank you all for coming.",
        "Ben Okafor: I disagree with Alice about the timing.",
        "Alice: Ben says the roof comes first.",
        "Note: the clerk recorded this.",
        "Mr. Okafor: The fishermen can wait.",
    ]
    turns = colon_turns(paragraphs)
    assert [(t.paragraph, t.name) for t in turns] == [  # "Alice", "Mr. Okafor": the full names
        (1, "Alice Moreno"), (2, "Ben Okafor"), (3, "Alice Moreno"), (5, "Ben Okafor")
    ]
    for t in turns:
        assert paragraphs[t.paragraph][t.start:] in {
            "Thank you all for coming.", "I disagree with Alice about the timing.",
            "Ben says the roof comes first.", "The fishermen can wait."}
    assert labelled("Note: the clerk recorded this.") and not labelled(paragraphs[1])


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Alice Moreno: one speaker only.", "Alice Moreno: still only her."],
        ["Note: an editor's note.", "Question: what follows?", "Answer: nothing."],
        ["Alice Moreno:", "Ben Okafor:"],  # names on lines of their own are headings
        ["The plan: dredge first.", "A reply: no, the roof."],
    ],
)
def test_colon_turns_need_two_people_speaking_on_the_line(paragraphs: list[str]) -> None:
    assert colon_turns(paragraphs) == []


def test_named_turns_find_the_names_as_turns_write_them() -> None:
    paragraphs = [
        "The Harbour Debate",
        "ALICE. Thank you all for coming.",
        "MR. OKAFOR --- I disagree with her about the timing.",
        "Alice: Ben says the roof comes first.",
        "Alice is right that the boats matter.",  # speech about her, not her turn
        "OKAFOR, resuming --- The fishermen can wait one season.",
        "MS. ALICE --- Then let us borrow for the roof.",
        "Moreno---I said so before.",
        "ben okafor. The roof leaks today.",
    ]
    turns = named_turns(paragraphs, ["Alice Moreno", "Ben Okafor"])
    assert [(t.paragraph, t.name) for t in turns] == [
        (1, "Alice Moreno"), (2, "Ben Okafor"), (3, "Alice Moreno"), (5, "Ben Okafor"),
        (6, "Alice Moreno"), (7, "Alice Moreno"), (8, "Ben Okafor"),
    ]
    words = [paragraphs[t.paragraph][t.start:] for t in turns]
    assert words[0] == "Thank you all for coming."
    assert words[1] == "I disagree with her about the timing."
    assert words[3] == "The fishermen can wait one season."
    assert words[4] == "Then let us borrow for the roof."


def test_colon_turns_in_capitals_name_the_speakers_in_title_case() -> None:
    turns = colon_turns(["ALICE MORENO: We dredge.", "BEN OKAFOR: We mend the roof.",
                         "ALICE: Both, then."])
    assert [t.name for t in turns] == ["Alice Moreno", "Ben Okafor", "Alice Moreno"]


def test_a_name_two_speakers_share_opens_no_ones_turn() -> None:
    paragraphs = ["ALICE. Who speaks?", "MORENO. I do.", "SMITH. And I."]
    turns = named_turns(paragraphs, ["Alice Moreno", "Alice Smith"])
    assert [(t.paragraph, t.name) for t in turns] == [(1, "Alice Moreno"), (2, "Alice Smith")]
