"""Care teams as the practice admin manages them: who is on each client's team, adding
a clinician (practice.clients.add_to_care_team) and removing one. Removing never
deletes anything: the clinician's notes stay in the record, they just stop seeing it."""

from __future__ import annotations

from dataclasses import dataclass

from notewright.errors import InvalidInput
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import Client, Role, User
from notewright.storage import records


@dataclass(frozen=True)
class TeamRow:
    client: Client
    members: tuple[User, ...]


def care_team_overview(store: Store, actor: User) -> tuple[list[TeamRow], list[User]]:
    """Every client with its care team, and the active clinicians who could join."""
    now = store.clock()
    with store.write() as conn:
        perm = require(store, actor, access.may(store.policy, actor, "care_team.manage",
                                                now=now), "client", None)
        users = {u.id: u for u in records.list_users(conn)}
        teams = records.care_teams(conn)
        rows = []
        for client in records.list_clients(conn):
            team = teams.get(client.id)
            ids = sorted(team.member_ids) if team else []
            rows.append(TeamRow(client, tuple(users[i] for i in ids if i in users)))
        audit(conn, store, actor, "care_team.list", "client", None, permission=perm,
              reason=f"{len(rows)} clients")
    clinicians = [u for u in users.values() if u.active and Role.CLINICIAN in u.roles]
    return rows, sorted(clinicians, key=lambda u: u.username)


def remove_from_care_team(store: Store, actor: User, client_id: str, user_id: str) -> None:
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "care_team.manage", team,
                                                now=store.clock()), "client", client_id)
        if user_id not in team.member_ids:
            raise InvalidInput("that person is not on this client's care team",
                               field="user_id")
        records.remove_from_care_team(conn, client_id, user_id)
        audit(conn, store, actor, "care_team.remove", "client", client_id,
              client_id=client_id, reason=f"user {user_id}", permission=perm)
