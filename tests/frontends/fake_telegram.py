"""A fake Telegram Bot API server for tests and the latency bench (loopback only, stdlib only).

`FakeTelegram` serves `/bot<TOKEN>/<method>` on 127.0.0.1 with a random free
port, in a thread (ThreadingHTTPServer, HTTP/1.1 keep-alive). It implements
what the bot uses — getMe, deleteWebhook, setWebhook, getWebhookInfo,
getUpdates (offset confirms everything below it; long polling wakes at once
when an update is injected), sendMessage, editMessageText,
editMessageReplyMarkup, answerCallbackQuery, setMyCommands, getMyCommands —
and answers any other method `ok: true` after logging it in `unknown`.

It is as strict as Telegram where the bot could go wrong: HTML that Telegram
would refuse (unknown or unbalanced tags, a bare & < >) and texts over 4,096
UTF-16 units after entity parsing get 400 "Bad Request: can't parse
entities …" / "message is too long"; callback_data over 64 bytes gets 400
BUTTON_DATA_INVALID; `fail_next_sends(n)` makes the next n sendMessage calls
429 with `retry_after`. A wrong token gets 401.

Requests may be JSON, form-encoded (what python-telegram-bot sends: httpx
`data=`, non-string values JSON-encoded) or multipart.

`measure_latency(n)` runs the real Application in-process against this
server and times injection -> sendMessage arrival (for `bench/`).
"""
from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import re
import socket
import statistics
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

DEFAULT_TOKEN = "123456789:TEST-token_for-the-fake-server"
MAX_TEXT = 4096
STRING_PARAMS = {"text", "parse_mode", "callback_query_id", "url", "secret_token", "language_code", "caption",
                 "inline_message_id", "ip_address", "description", "short_description", "name"}

# -- Telegram's HTML subset --------------------------------------------------------------

TAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
        "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough", "a": "text_link",
        "code": "code", "pre": "pre", "tg-spoiler": "spoiler", "span": "spoiler", "blockquote": "blockquote",
        "tg-emoji": "custom_emoji"}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
ATTR_RE = re.compile(r"""([A-Za-z][\w-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


class EntityError(ValueError):
    pass


def u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte(s: str, i: int) -> int:
    return len(s[:i].encode("utf-8"))


def parse_html(s: str) -> tuple[str, list[dict]]:
    """(plain text, entities) as Telegram would make them, or EntityError with Telegram's wording."""
    out: list[str] = []
    pos = 0  # UTF-16 offset in the plain text
    stack: list[tuple[str, int, dict]] = []
    entities: list[dict] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "<":
            j, quote = i + 1, None
            while j < len(s) and (quote or s[j] != ">"):
                if s[j] in "\"'":
                    quote = None if quote == s[j] else (quote or s[j])
                j += 1
            if j >= len(s):
                raise EntityError(f"Unclosed start tag at byte offset {_byte(s, i)}")
            inner = s[i + 1:j].strip()
            if inner.startswith("/"):
                name = inner[1:].strip().lower()
                if not stack:
                    raise EntityError(f'Unexpected end tag at byte offset {_byte(s, i)}')
                open_name, start, attrs = stack.pop()
                if name and name != open_name:
                    raise EntityError(f'Unmatched end tag at byte offset {_byte(s, i)}, expected "</{open_name}>", '
                                      f'found "</{name}>"')
                if pos > start:
                    kind = TAGS[open_name]
                    if open_name == "blockquote" and "expandable" in attrs:
                        kind = "expandable_blockquote"
                    e = {"type": kind, "offset": start, "length": pos - start}
                    if open_name == "a":
                        e["url"] = attrs.get("href", "")
                    entities.append(e)
            else:
                m = re.match(r"([A-Za-z][A-Za-z0-9-]*)(.*)$", inner, re.S)
                if not m:
                    raise EntityError(f"Empty tag name at byte offset {_byte(s, i)}")
                name = m.group(1).lower()
                if name not in TAGS:
                    raise EntityError(f'Unsupported start tag "{name}" at byte offset {_byte(s, i)}')
                attrs = {a.lower(): (v or "").strip("\"'") for a, v in ATTR_RE.findall(m.group(2))}
                if name == "span" and attrs.get("class") != "tg-spoiler":
                    raise EntityError(f'Tag "span" must have class "tg-spoiler" at byte offset {_byte(s, i)}')
                stack.append((name, pos, attrs))
            i = j + 1
        elif c == "&":
            m = ENTITY_RE.match(s, i)
            if not m:
                raise EntityError(f'Unescaped "&" at byte offset {_byte(s, i)}: use "&amp;"')
            ref = m.group(1)
            if ref in NAMED:
                ch = NAMED[ref]
            else:
                code = int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])
                if not 0 < code <= 0x10FFFF:
                    raise EntityError(f"Invalid character entity at byte offset {_byte(s, i)}")
                ch = chr(code)
            out.append(ch)
            pos += u16(ch)
            i = m.end()
        elif c == ">":
            raise EntityError(f'Unescaped ">" at byte offset {_byte(s, i)}: use "&gt;"')
        else:
            out.append(c)
            pos += u16(c)
            i += 1
    if stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def prepare_text(params: dict) -> tuple[str, list[dict]]:
    """Telegram's treatment of `text` + `parse_mode`: parse, strip, check length. Raises ApiError."""
    raw = params.get("text")
    if not isinstance(raw, str):
        raise ApiError(400, "Bad Request: message text is empty")
    mode = (params.get("parse_mode") or "").lower()
    if mode == "html":
        try:
            plain, entities = parse_html(raw)
        except EntityError as e:
            raise ApiError(400, f"Bad Request: can't parse entities: {e}")
    elif mode:
        raise ApiError(400, f"Bad Request: unsupported parse_mode {params.get('parse_mode')!r} in the fake server")
    else:
        plain, entities = raw, []
    lead = u16(plain) - u16(plain.lstrip())
    plain = plain.strip()
    if not plain:
        raise ApiError(400, "Bad Request: message text is empty")
    if u16(plain) > MAX_TEXT:
        raise ApiError(400, "Bad Request: message is too long")
    for e in entities:
        e["offset"] = max(0, e["offset"] - lead)
    return plain, [e for e in entities if e["offset"] < u16(plain)]


def check_markup(markup) -> dict | None:
    if markup is None or markup == "":
        return None
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    for row in rows:
        for b in row:
            if not b.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
            data = b.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return markup


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


# -- the server --------------------------------------------------------------------------

class FakeTelegram:
    def __init__(self, token: str = DEFAULT_TOKEN, username: str = "policy_test_bot"):
        self.token = token
        self.bot = {"id": int(token.split(":")[0]), "is_bot": True, "first_name": "PolicyBot", "username": username,
                    "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
        self.cond = threading.Condition()
        self.pending: list[dict] = []  # updates not yet confirmed by an offset
        self.update_ids = itertools.count(1000)
        self.message_ids = itertools.count(1)
        self.callback_ids = itertools.count(1)
        self.sent: dict[int, list[dict]] = {}  # chat id -> messages the bot sent, in arrival order
        self.messages: dict[tuple[int, int], dict] = {}  # (chat id, message id) -> current message
        self.edits: list[dict] = []
        self.callback_answers: dict[str, dict] = {}
        self.commands: dict[tuple[str, str], list[dict]] = {}  # (scope type, language code) -> commands
        self.calls: list[tuple[float, str, dict]] = []
        self.rejected: list[tuple[str, str]] = []  # (method, description) of every 4xx/5xx answer
        self.unknown: list[str] = []
        self.throttled: list[float] = []  # times a 429 was returned
        self.injected_at: dict[int, float] = {}  # update id -> perf_counter at injection
        self.webhook: dict = {}
        self.webhook_deliveries: list[tuple[int, int]] = []  # (update id, HTTP status)
        self._fail_sends = 0
        self._retry_after = 1
        self._fail_status, self._fail_description = 429, None
        self._stopping = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle ------------------------------------------------------------------------
    def start(self) -> "FakeTelegram":
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-telegram", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self.cond:
            self._stopping = True
            self.cond.notify_all()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL should be."""
        return f"http://127.0.0.1:{self.port}/bot"

    # what a test does as the user ----------------------------------------------------------
    def user(self, chat_id: int, lang: str = "zh") -> dict:
        return {"id": chat_id, "is_bot": False, "first_name": f"User{chat_id}", "language_code": lang}

    def inject(self, update: dict) -> int:
        """Queue a raw update (an update_id is assigned unless it has one: give the old one to
        simulate a redelivery). Wakes long pollers at once; posts it when a webhook is set."""
        with self.cond:
            if "update_id" not in update:
                update["update_id"] = next(self.update_ids)
            self.injected_at[update["update_id"]] = time.perf_counter()
            webhook = dict(self.webhook)
            if not webhook:
                self.pending.append(update)
                self.cond.notify_all()
        if webhook:
            threading.Thread(target=self._deliver, args=(webhook, update), daemon=True).start()
        return update["update_id"]

    def message_update(self, chat_id: int, text: str, lang: str = "zh") -> dict:
        msg = {"message_id": next(self.message_ids), "from": self.user(chat_id, lang),
               "chat": {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"},
               "date": int(time.time()), "text": text}
        m = re.match(r"/[A-Za-z0-9_]+(@\w+)?", text)
        if m:
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": u16(m.group(0))}]
        return {"message": msg}

    def send_text(self, chat_id: int, text: str, lang: str = "zh") -> int:
        """The user types `text` in chat `chat_id` (a private chat: chat id = user id)."""
        return self.inject(self.message_update(chat_id, text, lang))

    def press(self, chat_id: int, message: dict, label: str | None = None, data: str | None = None,
              lang: str = "zh") -> int:
        """The user presses the button labelled `label` (or carrying `data`) under `message`."""
        if data is None:
            found = [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row
                     if b.get("text") == label]
            if not found:
                raise KeyError(f"no button {label!r} under message {message['message_id']}")
            data = found[0]["callback_data"]
        with self.cond:
            current = dict(self.messages.get((chat_id, message["message_id"]), message))
        query = {"id": str(next(self.callback_ids)), "from": self.user(chat_id, lang), "chat_instance": str(chat_id),
                 "data": data, "message": _public(current)}
        return self.inject({"callback_query": query})

    # what a test observes ---------------------------------------------------------------------
    def sent_to(self, chat_id: int) -> list[dict]:
        with self.cond:
            return [dict(m) for m in self.sent.get(chat_id, [])]

    def wait_until(self, predicate, timeout: float = 30.0, what: str = "condition"):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                result = predicate()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"fake Telegram: timed out waiting for {what}")
                self.cond.wait(left)

    def wait_messages(self, chat_id: int, n: int, timeout: float = 30.0) -> list[dict]:
        """Wait until chat `chat_id` has received at least n messages in all; return them all."""
        self.wait_until(lambda: len(self.sent.get(chat_id, [])) >= n, timeout,
                        f"{n} messages in chat {chat_id} (have {len(self.sent.get(chat_id, []))})")
        return self.sent_to(chat_id)

    def wait_method(self, method: str, n: int = 1, timeout: float = 30.0) -> list[dict]:
        self.wait_until(lambda: sum(1 for _, m, _ in self.calls if m == method) >= n, timeout, f"{n}× {method}")
        with self.cond:
            return [p for _, m, p in self.calls if m == method]

    def fail_next_sends(self, n: int, retry_after: int = 1, status: int = 429, description: str | None = None) -> None:
        """The next n sendMessage calls get 429 Too Many Requests with parameters.retry_after
        (or, with `status`, that error: e.g. 400 to make a handler fail)."""
        with self.cond:
            self._fail_sends, self._retry_after = n, retry_after
            self._fail_status, self._fail_description = status, description

    # the API -----------------------------------------------------------------------------------
    def call(self, method: str, params: dict):
        with self.cond:
            self.calls.append((time.perf_counter(), method, params))
            self.cond.notify_all()
        fn = getattr(self, "api_" + method, None)
        if fn is None:
            with self.cond:
                self.unknown.append(method)
            return True
        return fn(params)

    def api_getMe(self, p):
        return self.bot

    def api_logOut(self, p):
        return True

    def api_close(self, p):
        return True

    def api_deleteWebhook(self, p):
        with self.cond:
            self.webhook = {}
            if _bool(p.get("drop_pending_updates")):
                self.pending.clear()
        return True

    def api_setWebhook(self, p):
        url = p.get("url") or ""
        if url and not url.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: bad webhook: HTTPS url must be provided for webhook")
        with self.cond:
            self.webhook = {"url": url, "secret_token": p.get("secret_token")} if url else {}
            pending, self.pending = (self.pending, []) if url else ([], self.pending)
        for u in pending:
            threading.Thread(target=self._deliver, args=(dict(self.webhook), u), daemon=True).start()
        return True

    def api_getWebhookInfo(self, p):
        with self.cond:
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": len(self.pending)}

    def api_getUpdates(self, p):
        offset = _int(p.get("offset"))
        limit = max(1, min(100, _int(p.get("limit")) or 100))
        timeout = max(0, _int(p.get("timeout")) or 0)
        deadline = time.monotonic() + timeout
        with self.cond:
            if self.webhook:
                raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                    "use deleteWebhook to delete the webhook first")
            if offset:
                if offset < 0:
                    self.pending = self.pending[offset:]
                else:
                    self.pending = [u for u in self.pending if u["update_id"] >= offset]
            while not self.pending and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.cond.wait(left)
            return [json.loads(json.dumps(u)) for u in self.pending[:limit]]

    def api_sendMessage(self, p):
        chat_id = _int(p.get("chat_id"))
        with self.cond:
            if self._fail_sends > 0:
                self._fail_sends -= 1
                if self._fail_status != 429:
                    raise ApiError(self._fail_status, self._fail_description or "Bad Request: chat not found")
                self.throttled.append(time.perf_counter())
                raise ApiError(429, f"Too Many Requests: retry after {self._retry_after}",
                               {"retry_after": self._retry_after})
        if not chat_id:
            raise ApiError(400, "Bad Request: chat not found")
        plain, entities = prepare_text(p)
        markup = check_markup(p.get("reply_markup"))
        with self.cond:
            msg = {"message_id": next(self.message_ids), "from": self.bot,
                   "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                   "date": int(time.time()), "text": plain}
            if entities:
                msg["entities"] = entities
            if markup:
                msg["reply_markup"] = markup
            self.messages[(chat_id, msg["message_id"])] = msg
            record = {**msg, "html": p.get("text"), "parse_mode": p.get("parse_mode"), "t": time.perf_counter()}
            self.sent.setdefault(chat_id, []).append(record)
            self.cond.notify_all()
            return _public(msg)

    def api_editMessageText(self, p):
        chat_id, message_id = _int(p.get("chat_id")), _int(p.get("message_id"))
        plain, entities = prepare_text(p)
        markup = check_markup(p.get("reply_markup"))
        with self.cond:
            msg = self.messages.get((chat_id, message_id))
            if msg is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            if msg["text"] == plain and msg.get("entities", []) == entities and msg.get("reply_markup") == markup:
                raise ApiError(400, "Bad Request: message is not modified: specified new message content and "
                                    "reply markup are exactly the same as a current content and reply markup "
                                    "of the message")
            msg["text"] = plain
            msg["entities"] = entities
            if markup:
                msg["reply_markup"] = markup
            else:
                msg.pop("reply_markup", None)
            self.edits.append({"chat_id": chat_id, "message_id": message_id, "text": plain, "html": p.get("text"),
                               "reply_markup": markup, "t": time.perf_counter()})
            self.cond.notify_all()
            return _public(msg)

    def api_editMessageReplyMarkup(self, p):
        chat_id, message_id = _int(p.get("chat_id")), _int(p.get("message_id"))
        markup = check_markup(p.get("reply_markup"))
        with self.cond:
            msg = self.messages.get((chat_id, message_id))
            if msg is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            if msg.get("reply_markup") == markup:
                raise ApiError(400, "Bad Request: message is not modified")
            if markup:
                msg["reply_markup"] = markup
            else:
                msg.pop("reply_markup", None)
            self.edits.append({"chat_id": chat_id, "message_id": message_id, "text": msg["text"],
                               "reply_markup": markup, "t": time.perf_counter()})
            self.cond.notify_all()
            return _public(msg)

    def api_answerCallbackQuery(self, p):
        qid = str(p.get("callback_query_id") or "")
        with self.cond:
            if not qid or qid in self.callback_answers:
                raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
            self.callback_answers[qid] = {**p, "t": time.perf_counter()}
            self.cond.notify_all()
        return True

    def api_setMyCommands(self, p):
        commands = p.get("commands")
        if isinstance(commands, str):
            commands = json.loads(commands)
        for c in commands or []:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", c.get("command", "")) or not 1 <= len(c.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        scope = p.get("scope") or {"type": "default"}
        if isinstance(scope, str):
            scope = json.loads(scope)
        with self.cond:
            self.commands[(scope.get("type", "default"), p.get("language_code") or "")] = commands or []
        return True

    def api_getMyCommands(self, p):
        with self.cond:
            return self.commands.get(("default", p.get("language_code") or ""), [])

    def _deliver(self, webhook: dict, update: dict) -> None:
        req = urllib.request.Request(webhook["url"], data=json.dumps(update).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        if webhook.get("secret_token"):
            req.add_header("X-Telegram-Bot-Api-Secret-Token", webhook["secret_token"])
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError:
            status = 0
        with self.cond:
            self.webhook_deliveries.append((update["update_id"], status))
            self.cond.notify_all()


def _public(msg: dict) -> dict:
    return {k: v for k, v in msg.items() if k not in ("html", "parse_mode", "t")}


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def _bool(v) -> bool:
    return v in (True, "true", "True", "1", 1)


def _decode_form_value(key: str, value: str):
    if key in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that went away (a killed bot): not news
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_fake: FakeTelegram

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):  # quiet
        pass

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _params(self, query: str, body: bytes) -> dict:
        params = {k: _decode_form_value(k, v) for k, v in parse_qsl(query)}
        ctype = (self.headers.get("Content-Type") or "").lower()
        if not body:
            return params
        if ctype.startswith("application/json"):
            params.update(json.loads(body.decode("utf-8")))
        elif ctype.startswith("multipart/form-data"):
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body)
            for part in msg.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if name and not part.get_filename():
                    params[name] = _decode_form_value(name, part.get_content().strip()
                                                      if isinstance(part.get_content(), str)
                                                      else part.get_content().decode())
        else:
            params.update({k: _decode_form_value(k, v) for k, v in parse_qsl(body.decode("utf-8"), keep_blank_values=True)})
        return params

    def _answer(self, status: int, obj: dict) -> None:
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        head = (f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
                f"Connection: keep-alive\r\n\r\n").encode()
        self.wfile.write(head + data)  # one write: no Nagle / delayed-ACK stall
        self.wfile.flush()

    def _handle(self):
        fake = self.server_fake
        url = urlparse(self.path)
        body = self._body()
        m = re.fullmatch(r"/bot([^/]+)/(\w+)", url.path)
        if not m:
            return self._answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method = m.groups()
        if token != fake.token:
            with fake.cond:
                fake.rejected.append((method, "Unauthorized"))
            return self._answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        try:
            params = self._params(url.query, body)
            result = fake.call(method, params)
        except ApiError as e:
            with fake.cond:
                fake.rejected.append((method, e.description))
                fake.cond.notify_all()
            obj = {"ok": False, "error_code": e.code, "description": e.description}
            if e.parameters:
                obj["parameters"] = e.parameters
            return self._answer(e.code, obj)
        except (ValueError, KeyError) as e:
            with fake.cond:
                fake.rejected.append((method, f"malformed request: {e}"))
            return self._answer(400, {"ok": False, "error_code": 400, "description": f"Bad Request: {e}"})
        self._answer(200, {"ok": True, "result": result})

    do_GET = _handle
    do_POST = _handle


# -- latency bench ------------------------------------------------------------------------------

def measure_latency(n: int = 50, text: str = "青年项目的年龄要求是什么？", warmup: int = 3) -> dict:
    """Start the fake server and the real Application in-process (long polling), send n messages
    one after the other from one chat, and time each from injection to the sendMessage arrival.
    `text` may be a list of texts (cycled)."""
    import asyncio
    import logging
    import tempfile
    from pathlib import Path

    from bot.dialogue.store import SQLiteStore
    from bot.frontends.telegram import build_application

    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    texts = [text] if isinstance(text, str) else list(text)
    times: list[float] = []

    async def main(fake: FakeTelegram, db: Path) -> None:
        app = build_application(fake.token, fake.base_url, SQLiteStore(db))
        async with app:
            await app.post_init(app)
            await app.updater.start_polling(timeout=10, allowed_updates=["message", "callback_query"])
            await app.start()
            try:
                chat = 777000
                for i in range(warmup + n):
                    have = len(fake.sent_to(chat))
                    uid = fake.send_text(chat, texts[i % len(texts)])
                    msgs = await asyncio.to_thread(fake.wait_messages, chat, have + 1, 30)
                    if i >= warmup:
                        times.append(msgs[have]["t"] - fake.injected_at[uid])
                    # let the reply's trailing parts (if any) land before the next message
                    await asyncio.sleep(0)
            finally:
                await app.updater.stop()
                await app.stop()

    with tempfile.TemporaryDirectory() as tmp, FakeTelegram() as fake:
        asyncio.run(main(fake, Path(tmp) / "latency.db"))
    times.sort()
    ms = [1000 * t for t in times]
    return {"n": n, "p50_ms": round(statistics.median(ms), 2),
            "p95_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.95))], 2),
            "max_ms": round(ms[-1], 2), "mean_ms": round(statistics.fmean(ms), 2)}


if __name__ == "__main__":
    print(json.dumps(measure_latency(), indent=2))
