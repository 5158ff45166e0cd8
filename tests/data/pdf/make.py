#!/usr/bin/python3
"""Regenerate the PDF fixtures in this folder from real producers.

Needs LibreOffice (soffice), ghostscript (gs), qpdf and /usr/bin/python3
with reportlab, fpdf2 and python-docx. CI does not run this: the PDFs are
committed. Run from anywhere: `/usr/bin/python3 tests/data/pdf/make.py`.
"""
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TEXTS = {
    "phi": [
        "Discharge summary",
        "Patient: Maria Lopez  DOB: 04/12/1961  MRN: 00482913",
        "SSN: 512-44-9087  Diagnosis: E11.9",
        "Follow up with the endocrinology clinic in two weeks.",
    ],
    "clean": [
        "Supply order",
        "Please send two boxes of nitrile gloves and four toner cartridges.",
        "Deliver to the front desk before Friday. Thank you.",
    ],
}

TMP = tempfile.mkdtemp(prefix="sealgate-pdf-")


def out(name):
    return os.path.join(HERE, name)


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def soffice(src, dest):
    run("soffice", "--headless", "-env:UserInstallation=file://" + TMP + "/lo",
        "--convert-to", "pdf", "--outdir", TMP, src)
    shutil.move(os.path.join(TMP, os.path.splitext(os.path.basename(src))[0] + ".pdf"), dest)


def libreoffice_txt(kind, lines):
    src = os.path.join(TMP, "lo_txt_" + kind + ".txt")
    with open(src, "w") as f:
        f.write("\n".join(lines) + "\n")
    soffice(src, out("libreoffice_txt_" + kind + ".pdf"))


def libreoffice_docx(kind, lines):
    import docx
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    src = os.path.join(TMP, "lo_docx_" + kind + ".docx")
    d.save(src)
    soffice(src, out("libreoffice_docx_" + kind + ".pdf"))


def postscript(lines):
    ps = ["%!PS", "/Helvetica findfont 12 scalefont setfont"]
    y = 720
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ps.append("72 %d moveto (%s) show" % (y, esc))
        y -= 18
    ps.append("showpage")
    return "\n".join(ps) + "\n"


def ghostscript(kind, lines):
    src = os.path.join(TMP, "gs_" + kind + ".ps")
    with open(src, "w") as f:
        f.write(postscript(lines))
    run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite",
        "-sOutputFile=" + out("ghostscript_ps_" + kind + ".pdf"), src)
    # Re-distilled LibreOffice output: embedded subset fonts rewritten by gs.
    run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite",
        "-sOutputFile=" + out("ghostscript_redistilled_" + kind + ".pdf"),
        out("libreoffice_docx_" + kind + ".pdf"))


def qpdf_objstm(kind):
    """PDF 1.5 object streams and a cross-reference stream (ghostscript
    10.00 ignores -dWriteObjStms), from the LibreOffice file."""
    run("qpdf", "--object-streams=generate", out("libreoffice_docx_" + kind + ".pdf"),
        out("qpdf_objstm_" + kind + ".pdf"))


def reportlab_pdf(kind, lines):
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(out("reportlab_" + kind + ".pdf"))
    y = 780
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    c.save()


def fpdf_pdf(kind, lines, ttf):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    if ttf:
        pdf.add_font("DejaVu", "", DEJAVU)
        pdf.set_font("DejaVu", size=12)
    else:
        pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    name = "fpdf_ttf_" if ttf else "fpdf_core_"
    pdf.output(out(name + kind + ".pdf"))


def image_only(lines):
    """A 'scan': the PHI text rendered to pixels, wrapped as one image."""
    from reportlab.pdfgen import canvas
    ps = os.path.join(TMP, "scan.ps")
    png = os.path.join(TMP, "scan.png")
    with open(ps, "w") as f:
        f.write(postscript(lines))
    run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", "-r50",
        "-sOutputFile=" + png, ps)
    c = canvas.Canvas(out("scan_image_only.pdf"))
    c.drawImage(png, 0, 0, width=595, height=842)
    c.save()


def main():
    for kind, lines in TEXTS.items():
        libreoffice_txt(kind, lines)
        libreoffice_docx(kind, lines)
        ghostscript(kind, lines)
        qpdf_objstm(kind)
        reportlab_pdf(kind, lines)
        fpdf_pdf(kind, lines, ttf=True)
        fpdf_pdf(kind, lines, ttf=False)
    image_only(TEXTS["phi"])
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
