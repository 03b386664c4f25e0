"""The lexicon prefilter only ever skips a pattern that cannot match: a row that matches a
text always passes `may_match` for that text, on the corpus and on generated text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notewright.drafting.lexicons import Folded, PatternRow, pattern_rows, prefilter

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


def _pieces() -> list[str]:
    texts = [json.loads(line)["text"] for f in sorted(CORPUS.glob("dev-*.jsonl"))
             for line in f.read_text("utf-8").splitlines() if line.strip()]
    return texts + [p for t in texts for p in re.split(r"[.;\n]", t) if p.strip()]


PIECES = _pieces()


def test_most_rows_have_a_prefilter() -> None:
    assert sum(r.prefilter is not None for r in ROWS) >= 0.8 * len(ROWS)


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_no_row_is_skipped_where_it_matches_the_corpus(name: str) -> None:
    value, extra = LEXICONS[name]
    for row in pattern_rows(name, value, extra):
        for text in PIECES:
            if row.pattern.search(text):
                assert row.may_match(Folded.of(text)), (name, row.line, text)


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
