"""Command-line front ends of the engine: `ask` (one-shot or JSON lines) and `chat` (a console).

The console behaves like the bot in a channel: same engine, same answer text as the
Discord replies without the embed styling.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.engine.render import render_answer, render_reply
from bot.knowledge.model import Kind

HELP = """Ask anything about the reading, for example:
  what did Neier disagree with?
  who brought up Hong Kong?
  compare Nathan and the last respondent
Commands:
  help                  this text
  contributors          who wrote which part
  reading               what is being read
  positions NAME [KIND] every position of a contributor (kinds: {kinds})
  quote [NAME]          a random quote
  prompt next | prompt list | prompt post TEXT   discussion prompts, as moderators post them
  quit                  leave"""


KINDS = "Kinds are: " + ", ".join(k.value for k in Kind) + "."


def _engine(args: argparse.Namespace) -> Engine:
    """The engine for --knowledge and --reading (each defaulting as documented)."""
    return Engine.load(getattr(args, "knowledge", None), getattr(args, "reading", None))


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
            print(render_reply(reply, engine.reading), end="\n\n", flush=True)
    return 0


class Console:
    """A local chat session over one engine; `handle` maps one input line to output text."""

    def __init__(
        self, engine: Engine, prompt_handler: Callable[[str], str] | None = None
    ) -> None:
        self.engine = engine
        self.prompt_handler = prompt_handler
        self.conversation = Conversation()  # one per console session

    def handle(self, line: str) -> str | None:
        """The reply to one line, or None to quit."""
        text = line.strip()
        word, _, rest = text.partition(" ")
        command = word.lower()
        if command in ("quit", "exit", "bye") and not rest:
            return None
        if command in ("help", "?") and not rest:
            return HELP.format(kinds=", ".join(k.value for k in Kind))
        if command == "contributors" and not rest:
            return self.contributors()
        if command == "reading" and not rest:
            r = self.engine.reading
            return f"{r.title}\n{r.series}, {r.publisher}, {r.date}\n{r.url}"
        if command == "positions":
            return self.positions(rest) if rest else "Usage: positions NAME [KIND]. " + KINDS
        if command == "quote":
            who = self.engine.resolve_contributor(rest) if rest else None
            if rest and who is None:
                return f"I don't know a contributor called {rest!r}. Try `contributors`."
            return render_answer(self.engine.random_quote(who))
        if command == "prompt" and self.prompt_handler is not None:
            return self.prompt_handler(rest)
        reply = self.engine.ask(text, conversation=self.conversation)
        return render_reply(reply, self.engine.reading)

    def contributors(self) -> str:
        """Who wrote which part, in order."""
        lines = []
        for c in self.engine.contributors:
            paras = ", ".join(str(p) for p in c.paragraphs)
            lines.append(f"{c.order}. {c.name} ({c.affiliation}); paragraphs {paras}")
            if c.bio:
                lines.append(f"   {c.bio}")
        return "\n".join(lines)

    def positions(self, rest: str) -> str:
        """Every position of a contributor, optionally of one kind."""
        kinds = {k.value for k in Kind}
        name, kind = rest, None
        last = rest.rsplit(" ", 1)
        if len(last) == 2 and last[1].lower() in kinds:
            name, kind = last[0], last[1].lower()
        resolve = self.engine.resolve_contributor
        if (
            kind is None
            and len(last) == 2
            and resolve(last[1]) is None
            and resolve(last[0]) is not None
        ):
            return f"{last[1]!r} is not a kind of position. {KINDS}"
        who = self.engine.resolve_contributor(name)
        if who is None:
            return f"I don't know a contributor called {name!r}. Try `contributors`."
        found = self.engine.positions(who, kind)
        if not found:
            return f"{who.name} makes no {kind} in this reading."
        return "\n\n".join(render_answer(a) for a in found)


def _prompt_handler(engine: Engine, store: Path) -> Callable[[str], str] | None:
    """The console's `prompt ...` commands on the prompt database `store`, when the prompts
    feature is installed."""
    try:
        from bot.prompts.console import console_prompt
    except ImportError:
        return None
    return lambda rest: console_prompt(engine, store, rest)


def run_console(engine: Engine, stdin: TextIO, stdout: TextIO, interactive: bool,
                prompt_handler: Callable[[str], str] | None = None) -> int:
    """Read lines until EOF or `quit`, writing each reply."""
    console = Console(engine, prompt_handler)
    if interactive:
        r = engine.reading
        stdout.write(f"{r.title} ({r.series})\nType a question, or `help`. `quit` leaves.\n")
    while True:
        if interactive:
            stdout.write("\nyou> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        out = console.handle(line)
        if out is None:
            break
        if not interactive:
            stdout.write(f"> {line.strip()}\n")
        stdout.write(out + "\n\n" if not interactive else f"\nbot> {out}\n")
        stdout.flush()
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
    engine = Engine.load(knowledge, reading)
    handler = _prompt_handler(engine, Path(config.prompts.database))
    return run_console(engine, sys.stdin, sys.stdout, sys.stdin.isatty(), handler)
