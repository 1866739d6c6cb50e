"""Among a speech's sentences, the one that says the question's words itself counts more."""

from __future__ import annotations

from bot.engine import Engine
from bot.engine.rank import _quote_share
from bot.engine.text import stem, words


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text))


def test_a_quote_saying_the_rarer_word_holds_more(engine: Engine) -> None:
    q = engine.reader.read("what did they say about journalists and censorship")
    weights = [engine.index.weight(t) for t in q.terms]
    total = sum(weights)
    both = _quote_share(_stems("journalists faced censorship"), q.terms, weights, total)
    one = _quote_share(_stems("censorship went on"), q.terms, weights, total)
    none = _quote_share(_stems("nothing of the kind"), q.terms, weights, total)
    assert both > one > none == 0.0
    assert abs(both - 1.0) < 1e-9
    assert _quote_share(_stems("journalists"), (), (), 0.0) == 0.0
