"""Drawing a quiz's questions so that every round is fair.

A quote qualifies when it is distinctive: long enough, with enough words of substance
that are not the small talk of a debate ("I agree with ... on this point"), and not mostly
names. Within one quiz no quote repeats, and contributors are balanced: each round goes to
a contributor with the fewest rounds so far (among those with quotes left), so over a quiz
the counts differ by at most one while every contributor has quotes to give.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge.model import Position, Reading
from bot.quiz.masking import Masked, mask_quote, reading_terms

MIN_WORDS = 10  # words in the quote
MIN_DISTINCT = 5  # words of substance (4+ letters, not small talk)
MAX_MASKED_SHARE = 0.2  # of the words: a quote that is mostly names is no question
WORD = re.compile(r"[^\W\d_][\w'’-]*")

# Words that any contributor of any debate might use: they say nothing about who speaks.
SMALL_TALK = frozenset(
    """
    about above after again against also although always among another anyone anything
    because been before being believe below between both cannot could does doing down during
    each either enough even ever every first from further have having here however into itself
    just know last least less like made make makes many more most much must need never next
    none often once only other others ought over perhaps point points quite rather really
    said same says seem seems several should since some something still such sure than that
    their them then there these they thing things think this those though through thus today
    together under until upon very want well were what when where whether which while whom
    whose will with within without would your yours agree agreed agrees agreement disagree
    disagreed disagreement comment comments colleague colleagues argue argued argues argument
    view views raise raised says saying mention mentioned indeed certainly course also
    """.split()
)


@dataclass(frozen=True, slots=True)
class Question:
    """One round's question: the position whose quote is shown, and the quote as shown."""

    position: Position
    masked: Masked

    @property
    def answer(self) -> str:
        """The id of the contributor who said it."""
        return self.position.contributor_id


def words(text: str) -> list[str]:
    """The words of a text (letters first; apostrophes and hyphens kept inside)."""
    return WORD.findall(text)


def distinct_words(text: str) -> list[str]:
    """The words of substance: four letters or more and not small talk."""
    return [w for w in words(text) if len(w) >= 4 and w.lower() not in SMALL_TALK]


def is_distinctive(masked: Masked) -> bool:
    """Whether a (masked) quote makes a fair question; see the module docstring."""
    all_words = words(masked.original)
    if len(all_words) < MIN_WORDS:
        return False
    if masked.masked_count > MAX_MASKED_SHARE * len(all_words):
        return False
    return len(distinct_words(masked.text)) >= MIN_DISTINCT


def eligible(reading: Reading, kind: str | None = None) -> list[Question]:
    """Every fair question of the reading (of one kind when given), one per distinct quote."""
    terms = reading_terms(reading)
    known = {c.id for c in reading.contributors}
    seen: set[str] = set()
    out: list[Question] = []
    for p in reading.positions:
        if kind is not None and p.kind.value != kind:
            continue
        key = " ".join(p.quote.split()).lower()
        if p.contributor_id not in known or key in seen:
            continue
        seen.add(key)
        masked = mask_quote(p.quote, terms)
        if is_distinctive(masked):
            out.append(Question(p, masked))
    return out


def draw(
    pool: Sequence[Question], rounds: int, rng: random.Random | None = None
) -> list[Question]:
    """Up to `rounds` questions from `pool`: no quote twice, contributors balanced.

    Fewer come back when the pool is smaller than `rounds`.
    """
    rng = rng or random.Random()
    left: dict[str, list[Question]] = {}
    for q in pool:
        left.setdefault(q.answer, []).append(q)
    for questions in left.values():
        rng.shuffle(questions)
    given: dict[str, int] = dict.fromkeys(left, 0)
    out: list[Question] = []
    previous: str | None = None
    while len(out) < rounds:
        open_ = [cid for cid, qs in left.items() if qs]
        if not open_:
            break
        fewest = min(given[cid] for cid in open_)
        candidates = [cid for cid in open_ if given[cid] == fewest]
        if len(candidates) > 1 and previous in candidates:  # no one twice in a row if avoidable
            candidates.remove(previous)
        who = rng.choice(sorted(candidates))
        out.append(left[who].pop())
        given[who] += 1
        previous = who
    return out
