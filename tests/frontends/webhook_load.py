"""Playing Telegram against a webhook: many chats at once, each chat's updates one after another (Telegram sends a
chat's next update only when the previous one was answered), some updates delivered twice at the same moment (a
redelivery racing the original, as after a timeout). Used by the worker tests and by `make bench`."""
from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

# what applicants write, a different fact each time: every turn changes the session
TEXTS = ["我今年{n}岁", "我是{d}年博士毕业的", "在海外工作了{y}年", "I'm {n} years old", "目前在德国做研究员",
         "还没签合同", "打算全职回国工作{y}年"]

_ids = itertools.count(700_000)


def post(url: str, secret: str, update: dict, timeout: float = 60) -> tuple[int, float]:
    req = urllib.request.Request(url, data=json.dumps(update).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
    t = time.perf_counter()
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, time.perf_counter() - t
        except urllib.error.HTTPError as e:
            return e.code, time.perf_counter() - t
        except OSError:  # not listening yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def drive(url: str, secret: str, fake, chats: list[int], per_chat: int, dup_every: int = 5,
          threads: int = 32) -> dict:
    """Send `per_chat` messages in each chat; every `dup_every`-th update is posted twice at once. Returns what was
    sent per chat (in order), the statuses, and the latency of each answered update."""
    sent: dict[int, list[str]] = {c: [] for c in chats}
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    counter = itertools.count()

    def one_chat(chat: int) -> None:
        for k in range(per_chat):
            text = TEXTS[(chat + k) % len(TEXTS)].format(n=30 + (chat + k) % 20, d=2010 + k, y=2 + k % 5) + f" #{k}"
            update = fake.message_update(chat, text)
            update["update_id"] = next(_ids)
            if next(counter) % dup_every == 0:  # a redelivery racing the original
                results = []
                twins = [threading.Thread(target=lambda: results.append(post(url, secret, update))) for _ in range(2)]
                for t in twins:
                    t.start()
                for t in twins:
                    t.join()
            else:
                results = [post(url, secret, update)]
            with lock:
                sent[chat].append(text)
                statuses.extend(s for s, _ in results)
                latencies.append(min(d for _, d in results))

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one_chat, chats))
    wall = time.perf_counter() - t
    return {"sent": sent, "statuses": statuses, "latencies": latencies, "wall_s": wall}


def check_applied_once_in_order(store, sent: dict[int, list[str]]) -> list[str]:
    """Every message applied once, each chat's in the order sent: the problems found ([] when none)."""
    problems = []
    for chat, texts in sent.items():
        said = [t for role, t in store.recent_turns(str(chat), 1000) if role == "user"]
        if said != texts:
            problems.append(f"chat {chat}: stored {said} for sent {texts}")
        if store.load(str(chat)).turn_count != len(texts):
            problems.append(f"chat {chat}: {store.load(str(chat)).turn_count} turns for {len(texts)} messages")
    return problems


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]
