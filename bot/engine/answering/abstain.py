"""Abstaining: say why the reading holds no answer, and what the bot can answer instead."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.engine.answers import Mode, Reply
from bot.engine.lexicon import FOREIGN_WORDS, STOPWORDS
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.engine.text import words

# "write my essay", "tell me a joke", "do my homework": a verb, then (a few words on) a task
# that is the member's own, after "my", "a", "me" ...
_TASK_VERBS = frozenset(
    {"write", "compose", "draft", "tell", "sing", "code", "do", "finish", "proofread", "edit",
     "grade", "fix", "rewrite", "help", "make", "generate", "create", "summarize", "summarise",
     "check", "review", "correct"}
)
_TASKS = frozenset(
    {"joke", "jokes", "essay", "essays", "poem", "poems", "story", "song", "paper", "homework",
     "code", "riddle", "letter", "email", "assignment", "notes", "limerick", "haiku", "rap",
     "program", "script", "recipe", "thesis", "report", "presentation", "slides", "summary",
     "outline", "paragraph", "sonnet", "tweet", "skit", "dialogue", "parody", "lyrics", "verse",
     "fanfic", "rebuttal", "rebuttals", "speech", "speeches", "blurb", "caption"}
)
_THEIRS = frozenset({"my", "our", "a", "an", "me", "us", "some", "another"})
_SIZES = frozenset({"word", "words", "page", "pages", "line", "lines"})  # "my 1000 word essay"
_NEVER_ASKED = frozenset({"translate", "translation", "translating"})  # no reading question


_LETTERS = re.compile(r"[a-z]+")  # a quick look at the words before they are read
# "can u recommend a good book on this?", "any podcast recs?": the bot asked for material
# beyond the reading (what a contributor recommends is asked of them, not of "you")
_RECOMMEND = r"rec{1,2}om{1,2}[ae]n?d"  # and as members spell it: "recomend", "reccomend"
_OUTSIDE_MATERIAL = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+)?(?:" + _RECOMMEND +
    r"|suggest|rec|point\s+me\s+to)|" + _RECOMMEND + r"\s+me|any)\b(?:\W+\w+){0,4}?\W+"
    r"(?:further\s+reading|books?|podcasts?|films?|movies?|documentar(?:y|ies)|videos?|websites?|novels?)\b"
    r"(?:\W+\w+){0,5}?(?:\W+(?:recs?|recommendations?|suggestions?)\b)?", re.I)
_ASKS_RECS = re.compile(
    r"\b(?:recs?|recommendations?|suggestions?|" + _RECOMMEND + r"|suggest|point)\b", re.I)


def _plain_words(text: str) -> set[str]:
    return set(_LETTERS.findall(text.lower()))


def off_topic_request(text: str) -> bool:
    """ "tell me a joke", "write my essay on this", "translate this into Chinese": a task
    that is not a question about the reading."""
    m = _OUTSIDE_MATERIAL.search(text)
    if m is not None and _ASKS_RECS.search(m.group(0)):
        return True
    plain = _plain_words(text)
    if plain.isdisjoint(_TASKS) and not any(w.startswith("translat") for w in plain):
        return False
    toks = [t for t in words(text)[:16] if not t.isdigit() and t not in _SIZES]
    if _NEVER_ASKED.intersection(toks[:12]):
        return True
    return any(
        t in _TASK_VERBS and any(
            # "my essay", "a joke", "a short poem": the task is theirs or an indefinite one
            u in _TASKS and _THEIRS.intersection(toks[max(i + 1, i + j - 1) : i + j + 1])
            for j, u in enumerate(toks[i + 2 : i + 8], start=1)
        )
        for i, t in enumerate(toks[:12])
    )


# "when's our next meeting?", "where do we meet thursday": the group's own plans, which no
# reading holds (a contributor's "meeting with the Dalai Lama" is never "our" meeting)
_GROUP_PLANS = re.compile(
    r"\b(?:our|we)\b(?:\W+\w+){0,3}?\W+(?:next\W+)?(?:meet|meets|meeting|meetings|meetup|"
    r"meet-up|session|sessions|get-?together|club\s+night)\b"
    r"|\bnext\s+(?:meetup|meet-up|club\s+meeting|book\s+club|group\s+meeting)\b", re.I)
_WHEN_WHERE = re.compile(r"\b(?:when|whens|where|wheres|what\s+time|what\s+day|which\s+day|"
                         r"remind)\b", re.I)


# "is this gonna be on the AP exam?", "does it count toward my grade?": the course's business
_COURSE = re.compile(
    r"\b(?:gonna|going\s+to|be|is\s+it|will\s+it|will\s+this|is\s+this)\b[\w\s']{0,24}?\bon\s+"
    r"(?:the|our|my|a)\s+(?:[\w.]+\s+){0,3}?(?:exam|exams|test|tests|quiz|quizzes|final|finals|"
    r"midterm|midterms)\b|\b(?:count|counts)\s+(?:toward|towards|for)\s+(?:my|our|the)\s+"
    r"grades?\b", re.I)


def asks_course(text: str) -> bool:
    """ "is this reading gonna be on the actual AP gov exam in may??": the course's tests and
    grades, which the reading does not hold."""
    return _COURSE.search(text) is not None


def asks_group_plans(text: str) -> bool:
    """ "hey bot when's our next meetup", "remind me when we meet": the group's calendar."""
    return _GROUP_PLANS.search(text) is not None and _WHEN_WHERE.search(text) is not None


# What happened after the reading, or outside it: "did China actually follow through?", "who
# won the senate seat in the end?", "did Beijing ever respond to this conversation?"
_AFTERMATH = re.compile(
    r"\bfollow(?:ed|s)?\s+through\b|\bafterwards?\b|\bin\s+the\s+end\b|\bsince\s+then\b|"
    r"\bended\s+up\b|\blater\s+on\b|\b(?:ever|actually)\s+(?:respond|react|reply|answer)"
    r"(?:ed|s)?\b|\b(?:take|took|taken|heed|heeded|follow|followed)\s+(?:up\s+)?(?:that|this|"
    r"the|his|her|their)\s+(?:advice|suggestions?|recommendations?)\b"
    # "did the US government ever actually take it?", "has china actually implemented any of
    # that?" (not "who wants the US to actually listen")
    r"|^\W*(?:\w+\W+){0,2}?(?:did|has|have|had)\b.*\b(?:ever|actually)\s+(?:take|taken|adopt|"
    r"adopted|implement|implemented|heed|heeded|listen|listened|act\s+on|acted\s+on)\b",
    re.I)
# ... unless a contributor (or "he", "they") is the one it asks about, or says it
_ASKED_OF_THEM = frozenset(
    {"he", "she", "they", "him", "her", "them", "his", "their", "say", "says", "said", "argue",
     "argues", "argued", "think", "thinks", "claim", "claims", "predict", "predicts",
     "believe", "believes", "write", "writes", "wrote", "mention", "mentions", "expect",
     "expects", "hope", "hopes", "warn", "warns"})
_IN_THEIR_VIEW = re.compile(r"\baccording\s+to\b|\bin\s+(?:his|her|their)\s+(?:view|words|eyes)\b",
                            re.I)  # "what changed since then according to him"
AFTERMATH = ("The reading doesn't say what happened after it or outside it; it holds only "
             "what its contributors said.")


def asks_aftermath(text: str, names_one: Callable[[list[str]], bool]) -> bool:
    """Whether a question asks what happened after the reading or outside it ("did China
    actually follow through?"), not what a contributor says of it; `names_one` tells
    whether words name a contributor."""
    m = _AFTERMATH.search(text)
    if m is None or _IN_THEIR_VIEW.search(text):
        return False
    before = words(text[: m.start()])
    return not _ASKED_OF_THEM.intersection(before) and not names_one(before)


def other_language(text: str) -> bool:
    """Whether a question is written in another language than English: mostly in another
    script ("内尔说了什么"), or more of its words are another language's function words
    ("¿Qué dijo Neier sobre China?") than English ones."""
    if text.isascii():
        if _plain_words(text).isdisjoint(FOREIGN_WORDS):
            return False
    else:
        letters = [ch for ch in text if ch.isalpha()]
        if sum(1 for ch in letters if ord(ch) > 0x24F) * 2 > len(letters):
            return True
    toks = words(text)
    foreign = sum(1 for t in toks if t in FOREIGN_WORDS)
    return foreign >= 2 and foreign > sum(1 for t in toks if t in STOPWORDS)


def abstain(src: Sources, q: Question, why: str) -> Reply:
    """A reply with no answers: the reason, then what the bot can do."""
    names = ", ".join(c.name for c in src.contributors)
    hint = f"I can answer about what {names} wrote: their positions, agreements and quotes."
    why = why[:1].upper() + why[1:]
    return Reply(q.text, Mode.ABSTAIN, (), f"{why} {hint}".strip())
