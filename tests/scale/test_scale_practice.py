"""The scale generator and bench on a small synthetic group practice in PostgreSQL:
the generated records open through practice/ (every note decrypts and verifies), and
every query the chart, the unsigned list and the accounting report issue against a
table that grows with the practice can be served by an index (EXPLAIN with sequential
scans disabled; timings are bench/scale.py's job, not the suite's)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text

from notewright import practice
from notewright.storage import audit_log

ROOT = Path(__file__).resolve().parents[2]
GROWING = ("progress_notes", "sessions", "clients", "care_team", "accounting_entries",
           "users", "audit_events", "addenda", "treatment_plans", "authorizations",
           "revocations", "break_glass")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(name) or importlib.util.module_from_spec(spec)
    if name not in sys.modules:
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module


gen = _load("nw_make_scale_practice", ROOT / "scripts" / "make_scale_practice.py")
bench = _load("nw_bench_scale", ROOT / "bench" / "scale.py")


# The scale practice is PostgreSQL only (it loads with COPY): the storage fixture's
# parameter is narrowed to that engine rather than skipped on SQLite.
pytestmark = pytest.mark.parametrize("db", ["postgresql"], indirect=True)


@pytest.fixture
def pg_store(db, store):
    assert db.kind == "postgresql"
    gen.init(store)
    timings = gen.generate(store, gen.Sizes(clinicians=2, clients=50, notes=2_000),
                           log=lambda line: None)
    assert timings["total"] > 0
    return store


@pytest.mark.postgres
def test_generated_practice_has_the_asked_sizes_and_opens(pg_store):
    with pg_store.record.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in ("clients", "sessions", "progress_notes")}
        clinicians = conn.execute(text(
            "SELECT count(*) FROM users WHERE roles = 'clinician'")).scalar_one()
        drafts = conn.execute(text(
            "SELECT count(*) FROM progress_notes WHERE status = 'draft'")).scalar_one()
        assert audit_log.verify(conn).ok
        conn.rollback()
    assert counts == {"clients": 50, "sessions": 2_000, "progress_notes": 2_000}
    assert clinicians == 2 and 0 < drafts < 2_000
    charts, accounts = bench.pick(pg_store, 3)
    for s in charts:  # decrypts and re-verifies every signed note's hash
        chart = practice.open_chart(pg_store, s.clinician, s.client_id)
        assert len(chart.notes) == 40
    assert accounts
    lines = bench.measure(pg_store, 5)
    assert [line.split()[0] for line in lines] == ["operation", "chart", "chart:", "chart:",
                                                   "unsigned", "accounting"]


@pytest.mark.postgres
def test_every_query_on_a_growing_table_can_use_an_index(pg_store):
    found = bench.plans(pg_store, analyze=False, force_index=True)
    assert set(found) == {"chart", "unsigned", "accounting"}
    for name, items in found.items():
        assert items, name
        for sql, plan in items:
            scanned = set(re.findall(r"Seq Scan on (\w+)", plan))
            assert not scanned & set(GROWING), f"{name}: {sql}\n{plan}"
    markdown = bench.plans_markdown(found)
    assert "Index" in markdown
