"""Reading a question: who it is about, what relation it asks for, its topic and any quote."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.index import PositionIndex, Term, everyday, stem_pairs
from bot.engine.lexicon import (
    CHAT_FILLER,
    CHAT_PHRASES,
    CHAT_SPELLINGS,
    COMPARE_WORDS,
    KIND_ONLY_RELATIONS,
    LAST_WORDS,
    META_WORDS,
    ORDINALS,
    PERSON_NOUNS,
    READING_NOUNS,
    RELATION_KINDS,
    RELATION_PHRASES,
    RELATION_WORDS,
    SAY_WORDS,
    STOPWORDS,
    WHO_WORDS,
    Relation,
)
from bot.engine.occasion import unnamed_occasion
from bot.engine.references import TOOK_PART, ContributorMatcher, Mention
from bot.engine.text import clean, fold, join_compounds, sentences, stem, words, written_as_name

_QUOTED = re.compile(  # (an apostrophe inside a word is no closing quote: 'we're all in it')
    r"\"([^\"]{6,300})\"|(?:^|\s)'((?:[^']|(?<=\w)'(?=\w)){6,300})'(?=\s|[?.!,]|$)")
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
_MEANT = re.compile(  # "what did X mean by <their words>": the words are a phrase to find
    r"\bmean[st]?\s+by\s+(?:the\s+)?(?:phrase\s+|line\s+|words?\s+|saying\s+(?:that\s+)?)?"
    r"(.{8,300}?)[?.!]*$",
    re.I,
)
MEANT_WORDS = 3  # "mean by" before fewer words asks about a term ("civil society"), no phrase
_WHO_IS = re.compile(r"\b(who|whom)['’]s\b", re.I)  # "who's the fourth contributor"
_WHO_WROTE = re.compile(  # "who wrote the first piece?", "who wrote the shortest one"
    r"\b(who)\s+(?:wrote|authored|penned|did|gave)\s+(the\s+(?:very\s+)?(?:first|second|third|"
    r"fourth|fifth|sixth|last|final|opening|closing|shortest|longest|1st|2nd|3rd|4th|5th|6th)"
    r"\s+(?:piece|essay|response|reply|post|contribution|entry|one|part|section|answer|speech))"
    r"(?=\s*(?:[?.!,]|$|anyway|again|btw|then|tho|though))", re.I)
# "who only wrote one paragraph?": who the one-paragraph contributor is
_WHO_WROTE_ONE = re.compile(
    r"\b(who)\s+(?:only\s+|just\s+)?(?:wrote|writes|has|had|gave)\s+(?:only\s+|just\s+)?"
    r"(?:a\s+single|one\s+single|one|a|a\s+lone)\s+(?:paragraph|para)\b", re.I)
# "and internet companies, who says the US should rein them in?": a topic, then who
_CLAUSE_ASKS_WHO = re.compile(
    r"^\W*(?:and|what\s+about|how\s+about|as\s+for|re|on|about|now)\s+[^,;:?.!—–]{2,40}?"
    r"\s*(?:,|;|:|—|–|\s-)\s*(?:so\s+|then\s+|but\s+)?(?:who|whom|which\s+(?:one|contributor|"
    r"respondent|writer|author|speaker))\b", re.I)
_LEADING_CHAT = re.compile(  # "heyy so who said ...": the question starts at "who"
    r"^(?:(?:hey+|hi+|hello|yo|so|ok|okay|wait|um+|uh+|lol|omg|and|but|quick\s+one|like|also|"
    r"then|well|idk|tbh|ngl|pls|please|honestly)[\s,:!.]+)+",
    re.I,
)
_LEADING_MENTION = re.compile(r"^\s*(?:@[\w.-]+[\s,:]*)+")  # "@bot ", "@ReadingBot, "
_DASH_ASKS = re.compile(
    r"\s+(?:—|–|--?)\s+(?=(?:did|does|do|has|have)\s+(?:anyone|anybody|any\s+one|someone|"
    r"somebody|any\s+of\s+them|the\s+others)\b)", re.I)
# a fragment after a question that gives an example of what it asks about
_EXAMPLE_END = re.compile(
    r"(?:\b(?:that|this|the)\s+(?:kind|sort|type)\s+of\s+(?:thing|stuff)|\betc\b\.?|"
    r"\band\s+so\s+on|\bstuff\s+like\s+that|\band\s+(?:stuff|things)(?:\s+like\s+that)?)"
    r"\W*$", re.I)
_EXAMPLE = re.compile(
    r"^\W*(?:like|e\.?g\.?|such\s+as|for\s+example|for\s+instance|esp(?:ecially|\.)?|"
    r"specifically|namely|as\s+in|i\s+mean|"
    # "... the states? something about new hampshire": a hint of what it was about
    r"(?:something|somethin'?|smth|sth)\s+(?:about|like|on|to\s+do\s+with|re)|"
    r"(?:the|that)\s+(?:part|bit|line|passage)\s+(?:about|with|where|on))\b",
    re.I,
)
_HEDGE = re.compile(  # "idk if im remembering right but ", "sorry i missed class so "
    r"^(?:idk|sorry|ok|okay|lol|not\s+sure|i|im|i'm|ive|i've)\b[^?.!\"]{0,60}?[\s,]+"
    r"(?:but|so|anyway|anyways),?\s+"
    r"(?=(?:who|whom|whose|which|what|how|why|did|does|do|is|was|were|has|have)\b)",
    re.I,
)
# "bus driver q: ...", "nurse here 🙋 did anyone ...", "shop owner here - who said ...": the
# member says who they are before the question; and "our retired engineer wants to know ..."
_ASKS_NEXT = (r"(?:who|whom|whose|which|what|whats|how|why|did|does|do|is|was|were|has|have|"
              r"any|anyone|anybody|somebody|someone|can|could)\b")
_SELF_INTRO = re.compile(
    r"^\W*(?:(?:hi|hey|hello|ok|okay|so)\W+)*(?:(?:i'?m|im|i\s+am)\s+(?:a|an|the)\s+)?"
    r"(?P<who>(?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:(?:q|question|qn)\s*[:\-\u2013\u2014]+"
    r"|here(?:\s*[,:!.\-\u2013\u2014]+|\s+[^\w\s]+|(?=\s+" + _ASKS_NEXT + r")))\s*", re.I)
_ASKED_FOR = re.compile(
    r"^\W*(?P<who>(?:my|our)\s+(?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:wants\s+to\s+know|"
    r"wanted\s+to\s+know|asks|asked|is\s+asking|was\s+asking|wonders|was\s+wondering)"
    r"\s*[:,]?\s+(?=" + _ASKS_NEXT + r")", re.I)
# what the member asks for, said before the question: "Class, for the timeline activity:",
# "for my essay -", "prepping for friday's seminar:" (no topic: "timeline" asks no date)
_FOR_WHAT = re.compile(
    r"^\W*(?:(?:ok|okay|so|hey|hi|class|guys|all|everyone|folks|quick\s+q)\W+)*"
    r"(?:for|to\s+prep\s+for|prepping\s+for|prep\s+for)\s+(?:the|my|our|a|an|this|"
    r"tomorrow'?s|friday'?s|monday'?s|next\s+week'?s)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:activity|assignment|project|essay|worksheet|presentation|seminar|discussion|quiz|"
    r"exam|test|paper|notes|slides|homework|review|lesson|unit|podcast|episode|ep|class|"
    r"meeting|session|handout|report|timeline)\s*[:\-\u2013\u2014]+\s*(?=\S)", re.I)
_ORDER_CUE = re.compile(  # "start w neier", "begin with the last one", "hom first"
    r"\b(?P<verb>start|begin|starting|beginning|lead|go)\s+(?:off\s+)?(?:w|with|by|from)\s+"
    r"(?P<who>[\w'.]+(?:\s+[\w'.]+){0,2})"
    r"|(?<![\w'])(?P<who2>(?:[\w'.]+\s+){0,2}[\w'.]+)\s+first\b",
    re.I,
)
_REFLEXIVE = re.compile(r"^(?:him|her|them|your|my|our)sel(?:f|ves)\s+(?:as\s+)?", re.I)
_IDIOMS = (re.compile(r"\bagree(?:s|d|ing)?\s+to\s+disagree\b", re.I),)
_IDIOM_STEMS = frozenset({stem("agree"), stem("disagree")})
_ASIDE = frozenset({"or", "bot", "pls", "plz", "please", "here", "else", "quickly", "just"})
_HELP_VERBS = frozenset({"explain", "tell", "help", "remind", "summarize", "summarise", "clarify",
                         "list", "break", "walk", "unpack", "elaborate", "recap", "describe",
                         "tldr", "sum", "summ", "paraphrase", "translate", "give", "show",
                         "compare", "contrast"})
# "can someone walk me through ...": a request for help, no "who" (not "does anyone explain")
_REQUESTING = frozenset({"can", "could", "would", "will", "pls", "plz", "please", "may", "ok",
                         "so", "hey", "guys"})
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
    {"with", "about", "of", "on", "to", "against", "from", "toward", "towards", "regarding", "at",
     "between", "among", "amongst"}
)
_CLAUSE_STARTS = frozenset(
    {"was", "is", "are", "were", "did", "does", "do", "has", "have", "had", "what", "who",
     "how", "why", "can", "could", "would", "should", "will", "i", "you", "we", "he", "she",
     "they", "it", "am"}
)
_SOMEONES = frozenset({"teacher", "teachers", "tutor", "instructor", "ta", "classmate",
                       "classmates", "friend", "friends", "roommate", "group", "mom", "dad"})
_OWNERS = frozenset({"my", "our", "your", "ur"})
_TARGET_CUES = _TARGET_PREPS | _REFERENCE_VERBS | {
    "up", "praise", "praises", "praised", "criticize", "criticizes", "criticized", "criticise",
    "criticises", "criticised", "endorse", "endorses", "endorsed", "echo", "echoes", "echoed",
}
_NOT_TOPIC = (
    STOPWORDS | SAY_WORDS | WHO_WORDS | COMPARE_WORDS | PERSON_NOUNS | LAST_WORDS | META_WORDS
    | CHAT_FILLER
)
# a country whose side a question asks of ("the US side", "china's side")
_SIDE_OF = frozenset({"usa", "china", "chinese", "beijing", "american", "washington"})
# verbs of saying that are nouns too ("the slave states"), and the words that count them
_SAY_NOUNS = frozenset({"state", "states"})
_COUNT_BEFORE = frozenset({"many", "the", "these", "those", "all", "other", "both", "several",
                           "some", "few", "two", "three", "four", "five", "six", "thirteen"})
# words that make the opening of a message part of its question, not the member's introduction
_INTRO_NOT = (STOPWORDS | WHO_WORDS | SAY_WORDS) - {"my", "our", "i", "im"}
# words that are never a misspelling of another ("literally" is no "literacy", "vibe" no "vibes")
_AS_WRITTEN = STOPWORDS | CHAT_FILLER
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
    where: int = 0  # -1: "at the start of his piece", 1: "at the end", 0: anywhere
    occasion: str = ""  # "at the Alton debate": an occasion the reading never names
    # ("abe", "lincoln"): a given name the text never gives, and the contributor taken for it
    guessed: tuple[str, str] | tuple[()] = ()

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
        phrases = index.glossary_phrases
        self._gloss_longest = max((len(p) for p in phrases), default=0)
        self._gloss_first = frozenset(p[0] for p in phrases)  # where a glossary phrase starts

    def read(self, raw: str) -> Question:
        """Read one question (any text at all; never raises)."""
        cleaned = clean(raw)
        text = _main_first(_without_tag(_without_turn_to(
            self._without_hedge(self._question_sentences(self._without_introduction(cleaned))))))
        text = self._who_does_he(text)
        text = _OPENS_OR_CLOSES.sub(_took_part_at_an_end, text)  # "who opens this thing"
        text = _LAST_WORD.sub("who wrote last", text)  # "who had the last word"
        text = _MEMBERS_ASIDE.sub("", text) or text  # "..., it was kinda corny but i liked it"
        text = _ALL_BEFORE.sub(r"\1 earlier", text)  # "everyone who went before them"
        text = _WAS_IT.sub("who ", text)  # "was it Rosenzweig who said ...?": who said it
        if "per " in text.lower():  # "per her": according to her (kept in the text read)
            text = _PER.sub("according to ", text)
        plain = _plain_idioms(_split_idioms(_who_is(text)))
        joined = join_compounds(plain, self.index.knows)  # the tokens' text
        tokens = self._split_joined([_chat_word(t) for t in words(joined, question=True)])
        mentions = self.matcher.find(tokens)
        in_mention = {i for m in mentions for i in range(m.start, m.end)}
        fixed = [
            tok if i in in_mention or _surname_of(tokens, i, self.index) or tok in _AS_WRITTEN
            else _corrected_word(tok, self.index.correct(tok)[0])
            for i, tok in enumerate(tokens)
        ]
        glossed = self._glossary_phrases(fixed, in_mention)
        in_phrase = {i for start, end in glossed for i in range(start, end)}
        topical = self._topical_cues(fixed, idiom=any(p.search(text) for p in _IDIOMS))
        topical |= in_phrase
        topical |= _reported_content(fixed) | _quoted_tokens(joined) | _meant_tokens(joined)
        topical |= {i for i, t in enumerate(fixed) if t in _TOPIC_MARKERS}  # "concerning"
        topical |= _setting_clause(fixed, mentions)
        topical |= _things_differing(fixed, in_mention)
        where, in_where = _where(joined) if _WHERE_WORDS.intersection(fixed) else (0, set())
        if where:  # "his opening line when he finally gets the crowd quiet": the scene
            in_where |= _scene_after(fixed, in_where)
        relations, cues = _relations(fixed, skip=in_mention | topical | in_where | _consents(fixed))
        relations, cues = self._held_relations(fixed, relations, cues)
        relations = _either_way(fixed, relations)
        lead = _chat_lead(fixed)  # "pleeease who ...": the question starts at "who"
        asks_who = lead < len(fixed) and (
            fixed[lead] in WHO_WORDS or _asks_anyone(fixed) or _later_asks_who(joined, fixed)
            or _CLAUSE_ASKS_WHO.match(joined) is not None
            or (bool(relations) and not mentions and _IS_THERE.match(joined) is not None)
        ) and not _tells_of_someone(fixed) and not _which_things(fixed, lead, in_mention) and not (
            len(mentions) == 1 and not relations and _IN_THEIR_VIEW.search(joined)
        )  # "hom says ...?? who exactly benefits in her view": whom her words name
        set_aside = _set_aside(mentions, fixed) if asks_who or _ASKS_ANYONE_WORDS.intersection(
            fixed) else ()
        # "did anyone besides bequelin hate the line too?", "besides hom, who mentions hong
        # kong?": a who-question about the others
        asks_who = asks_who or bool(set_aside)
        kept = [m for m in mentions if m.ambiguous or m.contributor_ids[0] not in set_aside
                ] if set_aside else mentions
        speakers, targets, ambiguous, who = _roles(kept, fixed, asks_who)
        if who and not speakers:
            choice = _trailing_choice(joined, mentions, len(fixed))
            if choice:  # "who brought up X - the opener or Sharon?": which of the two
                speakers, who = choice, False
                targets = tuple(t for t in targets if t not in choice)
        replier = self._replier(text)
        if replier and (replier in targets or len(speakers) >= 2) and (
            not who or not WHO_WORDS.intersection(words(_CLAUSE_BREAK.split(text)[-1]))
        ):  # (a "who" of the sentence before, "someone in the crowd asks him", asks no who)
            who = False
            # "Douglas suggests Lincoln defends Buchanan. How does Lincoln reply to that?":
            # the one asked to reply speaks; those the first sentence has speak are answered
            targets = tuple(dict.fromkeys(
                (*(c for c in speakers if c != replier), *(c for c in targets if c != replier))))
            speakers = (replier,)
        differ = bool(DIFFER_WORDS.intersection(fixed)) and not _DISAGREE_SAID.intersection(fixed)
        first = self._named_first(cleaned) if len(speakers) >= 2 else None
        if first in speakers:  # "compare X and Y ... start w Y": Y's side first
            speakers = (first, *(c for c in speakers if c != first))
            where = 0  # "start with Y" orders the answer; it asks for no place in a piece
        if asks_who and not who and not relations and _refers_after(mentions, fixed):
            relations = [Relation.RESPOND]  # "whom did the final respondent quote?"
        not_topic = in_mention | cues | in_phrase | in_where | _either_of(fixed) | {
            i for i, t in enumerate(fixed)  # "which line?": the quote asked for, no topic
            if t == "line" and i and fixed[i - 1] in ("which", "what", "exact")}
        not_topic |= _others_in_order(fixed)  # "the people before them"
        if asks_who and not who and len(speakers) == 1 and not relations and not where and (
            _TOOK_PART_IN_ORDER.search(joined)
        ):  # "and who went second?": that contributor, where their piece begins
            where = -1
        q = Question(
            text=text,
            speakers=speakers,
            targets=targets,
            ambiguous=ambiguous,
            relations=tuple(relations),
            who=who,
            excluded=set_aside,
            compare=len(speakers) >= 2,
            phrase=_phrase(text),
            terms=self._terms(fixed, tokens, not_topic, glossed, joined),
            unknown_subject=_unknown_subject(text, mentions, self.index),
            cues=_kind_cues(fixed, cues),
            pairs=stem_pairs([t for i, t in enumerate(fixed) if i not in not_topic]),
            where=where,
            occasion=unnamed_occasion(tokens, self.index, in_mention),
            guessed=next(((tokens[m.start], m.contributor_ids[0]) for m in mentions
                          if m.guessed), ()),
        )
        if differ and q.compare and q.relations[:1] == (Relation.DISAGREE,) and q.known_terms:
            # "nathan vs neier on X, how do they differ": the two side by side on X, not a
            # disagreement of one with the other ("how do Neier and Bequelin differ?" is one)
            q = dataclasses.replace(q, relations=tuple(
                r for r in q.relations if r is not Relation.DISAGREE))
        return q

    def _question_sentences(self, text: str) -> str:
        """In a chat message of several sentences, the ones that ask ("ugh my group is arguing
        lol. does Rosenzweig think the US should lead?? pls settle this" asks the middle one),
        leaving out asking ones that carry nothing ("(page 2ish?)"), and with the sentence
        naming whom a "he" / "their" or a bare "similar?" leans on; the whole text when none
        or all of them ask."""
        if '"' in text:
            return text
        # "bequelin wants the us to set an example — did anyone push back on that?": a dash
        # before "did anyone ..." ends the report as a full stop would
        parts = sentences(_DASH_ASKS.sub(". ", text))
        if len(parts) < 2:
            return text
        toks = [[_chat_word(t) for t in words(p)] for p in parts]
        asking = [i for i, p in enumerate(parts) if _asks(p)]
        if not asking or (len(asking) == len(parts) and not any(
            not self._carries(t) for t in toks
        )):
            return text
        found = [self.matcher.find(t) for t in toks]
        named = [bool(f) for f in found]
        whom: set[int] = set()  # sentences kept only for the name a pronoun leans on
        kept = {i for i in asking if named[i] or self._carries(toks[i])} or set(asking)
        if any(named[i] for i in kept):  # "did anyone else's dog eat the printout? ... so
            # bequelin says X, but what ...": a question of the members' own before it is chat
            first_named = min(i for i in kept if named[i])
            kept = {i for i in kept if named[i] or i > first_named or not _ASKS_MEMBERS.search(
                parts[i])}
        for i in sorted(kept):
            leans = not named[i] and (
                _PRONOUNS.intersection(toks[i]) or not self._topic(toks[i])
                or ("its" in toks[i] and _PIECE_NOUNS.intersection(toks[i]))
                or self._echoes(toks[i], [toks[j] for j in range(i) if named[j]])
            )  # ("... the short one. What was its central message?": the piece's; "X says
            # they're worried about the language used. what language?": X's words asked of)
            if leans:
                before = [j for j in range(i - 1, -1, -1) if named[j]]
                if before:
                    kept.add(before[0])
                    if self._topic(toks[i]) and not _THAT_WORDS.intersection(toks[i]) and (
                        before[0] not in asking and _ABOUT_WORDS.intersection(toks[i])
                        and _QUOTED.search(parts[before[0]]) is None  # ("X's 'one concern'")
                    ):  # "Finally read the Hom part on the bus. What's all the stuff she
                        # says ...?": the question has its own topic; the report before it
                        # says only who "she" is
                        whom.add(before[0])
                elif i > 0 and not self._topic(toks[i]) and (
                    self._topic(toks[i - 1]) or (
                        TOPIC_REFERENCE.intersection(toks[i]) and _names_something(parts[i - 1]))
                ):  # "someone listed 4 reasons ... who was that"; "my prof mentioned the
                    # Olympics. did neier talk about that?": what "that" is, known or not
                    kept.add(i - 1)
            elif named[i] and i > 0 and (
                self._topic(toks[i - 1]) or (
                    TOPIC_REFERENCE.intersection(toks[i]) and _names_something(parts[i - 1]))
            ) and not self._topic(
                [t for t in _unnamed_words(toks[i], self.matcher.find(toks[i]))
                 if t not in _REPLY_WORDS]
            ):  # ("X says Y. how does Z defend himself?": what Z answers is the sentence before)
                kept.add(i - 1)  # "one of them says X ... was that hom or nathan?"
        for i in sorted(kept):  # "... china's record?? like life expectancy stuff": an example
            if i + 1 < len(parts) and i + 1 not in asking and named[i + 1] and not named[i] and (
                len(toks[i + 1]) <= 8 and _WHERE_WORDS.intersection(toks[i + 1])
            ):  # "how does the whole debate end? last words from Douglas": whose, and where
                kept.add(i + 1)
            if i + 1 < len(parts) and i + 1 not in asking and (
                _EXAMPLE.match(parts[i + 1]) or _EXAMPLE_END.search(parts[i + 1])
            ):  # "... angry about.. corruption, demolitions, that kind of thing"
                kept.add(i + 1)
        return " ".join(
            " ".join(w for m in found[i] for w in toks[i][m.start : m.end]) + "."
            if i in whom else parts[i]
            for i in sorted(kept))

    def _replier(self, text: str) -> str:
        """The contributor a closing "how does X reply (to that)?" asks to answer what the
        sentence before it reports, or "" (one sentence, or no such closing question)."""
        parts = [p for p in _CLAUSE_BREAK.split(text) if p.strip()]
        if len(parts) < 2:
            return ""
        m = _REPLY_ASK.search(parts[-1])
        if m is None:
            return ""
        named = (m.group("who") or m.group("whose") or m.group("buyer") or m.group("agrees")
                 or m.group("bare") or "")
        if named.lower() in ("he", "hi", "his", "she", "her", "hers"):  # ("hi"+"s": "his")
            # "someone in the crowd asks lincoln if he ... -- what's his answer?": the one
            # contributor the sentences before name
            before = {c for n in self.matcher.find(words(" ".join(parts[:-1])))
                      if not n.ambiguous for c in n.contributor_ids}
            return next(iter(before)) if len(before) == 1 else ""
        found = [n for n in self.matcher.find(words(named)) if not n.ambiguous]
        return found[0].contributor_ids[0] if len(found) == 1 else ""

    def _without_hedge(self, text: str) -> str:
        """ "idk if im remembering right but who brought up ...": a hedge of the member's own
        before "but" / "so" and a question is no part of it (unless it names a contributor)."""
        m = _HEDGE.match(text)
        if not m or '"' in text or self.matcher.find(words(m.group(0))):
            return text
        return text[m.end() :]

    def _who_does_he(self, text: str) -> str:
        """ "tl;dr of the opener? who does he think is moving the needle": the "he" of a
        closing "who does he ..." is the one contributor the sentence before names."""
        if "who" not in text.lower():  # (most questions: no sentence split needed)
            return text
        parts = sentences(text)
        m = _WHO_DOES_HE.match(parts[-1]) if len(parts) >= 2 else None
        if m is None:
            return text
        for part in reversed(parts[:-1]):
            ids = {n.contributor_ids[0] for n in self.matcher.find(
                [_chat_word(t) for t in words(part)]) if not n.ambiguous}
            if len(ids) == 1:
                name = self.matcher.surname(next(iter(ids)))
                if not name:
                    return text
                last = parts[-1][: m.start(1)] + name + parts[-1][m.end(1):]
                return " ".join([*parts[:-1], last])
            if ids:
                return text
        return text

    def last_asked(self, text: str) -> str:
        """Of a message of several sentences, its last asking one when it asks of a "he" /
        "they", with the sentence before that names whom ("... i think it was the third guy.
        what did he say beijing must stop doing"); "" otherwise."""
        parts = sentences(text)
        asking = [i for i, p in enumerate(parts) if _asks(p)]
        if len(parts) < 2 or not asking:
            return ""
        last = asking[-1]
        keep = [last]
        toks = [_chat_word(t) for t in words(parts[last])]
        if self.matcher.find(toks) or not _PRONOUNS.intersection(toks):
            return ""  # (one that stands alone was read with the rest: its words are asked)
        named = [j for j in range(last - 1, -1, -1)
                 if self.matcher.find([_chat_word(t) for t in words(parts[j])])]
        if not named:
            return ""
        keep.insert(0, named[0])
        out = " ".join(parts[j] for j in keep)
        return "" if out == text else out

    def _without_introduction(self, text: str) -> str:
        """The question after the member's word on who they are or who asks ("nurse here 🙋",
        "bus driver q:", "our retired engineer wants to know") or what for ("for the timeline
        activity:"), which is no topic."""
        m = _FOR_WHAT.match(text)
        if m is not None:
            text = text[m.end():]
        for pattern in (_SELF_INTRO, _ASKED_FOR):
            m = pattern.match(text)
            if m is None or m.end() >= len(text):
                continue
            said = words(m.group("who"))
            if any(w in _INTRO_NOT or w in self.index.name_words for w in said) or (
                self.matcher.find(said)
            ):
                continue
            return text[m.end():]
        return text

    def _named_first(self, text: str) -> str | None:
        """The contributor a message asks to hear first ("start w neier", "Hom first pls",
        "begin with the last one"), or None."""
        for m in _ORDER_CUE.finditer(text):
            named = m.group("who") or m.group("who2")
            found = [n for n in self.matcher.find(words(named)) if not n.ambiguous]
            if found:  # the first named after "start with", the last before "first"
                return found[0 if m.group("verb") else -1].contributor_ids[0]
        return None

    def _split_joined(self, tokens: list[str]) -> list[str]:
        """Two words of the reading written as one ("hongkong" -> "hong kong")."""
        if all(len(t) < 7 or self.index.knows(t) for t in tokens):
            return tokens
        out: list[str] = []
        content = self.index.content_words

        def held(part: str) -> bool:  # "beehive": the text's "bees" and "hive"
            return (part in content or part + "s" in content) and part not in STOPWORDS

        for tok in tokens:
            split = None
            if len(tok) >= 7 and not self.index.knows(tok) and tok not in _NOT_TOPIC:
                split = next(
                    ((tok[:k], tok[k:]) for k in range(3, len(tok) - 2)
                     if held(tok[:k]) and held(tok[k:])),
                    None,
                )
            out.extend(split or (tok,))
        return out

    def _carries(self, toks: list[str]) -> bool:
        """Whether a sentence's words ask something: a question word, a relation or
        comparison, or a topic word of the reading (not "page 2ish?" or "right?")."""
        return any(
            t in _ASK_WORDS or t in COMPARE_WORDS or stem(t) in _RELATION_STEMS for t in toks
        ) or self._topic(toks)

    def _echoes(self, toks: list[str], earlier: list[list[str]]) -> bool:
        """Whether a sentence that asks no "who" says again only telling words of one
        sentence before it: it asks about what that sentence reports."""
        if WHO_WORDS.intersection(toks):
            return False
        said = {stem(t) for t in toks if len(t) > 2 and t not in _NOT_TOPIC
                and not everyday(t) and stem(t) not in _RELATION_STEMS}
        return bool(said) and any(said <= {stem(t) for t in e} for e in earlier)

    def _topic(self, toks: list[str]) -> bool:
        """Whether a sentence holds a telling word the reading uses."""
        return any(
            len(t) > 2 and t not in _NOT_TOPIC and not everyday(t)
            and stem(t) not in _RELATION_STEMS and self.index.knows(t)
            for t in toks
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
        pair = self.index.has_bigram
        for i, tok in enumerate(tokens):
            if stem(tok) not in _RELATION_STEMS:
                continue
            before = i > 0 and pair(tokens[i - 1], tok)
            after = i + 1 < len(tokens) and pair(tok, tokens[i + 1])
            if (idiom and stem(tok) in _IDIOM_STEMS) or before or after or _governed(tokens, i):
                out.add(i)
        return out

    def _in_text_phrase(self, tokens: list[str], i: int) -> bool:
        """ "a school teacher": a chat word ("teacher", "class") that stands with its
        neighbour as the text's own words do ("school-teacher") is a topic, no filler."""
        bigrams = self.index.bigrams
        return (i > 0 and (tokens[i - 1], tokens[i]) in bigrams) or (
            i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in bigrams
        )

    def _say_noun(self, tokens: list[str], i: int) -> bool:
        """ "slave states", "how many states": a verb of saying used as a noun, after a word
        the text writes before it ("slave states") or a count."""
        if i == 0 or tokens[i] not in _SAY_NOUNS:
            return False
        before = tokens[i - 1]
        # (a plural only: "the state" of a speech in Illinois is everywhere in it)
        if before in _COUNT_BEFORE and tokens[i] == "states":
            return True
        return (before, tokens[i]) in self.index.bigrams and before not in _NOT_TOPIC and (
            before not in self.matcher.alias_words
        )

    def _topic_noun(self, tokens: list[str], i: int) -> bool:
        """ "argument and debate", "public debate": a noun that names a reading ("this
        debate", "debate prep") is a topic when joined to another word of the text by
        "and" / "or" or standing with a neighbour as the text's own words do."""
        joined = any(
            0 <= j < len(tokens) and tokens[j] in ("and", "or") and 0 <= k < len(tokens)
            and tokens[k] not in _NOT_TOPIC and self.index.knows(tokens[k])
            for j, k in ((i - 1, i - 2), (i + 1, i + 2))
        )
        return joined or self._in_text_phrase(tokens, i)

    def _glossary_phrases(self, tokens: list[str], skip: set[int]) -> list[tuple[int, int]]:
        """Spans [start, end) of the reading's multi-word glossary terms ("Cold War")."""
        phrases = self.index.glossary_phrases
        longest, first = self._gloss_longest, self._gloss_first
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(longest, len(tokens) - i) if tokens[i] in first else 0, 1, -1):
                span = range(i, i + size)
                if tuple(tokens[i : i + size]) in phrases and not skip.intersection(span):
                    spans.append((i, i + size))
                    i += size - 1
                    break
            i += 1
        return spans

    def _terms(
        self,
        fixed: list[str],
        raw: list[str],
        skip: set[int],
        glossed: list[tuple[int, int]],
        text: str,
    ) -> tuple[Term, ...]:
        """Topic words: what is left after names, relation cues and function words, plus the
        glossary's phrases.

        Words after the last "about" / "on" / "regarding" name the topic: see Term.focus.
        """
        focus_from = max(
            (i for i, t in enumerate(fixed) if _marks_topic(fixed, i, skip)), default=-1
        )
        # the topic named ends with its sentence ("... about 'instrumentalizing'. what's
        # their actual complaint?": "actual" is no topic word)
        ends = _sentence_ends(text) if focus_from >= 0 else []
        focus_to = next((b for b in ends if b > focus_from), len(fixed))
        focus_to = next(  # ... or at a new clause ("on everything or was there a catch")
            (j for j in range(focus_from + 1, focus_to - 1)
             if fixed[j] in ("or", "but") and fixed[j + 1] in _CLAUSE_STARTS),
            focus_to,
        )

        def focus(i: int) -> bool:
            return focus_from >= 0 and focus_from < i < focus_to

        seen: dict[str, int] = {}  # word -> its place in `out`
        out: list[Term] = [
            self.index.phrase_term(tuple(fixed[a:b]), focus=focus(a)) for a, b in glossed
        ]
        for i, tok in enumerate(fixed):
            if i in skip or len(tok) < 2 or tok in self.index.meta_words or (
                tok in _SOMEONES and i > 0 and fixed[i - 1] in _OWNERS  # "my teacher"
            ):
                continue
            if (tok in _NOT_TOPIC or tok in ORDINALS) and not _orders_speech(fixed, i) and not (
                tok in CHAT_FILLER and self._in_text_phrase(fixed, i)
            ) and not (tok in SAY_WORDS and self._say_noun(fixed, i)):
                continue
            if tok in self.matcher.alias_words or (
                tok in READING_NOUNS and not self._topic_noun(fixed, i)
            ) or (tok in _STRESSING and i + 1 < len(fixed) and (
                stem(fixed[i + 1]) in _RELATION_STEMS)
            ) or (tok in ("side", "sides") and i and fixed[i - 1] in _SIDE_OF
                  and not self._in_text_phrase(fixed, i)):
                continue  # ("and from the US side?": the US's part, "side" no topic)
            if tok in seen:  # said twice: it names the topic if either time does
                at = seen[tok]
                if focus(i) and not out[at].focus:
                    out[at] = dataclasses.replace(out[at], focus=True)
                continue
            seen[tok] = len(out)
            out.append(self.index.term(
                raw[i], focus=focus(i),
                correct=not _surname_of(raw, i, self.index) and not _refused(raw[i], self.index),
            ))
        if any(t.focus and t.known for t in out):
            # the topic is named ("... did anyone talk about torture"): other words the reading
            # lacks, or has only as a near spelling ("counts" for "courts"), are chat
            out = [t for t in out if t.focus or (t.known and not _corrected(t))]
        return tuple(out)


def _cue_word(word: str) -> bool:
    """Whether a word asks for a relation or frames the question, not a topic."""
    return stem(word) in _RELATION_STEMS or word in _PHRASE_TOKENS or word in _NOT_TOPIC


def _corrected_word(word: str, fixed: str) -> str:
    """A spelling correction, unless it would make a topic word a cue of the question
    ("tanks" is no misspelt "thanks"): a misspelt cue keeps the start of its word
    ("critisized", "thnks") or has its letters swapped ("waht"), so a correction to a cue
    must keep the first two letters or all the letters."""
    if fixed == word or not _cue_word(fixed) or _cue_word(word) or fixed[:2] == word[:2]:
        return fixed
    return fixed if sorted(fixed) == sorted(word) else word


def _refused(word: str, index: PositionIndex) -> bool:
    """Whether the correction of a word was refused by `_corrected_word`."""
    fixed = index.correct(word)[0]
    return fixed != word and _corrected_word(word, fixed) == word


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


_ASK_WORDS = frozenset({"who", "whom", "whose", "what", "whats", "which", "why", "how"})
_ASK_START = re.compile(
    r"^(?:who|whom|whose|what|whats|what's|which|why|how|when|where|did|does|do|is|was|are|"
    r"were|can|could|would|should|has|have|had|tell\s+me|explain|remind\s+me|anyone|anybody)"
    r"\b",
    re.I,
)
_THAT_WORDS = frozenset({"that", "this", "it", "those", "these", "so"})  # the report's words
_ABOUT_WORDS = frozenset({"about", "on", "regarding", "concerning"})  # a topic of its own
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their",
                       "theirs"})


_WHO_DOES_HE = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|but)\W+)*who\s+(?:does|did|do)\s+(he|she|they)\b", re.I)
DIFFER_WORDS = frozenset({"differ", "differs", "difference", "differences", "different",
                           "diff", "contrast", "distinguish"})
_DISAGREE_SAID = frozenset({"disagree", "disagrees", "disagreed", "disagreeing", "disagreement"})
# words that point back to a topic named before ("did neier talk about that?")
TOPIC_REFERENCE = frozenset({"that", "it", "this", "those", "these"})
_PIECE_NOUNS = frozenset({"message", "point", "argument", "thesis", "claim", "gist", "takeaway",
                          "conclusion", "idea", "main", "central"})


def _names_something(sentence: str) -> bool:
    """Whether a sentence names something, whether the reading has it or not ("my prof
    mentioned the Olympics"): a word written as a name, beyond chat and everyday words."""
    return any(len(t) > 2 and t not in _NOT_TOPIC and not everyday(t)
               and written_as_name(sentence, t, mid_sentence=True) for t in words(sentence))


_DRAWN_OUT = re.compile(r"(.)\1{2,}")  # "hiii", "heyyy", "pleeease"
_ROUGHLY = re.compile(r"^\d+ish$")  # "2ish"


def _corrected(t: Term) -> bool:
    """Whether a term was read as a near spelling of a word of the reading."""
    return bool(t.own) and stem(t.word) != t.own


def _unnamed_words(toks: list[str], mentions: list[Mention]) -> list[str]:
    """The words of a sentence outside its mentions of contributors."""
    named = {i for m in mentions for i in range(m.start, m.end)}
    return [t for i, t in enumerate(toks) if i not in named]


@lru_cache(maxsize=16384)
def _chat_word(tok: str) -> str:
    """A chat spelling as the everyday word ("tmrw", "hiii", "2ish" -> "ish")."""
    if tok in CHAT_SPELLINGS:
        return CHAT_SPELLINGS[tok]
    if _ROUGHLY.match(tok):
        return "ish"
    if _DRAWN_OUT.search(tok):
        short = _DRAWN_OUT.sub(r"\1", tok)
        if short in CHAT_FILLER or short in STOPWORDS or short in CHAT_SPELLINGS:
            return CHAT_SPELLINGS.get(short, short)
    return tok


_IDIOM_ORDER = tuple(sorted(CHAT_PHRASES, key=len, reverse=True))  # longest first
_RUN = re.compile(r"\w+")
_IDIOMS_BY_FIRST: dict[str, list[str]] = {}  # an idiom's first run of word characters
for _idiom in _IDIOM_ORDER:
    _IDIOMS_BY_FIRST.setdefault(_RUN.findall(_idiom)[0], []).append(_idiom)
_IDIOM_RANK = {p: k for k, p in enumerate(_IDIOM_ORDER)}


def _idiom_swap(m: re.Match[str]) -> str:
    return CHAT_PHRASES[m.group(0).lower()]


# "keep slavery out", "kept them out": a verb and its particle around what it acts on
_KEEP_OUT = re.compile(
    r"\b(?:keep|keeps|keeping|kept)\s+((?:[a-z]+\s+){1,2}?)out\b(\s+of\b)?", re.I)


# "pat Beijing on the back": credit Beijing
_PAT_BACK = re.compile(
    r"\b(?:pat|pats|patted|patting)\s+((?:[a-z]+\s+){0,2}?)on\s+the\s+back\b", re.I)


# "did he tack anything on?": did he add anything
# "back him up", "backed Neier up": the phrase "back up" with its object after it
_BACK_UP = re.compile(r"\b(back|backs|backed|backing)\s+((?:him|her|them|that|this|it|"
                      r"(?:his|her|their)\s+[a-z]+|[a-z]+))\s+up\b", re.I)
# "haul business into it", "drag Tibet into this": bring it up (the "it" is the discussion)
_INTO_IT = re.compile(r"\b(?:bring|brings|brought|bringing|haul|hauls|hauled|hauling|drag|drags|"
                      r"dragged|dragging|pull|pulls|pulled|pulling)\s+((?:[a-z]+\s+){1,3}?)"
                      r"into\s+(?:it|this|that|the\s+(?:debate|discussion|argument|mix))\b",
                      re.I)
_TACK_ON = re.compile(r"\b(?:tack|tacks|tacked|tacking)\s+((?:[a-z]+\s+){1,2}?)on\b", re.I)
# "asking for a friend", "asking for the ep notes", "(just) asking for my class": chat, no
# question to anyone
_ASKING_FOR = re.compile(
    r"\b(?:(?:i'?m|im|just)\s+)?asking\s+(?:for|bc\s+of|because\s+of)\s+(?:a\s+friend|"
    r"(?:the|my|our)\s+(?:[a-z]+\s+)?(?:notes|class|group|essay|paper|podcast|episode|"
    r"show|homework|study\s+group|book\s+club)|class)\b", re.I)


def _exclude(m: re.Match[str]) -> str:
    """'keep slavery out (of Kansas)' -> 'exclude slavery (from Kansas)'."""
    if "eye" in m.group(1).lower().split():  # "keep an eye out for"
        return m.group(0)
    return "exclude " + m.group(1).rstrip() + (" from" if m.group(2) else "")


def _split_idioms(text: str) -> str:
    """Idioms with words inside them ("keep slavery out", "pat Beijing on the back", "tack
    anything on") as plain words, and chat about why one asks ("asking for the notes") cut."""
    text = _KEEP_OUT.sub(_exclude, text.replace("\u2019", "'"))
    text = _PAT_BACK.sub(r"credit \1", text)
    text = _TACK_ON.sub(r"add \1", text)
    text = _BACK_UP.sub(r"\1 up \2", text)
    text = _INTO_IT.sub(r"bring up \1", text)
    return _ASKING_FOR.sub("", text)


# "per her", "per him": according to the one just answered ("per year", "per cent" untouched;
# "per Ashton" stays a word of chat beside the one asked about)
_PER = re.compile(r"\bper\s+(?=(?:him|her|them)\b)", re.I)


def _plain_idioms(text: str) -> str:
    """Idioms of several words as the plain words they stand for ("owned up" -> "admitted")."""
    text = text.replace("\u2019", "'")
    if not text.isascii():  # (case folding beyond ASCII: the pattern of them all)
        return _idiom_pattern(_IDIOM_ORDER).sub(_idiom_swap, text)
    # an idiom matches at a word start only where the text has its first word and all of it:
    # the pattern of those few alone (in the same order) replaces exactly as the whole does
    low = text.lower()
    found = {p for w in set(_RUN.findall(low)) for p in _IDIOMS_BY_FIRST.get(w, ()) if p in low}
    if not found:
        return text
    return _idiom_pattern(tuple(sorted(found, key=_IDIOM_RANK.__getitem__))).sub(_idiom_swap, text)


@lru_cache(maxsize=512)
def _idiom_pattern(idioms: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of some idioms (longest first, as in `_IDIOM_ORDER`), compiled when first
    needed: the one of all 213 takes longer to compile than many questions to answer."""
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in idioms) + r")\b", re.I)


_LEAD_WORDS = CHAT_FILLER | frozenset(
    {"so", "ok", "okay", "hey", "hi", "hello", "um", "uh", "please", "wait", "quick", "q",
     "guys", "all", "yo", "and", "but", "bot"}
)


def _which_things(tokens: list[str], lead: int, in_mention: set[int]) -> bool:
    """ "which professions did Neier single out?", "which countries does he name": things
    asked of the one named, no question of who."""
    subject = lead + 3
    while subject < len(tokens) and tokens[subject] in _TITLES:  # "did Mr Neier"
        subject += 1
    return (
        lead + 2 < len(tokens) and tokens[lead] in ("which", "what")
        and lead + 1 not in in_mention and tokens[lead + 1] not in PERSON_NOUNS
        and tokens[lead + 1] not in _WHICH_PEOPLE and tokens[lead + 2] in _AUXILIARIES
        and subject in in_mention
    )


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "professor", "the", "judge", "senator"})
_AGREE_FORMS = frozenset({"agree", "agrees", "agreed", "agreeing"})
_CONSENTED = frozenset({"answer", "reply", "respond", "debate", "meet", "speak", "discuss",
                        "stop", "go", "let", "take", "give", "pay", "share", "divide", "split"})


def _consents(tokens: list[str]) -> set[int]:
    """ "does Lincoln agree to answer them?": consent to do a thing, no agreement with anyone."""
    return {
        i for i in range(len(tokens) - 2)
        if tokens[i] in _AGREE_FORMS and tokens[i + 1] == "to" and tokens[i + 2] in _CONSENTED
    }


_WHICH_PEOPLE = frozenset({"one", "ones", "of", "man", "woman", "guy", "person", "people", "side",
                           "speaker", "speakers", "debater"})


def _chat_lead(tokens: list[str]) -> int:
    """Where a question starts after chat ("ok so pls who ..."): the first other word."""
    for i, tok in enumerate(tokens[:6]):
        if tok not in _LEAD_WORDS:
            return i
    return 0


_DASH_CLAUSE = re.compile(r"\s+(?:-+|–|—)\s+(?=(?:" + "|".join(sorted(_CLAUSE_STARTS)) + r")\b)",
                          re.I)


def _sentence_ends(text: str) -> list[int]:
    """The token positions at which the sentences of `text` end (one past their last); a
    dash before a new clause ends one too ("his position on X - does slavery factor in?")."""
    parts = [c for part in sentences(text) for c in _DASH_CLAUSE.split(part)]
    if len(parts) < 2:
        return []  # one sentence: the topic runs to the end
    ends: list[int] = []
    count = 0
    for part in parts:
        count += len(words(part, question=True))
        ends.append(count)
    return ends


# a question to the other members about themselves: "did anyone else's dog eat it?", "just
# me??", "is anyone else lost"
_ASKS_MEMBERS = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|any\s+of\s+you|you\s+guys|y'?all)\s+else'?s?\b|"
    r"\bjust\s+me\b|\b(?:am|was)\s+i\s+the\s+only\b", re.I)
# a request to be told: "To prep, I want someone to tell me what Rosenzweig says ..."
_ASKS_TO_BE_TOLD = re.compile(
    r"\b(?:tell|show|remind|explain\s+to|let)\s+(?:me|us|them|her|him)\s+(?:know\s+)?"
    r"(?:what|who|which|how|why|where|when|whether|if)\b", re.I)
# a question closing a report: "bequelin said X, what was the connection", "X says Y, but
# what examples did he give"
_ASKS_AT_END = re.compile(
    r"(?:,|\bbut|\bso)\s+(?:what|which|who|how|why|where|when)\s+(?:\w+\s+)?(?:is|was|are|"
    r"were|did|does|do|has|had|can|could|would|should)\b[^.?!]*[.!]?$", re.I)


def _asks(sentence: str) -> bool:
    """Whether a sentence asks: it ends with "?" or starts (after chat) as a question does."""
    if sentence.endswith("?") or _ASK_START.match(_LEADING_CHAT.sub("", sentence)) or (
        _ASKS_AT_END.search(sentence) or _ASKS_TO_BE_TOLD.search(sentence)
    ):
        return True
    toks = words(sentence)  # "anyway lmao which of them said ...": chat words before it
    lead = _chat_lead(toks)
    return 0 < lead < len(toks) and bool(_ASK_START.match(" ".join(toks[lead:])))


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


_WHERE = re.compile(
    r"\b(?:at|in|near|toward|towards)\s+the\s+(?:very\s+)?(?P<part>start|beginning|opening|"
    r"outset|top|end|close|conclusion|bottom)\b"
    r"|\b(?P<verb>starts?|begins?|opens?|ends?|closes?|concludes?|finish(?:es)?)\s+(?:off\s+)?"
    r"(?:by|with|w/?)(?!\w)"
    r"|\bin\s+(?:his|her|their|the)\s+(?P<own>opening|conclusion|closing|intro|introduction)\b"
    r"|\b(?P<act>start|begin|open|end|close|finish|conclude|wrap)(?:s|ed|ing)?\s+(?:up\s+)?"
    r"(?:his|her|their|the)\s+(?:piece|essay|response|contribution|post|part|reply|answer)\b"
    r"|\b(?P<thing>first|last|final|opening|closing)\s+(?:thing|things|word|words|line|lines|"
    r"sentence|sentences)\b"
    r"|\b(?P<point>closing|concluding|opening)\s+(?:point|points|argument|arguments|remark|"
    r"remarks|thought|thoughts|line|lines|note|message|paragraph|jab|jabs|shot|dig|"
    r"accusation|charge|attack|retort)\b"
    r"|\bhow\s+(?:do|does|did)\s+(?:he|she|they|it)\s+(?P<how>open|start|begin|end|close|"
    r"finish|conclude)(?=\s*(?:[?.!,]|$|\band\b))"  # "who wrote last and how do they open"
    r"|\b(?P<late>in|during)\s+(?:his|her|their|the)\s+(?:very\s+)?(?:last|final|closing)\s+"
    r"(?:few\s+)?(?:minutes?|moments?|words?|lines?|sentences?|paragraphs?)\b",
    re.I,
)
_WHERE_WORDS = frozenset(  # a quick test before _WHERE is tried
    {"start", "beginning", "opening", "outset", "top", "end", "close", "conclusion", "bottom",
     "starts", "begin", "begins", "open", "opens", "ends", "closes", "conclude", "concludes",
     "finish", "finishes", "intro", "introduction", "closing", "wrap", "wraps", "first", "last",
     "final", "started", "ended", "opened", "closed", "concluded", "finished", "wrapped",
     "starting", "ending", "concluding", "finishing", "wrapping", "began"}
)
_AT_START = frozenset({"start", "beginning", "opening", "outset", "top", "starts", "begin",
                       "begins", "open", "opens", "intro", "introduction", "first"})


def _where(text: str) -> tuple[int, set[int]]:
    """ "at the start of his piece" (-1) or "in his conclusion" (1), and its token positions
    (no topic words)."""
    m = _WHERE.search(text)
    if not m:
        return 0, set()
    word = next(g for g in m.groups() if g).lower()
    start = len(words(text[: m.start()], question=True))
    span = set(range(start, start + len(words(m.group(0), question=True))))
    return (-1 if word in _AT_START else 1), span


def _who_is(text: str) -> str:
    """ "who's" as "who is" (only a text with an apostrophe can hold it); "who wrote the
    first piece" as "who is the first piece", a question of who that is."""
    text = _WHO_WROTE.sub(r"\1 is \2", text)
    text = _WHO_WROTE_ONE.sub(r"\1 is the one paragraph contributor", text)
    return _WHO_IS.sub(r"\1 is", text) if "'" in text or "\u2019" in text else text


def _quoted(text: str) -> re.Match[str] | None:
    """`_QUOTED` searched for, where the text has a quotation mark at all."""
    return _QUOTED.search(text) if '"' in text or "'" in text else None


def _meant(text: str) -> re.Match[str] | None:
    """`_MEANT` searched for, unless an ASCII text lacks "mean" (in any case)."""
    if text.isascii() and "mean" not in text.lower():
        return None
    return _MEANT.search(text)


def _quoted_tokens(text: str) -> set[int]:
    """Token positions inside a quoted phrase: its words are the quote's, not the question's
    ('who disagreed with "critical engagement"?' asks no critique). `text` must be the one
    the question's tokens were read from."""
    m = _quoted(text)
    if not m:
        return set()
    start = len(words(text[: m.start()], question=True))
    return set(range(start, start + len(words(m.group(0), question=True))))


def _meant_tokens(text: str) -> set[int]:
    """Token positions of the words after "what did X mean by": their relation words are
    the phrase's ("progress blooms from argument" asks no summary)."""
    m = _meant(text)
    if not m or len(m.group(1).split()) < MEANT_WORDS:
        return set()
    start = len(words(text[: m.start(1)], question=True))
    return set(range(start, start + len(words(m.group(1), question=True))))


def _refers_after(mentions: list[Mention], tokens: list[str]) -> bool:
    """Whether a verb of citing follows the subject: "whom does X quote / name / cite"."""
    ends = [m.end for m in mentions if not m.ambiguous]
    return bool(ends) and any(t in _REFERENCE_VERBS for t in tokens[ends[0] :])


def _phrase(text: str) -> str:
    """A phrase the question quotes, or the object of "who said ...", folded."""
    m = _quoted(text)
    if m:
        return fold(m.group(1) or m.group(2))
    m = _meant(text)
    if m and len(m.group(1).split()) >= MEANT_WORDS:  # "what did X mean by progress blooms ..."
        return fold(m.group(1))
    m = _SAID.match(_LEADING_CHAT.sub("", text))
    if m and not _TOOK_PART_NEXT_TO.match(text):  # "who wrote right before Hom": no words
        said = _REFLEXIVE.sub("", m.group(1))  # "who called themself a latecomer"
        if len(said.split()) >= (2 if said != m.group(1) else 3):
            return fold(said)
    return ""


def _things_differing(tokens: list[str], in_mention: set[int]) -> set[int]:
    """ "why was the order different from Ottawa", "the different resolutions": a word of
    difference between things, no contributor near it, is a topic word, no disagreement."""
    out: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok not in _DIFFERING or in_mention.intersection(range(i - 3, i + 4)):
            continue
        if (i > 0 and tokens[i - 1] in _DETERMINERS) or (
            i + 1 < len(tokens) and tokens[i + 1] in ("from", "than")
        ):
            out.add(i)
    return out


_DIFFERING = frozenset({"different", "differ", "differs", "differed", "difference",
                        "differences"})
_DETERMINERS = frozenset({"the", "a", "an", "each", "every", "any", "all", "these", "those",
                          "their", "its", "his", "her", "our", "two", "many", "several"})


def _governed(tokens: list[str], i: int) -> bool:
    """A relation word that another word governs, with an object of its own, is part of the
    topic: "vote to admit a new state", "about admitting Kansas", "on building a world
    order"; not "what did X admit", "X admits that", "refuse to answer", "answer to question".
    """
    if i < 2 or i + 1 >= len(tokens) or tokens[i + 1] in _NO_OBJECT:
        return False
    before, head = tokens[i - 1], tokens[i - 2]
    if before == "to":  # an infinitive after a verb of the topic, not after "want to", "has to"
        return not (head in _NOT_TOPIC or head in _AUXILIARIES or head in _CATENATIVE
                    or stem(head) in _RELATION_STEMS)
    return before in _GERUND_PREPS and tokens[i].endswith("ing")


_NO_OBJECT = frozenset({"that", "to", "about", "with", "on", "of", "for", "if", "whether",
                        "and", "or", "it", "this", "him", "her", "them", "anything"})
_GERUND_PREPS = frozenset({"about", "on", "of", "for", "against", "by", "without"})
_CATENATIVE = frozenset({"want", "wants", "wanted", "like", "need", "needs", "try", "tried",
                         "willing", "going", "used", "able", "refuse", "refused", "refuses",
                         "seem", "seems", "seemed", "decline", "declined", "ready", "afraid"})


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
    i = _chat_lead(tokens)
    if i >= len(tokens) or tokens[i] not in WHO_WORDS:
        return set()
    j = i + 1  # "which of them says ...", "which contributor thinks ..."
    while j < min(len(tokens), i + 4) and (tokens[j] in _WHICH_OF or tokens[j] in PERSON_NOUNS):
        j += 1
    if len(tokens) > j + 1 and tokens[j] in _OPINION_VERBS:
        # up to a second question joined on ("who wrote first and what's the big idea")
        end = next((k for k in range(j + 1, len(tokens) - 1) if tokens[k] == "and"
                    and tokens[k + 1] in _SECOND_ASK), len(tokens))
        start = j + 1
        if start + 1 < end and tokens[start] in _SELF:
            # "who said they agreed with Nathan": what the one asked does, not a view of theirs
            start += 1
            while start + 1 < end and tokens[start] in _SELF_AUX:
                start += 1
            start += 1
        return set(range(start, end))
    return set()


_SELF = frozenset({"they", "he", "she", "theyd", "hed", "shed"})
_SELF_AUX = frozenset({"can", "could", "would", "will", "do", "did", "does", "really", "also",
                       "totally", "fully", "basically", "mostly", "partly", "kind", "kinda",
                       "sort", "of", "just"})


_SECOND_ASK = frozenset({"what", "whats", "why", "how", "whos"})


_WHICH_OF = frozenset({"of", "them", "these", "those", "the", "one", "ones"})


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


def _either_way(tokens: list[str], relations: list[Relation]) -> list[Relation]:
    """ "does Neier agree with Bequelin or not?", "agree or disagree?": asks how one answers
    the other, both ways, so the agreements and the disagreement are shown together."""
    pair = {Relation.AGREE, Relation.DISAGREE}
    asked = pair.intersection(relations)
    if not asked:
        return relations
    either = pair <= asked or any(
        tokens[i : i + 2] == ["or", "not"] for i in range(len(tokens) - 1)
    ) or _SAME_OR_NOT.search(" ".join(tokens)) is not None
    if not either:
        return relations
    if pair <= asked and _ALL_THE_OTHER_WAY.search(" ".join(tokens)):
        # "does anybody disagree with Bequelin or do they all just agree?": the second way is
        # what would hold if no one did; the first is what is asked
        return relations
    rest = [r for r in relations if r not in pair]
    return [Relation.RESPOND, *(r for r in rest if r is not Relation.RESPOND)]


# "same or different?", "different or similar": how the two stand, both ways
_SAME_OR_NOT = re.compile(
    r"\b(?:same|similar|alike)\s+or\s+(?:different|differ\w*)\b"
    r"|\b(?:different|differ\w*)\s+or\s+(?:the\s+)?(?:same|similar|alike)\b")


# "... or do they all agree", "or is everyone just disagreeing": the way things would be
# if no one answered the first way
_ALL_THE_OTHER_WAY = re.compile(
    r"\bor\b(?:\s+\w+){0,2}\s+(?:all|everyone|everybody|every one)\b(?:\s+\w+){0,2}\s+"
    r"(?:(?:dis)?agre\w*|nod\w*\s+along|go\w*\s+along)")


_RHETORICAL = frozenset({"cares", "knows", "asked", "knew"})  # "who cares lol": no question


# "ok back to rosenzweig, what should ...", "moving on to hom - what does she want": the one
# turned to is the one asked, as in "rosenzweig, what should ..."
_TURN_TO = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|now|alright|right|cool|k)\b[\s,.!]*)*"
    r"(?:(?:(?:going|getting|coming|moving|turning|switching|jumping|skipping|circling|"
    r"go|get|come|move|turn|switch|jump|skip)\s+)(?:back\s+|on\s+|over\s+|ahead\s+)?|back\s+)"
    r"to\s+(?=[^,:;?!.\-\u2013\u2014]{1,40}?\s*[,:;\-\u2013\u2014]\s*\w)", re.I)


def _without_turn_to(text: str) -> str:
    """The question without its opening "back to X," words, keeping X."""
    return _TURN_TO.sub("", text, count=1)


_TAG_QUESTION = re.compile(
    r"\s*,\s*(?:right|yeah|yes|correct|true|ya|yea|eh|innit|no)\s*[?!.]*\s*$", re.I)


# "When Douglas complains about X, what's Lincoln's comeback?": the question after the clause
_LEADING_WHEN = re.compile(
    r"^\W*(?P<sub>(?:when|whenever|after|once)\s+(?!(?:did|does|do|is|was|were|are|has|had|"
    r"will|would|can|could)\b)[^,?;:]{3,160}?)\s*,\s*(?P<main>(?:so\s+|then\s+)?(?:what|how|"
    r"why|does|did|do|who|which|where|is|was)\b[^?]*\??)\s*$", re.I)


def _main_first(text: str) -> str:
    """ "When A, what does B say?" as "what does B say when A?": the one who answers is the
    one the main clause asks about, not the one in the clause of time."""
    m = _LEADING_WHEN.match(text)
    if m is None:
        return text
    main = m.group("main").rstrip("?").rstrip()
    return f"{main} {m.group('sub')}?"


def _without_tag(text: str) -> str:
    """The question without a closing tag ("..., right?"), which asks nothing of the
    reading, nor one that closes a sentence before the next ("neier disagreed on something
    right? what was it")."""
    text = _TAG_QUESTION.sub("?", text, count=1)
    return _MID_TAG.sub(lambda m: m.group(0) if m.group(1).lower() in _OF_A_RIGHT else (
        f"{m.group(1)}?"), text)


# "on something right? what was it": a tag closing a sentence another follows (not "a basic
# right? ...", where the word is the noun)
_MID_TAG = re.compile(r"\b([a-z]+)\s*,?\s+(?:right|correct|yeah|yea|ya|innit)\s*\?+(?=\s+\w|\s*$)",
                      re.I)
_OF_A_RIGHT = frozenset({"the", "a", "human", "basic", "civil", "legal", "political", "moral",
                         "that", "this", "one", "every", "any", "no", "your", "my", "their",
                         "his", "her", "our", "its", "fundamental", "universal", "is", "was",
                         "are", "be", "thats", "it's", "him", "them", "me", "it", "i", "you"})


# "who wrote", "and who went", "whose response comes", then at most one word ("right",
# "immediately"), before the place in order
_WHO_TOOK_PART = (r"^\W*(?:(?:and|so|ok|okay|then)\W+)*(?:who|whose\s+(?:response|piece|part|"
                  r"post|turn|answer|reply|section|entry|essay|statement|speech)s?)\s+"
                  r"(?:went|goes|wrote|writes|spoke|speaks|came|comes|posted|posts|is|was|"
                  r"answered|responded|replied)\s+(?:\w+\s+)?")
_TOOK_PART_IN_ORDER = re.compile(
    _WHO_TOOK_PART + r"(?:first|second|third|fourth|fifth|sixth|next|last|"
    r"after|before|2nd|3rd|4th|5th|6th)\b[\w\s.'\u2019]*\W*$", re.I)
# "who opens this thing", "who kicked off the conversation", "who closes it out": who wrote
# first (or last), as "who went first" asks
_OPENS_OR_CLOSES = re.compile(
    r"\bwho\s+(?P<verb>opens|opened|kicks\s+off|kicked\s+off|kicks|kicked|starts|started|"
    r"leads\s+off|led\s+off|closes|closed|wraps\s+up|wrapped\s+up|finishes|finished)"
    r"(?:\s+(?:this|it|things|the\s+(?:whole\s+)?\w+)(?:\s+(?:thing|off|out|up))?)?"
    r"(?:\s+(?:off|out|up))?(?=\s*(?:[?.!,]|\band\b|$))", re.I)


# "who had the last word (in the whole thing)", "who gets the final say": who wrote last
_LAST_WORD = re.compile(
    r"\bwho\s+(?:had|has|gets|got|gave|have|has\s+got)\s+the\s+(?:very\s+)?(?:last|final)\s+"
    r"(?:word|say)\b(?:\s+(?:in|on|of)\s+(?:the\s+)?(?:whole\s+)?(?:this\s+)?\w+(?:\s+thing)?)?",
    re.I)


def _took_part_at_an_end(m: re.Match[str]) -> str:
    end = m.group("verb").lower().split()[0]
    return "who wrote " + ("last" if end in ("closes", "closed", "wraps", "wrapped",
                                             "finishes", "finished") else "first")


# a member's own closing word on the passage, no part of the question: "..., it was kinda
# corny but i liked it", "... lol it's lowkey cringe"
_MEMBERS_ASIDE = re.compile(
    r"(?:[,;]|\s)\s*(?:lol\s+|ngl\s+|tbh\s+)?(?:it|that|this)\s*(?:was|is|'s|’s|felt|seemed|sounds?)\s+"
    r"(?=(?:kinda|kind\s+of|lowkey|lol|ngl|tbh|honestly)\b|[\w\s']{0,40}?\bbut\s+i\s+(?:liked|loved|"
    r"enjoyed|hated|like|love)\b)[\w\s']{0,60}?\W*$", re.I)


# "(agree with) everyone who went before them", "everything said before me": all the earlier
# contributors, as a reading's words have them ("all of the earlier respondents")
_ALL_BEFORE = re.compile(
    r"\b(every(?:one|body|thing)|all(?:\s+the\s+others)?)(?:\s+(?:who|that)\s+(?:went|came|"
    r"wrote|spoke|posted))?(?:\s+(?:else\s+)?(?:has\s+)?(?:said|wrote|written))?\s+before\s+"
    r"(?:them|him|her|me|it)\b", re.I)


# "was it Rosenzweig who talked about China's clout?", "is it the last one who ...": who did,
# the member's guess named (a wrong guess is answered by the one who did)
_WAS_IT = re.compile(r"^\W*(?:(?:so|ok|okay|and|wait|hmm)\W+)*(?:was|is)\s+it\s+(?:\w+\s+){1,4}?"
                     r"who\s+(?=\w)", re.I)  # (not "was it raining that day")


_TOOK_PART_NEXT_TO = re.compile(  # "who wrote right before Hom?": an order, no words said
    _WHO_TOOK_PART + r"(?:next|after|before)\b", re.I)
_BARE_WHO = frozenset(
    {"who", "whom", "exactly", "then", "specifically", "precisely", "tho", "though"})
# (its "who's" already read as "who is": see _who_is)
_WHO_IS_THING = re.compile(r"\W*who(?:s\b|\s+(?:is|was|were|are)\b)", re.I)


def _later_asks_who(text: str, tokens: list[str]) -> bool:
    """ "ok so debate prep tonight. ... which contributor backs that?": a later sentence of
    the message asks who (after its own chat words), ending with "?" or ending the message."""
    parts = sentences(text)
    if len(parts) < 2:
        return False
    start = 0
    for n, part in enumerate(parts):
        size = len(words(part, question=True))
        if n and (part.endswith("?") or n == len(parts) - 1):
            lead = start + _chat_lead(tokens[start : start + size])
            rhetorical = lead + 1 < len(tokens) and tokens[lead + 1] in _RHETORICAL
            # someone or something of the claim before, not a contributor: "..., which
            # policy?", "X says the US should listen more to... who exactly?", "Douglas
            # alleges an alliance against him. Who's supposedly in it?"
            thing = (lead + 1 < len(tokens) and tokens[lead] == "which" and (
                tokens[lead + 1] not in PERSON_NOUNS | {"one", "ones", "of"})) or (
                size > 0 and set(tokens[lead : start + size]) <= _BARE_WHO) or (
                _WHO_IS_THING.match(part) is not None and not any(
                    stem(t) in _RELATION_STEMS for t in tokens[start : start + size]))
            if lead < len(tokens) and tokens[lead] in WHO_WORDS and not (rhetorical or thing):
                return True
            if lead < len(tokens) and _asks_anyone(tokens[lead : start + size]):
                return True  # "X's first key is Y. Does anyone push back on that idea?"
        start += size
    return False


# "is there any real disagreement in this thing?": does anyone disagree
_IS_THERE = re.compile(r"^\W*(?:(?:so|ok|okay|and|but)\W+)*(?:is|was|are|were)\s+there\s+"
                       r"(?:any|a|some|much)\b", re.I)
# words that only stress the relation after them ("any real disagreement"): no topic
_STRESSING = frozenset({"real", "actual", "genuine", "true", "serious", "major"})


def _tells_of_someone(tokens: list[str]) -> bool:
    """ "someone yelled at X, what did he say back?": it tells of someone (a voice in the
    crowd) and asks what X said; no who-question."""
    for i, t in enumerate(tokens[:4]):
        if t in ("anyone", "anybody", "somebody", "someone"):
            return any(a in ("what", "how") and b in _AUXILIARIES
                       for a, b in zip(tokens[i + 2 :], tokens[i + 3 :], strict=False))
    return False


_EITHER_OF = frozenset({"them", "you", "the", "these", "those", "us"})


_PEOPLE = frozenset({"people", "ppl", "others", "ones", "folks", "writers", "contributors",
                     "respondents", "authors", "guys"})
_ORDER_SIDE = frozenset({"before", "after"})
_ONES_OWN = frozenset({"him", "her", "them", "me", "themselves", "himself", "herself"})


def _others_in_order(tokens: list[str]) -> set[int]:
    """ "does the sixth writer agree with the people before them?": the other contributors,
    on one side of the one asked about, are no topic ("people")."""
    return {
        i for i in range(len(tokens) - 2)
        if tokens[i] in _PEOPLE and tokens[i + 1] in _ORDER_SIDE and tokens[i + 2] in _ONES_OWN
    }


def _either_of(tokens: list[str]) -> set[int]:
    """ "did either of them mention X?", "does either speaker ...": "either" frames the
    question (any contributor); it names no topic (not "either-or thinking")."""
    return {
        i for i, t in enumerate(tokens[:-1]) if t == "either" and (
            tokens[i + 1] in PERSON_NOUNS or (tokens[i + 1] == "of" and i + 2 < len(tokens)
            and tokens[i + 2] in _EITHER_OF))
    }


_ONE_OF_THEM = frozenset({"contributor", "contributors", "respondent", "respondents", "writer",
                          "writers", "author", "authors", "person", "one", "participant",
                          "speaker", "panelist", "commentator"})


def _asks_anyone(tokens: list[str]) -> bool:
    """ "Did anyone mention X?", "Is there anybody who ...", "is there a contributor who
    ...", "does any respondent ..." """
    for i, t in enumerate(tokens[:4]):
        if t in ("a", "any") and i + 2 < len(tokens) and tokens[i + 1] in _ONE_OF_THEM and (
            (i and tokens[i - 1] == "there" and tokens[i + 2] in ("who", "that"))
            or (t == "any" and i and tokens[i - 1] in _AUXILIARIES)
        ):
            return True
    for i, t in enumerate(tokens[:4]):
        if t in ("anyone", "anybody", "somebody", "someone"):
            # "can someone explain what Hom meant": the one asked is not the one asked about
            # ("can someone (or @bot) pls tell me ...": the asides skipped)
            rest = [u for u in tokens[i + 1 : i + 6] if u not in _ASIDE]
            asking = i == 0 or tokens[i - 1] in _REQUESTING  # "can someone", not "does anyone"
            return not rest or not asking or rest[0] not in _HELP_VERBS
    return False


_REPLY_WORDS = frozenset(
    {"reply", "replies", "respond", "responds", "answer", "answers", "defend", "defends",
     "himself", "herself", "themselves", "react", "reacts", "counter", "counters", "rebut",
     "rebuts", "comeback", "response", "buy", "accept", "explain", "around", "back"})
_CLAUSE_BREAK = re.compile(r"(?<=[.?!;])\s+|\s+[-\u2013\u2014]+\s+")  # "X says Y - how ...?"
# "how does Lincoln reply (to that)?", "what's Douglas's comeback", "how does he defend himself"
_REPLY_ASK = re.compile(
    r"\b(?:how|what)\b.*?\b(?:does|did|do|would|will|is|was)\s+(?P<who>(?:\w+\W+){0,3}?\w+)\s+"
    r"(?:reply|replies|respond|responds|answer|answers|defend|defends|react|reacts|counter|"
    r"counters|rebut|rebuts|hit\s+back|push\s+back|come\s+back|deal\s+with|handle|explain|"
    r"justify|get\s+around|say\s+back|say\s+to\s+(?:that|this))\b"
    # "does Lincoln buy that?": whether the one named accepts what the sentence before reports
    r"|\b(?:does|did|do|would)\s+(?P<buyer>(?:\w+\W+){0,3}?\w+)\s+(?:buy|accept)\s+(?:that|this|it)\b"
    # "does Lincoln agree to answer them?", "did he ever reply to those?": the one asked replies
    r"|^\W*(?:and\s+|so\s+|but\s+)?(?:does|did|do|would|will)\s+(?P<agrees>(?:\w+\W+){0,2}?\w+)\s+"
    r"(?:(?:agree|refuse|decline|try|bother|plan|want|ever|actually|even)\s+(?:to\s+)?)?"
    r"(?:reply|respond|answer)\s+(?:to\s+)?(?:them|those|these|that|this|it|the\s+\w+)\b"
    # "what's Lincoln's comeback?", "and his response?": the reply, as a noun
    r"|\b(?:what|whats|and|so)\b.*?\b(?P<whose>\w+?)(?:['’]s|s)\s+(?:comeback|response|reply|answer|"
    r"rebuttal|retort|counter|defen[cs]e)\b"
    # "lincolns answer?", "linkon answer?", "Lincoln's rebuttal?": the whole closing question
    r"|^\W*(?P<bare>\w+?)(?:['’]s|s)?\s+(?:comeback|response|reply|answer|rebuttal|retort|"
    r"counter)\W*$", re.I)


# the words before a contributor set aside ("anyone besides Hom", "who other than Bequelin")
BESIDES_LEADS = (("besides",), ("except",), ("apart", "from"), ("aside", "from"),
                 ("other", "than"), ("except", "for"), ("beyond",), ("excluding",))


_ASKS_ANYONE_WORDS = WHO_WORDS | {"else"}


def _set_aside(mentions: list[Mention], tokens: list[str]) -> tuple[str, ...]:
    """The contributors a "who" question sets aside: "anyone besides Hom", "who other than
    Bequelin", "apart from Neier, who ..."."""
    out: list[str] = []
    for m in mentions:
        if m.ambiguous:
            continue
        i = m.start - 1 if m.start and tokens[m.start - 1] == "the" else m.start
        if any(tuple(tokens[max(0, i - len(lead)):i]) == lead for lead in BESIDES_LEADS):
            out.append(m.contributor_ids[0])
    return tuple(dict.fromkeys(out))


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
        if who and (_in_their_view(tokens, m) or _says_in_clause(tokens, m)):
            # "who has further to go in Rosenzweig's view?", "who are the stakeholders Hom
            # lists?": the "who" asks what that contributor says, not which one said it
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
        elif speakers and prev == "as" and "same" in tokens[max(0, m.start - 4) : m.start]:
            as_target = True  # "on the same page as Bequelin", "the same view as Hom"
        elif speakers and prev in _CLAUSE_OPENERS and cid not in speakers:
            # "what did Lincoln say in the speech that Douglas read out?", "... when Douglas
            # asked him": the subject of a clause about the setting, neither speaker nor target
            last_was_target = False
            continue
        elif speakers and _is_subject_position(tokens, m) and not _owns_a_thing(tokens, m):
            # "how did Douglas get his title, according to Lincoln": Lincoln says it
            targets.extend(c for c in speakers if c not in targets)
            speakers.clear()
            as_target = False
        elif speakers:
            # "does Neier agree with Bequelin", "the last two both bring up Nicholas"; "what
            # job did Douglas say Lincoln had": Lincoln is what Douglas speaks of
            as_target = (bool(near & _TARGET_CUES) and not _is_subject_position(tokens, m)) or (
                _said_of(tokens, speaker_end, m)
                or _object_of(tokens, speaker_start, speaker_end, m)
            )
        else:
            as_target = (prev in _LONE_TARGET_PREPS or _between_one(tokens, m, mentions)) and (
                not _is_subject_position(tokens, m)
                and not _what_about(tokens, m)  # "what about the 3rd person, did he ...?"
            )
        last_was_target = as_target
        if as_target:
            if cid not in targets:
                targets.append(cid)
        elif cid not in speakers:
            speakers.append(cid)
            speaker_start, speaker_end = m.start, m.end
    return tuple(speakers), tuple(t for t in targets if t not in speakers), ambiguous, who


# "..., the opener or Sharon?", "... - Hom or Rosenzweig": a closing choice of two, set off
_CHOICE_TAIL = re.compile(r"[,:;(\u2013\u2014]\s*|\s-+\s*")
_CHOICE_END = re.compile(r"^(?:(?:was|is)\s+it\s+)?[^,:;?!]*?\bor\b[^,:;?!]*?[?!.)\s]*$", re.I)


def _trailing_choice(
    joined: str, mentions: list[Mention], count: int
) -> tuple[str, ...] | None:
    """ "who brought up microblogging - the opener or Sharon?": a who-question ending on a
    choice between two named contributors asks which of those two (not whom they answer)."""
    cuts = [m.end() for m in _CHOICE_TAIL.finditer(joined)]
    if not cuts:
        return None
    tail = joined[cuts[-1]:]
    if not _CHOICE_END.match(tail):
        return None
    start = count - len(words(tail))
    named = [m for m in mentions if m.start >= start and not m.ambiguous]
    if len(named) != 2:
        return None
    ids = (named[0].contributor_ids[0], named[1].contributor_ids[0])
    return ids if ids[0] != ids[1] else None


_CLAUSE_OPENERS = frozenset({"that", "which", "when", "while", "where", "as", "whom"})
_SPOKEN_OF = frozenset(
    {"say", "claim", "think", "accuse", "accuses", "accused", "ask", "asks", "asked", "tell",
     "tells", "told", "question", "questioned", "answer", "answered", "blame", "blamed",
     "describe", "describes", "described", "recall", "recalls", "recalled", "remember",
     "remembers", "explain", "explains", "explained", "portray", "portrays", "paint",
     "paints"}
)


def _between_one(tokens: list[str], m: Mention, mentions: list[Mention]) -> bool:
    """ "the deal between Lincoln and Trumbull": one contributor and someone else, spoken
    of; "between Lincoln and Douglas" names two contributors and compares them."""
    if _before(tokens, m) != "between" or tokens[m.end : m.end + 1] != ["and"]:
        return False
    return not any(n.start in (m.end + 1, m.end + 2) for n in mentions)


def _setting_clause(tokens: list[str], mentions: list[Mention]) -> set[int]:
    """ "what did Lincoln tell Turner when Douglas asked him ...": from "when Douglas" on,
    the words set the scene; their relation words ("asked") ask for no relation."""
    named = [m for m in mentions if not m.ambiguous]
    for m in named[1:]:
        if m.start > 0 and tokens[m.start - 1] in _CLAUSE_OPENERS:
            return set(range(m.start - 1, len(tokens)))
    return set()


_SCENE_OPENERS = frozenset({"when", "once", "after", "while", "as"})
_SPEECH_WORDS = frozenset({"reply", "replies", "speech", "speeches", "rejoinder", "response",
                           "answer", "remarks", "rebuttal", "turn"})
_TALK_WORDS = frozenset({"talks", "talk", "talking", "speaks", "speak", "speaking", "discusses",
                         "discuss", "mentions", "mention", "about", "addresses", "address",
                         "brings", "bring", "raises", "raise", "turns"})


def _scene_after(tokens: list[str], in_where: set[int]) -> set[int]:
    """ "what's Lincoln's opening line when he finally gets the crowd quiet?": after the
    place asked for, a "when he ..." that says no words of talk sets the scene, no topic."""
    after = max(in_where, default=-1) + 1
    for k in range(after, len(tokens) - 1):
        if tokens[k] in _SCENE_OPENERS and tokens[k + 1] in _HIMSELF:
            rest = tokens[k:]
            if _TALK_WORDS.isdisjoint(rest) and _OPINION_VERBS.isdisjoint(rest) and (
                _SPOKEN_OF.isdisjoint(rest) and _SPEECH_WORDS.isdisjoint(rest)
                and _WHERE_WORDS.isdisjoint(rest)
            ):  # ("when he starts his reply" says which speech)
                return set(range(k, len(tokens)))
            return set()
    return set()


def _said_of(tokens: list[str], after: int, m: Mention) -> bool:
    """A verb of saying or a relation between the speaker and this mention: "does X say Y
    ...", "did X praise Y": Y is spoken of, not a second speaker ("X and Y" compares them)."""
    between = tokens[after : m.start]
    # an "and" before the verb joins the two ("X and Y say"); one after it, the people spoken
    # of ("did Douglas say he and Abe were poor")
    joined = between.index("and") if "and" in between else len(between)
    if joined < len(between) and (joined == 0 or between[joined - 1] not in _HIMSELF):
        return False  # "X says what and Y says what": two sides, side by side
    return bool(between) and any(
        t in _OPINION_VERBS or t in _SPOKEN_OF or (
            _RELATION_STEMS.get(stem(t)) not in (None, Relation.SUMMARY)  # "X praise Y"
        )
        for t in between[:joined]
    )


_HIMSELF = frozenset({"he", "she", "they", "him", "her", "himself", "herself", "themselves"})
_JOINING = frozenset({"and", "or", "nor", "vs", "versus", "v", "both", "compare", "compared",
                      "than", "either", "neither", "between"})


_TOLD_LEADS = frozenset({"so", "but", "ok", "okay", "wait", "like"})
_DESCRIBED = frozenset({"one", "last", "first", "final", "guy", "person", "speaker"})
_EACH = frozenset({"each", "same", "different", "differently", "agree", "disagree", "side",
                   "sides", "other", "them", "they", "their", "two"})


def _object_of(tokens: list[str], start: int, after: int, m: Mention) -> bool:
    """ "how long had Douglas known Lincoln?", "how did X end before Y got up?": a second
    name after the verb of a speaker asked about (after an auxiliary), with nothing that
    joins the two, is spoken of, not a second speaker to compare ("X and Y", "X vs Y")."""
    between = tokens[after : m.start]
    asked = start > 0 and tokens[start - 1] in _AUXILIARIES
    if not asked and (start == 0 or tokens[start - 1] in _TOLD_LEADS):
        # "Douglas reads out Lincoln's speech. how does he use it?", "so lincoln uses
        # douglas's own old speech against him": the one the message opens with acts on the
        # other, who is spoken of (nothing in all of it compares them)
        asked = not (set(tokens) & (COMPARE_WORDS | _EACH)) and not (
            set(tokens[start:after]) & _DESCRIBED)  # ("ok last one, what did X say": chat)
    return asked and bool(between) and not (set(between) | set(tokens[:after])) & _JOINING


def _what_about(tokens: list[str], m: Mention) -> bool:
    """ "what about X", "how about X" opening a question: X is whom it asks about."""
    i = m.start - (2 if m.start >= 1 and tokens[m.start - 1] == "the" else 1)
    if i < 1 or tokens[i] != "about":
        return False
    if tokens[i - 1] in ("what", "how") and i - 1 <= 2:
        return True
    return i >= 2 and tokens[i - 1] in ("me", "us") and tokens[i - 2] == "tell"  # "tell me about"


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

    def took_part(m: Mention) -> bool:  # ("who was 2nd up": the mention holds its "was")
        return tokens[m.start] in TOOK_PART or (
            tokens[m.start] in ("was", "is") and m.start > 0 and tokens[m.start - 1] in WHO_WORDS)

    def which_of(m: Mention) -> bool:
        return _before(tokens, m) == "of" and m.start >= 2 and tokens[m.start - 2] in WHO_WORDS

    for test in (after_auxiliary, took_part, which_of):
        for m in named:
            if test(m):
                return m
    return None


def _is_subject_position(tokens: list[str], m: Mention) -> bool:
    """'according to (the) Neier', 'from Nathan's point of view': the mention is the speaker
    (not after a word of difference: "where does Neier differ from Bequelin?")."""
    before = [t for t in tokens[max(0, m.start - 3) : m.start] if t != "the"]
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    return (prev == "to" and prev2 == "according") or (prev == "from" and prev2 not in _APART)


# words of difference before "from": "differ from X", "break away from X" name X answered
_APART = frozenset({"differ", "differs", "differed", "differing", "different", "diverge",
                    "diverges", "diverged", "depart", "departs", "departed", "away", "apart",
                    "distinct", "distance", "distances", "distanced"})


_IN_VIEW = frozenset({"view", "opinion", "eyes", "mind", "estimation", "words", "account",
                      "telling", "reading", "book", "analysis"})
# a verb of saying right after a name, inside a "who" question: "the stakeholders Hom lists"
_CLAUSE_SAYS = frozenset(
    {"says", "said", "lists", "listed", "names", "named", "mentions", "mentioned", "thinks",
     "thought", "sees", "saw", "blames", "blamed", "credits", "credited", "cites", "cited",
     "describes", "described", "calls", "called", "considers", "believes", "argues", "claims",
     "talked", "talks", "spoke", "speaks", "brought", "brings", "raised",
     "raises"}
)


# ... and with a pronoun for the one named: "who benefits, in her view?", "who does he think
# is to blame?", "who gains, according to him?" (see read: whom her words name)
_IN_THEIR_VIEW = re.compile(
    r"\b(?:in\s+(?:her|his|their)\s+(?:" + "|".join(sorted(_IN_VIEW)) + r")|"
    r"according\s+to\s+(?:her|him|them)|(?:does|did|do)\s+(?:she|he|they)\s+(?:think|say|"
    r"believe|see|reckon|claim)s?)\b", re.I)


def _in_their_view(tokens: list[str], m: Mention) -> bool:
    """ "in Rosenzweig's view", "in Hom's opinion": the mention is the one who says it."""
    before = tokens[m.start - 1] if m.start > 0 else ""
    nxt = tokens[m.end] if m.end < len(tokens) else ""
    return before == "in" and nxt in _IN_VIEW


def _says_in_clause(tokens: list[str], m: Mention) -> bool:
    """ "who are the stakeholders Hom lists?", "who does Hom say gains?" is asked after an
    auxiliary elsewhere; here a name after a noun and before a verb of saying, as the
    subject of a clause inside the question."""
    nxt = tokens[m.end] if m.end < len(tokens) else ""
    before = tokens[m.start - 1] if m.start > 0 else ""
    return nxt in _CLAUSE_SAYS and before not in _AUXILIARIES and before not in WHO_WORDS and (
        m.start >= 2)


def _owns_a_thing(tokens: list[str], m: Mention) -> bool:
    """ "defend Buchanan from Lincoln's charge": after "from", a name owning a noun that is no
    point of view; the thing is from that contributor, who is answered, not the speaker."""
    nxt = tokens[m.end] if m.end < len(tokens) else ""
    before = [t for t in tokens[max(0, m.start - 2) : m.start] if t != "the"]
    return bool(before) and before[-1] == "from" and bool(nxt) and nxt not in _NOT_TOPIC and (
        nxt not in _VIEW_WORDS and nxt not in _POINT_OF_VIEW)


_POINT_OF_VIEW = frozenset({"point", "perspective", "viewpoint", "standpoint", "side", "pov",
                            "angle", "end", "vantage"})


_REACTION = re.compile(  # "how did the Chinese government respond to this conversation?"
    r"^(?:how|what|why)\s+(?:did|does|do|has|have|would|will)\s+"
    r"(?P<who>(?:the\s+)?[a-z]+(?:\s+[a-z]+){0,2}?)\s+"
    r"(?:respond|react|reply|answer|think|feel|say)\s+(?:to|of|about)\s+(?:this|the|that)\s+"
    r"(?:\w+\s+)?(?:conversation|debate|discussion|article|exchange|series|piece|essay)s?\b",
    re.I,
)


def _unknown_subject(text: str, mentions: list[Mention], index: PositionIndex) -> str:
    """The subject of "what did X say" when X is nobody in the reading; or of "how did X
    react to this debate", an outsider's reaction to the reading, which it cannot hold."""
    if mentions:  # a contributor is named: no outsider is the subject
        return ""
    for _ in range(2):  # "@bot what did Obama say", "hey @bot, what did Obama say"
        text = _LEADING_CHAT.sub("", _LEADING_MENTION.sub("", text))
    reaction = _REACTION.match(text)
    if reaction:
        return reaction.group("who")
    m = _SUBJECT.match(text)
    if not m:
        return ""
    subject = m.group(1)
    toks = [w for w in words(subject) if CHAT_SPELLINGS.get(w, w) not in STOPWORDS]  # "u"
    if toks and any(index.correct(t)[0] not in index.content_words for t in toks):
        return subject
    return ""
