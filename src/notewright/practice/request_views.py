"""What the records-request screens show, as values: the decision table in plain
language (category → release/refuse → reason → citation), the authorization's defects
recomputed from what is on file, and the due date. No storage of its own: it reads
through `practice.requests` (which checks access and audits) and the pure core.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from notewright import disclosure
from notewright.disclosure import reason_codes
from notewright.practice.requests import _authorization_terms, effective_decision, show_request
from notewright.practice.store import Store
from notewright.records import requests as core
from notewright.records.model import User
from notewright.records.requests import RecordsRequest
from notewright.records.requests_review import WITHHELD_CODE, EffectiveDecision
from notewright.storage import records
from notewright.storage.packets import StoredPacket
from notewright.storage.records_requests import StoredDecision

LABELS = {
    "progress_notes": "Progress notes", "psychotherapy_notes": "Psychotherapy notes",
    "treatment_plan": "Treatment plan", "diagnosis": "Diagnosis", "billing": "Billing records",
    "assessments": "Assessments", "intake": "Intake", "correspondence": "Correspondence",
    "sud_records": "Substance-use-disorder records (42 CFR Part 2)",
}


def label(word: str) -> str:
    """A contract word as a person reads it: progress_notes → Progress notes."""
    return LABELS.get(word, word.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Row:
    """One line of the decision table."""

    category: str
    released: bool
    reason_code: str | None
    reason: str  # the plain-language line (empty for a release)
    remedy: str
    cite: str


def table(decision: dict[str, Any] | EffectiveDecision) -> list[Row]:
    """The decision table, in the order the categories were asked for."""
    body = decision.to_dict() if isinstance(decision, EffectiveDecision) else decision
    codes = reason_codes.load()
    rows = [Row(c, True, None, "", "", "") for c in body["release"]]
    for r in body["refuse"]:
        if r["reason_code"] == WITHHELD_CODE:
            rows.append(Row(r["category"], False, WITHHELD_CODE,
                            "Withheld on the treating clinician's review (the written "
                            "reason is on file).", "", r["cite"]))
            continue
        code = codes[r["reason_code"]]
        rows.append(Row(r["category"], False, code.code, code.explanation, code.remedy,
                        r["cite"]))
    return rows


@dataclass(frozen=True)
class RequestPage:
    request: RecordsRequest
    client_name: str
    decisions: list[StoredDecision]
    packets: list[StoredPacket]
    defects: list[disclosure.Defect]
    authorization: dict[str, Any] | None
    engine: StoredDecision | None  # the latest engine decision
    engine_rows: list[Row]
    effective: EffectiveDecision | None
    effective_rows: list[Row]
    due_on: date | None

    @property
    def warnings(self) -> list[str]:
        return list(self.engine.body["decision"].get("warnings", [])) if self.engine else []

    @property
    def explanation(self) -> list[str]:
        return list(self.engine.body["decision"].get("explanation", [])) if self.engine \
            else []


def request_page(store: Store, actor: User, request_id: str) -> RequestPage:
    """Everything the request screen shows; `show_request` checks access and audits."""
    req, decisions, packets = show_request(store, actor, request_id)
    with store.record.connect() as conn:
        terms = _authorization_terms(conn, store, req)
        client = records.load_client(conn, req.client_id)
        conn.rollback()
    defects: list[disclosure.Defect] = []
    if terms is not None:
        defects = disclosure.check_authorization(
            terms, date=req.received_on, requester=req.requester,
            requested=list(req.categories), state=req.state, facts=req.facts)
    engines = [d for d in decisions if d.kind == "engine"]
    engine = engines[-1] if engines else None
    effective = effective_decision(decisions)
    due = core.due_on(req.received_on, core.clock_for(req), extension=req.extension)
    if engine is not None and engine.body.get("due_on"):
        due = date.fromisoformat(engine.body["due_on"])
    if req.extension is not None:
        due = req.extension.new_due_on
    return RequestPage(
        request=req, client_name=f"{client.given_name} {client.family_name}",
        decisions=decisions, packets=packets, defects=defects, authorization=terms,
        engine=engine, engine_rows=table(engine.body["decision"]) if engine else [],
        effective=effective, effective_rows=table(effective) if effective else [],
        due_on=due)
