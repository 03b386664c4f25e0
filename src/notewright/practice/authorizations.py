"""Authorizations (the disclosure contract's shape plus the signed document) and their
revocations. A revocation never deletes the authorization: both stay on file (6-year
retention of signed authorizations, hipaa-rules 10.1)."""

from __future__ import annotations

from datetime import date
from typing import Any

from notewright.errors import InvalidInput, NotFound
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import Authorization, Revocation, User
from notewright.storage import records

# The keys of the contract's `authorization` object (../shared/disclosure-contract.md).
AUTHORIZATION_KEYS = frozenset({
    "covers", "specifically_names_psychotherapy_notes", "combined_with_other_authorization",
    "combined_with_psychotherapy_notes_only", "expires", "signed", "signed_date", "revoked",
    "has_revocation_statement", "has_redisclosure_statement", "has_conditioning_statement",
    "purpose", "recipient", "conditioned_on_treatment",
})


def validate_terms(terms: object) -> dict[str, Any]:
    if not isinstance(terms, dict):
        raise InvalidInput("must be a JSON object", field="authorization")
    unknown = sorted(set(terms) - AUTHORIZATION_KEYS)
    if unknown:
        raise InvalidInput(f"unknown key {unknown[0]!r}", field=f"authorization.{unknown[0]}",
                           allowed=sorted(AUTHORIZATION_KEYS))
    covers = terms.get("covers", [])
    if not isinstance(covers, list) or not all(isinstance(c, str) for c in covers):
        raise InvalidInput("must be a list of record categories", field="authorization.covers")
    return terms


def record_authorization(store: Store, actor: User, *, client_id: str,
                         terms: dict[str, Any], attachment_ref: str | None = None,
                         attachment_sha256: str | None = None) -> Authorization:
    now = store.clock()
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "authorization.record",
                                                team, now=now), "client", client_id, client_id)
        auth = Authorization(id=store.new_id(), client_id=client_id,
                             terms=validate_terms(terms), recorded_by=actor.id,
                             recorded_at=now, attachment_ref=attachment_ref,
                             attachment_sha256=attachment_sha256)
        records.insert_authorization(conn, store.cipher, auth)
        audit(conn, store, actor, "authorization.create", "authorization", auth.id,
              client_id=client_id, permission=perm)
    return auth


def record_revocation(store: Store, actor: User, authorization_id: str, *,
                      received_on: date, in_writing: bool = True,
                      client_id: str | None = None) -> Revocation:
    """`client_id`, when given, must be the authorization's client (a screen's check)."""
    now = store.clock()
    with store.write() as conn:
        auth = records.load_authorization(conn, store.cipher, authorization_id)
        if client_id is not None and auth.client_id != client_id:
            raise NotFound(f"no authorization {authorization_id} for this client")
        team = records.care_team(conn, auth.client_id)
        perm = require(store, actor, access.may(store.policy, actor, "authorization.record",
                                                team, now=now), "authorization",
                       authorization_id, auth.client_id)
        rev = Revocation(id=store.new_id(), authorization_id=authorization_id,
                         received_on=received_on, in_writing=in_writing, recorded_by=actor.id,
                         recorded_at=now)
        records.insert_revocation(conn, rev)
        audit(conn, store, actor, "authorization.revoke", "authorization", authorization_id,
              client_id=auth.client_id, permission=perm)
    return rev


def terms_for_decision(auth: Authorization, revocations: list[Revocation]) -> dict[str, Any]:
    """The contract's authorization object, with `revoked` set from the revocations on
    file (a written revocation received by the practice)."""
    revoked = any(r.authorization_id == auth.id and r.in_writing for r in revocations)
    return {**auth.terms, "revoked": bool(auth.terms.get("revoked")) or revoked}
