"""The accounting of disclosures (164.528): the client's six-year report, and
suspensions requested by an oversight agency or law enforcement (entries hidden, never
deleted). Entries are written by `packets.mark_sent`, never by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from notewright.errors import InvalidInput
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import User
from notewright.records.requests_accounting import SIX_YEARS, AccountingEntry, report
from notewright.storage import records
from notewright.storage import records_requests as rows


@dataclass(frozen=True)
class AccountingReport:
    practice_name: str
    client_id: str
    client_name: str
    as_of: date
    since: date
    entries: tuple[AccountingEntry, ...]

    def to_pdf(self) -> bytes:
        from notewright.export.pdf import render_accounting

        return render_accounting(practice_name=self.practice_name,
                                 client_name=self.client_name, as_of=self.as_of,
                                 since=self.since, entries=list(self.entries))


def accounting_report(store: Store, actor: User, client_id: str, *,
                      since: date | None = None, as_of: date | None = None
                      ) -> AccountingReport:
    now = store.clock()
    day = as_of or now.date()
    if since is not None and since > day:
        raise InvalidInput("is after the report date", field="since")
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "accounting.view", team,
                                                now=now), "client", client_id, client_id)
        client = records.load_client(conn, client_id)
        entries = report(rows.entries_for_client(conn, store.cipher, client_id), as_of=day,
                         since=since)
        start = max(since, day - timedelta(days=SIX_YEARS)) if since else \
            day - timedelta(days=SIX_YEARS)
        audit(conn, store, actor, "accounting.report", "client", client_id,
              client_id=client_id, permission=perm, reason=f"{len(entries)} entries")
        practice_name = records.load_practice(conn).name
    return AccountingReport(practice_name, client_id,
                            f"{client.given_name} {client.family_name}", day, start,
                            tuple(entries))


def suspend_accounting(store: Store, actor: User, client_id: str, *, until: date,
                       reason: str, in_writing: bool, entry_ids: list[str] | None = None
                       ) -> int:
    """Hide the client's entries (or those listed) from accountings until `until`.
    An oral statement suspends for at most 30 days (164.528(a)(2)(ii))."""
    now = store.clock()
    if not in_writing and until > now.date() + timedelta(days=30):
        raise InvalidInput("an oral statement suspends for at most 30 days unless a written "
                           "statement follows", field="until")
    if len(reason.strip()) < 12:
        raise InvalidInput("record the agency or official and the reason", field="reason")
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "accounting.view", team,
                                                now=now), "client", client_id, client_id)
        entries = [e for e in rows.entries_for_client(conn, store.cipher, client_id)
                   if entry_ids is None or e.id in entry_ids]
        rows.suspend_entries(conn, store.cipher, entries, until, reason.strip())
        audit(conn, store, actor, "accounting.suspend", "client", client_id,
              client_id=client_id, permission=perm,
              reason=f"{len(entries)} entries until {until.isoformat()}")
    return len(entries)
