"""The disclosure policy engine: `decide(request) -> Decision` (the contract's JSON).

PURE: a request dict in, a Decision out; no I/O beyond reading the package's own rule
files once. The rules are the digest's (shared/hipaa-rules.md), the procedure its §2.
`RULE_VERSION` names the rule set that decided, so stored decisions can say which rules
applied; it is deliberately not part of `Decision.to_dict()` (the contract shape is fixed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache

from notewright.disclosure import authorization as _authorization
from notewright.disclosure import case as _case
from notewright.disclosure import matrix as _matrix
from notewright.disclosure import procedure as _procedure
from notewright.disclosure import reason_codes as _reason_codes
from notewright.disclosure import request as _request
from notewright.disclosure import state_overlays as _state_overlays
from notewright.disclosure.authorization import Defect
from notewright.disclosure.decision import Decision, Refusal
from notewright.disclosure.request import Authorization, Request
from notewright.errors import InvalidInput

__all__ = ["RULE_VERSION", "Authorization", "Decision", "Defect", "Refusal", "Request",
           "check_authorization", "decide", "parse_request"]


def __getattr__(name: str) -> str:
    # RULE_VERSION comes from reason_codes.toml; read lazily so importing stays cheap.
    if name == "RULE_VERSION":
        return _reason_codes.load().rule_version
    raise AttributeError(name)


@cache
def _rules() -> tuple[_matrix.Matrix, _reason_codes.ReasonCodes,
                      dict[str, _state_overlays.Overlay]]:
    return _matrix.load(), _reason_codes.load(), _state_overlays.load()


def parse_request(request: Mapping[str, object]) -> Request:
    """Validate a request dict (InvalidInput names the field and the allowed values)."""
    return _request.parse(request)


def decide(request: Mapping[str, object] | Request) -> Decision:
    """Decide, category by category, what may be released, with reasons and citations."""
    parsed = request if isinstance(request, Request) else _request.parse(request)
    matrix, codes, overlays = _rules()
    return _procedure.decide(_case.build(parsed, matrix, codes, overlays), codes.rule_version)


def check_authorization(
    authorization: Mapping[str, object] | Authorization,
    *,
    date: str | dt.date,
    requester: str | None = None,
    requested: Iterable[str] = (),
    state: str | None = None,
    facts: Mapping[str, object] | None = None,
) -> list[Defect]:
    """Every defect of an authorization, in the digest's §5 checklist order.

    Validity defects (category None) come first; then, for each requested category the
    form does not reach, a coverage defect naming that category. An empty list means the
    authorization is valid for everything requested. Each defect says what to fix.
    """
    parse_facts_from: dict[str, object] = {
        "requester": requester or "client", "basis": "authorization",
        "requested": list(requested) or ["progress_notes"],
        "date": date.isoformat() if isinstance(date, dt.date) else date,
        "authorization": authorization if isinstance(authorization, Mapping) else None,
        "state": state, "facts": dict(facts or {}),
    }
    parsed = _request.parse(parse_facts_from)
    auth = authorization if isinstance(authorization, Authorization) else parsed.authorization
    if auth is None:
        raise InvalidInput("must be an object", field="authorization")
    _, codes, overlays = _rules()
    overlay = overlays.get(state) if state else None
    return _authorization.defects(auth, date=parsed.date, requester=requester,
                                  requested=parsed.requested if requested else (),
                                  facts=parsed.facts, overlay=overlay, codes=codes)
