"""Risk: suicidal and homicidal ideation, self-harm, abuse or neglect disclosures.

A small ConText: each target mention is read in its unit with its context cues
(`risk_context.tsv`): negated, historical, hypothetical, current, family, not_abuse. The
fields then follow the annotation conventions: the most serious ideation since the last
contact; past-only ideation never becomes a denial by itself; a denial is reported only
when the description writes one. An invented negative is the worst error a scribe makes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from notewright.drafting.checkboxes import ticked_only
from notewright.drafting.lexicons import Lexicon, fold, pattern_rows
from notewright.drafting.model import Risk, Source
from notewright.drafting.segment import BULLET

TARGETS = ("si", "hi", "self_harm", "abuse")
RATED = ("others", "self", "either", "none")
IMPLIED = ("not_ideation", "others", "plan_denied")
CONTEXTS = ("negated", "historical", "hypothetical", "current", "family", "not_abuse")
# The verbs that open the client's own statement; they end a cue's reach, and a grade
# written right after one ("SI: endorses passive thoughts") belongs to the target.
_AFFIRMING_VERBS = (r"endorse[sd]?|endorsing|reports?|reported|admits?|admitted|"
                    r"acknowledge[sd]?|disclosed|states?|stated")
_TERMINATOR = re.compile(
    rf"\b(?:but|however|although|though|except|yet|whereas|while|{_AFFIRMING_VERBS})\b|[;.!?]|"
    # "wouldn't do anything, just wouldn't mind not waking": the contrast starts anew
    r",\s*(?:just|only)\b|"
    # "Her brother attempted suicide in May and she has been thinking…": a new subject
    r"\band (?=(?:she|he|they) (?:has|have|had|is|was|are|were|says|said|reports|reported|"
    r"feels|felt|thinks|thought|wants|wanted|keeps|kept)\b)",
    re.IGNORECASE)
_WINDOW = 70  # characters a cue reaches before (or after) its target
_ACTIVE = re.compile(r"\b(?:plan|plans|planned|intent|intention|method|means|rehears\w*|"
                     r"active|preparatory|bought|stockpil\w*|gun|rope|pills)\b", re.IGNORECASE)
# Endorsed ideation is passive only when the description says so: "no plan or intent"
# neither makes it passive (C-SSRS: thoughts of killing oneself are active without a plan)
# nor, being a denial, makes it active.
_PASSIVE = re.compile(r"\bpassive\b", re.IGNORECASE)
_NO_PLAN = re.compile(
    r"\b(?:no|without|denies|denied|denying|not|never|nor|neither)\s+(?:\w+\s+)?(?:a\s+|any\s+)?"
    r"(?:plans?|intent|intention|method|means)\b(?:\s*(?:,|or|and|/|nor)\s*(?:no\s+)?"
    r"(?:plans?|intent|intention|method|means|preparatory \w+))*", re.IGNORECASE)
# PHQ-9 item 9 asks about thoughts of being better off dead or of self-harm: any score
# above 0 is a positive screen (1, "several days", is recorded as passive ideation).
_ITEM9 = re.compile(r"\b(?:item\s*(?:#\s*)?9|q9)\s*(?:=|:|was|of|is|at|(?:endorsed|scored|rated)"
                    r"(?: as| at)?)?\s*(?P<score>[1-3])\b"
                    r"(?!\s*(?:/|-|to|or|\.\d))", re.IGNORECASE)
_ITEM9_ZERO = re.compile(r"\bitem\s*(?:#\s*)?(?:9|nine)\s*"
                         r"(?:=|:|was|of|is|at|(?:endorsed|scored|rated)"
                         r"(?: as| at)?)?\s*(?:0|zero|none|nil)\b|\bq9\s*(?:=|:)?\s*0\b",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    target: str
    grade: str  # "active", "passive", "" or "screen" (a positive screener, no grade)
    status: str  # "affirmed", "negated", "historical", "unanswered"
    unit: Source
    quoted: bool = False
    figure_of_speech: bool = False  # "I could kill him": anger, disowned if explored
    asked: bool = False  # the topic of a screening question, not the client's words
    screener_item: bool = False  # a positive PHQ-9 item 9, with no words of the client's
    words: Source = (0, 0)  # the matched words themselves


@cache
def _targets() -> Lexicon:
    return pattern_rows("risk_targets.tsv", "target", "grade", allowed=TARGETS)


@cache
def _contexts() -> Lexicon:
    return pattern_rows("risk_context.tsv", "category", "direction", allowed=CONTEXTS)


@cache
def _ratings() -> Lexicon:
    return pattern_rows("risk_ratings.tsv", "toward", allowed=RATED)


# A level of moderate or higher, not itself denied ("not high risk").
_LEVEL = re.compile(r"(?<!not )(?<!no )(?<!never )\b(?:(?P<low>low|mild)\s*(?:-|–|to)\s*)?"
                    r"(?:moderate|mod|high|elevated|imminent|severe|significant|serious|"
                    r"substantial)\b", re.IGNORECASE)
_RISK_WORD = re.compile(r"\b(?:risk|danger\w*|threat)\b", re.IGNORECASE)
# "Risk: low / mod / high" with none of them chosen: a template's choices, not a rating.
_LEVELS_OFFERED = re.compile(r"\blow\s*/\s*(?:mod(?:erate)?|med(?:ium)?)\s*/\s*high\b",
                             re.IGNORECASE)
# "anniversary reaction elevated but no acute risk": the level is not the risk's.
_NO_RISK = re.compile(r"\bno\s+(?:\w+\s+)?$", re.IGNORECASE)
# "elevated risk, though she denies any ideation": the rating comes with its own answer.
# A denial naming SI or HI is already a mention; this is the one that names neither.
_DENIAL_BESIDE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|no|without) (?:any )?(?:current )?"
                            r"(?:ideation|thoughts (?:of|about) (?:harm|death|dying))\b",
                            re.IGNORECASE)


@cache
def _implied_by() -> Lexicon:
    return pattern_rows("risk_implied.tsv", "reads", allowed=IMPLIED)


@dataclass(frozen=True, slots=True)
class Implied:
    """Ideation the description implies without naming it: the clinician rated risk as
    moderate or higher ("rating"), or wrote the follow-up answers, no plan or intent
    ("plan")."""
    toward: str  # "others", "self", "either" or "bare" (a plan answer naming no one)
    grade: str
    unit: Source
    by: str  # "rating" or "plan"


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in ".!?\n") + 1


def _sentence(text: str, start: int, end: int) -> str:
    closed = min((i for i in (text.find(c, max(start, end - 1)) for c in ".!?\n") if i >= 0),
                 default=len(text))
    return text[_sentence_start(text, start):closed]


def _first(rows: Lexicon, text: str, only: str = "") -> str:
    """The value of the first row that matches; with `only`, rows of other values are
    skipped except "not_ideation", which still vetoes."""
    folded = fold(text)
    for row in rows.candidates(folded):
        if (not only or row.value in (only, "not_ideation")) and row.pattern.search(text):
            return row.value
    return ""


def implied(text: str, units: Sequence[Source]) -> Iterator[Implied]:
    """Lazily, so that the caller can stop once both ideation fields are decided."""
    for start, end in units:
        unit = text[start:end]
        level = None if _LEVELS_OFFERED.search(unit) else _LEVEL.search(unit)
        if level is not None and any(abs(r.start() - level.start()) <= 40
                                     and not _NO_RISK.search(unit, 0, r.start())
                                     for r in _RISK_WORD.finditer(unit)):
            toward = _first(_ratings(), unit)
            if toward not in ("", "none") and not _DENIAL_BESIDE.search(
                    _sentence(text, start, end)):
                grade = "passive" if level.group("low") else "active"
                yield Implied(toward, grade, (start, end), "rating")
                continue
        if _first(_implied_by(), unit, only="plan_denied") == "plan_denied":
            reads = _first(_implied_by(), _sentence(text, start, end))
            if reads != "not_ideation":
                yield Implied("others" if reads == "others" else "bare", "passive",
                              (start, end), "plan")


# "no parent reported SI": the negation may govern the verb through its subject.
_NEGATED_VERB = re.compile(r"\b(?:neither|nor|not|never|no|nobody|\w+n'?t)(?:\s+\w+)?\s+$",
                           re.IGNORECASE)


def _clause_before(text: str, start: int, limit: int) -> str:
    window = text[max(limit, start - _WINDOW):start]
    cut = 0
    for m in _TERMINATOR.finditer(window):
        cut = m.end()
        # "neither endorses SI", "does not report SI": the verb that ends the clause is
        # itself negated, so its negation governs the target.
        negation = _NEGATED_VERB.search(window, 0, m.start())
        if m.group()[:1].isalpha() and negation:
            cut = negation.start()
    return window[cut:]


_PAIRED = re.compile(r"^(?:\s*(?:/|,|and|or|&)\s*[A-Z]{1,4}\b)+")


def _clause_after(text: str, end: int, limit: int) -> str:
    window = text[end:min(limit, end + _WINDOW)]
    # "SI/HI: none": the denial after the pair applies to both members.
    paired = _PAIRED.match(window)
    if paired:
        window = window[paired.end():]
    m = _TERMINATOR.search(window)
    return window[:m.start()] if m else window


def _historical(before: str, after: str) -> bool:
    """Past, not current. "History of suicide attempt, currently low risk": a history cue
    written before the target is outweighed only by a current cue before it too; what
    follows the target is often about something else."""
    # "Today she chose to talk about the year after her divorce, when she wanted to die":
    # the cue nearer the target says when it happened.
    if _last("historical", before) > _last("current", before):
        return True
    # After the target too, the nearer cue decides: "had SI in high school, none since,
    # denies SI today" is history; today's cue is about the denial that follows.
    historical = _first_after("historical", after)
    current = _first_after("current", after)
    return (historical >= 0 and not _has("current", before, "")
            and (current < 0 or historical < current))


# "the last time he relapsed comma two years ago comma he ended up suicidal": a time clause
# that a dictated comma cut off from its unit still says when it happened.
_DICTATED_TIME_CLAUSE = re.compile(r"\b(?:the (?:last|first|one) time|back when|when|during|"
                                   r"after)\b.*\bcomma\s*$", re.IGNORECASE)


def _historical_in_dictation(text: str, unit_start: int, before: str) -> bool:
    opening = _SPOKEN_STOP.split(text[_sentence_start(text, unit_start):unit_start])[-1]
    return (_DICTATED_TIME_CLAUSE.search(opening) is not None
            and not _has("current", before, "") and _historical(opening + before, ""))


def _first_after(category: str, after: str) -> int:
    """Where the first backward cue of a category starts in `after` (-1: none)."""
    return min((m.start() for pattern in _cues(category)[1]
                for m in pattern.finditer(after)), default=-1)


def _last(category: str, before: str) -> int:
    """Where the last forward cue of a category ends in `before` (-1: none)."""
    return max((m.end() for pattern in _cues(category)[0]
                for m in pattern.finditer(before)), default=-1)


def _has(category: str, before: str, after: str) -> bool:
    # A clause is a few words: no prefilter pays for itself here.
    forward, backward = _cues(category)
    return any(p.search(before) for p in forward) or any(p.search(after) for p in backward)


@cache
def _cues(category: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """The context rows of a category: those read before the mention (forward) and those
    read after it (backward)."""
    rows = [row for row in _contexts() if row.value == category]
    return (tuple(r.pattern for r in rows if r.extra in ("forward", "both")),
            tuple(r.pattern for r in rows if r.extra in ("backward", "both")))


_ATTEMPT = re.compile(r"\b(?:overdos\w*|OD|attempt\w*|took|swallowed|ingested|consum\w*|tried to|"
                      r"dr[aiu]nk)\b", re.IGNORECASE)
# "cut his wrist with a kitchen knife 'to end it'": an act done to die is an attempt.
_TO_DIE = re.compile(r"(?:(?!\b(?:no|not|without|den\w+|never)\b)[^.;]){0,40}?\b(?:to end it|"
                     r"(?:wanted|trying|tried|meant) to die|to kill (?:herself|himself|themselves|"
                     r"myself))\b", re.IGNORECASE)
# "marked 'sometimes' on the self-harm item": a screener's question, not an act.
_ITEM_AFTER = re.compile(r"\s+(?:item|question|subscale)\b", re.IGNORECASE)
# "whose son died of an overdose": another person's death, not the client's act.
# ("Brother died of fentanyl OD": the drug named between.)
_DIED_OF = re.compile(r"\b(?:died|dying|death|passed away|lost (?:\w+ ){0,3}to)\s+(?:of|from|by|"
                      r"after)?\s*(?:(?:a|an)\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "Reports suicidal thoughts in 10th grade, none since; denies any now": what is said of
# now, later in the sentence, about the ideation just told as history.
_NONE_NOW = re.compile(r"[^.!?\n]{0,80}?\b(?P<denial>none (?:now|currently|at present|at this "
                       r"time|today|this week|lately|recently)|denies any (?:now|currently|at "
                       r"present|today|this week|since)|(?:but )?not (?:now|currently|at present|"
                       r"anymore|any more)|no longer)\b", re.IGNORECASE)
# "a memory she had never told anyone: her stepfather coming into her room at night": the
# "never" is about the telling, which is happening now.
_NEVER_TOLD = re.compile(r"\b(?:had |has |have )?never (?:told|said|shared|mentioned|disclosed|"
                         r"spoken about|talked about)\b[^.;]*", re.IGNORECASE)
# "no safety concerns, no one hurting anyone at home": a screen for violence in the home,
# not the client's homicidal ideation.
_NO_ONE_AT_HOME = re.compile(r"\b(?:no ?one|no-one|nobody)\s+(?:is\s+|was\s+|has been\s+)?$",
                             re.IGNORECASE)
# "his boss 'will kill him' if he bails": someone else's words about the client (an idiom
# of anger, or a threat against the client), never the client's own ideation.
_SOMEONE_ELSES_THREAT = re.compile(
    r"\b(?:boss|manager|mum|mom|mam|dad|mother|father|wife|husband|partner|coach|teacher|"
    r"parents|girlfriend|boyfriend|gran|grandma|nan|sister|brother)\W{1,3}(?:will|'ll|would|"
    r"'d|is going to|is gonna|gonna)\s+(?:literally\s+)?$", re.IGNORECASE)


def _conditional_intent(target: str, grade: str, before: str) -> str:
    """"If I see him, I'm going to finish him": a threat with a condition is still intent,
    so a bare "if" does not make active homicidal ideation hypothetical."""
    return re.sub(r"\bif\b", "  ", before, flags=re.IGNORECASE) if (
        target == "hi" and grade == "active") else before


def _unquoted(before: str, offset: int, quotes: Sequence[Source]) -> str:
    """`before` (which starts at `offset` in the text) with quotes of three or more words
    blanked; a one-word 'no' is still an answer."""
    chars = list(before)
    for a, b in quotes:
        lo, hi = max(a, offset), min(b, offset + len(before))
        if lo < hi and len(before[lo - offset:hi - offset].split()) >= 3:
            chars[lo - offset:hi - offset] = " " * (hi - lo)
    return "".join(chars)


# "thoughts of self-harm", "wanting to hurt herself": ideation, counted as such, not acts;
# "SH urges 3/5": urges are not acts either.
_IDEATION_OF = re.compile(r"(?:(?:thoughts?|ideation|thinking)\s+(?:of|about)"
                          r"(?:\s+(?:how|ways)\s+to)?|want\w*\s+to|"
                          r"urges?\s+to|\bplan\w*\s*(?:\+ve|\+|:)?\s*(?:to\s+(?:take|do|have|use)?)?\s*\(?)\s*$",
                          re.IGNORECASE)
_URGES_AFTER = re.compile(r"^\s*(?:urges?|ideation|thoughts?)\b"
                          r"(?!\s+(?:or|and|\/|nor)\s+(?:acts?|behaviou?rs?|attempts?)\b)",
                          re.IGNORECASE)
# Abuse named only as background from the records, not disclosed in this session.
# "(removed for neglect per DCF referral - see intake)": the records' history, not told today.
_BACKGROUND = re.compile(r"\bper (?:the |her |his |their )?(?:(?:[A-Z]{2,5}|d c s|dcf|dss|"
                         r"cps|school|agency) )?(?:intake|records?|chart|referral)|not discussed|"
                         r"\bsee intake\b|"
                         r"\bbackground\b|from the chart", re.IGNORECASE)
_BARE_ABUSE = re.compile(r"^abus\w*$", re.IGNORECASE)
_SCREENER = re.compile(r"\bC-?SSRS\b|\bColumbia\b|\bASQ\b", re.IGNORECASE)
_NEW_SUBJECT = re.compile(r"[.;!?]|\b(?:she|he|they|I|we|client|pt|cl|patient)\b|"
                          r"\b(?-i:[A-Z][a-z]+)\b", re.IGNORECASE)
# "Her son Eli (16) told his school counselor that he had been thinking about killing
# himself": the relative's own words about the relative. Only where the pronoun cannot be
# the client's ("his mom said that he…" may be a report about the client).
_RELATIVE_TOLD = re.compile(
    r"\b(?:her (?:[\w-]+ )?(?:son|brother|father|dad|husband|boyfriend|nephew|grandson|stepson|"
    r"stepdad|stepfather)\b[^.;]{0,80}\b(?:told|said|texted|admitted|disclosed|confided)\b"
    r"[^.;]{0,60}\b(?:that )?he\b|his (?:[\w-]+ )?(?:daughter|sister|mother|mom|mum|wife|"
    r"girlfriend|niece|granddaughter|stepdaughter|stepmom|stepmother)\b[^.;]{0,80}\b(?:told|said|texted|admitted|disclosed|"
    r"confided)\b[^.;]{0,60}\b(?:that )?she\b)[^.;]{0,50}$", re.IGNORECASE)
# "his roommate, Eli, who posted a message in their group chat Sunday night saying he 'didn't
# see the point anymore' and was 'thinking about ending it'": the roommate's words, written.
_RELATIVE_WROTE = re.compile(
    r"\b(?:roommate|flatmate|friend|sister|brother|mother|father|mom|mum|dad|partner|cousin|"
    r"classmate|coworker|colleague|son|daughter|husband|wife|boyfriend|girlfriend|teammate|ex)"
    r"(?:,? (?-i:[A-Z][a-z]+),?)? who (?:posted|texted|messaged|wrote|sent)\b[^.;!?]{0,120}$|"
    # "found texts on her 16yo son's iPad to a friend — 'everyone would be better off…'"
    r"\b(?:texts?|messages?|notes?|posts?|letters?|journal|diary|search history) (?:on|in|from) "
    r"(?:her|his|their) (?:[\w/-]+ )?(?:son|daughter|brother|sister|husband|wife|partner|"
    r"mother|father|mom|mum|dad|friend|roommate)['’]s\b[^.;!?]{0,120}$",
    re.IGNORECASE)
# "after one member disclosed thoughts of suicide": another group member's, told in a group
# note (the verb would end the clause, so this is read on the words just before).
_ANOTHER_MEMBER = re.compile(r"\b(?:another|one|a|other) (?:group )?members?(?: \w+)? (?:disclosed|"
                             r"reported|shared|talked about|described|said|endorsed|admitted|"
                             r"mentioned)\s+(?:(?:recent|current|passive|active|some|ongoing|"
                             r"her|his|their|own)\s+){0,2}$", re.IGNORECASE)
_ANOTHER_PERSON = re.compile(r"\b(?:he|she|they|him|her|them)\b", re.IGNORECASE)
# "'I swear I'll kill him' - said laughing": a joke, told as one.
_JOKING = re.compile(r"\b(?:laugh\w*|joking\w*|jokingly|as a joke|in jest|tongue in cheek)\b",
                     re.IGNORECASE)
# "she wishes he had died in the crash": the wish is for another's death.
_OTHERS_DEATH = re.compile(r"\b(she|he|they)\s+(?:\w+\s+)?wish\w*\s+(?:that\s+)?(?!\1\b)"
                           r"(?:she|he|they)\s+(?:had|hadn'?t|would|were|was|weren'?t|wasn'?t)\b",
                           re.IGNORECASE)
_SAME_SUBJECT = re.compile(r"\b(she|he|they)\s+(?:\w+\s+)?wish\w*\s+(?:that\s+)?\1\s+"
                           r"(?:was|were|would|could)\b", re.IGNORECASE)
# "hopes her father dies peacefully" is grief; "I hope he doesn't die" is fear: neither is a
# wish for anyone's death.
_PEACEFUL_END = re.compile(r"\s+(?:peacefully|comfortably|without (?:pain|suffering)|"
                           r"with dignity)\b", re.IGNORECASE)
_HOPED_NOT = re.compile(r"^(?:hope|hopes|hoped|hoping|wish\w*|pray\w*)\b.*\b(?:doesn'?t|does not|"
                        r"won'?t|will not|didn'?t|did not|never) (?:die|dies|pass|get hurt|get hit|"
                        r"crash)", re.IGNORECASE)
# "wishes a car would hit him on the way to work so he could rest": the wish is for himself.
_FOR_ONESELF = re.compile(r"\bso (?:that )?(?:he|she|they|I) (?:could|would|can|might) "
                          r"(?:finally )?(?:rest|sleep|stop(?! \w+ing)|be at peace|be free|"
                          r"get some peace|not have to)\b", re.IGNORECASE)
# "Asked about thoughts of suicide; both denied": a screening question is not a mention of
# ideation; its answer, later in the same sentence, says what the client said.
_QUESTION = re.compile(r"\b(?:asked|asking|ask|screened|inquired|queried|explored whether|"
                       r"checked (?:in )?(?:about|for|on))\b", re.IGNORECASE)
_ANSWER = re.compile(
    r"\b(?P<no>denie[sd]|deny|denying|"
    r"(?:said|says|answered|replied|responded)(?! (?:sometimes|often|occasionally)\b)"
    r"(?: \w+)?:?\s*[\"“'‘]?no|"
    r"(?:laughed|smiled|scoffed|answer|answered|reply|replied):\s*[\"“'‘]?(?:\w+,?\s+)?"
    r"(?:no|nope|never)|(?:god|heaven|allah) forbid|of course not|absolutely not|no way|"
    r"(?:said|says|answered|replied)\s*[\"“'‘]?(?:god|gosh|oh|lord|heavens|goodness),?\s+no\b|"
    r"(?:a )?(?:clear|firm|flat) no|has not|had not|have not|"
    # "asked him abt SI - 'no ma'am, not like that'": the answer after a dash
    r"(?:(?<=- ')|(?<=- \")|(?<=- ‘)|(?<=- “)|(?<=- )|(?<=– ))(?:no|nope)(?=\W)|"
    r"hasn'?t|hadn'?t|haven'?t|doesn'?t|does not|did not|didn'?t|never|none|negative|"
    r"shook (?:(?:her|his|their) )?head)\b|"
    # "asked if still having the 'what's the point' thoughts… said sometimes": how often
    r"\b(?P<yes>(?:said|says|answered|replied):?\s*[\"“'‘]?(?:sometimes|often|most days|"
    r"some days|a lot|every day|occasionally|now and then)\b|"
    r"(?:said|says|admitted|acknowledged|confirmed)(?: that)? (?:he|she|they|I) "
    r"(?:had|has|did|does|was|is|have)\b(?! not\b| never\b|n't)|"
    r"endorse[sd]?|endorsing|acknowledged|acknowledges|admitted|admits|yes|nodded|nods|"
    r"reported|reports|disclosed|described|confirmed|positive)\b", re.IGNORECASE)
_REPLY = re.compile(r"\b(?:said|says|stated|states|told (?:me|us|the \w+)|replied|answered|"
                    r"responded|explained|described|shared|admitted|acknowledged|disclosed|"
                    r"revealed)\b",
                    re.IGNORECASE)
# The reply begins after the question: a quote after it ("asked about thoughts of suicide:
# 'like sometimes…'"), or "said, when I asked about the marks on her wrist, that she's been…".
_REPLY_OPENS = re.compile(r"\w[^.;?!]*[?:–—]\s*[\"“‘']|,\s*that (?:she|he|they|I)\b",
                          re.IGNORECASE)
# A label's own words after the target ("SI/HI screen at check-in"), then its colon.
_LABEL_TAIL = re.compile(r"[\w /-]{1,30}")
_LABEL_TAIL_ANSWER = re.compile(r"[\w /-]{1,30}:\s*\S")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# "SI? no." / "HI re: boss? no - says...": a question-and-answer line; the answer decides.
# "Ever hurt himself on purpose? Shook head.": a nod or a shake of the head answers too
# ("Thinking about killing herself? Shrugged, then 'no, not like that'.": the reply may
# open with a gesture, or with a quote mark.)
_ASKED_INLINE = re.compile(r"[^.;?\n]{0,40}\?\s*(?:(?:->|→|[-–:])\s*)?(?:(?:shrugged|paused|"
                           r"hesitated|sighed|looked (?:away|down))\b[^.;?\n\"“'‘]{0,20})?[\"“'‘]?"
                           r"(?:(?P<no>no|none|nope|denies|denied|"
                           r"neg|negative|never|not really|shook (?:(?:her|his|their) )?head|"
                           r"shakes (?:(?:her|his|their) )?head)|(?P<yes>yes|yep|\+|endorses|"
                           r"endorsed|positive|nodded|nods))\b", re.IGNORECASE)
_NOTHING_SINCE = re.compile(
    r"\b(?:no|none|nothing|not|hasn'?t|has not|haven'?t|have not|denies|denied)\b.{0,40}\bsince\s*"
    r"(?:(?:19|20)\d\d|age\b|high school|college|(?:her|his|their) (?:teens|twenties)|\d+\b|"
    r"then\b|(?:the|his|her|their) (?:\w+ )?(?:burn|cut|cutting|attempt|overdose|od|episode|"
    r"incident)\b|(?:she|he|they) (?:last )?(?:burned|cut|scratched|overdosed|attempted)\b|"
    r"(?:(?:last|this past|the) )(?:year|spring|summer|fall|autumn|winter)\b|(?:\w+ )?grade\b|"
    r"(?:term|semester|year|yr) \d\b|"
    r"(?:the )?(?:start|beginning|end) of (?:the )?(?:term|year|semester)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|and\b|$)|"
    # "has not self-harmed in over ten years": there was some, long ago
    r"\b(?:no|not|hasn'?t|has not|haven'?t|have not)\b.{0,40}\bin (?:over |more than |about )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a few)\+? ?(?:years|yrs?)\b|"
    r"\b(?:no|not|hasn'?t|has not)\b.{0,40}\bin (?:over |more than |about )?a year\b|"
    # "last SH in Oct": the most recent was a while ago, so there was some
    r"\blast (?:SH|NSSI|self-harm|cut|cutting|burn|episode|attempt)\b\s*(?:was\s*)?(?:in|on)\b|"
    # "asked about self-harm: last cut 8 months ago, none since": months back
    r"\blast (?:cut|cutting|burn\w*|self-?harm\w*|episode|time|attempt|od|overdose)\b"
    r"[^.;\n]{0,20}?"
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many) ?"
    r"(?:months?|mos?|years?|yrs?)|"
    # "Last cutting was 5 weeks ago": weeks enough to be before the last contact
    r"(?:[3-9]|1\d|three|four|five|six|seven|eight|nine|ten|several|many) ?(?:weeks?|wks?)) ago\b",
    re.IGNORECASE)
_PAST_IN_MATCH = re.compile(r"(?:prior|previous|past|hx|history|(?:19|20)\d\d|"
                            r".*\b(?:years?|yrs?) ago|.*\blast year|"
                            # "overdose at 19": an age, so long ago
                            r".*\b(?:at|aged?) \d{1,2})\b", re.IGNORECASE)
# "SI -, HI -": a minus after the abbreviation is a negative (the segmenter trims it off).
# ("SI: -   SH urges: 3/5": a template's field, then the next one after a wide gap.)
_MINUS_AFTER = re.compile(r"[ \t]*:?[ \t]*[-–−][ \t]*(?:[,;\n|]|$|[ \t]{2,})")
# "Asked about SI - endorses passive thoughts": the dash introduces the answer, which the
# clause cut at "endorses" would otherwise leave as a bare minus.
_AFFIRMED_AFTER = re.compile(r"\s*[-–−:]\s*(?:endorse[sd]?|endorsing|admit(?:s|ted)?|"
                             r"acknowledge[sd]?|report(?:s|ed)?|yes\b|positive\b|\+)",
                             re.IGNORECASE)
# "I asked her if she has had thoughts of hurting herself": the question's "if" is not a
# condition.
_ASKED_IF = re.compile(r"\b(?:asked|ask|asking|inquired|queried|checked)(?: \w+){0,2}? "
                       r"(?:if|whether)\b", re.IGNORECASE)
# A risk line about others names its ideation without saying whose.
_TOWARD_OTHERS_LABEL = re.compile(r"[ \t]*[-•*]?[ \t]*(?:risk to others|danger to others|DTO|"
                                  r"HI|homicidal(?: ideation)?|violence risk|risk of violence)"
                                  r"[ \t]*[:\-–]", re.IGNORECASE)
_ABOUT_ONESELF = re.compile(r"\b(?:self|herself|himself|themselves|themself|myself|suicid\w*|"
                            r"die|dead|death|life)\b", re.IGNORECASE)
# "Denies SI/HI, hx of cutting as teen, none in 10 yrs": the history named right before the
# act outranks a denial that opened the list (unless the history itself is denied).
# ("no plan, intent or history of self-harm": the "or" carries the denial on.)
_HX_OF = re.compile(r"(?:^|[,;.(]|\band\b)(?:(?!\b(?:no|not|nor|or|any|without|denie[sd]|never|"
                    r"negative)\b)[^,;.(])*?\b(?:hx|h/o|history) of\s+(?:\w+\s+){0,2}$",
                    re.IGNORECASE)
# "she hit 1 yr free of cutting": there was some, a year ago.
_CLEAN_FOR = re.compile(r"\b(?:\d+|one|two|three|four|five|six|a|an) (?:yrs?|years?|months?|mos?|"
                        r"weeks?|wks?) (?:free of|clean (?:of|from)|without)\s+$", re.IGNORECASE)
# "Self-harm:" with nothing after it: an empty field of a pasted template.
_EMPTY_FIELD = re.compile(r"^\s*:?\s*$")
# "SI/HI not assessed this session", "did not assess SI", "ran out of time before asking
# about SI": a topic left unasked is neither a denial nor an endorsement.
_UNASKED_VERB = (r"(?:assess(?:ed|ing)?|ask(?:ed|ing)?(?: about)?|screen(?:ed|ing)?(?: for)?|"
                 r"address(?:ed|ing)?|discuss(?:ed|ing)?|evaluat(?:ed|ing)|explor(?:ed|ing|e)|"
                 r"review(?:ed|ing)?|cover(?:ed|ing)?|inquir(?:ed|ing|e)(?: about)?|"
                 r"get(?:ting)? to)")
# "ask re current si", "next time: screen for SI": a to-do, not a question put today.
_TO_ASK = re.compile(r"^\W*(?:(?:p|plan|will|to|need to|must|should|plan to|next (?:time|session|"
                     r"sess|wk))\W*\s*)?(?:ask|assess|screen|re-?screen|check)\s+(?:(?:re:?|about|for|on)"
                     r"\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# "Denies: [x] SI  [x] HI  [ ] SH": a check-box line under a denial label.
_DENIES_LABEL = re.compile(r"^\W*(?:denies|denied|negative for|neg for)\s*:", re.IGNORECASE)
# A C-SSRS grid typed with spaces: "Wish to be dead     Y             N" under "Lifetime
# Past month" is a yes once and a no now.
_GRID_ROW = re.compile(r"^[^\n]*?[ \t]{2,}(?P<then>Y|Yes|N|No)\b[^\n]*?[ \t]{2,}(?P<now>Y|Yes|N|No)"
                       r"[ \t]*$", re.IGNORECASE)
_GRID_HEADER = re.compile(r"\blifetime\b[^\n]*\b(?:past month|current|recent|past week|"
                          r"last month)\b", re.IGNORECASE)


def _lifetime_and_now(text: str, at: int, line_rest: str) -> str | None:
    """"then" (yes in a lifetime column, no now), "never", or None outside such a grid."""
    row = _GRID_ROW.match(line_rest)
    if row is None or not _GRID_HEADER.search(text, max(0, at - 600), at):
        return None
    then, now = (row.group(g)[0].lower() for g in ("then", "now"))
    return {("y", "n"): "then", ("n", "n"): "never"}.get((then, now))


_UNASKED_AFTER = re.compile(
    rf"^\W{{0,3}}(?:(?:was|were|is|are|has been|have been)\s+)?(?:not|never)\s+(?:yet\s+)?"
    rf"{_UNASKED_VERB}\b|^\W{{0,3}}(?:deferred|unassessed|n/a\b|to be (?:assessed|screened))",
    re.IGNORECASE)
_UNASKED_BEFORE = re.compile(
    rf"\b(?:did not|didn'?t|do not|don'?t|not|never|unable to|no time to|time to|"
    rf"before|without) (?:\w+ )?(?:{_UNASKED_VERB}|raise|bring up|mention)\s*"
    rf"(?:for |about |re:? )?"
    rf"(?:\w+\s*(?:/|,|&|and|or)?\s*){{0,2}}$",
    re.IGNORECASE)
_AFFIRMING = re.compile(rf"^(?:{_AFFIRMING_VERBS})$", re.IGNORECASE)


def _answer(text: str, question_end: int) -> str | None:
    """"no" or "yes": the answer to a screening question as the description writes it, in
    its own sentence or the next; None when no answer is written."""
    end = _SENTENCE_END.search(text, question_end)
    answer = _ANSWER.search(text[question_end:end.start() if end else len(text)][:160])
    if answer is None and end is not None:
        after = _SENTENCE_END.search(text, end.end())
        reply = text[end.end():after.start() if after else len(text)][:160]
        if _YES_FIRST.match(reply):
            # "Asked if she ever thinks everyone would be better off if she weren't around.
            # 'Most days, honestly,' she said": how often is a yes.
            return "yes"
        if _NEXT_REPLY.match(reply):
            # "I asked her plainly whether… She said 'God forbid, no o'": the reply is the
            # next sentence.
            answer = _ANSWER.search(reply)
        elif bare := _BARE_REPLY.match(reply):
            # "Asked about SI and HI. He denied both." / "Screened for SI. Negative."
            return "no" if bare.group("no") else "yes"
    if answer is None:
        return None
    return "no" if answer.group("no") is not None else "yes"


# (A frequency is an answer only in the client's quoted words: "Asked about SI. Often feels
# tired." is a new sentence about something else.)
_YES_FIRST = re.compile(r"\s*(?:[\"“'‘]?(?:yes|yeah|yep)|[\"“'‘](?:most (?:days|nights)|"
                        r"some (?:days|nights)|sometimes|often|every (?:day|night)|a lot|"
                        r"all the time|now and then|(?:once|twice) or (?:twice|three times)|"
                        r"a few times))\b", re.IGNORECASE)
_BARE_REPLY = re.compile(
    r"\s*[\"“'‘]?(?:(?:she|he|they|client|the client|pt|cl|patient)\s+)?"
    r"(?:(?P<no>denie[sd]|denying|no|nope|negative|none)|(?P<yes>endorse[sd]|yes|positive))"
    r"(?:\s+(?:both|all|any|it|this|them|that|each))?\W*$", re.IGNORECASE)
# "…hasn't set a date period he has one prior attempt": dictated punctuation ends a sentence.
_SPOKEN_STOP = re.compile(r"\b(?:period|full stop|new line|new paragraph)\b", re.IGNORECASE)
_CONTINUED = re.compile(r"^\W*(?:and|or|nor|also|&|\+)\s+$", re.IGNORECASE)
# "Denies SI comma HI period": dictated punctuation between the denial and the next target.
_SPOKEN_LIST = re.compile(r"\s*(?:,|comma|and|or|nor|/)\s*$", re.IGNORECASE)
# "denies hi active si w plan intent and means": typed without punctuation, a grade word
# after one target starts a new finding; the denial before it stays with its own target.
_ABBREVIATED_TARGET = r"\b(?:SI|HI|SH|S/I|H/I|NSSI)\s+"
_GRADE_RESTARTS = re.compile(_ABBREVIATED_TARGET + r"(?:active|passive)\s+$", re.IGNORECASE)
_TARGET_BEFORE = re.compile(_ABBREVIATED_TARGET + "$", re.IGNORECASE)
_GRADE_WORD = re.compile(r"(?:active|passive)\b", re.IGNORECASE)


def _restarts(before: str, words: str) -> bool:
    """Whether a grade word starts a new finding between the denial and these words:
    "denies hi active si" (before the bare "si") or "denies hi | active si" (the words)."""
    return bool(_GRADE_RESTARTS.search(before)
                or (_GRADE_WORD.match(words) and _TARGET_BEFORE.search(before)))


# "Risk: SI no HI no SH no": a check-box template's answer follows the target; "SI no
# plan" is not an answer.
_NO_AFTER = re.compile(r"[ \t]*[:=]?[ \t]*(?:no|neg|none|nil)\b(?![ \t]+(?:plan|intent|hx|"
                       r"history|means|current|specific|prior|recent|acute)\b)", re.IGNORECASE)
# "Asked about SI and HI today.": the question is the whole sentence, its answer unwritten.
_BARE_TOPIC_REST = re.compile(
    r"(?:\s*(?:,|/|&|\band\b|\bor\b)?\s*(?:SI|HI|S/I|H/I|suicidal ideation|homicidal "
    r"ideation|self[- ]harm|safety|today|this session|again|as usual|per protocol|"
    r"routinely)\b)*\s*(?:[.;!?]|$)", re.IGNORECASE)


_NEXT_REPLY = re.compile(r"\s*(?:she|he|they|client|pt|cl)\s+(?:said|says|answered|replied|"
                         r"responded)\b", re.IGNORECASE)


# "…said she wanted to die right there. Asked, she said she meant she was embarrassed".
_DISOWNING = re.compile(
    # "he said he means the work stress not his life": what the words were about instead
    r"\b(?:means? (?:the |his |her |their )?[\w ]{0,25}\bnot (?:his|her|their) life\b|"
    # "…and that it's just how everyone at work talks"
    r"just how (?:everyone|everybody|people|we|they)(?: \w+){0,3} talks?\b|"
    r"meant (?:she|he|they|I|it|that)|didn'?t mean|did not mean|just (?:an expression|a "
    r"figure of speech|talk|venting|joking|a joke)|figure of speech|not literally|was joking|"
    r"only joking|not that (?:she|he|they|I) (?:wish|want|meant)|"
    # "when we slowed down on it he was clear that he has no wish to die"
    r"(?:was|were|is) clear (?:that )?(?:she|he|they) (?:has|have|had) no (?:wish|desire|"
    r"thoughts?) (?:to die|of (?:dying|death|ending))|"
    r"(?:it'?s|it was|was) (?:just )?an expression|disowned|retracted|recanted|took it back|"
    r"walked it back|"
    # learned from dev-dv: intrusive thoughts of harm, against the client's own wishes
    r"(?:has|have|had) no wish or intent\b|(?:completely |totally )?against what (?:she|he|they) "
    r"wants?)",
    re.IGNORECASE)
_FIGURE_OF_SPEECH = re.compile(r"\b(?:could|gonna|going to|wanna)\s+(?:(?:just|actually|"
                               r"literally|really|honestly)\s+)?kill\b",
                               re.IGNORECASE)
# "'if he comes near my babies again I'll kill him'": a threat with a condition.
_IF_THEN = re.compile(r"\bif (?:he|she|they|anyone|someone|somebody|that \w+)\b[^.;!?]{0,50}"
                      r"\b(?:I'?ll|I will|I'?d|I would)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "says hes going to kill his cousin … intent yes plan yes": not a figure of speech.
_INTENT_AFFIRMED = re.compile(r"\b(?:intent|plan)\s*:?\s*(?:yes|\+|endorsed|present)\b|"
                              r"\b(?:endorses|endorsed|admits|admitted|with clear)\s+(?:intent|"
                              r"a plan)\b", re.IGNORECASE)
# "He joked that he'll kill her if she takes the salt shaker away": said in jest. (Half
# laughing is a manner, not a joke: "half laughing, 'some days I wish he'd drop dead'" and
# the wish is real on bad days.)
_JOKED = re.compile(r"\b(?:joked|joking|jokes|jokingly|in jest)\b[^.;!?]{0,40}$",
                    re.IGNORECASE)
# "G: 'when I found the messages I wanted to kill her'": rage in the moment of a discovery,
# in the client's own quoted words; disowned by a denial nearby like any figure of speech.
_IN_THE_MOMENT = re.compile(r"\bwhen (?:I|she|he|they|we) (?:first )?(?:found|saw|heard|read|"
                            r"learned|learnt|realised|realized|found out|walked in|got home)\b"
                            r"[^.;!?]{0,60}\b(?:wanted|want) to\s+(?:just\s+)?kill\b",
                            re.IGNORECASE)


_LABEL_REST = re.compile(r"\s*:\s*\S")
_GOES_ON = 120  # characters over which a sentence's past tense carries to the next act
_SENTENCE_GAP = re.compile(r"[.;!?]\s|\n")


# "SI ____ HI ____", "SI/HI: see above", "HI: N/A": a field left for another time.
_BLANK_AFTER = re.compile(r"\s*[:\-–]?\s*(?:_{2,}|(?:see|as) above\b|N/?A\b|not applicable\b)",
                          re.IGNORECASE)


def _prepared(text: str) -> str:
    """The text as the risk lexicons read it, same length: unticked checkbox options
    blanked, and the typographic apostrophe made plain ("doesn’t want to die" is the
    "doesn't" every negation row spells)."""
    return ticked_only(text).replace("’", "'")


def mentions(text: str, units: Sequence[Source], quotes: Sequence[Source] = ()
             ) -> list[Mention]:
    text = _prepared(text)
    found: list[Mention] = []
    theirs: list[Source] = []  # the words of someone else's ideation
    for u_start, u_end in units:
        unit = text[u_start:u_end]
        folded = fold(unit)
        seen: set[tuple[str, int]] = set()
        for row in _targets().candidates(folded):
            for m in row.pattern.finditer(unit):
                key = (row.value, m.start())
                if key in seen:
                    continue
                seen.add(key)
                before = _clause_before(unit, m.start(), 0)
                if row.value == "abuse":
                    before = _NEVER_TOLD.sub(lambda t: " " * len(t.group()), before)
                holding = [(a, b) for a, b in quotes if a <= u_start + m.start() < b]
                quoted = bool(holding)
                if any(text[a:b].rstrip(" '\"’”").endswith("?") for a, b in holding):
                    continue  # a form's question in quotes ("'Thoughts of harming others?'")
                if not quoted:
                    # "said 'ya no despertar' (not wake up)", "she 'didn't care if I woke up'
                    # and overdosed": cue words inside the client's quoted words govern
                    # those words, not the clinician's account after them.
                    before = _unquoted(before, u_start + m.start() - len(before), quotes)
                line_end = text.find("\n", u_start + m.end())
                line_rest = text[u_start + m.end():len(text) if line_end < 0 else line_end]
                after = _clause_after(unit, m.end(), len(unit))
                if not unit[m.end():].strip() or (
                        _LABEL_TAIL.fullmatch(unit[m.end():])
                        and _LABEL_TAIL_ANSWER.match(line_rest)):
                    # "Risk: SI | denied (asked alone)", "SI/HI screen at check-in: [x]
                    # denied": a template line cut after its label; the answer is the rest
                    # of the line.
                    after = _clause_after(line_rest, 0, len(line_rest))
                if row.value != "abuse" and _someone_elses(unit, m.start(), before):
                    theirs.append((u_start + m.start(), u_start + m.end()))
                    continue  # someone else's ideation; but "her uncle abused her" is hers
                conditional = _conditional_intent(row.value, row.extra, before)
                if (row.extra != "denial" and _has("hypothetical", conditional, "")
                        and not _only_asks(conditional, text, u_start + m.end())):
                    continue
                if row.value in ("si", "hi") and _HOPED_NOT.match(m.group()) or (
                        row.value == "hi" and _PEACEFUL_END.match(unit, m.end())):
                    continue
                if row.value == "self_harm" and (_IDEATION_OF.search(unit[:m.start()])
                                                 or _URGES_AFTER.match(unit[m.end():])
                                                 or _DIED_OF.search(unit, 0, m.start())
                                                 or _ITEM_AFTER.match(unit, m.end())):
                    continue
                if row.value == "hi" and _own_wish(unit, m.start(), m.group()):
                    continue  # "Wishes he were dead, early recovery": his own wish
                if row.value == "hi" and (_SOMEONE_ELSES_THREAT.search(unit, 0, m.start())
                                          or _NO_ONE_AT_HOME.search(unit, 0, m.start())):
                    continue
                if (row.value == "hi" and quoted and "kill" in m.group().lower()
                        and _JOKING.search(unit)):
                    continue
                if row.value == "abuse" and (_BACKGROUND.search(before + after) or
                                             (quoted and _BARE_ABUSE.match(m.group()))):
                    continue  # background from the records, or the word used loosely
                preceding = unit[max(0, m.start() - 25):m.start()]
                if row.value == "abuse" and _has("not_abuse", "", preceding):
                    continue
                # The question may open the sentence in an earlier unit ("asked whether, if
                # panic got worse, he has thought of ending his life; clear no").
                at = u_start + m.start()
                opened = _sentence_start(text, at)
                asked_in = text[max(opened, at - 160):at]
                questions = list(_QUESTION.finditer(asked_in))
                question = questions[-1] if questions else None
                # "When I asked about safety she said she wishes she didn't wake up": the
                # target is in the answer, not the topic of the question.
                asked = question is not None and not (
                    _REPLY.search(asked_in, question.end())
                    or _REPLY_OPENS.search(asked_in, question.end()))
                # The answer may sit in the next unit: the segmenter cuts at the "?".
                inline = _ASKED_INLINE.match(text, u_start + m.end())
                # (A label is a word or two; "Not sure he wants to die" alone is a sentence.)
                if (_EMPTY_FIELD.match(line_rest) and not unit[:m.start()].strip(" -•*\t")
                        and (len(m.group().split()) <= 2 or ":" in unit[m.end():])
                        and row.extra not in ("screen", "denial")  # "ASQ +" answers
                        and not _MINUS_AFTER.match(text, u_start + m.end())):  # "HI -"
                    continue
                rest = unit[m.end():]
                paired = _PAIRED.match(rest)  # "SI/HI not assessed"
                if row.extra not in ("screen", "denial") and _BLANK_AFTER.match(
                        rest[paired.end():] if paired else rest):
                    continue
                if _UNASKED_AFTER.match(rest[paired.end():] if paired else rest) or (
                        _UNASKED_BEFORE.search(unit[:m.start()])
                        or _TO_ASK.match(unit[:m.start()])):
                    continue
                answer = _answer(text, u_start + m.end()) if asked else None
                table = _lifetime_and_now(text, u_start + m.start(), line_rest)
                line_head = text[text.rfind("\n", 0, u_start + m.start()) + 1:u_start + m.start()]
                if table == "then":
                    status = "historical" if row.value == "self_harm" else "negated"
                elif table == "never" or _DENIES_LABEL.match(line_head):
                    status = "negated"  # "Denies: [x] SI  [x] HI"
                elif row.value == "self_harm" and (
                        _NOTHING_SINCE.search(before + m.group() + after)
                        or _CLEAN_FOR.search(unit, max(0, m.start() - 40), m.start())):
                    status = "historical"  # "no attempts or SH since 2019": there was some
                elif (row.value == "self_harm" and _PAST_IN_MATCH.match(m.group())
                      and _has("negated", _SPOKEN_STOP.split(BULLET.sub(
                          "", text[_sentence_start(text, u_start):u_start + m.start()]))[-1],
                          "")):
                    status = "negated"  # "Denies intent, plan and prior attempts"
                elif row.value == "self_harm" and (
                        (_PAST_IN_MATCH.match(m.group()) and not _has("negated", before, after))
                        or _HX_OF.search(unit, max(0, m.start() - 40), m.start())):
                    status = "historical"  # "Prior attempt, no current ideation"
                elif found and found[-1].status == "negated" and (
                        (_CONTINUED.match(re.split(r"[.;]\s", unit[:m.start()])[-1])
                         and _BARE_TOPIC_REST.match(text, u_start + m.end()))
                        or (_SPOKEN_LIST.match(text, found[-1].words[1], u_start + m.start())
                            and not unit[m.end():].strip(" .,;"))):
                    status = "negated"  # "Denies SI. And HI.": the denial goes on
                elif (row.value in ("si", "hi", "self_harm") and len(m.group()) <= 4
                      and _NO_AFTER.match(text, u_start + m.end())):
                    status = "negated"  # "Risk: SI no HI no SH no"
                elif row.extra == "denial" or (inline and inline.group("no")) or (
                        _MINUS_AFTER.match(text, u_start + m.end())) or (
                        not inline and _has("negated", before, after)
                        # "asked if still having the … thoughts… said sometimes no plan": the
                        # answer is yes; the "no" after it is about a plan
                        and not (answer == "yes" and not _has("negated", before, ""))
                        and not _AFFIRMED_AFTER.match(unit, m.end())
                        and not _restarts(before, m.group())
                        # "'I wish he'd just drop dead,' denied any plan, intent or thoughts
                        # of harming him": a death wish without intent is passive ideation;
                        # only a denial of the wish itself undoes it.
                        and not (row.value == "hi" and row.extra == "passive"
                                 and not _has("negated", before, ""))) or (
                        answer == "no"):
                    status = "negated"
                elif _historical(before, after) or _historical_in_dictation(
                        text, u_start, before):
                    status = "historical"
                elif (asked and answer is None and not row.extra
                      and _BARE_TOPIC_REST.match(text, u_start + m.end())):
                    # The topic of a question with no answer written is neither an
                    # endorsement nor a denial: the note says it was not recorded.
                    status = "unanswered"
                else:
                    status = "affirmed"
                if (row.value == "self_harm" and status == "affirmed" and found
                        and found[-1].status == "historical"
                        and 0 <= u_start + m.start() - found[-1].words[1] <= _GOES_ON
                        and not _SENTENCE_GAP.search(text, found[-1].words[1], u_start + m.start())
                        and not _has("current", before, "")):
                    # "told the group that in 2019 'I wanted to die every single day' and that
                    # he overdosed on purpose once": the sentence goes on about that time.
                    status = "historical"
                grade = "" if row.extra == "denial" else row.extra
                target = row.value
                if target == "hi" and (_SAME_SUBJECT.search(unit[max(0, m.start() - 30):m.end()])
                                       or _FOR_ONESELF.search(unit, m.end())
                                       or (grade == "passive" and _SCREENER.search(unit))):
                    # "she wishes she were dead": herself; so is "wished he were dead" read
                    # off a suicide screener's first item.
                    target, grade = "si", "passive"
                if target == "si" and grade == "passive" and _OTHERS_DEATH.search(
                        unit[max(0, m.start() - 30):m.end()]):
                    target = "hi"
                if (target == "si" and not _ABOUT_ONESELF.search(m.group())
                        and (_TOWARD_OTHERS_LABEL.match(unit) or _TOWARD_OTHERS_LABEL.match(
                            text, text.rfind("\n", 0, u_start + m.start()) + 1))):
                    target = "hi"  # "Risk to others: active thoughts w/ identified target"
                if row.value in ("si", "hi") and status == "affirmed" and grade in ("", "screen"):
                    clause = before + m.group() + after
                    rest = unit[m.end() + len(after):]
                    verb = re.match(r"\s*(\w+)", rest)
                    if inline:
                        clause += re.split(r"[.;\n]", text[inline.end():], maxsplit=1)[0]
                    elif verb and _AFFIRMING.match(verb.group(1)):
                        # "SI: endorses passive thoughts of...": the grade is in the answer.
                        clause += re.split(r"[.;]", rest, maxsplit=1)[0]
                    if _PASSIVE.search(clause):
                        grade = "passive"
                    elif _ACTIVE.search(_NO_PLAN.sub(" ", clause)):
                        grade = "active"
                spoken_in_anger = _FIGURE_OF_SPEECH.search(
                    unit[max(0, m.start() - 24):m.end()]) is not None or (
                    target == "hi" and _JOKED.search(unit, 0, m.start()) is not None) or (
                    quoted and _IN_THE_MOMENT.search(unit[max(0, m.start() - 90):m.end()])
                    is not None)
                if spoken_in_anger and _INTENT_AFFIRMED.search(unit, m.end(), m.end() + 160):
                    spoken_in_anger = False  # "going to kill his cousin … intent yes plan yes"
                if target == "hi" and spoken_in_anger:
                    grade = "passive"  # "I could kill him", unexplored: anger, not a plan
                # "'if he comes near my babies again I'll kill him'. Explored: … no wish for
                # him to die": a threat with a condition keeps its grade, but can be disowned.
                protective = target == "hi" and _IF_THEN.search(
                    unit, max(0, m.start() - 90), m.start()) is not None
                found.append(Mention(target, grade, status, (u_start, u_end), quoted,
                                     spoken_in_anger or protective, asked,
                                     words=(u_start + m.start(), u_start + m.end())))
                now = _NONE_NOW.match(text, u_start + m.end()) if (
                    status == "historical" and target in ("si", "hi")) else None
                if now:
                    # "thoughts of ending his life back in 2019 but says none now": the
                    # history, then a current denial of the same thing.
                    found.append(Mention(target, "", "negated", (u_start, u_end),
                                         words=now.span("denial")))
    # "…her roommate, who told Sofia that she had been thinking about killing herself and
    # had pills saved up": the clause goes on about the same person, with no new subject
    # ("…and she has been thinking of it herself since" would be the client's).
    found = [m for m in found if m.target == "abuse" or not any(
        0 <= m.words[0] - b <= 80 and not _NEW_SUBJECT.search(text, b, m.words[0])
        for _, b in theirs)]
    found = _purpose_of_a_past_attempt(text, found)
    for u_start, u_end in units:
        item = _ITEM9.search(text, u_start, u_end)
        if item and not any(m.unit == (u_start, u_end) and m.target == "si" for m in found):
            found.append(Mention("si", "passive" if item.group("score") == "1" else "screen",
                                 "affirmed", (u_start, u_end), screener_item=True))
    found.extend(_doing_the_same(text, units, found))
    # "she wishes he would die": the same words read as a wish to die and as a wish that
    # another person die; the other person is named, so it is the latter.
    # ("denies any wish to die and denies thoughts of harming anybody" is a list of
    # denials, each its own: a denied wish to die that names no one else stays.)
    others = [m.words for m in found if m.target == "hi" and (
        m.status != "negated" or _ANOTHER_PERSON.search(text, *m.words))]
    found = [m for m in found if not (m.target == "si" and m.grade == "passive"
                                      and _overlaps(m.words, others))]
    # "hit her thighs with a hairbrush until they bruised": the same words read as a blow
    # and as self-injury; the bruises are her own, so it is the latter.
    injuries = [m.words for m in found if m.target == "self_harm"]
    found = [m for m in found if not (m.target == "abuse" and _overlaps(m.words, injuries))]
    # "Suicidality: explored the burden statement… no thoughts of ending his life": a field's
    # label is answered by what the field says, not endorsed by being there.
    found = [m for m in found if not (
        not m.grade and _LABEL_REST.match(text, m.words[1])
        and not text[m.unit[0]:m.words[0]].strip(" -•*\t")
        and any(n.target == m.target and 0 < n.words[0] - m.words[1] <= 200
                and "\n" not in text[m.words[1]:n.words[0]] for n in found))]
    # "Not sure he wants to die": the longer reading holds the "not" and says what it
    # governs (his certainty), so the shorter "wants to die" read as negated gives way.
    found = [n for n in found if not (n.status == "negated" and any(
        a.status == "affirmed" and a.target == n.target and a.words != n.words
        and a.words[0] <= n.words[0] - 4 and n.words[1] <= a.words[1] for a in found))]
    return _disowned(text, found)


# "a great-aunt who died by suicide… Mia said she has 'thought about doing the same,
# lately'": the ideation is named only by pointing back at a suicide told just before.
_DOING_THE_SAME = re.compile(r"\b(?:thought|thinks|think|thinking|thoughts)\s+(?:about|of)\s+"
                             r"doing\s+the\s+same(?:\s+thing)?\b", re.IGNORECASE)
_SUICIDE_TOLD = re.compile(r"\b(?:died by suicide|(?:committed|completed) suicide|killed "
                           r"(?:herself|himself|themselves|themself)|took (?:her|his|their) own "
                           r"life|suicided)\b", re.IGNORECASE)
_BACK_REACH = 300  # characters a "the same" reaches back for the suicide it points at


def _only_asks(before: str, text: str, mention_end: int) -> bool:
    """Whether the clause reads as hypothetical only through a question's "if" ("I asked her
    if she has had thoughts of hurting herself") and the answer is written."""
    asked = _ASKED_IF.sub(lambda q: " " * len(q.group()), before)
    return not _has("hypothetical", asked, "") and _answer(text, mention_end) is not None


def _doing_the_same(text: str, units: Sequence[Source], found: list[Mention]
                    ) -> Iterator[Mention]:
    for u_start, u_end in units:
        if any(m.unit == (u_start, u_end) and m.target == "si" for m in found):
            continue
        m = _DOING_THE_SAME.search(text, u_start, u_end)
        if not m or not _SUICIDE_TOLD.search(text, max(0, u_start - _BACK_REACH), m.start()):
            continue
        before = _clause_before(text, m.start(), u_start)
        after = _clause_after(text, m.end(), u_end)
        if _has("hypothetical", before, ""):
            continue
        status = ("negated" if _has("negated", before, after) else
                  "historical" if _historical(before, after) else "affirmed")
        yield Mention("si", "active", status, (u_start, u_end), words=(m.start(), m.end()))


# "she wishes he would die", "she lies awake wishing he'd just pass" are wishes on another;
# "he wishes he was dead", "Wishes he were dead, no intent", "Wished he was dead in the
# past couple weeks?" are the client's own. In the client's quoted words ("re boss: 'wish
# he'd just die'") the wisher left out is "I"; after a name ("Renata has wished he…") it
# cannot be told, and the wish stays a wish on another.
_WISHED_ON = re.compile(r"(?:pray|hope|wish)\w*(?:\s+that)?\s+(she|he|they)\b", re.IGNORECASE)
_CLAUSE_OPENS = re.compile(r"[.;:!?\n\"“'‘]")
_WISHER = re.compile(r"\b(I|we|she|he|they)\b", re.IGNORECASE)
_NO_WISHER = re.compile(r"\W*(?:(?:sometimes|often|still|also|just|really|genuinely|currently|"
                        r"ever|even|at times)\s+)*", re.IGNORECASE)


def _own_wish(unit: str, start: int, words: str) -> bool:
    """A wish that "he" or "she" were dead whose wisher is that same person, or unnamed."""
    wished_on = _WISHED_ON.match(words)
    if wished_on is None:
        return False
    before = unit[max(0, start - 80):start]
    opened = max((m.end() for m in _CLAUSE_OPENS.finditer(before)), default=0)
    lead = before[opened:]
    wishers = _WISHER.findall(lead)
    if wishers:
        return str(wishers[-1]).lower() == wished_on.group(1).lower()
    opener = before[opened - 1:opened] if opened else ""
    return opener not in tuple(":\"“'‘") and _NO_WISHER.fullmatch(lead) is not None


def _someone_elses(unit: str, start: int, before: str) -> bool:
    """Whether the words at `start` tell of someone else's ideation: a relative or friend
    named in the clause, another group member's disclosure, a relative's own telling."""
    return (_has("family", before, "")
            or _ANOTHER_MEMBER.search(unit, max(0, start - _WINDOW), start) is not None
            or _RELATIVE_TOLD.search(unit, max(0, start - 2 * _WINDOW), start) is not None
            or _RELATIVE_WROTE.search(unit, max(0, start - 2 * _WINDOW), start) is not None)


def _overlaps(words: Source, spans: Sequence[Source]) -> bool:
    """The same words read two ways: one reading gives way to the other."""
    return any(a < words[1] and words[0] < b for a, b in spans)


_NOW = re.compile(r"[.;]|\b(?:now|today|currently|this (?:week|wk|month)|since|lately|again)\b",
                  re.IGNORECASE)


def _purpose_of_a_past_attempt(text: str, found: list[Mention]) -> list[Mention]:
    """"the night in March 2019 when he took a bottle of pain pills … meaning not to wake
    up": the wish is the purpose of the attempt just told as history, and as old."""
    past = [m for m in found if m.status == "historical" and m.target in ("si", "self_harm")]
    out = []
    for m in found:
        if m.target == "si" and m.status == "affirmed" and any(
                p.unit == m.unit and p.words[1] <= m.words[0]
                and not _NOW.search(text, p.words[1], m.words[0]) for p in past):
            m = replace(m, status="historical")
        out.append(m)
    return out


_ABOUT_DEATH = re.compile(r"(?:think\w*|thoughts?) (?:a lot |more )?(?:of|about) (?:death|dying)",
                          re.IGNORECASE)


def _disowned(text: str, found: list[Mention]) -> list[Mention]:
    """A quoted wish to die that the clinician explored and the client disowned in the same
    breath ("…" — explored: denies any wish to be dead) is a denial, per the conventions;
    so is a positive screener item the client explained away ("item 9 = 1; asked, says
    she clicked the wrong box, no thoughts of death")."""
    keep = []
    real_si = any(m.target == "si" and m.status == "affirmed" and not m.figure_of_speech
                  for m in found)
    for m in found:
        if m.target == "si" and m.figure_of_speech and real_si:
            continue  # "laughing that she 'could kill myself' over the exam", then the real wish
        # Only a wish to die is disowned this way: a passive wish that another person
        # were dead stays passive homicidal ideation even "without intent".
        disowning = _DISOWNING.search(text, m.unit[1], m.unit[1] + 200) is not None
        # "wants to strangle the guy. Asked, he laughed, said it is just an expression":
        # anger disowned in the client's own words, next to a denial, is a denial.
        disownable = m.target == "si" or (m.target == "hi" and (m.figure_of_speech
                                                                or disowning))
        # "thinks about dying more than ever but in the sense of 'it's closer now'… asked
        # whether she has wished she were dead: no": thinking about death is not yet a wish
        # to die, and the denial of the wish that follows says which it was.
        musing = m.target == "si" and _ABOUT_DEATH.fullmatch(text, *m.words) is not None
        spoken = (m.quoted or m.screener_item or (m.target == "hi" and m.figure_of_speech)
                  or disowning or musing)
        if disownable and spoken and m.status == "affirmed" and any(
                n.target == m.target and n.status == "negated" and not n.quoted
                and 0 <= n.unit[0] - m.unit[0] <= 600
                # "Asked about thoughts of death - he said 'some days I'd rather not be
                # here…', no plan": the question read as answered no is not a disowning of
                # the wish given as its answer.
                and not (n.asked and n.unit == m.unit and n.words[1] <= m.words[0])
                for n in found):
            continue
        keep.append(m)
    return keep


def _ideation(ms: Sequence[Mention], target: str) -> tuple[str, list[Source]]:
    of_target = [m for m in ms if m.target == target]
    affirmed = [m for m in of_target if m.status == "affirmed"]
    if any(m.grade == "active" for m in affirmed):
        return "endorsed_active", [m.unit for m in affirmed]
    if affirmed:
        # Ideation endorsed without the words that make it active is recorded as passive
        # only when the description says so; unqualified endorsement counts as active.
        # The bare topic of a question ("asked about SI: endorses passive SI") has no grade
        # of its own when the answer gives one.
        # A bare "SI" that only refers back ("flagged the SI to her PCP") takes the grade
        # the description gives elsewhere.
        graded = [m for m in affirmed if m.grade in ("active", "passive")] or [
            m for m in affirmed if not (m.asked or m.grade == "screen")] or affirmed
        if all(m.grade == "passive" for m in graded):
            return "endorsed_passive", [m.unit for m in affirmed]
        return "endorsed_active", [m.unit for m in affirmed]
    negated = [m for m in of_target if m.status == "negated"]
    if negated:
        return "denied", [m.unit for m in negated]
    return "not_mentioned", []


def assess(text: str, units: Sequence[Source], quotes: Sequence[Source] = ()
           ) -> tuple[Risk, dict[str, list[Source]], dict[str, str]]:
    """The risk fields; for each field the units that decided it; and the fields the
    description implies without naming, each with what implied it ("rating" or "plan"):
    the draft asks to confirm those."""
    text = _prepared(text)
    ms = mentions(text, units, quotes)
    si, si_src = _ideation(ms, "si")
    if si == "not_mentioned":
        for u in units:
            if _ITEM9_ZERO.search(text[u[0]:u[1]]):
                si, si_src = "denied", [u]
                break
    hi, hi_src = _ideation(ms, "hi")
    harm = [m for m in ms if m.target == "self_harm"]
    current = [m for m in harm if m.status == "affirmed"]
    history = [m for m in harm if m.status == "historical"]
    denied = [m for m in harm if m.status == "negated"]
    if current:
        self_harm, sh_src = "current", [m.unit for m in current]
    elif history:
        self_harm, sh_src = "history", [m.unit for m in history]
    elif denied:
        self_harm, sh_src = "denied", [m.unit for m in denied]
    else:
        self_harm, sh_src = "not_mentioned", []
    # The most serious ideation since the last contact: a suicide attempt or an overdose
    # told today was ideation acted on, whatever the client says of today ("took twenty
    # paracetamol the Saturday after our session… doesn't want to die now").
    # ("hx SA x2 (2015, 2018); both OD" goes on about the history just named.)
    attempts = [m for m in current if (_ATTEMPT.search(text, *m.words)
                                       or _TO_DIE.match(text, m.words[1], m.words[1] + 60))
                and not any(0 <= m.words[0] - h.words[1] <= 80 for h in history)]
    if attempts and si != "endorsed_active":
        si, si_src = "endorsed_active", si_src + [m.unit for m in attempts]
    abuse = [m for m in ms if m.target == "abuse" and m.status != "negated"]
    inferred: dict[str, str] = {}
    if "not_mentioned" in (si, hi):
        # The description implies ideation it does not name: the clinician rated risk as
        # moderate or higher, or wrote that there is no plan or intent. Current self-harm
        # or an abuse disclosure would explain an undirected rating; nothing implied is a
        # denial.
        for found in implied(text, units):
            if "not_mentioned" not in (si, hi):
                break
            if found.by == "rating" and self_harm == "current":
                continue  # current self-harm explains the rating; not a plan answer
            toward = found.toward
            if toward == "bare":
                # A bare plan-and-intent answer follows the suicide questions, unless it
                # follows homicidal ideation the description names.
                toward = "" if hi.startswith("endorsed") else "self"
            if toward == "either" and not abuse:
                toward = ("self" if si == "not_mentioned" and hi == "denied" else
                          "others" if hi == "not_mentioned" and si == "denied" else "")
            if toward == "self" and si == "not_mentioned":
                si, si_src = f"endorsed_{found.grade}", [found.unit]
                inferred["suicidal_ideation"] = found.by
            elif toward == "others" and hi == "not_mentioned":
                hi, hi_src = f"endorsed_{found.grade}", [found.unit]
                inferred["homicidal_ideation"] = found.by
    risk = Risk(si, hi, self_harm, bool(abuse))
    sources = {"suicidal_ideation": si_src, "homicidal_ideation": hi_src,
               "self_harm": sh_src, "abuse_disclosure": [m.unit for m in abuse]}
    return risk, sources, inferred


def risk_units(text: str, units: Sequence[Source]) -> set[Source]:
    """Units that mention risk at all (they are screening or report content)."""
    return {m.unit for m in mentions(text, units)}
