"""`notewright draft` as a user runs it: a real process, files and stdin, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FORMATS = {"soap": ["S", "O", "A", "P"], "dap": ["D", "A", "P"], "birp": ["B", "I", "R", "P"],
           "girp": ["G", "I", "R", "P"], "pie": ["P", "I", "E"]}
TEXT = ("Met with Rowan (telehealth), session 6. Rowan reports mood \"a bit steadier\" this "
        "week. PHQ-9 = 12. Denies SI/HI. I used cog restructuring; she generated two "
        "alternatives. I felt impatient - need to watch that. HW thought record. F/u 1 wk.")
CONTRACT_KEYS = ["format", "sections", "text", "withheld", "risk", "interventions", "measures",
                 "warnings"]


def notewright(*args: str, stdin: bytes | None = None, cwd: Path | None = None
               ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "notewright", *args], input=stdin,
                          capture_output=True, timeout=60, cwd=cwd, check=False)


def check_contract(out: dict[str, Any], text: str, fmt: str) -> None:
    assert list(out) == CONTRACT_KEYS
    assert out["format"] == fmt
    assert [s["key"] for s in out["sections"]] == FORMATS[fmt]
    for section in out["sections"]:
        for st in section["statements"]:
            for start, end in st["sources"]:
                assert 0 <= start < end <= len(text) and text[start:end].strip()
    assert set(out["risk"]) == {"suicidal_ideation", "homicidal_ideation", "self_harm",
                                "abuse_disclosure"}


@pytest.fixture
def description(tmp_path: Path) -> Path:
    path = tmp_path / "session.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_file_input_prints_a_titled_note(description: Path) -> None:
    r = notewright("draft", str(description))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    for title in ("SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"):
        assert title in out
    assert "Rowan" not in out.split("WITHHELD FROM THE NOTE")[0]
    assert "WITHHELD FROM THE NOTE" in out
    assert "psychotherapy notes" in out
    assert r.stderr == b""


def test_stdin_input_matches_file_input(description: Path) -> None:
    from_file = notewright("draft", "--json", str(description))
    from_stdin = notewright("draft", "--json", "-", stdin=TEXT.encode("utf-8"))
    implicit = notewright("draft", "--json", stdin=TEXT.encode("utf-8"))
    assert from_file.returncode == from_stdin.returncode == implicit.returncode == 0
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)
    assert json.loads(implicit.stdout) == json.loads(from_stdin.stdout)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_json_for_every_format(description: Path, fmt: str) -> None:
    r = notewright("draft", "--format", fmt, "--json", str(description))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    check_contract(out, TEXT, fmt)
    assert out["risk"]["suicidal_ideation"] == "denied"
    assert "cognitive restructuring" in out["interventions"]
    assert {w["reason"] for w in out["withheld"]} == {"verbatim", "psychotherapy_note"}


def test_jsonl_batch_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Pt reports low mood. Denies SI/HI. Used BA."}),
        "this is not json {",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": 4, "text": "Endorses passive SI, no plan. Safety plan reviewed."}),
        json.dumps([1, 2]),
        json.dumps({"id": "e", "text": 42}),
        "",
        json.dumps({"id": "f", "text": "Pt said “nothing will ever change”. F/u 1 wk."},
                   ensure_ascii=False),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = notewright("draft", "--format", "birp", "--jsonl", str(batch))
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines()]
    assert len(out) == 8, "one output line per non-blank input line"
    assert [o.get("id") for o in out] == ["a", None, "b", "c", 4, None, "e", "f"]
    good = [o for o in out if "error" not in o]
    assert [o["id"] for o in good] == ["a", 4, "f"]
    for o in good:
        assert list(o) == [*CONTRACT_KEYS, "id"]
        assert o["format"] == "birp"
    assert out[0]["risk"]["suicidal_ideation"] == "denied"
    assert out[4]["risk"]["suicidal_ideation"] == "endorsed_passive"
    assert "nothing will ever change" not in out[7]["text"]
    errors = {i: o for i, o in enumerate(out) if "error" in o}
    assert set(errors) == {1, 2, 3, 5, 6}
    for o in errors.values():
        assert set(o) == {"id", "error"} and o["error"]
    assert "not valid JSON" in errors[1]["error"]
    assert "text" in errors[2]["error"]
    assert "empty" in errors[3]["error"]
    assert "Traceback" not in r.stderr.decode()


def test_jsonl_output_matches_single_drafts(tmp_path: Path, description: Path) -> None:
    batch = tmp_path / "one.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": TEXT}) + "\n", encoding="utf-8")
    r = notewright("draft", "--format", "dap", "--jsonl", str(batch))
    [line] = r.stdout.decode().splitlines()
    record = json.loads(line)
    assert record.pop("id") == 1
    single = notewright("draft", "--format", "dap", "--json", str(description))
    assert record == json.loads(single.stdout)


@pytest.mark.parametrize("args", [["--format", "xyz"], ["-f", "SOAPY"]])
def test_unknown_format_exits_2_with_the_allowed_formats(description: Path,
                                                         args: list[str]) -> None:
    r = notewright("draft", *args, str(description))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "unknown note format" in err
    for name in FORMATS:
        assert name in err
    assert "Traceback" not in err
    assert r.stdout == b""


def test_unknown_format_fails_before_reading_input() -> None:
    r = notewright("draft", "--format", "xyz", "--jsonl", "/nonexistent/batch.jsonl")
    assert r.returncode == 2
    assert "unknown note format" in r.stderr.decode()


@pytest.mark.parametrize("via", ["file", "stdin", "jsonl"])
def test_non_utf8_input_exits_2_with_a_clear_message(tmp_path: Path, via: str) -> None:
    data = "Pt reports low mood, café.".encode("latin-1") + b" \xff\xfe"
    path = tmp_path / "latin1.txt"
    path.write_bytes(data)
    if via == "file":
        r = notewright("draft", str(path))
    elif via == "stdin":
        r = notewright("draft", "-", stdin=data)
    else:
        r = notewright("draft", "--jsonl", str(path))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "not UTF-8" in err and "UTF-8" in err
    assert "Traceback" not in err
    assert err.count("\n") == 1, "one line on stderr"
    assert r.stdout == b""


@pytest.mark.parametrize(
    ("stdin", "expect"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"x" * 100_000, "limit")],
    ids=["empty", "whitespace", "100kb"],
)
def test_bad_descriptions_exit_2_without_traceback(stdin: bytes, expect: str) -> None:
    r = notewright("draft", stdin=stdin)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert expect in err and err.startswith("notewright:")
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path) -> None:
    r = notewright("draft", str(tmp_path / "nope.txt"))
    assert r.returncode == 2
    assert "no such file" in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()


def test_unicode_round_trips_through_the_cli() -> None:
    text = "Pt reports low mood 😞 and café anxiety. Denies SI/HI. Used grounding."
    r = notewright("draft", "--json", stdin=text.encode("utf-8"))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "😞" in out["text"]
    check_contract(out, text, "soap")
