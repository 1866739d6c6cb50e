"""The library of readings: every reading under a knowledge folder, each built on first use.

`ReadingLibrary` lists readings without loading them, loads and indexes one only when it is
asked for (validated readings are cached on disk, keyed by their files' content), skips
and reports a broken reading without harming the others, and never picks a reading by
itself when several exist: the caller (a --reading flag, `reading:` in config.yaml, and
later a server's or channel's choice in Discord) names it.
"""

from bot.knowledge.model import NoDefaultReadingError
from bot.library.library import ReadingLibrary, ReadingState, open_engine

__all__ = ["NoDefaultReadingError", "ReadingLibrary", "ReadingState", "open_engine"]
