"""Field types of the knowledge files, as pydantic annotations (strict: YAML's types as read).

Each custom check raises a :class:`PydanticCustomError` whose type names the mistake;
:mod:`bot.knowledge.translate` words it, with the key and the entry it belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from bot.knowledge.layout import ID_PATTERN, ID_RULE, MAX_ID_CHARS
from bot.knowledge.ranges import FORMAT, parse_paragraphs

TEXT_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": r"\S",
    "description": "Text. Quote yes/no/on/off/true/false, numbers and dates, or YAML reads "
    "them as something else.",
}
ID_SCHEMA: dict[str, Any] = {
    "type": "string",
    "maxLength": MAX_ID_CHARS,
    "pattern": "^" + ID_PATTERN.pattern.replace("(?:", "(") + "$",
    "description": f"An id: {ID_RULE}.",
}


def _stripped(value: str) -> str:
    text = value.strip()
    if not text:
        raise PydanticCustomError("empty_text", "is empty")
    return text


def _ident(value: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError("bad_id", "is not a valid id", {"rule": ID_RULE})
    return value


def _one_as_list(value: Any) -> Any:
    """One text stands for a one-item list."""
    return [value] if isinstance(value, str) else value


def _paragraph_numbers(value: Any) -> list[int]:
    numbers, errors = parse_paragraphs(value)
    if errors:
        raise PydanticCustomError("paragraphs", "{errors}", {"errors": tuple(errors)})
    return list(numbers)


def _words(value: Any) -> Any:
    """The reading's words for a glossary term: a list, or one text."""
    if value is None:
        raise PydanticCustomError("no_words", "has no words")
    if isinstance(value, Mapping):
        raise PydanticCustomError("words_mapping", "is a mapping")
    if isinstance(value, list):
        if not value:
            raise PydanticCustomError("no_words_listed", "is empty")
        return value
    return [value]  # one text; a wrong type is reported as that one word


Text = Annotated[str, AfterValidator(_stripped), WithJsonSchema(TEXT_SCHEMA)]
Id = Annotated[
    str,
    AfterValidator(_stripped),
    AfterValidator(_ident),
    Field(max_length=MAX_ID_CHARS),
    WithJsonSchema(ID_SCHEMA),
]
TextList = Annotated[
    list[Text],
    BeforeValidator(_one_as_list),
    WithJsonSchema(
        {"oneOf": [TEXT_SCHEMA, {"type": "array", "items": TEXT_SCHEMA}]}
    ),
]
IdList = Annotated[
    list[Id],
    BeforeValidator(_one_as_list),
    Field(min_length=1),
    WithJsonSchema({"type": "array", "minItems": 1, "items": ID_SCHEMA}),
]
_RANGE = {
    "type": "string",
    "pattern": r"^\s*\d+\s*([-–]\s*\d+\s*)?(,\s*\d+\s*([-–]\s*\d+\s*)?)*,?\s*$",
}
_NUMBER = {"type": "integer", "minimum": 0}
Paragraphs = Annotated[
    list[int],
    BeforeValidator(_paragraph_numbers),
    WithJsonSchema(
        {
            "description": f"Which paragraphs: {FORMAT}.",
            "oneOf": [
                _NUMBER,
                _RANGE,
                {"type": "array", "minItems": 1, "items": {"oneOf": [_NUMBER, _RANGE]}},
            ],
        }
    ),
]
WORDS_SCHEMA: dict[str, Any] = {
    "description": "The reading's words for the term: a list, or one text.",
    "oneOf": [TEXT_SCHEMA, {"type": "array", "minItems": 1, "items": TEXT_SCHEMA}],
}
Words = Annotated[list[Text], BeforeValidator(_words), WithJsonSchema(WORDS_SCHEMA)]
