"""The app's routes as (METHOD, path) pairs, read from `app.routes` (FastAPI keeps an
included router as one entry holding the original router: flattened here), so that a
route added without a rule in the fuzz or matrix tests fails them."""

from __future__ import annotations

from typing import Any


def served_routes(app: Any) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()

    def walk(routes: Any) -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                walk(inner.routes)
                continue
            for method in getattr(route, "methods", None) or ():
                if method != "HEAD":
                    found.add((method, route.path))

    walk(app.routes)
    return found
