"""Quick paths of question reading: a pattern is skipped where the text lacks what every
match of it holds. Each must give what the pattern itself gives, on any text."""

from __future__ import annotations

import itertools
import random
import re
import unicodedata

from bot.engine import Engine, question, text
from bot.engine.text import join_compounds, words

PIECES = [
    "U.S.", "U. S. A.", "US", "USA", "us", "the us", "the\tus", "the\x1cus", "The Us", "UN",
    "U.N.", "U. N.", "un", "United  States", "united\nstates", "America", "americans",
    "Washington", "Washington D.C.", "<@123>", "<#55>", "<a:x:9>", "@everyone", "@here",
    "http://x.y/z", "https://a", "#2", "# 3", "#0", "**bold**", "`code`", "a  b", " \t ",
    "\u2019", "\u201cq\u201d", "\u2014", "\u00a0", "é", "ﬁ", "Ｕ.Ｓ.", "\u200b", "\x07",
    "hong-kong", "like-minded", "-", "x-y-z", "ı", "K", "ſ", "who's", "WHO'S", "whom’s",
    "what did X mean by the words a b c", "MEAN BY", "means by", '"a quoted phrase"',
    "'single quoted words' ", "what", "did", "Neier", "say", "?",
]


def _texts(n: int = 6000) -> list[str]:
    rng = random.Random(11)
    out = list(PIECES) + [a + b for a, b in itertools.product(PIECES[:30], repeat=2)]
    for _ in range(n):
        sep = rng.choice(["", " ", "  ", "-"])
        out.append(sep.join(rng.choice(PIECES) for _ in range(rng.randint(1, 7))))
    return out


def _plain_in_full(raw: str) -> str:
    """`text._plain` with every step applied to every text."""
    if not (raw.isascii() and raw.isprintable()):
        raw = unicodedata.normalize("NFKC", raw)
        raw = "".join(text._control_to_space(ch) for ch in raw)
    raw = text._MENTION.sub(" ", raw)
    raw = text._URL.sub(" ", raw)
    raw = text._NUMBERED.sub(r"number \1", raw)
    raw = raw.translate(text._FOLD)
    raw = text._MARKDOWN.sub(" ", raw)
    return text._SPACE.sub(" ", raw).strip()


def test_cleaning_skips_only_patterns_that_cannot_match() -> None:
    for t in _texts():
        assert text._plain(t) == _plain_in_full(t), repr(t)


def test_country_names_replaced_as_by_the_patterns_themselves() -> None:
    for t in _texts():
        assert text._countries(t) == text._UN.sub(" un ", text._US.sub(" usa ", t)), repr(t)
    assert words("the us and the U.N.") == ["the", "usa", "and", "the", "un"]


def test_hyphenated_words_joined_as_by_the_pattern_itself() -> None:
    def keep(w: str) -> bool:
        return len(w) % 2 == 0

    def join(m: re.Match[str]) -> str:
        joined = (m.group(1) + m.group(2)).lower()
        return joined if keep(joined) else m.group(0)

    for t in _texts():
        assert join_compounds(t, keep) == re.sub(r"\b([A-Za-z]+)-([A-Za-z]+)\b", join, t)


def test_question_patterns_found_as_by_searching_every_text() -> None:
    for t in _texts():
        assert question._who_is(t) == question._WHO_IS.sub(r"\1 is", t), repr(t)
        for quick, pattern in ((question._quoted, question._QUOTED),
                               (question._meant, question._MEANT)):
            got, expected = quick(t), pattern.search(t)
            assert (got and got.span()) == (expected and expected.span()), repr(t)


def _spans_trying_every_place(phrases: set[tuple[str, ...]], tokens: list[str],
                              skip: set[int]) -> list[tuple[int, int]]:
    longest = max((len(p) for p in phrases), default=0)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 1, -1):
            if tuple(tokens[i : i + size]) in phrases and not skip.intersection(
                range(i, i + size)
            ):
                spans.append((i, i + size))
                i += size - 1
                break
        i += 1
    return spans


def test_glossary_phrases_tried_only_where_one_starts(engine: Engine) -> None:
    reader = engine.reader
    phrases = set(engine.index.glossary_phrases)
    assert phrases
    rng = random.Random(3)
    pool = [w for p in phrases for w in p] + ["the", "and", "what", "did", "say"]
    for _ in range(3000):
        tokens = [rng.choice(pool) for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.5:
            at = rng.randint(0, len(tokens))
            tokens[at:at] = rng.choice(sorted(phrases))
        skip = {k for k in range(len(tokens)) if rng.random() < 0.1}
        assert reader._glossary_phrases(tokens, skip) == _spans_trying_every_place(
            phrases, tokens, skip
        )
