"""In a real browser: a records request under a standard authorization (progress notes
and psychotherapy notes asked for; the authorization does not name psychotherapy notes)
→ every defect shown → decision table → an override that would release psychotherapy
notes is refused → confirm → packet → the downloaded PDF has the progress notes and no
psychotherapy note (read back with pypdf)."""

from __future__ import annotations

import io
from pathlib import Path

from browser_server import Server
from playwright.sync_api import Browser, expect
from pypdf import PdfReader
from test_browser_review_and_sign import sign_in

PN_TEXT = "hunch"  # the demo's psychotherapy note for Casey
SCAN = b"%PDF-1.4\n% synthetic scan of a signed authorization\n%%EOF\n"


def test_standard_authorization_yields_a_packet_without_psychotherapy_notes(
        browser: Browser, server: Server, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    sign_in(page, server, "avery")
    page.get_by_role("link", name="Clients").click()
    page.get_by_role("link", name="Casey").first.click()
    page.locator(".chart-links").get_by_role("link", name="Records requests").click()
    page.get_by_role("link", name="Record a new request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a records request")
    received = page.get_by_label("Date received").input_value()
    page.get_by_label("Name (person or office)").fill("Dr. Pat Synthetic, primary care")
    page.get_by_label("Where the packet goes").fill("1 Synthetic Way, Springfield")
    page.locator("#cat-psychotherapy_notes").check()
    page.get_by_label("Recipient it names").fill("Dr. Pat Synthetic, primary care")
    page.get_by_label("Purpose").fill("coordination of care")
    page.get_by_label("Expires (date or event)").fill("2099-01-31")
    page.get_by_label("Signed on").fill(received)
    page.get_by_label("Scanned signed document (PDF, PNG or JPEG; stored encrypted)"
                      ).set_input_files(files=[{"name": "authorization.pdf",
                                                "mimeType": "application/pdf",
                                                "buffer": SCAN}])
    page.screenshot(path=shots / "request-intake.png", full_page=True)
    page.get_by_role("button", name="Record the request and run the decision").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Records request: Casey")
    expect(page.locator("#defects .defect")).to_have_count(1)
    table = page.locator("#decision-table")
    expect(table.locator("tr[data-category=progress_notes]")).to_contain_text("release")
    expect(table.locator("tr[data-category=psychotherapy_notes]")).to_contain_text(
        "45 CFR 164.508(a)(2)")
    page.screenshot(path=shots / "request-decision.png", full_page=True)

    # An override that would release psychotherapy notes is impossible, and says so.
    page.locator("#rel-psychotherapy_notes").check()
    page.locator("#override-reason").fill("The other provider asked for everything.")
    page.get_by_role("button", name="Override").click()
    expect(page.locator("#override-refused")).to_contain_text("cannot be released by override")
    page.screenshot(path=shots / "request-override-refused.png", full_page=True)

    page.get_by_role("button", name="Confirm the decision").click()
    page.get_by_role("button", name="Build the release packet").click()
    with page.expect_download() as download:
        page.locator("a.download-pdf").first.click()
    pdf = Path(download.value.path()).read_bytes()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Will keep a mood log daily." in text or "Affect brighter" in text
    assert PN_TEXT not in text
    page.screenshot(path=shots / "request-packet.png", full_page=True)
    page.get_by_role("link", name="All open requests").click()
    page.screenshot(path=shots / "requests-open.png", full_page=True)
    page.close()
