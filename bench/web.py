"""The staff page's search latency: `policybot web` as a real process on loopback, warm, asked the same questions
as the in-process query bench, over one keep-alive connection (what a browser does)."""
from __future__ import annotations

import http.client
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))




def _pcts(times: list[float]) -> dict:
    times = sorted(times)
    return {"p50_ms": round(1000 * times[len(times) // 2], 2), "p95_ms": round(1000 * times[int(len(times) * 0.95)], 2)}


def web_latency(n: int = 200) -> dict:
    from local_servers import free_port
    from retrieval.evaluate import load_questions

    qs = [r["q"] for r in load_questions(HERE / "tests" / "data" / "retrieval_extra.jsonl")]
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, POLICYBOT_DB=str(Path(tmp) / "s.db"))
        proc = subprocess.Popen([str(Path(sys.executable).parent / "policybot"), "web", "--port", str(port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.time() + 120
            while True:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                    conn.request("GET", "/api/search?" + urlencode({"q": qs[0]}))
                    conn.getresponse().read()
                    break
                except OSError:
                    if proc.poll() is not None or time.time() > deadline:
                        raise RuntimeError("policybot web did not start")
                    time.sleep(0.2)
            out = {"requests": n}
            for name, path in (("api_search", "/api/search"), ("search_page", "/search")):
                times = []
                for i in range(n):
                    t = time.perf_counter()
                    conn.request("GET", f"{path}?" + urlencode({"q": qs[i % len(qs)]}))
                    r = conn.getresponse()
                    r.read()
                    times.append(time.perf_counter() - t)
                    assert r.status == 200, (path, r.status)
                out[name] = _pcts(times)
            conn.close()
            return out
        finally:
            proc.terminate()
            proc.wait(10)
