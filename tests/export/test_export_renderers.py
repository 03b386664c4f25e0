"""The renderers on their own: the FHIR bundle validates (and a psychotherapy note that
slipped past `assemble` is refused), the PDF falls back to Helvetica with a note."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from notewright.export import fhir, pdf
from notewright.export.packet import PacketContents, PsychotherapyNoteDoc

AT = datetime(2026, 3, 3, 12, tzinfo=UTC)
BASE = PacketContents(
    packet_id="p", practice_name="Cedar Lane — Zoë's practice", client_id="c",
    client_name="Zoë Rivera", client_birth_date=date(1991, 4, 12), request_id="r",
    requester_name="Dr. Quinn Hale", recipient_address="", basis="authorization",
    received_on=date(2026, 3, 2), built_on=date(2026, 3, 3), rule_version="v",
    review="confirmed", requested=("progress_notes",), released=("progress_notes",),
    refused=(), authorization={"expires": "2026-12-31", "recipient": "Dr. Quinn Hale",
                               "signed_date": "2026-01-15"}, authorization_id="a")


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_bundle_validates_and_carries_consent_and_provenance() -> None:
    import json

    from fhir.resources.R4B.bundle import Bundle

    data = fhir.render_bundle(BASE, built_at=AT)
    bundle = Bundle.model_validate(json.loads(data))
    kinds = [e.resource.get_resource_type() for e in bundle.entry or []]
    assert kinds == ["Patient", "Consent", "Provenance"]


def test_a_psychotherapy_note_the_decision_did_not_release_is_refused_by_the_renderer(
        ) -> None:
    leaked = replace(BASE, psychotherapy_notes=(PsychotherapyNoteDoc(
        "x", date(2026, 1, 5), "Dr A", "text"),))
    with pytest.raises(fhir.PacketError):
        fhir.render_bundle(leaked, built_at=AT)


def test_unicode_survives_with_dejavu_and_helvetica_is_the_fallback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Zoë" in _text(pdf.render_packet(BASE))
    pdf.fonts.cache_clear()
    monkeypatch.setattr(pdf, "FONT_DIRS", (Path("/nonexistent"),))
    try:
        text = _text(pdf.render_packet(BASE))
        assert "DejaVuSans.ttf not found" in text
    finally:
        pdf.FONT_NOTE = ""
        pdf.fonts.cache_clear()
