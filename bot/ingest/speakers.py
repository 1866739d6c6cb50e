"""Recognising who speaks: speech headings, `Name:` lines, bylines and inline turns."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.engine.lexicon import COMMON_WORDS, STOPWORDS

_COMMON = COMMON_WORDS | STOPWORDS

# MR. DOUGLAS' SPEECH. / MR.LINCOLN'S SPEECH. / M R. LINCOLN'S REJOINDER. / MR. DOUGLAS' REPLY.
_DEBATE = re.compile(
    r"^M\s?R\.?\s*([A-Z][A-Z'’-]+)\s+(?:OPENING\s+|CLOSING\s+|CONCLUDING\s+)?"
    r"(?:SPEECH|REPLY|REJOINDER|REMARKS|ADDRESS|RESPONSE)\b[^a-z]*$"
)
# JUSTICE SCALIA, dissenting. / CHIEF JUSTICE ROBERTS, concurring
_JUSTICE = re.compile(
    r"^(?:CHIEF\s+)?(?:JUSTICE|Justice)\s+([A-Z][A-Za-z'’-]+)\s*,\s*"
    r"(?:dissenting|concurring|DISSENTING|CONCURRING)\b.*$"
)
# Nicholas Bequelin:   (a line of its own)
_NAME_LINE = re.compile(r"^((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+):\s*$")
# — Jane Doe   (a byline closing a contribution)
_BYLINE = re.compile(r"^(?:—|–|-{1,3})\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s*$")
# MR. LINCOLN---I know he did not. / MR. DOUGLAS, resuming---... / MR. DOUGLAS. It is true ...
_TURN = re.compile(
    r"^\[?\(?(?:A\s+)?((?:M\s?R\.|JUDGE|SENATOR|JUSTICE|GOV\.|GOVERNOR)\s*[A-Z][A-Z'’-]+"
    r"|VOICE|A\s+VOICE|[A-Z]{3,}(?:\s+[A-Z]{3,})?)"
    r"(?:\.?---|\.---|,[^-\n]{0,80}?---|\.\s+(?=[A-Z])|---)"
)
_TITLES = ("MR.", "M R.", "JUDGE", "SENATOR", "JUSTICE", "GOV.", "GOVERNOR")
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Judge", "Senator", "Hon", "Justice", "Governor", "Gen"}


@dataclass(frozen=True, slots=True)
class Heading:
    """A paragraph that names who speaks next (or, for a byline, who spoke before)."""

    name: str  # as the text writes it: "DOUGLAS", "Nicholas Bequelin"
    byline: bool = False


def heading(paragraph: str) -> Heading | None:
    """The heading this paragraph is, if it is one."""
    text = paragraph.strip()
    if len(text) > 90:
        return None
    for pattern in (_DEBATE, _JUSTICE):
        m = pattern.match(text)
        if m:
            return Heading(re.sub(r"['’]S?$", "", m.group(1)))
    m = _NAME_LINE.match(text)
    if m and len(m.group(1).split()) >= 2:
        return Heading(m.group(1))
    m = _BYLINE.match(text)
    if m:
        return Heading(m.group(1), byline=True)
    return None


@dataclass(frozen=True, slots=True)
class Turn:
    """An inline turn at a paragraph's start: `MR. LINCOLN---I know he did not.`"""

    name: str  # the surname as written, upper case ("LINCOLN"), or "VOICE"
    start: int  # where the speaker's own words begin in the paragraph


def turn(paragraph: str) -> Turn | None:
    """The inline turn this paragraph opens with, if any."""
    m = _TURN.match(paragraph)
    if not m:
        return None
    who = m.group(1)
    for title in _TITLES:
        if who.startswith(title):
            who = who[len(title):]
            break
    who = re.sub(r"^M\s?R\.", "", who).strip().strip("'’")
    return Turn(who.upper(), m.end())


def key(name: str) -> str:
    """How a speaker is matched across headings and turns: the surname, folded."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", name)
    return words[-1].casefold().strip("'’") if words else name.casefold()


def full_name(surname: str, text: str) -> str:
    """The fullest name the text gives a surname ("Stephen A. Douglas"), else the surname."""
    pattern = re.compile(
        r"\b((?:[A-Z][a-z]+\s+)(?:[A-Z][a-z]+\s+|[A-Z]\.\s*)?)" + re.escape(surname) + r"\b"
    )
    counts: Counter[str] = Counter()
    for m in pattern.finditer(text):
        given = [w.rstrip(".") for w in m.group(1).split()]
        if any(w in _HONORIFICS or (len(w) > 1 and w.lower() in _COMMON) for w in given):
            continue
        counts[" ".join(m.group(1).split()) + " " + surname] += 1
    if not counts:
        return surname
    return max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
