"""The drafting engine: a therapist's own words → a progress-note draft in a chosen format.

`draft(text, format)` is the whole public surface; see README.md for the purity rule.
"""

from __future__ import annotations

from notewright.drafting.assemble import build
from notewright.drafting.features import cue_hits
from notewright.drafting.formats import NoteFormat, builtin_format_names, load_format
from notewright.drafting.interventions import lexicon_mentions
from notewright.drafting.lexicons import fold
from notewright.drafting.model import Draft, Measure, Risk, Section, Statement, Warning, Withheld
from notewright.drafting.process_material import process_cue
from notewright.errors import InvalidInput

MAX_CHARS = 20_000
"""A long session description is a few thousand characters; past this, something other
than a description was pasted."""

__all__ = [
    "MAX_CHARS", "Draft", "Measure", "NoteFormat", "Risk", "Section", "Statement", "Warning",
    "Withheld", "builtin_format_names", "clear_unit_memos", "draft", "load_format",
]


def clear_unit_memos() -> None:
    """Forget the per-unit memos (lexicon scans of unit texts seen before). They only save
    repeated work within and across drafts; the benchmark clears them so each timed run
    drafts its description from scratch."""
    fold.cache_clear()
    cue_hits.cache_clear()
    lexicon_mentions.cache_clear()
    process_cue.cache_clear()


def draft(text: str, format: str | NoteFormat = "soap") -> Draft:
    """Draft a progress note from the therapist's description.

    Raises InvalidInput for input that is not text, is empty, or is longer than
    MAX_CHARS, and UnknownFormat for a format no format file defines.
    """
    if not isinstance(text, str):
        raise InvalidInput(f"expected text, got {type(text).__name__}; decode bytes as UTF-8 "
                           "first", field="text")
    if not text.strip():
        raise InvalidInput("the description is empty; type what happened in the session",
                           field="text")
    if len(text) > MAX_CHARS:
        raise InvalidInput(f"the description is {len(text):,} characters; the limit is "
                           f"{MAX_CHARS:,}. Paste one session's description at a time",
                           field="text")
    fmt = format if isinstance(format, NoteFormat) else load_format(format)
    return build(text, fmt)
