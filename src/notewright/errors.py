"""The core's error types. One base class, so each edge (CLI, web) catches one type.

Messages say what went wrong and what to do about it. They never include note text,
descriptions or names: errors end up in logs.
"""

from __future__ import annotations

from collections.abc import Sequence


class NotewrightError(Exception):
    """Base of every error notewright raises on purpose.

    `code` is stable and machine-readable; `message` is for a person.
    """

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message}


class InvalidInput(NotewrightError):
    """Input that cannot be used: names the field (a dotted path) and what is allowed."""

    code = "invalid_input"

    def __init__(self, message: str, *, field: str | None = None,
                 allowed: Sequence[str] | None = None) -> None:
        parts = [f"{field}: {message}" if field else message]
        if allowed:
            parts.append("allowed: " + ", ".join(allowed))
        super().__init__("; ".join(parts))
        self.field = field
        self.allowed = list(allowed) if allowed else None

    def to_dict(self) -> dict[str, object]:
        d = super().to_dict()
        if self.field:
            d["field"] = self.field
        if self.allowed:
            d["allowed"] = self.allowed
        return d


class UnknownFormat(InvalidInput):
    code = "unknown_format"


class DataFileError(NotewrightError):
    """A shipped or practice-supplied data file is malformed: names file, line and field."""

    code = "data_file_error"

    def __init__(self, file: str, message: str, *, line: int | None = None,
                 field: str | None = None) -> None:
        where = file + (f":{line}" if line is not None else "")
        if field:
            where += f" [{field}]"
        super().__init__(f"{where}: {message}")
        self.file = file
        self.line = line
        self.field = field


class IllegalTransition(NotewrightError):
    """A record lifecycle step that is not allowed from the record's current state."""

    code = "illegal_transition"


class AccessDenied(NotewrightError):
    code = "access_denied"


class NotFound(NotewrightError):
    code = "not_found"


class Conflict(NotewrightError):
    """Someone else saved first (optimistic version check); nothing was overwritten."""

    code = "conflict"


class IntegrityError(NotewrightError):
    """Stored data failed verification: a broken audit chain, a ciphertext that does not
    authenticate, a backup whose manifest does not match. Never silently repaired."""

    code = "integrity_error"


class ConfigurationError(NotewrightError):
    """Bad or missing configuration: names the variable or file."""

    code = "configuration_error"
