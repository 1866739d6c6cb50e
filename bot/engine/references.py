"""Finding the contributors a question refers to: names, aliases, misspellings, ordinals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.engine.lexicon import (
    CHAT_FILLER,
    COMMON_WORDS,
    LAST_WORDS,
    ORDINALS,
    PERSON_NOUNS,
    SAY_WORDS,
    STOPWORDS,
)
from bot.engine.text import words
from bot.knowledge.model import Contributor
from bot.nicknames import is_given_name

SHORT_NAME = 5  # a word this short is a misspelt name only if it starts as the name does
# everyday words are never a misspelt name ("nice" is not "Nick")
_NOT_NAMES = COMMON_WORDS | SAY_WORDS | CHAT_FILLER
# words for a person that may end a role ("the HRW researcher", "the HRW guy")
_ROLE_NOUNS = PERSON_NOUNS - {"essay", "response", "piece", "contribution", "entry", "post",
                              "voice"} | {
    "guys", "lady", "woman", "man", "dude", "girl", "gal", "fella", "chap", "prof",
    "professor", "researcher", "director", "scholar", "activist", "analyst", "head",
}
# person words that may follow any mention ("the Columbia man"), never a topic of their own
_TRAILING_ROLES = frozenset({"guy", "guys", "man", "woman", "lady", "dude", "gal", "fella",
                             "fellow", "chap", "person", "prof"})
_PERSON_WORDS = PERSON_NOUNS | _ROLE_NOUNS | _TRAILING_ROLES
_END_ROLES = {"opener": 1, "closer": -1}  # "the opener", "the closer"
_LONG_PERSON_NOUNS = sorted(w for w in PERSON_NOUNS if len(w) >= 7)
# ("the last point hom makes" is no contributor)
_AFTER_BARE_ORDINAL = (SAY_WORDS - {"point", "points"}) | {
    "about", "on", "and", "vs", "versus", "with", "or"
}
# words for the points of a list: "the first" after them is its first point, no contributor
_LIST_NOUNS = frozenset({"reasons", "keys", "points", "steps", "recommendations", "arguments",
                         "benefits", "proposals", "suggestions", "measures", "priorities",
                         "items", "list", "lists"})
# "whoever wrote last", "the one who went last": a verb of taking part, then "last"
TOOK_PART = frozenset(
    {"wrote", "writes", "went", "goes", "spoke", "speaks", "came", "comes", "posted",
     "answered", "responded", "contributed", "commented", "chimed", "batted", "bats"}
)
# "who was second", "who's up last": a place in the order, after "who" only ("the problem
# was first raised" is no contributor)
_WAS_IN_ORDER = frozenset({"was", "is", "went", "came", "batted", "bats"})


_REPLY_VERBS = frozenset({"reply", "replied", "replies", "respond", "responded", "responds",
                          "answer", "answered", "answers", "write", "wrote", "comment",
                          "commented"})
# "the first respondent after the opening essay": the piece the count starts from
_OPENING_WORDS = frozenset({"opening", "first", "original", "main", "lead", "initial", "big"})
# "whoever wrote right after Rosenzweig", "the one just before the final respondent"
_RELATIVE = {"after": 1, "before": -1, "following": 1, "preceding": -1, "behind": 1}
_ADVERBS = frozenset({"right", "just", "directly", "immediately", "straight"})
_ONE_PARAGRAPH_LEAD = frozenset({"with", "who", "that", "only", "just", "wrote", "writes", "has",
                                 "had", "literally", "a"})
_PLURAL_LEAD = frozenset({"people", "ppl", "ones", "others", "writers", "contributors",
                          "respondents", "guys", "folks", "authors", "panelists", "responders",
                          "commentators", "contributions", "pieces", "essays"})
_LEAD_IN = TOOK_PART | PERSON_NOUNS | {"one", "whoever", "who", "person", "guy", "came"}


_COUNTS = {"two": 2, "three": 3, "four": 4}
_NOT_GIVEN = frozenset({"per", "via", "vs", "versus", "like", "unlike", "unless", "than"})


# words before a noun, never before a person's given name ("a good con law book")
_BEFORE_A_THING = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "any",
                             "no", "my", "your", "our", "their", "its", "good", "great", "nice",
                             "bad", "real", "every", "each"})


_PARTS = frozenset({"part", "section", "bit", "chunk"})
_PIECE_WORDS = frozenset({"piece", "pieces", "one", "response", "reply", "essay", "post",
                          "contribution", "entry", "part", "section", "answer"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of question tokens [start, end) that refers to one or more contributors."""

    contributor_ids: tuple[str, ...]  # one id, or several when the reference is ambiguous
    start: int
    end: int
    guessed: bool = False  # a given name the text never gives, taken as theirs ("Abe")

    @property
    def ambiguous(self) -> bool:
        """True when the words could mean several contributors."""
        return len(self.contributor_ids) > 1


def _misspelt_person_noun(word: str) -> bool:
    """ "respondant", "contributer": a long word within two edits of a person noun."""
    if len(word) < 7:
        return False
    hit = process.extractOne(word, _LONG_PERSON_NOUNS, scorer=OSA.distance, score_cutoff=2)
    return hit is not None


_ENDINGS = ("r", "er", "st", "est", "s", "es", "d", "ed", "ing", "ly")


def _everyday_form(word: str) -> bool:
    """ "nicer", "calls": a form of an everyday word, no misspelt name ("nier")."""
    return any(
        word.endswith(e) and word[: -len(e)] in _NOT_NAMES
        for e in _ENDINGS
        if len(word) > len(e) + 2
    )


_SOUNDED_NAME = 7  # the least length of a name matched by its sound


def name_typos(word: str) -> int:
    """Edits allowed in a contributor's name: names are few, so long ones may have two."""
    return 1 if len(word) <= 6 else 2


def max_typos(word: str) -> int:
    """How many edits a misspelt word of this length may have and still be recognised."""
    return 1 if len(word) <= 8 else 2


class ContributorMatcher:
    """Recognises references to contributors in tokenised questions. Built once per reading."""

    def __init__(
        self,
        contributors: Sequence[Contributor],
        vocabulary: Collection[str],
        names: Collection[str] = (),
    ) -> None:
        """`names`: words the text writes as names, for "Fred Douglass" who is no "Douglas"."""
        self._names = frozenset(names)
        self._phrases: dict[tuple[str, ...], str] = {}
        self._role_words: dict[str, set[str]] = defaultdict(set)
        proper: dict[str, str] = {}
        self._titles: set[tuple[str, ...]] = set()  # "the Judge": only with its "the"
        for c in contributors:
            for alias in (c.name, c.short_name, *c.aliases):
                toks = tuple(w for w in words(alias) if w != "the")
                if not toks:
                    continue
                if words(alias)[0] == "the":
                    self._titles.add(toks)
                self._phrases.setdefault(toks, c.id)
                if len(toks) == 1 and alias[:1].isupper() and len(toks[0]) >= 4:
                    proper.setdefault(toks[0], c.id)
                for tok in toks:
                    if tok not in STOPWORDS and tok not in vocabulary and tok not in ORDINALS:
                        self._role_words[tok].add(c.id)
        # "HRW researcher" is also "the HRW guy": an alias ending in a role noun, its head
        # with any other word for a person (a head two contributors share is no one's)
        heads: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for toks, cid in self._phrases.items():
            if len(toks) >= 2 and toks[-1] in _ROLE_NOUNS:
                heads[toks[:-1]].add(cid)
        self._heads = {h: next(iter(ids)) for h, ids in heads.items()
                       if len(ids) == 1 and h not in self._phrases}
        self._max_len = max((len(k) for k in self._phrases), default=1)
        self._first_words = frozenset(k[0] for k in self._phrases)  # where a name may start
        self._alias_tokens = frozenset(tok for toks in self._phrases for tok in toks)
        self._surnames = {c.id: w[-1] for c in contributors if (w := words(c.short_name))}
        self._surname_words = frozenset(self._surnames.values())
        # contributors the text names by surname alone: a member may add a given name
        self._surname_only = frozenset(c.id for c in contributors if len(words(c.name)) == 1)
        # the one contributor whose given name the text never gives, when all others have
        # theirs: a lone given name no word of the reading is theirs ("Abe" for Lincoln)
        full = [c for c in contributors if len(words(c.name)) > 1 and words(c.name)[0] != "the"]
        self._unnamed = next(iter(self._surname_only)) if (
            len(self._surname_only) == 1 and len(full) == len(contributors) - 1 and full
        ) else None
        self.alias_words = frozenset(
            tok for toks in self._phrases for tok in toks if tok not in vocabulary
        )
        self._proper = proper
        # three-letter surnames ("Hom"), for a doubled last letter ("homm")
        self._short = {w: cid for cid, w in self._surnames.items() if len(w) == 3}
        self._proper_names = list(proper)
        # names as they sound, for the spellings of members who write them by ear ("dugless",
        # "linkon"): long names only, where two names rarely sound alike
        self._sounds = {name: jellyfish.metaphone(name) for name in proper
                        if len(name) >= _SOUNDED_NAME and name.isalpha()}
        self._vocabulary = frozenset(vocabulary)
        ordered = sorted(contributors, key=lambda c: c.order)
        self._by_order = {c.order: c.id for c in ordered}
        self._order_of = {c.id: c.order for c in ordered}
        # "last" is who has the last word: in a debate the opener may also close it
        self._last = max(ordered, key=lambda c: (max(c.paragraphs, default=-1), c.order)).id if (
            ordered
        ) else None
        self._count = len(ordered)
        # "the shortest piece", "the guy who wrote one paragraph": by the length of their part
        sizes = sorted((len(c.paragraphs), c.id) for c in ordered if c.paragraphs)
        self._shortest = sizes[0][1] if len(sizes) > 1 and sizes[0][0] < sizes[1][0] else None
        self._longest = sizes[-1][1] if len(sizes) > 1 and sizes[-1][0] > sizes[-2][0] else None
        self._single = self._shortest if sizes and sizes[0][0] == 1 else None
        # a word is a misspelt name or not whatever the question: each word is tried once
        self._fuzzy_name = lru_cache(maxsize=16384)(self._fuzzy_name_uncached)

    def surname(self, cid: str) -> str:
        """The word a contributor is named by in a question ("Bequelin")."""
        return self._surnames.get(cid, "")

    def find(self, tokens: Sequence[str]) -> list[Mention]:
        """All mentions in the token list, longest match first, left to right."""
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            group = self._group(tokens, i)
            if group:  # "the first two": each of them, over the same words
                found.extend(group)
                i = group[0].end
                continue
            counted = self._ordinal_after(tokens, i)
            if counted is not None and not counted.contributor_ids[0]:
                i = counted.end  # "the ninth respondent after the essay": nobody
                continue
            mention = (counted or self._exact(tokens, i) or self._ordinal(tokens, i)
                       or self._by_length(tokens, i) or self._fuzzy(tokens, i)
                       or self._given_only(tokens, i))
            if mention is not None and self._someone_else(tokens, mention):
                mention = None
            if mention is None:
                i += 1
                continue
            if found and found[-1].contributor_ids == mention.contributor_ids and (
                found[-1].end == mention.start
            ):
                prev = found.pop()  # "Aryeh Neier" matched as two aliases
                mention = Mention(mention.contributor_ids, prev.start, mention.end)
            if mention.end - mention.start == 1:
                mention = self._absorb_surname(tokens, mention)
            if mention.end < len(tokens) and tokens[mention.end] in _TRAILING_ROLES:
                # "the Columbia man", "the Open Society guy": the person word is the mention's
                mention = Mention(mention.contributor_ids, mention.start, mention.end + 1)
            found.append(mention)
            i = mention.end
        found = [self._absorb_given_name(tokens, m, found) for m in found]
        return self._with_role_words(tokens, self._relative(tokens, found))

    def _someone_else(self, tokens: Sequence[str], m: Mention) -> bool:
        """ "fred douglass": one name word after another name of the text that is no word of
        any contributor's names is someone else's surname, not a contributor's alias; a given
        name before such a name ("stephen franklin") is someone else's too; and a title alias
        without its "the" ("a judge", "for senator") is anyone, not "the Judge"."""
        if m.end - m.start != 1:
            return False
        after = tokens[m.end] if m.end < len(tokens) else ""
        the_title = m.start > 0 and tokens[m.start - 1] == "the" and (
            tuple(tokens[m.start : m.end]) in self._titles)  # "did the Judge press him"
        if after in self._names and after not in self._alias_tokens and not the_title and (
            tokens[m.start] not in self._surname_words
        ):
            return True  # "stephen franklin": a given name before another name of the text
        if m.start == 0:
            return False
        before = tokens[m.start - 1]
        if before != "the" and tuple(tokens[m.start : m.end]) in self._titles:
            return True  # "been a senator", "Senator Toombs", "the title judge": not "the Judge"
        return before in self._names and before not in self._alias_tokens

    def _relative(self, tokens: Sequence[str], found: list[Mention]) -> list[Mention]:
        """ "the one right after Bequelin" is Hom; "the one between Rosenzweig and Neier" is
        Nathan: a mention shifted by its place relative to another."""
        out: list[Mention] = []
        taken = -1  # words up to here were taken into "between ... and ..."
        for m in found:
            if m.start < taken:
                continue
            if m.ambiguous:
                out.append(m)
                continue
            j = m.start - 1 - (m.start >= 1 and tokens[m.start - 1] == "the")
            between = self._between(tokens, m, found)
            if between is not None:
                out.append(between)
                taken = between.end
                continue
            if j < 0 or tokens[j] not in _RELATIVE:
                out.append(m)
                continue
            k = j - 1
            while k >= 0 and tokens[k] in _ADVERBS:
                k -= 1
            if k >= 0 and tokens[k] in _PLURAL_LEAD:
                # "the people before him", "the ones after Hom": each contributor on that side
                at, side = self._order_of[m.contributor_ids[0]], _RELATIVE[tokens[j]]
                out.extend(Mention((self._by_order[o],), k, m.end) for o in sorted(self._by_order)
                           if (o - at) * side > 0)
                continue
            cid = self._by_order.get(self._order_of[m.contributor_ids[0]] + _RELATIVE[tokens[j]])
            if k < 0 or tokens[k] not in _LEAD_IN:
                out.append(m)
                continue
            if cid is None:  # "the one after the final respondent": nobody, not the last one
                continue
            # "who is THE ONE right after X": the person word is part of the mention
            start = k if tokens[k] not in ("who", "whoever") else k + 1
            out.append(Mention((cid,), start, m.end))
        return out

    def _between(
        self, tokens: Sequence[str], m: Mention, found: list[Mention]
    ) -> Mention | None:
        """ "between Rosenzweig and Neier": the contributor whose turn came between them."""
        j = m.start - 1 - (m.start >= 1 and tokens[m.start - 1] == "the")
        if j < 0 or tokens[j] != "between":
            return None
        after = [n for n in found if n.start in (m.end + 1, m.end + 2) and not n.ambiguous]
        if not after or tokens[m.end] != "and":
            return None
        a = self._order_of[m.contributor_ids[0]]
        b = self._order_of[after[0].contributor_ids[0]]
        cid = self._by_order.get((a + b) // 2) if abs(a - b) == 2 else None
        return Mention((cid,), j, after[0].end) if cid is not None else None

    def _group(self, tokens: Sequence[str], i: int) -> list[Mention]:
        """ "the first two", "the last three (contributors)": several contributors in order."""
        tok, nxt = tokens[i], (tokens[i + 1] if i + 1 < len(tokens) else "")
        count = _COUNTS.get(nxt, 0)
        if not count or (tok != "first" and tok not in LAST_WORDS) or i == 0 or (
            tokens[i - 1] != "the"
        ):
            return []
        orders = range(1, count + 1) if tok == "first" else range(
            self._count - count + 1, self._count + 1
        )
        end = i + 2 + (i + 2 < len(tokens) and (
            tokens[i + 2] in PERSON_NOUNS or tokens[i + 2] in ("ppl", "people")
        ))
        ids = [self._by_order[o] for o in orders if o in self._by_order]
        return [Mention((cid,), i, end) for cid in ids] if len(ids) == count else []

    def _exact(self, tokens: Sequence[str], i: int) -> Mention | None:
        if tokens[i] not in self._first_words:
            return None
        for size in range(min(self._max_len, len(tokens) - i), 0, -1):
            cid = self._phrases.get(tuple(tokens[i : i + size]))
            if cid is not None:
                return Mention((cid,), i, i + size)
        for size in range(min(self._max_len, len(tokens) - i - 1), 0, -1):
            cid = self._heads.get(tuple(tokens[i : i + size]))
            if cid is not None and tokens[i + size] in _ROLE_NOUNS:  # "the HRW guy"
                return Mention((cid,), i, i + size + 1)
        return None

    def _ordinal(self, tokens: Sequence[str], i: int) -> Mention | None:
        tok = tokens[i]
        if (tok in ORDINALS and tokens[i + 1 : i + 3] == ["to", "last"]) or tok == "penultimate":
            # "the second-to-last contributor", "the penultimate essay"
            back = 2 if tok == "penultimate" else ORDINALS[tok]
            cid_back = self._by_order.get(self._count - back + 1)
            end = i + 1 if tok == "penultimate" else i + 3
            if cid_back is None:
                return None
            nxt = tokens[end] if end < len(tokens) else ""
            return Mention((cid_back,), i, end + (nxt in PERSON_NOUNS))
        if tok == "opening" and i > 0 and tokens[i - 1] == "the" and i + 1 < len(tokens) and (
            tokens[i + 1] in (_PIECE_WORDS | PERSON_NOUNS) - {"one", "answer", "reply", "response"}
            or tokens[i + 1] == "article"
        ):  # "the opening piece", "the opening contributor": the first contributor's
            first = self._by_order.get(1)
            return Mention((first,), i, i + 2) if first is not None else None
        if tok in _END_ROLES and not (i > 0 and tokens[i - 1] == "eye"):
            # "the opener", "the closer": who writes first, who has the last word
            role = self._by_order.get(1) if _END_ROLES[tok] == 1 else self._last
            return Mention((role,), i, i + 1) if role is not None else None
        if tok in LAST_WORDS:
            cid: str | None = self._last
        elif tok in ORDINALS:
            cid = self._by_order.get(ORDINALS[tok])
        else:
            return None
        if cid is None:
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt in PERSON_NOUNS or _misspelt_person_noun(nxt):
            return Mention((cid,), i, i + 2)
        before = tokens[max(0, i - 2) : i]
        if nxt in _PARTS and before in (["wrote", "the"], ["writes", "the"]) and (
            tokens[i + 2 : i + 3] != ["of"]
        ):
            return Mention((cid,), i - 2, i + 2)  # "who wrote the first part" (not "the last part
            # of his speech", a place in a piece)
        if i > 0 and tokens[i - 1] in TOOK_PART:  # "whoever wrote last", "who went first"
            return Mention((cid,), i - 1, i + 1 + (nxt == "up"))
        took = i - 1 - (i > 1 and tokens[i - 1] == "up")  # "who was 2nd up", "who was up last"
        if took > 0 and tokens[took] in _WAS_IN_ORDER and tokens[took - 1] in ("who", "whos"):
            return Mention((cid,), took, i + 1 + (nxt == "up"))
        if i > 0 and tokens[i - 1] == "the" and (nxt == "" or nxt in _AFTER_BARE_ORDINAL) and (
            not _LIST_NOUNS.intersection(tokens[:i])
        ):  # (not "how many reasons does he give, whats the first": the first reason)
            return Mention((cid,), i, i + 1)
        return None

    def _ordinal_after(self, tokens: Sequence[str], i: int) -> Mention | None:
        """ "the first respondent after the essay" is the second contributor."""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tokens[i] not in ORDINALS or not (
            nxt in PERSON_NOUNS or nxt in _PIECE_WORDS or _misspelt_person_noun(nxt)
        ):
            return None
        return self._counted_from(tokens, i + 2, ORDINALS[tokens[i]])

    def _counted_from(self, tokens: Sequence[str], i: int, nth: int) -> Mention | None:
        """ "(the first respondent) after the essay / after Bequelin / to Bequelin": the
        contributor `nth` places after the one named (or the opening piece), as a mention
        from the ordinal through the name ("" for none in that place); None when no
        "after ..." follows."""
        start = i - 2  # the ordinal
        if i + 2 < len(tokens) and tokens[i] in ("to", "that", "who") and tokens[i + 1] in (
            _REPLY_VERBS
        ):  # "the second person to reply to Bequelin"
            i += 1 + (tokens[i + 2] == "to")
        if i >= len(tokens) or tokens[i] not in ("after", "to"):
            return None
        j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] == "the")
        if j < len(tokens) and tokens[j] in _OPENING_WORDS:
            j += 1
        if j < len(tokens) and tokens[j] in _PIECE_WORDS | {"essay", "article"} and (
            tokens[i + 1] == "the"
        ):
            base, end = 1, j + 1
        else:
            named = self._exact(tokens, i + 1)
            if named is None:
                return None
            base, end = self._order_of[named.contributor_ids[0]], named.end
        cid = self._by_order.get(base + nth)
        return Mention((cid or "",), start, end)

    def _by_length(self, tokens: Sequence[str], i: int) -> Mention | None:
        """ "the shortest response", "the longest piece", "(the one who) only wrote one
        paragraph": the contributor whose part is uniquely shortest (longest, one paragraph)."""
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("shortest", "longest") and (nxt in PERSON_NOUNS or nxt in _PIECE_WORDS):
            cid = self._shortest if tok == "shortest" else self._longest
            return Mention((cid,), i, i + 2) if cid is not None else None
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        if tok in ("one", "single") and nxt in ("paragraph", "para") and self._single and (
            i > 0 and tokens[i - 1] in ("a", "one", "only", "wrote", "writes", "has", "had",
                                        "with", "just")
        ):
            start = i - 1 if tokens[i - 1] in ("a", "just", "only") else i
            k = start  # "the one with just one paragraph", "the guy who only wrote one para"
            while k > 0 and tokens[k - 1] in _ONE_PARAGRAPH_LEAD:
                k -= 1
            if k > 0 and k < start and (tokens[k - 1] in PERSON_NOUNS or tokens[k - 1] == "one"):
                start = k - 1
            return Mention((self._single,), start, i + 2)
        if tok in ("one", "single") and nxt in ("paragraph", "para") and self._single and (
            after in PERSON_NOUNS or after in _PIECE_WORDS
        ):  # "the one-paragraph guy", "the single paragraph response"
            return Mention((self._single,), i, i + 3)
        return None

    def _fuzzy(self, tokens: Sequence[str], i: int) -> Mention | None:
        cid = self._fuzzy_name(tokens[i])
        return Mention((cid,), i, i + 1) if cid is not None else None

    def _fuzzy_name_uncached(self, tok: str) -> str | None:
        """The contributor a word is a misspelt name of, if any (see `_fuzzy`)."""
        if len(tok) < 4 or tok in STOPWORDS or tok in _NOT_NAMES or tok in self._vocabulary or (
            not self._proper_names or _everyday_form(tok)
        ):
            return None
        hit = process.extractOne(
            tok, self._proper_names, scorer=OSA.distance, score_cutoff=name_typos(tok)
        )
        if hit is not None and len(tok) <= SHORT_NAME and hit[0][0] != tok[0]:
            hit = None  # a short word of another initial is another word ("sick", "Nick")
        if hit is None:
            short = self._short.get(tok[:3]) if len(tok) == 4 and tok[3] == tok[2] else None
            return short or self._by_sound(tok)  # "homm" for "Hom"
        return self._proper[hit[0]]

    def _by_sound(self, tok: str) -> str | None:
        """The contributor a word spells by ear ("dugless" for Douglas, "linkon" for Lincoln):
        it starts as the name does, sounds as it does or within one sound of it, and is at
        most one edit further from it than a plain misspelling may be."""
        if len(tok) < _SOUNDED_NAME - 2 or not tok.isalpha() or (
            tok.endswith("in") and (tok + "g" in _NOT_NAMES or tok + "g" in self._vocabulary)
        ):  # ("nothin", "talkin": an everyday word without its g)
            return None
        sound = jellyfish.metaphone(tok)
        found = {
            self._proper[name] for name, said in self._sounds.items()
            if name[0] == tok[0] and OSA.distance(tok, name) <= name_typos(tok) + 1 and (
                said == sound or (len(said) >= 4 and Levenshtein.distance(said, sound) <= 1))
        }
        return found.pop() if len(found) == 1 else None

    def _absorb_surname(self, tokens: Sequence[str], m: Mention) -> Mention:
        """ "nicolas beckelin": a word right after a name that is near that contributor's
        surname, though too far to be recognised alone, is the surname misspelt."""
        nxt = tokens[m.end] if m.end < len(tokens) else ""
        if m.ambiguous or len(nxt) < 5 or nxt in self._vocabulary:
            return m
        surname = self._surnames.get(m.contributor_ids[0], "")
        if surname and OSA.distance(nxt, surname) <= name_typos(nxt) + 1:
            return Mention(m.contributor_ids, m.start, m.end + 1)
        return m

    def _given_only(self, tokens: Sequence[str], i: int) -> Mention | None:
        """ "is abe against new land?" where the text never gives Lincoln's first name and
        gives the other speakers theirs: a given name the table knows, standing alone (no
        unknown word after it that could be its own surname), no word or name of the reading,
        is the one contributor named by surname alone (the reply says how it was read)."""
        if self._unnamed is None:
            return None
        word = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            (i and tokens[i - 1] in _BEFORE_A_THING) or not self._plain_name_word(word)
            or word in self._names or word in self._alias_tokens or not is_given_name(word)
            or (nxt and self._plain_name_word(nxt) and nxt not in self._alias_tokens)
        ):
            return None
        return Mention((self._unnamed,), i, i + 1, guessed=True)

    def _plain_name_word(self, word: str) -> bool:
        """A word that may be a person's name: letters, no word of the reading or the
        lexicon's everyday words."""
        return (word.isalpha() and len(word) >= 3 and word not in self._vocabulary
                and word not in STOPWORDS and word not in _NOT_NAMES and word not in _NOT_GIVEN)

    def _absorb_given_name(
        self, tokens: Sequence[str], m: Mention, found: list[Mention]
    ) -> Mention:
        """ "abraham lincoln" where the text never gives Lincoln's first name: a word the
        reading does not know, right before a surname, is that contributor's given name."""
        i = m.start - 1
        if m.ambiguous or i < 0 or any(n.end > i >= n.start for n in found):
            return m
        word = tokens[i]
        cid = m.contributor_ids[0]
        surname = self._surnames.get(cid, "")
        if (
            cid not in self._surname_only or m.end - m.start != 1 or tokens[m.start] != surname
            or not self._plain_name_word(word)
        ):
            return m
        return Mention(m.contributor_ids, i, m.end)

    def _with_role_words(self, tokens: Sequence[str], found: list[Mention]) -> list[Mention]:
        """Add ambiguous mentions ("the researcher") for words left over, if no other mention;
        not the thing a question asks for ("which university does he teach at?"), nor the
        title of someone the reading never names ("President Obama")."""
        if found:
            return found
        for i, tok in enumerate(tokens):
            ids = self._role_words.get(tok)
            if ids and len(tok) >= 3 and not (i and tokens[i - 1] in ("which", "what")) and not (
                i + 1 < len(tokens) and self._plain_name_word(tokens[i + 1])
                and tokens[i + 1] not in self._alias_tokens and tokens[i + 1] not in _PERSON_WORDS
            ):  # (but "the Human Rights Watch fellow" is theirs)
                return [Mention(tuple(sorted(ids)), i, i + 1)]
        return found
