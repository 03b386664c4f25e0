"""notewright: progress notes drafted from the therapist's own words, a separate
psychotherapy-notes vault, and a disclosure engine that cites its rules.

Importing this package does nothing but define names; the engine loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notewright.drafting.model import Draft

__version__ = "0.1.0"
__all__ = ["__version__", "draft"]


def draft(text: str, format: str = "soap") -> Draft:
    """Draft a progress note in `format` from the therapist's description `text`.

    Raises `notewright.errors.InvalidInput` for empty, oversized or non-text input and
    `notewright.errors.UnknownFormat` for a format that no format file defines.
    """
    from notewright.drafting import draft as _draft

    return _draft(text, format)
