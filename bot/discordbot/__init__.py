"""The Discord layer: turns Discord events into engine calls and answers into messages.

- :mod:`.runner`: ``python -m bot run`` and ``python -m bot sync``, with friendly errors.
- :mod:`.client`: the bot class, its intents and endpoints, and extension loading.
- :mod:`.cogs.reading`: the slash commands, mention answers and the text prefix.
- :mod:`.embeds`, :mod:`.limits`: rendering answers within Discord's size limits.
- :mod:`.views`: buttons for choosing a contributor and for paging.
- :mod:`.checks`: channel allow-list and per-user cooldown.
- :mod:`.errors`: the central error handler (and ``NO_PINGS``).
- :mod:`.workers`: the bounded thread pool the engine runs on, off the event loop.
- :mod:`.replies`: answering interactions within Discord's deadline (defer, follow up).
- :mod:`.conversations`: one conversation per member and channel, and reply chains.
- :mod:`.echo`: showing members' own words back, defused, only in private replies.
- :mod:`.visibility`: spotting moderator roles Discord hides ``/prompt`` from.
- :mod:`.logs`: logging set-up that never prints the token or interaction tokens.
"""
