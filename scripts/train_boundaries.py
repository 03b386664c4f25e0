"""Train the run-on boundary model (where an unpunctuated run-on starts a new unit).

    make train       # or: .venv/bin/python scripts/train_boundaries.py
    .venv/bin/python scripts/train_boundaries.py --report dev-dz.jsonl   # trains without
        # those files and prints boundary precision/recall on them at several thresholds

Reads corpus/dev-*.jsonl (never the held-out files). Every gap between two words of a line
is an example; it is a boundary when a gold unit starts at the word after it. The features
are the words on either side with their punctuation stripped (`boundaries.gap_features`),
so punctuated notes teach what dictated ones need. Writes logistic-regression weights as
JSON into the package (data/models/boundaries.json). Deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, Description, dev_files, load  # noqa: E402

from notewright.drafting.boundaries import gap_features, read_words  # noqa: E402

OUT = ROOT / "src" / "notewright" / "data" / "models" / "boundaries.json"
MIN_COUNT = 3
C = 0.5
_LINE = re.compile(r"[^\n]+")


def examples(descriptions: list[Description]) -> list[tuple[str, list[str], int]]:
    rows = []
    for d in descriptions:
        starts = {s.start for s in d.spans}
        for line in _LINE.finditer(d.text):
            tokens, words = read_words(d.text, line.start(), line.end())
            for i in range(1, len(tokens)):
                gap = range(tokens[i - 1].end(), tokens[i].end())
                label = int(any(s in gap for s in starts))
                rows.append((d.id, gap_features(words, i), label))
    return rows


def fit(rows):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for _, feats, _ in rows for f in feats)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1.0 for f in feats if f in keep} for _, feats, _ in rows])
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(X, [label for _, _, label in rows])
    return vec, model


def export(vec, model) -> dict:  # type: ignore[no-untyped-def]
    # Weights under 0.1 are dropped: the same cuts on rounds DZ and EE, a third of the file.
    coef = model.coef_[0]
    weights = {name: round(float(coef[col]), 3) for name, col in vec.vocabulary_.items()
               if abs(coef[col]) >= 0.1}
    return {"bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items())),
            "trained_on": dev_files(), "C": C, "min_count": MIN_COUNT}


def report(names: list[str]) -> None:
    held = set(names)
    train = load(*[f for f in dev_files() if f not in held])
    test = examples(load(*names))
    vec, model = fit(examples(train))
    probs = model.predict_proba(vec.transform([{f: 1.0 for f in feats} for _, feats, _ in test]))
    gold = [label for _, _, label in test]
    print(f"trained on {len(train)} descriptions; {len(test)} gaps in {', '.join(names)}, "
          f"{sum(gold)} boundaries")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        said = [p[1] >= threshold for p in probs]
        tp = sum(s and g for s, g in zip(said, gold, strict=True))
        precision = tp / max(1, sum(said))
        recall = tp / max(1, sum(gold))
        print(f"  threshold {threshold}: precision {precision:.3f}  recall {recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", nargs="+", metavar="FILE",
                        help="train without these dev files and measure on them")
    parser.add_argument("--without", nargs="+", metavar="FILE", default=[],
                        help="leave these dev files out (to measure a round at first sight)")
    args = parser.parse_args()
    if args.report:
        report(args.report)
        return
    descriptions = load(*[f for f in dev_files() if f not in set(args.without)])
    rows = examples(descriptions)
    print(f"{len(descriptions)} descriptions, {len(rows)} gaps, "
          f"{sum(r[2] for r in rows)} boundaries")
    vec, model = fit(rows)
    OUT.write_text(json.dumps(export(vec, model), separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
