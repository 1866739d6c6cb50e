"""Reading YAML and text files within bounds, turning every failure into a Problem.

Files larger than a cap are refused before they are read; a YAML document is composed,
measured (values once aliases are expanded, nesting depth, aliases that contain
themselves) and only then turned into Python data, so an alias bomb fails at once.
"""

from __future__ import annotations

import codecs
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bot.knowledge.describe import describe
from bot.knowledge.errors import Problem
from bot.knowledge.limits import (
    MAX_TEXT_BYTES,
    MAX_YAML_BYTES,
    MAX_YAML_DEPTH,
    MAX_YAML_NODES,
    cut,
    size_words,
)

if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:  # the fast libyaml parser when PyYAML was built with it
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MERGE_TAG = "tag:yaml.org,2002:merge"
WHOLE_FILE = "(whole file)"  # the same words as bot.knowledge.loader.WHOLE_FILE


class _Loader(_BaseLoader):
    """A safe loader that also notes keys written twice in one mapping."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = self.construct_object(key_node)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # unhashable: the base class reports it
                continue
            if duplicate:
                self.duplicate_keys.append((cut(str(key)), key_node.start_mark.line + 1))
        mapping: dict[Hashable, Any] = super().construct_mapping(node, deep)
        return mapping


class _TooBig(Exception):
    """The composed document exceeds a bound; the message says which."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _measure(root: yaml.Node) -> None:
    """Refuse a document too large once aliases are expanded, too deep, or self-containing.

    A depth-first walk over the collections (scalars are counted, not visited) that counts
    each shared (aliased) node once per use, in time linear in the number of distinct nodes.
    """
    scalar = yaml.ScalarNode
    expanded: dict[int, int] = {}  # id(collection) -> values under it, itself included
    on_path = {id(root)}
    stack: list[tuple[yaml.Node, list[yaml.Node], int, int]] = [(root, _children(root), 0, 1)]
    while stack:
        node, kids, i, total = stack[-1]
        while i < len(kids) and type(kids[i]) is scalar:
            i, total = i + 1, total + 1
        if i < len(kids):
            child = kids[i]
            done = expanded.get(id(child))
            if done is not None:
                stack[-1] = (node, kids, i + 1, total + done)
                continue
            stack[-1] = (node, kids, i, total)
            if id(child) in on_path:
                raise _TooBig(
                    f"an alias (*name) at line {child.start_mark.line + 1} refers to a value "
                    "that contains it, so the value would never end; remove the alias"
                )
            if len(stack) >= MAX_YAML_DEPTH:
                raise _TooBig(
                    f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep "
                    f"(at line {child.start_mark.line + 1}); flatten it"
                )
            on_path.add(id(child))
            stack.append((child, _children(child), 0, 1))
            continue
        stack.pop()
        on_path.discard(id(node))
        if total > MAX_YAML_NODES:
            raise _TooBig(
                f"the YAML holds more than {MAX_YAML_NODES:,} values once its aliases "
                "(*name) are expanded; a knowledge or config file never needs that many, "
                "so it is refused (remove the aliases that repeat other aliases)"
            )
        expanded[id(node)] = total
        if stack:
            parent, pkids, pi, ptotal = stack[-1]
            stack[-1] = (parent, pkids, pi + 1, ptotal + total)


def read_bytes(path: Path, problems: list[Problem], what: str, limit: int) -> bytes | None:
    """The file's bytes when it exists and is at most `limit` bytes, else None after reporting."""
    try:
        size = path.stat().st_size
        if size > limit:
            problems.append(
                Problem(
                    path,
                    WHOLE_FILE,
                    f"{what} is {size_words(size)}; the limit is {size_words(limit)}, so it "
                    "is not read (is it the right file?)",
                )
            )
            return None
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may grow after stat()
    except FileNotFoundError:
        problems.append(Problem(path, WHOLE_FILE, f"{what} does not exist"))
        return None
    except IsADirectoryError:
        problems.append(Problem(path, WHOLE_FILE, f"{what} is a folder, not a file"))
        return None
    except OSError as exc:
        problems.append(Problem(path, WHOLE_FILE, f"{what} cannot be read: {exc.strerror}"))
        return None
    if len(data) > limit:
        problems.append(
            Problem(path, WHOLE_FILE, f"{what} is over the limit of {size_words(limit)}")
        )
        return None
    return data


def decode(data: bytes) -> str | tuple[str]:
    """UTF-8 text (a UTF-8 BOM is dropped), or (why not,) in words for a message."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("is UTF-16 text; save it with the UTF-8 encoding",)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return ("is UTF-32 text; save it with the UTF-8 encoding",)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        kind = "binary data, not text" if b"\0" in data[:1024] else "not UTF-8 text"
        return (
            f"is {kind} (bad byte 0x{data[exc.start]:02X} at position {exc.start}); "
            "save it with the UTF-8 encoding",
        )


def read_text(
    path: Path, problems: list[Problem], what: str = "the file", limit: int = MAX_TEXT_BYTES
) -> str | None:
    """The file's text as UTF-8, or None after reporting why it cannot be read."""
    data = read_bytes(path, problems, what, limit)
    if data is None:
        return None
    text = decode(data)
    if isinstance(text, tuple):
        problems.append(Problem(path, WHOLE_FILE, f"{what} {text[0]}"))
        return None
    return text


_HINT = (
    "Check the indentation, and put text containing ': ' or ' #', or starting with a "
    "quote mark, in quotes"
)


def _tag_hint(detail: str) -> str:
    """Advice for a value YAML read as a tag ('!ask' is a tag unless it is quoted)."""
    start = detail.find("'!")
    tag = detail[start + 1 : detail.find("'", start + 1)] if start >= 0 else ""
    if tag and not tag.startswith("!!"):
        return (
            f"YAML reads {cut(tag)} as a tag, not as text; if you meant text, quote it: "
            f'"{cut(tag)}"'
        )
    return "Tags starting with '!' are not allowed; write plain text, lists and mappings"


TABS = "tabs can't indent YAML; use spaces"


def _tab_indented(text: str, line: int) -> bool:
    """Whether line `line` (from 0) of `text` is indented with a tab."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return False
    row = lines[line]
    return "\t" in row[: len(row) - len(row.lstrip(" \t"))]


def syntax_problem(path: Path, exc: yaml.YAMLError, text: str | None = None) -> Problem:
    """A YAML error as a Problem with its line and a hint (`text`, when given, lets a tab
    used for indentation be named as such)."""
    if isinstance(exc, yaml.reader.ReaderError):
        char = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        return Problem(
            path,
            WHOLE_FILE,
            f"YAML syntax error: the control character U+{code:04X} at position {exc.position} "
            "is not allowed in YAML; remove it",
        )
    where, hint = WHOLE_FILE, _HINT
    detail = str(exc)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            where = f"line {mark.line + 1}, column {mark.column + 1}"
            if text is not None and _tab_indented(text, mark.line):
                return Problem(path, f"line {mark.line + 1}", f"YAML syntax error: {TABS}")
        detail = "; ".join(str(s) for s in (exc.context, exc.problem) if s)
        start = exc.context_mark
        if exc.context and start is not None and mark is not None and start.line != mark.line:
            # "while parsing a flow sequence" (opened at line 7); "expected ',' or ']'" (line 8)
            detail = f"{exc.context} opened at line {start.line + 1}; {exc.problem}"
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in detail:
        hint = _tag_hint(detail)
    return Problem(path, where, f"YAML syntax error: {cut(detail, 160)}. {hint}")


def parse_yaml(text: str, path: Path, problems: list[Problem]) -> tuple[bool, object]:
    """Parse one YAML document: (True, data), or (False, None) after reporting problems."""
    try:
        loader = _Loader(text)  # the pure-Python reader checks characters here
        try:
            node = loader.get_single_node()
            if node is not None:
                _measure(node)
            data: object = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        problems.append(syntax_problem(path, exc, text))
        return False, None
    except _TooBig as exc:
        problems.append(Problem(path, WHOLE_FILE, str(exc)))
        return False, None
    except RecursionError:
        problems.append(Problem(path, WHOLE_FILE, "the YAML is nested far too deeply"))
        return False, None
    except (ValueError, OverflowError) as exc:  # e.g. a number of 5,000 digits
        problems.append(
            Problem(path, WHOLE_FILE, f"a value cannot be read: {cut(str(exc), 80)}")
        )
        return False, None
    for key, line in loader.duplicate_keys:
        problems.append(
            Problem(
                path,
                f"line {line}",
                f"the key '{key}' appears twice in the same mapping; "
                "YAML would silently keep only the last one",
            )
        )
    return True, data


def read_yaml(
    path: Path, problems: list[Problem], limit: int = MAX_YAML_BYTES
) -> tuple[bool, object]:
    """Read and parse one YAML file: (True, data), or (False, None) after reporting problems."""
    text = read_text(path, problems, limit=limit)
    if text is None:
        return False, None
    return parse_yaml(text, path, problems)


def read_mapping(path: Path, problems: list[Problem], shape: str) -> Mapping[Any, Any] | None:
    """Parse a YAML file whose top level must be a mapping; None after reporting problems.

    `shape` says what the mapping holds, for the message ("'prompts:' (a list)").
    """
    ok, data = read_yaml(path, problems)
    if not ok:
        return None
    if not isinstance(data, Mapping):
        problems.append(
            Problem(
                path, WHOLE_FILE, f"the file must be a mapping with {shape}, not {describe(data)}"
            )
        )
        return None
    return data
