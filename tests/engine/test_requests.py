"""Messages that are no question about the reading, in another language, or very long."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.answering.abstain import asks_group_plans, off_topic_request, other_language
from bot.engine.conversation import Conversation
from bot.engine.text import MAX_MESSAGE_CHARS, MAX_QUESTION_CHARS, clean

CAN_DO = "I can answer about what"  # every abstention says what the bot can do

NOT_ABOUT_THE_READING = [
    "translate this",
    "can you translate this paragraph into Chinese pls",
    "write my essay",
    "can u just write my rebuttal for the neg lol",
    "can you write my essay on neier for me",
    "tell me a joke",
    "tell me a joke about hom",
    "do my homework",
    "write a poem about human rights",
    "help me with my essay",
    "could u summarize my notes",
    "pls write me a short poem about the debate for my presentation",
    "can u just write my 1000 word essay on human rights in china pls",
]
ABOUT_THE_READING = [  # the same verbs, asking about the reading
    "help me understand neier's essay",
    "what was Hom's rebuttal to Bequelin?",
    "what does hom want policymakers to do",
    "who wrote that the U.S. should set the best possible example",
    "tell me what Neier said about the Soviet bloc",
    "tell me about the short essay hom wrote",
]
OTHER_LANGUAGES = [
    "¿Qué dijo Neier sobre China?",
    "Qu'est-ce que Hom pense des droits de l'homme?",
    "Was hat Nathan über China gesagt?",
    "内尔对中国说了什么？",
    "Что сказал Нейер?",
    "o que disse Rosenzweig sobre os direitos humanos?",
]
ENGLISH = [
    "what did Neier say about the Soviet bloc?",
    "who mentioned the Dalai Lama?",
    "did Béquelin talk about Tibet?",
    "what did nathan say about la la land",
]

CHAT = "ok so i'm really behind on the reading and our group chat has been a mess all week. "
# (message, contributor of the top answer): the question after (or before) long chat
LONG = [
    (CHAT * 6 + "who compared things to the soviet bloc?", "neier"),
    (CHAT * 6 + "anyway who compared things to the soviet bloc", "neier"),
    (CHAT * 30 + "what did neier say about the soviet bloc?", "neier"),
    ("who mentioned the dalai lama? " + CHAT * 60, "bequelin"),
    ("blah " * 900 + "who mentioned the dalai lama?", "bequelin"),
]


@pytest.mark.parametrize("text", NOT_ABOUT_THE_READING)
def test_requests_not_about_the_reading_abstain_and_say_what_it_can_do(
    engine: Engine, text: str
) -> None:
    assert off_topic_request(text)
    reply = engine.ask(text)
    assert reply.abstained and "only answer questions about the reading" in reply.message
    assert CAN_DO in reply.message


@pytest.mark.parametrize("text", ABOUT_THE_READING)
def test_questions_using_the_same_verbs_are_not_refused(text: str) -> None:
    assert not off_topic_request(text)


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_another_language_is_told_the_bot_reads_english(engine: Engine, text: str) -> None:
    assert other_language(clean(text))
    reply = engine.ask(text)
    assert reply.abstained and "English" in reply.message and CAN_DO in reply.message


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_english(text: str) -> None:
    assert not other_language(clean(text))


@pytest.mark.parametrize(("text", "who"), LONG)
def test_a_question_after_long_chat_is_found(engine: Engine, text: str, who: str) -> None:
    assert len(text) > MAX_QUESTION_CHARS
    reply = engine.ask(text)
    assert not reply.abstained, reply.message
    assert reply.answers[0].contributor_id == who
    assert len(reply.question) <= MAX_QUESTION_CHARS


@pytest.mark.parametrize("text", ["x" * 4000, "what? " * 700, CHAT * 200, "? " * 5000])
def test_a_huge_message_gets_a_sane_reply(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    assert len(reply.question) <= MAX_QUESTION_CHARS
    assert reply.abstained or reply.answers[0].quote
    assert len(clean(text)) <= MAX_QUESTION_CHARS and MAX_MESSAGE_CHARS >= 4000


@pytest.mark.parametrize(
    "text", ["how many people wrote in this", "how many contributors are there?"]
)
def test_how_many_contributors_is_said(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    assert reply.abstained and reply.message.startswith(f"{len(engine.contributors)} contributors")


@pytest.mark.parametrize(
    "text", ["how many people's lives improved according to the last one",
             "how many respondents agreed with bequelin"]
)
def test_how_many_about_the_text_is_answered(engine: Engine, text: str) -> None:
    assert not engine.ask(text).abstained


def test_how_many_people_as_a_follow_up_is_about_the_topic(engine: Engine) -> None:
    from bot.engine.conversation import Conversation

    conv = Conversation()
    engine.ask("what did hom say about victoria park", conversation=conv)
    reply = engine.ask("how many people?", conversation=conv)
    assert not reply.abstained and "100,000" in reply.answers[0].quote


@pytest.mark.parametrize("text", [
    "hey bot when's our next meetup",
    "can someone remind me when our next meeting is",
    "where are we meeting thursday?",
    "what time is our session tomorrow",
])
def test_the_groups_own_plans_are_not_in_the_reading(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    assert reply.abstained and "group meets" in reply.message


@pytest.mark.parametrize("text", [
    "when did bequelin want the president to meet the dalai lama",
    "did anyone say we should meet chinese officials more often",
])
def test_meetings_in_the_reading_are_no_group_plans(text: str) -> None:
    assert not asks_group_plans(text)


def test_group_plans_mid_conversation_leave_it_where_it_was(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("what did hom say about hong kong", conversation=talk)
    assert engine.ask("hey bot when's our next meetup", conversation=talk).abstained
    again = engine.ask("and why does she think that", conversation=talk)
    assert not again.abstained and again.answers[0].contributor_id == "hom"
