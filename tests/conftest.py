import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
def _find_shared() -> Path:
    """The shared dev sets and simulator live beside the repo (../shared); a clone
    elsewhere finds them through $POLICYBOT_SHARED or the workplace's /work/shared."""
    for candidate in (os.environ.get("POLICYBOT_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "eval").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


SHARED = _find_shared()
DEV = SHARED / "eval"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Tests build their own index cache instead of trusting the user's."""
    os.environ["POLICYBOT_CACHE"] = str(tmp_path_factory.mktemp("cache"))


def policybot(*args, input=None, env=None):
    """Run the installed CLI as a user would (a fresh process)."""
    exe = Path(sys.executable).parent / "policybot"
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([str(exe), *args], capture_output=True, text=True, input=input, env=full_env, timeout=120)


def dev_file(name: str) -> Path:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared dev sets live beside the repo)")
    return path


# -- a real PostgreSQL server for the store tests ----------------------------------------------------------------

def _pg_bin() -> Path | None:
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    import shutil

    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster in a temp directory on 127.0.0.1 (the distribution's `postgresql` package,
    installed by `make test`), stopped at the end. As root, the server runs as the `postgres` system user (it
    refuses root). Yields a function giving a fresh database's URL."""
    import shutil
    import socket
    import tempfile

    bindir = _pg_bin()
    if bindir is None:
        message = "PostgreSQL is not installed: `make test` installs it (apt-get install postgresql)"
        if os.environ.get("POLICYBOT_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    home = Path(tempfile.mkdtemp(prefix="policybot-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(home, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = home / "data"

    def run(*cmd):
        return subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True, timeout=120)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "policybot", "-E", "UTF8", "--no-locale")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w", "-t", "60", "-o",
        f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "start")
    base = f"postgresql://policybot@127.0.0.1:{port}"
    counter = iter(range(1, 1_000_000))

    def new_database() -> str:
        import psycopg

        name = f"t{next(counter)}"
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"{base}/{name}"

    try:
        yield new_database
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)
