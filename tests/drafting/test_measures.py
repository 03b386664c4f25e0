"""Measures: scores found as therapists write them, range-checked and banded."""

from __future__ import annotations

import pytest

from notewright import draft
from notewright.drafting.measures import find_measures

# (written, name, score, band)
SCORES = [
    ("PHQ-9 = 14.", "PHQ-9", 14, "moderate"),
    ("PHQ-9: 3", "PHQ-9", 3, "minimal"),
    ("PHQ9 22", "PHQ-9", 22, "severe"),
    ("PHQ-9 score of 7", "PHQ-9", 7, "mild"),
    ("scored 17 on the PHQ-9", "PHQ-9", 17, "moderately severe"),
    ("PHQ-9 0", "PHQ-9", 0, "minimal"),
    ("PHQ-9 27", "PHQ-9", 27, "severe"),
    ("GAD-7 of 11", "GAD-7", 11, "moderate"),
    ("GAD-7 = 21", "GAD-7", 21, "severe"),
    ("GAD7: 6", "GAD-7", 6, "mild"),
    ("PCL-5 = 45", "PCL-5", 45, "at or above the provisional PTSD cut-off"),
    ("PCL-5 score 20", "PCL-5", 20, "below the provisional PTSD cut-off"),
    ("PCL-5 80", "PCL-5", 80, "at or above the provisional PTSD cut-off"),
    ("AUDIT = 9", "AUDIT", 9, "hazardous use"),
    ("AUDIT 3", "AUDIT", 3, "low risk"),
    ("AUDIT score 17", "AUDIT", 17, "harmful use"),
    ("AUDIT 25", "AUDIT", 25, "possible dependence"),
    ("C-SSRS 0", "C-SSRS", 0, "negative screen"),
]


@pytest.mark.parametrize(("written", "name", "score", "band"), SCORES,
                         ids=[s[0] for s in SCORES])
def test_score_and_band(written: str, name: str, score: int, band: str) -> None:
    text = f"Pt seen for follow-up. {written} Used CR."
    d = draft(text)
    [m] = d.measures
    assert (m.name, m.score, m.band) == (name, score, band)
    start, end = m.sources[0]
    assert text[start:end].strip().startswith(written.split()[0])
    assert str(score) in text[start:end]
    assert "impossible_score" not in [w.code for w in d.warnings]
    assert m.to_dict() == {"name": name, "score": score, "band": band,
                           "sources": [[start, end]]}


@pytest.mark.parametrize(
    ("written", "name", "score"),
    [("PHQ-9 = 31", "PHQ-9", 31), ("GAD-7 = 25", "GAD-7", 25), ("PCL-5 = 95", "PCL-5", 95),
     ("AUDIT = 41", "AUDIT", 41), ("PHQ-9 of 28", "PHQ-9", 28)],
)
def test_impossible_score_warns(written: str, name: str, score: int) -> None:
    d = draft(f"Pt seen today. {written}. Used CR.")
    [m] = d.measures
    assert (m.name, m.score, m.band) == (name, score, None)
    [w] = [w for w in d.warnings if w.code == "impossible_score"]
    assert name in w.message and str(score) in w.message


def test_impossible_score_inside_withheld_material_is_stated_with_a_verify_note() -> None:
    d = draft("Pt anxious. I wonder if the PHQ-9 of 30 is a typo. Used MI.")
    [m] = d.measures
    assert m.score == 30 and m.band is None
    assert "outside the valid range 0-27; verify" in d.text


@pytest.mark.parametrize(
    "text",
    [
        "Pt did the PHQ-9 today.",          # no score
        "Session 9 of 12, 50 min.",          # numbers that are not scores
        "PHQ-9 14/27 last month? no",        # a fraction is not read as a score
        "Pt slept 7 hrs; GAD-7 next week.",
    ],
)
def test_no_score_is_invented(text: str) -> None:
    found = find_measures(text)
    if "14/27" in text:
        assert all(m.score != 27 for m in found)
    else:
        assert found == []


def test_several_measures_in_order_with_exact_sources() -> None:
    text = "GAD-7 = 12 and PHQ-9: 9. AUDIT 4."
    d = draft(text)
    assert [(m.name, m.score) for m in d.measures] == [("GAD-7", 12), ("PHQ-9", 9),
                                                       ("AUDIT", 4)]
    spans = [m.sources[0] for m in d.measures]
    assert spans == sorted(spans)
    for (s, e), m in zip(spans, d.measures, strict=True):
        assert m.name.replace("-", "")[:3] in text[s:e].replace("-", "")


def test_measure_is_placed_in_the_measure_section_of_each_format() -> None:
    text = "Pt reports low mood. PHQ-9 = 14. Used BA. F/u 1 wk."
    for fmt, key in (("soap", "O"), ("dap", "D"), ("birp", "B"), ("girp", "G"), ("pie", "P")):
        d = draft(text, fmt)
        [m] = d.measures
        holder = [s.key for s in d.sections for st in s.statements
                  if any(a <= m.sources[0][0] < b for a, b in st.sources)]
        assert holder == [key], fmt
