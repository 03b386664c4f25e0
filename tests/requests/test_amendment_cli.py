"""`notewright amendment ...` through main(argv): record, accept, deny, the client's
statement of disagreement, the practice's rebuttal, and the list."""

from __future__ import annotations

from typing import Any

import pytest
from requests_cast import PASSWORD, make_world

from notewright.cli import main


@pytest.fixture
def cli(db: Any, store: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Any:
    for key, value in db.env().items():
        if key.startswith("NOTEWRIGHT_"):
            monkeypatch.setenv(key, value)
    monkeypatch.setenv("NOTEWRIGHT_PASSWORD", PASSWORD)
    world = make_world(store)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out.strip(), out.err.strip()

    run.world = world  # type: ignore[attr-defined]
    return run


def _add(cli: Any, note: str) -> str:
    code, out, err = cli("amendment", "add", "--note", note, "--change",
                         "My sister's name is Ana, not Anna.", "--reason", "Wrong name",
                         "--received", "2026-03-03", "--as", "frankie")
    assert code == 0, err
    assert "due 2026-05-02" in out
    return out.split()[2]


def test_amendment_accept_deny_disagree_rebut_and_list(cli: Any) -> None:
    w = cli.world
    a = _add(cli, w.note_ids[0])
    code, out, err = cli("amendment", "accept", a, "--text",
                         "Sister's name is Ana, not Anna.", "--notify", "Dr. Quinn Hale",
                         "--as", "avery")
    assert code == 0, err
    assert "linked to note" in out and "Dr. Quinn Hale" in out
    code, _, err = cli("amendment", "accept", a, "--text", "Accepting it a second time.",
                       "--as", "avery")
    assert code == 1 and "already accepted" in err

    d = _add(cli, w.note_ids[1])
    code, _, err = cli("amendment", "deny", d, "--basis", "accurate_and_complete",
                       "--explanation", "short", "--as", "avery")
    assert code == 2 and "written out" in err
    code, out, err = cli("amendment", "deny", d, "--basis", "accurate_and_complete",
                         "--explanation", "The note reflects the session.", "--as", "avery")
    assert code == 0 and "denied (accurate_and_complete)" in out, err
    code, out, err = cli("amendment", "disagree", d, "--statement",
                         "I was not anxious that day.", "--as", "frankie")
    assert code == 0 and "disagreement filed" in out, err
    code, out, err = cli("amendment", "rebut", d, "--rebuttal",
                         "Observed and documented in session.", "--as", "avery")
    assert code == 0 and "rebuttal recorded" in out, err

    code, out, err = cli("amendment", "list", w.casey.id, "--as", "avery")
    assert code == 0, err
    assert f"{a}  2026-03-03  accepted" in out
    assert f"{d}  2026-03-03  denied" in out and "disagreement  rebuttal" in out


def test_amendment_bad_basis_is_a_usage_error_and_others_are_refused(cli: Any) -> None:
    w = cli.world
    d = _add(cli, w.note_ids[0])
    with pytest.raises(SystemExit) as exc:
        cli("amendment", "deny", d, "--basis", "dislike", "--explanation",
            "Not a basis at all.", "--as", "avery")
    assert exc.value.code == 2
    code, _, err = cli("amendment", "list", w.casey.id, "--as", "blake")
    assert code == 1 and "may not" in err  # not on Casey's care team
    code, _, err = cli("amendment", "deny", d, "--basis", "accurate_and_complete",
                       "--explanation", "Front desk cannot decide this.", "--as", "frankie")
    assert code == 1 and err.startswith("notewright:")
    code, _, err = cli("amendment", "add", "--note", "no-such-note", "--change",
                       "Something long enough.", "--as", "frankie")
    assert code == 1 and err.startswith("notewright:")


def test_amendment_extension_once_with_notice_inside_the_first_60_days(cli: Any) -> None:
    w = cli.world
    a = _add(cli, w.note_ids[0])  # received 2026-03-03, due 2026-05-02
    code, out, err = cli("amendment", "extend", a, "--notice-sent", "2026-04-20",
                         "--reason", "Waiting on the original session record.",
                         "--as", "avery")
    assert code == 0, err
    assert "due 2026-06-01" in out  # 60 days + the one 30-day extension
    code, _, err = cli("amendment", "extend", a, "--notice-sent", "2026-04-21",
                       "--reason", "A second extension.", "--as", "avery")
    assert code != 0 and err  # one extension only

    late = _add(cli, w.note_ids[1])
    code, _, err = cli("amendment", "extend", late, "--notice-sent", "2026-05-20",
                       "--reason", "Notice after the first deadline.", "--as", "avery")
    assert code != 0 and err
