"""1 and 4 processes sharing one session store, SQLite (issue 13) and PostgreSQL (issue 15): the same interviews
split among them.

A module of its own so the spawned workers can import their target (bench/__main__.py is `__main__` in the parent).
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

SCRIPT = [  # one applicant's interview, answered as people write (the conversation benches use it too)
    "我想申请千人计划青年项目，我34岁，有海外博士学位。", "高校", "工程技术", "助理教授", "是知名机构", "四年",
    "否", "3年", "已签", "否", "否", "没有", "青年项目要公示多久？", "/profile",
]


def _worker(where: str, users: range, start, out) -> None:
    os.environ.setdefault("POLICYBOT_AS_OF", "2026-11-29")
    from bot.dialogue.assistant import Assistant
    from bot.dialogue.store import open_store

    bot = Assistant(open_store(where))
    bot.handle(f"warm{users.start}", SCRIPT[0])
    bot.handle(f"warm{users.start}", SCRIPT[12])
    start.wait()  # every process warm, then all at once
    n = 0
    for u in users:
        for text in SCRIPT:
            bot.handle(f"user{u}", text)
            n += 1
    out.put(n)


def _run(where_for, n: int, users: int) -> dict:
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    where = where_for()
    start, out = ctx.Barrier(n + 1), ctx.Queue()
    share = users // n
    procs = [ctx.Process(target=_worker, args=(where, range(i * share, (i + 1) * share), start, out)) for i in range(n)]
    for p in procs:
        p.start()
    start.wait()
    t = time.perf_counter()
    turns = sum(out.get(timeout=600) for _ in procs)
    wall = time.perf_counter() - t
    for p in procs:
        p.join()
    return {"turns": turns, "turns_per_s": round(turns / wall, 1)}


def processes(users: int = 160, postgres=None) -> dict:
    """Turns per second of 1 and of 4 processes sharing one store (the same interviews split among them): SQLite,
    and PostgreSQL when `postgres` (a function giving a fresh database's URL) is given."""
    res = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        count = iter(range(100))
        stores = {"sqlite": lambda: str(Path(tmp) / f"bench{next(count)}.db")}
        if postgres is not None:
            stores["postgres"] = postgres
        for name, where_for in stores.items():
            row = {f"{n}_process": _run(where_for, n, users) for n in (1, 4)}
            row["speedup_4_over_1"] = round(row["4_process"]["turns_per_s"] / row["1_process"]["turns_per_s"], 2)
            res[name] = row
    return res


