"""'Who said it?': quotes drawn fairly, names masked, answers scored; scores kept in SQLite.

Pure modules (:mod:`masking`, :mod:`draw`, :mod:`scoring`, :mod:`session`) know nothing of
Discord; :mod:`store` keeps per-server scores and the quizzes running now; the Discord cog
and the console drive a :class:`~bot.quiz.session.QuizSession`.
"""
