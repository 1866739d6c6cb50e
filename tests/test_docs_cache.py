"""The docs name the cache the loader really uses (an older start's
data/knowledge-cache.json is not used any more, so no doc may send a reader to it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.cache import default_folder

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "knowledge" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_no_doc_names_the_old_cache_file(doc: Path) -> None:
    assert "knowledge-cache.json" not in doc.read_text(encoding="utf-8")


def test_the_knowledge_readme_names_the_cache_folder_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path))
    relative = default_folder().relative_to(tmp_path).as_posix()
    text = (ROOT / "knowledge" / "README.md").read_text(encoding="utf-8")
    assert f"data/{relative}/" in text
