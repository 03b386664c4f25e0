"""Step 6: does the release go into the accounting of disclosures (45 CFR 164.528)?

Required iff at least one category is released, it is a disclosure (not a use inside the
practice), and 164.528(a)(1) does not exempt it: TPO, the client's own access (directed
copies included, A6), and authorizations are exempt. The per-basis answer is data
(matrix.toml `accounting`); the practice's own defence counsel is exempt, filing with a
tribunal or opposing counsel is not (A5: over-inclusion is harmless, omission is not).
"""

from __future__ import annotations

from notewright.disclosure.case import Case

OWN_COUNSEL = "covered_entity_defense_counsel"
# A coroner's request is a 164.512(g) disclosure whatever basis label it carries.
_CORONER_EXEMPT_BASES = frozenset({"authorization", "right_of_access", "treatment", "payment",
                                   "operations"})


def required(case: Case, released: tuple[str, ...]) -> bool:
    if not released:
        return False
    request = case.request
    if request.requester == "coroner" and request.basis not in _CORONER_EXEMPT_BASES:
        return True
    how = case.rule.accounting
    if how == "true":
        return True
    if how == "unless_own_counsel":
        role = case.facts.text("recipient_role")
        if role is not None:
            return role != OWN_COUNSEL
        return request.requester != "attorney"
    return False


def explain(case: Case, required_: bool) -> str:
    if required_:
        return ("Accounting: enter this disclosure in the client's accounting of disclosures "
                "(date, recipient, what was disclosed, purpose; 45 CFR 164.528).")
    return "Accounting: no entry needed (exempt under 45 CFR 164.528(a)(1), or nothing released)."
