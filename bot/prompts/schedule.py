"""Schedules: daily or weekly slots at a local time in an IANA time zone, and which slot is due.

Everything here is pure: the current time is always passed in (an injected clock), so the
rules are tested without sleeping. Slots are identified by their instant in UTC.

Daylight saving: a slot is the wall-clock time in the schedule's zone on each matching day.
When that time does not exist (spring forward, e.g. 02:30 in Berlin on the last Sunday of
March) the slot falls at the same distance after the gap (03:30 local); when it occurs twice
(fall back) only the first occurrence is a slot. So every matching day has exactly one slot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TIME = re.compile(r"^(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


class ScheduleError(ValueError):
    """A `when` that cannot be understood; the message says what is allowed."""


@dataclass(frozen=True, slots=True)
class Rule:
    """When a schedule fires: every day, or one weekday, at a local time in a time zone."""

    weekday: int | None  # 0 = Monday ... 6 = Sunday; None = daily
    at: time  # local wall-clock time (hours and minutes)
    tz: str  # IANA zone name, e.g. "Europe/Berlin"

    @property
    def zone(self) -> ZoneInfo:
        """The zone as a tzinfo."""
        return ZoneInfo(self.tz)

    def describe(self) -> str:
        """Plain words: 'every Monday at 18:00 (Europe/Berlin)'."""
        day = "every day" if self.weekday is None else f"every {WEEKDAYS[self.weekday].title()}"
        return f"{day} at {self.at:%H:%M} ({self.tz})"

    def encode(self) -> str:
        """A compact stable form for storage: 'weekly mon 18:00 Europe/Berlin'."""
        if self.weekday is None:
            return f"daily {self.at:%H:%M} {self.tz}"
        return f"weekly {WEEKDAYS[self.weekday][:3]} {self.at:%H:%M} {self.tz}"

    def slot_on(self, day: date) -> datetime | None:
        """The slot (in UTC) on this local date, or None when the rule skips that day."""
        if self.weekday is not None and day.weekday() != self.weekday:
            return None
        local = datetime.combine(day, self.at, tzinfo=self.zone)  # fold=0: first occurrence
        return local.astimezone(UTC)

    def slots_between(self, start: datetime, end: datetime) -> Iterator[datetime]:
        """Every slot s with start < s <= end (aware datetimes), in order."""
        zone = self.zone
        day = start.astimezone(zone).date() - timedelta(days=1)
        last = end.astimezone(zone).date() + timedelta(days=1)
        while day <= last:
            slot = self.slot_on(day)
            if slot is not None and start < slot <= end:
                yield slot
            day += timedelta(days=1)

    def latest_slot(self, now: datetime) -> datetime:
        """The most recent slot at or before `now`."""
        zone = self.zone
        day = now.astimezone(zone).date() + timedelta(days=1)
        while True:
            slot = self.slot_on(day)
            if slot is not None and slot <= now:
                return slot
            day -= timedelta(days=1)

    def next_slot(self, now: datetime) -> datetime:
        """The first slot strictly after `now`."""
        zone = self.zone
        day = now.astimezone(zone).date() - timedelta(days=1)
        while True:
            slot = self.slot_on(day)
            if slot is not None and slot > now:
                return slot
            day += timedelta(days=1)


# Common abbreviations people write after a time, each read as one IANA zone (which follows
# that region's daylight saving: "EST" in July is EDT, as a person writing it means).
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "ET": ("America/New_York", "US Eastern time"),
    "EST": ("America/New_York", "US Eastern time"),
    "EDT": ("America/New_York", "US Eastern time"),
    "CT": ("America/Chicago", "US Central time"),
    "CST": ("America/Chicago", "US Central time"),
    "CDT": ("America/Chicago", "US Central time"),
    "MT": ("America/Denver", "US Mountain time"),
    "MST": ("America/Denver", "US Mountain time"),
    "MDT": ("America/Denver", "US Mountain time"),
    "PT": ("America/Los_Angeles", "US Pacific time"),
    "PST": ("America/Los_Angeles", "US Pacific time"),
    "PDT": ("America/Los_Angeles", "US Pacific time"),
    "AKST": ("America/Anchorage", "Alaska time"),
    "HST": ("Pacific/Honolulu", "Hawaii time"),
    "BST": ("Europe/London", "UK time"),
    "WET": ("Europe/Lisbon", "Western European time"),
    "WEST": ("Europe/Lisbon", "Western European time"),
    "CET": ("Europe/Berlin", "Central European time"),
    "CEST": ("Europe/Berlin", "Central European time"),
    "EET": ("Europe/Athens", "Eastern European time"),
    "EEST": ("Europe/Athens", "Eastern European time"),
    "MSK": ("Europe/Moscow", "Moscow time"),
    "IST": ("Asia/Kolkata", "India time"),
    "HKT": ("Asia/Hong_Kong", "Hong Kong time"),
    "SGT": ("Asia/Singapore", "Singapore time"),
    "JST": ("Asia/Tokyo", "Japan time"),
    "KST": ("Asia/Seoul", "Korea time"),
    "AEST": ("Australia/Sydney", "Australian Eastern time"),
    "AEDT": ("Australia/Sydney", "Australian Eastern time"),
    "AWST": ("Australia/Perth", "Australian Western time"),
    "NZST": ("Pacific/Auckland", "New Zealand time"),
    "NZDT": ("Pacific/Auckland", "New Zealand time"),
}
_UTC_NAMES = ("UTC", "Z", "GMT")

ACCEPTED_ZONES = (
    "an IANA name such as Europe/Berlin, America/New_York or UTC, or a common abbreviation ("
    + ", ".join(sorted({"UTC", "GMT", *ABBREVIATIONS}, key=lambda a: (len(a), a))) + ")"
)


def _is_zone_word(word: str) -> bool:
    return "/" in word or word.upper() in _UTC_NAMES or word.upper() in ABBREVIATIONS


def read_zone(name: str) -> tuple[str, str]:
    """The IANA zone `name` means (a zone name, any case, or an abbreviation) and, for an
    abbreviation, a note saying how it was read; ScheduleError naming what is accepted."""
    wanted = name.strip()
    if wanted.upper() in _UTC_NAMES:
        return "UTC", ""
    if wanted.upper() in ABBREVIATIONS:
        zone, region = ABBREVIATIONS[wanted.upper()]
        return zone, f"{wanted.upper()} is read as {zone} ({region}, daylight saving included)."
    for zone in _zones():
        if zone.lower() == wanted.lower():
            wanted = zone
            break
    try:
        ZoneInfo(wanted)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"unknown time zone {name!r}: use {ACCEPTED_ZONES}") from None
    return wanted, ""


def check_zone(name: str) -> str:
    """The canonical IANA zone for `name` (a zone name, any case, or an abbreviation), or
    ScheduleError."""
    return read_zone(name)[0]


_ZONES: list[str] = []


def _zones() -> list[str]:
    if not _ZONES:
        _ZONES.extend(sorted(available_timezones()))
    return _ZONES


def suggest_zones(partial: str, limit: int = 25) -> list[str]:
    """Time zone names containing `partial` (for autocomplete), common ones first."""
    common = ["UTC", "Europe/Berlin", "Europe/London", "America/New_York",
              "America/Los_Angeles", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo"]
    needle = partial.strip().lower().replace(" ", "_")
    pool = common + [z for z in _zones() if z not in common]
    return [z for z in pool if needle in z.lower()][:limit]


@dataclass(frozen=True, slots=True)
class When:
    """A parsed `when`: the rule, and a note on how its zone was chosen ('' when named)."""

    rule: Rule
    note: str = ""


def parse_when(when: str, tz: str | None = None, default_tz: str = "UTC") -> Rule:
    """Parse 'daily 18:00', 'weekly monday 18:00 Europe/Berlin', 'mondays at 6pm', ...

    The zone is the last word when it looks like one (contains '/', or is UTC or a common
    abbreviation such as EST or CET), else `tz`, else `default_tz`. Raises ScheduleError
    with what is allowed.
    """
    return read_when(when, tz, default_tz).rule


def read_when(when: str, tz: str | None = None, default_tz: str = "UTC") -> When:
    """:func:`parse_when`, with a note saying which zone was used when it was not named."""
    words = when.replace(",", " ").split()
    zone = tz
    if words and _is_zone_word(words[-1]):
        zone = words.pop()
    if zone:
        zone, note = read_zone(zone)
    else:
        zone, note = read_zone(default_tz)
        note = (f"No time zone given, so this uses {zone} (the bot's default); name one to "
                "change it, e.g. 'weekly monday 18:00 Europe/Berlin' or '7pm ET'.")
    weekday: int | None = None
    daily = False
    rest: list[str] = []
    for word in words:
        low = word.lower().rstrip("s") if len(word) > 3 else word.lower()
        if low in ("daily", "every", "day", "each", "weekly", "on", "everyday", "week"):
            daily = daily or low in ("daily", "day", "everyday")
            continue
        day = _weekday(low)
        if day is not None:
            if weekday is not None and weekday != day:
                raise ScheduleError("name one weekday only (or say daily)")
            weekday = day
            continue
        rest.append(word)
    if daily and weekday is not None:
        raise ScheduleError("say either daily or a weekday, not both")
    if weekday is None and not daily:
        if any(w.lower() in ("weekly", "week") for w in words):
            raise ScheduleError(f"{when!r}: weekly needs a weekday, e.g. 'weekly monday 18:00'")
        raise ScheduleError(
            f"{when!r}: say when, e.g. 'daily 18:00' or 'weekly monday 18:00 Europe/Berlin'"
        )
    if len(rest) > 1 and rest[-1].isalpha() and _TIME.match(" ".join(rest[:-1])):
        raise ScheduleError(f"{when!r}: {rest[-1]!r} is not a time zone I know; use "
                            f"{ACCEPTED_ZONES}")
    at = _parse_time(" ".join(rest), when)
    return When(Rule(weekday=weekday, at=at, tz=zone), note)


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for i, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return i
    return None


def _parse_time(text: str, when: str) -> time:
    match = _TIME.match(text.strip())
    if not match:
        raise ScheduleError(f"{when!r}: give a time such as 18:00 or 6pm")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"{when!r}: with am/pm the hour is 1 to 12")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ScheduleError(f"{when!r}: the time must be between 00:00 and 23:59")
    return time(hour, minute)


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do about a schedule now: post `post` (if any); `skipped` slots are let go."""

    post: datetime | None
    skipped: tuple[datetime, ...] = ()

    @property
    def latest(self) -> datetime | None:
        """The newest slot this decision settles (posted or skipped)."""
        candidates = [*self.skipped, *([self.post] if self.post else [])]
        return max(candidates) if candidates else None


def decide(rule: Rule, after: datetime, now: datetime, grace: timedelta) -> Decision:
    """Which slot to post now, given that every slot up to `after` is already settled.

    Only the newest slot in (after, now] can be posted, and only while `now - slot <= grace`:
    when the bot was down over several slots it posts once, for the latest; older slots and a
    latest slot beyond the grace window are skipped (never posted late or twice).
    """
    slots = list(rule.slots_between(after, now))
    if not slots:
        return Decision(post=None)
    newest = slots[-1]
    if now - newest <= grace:
        return Decision(post=newest, skipped=tuple(slots[:-1]))
    return Decision(post=None, skipped=tuple(slots))


def effective_grace(grace_minutes: float, tick_seconds: float) -> timedelta:
    """How late a scheduled slot may still be posted: the configured grace window, but at
    least two scheduler ticks, so a slot the loop reaches a few seconds late (as it always
    does) is posted, even with ``grace_minutes: 0`` ("no catch-up after downtime")."""
    return max(timedelta(minutes=grace_minutes), timedelta(seconds=2 * tick_seconds))


def utc(dt: datetime) -> datetime:
    """An aware datetime in UTC (naive input is taken as UTC)."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def encode_instant(dt: datetime) -> str:
    """The storage form of an instant: ISO 8601 in UTC, to the second ('...+00:00')."""
    return utc(dt).replace(microsecond=0).isoformat()


def decode_instant(text: str) -> datetime:
    """Inverse of :func:`encode_instant`."""
    return utc(datetime.fromisoformat(text))


def slot_marker(rule: Rule, slot: datetime) -> str:
    """The stable text that marks a scheduled post as the one for `slot` (in its footer).

    Local wall-clock time in the schedule's zone, locale-independent, e.g.
    'Scheduled prompt · 2026-11-30 18:00 Europe/Berlin'. A channel has one schedule and a
    rule one slot per day, so the marker names one slot of that channel.
    """
    local = slot.astimezone(rule.zone)
    return f"Scheduled prompt · {local:%Y-%m-%d %H:%M} {rule.tz}"


class Recovery(StrEnum):
    """What to do about a slot that was claimed but never recorded as posted."""

    WAIT = "wait"  # the claim is recent: its claimant may still be posting
    CHECK = "check"  # look for the post in the channel; post it if it is not there
    MISSED = "missed"  # too late to post: let it go


def recovery(
    slot: datetime, claimed_at: datetime, now: datetime, grace: timedelta, lease: timedelta
) -> Recovery:
    """Decide about a claimed, unfinished slot (the claimant died, or failed to record it).

    A claim younger than `lease` may still be in flight (in another process), so it is left
    alone; an older one is checked and, if need be, posted while `now - slot <= grace`, and
    beyond that window it is let go as missed.
    """
    if now - claimed_at < lease:
        return Recovery.WAIT
    if now - slot > grace:
        return Recovery.MISSED
    return Recovery.CHECK
