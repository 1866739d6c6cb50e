"""A small drafted debate of our own (tests/ingest/fixtures/ferry_debate.txt): relation words
that belong to the topic, and ties between one speaker's passages."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.lexicon import Relation
from bot.ingest.command import Options, ingest
from bot.knowledge.loader import load_reading

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    out = tmp_path_factory.mktemp("ferry") / "ferry"
    folder = ingest(Options(FIXTURES / "ferry_debate.txt", id="ferry", out=out)).folder
    return Engine(load_reading(folder))


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("would dunmore vote to admit a new town?", "admit"),  # "vote to admit": its object
        ("what did dunmore say about admitting a new town?", "admitting"),  # a gerund's
    ],
)
def test_a_governed_relation_word_is_a_topic_word(engine: Engine, question: str,
                                                  word: str) -> None:
    q = engine.reader.read(question)
    assert q.relation is Relation.ANY
    assert word in [t.word for t in q.terms]


@pytest.mark.parametrize(
    "question",
    ["what did dunmore admit?", "did dunmore admit that the tolls are high?",
     "what did dunmore admit about the tolls?"],
)
def test_a_relation_word_in_the_questions_frame_asks_the_relation(engine: Engine,
                                                                  question: str) -> None:
    q = engine.reader.read(question)
    assert q.relation is Relation.CONCEDE
    assert "admit" not in [t.word for t in q.terms]
    reply = engine.ask(question)
    assert reply.answers and reply.answers[0].quote.startswith("I admit that the tolls")


def test_infinitive_after_a_verb_of_wanting_or_a_relation_word_stays_a_relation(
    engine: Engine,
) -> None:
    assert engine.reader.read("did dunmore refuse to admit the tolls are high?").relation is (
        Relation.CONCEDE)


def test_a_paragraph_that_keeps_using_the_words_family_wins_a_tie(engine: Engine) -> None:
    # Carver says "would dissolve the county" twice, in two paragraphs alike; the second goes
    # on about its "dissolution": that is where he speaks of dissolving the county
    reply = engine.ask("what did carver say about dissolving the county?")
    assert reply.answers and reply.answers[0].quote.startswith("Mr. Dunmore tells you that Fen")


def test_a_thing_from_the_other_names_the_one_answered(engine: Engine) -> None:
    # "from Dunmore's charge": the charge is Dunmore's; Carver, who answers it, is the speaker
    q = engine.reader.read("how did carver defend the ferry from dunmore's charge?")
    assert q.speakers == ("carver",) and q.targets == ("dunmore",)
    q = engine.reader.read("what does the ferry look like from dunmore's point of view?")
    assert q.speakers == ("dunmore",)


def test_in_a_debate_of_two_the_one_asked_keeps_a_partial_answer(engine: Engine) -> None:
    # Dunmore speaks of the ferry's tolls, though not of the county's dissolution (Carver does)
    reply = engine.ask(
        "what did dunmore say about the dissolution of the county by the ferry tolls")
    assert not reply.elsewhere and reply.answers
    assert reply.answers[0].contributor_id == "dunmore"
    assert reply.answers[0].quote.startswith("I admit that the tolls")


def test_one_who_never_speaks_of_it_is_still_answered_for(engine: Engine) -> None:
    reply = engine.ask("what did dunmore say about the county ferry in fair weather and foul")
    assert reply.elsewhere == ("dunmore",) and reply.answers[0].contributor_id == "carver"


@pytest.mark.parametrize(
    "question",
    ["who spoke first at ashby and why were the tolls different from fenwick?",
     "what did carver say about the different towns?"],
)
def test_things_that_differ_are_a_topic_no_disagreement(engine: Engine, question: str) -> None:
    q = engine.reader.read(question)
    assert q.relation is not Relation.DISAGREE
    assert {"different"} & {t.word for t in q.terms}


def test_contributors_who_differ_still_disagree(engine: Engine) -> None:
    assert engine.reader.read("does dunmore differ from carver?").relation is Relation.DISAGREE
