"""The prompt commands in the local console: ``prompt next``, ``prompt post TEXT``, ...

The console plays one server (guild id 0) with one channel, "console" (channel id 0), so
its rotation, custom prompts and schedule persist in the same database as a real server's
would, without touching any real server's state. Its prompts are those of the console's
reading (``--reading``, else the config's); its schedule keeps that reading, and ``prompt
due`` posts only a schedule of the reading the console reads.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.prompts.cards import Card, Source, render_text
from bot.prompts.service import Clock, EngineLike, PromptError, PromptService, system_clock
from bot.prompts.store import ScheduleRow, Store

CONSOLE_GUILD = 0
CONSOLE_CHANNEL = 0
CONSOLE_CHANNEL_NAME = "console"

USAGE = """\
prompt commands:
  prompt next              post the next prompt of the rotation (no repeats until all used)
  prompt post [TEXT|ID]    post a prompt by id or text, or free text (the engine finds context)
  prompt list              the curated and custom prompts
  prompt add TEXT          keep a custom prompt
  prompt remove ID         remove a custom prompt
  prompt schedule WHEN     e.g. "weekly monday 18:00 Europe/Berlin" or "daily 9am UTC"
  prompt unschedule        remove the console's schedule
  prompt due               post the scheduled prompt now if its slot is due"""


def console_prompt(
    engine: EngineLike,
    store_path: Path | None,
    args: str,
    *,
    clock: Clock = system_clock,
    grace_minutes: float = 60,
    default_tz: str = "UTC",
) -> str:
    """Run one console prompt command and return the text to print.

    ``console_prompt(engine, store_path, args) -> str``: `engine` is the loaded
    :class:`~bot.engine.engine.Engine` (its reading's prompts and ``related``); `store_path` is
    the SQLite file (None: the default in the data folder); `args` is what follows ``prompt``
    on the console line (a leading ``prompt`` is ignored), e.g. ``"next"``, ``"post Why
    does Neier disagree?"``, ``"list"``. Never raises for a bad command: the returned text
    says what went wrong and shows the usage.
    """
    service = PromptService.from_engine(
        engine, Store(store_path), clock=clock, grace=timedelta(minutes=grace_minutes),
        default_tz=default_tz,
    )
    return run_console_command(service, args)


def run_console_command(service: PromptService, args: str) -> str:
    """Like :func:`console_prompt`, on an existing service."""
    words = args.strip().split(maxsplit=1)
    if words and words[0].lower() == "prompt":
        words = words[1].split(maxsplit=1) if len(words) > 1 else []
    if not words:
        return USAGE
    command, rest = words[0].lower(), (words[1] if len(words) > 1 else "")
    try:
        if command == "next":
            return _posted(service.next(CONSOLE_GUILD))
        if command == "post":
            return _posted(service.post(CONSOLE_GUILD, rest or None))
        if command == "list":
            return render_list(service, CONSOLE_GUILD)
        if command == "add":
            ref = service.add(CONSOLE_GUILD, rest)
            return f"Added {ref.id}: {ref.text}"
        if command == "remove":
            ref = service.remove(CONSOLE_GUILD, rest)
            return f"Removed {ref.id}: {ref.text}"
        if command == "schedule":
            row, note = service.schedule_with_note(CONSOLE_GUILD, CONSOLE_CHANNEL, rest)
            return (f"Scheduled in #{CONSOLE_CHANNEL_NAME}: {row.rule.describe()}; next at "
                    f"{_local(service, row)}. (`prompt due` posts it when due.)"
                    + (f" {note}" if note else ""))
        if command == "unschedule":
            gone = service.unschedule(CONSOLE_GUILD, CONSOLE_CHANNEL)
            return "Schedule removed." if gone else "There was no schedule."
        if command == "due":
            return _due(service)
    except PromptError as exc:
        return str(exc)
    return f"Unknown prompt command {command!r}.\n{USAGE}"


def render_list(service: PromptService, guild_id: int) -> str:
    """The catalogue and schedules as plain text."""
    lines = ["Curated prompts:"]
    refs = service.catalogue(guild_id)
    lines += [f"  {r.id}: {r.text}" for r in refs if r.source is Source.CURATED]
    custom = [r for r in refs if r.source is Source.CUSTOM]
    if custom:
        lines += ["Custom prompts:", *(f"  {r.id}: {r.text}" for r in custom)]
    for row in service.schedules(guild_id):
        lines.append(f"Scheduled: {row.rule.describe()}, next at {_local(service, row)} "
                     f"(prompts of {service.reading_of(row)})")
    return "\n".join(lines)


def _posted(card: Card) -> str:
    return f"[#{CONSOLE_CHANNEL_NAME}]\n{render_text(card)}"


def _local(service: PromptService, row: ScheduleRow) -> str:
    return f"{service.next_slot(row).astimezone(row.rule.zone):%a %Y-%m-%d %H:%M %Z}"


def _due(service: PromptService) -> str:
    shown: list[str] = []
    mine = service.reading.id
    for row, slot in service.claim_due({CONSOLE_GUILD}, reading_ids={mine}):
        try:
            card = service.slot_card(row, slot)
        except PromptError as exc:
            service.finish(row, slot, None, None, posted=False)
            shown.append(str(exc))
            continue
        service.finish(row, slot, card, None, posted=True)
        shown.append(_posted(card))
    if shown:
        return "\n\n".join(shown)
    others = sorted({service.reading_of(r) for r in service.schedules(CONSOLE_GUILD)} - {mine})
    if others:
        return (f"Nothing is due for {mine}. The console's schedule posts the prompts of "
                f"{others[0]}: start the console with --reading {others[0]} to post them, or "
                "schedule again here.")
    return "Nothing is due."
