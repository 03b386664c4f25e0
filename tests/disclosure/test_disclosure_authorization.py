"""check_authorization reports every defect at once, in the digest's §5 checklist order."""

from __future__ import annotations

import datetime as dt

from disclosure_cast import DATE, make_authorization, make_pn_authorization

from notewright.disclosure import check_authorization


def codes(defects: list) -> list[str]:  # type: ignore[type-arg]
    return [d.reason_code for d in defects]


def test_a_valid_authorization_has_no_defects() -> None:
    assert check_authorization(make_authorization(), date=DATE,
                               requested=["progress_notes", "diagnosis"]) == []


def test_every_defect_is_reported_not_just_the_first() -> None:
    auth = make_authorization(
        signed_date="2026-03-05", expires="2026-03-01", revoked=True, purpose="",
        recipient=None, has_revocation_statement=False, has_redisclosure_statement=False,
        has_conditioning_statement=False, conditioned_on_treatment=True,
    )
    found = check_authorization(auth, date=DATE, requester="other_provider",
                                facts={"known_false_material_information": True,
                                       "requester_matches_authorized_recipient": False})
    assert codes(found) == [
        "authorization_postdated",
        "authorization_expired",
        "authorization_revoked",
        "authorization_missing_core_element",  # recipient
        "authorization_missing_core_element",  # purpose
        "authorization_missing_required_statement",
        "authorization_missing_required_statement",
        "authorization_missing_required_statement",
        "authorization_known_false",
        "conditioned_authorization",
        "recipient_not_named_in_authorization",
    ]
    assert {d.field for d in found if d.reason_code == "authorization_missing_core_element"} == {
        "authorization.recipient", "authorization.purpose"}
    for defect in found:
        assert defect.cite and defect.message, defect
        assert defect.category is None


def test_each_missing_core_element_is_named_with_its_field() -> None:
    auth = make_authorization(covers=[], recipient="", purpose=None, expires=None,
                              signed=False, signed_date=None)
    found = check_authorization(auth, date=DATE)
    assert codes(found) == ["authorization_missing_core_element"] * 5
    assert [d.field for d in found] == ["authorization.covers", "authorization.recipient",
                                        "authorization.purpose", "authorization.expires",
                                        "authorization.signed"]


def test_compound_psychotherapy_note_authorization_is_reported() -> None:
    auth = make_pn_authorization(covers=["psychotherapy_notes", "progress_notes"])
    assert codes(check_authorization(auth, date=DATE)) == ["compound_authorization"]


def test_coverage_defects_name_their_category_after_validity_defects() -> None:
    auth = make_authorization(has_revocation_statement=False)
    found = check_authorization(auth, date=dt.date(2026, 3, 2),
                                requested=["progress_notes", "billing", "psychotherapy_notes"])
    assert [(d.reason_code, d.category) for d in found] == [
        ("authorization_missing_required_statement", None),
        ("not_covered_by_authorization", "billing"),
        ("psychotherapy_notes_need_specific_authorization", "psychotherapy_notes"),
    ]


def test_illinois_extras_are_each_reported() -> None:
    auth = make_authorization(expires="end of treatment")
    found = check_authorization(auth, date=DATE, state="IL",
                                facts={"authorization_wording": "any and all records"})
    assert codes(found) == ["state_law_authorization_defect"] * 4
    assert all("740 ILCS 110/5" in d.cite for d in found)


def test_expiry_on_the_day_of_the_request_is_still_valid() -> None:
    assert check_authorization(make_authorization(expires=DATE), date=DATE) == []


def test_defects_serialise_for_the_ui() -> None:
    (defect,) = check_authorization(make_authorization(revoked=True), date=DATE)
    assert defect.to_dict()["reason_code"] == "authorization_revoked"
    assert set(defect.to_dict()) == {"reason_code", "cite", "message", "field", "category"}
