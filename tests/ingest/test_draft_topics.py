"""What a drafted debate's positions carry besides their own words, so that members' words
find them: the charge against the one named, praise, a speaker hushing the crowd, a
reporter's note beside a speech, a question taken up to be answered, neighbouring
sentences, the start of the debate and shortened given names (fixture reply_debate.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.ingest.command import Options, ingest
from bot.ingest.glossary import draft_glossary
from bot.ingest.sentences import pieces
from bot.knowledge.loader import load_reading
from bot.knowledge.model import Position, Reading

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> Reading:
    out = tmp_path_factory.mktemp("drafted") / "kelso"
    folder: Path = ingest(Options(FIXTURES / "reply_debate.txt", id="kelso", out=out)).folder
    return load_reading(folder)


@pytest.fixture(scope="module")
def engine(reading: Reading) -> Engine:
    return Engine(reading)


def _at(reading: Reading, start: str) -> Position:
    found = [p for p in reading.positions if p.quote.startswith(start)]
    assert found, start
    return found[0]


def test_a_charge_against_the_one_named_carries_accusation_words(reading: Reading) -> None:
    named = _at(reading, "Mr. Bramley went to work by a trick")
    assert named.kind.value == "critique" and "accuse" in named.topics
    unnamed = _at(reading, "He told the carters")  # "he": no charge by name
    assert "accuse" not in unnamed.topics


def test_praise_and_hushing_the_crowd_carry_their_words(reading: Reading) -> None:
    hush = _at(reading, "My friends, silence will be more acceptable")
    assert {"crowd", "quiet", "silence"} <= set(hush.topics)
    assert "praise" not in hush.topics
    praise = _at(reading, "Gentlemen: the patience with which you have listened")
    assert {"praise", "compliment", "audience"} <= set(praise.topics)
    plain = _at(reading, "The railway will carry our wool")
    assert not {"praise", "quiet"} & set(plain.topics)


def test_a_reporters_note_tells_of_the_position_before_it(reading: Reading) -> None:
    last = _at(reading, "I have no more to say at present")
    assert "expired" in last.topics and "amid cheers" in last.topics
    assert not any("expired" in p.topics for p in reading.positions if p is not last)


def test_the_others_question_taken_up_is_an_answer(reading: Reading) -> None:
    taken = _at(reading, "Mr. Ashton wants to know why I voted")
    assert taken.kind.value == "answer"
    assert taken.target is not None and taken.target.contributor_id == "ashton"
    assert _at(reading, "The shepherds are not burdened").kind.value == "claim"


def test_a_sentence_of_a_long_passage_borrows_its_neighbours_key_phrase(
    reading: Reading,
) -> None:
    second = _at(reading, "It keeps the foreign fleeces out")
    assert "wool duty" in second.topics  # said by the sentence before it only
    assert "wool duty" not in _at(reading, "I say that the railway may come").topics
    # a short paragraph is one point: its sentences borrow nothing from each other
    assert "railway company" not in _at(reading, "He told the carters").topics


def test_the_first_words_of_the_first_speech_open_the_debate(reading: Reading) -> None:
    first = _at(reading, "Friends and neighbours")
    assert "start of the debate" in first.topics
    assert sum("start of the debate" in p.topics for p in reading.positions) == 1


def test_a_shortened_given_name_stays_in_its_sentence_and_is_glossed() -> None:
    text = "Fred. Harkness drove me to the station. Then Fred. Harkness went home."
    assert [p.text for p in pieces(text)] == [
        "Fred. Harkness drove me to the station.", "Then Fred. Harkness went home."]
    assert ("Frederick", ["Fred"]) in draft_glossary(text)
    assert ("Frederick", ["Fred"]) not in draft_glossary(text + " Frederick the Great.")


@pytest.mark.parametrize(
    ("question", "who", "quote_starts"),
    [
        ("what did ashton accuse bramley of", "ashton", "Mr. Bramley went to work"),
        ("who asked the crowd to be quiet", "ashton", "My friends, silence"),
        ("what did bramley praise the audience for", "bramley", "Gentlemen: the patience"),
        ("how did bramley answer ashton about the railway bill", "bramley",
         "Mr. Ashton wants to know"),
        ("how did ashton open the debate", "ashton", "Friends and neighbours"),
        ("what did ashton say before he sat down amid cheers", "ashton",
         "I have no more to say"),
        ("what did ashton say about frederick harkness", "ashton", "When I was at Dunmore"),
    ],
)
def test_members_words_find_them(engine: Engine, question: str, who: str,
                                 quote_starts: str) -> None:
    reply = engine.ask(question)
    assert reply.answers, question
    assert reply.answers[0].contributor_id == who
    assert reply.answers[0].quote.startswith(quote_starts)


@pytest.mark.parametrize("question", [
    "what does bramley say hed do about the commons",
    "what would bramley do about the commons, per ashton",
    "what does bramley think theyd do with the commons",
])
def test_contractions_without_apostrophes_and_per_are_no_topic_words(
    engine: Engine, question: str
) -> None:
    q = engine.reader.read(question)
    assert {t.word for t in q.terms}.isdisjoint({"hed", "per", "theyd"})
    reply = engine.ask(question)
    assert reply.answers and reply.answers[0].contributor_id == "bramley"
    assert "commons" in reply.answers[0].quote


@pytest.mark.parametrize(("text", "asks"), [
    ("what did he say first in his opening speech", True),
    ("how did he end his closing speech", True),
    ("what questions did he put in his opening speech", False),  # names the speech only
    ("what did he say in his last speech", False),
])
def test_a_place_asked_beside_the_speech_named(text: str, asks: bool) -> None:
    from bot.engine.answering.relation import _place_beside_speech

    assert _place_beside_speech(text) is asks


def test_a_given_name_and_a_surname_never_written_together_are_no_one(engine: Engine) -> None:
    # the text has "John Mercer" and "Fred. Harkness", never "John Harkness"
    reply = engine.ask("did either of them mention john harkness")
    assert reply.abstained and "John Harkness" in reply.message
    for question in ("did either of them mention john mercer",
                     "did either of them mention frederick harkness"):
        reply = engine.ask(question)
        assert reply.answers and reply.answers[0].contributor_id == "ashton", question


def test_a_short_word_with_one_more_letter_is_no_typo(engine: Engine) -> None:
    # "beard" is no misspelt "bear": a short word one letter longer than a word of the text
    assert engine.index.correct("woolf") == ("woolf", False)
    assert engine.index.correct("railwya") == ("railway", True)  # a real typo still is one
