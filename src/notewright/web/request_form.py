"""The records-request intake form → the keyword arguments of `practice.requests.intake`.

Field names follow the disclosure contract (../shared/disclosure-contract.md): the
request's own fields, then `auth_*` for the authorization's, one checkbox per boolean.
Parsing only; every rule is checked by the core (InvalidInput names the field)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from starlette.datastructures import FormData, UploadFile

from notewright.disclosure.vocabulary import BASES, CATEGORIES, REQUESTERS
from notewright.errors import InvalidInput

AUTH_FLAGS = ("specifically_names_psychotherapy_notes", "combined_with_other_authorization",
              "combined_with_psychotherapy_notes_only", "signed", "has_revocation_statement",
              "has_redisclosure_statement", "has_conditioning_statement",
              "conditioned_on_treatment")
AUTH_TEXT = ("expires", "signed_date", "purpose", "recipient")
FACT_FLAGS = ("client_deceased", "request_in_writing", "requester_matches_authorized_recipient",
              "order_signed_by_judge", "threat_serious_and_imminent",
              "recipient_reasonably_able_to_prevent_or_lessen", "part2_consent_on_file")


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _date(form: FormData, name: str) -> date | None:
    raw = _text(form, name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput("a date such as 2026-03-02", field=name) from None


def _choice(form: FormData, name: str, allowed: tuple[str, ...]) -> str:
    value = _text(form, name)
    if value not in allowed:
        raise InvalidInput("choose one of the listed values", field=name,
                           allowed=list(allowed))
    return value


def authorization(form: FormData) -> dict[str, Any] | None:
    """The contract's authorization object, when the form says one came with it."""
    if _text(form, "auth_mode") != "new":
        return None
    terms: dict[str, Any] = {
        "covers": [c for c in form.getlist("auth_covers") if c in CATEGORIES]}
    for flag in AUTH_FLAGS:
        terms[flag] = form.get(f"auth_{flag}") == "on"
    for name in AUTH_TEXT:
        terms[name] = _text(form, f"auth_{name}") or None
    if terms["signed_date"] is not None:
        _date(form, "auth_signed_date")  # a real date, or the field is named
    terms["revoked"] = False
    return terms


def facts(form: FormData) -> dict[str, Any]:
    out: dict[str, Any] = {f: True for f in FACT_FLAGS if form.get(f"fact_{f}") == "on"}
    raw = _text(form, "facts_json")
    if raw:
        try:
            extra = json.loads(raw)
        except json.JSONDecodeError:
            raise InvalidInput("not valid JSON", field="facts_json") from None
        if not isinstance(extra, dict):
            raise InvalidInput("a JSON object of contract fact keys", field="facts_json")
        out.update(extra)
    return out


def intake_arguments(form: FormData, *, today: date) -> dict[str, Any]:
    categories = [c for c in form.getlist("categories") if isinstance(c, str)]
    unknown = sorted(set(categories) - set(CATEGORIES))
    if unknown:
        raise InvalidInput(f"unknown category {unknown[0]!r}", field="categories",
                           allowed=list(CATEGORIES))
    auth_id = _text(form, "authorization_id") if _text(form, "auth_mode") == "file" else ""
    return {
        "client_id": _text(form, "client_id"),
        "requester": _choice(form, "requester", REQUESTERS),
        "requester_name": _text(form, "requester_name"),
        "recipient_address": _text(form, "recipient_address"),
        "basis": _choice(form, "basis", BASES),
        "categories": categories,
        "received_on": _date(form, "received_on") or today,
        "state": _text(form, "state") or None,
        "authorization": authorization(form),
        "authorization_id": auth_id or None,
        "facts": facts(form),
        "has_satisfactory_assurance": form.get("has_satisfactory_assurance") == "on",
        "date_from": _date(form, "date_from"), "date_to": _date(form, "date_to"),
        "format": _text(form, "format") or "both",
    }


async def scan(form: FormData) -> bytes | None:
    upload = form.get("attachment")
    if isinstance(upload, UploadFile) and upload.filename:
        return await upload.read()
    return None
