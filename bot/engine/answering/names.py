"""Whether a passage gives the name a question asks for ("what's the laureate's name?"), and
which person a question asks the name of."""

from __future__ import annotations

import re

from bot.engine.lexicon import WORLD_PERSON_NOUNS
from bot.engine.sources import Sources
from bot.engine.text import stem, words

# "what's the laureate's name", "the name of the jailed laureate", "who is the laureate he
# mentions": the everyday word for the person whose name is asked
_NAME_OF = (
    re.compile(r"\bname\s+of\s+(?:the|that|this)\s+((?:\w+\s+){0,3}\w+)", re.I),
    re.compile(r"(\w+?)(?:['’]s|s['’])?\s+(?:real\s+|actual\s+|full\s+)?name\b", re.I),
    re.compile(
        r"\bwho\s*(?:['’]s|\s+is|\s+was)\s+(?:the|that|this)\s+(?:\w+\s+){0,2}?(\w+)\s+"
        r"(?:\w+\s*(?:['’]s|['’]re|\s+is|\s+are|\s+was)?\s*)(?:talking\s+about|"
        r"mentions?|mentioning|refers?\s+to|referring\s+to|means?|speaks?\s+of|"
        r"writes?\s+about|brings?\s+up|cites?)\b", re.I),
)
# the words for a person that stand for the one spoken of last ("the guy's name")
PERSON_WORDS = WORLD_PERSON_NOUNS | frozenset({"guy", "guys", "person", "dude", "lady",
                                               "fellow", "individual"})


def person_named(text: str) -> str:
    """The everyday word for the person a question asks the name of ("laureate" in "what's
    the laureate's name?"; "" if it asks no such name)."""
    for pattern in _NAME_OF:
        m = pattern.search(text)
        for word in words(m.group(1)) if m else ():
            for w in (word[:-1] if word.endswith("s") else word, word):
                if w in PERSON_WORDS:
                    return w
    return ""


# "which companies do they name", "does he say which US president", "does he name any
# particular lawyers": a thing asked for by its name
_THING = r"((?:\w+\s+){0,2}?\w+)"
_THING_NAMED = (
    re.compile(r"\bwhich\s+" + _THING + r"\s+(?:do|does|did|r|are|is|was|were)\s+"
               r"(?:[\w.]+\s+){1,3}?(?:name|names|mention|cite|have\s+in\s+mind|"
               r"talking\s+about|referring\s+to)\b", re.I),
    re.compile(r"\b(?:name|names|named|say|says|said|specify|specifies|mention|mentions|"
               r"identify|identifies)\s+which\s+" + _THING + r"\b", re.I),
    re.compile(r"\b(?:name|names|named|cite|cites|mention|mentions)\s+(?:any|an?|some)\s+"
               r"(?:actual\s+|specific\s+|particular\s+|real\s+)" + _THING + r"\b", re.I),
    # "did he name any of those journalists?": of the ones just spoken of
    re.compile(r"\b(?:name|names|named)\s+(?:any|some)\s+(?:of\s+)?(?:those|these|them|the)\s+"
               + _THING + r"\b", re.I),
    # "which internet companies tho, any names?", "which lawyers, names?"
    re.compile(r"\bwhich\s+" + _THING + r"\s*(?:\s(?:tho|though|then|exactly))?\s*[,?.:-]+\s*"
               r"(?:any\s+|their\s+|the\s+)?(?:names?|named)\b", re.I),
    # "which companies?", "and which ethnic minorities exactly?": the whole message
    re.compile(r"^\W*(?:(?:and|so|ok|okay|but|hmm)\W+)*which\s+(?!(?:one|ones|person|people|"
               r"guy|guys|contributors?|writers?|respondents?|authors?|speakers?)\b)"
               r"((?:\w+\s+)??\w+)(?:\s+(?:tho|though|then|exactly|specifically))?\W*$", re.I),
)


# things a text names by common nouns, not by proper names: "which professions did he
# name?" is answered by "journalists, scientists, academics and lawyers"
_COMMON_KINDS = frozenset(
    """profession professions occupation occupations job jobs trade trades career careers
    group groups kind kinds type types sort sorts category categories class classes sector
    sectors industry industries field fields area areas right rights freedom freedoms value
    values reason reasons step steps way ways measure measures issue issues problem problems
    thing things point points idea ideas""".split())


# things a text names by proper names ("which companies?" asks for names, "which gains?"
# for the text's own words)
NAMED_KINDS = frozenset(
    """company companies firm firms corporation corporations business businesses brand brands
    country countries nation nations city cities province provinces organization organizations
    organisation organisations ngo ngos agency agencies newspaper newspapers website websites
    platform platforms bank banks university universities official officials leader leaders
    president presidents politician politicians activist activists dissident dissidents lawyer
    lawyers journalist journalists senator senators judge judges""".split())


def thing_named(text: str) -> str:
    """The thing a question asks the text to name ("companies" in "which companies do they
    name?"; "" if it asks for no name, or for things a text names by common nouns)."""
    for pattern in _THING_NAMED:
        m = pattern.search(text)
        if m:
            thing = m.group(1).lower()
            return "" if thing.split()[-1] in _COMMON_KINDS else thing
    return ""


_CAPITAL = re.compile(r"[A-Z][\w’'.-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def gives_a_name(
    src: Sources, question: str, passage: str, *, recurring: int = 0, kind: str = ""
) -> bool:
    """Whether a passage holds a proper name the question does not (a run of capitalised
    words inside a sentence, none of them a contributor's name or a word that most of the
    reading's paragraphs capitalise, such as the country it is about; with `recurring`, nor
    one that as many paragraphs name: for an example asked, the reading's own subjects).
    `kind` is the things asked for ("companies"), when the question is not the message."""
    asked = set(words(question))
    known = set().union(*src.name_words.values()) if src.name_words else set()
    paragraphs = [p.text for p in src.reading.paragraphs]
    common: dict[str, bool] = {}
    title = set(re.findall(r"[\w.’']+", f"{src.reading.title} {src.reading.series or ''}"))

    def frequent(token: str) -> bool:
        if token not in common:
            pat = re.compile(rf"(?<!\w){re.escape(token)}(?!\w)")
            often = sum(1 for p in paragraphs if pat.search(p))
            common[token] = token in title or often > max(3, len(paragraphs) // 4) or (
                0 < recurring <= often)
        return common[token]

    asked_kind = kind or (thing_named(question).split() or [""])[-1]
    head = stem(asked_kind) if asked_kind else ""  # "companies" asked: "Internet companies"
    run: list[str] = []
    runs: list[list[str]] = []
    for m in re.finditer(r"\S+", passage):
        token = m.group(0).strip("()[],;:\"“”‘’")
        starts = m.start() == 0 or _SENTENCE_END.search(passage[:m.start()]) is not None
        if token and _CAPITAL.match(token) and not starts:
            run.append(token)
            continue
        if run and not (head and stem(token.lower()) == head):  # a kind of them names none
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    subjects: frozenset[str] | None = None
    for tokens in runs:
        lowered = [w for t in tokens for w in words(t)]
        if not lowered or any(w in asked or w in known for w in lowered):
            continue
        if lowered[-1] in PERSON_WORDS or lowered[-1].rstrip("s") in PERSON_WORDS:
            continue  # "a Nobel Peace Laureate": a title, no name
        if all(frequent(re.sub(r"['’]s$", "", t)) or len(t) < 3 for t in tokens):
            continue
        if recurring and subjects is None:
            subjects = _subjects(src, recurring)  # (worked out once, if needed at all)
        if subjects is not None and all(w in subjects for w in lowered):
            continue  # "American" critiques, in a reading that says "U.S." all along
        return True
    return False


def _subjects(src: Sources, recurring: int) -> frozenset[str]:
    """Words the reading uses in at least `recurring` paragraphs, in any spelling that reads
    as the same word ("American", "U.S." and "America" all as usa): its subjects."""
    counts: dict[str, int] = {}
    for p in src.reading.paragraphs:
        for w in set(words(p.text)):
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= recurring)
