"""Search structures over a reading's positions, built once when the engine starts.

Each position is a small weighted bag of word stems drawn from its topics, quote, summary
and the paragraph it stands in. An inverted index maps a stem to the positions holding it;
inverse document frequency weighs rare words above common ones. Question words the reading
never uses are corrected to the nearest word it does use (a bounded edit distance).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.lexicon import (
    COMMON_WORDS,
    FRAME_ADJECTIVES,
    FRAME_NOUNS,
    FRAME_WORDS,
    LAST_WORDS,
    ORDINALS,
    PERSON_NOUNS,
    PLAIN_FRAME_WORDS,
    RELATION_PHRASES,
    RELATION_WORDS,
    SAY_WORDS,
    STOPWORDS,
    SYNONYM_GROUPS,
    SYNONYMS,
    USE_WORDS,
    WHO_WORDS,
)
from bot.engine.numbers import spelled
from bot.engine.references import max_typos
from bot.engine.text import compound_parts, compounds, fold, stem, words
from bot.knowledge.model import Position, Reading

# How much a word counts depending on where in a position it appears.
FIELD_WEIGHTS = {"topics": 1.0, "quote": 0.9, "summary": 0.8, "paragraph": 0.45}
CORRECTED = 0.85  # a misspelt word, once corrected, counts a little less
SYNONYM = 0.7  # a synonym counts less than the word itself
GLOSSARY = 0.9  # a word the reading's glossary gives for it counts nearly as the word
PREFIX = 0.6  # a word that starts another ("instrument" in "instrumentalizing")
FAMILY = 0.5  # another ending of a long word ("diplomatic" for "diplomacy")
# endings that make a place's name its people's ("Tibetan", "Taiwanese", "Iraqi")
_PEOPLE_ENDINGS = frozenset({"an", "ian", "ese", "i", "ish"})
FAMILY_STEM = 8  # how long a stem must be for its other endings to count
LONGER_FORM_STEM = 6  # ... and for its longer forms to count
COMMON = 0.35  # everyday words weigh less than their rarity in one short text suggests
TELLING_PAIR = 2  # a word pair in at most this many paragraphs tells them apart
ALSO_IN = 0.05  # bonus for each further field a word appears in (literal mentions win ties)
LONG_POWER = 0.25  # how much a paragraph longer than the median weighs its words less ...
LONG_QUOTED = 10  # ... when at least this many positions quote it
STRONG = FIELD_WEIGHTS["paragraph"] + ALSO_IN  # above this, a word is the position's own


def _synonym_stems() -> dict[str, frozenset[str]]:
    """Stem -> stems of its synonyms, from the symmetric groups and the directed table."""
    out: dict[str, set[str]] = defaultdict(set)
    for group in SYNONYM_GROUPS:
        stems_ = {stem(w) for w in group if w.isalnum()}
        for s in stems_:
            out[s] |= stems_ - {s}
    for word, alternatives in SYNONYMS.items():
        out[stem(word)] |= {stem(w) for w in alternatives if w.isalnum()} - {stem(word)}
    return {k: frozenset(v) for k, v in out.items()}


SYNONYM_STEMS = _synonym_stems()
COMMON_STEMS = frozenset(stem(w) for w in COMMON_WORDS)
STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)  # "let" of "letting"


@dataclass(frozen=True, slots=True)
class Term:
    """One topic word of a question, with the stems that may stand for it and their weights."""

    word: str
    alternatives: tuple[tuple[str, float], ...]  # (stem, factor), the word's own stem first
    known: bool  # False when the reading never uses the word or anything like it
    focus: bool = False  # the word stands where the question names its topic ("about X")
    own: str = ""  # the stem of the word itself (corrected), whether indexed or not
    gloss: tuple[str, ...] = ()  # the glossary's words for it, when the reading lacks it

    @property
    def frame(self) -> bool:
        """An everyday verb or adjective the reading never uses, outside the named topic
        ("who says the Party could LOSE its legitimacy"): the paraphrase's frame."""
        if self.known:
            return False
        if self.word in FRAME_ADJECTIVES or self.word in FRAME_NOUNS:
            return True
        return not self.focus and self.word in FRAME_WORDS


def _one_letter_more(word: str, known: str) -> bool:
    """A short word that is a known one with a letter added ("beard", "bear"): another word,
    not a misspelling of it."""
    return len(word) <= 6 and word[:-1] == known


def everyday(word: str) -> bool:
    """Whether a word (or its stem) is an everyday English one (lexicon COMMON_WORDS)."""
    return word in COMMON_WORDS or stem(word) in COMMON_STEMS


@dataclass(frozen=True, slots=True)
class Coverage:
    """How a position holds a question's topic words."""

    share: float  # about 0..1: the IDF-weighted share of the topic words it holds
    strong: int  # topic words in its own words (topics, summary, quote), not only its paragraph
    literal: int  # topic words (their own stem, not a synonym) in the source text it stands in


@dataclass(frozen=True, slots=True)
class IndexedPosition:
    """A position with what the index knows of it."""

    position: Position
    own: dict[str, float]  # stem -> best field weight, for its own words (topics, quote, summary)
    topics: tuple[str, ...]  # folded topic phrases, for phrase matching
    kind: str  # the position's kind, as text
    text_stems: frozenset[str]  # stems of the source text it stands in (its paragraph; shared)
    text_pairs: frozenset[tuple[str, str]]  # neighbouring content words of that text (shared)
    quote_stems: frozenset[str] = frozenset()  # stems of its quote alone
    siblings: int = 1  # positions quoting the same paragraph (many in a drafted debate)
    paragraph_weight: float = 0.0  # what a word only of its paragraph counts
    topic_pairs: frozenset[tuple[str, str]] = frozenset()  # pairs of its topics, not the text's
    phrases: tuple[str, ...] = ()  # its topics of several words ("rule of law"), for the rerank
    debate: bool = False  # its reading is a debate of two, who speak to the same matters
    number: int = 0  # its place among the reading's positions (ties are broken by it)

    def weight(self, s: str) -> float:
        """The best field weight of stem `s` for this position (0 when it lacks it)."""
        got = self.own.get(s)
        if got is not None:
            return got
        return self.paragraph_weight if s in self.text_stems else 0.0

    def holds(self, s: str) -> bool:
        """Whether stem `s` is in the position's own words or its paragraph."""
        return s in self.own or s in self.text_stems

    def pairs_held(self, pairs: frozenset[tuple[str, str]]) -> int:
        """How many of `pairs` the text or the position's topic phrases hold."""
        return len(pairs & self.text_pairs) + len(pairs & self.topic_pairs)


class PositionIndex:
    """Inverted index, IDF and spelling correction over one reading's positions."""

    def __init__(self, reading: Reading, positions: Sequence[Position] | None = None) -> None:
        self.items: list[IndexedPosition] = []
        # each paragraph's words, read once for all that follows
        para_words = {p.number: words(p.text) for p in reading.paragraphs}
        paragraph_stems = {
            p.number: frozenset(_stem_set(p.text, para_words[p.number])) for p in reading.paragraphs
        }
        paragraph_pairs = {n: stem_pairs(tokens) for n, tokens in para_words.items()}
        pair_df = Counter(pair for pairs in paragraph_pairs.values() for pair in pairs)
        # only telling pairs count: "implicit message", not "human rights" (everywhere)
        paragraph_pairs = {
            n: frozenset(pr for pr in pairs if pair_df[pr] <= TELLING_PAIR)
            for n, pairs in paragraph_pairs.items()
        }
        self._text_stems = frozenset().union(*paragraph_stems.values())
        # a hyphenated word of the text, by the stems of its parts: the question's
        # "grocery-keeper" also reaches the other's "grocery keeper" and "kept a grocery"
        # (not where the text also writes it as one word: "Spring-field" broken at a line's
        # end is Springfield, no spring)
        solid = frozenset().union(*para_words.values())
        self._compound_parts = {
            stem(joined): (stem(a), stem(b))
            for p in reading.paragraphs for joined, a, b in compound_parts(p.text)
            if joined not in solid
        }
        self.name_words = _name_words(p.text for p in reading.paragraphs)
        # each contributor's surname as the text would write it, to see who a passage names
        self.surname_stems = {
            c.id: frozenset(stem(w) for w in words(c.short_name)[-1:]) for c in reading.contributors
        }
        # how often each paragraph uses a stem: among equals, the paragraph about it
        self.stem_counts = {
            n: Counter(stem(w) for w in tokens if w not in STOPWORDS)
            for n, tokens in para_words.items()
        }
        self._in_text_cache: dict[str, bool] = {}
        # the reading's own name ("A ChinaFile Conversation") points at the text, not a topic
        # ... and so does the place its title names ("Debate at Ottawa, Illinois": "at Ottawa")
        self.meta_words = frozenset(
            w for w in words(reading.series) if w not in STOPWORDS
        ) | _venue(reading.title)
        postings: dict[str, list[int]] = defaultdict(list)
        indexed = positions if positions is not None else reading.positions
        per_paragraph = Counter(pos.paragraph for pos in indexed)
        long_by = long_paragraphs(paragraph_stems, per_paragraph)
        quote_sets: dict[str, frozenset[str]] = {}  # positions quoting alike share a set
        for idx, pos in enumerate(indexed):
            text = paragraph_stems[pos.paragraph]
            para_w = FIELD_WEIGHTS["paragraph"] * long_by[pos.paragraph]
            own: dict[str, float] = {}
            for field, field_text in (
                ("summary", pos.summary),
                ("quote", pos.quote),
                ("topics", " ".join(pos.topics)),
            ):
                w = FIELD_WEIGHTS[field]
                for s in _stem_set(field_text):
                    have = own.get(s, para_w if s in text else 0.0)
                    # the best field counts, and each further field holding the word a little
                    own[s] = max(have, w) + ALSO_IN * (have > 0)
            quote = quote_sets.get(pos.quote)
            if quote is None:
                quote = quote_sets[pos.quote] = frozenset(_stem_set(pos.quote))
            pairs = paragraph_pairs[pos.paragraph]
            topics = tuple(fold(t) for t in pos.topics)
            self.items.append(
                IndexedPosition(
                    pos,
                    own,
                    topics,
                    pos.kind.value,
                    text,  # shared, not copied per position
                    pairs,  # shared too; the topics' own pairs apart
                    quote,
                    per_paragraph[pos.paragraph],
                    para_w,
                    _topic_pairs(pairs, pos.topics),
                    tuple(t for t in topics if " " in t),
                    len(reading.contributors) == 2,
                    idx,
                )
            )
            for s in text | own.keys():
                postings[s].append(idx)
        self.postings = dict(postings)
        self.by_contributor: dict[str, set[int]] = defaultdict(set)
        self.by_kind: dict[str, list[int]] = defaultdict(list)
        self.by_speaker_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.central_of: dict[str, list[int]] = defaultdict(list)
        self.by_target: dict[str, list[int]] = defaultdict(list)
        self.central: list[int] = []
        self._by_paragraph: dict[int, list[Position]] = defaultdict(list)
        self._item_of: dict[str, IndexedPosition] = {}
        for idx, item in enumerate(self.items):
            pos = item.position
            self._item_of.setdefault(pos.id, item)
            self.by_contributor[pos.contributor_id].add(idx)
            self.by_kind[pos.kind.value].append(idx)
            self.by_speaker_kind[(pos.contributor_id, pos.kind.value)].append(idx)
            if pos.target is not None:
                self.by_target[pos.target.contributor_id].append(idx)
            self._by_paragraph[pos.paragraph].append(pos)
            if pos.central:
                self.central.append(idx)
                self.central_of[pos.contributor_id].append(idx)
        # where each contributor makes a main point
        self.central_paragraphs = frozenset(
            (it.position.contributor_id, it.position.paragraph) for it in self.items
            if it.position.central)
        # one sentence drafted twice (it answers two contributors) counts once
        said = [(it.position.paragraph, it.position.quote) for it in self.items]
        n = max(len(set(said)), 1)
        self.idf = {
            s: math.log(1.0 + n / (len({said[i] for i in lst}) or 1))
            for s, lst in self.postings.items()
        }
        self.max_idf = max(self.idf.values(), default=1.0)
        self._stem_list = sorted(self.postings)
        self.glossary: dict[str, frozenset[str]] = {}  # one-word terms, by stem
        self.glossary_phrases: dict[tuple[str, ...], frozenset[str]] = {}
        self._gloss: dict[tuple[str, ...], tuple[str, ...]] = {}  # term -> the means, as text
        for entry in reading.glossary:
            means = frozenset(self._telling_stem(m) for m in entry.means) - {""}
            key = tuple(words(entry.term))
            if len(key) == 1:
                self.glossary[stem(key[0])] = self.glossary.get(stem(key[0]), frozenset()) | means
                self._gloss[(stem(key[0]),)] = entry.means
            elif key:
                self.glossary_phrases[key] = means
                self._gloss[key] = entry.means
        content: Counter[str] = Counter()
        for tokens in para_words.values():
            content.update(tokens)
        for pos in reading.positions:
            content.update(words(" ".join((pos.summary, *pos.topics))))
        self._content = frozenset(content)
        # adjacent words of the text, for relation words that are part of a topic
        self.bigrams = frozenset(
            (a, b)
            for tokens in para_words.values()
            for a, b in pairwise(tokens)
            if a not in STOPWORDS and b not in STOPWORDS
        )
        self._after: dict[str, set[str]] = defaultdict(set)
        self._before: dict[str, set[str]] = defaultdict(set)
        for a, b in self.bigrams:
            self._after[a].add(b)
            self._before[b].add(a)
        self._vocab = self._build_vocabulary(reading, content)
        self._vocab_list = [w for w, _ in self._vocab.most_common()]
        self._word_for_stem: dict[str, str] = {}
        for known in self._vocab_list:  # the most frequent word of each stem stands for it
            self._word_for_stem.setdefault(stem(known), known)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for known in self._vocab_list:  # short words are corrected only to the same initial
            self._by_initial[known[0]].append(known)
        self._correct = lru_cache(maxsize=16384)(self._correct_uncached)
        self._term = lru_cache(maxsize=16384)(self._term_uncached)

    @staticmethod
    def _build_vocabulary(reading: Reading, content: Counter[str]) -> Counter[str]:
        """Every word a question may use that the engine knows, counted: the reading's
        own (`content`), the question lexicon's, synonyms, glossary terms and aliases."""
        vocab = Counter(content)
        for group in (STOPWORDS, SAY_WORDS, WHO_WORDS, PERSON_NOUNS, LAST_WORDS, ORDINALS):
            vocab.update(group)
        for cues in RELATION_WORDS.values():
            vocab.update(cues)
        for phrase in RELATION_PHRASES:  # "anything nice": "nice" is no misspelt name
            vocab.update(words(phrase))
        vocab.update(list(SYNONYMS))
        vocab.update(w for group in SYNONYM_GROUPS for w in group)
        for entry in reading.glossary:
            vocab.update(words(entry.term))
        for c in reading.contributors:
            for alias in (c.name, c.short_name, *c.aliases):
                vocab.update(words(alias))
        return vocab

    @property
    def content_words(self) -> frozenset[str]:
        """Words of the text and of the positions: what a topic can be."""
        return self._content

    def correct(self, word: str) -> tuple[str, bool]:
        """The word itself if known, else the nearest known word; (word, changed)."""
        return self._correct(word)

    def _correct_uncached(self, word: str) -> tuple[str, bool]:
        if word in self._vocab or len(word) < 4 or word.isdigit() or stem(word) in self.postings:
            return word, False
        if everyday(word):  # "decided" is no misspelt "decade"
            return word, False
        fixed = self._correct_word(word)
        if fixed is not None:
            return fixed, True
        # "tibbet": the text's "Tibetan" begins as "tibet" does
        for i in range(1, len(word) if len(word) >= 6 else 0):
            if word[i] == word[i - 1]:
                single = word[:i] + word[i + 1 :]
                if stem(single) in self.postings or self._in_text(stem(single)):
                    return single, True
        # "suporting": its stem "suport" is one edit from the indexed stem "support"
        s = stem(word)
        hit = process.extractOne(s, self._stem_list, scorer=OSA.distance, score_cutoff=1)
        if hit is not None and len(s) >= 5 and hit[0][0] == s[0] and not _one_letter_more(
            s, str(hit[0])
        ):
            return self._word_for_stem.get(str(hit[0]), word), True
        return word, False

    def _correct_word(self, word: str) -> str | None:
        """The nearest vocabulary word within a few edits, or None."""
        # only to a word of the same initial: "sanctions" is no misspelt "actions"
        choices = self._by_initial.get(word[0], [])
        hit = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=max_typos(word))
        if hit is None:
            return None
        if len(word) == 4 and sorted(hit[0]) != sorted(word) and len(hit[0]) != 5:
            return None  # four letters: only swapped ("waht") or dropped ("dali") ones
        if _one_letter_more(word, str(hit[0])):
            return None  # a short word and one letter more: another word ("beard", "bear")
        return str(hit[0])

    def term(self, word: str, focus: bool = False, correct: bool = True) -> Term:
        """A question word made into a search term: corrected (unless `correct` is False),
        stemmed, with the reading's glossary words and general synonyms."""
        return self._term(word, focus, correct)  # (the same for every question: made once)

    def _term_uncached(self, word: str, focus: bool, correct: bool) -> Term:
        raw = stem(word)
        known_as_is = not correct or (
            (self._related(raw) & self.postings.keys())
            or raw in self.glossary
            or any(stem(o.replace("-", "")) in self.postings for o in spelled(word))
        )
        fixed, changed = (word, False) if known_as_is else self.correct(word)
        own = stem(fixed)
        alts: dict[str, float] = {}
        if own in self.postings:
            alts[own] = CORRECTED if changed else 1.0
        for other in spelled(fixed):  # "13" is the text's "thirteen", "2nd" its "second"
            s = stem(other.replace("-", ""))
            if s in self.postings and s not in alts:
                alts[s] = 1.0
        for s in sorted(self.glossary.get(own, ())):
            if s in self.postings and s not in alts:
                alts[s] = GLOSSARY
        for s in sorted(self._related(own)):
            if s in self.postings and s not in alts:
                alts[s] = SYNONYM
        if not alts and len(own) >= 5:
            for s in self._prefixed(own):
                # "Tibet" in "Tibetan" is the same place; "instrument" in
                # "instrumentalizing" less the same word
                alts.setdefault(s, GLOSSARY if s[len(own):] in _PEOPLE_ENDINGS else PREFIX)
        elif own in alts and len(own) >= LONGER_FORM_STEM:
            # "diplomacy" and the text's "diplomatic" (a long stem's other endings), "protest"
            # and "protestors" (a longer form of it)
            root = own[:-2] if len(own) >= FAMILY_STEM else own
            for s in self._prefixed(root):
                alts.setdefault(s, FAMILY)
        parts = [s for s in self._compound_parts.get(own, ()) if s in self.idf
                 and s not in STOP_STEMS and s not in alts]
        if parts and own in alts:  # (its rarer part only: "grocery", not "keeper")
            alts[max(parts, key=self.idf.__getitem__)] = PREFIX
        gloss = self._gloss.get((own,), ()) if not self._in_text(own) else ()
        if not alts and own in STOP_STEMS:
            # "letting", "doing": a form of a function word, which no position is indexed
            # by; known (no guess about a word the reading lacks) and of no weight
            return Term(word, (), True, focus, own, gloss)
        return Term(word, tuple(alts.items()), bool(alts), focus, own, gloss)

    def _telling_stem(self, phrase: str) -> str:
        """The rarest indexed word of a phrase: "council" for "Human Rights Council"."""
        found = [stem(w) for w in words(phrase) if w not in STOPWORDS]
        found = [s for s in found if s in self.idf]
        return max(found, key=lambda s: self.idf[s], default="")

    def in_text(self, own: str) -> bool:
        """Whether the text itself (not only a position's topics) uses the word of stem
        `own`, or a longer form of it."""
        return self._in_text(own)

    def _in_text(self, own: str) -> bool:
        """Whether the text uses the word or a longer form of it ("Tibet" in "Tibetan")."""
        found = self._in_text_cache.get(own)
        if found is None:
            found = own in self._text_stems or any(t.startswith(own) for t in self._text_stems)
            if len(self._in_text_cache) < 65536:
                self._in_text_cache[own] = found
        return found

    def has_bigram(self, first: str, second: str) -> bool:
        """Whether the text has these two words side by side, allowing one typo in a long
        word on either side ("critical engagement" for the text's "critical engagment")."""
        if (first, second) in self.bigrams:
            return True
        for word, other, table in ((second, first, self._after), (first, second, self._before)):
            if len(word) >= 6 and any(  # a typo of the text's word ("engagment")
                OSA.distance(word, w, score_cutoff=1) <= 1 for w in table.get(other, ())
            ):
                return True
        return False

    def knows(self, word: str) -> bool:
        """Whether the index or the synonym lists hold this word (or its stem)."""
        s = stem(word)
        return s in self.postings or s in self.glossary or s in SYNONYM_STEMS

    def _related(self, own: str) -> frozenset[str]:
        """General synonyms of a stem (lexicon.py)."""
        return SYNONYM_STEMS.get(own, frozenset())

    def phrase_term(self, phrase: tuple[str, ...], focus: bool = False) -> Term:
        """A glossary phrase of the question ("Cold War", "Xi Jinping") as one search term."""
        means = self.glossary_phrases[phrase]
        alts = tuple((s, GLOSSARY) for s in sorted(means) if s in self.postings)
        text = " ".join(phrase)
        in_text = all(self._in_text(stem(w)) for w in phrase)
        gloss = () if in_text else self._gloss.get(phrase, ())
        return Term(text, alts, bool(alts), focus, "", gloss)

    def _prefixed(self, prefix: str) -> Iterable[str]:
        """Indexed stems that begin with `prefix` (at most a few)."""
        lst = self._stem_list  # sorted: the stems with this prefix stand together
        out: list[str] = []
        for s in lst[bisect.bisect_left(lst, prefix) :]:
            if not s.startswith(prefix) or len(out) == 3:
                break
            if s != prefix:
                out.append(s)
        return out

    def weight(self, term: Term) -> float:
        """How much a term counts: the IDF of its best stem.

        A word the reading never uses weighs the most where the question names its topic
        ("what did Neier say about Taiwan"), and less elsewhere, where it is more often a
        paraphrase's verb or adjective than the topic itself.
        """
        if not term.known:
            if term.frame:
                return self.max_idf * COMMON * 0.6
            return self.max_idf * (1.2 if term.focus else 0.6)
        if not term.alternatives:
            return 0.0  # a form of a function word ("letting")
        weight = max(self.idf[s] * f for s, f in term.alternatives)
        if term.word in PLAIN_FRAME_WORDS and (not term.focus or term.word in USE_WORDS):
            return weight * COMMON  # "how does he defend getting it wrong": the frame
        common = term.word in COMMON_WORDS or stem(term.word) in COMMON_STEMS  # "keeps"
        return weight * COMMON if common and not term.focus else weight

    def item_of(self, position_id: str) -> IndexedPosition | None:
        """The indexed form of the position with this id (None if it has none)."""
        return self._item_of.get(position_id)

    def in_paragraph(self, number: int) -> list[Position]:
        """The indexed positions that quote paragraph `number`."""
        return self._by_paragraph.get(number, [])

    def holding(self, term: Term) -> set[int]:
        """Positions that hold the term (any of its alternatives)."""
        out: set[int] = set()
        for s, _ in term.alternatives:
            out.update(self.postings.get(s, ()))
        return out

    def coverage(
        self, idx: int, terms: Sequence[Term], weights: Sequence[float], total: float
    ) -> Coverage:
        """How much of the weighted terms position `idx` holds, and in what way; `total` is
        the sum of `weights`, summed once by the caller for all positions."""
        return self.coverages((idx,), terms, weights, total)[idx]

    def coverages(
        self, ids: Iterable[int], terms: Sequence[Term], weights: Sequence[float], total: float
    ) -> dict[int, Coverage]:
        """`coverage` of each position of `ids`, in their order (the terms unpacked once)."""
        asked = [(t.alternatives, t.own, w) for t, w in zip(terms, weights, strict=True)]
        items = self.items
        out: dict[int, Coverage] = {}
        for idx in ids:
            item = items[idx]
            held = item.own
            text, para_w = item.text_stems, item.paragraph_weight
            got = 0.0
            strong = literal = 0
            for alternatives, own, w in asked:
                best = 0.0
                for s, factor in alternatives:
                    v = held.get(s)
                    if v is None:
                        v = para_w if s in text else 0.0
                    v *= factor
                    if v > best:
                        best = v
                got += w * best
                strong += best > STRONG
                literal += own in text
            out[idx] = Coverage(got / total if total else 0.0, strong, literal)
        return out


def long_paragraphs(
    stems: dict[int, frozenset[str]], quoted: Counter[int]
) -> dict[int, float]:
    """How much a paragraph's words count for the positions quoting it: less in a long
    paragraph of many positions (a drafted debate's speech), where a word somewhere near
    says less than in a paragraph that is one contributor's single point."""
    sizes = sorted(len(v) for v in stems.values()) or [1]
    median = max(sizes[len(sizes) // 2], 1)
    return {
        n: min(1.0, (median / max(len(v), 1)) ** LONG_POWER) if quoted[n] >= LONG_QUOTED else 1.0
        for n, v in stems.items()
    }


_WORD = re.compile(r"[A-Za-z][a-z]+")


def _name_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the text always writes with a capital ("Jefferson", "Trumbull"): names."""
    upper: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for w in _WORD.findall(text):
            (upper if w[0].isupper() else lower).add(w.lower())
    return frozenset(upper - lower - STOPWORDS)


_VENUE = re.compile(r"\bat ([A-Z][a-z]{2,})\b")


def _venue(title: str) -> frozenset[str]:
    """The place a title sets the reading in: "... at Ottawa, Illinois" gives "ottawa" (not
    "in": "Human Rights in China" names its topic, not its venue)."""
    return frozenset(m.group(1).lower() for m in _VENUE.finditer(title))


def _topic_pairs(
    pairs: frozenset[tuple[str, str]], topics: Sequence[str]
) -> frozenset[tuple[str, str]]:
    """The telling word pairs of a position's own topic phrases ("last speech") that its
    paragraph's `pairs` lack (kept apart, so that the paragraph's set is shared)."""
    extra = frozenset().union(*(_stem_pairs(t) for t in topics if " " in t)) - pairs
    return extra or _NO_PAIRS


_NO_PAIRS: frozenset[tuple[str, str]] = frozenset()


def stem_pairs(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Stems of neighbouring content words, function words skipped: "rule of law" -> (rul, law)."""
    content = [stem(w) for w in tokens if w not in STOPWORDS]
    return frozenset(pairwise(content))


def _stem_pairs(text: str) -> frozenset[tuple[str, str]]:
    return stem_pairs(words(text))


def _stem_set(text: str, tokens: Sequence[str] | None = None) -> set[str]:
    """Stems of the content words of `text` (its `tokens`, if read already), hyphenated words
    also as one ("highminded")."""
    found = {stem(w) for w in (words(text) if tokens is None else tokens) if w not in STOPWORDS}
    found.update(stem(w) for w in compounds(text))
    return found
