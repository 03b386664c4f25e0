"""Process material: what belongs in a psychotherapy note, not in the progress note.

The clinician's own reactions (countertransference), their personal history, private
hypotheses not shared with the client, and musings about their own work (164.501). An
interpretation actually offered to the client is an intervention and stays; so does a
formulation stated as clinical judgement.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from notewright.drafting.lexicons import Lexicon, fold, pattern_rows

KINDS = ("hypothesis", "countertransference", "own_work", "personal_history", "weak")

# Said to the client, so not private: an interpretation or reflection offered in session.
_SHARED = re.compile(
    r"\b(?:wondered (?:aloud|out loud|with (?:her|him|them|the client|client))|"
    r"I (?:shared|offered|suggested|reflected|pointed out|named|noted to (?:her|him|them)|"
    r"commented|remarked|observed to (?:her|him|them)|said to (?:her|him|them|(?-i:[A-Z][a-z]+))|"
    r"said (?:that )?I (?:wondered|was wondering|had a hunch|had a sense)|"
    # "…, and I said something close to that to him": the thought just written, said
    r"said (?:something (?:close to|like) (?:that|this)|as much|so|this|that)"
    r"(?: to (?:her|him|them))?|put (?:that|this|it) to (?:her|him|them)|"
    r"told (?:her|him|them)|asked (?:her|him|them)|invited (?:her|him|them)|interpreted)|"
    r"(?:told|asked|reflected to) (?:her|him|them|client) (?:that|whether|if)|"
    r"^\W*(?:said|suggested|offered|put it) to (?:her|him|them|(?-i:[A-Z][a-z]+))|"
    r"(?:told|gave|offered|shared with) (?:her|him|them|the client|client|the couple|"
    r"the family|\w+) (?:my|our) (?:hunch|hypothesis|impression|sense|guess|read))\b",
    re.IGNORECASE)


# Clinical judgement in the first person stays in the note (a risk level, a rationale):
# "I'm worried about her safety", "I felt it was important to review the plan".
_CLINICAL = re.compile(
    # Worry whose object is the client is a risk judgement; worry about oneself ("worried
    # I'm not helping") or a feeling reported as a feeling ("feeling worried for her more
    # than usual") stays with the clinician's own reactions.
    r"\bI(?:'m| am| remain)? (?:(?!feeling\b|feel\b|felt\b|getting\b)\w+ )?"
    r"(?:worried|concerned) (?:about|for|that|this|because)\b"
    r"(?!\s+(?:I|I'm|my|myself)\b)|"
    r"\bI (?:felt|feel|thought|think|believe) (?:that )?(?:it (?:was|is|would be) )?"
    r"(?:important|necessary|appropriate|prudent|indicated|clinically indicated|best|wise) to\b|"
    # A read on readiness or progress is the treatment plan and progress, which 164.501
    # keeps in the progress note: "my sense is that she is ready to taper sessions".
    r"\bmy (?:sense|read|take|impression|view) (?:is|was) (?:that )?(?=(?:\w+ ){1,3}"
    r"(?:is|are|was|seems?|appears?) (?:(?:now|probably|likely) )?(?:ready|not ready|"
    r"nearly ready|able to|making (?:good |steady |slow )?progress|improving|progressing|"
    r"stable|stabili[sz]ing|on track)\b)",
    re.IGNORECASE)


@cache
def _rows() -> Lexicon:
    return pattern_rows("process_cues.tsv", "kind", "weight", allowed=KINDS)


def shared_with_client(unit_text: str) -> bool:
    """Said to the client in session ("I pointed out…", "wondered aloud"): never private."""
    return _SHARED.search(unit_text) is not None


@lru_cache(maxsize=2048)  # asked by the section model and by the rule layer, same unit
def process_cue(unit_text: str) -> tuple[str, bool] | None:
    """(kind, strong) for the first cue in the unit, or None. Strong cues withhold the unit
    by themselves; weak ones are left to the section model."""
    if _SHARED.search(unit_text):
        return None
    unit_text = _CLINICAL.sub(" ", unit_text)
    folded = fold(unit_text)
    weak: tuple[str, bool] | None = None
    for row in _rows().candidates(folded):
        if row.pattern.search(unit_text):
            if row.extra == "strong":
                return row.value, True
            weak = weak or (row.value, False)
    return weak
