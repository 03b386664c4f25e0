"""Find direct quotes so that none reaches the note.

A quote is text between quotation marks (straight or curly, double or single — single
marks only where they cannot be apostrophes), what follows a cue such as "word for
word", "verbatim", "in her words" or "quote:", or, dictated, "quote … end quote". The
fact a quote carries is kept as a paraphrase from `paraphrases.tsv` when one matches;
otherwise it is withheld.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from notewright.drafting.lexicons import Lexicon, fold, pattern_rows


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the whole quote, marks (and cue) included
    end: int
    inner_start: int  # the quoted words only
    inner_end: int

    def words(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]

    @property
    def withheld_span(self) -> tuple[int, int]:
        """What `withheld` cites: the quoted words themselves. The cue ("Quote:") and the
        marks are neither withheld nor stated."""
        return (self.inner_start, self.inner_end)


_PAIRS = (('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"))
_DOUBLE = re.compile(r'"([^"\n]{1,600})"|“([^”\n]{1,600})”|„([^“\n]{1,600})“|«([^»\n]{1,600})»')
# A single-quoted stretch: the opening mark follows a space, a bracket or the line start
# and precedes a letter; the closing mark is followed by a non-letter. So "don't" and
# "parents' house" are never quotes.
_SINGLE = re.compile(
    r"(?:(?<=[\s(\[:;,—–-])|^)['‘]((?![\s'‘’])(?:[^'‘’\n]|(?<=\w)['’](?=\w)){1,400}?(?<!\s))"
    r"['’](?![A-Za-z])", re.MULTILINE)
_CUE = re.compile(
    r"\b(?:(?:word[- ]for[- ]word|verbatim|in (?:her|his|their|the client'?s|client'?s|pt'?s|"
    r"own|\w+'s) (?:own )?words|exact words|literally said)\b\s*[:,-]?\s*"
    # "quote" alone is an ordinary word; it cues a quote only with a colon or a mark
    r"|(?:direct )?(?:quote|quoting)\b\s*(?::\s*|(?=[\"“„«'‘])))", re.IGNORECASE)


# Dictated: "…with a bat and quote making him understand end quote".
_SPOKEN = re.compile(r"\b(?:open )?quote,?\s+(.{1,400}?)[\s,]+(?:end (?:of )?quote|unquote|close "
                     r"quote)\b", re.IGNORECASE | re.DOTALL)


# Typed without quote marks: "marcus says im gonna find him this weekend and put him in the
# ground knows where he works" is the client's threat word for word. Where it ends cannot be
# told without punctuation; twelve words hold a threat and leave the rest to the note.
_UNMARKED_THREAT = re.compile(r"\b(?:says|said|saying|yelled|texted)\s+(?:that\s+)?"
                              r"((?:im|imma|ima|i'm|i’m|i am)\s+(?:gonna|going to|gunna|goin to)\b"
                              r"(?:[ \t]+[^\s.;!?]+){1,10})", re.IGNORECASE)


def find_quotes(text: str) -> list[Quote]:
    found: list[Quote] = []
    taken: list[tuple[int, int]] = []

    def add(q: Quote) -> bool:
        if any(not (q.end <= s or q.start >= e) for s, e in taken):
            return False
        taken.append((q.start, q.end))
        found.append(q)
        return True

    for m in _DOUBLE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        add(Quote(m.start(), m.end(), m.start(group), m.end(group)))
    for m in _SPOKEN.finditer(text):
        add(Quote(m.start(), m.end(), m.start(1), m.end(1)))
    for m in _UNMARKED_THREAT.finditer(text):
        add(Quote(m.start(1), m.end(1), m.start(1), m.end(1)))
    for regex in (_SINGLE,):
        for m in regex.finditer(text):
            if m.group(1).count(" ") > 60:
                continue
            add(Quote(m.start(), m.end(), m.start(1), m.end(1)))
    # Cue phrases: the quote is the cue's quoted text if one follows, else the rest of
    # the sentence after the cue.
    cues = list(_CUE.finditer(text))
    for index, m in enumerate(cues):
        after = m.end()
        following = [q for q in found if q.start >= m.start() and q.start - after <= 3]
        if following:
            q = following[0]
            merged = Quote(min(m.start(), q.start), q.end, q.inner_start, q.inner_end)
            found.remove(q)
            taken.remove((q.start, q.end))
            if not add(merged):
                add(q)  # the cue overlaps an earlier quote: keep the marked quote as it was
            continue
        if any(s <= m.start() < e for s, e in taken):
            continue
        stop = re.compile(r"[.!?;](?=\s|$)|\n").search(text, after)
        end = stop.start() if stop else len(text)
        # An unmarked quote never runs into a marked one, or another cue, that follows it.
        end = min([end, *(q.start for q in found if after <= q.start < end),
                   *(c.start() for c in cues[index + 1:] if after <= c.start() < end)])
        while end > after and text[end - 1] in " ,:-–—":
            end -= 1
        if end - after >= 2 and re.search(r"\w", text[after:end]):
            add(Quote(m.start(), end, after, end))
    return sorted(found, key=lambda q: q.start)


@cache
def _paraphrases() -> Lexicon:
    return pattern_rows("paraphrases.tsv", "paraphrase")


def paraphrase(words: str) -> str | None:
    """A short paraphrase of what a quote expresses, or None when nothing matches."""
    folded = fold(words)
    for row in _paraphrases().candidates(folded):
        if row.pattern.search(words):
            return row.value
    return None
