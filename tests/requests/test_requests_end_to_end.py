"""Twelve kinds of records request, end to end on SQLite and PostgreSQL: intake ->
decide -> confirm -> packet (PDF + FHIR) -> sent -> accounting.

Each packet is checked by READING it: the PDF's text through pypdf and the FHIR
bundle's resources as JSON, against what each request type must release by the rules,
written out here rather than taken from the code that built the packet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from requests_cast import (
    NOTE_MARKER,
    PLAN_MARKER,
    PN_MARKER,
    authorization,
    fhir_resources,
    make_world,
    pdf_text,
)

from notewright.practice import accounting, packets
from notewright.practice import requests as rq

PART2_LINE = "42 CFR Part 2 prohibition on redisclosure"


@dataclass
class Case:
    name: str
    requester: str
    basis: str
    categories: list[str]
    release: set[str]
    refuse: dict[str, str]  # category -> reason code
    accountable: bool
    client: str = "casey"
    auth: dict[str, Any] | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    assurance: bool = False


CASES = [
    Case("right of access", "client", "right_of_access",
         ["progress_notes", "psychotherapy_notes", "treatment_plan", "billing"],
         {"progress_notes", "treatment_plan", "billing"},
         {"psychotherapy_notes": "excluded_from_right_of_access"}, False),
    Case("provider for treatment", "other_provider", "treatment",
         ["progress_notes", "psychotherapy_notes", "treatment_plan"],
         {"progress_notes", "treatment_plan"},
         {"psychotherapy_notes": "psychotherapy_notes_need_specific_authorization"}, False),
    Case("payer audit", "payer", "payment", ["billing", "progress_notes",
                                             "psychotherapy_notes"],
         {"billing", "progress_notes"},
         {"psychotherapy_notes": "psychotherapy_notes_need_specific_authorization"}, False,
         facts={"purpose": "post_payment_review", "payer_is_covered_entity": True}),
    Case("attorney with authorization", "attorney", "authorization",
         ["progress_notes", "billing", "treatment_plan"], {"progress_notes", "billing"},
         {"treatment_plan": "not_covered_by_authorization"}, False,
         auth=authorization(covers=["progress_notes", "billing"])),
    Case("authorization naming psychotherapy notes", "attorney", "authorization",
         ["psychotherapy_notes"], {"psychotherapy_notes"}, {}, False,
         auth=authorization(covers=["psychotherapy_notes"],
                            specifically_names_psychotherapy_notes=True)),
    Case("compound authorization", "attorney", "authorization",
         ["progress_notes", "psychotherapy_notes"], set(),
         {"progress_notes": "compound_authorization",
          "psychotherapy_notes": "compound_authorization"}, False,
         auth=authorization(covers=["progress_notes", "psychotherapy_notes"],
                            specifically_names_psychotherapy_notes=True,
                            combined_with_other_authorization=True)),
    Case("subpoena without assurance", "attorney", "subpoena", ["progress_notes"], set(),
         {"progress_notes": "subpoena_without_assurance"}, False),
    Case("court order", "court", "court_order",
         ["progress_notes", "diagnosis", "psychotherapy_notes"], {"progress_notes"},
         {"diagnosis": "beyond_scope_of_order",
          "psychotherapy_notes": "beyond_scope_of_order"}, True,
         facts={"order_scope": ["progress_notes"], "order_signed_by_judge": True}),
    Case("duty to warn", "family_member", "serious_threat",
         ["progress_notes", "psychotherapy_notes"], {"progress_notes",
                                                     "psychotherapy_notes"}, {}, True,
         facts={"therapist_initiated": True, "threat_serious_and_imminent": True,
                "recipient_is_target": True,
                "recipient_reasonably_able_to_prevent_or_lessen": True}),
    Case("parent of a minor", "personal_representative", "right_of_access",
         ["progress_notes", "psychotherapy_notes"], {"progress_notes"},
         {"psychotherapy_notes": "excluded_from_right_of_access"}, False, client="jordan",
         facts={"relationship": "parent", "client_age": 15}),
    Case("personal representative of a deceased client", "personal_representative",
         "right_of_access", ["progress_notes", "billing", "psychotherapy_notes"],
         {"progress_notes", "billing"},
         {"psychotherapy_notes": "excluded_from_right_of_access"}, False,
         facts={"client_deceased": True, "representative_type": "executor"}),
    Case("Part 2 records with Part 2 consent", "other_provider", "authorization",
         ["sud_records", "progress_notes"], {"sud_records", "progress_notes"}, {}, False,
         auth=authorization(covers=["sud_records", "progress_notes"],
                            recipient="Dr. Quinn Hale", purpose="continuity of care"),
         facts={"sud_records_subject_to_part2": True, "part2_consent_on_file": True}),
]


def _check_pdf(case: Case, text: str, note_count: int) -> None:
    where = f"[{case.name}] PDF"
    notes_in = text.count(f"{NOTE_MARKER}")
    if "progress_notes" in case.release:
        assert notes_in == note_count, f"{where}: {notes_in} of {note_count} notes"
        assert "Signature: ____" in text, where
    else:
        assert notes_in == 0, f"{where}: progress notes present but not released"
    assert (PN_MARKER in text) == ("psychotherapy_notes" in case.release), where
    if "psychotherapy_notes" in case.release:
        assert "Psychotherapy notes (released separately" in text, where
    assert (PLAN_MARKER in text) == ("treatment_plan" in case.release), where
    assert ("place of service" in text) == ("billing" in case.release), where
    assert (PART2_LINE in text) == ("sud_records" in case.release), where
    for category, code in case.refuse.items():
        assert code in text, f"{where}: refusal {code} for {category} not in cover letter"
    if not case.release:
        assert "This letter is the written denial" in text, where


def _check_fhir(case: Case, resources: list[dict[str, Any]], note_count: int) -> None:
    where = f"[{case.name}] FHIR"
    kinds = [r["resourceType"] for r in resources]
    assert kinds.count("Patient") == 1 and kinds.count("Provenance") == 1, where
    docs = [r for r in resources if r["resourceType"] == "DocumentReference"]
    by_cat: dict[str, int] = {}
    for d in docs:
        cat = d["category"][0]["coding"][0]["code"]
        by_cat[cat] = by_cat.get(cat, 0) + 1
    expected = {}
    if "progress_notes" in case.release:
        expected["progress_notes"] = note_count
    if "psychotherapy_notes" in case.release:
        expected["psychotherapy_notes"] = 1
    if "treatment_plan" in case.release:
        expected["treatment_plan"] = 1
    assert by_cat == expected, f"{where}: {by_cat}"
    assert ("Consent" in kinds) == (case.auth is not None), where
    cpt = [e for e in resources if e["resourceType"] == "Encounter" and "type" in e]
    assert bool(cpt) == ("billing" in case.release), where
    provenance = next(r for r in resources if r["resourceType"] == "Provenance")
    assert len(provenance["target"]) == len(resources) - 1, where


def test_twelve_request_types_produce_exactly_the_allowed_packet(store: Any) -> None:
    w = make_world(store)
    sent_accountable: list[str] = []
    for case in CASES:
        client = w.casey if case.client == "casey" else w.jordan
        note_count = len(w.note_ids) if case.client == "casey" else 1
        taken = rq.intake(store, w.frankie, client_id=client.id, requester=case.requester,
                          requester_name=f"Recipient for {case.name}",
                          basis=case.basis, categories=case.categories,
                          received_on=date(2026, 3, 2), authorization=case.auth,
                          facts=case.facts, has_satisfactory_assurance=case.assurance,
                          format="both")
        decided = rq.decide_request(store, w.avery, taken.request.id)
        decision = decided.body["decision"]
        assert set(decision["release"]) == case.release, case.name
        assert {r["category"]: r["reason_code"] for r in decision["refuse"]} == case.refuse, \
            case.name
        assert decided.rule_version and decision["explanation"], case.name
        rq.confirm_decision(store, w.avery, taken.request.id,
                            reason="Reviewed against the request and the chart.")
        built = packets.build_packet(store, w.avery, taken.request.id)
        assert built.pdf is not None and built.fhir is not None
        _check_pdf(case, pdf_text(built.pdf), note_count)
        _check_fhir(case, fhir_resources(built.fhir), note_count)
        sent, entry = packets.mark_sent(store, w.avery, taken.request.id, via="portal")
        assert sent.pdf_sha256 and sent.contents[0] == "cover_letter"
        assert (entry is not None) == case.accountable, case.name
        if entry is not None and client is w.casey:
            sent_accountable.append(entry.id)
    report = accounting.accounting_report(store, w.alex, w.casey.id)
    assert sorted(e.id for e in report.entries) == sorted(sent_accountable)
    assert {e.description.split(" ")[0] for e in report.entries} == {"Progress"}
    text = pdf_text(report.to_pdf())
    assert "Recipient for court order" in text and "Recipient for duty to warn" in text
    for case in CASES:
        if not case.accountable:
            assert f"Recipient for {case.name}" not in text, case.name
