"""The answer path, top to bottom.

1. read the question (`question.QuestionReader`),
2. resolve it in the conversation (`followup.resolve`),
3. decide what kind of answer it needs (:func:`respond` below),
4. retrieve and compose: each kind in its own module of `bot.engine.answering`.
"""

from __future__ import annotations

import dataclasses
import re

from bot.engine.answering.abstain import (
    abstain,
    asks_course,
    asks_group_plans,
    off_topic_request,
    other_language,
)
from bot.engine.answering.caption import caption_answer
from bot.engine.answering.compare import MAX_COMPARE, compare
from bot.engine.answering.context import (
    item_opened,
    list_item_asked,
    more_of,
    name_of,
    next_item,
    next_of_kind,
    next_point,
    nth_point,
    personal,
    quote_again,
    replies_to_shown,
    whom_shown,
    why,
)
from bot.engine.answering.detail import LACKS_DETAIL, lacks_detail
from bot.engine.answering.in_place import figures_in_place
from bot.engine.answering.lists import list_opening, list_points
from bot.engine.answering.names import NAMED_KINDS, gives_a_name, thing_named
from bot.engine.answering.passages import position_of, text_order
from bot.engine.answering.place import Place, asked_place, names_a_speech, place
from bot.engine.answering.relation import relation
from bot.engine.answering.similar import like_shown, like_shown_first
from bot.engine.answering.who_said import who_said
from bot.engine.answers import Answer, Mode, Reply
from bot.engine.conversation import Conversation
from bot.engine.followup import PLEASANTRY, Move, Resolved
from bot.engine.index import Term
from bot.engine.lexicon import RELATION_KINDS, WORLD_PERSON_NOUNS, Relation
from bot.engine.question import DIFFER_WORDS, Question
from bot.engine.rank import answers_topic
from bot.engine.sources import Sources
from bot.engine.text import fold, words, written_as_name
from bot.knowledge.model import Position

# "the nobel peace prize guy": a person named by topic words before a word for a person
_TOPIC_PERSON = re.compile(
    r"\b(?:the|that|this)\s+((?:[\w-]+\s+){1,4}?)(?:guy|dude|man|woman|lady|fella|person)\b",
    re.I)


def _topic_person(q: Question) -> bool:
    """Whether a who-question speaks of someone by topic words ("which one mentions the nobel
    peace prize guy?"): "what's his name?" then asks that person's, not the contributor's."""
    topic = {t.word for t in q.terms}
    return any(
        all(w in topic for w in words(m.group(1))) for m in _TOPIC_PERSON.finditer(q.text)
    )


def respond_in_context(
    src: Sources, resolved: Resolved, conv: Conversation | None, limit: int, said: str = ""
) -> Reply:
    """Answer a question as read in its conversation (stage 2 done by `followup.resolve`);
    `said` is the member's own words, where the reading of them is the question before."""
    q, last = resolved.question, conv.reply if conv is not None else None
    if resolved.move is Move.THANKS:
        reply = abstain(src, q, "Glad to help. Ask me anything else about the reading.")
    elif resolved.move is Move.NAME and last is not None and (resolved.asked or (
        last.mode is Mode.WHO and conv is not None and conv.last is not None
        and (any(t.word in WORLD_PERSON_NOUNS for t in conv.last.terms)
             or _topic_person(conv.last))
    )):
        # "who mentioned the jailed laureate?" then "what's his name?": the answer named the
        # contributor already, so the name asked is the one they speak of ("the laureate's")
        one = next(iter(resolved.asked)) if resolved.asked else ""
        whose = ("that name" if not one else f"the {one}' names" if one.endswith("s")
                 else f"the {one}'s name")  # ("the companies' names")
        asked = f"{said or q.text} {conv.last.text if conv is not None and conv.last else ''}"
        if last.answers and gives_a_name(
            src, asked, last.answers[0].quote, kind=one if one in NAMED_KINDS else ""
        ):
            reply = Reply(q.text, Mode.ANSWER, last.answers[:1], "The text names them here:")
        else:
            no = abstain(src, q, f"The text doesn't give {whose}.")
            reply = dataclasses.replace(no, related=last.answers[:1])
    elif resolved.move is Move.NAME:
        reply = name_of(src, q, last, conv.focus if conv is not None else (), said)
    elif resolved.move is Move.PERSONAL:
        reply = personal(src, q, q.speakers or (conv.focus if conv is not None else ()))
    elif resolved.move is Move.WHOM:  # (after "the text doesn't say": of the answer before)
        reply = whom_shown(src, q, last if last is None or last.answers else conv.cited
                           if conv is not None else None)
    elif resolved.move is Move.QUOTE:
        reply = quote_again(src, q, conv.cited if conv is not None else None)
    elif resolved.move is Move.WHY:
        seen = conv.shown if conv is not None else frozenset()
        if last is not None and not last.answers and conv is not None:
            last = conv.cited  # "how come?" after "the text doesn't say": of the answer before
        if last is not None and resolved.about:  # "why does Neier think so?": his answer
            mine = tuple(a for a in last.answers if a.contributor_id == resolved.about)
            last = dataclasses.replace(last, answers=mine[:1] + tuple(
                a for a in last.answers if a not in mine[:1]))
        reply = why(src, q, last, elaborate=resolved.elaborate,
                    seen=seen if resolved.elaborate else frozenset())
    elif resolved.move is Move.ITEM:
        reply = nth_point(src, q, last, resolved.ordinal)
    elif resolved.move is Move.NEXT:
        shown = conv.shown if conv is not None else frozenset()
        if resolved.ordinal > 0:  # "next" after "Bequelin's first key": the second key
            reply = next_item(src, q, last, shown, resolved.ordinal)
        else:
            reply = next_point(src, q, last, shown)
    elif conv is not None and _OTHER_ONE.match(q.text) and _one_author(last):
        reply = _the_other_one(src, q, last, conv)
    else:
        reply = respond(src, q, limit)
        if reply.abstained and resolved.loose and q.terms and q.relations:
            # "and Rosenzweig?" after "what should policymakers do, says Hom?": the same
            # question, though not in the same words
            resolved = dataclasses.replace(resolved, fallbacks=(
                dataclasses.replace(q, terms=(), pairs=frozenset()), *resolved.fallbacks
            ))
        if reply.abstained or reply.elsewhere:
            resolved = dataclasses.replace(
                resolved, fallbacks=resolved.fallbacks + _parts_of_topic(resolved))
        for other in resolved.fallbacks:
            if not _weakness(reply) or reply.missing_detail:
                break
            # a follow-up read as "what did she say about X" that she never addressed may
            # mean another reading of it; others' answers only if no reading fits her
            tried = respond(src, other, limit)
            if reply.abstained or _weakness(tried) < _weakness(reply):
                reply = tried
        # for "did he mention the Uyghurs?", a word the reading lacks (glossed or not)
        unknown = [t.word for t in q.terms if t.word in resolved.asked and (
            (not t.known and not t.frame) or t.gloss)]
        if resolved.own_only and q.speakers and reply.answers and (unknown or not any(
            a.contributor_id in q.speakers for a in reply.answers
        )):  # "did he mention X?" is not answered with someone else's words, nor without X
            names = src.names(q.speakers, " and ")
            what = " ".join(unknown) if unknown else "that"
            no = abstain(src, q, f"{names} doesn't say anything about {what} in this reading.")
            reply = dataclasses.replace(no, related=reply.answers)
        if q.who and conv is not None and _besides_shown(q, conv):
            # "who else ...?", besides the one just shown: who made a point like theirs
            reply = like_shown_first(src, reply, conv.reply)
        if q.who:  # "did anyone (else) have a problem with X?": their critique of it
            reply = _kind_per_contributor(src, q, reply)
        if (reply.abstained or _OF_THAT_KIND.search(q.text)) and q.who and conv is not None and (
            _besides_shown(q, conv)
        ):
            # "anyone else bring up those kinds of scandals?" in words the text lacks: who
            # else made the point just shown
            like = like_shown(src, q, conv.reply, limit)
            if like is not None and conv.reply is not None:
                whose = src.names((conv.reply.answers[0].contributor_id,))
                reply, resolved = like, dataclasses.replace(
                    resolved, reading_as=f"who else made a point like {whose}'s?")
        if conv is not None:
            reply = _shown_elsewhere(src, q, reply, conv)
        if resolved.move is Move.ASK and conv is not None and not resolved.new_topic:
            # "what numbers do they give?": in the paragraph just shown first
            carried = frozenset(t.word for t in conv.last.terms) if conv.last else frozenset()
            reply = figures_in_place(src, q, reply, conv.reply, carried)
        if resolved.move is not Move.ALONE:  # a detail asked of the last answer
            reply = _lacks_detail(src, q, reply)
        reply = _nobody_else(src, q, reply, conv)
        if resolved.move in (Move.ASK, Move.PICK) and conv is not None and not resolved.new_topic:
            reply = replies_to_shown(src, q, reply, conv.reply, conv.last)
            reply = _on_both_topics(q, reply, conv)
        if resolved.move in (Move.ASK, Move.PICK) and conv is not None:
            reply = _near_the_last(src, q, reply, conv)
        if reply.abstained and resolved.move in (Move.ASK, Move.ALONE) and conv is not None and (
            not reply.missing_detail
        ):
            reply = _in_the_passage(src, q, reply, conv)
        if resolved.move is Move.MORE and reply.abstained and q.speakers and not q.terms:
            reply = more_of(src, q, limit)  # "more" after a main point: their other points
        if resolved.move is Move.MORE:
            reply = _more(src, q, reply, conv, onward=resolved.onward)
    if resolved.reading_as and not reply.reading_as:
        reply = dataclasses.replace(reply, reading_as=resolved.reading_as)
    return reply


# "and the other one?" after one contributor's answer: the other thing that passage names
_OTHER_ONE = re.compile(r"^\W*(?:(?:and|so|ok|okay|what\s+about|how\s+about)\W+)*the\s+other\s+"
                        r"(?:one|thing|part|bit)\W*$", re.I)


def _later_here(src: Sources, top: Answer, conv: Conversation) -> list[Position]:
    """The points of the shown answer's author after it in its paragraph, not shown yet, in
    text order."""
    shown = position_of(src, top.position_id)
    at = text_order(src, shown) if shown is not None else (top.paragraph, 0)
    return sorted((p for p in src.index.in_paragraph(top.paragraph)
                   if p.contributor_id == top.contributor_id and p.id not in conv.shown
                   and text_order(src, p) > at), key=lambda p: text_order(src, p))


def _one_author(last: Reply | None) -> bool:
    """Whether the last reply answered with one contributor's words only."""
    return last is not None and bool(last.answers) and len(
        {a.contributor_id for a in last.answers}) == 1


def _the_other_one(src: Sources, q: Question, last: Reply | None, conv: Conversation) -> Reply:
    """ "and the other one?" after the laws Bequelin ties to business: the next point of
    theirs in the paragraph shown, not shown yet, else the passage shown again (which names
    both), said so."""
    assert last is not None and last.answers
    top = last.answers[0]
    after = _later_here(src, top, conv)
    answer = src.cite(after[0], top.score) if after else top  # else the one shown
    return Reply(q.text, Mode.ANSWER, (answer,), "In the passage just shown:",
                 reading_as=f"the other one in the passage shown (paragraph {top.paragraph})?")


# a short "which ...?" or "for what?" leaning on the passage just shown ("like which
# industries?", "for what exactly", "point being?"), not a count or a time
_OF_THE_PASSAGE = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|wait)\W+)*(?:like\s+)?(?:which|what\s+(?:kinds?|sorts?|types?)\s+of|"
    r"for\s+what|in\s+what|with\s+what|on\s+what|point\s+being)\b(?!.*\b(?:else|other|others|many|"
    r"much|long|when|year|years|anyone|anybody|someone|they|he|she)\b)", re.I)


def _in_the_passage(src: Sources, q: Question, reply: Reply, conv: Conversation) -> Reply:
    """ "like which industries?" after the final respondent's suggestion, which no position
    answers in those words: the paragraph just shown holds what it asks, so its next point
    there (or the one shown, again) answers it, said so."""
    last = conv.reply
    if last is None or not last.answers or q.speakers or q.targets or len(words(q.text)) > 6:
        return reply
    if not _OF_THE_PASSAGE.match(q.text) or any(
        not t.known and not t.frame and written_as_name(q.text, t.word) for t in q.terms
    ) or (thing_named(q.text) and reply.related):  # "which companies, names?": none given
        return reply
    top = last.answers[0]
    here = [p for p in src.index.in_paragraph(top.paragraph)
            if p.contributor_id == top.contributor_id]
    fresh = [p for p in here if p.id not in conv.shown]
    stems_asked = {st for t in q.terms for st, _ in t.alternatives}
    pick = max(fresh, key=lambda p: len(stems_asked & _quote_stems(src, p)), default=None)
    answer = src.cite(pick, top.score) if pick is not None else top
    return Reply(q.text, Mode.ANSWER, (answer,), "In the passage just shown:",
                 reading_as=f"in the passage just shown (paragraph {top.paragraph})?")


def _parts_of_topic(resolved: Resolved) -> tuple[Question, ...]:
    """ "and Neier?" after a question put in many words ("the US comes across as acting out
    of moral conviction and that hurts it"): the one asked about, on each of its words in
    turn, when he addresses the whole of it nowhere (not after one word: "and Hom?" after
    "Taiwan" gets an honest "she doesn't say")."""
    q = resolved.question
    known = list(dict.fromkeys(t.own for t in q.known_terms))
    if not resolved.loose or not q.speakers or q.who or len(known) < 2:
        return ()
    return tuple(dataclasses.replace(q, terms=tuple(t for t in q.terms if t.own == own),
                                     pairs=frozenset(), phrase="") for own in known)


# "anyone else bring up those kinds of scandals?": things like the ones just shown
_OF_THAT_KIND = re.compile(r"\b(?:th(?:ose|ese|at|is)\s+(?:kinds?|sorts?|types?)\s+of|"
                           r"(?:stuff|things)\s+like\s+that)\b", re.I)


def _besides_shown(q: Question, conv: Conversation) -> bool:
    """Whether a "who" question sets aside the author of the answer just shown."""
    last = conv.reply
    return last is not None and bool(last.answers) and (
        last.answers[0].contributor_id in q.excluded)


def _kind_per_contributor(src: Sources, q: Question, reply: Reply) -> Reply:
    """ "did anyone else have a problem with the national interest framing?": each one's
    position of the kind asked (a critique, not a worry), when one holds the topic about as
    well as the one found."""
    kinds = RELATION_KINDS.get(q.relation, ()) if q.relation in _DISPUTES else ()
    if not kinds or reply.abstained or reply.mode is not Mode.WHO:
        return reply
    answers = list(reply.answers)
    for i, a in enumerate(answers):
        if a.kind in kinds:
            continue
        theirs = src.ranker.rank(q, speakers=(a.contributor_id,), targets=q.targets)
        fit = next((s for s in theirs if s.item.position.kind.value in kinds
                    and answers_topic(s, q) and s.score >= NEAR * a.score), None)
        if fit is not None:
            answers[i] = src.cite(fit.item.position, a.score)
    return dataclasses.replace(reply, answers=tuple(answers))


_DISPUTES = (Relation.DISAGREE,)  # not "critique": "engage with that critique" asks no kind


def _shown_elsewhere(src: Sources, q: Question, reply: Reply, conv: Conversation) -> Reply:
    """ "and Hom?" after Bequelin's words on Tibet: when the one asked never addresses it
    and the others' words on it are those just shown, she says nothing on it."""
    if not reply.elsewhere or not reply.answers or not all(
        a.position_id in conv.seen for a in reply.answers
    ):
        return reply
    names = src.names(reply.elsewhere, " and ")
    no = abstain(src, q, f"{names} doesn't say anything about that in this reading (the "
                         "words on it are those shown above).")
    return dataclasses.replace(no, related=reply.answers, elsewhere=reply.elsewhere)


def _nobody_else(src: Sources, q: Question, reply: Reply, conv: Conversation | None) -> Reply:
    """ "who else?" when no one else does: say so, rather than "the reading doesn't cover
    that" about a topic it has just answered."""
    if not reply.abstained or not q.who or not q.excluded or conv is None:
        return reply
    before = tuple(c for c in conv.answered if c in q.excluded)
    if not before or not reply.uncovered:
        return reply
    return _nobody_besides(src, q, before, reply.related)


def _nobody_besides(
    src: Sources, q: Question, named: tuple[str, ...], related: tuple[Answer, ...]
) -> Reply:
    """ "No other contributor addresses that besides Hom.", with the words on it related."""
    why = f"No other contributor addresses that besides {src.names(named)}."
    return dataclasses.replace(abstain(src, q, why), related=related)


def _lacks_detail(src: Sources, q: Question, reply: Reply) -> Reply:
    """ "how many weeks later?", "in what year?" asked of the last answer: when neither the
    quote nor the paragraph shown holds a number or year of that kind, the text lacks it;
    "does he give a specific example?", "did she name any companies?": when the paragraph
    names nothing the question does not, none is given."""
    if reply.abstained:
        return reply
    if lacks_detail(src, q, reply):
        return dataclasses.replace(abstain(src, q, LACKS_DETAIL), related=reply.answers)
    if _ASKS_NAMED.search(q.text) and not gives_a_name(
        src, q.text, src.reading.paragraph(reply.answers[0].paragraph).text,
        recurring=RECURRING_NAME,
    ):
        why = "The text doesn't name one there."
        return dataclasses.replace(abstain(src, q, why), related=reply.answers)
    return reply


RECURRING_NAME = 3  # paragraphs naming a word that make it a subject of the reading, no example
# "does he give an example of that, like a specific incident?", "did she name any companies?",
# "does he cite any papers by name?": something named asked of the passage
_ASKS_NAMED = re.compile(
    r"\b(?:(?:name|names|named|cite|cites|cited|give|gives|gave|point\s+to|points\s+to)\s+"
    r"(?:(?:any|an?|some|specific|particular|actual|concrete|real)\s+)+"
    r"|(?:mention|mentions|mentioned)\s+(?:any|specific|particular)\s+)"
    r"(?:\w+\s+)?(?:examples?|instances?|incidents?|cases?|countries|companies|firms|names?|"
    r"scandals?|lawyers?|papers|newspapers|magazines|outlets|abuses|violations?|activists|"
    r"dissidents)\b"
    r"|\bwhich\s+(?:\w+\s+)?(?:companies|countries|firms|papers|newspapers|states)\s+"
    r"(?:did|does|do)\s+\w+\s+(?:name|mention|cite|have\s+in\s+mind)\b", re.I)


NEAR = 0.8  # share of the best score a nearer answer needs to go first


def _near_the_last(src: Sources, q: Question, reply: Reply, conv: Conversation) -> Reply:
    """ "what do they think the US should say instead?" of the one just answered: of answers
    that fit about as well, the one in the paragraph just shown goes first (after "the text
    doesn't give his name", the passage shown as related)."""
    last = conv.reply
    if last is not None and not last.answers and last.related:
        last = dataclasses.replace(last, answers=last.related[:1])
    if (q.speakers and set(q.speakers) <= set(conv.focus) and last is not None and last.answers
            and reply.answers and not q.terms and not q.targets and q.relation in RELATION_KINDS
            and _LEANS_ON_IT.search(q.text)):
        return _of_kind_here(src, q, reply, last, conv)
    if (not q.speakers or not set(q.speakers) <= set(conv.focus) or last is None
            or not last.answers or not reply.answers or not (q.terms or q.targets)):
        return reply
    top, here = reply.answers[0], last.answers[0].paragraph
    if top.paragraph == here:
        return reply
    # the same answer again only if the paragraph shown holds what this question asks
    own = {t.word for t in q.terms} - {t.word for t in conv.last.terms} if conv.last else set()
    text = src.reading.paragraph(here).text.lower()
    again = bool(own) and all(w in text for w in own)
    near = next((a for a in reply.answers[1:] if a.paragraph == here
                 and a.contributor_id == top.contributor_id and a.score >= NEAR * top.score
                 and (again or a.position_id not in conv.shown)), None)
    if near is None:
        near = _own_words_here(src, [t for t in q.terms if t.word in own and t.known], top,
                               here, conv)
    if near is None:
        return reply
    return dataclasses.replace(reply, answers=(near, *(a for a in reply.answers if a is not near)))


# "what should that look like?", "what do they want done about it?": leaning on the passage
_LEANS_ON_IT = re.compile(r"\b(?:that|this|it|there|those|these)\b", re.I)


def _of_kind_here(
    src: Sources, q: Question, reply: Reply, last: Reply, conv: Conversation
) -> Reply:
    """ "and what should that look like according to them?" after the final respondent's
    point on working in concert: their point of the asked kind (a recommendation) in the
    paragraph just shown, after the one shown, goes first."""
    top = last.answers[0]
    if top.contributor_id not in q.speakers or position_of(src, top.position_id) is None:
        return reply
    kinds = RELATION_KINDS.get(q.relation, ())
    here = [p for p in _later_here(src, top, conv) if p.kind.value in kinds]
    if not here:
        return reply
    pick = src.cite(here[0], reply.answers[0].score)
    return dataclasses.replace(reply, answers=(pick, *(
        a for a in reply.answers if a.position_id != pick.position_id)))


def _own_words_here(
    src: Sources, own: list[Term], top: Answer, here: int, conv: Conversation
) -> Answer | None:
    """ "and from the US side?" after what Rosenzweig wants from Beijing: a point of theirs in
    the paragraph just shown, not shown yet, that says all of the question's new words
    (`own`, the known ones it does not share with the last question)."""
    if not own:
        return None
    for p in src.index.in_paragraph(here):
        if p.contributor_id != top.contributor_id or p.id in conv.shown:
            continue
        held = _quote_stems(src, p)
        if all(any(st in held for st, _ in t.alternatives) for t in own):
            return src.cite(p, top.score)
    return None


def _quote_stems(src: Sources, p: Position) -> frozenset[str]:
    """The stems of a position's quote, as the index built them once."""
    item = src.index.item_of(p.id)
    return item.quote_stems if item is not None else frozenset()


def _on_both_topics(q: Question, reply: Reply, conv: Conversation) -> Reply:
    """ "and the environment?" after "who talked about trade?": a position that answered the
    last question too, and fits this one about as well as the best, goes first."""
    last = conv.reply
    if not q.who or q.speakers or last is None or len(reply.answers) < 2:
        return reply
    before = {a.position_id for a in last.answers}
    top = reply.answers[0]
    if top.position_id in before:
        return reply
    both = next((a for a in reply.answers[1:] if a.position_id in before
                 and a.score >= NEAR * top.score
                 and a.contributor_id not in q.targets + q.excluded), None)
    if both is None:
        return reply
    return dataclasses.replace(reply, answers=(both, *(a for a in reply.answers if a is not both)))


def _more(
    src: Sources, q: Question, reply: Reply, conv: Conversation | None, onward: bool = False
) -> Reply:
    """ "more" about one contributor: further answers of theirs not shown yet, else what they
    wrote next, else "that is all"; never someone else's words or the same ones again.
    `onward` ("go on", "what else", no topic named): what they wrote next comes before their
    earlier words on the topic."""
    shown = conv.shown if conv is not None else frozenset()
    fresh = tuple(a for a in reply.answers if a.position_id not in shown
                  and (not q.speakers or a.contributor_id in q.speakers))
    if conv is not None:  # what an earlier topic of the talk showed comes last, not first
        fresh = tuple(sorted(fresh, key=lambda a: a.position_id in conv.seen))
    last = conv.cited.answers[0] if conv is not None and conv.cited and conv.cited.answers else None
    if last is not None and len(q.speakers) == 1:  # reading on: what they wrote after it first
        assert conv is not None and conv.cited is not None
        same_kind = next_of_kind(src, q, conv.cited, shown) if onward or not q.terms else None
        if same_kind is not None:  # "what else do they suggest?": their next suggestion
            return same_kind  # (not "anything more on that?": of the topic first)
        # after all of theirs just shown ("what else did they say" after three main points)
        end = max(a.paragraph for a in conv.cited.answers
                  if a.contributor_id == last.contributor_id)
        later = tuple(a for a in fresh if a.paragraph > end)
        if not later and ((not q.terms and end > last.paragraph) or onward):
            # none of the ranked ones comes after them: what they wrote next, read on
            furthest = max((a for a in conv.cited.answers
                            if a.contributor_id == last.contributor_id),
                           key=lambda a: a.paragraph)
            read_on = next_point(src, q, dataclasses.replace(conv.cited, answers=(furthest,)),
                                 shown)
            if not read_on.abstained:
                return read_on
        fresh = later + tuple(a for a in fresh if a not in later)
    if fresh:
        return dataclasses.replace(reply, answers=fresh)
    if conv is not None and conv.cited is not None and (
        len(q.speakers) == 1 or (q.who and not q.speakers and _one_author(conv.cited))
    ):  # (after "who said ...?" answered by one: "more" reads on in their words)
        read_on = next_point(src, q, conv.cited, shown)
        if not read_on.abstained:
            return read_on
    return abstain(src, q, "That is all the reading says on that.")


def list_item_shown(
    src: Sources, resolved: Resolved, reply: Reply | None = None
) -> int:
    """Which point of a contributor's list a turn asked for or showed (0: none), so that
    "next" can go on to the one after it: asked by number ("his 2nd key"), or an answer
    that opens with its number ("Second, the U.S. must ..."), or, for a point asked by its
    topic ("the one about business"), whose paragraph does."""
    if resolved.move in (Move.ITEM, Move.NEXT) and resolved.ordinal:
        return resolved.ordinal
    if resolved.of_list and reply is not None and reply.answers:
        top = reply.answers[0]
        return item_opened(top.quote) or item_opened(
            src.reading.paragraph(top.paragraph).text)
    q = resolved.question
    asked = 0
    if resolved.move in (Move.ALONE, Move.ASK, Move.PICK):
        asked = list_item_asked(q.text) if len(q.speakers) == 1 else 0
    if not asked and reply is not None and reply.answers and resolved.move is not Move.WHY:
        return item_opened(reply.answers[0].quote)
    return asked


_TOOK_PART = (
    r"(?:wrote|write|contributed|took\s+part|participated|weighed\s+in|are\s+there|"
    r"were\s+there|(?:are\s+)?in\s+(?:this|the))"
)
_HOW_MANY_WROTE = re.compile(  # "how many contributors?", "how many people wrote in this?"
    r"\bhow\s+many\s+(?:(?:contributors|respondents|authors|writers|participants|voices)"
    rf"\s*(?:[?.!]|$|{_TOOK_PART})|(?:people|persons|experts)\s+{_TOOK_PART})",
    re.I,
)


def _weakness(reply: Reply) -> int:
    """0 for a full answer; more for one that leaves words aside, answers with others than
    the one asked about, or abstains."""
    return 3 if reply.abstained else 2 if reply.elsewhere else 1 if reply.loose else 0


# "what's point #2", "his second key": a point counted in a list, not the piece's start or end
_COUNTED = re.compile(r"\d|#|\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|points?|"
                      r"number|keys?|reasons?|steps?)\b", re.I)


def respond(src: Sources, q: Question, limit: int) -> Reply:
    """Decide what kind of answer a read question needs, and give it."""
    if not q.text:
        return abstain(src, q, "Ask me something about the reading.")
    if PLEASANTRY.match(q.text):  # "thanks!" asks nothing (and "thank" is no agreement here)
        return abstain(src, q, "Glad to help. Ask me anything about the reading.")
    if other_language(q.text):
        return abstain(src, q, "I read questions in English only: please ask me in English.")
    if off_topic_request(q.text):
        return abstain(src, q, "I only answer questions about the reading, with its quotes.")
    if asks_group_plans(q.text):
        return abstain(src, q, "I only know the reading, not when or where the group meets: "
                               "a moderator can tell you.")
    if asks_course(q.text):
        return abstain(src, q, "I only know the reading, not what your course's tests hold: "
                               "ask your teacher or a moderator.")
    if _HOW_MANY_WROTE.search(q.text):  # "how many people wrote in this?"
        return abstain(src, q, f"{len(src.contributors)} contributors wrote in this reading.")
    if q.unknown_subject:
        why = f"{q.unknown_subject} is not one of the contributors to this reading."
        return abstain(src, q, why)
    if q.occasion:  # "what did X say at the Alton debate?", of a reading that never names it
        return abstain(src, q, f"This reading never mentions {q.occasion.title()}.")
    photo = caption_answer(src, q)  # "the photo with the protesters - when was it taken?"
    if photo is not None:
        return photo
    if q.phrase and not q.relations:  # "who said ...", "did X say ..."
        located = who_said(src, q)
        if located is not None:
            return located
    where = asked_place(q)
    if where is None and q.where and len(q.speakers) == 1 and q.terms and not (
        q.who or q.compare or q.targets or q.phrase or q.relations or q.known_terms
        or any(t.focus for t in q.terms) or names_a_speech(q.text) or _COUNTED.search(q.text)
    ):  # "the last one opens w a joke, what do they say": words the text lacks describe it
        where = Place.START if q.where < 0 else Place.END
    if where is not None:  # "how did the third one start their piece?"
        placed = place(src, q, where)
        if placed is not None:
            return placed
    if q.ambiguous and not q.speakers and not q.targets:
        # "the researcher": answer about each contributor it could mean, and say so
        both = dataclasses.replace(q, speakers=q.ambiguous, compare=len(q.ambiguous) > 1)
        return dataclasses.replace(kind_of_answer(src, both, limit), candidates=q.ambiguous)
    return kind_of_answer(src, q, limit)


def _only_those_set_aside(src: Sources, q: Question, reply: Reply) -> Reply:
    """ "besides Hom, who mentions Hong Kong?" when only she does: say so, with her words as
    related, rather than "the reading doesn't cover that"."""
    ranked = src.ranker.rank(dataclasses.replace(q, excluded=()), speakers=q.excluded)
    if not ranked or not answers_topic(ranked[0], q):
        return reply
    best = ranked[0]
    return _nobody_besides(src, q, (best.item.position.contributor_id,),
                           (src.cite(best.item.position, best.score),))


PHRASE_POOL = 12  # answers looked through for the one that says a quoted word


def _saying_the_phrase(src: Sources, q: Question, limit: int) -> Reply:
    """ "which line did Neier say he 'particularly' agreed with?": of the answers that fit
    the relation, those whose quote says the member's quoted words go first (for "who ...?",
    whose passage says them: a contributor's best sentence on it need not hold them)."""
    reply = relation(src, q, max(limit, PHRASE_POOL))
    said = [a for a in reply.answers if q.phrase in fold(
        src.reading.paragraph(a.paragraph).text if q.who else a.quote)]
    if not said or reply.abstained:
        return dataclasses.replace(reply, answers=reply.answers[:limit])
    rest = [a for a in reply.answers if a not in said]
    return dataclasses.replace(reply, answers=tuple([*said, *rest][:limit]))


# "his fifth key", "the last step in her list": a point of a list the contributor drew up
_OF_A_LIST = re.compile(r"\b(?:keys?|steps?|recommendations?|measures?|priorities|priority|"
                        r"proposals?|suggestions?|prongs?|pillars?|planks?|lists?|listed)\b",
                        re.I)


def kind_of_answer(src: Sources, q: Question, limit: int) -> Reply:
    """Contributors side by side, or the positions that fit a relation and topic."""
    if q.compare:
        return compare(src, q, min(MAX_COMPARE, max(limit, len(q.speakers))))
    reply = _saying_the_phrase(src, q, limit) if q.phrase and q.relations else relation(
        src, q, limit)
    if reply.abstained and DIFFER_WORDS.intersection(words(q.text)) and len(q.speakers) == 1 and (
        len(q.targets) == 1 and q.relation is Relation.DISAGREE and not q.who
    ):
        # "how's Nathan's take different from the last respondent's?": a difference runs both
        # ways, so the other's disagreement with the first when the first voices none
        other = relation(src, dataclasses.replace(q, speakers=q.targets, targets=q.speakers),
                         limit)
        if not other.abstained:
            a, b = src.names(q.speakers), src.names(q.targets)
            return dataclasses.replace(other, reading_as=f"how does {b} differ from {a}?")
    if reply.abstained and q.who and q.excluded and q.terms:
        reply = _only_those_set_aside(src, q, reply)
    item = list_item_asked(q.text) if len(q.speakers) == 1 else 0
    if item and not reply.abstained:  # "the first guy's 4th key": that point of the list
        opener = list_opening(src, q.speakers[0]) if _OF_A_LIST.search(q.text) else None
        if opener is None:  # "the first point he makes in his rejoinder": in the text's order
            return nth_point(src, q, reply, item)
        points = list_points(src, opener)
        if item > len(points):  # "bequelin's sixth key?" of five
            who = src.reading.contributor(q.speakers[0]).short_name
            return abstain(src, q, f"{who}'s list has {len(points)} points.")
        listed = Reply(q.text, Mode.ANSWER, (src.cite(opener, reply.answers[0].score),))
        return nth_point(src, q, listed, item)
    return reply
