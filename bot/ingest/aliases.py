"""Ways members may name a contributor: surname, first name, full name, the text's titles
("Judge Douglas"), order words ("the opening speaker") and their affiliation's words."""

from __future__ import annotations

import re

from bot.ingest.segment import Speaker

_ORG_FILLER = {"university", "institute", "foundation", "foundations", "of", "the", "for",
               "center", "centre", "college", "school", "society", "and", "on"}
_LAST = ("last", "final")
_ROLE_NOUNS = ("contributor", "respondent", "author", "writer", "speaker")


def short_name(s: Speaker) -> str:
    """How answers name them in running text: the surname, or "the final respondent"."""
    if s.name.casefold().startswith("the "):
        return s.name
    return s.name.split()[-1]


def aliases(s: Speaker, order: int, count: int, debate: bool) -> list[str]:
    """Every alias of one speaker, without their name and short name."""
    out: list[str] = []
    words = s.name.split()
    if s.name.casefold().startswith("the "):
        base = s.name[4:]
        out.append(base)
        noun = base.split()[-1] if base.split() else "contributor"
        for last in _LAST:
            for role in {noun, *(_ROLE_NOUNS)}:
                out.append(f"{last} {role}")
    else:
        if len(words) > 1:
            out.append(words[0])
            out.append(f"{words[0]} {words[-1]}")
        for title in sorted(s.titles):
            out.append(f"{title} {words[-1]}")
            if title not in ("Mr.", "Mrs.", "Ms.") and debate:
                out.append(f"the {title}")
    if debate:
        out.append("the opening speaker" if order == 1 else f"speaker {order}")
        if order == count:
            out.append("the closing speaker" if count > 1 else "the only speaker")
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


def _affiliation_aliases(affiliation: str) -> list[str]:
    """"Professor of political science, Columbia University" -> "Columbia professor", ..."""
    if not affiliation:
        return []
    parts = [p.strip() for p in re.split(r"[,;]", affiliation) if p.strip()]
    if len(parts) < 2:
        return [affiliation]
    role, org = parts[0], parts[1]
    role_words = role.split()
    noun = role_words[0] if len(role_words) > 1 and role_words[1] == "of" else role_words[-1]
    noun = noun.casefold()
    org_words = [w for w in re.findall(r"[A-Za-z]+", org) if w.casefold() not in _ORG_FILLER]
    out = [org, role.casefold()]
    if org_words:
        out.append(f"{org_words[0]} {noun}")
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", org) if w[0].isupper())
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
