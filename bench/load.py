"""The load test of README "Running at scale", on loopback: a throwaway PostgreSQL cluster, the fake Bot API, and
`policybot telegram --webhook-url … --workers N` over POLICYBOT_DB=postgresql://…, driven like Telegram drives a
webhook (tests/frontends/webhook_load.py): 200 chats at once, each chat's updates one after another, every tenth
update delivered twice at the same moment. It checks that nothing was lost or applied twice and that each chat's
messages were applied in order, and measures updates per second and the webhook's answer time."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))
sys.path.insert(0, str(HERE / "tests" / "frontends"))




def run_load(new_database, workers: int, chats: int = 200, per_chat: int = 5) -> dict:
    from fake_telegram import FakeTelegram
    from local_servers import free_port
    from webhook_load import check_applied_once_in_order, drive, percentile

    from bot.dialogue.store import open_store

    where = new_database()
    fake = FakeTelegram().start()
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    # Telegram lets a bot send about 30 messages a second in all (the workers split that); here the limit is
    # lifted so the figure is the workers' own capacity, not Telegram's cap
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url, POLICYBOT_DB=where,
               POLICYBOT_AS_OF="2026-11-29", POLICYBOT_TELEGRAM_RATE="100000")
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "policybot"), "telegram", "--webhook-url", url,
                                 "--port", str(port), "--workers", str(workers), "--secret-token", "load"],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while len([1 for _, m, _ in fake.calls if m == "setWebhook"]) < workers:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"the bot did not start: {log.read()[-2000:]!r}")
                time.sleep(0.1)
            run = drive(url, "load", fake, list(range(80_001, 80_001 + chats)), per_chat, dup_every=10, threads=32)
            store = open_store(where)
            try:
                problems = check_applied_once_in_order(store, run["sent"])
            finally:
                store.close()
        finally:
            proc.terminate()
            proc.wait(30)
            fake.stop()
    lat = run["latencies"]
    updates = chats * per_chat
    return {"workers": workers, "chats": chats, "updates": updates,
            "duplicates_sent": sum(1 for _ in run["statuses"]) - updates,
            "lost_or_twice_or_out_of_order": len(problems), "non_200": sum(1 for s in run["statuses"] if s != 200),
            "updates_per_s": round(updates / run["wall_s"], 1),
            "p50_ms": round(1000 * percentile(lat, 0.5), 1), "p95_ms": round(1000 * percentile(lat, 0.95), 1)}


def load_test(cluster) -> dict:
    return {f"{n}_workers": run_load(cluster.new_database, n) for n in (1, 4)}


if __name__ == "__main__":
    import json

    from pgserver import Cluster

    with Cluster() as c:
        print(json.dumps(load_test(c), indent=2))
