"""Scale figures on the synthetic group practice (prints a table; never fails on a number).

    # once: generate the practice (see scripts/make_scale_practice.py)
    NOTEWRIGHT_DATA_DIR=/tmp/nw-scale \\
    NOTEWRIGHT_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/nw_scale_record \\
    NOTEWRIGHT_VAULT_URL=postgresql+psycopg://postgres@127.0.0.1:5432/nw_scale_vault \\
    .venv/bin/python bench/scale.py [--samples 200] [--plans plans.md]

Measures, through practice/ exactly as the web app calls it (access check, queries,
decryption, the audit event and its commit), p50/p95/max of:
    chart        practice.open_chart(clinician, one of their clients)       target p95 <= 50 ms
    unsigned     practice.list_unsigned(clinician)                          target p95 <= 50 ms
    accounting   accounting_report(clinician, client with entries) target p95 <= 200 ms
and splits the chart into its SQL and its decrypt-and-verify part. `--plans FILE` writes
EXPLAIN (ANALYZE, BUFFERS) of every SELECT each operation issued (captured from the
engine, so they are the real statements with real parameters) as Markdown.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text

from notewright import practice, settings
from notewright.practice.accounting import accounting_report
from notewright.practice.store import Store
from notewright.records.model import User
from notewright.storage import notes, records

TARGETS_MS = {"chart": 50.0, "unsigned": 50.0, "accounting": 200.0}


@dataclass(frozen=True)
class Sample:
    clinician: User
    client_id: str


def _users(store: Store) -> dict[str, User]:
    with store.record.connect() as conn:
        out = {u.id: u for u in records.list_users(conn)}
        conn.rollback()
    return out


def pick(store: Store, n: int, *, seed: int = 1) -> tuple[list[Sample], list[Sample]]:
    """(chart samples, accounting samples): clients with a clinician on their care team;
    the accounting samples are clients that have entries."""
    users = _users(store)
    rng = random.Random(seed)
    with store.record.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM care_team")).scalar_one()
        offsets = sorted(rng.randrange(total) for _ in range(n))
        charts = [conn.execute(text("SELECT client_id, user_id FROM care_team ORDER BY "
                                    "client_id, user_id OFFSET :o LIMIT 1"), {"o": o}).one()
                  for o in offsets]
        with_entries = conn.execute(text(
            "SELECT DISTINCT a.client_id, c.user_id FROM accounting_entries a JOIN care_team c "
            "ON c.client_id = a.client_id ORDER BY 1, 2")).all()
        conn.rollback()
    acc = rng.sample(with_entries, min(n, len(with_entries))) if with_entries else []
    return ([Sample(users[u], c) for c, u in charts], [Sample(users[u], c) for c, u in acc])


def _time(fn: Callable[[], Any], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _row(name: str, ms: list[float], target: float | None, extra: str = "") -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
    verdict = "" if target is None else ("ok" if p95 <= target else "OVER")
    return (f"{name:<26}{len(ms):>6}{statistics.median(ms):>9.1f}{p95:>9.1f}{ms[-1]:>9.1f}"
            f"{'' if target is None else f'{target:>9.0f}':>9}  {verdict:<5}{extra}")


def measure(store: Store, samples: int) -> list[str]:
    charts, accounts = pick(store, samples)
    lines = [f"{'operation':<26}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'target':>9}"]
    for s in charts[:5]:  # warm the caches and the connection pool
        practice.open_chart(store, s.clinician, s.client_id)
    sizes: list[int] = []
    chart_ms: list[float] = []
    for s in charts:
        t0 = time.perf_counter()
        chart = practice.open_chart(store, s.clinician, s.client_id)
        chart_ms.append((time.perf_counter() - t0) * 1000)
        sizes.append(len(chart.notes))
    lines.append(_row("chart (open_chart)", chart_ms, TARGETS_MS["chart"],
                      f"  notes/chart median {statistics.median(sizes):.0f}"))
    sql_ms: list[float] = []
    dec_ms: list[float] = []
    for s in charts:
        with store.record.connect() as conn:
            t0 = time.perf_counter()
            rows = list(conn.execute(notes.select(notes.t.progress_notes).where(
                notes.t.progress_notes.c.client_id == s.client_id).order_by(
                notes.t.progress_notes.c.created_at, notes.t.progress_notes.c.id)).mappings())
            t1 = time.perf_counter()
            for r in rows:
                notes._note(r, store.cipher)
            t2 = time.perf_counter()
            conn.rollback()
        sql_ms.append((t1 - t0) * 1000)
        dec_ms.append((t2 - t1) * 1000)
    lines.append(_row("  chart: note rows (SQL)", sql_ms, None))
    lines.append(_row("  chart: decrypt + verify", dec_ms, None))
    clinicians = list({s.clinician.id: s.clinician for s in charts}.values())
    drafts: list[int] = []
    unsigned_ms: list[float] = []
    for i in range(len(charts)):
        who = clinicians[i % len(clinicians)]
        t0 = time.perf_counter()
        drafts.append(len(practice.list_unsigned(store, who)))
        unsigned_ms.append((time.perf_counter() - t0) * 1000)
    lines.append(_row("unsigned (list_unsigned)", unsigned_ms, TARGETS_MS["unsigned"],
                      f"  drafts/clinician median {statistics.median(drafts):.0f}"))
    if accounts:
        entries: list[int] = []
        acc_ms: list[float] = []
        for i in range(len(charts)):
            s = accounts[i % len(accounts)]
            t0 = time.perf_counter()
            entries.append(len(accounting_report(store, s.clinician,
                                                          s.client_id).entries))
            acc_ms.append((time.perf_counter() - t0) * 1000)
        lines.append(_row("accounting (report)", acc_ms, TARGETS_MS["accounting"],
                          f"  entries/report median {statistics.median(entries):.0f}"))
    return lines


def captured_selects(store: Store, fn: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The SELECT statements (with parameters) that `fn` sent to the record database."""
    seen: list[tuple[str, Any]] = []

    def listen(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.record, "before_cursor_execute", listen)
    try:
        fn()
    finally:
        event.remove(store.record, "before_cursor_execute", listen)
    return seen


def explain(store: Store, statement: str, parameters: Any, *, analyze: bool = True,
            force_index: bool = False) -> str:
    """The plan of one statement. `force_index` (SET enable_seqscan = off) shows whether
    an index CAN serve the query; on a small table the planner rightly prefers a scan."""
    opts = "ANALYZE, BUFFERS" if analyze else "COSTS"
    with store.record.connect() as conn:
        if force_index:
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = conn.exec_driver_sql(f"EXPLAIN ({opts}) {statement}", parameters).scalars()
        out = "\n".join(plan)
        conn.rollback()
    return out


def operations(store: Store) -> dict[str, Callable[[], Any]]:
    charts, accounts = pick(store, 1, seed=99)
    s = charts[0]
    ops: dict[str, Callable[[], Any]] = {
        "chart": lambda: practice.open_chart(store, s.clinician, s.client_id),
        "unsigned": lambda: practice.list_unsigned(store, s.clinician),
    }
    if accounts:
        a = accounts[0]
        ops["accounting"] = lambda: accounting_report(store, a.clinician, a.client_id)
    return ops


def plans(store: Store, *, analyze: bool = True, force_index: bool = False
          ) -> dict[str, list[tuple[str, str]]]:
    """{operation: [(SQL, plan)]} for every SELECT each operation issues."""
    out = {}
    for name, fn in operations(store).items():
        out[name] = [(sql, explain(store, sql, params, analyze=analyze,
                                   force_index=force_index))
                     for sql, params in captured_selects(store, fn)]
    return out


def plans_markdown(found: dict[str, list[tuple[str, str]]]) -> str:
    parts = []
    for name, items in found.items():
        parts.append(f"#### {name}\n")
        for sql, plan in items:
            one_line = " ".join(sql.split())
            parts.append(f"```sql\n{one_line}\n```\n```\n{plan}\n```\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="scale figures (see the module docstring)")
    p.add_argument("--samples", type=int, default=200)
    p.add_argument("--plans", metavar="FILE", help="write EXPLAIN (ANALYZE) plans as Markdown")
    args = p.parse_args(argv)
    s = settings.load()
    store = practice.open_store(s)
    try:
        with store.record.connect() as conn:
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                      for t in ("users", "clients", "sessions", "progress_notes",
                                "accounting_entries")}
            conn.rollback()
        print("practice: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        for line in measure(store, args.samples):
            print(line)
        if args.plans:
            with open(args.plans, "w", encoding="utf-8") as fh:
                fh.write(plans_markdown(plans(store)))
            print(f"plans: {args.plans}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
