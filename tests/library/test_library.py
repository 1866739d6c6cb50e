"""The library of readings: lazy builds, the disk cache, broken readings, the default."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.loader import load_reading
from bot.knowledge.model import UnknownReadingError
from bot.library import NoDefaultReadingError, ReadingLibrary
from bot.paths import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "knowledge" / "chinafile-2013-human-rights"
FIXTURE = PROJECT_ROOT / "tests" / "ingest" / "fixtures" / "debate.txt"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A knowledge folder with the shipped reading and a drafted debate."""
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    shutil.copytree(SHIPPED, knowledge / SHIPPED.name)
    assert main(["ingest", str(FIXTURE), "--id", "harbour", "--out",
                 str(knowledge / "harbour")]) == 0
    return knowledge


def _break(folder: Path) -> None:
    (folder / "reading.yaml").write_text("id: [not, an, id\n", encoding="utf-8")


def test_listing_builds_nothing(root: Path) -> None:
    library = ReadingLibrary(root, cache_dir=root.parent / "cache")
    assert library.ids() == ("chinafile-2013-human-rights", "harbour")
    assert library.loaded() == ()
    engine = library.engine("harbour")
    assert library.loaded() == ("harbour",)
    assert library.engine("harbour") is engine  # kept


def test_several_readings_need_a_default(root: Path) -> None:
    library = ReadingLibrary(root, cache_dir=root.parent / "cache")
    with pytest.raises(NoDefaultReadingError, match="--reading"):
        library.engine()
    named = ReadingLibrary(root, default="harbour", cache_dir=root.parent / "cache")
    assert named.engine().reading.id == "harbour"
    with pytest.raises(UnknownReadingError):
        named.engine("nope")


def test_a_loaded_library_never_picks_the_first_of_several(root: Path) -> None:
    from bot.knowledge.loader import load_library

    library = load_library(root, use_cache=False)
    with pytest.raises(NoDefaultReadingError, match="--reading"):
        library.get()
    assert library.get("harbour").id == "harbour"


def test_broken_reading_is_skipped_not_fatal(root: Path) -> None:
    _break(root / "harbour")
    library = ReadingLibrary(root, cache_dir=root.parent / "cache")
    assert library.engine("chinafile-2013-human-rights").reading.positions
    with pytest.raises(KnowledgeError):
        library.engine("harbour")
    states = {s.id: s for s in library.states()}
    assert states["chinafile-2013-human-rights"].ok
    assert not states["harbour"].ok and states["harbour"].problems


def test_disk_cache_is_keyed_by_content(root: Path) -> None:
    cache = root.parent / "cache"
    first = ReadingLibrary(root, cache_dir=cache).reading("harbour")
    assert list(cache.glob("harbour-*.reading.json"))
    again = ReadingLibrary(root, cache_dir=cache).reading("harbour")
    assert again == first
    text = root / "harbour" / "reading.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace(
        "title: The Harbour Debate", "title: The Harbour Debate (edited)"), encoding="utf-8")
    edited = ReadingLibrary(root, cache_dir=cache).reading("harbour")
    assert "(edited)" in edited.title
    assert len(list(cache.glob("harbour-*.reading.json"))) == 1  # the old entry was pruned


def test_corrupt_cache_is_rebuilt(root: Path) -> None:
    cache = root.parent / "cache"
    ReadingLibrary(root, cache_dir=cache).reading("harbour")
    entries = list(cache.glob("harbour-*.reading.json"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"not a cached reading")
    assert ReadingLibrary(root, cache_dir=cache).reading("harbour").id == "harbour"


def test_reload_keeps_the_old_engine_when_broken(root: Path) -> None:
    library = ReadingLibrary(root, cache_dir=root.parent / "cache")
    old = library.engine("harbour")
    _break(root / "harbour")
    with pytest.raises(KnowledgeError):
        library.reload("harbour")
    assert library.engine("harbour") is old


def test_readings_command(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["readings", "--knowledge", str(root)]) == 0
    out = capsys.readouterr().out
    shipped = len(load_reading(SHIPPED).positions)
    assert f"chinafile-2013-human-rights: ok, {shipped} positions, 0 unreviewed" in out
    assert "harbour: ok" in out and " unreviewed" in out
    _break(root / "harbour")
    assert main(["readings", "--knowledge", str(root)]) == 1
    assert "harbour: BROKEN" in capsys.readouterr().out


def test_cli_reading_flag(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--knowledge", str(root), "--reading", "harbour",
                 "what did Blake propose about the county?"]) == 0
    assert "Blake" in capsys.readouterr().out
    assert main(["ask", "--knowledge", str(root), "who is it?"]) == 1
    assert "--reading" in capsys.readouterr().err
    assert main(["validate", str(root), "--reading", "harbour"]) == 0
    assert "unreviewed" in capsys.readouterr().out


def test_choose_narrowest_place_first(root: Path) -> None:
    library = ReadingLibrary(root, default="chinafile-2013-human-rights",
                             cache_dir=root.parent / "cache")
    assert library.choose("harbour", None) == "harbour"  # the channel's own reading
    assert library.choose(None, "harbour") == "harbour"  # the server's
    assert library.choose("gone", None) == "chinafile-2013-human-rights"  # else the default
