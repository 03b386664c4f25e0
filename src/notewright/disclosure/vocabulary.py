"""The words of the disclosure contract (shared/disclosure-contract.md), in one place.

These enums are the contract itself, so they live in code, not in an editable data file:
changing one changes the JSON every caller relies on. Each tuple keeps the contract's order,
which is also the order error messages list the allowed values in.
"""

from __future__ import annotations

REQUESTERS: tuple[str, ...] = (
    "client", "personal_representative", "other_provider", "payer", "attorney", "court",
    "law_enforcement", "hhs", "coroner", "researcher", "family_member",
    "originating_therapist", "training_program",
)

BASES: tuple[str, ...] = (
    "right_of_access", "authorization", "treatment", "payment", "operations", "court_order",
    "subpoena", "required_by_law", "serious_threat", "health_oversight",
    "defend_legal_action", "compliance_investigation",
)

CATEGORIES: tuple[str, ...] = (
    "progress_notes", "psychotherapy_notes", "treatment_plan", "diagnosis", "billing",
    "assessments", "intake", "correspondence", "sud_records",
)

PSYCHOTHERAPY_NOTES = "psychotherapy_notes"
SUD_RECORDS = "sud_records"

# The reason codes of the contract, in the contract's order. reason_codes.toml must hold
# exactly these (checked on load), each with its citation and plain-language line.
REASON_CODES: tuple[str, ...] = (
    "excluded_from_right_of_access",
    "reviewable_denial_endangerment",
    "reviewable_denial_harm_by_representative",
    "not_personal_representative",
    "psychotherapy_notes_need_specific_authorization",
    "not_originator",
    "not_own_training_program",
    "legal_action_not_brought_by_individual",
    "oversight_not_of_originator",
    "subpoena_insufficient_for_psychotherapy_notes",
    "authorization_missing",
    "authorization_expired",
    "authorization_revoked",
    "authorization_missing_core_element",
    "authorization_missing_required_statement",
    "authorization_known_false",
    "authorization_postdated",
    "compound_authorization",
    "conditioned_authorization",
    "not_covered_by_authorization",
    "recipient_not_named_in_authorization",
    "subpoena_without_assurance",
    "beyond_scope_of_order",
    "threat_criteria_not_met",
    "admission_learned_in_therapy",
    "no_permitting_basis",
    "part2_consent_required",
    "part2_court_order_required",
    "state_law_requires_court_order",
    "state_law_minor_access_restricted",
    "state_law_authorization_defect",
    "state_law_parent_authorization_invalid",
    "state_law_written_request_required",
    "state_law_disclosure_not_permitted",
)

# Steps of the decision procedure (digest §2), in precedence order. A refusal records the
# step that produced it, so a reviewer can see which rule fired.
STEPS: tuple[str, ...] = (
    "standing", "state_bar", "authorization", "part2", "psychotherapy_notes", "basis",
    "coverage",
)
