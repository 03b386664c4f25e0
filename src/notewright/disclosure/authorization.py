"""The authorization validity checklist (digest §5), every defect at once.

`defects()` walks the checklist in the digest's order and reports everything wrong, so
the requester can fix the form in one round trip. The decision procedure uses only the
first validity defect (precedence: the first failure in checklist order refuses every
category); coverage defects carry their category and are applied per category.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from notewright.disclosure.facts import Facts
from notewright.disclosure.reason_codes import ReasonCodes
from notewright.disclosure.request import Authorization
from notewright.disclosure.state_overlays import Overlay
from notewright.disclosure.vocabulary import PSYCHOTHERAPY_NOTES

# Expirations that are not a date or a real event; acceptable only for research (§5.2).
_RESEARCH_ONLY = ("none", "never", "no expiration", "n/a", "end of the research study")
_BLANKET = ("any and all", "all records", "entire record", "complete record")


@dataclass(frozen=True, slots=True)
class Defect:
    """One thing wrong with an authorization, and what the requester must do about it."""

    reason_code: str
    cite: str
    message: str
    field: str
    category: str | None = None  # set for coverage defects, which refuse one category

    def to_dict(self) -> dict[str, str | None]:
        return {"reason_code": self.reason_code, "cite": self.cite, "message": self.message,
                "field": self.field, "category": self.category}


def psychotherapy_note_scope(auth: Authorization) -> bool:
    """The form reaches psychotherapy notes: it names them specifically AND lists them.

    Generic wording ("any and all records") never brings psychotherapy notes into scope.
    """
    return auth.specifically_names_psychotherapy_notes and PSYCHOTHERAPY_NOTES in auth.covers


def is_compound(auth: Authorization) -> bool:
    """Digest §5.7 predicate: a psychotherapy-note authorization combined with anything else."""
    if not psychotherapy_note_scope(auth):
        return False
    other_records = any(c != PSYCHOTHERAPY_NOTES for c in auth.covers)
    other_form = (auth.combined_with_other_authorization
                  and not auth.combined_with_psychotherapy_notes_only)
    return other_records or other_form


def _expiry_is_research_only(expires: str) -> bool:
    text = expires.strip().lower()
    return text in _RESEARCH_ONLY or "research" in text or "study" in text


def defects(auth: Authorization, *, date: dt.date, requester: str | None,
            requested: Iterable[str], facts: Facts, overlay: Overlay | None,
            codes: ReasonCodes) -> list[Defect]:
    """Every defect, in checklist order: validity defects first, then coverage."""
    out: list[Defect] = []

    def add(code: str, message: str, field: str, cite: str | None = None,
            category: str | None = None) -> None:
        out.append(Defect(code, cite or codes[code].cite, message, field, category))

    # 1. Signed no later than the decision date.
    if auth.signed_date is not None and auth.signed_date > date:
        add("authorization_postdated",
            f"The signature is dated {auth.signed_date}, after the decision date {date}. "
            "Decide again once the signed authorization is on file.", "authorization.signed_date")
    # 2. Not expired: valid through the stated day, inclusive (A3); an event once known.
    if auth.expires_date is not None and date > auth.expires_date:
        add("authorization_expired",
            f"It expired on {auth.expires_date}. Ask the client to sign a new authorization.",
            "authorization.expires")
    elif auth.expires_date is None and auth.expires and facts.true("expiration_event_occurred"):
        add("authorization_expired",
            f"Its expiration event ({auth.expires!r}) has happened. Ask for a new authorization.",
            "authorization.expires")
    # 3. Not revoked: a written revocation takes effect when received.
    received = facts.values.get("revocation_received")
    if (auth.revoked and not facts.false("revocation_in_writing")
            and not (isinstance(received, dt.date) and received > date)):
        add("authorization_revoked",
            "The client revoked it in writing. Only a new authorization would permit release.",
            "authorization.revoked")
    # 4. Core elements present and filled in.
    if not auth.covers:
        add("authorization_missing_core_element",
            "Describe the information to be disclosed (which parts of the record).",
            "authorization.covers")
    if not (auth.recipient and auth.recipient.strip()):
        add("authorization_missing_core_element",
            "Name the recipient (a person or class of persons).", "authorization.recipient")
    if not (auth.purpose and auth.purpose.strip()):
        add("authorization_missing_core_element",
            "State the purpose ('at the request of the individual' is enough when the client "
            "asks).", "authorization.purpose")
    if auth.expires is None:
        add("authorization_missing_core_element",
            "Give an expiration date or event.", "authorization.expires")
    elif (auth.expires_date is None and requester != "researcher"
          and _expiry_is_research_only(auth.expires)):
        add("authorization_missing_core_element",
            f"An expiration of {auth.expires!r} is acceptable only for research; give a date "
            "or an event.", "authorization.expires")
    if not auth.signed or auth.signed_date is None:
        add("authorization_missing_core_element",
            "The client (or their representative, with a description of their authority) "
            "must sign and date it.",
            "authorization.signed" if not auth.signed else "authorization.signed_date")
    # 5. Required statements.
    for flag, what in (
        ("has_revocation_statement", "the right to revoke in writing and how"),
        ("has_conditioning_statement",
         "whether treatment or payment may be conditioned on signing"),
        ("has_redisclosure_statement", "that the recipient may redisclose the information"),
    ):
        if not getattr(auth, flag):
            add("authorization_missing_required_statement",
                f"Add the statement of {what}.", f"authorization.{flag}")
    # 6. Not known to be false.
    if facts.true("known_false_material_information"):
        add("authorization_known_false",
            "The practice knows material information in it is false; ask for a corrected one.",
            "facts.known_false_material_information")
    # 7. Compound: psychotherapy notes may be combined only with psychotherapy notes.
    if is_compound(auth):
        add("compound_authorization",
            "Psychotherapy notes must be authorized on their own form, separate from any other "
            "records or documents.", "authorization.covers")
    # 8. No prohibited conditioning.
    if auth.conditioned_on_treatment or facts.text("conditioned_on") is not None:
        add("conditioned_authorization",
            "Treatment, payment, enrollment or eligibility may not depend on signing; ask for "
            "an authorization signed freely.", "authorization.conditioned_on_treatment")
    # 9. The requester is the recipient the form names.
    if facts.false("requester_matches_authorized_recipient"):
        add("recipient_not_named_in_authorization",
            "The requester is not the recipient the authorization names; ask for one that "
            "names them.", "authorization.recipient")
    # 11 (before coverage, which is per category). Stricter state form rules.
    extras = overlay.authorization if overlay else None
    if extras is not None and overlay is not None:
        where = f"{overlay.name} ({extras.cite})"
        received = facts.values.get("consent_received_date")
        if extras.calendar_expiry and auth.expires_date is None and received != date:
            add("state_law_authorization_defect",
                f"{where}: give a calendar expiry date; without one the consent is usable "
                "only on the day it is received.", "authorization.expires", extras.cite)
        if extras.witnessed_signature and not facts.true("signature_witnessed"):
            add("state_law_authorization_defect",
                f"{where}: the signature must be witnessed by someone who can attest to "
                "identity.", "facts.signature_witnessed", extras.cite)
        if extras.other_elements and not facts.true("il_other_required_elements_present"):
            add("state_law_authorization_defect",
                f"{where}: state the right to inspect and copy what is disclosed and the "
                "consequences of refusing to consent.", "facts.il_other_required_elements_present",
                extras.cite)
        wording = (facts.text("authorization_wording") or "").lower()
        if extras.no_blanket_consent and any(b in wording for b in _BLANKET):
            add("state_law_authorization_defect",
                f"{where}: blanket consent to unspecified information is invalid; name the "
                "information.", "facts.authorization_wording", extras.cite)
    # 10. Coverage, per requested category.
    for category in dict.fromkeys(requested):
        if category == PSYCHOTHERAPY_NOTES:
            if not psychotherapy_note_scope(auth):
                add("psychotherapy_notes_need_specific_authorization",
                    "Psychotherapy notes need their own authorization that names them "
                    "specifically.", "authorization.specifically_names_psychotherapy_notes",
                    category=category)
        elif category not in auth.covers:
            add("not_covered_by_authorization",
                f"The authorization does not describe {category}; ask for one that lists it.",
                "authorization.covers", category=category)
    return out


def first_invalidity(found: list[Defect]) -> Defect | None:
    """The defect that invalidates the whole form, by checklist order (coverage excluded)."""
    for defect in found:
        if defect.category is None:
            return defect
    return None


def expiry_warning(auth: Authorization, date: dt.date) -> str | None:
    """Warn within 7 days of expiry: the decision is re-checked at the moment of release."""
    if auth.expires_date is None:
        return None
    days = (auth.expires_date - date).days
    if days < 0 or days > 7:
        return None
    when = "today" if days == 0 else "in 1 day" if days == 1 else f"in {days} days"
    return (f"authorization expires {when} ({auth.expires_date}); release before then or "
            "ask for a new one")
