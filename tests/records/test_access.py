"""The access matrix, read like cases: every role × every action × own/other client.

The cast: Dr. Avery Quinn (treating therapist, author), Dr. Blake Moreno (same practice,
not the originator), Sam Okafor (Avery's supervisor), Billie (biller), Frankie (front
desk), Alex (practice admin). "Own client" means on the user's care team; for a
supervisor, on a supervisee's care team.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from notewright.errors import AccessDenied, DataFileError
from notewright.records import access
from notewright.records.access import ACTIONS, AccessPolicy, Subject
from notewright.records.model import BreakGlass, CareTeam, PsychotherapyNote, Role, User

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
POLICY = access.load_policy()

AVERY = User("u-avery", "avery", "Dr. Avery Quinn", frozenset({Role.CLINICIAN}))
BLAKE = User("u-blake", "blake", "Dr. Blake Moreno", frozenset({Role.CLINICIAN}))
SAM = User("u-sam", "sam", "Dr. Sam Okafor", frozenset({Role.SUPERVISOR}),
           supervisor_of=frozenset({"u-avery"}))
BILLIE = User("u-billie", "billie", "Billie Tran", frozenset({Role.BILLER}))
FRANKIE = User("u-frankie", "frankie", "Frankie Diaz", frozenset({Role.FRONT_DESK}))
ALEX = User("u-alex", "alex", "Alex Kim", frozenset({Role.PRACTICE_ADMIN}))
BY_ROLE = {Role.CLINICIAN: AVERY, Role.SUPERVISOR: SAM, Role.BILLER: BILLIE,
           Role.FRONT_DESK: FRANKIE, Role.PRACTICE_ADMIN: ALEX}

EVERYONE = ("client.view_demographics", "session.view")
# What each role may do on its own client and on another client. Everything else: denied.
EXPECTED = {
    Role.CLINICIAN: {
        "own": {"client.create", *EVERYONE, "session.record", "billing.view",
                "treatment_plan.view", "treatment_plan.write", "progress_note.view",
                "progress_note.write", "progress_note.sign", "progress_note.amend",
                "progress_note.addend", "authorization.view", "authorization.record",
                "psychotherapy_note.write", "psychotherapy_note.view", "break_glass"},
        "other": {"client.create", "break_glass"},
    },
    Role.SUPERVISOR: {
        "own": {*EVERYONE, "treatment_plan.view", "progress_note.view",
                "progress_note.addend", "progress_note.cosign", "authorization.view",
                "break_glass"},
        "other": {"break_glass"},
    },
    Role.BILLER: {"own": {*EVERYONE, "billing.view"}, "other": {*EVERYONE, "billing.view"}},
    Role.FRONT_DESK: {
        "own": {"client.create", *EVERYONE, "authorization.view", "authorization.record"},
        "other": {"client.create", *EVERYONE, "authorization.view", "authorization.record"},
    },
    Role.PRACTICE_ADMIN: {
        "own": {"client.create", "client.view_demographics", "care_team.manage",
                "user.manage", "audit.view", "backup.manage", "authorization.view"},
        "other": {"client.create", "client.view_demographics", "care_team.manage",
                  "user.manage", "audit.view", "backup.manage",
                  "authorization.view"},
    },
}


def _subject(user: User, own: bool) -> Subject:
    """Own: the user (or their supervisee) is on the team and wrote the note."""
    insider = "u-avery" if user.has(Role.SUPERVISOR) else user.id
    if own:
        return Subject(care_team=frozenset({insider}), client_id="c-own", author_id=insider)
    return Subject(care_team=frozenset({"u-blake"}), client_id="c-other", author_id="u-blake")


CASES = [(role, action, where) for role in Role for action in ACTIONS
         for where in ("own", "other")]


@pytest.mark.parametrize(("role", "action", "where"), CASES,
                         ids=[f"{r.value}-{a}-{w}" for r, a, w in CASES])
def test_matrix(role: Role, action: str, where: str) -> None:
    user = BY_ROLE[role]
    if user is AVERY and where == "other":
        user = AVERY  # Blake's client: Avery is not on the team and wrote nothing
    decision = access.check(POLICY, user, action, _subject(user, where == "own"), now=NOW)
    assert decision.allowed is (action in EXPECTED[role][where]), decision.reason


def _pn(author: str) -> PsychotherapyNote:
    return PsychotherapyNote(id="pn1", client_id="c-own", author_id=author, text="…",
                             created_at=NOW, updated_at=NOW)


@pytest.mark.parametrize("user", [AVERY, BLAKE, SAM, BILLIE, FRANKIE, ALEX],
                         ids=lambda u: u.username)
def test_psychotherapy_notes_only_the_author_ever(user: User) -> None:
    allowed = access.may_view_psychotherapy_note(POLICY, user, _pn("u-avery"), now=NOW)
    assert allowed.allowed is (user is AVERY)


def test_colleague_who_is_not_originator_is_refused_psychotherapy_notes_even_as_admin():
    everything = User("u-blake", "blake", "Dr. Blake Moreno", frozenset(Role),
                      supervisor_of=frozenset({"u-avery"}))
    decision = access.may_view_psychotherapy_note(POLICY, everything, _pn("u-avery"), now=NOW)
    assert not decision.allowed and decision.reason == "psychotherapy_note_author_only"
    with pytest.raises(AccessDenied, match="psychotherapy_note_author_only"):
        decision.require()


def test_supervisor_sees_supervisees_progress_notes_never_their_psychotherapy_notes():
    team = CareTeam("c-own", frozenset({"u-avery"}))
    from notewright.records.model import NoteStatus, ProgressNote
    note = ProgressNote(id="n", client_id="c-own", session_id="s", author_id="u-avery",
                        format="soap", content={"sections": []}, status=NoteStatus.SIGNED,
                        version=1, created_at=NOW, updated_at=NOW)
    assert access.may_view_progress_note(POLICY, SAM, team, note, now=NOW).allowed
    assert access.may_cosign(POLICY, SAM, team, note, now=NOW).allowed
    assert not access.may_view_psychotherapy_note(POLICY, SAM, _pn("u-avery"), now=NOW).allowed


def test_break_the_glass_reaches_the_record_flagged_but_never_psychotherapy_notes():
    team = CareTeam("c-own", frozenset({"u-avery"}))
    grant = BreakGlass("bg1", "u-blake", "c-own", "client in crisis, Avery unreachable",
                       NOW, NOW + timedelta(minutes=POLICY.break_glass_minutes))
    view = access.check(POLICY, BLAKE, "progress_note.view",
                        Subject(team.member_ids, "c-own", "u-avery"), now=NOW,
                        break_glass=[grant])
    assert view.allowed and view.break_glass and view.flagged and view.grant_id == "bg1"
    assert not access.may_view_psychotherapy_note(POLICY, BLAKE, _pn("u-avery"),
                                                  now=NOW).allowed
    pn = access.check(POLICY, BLAKE, "psychotherapy_note.view",
                      Subject(team.member_ids, "c-own", "u-avery"), now=NOW,
                      break_glass=[grant])
    assert not pn.allowed
    write = access.check(POLICY, BLAKE, "progress_note.write",
                         Subject(team.member_ids, "c-own"), now=NOW, break_glass=[grant])
    assert not write.allowed  # emergency access is for reading


def test_break_the_glass_expires_and_is_per_client_and_per_user():
    grant = BreakGlass("bg1", "u-blake", "c-own", "r", NOW, NOW + timedelta(minutes=60))
    subject = Subject(frozenset({"u-avery"}), "c-own", "u-avery")
    later = NOW + timedelta(minutes=60)
    assert not access.check(POLICY, BLAKE, "progress_note.view", subject, now=later,
                            break_glass=[grant]).allowed
    other = Subject(frozenset({"u-avery"}), "c-else", "u-avery")
    assert not access.check(POLICY, BLAKE, "progress_note.view", other, now=NOW,
                            break_glass=[grant]).allowed
    assert not access.check(POLICY, BILLIE, "progress_note.view", subject, now=NOW,
                            break_glass=[grant]).allowed


def test_disabled_user_is_refused_everything():
    from dataclasses import replace
    gone = replace(AVERY, active=False)
    for action in ACTIONS:
        assert not access.check(POLICY, gone, action, _subject(AVERY, True), now=NOW).allowed


@pytest.mark.parametrize("data, field", [
    ({"roles": {"practice_admin": {"psychotherapy_note.view": "practice"}}},
     "roles.practice_admin.psychotherapy_note.view"),
    ({"roles": {"clinician": {"psychotherapy_note.view": "care_team"}}},
     "roles.clinician.psychotherapy_note.view"),
    ({"roles": {"supervisor": {"psychotherapy_note.view": "author"}}},
     "roles.supervisor.psychotherapy_note.view"),
    ({"roles": {}, "break_glass": {"grants": ["psychotherapy_note.view"]}},
     "break_glass.grants"),
    ({"roles": {"clinician": {"note.burn": "practice"}}}, "roles.clinician.note.burn"),
    ({"roles": {"janitor": {}}}, "roles.janitor"),
    ({"roles": {"biller": {"billing.view": "everyone"}}}, "roles.biller.billing.view"),
])
def test_a_policy_file_cannot_loosen_the_fixed_rules(data, field):
    with pytest.raises(DataFileError) as err:
        AccessPolicy.from_dict(data)
    assert err.value.field == field


def test_biller_and_front_desk_never_get_note_bodies():
    for user in (BILLIE, FRANKIE, ALEX):
        for action in ("progress_note.view", "treatment_plan.view",
                       "psychotherapy_note.view"):
            assert not access.check(POLICY, user, action, _subject(user, True),
                                    now=NOW).allowed
