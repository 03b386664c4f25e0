"""The app under test: `notewright demo` in a subprocess on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, data_dir: Path, **env: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = (data_dir.parent / f"server-{self.port}.log").open("w")
        full_env = {**os.environ, "NOTEWRIGHT_DATA_DIR": str(data_dir), **env}
        for name in ("NOTEWRIGHT_DATABASE_URL", "NOTEWRIGHT_VAULT_URL", "NOTEWRIGHT_KEY_FILE",
                     "NOTEWRIGHT_RECORD_KEY", "NOTEWRIGHT_VAULT_KEY"):
            full_env.pop(name, None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "notewright", "demo", "--no-browser", "--port",
             str(self.port)], env=full_env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"notewright demo exited; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("notewright demo did not start within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
