"""Measure the drafting engine against the annotated corpus and print the figures.

    make eval                       # dev set and held-out set
    .venv/bin/python scripts/eval_drafting.py --split dev|heldout [--errors]

Per format (SOAP, DAP, BIRP): section accuracy of gold spans by provenance (the section
holding most of the span's characters must be one the annotation accepts), and across
formats: verbatim leaks (a quoted stretch of three or more words in the rendered note),
psychotherapy-note leaks (a withheld-labelled span whose words reach a statement), risk
field accuracy, recall of endorsed ideation, intervention precision and recall, and notes
with therapist first person.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, FORMATS, Description, dev_files, load, overlap  # noqa: E402

import notewright  # noqa: E402

# A Roman numeral after "bipolar", "stage", "part", "axis"… ("Bipolar I", "Stage I breast
# cancer", "Axis I: MDD") is not the therapist speaking; the engine keeps those as written.
FIRST_PERSON = re.compile(r"(?<![\w'])(?:I|me|my|mine|myself|we|our|ours|us|ourselves)(?![\w'])")
_NUMERAL_BEFORE = re.compile(r"\b(?:bipolar|type|phase|grade|stage|class|level|axis|part)\s+$",
                             re.IGNORECASE)


def has_first_person(text: str) -> bool:
    return any(not (m.group() == "I" and _NUMERAL_BEFORE.search(text, 0, m.start()))
               for m in FIRST_PERSON.finditer(text))


RISK_FIELDS = ("suicidal_ideation", "homicidal_ideation", "self_harm", "abuse_disclosure")


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


def evaluate(descriptions: list[Description], show_errors: bool = False) -> dict[str, float]:
    right = Counter[str]()
    total = Counter[str]()
    pn_total = pn_leaked = 0
    false_withheld = 0
    quote_total = quote_leaks = 0
    risk_right = risk_total = 0
    endorsed_total = endorsed_found = 0
    tp = fp = fn = 0
    first_person_notes = 0
    notes = 0
    for d in descriptions:
        for fmt in FORMATS:
            result = notewright.draft(d.text, fmt)
            notes += 1
            statements = []
            for section in result.sections:
                for st in section.statements:
                    if st.text.startswith(("Risk assessment:", "Not assessed in")):
                        continue
                    statements.append((section.key, st))
            if any(has_first_person(st.text) for section in result.sections
                   for st in section.statements):
                first_person_notes += 1
            note_text = _norm(result.text)
            for span in d.spans:
                if span.withheld:
                    if fmt == "soap":
                        pn_total += 1
                        reached = sum(overlap((span.start, span.end), src)
                                      for _, st in statements for src in st.sources)
                        if reached > 0.5 * (span.end - span.start):
                            pn_leaked += 1
                            if show_errors:
                                print(f"  PN LEAK {d.id}: {d.text[span.start:span.end]!r}")
                    continue
                by_section = Counter[str]()
                for key, st in statements:
                    for src in st.sources:
                        by_section[key] += overlap((span.start, span.end), src)
                total[fmt] += 1
                predicted = by_section.most_common(1)[0][0] if by_section and \
                    by_section.most_common(1)[0][1] > 0 else None
                if predicted in span.labels[fmt]:
                    right[fmt] += 1
                elif show_errors:
                    print(f"  {fmt} {d.id}: got {predicted} want {span.labels[fmt]} "
                          f"kind={span.kind}: {d.text[span.start:span.end]!r}")
                if fmt == "soap" and predicted is None and any(
                        w.reason == "psychotherapy_note" and any(
                            overlap((span.start, span.end), s) for s in w.sources)
                        for w in result.withheld):
                    false_withheld += 1
                    if show_errors:
                        print(f"  WITHHELD {d.id}: {d.text[span.start:span.end]!r}")
            if fmt == "soap":
                for span in d.spans:
                    if span.quote and len(span.quote.split()) >= 3:
                        quote_total += 1
                        if _norm(span.quote) and _norm(span.quote) in note_text:
                            quote_leaks += 1
                            if show_errors:
                                print(f"  QUOTE LEAK {d.id}: {span.quote!r}")
                got = result.risk.to_dict()
                for field in RISK_FIELDS:
                    risk_total += 1
                    if got[field] == d.risk[field]:
                        risk_right += 1
                    elif show_errors:
                        print(f"  RISK {d.id} {field}: got {got[field]} want {d.risk[field]}")
                for field in ("suicidal_ideation", "homicidal_ideation"):
                    if str(d.risk[field]).startswith("endorsed"):
                        endorsed_total += 1
                        endorsed_found += str(got[field]).startswith("endorsed")
                gold = set(d.interventions)
                pred = set(result.interventions)
                tp += len(gold & pred)
                fp += len(pred - gold)
                fn += len(gold - pred)
                if show_errors and gold != pred:
                    print(f"  INTERVENTIONS {d.id}: extra {sorted(pred - gold)} "
                          f"missing {sorted(gold - pred)}")
    figures = {f"section_accuracy_{f}": right[f] / max(1, total[f]) for f in FORMATS}
    figures.update({
        "verbatim_leaks": quote_leaks, "quotes_checked": quote_total,
        "pn_leak_rate": pn_leaked / max(1, pn_total), "pn_spans": pn_total,
        "pn_false_withholds": false_withheld,
        "risk_field_accuracy": risk_right / max(1, risk_total),
        "endorsed_ideation_recall": endorsed_found / max(1, endorsed_total),
        "endorsed_ideation": endorsed_total, "endorsed_found": endorsed_found,
        "intervention_precision": tp / max(1, tp + fp),
        "intervention_recall": tp / max(1, tp + fn),
        "notes_with_first_person": first_person_notes, "notes": notes,
        "descriptions": len(descriptions),
    })
    return figures


def report(name: str, raw: dict[str, float]) -> None:
    # Counts summed over cross-validation folds arrive as floats; print them as counts.
    figures = {k: (int(v) if isinstance(v, float) and v.is_integer() and "accuracy" not in k
                   and not k.endswith(("_rate", "_recall", "_precision")) else v)
               for k, v in raw.items()}
    print(f"\n== {name}: {figures['descriptions']} descriptions, {figures['notes']} notes ==")
    for f in FORMATS:
        print(f"section accuracy {f.upper():5} {figures[f'section_accuracy_{f}']:.3f}")
    print(f"verbatim leaks          {figures['verbatim_leaks']} "
          f"(of {figures['quotes_checked']} quotes of 3+ words)")
    print(f"psychotherapy-note leaks {figures['pn_leak_rate']:.3f} "
          f"(of {figures['pn_spans']} process spans; {figures['pn_false_withholds']} "
          f"clinical spans withheld as process material)")
    print(f"risk field accuracy     {figures['risk_field_accuracy']:.3f}")
    print(f"endorsed ideation recall {figures['endorsed_ideation_recall']:.3f} "
          f"(of {figures['endorsed_ideation']})")
    print(f"intervention precision  {figures['intervention_precision']:.3f}")
    print(f"intervention recall     {figures['intervention_recall']:.3f}")
    print(f"notes with first person {figures['notes_with_first_person']} of {figures['notes']}")


def cross_validated(show_errors: bool) -> dict[str, float]:
    """Dev figures where each description is drafted by a model that never saw it."""
    import train_sections

    from notewright.drafting import classify

    descriptions = load(*dev_files())
    ids = sorted(d.id for d in descriptions)
    folds = [set(ids[k::5]) for k in range(5)]
    totals: dict[str, float] = {}
    weights: dict[str, float] = {}
    for fold in folds:
        rows = train_sections.examples([d for d in descriptions if d.id not in fold])
        exported = train_sections.export(*train_sections.fit(rows))
        model = classify.SectionModel(tuple(exported["labels"]), tuple(exported["bias"]),
                                      {k: tuple(v) for k, v in exported["weights"].items()})
        classify.load_model = lambda model=model: model  # type: ignore[assignment]
        part = evaluate([d for d in descriptions if d.id in fold], show_errors)
        n = part["descriptions"]
        for key, value in part.items():
            if key.startswith(("section_", "risk_", "pn_leak", "intervention_",
                               "endorsed_ideation_")):
                totals[key] = totals.get(key, 0.0) + value * n
                weights[key] = weights.get(key, 0.0) + n
            else:
                totals[key] = totals.get(key, 0.0) + value
    out = {k: (totals[k] / weights[k] if k in weights else totals[k]) for k in totals}
    out["endorsed_ideation_recall"] = totals["endorsed_found"] / max(1, totals["endorsed_ideation"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="print every miss (dev only)")
    parser.add_argument("--files", nargs="+", metavar="FILE",
                        help="only these corpus files (dev files only: errors are printed)")
    parser.add_argument("--cv", action="store_true",
                        help="dev figures with 5-fold cross-validated section models")
    args = parser.parse_args()
    if args.files:
        if any(Path(f).name.startswith("heldout") for f in args.files):
            parser.error("held-out files are read only through --split heldout")
        report(", ".join(args.files), evaluate(load(*args.files), args.errors))
        return
    if args.cv:
        report("dev, 5-fold cross-validated", cross_validated(args.errors))
        return
    if args.split in ("dev", "both"):
        report("dev (tuned on)", evaluate(load(*dev_files()), args.errors))
    if args.split in ("heldout", "both"):
        for name in sorted(p.name for p in CORPUS.glob("heldout*.jsonl")):
            report(f"{name} (held out, never tuned on)", evaluate(load(name)))


if __name__ == "__main__":
    main()
