"""Records requests: intake, decisions, reviews, release packets, accounting entries
and amendment requests (issue 5). Times are stored as naive UTC.

Revision ID: r0002
Revises: r0001
Create Date: 2026-11-27 02:50:02.327911
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "records_requests",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("requester", sa.String(length=40), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("authorization_id", sa.String(length=32), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["authorization_id"],
            ["authorizations.id"],
            name=op.f("fk_records_requests_authorization_id_authorizations"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_records_requests_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_records_requests_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records_requests")),
    )
    with op.batch_alter_table("records_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_records_requests_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index("ix_records_requests_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "amendment_requests",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("note_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_amendment_requests_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_amendment_requests_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["progress_notes.id"],
            name=op.f("fk_amendment_requests_note_id_progress_notes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amendment_requests")),
    )
    with op.batch_alter_table("amendment_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_amendment_requests_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_amendment_requests_note_id"), ["note_id"], unique=False
        )

    op.create_table(
        "request_decisions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("request_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("rule_version", sa.String(length=64), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("decided_by", sa.String(length=32), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_request_decisions_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["records_requests.id"],
            name=op.f("fk_request_decisions_request_id_records_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_decisions")),
    )
    with op.batch_alter_table("request_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_request_decisions_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "release_packets",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("request_id", sa.String(length=32), nullable=False),
        sa.Column("decision_id", sa.String(length=32), nullable=False),
        sa.Column("contents", sa.Text(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("fhir_sha256", sa.String(length=64), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("fhir", sa.LargeBinary(), nullable=True),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("built_by", sa.String(length=32), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by", sa.String(length=32), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("sent_via", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["built_by"], ["users.id"], name=op.f("fk_release_packets_built_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["request_decisions.id"],
            name=op.f("fk_release_packets_decision_id_request_decisions"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["records_requests.id"],
            name=op.f("fk_release_packets_request_id_records_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["sent_by"], ["users.id"], name=op.f("fk_release_packets_sent_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_packets")),
    )
    with op.batch_alter_table("release_packets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_release_packets_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "accounting_entries",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("request_id", sa.String(length=32), nullable=True),
        sa.Column("packet_id", sa.String(length=32), nullable=True),
        sa.Column("disclosed_on", sa.Date(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("suspended_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_accounting_entries_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["release_packets.id"],
            name=op.f("fk_accounting_entries_packet_id_release_packets"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["records_requests.id"],
            name=op.f("fk_accounting_entries_request_id_records_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounting_entries")),
    )
    with op.batch_alter_table("accounting_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accounting_entries_client_id"), ["client_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("accounting_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounting_entries_client_id"))

    op.drop_table("accounting_entries")
    with op.batch_alter_table("release_packets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_packets_request_id"))

    op.drop_table("release_packets")
    with op.batch_alter_table("request_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_decisions_request_id"))

    op.drop_table("request_decisions")
    with op.batch_alter_table("amendment_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_amendment_requests_note_id"))
        batch_op.drop_index(batch_op.f("ix_amendment_requests_client_id"))

    op.drop_table("amendment_requests")
    with op.batch_alter_table("records_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_records_requests_status_due")
        batch_op.drop_index(batch_op.f("ix_records_requests_client_id"))

    op.drop_table("records_requests")
