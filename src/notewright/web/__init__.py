"""The web app: FastAPI + Jinja templates + vendored htmx; no JavaScript build step.

An adapter: routes call `notewright.practice` workflows and never re-type a business or
access rule. `create_app(settings)` in `app.py` builds it.
"""
