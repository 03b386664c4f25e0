"""The override rule, the clocks and amendments: pure rules first, then the workflows on
both engines (audit events included)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from requests_cast import NOTE_MARKER, PN_MARKER, make_world, pdf_text
from sqlalchemy import select

from notewright import practice
from notewright.disclosure import decide
from notewright.errors import AccessDenied, IllegalTransition, InvalidInput
from notewright.practice import accounting, amendments, packets
from notewright.practice import requests as rq
from notewright.records import requests as core
from notewright.records.access import RECORDS_REQUEST_ACTIONS, check, load_policy
from notewright.records.access import Subject as AccessSubject
from notewright.records.model import Role, User
from notewright.records.requests_accounting import AccountingEntry, report
from notewright.records.requests_review import OverrideRefused, confirm, override
from notewright.storage import tables as t

TREATMENT = {"requester": "other_provider", "basis": "treatment", "authorization": None,
             "requested": ["progress_notes", "psychotherapy_notes"], "date": "2026-03-02",
             "facts": {}}
REASON = "Reviewed against the chart today."


# --- pure: the override gate -------------------------------------------------------

def test_override_cannot_release_psychotherapy_notes_the_rules_refuse() -> None:
    decision = decide(TREATMENT).to_dict()
    with pytest.raises(OverrideRefused, match="psychotherapy_notes cannot be released"):
        override(decision, TREATMENT, release=["progress_notes", "psychotherapy_notes"],
                 reason=REASON, rule_version="r")


def test_override_with_corrected_facts_releases_only_what_the_engine_then_allows() -> None:
    request = {**TREATMENT, "requester": "originating_therapist"}
    decision = decide({**request, "facts": {}}).to_dict()
    eff = override(decision, request, release=["progress_notes", "psychotherapy_notes"],
                   reason=REASON, rule_version="r", facts={"is_originator": True})
    assert eff.release == ("progress_notes", "psychotherapy_notes")
    assert eff.explanation[0].startswith("Re-decided")


def test_override_may_withhold_with_a_written_reason_and_needs_one() -> None:
    decision = decide({**TREATMENT, "requested": ["progress_notes"]}).to_dict()
    eff = override(decision, TREATMENT, release=[], reason=REASON, rule_version="r")
    assert eff.release == () and eff.refuse[0]["reason_code"] == \
        "withheld_on_clinician_review"
    with pytest.raises(InvalidInput, match="reason"):
        override(decision, TREATMENT, release=[], reason=" ok ", rule_version="r")
    with pytest.raises(InvalidInput, match="reason"):
        confirm(decision, rule_version="r", reason="")
    with pytest.raises(InvalidInput, match="was not requested"):
        override(decision, TREATMENT, release=["billing"], reason=REASON, rule_version="r")


# --- pure: clocks ---------------------------------------------------------------------

def test_clocks_and_the_one_extension() -> None:
    received = date(2026, 3, 2)
    assert core.due_on(received, "access") == date(2026, 4, 1)
    assert core.due_on(received, "amendment") == date(2026, 5, 1)
    assert core.due_on(received, "accounting") == date(2026, 5, 1)
    assert core.due_on(received, "access", deadline_days=15) == date(2026, 3, 17)
    assert core.due_on(received, None) is None
    ext = core.extend(received, "access", date(2026, 4, 1), previous=None,
                      notice_sent_on=date(2026, 3, 30), reason="Records are off site.")
    assert ext.new_due_on == date(2026, 5, 1)
    with pytest.raises(IllegalTransition, match="already extended"):
        core.extend(received, "access", None, previous=ext, notice_sent_on=received,
                    reason="again, please")
    with pytest.raises(IllegalTransition, match="must be sent by 2026-04-01"):
        core.extend(received, "access", None, previous=None,
                    notice_sent_on=date(2026, 4, 2), reason="Too late now.")
    with pytest.raises(IllegalTransition, match="stricter state clock"):
        core.extend(received, "access", date(2026, 3, 17), previous=None,
                    notice_sent_on=received, reason="CA copies in 15 days.")
    with pytest.raises(InvalidInput, match="reasons"):
        core.extend(received, "access", None, previous=None, notice_sent_on=received,
                    reason=" ")


def test_due_list_puts_overdue_first() -> None:
    today = date(2026, 4, 10)
    items = [core.DueItem("b", "c", "access", "decided", date(2026, 3, 20),
                          date(2026, 4, 19), False),
             core.DueItem("n", "c", "disclosure", "received", date(2026, 3, 1), None, False),
             core.DueItem("a", "c", "access", "received", date(2026, 3, 1),
                          date(2026, 3, 31), False),
             core.DueItem("z", "c", "amendment", "received", date(2026, 2, 1),
                          date(2026, 4, 2), False)]
    assert [i.request_id for i in core.order_due(items, today)] == ["a", "z", "b", "n"]


def test_accounting_report_window_and_suspension_hide_but_keep() -> None:
    def entry(i: str, day: date, until: date | None = None) -> AccountingEntry:
        return AccountingEntry(i, "c", day, "R", "D.", "P.", suspended_until=until)
    entries = [entry("old", date(2019, 1, 1)), entry("in", date(2021, 6, 1)),
               entry("susp", date(2026, 1, 1), date(2026, 6, 1))]
    shown = report(entries, as_of=date(2026, 3, 10))
    assert [e.id for e in shown] == ["in"]
    assert [e.id for e in report(entries, as_of=date(2026, 7, 1))] == ["in", "susp"]
    assert report(entries, as_of=date(2026, 7, 1), since=date(2022, 1, 1))[0].id == "susp"


def test_records_request_actions_matrix() -> None:
    policy = load_policy()
    now = datetime(2026, 3, 2, tzinfo=UTC)
    own = AccessSubject(care_team=frozenset({"u"}), client_id="c")
    expected = {
        Role.CLINICIAN: set(RECORDS_REQUEST_ACTIONS),
        Role.FRONT_DESK: {"records_request.record", "records_request.view",
                          "amendment.record"},
        Role.PRACTICE_ADMIN: {"records_request.view", "accounting.view"},
        Role.BILLER: set(), Role.SUPERVISOR: set()}
    for role, allowed in expected.items():
        user = User("u", "u", "U", frozenset({role}))
        got = {a for a in RECORDS_REQUEST_ACTIONS
               if check(policy, user, a, own, now=now).allowed}
        assert got == allowed, role


# --- workflows --------------------------------------------------------------------------

def _audit_actions(store: Any) -> list[str]:
    with store.record.connect() as conn:
        return list(conn.execute(select(t.audit_events.c.action).order_by(
            t.audit_events.c.seq)).scalars())


def test_refused_override_is_audited_and_changes_nothing(store: Any) -> None:
    w = make_world(store)
    rid = rq.intake(store, w.frankie, client_id=w.casey.id, requester="other_provider",
                    requester_name="Dr. Quinn Hale", basis="treatment",
                    categories=["progress_notes", "psychotherapy_notes"],
                    received_on=date(2026, 3, 2)).request.id
    rq.decide_request(store, w.avery, rid)
    with pytest.raises(OverrideRefused):
        rq.override_decision(store, w.avery, rid, reason=REASON,
                             release=["progress_notes", "psychotherapy_notes"])
    assert _audit_actions(store)[-1] == "records_request.override_refused"
    req, decisions, _ = rq.show_request(store, w.avery, rid)
    assert req.status.value == "decided" and [d.kind for d in decisions] == ["engine"]
    with pytest.raises(AccessDenied):  # front desk may not review a decision
        rq.confirm_decision(store, w.frankie, rid, reason=REASON)
    rq.override_decision(store, w.avery, rid, release=[], reason=REASON)
    built = packets.build_packet(store, w.avery, rid)
    assert built.pdf is not None
    text = pdf_text(built.pdf)
    assert NOTE_MARKER not in text and PN_MARKER not in text
    assert "withheld_on_clinician_review" in text


def test_only_the_author_can_build_a_packet_with_their_psychotherapy_notes(store: Any
                                                                            ) -> None:
    w = make_world(store)
    rq_id = rq.intake(store, w.frankie, client_id=w.casey.id, requester="family_member",
                      requester_name="Target of threat", basis="serious_threat",
                      categories=["psychotherapy_notes"], received_on=date(2026, 3, 2),
                      facts={"therapist_initiated": True, "threat_serious_and_imminent": True,
                             "recipient_is_target": True,
                             "recipient_reasonably_able_to_prevent_or_lessen": True}
                      ).request.id
    rq.decide_request(store, w.avery, rq_id)
    rq.confirm_decision(store, w.avery, rq_id, reason=REASON)
    # Blake joins the care team, so only authorship tells him apart from Avery.
    practice.add_to_care_team(store, w.alex, w.casey.id, "blake")
    with pytest.raises(AccessDenied, match="read only by their author"):
        packets.build_packet(store, w.blake, rq_id)
    built = packets.build_packet(store, w.avery, rq_id)
    assert built.pdf is not None and PN_MARKER in pdf_text(built.pdf)


def test_extension_moves_the_due_date_and_the_due_list(store: Any) -> None:
    w = make_world(store)
    rid = rq.intake(store, w.frankie, client_id=w.casey.id, requester="client",
                    requester_name="Casey Rivera", basis="right_of_access",
                    categories=["progress_notes"], received_on=date(2026, 2, 1)).request.id
    due = rq.list_due(store, w.alex, today=date(2026, 3, 10))
    assert due[0].request_id == rid and due[0].overdue(date(2026, 3, 10))
    rq.extend_deadline(store, w.avery, rid, notice_sent_on=date(2026, 2, 20),
                       reason="The paper chart is in storage.")
    due = rq.list_due(store, w.alex, today=date(2026, 3, 10))
    assert due[0].due_on == date(2026, 4, 2) and due[0].extended
    assert not due[0].overdue(date(2026, 3, 10))


def test_amendments_accepted_and_denied_travel_with_later_disclosures(store: Any) -> None:
    w = make_world(store)
    note0, note1 = w.note_ids[0], w.note_ids[1]
    a = amendments.request_amendment(store, w.frankie, note_id=note0,
                                     requested_change="ACCEPTMARK my sister's name is Ana",
                                     client_reason="Wrong name", received_on=date(2026, 3, 3))
    assert a.due_on == date(2026, 5, 2)
    assert rq.list_due(store, w.alex, today=date(2026, 3, 10))[0].kind == "amendment"
    amendments.accept_amendment(store, w.avery, a.id, notify=["Dr. Quinn Hale"],
                                amendment_text="ACCEPTMARK Sister's name is Ana, not Anna.")
    d = amendments.request_amendment(store, w.frankie, note_id=note1,
                                     requested_change="Remove the word anxious entirely",
                                     client_reason="I disagree", received_on=date(2026, 3, 3))
    with pytest.raises(InvalidInput, match="basis"):
        amendments.deny_amendment(store, w.avery, d.id, basis="dislike",
                                  explanation="Not a basis at all.")
    amendments.deny_amendment(store, w.avery, d.id, basis="accurate_and_complete",
                              explanation="DENYMARK The note reflects the session.")
    with pytest.raises(IllegalTransition):
        amendments.add_rebuttal(store, w.avery, d.id, "Rebuttal before any statement.")
    amendments.file_disagreement(store, w.frankie, d.id,
                                 "DISAGREEMARK I was not anxious that day.")
    amendments.add_rebuttal(store, w.avery, d.id, "REBUTMARK Observed and documented.")
    with pytest.raises(IllegalTransition):
        amendments.accept_amendment(store, w.avery, d.id, notify=[],
                                    amendment_text="Too late to accept now.")
    rid = rq.intake(store, w.frankie, client_id=w.casey.id, requester="other_provider",
                    requester_name="Dr. Quinn Hale", basis="treatment",
                    categories=["progress_notes"], received_on=date(2026, 3, 9),
                    format="both").request.id
    rq.decide_request(store, w.avery, rid)
    rq.confirm_decision(store, w.avery, rid, reason=REASON)
    built = packets.build_packet(store, w.avery, rid)
    assert built.pdf is not None and built.fhir is not None
    text = pdf_text(built.pdf)
    for marker in ("ACCEPTMARK Sister", "DENYMARK", "DISAGREEMARK", "REBUTMARK"):
        assert marker in text, marker
    assert f"amendment_request:{a.id}" in built.packet.contents
    assert b"REBUTMARK" not in built.fhir  # attachments are base64
    listed = amendments.amendments_for_client(store, w.avery, w.casey.id)
    assert sorted(x.status.value for x in listed) == ["accepted", "denied"]
    actions = _audit_actions(store)
    assert {"amendment.create", "amendment.accept", "amendment.deny",
            "amendment.disagreement", "amendment.rebuttal"} <= set(actions)


def test_suspended_entries_are_hidden_not_deleted(store: Any) -> None:
    w = make_world(store)
    rid = rq.intake(store, w.frankie, client_id=w.casey.id, requester="court",
                    requester_name="County Court", basis="court_order",
                    categories=["progress_notes"], received_on=date(2026, 3, 2),
                    facts={"order_scope": ["progress_notes"], "order_signed_by_judge": True}
                    ).request.id
    rq.decide_request(store, w.avery, rid)
    rq.confirm_decision(store, w.avery, rid, reason=REASON)
    packets.build_packet(store, w.avery, rid)
    packets.mark_sent(store, w.avery, rid, via="court portal")
    assert len(accounting.accounting_report(store, w.alex, w.casey.id).entries) == 1
    with pytest.raises(InvalidInput, match="30 days"):
        accounting.suspend_accounting(store, w.alex, w.casey.id, until=date(2026, 9, 1),
                                      reason="Oral request by Agent Drew, state board",
                                      in_writing=False)
    assert accounting.suspend_accounting(store, w.alex, w.casey.id, until=date(2026, 9, 1),
                                         reason="Written statement, state licensing board",
                                         in_writing=True) == 1
    assert accounting.accounting_report(store, w.alex, w.casey.id).entries == ()
    later = accounting.accounting_report(store, w.alex, w.casey.id, as_of=date(2026, 9, 2))
    assert len(later.entries) == 1
