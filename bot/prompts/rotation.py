"""A server's prompt rotation: every prompt once per cycle, in a shuffled but stable order.

The order of a cycle is a hash of (server, cycle, prompt id), so it differs between servers
and cycles, needs no stored state beyond which prompts were used, and stays the same when
prompts are added or removed mid-cycle. The state itself (current cycle, used prompts) lives
in :class:`bot.prompts.store.Store`, which calls :func:`pick` inside one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence


def cycle_order(prompt_ids: Sequence[str], guild_id: int, cycle: int) -> list[str]:
    """The order in which a cycle offers the prompts (duplicates dropped)."""

    def key(prompt_id: str) -> bytes:
        return hashlib.sha256(f"{guild_id}:{cycle}:{prompt_id}".encode()).digest()

    return sorted(dict.fromkeys(prompt_ids), key=key)


def pick(
    prompt_ids: Sequence[str],
    used: Collection[str],
    guild_id: int,
    cycle: int,
    last: str | None = None,
) -> str | None:
    """The next unused prompt of this cycle, or None when every prompt has been used.

    `last` (the prompt posted just before) is passed over while another is available, so a
    new cycle never opens with the prompt that closed the previous one.
    """
    left = [p for p in cycle_order(prompt_ids, guild_id, cycle) if p not in used]
    if not left:
        return None
    fresh = [p for p in left if p != last]
    return (fresh or left)[0]
