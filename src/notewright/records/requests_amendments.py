"""A client's request to amend their record (164.526). PURE.

    received -> accepted            (amendment linked to the note; notices to those named)
             -> denied              (written basis) -> disagreement filed -> rebuttal

Nothing is overwritten: an accepted amendment is linked to the note and travels with
it; a denial, the client's statement of disagreement and the practice's rebuttal are
linked to the note too and go with every later disclosure of it (164.526(d)(4)-(5)).
Psychotherapy notes are not amendable through this right: they are outside the right
of access, 164.526(a)(2)(iii).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from notewright.errors import IllegalTransition, InvalidInput
from notewright.records.requests import CLOCKS, Extension


class AmendmentStatus(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    DENIED = "denied"


class DenialBasis(StrEnum):
    """164.526(a)(2): the only grounds to deny."""

    NOT_CREATED_BY_PRACTICE = "not_created_by_practice"
    NOT_IN_DESIGNATED_RECORD_SET = "not_in_designated_record_set"
    NOT_AVAILABLE_FOR_INSPECTION = "not_available_for_inspection"
    ACCURATE_AND_COMPLETE = "accurate_and_complete"


DENIAL_WORDS = {
    DenialBasis.NOT_CREATED_BY_PRACTICE: "the information was not created by this practice "
    "(45 CFR 164.526(a)(2)(i))",
    DenialBasis.NOT_IN_DESIGNATED_RECORD_SET: "the information is not part of the "
    "designated record set (45 CFR 164.526(a)(2)(ii))",
    DenialBasis.NOT_AVAILABLE_FOR_INSPECTION: "the information is not available for "
    "inspection under 45 CFR 164.524 (45 CFR 164.526(a)(2)(iii))",
    DenialBasis.ACCURATE_AND_COMPLETE: "the information is accurate and complete "
    "(45 CFR 164.526(a)(2)(iv))",
}
MIN_TEXT = 12


@dataclass(frozen=True)
class AmendmentRequest:
    id: str
    client_id: str
    note_id: str  # the progress note the client wants amended
    requested_change: str
    client_reason: str
    received_on: date
    status: AmendmentStatus
    created_by: str
    created_at: datetime
    extension: Extension | None = None
    decided_by: str | None = None
    decided_on: date | None = None
    amendment_text: str | None = None  # accepted: the text linked to the note
    notify: tuple[str, ...] = ()  # accepted: whom the client named, plus known holders
    denial_basis: DenialBasis | None = None
    denial_text: str | None = None
    disagreement: str | None = None  # the client's statement of disagreement
    rebuttal: str | None = None  # the practice's rebuttal (copied to the client)
    include_with_disclosures: bool = False  # no disagreement, but the client asked

    @property
    def due_on(self) -> date:
        if self.extension is not None:
            return self.extension.new_due_on
        return self.received_on + timedelta(days=CLOCKS["amendment"][0])

    @property
    def travels_with_note(self) -> bool:
        """Whether later disclosures of the note must carry this request's papers."""
        return (self.status is AmendmentStatus.ACCEPTED
                or (self.status is AmendmentStatus.DENIED
                    and (self.disagreement is not None or self.include_with_disclosures)))


def _text(value: str, field: str) -> str:
    text = value.strip()
    if len(text) < MIN_TEXT:
        raise InvalidInput(f"must be written out (at least {MIN_TEXT} characters)",
                           field=field)
    return text


def new_amendment_request(*, id: str, client_id: str, note_id: str, requested_change: str,
                          client_reason: str, received_on: date, today: date,
                          created_by: str, created_at: datetime) -> AmendmentRequest:
    if received_on > today:
        raise InvalidInput("is in the future", field="received_on")
    return AmendmentRequest(id=id, client_id=client_id, note_id=note_id,
                            requested_change=_text(requested_change, "requested_change"),
                            client_reason=client_reason.strip(), received_on=received_on,
                            status=AmendmentStatus.RECEIVED, created_by=created_by,
                            created_at=created_at)


def _open(req: AmendmentRequest) -> None:
    if req.status is not AmendmentStatus.RECEIVED:
        raise IllegalTransition(f"amendment request {req.id} was already "
                                f"{req.status.value}")


def accept(req: AmendmentRequest, *, by: str, on: date, amendment_text: str,
           notify: list[str] | tuple[str, ...]) -> AmendmentRequest:
    _open(req)
    return replace(req, status=AmendmentStatus.ACCEPTED, decided_by=by, decided_on=on,
                   amendment_text=_text(amendment_text, "amendment_text"),
                   notify=tuple(n.strip() for n in notify if n.strip()))


def deny(req: AmendmentRequest, *, by: str, on: date, basis: DenialBasis | str,
         explanation: str) -> AmendmentRequest:
    _open(req)
    try:
        basis = DenialBasis(basis)
    except ValueError:
        raise InvalidInput(f"unknown basis {basis!r}", field="basis",
                           allowed=[b.value for b in DenialBasis]) from None
    return replace(req, status=AmendmentStatus.DENIED, decided_by=by, decided_on=on,
                   denial_basis=basis, denial_text=_text(explanation, "explanation"))


def file_disagreement(req: AmendmentRequest, statement: str) -> AmendmentRequest:
    if req.status is not AmendmentStatus.DENIED:
        raise IllegalTransition("a statement of disagreement answers a denial")
    if req.disagreement is not None:
        raise IllegalTransition("a statement of disagreement is already on file")
    return replace(req, disagreement=_text(statement, "statement"))


def add_rebuttal(req: AmendmentRequest, rebuttal: str) -> AmendmentRequest:
    if req.disagreement is None:
        raise IllegalTransition("a rebuttal answers the client's statement of disagreement")
    if req.rebuttal is not None:
        raise IllegalTransition("a rebuttal is already on file")
    return replace(req, rebuttal=_text(rebuttal, "rebuttal"))


def ask_to_include(req: AmendmentRequest) -> AmendmentRequest:
    """No statement of disagreement, but the client asks that the request and the denial
    go with future disclosures (164.526(d)(1)(iii))."""
    if req.status is not AmendmentStatus.DENIED:
        raise IllegalTransition("only a denied request can be included with disclosures")
    return replace(req, include_with_disclosures=True)
