"""The request's `facts`: judgment inputs the other fields cannot express (contract table).

An absent key means false/null. A few rules need to tell "not said" from "said no" (for
example the (g)(5) opt-out needs the clinician's judgment, which a request may leave
unstated), so `Facts` keeps the raw values and offers both `true(key)` and `false(key)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# key -> kind. Kinds: bool, int, str, date, categories (list of category names),
# object (directed_to_third_party), or a tuple of allowed strings (an enum).
FACT_KINDS: dict[str, str | tuple[str, ...]] = {
    "access_mode": "str",
    "action_brought_by_individual": "bool",
    "admission_learned_in_counseling_or_therapy": "bool",
    "admission_of_violent_crime": "bool",
    "agency": "str",
    "assurance_type": ("notice_to_individual", "qualified_protective_order_requested"),
    "authorization_wording": "str",
    "child_removed_from_parent_custody_by_juvenile_court": "bool",
    "civ_code_56_104_request_received": "bool",
    "client_age": "int",
    "client_deceased": "bool",
    "client_is_adult": "bool",
    "conditioned_on": ("intake_into_treatment", "payment_of_claims"),
    "consent_law": "str",
    "consent_received_date": "date",
    "correspondence_compiled_for_litigation": "bool",
    "covered_entity_own_program": "bool",
    "detail": "str",
    "determination_applies_to": "categories",
    "directed_to_third_party": "object",
    "emergency": "bool",
    "expiration_event_occurred": "bool",
    "extension_notice_sent_within_initial_30_days": "bool",
    "extension_notice_states_reason_and_date": "bool",
    "il_other_required_elements_present": "bool",
    "involved_in_care": "bool",
    "is_originator": "bool",
    "issued_or_ordered_by_court": "bool",
    "judge_order_attached": "bool",
    "juvenile_court_order_authorizing_parent": "bool",
    "known_false_material_information": "bool",
    "law_requiring_disclosure_identified": "bool",
    "legal_process": "str",
    "mental_health_training": "bool",
    "minor_consented_to_own_care": "bool",
    "minor_informed_and_objects": "bool",
    "minor_requested_parent_as_representative": "bool",
    "objection_period_elapsed": "bool",
    "objections_pending": "bool",
    "order_scope": "categories",
    "order_signed_by_judge": "bool",
    "oversight_subject": ("originator", "other_provider"),
    "parent_consented_to_treatment": "bool",
    "part2_consent_on_file": "bool",
    "part2_court_order": "bool",
    "part2_tpo_consent": "bool",
    "patient_authorization_attached": "bool",
    "payer_is_covered_entity": "bool",
    "plaintiff": "str",
    "process_names": "categories",
    "professional_determination": (
        "access_by_representative_likely_to_cause_substantial_harm",
        "endanger_life_or_physical_safety",
        "harmful_to_emotional_health_only",
    ),
    "professional_judgment_not_in_best_interest": "bool",
    "purpose": "str",
    "reasonable_belief_abuse_neglect_or_endangerment_by_requester": "bool",
    "recipient_agency": "str",
    "recipient_is_target": "bool",
    "recipient_reasonably_able_to_prevent_or_lessen": "bool",
    "recipient_role": "str",
    "relationship": "str",
    "report_required_by_state_law": "bool",
    "representative_type": "str",
    "request_in_writing": "bool",
    "requester_matches_authorized_recipient": "bool",
    "revocation_in_writing": "bool",
    "revocation_received": "date",
    "same_covered_entity": "bool",
    "signature_witnessed": "bool",
    "signed_by": "str",
    "sud_records_subject_to_part2": "bool",
    "supervised": "bool",
    "therapist_initiated": "bool",
    "threat_serious_and_imminent": "bool",
    "years_since_death": "int",
}

# directed_to_third_party: {recipient, request_in_writing, signed_by_individual,
# identifies_where_to_send, format}
DIRECTED_KINDS: dict[str, str] = {
    "recipient": "str",
    "request_in_writing": "bool",
    "signed_by_individual": "bool",
    "identifies_where_to_send": "bool",
    "format": "str",
}


@dataclass(frozen=True, slots=True)
class Facts:
    """Validated facts. Values are already of the kind FACT_KINDS says."""

    values: Mapping[str, object] = field(default_factory=dict)

    def true(self, key: str) -> bool:
        """The fact was given and is true."""
        return self.values.get(key) is True

    def false(self, key: str) -> bool:
        """The fact was given and is explicitly false (not merely absent)."""
        return self.values.get(key) is False

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        return value if isinstance(value, str) else None

    def number(self, key: str) -> int | None:
        value = self.values.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def names(self, key: str) -> tuple[str, ...] | None:
        """A list fact (order_scope, process_names, determination_applies_to), or None."""
        value = self.values.get(key)
        return value if isinstance(value, tuple) else None

    def directed(self) -> Mapping[str, object] | None:
        value = self.values.get("directed_to_third_party")
        return value if isinstance(value, Mapping) else None
