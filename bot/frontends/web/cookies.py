"""The chat's cookie: which conversation a browser is in. The id is random and signed by the server, so a browser
holds only an id this server issued (an id made up elsewhere, or planted through the API, is refused and a new one
given). Over HTTPS the cookie is `__Host-` prefixed: Secure, this host only, not settable by another site."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

ID_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_AGE = 30 * 86400


def load_secret() -> bytes:
    """$POLICYBOT_WEB_SECRET, else a key file beside the sessions (made once, readable by its owner only), so the
    workers of one machine and its restarts agree; several machines set the variable."""
    env = os.environ.get("POLICYBOT_WEB_SECRET", "").strip()
    if env:
        return env.encode()
    from corpus.user import data_home

    path = Path(data_home()) / "web-secret"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    tmp = path.with_name(f"web-secret.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    try:
        os.link(tmp, path)  # the first writer wins; the others read its key
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes()


class ChatCookies:
    def __init__(self, secret: bytes):
        self.secret = secret

    def _sign(self, user: str) -> str:
        mac = hmac.new(self.secret, b"chat:" + user.encode(), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    @staticmethod
    def name(request) -> str:
        return "__Host-pb_chat" if request.url.scheme == "https" else "pb_chat"

    def chat_user(self, request) -> str | None:
        raw = request.cookies.get(self.name(request)) or ""
        user, _, mac = raw.partition(".")
        if ID_RE.match(user) and hmac.compare_digest(mac, self._sign(user)):
            return user
        return None

    def set_chat_user(self, request, response, user: str) -> None:
        response.set_cookie(self.name(request), f"{user}.{self._sign(user)}", max_age=MAX_AGE, path="/",
                            httponly=True, samesite="lax", secure=request.url.scheme == "https")

    def clear_chat_user(self, request, response) -> None:
        response.delete_cookie(self.name(request), path="/", secure=request.url.scheme == "https", httponly=True,
                               samesite="lax")
