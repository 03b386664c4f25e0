"""Interventions the clinician used, named canonically from `interventions.tsv`."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from notewright.drafting.lexicons import Lexicon, fold, pattern_rows

# A mention governed by one of these is not something the clinician did in this session.
_NOT_DONE = re.compile(
    r"\b(?:declined|refused(?! to let\b)|not (?:yet )?(?:use|used|done|introduce|introduced|"
    r"appropriate|"
    r"indicated)|(?:didn'?t|did not) (?:use|do|get to|attempt|try|start|begin|introduce)|"
    r"plan(?:s|ned)? to|"
    # learned from dev-gh: an earlier session's, the skills group's, a referral's reason, and
    # how the client took to an idea
    r"\b(?:was|were) (?:done |covered |taught )?last (?:session|sess|visit|week)\b|"
    r"\b(?:learned|learnt|was taught|were taught)\b[^.;]{0,30}\bin (?:skills )?group\b|"
    r"\breferred (?:by (?:\w+ ){1,2})?for\b|"
    r"\b(?:receptive|open|resistant|averse|amenable) to\b|\bless so to\b|"
    r"plan (?:is|was) to|to be (?:done|completed|covered|finished)\b|"
    r"advised to (?:continue|keep|try|do|use)\b|"
    r"to (?:try|use|do|complete|fill (?:in|out)) at home\b|"
    r"will (?:introduce|start|begin|use|try|consider|continue|explain|revisit|plan|discuss|write|"
    r"build|draft|teach|do)|"
    # ("practiced a distress tolerance plan for the next time a thread blows up": a future
    # moment in the client's life, not a future session)
    r"next (?:session|sess|week|wk|visit|appt|appointment)(?!'s)|(?<!the )next time(?!'s)|"
    r"will (?:work on|cover|go over)|"
    # learned from dev-fq: "we'll do a chain on the cutting", "reviewed and updated at 1:1
    # tomorrow"
    r"(?:we|I)'ll (?:do|revisit|review|start|begin|try|use|practi[cs]e|work on|"
    r"go over|build|introduce|teach|complete|finish)\b|"
    r"\b(?:at|in|during) (?:the |her |his |their )?(?:1:1|one-to-one|individual|session|"
    r"appointment|appt|group) tomorrow\b|"
    r"(?:good|great|poor|ideal|a) (?:fit|candidate) for|\w+['’]s group\b|"
    # learned from dev-gb: "build a safety plan proactively in session 2", "per safety plan"
    # (but "reviewed the safety plan written in session 2" was done today)
    r"\b(?:proactively in|by|at|before) (?:session|sess) (?:\d+|two|three|four)\b|"
    r"\b(?:begin|start)\b[^.;]{0,60}\bin (?:session|sess) (?:\d+|two|three|four)\b|"
    r"\bper (?:the |her |his |their )?"
    r"(?:safety|crisis) plan\b|"
    r"next step\b(?! (?:toward|towards|in|for|of)\b)|referr(?:al|ed) (?:to|for)|"
    r"consider(?:ing)?|may (?:introduce|try|use)|hope to|would like to|in future|"
    r"before (?:starting|beginning)(?!\s*[,:])|not ready for|postpone[d]?|h[oe]ld off|"
    # a plan the client already has, and what another provider will see to
    r"remains? (?:current|in place)|already (?:has|had|in place)|on file|"
    r"(?:still )?(?:has|keeps|carries) (?:a|the|her|his|their) (?:safety|crisis) plan|"
    r"not (?:revised|reviewed|updated|revisited) today|did not (?:revise|review|update)|"
    # what the client did between sessions, on their own
    r"(?:reports?|reported|says|said|describe[sd]) (?:that )?(?:she |he |they )?(?:had )?"
    r"(?:used|using|practiced|practicing|tried|trying|been (?:using|doing|practicing)|broke|"
    r"put|scheduled|wrote)|(?<!and )(?:pt|cl|client) used\b|"
    r"on (?:her|his|their) own|by (?:her|him|them)sel(?:f|ves)|"
    r"(?:has|have) been (?:using|doing|practicing)|"
    # what someone else did, or what was done in an earlier session
    r"(?:psychiatrist|prescriber|group leader|skills group|individual therapist|another "
    r"therapist|other therapist|previous therapist|school counsell?or|teacher|case manager|"
    r"dietitian|psychiatry|physio|physiotherapist|physical therapist|occupational therapist|skills "
    r"group she attends|group (?:she|he|they) attends?|(?:inpatient |hospital |crisis |care )team) "
    r"(?:[\w,.()]+ ){0,4}(?:has (?:him|her|them) "
    r"doing|did|does|covered|covers|taught|teaches|"
    r"started|ran|runs|went over|showed)|"
    r"with (?:another|a (?:previous|former|prior)|(?:her|his|their) "
    r"(?:old|former|previous)) therapist|"
    r"in (?:the )?(?:first|second|third|last|previous|prior|an earlier) sessions?|"
    r"we (?:made|did|drew|wrote) in|"
    # learned from dev-ba: what the client asked about, read about or was handed; what was
    # decided against or saved for later; another therapist's work
    r"(?:she|he|they|client|pt|cl|mom|dad|parents?) asked (?:me )?(?:whether|about|if)|"
    r"wants? to know more|asked about doing|"
    r"(?:his|her|their) (?:own |individual |other )?therapist (?:has |had )?(?:started|does|did|"
    r"is doing|uses|began)|"
    # learned from dev-de: a previous therapist's, a teacher's, a doctor's work; a group run
    # by a colleague; a plan that is "still current"; what was considered and not done
    r"(?:previous|former|prior|old) (?:individual |couples? |family )?therapist (?:had |has )?"
    r"(?:done|did|used|tried|started)|"
    r"(?:yoga |dance |drama )?(?:teacher|instructor) leads|"
    r"(?:her|his|their|the) (?:OB|GP|PCP|pediatrician|paediatrician|obstetrician|midwife|"
    r"family doctor|doctor|nurse practitioner) (?:did|does|has done|had done|ran|runs)|"
    r"run by (?:my |a |another )?(?:colleague|co-?worker|co-?facilitator)|they covered|"
    r"per (?:her |his |their |the )?(?:psychiatrist|prescriber|PCP|GP|doctor|OB|pediatrician|"
    r"nurse)|"
    r"(?<!reviewed )(?<!reviewed and )(?<!reviewed, )(?:is )?still (?:current|in place|fits|"
    r"works|holds)|"
    # learned from dev-fg: a dictated "plan start …"
    r"plan (?:start|begin|introduce|try)\b|"
    r"decided against|(?:considered|thought about) (?:doing |starting )?"
    r"(?:a |an |the )?\w+,? but|saved (?:it|that|this)|(?:was |were )?pushed to|"
    r"(?:in|at) a later session|later session|module starts|starts in|begins in|"
    r"handed (?:him|her|them|out)(?: a)?(?: blank)?|to look over|no time to go through|"
    r"reading about|reads? about|a book on|(?:has|had) not opened|listened to the|"
    # learned from dev-bd: planned, deferred, held for later; the client's own use; what
    # a nurse or a group leader showed them; what they signed up for
    r"(?:is|was|are|were) planned|deferred|holding (?:that|it|this|off)|"
    r"considered (?:starting|doing|using|introducing|trying)|"
    r"(?:she|he|they) used (?:her|his|their) (?:old |own )?|signed (?:\w+ ){0,2}up for|"
    r"at the VA\b|at intake\b|offered to (?:start|begin|try|do)|re-?read|"
    r"(?:were|was) supposed to (?:do|start|try|practi[cs]e|work|cover)|"
    r"with a therapist (?:in|at|back)|in (?:19|20)\d\d\b|"
    r"(?:pcp|gp|doctor|psychiatrist|nurse|dietitian|school|program) (?:\w+ )?gave "
    r"(?:her|him|them)\b|"
    r"next (?:grp|group)\b|therapist (?:\w+ )?(?:suggested|recommended)|"
    r"(?:nurse|pcp|coach|sponsor|co-?leader|co-?facilitator|intern|trainee|peer)\)? (?:\w+ )?"
    r"(?:had )?"
    r"(?:shown|showed|reflected|"
    r"taught|went over|ran|led)|"
    # learned from dev-bh: meant to but did not, an earlier session's work
    r"(?:intended|meant|had hoped) to (?!(?:him|her|them|me|us|you|everyone|the|a|an)\b)|"
    r"last (?:session|sess) (?:we|I) (?:did|made|drew|wrote)|"
    r"(?:with|w/) (?:the |her |his |their )?(?:psychiatrist|prescriber|pcp|md|np|doctor|"
    r"dr\.?) (?:re:?|about|regarding|for)|"
    # learned from dev-bw: not started, learned in a group, done in an earlier session
    r"not (?:yet )?(?:started|begun)|(?:did not|didn'?t) start|"
    r"(?:learned|learnt|taught|covered) (?:in|at|from) (?:[\w']+ ){0,3}(?:group|class|program|"
    r"programme|course|IOP|PHP|residential|rehab)|"
    r"(?:completed|done|finished|made|drawn|built|covered|introduced|taught|started) "
    r"(?:in|during) (?:session|sess|wk|week) ?#?\d+\b|"
    r"(?:completed|done|finished|made|drawn|built|covered|introduced|taught) (?:in |during )?"
    r"(?:the |our )?(?:last|previous|prior) (?:session|sess|visit|week|module|group|class|term)|"
    # learned from dev-cb: an earlier therapist's work, an earlier session's handout, what
    # the client brought in, a later option, weeks ago
    r"(?:a |her |his |their )?(?:prior|previous|former|old|other|another) (?:therapist|counsell?or|"
    r"clinician|provider)s? (?:\w+ )?(?:tried|did|used|started|attempted|began|taught|covered)|"
    r"(?:at|in|during|from) (?:the |our |her |his |their )?(?:first|initial|intake|earlier) "
    r"(?:session|visit|appointment|appt)|"
    r"\blater,? (?:if|once|when)\b|only later|"
    r"(?:two|three|four|five|six|several|a few|\d+) (?:weeks?|months?|sessions?) ago|"
    # learned from dev-cf, dev-cd, dev-cg: an earlier cycle's module, a class attended, a
    # candidate for it, a visit requested for it, practised last month, homework, will do
    r"(?:was|were) (?:in )?(?:the )?(?:last|previous|prior) (?:cycle|module|term|block|rotation)|"
    r"attended (?:the |a |an )(?:[\w-]+ ){0,4}(?:class|group|course|workshop|program)|"
    r"(?:good |strong |possible )?candidates? for|"
    r"(?:request|schedul|book)\w* (?:an? )?(?:\w+ ){0,2}(?:visit|appointment|appt|consult) for|"
    r"(?:we|I) (?:practi[cs]ed|did|learned|taught|covered) last (?:month|week|session|time)|"
    r"homework (?:is|will be)\b|will (?:complete|finish)\b|"
    # learned from dev-ck: a co-facilitator's, an advocate's, the client's own therapist's work,
    # a group run by someone else, an employer's webinar, on a plan not yet reached
    r"(?:co-?facilitator|co-?leader|advocate|physio)s? (?!and I\b)(?:[\w.]+ ){0,3}"
    r"(?:opened|ran|led|did|has "
    r"been teaching|taught)|(?:her|his|their) (?:own |individual )?therapist has (?:her|him|them)"
    r"|with (?:her|his|their) (?:own |individual |other )?(?:therapist|counsell?or)|"
    r"(?:run|led) by(?! (?:me|myself|this writer|writer|(?:the )?(?:clinician|therapist|"
    r"facilitator|co-?leader|leader) \((?:me|this writer|writer)\)))|"
    r"(?:they|we) do in (?:his|her|their) (?:\w+ ){0,2}(?:group|class|program)|"
    r"(?:company|employer|school|church|gym|RA|work|dorm)'s (?!(?:response|reaction|decision|"
    r"policy|approach|handling|rules?)\b)(?:\w+ ){0,3}|"
    r"(?:with|w/) (?:dr\.?|doctor) \w+|scheduled (?:w/|with|for) ?\w+|"
    r"(?:pushing|urging|telling|wants) (?:her|him|them) to try|(?:an |as an )option later|"
    r"from (?:her |his |their |the )?(?:pcp|gp|doctor|psychiatrist|nurse)\b|"
    r"next on (?:our|the|her|his|their) (?:plan|list|agenda)|on (?:tx|treatment) plan|"
    # learned from dev-cm and dev-ci: a doctor's own review, groups attended, a GP asked
    r"\bdr\.? [a-z]+ (?:\w+ ){0,5}(?:did|does|ran|taught|covered)\b|"
    r"att(?:ended)? (?:all )?(?:grps?|groups?)\b|per (?:the )?(?:discharge|hospital|ED|ER) "
    r"(?:summary|note|records?)|"
    r"(?:exists|is available) as (?:an(?:other)? )?(?:option|route|choice)|"
    # learned from dev-cq: someone named by initial led it, the client did it, a workshop
    # the client was sent to, the plan lists it
    r"\b\w\. ?\w+ (?:led|ran|taught)\b|"
    r"(?:she|he|they) did (?:the|her|his|their) (?:[\w-]+ ){0,2}(?:exercise|skill|worksheet|"
    r"homework|practice|log) (?:on (?:her|his|their) own|at home|in the|alone)|"
    r"sent (?:\w+ ){0,3}to (?:a|an|the)\b|(?:plan|tx plan|treatment plan) lists\b|"
    r"not something (?:we'?re|we are) (?:doing|going to do)|"
    r"(?:ask|contact|call|email|message|phone)\w* (?:his |her |their |the )?(?:gp|pcp|doctor|"
    r"psychiatrist|prescriber)\b(?: \w+)? about|"
    r"(?:did not|didn'?t) complete|"
    r"(?:done|completed|finished|made|drawn) last (?:month|year)|from (?:his|her|their) "
    r"(?:\w+ )?(?:psychiatrist|therapist|doctor|pcp|prescriber|counsell?or|care team)|"
    r"(?:did not|didn'?t|does not|doesn'?t) want to (?:do|try|start)|"
    r"(?:will|can) wait|on hold|(?:will )?comes? later|for later|"
    r"(?:starts?|begins?) (?:after|once|when|at|from)\b|"
    r"on (?:the|his|her|their) (?:treatment|tx) plan|(?:did not|didn'?t) get to|not done today|"
    r"ran out of time|(?:did not|didn'?t) have time for|no time for|"
    r"homework (?:alone|on (?:her|his|their) own)|"
    r"in (?:her|his|their|\w+'s) individual (?:session|therapy)|already (?:given|done|covered|"
    r"taught|shown)|"
    # learned from dev-dn: the link in the chain where a skill could have been used
    r"could (?:have|'ve) used|"
    # learned from dev-dp, dev-dq: a skill brought from group; what the client is to use
    r"(?:thing|skill|one) from (?:the |her |his |their )?(?:skills )?group|"
    r"(?<!taught )(?<!coached )(?<!helped )(?<!showed )(?<!teach )(?<!coach )"
    r"(?:pt|cl|client) to (?:use|practi[cs]e|try|keep using)|"
    # learned from dev-dr: another group member's, the individual therapist's
    r"(?:another|one|other) (?:group )?member (?:\w+ )?(?:validated|reflected|shared|said|"
    r"suggested|offered|pointed|led|did|taught|explained|modell?ed)|"
    r"(?:with|w/) (?:her |his |their |the )?"
    r"individual therapist|"
    # learned from dev-du, dev-dw: a group's module this month, a day not right for it, a
    # skill the client showed or still uses, another counsellor seen for it
    r"(?:they'?re|they are|group is) (?:on|doing|covering)\b|"
    r"not the (?:day|time|session|right time|right day) to|not to (?:start|begin|do|try)|"
    r"(?:cl|pt|client|she|he|they) (?:showed|demonstrated) (?:me |us )?|"
    r"(?:she|he|they|cl|pt) still uses?|moving (?:\w+ ){0,3}towards?|"
    r"\bsees (?:the |a |an |her |his |their )?(?:[\w-]+ ){0,3}(?:counsell?or|therapist|"
    r"psychiatrist|psychologist|provider|coach)|"
    r"advocate (?:[\w.]+ ){0,5}(?:updated|made|wrote|completed|did)|"
    r"if (?:discharged|admitted|stable|readmitted))\b",
    re.IGNORECASE)


_REACH = 60  # characters before a mention that can say it was not done
# TIPP named, or its temperature step described ("cold water on face, paced breathing")
_TIPP = re.compile(r"(?-i:\bTIPP?\b)|\bcold water\b|\bice\b", re.IGNORECASE)
# a sentence end, in reversed text ("Dr. Farouk" is not one)
_SENTENCE_STOP = re.compile(r"\s+[.!?](?=\w)(?!(?:rD|rM|srM|sM|tS|tp|lc|[A-Z])\b)")
_AFTER = 45  # and after it, within its clause
# Someone named, or the client, said it: an insight of theirs, not the clinician's
# interpretation ("Chidi pointed out that both grandfathers…").
_SAYING = re.compile(r"(?:pointed|explain|interpret|link|suggest|offer|wonder)", re.IGNORECASE)
_ANOTHER_SAID = re.compile(r"(?:\b(?!(?:I|We|T|Clinician|Therapist|Writer|Counsel+or|Then|And|"
                           r"Also|Gently|Later|Finally|Briefly|Today)\b)(?-i:[A-Z][a-z]+)|"
                           r"\b(?:she|he|they|client|pt|cl|mom|mum|dad))\s+$", re.IGNORECASE)
# After the mention, only its own clause speaks for it: "practiced grounding, will continue
# next session" was done, "exposure to body sensations next session" was not.
# ... unless it says the thing was declined or put off, which may follow a semicolon.
# "times she refused to let it write her story" is the client's own stand, not a refusal.
_PUT_OFF = re.compile(r"\b(?:declined|refused(?! to let\b)|deferred|held off|postponed|"
                      r"(?:is|are) planned|"
                      r"pushed (?:it |that |this )?to|wants? to think (?:about it|it over)|"
                      r"didn'?t (?:redo|revisit|repeat)|did not (?:redo|revisit|repeat)|"
                      r"wanted to save it|(?:would|'d) rather (?:not|keep|wait|stick)|"
                      r"preferred (?:to|not)|backed out|(?:hasn'?t|has not) (?:gone|attended)|"
                      r"(?:planned|scheduled) for|not done today|"
                      r"but (?:did not|didn'?t)(?= *[,.;]| *(?:do|complete|use|get to))|"
                      r"handouts?\b[^.;]{0,40}\bwaiting room|"
                      r"skipped(?=\s*(?:\(|[,.;]|$|today|this|for now|due|because))|"
                      r"said (?:no|nah|nope)|not interested|"
                      r"(?:she|he|they) skips? (?:it|them|those|that|this)\b|"
                      r"- (?:she|he|they) skips\b|"
                      r"(?:is|are|was|were|'re|'s) not ready|not ready (?:for|yet)|"
                      r"not (?:revised|reviewed|updated) today|did not (?:revise|review|update)|"
                      # learned from dev-dt: not revisited, something to bring back in later
                      r"(?:was |were )?not revisited|something to (?:bring back|come back to|"
                      r"consider|revisit)|"
                      # learned from dev-dp: "EMDR processing … probably in 2 or 3 more sessions"
                      r"in (?:\d+|two|three|four|a few|a couple of)"
                      r"(?: or (?:\d+|two|three|four|five))? more "
                      r"(?:sessions?|sess|weeks?|wks?|visits?))\b",
                      re.IGNORECASE)
# A mention negated where it stands: "no problem-solving allowed", "without role play",
# "skipped the fight/flight psychoed".
_NEGATED = re.compile(r"\b(?:(?:no|not|without|didn'?t|did not|won'?t)\s+"
                      r"(?:assign|give|set|use|introduce|do\s+)?\s*(?:the\s+|a\s+|an\s+|any\s+)?|"
                      # a homework review: what the client did with last week's worksheet
                      r"last (?:week|wk|month|session)'?s\s+(?:[\w-]+\s+)?|"
                      r"homework review:\s+(?:[\w']+\s+){0,4}|"
                      # "She has her sister's number and the crisis line in her phone"
                      r"(?:(?:she|he|they) (?:has|had|keeps)|(?:^|[;,.]\s*)(?:has|keeps)) "
                      r"(?:[\w']+\s+){0,4}(?:and\s+)?"
                      r"(?:the\s+|a\s+)?|"
                      r"(?:skip|skipped|skipping)\s+(?:the\s+|a\s+|an\s+|any\s+)?(?:[\w/-]+\s+)?|"
                      r"(?:avoidance of|avoids|avoided|avoiding)\s+(?:the\s+)?|"
                      r"brought\s+(?:in\s+)?(?:a|an|the)\s+(?:[\w-]+\s+)?|"
                      r"(?:picked up|grabbed) (?:one of )?(?:the|a)\s+|"
                      # "I stayed with that rather than moving to problem-solving"
                      r"rather than (?:moving |going |jumping |switching |shifting |turning )?"
                      r"(?:to |into )?)$",
                      re.IGNORECASE)
# "explained what the reprocessing phase of EMDR involves": what lies ahead, told about
# (that telling is psychoeducation, which is named by its own words).
_EXPLAINED = re.compile(r"\b(?:explain|describ|outlin)\w* (?:what|the (?:\w+ )?(?:phases|steps|"
                        r"stages|rationale) of (?:\w+ )?(?:and what )?) ?"
                        r"(?:(?!and\b|then\b|gave\b)[\w-]+ ){0,5}$", re.IGNORECASE)
# A plan or homework line names what comes next (23 of 27 such mentions in the development
# set were not done in the session), unless it says what was done here.
# "the Maths teacher now starts every lesson with a breathing exercise", "her own DBT
# therapist has been teaching her emotion regulation skills", "his GP reviewed his
# medications": another professional's work, told in this session, was not done here.
_SOMEONE_ELSES_WORK = re.compile(
    r"\b(?:teacher|GP|PCP|psychiatrist|prescriber|doctor|(?-i:Dr\.?\s+[A-Z][a-z]+)|nurse|"
    r"physio\w*|health visitor|school counsel+or|sponsor|coach|(?:(?:his|her|their)\s+)?(?:own|"
    r"outside|previous|former|other|individual|old)\s+(?:\w+\s+)?(?:therapist|counsel+or|"
    r"psychologist|clinician|provider))(?:\s+(?:\w+\s+)?(?:has been |is |was |now |also |"
    r"always |still )?(?:teach\w*|taught|does|did|doing|start\w*|runs?|ran|uses?|used|led|leads|"
    r"review\w*|gave|gives|showed|shows|recommend\w*|covered|practi[cs]\w*|do|went over)\b"
    r"[^.;\n]{0,40})?\s*$", re.IGNORECASE)
# EMDR's preparation phases are not processing; the skills taught in them (grounding, a
# calm place) were done, so only "emdr processing" is held back by these words.
_EMDR_PREP = re.compile(r"\bphase (?:1|2|I|II|one|two)\b|\(prep\)|preparation phase|"
                        r"no processing yet", re.IGNORECASE)
# A chain analysis lists "missed skills": the skills the client could have used, not skills
# taught in the session; the chain analysis itself was done.
_MISSED_SKILL = re.compile(r"\bmissed skills?\b", re.IGNORECASE)

# "Psychoeducation on EMDR phases", "rationale for interoceptive exposure": the treatment
# is what was taught about, not what was done.
_TAUGHT_ABOUT = re.compile(r"\b(?:psycho-?ed\w*|education|rationale) (?:on|about|re:?|for) "
                           r"(?:the )?(?:\w+ )?$|what to expect (?:in|from|during|with) (?:the )?"
                           r"(?:\w+ )?$", re.IGNORECASE)
_WITH_SOMEONE_ELSE = re.compile(
    r"\s*(?:w/|with|by)\s+(?:a|an|his|her|their)\s+(?:(?:previous|former|old|outside|other|"
    r"another|past)\s+(?:therapist|counsel+or|clinician|psychologist|provider)|"
    # "started prolonged exposure w/ a VA psychologist"
    r"(?:[\w-]+\s+){0,2}(?:psychologist|psychiatrist|counsel+or))\b", re.IGNORECASE)
# "Mindfulness HW: 5 min breath practice daily": named as the homework, not done here; so is
# a template's field left empty or pointing elsewhere ("Sleep hygiene: N/A", "Safety plan:
# on file").
_HOMEWORK_OR_EMPTY_FIELD = re.compile(
    r"\s*(?:(?:HW|homework|home practice)\b\s*[:=-]|:\s*(?:N/?A|not applicable|none|nil|on file|"
    r"not done|deferred)(?!\w))", re.IGNORECASE)
# "I followed and reflected what she was doing": tracking a child's play is play therapy's
# own move, not reflective listening.
_PLAY_TRACKING = re.compile(r"\breflect\w*\s+(?:what (?:she|he|they) (?:was|were|is|are) "
                            r"doing|(?:her|his|their) play)\b", re.IGNORECASE)
_SOAP_P_DONE = re.compile(r"^\W*P\s*[:\-\u2013\u2014]\s*(?:(?i:in[- ]session)\s+)?[\w/ -]{2,40}?"
                          r"(?:\u2014|\u2013|\s-\s|--)\s*\w")
_PLAN_LABEL = re.compile(r"^\W*(?:plan|p|hw|homework|next|next time|next session|next steps|to do|"
                         r"next (?:week|wk|visit|appt))"
                         r"\s*[:\-\u2013\u2014]\s*", re.IGNORECASE)
# "Offered EMDR; she declined", "talked again about EMDR; they said they're not ready": what
# was offered or discussed is undone by a refusal in the next clause.
_OFFERED = re.compile(r"\b(?:offered|suggested|proposed|recommended|discussed|raised|planned|"
                      r"talked (?:again )?about)\b", re.IGNORECASE)
_DONE_HERE = re.compile(r"\b(?:in (?:sess|session)|today|this session|reviewed|completed|"
                        r"updated|practiced|practised|taught|provided|scheduled|"
                        r"\w+ed (?:his|her|their|the|a|an|one|\d+)\b)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;!?\n]|\.(?!\d)|(?<!\bre):(?!\d)|\s(?:but|then|so|while)\s|"
                         r"\sand (?=will|we|I|pt|cl|client|she|he|they)", re.IGNORECASE)


@cache
def _rows() -> Lexicon:
    return pattern_rows("interventions.tsv", "intervention")


@lru_cache(maxsize=2048)
def lexicon_mentions(unit_text: str) -> tuple[tuple[str, int, int], ...]:
    # Each unit is scanned once per draft: the section model asks about it twice (as
    # itself and as the next unit's "previous") and the assembler once more.
    folded = fold(unit_text)
    return tuple((row.value, m.start(), m.end()) for row in _rows().candidates(folded)
                 for m in row.pattern.finditer(unit_text))


def opens_plan(unit_text: str) -> bool:
    """Whether the unit starts with a plan or homework label ("Plan:", "HW -")."""
    return _PLAN_LABEL.match(unit_text) is not None


def names_next_steps(unit_text: str) -> bool:
    """Whether what the unit names is, by its label, what comes next: a plan or homework
    label, but not SOAP's bare "P:" heading a treatment and the dash-led list of what it
    held ("P: MI—OARS, rulers, elicited change talk", "P: Med review—adherence, side
    effects"), which is what was done; there the words around a mention decide."""
    return opens_plan(unit_text) and _SOAP_P_DONE.match(unit_text) is None


def find_interventions(unit_text: str, *, planned_ok: bool = False, plan_line: bool = False,
                       following: str = "", preceding: str = "", after_unit: str = ""
                       ) -> list[tuple[str, int, int]]:
    """(canonical name, start, end) for each intervention named in one unit.

    `plan_line`: the unit sits in a plan or homework line (the caller knows the line; the
    unit may not hold its label). `following` and `preceding`: the next and the previous
    clause of the same sentence ("His GP | reviewed his medications" may be cut apart);
    `after_unit`: the words right after the unit, whatever unit they start ("Mindfulness |
    HW: 5 min daily").
    """
    out: list[tuple[str, int, int]] = []
    plan_line = not planned_ok and (plan_line or names_next_steps(unit_text))
    for name, start, end in lexicon_mentions(unit_text):
        if any(found == name for found, _, _ in out):
            continue
        if planned_ok:  # the section model asks what is named, done or not
            out.append((name, start, end))
            continue
        if (name in ("interpretation", "psychoeducation") and _SAYING.match(unit_text, start)
                and _ANOTHER_SAID.search(unit_text, 0, start)):
            continue  # "Rachel pointed out that…", "she explained the Static to him": theirs
        if name == "relaxation training" and _TIPP.search(unit_text, max(0, start - 100),
                                                          start):
            continue  # TIPP's paced breathing and paired relaxation are the DBT skill
        lead_in = (preceding + " " + unit_text[:start])[-_REACH:] if preceding else \
            unit_text[max(0, start - _REACH):start]
        ends_unit = not unit_text[end:].strip(" ,;:-")
        if (_SOMEONE_ELSES_WORK.search(lead_in)
                or (name in ("emdr processing", "exposure")
                    and _TAUGHT_ABOUT.search(unit_text, max(0, start - 40), start))
                or _WITH_SOMEONE_ELSE.match(unit_text, end)
                or _HOMEWORK_OR_EMPTY_FIELD.match(unit_text, end)
                or (ends_unit and _HOMEWORK_OR_EMPTY_FIELD.match(after_unit))
                or (name == "reflective listening" and _PLAY_TRACKING.match(unit_text, start))):
            continue
        # Only the words around the mention decide whether it was done: a dictated
        # run-on holds this session's work and next week's plan in one unit.
        after = unit_text[end:end + _AFTER]
        cut = _CLAUSE_END.search(after)
        # ... and before it, only its own sentence: "added pages on his own. I mostly
        # listened and reflected back" was done.
        lead = max(0, start - _REACH)
        stop = _SENTENCE_STOP.search(unit_text[lead:start][::-1])
        if stop:
            lead = start - stop.start()
        near = unit_text[lead:end + (cut.end() if cut else len(after))]
        # ("P: Brief BA | - scheduled choir Thursday": the label's next clause says it.)
        if plan_line and not _DONE_HERE.search(near) and not (
                ends_unit and _DONE_HERE.match(after_unit.lstrip(" -–:;,"))):
            continue
        put_off = _PUT_OFF.search(unit_text, end, end + 2 * _AFTER)
        negated = (_NEGATED.search(unit_text, max(0, start - 45), start)
                   or _EXPLAINED.search(unit_text, max(0, start - 60), start))
        if following and not put_off and _OFFERED.search(unit_text, max(0, start - _REACH), start):
            put_off = _PUT_OFF.search(following, 0, _AFTER)
        not_done = (_NOT_DONE.search(near)
                    or (name == "emdr processing" and _EMDR_PREP.search(near))
                    or (name != "chain analysis" and _MISSED_SKILL.search(near)))
        if not (not_done or put_off or negated):
            out.append((name, start, end))
    return out
