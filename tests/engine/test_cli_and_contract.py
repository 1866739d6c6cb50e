"""The command line: `ask` (text, JSON, JSON lines from stdin), `chat`, and `bench`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, timeout=120,
    )


def test_ask_json_follows_the_score_contract() -> None:
    out = run("ask", "--json", "what did Neier disagree with?")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["question"] == "what did Neier disagree with?"
    assert obj["abstained"] is False
    top = obj["answers"][0]
    for key in ("contributor", "quote", "paragraph", "summary", "kind", "score"):
        assert key in top
    assert top["contributor"] == "Aryeh Neier"
    assert isinstance(top["paragraph"], int) and isinstance(top["score"], float)


def test_ask_json_reads_one_question_per_line_in_order() -> None:
    questions = ["who brought up Hong Kong?", "tell me a joke", "", "what did Nathan say?"]
    out = run("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == len(questions)
    objs = [json.loads(line) for line in lines]
    assert [o["question"] for o in objs] == questions
    assert [o["abstained"] for o in objs] == [False, True, True, False]
    assert objs[1]["answers"] == []


def test_ask_prints_a_readable_answer() -> None:
    out = run("ask", "who mentioned the Dalai Lama?")
    assert out.returncode == 0, out.stderr
    assert "Nicholas Bequelin" in out.stdout
    assert "paragraph 12" in out.stdout
    assert "Dalai Lama" in out.stdout


def test_chat_reads_piped_questions_and_commands() -> None:
    stdin = "help\ncontributors\npositions Neier disagreement\nwho talked about Hong Kong?\nquit\n"
    out = run("chat", stdin=stdin)
    assert out.returncode == 0, out.stderr
    assert "Commands:" in out.stdout
    assert "Joshua Rosenzweig" in out.stdout
    assert "I would not draw a line between" in out.stdout
    assert "Sharon Hom" in out.stdout


def test_chat_unknown_contributor_is_a_polite_message() -> None:
    out = run("chat", stdin="positions Obama\n")
    assert out.returncode == 0
    assert "I don't know a contributor called 'Obama'" in out.stdout


def test_bench_runs_on_a_small_scale() -> None:
    out = run("bench", "--scale", "3", "--repeat", "1")
    assert out.returncode == 0, out.stderr
    assert "shipped" in out.stdout and "x3" in out.stdout
    assert "p99" in out.stdout


def test_help_lists_every_subcommand() -> None:
    out = run("--help")
    for sub in ("validate", "ask", "chat", "bench", "run", "sync"):
        assert sub in out.stdout
    assert run("ask", "--help").returncode == 0


def test_broken_knowledge_gives_messages_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "reading"
    folder.mkdir()
    (folder / "reading.yaml").write_text("id: reading\ntitle: [unclosed\n", encoding="utf-8")
    out = run("ask", "--knowledge", str(tmp_path), "hello")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "reading.yaml" in out.stderr


def test_run_without_token_answers_piped_questions() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bot", "run"], input="who mentioned the Dalai Lama?\n",
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"},
    )
    assert out.returncode == 0, out.stderr
    assert "DISCORD_TOKEN" in out.stderr  # says how to set one
    assert "Nicholas Bequelin" in out.stdout and "paragraph 12" in out.stdout


def test_unknown_reading_id_is_a_message_not_a_traceback() -> None:
    out = run("ask", "--reading", "nope", "who mentioned Tibet?")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "No reading with id 'nope'" in out.stderr
    assert "chinafile-2013-human-rights" in out.stderr


def test_chat_positions_usage_and_unknown_kind() -> None:
    out = run("chat", stdin="positions\npositions Neier foo\n")
    assert "Usage: positions NAME [KIND]" in out.stdout
    assert "'foo' is not a kind of position. Kinds are: claim" in out.stdout


def test_ask_limit_holds_for_comparisons() -> None:
    out = run("ask", "--json", "--limit", "2", "compare Nathan and the last respondent")
    answers = json.loads(out.stdout)["answers"]
    assert [a["contributor"] for a in answers] == ["Andrew J. Nathan", "the final respondent"]


def test_chat_reads_the_config_from_the_environment_like_the_bot(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("reading: nope\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input="who mentioned Tibet?\n",
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "READING_BOT_CONFIG": str(config)},
    )
    assert out.returncode == 1
    assert "No reading with id 'nope'" in out.stderr


def test_ask_takes_config_like_chat(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("reading: nope\n", encoding="utf-8")
    out = run("ask", "--config", str(config), "who mentioned Tibet?")
    assert out.returncode == 1
    assert "No reading with id 'nope'" in out.stderr
    config.write_text("reading: chinafile-2013-human-rights\n", encoding="utf-8")
    out = run("ask", "--json", "--config", str(config), "who mentioned Tibet?")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["abstained"] is False


def test_bench_by_default_is_quick_and_says_which_questions() -> None:
    out = run("bench", "--scale", "2")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith("quick run: 8 questions from the built-in list, 10 passes")
    assert "--full" in first


def test_bench_full_uses_the_dev_or_held_out_questions() -> None:
    out = run("bench", "--full", "--scale", "1", "--repeat", "1")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith("full run: ")
    assert "dev.yaml" in first or "tests/data/heldout_questions.yaml" in first


def test_help_texts_give_defaults_and_what_an_id_is() -> None:
    bench = " ".join(run("bench", "--help").stdout.split())
    assert "--full" in bench and "(default 10; --full: 100)" in bench
    assert "(default 10; --full: 5)" in bench
    sync = " ".join(run("sync", "--help").stdout.split())
    assert "--guild SERVER_ID" in sync and "numeric id of one server" in sync
    ask = " ".join(run("ask", "--help").stdout.split())
    assert "--config CONFIG" in ask


def test_ask_conversation_reads_blocks_of_follow_ups() -> None:
    stdin = "what did bequelin say about microblogging\nand hom?\n\nand hom?\n"
    out = run("ask", "--json", "--conversation", "-", stdin=stdin)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 3  # one per question, none for the empty line
    assert lines[1]["answers"][0]["contributor_id"] == "hom"
    assert lines[1]["reading_as"] == "what did Hom say about microblogging?"
    assert lines[2]["reading_as"] == ""  # a new conversation: nothing to lean on


def test_chat_keeps_one_conversation_per_session() -> None:
    out = run("chat", stdin="who talked about hong kong?\nand what did she recommend?\nquit\n")
    assert out.returncode == 0, out.stderr
    assert "Reading that as: what did Hom recommend?" in out.stdout
