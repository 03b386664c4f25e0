"""From the therapist's description to a draft: segment, find quotes, process material,
risk and measures, classify each unit, rewrite it, and place it in the format's sections.

Provenance is kept at every step: a statement's sources are the unit's range minus any
withheld words, so nothing in the note is unsupported and no statement cites withheld text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from notewright.drafting.checkboxes import ticked_only
from notewright.drafting.checks import IMPLIED_BY, audit_warnings
from notewright.drafting.classify import classify
from notewright.drafting.formats import NoteFormat
from notewright.drafting.interventions import find_interventions, names_next_steps, opens_plan
from notewright.drafting.measures import describe, find_measures
from notewright.drafting.model import (
    PROCESS,
    Draft,
    Measure,
    Risk,
    Section,
    Source,
    Statement,
    Withheld,
)
from notewright.drafting.names import find_names
from notewright.drafting.process_material import process_cue, shared_with_client
from notewright.drafting.quotes import Quote, find_quotes, paraphrase
from notewright.drafting.rewrite import Replacement, rewrite
from notewright.drafting.risk import assess, mentions
from notewright.drafting.segment import Segment, segment

# "Her teasing has an edge - watch.": a bare note to self makes the line before it private.
# So is a bare reaction written as the next sentence ("Interpreter looked wrecked. So did I,
# honestly."): it cannot stand alone, and it makes the short line before it the clinician's.
_NOTE_TO_SELF = re.compile(r"^\W*(?:careful|watch(?: that| this| it| myself)?|note to self|"
                           r"hold (?:for now|that thought)|not saying (?:it )?yet|"
                           r"not raising (?:it )?(?:yet)?|so did I(?:,? honestly)?|same here|"
                           r"my bias|that'?s what gets (?:to )?me|my stuff(?:,? probably)?)\W*$",
                           re.IGNORECASE)
# A thought the clinician says they are keeping from the client points back at it: "Rob vs
# Tyler is the dance, Denise the shock absorber. do I say that out loud yet?"
_HELD_BACK = re.compile(r"\b(?:not ready to \w+ (?:it|this|that)|do I \w+ (?:it|this|that)|"
                        r"not the (?:time|moment|place) to \w+ (?:it|this|that)|"
                        r"hold (?:that|this|it) for now|(?:haven'?t|have not|not yet) "
                        r"(?:said|raised|shared|named|voiced) (?:it|this|that)|"
                        r"not (?:saying|raising|naming|asking|pushing) (?:it |this |that )?yet)\b",
                        re.IGNORECASE)
# "He might be more depressed than he's letting on, I think - too soon to tell.": a hedge
# that takes the guess back marks the guess before it as private, when it is a guess.
_RETRACTING = re.compile(r"^\W*(?:(?:it'?s |it is )?too (?:early|soon) to (?:tell|say|know)|"
                         r"(?:\.+\s*)?(?:maybe,? )?or maybe (?:it'?s|it is|this is|that'?s) "
                         r"(?:just|only|nothing|simply))\b", re.IGNORECASE)
# "K. plays to the room, all about mom, I'd put money on it": a wager after the clauses
# makes them the clinician's guess, hedged or not.
_BETTING = re.compile(r"\W*(?:and )?(?:I'?d (?:bet|put money) on it|no doubt about it|no doubt)\b",
                      re.IGNORECASE)
_SPECULATIVE = re.compile(r"\b(?:might|may|could) (?:just )?be\b|\bperhaps\b|\bmaybe\b",
                          re.IGNORECASE)
# ... unless the guess is about the treatment plan, which 164.501 keeps in the record ("may
# be ready to step down to biweekly - too early to say").
_TREATMENT_PLAN = re.compile(r"\b(?:step(?:ping|ped)? (?:down|up)|(?:bi)?weekly|monthly|frequency|"
                             r"taper\w*|discharg\w*|terminat\w*|refer\w*|medications?|meds?|"
                             r"dose|dosage|level of care|IOP|PHP|inpatient|hospital\w*|"
                             r"diagnos\w*|dx|goals?)\b", re.IGNORECASE)
# ... but not a report of what the client said or did.
_REPORTED = re.compile(r"\b(?:reports?|reported|states?|stated|says|said|denie[sd]|describe[sd]|"
                       r"endorse[sd]|presents?|presented)\b", re.IGNORECASE)
# A lower-case scrap after the clinician's own thought goes on with it ("still sitting with
# that. not yet.").
_SCRAP = re.compile(r"^[a-z](?=.*\b(?:that|it|this|yet|again|me|my|though)\b)[^.?!]*[.?!]*$")
# A risk level is clinical judgement, even run on from a private aside with no punctuation
# ("i was more anxious than she was tbh risk low to mod not imminent").
_RISK_JUDGEMENT = re.compile(r"\brisk\b", re.IGNORECASE)


def subtract(span: Source, holes: Sequence[Source]) -> tuple[Source, ...]:
    """`span` minus the `holes`, as non-empty ranges that hold at least one word character."""
    pieces = [span]
    for h_start, h_end in sorted(holes):
        next_pieces = []
        for s, e in pieces:
            if h_end <= s or h_start >= e:
                next_pieces.append((s, e))
                continue
            if h_start > s:
                next_pieces.append((s, h_start))
            if h_end < e:
                next_pieces.append((h_end, e))
        pieces = next_pieces
    return tuple(p for p in pieces if p[1] > p[0])


def _meaningful(text: str, spans: Sequence[Source]) -> tuple[Source, ...]:
    return tuple((s, e) for s, e in spans if re.search(r"\w", text[s:e]))


def _risk_statement(risk: Risk, sources: dict[str, list[Source]],
                    inferred: Mapping[str, str]) -> list[Statement]:
    def ideation(field: str, kind: str) -> str | None:
        value = getattr(risk, field)
        if field in inferred:
            # Implied, not named: say by what, so it is confirmed, not copied.
            return (f"{kind} ideation not named, but {IMPLIED_BY[inferred[field]]}; recorded "
                    f"as {value.removeprefix('endorsed_')} {kind} ideation pending "
                    "the clinician's confirmation")
        return {"endorsed_active": f"active {kind} ideation endorsed",
                "endorsed_passive": f"passive {kind} ideation endorsed",
                "denied": f"{kind} ideation denied"}.get(value)

    si = ideation("suicidal_ideation", "suicidal")
    hi = ideation("homicidal_ideation", "homicidal")
    harm = {"current": "recent self-harm reported", "history": "history of self-harm",
            "denied": "self-harm denied"}.get(risk.self_harm)
    parts = [p for p in (si, hi, harm) if p]
    if risk.abuse_disclosure:
        parts.append("abuse or neglect disclosed (review mandated-reporting obligations)")
    out = []
    if parts:
        cited = sorted({s for key in sources for s in sources[key]})
        out.append(Statement("Risk assessment: " + "; ".join(parts) + ".", tuple(cited)))
    missing = [label for label, value in (("suicidal ideation", risk.suicidal_ideation),
                                           ("homicidal ideation", risk.homicidal_ideation),
                                           ("self-harm", risk.self_harm))
               if value == "not_mentioned"]
    if missing:
        # A notice about the description, not a finding: it cites nothing.
        out.append(Statement("Not assessed in this description: " + ", ".join(missing) + ".",
                             ()))
    return out


def build(text: str, fmt: NoteFormat) -> Draft:
    quotes = find_quotes(text)
    segments = segment(text, protected=[(q.start, q.end) for q in quotes])
    measures = find_measures(text)
    client_name, roles = find_names(text)
    quoted_phrases = _quoted_phrases(text, quotes)

    placed: dict[str, list[tuple[int, Statement]]] = {s.key: [] for s in fmt.sections}
    withheld: list[Withheld] = []
    interventions: list[str] = []
    measure_spans = [m.sources[0] for m in measures]
    stated_measures: set[Source] = set()

    masks = [masked_unit(text, seg, [q for q in quotes if seg.start <= q.start < seg.end])
             for seg in segments]
    kinds = _unit_kinds(text, segments, masks, measures)
    hunches: set[int] = set()  # withheld units that are the clinician's private hunch
    in_plan = False  # the unit belongs to a plan or homework line
    for index, seg in enumerate(segments):
        in_unit = _measures_in(seg, measures)
        unit_quotes = [q for q in quotes if seg.start <= q.start < seg.end]
        masked, kind = masks[index], kinds[index]
        # "Plan: OB appt Fri; revisit exposure in 2 wks": the label governs its sentence, a
        # heading the lines under it.
        in_plan = (names_next_steps(masked) or (seg.under_plan and seg.joined == "line")
                   or (in_plan and seg.same_sentence))
        if kind == PROCESS:
            cue = process_cue(masked)
            if cue is not None and cue[0] == "hypothesis":
                hunches.add(index)
            # 164.501: test results are never psychotherapy-note content, so a score in a
            # withheld unit is carved out and stated in the note.
            holes = [m.sources[0] for m in in_unit]
            sources = _meaningful(text, subtract((seg.start, seg.end), holes))
            if sources:
                withheld.append(Withheld("psychotherapy_note", sources,
                                         text[seg.start:seg.end]))
            for m in in_unit:
                placed[fmt.section_for("measure")].append(
                    (m.sources[0][0], Statement(describe(m), m.sources)))
                stated_measures.add(m.sources[0])
            continue
        # The masked unit: words inside a quote are the client's, not what was done. A plan
        # or homework line names what comes next unless it says what was done here; the
        # next clause of the sentence can take back what was offered ("; she declined").
        following = (masks[index + 1] if index + 1 < len(segments)
                     and segments[index + 1].same_sentence else "")
        preceding = masks[index - 1] if index and seg.same_sentence else ""
        for name, _, _ in find_interventions(ticked_only(masked), plan_line=in_plan,
                                             following=following,
                                             preceding=preceding,
                                             after_unit=text[seg.end:seg.end + 24]):
            if name not in interventions:
                interventions.append(name)
        statement = _statement(text, seg, kind, unit_quotes, withheld, fmt, client_name, roles,
                               _echoes(text, seg, quotes, quoted_phrases))
        if statement is not None:
            placed[fmt.section_for(kind)].append((seg.start, statement))
        for m in in_unit:
            stated_measures.add(m.sources[0])
    for m in measures:
        if not m.valid and m.sources[0] not in stated_measures:
            placed[fmt.section_for("measure")].append((m.sources[0][0],
                                                        Statement(describe(m), m.sources)))

    # Risk is read from everything the client said, even when the clinician wrote it inside
    # their own reaction ("I froze when she said she has been looking up pills"): a missed
    # endorsement is the worst error. Only a private hunch ("I suspect she is hiding SI")
    # is not a finding about the client. Sources inside withheld words are cut away below.
    clinical: list[Source] = []
    for index, seg in enumerate(segments):
        if index in hunches:
            continue
        if clinical and seg.joined == "clause" and text[clinical[-1][1]:seg.start].strip() in "-–—":
            # "SI/HI screen - safety: denies": a dash carries the sentence on, and so
            # does what a risk word's context can reach.
            clinical[-1] = (clinical[-1][0], seg.end)
        else:
            clinical.append((seg.start, seg.end))
    risk, risk_sources, inferred = assess(text, clinical,
                                          [(q.inner_start, q.inner_end) for q in quotes])
    holes = [s for w in withheld for s in w.sources]
    risk_sources = {key: [piece for u in spans for piece in _meaningful(text, subtract(u, holes))]
                    for key, spans in risk_sources.items()}
    risk_lines = _risk_statement(risk, risk_sources, inferred)
    sections = []
    for spec in fmt.sections:
        statements = [s for _, s in sorted(placed[spec.key], key=lambda p: p[0])]
        if spec.key == fmt.risk_section:
            statements = risk_lines + statements
        sections.append(Section(spec.key, spec.title, tuple(statements)))
    del measure_spans
    warnings = audit_warnings(kinds=kinds, interventions=interventions, risk=risk,
                              inferred=inferred, measures=measures,
                              words=len(re.findall(r"\w+", text)))
    return Draft(
        format=fmt.name, sections=tuple(sections), text=render(sections),
        withheld=tuple(sorted(withheld, key=lambda w: w.sources[0])), risk=risk,
        interventions=tuple(interventions), measures=tuple(measures),
        warnings=tuple(warnings),
    )


def _risk_paraphrase(words: str) -> str | None:
    """What a quote says about risk, read by the risk engine itself ("I'll just walk out
    into the lake tonight" carries suicidal ideation even though no paraphrase row names
    lakes); the paraphrase table covers the rest."""
    said = [m for m in mentions(words, [(0, len(words))]) if m.status == "affirmed"]
    if any(m.target == "si" and m.grade == "active" for m in said):
        return "expressed thoughts of suicide"
    if any(m.target == "si" for m in said):
        return "expressed a wish to be dead"
    if any(m.target == "hi" for m in said):
        return "expressed anger with thoughts of harm toward another person"
    return None


def _quoted_phrases(text: str, quotes: Sequence[Quote]) -> set[str]:
    """The quoted phrases of three or more words, once per draft."""
    phrases = {q.words(text).strip(" .,;:!?").lower() for q in quotes}
    return {p for p in phrases if len(p.split()) >= 3}


def _echoes(text: str, seg: Segment, quotes: Sequence[Quote],
            phrases: set[str]) -> list[Source]:
    """Where a quoted phrase of three or more words comes back unquoted ("she called it
    'the Gray Coat' - and I asked how the Gray Coat has tried…"): still the client's words."""
    found: list[Source] = []
    for phrase in phrases:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text[seg.start:seg.end],
                             re.IGNORECASE):
            at = seg.start + m.start()
            if not any(q.start <= at < q.end for q in quotes):
                found.append((at, seg.start + m.end()))
    return sorted(found)


def _statement(text: str, seg: Segment, kind: str, unit_quotes: Sequence[Quote],
               withheld: list[Withheld], fmt: NoteFormat, client_name: str | None,
               roles: dict[str, str], echoes: Sequence[Source] = ()) -> Statement | None:
    replacements = []
    holes = []
    for start, end in echoes:
        holes.append((start, end))
        replacements.append(Replacement(start - seg.start, end - seg.start,
                                        f"({fmt.client_term.lower()}'s phrase)"))
    for q in unit_quotes:
        words = q.words(text)
        suggestion = _risk_paraphrase(words) or paraphrase(words)
        withheld.append(Withheld("verbatim", (q.withheld_span,), words, suggestion))
        holes.append((q.start, q.end))
        marker = f"(paraphrased: {suggestion})" if suggestion else "(direct quote withheld)"
        inner_parens = text[q.start - 1:q.start] == "(" and text[q.end:q.end + 1] == ")"
        replacements.append(Replacement(q.start - seg.start, q.end - seg.start,
                                        marker[1:-1] if inner_parens else marker))
    sources = _meaningful(text, subtract((seg.start, seg.end), holes))
    if not sources and unit_quotes:
        # The unit is nothing but a quote (after "Quote:" or "Verbatim:"): keep the cue
        # words as the source and state that the client's words were withheld.
        cues = tuple((q.start, q.inner_start) for q in unit_quotes if q.inner_start > q.start)
        holes_inner = [q.withheld_span for q in unit_quotes]
        cues = tuple(p for c in cues for p in subtract(c, holes_inner))
        sources = _meaningful(text, cues)
        if sources:
            said = [w.suggestion for w in withheld[-len(unit_quotes):] if w.suggestion]
            tail = f" (paraphrase: {said[0]})" if said else ""
            return Statement(f"{fmt.client_term}'s own words were withheld as a direct "
                             f"quote{tail}.", sources)
    if not sources:
        return None
    written = rewrite(seg.text, replacements, kind=kind, clinician=fmt.clinician_term,
                      client=fmt.client_term, client_name=client_name, roles=roles)
    return Statement(written, sources)


def _unit_kinds(text: str, segments: Sequence[Segment], masks: Sequence[str],
                measures: Sequence[Measure]) -> list[str]:
    """The kind of each unit: the classifier's call, then the clinician's own thought
    followed across the units of one sentence, forwards and back."""
    kinds: list[str] = []
    aside = False  # the last unit is the clinician's thought set into a clinical sentence
    for index, seg in enumerate(segments):
        has_measure = bool(_measures_in(seg, measures))
        # Only a question asks whether it mentions risk ("SI?" is a screen, not a musing).
        has_risk = masks[index].rstrip().endswith(("?", "?)")) and bool(
            mentions(text, [(seg.start, seg.end)]))
        kind = classify(masks[index], seg.heading, index / max(1, len(segments) - 1),
                        has_measure=has_measure, has_risk=has_risk,
                        previous=masks[index - 1] if index else "")
        if (kinds and kinds[-1] == PROCESS and not aside and _carries_on(seg, masks[index])
                and not has_measure and not _RISK_JUDGEMENT.search(masks[index])
                and not _said_back(masks[index])
                and not find_interventions(masks[index])  # what was done is not private
                and not mentions(text, [(seg.start, seg.end)])):
            # "I felt impatient - need to watch that", "Between us, I think he is testing
            # me": the clinician's own thought goes on past the dash or the comma. But
            # "he described the fight - this is where he scared me - and has a tire iron in
            # his trunk": after an aside, the clinical sentence resumes.
            kind = PROCESS
        if (kinds and kinds[-1] == PROCESS and seg.joined == "sentence"
                and (_one_aside(text, segments[index - 1], seg)
                     or (_SCRAP.match(masks[index]) and len(masks[index].split()) <= 4))
                and not has_measure and not find_interventions(masks[index])
                and not mentions(text, [(seg.start, seg.end)])):
            kind = PROCESS
        # An aside goes on through its own clauses ("— I had to steady myself; it was the
        # unit where my mother died — and then went quiet"): the sentence still resumes.
        aside = kind == PROCESS and seg.joined in ("clause", "subject") and bool(kinds) and (
            kinds[-1] != PROCESS or aside)
        kinds.append(kind)
    for index in range(len(segments) - 1):
        if (kinds[index] == PROCESS and masks[index].rstrip().endswith("?")
                and _ANSWER_NEXT.match(text, segments[index + 1].start)
                and not _strong_cue(masks[index])):
            # "Thought about how? Shook head.", "Anyone at home hurting him? 'No'.": a
            # question answered in the next breath was put to the client, not a musing.
            # ("Am I even helping her? No." is the clinician asking and answering: its cue
            # keeps it private.)
            kinds[index] = "screening"
    for index in range(len(segments) - 1, 0, -1):
        seg, before = segments[index], segments[index - 1]
        note_to_self = _NOTE_TO_SELF.match(masks[index]) is not None
        bare = _BARE_REACTION.match(masks[index - 1]) is not None or (
            seg.joined in ("clause", "subject") and _WATCHING.match(masks[index - 1]) is not None
            and _I_FOLLOWS.match(masks[index]) is not None)
        if (kinds[index] == PROCESS and _strong_cue(masks[index])
                and (seg.joined in ("clause", "subject")
                     or (note_to_self and _one_aside(text, before, seg)) or bare)
                and kinds[index - 1] != PROCESS
                and (_weak_cue(masks[index - 1]) or note_to_self or bare)
                and not find_interventions(masks[index - 1])  # what was done is not private
                and not _measures_in(before, measures)
                and not mentions(text, [(before.start, before.end)])):
            # "I think his lateness is a test, but I haven't said this": the private
            # thought is named as such only after it is written.
            kinds[index - 1] = PROCESS
    for index in range(1, len(segments)):
        if kinds[index - 1] != PROCESS or segments[index].joined not in ("clause", "subject"):
            continue
        hunch = process_cue(masks[index - 1])
        if (hunch is None or hunch[0] in ("hypothesis", "weak")) and _said_back(masks[index]):
            # "I think his insistence on being fine protects him from an old grief, and I
            # said something close to that to him": a formulation offered, not private.
            kinds[index - 1] = "assessment"
    _reach_back_from_held(text, segments, masks, measures, kinds)
    return kinds


def _reach_back_from_held(text: str, segments: Sequence[Segment], masks: Sequence[str],
                          measures: Sequence[Measure], kinds: list[str]) -> None:
    """The sentence before "not ready to name it" on the same line is the thought held
    back, and so are the clauses of that sentence; a report of the client's is not."""
    for index in range(len(segments) - 1, 0, -1):
        held = _HELD_BACK.search(masks[index]) or _BETTING.match(masks[index])
        retracting = _RETRACTING.match(masks[index]) is not None
        if kinds[index] != PROCESS or not retracting and (held is None or held.start() > 4):
            continue  # "I wonder if …, not raising yet" holds back its own thought
        at = index
        while at > 0 and segments[at].joined != "line":
            before = segments[at - 1]
            if (kinds[at - 1] == PROCESS and before.joined in ("clause", "subject")
                    and len(masks[at - 1].split()) <= 3):
                at -= 1  # "…, I think — not ready to name that": past the hedge, the thought
                continue
            if (kinds[at - 1] == PROCESS or _REPORTED.search(masks[at - 1])
                    or retracting and (not _SPECULATIVE.search(masks[at - 1])
                                       or _TREATMENT_PLAN.search(masks[at - 1]) is not None)
                    or opens_plan(masks[at - 1]) or before.heading
                    or find_interventions(masks[at - 1]) or _measures_in(before, measures)
                    or mentions(text, [(before.start, before.end)])):
                break
            kinds[at - 1] = PROCESS
            at -= 1
            if segments[at].joined not in ("clause", "subject"):
                break


_ANSWER_NEXT = re.compile(r"\W*(?:no|yes|nope|yeah|yep|never|not really|sometimes|a couple "
                          r"(?:of )?times|nodded|nods|shook (?:(?:her|his|their) )?head|"
                          r"shrugged)\b", re.IGNORECASE)
_SAID_BACK = re.compile(r"\b(?:that|this|it|as much|so)\b", re.IGNORECASE)


def _said_back(masked: str) -> bool:
    """"…, and I said something close to that to him": the thought before, said aloud."""
    return _SAID_BACK.search(masked) is not None and shared_with_client(masked)


# "Tired. Hard to track him today.": one word of the clinician's state, then its reason.
_BARE_REACTION = re.compile(r"^\W*(?:tired|bored|drained|exhausted|irritated|annoyed|"
                            r"frustrated|impatient|distracted|uneasy)\W*$", re.IGNORECASE)
# "Watching the mother's face fall as Zoe pushed her plate away, I felt my own stomach
# tighten": a participle with no subject of its own borrows the clinician's "I" that follows.
_WATCHING = re.compile(r"^\W*(?:watching|listening to|hearing|seeing|sitting with|noticing)\b",
                       re.IGNORECASE)
_I_FOLLOWS = re.compile(r"^\W*I\b")


def _one_aside(text: str, before: Segment, seg: Segment) -> bool:
    """"(Interpreter looked wrecked. So did I, honestly.)": both units in one parenthesis."""
    opened = text.rfind("(", max(0, before.start - 2), before.start + 2)
    return opened >= 0 and not re.search(r"[)\n]", text[opened:seg.start])


def _measures_in(seg: Segment, measures: Sequence[Measure]) -> list[Measure]:
    return [m for m in measures if seg.start <= m.sources[0][0] < seg.end]


def _weak_cue(masked: str) -> bool:
    cue = process_cue(masked)
    return cue is not None and not cue[1]


def _strong_cue(masked: str) -> bool:
    cue = process_cue(masked)
    return cue is not None and cue[1]


def _carries_on(seg: Segment, masked: str) -> bool:
    return seg.joined == "clause" or (seg.joined == "subject" and _weak_cue(masked))


def masked_unit(text: str, seg: Segment, unit_quotes: Sequence[Quote]) -> str:
    """The unit with quoted words replaced: a client's "I" is not the clinician's."""
    out = seg.text
    for q in sorted(unit_quotes, key=lambda q: -q.inner_start):
        a, b = q.inner_start - seg.start, q.inner_end - seg.start
        out = out[:a] + "quoted words" + out[b:]
    return out


def render(sections: Sequence[Section]) -> str:
    blocks = []
    for section in sections:
        body = " ".join(s.text for s in section.statements) or "Nothing in the description."
        blocks.append(f"{section.title.upper()}\n{body}")
    return "\n\n".join(blocks)


__all__ = ["Measure", "build", "render", "subtract"]
