"""The console's `quiz`: numbers and fuzzy names answer, the score is told at the end."""

from __future__ import annotations

import random

from bot.console import Console
from bot.engine.engine import Engine
from bot.quiz.console import ConsoleQuiz
from bot.quiz.masking import MASK


def test_console_quiz_takes_numbers_and_misspelt_names() -> None:
    engine = Engine.load()
    console = Console(engine)
    quiz, text = ConsoleQuiz.start(engine.reading, "3", engine.resolve_contributor,
                                   random.Random(5))
    assert quiz is not None and "Round 1 of 3" in text
    console.quiz = quiz
    order = quiz.order
    answers = []
    for _ in range(3):
        q = quiz.session.question
        assert q.masked.text in text
        author = engine.reading.contributor(q.answer)
        answers.append(author)
        if len(answers) == 1:
            line = str(order.index(author) + 1)  # by number
        elif len(answers) == 2:
            wrong = next(c for c in order if c.id != author.id)
            line = wrong.short_name.lower()
        else:
            line = author.short_name[:-1] + "x" if len(author.short_name) > 5 else author.name
        text = console.handle(line) or ""
        if len(answers) == 1:
            assert text.startswith("Right! +10")
        elif len(answers) == 2:
            assert text.startswith(f"No: it was {author.name} (paragraph ")
        assert q.position.quote in text  # the reveal shows the verbatim quote
    assert "Your score: 20 points, 2 of 3 right, best streak 1." in text
    assert console.quiz is None
    assert console.handle("contributors") is not None  # back to questions


def test_console_quiz_command_usage_and_stop() -> None:
    console = Console(Engine.load())
    assert "Usage: quiz" in (console.handle("quiz 99") or "")
    assert "neither a number" in (console.handle("quiz lots") or "")
    out = console.handle("quiz 2 critique") or ""
    assert "Round 1 of 2" in out and console.quiz is not None
    assert "type a number from 1 to 6" in (console.handle("nobody at all") or "")
    assert (console.handle("stop") or "").startswith("Quiz stopped.")
    assert console.quiz is None
    assert MASK not in (console.handle("what did Neier disagree with?") or "")


def test_console_quiz_takes_plural_and_misspelt_kinds() -> None:
    engine = Engine.load()
    for words in ("2 recommendations", "2 recomendation", "concessions 1"):
        quiz, text = ConsoleQuiz.start(engine.reading, words, engine.resolve_contributor,
                                       random.Random(1))
        assert quiz is not None, (words, text)
