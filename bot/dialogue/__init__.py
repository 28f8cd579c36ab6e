"""The conversation: assistant.py is the one entry point, (user, text) -> Reply; turn.py runs a turn
(commands, understanding, facts, verdicts, the next question), focus.py picks the programs in play,
messages.py holds every sentence, store.py the sessions. Uses understand, eligibility and retrieval."""
