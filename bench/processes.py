"""1 and 4 processes sharing one SQLite session store (issue 13): the same interviews split among them.

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


def _worker(path: str, users: range, start, out) -> None:
    os.environ.setdefault("POLICYBOT_AS_OF", "2026-11-29")
    from bot.dialogue.assistant import Assistant
    from bot.dialogue.store import SQLiteStore

    bot = Assistant(SQLiteStore(path))
    bot.handle(f"warm{users.start}", SCRIPT[0])
    bot.handle(f"warm{users.start}", SCRIPT[12])
    start.wait()  # every process warm, then all at once
    n = 0
    for u in users:
        for text in SCRIPT:
            bot.handle(f"user{u}", text)
            n += 1
    out.put(n)


def processes(users: int = 160) -> dict:
    """Turns per second of 1 and of 4 processes sharing one SQLite store (the same interviews split among them)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    res = {}
    for n in (1, 4):
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "bench.db")
            start, out = ctx.Barrier(n + 1), ctx.Queue()
            share = users // n
            procs = [ctx.Process(target=_worker, args=(path, range(i * share, (i + 1) * share), start, out)) for i in range(n)]
            for p in procs:
                p.start()
            start.wait()
            t = time.perf_counter()
            turns = sum(out.get(timeout=600) for _ in procs)
            wall = time.perf_counter() - t
            for p in procs:
                p.join()
        res[f"{n}_process"] = {"turns": turns, "turns_per_s": round(turns / wall, 1)}
    res["speedup_4_over_1"] = round(res["4_process"]["turns_per_s"] / res["1_process"]["turns_per_s"], 2)
    res["cpus"] = os.cpu_count()
    return res


