"""Every reason code of the contract is in reason_codes.toml with a citation and a
plain-language line; the rule files load, and a broken one says file, line and field."""

from __future__ import annotations

import re

import pytest

from notewright.disclosure import RULE_VERSION, matrix, reason_codes, state_overlays
from notewright.disclosure.datafiles import read
from notewright.disclosure.vocabulary import BASES, REASON_CODES
from notewright.errors import DataFileError

CONTRACT_CODES = {
    "excluded_from_right_of_access", "reviewable_denial_endangerment",
    "reviewable_denial_harm_by_representative", "not_personal_representative",
    "psychotherapy_notes_need_specific_authorization", "not_originator",
    "not_own_training_program", "legal_action_not_brought_by_individual",
    "oversight_not_of_originator", "subpoena_insufficient_for_psychotherapy_notes",
    "authorization_missing", "authorization_expired", "authorization_revoked",
    "authorization_missing_core_element", "authorization_missing_required_statement",
    "authorization_known_false", "authorization_postdated", "compound_authorization",
    "conditioned_authorization", "not_covered_by_authorization",
    "recipient_not_named_in_authorization", "subpoena_without_assurance",
    "beyond_scope_of_order", "threat_criteria_not_met", "admission_learned_in_therapy",
    "no_permitting_basis", "part2_consent_required", "part2_court_order_required",
    "state_law_requires_court_order", "state_law_minor_access_restricted",
    "state_law_authorization_defect", "state_law_parent_authorization_invalid",
    "state_law_written_request_required", "state_law_disclosure_not_permitted",
}


def test_vocabulary_matches_the_contract() -> None:
    assert set(REASON_CODES) == CONTRACT_CODES
    assert len(REASON_CODES) == len(CONTRACT_CODES)


@pytest.mark.parametrize("code", sorted(CONTRACT_CODES))
def test_every_contract_code_has_a_citation_and_explanation(code: str) -> None:
    entry = reason_codes.load()[code]
    assert re.search(r"CFR|ILCS|CPLR|Code", entry.cite), entry.cite
    assert len(entry.explanation) > 30 and len(entry.remedy) > 10


def test_rule_version_is_recorded() -> None:
    assert RULE_VERSION == reason_codes.load().rule_version
    assert RULE_VERSION


def test_matrix_covers_every_basis_and_overlays_load() -> None:
    assert set(matrix.load().bases) == set(BASES)
    assert {"CA", "IL", "NY", "TX"} <= set(state_overlays.load())


def test_a_code_missing_from_the_file_is_a_data_error() -> None:
    text = read("reason_codes.toml").replace("[codes.authorization_revoked]", "[codes.x_unknown]")
    with pytest.raises(DataFileError) as err:
        reason_codes.parse(text)
    assert "reason_codes.toml" in err.value.message and err.value.field == "codes.x_unknown"
    assert err.value.line is not None


def test_an_empty_citation_names_file_line_and_field() -> None:
    text = read("reason_codes.toml").replace('cite = "45 CFR 164.508(b)(4)"', 'cite = ""')
    with pytest.raises(DataFileError) as err:
        reason_codes.parse(text)
    assert err.value.field == "codes.conditioned_authorization.cite"
    lines = text.splitlines()
    assert lines[err.value.line - 1] == 'cite = ""'  # type: ignore[operator]


def test_unknown_gate_rule_in_matrix_is_rejected_with_its_line() -> None:
    text = read("matrix.toml").replace('psychotherapy_notes = "hhs_compliance"',
                                       'psychotherapy_notes = "hhs_complaince"')
    with pytest.raises(DataFileError) as err:
        matrix.parse(text)
    assert err.value.field == "bases.compliance_investigation.psychotherapy_notes"
    assert "hhs_complaince" in err.value.message and err.value.line


def test_state_overlay_with_unknown_key_is_rejected() -> None:
    text = read("state_overlays.toml").replace("[TX.serious_threat]", "[TX.serious_threats]")
    with pytest.raises(DataFileError) as err:
        state_overlays.parse(text)
    assert err.value.field == "TX.serious_threats"


def test_invalid_toml_reports_its_line() -> None:
    with pytest.raises(DataFileError) as err:
        matrix.parse("[categories]\ngeneral = [\n\"a\" \"b\"]\n")
    assert err.value.line is not None
