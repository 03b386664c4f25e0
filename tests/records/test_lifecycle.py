"""Every legal and illegal progress-note transition, with Dr. Avery Quinn as the author."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from notewright.errors import Conflict, IllegalTransition, InvalidInput
from notewright.records import lifecycle
from notewright.records.model import NoteStatus, Practice

AVERY, BLAKE, SAM = "u-avery", "u-blake", "u-sam-supervisor"
T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # session end
SOLO = Practice(name="Quinn Counseling", state="CA")
GROUP = replace(SOLO, requires_cosignature=True)
CONTENT = {"format": "soap", "sections": [
    {"name": "subjective", "statements": [{"text": "Reports better sleep.",
                                            "sources": [[0, 21]]}]}]}


def draft():
    return lifecycle.new_draft(note_id="n1", client_id="c1", session_id="s1",
                               author_id=AVERY, format="soap", content=CONTENT, at=T0)


def signed(practice=SOLO, at=T0 + timedelta(hours=1)):
    return lifecycle.sign(draft(), signer_id=AVERY, at=at, session_end=T0,
                          practice=practice)


def test_new_draft_keeps_the_engines_provenance():
    note = draft()
    assert note.status is NoteStatus.DRAFT and note.version == 1
    assert note.content["sections"][0]["statements"][0]["sources"] == [[0, 21]]


def test_draft_needs_sections_and_an_aware_time():
    with pytest.raises(InvalidInput, match="content.sections"):
        lifecycle.new_draft(note_id="n", client_id="c", session_id="s", author_id=AVERY,
                            format="soap", content={}, at=T0)
    with pytest.raises(InvalidInput, match="timezone"):
        lifecycle.new_draft(note_id="n", client_id="c", session_id="s", author_id=AVERY,
                            format="soap", content=CONTENT, at=T0.replace(tzinfo=None))


def test_edit_draft_bumps_the_version():
    note = lifecycle.edit_draft(draft(), {"sections": []}, expected_version=1, at=T0)
    assert note.version == 2 and note.content == {"sections": []}


def test_stale_autosave_is_a_conflict_and_changes_nothing():
    first = lifecycle.edit_draft(draft(), CONTENT, expected_version=1, at=T0)
    with pytest.raises(Conflict, match="saved by someone else"):
        lifecycle.edit_draft(first, {"sections": []}, expected_version=1, at=T0)


def test_sign_records_signer_time_and_hash():
    note = signed()
    assert note.status is NoteStatus.SIGNED and note.signed_by == AVERY
    assert note.signed_at == T0 + timedelta(hours=1)
    assert note.content_hash and lifecycle.verify_note(note)
    assert not note.late_entry and not note.cosignature_required


def test_hash_detects_any_change_to_signed_content():
    note = signed()
    assert not lifecycle.verify_note(replace(note, content={"sections": ["x"]}))
    assert not lifecycle.verify_note(replace(note, signed_by=BLAKE))


def test_signed_more_than_24_hours_after_the_session_is_a_late_entry():
    assert not signed(at=T0 + timedelta(hours=24)).late_entry
    assert signed(at=T0 + timedelta(hours=24, seconds=1)).late_entry


def test_only_the_author_signs():
    with pytest.raises(IllegalTransition, match="only by its author"):
        lifecycle.sign(draft(), signer_id=BLAKE, at=T0, session_end=T0, practice=SOLO)


@pytest.mark.parametrize("status", [NoteStatus.SIGNED, NoteStatus.AMENDED])
def test_signed_or_amended_notes_cannot_be_edited_or_signed_again(status):
    note = replace(signed(), status=status)
    with pytest.raises(IllegalTransition):
        lifecycle.edit_draft(note, CONTENT, expected_version=note.version, at=T0)
    with pytest.raises(IllegalTransition):
        lifecycle.sign(note, signer_id=AVERY, at=T0, session_end=T0, practice=SOLO)


def test_amend_keeps_the_old_version_and_signs_a_new_one_with_reason():
    old = signed()
    marked, new = lifecycle.amend(old, new_note_id="n2", content={"sections": []},
                                  reason="wrong date of onset", by=AVERY,
                                  at=T0 + timedelta(days=3), session_end=T0, practice=SOLO)
    assert marked.status is NoteStatus.AMENDED and marked.superseded_by == "n2"
    assert marked.content == old.content and marked.content_hash == old.content_hash
    assert new.status is NoteStatus.SIGNED and new.version == old.version + 1
    assert new.amends_id == "n1" and new.amendment_reason == "wrong date of onset"
    assert lifecycle.verify_note(new) and lifecycle.verify_note(marked)
    assert not new.late_entry  # lateness belongs to the original documentation


def test_amend_needs_a_reason_and_a_current_signed_note():
    with pytest.raises(InvalidInput, match="reason"):
        lifecycle.amend(signed(), new_note_id="n2", content=CONTENT, reason=" ", by=AVERY,
                        at=T0, session_end=T0, practice=SOLO)
    for note in (draft(), replace(signed(), status=NoteStatus.AMENDED)):
        with pytest.raises(IllegalTransition):
            lifecycle.amend(note, new_note_id="n2", content=CONTENT, reason="r", by=AVERY,
                            at=T0, session_end=T0, practice=SOLO)


def test_addendum_attaches_to_a_signed_note_without_changing_it():
    note = signed()
    add = lifecycle.addend(note, addendum_id="a1", text="Called client re: safety plan.",
                           by=AVERY, at=T0 + timedelta(days=1))
    assert add.note_id == "n1" and lifecycle.addendum_hash_ok(add)
    assert not lifecycle.addendum_hash_ok(replace(add, text="changed"))


def test_addendum_refused_on_draft_or_superseded_note_and_needs_text():
    for note in (draft(), replace(signed(), status=NoteStatus.AMENDED)):
        with pytest.raises(IllegalTransition):
            lifecycle.addend(note, addendum_id="a", text="x", by=AVERY, at=T0)
    with pytest.raises(InvalidInput):
        lifecycle.addend(signed(), addendum_id="a", text="", by=AVERY, at=T0)


def test_cosign_where_the_practice_requires_it():
    note = signed(practice=GROUP)
    assert note.cosignature_required
    done = lifecycle.cosign(note, supervisor_id=SAM, at=T0 + timedelta(hours=2))
    assert done.cosigned_by == SAM and lifecycle.verify_note(done)
    with pytest.raises(IllegalTransition, match="already co-signed"):
        lifecycle.cosign(done, supervisor_id=SAM, at=T0)


def test_cosign_refusals():
    with pytest.raises(IllegalTransition, match="does not need"):
        lifecycle.cosign(signed(practice=SOLO), supervisor_id=SAM, at=T0)
    with pytest.raises(IllegalTransition, match="own note"):
        lifecycle.cosign(signed(practice=GROUP), supervisor_id=AVERY, at=T0)
    with pytest.raises(IllegalTransition):
        lifecycle.cosign(draft(), supervisor_id=SAM, at=T0)


def test_canonical_json_is_order_independent():
    assert lifecycle.canonical_json({"b": 1, "a": "é"}) == lifecycle.canonical_json(
        {"a": "é", "b": 1})
