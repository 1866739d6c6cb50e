"""`python -m bot ingest TEXT_FILE`: a raw text in, a draft reading folder out, validated."""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.ingest.aliases import aliases, name_pattern, short_name
from bot.ingest.contributors import Given, parse_speakers, read_contributors
from bot.ingest.draft import Drafted, Names, draft_positions
from bot.ingest.glossary import draft_glossary
from bot.ingest.mend import mend
from bot.ingest.paragraphs import Block, blocks
from bot.ingest.prompts import draft_prompts
from bot.ingest.segment import Role, Segmentation, _notes_start, segment
from bot.ingest.source import IngestError, read_source
from bot.ingest.speakers import InlineTurn, colon_turns, heading, labelled, named_turns
from bot.ingest.write import (
    glossary_yaml,
    positions_yaml,
    prompts_yaml,
    reading_yaml,
    write_folder,
)
from bot.paths import knowledge_dir

MAX_TITLE = 100


@dataclass(slots=True)
class Options:
    """What `ingest` was asked to do."""

    text: Path
    id: str | None = None
    title: str | None = None
    url: str = ""
    date: str = ""
    out: Path | None = None  # the reading folder itself (its name is the id)
    speakers: str | None = None
    contributors: Path | None = None
    force: bool = False
    into: Path | None = None  # without `out`: the folder to put `<id>/` in (default knowledge/)


@dataclass(slots=True)
class Result:
    """What was drafted, for the report."""

    folder: Path
    reading_id: str
    seg: Segmentation
    positions: list[Drafted]
    prompts: int
    mends: str
    seconds: float
    contributors: list[dict[str, Any]] = field(default_factory=list)


def slug(text: str) -> str:
    """A reading id from a title: lower case words joined by '-', at most 48 characters."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > 48:
            break
        out = f"{out}-{w}" if out else w
    return out or "reading"


def _title(seg: Segmentation, fallback: str) -> str:
    for part in seg.parts:
        if part.role is Role.FRONT:
            text = " ".join(part.text.split())
            if len(text) <= MAX_TITLE:
                return text
            cut = text[:MAX_TITLE].rsplit(" ", 1)[0]
            return re.split(r"(?<=\d{4})(?=[A-Z])", cut)[0]
        if part.role is not Role.HEADING:
            break
    return fallback


def ingest(opts: Options) -> Result:
    """Draft, write and return the reading; IngestError for input that cannot be used."""
    started = time.perf_counter()
    raw = read_source(opts.text)
    given = read_contributors(opts.contributors) if opts.contributors else None
    named = parse_speakers(opts.speakers) if opts.speakers else None
    mended = mend(raw)
    paragraphs = blocks(mended.text)
    inline = None if given else _by_inline_turns(paragraphs, named)
    seg = inline or segment(paragraphs, given, named)
    title = opts.title or _title(seg, opts.text.stem)
    reading_id, out = _where(opts, title)
    if out.exists() and not opts.force:
        raise IngestError(
            f"a reading already exists at {out}; choose another --id, or give --force to "
            "replace it (the old folder is kept until the new one is complete)"
        )
    debate = any(p.role is Role.TURN for p in seg.parts) or not given or inline is not None
    count = len(seg.speakers)
    alias_lists = {
        s.key: aliases(s, i + 1, count, debate, mended.text) for i, s in enumerate(seg.speakers)
    }
    _drop_shared(alias_lists, {s.key: [s.name, short_name(s)] for s in seg.speakers})
    names = Names(
        {s.key: name_pattern(s, alias_lists[s.key]) for s in seg.speakers},
        {s.key: short_name(s) for s in seg.speakers},
    )
    positions = draft_positions(seg, names)
    owned: dict[str, list[int]] = {s.key: [] for s in seg.speakers}
    for p in positions:
        if p.paragraph not in owned[p.contributor]:
            owned[p.contributor].append(p.paragraph)
    contributors: list[dict[str, Any]] = []
    for s in seg.speakers:
        if not owned[s.key]:
            continue
        affiliation = (s.given.affiliation if s.given else "") or (
            "speaker in this debate" if debate else "contributor to this reading"
        )
        contributors.append({
            "id": s.key, "name": s.name, "short_name": short_name(s),
            "order": len(contributors) + 1, "affiliation": affiliation,
            "paragraphs": owned[s.key], "aliases": alias_lists[s.key],
        })
    if not contributors:
        raise IngestError(
            "no contributor has any sentence of their own in this text; check the headings, "
            "or give --speakers / --contributors"
        )
    prompts = draft_prompts(positions, names.short)
    meta = {"id": reading_id, "title": title, "date": opts.date, "url": opts.url}
    files = {
        "reading.yaml": reading_yaml(meta, contributors),
        "text.txt": mended.text,
        "prompts.yaml": prompts_yaml(prompts) if prompts else "",
    }
    if not prompts:
        del files["prompts.yaml"]
    glossary = draft_glossary(mended.text)
    if glossary:
        files["glossary.yaml"] = glossary_yaml(glossary)
    for c in contributors:
        mine = [p for p in positions if p.contributor == c["id"]]
        files[f"positions/{c['id']}.yaml"] = positions_yaml(c["id"], mine)
    write_folder(files, out, opts.force)
    mends = (
        f"{_count(mended.gaps, 'page-break gap')} closed, "
        f"{_count(mended.hyphens, 'hyphenated line end')} joined, "
        f"{_count(mended.headings, 'glued heading')} set apart"
    )
    return Result(out, reading_id, seg, positions, len(prompts), mends,
                  time.perf_counter() - started, contributors)


def _by_inline_turns(paragraphs: list[Block], named: list[Given] | None) -> Segmentation | None:
    """In a text with no headings, the turns that open with a speaker's name: `Name:
    speech` turns, or with `--speakers` those names ("ALICE. ...", "MS. ALICE --- ...").
    Each turn's paragraph, and the ones after it up to the next turn (or the notes at the
    end; a "Note: ..." is no one's), are that speaker's; the name itself is never quoted.
    None when there are headings or no such turns (the headings' segmentation then says
    what it finds)."""
    texts = [b.text for b in paragraphs]
    if any(heading(t) is not None for t in texts):
        return None
    names = [g.name for g in named] if named else []
    turns = named_turns(texts, names) if named else colon_turns(texts)
    if not turns:
        return None
    starts = {t.paragraph: t for t in turns}
    owned: dict[str, list[int]] = {}
    notes_from = len(texts)
    current: InlineTurn | None = None
    for i, text in enumerate(texts):
        if i in starts:
            current = starts[i]
        elif current is not None and _notes_start(text):
            notes_from = i
            break
        if current is not None and (i in starts or not labelled(text)):
            owned.setdefault(current.name, []).append(i)
    given = [dataclasses.replace(g, paragraphs=tuple(owned[g.name]))
             for g in (named or []) if g.name in owned]
    given += [Given(name, paragraphs=tuple(owned[name]))
              for name in owned if name not in {g.name for g in given}]
    given.sort(key=lambda g: g.paragraphs[0])
    seg = segment(paragraphs, given)
    for i, part in enumerate(seg.parts):
        if i in starts and part.role is Role.SPEECH:
            part.start = starts[i].start
        elif i >= notes_from and part.owner is None:
            part.role = Role.NOTES
    seg.method = "--speakers at the start of turns" if named else "inline `Name:` turns"
    return seg


def _where(opts: Options, title: str) -> tuple[str, Path]:
    """The reading id and its folder; the folder's name is always the id (the loader's rule).

    `--out DIR` is the reading folder itself, so its name is the id: an `--id` that says
    otherwise is refused. Without `--out`, the folder is `<id>/` in `into` (default
    knowledge/), the id from `--id` or the title.
    """
    if opts.out is not None:
        name = opts.out.name
        if opts.id is not None and opts.id != name:
            raise IngestError(
                f"--out {opts.out} is the reading folder, and a reading's folder is named by "
                f"its id, so it cannot hold the reading {opts.id!r}: give --out "
                f"{opts.out / opts.id} (or --out {opts.out.parent / opts.id}), or leave out "
                "--id to take the folder's name as the id"
            )
        if not _ID.fullmatch(name):
            raise IngestError(
                f"--out {opts.out}: the folder's name {name!r} is the reading's id, and an "
                "id has only letters, digits and '-'; name the folder so"
            )
        return name, opts.out
    reading_id = opts.id or slug(title)
    if not _ID.fullmatch(reading_id):
        raise IngestError(f"--id {reading_id!r} is not an id: use letters, digits and '-'")
    return reading_id, (opts.into if opts.into is not None else knowledge_dir()) / reading_id


_ID = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def _drop_shared(alias_lists: dict[str, list[str]], names: dict[str, list[str]]) -> None:
    """An alias two contributors would share (or another's name) is nobody's."""
    owners: Counter[str] = Counter()
    for key, items in alias_lists.items():
        for a in {x.casefold() for x in items + names[key]}:
            owners[a] += 1
    for items in alias_lists.values():
        items[:] = [a for a in items if owners[a.casefold()] == 1]


def _count(n: int, noun: str) -> str:
    """ "1 paragraph", "3 paragraphs"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def report(result: Result) -> str:
    """What was found, and what a moderator should check first."""
    seg = result.seg
    roles = Counter(p.role.value for p in seg.parts)
    kinds = Counter(p.kind for p in result.positions)
    lines = [
        f"Drafted reading {result.reading_id!r} in {result.folder} "
        f"({result.seconds:.1f} s).",
        f"Text: {_count(len(seg.parts), 'paragraph')}; {result.mends}.",
        f"Speakers found from {seg.method}:",
    ]
    for c in result.contributors:
        n = sum(1 for p in result.positions if p.contributor == c["id"])
        lines.append(f"  {c['order']}. {c['name']} ({c['id']}): "
                     f"{_count(len(c['paragraphs']), 'paragraph')}, {_count(n, 'position')}")
    skipped = {k: v for k, v in roles.items() if k not in ("speech", "turn")}
    if skipped:
        lines.append("Left to no one: " + ", ".join(
            f"{v} {k}" for k, v in sorted(skipped.items())))
    readouts = sum(1 for p in seg.parts if p.hint == "readout")
    lines.append(
        "Positions: " + ", ".join(f"{v} {k}" for k, v in kinds.most_common())
        + f"; {result.prompts} discussion prompts."
    )
    lines.append("Check first:")
    lines.append("  - the speakers and their paragraphs in reading.yaml (and their aliases);")
    if readouts:
        lines.append(f"  - {_count(readouts, 'paragraph')} read out by one speaker "
                     f"{'was' if readouts == 1 else 'were'} given to the other as their author "
                     "(summaries say 'as read out');")
    lines.append("  - the central positions (central: true), which answer 'what is X's argument';")
    lines.append("  - agreements and disagreements: whom they answer (responds_to).")
    lines.append("Every drafted position says reviewed: false; set it true once checked.")
    return "\n".join(lines)


def ingest_command(args: argparse.Namespace) -> int:
    """Run `ingest` and print the report, then the `validate` result."""
    from bot.knowledge.errors import KnowledgeError
    from bot.knowledge.loader import load_reading

    opts = Options(args.text, id=args.id, title=args.title, url=args.url, date=args.date,
                   out=args.out, speakers=args.speakers, contributors=args.contributors,
                   force=args.force)
    try:
        result = ingest(opts)
    except IngestError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 1
    print(report(result))
    try:
        reading = load_reading(result.folder)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    unreviewed = sum(1 for p in reading.positions if not p.reviewed)
    print(f"validate: ok: {reading.id}: {len(reading.contributors)} contributors, "
          f"{len(reading.positions)} positions ({unreviewed} unreviewed)")
    hint = _which_reading_hint(result.folder)
    if hint:
        print(hint)
    return 0


def _which_reading_hint(folder: Path) -> str:
    """When the new reading's folder now holds several readings and no config names the
    default: how to say which one the other commands should use."""
    from bot.config import ConfigError, load_config

    ids = sorted(d.name for d in folder.parent.iterdir() if (d / "reading.yaml").is_file())
    if len(ids) < 2:
        return ""
    try:
        if load_config(None).reading:
            return ""
    except ConfigError:
        return ""
    return (f"{folder.parent} now holds {len(ids)} readings ({', '.join(ids)}): give "
            f"`--reading {folder.name}` to ask, chat, map and guide, or name the default "
            "with `reading: ID` in config.yaml.")
