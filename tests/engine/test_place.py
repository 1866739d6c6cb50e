"""How a contribution starts or ends: the contributor's first or last sentence, verbatim."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.conversation import Conversation

# (question, contributor id, start or end)
PLACES = [
    ("how did the third one start their piece", "rosenzweig", "start"),
    ("what does hom open with", "hom", "start"),
    ("how does bequelin begin?", "bequelin", "start"),
    ("how did nathan end his essay", "nathan", "end"),
    ("how does neier wrap up", "neier", "end"),
    ("how did the final respondent conclude", "sixth", "end"),
]


@pytest.mark.parametrize(("question", "who", "where"), PLACES)
def test_the_first_or_last_sentence(engine: Engine, question: str, who: str, where: str) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id == who
    contributor = engine.reading.contributor(who)
    paragraphs = sorted(contributor.paragraphs)
    edge = paragraphs[0] if where == "start" else paragraphs[-1]
    assert top.paragraph == edge
    text = engine.reading.paragraph(edge).text
    assert top.quote in text  # verbatim
    assert text.startswith(top.quote) if where == "start" else text.rstrip().endswith(top.quote)


def test_a_follow_up_asks_the_same_of_another(engine: Engine) -> None:
    conv = Conversation()
    engine.ask("how did the third one start their piece", conversation=conv)
    reply = engine.ask("and the second one?", conversation=conv)
    assert reply.answers[0].contributor_id == "hom"
    assert engine.reading.paragraph(reply.answers[0].paragraph).text.startswith(
        reply.answers[0].quote)


@pytest.mark.parametrize("question", [
    "who said the us should start a dialogue",  # a who-question, with a topic
    "what did nathan say about opening markets",  # a topic beside the word
])
def test_a_topic_beside_the_word_is_no_place(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.message.startswith("How ")


def test_one_speech_of_several_is_no_place_of_the_contributor() -> None:
    from bot.engine.answering.place import names_a_speech

    assert names_a_speech("how did lincoln wrap up his reply")
    assert names_a_speech("what did he say at the end of his opening speech")
    assert not names_a_speech("how does neier wrap up")
    assert not names_a_speech("what's neier's opening point")
