"""Finding a remembered phrase in the text: scoring only the paragraphs that can matter
(one rapidfuzz call with a cut-off) finds what scoring every paragraph in full finds."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from bot.engine import Engine
from bot.engine.quotes import MIN_PHRASE_RATIO, QUOTING_MARGIN, Located, QuoteFinder
from bot.engine.text import fold


def _every_paragraph(finder: QuoteFinder, phrase: str) -> Located | None:
    """`QuoteFinder.locate` as first written: every paragraph aligned and scored in full."""
    needle = fold(phrase).strip(" ?.!\"'")
    if len(needle) < 8:
        return None
    scored = []
    for number, text, folded in finder._paragraphs:
        found = fuzz.partial_ratio_alignment(needle, folded)
        assert found is not None
        span = folded[found.dest_start : found.dest_end]
        quoting = folded[: found.dest_start].count('"') % 2 == 1 or '"' in span
        scored.append((found.score, quoting, number, text))
    top = max(s[0] for s in scored)
    if top < MIN_PHRASE_RATIO:
        return None
    close = [s for s in scored if s[0] >= top - QUOTING_MARGIN]
    ratio, _, number, text = min(close, key=lambda s: (s[1], -s[0], s[2]))
    return Located(number, finder.sentence(text, needle), ratio)


def _phrases(finder: QuoteFinder, n: int) -> list[str]:
    """Pieces of the text, some misspelt, some run on into other words, some made up."""
    rng = random.Random(7)
    texts = [text for _, text, _ in finder._paragraphs]
    out = ["human rights dialogue", "tell me a joke please", "xx", '"quiet diplomacy"']
    for _ in range(n):
        text = rng.choice(texts)
        start = rng.randrange(max(1, len(text) - 40))
        chars = list(text[start : start + rng.randint(6, 90)])
        for _ in range(rng.randint(0, 5)):
            chars[rng.randrange(len(chars))] = rng.choice("aeiou tnr")
        phrase = "".join(chars)
        if rng.random() < 0.25:
            phrase += " " + rng.choice(texts)[: rng.randint(0, 30)]
        out.append(phrase)
    return out


def test_a_phrase_is_found_where_scoring_every_paragraph_finds_it(engine: Engine) -> None:
    finder = engine.quotes
    results = [(finder.locate(p), _every_paragraph(finder, p)) for p in _phrases(finder, 400)]
    for got, expected in results:
        assert got == expected
    assert sum(got is not None for got, _ in results) > 100  # found, not only refused
    assert sum(got is None for got, _ in results) > 10
