#!/usr/bin/python3
"""Make the Office fixtures for tests/dlp_office.rs with real producers.

Run from this folder with the system Python (it has openpyxl and python-docx):

    /usr/bin/python3 make.py

Needs LibreOffice (`soffice`) for the re-saved and converted files. All PHI
here is invented: Maria Lopez, DOB 04/12/1961, MRN 00482913, SSN 512-44-9087,
ICD-10 E11.9.
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import docx
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
LO_PROFILE = "file:///tmp/lo-office"


def soffice(target, src, outdir):
    subprocess.run(
        ["soffice", "--headless", "-env:UserInstallation=" + LO_PROFILE,
         "--convert-to", target, "--outdir", outdir, src],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def patients_workbook(path):
    """Inline strings (openpyxl writes no shared strings), a date-styled DOB."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Patients"
    ws.append(["Patient Name", "DOB", "MRN", "SSN", "Diagnosis"])
    ws.append(["Maria Lopez", datetime.date(1961, 4, 12), "00482913",
               "512-44-9087", "E11.9"])
    ws["B2"].number_format = "mm/dd/yyyy"
    ws.append(["Samuel Ortiz", datetime.date(1974, 9, 3), "00519377", None,
               "I10"])
    ws["B3"].number_format = "mm/dd/yyyy"
    notes = wb.create_sheet("Notes")
    notes["A1"] = "Follow-up in two weeks"
    wb.save(path)


def products_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Products"
    ws.append(["SKU", "Product", "Unit price", "Quantity"])
    ws.append(["TN-2210", "Toner cartridge", 89.5, 4])
    ws.append(["PP-5000", "Copy paper (case)", 42.0, 10])
    ws.append(["GL-0100", "Nitrile gloves, box of 100", 11.25, 30])
    wb.save(path)


def schedule_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "December rota"
    ws.append(["Staff", "Role", "Shift date", "Start", "End"])
    for day, (who, role) in enumerate([("Dana Whitfield", "Front desk"),
                                       ("Luis Romero", "Nurse"),
                                       ("Priya Natarajan", "Phlebotomist")]):
        ws.append([who, role, datetime.date(2026, 12, 1 + day), "08:00", "16:30"])
        ws.cell(row=ws.max_row, column=3).number_format = "mm/dd/yyyy"
    wb.save(path)


def referral_docx(path):
    """python-docx: a header, a footer, a table with a header row."""
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Riverside Clinic referral - Patient: Maria Lopez"
    sec.footer.paragraphs[0].text = "Confidential - MRN: 00482913"
    d.add_paragraph("Please see the patient below for an endocrinology consult.")
    t = d.add_table(rows=2, cols=4)
    for i, h in enumerate(["Patient Name", "DOB", "MRN", "Diagnosis"]):
        t.cell(0, i).text = h
    for i, v in enumerate(["Maria Lopez", "04/12/1961", "00482913", "E11.9"]):
        t.cell(1, i).text = v
    d.add_paragraph("Thank you, Dr. Chen")
    d.save(path)


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:master-styles>
  <style:master-page style:name="Standard">
   <style:header><text:p>Lab results - Riverside Clinic</text:p></style:header>
   <style:footer><text:p>SSN on file: 512-44-9087</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p>Summary for the chart.<text:note text:note-class="footnote" text:id="n1"><text:note-citation>1</text:note-citation><text:note-body><text:p>Diagnosis: E11.9 confirmed</text:p></text:note-body></text:note></text:p>
  <text:p>Date of birth:<text:tab/>04/12/1961</text:p>
  <text:p>Reviewed.<office:annotation><dc:creator>Dr. Chen</dc:creator><text:p>Patient: Maria Lopez, please call back</text:p></office:annotation></text:p>
 </office:text></office:body>
</office:document>
"""


def lab_docx(outdir, tmp):
    """LibreOffice: header, footer, footnote and a comment, saved as DOCX."""
    src = os.path.join(tmp, "lab_results.fodt")
    with open(src, "w") as f:
        f.write(FODT)
    soffice("docx", src, outdir)


def main():
    tmp = tempfile.mkdtemp()
    try:
        patients_workbook(os.path.join(HERE, "patients_openpyxl.xlsx"))
        # LibreOffice re-save: shared strings, its own styles and date format.
        shutil.copy(os.path.join(HERE, "patients_openpyxl.xlsx"),
                    os.path.join(tmp, "patients_lo.xlsx"))
        soffice("xlsx", os.path.join(tmp, "patients_lo.xlsx"), HERE)
        products_workbook(os.path.join(tmp, "products.xlsx"))
        soffice("xlsx", os.path.join(tmp, "products.xlsx"), HERE)
        schedule_workbook(os.path.join(HERE, "schedule_openpyxl.xlsx"))
        referral_docx(os.path.join(HERE, "referral_python_docx.docx"))
        lab_docx(HERE, tmp)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
