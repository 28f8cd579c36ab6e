"""The web page's guards, as plain ASGI middleware: HTTP Basic auth when the page is reachable from other
machines, a cap on every request body, and headers that keep the browser from running anything the app did
not serve itself. CSRF: forms carry the value of a random cookie (double submit) and a cross-site Origin is
refused."""
from __future__ import annotations

import base64
import secrets

MAX_BODY = 64 * 1024  # a chat message is 4,000 characters and a profile a few hundred bytes

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class AuthError(ValueError):
    pass


def parse_credentials(raw: str) -> tuple[str, str]:
    """'user:password' (from --auth or $POLICYBOT_WEB_AUTH)."""
    user, sep, password = (raw or "").partition(":")
    if not sep or not user or not password:
        raise AuthError("--auth takes user:password (both non-empty)")
    if len(password) < 8:
        raise AuthError("--auth: use a password of at least 8 characters")
    return user, password


async def _send_plain(send, status: int, body: bytes, extra: list[tuple[bytes, bytes]] = ()) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


class BasicAuth:
    """Every request needs the one user and password (compared in constant time)."""

    def __init__(self, app, user: str, password: str):
        self.app = app
        self.expected = b"Basic " + base64.b64encode(f"{user}:{password}".encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        got = dict(scope["headers"]).get(b"authorization", b"")
        if not secrets.compare_digest(got, self.expected):
            return await _send_plain(send, 401, b"Authentication required.\n",
                                     [(b"www-authenticate", b'Basic realm="policybot", charset="UTF-8"')])
        return await self.app(scope, receive, send)


class BodyLimit:
    """Refuse a body over `limit` bytes: by its Content-Length before reading, and while reading a chunked one."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                return await _send_plain(send, 400, b"Bad Content-Length.\n")
            if too_big:
                return await _send_plain(send, 413, f"Request body larger than {self.limit} bytes.\n".encode())
        seen = 0

        async def bounded():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        try:
            return await self.app(scope, bounded, send)
        except BodyTooLarge:
            return await _send_plain(send, 413, f"Request body larger than {self.limit} bytes.\n".encode())


class BodyTooLarge(Exception):
    pass


PRIVATE = ("/chat", "/check", "/api/")  # pages holding a person's facts or words: never cached


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        private = scope["path"].startswith(PRIVATE)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS + (
                    [(b"cache-control", b"no-store")] if private else [])
            await send(message)

        return await self.app(scope, receive, with_headers)


# -- CSRF --------------------------------------------------------------------------------------------------------

CSRF_COOKIE = "pb_csrf"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same_origin(headers, host: str) -> bool:
    """A POST from another site names that site in Origin (every current browser sends it on a cross-site POST)."""
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return origin.split("://", 1)[-1] == host


def token_ok(cookie: str | None, form_value: str | None) -> bool:
    if not cookie or not form_value:
        return False
    try:
        return secrets.compare_digest(cookie.encode("ascii"), form_value.encode("ascii"))
    except UnicodeEncodeError:  # a token we issued is ASCII
        return False
