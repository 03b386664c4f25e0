"""`notewright disclosure check` through a real subprocess: file, stdin, --json, --jsonl,
and bad input (stderr, exit 2, the field named, never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

PN_EXCLUDED = {"category": "psychotherapy_notes", "reason_code": "excluded_from_right_of_access"}


def casey_request(**changes: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "requester": "client", "basis": "right_of_access", "authorization": None,
        "requested": ["progress_notes", "psychotherapy_notes"], "date": "2026-03-02",
        "has_satisfactory_assurance": False, "state": None, "client_is_minor": False,
        "facts": {},
    }
    request.update(changes)
    return request


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "notewright", "disclosure", "check", *args],
                          input=stdin, capture_output=True, text=True, timeout=60)


def test_file_with_json_prints_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "casey.json"
    path.write_text(json.dumps(casey_request()))
    out = run(str(path), "--json")
    assert out.returncode == 0, out.stderr
    decision = json.loads(out.stdout)
    assert list(decision) == ["release", "refuse", "accounting_required", "deadline_days",
                              "explanation", "warnings"]
    assert decision["release"] == ["progress_notes"]
    assert {k: decision["refuse"][0][k] for k in ("category", "reason_code")} == PN_EXCLUDED
    assert decision["deadline_days"] == 30 and decision["accounting_required"] is False


def test_stdin_human_table() -> None:
    out = run("-", stdin=json.dumps(casey_request()))
    assert out.returncode == 0, out.stderr
    assert "progress_notes" in out.stdout and "release" in out.stdout
    assert "excluded_from_right_of_access" in out.stdout and "45 CFR 164.524" in out.stdout
    assert "deadline:   30 calendar days" in out.stdout
    assert "accounting: not required" in out.stdout


def test_default_source_is_stdin() -> None:
    out = run("--json", stdin=json.dumps(casey_request()))
    assert out.returncode == 0 and json.loads(out.stdout)["release"] == ["progress_notes"]


def test_jsonl_batch_keeps_order_and_survives_a_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", **casey_request()}),
        "{not json",
        json.dumps({"id": "c", **casey_request(requester="cleint")}),
        json.dumps({"id": "d", **casey_request(requested=["billing"])}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    out = run("--jsonl", str(path))
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", None, "c", "d"]
    assert records[0]["release"] == ["progress_notes"]
    assert "error" in records[1] and "line 2" in records[1]["error"]
    assert "requester" in records[2]["error"] and "client" in records[2]["error"]
    assert records[3]["release"] == ["billing"]


def test_bad_field_exits_2_and_names_it() -> None:
    out = run("--json", stdin=json.dumps(casey_request(basis="curiosity")))
    assert out.returncode == 2
    assert out.stdout == ""
    assert "basis" in out.stderr and "right_of_access" in out.stderr
    assert "Traceback" not in out.stderr


def test_malformed_date_exits_2() -> None:
    out = run(stdin=json.dumps(casey_request(date="2 March 2026")))
    assert out.returncode == 2 and "date" in out.stderr and "Traceback" not in out.stderr


def test_invalid_json_exits_2() -> None:
    out = run(stdin="{")
    assert out.returncode == 2 and "not valid JSON" in out.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    out = run(str(tmp_path / "absent.json"))
    assert out.returncode == 2 and "no such file" in out.stderr
