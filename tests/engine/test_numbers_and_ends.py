"""Numbers in digits or words, number-seeking questions, and 'at the very end' (rank.py,
index.py, numbers.py), on the small fixture debate tests/engine/fixtures/harbour-debate."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.index import LONG_POWER, LONG_QUOTED, long_paragraphs
from bot.engine.lexicon import Relation
from bot.engine.numbers import cardinal, ordinal, spelled, states_number
from bot.engine.rank import answers_topic
from bot.engine.text import words

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def harbour() -> Engine:
    return Engine.load(FIXTURES, "harbour-debate")


def test_numbers_spelled_both_ways() -> None:
    assert spelled("13") == ("thirteen",)
    assert spelled("thirteen") == ("13",)
    assert spelled("2nd") == ("second",)
    assert spelled("second") == ("2nd",)
    assert spelled("eleventh") == ("11th",) and spelled("twentyfirst") == ()
    assert spelled("1858") == () and spelled("harbour") == ()
    assert (cardinal(25), ordinal(21), ordinal(40)) == ("twenty-five", "twenty-first", "fortieth")


def test_a_sentence_states_a_number() -> None:
    assert states_number(words("I have known him for nearly twenty-five years."))
    assert states_number(words("It was passed in 1854."))
    assert not states_number(words("No one knows him as the first of them."))


def test_digits_in_a_question_find_the_number_in_words(harbour: Engine) -> None:
    term = harbour.reader.read("how many of the 11 villages still ship from the harbour?")
    assert any(t.word == "11" and t.known for t in term.terms)
    reply = harbour.ask("how many of the 11 villages still ship from the harbour?")
    assert not reply.abstained
    assert (reply.answers[0].contributor_id, reply.answers[0].paragraph) == ("reed", 4)


def test_a_question_for_a_number_prefers_a_quote_that_states_one(harbour: Engine) -> None:
    # both of Marsh's sentences say he "has known" the harbour master; one says how long
    reply = harbour.ask("how long has Marsh known the harbour master?")
    assert not reply.abstained
    assert reply.answers[0].paragraph == 8


def test_the_very_end_is_the_later_of_equal_passages(harbour: Engine) -> None:
    reply = harbour.ask("what was said at the very end?")
    assert not reply.abstained
    assert reply.answers[0].paragraph == 10


def test_what_one_accused_the_other_of_is_a_critique_of_them(harbour: Engine) -> None:
    asked = harbour.reader.read("what did Marsh accuse Reed of?")
    assert asked.relation is Relation.CRITIQUE and not asked.terms
    reply = harbour.ask("what did Marsh accuse Reed of?")
    assert not reply.abstained
    assert (reply.answers[0].contributor_id, reply.answers[0].paragraph) == ("marsh", 9)


def test_one_topic_word_is_no_phrase_near_it_in_spelling(harbour: Engine) -> None:
    # "quay side" (paragraph 4) is near "quays" in spelling; paragraph 3 speaks of the quay
    reply = harbour.ask("what did Reed say about quays?")
    assert not reply.abstained
    assert reply.answers[0].paragraph == 3


def test_a_form_of_a_function_word_is_known_and_weighs_nothing(harbour: Engine) -> None:
    letting = harbour.index.term("letting")  # "let" is a function word: never indexed
    assert letting.known and harbour.index.weight(letting) == 0.0
    assert not harbour.index.term("spectacles").known  # a word the text lacks stays unknown
    asked = harbour.reader.read("what did Marsh say about letting the school have the money?")
    ranked = harbour.ranker.rank(asked, speakers=asked.speakers)
    assert ranked and ranked[0].item.position.paragraph == 9
    assert ranked[0].coverage >= 0.9  # "letting" takes no share of the topic


def test_a_word_after_a_name_is_no_misspelt_everyday_word(harbour: Engine) -> None:
    # the text names Peter Gray; "peter fleer" is someone else, not a misspelt "fleet"
    asked = harbour.reader.read("did either of them talk about peter fleer?")
    assert [t.known for t in asked.terms if t.word == "fleer"] == [False]
    assert harbour.ask("did either of them talk about peter fleer?").abstained
    # a misspelt name is still corrected to the name, and a long misspelt word still is
    assert harbour.ask("what did Marsh say about peter grays?").answers[0].paragraph == 9
    assert any(t.own == "dredg" for t in harbour.reader.read("peter dreddging").terms)


def test_a_surname_after_another_first_name_is_someone_else(harbour: Engine) -> None:
    # the text names Tom Reed, who is not the contributor Ann Reed
    asked = harbour.reader.read("who mentioned tom reed?")
    assert not asked.speakers and not asked.targets
    reply = harbour.ask("who mentioned tom reed?")
    assert not reply.abstained
    assert (reply.answers[0].contributor_id, reply.answers[0].paragraph) == ("marsh", 9)
    assert harbour.reader.read("what did ann reed say about dredging?").speakers == ("reed",)


@pytest.mark.parametrize(
    ("question", "speakers", "targets"),
    [
        ("how long has Marsh known Reed?", ("marsh",), ("reed",)),
        ("how did Reed end her speech before Marsh got up?", ("reed",), ("marsh",)),
        ("did Marsh and Reed talk about the road?", ("marsh", "reed"), ()),
        ("does Marsh or Reed talk about the school?", ("marsh", "reed"), ()),
    ],
)
def test_a_second_name_after_the_speakers_verb_is_spoken_of(
    harbour: Engine, question: str, speakers: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    asked = harbour.reader.read(question)
    assert (asked.speakers, asked.targets) == (speakers, targets)


def test_among_equals_the_passage_that_names_the_one_asked_about(harbour: Engine) -> None:
    # paragraphs 7 and 8 both speak of the harbour master; only 8 names Reed
    reply = harbour.ask("what did Marsh tell Reed about the harbour master?")
    assert not reply.abstained
    assert reply.answers[0].paragraph == 8


def test_a_who_question_needs_more_than_one_word_in_a_long_passage(harbour: Engine) -> None:
    asked = harbour.reader.read("who said the fleet left the harbour for the road?")
    assert asked.who and not asked.speakers and len(asked.terms) >= 3
    best = harbour.ranker.rank(asked)[0]
    thin = dataclasses.replace(best, strong=1, coverage=0.6)
    crowded = dataclasses.replace(thin, item=dataclasses.replace(thin.item, siblings=6))
    assert answers_topic(thin, asked)  # a paragraph of its own: its words are its own
    assert not answers_topic(crowded, asked)  # one sentence of many: a word or two in common
    assert answers_topic(dataclasses.replace(crowded, strong=2), asked)
    assert answers_topic(dataclasses.replace(crowded, coverage=0.85), asked)


def test_a_chat_word_the_text_uses_in_a_phrase_is_a_topic(harbour: Engine) -> None:
    # "teacher" is chat filler ("my teacher asked"), but the text speaks of a school-teacher
    asked = harbour.reader.read("who mentioned the school teacher?")
    assert [t.word for t in asked.terms] == ["school", "teacher"]
    chat = harbour.reader.read("for class tomorrow: who mentioned the road?")
    assert [t.word for t in chat.terms] == ["road"]


def test_a_long_paragraph_of_many_positions_weighs_its_words_less() -> None:
    stems = {1: frozenset("abcd"), 2: frozenset("abcd"), 3: frozenset("abcdefghijklmnop")}
    many = Counter({1: 1, 2: 1, 3: LONG_QUOTED})
    factors = long_paragraphs(stems, many)
    assert factors[1] == factors[2] == 1.0
    assert factors[3] == pytest.approx((4 / 16) ** LONG_POWER)
    few = long_paragraphs(stems, Counter({3: LONG_QUOTED - 1}))  # a hand-made index
    assert few[3] == 1.0


def test_who_read_out_words_is_the_reader_not_their_author() -> None:
    # Hale reads out Finch's newsletter (paragraph 6, hers, between two of his)
    news = Engine.load(FIXTURES, "newsletter-debate")
    read = news.ask("who read out that the website is a waste of money?")
    assert not read.abstained
    assert (read.answers[0].contributor_id, read.answers[0].paragraph) == ("hale", 7)
    said = news.ask("who said the website is a waste of money?")  # still its author
    assert said.answers[0].contributor_id == "finch"


def test_a_who_question_holding_one_of_its_words_needs_most_of_its_weight(
    harbour: Engine,
) -> None:
    # "who won the 1858 senate election?": a sentence with "1858" alone, the rest elsewhere
    asked = harbour.reader.read("who said the fleet left the harbour for the road?")
    best = harbour.ranker.rank(asked)[0]
    thin = dataclasses.replace(best, strong=1, coverage=0.55)
    assert not answers_topic(thin, asked)
    assert answers_topic(dataclasses.replace(thin, strong=2), asked)
    assert answers_topic(dataclasses.replace(thin, coverage=0.7), asked)


def test_a_number_the_text_never_gives_is_abstained_with_the_related_passages(
    harbour: Engine,
) -> None:
    # Marsh speaks of "the cost of dredging", but nobody says how much it is
    reply = harbour.ask("how much would dredging the harbour cost?")
    assert reply.abstained and reply.answers == ()
    assert "doesn't give" in reply.message
    assert ("marsh", 7) in [(a.contributor_id, a.paragraph) for a in reply.related]


def test_a_question_opening_on_when_may_still_ask_a_number(harbour: Engine) -> None:
    reply = harbour.ask(
        "when the fleet left, how many villages still shipped their catch from the harbour?"
    )
    assert not reply.abstained
    assert (reply.answers[0].contributor_id, reply.answers[0].paragraph) == ("reed", 4)



def test_the_nearest_passages_of_an_abstention_are_shown_apart(harbour: Engine) -> None:
    from bot.engine.render import render_reply

    reply = harbour.ask("how much would dredging the harbour cost?")
    assert "Nearest, though they don't answer it: Bill Marsh, paragraph 7" in render_reply(reply)
