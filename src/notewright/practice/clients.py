"""Clients, care teams, treatment plans and opening a chart."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection

from notewright.errors import InvalidInput
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import (
    BreakGlass,
    CareTeam,
    Chart,
    Client,
    PersonalRepresentative,
    Problem,
    Role,
    TreatmentPlan,
    User,
)
from notewright.storage import notes, records


def _check_state(state: str) -> str:
    if len(state) != 2 or not state.isalpha():
        raise InvalidInput("two-letter state code, e.g. CA", field="state")
    return state.upper()


def create_client(store: Store, actor: User, *, given_name: str, family_name: str,
                  date_of_birth: date, state: str,
                  personal_representatives: Iterable[PersonalRepresentative] = (),
                  care_team: Iterable[str] = ()) -> Client:
    """A new client; a clinician who creates one joins the care team."""
    if not given_name.strip() or not family_name.strip():
        raise InvalidInput("given and family name are required", field="name")
    now = store.clock()
    if date_of_birth > now.date():
        raise InvalidInput("is in the future", field="date_of_birth")
    client = Client(id=store.new_id(), given_name=given_name.strip(),
                    family_name=family_name.strip(), date_of_birth=date_of_birth,
                    state=_check_state(state),
                    personal_representatives=tuple(personal_representatives))
    with store.write() as conn:
        perm = require(store, actor, access.may(store.policy, actor, "client.create", now=now),
                       "client", None)
        records.insert_client(conn, client, created_by=actor.id, at=now)
        members = set(care_team)
        if Role.CLINICIAN in actor.roles:
            members.add(actor.id)
        for user_id in sorted(members):
            records.add_to_care_team(conn, client.id, user_id)
        audit(conn, store, actor, "client.create", "client", client.id, client_id=client.id,
              permission=perm)
    return client


def add_to_care_team(store: Store, actor: User, client_id: str, username: str) -> None:
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "care_team.manage", team,
                                                now=store.clock()), "client", client_id)
        user, _ = records.load_user(conn, username=username)
        records.add_to_care_team(conn, client_id, user.id)
        audit(conn, store, actor, "care_team.add", "client", client_id, client_id=client_id,
              reason=f"user {user.id}", permission=perm)


def list_clients(store: Store, actor: User) -> list[Client]:
    """The clients whose demographics the actor may see (minimum necessary)."""
    now = store.clock()
    with store.write() as conn:
        teams = records.care_teams(conn)
        visible = [c for c in records.list_clients(conn)
                   if access.may_view_demographics(
                       store.policy, actor, teams.get(c.id, CareTeam(c.id, frozenset())),
                       now=now).allowed]
        audit(conn, store, actor, "client.list", "client", None,
              reason=f"{len(visible)} clients listed")
    return visible


def _grants(conn: Connection, store: Store, actor: User, client_id: str
            ) -> list[BreakGlass]:
    return records.active_break_glass(conn, actor.id, client_id, store.clock())


def open_chart(store: Store, actor: User, client_id: str) -> Chart:
    """Everything in the client's record that this actor may see, and nothing else."""
    now = store.clock()
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        grants = _grants(conn, store, actor, client_id)
        perm = require(store, actor, access.may_view_demographics(
            store.policy, actor, team, now=now, break_glass=grants), "client", client_id,
            client_id)
        client = records.load_client(conn, client_id)

        def allowed(action: str, author: str | None = None) -> bool:
            return access.may(store.policy, actor, action, team, now=now, author_id=author,
                              break_glass=grants).allowed

        sessions = records.sessions_for_client(conn, client_id) \
            if allowed("session.view") else []
        visible = []
        if allowed("progress_note.view"):
            visible = [n for n in notes.summaries_for_client(conn, client_id)
                       if allowed("progress_note.view", n.author_id)]
        addenda = notes.addenda_for(conn, store.cipher, [n.id for n in visible])
        plans = records.plans_for_client(conn, store.cipher, client_id) \
            if allowed("treatment_plan.view") else []
        auths = records.authorizations_for_client(conn, store.cipher, client_id) \
            if allowed("authorization.view") else []
        revs = records.revocations_for(conn, [a.id for a in auths])
        audit(conn, store, actor, "chart.open", "client", client_id, client_id=client_id,
              permission=perm, reason=f"{len(visible)} progress notes shown")
    return Chart(client=client, sessions=tuple(sessions), notes=tuple(visible),
                 addenda=tuple(addenda), plans=tuple(plans), authorizations=tuple(auths),
                 revocations=tuple(revs))


def record_treatment_plan(store: Store, actor: User, client_id: str,
                          problems: Iterable[Problem]) -> TreatmentPlan:
    now = store.clock()
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "treatment_plan.write",
                                                team, now=now), "client", client_id, client_id)
        previous = records.plans_for_client(conn, store.cipher, client_id)
        plan = TreatmentPlan(id=store.new_id(), client_id=client_id,
                             problems=tuple(problems), created_by=actor.id, created_at=now,
                             version=len(previous) + 1)
        records.insert_plan(conn, store.cipher, plan)
        audit(conn, store, actor, "treatment_plan.create", "treatment_plan", plan.id,
              client_id=client_id, permission=perm)
    return plan
