"""The review of a draft, as values: the drafting engine's output turned into the
content a progress note stores, and the clinician's review steps on it.

What is stored, and why:
- `description`: the therapist's words, with every withheld span (verbatim quotes and
  process material) blanked character for character. Offsets stay valid, so provenance
  highlighting works on the signed note too, yet neither the client's exact words nor
  the clinician's own reactions sit in the record (hipaa-rules PN-1: material kept in
  the ordinary record is not a psychotherapy note).
- `withheld`: each withheld item with its status. Its text is kept only while the
  clinician decides (move to the vault, accept the paraphrase, or leave it out) and is
  dropped at signing, whatever was decided.

Pure functions over plain dicts: no storage, no clock.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from notewright.errors import InvalidInput

BLANK = "\u2591"  # light shade: visibly "something was here", same length
PENDING, MOVED, PARAPHRASED, LEFT_OUT, DROPPED = (
    "pending", "moved_to_vault", "paraphrase_accepted", "left_out", "dropped_at_signing")


def blank_spans(text: str, spans: list[list[int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            if not chars[i].isspace():
                chars[i] = BLANK
    return "".join(chars)


def content_from_draft(draft: Mapping[str, Any], description: str) -> dict[str, Any]:
    withheld = [{"id": i, "reason": w["reason"], "sources": w["sources"], "text": w["text"],
                 "suggestion": w.get("suggestion"), "status": PENDING}
                for i, w in enumerate(draft.get("withheld", []))]
    spans = [s for w in withheld for s in w["sources"]]
    return {
        "format": draft["format"],
        "sections": [{"key": s["key"], "title": s["title"],
                      "statements": [{"text": st["text"], "sources": st["sources"]}
                                     for st in s["statements"]]}
                     for s in draft["sections"]],
        "warnings": list(draft.get("warnings", [])),
        "risk": draft.get("risk"),
        "interventions": list(draft.get("interventions", [])),
        "measures": list(draft.get("measures", [])),
        "description": blank_spans(description, spans),
        "withheld": withheld,
    }


def apply_edits(content: Mapping[str, Any], edits: Mapping[tuple[int, int], str]
                ) -> dict[str, Any]:
    """Replace statement texts; an edited statement keeps its sources and is marked."""
    new = copy.deepcopy(dict(content))
    for (si, j), text in edits.items():
        try:
            statement = new["sections"][si]["statements"][j]
        except (IndexError, KeyError):
            raise InvalidInput(f"no statement {si}.{j} in this note",
                               field="statement") from None
        text = text.strip()
        if text != statement["text"]:
            statement["text"] = text
            statement["edited"] = True
    for section in new["sections"]:  # an emptied statement is a deleted one
        section["statements"] = [s for s in section["statements"] if s["text"]]
    return new


def _item(content: dict[str, Any], item_id: int, reason: str) -> dict[str, Any]:
    for item in content.get("withheld", []):
        if item["id"] == item_id and item["reason"] == reason and item["status"] == PENDING:
            return item  # type: ignore[no-any-return]
    raise InvalidInput(f"no pending {reason} item {item_id} in this note", field="withheld")


def take_for_vault(content: Mapping[str, Any], item_id: int) -> tuple[str, dict[str, Any]]:
    """The process material's text (for the vault) and the content without it."""
    new = copy.deepcopy(dict(content))
    item = _item(new, item_id, "psychotherapy_note")
    text = str(item.pop("text"))
    item["status"] = MOVED
    return text, new


def accept_paraphrase(content: Mapping[str, Any], item_id: int) -> dict[str, Any]:
    """Adopt the engine's paraphrase: "(paraphrased: X)" becomes plain X in the note."""
    new = copy.deepcopy(dict(content))
    item = _item(new, item_id, "verbatim")
    suggestion = item.get("suggestion")
    if not suggestion:
        raise InvalidInput("this quote has no paraphrase to accept; edit the statement "
                           "instead", field="withheld")
    marker = f"(paraphrased: {suggestion})"
    for section in new["sections"]:
        for statement in section["statements"]:
            if marker in statement["text"]:
                statement["text"] = statement["text"].replace(marker, suggestion)
    item.pop("text", None)
    item["status"] = PARAPHRASED
    return new


def leave_out(content: Mapping[str, Any], item_id: int) -> dict[str, Any]:
    new = copy.deepcopy(dict(content))
    for item in new.get("withheld", []):
        if item["id"] == item_id and item["status"] == PENDING:
            item.pop("text", None)
            item["status"] = LEFT_OUT
            return new
    raise InvalidInput(f"no pending item {item_id} in this note", field="withheld")


def for_signing(content: Mapping[str, Any]) -> dict[str, Any]:
    """What the signer attests to: no withheld text survives, whatever was decided."""
    new = copy.deepcopy(dict(content))
    for item in new.get("withheld", []):
        item.pop("text", None)
        if item["status"] == PENDING:
            item["status"] = DROPPED
    return new


def pending(content: Mapping[str, Any], reason: str | None = None) -> list[dict[str, Any]]:
    return [w for w in content.get("withheld", [])
            if w["status"] == PENDING and (reason is None or w["reason"] == reason)]
