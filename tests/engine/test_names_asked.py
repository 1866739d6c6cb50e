"""Asking the name of someone a text speaks of, or of a contributor: the name where the text
gives one, and an honest "the text doesn't give it" where it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.answering.names import person_named, thing_named
from bot.engine.conversation import Conversation

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def harbour() -> Engine:
    return Engine.load(FIXTURES, "harbour-debate")


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("whats the laureate's name", "laureate"),
        ("whats the laureates name", "laureate"),
        ("what is the name of the nobel laureate in prison", "laureate"),
        ("who's the nobel laureate he's talking about there", "laureate"),
        ("who is the nobel laureate bequelin mentions", "laureate"),
        ("whats the guys name, it doesnt say?", "guy"),
        ("what is the name of the last contributor", ""),  # a contributor, no one spoken of
        ("do they name which companies", ""),  # "name" the verb
        ("what did the laureate say", ""),
    ],
)
def test_the_person_whose_name_is_asked(question: str, person: str) -> None:
    assert person_named(question) == person


@pytest.mark.parametrize(
    "question",
    ["whats the laureate's name", "what is the name of the nobel laureate in prison",
     "who is the nobel laureate bequelin mentions"],
)
def test_a_name_the_text_never_gives_is_an_honest_no(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.abstained and "doesn't give the laureate's name" in reply.message
    assert reply.related and reply.related[0].contributor_id == "bequelin"  # the passage


@pytest.mark.parametrize(
    "before",
    ["who mentioned the jailed nobel laureate?", "what did bequelin say about the laureate"],
)
@pytest.mark.parametrize(
    "follow_up", ["whats the laureates name", "whats the guys name, it doesnt say?",
                  "who's the nobel laureate he's talking about there"],
)
def test_the_name_of_one_spoken_of_in_a_conversation(
    engine: Engine, before: str, follow_up: str
) -> None:
    talk = Conversation()
    engine.ask(before, conversation=talk)
    reply = engine.ask(follow_up, conversation=talk)
    assert reply.abstained and "laureate's name" in reply.message


UNNAMED = "never gives the final respondent's name"
NO_AFFILIATION = "The text itself doesn't say where"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what is the name of the last contributor", UNNAMED),
        ("whats the sixth authors name btw", UNNAMED),
        ("who is the last contributor? like their actual name", UNNAMED),
        ("who wrote the final contribution? it's not signed", UNNAMED),
        # the text itself names no affiliation; the reading's details do, and the reply says so
        ("which university does andrew nathan teach at", NO_AFFILIATION),
        ("where does nathan work", NO_AFFILIATION),
        ("what org is neier with? it doesn't say iirc", NO_AFFILIATION),
    ],
)
def test_what_the_text_never_says_of_a_contributor(
    engine: Engine, question: str, said: str
) -> None:
    reply = engine.ask(question)
    assert reply.abstained and said in reply.message
    if said == NO_AFFILIATION:
        assert "reading's details list" in reply.message


def test_a_named_contributor_is_named(engine: Engine) -> None:
    reply = engine.ask("what's hom's full name")
    assert not reply.abstained and "Sharon Hom" in reply.message


def test_a_name_the_text_gives_is_answered(harbour: Engine) -> None:
    reply = harbour.ask("what is the name of the school-teacher marsh mentions")
    assert not reply.abstained and "Peter Gray" in reply.answers[0].quote
    talk = Conversation()
    harbour.ask("who brought up the school-teacher", conversation=talk)
    reply = harbour.ask("whats the teacher's name", conversation=talk)
    assert not reply.abstained and "Peter Gray" in reply.answers[0].quote


def test_a_name_the_small_text_never_gives(harbour: Engine) -> None:
    reply = harbour.ask("what is the harbour master's name")
    assert reply.abstained and "doesn't give the master's name" in reply.message


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("which companies do they name tho", True),
        ("which internet companies r they talking about, google? yahoo?", True),
        ("Does he name which allied countries the US should coordinate with?", True),
        ("does he say which us president was sending those mixed messages", True),
        ("does he name any particular lawyers or cases", True),
        ("which fields does he list", False),  # a list of things, not their names
        ("which approach does he prefer", False),
        ("Which professions did Aryeh Neier name as pushing for rights?", False),  # common nouns
        ("which groups does she mention", False),
        ("which internet companies tho, any names", True),
        ("which lawyers tho, names?", True),
    ],
)
def test_a_thing_asked_for_by_its_name(question: str, asks: bool) -> None:
    assert bool(thing_named(question)) is asks


@pytest.mark.parametrize(
    ("before", "question"),
    [
        (["what does neier say about professionals"], "does he name any particular lawyers"),
        (["what does nathan say about businesspeople", "anybody else mention business"],
         "which companies do they name tho"),
        (["what did bequelin say about conflicting messages"],
         "does he say which us president was sending those mixed messages"),
        # in chat shorthand
        (["what does neier say about professionals"], "which lawyers tho, names?"),
        (["does bequelin say anything about business too"],
         "which internet companies tho, any names"),
    ],
)
def test_names_the_passage_lacks_are_an_honest_no(
    engine: Engine, before: list[str], question: str
) -> None:
    talk = Conversation()
    for earlier in before:
        engine.ask(earlier, conversation=talk)
    reply = engine.ask(question, conversation=talk)
    assert reply.abstained and "doesn't give those names" in reply.message
    assert reply.related  # what the text does say on it


def test_names_the_passage_holds_are_answered(harbour: Engine) -> None:
    reply = harbour.ask("which people does marsh name about the money")
    assert not reply.abstained and "Peter Gray" in reply.answers[0].quote


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("nvm. who wrote the first piece", "bequelin"),
        ("who wrote the shortest piece", "nathan"),
        ("what does the longest response argue", "bequelin"),
        ("the guy who only wrote one paragraph — who is that and what's his gist?", "nathan"),
        ("who wrote the first piece about hong kong", "hom"),  # a topic: who said it
    ],
)
def test_who_wrote_a_part_named_by_place_or_length(
    engine: Engine, question: str, who: str
) -> None:
    reply = engine.ask(question)
    assert not reply.abstained and reply.answers[0].contributor_id == who


def test_length_needs_a_unique_shortest(harbour: Engine) -> None:
    # the fixture's two contributors: Reed has three paragraphs, Marsh four
    assert harbour.ask("what does the longest response argue").answers[0].contributor_id == (
        "marsh")
    assert harbour.ask("what does the shortest piece say").answers[0].contributor_id == "reed"


def test_who_is_named_by_their_affiliation(engine: Engine) -> None:
    reply = engine.ask("who's the columbia professor")
    assert not reply.abstained and reply.answers[0].contributor_id == "nathan"


def test_what_one_says_about_work_is_a_topic(engine: Engine) -> None:
    assert "doesn't say where" not in engine.ask("what does nathan say about work").message


def test_an_organisation_asked_of_the_one_just_answered(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("hom says the communist party might not have a choice? explain pls",
               conversation=talk)
    reply = engine.ask("what organisation does she work for?", conversation=talk)
    assert "Human Rights in China" in reply.message


def test_professions_asked_by_name_are_answered_from_the_list(engine: Engine) -> None:
    reply = engine.ask("Which professions did Neier name as pushing for rights?")
    assert not reply.abstained and "journalists, scientists" in reply.answers[0].quote


@pytest.mark.parametrize(
    "question", ["which companies did they name?", "which companies did the last respondent name?"]
)
def test_a_kind_of_the_things_asked_names_none_of_them(engine: Engine, question: str) -> None:
    # the final respondent speaks of "Internet companies": a kind of company, not a name
    talk = Conversation()
    engine.ask("did the last contributor talk about us companies too?", conversation=talk)
    reply = engine.ask(question, conversation=talk)
    assert reply.abstained and reply.related
    assert "companies's" not in reply.message


def test_a_name_asked_of_things_is_said_in_plural(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("did the last contributor talk about us companies too?", conversation=talk)
    reply = engine.ask("which companies did they name?", conversation=talk)
    assert "the companies' names" in reply.message


def test_where_one_works_is_asked_in_the_members_words(engine: Engine) -> None:
    # read as a question of the contributor just answered, in the follow-up's own words
    talk = Conversation()
    engine.ask("ok wait who opens this thing and whats his main point", conversation=talk)
    reply = engine.ask("lol what org does he work for anyway", conversation=talk)
    assert reply.abstained and "doesn't say where Bequelin works" in reply.message


def test_whose_job_asks_no_affiliation(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("so rosenzweig thinks the US shouldn't lead at all?", conversation=talk)
    assert "works" not in engine.ask("whose job is it then", conversation=talk).message


def test_the_laureate_asked_after_the_prize_guy(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("which one mentions the nobel prize guy in prison", conversation=talk)
    reply = engine.ask("whats the laureates name", conversation=talk)
    assert reply.abstained and "laureate's name" in reply.message
