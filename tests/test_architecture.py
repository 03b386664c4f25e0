"""The core packages are pure: no I/O, no storage, no web, no CLI, no clock, no environment.

A convention nobody checks erodes, so this test reads every core module's imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import notewright

SRC = Path(notewright.__file__).parent
CORE = ("drafting", "disclosure", "records")
FORBIDDEN_MODULES = {
    "sqlalchemy", "alembic", "psycopg", "fastapi", "starlette", "uvicorn", "jinja2",
    "socket", "subprocess", "urllib", "http", "requests", "httpx", "sqlite3", "os",
    "shutil", "tempfile",
}
FORBIDDEN_PACKAGES = ("notewright.storage", "notewright.web", "notewright.cli", "notewright.export")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_packages_import_no_adapter_and_no_io_module() -> None:
    offenders = []
    for package in CORE:
        for path in sorted((SRC / package).rglob("*.py")):
            for name in _imports(path):
                top = name.split(".")[0]
                if top in FORBIDDEN_MODULES or name.startswith(FORBIDDEN_PACKAGES):
                    offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_importing_notewright_loads_no_engine() -> None:
    import subprocess
    import sys

    code = ("import sys, notewright; "
            "print(sorted(m for m in sys.modules if m.startswith('notewright')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "['notewright']"
