"""The practice's workflows on a real database: the lifecycle end to end, conflicts,
access refusals (audited), break-the-glass (flagged) and the chart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from storage_cast import CONTENT, make_cast

from notewright import practice
from notewright.errors import AccessDenied, Conflict, IllegalTransition
from notewright.records.model import NoteStatus
from notewright.storage import audit_log, tables


def _events(store, action=None):
    with store.record.connect() as conn:
        found = [e for e in audit_log.events(conn) if action is None or e.action == action]
        conn.rollback()
    return found


def test_note_lifecycle_end_to_end(store):
    cast = make_cast(store)
    draft = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    saved = practice.save_draft(store, cast.avery, note_id=draft.id, expected_version=1,
                                content={"sections": [{"name": "plan"}]})
    assert saved.version == 2
    assert [n.id for n in practice.list_unsigned(store, cast.avery)] == [draft.id]
    signed = practice.sign_note(store, cast.avery, draft.id, expected_version=2)
    assert signed.status is NoteStatus.SIGNED and signed.late_entry  # session was in March
    with pytest.raises(IllegalTransition):
        practice.save_draft(store, cast.avery, note_id=draft.id, expected_version=2,
                            content=CONTENT)
    cosigned = practice.cosign_note(store, cast.sam, draft.id)
    assert cosigned.cosigned_by == cast.sam.id
    new = practice.amend_note(store, cast.avery, draft.id, content=CONTENT,
                              reason="plan section was incomplete")
    old, _ = practice.show_note(store, cast.avery, draft.id)
    assert old.status is NoteStatus.AMENDED and old.superseded_by == new.id
    assert old.content == {"sections": [{"name": "plan"}]}  # the old version is kept
    practice.addend_note(store, cast.sam, new.id, "Reviewed in supervision.")
    chart = practice.open_chart(store, cast.avery, cast.casey.id)
    assert {n.id for n in chart.notes} == {draft.id, new.id}
    assert [a.note_id for a in chart.addenda] == [new.id]
    assert practice.list_unsigned(store, cast.avery) == []
    with store.record.connect() as conn:
        assert audit_log.verify(conn).ok
        conn.rollback()
    actions = [e.action for e in _events(store)]
    for expected in ("progress_note.create", "progress_note.update", "progress_note.sign",
                     "progress_note.cosign", "progress_note.amend", "progress_note.view",
                     "progress_note.addend", "chart.open"):
        assert expected in actions


def test_two_users_editing_one_draft_second_gets_conflict_and_no_edit_is_lost(store):
    cast = make_cast(store)
    draft = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    # Avery has the draft open on two devices, both at version 1.
    first = practice.save_draft(store, cast.avery, note_id=draft.id, expected_version=1,
                                content={"sections": ["laptop edit"]})
    with pytest.raises(Conflict, match="saved by someone else"):
        practice.save_draft(store, cast.avery, note_id=draft.id, expected_version=1,
                            content={"sections": ["tablet edit"]})
    kept, _ = practice.show_note(store, cast.avery, draft.id)
    assert kept.content == first.content and kept.version == 2


def test_colleague_cannot_edit_or_sign_anothers_draft_and_the_refusal_is_audited(store):
    cast = make_cast(store)
    draft = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    with pytest.raises(AccessDenied):
        practice.sign_note(store, cast.blake, draft.id)
    with pytest.raises(AccessDenied):
        practice.show_note(store, cast.billie, draft.id)
    denied = _events(store, "access.denied")
    assert [e.actor_id for e in denied] == [cast.blake.id, cast.billie.id]
    assert all(e.flagged for e in denied)
    with store.record.connect() as conn:
        status = conn.execute(select(tables.progress_notes.c.status)).scalar_one()
        conn.rollback()
    assert status == "draft"


def test_biller_sees_the_client_list_but_an_empty_clinical_chart_is_refused(store):
    cast = make_cast(store)
    assert [c.id for c in practice.list_clients(store, cast.billie)] == [cast.casey.id]
    chart = practice.open_chart(store, cast.billie, cast.casey.id)
    assert chart.notes == () and chart.plans == () and len(chart.sessions) == 1
    assert practice.list_clients(store, cast.blake) == []


def test_break_the_glass_opens_the_chart_flagged_and_expires(store):
    cast = make_cast(store)
    draft = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    practice.sign_note(store, cast.avery, draft.id)
    with pytest.raises(AccessDenied):
        practice.open_chart(store, cast.blake, cast.casey.id)
    grant = practice.break_glass(store, cast.blake, cast.casey.id,
                                 "client in crisis, treating therapist unreachable")
    chart = practice.open_chart(store, cast.blake, cast.casey.id)
    assert [n.id for n in chart.notes] == [draft.id]
    flagged = [e.action for e in _events(store) if e.flagged]
    assert "break_glass.open" in flagged and "chart.open" in flagged
    later = grant.expires_at + timedelta(seconds=1)
    store.clock = lambda: later
    with pytest.raises(AccessDenied):
        practice.open_chart(store, cast.blake, cast.casey.id)


def test_authorization_and_revocation_are_kept_together(store):
    cast = make_cast(store)
    terms = {"covers": ["progress_notes"], "signed": True, "signed_date": "2026-01-15",
             "expires": "2026-12-31", "purpose": "coordination", "recipient": "Dr. Lin"}
    auth = practice.record_authorization(store, cast.frankie, client_id=cast.casey.id,
                                         terms=terms, attachment_ref="scan-0001.pdf")
    practice.record_revocation(store, cast.frankie, auth.id,
                               received_on=datetime(2026, 4, 1, tzinfo=UTC).date())
    chart = practice.open_chart(store, cast.avery, cast.casey.id)
    from notewright.practice.authorizations import terms_for_decision
    assert terms_for_decision(chart.authorizations[0], list(chart.revocations))["revoked"]


def test_failed_login_is_audited_without_saying_why(store):
    make_cast(store)
    for name, pw in (("avery", "wrong-password-1"), ("nobody", "x" * 12)):
        with pytest.raises(AccessDenied, match="unknown user, wrong password or disabled"):
            practice.authenticate(store, name, pw)
    assert len(_events(store, "login.failed")) == 2
