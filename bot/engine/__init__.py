from bot.engine.answers import Answer, Mode, Reply
from bot.engine.engine import Engine

__all__ = ["Answer", "Engine", "Mode", "Reply"]
