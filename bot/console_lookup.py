"""Reading the console's lookup commands: `positions NAMES [KIND]`, `quote [NAMES] [KIND]`
and `paragraph N` (also asked as "what is in paragraph 23?" or "who wrote paragraph 23?").

Names are what the engine resolves (names, aliases, misspellings, "the final respondent"),
several joined by "and" or commas; a kind may be plural ("recommendations") or slightly
misspelt. Nothing here knows a particular reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.engine.text import clean, words
from bot.knowledge.model import Contributor, Kind, Reading

KIND_CUTOFF = 85  # how close a misspelt kind must be to one (rapidfuzz ratio, 0-100)
KIND_WORDS = {"worry": "concern", "criticism": "critique", "suggestion": "recommendation"}

JOINING = frozenset({"and", "the", "of", "by", "from", "with", "plus"})  # between names
TOPIC_LEADS = frozenset({"on", "about", "regarding", "re", "concerning"})  # "Neier on Taiwan"
ECHO_CHARS = 40  # at most this much of the user's words is repeated in a message
LOOKUP_CHARS = 300  # a lookup longer than this is cut (names and a kind are far shorter)
_PARAGRAPH = re.compile(
    r"""^(?:(?:show|read|print|open|quote|give|display)(?:\s+me)?|what(?:'s|\s+is|\s+does|
    \s+says?)?(?:\s+in)?|who\s+(?:wrote|writes|says|said)(?:\s+in)?)?\s*(?:the\s+)?
    (?:paragraph|para\.?|par\.?|¶)\s*(\d{1,6})(?:\s+says?)?\s*[?.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)


def kind_names() -> list[str]:
    """Every kind of position, as written in the knowledge files."""
    return [k.value for k in Kind]


def parse_kind(word: str, kinds: Sequence[str] | None = None) -> str | None:
    """The kind a word names: exact, plural ("concerns", "critiques"), a common other word
    ("worries") or a near miss ("recomendation"); None when it names none."""
    kinds = list(kinds) if kinds is not None else kind_names()
    low = word.strip().lower()
    forms = [low]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    if low.endswith("es"):
        forms.append(low[:-2])
    if low.endswith("s"):
        forms.append(low[:-1])
    for form in forms:
        if form in kinds:
            return form
        if KIND_WORDS.get(form) in kinds:
            return KIND_WORDS[form]
    if len(low) < 5:
        return None
    best = process.extractOne(low.rstrip("s"), kinds, scorer=fuzz.ratio, score_cutoff=KIND_CUTOFF)
    return str(best[0]) if best else None


@dataclass(frozen=True)
class Lookup:
    """What a `positions` or `quote` command asks for, or why it cannot be answered."""

    contributors: tuple[Contributor, ...] = ()
    kinds: tuple[str, ...] = ()  # () for every kind
    error: str = ""

    def matches(self, kind: str) -> bool:
        """Whether a position of this kind is asked for."""
        return not self.kinds or kind in self.kinds

    def kinds_text(self) -> str:
        """'concern or critique'."""
        return " or ".join(self.kinds)


def parse_lookup(rest: str, engine: Engine, kinds: Sequence[str] | None = None) -> Lookup:
    """Read "Aryeh Neier and the final respondent recommendations" into contributors and
    kinds. With no names (only kinds, or nothing) the lookup is about everyone.

    The names are found as the engine finds them in questions; each word left over must
    name a kind ("concerns and critiques"), else it is named in the error message.
    """
    kinds = list(kinds) if kinds is not None else kind_names()
    tokens = words(clean(rest, LOOKUP_CHARS))
    mentions = engine.matcher.find(tokens)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    left = [i for i, t in enumerate(tokens) if i not in covered and t not in JOINING]
    asked = {i: parse_kind(tokens[i], kinds) for i in left}
    wanted = tuple(dict.fromkeys(k for k in asked.values() if k is not None))
    left = [i for i in left if asked[i] is None]
    for m in mentions:
        if m.ambiguous:
            names = " or ".join(engine.reading.contributor(c).name for c in m.contributor_ids)
            said = " ".join(tokens[m.start:m.end])
            return Lookup(error=f"{said!r} could mean {names}: which one?")
    people = tuple(dict.fromkeys(engine.reading.contributor(m.contributor_ids[0])
                                 for m in mentions))
    if not left:
        return Lookup(people, wanted)
    extra = shorten(" ".join(tokens[i] for i in left))
    if people:
        listed = "Kinds are: " + ", ".join(kinds) + "."
        topic = " ".join(tokens[i] for i in left if tokens[i] not in TOPIC_LEADS) or extra
        example = f"what did {people[0].short_name} say about {shorten(topic)}?"
        return Lookup(error=f"{extra!r} is not a kind of position. {listed} To ask about "
                            f"a topic, ask a question, e.g. {example}")
    whole = engine.resolve_contributor(rest)  # a misspelling the name matcher misses
    if whole is not None:
        return Lookup((whole,), wanted)
    return Lookup(error=f"I don't know a contributor called {shorten(rest)!r}. "
                        "Try `contributors`.")


def shorten(text: str, limit: int = ECHO_CHARS) -> str:
    """The user's words cut to `limit` characters, for a message that repeats them."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def paragraph_number(text: str) -> int | None:
    """N when the text only asks for paragraph N ("paragraph 23", "what's in ¶ 23?")."""
    match = _PARAGRAPH.match(" ".join(text.split()))
    return int(match.group(1)) if match else None


def render_paragraph(reading: Reading, number: int) -> str:
    """Paragraph `number` with who wrote it, or why there is none."""
    last = len(reading.paragraphs) - 1
    if not 0 <= number <= last:
        return f"There is no paragraph {number}; the text has paragraphs 0 to {last}."
    para = reading.paragraph(number)
    if para.contributor_id is None:
        who = "not by a contributor (a title, heading or caption)"
    else:
        c = reading.contributor(para.contributor_id)
        who = f"by {c.name} ({c.affiliation})" if c.affiliation else f"by {c.name}"
    return f"Paragraph {number}, {who}:\n{para.text}"
