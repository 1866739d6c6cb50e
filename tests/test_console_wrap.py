"""Every text the console and `ask` print fits the terminal, without breaking a word."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.config import PromptsSettings
from bot.console import Console, _prompt_handler, run_console
from bot.engine import Engine
from bot.prompts.cards import render_text
from bot.prompts.service import PromptService
from bot.prompts.store import Store
from bot.terminal import fit, reflow, terminal_width

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def too_long(text: str, width: int) -> list[str]:
    """Lines wider than `width` that hold more than one word (one long word may not fit)."""
    return [line for line in text.splitlines() if len(line) > width and len(line.split()) > 1]


words_and_spaces = st.lists(
    st.text(alphabet="abcdefghij-.,“”", min_size=1, max_size=25), min_size=1, max_size=60
)


@given(words_and_spaces, st.integers(min_value=20, max_value=120), st.sampled_from(
    ["", "  ", "  > ", "- ", "1. ", "  prompt next    "]))
def test_fit_keeps_every_word_whole_and_in_order(
    chunks: list[str], width: int, prefix: str
) -> None:
    line = prefix + " ".join(chunks)
    out = fit(line, width)
    assert out.split() == line.split()
    assert too_long(out, width) == []


def test_fit_hangs_continuations_under_their_column() -> None:
    quote = "  > “" + "word " * 30 + "”"
    lines = fit(quote, 40).splitlines()
    assert lines[0].startswith("  > “") and all(x.startswith("    w") for x in lines[1:-1])
    row = "  prompt next              post the next prompt of the rotation (no repeats ever)"
    lines = fit(row, 60).splitlines()
    assert lines[1].startswith(" " * 27 + "until") or lines[1].startswith(" " * 27)
    assert fit("short line", 80) == "short line"


def test_a_card_wrapped_at_88_is_refitted_to_80(engine: Engine, tmp_path: Path) -> None:
    service = PromptService.from_engine(engine, Store(tmp_path / "p.sqlite3"))
    card = service.next(0)
    original = render_text(card)  # wrapped at 88
    assert too_long(original, 80)  # this is what used to break words on an 80-column screen
    refitted = fit(reflow(original, 88), 80)
    assert too_long(refitted, 80) == []
    def words(text: str) -> str:  # a quote's "> " marks each line of it before, once after
        return " ".join(w for w in text.split() if w != ">")

    assert words(refitted) == words(original) or words(refitted) == words(original).replace(
        "- ", "-"
    )
    assert len(refitted.splitlines()) < len(original.splitlines()) * 1.3  # reflowed, not ragged


def test_reflow_leaves_unwrapped_text_alone() -> None:
    text = "1. A name (somewhere); paragraphs 1, 2\n   A bio line\n\nAnother"
    assert reflow(text, 88) == text


def test_console_output_fits_an_80_column_terminal(engine: Engine, tmp_path: Path) -> None:
    lines = [
        "help", "contributors", "reading", "positions Neier", "quote the final respondent",
        "paragraph 23", "what did Neier disagree with?", "compare Nathan and the last respondent",
        "tell me a joke", "prompt", "prompt next", "prompt list", "positions Neier on Taiwan",
    ]
    out = io.StringIO()
    handler = _prompt_handler(engine, PromptsSettings(database=tmp_path / "p.sqlite3"))
    run_console(engine, io.StringIO("\n".join(lines) + "\n"), out, False, handler, width=80)
    text = out.getvalue()
    assert text.count("\n> ") + text.startswith("> ") == len(lines)
    assert too_long(text, 80) == []
    assert max(len(line) for line in text.splitlines()) > 70  # it uses the width, too


@pytest.mark.parametrize("width", [40, 60, 132])
def test_console_follows_the_width(engine: Engine, width: int) -> None:
    out = io.StringIO()
    run_console(engine, io.StringIO("positions Neier\n"), out, False, width=width)
    assert too_long(out.getvalue(), width) == []
    if width == 132:
        assert max(len(line) for line in out.getvalue().splitlines()) > 100


def test_terminal_width_reads_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert terminal_width() == 57
    monkeypatch.setenv("COLUMNS", "3")
    assert terminal_width() == 20  # never narrower than that


def test_answers_are_rendered_unwrapped_for_the_console(engine: Engine) -> None:
    text = Console(engine).handle("what did Neier disagree with?")
    assert text is not None
    assert any(len(line) > 88 for line in text.splitlines())  # run_console wraps it


def test_ask_and_chat_wrap_to_columns() -> None:
    env = {**os.environ, "COLUMNS": "60"}
    for cmd in (["ask", "what did Neier disagree with?"], ["chat"]):
        done = subprocess.run(
            [sys.executable, "-m", "bot", *cmd], input="contributors\n", capture_output=True,
            text=True, cwd=ROOT, env=env, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert too_long(done.stdout, 60) == []
        assert "Neier" in done.stdout
