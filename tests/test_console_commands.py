"""The console's commands: help, positions and quote with plural kinds and several names,
paragraph N, and the replies it gives when it cannot answer."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bot.config import PromptsSettings
from bot.console import Console, _prompt_handler
from bot.console_lookup import paragraph_number, parse_kind
from bot.engine import Engine
from bot.knowledge.model import Kind


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="module")
def console(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Console:
    store = tmp_path_factory.mktemp("prompts") / "bot.sqlite3"
    return Console(engine, _prompt_handler(engine, PromptsSettings(database=store)))


def heads(text: str) -> list[tuple[str, str]]:
    """(contributor, kind label) of every answer shown."""
    return re.findall(r"^(.+?) - (\w+)(?: \(.*?\))? \(paragraph \d+\)$", text, re.M)


def reply(console: Console, line: str) -> str:
    out = console.handle(line)
    assert out is not None
    return out


def test_help_lists_every_command_that_prompt_alone_lists(console: Console) -> None:
    usage = reply(console, "prompt")
    commands = re.findall(r"^\s+(prompt \w+)", usage, re.M)
    assert len(commands) >= 8  # next, post, list, add, remove, schedule, unschedule, due
    text = reply(console, "help")
    for command in commands:
        assert re.search(rf"^\s+{command}\b", text, re.M), command
    for command in ("contributors", "reading", "positions NAME", "quote", "paragraph N", "quit"):
        assert command in text


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("recommendations", "recommendation"),
        ("Concerns", "concern"),
        ("critiques", "critique"),
        ("disagreements", "disagreement"),
        ("recomendation", "recommendation"),
        ("worries", "concern"),
        ("claim", "claim"),
        ("Neier", None),
        ("on", None),
    ],
)
def test_kinds_in_the_plural_and_misspelt(word: str, kind: str | None) -> None:
    assert parse_kind(word, [k.value for k in Kind]) == kind


def test_positions_with_a_plural_kind(console: Console) -> None:
    shown = heads(reply(console, "positions Neier recommendations"))
    assert shown and set(shown) == {("Aryeh Neier", "Recommendation")}


def test_positions_of_two_contributors_with_a_kind(console: Console) -> None:
    text = reply(console, "positions Aryeh Neier and the final respondent concessions")
    assert "None of Aryeh Neier’s positions in this reading is a concession." in text
    shown = heads(text)
    assert shown and set(shown) == {("the final respondent", "Concession")}


def test_positions_of_two_contributors(console: Console, engine: Engine) -> None:
    shown = heads(reply(console, "positions Aryeh Neier and the final respondent"))
    neier, last = engine.contributors[4], engine.contributors[5]
    expected = len(engine.positions(neier)) + len(engine.positions(last))
    assert len(shown) == expected
    assert {name for name, _ in shown} == {"Aryeh Neier", "the final respondent"}


def test_a_two_word_name_then_a_kind_and_commas(console: Console) -> None:
    shown = heads(reply(console, "positions Andrew Nathan, Sharon Hom claims"))
    assert {name for name, _ in shown} == {"Andrew J. Nathan", "Sharon Hom"}
    assert {kind for _, kind in shown} == {"Claim"}


def test_words_that_are_neither_name_nor_kind_are_named(console: Console) -> None:
    text = reply(console, "positions Neier on Taiwan")
    assert text.startswith("'on taiwan' is not a kind of position. Kinds are: claim")
    assert text.endswith("e.g. what did Neier say about taiwan?")
    assert "I don't know a contributor called 'Obama'" in reply(console, "positions Obama")
    assert reply(console, "positions").startswith("Usage: positions NAME [KIND].")


def test_quote_of_two_contributors_gives_one_each(engine: Engine) -> None:
    console = Console(engine)
    text = console.quote("Aryeh Neier and the final respondent", random.Random(1))
    assert [name for name, _ in heads(text)] == ["Aryeh Neier", "the final respondent"]


def test_quote_honours_a_kind(engine: Engine) -> None:
    console = Console(engine)
    for seed in range(5):
        shown = heads(console.quote("Neier recommendation", random.Random(seed)))
        assert shown == [("Aryeh Neier", "Recommendation")]
        [(_, kind)] = heads(console.quote("concerns", random.Random(seed)))
        assert kind == "Concern"


def test_quotes_shown_are_verbatim(console: Console, engine: Engine) -> None:
    text = " ".join(reply(console, "quote Aryeh Neier and the final respondent").split())
    quotes = re.findall(r"> “(.+?)”(?= |$)", text)
    assert len(quotes) == 2
    source = " ".join(" ".join(p.text for p in engine.reading.paragraphs).split())
    for quote in quotes:
        assert quote in source


@pytest.mark.parametrize(
    "line",
    ["paragraph 23", "Paragraph 23", "para 23", "¶23", "what is in paragraph 23?",
     "who wrote paragraph 23?", "show me paragraph 23", "what does paragraph 23 say?",
     "what's in paragraph 23", "quote paragraph 23"],
)
def test_paragraph_n_shows_it_with_who_wrote_it(
    line: str, console: Console, engine: Engine
) -> None:
    text = reply(console, line)
    assert text.startswith("Paragraph 23, by Andrew J. Nathan (")
    assert engine.reading.paragraph(23).text in text


def test_paragraph_out_of_range_and_not_by_a_contributor(console: Console) -> None:
    assert reply(console, "paragraph 999") == (
        "There is no paragraph 999; the text has paragraphs 0 to 32."
    )
    assert "not by a contributor" in reply(console, "paragraph 0")


@pytest.mark.parametrize(
    "line", ["what did Neier say in paragraph 26?", "paragraphs about Tibet", "paragraph"]
)
def test_other_questions_about_paragraphs_go_to_the_engine(line: str) -> None:
    assert paragraph_number(line) is None


def test_several_kinds_and_a_kind_before_the_name(console: Console) -> None:
    shown = heads(reply(console, "positions Neier agreements and disagreements"))
    assert {kind for _, kind in shown} == {"Agreement", "Disagreement"}
    shown = heads(reply(console, "positions recommendations Neier"))
    assert shown and set(shown) == {("Aryeh Neier", "Recommendation")}


def test_a_long_name_is_cut_short_in_the_reply(console: Console) -> None:
    text = reply(console, "quote " + "x" * 5000)
    assert text.startswith("I don't know a contributor called 'xxx")
    assert len(text) < 120


def test_console_schedules_use_the_configured_default_zone(engine: Engine, tmp_path: Path) -> None:
    settings = PromptsSettings(database=tmp_path / "p.sqlite3", default_timezone="Europe/Berlin")
    out = Console(engine, _prompt_handler(engine, settings)).handle("prompt schedule daily 9am")
    assert out is not None
    assert "(Europe/Berlin)" in out and "the bot's default" in out


@pytest.mark.parametrize("line", ["paragraph", "paragraph x", "paragraph -1"])
def test_paragraph_without_a_number_gives_its_usage(console: Console, line: str) -> None:
    assert (console.handle(line) or "").startswith("Usage: paragraph N, a number from 0 to ")


def test_piped_control_characters_are_not_echoed(engine: Engine) -> None:
    import io

    from bot.console import run_console

    out = io.StringIO()
    run_console(engine, io.StringIO("who \x1b[31mmentioned\x07 tibet\n"), out, False, None)
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
    assert "> who ?[31mmentioned? tibet" in out.getvalue()


def test_reading_leaves_out_what_a_reading_lacks(console: Console) -> None:
    lines = reply(console, "reading").splitlines()
    assert lines[0].startswith("What's the Best Way") and lines[-1].startswith("https://")
    assert all(not line.startswith(",") and ", ," not in line for line in lines)
