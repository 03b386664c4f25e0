"""Direct quotes: found in every style of quotation mark or cue, never in the note."""

from __future__ import annotations

import pytest

from notewright import draft
from notewright.drafting.quotes import find_quotes, paraphrase


def quoted_words(text: str) -> list[str]:
    return [q.words(text) for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Client said "my landlord keeps shouting" and sighed.', "my landlord keeps shouting"),
        ("Client said “my landlord keeps shouting” and sighed.", "my landlord keeps shouting"),
        ("Client said ‘my landlord keeps shouting’ and sighed.", "my landlord keeps shouting"),
        ("Client said 'my landlord keeps shouting' and sighed.", "my landlord keeps shouting"),
        ("Client called it (“a purple circus”) twice.", "a purple circus"),
        ("Quote marks „my landlord keeps shouting“ used.", "my landlord keeps shouting"),
    ],
)
def test_quotation_marks_of_every_kind(text: str, words: str) -> None:
    assert quoted_words(text) == [words]
    q = find_quotes(text)[0]
    assert text[q.start] in "\"“‘'(„" or text[q.start - 1] == "("
    assert text[q.inner_start:q.inner_end] == words


@pytest.mark.parametrize(
    "text",
    [
        "Pt said she doesn't know why and can't sleep.",
        "She stayed at her parents' house; the kids' rooms were cold.",
        "I'm concerned about sleep, she's tired and we're working on it.",
        "Pt's mood improved since the '90s songs helped her.",
        "Client's sister's car broke down. Don't worry, she said.",
    ],
)
def test_apostrophes_never_open_or_close_a_quote(text: str) -> None:
    assert find_quotes(text) == []


def test_apostrophes_inside_a_single_quoted_run_stay_inside() -> None:
    text = "She said 'I don't know what I'm doing' and cried."
    assert quoted_words(text) == ["I don't know what I'm doing"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Word for word she said the bus was purple and late.",
         "she said the bus was purple and late"),
        ("She stated verbatim that the voices are gone now.", "that the voices are gone now"),
        ("In her words, the weekend was a total circus.", "the weekend was a total circus"),
        ("In his own words he felt like a ghost at work.", "he felt like a ghost at work"),
        ("Quote: the purple bus never came.", "the purple bus never came"),
    ],
)
def test_cue_phrases_mark_the_rest_of_the_sentence(text: str, words: str) -> None:
    assert quoted_words(text) == [words]


def test_cue_followed_by_a_quote_takes_the_quoted_words_only() -> None:
    text = 'Verbatim: "the purple bus never came" and then she laughed.'
    [q] = find_quotes(text)
    assert q.words(text) == "the purple bus never came"
    assert q.start == 0, "the cue belongs to the quote"


@pytest.mark.parametrize(
    "text",
    [
        'Client said "my landlord keeps shouting at night" and sighed. Used validation.',
        "Client said “my landlord keeps shouting at night” and sighed. Used validation.",
        "Client said ‘my landlord keeps shouting at night’ and sighed. Used validation.",
        "Client said 'my landlord keeps shouting at night' and sighed. Used validation.",
        "Word for word my landlord keeps shouting at night. Used validation.",
        "Verbatim: my landlord keeps shouting at night. Used validation.",
        "In her words my landlord keeps shouting at night. Used validation.",
        "Quote: my landlord keeps shouting at night. Used validation.",
    ],
)
def test_quoted_words_never_reach_the_note(text: str) -> None:
    d = draft(text)
    assert "landlord keeps shouting" not in d.text
    assert "shouting at night" not in d.text
    [w] = [w for w in d.withheld if w.reason == "verbatim"]
    assert "my landlord keeps shouting at night" in w.text
    (start, end), = w.sources
    assert "landlord" in text[start:end]
    assert "Clinician used validation." in d.text, "the rest of the description is kept"


def test_quote_statement_keeps_the_words_around_the_quote() -> None:
    text = 'Client said "my landlord keeps shouting at night" and sighed.'
    d = draft(text)
    statements = [s for sec in d.sections for s in sec.statements]
    [st] = [s for s in statements if "sighed" in s.text]
    assert "direct quote withheld" in st.text
    w = d.withheld[0]
    for start, end in st.sources:
        assert end <= w.sources[0][0] or start >= w.sources[0][1]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("I just want to die", "expressed a wish to be dead"),
        ("nothing will ever change", "expressed hopelessness"),
        ("I'm such a burden to everyone", "expressed feeling like a burden to others"),
        ("I am worthless", "expressed negative beliefs about self"),
        ("my heart was racing", "described panic symptoms"),
        ("the purple bus never came", None),
    ],
)
def test_paraphrase_lookup(words: str, expected: str | None) -> None:
    assert paraphrase(words) == expected


def test_a_paraphrased_quote_is_stated_and_suggested() -> None:
    text = 'Pt said "nothing will ever change" about work. Used CR.'
    d = draft(text)
    [w] = d.withheld
    assert w.reason == "verbatim"
    assert w.suggestion == "expressed hopelessness"
    assert w.to_dict()["suggestion"] == "expressed hopelessness"
    assert "expressed hopelessness" in d.text
    assert "nothing will ever change" not in d.text


def test_a_quote_carrying_risk_sets_the_risk_fields_and_is_paraphrased() -> None:
    text = 'Client said "I just want to disappear forever" and cried. Used validation.'
    d = draft(text)
    assert d.risk.suicidal_ideation == "endorsed_passive"
    assert "expressed a wish to be dead" in d.text
    assert "disappear forever" not in d.text


def test_unparaphrased_quote_has_no_suggestion_key() -> None:
    d = draft("She called it 'the purple circus' twice. Used validation.")
    [w] = d.withheld
    assert w.suggestion is None
    assert "suggestion" not in w.to_dict()
    assert "purple circus" not in d.text


def test_a_unit_that_is_only_a_quote_says_the_words_were_withheld() -> None:
    d = draft("Quote: my landlord keeps shouting at night.\nUsed validation.")
    assert "own words were withheld as a direct quote" in d.text
    assert "landlord" not in d.text


def test_a_cue_quote_and_a_marked_quote_in_one_sentence_are_both_withheld() -> None:
    text = ('Word for word she hates the purple bus; later she said "nobody waters the ferns" '
            "and sighed.")
    d = draft(text)
    assert "nobody waters the ferns" not in d.text
    assert "hates the purple bus" not in d.text.lower()


def test_a_quote_that_carries_ideation_is_paraphrased_as_such() -> None:
    text = 'Cl said "no point anymore, I\'ll just walk out into the lake tonight". F/u tomorrow.'
    d = draft(text)
    [w] = [w for w in d.withheld if w.reason == "verbatim"]
    assert w.suggestion == "expressed thoughts of suicide"
    assert "walk out into the lake" not in d.text
    assert d.risk.suicidal_ideation == "endorsed_active"


def test_a_dictated_quote_is_a_quote() -> None:
    text = ("he has thought about going over there with a bat and quote making him understand "
            "end quote. He agreed to leave the bat at his brother's.")
    [q] = find_quotes(text)
    assert q.words(text) == "making him understand"
    d = draft(text)
    assert "making him understand" not in d.text and "end quote" not in d.text


def test_a_quoted_phrase_used_again_unquoted_stays_out_of_the_note() -> None:
    # Learned from dev-ck: the client's name for the problem, quoted once, then reused.
    text = ("Narrative work. We gave the shame a name - she called it 'the Gray Coat' - and I "
            "asked how the Gray Coat has tried to convince her she deserved it.")
    d = draft(text)
    assert "gray coat" not in d.text.lower()
    assert "asked how" in d.text
