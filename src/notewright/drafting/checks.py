"""Audit-readiness warnings: what an insurance auditor looks for in a progress note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from notewright.drafting.model import Measure, Risk, Warning

MIN_WORDS = 40

# What implied an ideation the description does not name (risk.Implied.by).
IMPLIED_BY = {"rating": "risk rated moderate or higher",
              "plan": "plan or intent addressed"}

MESSAGES = {
    "no_interventions": "The description names no intervention; an auditor looks for what "
                        "the clinician did in session.",
    "no_client_response": "The description does not say how the client responded to the "
                          "interventions.",
    "no_plan": "The description has no plan or next step.",
    "risk_not_documented": "Risk was not assessed in this description ({fields}); the note "
                           "says so rather than recording a denial.",
    "no_progress_toward_goals": "The description says nothing about progress toward "
                                "treatment-plan goals.",
    "very_short_description": "The description is very short ({words} words); the note may "
                              "not support medical necessity.",
    "mandated_report_review": "Abuse or neglect was disclosed: review mandated-reporting "
                              "obligations and document the decision.",
    "ideation_inferred": "The description implies ideation without naming it ({why}); "
                         "{fields} recorded as endorsed from that. "
                         "Confirm or correct it before signing.",
    "impossible_score": "{name} score {score} is outside the valid range; check the number.",
}


def audit_warnings(*, kinds: Sequence[str], interventions: Sequence[str], risk: Risk,
                   measures: Sequence[Measure], words: int,
                   inferred: Mapping[str, str]) -> list[Warning]:
    out: list[Warning] = []
    present = set(kinds)
    if not interventions and "intervention" not in present:
        out.append(Warning("no_interventions", MESSAGES["no_interventions"]))
    if "response" not in present:
        out.append(Warning("no_client_response", MESSAGES["no_client_response"]))
    if "plan" not in present:
        out.append(Warning("no_plan", MESSAGES["no_plan"]))
    missing = [label for label, value in (("suicidal ideation", risk.suicidal_ideation),
                                           ("homicidal ideation", risk.homicidal_ideation))
               if value == "not_mentioned"]
    if missing:
        out.append(Warning("risk_not_documented",
                           MESSAGES["risk_not_documented"].format(fields=", ".join(missing))))
    if "assessment" not in present:
        out.append(Warning("no_progress_toward_goals", MESSAGES["no_progress_toward_goals"]))
    if words < MIN_WORDS:
        out.append(Warning("very_short_description",
                           MESSAGES["very_short_description"].format(words=words)))
    if inferred:
        fields = " and ".join(f.replace("_", " ") for f in inferred)
        why = "; ".join(dict.fromkeys(IMPLIED_BY[by] for by in inferred.values()))
        out.append(Warning("ideation_inferred",
                           MESSAGES["ideation_inferred"].format(fields=fields, why=why)))
    if risk.abuse_disclosure:
        out.append(Warning("mandated_report_review", MESSAGES["mandated_report_review"]))
    for m in measures:
        if not m.valid:
            out.append(Warning("impossible_score",
                               MESSAGES["impossible_score"].format(name=m.name, score=m.score)))
    return out
