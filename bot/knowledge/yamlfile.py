"""Reading YAML and text files, turning every failure into a Problem."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bot.knowledge.errors import Problem
from bot.knowledge.fields import describe

if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:  # the fast libyaml parser when PyYAML was built with it
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MERGE_TAG = "tag:yaml.org,2002:merge"
WHOLE_FILE = "(whole file)"


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
                self.duplicate_keys.append((str(key), key_node.start_mark.line + 1))
        mapping: dict[Hashable, Any] = super().construct_mapping(node, deep)
        return mapping


def read_text(path: Path, problems: list[Problem], what: str = "the file") -> str | None:
    """The file's text as UTF-8, or None after reporting why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(path, WHOLE_FILE, f"{what} does not exist"))
        return None
    except IsADirectoryError:
        problems.append(Problem(path, WHOLE_FILE, f"{what} is a folder, not a file"))
        return None
    except OSError as exc:
        problems.append(Problem(path, WHOLE_FILE, f"{what} cannot be read: {exc.strerror}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(
                path,
                WHOLE_FILE,
                f"{what} is not UTF-8 text (bad byte at position {exc.start}); "
                "save it with the UTF-8 encoding",
            )
        )
        return None


_HINT = (
    "Check the indentation, and put text containing ': ' or ' #', or starting with a "
    "quote mark, in quotes"
)


def _syntax_problem(path: Path, exc: yaml.YAMLError) -> Problem:
    """A YAML error as a Problem with its line and a hint."""
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
        detail = "; ".join(str(s) for s in (exc.context, exc.problem) if s)
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in detail:
        hint = "Tags starting with '!' are not allowed; write plain text, lists and mappings"
    return Problem(path, where, f"YAML syntax error: {detail}. {hint}")


def read_yaml(path: Path, problems: list[Problem]) -> tuple[bool, object]:
    """Parse one YAML document: (True, data), or (False, None) after reporting problems."""
    text = read_text(path, problems)
    if text is None:
        return False, None
    try:
        loader = _Loader(text)  # the pure-Python reader checks characters here
        try:
            data: object = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(path, exc))
        return False, None
    except RecursionError:
        problems.append(Problem(path, WHOLE_FILE, "the YAML is nested far too deeply"))
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


def read_mapping(path: Path, problems: list[Problem], shape: str) -> Mapping[Any, Any] | None:
    """Parse a YAML file whose top level must be a mapping; None after reporting problems.

    `shape` says what the mapping holds, for the message ("'prompts:' (a list)").
    """
    ok, data = read_yaml(path, problems)
    if not ok:
        return None
    if not isinstance(data, Mapping):
        problems.append(
            Problem(path, WHOLE_FILE, f"the file must be a mapping with {shape}, not "
                    f"{describe(data)}")
        )
        return None
    return data
