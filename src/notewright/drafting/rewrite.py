"""Rewrite a unit into clinical register: third person, shorthand expanded, names replaced,
quotes replaced by a paraphrase or a marker. Meaning is kept and no fact is added: the
only words the engine brings are the subject a fragment lacks and the expansions of its
own abbreviation list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from notewright.drafting.lexicons import read_tsv


@dataclass(frozen=True, slots=True)
class Replacement:
    start: int  # relative to the unit
    end: int
    text: str


@cache
def _abbreviations() -> tuple[re.Pattern[str], tuple[tuple[str, bool], ...]]:
    """One pattern for the whole list (group i+1 is row i) and each row's expansion."""
    rows = []
    for _, row in read_tsv("abbreviations.tsv"):
        written = row["written"].strip()
        exact = row.get("case", "").strip() == "exact"
        rows.append((written, exact, row["expansion"].strip(),
                     row.get("subject", "").strip() == "yes"))
    # Longest first so "SI/HI" is expanded before "SI".
    rows.sort(key=lambda r: -len(re.escape(r[0])))
    alternatives = "|".join(f"({re.escape(w)})" if exact else f"((?i:{re.escape(w)}))"
                            for w, exact, _, _ in rows)
    pattern = re.compile(rf"(?<![\w/&'-])(?:{alternatives})(?![\w/&-]|'(?!s\b))")
    return pattern, tuple((expansion, subject) for _, _, expansion, subject in rows)


def _expand(text: str, client: str) -> str:
    pattern, rows = _abbreviations()

    def one(m: re.Match[str]) -> str:
        expansion, names_client = rows[(m.lastindex or 1) - 1]
        return expansion.replace("client", client.lower()) if names_client else expansion

    return pattern.sub(one, text)


_THIRD_PERSON = {
    "am": "is", "have": "has", "do": "does", "don't": "doesn't", "plan": "plans",
    "want": "wants", "need": "needs", "recommend": "recommends", "think": "thinks",
    "believe": "believes", "suggest": "suggests", "see": "sees", "hope": "hopes",
    "feel": "feels", "notice": "notices", "encourage": "encourages", "continue": "continues",
    "intend": "intends", "expect": "expects", "ask": "asks", "wonder": "wonders",
    "consider": "considers", "agree": "agrees", "remain": "remains", "use": "uses",
    "meet": "meets", "provide": "provides", "will": "will", "was": "was", "get": "gets",
    "try": "tries", "know": "knows", "find": "finds", "keep": "keeps", "worry": "worries",
    "tend": "tends", "like": "likes",
}
# "I'd suspected that for weeks": before a past participle, "I'd" is "I had" ("I'd need",
# "I'd proceed": verbs that only end like one, so "would").
_PARTICIPLE_AFTER = re.compile(r"\s+(?:(?:\w+ly|already|long|just|never|always)\s+)?"
                               r"(?:(?!(?:need|proceed|succeed|exceed|feed|heed|speed|bleed|"
                               r"breed|seed|weed|embed)\b)[a-z]+ed|been|seen|done|had|gone|known|thought|told|heard|"
                               r"felt|made|got|gotten|taken|given|forgotten|written|spoken|"
                               r"said|met|left|meant|kept|lost|missed)\b")
_CLIENT_VERBS = frozenset("""reports reported denies denied endorses endorsed states stated
presents presented appeared appears was is continues continued describes described shared
admits admitted agreed identified engaged expressed talked spoke feels felt noted notes
acknowledged acknowledges arrived came attended participated tolerated struggled remains
remained became cried laughed verbalized verbalizes declined disclosed says said has had
slept sleeping sleeps reporting denying endorsing making made seems seemed""".split())
_CLINICIAN_VERBS = frozenset("""used reviewed introduced taught provided explored processed
facilitated modeled coached utilized conducted administered assigned did ran led challenged
validated normalized reflected encouraged consulted called contacted referred gave offered
assessed screened completed discussed practiced worked met saw provided educated
psychoeducated guided helped created developed recommended filed made paused elicited
implemented initiated continued began started checked addressed focused""".split())
_FIRST_PERSON = re.compile(r"(?<![\w'])(I'm|I've|I'd|I'll|I|me|my|mine|myself|we're|we've|"
                           r"we'll|we|our|ours|us|ourselves)(?![\w'])", re.IGNORECASE)
# After "stage", "level", "part"… an "I" is a numeral unless a verb follows ("part I framed
# as…"): "Stage I breast cancer", "ASAM Level I outpatient" keep their numeral.
_VERB_AFTER = re.compile(r"\s+(?:[a-z']+ed|" + "|".join(sorted(_CLINICIAN_VERBS)) + r")\b",
                         re.IGNORECASE)
_ROMAN_I = re.compile(r"(?:bipolar|type|phase|grade|stage|class|level|axis|part)\s+$", re.I)


def _first_person(text: str, clinician: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(1)
        low = word.lower()
        if low == "i" and word == "i" and not re.search(r"\s", text[m.end():m.end() + 1] or " "):
            return word
        # All-lower-case writers type "i used…": a lone "i" before a word is the pronoun;
        # "i)" or "i." (handled above) is a list marker.
        pronoun_i = word == "i" and re.match(r"\s+[a-z']", text[m.end():]) is not None \
            and not text[:m.start()].rstrip().endswith("(")
        if low in ("i", "me", "myself") and (word in ("I", "me", "myself", "Me", "Myself")
                                             or pronoun_i):
            if word == "I" and _ROMAN_I.search(text[:m.start()]) and not _VERB_AFTER.match(
                    text, m.end()):
                return word  # "type I", "Part I of the workbook"; not "part I framed"
            if low == "i":
                following = re.match(r"\s+([a-z']+)", text[m.end():])
                if following and following.group(1) in _THIRD_PERSON:
                    return clinician + "\0"
            return clinician
        if low == "i" and word != "I":
            return word  # a lower-case "i" is more often a list marker than a pronoun
        if low == "i'd" and _PARTICIPLE_AFTER.match(text, m.end()):
            return f"{clinician} had"
        return {
            "i'm": f"{clinician} is", "i've": f"{clinician} has", "i'd": f"{clinician} would",
            "i'll": f"{clinician} will", "my": f"{clinician}'s", "mine": f"{clinician}'s",
            "we're": f"{clinician} and client are", "we've": f"{clinician} and client have",
            "we'll": f"{clinician} and client will", "we": f"{clinician} and client",
            "our": "the", "ours": "the", "us": f"{clinician} and client",
            "ourselves": f"{clinician} and client", "me": clinician, "myself": clinician,
        }.get(low, word)

    out = _FIRST_PERSON.sub(swap, text)
    # "Clinician\0 plan" → "Clinician plans": agreement for the verbs the swap flagged.
    # Only a NUL the swap put there: the description may hold NULs of its own.
    return re.sub(rf"(?<={re.escape(clinician)})\0\s+([a-z']+)",
                  lambda m: " " + _THIRD_PERSON.get(m.group(1), m.group(1)), out)


def rewrite(unit: str, replacements: Sequence[Replacement], *, kind: str,
            clinician: str, client: str, client_name: str | None,
            roles: dict[str, str]) -> str:
    text = unit
    for r in sorted(replacements, key=lambda r: -r.start):
        text = text[:r.start] + r.text + text[r.end:]
    if client_name:
        # "Mr. Lindqvist" is the client too: the title goes with the name.
        titled = rf"(?:\b(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?\s+)?\b{re.escape(client_name)}"
        text = re.sub(rf"{titled}'s\b", f"{client}'s", text)
        text = re.sub(rf"{titled}\b", client, text)
    for name, role in roles.items():
        text = re.sub(rf"\b(?:her|his|their|client'?s|pt'?s|cl'?s|{client}'s)\s+"
                      rf"((?:\w+[- ]?)?{role}),?\s+{re.escape(name)}\b", r"client's \1", text,
                      flags=re.IGNORECASE)
        text = re.sub(rf"\b{re.escape(name)}'s\b", f"client's {role}'s", text)
        text = re.sub(rf"\b{re.escape(name)}\b", f"client's {role}", text)
    text = _expand(text, client)
    # "This writer used…": the article goes with the word it stood for ("This Clinician").
    text = re.sub(r"(?<![\w])(?:(?:this|the)\s+)?writer(?![\w])", clinician, text,
                  flags=re.IGNORECASE)
    text = _first_person(text, clinician)
    text = _add_subject(text, kind, clinician, client)
    return _tidy(text, client)


def _add_subject(text: str, kind: str, clinician: str, client: str) -> str:
    m = re.match(r"([A-Za-z]+)\b", text)
    if not m:
        return text
    first = m.group(1).lower()
    if first in _CLINICIAN_VERBS and (kind in ("intervention", "plan") or
                                      first not in _CLIENT_VERBS):
        return f"{clinician} {first}{text[m.end():]}"
    if first in _CLIENT_VERBS:
        return f"{client} {first}{text[m.end():]}"
    return text


def _tidy(text: str, client: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\(\s*\(([^()]*)\)\s*\)", r"(\1)", text)
    text = re.sub(rf"\b{client.lower()}\b", client.lower(), text)
    text = re.sub(rf"(?<=[.!?] ){client.lower()}\b", client, text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?":
        text = text.rstrip(",;:-–— ") + "."
    return text
