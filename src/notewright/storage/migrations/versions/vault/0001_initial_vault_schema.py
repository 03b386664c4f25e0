"""Initial vault schema: psychotherapy notes only, in their own database.

Revision ID: v0001
Revises: (none)
Create Date: 2026-11-27 02:30:57.237886
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "v0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "psychotherapy_notes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=32), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_psychotherapy_notes")),
    )
    with op.batch_alter_table("psychotherapy_notes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_psychotherapy_notes_author_client", ["author_id", "client_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("psychotherapy_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_psychotherapy_notes_author_client")

    op.drop_table("psychotherapy_notes")
