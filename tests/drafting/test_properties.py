"""Property tests over descriptions built from clinical fragments, quotes, process material
and random Unicode: the engine's guarantees hold on any input."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from notewright import draft
from notewright.drafting import MAX_CHARS, load_format
from notewright.errors import InvalidInput

FORMATS = ["soap", "dap", "birp", "girp", "pie"]
BOUNDED = settings(max_examples=150, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])

CLINICAL = [
    "Pt reports low mood most days", "Denies SI/HI", "SI: denied", "PHQ-9 = 14",
    "GAD-7 of 11", "PCL-5 45", "AUDIT 9", "PHQ-9 31", "Affect flat, good eye contact",
    "Used cog restructuring on work beliefs", "CR re: catastrophizing", "Used MI, OARS",
    "Reviewed TIPP skills", "Completed 3 EMDR sets", "HW thought record", "F/u 1 wk",
    "Pt engaged and generated two alternatives", "Progress toward goal 1 is moderate",
    "Endorses passive SI, no plan or intent", "Endorses SI with plan to overdose",
    "Hx of cutting as a teen", "Pt cut her forearm last night", "If SI returns she will call",
    "Family history of suicide", "History of substance abuse",
    "Pt disclosed that her stepfather hit her", "Met with Dana via telehealth, 50 min",
    "Dana reports better sleep", "her sister Maria visited", "I used grounding",
    "We practiced box breathing", "I'm concerned about her sleep", "My plan is weekly sessions",
    "Dx: bipolar I disorder, stable on meds", "Pt w/ hx of MDD, tx plan updated",
    "Plan:", "Will introduce exposure next session", "Pt said she doesn't know",
    "her parents' house is loud", "Referred to Dr. Smith", "approx. 6 hrs sleep", "Pt. tearful",
]
PROCESS = [
    "I felt irritated when she changed the subject", "I wonder if her anger is about her father",
    "I suspect she is minimizing the drinking", "This hits close to home for me",
    "Need to bring this to supervision", "Honestly I felt impatient - need to watch that",
    "I wonder if PHQ-9 14 reflects grief",
]
# Quoted words: vocabulary that appears nowhere else in the fragments.
QUOTE_WORDS = [
    "the purple bus never came", "my landlord sings opera loudly", "cactus jokes are the worst",
    "nobody waters the ferns anymore", "I want to disappear forever",
    "nothing will ever change", "I am such a burden", "I could kill him honestly",
]
QUOTE_STYLES = [
    'Pt said "{}" and sighed', "Pt said “{}” and sighed", "Pt said ‘{}’ and sighed",
    "Pt said '{}' and sighed", "Word for word {}.", "Verbatim: {}.", "In her words, {}.",
    "Quote: {}.", 'Pt stated verbatim "{}" today',
]
QUOTE_CHARS = "\"'“”‘’„«»‚‛‹›`´"
SEPARATORS = [" ", ". ", "\n", "; ", "\n- ", ", and ", " - ", "\n\n", ".\n* ", ", "]

# Random text holds no quotation marks (quotes are built on purpose, above) and no lone "i",
# which the engine leaves alone as a list marker and then capitalises at a sentence start.
random_text = st.text(
    alphabet=st.characters(blacklist_characters=QUOTE_CHARS), min_size=1, max_size=20
).filter(lambda t: not re.search(r"\b[iI]\b", t))
quote = st.builds(lambda style, words: (style.format(words), words),
                  st.sampled_from(QUOTE_STYLES), st.sampled_from(QUOTE_WORDS))
piece = st.one_of(
    st.sampled_from(CLINICAL).map(lambda t: (t, None)),
    st.sampled_from(PROCESS).map(lambda t: (t, None)),
    quote,
    random_text.map(lambda t: (t, None)),
)


@st.composite
def descriptions(draw: Any) -> tuple[str, list[str]]:
    """A description and the quoted words it contains."""
    pieces = draw(st.lists(piece, min_size=1, max_size=12))
    out: list[str] = []
    quoted: list[str] = []
    for text, words in pieces:
        if out:
            out.append(draw(st.sampled_from(SEPARATORS)))
        out.append(text)
        if words:
            quoted.append(words)
    return "".join(out), quoted


def descriptions_only() -> Any:
    return descriptions().map(lambda pair: pair[0])


def attempt(text: Any, fmt: str) -> Any:
    try:
        return draft(text, fmt)
    except InvalidInput:
        return None


def statement_sources(d: Any) -> list[tuple[str, tuple[int, int]]]:
    return [(s.text, src) for sec in d.sections for s in sec.statements for src in s.sources]


# --- returns or raises only the documented error --------------------------------------------

@BOUNDED
@given(st.one_of(st.text(max_size=300), descriptions_only(), st.binary(max_size=50),
                 st.none(), st.integers(), st.lists(st.text(max_size=5), max_size=3)),
       st.sampled_from(FORMATS))
def test_returns_a_draft_or_raises_invalid_input(text: Any, fmt: str) -> None:
    try:
        d = draft(text, fmt)
    except InvalidInput as exc:
        assert exc.message
        assert not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS
        return
    assert isinstance(text, str) and text.strip()
    assert d.format == fmt


# --- provenance -------------------------------------------------------------------------------

@BOUNDED
@given(descriptions_only(), st.sampled_from(FORMATS))
def test_every_source_is_in_range_and_points_at_words(text: str, fmt: str) -> None:
    d = attempt(text, fmt)
    if d is None:
        return
    spans = [src for _, src in statement_sources(d)]
    spans += [src for w in d.withheld for src in w.sources]
    spans += [src for m in d.measures for src in m.sources]
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip()


@BOUNDED
@given(descriptions_only(), st.sampled_from(FORMATS))
@example('Client said "I just want to disappear forever" and cried.', "soap")
@example("Denies SI; I suspect she is hiding SI from her husband.", "birp")
@example("Quote: the purple bus never came.", "dap")
def test_no_statement_source_overlaps_a_withheld_span(text: str, fmt: str) -> None:
    d = attempt(text, fmt)
    if d is None:
        return
    held = [src for w in d.withheld for src in w.sources]
    for statement, (a, b) in statement_sources(d):
        for c, e in held:
            assert b <= c or a >= e, (statement, text[a:b], text[c:e])


# --- the contract shape -----------------------------------------------------------------------

RISK_VALUES = {
    "suicidal_ideation": {"endorsed_active", "endorsed_passive", "denied", "not_mentioned"},
    "homicidal_ideation": {"endorsed_active", "endorsed_passive", "denied", "not_mentioned"},
    "self_harm": {"current", "history", "denied", "not_mentioned"},
}


def _pairs(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(p, list) and len(p) == 2 and all(type(x) is int for x in p) for p in value)


@BOUNDED
@given(descriptions_only(), st.sampled_from(FORMATS))
def test_to_dict_round_trips_through_json_and_matches_the_contract(text: str,
                                                                    fmt: str) -> None:
    d = attempt(text, fmt)
    if d is None:
        return
    out = d.to_dict()
    assert json.loads(json.dumps(out)) == out
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out
    assert list(out) == ["format", "sections", "text", "withheld", "risk", "interventions",
                         "measures", "warnings"]
    assert out["format"] == fmt and isinstance(out["text"], str)
    assert [s["key"] for s in out["sections"]] == [s.key for s in load_format(fmt).sections]
    for section in out["sections"]:
        assert set(section) == {"key", "title", "statements"}
        for s in section["statements"]:
            assert set(s) == {"text", "sources"} and isinstance(s["text"], str)
            assert _pairs(s["sources"])
    for w in out["withheld"]:
        assert set(w) - {"suggestion"} == {"reason", "sources", "text"}
        assert w["reason"] in ("verbatim", "psychotherapy_note") and _pairs(w["sources"])
    assert set(out["risk"]) == {*RISK_VALUES, "abuse_disclosure"}
    for key, allowed in RISK_VALUES.items():
        assert out["risk"][key] in allowed
    assert type(out["risk"]["abuse_disclosure"]) is bool
    assert all(isinstance(i, str) for i in out["interventions"])
    for m in out["measures"]:
        assert set(m) == {"name", "score", "band", "sources"} and type(m["score"]) is int
        assert _pairs(m["sources"])
    for w in out["warnings"]:
        assert set(w) == {"code", "message"}


# --- no verbatim content, no therapist first person ---------------------------------------------

def _windows(words: str, n: int = 3) -> list[str]:
    tokens = words.lower().split()
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


@BOUNDED
@given(descriptions(), st.sampled_from(FORMATS))
@example(('Word for word she hates the purple bus; later she said "nobody waters the ferns" '
          "and sighed.", ["she hates the purple bus", "nobody waters the ferns"]), "soap")
def test_no_quoted_run_of_three_words_reaches_the_note(pair: tuple[str, list[str]],
                                                       fmt: str) -> None:
    text, quoted = pair
    d = attempt(text, fmt)
    if d is None:
        return
    rendered = re.sub(r"\s+", " ", d.text.lower())
    for words in quoted:
        for run in _windows(words):
            assert run not in rendered, (run, d.text)


FIRST_PERSON = re.compile(r"(?<![Bb]ipolar )(?<!BIPOLAR )\bI\b|\b(?i:me|my|we|our|us)\b")


@BOUNDED
@given(descriptions_only(), st.sampled_from(FORMATS))
def test_no_therapist_first_person_in_any_statement(text: str, fmt: str) -> None:
    d = attempt(text, fmt)
    if d is None:
        return
    for sec in d.sections:
        for s in sec.statements:
            assert not FIRST_PERSON.search(s.text), s.text
