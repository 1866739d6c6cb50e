"""Answers that lean on the last reply: its quote again, its reason ("why?"), its nth point."""

from __future__ import annotations

import dataclasses
import re

from bot.engine.answering.abstain import abstain
from bot.engine.answering.passages import (
    ORDINAL_OPENERS,
    offset_in_paragraph,
    opening,
    position_of,
    text_order,
)
from bot.engine.answers import Answer, Mode, Reply
from bot.engine.lexicon import RELATION_KINDS, STOPWORDS, Relation
from bot.engine.question import Question
from bot.engine.quotes import split_sentences
from bot.engine.sources import Sources
from bot.engine.text import stem, words
from bot.knowledge.model import Position
from bot.knowledge.paragraphs import squash

_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1, "final": -1}
_ITEM_NOUN = (r"(?:key|reason|point|step|recommendation|argument|item|benefit|example|priority|"
              r"measure|suggestion|idea|proposal|factor|prong|pillar|plank|element|principle|"
              r"lesson|strand|ingredient)s?")
_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)  # no word shared in a reason
TELLING_SHARE = 0.25  # of the rarest word's weight: a word shared that ties a reason to a claim
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_LIST_ITEM = re.compile(
    r"\bnumber\s+([1-9])\b|\b(" + "|".join(_NUMBERS) + r")\s+(?:of\s+(?:the|his|her|their)\s+"
    r"(?:\w+\s+)?)?" + _ITEM_NOUN + r"\b",  # "the first of the five keys"
    re.I,
)
# "prong one", "reason no. 2", "point #3": the noun before its number
_ITEM_NUMBERED = re.compile(
    r"\b" + _ITEM_NOUN + r"\s+(?:(?:no\.?|number|num\.?|#)\s*)?(" + "|".join(_WORD_NUMBERS)
    + r"|[1-6])\b(?!\s*(?:of|out\s+of|/)\b)", re.I)
# "what did he put first in his list", "first on her list", "top of his list"
_FIRST_IN_LIST = re.compile(
    r"\b(?:(" + "|".join(_NUMBERS) + r")|(top))\s+(?:in|on|of)\s+(?:his|her|their|the|that)\s+"
    r"(?:\w+\s+)?lists?\b|\btops\s+(?:his|her|their|the)\s+list\b", re.I)


# "the fourth one", and "... whats the first" ending the question after a list word
_NTH_ONE = re.compile(r"\b(" + "|".join(_NUMBERS) + r")\s+one\b|\bthe\s+(" + "|".join(_NUMBERS)
                      + r")\W*$", re.I)
_LIST_NAMED = re.compile(r"\b(?:keys|reasons|points|steps|recommendations|arguments|benefits|"
                         r"proposals|suggestions|measures|priorities|lists?)\b", re.I)


def list_item_asked(text: str) -> int:
    """ "the first guy's 4th key", "his list of keys, what's #2": which point of a
    contributor's list a question asks for (1-based, -1 the last; 0 none)."""
    m = _LIST_ITEM.search(text)
    if m is None and (n := _ITEM_NUMBERED.search(text)):
        number = n.group(1).lower()
        return int(number) if number.isdigit() else _WORD_NUMBERS[number]
    if m is None and (f := _FIRST_IN_LIST.search(text)):
        return _NUMBERS[f.group(1).lower()] if f.group(1) else 1
    if m is None:
        # "Bequelin lists keys to promoting human rights. What is the first one?"
        one = _NTH_ONE.search(text)  # (after the list: "the sixth one" alone is a person)
        named = _LIST_NAMED.search(text[:one.start()]) if one else None
        return _NUMBERS[(one.group(1) or one.group(2)).lower()] if one and named else 0
    return int(m.group(1)) if m.group(1) else _NUMBERS[m.group(2).lower()]


def item_opened(quote: str) -> int:
    """ "Second, the U.S. must ...": the number of the point of a list a quote opens with
    (0: none, nor for "finally", whose number the text does not give)."""
    first = opening(quote)
    return next((n for n, words in ORDINAL_OPENERS.items()
                 if n > 0 and first in words), 0)


def whom_shown(src: Sources, q: Question, last: Reply | None) -> Reply:
    """ "who were they talking about?", "who did they quote?": the passage just shown when it
    answers another contributor, else its author's nearest one that does (after it first)."""
    shown = _shown_position(src, q, last, "Ask about a contributor first.",
                            "The reading doesn't say.")
    if isinstance(shown, Reply):
        return shown
    top, start = shown
    if start.target is not None:
        return Reply(q.text, Mode.ANSWER, (top,), _answering(src, start))
    here = text_order(src, start)
    theirs = [p for p in src.reading.positions_of(start.contributor_id) if p.target is not None]
    if not theirs:
        who = src.reading.contributor(start.contributor_id).short_name
        return abstain(src, q, f"{who} doesn't answer another contributor there.")
    after = [p for p in theirs if text_order(src, p) > here]
    pick = min(after, key=lambda p: text_order(src, p)) if after else max(
        theirs, key=lambda p: text_order(src, p))
    return Reply(q.text, Mode.ANSWER, (src.cite(pick, top.score),), _answering(src, pick))


def _answering(src: Sources, p: Position) -> str:
    assert p.target is not None
    return f"Answering {src.reading.contributor(p.target.contributor_id).name}:"


def name_of(
    src: Sources, q: Question, last: Reply | None, focus: tuple[str, ...], said: str = ""
) -> Reply:
    """ "what's their name?": the contributor just answered, named as the text names them
    (and said so when the text never gives a name); `said` is the member's own words."""
    if not focus:
        return abstain(src, q, "Ask about a contributor first.")
    who = src.reading.contributor(focus[0])
    if who.name.lower().startswith("the "):  # "the final respondent": unnamed in the text
        return abstain(src, q, f"The text never gives {who.name}'s name.")
    about = f", {who.affiliation}" if who.affiliation else ""
    asked = WORK_WORDS.intersection(words(said or q.text)) - src.name_words.get(
        who.id, frozenset())
    if asked and not _in_text(src, who.affiliation):  # ("the Columbia professor" names him)
        # "where does Nathan teach?": the text does not say; the reading's details may
        listed = f"; the reading's details list {who.name} as {who.affiliation}" if (
            who.affiliation) else ""
        return abstain(src, q, f"The text itself doesn't say where {who.short_name} works"
                               f"{listed}.")
    answers = last.answers[:1] if last is not None and last.answers and (
        last.answers[0].contributor_id == who.id) else ()
    theirs = src.reading.positions_of(who.id)
    if not answers and theirs:  # asked first: where their piece opens
        answers = (src.cite(min(theirs, key=lambda p: text_order(src, p)), 100.0),)
    return Reply(q.text, Mode.ANSWER, answers, f"That is {who.name}{about}.")


# words asking where one works ("which university does Nathan teach at?")
WORK_WORDS = frozenset({"work", "works", "worked", "job", "employer", "organization",
                        "organisation", "affiliation", "affiliated", "university", "teach",
                        "teaches", "professor", "institution", "occupation", "profession", "org",
                        "orgs", "employed"})


def _in_text(src: Sources, affiliation: str) -> bool:
    """Whether the reading's text itself names an affiliation (its part after any comma)."""
    if not affiliation:
        return False
    place = squash(affiliation.split(",")[-1]).strip()
    return bool(place) and any(place in squash(p.text) for p in src.reading.paragraphs)


def personal(src: Sources, q: Question, focus: tuple[str, ...]) -> Reply:
    """ "how old is she?": the reading tells only who a contributor is, not their life."""
    if not focus:
        return abstain(src, q, "Ask about a contributor first.")
    who = src.reading.contributor(focus[0])
    about = f" ({who.affiliation})" if who.affiliation else ""
    return abstain(src, q, f"The reading doesn't say that about {who.name}{about}; it gives "
                           "only their part of the debate.")


def quote_again(src: Sources, q: Question, last: Reply | None) -> Reply:
    """ "got a quote?": the last reply's first answer, for its verbatim quote."""
    if last is None or not last.answers:
        return abstain(src, q, "There is no earlier answer to quote; ask about the reading.")
    return Reply(q.text, Mode.ANSWER, last.answers[:1], "In their words:")


def why(
    src: Sources, q: Question, last: Reply | None, *, elaborate: bool = False,
    seen: frozenset[str] = frozenset(),
) -> Reply:
    """ "why?": what the last answer's author gives as the reason, in the same paragraph:
    their next position there, else the sentence after the quote. With `elaborate` ("what
    did he mean?", "any examples?"), the same, going on to their next point when the
    paragraph holds no more; `seen` are positions shown already."""
    lead = "More on that:" if elaborate else "The reason given:"
    if last is None:
        return abstain(src, q, "Ask a question first, then why.")
    if not last.answers:
        return abstain(src, q, "The reading had no answer to the last question, so no reason "
                               "either.")
    top = last.answers[0]
    shown = {a.position_id for a in last.answers} | seen
    pos = position_of(src, top.position_id)
    if pos is None:
        return abstain(src, q, "The reading doesn't say why.")
    # the words shown last (a sentence of the text, for a detail), else the position's quote
    text = src.reading.paragraph(top.paragraph).text
    said = top.quote if top.quote[:40] in text else pos.quote
    near = [p for p in src.index.in_paragraph(top.paragraph)
            if p.contributor_id == pos.contributor_id and p.id not in shown]
    at = text.find(said[:40])
    after = [p for p in near if text.find(p.quote[:40]) > at]
    if after:
        best = min(after, key=lambda p: text.find(p.quote[:40]))
        return Reply(q.text, Mode.ANSWER, (src.cite(best, top.score),), lead)
    sentence = _sentence_after(text, said)
    if sentence:
        answer = dataclasses.replace(src.cite(pos, top.score), quote=sentence,
                                     paragraph=top.paragraph)
        return Reply(q.text, Mode.ANSWER, (answer,), lead)
    if elaborate and near:  # "what does she mean by that?": the point that frames it
        best = max(near, key=lambda p: text.find(p.quote[:40]))
        return Reply(q.text, Mode.ANSWER, (src.cite(best, top.score),), lead)
    if elaborate:
        return next_point(src, q, last, frozenset(shown))
    if item_opened(said) > 0:
        # "Second, it is urgent because ...", its paragraph's last words: what comes before is
        # the list's other points, the reason is developed next
        onward = next_point(src, q, last, frozenset(shown))
        if (not onward.abstained and onward.answers[0].paragraph == top.paragraph + 1
                and not item_opened(src.reading.paragraph(top.paragraph + 1).text)):
            return dataclasses.replace(onward, message=lead)  # (not the list's next point)
    words_shown = _shown_words(src, pos, said)
    developed = _reason_next_paragraph(src, pos, top.paragraph, words_shown, shown)
    if developed is not None and not (near and _shares_words(src, words_shown, near[0])):
        # the quote ends its paragraph, whose other points say nothing of it: the reason is
        # developed in the next
        return Reply(q.text, Mode.ANSWER, (src.cite(developed, top.score),), lead)
    if near:
        return Reply(q.text, Mode.ANSWER, (src.cite(near[0], top.score),), lead)
    return Reply(q.text, Mode.ANSWER, (top,), "The text gives no more reason than this:")


def _shown_words(src: Sources, pos: Position, said: str) -> frozenset[str]:
    """The stems of the words shown of a position (its quote, or the sentence shown)."""
    item = src.index.item_of(pos.id)
    shown = item.quote_stems if item is not None else frozenset()
    if said != pos.quote:
        shown = frozenset(stem(w) for w in words(said)) or shown
    return frozenset(w for w in shown if w not in _STOP_STEMS)


def _shares_words(src: Sources, words_shown: frozenset[str], other: Position) -> bool:
    """Whether another position's quote shares a word with the words shown."""
    item = src.index.item_of(other.id)
    return item is not None and bool(words_shown & item.quote_stems)


def _reason_next_paragraph(
    src: Sources, pos: Position, paragraph: int, words_shown: frozenset[str], shown: set[str]
) -> Position | None:
    """ "I worry that this language risks being vulnerable to changing interests." ending a
    paragraph, then "why?": of the author's positions in their next paragraph, the one that
    shares most of the words shown ("Nations' interests change ..."; of equals, the later),
    if any shares two."""
    mine = sorted(src.reading.contributor(pos.contributor_id).paragraphs)
    later = [n for n in mine if n > paragraph]
    if not later or later[0] != paragraph + 1:
        return None
    telling = src.index.max_idf * TELLING_SHARE  # (not "China", "U.S.": said everywhere)
    rare = frozenset(w for w in words_shown if src.index.idf.get(w, 0.0) >= telling)
    best: tuple[int, int, Position] | None = None
    for n, p in enumerate(src.index.in_paragraph(later[0])):
        other = src.index.item_of(p.id)
        if p.contributor_id != pos.contributor_id or p.id in shown or other is None:
            continue
        shared = len(rare & other.quote_stems)
        if shared >= 2 and (best is None or shared >= best[0]):  # (the later, developing it)
            best = (shared, n, p)
    return best[2] if best is not None else None


def nth_point(src: Sources, q: Question, last: Reply | None, n: int) -> Reply:
    """ "the third key?", "the last one?": the nth point of the list the last answer began,
    found by its opening ("Third, ...", "Finally, ...") or by its place after the answer."""
    shown = _shown_position(src, q, last, "Ask about a contributor's points first.",
                            "The reading doesn't list points there.")
    if isinstance(shown, Reply):
        return shown
    top, start = shown
    own = list(src.reading.positions_of(start.contributor_id))
    own.sort(key=lambda p: text_order(src, p))
    here = text_order(src, start)
    later = [p for p in own if text_order(src, p) >= here]
    openers = ORDINAL_OPENERS.get(n, ())
    texts = (lambda p: p.quote, lambda p: src.reading.paragraph(p.paragraph).text)
    for text_of in texts:
        for p in later:  # "Third, the U.S. must ...", in the quote or opening its paragraph
            if opening(text_of(p)) in openers:
                return Reply(q.text, Mode.ANSWER, (src.cite(p, top.score),))
    before = ORDINAL_OPENERS.get(n - 1, ()) if n > 1 else ()
    for text_of in texts:  # "the fifth key?" of "First, ... Fourth, ... Finally, ..."
        at = next((i for i, p in enumerate(later) if opening(text_of(p)) in before), None)
        ending = next((p for p in later[at + 1:] if opening(text_of(p)) in ORDINAL_OPENERS[-1]),
                      None) if at is not None else None
        if ending is not None:
            return Reply(q.text, Mode.ANSWER, (src.cite(ending, top.score),))
    rest = [p for p in later if p.id != start.id]
    if not rest and n == -1:  # "the last argument in his rejoinder": the one found is it
        return Reply(q.text, Mode.ANSWER, (src.cite(start, top.score),))
    if not rest:
        return abstain(src, q, "The reading lists no further points there.")
    at = _item_of(src, start)
    steps = [p for p in rest if p.paragraph > start.paragraph and _opens(src, p)]
    if 0 < at < n <= at + len(steps):
        # "the second measure?" after one that opens "First, ...", the next ones unnumbered:
        # the points go on paragraph by paragraph
        return Reply(q.text, Mode.ANSWER, (src.cite(steps[n - at - 1], top.score),))
    pick = rest[-1] if n < 0 else rest[min(n, len(rest)) - 1]
    return Reply(q.text, Mode.ANSWER, (src.cite(pick, top.score),))


def next_point(
    src: Sources, q: Question, last: Reply | None, shown: frozenset[str]
) -> Reply:
    """ "what did she say next?": the last answer's author's next position in the text."""
    found = _shown_position(src, q, last, "Ask about a contributor first.",
                            "The reading doesn't go on from there.")
    if isinstance(found, Reply):
        return found
    top, start = found
    later = _unseen(src, start, shown)
    if not later:
        who = src.reading.contributor(start.contributor_id).short_name
        return abstain(src, q, f"That is the last point {who} makes in this reading.")
    return Reply(q.text, Mode.ANSWER, (src.cite(later[0], top.score),), "Next:")


def next_of_kind(
    src: Sources, q: Question, last: Reply | None, shown: frozenset[str]
) -> Reply | None:
    """ "what else do they suggest?" after one of their recommendations: their next position
    of the kind asked, past the paragraph shown (whose rest develops the one shown); None
    when the question asks no kind or they make no such point later."""
    kinds = RELATION_KINDS.get(q.relation, ())
    found = _shown_position(src, q, last, "", "")
    if not kinds or isinstance(found, Reply):
        return None
    top, start = found
    if start.kind.value not in kinds:  # more of the kind shown, not of a kind misread
        return None
    later = [p for p in _after(src, start, shown)
             if p.paragraph > start.paragraph and p.kind.value in kinds]
    if not later:
        return None
    return Reply(q.text, Mode.ANSWER, (src.cite(later[0], top.score),), "Next:")


def next_item(
    src: Sources, q: Question, last: Reply | None, shown: frozenset[str], n: int
) -> Reply:
    """ "next" after a list's (n-1)th point: its nth ("Second, ...") if one opens so after
    the last answer, else simply what its author wrote next."""
    found = _shown_position(src, q, last, "Ask about a contributor's points first.",
                            "The reading doesn't list points there.")
    if isinstance(found, Reply):
        return found
    top, start = found
    later = _unseen(src, start, shown)
    openers = ORDINAL_OPENERS.get(n, ())
    for text_of in (lambda p: p.quote, lambda p: src.reading.paragraph(p.paragraph).text):
        for p in later:
            if opening(text_of(p)) in openers:
                return Reply(q.text, Mode.ANSWER, (src.cite(p, top.score),), "Next:")
    return next_point(src, q, last, shown)


def more_of(src: Sources, q: Question, limit: int) -> Reply:
    """ "more" after a contributor's main points: their other positions not yet shown, in the
    order they wrote them."""
    rest = sorted(
        (p for c in q.speakers for p in src.reading.positions_of(c) if p.id not in q.skip),
        key=lambda p: text_order(src, p),
    )
    if not rest:
        return abstain(src, q, "That is all the reading says on that.")
    return Reply(q.text, Mode.ANSWER, tuple(src.cite(p, 100.0) for p in rest[:limit]), "More:")


def replies_to_shown(
    src: Sources, q: Question, reply: Reply, last: Reply | None, before: Question | None
) -> Reply:
    """ "did others agree with that?", "got Neier's words on it?": an agreement (or
    disagreement, ...) that answers the very position just shown, or the one the last
    answers answered, comes before others of the same contributors (unless the question
    brings a topic of its own)."""
    kinds = RELATION_KINDS.get(q.relation, ()) if q.relation in _TARGETED else ()
    if not kinds or last is None or not last.answers or before is None:
        return reply
    if {t.word for t in q.terms} - {t.word for t in before.terms}:
        return reply
    shown = [position_of(src, a.position_id) for a in last.answers]
    about = {last.answers[0].position_id} | {
        p.target.position_id for p in shown if p is not None and p.target is not None
        and p.target.position_id
    }
    fits = [p for p in src.reading.positions
            if p.target is not None and p.target.position_id in about and p.kind in kinds
            and (p.contributor_id in q.speakers if q.speakers else
                 p.contributor_id not in q.excluded + q.targets)]
    first: dict[str, Position] = {}
    for p in fits:
        first.setdefault(p.contributor_id, p)
    if not first:
        return reply
    # in the ranked order, each contributor's answer to it in place of their other words;
    # those the ranking left out after
    answers: list[Answer] = []
    for a in reply.answers:
        fit = first.get(a.contributor_id)
        cited = src.cite(fit, a.score) if fit is not None else a
        if all(b.contributor_id != cited.contributor_id or fit is None for b in answers):
            answers.append(cited)
    placed = {a.contributor_id for a in answers}
    score = reply.answers[-1].score if reply.answers else 100.0
    answers += [src.cite(p, score) for c, p in first.items() if c not in placed]
    return dataclasses.replace(reply, answers=tuple(answers), mode=Mode.ANSWER)


_TARGETED = (Relation.AGREE, Relation.DISAGREE, Relation.CRITIQUE, Relation.CONCEDE,
             Relation.RESPOND)


def _after(src: Sources, start: Position, shown: frozenset[str]) -> list[Position]:
    """The positions its author wrote after `start`, in text order, not shown yet."""
    here = text_order(src, start)
    return sorted(
        (p for p in src.reading.positions_of(start.contributor_id)
         if text_order(src, p) > here and p.id not in shown),
        key=lambda p: text_order(src, p),
    )


def _unseen(src: Sources, start: Position, shown: frozenset[str]) -> list[Position]:
    """What its author wrote after `start`; past the paragraph of an answer that opened it
    (the rest of that paragraph develops the point shown, it is not the next one)."""
    later = _after(src, start, shown)
    seen = {p.paragraph for p in (start, *(p for p in src.reading.positions if p.id in shown))
            if _opens(src, p)}
    return [p for p in later if p.paragraph not in seen] or later


def _opens(src: Sources, p: Position) -> bool:
    """Whether a position is its author's first in its paragraph: the sentence that states
    the paragraph's point, which the rest of the paragraph develops."""
    first = min((o for o in src.reading.positions_of(p.contributor_id)
                 if o.paragraph == p.paragraph), key=lambda o: offset_in_paragraph(src, o))
    return first.id == p.id


def _item_of(src: Sources, p: Position) -> int:
    """The number of the point of a list a position's sentence opens with (0: none)."""
    text = src.reading.paragraph(p.paragraph).text
    sentence = next((x for x in split_sentences(text) if p.quote[:40] in x), p.quote)
    return item_opened(sentence)


def _shown_position(
    src: Sources, q: Question, last: Reply | None, nothing_yet: str, not_indexed: str
) -> tuple[Answer, Position] | Reply:
    """The last reply's best answer and its position, or the abstention that says why a
    follow-up about it cannot be answered (`nothing_yet`: no answer shown yet)."""
    if last is None or not last.answers:
        return abstain(src, q, nothing_yet)
    top = last.answers[0]
    start = position_of(src, top.position_id)
    if start is None:
        return abstain(src, q, not_indexed)
    return top, start


def _sentence_after(text: str, quote: str) -> str:
    """The sentence of `text` that follows the one holding `quote` ("" if none)."""
    sentences = split_sentences(text)
    for i, s in enumerate(sentences[:-1]):
        if quote[:40] in s or s in quote:
            nxt = sentences[i + 1]
            return nxt if nxt not in quote else ""
    return ""

