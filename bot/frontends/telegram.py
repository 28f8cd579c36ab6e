"""Telegram frontend (SPEC section 6): a thin adapter over the conversation core.

Everything the bot knows about a user lives in the core's SQLite session
store; this module only turns Telegram updates into `Assistant.handle` calls
and the core's `Reply` into Telegram messages:

* one Application, built in `build_application` (python-telegram-bot v22),
  long polling by default, webhook mode with a secret token;
* updates are processed concurrently, but the updates of one chat one after
  the other (a per-chat `asyncio.Lock`), and the blocking core call runs in a
  worker thread so the event loop never waits on SQLite or jieba;
* the update_id goes to the core, which records it in the same transaction as
  the state change: a redelivered update is answered by nothing;
* replies in HTML parse mode, every piece of text escaped, split on line
  boundaries below Telegram's 4,096-character limit, one part per second;
* the core's options become an inline keyboard; a button press is answered
  at once, the keyboard message edited to show the choice, and the button's
  label handed to the core as if the user had typed it;
* flood control by PTB's AIORateLimiter (a 429 is waited out and retried);
* the token is never logged (httpx logs request URLs, which contain it, at
  INFO: its loggers are held at WARNING, and every log line is scrubbed), and
  neither is what users write.
"""
from __future__ import annotations

import asyncio
import html
import json
import logging
import os
import re
import secrets
import sys
import time
import traceback
from contextlib import asynccontextmanager
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)

from ..dialogue.assistant import Assistant
from ..dialogue.store import SQLiteStore, open_store

log = logging.getLogger("policybot.telegram")

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
MAX_MESSAGE = 4096  # Telegram's limit, after entity parsing
MAX_CALLBACK_DATA = 64  # bytes
PART_INTERVAL = 1.0  # seconds between the parts of one long reply (Telegram: about 1 message/s per chat)
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
ALLOWED_UPDATES = ["message", "callback_query"]

COMMANDS = [  # (command, 中文, English) as shown in Telegram's command menu
    ("start", "开始使用", "Start"),
    ("check", "开始或继续资格评估", "Start or resume the eligibility check"),
    ("search", "检索政策条款：/search 问题", "Find the clause: /search <question>"),
    ("article", "查看原文：/article 文件 条款", "Show a clause: /article <doc> <article>"),
    ("profile", "查看已记录的信息", "What I know about you"),
    ("why", "为什么问这个问题", "Why I'm asking this"),
    ("reset", "清空信息重新开始", "Start over"),
    ("forget", "删除关于您的全部记录", "Delete everything stored about you"),
    ("lang", "切换语言：/lang zh 或 /lang en", "Switch language: /lang zh or /lang en"),
    ("help", "全部命令", "All commands"),
]

ERROR_TEXT = ("抱歉，处理您的消息时出了问题，请稍后再试。\n"
              "Sorry, something went wrong with your message. Please try again in a moment.")
NOT_TEXT = ("我只能读文字消息，请用文字提问或回答。\n"
            "I can only read text messages: please type your question or answer.")
STALE = {"zh": "这个问题已经回答过了，请回答当前的问题。", "en": "That question has already been answered; please answer the current one."}


class ConfigError(ValueError):
    """A configuration problem the operator must fix (the CLI exits 2 with this line)."""


# -- rendering (pure functions, unit-tested) -----------------------------------------------

def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _hard_split(line: str, limit: int) -> list[str]:
    chunks, cur, n = [], [], 0
    for ch in line:
        w = 2 if ord(ch) > 0xFFFF else 1
        if n + w > limit:
            chunks.append("".join(cur))
            cur, n = [], 0
        cur.append(ch)
        n += w
    if cur:
        chunks.append("".join(cur))
    return chunks


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Parts of at most `limit` UTF-16 units, cut at line boundaries; a single line longer
    than the limit is cut hard. Cut before escaping, so no part ends inside an entity or tag."""
    parts: list[str] = []
    cur: list[str] = []
    n = 0

    def flush():
        nonlocal cur, n
        if cur:
            parts.append("\n".join(cur))
        cur, n = [], 0

    for line in text.split("\n"):
        w = utf16_len(line)
        if w > limit:
            flush()
            chunks = _hard_split(line, limit)
            parts.extend(chunks[:-1])
            cur, n = [chunks[-1]], utf16_len(chunks[-1])
            continue
        extra = w + (1 if cur else 0)
        if cur and n + extra > limit:
            flush()
            extra = w
        cur.append(line)
        n += extra
    flush()
    return [p for p in parts if p.strip()]  # Telegram refuses an empty message


def to_html(text: str) -> str:
    """Every piece of core text escaped: it is plain text, never markup."""
    return html.escape(text, quote=False)


def update_key(update_id: int | None, bot_id: int | None) -> int | None:
    """The key an update is deduplicated by in the store: the update id within the bot's own range, so two bots on
    one store never take each other's updates for redeliveries (update ids are per bot and below 2^31)."""
    if update_id is None or bot_id is None:
        return update_id
    return ((bot_id % 2 ** 30) << 32) | (update_id & 0xFFFFFFFF)


def part_html(part: str, quote: str | None) -> str:
    """A reply part as HTML; the Chinese original quoted in an English answer folds into an expandable quote
    (when the whole quote is in this part: split across parts it stays plain text)."""
    out = to_html(part)
    if quote:
        q = to_html(quote)
        if q in out:
            out = out.replace(q, f"<blockquote expandable>{q}</blockquote>", 1)
    return out


def callback_data(fact: str | None, value: str, index: int) -> str:
    """`a:<fact>:<value>`, or `i:<fact>:<index>` when that would exceed Telegram's 64 bytes."""
    fact = fact or ""
    for data in (f"a:{fact}:{value}", f"i:{fact}:{index}", f"i::{index}"):
        if len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
            return data
    raise ValueError("option index too long for callback data")  # pragma: no cover


def parse_callback_data(data: str) -> tuple[str, str, str] | None:
    """(kind 'a' or 'i', fact or '', value or index), or None for data this bot did not make."""
    kind, sep, rest = (data or "").partition(":")
    fact, sep2, payload = rest.partition(":")
    if kind not in ("a", "i", "e") or not sep or not sep2:
        return None
    if kind == "e" and (not fact or payload):  # e:<fact>: the profile's change button
        return None
    if kind == "i" and not payload.isdigit():
        return None
    return kind, fact, payload


def keyboard(reply) -> InlineKeyboardMarkup | None:
    rows = []
    if reply.options:  # the answers to the pending question
        buttons = [InlineKeyboardButton(label, callback_data=callback_data(reply.asking, value, i))
                   for i, (value, label) in enumerate(reply.options)]
        widest = max(len(label) for _, label in reply.options)
        per_row = 3 if widest <= 6 else 2 if widest <= 14 else 1
        rows += [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]
    if reply.edits:  # /profile: a ✏️ button per fact; pressing it asks that fact again
        buttons = [InlineKeyboardButton(f"✏️ {label[:1].upper()}{label[1:]}", callback_data=f"e:{fact}:") for fact, label in reply.edits
                   if len(f"e:{fact}:".encode()) <= MAX_CALLBACK_DATA]
        rows += [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup(rows) if rows else None


# -- the adapter ---------------------------------------------------------------------------

class TelegramFrontend:
    """The handlers. One instance per Application; holds no conversation state."""

    def __init__(self, assistant: Assistant, part_interval: float = PART_INTERVAL):
        self.assistant = assistant
        self.part_interval = part_interval
        self._locks: dict[int, list] = {}  # chat id -> [lock, users]; an entry lives while someone holds or waits

    @asynccontextmanager
    async def chat_lock(self, chat_id: int):
        """Updates of one chat one after the other; other chats are not held up. The handler
        takes the lock before its first await, so waiters queue in update order."""
        entry = self._locks.get(chat_id)
        if entry is None:
            entry = self._locks[chat_id] = [asyncio.Lock(), 0]
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                self._locks.pop(chat_id, None)

    async def core(self, chat_id: int, text: str, update_id: int | None, bot_id: int | None = None):
        return await asyncio.to_thread(self.assistant.handle, str(chat_id), text, update_key(update_id, bot_id))

    # handlers ---------------------------------------------------------------------------
    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        msg, chat = update.message, update.effective_chat
        if msg is None or chat is None or msg.text is None:
            return
        async with self.chat_lock(chat.id):
            started = time.perf_counter()
            reply = await self.core(chat.id, msg.text, update.update_id, context.bot.id)
            await self.send_reply(context.bot, chat.id, reply)
            log.debug("update %d: %s reply in %.0f ms", update.update_id, reply.kind,
                      1000 * (time.perf_counter() - started))

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice …: say what the bot can read."""
        chat = update.effective_chat
        if chat is None or update.message is None:
            return
        async with self.chat_lock(chat.id):
            await context.bot.send_message(chat.id, to_html(NOT_TEXT), parse_mode=ParseMode.HTML)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        q, chat = update.callback_query, update.effective_chat
        if q is None:
            return
        if chat is None:  # a button of an inline message: not ours
            await q.answer()
            return
        async with self.chat_lock(chat.id):
            parsed = parse_callback_data(q.data or "")
            if parsed and parsed[0] == "e":  # ✏️ under /profile: ask that fact again (the keyboard stays)
                await q.answer()
                reply = await self.core(chat.id, f"/edit {parsed[1]}", update.update_id, context.bot.id)
                await self.send_reply(context.bot, chat.id, reply)
                return
            session = await asyncio.to_thread(self.assistant.profile, str(chat.id))
            label = self.button_label(q, parsed, session.lang)
            fact = parsed[1] if parsed else ""
            if label is None or (fact and session.asking != fact):
                # an old keyboard (the question was answered by typing, or the session was reset)
                await q.answer(STALE.get(session.lang, STALE["zh"]))
                await self.drop_keyboard(q)
                return
            await q.answer()  # at once: the user's client stops its spinner
            await self.show_choice(q, label)
            reply = await self.core(chat.id, label, update.update_id, context.bot.id)
            await self.send_reply(context.bot, chat.id, reply)

    @staticmethod
    def button_label(q, parsed, lang: str) -> str | None:
        """The text of the pressed button: what the user 'said'. From the message's own keyboard
        when Telegram sent it, else from the fact's options."""
        if parsed is None:
            return None
        msg = q.message if isinstance(q.message, Message) else None
        if msg is not None and msg.reply_markup:
            for row in msg.reply_markup.inline_keyboard:
                for b in row:
                    if b.callback_data == q.data:
                        return b.text
        kind, fact, payload = parsed
        if not fact:
            return payload if kind == "a" else None
        from ..eligibility.facts import options

        opts = options(fact, lang)
        if kind == "i":
            i = int(payload)
            return opts[i][1] if i < len(opts) else None
        return next((label for value, label in opts if value == payload), None)

    @staticmethod
    async def show_choice(q, label: str) -> None:
        msg = q.message if isinstance(q.message, Message) else None
        if msg is None:
            return
        suffix = f"\n\n✅ {label}"
        try:
            if msg.text and utf16_len(msg.text + suffix) <= MAX_MESSAGE:
                await q.edit_message_text(msg.text_html + to_html(suffix), parse_mode=ParseMode.HTML,
                                          reply_markup=None,
                                          link_preview_options=LinkPreviewOptions(is_disabled=True))
            else:
                await q.edit_message_reply_markup(reply_markup=None)
        except BadRequest as e:  # "message is not modified" on a redelivery, or too old to edit
            log.debug("could not mark the choice: %s", e.message)

    @staticmethod
    async def drop_keyboard(q) -> None:
        if isinstance(q.message, Message) and q.message.reply_markup:
            try:
                await q.edit_message_reply_markup(reply_markup=None)
            except BadRequest as e:
                log.debug("could not remove an old keyboard: %s", e.message)

    async def send_reply(self, bot, chat_id: int, reply) -> None:
        if reply.kind == "duplicate":  # this update was applied before a restart: say nothing twice
            return
        parts = split_text(reply.text)
        markup = keyboard(reply)
        last = 0.0
        for i, part in enumerate(parts):
            if i:  # a reply in several messages: at most one per second in this chat
                wait = self.part_interval - (time.monotonic() - last)
                if wait > 0:
                    await asyncio.sleep(wait)
            await bot.send_message(chat_id, part_html(part, reply.quote), parse_mode=ParseMode.HTML,
                                   reply_markup=markup if i == len(parts) - 1 else None,
                                   link_preview_options=LinkPreviewOptions(is_disabled=True))
            last = time.monotonic()

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the exception (type and stack, never the update: it holds the user's text) and
        tell the user something went wrong."""
        err = context.error
        uid = update.update_id if isinstance(update, Update) else None
        if uid is None:  # polling trouble (network): PTB retries by itself
            log.warning("Telegram API problem: %s", type(err).__name__)
            return
        stack = "".join(traceback.format_tb(err.__traceback__)) if err else ""
        log.error("update %s failed: %s\n%s", uid, type(err).__name__, stack.rstrip())
        chat = update.effective_chat
        if chat is None:
            return
        try:
            await context.bot.send_message(chat.id, to_html(ERROR_TEXT), parse_mode=ParseMode.HTML)
        except TelegramError as e2:
            log.warning("could not tell the user about the error: %s", type(e2).__name__)

    async def post_init(self, app: Application) -> None:
        """Command menus in both languages; load the retriever before the first user waits for it."""
        await app.bot.set_my_commands([BotCommand(c, zh) for c, zh, _ in COMMANDS], scope=BotCommandScopeDefault())
        await app.bot.set_my_commands([BotCommand(c, en) for c, _, en in COMMANDS], scope=BotCommandScopeDefault(),
                                      language_code="en")
        await asyncio.to_thread(warm_up)
        logging.getLogger().setLevel(logging.INFO)  # started: from now on the usual log (quiet until here, see run)
        if app.bot_data.get("startup_quiet") is not None:
            app.bot_data["startup_quiet"].started = True
        log.info("bot @%s ready", app.bot.username)


def warm_up() -> None:
    try:
        from retrieval import search

        from ..dialogue import turn  # noqa: F401  (the dialogue and its extractor)

        search("青年项目年龄", top=1)
    except Exception as e:  # the first turn will try again and report properly
        log.warning("warm-up failed: %s", type(e).__name__)


def file_url_for(base_url: str) -> str:
    """https://api.telegram.org/bot -> https://api.telegram.org/file/bot (same for a local server)."""
    if base_url.endswith("/bot"):
        return base_url[: -len("bot")] + "file/bot"
    return base_url


def build_application(token: str, base_url: str = DEFAULT_BASE_URL, store: SQLiteStore | None = None, *,
                      base_file_url: str | None = None, part_interval: float = PART_INTERVAL,
                      max_retries: int = 3, concurrent_updates: int = 256, overall_rate: float = 30.0) -> Application:
    """The one place the Application is built; the CLI, the tests and the latency bench use it. `overall_rate`:
    messages a second this process may send (Telegram allows a bot about 30 in all: workers share it)."""
    frontend = TelegramFrontend(Assistant(store), part_interval=part_interval)
    app = (ApplicationBuilder()
           .token(token)
           .base_url(base_url)
           .base_file_url(base_file_url or file_url_for(base_url))
           .rate_limiter(AIORateLimiter(max_retries=max_retries, overall_max_rate=overall_rate))
           .concurrent_updates(concurrent_updates)
           .post_init(frontend.post_init)
           .build())
    app.bot_data["frontend"] = frontend
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, frontend.on_text))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                                   frontend.on_other))
    app.add_handler(CallbackQueryHandler(frontend.on_button))
    app.add_error_handler(frontend.on_error)
    return app


# -- logging and the command -----------------------------------------------------------------

class ScrubbingFormatter(logging.Formatter):
    """Replaces secrets (the token, the webhook secret) in every formatted line, tracebacks included."""

    def __init__(self, fmt: str, scrub: list[str]):
        super().__init__(fmt)
        self.scrub = [s for s in scrub if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for s in self.scrub:
            text = text.replace(s, "<redacted>")
        return text


class StartupQuiet(logging.Filter):
    """Until the bot has started, PTB's own error records (a failed bootstrap logs 100 lines of traceback) are
    dropped: a start-up failure is the one line `policybot telegram` prints. --verbose keeps them."""

    def __init__(self):
        super().__init__()
        self.started = False

    def filter(self, record: logging.LogRecord) -> bool:
        return self.started or not record.name.startswith("telegram")


def configure_logging(*scrub: str, level: int = logging.INFO, quiet_start: StartupQuiet | None = None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", list(scrub)))
    if quiet_start is not None:
        handler.addFilter(quiet_start)
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request URL at INFO, and the URL holds the token
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


MAX_WEBHOOK_BODY = 1_000_000  # an update is a few kilobytes; Telegram never sends more than this


def install_bounded_webhook() -> None:
    """PTB's webhook handler reads the whole body (tornado buffers up to 100 MB) before it checks the secret. Ours
    checks the secret and the declared length as soon as the headers are in, and stops reading past 1 MB."""
    import tornado.web
    from telegram.ext._utils import webhookhandler as wh

    if getattr(wh.TelegramHandler, "bounded", False):
        return

    @tornado.web.stream_request_body
    class BoundedHandler(wh.TelegramHandler):
        bounded = True

        def prepare(self) -> None:
            self._validate_post()  # content type and secret, from the headers alone: 403 before any body is read
            declared = self.request.headers.get("Content-Length")
            if declared is not None and (not declared.isdigit() or int(declared) > MAX_WEBHOOK_BODY):
                raise tornado.web.HTTPError(413)
            self._chunks, self._size = [], 0

        def data_received(self, chunk: bytes) -> None:
            self._size += len(chunk)
            if self._size > MAX_WEBHOOK_BODY:
                raise tornado.web.HTTPError(413)
            self._chunks.append(chunk)

        async def post(self) -> None:
            """The update is applied before Telegram gets its 200: Telegram sends a chat's next update only when
            the previous one was answered, so one chat's updates apply in order even when several worker
            processes share the webhook (PTB's own handler answers at once and queues the update)."""
            self.request.body = b"".join(self._chunks)
            app = WEBHOOK_APP.get("app")
            if app is None:
                try:
                    await super().post()
                except (ValueError, UnicodeDecodeError):  # not JSON: Telegram never sends that
                    raise tornado.web.HTTPError(400) from None
                return
            try:
                update = Update.de_json(json.loads(self.request.body.decode()), self.bot)
            except (ValueError, UnicodeDecodeError, TypeError, KeyError):
                raise tornado.web.HTTPError(400) from None
            if update:
                if isinstance(self.bot, ExtBot):
                    self.bot.insert_callback_data(update)
                await app.process_update(update)  # the handlers' errors go to on_error; the update is done
            self.set_status(200)

    wh.TelegramHandler = BoundedHandler


# the Application whose webhook applies updates inline (set by run() in webhook mode)
WEBHOOK_APP: dict = {}


def run(token: str, base_url: str | None = None, db: str | None = None, *, webhook_url: str | None = None,
        listen: str = "127.0.0.1", port: int = 8443, secret_token: str | None = None,
        poll_timeout: int = 10, verbose: bool = False, workers: int = 1) -> int:
    """Run until SIGINT/SIGTERM (PTB's run_polling / run_webhook stop gracefully on them). With `workers` > 1
    (webhook mode), that many processes answer the webhook on one listening socket, over one session store."""
    token = token.strip()
    if not TOKEN_RE.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters); "
                          "copy it again from @BotFather")
    base_url = (base_url or os.environ.get("TELEGRAM_API_BASE_URL") or DEFAULT_BASE_URL).strip()
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"TELEGRAM_API_BASE_URL must be an http(s) URL like {DEFAULT_BASE_URL}")
    if secret_token is not None and not SECRET_RE.match(secret_token):
        raise ConfigError("the webhook secret token must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    if webhook_url and not secret_token:
        secret_token = secrets.token_urlsafe(32)  # made before the workers fork: they all register the same one
    if workers > 1:
        if not webhook_url:
            raise ConfigError("--workers needs --webhook-url (long polling is one reader by the Bot API's rules)")
        return run_workers(workers, token, base_url, db, webhook_url=webhook_url, listen=listen, port=port,
                           secret_token=secret_token, verbose=verbose)
    return serve_bot(token, base_url, db, webhook_url=webhook_url, listen=listen, port=port,
                     secret_token=secret_token, poll_timeout=poll_timeout, verbose=verbose)


def run_workers(n: int, token: str, base_url: str, db: str | None, *, webhook_url: str, listen: str, port: int,
                secret_token: str, verbose: bool) -> int:
    """N worker processes on one listening socket (bound here, inherited by each fork), each with its own
    Application and its own connections to the store; none of them opens the store before forking. The parent
    only waits and passes SIGTERM/SIGINT on; when one worker fails, the others are stopped (a supervisor such as
    systemd restarts the set)."""
    import signal
    import socket

    family = socket.AF_INET6 if ":" in listen else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((listen, port))
    except OSError as e:
        raise ConfigError(f"cannot listen on {listen}:{port}: {e.strerror or e}") from None
    sock.listen(1024)
    sock.setblocking(False)
    children: list[int] = []
    for i in range(n):
        pid = os.fork()
        if pid == 0:  # a worker: serve until told to stop, then leave without running the parent's cleanup
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                code = serve_bot(token, base_url, db, webhook_url=webhook_url, listen=listen, port=port,
                                 secret_token=secret_token, verbose=verbose, sock=sock, worker=i, workers=n)
            except BaseException as e:  # noqa: BLE001 - a worker's last word, then out
                print(f"policybot telegram worker {i}: {e}", file=sys.stderr)
            finally:
                sys.stderr.flush()
                os._exit(code)
        children.append(pid)
    sock.close()

    def forward(signum, _frame):
        for child in children:
            try:
                os.kill(child, signum)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    code = 0
    alive = set(children)
    while alive:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        alive.discard(pid)
        rc = os.waitstatus_to_exitcode(status)
        if rc not in (0, -signal.SIGTERM, -signal.SIGINT) and not code:
            code = 1
            forward(signal.SIGTERM, None)  # one worker failed: stop the set
    return code


def serve_bot(token: str, base_url: str, db: str | None, *, webhook_url: str | None, listen: str, port: int,
              secret_token: str | None, verbose: bool, poll_timeout: int = 10, sock=None, worker: int = 0,
              workers: int = 1) -> int:
    """One bot process: polling, or the webhook (on `sock` when a parent bound it for several workers)."""
    quiet = None if verbose else StartupQuiet()
    # until started, warnings only: a failed start is one line (post_init turns the usual INFO log on)
    configure_logging(token, secret_token or "", level=logging.INFO if verbose else logging.WARNING, quiet_start=quiet)
    store = SQLiteStore(db) if db else open_store()
    # the bot's send rate is Telegram's limit for the whole bot, so the workers split it (POLICYBOT_TELEGRAM_RATE:
    # messages a second for the bot, 30 by default; a load test raises it to measure the workers themselves)
    rate = float(os.environ.get("POLICYBOT_TELEGRAM_RATE") or 30) / max(1, workers)
    app = build_application(token, base_url, store, overall_rate=rate)
    if quiet is not None:
        app.bot_data["startup_quiet"] = quiet
    try:
        if webhook_url:
            install_bounded_webhook()
            WEBHOOK_APP["app"] = app
            path = urlparse(webhook_url).path.lstrip("/")
            log.info("webhook mode%s: listening on %s:%d/%s for %s", f" (worker {worker})" if sock else "", listen,
                     port, path, webhook_url)
            where = {"unix": sock} if sock is not None else {"listen": listen, "port": port}  # PTB takes one of them
            app.run_webhook(url_path=path, webhook_url=webhook_url, secret_token=secret_token,
                            allowed_updates=ALLOWED_UPDATES, **where)
        else:
            log.info("long polling %s", urlparse(base_url).netloc)
            app.run_polling(allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout)
    except InvalidToken:
        raise ConfigError("the Bot API rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): "
                          "check the token with @BotFather") from None
    except OSError as e:
        if not webhook_url:
            raise
        raise ConfigError(f"cannot listen on {listen}:{port}: {e.strerror or e}") from None
    except NetworkError as e:
        raise RuntimeError(f"cannot reach the Bot API at {urlparse(base_url).netloc}: "
                           f"{str(e).replace(token, '<redacted>')}") from None
    except Exception as e:  # never let the token out through an error message
        text = str(e).replace(token, "<redacted>")
        raise RuntimeError(f"{type(e).__name__}: {text}") from None
    finally:
        store.close()
    log.info("stopped")
    return 0
