"""Reading the drafting corpus and lining the engine's units up with the gold spans.

Shared by the trainer and the evaluator so that both read the labels the same way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from notewright.drafting.formats import load_format
from notewright.drafting.model import KINDS, PROCESS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FORMATS = ("soap", "dap", "birp")
# When several kinds satisfy every format's acceptable sections, the annotation's own
# kind tags break the tie; failing those, this order does.
TIE_ORDER = ("report", "observation", "intervention", "response", "assessment", "plan",
             "screening")
KIND_HINTS = {"intervention": "intervention", "risk": "screening", "measure": "observation",
              "response": "response", "assessment": "assessment", "plan": "plan",
              "homework": "plan"}


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    labels: dict[str, list[str]]
    kind: list[str]
    quote: str | None

    @property
    def withheld(self) -> bool:
        return self.labels["soap"] == ["none"]


@dataclass(frozen=True)
class Description:
    id: str
    text: str
    spans: list[GoldSpan]
    risk: dict[str, object]
    interventions: list[str]
    raw: dict[str, object]


def load(*names: str) -> list[Description]:
    out = []
    for name in names:
        path = CORPUS / name if not Path(name).is_absolute() else Path(name)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(parse(json.loads(line)))
    return out


def dev_files() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("dev-*.jsonl"))


def parse(raw: dict[str, object]) -> Description:
    text = str(raw["text"])
    spans = []
    cursor = 0
    for s in raw["spans"]:  # type: ignore[attr-defined]
        start = text.find(s["text"], cursor)
        if start < 0:
            start = text.find(s["text"])
        if start < 0:
            raise ValueError(f"{raw['id']}: span not found: {s['text'][:40]!r}")
        end = start + len(s["text"])
        cursor = end
        spans.append(GoldSpan(start, end, {f: list(s[f]) for f in FORMATS},
                              list(s.get("kind", [])), s.get("quote")))
    return Description(str(raw["id"]), text, spans, dict(raw["risk"]),  # type: ignore[arg-type]
                       list(raw.get("interventions", [])), raw)  # type: ignore[arg-type]


def gold_kind(span: GoldSpan) -> str:
    """The engine kind whose section is acceptable in every format for this span."""
    if span.withheld:
        return PROCESS
    fits = []
    for kind in KINDS:
        if kind in ("session", "measure"):
            continue  # placed exactly like "observation" in every format
        if all(load_format(f).section_for(kind) in span.labels[f] for f in FORMATS):
            fits.append(kind)
    if not fits:  # no single kind fits all three: take the one that fits most
        def score(kind: str) -> int:
            return sum(load_format(f).section_for(kind) in span.labels[f] for f in FORMATS)
        best = max(score(k) for k in KINDS)
        fits = [k for k in KINDS if score(k) == best and k not in ("session", "measure")]
    for tag in span.kind:
        hinted = KIND_HINTS.get(tag)
        if hinted in fits:
            return hinted
    return next(k for k in TIE_ORDER if k in fits)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align(description: Description, start: int, end: int) -> GoldSpan | None:
    """The gold span that overlaps the unit [start, end) most."""
    best, best_overlap = None, 0
    for span in description.spans:
        o = overlap((start, end), (span.start, span.end))
        if o > best_overlap:
            best, best_overlap = span, o
    return best


def iter_units(description: Description) -> Iterator[tuple[object, GoldSpan | None]]:
    from notewright.drafting.quotes import find_quotes
    from notewright.drafting.segment import segment

    quotes = find_quotes(description.text)
    for seg in segment(description.text, protected=[(q.start, q.end) for q in quotes]):
        yield seg, align(description, seg.start, seg.end)
