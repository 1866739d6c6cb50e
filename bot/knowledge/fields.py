"""Reading typed fields out of one YAML mapping, reporting each problem in plain words."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from bot.knowledge.errors import Problem
from bot.knowledge.schema import ID_PATTERN, ID_RULE, Shape


def describe(value: object) -> str:
    """What a YAML value is, in words a moderator knows."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})"
    if isinstance(value, Mapping):
        return "a mapping (key: value lines)"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__} value"


def _quote_hint(value: object) -> str:
    """Advice for a scalar YAML read as something other than text."""
    if isinstance(value, bool):
        return (
            '; YAML reads yes/no/on/off/true/false as true/false, so write it in quotes, e.g. "yes"'
        )
    if isinstance(value, int | float):
        return f'; write it in quotes: "{value}"'
    if isinstance(value, dt.date):
        return f'; write it in quotes: "{value.isoformat()}"'
    return ""


def check_text(value: object, label: str, report: Callable[[str], None]) -> str | None:
    """`value` as non-empty text (stripped), or None after reporting why it is not."""
    if isinstance(value, str):
        if value.strip():
            return value.strip()
        report(f"{label} is empty; write some text")
        return None
    if value is None:
        report(f"{label} has no value; write some text")
        return None
    report(f"{label} must be text, not {describe(value)}{_quote_hint(value)}")
    return None


def closest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when none is close."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def name_list(items: Iterable[object]) -> str:
    """'a, b, c' for a message."""
    return ", ".join(str(i) for i in items)


class Entry:
    """One YAML mapping (a contributor, a position, ...) and where to report its problems."""

    def __init__(
        self,
        data: Mapping[object, object],
        file: Path,
        where: str,
        shape: Shape,
        problems: list[Problem],
    ) -> None:
        self.data = data
        self.file = file
        self.where = where
        self.shape = shape
        self.problems = problems
        self._check_keys()

    def report(self, message: str, where: str | None = None) -> None:
        """Note one problem with this entry."""
        self.problems.append(Problem(self.file, where or self.where, message))

    def _check_keys(self) -> None:
        allowed = self.shape.allowed
        for key in self.data:
            if not isinstance(key, str):
                self.report(
                    f"{describe(key)} is not a key {self.shape.name} may have; "
                    f"allowed keys: {name_list(allowed)}"
                )
            elif key not in allowed:
                self.report(
                    f"unknown key '{key}'{closest(key, allowed)}; "
                    f"{self.shape.name} may have: {name_list(allowed)}"
                )
        for key in self.shape.required:
            if key not in self.data:
                self.report(f"'{key}' is missing; {self.shape.name} needs it")

    def has(self, key: str) -> bool:
        """True when the key is present (whatever its value)."""
        return key in self.data

    def get(self, key: str) -> object:
        """The raw value (None when absent)."""
        return self.data.get(key)

    def text(self, key: str) -> str | None:
        """A non-empty string, or None after reporting (or when an optional key is absent)."""
        if key not in self.data:
            return None
        return self.check_text(self.data[key], f"'{key}'")

    def check_text(self, value: object, label: str) -> str | None:
        """`value` as non-empty text (stripped), or None after reporting."""
        return check_text(value, label, self.report)

    def ident(self, key: str) -> str | None:
        """An id (letters, digits and '-'), or None after reporting."""
        if key not in self.data:
            return None
        return self.check_ident(self.data[key], f"'{key}'")

    def check_ident(self, value: object, label: str) -> str | None:
        """`value` as an id, or None after reporting."""
        text = self.check_text(value, label)
        if text is not None and not ID_PATTERN.fullmatch(text):
            self.report(f"{label} '{text}' is not a valid id: use {ID_RULE}")
            return None
        return text

    def integer(self, key: str, minimum: int = 0) -> int | None:
        """A whole number at least `minimum`, or None after reporting."""
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, int) and not isinstance(value, bool):
            if value >= minimum:
                return value
            self.report(f"'{key}' must be {minimum} or more, not {value}")
            return None
        hint = " (without quotes)" if isinstance(value, str) and value.strip().isdigit() else ""
        self.report(f"'{key}' must be a whole number{hint}, not {describe(value)}")
        return None

    def flag(self, key: str) -> bool:
        """A true/false value (False when absent or wrong, after reporting)."""
        value = self.data.get(key, False)
        if isinstance(value, bool):
            return value
        self.report(f"'{key}' must be true or false, not {describe(value)}")
        return False

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of non-empty texts (also accepts one text); () when absent or wrong."""
        if key not in self.data:
            return ()
        value = self.data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.report(f"'{key}' must be a list of texts, not {describe(value)}")
            return ()
        items = [self.check_text(item, f"'{key}' item {i + 1}") for i, item in enumerate(value)]
        return tuple(item for item in items if item is not None)

    def entries(self, key: str, shape: Shape, id_key: str = "id") -> list[Entry]:
        """The list of mappings under `key`, each as an Entry named `key[i] (id)`."""
        if key not in self.data:
            return []
        value = self.data[key]
        if not isinstance(value, list):
            self.report(f"'{key}' must be a list (lines starting with '- '), not {describe(value)}")
            return []
        found = []
        for i, item in enumerate(value):
            where = f"{key}[{i}]"
            if not isinstance(item, Mapping):
                self.report(
                    f"each item must be {shape.name} (key: value lines), not {describe(item)}",
                    where,
                )
                continue
            item_id = item.get(id_key)
            if isinstance(item_id, str) and item_id.strip():
                where = f"{where} ({item_id.strip()})"
            found.append(Entry(item, self.file, where, shape, self.problems))
        return found
