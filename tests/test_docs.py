"""Docs that tests keep honest: the CLI reference is generated from the CLI itself, and
every command, note format and data file a clinician may edit is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from notewright.cli import build_parser
from notewright.drafting import builtin_format_names

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_command_is_in_the_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text("utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[attr-defined]
        assert f"`notewright {name}`" in reference, name


def test_every_shipped_note_format_is_in_the_formats_doc() -> None:
    formats_doc = (ROOT / "docs" / "formats.md").read_text("utf-8")
    for name in builtin_format_names():
        assert name.upper() in formats_doc, name


def test_every_data_file_is_described_in_the_data_readme() -> None:
    data = ROOT / "src" / "notewright" / "data"
    readme = (data / "README.md").read_text("utf-8")
    for path in sorted(data.rglob("*")):
        if path.is_file() and path.name != "README.md" and path.parent.name != "formats":
            rel = path.relative_to(data).as_posix()
            assert rel in readme or f"{path.parent.name}/" in readme, rel
