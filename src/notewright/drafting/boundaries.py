"""Where a run-on with no punctuation changes thought: a trained boundary model.

Dictated notes ("denies si and hi today he was sweating a bit during the sets but stayed
present the war stuff always stirs up my uncle's story for me…") have no marks to split
on, and a unit that runs across a private reaction and a clinical observation must either
withhold the observation or leak the reaction. The model reads only the words on either
side of each gap, never the punctuation, so what it learned from punctuated notes carries
over to unpunctuated ones: it is logistic regression trained by
`scripts/train_boundaries.py` on the development corpus, where every gold unit's start is
a boundary, shipped as JSON weights (`data/models/boundaries.json`) and scored in pure
Python.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from notewright.drafting.trained import load_trained

_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w']+|[^\w']+$")
_NUMBER = re.compile(r"^\d[\d.,/:-]*$")
# A cut is made where the model gives it at least this chance. Low on purpose: a cut too
# many costs a unit its neighbour's context, a cut missed can withhold an observation
# along with a reaction. Chosen on round DZ with the model trained without it (0.1-0.5
# tried), then confirmed on round EE before it was learned from: section accuracy
# 0.885/0.936/0.897 with the rules alone, 0.946/0.978/0.939 with the model at 0.2.
THRESHOLD = 0.2
# No unit shorter than this many words is cut off a run-on.
MIN_WORDS = 3


def word_form(token: str) -> str:
    """The word as the model sees it: lower case, no punctuation at its edges."""
    word = _EDGE.sub("", token.lower())
    return "<num>" if _NUMBER.match(word) else word or "<p>"


def read_words(text: str, start: int, end: int) -> tuple[list[re.Match[str]], list[str]]:
    """The words of `text[start:end]`: as matches (for their offsets) and as the model sees
    them. Training reads lines through this too, so both tokenize alike."""
    tokens = list(_WORD.finditer(text, start, end))
    return tokens, [word_form(t.group()) for t in tokens]


def gap_features(words: Sequence[str], i: int) -> list[str]:
    """Features of the gap before `words[i]` (word forms, not raw tokens)."""
    before = words[i - 1]
    before2 = words[i - 2] if i >= 2 else "<s>"
    after = words[i]
    after2 = words[i + 1] if i + 1 < len(words) else "</s>"
    after3 = words[i + 2] if i + 2 < len(words) else "</s>"
    return [f"a:{before}", f"aa:{before2} {before}", f"b:{after}", f"bb:{after} {after2}",
            f"bbb:{after} {after2} {after3}", f"ab:{before} {after}"]


@dataclass(frozen=True, slots=True)
class BoundaryModel:
    bias: float
    weights: dict[str, float]

    def probability(self, feats: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-score))

    def cuts(self, text: str, start: int, end: int) -> list[int]:
        """Offsets in `text[start:end]` where a new unit starts, left to right."""
        tokens, words = read_words(text, start, end)
        out: list[int] = []
        last = 0
        for i in range(MIN_WORDS, len(tokens) - MIN_WORDS + 1):
            if i - last < MIN_WORDS:
                continue
            if self.probability(gap_features(words, i)) >= THRESHOLD:
                out.append(tokens[i].start())
                last = i
        return out


@cache
def load_boundary_model() -> BoundaryModel | None:
    """None when not trained yet: run-ons are then cut by the rules alone."""
    return load_trained("boundaries.json", lambda raw: BoundaryModel(
        float(raw["bias"]), {k: float(v) for k, v in raw["weights"].items()}))
