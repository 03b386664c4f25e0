"""Ideation in the words clinicians and clients actually use, and death- and violence-
adjacent language that is not ideation. A missed endorsement is the worst error a scribe
makes; a false alarm on grief or panic is the next worst."""

from __future__ import annotations

import pytest

from notewright import draft

ENDORSED = [
    ('si', 'Client said sometimes she thinks it would be easier not to be here.'),
    ('si', 'Pt admits he has thought about driving his car into a tree.'),
    ('si', 'She has been thinking that her kids would be better off without her.'),
    ('si', "He said he doesn't see the point in going on."),
    ('si', 'Reports thoughts of death most days this week.'),
    ('si', 'She said she sometimes wishes she could just go to sleep and never wake up.'),
    ('si', 'He stated he has been researching ways to end his life online.'),
    ('si', 'Pt disclosed she has been saving up her sleeping pills.'),
    ('si', 'Client reports she wrote a goodbye letter to her sister on Sunday.'),
    ('si', 'He has been thinking about hanging himself in the garage.'),
    ('si', 'Endorses wanting to die.'),
    ('si', 'She said she feels like a burden and that everyone would be happier if she were gone.'),
    ('si', 'He said he\'s "done" and has thought about jumping off the bridge on his way to work.'),
    ('si', 'Pt stated she wants to kill herself.'),
    ('si', 'He admitted to suicidal thoughts over the weekend.'),
    ('si', 'Client endorsed SI with a plan to take pills.'),
    ('si', "She's been having thoughts of ending her life since the breakup."),
    ('si', 'Reports intermittent passive death wishes.'),
    ('si', 'He told me he has been thinking of killing himself.'),
    ('si', 'Pt says she prays God will take her in her sleep.'),
    ('si', "He mentioned he doesn't care if he lives or dies anymore."),
    ('si', "She said life isn't worth living right now."),
    ('si', 'He has been contemplating suicide.'),
    ('si', 'Client said she thinks about dying a lot lately.'),
    ('si', 'He described wanting to disappear permanently.'),
    ('si', 'Pt reported she held the pills in her hand Tuesday night but put them back.'),
    ('si', 'She said she is tired of fighting and wants it all to end.'),
    ('si', 'He admits to having a plan to overdose on his insulin.'),
    ('si', 'Client reports recurring thoughts of suicide, no intent.'),
    ('si', 'She has thought about cutting her wrists deep enough to die.'),
    ('si', 'He said he has no reason to keep going.'),
    ('si', 'Pt reports wishing she had not survived the accident.'),
    ('si', 'He said it would be a relief to not exist.'),
    ('si', 'She said she wanted to go to sleep and not wake up this week.'),
    ('si', 'He says he fantasizes about his own funeral.'),
    ('si', 'Suicidal thoughts this week, fleeting.'),
    ('si', 'Positive for SI.'),
    ('si', 'SI present, passive.'),
    ('si', 'She texted her friend that she was going to end it tonight.'),
    ('hi', "He said he wants to kill his ex-wife's new boyfriend."),
    ('hi', 'Client reports thoughts of hurting his stepfather.'),
    ('hi', 'She said she fantasizes about running her coworker over with her car.'),
    ('hi', 'Endorses HI toward neighbor, no plan.'),
    ('hi', 'He stated he would like to see his boss dead.'),
    ('hi', 'She admitted to urges to hit her toddler when he screams.'),
    ('hi', 'He has been having violent thoughts about his roommate.'),
    ('hi', 'Client wishes her abuser were dead.'),
    # as clinicians chart it
    ('si', 'Endorses thoughts of not wanting to live.'),
    ('si', 'Reports fleeting thoughts of death.'),
    ('si', 'SI endorsed.'),
    ('si', '+SI'),
    ('si', 'SI: yes'),
    ('si', 'SI present.'),
    ('si', 'Acknowledged some suicidal thinking over the weekend.'),
    ('si', 'Expressed a desire to die.'),
    ('si', 'Verbalized a wish to die.'),
    ('si', 'Voiced hopelessness and thoughts of ending things.'),
    ('si', 'Pt expressed SI.'),
    ('si', 'Current SI with vague plan.'),
    ('si', 'Pt w/ SI this week.'),
    ('si', 'Positive SI screen today.'),
    ('si', 'ASQ +'),
    ('si', 'Endorsed item 9 on the PHQ-9.'),
    ('si', 'Reported suicidal ideation without intent.'),
    ('si', "She stated she doesn't want to be here anymore."),
    ('si', "He doesn't want to be alive."),
    ('si', 'She wants to go be with her late husband.'),
    ('si', 'He thinks about not being around.'),
    ('si', 'She sometimes thinks the world would be better without her.'),
    ('si', 'Feels her family would be relieved if she were gone.'),
    ('si', 'He has been giving away his possessions.'),
    ('si', 'She wrote a will last week out of nowhere and said goodbye to friends.'),
    ('si', 'He researched how much acetaminophen would be fatal.'),
    ('si', 'Bought a gun last week to use on himself.'),
    ('si', "Keeps a bottle of pills by the bed 'just in case'."),
    ('si', 'Thoughts of crashing his car.'),
    ('si', 'She wants to sleep forever.'),
    ('si', 'He said he just wants to not exist for a while.'),
    ('si', 'Client reports having SI 2-3 times this week.'),
    ('si', 'Pt reports active SI.'),
    ('si', "She's been having dark thoughts about ending her life."),
    ('si', 'Has had thoughts about overdosing.'),
    ('si', 'Pt endorses wanting to end her life.'),
    ('si', 'He reported a suicide plan involving his car.'),
    ('si', 'She has considered taking all her pills.'),
    ('si', "Reports he has been 'thinking about ending it'."),
    ('si', 'He admitted he has been planning his suicide.'),
    ('hi', 'Homicidal thoughts toward father.'),
    ('hi', 'Reports thoughts of hurting others.'),
    ('hi', 'He threatened to kill his ex.'),
    ('hi', 'Made threats toward a classmate.'),
    ('hi', 'Talked about bringing a gun to school to hurt kids who bullied him.'),
    ('hi', 'He fantasizes about hurting the people who bullied him.'),
    ('hi', 'Endorses HI.'),
    ('hi', 'HI toward stepfather, no plan.'),
    ('hi', 'He has thought about killing his stepdad.'),
    ('hi', 'She wants her abusive ex dead.'),
    # the client's own words, quoted
    ('si', 'She said "I just want to go to sleep and not wake up."'),
    ('si', 'He said "what\'s the point of living like this".'),
    ('si', 'Client stated, "Everyone would be better off if I was dead."'),
    ('si', 'She said, "I don\'t want to be here anymore."'),
    ('si', 'He said "I\'ve thought about just ending it."'),
    ('si', 'Pt: "I want to die."'),
    ('si', '"Sometimes I think about killing myself," he said.'),
    ('si', 'He said "I have the pills saved up."'),
    ('si', 'She said she "can\'t keep living like this" and has thought about how.'),
    ('si', '"I wish I could just disappear forever," she said.'),
    ('si', 'He said "I keep thinking my family would be better off with the insurance money."'),
    ('si', 'She told me "I\'m not going to be around much longer."'),
    ('si', '"If I didn\'t have the dog I\'d be gone already," he said.'),
    ('si', 'She said "I\'d rather be dead than go back there."'),
    ('si', 'He said "I don\'t see a way out except dying."'),
    ('hi', 'He said "I\'m going to kill him if he comes near my kids."'),
    ('hi', 'She said "I want him to suffer the way I did, I want him dead."'),
    ('hi', '"I swear I\'ll hurt her," he said about his ex.'),
    # a community clinic's week
    ('si', "Pt states she was 'this close to taking the whole bottle' of her sertraline."),
    ('si', 'Cl said "no point anymore, I\'ll just walk out into the lake tonight".'),
    ('si', 'He said part of him agrees with the voice and he has thought about which overpass.'),
    ('si', "He said 'Some nights I think it would be a relief to just not exist anymore.'"),
    ('hi', "Said 'I hope a beam drops on that guy, swear to God.'"),
    # a general caseload
    ('si', 'Has had thoughts of stepping in front of a bus.'),
    ('si', 'She thought about crashing the car on the way home.'),
    ('si', 'He said he wanted to swallow a bottle of pills.'),
    ('si', 'He held a gun to his head on Saturday night.'),
    ('si', 'She has been thinking of death a lot.'),
    ('si', 'Client is preoccupied with death.'),
    ('si', "She hopes she doesn't wake up."),
    ('si', 'He said he is ready to go home to Jesus and would not mind if it was tonight.'),
    ('si', 'She has stopped taking her insulin on purpose so she will die.'),
    ('hi', 'He said he would like to hurt him badly.'),
    ('hi', 'He wants to kill his cellmate.'),
    ('hi', 'Endorses thoughts of harming his stepson.'),
    ('si', 'Pt reports suicidal ideation intermittently.'),
    ('si', 'SI: passive, intermittent.'),
    ('si', 'Reports wanting to die in her sleep.'),
    ('si', 'Pt has been having thoughts of hurting herself with a knife to die.'),
    ('si', 'Pt has passive thoughts of death.'),
    # several Englishes, youth, later life
    ('si', 'He went down to the bridge twice. I asked him straight out whether he had been '
           'thinking of jumping and he said he had, though he did not think he would do it.'),
    ('hi', "Ideation ++ re brother - 'sometimes I reckon we'd all be better off if he just "
           "carked it'."),
    ('si', "She came in laughing that she 'could kill myself' over the exam; later she said "
           "there have been nights when she genuinely wished she was dead."),
    ('hi', 'Asked about Jayden, Aria said she wishes he would die "for real".'),
    # the conventions' edges
    ('si', 'He said quietly, "some nights I think everyone would be better off if I just '
           'wasn\'t around". We ran out of time before I could ask more.'),
    ('hi', 'Stated "I swear I could kill him for this". Statement about ex not explored.'),
    ('hi', "He told me, 'Honestly I wish the guy would have a heart attack at his desk'."),
    # terse EHR notes
    ('si', "Thinks abt driving off rd on Rt 9 commute, 'wld be easy'."),
    ('si', "C-SSRS screener: Q1 yes, Q2 no. Cl sts 'kinda wish I could sleep for a year and not "
           "come back'."),
    # oblique wordings
    ('si', "says the overpass on the drive home keeps pulling at him, hes thought abt just not "
           "turning the wheel"),
    ('si', "says hes been eyeing the rafter in the garage wondering if it would hold him"),
    ('si', "says since her sister passed shes been telling the lord hes welcome to come get her"),
    ('si', "'some days i wish i could just dissolve and nobody would have to deal w me'"),
    ('si', "reports shes been stockpiling her sertraline, thinks abt taking them all"),
    ('hi', "says hes played out catching him alone and making sure he doesnt get back up"),
    # heights, swerves, and anger toward others
    ('si', "She has been 'counting the stairs up to the parking deck roof' and has stood at the "
           "rail twice since we last met."),
    ('si', "she thought she 'wouldn't bother to swerve' if a truck drifted into her lane"),
    ('si', "some nights he'd rather go to sleep and have it all stop"),
    ('hi', "he 'pictured running the guy over in the parking lot' and it kept coming back"),
    ('hi', "Said of the ex, 'honestly the world'd be better w/ him in the ground'."),
    ('hi', "States supervisor 'has it coming' and that he's 'worked out exactly where he parks'."),
    ('hi', "admitted he's been asking around for where the kid lives"),
    ('hi', "she caught herself hoping the cancer comes back 'and takes its time'"),
    # anger toward others, and bullets on one line
    ('hi', "he acknowledged thinking about it and said he knows where her new partner parks"),
    ('hi', "During processing cl said 'I hope he rots, I hope somebody does to him what he did "
           "to me.'"),
    ('hi', "States 'someone needs to make an example of him, maybe it's me.'"),
    ('si', "- Cl disclosed burning his forearm last week - Reports thinking about killing "
           "himself 'most days' and has considered taking his foster mom's pills - Denies HI"),
    # learned from dev-ag, dev-ah, dev-ai
    ('hi', "Active homicidal and suicidal ideation with a plan, means and conditional intent."),
    ('hi', "Said of his former supervisor that he hopes the guy drops dead."),
    ('hi', "Wish for the man's death without intent or plan."),
    ('hi', "He said that nobody gets the kids, he'll take us all with him."),
    ('hi', "Endorses thoughts of hurting his stepdad when he gets drunk."),
    ('hi', 'He said, "Keep taking the kids without telling me and one day I\'ll end you."'),
    ('si', "Thinks about overdosing on bad nights, no date set."),
    ('hi', 'she said "honestly i wish hed just die in a ditch somewhere"'),
    ('hi', "At one point said, 'honestly I'd be glad if he got hit by a bus'."),
    ('si', "She has thought it would be easier if she just didn't exist."),
    ('hi', 'He has pictured following the guy home and "putting him in the hospital."'),
    ('hi', "Said he has been thinking about hurting Marco since the video."),
    ('hi', "Threat judged substantive but without current intent."),
    ('hi', 'said "one of these nights im gonna put a knife in him while hes asleep"'),
    ('si', "Passive SI Wed ('would be easier not to be here'), none since Thu; denies plan."),
    ('si', "Risk is high but not imminent: active thoughts of killing himself with a plan."),
    ('si', "Sometimes wishes a car would hit him on the way to work so he could rest."),
    # learned from dev-at
    ('si', "Said she thought about swallowing the pills in mom's nightstand Sunday."),
    ('si', "C-SSRS screener: yes to active thoughts w/o intent, no suicidal behavior."),
    ('hi', 'Tom said of the coworker, "honestly I hope he walks in front of a bus."'),
    ('hi', 'He wishes they\'d "just die, all of them".'),
    ('hi', 'She said "I\'d honestly be happy if she choked on her salad," then laughed.'),
    # a wish for another's death or harm, in any words
    ('hi', "She said she hopes her ex chokes on it."),
    ('hi', "He wishes the drunk driver rots in prison."),
    ('hi', "He hopes the landlord drowns in his own pool."),
    # learned from dev-aw and dev-av
    ('si', "She also endorsed thoughts of 'not being here anymore' most nights, no plan."),
    ('si', "Today states she 'still half wishes it had worked.'"),
    ('hi', "Some nights she lies awake wishing Frank would just die in his sleep."),
    ('si', "Diary card: urges to die 2/5 most days, self-harm urges 4/5."),
    ('hi', 'Said of the bf, "I hope he wraps that truck around a tree, honestly."'),
    ('hi', "Father became very angry and said he wants his brother dead."),
]

NOT_IDEATION = [
    'She hopes her father dies peacefully.',
    "I hope he doesn't die, she said of her son after the surgery.",
    'Denies SI/HI.',
    'No thoughts of death or dying.',
    'She denied wanting to die.',
    'Panic attacks: felt like she was going to die.',
    'Her father died last year.',
    'He is afraid of dying in his sleep from sleep apnea.',
    'She killed it at her presentation.',
    'The deadline is killing me, she joked.',
    'Discussed grief after her dog died.',
    'She worries her mother will die.',
    'He wants to end the relationship.',
    'She wants the therapy to end in May.',
    'Pt ended the session early.',
    'She said the commute is killing her.',
    'Her friend took her own life in March.',
    'He jumped off the bridge into the lake with friends in July.',
    'She drove into a tree during the ice storm; no injuries.',
    'She collects her meds from the pharmacy on Fridays.',
    'Reviewed the plan to take her pills with food.',
    "She said it's not worth it anymore to argue with him.",
    "He doesn't see the point in going on the trip.",
    'No reason to keep going to the gym, he said.',
    'She wants everything to stop for a minute.',
    'Tired of fighting with her mom about curfew.',
    'She prays God will take her pain away.',
    "He thought about hurting his brother's feelings.",
    'Discussed the movie where the main character kills himself.',
    'Her coworker hanged himself last spring.',
    'He said his job is killing him.',
    'She is afraid her ex will hurt her again.',
    'He plays shooting games online most nights.',
    'As a nurse she watched two patients die this week.',
    "She cried about her grandmother's death.",
    'He said he could kill for a coffee.',
    "He doesn't want to live with his parents anymore.",
    'She worries a peanut exposure would be fatal.',
    'Discussed the ASQ + CSSRS protocol with the school.',
    'He reported his neighbor made threats toward him.',
    'Her ex made threats toward her last month.',
    'He is a chef and brings a knife to work.',
    'She moved and said goodbye to friends.',
    'Keeps rescue pills in her purse just in case of panic.',
    'He bought a gun for himself for hunting season.',
    "She doesn't want to be here, she said, rolling her eyes at her mother.",
    'They would be fine without her for a weekend, she decided.',
    'Her family would be relieved if she were home by ten.',
    'She reports taking about ten senna tablets a day most days this week.',
    'She is afraid he wants to hurt her.',
    'She is afraid her husband wants to kill her.',
    'Her ex threatened to hurt her son.',
    'He wants to hurt her feelings.',
    'She wants to go home.',
    'Nil SI.',
    'SI nil, HI nil.',
    'Risk mod given OD potential.',
    'Says he is fine, wife pushed him to come.',
    'They "wanted to die pretty much every day in seventh grade"; much better now.',
]


@pytest.mark.parametrize(("target", "text"), ENDORSED)
def test_endorsed_ideation_is_found(target: str, text: str) -> None:
    risk = draft(text).risk
    value = risk.suicidal_ideation if target == "si" else risk.homicidal_ideation
    assert value.startswith("endorsed"), value


@pytest.mark.parametrize("text", NOT_IDEATION)
def test_death_adjacent_language_is_not_ideation(text: str) -> None:
    risk = draft(text).risk
    assert not risk.suicidal_ideation.startswith("endorsed")
    assert not risk.homicidal_ideation.startswith("endorsed")


@pytest.mark.parametrize("text", [
    "She denies wanting to kill herself.",
    "He has never thought about ending his life.",
    "Denies any thoughts of jumping off the overpass.",
    "Denies thoughts that her family would be better off without her.",
    "On a straight question he said ending his life has never once crossed his mind.",
    "About himself: no thoughts of dying.",
    'Asked about thoughts of suicide and she laughed: "Lord, no, I plan to live to a hundred."',
    "I asked whether she'd had any thoughts of ending her life; her answer: 'No. Not even a "
    "flicker.'",
    "ED consult requested to r/o SI in 27F with chest pain. SI at that time, none since. "
    "Currently denies SI. Low acute suicide risk.",
    'When I asked whether she ever wants to be dead, Ava said "No! I want to live to a '
    'hundred."',
    "Hx: overdose at 14; SI on/off until ~15. Denies SI now.",
    "Check-in screen: no parent reported SI/HI or safety concerns at home.",
    'When I asked whether she ever has thoughts of ending her life, she said "God forbid, '
    'it is not in my blood."',
    "Said she wants to die; explored, wish to die disowned on exploration.",
])
def test_denied_wordings_are_denials(text: str) -> None:
    assert draft(text).risk.suicidal_ideation == "denied"


def test_abuse_by_a_relative_is_still_a_disclosure() -> None:
    text = "She said out loud for the first time that her uncle abused her from age 8 to 11."
    assert draft(text).risk.abuse_disclosure


def test_nil_is_a_denial() -> None:
    risk = draft("Nil SI. HI: nil.").risk
    assert (risk.suicidal_ideation, risk.homicidal_ideation) == ("denied", "denied")


def test_a_wish_that_someone_else_die_is_not_the_clients_own() -> None:
    risk = draft('Aria said she wishes he would die "for real" but would not hurt him.').risk
    assert risk.homicidal_ideation == "endorsed_passive"
    assert risk.suicidal_ideation == "not_mentioned"


def test_a_shove_and_dating_violence_are_disclosures() -> None:
    assert draft("Cl disclosed boyfriend shoved her into a locker last wk.").risk.abuse_disclosure


def test_a_wish_to_die_disowned_on_exploration_is_a_denial() -> None:
    text = ("She said she wanted to die right there when her slides failed. When I asked, she "
            "laughed and said she meant she was embarrassed, not that she wished to be dead; "
            "she denies any thoughts of death or suicide.")
    assert draft(text).risk.suicidal_ideation == "denied"


def test_could_kill_him_unexplored_is_passive() -> None:
    assert draft('Stated "I swear I could kill him for this".').risk.homicidal_ideation == (
        "endorsed_passive")


def test_a_plan_to_ask_next_time_is_not_a_mention() -> None:
    risk = draft("Anger at his boss. Plan: assess HI at start of next session.").risk
    assert risk.homicidal_ideation == "not_mentioned"


def test_a_minus_after_the_abbreviation_is_a_negative() -> None:
    risk = draft("- SI -, HI -\nPlan: f/u 2 wks").risk
    assert (risk.suicidal_ideation, risk.homicidal_ideation) == ("denied", "denied")


def test_a_field_denial_after_a_dash_still_counts() -> None:
    risk = draft("SI/HI screen - safety: denies. I validated her confusion.").risk
    assert (risk.suicidal_ideation, risk.homicidal_ideation) == ("denied", "denied")


@pytest.mark.parametrize("text", [
    "Denies thoughts of harming kids or in-laws despite anger at mother-in-law.",
    "Neither has thoughts of harming the other.",
    "No thoughts of suicide. Nothing toward others either.",
    "He denied any thoughts of suicide or of hurting his ex-wife.",
    "denies si hi",
    "son denies thoughts of hurting himself or anyone else period",
    "Screened everyone: no one endorses thoughts of hurting themselves or others.",
])
def test_denials_toward_others_are_denials(text: str) -> None:
    assert draft(text).risk.homicidal_ideation == "denied"


def test_self_harm_typed_in_lower_case_on_a_phone() -> None:
    assert draft("no si no sh per him n mom").risk.self_harm == "denied"


def test_a_parents_worry_is_not_the_childs_ideation() -> None:
    risk = draft("Mom says she is worried Ava is thinking about dying. Ava denies SI.").risk
    assert risk.suicidal_ideation == "denied"


def test_a_wish_for_oneself_is_not_homicidal_or_abuse() -> None:
    risk = draft("On exploration: sometimes wishes a car would hit him so he could rest.").risk
    assert (risk.homicidal_ideation, risk.abuse_disclosure) == ("not_mentioned", False)


def test_an_interpretation_rather_than_a_wish_is_not_ideation() -> None:
    text = ("Reports sudden images of dropping the baby. I wondered aloud with her whether the "
            "images show how afraid she is of failing him rather than any wish to hurt him.")
    assert not draft(text).risk.homicidal_ideation.startswith("endorsed")


def test_anger_disowned_as_an_expression_beside_a_denial_is_a_denial() -> None:
    text = ("At one point he said some days he wants to strangle the guy. Asked about it, he "
            "laughed, said it is just an expression, he has never had any thought of actually "
            "hurting his manager or anyone else, and denies thoughts of suicide.")
    assert draft(text).risk.homicidal_ideation == "denied"


def test_a_plan_answer_beside_current_self_harm_still_implies_ideation() -> None:
    text = ("Scratched her forearm Saturday. Talked about the breakup most of the hour, "
            "with no plan and no intent. Denies HI.")
    d = draft(text)
    assert d.risk.suicidal_ideation == "endorsed_passive"
    assert "ideation_inferred" in {w.code for w in d.warnings}


# Learned from dev-bg and dev-bi ...
@pytest.mark.parametrize(("text", "field", "value"), [
    ("Said he 'wouldn't cry if the guy got hit by a bus'; no intent, no plan.",
     "homicidal_ideation", "endorsed_passive"),
    ("He thought that everyone would be better off if he were gone; no plan.",
     "homicidal_ideation", "not_mentioned"),
    ("Since his wife went into memory care he has thought about using his service pistol.",
     "suicidal_ideation", "endorsed_active"),
    ("Denies SI. No hx attempts.", "self_harm", "denied"),
    ("Acted once (scratched forearm w/ key Thurs, superficial).", "self_harm", "current"),
    # ... and from dev-bj and dev-bl
    ("Passive SI in Jan per intake; today denies any SI, no self-harm.", "suicidal_ideation",
     "denied"),
    ("Alone, J disclosed scratching L forearm w/ paperclip Sat, superficial.", "self_harm",
     "current"),
    ("Past attempt age 17 (overdose), ED visit, no f/u.", "self_harm", "history"),
    ("Cut forearms age 14-16, none since. Currently denies SI.", "self_harm", "history"),
    ("Sat night she took ~20 acetaminophen; medically cleared.", "self_harm", "current"),
    # ... and from dev-bs: unlabelled wishes and pictures of harm toward another person
    ("Some nights she lies awake wishing he'd just pass in his sleep so it can be over for "
     "both of them. No thoughts or urges to harm him.", "homicidal_ideation",
     "endorsed_passive"),
    ("Seen alone, Jayden said he has pictured stabbing Marcus, mainly when lying in bed.",
     "homicidal_ideation", "endorsed_active"),
    ("Says he doesn't actually want to kill anyone but does want them hurt.",
     "homicidal_ideation", "endorsed_passive"),
    ("Imagined hurting herself last week; denies thoughts of harming others.",
     "homicidal_ideation", "denied"),
])
def test_risk_wordings_learned_from_rounds_bg_to_bs(text: str, field: str, value: str) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize("text,field,value", [
    # learned from dev-bu: other Englishes, translated wishes, a contrast after a denial
    ("Says she wouldn't act on anything, just wouldn't mind not waking some mornings.",
     "suicidal_ideation", "endorsed_passive"),
    ("He told me 'a'm better aff deid' since the lay-off.", "suicidal_ideation",
     "endorsed_passive"),
    ("She said she is tired fi live and wish di Lord would tek mi in mi sleep.",
     "suicidal_ideation", "endorsed_passive"),
    ("He has been thinking to finish himself with his father's pills.", "suicidal_ideation",
     "endorsed_active"),
    ("She said 'quiero dormir y no despertar nunca' (wants to sleep and not wake up).",
     "suicidal_ideation", "endorsed_passive"),
    ("Most evenings he stands by the bridge railing thinking it would be quick.",
     "suicidal_ideation", "endorsed_active"),
    # an attempt since the last contact is ideation acted on, whatever is said of today
    ("Mentioned she took 'about thirty' paracetamol two days after our session; says she "
     "doesn't want to die now.", "suicidal_ideation", "endorsed_active"),
    ("Mentioned she took 'about thirty' paracetamol two days after our session.",
     "self_harm", "current"),
    # another person's overdose, a count of years that makes an overdose history
    ("Grief work: her brother died of an overdose in March. Denies SI.", "self_harm",
     "not_mentioned"),
    ("Reports she took an overdose at 19; no thoughts of suicide since.", "self_harm",
     "history"),
    # someone else's words about the client, and a pictured accident befalling a named boss
    ("Worried his manager 'will kill him' if the order is late. Denies SI/HI.",
     "homicidal_ideation", "denied"),
    ("Some mornings he pictures his boss, Derek, stepping off the kerb in front of a lorry.",
     "homicidal_ideation", "endorsed_passive"),
    ("Has looked up which medicine she would not taste. Risk to Marina judged high.",
     "homicidal_ideation", "endorsed_active"),
    # learned from rounds BV to CC: denials of harming someone named, in compound denials
    ("She denied thoughts of suicide or of hurting him.", "homicidal_ideation", "denied"),
    ("Denies thoughts of harming Marco or anyone else.", "homicidal_ideation", "denied"),
    ("Both denied any thoughts of harming themselves or each other.", "homicidal_ideation",
     "denied"),
    ("She denied wanting Kyle hurt in any way.", "homicidal_ideation", "denied"),
    ("Intrusive images of dropping the baby; denies thoughts of wanting to harm the baby.",
     "homicidal_ideation", "denied"),
    ("Harm obsessions: images of stabbing his wife while cooking; no desire to hurt her.",
     "homicidal_ideation", "denied"),
    # a wish to be dead said of oneself, asked and denied or acknowledged
    ("He denies wishing he were dead.", "suicidal_ideation", "denied"),
    ("Acknowledged wishing she were dead some evenings this week.", "suicidal_ideation",
     "endorsed_passive"),
    # an overdose or thoughts of one named by the drug
    ("On the 3rd she took the rest of her quetiapine, slept two days, told no one.",
     "self_harm", "current"),
    ("On the 3rd she took the rest of her quetiapine, slept two days, told no one.",
     "suicidal_ideation", "endorsed_active"),
    ("Sunday she thought about taking all her lorazepam with a bottle of wine; did not.",
     "suicidal_ideation", "endorsed_active"),
    ("Has been thinking about taking all of her husband's sleeping pills at once.",
     "suicidal_ideation", "endorsed_active"),
    # when it happened
    ("Urges to cut Saturday, did not act; her last cut was eight months ago.", "self_harm",
     "history"),
    ("Burn scars from her teens; has not self-harmed in over ten years.", "self_harm",
     "history"),
    ("Cutting an apple in session was an exposure; denies SI.", "self_harm", "not_mentioned"),
    ("No thoughts of suicide since his overdose attempt at 19.", "self_harm", "history"),
    # a rating with "w/o", and a plan to ask is not an answer
    ("Risk low-mod: NSSI w/o suicidal intent. Denies SI.", "suicidal_ideation", "denied"),
    ("Plan weekly, ask about suicidal thoughts at the start of each session.",
     "suicidal_ideation", "not_mentioned"),
    # a wish disowned on exploration
    ("Some nights he thinks it would be easier to just be with her, but when we slowed down "
     "he was clear that he has no wish to die.", "suicidal_ideation", "denied"),
    ("OD on sertraline ~10 days ago, intentional, medically cleared. Currently denies SI.",
     "suicidal_ideation", "endorsed_active"),
    ("Hx SA x2 (2015, 2018); both OD, 1 inpt stay. Current SI denied.", "suicidal_ideation",
     "denied"),
    ("Said she lies awake hoping Dana just drops dead at her desk.", "homicidal_ideation",
     "endorsed_passive"),
    # learned from rounds CD, CE and CG
    ("Some nights she thinks everyone would be fine, maybe better off, if she just wasn't "
     "around anymore.", "suicidal_ideation", "endorsed_passive"),
    ("She told me she checked how high the bridge is and has thought of going at night.",
     "suicidal_ideation", "endorsed_active"),
    ("He said 'I've got the oxycodone, I'd take the lot' if the scan is bad.",
     "suicidal_ideation", "endorsed_active"),
    ("Saturday she took about twenty of her sertraline, then texted her sister. Still has "
     "fleeting thoughts of being dead.", "suicidal_ideation", "endorsed_active"),
    ("He has thought a lot about taking his dad's handgun to school.", "homicidal_ideation",
     "endorsed_active"),
    ("Asked about himself, he doesn't want to die; he wants Brayden to 'stop existing'.",
     "homicidal_ideation", "endorsed_passive"),
    ("Said quote I hope that son of a bitch wraps his truck around a tree end quote.",
     "homicidal_ideation", "endorsed_passive"),
    ("In 2021, using daily, she 'didn't care if I woke up' and overdosed on purpose once.",
     "self_harm", "history"),
    ("He has one prior attempt (hanging, 2014); the 2014 attempt raises chronic risk.",
     "self_harm", "history"),
    ("On the EPDS she marked 'sometimes' on the self-harm item; no acts.", "self_harm",
     "not_mentioned"),
    ("Denies self-harm since August.", "self_harm", "history"),
    ("No SH in 10+ yrs.", "self_harm", "history"),
    ("PHQ-9 today 9, item 9 zero.", "suicidal_ideation", "denied"),
    ("Postpartum OCD, moderate, no indication of risk to the baby.", "suicidal_ideation",
     "not_mentioned"),
    ("Risk to others is high enough to act on; denies thoughts of killing himself.",
     "suicidal_ideation", "denied"),
    # learned from rounds CI, CJ and CL: run-ons typed on a phone, other Englishes
    ("says some mornings he wishes he just wouldnt wake up and the family would be better off",
     "suicidal_ideation", "endorsed_passive"),
    ("says he wouldnt do that to his girls never tried anything denies thoughts of hurting "
     "anybody else", "homicidal_ideation", "denied"),
    ('She said "some days I wish he\'d just fall in the grain bin". No intent to harm him.',
     "homicidal_ideation", "endorsed_passive"),
    ("Has looked at the same beam in his own barn twice since the funeral.",
     "suicidal_ideation", "endorsed_active"),
    ("Measures colon PHQ nine 8 comma item nine zero.", "suicidal_ideation", "denied"),
    ("Denies SI. Anniversary reaction elevated but no acute risk.", "homicidal_ideation",
     "not_mentioned"),
    # learned from dev-ci: ideation in passing, in other Englishes
    ("Thursday she swallowed around ten of her mum's sleeping tablets; kept overnight.",
     "self_harm", "current"),
    ("Thursday she swallowed around ten of her mum's sleeping tablets; kept overnight.",
     "suicidal_ideation", "endorsed_active"),
    ("Keeps thinking about driving into the pillar of the flyover after night shift.",
     "suicidal_ideation", "endorsed_active"),
    ("He has been putting aside his pain tablets in a jar in case it gets too much.",
     "suicidal_ideation", "endorsed_active"),
    ("Keeps picturing waiting for the bloke out the front with the tyre lever.",
     "homicidal_ideation", "endorsed_active"),
    ("He has written their names in his notebook as the ones he would 'take out'.",
     "homicidal_ideation", "endorsed_active"),
    ("Followed the driver for 10k and thought about ramming him.", "homicidal_ideation",
     "endorsed_active"),
    ("Says he 'scratched the arms off himself' with his nails till they bled on Saturday.",
     "self_harm", "current"),
    ("Tells me he 'tried to end it' on Sunday and drank half a bottle of insecticide.",
     "suicidal_ideation", "endorsed_active"),
    ("She has been to the car park twice and stood at the top-floor wall.",
     "suicidal_ideation", "endorsed_active"),
    ("Told me about cutting his arm in Sec 3; no cutting since then.", "self_harm",
     "history"),
    ("Today she chose to talk about the year after her divorce, when she wanted to die. "
     "She currently denies any thoughts of ending her life.", "suicidal_ideation", "denied"),
    ("Still replaying the callout where a teenager had hanged himself. No thoughts of ending "
     "his own life.", "suicidal_ideation", "denied"),
    ("Risk to the new partner moderate: rehearsal and a weapon to hand.",
     "homicidal_ideation", "endorsed_active"),
    ("Will add the weight comments to the target list next week.", "homicidal_ideation",
     "not_mentioned"),
    # learned from dev-cn: ideation as clients say it
    ("Thursday he stood looking at the water from the bridge for a good while.",
     "suicidal_ideation", "endorsed_active"),
    ('"I wouldnae mind if the Lord took me in my sleep, hen."', "suicidal_ideation",
     "endorsed_passive"),
    ("I asked her plainly whether she has had any thoughts of ending her life. She said "
     "'God forbid, no', that it is just how people talk at home.", "suicidal_ideation",
     "denied"),
    ("Says he's been carrying the rope round in the ute for a week.", "suicidal_ideation",
     "endorsed_active"),
    ("He took 'a whole pack' of his mother's tablets Saturday, then told his cousin.",
     "self_harm", "current"),
    ("Twice on the motorway he thought about just letting go of the wheel at the pillars.",
     "suicidal_ideation", "endorsed_active"),
    ('Said: "If I see him, I\'m going to finish him, I\'m serious."', "homicidal_ideation",
     "endorsed_active"),
    ("Has thought about sitting up on the porch with the .30-06 at night, waiting.",
     "homicidal_ideation", "endorsed_active"),
    ("It's thirty years since she took the overdose at nineteen; no self-harm since.",
     "self_harm", "history"),
    ("Says he's sorted the paperwork and given the dog to his neighbour.",
     "suicidal_ideation", "endorsed_active"),
    # learned from rounds CL, CP and CQ
    ("Rosa reports urges to cut Sunday night; she used ice instead and did not cut.",
     "self_harm", "denied"),
    ("no plan no intent never tried anything before", "self_harm", "denied"),
    ("Diary card: no self-harm urges or acts, SI rated 0 every day.", "self_harm", "denied"),
    ("No cutting in over a year; urges basically gone.", "self_harm", "history"),
    ("Endorses thoughts since Sat of overdosing on her lamotrigine.", "suicidal_ideation",
     "endorsed_active"),
    ("- C-SSRS screener negative; no self-harm since last contact", "suicidal_ideation",
     "denied"),
    # ... and from dev-cr and dev-cu
    ('She sometimes wishes he would "wrap his truck around a pole".', "homicidal_ideation",
     "endorsed_passive"),
    ("Sat night he cut his wrist with a kitchen knife 'to end it'; today he does not want to "
     "die.", "suicidal_ideation", "endorsed_active"),
    ("Risk: current self-injury, no wish to die, moderate. Denies SI.", "suicidal_ideation",
     "denied"),
    ("Mentioned she 'used to cut' in her teens; none since age 19.", "self_harm", "history"),
    # ... and from dev-cw
    ("Nine days ago she took most of a bottle of her sister's sleeping pills.", "self_harm",
     "current"),
    ('She lies awake hoping "he wraps that truck around a tree".', "homicidal_ideation",
     "endorsed_passive"),
    ('He has been "thinking about taking the pickup out on Route 9 and not making the curve".',
     "suicidal_ideation", "endorsed_active"),
])
def test_risk_wordings_learned_from_rounds_bu_to_cq(text: str, field: str, value: str) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize("text,field,value", [
    # learned from dev-dc: ordinary words, and the look-alikes beside them
    ("For two weeks he has been thinking about the bridge on Harlan Road on his way to work.",
     "suicidal_ideation", "endorsed_active"),
    ("He has thought about taking his dad's hunting knife to school in his bag. He denied "
     "wanting to hurt anyone else or himself.", "homicidal_ideation", "endorsed_active"),
    ("He has thought about taking his dad's hunting knife to school in his bag. He denied "
     "wanting to hurt anyone else or himself.", "suicidal_ideation", "denied"),
    ("Says he \"wouldnae bother if ah didnae wake up the morra\". Asked directly: no plans. "
     "Moderate depression with passive wish not to wake.", "suicidal_ideation",
     "endorsed_passive"),
    ("She has no thoughts of harming him, and none of harming herself.", "suicidal_ideation",
     "denied"),
    ("They cut their forearms from about 14 to 17 and stopped when they started college.",
     "self_harm", "history"),
    ("Her ex-husband proposed cutting her weekend time with the kids.", "self_harm",
     "not_mentioned"),
    ("Acted Wed night: hit her thighs with a hairbrush until they bruised.", "self_harm",
     "current"),
    ("Acted Wed night: hit her thighs with a hairbrush until they bruised.", "abuse_disclosure",
     False),
    # ... and from dev-dg: in passing, in long notes about something else
    ("He has been dragging an opened paperclip across his arm until it bleeds.", "self_harm",
     "current"),
    ("She hits and pinches her thighs until they bruise, most nights.", "self_harm", "current"),
    ("They bite their forearm hard enough to bruise.", "self_harm", "current"),
    ("Denies thoughts of harming patients or anyone else.", "homicidal_ideation", "denied"),
    ("Reckons he's no danger to anyone else, just cranky.", "homicidal_ideation", "denied"),
    ("She keeps thinking maybe she should just go be with Kayla, and that she has walked out "
     "to the railroad bridge where it happened twice.", "suicidal_ideation", "endorsed_active"),
    ("She has had unwanted thoughts of stabbing his wife near the knife block.",
     "homicidal_ideation", "denied"),
    ("I asked about it; she doesn't want to die. The statement was exhaustion and she clearly "
     "disowns any wish to die.", "suicidal_ideation", "denied"),
    ("He says the voices comment but don't tell him to hurt himself.", "self_harm",
     "not_mentioned"),
    ("Says she wishes he had died in the crash instead of Tyler.", "suicidal_ideation",
     "not_mentioned"),
    ("Says she wishes he had died in the crash instead of Tyler.", "homicidal_ideation",
     "endorsed_passive"),
    ("She denies low mood, denies thoughts of death or suicide, denies thoughts of harming "
     "others.", "suicidal_ideation", "denied"),
    ("The night in March 2019 when he took a bottle of his wife's pain pills with vodka "
     "meaning not to wake up.", "suicidal_ideation", "not_mentioned"),
    ("Psychoed on asking someone directly whether they are thinking about suicide.",
     "suicidal_ideation", "not_mentioned"),
    # ... and from dev-dk: by behaviour and in idioms, from many countries
    ("When I asked directly he said he has thought about stepping in front of the express.",
     "suicidal_ideation", "endorsed_active"),
    ("Priya: 'If he leaves wet towels on the bed one more time I swear I'll kill him' - said "
     "laughing, Tom laughed too.", "homicidal_ideation", "not_mentioned"),
    ("She said the old habit with the razor is back - twice since spring break.", "self_harm",
     "current"),
    ("Her roommate, who told Sofia on Sunday that she had been thinking about killing herself "
     "and had pills saved up.", "suicidal_ideation", "not_mentioned"),
    ("Twice last week he thought about running Gary (ex's new partner) off the road.",
     "homicidal_ideation", "endorsed_active"),
    ("Says she sometimes wishes he'd 'just get hit by a lorry' on the way over.",
     "homicidal_ideation", "endorsed_passive"),
    ("He denies any wish to die and denies thoughts of harming anybody.", "suicidal_ideation",
     "denied"),
    ('Ethan: "Sometimes I wish he\'d just die so I could have my room back." Sibling conflict '
     "with a passive death wish toward brother. Denies thoughts of hurting himself.",
     "suicidal_ideation", "denied"),
])
def test_risk_wordings_learned_from_rounds_cv_to_dk(text: str, field: str,
                                                     value: str | bool) -> None:
    assert draft(text).risk.to_dict()[field] == value


def test_the_clients_own_ideation_after_a_relatives_stays_hers() -> None:
    d = draft("Her brother attempted suicide in May and she has been thinking about killing "
              "herself since.")
    assert d.risk.suicidal_ideation == "endorsed_active"


@pytest.mark.parametrize("text,field,value", [
    ("PHQ-9 14; she scored 0 on the item about being better off dead.", "suicidal_ideation",
     "denied"),
    ("He told me his stepfather touched him when he was about eight.", "abuse_disclosure",
     True),
    ("Grandpa touched her shoulder when she was crying; she leaned in.", "abuse_disclosure",
     False),
    ("Diary card: urges 3/5, cut once Tuesday (thigh, superficial).", "self_harm", "current"),
    ("Seen in the ED Sunday after taking about 20 of his sertraline.", "self_harm", "current"),
    ("Takes 50 mg sertraline each morning; no missed doses.", "self_harm", "not_mentioned"),
    ("No self-harm since she burned her wrist last spring.", "self_harm", "history"),
    ("He said nothing about the seating plan at the wedding.", "suicidal_ideation",
     "not_mentioned"),
    ("Assessment: passive SI, new this week. Plan: revisit SI and build a fuller safety plan "
     "if it persists.", "suicidal_ideation", "endorsed_passive"),
    # learned from dev-dp to dev-ds
    ("Endorses passive SI - no plan.", "suicidal_ideation", "endorsed_passive"),
    ("States 'i wish that guy would drop dead' - no plan, no intent.", "homicidal_ideation",
     "endorsed_passive"),
    ("SI - none. HI -", "homicidal_ideation", "denied"),
    ("SI: denied. HI -\n- BA: activity schedule", "homicidal_ideation", "denied"),
    ("SH hx - cutting in 8th grade, none x 2 yrs.", "self_harm", "history"),
    ("Group dipped after one member disclosed thoughts of suicide. Marcus denied SI.",
     "suicidal_ideation", "denied"),
    ("He said he knows exactly where that road goes.", "homicidal_ideation", "not_mentioned"),
    ("She hit 1 yr free of cutting on Sat.", "self_harm", "history"),
    ("Continues to use skills in place of SH.", "self_harm", "denied"),  # as "instead of"
    ("She reports no self-harm since and denies current SI.", "self_harm", "history"),
    ("Passive thoughts of death last spring, none since, and denied any self-harm.",
     "self_harm", "denied"),
    # learned from dev-dv: one risk statement in a long note
    ("Asked about thoughts of death - he said 'some days I'd rather not be here at all, but "
     "I'd never do anything', no plan, no intent.", "suicidal_ideation", "endorsed_passive"),
    ("Endorses thoughts of going to his supervisor's house and hurting him badly.",
     "homicidal_ideation", "endorsed_active"),
    ("She said she 'wouldn't shed a tear if Marjorie dropped dead tomorrow'.",
     "homicidal_ideation", "endorsed_passive"),
    ("Endorses passive SI: 'Wouldn't care if I got hit by a bus'. Denies HI.",
     "homicidal_ideation", "denied"),
    ("Her son Eli (16) told his school counselor that he had been thinking about killing "
     "himself.", "suicidal_ideation", "not_mentioned"),
    ("His mom said that he has been talking about killing himself.", "suicidal_ideation",
     "endorsed_active"),
    ("The thoughts are of stabbing her. He finds them disgusting and has no wish or intent "
     "to hurt her.", "homicidal_ideation", "denied"),
    ("Revisited the attempt two years ago (took pills after a breakup).", "self_harm",
     "history"),
    ("History of one overdose in 1998 around her first divorce; denies current SI.",
     "self_harm", "history"),
    # a probe of everyday clinical sentences
    ("She has thought about poisoning her husband's food.", "homicidal_ideation",
     "endorsed_active"),
    ("Reports hitting himself in the head when frustrated this week.", "self_harm", "current"),
    ("Her mom had thoughts of poisoning her dad years ago.", "homicidal_ideation",
     "not_mentioned"),
    # learned from dev-dx, dev-dy
    ("Asked about SI - endorses passive thoughts.", "suicidal_ideation", "endorsed_passive"),
    ("asked him abt SI - 'no ma'am, not like that'.", "suicidal_ideation", "denied"),
    ("Her self-harm risk needs watching though she's using her skills.", "self_harm",
     "not_mentioned"),
])
def test_risk_wordings_learned_from_rounds_dm_to_do(text: str, field: str,
                                                    value: str | bool) -> None:
    assert draft(text).risk.to_dict()[field] == value


# Shorthand endorsements must never read as denials (the words "no plan" after an
# endorsement are its grade, not an answer), and shorthand denials never as endorsements.
@pytest.mark.parametrize("text", [
    "Passive SI - no plan/intent.", "+ passive SI, no plan", "SI: passive, no plan or intent",
    "SI +, no plan", "SI present, no plan or intent", "Endorsed passive SI w/o plan.",
    "passive SI (no plan, no intent)", "SI: yes - passive", "Cl endorsed SI - passive - no intent.",
    "Admits to passive SI but no plan.", "SI passive. No plan. No intent.",
    "Thoughts of being better off dead - yes, no plan.", "S/I passive, no plan", "+SI", "SI+",
    "Current SI w/ no plan, no intent, no means.",
])
def test_shorthand_endorsements_are_endorsements(text: str) -> None:
    assert draft(text).risk.suicidal_ideation.startswith("endorsed")


@pytest.mark.parametrize("text", [
    "SI: denied", "SI - no", "SI/HI: neg", "neg SI/HI", "SI: none", "SI -", "C-SSRS neg.",
    "Denies SI, no plan or intent.", "Pt denies SI, HI, plan or intent.",
])
def test_shorthand_denials_are_denials(text: str) -> None:
    assert draft(text).risk.suicidal_ideation == "denied"


# A probe of everyday abuse disclosures: the passive voice, the present tense, neglect of an
# elder; and the client's own violent images are homicidal ideation, not abuse of him.
@pytest.mark.parametrize("text", [
    "Mother reports son was hit by stepfather last weekend.",
    "Pt reports being slapped by her father when he drinks.",
    "She was kicked and punched by her ex-boyfriend in 2019.",
    "Client disclosed her husband has been choking her during arguments.",
    "Daughter reports her brother leaves their father without food for days.",
])
def test_abuse_in_the_passive_and_the_present_is_a_disclosure(text: str) -> None:
    assert draft(text).risk.abuse_disclosure


@pytest.mark.parametrize("text", [
    "He got hit by a car last year.",
    "She said she 'could have strangled him' and laughed; a figure of speech.",
    "Thoughts of hurting her ex, pictures choking him when he texts; no plan.",
    "Her friend kept choking up during the eulogy.",
])
def test_violence_words_that_are_not_abuse(text: str) -> None:
    assert not draft(text).risk.abuse_disclosure


# A screening question answered in the next sentence ("Asked about SI. Denied.") is a denial;
# a question with no answer written is neither an endorsement nor a denial.
@pytest.mark.parametrize("text", [
    "Asked about SI. Denied.", "Screened for SI. Pt denied.", "Asked about SI. Negative.",
    "Asked about SI and HI. He denied both.", "asked about s i and h i. he denied both.",
    "Asked about SI. No.", "he denies any s i or h i he looked tired",
    "She denied s i, denied h i. no self harm.",
])
def test_a_question_answered_no_is_a_denial(text: str) -> None:
    assert draft(text).risk.suicidal_ideation == "denied"


@pytest.mark.parametrize("text", ["Asked about SI.", "Asked about SI and HI today."])
def test_a_question_without_its_answer_is_not_an_endorsement(text: str) -> None:
    result = draft(text).to_dict()
    assert result["risk"]["suicidal_ideation"] == "not_mentioned"
    assert "risk_not_documented" in {w["code"] for w in result["warnings"]}


@pytest.mark.parametrize(("text", "si"), [
    ("Asked about SI. Endorsed passive SI.", "endorsed_passive"),
    ("Asked about SI; he's been having thoughts of ending it most nights.", "endorsed_active"),
    ("Asked about SI and she said yes, most days.", "endorsed_active"),
    ("She described passive wishes over the weekend to 'just disappear for a while' without "
     "any plan or intent.", "endorsed_passive"),
    ("As she was gathering her coat she mentioned that Leo told his grandmother last weekend "
     "he wished he had never been born, and when I asked Leo about it he shrugged and said "
     "sometimes he still thinks that.", "endorsed_passive"),
])
def test_answers_and_wishes_that_endorse(text: str, si: str) -> None:
    assert draft(text).risk.suicidal_ideation == si


@pytest.mark.parametrize(("text", "hi"), [
    ("Denies SI. And HI.", "denied"), ("denies s i. and h i. Mild depressive symptoms", "denied"),
    ("She has no thoughts of hurting herself, but admitted that several times since mediation "
     "she has wished he would just get hit by a bus.", "endorsed_passive"),
    ("Some nights she lies awake working out how she could run him over in the parking lot at "
     "his work without being seen.", "endorsed_active"),
    ("He said he has thought about waiting for him in the parking lot and hurting him.",
     "endorsed_active"),
])
def test_homicidal_wordings_learned_from_rounds_eh_to_ej(text: str, hi: str) -> None:
    assert draft(text).risk.homicidal_ideation == hi


# "none since last session": the guard against "none SI" read "since" as "SI" (a missing
# word boundary), so the denial was lost and the self-harm field read as current.
@pytest.mark.parametrize("text", ["Self-harm: none since last session.",
                                  "SH: none since last visit."])
def test_none_since_last_contact_is_a_denial(text: str) -> None:
    assert draft(text).risk.self_harm == "denied"


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Columbia screen negative.", "suicidal_ideation", "denied"),
    ("Columbia Suicide Severity Rating Scale was negative.", "suicidal_ideation", "denied"),
    ("Columbia screen positive.", "suicidal_ideation", "endorsed_active"),
    ("Pt has been hitting his head against the wall when frustrated.", "self_harm", "current"),
])
def test_everyday_screen_and_self_harm_wordings(text: str, field: str, value: str) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize("text", [
    "She felt her manager threw her under the bus in the team meeting.",
    "Asked when she'd end her shift so we could find a later slot.",
    "I will shoot Maria an email about the schedule.",
    "A: target behaviours (school refusal, self-harm) reducing.",
    "C-SSRS: active thoughts no.",
])
def test_idioms_near_the_new_wordings_are_not_ideation(text: str) -> None:
    risk = draft(text).risk
    assert risk.homicidal_ideation == "not_mentioned"
    assert risk.suicidal_ideation in ("not_mentioned", "denied")
    assert risk.self_harm == "not_mentioned"


@pytest.mark.parametrize("text", [
    "She went back over the weekend before our last session, when she had thought about "
    "taking her father's tablets; no thoughts of suicide this week.",
    "He had thoughts of suicide 'back in the spring' but none since, and denies SI today.",
])
def test_ideation_before_the_last_session_is_history(text: str) -> None:
    assert draft(text).risk.suicidal_ideation == "denied"


# What rounds ER to FA taught, each set of wordings new sentences in the manner of its round
# (the first-sight misses are in corpus/README.md), beside the look-alikes the new rows must
# leave alone.
@pytest.mark.parametrize(("text", "field", "value"), [
    # Round ER hid endorsements deep in long notes, in the client's own idiom; six of twenty were
    # missed at first sight. The wordings below are new sentences in the same idioms.
    ("He admitted he keeps hoping his landlord 'gets what's coming to him'.",
     "homicidal_ideation", "endorsed_passive"),
    ("She said she has been lying awake planning 'how I'd end him if he shows up again'.",
     "homicidal_ideation", "endorsed_active"),
    ("Said if the foreman docks his pay again he'll make sure he doesn't make it home.",
     "homicidal_ideation", "endorsed_active"),
    ("Told his coach he would bring a bat to practice and kill Devon.",
     "homicidal_ideation", "endorsed_active"),
    ("Mr T said he'd be quite happy to go in his sleep and join his wife.",
     "suicidal_ideation", "endorsed_passive"),
    ("She talked about wanting to take the long nap, then changed the subject.",
     "suicidal_ideation", "endorsed_passive"),
    ("Asked whether he meant drinking; he said no, he meant not waking up.",
     "suicidal_ideation", "endorsed_passive"),
    ("Her cousin died by suicide last year. She said she has thought about doing the same.",
     "suicidal_ideation", "endorsed_active"),
    ("His father took his own life in 2004; he has never thought about doing the same.",
     "suicidal_ideation", "denied"),
    # Round ET (couples, family, group and child sessions).
    ("Her older brother (19) has been cutting, she said; she has never hurt herself.",
     "self_harm", "denied"),
    ("Progress toward the goal of replacing self-harm with skills is steady.", "self_harm",
     "not_mentioned"),
    ("P: 'when I saw the texts I wanted to kill him'. Asked, she said it was anger talking; "
     "denies any thoughts or intent to harm T. or anyone.", "homicidal_ideation", "denied"),
    ("He reports thoughts of hurting Dean when he has been drinking.", "homicidal_ideation",
     "endorsed_active"),
    ("Denies any thoughts or intent to harm herself.", "suicidal_ideation", "denied"),
    ("During snack Leo pushed his plate away and asked for juice.", "abuse_disclosure", False),
    # Round EU told ideation sideways (15 of 20 endorsements found at first sight). New
    # sentences in the same manner; then the look-alikes the new rows must leave alone.
    ("Says he wouldn't be sorry if the lights went out one night and that was that.",
     "suicidal_ideation", "endorsed_passive"),
    ("No plan; says she would welcome not waking up.", "suicidal_ideation", "endorsed_passive"),
    ("Has thought 'more than once' about swallowing her mother's sleeping tablets.",
     "suicidal_ideation", "endorsed_active"),
    ("Admitted he has thought about driving the truck into the quarry wall.",
     "suicidal_ideation", "endorsed_active"),
    ("Paid off his debts and is getting things in order so no one is left to sort it out.",
     "suicidal_ideation", "endorsed_active"),
    ("Googled how many of her paracetamol it would take on Sunday.", "suicidal_ideation",
     "endorsed_active"),
    ("Thoughts of OD most nights since the breakup.", "suicidal_ideation", "endorsed_active"),
    ("Not sure he wants to die, he wants the pain to stop.", "suicidal_ideation",
     "endorsed_passive"),
    ("She was thinking to jump from the balcony, then went inside.", "suicidal_ideation",
     "endorsed_active"),
    ("Says it is easier if she is gone.", "suicidal_ideation", "endorsed_passive"),
    ("Shouted he'd take himself off to the railway and left the house.", "suicidal_ideation",
     "endorsed_active"),
    ("Risk high: active thoughts, access to means.", "suicidal_ideation", "endorsed_active"),
    ("She prays every night that he'll be dead by spring.", "homicidal_ideation",
     "endorsed_passive"),
    ("No thoughts of harming his father or himself.", "suicidal_ideation", "denied"),
    ("Her uncle gives her a hiding when he drinks.", "abuse_disclosure", True),
    # and the look-alikes the round EU rows must leave alone
    ("Recs: start sertraline 50 mg OD, review in 4 weeks.", "self_harm", "not_mentioned"),
    ("Hx: one OD attempt age 14; none since.", "self_harm", "history"),
    ("The lights went out across the street during the storm.", "suicidal_ideation",
     "not_mentioned"),
    ("He has thought 'a lot' about taking the bus to college instead.", "suicidal_ideation",
     "not_mentioned"),
    ("Thinking about jumping in the pool at the gym again.", "suicidal_ideation",
     "not_mentioned"),
    ("Mum was afraid she was 'thinking about death too much' after the film.",
     "suicidal_ideation", "not_mentioned"),
    ("She hasn't self-harmed since Term 2.", "self_harm", "history"),
    ("In 2018 'I wanted to die every day', he said, and that he overdosed on purpose once "
     "in a hostel; clean 2 years.", "self_harm", "history"),
    # Round EX: EHR templates. Unticked boxes, blank fields and offered choices are not answers.
    ("SI: [x] denied [ ] passive [ ] active\nHI: [x] denied", "suicidal_ideation", "denied"),
    ("SI: [ ] denied [x] passive [ ] active", "suicidal_ideation", "endorsed_passive"),
    ("[ ] SI  [ ] HI  [ ] Self-harm\nMood: low", "suicidal_ideation", "not_mentioned"),
    ("Risk screen: SI ____ HI ____ Harm to self ____", "suicidal_ideation", "not_mentioned"),
    ("Risk screen: SI ____ HI ____ Harm to self ____", "homicidal_ideation", "not_mentioned"),
    ("Denies SI/HI.\nSI/HI: see above", "suicidal_ideation", "denied"),
    ("SI: -   SH urges: 3/5, no acts", "suicidal_ideation", "denied"),
    ("SI: denies   HI: denies   Safety at home: no concerns", "suicidal_ideation", "denied"),
    ("Suicidality: explored the burden statement; no thoughts of ending his life.",
     "suicidal_ideation", "denied"),
    ("C-SSRS screener: neg\nHI: -\nRisk: low / mod / high", "homicidal_ideation", "denied"),
    ("Risk: [ ] low [x] moderate [ ] high - chronic risk elevated (OD 2021)", "self_harm",
     "history"),
    # round EW: an overdose told as tablets consumed, and tablets taken a day
    ("Admitted yesterday after consuming approx. 30 tablets of her father's metoprolol.",
     "suicidal_ideation", "endorsed_active"),
    ("Admitted yesterday after consuming approx. 30 tablets of her father's metoprolol.",
     "self_harm", "current"),
    ("Reports taking about ten senna tablets a day and restricting to one meal.", "self_harm",
     "not_mentioned"),
    ("Consuming 6 ibuprofen tablets a day for the back pain.", "self_harm", "not_mentioned"),
    # Round FA: older adults and medical settings.
    ("Some nights he wishes she would just slip away in her sleep; never thought of hurting "
     "her.", "homicidal_ideation", "endorsed_passive"),
    ("Risk high: active ideation of homicide-suicide with a method.", "homicidal_ideation",
     "endorsed_active"),
    ("Risk high: active ideation of homicide-suicide with a method.", "suicidal_ideation",
     "endorsed_active"),
    ("He joked that he'll kill her if she hides the remote again; when I checked he laughed "
     "and denied any thought or wish to hurt her.", "homicidal_ideation", "denied"),
    ("Half laughing, she said some days she wishes he'd just drop dead; no plan, no intent "
     "to harm him.", "homicidal_ideation", "endorsed_passive"),
    ("Says he is wishing he would die in his sleep most days.", "homicidal_ideation",
     "not_mentioned"),
    ("She says one of the night aides 'yanks' her arm when turning her.", "abuse_disclosure",
     True),
    ("Lives alone; says his nephew has his bank card and gives him 20 quid a week.",
     "abuse_disclosure", True),
    # round FD: the records' history is not a disclosure made in session
    ("8yo M, in foster care since spring (removed for neglect per DCF referral - see "
     "intake). Sand tray, child-led.", "abuse_disclosure", False),
    ("placement is through d c s for neglect per the referral. Mia went straight to the "
     "sand tray.", "abuse_disclosure", False),
    # round FG: the nearer time cue decides; a history named right before the act; a diary
    # card's urge acted on
    ("They had SI in high school, none since, denies SI today.", "suicidal_ideation",
     "denied"),
    ("Denies SI/HI, hx of cutting as teen, none in 10 yrs.", "self_harm", "history"),
    ("Passive SI with no plan, intent or history of self-harm. She denies ever hurting "
     "herself.", "self_harm", "denied"),
    ("- diary card: urges to cut 3-4/5 most days, acted on once Sat (superficial)",
     "self_harm", "current"),
    ("Urges to cut 4/5, not acted on.", "self_harm", "not_mentioned"),
    # rounds FF and FE: a risk line about others, a wheel turned into the median, harm to
    # someone "or himself", cutting food, a form's question in quotes, abuse disclosed when
    # asked, a spoken "plan" after "any" is not a heading
    ("No thoughts of harming self. Risk to others: active thoughts w/ identified target + "
     "means, no intent, moderate.", "homicidal_ideation", "endorsed_active"),
    ("No thoughts of harming self. Risk to others: active thoughts w/ identified target + "
     "means, no intent, moderate.", "suicidal_ideation", "denied"),
    ("Twice while driving she thought about 'just turning the wheel into the median.' Denies "
     "intent.", "suicidal_ideation", "endorsed_active"),
    ("She's been having thoughts that the baby and her husband would be better off with her "
     "gone.", "suicidal_ideation", "endorsed_passive"),
    ("No thoughts of harming T or himself.", "suicidal_ideation", "denied"),
    ("Intrusive images, horrified by them, no wish or intent to harm her, avoids cutting food "
     "when she's in the room.", "self_harm", "not_mentioned"),
    ("Screening form: 'Thoughts of harming others?' - No. Pt confirmed verbally, denies "
     "SI/HI.", "homicidal_ideation", "denied"),
    ("When asked about childhood, client disclosed that her stepfather sexually abused her "
     "from about age 9 to 12.", "abuse_disclosure", True),
    ("he said \"honestly I wish the guy would get hit by a bus\" when I followed up he said "
     "he'd never actually do anything he denies any plan or intent to hurt his supervisor or "
     "anyone and denies suicidal thoughts", "homicidal_ideation", "endorsed_passive"),
    # round FB: one easy-to-miss place in a long note; a question's "if" is not a condition
    ("Said they've been thinking about how to unalive themself 'kinda a lot' since the "
     "screenshots.", "suicidal_ideation", "endorsed_active"),
    ("He told her 'there's no point to any of this, I'm just waiting to go be with your "
     "mother'.", "suicidal_ideation", "endorsed_passive"),
    ("He gave his record collection to his nephew because he 'won't be around to enjoy them "
     "anyway'.", "suicidal_ideation", "endorsed_active"),
    ("Although she says she would never actually do anything, she has caught herself hoping "
     "he dies before Thanksgiving.", "homicidal_ideation", "endorsed_passive"),
    ("She wanted to talk about her friend and suitemate, who texted her 'i don't want to be "
     "here anymore'.", "suicidal_ideation", "not_mentioned"),
    ("I asked her if she has had thoughts of hurting herself; she said no.",
     "suicidal_ideation", "denied"),
    ("I asked if she has had thoughts of hurting herself; she said yes, last night.",
     "suicidal_ideation", "endorsed_active"),
    ("I asked if he was thinking about dying; he said he thinks everyone would be better off "
     "without him.", "suicidal_ideation", "endorsed_passive"),
    # rounds FJ, FL, FI
    ("Re the ex she said \"I hope he wraps his car round a tree\"; she has no intent or plan "
     "to harm him, it's just a wish.", "homicidal_ideation", "endorsed_passive"),
    ("He said quote I hope she wraps it around a tree end quote, no plan no intent.",
     "homicidal_ideation", "endorsed_passive"),
    ("He denies any thoughts of harming himself or his brother.", "homicidal_ideation",
     "denied"),
    ("He denies thoughts of suicide, denies wanting to harm the nephew.",
     "homicidal_ideation", "denied"),
    ("Mom reports no safety concerns, no one hurting anyone at home.", "homicidal_ideation",
     "not_mentioned"),
    ("Denies SI, denies self-harm urges or acts.", "self_harm", "denied"),
    ("Denies self-harm urges this week.", "self_harm", "not_mentioned"),
    ("She said she's had thoughts that she'd be better off not waking up, no plan and no "
     "intent, and she's never made an attempt.", "suicidal_ideation", "endorsed_passive"),
    ("She said she's had thoughts that she'd be better off not waking up, and she's never "
     "made an attempt.", "self_harm", "denied"),
    ("Hx of 1 OD at 19 (per intake).", "self_harm", "history"),
    ("- asked about self-harm: last cut 8 months ago, none since, denies urges this wk",
     "self_harm", "history"),
    ("She talked more today about what her uncle did to her at his house when she was nine.",
     "abuse_disclosure", True),
    ("Dad said \"I would've punched him too at his age,\" which I gently challenged.",
     "abuse_disclosure", False),
    ("He said he's caught himself picturing going over there and \"putting him in the "
     "ground\"; no plan or intent.", "homicidal_ideation", "endorsed_active"),
    # rounds FK, FH
    ("She showed me new scratches on forearm from sat used a pencil sharpener blade.",
     "self_harm", "current"),
    ("Grace disclosed that her first husband was physically violent toward her for several "
     "years.", "abuse_disclosure", True),
    ("Therapist placed a report with Adult Protective Services during session.",
     "abuse_disclosure", True),
    ("Client stated 'if he smirks at me one more time I'll put a wrench through his skull'.",
     "homicidal_ideation", "endorsed_active"),
    ("Writer consulted the director; the threshold for duty to warn is met.",
     "homicidal_ideation", "endorsed_active"),
    ("He said \"some nights I just sit with the pistol in my lap and see if tonight's the "
     "night.\" Denies HI.", "suicidal_ideation", "endorsed_active"),
    ("Two Saturdays ago after a quarrel he took about 10 Panadol, vomited, told nobody.",
     "self_harm", "current"),
    ("Background from intake: overdose at 19 with a brief hospitalization, no episodes since.",
     "self_harm", "history"),
    ("She brought up that her overdose at 22 also happened during a big life change; no "
     "suicidal thoughts in years.", "suicidal_ideation", "denied"),
    ("No plan, no intent, has never harmed herself.", "self_harm", "denied"),
    ("Last month she told me she wished she could 'just disappear'; today she says those "
     "thoughts haven't come back and denies any thoughts of harming herself.",
     "suicidal_ideation", "denied"),
    ("In the last month she has wished she could just disappear.", "suicidal_ideation",
     "endorsed_passive"),
    # round FM
    ("Said of ex: \"I wish he'd just drop dead, honestly, then this would be over,\" denied any "
     "plan, intent or thoughts of harming him herself.", "homicidal_ideation",
     "endorsed_passive"),
    ("He showed me a text he sent: \"ur dead when i see u, i know where u park.\"",
     "homicidal_ideation", "endorsed_active"),
    ("Risk of violence toward an identified person moderate-high; no SI.",
     "homicidal_ideation", "endorsed_active"),
    ("He has pictured beating him with a bat, but won't do it.", "abuse_disclosure", False),
    ("She texted her ex: \"I'm going to take everything in the cabinet tonight.\"",
     "suicidal_ideation", "endorsed_active"),
    ("Diary card: SH urges 3/5 Thu, 0 SH actions all wk.", "self_harm", "denied"),
    ("Denies intent, plan and prior attempts; denies thoughts of harming anyone.",
     "self_harm", "denied"),
    ("- Past attempt age 17 (overdose), ED visit, no f/u", "self_harm", "history"),
    ("He denies any attempt or rehearsal.", "self_harm", "denied"),
    ("He has never thought about how to hurt himself and does not want to hurt himself.",
     "self_harm", "not_mentioned"),
    # round FO
    ("pt came in late said she has been saving her seroquel and plans to take all of it "
     "tonight after her kids are asleep", "suicidal_ideation", "endorsed_active"),
    ("pt agitated said \"im done\" hx 2 attempts last one 2018 denies hi active si w plan "
     "intent and means tried safety planning", "suicidal_ideation", "endorsed_active"),
    ("pt agitated said \"im done\" hx 2 attempts last one 2018 denies hi active si w plan "
     "intent and means tried safety planning", "homicidal_ideation", "denied"),
    ("Ind 53 min | Risk: SI no HI no SH no | Interv: cog restructuring [x]",
     "suicidal_ideation", "denied"),
    ("Ind 53 min | Risk: SI no HI no SH no | Interv: cog restructuring [x]", "self_harm",
     "denied"),
    ("Risk: SI no plan, passive thoughts this week.", "suicidal_ideation", "endorsed_passive"),
    ("YMRS 19 period Denies SI comma HI period Provided psychoeducation period",
     "homicidal_ideation", "denied"),
    # round FP
    ("He said quote, some days I picture taking a swing at him, end quote period. No plan, "
     "no intent.", "homicidal_ideation", "endorsed_passive"),
    ("She scratched her left forearm with a paperclip on Saturday after an argument.",
     "self_harm", "current"),
    ("Another member disclosed recent suicidal thoughts; handled by co-leader after group.",
     "suicidal_ideation", "not_mentioned"),
    ("Sam did not raise SI and was not individually screened today.", "suicidal_ideation",
     "not_mentioned"),
    ("She has sometimes thought the family would be better off without her, most recently "
     "about a month ago; none this week, denies current SI.", "suicidal_ideation", "denied"),
    ("Pt reports wishing she wouldn't wake up. Denies plan.", "suicidal_ideation",
     "endorsed_passive"),
    ("Mornings she stands at her mother's door hoping she didn't wake up.",
     "suicidal_ideation", "not_mentioned"),
])
def test_wordings_learned_from_rounds_er_to_fa(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    # slang, and a reply given in quotes right after the question
    ("Asked if she's had thoughts of suicide: 'like sometimes I think about unaliving myself "
     "but I wouldn't actually.' No plan, never tried.", "suicidal_ideation", "endorsed_active"),
    ("He said, when I asked about the marks on her wrist, that she's been scratching with her "
     "nails when panicky, last on Sunday.", "self_harm", "current"),
    # a wish for another's nonexistence, and threats in idiom
    ("She said she never would do anything to him, she just wishes he weren't in the world.",
     "homicidal_ideation", "endorsed_passive"),
    ("Said the ex's new boyfriend 'better hope I never run into him'; no plan, no intent.",
     "homicidal_ideation", "endorsed_passive"),
    ("He thought about going out with the spade and finishing him and for a minute he meant "
     "it.", "homicidal_ideation", "endorsed_active"),
    # an exaggeration said laughing and disowned on exploration
    ("Laughing, she said 'I swear I could kill him, I could actually kill him.' Explored: no "
     "thoughts of hurting him.", "homicidal_ideation", "denied"),
    # thinking about death, then the wish to die denied
    ("She thinks about dying more than ever, in the sense that it's closer now; asked whether "
     "she has wished she were dead, she said no, firmly.", "suicidal_ideation", "denied"),
    # history, then a current denial of the same thing later in the sentence
    ("He had thoughts of ending his life back in 2019 but says none now.", "suicidal_ideation",
     "denied"),
    ("Reports suicidal thoughts in 10th grade, none since; denies any now.",
     "suicidal_ideation", "denied"),
    ("She had a period of suicidal thoughts in year eleven.", "suicidal_ideation",
     "not_mentioned"),
    ("Last cutting was 5 weeks ago; no self-harm behaviour since.", "self_harm", "history"),
    # someone else's death or words
    ("Brother died of fentanyl OD 3 wks ago. Denies thoughts of killing himself.",
     "suicidal_ideation", "denied"),
    ("His roommate, Eli, who posted a message Sunday night saying he 'didn't see the point "
     "anymore' and was 'thinking about ending it.'", "suicidal_ideation", "not_mentioned"),
    ("He looked up how many of his roommate's sleeping pills it would take to kill him.",
     "homicidal_ideation", "not_mentioned"),
    # a typographic apostrophe in the denial
    ("Says she doesn’t want to die, no thoughts of suicide.", "suicidal_ideation", "denied"),
    # intrusive images of harm, and a denial that names the other person
    ("Reports intrusive images of dropping baby Mila down the stairs; no wish or intent to "
     "harm.", "homicidal_ideation", "denied"),
    ("Explored: she laughed and denies any wish to die or to hurt her roommate.",
     "homicidal_ideation", "denied"),
    ("Kiara denied self-harm urges or actions this week.", "self_harm", "denied"),
    ("Before we started she told me of a memory she had never told anyone: her stepfather "
     "coming into her room at night when she was about nine.", "abuse_disclosure", True),
    ("Sat in the garage and 'thought about how I'd do it' — no plan beyond that.",
     "suicidal_ideation", "endorsed_active"),
    ("'figure ive lived long enough'. not planning anything per vet.", "suicidal_ideation",
     "endorsed_passive"),
    # learned from dev-fu and dev-fw
    ("Near the end she told me she has been asking the Lord every night to call her home.",
     "suicidal_ideation", "endorsed_passive"),
    ("In his words: 'Sometimes I am thinking I should just finish myself, then the whole "
     "tension is over.'", "suicidal_ideation", "endorsed_active"),
    ("Asked if she ever thinks everyone would be better off if she weren't around. 'Most "
     "days, honestly,' she said.", "suicidal_ideation", "endorsed_passive"),
    ("Asked about SI. Often feels tired by noon; naps daily.", "suicidal_ideation",
     "not_mentioned"),
    ("I asked if he sometimes wishes he was dead; he nodded and said 'at bedtime.'",
     "suicidal_ideation", "endorsed_passive"),
    ("Said she's 'no wantin tae be here anymore.'", "suicidal_ideation", "endorsed_passive"),
    ("He went out to the garage at night and sat in the truck with the door down and the keys "
     "in his hand.", "suicidal_ideation", "endorsed_active"),
    ("Helen had texted her late Sunday: 'In case I don't see you again, I love you.'",
     "suicidal_ideation", "endorsed_active"),
    ("She had driven to the Hollins Street bridge on Sunday night and sat in the car there "
     "for an hour.", "suicidal_ideation", "endorsed_active"),
    ("She said the girls would be better off with just you.", "suicidal_ideation",
     "endorsed_passive"),
    ("Said if the plane 'just didn't land' he wouldn't be too bothered.",
     "suicidal_ideation", "endorsed_passive"),
    ("Showed me two fresh marks on L forearm.", "self_harm", "current"),
    ("Work errors → punching own thigh 'till it goes numb,' 3-4x this wk.", "self_harm",
     "current"),
    ("Said they went back to the old habit Tuesday with a blade from a pencil sharpener.",
     "self_harm", "current"),
    ("She prays every night 'the Lord finishes what the bottle started.'",
     "homicidal_ideation", "endorsed_passive"),
    ("The night her ex-husband held her against the fridge by the throat.",
     "abuse_disclosure", True),
    ("He used to whip her and her sister with a belt when he drank.", "abuse_disclosure",
     True),
    ("SI/HI screen at check-in: [x] denied\nCl homework: practice check the facts",
     "suicidal_ideation", "denied"),
    ("he's thought about where he'd do it comma but hasn't set a date period he has one "
     "prior attempt comma overdose in 2019 period", "self_harm", "history"),
])
def test_wordings_learned_from_rounds_fq_to_ft(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    # the client's own label for passive ideation, answered with how often
    ("Phone check-in, asked if he still gets the 'what's the point' thoughts about living, "
     "said sometimes no plan no intent.", "suicidal_ideation", "endorsed_passive"),
    # a wish that another person die, and whose wish it is
    ("She admitted she lies awake wishing her father would die in his sleep, then feels "
     "awful.", "homicidal_ideation", "endorsed_passive"),
    ("Wishes he were dead most evenings, no thoughts of acting on it.", "homicidal_ideation",
     "not_mentioned"),
    ("Wishes he were dead most evenings, no thoughts of acting on it.", "suicidal_ideation",
     "endorsed_passive"),
    ("She has wished he would get hit by a bus, though she would never do anything.",
     "homicidal_ideation", "endorsed_passive"),
    ("Re his landlord: 'wish he'd just die' - no intent, no plan.", "homicidal_ideation",
     "endorsed_passive"),
    ("No plan. Wished he was dead in the past couple of weeks? Nodded.", "homicidal_ideation",
     "not_mentioned"),
    # questions written as questions, answered with a gesture or a quoted word
    ("Asked whether she thinks about ending her life; shook her head, 'no, never'.",
     "suicidal_ideation", "denied"),
    ("I asked whether any of this brought up thoughts of ending his life. 'No'.",
     "suicidal_ideation", "denied"),
    ("Ever hurt himself on purpose? Shook head.", "self_harm", "denied"),
    ("Thinking about killing herself? Shrugged, then 'no, not like that'.",
     "suicidal_ideation", "denied"),
    ("Diary card: urge to kill self marked none all week.", "suicidal_ideation", "denied"),
    ("NSSI/attempts: none this week, none ever.", "self_harm", "denied"),
    ("Self-injury since last visit:        no", "self_harm", "denied"),
    ("No cutting since the summer.", "self_harm", "history"),
    # intrusive images and a defusion phrase are the disorder, not ideation
    ("Keeps getting images of pushing his wife down the stairs; hates them. Defusion: 'I'm "
     "having the thought that I'll hurt her'.", "homicidal_ideation", "denied"),
    # a protective threat with a condition, explored and disowned
    ("Said 'if he touches my kids again I'll kill him'. Explored: means she'd call the "
     "police; no wish for him to die, no thoughts of seeking him out.", "homicidal_ideation",
     "denied"),
    ("Said he's going to kill his neighbour over the fence, intent yes plan yes.",
     "homicidal_ideation", "endorsed_active"),
    ("Checked with him alone: an expression, no thoughts of really hurting Sam.",
     "homicidal_ideation", "denied"),
    # someone else's words, and a past stretch
    ("Session about her daughter, who told her Friday she 'wants to be dead'.",
     "suicidal_ideation", "not_mentioned"),
    ("She went through a few weeks of wishing she could disappear during her first-year "
     "exams, which passed.", "suicidal_ideation", "not_mentioned"),
    ("He said the last time he relapsed comma three years ago comma he ended up suicidal "
     "period", "suicidal_ideation", "not_mentioned"),
    ("Showed me scratches on her forearm from a razor blade on Sunday.", "self_harm",
     "current"),
])
def test_wordings_learned_from_rounds_fx_to_fz(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    # C-SSRS items written out as asked, in the second person, with the answers after them
    ("1. Wished you were dead or could go to sleep and not wake up? Yes. 2. Actually had "
     "thoughts of killing yourself? Yes.", "suicidal_ideation", "endorsed_active"),
    ("1. Wished you were dead or could go to sleep and not wake up? Yes.",
     "homicidal_ideation", "not_mentioned"),
    ("Thoughts of killing herself? -> shook head.", "suicidal_ideation", "denied"),
    # a grid typed with spaces: yes in the lifetime column, no now
    ("C-SSRS              Lifetime      Past month\nWish to be dead     Y             N\n"
     "Active SI           Y             N\nNSSI                Y (age 15)    N",
     "suicidal_ideation", "denied"),
    ("C-SSRS              Lifetime      Past month\nNSSI                Y (age 15)    N",
     "self_harm", "history"),
    # a check-box line under a denial label
    ("Denies: [x] SI  [x] HI  [ ] SH (not asked)", "suicidal_ideation", "denied"),
    ("Denies: [x] SI  [x] HI  [ ] SH (not asked)", "self_harm", "not_mentioned"),
    # not asked, and a to-do for next time
    ("I did not ask about thoughts of harming others.", "homicidal_ideation", "not_mentioned"),
    ("Plan: ask re current SI next session.", "suicidal_ideation", "not_mentioned"),
    # the fear of what an urge means, and words explained as being about something else
    ("On a high balcony she had a sudden urge to jump and is worried it means she's secretly "
     "suicidal; no wish to die, no thoughts of suicide.", "suicidal_ideation", "denied"),
    ("said sometimes i just want it all to stop explored he said he means the work stress not "
     "his life no wish to die", "suicidal_ideation", "denied"),
    # someone else's, told to the client
    ("Her 17-year-old son told her Friday that he has been thinking about killing himself.",
     "suicidal_ideation", "not_mentioned"),
])
def test_wordings_learned_from_rounds_ga_and_gb(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    # ideation in the fewest, most indirect words
    ("She said 'I pray every night that Dale's truck goes off the road, and I'm not sorry'.",
     "homicidal_ideation", "endorsed_passive"),
    ("She would never do anything herself, she just wants him gone from the earth.",
     "homicidal_ideation", "endorsed_passive"),
    ("'It would be a mercy for both of us if he went in his sleep.'", "homicidal_ideation",
     "endorsed_passive"),
    ("Said 'if karma does its job he'll choke on his dinner before Easter.'",
     "homicidal_ideation", "endorsed_passive"),
    ("Said 'nobody would even know it was me' and has been timing when the foreman leaves.",
     "homicidal_ideation", "endorsed_active"),
    ("'If the court lets him walk, I'll handle it myself. I already know where he parks.'",
     "homicidal_ideation", "endorsed_active"),
    ("She said 'if I went with him, I wouldn't mind that either.'", "suicidal_ideation",
     "endorsed_passive"),
    ("Said the kids 'would do better on the life insurance than on me.'", "suicidal_ideation",
     "endorsed_passive"),
    ("wrote letters to their mom when i asked what the letters were for they said for after",
     "suicidal_ideation", "endorsed_active"),
    ("said the lake is pretty you just swim out until you cant swim back", "suicidal_ideation",
     "endorsed_active"),
    # look-alikes
    ("Asked whether she had thoughts of ending her life; she said 'God, no, I've got a "
     "wedding in May.'", "suicidal_ideation", "denied"),
    ("Found texts on her 15yo daughter's phone to a friend: 'everyone would be better off "
     "without me'.", "suicidal_ideation", "not_mentioned"),
])
def test_wordings_learned_from_rounds_gc_and_gd(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


def test_an_unmarked_threat_typed_without_quote_marks_never_reaches_the_note() -> None:
    d = draft("walk in marcus says im gonna find him this weekend and put him in the ground "
              "knows where he works denies si did grounding f/u tmrw")
    assert "put him in the ground" not in d.text
    assert "knows where he works" in d.text
    assert d.risk.to_dict()["homicidal_ideation"] == "endorsed_active"


@pytest.mark.parametrize(("text", "field", "value"), [
    ("A: PTSD, improving; passive hostile ideation toward the foreman without intent.",
     "homicidal_ideation", "endorsed_passive"),
    ("A: PTSD, improving; passive hostile ideation toward the foreman without intent.",
     "suicidal_ideation", "not_mentioned"),
    ("Said he sometimes wishes the man would just get what's coming to him.",
     "homicidal_ideation", "endorsed_passive"),
    # the past, named by an anniversary, "the weeks before it", "that same year"
    ("This week is the fifth anniversary of his overdose in 2019; he talked about the weeks "
     "before it, when he was thinking about dying every day.", "suicidal_ideation",
     "not_mentioned"),
    ("This week is the fifth anniversary of his overdose in 2019.", "self_harm", "history"),
    ("Cut his forearms at 14. Said he had thoughts of being better off dead that same year. "
     "Denies SI now.", "suicidal_ideation", "denied"),
])
def test_wordings_learned_from_round_ge(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    ("He said he thought about killing himself a lot that spring and told no one.",
     "suicidal_ideation", "not_mentioned"),
    ("Said he'd kill his stepdad over the console, then laughed. A: HI statement made in "
     "anger and disowned, low risk to others.", "homicidal_ideation", "denied"),
])
def test_wordings_learned_from_round_gf(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    ("He said that in his late teens he thought about killing himself most days.",
     "suicidal_ideation", "not_mentioned"),
    ("V said she took 'like 20' Tylenol on Sunday because she wanted to die.", "self_harm",
     "current"),
    ("V said she took 'like 20' Tylenol on Sunday because she wanted to die.",
     "suicidal_ideation", "endorsed_active"),
    ("Took 2 Tylenol for a headache.", "self_harm", "not_mentioned"),
])
def test_wordings_learned_from_rounds_gg_and_gh(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value


@pytest.mark.parametrize(("text", "field", "value"), [
    ("says last wk after the breakup he kept thinking abt jumping from the top of the parking "
     "garage. no plan no intent today.", "suicidal_ideation", "endorsed_active"),
    ('She said, "Sometimes I pray he wrecks the truck on the way home and never comes back," '
     "and that she has no plan or intent to hurt him.", "homicidal_ideation",
     "endorsed_passive"),
])
def test_wordings_learned_from_rounds_gi_and_gj(text: str, field: str, value: object) -> None:
    assert draft(text).risk.to_dict()[field] == value
