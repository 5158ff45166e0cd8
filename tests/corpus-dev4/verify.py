#!/usr/bin/python3
"""Sanity checks for the dev4 corpus: every .eml parses with CRLF line ends, attachments open (also inside zips), PDFs give
back text and come from the named producer, no attachment is a placeholder, header-carrier PHI words stay in the headers,
manifest counts match the plan.  Text extraction helpers adapted from ../corpus-dev2/verify.py.
Usage: /usr/bin/python3 verify.py [DIR]          (checks + counts table; DIR defaults to this directory)
       /usr/bin/python3 verify.py --show FILE     (print the decoded text of one message)"""
import csv, collections, email, io, os, re, subprocess, sys, tempfile, zipfile
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = {"header": (20, 20), "plain": (10, 10), "html": (8, 8), "forwarded": (10, 10), "pdf-fpdf2": (6, 6), "pdf-libreoffice": (6, 6), "pdf-ghostscript": (4, 4),
        "pdf-reportlab": (4, 4), "docx": (4, 4), "xlsx": (3, 2), "csv": (3, 3), "zip": (3, 2)}
PRODUCER = {"pdf-reportlab": "reportlab", "pdf-fpdf2": "fpdf", "pdf-ghostscript": "ghostscript", "pdf-libreoffice": "libreoffice"}
HDRS = ("To", "Cc", "Reply-To", "Subject", "Thread-Topic", "Keywords", "Comments")
PLACEHOLDER = re.compile(r"lorem ipsum|\bplaceholder\b|\bTODO\b|\bTBD\b|xxxx+ xxxx+|\[insert|sample text here", re.I)

def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        p = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True)
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    if p.returncode != 0: raise ValueError("pdftotext failed: " + p.stderr[:200])
    return p.stdout, info

def office_text(name, data, notes):
    ext = name.rsplit(".", 1)[-1].lower()
    if ext == "pdf":
        t, info = pdf_text(data); notes.append(("pdfinfo", info)); notes.append(("member_text", name, t)); return t
    if ext == "docx":
        import docx
        d = docx.Document(io.BytesIO(data))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows: parts.append(" | ".join(c.text for c in row.cells))
        for s in d.sections: parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
        t = "\n".join(parts); notes.append(("member_text", name, t)); return t
    if ext == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(io.BytesIO(data)); out = []
        notes.append(("xlsx_dates", sum(1 for ws in wb.worksheets for c in ws.iter_rows() for x in c if x.is_date)))
        z = zipfile.ZipFile(io.BytesIO(data)); notes.append(("xlsx_shared", "xl/sharedStrings.xml" in z.namelist()))
        for ws in wb.worksheets:
            if len(wb.worksheets) > 1: out.append(f"[sheet {ws.title}]")
            out += [" | ".join("" if v is None else str(v) for v in r) for r in ws.iter_rows(values_only=True)]
        t = "\n".join(out); notes.append(("member_text", name, t)); return t
    if ext in ("csv", "tsv", "txt"):
        t = data.decode("utf-8-sig"); first = t.split("\n")[0]
        rows = list(csv.reader(io.StringIO(t), delimiter="\t" if "\t" in first else "|" if "|" in first else ","))
        if len(rows) < 3 or len({len(x) for x in rows if x}) != 1: raise ValueError(f"{name}: ragged or tiny table")
        notes.append(("member_text", name, t)); return t
    if ext == "zip":
        z = zipfile.ZipFile(io.BytesIO(data)); out = []
        if z.testzip() is not None: raise ValueError("bad zip member CRC")
        names = z.namelist()
        if not names: raise ValueError("empty zip")
        for n in names: notes.append(("zip_member", n)); out.append(f"[zip member {n}]\n" + office_text(n, z.read(n), notes))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")

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
            c = part.get_content(); parts.append(f"[{ct}]\n" + c)
            body.append(re.sub(r"<[^>]+>", " ", c) if ct == "text/html" else c)
        elif ct.startswith("image/"):
            notes.append(("image", ct, part.get_content()[:8] == b"\x89PNG\r\n\x1a\n"))
        elif fn:
            c = part.get_content(); t = office_text(fn, c if isinstance(c, bytes) else c.encode(), notes)
            parts.append(f"[attachment {fn} {ct}]\n" + t); body.append(t)
    return msg, "\n".join(parts), notes, "\n".join(body)

FWD_MARKS = ("-----Original Message-----", "---------- Forwarded message", "Begin forwarded message", "----- Forwarded by", " wrote:", "________________________________")
ATTACH = {"pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip"}
STOP = {"with", "from", "this", "that", "your", "have", "will", "please", "thanks", "thank", "today", "call", "need", "update", "team", "message", "care", "order", "the", "and",
        "for", "you", "new", "pls", "still", "after", "sent", "delivered", "pages", "status", "changed", "request", "document", "scanned", "has", "shipped", "plan", "not", "are",
        "our", "can", "see", "let", "get", "out", "was", "but", "all", "any", "just", "done", "end", "back", "morning", "minute", "loop", "more", "know", "medical", "center", "health", "clinic"}

def header_leaks(msg, body):
    """capitalised words and numbers of the PHI-bearing headers that recur in the body/attachments (the sender's own From words are allowed)"""
    own = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", str(msg["From"] or ""))}
    dom = " ".join(a.domain.lower() for a in msg["From"].addresses) if msg["From"] else ""
    toks = set()
    for k in HDRS + tuple(h for h in msg.keys() if h.startswith("X-") and h != "X-Mailer"):
        v = msg[k]
        if not v: continue
        v = str(v)
        if k in ("To", "Cc", "Reply-To"): v = " ".join(a.display_name for a in msg[k].addresses)
        toks |= {w for w in re.findall(r"[A-Za-z\u00c0-\u024f][A-Za-z'\u00c0-\u024f]{2,}", v)}
        toks |= set(re.findall(r"\d[\d\-/.]{3,}\d", v))
    bl = body.lower()
    return sorted(t for t in toks if t.lower() not in own and t.lower() not in dom and t.lower() not in STOP and re.search(r"(?<![a-z0-9])" + re.escape(t.lower()) + r"(?![a-z0-9])", bl))

def check(row, raw):
    errs = []; c = row["carrier"]
    if b"\n" in raw.replace(b"\r\n", b""): errs.append("bare LF")
    if any(len(l) > 998 for l in raw.split(b"\r\n")): errs.append("line over 998 octets")
    msg, text, notes, body = message_text(raw)
    for h in ("From", "To", "Date", "Subject", "Message-ID", "MIME-Version"):
        if not msg[h]: errs.append(f"missing {h}")
    if msg.defects: errs.append(f"defects {msg.defects}")
    top = [p for p in msg.iter_attachments() if p.get_content_maintype() not in ("image",) and p.get_content_type() != "message/rfc822"]
    if c == "header" and top: errs.append("header carrier with an attachment")
    if c == "header" and row["label"] == "phi":
        leak = header_leaks(msg, body)
        if leak: errs.append(f"header PHI words repeated in body: {leak}")
    if c in ATTACH and len(top) != 1: errs.append(f"{len(top)} attachments")
    if c == "zip" and not any(n[0] == "zip_member" for n in notes): errs.append("zip without members")
    if c in PRODUCER:
        infos = [n[1] for n in notes if n[0] == "pdfinfo"]
        if not infos or PRODUCER[c] not in infos[0].lower(): errs.append(f"PDF producer not {PRODUCER[c]}")
    if c == "xlsx" and not any(n[0] == "xlsx_dates" and n[1] > 0 for n in notes) and row["label"] == "phi": errs.append("xlsx without date cells")
    for n in notes:
        if n[0] == "member_text":
            t = n[2]
            if len(re.sub(r"\s", "", t)) < 120: errs.append(f"{n[1]}: too little text ({len(t.strip())} chars)")
            if PLACEHOLDER.search(t): errs.append(f"{n[1]}: placeholder text")
        if n[0] == "image" and not n[2]: errs.append("image part is not a PNG")
    if c == "forwarded" and not any(p.get_content_type() == "message/rfc822" for p in msg.walk()) and not any(mk in text for mk in FWD_MARKS): errs.append("forwarded without a marker")
    if c == "html" and not any(p.get_content_type() == "text/html" for p in msg.walk()): errs.append("html carrier without text/html")
    if c == "plain" and msg.get_content_type() != "text/plain": errs.append("plain carrier is not text/plain")
    return errs

def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        p = sys.argv[2] if os.path.exists(sys.argv[2]) else os.path.join(HERE, sys.argv[2])
        print(message_text(open(p, "rb").read())[1]); return
    d = sys.argv[1] if len(sys.argv) > 1 else HERE
    lines = open(os.path.join(d, "manifest.tsv"), encoding="utf-8").read().split("\n")
    bad = 0
    if lines[0] != "file\tlabel\tcarrier\tcategory": print("manifest header wrong"); bad += 1
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    cnt = collections.Counter((r["carrier"], r["label"]) for r in rows)
    files = sorted(f for f in os.listdir(d) if f.endswith(".eml"))
    if sorted(r["file"] for r in rows) != files: print("manifest and .eml files differ"); bad += 1
    for r in rows:
        try: errs = check(r, open(os.path.join(d, r["file"]), "rb").read())
        except Exception as e: errs = [f"exception {type(e).__name__}: {e}"]
        if r["label"] not in ("phi", "clean"): errs.append("bad label")
        for e in errs: print(f"{r['file']} [{r['carrier']}/{r['label']}]: {e}"); bad += 1
    print(f"\n{'carrier':18} {'phi':>4} {'clean':>6} {'total':>6}   plan")
    for c, (p, cl) in PLAN.items():
        ok = (cnt[(c, 'phi')], cnt[(c, 'clean')]) == (p, cl)
        if not ok: bad += 1
        print(f"{c:18} {cnt[(c, 'phi')]:4} {cnt[(c, 'clean')]:6} {cnt[(c, 'phi')] + cnt[(c, 'clean')]:6}   {'ok' if ok else f'expected {p}/{cl}'}")
    tp = sum(1 for r in rows if r["label"] == "phi")
    print(f"{'all':18} {tp:4} {len(rows) - tp:6} {len(rows):6}")
    print(f"\n{len(rows)} messages, {bad} problem(s)")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
