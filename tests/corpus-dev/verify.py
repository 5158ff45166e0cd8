#!/usr/bin/python3
"""Sanity checks for the development corpus (copied from ../corpus-blind/verify.py and adapted: one batch "dev" of 300,
no split column, expected counts from generate.PLAN, and a clean-body check for header-carrier PHI messages).
Usage: /usr/bin/python3 verify.py            (checks + counts table)
       /usr/bin/python3 verify.py --show FILE (print decoded text of one message)"""
import csv, collections, email, hashlib, io, os, re, subprocess, sys, tempfile, zipfile
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]): HERE = os.path.abspath(sys.argv.pop(1))   # optional: check a copy elsewhere
import importlib.util
_sp = importlib.util.spec_from_file_location("dev_generate", os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate.py"))
_g = importlib.util.module_from_spec(_sp); _sp.loader.exec_module(_g)   # loaded under another name: it imports ../corpus-blind/generate.py as "generate"
PLAN, FEM, MAL, FAM = _g.PLAN, _g.FEM, _g.MAL, _g.FAM
PRODUCER = {"pdf-reportlab": "reportlab", "pdf-fpdf2": "fpdf", "pdf-ghostscript": "ghostscript", "pdf-libreoffice": "libreoffice"}

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
        app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist() else ""
        notes.append(("docx_lo", "LibreOffice" in app))
        return "\n".join(parts)
    if ext == "xlsx":
        import openpyxl
        z = zipfile.ZipFile(io.BytesIO(data)); names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in names else ""
        notes.append(("xlsx_lo", "LibreOffice" in app)); notes.append(("xlsx_shared", "xl/sharedStrings.xml" in names))
        wb = openpyxl.load_workbook(io.BytesIO(data)); out = []
        notes.append(("xlsx_dates", sum(1 for ws in wb.worksheets for c in ws.iter_rows() for x in c if x.is_date)))
        for ws in wb.worksheets:   # every sheet (batch 2 has workbooks whose patient list is on the second sheet)
            if len(wb.worksheets) > 1: out.append(f"[sheet {ws.title}]")
            out += [" | ".join("" if v is None else str(v) for v in r) for r in ws.iter_rows(values_only=True)]
        return "\n".join(out)
    if ext in ("csv", "tsv", "txt"):
        t = data.decode("utf-8-sig"); list(csv.reader(io.StringIO(t), delimiter="\t" if "\t" in t.split("\n")[0] else ","))
        return t
    if ext == "zip":
        z = zipfile.ZipFile(io.BytesIO(data)); out = []
        for n in z.namelist(): out.append(f"[zip member {n}]\n" + office_text(n, z.read(n), notes))
        return "\n".join(out)
    return ""

def message_text(raw):
    msg = email.message_from_bytes(raw, policy=policy.default)
    notes = []; parts = []
    for k in ("From", "To", "Cc", "Reply-To", "Subject", "Thread-Topic", "Keywords", "Comments") + tuple(h for h in msg.keys() if h.startswith("X-")):
        if msg[k]: parts.append(f"{k}: {msg[k]}")
    for part in msg.walk():
        ct = part.get_content_type()
        if part.is_multipart(): continue
        if ct == "message/rfc822": continue
        fn = part.get_filename()
        if ct.startswith("text/") and not fn:
            parts.append(f"[{ct}]\n" + part.get_content())
        elif ct.startswith("image/"):
            notes.append(("image", ct))
        elif fn:
            parts.append(f"[attachment {fn} {ct}]\n" + office_text(fn, part.get_content() if isinstance(part.get_content(), bytes) else part.get_content().encode(), notes))
    return msg, "\n".join(parts), notes

FWD_MARKS = ("-----Original Message-----", "---------- Forwarded message", "Forwarded Message", "Begin forwarded message", "----- Forwarded by",
             " wrote:", "border-top:solid #E1E1E1", "________________________________")
ATTACH_CARRIERS = {"pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip"}

def batch_of(fname): return fname.split("-", 1)[0]          # "dev"

BATCH_SIZE = {"dev": 300}

def split_rule(fname): return "tune" if int(hashlib.sha256(fname.encode()).hexdigest(), 16) % 2 == 0 else "test"

def structure_errors(row, msg, raw, text):
    """carrier-shape checks: where the deciding content can sit"""
    errs = []; c = row["carrier"]
    top = [p for p in msg.iter_attachments() if p.get_content_maintype() != "image"]
    if c == "header" and top: errs.append("header carrier with a non-image attachment")
    if c in ATTACH_CARRIERS and len(top) != 1: errs.append(f"{len(top)} non-image attachments")
    if c == "forwarded" and b"message/rfc822" not in raw and not any(mk in text for mk in FWD_MARKS): errs.append("forwarded without a forward/reply marker")
    if c == "html" and not any(p.get_content_type() == "text/html" for p in msg.walk()): errs.append("html carrier without text/html")
    return errs

NAMES = set(w for n in FEM + MAL + FAM for w in re.findall(r"[A-Za-z\u00C0-\u017F']{3,}", n))
HEALTH = re.compile(r"\b(DOB|MRN|SSN|MBI|dx|diagnos|[A-TV-Z]\d\d\.\w{1,4}|INR|AHI|HbA1c|A1c|PPROM|HCV|HIV|CPAP|methadone|warfarin|Ozempic|fracture|tear|SpO2|chemo|insulin|seizure|pregnan|patient|paciente)\b", re.I)
def header_body_errors(msg):
    """the body and any image parts of a header-carrier message carry no patient content"""
    errs = []
    body = "\n".join(p.get_content() for p in msg.walk() if p.get_content_type() in ("text/plain", "text/html") and not p.get_filename())
    body = re.sub(r"(?s)CONFIDENTIALITY NOTICE:.*|This message may contain information protected by HIPAA.*|AVISO DE CONFIDENCIALIDAD.*", "", body)
    if HEALTH.search(body): errs.append("header-carrier body has health/identifier wording: " + HEALTH.search(body).group(0))
    if re.search(r"\b\d{6,}\b", body): errs.append("header-carrier body has a digit run of 6+ (identifier-like)")
    own = set(re.findall(r"[A-Za-z\u00C0-\u017F']{3,}", str(msg["From"] or "")))
    hv = " ".join(str(msg[k] or "") for k in ("To", "Cc", "Reply-To", "Subject", "Thread-Topic", "Keywords", "Comments")) + " " + " ".join(str(v) for k, v in msg.items() if k.startswith("X-") and k != "X-Mailer")
    leak = (set(re.findall(r"[A-Za-z\u00C0-\u017F']{3,}", hv)) & NAMES) - own
    found = [w for w in leak if re.search(r"\b" + re.escape(w) + r"\b", body)]
    if found: errs.append("header-carrier body repeats header name(s): " + ", ".join(sorted(found)))
    return errs

def print_table(cnt, title):
    carriers = sorted({k[0] for k in cnt})
    print(f"\n{title}\n")
    print("| carrier | phi | clean | total |")
    print("|---|---|---|---|")
    tot = collections.Counter()
    for c in carriers:
        v = [cnt[(c, l, "dev")] for l in ("phi", "clean")]
        for i, x in enumerate(v): tot[i] += x
        print(f"| {c} | " + " | ".join(map(str, v)) + f" | {sum(v)} |")
    print("| **all** | " + " | ".join(str(tot[i]) for i in range(2)) + f" | {sum(tot.values())} |")

def main():
    man = list(csv.DictReader(open(os.path.join(HERE, "manifest.tsv")), delimiter="\t"))
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        raw = open(os.path.join(HERE, sys.argv[2]), "rb").read(); _, t, n = message_text(raw)
        row = [m for m in man if m["file"] == sys.argv[2]][0]
        print(row); print(t); print([x for x in n if x[0] != "pdfinfo"]); return
    errs = []; cnt = collections.Counter(); feat = collections.Counter(); bcnt = collections.defaultdict(collections.Counter)
    files = [r["file"] for r in man]
    for f, n in collections.Counter(files).items():
        if n > 1: errs.append((f, f"listed {n} times in manifest.tsv"))
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".eml")}
    for f in sorted(on_disk - set(files)): errs.append((f, "not in manifest.tsv"))
    for f in sorted(set(files) - on_disk): errs.append((f, "in manifest.tsv but missing"))
    for row in man:
        row["split"] = "dev"
        if row["label"] not in ("phi", "clean"): errs.append((row["file"], "bad label " + row["label"]))
    man = [r for r in man if r["file"] in on_disk]
    for row in man:
        raw = open(os.path.join(HERE, row["file"]), "rb").read()
        if b"\n" in raw.replace(b"\r\n", b""): errs.append((row["file"], "bare LF"))
        try:
            msg, text, notes = message_text(raw)
        except Exception as e:
            errs.append((row["file"], f"parse/open error {e!r}")); continue
        c = row["carrier"]
        cnt[(c, row["label"], row["split"])] += 1; bcnt[batch_of(row["file"])][(c, row["label"], row["split"])] += 1
        errs += [(row["file"], e) for e in structure_errors(row, msg, raw, text)]
        if c == "header": errs += [(row["file"], e) for e in header_body_errors(msg)]
        if c in PRODUCER:
            infos = [v for k, v in notes if k == "pdfinfo"]
            if not infos: errs.append((row["file"], "no pdf"))
            elif PRODUCER[c] not in infos[0].lower(): errs.append((row["file"], "producer mismatch " + infos[0].split("Producer:")[-1].split("\n")[0]))
            pages = int(infos[0].split("Pages:")[1].split()[0]) if infos and "Pages:" in infos[0] else 0
            if not 1 <= pages <= 2: errs.append((row["file"], f"pdf has {pages} pages"))
            att = text.split("[attachment", 1)[-1]
            if len(att.strip()) < 80: errs.append((row["file"], "short pdf text"))
        for k, v in notes:
            if k == "xlsx_lo" and v: feat["xlsx resaved by LibreOffice"] += 1
            if k == "xlsx_lo" and v and not dict(notes).get("xlsx_shared"): errs.append((row["file"], "LO xlsx without sharedStrings"))
            if k == "xlsx_dates" and v == 0 and c == "xlsx" and row["label"] == "phi": errs.append((row["file"], "no date cells"))
            if k == "image": feat[f"{row['label']} with inline image"] += 1
            if k == "docx_images" and v: feat[f"{row['label']} docx with picture"] += 1
            if k == "docx_lo" and v: feat["docx by LibreOffice"] += 1
        if "message/rfc822" in raw.decode("latin-1"): feat["message/rfc822"] += 1
        if "multipart/related" in raw.decode("latin-1"): feat["multipart/related"] += 1
    for b, n in BATCH_SIZE.items():
        if sum(bcnt[b].values()) != n: errs.append((b, f"batch has {sum(bcnt[b].values())} messages, expected {n}"))
        if bcnt[b] and len({k[0] for k in bcnt[b]}) != 12: errs.append((b, "batch does not use all 12 carriers"))
    for b in sorted(bcnt):
        print_table(bcnt[b], f"batch {b} (generate.py)")
        lab = collections.Counter()
        for (c, l, _), n in bcnt[b].items(): lab[(c, l)] += n
        for c, (np_, nc) in PLAN.items():
            if (lab[(c, "phi")], lab[(c, "clean")]) != (np_, nc): errs.append((b, f"{c}: {lab[(c, 'phi')]} phi / {lab[(c, 'clean')]} clean, plan {np_}/{nc}"))
        nums = sorted(int(r["file"].split("-")[1].split(".")[0]) for r in man if batch_of(r["file"]) == b)
        if nums != list(range(1, len(nums) + 1)): errs.append((b, "file numbers are not contiguous from 1"))
    print(dict(feat))
    for e in errs: print("ERROR", *e)
    print("errors:", len(errs))
    sys.exit(1 if errs else 0)

if __name__ == "__main__":
    main()
