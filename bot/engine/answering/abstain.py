"""Abstaining: say why the reading holds no answer, and what the bot can answer instead."""

from __future__ import annotations

from bot.engine.answers import Mode, Reply
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.engine.text import words

_TASK_VERBS = frozenset({"translate", "write", "compose", "draft", "tell", "sing", "code"})
_TASKS = frozenset(
    {"joke", "jokes", "essay", "essays", "poem", "story", "song", "paper", "homework", "code",
     "chinese", "mandarin", "french", "spanish", "german", "english", "riddle", "letter",
     "rap", "limerick", "haiku", "sonnet", "tweet", "script", "skit", "dialogue", "parody",
     "lyrics", "verse", "fanfic"}
)


def off_topic_request(text: str) -> bool:
    """ "tell me a joke", "write my essay on this", "translate this into Chinese": a task
    that is not a question about the reading."""
    low = text.lower()
    if not any(verb in low for verb in _TASK_VERBS):
        return False
    toks = words(text)
    return any(
        t in _TASK_VERBS and any(u in _TASKS for u in toks[i + 1 : i + 8])
        for i, t in enumerate(toks[:12])
    )


def abstain(src: Sources, q: Question, why: str) -> Reply:
    """A reply with no answers: the reason, then what the bot can do."""
    names = ", ".join(c.name for c in src.contributors)
    hint = f"I can answer about what {names} wrote: their positions, agreements and quotes."
    why = why[:1].upper() + why[1:]
    return Reply(q.text, Mode.ABSTAIN, (), f"{why} {hint}".strip())
