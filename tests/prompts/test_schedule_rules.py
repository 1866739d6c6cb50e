"""Schedule rules: parsing `when`, slots in a time zone across DST, and the due decision."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.prompts.schedule import Rule, ScheduleError, decide, parse_when, suggest_zones

BERLIN = "Europe/Berlin"


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
       second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("daily 18:00", Rule(None, time(18, 0), "UTC")),
        ("weekly monday 18:00 Europe/Berlin", Rule(0, time(18, 0), BERLIN)),
        ("Mondays at 6pm europe/berlin", Rule(0, time(18, 0), BERLIN)),
        ("every day at 9am", Rule(None, time(9, 0), "UTC")),
        ("fri 07:30", Rule(4, time(7, 30), "UTC")),
        ("weekly sun 12am UTC", Rule(6, time(0, 0), "UTC")),
    ],
)
def test_parse_when(when: str, expected: Rule) -> None:
    assert parse_when(when) == expected


def test_parse_when_takes_zone_argument_and_default() -> None:
    assert parse_when("daily 18:00", "Asia/Shanghai").tz == "Asia/Shanghai"
    assert parse_when("daily 18:00", default_tz=BERLIN).tz == BERLIN


@pytest.mark.parametrize(
    "when",
    ["18:00", "weekly 18:00", "daily monday 18:00", "daily 25:00", "daily noonish",
     "daily 18:00 Mars/Olympus", "monday tuesday 10:00", "daily 13pm"],
)
def test_parse_when_rejects(when: str) -> None:
    with pytest.raises(ScheduleError):
        parse_when(when)


def test_encode_round_trips() -> None:
    for rule in (Rule(None, time(9, 5), "UTC"), Rule(3, time(18, 0), BERLIN)):
        assert parse_when(rule.encode()) == rule
    assert Rule(0, time(18, 0), BERLIN).describe() == "every Monday at 18:00 (Europe/Berlin)"


def test_suggest_zones() -> None:
    assert "Europe/Berlin" in suggest_zones("berl")
    assert suggest_zones("")[0] == "UTC"
    assert len(suggest_zones("a")) <= 25


def test_daily_slots_follow_berlin_wall_clock_across_spring_forward() -> None:
    rule = parse_when("daily 18:00 Europe/Berlin")
    slots = list(rule.slots_between(at(2024, 3, 29), at(2024, 4, 2)))
    # 18:00 CET is 17:00 UTC; from Sunday 31 March 18:00 CEST is 16:00 UTC.
    assert slots == [at(2024, 3, 29, 17), at(2024, 3, 30, 17), at(2024, 3, 31, 16),
                     at(2024, 4, 1, 16)]


def test_nonexistent_and_repeated_local_times_give_one_slot_per_day() -> None:
    rule = parse_when("daily 02:30 Europe/Berlin")
    spring = list(rule.slots_between(at(2024, 3, 30, 12), at(2024, 3, 31, 12)))
    assert spring == [at(2024, 3, 31, 1, 30)]  # 02:30 does not exist: 03:30 CEST
    autumn = list(rule.slots_between(at(2024, 10, 26, 12), at(2024, 10, 27, 12)))
    assert autumn == [at(2024, 10, 27, 0, 30)]  # 02:30 happens twice: the first one


@given(
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2037, 1, 1)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    zone=st.sampled_from([BERLIN, "America/New_York", "Australia/Lord_Howe", "UTC"]),
)
def test_exactly_one_slot_per_local_day(start: datetime, hour: int, minute: int,
                                        zone: str) -> None:
    rule = Rule(None, time(hour, minute), zone)
    begin = start.replace(tzinfo=UTC)
    slots = list(rule.slots_between(begin, begin + timedelta(days=10)))
    days = [s.astimezone(rule.zone).date() for s in slots]
    assert len(days) == len(set(days))
    assert 9 <= len(slots) <= 11
    assert all(b > a for a, b in itertools.pairwise(slots))
    assert rule.latest_slot(begin + timedelta(days=10)) == slots[-1]
    assert rule.next_slot(begin) == slots[0]


def test_decide_between_slots_posts_nothing() -> None:
    rule = parse_when("daily 18:00")
    assert decide(rule, at(2024, 1, 1, 18), at(2024, 1, 2, 12), timedelta(hours=1)).post is None


def test_decide_missed_slot_within_and_beyond_grace() -> None:
    rule = parse_when("daily 18:00")
    grace = timedelta(minutes=30)
    within = decide(rule, at(2024, 1, 1, 18), at(2024, 1, 2, 18, 20), grace)
    assert within.post == at(2024, 1, 2, 18)
    beyond = decide(rule, at(2024, 1, 1, 18), at(2024, 1, 2, 18, 31), grace)
    assert beyond.post is None
    assert beyond.latest == at(2024, 1, 2, 18)


def test_decide_two_slots_passed_posts_only_the_latest() -> None:
    rule = parse_when("daily 18:00")
    decision = decide(rule, at(2024, 1, 1, 18), at(2024, 1, 3, 18, 5), timedelta(hours=1))
    assert decision.post == at(2024, 1, 3, 18)
    assert decision.skipped == (at(2024, 1, 2, 18),)


@pytest.mark.parametrize(
    ("when", "tz", "expected"),
    [
        ("tuesdays 19:00 EST", None, Rule(1, time(19, 0), "America/New_York")),
        ("fridays 7pm ET", None, Rule(4, time(19, 0), "America/New_York")),
        ("weekly monday 18:00 cet", None, Rule(0, time(18, 0), BERLIN)),
        ("daily 9am", "CET", Rule(None, time(9, 0), BERLIN)),
        ("daily 9am", "pst", Rule(None, time(9, 0), "America/Los_Angeles")),
        ("every monday at 6pm GMT", None, Rule(0, time(18, 0), "UTC")),
    ],
)
def test_zone_abbreviations_are_read_as_a_zone(when: str, tz: str | None,
                                               expected: Rule) -> None:
    from bot.prompts.schedule import read_when

    parsed = read_when(when, tz)
    assert parsed.rule == expected
    if expected.tz != "UTC":
        assert f"is read as {expected.tz}" in parsed.note


def test_no_zone_uses_the_default_and_says_so() -> None:
    from bot.prompts.schedule import read_when

    parsed = read_when("every monday at 6pm", default_tz=BERLIN)
    assert parsed.rule == Rule(0, time(18, 0), BERLIN)
    assert parsed.note.startswith("No time zone given, so this uses Europe/Berlin")
    assert read_when("every monday at 6pm").note.startswith("No time zone given, so this "
                                                            "uses UTC")
    assert read_when("daily 18:00 Europe/Berlin").note == ""


@pytest.mark.parametrize("when", ["tuesdays 19:00 XYZ", "daily 18:00 Mars/Olympus"])
def test_an_unknown_zone_says_what_is_accepted(when: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_when(when)
    message = str(caught.value)
    assert "Europe/Berlin" in message and "EST" in message and "CET" in message
    assert "give a time" not in message  # not the misleading message of before


def test_config_has_the_lease_and_the_default_zone() -> None:
    from bot.config import ConfigError, PromptsSettings, parse_config

    assert (PromptsSettings().lease_seconds, PromptsSettings().default_timezone) == (120, "UTC")
    config = parse_config({"prompts": {"lease_seconds": 30, "default_timezone": "cet"}})
    assert (config.prompts.lease_seconds, config.prompts.default_timezone) == (30, BERLIN)
    with pytest.raises(ConfigError, match=r"prompts: 'default_timezone' .* is not a time zone"):
        parse_config({"prompts": {"default_timezone": "Mars/Olympus"}})
    with pytest.raises(ConfigError, match=r"prompts: 'lease_seconds' must be 10 or more"):
        parse_config({"prompts": {"lease_seconds": 0}})
