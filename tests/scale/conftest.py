"""Reuse the storage suite's `db`/`store` fixtures (SQLite file and real PostgreSQL).

The storage conftest is loaded by path under its own module name, so its fixtures are
registered here too without a package or a root conftest.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_path = Path(__file__).parent.parent / "storage" / "conftest.py"
_spec = importlib.util.spec_from_file_location("nw_scale_storage_fixtures", _path)
assert _spec is not None and _spec.loader is not None
_storage = sys.modules.get(_spec.name) or importlib.util.module_from_spec(_spec)
if _spec.name not in sys.modules:
    sys.modules[_spec.name] = _storage
    _spec.loader.exec_module(_storage)

DB = _storage.DB
pg_server = _storage.pg_server
sqlite_templates = _storage.sqlite_templates
db = _storage.db
fast_password_hashing = _storage.fast_password_hashing
store = _storage.store
