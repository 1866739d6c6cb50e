"""config.yaml: every problem at once, the readings listed, hostile files refused quickly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import ConfigError, load_config, parse_config
from bot.knowledge.limits import MAX_CONFIG_BYTES, SHOWN_CHARS

ROOT = Path(__file__).resolve().parents[1]


def problem(tmp_path: Path, content: str | bytes) -> str:
    path = tmp_path / "config.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = problem(
        tmp_path,
        "colour: blue\ndiscord:\n  prefix: yes\n  cooldown_rate: 0\n"
        "prompts:\n  lease_seconds: 5\nquiz:\n  round_seconds: 500\nlog_level: LOUD\n",
    )
    lines = text.splitlines()
    assert len(lines) == 7, text
    assert all(line.startswith(str(tmp_path / "config.yaml")) for line in lines[:-1])
    for words in ("'colour'", "'prefix'", "'cooldown_rate'", "'lease_seconds'",
                  "'round_seconds'", "'LOUD'"):  # fmt: skip
        assert words in text
    assert lines[-1] == "6 problems found in the config file."


def test_unknown_reading_lists_the_readings(tmp_path: Path) -> None:
    for name in ("tea-reading", "coffee-reading"):
        (tmp_path / "kb" / name).mkdir(parents=True)
        (tmp_path / "kb" / name / "reading.yaml").write_text(f"id: {name}\n")
    text = problem(tmp_path, "knowledge: kb\nreading: tea-readin\n")
    assert "reading: No reading with id 'tea-readin' in the knowledge folder" in text
    assert "(did you mean 'tea-reading'?)" in text
    assert "the readings there are: coffee-reading, tea-reading (or write null" in text
    config = load_config(_write(tmp_path, "knowledge: kb\nreading: tea-reading\n"))
    assert config.reading == "tea-reading"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ok.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_tag_is_explained_with_quote_it(tmp_path: Path) -> None:
    text = problem(tmp_path, "discord:\n  prefix: !ask\n")
    assert "line 2" in text
    assert 'YAML reads !ask as a tag, not as text; if you meant text, quote it: "!ask"' in text


def test_a_key_written_twice_is_a_problem_not_the_last_one_silently(tmp_path: Path) -> None:
    text = problem(tmp_path, "discord:\n  prefix: '!'\n  cooldown_rate: 2\n  prefix: '?'\n")
    path = tmp_path / "config.yaml"
    assert f"{path}: line 4: the key 'prefix' appears twice" in text


def test_a_key_twice_at_the_top_is_a_problem(tmp_path: Path) -> None:
    text = problem(tmp_path, "log_level: INFO\nlog_level: DEBUG\n")
    assert "line 2" in text and "'log_level' appears twice" in text


def test_a_key_twice_is_reported_with_the_files_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("log_level: INFO\nlog_level: DEBUG\ndiscrod: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert len(info.value.problems) == 2
    assert "'log_level' appears twice" in info.value.problems[0]
    assert "discrod" in info.value.problems[1]
    assert str(info.value).endswith("2 problems found in the config file.")


@pytest.mark.parametrize(
    ("content", "line"),
    [("discord:\n\tprefix: '!'\n", 2), ("discord:\n  prefix: '!'\n \tcooldown_rate: 2\n", 3)],
)
def test_a_tab_indent_says_use_spaces_with_its_line(
    tmp_path: Path, content: str, line: int
) -> None:
    text = problem(tmp_path, content)
    assert f"{tmp_path / 'config.yaml'}: line {line}: " in text
    assert "tabs can't indent YAML; use spaces" in text
    assert "cannot start any token" not in text


def test_a_tab_inside_a_value_is_not_called_an_indent(tmp_path: Path) -> None:
    text = problem(tmp_path, "discord:\n  prefix: [a\tb\n")
    assert "tabs can't indent" not in text


def test_new_settings_have_their_defaults_and_are_read() -> None:
    config = parse_config({})
    assert config.prompts.lease_seconds == 120 and config.prompts.default_timezone == "UTC"
    assert config.discord.conversation_minutes == 10 and config.discord.answer_workers == 4
    assert config.quiz.round_seconds == 20
    config = parse_config(
        {
            "discord": {"conversation_minutes": 2.5, "answer_workers": 2},
            "prompts": {"lease_seconds": 10, "default_timezone": "Europe/Berlin"},
            "quiz": {"round_seconds": 120},
        }
    )
    assert config.discord.conversation_minutes == 2.5 and config.discord.answer_workers == 2
    assert config.prompts.lease_seconds == 10
    assert config.prompts.default_timezone == "Europe/Berlin"
    assert config.quiz.round_seconds == 120


def test_empty_sections_and_lowercase_log_level() -> None:
    config = parse_config({"discord": None, "prompts": None, "quiz": None, "log_level": "debug"})
    assert config.log_level == "DEBUG" and config.quiz.round_seconds == 20


# --- hostile files ---------------------------------------------------------------------

BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
        for i in range(8)
    )
)


def test_alias_bomb_fails_fast_with_a_clear_message(tmp_path: Path) -> None:
    text = problem(tmp_path, BOMB)  # 9**9 (387 million) values once expanded
    assert "once its aliases (*name) are expanded" in text
    assert len(text) < 600


def test_one_line_alias_bomb(tmp_path: Path) -> None:
    line = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{k}: &{k} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, k in zip("abcdefgh", "bcdefghi", strict=True)
    )
    one_line = "{" + ", ".join(part.replace(": ", ": ", 1) for part in line.splitlines()) + "}"
    text = problem(tmp_path, one_line + "\n")
    assert "expanded" in text


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (codecs.BOM_UTF16_LE + "log_level: INFO\n".encode("utf-16-le"), "is UTF-16 text"),
        ("reading: caf\u00e9\n".encode("latin-1"), "not UTF-8 text (bad byte 0xE9"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff", "binary data, not text"),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "nest"),
        ("a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(100)), "nested more than"),
        ("reading: " + "x" * 100_000 + ": y\n", "YAML"),
        ("discord:\n  prefix: " + "!" + "a" * 5000 + "\n", "tag"),
    ],
    ids=["utf-16", "latin-1", "binary", "deep-flow", "deep-block", "long-key", "long-tag"],
)
def test_hostile_config_is_a_clear_message(
    tmp_path: Path, content: str | bytes, words: str
) -> None:
    text = problem(tmp_path, content)
    assert words in text
    assert "Traceback" not in text
    assert len(text) < 1000  # never the whole value


def test_oversized_config_is_refused_by_size(tmp_path: Path) -> None:
    text = problem(tmp_path, "# padding\n" * (MAX_CONFIG_BYTES // 10 + 1))
    assert "the limit is" in text


def test_long_values_are_cut_in_messages(tmp_path: Path) -> None:
    text = problem(tmp_path, 'discord:\n  cooldown_rate: "' + "7" * 5000 + '"\n')
    assert "7" * (SHOWN_CHARS + 1) not in text
    assert "..." in text


def test_example_config_loads_every_setting() -> None:
    config = load_config(ROOT / "config.example.yaml")
    assert config.prompts.lease_seconds == 120 and config.quiz.round_seconds == 20


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["yes", "INFO", "https://x", "UTC", "12"]),
)  # fmt: skip
keys = st.one_of(
    st.sampled_from(
        ["knowledge", "reading", "discord", "prompts", "quiz", "log_level", "prefix",
         "allowed_channels", "moderator_roles", "lease_seconds", "round_seconds",
         "default_timezone", "api_base", "shard_count"]
    ),
    st.text(max_size=8),
    st.integers(0, 3),
)  # fmt: skip
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_random_configs_only_raise_config_error(data: object) -> None:
    try:
        parse_config(data)
    except ConfigError as exc:
        assert str(exc) and "Traceback" not in str(exc)
