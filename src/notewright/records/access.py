"""Who may see or do what: the role × action matrix (`data/access.toml`), plus the rules
no data file may loosen. One function per question; each returns a `Permission` that
explains itself, and `.require()` turns a refusal into AccessDenied.

Precedence, first match wins:
1. an inactive user is refused everything;
2. psychotherapy notes: only the author, ever (no role, no break-the-glass);
3. the user's roles' grants from the matrix (union over roles), by scope;
4. an active break-the-glass grant for this client, for the actions it lists (flagged);
5. otherwise refused ("not granted" is itself a reason).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from importlib import resources

from notewright.errors import AccessDenied, DataFileError
from notewright.records.model import (
    BreakGlass,
    CareTeam,
    ProgressNote,
    PsychotherapyNote,
    Role,
    User,
)


class Scope(StrEnum):
    PRACTICE = "practice"
    CARE_TEAM = "care_team"
    SUPERVISEES = "supervisees"
    AUTHOR = "author"


ACTIONS = (
    "client.create", "client.view_demographics", "care_team.manage",
    "session.view", "session.record", "billing.view",
    "treatment_plan.view", "treatment_plan.write",
    "progress_note.view", "progress_note.write", "progress_note.sign",
    "progress_note.amend", "progress_note.addend", "progress_note.cosign",
    "authorization.view", "authorization.record",
    "psychotherapy_note.write", "psychotherapy_note.view",
    "user.manage", "audit.view", "backup.manage", "break_glass",
)
# Records requests (issue 5): intake, the clinician's review, release, the accounting of
# disclosures, amendments. Part of the same vocabulary (ALL_ACTIONS); kept as their own
# tuple so the record-keeping matrix and its tests read on their own.
RECORDS_REQUEST_ACTIONS = (
    "records_request.record", "records_request.view", "records_request.decide",
    "records_request.release", "accounting.view", "amendment.record", "amendment.decide",
)
ALL_ACTIONS = ACTIONS + RECORDS_REQUEST_ACTIONS
PN_ACTIONS = ("psychotherapy_note.write", "psychotherapy_note.view")
# The only grant each psychotherapy-note action may have, and only for clinicians.
_PN_FIXED = {"psychotherapy_note.view": Scope.AUTHOR,
             "psychotherapy_note.write": Scope.CARE_TEAM}


@dataclass(frozen=True)
class AccessPolicy:
    grants: Mapping[Role, Mapping[str, Scope]]
    break_glass_minutes: int
    break_glass_grants: frozenset[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, object], *, source: str = "access.toml"
                  ) -> AccessPolicy:
        roles = data.get("roles")
        if not isinstance(roles, dict):
            raise DataFileError(source, "needs a [roles.<role>] table per role",
                                field="roles")
        grants: dict[Role, dict[str, Scope]] = {}
        for role_name, table in roles.items():
            try:
                role = Role(role_name)
            except ValueError:
                raise DataFileError(source, f"unknown role {role_name!r}; known: "
                                    + ", ".join(r.value for r in Role),
                                    field=f"roles.{role_name}") from None
            if not isinstance(table, dict):
                raise DataFileError(source, "must be a table", field=f"roles.{role_name}")
            grants[role] = {}
            for action, scope_name in table.items():
                where = f"roles.{role_name}.{action}"
                if action not in ALL_ACTIONS:
                    raise DataFileError(source, f"unknown action {action!r}", field=where)
                try:
                    scope = Scope(scope_name)
                except ValueError:
                    raise DataFileError(source, f"unknown scope {scope_name!r}; known: "
                                        + ", ".join(s.value for s in Scope),
                                        field=where) from None
                if action in _PN_FIXED and (role is not Role.CLINICIAN
                                            or scope is not _PN_FIXED[action]):
                    raise DataFileError(
                        source, f"{action} is fixed by law: only clinicians, scope "
                        f"{_PN_FIXED[action].value!r} (45 CFR 164.508(a)(2))", field=where)
                grants[role][action] = scope
        bg = data.get("break_glass", {})
        if not isinstance(bg, dict):
            raise DataFileError(source, "must be a table", field="break_glass")
        minutes = bg.get("minutes", 60)
        if not isinstance(minutes, int) or not 1 <= minutes <= 24 * 60:
            raise DataFileError(source, "must be whole minutes between 1 and 1440",
                                field="break_glass.minutes")
        bg_grants = bg.get("grants", [])
        if not isinstance(bg_grants, list):
            raise DataFileError(source, "must be a list", field="break_glass.grants")
        for action in bg_grants:
            if action not in ACTIONS:
                raise DataFileError(source, f"unknown action {action!r}",
                                    field="break_glass.grants")
            if action in PN_ACTIONS:
                raise DataFileError(source, "break-the-glass never reaches psychotherapy "
                                    "notes (hipaa-rules 10.2)", field="break_glass.grants")
        return cls(grants=grants, break_glass_minutes=minutes,
                   break_glass_grants=frozenset(bg_grants))


def load_policy() -> AccessPolicy:
    """The matrix shipped in the package (data/access.toml)."""
    text = resources.files("notewright").joinpath("data/access.toml").read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError("access.toml", str(exc)) from None
    return AccessPolicy.from_dict(data)


@dataclass(frozen=True)
class Subject:
    """What an action is about: a client's care team, and the author for note actions."""

    care_team: frozenset[str] = frozenset()
    client_id: str | None = None
    author_id: str | None = None


@dataclass(frozen=True)
class Permission:
    allowed: bool
    action: str
    reason: str  # a stable code: "granted:<role>:<scope>", "break_glass", "not_granted", ...
    break_glass: bool = False
    flagged: bool = False
    grant_id: str | None = field(default=None)

    def require(self) -> Permission:
        if not self.allowed:
            raise AccessDenied(f"not permitted: {self.action} ({self.reason})")
        return self


def _in_scope(user: User, scope: Scope, subject: Subject) -> bool:
    if scope is Scope.PRACTICE:
        return True
    if scope is Scope.CARE_TEAM:
        return user.id in subject.care_team
    if scope is Scope.SUPERVISEES:
        if subject.author_id is not None:
            return subject.author_id in user.supervisor_of
        return bool(user.supervisor_of & subject.care_team)
    return subject.author_id is not None and subject.author_id == user.id


def check(policy: AccessPolicy, user: User, action: str, subject: Subject, *,
          now: datetime, break_glass: Iterable[BreakGlass] = ()) -> Permission:
    """The one decision procedure behind every `may_*` question."""
    if action not in ALL_ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not user.active:
        return Permission(False, action, "user_disabled")
    if action == "psychotherapy_note.view":
        # PN-3: the author, and nobody else, whatever the matrix or an emergency says.
        ok = (Role.CLINICIAN in user.roles and subject.author_id is not None
              and subject.author_id == user.id)
        return Permission(ok, action, "author" if ok else "psychotherapy_note_author_only")
    for role in sorted(user.roles):
        scope = policy.grants.get(role, {}).get(action)
        if scope is not None and _in_scope(user, scope, subject):
            return Permission(True, action, f"granted:{role.value}:{scope.value}")
    if action in policy.break_glass_grants and subject.client_id is not None:
        for grant in break_glass:
            if (grant.user_id == user.id and grant.client_id == subject.client_id
                    and grant.active_at(now)):
                return Permission(True, action, "break_glass", break_glass=True,
                                  flagged=True, grant_id=grant.id)
    if action in PN_ACTIONS:
        return Permission(False, action, "psychotherapy_note_author_only")
    return Permission(False, action, "not_granted")


# One function per question. `team` is the client's care team.

def _subject(team: CareTeam, author_id: str | None = None) -> Subject:
    return Subject(care_team=team.member_ids, client_id=team.client_id, author_id=author_id)


def may_view_demographics(policy: AccessPolicy, user: User, team: CareTeam, *,
                          now: datetime, break_glass: Iterable[BreakGlass] = ()
                          ) -> Permission:
    return check(policy, user, "client.view_demographics", _subject(team), now=now,
                 break_glass=break_glass)


def may_view_progress_note(policy: AccessPolicy, user: User, team: CareTeam,
                           note: ProgressNote, *, now: datetime,
                           break_glass: Iterable[BreakGlass] = ()) -> Permission:
    return check(policy, user, "progress_note.view", _subject(team, note.author_id),
                 now=now, break_glass=break_glass)


def may_edit_draft(policy: AccessPolicy, user: User, team: CareTeam, *,
                   now: datetime) -> Permission:
    return check(policy, user, "progress_note.write", _subject(team), now=now)


def may_sign(policy: AccessPolicy, user: User, team: CareTeam, note: ProgressNote, *,
             now: datetime) -> Permission:
    return check(policy, user, "progress_note.sign", _subject(team, note.author_id),
                 now=now)


def may_amend(policy: AccessPolicy, user: User, team: CareTeam, note: ProgressNote, *,
              now: datetime) -> Permission:
    return check(policy, user, "progress_note.amend", _subject(team, note.author_id),
                 now=now)


def may_addend(policy: AccessPolicy, user: User, team: CareTeam, note: ProgressNote, *,
               now: datetime) -> Permission:
    return check(policy, user, "progress_note.addend", _subject(team, note.author_id),
                 now=now)


def may_cosign(policy: AccessPolicy, user: User, team: CareTeam, note: ProgressNote, *,
               now: datetime) -> Permission:
    return check(policy, user, "progress_note.cosign", _subject(team, note.author_id),
                 now=now)


def may_write_psychotherapy_note(policy: AccessPolicy, user: User, team: CareTeam, *,
                                 now: datetime) -> Permission:
    return check(policy, user, "psychotherapy_note.write", _subject(team), now=now)


def may_view_psychotherapy_note(policy: AccessPolicy, user: User, note: PsychotherapyNote,
                                *, now: datetime) -> Permission:
    """Only the author, ever: no care team, no role and no emergency grant is consulted."""
    return check(policy, user, "psychotherapy_note.view",
                 Subject(client_id=note.client_id, author_id=note.author_id), now=now)


def may_break_glass(policy: AccessPolicy, user: User, team: CareTeam, *,
                    now: datetime) -> Permission:
    return check(policy, user, "break_glass", _subject(team), now=now)


def may(policy: AccessPolicy, user: User, action: str, team: CareTeam | None = None, *,
        now: datetime, author_id: str | None = None,
        break_glass: Iterable[BreakGlass] = ()) -> Permission:
    """Any other question from the matrix (billing.view, session.view, user.manage ...)."""
    subject = _subject(team, author_id) if team is not None else Subject(author_id=author_id)
    return check(policy, user, action, subject, now=now, break_glass=break_glass)
