"""Records requests: the request as received, its lifecycle and its clock.

PURE: values and functions of values; "today" always comes in as an argument.

    received -> decided -> confirmed | overridden -> packet_built -> sent

A decision the clinician has not confirmed or overridden releases nothing. A request
whose reviewed decision refuses everything still gets a packet: the written denial
(the cover letter), which must go out on time like any release. The clock: 30 days for
access (164.524(b)(2)), 60 for amendment (164.526(b)(2)) and for an accounting
(164.528(c)), each extendable once by 30 days with a written notice sent before the
first deadline passes. A disclosure under another basis runs on the engine's
`deadline_days` when the rules set one, else it has no due date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from notewright.errors import IllegalTransition, InvalidInput


class RequestStatus(StrEnum):
    RECEIVED = "received"
    DECIDED = "decided"
    CONFIRMED = "confirmed"
    OVERRIDDEN = "overridden"
    PACKET_BUILT = "packet_built"
    SENT = "sent"


class RequestKind(StrEnum):
    ACCESS = "access"  # the client's (or representative's) own right of access, 164.524
    DISCLOSURE = "disclosure"  # anyone else, under any other basis


class PacketFormat(StrEnum):
    PDF = "pdf"
    FHIR = "fhir"
    BOTH = "both"


# Base clock and the single extension, in calendar days, with the citation.
CLOCKS: dict[str, tuple[int, int, str]] = {
    "access": (30, 30, "45 CFR 164.524(b)(2)"),
    "amendment": (60, 30, "45 CFR 164.526(b)(2)"),
    "accounting": (60, 30, "45 CFR 164.528(c)(1)"),
}

OPEN = frozenset({RequestStatus.RECEIVED, RequestStatus.DECIDED, RequestStatus.CONFIRMED,
                  RequestStatus.OVERRIDDEN, RequestStatus.PACKET_BUILT})

_NEXT: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.RECEIVED: frozenset({RequestStatus.DECIDED}),
    RequestStatus.DECIDED: frozenset({RequestStatus.DECIDED, RequestStatus.CONFIRMED,
                                      RequestStatus.OVERRIDDEN}),
    RequestStatus.CONFIRMED: frozenset({RequestStatus.PACKET_BUILT}),
    RequestStatus.OVERRIDDEN: frozenset({RequestStatus.PACKET_BUILT}),
    RequestStatus.PACKET_BUILT: frozenset({RequestStatus.PACKET_BUILT, RequestStatus.SENT}),
    RequestStatus.SENT: frozenset(),
}


@dataclass(frozen=True)
class Extension:
    """The one extension: notice sent (in writing, with reasons and the new date)."""

    notice_sent_on: date
    reason: str
    new_due_on: date


@dataclass(frozen=True)
class RecordsRequest:
    """A records request as received. `authorization_id` points at the stored
    authorization (contract terms + scanned document); `facts` are the contract's
    judgment inputs; `date_from`/`date_to` bound the documents asked for."""

    id: str
    client_id: str
    requester: str  # the contract's requester vocabulary
    requester_name: str  # who exactly, as the cover letter and accounting name them
    basis: str
    categories: tuple[str, ...]
    received_on: date
    state: str | None
    status: RequestStatus
    created_by: str
    created_at: datetime
    authorization_id: str | None = None
    attachment_ref: str | None = None
    attachment_sha256: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    has_satisfactory_assurance: bool = False
    client_is_minor: bool = False
    date_from: date | None = None
    date_to: date | None = None
    format: PacketFormat = PacketFormat.PDF
    recipient_address: str = ""
    extension: Extension | None = None

    @property
    def kind(self) -> RequestKind:
        return RequestKind.ACCESS if self.basis == "right_of_access" else RequestKind.DISCLOSURE

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


def new_request(*, id: str, client_id: str, requester: str, requester_name: str,
                basis: str, categories: list[str] | tuple[str, ...], received_on: date,
                today: date, created_by: str, created_at: datetime,
                **optional: Any) -> RecordsRequest:
    """A received request; checks what the engine cannot (dates, the name, a range)."""
    if not requester_name.strip():
        raise InvalidInput("say who is asking (a person or an office)", field="requester_name")
    if not categories:
        raise InvalidInput("name at least one record category", field="categories")
    if len(set(categories)) != len(categories):
        raise InvalidInput("a category is listed twice", field="categories")
    if received_on > today:
        raise InvalidInput("is in the future", field="received_on")
    start, end = optional.get("date_from"), optional.get("date_to")
    if start is not None and end is not None and start > end:
        raise InvalidInput("the range starts after it ends", field="date_from")
    fmt = optional.pop("format", PacketFormat.PDF)
    try:
        fmt = PacketFormat(fmt)
    except ValueError:
        raise InvalidInput(f"unknown format {fmt!r}", field="format",
                           allowed=[f.value for f in PacketFormat]) from None
    return RecordsRequest(id=id, client_id=client_id, requester=requester,
                          requester_name=requester_name.strip(), basis=basis,
                          categories=tuple(categories), received_on=received_on,
                          status=RequestStatus.RECEIVED, created_by=created_by,
                          created_at=created_at, format=fmt, **optional)


def advance(request: RecordsRequest, to: RequestStatus) -> RecordsRequest:
    """The next lifecycle state, or IllegalTransition naming both states."""
    if to not in _NEXT[request.status]:
        raise IllegalTransition(
            f"records request {request.id} is {request.status.value}; it cannot become "
            f"{to.value}" + (" (a sent packet is final)" if request.status is
                             RequestStatus.SENT else ""))
    return replace(request, status=to)


def engine_request(request: RecordsRequest, authorization: dict[str, Any] | None, *,
                   on: date, facts: dict[str, Any] | None = None) -> dict[str, Any]:
    """The disclosure contract's request dict for this records request, decided `on`."""
    return {
        "requester": request.requester, "basis": request.basis,
        "authorization": authorization, "requested": list(request.categories),
        "date": on.isoformat(), "has_satisfactory_assurance":
            request.has_satisfactory_assurance,
        "state": request.state, "client_is_minor": request.client_is_minor,
        "facts": dict(request.facts if facts is None else facts),
    }


# --- the clock ------------------------------------------------------------------

def clock_for(request: RecordsRequest) -> str | None:
    return "access" if request.kind is RequestKind.ACCESS else None


def due_on(received_on: date, clock: str | None, *, deadline_days: int | None = None,
           extension: Extension | None = None) -> date | None:
    """The date by which to act. `deadline_days` (the engine's, which carries stricter
    state clocks) wins over the base clock when shorter; an extension replaces it."""
    if extension is not None:
        return extension.new_due_on
    days: int | None = None
    if clock is not None:
        days = CLOCKS[clock][0]
    if deadline_days is not None:
        days = deadline_days if days is None else min(days, deadline_days)
    return None if days is None else received_on + timedelta(days=days)


def extend(received_on: date, clock: str | None, current_due: date | None, *,
           previous: Extension | None, notice_sent_on: date, reason: str) -> Extension:
    """The one extension allowed: written notice with reasons, sent before the first
    deadline passes, adds the clock's extension days to the base deadline."""
    if clock is None:
        raise IllegalTransition("only access, amendment and accounting requests have an "
                                "extension")
    base, extra, cite = CLOCKS[clock]
    if previous is not None:
        raise IllegalTransition(f"the deadline was already extended once ({cite} allows one "
                                "extension)")
    if not reason.strip():
        raise InvalidInput("the written notice must state the reasons for the delay",
                           field="reason")
    first_due = received_on + timedelta(days=base)
    if current_due is not None and current_due < first_due:
        raise IllegalTransition("a stricter state clock applies to this request and allows "
                                "no extension")
    if notice_sent_on > first_due:
        raise IllegalTransition(f"the extension notice must be sent by {first_due.isoformat()} "
                                f"(within the first {base} days, {cite})")
    if notice_sent_on < received_on:
        raise InvalidInput("the notice cannot predate the request", field="notice_sent_on")
    return Extension(notice_sent_on=notice_sent_on, reason=reason.strip(),
                     new_due_on=first_due + timedelta(days=extra))


@dataclass(frozen=True)
class DueItem:
    """One open request on the deadline list (no names: ids, kind, dates)."""

    request_id: str
    client_id: str
    kind: str  # access, disclosure, amendment, accounting
    status: str
    received_on: date
    due_on: date | None
    extended: bool

    def days_left(self, today: date) -> int | None:
        return None if self.due_on is None else (self.due_on - today).days

    def overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today


def order_due(items: list[DueItem], today: date) -> list[DueItem]:
    """Overdue first (most overdue first), then by due date; no due date last."""
    return sorted(items, key=lambda i: (not i.overdue(today), i.due_on is None,
                                        i.due_on or date.max, i.received_on, i.request_id))
