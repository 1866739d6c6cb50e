"""Checks no schema can express: uniqueness, paragraphs, quotes, references, coverage, glossary.

They run on the validated (or salvaged, see :mod:`bot.knowledge.parse`) entries; a field
named in an entry's `broken` is None and was reported already, so checks skip it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.describe import closest, name_list
from bot.knowledge.errors import Problem
from bot.knowledge.files import ContributorEntry, PositionEntry, PositionsFile, PromptEntry
from bot.knowledge.layout import MIN_QUOTE_CHARS
from bot.knowledge.limits import cut
from bot.knowledge.paragraphs import squash
from bot.knowledge.ranges import compact


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary term as the checks see it."""

    file: Path
    where: str
    term: str
    means: tuple[str, ...]


@dataclass(slots=True)
class OwnedFile:
    """One positions file: whose it is (if known), its positions, and whether it parsed."""

    file: Path
    contributor_id: str | None
    positions: list[PositionEntry]
    readable: bool

_LOOSE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def _loose(text: str) -> str:
    """Text with quote marks, dashes, case and spacing evened out, for hints only."""
    return squash(text).translate(_LOOSE).casefold()


def _where_text(count: int) -> str:
    return f"the text has paragraphs 0-{count - 1}" if count else "the text has no paragraphs"


def _verb(numbers: Sequence[int], one: str, many: str) -> str:
    return one if len(numbers) == 1 else many


def _paragraph_list(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return "paragraphs " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def paragraph_owners(
    contributors: Sequence[ContributorEntry], count: int | None, problems: list[Problem]
) -> dict[int, str]:
    """Which contributor owns each paragraph; reports numbers out of range and overlaps."""
    owners: dict[int, str] = {}
    for c in contributors:
        if c.id is None or c.paragraphs is None:
            continue
        if count is not None:
            outside = [n for n in c.paragraphs if n >= count]
            if outside:
                problems.append(
                    Problem(
                        c.file,
                        c.where,
                        f"'paragraphs' lists {_paragraph_list(outside)}, which "
                        f"{_verb(outside, 'does', 'do')} not exist; "
                        f"{_where_text(count)}",
                    )
                )
        shared = [n for n in c.paragraphs if n in owners]
        if shared:
            others = ", ".join(sorted({owners[n] for n in shared}))
            problems.append(
                Problem(
                    c.file,
                    c.where,
                    f"'paragraphs' gives {_paragraph_list(shared)} to {c.id}, but "
                    f"{_verb(shared, 'it already belongs', 'they already belong')} to {others}; "
                    "a paragraph belongs to one contributor only",
                )
            )
        for n in c.paragraphs:
            owners.setdefault(n, c.id)
    return owners


def unique_positions(
    positions: Sequence[PositionEntry], problems: list[Problem]
) -> dict[str, PositionEntry]:
    """The positions by id; reports ids used twice anywhere in the reading."""
    by_id: dict[str, PositionEntry] = {}
    for p in positions:
        if p.id is None:
            continue
        if p.id in by_id:
            first = by_id[p.id]
            problems.append(
                Problem(
                    p.file,
                    p.where,
                    f"the id '{p.id}' is already used by {first.where} in "
                    f"{first.file.parent.name}/{first.file.name}; position ids must be unique "
                    "in the reading",
                )
            )
        else:
            by_id[p.id] = p
    return by_id


def check_quote(
    p: PositionEntry,
    paragraphs: Sequence[str],
    squashed: Sequence[str],
    owners: Mapping[int, str],
    contributors: Mapping[str, ContributorEntry],
    problems: list[Problem],
) -> int | None:
    """Check one position's quote and paragraph; returns the quote's offset in it, if found."""

    def report(message: str) -> None:
        problems.append(Problem(p.file, p.where, message))

    if p.paragraph is not None:
        _check_owner(p, p.paragraph, len(paragraphs), owners, contributors, report)
    if p.quote is None:
        return None
    needle = squash(p.quote)
    if len(needle) < MIN_QUOTE_CHARS:
        report(
            f"the quote is only {len(needle)} character{'s' if len(needle) != 1 else ''}; "
            f"quote at least {MIN_QUOTE_CHARS} so that it points to one passage"
        )
    found = [i for i, text in enumerate(squashed) if needle in text]
    if len(found) > 1:
        report(
            f"the quote occurs in {_paragraph_list(found)}; quote a longer passage that "
            "occurs in only one paragraph"
        )
    if p.paragraph is None or not 0 <= p.paragraph < len(paragraphs):
        if p.paragraph is not None and len(found) == 1:
            report(f"the quote is in paragraph {found[0]}; set 'paragraph: {found[0]}'")
        return None
    if p.paragraph in found:
        return squashed[p.paragraph].find(needle)
    if found:
        report(
            f"the quote is not in paragraph {p.paragraph} but is in {_paragraph_list(found)}; "
            f"set 'paragraph: {found[0]}'"
            if len(found) == 1
            else f"the quote is not in paragraph {p.paragraph}"
        )
        return None
    report(_not_verbatim(p.quote, p.paragraph, paragraphs))
    return None


def _check_owner(
    p: PositionEntry,
    number: int,
    count: int,
    owners: Mapping[int, str],
    contributors: Mapping[str, ContributorEntry],
    report: Callable[[str], None],
) -> None:
    if not 0 <= number < count:
        report(f"paragraph {number} does not exist; {_where_text(count)}")
        return
    if p.contributor_id is None or owners.get(number) == p.contributor_id:
        return
    mine = contributors.get(p.contributor_id)
    if mine is None or mine.paragraphs is None:
        return  # their paragraphs are reported as wrong already
    owner = owners.get(number)
    whose = f"it belongs to {owner}" if owner else "it is not part of any contribution"
    report(
        f"paragraph {number} is not {p.contributor_id}'s: {whose} "
        f"({p.contributor_id}'s are {compact(mine.paragraphs)})"
    )


def _not_verbatim(quote: str, number: int, paragraphs: Sequence[str]) -> str:
    """Why a quote found nowhere is wrong, as helpfully as we can tell."""
    loose = _loose(quote)
    near = [i for i, text in enumerate(paragraphs) if loose in _loose(text)]
    base = f"the quote is not verbatim in paragraph {number}"
    if number in near:
        return (
            f"{base}: it differs in quote marks, dashes or capitals; copy it exactly as the "
            "text writes it (curly quotes ‘ ’ “ ” and dashes — as in the text)"
        )
    if near:
        return (
            f"{base}; something close (differing in quote marks, dashes or capitals) is in "
            f"{_paragraph_list(near)}"
        )
    if any(mark in quote for mark in ("...", "…")):
        return f"{base}: quote one continuous passage, without '...' to leave words out"
    return f"{base} nor anywhere in the text; copy it exactly from the text"


def check_targets(
    positions: Sequence[PositionEntry],
    by_id: Mapping[str, PositionEntry],
    contributor_ids: Collection[str] | None,
    positions_complete: bool,
    problems: list[Problem],
) -> None:
    """responds_to names an existing other contributor, and a position of theirs."""
    for p in positions:
        t = p.responds_to
        if t is None:
            continue

        def report(message: str, p: PositionEntry = p, where: str = t.where) -> None:
            problems.append(Problem(p.file, where, message))

        if t.contributor is not None and contributor_ids is not None:
            if t.contributor not in contributor_ids:
                report(
                    f"'contributor' '{t.contributor}' is not a contributor id"
                    f"{closest(t.contributor, contributor_ids)}; the ids are: "
                    + ", ".join(contributor_ids)
                )
            elif t.contributor == p.contributor_id:
                report(
                    f"a position cannot respond to its own contributor ({t.contributor}); "
                    "name the contributor it answers"
                )
        if t.position is None or not positions_complete:
            continue
        target = by_id.get(t.position)
        if target is None:
            report(f"'position' '{t.position}' does not exist{closest(t.position, by_id)}")
        elif target.contributor_id == p.contributor_id and target.contributor_id is not None:
            report(f"'position' '{t.position}' is {p.contributor_id}'s own position")
        elif t.contributor is not None and target.contributor_id not in (None, t.contributor):
            report(
                f"'position' '{t.position}' belongs to {target.contributor_id}, "
                f"not to '{t.contributor}'"
            )


def check_coverage(
    contributors: Sequence[ContributorEntry],
    files: Sequence[OwnedFile],
    owners: Mapping[int, str],
    positions_dir: Path,
    count: int,
    problems: list[Problem],
) -> None:
    """Every contributor has a positions file and every paragraph of theirs a position."""
    by_owner = {f.contributor_id: f for f in files if f.contributor_id is not None}
    broken = {f.contributor_id for f in files if not f.readable}
    for c in contributors:
        if c.id is None or c.id in broken:
            continue
        path = positions_dir / f"{c.id}.yaml"
        if c.id not in by_owner and not any(f.file == path for f in files):
            problems.append(
                Problem(path, "(whole file)", f"there is no positions file for {c.id}; create it")
            )
        covered = {p.paragraph for f in files if f.contributor_id == c.id for p in f.positions}
        for n in c.paragraphs or ():
            if n < count and n not in covered and owners.get(n) == c.id:
                problems.append(
                    Problem(
                        by_owner[c.id].file if c.id in by_owner else path,
                        f"contributor {c.id}",
                        f"paragraph {n} of {c.id} is not covered by any position",
                    )
                )


def check_prompts(
    prompts: Sequence[PromptEntry],
    by_id: Mapping[str, PositionEntry],
    problems: list[Problem],
) -> None:
    """Prompts link only positions that exist."""
    for prompt in prompts:
        for pid in prompt.positions or ():
            if pid not in by_id:
                problems.append(
                    Problem(
                        prompt.file,
                        prompt.where,
                        f"links position '{pid}', which does not exist{closest(pid, by_id)}",
                    )
                )


def _word_pattern(word: str) -> re.Pattern[str]:
    """A whole-word, loose (case, quote marks, dashes, spacing) pattern for `word`."""
    parts = [re.escape(part) for part in _loose(word).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def check_glossary(
    glossary: Sequence[Term],
    paragraphs: Sequence[str],
    positions: Sequence[PositionEntry],
    problems: list[Problem],
) -> None:
    """Each glossary entry maps to words the reading itself uses.

    A word counts when it occurs as a whole word (case, quote marks and dashes aside) in
    the text, or in a position's topics or summary.
    """
    own = [*paragraphs, *(p.summary or "" for p in positions)]
    own += [topic for p in positions for topic in p.topics or ()]
    haystack = "\n|\n".join(_loose(text) for text in own)  # "|": no phrase spans two
    for entry in glossary:
        if not entry.means:
            continue  # its words are reported as wrong already
        if not any(_word_pattern(word).search(haystack) for word in entry.means):
            words = ", ".join(f"'{cut(word)}'" for word in entry.means[:5])
            problems.append(
                Problem(
                    entry.file,
                    entry.where,
                    f"none of its words ({words}) occurs in the reading (its text, or its "
                    "positions' topics and summaries); the glossary maps members' words to "
                    "the reading's own",
                )
            )


def unique_contributors(contributors: Sequence[ContributorEntry], problems: list[Problem]) -> None:
    """Contributor ids and orders are unique; no alias or name belongs to two of them."""
    ids: dict[str, ContributorEntry] = {}
    orders: dict[int, ContributorEntry] = {}
    owners: dict[str, tuple[str, ContributorEntry]] = {}
    for c in contributors:
        if c.id is not None:
            if c.id in ids:
                problems.append(
                    Problem(
                        c.file, c.where, f"the id '{c.id}' is already used by {ids[c.id].where}"
                    )
                )
            else:
                ids[c.id] = c
        if c.order is not None:
            if c.order in orders:
                problems.append(
                    Problem(
                        c.file,
                        c.where,
                        f"'order' {c.order} is already used by {orders[c.order].where}; "
                        "each contributor has their own place (1, 2, 3 ...)",
                    )
                )
            else:
                orders[c.order] = c
        _claim_names(c, owners, problems)


def _claim_names(
    c: ContributorEntry,
    owners: dict[str, tuple[str, ContributorEntry]],
    problems: list[Problem],
) -> None:
    names = [n for n in (c.name, c.short_name) if n] + list(c.aliases or ())
    mine: set[str] = set()
    for name in names:
        key = " ".join(name.casefold().split())
        if key in mine:
            continue
        mine.add(key)
        if key in owners:
            first, other = owners[key]
            problems.append(
                Problem(
                    c.file,
                    c.where,
                    f"the alias or name '{cut(name)}' also names {other.where} (as "
                    f"'{cut(first)}'); an alias may belong to one contributor only (case is "
                    "ignored)",
                )
            )
        else:
            owners[key] = (name, c)


def positions_owner(
    data: PositionsFile, contributors: Collection[str] | None, problems: list[Problem]
) -> str | None:
    """Whose positions a file holds: its `contributor`, checked against reading.yaml and its name.

    `contributors` is None when reading.yaml's contributors could not all be read; then
    the file's name stands in when `contributor` is broken.
    """
    path, owner = data.file, data.contributor
    fallback = path.stem if contributors is not None and path.stem in contributors else None
    if owner is None or contributors is None:
        return owner or fallback
    if owner not in contributors:
        problems.append(
            Problem(
                path,
                "contributor",
                f"'contributor' is '{owner}', which is not a contributor id in reading.yaml"
                f"{closest(owner, contributors)}; the ids are: {name_list(contributors)}",
            )
        )
        return fallback
    if path.stem != owner:
        problems.append(
            Problem(
                path,
                "contributor",
                f"the file is named {path.name} but holds the positions of '{owner}'; "
                f"name it {owner}.yaml",
            )
        )
    return owner


def unique_prompts(prompts: Sequence[PromptEntry], problems: list[Problem]) -> None:
    """Prompt ids are unique."""
    seen: dict[str, str] = {}
    for prompt in prompts:
        if prompt.id is None:
            continue
        if prompt.id in seen:
            problems.append(
                Problem(
                    prompt.file,
                    prompt.where,
                    f"the id '{prompt.id}' is already used by {seen[prompt.id]}",
                )
            )
        else:
            seen[prompt.id] = prompt.where


def unique_terms(terms: Sequence[Term], problems: list[Problem]) -> None:
    """Each glossary term is given once (case and spacing are ignored)."""
    seen: dict[str, Term] = {}
    for entry in terms:
        key = " ".join(entry.term.casefold().split())
        first = seen.setdefault(key, entry)
        if first is not entry:
            problems.append(
                Problem(
                    entry.file,
                    entry.where,
                    f"the term '{cut(entry.term)}' is already given as '{cut(first.term)}'; "
                    "give each term once and list all its words there (case is ignored)",
                )
            )
