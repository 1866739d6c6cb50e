"""Pure parts of the Discord layer: limits, cooldown, allow-list, config, log redaction."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import discord
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.config import (
    Config,
    ConfigError,
    DiscordSettings,
    PromptsSettings,
    QuizSettings,
    load_config,
)
from bot.config import parse_config as parse
from bot.discordbot import limits
from bot.discordbot.checks import ChannelNotAllowed, Cooldown, CoolingDown, Guard
from bot.discordbot.client import make_intents
from bot.discordbot.logs import REDACTED, RedactSecrets

ROOT = Path(__file__).resolve().parents[2]

# -- limits ----------


@given(st.text(), st.integers(min_value=0, max_value=5000))
def test_clip_never_exceeds_the_limit(text: str, limit: int) -> None:
    clipped = limits.clip(text, limit)
    assert len(clipped) <= limit
    if len(text) <= limit:
        assert clipped == text
    elif limit > 1:
        assert clipped.endswith(limits.ELLIPSIS)
        assert text.startswith(clipped[:-1].rstrip())


def test_clip_cuts_at_a_word_boundary() -> None:
    assert limits.clip("the quick brown fox jumps", 12) == "the quick…"


def test_block_quote_quotes_every_line() -> None:
    assert limits.block_quote("one\n\ntwo") == "> one\n>\n> two"


@given(
    st.lists(
        st.tuples(
            st.text(max_size=400),
            st.text(max_size=6000),
            st.lists(st.tuples(st.text(max_size=300), st.text(max_size=1500)), max_size=30),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_fit_embeds_keeps_every_limit(specs: list[tuple[str, str, list[tuple[str, str]]]]) -> None:
    embeds = []
    for title, description, fields in specs:
        embed = discord.Embed(title=title or None, description=description or None)
        for name, value in fields:
            embed.add_field(name=name, value=value)
        embed.set_footer(text="footer " * 10)
        embeds.append(embed)
    fitted = limits.fit_embeds(embeds)
    assert 1 <= len(fitted) <= limits.EMBEDS
    assert sum(limits.embed_size(e) for e in fitted) <= limits.EMBED_TOTAL
    for embed in fitted:
        assert len(embed.title or "") <= limits.EMBED_TITLE
        assert len(embed.description or "") <= limits.EMBED_DESCRIPTION
        assert len(embed.fields) <= limits.FIELDS
        assert all(0 < len(f.value or "") <= limits.FIELD_VALUE for f in embed.fields)
        assert all(0 < len(f.name or "") <= limits.FIELD_NAME for f in embed.fields)


def test_content_is_clipped_to_2000() -> None:
    assert limits.content("") is None
    text = limits.content("x " * 5000)
    assert text is not None and len(text) <= 2000


async def test_many_candidates_are_offered_in_a_select_within_limits() -> None:
    from bot.discordbot.views import ContributorChoice
    from bot.knowledge.model import Contributor

    people = [
        Contributor(f"c{i}", f"Contributor {'X' * 120} {i}", f"C{i}", (), "Uni " * 40, i, (i,))
        for i in range(30)
    ]

    async def choose(interaction: object, contributor_id: str) -> None:
        return None

    few = ContributorChoice(people[:5], choose)
    assert [type(c).__name__ for c in few.children] == ["Button"] * 5
    many = ContributorChoice(people, choose)
    [select] = many.children
    assert isinstance(select, discord.ui.Select)
    assert len(select.options) == 25
    assert all(len(o.label) <= 100 and len(o.description or "") <= 100 for o in select.options)


# -- cooldown and allow-list ----------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_cooldown_allows_rate_uses_per_window_per_user() -> None:
    clock = Clock()
    cooldown = Cooldown(rate=2, per=30, clock=clock)
    assert cooldown.hit(1) == 0 and cooldown.hit(1) == 0
    assert cooldown.hit(1) == pytest.approx(30)
    assert cooldown.hit(2) == 0  # another user
    clock.now += 10
    assert cooldown.hit(1) == pytest.approx(20)
    clock.now += 20
    assert cooldown.hit(1) == 0


def test_cooling_down_message_rounds_up() -> None:
    assert "in 3 seconds" in CoolingDown(2.1).user_message()
    assert "in 1 second." in CoolingDown(0.2).user_message()


def test_guard_checks_channel_then_cooldown() -> None:
    guard = Guard([10], Cooldown(1, 60, clock=Clock()))
    user = discord.Object(id=5)
    with pytest.raises(ChannelNotAllowed) as info:
        guard.check(SimpleNamespace(id=11), user)
    assert "<#10>" in info.value.user_message()
    guard.check(SimpleNamespace(id=12, parent_id=10), user)  # a thread in an allowed channel
    with pytest.raises(CoolingDown):
        guard.check(SimpleNamespace(id=10), user)
    assert Guard([], Cooldown(1, 60)).channel_allowed(SimpleNamespace(id=99))


def test_intents_follow_the_settings() -> None:
    assert make_intents(DiscordSettings()).message_content is False
    assert make_intents(DiscordSettings()).guild_messages is True
    quiet = make_intents(DiscordSettings(answer_mentions=False))
    assert not quiet.guild_messages and quiet.guilds
    assert make_intents(DiscordSettings(message_content=True)).message_content


# -- config ----------


def test_defaults_without_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("READING_BOT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config == Config(prompts=config.prompts)
    assert config.discord.api_base == "https://discord.com/api/v10"
    assert config.discord.shard_count is None and config.discord.prefix is None


def test_env_var_and_relative_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "conf.yaml"
    path.write_text("knowledge: kb\nprompts:\n  database: state/bot.db\n", encoding="utf-8")
    monkeypatch.setenv("READING_BOT_CONFIG", str(path))
    config = load_config(None)
    assert config.knowledge == tmp_path / "kb"
    assert config.prompts.database == tmp_path / "state" / "bot.db"


def test_example_config_documents_every_key() -> None:
    example = ROOT / "config.example.yaml"
    config = load_config(example)
    assert config.discord == DiscordSettings()
    assert config.prompts.open_thread is True and config.log_level == "INFO"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    assert set(data["discord"]) == set(DiscordSettings.__dataclass_fields__)
    assert set(data["prompts"]) == set(PromptsSettings.__dataclass_fields__)
    assert set(data["quiz"]) == set(QuizSettings.__dataclass_fields__)
    assert set(data) == {"knowledge", "reading", "discord", "prompts", "quiz", "log_level"}
    lines = [s.strip() for s in example.read_text(encoding="utf-8").splitlines()]
    keys = [
        *DiscordSettings.__dataclass_fields__,
        *PromptsSettings.__dataclass_fields__,
        *QuizSettings.__dataclass_fields__,
    ]
    for key in keys:
        at = next(i for i, s in enumerate(lines) if s.startswith(key + ":"))
        while at > 0 and lines[at - 1] and not lines[at - 1].startswith("#"):
            at -= 1  # a key sharing the comment of the key above
        assert lines[at - 1].startswith("#"), f"{key} has no comment in config.example.yaml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "discord:\n  prefx: '!ask'\n",
            "discord: unknown key 'prefx' (did you mean 'prefix'?); the discord: section may have",
        ),
        ("colour: blue\n", "top level: unknown key 'colour'; config.yaml may have: knowledge"),
        ("discord:\n  prefix: yes\n", "discord: 'prefix' must be text, not true/false (true)"),
        ("discord:\n  shard_count: 0\n", "discord: 'shard_count' must be 1 or more, not 0"),
        ("discord:\n  cooldown_seconds: soon\n", "discord: 'cooldown_seconds' must be a number"),
        ("discord:\n  message_content: maybe\n", "'message_content' must be true or false"),
        ("discord:\n  api_base: discord.com\n", "'api_base' 'discord.com' is not a URL"),
        ("discord:\n  allowed_channels: [12, x]\n", "'allowed_channels' item 2 must be a whole"),
        ("prompts:\n  moderator_roles: Mods\n", "prompts: 'moderator_roles' must be a list"),
        ("log_level: LOUD\n", "'log_level' 'LOUD' is not a known value; allowed: DEBUG, INFO"),
        ("discord: 3\n", "top level: 'discord' must be a section of indented key: value lines"),
        ("discord:\n  cooldown_rate: null\n", "'cooldown_rate' must be a whole number, not no"),
        ("discord:\n  conversation_minutes: 0\n", "'conversation_minutes' must be more than 0"),
        ("discord:\n  answer_workers: 0\n", "'answer_workers' must be 1 or more, not 0"),
        ("prompts:\n  lease_seconds: 9\n", "prompts: 'lease_seconds' must be 10 or more, not 9"),
        ("prompts:\n  lease_seconds: 2.5\n", "'lease_seconds' must be a whole number"),
        ("prompts:\n  default_timezone: Mars/Base\n", "'Mars/Base' is not a time zone name"),
        ("quiz:\n  round_seconds: 4\n", "quiz: 'round_seconds' must be 5 or more, not 4"),
        ("quiz:\n  round_seconds: 121\n", "quiz: 'round_seconds' must be 120 or less, not 121"),
        ("quiz:\n  rounds: 3\n", "quiz: unknown key 'rounds'"),
        ("- a\n", "must be a mapping"),
    ],
)
def test_config_problems_name_key_problem_and_allowed(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse(yaml.safe_load(text))
    assert expected in str(info.value)


def test_missing_file_names_where_it_was_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.yaml"
    with pytest.raises(ConfigError, match=r"not found: .*gone\.yaml \(given by --config\)"):
        load_config(missing)
    monkeypatch.setenv("READING_BOT_CONFIG", str(missing))
    with pytest.raises(ConfigError, match=r"given by \$READING_BOT_CONFIG"):
        load_config(None)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("discord:\n  prefix: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"c\.yaml: line \d+, column \d+: YAML syntax error"):
        load_config(path)


def test_token_key_is_rejected() -> None:
    with pytest.raises(ConfigError, match=r"discord: unknown key 'token'"):
        parse({"discord": {"token": "abc"}})


def test_channel_ids_may_be_quoted() -> None:
    config = parse({"discord": {"allowed_channels": ["123456789012345678", 5]}})
    assert config.discord.allowed_channels == (123456789012345678, 5)


# -- logs ----------


def test_token_is_redacted_from_logs(caplog: pytest.LogCaptureFixture) -> None:
    token = "MTIz.secret-token-value.XYZ"
    redact = RedactSecrets([token])
    caplog.handler.addFilter(redact)
    log = logging.getLogger("test.redact")
    with caplog.at_level(logging.INFO):
        log.info("connecting with %s", token)
        try:
            raise RuntimeError(f"bad token {token}")
        except RuntimeError:
            log.exception("failed")
    caplog.handler.removeFilter(redact)
    assert token not in caplog.text
    assert REDACTED in caplog.text


def test_a_refused_user_is_told_once_per_window() -> None:
    now = [0.0]
    cooldown = Cooldown(rate=1, per=30, clock=lambda: now[0])
    assert cooldown.note_due(1) and not cooldown.note_due(1)
    assert cooldown.note_due(2)  # per user
    now[0] = 29.9
    assert not cooldown.note_due(1)
    now[0] = 30.0
    assert cooldown.note_due(1)
    cooldown.reset()
    assert cooldown.note_due(1)


def test_new_discord_settings_are_read_and_checked() -> None:
    assert (DiscordSettings().answer_workers, DiscordSettings().conversation_minutes) == (4, 10.0)
    config = parse({"discord": {"answer_workers": 2, "conversation_minutes": 2.5}})
    assert (config.discord.answer_workers, config.discord.conversation_minutes) == (2, 2.5)
    with pytest.raises(ConfigError, match=r"discord: 'answer_workers' must be 1 or more, not 0"):
        parse({"discord": {"answer_workers": 0}})


def test_interaction_tokens_are_redacted_from_logs(caplog: pytest.LogCaptureFixture) -> None:
    redact = RedactSecrets([])
    caplog.handler.addFilter(redact)
    log = logging.getLogger("test.redact")
    with caplog.at_level(logging.DEBUG):
        log.debug("POST https://discord.com/api/v10/interactions/1/%s/callback", "aW50ZXJh.Y3Rp")
        log.debug("event %s", {"t": "INTERACTION_CREATE", "d": {"token": "aW50ZXJh.Y3Rp"}})
        log.debug("PATCH https://discord.com/api/v10/webhooks/2/aW50ZXJh.Y3Rp/messages/@original")
    caplog.handler.removeFilter(redact)
    assert "aW50ZXJh.Y3Rp" not in caplog.text
    assert caplog.text.count(REDACTED) == 3


def test_an_abstention_names_the_nearest_passages_without_answer_cards() -> None:
    from bot.discordbot.embeds import render_reply
    from bot.engine import Engine

    harbour = Engine.load(Path(__file__).resolve().parents[1] / "engine" / "fixtures",
                          "harbour-debate")
    shown = render_reply(harbour.ask("how much would dredging the harbour cost?"),
                         harbour.reading)
    assert shown.embeds == []
    assert "Nearest, though they don't answer it: Bill Marsh, paragraph 7" in (shown.content or "")
