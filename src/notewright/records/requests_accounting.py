"""Accounting of disclosures (164.528): what an entry says, and which entries a report
shows. PURE.

An entry is made for every release whose decision says `accounting_required`, when
the packet is sent (the date of the disclosure). A report covers the six years before
the request (or less, if the client asks), hides entries while a health-oversight or
law-enforcement suspension is in force (164.528(a)(2)), and never deletes one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

CATEGORY_WORDS = {
    "progress_notes": "progress notes", "psychotherapy_notes": "psychotherapy notes",
    "treatment_plan": "treatment plan", "diagnosis": "diagnosis",
    "billing": "billing records (dates of service and codes)",
    "assessments": "assessments", "intake": "intake records",
    "correspondence": "correspondence", "sud_records": "substance use disorder records",
}

# The purpose line, in plain language, by the request's basis.
PURPOSE_WORDS = {
    "court_order": "Disclosed as required by a court order (45 CFR 164.512(e)).",
    "subpoena": "Disclosed in response to a subpoena with the required assurances "
                "(45 CFR 164.512(e)).",
    "required_by_law": "Disclosed because a law required it, such as a mandated report "
                       "(45 CFR 164.512(a)).",
    "serious_threat": "Disclosed to prevent or lessen a serious and imminent threat to "
                      "someone's health or safety (45 CFR 164.512(j)).",
    "health_oversight": "Disclosed to a health oversight agency for oversight activities "
                        "(45 CFR 164.512(d)).",
    "compliance_investigation": "Disclosed to the Department of Health and Human Services "
                                "for a compliance investigation (45 CFR 164.502(a)(2)(ii)).",
    "defend_legal_action": "Disclosed to defend the practice in a legal action "
                           "(45 CFR 164.508(a)(2)(ii)).",
}
SIX_YEARS = 6 * 365 + 2  # leap days: never cut an entry short of six years


def describe(categories: Iterable[str], date_from: date | None, date_to: date | None) -> str:
    words = [CATEGORY_WORDS.get(c, c.replace("_", " ")) for c in categories]
    text = ", ".join(words) if words else "no records"
    if date_from and date_to:
        text += f" dated {date_from.isoformat()} to {date_to.isoformat()}"
    elif date_from:
        text += f" dated from {date_from.isoformat()}"
    elif date_to:
        text += f" dated up to {date_to.isoformat()}"
    return text[0].upper() + text[1:] + "."


def purpose(basis: str, stated: str | None = None) -> str:
    line = PURPOSE_WORDS.get(basis, f"Disclosed under {basis.replace('_', ' ')}.")
    return f"{line} Stated purpose: {stated}." if stated else line


@dataclass(frozen=True)
class AccountingEntry:
    id: str
    client_id: str
    disclosed_on: date
    recipient: str  # name, plus address if known
    description: str
    purpose: str
    request_id: str | None = None
    packet_id: str | None = None
    suspended_until: date | None = None
    suspension_reason: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {"date": self.disclosed_on.isoformat(), "recipient": self.recipient,
                "description": self.description, "purpose": self.purpose}


def entry_for(*, id: str, client_id: str, disclosed_on: date, recipient_name: str,
              recipient_address: str, basis: str, released: Iterable[str],
              date_from: date | None, date_to: date | None, stated_purpose: str | None,
              request_id: str | None, packet_id: str | None) -> AccountingEntry:
    recipient = recipient_name + (f", {recipient_address}" if recipient_address else "")
    return AccountingEntry(id=id, client_id=client_id, disclosed_on=disclosed_on,
                           recipient=recipient,
                           description=describe(released, date_from, date_to),
                           purpose=purpose(basis, stated_purpose), request_id=request_id,
                           packet_id=packet_id)


def report(entries: Iterable[AccountingEntry], *, as_of: date,
           since: date | None = None) -> list[AccountingEntry]:
    """The entries a client's accounting shows on `as_of`: the last six years (or from
    `since`, if later), oldest first, without entries under a suspension in force."""
    start = as_of - timedelta(days=SIX_YEARS)
    if since is not None and since > start:
        start = since
    shown = [e for e in entries
             if start <= e.disclosed_on <= as_of
             and not (e.suspended_until is not None and as_of <= e.suspended_until)]
    return sorted(shown, key=lambda e: (e.disclosed_on, e.id))
