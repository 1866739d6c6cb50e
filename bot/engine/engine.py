"""The answer engine's front door: one object, built once at start-up, used by every front end.

`Engine.ask` runs the answer path of `bot.engine.pipeline`; the rest are lookups for commands.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from bot.engine.answering.abstain import (
    AFTERMATH,
    abstain,
    asks_aftermath,
    asks_course,
    asks_group_plans,
    off_topic_request,
    other_language,
)
from bot.engine.answering.compare import compare as compare_answer
from bot.engine.answers import Answer, Reply, cite
from bot.engine.conversation import Conversation
from bot.engine.followup import Resolved, resolve
from bot.engine.index import PositionIndex
from bot.engine.pipeline import list_item_shown, respond, respond_in_context
from bot.engine.question import Question, QuestionReader
from bot.engine.quotes import QuoteFinder
from bot.engine.rank import FLOOR, Ranker, answers_topic
from bot.engine.references import ContributorMatcher
from bot.engine.sources import Sources, name_words, paragraph_owners
from bot.engine.text import clean, words
from bot.knowledge.model import Contributor, Position, Reading

NAME_CHARS = 100  # a contributor's name or alias is never longer than this


class Engine:
    """Answers questions about one reading from its curated index. Knows nothing of Discord."""

    def __init__(self, reading: Reading, positions: Sequence[Position] | None = None) -> None:
        self.reading = reading
        self.index = PositionIndex(reading, positions)
        self.matcher = ContributorMatcher(
            reading.contributors, self.index.content_words, self.index.name_words
        )
        self.reader = QuestionReader(self.index, self.matcher)
        self.ranker = Ranker(self.index)
        self.quotes = QuoteFinder(reading)
        self.contributors = tuple(sorted(reading.contributors, key=lambda c: c.order))
        self.sources = Sources(reading, self.index, self.ranker, self.quotes, self.contributors,
                               name_words(self.contributors), paragraph_owners(self.contributors))

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
        if asks_aftermath(q.text, lambda toks: bool(self.reader.matcher.find(toks))):
            # "did China actually follow through?": nothing the reading can say, an aside
            if conversation is not None:
                conversation.record(question)
            return abstain(self.sources, q, AFTERMATH)
        if conversation is not None and (
            off_topic_request(q.text) or other_language(q.text) or asks_group_plans(q.text)
            or asks_course(q.text)
        ):
            # "thx. can u recommend another book on this?": an aside, answered on its own,
            # that leaves the conversation where it was
            conversation.record(question)
            return respond(self.sources, q, max(1, limit))
        resolved = resolve(self.reader, q, conversation, self.sources)
        reply = respond_in_context(
            self.sources, resolved, conversation, max(1, limit), said=q.text)
        if reply.abstained and resolved.question is q and (
            conversation is None or conversation.last is None
        ):
            resolved, reply = self._last_asked(q, resolved, reply, max(1, limit))
        if q.guessed and not reply.reading_as and not reply.abstained:
            reply = dataclasses.replace(reply, reading_as=self._named_for(q))
        if reply.question != q.text:  # the member's words, however it was read
            reply = dataclasses.replace(reply, question=q.text)
        if conversation is not None:
            conversation.record(question)
            conversation.remember(
                resolved.question, reply, new_topic=resolved.new_topic, move=resolved.move,
                item=list_item_shown(self.sources, resolved, reply),
            )
        return reply

    def _named_for(self, q: Question) -> str:
        """The question with the given name it guessed replaced by the contributor it took
        it for ("is Lincoln against new land?" for "is abe against new land?")."""
        if not q.guessed:
            return ""
        given, cid = q.guessed
        return re.sub(rf"\b{re.escape(given)}\b", self.sources.names((cid,)), q.text, count=1,
                      flags=re.I)

    def _last_asked(
        self, q: Question, resolved: Resolved, reply: Reply, limit: int
    ) -> tuple[Resolved, Reply]:
        """A chat message of several sentences that found no answer, asked again as its
        last question alone (with the sentence naming its "he"), when all the words that
        leaves out are words of the reading: never one the text lacks, which a whole reading
        asked of in vain would answer with something else."""
        if q.unknown_subject or q.occasion:
            return resolved, reply
        text = self.reader.last_asked(q.text)
        if not text:
            return resolved, reply
        short = self.reader.read(text)
        kept = {t.word for t in short.terms}
        if any(not t.known for t in q.terms if t.word not in kept):
            return resolved, reply
        again = respond(self.sources, short, limit)
        if again.abstained:
            return resolved, reply
        return Resolved(short), dataclasses.replace(again, reading_as=text)

    def who(self, topic: str, limit: int = 6) -> Reply:
        """Who said what on a topic: at most one answer per contributor."""
        q = self.reader.read(topic)
        q = dataclasses.replace(q, who=True, speakers=(), targets=q.speakers + q.targets)
        return respond(self.sources, q, max(1, limit))

    def compare(self, first: str, second: str, topic: str = "") -> Reply:
        """Two contributors side by side, on a topic or on their main points."""
        first, second = clean(first, NAME_CHARS), clean(second, NAME_CHARS)
        people = [self.resolve_contributor(first), self.resolve_contributor(second)]
        missing = [name for name, c in zip((first, second), people, strict=True) if c is None]
        q = self.reader.read(topic)
        if missing:
            return self._abstain(q, f"I don't know a contributor called {missing[0]!r}.")
        ids = tuple(dict.fromkeys(c.id for c in people if c is not None))
        return compare_answer(self.sources, dataclasses.replace(q, speakers=ids, compare=True), 4)

    def _abstain(self, q: Question, why: str) -> Reply:
        return abstain(self.sources, q, why)

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

