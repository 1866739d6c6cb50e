"""The real texts in ../shared, ingested with no hand edits: they validate, and answer.

Skipped when ../shared is absent. Floors sit a little below the scores measured when they
were set (README, "From a text to a reading"); they catch regressions, not targets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.engine import Engine
from bot.ingest.command import Options, ingest
from bot.knowledge.loader import load_reading
from bot.knowledge.paragraphs import squash

from .conftest import HERE, shared_file
from .score_reading import Scorer, score

DATA = HERE.parent / "data"
CONTRIBUTORS = HERE / "chinafile_contributors.yaml"
SEED = ("source", "chinafile-human-rights-conversation.txt")
DEBATES = ("ottawa", "freeport")
# Each debate's blind question sets and the least score its draft must keep (measured values
# in the README; sets 2 and 3 were written blind later, 3 tuned on only in the misses round)
DEBATE_FLOORS = {
    "ottawa_questions.yaml": ("ottawa", 0.88), "freeport_questions.yaml": ("freeport", 0.80),
    "ottawa2_questions.yaml": ("ottawa", 0.78), "freeport2_questions.yaml": ("freeport", 0.80),
    "ottawa3_questions.yaml": ("ottawa", 0.77), "freeport3_questions.yaml": ("freeport", 0.87),
    # written blind, 0.725 / 0.662 on their first run; their misses studied in round 3
    "ottawa4_questions.yaml": ("ottawa", 0.80), "freeport4_questions.yaml": ("freeport", 0.77),
    # written blind last this session, never tuned on: 0.625 / 0.487 on their first run
    "ottawa5_questions.yaml": ("ottawa", 0.61), "freeport5_questions.yaml": ("freeport", 0.47),
    # written blind in session 16 with no nicknames: 0.525 / 0.637 on their first run
    "ottawa6_questions.yaml": ("ottawa", 0.53), "freeport6_questions.yaml": ("freeport", 0.63),
    # session 16, never tuned on: 0.625 / 0.575 on their first run
    "ottawa7_questions.yaml": ("ottawa", 0.62), "freeport7_questions.yaml": ("freeport", 0.56),
    "ottawa8_questions.yaml": ("ottawa", 0.62),  # written last: 0.617 on its first run
    # session 17, never studied: 0.625 / 0.625 on their first run
    "ottawa9_questions.yaml": ("ottawa", 0.66), "freeport8_questions.yaml": ("freeport", 0.64),
    # session 18: 0.487 / 0.625 on their first run; studied in session 19
    "ottawa10_questions.yaml": ("ottawa", 0.56), "freeport9_questions.yaml": ("freeport", 0.66),
    # session 19: 0.512 / 0.588 on their first run; studied in session 20
    "ottawa11_questions.yaml": ("ottawa", 0.53), "freeport10_questions.yaml": ("freeport", 0.61),
    # session 20: 0.525 / 0.475 on their first run; studied in session 21
    "ottawa12_questions.yaml": ("ottawa", 0.51), "freeport11_questions.yaml": ("freeport", 0.48),
    # session 21: 0.500 / 0.562 on their first run; studied in session 22
    "ottawa13_questions.yaml": ("ottawa", 0.53), "freeport12_questions.yaml": ("freeport", 0.56),
    # session 22: 0.550 / 0.650 on their first run (ottawa14 scored in session 23)
    "freeport13_questions.yaml": ("freeport", 0.61), "ottawa14_questions.yaml": ("ottawa", 0.68),
    # session 23: 0.550 / 0.562 on their first run; studied in session 24
    "ottawa15_questions.yaml": ("ottawa", 0.56), "freeport14_questions.yaml": ("freeport", 0.56),
    # session 24, never studied: 0.325 / 0.637 on their first run
    "ottawa16_questions.yaml": ("ottawa", 0.52), "freeport15_questions.yaml": ("freeport", 0.61),
    # session 26, written mid-session, never studied: 0.613 on its first run
    "ottawa17_questions.yaml": ("ottawa", 0.60),
    # session 26, written late, never studied: 0.662 on its first run (0.650 on the start)
    "freeport16_questions.yaml": ("freeport", 0.65),
    # session 27: 0.725 on its first run, then studied; 0.688 on its first run, never studied
    "ottawa18_questions.yaml": ("ottawa", 0.76), "freeport17_questions.yaml": ("freeport", 0.67),
    "ottawa19_questions.yaml": ("ottawa", 0.62), "freeport18_questions.yaml": ("freeport", 0.57),
    # session 29: 0.812 and 0.750 on their first runs
    "ottawa20_questions.yaml": ("ottawa", 0.79), "freeport19_questions.yaml": ("freeport", 0.73),
    # session 30: 0.750 and 0.575 on their first runs (ottawa21 never studied)
    "ottawa21_questions.yaml": ("ottawa", 0.72), "freeport20_questions.yaml": ("freeport", 0.62),
    # session 31: 0.762 and 0.725 on their first runs (freeport21 never studied)
    "ottawa22_questions.yaml": ("ottawa", 0.73), "freeport21_questions.yaml": ("freeport", 0.70),
}
SEED_FLOORS = {
    "heldout_questions.yaml": 0.92, "heldout2_questions.yaml": 0.90,
    "heldout3_questions.yaml": 0.90, "heldout4_questions.yaml": 0.87,
    "final_questions.yaml": 0.92, "round6_questions.yaml": 0.86,
    "round8_questions.yaml": 0.88,
}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each shared text ingested once for the module."""
    out: dict[str, Path] = {}
    root = tmp_path_factory.mktemp("drafted")
    for name in DEBATES:
        text = shared_file("readings", f"lincoln-douglas-{name}", "text.txt")
        out[name] = ingest(Options(text, id=name, out=root / name)).folder
    seed = shared_file(*SEED)
    out["seed"] = ingest(Options(seed, id="seed", out=root / "seed",
                                 contributors=CONTRIBUTORS)).folder
    return out


def _run(folder: Path, items: list[dict[str, Any]]) -> float:
    engine = Engine(load_reading(folder))
    outs = [engine.ask(item["q"]).to_json() for item in items]
    return score(Scorer(folder), items, outs).score


@pytest.mark.parametrize("name", ["ottawa", "freeport", "seed"])
def test_drafted_reading_validates_with_verbatim_quotes(drafted: dict[str, Path],
                                                        name: str) -> None:
    reading = load_reading(drafted[name])  # raises with every problem if any check fails
    assert reading.positions and all(not p.reviewed for p in reading.positions)
    for p in reading.positions:
        assert squash(p.quote) in squash(reading.paragraph(p.paragraph).text)


def test_debate_speakers_and_apparatus(drafted: dict[str, Path]) -> None:
    reading = load_reading(drafted["ottawa"])
    assert [c.id for c in reading.contributors] == ["douglas", "lincoln"]
    assert reading.contributor("douglas").name == "Stephen A. Douglas"
    assert "Judge Douglas" in reading.contributor("douglas").aliases
    for p in reading.positions:  # no crowd reaction, and nothing from the notes, is a quote
        assert not re.search(r"\((?:Cheers|Laughter|Great laughter)\.?\)|\[Laughter", p.quote)
        assert "Debates Scrapbook" not in p.quote
    notes = [n for n, par in enumerate(reading.paragraphs) if par.text == "Annotation"]
    assert notes and all(par.contributor_id is None for par in reading.paragraphs[notes[0]:])
    by_quote = {p.quote: p for p in reading.positions}
    interruption = by_quote["MR. LINCOLN, again interrupting---I know he did not."]
    assert interruption.contributor_id == "lincoln"


def test_a_document_read_out_is_nobodys_and_its_reader_findable(
    drafted: dict[str, Path]
) -> None:
    reading = load_reading(drafted["ottawa"])
    assert not any(re.match(r"(?:\d+\. )?Resolved,", p.quote) for p in reading.positions)
    engine = Engine(reading)
    reply = engine.ask("who put the seven questions to Lincoln?")
    assert reply.answers and reply.answers[0].contributor_id == "douglas"
    assert reply.answers[0].quote.startswith("I desire")


def test_read_out_words_go_to_their_author(drafted: dict[str, Path]) -> None:
    reading = load_reading(drafted["freeport"])
    firsts = [p for p in reading.positions if p.quote.startswith("Question 1. ``I desire")]
    assert firsts and firsts[0].contributor_id == "douglas"  # Douglas's question, read by Lincoln
    answer = [p for p in reading.positions if p.quote.startswith("Answer. I do not now")]
    assert answer and answer[0].contributor_id == "lincoln"


@pytest.mark.parametrize("name", sorted(DEBATE_FLOORS))
def test_debate_blind_set_floor(drafted: dict[str, Path], name: str) -> None:
    reading, floor = DEBATE_FLOORS[name]
    items = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert _run(drafted[reading], items) >= floor


@pytest.mark.parametrize("name", sorted(SEED_FLOORS))
def test_seed_draft_floor(drafted: dict[str, Path], name: str) -> None:
    items = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert _run(drafted["seed"], items) >= SEED_FLOORS[name]


@pytest.mark.parametrize(
    ("question", "who", "quote_starts"),
    [  # the asked kind counts beside the named target: a question, not a claim about it
        ("what did lincoln ask douglas about the house divided maxim", "lincoln",
         "The Judge does not seem to be attending"),
        # "Mr. Lincoln wants to know why ...": the answer taken up from the other's question
        ("how did douglas answer lincoln about why the word state was in the nebraska bill",
         "douglas", "Mr. Lincoln wants to know why the word"),
    ],
)
def test_debate_questions_and_answers_of_the_asked_kind(
    drafted: dict[str, Path], question: str, who: str, quote_starts: str
) -> None:
    reply = Engine(load_reading(drafted["ottawa"])).ask(question)
    assert reply.answers and reply.answers[0].contributor_id == who
    assert reply.answers[0].quote.startswith(quote_starts)


@pytest.mark.parametrize(("question", "who", "quote_starts"), [
    # "first line" is a place in the piece, no topic word
    ("what's douglas's very first line", "douglas", "Ladies and gentlemen: I appear"),
    # "once he gets the cheering to stop" sets the scene of the place asked for
    ("what's lincoln's first sentence once he gets the cheering to stop", "lincoln",
     "MY FELLOW-CITIZENS: When a man hears himself"),
    # a fragment after the question says whose end is asked; the reporter's "(Three times
    # three cheers ...)" after his last words is no one's sentence
    ("how does the debate close? final words from douglas", "douglas",
     "Gentlemen, I am told that my time is out"),
])
def test_a_place_in_a_piece_asked_in_chat(
    drafted: dict[str, Path], question: str, who: str, quote_starts: str
) -> None:
    reply = Engine(load_reading(drafted["ottawa"])).ask(question)
    assert reply.answers and reply.answers[0].contributor_id == who
    assert reply.answers[0].quote.startswith(quote_starts), reply.answers[0].quote


def test_the_reporters_asides_are_no_sentences_of_the_text(drafted: dict[str, Path]) -> None:
    engine = Engine(load_reading(drafted["ottawa"]))
    texts = [s.text for s in engine.sources.quotes.sentences]
    assert any("I am obliged to stop." in t for t in texts)
    assert not any(t.startswith("(") and t.rstrip(".").endswith(")") for t in texts)


def test_a_place_in_a_named_speech_is_its_start(drafted: dict[str, Path]) -> None:
    engine = Engine(load_reading(drafted["freeport"]))
    reply = engine.ask("what did lincoln say hed do first in his opening speech")
    assert reply.answers and reply.answers[0].contributor_id == "lincoln"
    assert reply.answers[0].quote.startswith("LADIES AND GENTLEMEN---On Saturday last")


@pytest.mark.parametrize(
    ("name", "question", "who", "phrase"),
    [  # today's words for the text's: "grabbing more land" is its acquisition of territory
        ("freeport", "whats the judge's view on the US grabbing more land", "douglas",
         "this great republic"),
        ("freeport", "douglas complaining that lincolns answer on the runaway slave law didnt "
         "say anything", "douglas", "no answer at all"),
        ("ottawa", "what does the judge claim the founding generation did about free vs slave "
         "states", "douglas", "free States and slave States"),
        # two of the text's words written as one, one of them plural there: "bees" and "hive"
        ("freeport", "who compared the country to a beehive", "douglas", "hive of bees"),
        # "intend" is the text's "purpose"; "nobody" is no topic word
        ("ottawa", "does lincoln intend to meddle with slavery in the states where it exists",
         "lincoln", "no purpose directly or indirectly"),
        ("freeport", "who grumbles that no one on the other side interrupted his adversary",
         "douglas", "vulgar and black-guard enough"),
        # "... who's in it?" asks of his story, not who answers him; a contributor "between"
        # others is what the speaker tells of
        ("freeport", "douglas charges there's an alliance against him, who is part of it",
         "douglas", "an alliance between Lincoln"),
        ("freeport", "douglas says there was a secret deal between lincoln and trumbull over "
         "the senate seats, what was it", "douglas", "Shields"),
        # "handle", "getting": the frame around the topic, which is the spot of the resolutions
        ("freeport", "how did douglas handle getting the spot of the 1854 resolutions wrong",
         "douglas", "led into an error as to the spot"),
        # in a debate of two, the one asked: two words in his sentence, a fair share in all
        ("ottawa", "What wrong did the Judge charge Trumbull with in regard to the debts of "
         "the State of Illinois?", "douglas", "repudiate a large portion of the State debt"),
        # "He has read from my speech ...": what the other said sets up the answer after it
        ("ottawa", "when the judge said the house divided speech means lincoln wants every "
         "state made the same, how did lincoln answer that?", "lincoln", "he argues erroneously"),
        # "founding" is the text's "organization"; "disclaimer" frames the start asked for; a
        # given name the Freeport text never gives is its one surname-only speaker's
        ("freeport", "when/where does lincoln date the republican party's founding", "lincoln",
         "at Bloomington, in May, 1856"),
        ("freeport", "at the very start of his rejoinder what disclaimer does abe give",
         "lincoln", "I cannot in half an hour notice"),
        ("freeport", "douglas position on expanding territory - does slavery factor in?",
         "douglas", "expand"),
        # a closing "lincolns answer?" asks the one named to reply to the sentence before
        ("freeport", "douglas says if lincoln lets in one slave state hes basically voting to "
         "break up the union. lincolns answer?", "lincoln", "half slave and half free"),
        # "what's his answer?" after a sentence naming one speaker (a heckler's "someone"
        # there asks no who): his reply
        ("ottawa", "someone in the crowd asks lincoln if he rejects popular sovereignty. what's "
         "his answer", "lincoln", "Popular Sovereignty"),
        # "fire back" replies; a hyphenated word of the text ("grocery-keeper", the other's)
        # reaches its rarer part where the one asked writes it apart ("grocery keeper")
        ("ottawa", "how does lincoln fire back when douglas calls him a grocery-keeper",
         "lincoln", "never kept a grocery"),
        # "his opening speech": of that speech's positions, near its close
        ("ottawa", "toward the close of his opening speech what does douglas warn lincoln's "
         "doctrine would do", "douglas", "will dissolve the Union if it succeeds"),
        # "James house-frame" is no man named James House
        ("ottawa", "who told the story of the Stephen, Franklin, Roger and James house-frame "
         "timbers", "lincoln", "Stephen, Franklin, Roger and James"),
    ],
)
def test_modern_words_find_the_debates_own(
    drafted: dict[str, Path], name: str, question: str, who: str, phrase: str
) -> None:
    engine = Engine(load_reading(drafted[name]))
    reply = engine.ask(question)
    assert reply.answers and reply.answers[0].contributor_id == who
    assert phrase in engine.reading.paragraph(reply.answers[0].paragraph).text


@pytest.mark.parametrize("question", ["what does rosenzweig propose",
                                      "What did Rosenzweig recommend?"])
def test_a_bare_recommendation_comes_from_the_paragraph_of_a_main_point(
    drafted: dict[str, Path], question: str
) -> None:
    """ "what does X propose?" with no topic: among X's recommendations, those of the paragraph
    where a main point of X's stands come first (the seed's draft: Rosenzweig's "critical
    engagement" paragraph, not the one before it)."""
    engine = Engine(load_reading(drafted["seed"]))
    top = engine.ask(question).answers[0]
    central = {p.paragraph for p in engine.reading.positions_of("rosenzweig") if p.central}
    assert top.contributor_id == "rosenzweig" and top.paragraph in central
