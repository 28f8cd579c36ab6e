"""The assistant, in rooms whose imports run one way:
frontends -> dialogue -> understand / eligibility -> retrieval / corpus.

`bot.handle(user, text)` is the one entry point (bot.dialogue.assistant.handle), imported lazily so
that `import bot` stays cheap for commands that never converse."""


def handle(user: str, text: str, update_id: int | None = None):
    from .dialogue.assistant import handle as _handle

    return _handle(user, text, update_id)
