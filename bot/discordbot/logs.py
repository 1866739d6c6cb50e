"""Logging for the bot: one stream handler whose output never contains a secret.

Secrets are the bot token and every interaction token (each lets anyone answer as the bot
for fifteen minutes). discord.py logs interaction tokens at DEBUG level: in the URLs of
interaction callbacks and webhook follow-ups, and in the gateway events it received.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

REDACTED = "[redacted]"

# An interaction token in a callback or follow-up URL, or a "token" key of a payload.
_INTERACTION_TOKENS = (
    re.compile(r"(/interactions/\d+/)[^/\s'\"?]+"),
    re.compile(r"(/webhooks/\d+/)[^/\s'\"?]+"),
    re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+"""),
)


def redact_interaction_tokens(text: str) -> str:
    """`text` with every interaction (and webhook) token replaced."""
    for pattern in _INTERACTION_TOKENS:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    return text


class RedactSecrets(logging.Filter):
    """Replace every secret (the bot token, interaction tokens) in a record's message and
    traceback text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 8]

    def redact(self, text: str) -> str:
        """`text` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return redact_interaction_tokens(text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


def setup_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> logging.Handler:
    """Log to stderr at `level`, redacting `secrets`; returns the handler it installed."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s", "%H:%M:%S")
    )
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_reading_bot", False)]:
        root.removeHandler(old)
    handler._reading_bot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("discord.http").setLevel(max(logging.INFO, root.level))
    return handler
