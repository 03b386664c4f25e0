"""Property: a packet never contains a psychotherapy note unless the decision released
psychotherapy notes. Generated requests go through the real engine; generated records
(progress notes, psychotherapy notes, plans, billing) go through `assemble` and both
renderers; the PDF is read back with pypdf and the FHIR bundle as JSON."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from notewright.disclosure import decide
from notewright.export import fhir, pdf
from notewright.export.packet import (
    BillingRow,
    NoteDoc,
    PacketContents,
    PlanDoc,
    PsychotherapyNoteDoc,
    Refused,
    assemble,
)

PN_MARK = "VAULTTEXT"
CATEGORIES = ["progress_notes", "psychotherapy_notes", "treatment_plan", "billing",
              "diagnosis", "sud_records"]
REQUESTERS = ["client", "personal_representative", "other_provider", "payer", "attorney",
              "court", "law_enforcement", "family_member", "originating_therapist"]
BASES = ["right_of_access", "authorization", "treatment", "payment", "court_order",
         "subpoena", "serious_threat", "health_oversight", "defend_legal_action"]
FACT_KEYS = ["is_originator", "order_signed_by_judge", "threat_serious_and_imminent",
             "recipient_is_target", "recipient_reasonably_able_to_prevent_or_lessen",
             "therapist_initiated", "action_brought_by_individual", "client_deceased",
             "part2_consent_on_file", "sud_records_subject_to_part2"]


@st.composite
def requests(draw: st.DrawFn) -> dict[str, object]:
    requested = draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=4,
                              unique=True))
    auth = None
    if draw(st.booleans()):
        auth = {"covers": draw(st.lists(st.sampled_from(CATEGORIES), unique=True)),
                "specifically_names_psychotherapy_notes": draw(st.booleans()),
                "combined_with_other_authorization": draw(st.booleans()),
                "expires": "2026-12-31", "signed": True, "signed_date": "2026-01-15",
                "has_revocation_statement": True, "has_redisclosure_statement": True,
                "has_conditioning_statement": True, "purpose": "p", "recipient": "R"}
    facts: dict[str, object] = {k: True for k in draw(st.lists(st.sampled_from(FACT_KEYS),
                                                               unique=True))}
    if draw(st.booleans()):
        facts["order_scope"] = draw(st.lists(st.sampled_from(CATEGORIES), unique=True))
    return {"requester": draw(st.sampled_from(REQUESTERS)),
            "basis": draw(st.sampled_from(BASES)), "authorization": auth,
            "requested": requested, "date": "2026-03-02", "facts": facts,
            "has_satisfactory_assurance": draw(st.booleans())}


def _base(released: tuple[str, ...], refused: tuple[Refused, ...]) -> PacketContents:
    return PacketContents(
        packet_id="p", practice_name="Cedar Lane", client_id="c", client_name="Casey R",
        client_birth_date=date(1991, 4, 12), request_id="r", requester_name="R",
        recipient_address="", basis="treatment", received_on=date(2026, 3, 2),
        built_on=date(2026, 3, 3), rule_version="v", review="confirmed",
        requested=released, released=(), refused=refused)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests(), pn_count=st.integers(1, 3), note_count=st.integers(0, 3))
def test_a_packet_never_holds_a_psychotherapy_note_unless_released(
        request: dict[str, object], pn_count: int, note_count: int) -> None:
    decision = decide(request)
    at = datetime(2026, 1, 5, 15, tzinfo=UTC)
    contents = assemble(
        _base(decision.release, tuple(Refused(r.category, r.reason_code, r.cite, "x")
                                      for r in decision.refuse)),
        released=decision.release,
        notes=[NoteDoc(f"n{i}", date(2026, 1, 5), "Dr A", "soap",
                       (("subjective", (f"progress text {i}",)),), "Dr A", at)
               for i in range(note_count)],
        plans=[PlanDoc("t", 1, at, "Dr A", (("low mood", ("sleep",)),))],
        billing=[BillingRow("s", date(2026, 1, 5), "90834", "11", "individual", False)],
        psychotherapy_notes=[PsychotherapyNoteDoc(f"pn{i}", date(2026, 1, 5), "Dr A",
                                                  f"{PN_MARK} {i}")
                             for i in range(pn_count)])
    released = "psychotherapy_notes" in decision.release
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        pdf.render_packet(contents))).pages)
    assert (PN_MARK in text) is released
    bundle = json.loads(fhir.render_bundle(contents, built_at=at))
    cats = [e["resource"]["category"][0]["coding"][0]["code"] for e in bundle["entry"]
            if e["resource"]["resourceType"] == "DocumentReference"]
    assert ("psychotherapy_notes" in cats) is released
    assert any(c.startswith("psychotherapy_note:") for c in contents.contents()) is released
