"""Who owns each paragraph: speeches, interruptions, crowd, narration, read-outs, notes.

Headings (`MR. DOUGLAS' SPEECH.`, `Name:` lines, `JUSTICE X, dissenting`, `— Name`
bylines) or the moderator's `--contributors` / `--speakers` say who speaks; inline turns
(`MR. LINCOLN---I know he did not.`) give one paragraph to the one interrupting. Crowd
reactions, the reporter's narration, photo credits, read-out documents and the notes at
the end belong to no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from bot.ingest.contributors import Given
from bot.ingest.paragraphs import Block
from bot.ingest.source import IngestError
from bot.ingest.speakers import full_name, heading, key, turn


class Role(StrEnum):
    """What a paragraph is."""

    FRONT = "front"  # title and matter before the first contribution
    HEADING = "heading"
    SPEECH = "speech"
    TURN = "turn"  # an inline interruption by a speaker
    CROWD = "crowd"  # reactions, voices from the audience, editorial brackets
    NARRATION = "narration"  # the reporter: "Mr. Lincoln was introduced by ..."
    READOUT = "readout"  # a document read out (a platform, a speech of another)
    CREDIT = "credit"  # photo credit and caption
    NOTES = "notes"  # footnotes and editorial apparatus at the end


SPOKEN = (Role.SPEECH, Role.TURN)
TITLE_CHARS = 150  # a first paragraph this short, before any byline, is the title


@dataclass(slots=True)
class Speaker:
    """A contributor found in the text."""

    key: str  # folded surname, the future id
    name: str
    given: Given | None = None
    titles: set[str] = field(default_factory=set)
    speeches: list[int] = field(default_factory=list)  # 1-based numbers of their speeches
    closing: bool = False  # theirs is the last speech of several


@dataclass(slots=True)
class Part:
    """One paragraph and who (if anyone) said it."""

    text: str
    role: Role
    owner: str | None = None
    start: int = 0  # where the owner's words begin (after `MR. LINCOLN---`)
    hint: str | None = None  # "question", "answer", "readout" (another's words), "document"
    reader: str | None = None  # who read these words out, when they are another's


@dataclass(slots=True)
class Segmentation:
    """Every paragraph's part, the speakers in order of appearance, and how they were found."""

    parts: list[Part]
    speakers: list[Speaker]
    method: str


_NOTES_HEAD = {"annotation", "annotations", "notes", "footnotes", "endnotes", "references"}
_FOOTNOTE = re.compile(r"^\[(?:\d+|\*)\]\s")
_CREDIT = re.compile(
    r"Getty Images|\bAFP\b|Reuters|Associated Press|\bAP Photo|\bPhoto(?:graph)?(?: by)?:|Courtesy"
)
_NARRATION = re.compile(
    r"^(?:As |When )?(?:Mr\.|Senator|Judge|Hon\.)\s+[A-Z][a-z]+(?:'s|'|’s|’)?\s+"
    r"(?:was|arose|rose|time|here|then|resumed|came|stopped|took)\b"
)
_SAID = re.compile(r"\b(?:he|she) (?:said|spoke as follows):\s*$")
_RESOLVED = re.compile(r"^(?:\d+\.\s*)?Resolved,")
_QUESTION = re.compile(r"^(?:Question|Q\.)\s*\d*\.?\s*(?:``|“|\")")
_OWN_QUESTION = re.compile(r"^(?:Question|Q\.)\s*\d+\.?\s")
_ANSWER = re.compile(r"^(?:Answer|A\.)\s")
_QUOTED = re.compile(r"``.*?''|“[^”]*”|\"[^\"]*\"", re.DOTALL)


def _quoted_share(text: str) -> float:
    return sum(len(m.group(0)) for m in _QUOTED.finditer(text)) / max(len(text), 1)


def _bracketed(text: str) -> bool:
    """One bracketed aside as a whole: "(Cheers.)", not "(Cheers.) Yes ... (Laughter.)"."""
    t = text.strip().rstrip(".")
    if not t or t[0] not in _CLOSE or not t.endswith(_CLOSE[t[0]]):
        return False
    depth = 0
    for i, ch in enumerate(t):
        depth += (ch == t[0]) - (ch == _CLOSE[t[0]])
        if depth == 0:
            return i == len(t) - 1  # the first bracket closes only at the end
    return True


_CLOSE = {"(": ")", "[": "]"}


def _notes_start(text: str) -> bool:
    return text.strip().rstrip(":.").casefold() in _NOTES_HEAD or bool(_FOOTNOTE.match(text))


def _plain(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def segment(
    paragraphs: list[Block], given: list[Given] | None = None, named: list[Given] | None = None
) -> Segmentation:
    """Attribute every paragraph; IngestError when no speaker can be found."""
    if given:
        return _by_contributors(paragraphs, given)
    seg = _by_headings(paragraphs, named or [])
    if not seg.speakers and named:
        names = ", ".join(g.name for g in named)
        raise IngestError(
            f"no speakers found: no turn of the text starts with one of the --speakers names "
            f"({names}), in full, by surname or by first name; check their spelling against "
            "the text, or give --contributors FILE (each contributor's name and first words)"
        )
    if not seg.speakers:
        raise IngestError(
            "no speakers found: the text has no headings such as `Name:` lines or "
            "`MR. NAME'S SPEECH.`; give them with --speakers \"Name One, Name Two\" "
            "(when each turn starts with the speaker's name) or --contributors FILE "
            "(each contributor's name and first words)"
        )
    return seg


def _classify(block: Block, previous: Part | None) -> Role | None:
    """Roles that do not depend on who is speaking; None for a paragraph of speech."""
    text = block.text
    if _bracketed(text):
        return Role.CROWD
    if len(text) < 120 and _CREDIT.search(text):
        return Role.CREDIT
    if block.tight and previous is not None and previous.role is Role.CREDIT:
        return Role.CREDIT  # the caption under a photo credit
    if (len(text) < 400 and _NARRATION.match(text)) or (len(text) < 200 and _SAID.search(text)):
        return Role.NARRATION
    if _RESOLVED.match(text):
        return Role.READOUT
    if _quoted_share(text) > 0.8 and not _QUESTION.match(text):
        return Role.READOUT
    return None


def _by_contributors(paragraphs: list[Block], given: list[Given]) -> Segmentation:
    speakers = [Speaker(_unique_key(g.name, i, len(given)), g.name, g) for i, g in enumerate(given)]
    _dedupe(speakers)
    starts: dict[int, int] = {}
    explicit: dict[int, str] = {}
    plain = [_plain(b.text) for b in paragraphs]
    for n, (g, s) in enumerate(zip(given, speakers, strict=True)):
        if g.starts:
            needle = _plain(g.starts)
            found = [i for i, p in enumerate(plain) if p.startswith(needle)]
            found = found or [i for i, p in enumerate(plain) if needle in p]
            if not found:
                raise IngestError(
                    f"contributor {n + 1} ({g.name}): no paragraph starts with {g.starts!r}; "
                    "copy their first words from the text"
                )
            starts[found[0]] = n
        for p in g.paragraphs:
            if p >= len(paragraphs):
                raise IngestError(
                    f"contributor {n + 1} ({g.name}): paragraph {p} does not exist "
                    f"(the text has {len(paragraphs)}, numbered from 0)"
                )
            explicit[p] = s.key
    parts: list[Part] = []
    current: str | None = None
    notes = False
    for i, block in enumerate(paragraphs):
        previous = parts[-1] if parts else None
        if i in starts:
            current = speakers[starts[i]].key
        notes = notes or (current is not None and _notes_start(block.text))
        if notes:
            parts.append(Part(block.text, Role.NOTES))
            continue
        owner = explicit.get(i, current)
        h = heading(block.text)
        role = Role.HEADING if h is not None else _classify(block, previous)
        if role is None and owner is not None:
            parts.append(Part(block.text, Role.SPEECH, owner))
        else:
            parts.append(Part(block.text, role or Role.FRONT))
    return Segmentation(parts, speakers, "contributors file")


def _unique_key(name: str, index: int, count: int) -> str:
    if name.casefold().startswith("the ") or not re.search(r"[A-Za-z]", name):
        return _ORDINALS[index] if index < len(_ORDINALS) else f"contributor-{index + 1}"
    return re.sub(r"[^a-z0-9]+", "-", key(name).casefold()).strip("-") or f"c{index + 1}"


def _dedupe(speakers: list[Speaker]) -> None:
    seen: set[str] = set()
    for i, s in enumerate(speakers):
        if s.key in seen:
            s.key = f"{s.key}-{i + 1}"
        seen.add(s.key)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")


def _by_headings(paragraphs: list[Block], named: list[Given]) -> Segmentation:
    whole = "\n".join(b.text for b in paragraphs)
    by_key: dict[str, Speaker] = {}
    for g in named:
        by_key.setdefault(key(g.name), Speaker(key(g.name), g.name, g))
    order: list[str] = []
    parts: list[Part] = []
    current: str | None = None
    notes = False
    bylines = False
    speech_count = 0
    for block in paragraphs:
        previous = parts[-1] if parts else None
        text = block.text
        h = heading(text)
        if notes and h is not None and not h.byline:
            notes = False  # a new speech after the notes: a second text follows
        notes = notes or (bool(order) and _notes_start(text))
        if notes:
            parts.append(Part(text, Role.NOTES))
            continue
        if h is not None:
            k = key(h.name)
            if k not in by_key:
                by_key[k] = Speaker(k, _display(h.name, whole))
            if k not in order:
                order.append(k)
            parts.append(Part(text, Role.HEADING, None))
            if not h.byline:
                speech_count += 1
                by_key[k].speeches.append(speech_count)
            if h.byline:
                bylines = True
                _claim_before(parts, k)
                current = None
            else:
                current = k
            continue
        t = turn(text)
        if t is not None:
            k = key(t.name)
            if k in by_key and (k in order or named):
                if k not in order:
                    order.append(k)
                parts.append(Part(text, Role.TURN, k, t.start))
                if current is None:
                    current = k
            else:
                parts.append(Part(text, Role.CROWD))
            continue
        role = _classify(block, previous)
        if role is Role.READOUT and current is not None:  # a document the speaker reads out
            parts.append(Part(text, Role.SPEECH, current, hint="document"))
            continue
        if role is not None:
            parts.append(Part(text, role))
            continue
        if current is None:
            parts.append(Part(text, Role.FRONT))
            continue
        parts.append(_spoken(text, current, order))
    if bylines:
        for p in parts:
            if p.role is Role.SPEECH and p.owner is None:
                p.role = Role.FRONT
    speakers = [by_key[k] for k in order]
    for sp in speakers:
        sp.closing = speech_count > 1 and speech_count in sp.speeches
    _titles(speakers, whole)
    _read_out(parts, order)
    return Segmentation(parts, speakers, "headings" if not named else "headings and --speakers")


_CUE = re.compile(
    r"(?:\b(?:said|says|language|words|following|read|proceeds|follows|comment|sums up|"
    r"winds up with this|this)\b[^.?!]*|,[^.?!]*):\s*$"
)
_OWN = re.compile(r"\b(?:I|my|My)\b")
_OTHER = re.compile(r"\b(?:he|He|his|His|him|the Judge|The Judge)\b")
_DOCUMENT = re.compile(r"resolution|platform|preamble|newspaper|article|following")
_SPEECH_WORDS = re.compile(r"\b(?:said|says|speech|language)\b")
_ENDS = re.compile(r"[.?!:]['’”\")\]]*\s*$|''\s*$")


def _read_out(parts: list[Part], order: list[str]) -> None:
    """Words a speaker reads out: the author's when the text says whose, else the reader's
    with the mark "document" (summaries then say they are read out).

    A paragraph of speech ending in a cue such as "he said:" or "in these words:" announces
    what follows; the read-out runs on while a paragraph ends inside a sentence.
    """
    for i in range(1, len(parts)):
        part, before = parts[i], parts[i - 1]
        if part.role is not Role.SPEECH or part.owner is None:
            continue
        if _QUESTION.match(part.text) and len(order) == 2:  # the other's question, read out
            part.reader = part.owner
            part.owner = order[0] if order[1] == part.owner else order[1]
            part.hint = "question"
            continue
        if part.hint is not None or before.role not in SPOKEN or before.owner is None:
            continue
        if before.hint in _READ:  # a read-out runs on while it ends inside a sentence
            if not _ENDS.search(before.text):
                part.owner, part.hint, part.reader = before.owner, before.hint, before.reader
            continue
        cue = _last_sentence(before.text[before.start:])
        if not _CUE.search(cue):
            after = parts[i + 1] if i + 1 < len(parts) else None
            other = _quoted_other(cue, before.owner, order, after)
            if other is not None:  # "He there lays down a proposition ..." [his words]
                part.owner, part.hint, part.reader = other, "readout", before.owner
            continue
        reader = before.owner
        author = _author(cue, reader, order)
        if author is None:
            part.hint = "document"  # a paper read out: the reader's, marked as read out
        elif author != reader:
            part.owner, part.hint, part.reader = author, "readout", reader
        else:
            part.hint = "own-readout"  # the speaker reads his own earlier words


_READ = ("readout", "document", "own-readout")
# the words of the other announced without a colon, then pointed back at: "He there lays
# down a proposition so broad ..." [the proposition] "There you find that Mr. Lincoln ..."
_ANNOUNCES = re.compile(
    r"\b(?:he|He|his|His)\b[^.?!]*\b(?:lays down|laid down|says|said|declares|declared|"
    r"proposition|speech|language|words)\b"
)
_POINTS_BACK = re.compile(
    r"^(?:There|Here|Thus) (?:you (?:find|have|see)|he (?:says|lays|declares|tells))\b|"
    r"^(?:These|Those|Such) (?:are|were) (?:his|the) (?:words|sentiments)\b"
)


def _quoted_other(
    cue: str, reader: str | None, order: list[str], after: Part | None
) -> str | None:
    """The other speaker, when `cue` announces his words and the paragraph after the
    read-out points back at them (both are needed: "He says ..." alone is common)."""
    others = [k for k in order if k != reader]
    if len(others) != 1 or after is None or after.owner != reader or after.hint is not None:
        return None
    if _ANNOUNCES.search(cue) and _POINTS_BACK.match(after.text[after.start:].lstrip()):
        return others[0]
    return None


def _last_sentence(text: str) -> str:
    pieces = re.split(r"(?<=[.?!])\s+", text.strip())
    return pieces[-1] if pieces else text


def _author(cue: str, reader: str, order: list[str]) -> str | None:
    """Whose words a cue announces: the other speaker's, the reader's own, or no one's."""
    others = [k for k in order if k != reader]
    if _DOCUMENT.search(cue) and not _SPEECH_WORDS.search(cue):
        return None  # a platform, resolutions, a newspaper: no speaker's words
    if len(others) == 1:
        other = others[0]
        if _OTHER.search(cue) or re.search(r"\b" + re.escape(other.title()) + r"\b", cue):
            return other
    if _OWN.search(cue) and not re.search(r"\bread\b|\bfollowing\b", cue):
        return reader
    return None


def _spoken(text: str, current: str, order: list[str]) -> Part:
    """A paragraph of the current speech; a debate's Q. and A. paragraphs are marked."""
    if _OWN_QUESTION.match(text) and not _QUESTION.match(text):
        return Part(text, Role.SPEECH, current, hint="question")
    if _ANSWER.match(text):
        return Part(text, Role.SPEECH, current, hint="answer")
    return Part(text, Role.SPEECH, current)


def _claim_before(parts: list[Part], owner: str) -> None:
    """A byline closes a contribution: the unowned paragraphs before it are its author's."""
    for i in range(len(parts) - 2, -1, -1):
        p = parts[i]
        if p.role is Role.HEADING:
            break
        if i == 0 and len(p.text) <= TITLE_CHARS:
            break  # the title stays no one's
        if p.role is Role.FRONT:
            p.role, p.owner = Role.SPEECH, owner


def _display(name: str, text: str) -> str:
    """A heading's name as people write it: "DOUGLAS" becomes "Stephen A. Douglas"."""
    if name.isupper():
        surname = name.title()
        return full_name(surname, text)
    return name


def _titles(speakers: list[Speaker], text: str) -> None:
    """Titles the text gives each speaker: "Judge Douglas", "Senator Douglas"."""
    for s in speakers:
        surname = s.name.split()[-1]
        for m in re.finditer(
            r"\b(Judge|Senator|Mr\.|Mrs\.|Ms\.|Dr\.|Professor|Justice|Governor|Hon\.)\s+"
            + re.escape(surname) + r"\b",
            text,
        ):
            s.titles.add(m.group(1))
