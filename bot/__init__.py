"""The assistant's core (dialogue, eligibility) and its thin frontends (CLI, terminal, Telegram)."""
