"""A reading a command asked for that cannot be used: unknown, or its files are broken."""

from __future__ import annotations

from discord import app_commands


class ReadingUnavailable(app_commands.AppCommandError):
    """The message (written for the member) says which reading and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
