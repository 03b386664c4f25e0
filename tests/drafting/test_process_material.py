"""Psychotherapy-note guard: process material is withheld, 164.501 content stays."""

from __future__ import annotations

import re

import pytest

from notewright import draft
from notewright.drafting import Draft

BEFORE = "Pt reports panic attacks at work twice this week. "


def _private(d: Draft) -> str:
    """Everything withheld for the psychotherapy-notes vault, as one string."""
    return " ".join(w.text for w in d.withheld if w.reason == "psychotherapy_note")

AFTER = " Used grounding and paced breathing; pt engaged. F/u 1 wk."


@pytest.mark.parametrize(
    "process",
    [
        # countertransference
        "I felt irritated when she kept changing the subject.",
        "I noticed myself getting protective of her.",
        "Countertransference: strong urge to rescue.",
        # private hypotheses
        "I wonder if her anger is really about her father.",
        "I suspect she is minimizing the drinking.",
        "My hunch is that the panic protects her from grief.",
        # personal history
        "This hits close to home for me since my own divorce last year.",
        "Reminds me of my mother's illness.",
        # musings about the clinician's own work
        "Need to bring this to supervision.",
        # the same, in the many ways clinicians write it
        "I privately wonder whether his jokes land harder than anyone realizes.",
        "Found myself rescuing again before he had asked for anything.",
        "My unspoken hunch is that the calm is dissociation rather than resolution.",
        "Unvoiced thought: he has not once looked at her in three sessions.",
        "I notice I'm scared of her and keep running her labs in my head at night.",
        "My impulse was to end the couples work on the spot.",
        "I froze for a second and I don't know if I asked the questions in the right order.",
        "Group felt flat, and honestly so did I.",
        # in shorthand
        "ct feeling: bored + drifting, 2nd wk in a row.",
        "CT++ wanted to argue w him the whole hr.",
        "sup: ask Dr K why I go so soft w/ her.",
        "honestly a bit uneasy sitting w/ him today.",
        "Supervisor thinks I'm too careful with him around the grief.",
        "I'm worried I'm not helping her at all.",
        "I am feeling worried for her more than usual.",
        # the clinician in the third person, with or without an article
        "Therapist noticed herself siding with the client and will watch for that.",
        "Clinician wondered if she times her disclosures for the end of group, but this is "
        "a hunch.",
        "The clinician privately questions whether ending now is driven by the insurance "
        "authorization.",
        "Therapist felt shaky after she left.",
        # no subject at all
        "Wonder whether the bunny is her brother, or am I reading too much in.",
        "Felt a pang watching her go.",
        # passive voice, the body, supervision notes
        "Some irritation was felt by this therapist about the lateness.",
        "My hands were shaking while she told me about the accident.",
        "Writer noticed own stomach tighten and had to slow own breathing.",
        "Sup note: ask Dr. K re: closing sessions over video, I'm unsure I did it right.",
        "I had a pang watching the bear go back and forth.",
        "Honestly, I'm relieved they are still coming.",
        "I was aware of feeling sleepy and bored during the story.",
        "I was shaking after we hung up.",
        "Clinician is very angry at the son.",
        "Why do I keep skirting the opioid question?",
        "He sounds exactly like my ex.",
        "Clinician unusually sleepy during the sets.",
        # learned from dev-ah and dev-ai: the clinician's body, life and notes to self
        "Heavy session, tired after, a bit shaky myself.",
        "Can't shake the sense that he is lonelier than he lets on.",
        "A strong pull to reassure him was felt throughout, and mostly resisted.",
        "Note for me: rushed the problem-solving to fill the silence.",
        "Tired today, not my best work.",
        "Honestly bored for much of the hour and then guilty about being bored.",
        "Keep wondering whether a male therapist would get further with him.",
        "This clinician's own brother died two years ago and the anniversary is close.",
        "My mind kept drifting to my own overtime hours this month.",
        # learned from dev-ak and dev-al
        "Found him genuinely funny and laughed more than I'd usually let myself.",
        "I've grown fond of her and may be letting sessions drift into chat.",
        "Clinician found herself flooded with memories of her own first month home.",
        "This writer was uneasy in the room with him and sat closer to the door.",
        "For about a minute I lost track of what she was saying.",
        "Left feeling protective and a little angry at the dad.",
        "My stuff, probably.",
        "Did I give her a reassuring look in the hall?",
        "Flag for Tues consult.",
        "I was more anxious than she was, to be honest.",
        "I flinched at the bin lid myself.",
        "In my head I heard my supervisor saying slow down.",
        "This writer noted feeling irritated when the client checked her phone.",
        "We ran ten minutes over, which I don't do with other couples.",
        # learned from dev-ap, dev-aq, dev-ar: fragments and questions to self
        "Did she really not know?",
        "So why is he getting off lighter than she is?",
        "Wanted to cut Hale off much sooner than I did.",
        "Skin crawled the whole time he talked about her.",
        "Keep thinking about how easily this gets missed.",
        "Noticing I'm worn down by these cases.",
        # learned from dev-as: dread, relief, sarcasm, fear, comparison
        "Honestly dreaded this one all morning, hoping she'd cancel.",
        "CT ++ when she shrugged at everything.",
        "Her ex sounds exactly like mine.",
        "Sat nearer the door today because he scares me a little.",
        "Oh to have his problems.",
        "Keep wishing I'd led with the validation and saved the explanation for later.",
        "When he cancelled last week my first feeling was relief.",
        "Hard not to jump in with my own quals story since she could be me at her age.",
        "My hands were cold for the rest of the hour.",
        "Should take a few minutes before my 4 o'clock to reset.",
        "Brother sounds like a parasite, frankly.",
        "Doubting the whole decision to take them on as a couple.",
        "He is exhausting to sit with, honestly.",
        "What kind of grown man takes a belt to a seven-year-old.",
        "Will miss this one.",
    ],
)
def test_process_material_is_withheld_as_psychotherapy_note(process: str) -> None:
    text = BEFORE + process + AFTER
    d = draft(text)
    start = text.index(process)
    end = start + len(process)
    [w] = [w for w in d.withheld if w.reason == "psychotherapy_note"]
    assert w.text.rstrip(".") in process
    for s, e in w.sources:
        assert start <= s < e <= end
    # Nothing of it reaches the note, and no statement cites it.
    distinctive = process.rstrip(".").split()[-3:]
    assert " ".join(distinctive) not in d.text
    for sec in d.sections:
        for st in sec.statements:
            for s, e in st.sources:
                assert e <= start or s >= end, st.text
    # The rest of the description is still drafted.
    assert "Client reports panic attacks" in d.text
    assert "grounding" in d.interventions


def test_interpretation_offered_to_the_client_stays_in_the_note() -> None:
    text = ("Pt tearful discussing her boss. I offered the interpretation that her anger at "
            "her boss echoes her father; she agreed it fit. F/u 1 wk.")
    d = draft(text)
    assert not [w for w in d.withheld if w.reason == "psychotherapy_note"]
    assert "interpretation that her anger at her boss echoes her father" in d.text
    assert "interpretation" in d.interventions


def test_wondering_aloud_with_the_client_is_not_private() -> None:
    text = "I wondered aloud with her whether the panic is linked to the anniversary. She agreed."
    d = draft(text)
    assert not [w for w in d.withheld if w.reason == "psychotherapy_note"]
    assert "linked to the anniversary" in d.text


def test_clinical_formulation_stays_in_the_note() -> None:
    text = ("Pt reports low mood and isolating. Presentation consistent with MDD, recurrent, "
            "moderate; avoidance maintains the low mood. Used BA. F/u 1 wk.")
    d = draft(text)
    assert not [w for w in d.withheld if w.reason == "psychotherapy_note"]
    assert "consistent with MDD, recurrent, moderate" in d.text
    assert "Avoidance maintains the low mood" in d.text


@pytest.mark.parametrize(
    ("process", "measure", "score"),
    [
        ("I wonder if PHQ-9 14 reflects grief more than depression.", "PHQ-9", 14),
        ("I suspect the GAD-7 of 16 understates how anxious she is.", "GAD-7", 16),
    ],
)
def test_a_score_inside_withheld_material_is_still_stated(process: str, measure: str,
                                                          score: int) -> None:
    text = "Pt anxious. " + process + " Used MI."
    d = draft(text)
    [w] = [w for w in d.withheld if w.reason == "psychotherapy_note"]
    [m] = d.measures
    assert (m.name, m.score) == (measure, score)
    m_start, m_end = m.sources[0]
    for s, e in w.sources:
        assert e <= m_start or s >= m_end, "the score is carved out of the withheld span"
    stated = [st for sec in d.sections for st in sec.statements if st.sources == m.sources]
    assert stated and stated[0].text.startswith(f"{measure} score: {score}")
    assert "grief more than" not in d.text and "understates" not in d.text


def test_a_dashed_continuation_stays_with_the_process_material() -> None:
    text = ("Used cog restructuring; pt generated two alternatives. Honestly I felt a bit "
            "impatient when she dismissed the first reframe - need to watch that. F/u 1 wk.")
    d = draft(text)
    withheld = _private(d)
    assert "impatient" in withheld and "watch that" in withheld
    assert "impatient" not in d.text and "watch that" not in d.text


def test_the_bundled_example_withholds_its_process_material() -> None:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "examples" / "session-description.txt").read_text()
    d = draft(text)
    assert [w.reason for w in d.withheld].count("psychotherapy_note") >= 1
    assert "impatient" not in d.text


@pytest.mark.parametrize("clinical", [
    "I'm worried about her safety this week.",
    "I'm worried this was fentanyl and that she is at real risk of an overdose.",
    "I felt it was important to review the safety plan.",
    "My sense is that she is ready to taper sessions.",
])
def test_first_person_clinical_judgement_stays_in_the_note(clinical: str) -> None:
    result = draft(BEFORE + clinical + AFTER, "soap")
    assert not [w for w in result.withheld if w.reason == "psychotherapy_note"]


def test_a_private_thought_named_as_such_after_it_is_written_is_withheld() -> None:
    text = ("He arrived late again and apologized at length. Between us, I think his lateness "
            "is a way of testing whether I'll reject him, but I haven't said this and I'm not "
            "sure yet. Continue weekly.")
    d = draft(text)
    withheld = _private(d)
    assert "lateness is a way of testing" in withheld
    assert "testing" not in d.text and "lateness" not in d.text
    assert "apologized at length" in d.text


def test_an_interpretation_pointed_out_to_the_client_is_never_withheld() -> None:
    text = ("I pointed out to him that he had apologized to me the same way he describes "
            "apologizing to his boss, and wondered aloud whether he expects me to be "
            "disappointed in him too. He went quiet. Continue weekly.")
    d = draft(text)
    assert not [w for w in d.withheld if w.reason == "psychotherapy_note"]
    assert "apologizing to his boss" in d.text


def test_a_sentence_ending_in_a_quote_ends_after_the_closing_mark() -> None:
    text = ('He was silent for a long time and then said "sixty years of waiting." This echoes '
            "my own relationship with my father. Plan: continue weekly.")
    d = draft(text)
    [pn] = [w for w in d.withheld if w.reason == "psychotherapy_note"]
    assert pn.text.startswith("This echoes")
    assert "silent for a long time" in d.text


@pytest.mark.parametrize(
    ("text", "private", "clinical"),
    [
        # a comma hands the sentence to a possessive subject
        ("I noticed I was rushing her toward solutions which is my own anxiety about money "
         "talking, her worry is escalating with a clear stressor and fits the GAD picture. "
         "She will call two listings before Thursday.",
         "rushing her toward solutions", "fits the GAD picture"),
        # the reaction after "which" is the clinician's own
        ("She was dismissive and sarcastic for most of the hour, which left me feeling "
         "irritated and useless. I reflected the hurt underneath her anger.",
         "irritated and useless", "dismissive and sarcastic"),
        # an aside in parentheses, then the sentence resumes
        ("Good response to ERP (I catch myself cheering him on a bit too hard, should let "
         "him own it) and Y-BOCS is moving in the right direction. Next: exposure daily.",
         "cheering him on", "moving in the right direction"),
        # an aside between dashes, then the sentence resumes
        ("He described the fight with his neighbor - this is where he started to scare me - "
         "and described the tire iron in his trunk. Safety plan reviewed.",
         "scare me", "tire iron"),
    ],
)
def test_an_aside_is_withheld_and_the_clinical_sentence_around_it_is_kept(
        text: str, private: str, clinical: str) -> None:
    d = draft(text)
    assert private in _private(d)
    assert clinical not in _private(d) and clinical in d.text


def test_an_initial_does_not_end_the_sentence() -> None:
    text = "Group went well. I suspect T. is more depressed than she lets on. F/u 1 wk."
    d = draft(text)
    withheld = _private(d)
    assert "more depressed than she lets on" in withheld


def test_a_risk_rating_run_on_after_a_private_aside_stays_in_the_note() -> None:
    text = ("17yo f tele sess finals stress crying a lot not eating much flat affect hoodie "
            "barely looked up used cognitive restructuring on the all or nothing thoughts she "
            "came up with two balanced ones i was more anxious than she was tbh risk low to "
            "mod not imminent f/u next wk")
    d = draft(text)
    assert "more anxious" in " ".join(w.text for w in d.withheld)
    assert not any("risk low" in w.text for w in d.withheld)


def test_a_bare_note_to_self_makes_the_line_before_it_private() -> None:
    text = BEFORE + "Her teasing has an edge - watch." + AFTER
    withheld = " ".join(w.text for w in draft(text).withheld)
    assert "teasing has an edge" in withheld



@pytest.mark.parametrize("clinical", [
    "Scaling: where is she now, 0-10, toward that picture?",
    "Intent? 'not really.'",
    "SI? no.",
])
def test_a_question_put_to_the_client_stays_in_the_note(clinical: str) -> None:
    d = draft(BEFORE + clinical + AFTER)
    assert not any(clinical[:8] in w.text for w in d.withheld)


@pytest.mark.parametrize(("aside", "before"), [
    ("(Interpreter looked wrecked afterwards. So did I, honestly.)", "Interpreter looked wrecked"),
    ("(Ex sounds impossible. My bias?)", "Ex sounds impossible"),
])
def test_a_bare_reaction_closing_an_aside_makes_the_whole_aside_private(
        aside: str, before: str) -> None:
    withheld = " ".join(w.text for w in draft(BEFORE + aside + AFTER).withheld)
    assert before in withheld


def test_a_bare_reaction_after_a_clinical_sentence_leaves_the_sentence_in_the_note() -> None:
    d = draft(BEFORE + "My stuff, probably." + AFTER)
    assert not any("panic attacks" in w.text for w in d.withheld)


# Learned from dev-bc and dev-bf: groans, disbelief, a hypothesis kept back from the client.
@pytest.mark.parametrize("process", [
    "ugh.",
    "Ugh, this age.",
    "Not buying it.",
    "Honestly tired of the pain story today, which isn't fair to him.",
    "Prob survivor guilt under all of it, not ready to name that with him yet.",
    "Something about Grace's eagerness to take over the finances.",
    "Will miss this one.",
    # ... and from dev-bg and dev-bi: a session weighed in two words, a cynical read of a
    # motive
    "Heavy one.",
    "Scared for her.",
    "Heart sank when she said it so casually.",
    "She's angling for the letter, the rest of the session is window dressing.",
    "She's testing whether I'll drop her like everyone else did.",
    "Felt like I was lecturing during psychoed.",
])
def test_terse_private_reactions_are_withheld(process: str) -> None:
    d = draft(BEFORE + process + AFTER)
    assert process.rstrip(".") in _private(d)
    assert "panic attacks" not in _private(d)


@pytest.mark.parametrize(("text", "private", "kept"), [
    # the sentence a held-back thought points at is the thought
    ("Rob vs Tyler is the dance, Denise the shock absorber. do I say that out loud yet? "
     "not yet. Plan: weekly family sessions.", "Denise the shock absorber", "weekly family"),
    ("Prob her stepdad all over again w/ the new boss - the yelling, the watching. Hold that "
     "for now. Plan: weekly sessions.", "stepdad all over again", "weekly sessions"),
    # ... but not a report of the client's, nor a line that holds back its own thought
    ("Pt reports the fights started when her stepdad moved in. Not ready to name it.", "",
     "fights started"),
    ("HW: 10 min special time daily. I wonder if the lost-dino theme is mom's deployment, "
     "not raising yet.", "lost-dino", "special time"),
])
def test_a_thought_held_back_reaches_the_sentence_it_points_at(text: str, private: str,
                                                              kept: str) -> None:
    d = draft(text)
    assert private in _private(d)
    assert kept not in _private(d)
    assert kept in d.text


def test_a_family_theme_of_unspoken_things_is_not_the_clinicians_silence() -> None:
    text = ("I mapped the pattern of eldest sons and unspoken disappointment across the three "
            "generations and asked each of them where they sit in it.")
    assert _private(draft(BEFORE + text + AFTER)) == ""


def test_a_label_in_mid_line_starts_a_new_unit() -> None:
    d = draft("Couple seen. was I too slow to split them? keep replaying the first 10 min "
              "Plan: crisis line numbers sent, check-in call 9 am tomorrow.")
    assert "keep replaying" in _private(d)
    assert "crisis line numbers" not in _private(d)


# Learned from dev-bg and dev-bi: sarcasm in parentheses.
def test_a_sarcastic_parenthesis_is_withheld_and_its_sentence_kept() -> None:
    d = draft("Couples, S#9. Spent the session on the holiday plans fight (round four of the "
              "in-laws war, because of course). Used a speaker-listener exercise.")
    assert "because of course" in _private(d)
    assert "holiday plans fight" not in _private(d)
    assert "holiday plans fight" in d.text
    d = draft("Court-mandated. He'll tell the judge he's working the program (he isn't). "
              "MI: explored ambivalence.")
    assert "(he isn't)" in _private(d)


# Learned from dev-bj: asides in brackets without a first person, and a run of them.
@pytest.mark.parametrize(("text", "private"), [
    ("J engaged once we got past the first 15 min of one-word answers (ugh).", "(ugh)"),
    ("Asked again for a disability letter (is therapy for him or for the paperwork?).",
     "for the paperwork?"),
    ("(Late-cancel fee conversation I keep putting off. Again.)", "Again."),
    ("Mom asked again for a letter. Feels like the real agenda for coming in is that letter.",
     "real agenda"),
])
def test_bracketed_asides_are_withheld(text: str, private: str) -> None:
    d = draft(BEFORE + text + AFTER)
    assert private in _private(d)
    assert "panic attacks" not in _private(d)


def test_a_remark_made_to_the_client_is_not_private() -> None:
    d = draft(BEFORE + "I commented that she seems to be taking care of the house the way she "
              "wished someone had taken care of her; she was quiet, then nodded." + AFTER)
    assert _private(d) == ""


@pytest.mark.parametrize(("text", "kept"), [
    ("Honestly I was scared of him today, first time with this pt. Safety check call "
     "tomorrow AM, session Wed.", "Safety check call"),
    ("I noticed I wanted him to suffer too, which tells me how pulled in I am. Continue "
     "weekly; she'll bring photos next time.", "Continue weekly"),
])
def test_shorthand_before_a_capital_ends_the_private_sentence(text: str, kept: str) -> None:
    d = draft(BEFORE + text)
    assert kept not in _private(d)
    assert "wanted him to suffer" in _private(d) or "scared of him" in _private(d)


# Learned from dev-bn: process written to be hard to see.
@pytest.mark.parametrize(("text", "private", "kept"), [
    ("Cl walked me through the new org chart again [tedious].", "[tedious]", "org chart"),
    ("She said 'fine' to everything, which could mean anything.", "could mean anything",
     "to everything"),
    ("Spent ten minutes helping with his disability paperwork, my favourite part of the job.",
     "favourite part", "disability paperwork"),
    ("Ran 10 min over again, why do I always let him run over.", "why do I", "Ran 10 min"),
    ("Validated the grief over the old role, which honestly brought up my own stuff.",
     "my own stuff", "Validated the grief"),
    ("Keep the tone light Thursday, don't lead with the bridge.", "tone light", ""),
    # ... and from dev-bt
    ("She picked 3 small tasks, though the constant apologising got under my skin today.",
     "under my skin", "3 small tasks"),
    ("My uncle came back from Vietnam and never talked about any of it.", "My uncle", ""),
    ("Right.", "Right", ""),
    ("Mother is the real problem here.", "real problem", ""),
])
def test_process_hidden_in_a_clinical_sentence(text: str, private: str, kept: str) -> None:
    d = draft(BEFORE + text + AFTER)
    assert private in _private(d)
    if kept:
        assert kept not in _private(d)


# Learned from dev-bp and dev-bq: matter-of-fact process, and a dictated run-on that speaks its
# headings ("... dr chen assessment moderate to high acute risk ... honestly this one rattled me").
@pytest.mark.parametrize("process", [
    "Sat on my hands re advice.",
    "Dread before every one of these.",
    "Great, another dad.",
    "Thinking: the nothing is a lid on a lot of rage at dad.",
])
def test_matter_of_fact_process_is_withheld(process: str) -> None:
    assert process.rstrip(".") in _private(draft(BEFORE + process + AFTER))


def test_a_dictated_run_on_keeps_its_risk_assessment_out_of_the_aside() -> None:
    text = ("telehealth with tyler he says things got bad after he failed his midterm he has been "
            "smoking weed every night to sleep we went through his safety plan line by line and "
            "i also left a message for his prescriber dr chen assessment moderate to high acute "
            "risk given recent ideation with a method no current intent honestly this one "
            "rattled me hes the same age as my nephew plan increase to twice a week")
    d = draft(text)
    assert "rattled me" in _private(d)
    assert "moderate to high acute" not in _private(d)
    assert "safety plan line by line" not in _private(d)


# Learned from dev-bu to dev-ca: brackets with the clinician in them, a feeling marked as
# the clinician's own, being pulled into talking, one's own energy, "Felt for her."
@pytest.mark.parametrize(("text", "private", "kept"), [
    ("Cl retold the argument with her manager [patience thin] and linked it to her self-talk.",
     "[patience thin]", "linked it"),
    ("She played both parts of the argument [award-winning restraint on my part].",
     "restraint on my part", "both parts"),
    ("He spoke about his sister's funeral and showed a photo (grief, mine).", "(grief, mine)",
     "showed a photo"),
    ("His silences pull me into over-explaining; I talked too much today.", "pull me into",
     ""),
    ("The group felt flat and I wondered if it was my own low energy.", "my own low energy",
     ""),
    ("Mom barely took in the skill, eyes on her phone. Felt for her.", "Felt for her", ""),
    ("(Was foggy myself today - prob missed cues.)", "foggy myself", ""),
    ("Writer uneasy throughout, kept checking the clock.", "Writer uneasy", ""),
])
def test_process_learned_from_rounds_bu_to_ca(text: str, private: str, kept: str) -> None:
    d = draft(BEFORE + text + AFTER)
    assert private in _private(d)
    if kept:
        assert kept not in _private(d)


def test_a_clinical_sentence_resumes_after_an_aside_of_two_clauses() -> None:
    d = draft(BEFORE + "She described the night he died — I had to steady myself; it was the "
              "ward where my mother died — and then went quiet for a long while." + AFTER)
    assert "steady myself" in _private(d)
    assert "went quiet" not in _private(d)
    assert "went quiet" in d.text


# Learned from dev-ce to dev-co: process as busy clinicians leave it, one clause or line.
@pytest.mark.parametrize("process", [
    "Writer noticed growing irritation with his interruptions.",
    "Is siding with the wife more than is useful.",
    "Bored stiff during the chain analysis.",
    "Clinician questions whether the hierarchy is moving too fast for her.",
    "T aware of attraction again today.",
    "Therapist was struggling to stay awake in the first twenty minutes.",
    "I forgot to call her back last week as promised.",
    "Felt awful seeing her face.",
    # ... and from dev-cj, dev-cl and dev-co
    "Sat in the truck a while before driving home.",
    "Sit on it.",
    "Oh good, another week of him being the perfect client.",
    "Which I confess is starting to feel like all we ever do.",
    "T talked too much in the second half.",
    "Annoyed again ugh.",
    "I cut in faster than I usually would.",
    "I felt protective of her.",
])
def test_process_as_busy_clinicians_leave_it(process: str) -> None:
    assert process.rstrip(".") in _private(draft(BEFORE + process + AFTER))


def test_sarcasm_in_a_parenthesis_and_a_question_kept_back() -> None:
    d = draft(BEFORE + "He brought the parking dispute again (third week running — riveting) "
              "and spent 15 min on it." + AFTER)
    assert "riveting" in _private(d)
    d = draft(BEFORE + "Dan's silence: disapproving of therapy, or of Ruth? Not asking yet."
              + AFTER)
    assert "disapproving of therapy" in _private(d)


# Learned from dev-cm: asides that end on whose feeling it was.
@pytest.mark.parametrize("process", [
    "His mother's commentary about his weight grated on me.",
    "I almost missed it, the way she said it while zipping her bag.",
    "(felt judgmental about the takeout detail",
])
def test_process_learned_from_round_cm(process: str) -> None:
    assert process.rstrip(".") in _private(draft(BEFORE + process + " — my stuff, not hers)"
                                                  + AFTER))


# Learned from dev-dd: hypotheses without "I wonder", doubts about the fit, a parent oneself.
@pytest.mark.parametrize("process", [
    "Possibly re-enacting the rescuer role with me, same as with her brother.",
    "Could be that all the anger at the landlord is protecting against the grief.",
    "Poss. splitting staff, me = good object; not going to say anything yet.",
    "Maybe the fighting is what lets them stay close, though I'm far from sure.",
    "Honestly not sure I'm the right fit for her, she might do better with someone else.",
    "As a parent of a teenager myself I found it hard not to side with Rachel.",
])
def test_process_learned_from_round_dd(process: str) -> None:
    d = draft(BEFORE + process + AFTER)
    for clause in re.split(r"[,;] ", process.rstrip(".")):
        assert clause in _private(d)
        assert clause not in d.text


def test_a_clients_doubt_about_the_fit_stays_in_the_note() -> None:
    d = draft(BEFORE + "She said she is not sure therapy is the right fit for her." + AFTER)
    assert "right fit" not in _private(d)


# Learned from dev-dh: terse fragments and third-person asides.
@pytest.mark.parametrize("process", [
    "Tired. Hard to track him today.",
    "? attachment stuff w/ mom.",
    "Writer found self rushing the close.",
    "guess: anger covering shame.",
    "need consult re boundaries.",
    "prob. testing limits w/ me.",
    "Rushed the grounding script - should've slowed down.",
    "Writer aware of strong pull to rescue her.",
    "Bored. Drifted twice during his work story.",
])
def test_process_learned_from_round_dh(process: str) -> None:
    d = draft(BEFORE + process + AFTER)
    for clause in re.split(r"(?<=\.) | - ", process):
        assert clause.rstrip(".") in _private(d)


@pytest.mark.parametrize("clinical", [
    "? med nonadherence - will check w/ prescriber.",
    "Pt tired. Flat affect.",
    "Exhausted, hands shaking, coherent.",
])
def test_terse_clinical_lines_stay_in_the_note(clinical: str) -> None:
    d = draft(BEFORE + clinical + AFTER)
    assert _private(d) == ""


# Learned from dev-di: process in one to six words, beside terse clinical look-alikes.
@pytest.mark.parametrize("process", [
    "Drained after.",
    "Annoying.",
    "Uneasy re: his laugh.",
    "Hard to hang up.",
    "Clock-watching, me.",
    "Missed the cue re: his brother.",
    "? her mom did the same to her",
    "Doubt it was a one-time thing.",
    "Clinician aware of siding with Priya.",
])
def test_process_learned_from_round_di(process: str) -> None:
    assert process.rstrip(".") in _private(draft(BEFORE + process + AFTER))


@pytest.mark.parametrize("clinical", [
    "Sleep diary: 5 hrs asleep out of 8 in bed, lots of clock-watching.",
    "Drained after each trial, per pt.",
    "? MDD recurrent - will screen again next week.",
])
def test_terse_clinical_look_alikes_from_round_di_stay(clinical: str) -> None:
    assert _private(draft(BEFORE + clinical + AFTER)) == ""


def test_the_clinicians_lower_case_sentence_after_a_quote_is_its_own() -> None:
    d = draft("Psychoed on postpartum intrusive thoughts. She cried with relief: 'I thought I "
              "was a monster.' my own postpartum months came back. Plan: weekly.")
    assert "my own postpartum months came back" in _private(d)
    assert "cried with relief" in d.text


# Learned from dev-dl, dev-dm, dev-do: the clinician's own reaction and doubts in a sentence.
@pytest.mark.parametrize("process", [
    "I will have trouble not thinking about this tonight.",
    "The facilitator's own anxiety spiked at that point.",
    "This writer keeps doubting whether this is the right group for her.",
    "Taking it to consultation group next month.",
    "Driving home I realized I never asked about the gun.",
    "Gut says the move is bigger than she admits.",
    "Shaken after this one.",
    "I realize I've been focused on the teen and missed dad.",
    "Missed how much dad was carrying, my blind spot.",
    "Still wondering if something more is going on with the roommate, just a feeling.",
    "Supervision q: is it time to push for the full program?",
    "The dead comment jolted me.",
    "Story made me cringe on his behalf.",
    "The image of her hands stayed with me.",
    "Need to debrief w/ peer group.",
    "His stepdad reminds me a lot of mine.",
    "My sense is the acting out is tied to grief, but haven't said so.",
])
def test_process_learned_from_rounds_dl_to_do(process: str) -> None:
    assert process.rstrip(".") in _private(draft(BEFORE + process + AFTER))


def test_a_note_to_self_goes_with_the_private_clause_after_it() -> None:
    private = _private(draft(BEFORE + "I should go back to the custody story properly next "
                             "time, I skated past it." + AFTER))
    assert "I should go back to the custody story properly next time" in private
    assert "I skated past it" in private


@pytest.mark.parametrize("clinical", [
    "She can't stop thinking about him since the breakup.",
    "Her own anxiety spiked before the exam.",
    "I should follow up with the PCP about the thyroid labs.",
    "Validated grief about the marriage ending without colluding with hopelessness.",
])
def test_clinical_look_alikes_from_rounds_dl_to_do_stay(clinical: str) -> None:
    assert _private(draft(BEFORE + clinical + AFTER)) == ""


def test_a_thought_held_back_past_a_hedge_is_withheld_whole() -> None:
    private = _private(draft("Parents held a united line. Jordan's anger is at the stepdad role, "
                             "not Greg personally, I think — not ready to name that. Boundaries "
                             "improving."))
    assert "Jordan's anger is at the stepdad role" in private
    assert "Parents held a united line" not in private
    assert "Boundaries improving" not in private


def test_a_quiet_question_not_pushed_yet_is_withheld() -> None:
    assert "something going on w peers" in _private(draft(
        BEFORE + "?something going on w peers - not pushing yet." + AFTER))



@pytest.mark.parametrize("text", [
    "Gut: something at home.",
    "[Th found herself disliking father - he reminds her of her ex - and was curt with him once.]",
])
def test_terse_process_learned_from_rounds_ea_and_el(text: str) -> None:
    result = draft(text).to_dict()
    assert result["withheld"] and all(w["reason"] == "psychotherapy_note"
                                      for w in result["withheld"])
    assert "disliking" not in result["text"] and "something at home" not in result["text"]


def test_a_clients_gut_is_not_a_hunch() -> None:
    assert not draft("Pt's gut issues continue - GI appt next week.").withheld


@pytest.mark.parametrize(("text", "private"), [
    ("The burying may be her ambivalence about the new baby showing up in the tray... maybe, "
     "or maybe it's just a game she likes.", "ambivalence"),
    ("He might be more depressed than he's letting on, I think - too soon to tell.",
     "more depressed"),
    ("Stop over-explaining the sleep science - he glazed over halfway through, and that's on me.",
     "over-explaining"),
    ("Ask supervisor whether externalizing is getting too cute for a 15-year-old.", "too cute"),
    ("Honestly, I was stung.", "stung"),
    ("I also wonder if the near-cancellation was a test of whether I would chase him... maybe.",
     "chase him"),
    ("Watch the urge to over-apologize next time.", "over-apologize"),
])
def test_process_written_many_ways_learned_from_round_eo(text: str, private: str) -> None:
    result = draft(text).to_dict()
    assert private not in result["text"]
    assert any(private in w["text"] for w in result["withheld"])


@pytest.mark.parametrize(("text", "clinical"), [
    # a retracted guess about the treatment plan stays: 164.501 keeps the plan in the record
    ("Pt may be ready to step down to biweekly - too early to say.", "biweekly"),
    ("Sertraline started 2 wks ago - too early to tell.", "Sertraline"),
    ("Ask supervisor about CPS reporting threshold - done, report filed.", "report filed"),
    ("Pt was stung by her friend's comment.", "stung"),
    ("Pt said the breakup was on her.", "breakup"),
])
def test_look_alikes_of_round_eo_stay_in_the_note(text: str, clinical: str) -> None:
    assert clinical.lower() in draft(text).to_dict()["text"].lower()


# Learned from dev-eq: short private asides in terse notes.
@pytest.mark.parametrize(("text", "private", "kept"), [
    # a bracket between sentences is one unit, not cut at its dash or question mark, and
    # the sentence after it is not its clause
    ("Steadier by the end. (felt protective of her — keep boundaries) She reports 41 days "
     "sober.", "keep boundaries", "41 days sober"),
    ("Affect flat. (very sleepy 2nd half — mine or hers?) Depression worsening.",
     "very sleepy", "Depression worsening"),
    ("Denies SI/HI. (need consult re: my reaction) r/o PTSD; r/o dissociative d/o.",
     "my reaction", "r/o PTSD"),
    ("Cl proud. (pushed too hard at start? check next wk) Psychoed w/ mom on accommodation.",
     "pushed too hard", "Psychoed"),
    # a doubt or a reaction with no subject, in brackets
    ("Drinks three beers a night, more on weekends (doubt the numbers). AUDIT = 22.",
     "doubt the numbers", "three beers"),
    ("Minimized the conflict. (angry at K, hard to hide in his 15 min) K denies SI/HI.",
     "angry at K", "K denies"),
    ("Carla agreed to 11pm on Fridays. (Dad no-showed again. Annoyed with him, honestly.) "
     "Good engagement from all three.", "Annoyed with him", "11pm on Fridays"),
    ("A interrupted B six times (wanted to tell A to shut up — didn't). I set up "
     "speaker-listener.", "shut up", "interrupted B"),
    # asides after a dash
    ("Dad mentioned his own weight twice — bit my tongue, annoyed. Psychoed re: weight talk.",
     "bit my tongue", "Psychoed"),
    ("HW: DEAR MAN w/ roommate. — felt flattered, notice that", "flattered", "DEAR MAN"),
    ("Sister disengaged — careful not to favor E over her. E engaged, animated.",
     "careful not to favor", "E engaged"),
    # learned from dev-fc: a square bracket between sentences is an aside too, and a
    # feeling with no subject owned by "frankly"
    ("Less avoidant eye contact. [I over-talked again in the debrief, let silences sit next "
     "time] Progress good.", "over-talked", "Progress good"),
    ("He lit up describing the breakfast scene. Envious, frankly. Scaling 3/10.",
     "Envious", "Scaling"),
    # learned from dev-fg: end-of-day jottings with no subject
    ("- risk: chronic elevated, acute low\n- need to stop rescuing her at end of sessions\n"
     "- next: DEAR MAN", "rescuing", "DEAR MAN"),
    ("Called mobile crisis. shaking after he left. Will f/u w/ hospital tomorrow.",
     "shaking", "mobile crisis"),
    ("Sx consistent w/ anxiety. read up on hwa-byung before next time. Plan: breathing 2x/day.",
     "hwa-byung", "breathing"),
    ("Plan: call school counselor re: bullying. late slot again, missed Leo's game",
     "Leo", "school counselor"),
    ("PTSD sx likely - monitor. hard one to shake tonight. Plan: stabilization.",
     "shake", "stabilization"),
    ("q for supervision: am I pushing too early? felt oddly protective of him today. Cont "
     "wkly.", "protective", "Cont"),
    ("We reviewed her activity log, mostly blank. Blank because of the husband, not the "
     "depression, whatever she says. Used behavioral activation.", "whatever she says",
     "behavioral activation"),
    ("Affect guarded. I found him hard to read today and came away with an uneasy feeling I "
     "can't quite place. Plan: weekly.", "uneasy", "Affect guarded"),
    # learned from dev-fk
    ("Reviewed diary; pt only filled 4/7 nights, which annoyed me more than it should have, "
     "and she says the app kept logging her out.", "annoyed me", "4/7 nights"),
    ("Mildly anxious, well groomed. bet the perfectionism about sleep comes straight from her "
     "father. Primary insomnia.", "perfectionism", "Primary insomnia"),
    ("Cl identified loneliness as the trigger (I'd suspected that for weeks). Denies SI.",
     "suspected", "loneliness"),
    ("EDE-Q global 3.8. I get this tight, protective feeling with her that I don't get with my "
     "other clients. Making good progress.", "protective feeling", "good progress"),
    ("Engaged. Supv: talk about how anxious I get doing interoceptive stuff w/ her. Panic sx "
     "decreasing.", "how anxious I get", "Panic"),
    ("Next week as usual. I'd like to bring my wandering attention with older grieving clients "
     "to supervision.", "wandering attention", "Next week"),
    ("Low in mood. The counsellor wonders whether the lateness is a way of keeping the most "
     "painful material for the last ten minutes. Plan: weekly.", "lateness", "Low in mood"),
])
def test_terse_private_asides_are_withheld(text: str, private: str, kept: str) -> None:
    d = draft(BEFORE + text + AFTER)
    assert private in _private(d)
    assert kept not in _private(d)
    assert kept.lower() in d.text.lower()


def _withheld_and_kept(text: str, private: str, kept: str) -> None:
    """`private` goes to the vault; `kept` stays in the progress note."""
    d = draft(BEFORE + text + AFTER)
    assert private in _private(d)
    assert kept not in _private(d)
    assert kept.lower() in d.text.lower()


@pytest.mark.parametrize(("text", "private", "kept"), [
    # a formulation said aloud to the client stays, with its telling and the reply
    ("I think his insistence on being fine protects him from a grief that is also very old, "
     "and I said something close to that to him; he said he'd think about it.", "",
     "insistence on being fine"),
    # the reaction joined by "and", after the client's quoted word
    ("Cl acknowledged he wants to see his daughter more than he wants to 'win,' and his smirk "
     "while describing the arrest really got under my skin.", "smirk",
     "wants to see his daughter"),
    # the musing sound alone
    ("Her progress is notable. Hmm — she reminds me of me at 20, which may be why I keep "
     "calling on her.", "Hmm", "progress is notable"),
    # "though this writer found…": an aside, after which the clinical sentence resumes
    ("Client's guilt cognitions are beginning to shift, though this writer found the convoy "
     "details hard to sit with and noticed an urge to steer away from them; hindsight bias "
     "remains prominent.", "hard to sit with", "hindsight bias"),
])
def test_learned_from_rounds_fq_to_ft(text: str, private: str, kept: str) -> None:
    _withheld_and_kept(text, private, kept)


def test_questions_in_brackets_after_the_clause_that_asked_them_are_not_private() -> None:
    d = draft(BEFORE + "Used Socratic questions on the belief that everyone hates her (who "
              "specifically? what's the evidence against?); others jumped in." + AFTER)
    assert "evidence against" not in _private(d)
    d = draft(BEFORE + "Pt quiet. (is this even helping him?) HW: log." + AFTER)
    assert "even helping" in _private(d)


def test_a_morning_in_capitals_ends_its_sentence() -> None:
    d = draft("Imminent risk; requires higher level of care. F/u with ED tomorrow AM. "
              "Shaky after this one.")
    assert "F/u with ED" not in _private(d)


def test_the_defusion_phrase_taught_is_not_the_clinician_noticing() -> None:
    d = draft("Thought: 'I'm a failure'. I had her say it slowly, then with I notice I'm having "
              "the thought that... in front of it; she laughed. Plan: weekly.")
    assert "slowly" not in _private(d)
    assert "cognitive defusion" in d.interventions


def test_a_participle_lead_in_borrows_the_clinicians_reaction() -> None:
    text = ("Watching the father's shoulders drop as his son walked out, I felt my own chest "
            "tighten. Family agreed to a 9pm curfew.")
    result = draft(text)
    withheld = " ".join(w.text for w in result.withheld)
    assert "shoulders drop" in withheld and "chest" in withheld
    assert "curfew" in result.text


@pytest.mark.parametrize(("aside", "private"), [
    ("Writer's guess is he drinks more than he says - nothing to go on but the mints.", "mints"),
    ("Unsure whether I pitched the formulation too much from her side - something to chew on.",
     "pitched"),
    ("Process notes: wonder if his silence is about his own father - didn't raise it.",
     "silence"),
    ("Must not let that steer her.", "steer"),
    ("I need to sit with that rather than act it out.", "act it out"),
])
def test_hunches_doubts_and_notes_to_self_learned_from_ew_ex_ey(aside: str,
                                                               private: str) -> None:
    result = draft("PHQ-9 11, down from 15. " + aside + " Plan: weekly.")
    assert "PHQ-9" in result.text and "weekly" in result.text
    assert private not in result.text


@pytest.mark.parametrize(("text", "private", "kept"), [
    # a private guess written flatly, as if fact
    ("Pt reports poor sleep. The insomnia is really about the move he won't discuss.",
     "really about", "poor sleep"),
    ("Pt reports conflict at work. The anger is at his father, not the supervisor.",
     "not the supervisor", "conflict at work"),
    ("Pt tearful. Her real fear is losing the house, not the diagnosis.", "real fear",
     "tearful"),
    ("Pt reports stomachaches. The stomachaches are about mom's new job.", "mom's new job",
     "reports stomachaches"),
    ("Pt reports no drinking. Worse than he says.", "Worse than he says", "no drinking"),
    # a feeling in two or three words, with no subject
    ("Pt quiet today. Shaken.", "Shaken", "quiet today"),
    ("Pt quiet today. Angry at him.", "Angry at him", "quiet today"),
    ("Pt quiet today. Bored in session.", "Bored in session", "quiet today"),
    ("Pt reviewed homework. I was tense the whole call.", "tense the whole call",
     "reviewed homework"),
    # noticed and parked; a clinician who mixes Spanish
    ("Pt described the fall. I had a flicker of worry for her, which I noticed and parked.",
     "flicker of worry", "described the fall"),
    ("Pt described the argument. Me dio mucha rabia escucharlo.", "rabia",
     "described the argument"),
])
def test_learned_from_rounds_fx_to_fz(text: str, private: str, kept: str) -> None:
    _withheld_and_kept(text, private, kept)


@pytest.mark.parametrize("text", [
    # what the client says the real problem is, or a formulation said to the client
    "He says the real problem is his boss, not the drinking.",
    "She said the fight is really about money.",
    "Discussed that the panic is really about the exam.",
    # a screening question answered in the next breath was put to the client
    "Thought about how? Shook head. Any intent? 'No'.",
])
def test_look_alikes_of_flat_guesses_stay_in_the_note(text: str) -> None:
    d = draft(BEFORE + text + AFTER)
    assert _private(d) == ""


@pytest.mark.parametrize(("text", "private"), [
    ("Pt quiet. Am I even helping her? No. HW: log.", "Am I even helping her?"),
    ("Pt quiet. Is this even helping her? Not really. HW: log.", "Is this even helping her?"),
])
def test_a_doubt_the_clinician_answers_themself_stays_private(text: str, private: str) -> None:
    # The answer after it does not make the clinician's own question one put to the client.
    assert private in _private(draft(BEFORE + text + AFTER))


@pytest.mark.parametrize(("text", "private", "kept"), [
    # a wager on a guess makes the clauses before it the clinician's
    ("Pt describes the family as close. Plays to the room, all about mom, I'd put money on "
     "it.", "Plays to the room", "family as close"),
    ("Pt says she's sober 3 weeks. Using more than she lets on.", "lets on", "sober"),
    ("Pt says he quit. 21 days my foot.", "my foot", "says he quit"),
    ("Pt reports the trial ended. He'd never say so.", "never say so", "trial ended"),
    ("Pt reports chronic back pain. The pain is how he grieves the job.", "grieves the job",
     "back pain"),
    ("Pt reports the story of the assault. No way that's the whole story.", "whole story",
     "story of the assault"),
    ("Pt reviewed the week. Tender.", "Tender", "reviewed the week"),
    ("Pt left early for work. Frankly glad for the break.", "glad for the break",
     "left early"),
    # learned from dev-gj
    ("Pt described the scan results. I went and sat in the car for ten minutes afterward.",
     "sat in the car", "scan results"),
    ("Pt talked about his daughter's birthday. I had a hard time staying in the room.",
     "hard time staying", "daughter's birthday"),
])
def test_learned_from_rounds_ga_and_gb(text: str, private: str, kept: str) -> None:
    _withheld_and_kept(text, private, kept)


def test_a_group_leaders_own_reaction_in_the_third_person_is_withheld() -> None:
    d = draft(BEFORE + "Members practised opposite action. Facilitator was thrown by how "
              "easily she had missed the quiet member's cues." + AFTER)
    assert "thrown" in _private(d)
    assert "opposite action" not in _private(d)
