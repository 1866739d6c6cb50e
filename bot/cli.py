"""Command line: `python -m bot SUBCOMMAND` (also installed as `reading-bot`).

Each subcommand imports what it needs only when it runs, so `validate`, `ask` and `chat`
start fast and never import discord.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import ConfigError
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.model import UnknownReadingError

CONFIG_HELP = "config file (default: $READING_BOT_CONFIG, else ./config.yaml if present)"


def _add_knowledge_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        type=Path,
        default=None,
        metavar="PATH",
        help="knowledge folder (default: $READING_BOT_KNOWLEDGE, else knowledge/ beside bot/)",
    )
    parser.add_argument(
        "--reading", default=None, metavar="ID", help="reading id (default: the first one)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A reading-group bot: ask about a multi-author debate, get cited answers.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check the knowledge files and report every problem")
    p.add_argument("path", nargs="?", type=Path, default=None, help="knowledge folder or reading")

    p = sub.add_parser("ask", help="answer one question (or one per line from stdin with '-')")
    p.add_argument("question", help="the question, or '-' to read one per line from stdin")
    p.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    p.add_argument("--limit", type=int, default=3, help="answers to show at most (default 3)")
    p.add_argument(
        "--conversation",
        action="store_true",
        help="with '-': lines up to an empty line are one conversation (follow-ups read in it)",
    )
    _add_knowledge_arg(p)

    p = sub.add_parser("chat", help="a local console that behaves like the bot in a channel")
    _add_knowledge_arg(p)
    p.add_argument(
        "--config",
        default=None,
        help="config file, for the prompt database (default: $READING_BOT_CONFIG, ./config.yaml)",
    )

    p = sub.add_parser("bench", help="measure start-up, per-question latency and memory")
    p.add_argument("--questions", type=Path, default=None, help="YAML question set")
    p.add_argument("--scale", type=int, default=100, help="size factor of the synthetic index")
    p.add_argument("--repeat", type=int, default=5, help="passes over the questions")
    _add_knowledge_arg(p)

    p = sub.add_parser("run", help="run the Discord bot (without a token: the local console)")
    p.add_argument("--config", default=None, help=CONFIG_HELP)

    p = sub.add_parser("sync", help="register the slash commands with Discord")
    p.add_argument("--config", default=None, help=CONFIG_HELP)
    p.add_argument("--guild", type=int, default=None, help="sync to one server only (instant)")
    return parser


def _validate(path: Path | None) -> int:
    from bot.knowledge.loader import load_library

    try:
        library = load_library(path)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for reading in library.readings:
        print(
            f"ok: {reading.id}: {len(reading.contributors)} contributors, "
            f"{len(reading.paragraphs)} paragraphs, {len(reading.positions)} positions, "
            f"{len(reading.prompts)} prompts, {len(reading.glossary)} glossary terms"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.path)
        if args.command == "ask":
            from bot.console import ask_command

            return ask_command(args)
        if args.command == "chat":
            from bot.console import chat_command

            return chat_command(args)
        if args.command == "bench":
            from bot.bench import bench_command

            return bench_command(args)
        if args.command == "run":
            from bot.discordbot.runner import run_command

            return run_command(args)
        if args.command == "sync":
            from bot.discordbot.runner import sync_command

            return sync_command(args)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"Config problem: {exc}", file=sys.stderr)
        return 1
    except UnknownReadingError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    parser.print_help()
    return 0
