"""Check corpus files against the annotation format (corpus/README.md).

    python scripts/check_corpus.py corpus/dev-f.jsonl [more files]

Reads labels only: it never runs the engine, so a held-out author can use it without
seeing what the engine does. Exit code 1 and one line per defect when anything is off.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SECTIONS = {"soap": {"S", "O", "A", "P", "none"}, "dap": {"D", "A", "P", "none"},
            "birp": {"B", "I", "R", "P", "none"}}
KINDS = {"verbatim", "pn_material", "risk", "intervention", "measure", "homework",
         "response", "assessment", "plan"}
RISK = {"suicidal_ideation": {"endorsed_active", "endorsed_passive", "denied", "not_mentioned"},
        "homicidal_ideation": {"endorsed_active", "endorsed_passive", "denied", "not_mentioned"},
        "self_harm": {"current", "history", "denied", "not_mentioned"}}
INTERVENTIONS = {
    "cognitive restructuring", "behavioral activation", "psychoeducation", "mindfulness",
    "exposure", "motivational interviewing", "safety planning", "validation",
    "emdr processing", "grounding", "role play", "problem solving", "chain analysis",
    "distress tolerance skills", "emotion regulation skills",
    "interpersonal effectiveness skills", "cognitive defusion", "values clarification",
    "reflective listening", "interpretation", "genogram", "relaxation training",
    "sleep hygiene education", "socratic questioning", "thought record", "narrative therapy",
    "play therapy", "family systems", "solution-focused questioning", "medication review"}


def check_line(raw: dict[str, object], seen: set[str]) -> list[str]:
    problems: list[str] = []
    ident = str(raw.get("id", "?"))
    if ident in seen:
        problems.append("duplicate id")
    seen.add(ident)
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        return ["text missing or empty"]
    cursor = 0
    spans = raw.get("spans")
    if not isinstance(spans, list) or not spans:
        return ["spans missing"]
    for i, span in enumerate(spans):
        where = f"span {i} {str(span.get('text', ''))[:30]!r}"
        start = text.find(span.get("text", "\0"), cursor)
        if start < 0:
            problems.append(f"{where}: not an in-order substring of text")
            continue
        if text[cursor:start].strip(" \n\t-–—/•*;,."):
            problems.append(f"{where}: text before it is not covered: "
                            f"{text[cursor:start].strip()[:40]!r}")
        cursor = start + len(span["text"])
        for fmt, allowed in SECTIONS.items():
            labels = span.get(fmt)
            if not isinstance(labels, list) or not labels or not set(labels) <= allowed:
                problems.append(f"{where}: {fmt} must be a non-empty list from "
                                f"{sorted(allowed)}")
        none = [span.get(f) == ["none"] for f in SECTIONS]
        if any(none) and not all(none):
            problems.append(f"{where}: 'none' must be given in every format or in none")
        kinds = span.get("kind", [])
        if not set(kinds) <= KINDS:
            problems.append(f"{where}: unknown kind {sorted(set(kinds) - KINDS)}")
        if "verbatim" in kinds:
            quote = span.get("quote")
            if not isinstance(quote, str) or quote not in span["text"]:
                problems.append(f"{where}: verbatim span needs 'quote', a substring of it")
    if text[cursor:].strip(" \n\t-–—/•*;,."):
        problems.append(f"text after the last span is not covered: "
                        f"{text[cursor:].strip()[:40]!r}")
    risk = raw.get("risk")
    if not isinstance(risk, dict):
        problems.append("risk missing")
    else:
        for key, allowed in RISK.items():
            if risk.get(key) not in allowed:
                problems.append(f"risk.{key} must be one of {sorted(allowed)}")
        if not isinstance(risk.get("abuse_disclosure"), bool):
            problems.append("risk.abuse_disclosure must be true or false")
    unknown = set(raw.get("interventions", [])) - INTERVENTIONS  # type: ignore[arg-type]
    if unknown:
        problems.append(f"interventions not in the canonical list: {sorted(unknown)}")
    for m in raw.get("measures", []):  # type: ignore[attr-defined]
        if not isinstance(m, dict) or "name" not in m or "score" not in m:
            problems.append(f"measure needs name and score: {m!r}")
    return problems


def main(paths: list[str]) -> int:
    bad = 0
    seen: set[str] = set()
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{n}: not JSON: {exc}")
                bad += 1
                continue
            for problem in check_line(raw, seen):
                print(f"{path}:{n} ({raw.get('id')}): {problem}")
                bad += 1
    print(f"{bad} problem(s)" if bad else "ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
