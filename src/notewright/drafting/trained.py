"""Reading the trained models the package ships as JSON weights (`data/models/`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any, TypeVar

from notewright.errors import DataFileError

T = TypeVar("T")


def load_trained(name: str, build: Callable[[dict[str, Any]], T]) -> T | None:
    """The model in `data/models/<name>`, built by `build` from its JSON; None when it has
    not been trained yet (the engine then runs on its rules alone). A file that cannot be
    read is a `DataFileError` naming it."""
    path = resources.files("notewright").joinpath("data", "models", name)
    if not path.is_file():
        return None
    try:
        return build(json.loads(path.read_text("utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"models/{name}", f"unreadable model: {exc}") from None
