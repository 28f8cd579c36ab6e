"""Running the web page: checks the address is safe to listen on, warms the index, then uvicorn."""
from __future__ import annotations

import ipaddress
import socket

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class ServeError(ValueError):
    """A one-line reason the page cannot start (exit 2)."""


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_address(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            raise ServeError(f"cannot listen on {host}:{port}: {e.strerror}") from None


def warm() -> None:
    """Load what the first request would wait for: jieba, the index, the rules and the profile model."""
    from retrieval import search

    from ...eligibility.profile import Profile
    from ...eligibility.rules import rulebook

    search("青年项目年龄要求", top=1)
    search("age limit youth program", top=1)
    rulebook()
    Profile()


def allowed_hosts(host: str, extra: list[str]) -> list[str] | None:
    """The Host names a request may carry: the loopback names when listening on loopback (a page on another site
    that rebinds its name to 127.0.0.1 is refused), plus the names the proxy forwards (--allowed-hosts)."""
    if not is_loopback(host):
        return extra or None  # reachable from elsewhere: Basic auth guards it; names only if given
    return ["127.0.0.1", "localhost", "::1", "[::1]", *extra]


def worker_app():
    """Each worker process's app (uvicorn --workers imports it by name): its settings come from the parent
    through the environment, and it warms its own index before taking requests."""
    import json
    import os

    from .app import create_app

    settings = json.loads(os.environ.get("POLICYBOT_WEB_WORKER", "{}"))
    warm()
    auth = settings.get("auth")
    return create_app(auth=tuple(auth) if auth else None, allowed_hosts=settings.get("hosts"))


def serve(host: str, port: int, auth: tuple[str, str] | None, announce=print, hosts: list[str] | None = None,
          workers: int = 1) -> None:
    import uvicorn

    from .app import create_app

    if not is_loopback(host) and not auth:
        raise ServeError(f"--host {host} makes the page reachable from other machines: set --auth user:password "
                         "(or $POLICYBOT_WEB_AUTH), and put it behind an HTTPS reverse proxy (README)")
    check_address(host, port)
    shown = f"[{host}]" if ":" in host else host
    # limit_concurrency: past 256 open requests, 503 at once rather than running out of file descriptors; behind a
    # reverse proxy (README) slow clients are the proxy's to time out
    options = dict(host=host, port=port, log_level="warning", server_header=False, access_log=False,
                   limit_concurrency=256, timeout_keep_alive=5)
    if workers > 1:
        import json
        import os

        os.environ["POLICYBOT_WEB_WORKER"] = json.dumps({"auth": list(auth) if auth else None,
                                                         "hosts": allowed_hosts(host, hosts or [])})
        announce(f"policybot web: http://{shown}:{port}/ with {workers} workers"
                 + (" (HTTP Basic auth)" if auth else "") + " — Ctrl-C to stop")
        uvicorn.run("bot.frontends.web.server:worker_app", factory=True, workers=workers, **options)
        return
    warm()
    announce(f"policybot web: http://{shown}:{port}/" + (" (HTTP Basic auth)" if auth else "") + " — Ctrl-C to stop")
    uvicorn.run(create_app(auth=auth, allowed_hosts=allowed_hosts(host, hosts or [])), **options)
