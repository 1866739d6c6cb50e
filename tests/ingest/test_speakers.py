"""Speaker headings and inline turns as texts actually write them."""

from __future__ import annotations

import pytest

from bot.ingest.speakers import Heading, full_name, heading, key, turn


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
