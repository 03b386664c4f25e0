"""Risk fields: negation, temporality, hypotheticals, family history, passive vs active,
abuse disclosures, and never a denial the clinician did not write."""

from __future__ import annotations

import re

import pytest

from notewright import draft
from notewright.drafting import load_format

NM = "not_mentioned"

# (description, suicidal_ideation, homicidal_ideation, self_harm, abuse_disclosure)
CASES = [
    # written denials
    ("Denies SI/HI.", "denied", "denied", NM, False),
    ("SI: denied. HI: denied.", "denied", "denied", NM, False),
    ("SI/HI: denied.", "denied", "denied", NM, False),
    ("SI/HI: none.", "denied", "denied", NM, False),
    ("No SI, HI or self-harm.", "denied", "denied", "denied", False),
    ("No thoughts of self-harm.", "denied", NM, NM, False),
    ("Denies thoughts of suicide.", "denied", NM, NM, False),
    ("Denies self-harm.", NM, NM, "denied", False),
    ("Reports no suicidal thoughts since last session.", "denied", NM, NM, False),
    # passive vs active
    ("Pt endorses passive SI, no plan or intent.", "endorsed_passive", NM, NM, False),
    ("Reports passive death wish, wishes she would not wake up.", "endorsed_passive", NM, NM,
     False),
    ("Passive SI this week, denies plan or intent.", "endorsed_passive", NM, NM, False),
    ("Endorses SI with plan to overdose on pills.", "endorsed_active", NM, NM, False),
    ("Pt reports suicidal ideation with a plan and intent.", "endorsed_active", NM, NM, False),
    # Unqualified ideation is active (C-SSRS): "no plan" does not make it passive.
    ("Endorses HI toward coworker, no plan.", NM, "endorsed_active", NM, False),
    ("Thoughts of killing himself most nights, no plan or intent.", "endorsed_active", NM, NM,
     False),
    ("When I asked about suicidal thoughts she said no plan and no intention, but she thinks"
     " her kids would be better off without her.", "endorsed_passive", NM, NM, False),
    ("PHQ-9 = 15, item 9 = 1.", "endorsed_passive", NM, NM, False),
    ("PHQ-9 item 9 = 1; asked, she says she clicked the wrong box, no thoughts of death or"
     " suicide.", "denied", NM, NM, False),
    ("C-SSRS positive: wished he were dead (yes); intent (no).", "endorsed_passive", NM, NM,
     False),
    ("History of suicide attempt, currently low risk.", NM, NM, "history", False),
    ("She said if she went to sleep one night and didn't wake up, that would be fine.",
     "endorsed_passive", NM, NM, False),
    ("Psychoeducation to mom on NSSI vs suicidal behavior.", NM, NM, NM, False),
    ("She has no wish to harm him and the images make her feel sick.", NM, "denied", NM,
     False),
    ("Pt reports thoughts of killing her ex with a plan.", NM, "endorsed_active", NM, False),
    ("Pt says she wishes her ex would drop dead.", NM, "endorsed_passive", NM, False),
    # a screening question is answered later in the sentence
    ("Asked both about thoughts of suicide; both denied.", "denied", NM, NM, False),
    ("Asked whether she has had thoughts of ending her life; she said she has not.",
     "denied", NM, NM, False),
    ("Asked about SI: endorses passive SI, no plan.", "endorsed_passive", NM, NM, False),
    ("I asked her about SI and she said she thinks about it daily.", "endorsed_active", NM,
     NM, False),
    # contractions negate; a plan to reassess asserts nothing
    ("She hasn't had thoughts of suicide in years and has none now.", "denied", NM, NM,
     False),
    ("He said he doesn't mean he wants to die, he feels like a failure.", "denied", NM, NM,
     False),
    ("She can't stop thinking about wanting to die.", "endorsed_passive", NM, NM, False),
    ("Plan: weekly; reassess mood and SI next visit.", NM, NM, NM, False),
    # screeners and recent time frames
    ("C-SSRS (since last contact): positive for ideation w/ method.", "endorsed_active", NM,
     NM, False),
    ("Endorsed wish to be dead on C-SSRS; C-SSRS: positive, low risk.", "endorsed_passive",
     NM, NM, False),
    ("Risk: active SI w/o intent within past 48 hrs.", "endorsed_active", NM, NM, False),
    ("Acute grief with passive death wishes, no plan or intent.", "endorsed_passive", NM, NM,
     False),
    ("She prays every night that he has a heart attack before the hearing.", NM,
     "endorsed_passive", NM, False),
    ("Passive homicidal wish toward the affair partner without intent or plan.", NM,
     "endorsed_passive", NM, False),
    ("Denies thoughts of hurting her husband.", NM, "denied", NM, False),
    ("His mother died of an overdose in August.", NM, NM, NM, False),
    # question-and-answer lines, pasted templates
    ("SI? denies. HI re: boss? no - says he is not worth it.", "denied", "denied", NM, False),
    ("SI? yes, passive. Cutting? yes - showed me her forearm.", "endorsed_passive", NM,
     "current", False),
    ("+SI no plan", "endorsed_active", NM, NM, False),  # unqualified: active
    ("Safety screen:\n  SI: endorses passive thoughts of not wanting to wake up.\n  HI:\n"
     "  Self-harm:\nPlan: weekly", "endorsed_passive", NM, NM, False),
    ("Neither endorses SI.", "denied", NM, NM, False),
    ("Plan: next time ask directly about current thoughts of suicide.", NM, NM, NM, False),
    ("Passive hostile wish toward the boyfriend without intent or plan.", NM,
     "endorsed_passive", NM, False),
    ("No attempts or SH since 2019.", NM, NM, "history", False),
    ("History of NSSI, none current.", NM, NM, "history", False),
    ("Caregiver strain; low risk of self-harm.", NM, NM, NM, False),
    ("No voices telling him to hurt himself.", NM, NM, NM, False),
    # a wish, a fantasy or a thought reaching for one's own death, however it is worded
    ("She fantasizes about just disappearing.", "endorsed_passive", NM, NM, False),
    ("He imagines his own funeral and who would come.", "endorsed_passive", NM, NM, False),
    ("Wants to be with her late mother.", "endorsed_passive", NM, NM, False),
    ("She thinks about her grandmother dying.", NM, NM, NM, False),
    ("She hopes the pain dies down.", NM, NM, NM, False),
    # the answer to a question, not its topic; method and plan in the client's own terms
    ("When I asked about safety she said it would be easier if she just didn't wake up, "
     "but she would never do anything.", "endorsed_passive", NM, NM, False),
    ("She has been looking up how many of her mom's pills it would take.", "endorsed_active",
     NM, NM, False),
    ("He has thought about just not coming up when he is in the bath.", "endorsed_active", NM,
     NM, False),
    ("Active ideation with a method in mind; access to firearms.", "endorsed_active", NM, NM,
     False),
    ("The kids didn't wake up until 9.", NM, NM, NM, False),
    # said inside the clinician's own reaction: still the client's risk
    ("I froze when she said she wants to die.", "endorsed_passive", NM, NM, False),
    ("I suspect she is hiding SI.", NM, NM, NM, False),
    ("Asked whether, if panic got worse, he has thought of ending his life; clear no.",
     "denied", NM, NM, False),
    ("Passive homicidal ideation toward the landlord, no plan or intent.", NM,
     "endorsed_passive", NM, False),
    ("She often wishes she would die in her sleep; no plan.", "endorsed_passive", NM, NM,
     False),
    ("Called his daughters last night to say goodbye; has a rope in the garage.",
     "endorsed_active", NM, NM, False),
    ("She planned to go through with it after finals.", "endorsed_active", NM, NM, False),
    # history vs current
    ("Hx of SI in college; denies current SI.", "denied", NM, NM, False),
    ("History of suicide attempt in 2015.", NM, NM, "history", False),
    ("Pt has a history of cutting as a teen.", NM, NM, "history", False),
    ("Pt cut her forearm last night.", NM, NM, "current", False),
    ("Reports self-harm this week (cutting).", NM, NM, "current", False),
    # hypothetical and family history are not the client's ideation
    ("If SI returns she will call the crisis line.", NM, NM, NM, False),
    ("Should SI return, she will use her safety plan.", NM, NM, NM, False),
    ("Her brother died by suicide in 2019.", NM, NM, NM, False),
    ("Family history of suicide (maternal uncle).", NM, NM, NM, False),
    # "substance abuse" is not an abuse disclosure
    ("Pt has a history of substance abuse.", NM, NM, NM, False),
    ("Discussed alcohol abuse and cravings.", NM, NM, NM, False),
    # abuse and neglect disclosures
    ("Pt disclosed that her stepfather hit her last weekend.", NM, NM, NM, True),
    ("Pt disclosed sexual abuse by uncle as a child.", NM, NM, NM, True),
    ("Neighbors called CPS about neglect of the kids.", NM, NM, NM, True),
    # PHQ-9 item 9 of 0 counts as a denial of suicidal ideation
    ("PHQ-9 = 12, item 9 = 0.", "denied", NM, NM, False),
    # nothing mentioned
    ("Pt reports low mood and poor sleep.", NM, NM, NM, False),
]


@pytest.mark.parametrize(("text", "si", "hi", "harm", "abuse"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_risk_fields(text: str, si: str, hi: str, harm: str, abuse: bool) -> None:
    d = draft(text)
    assert d.risk.to_dict() == {"suicidal_ideation": si, "homicidal_ideation": hi,
                                "self_harm": harm, "abuse_disclosure": abuse}
    codes = [w.code for w in d.warnings]
    assert ("mandated_report_review" in codes) == abuse
    assert ("risk_not_documented" in codes) == (NM in (si, hi))


_DENIAL = re.compile(r"\bdenie[sd]\b|no safety concerns", re.IGNORECASE)

NO_DENIAL_WRITTEN = [
    "Pt reports low mood and poor sleep. Used BA; scheduled two walks. F/u 1 wk.",
    "Pt endorses passive SI, no plan or intent. Safety plan reviewed.",
    "History of suicide attempt in 2015. Pt reports stable mood.",
    "If SI returns she will call the crisis line. Practiced grounding.",
    "Her brother died by suicide in 2019; anniversary next week. Processed grief.",
    "Pt has a history of substance abuse, 90 days sober. Used MI.",
    "Pt disclosed that her stepfather hit her last weekend. Validated; CPS call discussed.",
    "PHQ-9 = 16. Affect flat. Pt tearful. HW activity log.",
]


@pytest.mark.parametrize("text", NO_DENIAL_WRITTEN, ids=[t[:40] for t in NO_DENIAL_WRITTEN])
@pytest.mark.parametrize("fmt", ["soap", "dap", "birp", "girp", "pie"])
def test_never_writes_a_denial_the_clinician_did_not_write(text: str, fmt: str) -> None:
    assert not _DENIAL.search(text)
    d = draft(text, fmt)
    assert not _DENIAL.search(d.text), d.text
    for value in (d.risk.suicidal_ideation, d.risk.homicidal_ideation, d.risk.self_harm):
        assert value != "denied"


@pytest.mark.parametrize("fmt", ["soap", "dap", "birp", "girp", "pie"])
def test_risk_not_mentioned_is_said_in_the_risk_section_and_warned(fmt: str) -> None:
    d = draft("Pt reports low mood and poor sleep. Used BA. F/u 1 wk.", fmt)
    assert d.risk.to_dict() == {"suicidal_ideation": NM, "homicidal_ideation": NM,
                                "self_harm": NM, "abuse_disclosure": False}
    [warning] = [w for w in d.warnings if w.code == "risk_not_documented"]
    assert "suicidal ideation" in warning.message and "homicidal ideation" in warning.message
    risk_key = load_format(fmt).risk_section
    [section] = [s for s in d.sections if s.key == risk_key]
    first = section.statements[0]
    assert first.text == ("Not assessed in this description: suicidal ideation, homicidal "
                          "ideation, self-harm.")
    assert first.sources == (), "a notice about the description cites nothing"


def test_endorsed_ideation_is_stated_with_its_source() -> None:
    text = "Pt reports low mood. Endorses SI with plan to overdose on pills. Safety plan done."
    d = draft(text)
    [risk] = [s for s in d.sections if s.key == "A"]
    st = risk.statements[0]
    assert st.text.startswith("Risk assessment: active suicidal ideation endorsed")
    assert any("overdose" in text[a:b] for a, b in st.sources)


def test_written_denial_is_stated_and_cited() -> None:
    text = "Pt reports better sleep. Denies SI/HI. Used CR. F/u 1 wk."
    d = draft(text)
    [a] = [s for s in d.sections if s.key == "A"]
    st = a.statements[0]
    assert st.text == ("Risk assessment: suicidal ideation denied; homicidal ideation denied.")
    assert [text[s:e] for s, e in st.sources] == ["Denies SI/HI."]
    assert "Not assessed in this description: self-harm." in d.text


def test_abuse_disclosure_is_stated_for_mandated_report_review() -> None:
    d = draft("Pt disclosed that her stepfather hit her last weekend. Denies SI/HI.")
    assert "abuse or neglect disclosed (review mandated-reporting obligations)" in d.text
    assert "mandated_report_review" in [w.code for w in d.warnings]


@pytest.mark.parametrize("text", [
    "SI/HI not assessed this sess.",
    "Did not assess SI/HI today.",
    "SI/HI: deferred.",
    "Did not screen for SI or HI today; will next week.",
    "Ran out of time before asking about SI or HI.",
])
def test_a_topic_left_unasked_is_neither_denied_nor_endorsed(text: str) -> None:
    risk = draft(text).risk
    assert (risk.suicidal_ideation, risk.homicidal_ideation) == (NM, NM)
    assert "risk_not_documented" in {w.code for w in draft(text).warnings}


@pytest.mark.parametrize("text", [
    "She denied current suicidal thoughts and has not scratched herself since eighth grade.",
    "Urge to cut 4/5 after the call; has not acted, last SH in Oct.",
    "No SH since the burn on the 1st; urges max 3/5.",
])
def test_self_harm_with_nothing_since_is_history(text: str) -> None:
    assert draft(text).risk.self_harm == "history"
