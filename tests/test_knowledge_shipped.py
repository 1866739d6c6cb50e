"""The shipped knowledge: it loads, and its quotes and paragraphs agree with the source text.

The quote checks here read the YAML and the text themselves, independently of the loader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge.loader import load_library

ROOT = Path(__file__).resolve().parents[1]
READING = ROOT / "knowledge" / "chinafile-2013-human-rights"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "source"
SOURCE = SHARED / "chinafile-human-rights-conversation.txt"
ATTRIBUTION = SHARED / "ATTRIBUTION.md"

# Who wrote which paragraphs, as the table of shared/source/ATTRIBUTION.md has it.
EXPECTED_PARAGRAPHS = {
    "bequelin": [3, *range(6, 14)],
    "hom": list(range(14, 18)),
    "rosenzweig": list(range(18, 23)),
    "nathan": [23],
    "neier": list(range(24, 28)),
    "sixth": list(range(28, 33)),
}


def split(text: str) -> list[str]:
    """ATTRIBUTION.md's rule: split on blank lines and on a line break before a non-space."""
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=\S)", text) if p.strip()]


def spaced(text: str) -> str:
    return " ".join(text.split())


def numbers(spec: str) -> list[int]:
    found: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        found.extend(range(int(first), int(last or first) + 1))
    return found


def positions() -> list[tuple[str, dict[str, Any]]]:
    """(file name, position) for every position in the shipped positions files."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted((READING / "positions").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.extend((path.name, p) for p in data["positions"])
    return found


def reading_yaml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((READING / "reading.yaml").read_text(encoding="utf-8"))
    return data


def test_shipped_knowledge_loads() -> None:
    library = load_library(ROOT / "knowledge", use_cache=False)  # validated, not cached
    reading = library.get("chinafile-2013-human-rights")
    assert len(reading.paragraphs) == 33
    assert [c.id for c in reading.contributors] == list(EXPECTED_PARAGRAPHS)
    assert reading.positions


def test_every_quote_is_verbatim_in_its_paragraph() -> None:
    paragraphs = split((READING / "text.txt").read_text(encoding="utf-8"))
    found = positions()
    assert found, "no positions shipped"
    wrong = [
        f"{name}: {p.get('id')}: paragraph {p.get('paragraph')}"
        for name, p in found
        if spaced(p["quote"]) not in spaced(paragraphs[p["paragraph"]])
    ]
    assert not wrong, "\n".join(wrong)


def test_every_quote_is_verbatim_in_the_shared_source() -> None:
    if not SOURCE.exists():
        pytest.skip("shared/source is not beside this repository")
    paragraphs = split(SOURCE.read_text(encoding="utf-8"))
    wrong = [
        f"{name}: {p.get('id')}"
        for name, p in positions()
        if spaced(p["quote"]) not in spaced(paragraphs[p["paragraph"]])
    ]
    assert not wrong, "\n".join(wrong)


def test_text_equals_the_shared_source() -> None:
    if not SOURCE.exists():
        pytest.skip("shared/source is not beside this repository")
    assert (READING / "text.txt").read_bytes() == SOURCE.read_bytes()


def test_every_contributor_paragraph_is_covered() -> None:
    covered: dict[str, set[int]] = {}
    for name, p in positions():
        covered.setdefault(name.removesuffix(".yaml"), set()).add(p["paragraph"])
    missing = [
        f"paragraph {n} of {c['id']}"
        for c in reading_yaml()["contributors"]
        for n in numbers(c["paragraphs"])
        if n not in covered.get(c["id"], set())
    ]
    assert not missing, ", ".join(missing)


def test_contributor_paragraphs_match_attribution() -> None:
    shipped = {c["id"]: numbers(str(c["paragraphs"])) for c in reading_yaml()["contributors"]}
    assert shipped == EXPECTED_PARAGRAPHS


def test_attribution_table_is_the_one_expected() -> None:
    if not ATTRIBUTION.exists():
        pytest.skip("shared/source is not beside this repository")
    rows = re.findall(
        r"^\| ([\d, -]+) \| ([^|]+) \|", ATTRIBUTION.read_text(encoding="utf-8"), re.M
    )
    by_range = {spec.strip(): who for spec, who in rows}
    tables = {
        "3, 6-13": "Bequelin",
        "14-17": "Sharon Hom",
        "18-22": "Rosenzweig",
        "23": "Nathan",
        "24-27": "Neier",
        "28-32": "final respondent",
    }
    for spec, who in tables.items():
        assert who in by_range.get(spec, ""), (spec, by_range)
    assert sorted(n for spec in tables for n in numbers(spec)) == sorted(
        n for ns in EXPECTED_PARAGRAPHS.values() for n in ns
    )
