"""docs/ describes the disclosure engine: every reason code, the `disclosure check` command,
and docs/reason-codes.md is exactly what reason_codes.toml renders to.

Regenerate docs/reason-codes.md after editing reason_codes.toml:
    .venv/bin/python tests/disclosure/test_disclosure_docs.py
"""

from __future__ import annotations

from pathlib import Path

from notewright.disclosure import reason_codes
from notewright.disclosure.vocabulary import REASON_CODES

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


def render_reason_codes() -> str:
    codes = reason_codes.load()
    lines = [
        "# Reason codes",
        "",
        "<!-- Generated from src/notewright/data/disclosure/reason_codes.toml by",
        "     tests/disclosure/test_disclosure_docs.py; edit the TOML, then regenerate. -->",
        "",
        f"Rule version: `{codes.rule_version}`. Every refusal in a disclosure decision carries "
        "one of these codes, with its citation. The order below is the contract's; the "
        "precedence between codes is the decision procedure's (see [disclosure.md]"
        "(disclosure.md)).",
        "",
    ]
    for code in REASON_CODES:
        entry = codes[code]
        lines += [f"## `{code}`", "", f"**Citation:** {entry.cite}", "",
                  entry.explanation, "", f"**What to do:** {entry.remedy}", ""]
    return "\n".join(lines)


def test_reason_codes_doc_is_generated_from_the_data() -> None:
    assert (DOCS / "reason-codes.md").read_text("utf-8") == render_reason_codes()


def test_every_reason_code_and_the_command_appear_in_docs() -> None:
    guide = (DOCS / "disclosure.md").read_text("utf-8")
    reference = (DOCS / "reason-codes.md").read_text("utf-8")
    for code in REASON_CODES:
        assert f"`{code}`" in guide, code
        assert f"`{code}`" in reference, code
    assert "notewright disclosure check" in guide
    assert "--jsonl" in guide and "--json" in guide


if __name__ == "__main__":
    (DOCS / "reason-codes.md").write_text(render_reason_codes(), "utf-8")
