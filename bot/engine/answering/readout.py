"""Who read words out: "who read the House Divided quote?" asks for the one who read it,
not for its author.

A passage one speaker reads out from another (a speech, a platform) is attributed to its
author, so the best position for such a question is often the author's words, standing
between the reader's own paragraphs. The reader's position next to it (the words that
introduce or comment on the reading) answers instead.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from bot.engine.question import Question
from bot.engine.rank import Scored
from bot.engine.sources import Sources

_READ_OUT = re.compile(r"\b(?:read|reads|reading|quoted|quotes|quoting|recited|recites)\b", re.I)


def asks_reader(q: Question) -> bool:
    """ "who read out the platform?", "who quoted Lincoln's speech?" """
    return q.who and not q.speakers and _READ_OUT.search(q.text) is not None


_WHO_READ = re.compile(r"^\W*who\s+(?:\w+\s+)?(?:read|quoted|recited)\b", re.I)


def reader_of_named(q: Question) -> bool:
    """ "who read from Lincoln's speech?": the name is the author's, the one asked for is
    whoever read his words out (the question was read as one about Lincoln)."""
    return bool(q.speakers) and not q.who and _WHO_READ.search(q.text) is not None


def by_reader(src: Sources, q: Question, ranked: list[Scored]) -> list[Scored]:
    """`ranked` with each position read out by another speaker replaced by that reader's
    best position next to it (the same order; unchanged when nothing was read out)."""
    owners = src.owners
    out: list[Scored] = []
    for s in ranked:
        pos = s.item.position
        reader = _reader(owners, pos.paragraph, pos.contributor_id)
        if reader is None:
            out.append(s)
            continue
        near = (pos.paragraph - 1, pos.paragraph + 1)
        found = next(
            (r for r in src.ranker.rank(q, speakers=(reader,))
             if r.item.position.paragraph in near),
            None,
        )
        if found is None:  # no words of the question there: the reader's words beside it
            found = next((dataclasses.replace(s, item=i) for i in src.index.items
                          if i.position.contributor_id == reader
                          and i.position.paragraph in near), None)
        out.append(found if found is not None else s)
    return out


def _reader(owners: Mapping[int, frozenset[str]], n: int, author: str) -> str | None:
    """The one speaker whose paragraphs stand on both sides of the author's paragraphs
    around `n` (up to READ_RUN of them), if it is not the author, and who holds more of the
    paragraphs around `n` than the author does (a speaker's own paragraph between two he
    reads out is his, not read out)."""
    before, after = _beside(owners, n, author, -1), _beside(owners, n, author, 1)
    both = (before & after) - {author}
    if len(both) != 1 or author in before | after:
        return None
    reader = next(iter(both))
    around = [owners.get(k, frozenset()) for k in range(n - AROUND, n + AROUND + 1) if k != n]
    if sum(reader in o for o in around) <= sum(author in o for o in around):
        return None
    return reader


def _beside(owners: Mapping[int, frozenset[str]], n: int, author: str, step: int) -> frozenset[str]:
    """The owners of the first paragraph past the author's run around `n` on one side
    (nobody, when the run is longer than READ_RUN). After the run, one paragraph of no one
    (the crowd's cheers) may come first; before it, the reader's announcement stands."""
    run, skipped, k = 1, 0, n + step
    while True:
        held = owners.get(k, frozenset())
        if held == {author}:
            run += 1
            if run > READ_RUN:
                return frozenset()
        elif held or step < 0 or skipped or k < 0:
            return held
        else:
            skipped += 1
        k += step


AROUND = 5  # paragraphs on each side that tell whose speech a paragraph stands in
READ_RUN = 3  # paragraphs of one author read out in a row, at most
