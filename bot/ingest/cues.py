"""Everyday words for what a drafted sentence does to its listeners, whatever its kind:
a speaker hushing the crowd, praising someone, charging the one he names.

Members ask "who asked the crowd to be quiet?", "what did X praise the audience for?" and
"what did X accuse Y of?" in words the sentence itself seldom uses.
"""

from __future__ import annotations

import re

# a speaker's words to the crowd on its noise or its silence
_HUSH = re.compile(
    r"\b(?:silence|no interruption|interrupt(?:s|ed|ing)? (?:me|him)|be quiet|keep quiet|"
    r"your patience|(?:have )?listened to)\b", re.IGNORECASE)
HUSHED = ["crowd", "audience", "quiet", "silence", "listen", "applause", "interruption"]
# words of praise, whoever is praised (another speaker, the crowd, a third man)
_PRAISE = re.compile(
    r"\b(?:creditable|honou?rable to|commend\w*|admirabl[ey]|prais\w*|compliment\w*|"
    r"courtesy|does (?:you|them|him|me) credit|to (?:your|their|his) credit|"
    r"respectful attention)", re.IGNORECASE)
PRAISED = ["praise", "compliment"]
ACCUSES = ["accuse", "accusation", "attack"]


def said_topics(quote: str, charges: bool) -> list[str]:
    """Topics for what the sentence does: hushes the crowd ("I ask your silence"), praises
    ("is creditable to this vast audience") or, with `charges` (a critique that names the
    one it answers), accuses."""
    out: list[str] = []
    if _HUSH.search(quote):
        out += HUSHED
    if _PRAISE.search(quote):
        out += PRAISED
    if charges:
        out += ACCUSES
    return out
