"""A request as the rules see it: the parsed request plus what every step needs to know.

Derived answers ("is this a directed copy?", "is the requester the originator?") are
computed once here, named in the digest's words, so each step reads like the digest and
no two steps can answer the same question differently.
"""

from __future__ import annotations

from dataclasses import dataclass

from notewright.disclosure import authorization as auth_checks
from notewright.disclosure.facts import Facts
from notewright.disclosure.matrix import BasisRule, Matrix
from notewright.disclosure.reason_codes import ReasonCodes
from notewright.disclosure.request import Request
from notewright.disclosure.state_overlays import Overlay

# legal_process values that are judicial (a judge signed or issued them): required by law
# for psychotherapy notes when they name them (digest A2). A bare subpoena is not.
JUDICIAL_PROCESS = frozenset({
    "court_ordered_warrant", "warrant", "search_warrant", "court_order", "grand_jury_subpoena",
    "subpoena_issued_by_judicial_officer", "judicial_subpoena", "summons_issued_by_judge",
})
NON_JUDICIAL_SUBPOENA = frozenset({"subpoena", "attorney_subpoena", "administrative_subpoena",
                                   "clerk_issued_subpoena"})
PAPER_FORMATS = ("paper", "non_ehr", "non-ehr", "fax", "print")


@dataclass(frozen=True, slots=True)
class Case:
    request: Request
    facts: Facts
    rule: BasisRule
    matrix: Matrix
    codes: ReasonCodes
    overlay: Overlay | None
    auth_defects: tuple[auth_checks.Defect, ...]
    auth_invalid: auth_checks.Defect | None
    pn_authorized: bool  # a valid stand-alone authorization names psychotherapy notes
    directed_copy: bool | None  # None: not a directed-copy request; else whether it is valid
    originator: bool
    same_practice: bool
    own_training_program: bool
    identify_route: bool  # 164.512(j)(1)(ii): identifying or apprehending a person
    threat_criteria_met: bool  # 164.512(j)(1)(i)
    judicial_process: bool
    scope: tuple[str, ...] | None  # what the order/process expressly names, if stated


def _directed_copy(request: Request) -> bool | None:
    """164.524(c)(3)(ii): a written, signed request naming the recipient and where to send,
    for an electronic copy (after Ciox only electronic copies of EHR content qualify)."""
    directed = request.facts.directed()
    if directed is None or request.basis != "right_of_access":
        return None
    written = directed.get("request_in_writing", request.facts.values.get("request_in_writing"))
    recipient = directed.get("recipient")
    fmt = str(directed.get("format") or "").lower()
    return (written is True and directed.get("signed_by_individual") is True
            and directed.get("identifies_where_to_send") is True
            and isinstance(recipient, str) and bool(recipient.strip())
            and not any(p in fmt for p in PAPER_FORMATS))


def build(request: Request, matrix: Matrix, codes: ReasonCodes,
          overlays: dict[str, Overlay]) -> Case:
    facts = request.facts
    overlay = overlays.get(request.state) if request.state else None
    defects: tuple[auth_checks.Defect, ...] = ()
    invalid = None
    pn_authorized = False
    if request.authorization is not None:
        defects = tuple(auth_checks.defects(
            request.authorization, date=request.date, requester=request.requester,
            requested=request.requested, facts=facts, overlay=overlay, codes=codes))
        invalid = auth_checks.first_invalidity(list(defects))
        pn_authorized = (invalid is None
                         and auth_checks.psychotherapy_note_scope(request.authorization))
    originator = (request.requester == "originating_therapist" and not facts.false("is_originator")
                  ) or facts.true("is_originator")
    purpose = facts.text("purpose")
    identify = purpose == "identify_or_apprehend" or facts.true("admission_of_violent_crime")
    legal_process = facts.text("legal_process")
    judicial = ((legal_process in JUDICIAL_PROCESS and not facts.false("order_signed_by_judge"))
                or (legal_process is None and facts.true("order_signed_by_judge")))
    scope = facts.names("order_scope")
    if scope is None:
        scope = facts.names("process_names")
    return Case(
        request=request, facts=facts, rule=matrix.bases[request.basis], matrix=matrix,
        codes=codes, overlay=overlay, auth_defects=defects, auth_invalid=invalid,
        pn_authorized=pn_authorized, directed_copy=_directed_copy(request),
        originator=originator,
        same_practice=facts.true("same_covered_entity"),
        own_training_program=(request.requester == "training_program"
                              and facts.true("covered_entity_own_program")
                              and not facts.false("supervised")
                              and not facts.false("mental_health_training")),
        identify_route=identify,
        threat_criteria_met=(facts.true("threat_serious_and_imminent")
                             and (facts.true("recipient_reasonably_able_to_prevent_or_lessen")
                                  or (facts.true("recipient_is_target") and not facts.false(
                                      "recipient_reasonably_able_to_prevent_or_lessen")))),
        judicial_process=judicial,
        scope=scope,
    )
