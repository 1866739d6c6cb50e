"""Why a moderator may not see ``/prompt``, and what to tell them.

The ``/prompt`` group is registered with ``default_permissions=manage_messages``, so Discord
hides it from every member without Manage Messages, including members whose only
moderator standing is a role named in ``prompts.moderator_roles``. Only the server's
settings can show it to them (Server Settings > Integrations > the bot > ``/prompt`` >
Add roles or members). This module spots such roles so the bot can say so.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import discord

PROMPT_COMMAND = "prompt"


def hidden_moderator_roles(
    guild: discord.Guild,
    moderator_roles: Iterable[str | int],
    allowed_role_ids: Collection[int] = (),
) -> list[discord.Role]:
    """The guild's roles named (or given by id) in `moderator_roles` whose members Discord
    hides ``/prompt`` from: the role lacks Manage Messages (and Administrator), and the
    server has not allowed it in Integrations (`allowed_role_ids`, when known)."""
    wanted = {str(r).strip().lower() for r in moderator_roles if str(r).strip()}
    found = []
    for role in guild.roles:
        if str(role.id) not in wanted and role.name.strip().lower() not in wanted:
            continue
        perms = role.permissions
        if perms.manage_messages or perms.administrator or role.id in allowed_role_ids:
            continue
        found.append(role)
    return found


def integrations_hint(roles: Sequence[discord.Role], bot_name: str = "the bot") -> str | None:
    """What to do so members with `roles` see ``/prompt`` (None when `roles` is empty)."""
    if not roles:
        return None
    names = ", ".join(f"“{r.name}”" for r in roles[:5])
    those = "that role" if len(roles) == 1 else "those roles"
    return (
        f"Members whose moderator role is {names} (without Manage Messages) can't see "
        f"/{PROMPT_COMMAND}: Discord hides it from anyone without Manage Messages. To show "
        f"it to them, open Server Settings > Integrations > {bot_name} > /{PROMPT_COMMAND} "
        f"> Add roles or members, and add {those}."
    )


def prompt_visibility_note(
    guild: discord.Guild | None,
    moderator_roles: Iterable[str | int],
    allowed_role_ids: Collection[int] = (),
) -> str | None:
    """The hint for `guild`, or None when every configured moderator role sees ``/prompt``
    (or outside a server). For the prompts cog's replies to moderators."""
    if guild is None:
        return None
    roles = hidden_moderator_roles(guild, moderator_roles, allowed_role_ids)
    return integrations_hint(roles, guild.me.display_name if guild.me else "the bot")
