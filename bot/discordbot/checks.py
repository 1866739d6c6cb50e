"""Who may ask where, and how often: the channel allow-list and the per-user cooldown."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterable

import discord
from discord import app_commands

TIDY_ABOVE = 10_000  # users remembered before idle ones are forgotten


class ChannelNotAllowed(app_commands.CheckFailure):
    """The bot does not answer in this channel."""

    def __init__(self, allowed: tuple[int, ...]) -> None:
        self.allowed = allowed
        super().__init__("not an allowed channel")

    def user_message(self) -> str:
        """Where the bot does answer."""
        where = ", ".join(f"<#{cid}>" for cid in self.allowed[:10])
        return f"I only answer questions in {where}."


class CoolingDown(app_commands.CheckFailure):
    """The user asked too often; `retry_after` seconds until the next question."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(f"cooling down for {retry_after:.1f}s")

    def user_message(self) -> str:
        """A polite note with the whole seconds left."""
        seconds = max(1, math.ceil(self.retry_after))
        unit = "second" if seconds == 1 else "seconds"
        return f"You're asking faster than I can keep up. Please try again in {seconds} {unit}."


class Cooldown:
    """At most `rate` uses per user in any window of `per` seconds (sliding window)."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.per = per
        self.clock = clock
        self._uses: dict[int, deque[float]] = {}
        self._noted: dict[int, float] = {}  # user -> when they were last told to slow down

    def hit(self, user_id: int) -> float:
        """Record a use; returns 0.0 when allowed, else the seconds to wait (use not counted)."""
        if self.per <= 0:
            return 0.0
        now = self.clock()
        uses = self._uses.setdefault(user_id, deque())
        while uses and now - uses[0] >= self.per:
            uses.popleft()
        if len(uses) >= self.rate:
            return self.per - (now - uses[0])
        uses.append(now)
        if len(self._uses) > TIDY_ABOVE:  # forget idle users now and then
            self._uses = {k: v for k, v in self._uses.items() if v and now - v[-1] < self.per}
        return 0.0

    def note_due(self, user_id: int) -> bool:
        """Whether a refused user should be told so: once per window of `per` seconds, so a
        member who keeps asking gets one note, not one per message."""
        now = self.clock()
        last = self._noted.get(user_id)
        if last is not None and now - last < self.per:
            return False
        self._noted[user_id] = now
        if len(self._noted) > TIDY_ABOVE:  # forget old notes now and then
            self._noted = {k: t for k, t in self._noted.items() if now - t < self.per}
        return True

    def reset(self) -> None:
        """Forget every use and note."""
        self._uses.clear()
        self._noted.clear()


class Guard:
    """The channel allow-list and the cooldown together, for commands and mentions alike."""

    def __init__(self, allowed_channels: Iterable[int], cooldown: Cooldown) -> None:
        self.allowed = tuple(allowed_channels)
        self.cooldown = cooldown

    def channel_allowed(self, channel: object) -> bool:
        """True when the list is empty or has the channel (or a thread's parent channel)."""
        if not self.allowed:
            return True
        ids = {getattr(channel, "id", None), getattr(channel, "parent_id", None)}
        return any(cid in self.allowed for cid in ids if cid is not None)

    def check(self, channel: object, user: discord.abc.Snowflake) -> None:
        """Raise :class:`ChannelNotAllowed` or :class:`CoolingDown` when the user may not ask."""
        if not self.channel_allowed(channel):
            raise ChannelNotAllowed(self.allowed)
        wait = self.cooldown.hit(user.id)
        if wait > 0:
            raise CoolingDown(wait)
