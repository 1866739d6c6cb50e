"""Fixtures for the ingest tests: paths to the fixture texts and to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.command import Options, ingest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SHARED = HERE.parents[2] / "shared"
if not SHARED.is_dir():  # a worktree lives beside shared/; a fresh clone may have it beside it
    SHARED = HERE.parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Readings cache and knowledge defaults never touch the project's own folders."""
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path


def drafted_from(tmp_path: Path, text: str, reading_id: str = "talk") -> Path:
    """The reading folder `ingest` drafts from a small text of the test's own."""
    source = tmp_path / f"{reading_id}.txt"
    source.write_text(text, encoding="utf-8")
    return ingest(Options(source, id=reading_id, out=tmp_path / reading_id)).folder
