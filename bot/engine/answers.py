"""What the engine returns: cited answers and the reply that groups them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.knowledge.model import Position, Reading


class Mode(StrEnum):
    """How a reply is meant to be read."""

    ANSWER = "answer"  # best positions for the question, best first
    WHO = "who"  # one answer per contributor who spoke to the topic
    COMPARE = "compare"  # both (or all) named contributors on the topic
    ABSTAIN = "abstain"  # the reading does not answer this


@dataclass(frozen=True, slots=True)
class Answer:
    """One position, cited: who, what, the verbatim quote and where it stands."""

    contributor_id: str
    contributor: str  # display name
    position_id: str
    kind: str
    summary: str
    quote: str  # verbatim from paragraph `paragraph` of the reading
    paragraph: int
    score: float  # 0..100, higher is a better fit
    target: str | None = None  # display name of whom an (dis)agreement answers

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of shared/eval/score.py's contract (plus a few extras)."""
        return {
            "contributor": self.contributor,
            "contributor_id": self.contributor_id,
            "position": self.position_id,
            "kind": self.kind,
            "summary": self.summary,
            "quote": self.quote,
            "paragraph": self.paragraph,
            "score": round(self.score, 2),
            "responds_to": self.target,
        }


def cite(reading: Reading, pos: Position, score: float = 100.0) -> Answer:
    """A position of `reading` as a cited answer."""
    who = reading.contributor(pos.contributor_id)
    target = None
    if pos.target is not None:
        target = reading.contributor(pos.target.contributor_id).name
    return Answer(
        contributor_id=who.id,
        contributor=who.name,
        position_id=pos.id,
        kind=pos.kind.value,
        summary=pos.summary,
        quote=pos.quote,
        paragraph=pos.paragraph,
        score=min(100.0, score),
        target=target,
    )


@dataclass(frozen=True, slots=True)
class Reply:
    """The engine's whole answer to one question."""

    question: str
    mode: Mode
    answers: tuple[Answer, ...] = ()
    message: str = ""  # a lead sentence, or why it abstained and what it can answer
    candidates: tuple[str, ...] = field(default=())  # contributor ids, when ambiguous
    # How a follow-up was read ("what did Rosenzweig agree with?"), when not obvious; front
    # ends show it as "Reading that as: ...". Empty when the question stood on its own.
    reading_as: str = ""
    # Positions near the question that do not answer it (shown apart, never as answers).
    related: tuple[Answer, ...] = field(default=())
    # Contributors asked about who don't address the topic, when others' answers stand in
    # ("what did Hom say about the Soviet bloc?": Neier's answers, and Hom here).
    elsewhere: tuple[str, ...] = field(default=())
    # The answer leaves some of the question's words aside ("what did X list as reasons":
    # X's main points); a follow-up's other readings may fit better.
    loose: bool = False
    # It abstained because no passage of the reading holds the topic at all (not because
    # the one asked doesn't address it, or a detail is missing).
    uncovered: bool = False
    # It abstained because the passage on the topic lacks the detail asked ("how many were
    # arrested?"): other readings of a follow-up, which drop the detail, are not tried.
    missing_detail: bool = False

    @property
    def abstained(self) -> bool:
        """True when the reading holds no answer."""
        return self.mode is Mode.ABSTAIN or not self.answers

    def to_json(self) -> dict[str, Any]:
        """One JSON object per question: question, abstained, answers (best first)."""
        return {
            "question": self.question,
            "abstained": self.abstained,
            "mode": self.mode.value,
            "message": self.message,
            "candidates": list(self.candidates),
            "answers": [a.to_json() for a in self.answers],
            "reading_as": self.reading_as,
            "related": [a.to_json() for a in self.related],
            "not_addressed_by": list(self.elsewhere),
        }
