"""The synthetic cast and request factories for the disclosure tests.

Casey Rivera (adult client), Jordan Lee (15, minor client) and her parent Morgan Lee,
Dr. Avery Stone (treating therapist, author of the psychotherapy notes), Dr. Blake Ortiz
(same practice, not the originator), Dr. Quinn Hale (outside provider), Summit Health Plan
(payer), Riley Park (attorney). Everyone here is invented.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "data" / "disclosure" / "cases"
DATE = "2026-03-02"


def make_authorization(**changes: Any) -> dict[str, Any]:
    """A valid general authorization from Casey to Dr. Quinn Hale."""
    auth: dict[str, Any] = {
        "covers": ["progress_notes", "treatment_plan", "diagnosis"],
        "specifically_names_psychotherapy_notes": False,
        "combined_with_other_authorization": False,
        "combined_with_psychotherapy_notes_only": False,
        "expires": "2026-12-31", "signed": True, "signed_date": "2026-01-15", "revoked": False,
        "has_revocation_statement": True, "has_redisclosure_statement": True,
        "has_conditioning_statement": True, "purpose": "continuity of care",
        "recipient": "Dr. Quinn Hale", "conditioned_on_treatment": False,
    }
    auth.update(changes)
    return auth


def make_pn_authorization(**changes: Any) -> dict[str, Any]:
    """A valid stand-alone psychotherapy-note authorization."""
    return make_authorization(**{"covers": ["psychotherapy_notes"],
                                 "specifically_names_psychotherapy_notes": True, **changes})


def make_request(**changes: Any) -> dict[str, Any]:
    """Casey asks for her own record; override any field."""
    request: dict[str, Any] = {
        "requester": "client", "basis": "right_of_access", "authorization": None,
        "requested": ["progress_notes"], "date": DATE, "has_satisfactory_assurance": False,
        "state": None, "client_is_minor": False, "facts": {},
    }
    request.update(copy.deepcopy(changes))
    return request


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(p.stem, json.loads(p.read_text("utf-8"))) for p in sorted(CASES.glob("*.json"))]
