"""JSON payloads shaped like Discord's, with just the fields discord.py 2.7 reads."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

JSON = dict[str, Any]

_counter = itertools.count(1)
_EPOCH_MS = 1420070400000


def snowflake() -> int:
    """A fresh, increasing, realistic-looking snowflake id."""
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    return ((now_ms - _EPOCH_MS) << 22) | (next(_counter) & 0x3FFFFF)


def now_iso() -> str:
    """The current time as Discord writes timestamps."""
    return datetime.now(UTC).isoformat()


ALL_PERMISSIONS = str((1 << 50) - 1)
MEMBER_PERMISSIONS = str(0x0000_0000_0007_4C40 | 0x8000_0000)  # view, send, embed, history...


def user(user_id: int, name: str, *, bot: bool = False) -> JSON:
    """A user object."""
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name.capitalize(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


def member(user_payload: JSON, roles: list[int] | None = None, *, permissions: str = "") -> JSON:
    """A guild member (with `permissions` when it is for an interaction)."""
    data: JSON = {
        "user": user_payload,
        "roles": [str(r) for r in roles or []],
        "joined_at": now_iso(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "pending": False,
        "avatar": None,
        "premium_since": None,
        "communication_disabled_until": None,
    }
    if permissions:
        data["permissions"] = permissions
    return data


def role(
    role_id: int, name: str, *, permissions: str = MEMBER_PERMISSIONS, position: int = 0
) -> JSON:
    """A guild role."""
    return {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": permissions,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def text_channel(channel_id: int, guild_id: int, name: str, position: int = 0) -> JSON:
    """A guild text channel."""
    return {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


def thread_channel(
    thread_id: int,
    guild_id: int,
    parent_id: int,
    name: str,
    owner_id: int,
    *,
    private: bool = False,
) -> JSON:
    """A public (type 11) or private (type 12) thread."""
    return {
        "id": str(thread_id),
        "type": 12 if private else 11,
        "guild_id": str(guild_id),
        "parent_id": str(parent_id),
        "owner_id": str(owner_id),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": now_iso(),
            "locked": False,
            "invitable": True,
            "create_timestamp": now_iso(),
        },
    }


def guild(
    guild_id: int,
    name: str,
    owner_id: int,
    *,
    roles: list[JSON],
    channels: list[JSON],
    members: list[JSON],
) -> JSON:
    """A full GUILD_CREATE payload; `member_count` equals the member list, so no chunking."""
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "premium_progress_bar_enabled": False,
        "preferred_locale": "en-US",
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "safety_alerts_channel_id": None,
        "vanity_url_code": None,
        "features": [],
        "emojis": [],
        "stickers": [],
        "roles": roles,
        "channels": channels,
        "threads": [],
        "members": members,
        "member_count": len(members),
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "joined_at": now_iso(),
        "large": False,
        "unavailable": False,
        "max_members": 500000,
    }


def message(
    message_id: int,
    channel_id: int,
    author: JSON,
    content: str = "",
    *,
    guild_id: int | None = None,
    author_member: JSON | None = None,
    mentions: list[JSON] | None = None,
    embeds: list[JSON] | None = None,
    components: list[JSON] | None = None,
    flags: int = 0,
    message_reference: JSON | None = None,
    interaction_metadata: JSON | None = None,
    webhook_id: int | None = None,
) -> JSON:
    """A message object, as in MESSAGE_CREATE or a REST response."""
    data: JSON = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": mentions or [],
        "mention_roles": [],
        "attachments": [],
        "embeds": embeds or [],
        "components": components or [],
        "pinned": False,
        "type": 0 if message_reference is None else 19,
        "flags": flags,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    if author_member is not None:
        data["member"] = {k: v for k, v in author_member.items() if k != "user"}
    if message_reference is not None:
        data["message_reference"] = message_reference
    if interaction_metadata is not None:
        data["interaction_metadata"] = interaction_metadata
    if webhook_id is not None:
        data["webhook_id"] = str(webhook_id)
    return data


def option_type(value: object) -> int:
    """The application-command option type of a Python value."""
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    return 3


def options(values: dict[str, Any], focused: str | None = None) -> list[JSON]:
    """Interaction options from a name -> value mapping (one may be the focused one)."""
    result: list[JSON] = []
    for name, value in values.items():
        option: JSON = {"name": name, "type": option_type(value), "value": value}
        if name == focused:
            option["focused"] = True
        result.append(option)
    return result
