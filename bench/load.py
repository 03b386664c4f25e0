"""Load test: `notewright serve --workers 2` (uvicorn) on a free 127.0.0.1 port against a
temporary data directory with the synthetic demo practice, on SQLite and on PostgreSQL
(fresh databases on 127.0.0.1:5432), driven from THIS process (a second process, loopback
only), bounded in time (default 20 s per scenario) and in count:

- review page: GET /notes/{draft}/review with a signed-in cookie. `wrk` when /usr/bin/wrk
  exists (2 threads, 8 connections), else the Python generator below;
- sign: POST /notes/{draft}/sign (final save + sign) with the session's CSRF token, one
  pre-made draft per request: always the Python generator (8 threads, one keep-alive
  http.client connection each), since each request needs its own draft.

Prints requests/s and p50/p99 latency per scenario.

    .venv/bin/python bench/load.py [--seconds 20] [--engines sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import base64
import http.client
import os
import queue
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from datetime import time as dtime
from pathlib import Path

from sqlalchemy import create_engine, text

HOST = "127.0.0.1"
PG_ADMIN = os.environ.get("NOTEWRIGHT_TEST_POSTGRES_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
WRK = "/usr/bin/wrk"
EXAMPLE = (Path(__file__).parents[1] / "examples/session-description.txt").read_text()
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
THREADS = 8
MAX_DRAFTS = 1200


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Result:
    scenario: str
    engine: str
    tool: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


# --- the practice and the server ----------------------------------------------------

def environment(engine: str, tmp: Path) -> tuple[dict[str, str], list[str]]:
    env = {"NOTEWRIGHT_DATA_DIR": str(tmp / "data"),
           "NOTEWRIGHT_RECORD_KEY": base64.b64encode(os.urandom(32)).decode(),
           "NOTEWRIGHT_VAULT_KEY": base64.b64encode(os.urandom(32)).decode()}
    made: list[str] = []
    if engine == "postgresql":
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        run = secrets.token_hex(3)
        with admin.connect() as c:
            for store in ("record", "vault"):
                name = f"nw_load_{run}_{store}"
                c.execute(text(f"CREATE DATABASE {name}"))
                made.append(name)
        admin.dispose()
        base = PG_ADMIN.rsplit("/", 1)[0]
        env["NOTEWRIGHT_DATABASE_URL"] = f"{base}/{made[0]}"
        env["NOTEWRIGHT_VAULT_URL"] = f"{base}/{made[1]}"
    return env, made


def drop(made: list[str]) -> None:
    if not made:
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        for name in made:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def seed(env: dict[str, str], drafts: int) -> list[tuple[str, int]]:
    """The demo practice, plus `drafts` drafts by Dr. Avery ready to sign."""
    from notewright import settings
    from notewright.drafting import draft
    from notewright.practice import list_clients, open_store, record_session, save_draft
    from notewright.practice import review as rv
    from notewright.practice.demo_day import refresh
    from notewright.storage import demo, migrations, records

    s = settings.load(env)
    s.data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(s)
    try:
        migrations.upgrade(store.record, "record")
        migrations.upgrade(store.vault, "vault")
        demo.seed(store)
    finally:
        store.close()
    store = open_store(s)
    try:
        refresh(store)
        with store.record.connect() as conn:
            avery, _ = records.load_user(conn, username="avery")
            conn.rollback()
        casey = next(c for c in list_clients(store, avery) if c.given_name == "Casey")
        content = rv.content_from_draft(draft(EXAMPLE, "soap").to_dict(), EXAMPLE)
        out = []
        for i in range(drafts):
            session = record_session(store, avery, client_id=casey.id,
                                     date=store.clock().date(),
                                     start=dtime(8 + i % 10, 0), end=dtime(8 + i % 10, 50),
                                     modality="individual", cpt_code="90834")
            note = save_draft(store, avery, session_id=session.id, content=content)
            out.append((note.id, note.version))
    finally:
        store.close()
    return out


def start(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "notewright", "serve", "--port", str(port), "--workers", "2"],
        env={**os.environ, **env}, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"notewright serve exited; see {log}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=1)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("notewright serve did not start within 60 s")


def sign_in(port: int) -> tuple[str, str]:
    """(Cookie header, session CSRF token) for Dr. Avery."""
    from notewright.storage.demo import DEMO_PASSWORD

    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    conn.request("GET", "/")
    r = conn.getresponse()
    page = r.read().decode()
    pre = [c.split(";")[0] for c in r.headers.get_all("set-cookie") or []]
    body = urllib.parse.urlencode({"username": "avery", "password": DEMO_PASSWORD,
                                   "csrf_token": CSRF.findall(page)[0]})
    conn.request("POST", "/signin", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(pre)})
    r = conn.getresponse()
    r.read()
    cookies = [c.split(";")[0] for c in r.headers.get_all("set-cookie") or []]
    cookie = "; ".join(c for c in cookies if c.startswith("nw_session="))
    conn.request("GET", "/today", headers={"Cookie": cookie})
    r = conn.getresponse()
    csrf = CSRF.findall(r.read().decode())[0]
    conn.close()
    return cookie, csrf


# --- load generators ------------------------------------------------------------------

def python_load(port: int, seconds: float, make: object, count: int) -> tuple[int, int, float,
                                                                              list[float]]:
    """THREADS threads, keep-alive connections, until `seconds` pass or `count` requests
    are done. `make()` returns (method, path, body, headers) or None when out of work."""
    latencies: list[float] = []
    errors = [0]
    done = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < stop:
            with lock:
                if done[0] >= count:
                    break
                done[0] += 1
            job = make()  # type: ignore[operator]
            if job is None:
                break
            method, path, body, headers = job
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body, headers)
                r = conn.getresponse()
                r.read()
                ok = r.status in (200, 303)
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed * 1000)
                errors[0] += 0 if ok else 1
        conn.close()

    t_start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies), errors[0], time.monotonic() - t_start, latencies


def _ms(value: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


def wrk_load(port: int, seconds: float, path: str, cookie: str) -> tuple[int, int, float,
                                                                         float, float, str]:
    cmd = [WRK, "-t2", "-c8", f"-d{int(seconds)}s", "--latency", "-H", f"Cookie: {cookie}",
           f"http://{HOST}:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out).group(1))  # type: ignore[union-attr]
    span = re.search(r"requests in ([\d.]+)(m?s)", out)
    secs = float(span.group(1)) * (1.0 if span.group(2) == "s" else 0.001) if span else seconds
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = _ms(re.search(r"50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    shown = " ".join(cmd).replace(cookie, "nw_session=…")
    return total, int(bad.group(1)) if bad else 0, secs, p50, p99, shown


# --- scenarios ---------------------------------------------------------------------------

def run_engine(engine: str, seconds: float) -> list[Result]:
    tmp = Path(tempfile.mkdtemp(prefix="nw-load-"))
    env, made = environment(engine, tmp)
    proc = None
    try:
        drafts = seed(env, MAX_DRAFTS + 1)
        port = free_port()
        proc = start(env, port, tmp / "server.log")
        cookie, csrf = sign_in(port)
        review_path = f"/notes/{drafts[0][0]}/review"
        results = []
        if Path(WRK).exists():
            n, bad, secs, p50, p99, cmd = wrk_load(port, seconds, review_path, cookie)
            results.append(Result("review page", engine, "wrk", n, bad, secs, p50, p99))
            print(f"  ({cmd})", flush=True)
        else:
            n, bad, secs, lat = python_load(port, seconds, lambda: (
                "GET", review_path, None, {"Cookie": cookie}), 10**9)
            results.append(Result("review page", engine, "python", n, bad, secs,
                                  pct(lat, .5), pct(lat, .99)))
        work: queue.SimpleQueue[tuple[str, int]] = queue.SimpleQueue()
        for d in drafts[1:]:
            work.put(d)

        def sign_job() -> tuple[str, str, str, dict[str, str]] | None:
            try:
                note_id, version = work.get_nowait()
            except queue.Empty:
                return None
            body = urllib.parse.urlencode({"csrf_token": csrf, "version": version})
            return ("POST", f"/notes/{note_id}/sign", body, {
                "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})

        n, bad, secs, lat = python_load(port, seconds, sign_job, MAX_DRAFTS)
        results.append(Result("sign", engine, "python", n, bad, secs, pct(lat, .5),
                              pct(lat, .99)))
        return results
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        drop(made)
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"load test: notewright serve --workers 2 on {HOST}, {args.seconds:g} s per "
          f"scenario, {os.cpu_count()} CPUs; wrk: {'yes' if Path(WRK).exists() else 'no'}",
          flush=True)
    rows = []
    for engine in args.engines.split(","):
        print(f"{engine}: seeding and starting…", flush=True)
        rows += run_engine(engine, args.seconds)
    print(f"{'scenario':<12} {'engine':<11} {'tool':<7} {'requests':>9} {'errors':>7} "
          f"{'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for r in rows:
        print(f"{r.scenario:<12} {r.engine:<11} {r.tool:<7} {r.requests:>9} {r.errors:>7} "
              f"{r.rps:>8.1f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f}")


if __name__ == "__main__":
    main()
