"""The knowledge loader: a tiny valid reading loads; each kind of mistake is reported clearly."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge.errors import KnowledgeError, Problem
from bot.knowledge.files import PositionEntry, ReadingFile
from bot.knowledge.jsonschemas import schemas, stale
from bot.knowledge.loader import UNEXPECTED, load_library, load_reading
from bot.knowledge.model import GlossaryEntry, Kind, Reading
from bot.knowledge.translate import allowed_keys

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "tiny-reading"

PARAGRAPHS = [
    "A Tiny Conversation About Tea",
    "Alice Example:",
    "Alice opens: the first thing to say is that tea is better than coffee in the morning.",
    "Photo credit\nCaption under the photo of a teapot.",
    "Alice goes on: second, the kettle must always boil before the leaves go in,"
    " and that is all there is to it.",
    "Bob replies: I disagree with Alice about tea; coffee wakes the mind far better than tea.",
    "Bob adds: yet I concede that the kettle ritual is calming for everyone,"
    " and that is all there is to it.",
    "Carol closes: I agree with Bob that coffee wakes the mind, though “tea” has its charms.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
# 0 title, 1 header, 2 alice, 3-4 photo credit and caption, 5 alice, 6-7 bob, 8 carol

Files = dict[str, Any]


def base_files() -> Files:
    """A small valid reading: three contributors, their positions, one prompt, a glossary."""
    return {
        "text.txt": TEXT,
        "reading.yaml": {
            "id": FOLDER,
            "title": "A Tiny Conversation About Tea",
            "series": "Test series",
            "publisher": "Nobody",
            "date": "2024-01",
            "url": "https://example.invalid/tea",
            "text": "text.txt",
            "contributors": [
                {
                    "id": "alice",
                    "name": "Alice Example",
                    "short_name": "Alice",
                    "order": 1,
                    "affiliation": "Tea Society",
                    "paragraphs": "2, 5",
                    "aliases": ["Ali", "tea lady"],
                    "bio": "Likes tea.",
                },
                {
                    "id": "bob",
                    "name": "Bob Sample",
                    "short_name": "Bob",
                    "order": 2,
                    "affiliation": "Coffee Guild",
                    "paragraphs": [6, "7-7"],
                    "aliases": ["Bobby"],
                },
                {
                    "id": "carol",
                    "name": "Carol Third",
                    "short_name": "Carol",
                    "order": 3,
                    "affiliation": "Independent",
                    "paragraphs": 8,
                },
            ],
        },
        "positions/alice.yaml": {
            "contributor": "alice",
            "positions": [
                {
                    "id": "alice-tea-first",
                    "kind": "claim",
                    "summary": "Alice holds that tea beats coffee in the morning.",
                    "topics": ["tea", "coffee", "morning"],
                    "quote": "tea is better than coffee in the morning",
                    "paragraph": 2,
                    "central": True,
                },
                {
                    "id": "alice-kettle",
                    "kind": "recommendation",
                    "summary": "Alice says the kettle must boil first.",
                    "quote": "the kettle must always boil before the leaves go in",
                    "paragraph": 5,
                },
            ],
        },
        "positions/bob.yaml": {
            "contributor": "bob",
            "positions": [
                {
                    "id": "bob-coffee",
                    "kind": "disagreement",
                    "summary": "Bob prefers coffee.",
                    "topics": ["coffee"],
                    "quote": "coffee wakes the mind far better than tea",
                    "paragraph": 6,
                    "responds_to": {"contributor": "alice", "position": "alice-tea-first"},
                },
                {
                    "id": "bob-ritual",
                    "kind": "concession",
                    "summary": "Bob grants that the kettle ritual calms.",
                    "quote": "the kettle ritual is calming for everyone",
                    "paragraph": 7,
                },
            ],
        },
        "positions/carol.yaml": {
            "contributor": "carol",
            "positions": [
                {
                    "id": "carol-agrees",
                    "kind": "agreement",
                    "summary": "Carol agrees with Bob about coffee.",
                    "quote": "I agree with Bob that coffee wakes the mind,"
                    " though “tea” has its charms.",
                    "paragraph": 8,
                    "responds_to": {"contributor": "bob", "position": "bob-coffee"},
                }
            ],
        },
        "prompts.yaml": {
            "prompts": [
                {
                    "id": "tea-or-coffee",
                    "text": "Tea or coffee: who convinces you?",
                    "positions": ["alice-tea-first", "bob-coffee"],
                    "topics": ["breakfast"],
                }
            ]
        },
        "glossary.yaml": {
            "glossary": {
                "caffeine": ["coffee", "wakes the mind"],  # in the text
                "Robert": "Bob",  # one text is a one-item list
                "brew": ["kettle  ritual"],
                "favourite": ["PREFERS"],  # only in a position's summary
            }
        },
    }


def write_files(folder: Path, files: Files) -> Path:
    """Write the files (dicts as YAML, str as text, bytes as bytes) into `folder`."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
    return folder


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    return write_files(tmp_path / FOLDER, base_files())


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    return info.value.problems


# --- the valid reading ---------------------------------------------------------------


def test_valid_reading_loads(valid: Path) -> None:
    reading = load_reading(valid)
    assert isinstance(reading, Reading)
    assert reading.id == FOLDER
    assert [c.id for c in reading.contributors] == ["alice", "bob", "carol"]
    assert reading.contributor("bob").paragraphs == (6, 7)
    assert reading.contributor("alice").aliases == ("Ali", "tea lady")
    assert len(reading.paragraphs) == 9
    assert [p.contributor_id for p in reading.paragraphs] == [
        None, None, "alice", None, None, "alice", "bob", "bob", "carol",
    ]  # fmt: skip
    assert [p.id for p in reading.positions] == [
        "alice-tea-first", "alice-kettle", "bob-coffee", "bob-ritual", "carol-agrees",
    ]  # fmt: skip
    coffee = reading.position("bob-coffee")
    assert coffee.kind is Kind.DISAGREEMENT
    assert coffee.target is not None and coffee.target.position_id == "alice-tea-first"
    assert reading.position("alice-tea-first").central
    assert reading.prompts[0].positions == ("alice-tea-first", "bob-coffee")
    assert reading.glossary == (
        GlossaryEntry("caffeine", ("coffee", "wakes the mind")),
        GlossaryEntry("Robert", ("Bob",)),
        GlossaryEntry("brew", ("kettle  ritual",)),
        GlossaryEntry("favourite", ("PREFERS",)),
    )  # in file order
    values = (reading.paragraphs, reading.contributors, reading.positions, coffee.topics)
    for value in (*values, reading.glossary, reading.glossary[0].means):
        assert isinstance(value, tuple)


def test_positions_are_in_text_order(valid: Path) -> None:
    files = base_files()
    files["positions/alice.yaml"]["positions"].reverse()
    write_files(valid, files)
    reading = load_reading(valid)
    assert [p.paragraph for p in reading.positions] == sorted(
        p.paragraph for p in reading.positions
    )


def test_library_from_knowledge_folder(valid: Path) -> None:
    (valid.parent / "schema").mkdir()
    (valid.parent / "schema" / "reading.schema.json").write_text("{}")
    library = load_library(valid.parent)
    assert [r.id for r in library.readings] == [FOLDER]
    assert load_library(valid).get().id == FOLDER


def test_prompts_are_optional(valid: Path) -> None:
    (valid / "prompts.yaml").unlink()
    assert load_reading(valid).prompts == ()


def test_glossary_is_optional(valid: Path) -> None:
    (valid / "glossary.yaml").unlink()
    assert load_reading(valid).glossary == ()


# (words for one term, whether the reading has one of them); alice's topics gain "hot drinks"
GLOSSARY_WORDS: list[tuple[str, list[str], bool]] = [
    ("text", ["coffee"], True),
    ("text-any-case", ["COFFEE"], True),
    ("text-phrase-spacing", ["wakes   the mind"], True),
    ("text-straight-quotes", ['"tea" has its charms'], True),  # the text has “tea”
    ("text-title", ["Tiny Conversation"], True),
    ("summary", ["prefers"], True),
    ("topic", ["Hot Drinks"], True),
    ("one-of-several", ["latte", "coffee"], True),
    ("part-of-a-word", ["kett"], False),
    ("alias-only", ["tea lady"], False),  # aliases are members' words, not the reading's
    ("prompt-topic-only", ["breakfast"], False),
    ("across-paragraphs", ["teapot Alice"], False),
    ("none", ["latte", "cappuccino"], False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("words", "found"), [pytest.param(*case[1:], id=case[0]) for case in GLOSSARY_WORDS]
)
def test_glossary_words_must_occur_in_the_reading(
    tmp_path: Path, words: list[str], found: bool
) -> None:
    files = base_files()
    pos(files, "alice")["topics"].append("hot drinks")
    files["glossary.yaml"] = {"glossary": {"member word": words}}
    folder = write_files(tmp_path / FOLDER, files)
    if found:
        assert load_reading(folder).glossary == (GlossaryEntry("member word", tuple(words)),)
        return
    problems = problems_of(folder)
    assert [(p.file.name, p.entry) for p in problems] == [
        ("glossary.yaml", "glossary (member word)")
    ]
    assert "occurs in the reading" in problems[0].message


# --- each kind of problem -------------------------------------------------------------

Mutation = Callable[[Files], None]


def pos(files: Files, who: str, i: int = 0) -> dict[str, Any]:
    entry: dict[str, Any] = files[f"positions/{who}.yaml"]["positions"][i]
    return entry


def person(files: Files, i: int) -> dict[str, Any]:
    entry: dict[str, Any] = files["reading.yaml"]["contributors"][i]
    return entry


def setter(getter: Callable[[Files], dict[Any, Any]], key: object, value: object) -> Mutation:
    def mutate(files: Files) -> None:
        getter(files)[key] = value

    return mutate


def deleter(getter: Callable[[Files], dict[str, Any]], key: str) -> Mutation:
    def mutate(files: Files) -> None:
        del getter(files)[key]

    return mutate


def raw(name: str, content: str | bytes) -> Mutation:
    def mutate(files: Files) -> None:
        files[name] = content

    return mutate


def rename(old: str, new: str) -> Mutation:
    def mutate(files: Files) -> None:
        files[new] = files.pop(old)

    return mutate


def drop_positions(files: Files) -> None:
    for name in [n for n in files if n.startswith("positions/")]:
        del files[name]


def top(name: str) -> Callable[[Files], dict[str, Any]]:
    def get(files: Files) -> dict[str, Any]:
        data: dict[str, Any] = files[name]
        return data

    return get


def alice(i: int = 0) -> Callable[[Files], dict[str, Any]]:
    return lambda files: pos(files, "alice", i)


def bob(i: int = 0) -> Callable[[Files], dict[str, Any]]:
    return lambda files: pos(files, "bob", i)


def carol(files: Files) -> dict[str, Any]:
    return pos(files, "carol")


def contributor(i: int) -> Callable[[Files], dict[str, Any]]:
    return lambda files: person(files, i)


def prompt(files: Files) -> dict[str, Any]:
    entry: dict[str, Any] = files["prompts.yaml"]["prompts"][0]
    return entry


def glossary(files: Files) -> dict[Any, Any]:
    terms: dict[Any, Any] = files[G]["glossary"]
    return terms


def misspell_glossary_key(files: Files) -> None:
    files[G] = {"glosary": files[G]["glossary"]}


def add_prompt_copy(files: Files) -> None:
    files["prompts.yaml"]["prompts"].append(copy.deepcopy(prompt(files)))


def add_position_copy_to_bob(files: Files) -> None:
    twin = copy.deepcopy(pos(files, "alice", 0))
    files["positions/bob.yaml"]["positions"].append(twin)


def add_contributor_copy(files: Files) -> None:
    twin = copy.deepcopy(person(files, 2))
    twin.update(order=4, paragraphs="0", name="Dan", short_name="Dan", aliases=[])
    files["reading.yaml"]["contributors"].append(twin)


R, A, B, C, P, G = (
    "reading.yaml",
    "positions/alice.yaml",
    "positions/bob.yaml",
    "positions/carol.yaml",
    "prompts.yaml",
    "glossary.yaml",
)
ALICE0 = "positions[0] (alice-tea-first)"
BOB0 = "positions[0] (bob-coffee)"
C0 = "contributors[0] (alice)"
C1 = "contributors[1] (bob)"

# (case id, mutation, file the problem names, entry it names, words the message holds)
CASES: list[tuple[str, Mutation, str, str, list[str]]] = [
    ("yaml-syntax", raw(R, "id: [unclosed\ntitle: x\n"), R, "line 2", ["YAML syntax error"]),
    ("yaml-syntax-tab", raw(A, "contributor: alice\n\tpositions: []\n"), A, "line", ["syntax"]),
    ("yaml-tab-indent", raw(A, "contributor: alice\npositions:\n\t- id: x\n"), A, "line 3",
     ["tabs can't indent YAML; use spaces"]),
    ("duplicate-key-nested", raw(G, "glossary:\n  tea: [chai]\n  coffee: [java]\n  tea: [cha]\n"),
     G, "line 4", ["the key 'tea' appears twice"]),
    ("top-not-mapping", raw(A, "- just\n- a list\n"), A, "whole file",
     ["must be a mapping", "a list"]),
    ("top-empty", raw(P, ""), P, "whole file", ["must be a mapping", "not nothing"]),
    ("duplicate-key", raw(C, "contributor: carol\ncontributor: carol\npositions: []\n"), C,
     "line 2", ["appears twice"]),
    ("unknown-key", setter(alice(), "sumary", "x"), A, ALICE0,
     ["unknown key 'sumary'", "did you mean 'summary'", "may have: id, kind"]),
    ("unknown-key-top", setter(top(R), "titel", "x"), R, "top level", ["did you mean 'title'"]),
    ("non-text-key", setter(top(R), 7, "x"), R, "top level", ["a number (7) is not a key"]),
    ("missing-field", deleter(contributor(2), "affiliation"), R, "contributors[2] (carol)",
     ["'affiliation' is missing"]),
    ("missing-quote", deleter(alice(), "quote"), A, ALICE0, ["'quote' is missing", "a position"]),
    ("missing-top", deleter(top(R), "contributors"), R, "top level", ["'contributors' is missing"]),
    ("wrong-type-int", setter(alice(), "paragraph", "two"), A, ALICE0, ["must be a whole number"]),
    ("int-in-quotes", setter(alice(), "paragraph", "2"), A, ALICE0,
     ["whole number (without quotes)"]),
    ("wrong-type-text", setter(alice(), "summary", ["a", "list"]), A, ALICE0,
     ["'summary' must be text, not a list"]),
    ("bool-as-text", raw(R, yaml.safe_dump(base_files()[R]).replace("Test series", "yes")), R,
     "top level", ["'series' must be text", "true/false", "write it in quotes"]),
    ("bool-in-topics", setter(alice(), "topics", ["tea", False]), A, ALICE0,
     ["'topics' item 2", "write it in quotes"]),
    ("number-as-text", setter(top(R), "title", 2013), R, "top level",
     ["a number (2013)", 'write it in quotes: "2013"']),
    ("date-as-text", setter(top(R), "date", dt.date(2013, 6, 1)), R, "top level",
     ["a date", 'write it in quotes: "2013-06-01"']),
    ("empty-text", setter(alice(), "summary", "  "), A, ALICE0, ["'summary' is empty"]),
    ("null-text", setter(contributor(0), "name", None), R, C0, ["'name' has no value"]),
    ("bool-flag", setter(alice(), "central", "yes"), A, ALICE0,
     ["'central' must be true or false"]),
    ("order-zero", setter(contributor(1), "order", 0), R, C1, ["'order' must be 1 or more"]),
    ("order-twice", setter(contributor(1), "order", 1), R, C1, ["'order' 1 is already used"]),
    ("duplicate-contributor", add_contributor_copy, R, "contributors[3] (carol)",
     ["the id 'carol' is already used by contributors[2]"]),
    ("duplicate-position", add_position_copy_to_bob, B, "positions[2] (alice-tea-first)",
     ["already used by positions[0]", "alice.yaml", "unique"]),
    ("duplicate-prompt", add_prompt_copy, P, "prompts[1] (tea-or-coffee)", ["already used"]),
    ("bad-id", setter(alice(), "id", "alice tea"), A, "positions[0] (alice tea)",
     ["'alice tea' is not a valid id", "letters, digits"]),
    ("bad-contributor-id", setter(contributor(1), "id", "bob_x"), R, "contributors[1]",
     ["not a valid id"]),
    ("alias-collision", setter(contributor(1), "aliases", ["Bobby", "ALI"]), R, C1,
     ["'ALI'", "contributors[0] (alice)", "one contributor only"]),
    ("alias-is-name", setter(contributor(2), "aliases", ["bob  sample"]), R,
     "contributors[2] (carol)", ["'bob  sample' also names contributors[1] (bob)"]),
    ("paragraphs-out-of-range", setter(contributor(2), "paragraphs", "8-10"), R,
     "contributors[2] (carol)", ["paragraphs 9 and 10, which do not exist", "paragraphs 0-8"]),
    ("paragraphs-overlap", setter(contributor(1), "paragraphs", "5-7"), R, C1,
     ["paragraph 5 to bob", "it already belongs to alice", "one contributor only"]),
    ("paragraphs-bad-spec", setter(contributor(1), "paragraphs", "6, seven"), R, C1,
     ["'seven' is not a paragraph number or range", '"3, 6-13"']),
    ("paragraphs-backwards", setter(contributor(1), "paragraphs", "7-6"), R, C1,
     ["runs backwards", "write 6-7"]),
    ("paragraphs-twice", setter(contributor(1), "paragraphs", "6, 6-7"), R, C1,
     ["paragraph 6 is listed more than once"]),
    ("unknown-kind", setter(alice(), "kind", "claims"), A, ALICE0,
     ["'kind' is 'claims'", "did you mean 'claim'", "claim, recommendation, agreement"]),
    ("quote-not-verbatim", setter(alice(), "quote", "tea is much better than coffee at noon"), A,
     ALICE0, ["not verbatim in paragraph 2", "copy it exactly"]),
    ("quote-straight-quotes", setter(carol, "quote", 'coffee wakes the mind, though "tea" has'), C,
     "positions[0] (carol-agrees)", ["not verbatim in paragraph 8", "quote marks"]),
    ("quote-with-ellipsis", setter(alice(), "quote", "tea is better ... in the morning"), A, ALICE0,
     ["without '...'"]),
    ("quote-other-paragraph", setter(alice(1), "paragraph", 2), A, "positions[1] (alice-kettle)",
     ["not in paragraph 2 but is in paragraph 5", "paragraph: 5"]),
    ("quote-too-short", setter(alice(), "quote", "better than"), A, ALICE0,
     ["only 11 characters", "at least 20"]),
    ("quote-in-two-paragraphs", setter(bob(1), "quote", "and that is all there is to it."), B,
     "positions[1] (bob-ritual)", ["occurs in paragraphs 5 and 7", "only one paragraph"]),
    ("paragraph-not-theirs", setter(bob(), "paragraph", 2), B, BOB0,
     ["paragraph 2 is not bob's", "belongs to alice", "bob's are 6-7"]),
    ("paragraph-nobodys", setter(bob(), "paragraph", 4), B, BOB0,
     ["paragraph 4 is not bob's", "not part of any contribution"]),
    ("paragraph-missing", setter(bob(), "paragraph", 99), B, BOB0,
     ["paragraph 99 does not exist", "paragraphs 0-8"]),
    ("paragraph-missing-hint", setter(bob(), "paragraph", 99), B, BOB0,
     ["the quote is in paragraph 6", "paragraph: 6"]),
    ("agreement-without-target", deleter(carol, "responds_to"), C, "positions[0] (carol-agrees)",
     ["'responds_to' is missing", "agreement must say whom it answers"]),
    ("target-not-mapping", setter(bob(), "responds_to", "alice"), B, BOB0,
     ["'responds_to' must be a mapping"]),
    ("target-unknown-key",
     setter(bob(), "responds_to", {"contributor": "alice", "postion": "x"}), B,
     "positions[0] (bob-coffee) responds_to", ["did you mean 'position'"]),
    ("target-unknown-contributor", setter(bob(), "responds_to", {"contributor": "alic"}), B,
     "positions[0] (bob-coffee) responds_to", ["'alic' is not a contributor id", "'alice'"]),
    ("target-self", setter(bob(), "responds_to", {"contributor": "bob"}), B,
     "positions[0] (bob-coffee) responds_to", ["cannot respond to its own contributor"]),
    ("target-unknown-position",
     setter(bob(), "responds_to", {"contributor": "alice", "position": "alice-tea"}), B,
     "responds_to", ["'alice-tea' does not exist", "did you mean 'alice-tea-first'"]),
    ("target-position-of-other",
     setter(carol, "responds_to", {"contributor": "alice", "position": "bob-coffee"}), C,
     "positions[0] (carol-agrees) responds_to", ["belongs to bob, not to 'alice'"]),
    ("positions-unknown-contributor", setter(top(C), "contributor", "karol"), C, "contributor",
     ["'karol', which is not a contributor id", "did you mean 'carol'"]),
    ("positions-file-name", rename(C, "positions/carol2.yaml"), "carol2.yaml", "contributor",
     ["named carol2.yaml", "name it carol.yaml"]),
    ("positions-yml", rename(C, "positions/carol.yml"), "carol.yml", "whole file",
     ["end in .yaml"]),
    ("positions-empty", setter(top(C), "positions", []), C, "top level", ["'positions' is empty"]),
    ("not-covered", lambda f: f[A]["positions"].pop(1), A, "alice",
     ["paragraph 5 of alice is not covered by any position"]),
    ("no-positions-file", lambda f: f.pop(C), C, "whole file", ["no positions file for carol"]),
    ("no-positions", drop_positions, "positions", "(folder)", ["has no positions"]),
    ("prompt-unknown-position", setter(prompt, "positions", ["bob-coffee", "bob-cofee"]), P,
     "prompts[0] (tea-or-coffee)", ["links position 'bob-cofee', which does not exist"]),
    ("prompt-no-positions", setter(prompt, "positions", []), P, "prompts[0]",
     ["'positions' is empty"]),
    ("prompt-missing-text", deleter(prompt, "text"), P, "prompts[0]", ["'text' is missing"]),
    ("text-missing", lambda f: f.pop("text.txt"), "text.txt", "whole file",
     ["the text file does not exist"]),
    ("text-not-utf8", raw("text.txt", "caf\u00e9\n".encode("latin-1")), "text.txt", "whole file",
     ["not UTF-8"]),
    ("text-empty", raw("text.txt", "\n\n"), "text.txt", "whole file", ["no paragraphs"]),
    ("text-path", setter(top(R), "text", "../text.txt"), R, "top level", ["beside reading.yaml"]),
    ("reading-yaml-not-utf8", raw(R, b"id: \xff\n"), R, "whole file", ["not UTF-8"]),
    ("reading-missing", lambda f: f.pop(R), R, "whole file", ["does not exist"]),
    ("reading-id-folder", setter(top(R), "id", "other-reading"), R, "top level",
     ["folder is named 'tiny-reading'"]),
    ("no-contributors", setter(top(R), "contributors", []), R, "top level",
     ["'contributors' is empty"]),
    ("contributor-not-mapping", lambda f: f[R]["contributors"].append("dan"), R, "contributors[3]",
     ["each item must be a contributor", "not text ('dan')"]),
    ("glossary-not-mapping", raw(G, "- Tiananmen: [June Fourth]\n"), G, "whole file",
     ["must be a mapping with 'glossary:'", "not a list"]),
    ("glossary-empty-file", raw(G, ""), G, "whole file", ["must be a mapping", "not nothing"]),
    ("glossary-unknown-key", setter(top(G), "terms", {}), G, "top level",
     ["unknown key 'terms'", "glossary.yaml may have: glossary"]),
    ("glossary-misspelt-key", misspell_glossary_key, G, "top level",
     ["did you mean 'glossary'"]),
    ("glossary-missing", misspell_glossary_key, G, "top level", ["'glossary' is missing"]),
    ("glossary-a-list", setter(top(G), "glossary", ["Bob"]), G, "top level",
     ["'glossary' must be a mapping", "not a list"]),
    ("glossary-nothing", setter(top(G), "glossary", None), G, "top level",
     ["'glossary' must be a mapping", "not nothing"]),
    ("glossary-bool-term", raw(G, "glossary:\n  yes: [tea]\n"), G, "glossary (true)",
     ["the term must be text", "true/false", "write it in quotes"]),
    ("glossary-number-term", setter(glossary, 1989, ["tea"]), G, "glossary (1989)",
     ["the term must be text", 'write it in quotes: "1989"']),
    ("glossary-date-term", setter(glossary, dt.date(1989, 6, 4), ["tea"]), G,
     "glossary (1989-06-04)", ['write it in quotes: "1989-06-04"']),
    ("glossary-null-term", setter(glossary, None, ["tea"]), G, "glossary (empty term)",
     ["the term has no value"]),
    ("glossary-empty-term", setter(glossary, " ", ["tea"]), G, "glossary (empty term)",
     ["the term is empty"]),
    ("glossary-bool-word", setter(glossary, "drink", ["tea", False]), G, "glossary (drink)",
     ["word 2 must be text", "true/false", "write it in quotes"]),
    ("glossary-date-word", setter(glossary, "drink", [dt.date(1989, 6, 4)]), G, "glossary (drink)",
     ["word 1 must be text", 'write it in quotes: "1989-06-04"']),
    ("glossary-number-word", setter(glossary, "drink", 7), G, "glossary (drink)",
     ["the word must be text", 'write it in quotes: "7"']),
    ("glossary-empty-word", setter(glossary, "drink", ["tea", ""]), G, "glossary (drink)",
     ["word 2 is empty"]),
    ("glossary-empty-text", setter(glossary, "drink", "  "), G, "glossary (drink)",
     ["the word is empty"]),
    ("glossary-empty-list", setter(glossary, "drink", []), G, "glossary (drink)",
     ["the list of words is empty", "Tiananmen: [June Fourth, crackdown]"]),
    ("glossary-no-words", setter(glossary, "drink", None), G, "glossary (drink)",
     ["no words after the colon"]),
    ("glossary-words-mapping", setter(glossary, "drink", {"tea": "coffee"}), G,
     "glossary (drink)", ["must be a list of texts, not a mapping"]),
    ("glossary-nested-list", setter(glossary, "drink", [["tea"]]), G, "glossary (drink)",
     ["word 1 must be text, not a list"]),
    ("glossary-term-twice", setter(glossary, "CAFFEINE ", ["tea"]), G, "glossary (CAFFEINE)",
     ["the term 'CAFFEINE' is already given as 'caffeine'", "case is ignored"]),
    ("glossary-key-twice", raw(G, "glossary:\n  Bobby: Bob\n  Bobby: [Bob]\n"), G, "line 3",
     ["appears twice"]),
    ("glossary-not-in-reading", setter(glossary, "espresso", ["latte", "cappuccino"]), G,
     "glossary (espresso)", ["none of its words ('latte', 'cappuccino') occurs in the reading",
                             "the glossary maps members' words to the reading's own"]),
    ("glossary-part-of-word", setter(glossary, "pot", "kett"), G, "glossary (pot)",
     ["none of its words ('kett') occurs in the reading"]),
    ("glossary-yml", rename(G, "glossary.yml"), "glossary.yml", "whole file",
     ["rename it glossary.yaml"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "file", "entry", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_problem_is_reported(
    tmp_path: Path, mutate: Mutation, file: str, entry: str, words: list[str]
) -> None:
    files = base_files()
    mutate(files)
    folder = write_files(tmp_path / FOLDER, files)
    problems = problems_of(folder)
    listing = "\n".join(str(p) for p in problems)
    assert not any(UNEXPECTED in p.message for p in problems), listing
    matching = [
        p
        for p in problems
        if str(p.file).endswith(file)
        and entry in p.entry
        and all(word in p.message for word in words)
    ]
    assert matching, f"expected {file}: {entry}: {words} among:\n{listing}"
    assert str(folder) in str(matching[0].file)  # the path as given


def test_many_problems_at_once(tmp_path: Path) -> None:
    files = base_files()
    setter(contributor(1), "aliases", ["Ali"])(files)
    setter(alice(), "kind", "claimz")(files)
    setter(bob(), "paragraph", 99)(files)
    setter(prompt, "positions", ["nope"])(files)
    setter(top(R), "title", True)(files)
    folder = write_files(tmp_path / FOLDER, files)
    problems = problems_of(folder)
    report = "\n".join(str(p) for p in problems)
    for words in ("'Ali'", "'claimz'", "paragraph 99", "'nope'", "'title' must be text"):
        assert words in report
    assert len(problems) >= 5
    assert f"{len(problems)} problems found" in KnowledgeError(problems).report()


def test_missing_knowledge_folder(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="does not exist"):
        load_library(tmp_path / "nowhere")
    with pytest.raises(KnowledgeError, match="no readings found"):
        load_library(tmp_path)


def test_folder_without_reading_yaml_is_reported(valid: Path) -> None:
    stray = valid.parent / "draft"
    stray.mkdir()
    (stray / "reading.yml").write_text("id: draft\n")
    with pytest.raises(KnowledgeError, match=r"no reading\.yaml"):
        load_library(valid.parent)


def test_duplicate_reading_ids_across_library(valid: Path) -> None:
    twin = valid.parent / "tiny-reading-2"
    files = base_files()
    write_files(twin, files)  # its id says tiny-reading, so the folder name is wrong too
    with pytest.raises(KnowledgeError, match="folder is named 'tiny-reading-2'"):
        load_library(valid.parent)


# --- the command line -------------------------------------------------------------------


def run_validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "validate", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_validate_ok(valid: Path) -> None:
    result = run_validate(valid)
    assert result.returncode == 0, result.stderr
    assert (
        f"ok: {FOLDER}: 3 contributors, 9 paragraphs, 5 positions, 1 prompts, "
        "4 glossary terms" in result.stdout
    )


def test_cli_validate_broken(valid: Path) -> None:
    files = base_files()
    setter(alice(), "kind", "claimz")(files)
    setter(top(R), "series", False)(files)
    write_files(valid, files)
    result = run_validate(valid)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "alice.yaml: positions[0] (alice-tea-first): 'kind' is 'claimz'" in result.stderr
    assert "reading.yaml: top level: 'series' must be text" in result.stderr
    assert "2 problems found" in result.stderr


# --- JSON Schemas -----------------------------------------------------------------------


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node or "anyOf" in node:
        if "anyOf" in node:  # an optional entry: the entry or null
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
            continue
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target: Any = schema
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def _at(schema: dict[str, Any], path: str) -> dict[str, Any]:
    node = schema
    for step in filter(None, path.split(".")):
        node = _resolve(schema, node)
        if step.endswith("[]"):
            node = _resolve(schema, node["properties"][step[:-2]])["items"]
        else:
            node = node["properties"][step]
    return _resolve(schema, node)


SHAPES = {
    "reading.schema.json": {"": ["id", "title", "text", "contributors"], "contributors[]": [
        "id", "name", "short_name", "order", "affiliation", "paragraphs"]},
    "positions.schema.json": {"": ["contributor", "positions"],
                              "positions[]": ["id", "kind", "summary", "quote", "paragraph"],
                              "positions[].responds_to": ["contributor"]},
    "prompts.schema.json": {"": ["prompts"], "prompts[]": ["id", "text", "positions"]},
    "glossary.schema.json": {"": ["glossary"]},
}  # fmt: skip


def test_committed_schemas_are_the_generated_ones() -> None:
    assert stale(ROOT / "knowledge" / "schema") == [], "run: python -m bot schema"


def test_schema_check_command_sees_a_stale_schema(tmp_path: Path) -> None:
    from bot.knowledge.jsonschemas import write

    assert sorted(write(tmp_path)) == sorted(schemas())
    assert stale(tmp_path) == []
    (tmp_path / "positions.schema.json").write_text("{}")
    assert stale(tmp_path) == ["positions.schema.json"]


def test_schema_check_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "schema", "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "schemas are current" in result.stdout  # said, not only an exit status


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_schema_requires_what_the_loader_requires(name: str) -> None:
    schema = json.loads((ROOT / "knowledge" / "schema" / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for path, required in SHAPES[name].items():
        node = _at(schema, path)
        assert node["type"] == "object"
        assert node["additionalProperties"] is False
        assert sorted(node.get("required", [])) == sorted(required), path
        assert list(node["properties"])[: len(required)] == required, path


def test_messages_list_the_allowed_keys_required_first() -> None:
    assert allowed_keys(ReadingFile)[:4] == ["id", "title", "text", "contributors"]
    assert allowed_keys(PositionEntry)[-2:] == ["central", "reviewed"]


def test_glossary_schema_maps_text_to_texts() -> None:
    """The glossary's keys are free: each is text, and each value one text or a list of them."""
    schema = json.loads((ROOT / "knowledge" / "schema" / "glossary.schema.json").read_text())
    node = _at(schema, "glossary")
    assert node["type"] == "object"
    text = _resolve(schema, node["propertyNames"])
    assert text["type"] == "string" and text["pattern"] == r"\S"
    one, many = (
        _resolve(schema, n) for n in _resolve(schema, node["additionalProperties"])["oneOf"]
    )
    assert one == text
    assert many["type"] == "array" and many["minItems"] == 1
    assert _resolve(schema, many["items"]) == text


def test_schema_kinds_match_model() -> None:
    schema = json.loads((ROOT / "knowledge" / "schema" / "positions.schema.json").read_text())
    kind = _resolve(schema, _at(schema, "positions[]")["properties"]["kind"])
    assert kind["enum"] == [k.value for k in Kind]
    assert {"question", "answer"} <= set(kind["enum"])


# --- robustness -------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.text(max_size=30),
    st.sampled_from(["alice", "bob", "claim", "agreement", "2, 5", "7-6", "tea", "yes"]),
)
keys = st.one_of(
    st.sampled_from(
        ["id", "contributor", "positions", "kind", "quote", "paragraph", "responds_to",
         "contributors", "paragraphs", "aliases", "text", "title", "topics", "central",
         "glossary", "coffee", "Bob"]
    ),
    st.text(max_size=10),
    st.integers(0, 5),
)  # fmt: skip
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


def _replace_somewhere(data: Any, path: list[int], value: Any) -> Any:
    """A deep copy of `data` with the node chosen by `path` replaced by `value`."""
    data = copy.deepcopy(data)
    node = data
    for step in path:
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        if not children:
            break
        key, child = children[step % len(children)]
        if not isinstance(child, dict | list) or step % 3 == 0:
            node[key] = value
            return data
        node = child
    return value if node is data else data


def _assert_loader_copes(files: Files) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_files(Path(tmp) / FOLDER, files)
        try:
            load_reading(folder)
        except KnowledgeError as exc:
            assert exc.problems
            assert not any(UNEXPECTED in p.message for p in exc.problems), exc.report()


@settings(max_examples=150, deadline=None)
@given(
    target=st.sampled_from([R, A, B, C, P, G]),
    content=st.one_of(structures, st.text(max_size=200)),
)
def test_random_documents_only_raise_knowledge_error(target: str, content: Any) -> None:
    files = base_files()
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
    files[target] = text
    _assert_loader_copes(files)


@settings(max_examples=150, deadline=None)
@given(
    target=st.sampled_from([R, A, B, C, P, G]),
    path=st.lists(st.integers(0, 20), min_size=1, max_size=5),
    value=structures,
)
def test_random_edits_only_raise_knowledge_error(target: str, path: list[int], value: Any) -> None:
    files = base_files()
    files[target] = yaml.safe_dump(
        _replace_somewhere(files[target], path, value), allow_unicode=True
    )
    _assert_loader_copes(files)


ODD_YAML = {
    "recursive-alias": (A, "contributor: alice\npositions: &a [*a]\n", "contains it"),
    "deep-nesting": (A, "[" * 3000 + "]" * 3000, "nest"),
    "deep-block": (A, "a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(300)), "nest"),
    "control-character": (A, "contributor: alice\x00\n", "U+0000"),
    "python-tag": (R, "id: !!python/object/apply:os.system ['true']\n", "Tags starting with '!'"),
    "binary": (C, "contributor: !!binary aGVsbG8=\npositions: []\n", "not a bytes value"),
    "set": (C, "contributor: carol\npositions: !!set {a, b}\n", "must be a list"),
    "complex-key": (C, "? [a, b]\n: c\n", "unhashable key"),
    "two-documents": (C, "a: 1\n---\nb: 2\n", "single document"),
    "nan-paragraph": (A, "contributor: alice\npositions:\n- {paragraph: .nan}\n", "(nan)"),
    "on-off": (R, yaml.safe_dump(base_files()[R]).replace("Nobody", "off"), "write it in quotes"),
}


@pytest.mark.parametrize(("name", "content", "words"), ODD_YAML.values(), ids=list(ODD_YAML))
def test_odd_yaml_is_reported(tmp_path: Path, name: str, content: str, words: str) -> None:
    files = base_files()
    files[name] = content
    problems = problems_of(write_files(tmp_path / FOLDER, files))
    report = "\n".join(str(p) for p in problems)
    assert not any(UNEXPECTED in p.message for p in problems), report
    assert any(words in p.message and str(p.file).endswith(name) for p in problems), report


def test_broken_reading_yaml_still_checks_other_files(tmp_path: Path) -> None:
    files = base_files()
    files[R] = "id: [broken\n"
    setter(alice(), "kind", "claimz")(files)
    files[P] = "prompts: {\n"
    report = "\n".join(str(p) for p in problems_of(write_files(tmp_path / FOLDER, files)))
    assert "reading.yaml: line" in report
    assert "'kind' is 'claimz'" in report
    assert "prompts.yaml: line" in report
