"""Release packets and accounting reports as PDF (ReportLab platypus).

Unicode: DejaVuSans is registered from the system fonts when present (Debian's
fonts-dejavu-core); otherwise the built-in Helvetica is used and `FONT_NOTE` says that
characters outside Latin-1 may not show. Nothing here reads the store or the clock.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from notewright.export.packet import PART2_NOTICE, NoteDoc, PacketContents
from notewright.records.requests_accounting import CATEGORY_WORDS, AccountingEntry

if TYPE_CHECKING:  # reportlab is imported only when a PDF is made (CLI cold start)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Flowable

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_NOTE = ""


@cache
def fonts() -> tuple[str, str]:
    """(regular, bold) font names; registers DejaVu once if the files exist."""
    global FONT_NOTE
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold"
    FONT_NOTE = ("DejaVuSans.ttf not found (install fonts-dejavu-core): this PDF uses "
                 "Helvetica, and characters outside Latin-1 may not show.")
    return "Helvetica", "Helvetica-Bold"


class _Doc:
    """Paragraph styles and a story being built."""

    def __init__(self) -> None:
        from reportlab.lib.styles import ParagraphStyle

        regular, bold = fonts()
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5,
                                   spaceAfter=3)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=bold, fontSize=14,
                                 leading=18, spaceBefore=4, spaceAfter=6)
        self.h2 = ParagraphStyle("h2", parent=self.body, fontName=bold, fontSize=11.5,
                                 leading=15, spaceBefore=8, spaceAfter=4)
        self.h3 = ParagraphStyle("h3", parent=self.body, fontName=bold, fontSize=10,
                                 leading=13, spaceBefore=6, spaceAfter=2)
        self.story: list[Flowable] = []

    def p(self, text: str, style: ParagraphStyle | None = None) -> None:
        from reportlab.platypus import Paragraph

        self.story.append(Paragraph(escape(text), style or self.body))

    def bullets(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.p("\u2022 " + line)

    def space(self, height: float = 6) -> None:
        from reportlab.platypus import Spacer

        self.story.append(Spacer(1, height))

    def page_break(self) -> None:
        from reportlab.platypus import PageBreak

        self.story.append(PageBreak())

    def render(self, title: str, footer: str) -> bytes:
        from reportlab.lib.pagesizes import LETTER
        from reportlab.lib.units import inch
        from reportlab.platypus import SimpleDocTemplate

        regular, _ = fonts()
        buf = io.BytesIO()

        def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
            canvas.saveState()
            canvas.setFont(regular, 7.5)
            canvas.drawString(0.75 * inch, 0.5 * inch, f"{footer}  \u2014  page {doc.page}")
            canvas.restoreState()

        SimpleDocTemplate(buf, pagesize=LETTER, title=title, author="notewright",
                          leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                          topMargin=0.75 * inch, bottomMargin=0.75 * inch,
                          invariant=1).build(self.story, onFirstPage=on_page,
                                             onLaterPages=on_page)
        return buf.getvalue()


def _words(category: str) -> str:
    return CATEGORY_WORDS.get(category, category.replace("_", " "))


def _iso(value: date | None) -> str:
    return value.isoformat() if value else "\u2014"


def _cover(d: _Doc, c: PacketContents) -> None:
    d.p(c.practice_name, d.h1)
    d.p(f"Records release \u2014 cover letter, {c.built_on.isoformat()}", d.h2)
    d.p(f"To: {c.requester_name}" + (f", {c.recipient_address}" if c.recipient_address
                                      else ""))
    d.p(f"Client: {c.client_name} (born {c.client_birth_date.isoformat()})")
    d.p(f"Request {c.request_id}, received {c.received_on.isoformat()}; basis: "
        f"{c.basis.replace('_', ' ')}. Dates asked for: {_iso(c.date_from)} to "
        f"{_iso(c.date_to)}.")
    d.p(f"Packet {c.packet_id}. Decided under notewright disclosure rules "
        f"{c.rule_version}; decision {c.review} by the treating clinician.")
    d.p("Released", d.h2)
    if c.released:
        d.bullets(_words(cat) + (" (none held in this record system)"
                                 if cat in c.not_held else "") for cat in c.released)
    else:
        d.p("Nothing is released in response to this request. This letter is the written "
            "denial.")
    if c.refused:
        d.p("Refused, and why", d.h2)
        for r in c.refused:
            d.p(f"{_words(r.category)} \u2014 {r.explanation} ({r.cite}; reason code "
                f"{r.reason_code})")
    d.p("Contents of this packet", d.h2)
    d.bullets([f"{len(c.notes)} signed progress notes, with their amendments and addenda",
               f"{len(c.plans)} treatment plans", f"{len(c.billing)} billing entries",
               *([f"{len(c.psychotherapy_notes)} psychotherapy notes (separate section)"]
                 if "psychotherapy_notes" in c.released else [])])
    if c.part2_notice:
        d.p("Notice to the recipient", d.h2)
        d.p(PART2_NOTICE)
    if FONT_NOTE:
        d.p(FONT_NOTE, d.small)


def _note(d: _Doc, n: NoteDoc) -> None:
    d.p(f"Progress note \u2014 session of {n.session_date.isoformat()} ({n.format.upper()}"
        + (f", CPT {n.cpt_code}" if n.cpt_code else "") + f") \u2014 {n.id}", d.h3)
    if n.amendment_reason:
        d.p(f"Amended version. Reason for the amendment: {n.amendment_reason}", d.small)
    for name, lines in n.sections:
        d.p(f"{name.replace('_', ' ').title()}: " + " ".join(lines))
    signed = (f"{n.signed_at:%Y-%m-%d %H:%M} UTC" if n.signed_at else "\u2014")
    signer = n.signed_by or "\u2014"
    d.p(f"Signed: {signer}, {signed}    Signature: ______________________")
    if n.cosigned_by and n.cosigned_at:
        d.p(f"Co-signed: {n.cosigned_by}, {n.cosigned_at:%Y-%m-%d %H:%M} UTC    "
            "Signature: ______________________")
    for _, author, at, text in n.addenda:
        d.p(f"Addendum by {author}, {at:%Y-%m-%d %H:%M} UTC: {text}")
    for a in n.amendments:
        if a.status == "accepted":
            d.p(f"Amendment accepted at the client's request (45 CFR 164.526) on "
                f"{_iso(a.decided_on)}: {a.amendment_text}")
        else:
            d.p(f"Client's amendment request {a.id}, denied {_iso(a.decided_on)} "
                f"(45 CFR 164.526(d)). Requested: {a.requested_change}")
            d.p(f"Denial: {a.denial_text}")
            if a.disagreement:
                d.p(f"Client's statement of disagreement: {a.disagreement}")
            if a.rebuttal:
                d.p(f"Practice's rebuttal: {a.rebuttal}")
    d.space(4)


def render_packet(c: PacketContents) -> bytes:
    """Cover letter, then each released section; psychotherapy notes last, apart."""
    d = _Doc()
    _cover(d, c)
    if c.notes:
        d.page_break()
        d.p("Progress notes", d.h2)
        for n in c.notes:
            _note(d, n)
    if c.plans:
        d.p("Treatment plans", d.h2)
        for plan in c.plans:
            d.p(f"Treatment plan version {plan.version}, {plan.created_at:%Y-%m-%d}, "
                f"by {plan.author} \u2014 {plan.id}", d.h3)
            for problem, goals in plan.problems:
                d.p(f"Problem: {problem}")
                d.bullets(goals)
    if c.billing:
        d.p("Billing records", d.h2)
        for b in c.billing:
            d.p(f"{b.date.isoformat()}  CPT {b.cpt_code}  place of service "
                f"{b.place_of_service}  {b.modality}" + ("  telehealth" if b.telehealth
                                                         else ""))
    if c.psychotherapy_notes:
        d.page_break()
        d.p("Psychotherapy notes (released separately, 45 CFR 164.508(a)(2))", d.h2)
        for pn in c.psychotherapy_notes:
            d.p(f"Psychotherapy note of {pn.written_on.isoformat()} by {pn.author} "
                f"\u2014 {pn.id}", d.h3)
            d.p(pn.text)
    if c.part2_notice and (c.notes or c.plans or c.billing or c.psychotherapy_notes):
        d.p("Notice to the recipient (42 CFR 2.32)", d.h2)
        d.p(PART2_NOTICE)
    return d.render(f"Records release {c.packet_id}",
                    f"{c.practice_name} \u2014 confidential \u2014 packet {c.packet_id}")


def render_accounting(*, practice_name: str, client_name: str, as_of: date,
                      since: date, entries: list[AccountingEntry]) -> bytes:
    """The client's accounting of disclosures (164.528), in plain language."""
    d = _Doc()
    d.p(practice_name, d.h1)
    d.p(f"Accounting of disclosures for {client_name}", d.h2)
    d.p(f"This lists the times we shared your health information from "
        f"{since.isoformat()} to {as_of.isoformat()} that the law requires us to account "
        "for. It does not list sharing for your treatment, for payment, for our health "
        "care operations, with you, or with your written authorization (45 CFR 164.528).")
    if not entries:
        d.p("We made no such disclosures in this period.")
    for e in entries:
        d.p(f"{e.disclosed_on.isoformat()} \u2014 to {e.recipient}", d.h3)
        d.p(f"What: {e.description}")
        d.p(f"Why: {e.purpose}")
    if FONT_NOTE:
        d.p(FONT_NOTE, d.small)
    return d.render("Accounting of disclosures", f"{practice_name} \u2014 confidential")
