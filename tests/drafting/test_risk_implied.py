"""Ideation the description implies without naming it: the clinician's own risk rating,
or the plan-and-intent answers that only follow endorsed ideation. Always flagged for the
clinician to confirm; never a denial."""

from __future__ import annotations

import pytest

from notewright import draft

NM = "not_mentioned"

# (description, suicidal_ideation, homicidal_ideation)
IMPLIED = [
    # a rating about violence, with the other ideation denied
    ("Spent the hour on the custody fight. Denies SI. High risk to identified person; "
     "duty-to-warn consult today.", "denied", "endorsed_active"),
    ("Denies SI. Risk of violence assessed as moderate.", "denied", "endorsed_active"),
    # an undirected rating with HI denied is about suicide
    ("Spent the hour on the layoff. Denies HI. Risk: moderate.", "endorsed_active",
     "denied"),
    ("Denies HI. Risk: low-mod.", "endorsed_passive", "denied"),
    # a bare plan answer follows the suicide questions
    ("Says since her sister died she has told God he can take her any night now. No plan, "
     "no intent. Denies HI.", "endorsed_passive", "denied"),
    ("Long talk about the move and the pain. No plan; no firearms in the home.",
     "endorsed_passive", NM),
    # ... unless it names someone else
    ("Retaliation fantasies about the neighbour, without intent or plan. Denies SI.", "denied",
     "endorsed_passive"),
]

NOT_IMPLIED = [
    # the rating has another cause
    ("Denies SI/HI. Relapse risk high after the funeral.", "denied", "denied"),
    ("Denies SI. High OD risk given tolerance changes.", "denied", NM),
    ("Denies HI. Cut her forearm on Tuesday. Risk moderate.", NM, "denied"),
    ("Denies SI. Child disclosed that her stepfather hits her; risk high; CPS called.",
     "denied", NM),
    ("As a survivor she carries elevated risk, though she denies any ideation. Denies SI.",
     "denied", NM),
    # a rating of low risk implies nothing, and nothing implied is a denial
    ("Denies HI. Risk low.", NM, "denied"),
    ("Risk moderate.", NM, NM),
    # the plan answer belongs to ideation already named or denied
    ("Denies SI. No plan or intent.", "denied", NM),
    ("Passive HI toward her ex; no plan or intent.", NM, "endorsed_passive"),
    # intrusive, ego-dystonic thoughts of harm are a denial (the conventions' rule), and
    # imply nothing
    ("Intrusive images of dropping the baby, ego-dystonic, no intent.", NM, "denied"),
    ("No plan to return to work yet.", NM, NM),
]


def _risk(text: str) -> tuple[str, str]:
    r = draft(text).risk
    return r.suicidal_ideation, r.homicidal_ideation


@pytest.mark.parametrize(("text", "si", "hi"), IMPLIED)
def test_implied_ideation_is_recorded_and_flagged(text: str, si: str, hi: str) -> None:
    assert _risk(text) == (si, hi)
    d = draft(text)
    assert "ideation_inferred" in {w.code for w in d.warnings}
    risk_line = next(s for sec in d.sections for s in sec.statements
                     if s.text.startswith("Risk assessment"))
    assert "pending the clinician's confirmation" in risk_line.text
    assert risk_line.sources  # it cites the rating or the answer it was read from


@pytest.mark.parametrize(("text", "because"), [
    ("Denies HI. Risk: low-mod.", "risk rated moderate or higher"),
    ("Long talk about the move and the pain. No plan; no firearms in the home.",
     "plan or intent addressed"),
])
def test_the_note_says_what_implied_the_ideation(text: str, because: str) -> None:
    # A plan answer is not a rating: the note and the warning must not claim one.
    d = draft(text)
    risk_line = next(s for sec in d.sections for s in sec.statements
                     if s.text.startswith("Risk assessment"))
    warning = next(w for w in d.warnings if w.code == "ideation_inferred")
    assert because in risk_line.text
    assert because in warning.message


@pytest.mark.parametrize(("text", "si", "hi"), NOT_IMPLIED)
def test_nothing_implied(text: str, si: str, hi: str) -> None:
    assert _risk(text) == (si, hi)
    assert "ideation_inferred" not in {w.code for w in draft(text).warnings}
