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

@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster (tests/pgserver.py), stopped at the end; yields a function giving a fresh
    database's URL. Skipped where PostgreSQL is not installed, except under CI (POLICYBOT_REQUIRE_POSTGRES)."""
    from pgserver import Cluster, server_binaries

    if server_binaries() is None:
        message = "PostgreSQL is not installed: `make test` installs it (apt-get install postgresql)"
        if os.environ.get("POLICYBOT_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    with Cluster() as cluster:
        yield cluster.new_database
