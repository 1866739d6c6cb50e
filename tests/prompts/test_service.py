"""The service facade, cards, the console commands and the moderator check."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest

from bot.knowledge.model import Reading
from bot.prompts.access import REFUSAL, is_moderator
from bot.prompts.cards import NO_POSITIONS, Source, render_text
from bot.prompts.console_commands import console_prompt, run_console_command
from bot.prompts.service import MAX_PROMPT_CHARS, PromptError, PromptService

from .conftest import FakeClock, FakeEngine


def test_curated_card_lists_linked_positions_in_order(service: PromptService) -> None:
    card = service.post(1, "p0")
    assert card.source is Source.CURATED and card.prompt_id == "p0"
    assert [e.position_id for e in card.entries] == ["a-engine", "b-model"]
    entry = card.entries[0]
    assert (entry.contributor, entry.paragraph, entry.kind) == ("Ann Alpha", 1, "claim")
    assert entry.quote == "the citizens are the engine of progress"
    assert card.contributors == ["Ann Alpha", "Bob Beta"]


def test_free_text_uses_related_and_says_when_there_is_nothing(service: PromptService) -> None:
    card = service.post(1, "What should   business do?")
    assert card.source is Source.FREE and card.prompt_id is None
    assert card.text == "What should business do?"
    assert [e.position_id for e in card.entries] == ["c-business"]
    empty = service.post(1, "Is the weather nice on Mars?")
    assert empty.entries == () and empty.note == NO_POSITIONS
    assert NO_POSITIONS[:30] in render_text(empty)


def test_post_finds_prompts_by_text_too(service: PromptService) -> None:
    assert service.post(1, "discussion question number 3?").prompt_id == "p3"


def test_custom_prompt_card_comes_from_related(service: PromptService) -> None:
    ref = service.add(1, "Should no nation be the model?", author_id=7)
    card = service.post(1, ref.id)
    assert card.source is Source.CUSTOM
    assert [e.position_id for e in card.entries] == ["b-model"]


def test_add_and_remove_errors(service: PromptService) -> None:
    with pytest.raises(PromptError, match="at least"):
        service.add(1, "short")
    with pytest.raises(PromptError, match="at most"):
        service.add(1, "x" * (MAX_PROMPT_CHARS + 1))
    with pytest.raises(PromptError, match="already"):
        service.add(1, "Discussion question number 1?")
    with pytest.raises(PromptError, match="curated"):
        service.remove(1, "p1")
    with pytest.raises(PromptError, match="no prompt"):
        service.remove(1, "custom-99")
    ref = service.add(1, "A custom one for server one")
    with pytest.raises(PromptError, match="no prompt"):
        service.remove(2, ref.id)  # another server's prompt
    assert service.remove(1, ref.id.upper()).id == ref.id


def test_suggest(service: PromptService) -> None:
    service.add(1, "What about Hong Kong consulates?")
    assert len(service.suggest(1, "")) == 6
    assert next(r.id for r in service.suggest(1, "hong kong")) == "custom-1"
    assert next(r.id for r in service.suggest(1, "number 4")) == "p4"
    assert [r.id for r in service.suggest(1, "", source=Source.CUSTOM)] == ["custom-1"]
    assert service.suggest(2, "hong kong") == []


def test_schedule_errors_are_prompt_errors(service: PromptService) -> None:
    with pytest.raises(PromptError, match="weekday"):
        service.schedule(1, 2, "weekly 18:00")
    with pytest.raises(PromptError, match="time zone"):
        service.schedule(1, 2, "daily 18:00", "Nowhere/Land")


def test_no_prompts_at_all(reading: Reading, tmp_path: Path) -> None:
    from dataclasses import replace

    from bot.prompts.store import Store

    bare = PromptService(replace(reading, prompts=()), Store(tmp_path / "x.sqlite3"),
                         lambda t, n: [])
    with pytest.raises(PromptError, match="no prompts"):
        bare.next(1)


def test_console_commands(reading: Reading, db_path: Path, clock: FakeClock) -> None:
    engine = cast(Any, FakeEngine(reading))
    out = console_prompt(engine, db_path, "next", clock=clock)
    assert out.startswith("[#console]") and "Discussion prompt [p" in out
    assert "What the contributors said:" in out and "Source: A Test Reading" in out
    out = console_prompt(engine, db_path, "prompt post Why do business rights matter?",
                         clock=clock)
    assert "- the final respondent" in out and "¶3: Businesses" in out
    assert console_prompt(engine, db_path, "add Our own question about Tibet?",
                          clock=clock).startswith("Added custom-1")
    listing = console_prompt(engine, db_path, "list", clock=clock)
    assert "p0: Discussion question number 0?" in listing
    assert "custom-1: Our own question about Tibet?" in listing
    assert "Removed custom-1" in console_prompt(engine, db_path, "remove custom-1", clock=clock)
    assert "curated" in console_prompt(engine, db_path, "remove p1", clock=clock)
    assert "Unknown prompt command" in console_prompt(engine, db_path, "dance", clock=clock)
    assert "prompt next" in console_prompt(engine, db_path, "", clock=clock)


def test_console_schedule_and_due(reading: Reading, db_path: Path, clock: FakeClock) -> None:
    engine = cast(Any, FakeEngine(reading))
    clock.set(datetime(2024, 3, 25, 12, tzinfo=UTC))  # a Monday
    out = console_prompt(engine, db_path, "schedule weekly monday 18:00 Europe/Berlin",
                         clock=clock)
    assert "every Monday at 18:00 (Europe/Berlin)" in out and "2024-03-25 18:00" in out
    assert console_prompt(engine, db_path, "due", clock=clock) == "Nothing is due."
    clock.set(datetime(2024, 3, 25, 17, 5, tzinfo=UTC))
    assert "Discussion prompt" in console_prompt(engine, db_path, "due", clock=clock)
    assert console_prompt(engine, db_path, "due", clock=clock) == "Nothing is due."
    assert "Scheduled: every Monday" in console_prompt(engine, db_path, "list", clock=clock)
    assert console_prompt(engine, db_path, "unschedule", clock=clock) == "Schedule removed."
    assert "no schedule" in console_prompt(engine, db_path, "unschedule", clock=clock)


def test_console_on_a_service(service: PromptService) -> None:
    assert "Discussion prompt" in run_console_command(service, "post")


def test_moderator_check_refuses_ordinary_members() -> None:
    assert not is_moderator(manage_messages=False, roles=[(1, "Reader")],
                            moderator_roles=["Moderator"])
    assert is_moderator(manage_messages=True, roles=[], moderator_roles=[])
    assert is_moderator(manage_messages=False, roles=[(1, "moderator ")],
                        moderator_roles=["Moderator"])
    assert is_moderator(manage_messages=False, roles=[(42, "Helpers")], moderator_roles=[42])
    assert not is_moderator(manage_messages=False, roles=[(1, "Reader")], moderator_roles=[""])
    assert "moderators" in REFUSAL and "Sorry" in REFUSAL
