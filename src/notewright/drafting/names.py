"""People named in a description: the client's name becomes the client term, and another
person's name becomes their role when the description gives it ("her sister Maria" →
"client's sister"). Names are found from how they are used, not from a name list."""

from __future__ import annotations

import re
from collections import Counter

_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_RELATION = (r"mother|father|mom|dad|stepmother|stepfather|stepmom|stepdad|sister|brother|"
             r"son|daughter|wife|husband|partner|boyfriend|girlfriend|fiancée?|ex-husband|"
             r"ex-wife|ex|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|friend|"
             r"roommate|boss|supervisor|coworker|co-worker|teacher|coach|caregiver|niece|"
             r"nephew|child|baby|infant|toddler|stepdaughter|stepson|sibling|twin")
_WITH_RELATION = re.compile(
    rf"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Cc]lient'?s|[Pp]t'?s|[Cc]l'?s|[A-Z][a-z]+'s)\s+"
    rf"(?:(?:older|younger|little|"
    rf"big|new|late|former|adult|\d+[- ]?(?:yo|year[- ]old))\s+)?({_RELATION}),?\s+({_NAME})\b")
_CLIENT_CONTEXT = re.compile(
    rf"\b(?:met with|saw|seen|session with|client|pt|cl|named|with client|for)\s+({_NAME})\b|"
    rf"(?:^|[.;!?]\s+|\n\s*(?:[-*•]\s*)?)({_NAME})(?:'s)?\s+(?:reports?|reported|said|says|"
    rf"was|is|has|had|presented|presents|came|arrived|shared|stated|states|talked|described|"
    rf"endorsed|endorses|denied|denies|appeared|appears|seemed|continues|agreed|identified|"
    rf"practiced|engaged|completed|will|did|became|cried|spoke|mentioned|discussed|"
    rf"expressed|feels|felt|struggled|admitted|told|brought|returned|attended|met|"
    rf"participated|wants|worked|made|noted|tolerated)\b")
_NOT_NAMES = frozenset("""
I Client Clinician Therapist Writer Pt Cl Dr Mr Mrs Ms Mx Mom Dad Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September
October November December Christmas Thanksgiving Easter God Zoom Teams English Spanish
Session Group Plan Progress Affect Mood Today Tonight Next Last This That The She He They
We Her His Their Both Neither Each Parents Mother Father Partner Couple Family Sleep Still
Reports Denies Endorses Discussed Reviewed Used Client's Homework Intervention Response
Assessment Behavior Data Subjective Objective Goals Problem Evaluation Also After Before
During Overall Per Patient Therapy Safety Medication Risk Member Members Several Some
""".split())


def find_names(text: str) -> tuple[str | None, dict[str, str]]:
    """(the client's name or None, {another person's name: their role})."""
    roles: dict[str, str] = {}
    for m in _WITH_RELATION.finditer(text):
        relation, name = m.group(1).lower(), m.group(2)
        if name not in _NOT_NAMES:
            relation = {"mom": "mother", "dad": "father", "grandma": "grandmother",
                        "grandpa": "grandfather", "stepmom": "stepmother",
                        "stepdad": "stepfather"}.get(relation, relation)
            roles.setdefault(name, relation)
    counts: Counter[str] = Counter()
    for m in _CLIENT_CONTEXT.finditer(text):
        name = m.group(1) or m.group(2)
        if name and name not in _NOT_NAMES and name not in roles:
            counts[name] += 1
    client = None
    if counts:
        top = counts.most_common(1)[0][0]
        # Every mention of the name counts once a usage shows it is a person.
        everywhere = Counter(re.findall(rf"\b{re.escape(top)}\b", text))
        if everywhere[top] >= 1:
            client = top
    return client, roles
