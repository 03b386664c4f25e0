"""Parse and validate a request dict into a frozen Request (the contract's request shape).

Bad input is refused here, before any rule runs: an unknown requester, basis, category or
state format, a malformed date, a missing required field or a wrong type raises
InvalidInput naming the field path and the allowed values. Optional fields default only to
the value that releases less (no assurance, no authorization, false facts), never to one
that releases more. Unknown keys are reported as warnings rather than errors, so a newer
client can add a field without breaking, and the therapist still sees it was ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from notewright.disclosure.facts import DIRECTED_KINDS, FACT_KINDS, Facts
from notewright.disclosure.vocabulary import BASES, CATEGORIES, REQUESTERS
from notewright.errors import InvalidInput

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STATE = re.compile(r"^[A-Z]{2}$")

REQUIRED = ("requester", "basis", "requested", "date")
OPTIONAL = ("authorization", "has_satisfactory_assurance", "state", "client_is_minor", "facts")
AUTH_FLAGS = (
    "specifically_names_psychotherapy_notes", "combined_with_other_authorization",
    "combined_with_psychotherapy_notes_only", "signed", "revoked", "has_revocation_statement",
    "has_redisclosure_statement", "has_conditioning_statement", "conditioned_on_treatment",
)
AUTH_TEXTS = ("expires", "signed_date", "purpose", "recipient")


@dataclass(frozen=True, slots=True)
class Authorization:
    covers: tuple[str, ...]
    specifically_names_psychotherapy_notes: bool
    combined_with_other_authorization: bool
    combined_with_psychotherapy_notes_only: bool
    expires: str | None  # as written: an ISO date or an expiration event
    expires_date: dt.date | None  # set when `expires` is an ISO date
    signed: bool
    signed_date: dt.date | None
    revoked: bool
    has_revocation_statement: bool
    has_redisclosure_statement: bool
    has_conditioning_statement: bool
    purpose: str | None
    recipient: str | None
    conditioned_on_treatment: bool


@dataclass(frozen=True, slots=True)
class Request:
    requester: str
    basis: str
    authorization: Authorization | None
    requested: tuple[str, ...]
    date: dt.date
    has_satisfactory_assurance: bool
    state: str | None
    client_is_minor: bool
    facts: Facts
    warnings: tuple[str, ...] = ()


def parse_date(value: object, field: str) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise InvalidInput(f"must be a date written YYYY-MM-DD, got {_show(value)}",
                           field=field)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{value} is not a calendar date", field=field) from None


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _choice(value: object, field: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidInput(f"unknown value {_show(value)}", field=field, allowed=allowed)
    return value


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"must be true or false, got {_show(value)}", field=field)
    return value


def _categories(value: object, field: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidInput("must be a list of record categories", field=field,
                           allowed=CATEGORIES)
    for i, item in enumerate(value):
        _choice(item, f"{field}[{i}]", CATEGORIES)
    return tuple(dict.fromkeys(value))  # each category once, first mention first


def _text(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"must be a string or null, got {_show(value)}", field=field)
    return value


def _fact(key: str, kind: str | tuple[str, ...], value: object, warnings: list[str]) -> object:
    field = f"facts.{key}"
    if isinstance(kind, tuple):
        return _choice(value, field, kind)
    if kind == "bool":
        return _flag(value, field)
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidInput(f"must be a whole number, got {_show(value)}", field=field)
        return value
    if kind == "str":
        if not isinstance(value, str):
            raise InvalidInput(f"must be a string, got {_show(value)}", field=field)
        return value
    if kind == "date":
        return parse_date(value, field)
    if kind == "categories":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidInput("must be a list of record categories", field=field,
                               allowed=CATEGORIES)
        for v in value:
            if v not in CATEGORIES:
                warnings.append(f"{field}: {v!r} is not a record category and matches nothing")
        return tuple(value)
    # object: directed_to_third_party
    if not isinstance(value, Mapping):
        raise InvalidInput("must be an object", field=field, allowed=tuple(DIRECTED_KINDS))
    out: dict[str, object] = {}
    for sub, subvalue in value.items():
        subkind = DIRECTED_KINDS.get(sub)
        if subkind is None:
            warnings.append(f"{field}.{sub}: unknown key, ignored")
        elif subvalue is not None:
            out[sub] = (_flag(subvalue, f"{field}.{sub}") if subkind == "bool"
                        else _text(subvalue, f"{field}.{sub}"))
    return out


def _facts(value: object, warnings: list[str]) -> Facts:
    if value is None:
        return Facts({})
    if not isinstance(value, Mapping):
        raise InvalidInput("must be an object of facts", field="facts")
    out: dict[str, object] = {}
    for key, item in value.items():
        kind = FACT_KINDS.get(key)
        if kind is None:
            warnings.append(f"facts.{key}: not a fact the rules know; ignored")
        elif item is not None:  # null means the same as absent
            out[key] = _fact(key, kind, item, warnings)
    return Facts(out)


def _authorization(value: object, warnings: list[str]) -> Authorization | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidInput("must be an object or null", field="authorization")
    for key in value:
        if key != "covers" and key not in AUTH_FLAGS and key not in AUTH_TEXTS:
            warnings.append(f"authorization.{key}: unknown key, ignored")
    covers = value.get("covers")
    flags = {k: _flag(value[k], f"authorization.{k}") if value.get(k) is not None else False
             for k in AUTH_FLAGS}
    texts = {k: _text(value.get(k), f"authorization.{k}") for k in AUTH_TEXTS}
    expires = texts["expires"]
    expires_date = None
    if expires is not None and _ISO_DATE.match(expires.strip()):
        expires_date = parse_date(expires.strip(), "authorization.expires")
    signed = texts["signed_date"]
    return Authorization(
        covers=_categories(covers, "authorization.covers") if covers is not None else (),
        expires=expires if expires and expires.strip() else None,
        expires_date=expires_date,
        signed_date=parse_date(signed, "authorization.signed_date") if signed else None,
        purpose=texts["purpose"], recipient=texts["recipient"], **flags,
    )


def parse(raw: object) -> Request:
    """Validate a request dict; raise InvalidInput naming the first bad field."""
    if not isinstance(raw, Mapping):
        raise InvalidInput("a request must be a JSON object", field="request")
    for key in REQUIRED:
        if key not in raw or raw[key] is None:
            allowed = {"requester": REQUESTERS, "basis": BASES, "requested": CATEGORIES}
            raise InvalidInput("is required", field=key, allowed=allowed.get(key))
        if key == "requester":
            _choice(raw[key], key, REQUESTERS)
        elif key == "basis":
            _choice(raw[key], key, BASES)
    warnings: list[str] = []
    for key in raw:
        if key not in REQUIRED and key not in OPTIONAL:
            warnings.append(f"{key}: not a field of the request; ignored")
    requested = _categories(raw["requested"], "requested")
    if not requested:
        raise InvalidInput("name at least one record category", field="requested",
                           allowed=CATEGORIES)
    state = raw.get("state")
    if state is not None and (not isinstance(state, str) or not _STATE.match(state)):
        raise InvalidInput(f"must be a two-letter upper-case state code or null, got "
                           f"{_show(state)}", field="state", allowed=("CA", "IL", "NY", "TX",
                                                                      "any two-letter code"))
    assurance = raw.get("has_satisfactory_assurance")
    minor = raw.get("client_is_minor")
    return Request(
        requester=_choice(raw["requester"], "requester", REQUESTERS),
        basis=_choice(raw["basis"], "basis", BASES),
        authorization=_authorization(raw.get("authorization"), warnings),
        requested=requested,
        date=parse_date(raw["date"], "date"),
        has_satisfactory_assurance=(_flag(assurance, "has_satisfactory_assurance")
                                    if assurance is not None else False),
        state=state,
        client_is_minor=_flag(minor, "client_is_minor") if minor is not None else False,
        facts=_facts(raw.get("facts"), warnings),
        warnings=tuple(warnings),
    )
