"""Command-line front ends of the engine: `ask` (one-shot or JSON lines) and `chat` (a console).

The console behaves like the bot in a channel: same engine, same answer text as the
Discord replies without the embed styling.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.console_lookup import kind_names, paragraph_number, parse_lookup, render_paragraph
from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.engine.render import render_answer, render_reply
from bot.knowledge.model import Kind
from bot.terminal import LineReader, fit, reflow, terminal_width

if TYPE_CHECKING:
    from bot.config import PromptsSettings
    from bot.quiz.console import ConsoleQuiz

HELP = """Ask anything about the reading, for example:
  what did Neier disagree with?
  who brought up Hong Kong?
  compare Nathan and the last respondent
Commands:
  help                     this text
  contributors             who wrote which part
  reading                  what is being read
  positions NAME [KIND]    every position of a contributor (or of several: Neier and Hom)
  quote [NAME] [KIND]      a random quote (of a contributor, of a kind)
  paragraph N              paragraph N of the text, and who wrote it
  quiz [ROUNDS] [KIND]     "who said it?": answer with a name or a number; `stop` ends it
{prompt}  quit                     leave (Ctrl-D and Ctrl-C leave too)
Kinds of position: {kinds} (plurals work too)."""

# What `help` says of the prompt commands when the prompts feature is missing.
NO_PROMPTS = ""

GOODBYE = "Goodbye."
PROMPT_WIDTH = 88  # the width the prompt cards come wrapped at (bot.prompts.cards)

# Answers are rendered unwrapped; run_console fits every text to the terminal's width.
RENDER_WIDTH = 100_000

KINDS = "Kinds are: " + ", ".join(k.value for k in Kind) + "."


def _engine(args: argparse.Namespace) -> Engine:
    """The engine for --knowledge and --reading, else the config's (--config, else
    $READING_BOT_CONFIG, else ./config.yaml, else the defaults), as the bot resolves them."""
    from bot.config import load_config
    from bot.library import open_engine

    config = load_config(getattr(args, "config", None))
    knowledge = getattr(args, "knowledge", None) or config.knowledge
    return open_engine(knowledge, getattr(args, "reading", None) or config.reading)


def ask_command(args: argparse.Namespace) -> int:
    """`python -m bot ask QUESTION|-`: answer once, or one question per stdin line."""
    engine = _engine(args)
    questions: Iterable[str] = sys.stdin if args.question == "-" else [args.question]
    talk = Conversation() if getattr(args, "conversation", False) else None
    for line in questions:
        if talk is not None and not line.strip():
            talk = Conversation()  # an empty line starts a new conversation
            continue
        reply = engine.ask(line.rstrip("\n"), limit=args.limit, conversation=talk)
        if args.json:
            print(json.dumps(reply.to_json(), ensure_ascii=False), flush=True)
        else:
            text = render_reply(reply, engine.reading, RENDER_WIDTH)
            print(fit(text, terminal_width()), end="\n\n", flush=True)
    return 0


def _printable(text: str) -> str:
    """The question as echoed back: control characters (an escape sequence piped in, binary
    bytes) shown as "?", never sent to the terminal."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _a(noun: str) -> str:
    """ "a concern", "an agreement"."""
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _none_of_kind(name: str, kinds: str) -> str:
    """ "None of Sharon Hom's positions in this reading is a concern." """
    return f"None of {name}’s positions in this reading is {_a(kinds)}."


class Console:
    """A local chat session over one engine; `handle` maps one input line to output text."""

    def __init__(
        self, engine: Engine, prompt_handler: Callable[[str], str] | None = None
    ) -> None:
        self.engine = engine
        self.prompt_handler = prompt_handler
        self.quiz: ConsoleQuiz | None = None
        self.conversation = Conversation()  # one per console session

    def help(self) -> str:
        """The command list, with every prompt command when prompts are available."""
        prompt = NO_PROMPTS
        if self.prompt_handler is not None:
            from bot.prompts.console_commands import USAGE  # what `prompt` alone lists

            prompt = "".join(f"{line}\n" for line in USAGE.splitlines()[1:] if line.strip())
        return HELP.format(kinds=", ".join(kind_names()), prompt=prompt)

    def handle(self, line: str) -> str | None:
        """The reply to one line, or None to quit."""
        text = line.strip()
        word, _, rest = text.partition(" ")
        command = word.lower()
        if command in ("quit", "exit", "bye") and not rest:
            return None
        if self.quiz is not None:
            return self.quiz_turn(text)
        if command == "quiz":
            return self.start_quiz(rest)
        if command in ("help", "?") and not rest:
            return self.help()
        if command == "contributors" and not rest:
            return self.contributors()
        if command == "reading" and not rest:
            r = self.engine.reading
            about = ", ".join(x for x in (r.series, r.publisher, r.date) if x)  # those it has
            return "\n".join(x for x in (r.title, about, r.url) if x)
        if command == "positions":
            return self.positions(rest) if rest else "Usage: positions NAME [KIND]. " + KINDS
        if (number := paragraph_number(text)) is not None:
            return render_paragraph(self.engine.reading, number)
        if command == "paragraph" and (not rest or len(rest.split()) == 1):
            last = len(self.engine.reading.paragraphs) - 1
            return f"Usage: paragraph N, a number from 0 to {last} (e.g. paragraph 23)."
        if command == "quote":
            return self.quote(rest)
        if command == "prompt" and self.prompt_handler is not None:
            return self.prompt_handler(rest)
        reply = self.engine.ask(text, conversation=self.conversation)
        return render_reply(reply, self.engine.reading, RENDER_WIDTH)

    def completions(self) -> list[str]:
        """Words Tab completes: the commands, the kinds, the contributors' names."""
        names = [n for c in self.engine.contributors for n in (c.short_name, *c.name.split())]
        commands = ["help", "contributors", "reading", "positions", "quote", "paragraph", "quit"]
        if self.prompt_handler is not None:
            commands.append("prompt")
        return [*commands, *kind_names(), *(n for n in names if len(n) > 3)]

    def contributors(self) -> str:
        """Who wrote which part, in order."""
        lines = []
        for c in self.engine.contributors:
            paras = ", ".join(str(p) for p in c.paragraphs)
            label = "paragraph" if len(c.paragraphs) == 1 else "paragraphs"
            lines.append(f"{c.order}. {c.name} ({c.affiliation}); {label} {paras}")
            if c.bio:
                lines.append(f"   {c.bio}")
        return "\n".join(lines)

    def positions(self, rest: str) -> str:
        """Every position of one or more contributors, optionally of one kind."""
        lookup = parse_lookup(rest, self.engine)
        if lookup.error:
            return lookup.error
        if not lookup.contributors:
            return "Usage: positions NAME [KIND]. " + KINDS
        shown = []
        for who in lookup.contributors:
            found = [a for a in self.engine.positions(who) if lookup.matches(a.kind)]
            if not found:
                shown.append(_none_of_kind(who.name, lookup.kinds_text()))
            shown.extend(render_answer(a, RENDER_WIDTH) for a in found)
        return "\n\n".join(shown)

    def quote(self, rest: str, rng: random.Random | None = None) -> str:
        """A random quote: of anyone, of the contributors named, of one kind."""
        lookup = parse_lookup(rest, self.engine)
        if lookup.error:
            return lookup.error
        pick = rng or random.Random()
        if not lookup.contributors and not lookup.kinds:
            return render_answer(self.engine.random_quote(rng=pick), RENDER_WIDTH)
        shown = []
        for who in lookup.contributors or self.engine.contributors:
            pool = [a for a in self.engine.positions(who) if lookup.matches(a.kind)]
            if pool:
                shown.append(render_answer(pick.choice(pool), RENDER_WIDTH))
            elif lookup.contributors:
                shown.append(_none_of_kind(who.name, lookup.kinds_text()))
        if not lookup.contributors:  # kinds only: one quote of those kinds, from anyone
            shown = [pick.choice(shown)] if shown else [
                f"No position in this reading is {_a(lookup.kinds_text())}."]
        return "\n\n".join(shown)

    def start_quiz(self, rest: str) -> str:
        """`quiz [ROUNDS] [KIND]`: start a "who said it?" quiz."""
        from bot.quiz.console import ConsoleQuiz

        self.quiz, text = ConsoleQuiz.start(
            self.engine.reading, rest, self.engine.resolve_contributor
        )
        return text

    def quiz_turn(self, text: str) -> str:
        """One answer to the running quiz."""
        assert self.quiz is not None
        out, going = self.quiz.handle(text)
        if not going:
            self.quiz = None
        return out


def _prompt_handler(engine: Engine, settings: PromptsSettings) -> Callable[[str], str]:
    """The console's `prompt ...` commands on the configured prompt database, grace and
    default zone, as the bot's. Their text (cards wrapped at 88 columns) is unwrapped, for
    run_console to fit to the terminal."""
    from bot.prompts.console_commands import console_prompt

    def handle(rest: str) -> str:
        text = console_prompt(
            engine, Path(settings.database), rest,
            grace_minutes=settings.grace_minutes, default_tz=settings.default_timezone,
        )
        return reflow(text, PROMPT_WIDTH)

    return handle


def history_file() -> Path:
    """Where the console keeps the lines typed at it (for the arrow keys, across sessions)."""
    from bot.paths import data_dir

    return data_dir() / "console_history"


def run_console(engine: Engine, stdin: TextIO, stdout: TextIO, interactive: bool,
                prompt_handler: Callable[[str], str] | None = None, *,
                width: int | None = None, reader: LineReader | None = None) -> int:
    """Read lines until EOF or `quit`, writing each reply fitted to `width` columns (default:
    the terminal's, measured for each reply so that resizing the window works).

    Interactive, a person types at `reader` (default: readline editing and history when
    `stdin` and `stdout` are the process's terminal) and Ctrl-C or Ctrl-D say goodbye.
    """
    console = Console(engine, prompt_handler)

    def show(text: str) -> None:
        text = "\n".join(_printable(line) for line in text.split("\n"))  # no escapes echoed
        stdout.write(fit(text, width or terminal_width()) + "\n")
        stdout.flush()

    if not interactive:
        while piped := stdin.readline():  # line by line, for a program writing one at a time
            if not piped.strip():
                continue
            reply = console.handle(piped)
            if reply is None:
                break
            show(f"> {piped.strip()}\n{reply}\n")
        return 0
    if reader is None:
        real = stdin is sys.stdin and stdout is sys.stdout
        reader = LineReader(stdin, stdout, use_readline=real, history_file=history_file(),
                            completions=console.completions())
    r = engine.reading
    show(f"{r.title} ({r.series})\nType a question, or `help`. `quit` leaves.")
    try:
        while True:
            stdout.write("\n")
            line = reader.read("you> ")
            if line is None:  # Ctrl-D
                stdout.write("\n")
                break
            if not line.strip():
                continue
            out = console.handle(line)
            if out is None:
                break
            show(f"\nbot> {out}")
    except KeyboardInterrupt:  # Ctrl-C, at the prompt or during an answer
        stdout.write("\n")
    finally:
        reader.close()
    show(GOODBYE)
    return 0


def chat_command(args: argparse.Namespace) -> int:
    """`python -m bot chat`: the local console (reads piped questions too).

    Settings come as the bot's do: --config, else $READING_BOT_CONFIG, else ./config.yaml,
    else the defaults; --knowledge and --reading override the config's. A bad or missing
    config file raises :class:`bot.config.ConfigError`.
    """
    from bot.config import load_config

    config = load_config(getattr(args, "config", None))
    knowledge = getattr(args, "knowledge", None) or config.knowledge
    reading = getattr(args, "reading", None) or config.reading
    from bot.library import open_engine

    engine = open_engine(knowledge, reading)
    handler = _prompt_handler(engine, config.prompts)
    return run_console(engine, sys.stdin, sys.stdout, sys.stdin.isatty(), handler)
