"""Chat messages of several sentences: which ones are read, and what they lean on."""

from __future__ import annotations

import pytest

from bot.engine import Engine

# (message, words the read question keeps, words it leaves out)
SENTENCES = [
    # an asking sentence without "?": it starts as a question does
    ("josh r has a go at beijing for something right? what's his complaint about how they react",
     ["josh", "complaint"], []),
    # a "she" / "him" leans on the sentence that names them
    ("prof asked us whether sharon agrees with nicholas or pushes back on him. what does she say "
     "about him?", ["sharon", "nicholas", "what does she say"], []),
    # asides that ask nothing are left out
    ("hey all so who mentioned the cia? (page 2ish?)", ["cia"], ["page"]),
    # a question with a topic of its own takes only the name a "she" leans on from the
    # report before it (not "depot", "lunch")
    ("got through the Hom section at the depot over lunch. what does she say about the "
     "consulates?", ["hom", "consulates"], ["depot", "lunch"]),
    ("heyyy sorry i missed last week's meeting 😅 we're still on the chinafile thing right? can "
     "someone tell me what the josh guy means by critical engagement", ["critical engagement"],
     ["meeting"]),
    # a bare "similar?" leans on the sentence before it
    ("ugh i have the discussion lead this week 😭 rosenzweig and the final contributor both talk "
     "about holding countries accountable. similar?", ["rosenzweig", "similar"], []),
    # a question closing a report after a comma or "but", without "?"
    ("omg fire drill rn 🔥🚒 ok we're back. bequelin said something about business and human "
     "rights being connected, what was the connection", ["business", "connection"], ["drill"]),
    # a request to be told asks, though it ends with no "?"
    ("Reminder: the seminar is Friday and participation is graded. To prep, I want someone "
     "to tell me what Rosenzweig says Beijing has to stop doing. Let's see who read it.",
     ["beijing", "stop"], ["seminar", "graded"]),
    # a question to the other members before the one about a contributor is chat
    ("yo did anyone else's dog eat the printout 🐶 no? just me?? ok. so bequelin says the US has "
     "to set a good example first, but what examples did he give", ["example"], ["dog"]),
    # "..." ends a sentence
    ("so we argued about this in the meeting last night... the contributor before nathan, what "
     "did they say about us history?", ["before nathan"], ["meeting"]),
]

# (message, contributor of the top answer, a phrase of its paragraph)
ANSWERS = [
    ("hey all 👋 so who mentioned the cia? 🕵️ (page 2ish?)", "bequelin", "C.I.A. renditions"),
    ("ok so my prof keeps saying the last respondent is worried about 'instrumentalizing'. idk "
     "what that means. what's their actual complaint?? 🙃", "sixth", "instrumentalizing"),
    ("can someone (or @bot) tell me what the josh guy means by critical engagement",
     "rosenzweig", "critical engagment"),
    ("omg this reading is so long. idk who but someone listed like 4 reasons rights are good "
     "strategy. who was that fr", "nathan", "sound strategy"),
    ("the last respondent wants the us to be nicer to china about something?? what do they "
     "recommend", "sixth", ""),
    # drawn-out and chat spellings, page asides and study words are no topic
    ("heyyy quick q (pg 3ish?) who brought up the dalai lama", "bequelin", "Dalai Lama"),
    ("pleeease who talked about the great firewall, tmrw is the quiz", "hom", "Great Firewall"),
    # everyday words for the text's: linked / intertwined, road / travel, living longer
    ("soooo who says hong kong and the mainland are linked", "hom", "intertwined"),
    ("who thinks beijing has a long road to travel", "rosenzweig", "further to travel"),
    ("which contributor mentions people living longer", "sixth", "life expectancy"),
    ("who wants rights kept out of their own box in diplomacy", "bequelin", "compartmentaliz"),
    # "my teacher" is chat, "the world's moral teacher" is not
    ("my teacher says neier disagrees with bequelin, true?", "neier", "I would not draw a line"),
    ("who says no country should play the world's moral teacher", "rosenzweig",
     "model of moral behavior"),
    ("who noticed china's change of tone at the UN", "sixth", "defensiveness"),
    # once the topic is named, words the reading lacks (or only nearly has) are chat
    ("not sure if this counts but did anyone talk about torture", "bequelin", "Abu Ghraib"),
    ("the reading mentions tiananmen somewhere i think? who brought it up", "hom",
     "June Fourth"),
    ("my group says rosenzweig is anti-american. i don't think so. what does he actually say "
     "about the us", "rosenzweig", ""),
    # "what about X, did he ...": X is asked about; deadly ~ dangerous
    ("what about the 3rd person, did he talk about the US reputation", "rosenzweig",
     "undo the damage"),
    ("who brought up workplaces being dangerous", "hom", "deadly workplaces"),
    # "tell me about X": X is asked about
    ("tell me about the sixth contributor", "sixth", ""),
    # two words written as one, a doubled letter in a short name
    ("wht does homm say abt hongkong", "hom", "Hong Kong"),
    # "like what does X say about Y": the topic is Y, not the chat sentence before it
    ("does anyone here actually think china will democratize? like what does nathan say about "
     "the regime", "nathan", "consent of the people"),
    # the topic after "on" ends where a new clause starts
    ("quick one, did neier agree w bequelin on everything or was there a catch", "neier",
     "point of difference"),
]


@pytest.mark.parametrize(("message", "kept", "left"), SENTENCES)
def test_the_asking_sentences_are_read(
    engine: Engine, message: str, kept: list[str], left: list[str]
) -> None:
    text = engine.reader.read(message).text.lower()
    assert all(k in text for k in kept), text
    assert not any(w in text for w in left), text


@pytest.mark.parametrize(("message", "who", "phrase"), ANSWERS)
def test_chat_messages_get_the_answer(
    engine: Engine, message: str, who: str, phrase: str
) -> None:
    reply = engine.ask(message)
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id == who
    assert phrase.lower() in engine.reading.paragraph(top.paragraph).text.lower()


def test_an_everyday_word_is_no_misspelt_name(engine: Engine) -> None:
    q = engine.reader.read("the last respondent wants the us to be nicer to china")
    assert q.speakers == ("sixth",) and not q.targets  # "nicer" is not "Nier"
    # a short word of another initial is no misspelt short name ("sick" is not "Nick")
    q = engine.reader.read("she is home sick: what did Mr. Rosenzweig say about trade?")
    assert q.speakers == ("rosenzweig",) and not q.targets
    assert engine.reader.read("what did nikc say about tibet").speakers == ("bequelin",)


# (question, contributor, a phrase of the top answer's paragraph): where in a piece
PLACES = [
    ("who does rosenzweig thank at the start of his piece?", "rosenzweig",
     "Nicholas and Sharon have framed the issues"),
    ("how does hom open her piece", "hom", "as usual is clear"),
    ("what does bequelin conclude with", "bequelin", "implicit message"),
    ("how does rosenzweig wrap up his piece", "rosenzweig", "responsibility of all of us"),
]


@pytest.mark.parametrize(("question", "who", "phrase"), PLACES)
def test_the_start_or_end_of_a_piece(
    engine: Engine, question: str, who: str, phrase: str
) -> None:
    q = engine.reader.read(question)
    assert q.where and not q.terms  # "start", "open" are no topic words
    reply = engine.ask(question)
    top = reply.answers[0]
    assert top.contributor_id == who
    assert phrase.lower() in engine.reading.paragraph(top.paragraph).text.lower()


def test_a_main_point_of_ones_own_comes_before_an_agreement(engine: Engine) -> None:
    reply = engine.ask("whats the third person's main thing")
    assert reply.answers[0].position_id == "rosenzweig-critical-engagement"


def test_who_they_are_and_their_main_point_is_their_main_point(engine: Engine) -> None:
    for question in ("who is the third contributor and what's their main thing?",
                     "who's the second person to reply to Bequelin and what's their main thing?"):
        reply = engine.ask(question)
        assert reply.answers[0].position_id == "rosenzweig-critical-engagement", question


def test_a_group_bringing_up_a_contributor_is_compared_on_them(engine: Engine) -> None:
    q = engine.reader.read("the last two both mention nicholas, what do they say about him?")
    assert q.speakers == ("neier", "sixth") and q.targets == ("bequelin",)
    reply = engine.ask("the last two both mention nicholas, what do they say about him?")
    assert {a.contributor_id for a in reply.answers[:2]} == {"neier", "sixth"}
    assert all(a.target == "Nicholas Bequelin" for a in reply.answers[:2])


# (question, a phrase the answer's quote holds): a detail the best position does not give
DETAILS = [
    ("how long has the final respondent been observing human rights in china",
     "three or four decades"),
    ("how long has the sixth person been watching human rights in china", "decades"),
    ("what year was china's un submission", "2008"),
    ("what fraction of china was literate before", "less than a quarter"),
]


@pytest.mark.parametrize(("question", "phrase"), DETAILS)
def test_a_detail_is_answered_with_the_sentence_that_gives_it(
    engine: Engine, question: str, phrase: str
) -> None:
    reply = engine.ask(question)
    assert not reply.abstained and phrase in reply.answers[0].quote


@pytest.mark.parametrize(("text", "holds"), [
    ("each one of these men who are shuffling", False),  # "one" as a pronoun is no count
    ("no one knows the one who wrote it", False),
    ("in 1854 the convention met", False),  # a year is no count
    ("one man in ten agreed", True),
    ("over 100,000 protestors", True),
    ("seven distinct interrogatories", True),
    ("in the past two and a half decades", False),  # a span of time counts no one
    ("for 24 years", False),
])
def test_a_count_is_a_number_not_the_pronoun_one(text: str, holds: bool) -> None:
    from bot.engine.answering.detail import answer_shape

    shape = answer_shape("how many were there?")  # (a count of people: see test_question_reading)
    assert shape is not None and (shape.search(text) is not None) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("when does douglas say the article came out", "published on the 17th of last December",
     True),
    ("what date did he think they were passed", "in his speech of March 22d, 1858", True),
    ("what dates did the paper run it?", "the paper ran it twice", False),
    ("when was it given", "in the spring", False),
])
def test_a_time_asked_is_a_year_or_a_day_of_a_month(question: str, text: str,
                                                     holds: bool) -> None:
    from bot.engine.answering.detail import answer_shape

    shape = answer_shape(question)
    assert shape is not None and (shape.search(text) is not None) is holds


def test_everyday_words_about_a_piece_get_its_main_points(engine: Engine) -> None:
    reply = engine.ask("what did the 4th contributor list as reasons")
    # "reasons" asks for the main points: answered fully, not as a loose reading
    assert not reply.abstained and not reply.elsewhere
    assert reply.answers[0].contributor_id == "nathan"


def test_ideas_for_asks_for_recommendations(engine: Engine) -> None:
    q = engine.reader.read("does the last respondent have any ideas for the us")
    assert q.relations and q.relations[0].value == "recommend"


def test_using_and_used_stem_as_use() -> None:
    from bot.engine.text import stem

    assert stem("using") == stem("used") == stem("use") == stem("uses")
    assert stem("bring") == "bring" and stem("thing") == "thing"


def test_a_contributors_main_piece_is_their_longest_run_of_paragraphs() -> None:
    from bot.engine.answering.relation import _piece_at

    for where in (-1, 1):  # the short runs are interjections: start and end are the piece's
        assert _piece_at((15, 16, 24, 25, 26, 28, 29, 30, 77, 83), where) == range(24, 31)
    assert _piece_at((5,), 1) == range(5, 6) and _piece_at((), -1) == range(0)


def test_a_named_target_with_a_topic_keeps_to_those_who_answer_them(engine: Engine) -> None:
    reply = engine.ask("who criticizes nathan's framing")
    assert reply.answers[0].contributor_id == "sixth"
    assert all(a.target == "Andrew J. Nathan" for a in reply.answers)


def test_a_fragment_giving_an_example_belongs_to_the_question(engine: Engine) -> None:
    # "like life expectancy stuff" after the question names what it is about
    asked = engine.reader.read(
        "did the last person say something nice about china's record?? like life expectancy stuff"
    )
    assert {"life", "expectancy"} <= {t.word for t in asked.terms}


def test_running_from_reads_as_fleeing(engine: Engine) -> None:
    """ "immigrants running from tyranny": an older text's "fleeing from despotism"."""
    assert "fleeing" in {t.word for t in engine.reader.read(
        "who talks about people running from tyranny").terms}


def test_stuck_to_reads_as_stood_by(engine: Engine) -> None:
    """ "stuck to his principles": a text's "stood by my principles"."""
    assert "stood" in {t.word for t in engine.reader.read(
        "who said he stuck to his principles").terms}


def test_getting_old_reads_as_no_longer_young(engine: Engine) -> None:
    words = {t.word for t in engine.reader.read("who said he was getting old").terms}
    assert "young" in words and "old" not in words


def test_a_preamble_before_a_colon_is_chat(engine: Engine) -> None:
    # "quick check before my essay plan:" is no request to write an essay; the question follows
    reply = engine.ask("hey, quick check before my essay plan: who said the US should give "
                       "china credit for reducing poverty and stuff")
    assert not reply.abstained and reply.answers[0].contributor_id == "sixth"


def test_a_word_of_change_is_no_topic(engine: Engine) -> None:
    # "getting leaky": how the topic is said to change, not a topic the text lacks
    reply = engine.ask("@bot pls which one talks about the great firewall getting leaky")
    assert not reply.abstained and reply.answers[0].contributor_id == "hom"


def test_taught_reads_as_teacher() -> None:
    """ "what town did he say he taught school in?": a text's "I was a school-teacher"."""
    from bot.engine.index import SYNONYM_STEMS
    from bot.engine.text import stem
    assert stem("teacher") in SYNONYM_STEMS[stem("taught")]


def test_a_contracted_would_is_no_topic(engine: Engine) -> None:
    # "why doesn't he think it'd work": "it'd" is "it would", no word the text lacks
    assert {"itd", "thatd"}.isdisjoint(t.word for t in engine.reader.read(
        "why doesn't he think it'd work, and what's that'd mean for china").terms)


@pytest.mark.parametrize("question", [
    "Which specific American lapses did Bequelin list as setting a bad example?",
    "what US failures does bequelin point to",
])
def test_failings_read_as_what_was_problematic(engine: Engine, question: str) -> None:
    # the text: "The past few years have been problematic in this respect, with issues
    # ranging from the legality of the Iraq war to Abu Ghraib ..."
    top = engine.ask(question).answers[0]
    assert "Abu Ghraib" in engine.reading.paragraph(top.paragraph).text


def test_where_someone_stands_on_a_matter_is_their_position(engine: Engine) -> None:
    # "where does Neier stand on X": his position on X; "stand" names no topic
    words = {t.word for t in engine.reader.read("where does neier stand on the soviet bloc").terms}
    assert "stand" not in words and {"soviet", "bloc"} <= words


def test_keeping_an_eye_on_reads_as_making_sure(engine: Engine) -> None:
    # "keep a closer eye on how US businesses behave": the text's "more active in ensuring
    # that the practices of U.S. businesses in China respect human rights"
    reply = engine.ask("Which writer wanted the US to keep a closer eye on how US businesses "
                       "behave over there?")
    assert not reply.abstained and reply.answers[0].contributor_id == "sixth"
