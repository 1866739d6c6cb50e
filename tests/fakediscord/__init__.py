"""A loopback fake Discord (REST and gateway) for testing the real discord.py client.

Importable as ``fakediscord`` once ``tests/`` is on ``sys.path`` (the conftest files
put it there). See :mod:`fakediscord.server` for the fake and
:mod:`fakediscord.fixtures` for ready-made pytest fixtures.
"""

from fakediscord.server import FakeDiscord, Request

__all__ = ["FakeDiscord", "Request"]
