"""The bot's features, one cog per module, each loadable as a discord.py extension."""
