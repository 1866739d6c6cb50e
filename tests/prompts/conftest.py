"""Fixtures for the prompt tests: a small reading, an injected clock, a store and a service."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.engine.answers import Answer
from bot.knowledge.model import Contributor, Kind, Paragraph, Position, Prompt, Reading
from bot.prompts.service import PromptService, Related
from bot.prompts.store import Store


class FakeClock:
    """A clock the test moves by hand: never sleeps."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def make_reading(prompt_count: int = 5) -> Reading:
    paragraphs = (
        Paragraph(0, "Title", None),
        Paragraph(1, "Alpha says the citizens are the engine of progress in the country.", "a"),
        Paragraph(2, "Beta says no nation should pose as the moral model for all others.", "b"),
        Paragraph(3, "Gamma says businesses should respect human rights in their factories.", "c"),
    )
    contributors = (
        Contributor("a", "Ann Alpha", "Alpha", ("Ann",), "Uni A", 1, (1,)),
        Contributor("b", "Bob Beta", "Beta", ("Bob",), "Uni B", 2, (2,)),
        Contributor("c", "the final respondent", "the final respondent", (), "", 3, (3,)),
    )
    positions = (
        Position("a-engine", "a", Kind.CLAIM, "Alpha sees citizens as the engine.",
                 ("citizens",), "the citizens are the engine of progress", 1),
        Position("b-model", "b", Kind.CRITIQUE, "Beta rejects any nation as the model.",
                 ("model",), "no nation should pose as the moral model", 2),
        Position("c-business", "c", Kind.RECOMMENDATION, "Businesses should respect rights.",
                 ("business",), "businesses should respect human rights", 3),
    )
    links = [("a-engine", "b-model"), ("b-model",), ("c-business", "a-engine")]
    prompts = tuple(
        Prompt(f"p{i}", f"Discussion question number {i}?", links[i % len(links)])
        for i in range(prompt_count)
    )
    return Reading(
        id="test-reading", title="A Test Reading", series="s", publisher="p", date="2013",
        url="https://example.org/reading", paragraphs=paragraphs, contributors=contributors,
        positions=positions, prompts=prompts,
    )


def related_for(reading: Reading) -> Related:
    """A stand-in for Engine.related: positions whose topic word occurs in the text."""

    def related(text: str, limit: int = 6) -> list[Answer]:
        found = []
        for p in reading.positions:
            if any(t in text.lower() for t in p.topics):
                c = reading.contributor(p.contributor_id)
                found.append(Answer(c.id, c.name, p.id, p.kind.value, p.summary, p.quote,
                                    p.paragraph, 80.0))
        return found[:limit]

    return related


class FakeEngine:
    """Duck-typed engine: what the prompt feature uses of Engine."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.related = related_for(reading)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 3, 25, 12, 0, tzinfo=UTC))


@pytest.fixture
def reading() -> Reading:
    return make_reading()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "prompts.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Store:
    return Store(db_path)


def make_service(reading: Reading, db_path: Path, clock: FakeClock,
                 grace_minutes: float = 60) -> PromptService:
    """A fresh service on the database file: what a restarted bot would build."""
    return PromptService(reading, Store(db_path), related_for(reading), clock=clock,
                         grace=timedelta(minutes=grace_minutes))


@pytest.fixture
def service(reading: Reading, db_path: Path, clock: FakeClock) -> PromptService:
    return make_service(reading, db_path, clock)
