"""The clinical record's tables (the designated record set plus users and the audit log).

Note bodies, treatment plans, addenda and authorization terms are AES-256-GCM
ciphertexts (`body` + `key_id`); what queries need (ids, dates, status) stays in clear.
Psychotherapy notes are NOT here: see vault_tables.py, a separate MetaData and database.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
)

from notewright.storage.column_types import UTCDateTime

ID = 32  # uuid4 hex

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

practice = Table(
    "practice", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("name", String(200), nullable=False),
    Column("state", String(2), nullable=False),
    Column("is_part2_program", Boolean, nullable=False),
    Column("requires_cosignature", Boolean, nullable=False),
    Column("timezone", String(64), nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", String(ID), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("roles", String(200), nullable=False),  # comma-separated Role values
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

supervision = Table(
    "supervision", metadata,
    Column("supervisor_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("supervisee_id", String(ID), ForeignKey("users.id"), primary_key=True),
)

clients = Table(
    "clients", metadata,
    Column("id", String(ID), primary_key=True),
    Column("given_name", String(100), nullable=False),
    Column("family_name", String(100), nullable=False),
    Column("date_of_birth", Date, nullable=False),
    Column("state", String(2), nullable=False),
    Column("personal_representatives", Text, nullable=False),  # JSON list
    Column("created_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

care_team = Table(
    "care_team", metadata,
    Column("client_id", String(ID), ForeignKey("clients.id"), primary_key=True),
    Column("user_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Index("ix_care_team_user", "user_id"),
)

treatment_plans = Table(
    "treatment_plans", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("created_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

sessions = Table(
    "sessions", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False),
    Column("clinician_id", String(ID), ForeignKey("users.id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("start_time", Time, nullable=False),
    Column("end_time", Time, nullable=False),
    Column("modality", String(20), nullable=False),
    Column("cpt_code", String(10), nullable=False),
    Column("place_of_service", String(4), nullable=False),
    Column("telehealth", Boolean, nullable=False),
    Index("ix_sessions_client_date", "client_id", "date"),
)

progress_notes = Table(
    "progress_notes", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False),
    Column("session_id", String(ID), ForeignKey("sessions.id"), nullable=False),
    Column("author_id", String(ID), ForeignKey("users.id"), nullable=False),
    Column("format", String(32), nullable=False),
    Column("status", String(10), nullable=False),
    Column("version", Integer, nullable=False),
    Column("body", LargeBinary, nullable=False),  # content + amendment reason, encrypted
    Column("key_id", String(32), nullable=False),
    Column("content_hash", String(64)),
    Column("signed_by", String(ID), ForeignKey("users.id")),
    Column("signed_at", UTCDateTime),
    Column("late_entry", Boolean, nullable=False),
    Column("cosignature_required", Boolean, nullable=False),
    Column("cosigned_by", String(ID), ForeignKey("users.id")),
    Column("cosigned_at", UTCDateTime),
    Column("amends_id", String(ID), ForeignKey("progress_notes.id")),
    Column("superseded_by", String(ID)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_progress_notes_client", "client_id", "created_at"),
    Index("ix_progress_notes_author_status", "author_id", "status"),
    Index("ix_progress_notes_session", "session_id"),
)

addenda = Table(
    "addenda", metadata,
    Column("id", String(ID), primary_key=True),
    Column("note_id", String(ID), ForeignKey("progress_notes.id"), nullable=False,
           index=True),
    Column("author_id", String(ID), ForeignKey("users.id"), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

authorizations = Table(
    "authorizations", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False, index=True),
    Column("body", LargeBinary, nullable=False),  # the contract's authorization object
    Column("key_id", String(32), nullable=False),
    Column("attachment_ref", String(500)),
    Column("attachment_sha256", String(64)),
    Column("recorded_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
)

revocations = Table(
    "revocations", metadata,
    Column("id", String(ID), primary_key=True),
    Column("authorization_id", String(ID), ForeignKey("authorizations.id"),
           nullable=False, index=True),
    Column("received_on", Date, nullable=False),
    Column("in_writing", Boolean, nullable=False),
    Column("recorded_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
)

break_glass = Table(
    "break_glass", metadata,
    Column("id", String(ID), primary_key=True),
    Column("user_id", String(ID), ForeignKey("users.id"), nullable=False),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index("ix_break_glass_user_client", "user_id", "client_id"),
)

# Append-only, hash-chained. `audit_head` is the single lock row every writer takes
# first, which keeps the chain linear, and it remembers the newest event so that
# deleting the latest events is detected too.
audit_events = Table(
    "audit_events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor_id", String(ID)),
    Column("actor_role", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("object_type", String(64), nullable=False),
    Column("object_id", String(64)),
    Column("client_id", String(ID)),
    Column("reason", Text),
    Column("flagged", Boolean, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_events_client", "client_id"),
)

audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
)

# --- Records requests (issue 5): intake, decision, review, packet, accounting, amendments.
# Free text, facts and decisions are encrypted (`body`); what the deadline list and the
# accounting report filter on (ids, kinds, statuses, dates) stays in clear.

records_requests = Table(
    "records_requests", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False, index=True),
    Column("requester", String(40), nullable=False),
    Column("basis", String(40), nullable=False),
    Column("status", String(20), nullable=False),
    Column("received_on", Date, nullable=False),
    Column("due_on", Date),
    Column("extended", Boolean, nullable=False),
    Column("authorization_id", String(ID), ForeignKey("authorizations.id")),
    Column("body", LargeBinary, nullable=False),  # the request's details, encrypted JSON
    Column("key_id", String(32), nullable=False),
    Column("created_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_records_requests_status_due", "status", "due_on"),
)

request_decisions = Table(
    "request_decisions", metadata,
    Column("id", String(ID), primary_key=True),
    Column("request_id", String(ID), ForeignKey("records_requests.id"), nullable=False,
           index=True),
    Column("kind", String(12), nullable=False),  # engine, confirmed, overridden
    Column("rule_version", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),  # decision + engine request, encrypted
    Column("key_id", String(32), nullable=False),
    Column("decided_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("decided_at", UTCDateTime, nullable=False),
)

release_packets = Table(
    "release_packets", metadata,
    Column("id", String(ID), primary_key=True),
    Column("request_id", String(ID), ForeignKey("records_requests.id"), nullable=False,
           index=True),
    Column("decision_id", String(ID), ForeignKey("request_decisions.id"), nullable=False),
    Column("contents", Text, nullable=False),  # JSON list of "kind:id" (no text)
    Column("pdf_sha256", String(64)),
    Column("fhir_sha256", String(64)),
    Column("pdf", LargeBinary),  # encrypted
    Column("fhir", LargeBinary),  # encrypted
    Column("key_id", String(32), nullable=False),
    Column("built_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("built_at", UTCDateTime, nullable=False),
    Column("sent_by", String(ID), ForeignKey("users.id")),
    Column("sent_at", UTCDateTime),
    Column("sent_via", String(40)),
)

accounting_entries = Table(
    "accounting_entries", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False, index=True),
    Column("request_id", String(ID), ForeignKey("records_requests.id")),
    Column("packet_id", String(ID), ForeignKey("release_packets.id")),
    Column("disclosed_on", Date, nullable=False),
    Column("body", LargeBinary, nullable=False),  # recipient, description, purpose
    Column("key_id", String(32), nullable=False),
    Column("suspended_until", Date),
    Column("created_at", UTCDateTime, nullable=False),
)

amendment_requests = Table(
    "amendment_requests", metadata,
    Column("id", String(ID), primary_key=True),
    Column("client_id", String(ID), ForeignKey("clients.id"), nullable=False, index=True),
    Column("note_id", String(ID), ForeignKey("progress_notes.id"), nullable=False,
           index=True),
    Column("status", String(12), nullable=False),
    Column("received_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("body", LargeBinary, nullable=False),  # texts, basis, notices, encrypted JSON
    Column("key_id", String(32), nullable=False),
    Column("created_by", String(ID), ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# --- The web app's own state (issue 6): sign-in sessions (only a sha256 of the cookie's
# token), failed sign-ins (lockout), per-user preferences, TOTP secrets (encrypted with
# the record key). No clinical content. Migration r0003.

web_sessions = Table(
    "web_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    Column("reauth_at", Float),
    Column("revoked", Boolean, nullable=False, default=False),
)

web_login_failures = Table(
    "web_login_failures", metadata,
    Column("username", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("locked_until", Float, nullable=False),
)

web_prefs = Table(
    "web_prefs", metadata,
    Column("user_id", String(64), primary_key=True),
    Column("name", String(64), primary_key=True),
    Column("value", String(200), nullable=False),
)

web_totp = Table(
    "web_totp", metadata,
    Column("user_id", String(64), primary_key=True),
    Column("key_id", String(32), nullable=False),
    Column("secret", LargeBinary, nullable=False),
)
