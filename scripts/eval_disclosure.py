"""Score the disclosure engine against expected decisions.

    python scripts/eval_disclosure.py                 # the blind held-out set, if present
    python scripts/eval_disclosure.py --dev           # our own table-driven cases (a dev figure)
    python scripts/eval_disclosure.py --file X.jsonl  # any file of {"id","request","expect"} lines
    python scripts/eval_disclosure.py --verbose       # also list every miss

The held-out set (corpus/disclosure-heldout.jsonl) is written by another engineer from the
same digest and is never read while building the engine: only this script reads it, so its
figures estimate quality on unseen scenarios. Figures:
  category decisions  each requested category on the right side (release/refuse); and the
                      share of scenarios with every category right
  reason codes        each expected refusal with the expected reason code
  accounting          accounting_required right, per scenario
  deadline            deadline_days right, per scenario
A request the engine rejects as invalid counts as wrong on every figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "corpus" / "disclosure-heldout.jsonl"
DEV_CASES = ROOT / "tests" / "data" / "disclosure" / "cases"


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            item.setdefault("id", f"line {n}")
            items.append(item)
    return items


def _load_dev() -> list[dict[str, Any]]:
    return [dict(json.loads(p.read_text("utf-8")), id=p.stem)
            for p in sorted(DEV_CASES.glob("*.json"))]


def _refuse_map(refuse: Any) -> dict[str, str]:
    if isinstance(refuse, dict):
        return dict(refuse)
    return {r["category"]: r["reason_code"] for r in refuse}


def score(items: list[dict[str, Any]], verbose: bool = False) -> dict[str, tuple[int, int]]:
    from notewright.disclosure import decide
    from notewright.errors import NotewrightError

    t = {k: [0, 0] for k in ("categories", "scenarios", "codes", "accounting", "deadline")}
    for item in items:
        expect = item["expect"]
        want_refuse = _refuse_map(expect.get("refuse", {}))
        want_release = set(expect.get("release", []))
        requested = list(dict.fromkeys(item["request"].get("requested", [])))
        try:
            got = decide(item["request"]).to_dict()
        except NotewrightError as exc:
            got = None
            if verbose:
                print(f"  ERROR {item['id']}: {exc.message}")
        got_release = set(got["release"]) if got else set()
        got_refuse = _refuse_map(got["refuse"]) if got else {}
        all_right = got is not None
        misses = []
        for category in requested:
            should_release = category in want_release
            right = got is not None and (category in got_release) == should_release \
                and (should_release or category in got_refuse)
            t["categories"][0] += right
            t["categories"][1] += 1
            all_right &= right
            if not right:
                misses.append(f"{category}: want {'release' if should_release else 'refuse'}")
        for category, code in want_refuse.items():
            ok = got_refuse.get(category) == code
            t["codes"][0] += ok
            t["codes"][1] += 1
            if not ok and got is not None:
                misses.append(f"{category}: want {code}, got {got_refuse.get(category)}")
        t["scenarios"][0] += all_right
        t["scenarios"][1] += 1
        for key, field in (("accounting", "accounting_required"), ("deadline", "deadline_days")):
            ok = got is not None and got[field] == expect.get(field)
            t[key][0] += ok
            t[key][1] += 1
            if not ok and got is not None:
                misses.append(f"{field}: want {expect.get(field)}, got {got[field]}")
        if verbose and misses:
            print(f"  MISS {item['id']}: " + "; ".join(misses))
    return {k: (v[0], v[1]) for k, v in t.items()}


def report(title: str, totals: dict[str, tuple[int, int]]) -> None:
    print(title)
    labels = {
        "categories": "category decisions right (per category)",
        "scenarios": "scenarios with every category right",
        "codes": "reason codes right (per expected refusal)",
        "accounting": "accounting right",
        "deadline": "deadline right",
    }
    for key, label in labels.items():
        right, total = totals[key]
        pct = 100.0 * right / total if total else 0.0
        print(f"  {label:<44} {pct:6.1f}%  ({right}/{total})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="score tests/data/disclosure/cases")
    parser.add_argument("--file", type=Path, help="score this JSONL file instead")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.dev:
        items = _load_dev()
        report(f"disclosure, dev cases ({len(items)} in {DEV_CASES.relative_to(ROOT)}):",
               score(items, args.verbose))
        return 0
    path = args.file or HELDOUT
    if not path.exists():
        print(f"disclosure eval: held-out set {path} is absent; nothing to score.\n"
              f"  (run with --dev for the figure on our own cases)")
        return 0
    items = _load_jsonl(path)
    report(f"disclosure, {path.name} ({len(items)} scenarios):", score(items, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
