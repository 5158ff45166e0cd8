#!/usr/bin/python3
"""Sanity checks for the dev5 corpus: every .eml parses (CRLF, MIME), attachments open (also inside zips), PDFs give
back text via pdftotext, no attachment text is a placeholder, header-carrier PHI words stay out of body/attachments,
counts match the plan.  Helpers adapted from ../corpus-dev2/verify.py.
Usage: /usr/bin/python3 verify.py [DIR]        /usr/bin/python3 verify.py --show FILE"""
import csv, collections, email, io, os, re, subprocess, sys, tempfile, zipfile
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
PRODUCER = {"pdf-reportlab": "reportlab", "pdf-fpdf2": "fpdf", "pdf-ghostscript": "ghostscript", "pdf-libreoffice": "libreoffice"}
PLAN = {"header": (20, 20), "plain": (10, 10), "html": (8, 8), "forwarded": (10, 10), "pdf-fpdf2": (6, 6), "pdf-libreoffice": (6, 6), "pdf-ghostscript": (4, 4),
        "pdf-reportlab": (4, 4), "docx": (4, 4), "xlsx": (3, 2), "csv": (3, 3), "zip": (3, 2)}
HDRS = ("To", "Cc", "Reply-To", "Subject", "Thread-Topic", "Keywords", "Comments")

def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        txt = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True).stdout
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    return txt, info

def office_text(name, data, notes):
    ext = name.rsplit(".", 1)[-1].lower()
    if ext == "pdf":
        t, info = pdf_text(data); notes.append(("pdfinfo", info)); return t
    if ext == "docx":
        import docx
        d = docx.Document(io.BytesIO(data))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows: parts.append(" | ".join(c.text for c in row.cells))
        for s in d.sections: parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
        notes.append(("docx_images", len(d.inline_shapes) + sum(len(s.header.part.package.image_parts) for s in d.sections[:1])))
        z = zipfile.ZipFile(io.BytesIO(data))
        app = z.read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in z.namelist() else ""
        notes.append(("docx_lo", "LibreOffice" in app))
        return "\n".join(parts)
    if ext == "xlsx":
        import openpyxl
        z = zipfile.ZipFile(io.BytesIO(data)); names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in names else ""
        notes.append(("xlsx_lo", "LibreOffice" in app)); notes.append(("xlsx_shared", "xl/sharedStrings.xml" in names))
        wb = openpyxl.load_workbook(io.BytesIO(data)); out = []
        notes.append(("xlsx_dates", sum(1 for ws in wb.worksheets for c in ws.iter_rows() for x in c if x.is_date)))
        for ws in wb.worksheets:
            if len(wb.worksheets) > 1: out.append(f"[sheet {ws.title}]")
            out += [" | ".join("" if v is None else str(v) for v in r) for r in ws.iter_rows(values_only=True)]
        return "\n".join(out)
    if ext in ("csv", "tsv", "txt"):
        t = data.decode("utf-8-sig"); first = t.split("\n")[0]
        list(csv.reader(io.StringIO(t), delimiter="\t" if "\t" in first else "|" if "|" in first else ","))
        return t
    if ext == "zip":
        z = zipfile.ZipFile(io.BytesIO(data)); out = []
        for n in z.namelist(): out.append(f"[zip member {n}]\n" + office_text(n, z.read(n), notes))
        return "\n".join(out)
    return ""

def message_text(raw):
    msg = email.message_from_bytes(raw, policy=policy.default)
    notes = []; parts = []; body = []
    for k in ("From",) + HDRS + tuple(h for h in msg.keys() if h.startswith("X-")):
        if msg[k]: parts.append(f"{k}: {msg[k]}")
    for part in msg.walk():
        ct = part.get_content_type()
        if part.is_multipart() or ct == "message/rfc822": continue
        fn = part.get_filename()
        if ct.startswith("text/") and not fn:
            parts.append(f"[{ct}]\n" + part.get_content()); body.append(part.get_content())
        elif ct.startswith("image/"):
            notes.append(("image", ct))
        elif fn:
            c = part.get_content(); t = office_text(fn, c if isinstance(c, bytes) else c.encode(), notes)
            parts.append(f"[attachment {fn} {ct}]\n" + t); body.append(t)
    return msg, "\n".join(parts), notes, "\n".join(body)

FWD_MARKS = ("-----Original Message-----", "---------- Forwarded message", "Forwarded Message", "Begin forwarded message", "----- Forwarded by",
             " wrote:", "________________________________")
ATTACH_CARRIERS = {"pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip"}
ORG_WORDS = {"delta", "crescent", "university", "medical", "center", "dcumc", "transplant", "institute", "little", "egret", "children", "hospital", "bayou", "lantern",
             "community", "health", "centers", "pelican", "bend", "plan", "longleaf", "crisis", "support", "line", "cahaba", "oaks", "cancer", "patient", "financial",
             "services", "clay", "occupational", "occmed", "live", "oak", "sleep", "disorders", "gulf", "tide", "wound", "care", "hyperbaric", "magnolia", "compass", "nurse", "staffing"}
STOP = ORG_WORDS | {"with", "from", "this", "that", "your", "have", "will", "please", "thanks", "thank", "today", "call", "need", "needed", "update", "meeting", "team", "schedule"}

def header_leaks(msg, body):
    """words of the PHI-bearing headers (names, numbers) that also appear in the body or attachments; the sender's own From words are allowed"""
    own = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", str(msg["From"] or ""))}
    dom = " ".join(a.domain.lower() for a in msg["From"].addresses) if msg["From"] else ""
    toks = set()
    for k in HDRS + tuple(h for h in msg.keys() if h.startswith("X-") and h != "X-Mailer"):
        v = msg[k]
        if not v: continue
        v = str(v)
        if k in ("To", "Cc", "Reply-To"): v = " ".join(a.display_name for a in msg[k].addresses)
        toks |= {w for w in re.findall(r"[A-Za-z][A-Za-z'\u00c0-\u024f]{3,}", v) if w[0].isupper()}
        toks |= set(re.findall(r"\d[\d\-/]{4,}\d", v))
    bl = body.lower()
    return sorted(t for t in toks if t.lower() not in own and t.lower() not in dom and t.lower() not in STOP and re.search(r"(?<![a-z0-9])" + re.escape(t.lower()) + r"(?![a-z0-9])", bl))

def structure_errors(row, msg, raw, text, body):
    errs = []; c = row["carrier"]
    top = [p for p in msg.iter_attachments() if p.get_content_maintype() != "image"]
    if c == "header" and top: errs.append("header carrier with a non-image attachment")
    if c == "header" and row["label"] == "phi":
        leak = header_leaks(msg, body)
        if leak: errs.append(f"header-carrier PHI words repeated in body: {leak}")
    if c in ATTACH_CARRIERS and len(top) != 1: errs.append(f"{len(top)} non-image attachments")
    if c == "forwarded" and b"message/rfc822" not in raw and not any(mk in text for mk in FWD_MARKS): errs.append("forwarded without a forward/reply marker")
    if c == "html" and not any(p.get_content_type() == "text/html" for p in msg.walk()): errs.append("html carrier without text/html")
    return errs


PLACEHOLDER = re.compile(r"placeholder|lorem ipsum|dummy text|TODO|\bTBD\b|sample attachment", re.I)

def attachment_checks(msg, carrier, label, notes):
    errs = []
    for part in msg.walk():
        fn = part.get_filename()
        if not fn or part.get_content_maintype() == "image": continue
        data = part.get_payload(decode=True)
        members = [(fn, data)]
        if fn.lower().endswith(".zip"):
            z = zipfile.ZipFile(io.BytesIO(data)); bad = z.testzip()
            if bad: errs.append(f"zip member {bad} corrupt")
            members = [(n, z.read(n)) for n in z.namelist()]
            if not members: errs.append("empty zip")
        for n, d in members:
            sub = []
            try: t = office_text(n, d, sub)
            except Exception as e: errs.append(f"{n}: does not open ({e})"); continue
            words = re.findall(r"\w{2,}", t)
            if len(words) < 15: errs.append(f"{n}: only {len(words)} words of text")
            if PLACEHOLDER.search(t): errs.append(f"{n}: placeholder text")
            if n.lower().endswith(".pdf"):
                info = dict(sub).get("pdfinfo", "")
                if not t.strip(): errs.append(f"{n}: pdftotext gave nothing")
                want = PRODUCER.get(carrier)
                if want and carrier != "zip" and want not in info.lower(): errs.append(f"{n}: producer is not {want}")
            if carrier == "xlsx" and label == "phi" and n.endswith(".xlsx") and not dict(sub).get("xlsx_dates"): errs.append(f"{n}: no date cells")
    return errs

def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        p = sys.argv[2] if os.path.exists(sys.argv[2]) else os.path.join(HERE, sys.argv[2])
        print(message_text(open(p, "rb").read())[1]); return
    d = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    with open(os.path.join(d, "manifest.tsv")) as f:
        first = f.readline()
        assert first == "file\tlabel\tcarrier\tcategory\n", repr(first)
        f.seek(0); rows = list(csv.DictReader(f, delimiter="\t"))
    errs = 0; cnt = collections.Counter()
    names = sorted(x for x in os.listdir(d) if x.endswith(".eml"))
    if names != sorted(r["file"] for r in rows): print("manifest and .eml files differ"); errs += 1
    for row in rows:
        raw = open(os.path.join(d, row["file"]), "rb").read(); e = []
        if b"\n" in raw.replace(b"\r\n", b""): e.append("bare LF")
        if any(len(l) > 998 for l in raw.split(b"\r\n")): e.append("line over 998 octets")
        try:
            msg, text, notes, body = message_text(raw)
        except Exception as ex:
            print(row["file"], "PARSE", ex); errs += 1; continue
        for k in ("From", "To", "Date", "Subject", "Message-ID", "MIME-Version"):
            if msg[k] is None: e.append(f"missing {k}")
        if msg.defects: e.append(f"defects {msg.defects}")
        e += structure_errors(row, msg, raw, text, body)
        e += attachment_checks(msg, row["carrier"], row["label"], notes)
        if row["label"] not in ("phi", "clean"): e.append("bad label")
        cnt[(row["carrier"], row["label"])] += 1
        for x in e: print(row["file"], row["carrier"], row["label"], "-", x)
        errs += bool(e)
    print("\n| carrier | phi | clean | total |\n|---|---|---|---|")
    for c in PLAN:
        print(f"| {c} | {cnt[(c, 'phi')]} | {cnt[(c, 'clean')]} | {cnt[(c, 'phi')] + cnt[(c, 'clean')]} |")
        if (cnt[(c, 'phi')], cnt[(c, 'clean')]) != PLAN[c]: print(f"  count mismatch for {c}: plan {PLAN[c]}"); errs += 1
    tp = sum(v for (c, l), v in cnt.items() if l == "phi"); tc = sum(v for (c, l), v in cnt.items() if l == "clean")
    print(f"| **all** | **{tp}** | **{tc}** | **{tp + tc}** |")
    print("\nOK" if not errs else f"\n{errs} problem(s)")
    sys.exit(1 if errs else 0)

if __name__ == "__main__":
    main()
