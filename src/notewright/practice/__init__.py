"""The practice's workflows: each one transaction plus its audit events, called by both
the CLI and the web app so neither holds a business rule.

    store = open_store(settings)            # engines, keys, access policy
    user = authenticate(store, "avery", pw)
    note = save_draft(store, user, session_id=..., content=...)
    sign_note(store, user, note.id, expected_version=note.version)
"""

from __future__ import annotations

from notewright.practice.authorizations import record_authorization, record_revocation
from notewright.practice.clients import (
    add_to_care_team,
    create_client,
    list_clients,
    open_chart,
    record_treatment_plan,
)
from notewright.practice.emergency import break_glass
from notewright.practice.notes import (
    addend_note,
    amend_note,
    cosign_note,
    list_unsigned,
    record_session,
    save_draft,
    show_note,
    sign_note,
)
from notewright.practice.psychotherapy import (
    list_psychotherapy_notes,
    read_psychotherapy_note,
    write_psychotherapy_note,
)
from notewright.practice.store import Store, open_store
from notewright.practice.users import (
    add_user,
    authenticate,
    change_password,
    disable_user,
    enable_user,
    init_practice,
    list_users,
    reset_password,
    reset_two_step,
)

__all__ = [
    "Store", "open_store", "init_practice", "authenticate", "add_user", "list_users",
    "disable_user", "enable_user", "change_password", "reset_password", "reset_two_step",
    "create_client", "add_to_care_team", "list_clients", "open_chart",
    "record_treatment_plan", "record_session", "save_draft", "sign_note", "amend_note",
    "addend_note", "cosign_note", "show_note", "list_unsigned", "write_psychotherapy_note",
    "read_psychotherapy_note", "list_psychotherapy_notes", "record_authorization",
    "record_revocation", "break_glass",
]
