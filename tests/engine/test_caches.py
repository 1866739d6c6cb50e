"""What the engine keeps from one question to the next (word-level caches, precomputed
per-position facts) never changes an answer: a question gets the same reading and the same
reply from an engine that has answered many others before as from a fresh one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.engine import Engine

DATA = Path(__file__).resolve().parents[1] / "data"


def _questions(limit: int = 160) -> list[str]:
    items = yaml.safe_load((DATA / "chat_questions.yaml").read_text(encoding="utf-8"))
    items += yaml.safe_load((DATA / "heldout_questions.yaml").read_text(encoding="utf-8"))
    return [str(item["q"]) for item in items if isinstance(item, dict) and "q" in item][:limit]


@pytest.fixture(scope="module")
def used(engine: Engine) -> Engine:
    """The session engine after it has answered every question once (caches filled)."""
    for q in _questions():
        engine.ask(q)
    return engine


def test_questions_read_and_answered_alike_by_a_fresh_engine(used: Engine) -> None:
    fresh = Engine(used.reading)
    # the fresh engine reads them in the reverse order: what a cache holds comes from others
    for q in reversed(_questions()):
        assert fresh.reader.read(q) == used.reader.read(q), q
        assert fresh.ask(q) == used.ask(q), q


def test_a_word_made_a_term_alike_with_or_without_focus_and_correction(used: Engine) -> None:
    index = used.index
    for word in ("neir", "tibet", "hongkong", "sanctions", "xyzzy", "letting", "13"):
        for focus in (False, True):
            for correct in (False, True):
                made = index.term(word, focus=focus, correct=correct)
                assert made == Engine(used.reading).index.term(word, focus, correct)
                assert made.focus is focus


def test_a_misspelt_name_found_alike_wherever_it_stands(used: Engine) -> None:
    matcher = used.matcher
    first = matcher.find(["what", "did", "neir", "say"])
    again = matcher.find(["neir", "and", "nathan"])
    assert first[0].contributor_ids == again[0].contributor_ids == ("neier",)
    assert (first[0].start, first[0].end) == (2, 3)
    assert (again[0].start, again[0].end) == (0, 1)


def test_phrases_compared_in_one_call_score_as_one_by_one(used: Engine) -> None:
    """The rerank scores a question's topic against all the phrases of its candidates in one
    `process.extract` call: each phrase gets the score `token_set_ratio` gives it alone."""
    from rapidfuzz import fuzz, process

    phrases = sorted({p for item in used.index.items for p in item.phrases})
    words_ = sorted({w for p in phrases for w in p.split()})
    topics = [" ".join(words_[k : k + n]) for n in (2, 3) for k in range(0, len(words_), 7)]
    topics += [p + " policy" for p in phrases[::5]]
    for topic in topics:
        alone = {p: fuzz.token_set_ratio(topic, p, score_cutoff=70) for p in phrases}
        together = dict.fromkeys(phrases, 0.0)
        for p, ratio, _ in process.extract(
            topic, phrases, scorer=fuzz.token_set_ratio, score_cutoff=70, limit=None
        ):
            together[p] = ratio
        assert together == alone, topic
    assert any(v for v in alone.values())
