"""Members' chat vocabulary: abbreviations, idioms of several words and slang read as the
plain words a text uses (lexicon "chat vocabulary" block)."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.engine.lexicon import CHAT_PHRASES, CHAT_SPELLINGS, Relation
from bot.engine.question import _plain_idioms

# (chat word or idiom in a sentence, the plain words it is read as)
IDIOMS = [
    ("she owned up to it", "she admitted to it"),
    ("he was sucking up to the boss", "he was praising to the boss"),
    ("they tack on one more point", "they add one more point"),
    ("things turned upside down", "things turned transforming"),
    ("kids look up to their parents", "kids respect their parents"),
    ("OWNED UP in capitals", "admitted in capitals"),
    ("a ton of money", "a vast number of money"),
    ("no idiom in this one", "no idiom in this one"),
    ("their double standards on hr", "their hypocrisy on human rights"),
    ("they get away with it", "they impunity it"),
    ("talks behind closed doors", "talks private"),
    ("Three hrs later", "Three hrs later"),
    ("the quiet way got us nowhere", "the quiet way failed"),
    ("homes knocked down", "homes demolished"),
    ("what's her deal", "what's her position"),
    ("their track record", "their record"),
    ("she laid things out well", "she framed well"),
    ("a downside down the road", "a downside down the road"),  # whole words only
    ("where does he say flat out he opposes it", "where does he say plainly he opposes it"),
    ("doing away with slavery in the capital", "abolishing slavery in the capital"),
    ("in the last half hour does he stick by it", "in the closing speech does he stick by it"),
    ("she kept it short - her big push", "she  - her big push"),
    ("washington talks out of both sides of its mouth", "washington talks conflicting"),
    ("they should clean up their own house first", "they should set an example first"),
    ("don't chicken out for fear of rocking the boat", "don't avoid for fear of confrontational"),
    ("regular folks making noise about rents", "ordinary citizens protesting rents"),
    ("the US has to clean up its act", "the US has to set an example"),
]


@pytest.mark.parametrize(("text", "plain"), IDIOMS)
def test_idioms_read_as_plain_words(text: str, plain: str) -> None:
    assert _plain_idioms(text) == plain


_WHOLE = re.compile(  # every idiom, longest first, in one pattern
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(CHAT_PHRASES, key=len, reverse=True))
    + r")\b",
    re.I,
)


def _by_the_whole_pattern(text: str) -> str:
    return _WHOLE.sub(lambda m: CHAT_PHRASES[m.group(0).lower()], text.replace("\u2019", "'"))


def test_idioms_found_from_their_first_words_as_by_the_whole_pattern() -> None:
    """The quick path (only the idioms whose first word and text the message has) reads every
    message as the one pattern of all idioms does: every idiom, in any case, run together,
    overlapping, glued to other words, and beside non-ASCII letters."""
    texts = list(CHAT_PHRASES)
    for idiom in CHAT_PHRASES:
        texts += [idiom.upper(), f"so {idiom.title()}, ok?", f"x_{idiom}", f"{idiom}s too",
                  f"({idiom}) and {idiom}", f"Éte {idiom}", f"{idiom}-{idiom}"]
    texts += [" ".join(CHAT_PHRASES), "".join(CHAT_PHRASES), "-".join(CHAT_PHRASES)]
    for text in texts:
        assert _plain_idioms(text) == _by_the_whole_pattern(text), text


def test_every_idiom_and_spelling_is_lower_case_words() -> None:
    for table in (CHAT_PHRASES, CHAT_SPELLINGS):
        for key in table:
            assert key == key.lower() and key.strip() == key, key


# (question, topic words it must search, words that must not be topics)
READ = [
    ("what did the first one say about biz", ["business"], ["biz"]),
    ("nathan on econ growth", ["economic"], ["econ"]),
    ("who said the country's rep got trashed", ["reputation", "trashed"], ["rep"]),
    ("bruh who mentioned tainted stuff lowkey", ["tainted"], ["bruh", "lowkey"]),
    ("ok real talk who brought up the internet", ["internet"], ["real", "talk"]),
    ("summarize the last two ppl's main points real quick", [], ["real", "quick"]),
    ("someone literally called themself a latecomer. who", ["latecomer"], ["themself"]),
    ("what do they even say kept away from trade", ["trade"], ["even", "away"]),
    ("unrelated but who mentions gender", ["gender"], ["unrelated"]),
    ("who compared the us to a model", ["model"], ["compared", "compartmentalization"]),
    ("ur hot take on tibet?", ["tibet"], ["hot"]),
    ("who ranted and hinted about the firewall", ["firewall"], ["ranted", "hinted"]),
    ("who went on about the laureate", ["laureate"], ["went"]),
    # an everyday word is not corrected into a word of the text ("decided" -> "decade")
    ("who says plans are decided in secret", ["decided"], ["decade"]),
]


@pytest.mark.parametrize(("question", "topics", "not_topics"), READ)
def test_chat_words_read_as_plain_topics(
    engine: Engine, question: str, topics: list[str], not_topics: list[str]
) -> None:
    q = engine.reader.read(question)
    found = {t.word for t in q.terms} | {engine.index.correct(t.word)[0] for t in q.terms}
    assert all(t in found for t in topics), found
    assert not any(t in found for t in not_topics), found


# (question, the relation it asks for): chat words for relations
RELATIONS = [
    ("who called out beijing", Relation.CRITIQUE),
    ("did anyone throw shade at nathan", Relation.CRITIQUE),
    ("did sharon diss anyone", Relation.CRITIQUE),
    ("what did the last one confess", Relation.CONCEDE),
    ("is neier on board with nicholas", Relation.AGREE),
    ("did sharon and josh butt heads", Relation.DISAGREE),
    ("who piggybacked off the first one", Relation.AGREE),
    ("is the last one on the same wavelength as nathan", Relation.AGREE),
    ("did anybody clap back at the second writer", Relation.DISAGREE),
]


@pytest.mark.parametrize(("question", "relation"), RELATIONS)
def test_chat_words_for_relations(engine: Engine, question: str, relation: Relation) -> None:
    assert engine.reader.read(question).relation is relation


def test_props_is_credit_not_agreement(engine: Engine) -> None:
    # "give china props for ...": credit for something, not agreement with anyone
    q = engine.reader.read("who gives china props for less poverty")
    assert not q.relations and "credit" in {t.word for t in q.terms}


def test_a_chat_abbreviation_is_not_a_relation(engine: Engine) -> None:
    # "rep" (reputation) is no "reply": nothing about responding to anyone
    assert not engine.reader.read("what did nathan say about the country's rep").relations


# (question in chat words of our own, contributor of the top answer, phrase of its paragraph)
ANSWERS = [
    ("what did the last one say about econ rights", "sixth", "economic and social rights"),
    ("who brought up contaminated goods", "hom", "tainted consumer products"),
    ("who said china's govt owned up to stuff in a un report", "sixth", "acknowledged"),
    ("which contributor wanted to tack on another factor to nicholas's list", "neier",
     "would add"),
    ("who said the us reputation got trashed", "rosenzweig", "reputation"),
    ("who wants beijing to quit the angry talk", "rosenzweig", "must stop responding"),
    ("who brought up cops locking people up in secret", "bequelin",
     "secret detention by the police"),
    ("random q but what does the final contributor say about women", "sixth", "gender"),
    ("what reasons does the fourth one give", "nathan", ""),
    ("who thinks the us sends mixed messages on hr", "bequelin", "conflicting messages"),
    ("who talked about gitmo", "neier", "Guantanamo"),
    ("who says the party can get away with past abuses", "hom", "impunity"),
    ("who thinks going soft on beijing went nowhere", "bequelin", "failed to yield"),
    ("who mentioned homes being torn down", "hom", "forced demolitions"),
    ("who says the us is too wishy-washy on hr", "bequelin", "conflicting messages"),
    # "team up" is working together, not the noun "partner" ("an economic partner like China")
    ("who says the us should team up with other countries on this", "sixth",
     "works in concert with other states"),
    # everyday verbs the text never uses are the paraphrase's frame, not its topic
    ("which one thinks the communist party might lose its claim to legitimacy", "hom",
     "lasting legitimacy"),
    ("who said soft engagement failed and things got worse", "bequelin", "mutes human rights"),
    ("who says china's govt gets heavy-handed", "bequelin", "repressive ways"),
    ("the columbia professor, what's his deal", "nathan", ""),
    ("who says the us cant stay quiet about the bad stuff", "bequelin", "vocal diplomacy"),
    ("who thinks the us acts like it's better than everyone", "rosenzweig", "model of moral"),
    ("who says internet firms are complicit in abuses", "sixth", "Internet companies"),
    ("who said china went from mostly illiterate to literate", "sixth", "literacy"),
    ("who says lots of chinese are mad at government abuses", "neier", "disaffected"),
    ("who said it was unfair to show up last", "sixth", "cheating"),
    ("who thanked the first two for laying out the issues", "rosenzweig", "framed the issues"),
    ("who says protecting rights is everybody's job", "rosenzweig", "responsibility of all"),
    ("who thinks china's gains are amazing", "sixth", "staggering"),
    ("who has been watching china for decades", "sixth", "observed human rights"),
]

# (message, a word the read question keeps): an asking sentence after chat words
ASKING = [
    ("the seminar was long. anyway lmao which of them talks about tibet", "tibet"),
    ("bruh i am so lost. ok so who mentions the dalai lama", "dalai"),
    ("my notes are a mess. anyway @bot who brings up hong kong", "hong kong"),
]


# (message, words the read question keeps): "was that X or Y?" names no topic of its own
LEANING = [
    ("someone says hong kong's vigils matter a lot. was that hom or neier??",
     ["vigils", "hom or neier"]),
    ("one of them worries about the dalai lama. nathan or becquelin?", ["dalai", "nathan"]),
]


@pytest.mark.parametrize(("message", "kept"), LEANING)
def test_a_bare_which_of_two_leans_on_the_sentence_before(
    engine: Engine, message: str, kept: list[str]
) -> None:
    text = engine.reader.read(message).text.lower()
    assert all(k in text for k in kept), text


def test_a_relation_word_in_the_reported_view_is_topic(engine: Engine) -> None:
    # "which of them says China admitted ...": China admits, the contributor concedes nothing
    q = engine.reader.read("which of them says the chinese government admitted problems")
    assert not q.relations and "admitted" in {t.word for t in q.terms}


@pytest.mark.parametrize(("message", "kept"), ASKING)
def test_a_question_after_chat_words_is_the_one_read(
    engine: Engine, message: str, kept: str
) -> None:
    text = engine.reader.read(message).text.lower()
    assert kept in text and "long" not in text and "lost" not in text, text


# questions about what the text never speaks of, in chat words: the bot says so
NOT_COVERED = [
    "anything in here on the war in ukraine and russia?",
    "did the final contributor talk abt nuclear missiles",
    "did anyone say something about the olympics forever ago",
    # a frame word does not make a topic the text lacks answerable
    "who says the us could lose taiwan",
    "who thinks beijing will lose face",

]


@pytest.mark.parametrize("question", NOT_COVERED)
def test_chat_words_do_not_invent_a_topic(engine: Engine, question: str) -> None:
    assert engine.ask(question).abstained


@pytest.mark.parametrize(("question", "who", "phrase"), ANSWERS)
def test_chat_vocabulary_answers(engine: Engine, question: str, who: str, phrase: str) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id == who
    assert phrase.lower() in engine.reading.paragraph(top.paragraph).text.lower()


# (first turn, follow-up naming a topic the text never does): the follow-up abstains
UNNAMED_FOLLOW_UPS = [
    ("what did neier say about the soviet bloc", "did he say anything about cuba tho"),
    ("who talked about hong kong", "what did she say abt macau"),
]


@pytest.mark.parametrize(("first", "follow_up"), UNNAMED_FOLLOW_UPS)
def test_a_follow_up_on_an_unnamed_topic_abstains(
    engine: Engine, first: str, follow_up: str
) -> None:
    talk = Conversation()
    assert not engine.ask(first, conversation=talk).abstained
    assert engine.ask(follow_up, conversation=talk).abstained


@pytest.mark.parametrize(
    "question", ["who mentioned literacy rates", "who brought up literacy figures"]
)
def test_a_noun_of_measure_frames_the_topic(engine: Engine, question: str) -> None:
    # the text speaks of literacy, never of its "rates": the passage on literacy answers
    asked = engine.reader.read(question)
    assert [t.frame for t in asked.terms if not t.known] == [True]
    reply = engine.ask(question)
    assert not reply.abstained
    assert reply.answers[0].contributor_id == "sixth"


@pytest.mark.parametrize("question", [
    "how'd he word it, his point on secrecy laws",
    "howd bequelin put it about secrecy laws",
    "who'd object to secrecy laws",
])
def test_a_wh_word_contraction_is_its_wh_word(engine: Engine, question: str) -> None:
    """ "how'd", "who'd", "howd": the question word, never a topic word of its own."""
    q = engine.reader.read(question)
    assert not {"howd", "whod", "how", "who"} & {t.word for t in q.terms}
    assert "secrecy" in {t.word for t in q.terms}


def test_a_contracted_who_still_asks_who(engine: Engine) -> None:
    assert engine.reader.read("who'd object to secrecy laws?").who


@pytest.mark.parametrize("question", [
    "bequelin seemed big on secrecy laws, what did he say",
    "what did nathan say flat out about secrecy laws",
])
def test_impressions_and_emphasis_are_not_topics(engine: Engine, question: str) -> None:
    words = {t.word for t in engine.reader.read(question).terms}
    assert not {"seemed", "big", "plainly", "keen"} & words


def test_em_is_them(engine: Engine) -> None:
    q = engine.reader.read("which of em says secrecy laws hurt business")
    assert "em" not in {t.word for t in q.terms} and q.who


def test_hauling_something_into_it_brings_it_up(engine: Engine) -> None:
    """ "anyone else haul business into it?": "it" is the discussion, so the follow-up asks
    who else brings up business, not who else said the last topic and business."""
    talk = Conversation()
    first = engine.ask("which of em says rights shouldnt be stuck in a pigeonhole off to the "
                       "side of diplomacy", conversation=talk)
    reply = engine.ask("Anyone else haul business into it", conversation=talk)
    assert not reply.abstained
    assert reply.answers[0].contributor_id != first.answers[0].contributor_id
    assert "business" in reply.answers[0].quote.lower()
