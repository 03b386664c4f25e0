"""Explicit row ↔ dataclass conversion for the record (everything but the notes, which
are in notes.py). Plain functions taking a Connection, called inside the caller's
transaction; nothing here commits."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, insert, select, update

from notewright.errors import NotFound
from notewright.records.model import (
    Authorization,
    BreakGlass,
    CareTeam,
    Client,
    Goal,
    Modality,
    Objective,
    PersonalRepresentative,
    Practice,
    Problem,
    Revocation,
    Role,
    Session,
    TreatmentPlan,
    User,
)
from notewright.storage import tables as t
from notewright.storage.encryption import Cipher

# Practice -------------------------------------------------------------------------------

def save_practice(conn: Connection, p: Practice) -> None:
    values = {"name": p.name, "state": p.state, "is_part2_program": p.is_part2_program,
              "requires_cosignature": p.requires_cosignature, "timezone": p.timezone}
    if conn.execute(select(t.practice.c.id)).first() is None:
        conn.execute(insert(t.practice).values(id=1, **values))
    else:
        conn.execute(update(t.practice).where(t.practice.c.id == 1).values(**values))


def load_practice(conn: Connection) -> Practice:
    r = conn.execute(select(t.practice).where(t.practice.c.id == 1)).mappings().first()
    if r is None:
        raise NotFound("this database has no practice yet; run `notewright init`")
    return Practice(name=r["name"], state=r["state"], is_part2_program=r["is_part2_program"],
                    requires_cosignature=r["requires_cosignature"], timezone=r["timezone"])


# Users ----------------------------------------------------------------------------------

def _user(r: RowMapping, supervisees: Iterable[str]) -> User:
    return User(id=r["id"], username=r["username"], display_name=r["display_name"],
                roles=frozenset(Role(x) for x in r["roles"].split(",") if x),
                supervisor_of=frozenset(supervisees), active=bool(r["active"]))


def insert_user(conn: Connection, user: User, *, password_hash: str, at: datetime) -> None:
    conn.execute(insert(t.users).values(
        id=user.id, username=user.username, display_name=user.display_name,
        roles=",".join(sorted(r.value for r in user.roles)), password_hash=password_hash,
        active=user.active, created_at=at))
    for supervisee in user.supervisor_of:
        add_supervision(conn, user.id, supervisee)


def add_supervision(conn: Connection, supervisor_id: str, supervisee_id: str) -> None:
    conn.execute(insert(t.supervision).values(supervisor_id=supervisor_id,
                                              supervisee_id=supervisee_id))


def _supervisees(conn: Connection, user_id: str) -> list[str]:
    return list(conn.execute(select(t.supervision.c.supervisee_id)
                             .where(t.supervision.c.supervisor_id == user_id)).scalars())


def load_user(conn: Connection, *, user_id: str | None = None,
              username: str | None = None) -> tuple[User, str]:
    """The user and their password hash."""
    query = select(t.users)
    query = (query.where(t.users.c.id == user_id) if user_id is not None
             else query.where(t.users.c.username == username))
    r = conn.execute(query).mappings().first()
    if r is None:
        raise NotFound("no such user")
    return _user(r, _supervisees(conn, r["id"])), r["password_hash"]


def list_users(conn: Connection) -> list[User]:
    pairs = conn.execute(select(t.supervision)).all()
    rows = conn.execute(select(t.users).order_by(t.users.c.username)).mappings().all()
    return [_user(r, [p.supervisee_id for p in pairs if p.supervisor_id == r["id"]])
            for r in rows]


def set_user_active(conn: Connection, user_id: str, active: bool) -> None:
    conn.execute(update(t.users).where(t.users.c.id == user_id).values(active=active))


def set_password_hash(conn: Connection, user_id: str, password_hash: str) -> None:
    conn.execute(update(t.users).where(t.users.c.id == user_id)
                 .values(password_hash=password_hash))


# Clients and care teams -----------------------------------------------------------------

def insert_client(conn: Connection, c: Client, *, created_by: str, at: datetime) -> None:
    reps = json.dumps([asdict(r) for r in c.personal_representatives])
    conn.execute(insert(t.clients).values(
        id=c.id, given_name=c.given_name, family_name=c.family_name,
        date_of_birth=c.date_of_birth, state=c.state, personal_representatives=reps,
        created_by=created_by, created_at=at))


def _client(r: RowMapping) -> Client:
    reps = tuple(PersonalRepresentative(**x) for x in json.loads(r["personal_representatives"]))
    return Client(id=r["id"], given_name=r["given_name"], family_name=r["family_name"],
                  date_of_birth=r["date_of_birth"], state=r["state"],
                  personal_representatives=reps)


def load_client(conn: Connection, client_id: str) -> Client:
    r = conn.execute(select(t.clients).where(t.clients.c.id == client_id)).mappings().first()
    if r is None:
        raise NotFound(f"no client with id {client_id}")
    return _client(r)


def list_clients(conn: Connection) -> list[Client]:
    query = select(t.clients).order_by(t.clients.c.family_name, t.clients.c.given_name)
    return [_client(r) for r in conn.execute(query).mappings()]


def care_team(conn: Connection, client_id: str) -> CareTeam:
    members = conn.execute(select(t.care_team.c.user_id)
                           .where(t.care_team.c.client_id == client_id)).scalars()
    return CareTeam(client_id, frozenset(members))


def care_teams(conn: Connection) -> dict[str, CareTeam]:
    teams: dict[str, set[str]] = {}
    for client_id, user_id in conn.execute(select(t.care_team.c.client_id,
                                                  t.care_team.c.user_id)):
        teams.setdefault(client_id, set()).add(user_id)
    return {cid: CareTeam(cid, frozenset(m)) for cid, m in teams.items()}


def add_to_care_team(conn: Connection, client_id: str, user_id: str) -> None:
    if user_id not in care_team(conn, client_id).member_ids:
        conn.execute(insert(t.care_team).values(client_id=client_id, user_id=user_id))


def remove_from_care_team(conn: Connection, client_id: str, user_id: str) -> None:
    conn.execute(delete(t.care_team).where(t.care_team.c.client_id == client_id,
                                           t.care_team.c.user_id == user_id))


# Sessions -------------------------------------------------------------------------------

def insert_session(conn: Connection, s: Session) -> None:
    conn.execute(insert(t.sessions).values(
        id=s.id, client_id=s.client_id, clinician_id=s.clinician_id, date=s.date,
        start_time=s.start_time, end_time=s.end_time, modality=s.modality.value,
        cpt_code=s.cpt_code, place_of_service=s.place_of_service, telehealth=s.telehealth))


def _session(r: RowMapping) -> Session:
    return Session(id=r["id"], client_id=r["client_id"], clinician_id=r["clinician_id"],
                   date=r["date"], start_time=r["start_time"], end_time=r["end_time"],
                   modality=Modality(r["modality"]), cpt_code=r["cpt_code"],
                   place_of_service=r["place_of_service"], telehealth=bool(r["telehealth"]))


def load_session(conn: Connection, session_id: str) -> Session:
    r = conn.execute(select(t.sessions).where(t.sessions.c.id == session_id)).mappings().first()
    if r is None:
        raise NotFound(f"no session with id {session_id}")
    return _session(r)


def sessions_for_client(conn: Connection, client_id: str) -> list[Session]:
    query = (select(t.sessions).where(t.sessions.c.client_id == client_id)
             .order_by(t.sessions.c.date, t.sessions.c.start_time))
    return [_session(r) for r in conn.execute(query).mappings()]


# Treatment plans (encrypted) ------------------------------------------------------------

def _plan_json(plan: TreatmentPlan) -> bytes:
    def objective(o: Objective) -> dict[str, Any]:
        return {"text": o.text, "measure": o.measure, "target_date": o.target_date.isoformat()}
    problems = [{"text": p.text, "goals": [{"text": g.text,
                                            "objectives": [objective(o) for o in g.objectives]}
                                           for g in p.goals]} for p in plan.problems]
    return json.dumps({"problems": problems}).encode()


def insert_plan(conn: Connection, cipher: Cipher, plan: TreatmentPlan) -> None:
    kid, blob = cipher.encrypt("treatment_plans", "body", plan.id, _plan_json(plan))
    conn.execute(insert(t.treatment_plans).values(
        id=plan.id, client_id=plan.client_id, version=plan.version, body=blob, key_id=kid,
        created_by=plan.created_by, created_at=plan.created_at))


def plans_for_client(conn: Connection, cipher: Cipher, client_id: str) -> list[TreatmentPlan]:
    query = (select(t.treatment_plans).where(t.treatment_plans.c.client_id == client_id)
             .order_by(t.treatment_plans.c.version))
    plans = []
    for r in conn.execute(query).mappings():
        doc = json.loads(cipher.decrypt("treatment_plans", "body", r["id"], r["key_id"],
                                        r["body"]))
        problems = tuple(Problem(p["text"], tuple(
            Goal(g["text"], tuple(Objective(o["text"], o["measure"],
                                            date.fromisoformat(o["target_date"]))
                                  for o in g["objectives"])) for g in p["goals"]))
            for p in doc["problems"])
        plans.append(TreatmentPlan(id=r["id"], client_id=r["client_id"], problems=problems,
                                   created_by=r["created_by"], created_at=r["created_at"],
                                   version=r["version"]))
    return plans


# Authorizations and revocations ---------------------------------------------------------

def insert_authorization(conn: Connection, cipher: Cipher, a: Authorization) -> None:
    kid, blob = cipher.encrypt("authorizations", "body", a.id, json.dumps(a.terms).encode())
    conn.execute(insert(t.authorizations).values(
        id=a.id, client_id=a.client_id, body=blob, key_id=kid, attachment_ref=a.attachment_ref,
        attachment_sha256=a.attachment_sha256, recorded_by=a.recorded_by,
        recorded_at=a.recorded_at))


def load_authorization(conn: Connection, cipher: Cipher, auth_id: str) -> Authorization:
    r = conn.execute(select(t.authorizations)
                     .where(t.authorizations.c.id == auth_id)).mappings().first()
    if r is None:
        raise NotFound(f"no authorization with id {auth_id}")
    return _authorization(r, cipher)


def _authorization(r: RowMapping, cipher: Cipher) -> Authorization:
    terms = json.loads(cipher.decrypt("authorizations", "body", r["id"], r["key_id"], r["body"]))
    return Authorization(id=r["id"], client_id=r["client_id"], terms=terms,
                         recorded_by=r["recorded_by"], recorded_at=r["recorded_at"],
                         attachment_ref=r["attachment_ref"],
                         attachment_sha256=r["attachment_sha256"])


def authorizations_for_client(conn: Connection, cipher: Cipher,
                              client_id: str) -> list[Authorization]:
    query = (select(t.authorizations).where(t.authorizations.c.client_id == client_id)
             .order_by(t.authorizations.c.recorded_at))
    return [_authorization(r, cipher) for r in conn.execute(query).mappings()]


def insert_revocation(conn: Connection, r: Revocation) -> None:
    conn.execute(insert(t.revocations).values(
        id=r.id, authorization_id=r.authorization_id, received_on=r.received_on,
        in_writing=r.in_writing, recorded_by=r.recorded_by, recorded_at=r.recorded_at))


def revocations_for(conn: Connection, authorization_ids: Iterable[str]) -> list[Revocation]:
    ids = list(authorization_ids)
    if not ids:
        return []
    query = select(t.revocations).where(t.revocations.c.authorization_id.in_(ids))
    return [Revocation(id=r["id"], authorization_id=r["authorization_id"],
                       received_on=r["received_on"], in_writing=bool(r["in_writing"]),
                       recorded_by=r["recorded_by"], recorded_at=r["recorded_at"])
            for r in conn.execute(query).mappings()]


# Break-the-glass grants -----------------------------------------------------------------

def insert_break_glass(conn: Connection, g: BreakGlass) -> None:
    conn.execute(insert(t.break_glass).values(
        id=g.id, user_id=g.user_id, client_id=g.client_id, reason=g.reason,
        opened_at=g.opened_at, expires_at=g.expires_at))


def active_break_glass(conn: Connection, user_id: str, client_id: str,
                       now: datetime) -> list[BreakGlass]:
    query = select(t.break_glass).where(t.break_glass.c.user_id == user_id,
                                        t.break_glass.c.client_id == client_id,
                                        t.break_glass.c.expires_at > now)
    return [BreakGlass(id=r["id"], user_id=r["user_id"], client_id=r["client_id"],
                       reason=r["reason"], opened_at=r["opened_at"],
                       expires_at=r["expires_at"])
            for r in conn.execute(query).mappings()]
