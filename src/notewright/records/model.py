"""The record's nouns: frozen dataclasses, no behaviour beyond small derived properties.

Times are timezone-aware datetimes; session dates and clock times are the practice's
local wall-clock values, combined with the practice's time zone when needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    CLINICIAN = "clinician"
    SUPERVISOR = "supervisor"
    BILLER = "biller"
    FRONT_DESK = "front_desk"
    PRACTICE_ADMIN = "practice_admin"


class NoteStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    AMENDED = "amended"  # superseded by a newer signed version; kept and visible


class Modality(StrEnum):
    INDIVIDUAL = "individual"
    COUPLE = "couple"
    FAMILY = "family"
    GROUP = "group"


@dataclass(frozen=True)
class Practice:
    name: str
    state: str
    is_part2_program: bool = False
    requires_cosignature: bool = False
    timezone: str = "UTC"


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    roles: frozenset[Role]
    supervisor_of: frozenset[str] = frozenset()  # user ids of supervisees
    active: bool = True

    def has(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class PersonalRepresentative:
    name: str
    relationship: str  # e.g. "parent", "guardian", "executor"
    authority: str = ""  # e.g. "custodial parent", "court-appointed guardian"


@dataclass(frozen=True)
class Client:
    id: str
    given_name: str
    family_name: str
    date_of_birth: date
    state: str
    personal_representatives: tuple[PersonalRepresentative, ...] = ()

    def age_on(self, day: date) -> int:
        years = day.year - self.date_of_birth.year
        before_birthday = (day.month, day.day) < (self.date_of_birth.month,
                                                  self.date_of_birth.day)
        return years - int(before_birthday)


@dataclass(frozen=True)
class CareTeam:
    """Which clinicians may see which client: the basis of "own client"."""

    client_id: str
    member_ids: frozenset[str]


@dataclass(frozen=True)
class Objective:
    text: str
    measure: str  # how progress is measured, e.g. "PHQ-9 below 10"
    target_date: date


@dataclass(frozen=True)
class Goal:
    text: str
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class Problem:
    text: str
    goals: tuple[Goal, ...]


@dataclass(frozen=True)
class TreatmentPlan:
    id: str
    client_id: str
    problems: tuple[Problem, ...]
    created_by: str
    created_at: datetime
    version: int = 1


@dataclass(frozen=True)
class Session:
    id: str
    client_id: str
    clinician_id: str
    date: date
    start_time: time
    end_time: time
    modality: Modality
    cpt_code: str
    place_of_service: str  # CMS POS code: "11" office, "02"/"10" telehealth
    telehealth: bool = False

    def ends_at(self, tz: tzinfo) -> datetime:
        end = datetime.combine(self.date, self.end_time, tzinfo=tz)
        # A session that runs past midnight ends on the next day.
        if self.end_time <= self.start_time:
            end += timedelta(days=1)
        return end


@dataclass(frozen=True)
class ProgressNote:
    """One version of a progress note. `content` is the drafting engine's JSON (sections,
    statements and their provenance sources), kept as given."""

    id: str
    client_id: str
    session_id: str
    author_id: str
    format: str
    content: dict[str, Any]
    status: NoteStatus
    version: int
    created_at: datetime
    updated_at: datetime
    content_hash: str | None = None
    signed_by: str | None = None
    signed_at: datetime | None = None
    late_entry: bool = False
    cosignature_required: bool = False
    cosigned_by: str | None = None
    cosigned_at: datetime | None = None
    amends_id: str | None = None  # the version this one corrects
    amendment_reason: str | None = None
    superseded_by: str | None = None


@dataclass(frozen=True)
class Addendum:
    id: str
    note_id: str
    author_id: str
    text: str
    created_at: datetime
    content_hash: str


@dataclass(frozen=True)
class PsychotherapyNote:
    """Kept in the separate vault; never part of the designated record set (PN-1, PN-4)."""

    id: str
    client_id: str
    author_id: str
    text: str
    created_at: datetime
    updated_at: datetime
    session_id: str | None = None
    version: int = 1


@dataclass(frozen=True)
class Authorization:
    """A signed authorization: `terms` has the shape of the disclosure contract's
    `authorization` object; `attachment` references the scanned signed document."""

    id: str
    client_id: str
    terms: dict[str, Any]
    recorded_by: str
    recorded_at: datetime
    attachment_ref: str | None = None
    attachment_sha256: str | None = None


@dataclass(frozen=True)
class Revocation:
    id: str
    authorization_id: str
    received_on: date
    in_writing: bool
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class BreakGlass:
    """Emergency access to one client's ordinary record, time-boxed and flagged."""

    id: str
    user_id: str
    client_id: str
    reason: str
    opened_at: datetime
    expires_at: datetime

    def active_at(self, now: datetime) -> bool:
        return self.opened_at <= now < self.expires_at


@dataclass(frozen=True)
class NoteSummary:
    """A progress note without its body: what lists and the chart index need. Opening the
    chart never decrypts a note; reading one is its own, audited, step."""

    id: str
    client_id: str
    session_id: str
    author_id: str
    status: NoteStatus
    version: int
    created_at: datetime
    updated_at: datetime
    signed_at: datetime | None
    format: str = ""
    signed_by: str | None = None
    late_entry: bool = False
    cosignature_required: bool = False
    cosigned_by: str | None = None
    amends_id: str | None = None
    superseded_by: str | None = None


@dataclass(frozen=True)
class Chart:
    """What opening a client's chart returns: metadata and the notes the reader may see,
    as summaries (no note bodies)."""

    client: Client
    sessions: tuple[Session, ...]
    notes: tuple[NoteSummary, ...]
    addenda: tuple[Addendum, ...] = ()
    plans: tuple[TreatmentPlan, ...] = ()
    authorizations: tuple[Authorization, ...] = ()
    revocations: tuple[Revocation, ...] = field(default=())
