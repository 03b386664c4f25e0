"""Bad requests are refused before any rule runs, naming the field and what is allowed;
nothing defaults to a value that releases more."""

from __future__ import annotations

from typing import Any

import pytest
from disclosure_cast import make_authorization, make_request

from notewright.disclosure import decide
from notewright.errors import InvalidInput


@pytest.mark.parametrize(("changes", "field", "allowed_has"), [
    ({"requester": "cleint"}, "requester", "client"),
    ({"basis": "because"}, "basis", "right_of_access"),
    ({"requested": ["progress_notes", "diary"]}, "requested[1]", "psychotherapy_notes"),
    ({"requested": []}, "requested", "progress_notes"),
    ({"requested": "progress_notes"}, "requested", "progress_notes"),
    ({"date": "03/02/2026"}, "date", None),
    ({"date": "2026-02-30"}, "date", None),
    ({"state": "California"}, "state", "CA"),
    ({"client_is_minor": "no"}, "client_is_minor", None),
    ({"has_satisfactory_assurance": 1}, "has_satisfactory_assurance", None),
    ({"facts": {"client_age": "fifteen"}}, "facts.client_age", None),
    ({"facts": {"oversight_subject": "board"}}, "facts.oversight_subject", "originator"),
    ({"facts": {"revocation_received": "soon"}}, "facts.revocation_received", None),
    ({"authorization": {"covers": ["notes"]}}, "authorization.covers[0]", "progress_notes"),
    ({"authorization": make_authorization(signed_date="15/01/2026")},
     "authorization.signed_date", None),
    ({"authorization": make_authorization(signed="yes")}, "authorization.signed", None),
    ({"authorization": "on file"}, "authorization", None),
])
def test_bad_field_is_named(changes: dict[str, Any], field: str, allowed_has: str | None) -> None:
    with pytest.raises(InvalidInput) as err:
        decide(make_request(**changes))
    assert err.value.field == field
    assert field in err.value.message
    if allowed_has:
        assert err.value.allowed and allowed_has in err.value.allowed


@pytest.mark.parametrize("missing", ["requester", "basis", "requested", "date"])
def test_missing_required_field_is_named(missing: str) -> None:
    request = make_request()
    del request[missing]
    with pytest.raises(InvalidInput) as err:
        decide(request)
    assert err.value.field == missing and "required" in err.value.message


def test_request_must_be_an_object() -> None:
    with pytest.raises(InvalidInput) as err:
        decide(["client"])  # type: ignore[arg-type]
    assert err.value.field == "request"


def test_optional_fields_default_to_releasing_less() -> None:
    minimal = {"requester": "attorney", "basis": "subpoena", "requested": ["progress_notes"],
               "date": "2026-03-02"}
    decision = decide(minimal)
    assert decision.release == ()
    assert decision.refuse[0].reason_code == "subpoena_without_assurance"


def test_authorization_fields_left_out_count_as_missing() -> None:
    request = make_request(requester="other_provider", basis="authorization",
                           authorization={"covers": ["progress_notes"]})
    decision = decide(request)
    assert decision.release == ()
    assert decision.refuse[0].reason_code == "authorization_missing_core_element"


def test_unknown_keys_are_warned_not_silently_used() -> None:
    decision = decide(make_request(facts={"is_orginator": True}, colour="blue"))
    assert any("is_orginator" in w for w in decision.warnings)
    assert any("colour" in w for w in decision.warnings)


def test_duplicate_categories_are_decided_once() -> None:
    decision = decide(make_request(requested=["progress_notes", "progress_notes"]))
    assert decision.release == ("progress_notes",)
