"""Discussion prompts for moderators: curated and custom prompts, context cards, a per-server
rotation and schedules, with state in SQLite. Knows nothing of Discord (see
:mod:`bot.discordbot.cogs.prompts` for the slash commands and
:mod:`bot.prompts.console_commands` for the local console's ``prompt ...`` commands)."""
