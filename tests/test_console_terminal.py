"""The console as a person meets it: in a terminal (a pty), and after `run` without a token.

Line editing and history come from readline (the up arrow brings the last question back,
never "^[[A"), Ctrl-C and Ctrl-D say goodbye on a line of their own, and the no-token notice
is two lines.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b[=>]|\r")
WAIT = 90.0  # seconds before a step is given up on (a hung console fails, never hangs)

pytest.importorskip("readline")


def _own_terminal() -> None:
    """In the child: a session of its own with the pty (stdin) as its terminal, so that
    Ctrl-C typed there is a SIGINT, as at a real terminal; and SIGINT's default action, as
    a terminal's shell gives it, whatever this process inherited (a shell without job
    control starts a command run with '&' with SIGINT ignored, which a child inherits)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """`python -m bot chat` on a pseudo-terminal of 80 columns."""

    def __init__(self, tmp_path: Path, args: tuple[str, ...] = ("chat",)) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items()
               if k not in ("COLUMNS", "LINES", "DISCORD_TOKEN", "READING_BOT_CONFIG")}
        env.update(TERM="xterm", READING_BOT_DATA=str(tmp_path), INPUTRC="/dev/null")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", *args], stdin=slave, stdout=slave, stderr=slave,
            cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, preexec_fn=_own_terminal,
        )
        os.close(slave)
        self.master = master
        self.seen = ""

    def read_until(self, needle: str, count: int = 1, wait: float = WAIT) -> str:
        """Output until `needle` has appeared `count` times in all of it (ANSI removed)."""
        deadline = time.monotonic() + wait
        raw = b""
        while (self.seen + self.text(raw)).count(needle) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                self.seen += self.text(raw)  # kept: a caller may go on reading
                raise AssertionError(f"no {needle!r} in {self.seen[-2000:]!r}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the console exited
                    chunk = b""
                if not chunk:
                    break
                raw += chunk
        self.seen += self.text(raw)
        return self.seen

    def read_answer(self, count: int) -> str:
        """Output until the `count`th answer ("bot> ") is followed by the next prompt.

        Counting prompts alone races: readline redraws the prompt when a line is recalled,
        so a prompt can be counted before the answer it should follow."""
        out = self.read_until("bot> ", count)
        while "you> " not in out.rsplit("bot> ", 1)[1]:
            seen = out.count("you> ")
            out = self.read_until("you> ", seen + 1)
            assert out.count("you> ") > seen, f"the console stopped: {out[-2000:]!r}"
        return out

    @staticmethod
    def text(raw: bytes) -> str:
        return ANSI.sub("", raw.decode("utf-8", "replace"))

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def interrupt(self) -> str:
        """Ctrl-C at the prompt, then the output up to the goodbye.

        CPython's readline loop checks for a signal only when its select() is interrupted,
        so a SIGINT landing just before that select() is noted but not acted on until the
        next one (a window of microseconds that a loaded machine can hit, never a person
        at the keyboard). When the console says nothing at all within a few seconds, the
        Ctrl-C is typed again, as a person would; any output means it was heard."""
        for _ in range(5):
            before = len(self.seen)
            self.type("\x03")
            try:
                return self.read_until("Goodbye.", wait=5.0)
            except AssertionError:
                if len(self.seen) != before or self.proc.poll() is not None:
                    break  # heard (or gone): wait for the goodbye in full below
        return self.read_until("Goodbye.")

    def finish(self) -> int:
        try:
            return self.proc.wait(timeout=WAIT)
        finally:
            os.close(self.master)


def test_history_editing_ctrl_c_and_width(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    try:
        term.read_until("you> ")
        term.type("who mentioned Tibet?\r")
        term.read_answer(1)
        term.type("\x1b[A\r")  # the up arrow: the same question again
        out = term.read_answer(2)
        out = term.interrupt()  # Ctrl-C at the prompt
        assert term.finish() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    assert "^[[A" not in out
    assert out.count("bot> ") == 2
    answers = out.split("bot> ")
    assert "Tibet" in answers[1] and "Tibet" in answers[2]
    assert re.search(r"you> [^\n]*\n+Goodbye\.", out)  # the goodbye is on a line of its own
    long_lines = [x for x in out.splitlines() if len(x) > 80 and len(x.split()) > 1]
    assert long_lines == []
    history = (tmp_path / "console_history").read_text(encoding="utf-8")
    assert "who mentioned Tibet?" in history


def test_ctrl_d_says_goodbye_on_its_own_line(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    try:
        term.read_until("you> ")
        term.type("\x04")
        out = term.read_until("Goodbye.")
        assert term.finish() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    assert re.search(r"you> \n+Goodbye\.", out)


def test_run_without_a_token_notes_it_in_two_lines(tmp_path: Path) -> None:
    term = Terminal(tmp_path, ("run",))
    try:
        out = term.read_until("you> ")
        term.type("quit\r")
        term.read_until("Goodbye.")
        assert term.finish() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    before = out.split("\n\n")[0].strip().splitlines()
    assert len(before) == 2, out
    assert "DISCORD_TOKEN" in before[0] and "local console" in before[0]
    assert "export DISCORD_TOKEN=" in before[1]
    assert out.count("DISCORD_TOKEN") == 2  # said once


def test_piped_run_without_a_token_notes_it_in_two_lines(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN",)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], input="who mentioned Tibet?\n",
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**env, "READING_BOT_DATA": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stderr.strip().splitlines()) == 2
    assert "Tibet" in done.stdout


def test_tab_completes_commands_names_and_kinds(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    try:
        term.read_until("you> ")
        term.type("posi\tNei\trecomm\t\r")
        out = term.read_until("you> ", 2)
        term.type("quit\r")
        term.read_until("Goodbye.")
        assert term.finish() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    assert "you> positions Neier recommendation" in out
    assert "Aryeh Neier - Recommendation (paragraph 26)" in out


def test_the_completer_offers_every_match_then_none() -> None:
    import io

    from bot.terminal import LineReader

    reader = LineReader(io.StringIO(), io.StringIO(), use_readline=False,
                        completions=["positions", "prompt", "paragraph", "Neier"])
    assert [reader.complete("p", i) for i in range(4)] == [
        "paragraph ", "positions ", "prompt ", None]
    assert reader.complete("nei", 0) == "Neier "
