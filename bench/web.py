"""Web app timings on an SQLite file with the synthetic demo practice, in process
(starlette's TestClient: routing, forms, templates and the database, no network):

- describe → review: POST the description, follow the redirect, render the review page;
- sign and save: POST the reviewed note (final save + sign), follow to the signed note.

Prints p50/p95 over N runs (default 50). Target: review p95 ≤ 300 ms.

    .venv/bin/python bench/web.py [--runs 50]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from notewright import settings as settings_mod
from notewright.practice import open_store
from notewright.practice.demo_day import refresh
from notewright.storage import demo, encryption, migrations
from notewright.web.app import create_app

EXAMPLE = (Path(__file__).parents[1] / "examples/session-description.txt").read_text()
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" id="version" value="(\d+)"')


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        s = settings_mod.load({"NOTEWRIGHT_DATA_DIR": tmp})
        ring = encryption.KeyRing.generate()
        encryption.write_key_file(s.key_file, ring)
        seed_store = open_store(s, keys=ring)
        migrations.upgrade(seed_store.record, "record")
        migrations.upgrade(seed_store.vault, "vault")
        demo.seed(seed_store)
        seed_store.close()
        store = open_store(s, keys=ring)
        refresh(store)
        client = TestClient(create_app(s, store=store), follow_redirects=True)
        page = client.get("/")
        client.post("/signin", data={"username": "avery", "password": demo.DEMO_PASSWORD,
                                     "csrf_token": CSRF.findall(page.text)[0]})
        new = client.get("/notes/new")
        csrf = CSRF.findall(new.text)[0]
        client_id = re.findall(r'<option value="([0-9a-f]{32})"', new.text)[0]
        review_ms, sign_ms = [], []
        for i in range(args.runs + 3):  # the first three warm up
            t0 = time.perf_counter()
            review = client.post("/notes", data={
                "csrf_token": csrf, "client_id": client_id, "date": "2026-02-02",
                "start": "10:00", "end": "10:50", "modality": "individual", "format": "soap",
                "description": EXAMPLE})
            t1 = time.perf_counter()
            assert review.status_code == 200 and "Review the draft" in review.text
            note_path = str(review.url.path).removesuffix("/review")
            signed = client.post(note_path + "/sign", data={
                "csrf_token": csrf, "version": VERSION.findall(review.text)[0]})
            t2 = time.perf_counter()
            assert signed.status_code == 200 and "signed" in signed.text
            if i >= 3:
                review_ms.append((t1 - t0) * 1000)
                sign_ms.append((t2 - t1) * 1000)
        store.close()
    print(f"web app on SQLite, {args.runs} runs (in process; demo practice)")
    for name, values in (("describe → rendered review", review_ms),
                         ("sign and save → signed note", sign_ms)):
        print(f"  {name:<30} p50 {statistics.median(values):6.1f} ms   "
              f"p95 {_pct(values, 0.95):6.1f} ms   max {max(values):6.1f} ms")


if __name__ == "__main__":
    main()
