"""The CPT code a session's duration and modality suggest (the clinician may override).

Psychotherapy time codes (CPT 2024): 90832 for 16–37 minutes, 90834 for 38–52, 90837 for
53 or more; family psychotherapy 90846 (without the client) or 90847 (with the client),
at least 26 minutes; group psychotherapy 90853. Under 16 minutes no psychotherapy code
applies, so nothing is suggested.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from notewright.records.model import Modality


def minutes_between(start: time, end: time) -> int:
    """Whole minutes from start to end; a session past midnight ends the next day."""
    day = datetime(2000, 1, 1)
    a, b = datetime.combine(day, start), datetime.combine(day, end)
    if b <= a:
        b += timedelta(days=1)
    return int((b - a).total_seconds() // 60)


def suggest_cpt(modality: Modality | str, minutes: int, *,
                client_present: bool = True) -> str | None:
    modality = Modality(modality)
    if modality is Modality.GROUP:
        return "90853"
    if modality in (Modality.FAMILY, Modality.COUPLE):
        if minutes < 26:
            return None
        return "90847" if client_present else "90846"
    if minutes < 16:
        return None
    if minutes < 38:
        return "90832"
    if minutes < 53:
        return "90834"
    return "90837"
