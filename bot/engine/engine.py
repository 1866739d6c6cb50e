"""The answer engine's front door: one object, built once at start-up, used by every front end."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from bot.engine.answers import Answer, Mode, Reply, cite
from bot.engine.conversation import Conversation
from bot.engine.index import PositionIndex
from bot.engine.lexicon import COMMON_WORDS, Relation
from bot.engine.question import Question, QuestionReader
from bot.engine.quotes import QuoteFinder
from bot.engine.rank import (
    FLOOR,
    MIN_COVERAGE,
    SECOND_KIND,
    TARGET_FIT,
    Ranker,
    Scored,
    answers_topic,
)
from bot.engine.references import ContributorMatcher
from bot.engine.text import clean, words
from bot.knowledge.model import Contributor, Position, Reading

RELATION_NOUNS = {
    Relation.AGREE: "agreement",
    Relation.DISAGREE: "disagreement",
    Relation.RECOMMEND: "recommendation",
    Relation.CONCERN: "expression of concern",
    Relation.CRITIQUE: "criticism",
    Relation.CONCEDE: "concession",
    Relation.RESPOND: "reference to another contributor",
}
NAME_CHARS = 100  # a contributor's name or alias is never longer than this
KEEP_RATIO = 0.6  # further answers must score at least this share of the best one
HOLDS_PHRASE = 90  # a position's quote holding the asked phrase this closely is shown as is
MAX_COMPARE = 6  # answers in a comparison at most


class Engine:
    """Answers questions about one reading from its curated index. Knows nothing of Discord."""

    def __init__(self, reading: Reading, positions: Sequence[Position] | None = None) -> None:
        self.reading = reading
        self.index = PositionIndex(reading, positions)
        self.matcher = ContributorMatcher(reading.contributors, self.index.content_words)
        self.reader = QuestionReader(self.index, self.matcher)
        self.ranker = Ranker(self.index)
        self.quotes = QuoteFinder(reading)
        self.contributors = tuple(sorted(reading.contributors, key=lambda c: c.order))

    @classmethod
    def load(cls, knowledge: Path | None = None, reading_id: str | None = None) -> Engine:
        """Load and validate the knowledge folder, then build the engine for one reading."""
        from bot.knowledge.loader import load_library

        return cls(load_library(knowledge).get(reading_id))

    # -- questions -------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        limit: int = 3,
        contributor: Contributor | None = None,
        conversation: Conversation | None = None,
    ) -> Reply:
        """Answer a question in plain words (any text; never raises).

        With `contributor`, answer about that contributor only (after a member picked one of
        several a question could mean). With `conversation`, the question is one turn of it
        and is recorded there.
        """
        q = self.reader.read(question)
        if contributor is not None:
            q = dataclasses.replace(
                q, speakers=(contributor.id,), ambiguous=(), compare=False, who=False,
                targets=tuple(t for t in q.targets if t != contributor.id),
            )
        reply = self._answer(q, max(1, limit))
        if conversation is not None:
            conversation.record(question)
        return reply

    def who(self, topic: str, limit: int = 6) -> Reply:
        """Who said what on a topic: at most one answer per contributor."""
        q = self.reader.read(topic)
        q = dataclasses.replace(q, who=True, speakers=(), targets=q.speakers + q.targets)
        return self._answer(q, max(1, limit))

    def compare(self, first: str, second: str, topic: str = "") -> Reply:
        """Two contributors side by side, on a topic or on their main points."""
        first, second = clean(first, NAME_CHARS), clean(second, NAME_CHARS)
        people = [self.resolve_contributor(first), self.resolve_contributor(second)]
        missing = [name for name, c in zip((first, second), people, strict=True) if c is None]
        q = self.reader.read(topic)
        if missing:
            return self._abstain(q, f"I don't know a contributor called {missing[0]!r}.")
        ids = tuple(dict.fromkeys(c.id for c in people if c is not None))
        return self._compare(dataclasses.replace(q, speakers=ids, compare=True), 4)

    def _answer(self, q: Question, limit: int) -> Reply:
        if not q.text:
            return self._abstain(q, "Ask me something about the reading.")
        if q.unknown_subject:
            return self._abstain(
                q, f"{q.unknown_subject} is not one of the contributors to this reading."
            )
        if q.phrase and not q.relations:  # "who said ...", "did X say ..."
            located = self._who_said(q)
            if located is not None:
                return located
        if q.ambiguous and not q.speakers and not q.targets:
            both = dataclasses.replace(q, speakers=q.ambiguous, compare=len(q.ambiguous) > 1)
            reply = self._answer(both, limit)
            return dataclasses.replace(reply, candidates=q.ambiguous)
        if q.compare:
            return self._compare(q, min(MAX_COMPARE, max(limit, len(q.speakers))))
        ranked = self.ranker.rank(q, speakers=q.speakers, targets=q.targets)
        fitting = [s for s in ranked if answers_topic(s, q)]
        ranked = fitting or ranked[:1]  # the best that answers, not merely the best score
        problem = self._unanswerable(q, ranked)
        if problem and q.terms and q.relations and (q.speakers or _only_filler(q)) and not any(
            t.focus and t.word not in COMMON_WORDS for t in q.terms
        ):
            # "Neier's main point in a few lines", "which earlier contributors does Rosenzweig
            # credit at the start": the words around the relation are not a topic (but
            # "Neier's position on Taiwan" names one, and is not answered this way)
            return self._answer(dataclasses.replace(q, terms=()), limit)
        if problem:
            return self._abstain(q, problem)
        note = _gloss_note(q)
        if q.who and not q.speakers:
            return Reply(q.text, Mode.WHO, self._per_contributor(q, ranked, limit), note)
        return Reply(q.text, Mode.ANSWER, self._best(q, ranked, limit), note)

    def _unanswerable(self, q: Question, ranked: list[Scored]) -> str:
        """Why the best-ranked positions do not answer the question ("" if they do)."""
        names = " or ".join(self.reading.contributor(c).short_name for c in q.speakers)
        asked = RELATION_NOUNS.get(q.relation, "")
        if not q.terms:
            if asked and (not ranked or ranked[0].fit < SECOND_KIND):
                if names:
                    return f"{names} makes no {asked} in this reading."
                return f"No contributor makes any {asked} in this reading."
            if q.targets and (not ranked or not ranked[0].on_target):
                whom = " or ".join(self.reading.contributor(c).short_name for c in q.targets)
                if names:
                    return f"{names} doesn't respond to {whom} that way in this reading."
                return f"No contributor responds to {whom} that way in this reading."
            if not q.speakers and not q.targets and q.relation is Relation.ANY:
                return "Ask about a contributor or a topic of the reading."
            return "" if ranked else "The reading doesn't cover that."
        best = ranked[0] if ranked else None
        if q.speakers:
            elsewhere = self._said_elsewhere(q, best)
            if elsewhere:
                return f"{names} doesn't address that in this reading; {elsewhere}."
        if best is None or not answers_topic(best, q):
            return "The reading doesn't cover that."
        return ""

    def _said_elsewhere(self, q: Question, best: Scored | None) -> str:
        """Who else covers a topic the asked contributor doesn't: "Hom does (paragraph 17)"."""
        if best is not None and answers_topic(best, q):
            return ""
        others = self.ranker.rank(q)
        if not others or not answers_topic(others[0], q):
            return ""
        pos = others[0].item.position
        if pos.contributor_id in q.speakers:
            return ""
        who = self.reading.contributor(pos.contributor_id).short_name
        return f"{who} does (paragraph {pos.paragraph})"

    def _best(self, q: Question, ranked: list[Scored], limit: int) -> tuple[Answer, ...]:
        """The best answers, distinct quotes; `ranked` holds only positions that answer."""
        top = ranked[0].score
        out: list[Answer] = []
        quotes: set[str] = set()
        for s in ranked:
            if len(out) >= limit or s.score < KEEP_RATIO * top:
                break
            if s.item.position.quote in quotes:
                continue
            quotes.add(s.item.position.quote)
            out.append(self._cite(s.item.position, s.score))
        return tuple(out)

    def _per_contributor(
        self, q: Question, ranked: list[Scored], limit: int
    ) -> tuple[Answer, ...]:
        """Each contributor's best answer; `ranked` holds only positions that answer."""
        top = ranked[0].score
        # when the text itself names the topic, list those who name it, not near misses
        literal = ranked[0].literal > 0
        out: dict[str, Answer] = {}
        for s in ranked:
            cid = s.item.position.contributor_id
            if cid in out or s.score < KEEP_RATIO * top or (literal and not s.literal):
                continue
            if not q.terms and q.relation not in (Relation.ANY, Relation.SUMMARY) and (
                s.fit < SECOND_KIND
            ):
                continue
            out[cid] = self._cite(s.item.position, s.score)
            if len(out) >= limit:
                break
        return tuple(out.values())

    def _compare(self, q: Question, limit: int) -> Reply:
        """Each named contributor's best positions on the topic (main points if none)."""
        sides: list[list[Answer]] = []
        silent: list[str] = []
        linked = self._links_between(q)
        for cid in q.speakers:
            ranked = self.ranker.rank(q, speakers=(cid,))
            if q.terms:
                ranked = [s for s in ranked if s.coverage >= MIN_COVERAGE]
            side = [self._cite(s.item.position, s.score) for s in ranked[:2]]
            if not side:
                silent.append(self.reading.contributor(cid).short_name)
            sides.append(side)
        merged: list[Answer] = list(linked)
        for rank in range(2):
            for side in sides:
                if rank < len(side) and side[rank].position_id not in {
                    a.position_id for a in merged
                }:
                    merged.append(side[rank])
        if not merged:
            return self._abstain(q, "Neither of them addresses that in this reading.")
        note = f"{' and '.join(silent)} doesn't address that." if silent else ""
        return Reply(q.text, Mode.COMPARE, tuple(merged[:limit]), note)

    def _links_between(self, q: Question) -> list[Answer]:
        """Agreements or disagreements between the compared contributors, if asked about."""
        if q.relation not in (Relation.AGREE, Relation.DISAGREE, Relation.CRITIQUE):
            return []
        ranked = self.ranker.rank(q, speakers=q.speakers, targets=q.speakers)
        links = [
            self._cite(s.item.position, s.score)
            for s in ranked
            if s.on_target
            and s.fit >= TARGET_FIT + SECOND_KIND  # of a kind the relation asks for, too
            and (not q.terms or s.coverage >= MIN_COVERAGE)
        ]
        return links[:2]

    def _who_said(self, q: Question) -> Reply | None:
        """Answer "who said '...'" with the verbatim sentence and the position it belongs to."""
        found = self.quotes.locate(q.phrase)
        if found is None:
            return None
        in_para = self.index.in_paragraph(found.paragraph)
        if not in_para:
            return None
        holder = max(in_para, key=lambda p: fuzz.partial_ratio(q.phrase, p.quote.lower()))
        answer = self._cite(holder, found.ratio)
        if fuzz.partial_ratio(q.phrase, holder.quote.lower()) < HOLDS_PHRASE:
            answer = dataclasses.replace(answer, quote=found.sentence)
        note = ""
        if q.speakers and holder.contributor_id not in q.speakers:
            asked = " or ".join(self.reading.contributor(c).short_name for c in q.speakers)
            note = f"Those are {answer.contributor}'s words, not {asked}'s."
        return Reply(q.text, Mode.ANSWER, (answer,), note)

    def _abstain(self, q: Question, why: str) -> Reply:
        names = ", ".join(c.name for c in self.contributors)
        hint = f"I can answer about what {names} wrote: their positions, agreements and quotes."
        why = why[:1].upper() + why[1:]
        return Reply(q.text, Mode.ABSTAIN, (), f"{why} {hint}".strip())

    def _cite(self, pos: Position, score: float) -> Answer:
        return cite(self.reading, pos, score)

    # -- lookups for commands ----------------------------------------------------------------

    def positions(self, contributor: Contributor, kind: str | None = None) -> list[Answer]:
        """Every position of a contributor (optionally of one kind), in text order."""
        return [
            self._cite(p, 100.0)
            for p in self.reading.positions_of(contributor.id)
            if kind is None or p.kind.value == kind
        ]

    def resolve_contributor(self, text: str) -> Contributor | None:
        """The contributor a name, alias, misspelling or ordinal refers to, if exactly one."""
        text = clean(text, NAME_CHARS)
        for c in self.contributors:
            if text.strip().lower() in (c.id, c.name.lower()):
                return c
        toks = words(text)
        mentions = [m for m in self.matcher.find(toks) if not m.ambiguous]
        ids = {m.contributor_ids[0] for m in mentions}
        if len(ids) == 1:
            return self.reading.contributor(ids.pop())
        if not ids and toks:
            ranked = self.suggest_contributors(text, limit=2)
            if ranked and self._closeness(text, ranked[0]) >= 80:
                return ranked[0]
        return None

    def suggest_contributors(self, text: str, limit: int = 25) -> list[Contributor]:
        """Contributors ranked for autocomplete on partial text (all of them for '')."""
        text = clean(text, NAME_CHARS)
        if not text.strip():
            return list(self.contributors[:limit])
        scored = sorted(((self._closeness(text, c), c) for c in self.contributors),
                        key=lambda pair: -pair[0])
        return [c for closeness, c in scored if closeness >= 50][:limit]

    @staticmethod
    def _closeness(text: str, c: Contributor) -> float:
        needle = text.strip().lower()
        names: Iterable[str] = (c.name, c.short_name, c.id, *c.aliases)
        best = 0.0
        for name in names:
            low = name.lower()
            score = 100.0 if low.startswith(needle) else fuzz.WRatio(needle, low)
            best = max(best, score)
        return best

    def random_quote(
        self, contributor: Contributor | None = None, rng: random.Random | None = None
    ) -> Answer:
        """A random position's quote, optionally of one contributor."""
        pool = (
            self.reading.positions_of(contributor.id) if contributor else self.reading.positions
        )
        pos = (rng or random.Random()).choice(pool or self.reading.positions)
        return self._cite(pos, 100.0)

    def related(self, text: str, limit: int = 6) -> list[Answer]:
        """Positions relevant to a free-text topic or prompt, best per contributor first."""
        q = self.reader.read(text)
        if not q.known_terms:
            return []
        ranked = self.ranker.rank(q)
        if not ranked or not answers_topic(ranked[0], q):
            return []
        picked: dict[str, Answer] = {}
        for s in ranked:
            cid = s.item.position.contributor_id
            if cid not in picked and s.coverage >= FLOOR:
                picked[cid] = self._cite(s.item.position, s.score)
        return list(picked.values())[:limit]  # already best first


def _gloss_note(q: Question) -> str:
    """ "The text doesn't name Tiananmen; it speaks of June Fourth, crackdown." """
    for term in q.terms:
        if term.gloss:
            said = ", ".join(term.gloss)
            return f"The text doesn't name {term.word.title()}; it speaks of {said}."
    return ""


def _only_filler(q: Question) -> bool:
    """Whether a question without a contributor has no topic beyond words the reading never
    uses ("for the discussion guide: what is the main fault line?")."""
    return q.relation not in (Relation.ANY, Relation.SUMMARY) and not q.known_terms
