"""Text for a terminal: fitting lines to its width, and reading lines with editing and history.

Stdlib only. `fit` wraps only the lines that are too long, never inside a word, and keeps
each line's indentation (a quote's "> ", a list's "- " or "1. ", a help table's second
column) on the lines it continues onto. `LineReader` uses :mod:`readline` where it exists
(arrow keys, history kept across sessions, Tab completing commands and names), plain
lines elsewhere.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

MIN_WIDTH = 20  # narrower than this, wrapping helps nobody
HISTORY_LENGTH = 1000  # lines of console history kept

_MARKER = re.compile(r"(\s*)(> |[-*•] |\d{1,3}[.)] )")
_COLUMN = re.compile(r"(\s*\S.*?\S)( {2,})(?=\S)")  # "  quote [NAME]      a random quote"


def terminal_width(fallback: int = 80) -> int:
    """Columns of the terminal ($COLUMNS, else the terminal's size, else `fallback`)."""
    return max(MIN_WIDTH, shutil.get_terminal_size((fallback, 24)).columns)


def _hanging_indent(line: str, width: int) -> str:
    """The indentation for the lines a long `line` continues onto."""
    column = _COLUMN.match(line)
    if column and column.end() <= width // 2:
        return " " * column.end()
    marker = _MARKER.match(line)
    if marker:
        return " " * marker.end()
    return " " * (len(line) - len(line.lstrip(" ")))


def fit(text: str, width: int) -> str:
    """`text` with every line longer than `width` wrapped; words (and URLs) are never
    broken, so a single word longer than the width stays whole on its own line."""
    width = max(MIN_WIDTH, width)
    out: list[str] = []
    for line in text.expandtabs(4).split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        wrapper = textwrap.TextWrapper(
            width=width,
            subsequent_indent=_hanging_indent(line, width),
            break_long_words=False,
            break_on_hyphens=False,
            replace_whitespace=False,
        )
        out.extend(wrapper.wrap(line.rstrip()) or [""])
    return "\n".join(out)


def _prefix(line: str) -> str:
    stripped = line.lstrip(" ")
    indent = line[: len(line) - len(stripped)]
    return indent + "> " if stripped.startswith("> ") else indent


def reflow(text: str, width: int) -> str:
    """Undo a `textwrap` wrapping at `width` (so that `fit` can wrap again at another).

    A line is taken as the continuation of the one before when it is indented, the line
    before was full (its next word would not have fitted) and it keeps the same "> " quote
    prefix or a deeper indentation, as textwrap's hanging indents do.
    """
    out: list[str] = []
    prev = ""  # the previous line as it was, before joining
    first = ""  # the prefix of the line the current one would continue
    for line in text.split("\n"):
        prefix = _prefix(line)
        body = line[len(prefix):]
        word = body.split(" ", 1)[0]
        continues = (
            out
            and prev.strip()
            and prefix
            and word
            and len(prev) <= width < len(prev) + 1 + len(word)
            and (prefix == first if first.endswith("> ") else len(prefix) > len(first))
        )
        if continues:
            glue = "" if re.search(r"\w-$", out[-1]) else " "
            out[-1] += glue + body
        else:
            out.append(line)
            first = prefix
        prev = line
    return "\n".join(out)


def _readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: plain input() still works
        return None
    return readline


class LineReader:
    """Reads one line at a time from a person at a terminal.

    With ``use_readline`` (stdin and stdout are the real terminal) lines come from
    :func:`input` with :mod:`readline`'s editing, and the history is kept in
    `history_file` between sessions; otherwise from `stdin`, with the prompt written to
    `stdout`. :meth:`read` returns None at the end of input (Ctrl-D).
    """

    def __init__(
        self,
        stdin: TextIO,
        stdout: TextIO,
        *,
        use_readline: bool,
        history_file: Path | None = None,
        read_input: Callable[[str], str] = input,
        completions: Sequence[str] = (),
    ) -> None:
        self.stdin, self.stdout = stdin, stdout
        self.history_file = history_file
        self.read_input = read_input
        self.completions = sorted(set(completions), key=str.lower)
        self.readline = _readline() if use_readline else None
        if self.readline is not None and self.completions:
            self.readline.set_completer(self.complete)
            self.readline.set_completer_delims(" \t\n\"'?,")
            binding = "bind ^I rl_complete" if "libedit" in (self.readline.__doc__ or "") else (
                "tab: complete")
            self.readline.parse_and_bind(binding)
        if self.readline is not None and history_file is not None:
            self.readline.set_history_length(HISTORY_LENGTH)
            with contextlib.suppress(OSError):  # none yet, or unreadable: start afresh
                self.readline.read_history_file(history_file)

    def complete(self, text: str, state: int) -> str | None:
        """readline's completer: the `state`-th completion of the word being typed."""
        low = text.lower()
        found = [w for w in self.completions if w.lower().startswith(low)]
        return found[state] + " " if state < len(found) else None  # readline adds no space

    def read(self, prompt: str) -> str | None:
        """The next line without its newline, or None at the end of input."""
        if self.readline is not None:
            try:
                return self.read_input(prompt)
            except EOFError:
                return None
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        return line.rstrip("\n") if line else None

    def close(self) -> None:
        """Save the history (best effort: a read-only folder only loses the history)."""
        if self.readline is None or self.history_file is None:
            return
        with contextlib.suppress(OSError):
            self.history_file.parent.mkdir(parents=True, exist_ok=True)
            self.readline.write_history_file(self.history_file)
