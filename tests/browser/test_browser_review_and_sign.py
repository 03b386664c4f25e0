"""In a real browser: sign in → new note → draft → provenance on hover and on keyboard
focus → process material to the vault → sign; a biller cannot open a note body; the vault
is unreachable for anyone but its author, also by URL; idle sign-out happens."""

from __future__ import annotations

from pathlib import Path

from browser_server import Server
from playwright.sync_api import Browser, Page, expect

EXAMPLE = (Path(__file__).parents[2] / "examples/session-description.txt").read_text()
PASSWORD = "demo-password-not-secret"
state: dict[str, str] = {}


def sign_in(page: Page, server: Server, username: str) -> None:
    page.goto(server.url + "/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")


def test_describe_review_provenance_vault_and_sign(browser: Browser, server: Server,
                                                  shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, "avery")
    page.screenshot(path=shots / "today.png", full_page=True)
    page.get_by_role("link", name="Write note").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New progress note")
    # Keyboard only from here: type the description, tab to the button, press Enter.
    page.get_by_label("What happened in the session, in your own words").focus()
    page.keyboard.insert_text(EXAMPLE)
    page.screenshot(path=shots / "new-note.png", full_page=True)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Draft the note")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review the draft")
    state["note_url"] = page.url.removesuffix("/review")

    marks = page.locator("#description mark")
    # Hover: the PHQ-9 statement lights up its source words.
    page.locator("li.statement", has_text="PHQ-9 = 12").hover()
    expect(marks).to_have_text(["PHQ-9 = 12 (down from 17)."])
    # Keyboard focus does the same.
    page.locator("li.statement textarea").filter(has_text="Affect brighter").focus()
    expect(marks).to_have_text(["Affect brighter, good eye contact."])
    page.screenshot(path=shots / "review-provenance.png", full_page=True)

    # Process material → the psychotherapy-notes vault, one click.
    item = page.locator(".withheld-item", has_text="impatient")
    item.get_by_role("button", name="Move to psychotherapy notes").click()
    expect(page.locator(".withheld-item", has_text="impatient")).to_have_count(0)
    expect(page.locator("#decided")).to_contain_text("moved to vault")
    # Accept the paraphrase of the withheld quote.
    page.get_by_role("button", name="Accept paraphrase").click()
    expect(page.locator("#decided")).to_contain_text("paraphrase accepted")
    # Edit a statement; autosave confirms.
    box = page.locator("li.statement textarea").filter(has_text="Follow-up 1 week.")
    box.fill("Follow-up in 1 week, same time.")
    expect(page.locator("#save-status")).to_contain_text("Saved at", timeout=5000)
    page.screenshot(path=shots / "review-after-vault.png", full_page=True)
    page.get_by_role("button", name="Sign and lock the note").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("signed")
    expect(page.locator("article")).to_contain_text("Follow-up in 1 week, same time.")
    expect(page.locator("body")).not_to_contain_text("impatient")
    page.screenshot(path=shots / "signed-note.png", full_page=True)

    # The vault: password again, then Avery's own notes in their own panel.
    page.get_by_role("link", name="Psychotherapy notes").click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Open psychotherapy notes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your psychotherapy notes")
    links = page.locator(".pn-panel a[href^='/vault/']")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    texts = {}
    for href in hrefs:
        page.goto(server.url + href)
        texts[href] = page.locator(".pn-text").inner_text()
    moved = next(h for h, t in texts.items() if "impatient" in t)
    state["pn_url"] = moved
    page.goto(server.url + moved)
    page.screenshot(path=shots / "psychotherapy-note.png", full_page=True)
    page.goto(server.url + "/clients")
    page.get_by_role("link", name="Rivera, Casey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casey Rivera")
    expect(page.locator("body")).not_to_contain_text("impatient")
    page.screenshot(path=shots / "chart.png", full_page=True)
    page.close()


def test_biller_cannot_open_a_note_body(browser: Browser, server: Server,
                                        shots: Path) -> None:
    assert "note_url" in state, "runs after the signing test"
    context = browser.new_context(viewport={"width": 1024, "height": 768})  # tablet
    page = context.new_page()
    sign_in(page, server, "billie")
    page.goto(state["note_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Not available to your role")
    expect(page.locator("body")).not_to_contain_text("Follow-up in 1 week")
    page.screenshot(path=shots / "biller-refused.png", full_page=True)
    context.close()


def test_vault_is_unreachable_for_anyone_but_the_author(browser: Browser,
                                                        server: Server) -> None:
    assert "pn_url" in state, "runs after the signing test"
    for username in ("blake", "sam", "alex", "billie"):
        context = browser.new_context()
        page = context.new_page()
        sign_in(page, server, username)
        response = page.goto(server.url + state["pn_url"])
        assert response is not None and response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
        expect(page.locator("body")).not_to_contain_text("impatient")
        context.close()


def test_idle_sign_out(browser: Browser, short_idle_server: Server, shots: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, short_idle_server, "avery")
    # No activity for the configured 3 seconds: the page follows the server's sign-out.
    expect(page.locator(".notice")).to_contain_text("signed out", timeout=10_000)
    page.screenshot(path=shots / "idle-signed-out.png", full_page=True)
    page.goto(short_idle_server.url + "/today")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    context.close()
