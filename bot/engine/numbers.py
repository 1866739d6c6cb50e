"""Numbers written as digits or as words: a question's "13 states" is the text's "thirteen
States", its "2nd question" the text's "second question", and the other way round; and
whether a sentence states a number at all (what "how many ...?" asks for)."""

from __future__ import annotations

import re

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
MAX_SPELLED = 99  # larger numbers (years, sums) are written as digits in any text

_CARDINAL_OF = {w: i for i, w in enumerate(_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)
}
_ORDINAL_OF = {w: i for i, w in enumerate(_ORDINAL_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(_ORDINAL_TENS.split())
}
# words that state a count or a length ("one" and the ordinals are too common to tell)
_COUNT_WORDS = (frozenset(_CARDINAL_OF) - {"zero", "one"}) | {
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "half",
}
COUNT_WORDS = _COUNT_WORDS
_DIGITS = re.compile(r"\d")


def cardinal(n: int) -> str:
    """0..99 in words, hyphenated as texts write it: 25 -> "twenty-five"."""
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")


def ordinal(n: int) -> str:
    """1..99 as an ordinal word: 2 -> "second", 21 -> "twenty-first"."""
    if n < 20:
        return _ORDINAL_UNITS[n]
    tens, unit = divmod(n, 10)
    if not unit:
        return _ORDINAL_TENS.split()[tens - 2]
    return f"{_TENS[tens - 2]}-{_ORDINAL_UNITS[unit]}"


def spelled(word: str) -> tuple[str, ...]:
    """The other ways of writing a number word: "13" -> ("thirteen",), "2nd" -> ("second",),
    "thirteen" -> ("13",), "second" -> ("2nd",); () for any other word."""
    if word.isdigit():
        n = int(word)
        return (cardinal(n),) if n <= MAX_SPELLED else ()
    m = _ORDINAL.match(word)
    if m:
        n = int(m.group(1))
        return (ordinal(n),) if 0 < n <= MAX_SPELLED else ()
    if word in _CARDINAL_OF:
        return (str(_CARDINAL_OF[word]),)
    n = _ORDINAL_OF.get(word, 0)
    if n:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0)
        return (f"{n}{suffix or 'th'}",)
    return ()


def states_number(tokens: list[str]) -> bool:
    """Whether a sentence's words (as `text.words` gives them) state a number: digits, or
    a count in words ("twenty-five years", "an hour and a half")."""
    return any(_DIGITS.search(t) or t in _COUNT_WORDS for t in tokens)
