"""Pydantic's validation errors in the project's words: the entry, the key, what is wrong.

One translator serves every YAML file a person writes: the knowledge files (as
:class:`Problem` objects) and config.yaml (:mod:`bot.config` words the same messages).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from bot.knowledge.describe import closest, describe, name_list, quote_hint, shown_key
from bot.knowledge.layout import ID_RULE
from bot.knowledge.limits import cut

EXAMPLE = "Tiananmen: [June Fourth, crackdown]"
WORDS_ADVICE = f"list one or more of the text's words for it, like {EXAMPLE}"
TOP = "top level"


@dataclass(frozen=True, slots=True)
class Located:
    """Where one error is: the entry's name, its model, the key path inside it, the raw value."""

    where: str
    model: type[BaseModel]
    rest: tuple[int | str, ...]
    raw: object  # the raw mapping of the entry
    via_field: str | None = None  # the key naming a nested entry, when the error is about it


def item_where(key: str, index: int, item: object, id_key: str = "id") -> str:
    """How messages name an item of a list: "positions[3] (neier-moral-character)"."""
    where = f"{key}[{index}]"
    if isinstance(item, Mapping):
        item_id = item.get(id_key)
        if isinstance(item_id, str) and item_id.strip():
            where = f"{where} ({cut(item_id.strip())})"
    return where


def raw_key(mapping: Mapping[Any, Any], key: object) -> object:
    """The key of `mapping` pydantic's location `key` stands for (it writes None as 'None')."""
    for same in (
        lambda k: type(k) is type(key) and k == key,
        lambda k: k == key,  # pydantic writes a true/false key as 1/0
        lambda k: str(k) == str(key),
        lambda k: repr(k) == str(key),
    ):
        found = [k for k in mapping if same(k)]
        if found:
            return found[0]
    return key


def entry_type(model: type[BaseModel], name: str) -> tuple[str, type[BaseModel]] | None:
    """("list", M) when field `name` holds a list of models M, ("one", M) for one, else None."""
    field = model.model_fields.get(name)
    if field is None:
        return None
    annotation = field.annotation
    args = getattr(annotation, "__args__", ())
    if getattr(annotation, "__origin__", None) is list:
        if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            return "list", args[0]
        return None
    for arg in args:
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return "one", arg
    return None


def locate(model: type[BaseModel], data: object, loc: Sequence[int | str], top: str) -> Located:
    """Walk an error's location through nested entries to the entry it is about."""
    where, raw, i = top, data, 0
    via: str | None = None
    terms = getattr(model, "terms_key", None)
    while i < len(loc) and isinstance(raw, Mapping):
        name = loc[i]
        if isinstance(name, str) and name == terms and i + 1 < len(loc):
            terms_raw = raw.get(name)
            if isinstance(terms_raw, Mapping):
                key = raw_key(terms_raw, loc[i + 1])
                return Located(
                    f"{name} ({shown_key(key)})", model, tuple(loc[i + 2 :]), terms_raw.get(key)
                )
        sub = entry_type(model, str(name))
        if sub is None:
            break
        value = raw.get(name)
        if sub[0] == "list":
            if i + 1 >= len(loc) or not isinstance(value, list):
                break
            index = loc[i + 1]
            if not isinstance(index, int) or not 0 <= index < len(value):
                break
            where, raw = item_where(str(name), index, value[index]), value[index]
            model, via = sub[1], None
            i += 2
        else:
            where, raw, model, via = f"{where} {name}", value, sub[1], str(name)
            i += 1
    return Located(where, model, tuple(loc[i:]), raw, via)


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The keys a model allows, required ones first."""
    fields = model.model_fields
    return [n for n, f in fields.items() if f.is_required()] + [
        n for n, f in fields.items() if not f.is_required()
    ]


def _label(rest: tuple[int | str, ...], via: str | None) -> str:
    if not rest:
        return f"'{via}'" if via else "the entry"
    label = f"'{cut(str(rest[0]))}'"
    if len(rest) > 1 and isinstance(rest[1], int):
        label = f"{label} item {rest[1] + 1}"
    return label


def _noun(model: type[BaseModel]) -> str:
    label = str(getattr(model, "label", "an entry"))
    return label.split(" ", 1)[1] if label.startswith(("a ", "an ")) else label


def _enum_of(model: type[BaseModel], name: str) -> type[enum.Enum] | None:
    field = model.model_fields.get(name)
    annotation = field.annotation if field is not None else None
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    return None


def _glossary_message(error: ErrorDetails, at: Located) -> list[str]:
    """Messages for one glossary term (its key) or its words."""
    kind, value, rest = error["type"], error["input"], at.rest
    if rest == ("[key]",):
        label = "the term"
    elif not rest:
        if kind == "no_words":
            return [f"the term has no words after the colon; {WORDS_ADVICE}"]
        if kind == "words_mapping":
            return [f"the words must be a list of texts, not {describe(value)}; {WORDS_ADVICE}"]
        if kind == "no_words_listed":
            return [f"the list of words is empty; {WORDS_ADVICE}"]
        label = "the words"
    else:
        index = rest[0]
        single = not isinstance(at.raw, list)
        label = "the word" if single or not isinstance(index, int) else f"word {index + 1}"
    return [_scalar_message(kind, value, label, error)]


def _scalar_message(kind: str, value: Any, label: str, error: ErrorDetails) -> str:
    ctx = error.get("ctx") or {}
    if kind == "string_type":
        if value is None:
            return f"{label} has no value; write some text"
        return f"{label} must be text, not {describe(value)}{quote_hint(value)}"
    if kind == "empty_text":
        return f"{label} is empty; write some text"
    if kind == "bad_id":
        return f"{label} '{cut(str(value).strip())}' is not a valid id: use {ID_RULE}"
    if kind == "int_type":
        digits = isinstance(value, str) and value.strip().isdigit()
        hint = " (without quotes)" if digits else ""
        return f"{label} must be a whole number{hint}, not {describe(value)}"
    if kind in ("float_type", "int_from_float"):
        return f"{label} must be a number, not {describe(value)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {
            "greater_than_equal": f"{ctx.get('ge')} or more",
            "greater_than": f"more than {ctx.get('gt')}",
            "less_than_equal": f"{ctx.get('le')} or less",
            "less_than": f"less than {ctx.get('lt')}",
        }[kind]
        return f"{label} must be {bound}, not {cut(str(value))}"
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return f"{label} is {len(value)} characters long; the most is {ctx.get('max_length')}"
    if kind == "bad_url":
        return f"{label} '{cut(str(value))}' is not a URL; write one starting with {ctx['schemes']}"
    if kind == "bad_zone":
        return (
            f"{label} '{cut(str(value))}' is not a time zone name; use an IANA name such as "
            f"{ctx['example']}"
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        choices = [c.strip() for c in expected.replace(" or ", ", ").split(",")]
        near = closest(value.upper(), choices) if isinstance(value, str) else ""
        return f"{label} '{cut(str(value))}' is not a known value{near}; allowed: {expected}"
    if kind == "bool_type":
        return f"{label} must be true or false, not {describe(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"{label} must be a list, not {describe(value)}"
    if kind == "dict_type":
        return f"{label} must be a mapping (key: value lines), not {describe(value)}"
    message = str(error.get("msg", kind))
    return f"{label}: {cut(message, 120)}"


def explain(error: ErrorDetails, at: Located) -> list[str]:
    """What is wrong, in words, for one pydantic error at its located entry."""
    model, rest, kind, value = at.model, at.rest, error["type"], error["input"]
    if getattr(model, "terms_key", None) and at.where != TOP:
        return _glossary_message(error, at)
    name = str(rest[0]) if rest else ""
    keys = allowed_keys(model)
    label = _label(rest, at.via_field)
    entry_label = str(getattr(model, "label", "an entry"))
    if kind == "missing":
        return [f"'{name}' is missing; {entry_label} needs it"]
    if kind == "extra_forbidden":
        return [
            f"unknown key '{cut(name)}'{closest(name, keys)}; "
            f"{entry_label} may have: {name_list(keys)}"
        ]
    if kind == "invalid_key":
        return [
            f"{describe(value)} is not a key {entry_label} may have; "
            f"allowed keys: {name_list(keys)}"
        ]
    if kind == "model_type" or (kind == "dict_type" and not rest):
        shape = getattr(model, "shape", None)
        if at.via_field:
            what = shape or "a mapping (key: value lines)"
            return [f"'{at.via_field}' must be {what}, not {describe(value)}"]
        return [f"each item must be {entry_label} (key: value lines), not {describe(value)}"]
    if kind == "needs_target":
        target = str((error.get("ctx") or {}).get("kind", "agreement"))
        return [
            f"'responds_to' is missing: an {target} must say whom it answers "
            "(responds_to: with contributor: <id>, and position: <id> when there is one)"
        ]
    if kind == "paragraphs":
        return [f"'{name}': {e}" for e in (error.get("ctx") or {}).get("errors", ())]
    sub = entry_type(model, name) if len(rest) == 1 else None
    if kind == "list_type" and sub is not None:
        return [f"'{name}' must be a list (lines starting with '- '), not {describe(value)}"]
    if kind == "list_type" and len(rest) == 1:
        return [f"'{name}' must be a list of texts, not {describe(value)}"]
    if kind == "too_short" and len(rest) == 1:
        advice = f"at least one {_noun(sub[1])}" if sub is not None else f"one or more {name}"
        return [f"'{name}' is empty; list {advice}"]
    if kind == "dict_type" and len(rest) == 1 and name == getattr(model, "terms_key", None):
        return [
            f"'{name}' must be a mapping of members' words to the text's words, one per line "
            f"like {EXAMPLE}, not {describe(value)}"
        ]
    kinds = _enum_of(model, name) if len(rest) == 1 else None
    if kind == "enum" and kinds is not None:
        values = [str(k.value) for k in kinds]
        if not isinstance(value, str):
            return [f"{label} must be text, not {describe(value)}{quote_hint(value)}"]
        if not value.strip():
            return [f"{label} is empty; write one of: {name_list(values)}"]
        return [
            f"{label} is '{cut(value)}'{closest(value.lower(), values)}; "
            f"the {name}s are: {name_list(values)}"
        ]
    return [_scalar_message(kind, value, label, error)]
