"""Parsing glossary.yaml: words members may use, mapped to the words the text uses.

The file is optional. Each term is a word or phrase a member may use for something the
text puts otherwise (world or domain knowledge about this reading); its words are words
of the reading that a search should also try. Whether those words occur in the reading
is checked later, against the text and the positions (:func:`checks.check_glossary`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.errors import Problem
from bot.knowledge.fields import Entry, check_text, describe
from bot.knowledge.model import GlossaryEntry
from bot.knowledge.schema import GLOSSARY
from bot.knowledge.yamlfile import read_mapping

KEY = "glossary"
EXAMPLE = "Tiananmen: [June Fourth, crackdown]"


@dataclass(slots=True)
class GlossaryDraft:
    """One glossary entry as parsed; `term` is None and `means` short where it had problems."""

    file: Path
    where: str
    term: str | None
    means: tuple[str, ...]

    def build(self) -> GlossaryEntry | None:
        """The model object, or None if the term or its words are missing."""
        if self.term is None or not self.means:
            return None
        return GlossaryEntry(self.term, self.means)


def parse_glossary_file(path: Path, problems: list[Problem]) -> list[GlossaryDraft]:
    """Parse glossary.yaml, reporting every problem found in it alone."""
    shape = f"'{KEY}:' (a mapping of members' words to the text's words, like {EXAMPLE})"
    data = read_mapping(path, problems, shape)
    if data is None:
        return []
    top = Entry(data, path, "top level", GLOSSARY, problems)
    if not top.has(KEY):
        return []
    terms = top.get(KEY)
    if not isinstance(terms, Mapping):
        top.report(
            f"'{KEY}' must be a mapping of members' words to the text's words, one per line "
            f"like {EXAMPLE}, not {describe(terms)}"
        )
        return []
    drafts = [_entry(path, term, means, problems) for term, means in terms.items()]
    _check_unique(drafts, problems)
    return drafts


def _shown(term: object) -> str:
    """The term as the entry's name in messages."""
    if isinstance(term, str):
        return term.strip() or "empty term"
    if term is None:
        return "empty term"
    if isinstance(term, bool):
        return str(term).lower()
    if isinstance(term, dt.date):
        return term.isoformat()
    return str(term)


def _entry(path: Path, term: object, means: object, problems: list[Problem]) -> GlossaryDraft:
    where = f"{KEY} ({_shown(term)})"

    def report(message: str) -> None:
        problems.append(Problem(path, where, message))

    text = check_text(term, "the term", report)
    return GlossaryDraft(path, where, text, _means(means, report))


def _means(value: object, report: Callable[[str], None]) -> tuple[str, ...]:
    """The text's words for one term: a list of texts, or one text."""
    advice = f"list one or more of the text's words for it, like {EXAMPLE}"
    if value is None:
        report(f"the term has no words after the colon; {advice}")
        return ()
    if isinstance(value, Mapping):
        report(f"the words must be a list of texts, not {describe(value)}; {advice}")
        return ()
    if not isinstance(value, list):
        word = check_text(value, "the word", report)  # one text is a one-item list
        return () if word is None else (word,)
    if not value:
        report(f"the list of words is empty; {advice}")
        return ()
    words = [check_text(item, f"word {i + 1}", report) for i, item in enumerate(value)]
    return tuple(word for word in words if word is not None)


def _check_unique(drafts: list[GlossaryDraft], problems: list[Problem]) -> None:
    """Each term is given once (case and spacing are ignored)."""
    seen: dict[str, GlossaryDraft] = {}
    for draft in drafts:
        if draft.term is None:
            continue
        key = " ".join(draft.term.casefold().split())
        first = seen.setdefault(key, draft)
        if first is not draft:
            problems.append(
                Problem(
                    draft.file,
                    draft.where,
                    f"the term '{draft.term}' is already given as '{first.term}'; give each "
                    "term once and list all its words there (case is ignored)",
                )
            )
