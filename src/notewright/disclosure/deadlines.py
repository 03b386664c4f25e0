"""Step 7: the deadline to act, in calendar days, or None (digest §6.2, §13).

Only the right of access has a deadline (client, recognised personal representative, or a
valid directed copy), and it runs even when every category is denied: a written denial is
due in the same time. 30 days, 60 after one timely extension notice; a stricter state clock
wins (PRE-2). HIPAA sets no deadline for any other disclosure.
"""

from __future__ import annotations

from notewright.disclosure.case import Case

ACCESS_DAYS = 30
EXTENDED_DAYS = 60
_HOLDERS = frozenset({"client", "personal_representative"})


def has_access_right(case: Case) -> bool:
    """Standing has already refused an unrecognised representative before this is asked."""
    if not case.rule.access_right:
        return False
    return case.request.requester in _HOLDERS or case.directed_copy is True


def days(case: Case) -> int | None:
    if not has_access_right(case):
        return None
    facts = case.facts
    extended = (facts.true("extension_notice_sent_within_initial_30_days")
                and not facts.false("extension_notice_states_reason_and_date"))
    result = EXTENDED_DAYS if extended else ACCESS_DAYS
    access = case.overlay.access if case.overlay else None
    if access is not None:
        mode = (facts.text("access_mode") or "").lower()
        state_days = (access.inspection_deadline_days
                      if "inspect" in mode and access.inspection_deadline_days is not None
                      else access.deadline_days)
        if not access.extension_allowed or not extended:
            result = min(result, state_days)
    return result


def explain(case: Case, deadline: int | None) -> str:
    if deadline is None:
        return "Deadline: HIPAA sets none for this disclosure; act within a reasonable time."
    access = case.overlay.access if case.overlay else None
    stricter = access is not None and deadline < ACCESS_DAYS
    source = access.cite if access is not None and stricter else "45 CFR 164.524(b)(2)"
    return (f"Deadline: act within {deadline} calendar days of receiving the request, including "
            f"a written denial of anything refused ({source}).")
