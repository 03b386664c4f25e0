"""The lexicon prefilter only ever skips a pattern that cannot match: a row that matches a
text always passes `may_match` for that text, on the corpus and on generated text."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notewright.drafting.lexicons import (
    Folded,
    PatternRow,
    compile_pattern,
    pattern_rows,
    prefilter,
)

LEXICONS = {
    "risk_targets.tsv": ("target", "grade"),
    "risk_context.tsv": ("category", "direction"),
    "interventions.tsv": ("intervention", None),
    "process_cues.tsv": ("kind", "weight"),
    "paraphrases.tsv": ("paraphrase", None),
}
ROWS: list[PatternRow] = [row for name, (value, extra) in LEXICONS.items()
                          for row in pattern_rows(name, value, extra)]
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _texts_and_pieces() -> tuple[list[str], list[str]]:
    texts = [json.loads(line)["text"] for f in sorted(CORPUS.glob("dev-*.jsonl"))
             for line in f.read_text("utf-8").splitlines() if line.strip()]
    pieces = {p: None for t in texts for p in re.split(SEPARATORS, t) if p.strip()}
    return texts, list(pieces)


SEPARATORS = r"[.;\n]"
TEXTS, SENTENCES = _texts_and_pieces()
PIECES = TEXTS + SENTENCES

_WORD_EDGES = (r"(?<![\w-])", r"(?![\w-])")  # what compile_pattern adds round a row


def _sees_only_its_piece(row: PatternRow) -> bool:
    """True when a match of the row can neither contain a separator nor depend on text
    outside the match (no anchor, no look-around but the word edges, which see a
    separator and a string's end alike). Such a row matches a description only inside
    one of its pieces, and there exactly as in the piece alone; the piece's words and
    letters are all in the description, so `may_match` on the piece implies it on the
    description, and the description need not be searched. Read conservatively: any
    construct not known to be safe makes the row search descriptions too."""
    p = row.pattern.pattern
    for edge in _WORD_EDGES:
        p = p.replace(edge, "")
    p = p.replace("(?:", "(")
    p = re.sub(r"\\[bwd]|\\[^a-zA-Z0-9.;]", "", p)  # word edges, letters, digits, `\'`
    # Classes of letters, digits, spaces and apostrophes; a range only within one kind
    # ("[!-/]" holds a full stop).
    p = re.sub(r"\[-?(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[a-zA-Z0-9 '’])*-?\]", "", p)
    return not re.search(r"[\^$.;\[\\]|\(\?", p)


def _skipped_where_it_matches(name: str, rows: list[PatternRow]
                              ) -> list[tuple[str, int, str]]:
    found = []
    for row in rows:
        if row.prefilter is None:
            continue  # always run: nothing to check
        for text in (SENTENCES if _sees_only_its_piece(row) else PIECES):
            if row.pattern.search(text) and not row.may_match(Folded.of(text)):
                found.append((name, row.line, text))
    return found


def test_most_rows_have_a_prefilter() -> None:
    assert sum(r.prefilter is not None for r in ROWS) >= 0.8 * len(ROWS)


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_no_row_is_skipped_where_it_matches_the_corpus(name: str) -> None:
    value, extra = LEXICONS[name]
    rows = list(pattern_rows(name, value, extra))
    # Every row against every description and sentence piece is minutes of matching;
    # the rows are split between the machine's cores (forked: the corpus is shared).
    workers = max(1, min(os.cpu_count() or 1, 4))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        found = [f for part in pool.map(_skipped_where_it_matches, [name] * workers,
                                         [rows[i::workers] for i in range(workers)])
                 for f in part]
    assert not found, found[:5]


def test_a_row_that_sees_only_its_piece_is_told_from_one_that_looks_further() -> None:
    def row(pattern: str) -> PatternRow:
        return PatternRow(compile_pattern(pattern, file="t", line=1), "v", "", 1)

    for local in ("self[- ]harm", r"\bI (\w+ly )?wonder\b", "can'?t go on", r"don\'t"):
        assert _sees_only_its_piece(row(local)), local
    for further in (r"^\W*sigh", r"positive$", r"(?<=denies )si", r"wish(?! to live)",
                    r"said[^a-z]{0,3}no", r"Dr\. Lee", r"pills.{0,20}counted", r"plan\s+to",
                    "one; two", "[!-/]x", "[0-z]x", r"[\s-]x", r"\Bing"):
        assert not _sees_only_its_piece(row(further)), further
    # The reading holds where it matters: a description matches such a row only where
    # one of its pieces does.
    for r in ROWS:
        if _sees_only_its_piece(r):
            for text in TEXTS[::50]:
                if r.pattern.search(text):
                    assert any(r.pattern.search(p) for p in re.split(SEPARATORS, text))


def test_prefilter_reads_alternatives_groups_and_look_behinds() -> None:
    f = prefilter("(would )?welcome death|(?:(?<=denies )|(?<=no ))si|I wonder|self[- ]harm")
    assert f is not None
    assert f.keys == {"wou", "wel", "=i", "sel"}
    # After a look-behind the match need not start a word, but the look-behind is there.
    assert f.loose == ("denies si", "no si")
    assert prefilter(r"\w+ and \w+ breathing") is None
    assert prefilter("[-–] ?watch") is None
    optional_first = prefilter('"?I\'m having the thought')
    assert optional_first is not None and set(optional_first.loose) == {
        "i'm having the thought", '"i\'m having the thought'}
    # A line that must open with a word after any punctuation still needs that word.
    line_start = prefilter(r"^\W*(ugh+|sigh)\b")
    assert line_start is not None and line_start.keys == {"ugh", "sig"}


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_the_index_offers_exactly_the_rows_that_may_match_in_file_order(name: str) -> None:
    value, extra = LEXICONS[name]
    lexicon = pattern_rows(name, value, extra)
    for text in PIECES[::7] + ["", "ſelf-harm", "İ wonder"]:
        folded = Folded.of(text)
        assert lexicon.candidates(folded) == tuple(r for r in lexicon if r.may_match(folded))


def test_whole_short_words_are_told_from_prefixes() -> None:
    row = next(r for r in pattern_rows("process_cues.tsv", "kind", "weight")
               if r.prefilter is not None and "=i" in r.prefilter.keys)
    assert "=i" in Folded.of("Then I wondered").starts
    assert "=i" not in Folded.of("Insight is improving").starts
    assert row.prefilter is not None


WORDS = sorted({w for t in PIECES[:400] for w in re.findall(r"\S+", t)})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), min_size=1, max_size=14),
       st.sampled_from([" ", "  ", "\n", "-", "ſ", "K", "İ", "ß"]))
def test_no_row_is_skipped_where_it_matches_generated_text(words: list[str], sep: str
                                                             ) -> None:
    text = sep.join(words)
    folded = Folded.of(text)
    for row in ROWS:
        if row.pattern.search(text):
            assert row.may_match(folded), (row.line, text)
