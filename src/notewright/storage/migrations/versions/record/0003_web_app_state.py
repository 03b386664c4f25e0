"""The web app's own state: sign-in sessions, failed sign-ins, preferences, TOTP
secrets (issue 6). No clinical content.

Before this revision the web app created these tables itself at start-up, so a data
directory served by an earlier version already has them: each table is created only
when it is missing, and its index likewise.

Revision ID: r0003
Revises: r0002
Create Date: 2026-11-28 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def _exists(name: str) -> bool:
    return name in sa.inspect(op.get_bind()).get_table_names()


def upgrade() -> None:
    if not _exists("web_sessions"):
        op.create_table(
            "web_sessions",
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("user_id", sa.String(length=64), nullable=False),
            sa.Column("csrf", sa.String(length=64), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("last_seen", sa.Float(), nullable=False),
            sa.Column("reauth_at", sa.Float(), nullable=True),
            sa.Column("revoked", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_web_sessions")),
        )
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("web_sessions")}
    if "ix_web_sessions_user_id" not in indexes:
        with op.batch_alter_table("web_sessions", schema=None) as batch_op:
            batch_op.create_index(batch_op.f("ix_web_sessions_user_id"), ["user_id"],
                                  unique=False)
    if not _exists("web_login_failures"):
        op.create_table(
            "web_login_failures",
            sa.Column("username", sa.String(length=64), nullable=False),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("locked_until", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("username", name=op.f("pk_web_login_failures")),
        )
    if not _exists("web_prefs"):
        op.create_table(
            "web_prefs",
            sa.Column("user_id", sa.String(length=64), nullable=False),
            sa.Column("name", sa.String(length=64), nullable=False),
            sa.Column("value", sa.String(length=200), nullable=False),
            sa.PrimaryKeyConstraint("user_id", "name", name=op.f("pk_web_prefs")),
        )
    if not _exists("web_totp"):
        op.create_table(
            "web_totp",
            sa.Column("user_id", sa.String(length=64), nullable=False),
            sa.Column("key_id", sa.String(length=32), nullable=False),
            sa.Column("secret", sa.LargeBinary(), nullable=False),
            sa.PrimaryKeyConstraint("user_id", name=op.f("pk_web_totp")),
        )


def downgrade() -> None:
    op.drop_table("web_totp")
    op.drop_table("web_prefs")
    op.drop_table("web_login_failures")
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_sessions_user_id"))
    op.drop_table("web_sessions")
