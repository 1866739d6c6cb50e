"""Who may use the prompt commands: moderators only.

A moderator has Manage Messages in the channel concerned, or holds a role named in the
config (``prompts.moderator_roles``: role names, case-insensitive, or role ids).
"""

from __future__ import annotations

from collections.abc import Iterable

REFUSAL = (
    "Sorry, the prompt commands are for the study group's moderators (Manage Messages in "
    "this channel, or a moderator role). Ask a moderator if you'd like a prompt posted."
)


def is_moderator(
    *,
    manage_messages: bool,
    roles: Iterable[tuple[int, str]],
    moderator_roles: Iterable[str | int],
) -> bool:
    """True when the member may use the prompt commands.

    `roles` are the member's (id, name) pairs; `moderator_roles` the configured names or ids.
    """
    if manage_messages:
        return True
    wanted = {str(r).strip().lower() for r in moderator_roles if str(r).strip()}
    return any(str(rid) in wanted or name.strip().lower() in wanted for rid, name in roles)
