"""`notewright draft --jsonl` and `notewright disclosure check --jsonl` fed garbage lines
through a real process: exit 0, one output line per non-blank input line in order, each
either a result or {"id", "error"}, never a traceback. Hypothesis builds the batches (a
few examples, each one subprocess); fixed lines cover what random JSON rarely reaches:
nesting deeper than the JSON parser's recursion limit, lone surrogates, NUL bytes, a
line past MAX_CHARS, numbers too big for a float."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notewright.drafting import MAX_CHARS

SLOW = settings(max_examples=8, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

NASTY = [
    "[" * 100_000 + "]" * 100_000,
    '{"id": 1, "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
    '{"id": 2, "text": "\\ud800 lone surrogate Pt reports low mood"}',
    '{"id": 3, "text": "nul \\u0000 byte. Denies SI."}',
    json.dumps({"id": 4, "text": "x" * (MAX_CHARS + 1)}),
    '{"id": 5, "text": 1e999999}',
    '{"id": 6, "text": 123456789012345678901234567890}',
    '{"id": 7, "text": NaN}',
    '{"id": {"nested": ["id"]}, "text": "Pt reports low mood."}',
    '{"id": 8, "requested": ' + "{" * 3_000 + "}" * 3_000 + "}",
    "\x00\x01\x02",
    '"just a string"',
    "null",
    "{}",
    '{"id": 9, "text": "Pt reports low mood.", "text": null}',
    '{"id": 10, "requester": "client", "basis": "right_of_access", "date": "2026-03-02", '
    '"requested": ["psychotherapy_notes", "progress_notes"]}',
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=10)
raw_lines = st.text(alphabet=st.characters(blacklist_categories=["Cs"],
                                           blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e"
                                                                "\x85\u2028\u2029"),
                    max_size=60)
draft_items = st.fixed_dictionaries({"id": json_values, "text": json_values | st.text()})
request_items = st.dictionaries(
    st.sampled_from(["id", "requester", "basis", "requested", "date", "authorization",
                     "facts", "state", "client_is_minor"]) | st.text(max_size=6),
    json_values, max_size=7)


def _run(args: list[str], path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "notewright", *args, "--jsonl", str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def _check(args: list[str], lines: list[str], tmp: Path) -> None:
    path = tmp / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    expected = [line for line in path.read_text("utf-8", errors="surrogatepass").splitlines()
                if line.strip()]
    r = _run(args, path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == len(expected)
    for record in out:
        assert isinstance(record, dict) and "id" in record
        if "error" in record:
            assert set(record) == {"id", "error"} and record["error"].startswith("line ")


def _line(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False)


@pytest.mark.parametrize("args", [["draft", "--format", "girp"], ["disclosure", "check"]])
def test_nasty_lines(args: list[str], tmp_path: Path) -> None:
    _check(args, NASTY, tmp_path)


@SLOW
@given(lines=st.lists(draft_items.map(_line) | raw_lines | json_values.map(_line), min_size=1,
                max_size=40))
def test_draft_batch_of_garbage(lines: list[str], tmp_path: Path) -> None:
    _check(["draft", "--format", "pie"], lines, tmp_path)


@SLOW
@given(lines=st.lists(request_items.map(_line) | raw_lines | json_values.map(_line), min_size=1,
                max_size=40))
def test_disclosure_batch_of_garbage(lines: list[str], tmp_path: Path) -> None:
    _check(["disclosure", "check"], lines, tmp_path)
