"""schemathesis against the running app, in-process on its ASGI interface: the schema
the app publishes (/openapi.json) is loaded from the app itself and every operation is
fuzzed with a bounded number of examples, signed out and signed in as a clinician.

Checked on every response: no server error (5xx), the status code and the content type
are declared in the schema, declared headers are present; signed out, no route but the
public ones answers with anything but a redirect to sign in or an error page, and no
response carries the synthetic practice's names or note text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import checks as sc

from notewright.web.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from approutes import served_routes  # noqa: E402
from webcast import Web, ids, sign_in  # noqa: E402
from webfixtures import (  # noqa: E402,F401  (fixtures)
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

EXAMPLES = 25  # per operation and mode; the whole file stays well under a minute
CHECKS = [sc.not_a_server_error, sc.status_code_conformance, sc.content_type_conformance,
          sc.response_headers_conformance]
# Answer a signed-out client with a page: the sign-in form, the schema. Everything else
# (including /static, outside the schema) needs a session.
PUBLIC = {("GET", "/"), ("POST", "/signin"), ("GET", "/openapi.json")}
# Synthetic PHI of the demo practice that must never reach a signed-out client.
SECRETS = ("Rivera", "Casey", "hunch", "breathing exercise", "mood log", "Affect brighter")
# Signed in, these would end the session the rest of the run relies on.
SIGNED_IN_SKIP = {("POST", "/signout")}


def _operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


def _known_ids(web: Web) -> dict[str, str]:
    known = ids(web.store)
    return {"client_id": known.casey, "note_id": known.signed_note,
            "request_id": "0" * 32, "packet_id": "0" * 32}


def _strategy(op: Any, known: dict[str, str]) -> Any:
    """Random parameters, and the same with real identifiers where the path has them."""
    names = {p.name for p in op.path_parameters}
    fixed = {k: v for k, v in known.items() if k in names}
    if not fixed:
        return op.as_strategy()
    return st.one_of(op.as_strategy(), op.as_strategy(path_parameters=fixed))


def _fuzz(web: Web, *, headers: dict[str, str], signed_in: bool) -> list[str]:
    app = create_app(web.settings, store=web.store, config=web.config)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    known = _known_ids(web)
    failures: list[str] = []
    for op in _operations(schema):
        key = (op.method.upper(), op.path)
        if signed_in and key in SIGNED_IN_SKIP:
            continue

        @given(case=_strategy(op, known))
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            op_key = (case.operation.method.upper(), case.operation.path)
            try:
                response = case.call(headers=headers, allow_redirects=False)
                case.validate_response(response, checks=CHECKS, headers=headers)
            except Exception as exc:  # noqa: BLE001  (collected, reported together)
                failures.append(f"{op_key}: {type(exc).__name__}: {str(exc)[:300]}\n  "
                                f"{case.as_curl_command(headers=headers)[:400]}")
                return
            if signed_in or op_key in PUBLIC:
                return
            status = response.status_code
            if status == 303:
                location = (response.headers.get("location") or [""])[0]
                if location != "/" and not location.startswith("/?"):
                    failures.append(f"{op_key}: signed out, redirected to {location}")
            elif status < 400:
                failures.append(f"{op_key}: signed out, answered {status}")
            leaked = [s for s in SECRETS if s in response.text]
            if leaked:
                failures.append(f"{op_key}: signed out, response shows {leaked}")

        run()
    return failures


@pytest.fixture(name="web")
def web_alias(web_sqlite: Web) -> Iterator[Web]:
    yield web_sqlite


def test_schema_is_served_and_lists_every_route(web: Web) -> None:
    client = web.client()
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    paths = response.json()["paths"]
    app = create_app(web.settings, store=web.store, config=web.config)
    listed = {(m.upper(), p) for p, ops in paths.items() for m in ops}
    assert served_routes(app) - {("GET", "/openapi.json")} == listed


def test_fuzz_signed_out(web: Web) -> None:
    failures = _fuzz(web, headers={}, signed_in=False)
    assert not failures, "\n".join(failures)


def test_fuzz_signed_in_as_clinician(web: Web) -> None:
    client = web.client()
    csrf = sign_in(client, "avery")
    cookie = f"nw_session={client.cookies['nw_session']}"
    failures = _fuzz(web, headers={"Cookie": cookie, "X-CSRF-Token": csrf}, signed_in=True)
    assert not failures, "\n".join(failures)
