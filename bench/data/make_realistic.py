#!/usr/bin/python3
"""Build bench/data/realistic.eml: the kind of message a clinic's tenant
sends all day, for `bench/relay.sh --message`. An HTML body (with a plain
alternative) showing a signature logo by cid:, plus a DOCX made by
python-docx and a PDF made by reportlab. No PHI: a clean message is relayed
at once by both Postfix and sealgate, so the benchmark measures relaying with
scanning, not the TLS policy.

    /usr/bin/python3 bench/data/make_realistic.py   # needs python3-docx, python3-reportlab, python3-pil

The file has LF line ends, as smtp-source -F wants them.
"""
import io
import os
from email.message import EmailMessage
from email.policy import SMTP

import docx
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))

PARAS = [
    "The facilities committee met on Tuesday to review the renovation schedule for the east wing.",
    "Contractors will begin work on the second floor nurses' station the week of March 9; please plan",
    "to route supply deliveries through the loading dock on Elm Street during that time.",
    "Parking lot B will be resurfaced over the weekend of March 21. Staff badges will open lot D instead.",
    "The annual fire-safety drill is scheduled for April 2 at 10:00. Department leads should confirm",
    "that evacuation maps are posted and that every new hire has completed the online module.",
]


def logo() -> bytes:
    img = Image.new("RGB", (180, 48), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([2, 2, 46, 46], fill=(0, 92, 153))
    d.text((56, 16), "Riverside Health", fill=(0, 92, 153))
    b = io.BytesIO()
    img.save(b, "PNG")
    return b.getvalue()


def make_docx() -> bytes:
    doc = docx.Document()
    doc.add_heading("Facilities update - east wing renovation", 1)
    for _ in range(6):
        for p in PARAS:
            doc.add_paragraph(p)
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Area", "Start", "Contact"]):
        cell.text = text
    for i in range(20):
        row = table.add_row().cells
        row[0].text = f"Room 2{i:02d}"
        row[1].text = f"March {9 + i % 14}"
        row[2].text = "Facilities desk x4410"
    b = io.BytesIO()
    doc.save(b)
    return b.getvalue()


def make_pdf() -> bytes:
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=letter, invariant=1)
    for page in range(2):
        y = 740
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, y, f"Renovation schedule, page {page + 1}")
        c.setFont("Helvetica", 10)
        for _ in range(5):
            for p in PARAS:
                y -= 16
                c.drawString(72, y, p[:95])
        c.showPage()
    c.save()
    return b.getvalue()


def main() -> None:
    m = EmailMessage(policy=SMTP)
    m["From"] = "Facilities <facilities@tenant.test>"
    m["To"] = "rcpt@sink.test"
    m["Subject"] = "East wing renovation: schedule and parking"
    m["Message-ID"] = "<renovation-2026@tenant.test>"
    text = "\n\n".join(PARAS) + "\n\n-- \nFacilities, Riverside Health\n"
    m.set_content(text)
    html = "".join(f"<p>{p}</p>" for p in PARAS)
    html += '<p>--<br>Facilities, Riverside Health<br><img src="cid:logo@tenant.test" alt="logo"></p>'
    m.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    m.get_payload()[1].add_related(logo(), "image", "png", cid="<logo@tenant.test>", filename="image001.png")
    m.add_attachment(make_docx(), maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                     filename="renovation-update.docx")
    m.add_attachment(make_pdf(), maintype="application", subtype="pdf", filename="renovation-schedule.pdf")
    # LF line ends: smtp-source -F turns each line into a CRLF line itself.
    with open(os.path.join(HERE, "realistic.eml"), "wb") as f:
        f.write(m.as_bytes().replace(b"\r\n", b"\n"))


if __name__ == "__main__":
    main()
