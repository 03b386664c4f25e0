"""The trained run-on boundaries: dictated notes with no punctuation still come apart at
their changes of thought, so a private reaction is withheld without the clinical sentences
around it, and nothing is cut inside a quote or into scraps."""

from __future__ import annotations

import pytest

from notewright import draft
from notewright.drafting.boundaries import (
    MIN_WORDS,
    gap_features,
    load_boundary_model,
    word_form,
)
from notewright.drafting.quotes import find_quotes
from notewright.drafting.segment import segment

DICTATED = ("so she came in today um pretty flat said the week was hard she's been staying in "
            "bed till noon honestly i felt kind of heavy after she left and i noticed i was "
            "rushing the last ten minutes which i need to watch i'd say risk is low to moderate "
            "no imminent risk plan is see her again thursday")


def test_the_shipped_model_loads() -> None:
    model = load_boundary_model()
    assert model is not None
    assert model.weights, "a trained model has weights"


def test_the_model_sees_words_not_punctuation() -> None:
    assert word_form("Today.") == word_form("today") == "today"
    assert word_form("(she's,") == "she's"
    assert word_form("14/27") == word_form("9") == "<num>"
    assert word_form("—") == "<p>"
    words = [word_form(w) for w in "denies si. Plan: weekly".split()]
    assert gap_features(words, 2)[:3] == ["a:si", "aa:denies si", "b:plan"]


def test_a_dictated_run_on_keeps_its_risk_rating_and_plan_and_withholds_the_reaction() -> None:
    result = draft(DICTATED).to_dict()
    withheld = " ".join(w["text"] for w in result["withheld"])
    assert "i felt kind of heavy" in withheld
    note = result["text"].lower()
    assert "risk is low to moderate" in note or "low to moderate" in note
    assert "thursday" in note
    assert "risk is low" not in withheld and "thursday" not in withheld


def test_the_run_on_is_cut_where_the_thought_changes() -> None:
    starts = [u.text.split()[0] for u in segment(DICTATED)]
    assert "plan" in starts
    assert any(u.text.startswith("i felt") for u in segment(DICTATED))


def test_model_cuts_leave_no_scraps() -> None:
    model = load_boundary_model()
    assert model is not None
    cuts = model.cuts(DICTATED, 0, len(DICTATED))
    assert cuts, "a forty-word run-on has at least one boundary"
    edges = [0, *cuts, len(DICTATED)]
    for a, b in zip(edges, edges[1:], strict=False):
        assert len(DICTATED[a:b].split()) >= MIN_WORDS


@pytest.mark.parametrize("text", [
    "he said 'i keep thinking i should just stop eating and see what happens to me then' and "
    "we talked about it for a long time without getting anywhere in particular today honestly",
])
def test_a_quote_in_a_run_on_is_never_cut(text: str) -> None:
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    assert quotes
    for unit in segment(text, protected=quotes):
        for s, e in quotes:
            assert not (s < unit.start < e or s < unit.end < e)


def test_punctuated_notes_are_not_cut_by_the_model() -> None:
    text = "Pt reports low mood. Denies SI/HI. PHQ-9 14. Used CR. HW thought record."
    assert [u.text for u in segment(text)] == [
        "Pt reports low mood.", "Denies SI/HI.", "PHQ-9 14.", "Used CR.", "HW thought record."]


@pytest.mark.parametrize("text", [
    "gad seven today was fourteen he denies any s i or h i he looked tired rubbing his neck a "
    "lot but pretty engaged and we did the worry exposure",
    "he just hates him he denies any s i he was tense jaw clenched talking loud at first then "
    "settled and we did some problem solving",
])
def test_spelled_letters_are_never_cut_apart(text: str) -> None:
    units = [u.text for u in segment(text)]
    assert not any(u.lower() == "i" for u in units)
    assert any(u.endswith("s i") or u.endswith("h i") for u in units)
    note = draft(text).to_dict()["text"]
    assert "\nI." not in note and " I " not in note


def test_a_model_not_trained_is_none_and_an_unreadable_one_names_its_file() -> None:
    from notewright.drafting.trained import load_trained
    from notewright.errors import DataFileError

    assert load_trained("no-such-model.json", lambda raw: raw) is None

    def wrong_shape(raw: dict[str, object]) -> object:
        return raw["no such key"]

    with pytest.raises(DataFileError, match="boundaries.json"):
        load_trained("boundaries.json", wrong_shape)
