"""Answering a detail inside a paragraph ("for how long ...?", "in what year ...?") with the
text's own sentence, when no position covers it."""

from __future__ import annotations

import dataclasses
import re

from bot.engine.answers import Mode, Reply
from bot.engine.lexicon import STOPWORDS
from bot.engine.numbers import COUNT_WORDS
from bot.engine.question import Question
from bot.engine.quotes import Sentence
from bot.engine.rank import MIN_COVERAGE
from bot.engine.sources import Sources
from bot.engine.text import stem, words

# How members ask for a detail rather than a position.
# "how much does Neier agree with Bequelin?" asks how far, no amount
_DEGREE = (r"(?!\s+(?:do|does|did)\b[^?.!]*?\b(?:agree|disagree|care|cares|like|likes|trust|"
           r"trusts|support|supports|believe|believes|differ|differs|matter|matters)\b)")
_DETAIL = re.compile(
    rf"\b(?:how\s+(?:long|many|much{_DEGREE}|old|big|often|far)|"
    r"(?:what|which)\s+(?:year|date|number|"
    r"kind|kinds|sort|type|country|countries|percentage|share|fraction|proportion|amount)|"
    r"in\s+what|since\s+when|when|where|time\s*lines?|deadlines?|dollars?|"
    r"whose|how\s+come|who\s+(?:\w+\s+)?(?:won|wins|ended\s+up\s+winning|got\s+elected))\b",
    re.I,
)
MIN_HELD = 2  # topic words a sentence must hold

# What the answer to some detail questions looks like: a duration, a year, a number.
_NUMBER_WORDS = "|".join(sorted(
    COUNT_WORDS | {"one", "dozens", "billion", "billions"},
    key=len, reverse=True,
))
# "one" as a count, not as a pronoun ("each one of these men", "no one", "the one who")
_ONE = (r"(?<!each )(?<!every )(?<!any )(?<!no )(?<!the )(?<!this )(?<!that )\bone\b"
        r"(?!\s+(?:of|another|who|which|that|side|thing)\b)")
# (a count of people or things, not a span of time: "the past two decades" counts no one;
# "how many years" is asked in units of its own)
_NOT_A_SPAN = (r"(?!(?:\s+and\s+a\s+half)?\s+(?:years?|decades?|months?|weeks?|days?|hours?|"
               r"minutes?|centur(?:y|ies))\b)")
# a count before a unit of time ("two and a half decades", "several years")
_COUNTS = _NUMBER_WORDS + "|several|many|few"
# a year as texts and members write one ("1854", "2008"), for patterns built on it
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# a day of a month: "the 16th of June", "on the 17th of last December"
_DATE = (r"\b(?:January|February|March|April|June|July|August|September|October|November|"
         r"December)\b|\b\d{1,2}(?:st|nd|rd|th|d)\b")
_SHAPES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # a sum of money: "does she put a dollar figure on it?", "how much money?"
    (re.compile(r"\bdollars?\b|\bhow\s+much\s+(?:money|funding|aid)\b|\bprice\s+tag\b", re.I),
     re.compile(r"\$\s?\d|\b(?:dollars?|million|billion|yuan|funding\s+of)\b", re.I)),
    (re.compile(r"\bhow\s+long\b|\bsince\s+when\b", re.I),
     re.compile(r"\b(?:years?|decades?|months?|weeks?|days?|hours?|minutes?|centur(?:y|ies)|"
                r"since)\b", re.I)),
    (re.compile(r"\bhow\s+old\b", re.I),  # an age: "forty-five years old", "aged 45"
     re.compile(r"\byears?\s+old\b|\b(?:at\s+the\s+)?age\s+of\b|\baged\s+\d", re.I)),
    # a count of people: a large number, a number of people ("how many showed up?" is not
    # answered by "the two great parties", "a magnificent one" or "Q. 2.")
    (re.compile(r"\bhow\s+many\s+(?:people|persons|ppl|folks|men|women|voters|citizens|"
                r"individuals|listeners|spectators)\b|\bhow\s+(?:big|large)\s+(?:was\s+)?"
                r"(?:the\s+)?(?:crowd|audience|turnout)\b", re.I),
     re.compile(rf"\b(?!{YEAR}\b)\d{{3}}[\d,.]*\b|"
                r"\b\d[\d,.]*\s+(?:thousand|hundred|million|billion)\b|"
                r"\b(?:thousands|hundreds|millions|billions|multitudes?|throngs?)\b|"
                rf"\b(?!one\b)(?:{_NUMBER_WORDS}|\d[\d,.]*)\s+(?:\w+\s+){{0,2}}?(?:people|persons|men|"
                r"women|souls|individuals|citizens|voters|inhabitants|protesters|protestors|"
                r"activists|lawyers|journalists)\b|\bnumbers?\s+of\s+(?:people|persons|men)\b|"
                rf"\b(?:a|one|{_NUMBER_WORDS})[\s-]+(?:quarter|third|fifth)s?\s+of\b|"
                r"\bpopulation\b|\bhumanity\b", re.I)),
    # a count: a number that is not a year ("how many people?" is not answered by "in 1854")
    (re.compile(rf"\bhow\s+(?:many|much{_DEGREE})\b|\bwhat\s+(?:number|percentage|share|fraction|"
                r"proportion|amount)\b", re.I),
     re.compile(rf"\b(?!{YEAR}\b)\d[\d,.]*\b{_NOT_A_SPAN}|"
                rf"\b(?!one\b)(?:{_NUMBER_WORDS})\b{_NOT_A_SPAN}|{_ONE}|"
                r"\bnumbers?\s+of\b|\b(?:majority|minority|percent|per\s+cent)\b|"
                # a fraction, not a list's "Third, ...": "a quarter", "two thirds"
                rf"\b(?:a|one|{_NUMBER_WORDS})[\s-]+(?:quarter|third|fifth)s?\b", re.I)),
    # a time asked inside a question: "does anyone say when it should close?", "a timeline?"
    (re.compile(r"\b(?:say|says|said|predict|predicts|predicted|know|knows|tell|tells|"
                r"expect|expects|guess|guesses)\s+when\b|\btime\s*lines?\b|\bdeadlines?\b|"
                r"\bhow\s+soon\b|\bby\s+when\b", re.I),
     re.compile(rf"\b{YEAR}\b|\b(?:within|in)\s+(?:a|the\s+next|\w+)\s+"
                r"(?:years?|decades?|months?)\b|\b(?:January|February|March|April|June|July|"
                r"August|September|October|November|December)\b")),
    # who won: "who won the senate seat in the end?" is answered by a win told, not by the
    # race's being talked of
    (re.compile(r"\bwho\s+(?:\w+\s+)?(?:won|wins|ended\s+up\s+winning|got\s+elected)\b", re.I),
     re.compile(r"\b(?:won|victory|victorious|triumphed|defeated|(?:was|were|got)\s+"
                r"(?:re-?)?elected)\b", re.I)),
    # a question opening on "when" asks a time only when it asks nothing above
    # ("when the constitution was made, how many states ...?" asks a number)
    (re.compile(r"\b(?:what|which)\s+year\b", re.I),  # a year, not "June 4th"
     re.compile(rf"\b{YEAR}\b|\byears?\s+ago\b", re.I)),
    (re.compile(r"^\W*(?:so\s+|and\s+)?when\b", re.I),
     re.compile(rf"\b{YEAR}\b|\byears?\s+ago\b|{_DATE}")),
    # a date: "what dates did the paper run it?", "dates for the two speeches?"
    (re.compile(r"\b(?:what|which)\s+(?:date|day)s?\b|\bdates?\s+(?:for|of)\b|^\W*dates?\b",
                re.I),
     re.compile(rf"\b{YEAR}\b|{_DATE}")),
)


# "does he give any numbers?", "he back it up with data?", "any figures on aid?": figures asked
_ASKS_FIGURES = re.compile(
    r"\b(?:give|gives|gave|giving|cite|cites|cited|put|puts|offer|offers|offered|provide|"
    r"provides|provided|with|w|any|what|which)\s+(?:(?:any|a|an|actual|hard|real|some|"
    r"specific|exact|concrete|evidence\s+or|proof\s+or|facts\s+or)\s+)*(?P<of>[a-z]+\s+)??"
    r"(?:numbers|figures|stats|statistics|data|percentages|dollar\s+figures?|figure|number)\b",
    re.I)  # ("give gdp numbers": figures of gdp)
# ... answered by a figure: a count, a share, a sum, a year
_FIGURE = re.compile(
    rf"\b\d[\d,.]*\b|\b(?:{_NUMBER_WORDS})\b|\b(?:a|one|{_NUMBER_WORDS})[\s-]+(?:quarter|"
    r"third|fifth)s?\b|\b(?:percent|per\s+cent|million|billion|dozens|hundreds|thousands)\b",
    re.I)


def asks_detail(text: str) -> bool:
    """Whether a question asks for a detail: "how long", "what year", "whose wife", "any
    figures"."""
    return _DETAIL.search(text) is not None or _ASKS_FIGURES.search(text) is not None


_HOW_MANY_UNITS = re.compile(
    r"\bhow\s+many\s+(years|months|weeks|days|hours|decades|centuries|times)\b", re.I
)
_TIME_UNITS = "years?|months?|weeks?|days?|hours?|decades?|centuries|century"
LACKS_DETAIL = "The text doesn't give that detail."
# chat's units ("how many yrs"), read as the words they stand for
_UNITS_SPELT = {"yrs": "years", "mos": "months", "wks": "weeks", "hrs": "hours",
                "mins": "minutes", "decs": "decades"}
_ABBREVIATED = re.compile(r"\b(?:" + "|".join(_UNITS_SPELT) + r")\b", re.I)


def answer_shape(text: str) -> re.Pattern[str] | None:
    """What an answer to "how long / what year / how many ...?" must hold, if it asks that:
    for "how many weeks", a length of time in any unit ("two and a half decades")."""
    text = _ABBREVIATED.sub(lambda m: _UNITS_SPELT[m.group(0).lower()], text)
    unit = _HOW_MANY_UNITS.search(text)
    if unit is not None:
        units = "times" if unit.group(1).lower() == "times" else _TIME_UNITS
        return re.compile(
            rf"\b(?:\d[\d,.]*|{_COUNTS})\s+(?:\w+\s+){{0,3}}?(?:{units})\b", re.I)
    shape = next((shape for asks, shape in _SHAPES if asks.search(text)), None)
    if shape is None and _ASKS_FIGURES.search(text):
        return _FIGURE
    return shape


def detail_in_place(src: Sources, q: Question, top: Reply) -> Reply | None:
    """ "How long has the final respondent watched China?": when the best position's quote
    holds no duration (year, number) the question asks for, the sentence that does."""
    shape = answer_shape(q.text) if asks_detail(q.text) else None
    if shape is None or not top.answers or shape.search(top.answers[0].quote):
        return None
    return detail(src, q, shape)


# "how many keys does Bequelin list?", "how many respondents agreed?": a count of points or
# of contributors, not a number the text must hold
_COUNTS_ITEMS = re.compile(
    r"\bhow\s+many\b(?!\s+(?:people|persons|ppl|folks|men|women|voters|citizens)\b)"
    r".*\b(?:list|lists|listed|give|gives|gave|offer|offers|offered|name|names|"
    r"named|make|makes|made|propose|proposes|proposed|suggest|suggests|suggested|lay|lays|laid|"
    r"raise|raises|raised)\b|\bhow\s+many\s+(?:of\s+the\s+|other\s+)?(?:respondents|"
    r"contributors|writers|authors|participants|speakers|others|of\s+them)\b",
    re.I,
)


def lacks_detail(src: Sources, q: Question, top: Reply) -> bool:
    """ "How long was the laureate's sentence?": the question asks for a duration (a year, a
    number) that neither the best answer's quote nor its paragraph holds, so the text does
    not say it (the position may still be related)."""
    shape = answer_shape(q.text) if asks_detail(q.text) else None
    done = _HOW_MANY_DONE.search(q.text)  # ("how many of them were arrested" counts no points)
    if shape is None or not top.answers or (_COUNTS_ITEMS.search(q.text) and not done):
        return False
    first = top.answers[0]
    if first.quote.rstrip().endswith(":"):  # a list follows: its items are the count
        return False
    held = [text for text in (first.quote, *_around(src, first.paragraph, first.quote))
            if shape.search(text)]
    figures = _ASKS_FIGURES.search(q.text)
    of = figures.group("of") if figures else None
    if of and of.strip().lower() not in STOPWORDS and not src.index.knows(of.strip().lower()):
        # "did he give gdp numbers?": figures of a thing the reading never names are none
        # of its figures ("a quarter century ago")
        return True
    counted = _counted(q)
    said = {text: {stem(w) for w in words(text)} for text in held} if (
        done is not None or counted) else {}
    if done is not None:  # "how many protesters got arrested?": a count of those arrested
        # ("over 100,000 protestors have assembled" counts another thing)
        what = stem(done.group(1).lower())
        held = [text for text in held if what in said[text]]
    if counted:  # "how many consulates ...?": a figure beside consulates, not protestors
        held = [text for text in held if counted & said[text]]
    return not held


def _counted(q: Question) -> frozenset[str]:
    """The stems that may stand for the things a "how many X" counts (none for people or
    for units of time, which have shapes of their own)."""
    m = _HOW_MANY_OF.search(q.text)
    if m is None or m.group(1).lower() in _NOT_COUNTED or m.group(1).lower() in _UNITS_SPELT:
        return frozenset()
    near = words(q.text[m.start(1):])[:COUNTED_WORDS]  # ("how many of the original states")
    terms = [t for t in q.terms if t.word in near and t.known]
    plain = {stem(w) for w in near if w not in STOPWORDS and w not in _NOT_COUNTED}
    return frozenset(s for t in terms for s, _ in t.alternatives) | plain


# "how many of those protesters got arrested", "how many people were killed": the count of
# those the verb befalls
_HOW_MANY_DONE = re.compile(
    r"\bhow\s+many\s+(?:of\s+(?:those|these|the|them)\s+)?(?:\w+\s+)?(?:got|get|gets|were|was|"
    r"have\s+been|had\s+been|has\s+been|ended\s+up)\s+([a-z]{4,}ed)\b", re.I)
COUNTED_WORDS = 3  # words after "how many" that may name what is counted, or what befalls it
_HOW_MANY_OF = re.compile(r"\bhow\s+many\s+(?:of\s+(?:the|those|these)\s+)?([a-z]{3,})\b", re.I)
_NOT_COUNTED = frozenset(
    """people persons ppl folks men women voters citizens times years months weeks days hours
    decades centuries minutes were was are did do does have has had""".split())
NEAR_SENTENCES = 3  # sentences either side of a quote where the detail it lacks may stand


def _around(src: Sources, paragraph: int, quote: str) -> list[str]:
    """The sentences of the quote's paragraph near it (a long speech's paragraph holds many
    numbers that do not answer what the quote is about); the whole paragraph if the quote
    is found in none of them."""
    own = [s.text for s in src.quotes.in_paragraph(paragraph)]
    at = next((i for i, text in enumerate(own) if quote in text or text in quote), None)
    if at is None:
        return [src.reading.paragraph(paragraph).text]
    return own[max(0, at - NEAR_SENTENCES) : at + NEAR_SENTENCES + 1]


def detail(src: Sources, q: Question, shape: re.Pattern[str] | None = None) -> Reply | None:
    """The sentence of the text that holds most of the question's topic (of the asked
    contributor, if one is named; holding `shape`, if given), cited with the position of
    its paragraph; None if none holds enough."""
    terms = [t for t in q.terms if t.known]
    if not terms or not asks_detail(q.text):
        return None
    shape = shape or answer_shape(q.text)  # "who won the finals?" wants a win, not "Finally"
    weights = [src.index.weight(t) for t in terms]
    total = sum(weights) or 1.0
    allowed = {n for c in q.speakers for n in src.reading.contributor(c).paragraphs}
    done = _HOW_MANY_DONE.search(q.text)  # "how many got arrested": a count of the arrested
    what = stem(done.group(1).lower()) if done else ""
    best: tuple[float, int, Sentence] | None = None
    for s in src.quotes.sentences:
        if (allowed and s.paragraph not in allowed) or (shape and not shape.search(s.text)):
            continue
        if what and what not in s.stems:
            continue
        held = [
            w * max((f for st, f in t.alternatives if st in s.stems), default=0.0)
            for t, w in zip(terms, weights, strict=True)
        ]
        count = sum(1 for h in held if h > 0)
        share = sum(held) / total
        if count >= min(MIN_HELD, len(terms)) and (best is None or share > best[0]):
            best = (share, count, s)
    if best is None or best[0] < MIN_COVERAGE:
        return None
    share, _, sentence = best
    holders = [
        p for p in src.index.in_paragraph(sentence.paragraph)
        if not q.speakers or p.contributor_id in q.speakers
    ]
    if not holders:
        return None
    holder = next((p for p in holders if sentence.text in p.quote or p.quote in sentence.text),
                  holders[0])
    answer = dataclasses.replace(src.cite(holder, 100.0 * share), quote=sentence.text)
    return Reply(q.text, Mode.ANSWER, (answer,), "The text says:")
