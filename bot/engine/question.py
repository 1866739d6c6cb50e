"""Reading a question: who it is about, what relation it asks for, its topic and any quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.index import PositionIndex, Term, stem_pairs
from bot.engine.lexicon import (
    CHAT_FILLER,
    CHAT_SPELLINGS,
    COMPARE_WORDS,
    KIND_ONLY_RELATIONS,
    LAST_WORDS,
    META_WORDS,
    ORDINALS,
    PERSON_NOUNS,
    RELATION_KINDS,
    RELATION_PHRASES,
    RELATION_WORDS,
    SAY_WORDS,
    STOPWORDS,
    WHO_WORDS,
    Relation,
)
from bot.engine.references import TOOK_PART, ContributorMatcher, Mention
from bot.engine.text import clean, fold, join_compounds, stem, words

_QUOTED = re.compile(r"\"([^\"]{6,300})\"|(?:^|\s)'([^']{6,300})'(?=\s|[?.!,]|$)")
_SAID = re.compile(
    r"^(?:who|which\s+\w+|whose\s+\w+)\s+(?:(?:was\s+it\s+that|is\s+it\s+that|"
    r"(?:was|is)\s+(?:the\s+)?(?:one|guy|person|contributor|author|writer)\s+(?:that|who))\s+)?"
    r"(?:said|says|say|wrote|writes|called|calls|described|used\s+the\s+(?:phrase|words?)|"
    r"claimed|declared|argued|asked|came\s+up\s+with)\s+(?:that\s+)?(.{8,300}?)[?.!]*$",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:what|how|why)\s+(?:did|does|do|has|had|would|is|was)\s+([a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:say|said|think|thinks|argue|write|wrote|believe|mean|claim|propose|feel|agree|"
    r"disagree|recommend|suggest|critici[sz]e|worry|object|want)\b",
    re.I,
)
_WHO_IS = re.compile(r"\b(who|whom)['’]s\b", re.I)  # "who's the fourth contributor"
_LEADING_CHAT = re.compile(  # "heyy so who said ...": the question starts at "who"
    r"^(?:(?:hey+|hi+|hello|yo|so|ok|okay|wait|um+|uh+|lol|omg|and|but|quick\s+one)[\s,:!.]+)+",
    re.I,
)
_REFLEXIVE = re.compile(r"^(?:him|her|them|your|my|our)sel(?:f|ves)\s+(?:as\s+)?", re.I)
_IDIOMS = (re.compile(r"\bagree(?:s|d|ing)?\s+to\s+disagree\b", re.I),)
_IDIOM_STEMS = frozenset({stem("agree"), stem("disagree")})
_HELP_VERBS = frozenset({"explain", "tell", "help", "remind", "summarize", "summarise", "clarify"})
_TOPIC_MARKERS = frozenset({"about", "regarding", "concerning", "re"})
_VIEW_WORDS = frozenset({"thoughts", "opinion", "position", "stance", "take", "view", "views"})
_AUXILIARIES = frozenset(
    {"did", "does", "do", "has", "have", "had", "would", "will", "is", "was", "should", "might",
     "are", "were"}
)
_OPINION_VERBS = frozenset(
    {"thinks", "think", "thought", "believes", "believe", "believed", "says", "say", "said",
     "argues", "argue", "argued", "claims", "claimed", "feels", "felt", "holds", "held",
     "wrote", "writes", "insists", "insisted", "contends", "contended", "reckons", "sees"}
)
_REFERENCE_VERBS = frozenset(
    {"quote", "quotes", "quoted", "cite", "cites", "cited", "name", "names", "named",
     "mention", "mentions", "mentioned", "reference", "references", "referenced", "thank",
     "thanks", "thanked", "credit", "credits", "credited", "answer", "answers", "answered",
     "respond", "responds", "responded", "address", "addresses", "addressed"}
)
_LONE_TARGET_PREPS = frozenset({"about", "with", "to", "against", "toward", "towards"})
_TARGET_PREPS = frozenset(
    {"with", "about", "of", "on", "to", "against", "from", "toward", "towards", "regarding"}
)
_NOT_TOPIC = (
    STOPWORDS | SAY_WORDS | WHO_WORDS | COMPARE_WORDS | PERSON_NOUNS | LAST_WORDS | META_WORDS
    | CHAT_FILLER
)
_RELATION_STEMS: dict[str, Relation] = {
    stem(word): rel for rel, cues in RELATION_WORDS.items() for word in cues
}
_PHRASE_TOKENS: dict[str, list[tuple[tuple[str, ...], Relation]]] = {}
for _p, _rel in RELATION_PHRASES.items():  # by first word, so a question is read in one pass
    _toks = tuple(words(_p))
    _PHRASE_TOKENS.setdefault(_toks[0], []).append((_toks, _rel))


@dataclass(frozen=True, slots=True)
class Question:
    """A question as the engine understands it."""

    text: str  # the cleaned question
    speakers: tuple[str, ...]  # contributors whose positions are asked for
    targets: tuple[str, ...]  # contributors the asked-for positions answer
    ambiguous: tuple[str, ...]  # several contributors one reference could mean
    relations: tuple[Relation, ...]  # in order of appearance
    who: bool  # group answers by contributor
    compare: bool  # set contributors side by side
    phrase: str  # a quoted or "who said ..." phrase, folded; "" if none
    terms: tuple[Term, ...]  # topic words
    unknown_subject: str  # "what did Obama say": a subject who is not a contributor
    cues: tuple[str, ...] = ()  # stems of the words that named the relation ("prais")
    pairs: frozenset[tuple[str, str]] = frozenset()  # neighbouring topic words, as stems
    excluded: tuple[str, ...] = ()  # contributors already answered ("who else ...?")
    skip: frozenset[str] = frozenset()  # positions already shown ("more", "what else")

    @property
    def relation(self) -> Relation:
        """The main relation asked about (ANY when none)."""
        return self.relations[0] if self.relations else Relation.ANY

    @property
    def known_terms(self) -> tuple[Term, ...]:
        """Topic words the reading uses (or has a near spelling, synonym or stem for)."""
        return tuple(t for t in self.terms if t.known)


class QuestionReader:
    """Turns raw questions into `Question`s. Built once per reading."""

    def __init__(self, index: PositionIndex, matcher: ContributorMatcher) -> None:
        self.index = index
        self.matcher = matcher

    def read(self, raw: str) -> Question:
        """Read one question (any text at all; never raises)."""
        text = _question_sentences(clean(raw))
        joined = join_compounds(_WHO_IS.sub(r"\1 is", text), self.index.knows)  # the tokens' text
        tokens = [CHAT_SPELLINGS.get(t, t) for t in words(joined, question=True)]
        mentions = self.matcher.find(tokens)
        in_mention = {i for m in mentions for i in range(m.start, m.end)}
        fixed = [
            tok if i in in_mention or _surname_of(tokens, i, self.index)
            else self.index.correct(tok)[0]
            for i, tok in enumerate(tokens)
        ]
        glossed = self._glossary_phrases(fixed, in_mention)
        in_phrase = {i for start, end in glossed for i in range(start, end)}
        topical = self._topical_cues(fixed, idiom=any(p.search(text) for p in _IDIOMS))
        topical |= in_phrase
        topical |= _reported_content(fixed) | _quoted_tokens(joined)
        topical |= {i for i, t in enumerate(fixed) if t in _TOPIC_MARKERS}  # "concerning"
        relations, cues = _relations(fixed, skip=in_mention | topical)
        relations, cues = self._held_relations(fixed, relations, cues)
        asks_who = bool(fixed) and (fixed[0] in WHO_WORDS or _asks_anyone(fixed)) and (
            not _tells_of_someone(fixed)
        )
        speakers, targets, ambiguous, who = _roles(mentions, fixed, asks_who)
        if asks_who and not who and not relations and _refers_after(mentions, fixed):
            relations = [Relation.RESPOND]  # "whom did the final respondent quote?"
        not_topic = in_mention | cues | in_phrase
        return Question(
            text=text,
            speakers=speakers,
            targets=targets,
            ambiguous=ambiguous,
            relations=tuple(relations),
            who=who,
            compare=len(speakers) >= 2,
            phrase=_phrase(text),
            terms=self._terms(fixed, tokens, not_topic, glossed),
            unknown_subject=_unknown_subject(text, mentions, self.index),
            cues=_kind_cues(fixed, cues),
            pairs=stem_pairs([t for i, t in enumerate(fixed) if i not in not_topic]),
        )

    def _held_relations(
        self, tokens: list[str], relations: list[Relation], cues: set[int]
    ) -> tuple[list[Relation], set[int]]:
        """Drop a debate's relations ("questions", "answered") from a question about a
        reading that holds no position of their kind; their words are then read as usual."""
        lacking = {
            r for r in relations if r in KIND_ONLY_RELATIONS
            and not any(self.index.by_kind.get(k) for k in RELATION_KINDS.get(r, ()))
        }
        if not lacking:
            return relations, cues
        kept = {i for i in cues if _RELATION_STEMS.get(stem(tokens[i])) not in lacking}
        return [r for r in relations if r not in lacking], kept

    def _topical_cues(self, tokens: list[str], idiom: bool) -> set[int]:
        """Relation words that are part of a topic: "Central Asia", "critical engagement"."""
        out: set[int] = set()
        bigrams = self.index.bigrams
        for i, tok in enumerate(tokens):
            if stem(tok) not in _RELATION_STEMS:
                continue
            before = (tokens[i - 1], tok) if i > 0 else None
            after = (tok, tokens[i + 1]) if i + 1 < len(tokens) else None
            if (idiom and stem(tok) in _IDIOM_STEMS) or before in bigrams or after in bigrams:
                out.add(i)
        return out

    def _in_text_phrase(self, tokens: list[str], i: int) -> bool:
        """ "a school teacher": a chat word ("teacher", "class") that stands with its
        neighbour as the text's own words do ("school-teacher") is a topic, no filler."""
        bigrams = self.index.bigrams
        return (i > 0 and (tokens[i - 1], tokens[i]) in bigrams) or (
            i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in bigrams
        )

    def _glossary_phrases(self, tokens: list[str], skip: set[int]) -> list[tuple[int, int]]:
        """Spans [start, end) of the reading's multi-word glossary terms ("Cold War")."""
        phrases = self.index.glossary_phrases
        longest = max((len(p) for p in phrases), default=0)
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(longest, len(tokens) - i), 1, -1):
                span = range(i, i + size)
                if tuple(tokens[i : i + size]) in phrases and not skip.intersection(span):
                    spans.append((i, i + size))
                    i += size - 1
                    break
            i += 1
        return spans

    def _terms(
        self, fixed: list[str], raw: list[str], skip: set[int], glossed: list[tuple[int, int]]
    ) -> tuple[Term, ...]:
        """Topic words: what is left after names, relation cues and function words, plus the
        glossary's phrases.

        Words after the last "about" / "on" / "regarding" name the topic: see Term.focus.
        """
        focus_from = max(
            (i for i, t in enumerate(fixed) if _marks_topic(fixed, i, skip)), default=-1
        )
        seen: set[str] = set()
        out: list[Term] = [
            self.index.phrase_term(tuple(fixed[a:b]), focus=focus_from >= 0 and a > focus_from)
            for a, b in glossed
        ]
        for i, tok in enumerate(fixed):
            if i in skip or len(tok) < 2 or tok in self.index.meta_words:
                continue
            if (tok in _NOT_TOPIC or tok in ORDINALS) and not _orders_speech(fixed, i) and not (
                tok in CHAT_FILLER and self._in_text_phrase(fixed, i)
            ):
                continue
            if tok in seen or tok in self.matcher.alias_words:
                continue
            seen.add(tok)
            out.append(self.index.term(
                raw[i], focus=focus_from >= 0 and i > focus_from,
                correct=not _surname_of(raw, i, self.index),
            ))
        return tuple(out)


SURNAME_LETTERS = 7  # a longer word after a name is more likely a misspelt word


def _surname_of(tokens: list[str], i: int, index: PositionIndex) -> bool:
    """ "jefferson davis": a short word right after a name of the text is a name too, not a
    misspelt everyday word ("devise"): it stays as asked, known only if the text has it.
    A correction to a name ("hong kogn") or to a function word is still made."""
    names = index.name_words
    tok = tokens[i]
    if i == 0 or tokens[i - 1] not in names or tok in names or len(tok) > SURNAME_LETTERS:
        return False
    fixed, changed = index.correct(tok)
    return changed and fixed not in names and fixed not in STOPWORDS


# a sentence ends after "?" or "!", or a full stop after a word ("lol."), not "U.S." or "J."
_SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[a-z0-9]{2}[.])\s+")


def _question_sentences(text: str) -> str:
    """In a chat message of several sentences, the ones that ask ("ugh my group is arguing
    lol. does Rosenzweig think the US should lead?? pls settle this" asks the middle one);
    the whole text when none or all of them end with a question mark."""
    if text.count("?") == 0 or '"' in text:
        return text
    parts = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    asking = [s for s in parts if s.endswith("?")]
    if len(parts) < 2 or len(asking) == len(parts) or not asking:
        return text
    return " ".join(asking)


# what "first" / "last" may order when they name no contributor: "his first question", "the
# last speech", "the closing words"
_ORDERED_NOUNS = frozenset(
    {"speech", "speeches", "reply", "rejoinder", "question", "questions", "answer", "answers",
     "interrogatory", "words", "remarks", "thing", "things", "statement"}
)


def _orders_speech(tokens: list[str], i: int) -> bool:
    """An order word before a noun of speech ("the final speech", "his first question") or
    after a verb of saying ("what did he say last?")."""
    tok = tokens[i]
    if tok not in ORDINALS and tok not in LAST_WORDS and tok != "opening":
        return False
    if i > 0 and tokens[i - 1] in ("say", "said", "says"):
        return True  # "what did he say first?"
    return i + 1 < len(tokens) and tokens[i + 1] in _ORDERED_NOUNS


def _marks_topic(tokens: list[str], i: int, names: set[int]) -> bool:
    """ "about X", "regarding X"; "on X" only after a verb of saying, a view or a name
    ("Neier's views on X", "Neier on X"), not in "lean on X"."""
    tok = tokens[i]
    if tok in _TOPIC_MARKERS:
        return True
    if tok != "on" or i == 0:
        return False
    prev = tokens[i - 1]
    return prev in SAY_WORDS or prev in _VIEW_WORDS or (i - 1) in names


def _quoted_tokens(text: str) -> set[int]:
    """Token positions inside a quoted phrase: its words are the quote's, not the question's
    ('who disagreed with "critical engagement"?' asks no critique). `text` must be the one
    the question's tokens were read from."""
    m = _QUOTED.search(text)
    if not m:
        return set()
    start = len(words(text[: m.start()], question=True))
    return set(range(start, start + len(words(m.group(0), question=True))))


def _refers_after(mentions: list[Mention], tokens: list[str]) -> bool:
    """Whether a verb of citing follows the subject: "whom does X quote / name / cite"."""
    ends = [m.end for m in mentions if not m.ambiguous]
    return bool(ends) and any(t in _REFERENCE_VERBS for t in tokens[ends[0] :])


def _phrase(text: str) -> str:
    """A phrase the question quotes, or the object of "who said ...", folded."""
    m = _QUOTED.search(text)
    if m:
        return fold(m.group(1) or m.group(2))
    m = _SAID.match(_LEADING_CHAT.sub("", text))
    if m:
        said = _REFLEXIVE.sub("", m.group(1))  # "who called themself a latecomer"
        if len(said.split()) >= (2 if said != m.group(1) else 3):
            return fold(said)
    return ""


def _kind_cues(tokens: list[str], used: set[int]) -> tuple[str, ...]:
    """Stems of the words that asked for a kind of position ("praise", "worried"), which a
    position may use itself; not summary or reference words ("main point", "cite")."""
    out = set()
    for i in used:
        s = stem(tokens[i])
        if _RELATION_STEMS.get(s) not in (None, Relation.SUMMARY, Relation.RESPOND):
            out.add(s)
    return tuple(sorted(out))


def _reported_content(tokens: list[str]) -> set[int]:
    """In "who thinks X would make Y less nervous", the words after "who thinks" are the view
    asked about, not the relation: their relation words are topic words."""
    if len(tokens) > 2 and tokens[0] in WHO_WORDS and tokens[1] in _OPINION_VERBS:
        return set(range(2, len(tokens)))
    return set()


def _relations(tokens: list[str], skip: set[int]) -> tuple[list[Relation], set[int]]:
    """Relations the question asks about, in order, and the token positions that said so."""
    found: list[tuple[int, Relation]] = []
    used: set[int] = set()
    for i, first in enumerate(tokens):
        for phrase, rel in _PHRASE_TOKENS.get(first, ()):
            n = len(phrase)
            if tuple(tokens[i : i + n]) == phrase and not skip & set(range(i, i + n)):
                found.append((i, rel))
                used.update(range(i, i + n))
    for i, tok in enumerate(tokens):
        cue = _RELATION_STEMS.get(stem(tok))
        if cue is Relation.SUMMARY and tok in SAY_WORDS:
            continue  # "who argues that ..." asks no summary, though "argument" would
        if i not in skip and i not in used and cue is not None:
            found.append((i, cue))
            used.add(i)
    ordered: list[Relation] = []
    for _, rel in sorted(found, key=lambda f: f[0]):
        if rel not in ordered:
            ordered.append(rel)
    if len(ordered) > 1 and Relation.SUMMARY in ordered:
        ordered.remove(Relation.SUMMARY)  # "the main fault line": "main" qualifies it
    return ordered, used


def _tells_of_someone(tokens: list[str]) -> bool:
    """ "someone yelled at X, what did he say back?": it tells of someone (a voice in the
    crowd) and asks what X said; no who-question."""
    for i, t in enumerate(tokens[:4]):
        if t in ("anyone", "anybody", "somebody", "someone"):
            return any(a in ("what", "how") and b in _AUXILIARIES
                       for a, b in zip(tokens[i + 2 :], tokens[i + 3 :], strict=False))
    return False


def _asks_anyone(tokens: list[str]) -> bool:
    """ "Did anyone mention X?", "Is there anybody who ..." """
    for i, t in enumerate(tokens[:4]):
        if t in ("anyone", "anybody", "somebody", "someone"):
            # "can someone explain what Hom meant": the one asked is not the one asked about
            return i + 1 >= len(tokens) or tokens[i + 1] not in _HELP_VERBS
    return False


def _roles(
    mentions: list[Mention], tokens: list[str], who: bool
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]:
    """Split mentions into speakers (whose positions) and targets (whom they answer).

    In a "who" question a named contributor is a target ("who disagreed with Bequelin?"),
    unless they are its subject ("who did Rosenzweig agree with?"), which makes it a question
    about that contributor. Otherwise the first is the speaker, and a later one after "with",
    "about", "of" ... is a target ("does Neier agree with Bequelin?"); a lone name after
    "about", "with" or "to" is a target too ("what was said about Nathan?").
    Returns speakers, targets, ambiguous candidates, and whether it is still a "who" question.
    """
    speakers: list[str] = []
    targets: list[str] = []
    ambiguous: tuple[str, ...] = ()
    last_was_target = False
    speaker_start = speaker_end = 0
    subject = _subject_of_who(mentions, tokens) if who else None
    for m in mentions:
        if m.ambiguous:
            ambiguous = ambiguous or m.contributor_ids
            continue
        cid = m.contributor_ids[0]
        prev = _before(tokens, m)
        if who and _is_subject_position(tokens, m):
            # "who is Wendell, according to Douglas?": Douglas is the one asked about
            speakers.append(cid)
            who = False
            continue
        if m is subject:
            # "who did Rosenzweig agree with?", "who wrote last?", "which of Neier's points"
            speakers.append(cid)
            who = False
            continue
        near = set(tokens[max(0, m.start - 2) : m.start])
        if prev in ("and", "or") and last_was_target:
            as_target = True  # "what Nicholas and Sharon wrote": both are targets
        elif who:
            as_target = True
        elif speakers and _is_subject_position(tokens, m):
            # "how did Douglas get his title, according to Lincoln": Lincoln says it
            targets.extend(c for c in speakers if c not in targets)
            speakers.clear()
            as_target = False
        elif speakers:
            # "what job did Douglas say Lincoln had": Lincoln is what Douglas speaks of
            as_target = bool(near & _TARGET_PREPS) or _said_of(tokens, speaker_end, m) or (
                _object_of(tokens, speaker_start, speaker_end, m)
            )
        else:
            as_target = (prev in _LONE_TARGET_PREPS or _between_one(tokens, m, mentions)) and (
                not _is_subject_position(tokens, m)
            )
        last_was_target = as_target
        if as_target:
            if cid not in targets:
                targets.append(cid)
        elif cid not in speakers:
            speakers.append(cid)
            speaker_start, speaker_end = m.start, m.end
    return tuple(speakers), tuple(t for t in targets if t not in speakers), ambiguous, who


_SPOKEN_OF = frozenset(
    {"say", "claim", "think", "accuse", "accuses", "accused", "ask", "asks", "asked", "tell",
     "tells", "told", "question", "questioned", "answer", "answered", "blame", "blamed"}
)


def _between_one(tokens: list[str], m: Mention, mentions: list[Mention]) -> bool:
    """ "the deal between Lincoln and Trumbull": one contributor and someone else, spoken
    of; "between Lincoln and Douglas" names two contributors and compares them."""
    if _before(tokens, m) != "between" or tokens[m.end : m.end + 1] != ["and"]:
        return False
    return not any(n.start in (m.end + 1, m.end + 2) for n in mentions)


def _said_of(tokens: list[str], after: int, m: Mention) -> bool:
    """A verb of saying or a relation between the speaker and this mention: "does X say Y
    ...", "did X praise Y": Y is spoken of, not a second speaker ("X and Y" compares them)."""
    between = tokens[after : m.start]
    return bool(between) and "and" not in between and any(
        t in _OPINION_VERBS or t in _SPOKEN_OF or (
            _RELATION_STEMS.get(stem(t)) not in (None, Relation.SUMMARY)  # "X praise Y"
        )
        for t in between
    )


_JOINING = frozenset({"and", "or", "nor", "vs", "versus", "v", "both", "compare", "compared",
                      "than", "either", "neither", "between"})


def _object_of(tokens: list[str], start: int, after: int, m: Mention) -> bool:
    """ "how long had Douglas known Lincoln?", "how did X end before Y got up?": a second
    name after the verb of a speaker asked about (after an auxiliary), with nothing that
    joins the two, is spoken of, not a second speaker to compare ("X and Y", "X vs Y")."""
    between = tokens[after : m.start]
    asked = start > 0 and tokens[start - 1] in _AUXILIARIES
    return asked and bool(between) and not (set(between) | set(tokens[:after])) & _JOINING


def _before(tokens: list[str], m: Mention) -> str:
    """The word before a mention, skipping "the"."""
    start = m.start - 1 if m.start > 0 and tokens[m.start - 1] != "the" else m.start - 2
    return tokens[start] if start >= 0 else ""


def _subject_of_who(mentions: list[Mention], tokens: list[str]) -> Mention | None:
    """The contributor a "who"/"which" question is about, if it names one as its subject:
    after an auxiliary ("which of Bequelin's points does NEIER echo?"), as the one who took
    part ("who WROTE LAST?"), or after "which of" ("which of NEIER's points ...")."""
    named = [m for m in mentions if not m.ambiguous]

    def after_auxiliary(m: Mention) -> bool:
        return _before(tokens, m) in _AUXILIARIES

    def took_part(m: Mention) -> bool:
        return tokens[m.start] in TOOK_PART

    def which_of(m: Mention) -> bool:
        return _before(tokens, m) == "of" and m.start >= 2 and tokens[m.start - 2] in WHO_WORDS

    for test in (after_auxiliary, took_part, which_of):
        for m in named:
            if test(m):
                return m
    return None


def _is_subject_position(tokens: list[str], m: Mention) -> bool:
    """'according to (the) Neier', 'from Nathan's point of view': the mention is the speaker."""
    before = [t for t in tokens[max(0, m.start - 3) : m.start] if t != "the"]
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    return (prev == "to" and prev2 == "according") or prev == "from"


def _unknown_subject(text: str, mentions: list[Mention], index: PositionIndex) -> str:
    """The subject of "what did X say" when X is nobody in the reading."""
    m = _SUBJECT.match(text)
    if not m or mentions:
        return ""
    subject = m.group(1)
    toks = [w for w in words(subject) if w not in STOPWORDS]
    if toks and any(index.correct(t)[0] not in index.content_words for t in toks):
        return subject
    return ""
