"""Several webhook workers over one store (issue 15): `policybot telegram --webhook-url … --workers 3`, driven like
Telegram drives a webhook — many chats at once, each chat's updates in turn, some delivered twice at the same
moment — on SQLite and on a real PostgreSQL server. Nothing is lost, nothing applied twice, each chat in order."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_telegram import FakeTelegram  # noqa: E402
from webhook_load import check_applied_once_in_order, drive  # noqa: E402

from bot.dialogue.store import open_store  # noqa: E402
from local_servers import free_port  # noqa: E402

EXE = Path(sys.executable).parent / "policybot"




def children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_three_workers_apply_each_update_once_and_each_chat_in_order(backend, tmp_path, request):
    where = str(tmp_path / "s.db") if backend == "sqlite" else request.getfixturevalue("postgres_server")()
    fake = FakeTelegram().start()
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url, POLICYBOT_DB=where,
               POLICYBOT_AS_OF="2026-11-29")
    log = tmp_path / "bot.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(EXE), "telegram", "--webhook-url", url, "--port", str(port), "--workers", "3",
                                 "--secret-token", "S3cret"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while len([c for _, m, c in fake.calls if m == "setWebhook"]) < 3:  # each worker registers the same hook
            assert proc.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
        assert len(children(proc.pid)) == 3
        chats = list(range(5001, 5021))
        run = drive(url, "S3cret", fake, chats, per_chat=4, dup_every=3, threads=12)
        assert set(run["statuses"]) == {200}, run["statuses"]
        store = open_store(where)
        try:
            problems = check_applied_once_in_order(store, run["sent"])
        finally:
            store.close()
        assert not problems, problems[:3]
        for chat in chats:  # one reply (or one multi-part reply) per applied message, none for a duplicate
            assert fake.sent_to(chat), chat
        proc.terminate()
        assert proc.wait(timeout=30) == 0, log.read_text()[-3000:]
    finally:
        if proc.poll() is None:
            proc.kill()
        fake.stop()
