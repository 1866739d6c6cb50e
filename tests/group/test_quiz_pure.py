"""The quiz's pure parts: masking names, drawing fair rounds, scoring, a session, the store."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from bot.knowledge.model import Contributor, Kind, Paragraph, Position, Reading
from bot.quiz import draw
from bot.quiz.masking import MASK, mask_quote, name_terms, reading_terms
from bot.quiz.scoring import RIGHT, SPEED_BONUS, points
from bot.quiz.session import Answered, MemberResult, QuizSession
from bot.quiz.store import ActiveQuiz, ChannelBusy, QuizStore


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# -- masking --------------------------------------------------------------------------


def test_names_in_a_quote_are_masked_and_the_rest_is_verbatim(reading: Reading) -> None:
    terms = reading_terms(reading)
    quote = "For the most part, I agree with Nicholas about the role of Bequelin’s citizens."
    masked = mask_quote(quote, terms)
    expected = f"For the most part, I agree with {MASK} about the role of {MASK}’s citizens."
    assert masked.text == expected
    assert masked.masked_count == 2
    assert masked.unmasked() == quote


def test_masking_matches_whole_words_only_and_keeps_ordinary_words(reading: Reading) -> None:
    terms = reading_terms(reading)
    quote = "Homely hominids at the University in the first contributor's Open session."
    assert mask_quote(quote, terms).text == quote  # 'Hom' inside words, role words, 'Open'


def test_name_terms_skip_descriptions_and_the_unnamed(reading: Reading) -> None:
    sixth = reading.contributor("sixth")
    assert name_terms(sixth) == set()  # 'the final respondent', 'last one': no names
    terms = name_terms(reading.contributor("bequelin"))
    assert {"Nicholas Bequelin", "Bequelin", "Nicholas", "Nick", "Becquelin"} <= terms
    assert not any(t.islower() for t in terms)  # 'senior researcher' is no name


def test_every_shown_quote_is_verbatim_but_for_masks(reading: Reading) -> None:
    for q in draw.eligible(reading):
        assert q.masked.unmasked() == q.position.quote
        assert q.position.quote in reading.paragraph(q.position.paragraph).text
        for name in ("Bequelin", "Nicholas", "Neier", "Sharon", "Nathan", "Rosenzweig"):
            assert name not in q.masked.text


# -- fairness -------------------------------------------------------------------------


def _reading(quotes: dict[str, list[str]]) -> Reading:
    paragraphs = [Paragraph(0, "Title", None)]
    contributors = []
    positions = []
    for order, (cid, texts) in enumerate(quotes.items(), start=1):
        numbers = []
        for i, text in enumerate(texts):
            number = len(paragraphs)
            paragraphs.append(Paragraph(number, text, cid))
            numbers.append(number)
            positions.append(Position(f"{cid}-{i}", cid, Kind.CLAIM, "s", ("t",), text, number))
        name = cid.capitalize()
        contributors.append(Contributor(cid, f"Ann {name}", name, (), "", order, tuple(numbers)))
    return Reading("r", "R", "", "", "", "", tuple(paragraphs), tuple(contributors),
                   tuple(positions))


LONG = "Tariffs on industrial machinery reshape provincial labour markets within {} decades"


def test_short_generic_and_name_heavy_quotes_are_not_drawn() -> None:
    r = _reading({
        "alpha": [
            "I agree.",  # too short
            "I think that this is very much what we would say here as well today.",  # small talk
            "Ann Beta and Ann Gamma and Ann Alpha agree with Ann Beta on all things.",  # names
            LONG.format("two"),
        ],
        "beta": [LONG.format("three")],
    })
    pool = draw.eligible(r)
    assert [q.position.id for q in pool] == ["alpha-3", "beta-0"]


def test_the_same_quote_twice_is_one_question() -> None:
    r = _reading({"alpha": [LONG.format("two"), LONG.format("two")]})
    assert len(draw.eligible(r)) == 1


def test_rounds_never_repeat_and_contributors_are_balanced() -> None:
    r = _reading({
        "alpha": [LONG.format(n) for n in ("two", "three", "four", "five", "six", "seven")],
        "beta": [LONG.format(n) for n in ("eight", "nine", "ten")],
        "gamma": [LONG.format(n) for n in ("many", "few")],
    })
    pool = draw.eligible(r)
    for seed in range(50):
        drawn = draw.draw(pool, 6, random.Random(seed))
        ids = [q.position.id for q in drawn]
        assert len(ids) == len(set(ids)) == 6
        assert Counter(q.answer for q in drawn) == {"alpha": 2, "beta": 2, "gamma": 2}
    drawn = draw.draw(pool, 11, random.Random(1))
    assert len(drawn) == 11 and Counter(q.answer for q in drawn)["gamma"] == 2  # all it has
    assert len(draw.draw(pool, 50, random.Random(1))) == 11  # the pool is all there is


def test_shipped_reading_quiz_is_balanced(reading: Reading) -> None:
    pool = draw.eligible(reading)
    assert len({q.answer for q in pool}) == len(reading.contributors)
    drawn = draw.draw(pool, 12, random.Random(3))
    counts = Counter(q.answer for q in drawn)
    assert set(counts.values()) == {2}
    kind_pool = draw.eligible(reading, "critique")
    assert kind_pool and all(q.position.kind is Kind.CRITIQUE for q in kind_pool)


# -- scoring and a session ------------------------------------------------------------


def test_points_reward_right_and_fast_answers() -> None:
    assert points(False, 0.0, 20) == 0
    assert points(True, 0.0, 20) == RIGHT + SPEED_BONUS
    assert points(True, 20.0, 20) == RIGHT
    assert points(True, 30.0, 20) == RIGHT
    assert points(True, 4.0, 20) == RIGHT + 4
    assert points(True, 5.0, 0) == RIGHT


def test_session_scores_first_answers_and_streaks(reading: Reading) -> None:
    pool = draw.eligible(reading)
    questions = draw.draw(pool, 3, random.Random(7))
    ids = [c.id for c in reading.contributors]
    clock = Clock()
    s = QuizSession(questions, ids, 20.0, clock=clock)

    def wrong(q: draw.Question) -> str:
        return next(i for i in ids if i != q.answer)

    q = s.start_round()
    assert s.answer(1, "alice", "nobody") is Answered.UNKNOWN
    clock.now += 4
    assert s.answer(1, "alice", q.answer) is Answered.TAKEN
    assert s.answer(1, "alice", wrong(q)) is Answered.ALREADY  # the first answer counts
    clock.now += 8
    assert s.answer(2, "bob", wrong(q)) is Answered.TAKEN
    first = s.close_round()
    assert [(r.name, r.right, r.points, r.streak) for r in first.results] == [
        ("alice", True, 14, 1), ("bob", False, 0, 0)
    ]
    assert first.results[0].elapsed == pytest.approx(4.0)
    assert s.answer(3, "carol", q.answer) is Answered.CLOSED

    q = s.start_round()
    s.answer(1, "alice", q.answer)  # instant: 15
    s.close_round()
    q = s.start_round()
    s.answer(2, "bob", q.answer)  # alice sat it out: her streak ends
    s.close_round()
    assert s.finished
    ranking = s.ranking()
    assert [(x.name, x.points, x.right, x.answered, x.best_streak, x.streak) for x in ranking] == [
        ("alice", 29, 2, 2, 2, 0), ("bob", 15, 1, 2, 1, 1)
    ]


# -- the store ------------------------------------------------------------------------


def _results(reading: Reading, answers: list[tuple[int, str, bool]]) -> list[MemberResult]:
    q = draw.eligible(reading)[0]
    ids = [c.id for c in reading.contributors]
    s = QuizSession([q], ids, 20.0, clock=Clock())
    s.start_round()
    for member, name, right in answers:
        s.answer(member, name, q.answer if right else next(i for i in ids if i != q.answer))
    return list(s.close_round().results)


def test_store_adds_rounds_per_server_and_keeps_the_best_streak(
    reading: Reading, tmp_path: Path
) -> None:
    path = tmp_path / "quiz.sqlite3"
    store = QuizStore(path)
    store.record_round(1, _results(reading, [(10, "alice", True), (20, "bob", False)]))
    store.record_round(1, _results(reading, [(10, "Alice B", True)]))
    store.record_round(2, _results(reading, [(20, "bob", True)]))
    again = QuizStore(path)  # a restarted bot reads the same records
    board = again.leaderboard(1)
    assert [(s.name, s.played, s.right, s.points, s.rank) for s in board] == [
        ("Alice B", 2, 2, 30, 1), ("bob", 1, 0, 0, 2)
    ]
    assert again.count(1) == 2 and again.count(2) == 1
    me = again.score(2, 20)
    assert me is not None and (me.right, me.rank) == (1, 1)
    assert again.score(1, 99) is None
    alice = again.score(1, 10)
    assert alice is not None and alice.best_streak == 1  # one right answer per quiz here
    paged = again.leaderboard(1, limit=1, offset=1)
    assert [(s.name, s.rank) for s in paged] == [("bob", 2)]


def test_store_keeps_one_running_quiz_per_channel_until_taken(tmp_path: Path) -> None:
    store = QuizStore(tmp_path / "quiz.sqlite3")
    store.begin(ActiveQuiz(5, 1, 10, "r", 3, None))
    with pytest.raises(ChannelBusy):
        store.begin(ActiveQuiz(5, 1, 11, "r", 3, None))
    store.begin(ActiveQuiz(6, 1, 10, "r", 3, None))
    store.set_message(5, 555)
    store.end(6)
    assert store.running() == [ActiveQuiz(5, 1, 10, "r", 3, 555)]
    taken = QuizStore(tmp_path / "quiz.sqlite3").take_abandoned()
    assert taken == [ActiveQuiz(5, 1, 10, "r", 3, 555)]
    assert store.take_abandoned() == []


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    import sqlite3

    from bot.quiz.store import QuizStoreError

    path = tmp_path / "quiz.sqlite3"
    QuizStore(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(QuizStoreError, match="schema version 99"):
        QuizStore(path)

