"""`make bench`: cold start, query time and (as they land) conversation and Telegram figures, as JSON."""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .processes import SCRIPT  # one applicant's interview, answered as people write

BIN = Path(sys.executable).parent


def median_wall(cmd: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold_start(runs: int = 11) -> dict:
    """A staff member's `policybot search` is a fresh process: compare it with
    the floor any jieba program pays (import + dictionary load)."""
    env = dict(os.environ)
    env.setdefault("POLICYBOT_CACHE", tempfile.mkdtemp(prefix="policybot-bench-"))
    search = [str(BIN / "policybot"), "search", "青年项目的年龄要求", "--json"]
    subprocess.run(search, check=True, capture_output=True, env=env)  # warm the on-disk caches once
    floor_cmd = [sys.executable, "-c", "import jieba; jieba.initialize()"]
    # interleave the two so a busy machine slows both alike
    s_times, f_times = [], []
    for _ in range(runs):
        s_times.append(median_wall(search, 1, env))
        f_times.append(median_wall(floor_cmd, 1, env))
    s, f = statistics.median(s_times), statistics.median(f_times)
    return {"cold_search_s": round(s, 4), "jieba_floor_s": round(f, 4), "ratio": round(s / f, 3), "runs": runs}


def query_time(n: int = 200) -> dict:
    from retrieval import search
    from retrieval.evaluate import load_questions

    here = Path(__file__).resolve().parent.parent
    qs = [r["q"] for r in load_questions(here / "tests" / "data" / "retrieval_extra.jsonl")]
    search(qs[0])
    times = []
    for i in range(n):
        t = time.perf_counter()
        search(qs[i % len(qs)], top=5)
        times.append(time.perf_counter() - t)
    times.sort()
    return {"query_p50_ms": round(1000 * times[len(times) // 2], 3),
            "query_p95_ms": round(1000 * times[int(len(times) * 0.95)], 3), "queries": n}




def conversation(users: int = 40) -> dict:
    """Turns of the real core against a real SQLite file: whole interviews, side questions included."""
    from bot.dialogue.assistant import Assistant
    from bot.dialogue.store import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        bot = Assistant(SQLiteStore(Path(tmp) / "bench.db"))
        bot.handle("warm", SCRIPT[0])
        bot.handle("warm", SCRIPT[12])  # load the retriever once, as a running bot has
        times = []
        started = time.perf_counter()
        for u in range(users):
            for text in SCRIPT:
                t = time.perf_counter()
                bot.handle(f"user{u}", text)
                times.append(time.perf_counter() - t)
        total = time.perf_counter() - started
    times.sort()
    return {"turns": len(times), "turns_per_s": round(len(times) / total, 1),
            "turn_p50_ms": round(1000 * times[len(times) // 2], 3),
            "turn_p99_ms": round(1000 * times[min(len(times) - 1, int(len(times) * 0.99))], 3)}


HOSTILE = {  # messages of up to 4,000 characters built to make a reader slow (issue 13's findings and kin)
    "青年项目 x1000": "青年项目" * 1000, "young program x285": "young program " * 285, "haiju x666": "haiju " * 666,
    "newlines": "\n" * 4000, "U+1680": "\u1680" * 4000, "digits": "1 " * 2000, "years": "2019年" * 800,
    "org names": "stanford " * 444, "money": "$450k " * 666, "if I": "if I " * 800, "spouse clauses": "我爱人是美国籍，" * 500,
    "numerals": "一二三四五六七八九十" * 400, "brackets": "(" * 4000, "commas": "，" * 4000,
}


def openings(rounds: int = 3) -> dict:
    """Whole turns of realistic opening messages (the dev and held-out sets) against hostile ones of up to 4,000
    characters, in one run: the worst hostile turn as a multiple of the realistic p50."""
    from bot.dialogue.assistant import Assistant
    from bot.dialogue.store import SQLiteStore

    root = Path(__file__).resolve().parent.parent
    texts = []
    for path in [root.parent / "shared" / "eval" / "extraction_dev.jsonl", *sorted((root / "tests" / "data").glob("extraction_heldout*.jsonl"))]:
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        bot = Assistant(SQLiteStore(Path(tmp) / "bench.db"))
        bot.handle("warm", texts[0])
        normal, hostile, n = [], {}, 0
        for _ in range(rounds):
            for text in texts:
                n += 1
                t = time.perf_counter()
                bot.handle(f"o{n}", text)
                normal.append(time.perf_counter() - t)
            for name, text in HOSTILE.items():
                n += 1
                t = time.perf_counter()
                bot.handle(f"h{n}", text[:4000])
                hostile[name] = max(hostile.get(name, 0.0), time.perf_counter() - t)
    p50 = statistics.median(normal)
    worst = max(hostile, key=hostile.get)
    return {"openings": len(texts), "opening_p50_ms": round(1000 * p50, 2),
            "opening_p95_ms": round(1000 * sorted(normal)[int(len(normal) * 0.95)], 2),
            "hostile_worst": worst, "hostile_worst_ms": round(1000 * hostile[worst], 2),
            "hostile_worst_ratio": round(hostile[worst] / p50, 2)}


def telegram_latency() -> dict:
    """Reply latency through the real PTB Application and the fake Bot API (tests/frontends/fake_telegram.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "frontends"))
    from fake_telegram import measure_latency

    texts = ["青年项目的年龄要求是什么？", "我想申请千人计划青年项目，我34岁", "/profile", "How long is the public notice?"]
    return measure_latency(n=60, text=texts)


def write_table(out: dict) -> None:
    """bench/README.md: the latest figures as a table, with the machine and the date."""
    from .scale import VOCAB

    rc, conv, tg, op = out["real_corpus"], out["conversation"], out.get("telegram", {}), out["openings"]
    lines = ["# Benchmarks", "", f"Run by `make bench` on {out['date']}, {out['machine']}.", "",
             "## Synthetic corpus: sparse BM25 vs rank-bm25 (same run, same corpus)", "",
             f"Zipf vocabulary ({VOCAB:,} types, exponent 1.1), 30–50 tokens a clause, queries of 3–8 tokens; "
             "query time includes picking the top 10.", "",
             "| clauses | scorer | build s | query p50 ms | query p95 ms | peak MB | p50 speed-up | max score diff |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for row in out["scale"]:
        for scorer in ("sparse", "rank_bm25"):
            r = row[scorer]
            lines.append(f"| {row['clauses']:,} | {scorer} | {r['build_s']} | {r['query_p50_ms']} | {r['query_p95_ms']} | "
                         f"{r['peak_mb_over_corpus']} | {row['speedup_p50'] if scorer == 'sparse' else ''} | "
                         f"{r.get('max_abs_score_diff', '')} |")
    lines += ["", "## Real corpus", "",
              "| measure | value |", "|---|---:|",
              f"| cold `policybot search` (median of {rc['runs']}) | {rc['cold_search_s']} s |",
              f"| `import jieba; jieba.initialize()` floor | {rc['jieba_floor_s']} s |",
              f"| ratio | {rc['ratio']} |",
              f"| in-process query p50 / p95 | {rc['query_p50_ms']} / {rc['query_p95_ms']} ms |",
              f"| conversation core, real SQLite file | {conv['turns_per_s']} turns/s |",
              f"| turn p50 / p99 | {conv['turn_p50_ms']} / {conv['turn_p99_ms']} ms |",
              f"| realistic opening turn p50 / p95 ({op['openings']} messages) | {op['opening_p50_ms']} / {op['opening_p95_ms']} ms |",
              f"| worst hostile turn, up to 4,000 characters ({op['hostile_worst']}) | {op['hostile_worst_ms']} ms = "
              f"{op['hostile_worst_ratio']}x the opening p50 |"]
    pr = out.get("processes")
    if pr:
        lines.append(f"| 1 / 4 processes on one SQLite store ({pr['cpus']} cpus) | {pr['1_process']['turns_per_s']} / "
                     f"{pr['4_process']['turns_per_s']} turns/s = {pr['speedup_4_over_1']}x |")
    if tg:
        lines.append(f"| Telegram reply through the fake Bot API p50 / p95 | {tg.get('p50_ms')} / {tg.get('p95_ms')} ms |")
    web = out.get("web")
    if web:
        lines.append(f"| web `/api/search` over loopback, warm process, p50 / p95 ({web['requests']} questions) | "
                     f"{web['api_search']['p50_ms']} / {web['api_search']['p95_ms']} ms |")
        lines.append(f"| web `/search` page (answer, marked clauses) p50 / p95 | {web['search_page']['p50_ms']} / "
                     f"{web['search_page']['p95_ms']} ms |")
    (Path(__file__).parent / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    from .processes import processes
    from .scale import scale
    from .web import web_latency

    out = {"machine": f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}",
           "date": time.strftime("%Y-%m-%d"),
           "real_corpus": {**cold_start(), **query_time()},
           "conversation": conversation(),
           "processes": processes(),
           "openings": openings(),
           "telegram": telegram_latency(),
           "web": web_latency(),
           "scale": scale()}
    write_table(out)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
