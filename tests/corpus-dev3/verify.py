#!/usr/bin/python3
"""Sanity checks for the dev3 corpus (adapted from ../corpus-dev2/verify.py): every .eml parses, attachments open,
PDFs give back text, header-carrier PHI stays in the headers, counts match the plan.
Usage: /usr/bin/python3 verify.py [DIR]           (checks + counts table; DIR defaults to this directory)
       /usr/bin/python3 verify.py --show FILE      (print decoded text of one message; FILE may be a path)"""
import csv, collections, email, io, os, re, subprocess, sys, tempfile, zipfile
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
PRODUCER = {"pdf-reportlab": "reportlab", "pdf-fpdf2": "fpdf", "pdf-ghostscript": "ghostscript", "pdf-libreoffice": "libreoffice"}
PLAN = {"header": (25, 25), "plain": (13, 12), "html": (10, 10), "forwarded": (13, 12), "pdf-fpdf2": (8, 7), "pdf-libreoffice": (8, 7),
        "pdf-ghostscript": (5, 5), "pdf-reportlab": (5, 5), "docx": (5, 5), "xlsx": (3, 3), "csv": (4, 3), "zip": (4, 3)}
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
            parts.append(f"[{ct}]\n" + part.get_content()); body.append(re.sub(r"<[^>]+>", " ", part.get_content()) if ct == "text/html" else part.get_content())   # markup (font-family ...) is not body text
        elif ct.startswith("image/"):
            notes.append(("image", ct))
        elif fn:
            c = part.get_content(); t = office_text(fn, c if isinstance(c, bytes) else c.encode(), notes)
            parts.append(f"[attachment {fn} {ct}]\n" + t); body.append(t)
    return msg, "\n".join(parts), notes, "\n".join(body)

FWD_MARKS = ("-----Original Message-----", "---------- Forwarded message", "Forwarded Message", "Begin forwarded message", "----- Forwarded by",
             " wrote:", "________________________________")
ATTACH_CARRIERS = {"pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip"}
STOP = {"with", "from", "this", "that", "your", "have", "will", "please", "thanks", "thank", "today", "call", "need", "needed", "update", "meeting", "team", "schedule"}

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

def main():
    args = sys.argv[1:]
    d = HERE
    if args and args[0] != "--show": d = os.path.abspath(args[0])
    if len(args) > 1 and args[0] == "--show" and os.sep in args[1]: d, args[1] = os.path.split(os.path.abspath(args[1]))
    man = list(csv.DictReader(open(os.path.join(d, "manifest.tsv"), encoding="utf-8"), delimiter="\t"))
    if len(args) > 1 and args[0] == "--show":
        raw = open(os.path.join(d, args[1]), "rb").read(); _, t, n, _ = message_text(raw)
        print([m for m in man if m["file"] == args[1]][0]); print(t); print([x for x in n if x[0] != "pdfinfo"]); return
    errs = []; cnt = collections.Counter(); feat = collections.Counter()
    if list(man[0].keys()) != ["file", "label", "carrier", "category"]: errs.append(("manifest.tsv", f"columns {list(man[0].keys())}"))
    files = [r["file"] for r in man]
    for f, n in collections.Counter(files).items():
        if n > 1: errs.append((f, f"listed {n} times in manifest.tsv"))
    on_disk = {f for f in os.listdir(d) if f.endswith(".eml")}
    for f in sorted(on_disk - set(files)): errs.append((f, "not in manifest.tsv"))
    for f in sorted(set(files) - on_disk): errs.append((f, "in manifest.tsv but missing"))
    nums = [int(f.split("-")[1].split(".")[0]) for f in files]
    if nums != list(range(1, len(files) + 1)): errs.append(("manifest.tsv", "file numbers are not contiguous from 1"))
    for row in man:
        if row["label"] not in ("phi", "clean"): errs.append((row["file"], "bad label " + row["label"]))
        if row["carrier"] not in PLAN: errs.append((row["file"], "unknown carrier " + row["carrier"]))
    man = [r for r in man if r["file"] in on_disk]
    for row in man:
        raw = open(os.path.join(d, row["file"]), "rb").read()
        if b"\n" in raw.replace(b"\r\n", b""): errs.append((row["file"], "bare LF"))
        try:
            msg, text, notes, body = message_text(raw)
        except Exception as e:
            errs.append((row["file"], f"parse/open error {e!r}")); continue
        if msg.defects: errs.append((row["file"], f"parser defects {msg.defects}"))
        c = row["carrier"]; cnt[(c, row["label"])] += 1
        errs += [(row["file"], e) for e in structure_errors(row, msg, raw, text, body)]
        if c in PRODUCER:
            infos = [v for k, v in notes if k == "pdfinfo"]
            if not infos: errs.append((row["file"], "no pdf")); continue
            if PRODUCER[c] not in infos[0].lower(): errs.append((row["file"], "producer mismatch " + infos[0].split("Producer:")[-1].split("\n")[0]))
            pages = int(infos[0].split("Pages:")[1].split()[0]) if "Pages:" in infos[0] else 0
            if not 1 <= pages <= 2: errs.append((row["file"], f"pdf has {pages} pages"))
            if len(text.split("[attachment", 1)[-1].strip()) < 80: errs.append((row["file"], "short pdf text"))
        for k, v in notes:
            if k == "xlsx_lo" and v: feat["xlsx resaved by LibreOffice"] += 1
            if k == "xlsx_lo" and v and not dict(notes).get("xlsx_shared"): errs.append((row["file"], "LO xlsx without sharedStrings"))
            if k == "xlsx_dates" and v == 0 and c == "xlsx" and row["label"] == "phi": errs.append((row["file"], "no date cells"))
            if k == "image": feat[f"{row['label']} with inline image"] += 1
            if k == "docx_images" and v: feat[f"{row['label']} docx with picture"] += 1
            if k == "docx_lo" and v: feat["docx by LibreOffice"] += 1
        if b"message/rfc822" in raw: feat["message/rfc822"] += 1
        if b"multipart/related" in raw: feat["multipart/related"] += 1
    print("| carrier | phi | clean | total |\n|---|---|---|---|")
    for c in PLAN:
        p, k = cnt[(c, "phi")], cnt[(c, "clean")]
        print(f"| {c} | {p} | {k} | {p + k} |")
        if (p, k) != PLAN[c]: errs.append((c, f"{p} phi / {k} clean, planned {PLAN[c]}"))
    tp = sum(v for (c, l), v in cnt.items() if l == "phi"); tc = sum(v for (c, l), v in cnt.items() if l == "clean")
    print(f"| **all** | {tp} | {tc} | {tp + tc} |")
    print(dict(feat))
    for e in errs: print("ERROR", *e)
    print("errors:", len(errs))
    sys.exit(1 if errs else 0)

if __name__ == "__main__":
    main()
