"""`notewright demo` and `notewright serve`: the web app on 127.0.0.1.

`demo` creates the synthetic demo practice once in the data directory
(NOTEWRIGHT_DATA_DIR, default the per-user data folder), prints the demo logins and
serves it; `serve` serves a practice created with `notewright init`.
"""

from __future__ import annotations

import argparse
import os
import threading
import webbrowser
from typing import Any

HOST = "127.0.0.1"


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="create (once) and serve the synthetic demo practice")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.set_defaults(handler=cmd_demo)
    s = sub.add_parser("serve", help="serve the practice's web app on 127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--workers", type=int, default=1,
                   help="app processes (sessions live in the database, so they share them)")
    s.set_defaults(handler=cmd_serve)


def ensure_demo() -> tuple[str, bool]:
    """Create the demo practice unless the data directory already holds a practice.
    Returns (data dir, created)."""
    from notewright import settings
    from notewright.practice import open_store
    from notewright.practice.demo_day import refresh
    from notewright.practice.users import is_initialized
    from notewright.storage import demo, encryption, migrations
    from notewright.storage.engine import is_sqlite, sqlite_path

    s = settings.load()
    s.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if s.keys_from_env:
        ring = encryption.load_keys(s)
    elif s.key_file.exists():
        ring = encryption.load_key_file(s.key_file)
    else:
        ring = encryption.KeyRing.generate()
        encryption.write_key_file(s.key_file, ring)
    created = False
    store = open_store(s, keys=ring)
    try:
        migrations.upgrade(store.record, "record")
        migrations.upgrade(store.vault, "vault")
        if not is_initialized(store):
            demo.seed(store)
            created = True
    finally:
        store.close()
    for url in (s.database_url, s.vault_url):
        if is_sqlite(url):
            sqlite_path(url).chmod(0o600)
    store = open_store(s, keys=ring)  # a real clock again, for today's sessions
    try:
        refresh(store)
    finally:
        store.close()
    return str(s.data_dir), created


def _run(port: int, workers: int = 1) -> int:
    import uvicorn

    uvicorn.run("notewright.web.app:app_from_environment", factory=True, host=HOST,
                port=port, workers=workers, proxy_headers=True, log_level="warning",
                access_log=False)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from notewright.storage.demo import DEMO_PASSWORD, STAFF

    data_dir, created = ensure_demo()
    os.environ.setdefault("NOTEWRIGHT_DATA_DIR", data_dir)
    url = f"http://{HOST}:{args.port}/"
    print(("created" if created else "using") + f" the synthetic demo practice in {data_dir}")
    print("demo logins (all synthetic), password: " + DEMO_PASSWORD)
    print("  alex       practice admin")
    for username, name, roles in STAFF:
        print(f"  {username:<10} {name}: {', '.join(r.value for r in roles)}")
    print(f"serving on {url}  (Ctrl-C to stop)", flush=True)
    if not args.no_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    return _run(args.port)


def cmd_serve(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.errors import ConfigurationError
    from notewright.practice import open_store
    from notewright.practice.users import is_initialized
    from notewright.storage import migrations

    store = open_store(settings.load())
    try:  # the web app relies on the migrations for its own tables too
        migrations.upgrade(store.record, "record")
        migrations.upgrade(store.vault, "vault")
        if not is_initialized(store):
            raise ConfigurationError("no practice in this data directory; run "
                                     "`notewright init` first (or `notewright demo`)")
    finally:
        store.close()
    print(f"serving on http://{HOST}:{args.port}/ with {args.workers} worker(s)", flush=True)
    return _run(args.port, args.workers)
