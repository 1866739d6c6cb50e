"""Ranking positions against a read question, and deciding when nothing fits."""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process

from bot.engine.index import Coverage, IndexedPosition, PositionIndex, Term
from bot.engine.lexicon import RELATION_KINDS, Relation
from bot.engine.numbers import states_number
from bot.engine.question import Question
from bot.engine.text import stem, words

MIN_COVERAGE = 0.5  # share of the (IDF-weighted) topic words a position must hold
THIN_TERMS = 3  # with this many topic words, a position must hold two as its own ...
THIN_COVERAGE = 0.8  # ... unless its paragraph holds nearly all of them
THIN_SIBLINGS = 5  # ... in a long passage that many positions quote (a drafted debate; a
# hand-made index quotes a paragraph up to four times)
THIN_WHO = 0.6  # ... and a "who" question's answer holding one of them must cover this much
FLOOR = 0.4  # below this coverage a position is not even a secondary answer
RERANK = 40  # candidates that get the (slower) phrase comparison
MAX_CANDIDATES = 600  # past this, only positions holding more heavy terms are scored
DEBATE_COVERAGE = 0.35  # in a debate of two, the asked speaker's best holding this much ...
DEBATE_STRONG = 2  # ... and this many topic words in its own sentence answers
LOOSE_COVERAGE = 0.3  # a long paraphrase may hold less of its wording ...
LOOSE_STRONG = 3  # ... if the position itself holds at least this many of its words
FIT_ALONE = 22.0  # weight of relation/target fit when the question names no topic
PAIR_BONUS = 3.0  # for each pair of the question's words that stand side by side in the text
# more when, asked who answers one on a topic, the quote says the relation word itself
SAID_CUE_BONUS = 8.0
CUE_BONUS = 3.0  # for a position whose own words include the question's relation word
PHRASE_BONUS = 8.0  # for a topic phrase that matches the question's topic words as a whole
REPEAT_BONUS = 1.0  # for a paragraph that uses the topic words again (up to REPEATS times)
REPEATS = 3
FAMILY = 4  # a word's family: the stems that stand for it and begin as it does ("dissolv",
# "dissolution"), not its synonyms ("everywher", "global")
QUOTE_SHARE = 4.0  # for a named speaker's quote that itself says the (rarer) topic words:
# among near equals in a long speech, the sentence that says them, not its neighbours
RARE_SHARE = 0.8
SECOND_KIND = 0.7  # fit of a kind that answers a relation, though not the one it asks first
TARGET_FIT = 1.2  # answering the named contributor outweighs being of the asked kind
FIT_WITH_TOPIC = 10.0  # ... and when it does: then the topic matters most
FIT_CAP = 2.2  # the fit a score counts at most: the asked kind and the named target both
# (in a debate of two, nearly every passage answers the other: the kind must still tell)
OWN_POINT = 0.9  # a main point that answers another contributor, for "what is X's main point"
NAMED_FIT = 0.2  # a passage that names the contributor asked about, though not as a target
FORMAL_PENALTY = 3.0  # "what does X think about Y": a view on Y before a question about it
_FORMAL = frozenset({"question", "answer"})
ASKED_PENALTY = 15.0  # an answer asked for on a topic: a question on it comes after answers
NUMBER_BONUS = 4.0  # "how many ...?", "how long ...?", "in what year ...?": a quote with a number
# questions whose answer is a number, a length or a date
_ASKS_NUMBER = re.compile(
    r"\b(?:how\s+(?:long|many|much|old|often)|(?:what|which)\s+(?:year|date|age|number|"
    r"vote|percentage|share|sum)|when|since\s+when|what\s+was\s+the\s+(?:count|tally))\b",
    re.I,
)
# a topic word asking for the end of a speech or of the text: among equals, the later
# passage ("what did X say at the very end?"; "the final respondent" orders contributors)
_LATE = frozenset(stem(w) for w in ("end", "ending", "finish", "conclude", "conclusion", "wrap"))


_Repeats = tuple[tuple[tuple[tuple[tuple[str, float], ...], float], ...], float]


@dataclass(frozen=True, slots=True)
class Scored:
    """A position with how well it fits a question."""

    item: IndexedPosition
    coverage: float  # 0..1: how much of the topic it holds
    fit: float  # relation fit (0..1) + TARGET_FIT + main-point bonus: 0..2.7 (FIT_CAP caps it)
    score: float  # 0..100, what answers are ordered by
    strong: int = 0  # topic words held in the position's own words, not only its paragraph
    literal: int = 0  # topic words found as such in the source text of the position
    on_target: bool = False  # it answers a contributor the question names as answered


class Ranker:
    """Scores positions for questions over one index."""

    def __init__(self, index: PositionIndex) -> None:
        self.index = index

    def rank(
        self,
        q: Question,
        *,
        speakers: Collection[str] = (),
        targets: Collection[str] = (),
    ) -> list[Scored]:
        """Positions of `speakers` (all if empty) best first; topic, relation, target fit."""
        relation = q.relation
        if targets and relation is Relation.SUMMARY:
            relation = Relation.ANY  # "X on Nathan's argument": the argument is Nathan's
        ix = self.index
        terms = q.terms
        weights = [ix.weight(t) for t in terms]
        allowed: set[int] | None = None
        if speakers:
            allowed = set()
            for c in speakers:
                allowed |= ix.by_contributor.get(c, set())
        if terms:  # only a position holding topic words can answer a topical question
            cand = self._topical(terms, weights, allowed)
        else:
            cand = self._candidates(speakers, targets, relation)
            if allowed is not None:
                cand &= allowed
        none = Coverage(0.0, 0, 0)
        total = sum(weights)
        coverage = ix.coverages(cand, terms, weights, total) if terms else dict.fromkeys(cand, none)
        topic_text = " ".join(t.word for t in terms)
        scored: list[Scored] = []
        fit_weight = FIT_WITH_TOPIC if terms else FIT_ALONE
        numeric = bool(terms) and _ASKS_NUMBER.search(q.text) is not None
        for i, held in coverage.items():
            cov = held.share
            item = ix.items[i]
            pos = item.position
            if targets and not speakers and pos.contributor_id in targets:
                continue  # "who agreed with Bequelin?" is not answered by Bequelin
            if pos.id in q.skip or pos.contributor_id in q.excluded:
                continue  # shown already in this conversation
            fit = _relation_fit(item.kind, relation, pos.central, pos.target is not None)
            on_target = bool(targets) and (
                pos.target is not None and pos.target.contributor_id in targets
            )
            fit += TARGET_FIT if on_target else 0.0
            if targets and terms and not on_target and any(
                ix.surname_stems.get(c, frozenset()) & item.text_stems for c in targets
            ):
                fit += NAMED_FIT  # "how long had X known Y?": a passage that names Y
            if not terms and not targets and pos.central:
                # main points first: "what did X say?", and among X's recommendations
                fit += 0.5 if relation in (Relation.ANY, Relation.SUMMARY) else 0.1
            elif not terms and not targets and (pos.contributor_id, pos.paragraph) in (
                ix.central_paragraphs
            ) and relation not in (Relation.ANY, Relation.SUMMARY):
                fit += 0.05  # ... then those of the paragraph of a main point
            score = 62.0 * cov + fit_weight * min(fit, FIT_CAP)
            if relation is Relation.ANY and item.kind in _FORMAL and terms:
                score -= FORMAL_PENALTY  # a debate's question or bare answer, not asked for
            elif relation is Relation.ANSWER and item.kind == "question" and terms:
                score -= ASKED_PENALTY  # "his answer to question 7": not the question itself
            if q.pairs and terms:
                # the question's words side by side in the text: "implicit message"
                score += PAIR_BONUS * min(2, item.pairs_held(q.pairs))
            if q.cues and any(item.holds(c) for c in q.cues):
                score += CUE_BONUS  # "whom does X praise?": the position that says "praises"
                if on_target and terms and q.who and not speakers and any(
                    c in item.quote_stems for c in q.cues
                ):  # "who agreed with him on that?": "I agree with Nicholas that ..."
                    score += SAID_CUE_BONUS
            if terms and q.speakers:
                score += QUOTE_SHARE * _quote_share(item.quote_stems, terms, weights, total)
            if numeric and _states_number(pos.quote):
                score += NUMBER_BONUS  # "how long had X known Y?": "for twenty-five years"
            scored.append(Scored(item, cov, fit, score, held.strong, held.literal, on_target))
        owns = [t.own for t in terms]
        late = -1 if any(t.own in _LATE for t in terms) else 1  # "at the end": the later
        scored.sort(key=lambda s: _order(s, owns, late))
        if topic_text:
            scored = self._rerank(scored, topic_text, terms, late)
        return scored

    def _topical(
        self, terms: Sequence[Term], weights: Sequence[float], allowed: set[int] | None
    ) -> set[int]:
        """Positions that can reach the answer floor: they hold one of the heavy terms.

        A position holding none of the heaviest terms that make up more than (1 - floor) of
        the weight cannot reach `floor` coverage, so it need not be scored at all. When that
        still leaves too many (everyday words over a large index), those that can reach the
        most (own words before synonyms, more heavy words before fewer) are kept.
        """
        ix = self.index
        order = sorted(range(len(terms)), key=lambda k: -weights[k])
        need = (1.0 - min(FLOOR, LOOSE_COVERAGE)) * sum(weights)
        bound: dict[int, float] = {}  # an upper bound of what each position can reach
        acc = 0.0
        for k in order:
            best: dict[int, float] = {}
            for s, factor in terms[k].alternatives:
                for idx in ix.postings.get(s, ()):
                    if best.get(idx, 0.0) < factor and (allowed is None or idx in allowed):
                        best[idx] = factor
            for idx, factor in best.items():
                bound[idx] = bound.get(idx, 0.0) + weights[k] * factor
            acc += weights[k]
            if acc > need:
                break
        if len(bound) <= MAX_CANDIDATES:
            return set(bound)
        return set(heapq.nlargest(MAX_CANDIDATES, bound, key=bound.__getitem__))

    def _candidates(
        self, speakers: Collection[str], targets: Collection[str], relation: Relation
    ) -> set[int]:
        """Positions worth scoring for their relation, target or main-point fit."""
        ix = self.index
        kinds = RELATION_KINDS.get(relation, ())
        out: set[int] = set()
        for c in targets:
            out.update(ix.by_target.get(c, ()))
        if speakers:
            for c in speakers:
                for kind in kinds:
                    out.update(ix.by_speaker_kind.get((c, kind), ()))
                if relation in (Relation.ANY, Relation.SUMMARY):
                    out.update(ix.central_of.get(c, ()))
            return out
        for kind in kinds:
            out.update(ix.by_kind.get(kind, ()))
        if relation in (Relation.ANY, Relation.SUMMARY):
            out.update(ix.central)
        return out

    def _rerank(
        self, scored: list[Scored], topic_text: str, terms: Sequence[Term], late: int
    ) -> list[Scored]:
        """Add a bonus for topic phrases of several words that the question's topic words
        hold closely ("rule of law", "sound strategy"); one-word topics are already terms.
        And a small one for a paragraph that uses the topic words again and again."""
        asked = len(topic_text.split())
        head = []
        top = scored[:RERANK]
        # positions share phrases: each is compared once, all in one call
        ratios = dict.fromkeys(chain.from_iterable(s.item.phrases for s in top), 0.0)
        if asked == 1:
            # one topic word: a phrase that holds it ("conspiracy between"), not one only
            # near it in spelling ("southern states" for "southerners")
            for phrase in ratios:
                ratios[phrase] = 100.0 if topic_text in _phrase_words(phrase) else 0.0
        else:
            # below 70 a phrase is not the question's topic, only a part of it
            for phrase, ratio, _ in process.extract(
                topic_text, list(ratios), scorer=fuzz.token_set_ratio, score_cutoff=70,
                limit=None,
            ):
                ratios[phrase] = ratio
        repeat = self._repeat_weights(terms)
        for s in top:
            best = 0.0
            for phrase in s.item.phrases:
                ratio = ratios[phrase]
                if ratio >= 70:
                    best = max(best, ratio / 100.0 * min(1.0, len(phrase.split()) / asked))
            bonus = PHRASE_BONUS * best + self._repeated(s, repeat)
            if bonus:
                s = dataclasses.replace(s, score=s.score + bonus)
            head.append(s)
        owns = [t.own for t in terms]
        head.sort(key=lambda s: _order(s, owns, late))
        return head + scored[RERANK:]

    def _repeat_weights(self, terms: Sequence[Term]) -> _Repeats:
        """The question's rarest topic stems with their weights, and the weight of all its
        topic words (for `_repeated`, once per question)."""
        weights = [self.index.weight(t) for t in terms]
        if not weights:
            return (), 0.0
        rare = max(weights) * RARE_SHARE  # only the question's rarest words count
        kept = tuple((_family(t), w) for t, w in zip(terms, weights, strict=True) if w >= rare)
        return kept, sum(weights)

    def _repeated(self, s: Scored, repeat: _Repeats) -> float:
        """Up to REPEAT_BONUS for a paragraph that uses the topic words more than once,
        each word weighed by its rarity (so that everyday words repeated count little)."""
        rare, total = repeat
        counts = self.index.stem_counts.get(s.item.position.paragraph)
        if not counts or not rare or not total:
            return 0.0
        again = sum(w * max((f * (min(REPEATS, counts[s]) - 1) for s, f in alts if counts.get(s)),
                            default=0.0) for alts, w in rare)
        return REPEAT_BONUS * again / ((REPEATS - 1) * total)


@lru_cache(maxsize=4096)
def _states_number(quote: str) -> bool:
    """Whether a quote states a number (quotes repeat across questions: read once)."""
    return states_number(words(quote))


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a topic phrase (topics repeat across questions: read once)."""
    return tuple(words(phrase))


def _family(term: Term) -> tuple[tuple[str, float], ...]:
    """The stems of a topic word's own family among those that may stand for it."""
    head = term.own[:FAMILY]
    return ((term.own, 1.0), *((s, f) for s, f in term.alternatives
                                if s != term.own and s[:FAMILY] == head))


def _quote_share(
    quote: frozenset[str], terms: Sequence[Term], weights: Sequence[float], total: float
) -> float:
    """The weighted share of the topic words that the quote itself says (not its topics,
    not its paragraph): in a long speech, the sentence that says the rare words."""
    if not total:
        return 0.0
    got = 0.0
    for term, w in zip(terms, weights, strict=True):
        got += w * max((f for s, f in term.alternatives if s in quote), default=0.0)
    return got / total


def _order(s: Scored, owns: Sequence[str], late: int = 1) -> tuple[float, int, int, int]:
    """Best score first; among equals, the quote that says the topic words itself (not only
    its paragraph), then the earlier paragraph (the later one, `late` -1, for "at the end"),
    then the position listed first (so that equals never fall in a set's order)."""
    said = sum(1 for own in owns if own in s.item.quote_stems)
    return (-s.score, -said, late * s.item.position.paragraph, s.item.number)


def _relation_fit(kind: str, relation: Relation, central: bool, targeted: bool) -> float:
    """1 for the kind a relation asks for first, SECOND_KIND for another fitting one, else 0."""
    if relation is Relation.SUMMARY:  # a main point of one's own before one shared with another
        return (OWN_POINT if targeted else 1.0) if central else 0.0
    if relation is Relation.RESPOND:
        return 1.0 if targeted else 0.0
    kinds = RELATION_KINDS.get(relation, ())
    if not kinds:
        return 0.0
    if kind == kinds[0]:
        return 1.0
    return SECOND_KIND if kind in kinds else 0.0


def answers_topic(best: Scored, q: Question) -> bool:
    """Whether the best position holds enough of the question's topic to be an answer."""
    if not q.terms:
        return True
    if any(not t.known and not t.frame for t in q.terms) and best.strong < 2 and not (
        q.speakers and best.item.position.contributor_id in q.speakers
        and best.coverage >= MIN_COVERAGE
    ):
        return False  # one word in common, and words the reading never uses: a guess
    if (
        q.who and not q.speakers and len(q.terms) >= THIN_TERMS and best.strong < 2
        and best.coverage < THIN_COVERAGE and best.item.siblings >= THIN_SIBLINGS
    ):
        # "who won the race in the end?": one of several topic words in its own sentence,
        # the others only somewhere in a long passage of many sentences
        return False
    if q.who and not q.speakers and len(q.terms) >= THIN_TERMS and best.strong < 2 and (
        best.coverage < THIN_WHO
    ):
        return False  # "who won the race in the end?": one word of three, the rest around
    if best.coverage >= MIN_COVERAGE:
        return True
    if best.item.debate and q.speakers and best.item.position.contributor_id in q.speakers and (
        best.coverage >= DEBATE_COVERAGE and best.strong >= DEBATE_STRONG
    ):
        # in a debate of two, who speak to the same matters all along, the one asked: two of
        # the words in his own sentence and a fair share in all is his side of it (in other
        # words than the member's: "picking up more land"), not the other man's or nothing
        return True
    if best.coverage >= LOOSE_COVERAGE and best.on_target:
        return True  # "X on Neier's reminder about ...": it answers the one named
    return best.coverage >= LOOSE_COVERAGE and best.strong >= LOOSE_STRONG
