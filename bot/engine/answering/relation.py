"""Answering a relation or a topic: "what did Neier disagree with?", "who mentioned Tibet?".

Ranks the positions, keeps those that hold the topic, and either cites the best (one per
contributor for "who" questions) or says why none answers.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from bot.engine.answering.abstain import abstain
from bot.engine.answering.context import WORK_WORDS, name_of
from bot.engine.answering.detail import (
    LACKS_DETAIL,
    YEAR,
    detail,
    detail_in_place,
    lacks_detail,
)
from bot.engine.answering.lists import with_list
from bot.engine.answering.names import gives_a_name, person_named, thing_named
from bot.engine.answering.place import (
    END_WORDS,
    SPEECH_WORDS,
    START_WORDS,
    names_a_speech,
    speech_ends,
)
from bot.engine.answering.readout import asks_reader, by_reader, reader_of_named
from bot.engine.answers import Answer, Mode, Reply
from bot.engine.index import COMMON_STEMS, Term
from bot.engine.lexicon import COMMON_WORDS, FIRST_NAMES, Relation
from bot.engine.question import Question
from bot.engine.rank import SECOND_KIND, TARGET_FIT, Scored, answers_topic
from bot.engine.sources import Sources
from bot.engine.text import stem, words, written_as_name
from bot.knowledge.model import Position

PLACE_RATIO = 0.85  # "at the start of his piece": the earliest of the answers this close
PIECE_SHARE = 0.34  # a run of paragraphs this share of the longest is a piece of its own
NOT_COVERED = "The reading doesn't cover that."  # no passage holds the topic at all
KEEP_RATIO = 0.6  # further answers must score at least this share of the best one
# another contributor answers for the one asked about only when holding the topic this well
ELSEWHERE_COVERAGE = 0.7
FULL_ELSEWHERE = 0.9  # another's position that holds this much of the question's words ...
FAR_WEAKER = 0.5  # ... is the answer when the asked one's best holds less than this
LOOSE_ELSEWHERE = 0.6  # ... or, for the one best position alone, this and three strong words
# ... or, among more than two contributors (who do not all speak to the same matters, as the
# two of a debate do), this and two: "neier had a line about the great firewall getting leaky"
PANEL_ELSEWHERE = 0.4
PARTLY_COVERAGE = 0.4  # ... unless the one asked holds this much, two words in one sentence
RELATION_NOUNS = {
    Relation.AGREE: "agreement",
    Relation.DISAGREE: "disagreement",
    Relation.RECOMMEND: "recommendation",
    Relation.CONCERN: "expression of concern",
    Relation.CRITIQUE: "criticism",
    Relation.CONCEDE: "concession",
    Relation.RESPOND: "reference to another contributor",
}


def relation(src: Sources, q: Question, limit: int) -> Reply:
    """The positions that answer the question's relation and topic, or why none does."""
    if _asks_who_they_are(q):
        # "what is the name of the last contributor?", "who wrote the final contribution?",
        # "where does Nathan teach?": as the text names them, if it does
        return name_of(src, q, None, q.speakers)
    if reader_of_named(q):  # "who read from Lincoln's speech?": not Lincoln, his reader
        q = dataclasses.replace(q, who=True, speakers=())
    if q.where and not (q.speakers or q.targets or q.terms or q.who):
        # "what was said at the very end?": the reading's last (or first) words
        return Reply(q.text, Mode.ANSWER, _at_place(src, q, limit))
    ranked = src.ranker.rank(q, speakers=q.speakers, targets=q.targets)
    if q.who and not q.speakers and q.targets and not q.terms and q.relation in _KINDED:
        # "who agreed with Nathan?": a critique of Nathan is no agreement with him
        kinded = [s for s in ranked if s.on_target and _kind_fit(s) >= SECOND_KIND]
        if not kinded:
            return _nobody_that_way(src, q, ranked, limit)
        ranked = kinded
    if q.speakers and q.targets and not q.terms and q.relation in (Relation.ANY, Relation.RESPOND):
        naming = _naming(src, q)
        if naming and not (ranked and ranked[0].on_target):
            # "does Rosenzweig mention Hom?": where he names her, though he answers another
            return Reply(q.text, Mode.ANSWER, tuple(src.cite(p, 100.0) for p in naming[:limit]))
    fitting = [s for s in ranked if answers_topic(s, q)]
    if q.targets and q.terms and not q.speakers:  # "who criticizes Nathan's framing"
        fitting = [s for s in fitting if s.on_target] or fitting
    everything = ranked
    ranked = fitting or ranked[:1]  # the best that answers, not merely the best score
    if q.relation in (Relation.ANSWER, Relation.RESPOND) and len(q.speakers) == 1 and ranked:
        ranked = _past_the_setup(src, ranked, everything)
    never = _never_named(src, q)
    if never:  # "which company did he call out by name, foxconn?": a name the text never
        # uses (though a topic may), so no passage names it
        no = abstain(src, q, _gloss_note(q) or f"The text never names {never.title()}.")
        return dataclasses.replace(no, related=_best(src, ranked, limit) if ranked else ())
    elsewhere = functools.cache(lambda: _elsewhere_top(src, q))  # ranked once, if needed
    problem = unanswerable(src, q, ranked, elsewhere)
    year = next((t.word for t in q.terms if not t.known and _YEAR.fullmatch(t.word)), "")
    if year:  # "did he talk about the 2009 dialogue?": no passage is on a year never named
        no = abstain(src, q, f"The text never mentions {year}.")
        return dataclasses.replace(no, related=_best(src, ranked, limit) if ranked else ())
    if problem and _words_around_relation(q) and not (
        q.speakers and _said_well_elsewhere(elsewhere(), q)
    ):
        return relation(src, dataclasses.replace(q, terms=()), limit)
    focused = tuple(t for t in q.terms if t.focus)
    if problem and q.speakers and focused and len(focused) < len(q.terms):
        # "... will China democratize? what does Nathan say about the regime": the topic is
        # what follows "about"; the other words may belong to the chat around it
        return relation(src, dataclasses.replace(q, terms=focused), limit)
    if problem:
        found = detail(src, q)  # "for how long ...?": the text's own sentence
        if found is not None:
            return found
        if q.speakers and q.terms and not any(_telling(t) or t.focus for t in q.terms):
            # "what did the 4th contributor list as reasons": no topic of the text's, only
            # everyday words about one's piece
            loose = relation(src, dataclasses.replace(q, terms=()), limit)
            return dataclasses.replace(loose, loose=True)
        others = _said_by_others(src, q, limit) if q.speakers and q.terms else ()
        if not others and q.speakers and q.terms:
            # "what did Hom say about lawyers fighting for rights out of professional ethics?":
            # the one position that answers it, though it holds less of the words
            top = elsewhere()
            if top is not None and (
                (top.coverage >= LOOSE_ELSEWHERE and top.strong >= 3)
                or (len(src.contributors) > 2 and top.coverage >= PANEL_ELSEWHERE
                    and top.strong >= 2)
            ) and not (
                WORK_WORDS.intersection(t.word for t in q.terms)  # "where does he teach?"
            ):
                others = (src.cite(top.item.position, top.score),)
        if others and ranked and len(src.contributors) == 2 and _partly_answers(q, ranked[0]):
            # in a debate of two, who speak to the same matters all along: the one asked says
            # two of its words in one sentence, so that is their side of it, not the other's
            return Reply(q.text, Mode.ANSWER, _best(src, ranked[:1], limit), _gloss_note(q))
        if others:  # "what did Hom say about the Soviet bloc?": Neier did, and we say so
            note = _elsewhere_note(src, q, others)
            return Reply(q.text, Mode.ANSWER, others, note, elsewhere=q.speakers)
        return dataclasses.replace(abstain(src, q, problem), uncovered=problem == NOT_COVERED)
    note = _gloss_note(q)
    if note and _ASKS_BY_NAME.search(q.text) and ranked:
        # "does anyone name an actual company, like Google?": the text never names it; the
        # passages on what it does speak of are related, no answer
        return dataclasses.replace(abstain(src, q, note), related=_best(src, ranked, limit))
    unnamed = _name_not_given(q) if ranked and not q.where else ""
    if unnamed:  # "what's the laureate's name?", "which companies do they name?": the
        # passage on them, unless it names them
        on_them = _best(src, ranked, limit)
        if on_them and not gives_a_name(src, q.text, on_them[0].quote):
            return dataclasses.replace(abstain(src, q, unnamed), related=on_them)
    if q.who and not q.speakers:
        if asks_reader(q):  # "who read out the platform?": the reader, not its author
            ranked = by_reader(src, q, ranked)
        if q.relation is Relation.ANY and not _NEGATED.search(q.text):
            ranked = _sayer_first(ranked)
        if q.relation in (Relation.DISAGREE, Relation.AGREE) and ranked and (
            _kind_fit(ranked[0]) < SECOND_KIND
        ):
            # "anybody disagree with the idea that the US should be the example?": of those
            # that answer the topic, a disagreement before the claim itself
            kinded = [s for s in ranked if _kind_fit(s) >= SECOND_KIND and answers_topic(s, q)]
            ranked = kinded + [s for s in ranked if s not in kinded]
        if q.where and ranked:
            # "which responder praises both at the start?": of near ties, the one earliest
            # (or latest) in its own author's piece
            ranked = _by_own_place(src, ranked, q.where)
        found = Reply(q.text, Mode.WHO, _per_contributor(src, q, ranked, limit), note)
        if _FIRST_TO_SAY.search(q.text):
            # "who first made the point that ...?": of those who make it, the earliest
            found = dataclasses.replace(
                found, answers=tuple(sorted(found.answers, key=lambda a: a.paragraph)))
        if not q.where and lacks_detail(src, q, found):
            # "does anyone say when Guantanamo should close?": nobody gives that time
            return _lacking_detail(src, q, found)
        return found
    best = Reply(q.text, Mode.ANSWER, _best(src, ranked, limit), note)
    in_place = detail_in_place(src, q, best) if not q.where else None
    if in_place is not None:  # "how long has she watched China?": the sentence that says
        return in_place
    if not q.where and lacks_detail(src, q, best):  # the text never gives that number
        return _lacking_detail(src, q, best)
    if q.where and q.speakers and names_a_speech(q.text) and (not q.terms or (
        all(t.word in _speech_naming(q.text) for t in q.terms) and _place_beside_speech(q.text)
    )):  # "what did he say first in his opening speech": "speech" names it, no topic
        ends = _speech_end(src, q, limit)  # "how did he wrap up his reply?"
        if ends:
            return Reply(q.text, Mode.ANSWER, ends, note)
    within = _in_named_speech(q, ranked) if q.where and q.speakers and q.terms else []
    if within:  # "at the end of his first speech what does he predict ...": of that speech's
        return Reply(q.text, Mode.ANSWER, _best(src, _by_place(src, within, q.where), limit), note)
    if q.where and q.speakers and not names_a_speech(q.text):
        # "at the start of his piece": the earliest that answers
        if not q.terms and q.relation in (Relation.ANY, Relation.SUMMARY):
            return Reply(q.text, Mode.ANSWER, _at_place(src, q, limit), note)
        return Reply(q.text, Mode.ANSWER, _best(src, _by_place(src, ranked, q.where), limit), note)
    return with_list(src, q, best)  # "what are Bequelin's keys?": the opening and its points


_NAMED_SPEECH = re.compile(
    r"\b(?:opening|closing|first|last|final)\s+(?:speech|speeches|reply|rejoinder|remarks)\b",
    re.I,
)
_PLACE_WORDS = START_WORDS | END_WORDS | {"first", "last", "final"}


# a speech named by its place, as a drafted debate's positions name theirs in their topics
_SPEECH_BY_PLACE = {"first": "opening", "opening": "opening", "last": "closing",
                    "final": "closing", "closing": "closing"}


def _in_named_speech(q: Question, ranked: list[Scored]) -> list[Scored]:
    """Of the ranked, those of the one speech a question names by its place ("his first
    speech" is the "opening speech" of a drafted debate); [] if it names none, or no
    position of it answers."""
    named = {f"{_SPEECH_BY_PLACE[w[0]]} {w[1].rstrip('s')}" for w in (
        words(m.group(0)) for m in _NAMED_SPEECH.finditer(q.text)) if w[1] != "remarks"}
    if len(named) != 1:
        return []
    within = [s for s in ranked if named & set(s.item.position.topics)]
    return within if within and answers_topic(within[0], q) else []


def _speech_naming(text: str) -> frozenset[str]:
    """The words that name a speech in a question: "speech", "reply", and "opening" in
    "at the end of his opening speech"."""
    named = {w for m in _NAMED_SPEECH.finditer(text) for w in words(m.group(0))}
    return SPEECH_WORDS | named


def _place_beside_speech(text: str) -> bool:
    """Whether a question asks for a place in a speech besides naming which speech
    ("first in his opening speech"; not "the questions in his opening speech")."""
    return bool(_PLACE_WORDS.intersection(words(_NAMED_SPEECH.sub(" ", text))))


def _place(src: Sources, pos: Position) -> tuple[int, int]:
    """Where a position stands in the text: its paragraph, and its quote's offset there."""
    return pos.paragraph, src.reading.paragraph(pos.paragraph).text.find(pos.quote[:40])


def _at_place(src: Sources, q: Question, limit: int) -> tuple[Answer, ...]:
    """ "What does Neier say at the end?": his positions from the last (or the first) on."""
    who = q.speakers or tuple(c.id for c in src.contributors)
    unowned = frozenset(p.number for p in src.reading.paragraphs if src.unowned(p.number))
    pieces = {c: _piece_at(src.reading.contributor(c).paragraphs, q.where, unowned) for c in who}
    mine = [  # in their own pieces (not a heckle inside another's speech)
        p for c in who for p in src.reading.positions_of(c) if p.paragraph in pieces[c]
    ]
    mine.sort(key=lambda p: _place(src, p), reverse=q.where > 0)
    return tuple(src.cite(p, 100.0) for p in mine[:limit])


def _speech_end(src: Sources, q: Question, limit: int) -> tuple[Answer, ...]:
    """The positions that open or close the speech a question names, as a drafted debate
    marks them ("end of the reply"): the last such for the end, the first for the start."""
    wanted = speech_ends(q.text, q.where)
    marked = [p for c in q.speakers for p in src.reading.positions_of(c)
              if wanted.intersection(p.topics)]
    which = {" ".join(words(m.group(0))) for m in _NAMED_SPEECH.finditer(q.text)}
    marked = [p for p in marked if which.intersection(p.topics)] or marked  # "opening speech"
    marked.sort(key=lambda p: _place(src, p), reverse=q.where > 0)
    return tuple(src.cite(p, 100.0) for p in marked[:limit])


def _runs(paragraphs: tuple[int, ...], unowned: frozenset[int] = frozenset()) -> list[range]:
    """A contributor's runs of paragraphs: one or two other paragraphs between two of theirs
    (a heading, "[Applause]", a question read out) break no run, nor do any number of
    `unowned` ones, no one's words (a photo caption and its credit)."""
    runs: list[range] = []
    start = prev = None
    for n in sorted(paragraphs):
        if prev is None or start is None or (
            n > prev + 2 and not unowned.issuperset(range(prev + 1, n))
        ):
            if start is not None and prev is not None:
                runs.append(range(start, prev + 1))
            start = n
        prev = n
    if start is not None and prev is not None:
        runs.append(range(start, prev + 1))
    return runs


def _piece_at(
    paragraphs: tuple[int, ...], where: int, unowned: frozenset[int] = frozenset()
) -> range:
    """The piece whose start (`where` < 0) or end a question asks for: of a contributor's
    pieces (runs at least PIECE_SHARE as long as the longest; a debater's speeches, not
    his interjections in another's), the first for the start, the last for the end."""
    runs = _runs(paragraphs, unowned)
    if not runs:
        return range(0)
    longest = max(len(r) for r in runs)
    pieces = [r for r in runs if len(r) >= PIECE_SHARE * longest]
    return pieces[0] if where < 0 else pieces[-1]


def _by_place(src: Sources, ranked: list[Scored], where: int) -> list[Scored]:
    """The positions that answer well enough, first to last in the text (last to first for
    "at the end"), before the rest."""
    top = ranked[0].score
    # near ties only: in a long reading many passages share a word with the question, and
    # "at the end of his opening speech" must not pick the last of them all
    near = [s for s in ranked if s.score >= PLACE_RATIO * top]
    near.sort(key=lambda s: _place(src, s.item.position), reverse=where > 0)
    lifted = dataclasses.replace(near[0], score=max(near[0].score, top)) if near else None
    rest = [s for s in ranked if s not in near]
    return ([lifted] if lifted else []) + near[1:] + rest


def _by_own_place(src: Sources, ranked: list[Scored], where: int) -> list[Scored]:
    """As `_by_place`, by the place of each position in its own author's piece."""
    top = ranked[0].score
    near = [s for s in ranked if s.score >= PLACE_RATIO * top]

    def own_place(s: Scored) -> tuple[int, int]:
        pos = s.item.position
        mine = sorted(src.reading.contributor(pos.contributor_id).paragraphs)
        at = mine.index(pos.paragraph) if pos.paragraph in mine else len(mine)
        return (at if where < 0 else len(mine) - at), _place(src, pos)[1] * -where

    near.sort(key=own_place)
    lifted = dataclasses.replace(near[0], score=max(near[0].score, top)) if near else None
    rest = [s for s in ranked if s not in near]
    return ([lifted] if lifted else []) + near[1:] + rest


_KINDED = (Relation.AGREE, Relation.DISAGREE, Relation.CRITIQUE, Relation.CONCEDE,
           Relation.CONCERN)


# "He has read from my speech ...", "he says:", "He denies the accuracy of my recollection":
# a speaker telling what the other said, the setup of an answer that follows it
_SETUP = re.compile(
    r"^(?:\W*\w+\W+){0,4}?(?:he|the\s+judge|judge\s+\w+|mr\.\s+\w+|my\s+friend)\s+"
    r"(?:\w+\s+){0,2}?(?:says|said|read|reads|alleges|alleged|denies|denied|charges|charged|"
    r"tells|told|asks|asked|quotes|quoted|insists|complains|argues|argued)\b|:\s*$", re.I)
SETUP_SHARE = 0.6  # what follows a setup must score this share of it to take its place
SETUP_REACH = 2  # ... and stand within this many paragraphs after it


def _offset(src: Sources, pos: Position) -> tuple[int, int]:
    return pos.paragraph, src.reading.paragraph(pos.paragraph).text.find(pos.quote[:40])


def _past_the_setup(src: Sources, ranked: list[Scored], everything: list[Scored]) -> list[Scored]:
    """ "How did Lincoln answer that?": when the best position only tells what the other man
    said ("He has read from my speech ..."), the best of the speaker's own words just after
    it answers."""
    top = ranked[0].item.position
    if not _SETUP.search(top.quote):
        return ranked
    at = _offset(src, top)
    after = [
        s for s in everything
        if (p := s.item.position).contributor_id == top.contributor_id and p.id != top.id
        and at < _offset(src, p) and p.paragraph - top.paragraph <= SETUP_REACH
        and s.score >= SETUP_SHARE * ranked[0].score and not _SETUP.search(p.quote)
    ]
    if not after:
        return ranked
    best = max(after, key=lambda s: s.score)  # (the first such: the text's order)
    return [best, *(s for s in ranked if s is not best)]


def _kind_fit(s: Scored) -> float:
    """How well a position's kind fits the relation, whatever its target."""
    return s.fit - (TARGET_FIT if s.on_target else 0.0)


def _naming(src: Sources, q: Question) -> list[Position]:
    """The asked contributors' positions whose quote names one of the targets."""
    names: set[str] = set()
    for cid in q.targets:
        c = src.reading.contributor(cid)
        for alias in (c.name, c.short_name):  # their names, not role words ("professor")
            names.update(w for w in words(alias) if len(w) >= 3 and w not in COMMON_WORDS)
    names -= {"the", "final", "last", "first", "respondent", "contributor"}
    return [
        p for cid in q.speakers for p in src.reading.positions_of(cid)
        if names.intersection(words(p.quote))
    ]


def _telling(t: Term) -> bool:
    """A topic word that names something, not an everyday word ("list", "reasons")."""
    return not t.known or (t.word not in COMMON_WORDS and stem(t.word) not in COMMON_STEMS)


def _nobody_that_way(src: Sources, q: Question, ranked: list[Scored], limit: int) -> Reply:
    """Nobody answers the named contributor the way asked: say so, and show (apart) who
    did respond to them, and how."""
    whom = src.names(q.targets)
    noun = RELATION_NOUNS.get(q.relation, "response")
    why = f"No contributor makes any {noun} with {whom} in this reading."
    responses = [s for s in ranked if s.on_target]
    related = _best(src, responses, limit) if responses else ()
    if related:
        how = "; ".join(f"{a.contributor} ({a.kind})" for a in related)
        why += f" Responding to {whom}: {how}."
    else:
        why = f"No contributor responds to {whom} that way in this reading."
    return dataclasses.replace(abstain(src, q, why), related=related)


def _words_around_relation(q: Question) -> bool:
    """ "Neier's main point in a few lines", "which earlier contributors does Rosenzweig
    credit at the start": the words around the relation are not a topic (but "Neier's
    position on Taiwan" names one, and is not answered this way)."""
    return bool(q.terms and q.relations and (q.speakers or _only_filler(q))) and not any(
        t.focus and t.word not in COMMON_WORDS for t in q.terms
    )


def _lacking_detail(src: Sources, q: Question, found: Reply) -> Reply:
    """The text lacks the detail asked: say so (after the gloss note, if any: "The text
    doesn't name Liu Xiaobo; it speaks of ... It doesn't give that detail."), with the
    passages found as related."""
    why = f"{found.message} It doesn't give that detail." if found.message else LACKS_DETAIL
    return dataclasses.replace(abstain(src, q, why), related=found.answers, missing_detail=True)


_YEAR = re.compile(YEAR)


def _all_before(src: Sources, speakers: tuple[str, ...], targets: tuple[str, ...]) -> bool:
    """Whether every word of the speakers comes before any of the targets' (a written
    exchange's earlier pieces, which answer no later one; in a debate each speaks again)."""
    if not speakers or not targets:
        return False
    last = max((n for c in speakers for n in src.reading.contributor(c).paragraphs), default=0)
    first = min((n for c in targets for n in src.reading.contributor(c).paragraphs), default=0)
    return 0 < last < first


def _object(src: Sources, cid: str) -> str:
    """ "him", "her" or "them", as the reading calls a contributor."""
    return {"he": "him", "she": "her"}.get(src.reading.contributor(cid).pronoun, "them")


def unanswerable(
    src: Sources, q: Question, ranked: list[Scored],
    elsewhere: Callable[[], Scored | None],
) -> str:
    """Why the best-ranked positions do not answer the question ("" if they do);
    `elsewhere` gives the best position of anyone else's that answers (ranked on demand)."""
    names = src.names(q.speakers)
    asked = RELATION_NOUNS.get(q.relation, "")
    if q.relation is Relation.RESPOND and _all_before(src, q.speakers, q.targets) and (
        not ranked or not ranked[0].on_target
    ):
        # "did Nathan ever write back to answer that?" of the final respondent's point
        return (f"{names} wrote before {src.names(q.targets)}, so could not answer "
                f"{'them' if len(q.targets) > 1 else _object(src, q.targets[0])}.")
    if not q.terms:
        if asked and (not ranked or ranked[0].fit < SECOND_KIND):
            if names:
                return f"{names} makes no {asked} in this reading."
            return f"No contributor makes any {asked} in this reading."
        if q.targets and (not ranked or not ranked[0].on_target):
            whom = src.names(q.targets)
            if names:
                return f"{names} doesn't respond to {whom} that way in this reading."
            return f"No contributor responds to {whom} that way in this reading."
        if not q.speakers and not q.targets and q.relation is Relation.ANY:
            return "Ask about a contributor or a topic of the reading."
        return "" if ranked else NOT_COVERED
    best = ranked[0] if ranked else None
    if q.speakers:
        said = _said_elsewhere(src, q, best, elsewhere)
        if said:
            return f"{names} doesn't address that in this reading; {said}."
    if best is None or not answers_topic(best, q):
        named = _unnamed(q)
        return f"The text never names {named}." if named else NOT_COVERED
    pair = _name_never_together(src, q)
    if pair:
        return f"The text never names {pair}."
    return ""


def _name_never_together(src: Sources, q: Question) -> str:
    """A given name and the word after it in the question ("john brown") that the text
    never writes together, a middle initial allowed (its "John Wentworth" and "a little
    brown" are someone and something else): the name, or ""."""
    text = q.text.lower()
    for a, b in zip(q.terms, q.terms[1:], strict=False):
        if not (a.known and b.known) or a.word not in FIRST_NAMES:
            continue
        if not re.search(rf"\b{re.escape(a.word)}\s+{re.escape(b.word)}\b(?!-)", text):
            continue  # ("James house-frame": the name, then a word of another)
        first = "|".join(re.escape(w) for w in (a.word, *a.gloss))  # "Fred." for "frederick"
        together = re.compile(rf"\b(?:{first})\.?\s+(?:[a-z]\.\s+)?{re.escape(b.word)}\b", re.I)
        if not any(together.search(p.text) for p in src.reading.paragraphs):
            return f"{a.word.title()} {b.word.title()}"
    return ""


_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


def _unnamed(q: Question) -> str:
    """A name the question uses that the reading never does ("Deng Xiaoping"), if any."""
    unknown = {t.word.lower() for t in q.terms if not t.known}
    for m in _NAME.finditer(q.text):
        parts = [w.lower() for w in m.group(0).split()]
        if m.start() > 0 and all(w in unknown for w in parts):
            return m.group(0)
    return ""


def _partly_answers(q: Question, best: Scored) -> bool:
    """Whether the asked contributor's best position holds part of the topic: two of its
    words in its own sentence, and PARTLY_COVERAGE of its weight."""
    return (best.item.position.contributor_id in q.speakers and best.strong >= 2
            and best.coverage >= PARTLY_COVERAGE)


def _said_by_others(src: Sources, q: Question, limit: int) -> tuple[Answer, ...]:
    """ "What did Hom say about the Soviet bloc?" when Hom didn't but Neier did: Neier's
    positions, which answer in Hom's stead (the reply says Hom doesn't address it)."""
    anyone = dataclasses.replace(q, speakers=(), who=False, compare=False)
    ranked = [
        s for s in src.ranker.rank(anyone, targets=q.targets)
        if answers_topic(s, anyone) and s.coverage >= ELSEWHERE_COVERAGE
        and s.item.position.contributor_id not in q.speakers
    ]
    if ranked and ranked[0].literal > 0:  # those who name it, not near misses
        ranked = [s for s in ranked if s.literal > 0]
    return _best(src, ranked, limit) if ranked else ()


def _elsewhere_note(src: Sources, q: Question, others: tuple[Answer, ...]) -> str:
    """ "Sharon Hom doesn't address the Soviet bloc; Aryeh Neier does:" """
    asked = " or ".join(src.reading.contributor(c).name for c in q.speakers)
    names = list(dict.fromkeys(a.contributor for a in others))
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "does" if len(names) == 1 else "do"
    note = f"{asked} doesn't address {topic_phrase(q, others)}; {who} {verb}:"
    return note[:1].upper() + note[1:]


_JOINERS = frozenset({"the", "of", "and", "in", "on", "a", "an", "to", "for", "s"})
_ARTICLE = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def topic_phrase(q: Question, answers: tuple[Answer, ...] = ()) -> str:
    """The question's topic in its own words ("the Soviet bloc"), spelt as the answers'
    quotes spell it when they hold it; "that" when the words cannot be found."""
    if q.phrase and len(q.phrase) <= 80:
        return f"“{q.phrase}”"  # "Hom's 'same real-time virtual boat' line": the words quoted
    wanted = [t.word.lower() for t in q.terms if t.focus] or [t.word.lower() for t in q.terms]
    low = q.text.lower()
    spans = [m.span() for w in wanted for m in [re.search(rf"\b{re.escape(w)}\b", low)] if m]
    if not spans:
        return "that"
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    phrase = q.text[start:end]
    between = set(words(phrase)) - set(wanted) - _JOINERS
    if end - start > 80 or between:  # "problems did she list": not a phrase of the topic
        return "that"
    for a in answers:
        at = a.quote.lower().find(phrase.lower())
        if at >= 0:
            phrase = a.quote[at : at + len(phrase)]
            break
    article = _ARTICLE.search(q.text[:start])
    return (article.group(0).lower() if article else "") + phrase


def _said_elsewhere(
    src: Sources, q: Question, best: Scored | None, elsewhere: Callable[[], Scored | None]
) -> str:
    """Who else covers a topic the asked contributor doesn't: "Hom does (paragraph 17)"."""
    if best is not None and answers_topic(best, q) and not (
        best.coverage < FAR_WEAKER and _said_in_full(elsewhere(), q)
    ):  # "hom said china would be more stable once ... consent of the people?": Nathan says
        # all of it; her best holds a third of it
        return ""
    top = elsewhere()
    if top is None:
        return ""
    pos = top.item.position
    who = src.reading.contributor(pos.contributor_id).short_name
    return f"{who} does (paragraph {pos.paragraph})"


def _said_in_full(top: Scored | None, q: Question) -> bool:
    """Whether another contributor's position holds nearly all of the question's words (not
    one the question asks about: "does Josh agree with Nicholas's first key, that ...?")."""
    return top is not None and top.coverage >= FULL_ELSEWHERE and top.strong >= 4 and (
        top.item.position.contributor_id not in q.targets)


def _said_well_elsewhere(top: Scored | None, q: Question) -> bool:
    """ "rosenzweig mentions factory workers making clothes, what's the suggestion", "neier's
    dalai lama suggestion": words another contributor's position (`top`) holds well (all of
    them, when fewer than three) are a topic, not chat around the relation."""
    return top is not None and top.coverage >= ELSEWHERE_COVERAGE and top.strong >= min(
        3, max(2, len(q.terms)))


def _elsewhere_top(src: Sources, q: Question) -> Scored | None:
    """The best position of anyone's, if it answers and is not the asked contributor's."""
    others = src.ranker.rank(q)
    if not others or not answers_topic(others[0], q):
        return None
    return None if others[0].item.position.contributor_id in q.speakers else others[0]


def _best(src: Sources, ranked: list[Scored], limit: int) -> tuple[Answer, ...]:
    """The best answers, distinct quotes; `ranked` holds only positions that answer."""
    top = ranked[0].score
    out: list[Answer] = []
    quotes: set[str] = set()
    for s in ranked:
        if len(out) >= limit or s.score < KEEP_RATIO * top:
            break
        if s.item.position.quote in quotes:
            continue
        quotes.add(s.item.position.quote)
        out.append(src.cite(s.item.position, s.score))
    return tuple(out)


def _per_contributor(
    src: Sources, q: Question, ranked: list[Scored], limit: int
) -> tuple[Answer, ...]:
    """Each contributor's best answer; `ranked` holds only positions that answer."""
    top = ranked[0].score
    # when the text itself names the topic, list those who name it, not near misses
    literal = ranked[0].literal > 0
    out: dict[str, Answer] = {}
    for s in ranked:
        cid = s.item.position.contributor_id
        if cid in out or s.score < KEEP_RATIO * top or (literal and not s.literal):
            continue
        if not q.terms and q.relation not in (Relation.ANY, Relation.SUMMARY) and (
            s.fit < SECOND_KIND
        ):
            continue
        out[cid] = src.cite(s.item.position, s.score)
        if len(out) >= limit:
            break
    return tuple(out.values())


# "who first made the point", "the first to say", "who originally argued"
_FIRST_TO_SAY = re.compile(
    r"\bwho\s+(?:\w+\s+)?(?:first|originally|initially)\s+(?!contributor|respondent|speaker)"
    r"\w+|\bthe\s+first\s+(?:one\s+|person\s+)?to\s+\w+|\bwho\s+(?:opened|started|began|"
    r"kicked\s+off)\b.*\bby\s+(?:saying|arguing|claiming)\b", re.I)


# the name as a noun ("their name", "the sixth author's name", "name of"), not "did they name"
_ASKS_THEIR_NAME = re.compile(
    r"\b(?:the|their|his|her|its|\w+['’]s|\w+s['’]?)\s+(?:real\s+|actual\s+|full\s+)?name\b"
    r"|\bname\s+of\b|\b(?:is|are|['’]s)\s+(?:\w+\s+){1,3}called\b", re.I)
_WHO_IS_ONE = re.compile(r"\bwho\s*(?:['’]s|\s+is|\s+was|\s+wrote|\s+authored)\s+the\b", re.I)
_SAYS = re.compile(r"\b(?:say|says|said|think|thinks|argue|argues|write|writes|wrote|"
                   r"mention|mentions|about)\b", re.I)  # "what does Nathan say about work"
_NAME_FILLER = frozenset({"actual", "real", "full", "like"})


_POINT_ASKED = frozenset({Relation.SUMMARY, Relation.RECOMMEND, Relation.CONCERN,
                          Relation.CRITIQUE, Relation.DISAGREE, Relation.CONCEDE})


def _asks_who_they_are(q: Question) -> bool:
    """Whether a question about one contributor asks only their name ("what is the name of
    the last contributor?", "who wrote the final contribution?") or where they work ("which
    university does Nathan teach at?", not "what does Nathan say about work")."""
    if len(q.speakers) != 1 or q.targets or q.relation in _POINT_ASKED or q.where:
        return False  # ("who is the third one and what's their main thing?" asks the point,
        # "... and how do they open?" a place in their piece)
    if (_ASKS_THEIR_NAME.search(q.text) or _WHO_IS_ONE.search(q.text)) and all(
        t.word in _NAME_FILLER for t in q.terms
    ):
        return True
    return bool(q.terms) and all(
        t.word in _NAME_FILLER or t.word in WORK_WORDS for t in q.terms
    ) and bool(WORK_WORDS.intersection(words(q.text))) and not _SAYS.search(q.text)


def _name_not_given(q: Question) -> str:
    """What to say if the passage found names no one, when the question asks for the name
    of a person it speaks of or of things ("" when it asks for no name)."""
    person = person_named(q.text)
    if person:
        return f"The text doesn't give the {person}'s name."
    return "The text doesn't give those names; this is what it says." if thing_named(
        q.text) else ""


_DISPUTING = frozenset({"disagreement", "critique"})
# a question put in the negative ("who says the US shouldn't be the moral model?") asks
# for the dispute itself
_NEGATED = re.compile(
    r"n['’]?t\b|\b(?:not|no|never|against|cannot|refuses?|rather|instead|oppose[sd]?|"
    r"rejects?|rejected|wrong|bad|neither|nor|nobody|none|stop|stops|quit|avoid|avoids|less)\b",
    re.I)
SAYER_NEAR = 0.75  # how near the disputed position must score to go before its dispute


def _sayer_first(ranked: list[Scored]) -> list[Scored]:
    """ "who said the US has to lead by example?": when the best match disputes a position
    that matches nearly as well (it holds the same words to say "not so"), the position it
    disputes, whose author said it, goes first."""
    if not ranked:
        return ranked
    top = ranked[0].item.position
    if top.kind.value not in _DISPUTING or top.target is None or not top.target.position_id:
        return ranked
    said = next((s for s in ranked[1:6] if s.item.position.id == top.target.position_id
                 and s.score >= SAYER_NEAR * ranked[0].score), None)
    return ranked if said is None else [said, *(s for s in ranked if s is not said)]


# a question whether the text names something: "does anyone name X", "X by name"
_ASKS_BY_NAME = re.compile(
    r"\b(?:did|does|do)\s+(?:\w+\s+){0,3}?(?:name|cite)\b|\bby\s+name\b|\bnamed?\s+"
    r"(?:an?\s+)?(?:actual|specific|particular)\b", re.I)


def _never_named(src: Sources, q: Question) -> str:
    """A word of a question asking what the text names ("by name", "does he name") that the
    text's own words never use ("" if none)."""
    if not _ASKS_BY_NAME.search(q.text):
        return ""
    return next((t.word for t in q.terms if not t.frame and (
        t.gloss or ((not t.known or not src.index.in_text(t.own)) and (
            written_as_name(q.text, t.word, mid_sentence=True)
            or re.search(rf"(?:,|\blike|\bsuch\s+as|\be\.?g\.?)\s+{re.escape(t.word)}\W*$|"
                         rf"\b(?:cite|cites|name|names|mention|mentions)\s+(?:any|an?)\s+"
                         rf"(?:actual\s+)?{re.escape(t.word)}\b", q.text, re.I) is not None
        ))  # (a name, or one it offers as the example: "..., foxconn?", "cite any amnesty
    )), "")  # international reports"; not "which bill does he name" of a "threshold")


def _gloss_note(q: Question) -> str:
    """ "The text doesn't name Tiananmen; it speaks of June Fourth, crackdown." """
    for term in q.terms:
        if term.gloss:
            said = ", ".join(term.gloss)
            if written_as_name(q.text, term.word):  # "Tiananmen", "Liu Xiaobo"
                return f"The text doesn't name {term.word.title()}; it speaks of {said}."
            return f"The text doesn't use “{term.word}”; it speaks of {said}."
    return ""


def _only_filler(q: Question) -> bool:
    """Whether a question without a contributor has no topic beyond words the reading never
    uses ("for the discussion guide: what is the main fault line?")."""
    return q.relation not in (Relation.ANY, Relation.SUMMARY) and not q.known_terms
