"""Values and choices in words a moderator knows, for problem messages."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping

from bot.knowledge.limits import cut


def describe(value: object) -> str:
    """What a YAML value is, in words a moderator knows (never the whole of a long value)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({cut(str(value))})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        return f"text ({cut(value)!r})"
    if isinstance(value, Mapping):
        return "a mapping (key: value lines)"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__} value"


def quote_hint(value: object) -> str:
    """Advice for a scalar YAML read as something other than text."""
    if isinstance(value, bool):
        return (
            '; YAML reads yes/no/on/off/true/false as true/false, so write it in quotes, e.g. "yes"'
        )
    if isinstance(value, int | float):
        return f'; write it in quotes: "{cut(str(value))}"'
    if isinstance(value, dt.date):
        return f'; write it in quotes: "{value.isoformat()}"'
    return ""


def closest(word: str, choices: Iterable[str], prefix: str = "") -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when none is close."""
    match = difflib.get_close_matches(cut(word, 100), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{prefix}{match[0]}'?)" if match else ""


def name_list(items: Iterable[object]) -> str:
    """'a, b, c' for a message."""
    return ", ".join(str(i) for i in items)


def shown_key(key: object) -> str:
    """A mapping key as a message names it."""
    if isinstance(key, str):
        return cut(key.strip()) or "empty term"
    if key is None:
        return "empty term"
    if isinstance(key, bool):
        return str(key).lower()
    if isinstance(key, dt.date):
        return key.isoformat()
    return cut(str(key))
