"""Train the section model (the kind of content each unit carries) from the dev corpus.

    make train        # or: .venv/bin/python scripts/train_sections.py [--cv]

Reads corpus/dev-*.jsonl (never the held-out file), lines the engine's own units up with
the gold spans, fits multinomial logistic regression on `notewright.drafting.features`,
and writes the weights as JSON into the package (data/models/sections.json). Deterministic:
the same corpus gives the same file. --cv prints 5-fold cross-validated unit accuracy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, dev_files, gold_kind, iter_units, load  # noqa: E402

from notewright.drafting.assemble import masked_unit  # noqa: E402
from notewright.drafting.classify import LABELS  # noqa: E402
from notewright.drafting.features import features  # noqa: E402
from notewright.drafting.quotes import find_quotes  # noqa: E402

OUT = ROOT / "src" / "notewright" / "data" / "models" / "sections.json"
MIN_COUNT = 2
C = 1.0


def examples(descriptions):  # type: ignore[no-untyped-def]
    rows = []
    for d in descriptions:
        units = list(iter_units(d))
        quotes = find_quotes(d.text)
        previous = ""
        for i, (seg, gold) in enumerate(units):
            in_unit = [q for q in quotes if seg.start <= q.start < seg.end]
            text = masked_unit(d.text, seg, in_unit)
            if gold is not None:
                pos = i / max(1, len(units) - 1)
                rows.append((d.id, features(text, seg.heading, pos, previous), gold_kind(gold)))
            previous = text
    return rows


def fit(rows):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for _, feats, _ in rows for f in set(feats))
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    X_dicts = [{f: 1.0 for f in feats if f in keep} for _, feats, _ in rows]
    y = [label for _, _, label in rows]
    vec = DictVectorizer()
    X = vec.fit_transform(X_dicts)
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(X, y)
    return vec, model


def export(vec, model) -> dict:  # type: ignore[no-untyped-def]
    classes = list(model.classes_)
    labels = list(LABELS)
    index = [classes.index(label) if label in classes else None for label in labels]
    coef = model.coef_
    weights = {}
    for name, col in vec.vocabulary_.items():
        row = [round(float(coef[i, col]), 4) if i is not None else 0.0 for i in index]
        if any(abs(v) >= 0.001 for v in row):
            weights[name] = row
    bias = [round(float(model.intercept_[i]), 4) if i is not None else -20.0 for i in index]
    return {"labels": labels, "bias": bias, "weights": dict(sorted(weights.items())),
            "trained_on": dev_files(), "C": C, "min_count": MIN_COUNT}


def cross_validate(rows) -> float:  # type: ignore[no-untyped-def]
    ids = sorted({i for i, _, _ in rows})
    folds = [set(ids[k::5]) for k in range(5)]
    right = total = 0
    for fold in folds:
        train = [r for r in rows if r[0] not in fold]
        test = [r for r in rows if r[0] in fold]
        vec, model = fit(train)
        pred = model.predict(vec.transform([{f: 1.0 for f in feats} for _, feats, _ in test]))
        right += sum(p == r[2] for p, r in zip(pred, test, strict=True))
        total += len(test)
    return right / total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cv", action="store_true", help="print 5-fold CV unit accuracy")
    args = parser.parse_args()
    descriptions = load(*dev_files())
    rows = examples(descriptions)
    print(f"{len(descriptions)} descriptions, {len(rows)} units; kinds: "
          + ", ".join(f"{k} {n}" for k, n in Counter(r[2] for r in rows).most_common()))
    if args.cv:
        print(f"5-fold cross-validated unit accuracy: {cross_validate(rows):.3f}")
    vec, model = fit(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(export(vec, model), separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
