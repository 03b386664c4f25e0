"""Which kind of content a unit carries: rules where they are certain, a trained linear
model for the rest.

The model is multinomial logistic regression over `features.features`, trained by
`scripts/train_sections.py` on the development corpus and shipped as JSON weights
(`data/models/sections.json`): scoring is a dot product in pure Python, so no numerical
library is imported at run time. The rules run first and win where they are certain:
strong process cues, a "Plan:" heading, a unit that is only a score.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from notewright.drafting.features import features
from notewright.drafting.interventions import find_interventions
from notewright.drafting.model import KINDS, PROCESS
from notewright.drafting.process_material import process_cue, shared_with_client
from notewright.drafting.segment import is_plan_heading
from notewright.drafting.trained import load_trained
from notewright.errors import DataFileError

LABELS = (*KINDS, PROCESS)
# Withholding is costly to the record: the model must be this sure without a cue.
WITHHOLD_CONFIDENCE = 0.6
_INTERVENTION_HEADINGS = re.compile(r"^(?:i|interventions?|intervention used|tx|treatment)$")
_MEASURE_ONLY = re.compile(
    r"^(?:(?:PHQ[- ]?9|GAD[- ]?7|PCL[- ]?5|AUDIT|C-SSRS|SUDS?|EPDS)\b"
    r"[^.;]{0,40}?\d+[^.;]{0,30}?[,;/ ]*)+\.?$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SectionModel:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, feats: list[str]) -> list[float]:
        totals = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    totals[i] += v
        return totals

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        scores = self.scores(feats)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


@cache
def load_model() -> SectionModel | None:
    model = load_trained("sections.json", lambda raw: SectionModel(
        tuple(raw["labels"]), tuple(raw["bias"]),
        {k: tuple(v) for k, v in raw["weights"].items()}))
    if model is not None and set(model.labels) != set(LABELS):
        raise DataFileError("models/sections.json", "labels do not match the engine's kinds; "
                            "retrain with `make train`")
    return model


# A question the clinician writes to themself ("Covering for him?", "For them, or for her?")
# is a private musing; a question put to the client names what was asked or used.
_QUESTION_END = re.compile(r"\?[\s\)\].]*$")
_PUT_TO_CLIENT = re.compile(r"\b(?:asked|asks|ask|asking|inquired|questions?|queried|scaling|"
                            r"scaled|socratic|miracle|wondered (?:aloud|out loud)|explored|"
                            r"tried|invited|prompted|pt|cl|client)\b|:", re.IGNORECASE)


# "Used Socratic questions on 'everyone hates me' (who specifically? what's the evidence
# against?)": the questions in brackets after the clause that says they were asked.
_EXAMPLES_OF_QUESTIONS = re.compile(r"^\s*[(\[]")


def private_question(text: str) -> bool:
    # "Sleep?", "How often?": a form's prompt, answered next, not a musing.
    return (bool(_QUESTION_END.search(text)) and len(text.split()) > 2
            and "quoted words" not in text and not _PUT_TO_CLIENT.search(text)
            and not (shared_with_client(text) or find_interventions(text, planned_ok=True)))


def rule_kind(text: str, heading: str, *, has_measure: bool, has_risk: bool,
              previous: str = "") -> str | None:
    """The kind when a rule is certain, else None."""
    cue = process_cue(text)
    if cue and cue[1]:
        return PROCESS
    if (not has_risk and not has_measure and private_question(text)
            and not (_EXAMPLES_OF_QUESTIONS.match(text) and _PUT_TO_CLIENT.search(previous))):
        return PROCESS
    if is_plan_heading(heading):
        return "plan"
    if heading and _INTERVENTION_HEADINGS.match(heading):
        return "intervention"
    if has_measure and _MEASURE_ONLY.match(text.strip()):
        return "measure"
    return None


def classify(text: str, heading: str = "", position: float = 0.0, *,
             has_measure: bool = False, has_risk: bool = False, previous: str = "") -> str:
    ruled = rule_kind(text, heading, has_measure=has_measure, has_risk=has_risk,
                      previous=previous)
    if ruled:
        return ruled
    model = load_model()
    feats = features(text, heading, position, previous)
    if model is None:
        return _fallback(feats)
    probs = model.probabilities(feats)
    best = max(probs, key=lambda k: probs[k])
    if best == PROCESS and (probs[best] < WITHHOLD_CONFIDENCE or shared_with_client(text)):
        # Withholding is costly to the record: only on a confident call without a cue,
        # and never for what the clinician said to the client.
        best = max((k for k in probs if k != PROCESS), key=lambda k: probs[k])
    return best


def _fallback(feats: list[str]) -> str:
    """Cue rules alone, for a package built without the trained model."""
    cues = {f[4:] for f in feats if f.startswith("cue=")}
    if "measure" in cues:
        return "measure"
    if "future" in cues:
        return "plan"
    if "i_subject" in cues or "intervention_lexicon" in cues:
        return "intervention"
    if "risk_word" in cues and "negation" in cues:
        return "screening"
    if "response" in cues:
        return "response"
    if "assessment" in cues:
        return "assessment"
    if "observation" in cues:
        return "observation"
    if "session" in cues:
        return "session"
    return "report"
