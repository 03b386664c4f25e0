"""The psychotherapy-notes vault: its own MetaData, its own database, its own key.

No foreign keys to the record (it lives in another database, so no query can join the
two); client and author ids are copied in as plain strings.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, LargeBinary, MetaData, String, Table

from notewright.storage.column_types import UTCDateTime

metadata = MetaData(naming_convention={"ix": "ix_%(column_0_label)s",
                                       "pk": "pk_%(table_name)s"})

psychotherapy_notes = Table(
    "psychotherapy_notes", metadata,
    Column("id", String(32), primary_key=True),
    Column("client_id", String(32), nullable=False),
    Column("author_id", String(32), nullable=False),
    Column("session_id", String(32)),
    Column("version", Integer, nullable=False),
    Column("body", LargeBinary, nullable=False),  # encrypted under the author's vault key
    Column("key_id", String(32), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_psychotherapy_notes_author_client", "author_id", "client_id"),
)
