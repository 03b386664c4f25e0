"""Secrets and logs: `notewright demo --no-browser` runs as a real process on a free
loopback port with a fresh data directory; a full flow is driven over HTTP with
synthetic marker strings (sign in, a failed sign-in, draft a note with a distinctive
description, move process material to the vault, sign, a 404, malformed requests, a
records request). Then every captured output (stdout, stderr, uvicorn's logs, any
*.log file under the data directory) is searched for the note text, the description,
client names, the passwords, the session cookie and the key material read from the
key file: none may appear.

The demo's start-up banner prints the synthetic demo password on purpose (it is the
demo's login); the search for that password covers everything after the banner."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx  # the declared dev dependency (plain httpx makes TestClient warn)
import pytest

from notewright import settings as settings_mod
from notewright.practice import open_store
from notewright.storage import records
from notewright.storage.demo import DEMO_PASSWORD

MARK = "QUOKKAMARK"
DESCRIPTION = (
    f"Met with the client for 50 min. {MARK} She described the {MARK}lighthouse dream again "
    f"and said she felt calmer at work. PHQ-9 = 11. Denies SI/HI. Honestly I felt a bit "
    f"impatient when she dismissed the {MARK}zeppelin reframe - need to watch that. "
    "Practiced box breathing. HW thought record. F/u 1 wk.")
WRONG_PASSWORD = "WRONGPASS-" + MARK + "-7391"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


@pytest.fixture
def app(tmp_path: Path):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTEWRIGHT_")}
    env.update(NOTEWRIGHT_DATA_DIR=str(data), PYTHONUNBUFFERED="1")
    port = _free_port()
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out.open("wb") as o, err.open("wb") as e:
        proc = subprocess.Popen([sys.executable, "-m", "notewright", "demo", "--no-browser",
                                 "--port", str(port)], env=env, stdout=o, stderr=e,
                                cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(base + "/", timeout=2)
            break
        except httpx.TransportError:
            assert proc.poll() is None, err.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the demo did not start"
            time.sleep(0.3)
    yield base, data, out, err, env
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _flow(base: str, casey_id: str) -> tuple[str, list[str]]:
    """Drive the app; returns the session cookie value and the steps' status codes."""
    seen: list[str] = []
    with httpx.Client(base_url=base, follow_redirects=False, timeout=60) as c:
        page = c.get("/")
        bad = c.post("/signin", data={"username": "avery", "password": WRONG_PASSWORD,
                                      "code": "", "csrf_token": _csrf(page.text)})
        seen.append(f"failed signin {bad.status_code}")
        assert bad.status_code != 303
        page = c.get("/")
        ok = c.post("/signin", data={"username": "avery", "password": DEMO_PASSWORD,
                                     "code": "", "csrf_token": _csrf(page.text)})
        assert ok.status_code == 303, ok.text[:500]
        cookie = "".join(c.cookies.values())
        csrf = _csrf(c.get("/today").text)
        created = c.post("/notes", data={
            "csrf_token": csrf, "client_id": casey_id, "date": "2026-01-26",
            "start": "10:00", "end": "10:55", "modality": "individual", "format": "soap",
            "description": DESCRIPTION})
        assert created.status_code == 303, created.text[:500]
        review = created.headers["location"]
        note_id = review.split("/")[2]
        page = c.get(review).text
        item = re.search(r'/withheld/(\d+)/vault"', page)
        version = re.search(r'name="version" id="version" value="(\d+)"', page)
        assert item and version
        moved = c.post(f"/notes/{note_id}/withheld/{item.group(1)}/vault",
                       data={"csrf_token": csrf, "version": version.group(1)},
                       headers={"HX-Request": "true"})
        assert moved.status_code == 200
        version = re.search(r'name="version" id="version" value="(\d+)"', moved.text)
        assert version
        signed = c.post(f"/notes/{note_id}/sign",
                        data={"csrf_token": csrf, "version": version.group(1)})
        assert signed.status_code == 303, signed.text[:500]
        seen.append(f"note view {c.get(f'/notes/{note_id}').status_code}")
        # Errors: a 404, malformed requests of several kinds, a bad CSRF token.
        seen.append(f"404 {c.get(f'/notes/{MARK}nosuchnote').status_code}")
        seen.append(f"404 client {c.get(f'/clients/{MARK}').status_code}")
        seen.append("bad form " + str(c.post("/notes", data={
            "csrf_token": csrf, "client_id": casey_id, "date": f"{MARK}-not-a-date",
            "description": DESCRIPTION}).status_code))
        seen.append("json body " + str(c.post(
            "/notes", content=json.dumps({"description": DESCRIPTION}),
            headers={"content-type": "application/json", "x-csrf-token": csrf}).status_code))
        seen.append("garbage body " + str(c.post(
            "/notes", content=b"\xff\xfe" + DESCRIPTION.encode() + b"\x00" * 10,
            headers={"content-type": "multipart/form-data; boundary=zz"}).status_code))
        seen.append("no csrf " + str(c.post("/notes", data={
            "client_id": casey_id, "description": DESCRIPTION}).status_code))
        seen.append("autosave stale " + str(c.post(f"/notes/{note_id}/autosave", data={
            "csrf_token": csrf, "version": "0", "s-0-0": DESCRIPTION}).status_code))
        # A records request (court order) taken in through the web form.
        req = c.post("/requests", data={
            "csrf_token": csrf, "client_id": casey_id, "requester": "court",
            "requester_name": f"{MARK} Superior Court (synthetic)",
            "recipient_address": f"1 {MARK} Way", "basis": "court_order",
            "categories": ["progress_notes"], "format": "pdf", "auth_mode": "none",
            "fact_order_signed_by_judge": "on",
            "facts_json": '{"issued_or_ordered_by_court": true, '
                          '"order_scope": ["progress_notes"]}'})
        seen.append(f"records request {req.status_code}")
        if req.status_code == 303:
            url = req.headers["location"]
            for step, data in (("confirm", {"reason": f"{MARK} court order reviewed"}),
                               ("packet", {}), ("sent", {"via": "courier"})):
                seen.append(f"request {step} " + str(c.post(
                    f"{url}/{step}", data={"csrf_token": csrf, **data}).status_code))
        c.post("/signout", data={"csrf_token": csrf})
    return cookie, seen


def test_no_note_text_name_password_or_key_in_any_log(app) -> None:
    base, data, out, err, env = app
    s = settings_mod.load({"NOTEWRIGHT_DATA_DIR": str(data)})
    store = open_store(s)
    try:
        with store.record.connect() as conn:
            clients = records.list_clients(conn)
            conn.rollback()
    finally:
        store.close()
    casey = next(c for c in clients if c.given_name == "Casey")
    cookie, seen = _flow(base, casey.id)
    time.sleep(0.5)  # let the server flush what it logs about the last requests
    key_doc = json.loads(s.key_file.read_text())
    keys = [v for part in ("record", "vault") for v in key_doc[part]["keys"].values()]
    assert keys
    logs = {"stdout": out.read_text("utf-8", errors="replace"),
            "stderr": err.read_text("utf-8", errors="replace")}
    for path in data.rglob("*.log"):
        logs[str(path)] = path.read_text("utf-8", errors="replace")
    banner_end = logs["stdout"].find("serving on")
    assert banner_end >= 0, logs["stdout"]
    needles = {"marker": MARK, "description": DESCRIPTION[:40], "wrong password":
               WRONG_PASSWORD, "session cookie": cookie}
    needles |= {f"key {i}": k for i, k in enumerate(keys)}
    needles |= {f"key {i} (base64url)": k.replace("+", "-").replace("/", "_").rstrip("=")
                for i, k in enumerate(keys)}
    for c in clients:
        needles[f"client {c.given_name}"] = f"{c.given_name} {c.family_name}"
        needles[f"client family name {c.family_name}"] = c.family_name
    leaks = [f"{what} in {name}" for name, textual in logs.items()
             for what, needle in needles.items() if needle and needle in textual]
    after_banner = logs["stdout"][banner_end:] + logs["stderr"]
    if DEMO_PASSWORD in after_banner:
        leaks.append("demo password after the banner")
    assert not leaks, (leaks, seen, {k: v[-2000:] for k, v in logs.items()})
    assert "Traceback" not in logs["stderr"], (seen, logs["stderr"][-4000:])
