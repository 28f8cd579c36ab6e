"""Starting a server of ours on loopback for a test or a bench: a free port, and waiting until it answers."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_serving(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until `url` answers; a process that exits first, or a timeout, is an error with what it printed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                err = proc.stderr.read() if proc.stderr else ""
                raise RuntimeError(f"{proc.args[:3]} did not start: {err!s:.2000}")
            time.sleep(0.2)
