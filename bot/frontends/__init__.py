"""Thin adapters over the dialogue: the command line (cli.py), the terminal chat (terminal.py) and
the Telegram bot (telegram.py); render.py lays out clauses as plain text."""
