"""A throwaway PostgreSQL cluster on 127.0.0.1 in a temp directory, from the distribution's `postgresql` package
(installed by `make test`): for the store tests and for `make bench`. As root the server runs as the `postgres`
system user (PostgreSQL refuses root)."""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def server_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    def __init__(self, max_connections: int = 300):
        self.bindir = server_binaries()
        if self.bindir is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.max_connections = max_connections
        self.home: Path | None = None
        self._names = itertools.count(1)

    def __enter__(self) -> "Cluster":
        self.home = Path(tempfile.mkdtemp(prefix="policybot-pg-"))
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.home, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = self.home / "data"
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "policybot", "-E", "UTF8",
                  "--no-locale")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.home / "log"), "-w", "-t", "60",
                  "-o", f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1 "
                        f"-c max_connections={self.max_connections} -c fsync=off", "start")
        self.base = f"postgresql://policybot@127.0.0.1:{self.port}"
        return self

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self.as_user, *cmd], check=True, capture_output=True, text=True, timeout=120)

    def new_database(self) -> str:
        import psycopg

        name = f"t{next(self._names)}"
        with psycopg.connect(self.base + "/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"{self.base}/{name}"

    def __exit__(self, *exc) -> None:
        subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.home, ignore_errors=True)
