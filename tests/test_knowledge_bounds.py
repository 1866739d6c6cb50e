"""Hostile and odd knowledge files: refused quickly by size, bombs and encodings, clearly."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_knowledge_loader import FOLDER, base_files, pos, write_files

from bot.knowledge import loader
from bot.knowledge.errors import KnowledgeError, Problem
from bot.knowledge.limits import MAX_TEXT_BYTES, MAX_YAML_BYTES, SHOWN_CHARS
from bot.knowledge.loader import UNEXPECTED, load_library, load_reading
from bot.knowledge.model import Kind

ROOT = Path(__file__).resolve().parents[1]
A = "positions/alice.yaml"


def problems_for(tmp_path: Path, name: str, content: str | bytes) -> list[Problem]:
    files = base_files()
    files[name] = content
    folder = write_files(tmp_path / FOLDER, files)
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    problems = info.value.problems
    assert not any(UNEXPECTED in p.message for p in problems), info.value.report()
    return problems


def only_in(problems: list[Problem], name: str) -> list[str]:
    return [p.message for p in problems if str(p.file).endswith(name)]


def test_fifty_megabytes_of_positions_are_refused_by_size(tmp_path: Path) -> None:
    folder = write_files(tmp_path / FOLDER, base_files())
    with (folder / A).open("r+b") as f:
        f.truncate(50_000_000)  # sparse: the loader must refuse it by its size alone
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    [message] = only_in(info.value.problems, A)
    assert message == (
        "the file is 50.0 MB; the limit is 1.0 MB, so it is not read (is it the right file?)"
    )


def test_oversized_text_is_refused(tmp_path: Path) -> None:
    files = base_files()
    folder = write_files(tmp_path / FOLDER, files)
    with (folder / "text.txt").open("r+b") as f:
        f.truncate(MAX_TEXT_BYTES + 1)
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    assert any("the text file is" in m and "the limit is" in m
               for m in only_in(info.value.problems, "text.txt"))  # fmt: skip


BOMB_LINE = "{a: &a [x,x,x,x,x,x,x,x,x], " + ", ".join(
    f"{k}: &{k} [{','.join(['*' + p] * 9)}]" for p, k in zip("abcdefgh", "bcdefghi", strict=True)
) + "}\n"


def test_one_line_alias_bomb_fails_fast(tmp_path: Path) -> None:
    assert "\n" not in BOMB_LINE.strip()
    problems = problems_for(tmp_path, A, BOMB_LINE)  # 9**9 values once expanded
    [message] = only_in(problems, A)
    assert "more than 200,000 values once its aliases (*name) are expanded" in message


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    files = base_files()
    text = yaml.safe_dump(files[A], sort_keys=False, allow_unicode=True)
    text = text.replace("  - coffee\n", "  - &drink coffee\n", 1)
    text = text.replace("  - morning\n", "  - *drink\n")
    files[A] = text
    reading = load_reading(write_files(tmp_path / FOLDER, files))
    assert reading.position("alice-tea-first").topics == ("tea", "coffee", "coffee")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (codecs.BOM_UTF16_LE + "contributor: alice\n".encode("utf-16-le"), "is UTF-16 text"),
        (codecs.BOM_UTF16_BE + "contributor: alice\n".encode("utf-16-be"), "is UTF-16 text"),
        ("contributor: caf\u00e9\n".encode("latin-1"), "not UTF-8 text (bad byte 0xE9"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\xff\xfe", "binary data, not text"),
        ("contributor: " + "9" * 5000 + "\n", "a value cannot be read"),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "nested more than 64 levels"),
    ],
    ids=["utf-16-le", "utf-16-be", "latin-1", "binary", "huge-number", "deep"],
)
def test_undecodable_or_odd_files_name_the_file(
    tmp_path: Path, content: str | bytes, words: str
) -> None:
    messages = only_in(problems_for(tmp_path, A, content), A)
    assert any(words in m for m in messages), messages


def test_long_values_never_fill_a_message(tmp_path: Path) -> None:
    files = base_files()
    long = "x" * 100_000
    pos(files, "alice")["kind"] = long
    pos(files, "alice")[long] = 1
    pos(files, "alice", 1)["paragraph"] = long
    folder = write_files(tmp_path / FOLDER, files)
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    report = info.value.report()
    assert "x" * (SHOWN_CHARS + 1) not in report
    assert len(report) < 5_000
    assert "'kind' is 'xxx" in report and "unknown key 'xxx" in report


def test_many_problems_in_one_file_are_counted_not_all_listed(tmp_path: Path) -> None:
    files = base_files()
    files[A]["positions"] = [{"id": f"p-{i}", "kind": "claim"} for i in range(200)]
    folder = write_files(tmp_path / FOLDER, files)
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    messages = only_in(info.value.problems, A)
    assert len(messages) < 120  # 600 problems in the file: 100 listed, then a count
    assert "... and 500 more problems in this file" in messages


def test_yaml_size_cap_is_generous_for_real_files() -> None:
    biggest = max(p.stat().st_size for p in (ROOT / "knowledge").rglob("*.yaml"))
    assert biggest * 10 < MAX_YAML_BYTES


# --- contract additions: reviewed, question and answer --------------------------------------


def test_reviewed_and_debate_kinds(tmp_path: Path) -> None:
    files = base_files()
    pos(files, "alice", 1)["reviewed"] = False
    pos(files, "bob", 1)["kind"] = "question"
    pos(files, "carol")["kind"] = "answer"
    del pos(files, "carol")["responds_to"]  # an answer may say whom it answers; need not
    reading = load_reading(write_files(tmp_path / FOLDER, files))
    assert reading.position("alice-kettle").reviewed is False
    assert reading.position("alice-tea-first").reviewed is True
    assert reading.position("bob-ritual").kind is Kind.QUESTION
    assert reading.position("carol-agrees").kind is Kind.ANSWER


def test_reviewed_must_be_true_or_false(tmp_path: Path) -> None:
    files = base_files()
    pos(files, "alice")["reviewed"] = "no"
    folder = write_files(tmp_path / FOLDER, files)
    with pytest.raises(KnowledgeError, match="'reviewed' must be true or false, not text"):
        load_reading(folder)


def test_validate_counts_unreviewed_positions(tmp_path: Path) -> None:
    files = base_files()
    pos(files, "alice", 1)["reviewed"] = False
    pos(files, "bob")["reviewed"] = False
    folder = write_files(tmp_path / FOLDER, files)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "validate", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"note: {FOLDER}: 2 positions are not reviewed yet (reviewed: false)" in result.stdout


# --- the cache of the last good load ---------------------------------------------------------


def test_unchanged_files_load_from_the_cache_and_edits_are_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    files = base_files()
    folder = write_files(tmp_path / "kb" / FOLDER, files)
    first = load_library(folder.parent)
    assert list((tmp_path / "data" / "cache" / "readings").glob(f"{FOLDER}-*.reading.json"))

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(loader, "_load_safely", no_validation)
    assert load_library(folder.parent) == first  # from the cache
    with pytest.raises(AssertionError, match="validated again"):
        load_library(folder.parent, use_cache=False)
    monkeypatch.undo()
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    pos(files, "alice")["summary"] = "Alice now says tea wins."
    write_files(folder, files)
    assert load_library(folder.parent).get().position("alice-tea-first").summary == (
        "Alice now says tea wins."
    )
    pos(files, "alice")["kind"] = "claimz"
    write_files(folder, files)
    with pytest.raises(KnowledgeError, match="claimz"):
        load_library(folder.parent)  # a broken edit is never hidden by the cache


def test_a_corrupt_or_unwritable_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("READING_BOT_DATA", str(data))
    folder = write_files(tmp_path / "kb" / FOLDER, base_files())
    load_library(folder.parent)
    entries = list((data / "cache" / "readings").glob(f"{FOLDER}-*.reading.json"))
    assert entries
    for entry in entries:
        entry.write_text("[{not json")
    assert load_library(folder.parent).get().id == FOLDER
    assert entries[0].read_text() != "[{not json"  # rebuilt

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again")

    with monkeypatch.context() as patched:
        patched.setattr(loader, "_load_safely", no_validation)
        assert load_library(folder.parent).get().id == FOLDER  # now from a good cache
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("not a folder")
    assert load_library(folder.parent).get().id == FOLDER


def test_engine_answers_with_debate_kinds_present(tmp_path: Path) -> None:
    from bot.engine.engine import Engine

    files = base_files()
    pos(files, "bob", 1)["kind"] = "question"
    pos(files, "carol")["kind"] = "answer"
    engine = Engine(load_reading(write_files(tmp_path / FOLDER, files)))
    for question in ("what did Bob say about the kettle ritual?", "compare Bob and Carol",
                     "who disagreed with Alice?", "positions of Carol"):  # fmt: skip
        engine.ask(question)  # never raises
    reply = engine.ask("what did Bob say about the kettle ritual?")
    assert any(a.position_id == "bob-ritual" and a.kind == "question" for a in reply.answers)


def test_an_overlong_id_is_refused_and_not_echoed(tmp_path: Path) -> None:
    files = base_files()
    pos(files, "alice")["id"] = "a" * 5000
    folder = write_files(tmp_path / FOLDER, files)
    with pytest.raises(KnowledgeError) as info:
        load_reading(folder)
    report = info.value.report()
    assert "'id' is 5000 characters long; the most is 80" in report
    assert "a" * 100 not in report
