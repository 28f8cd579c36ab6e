"""`policybot web --workers 2` over one store, SQLite and PostgreSQL: conversations through /api/say from many
clients at once, each applied once and in order whichever worker answered."""
import json
import os
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.dialogue.store import open_store
from local_servers import free_port, wait_serving

EXE = Path(sys.executable).parent / "policybot"




def say(base: str, user: str, text: str) -> dict:
    req = urllib.request.Request(base + "/api/say", data=json.dumps({"user": user, "text": text}).encode(),
                                 headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_two_web_workers_share_one_store(backend, tmp_path, request):
    where = str(tmp_path / "s.db") if backend == "sqlite" else request.getfixturevalue("postgres_server")()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, POLICYBOT_DB=where, POLICYBOT_AS_OF="2026-11-29", XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.Popen([str(EXE), "web", "--port", str(port), "--workers", "2"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_serving(base + "/api/search?q=age", proc)
        kids = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert len(kids) >= 2, kids  # the workers (and uvicorn's resource tracker)

        def conversation(n: int) -> list[str]:
            texts = [f"我今年{30 + n % 10}岁 #{n}", f"博士 #{n}", f"在德国工作了{n % 5 + 1}年 #{n}"]
            for t in texts:
                assert say(base, f"u{n}", t)["reply"]
            return texts

        with ThreadPoolExecutor(8) as pool:
            sent = dict(zip(range(16), pool.map(conversation, range(16))))
        store = open_store(where)
        try:
            for n, texts in sent.items():
                said = [t for role, t in store.recent_turns(f"api:u{n}", 100) if role == "user"]
                assert said == texts and store.load(f"api:u{n}").turn_count == 3
        finally:
            store.close()
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
