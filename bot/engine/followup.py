"""Reading a question against its conversation: the pipeline's second stage.

A question that stands on its own is answered as it is. A follow-up leans on the turn
before: a pronoun ("does he disagree with anyone?"), an ellipsis ("and Hom?", "and trade?",
"what about the fifth, on leadership?"), "who else?", "more", "why?", "got a quote?", "the
third one?". `resolve` turns it into a question the later stages can answer, and says how
it read it (`Resolved.reading_as`) so a member can see it. A change of subject ("ok, who
mentioned Tibet?") stands on its own, so the old contributor is not carried along.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from bot.engine.answering.context import WORK_WORDS
from bot.engine.answering.lists import list_points
from bot.engine.answering.names import NAMED_KINDS, PERSON_WORDS, person_named, thing_named
from bot.engine.conversation import Conversation
from bot.engine.index import Term
from bot.engine.lexicon import (
    CHAT_FILLER,
    COMPARE_WORDS,
    LAST_WORDS,
    ORDINALS,
    PERSON_NOUNS,
    RELATION_WORDS,
    STOPWORDS,
    SYNONYM_GROUPS,
    SYNONYMS,
    WHO_WORDS,
    WORLD_PERSON_NOUNS,
    Relation,
)
from bot.engine.question import BESIDES_LEADS, TOPIC_REFERENCE, Question, QuestionReader
from bot.engine.sources import Sources
from bot.engine.text import words, written_as_name


class Move(StrEnum):
    """What a question asks of the conversation."""

    ALONE = "alone"  # stands on its own
    ASK = "ask"  # read in context, then answered like any question
    QUOTE = "quote"  # the last answer again, for its quote
    MORE = "more"  # further answers to the last question
    WHY = "why"  # the reason the last answer gives
    ITEM = "item"  # the nth point of the list the last answer began
    NEXT = "next"  # what the last answer's author wrote next
    NAME = "name"  # who the contributor just answered is ("what's their name?")
    PERSONAL = "personal"  # about their life, which the reading does not tell ("how old is he?")
    PICK = "pick"  # asked of one of the contributors the last reply listed ("the second one")
    WHOM = "whom"  # whom the last answer talks about ("who were they talking about?")
    THANKS = "thanks"  # "ok thanks", "cool": no question; the context stays as it was


@dataclass(frozen=True, slots=True)
class Resolved:
    """A question as read in its conversation."""

    question: Question
    move: Move = Move.ALONE
    reading_as: str = ""  # how a follow-up was read, for the member to see
    new_topic: bool = True  # "who else" and "more" start afresh after it
    ordinal: int = 0  # for Move.ITEM: 1-based, or -1 for the last
    loose: bool = False  # the topic was carried over and may be dropped if nothing holds it
    fallbacks: tuple[Question, ...] = ()  # other readings to try, in order, if it abstains
    elaborate: bool = False  # for Move.WHY: "what did he mean?", not "why?"
    own_only: bool = False  # "did he mention X?": answered by him, or not at all
    asked: frozenset[str] = frozenset()  # with own_only: the words it asks about (not carried)
    about: str = ""  # for Move.WHY: the contributor of the last reply's answer it asks about
    onward: bool = False  # for Move.MORE: names no topic ("go on"), so reads on in the text
    of_list: bool = False  # a point of the list being read ("the one about business")


_QUOTE_CUES = frozenset(
    {"quote", "quotes", "wording", "verbatim", "source", "citation", "paragraph", "passage",
     "where", "cite", "exact", "words", "word", "para", "paragraphs", "paras", "para#",
     "line", "lines", "page", "card", "cards"}  # (a debate team's "card for that?")
)
_WHO_SAID_THAT = (["who", "said", "that"], ["who", "wrote", "that"], ["who", "says", "that"],
                  ["whose", "words", "are", "those"], ["who", "said", "this"])
_QUOTE_FILLER = frozenset(
    {"got", "a", "an", "the", "any", "on", "that", "this", "it", "pls", "please", "plz", "can",
     "i", "get", "have", "you", "give", "me", "exact", "words", "actual", "show", "where",
     "does", "say", "is", "for", "what", "were", "was", "his", "her", "their", "there", "so",
     "ok", "and", "us", "with", "of", "he", "she", "they", "him", "them", "which", "in",
     "from", "come", "comes", "did", "do", "exactly", "text", "article", "piece", "essay"}
)
_GIST = frozenset({"tldr", "tl", "dr", "gist", "summary", "summarize", "summarise", "short",
                   "version", "nutshell", "brief", "briefly", "recap"})
_INTERJECTIONS = frozenset({"wait", "hold", "hmm", "hm", "huh", "um", "uh", "oh", "ah", "ooh",
                            "nah", "wow", "ok", "okay", "so", "alright", "right"})
_ELABORATE_CUES = frozenset(
    {"mean", "meant", "meaning", "explain", "elaborate", "clarify", "unpack", "example",
     "examples", "instance", "expand", "detail", "details", "simpler", "simply"}
)
_ELABORATE_FILLER = frozenset(
    {"what", "did", "does", "do", "he", "she", "they", "by", "that", "this", "it", "can", "could",
     "you", "u", "pls", "please", "plz", "a", "an", "the", "bit", "more", "any", "for", "give",
     "me", "some", "like", "on", "is", "was", "in", "words", "other", "there", "tell", "about",
     "further", "exactly", "terms", "plain", "english", "again", "one", "of", "got", "have",
     "has", "gimme"}
)
# "on what?", "like what?" after an answer: the point it makes, spelled out
_WHAT_EXACTLY = (["on", "what"], ["about", "what"], ["like", "what"], ["with", "what"],
                 ["such", "as"], ["what", "exactly"], ["for", "what"], ["meaning"],
                 ["how", "so"], ["in", "what", "way"], ["which", "ones"],
                 ["like", "which", "ones"], ["like", "who"], ["like", "which"])
_MORE_CUES = frozenset({"more", "next", "continue", "else", "another", "other"})
_MORE_FILLER = frozenset(
    {"from", "them", "him", "her", "they", "he", "she", "did", "does", "do", "say", "said",
     "says", "have", "has", "got", "more", "next", "continue", "anything", "else", "go", "on",
     "keep", "going", "and", "what",
     "pls", "please", "tell", "me", "any", "another", "one", "other", "points", "point", "ok",
     "so", "something", "give", "show", "is", "there", "some", "that", "this", "about",
     "along", "those", "lines"}
)
_ELLIPSIS_FILLER = frozenset(
    {"and", "or", "what", "whats", "about", "how", "then", "the", "ok", "okay", "so", "also",
     "too", "of", "now", "one", "side", "same", "question", "for", "pls", "please", "re",
     "thing", "things", "topic", "point", "issue", "subject", "on",
     "again", "say", "said", "did", "does", "do", "with", "in", "is", "that", "true", "as",
     "well", "goes", "go", "holds", "hold", "apply", "applies", "from", "it", "this", "by",
     # "and Neier's take on it?", "exact words from the first guy?": a view or a quote of
     # the same topic, asked of someone else
     "take", "twist", "view", "views", "opinion", "position", "stance", "thoughts", "angle",
     "quote", "quotes", "verbatim", "exact", "wording", "words", "word", "line", "lines",
     "citation", "cite", "plz",
     # "rosenzweig said smth similar?", "compare w bequelin?", "isnt that the opposite of what
     # bequelin said": the same topic, set beside someone else's
     "similar", "smth", "something", "close", "compare", "compared", "comparison", "w",
     "opposite", "basically", "like", "isnt", "didnt", "doesnt", "wait", "but",
     "mention", "mentioned", "mentions", "those", "these", "to", "vs", "versus"}
)
# "who else used that phrase?": words that stand for the last topic, not a new one
_TOPIC_NOUNS = frozenset(
    {"phrase", "point", "idea", "argument", "line", "lines", "thing", "issue", "topic", "claim",
     "view", "term", "word", "words", "one", "same", "subject", "question"}
)
_META_VERBS = frozenset(
    {"used", "use", "uses", "using", "said", "say", "says", "mention", "mentioned", "mentions",
     "quoted", "quote", "quotes", "brought", "bring", "up", "raised", "raise", "made", "make",
     "talked", "talk", "talks", "wrote", "write", "writes", "echoed", "echo", "repeated",
     "share", "shared", "shares", "agreed", "agree", "agrees"}
)
_ELLIPSIS_OPENERS = ("and", "what about", "how about", "what of", "same for", "also",
                     "anything about", "anything on", "any mention of", "anything re",
                     "something about", "any word on", "any thoughts on")
_DETAIL_OPENERS = ("how many", "how much", "by how much", "how long", "what year", "when",
                   "in what year", "in which year", "what month", "in what month",
                   "since when", "for how long", "how long ago", "what date", "which date",
                   "how big", "how old", "which year", "where", "in which countries",
                   "which countries")
_WHY_FILLER = frozenset(
    {"matter", "matters", "bad", "good", "important", "say", "said", "bring", "brought", "up",
     "so", "really", "though", "exactly", "mention", "mentioned", "think", "believe", "that",
     "disagree", "agree", "argue", "want", "point", "problem", "wrong", "right", "care"}
)
# "framing it like that", "that kind of framing", "that whole line of reasoning": the way
# the last answer put it, named by a word for an argument
_POINTS_AT_LAST = re.compile(
    r"\b(?:like\s+(?:that|this)|that\s+(?:kind|sort|type|whole|same)\b|this\s+(?:kind|sort|type|"
    r"whole)\b|(?:that|this|such\s+an?)\s+(?:\w+\s+)?(?:framing|argument|reasoning|logic|"
    r"view|idea|claim|approach|line))", re.I)
_ARGUMENT_NOUNS = frozenset({"framing", "frame", "framed", "argument", "arguments", "reasoning",
                             "logic", "view", "idea", "claim", "approach", "line", "way",
                             "whole", "kind", "sort", "type", "thinking", "stance", "take"})
# "why is that dangerous?", "and why would it be risky": the reason for what was just shown
_WHY_THAT = re.compile(r"^\W*(?:(?:and|so|but|ok|okay)\W+)*why\s+(?:is|was|would|does|did|are|"
                       r"might|could|'s)\s+(?:that|it|this)\b", re.I)
# "those groups", "these people", "that approach": what the last answer spoke of
_POINTS_BACK = re.compile(r"\b(?:those|these|such)\s+[a-z]+", re.I)
_PRONOUN = re.compile(
    r"\b(he|she|they|him|her|them|his|hers|their|theirs|"
    r"(?:the|that|this)\s+(?:guy|person|woman|man|lady|author|writer)(?!\s+(?:who|that|after|"
    r"before|between|right|just)\b))\b",
    re.I,
)
_EXISTENCE = re.compile(
    r"\W*(?:\w+\W+){0,2}?(?:did|does|do|has|have|had)\s+(?:he|she|they|him|her|them|the\s+\w+|"
    r"any\s+of\s+them|either\s+of\s+them)"
    r"\s+(?:ever\s+|even\s+|actually\s+|also\s+)?(?:say|said|mention|talk|bring|give|gave|name|"
    r"discuss|cite|offer|list|provide|address|touch|raise|get\s+into|go\s+into|bring\s+up)\b",
    re.I,
)
_SUBJECT = re.compile(r"\b(he|she|they)\b", re.I)
_OBJECT = re.compile(r"\b(him|her|them)\b", re.I)
_ANSWER_THAT = re.compile(r"\b(?:answer|answered|answers|reply|replied|respond|responded|"
                          r"back)\s+(?:to\s+)?(?:that|this|it)\b", re.I)
# ("everyone before them" is read as "everyone earlier" already: see question._ALL_BEFORE)
_OTHERS_BESIDE = re.compile(r"\b(?:people|ppl|others|the\s+rest|folks)\s+(?:\w+\s+)?"
                            r"(?:before|after)\s+(?:him|her|them)\b", re.I)
_PRONOUN_WORDS = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their",
                            "theirs"})
# "whats the point of that comparison?", "what was the purpose of saying that": why the one
# just quoted says it
_POINT_OF_IT = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|but|hmm|wait)\b[\s,]*)*what(?:'?s|\s+is|\s+was)\s+the\s+"
    r"(?:point|purpose)\s+of\s+(?:that|this|it|saying\s+(?:that|this|it)|bringing\s+"
    r"(?:that|this|it)\s+up|the\s+(?:comparison|example|analogy))\b(?:\s+\w+)?\W*$",
    re.I)
_WHY_PHRASE = re.compile(
    r"(?:on\s+what\s+(?:grounds?|basis)|what\s+grounds|to\s+what\s+end|for\s+what\s+"
    r"(?:reason|purpose)|what\s+for|how\s+so)\b"
)
_BUY_WORDS = frozenset({"buy", "buys", "buying", "bought"})
_BUYS = re.compile(r"\b(?:buy|buys|buying|bought)\s+(?:it|that|this)\b", re.I)
_WHY_LAST_WORDS = 6  # "and thats bad why": a short message that ends on "why"
# (with a debate team's "warrant?", the reason a claim rests on)
_REASON_WORDS = frozenset({"reason", "reasons", "reasoning", "rationale", "justification",
                           "warrant", "warrants"})
_POSSESSIVE = frozenset({"his", "hers", "their", "theirs"})
_PAIR = re.compile(r"\b(both of them|the two of them|them both|they both|those two|these two|"
                   r"the pair of them|the pair|the two|both)\b", re.I)
_TARGETED = (Relation.AGREE, Relation.DISAGREE, Relation.CRITIQUE, Relation.RESPOND,
             Relation.CONCEDE)
_ITEM_NOUNS = frozenset({"one", "key", "keys", "reason", "reasons", "point", "points", "item",
                         "step", "steps", "thing", "argument", "benefit", "example", "measure",
                         "measures", "suggestion", "suggestions", "idea", "recommendation",
                         "priority", "proposal", "factor"})
_SAID = {
    Relation.ANY: "said something", Relation.AGREE: "agreed with",
    Relation.DISAGREE: "disagreed with", Relation.RECOMMEND: "recommended something",
    Relation.CONCERN: "worried", Relation.CRITIQUE: "criticised",
    Relation.CONCEDE: "conceded something", Relation.SUMMARY: "argued",
    Relation.RESPOND: "responded to",
}
_SAY = {
    Relation.ANY: "say", Relation.AGREE: "agree with", Relation.DISAGREE: "disagree with",
    Relation.RECOMMEND: "recommend", Relation.CONCERN: "worry about",
    Relation.CRITIQUE: "criticise", Relation.CONCEDE: "concede",
    Relation.SUMMARY: "argue, in the main", Relation.RESPOND: "respond to",
}


def resolve(
    reader: QuestionReader, q: Question, conv: Conversation | None, src: Sources
) -> Resolved:
    """Read `q` in the light of `conv` (which this does not change)."""
    if len(q.speakers) == 1 and _asks_other_works(words(q.text)):
        return Resolved(q, Move.PERSONAL, new_topic=False)  # "has Nathan written books on it?"
    if conv is None or conv.last is None or not q.text:
        return Resolved(q)
    prev = conv.last
    if PLEASANTRY.match(q.text):
        return Resolved(prev, Move.THANKS, new_topic=False)
    if _binds_pronoun(q.text) and q.terms and not _BACK_REFERENCE.intersection(
        words(q.text)
    ):  # "the guy who called himself a latecomer - what did he say ...?": "he" is that guy
        return Resolved(q)
    shift = _SUBJECT_CHANGE.match(q.text)
    if shift and shift.end() < len(q.text):
        # "totally different q: who ...", "ok switching topics - what ...": the question
        # after the announcement, whose words ("different") are no relation or topic; with
        # no "he" or "they" in it, it stands alone ("changing the subject - what's said
        # about Hong Kong consulates?" carries neither the last topic nor its contributor)
        q = reader.read(q.text[shift.end():])
        if (not _PRONOUN_WORDS.intersection(words(q.text)) or _binds_pronoun(q.text)) and (
            q.terms or q.speakers
        ):
            return Resolved(q)
    in_order = _WHO_IN_ORDER.match(q.text) or _PLACED_IN_ORDER.match(q.text)
    if in_order and in_order.re is _PLACED_IN_ORDER and (in_order.group(2) or "that").lower(
    ).startswith("that") and (prev.where >= 0 or prev.terms):
        in_order = None  # "and after that?" after a point: the next point, unless the last
        # question asked who stands where ("and the one before him?", then "and before that?")
    if in_order and conv.focus:
        side = "after" if in_order.group(1).lower() in ("after", "next") else "before"
        name = src.reading.contributor(_by_pronoun(q.text, conv, src)[0]).name
        placed = f"who wrote right {side} {name}?"
        return Resolved(reader.read(placed), Move.ASK, placed)
    if _WHO_DOES.match(q.text):  # "who does then?" after "X doesn't say": who else does
        q = reader.read("who else?")
    opening = _OPENING_NOISE.match(q.text)
    if opening and opening.end() < len(q.text):
        # "hmm and hom?", "wait, why?": the follow-up after its interjection, which is no
        # topic word
        q = reader.read(q.text[opening.end():])
    q = _without_quote_ask(q)
    if _POINTS_AT_LAST.search(q.text) and q.terms and all(
        t.word in _ARGUMENT_NOUNS for t in q.terms
    ) and conv.focus and q.who and q.relation is not Relation.ANY and not q.targets:
        # "did anyone push back on framing it like that?": on the way the one just quoted
        # argues, not on the detail last asked
        return _asked(src, dataclasses.replace(q, terms=(), pairs=frozenset(), phrase="",
                                               targets=conv.focus[:1]), new_topic=False)
    among = _which_of_them(reader, q, conv, src)
    if among is not None:
        return among
    contrary = _the_opposite(q, conv, src)
    if contrary is not None:
        return contrary
    toks = words(q.text)
    if _besides_them(q, toks, conv):  # "anyone besides him ...": him by name
        name = src.reading.contributor(conv.focus[0]).name
        q = reader.read(_BESIDES_PRONOUN.sub(lambda m: f"{m.group(1)} {name}", q.text, count=1))
        toks = words(q.text)
    besides = q.excluded or _besides(q, toks, src)  # (the reader sets aside those it names)
    if besides:  # "who else besides Bequelin mentions it?": Bequelin is no target
        q = dataclasses.replace(
            q, targets=tuple(t for t in q.targets if t not in besides),
            speakers=tuple(t for t in q.speakers if t not in besides), who=True,
            terms=tuple(t for t in q.terms if t.word not in _BESIDES))
    mentioned = bool(q.speakers or q.targets or q.ambiguous)
    toks = [t for t in toks if t not in CHAT_FILLER and t not in _INTERJECTIONS] or toks
    spoken_of = _name_of_topic(toks, prev) or _person_of_topic(q.text, prev)
    if not mentioned and conv.focus and spoken_of:  # "what's the laureate's name again?"
        return Resolved(prev, Move.NAME, new_topic=False, asked=frozenset({spoken_of}))
    if not mentioned and conv.focus and _asks_name(toks):
        return Resolved(prev, Move.NAME, new_topic=False)
    if not mentioned and conv.focus and _WHOM.match(q.text):
        return Resolved(prev, Move.WHOM, "whom does the passage shown answer?", new_topic=False)
    if not mentioned and conv.focus and _asks_personal(toks):
        return Resolved(prev, Move.PERSONAL, new_topic=False)
    if not mentioned and (
        _only(toks, _QUOTE_FILLER | _QUOTE_CUES, _QUOTE_CUES) or toks in _WHO_SAID_THAT
        or (_QUOTE_ASKS & set(toks) and _said_of_last(toks, conv))
    ):
        return Resolved(prev, Move.QUOTE, new_topic=False)
    unnamed = _named_as_shown(q, toks, conv, src)
    if unnamed and _only(unnamed, _QUOTE_FILLER | _QUOTE_CUES, _QUOTE_ASKS | {"quote", "quotes"}):
        # "what exactly does Neier quote from Bequelin there?" after Neier's answer to him:
        # the passage shown, named by its author (and whom it answers)
        return Resolved(prev, Move.QUOTE, new_topic=False)
    if not mentioned and _only(toks, _QUOTE_FILLER | _GIST, _GIST):
        # "tldr?", "the gist?": the last answer again, whose summary is the short version
        return Resolved(prev, Move.QUOTE, new_topic=False)
    if not mentioned and (
        _only(toks, _ELABORATE_FILLER | _ELABORATE_CUES, _ELABORATE_CUES)
        or toks in _WHAT_EXACTLY or [t for t in toks if t not in _EMPHASIS] in _WHAT_EXACTLY
        or toks in (["how", "exactly"], ["how", "specifically"])  # ("like what exactly")
    ):
        # "what did he mean by that?", "can u elaborate", "any examples?"
        return Resolved(prev, Move.WHY, _describe(src, prev, "more on: "), new_topic=False,
                        elaborate=True)
    if not mentioned and not _detail(q.text) and _which_of_shown(toks, conv):
        thing = [t for t in thing_named(q.text).split()[-1:] if t in NAMED_KINDS]
        if thing and conv.focus:  # "which internet companies tho": the passage's own words
            # for them; the names, if it gives any
            return Resolved(prev, Move.NAME, new_topic=False, asked=frozenset(thing))
        # "on what issues tho?", "which jobs?": named in the passage just shown
        return Resolved(prev, Move.QUOTE, new_topic=False)
    if not mentioned and conv.focus and _which_things(toks):
        # "like which industries?": the things the one just quoted names, not anyone's
        return _on_focus(src, dataclasses.replace(q, who=False), prev, conv)
    if [t for t in toks if t not in _NEXT_FILLER and (mentioned or t not in _SAID_NEXT)] in (
        ["after", "that"], ["then"], ["next"], ["then", "what"], ["after", "this"], ["after"],
        ["after", "it"], ["then", "next"],
    ) and toks != ["next"]:  # "and after that?", "the one after?": what the author wrote next
        return _next(src, prev, conv)
    if not mentioned and "next" in toks and all(
        t in _NEXT_FILLER or t in _ITEM_NOUNS or t == "next" for t in toks
    ) and any(t in _ITEM_NOUNS - {"one"} for t in toks):  # "ok and the next reason?"
        return _next(src, prev, conv)
    if (not mentioned and _only(toks, _MORE_FILLER, _MORE_CUES - {"else", "other"})) or (
        toks in (["anything", "else"], ["what", "else"], ["keep", "going"], ["go", "on"],
                 ["carry", "on"], ["keep", "on"], ["and"], ["and", "then"], ["but"],
                 ["and", "so"])  # ("and?", "but?": go on)
    ):
        if conv.item > 0 and "else" not in toks:  # "next one pls" after "the first key"
            return _next(src, prev, conv)
        more = dataclasses.replace(prev, skip=conv.shown)
        return Resolved(more, Move.MORE, _describe(src, prev, "more on: "), new_topic=False,
                        onward=not _refers_to_topic(toks))
    if not mentioned and conv.focus and toks[:1] in (["just"], ["only"]) and (
        1 < len(toks) <= 4 and q.known_terms and not q.relations
    ):  # "just americans?" after "who said we'd all feel safer ...": of that answer
        return _on_focus(src, dataclasses.replace(q, who=False), prev, conv)
    own_toks = [t for t in toks if t not in _PRONOUN_WORDS]
    that_one = _that_person(q, conv, src)
    listed = _one_of_the_list(q, conv, src) or that_one
    if listed is not None:  # "what did the second one say?" after "who talked about X?"
        q = dataclasses.replace(q, speakers=(listed,), ambiguous=(), who=False, compare=False,
                                targets=tuple(t for t in q.targets if t != listed))
        mentioned = True
        if not q.known_terms and not q.relations:  # on the same topic
            asked = _other_person(prev, q)
            if that_one:  # "what does that person say?": not what they disagree with
                asked = dataclasses.replace(asked, relations=(), targets=())
                return _asked(src, asked, new_topic=False, loose=True)
            return dataclasses.replace(_asked(src, asked, new_topic=False, loose=True),
                                       move=Move.PICK)
    next_one = _NEXT_PERSON.search(q.text)
    if next_one and conv.focus and not (q.speakers or q.targets):
        # "what did the next guy say about that?": the contributor after the one just answered
        name = src.reading.contributor(conv.focus[0]).name
        q = reader.read(_NEXT_PERSON.sub(f"the {next_one.group(2)} after {name}", q.text,
                                         count=1))
        mentioned = bool(q.speakers or q.targets or q.ambiguous)
        toks = [t for t in words(q.text) if t not in CHAT_FILLER]
    q2, changed = _with_pronouns(reader, q, conv, src)
    if changed and any(t.word in _VAGUE for t in q2.terms):
        # "do they praise anyone specific?": "specific" asks for a name, it is no topic
        q2 = dataclasses.replace(q2, terms=tuple(t for t in q2.terms if t.word not in _VAGUE))
    if "next" in toks and not (set(q2.speakers) - set(conv.focus)) and not [
        t for t in q2.terms if (t.known or t.focus) and t.word != "next"
        and t.word not in _LIST_WORDS | _ITEM_NOUNS
    ]:  # "what did she say next?", "what's the next point on his list?"
        return _next(src, prev, conv)
    if any(t.focus and not t.known and not t.frame for t in q2.terms):
        # "did she say anything about Taiwan?": a topic the text never names is asked as such
        return _asked(src, q2, new_topic=True)
    if (q2.targets or q2.speakers) and not changed and _LEAD.sub(
        "", q2.text.lower()
    ).startswith(("what about", "how about")):
        # "what about the fifth, on leadership?": the one asked about next, as a speaker
        speakers = q2.speakers or q2.targets
        q2 = dataclasses.replace(
            q2, speakers=speakers, targets=tuple(t for t in q2.targets if t not in speakers),
            who=False,
        )
        changed = True
    toks = words(q2.text)
    lead = _after_lead(toks)  # "and why?", "ok so why": the question after its opening words
    reason = bool(_REASON_WORDS & set(toks)) and (
        toks[:1] in (["what"], ["whats"], ["and"])  # "what was his reason?", "reasoning?"
        or all(t in _REASON_WORDS | _ELABORATE_FILLER | _PRONOUN_WORDS for t in lead))
    point_of_it = _POINT_OF_IT.match(q2.text)
    # "on what grounds?", "to what end?", "how so?", "and that's bad why?": a why
    why_phrase = _WHY_PHRASE.match(" ".join(lead))
    why_last = toks[-1:] == ["why"] and len(toks) <= _WHY_LAST_WORDS
    if (lead[:1] in (["why"], ["whys"]) or lead[:2] == ["how", "come"] or reason or point_of_it
            or why_phrase or why_last or lead in (["impact"], ["impacts"])
            or [t for t in lead if t not in _EMPHASIS] == ["how"]):
        # ("impact?": why it matters, in a debate team's words; "how tho?": how so)
        phrase = set(why_phrase.group(0).split()) if why_phrase else set()
        own = [] if point_of_it else [
            t for t in q2.terms if t.known and t.word not in _WHY_FILLER
            and t.word not in _REASON_WORDS and t.word != "whys" and t.word not in phrase]
        same = not (q2.speakers and set(q2.speakers) - set(conv.focus))
        if same and (not own or _said_of_last([t.word for t in own], conv) or (
            not mentioned and (_POINTS_BACK.search(q2.text) or _WHY_THAT.match(q2.text))
        )):  # "why?", "why does he say it's impossible?" (words of the last answer), "why
            # would those groups be pushing?" (those of the last answer)
            return Resolved(prev, Move.WHY, _describe(src, prev, "why, on: "), new_topic=False)
        in_list = [a.contributor_id for a in conv.reply.answers[1:]] if conv.reply else []
        if len(q2.speakers) == 1 and q2.speakers[0] in in_list and (
            not own or _said_of_last([t.word for t in own], conv)
        ):  # "why does Neier think so?" after a list that has Neier in it: his reason
            return Resolved(prev, Move.WHY, _describe(src, prev, "why, on: "), new_topic=False,
                            about=q2.speakers[0])
        if not mentioned and not changed and conv.focus:
            # "why should the US care about that?": asked of the one just quoted
            return _on_focus(src, q2, prev, conv)
    if not mentioned and not changed and conv.focus and _QUOTE_ASKS & set(toks) and not (
        set(toks) & WHO_WORDS
    ):  # "what did China admit, exact words": the same contributor's words on it
        return _on_focus(src, q2, prev, conv)
    if conv.move in (Move.ITEM, Move.NEXT) and conv.focus and not mentioned and (
        _ONE_ABOUT.search(q2.text) and q2.known_terms
    ):  # "skip to the one about business" after a point of a list: that point of theirs
        topic = tuple(t for t in q2.known_terms if t.word not in _LIST_WORDS | _ITEM_NOUNS)
        if topic:
            return dataclasses.replace(_asked(src, dataclasses.replace(
                q2, terms=topic, speakers=conv.focus[:1], who=False, compare=False),
                new_topic=False), of_list=True)
    item = _ordinal_item(own_toks, conv, _opens_list(src, conv))
    if item:
        return Resolved(prev, Move.ITEM, f"point {item if item > 0 else 'last'} of: "
                        + _describe(src, _owner(prev, conv)), new_topic=False, ordinal=item)
    if not mentioned and _bare_ordinal(toks):
        q2 = reader.read(q.text.rstrip("?!. ") + " contributor")  # "second?" after "who went first"
        changed = True
    order = _order_words(q2, toks)
    if order:
        q2 = dataclasses.replace(q2, terms=tuple(t for t in q2.terms if t.word not in order))
    rest = _rest(q2, toks, src)
    # "any other people who think that?", "which other contributors ...?"
    other_people = {b for a, b in pairwise(toks)
                    if a in ("other", "another") and b in _OTHER_PEOPLE} if set(
                        toks) & WHO_WORDS else set()
    if other_people:
        q2 = dataclasses.replace(
            q2, terms=tuple(t for t in q2.terms if t.word not in other_people))
    others = "others" in toks or ("everyone" in toks and "else" in toks) or bool(other_people)
    if (("else" in toks or besides) and any(t in WHO_WORDS for t in toks)) or (
        others and not q2.speakers
    ):
        if _BUYS.search(q2.text):  # "anybody else on the panel buy it?": who else agrees
            q2 = dataclasses.replace(q2, relations=(Relation.AGREE,), terms=tuple(
                t for t in q2.terms if t.word not in _BUY_WORDS))
        new = bool(q2.known_terms) and not (_refers_to_topic(toks) and _only_meta(q2))
        plain = _plain_terms(q2)
        terms = plain if new else prev.terms
        whom = q2.targets or (() if new else prev.targets)
        relations = q2.relations or prev.relations
        if not whom and relations[:1] == (Relation.AGREE,) and len(conv.focus) == 1 and (
            not new
        ):  # "anyone else agree?" after one contributor's point: agrees with him
            whom = tuple(conv.focus)
        # "who else ...?" on the same topic: besides all answered on it; on a new one ("anyone
        # else push back on the national interest framing?"): besides the one just discussed
        new_topic = new and {t.own for t in q2.known_terms} != {t.own for t in prev.terms}
        excluded = [c for c in (conv.focus if new_topic else conv.answered) if c not in whom]
        excluded += [c for c in besides if c not in excluded]
        if relations and relations[0] in (Relation.DISAGREE, Relation.CRITIQUE):
            # "anyone else push back on that?": not the one pushed back on
            excluded += [c for c in prev.targets if c not in whom and c not in excluded]
        asked = dataclasses.replace(
            q2, who=True, speakers=(), compare=False,
            terms=terms, pairs=q2.pairs if new else prev.pairs,
            relations=relations, targets=whom, excluded=tuple(excluded),
        )
        if new and _refers_to_topic(toks):
            # "who else says the Chinese people themselves drive it?": its own words on the
            # last topic, "it"
            both = _carry_topic(asked, prev)
            return _asked(src, both, new_topic=False, fallbacks=(asked,))
        return _asked(src, asked, new_topic=False)
    refers = _refers_to_topic(toks)
    if ("else" in toks or "other" in toks) and q2.speakers:
        if set(q2.speakers) <= set(conv.focus) and not q2.terms:
            # "ok what else did they say": more of theirs, not the same again
            more = dataclasses.replace(q2, skip=conv.shown)
            return Resolved(more, Move.MORE, _describe(src, q2, "more on: "), new_topic=False)
        if set(q2.speakers) <= set(conv.focus) and refers and all(
            t.word in _MORE_FILLER | _TOPIC_NOUNS for t in q2.terms
        ):  # "anything else he said along those lines": more of theirs on the last topic
            more = dataclasses.replace(prev, skip=conv.shown)
            return Resolved(more, Move.MORE, _describe(src, prev, "more on: "), new_topic=False)
        if not q2.known_terms and (refers or q2.terms):
            q2 = _carry_topic(q2, prev)
        q2 = dataclasses.replace(q2, skip=conv.shown)
        tries = (q2, *_carried(q2, prev))
        # "what other problems did she list": the position shown may hold the rest of its list
        again = tuple(dataclasses.replace(t, skip=frozenset()) for t in tries)
        return _asked(src, q2, new_topic=False, fallbacks=tries[1:] + again)
    if q2.who and q2.relation in _TARGETED and not q2.targets and not q2.known_terms:
        # "who disagrees with Bequelin on that?" then "and who agrees?": with Bequelin still
        parallel = prev.who and prev.targets and prev.relation in _TARGETED
        asked = dataclasses.replace(q2, targets=prev.targets if parallel else conv.focus)
        if (refers or prev.phrase or prev.known_terms) and conv.move != Move.ITEM:
            # "who agreed (with that)?" after one statement; "does anyone disagree?" after
            # "who thinks the US should set an example?": on that topic first (any topic
            # after, as the reading is loose); after one point of a list, whose words are
            # not the list question's ("his list of steps"), on its author
            asked = _carry_topic(asked, prev)
        return _asked(src, asked, new_topic=False, loose=True)
    if changed and q2.where and not q2.terms and not refers:
        # "what's his closing point then?": where his piece ends, whatever was asked before
        return _asked(src, q2, new_topic=False)
    if (q2.speakers or q2.targets) and not rest and not q2.phrase:
        return _asked(src, _other_person(prev, q2), new_topic=False, loose=True)
    if (changed or (not mentioned and conv.focus)) and q2.terms and all(
        t.word in _DETAIL_NOUNS for t in q2.terms
    ):
        # "what numbers did they give?", "any figures?": details of the last answer's topic,
        # not a topic of their own
        base = q2 if changed else dataclasses.replace(
            q2, speakers=conv.focus[:1], who=False, compare=False)
        return _asked(src, _carry_topic(base, prev, keep_own=True), new_topic=False,
                      fallbacks=(base,))
    if not (q2.speakers or q2.targets) and not q2.relations and _elliptic(q2.text, rest):
        detail = _asked(src, _other_topic(prev, q2, conv), new_topic=False)
        if _detail(q2.text) and any(not t.known for t in q2.terms):
            return dataclasses.replace(  # "how many people died?"
                detail, own_only=True, asked=frozenset(t.word for t in q2.terms))
        return detail
    if not mentioned and not changed and conv.focus and _detail(q2.text) and any(
        not t.known and not t.frame for t in q2.terms
    ):  # "and how many people actually died on june 4?" in a text that never says "died":
        # a detail of the last answer's topic, which the one just quoted does not give
        return dataclasses.replace(
            _asked(src, _other_topic(prev, q2, conv), new_topic=False), own_only=True,
            asked=frozenset(t.word for t in q2.terms if not t.known and not t.frame))
    if changed and _detail(q.text) and not any(t.focus and not t.known for t in q2.terms):
        # "where is he held?", "how long did she say it lasted?": a detail of the last
        # answer's topic, asked with words of its own
        detail = _asked(src, _carry_topic(q2, prev, keep_own=True), new_topic=False,
                        fallbacks=(q2,))
        lacking = frozenset(t.word for t in q2.terms
                            if (not t.known and not t.frame) or t.gloss)
        if lacking:  # "how many people died?" in a text that never says "died"
            return dataclasses.replace(detail, own_only=True, asked=lacking)
        return detail
    if changed and q2.terms and not refers and _EXISTENCE.match(q.text):
        # "did he give numbers on aid?", "did they mention the Security Council?": asked of
        # its own words only; the last topic does not stand in for what it asks about
        return dataclasses.replace(_asked(src, q2, new_topic=True), own_only=True,
                                   asked=frozenset(t.word for t in q2.terms))
    if changed and not q2.known_terms and any(
        not t.known and (t.focus or written_as_name(q.text, t.word, mid_sentence=True))
        for t in q2.terms
    ):
        # "did she say anything about Taiwan?": a name the text never uses is not carried
        # over into the last topic; asked as it stands, it gets an honest "never mentions"
        return _asked(src, q2, new_topic=True)
    if q2.compare and len(q2.speakers) == 2 and q2.relations[:1] == (Relation.DISAGREE,) and (
        not q2.known_terms and not q2.targets and prev.terms
        and _DIFFER.intersection(words(q2.text))
    ):  # "ok so how do the two differ": the two side by side on the last topic
        side_by_side = dataclasses.replace(q2, relations=())
        return _asked(src, _carry_topic(side_by_side, prev), new_topic=False,
                      fallbacks=(q2,))
    named = set(q.speakers + q.targets)
    if changed and q2.targets and not q2.terms and not refers and (
        set(q2.targets) <= named or _ORDER_WORDS.intersection(toks)
    ):  # ("what did he say about the ppl before him?": those before him, named by order)
        # "do they mention Neier?": what they say of the one named, on any topic
        return _asked(src, q2, new_topic=False, fallbacks=(_carry_topic(q2, prev),))
    if changed and (refers or (not q2.known_terms and (q2.terms or not q2.relations))):
        return _asked(src, _carry_topic(q2, prev), new_topic=False)
    if changed:
        return _asked(src, q2, new_topic=bool(q2.known_terms), fallbacks=_carried(q2, prev))
    if prev.terms and (q2.speakers or q2.targets) and _LIKE_THAT.search(q2.text):
        # "did bequelin list stuff like that too?": the last topic, in the words of this one
        like = _carry_topic(q2, prev)
        like = dataclasses.replace(like, terms=tuple(t for t in like.terms
                                                     if t.word not in _LIKE_WORDS))
        return _asked(src, like, new_topic=False, fallbacks=(q2,))
    if refers and prev.terms and (not q2.known_terms or all(
        t.word in _FAULT_WORDS for t in q2.known_terms
    )):  # "what did Nathan say about it?", "what's wrong with it according to him?"
        return _asked(src, _carry_topic(q2, prev), new_topic=False)
    if _goes_on_with_focus(q, conv) and not mentioned:
        # "so what should the US do with that?", "what should other countries do": a question
        # that names no one, asked in the words of the reading, goes on with the one just
        # quoted (their words first, then anyone's)
        return _on_focus(src, q, prev, conv)
    return Resolved(q)


_OTHER_PEOPLE = PERSON_NOUNS | {"people", "ones", "folks", "writers", "scholars", "experts"}
_VAGUE = frozenset({"specific", "particular", "specifically", "particularly", "exactly",
                    "precisely", "concretely"})
# what a member may ask the last answer's topic for, rather than a topic of its own
_DETAIL_NOUNS = frozenset(
    {"numbers", "number", "figures", "figure", "statistics", "stats", "data", "examples",
     "example", "dates", "date", "years", "names", "details", "detail", "specifics",
     "evidence", "facts", "percentages", "percentage", "cases", "instances"}
)
_NEXT_FILLER = frozenset({"and", "what", "so", "ok", "the", "one", "point", "pls", "please",
                          "comes", "came", "about"})
_QUOTE_ASKS = frozenset({"exact", "verbatim", "quote", "wording", "word-for-word"})
# "what did she say right after that?": the saying and the one who said it, around "after"
_SAID_NEXT = _PRONOUN_WORDS | frozenset(
    {"did", "does", "do", "say", "said", "says", "write", "wrote", "writes", "go", "goes",
     "went", "on", "to", "right", "just", "immediately", "directly", "straight"})


_NAME_ASKS = ({"name"}, {"named"}, {"called"}, {"identity"}, {"work"}, {"works"}, {"affiliation"},
              {"affiliated"}, {"job"}, {"organization"}, {"organisation"}, {"employer"})


_NAME_WORDS = frozenset().union(*_NAME_ASKS) | {"real", "full", "actual"} | WORK_WORDS


def _asks_name(toks: list[str]) -> bool:
    """ "what's their name tho", "is the guy named?", "where does she work": the name (and
    affiliation) of the one just answered (only these words, a pronoun and filler)."""
    if "whose" in toks:  # "whose job is it then": whose responsibility, not where one works
        return False
    rest = _beyond_filler(toks) - _NAME_ASIDE  # ("..., it doesnt say?": an aside)
    return bool(rest) and rest <= _NAME_WORDS  # ("what organisation does she work for?")


# a member's aside on a name asked: "whats his name, it doesnt say?", "it's not on my copy"
_NAME_ASIDE = frozenset({"btw", "doesnt", "dont", "say", "says", "copy", "printout", "listed",
                         "anywhere", "cant", "find", "not", "see", "person", "guy", "lady"})


def _beyond_filler(toks: list[str]) -> set[str]:
    """The words of a short follow-up besides filler, pronouns and requests ("can u tell me
    their name tho" -> {"name"})."""
    return {t for t in toks if t not in _ELABORATE_FILLER and t not in _PRONOUN_WORDS
            and t not in STOPWORDS and t not in _REQUEST_WORDS}


def _name_of_topic(toks: list[str], prev: Question) -> str:
    """ "what's the laureate's name again?" after a question on the laureate: the word for
    the one whose name is asked, a topic word of the last question ("" if not so asked)."""
    rest = _beyond_filler(toks) - _EMPHASIS - {"again", "btw", "doesnt", "say", "says", "give",
                                               "gives"}
    if "name" not in rest or len(rest) != 2:
        return ""
    (word,) = rest - {"name"}
    return word if word in {t.word for t in prev.terms} else ""


def _person_of_topic(text: str, prev: Question) -> str:
    """ "whats the laureates name", "who's the nobel laureate he's talking about?", "the guy's
    name?" after a question on the laureate: the topic word for that person ("" if not so)."""
    asked = person_named(text)
    said = [t.word for t in prev.terms]
    if asked in said:
        return asked
    if asked and asked not in WORLD_PERSON_NOUNS:  # "the guy", "that person": the one asked of
        return next((w for w in said if w in WORLD_PERSON_NOUNS), "")
    if asked and PERSON_WORDS.intersection(words(prev.text)):  # after "the prize guy"
        return asked
    return ""


_PERSONAL = frozenset({"old", "age", "born", "birthday", "married", "nationality", "hometown",
                       "religion", "religious", "salary", "citizen", "ethnicity"})


_WORKS = frozenset({"book", "books", "novel", "novels", "memoir", "memoirs", "biography"})
_WROTE = frozenset({"written", "wrote", "write", "writes", "published", "publish", "authored"})


def _asks_other_works(toks: list[str]) -> bool:
    """ "has Nathan written books on this? which ones": a contributor's other writings,
    which the reading does not list."""
    return bool(_WORKS.intersection(toks)) and bool(_WROTE.intersection(toks) or (
        {"his", "her", "their", "any"}.intersection(toks)))


def _asks_personal(toks: list[str]) -> bool:
    """ "how old is she?", "is he married?", "where was she born": their life, asked with
    a pronoun and nothing else but these words and filler."""
    if not set(toks) & _PRONOUN_WORDS:
        return False
    rest = {t for t in toks if t not in _ELABORATE_FILLER and t not in _PRONOUN_WORDS
            and t not in STOPWORDS and t not in _REQUEST_WORDS and t not in CHAT_FILLER}
    return bool(rest) and rest <= _PERSONAL | {"how", "where", "when", "himself", "herself"}


def _said_of_last(toks: list[str], conv: Conversation) -> bool:
    """ "exact list of problems pls": besides the quote words, at most two words, each of
    them (or a word like it) in the last answer's quote or summary."""
    rest = [t for t in toks if t not in _QUOTE_FILLER and t not in _QUOTE_CUES
            and t not in _QUOTE_ASKS and t not in STOPWORDS and t not in CHAT_FILLER
            and t not in ("list", "pls", "plz")]
    last = conv.reply if conv.reply is not None and conv.reply.answers else conv.cited
    if not rest or len(rest) > 2 or last is None or not last.answers:
        return False  # (after "the text doesn't say": of the answer before)
    top = last.answers[0]
    shown = set(words(f"{top.quote} {top.summary}"))
    return all(any(w in shown or w.rstrip("s") in shown or w + "s" in shown or w + "es" in shown
                   for w in _like(t)) for t in rest)


def _group_of() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        for w in group:
            out.setdefault(w, set()).update(group)
    for w, near in SYNONYMS.items():
        out.setdefault(w, set()).update(near)
    return {w: frozenset(near) for w, near in out.items()}


_WORDS_LIKE = _group_of()  # a word -> the lexicon's words like it


def _like(word: str) -> frozenset[str]:
    """The word and the lexicon's words like it ("industries": "business", "factories")."""
    return _WORDS_LIKE.get(word, frozenset()) | {word}


_WHOM = re.compile(  # "who were they talking about", "who did she quote": nothing more
    r"^\W*(?:(?:and|so|ok|okay|but|wait)\W+)*(?:who|whom)(?:"
    r"(?:['’]s|\s+(?:is|are|was|were))\s+(?:he|she|they)\s+(?:talking\s+about|referring\s+to|"
    r"quoting|responding\s+to|answering|addressing|praising|thanking|citing|replying\s+to)"
    r"|\s+(?:did|does|do)\s+(?:he|she|they)\s+(?:quote|cite|mean|refer\s+to|respond\s+to|"
    r"reply\s+to|answer|address|praise|thank|talk\s+about)"
    r"|\s+(?:he|she|they)\s+(?:quoting|citing|talking\s+about|referring\s+to|answering|"
    r"responding\s+to))(?:\s+(?:there|here|then|exactly|tho|though))?\W*$"
    # "whose proposals do they endorse?", "whose work does she praise there?"
    r"|^\W*(?:(?:and|so|ok|okay|but|wait)\W+)*whose(?:\s+\w+){1,2}\s+(?:do|does|did)\s+"
    r"(?:he|she|they)\s+(?:endorse|praise|cite|quote|criticize|criticise|reject|dispute|"
    r"agree\s+with|build\s+on|echo|answer|challenge)(?:\s+(?:there|here|then|tho|though))?\W*$",
    re.I,
)


def _named_as_shown(
    q: Question, toks: list[str], conv: Conversation, src: Sources
) -> list[str]:
    """The question's words without the names of the last answer's author and of whom it
    answers, when it names only them (and one of them); [] otherwise."""
    last = conv.reply
    named = set(q.speakers + q.targets)
    if not named or last is None or not last.answers:
        return []
    top = last.answers[0]
    shown = {top.contributor_id} | {c.id for c in src.contributors if c.name == top.target}
    if not named <= shown:
        return []
    names = {w for c in named for w in _name_words(src, c)} | {"s"}
    return [t for t in toks if t not in names]


_WHEN_WORDS = frozenset({"year", "years", "date", "dates", "month", "months", "day", "days",
                         "time", "decade", "decades", "century"})
_WHICH_LEADS = frozenset({"on", "about", "in", "for", "with", "like", "and", "so", "ok", "but"})


def _which_things(toks: list[str]) -> bool:
    """ "like which industries?", "which countries tho": "which" and a word or two that name
    things, not people."""
    rest = [t for t in toks if t not in _EMPHASIS]
    while rest and rest[0] in _WHICH_LEADS:
        rest = rest[1:]
    return len(rest) in (2, 3) and rest[0] == "which" and not any(
        t in STOPWORDS or t in _PRONOUN_WORDS or t in _WHEN_WORDS or t in PERSON_NOUNS
        or t in WORLD_PERSON_NOUNS for t in rest[1:])


def _which_of_shown(toks: list[str], conv: Conversation) -> bool:
    """ "on what issues?", "which jobs?": "what" or "which" and one or two words, each of
    them in the last answer's quote (its list names them)."""
    rest = [t for t in toks if t not in _EMPHASIS]
    while rest and rest[0] in _WHICH_LEADS:
        rest = rest[1:]
    if len(rest) not in (2, 3) or rest[0] not in ("what", "which"):
        return False
    asked = rest[1:]
    return not any(t in STOPWORDS or t in _PRONOUN_WORDS or t in _WHEN_WORDS
                   for t in asked) and _said_of_last(
        asked, conv)


def _on_focus(src: Sources, q: Question, prev: Question, conv: Conversation) -> Resolved:
    """A question that names no one, read as asked of the contributor just answered, on the
    last topic and its own words; then on its own words; then as it stands."""
    focus = conv.focus[:1]
    own = dataclasses.replace(q, speakers=focus, who=False, compare=False)
    carried = _carry_topic(own, prev, keep_own=True)
    return _asked(src, carried, new_topic=False, fallbacks=(own, q))


def _goes_on_with_focus(q: Question, conv: Conversation) -> bool:
    """Whether an unnamed follow-up reads as asked of the contributor just quoted: it asks
    no "who", no yes-or-no ("did China fix it?"), turns to no new subject ("what about X?"),
    and all its topic words are the reading's own."""
    toks = words(q.text)
    return bool(conv.focus) and not q.who and bool(q.terms) and not (
        set(toks) & WHO_WORDS) and toks[0] not in _YES_NO and not _LEAD.sub(
        "", q.text.lower()).startswith(("what about", "how about")) and all(
        t.known or t.frame for t in q.terms)


_YES_NO = frozenset({"did", "does", "do", "is", "was", "are", "were", "has", "have", "had",
                     "can", "could", "would", "will", "should", "any", "anything"})


def _owner(prev: Question, conv: Conversation) -> Question:
    """The last question as asked of the one whose list it is ("who said ...?" answered with
    a point of Bequelin's list: Bequelin's)."""
    if prev.who and not prev.speakers and conv.focus:
        return dataclasses.replace(prev, speakers=conv.focus[:1], who=False)
    return prev


_OPPOSITE = re.compile(r"\b(?:the\s+)?(?:opposite|contrary|reverse)\b", re.I)
_OPPOSITE_WORDS = frozenset({"opposite", "contrary", "reverse"})


def _the_opposite(q: Question, conv: Conversation, src: Sources) -> Resolved | None:
    """ "did anyone say the opposite, that the US should lead by example?": who else says
    what follows (the opposite is no topic); "did anyone argue the opposite?": who
    disagreed with the one just answered, on that."""
    if conv.last is None or not conv.focus or not _OPPOSITE.search(q.text):
        return None
    own = tuple(t for t in q.terms if t.word not in _OPPOSITE_WORDS)
    if len(q.speakers) == 1 and q.speakers[0] not in conv.focus and not q.targets and not any(
        t.known for t in own
    ):  # "but bequelin says the opposite no?": what the one named says on that topic
        asked = dataclasses.replace(q, terms=own, who=False)
        return _asked(src, _carry_topic(asked, conv.last), new_topic=False)
    if q.speakers:
        return None
    if not (q.who or WHO_WORDS & set(words(q.text))):
        return None
    if any(t.known for t in own):
        asked = dataclasses.replace(
            q, who=True, terms=own, excluded=tuple(dict.fromkeys(q.excluded + conv.focus[:1])),
            relations=tuple(r for r in q.relations if r is not Relation.DISAGREE))
        return _asked(src, asked, new_topic=False)
    asked = dataclasses.replace(q, who=True, terms=(), relations=(Relation.DISAGREE,),
                                targets=conv.focus[:1])
    return _asked(src, _carry_topic(asked, conv.last), new_topic=False, loose=True)


_WHICH_OF_THEM = re.compile(
    r"\b(?:which|who)\s+(?:one\s+)?of\s+(?:them|those|these|the\s+two|(?:them|those|these)"
    r"\s+two|both)\b", re.I)


def _which_of_them(
    reader: QuestionReader, q: Question, conv: Conversation, src: Sources
) -> Resolved | None:
    """ "which of them brought up Guantanamo?" after a turn about two or more: who of those
    does, on its own topic (else the last one), the others set aside."""
    m = _WHICH_OF_THEM.search(q.text)
    them = conv.focus if len(conv.focus) > 1 else conv.listed
    if m is None or len(them) < 2 or q.speakers or conv.last is None:
        return None
    asked = reader.read(q.text[:m.start()] + "who" + q.text[m.end():])
    asked = dataclasses.replace(
        asked, who=True, speakers=(), compare=False,
        excluded=tuple(c.id for c in src.contributors if c.id not in them))
    if not asked.known_terms:  # "which of them said that?": on the last topic
        asked = _carry_topic(asked, conv.last)
    plain = _describe(src, dataclasses.replace(asked, excluded=()))
    which = plain.replace("who ", f"which of {src.names(them, ' and ')} ", 1)
    return Resolved(asked, Move.ASK, which, new_topic=False)


def _next(src: Sources, prev: Question, conv: Conversation) -> Resolved:
    """What the last answer's author wrote next; after a point of a list, the point after."""
    if conv.item > 0:
        n = conv.item + 1
        return Resolved(prev, Move.NEXT, f"point {n} of: " + _describe(src, _owner(prev, conv)),
                        new_topic=False, ordinal=n)
    return Resolved(prev, Move.NEXT, _describe(src, prev, "what came next after: "),
                    new_topic=False)


# "ok thanks", "cool, got it 👍": a message that asks nothing
PLEASANTRY = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|k|cool|great|nice|perfect|awesome|neat|thanks|thank\s+you|thx|ty|"
    r"cheers|got\s+it|gotcha|makes\s+sense|interesting|lol|haha|so|much|a\s+lot|again|"
    r"that\s+helps|helpful|good)\b[\W_]*)+$",
    re.I,
)
_NEXT_PERSON = re.compile(
    r"\b(?:the\s+)?(next|following)\s+(guy|person|contributor|respondent|author|writer|"
    r"speaker|commentator|panelist|essay|post|response)\b", re.I)
_SUBJECT_CHANGE = re.compile(
    r"^\W*(?:(?:ok|okay|so|alright|and|but|also|anyway|anyways|now)\b[\s,.!-]*)*(?:(?:"
    r"(?:(?:a|totally|completely|slightly|kinda|kind\s+of|somewhat|bit\s+of\s+a)\s+)*"
    r"(?:different|diff|new|unrelated|another|separate|random)\s+"
    r"(?:q|qn|question|topic|subject|thing)"
    r"|(?:changing|switching|shifting)(?:\s+(?:the\s+)?(?:topics?|subjects?|gears|tack))?"
    r"|(?:change|switch)\s+(?:of\s+)?(?:the\s+)?(?:topics?|subjects?|gears|tack)"
    r")\s*[:,.!;-]+|on\s+(?:a|an)\s+(?:different|other|another|unrelated|separate)\s+"
    r"(?:note|topic)\b[\s,.!:;-]*)\s*", re.I,
)
# "the guy who called himself a latecomer - what did he say ...", "someone mentioned X, what
# did they say ...": a person described before the question's first pronoun, who is its "he"
_BACK_REFERENCE = frozenset({"that", "this", "it", "else", "too", "also", "again"})
_DESCRIBED = re.compile(
    r"\b(?:(?P<anyone>someone|somebody)|(?:the|that|this)\s+(?:guy|person|one|lady|woman|man|"
    r"writer|contributor|respondent|author|dude)\s+(?:who|that))\b", re.I)
_THEY = frozenset({"they", "them", "their", "theirs"})


def _binds_pronoun(text: str) -> bool:
    """Whether a question describes a person before its first pronoun, who is then that
    pronoun: "the guy who called himself a latecomer - what did he say", "someone mentioned
    X, what did they say" (but "somebody quoted his line" still leans on the last "he")."""
    m = _DESCRIBED.search(text)
    if m is None:
        return False
    before, after = set(words(text[: m.start()])), set(words(text[m.end():]))
    if before & _PRONOUN_WORDS:
        return False
    return not m.group("anyone") or bool(after & _THEY)


# "who wrote right after her?", "whos next", "and who went before him": which contributor
# stands there, asked of the one just answered; no topic of the last question comes along
_WHO_IN_ORDER = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|then|well|but|hmm|wait)\W+)*"
    r"(?:who|whos|who's|which\s+(?:one|person|contributor|writer|respondent|author|guy))"
    r"(?:\s+(?:is|was|wrote|writes|came|comes|went|goes|posted|spoke|speaks|chimed\s+in))?"
    r"(?:\s+the\s+(?:one|person|contributor|writer|respondent|author|guy)"  # "who's the one
    r"(?:\s+(?:who|that)\s+(?:wrote|came|went|spoke|posted))?)?"  # after him"
    r"(?:\s+(?:right|just|directly|immediately|straight))?(?:\s+next(?=\s+after))?"
    r"\s+(after|before|next|previous|prior\s+to)"
    r"(?:\s+(him|her|them|that\s+one|that\s+person|this\s+one|that\s+guy))?"
    r"(?:\s+(?:then|tho|though|again|pls|please))?\W*$", re.I,
)
# "and after her?", "and before that?", "the one before him?": the same, without the "who"
# (a bare "next?" asks for the next point instead)
_PLACED_IN_ORDER = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|then|well|but|hmm|wait|what\s+about|how\s+about)\W+)*"
    r"(?:(?:(?:the|that)\s+)?(?:one|person|guy|contributor|writer|respondent|author)\s+"
    r"(?:(?:who\s+)?(?:wrote|came|went|spoke|posted)\s+)?(?=(?:\w+\s+)?(?:after|before)\b)"
    r"|(?=(?:\w+\s+)?(?:after|before)\s+(?:him|her|them|that|this)\b))"
    r"(?:(?:right|just|directly|immediately|straight)\s+)?"
    r"(after|before)"
    r"(?:\s+(him|her|them|that(?:\s+one|\s+person|\s+guy)?|this\s+one))?"
    r"(?:\s+(?:then|tho|though|again|pls|please))?\W*$", re.I,
)
_OPENING_NOISE = re.compile(
    r"^\W*(?:(?:hmm+|hm+|huh|um+|uh+|oh+|ah+|ooh|wow|wait|alright|okay|ok)\b[\s,.!:;-]*)+", re.I
)
_LEAD = re.compile(r"^(?:(?:and|ok|okay|so|but|also|well|hmm|wait)[\s,]+)+")
_LEAD_WORDS = frozenset({"and", "ok", "okay", "so", "but", "also", "well", "hmm", "wait"})
_NTH_OF_LIST = re.compile(
    # not "the last one": members mean the reading's last contributor by it
    r"\b(?:the\s+)?(first|second|third|fourth|other)\s+(?:one|person|guy|of\s+them)\b",
    re.I,
)
_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "former": 0, "earlier": 0,
        "latter": -1, "later": -1}
# "per the later of the two", "the latter": of the two just listed, the one further on
_OF_THE_TWO = re.compile(
    r"\bthe\s+(former|latter|earlier|later)(?:\s+(?:one|of\s+(?:the|those|these|them)"
    r"(?:\s+two)?|of\s+them))?\b(?!\s+(?:part|half|paragraphs?|pieces?|points?|in|on))", re.I)


def _after_lead(toks: list[str]) -> list[str]:
    """The words after an opening "and", "ok so", "but" ..."""
    i = 0
    while i < len(toks) - 1 and toks[i] in _LEAD_WORDS:
        i += 1
    return toks[i:]


def _one_of_the_list(q: Question, conv: Conversation, src: Sources) -> str | None:
    """The contributor "the second one" / "the other one" / "the later of the two" means
    when the last reply listed several ("who talked about Abu Ghraib?" -> Bequelin, Neier);
    None otherwise."""
    last = conv.reply
    m = _NTH_OF_LIST.search(q.text) or _OF_THE_TWO.search(q.text)
    picked = conv.move == Move.PICK
    bare = _BARE_NTH.match(q.text) if picked else None  # "and the third?" after "the second one"
    found = m or bare
    if found is None or last is None:
        return None
    listed = list(dict.fromkeys(a.contributor_id for a in last.answers))
    if len(listed) < 2 and picked:
        listed = list(conv.listed)
    if len(listed) < 2:
        return None
    word = found.group(1).lower()
    if word == "other":
        others = [c for c in listed if c not in conv.focus[:1]] if len(listed) == 2 else []
        return others[0] if len(others) == 1 else None
    if word in ("earlier", "later"):  # in the text's order, not the list's
        listed.sort(key=lambda c: src.reading.contributor(c).order)
    n = _NTH[word]
    return listed[n] if n < len(listed) else None


_BARE_NTH = re.compile(r"^\W*(?:and\s+|what\s+about\s+|ok\s+)?(?:the\s+)?(first|second|third|"
                       r"fourth|other)(?:\s+one)?\W*$", re.I)
_THAT_PERSON = re.compile(
    r"\b(?:that|this)\s+(?:person|guy|one|contributor|respondent|author|writer|woman|man)\b",
    re.I,
)


def _that_person(q: Question, conv: Conversation, src: Sources) -> str | None:
    """ "what does that person say?" after "who is he disagreeing with?": the contributor the
    last answer responds to; None when it responds to nobody or the question names someone."""
    last = conv.reply
    if q.speakers or last is None or not last.answers or not _THAT_PERSON.search(q.text):
        return None
    target = last.answers[0].target
    return next((c.id for c in src.contributors if c.name == target), None)


def _refers_to_topic(toks: list[str]) -> bool:
    """ "what did he connect THAT to", "does he see IT as good": a word standing for the last
    topic (not "that" as in "said that ...", which a content word follows)."""
    for i, tok in enumerate(toks):
        if i and toks[i - 1] == "into" and tok in ("it", "this", "that"):
            continue  # "haul business into it": the discussion, not the last topic
        if tok == "it" or (tok in TOPIC_REFERENCE and (
            i + 1 == len(toks) or toks[i + 1] in STOPWORDS or toks[i + 1] in _TOPIC_NOUNS
        )):
            return True
        if tok == "same" and i + 1 < len(toks) and toks[i + 1] in _TOPIC_NOUNS:
            return True
    return False


def _plain_terms(q: Question) -> tuple[Term, ...]:
    """The topic words of "who else ...?", without its verbs of saying ("who else brought up
    X"), but with one that is part of a phrase the question names ("the agree to disagree
    line"): paired in it with a word that is no such verb."""
    toks = words(q.text)
    named = {b for a, b in pairwise(toks) if a in _DETERMINERS}  # "the agree ..."
    meta = {t.own for t in q.terms if t.word in _META_VERBS}
    phrase = {a for pair in q.pairs for a in pair if not set(pair) <= meta}
    kept = tuple(t for t in q.terms
                 if t.word not in _META_VERBS or (t.own in phrase and t.word in named))
    return kept or q.terms


_DETERMINERS = frozenset({"the", "that", "this", "their", "his", "her"})


def _only_meta(q: Question) -> bool:
    """ "who else used that phrase?": the question's own words only point at the last topic."""
    return all(t.word in _TOPIC_NOUNS or t.word in _META_VERBS for t in q.terms)


def _carried(q: Question, prev: Question) -> tuple[Question, ...]:
    """Readings of a follow-up that lean more and more on the last topic: with all its own
    words, with its known ones, with none."""
    last = dataclasses.replace(q, terms=prev.terms, pairs=prev.pairs)
    return (_carry_topic(q, prev, keep_own=True), _carry_topic(q, prev), last)


# "what's wrong with it", "the problem with that": a fault found in the last topic, no new one
_FAULT_WORDS = frozenset({"wrong", "problem", "problems", "issue", "issues", "flaw", "flaws",
                          "trouble", "downside", "downsides", "bad"})
_LIKE_THAT = re.compile(r"\b(?:stuff|things?|issues?|ones?|something|anything|points?|"
                        r"examples?)\s+(?:like|similar\s+to)\s+(?:that|those|this|these|it)\b",
                        re.I)
_LIKE_WORDS = frozenset({"stuff", "thing", "things", "similar", "list", "lists", "listed",
                         "listing", "mention", "mentioned"})


def _carry_topic(q: Question, prev: Question, *, keep_own: bool = False) -> Question:
    """The question with the last one's topic words before its own known ones (all its own
    with `keep_own`: "what numbers did they give" after "who talked about literacy")."""
    # "who criticised it?" after "any numbers?": the numbers were a detail asked, no topic
    before = tuple(t for t in prev.terms if t.word not in _DETAIL_NOUNS)
    own = tuple(
        t for t in q.terms
        if (t.known or keep_own) and t.word not in {p.word for p in before}
    )
    return dataclasses.replace(q, terms=before + own, pairs=prev.pairs | q.pairs)


def _asked(
    src: Sources, q: Question, *, new_topic: bool, loose: bool = False,
    fallbacks: tuple[Question, ...] = (),
) -> Resolved:
    return Resolved(q, Move.ASK, _describe(src, q), new_topic=new_topic, loose=loose,
                    fallbacks=fallbacks)


def _only(toks: list[str], allowed: frozenset[str], needed: frozenset[str]) -> bool:
    """All of `toks` are in `allowed`, and one of them is in `needed`."""
    return bool(toks) and all(t in allowed for t in toks) and any(t in needed for t in toks)


def _with_pronouns(
    reader: QuestionReader, q: Question, conv: Conversation, src: Sources
) -> tuple[Question, bool]:
    """The question with "he", "she", "they", "both of them" ... put as the contributors they
    refer to; unchanged when it names contributors itself or has no such words (but "and
    Nathan, did they bring him up?": "they" are the ones discussed, Nathan whom they answer)."""
    if (q.speakers and conv.focus and not set(q.speakers) & set(conv.focus)
            and _ASKS_OF_THEM.search(q.text)
            and (_OBJECT.search(q.text) or _named_after_pronoun(q, src))):
        return dataclasses.replace(
            q, speakers=conv.focus, targets=tuple(dict.fromkeys(q.speakers + q.targets)),
            compare=len(conv.focus) > 1, who=False,
        ), True
    if q.speakers and not q.targets and q.relation in _TARGETED and (_OBJECT.search(
        _OTHERS_BESIDE.sub("", q.text)
    ) or (q.relation is Relation.RESPOND and _ANSWER_THAT.search(q.text))):
        # "does the last respondent agree with him?": him is whom they answer (not
        # "everybody before them", the others beside the one asked of); "did Nathan ever
        # write back to answer that?": the one just shown
        whom = _whom(q, conv, src)
        if whom:
            return dataclasses.replace(q, targets=whom[:1]), True
    if q.targets and not q.speakers and _named_before_pronoun(q, src):
        # "what about Hom, what does she want", "ok back to sharon, why does she say ...":
        # she is the one just named
        return dataclasses.replace(q, speakers=q.targets[:1], targets=q.targets[1:],
                                   who=False), True
    prev = conv.last
    if (q.who and not q.speakers and not q.targets and q.relation in _TARGETED and prev
            and prev.who and prev.targets and _HIM_HER.search(q.text)):
        # "who disagreed with Bequelin?" then "and who agreed with him?": him is the one
        # the last question asked about, in the same place of the question
        return dataclasses.replace(q, targets=prev.targets), True
    if q.speakers or q.ambiguous or not conv.focus or set(conv.focus) & set(q.targets):
        return q, False
    if q.who and _things_before_them(q):
        return q, False  # "and internet companies, who says the US should rein them in?"
    focus = _by_pronoun(q.text, conv, src)
    pair = focus if len(focus) > 1 else (focus + conv.earlier)[:2]
    if len(focus) == 1 and len(conv.listed) > 1 and conv.listed[0] == focus[0] and (
        _THOSE_TWO.search(q.text)
    ):  # "what do both of them say?" after a reply listing two: those two
        pair = conv.listed[:2]
    text = q.text
    low = text.lower()
    plural = _PAIR.search(text) or "each other" in low or any(
        w in COMPARE_WORDS for w in words(text)
    ) or (_THEY_AGREE.search(text) and not q.targets)
    if len(pair) > 1 and plural:
        both = " and ".join(src.reading.contributor(c).name for c in pair)
        text = _PAIR.sub(both, text, count=1)
        if both not in text:  # "compare them", "do they agree with each other?"
            text = _PRONOUN.sub(both, text, count=1)
    else:
        name = " and ".join(src.reading.contributor(c).name for c in focus[:2])

        def put(m: re.Match[str]) -> str:
            if _COUNTED_OF.search(m.string, 0, m.start()):
                return m.group(0)  # "how many of them were arrested": of those spoken of
            return name + ("'s" if m.group(1).lower() in _POSSESSIVE else "")

        text = _PRONOUN.sub(put, text)
    if text == q.text:
        return q, False
    return reader.read(text), True


_COUNTED_OF = re.compile(r"\bhow\s+(?:many|much)\s+of\s+$", re.I)


def _whom(q: Question, conv: Conversation, src: Sources) -> tuple[str, ...]:
    """Whom "him" or "her" stands for in "does the last respondent agree with him?": the
    one in focus; but when the text calls the one in focus otherwise, the one the last
    question asked about, or one listed or discussed, whom the text calls so."""
    whom = tuple(c for c in conv.focus if c not in q.speakers)
    said = {_GENDERED.get(m.group(1).lower(), "") for m in _OBJECT.finditer(q.text)}
    if len(said) != 1 or "" in said or not whom:
        return whom
    pronoun = said.pop()
    if src.reading.contributor(whom[0]).pronoun in (pronoun, ""):
        return whom
    before = conv.last.targets + conv.last.speakers if conv.last else ()
    for c in (*before, *conv.listed, *reversed(conv.answered), *conv.earlier):
        if c not in q.speakers and src.reading.contributor(c).pronoun == pronoun:
            return (c,)
    return whom


def _things_before_them(q: Question) -> bool:
    """ "internet companies, who says the US should rein them in?": "them" after
    a plural topic word of the same question stands for those things, not contributors."""
    m = _PRONOUN.search(q.text)
    if m is None or m.group(1).lower() != "them":
        return False
    before = set(words(q.text[: m.start()]))
    return any(t.known and len(t.word) > 3 and t.word.endswith("s") and t.word in before
               for t in q.terms)


_GENDERED = {"he": "he", "him": "he", "his": "he", "himself": "he",
             "she": "she", "her": "she", "hers": "she", "herself": "she"}


def _by_pronoun(text: str, conv: Conversation, src: Sources) -> tuple[str, ...]:
    """The focus, or, when the question's "she" (or "he") cannot be the one in focus, the
    latest contributor just listed or discussed whom the text calls so ("did anyone else
    discuss it?" listing him and her, then "what does she say?")."""
    said = {_GENDERED[w] for w in words(text) if w in _GENDERED}
    if len(said) != 1:
        return conv.focus
    pronoun = said.pop()
    known = {c: src.reading.contributor(c).pronoun for c in
             (*conv.focus, *conv.listed, *conv.answered, *conv.earlier)}
    if all(known[c] in (pronoun, "") for c in conv.focus):
        return conv.focus
    for c in (*conv.listed, *reversed(conv.answered), *conv.earlier):
        if known[c] == pronoun:
            return (c,)
    return conv.focus


# two people, not "both sides"
_THOSE_TWO = re.compile(r"\b(?:both of them|the two of them|them both|they both|those two|"
                        r"these two|the pair of them)\b|\b(?:the two|both)\s*(?:[?.!,]|$)",
                        re.I)
# "so do they actually agree or not?" with no one named: the two just discussed, together
_THEY_AGREE = re.compile(
    r"\b(?:do|did|would)\s+they\s+(?:\w+\s+)?(?:agree|disagree)\b(?!\s+(?:with|on|about))",
    re.I)
_HIM_HER = re.compile(r"\b(him|her)\b", re.I)  # not "them": the one just answered, as often
_ASKS_OF_THEM = re.compile(
    r"\b(?:did|does|do|has|have|had|is|was|would|will|can)\s+(?:he|she|they)\b", re.I
)


# "got neier's exact words on it?", "can u give me hom's take": the asking, not a topic
_REQUEST_WORDS = frozenset({"got", "get", "gimme", "give", "me", "can", "could", "you", "u",
                            "i", "have", "show", "tell", "any", "need", "want", "s"})
_EMPHASIS = frozenset({"specifically", "exactly", "particularly", "in", "particular", "though",
                      "tho", "then", "now", "instead", "too", "either", "really"})


def _named_before_pronoun(q: Question, src: Sources) -> bool:
    """Whether a subject pronoun ("she", "he", "they") comes after the name of the
    contributor the question names."""
    m = _SUBJECT.search(q.text)
    if m is None:
        return False
    before = set(words(q.text[: m.start()]))
    return bool(before & _name_words(src, q.targets[0]))


def _named_after_pronoun(q: Question, src: Sources) -> bool:
    """ "do they mention Neier by name?", "does she think Bequelin escaped it?": the one named
    comes after "does he/she/they", so is whom they talk about, not who talks."""
    m = _ASKS_OF_THEM.search(q.text)
    if m is None:
        return False
    before = set(words(q.text[: m.start()]))
    after = set(words(q.text[m.end():]))
    names = {w for c in q.speakers for w in _name_words(src, c)}
    return bool(after & names) and not before & names


def _rest(q: Question, toks: list[str], src: Sources) -> list[str]:
    """The question's words beyond contributors' names and ellipsis filler."""
    names = {w for c in q.speakers + q.targets for w in _name_words(src, c)}
    order = _order_words(q, toks)
    if order:  # "the next person after them", "after Joshua Rosenzweig": no topic
        names |= order | _PRONOUN_WORDS | {
            w for c in src.reading.contributors for w in _name_words(src, c.id)}
    return [t for t in toks if t not in _ELLIPSIS_FILLER and t not in names
            and t not in PERSON_NOUNS and t not in ORDINALS and t not in LAST_WORDS
            and t not in CHAT_FILLER and t not in _EMPHASIS and t not in _REQUEST_WORDS]


def _order_words(q: Question, toks: list[str]) -> set[str]:
    """The words that place the contributor asked about in order ("the next person after
    them", "the one before her"), when the question has found one."""
    if not (q.speakers or q.targets):
        return set()
    near = PERSON_NOUNS | _PRONOUN_WORDS | {"the"}
    return {t for i, t in enumerate(toks)
            if t in _ORDER_WORDS and set(toks[max(0, i - 1):i + 2]) & near}


_ORDER_WORDS = frozenset({"next", "after", "before", "previous", "following", "preceding",
                          "prior", "earlier", "later"})
_BESIDES = frozenset({"besides", "except", "apart", "aside", "other", "than", "from", "but"})
# the reader's, and "but X" (which it leaves: "but Hom said ...") after one answered
_BESIDES_LEADS = (*BESIDES_LEADS, ("but",))


def _besides(q: Question, toks: list[str], src: Sources) -> tuple[str, ...]:
    """The contributors a "who" question sets aside: "anyone besides Hom", "who other than
    Bequelin", "apart from Neier, who ..."."""
    if not (q.targets or q.speakers) or not (q.who or set(toks) & WHO_WORDS):
        return ()
    found = []
    for cid in (*q.speakers, *q.targets):
        names = _name_words(src, cid)
        at = next((i for i, t in enumerate(toks) if t in names), None)
        if at is not None and any(tuple(toks[max(0, at - len(lead)):at]) == lead
                                  for lead in _BESIDES_LEADS):
            found.append(cid)
    return tuple(found)


# "who does then?", "so who did?", "who does instead": who else says what was last asked
_WHO_DOES = re.compile(r"^\W*(?:(?:so|ok|okay|and|then|well|hmm)\W+)*who\s+(?:does|did|do)"
                       r"(?:\W+(?:then|instead|tho|though|mention\s+it|say\s+it))?\W*$", re.I)
_BESIDES_PRONOUN = re.compile(
    r"\b(besides|except(?:\s+for)?|apart\s+from|aside\s+from|other\s+than|but)\s+(?:him|her|them)\b",
    re.I)


def _besides_them(q: Question, toks: list[str], conv: Conversation) -> tuple[str, ...]:
    """ "anyone besides him mention Tibet?": the one in focus, set aside by a pronoun."""
    if not conv.focus or not (q.who or set(toks) & WHO_WORDS or {"anyone", "anybody"} & set(
        toks
    )):
        return ()
    return conv.focus if _BESIDES_PRONOUN.search(q.text) else ()


_QUOTE_ASK_WORDS = frozenset({"exact", "words", "word", "verbatim", "wording", "quote",
                              "quotes", "pls", "please", "plz"})


def _without_quote_ask(q: Question) -> Question:
    """ "what does Neier say that did to US standing, exact words pls": the request for the
    wording is no topic when the question has one of its own."""
    asks = [t for t in q.terms if t.word in _QUOTE_ASK_WORDS]
    if not asks or not any(t.known and t not in asks for t in q.terms):
        return q
    gone = {t.own for t in asks}
    return dataclasses.replace(
        q, terms=tuple(t for t in q.terms if t not in asks),
        pairs=frozenset(p for p in q.pairs if not set(p) & gone),
    )


def _name_words(src: Sources, cid: str) -> frozenset[str]:
    """Every word of a contributor's id, name and aliases (built once with the sources)."""
    return src.name_words.get(cid, frozenset())


def _elliptic(text: str, rest: list[str]) -> bool:
    """ "and trade?", "what about the Dalai Lama?", "how many people?": a short question
    that names a topic and leans on the last for the rest."""
    low = text.lower().strip()
    opens = any(low.startswith(o + " ") for o in _ELLIPSIS_OPENERS + _DETAIL_OPENERS)
    if _detail(text):
        return len(rest) <= 5
    return bool(rest) and len(rest) <= 3 and (opens or len(words(text)) <= 2)


def _detail(text: str) -> bool:
    """ "how many people?", "by how much?": a detail of the last answer's topic."""
    low = _LEAD.sub("", text.lower().strip(" ?!."))  # "and how many died?" as "how many died?"
    if low.startswith("where ") and _TAKING_SIDES.intersection(words(low)):
        return False  # "where does he disagree w bequelin": where in the text, no detail
    return any(low.startswith(o + " ") or low == o for o in _DETAIL_OPENERS)


_DIFFER = frozenset({"differ", "differs", "different", "differently", "difference",
                     "differences", "contrast", "diff"})
_TAKING_SIDES = frozenset(
    w for r in (Relation.AGREE, Relation.DISAGREE, Relation.CRITIQUE, Relation.CONCEDE)
    for w in RELATION_WORDS[r])


def _other_person(prev: Question, q: Question) -> Question:
    """ "and Hom?", "and about Neier?": the last question, of another contributor."""
    if q.targets and not q.speakers and (prev.targets or not prev.speakers):
        return dataclasses.replace(prev, targets=q.targets, text=q.text, excluded=(),
                                   skip=frozenset())
    if q.targets and not q.speakers:  # "what about Nathan?" after "what did Hom say ...?"
        q = dataclasses.replace(q, speakers=q.targets, targets=())
    speakers = q.speakers
    return dataclasses.replace(
        prev, speakers=speakers, targets=tuple(t for t in prev.targets if t not in speakers),
        who=False, compare=len(speakers) > 1, ambiguous=(), text=q.text, excluded=(),
        skip=frozenset(),
        terms=prev.terms + tuple(t for t in q.terms if t.known and t.word not in _ELLIPSIS_FILLER),
    )


def _other_topic(prev: Question, q: Question, conv: Conversation) -> Question:
    """ "and trade?": the last question on another topic; "how many people?": a detail of
    the last answer's topic."""
    if _detail(q.text):
        return dataclasses.replace(
            q, speakers=conv.focus[:1], who=False, terms=prev.terms + q.terms,
            pairs=prev.pairs | q.pairs,
        )
    return dataclasses.replace(
        prev, terms=q.terms, pairs=q.pairs, phrase=q.phrase, text=q.text, excluded=(),
        skip=frozenset(),
    )


def _opens_list(src: Sources, conv: Conversation) -> bool:
    """Whether the last answer shown opens a list of points ("We should remind our
    politicians that ..." before "First, ...", "Second, ...")."""
    if conv.reply is None or not conv.reply.answers:
        return False
    top = src.reading.position(conv.reply.answers[0].position_id)
    return len(list_points(src, top)) >= 2


def _ordinal_item(toks: list[str], conv: Conversation, opens_list: bool = False) -> int:
    """ "the third key?", "the last one?": which point of the last answer's list (0: none).

    Only after a question about one contributor's points, not one asked by order ("who went
    first?" then "second?" asks for the second contributor).
    """
    content = _numbered([t for t in toks if t not in ("the", "and", "what", "about", "whats",
                                                      "how", "was", "is", "were", "are")
                         and t not in _REQUEST_WORDS])  # ("what was the 4th one")
    whole = len(content)
    if content[:1] and (content[0] in ORDINALS or content[0] in LAST_WORDS):
        content = _without_list_tail(content)  # "the last one on his list"
    # a point of a list just shown, though "who said ...?" asked for it ("the third reason?"
    # after "which one gave four reasons?", "the last one on his list"): the list goes on
    named_item = len(content) == 2 and (
        content[1] in _ITEM_NOUNS - PERSON_NOUNS - {"one"} or len(content) < whole)
    if not content or len(content) > 2 or conv.last is None or not (
        conv.last.speakers or conv.item > 0 or (named_item and len(conv.focus) == 1)
    ):
        return 0
    if len(content) == 2 and content[1] not in _ITEM_NOUNS:
        return 0
    if len(content) == 2 and content[1] in PERSON_NOUNS - {"one"}:
        return 0
    before = words(conv.questions[-1]) if conv.questions else []
    # "what is Bequelin's first key?" asked for an item of a list; "who went first?" did not
    listing = conv.move == Move.ITEM or any(
        (t in ORDINALS or t in LAST_WORDS or t in _COUNTS or t.isdigit())
        and nxt in (_ITEM_NOUNS | _LIST_WORDS) - {"one"}
        for t, nxt in pairwise(before)
    ) or bool(_LIST_ASKS & set(before)) or (  # "Bequelin's first key", "his reasons"
        opens_list and len(content) == 2 and content[1] in _ITEM_NOUNS - PERSON_NOUNS - {"one"}
    )  # "give me reason no. 2" after the sentence that opens his list of reasons
    asked_by_order = not listing and any(t in ORDINALS or t in LAST_WORDS for t in before)
    if asked_by_order or (len(content) == 1 and content[0] not in LAST_WORDS and not listing):
        return 0
    if content[1:] == ["one"] and not (conv.item or listing or _LIST_WORDS & set(before)):
        return 0  # "and the fourth one?" after "and Rosenzweig's?": the fourth contributor
    if content[0] in LAST_WORDS:
        return -1
    return ORDINALS.get(content[0], 0)


_BY_NUMBER = {str(n): word for word, n in ORDINALS.items() if not word[0].isdigit()}
_NUMBER_WORDS = frozenset({"number", "no", "num", "nr", "item", "point"})


def _numbered(content: list[str]) -> list[str]:
    """ "#2", "number 2", "no. 2" (of a list just shown): as "second"."""
    if content and content[-1] in _BY_NUMBER and (
        len(content) == 1 or (len(content) == 2 and content[0] in _NUMBER_WORDS)
    ):
        return [_BY_NUMBER[content[-1]]]
    rest = content[:-1]
    if rest[-1:] and rest[-1] in _NUMBER_WORDS - {"point", "item"}:
        rest = rest[:-1]
    if content and content[-1] in _BY_NUMBER and len(rest) == 1 and rest[0] in _ITEM_NOUNS:
        return [_BY_NUMBER[content[-1]], rest[0]]  # "reason no. 2", "point 3": "second reason"
    return content


def _without_list_tail(content: list[str]) -> list[str]:
    """ "last one on his list", "third point of their list": without the words that only
    say which list ("on his list"), which is the one just shown."""
    tail = _LIST_TAIL_WORDS | _PRONOUN_WORDS
    end = len(content)
    while end > 1 and content[end - 1] in tail:
        end -= 1
    rest = content[end:]
    return content[:end] if rest and rest[0] in {"on", "of", "in", "from"} else content


_LIST_TAIL_WORDS = frozenset({"on", "of", "in", "from", "list", "lists", "keys", "points"})
_LIST_ASKS = frozenset({"points", "keys", "reasons", "steps", "recommendations", "arguments",
                        "benefits", "proposals", "suggestions", "measures", "list", "listed"})
_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_LIST_WORDS = frozenset({"points", "point", "keys", "key", "reasons", "reason", "steps", "step",
                        "recommendations", "list", "arguments", "things", "benefits", "ways"})


# "the one about business", "the point on Tibet", "skip to the bit about trade"
_ONE_ABOUT = re.compile(
    r"\b(?:one|point|key|part|bit|item|step|reason|recommendation)s?\s+"
    r"(?:about|on|regarding|re|concerning|with|that\s+mentions|that\s+talks\s+about)\b",
    re.I)


def _bare_ordinal(toks: list[str]) -> bool:
    """ "second?", "and third?" """
    content = [t for t in toks if t not in ("the", "and", "what", "about", "how")]
    return len(content) == 1 and (content[0] in ORDINALS or content[0] in LAST_WORDS)


def _describe(src: Sources, q: Question, lead: str = "") -> str:
    """A question put plainly: "what did Sharon Hom say about microblogging?"."""
    topic = " ".join(t.word for t in q.terms)
    about = f" about {topic}" if topic else ""
    whom = f" {src.names(q.targets)}" if q.targets else ""
    if q.speakers:
        verb = _SAY.get(q.relation, "say")
        if not whom and about:
            verb = verb.removesuffix(" with").removesuffix(" to")
        if whom and not verb.endswith((" with", " to", "criticise")):
            whom = f" about{whom}"
        return f"{lead}what did {src.names(q.speakers, ' and ')} {verb}{whom}{about}?"
    verb = _SAID.get(q.relation, "said something")
    if not whom and about:
        verb = verb.removesuffix(" with").removesuffix(" to")
    if whom and not verb.endswith((" with", " to", "criticised")):
        whom = f" about{whom}"
    others = " else" if q.excluded else ""
    return f"{lead}who{others} {verb}{whom}{about}?"
