"""Linking a note's statements to the goals of the client's treatment plan.

The link is stored with the statement in the draft's content (and so signed with it):
`{"ref": "p0g1", "plan_id": ..., "plan_version": 2, "text": "Reduce avoidance ..."}`.
The goal's text is copied, so the signed note still says what it was linked to after
the plan is revised. Goals have no ids of their own: `p<problem>g<goal>` indexes the
plan version named beside it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from notewright.errors import InvalidInput
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import TreatmentPlan, User
from notewright.storage import records


@dataclass(frozen=True)
class GoalChoice:
    ref: str
    problem: str
    goal: str


def choices(plan: TreatmentPlan | None) -> list[GoalChoice]:
    if plan is None:
        return []
    return [GoalChoice(f"p{pi}g{gi}", problem.text, goal.text)
            for pi, problem in enumerate(plan.problems)
            for gi, goal in enumerate(problem.goals)]


def latest_plan(store: Store, actor: User, client_id: str) -> TreatmentPlan | None:
    """The client's current treatment plan, if the actor may see plans (audited)."""
    now = store.clock()
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        decision = access.may(store.policy, actor, "treatment_plan.view", team, now=now)
        if not decision.allowed:
            return None
        perm = require(store, actor, decision, "client", client_id, client_id)
        plans = records.plans_for_client(conn, store.cipher, client_id)
        plan = plans[-1] if plans else None
        audit(conn, store, actor, "treatment_plan.view", "treatment_plan",
              plan.id if plan else None, client_id=client_id, permission=perm,
              reason="goal links on a note")
    return plan


def link(content: Mapping[str, Any], links: Mapping[tuple[int, int], str],
         plan: TreatmentPlan | None) -> dict[str, Any]:
    """Set (ref) or clear ("") the goal of each statement named in `links`."""
    by_ref = {c.ref: c for c in choices(plan)}
    new = copy.deepcopy(dict(content))
    for (si, j), ref in links.items():
        try:
            statement = new["sections"][si]["statements"][j]
        except (IndexError, KeyError):
            raise InvalidInput(f"no statement {si}.{j} in this note",
                               field="statement") from None
        if not ref:
            statement.pop("goal", None)
            continue
        if plan is None or ref not in by_ref:
            raise InvalidInput("that goal is not in the client's current treatment plan",
                               field=f"g-{si}-{j}")
        statement["goal"] = {"ref": ref, "plan_id": plan.id, "plan_version": plan.version,
                             "text": by_ref[ref].goal}
    return new
