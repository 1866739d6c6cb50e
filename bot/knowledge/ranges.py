"""Paragraph lists such as "3, 6-13": parsing them and writing them back compactly."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_PART = re.compile(r"\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?")
FORMAT = 'paragraph numbers and ranges such as "3, 6-13" (or a list: [3, 6-13])'


def parse_paragraphs(value: object) -> tuple[tuple[int, ...], list[str]]:
    """The paragraph numbers `value` names, sorted, and what is wrong with it (if anything).

    Accepts an int, a text "3, 6-13", or a list of ints and "a-b" texts.
    """
    if isinstance(value, bool) or value is None:
        return (), [f"list {FORMAT}"]
    if isinstance(value, int):
        parts: list[object] = [value]
    elif isinstance(value, str):
        parts = [p for p in value.split(",") if p.strip()]
    elif isinstance(value, list):
        parts = list(value)
    else:
        return (), [f"list {FORMAT}"]
    numbers: list[int] = []
    errors: list[str] = []
    for part in parts:
        got, error = _parse_part(part)
        numbers.extend(got)
        if error:
            errors.append(error)
    repeated = [n for n, count in Counter(numbers).items() if count > 1]
    if repeated:
        errors.append(f"paragraph {compact(repeated)} is listed more than once")
    if not numbers and not errors:
        errors.append(f"nothing is listed; list {FORMAT}")
    return tuple(sorted(set(numbers))), errors


def _parse_part(part: object) -> tuple[list[int], str]:
    if isinstance(part, int) and not isinstance(part, bool):
        return ([part], "") if part >= 0 else ([], f"{part} is not a paragraph number")
    if not isinstance(part, str):
        return [], f"an item is not a paragraph number or range: {part!r:.40}"
    match = _PART.fullmatch(part)
    if not match:
        return [], f"'{part.strip()}' is not a paragraph number or range; use {FORMAT}"
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    if last < first:
        return [], f"the range '{part.strip()}' runs backwards; write {last}-{first}"
    if last - first > 100_000:
        return [], f"the range '{part.strip()}' is far too large"
    return list(range(first, last + 1)), ""


def compact(numbers: Iterable[int]) -> str:
    """[3, 6, 7, 8] -> "3, 6-8"."""
    ordered = sorted(set(numbers))
    runs: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        runs.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ", ".join(runs)
