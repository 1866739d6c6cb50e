"""The one cache of validated readings (bot.knowledge.cache), as both loaders use it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from test_knowledge_loader import FOLDER, base_files, pos, write_files

from bot.cli import main
from bot.knowledge import cache, loader
from bot.knowledge.cache import ReadingCache, decode, encode, folder_key
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.loader import load_library, load_reading
from bot.knowledge.model import (
    Contributor,
    GlossaryEntry,
    Kind,
    Paragraph,
    Position,
    Prompt,
    Reading,
    Target,
)
from bot.library import ReadingLibrary
from bot.paths import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "knowledge" / "chinafile-2013-human-rights"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder, in tmp_path."""
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders validated from now on."""
    seen: list[Path] = []
    real = loader._load_safely

    def counting(folder: Path, problems: list[object]) -> Reading | None:
        seen.append(folder)
        return real(folder, problems)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_load_safely", counting)
    return seen


def _entries(data: Path, suffix: str = ".reading.json") -> list[Path]:
    return sorted((data / "cache" / "readings").glob(f"{FOLDER}-*{suffix}"))


def _every_field_set() -> Reading:
    """A reading whose every field differs from its default."""
    return Reading(
        id="r", title="T", series="S", publisher="P", date="2020", url="https://x",
        paragraphs=(Paragraph(0, "Title", None), Paragraph(1, "Words here.", "a")),
        contributors=(Contributor("a", "Ann A", "A", ("Annie",), "Uni", 1, (1,), "A bio."),),
        positions=(
            Position("a-1", "a", Kind.DISAGREEMENT, "Sum.", ("t",), "Words", 1,
                     Target("b", "b-1"), central=True, reviewed=False),
            Position("a-2", "a", Kind.ANSWER, "Sum 2.", (), "here", 1, Target("b")),
        ),
        prompts=(Prompt("p", "Why?", ("a-1",), ("t",)),),
        glossary=(GlossaryEntry("w", ("Words", "here")),),
    )  # fmt: skip


def test_an_entry_keeps_every_field() -> None:
    reading = _every_field_set()
    encoded = json.loads(json.dumps(encode(reading)))
    assert decode(encoded) == reading
    shipped = load_reading(SHIPPED)
    assert decode(json.loads(json.dumps(encode(shipped)))) == shipped
    # a field added to the model must be added to the entry too (else it would be lost)
    def width(cls: type) -> int:
        return sum(1 for f in dataclasses.fields(cls) if f.init)

    assert {k for k in encoded} == {f.name for f in dataclasses.fields(Reading) if f.init}
    assert len(encoded["paragraphs"][0]) == width(Paragraph)
    assert len(encoded["contributors"][0]) == width(Contributor)
    assert len(encoded["positions"][0]) == width(Position)
    assert len(encoded["positions"][0][7]) == width(Target)
    assert len(encoded["prompts"][0]) == width(Prompt)
    assert len(encoded["glossary"][0]) == width(GlossaryEntry)


def test_one_place_serves_load_library_and_the_library(
    tmp_path: Path, data: Path, calls: list[Path]
) -> None:
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    first = load_library(folder.parent).get()
    assert len(calls) == 1 and len(_entries(data)) == 1
    assert ReadingLibrary(folder.parent).reading(FOLDER) == first  # the same entry
    state = ReadingLibrary(folder.parent).state(FOLDER)
    assert state.ok and state.positions == len(first.positions)
    assert len(calls) == 1  # neither validated again
    assert not (data / "knowledge-cache.json").exists()


def test_a_broken_reading_stores_its_problems_never_a_reading(
    tmp_path: Path, data: Path, calls: list[Path]
) -> None:
    files = base_files()
    pos(files, "alice")["kind"] = "claimz"
    folder = write_files(tmp_path / "kb" / FOLDER, files)
    for _ in range(2):
        with pytest.raises(KnowledgeError, match="claimz"):
            load_library(folder.parent)
    assert len(calls) == 2  # validated each time
    assert not _entries(data)
    state = ReadingLibrary(folder.parent).state(FOLDER)
    assert not state.ok and any("claimz" in p for p in state.problems)
    assert len(calls) == 2  # the listing used the stored problems
    pos(files, "alice")["kind"] = "claim"
    write_files(folder, files)
    assert load_library(folder.parent).get().id == FOLDER
    assert ReadingLibrary(folder.parent).state(FOLDER).ok


@pytest.mark.parametrize("content", [
    '{"id": "tiny-reading"}',  # JSON, but not a reading
    "[1, 2, 3]",
    "\xff\xfe not even text",
])  # fmt: skip
def test_a_corrupt_entry_is_rebuilt(
    tmp_path: Path, data: Path, calls: list[Path], content: str
) -> None:
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    good = load_library(folder.parent).get()
    (entry,) = _entries(data)
    entry.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert load_library(folder.parent).get() == good
    assert len(calls) == 2
    assert decode(json.loads(entry.read_text(encoding="utf-8"))) == good  # rewritten


def test_another_readings_entry_is_not_used(tmp_path: Path, data: Path) -> None:
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    key = folder_key(folder)
    assert key is not None
    store = ReadingCache(data / "cache" / "readings")
    store.put(_every_field_set(), key)
    (data / "cache" / "readings" / f"r-{key[:24]}.reading.json").rename(
        data / "cache" / "readings" / f"{FOLDER}-{key[:24]}.reading.json"
    )
    assert store.get(FOLDER, key) is None
    assert load_library(folder.parent).get().id == FOLDER


def test_the_key_follows_content_and_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_files(tmp_path / FOLDER, base_files())
    key = folder_key(folder)
    assert key is not None and folder_key(folder) == key
    (folder / ".hidden-editor-file").write_text("swap")
    assert folder_key(folder) == key  # hidden files do not count
    text = folder / "text.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = folder_key(folder)
    assert edited not in (None, key)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another loader")
    assert folder_key(folder) not in (None, edited)
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    assert folder_key(folder) is None  # too many files: not cached, validated


def test_an_uncacheable_folder_is_validated_every_time(
    tmp_path: Path, data: Path, calls: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    load_library(folder.parent)
    load_library(folder.parent)
    assert len(calls) == 2 and not _entries(data)


def test_an_edit_during_the_load_is_not_stored(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = base_files()
    folder = write_files(tmp_path / "kb" / FOLDER, files)
    real = loader._load_safely

    def load_then_break(path: Path, problems: list[object]) -> Reading | None:
        reading = real(path, problems)  # type: ignore[arg-type]
        pos(files, "alice")["kind"] = "claimz"
        write_files(folder, files)  # an editor saves a broken file meanwhile
        return reading

    monkeypatch.setattr(loader, "_load_safely", load_then_break)
    load_library(folder.parent)
    assert not _entries(data)
    monkeypatch.undo()
    monkeypatch.setenv("READING_BOT_DATA", str(data))
    with pytest.raises(KnowledgeError, match="claimz"):
        load_library(folder.parent)  # the broken file is seen


def test_validate_always_validates(
    tmp_path: Path, data: Path, calls: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    load_library(folder.parent)
    assert main(["validate", str(folder.parent)]) == 0
    assert len(calls) == 2
    assert f"ok: {FOLDER}" in capsys.readouterr().out


def test_no_cache_reads_and_writes_nothing(
    tmp_path: Path, data: Path, calls: list[Path]
) -> None:
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    load_library(folder.parent, use_cache=False)
    library = ReadingLibrary(folder.parent, use_cache=False)
    library.reading(FOLDER)
    assert library.state(FOLDER).ok
    assert len(calls) == 3 and not (data / "cache").exists()
