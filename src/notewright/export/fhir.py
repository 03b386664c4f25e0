"""A release packet as a FHIR bundle (type "collection"), validated by `fhir.resources`.

Resources: Patient; an Encounter per session; a DocumentReference per progress note
(its text, signature, addenda and amendment papers in a text/plain attachment), per
treatment plan, and per psychotherapy note (only when the decision released them,
with their own category); a Consent for the authorization the release relied on; and
a Provenance naming everything in the bundle.

Version: `fhir.resources` 8 ships FHIR R5 by default and R4B (4.3.0) as a subpackage;
it has no 4.0.1 package. R4B is the R4 line's technical correction: Patient,
Encounter, DocumentReference, Consent and Provenance have the R4 shape there, so the
bundle is validated against R4B models and uses nothing R4 lacks.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

from notewright.export.packet import PacketContents

LOINC = "http://loinc.org"
CPT = "http://www.ama-assn.org/go/cpt"
CATEGORY_SYSTEM = "https://notewright.example/fhir/record-category"


class PacketError(ValueError):
    """A packet value that must never be rendered (a gate failed upstream)."""


def _ref(kind: str, ident: str) -> dict[str, str]:
    return {"reference": f"{kind}/{ident}"}


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _attachment(text: str, title: str) -> dict[str, Any]:
    return {"contentType": "text/plain; charset=utf-8", "title": title,
            "data": base64.b64encode(text.encode()).decode()}


def _category(name: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY_SYSTEM, "code": name}],
             "text": name.replace("_", " ")}]


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}" if len(resource["id"]) == 36
            else f"{resource['resourceType']}/{resource['id']}", "resource": resource}


def build_bundle(c: PacketContents, *, built_at: datetime) -> dict[str, Any]:
    """The bundle as a plain dict (not yet validated)."""
    if c.psychotherapy_notes and "psychotherapy_notes" not in c.released:
        raise PacketError("psychotherapy notes in a packet whose decision did not release "
                          "them")
    billing_on = "billing" in c.released
    resources: list[dict[str, Any]] = []
    patient = {"resourceType": "Patient", "id": c.client_id,
               "name": [{"text": c.client_name}],
               "birthDate": c.client_birth_date.isoformat()}
    resources.append(patient)
    encounters: dict[str, dict[str, Any]] = {}

    def encounter(key: str, day: str, cpt: str) -> str:
        if key not in encounters:
            enc: dict[str, Any] = {
                "resourceType": "Encounter", "id": f"enc-{key}", "status": "finished",
                "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                          "code": "AMB", "display": "ambulatory"},
                "subject": _ref("Patient", c.client_id),
                "period": {"start": day, "end": day}}
            if billing_on and cpt:
                enc["type"] = [{"coding": [{"system": CPT, "code": cpt}]}]
            encounters[key] = enc
        return f"enc-{key}"

    docs: list[dict[str, Any]] = []
    for n in c.notes:
        lines = [f"{name}: {' '.join(text)}" for name, text in n.sections]
        lines.append(f"Signed by {n.signed_by} at {n.signed_at}")
        lines += [f"Addendum by {a[1]} at {a[2]}: {a[3]}" for a in n.addenda]
        for a in n.amendments:
            lines.append(f"Amendment request {a.id} ({a.status}): {a.requested_change}")
            lines += [f"{label}: {text}" for label, text in (
                ("Amendment", a.amendment_text), ("Denial", a.denial_text),
                ("Statement of disagreement", a.disagreement), ("Rebuttal", a.rebuttal))
                if text]
        enc_id = encounter(f"note-{n.id}", n.session_date.isoformat(), n.cpt_code)
        docs.append({
            "resourceType": "DocumentReference", "id": f"pn-{n.id}", "status": "current",
            "docStatus": "amended" if n.amendment_reason else "final",
            "type": {"coding": [{"system": LOINC, "code": "11506-3",
                                 "display": "Progress note"}]},
            "category": _category("progress_notes"),
            "subject": _ref("Patient", c.client_id),
            "date": _instant(n.signed_at) if n.signed_at else None,
            "author": [{"display": n.author}],
            "content": [{"attachment": _attachment("\n".join(lines),
                                                   f"Progress note {n.session_date}")}],
            "context": {"encounter": [_ref("Encounter", enc_id)]}})
    for plan in c.plans:
        text = "\n".join(f"Problem: {p}\n" + "\n".join(f"- {g}" for g in goals)
                         for p, goals in plan.problems)
        docs.append({
            "resourceType": "DocumentReference", "id": f"tp-{plan.id}", "status": "current",
            "type": {"coding": [{"system": LOINC, "code": "18776-5",
                                 "display": "Plan of care note"}]},
            "category": _category("treatment_plan"),
            "subject": _ref("Patient", c.client_id), "date": _instant(plan.created_at),
            "author": [{"display": plan.author}],
            "content": [{"attachment": _attachment(text, f"Treatment plan v{plan.version}")}]})
    if billing_on:
        for b in c.billing:
            encounter(f"session-{b.session_id}", b.date.isoformat(), b.cpt_code)
    for pn in c.psychotherapy_notes:
        docs.append({
            "resourceType": "DocumentReference", "id": f"psy-{pn.id}", "status": "current",
            "type": {"text": "Psychotherapy note (45 CFR 164.501)"},
            "category": _category("psychotherapy_notes"),
            "subject": _ref("Patient", c.client_id), "author": [{"display": pn.author}],
            "content": [{"attachment": _attachment(pn.text,
                                                   f"Psychotherapy note {pn.written_on}")}]})
    resources += list(encounters.values()) + docs
    if c.authorization is not None and c.authorization_id:
        resources.append(_consent(c))
    for doc in docs:
        if doc.get("date") is None:
            doc.pop("date", None)
    targets = [_ref(r["resourceType"], r["id"]) for r in resources]
    resources.append({
        "resourceType": "Provenance", "id": f"prov-{c.packet_id}", "target": targets,
        "recorded": _instant(built_at),
        "activity": {"text": f"records release under {c.basis.replace('_', ' ')}; "
                             f"rules {c.rule_version}; decision {c.review}"},
        "agent": [{"who": {"display": c.practice_name}}]})
    return {"resourceType": "Bundle", "id": c.packet_id, "type": "collection",
            "identifier": {"system": "https://notewright.example/packet",
                           "value": c.packet_id},
            "timestamp": _instant(built_at), "entry": [_entry(r) for r in resources]}


def _consent(c: PacketContents) -> dict[str, Any]:
    terms = c.authorization or {}
    provision: dict[str, Any] = {"type": "permit"}
    expires = terms.get("expires")
    if isinstance(expires, str) and len(expires) == 10 and expires[4] == "-":
        provision["period"] = {"end": expires}
    if terms.get("recipient"):
        provision["actor"] = [{
            "role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                 "v3-ParticipationType", "code": "IRCP"}]},
            "reference": {"display": str(terms["recipient"])}}]
    consent: dict[str, Any] = {
        "resourceType": "Consent", "id": f"auth-{c.authorization_id}",
        "status": "inactive" if terms.get("revoked") else "active",
        "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                              "consentscope", "code": "patient-privacy"}]},
        "category": [{"coding": [{"system": LOINC, "code": "59284-0",
                                  "display": "Patient Consent"}]}],
        "patient": _ref("Patient", c.client_id),
        "policyRule": {"text": "HIPAA authorization, 45 CFR 164.508"},
        "provision": provision}
    if isinstance(terms.get("signed_date"), str):
        consent["dateTime"] = terms["signed_date"]
    return consent


def render_bundle(c: PacketContents, *, built_at: datetime) -> bytes:
    """Validated FHIR JSON; raises a ValueError naming the field if a resource is bad."""
    from fhir.resources.R4B.bundle import Bundle

    raw = build_bundle(c, built_at=built_at)
    Bundle.model_validate(raw)
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode()
