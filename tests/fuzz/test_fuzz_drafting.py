"""Fuzzing the drafting engine where tests/drafting/test_properties.py does not go:
inputs at and past MAX_CHARS (long runs of clinical text, one giant word, thousands of
lines, every Unicode category), wrong types for the text AND the format argument, and
every built-in format. No crash: a Draft, or an error of the InvalidInput family; every
provenance span in range."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notewright.drafting import MAX_CHARS, builtin_format_names, draft, load_format
from notewright.errors import InvalidInput

FORMATS = list(builtin_format_names())
FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(max_examples=25, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CHUNKS = [
    "Pt reports low mood most days. ", "Denies SI/HI. ", "PHQ-9 = 14. ", "GAD-7 of 11. ",
    "Endorses passive SI, no plan. ", "I felt irritated when she changed the subject. ",
    'Pt said "nothing will ever change". ', "Used cog restructuring. ", "F/u 1 wk.\n",
    "Pt cut her forearm last night. ", "Hx of cutting. ", "\n- ", "Plan: ", "Dx: MDD. ",
    "Met with Dana via telehealth, 50 min. ", "“", "”", "‘", "’", "«", "»", "\t", "\r\n",
    "\u200b", "\u202e", "\ufeff", "\x00", "\ud7ff", "🙂", "ﷺ", "ǅ", "İ", "ß", "ﬁ", "\u0301",
    "\U0010ffff", "I ", "i ", "SI", "HI", "...", "—", "؟", "。", "\u2028", "\u2029",
]


def _check(result: Any, text: str, fmt: str) -> None:
    out = result.to_dict()
    assert out["format"] == fmt
    spans: list[list[int]] = []
    for section in out["sections"]:
        for statement in section["statements"]:
            spans.extend(statement["sources"])
    for w in out["withheld"]:
        spans.extend(w["sources"])
    for m in out["measures"]:
        spans.extend(m["sources"])
    for start, end in spans:
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start < end <= len(text), (start, end, len(text))


def _draft_or_invalid(text: Any, fmt: Any) -> Any:
    try:
        return draft(text, fmt)
    except InvalidInput:
        return None


@st.composite
def big_texts(draw: st.DrawFn) -> str:
    """A text assembled from chunks and repeated to a target length around MAX_CHARS."""
    pieces = draw(st.lists(st.sampled_from(CHUNKS) | st.text(max_size=30), min_size=1,
                           max_size=30))
    unit = "".join(pieces) or "x"
    target = draw(st.sampled_from([MAX_CHARS - 1, MAX_CHARS, MAX_CHARS + 1, 5_000, 12_345,
                                   MAX_CHARS * 2, 1_000_000]))
    return (unit * (target // len(unit) + 1))[:target]


@FUZZ
@given(st.text(alphabet=st.characters(codec=None), max_size=400), st.sampled_from(FORMATS))
def test_any_code_point_in_any_format(text: str, fmt: str) -> None:
    result = _draft_or_invalid(text, fmt)
    if result is None:
        assert not text.strip() or len(text) > MAX_CHARS
    else:
        _check(result, text, fmt)


@FEW
@given(big_texts(), st.sampled_from(FORMATS))
def test_inputs_at_and_past_the_limit(text: str, fmt: str) -> None:
    result = _draft_or_invalid(text, fmt)
    if len(text) > MAX_CHARS or not text.strip():
        assert result is None
        return
    assert result is not None
    _check(result, text, fmt)


def test_one_giant_word_and_thousands_of_lines_at_the_limit() -> None:
    for text in ("a" * MAX_CHARS, "SI\n" * (MAX_CHARS // 3), ". " * (MAX_CHARS // 2),
                 '"' * MAX_CHARS, "I felt " * (MAX_CHARS // 7), "🙂" * MAX_CHARS):
        for fmt in FORMATS:
            _check(draft(text, fmt), text, fmt)


def test_error_for_a_huge_input_does_not_echo_it() -> None:
    text = "Casey Rivera said the secret word zanzibar. " * 50_000
    try:
        draft(text)
    except InvalidInput as exc:
        assert "zanzibar" not in exc.message and "Casey" not in exc.message
    else:
        raise AssertionError("a 2 MB description was accepted")


garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.binary(max_size=20)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=4)
    | st.tuples(inner, inner) | st.frozensets(st.integers(), max_size=3),
    max_leaves=12)


@FUZZ
@given(garbage.filter(lambda v: not isinstance(v, str)), st.sampled_from(FORMATS))
def test_text_of_the_wrong_type(value: Any, fmt: str) -> None:
    try:
        draft(value, fmt)
    except InvalidInput as exc:
        assert exc.field == "text"
    else:
        raise AssertionError(f"accepted {type(value).__name__}")


@FUZZ
@given(garbage | st.text(max_size=20) | st.sampled_from([f.upper() for f in FORMATS]))
def test_format_of_any_type_or_name(fmt: Any) -> None:
    text = "Pt reports low mood. Denies SI/HI. PHQ-9 = 14."
    try:
        result = draft(text, fmt)
    except InvalidInput as exc:
        assert exc.field == "format"
        assert exc.allowed and set(FORMATS) <= set(exc.allowed)
        return
    assert isinstance(fmt, str) and fmt.lower() in FORMATS
    _check(result, text, fmt.lower())


def test_a_loaded_format_object_is_accepted() -> None:
    for name in FORMATS:
        _check(draft("Pt reports low mood. F/u 1 wk.", load_format(name)),
               "Pt reports low mood. F/u 1 wk.", name)


@FUZZ
@given(st.lists(st.sampled_from([*CHUNKS, "\x00 ", " \x00", "I \x00 plan", "\x00 byte"]),
                min_size=1, max_size=25).map("".join), st.sampled_from(FORMATS))
def test_control_characters_among_clinical_chunks(text: str, fmt: str) -> None:
    """A NUL in the description once crashed the first-person rewrite (it used NUL as
    its own marker)."""
    result = _draft_or_invalid(text, fmt)
    if result is None:
        assert not text.strip()
    else:
        _check(result, text, fmt)


def test_nul_before_a_word_is_not_a_crash() -> None:
    for text in ("nul \x00 byte. Denies SI.", "a \x00 b", "I \x00 plan to call"):
        _check(draft(text), text, "soap")
