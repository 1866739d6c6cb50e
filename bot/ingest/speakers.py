"""Recognising who speaks: speech headings, `Name:` lines, bylines and inline turns; and,
in a text with no headings, the turns that open with a speaker's name (`Alice: ...`, or
one of the `--speakers` names: `ALICE. ...`, `MS. ALICE --- ...`)."""

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


# Alice Moreno: Thank you all for coming.   (a name, a colon, speech on the same line)
_INLINE = re.compile(
    r"^[\[(]?((?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Judge|Senator|Rev|Gov)\.?\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)\s*:[ \t]+(?=[^\n]*\w)"
)
# the title before a name at a turn's start: MR. / MS. / M R. / Judge / Senator ...
_TITLE = (
    r"(?:(?:M\s?R|MRS|MS|MISS|DR|PROF|REV|GOV|GOVERNOR|JUDGE|SENATOR|JUSTICE|HON)\.?\s*)?"
)
# what follows a name that opens a turn: "ALICE. ", "Alice: ", "MS. ALICE --- ", ", resuming---"
_AFTER_NAME = r"(?:\s*:\s+|\.\s+(?=\S)|\s*-{2,3}\s*|\s*—\s*|,[^-\n]{0,80}?-{2,3}\s*)"


@dataclass(frozen=True, slots=True)
class InlineTurn:
    """A paragraph opened by a speaker's name: who (as the moderator or the text names
    them) and where their own words begin."""

    paragraph: int
    name: str
    start: int


_TITLE_WORDS = {h.casefold() for h in _HONORIFICS} | {"ms", "miss", "prof", "rev", "gov"}


def _person(name: str) -> str | None:
    """`name` without its title, when it can be a person's name (not 'Note', 'Q')."""
    words = name.split()
    if len(words) > 1 and words[0].rstrip(".").casefold() in _TITLE_WORDS:
        words = words[1:]
    if any(len(w.strip(".'’")) < 2 or w.casefold() in STOPWORDS for w in words):
        return None  # 'Q', or 'The Harbour Budget: A Council Exchange' (a title)
    if all(w.strip(".'’").casefold() in _COMMON for w in words):
        return None
    name = " ".join(words)
    return name.title() if name.isupper() else name  # ALICE MORENO: -> Alice Moreno


def labelled(paragraph: str) -> bool:
    """A paragraph opened by a label that is no one's name ("Note: ...", "Q: ...")."""
    m = _INLINE.match(paragraph)
    return m is not None and _person(m.group(1)) is None


def colon_turns(paragraphs: list[str]) -> list[InlineTurn]:
    """Inline `Name: speech` turns at the start of paragraphs, for a text with no
    headings: the names that open at least two turns between them, a shorter form of a
    name ("Alice" after "Alice Moreno") read as the full one; [] unless two speakers or
    more are found."""
    found: list[tuple[int, str, int]] = []
    for i, text in enumerate(paragraphs):
        m = _INLINE.match(text)
        person = _person(m.group(1)) if m else None
        if m and person:
            found.append((i, person, m.end()))
    names = list(dict.fromkeys(name for _, name, _ in found))
    full = {name: _longer_form(name, names) for name in names}
    speakers = set(full.values())
    if len(speakers) < 2:
        return []
    return [InlineTurn(i, full[name], start) for i, name, start in found]


def _longer_form(name: str, names: list[str]) -> str:
    """The one longer name among `names` holding every word of `name`, else `name`."""
    words = {w.casefold() for w in name.split()}
    longer = [n for n in names if n != name and words < {w.casefold() for w in n.split()}]
    return longer[0] if len(longer) == 1 else name


def named_turns(paragraphs: list[str], names: list[str]) -> list[InlineTurn]:
    """Paragraphs opened by one of `names` (the moderator's `--speakers`): the full name,
    the surname or the first name, in any case, after a title or not, and then a full
    stop, a colon or a dash ("ALICE. ...", "Alice: ...", "MS. ALICE --- ..."). A form two
    names share opens no one's turn."""
    forms: dict[str, set[str]] = {}
    for name in names:
        words = [w for w in re.findall(r"[\w'’-]+", name) if len(w) > 1]
        for form in {name.strip(), *(words[:1] + words[-1:])}:
            if form:  # "White" too: a name the moderator gives is a name
                forms.setdefault(form.casefold(), set()).add(name)
    own = {form: next(iter(who)) for form, who in forms.items() if len(who) == 1}
    if not own:
        return []
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in form.split())
        for form in sorted(own, key=len, reverse=True)
    )
    pattern = re.compile(
        rf"^[\[(]?{_TITLE}({alternatives})\b{_AFTER_NAME}", re.IGNORECASE
    )
    turns = []
    for i, text in enumerate(paragraphs):
        m = pattern.match(text)
        if m:
            form = " ".join(m.group(1).split()).casefold()
            turns.append(InlineTurn(i, own[form], m.end()))
    return turns
