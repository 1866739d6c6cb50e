"""A loopback Discord: REST API and gateway websocket on 127.0.0.1, for the real discord.py.

The fake holds one guild with a few channels, roles and members, records every REST
request the bot makes, and lets a test inject gateway events (a message, a slash
command, an autocomplete request, a button click) and then await the bot's request.

    fake = FakeDiscord()
    await fake.start()
    ...  # connect the bot to fake.api_base / fake.gateway_url with token fake.token
    msg = await fake.send_message("<@bot> what did Nathan say?", mention_bot=True)
    reply = await fake.reply_to(msg)          # the bot's POST /channels/{id}/messages
    inter = await fake.slash("ask", {"question": "..."})
    response = await fake.response_to(inter)  # the bot's interaction callback
    await fake.close()

A channel's history (``GET /channels/{id}/messages``, newest first, honouring ``limit``,
``before`` and ``after``) lists the messages the fake knows there; a message sent with a
nonce and ``enforce_nonce`` that was already used in the channel returns the first message,
as Discord does. :meth:`FakeDiscord.posted_in` lists what the bot posted in a channel.
Extra REST routes for features the defaults do not cover can be added with
:meth:`FakeDiscord.route`.

Faults can be injected with :meth:`FakeDiscord.inject`: a 429 with ``retry_after``, a 5xx
(optionally after the request took effect, as when Discord times out internally), or a
slow answer. Like Discord, the fake refuses a second response to an interaction (400,
code 40060 "already acknowledged") and follow-ups to one never acknowledged (404, 10015).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from fakediscord import payloads as p
from fakediscord.payloads import JSON

API_PREFIX = "/api/v10"
HEARTBEAT_MS = 41250
EPHEMERAL = 64


@dataclass
class Request:
    """One REST request the bot made."""

    method: str
    path: str  # without the /api/v10 prefix, e.g. "/channels/1/messages"
    query: dict[str, str]
    json: Any  # the JSON body (for multipart, its payload_json), or None
    headers: dict[str, str] = field(repr=False, default_factory=dict)
    status: int = 0  # the status the fake answered with (set once answered)
    files: dict[str, bytes] = field(repr=False, default_factory=dict)  # uploads, by file name

    def match(self, method: str | None, path: str | re.Pattern[str] | None) -> bool:
        """True when the method equals `method` and the path matches `path` (a regex)."""
        if method is not None and self.method != method.upper():
            return False
        if path is None:
            return True
        pattern = re.compile(path) if isinstance(path, str) else path
        return pattern.fullmatch(self.path) is not None


Handler = Callable[["FakeDiscord", Request, re.Match[str]], Awaitable[tuple[int, Any]]]


@dataclass
class _Shard:
    ws: web.WebSocketResponse
    shard_id: int = 0
    shard_count: int = 1
    seq: int = 0
    identified: bool = False


class FakeDiscord:
    """The fake server; see the module docstring. All ids are snowflakes it made up."""

    def __init__(self, token: str = "fake-bot-token.XXXXXX.YYYYYYYYYYYYYYYY") -> None:
        self.token = token
        self.application_id = p.snowflake()
        self.bot_user = p.user(self.application_id, "readingbot", bot=True)
        self.guild_id = p.snowflake()
        self.owner = p.user(p.snowflake(), "owner")
        self.alice = p.user(p.snowflake(), "alice")
        self.bob = p.user(p.snowflake(), "bob")
        self.moderator = p.user(p.snowflake(), "mod")
        self.moderator_role_id = p.snowflake()
        self.channel_id = p.snowflake()
        self.other_channel_id = p.snowflake()
        self.roles: list[JSON] = [
            p.role(self.guild_id, "@everyone"),
            p.role(self.moderator_role_id, "Moderator", position=1),
        ]
        self.channels: list[JSON] = [
            p.text_channel(self.channel_id, self.guild_id, "reading-group", 0),
            p.text_channel(self.other_channel_id, self.guild_id, "off-topic", 1),
        ]
        self.members: dict[str, JSON] = {}
        for u, roles in (
            (self.bot_user, []),
            (self.owner, []),
            (self.alice, []),
            (self.bob, []),
            (self.moderator, [self.moderator_role_id]),
        ):
            self.members[u["id"]] = p.member(u, roles)
        self.requests: list[Request] = []
        self.messages: dict[str, JSON] = {}  # every message the fake knows, by id
        self.nonces: dict[tuple[str, str], str] = {}  # (channel id, nonce) -> message id
        self.commands: dict[str | None, list[JSON]] = {}  # synced commands by guild id
        self.interactions: dict[str, JSON] = {}  # injected interactions by token
        self.identifies: list[JSON] = []
        self.gateway_bot_shards = 1
        self.privileged_intents = 0  # intents enabled in the "portal"; others close with 4014
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.faults: list[Fault] = []
        self._shards: list[_Shard] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._add_default_routes()

    # -- lifecycle ----------

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close every websocket and stop the server."""
        for shard in list(self._shards):
            await shard.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        """What to put in ``discord.api_base``."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """What to put in ``discord.gateway``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- people and places ----------

    def member_of(self, user: JSON) -> JSON:
        """The guild member object of a user."""
        return self.members[user["id"]]

    def channel(self, channel_id: int | str) -> JSON:
        """A channel (or thread) of the guild by id."""
        for channel in self.channels:
            if channel["id"] == str(channel_id):
                return channel
        raise KeyError(channel_id)

    def add_role(self, name: str, permissions: str = p.MEMBER_PERMISSIONS) -> int:
        """Add a role to the guild (before the bot connects); returns its id."""
        role_id = p.snowflake()
        self.roles.append(
            p.role(role_id, name, permissions=permissions, position=len(self.roles))
        )
        return role_id

    def add_member(self, name: str, roles: list[int] | None = None) -> JSON:
        """Add a member (before the bot connects); returns the user object."""
        u = p.user(p.snowflake(), name)
        self.members[u["id"]] = p.member(u, roles)
        return u

    def guild_payload(self) -> JSON:
        """The guild as sent in GUILD_CREATE."""
        return p.guild(
            self.guild_id,
            "Reading Group",
            int(self.owner["id"]),
            roles=self.roles,
            channels=[c for c in self.channels if c["type"] in (0, 2, 4, 5, 15)],
            members=list(self.members.values()),
        )

    # -- recording and waiting ----------

    async def _record(self, request: Request) -> None:
        async with self._changed:
            self.requests.append(request)
            self._changed.notify_all()

    def find(
        self, method: str | None = None, path: str | None = None, *, since: int = 0
    ) -> list[Request]:
        """Recorded requests matching `method` and the regex `path`, from index `since`."""
        return [r for r in self.requests[since:] if r.match(method, path)]

    async def wait_for(
        self,
        method: str | None = None,
        path: str | None = None,
        *,
        since: int = 0,
        predicate: Callable[[Request], bool] | None = None,
        timeout: float = 10.0,
    ) -> Request:
        """The first request (from index `since`) that matches; waits up to `timeout` s."""

        def first() -> Request | None:
            for r in self.requests[since:]:
                if r.match(method, path) and (predicate is None or predicate(r)):
                    return r
            return None

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: first() is not None), timeout)
            except TimeoutError:
                seen = "\n  ".join(f"{r.method} {r.path}" for r in self.requests[since:])
                raise AssertionError(
                    f"the bot sent no {method or ''} {path or ''} within {timeout}s; "
                    f"it sent:\n  {seen or '(nothing)'}"
                ) from None
        found = first()
        assert found is not None
        return found

    async def reply_to(self, message: JSON, timeout: float = 10.0) -> Request:
        """The bot's message that replies to `message` (has its message_reference)."""
        return await self.wait_for(
            "POST",
            r"/channels/\d+/messages",
            predicate=lambda r: (
                (r.json or {}).get("message_reference", {}).get("message_id")
                in (message["id"], int(message["id"]))
            ),
            timeout=timeout,
        )

    async def response_to(self, interaction: JSON, timeout: float = 10.0) -> Request:
        """The bot's interaction callback for `interaction`."""
        path = rf"/interactions/{interaction['id']}/{re.escape(interaction['token'])}/callback"
        return await self.wait_for("POST", path, timeout=timeout)

    async def followup_to(self, interaction: JSON, timeout: float = 10.0) -> Request:
        """The bot's first follow-up message (POST /webhooks/{app}/{token}) to `interaction`."""
        path = rf"/webhooks/{self.application_id}/{re.escape(interaction['token'])}"
        return await self.wait_for("POST", path, timeout=timeout)

    def posted_in(self, channel_id: int | str) -> list[JSON]:
        """The messages the bot has posted in a channel (ephemeral ones too), oldest first."""
        return sorted(
            (
                m for m in self.messages.values()
                if m["channel_id"] == str(channel_id) and m["author"]["id"] == self.bot_user["id"]
            ),
            key=lambda m: int(m["id"]),
        )

    def original_message(self, interaction: JSON) -> JSON:
        """The message the bot created in response to `interaction` (to click its buttons)."""
        return self.messages[interaction["_original"]]

    # -- the gateway ----------

    async def wait_identified(self, count: int = 1, timeout: float = 10.0) -> None:
        """Wait until `count` gateway connections have sent IDENTIFY."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: sum(s.identified for s in self._shards) >= count),
                timeout,
            )

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        shard = _Shard(ws)
        self._shards.append(shard)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}}))
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                await self._on_gateway(shard, json.loads(msg.data))
        finally:
            self._shards.remove(shard)
        return ws

    async def _on_gateway(self, shard: _Shard, payload: JSON) -> None:
        op = payload.get("op")
        data: JSON = payload.get("d") or {}
        if op == 1:  # heartbeat
            await shard.ws.send_str(json.dumps({"op": 11}))
        elif op == 2:  # identify
            if data["token"] != self.token:
                await shard.ws.close(code=4004, message=b"Authentication failed.")
                return
            self.identifies.append(data)
            privileged = data.get("intents", 0) & (1 << 1 | 1 << 8 | 1 << 15)
            if privileged & ~self.privileged_intents:
                await shard.ws.close(code=4014, message=b"Disallowed intent(s).")
                return
            shard.shard_id, shard.shard_count = data.get("shard", [0, 1])
            ready: JSON = {
                "v": 10,
                "user": self.bot_user,
                "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                "session_id": f"fake-session-{shard.shard_id}",
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(self.application_id), "flags": 0},
                "shard": [shard.shard_id, shard.shard_count],
                "private_channels": [],
                "relationships": [],
            }
            if not self._owns_guild(shard):
                ready["guilds"] = []
            await self._send(shard, "READY", ready)
            if self._owns_guild(shard):
                await self._send(shard, "GUILD_CREATE", self.guild_payload())
            async with self._changed:
                shard.identified = True
                self._changed.notify_all()
        elif op == 6:  # resume
            await self._send(shard, "RESUMED", {})

    def _owns_guild(self, shard: _Shard) -> bool:
        return (self.guild_id >> 22) % shard.shard_count == shard.shard_id

    async def _send(self, shard: _Shard, event: str, data: JSON) -> None:
        shard.seq += 1
        await shard.ws.send_str(json.dumps({"op": 0, "t": event, "s": shard.seq, "d": data}))

    async def dispatch(self, event: str, data: JSON) -> None:
        """Send a gateway event to the connection that serves the guild."""
        shards = [s for s in self._shards if s.identified and self._owns_guild(s)]
        if not shards:
            raise AssertionError("no bot is connected to the fake gateway")
        await self._send(shards[0], event, data)

    # -- injecting events ----------

    async def send_message(
        self,
        content: str,
        *,
        author: JSON | None = None,
        channel_id: int | None = None,
        mention_bot: bool = False,
        mentions: list[JSON] | None = None,
        reply_to: JSON | None = None,
    ) -> JSON:
        """A member posts a message (MESSAGE_CREATE); returns its payload.

        With `mention_bot`, the bot is in the message's mentions (put ``<@id>`` in the
        content yourself, e.g. with :meth:`mention`). With `reply_to` (a message payload),
        the message is a reply to that message.
        """
        author = author or self.alice
        users = list(mentions or [])
        if mention_bot:
            users.append(self.bot_user)
        data = p.message(
            p.snowflake(),
            channel_id or self.channel_id,
            author,
            content,
            guild_id=self.guild_id,
            author_member=self.members.get(author["id"]),
            mentions=users,
        )
        if reply_to is not None:
            data["message_reference"] = {
                "type": 0,
                "message_id": str(reply_to["id"]),
                "channel_id": str(reply_to["channel_id"]),
                "guild_id": str(self.guild_id),
            }
            data["referenced_message"] = reply_to
        self.messages[data["id"]] = data
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    def mention(self) -> str:
        """The text that mentions the bot."""
        return f"<@{self.application_id}>"

    def _interaction(
        self, kind: int, data: JSON, *, user: JSON | None, channel_id: int | None
    ) -> JSON:
        user = user or self.alice
        interaction_id = p.snowflake()
        channel = self.channel(channel_id or self.channel_id)
        permissions = p.ALL_PERMISSIONS if user is self.owner else p.MEMBER_PERMISSIONS
        payload: JSON = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": kind,
            "token": f"itoken-{interaction_id}",
            "version": 1,
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
            "channel_id": channel["id"],
            "channel": channel,
            "member": {**self.members[user["id"]], "permissions": permissions},
            "app_permissions": p.ALL_PERMISSIONS,
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
            "data": data,
        }
        self.interactions[payload["token"]] = payload
        return payload

    async def slash(
        self,
        name: str,
        values: dict[str, Any] | None = None,
        *,
        user: JSON | None = None,
        channel_id: int | None = None,
        resolved: JSON | None = None,
    ) -> JSON:
        """A member runs ``/name`` with these option values; returns the interaction.

        A name with spaces is a subcommand (``"prompt next"``, or a group and subcommand
        ``"prompt schedule add"``); `resolved` is passed through for user/channel options.
        """
        root, *subs = name.split()
        opts: list[JSON] = p.options(values or {})
        for depth, sub in enumerate(reversed(subs)):
            kind = 1 if depth == 0 else 2  # the innermost is a subcommand, outer ones groups
            opts = [{"name": sub, "type": kind, "options": opts}]
        data: JSON = {"id": str(p.snowflake()), "name": root, "type": 1, "options": opts}
        if resolved is not None:
            data["resolved"] = resolved
        interaction = self._interaction(2, data, user=user, channel_id=channel_id)
        await self.dispatch("INTERACTION_CREATE", interaction)
        return interaction

    async def autocomplete(
        self,
        name: str,
        values: dict[str, Any],
        focused: str,
        *,
        user: JSON | None = None,
    ) -> JSON:
        """A member types in option `focused` of ``/name``; returns the interaction."""
        data = {
            "id": str(p.snowflake()),
            "name": name,
            "type": 1,
            "options": p.options(values, focused=focused),
        }
        interaction = self._interaction(4, data, user=user, channel_id=None)
        await self.dispatch("INTERACTION_CREATE", interaction)
        return interaction

    async def click(
        self,
        message: JSON,
        custom_id: str,
        *,
        values: list[str] | None = None,
        user: JSON | None = None,
    ) -> JSON:
        """A member clicks a button (or picks `values` in a select) on a bot message."""
        data: JSON = {"custom_id": custom_id, "component_type": 2 if values is None else 3}
        if values is not None:
            data["values"] = values
        interaction = self._interaction(3, data, user=user, channel_id=int(message["channel_id"]))
        interaction["message"] = message
        await self.dispatch("INTERACTION_CREATE", interaction)
        return interaction

    # -- REST -------------------------------------------------------------------------------------

    def route(self, method: str, path: str, handler: Handler) -> None:
        """Serve `method` on paths matching the regex `path` (checked before the defaults).

        The handler gets (fake, request, match) and returns (status, JSON body or None).
        """
        self._routes.insert(0, (method.upper(), re.compile(path), handler))

    def inject(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int = 1,
        landed: bool = False,
        delay: float = 0.0,
        retry_after: float = 0.05,
    ) -> Fault:
        """Answer the next `times` requests matching `method` and the regex `path` with
        `status` (429 with `retry_after`; a 5xx; 200 for only a delay), `delay` seconds late.
        With `landed`, the request takes effect at once, however late and whatever the
        status of the answer (the bot cannot tell); else only a 2xx takes effect, late."""
        fault = Fault(method.upper(), path, status, times, landed, delay, retry_after)
        self.faults.append(fault)
        return fault

    async def _rest(self, request: web.Request) -> web.Response:
        path = request.path[len(API_PREFIX) :]
        body: Any = None
        files: dict[str, bytes] = {}
        if request.can_read_body:
            if request.content_type.startswith("multipart/"):
                form = await request.post()
                raw = form.get("payload_json")
                body = json.loads(str(raw)) if raw is not None else None
                files = {
                    str(v.filename): v.file.read()
                    for v in form.values()
                    if isinstance(v, web.FileField)
                }
            else:
                text = await request.text()
                body = json.loads(text) if text else None
        recorded = Request(request.method, path, dict(request.query), body, dict(request.headers))
        recorded.files = files
        if request.headers.get("Authorization") != f"Bot {self.token}" and not path.startswith(
            ("/interactions/", "/webhooks/")
        ):
            await self._record(recorded)
            return _json(401, {"message": "401: Unauthorized", "code": 0})
        fault = self._fault_for(recorded)
        if fault is not None and fault.delay and not fault.landed:
            await asyncio.sleep(fault.delay)  # slow to arrive
        status, result = 404, {"message": f"Unknown route {request.method} {path}", "code": 0}
        if fault is None or fault.landed or fault.status < 300:
            for method, pattern, handler in self._routes:
                match = pattern.fullmatch(path)
                if match and method == request.method:
                    status, result = await handler(self, recorded, match)
                    break
        if fault is not None and fault.delay and fault.landed:
            await asyncio.sleep(fault.delay)  # done at once, slow to say so
        headers: dict[str, str] = {}
        if fault is not None and fault.status >= 300:
            status, result, headers = fault.response()
        recorded.status = status
        await self._record(recorded)
        if result is None:
            return web.Response(status=status, headers=headers)
        return _json(status, result, headers)

    def _fault_for(self, request: Request) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and request.match(fault.method, fault.path):
                fault.times -= 1
                return fault
        return None

    def _add_default_routes(self) -> None:
        r = self._routes.append
        r(("GET", re.compile(r"/users/@me"), _get_me))
        r(("GET", re.compile(r"/oauth2/applications/@me"), _get_application))
        r(("GET", re.compile(r"/gateway/bot"), _get_gateway_bot))
        r(("GET", re.compile(r"/gateway"), _get_gateway))
        r(("POST", re.compile(r"/channels/(\d+)/messages"), _post_message))
        r(("GET", re.compile(r"/channels/(\d+)/messages"), _get_messages))
        r(("GET", re.compile(r"/channels/(\d+)/messages/(\d+)"), _get_message))
        r(("PATCH", re.compile(r"/channels/(\d+)/messages/(\d+)"), _patch_message))
        r(("DELETE", re.compile(r"/channels/(\d+)/messages/(\d+)"), _no_content))
        r(("POST", re.compile(r"/channels/(\d+)/typing"), _no_content))
        r(("PUT", re.compile(r"/channels/(\d+)/messages/(\d+)/reactions/.+"), _no_content))
        r(("DELETE", re.compile(r"/channels/(\d+)/messages/(\d+)/reactions/.+"), _no_content))
        r(("POST", re.compile(r"/channels/(\d+)/messages/(\d+)/threads"), _post_message_thread))
        r(("POST", re.compile(r"/channels/(\d+)/threads"), _post_thread))
        r(("GET", re.compile(r"/channels/(\d+)"), _get_channel))
        r(("PUT", re.compile(r"/channels/(\d+)/thread-members/@me"), _no_content))
        r(("POST", re.compile(r"/interactions/(\d+)/([^/]+)/callback"), _callback))
        r(("POST", re.compile(r"/webhooks/(\d+)/([^/]+)"), _followup))
        r(("GET", re.compile(r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)"), _get_webhook_message))
        r(("PATCH", re.compile(r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)"), _edit_webhook_message))
        r(("DELETE", re.compile(r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)"), _no_content))
        r(("PUT", re.compile(r"/applications/(\d+)/commands"), _put_commands))
        r(("PUT", re.compile(r"/applications/(\d+)/guilds/(\d+)/commands"), _put_commands))
        r(("GET", re.compile(r"/applications/(\d+)/commands"), _get_commands))
        r(("GET", re.compile(r"/applications/(\d+)/guilds/(\d+)/commands"), _get_commands))

    # -- message bookkeeping ----------

    def bot_message(
        self, channel_id: int | str, body: JSON | None, *, flags: int = 0, **extra: Any
    ) -> JSON:
        """Store and return the message the bot just created with request body `body`."""
        body = body or {}
        data = p.message(
            p.snowflake(),
            int(channel_id),
            self.bot_user,
            body.get("content") or "",
            guild_id=self.guild_id,
            author_member=self.members[self.bot_user["id"]],
            embeds=body.get("embeds"),
            components=body.get("components"),
            flags=flags | int(body.get("flags") or 0),
            message_reference=body.get("message_reference"),
            **extra,
        )
        self.messages[data["id"]] = data
        return data

    def edit_stored(self, message_id: str, body: JSON | None) -> JSON:
        """Apply an edit (PATCH body) to a stored message and return it."""
        message = self.messages[message_id]
        for key in ("content", "embeds", "components", "flags"):
            if body and key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        message["edited_timestamp"] = p.now_iso()
        return message


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py reads JSON only when the content type is exactly application/json
    return web.Response(
        status=status,
        body=json.dumps(body).encode(),
        headers={**(headers or {}), "Content-Type": "application/json"},
    )


async def _no_content(fake: FakeDiscord, request: Request, match: re.Match[str]) -> tuple[int, Any]:
    return 204, None


async def _get_me(fake: FakeDiscord, request: Request, match: re.Match[str]) -> tuple[int, Any]:
    return 200, fake.bot_user


async def _get_application(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    return 200, {
        "id": str(fake.application_id),
        "name": "Reading Bot",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": fake.owner,
        "verify_key": "0" * 64,
        "flags": 0,
        "summary": "",
        "team": None,
        "rpc_origins": [],
        "interactions_endpoint_url": None,
        "redirect_uris": [],
        "tags": [],
        "approximate_guild_count": 1,
    }


async def _get_gateway(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    return 200, {"url": fake.gateway_url}


async def _get_gateway_bot(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    return 200, {
        "url": fake.gateway_url,
        "shards": fake.gateway_bot_shards,
        "session_start_limit": {
            "total": 1000,
            "remaining": 999,
            "reset_after": 0,
            "max_concurrency": 16,
        },
    }


async def _post_message(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    body = request.json or {}
    nonce = body.get("nonce")
    if nonce is not None and body.get("enforce_nonce"):
        # Like Discord: a second message with the same nonce returns the first one.
        seen = fake.nonces.get((match[1], str(nonce)))
        if seen is not None and seen in fake.messages:
            return 200, fake.messages[seen]
    message = fake.bot_message(match[1], body)
    if nonce is not None:
        fake.nonces[(match[1], str(nonce))] = message["id"]
    return 200, message


async def _get_messages(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    """A channel's history: newest first, at most `limit` (default 50, at most 100), after
    `before` / `after` ids when given; ephemeral messages are not part of it."""
    try:
        limit = max(1, min(100, int(request.query.get("limit", "50"))))
        before = int(request.query["before"]) if "before" in request.query else None
        after = int(request.query["after"]) if "after" in request.query else None
    except ValueError:
        return 400, {"message": "Invalid Form Body", "code": 50035}
    found = [
        m for m in fake.messages.values()
        if m["channel_id"] == match[1]
        and not int(m.get("flags") or 0) & EPHEMERAL
        and (before is None or int(m["id"]) < before)
        and (after is None or int(m["id"]) > after)
    ]
    found.sort(key=lambda m: int(m["id"]), reverse=True)
    return 200, found[:limit]


async def _get_message(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    message = fake.messages.get(match[2])
    if message is None:
        return 404, {"message": "Unknown Message", "code": 10008}
    return 200, message


async def _patch_message(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    if match[2] not in fake.messages:
        return 404, {"message": "Unknown Message", "code": 10008}
    return 200, fake.edit_stored(match[2], request.json)


async def _get_channel(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    try:
        return 200, fake.channel(match[1])
    except KeyError:
        return 404, {"message": "Unknown Channel", "code": 10003}


async def _post_message_thread(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    name = (request.json or {}).get("name", "thread")
    started = fake.messages.get(match[2])
    if started is not None and started.get("thread"):  # as Discord: one thread per message
        return 400, {"message": "A thread has already been created for this message",
                     "code": 160004}
    thread = p.thread_channel(
        int(match[2]), fake.guild_id, int(match[1]), name, fake.application_id
    )
    if started is not None:
        started["thread"] = thread  # message objects carry the thread started from them
    fake.channels.append(thread)
    await fake.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
    return 201, thread


async def _post_thread(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    body = request.json or {}
    thread = p.thread_channel(
        p.snowflake(),
        fake.guild_id,
        int(match[1]),
        body.get("name", "thread"),
        fake.application_id,
        private=body.get("type") == 12,
    )
    fake.channels.append(thread)
    await fake.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
    return 201, thread


async def _callback(fake: FakeDiscord, request: Request, match: re.Match[str]) -> tuple[int, Any]:
    interaction = fake.interactions.get(match[2])
    if interaction is None:
        return 404, {"message": "Unknown interaction", "code": 10062}
    if interaction.get("_acknowledged"):
        return 400, {"message": "Interaction has already been acknowledged.", "code": 40060}
    interaction["_acknowledged"] = True
    body = request.json or {}
    kind = body.get("type")
    data = body.get("data") or {}
    result: JSON = {"interaction": {"id": interaction["id"], "type": interaction["type"]}}
    message: JSON | None = None
    if kind in (4, 5):  # a new message (5: "thinking", filled in by a follow-up edit)
        flags = int(data.get("flags") or 0)
        message = fake.bot_message(
            interaction["channel_id"],
            data,
            flags=flags | (128 if kind == 5 else 0),
            interaction_metadata={
                "id": interaction["id"],
                "type": interaction["type"],
                "user": interaction["member"]["user"],
                "authorizing_integration_owners": {},
            },
        )
        interaction["_original"] = message["id"]
        result["interaction"].update(
            response_message_id=message["id"],
            response_message_loading=kind == 5,
            response_message_ephemeral=bool(flags & EPHEMERAL),
        )
    elif kind == 7 and "message" in interaction:  # update the clicked message
        message = fake.edit_stored(interaction["message"]["id"], data)
        result["interaction"]["response_message_id"] = message["id"]
    if message is not None:
        result["resource"] = {"type": kind, "message": message}
    return 200, result


async def _followup(fake: FakeDiscord, request: Request, match: re.Match[str]) -> tuple[int, Any]:
    interaction = fake.interactions.get(match[2])
    if interaction is None or not interaction.get("_acknowledged"):
        return 404, {"message": "Unknown Webhook", "code": 10015}
    return 200, fake.bot_message(interaction["channel_id"], request.json, webhook_id=int(match[1]))


def _webhook_message_id(fake: FakeDiscord, token: str, message_id: str) -> str | None:
    if message_id == "@original":
        interaction = fake.interactions.get(token)
        if interaction is None:
            return None
        if "_original" not in interaction and interaction["type"] == 3:
            return str(interaction["message"]["id"])  # a deferred update: the clicked message
        return interaction.get("_original")
    return message_id if message_id in fake.messages else None


async def _get_webhook_message(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    message_id = _webhook_message_id(fake, match[2], match[3])
    if message_id is None:
        return 404, {"message": "Unknown Message", "code": 10008}
    return 200, fake.messages[message_id]


async def _edit_webhook_message(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    message_id = _webhook_message_id(fake, match[2], match[3])
    if message_id is None:
        return 404, {"message": "Unknown Message", "code": 10008}
    message = fake.edit_stored(message_id, request.json)
    message["flags"] = int(message.get("flags") or 0) & ~128
    return 200, message


async def _put_commands(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    guild_id = match[2] if match.lastindex and match.lastindex >= 2 else None
    stored = []
    for command in request.json or []:
        entry = {
            "id": str(p.snowflake()),
            "application_id": str(fake.application_id),
            "version": str(p.snowflake()),
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            "type": 1,
            "description": "",
            "options": [],
            **command,
        }
        if guild_id is not None:
            entry["guild_id"] = guild_id
        stored.append(entry)
    fake.commands[guild_id] = stored
    return 200, stored


async def _get_commands(
    fake: FakeDiscord, request: Request, match: re.Match[str]
) -> tuple[int, Any]:
    guild_id = match[2] if match.lastindex and match.lastindex >= 2 else None
    return 200, fake.commands.get(guild_id, [])


@dataclass
class Fault:
    """An injected failure (see :meth:`FakeDiscord.inject`)."""

    method: str
    path: str  # a regex over the path, as for :meth:`FakeDiscord.find`
    status: int  # 429, a 5xx, or 200 for only a delay
    times: int = 1  # how many matching requests it hits
    landed: bool = False  # the request takes effect although the answer is an error
    delay: float = 0.0  # seconds before the fake answers
    retry_after: float = 0.05  # for a 429

    def response(self) -> tuple[int, JSON, dict[str, str]]:
        """The status, JSON body and headers of the failure."""
        if self.status == 429:
            body: JSON = {
                "message": "You are being rate limited.",
                "retry_after": self.retry_after,
                "global": False,
            }
            # discord.py treats a 429 without "Via" as a Cloudflare ban and does not retry
            headers = {"Retry-After": str(self.retry_after), "Via": "1.1 google",
                       "X-RateLimit-Scope": "user"}
            return 429, body, headers
        return self.status, {"message": f"{self.status}: injected by the fake", "code": 0}, {}


CALLBACK = r"/interactions/\d+/[^/]+/callback"  # the path of every interaction callback
