"""Reading one knowledge file into its model, with every problem in it worded.

A file that validates gives its model at once. One that does not gives every problem
(see :mod:`bot.knowledge.translate`) and a *salvaged* model: each entry keeps the fields
that validated on their own, so the checks across files still run on what is known.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import ConfigDict, TypeAdapter, ValidationError

from bot.knowledge.errors import Problem
from bot.knowledge.files import Entry
from bot.knowledge.limits import MAX_PROBLEMS_PER_FILE
from bot.knowledge.translate import TOP, entry_type, explain, item_where, locate

E = TypeVar("E", bound=Entry)
_STRICT = ConfigDict(strict=True)


def validate_file(
    model: type[E], data: Mapping[Any, Any], path: Path, problems: list[Problem]
) -> E:
    """The file's model; on failure every problem is added and the model is salvaged."""
    try:
        entry = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems(model, data, exc, path))
        return salvage(model, data, path, TOP)
    _place(entry, path, TOP)
    return entry


def _problems(
    model: type[Entry], data: Mapping[Any, Any], exc: ValidationError, path: Path
) -> list[Problem]:
    found: list[Problem] = []
    errors = exc.errors(include_url=False)
    for error in errors:
        at = locate(model, data, error["loc"], TOP)
        found.extend(Problem(path, at.where, message) for message in explain(error, at))
    if len(found) > MAX_PROBLEMS_PER_FILE:
        more = len(found) - MAX_PROBLEMS_PER_FILE
        found = found[:MAX_PROBLEMS_PER_FILE]
        found.append(Problem(path, TOP, f"... and {more} more problems in this file"))
    return found


def _place(entry: Entry, path: Path, where: str) -> None:
    """Note the file and name of an entry and of the entries inside it."""
    entry.place(path, where)
    for name in type(entry).model_fields:
        sub = entry_type(type(entry), name)
        value = getattr(entry, name, None)
        if sub is None or value is None:
            continue
        if sub[0] == "one" and isinstance(value, Entry):
            _place(value, path, f"{where} {name}")
        elif sub[0] == "list":
            for i, item in enumerate(value):
                _place(item, path, item_where(name, i, {"id": getattr(item, "id", None)}))


@functools.cache
def _field_adapter(model: type[Entry], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    annotated: Any = Annotated[field.annotation, field]
    return TypeAdapter(annotated, config=_STRICT)


def salvage(model: type[E], data: Mapping[Any, Any], path: Path, where: str) -> E:
    """The entry with every field that validates on its own; the others are None (`broken`)."""
    values: dict[str, Any] = {}
    broken: set[str] = set()
    for name, field in model.model_fields.items():
        if name not in data:
            if field.is_required():
                values[name] = None
                broken.add(name)
            continue
        value = data[name]
        sub = _entry_type(model, name)
        if sub is not None and sub[0] == "list" and isinstance(value, list):
            items: list[Entry] = []
            for i, item in enumerate(value):
                if isinstance(item, Mapping):
                    items.append(_entry(sub[1], item, path, item_where(name, i, item)))
                else:
                    broken.add(name)
            values[name] = items
            if len(items) < len(value) or any(item.broken for item in items):
                broken.add(name)
            continue
        if sub is not None and sub[0] == "one" and isinstance(value, Mapping):
            inner = _entry(sub[1], value, path, f"{where} {name}")
            values[name] = inner
            if inner.broken:
                broken.add(name)
            continue
        try:
            values[name] = _field_adapter(model, name).validate_python(value)
        except ValidationError:
            values[name] = None
            broken.add(name)
    if not broken:  # every field is fine alone: a rule across fields failed
        try:
            whole = model.model_validate(data)
        except ValidationError:
            broken.add("")
        else:
            _place(whole, path, where)
            return whole
    entry = model.model_construct(**values)
    entry.place(path, where, frozenset(broken))
    return entry


def _entry_type(model: type[Entry], name: str) -> tuple[str, type[Entry]] | None:
    sub = entry_type(model, name)
    if sub is None or not issubclass(sub[1], Entry):
        return None
    return sub[0], sub[1]


def _entry(model: type[Entry], data: Mapping[Any, Any], path: Path, where: str) -> Entry:
    try:
        entry = model.model_validate(data)
    except ValidationError:
        return salvage(model, data, path, where)
    _place(entry, path, where)
    return entry
