"""Ways members may name a contributor: surname, first name, full name, the text's titles
("Judge Douglas"), order words ("the opening speaker") and their affiliation's words."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from bot.ingest.epithets import epithets
from bot.ingest.segment import Speaker
from bot.nicknames import nicknames

VARIANT_RATIO = 85  # how close a word of the text must be to a name to be its spelling

_INSTITUTIONS = {"university", "institute", "foundation", "foundations", "center", "centre",
                 "college", "school", "academy", "council", "institution"}
_LAST = ("last", "final")
_ROLE_NOUNS = ("contributor", "respondent", "author", "writer", "speaker")


def short_name(s: Speaker) -> str:
    """How answers name them in running text: the surname, or "the final respondent"."""
    if s.name.casefold().startswith("the "):
        return s.name
    return s.name.split()[-1]


def text_variants(name: str, text: str) -> list[tuple[int, str]]:
    """Other spellings the text uses for the words of a name ("Nicolas", "Becquelin"), with
    the index of the name's word each stands for."""
    capitals = Counter(re.findall(r"\b[A-Z][a-z]{3,}\b", text))
    out: list[tuple[int, str]] = []
    for i, part in enumerate(name.split()):
        if len(part) < 5:
            continue
        for word in capitals:
            if word != part and fuzz.ratio(word.casefold(), part.casefold()) >= VARIANT_RATIO:
                out.append((i, word))
    return [(i, v) for i, v in out if i == 0 or not _named_other(v, name, out, text)]


def _similar(word: str, name: str, variants: list[tuple[int, str]]) -> bool:
    """Whether a word is one of a name's words, or a spelling of one the text uses."""
    return any(fuzz.ratio(word.casefold(), w.casefold()) >= VARIANT_RATIO
               for w in (*name.split(), *(v for _, v in variants)))


def _named_other(variant: str, name: str, variants: list[tuple[int, str]], text: str) -> bool:
    """Whether a near spelling of a surname is another person's name in the text: after a
    given name not the speaker's ("Fred. Douglass" beside "Stephen A. Douglas"); after the
    speaker's own given name or a title ("Nicolas Becquelin", "Judge Douglass") it is theirs."""
    before = {  # (not a sentence's first word: "Then Douglass said")
        m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+{re.escape(variant)}\b", text)
        if text[: m.start()].rstrip()[-1:] not in ("", ".", "!", "?", '"', "\n")
    }
    return any(not _similar(w, name, variants) and w not in _HONORIFICS for w in before)


# words before a surname that name no other person (besides the text's own titles)
_HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Judge", "Senator",
               "Governor", "General", "Colonel", "Captain", "President", "Justice", "Hon",
               "Sir", "Lord", "Lady", "Rev", "Reverend", "Father", "Brother", "Sister"}


def _plain_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case: ordinary words, which no short form of a name
    may take ("drew", "bill", "will")."""
    return frozenset(re.findall(r"\b[a-z]{3,}\b", text))


def aliases(s: Speaker, order: int, count: int, debate: bool, text: str = "") -> list[str]:
    """Every alias of one speaker, without their name and short name."""
    out: list[str] = []
    words = s.name.split()
    if s.name.casefold().startswith("the "):
        base = s.name[4:]
        out.append(base)
        noun = base.split()[-1] if base.split() else "contributor"
        for last in _LAST:
            for role in dict.fromkeys((noun, *_ROLE_NOUNS)):
                out.append(f"{last} {role}")
    else:
        if len(words) > 1:
            out.append(words[0])
            out.append(f"{words[0]} {words[-1]}")
            for nick in sorted(nicknames(words[0], _plain_words(text))):
                nick = nick.capitalize()  # "Abe", "Abe Lincoln"
                out += [nick, f"{nick} {words[-1]}"]
        out.extend(epithets(s.name))  # "the Little Giant"
        variants = text_variants(s.name, text) if text else []
        for i, v in variants:
            out.append(v)
            if len(words) > 1:
                out.append(f"{v} {words[-1]}" if i == 0 else f"{words[0]} {v}")
        for title in sorted(s.titles):
            out.append(f"{title} {words[-1]}")
            if title not in ("Mr.", "Mrs.", "Ms.") and debate:
                out.append(f"the {title}")
    if debate:
        out.append("the opening speaker" if order == 1 else f"speaker {order}")
        if order == 1:
            out += ["the first speaker", "the opener"]
        if count == 1:
            out.append("the only speaker")
        elif s.closing or (order == count and not s.speeches):
            # the last speech's speaker, who may also have opened (Douglas at Ottawa)
            out += ["the closing speaker", "the last speaker", "the final speaker"]
    if s.given is not None:
        out.extend(s.given.aliases)
        out.extend(_affiliation_aliases(s.given.affiliation))
    seen = {s.name.casefold(), short_name(s).casefold()}
    unique: list[str] = []
    for a in out:
        a = " ".join(a.split())
        if a and a.casefold() not in seen:
            seen.add(a.casefold())
            unique.append(a)
    return unique


_NOT_NOUNS = {"emeritus", "emerita", "senior", "former", "independent", "executive",
              "associate", "assistant", "general", "adjunct", "visiting"}
_UNKNOWN = {"unknown", "none", "n/a", "-", "?"}


def _affiliation_aliases(affiliation: str) -> list[str]:
    """"Professor of political science, Columbia University" -> "Columbia professor", ...

    Several affiliations may be given, separated by ';' ("..., formerly director of X").
    """
    out: list[str] = []
    for one in affiliation.split(";"):
        one = re.sub(r"^\s*(?:formerly|former|previously|and)\s+", "", one.strip())
        if one and one.casefold() not in _UNKNOWN:
            out += _one_affiliation(one)
    return out


def _one_affiliation(affiliation: str) -> list[str]:
    parts = [p.strip() for p in affiliation.split(",") if p.strip()]
    if len(parts) < 2:
        m = re.match(r"(.+?)\s+(?:of|at)\s+([A-Z].+)$", affiliation)
        if not m:
            return [affiliation]
        parts = [m.group(1), m.group(2)]
    role, org = parts[0], parts[1]
    role_words = role.split()
    if len(role_words) > 1 and role_words[1] == "of":
        noun = role_words[0]
    else:
        nouns = [w for w in role_words if w.casefold() not in _NOT_NOUNS]
        noun = nouns[-1] if nouns else role_words[-1]
    noun = noun.casefold()
    org_words = re.findall(r"[A-Za-z]+", org)
    out = [org, role.casefold()]
    for i, w in enumerate(org_words):  # "Columbia University" -> "Columbia professor"
        if w.casefold() in _INSTITUTIONS and i > 0:
            out.append(f"{' '.join(org_words[:i])} {noun}")
            break
    initials = "".join(w[0] for w in org_words if w[0].isupper())
    if len(initials) >= 3:
        out += [initials, f"{initials} {noun}"]
    out.append(f"{org} {noun}")
    return out


def name_pattern(s: Speaker, all_aliases: list[str]) -> re.Pattern[str]:
    """A regex finding this speaker named in a sentence (names and titled names only)."""
    names = {s.name, short_name(s)}
    names.update(a for a in all_aliases if a[:1].isupper() and not a.startswith("the "))
    if not s.name.casefold().startswith("the "):
        names.update(f"{t} {s.name.split()[-1]}" for t in s.titles)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    return re.compile(r"\b(?:" + alternatives + r")(?:'s|’s|')?\b")
