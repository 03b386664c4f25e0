"""WCAG 2.1 AA contrast, measured on the rendered pages in Chromium: for every element that
shows text, the computed text colour against the first opaque background behind it must
reach 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold). Every screen a role sees daily,
the psychotherapy-notes vault and the review page (with its highlights) included."""

from __future__ import annotations

import pytest
from browser_server import Server
from playwright.sync_api import Browser, Page, expect
from test_browser_review_and_sign import EXAMPLE, sign_in

# Runs in the page: every element with its own visible text, its text colour and the
# effective background (the nearest ancestor with an opaque background colour).
MEASURE = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s)); return {r: p[0], g: p[1], b: p[2],
    a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 :
    Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) +
    0.0722 * f(c.b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a >= 0.99) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const st = getComputedStyle(el); const box = el.getBoundingClientRect();
    if (st.visibility === 'hidden' || st.display === 'none' || box.width === 0 ||
        box.height === 0 || box.right < 0 || box.left < -100) continue;
    const fg = parse(st.color); const bg = background(el);
    const a = fg.a; const mixed = {r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a),
      b: fg.b * a + bg.b * (1 - a)};
    const l1 = lum(mixed), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(st.fontSize); const bold = parseInt(st.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    out.push({text: el.textContent.trim().slice(0, 40), tag: el.tagName,
              cls: el.className, ratio: Math.round(ratio * 100) / 100,
              need: large ? 3 : 4.5});
  }
  return out;
}"""


def _failures(page: Page) -> list[str]:
    found = page.evaluate(MEASURE)
    assert found, "no text measured"
    return [f"{f['tag']}.{f['cls']} {f['text']!r}: {f['ratio']} < {f['need']}"
            for f in found if f["ratio"] < f["need"]]


def test_sign_in_page_contrast(browser: Browser, server: Server) -> None:
    page = browser.new_page()
    page.goto(server.url + "/")
    assert _failures(page) == []
    page.get_by_label("Username").fill("avery")
    page.get_by_label("Password", exact=True).fill("wrong-password-xx")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert _failures(page) == []  # the error message too
    page.close()


@pytest.mark.parametrize("username, paths", [
    ("avery", ["/today", "/clients", "/account", "/vault", "/notes/new", "/requests"]),
    ("alex", ["/today", "/admin/users", "/admin/audit", "/admin/care-teams",
              "/admin/backups", "/requests"]),
    ("billie", ["/today", "/clients"]),
])
def test_daily_screens_meet_aa_contrast(browser: Browser, server: Server, username: str,
                                        paths: list[str]) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, username)
    failures = []
    for path in paths:
        page.goto(server.url + path)
        failures += [f"{path}: {f}" for f in _failures(page)]
    page.close()
    assert failures == []


def test_review_page_with_highlights_meets_aa_contrast(browser: Browser,
                                                       server: Server) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, "avery")
    page.get_by_role("link", name="Write note").first.click()
    page.get_by_label("What happened in the session, in your own words").fill(EXAMPLE)
    page.get_by_role("button", name="Draft the note").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review the draft")
    page.locator("li.statement").first.hover()  # provenance marks on the description
    assert page.locator("#description mark").count() > 0
    failures = _failures(page)
    page.close()
    assert failures == []


def test_the_measure_catches_low_contrast(browser: Browser, server: Server) -> None:
    page = browser.new_page()
    page.goto(server.url + "/")
    # The page's CSP allows no inline style: change the colour through the CSSOM instead.
    page.evaluate("document.querySelectorAll('label').forEach(l => l.style.color = '#bbb')")
    assert any("LABEL" in f for f in _failures(page))
    page.close()
