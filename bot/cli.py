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
        "--reading", default=None, metavar="ID",
        help="reading id (default: the config's reading, else the only one)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A reading-group bot: ask about a multi-author debate, get cited answers.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check the knowledge files and report every problem")
    p.add_argument(
        "path", nargs="?", type=Path, default=None,
        help="knowledge folder or one reading's folder (default: $READING_BOT_KNOWLEDGE, "
        "else knowledge/ beside bot/)",
    )
    p.add_argument("--reading", default=None, metavar="ID", help="check this reading only")

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
    p.add_argument("--config", default=None, help=CONFIG_HELP + "; its knowledge and reading")

    p = sub.add_parser("chat", help="a local console that behaves like the bot in a channel")
    _add_knowledge_arg(p)
    p.add_argument(
        "--config",
        default=None,
        help="config file, for the prompt database (default: $READING_BOT_CONFIG, ./config.yaml)",
    )

    from bot.bench_presets import FULL, QUICK

    p = sub.add_parser(
        "bench",
        help="measure start-up, per-question latency and memory (a few seconds; --full: longer)",
        description="Measure the engine: index build, per-question latency (median, p99, max) "
        "and peak memory, on the shipped index and on a synthetic one SCALE times its size. "
        f"By default a quick run ({QUICK.describe()}); --full is the run the README's table "
        f"reports ({FULL.describe()}).",
    )
    p.add_argument(
        "--full", action="store_true", help=f"the long run: {FULL.describe()} (about a minute)"
    )
    p.add_argument(
        "--questions", type=Path, default=None, metavar="FILE",
        help="YAML list of {q: ...} items (default: the built-in questions; with --full the "
        "dev set ../shared/eval/dev.yaml if present, else tests/data/heldout_questions.yaml)",
    )
    p.add_argument(
        "--scale", type=int, default=None,
        help=f"size factor of the synthetic index, 1 for none (default {QUICK.scale}; "
        f"--full: {FULL.scale})",
    )
    p.add_argument(
        "--repeat", type=int, default=None,
        help=f"timed passes over the questions (default {QUICK.repeat}; --full: {FULL.repeat})",
    )
    p.add_argument("--library", type=int, default=0, metavar="N",
                   help="also measure a library of N copies of the reading (start, memory)")
    _add_knowledge_arg(p)

    p = sub.add_parser("map", help="draw the map of the debate (who answers whom) as a PNG")
    p.add_argument("--out", type=Path, default=Path("map.png"), help="PNG file (default map.png)")
    _add_knowledge_arg(p)

    p = sub.add_parser("guide", help="write the reading's study guide (Markdown or HTML)")
    p.add_argument("--format", choices=("md", "html"), default=None,
                   help="md or html (default: from --out's suffix, else md)")
    p.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    _add_knowledge_arg(p)

    p = sub.add_parser("run", help="run the Discord bot (without a token: the local console)")
    p.add_argument("--config", default=None, help=CONFIG_HELP)

    p = sub.add_parser("sync", help="register the slash commands with Discord")
    p.add_argument("--config", default=None, help=CONFIG_HELP)
    p.add_argument(
        "--guild", type=int, default=None, metavar="SERVER_ID",
        help="the numeric id of one server (Developer Mode on, then right-click the server > "
        "Copy Server ID): the commands appear there at once (default: every server the bot "
        "is in, which may take a minute)",
    )
    p.add_argument(
        "--clear", action="store_true", help="remove the commands (of --guild, else global ones)"
    )

    p = sub.add_parser("schema", help="write knowledge/schema/*.json from the file models")
    p.add_argument("--check", action="store_true", help="only say whether they are current")

    p = sub.add_parser("ingest", help="draft a new reading from a raw text file")
    p.add_argument("text", type=Path, help="the text file (UTF-8)")
    p.add_argument("--id", default=None, help="the reading id (default: from the title)")
    p.add_argument("--title", default=None, help="the title (default: the text's first line)")
    p.add_argument("--url", default="", help="where the text is published")
    p.add_argument("--date", default="", help="its date, e.g. 1858-08-21")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="the reading folder itself, default knowledge/<id>/; its name is the "
                        "id (an --id naming another is refused)")
    p.add_argument("--speakers", default=None, metavar='"NAME, NAME"',
                   help="the speakers, when the text has no speaker headings: found where "
                        "a turn opens with the name (ALICE. / Alice: / MS. ALICE ---)")
    p.add_argument("--contributors", type=Path, default=None, metavar="FILE",
                   help="YAML list: name, affiliation, starts (first words) or paragraphs")
    p.add_argument("--force", action="store_true", help="replace an existing reading")

    p = sub.add_parser("readings", help="list the readings with their state")
    _add_knowledge_arg(p)
    return parser


def _schema(check: bool) -> int:
    from bot.knowledge.jsonschemas import stale, write
    from bot.paths import PROJECT_ROOT

    folder = PROJECT_ROOT / "knowledge" / "schema"
    if check:
        old = stale(folder)
        for name in old:
            print(f"out of date: {folder / name} (run: python3 tasks.py schema)", file=sys.stderr)
        if not old:
            print(f"schemas are current: {folder}")
        return 1 if old else 0
    for name in write(folder):
        print(f"wrote {folder / name}")
    return 0


def _validate(path: Path | None, reading_id: str | None = None) -> int:
    from bot.knowledge.loader import load_library

    try:
        if reading_id is not None:
            from bot.library import ReadingLibrary

            path = ReadingLibrary(path).folder(reading_id)
        library = load_library(path, use_cache=False)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for reading in library.readings:
        unreviewed = sum(1 for p in reading.positions if not p.reviewed)
        print(
            f"ok: {reading.id}: {len(reading.contributors)} contributors, "
            f"{len(reading.paragraphs)} paragraphs, {len(reading.positions)} positions, "
            f"{len(reading.prompts)} prompts, {len(reading.glossary)} glossary terms; "
            f"{unreviewed} positions unreviewed"
        )
        unreviewed = sum(not p.reviewed for p in reading.positions)
        if unreviewed:
            noun = "position is" if unreviewed == 1 else "positions are"
            print(f"note: {reading.id}: {unreviewed} {noun} not reviewed yet (reviewed: false)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.path, args.reading)
        if args.command == "schema":
            return _schema(args.check)
        if args.command == "ask":
            from bot.console import ask_command

            return ask_command(args)
        if args.command == "chat":
            from bot.console import chat_command

            return chat_command(args)
        if args.command == "bench":
            from bot.bench import bench_command

            return bench_command(args)
        if args.command == "map":
            from bot.debatemap.command import map_command

            return map_command(args)
        if args.command == "guide":
            from bot.guide.command import guide_command

            return guide_command(args)
        if args.command == "run":
            from bot.discordbot.runner import run_command

            return run_command(args)
        if args.command == "readings":
            from bot.library.command import readings_command

            return readings_command(args)
        if args.command == "ingest":
            from bot.ingest.command import ingest_command

            return ingest_command(args)
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
