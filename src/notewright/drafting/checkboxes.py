"""What a pasted template's checkboxes say: "SI: [x] denied [ ] passive [ ] active" says
"SI: denied", and "Interventions: [x] Genogram [ ] Parenting skills" names one intervention.
Risk and interventions both read a description through `ticked_only`."""

from __future__ import annotations

import re

# An unticked option runs to the next box, a wide gap, a dash or the end of its list.
_UNTICKED = re.compile(r"(?:\[ ?\]|☐)[^\[\]☐☒☑\n;|,]{0,40}?"
                       r"(?=\s*(?:\[|☐|☒|☑|\s\s|[-–]\s|[,;|\n]|$))")
_TICK = re.compile(r"\[[xX✓✔]\]|☒|☑")


def ticked_only(text: str) -> str:
    """`text` with unticked checkbox options and the tick marks blanked, same length."""
    if "[" not in text and "☐" not in text and "☒" not in text and "☑" not in text:
        return text
    text = _UNTICKED.sub(lambda m: " " * len(m.group()), text)
    return _TICK.sub(lambda m: " " * len(m.group()), text)
