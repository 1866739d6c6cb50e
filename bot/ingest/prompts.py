"""Discussion prompts drafted from the disagreements found, linked to their positions."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ingest.draft import Drafted

MAX_PROMPTS = 12


@dataclass(slots=True)
class DraftPrompt:
    """One drafted prompt."""

    id: str
    text: str
    positions: list[str]
    topics: list[str]


def draft_prompts(positions: list[Drafted], short: dict[str, str]) -> list[DraftPrompt]:
    """One prompt per disagreement (or critique) aimed at another contributor, at most 12."""
    candidates = [
        p for p in positions
        if p.target is not None and p.kind in ("disagreement", "critique", "question")
    ]
    candidates.sort(key=lambda p: (p.kind != "disagreement", not p.central, p.paragraph))
    out: list[DraftPrompt] = []
    used: set[int] = set()
    for p in candidates:
        if len(out) >= MAX_PROMPTS:
            break
        if p.paragraph in used:
            continue
        used.add(p.paragraph)
        assert p.target is not None
        answer = _closest(p, [q for q in positions if q.contributor == p.target])
        words = p.quote.split()
        gist = " ".join(words[:18]) + (" ..." if len(words) > 18 else "")
        who, other = short[p.contributor], short[p.target]
        text = (
            f"{who} takes issue with {other}: “{gist}” Who has the better of this point, "
            "and why?"
        )
        linked = [p.id] + ([answer.id] if answer is not None else [])
        out.append(DraftPrompt(f"draft-{p.id}", text, linked, p.topics[:4]))
    return out


def _closest(p: Drafted, theirs: list[Drafted]) -> Drafted | None:
    """The other's position sharing the most topic words with `p`."""
    mine = {w for t in p.topics for w in t.split()}
    best, best_score = None, 0
    for q in theirs:
        score = len(mine & {w for t in q.topics for w in t.split()})
        if score > best_score:
            best, best_score = q, score
    return best
