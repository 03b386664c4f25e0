"""The JSON contract of issue 2: keys, types, provenance, risk placement, the examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import notewright
from notewright import draft
from notewright.drafting import Draft, load_format

FORMATS = ["soap", "dap", "birp", "girp", "pie"]
ROOT = Path(__file__).parents[2]
EXAMPLE = (ROOT / "examples" / "session-description.txt").read_text(encoding="utf-8")
SHORTHAND = ("Pt reports low mood. Denies SI/HI. PHQ-9 14. CBT: cog restructuring; "
             "HW thought record")
RICH = (
    "Met with Rowan (telehealth) for our 6th session, 50 min. Rowan reports mood \"a bit "
    "steadier\" this week and sleeping about six hours a night. PHQ-9 = 12 (down from 17); "
    "GAD-7 of 9. Affect brighter, good eye contact. Endorses passive SI, no plan or intent; "
    "denies HI. I used cog restructuring on the belief that coworkers judge her; she was able "
    "to generate two alternative thoughts. I felt impatient when she dismissed the first "
    "reframe - need to watch that. Progress toward goal 1 is moderate. Reviewed safety plan. "
    "HW: two work calls, rate SUDS. F/u 1 wk."
)
RISK_VALUES = {
    "suicidal_ideation": {"endorsed_active", "endorsed_passive", "denied", "not_mentioned"},
    "homicidal_ideation": {"endorsed_active", "endorsed_passive", "denied", "not_mentioned"},
    "self_harm": {"current", "history", "denied", "not_mentioned"},
}


def check_sources(sources: Any, text: str) -> None:
    assert isinstance(sources, list)
    for pair in sources:
        assert isinstance(pair, list) and len(pair) == 2
        start, end = pair
        assert type(start) is int and type(end) is int
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip(), "a source points at words"


def check_contract(d: dict[str, Any], text: str, fmt: str) -> None:
    """The exact shape of issue 2's JSON, and provenance into `text`."""
    assert list(d) == ["format", "sections", "text", "withheld", "risk", "interventions",
                       "measures", "warnings"]
    assert d["format"] == fmt
    assert isinstance(d["text"], str) and d["text"]
    fmt_spec = load_format(fmt)
    assert [s["key"] for s in d["sections"]] == [s.key for s in fmt_spec.sections]
    for section in d["sections"]:
        assert set(section) == {"key", "title", "statements"}
        assert isinstance(section["key"], str) and isinstance(section["title"], str)
        assert section["title"].upper() in d["text"]
        for st in section["statements"]:
            assert set(st) == {"text", "sources"}
            assert isinstance(st["text"], str) and st["text"].strip()
            assert st["text"] in d["text"]
            check_sources(st["sources"], text)
    for w in d["withheld"]:
        assert set(w) in ({"reason", "sources", "text"},
                          {"reason", "sources", "text", "suggestion"})
        assert w["reason"] in ("verbatim", "psychotherapy_note")
        assert isinstance(w["text"], str) and w["text"].strip()
        assert w["sources"]
        check_sources(w["sources"], text)
        if "suggestion" in w:
            assert isinstance(w["suggestion"], str) and w["suggestion"]
    assert set(d["risk"]) == {"suicidal_ideation", "homicidal_ideation", "self_harm",
                              "abuse_disclosure"}
    for key, allowed in RISK_VALUES.items():
        assert d["risk"][key] in allowed
    assert type(d["risk"]["abuse_disclosure"]) is bool
    assert isinstance(d["interventions"], list)
    assert all(isinstance(i, str) and i == i.lower() for i in d["interventions"])
    assert len(set(d["interventions"])) == len(d["interventions"])
    for m in d["measures"]:
        assert set(m) == {"name", "score", "band", "sources"}
        assert isinstance(m["name"], str) and type(m["score"]) is int
        assert m["band"] is None or isinstance(m["band"], str)
        check_sources(m["sources"], text)
    for w in d["warnings"]:
        assert set(w) == {"code", "message"}
        assert isinstance(w["code"], str) and isinstance(w["message"], str) and w["message"]
    assert json.loads(json.dumps(d)) == d


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", [SHORTHAND, EXAMPLE, RICH], ids=["shorthand", "example", "rich"])
def test_to_dict_matches_the_contract(text: str, fmt: str) -> None:
    d = draft(text, fmt)
    assert isinstance(d, Draft)
    check_contract(d.to_dict(), text, fmt)


def test_library_entry_point_is_notewright_draft_with_soap_default() -> None:
    d = notewright.draft(SHORTHAND)
    assert d.format == "soap"
    assert d.to_dict() == draft(SHORTHAND, "soap").to_dict()


def test_issue_example_input() -> None:
    d = draft(SHORTHAND)
    out = d.to_dict()
    assert out["risk"] == {"suicidal_ideation": "denied", "homicidal_ideation": "denied",
                           "self_harm": "not_mentioned", "abuse_disclosure": False}
    assert out["interventions"] == ["cognitive restructuring", "thought record"]
    [m] = out["measures"]
    assert (m["name"], m["score"], m["band"]) == ("PHQ-9", 14, "moderate")
    assert SHORTHAND[m["sources"][0][0]:m["sources"][0][1]] == "PHQ-9 14"
    assert out["withheld"] == []
    assert d.text.startswith("SUBJECTIVE\n")
    assert "\n\nOBJECTIVE\n" in d.text and "\n\nASSESSMENT\n" in d.text
    assert "\n\nPLAN\n" in d.text
    plan = [s for s in out["sections"] if s["key"] == "P"][0]
    assert any("Homework thought record" in st["text"] for st in plan["statements"])


def test_bundled_example() -> None:
    d = draft(EXAMPLE)
    assert d.risk.suicidal_ideation == "denied" and d.risk.homicidal_ideation == "denied"
    assert "cognitive restructuring" in d.interventions
    assert "thought record" in d.interventions
    assert [(m.name, m.score) for m in d.measures][0] == ("PHQ-9", 12)
    assert {w.reason for w in d.withheld} == {"verbatim", "psychotherapy_note"}
    assert "Rowan" not in d.text
    assert "a bit steadier" not in d.text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (SHORTHAND, "Risk assessment: suicidal ideation denied; homicidal ideation denied."),
        ("Pt reports low mood. Used BA. F/u 1 wk.", "Not assessed in this description:"),
        ("Endorses passive SI, no plan. Used safety planning.",
         "Risk assessment: passive suicidal ideation endorsed."),
    ],
    ids=["denied", "not-mentioned", "passive"],
)
def test_risk_section_of_each_format_holds_the_risk_statement(text: str, opening: str,
                                                              fmt: str) -> None:
    d = draft(text, fmt)
    risk_key = load_format(fmt).risk_section
    for section in d.sections:
        has = any(st.text.startswith(opening) for st in section.statements)
        assert has == (section.key == risk_key), (fmt, section.key)
    [section] = [s for s in d.sections if s.key == risk_key]
    assert section.statements[0].text.startswith(opening)


@pytest.mark.parametrize("fmt", FORMATS)
def test_statement_sources_never_overlap_withheld_spans(fmt: str) -> None:
    d = draft(RICH, fmt)
    held = [s for w in d.withheld for s in w.sources]
    assert held
    for section in d.sections:
        for st in section.statements:
            for a, b in st.sources:
                for c, e in held:
                    assert b <= c or a >= e, (st.text, (a, b), RICH[c:e])


def test_risk_statement_does_not_cite_a_withheld_quote() -> None:
    text = 'Client said "I just want to disappear forever" and cried. Used validation.'
    d = draft(text)
    [quote] = [w for w in d.withheld if w.reason == "verbatim"]
    (q_start, q_end), = quote.sources
    for section in d.sections:
        for st in section.statements:
            for a, b in st.sources:
                assert b <= q_start or a >= q_end, (st.text, text[a:b])


def test_a_quote_only_unit_does_not_cite_its_withheld_span() -> None:
    text = "Quote: the purple bus never came."
    d = draft(text)
    held = [s for w in d.withheld for s in w.sources]
    for section in d.sections:
        for st in section.statements:
            for a, b in st.sources:
                for c, e in held:
                    assert b <= c or a >= e, (st.text, text[a:b], text[c:e])


def test_every_sourced_statement_is_supported_by_its_words() -> None:
    d = draft(RICH)
    for section in d.sections:
        for st in section.statements:
            if st.text.startswith("Not assessed in this description"):
                assert st.sources == ()
                continue
            assert st.sources, st.text


def test_warnings_for_a_thin_description() -> None:
    d = draft("Pt seen.")
    codes = [w.code for w in d.warnings]
    for code in ("no_interventions", "no_client_response", "no_plan", "risk_not_documented",
                 "no_progress_toward_goals", "very_short_description"):
        assert code in codes


def test_a_complete_description_has_fewer_warnings() -> None:
    codes = [w.code for w in draft(RICH).warnings]
    assert "no_interventions" not in codes
    assert "no_plan" not in codes
    assert "risk_not_documented" not in codes
    assert "very_short_description" not in codes
