"""What goes into a release packet: plain values, and the one function that selects
documents by the reviewed decision. No I/O; pdf.py and fhir.py render these values.

`assemble` is the last gate before rendering: whatever the caller loaded, a document
whose category the decision did not release is dropped here. Psychotherapy notes enter
only when `psychotherapy_notes` is released, and then in their own section.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

PART2_NOTICE = (
    "42 CFR Part 2 prohibition on redisclosure. This record, which has been disclosed to "
    "you, is protected by federal confidentiality rules (42 CFR part 2). These rules "
    "prohibit you from using or disclosing this record, or testimony that describes the "
    "information contained in this record, in any civil, criminal, administrative, or "
    "legislative proceedings against the patient, unless authorized by the consent of the "
    "patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in "
    "accordance with 42 CFR 2.64 or 2.65. In addition, the federal rules prohibit you from "
    "making any other use or disclosure of this record unless at least one of the "
    "following applies: further use or disclosure is expressly permitted by the written "
    "consent of the patient whose record is being disclosed, or is otherwise permitted by "
    "42 CFR part 2. A general authorization for the release of medical or other "
    "information is NOT sufficient to meet the required elements of written consent to "
    "further use or redisclose the record (see 42 CFR 2.31).")

# Categories notewright keeps as separate documents; the others are reported as
# "not held in this record system" when released.
HELD = ("progress_notes", "treatment_plan", "billing", "psychotherapy_notes")


@dataclass(frozen=True)
class AmendmentPaper:
    """An amendment request's papers that travel with the note (164.526(c), (d)(4)-(5))."""

    id: str
    status: str  # accepted or denied
    requested_change: str
    decided_on: date | None
    amendment_text: str | None = None
    denial_text: str | None = None
    disagreement: str | None = None
    rebuttal: str | None = None


@dataclass(frozen=True)
class NoteDoc:
    id: str
    session_date: date
    author: str
    format: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    signed_by: str | None
    signed_at: datetime | None
    cosigned_by: str | None = None
    cosigned_at: datetime | None = None
    amendment_reason: str | None = None  # this version corrects an earlier one
    addenda: tuple[tuple[str, str, datetime, str], ...] = ()  # (id, author, at, text)
    amendments: tuple[AmendmentPaper, ...] = ()
    cpt_code: str = ""


@dataclass(frozen=True)
class PlanDoc:
    id: str
    version: int
    created_at: datetime
    author: str
    problems: tuple[tuple[str, tuple[str, ...]], ...]  # (problem, goal lines)


@dataclass(frozen=True)
class BillingRow:
    session_id: str
    date: date
    cpt_code: str
    place_of_service: str
    modality: str
    telehealth: bool


@dataclass(frozen=True)
class PsychotherapyNoteDoc:
    id: str
    written_on: date
    author: str
    text: str


@dataclass(frozen=True)
class Refused:
    category: str
    reason_code: str
    cite: str
    explanation: str


@dataclass(frozen=True)
class PacketContents:
    packet_id: str
    practice_name: str
    client_id: str
    client_name: str
    client_birth_date: date
    request_id: str
    requester_name: str
    recipient_address: str
    basis: str
    received_on: date
    built_on: date
    rule_version: str
    review: str  # "confirmed" or "overridden"
    requested: tuple[str, ...]
    released: tuple[str, ...]
    refused: tuple[Refused, ...]
    date_from: date | None = None
    date_to: date | None = None
    authorization: dict[str, object] | None = None
    authorization_id: str | None = None
    notes: tuple[NoteDoc, ...] = ()
    plans: tuple[PlanDoc, ...] = ()
    billing: tuple[BillingRow, ...] = ()
    psychotherapy_notes: tuple[PsychotherapyNoteDoc, ...] = field(default=())

    @property
    def part2_notice(self) -> bool:
        return "sud_records" in self.released

    @property
    def not_held(self) -> tuple[str, ...]:
        return tuple(c for c in self.released if c not in HELD)

    def contents(self) -> tuple[str, ...]:
        """The contents list kept with the packet: "kind:id", never text."""
        out = ["cover_letter"]
        for n in self.notes:
            out.append(f"progress_note:{n.id}")
            out.extend(f"addendum:{a[0]}" for a in n.addenda)
            out.extend(f"amendment_request:{a.id}" for a in n.amendments)
        out.extend(f"treatment_plan:{p.id}" for p in self.plans)
        out.extend(f"billing:{b.session_id}" for b in self.billing)
        out.extend(f"psychotherapy_note:{p.id}" for p in self.psychotherapy_notes)
        if self.part2_notice:
            out.append("part2_notice")
        return tuple(out)


def in_range(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def assemble(base: PacketContents, *, released: Sequence[str],
             notes: Iterable[NoteDoc] = (), plans: Iterable[PlanDoc] = (),
             billing: Iterable[BillingRow] = (),
             psychotherapy_notes: Iterable[PsychotherapyNoteDoc] = ()) -> PacketContents:
    """Exactly the documents the decision released, in the date range asked."""
    rel = set(released)
    start, end = base.date_from, base.date_to
    return replace(
        base, released=tuple(released),
        notes=tuple(sorted((n for n in notes if in_range(n.session_date, start, end)),
                           key=lambda n: (n.session_date, n.id)))
        if "progress_notes" in rel else (),
        plans=tuple(plans) if "treatment_plan" in rel else (),
        billing=tuple(sorted((b for b in billing if in_range(b.date, start, end)),
                             key=lambda b: (b.date, b.session_id)))
        if "billing" in rel else (),
        psychotherapy_notes=tuple(sorted(
            (p for p in psychotherapy_notes if in_range(p.written_on, start, end)),
            key=lambda p: (p.written_on, p.id)))
        if "psychotherapy_notes" in rel else ())
