"""Which conversation a message belongs to: one per member per channel, and reply chains.

A member's questions in a channel form one conversation (so "and Nathan?" is read against
what they asked before) until `quiet` seconds pass without a question; then the next one
starts afresh. A reply to one of the bot's messages continues the conversation that message
answered, whoever replies. Both maps are LRU-bounded, so memory stays flat however many
members and messages there are. The :class:`~bot.engine.conversation.Conversation` itself
is the engine's; this module only keeps it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.conversation import Conversation

MEMBERS = 10_000  # (channel, member) conversations kept at most
MESSAGES = 10_000  # bot messages whose conversation is remembered at most


@dataclass(slots=True)
class _Entry:
    conversation: Conversation
    last: float  # clock time of the last question
    reading: str | None = None  # the reading it is about (a new reading starts afresh)


class Conversations:
    """The conversations of every member and channel, forgotten after `quiet` seconds."""

    def __init__(
        self,
        quiet: float,
        *,
        members: int = MEMBERS,
        messages: int = MESSAGES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet = quiet
        self.clock = clock
        self._members: OrderedDict[tuple[int, int], _Entry] = OrderedDict()
        self._messages: OrderedDict[int, Conversation] = OrderedDict()
        self._readings: dict[int, str] = {}  # bot message id -> the reading it answered from
        self._member_cap = members
        self._message_cap = messages

    def __len__(self) -> int:
        return len(self._members)

    def current(
        self,
        channel_id: int,
        member_id: int,
        replying_to: int | None = None,
        reading: str | None = None,
    ) -> Conversation:
        """The conversation a question from `member_id` in `channel_id` belongs to.

        With `replying_to` (the id of a bot message the question replies to), that message's
        conversation when it is remembered; it becomes the member's one in the channel too.
        Otherwise the member's conversation there, or a new one after `quiet` seconds or
        when it was about another `reading` (a follow-up is read against one reading only).
        """
        now = self.clock()
        key = (channel_id, member_id)
        chained = self._messages.get(replying_to) if replying_to is not None else None
        if chained is not None:
            self._messages.move_to_end(replying_to)  # type: ignore[arg-type]
            conversation = chained
        else:
            entry = self._members.get(key)
            fresh = entry is None or now - entry.last >= self.quiet
            fresh = fresh or (entry is not None and entry.reading != reading)
            conversation = Conversation() if fresh or entry is None else entry.conversation
        self._members[key] = _Entry(conversation, now, reading)
        self._members.move_to_end(key)
        while len(self._members) > self._member_cap:
            self._members.popitem(last=False)
        return conversation

    def remember(
        self, message_id: int, conversation: Conversation, reading: str | None = None
    ) -> None:
        """Note that the bot's message `message_id` answered in `conversation` (from
        `reading`)."""
        self._messages[message_id] = conversation
        self._messages.move_to_end(message_id)
        if reading is not None:
            self._readings[message_id] = reading
        while len(self._messages) > self._message_cap:
            old, _ = self._messages.popitem(last=False)
            self._readings.pop(old, None)

    def reading_of(self, message_id: int) -> str | None:
        """The reading the bot's message `message_id` answered from, if remembered."""
        return self._readings.get(message_id)

    def of_message(self, message_id: int) -> Conversation | None:
        """The conversation the bot's message `message_id` answered in, if remembered."""
        return self._messages.get(message_id)
