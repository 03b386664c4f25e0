"""Split a description into clause-level units, keeping character offsets.

A small splitter of our own (see README: libraries split after "Pt." and ignore bullets).
Boundaries: new lines and bullets, sentence ends (not after a known abbreviation, not inside
a quote), semicolons, spaced dashes, and a comma that hands the sentence to a new subject
("…, and I used validation"). Quotes are never cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from notewright.drafting.boundaries import load_boundary_model
from notewright.drafting.lexicons import read_tsv
from notewright.drafting.model import Source


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    heading: str = ""  # a "Plan:"-style heading the unit sits under, lower case
    # How the unit follows the one before it: "line" (a new line or bullet), "sentence",
    # "clause" (a semicolon or spaced dash: the same thought goes on) or "subject" (a comma
    # that hands the sentence to a new subject).
    joined: str = "line"

    @property
    def under_plan(self) -> bool:
        """Whether the unit sits under a plan, homework or follow-up heading."""
        return is_plan_heading(self.heading)

    @property
    def same_sentence(self) -> bool:
        """Whether the unit goes on the sentence of the unit before it."""
        return _STRENGTH[self.joined] < _STRENGTH["sentence"]


_PLAN_HEADING = re.compile(r"^(?:p|plans?|next steps?|homework|hw|plan/hw|follow[- ]?up|f/u)$")


def is_plan_heading(heading: str) -> bool:
    """"Plan:", "HW:", "F/u:" and the like (a heading as `Segment.heading` holds it)."""
    return _PLAN_HEADING.match(heading) is not None


_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
_SENTENCE_STARTERS = frozenset(
    "She He They The Then We It This That There Client Pt Cl Plan Denies Reports Mood Affect "
    "Her His Their Writer Clinician Therapist Today Next No Not Will Discussed Reviewed".split())
_STRENGTH = {"": 0, "subject": 1, "clause": 2, "sentence": 3, "line": 4}
# "…'I thought I was a monster.' my own postpartum months came back": the clinician's
# own voice, typed in lower case, starts a sentence after a quote.
_OWN_VOICE = re.compile(r"(?:my|i|i'm|i've|me|myself|lost my|felt|noticed|need|wonder|"
                        r"wondering)\b")
# A list marker opening a line ("- ", "• ", "2) ", "b. "): a bullet, not a minus.
BULLET = re.compile(r"^[ \t]*(?:[-*•·‣◦–—>]+|\d{1,2}[.)]|[a-z][.)])[ \t]+")
# ("? attachment stuff w/ mom": a question mark that opens a line of shorthand is the
# writer's query about what follows, not the end of anything.)
_SENTENCE_END = re.compile(r"(?:[.!]|(?<!\s)\?)[.!?]*[\"'”’)\]]*(?=\s+\S)|"
                           r"(?:[.!]|(?<!\s)\?)[.!?]*[\"'”’)\]]*$")
# A spaced dash breaks a clause, but not after a comma: ", - plan, - intent" is a list of
# negatives in shorthand, and the minus is the negation.
_HARD_BREAK = re.compile(r";\s*|(?<!,)\s+[-–—]{1,2}\s+|\s*\|\s*")
_NEW_SUBJECT = re.compile(
    r",\s+(?:(?:and|but|then|so|yet|while|though|although)\s+)?"
    r"(?:(?:honestly|also|privately|frankly|later|finally|still),?\s+)?"
    r"(?=(?:I|we|she|he|they|pt|cl|client|the client|both|each|neither|writer|clinician)"
    r"(?:'ll|'d|'s)?\s+\w|"
    # "…, her worry is escalating": a possessive subject and its verb
    r"(?:her|his|their|my)\s+\w+\s+(?:is|was|has|had|are|were|seems|seemed|remains|feels|"
    r"felt)\b|"
    # "…for most of the hour, which left me feeling useless": the clinician's reaction
    r"which\s+(?:left|leaves|made|makes)\s+me\b|"
    # "…only filled 4/7 nights, which annoyed me more than it should have"
    r"which\s+(?:really\s+|honestly\s+)?(?:annoyed|irritated|frustrated|bothered|grated on|"
    r"got to|rattled|stung)\s+me\b|"
    # "Ran 10 min over again, why do I always let him run over", "…, which honestly brought
    # up my own stuff": a question to oneself or one's own echo after a clinical clause
    r"(?:why|how come|what)\s+(?:do|did|am|was|can'?t|don'?t|didn'?t)\s+I\b|"
    r"which\s+(?:honestly\s+|frankly\s+)?(?:brought up|stirred up|hit|reminded me)\b|"
    # irony trailing a clinical clause: "…, which could mean anything", "…, my favourite
    # part of the job"
    r"which\s+(?:went down|could mean)\b|my\s+favou?rite\s+part\b|"
    # "…she picked 3 small tasks, though the apologising got under my skin today"
    r"though\s+(?=[^.;,]{0,40}\b(?:me|my|(?:this |the )?writer)\b))",
    re.IGNORECASE)
# "Cl acknowledged he wants to see his daughter more than he wants to 'win,' and his smirk
# while describing the arrest really got under my skin": the clinician's reaction, joined by
# "and" (the comma may sit inside the client's quoted word).
_REACTION_JOINED = re.compile(
    r",['’\"”]?\s+and\s+(?=[^.;,]{0,60}\b(?:got under my skin|got to me|(?:annoyed|irritated|"
    r"bothered|grated on|rattled|unsettled|stung)\s+me)\b)", re.IGNORECASE)
# A comma before a score or a plan cue starts new content in a shorthand list
# ("Sleep 5h, irritable, GAD-7 15, HW: log").
_NEW_TOPIC = re.compile(
    r",\s+(?=(?:PHQ|GAD|PCL|AUDIT|C-?SSRS|SUDS|EPDS|HW\b|homework\b|f/u\b|plan\b|"
    r"next (?:session|appt|appointment)\b|rtc\b|(?:increase|decrease|continue|refer|"
    r"schedule)\s+(?:to|with|weekly|biweekly|sessions?|meds?|\w+ing)\b))", re.IGNORECASE)
# "…as a kid (I suspect the father knows too) and…": a parenthesis in the first person is
# the clinician's aside, its own unit.
_ASIDE = re.compile(r"\((?=[^()]{0,200}?(?:\b(?:I|I'm|my|me|myself|mine|because of course|riveting|"
                    r"thrilling|shocker|what a surprise)\b|"
                    r"^(?:he|she|they) (?:isn'?t|is not|wasn'?t|won'?t|doesn'?t|didn'?t)\)|"
                    r"[^()]{6,200}\?\)))[^()]{8,200}\)|"
                    # with no subject, a reaction or a doubt: "…more on weekends (doubt the
                    # numbers)", "(angry at K, hard to hide)"
                    r"\((?=(?:doubt|doubting|angry|annoyed|irritated|frustrated|bored|sleepy|"
                    r"drowsy|drained|shaky|rattled|flattered|impatient|hunch|gut|heavy one|"
                    r"wanted to (?:tell|yell|scream|snap|shake|hug|cry)|"
                    r"wonder(?:ing)?|suspect|note to self|felt (?:a |so |very |really )?"
                    r"(?:pull|tug|pang|flattered|protective|irritated|annoyed|bored|drained|"
                    r"useless|helpless|stuck|sleepy|defensive|guilty|rattled))\b)[^()]{2,200}\)|"
                    # a groan in brackets: "(ugh)", "(sigh)", "[tedious]", "[heavy]"
                    r"\((?:ugh+|sigh|argh|oof|yikes|groan|eye ?roll)\)|"
                    r"\[(?!(?:sic|redacted|name|inaudible|unclear|sp|illegible)\])"
                    r"[a-z][a-z' .-]{0,40}\]|"
                    # "[Oscar-worthy performance on my part]": the clinician in brackets
                    r"\[[^\[\]]{0,60}\b(?:I|my|me|myself|mine)\b[^\[\]]{0,60}\]",
                    re.IGNORECASE)
# Square brackets hold asides too ("[I over-talked again, let silences sit next time]"),
# but a template's tick boxes ("[x]", "[ ]") are not asides: only words with a space count.
_BRACKETED = re.compile(r"\([^()\n]{1,200}\)|\[(?=[^\[\]\n]{0,200}\s)[^\[\]\n]{8,200}\]")
_QUOTE_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’]$")  # "…might be fine on Fridays.' (Dad…"
# Dictated notes spell their punctuation out ("spoke up once period new line ken says…").
_DICTATED_MARK = re.compile(r"\s+(?:period|full stop|comma|new line|new paragraph|next line)\b",
                            re.IGNORECASE)
_DICTATED_LEAD = re.compile(r"(?:\s*(?:new line|new paragraph|next line|period|comma)\b)+",
                            re.IGNORECASE)
_DICTATED_TAIL = re.compile(r"(?:\s+(?:period|full stop|comma|new line|new paragraph|"
                            r"next line))+\s*$", re.IGNORECASE)
# A run-on with no punctuation ("…pressured at times he says the schedule is working"):
# a new clause starts where a subject follows a word that does not introduce a clause.
_RUN_ON = re.compile(r"\s+(?=(?:(?:and|but|so|then)\s+)?(?:i|he|she|they|we|pt|cl|client)"
                     r"\s+(?!(?:and|or|to|a|an|the|too|also|alone)\b)[a-z']{2,}|"
                     # a subjectless report or a plan cue
                     r"(?:says|said|reports|reported|denies|denied|states|stated|endorses|"
                     r"endorsed|admits|admitted|f/u|hw|rtc|next (?:sess|session|wk|week|appt)|"
                     # a risk rating ("… tbh risk low to mod not imminent")
                     r"risk\s+(?:low|mod|moderate|high|elevated|minimal|is|was|remains|level|"
                     r"assessed|appears))"
                     r"\b)", re.IGNORECASE)
# A label in mid-line with nothing to end the sentence before it ("…the first 10 min Plan:
# crisis line numbers sent") starts a new one.
_MID_LABEL = re.compile(r"(?<=[a-z0-9)])\s+(?=(?:Plan|HW|Homework|Assessment|Risk|Response|"
                        r"Interventions?|Next steps|Goals?|Data|Behavior|Subjective|"
                        r"Objective)\s*:)")
# A dictated run-on speaks its headings and asides ("…left a message for dr chen assessment
# moderate to high acute risk… honestly this one rattled me… plan increase to twice a week").
_SPOKEN_HEADING = re.compile(r"\s+(?=(?:assessment|plan|honestly)\s+\w)", re.IGNORECASE)
_NOT_A_HEADING = frozenset(
    "safety treatment crisis care discharge the a an his her their our my this that no risk "
    "your its initial formal brief full any some every"  # "denies any plan or intent"
    .split())
_CLAUSE_OPENERS = frozenset(
    "that if when whether because as than where while until before after since unless though "
    "although once whenever how what why who which and but so then or nor says said say think "
    "thinks thought feel feels felt know knows knew believe believes hope hopes wish wishes "
    "told asked notice noticed realize realized worried worries afraid sure per "
    # verbs whose object is a clause: "he wished he had never been born" is one unit
    "wished hoped prayed admitted mentioned explained stated reported denies denied "
    "suspect suspects suspected guess guessed figured decided realised swore "
    "i he she they we pt cl client".split())  # "pt states": the subject stays with its verb
# Lower-case shorthand that a sentence often ends on: before a capital, the sentence ended
# ("first time with this pt. Safety check call tomorrow", "which tells me how pulled in I
# am. Continue weekly"); "Pt. reports" and "Dr. Lee" keep their capitals and go on.
_MAY_END = frozenset({"pt.", "cl.", "hx.", "dx.", "tx.", "am.", "AM.", "pm.", "PM.", "etc."})
# A letter of an abbreviation spelled out by speech-to-text ("s i"); "a" and "i" are words.
_SPELLED_LETTER = re.compile(r"[b-hj-z]", re.IGNORECASE)
_SPELLED = re.compile(rf"(?:^|\s){_SPELLED_LETTER.pattern}\s*$", re.IGNORECASE)
_LETTER = re.compile(r"[a-z](?:\s|$)", re.IGNORECASE)
_RUN_ON_WORDS = 18  # words per sentence mark above which a line is read as a run-on
_LEADING_JUNK = re.compile(r"^[\s,;:.\-–—]+")
_TRAILING_JUNK = re.compile(
    r"(?:[\s,;:\-–—]+|[\s,]+(?:and|but|then|so|yet|while|though|although))+$", re.IGNORECASE)
_HEADING_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z /&]{0,30}):[ \t]*$")
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z /&]{0,24}):\s+")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row["word"].strip().lower() for _, row in
                     read_tsv("sentence_abbreviations.tsv") if row["word"].strip())


def _inside(pos: int, spans: Sequence[Source]) -> bool:
    return any(s < pos < e for s, e in spans)


def _trim(text: str, start: int, end: int, dictated: bool = False) -> tuple[int, int]:
    piece = text[start:end]
    lead = _LEADING_JUNK.match(piece)
    if lead:
        start += lead.end()
    if dictated:
        spoken = _DICTATED_LEAD.match(text, start, end)
        if spoken:
            start = spoken.end()
            lead = _LEADING_JUNK.match(text, start, end)
            start = lead.end() if lead else start
        tail = _DICTATED_TAIL.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()
    piece = text[start:end]
    trail = _TRAILING_JUNK.search(piece)
    if trail and trail.start() > 0:
        end = start + trail.start()
    return start, end


def _sentence_cuts(text: str, start: int, end: int, protected: Sequence[Source],
                   dictated: bool = False) -> dict[int, str]:
    cuts: dict[int, str] = {}
    chunk = text[start:end]
    abbrevs = _abbreviations()
    if dictated:
        for m in _DICTATED_MARK.finditer(chunk):
            if not _inside(start + m.start(), protected):
                kind = "subject" if m.group().strip().lower() == "comma" else "sentence"
                cuts.setdefault(start + m.end(), kind)
    for m in _MID_LABEL.finditer(chunk):
        cuts.setdefault(start + m.end(), "sentence")
    marks = len(re.findall(r"[.!?;]", chunk)) + len(cuts)
    if len(chunk.split()) > _RUN_ON_WORDS * (marks + 1):
        # The trained boundaries and the rules each find cuts the other misses; a cut too
        # many costs little, a cut missed can withhold an observation with a reaction.
        model = load_boundary_model()
        for pos in model.cuts(text, start, end) if model is not None else ():
            if not _inside(pos, protected):
                cuts.setdefault(pos, "subject")
        for m in _RUN_ON.finditer(chunk):
            before = chunk[:m.start()].split()
            spelled = len(before) > 1 and _SPELLED_LETTER.fullmatch(before[-2])  # "s i he…"
            if (before and (before[-1].lower().strip(",") not in _CLAUSE_OPENERS or spelled)
                    and not _inside(start + m.start(), protected)):
                cuts.setdefault(start + m.end(), "subject")
        for m in _SPOKEN_HEADING.finditer(chunk):
            before = chunk[:m.start()].split()
            if (before and before[-1].lower() not in _NOT_A_HEADING
                    and not _inside(start + m.start(), protected)):
                cuts.setdefault(start + m.end(), "sentence")
    for m in _SENTENCE_END.finditer(chunk):
        pos = start + m.end()
        if m.group().startswith("?") and (start + m.start() == 0
                                          or text[start + m.start() - 1].isspace()):
            continue  # the "?" opens the line: the chunk's own start hides what precedes it
        if _inside(start + m.start(), protected):
            # 'then said "sixty years of waiting." This echoes…': a sentence that ends
            # with its quote ends after the closing mark, when a new sentence follows.
            after = chunk[m.end():].lstrip()
            if _inside(pos, protected) or not (after[:1].isupper()
                                               or _OWN_VOICE.match(after)):
                continue
        word_start = chunk.rfind(" ", 0, m.start()) + 1
        typed = chunk[word_start:m.start() + 1].lstrip("(")
        word = typed.lower()
        if word in abbrevs and m.group().startswith(".") and not (
                typed in _MAY_END and chunk[m.end():].lstrip()[:1].isupper()):
            continue
        if re.fullmatch(r"[a-z]\.", word) and (
                (word_start > 0 and chunk[word_start - 2:word_start - 1] == ".")
                or chunk[m.end():].lstrip()[:1].islower()):
            continue  # initials: inside "e.g.", or "I suspect T. is more depressed"
        following = _NAME_AFTER.match(chunk, m.end())
        if re.fullmatch(r"[A-HJ-Z]\.", typed) and (
                following and following.group(1) not in _SENTENCE_STARTERS
                or chunk[m.end():].lstrip().startswith("(")):
            continue  # "R. Dube led the opening", "K. (co-leader) taught": an initial
        cuts[pos] = "sentence"
    for m in _ASIDE.finditer(chunk):
        if not _inside(start + m.start(), protected):
            cuts.setdefault(start + m.start(), "clause")
            cuts.setdefault(start + m.end(), "clause")
    for m in _HARD_BREAK.finditer(chunk):
        if not _inside(start + m.start(), protected):
            cuts.setdefault(start + m.start(), "clause")
            cuts.setdefault(start + m.end(), "clause")
    for m in _NEW_TOPIC.finditer(chunk):
        if not _inside(start + m.start(), protected):
            cuts.setdefault(start + m.end(), "subject")
    for m in _NEW_SUBJECT.finditer(chunk):
        if not _inside(start + m.start(), protected):
            cuts.setdefault(start + m.end(), "subject")  # comma and conjunction are trimmed
    for m in _REACTION_JOINED.finditer(chunk):
        if not _inside(start + m.end() - 1, protected):
            cuts.setdefault(start + m.end(), "subject")
    # A bracketed aside is one unit: "(very sleepy 2nd half — mine or hers?)" is not cut at
    # its dash or its question mark, and one set between sentences ends where it closes
    # ("…steadier by the end. (felt protective of her) She reports 41 days sober.").
    for m in _BRACKETED.finditer(chunk):
        opened, closed = start + m.start(), start + m.end()
        if _inside(opened, protected):
            continue
        for pos in [pos for pos in cuts if opened < pos < closed]:
            del cuts[pos]
        head = start + len(text[start:opened].rstrip())
        ended = any(head <= pos <= opened and kind in ("sentence", "line")
                    for pos, kind in cuts.items())
        if (head == start or ended or opened in cuts
                or _QUOTE_ENDS_SENTENCE.search(text, start, head)):
            for pos in (opened, closed) if closed < end else (opened,):
                if _STRENGTH[cuts.get(pos, "")] < _STRENGTH["sentence"]:
                    cuts[pos] = "sentence"  # what follows the bracket is not its clause
    # Speech-to-text spells letters out ("he denies any s i he looked tired"): a cut between
    # the letters would leave a lone "i" to be read as the clinician.
    return {pos: kind for pos, kind in cuts.items() if kind in ("line", "sentence")
            or not (_LETTER.match(text, pos) and _SPELLED.search(text, start, pos))}


def segment(text: str, protected: Sequence[Source] = ()) -> list[Segment]:
    """Units of `text` in order. `protected` spans (quotes) are never cut."""
    out: list[Segment] = []
    heading = ""
    offset = 0
    dictated = len(_DICTATED_MARK.findall(text)) >= 3
    for line in text.splitlines(keepends=True):
        line_start, line_end = offset, offset + len(line.rstrip("\r\n"))
        offset += len(line)
        body = text[line_start:line_end]
        if not body.strip():
            continue
        heading_line = _HEADING_LINE.match(body)
        if heading_line:
            heading = heading_line.group(1).strip().lower()
            continue
        bullet = BULLET.match(body)
        start = line_start + (bullet.end() if bullet else 0)
        inline = _INLINE_HEADING.match(text, start, line_end)
        line_heading = inline.group(1).strip().lower() if inline else ""
        if not bullet and not line.startswith((" ", "\t")) and not inline:
            heading = ""  # a plain line ends the heading's list
        kinds = _sentence_cuts(text, start, line_end, protected, dictated)
        cuts = [start, *sorted(k for k in kinds if start < k < line_end), line_end]
        link = "line"  # the strongest boundary crossed since the last unit
        for a, b in zip(cuts, cuts[1:], strict=False):
            if a in kinds and _STRENGTH[kinds[a]] > _STRENGTH[link]:
                link = kinds[a]
            s, e = _trim(text, a, b, dictated)
            if e > s and re.search(r"\w", text[s:e]):
                out.append(Segment(s, e, text[s:e], line_heading or heading, link))
                link = ""
    return _merge_split_quotes(text, out, protected)


def _merge_split_quotes(text: str, segments: list[Segment], protected: Sequence[Source]
                        ) -> list[Segment]:
    """A quote that crosses a line break must stay in one unit."""
    merged: list[Segment] = []
    for seg in segments:
        if merged and any(s < seg.start < e or (s < merged[-1].end < e) for s, e in protected
                          if s >= merged[-1].start and e > seg.start):
            prev = merged.pop()
            seg = Segment(prev.start, seg.end, text[prev.start:seg.end], prev.heading)
        merged.append(seg)
    return merged
