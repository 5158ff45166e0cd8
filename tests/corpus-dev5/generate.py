#!/usr/bin/python3
"""Fifth development DLP corpus: dev5-0001.eml ... dev5-0160.eml + manifest.tsv (file, label, carrier, category).

Written blind from ../corpus-blind/BRIEF.md (160 messages instead of 400; no split column).  Fictional Deep South
academic medical center (Delta Crescent University Medical Center, Jackson MS) and affiliates.
Modules: gen_base.py (plumbing, identifiers, people, orgs), gen_content.py (body/attachment documents),
gen_headers.py (header-carrier specs).  Deterministic: one random.Random(SEED), fixed run order, boundaries and
Message-IDs from the file name, normalised OOXML/PDF stamps.
Usage: /usr/bin/python3 generate.py [OUTDIR]
"""
import sys, os, glob, shutil, tempfile
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_headers import *

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = HERE

MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Epic Secure Chat Relay 2.4", "iPhone Mail (22A3354)", "Mozilla Thunderbird 128.3.1", None, None]
CDT = dtm.timezone(dtm.timedelta(hours=-5))
def when(r): return dtm.datetime.combine(TODAY - DAY(days=r.randint(0, 25)), dtm.time(r.randint(5, 22), r.randint(0, 59), r.randint(0, 59)), tzinfo=CDT)
def disp(r, s, o):
    return r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family}, {s.cred}" if s.cred else f"{s.given} {s.family}", f"{s.family}, {s.given} ({o.short})", f"{s.given} {s.family}"])
def other_addr(r, o):
    k = r.random()
    if k < 0.55:
        s = staff(r, r.choice(o.creds)); return str(Address(display_name=f"{s.given} {s.family}", addr_spec=mailbox(s, o.dom)))
    if k < 0.8:
        o2 = r.choice(list(ORGS.values())); s = staff(r); return str(Address(display_name=disp(r, s, o2), addr_spec=mailbox(s, o2.dom)))
    grp = r.choice(list(EXT_DOMS)); dom = r.choice(EXT_DOMS[grp]); s = staff(r)
    return str(Address(display_name=f"{s.given} {s.family}", addr_spec=mailbox(s, dom)))
def new_msg(r, o, subject, sender=None, to=None, cc=None):
    s = sender or staff(r, r.choice(o.creds))
    m = EmailMessage()
    if r.random() < 0.85: m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    else: m["From"] = Address(display_name=o.short, addr_spec=f"{r.choice(['noreply', 'notifications', o.key + '-office', 'frontdesk'])}@{o.dom}")
    m["To"] = to or other_addr(r, o)
    if cc: m["Cc"] = cc
    elif r.random() < 0.2: m["Cc"] = other_addr(r, o)
    m["Subject"] = subject
    m["Date"] = format_datetime(when(r))
    mailer = r.choice(MAILERS)
    if mailer: m["X-Mailer"] = mailer
    return m, s
DISCLAIMERS = ["This message may contain information that is confidential or protected by law. If it reached you by mistake, please tell the sender and delete it; do not share or copy it.",
               "Delta Crescent Health staff will never ask you for a password or a gift card by e-mail. Use the Report Phish button if something looks off.",
               "Serving families across Mississippi, Alabama and Louisiana."]
def signature(r, s, o):
    k = r.random()
    if k < 0.3: sig = f"{wc(s)}\n{o.name}\n{o.addr}\nOffice {o.phone} | Fax {o.fax}"
    elif k < 0.5: sig = f"Thank y'all,\n{s.given}\n{o.short} {o.phone}"
    elif k < 0.65: sig = f"-- \n{s.given} {s.family} | {o.short}"
    elif k < 0.85: sig = f"Regards,\n{wc(s)}\n{o.short} | {o.dom}"
    else: sig = f"~{s.given}"
    if r.random() < 0.35: sig += "\n\n" + r.choice(DISCLAIMERS)
    return sig

GREET = ["", "", "", "Hi there,\n\n", "Hey,\n\n", "Good afternoon,\n\n", "Hey y'all,\n\n", "Morning!\n\n", "Hello all -\n\n"]
COVERS = ["Here it is.", "File's attached - holler if it doesn't open.", "Attaching what we went over on the phone.", "Copy attached for the file.",
          "This is the one you were looking for, I think.", "Take a look and send me any changes.", "Per your request, see the attachment.", "Putting this in writing so we both have it.",
          "Attachment below, no rush.", "Should open fine on your phone or in Acrobat.", "Corrected version attached - ignore the one from yesterday.", "Passing this along."]
NEUTRAL_SUBJ = ["scan", "requested copy", "[encrypt] file", "paperwork", "see attached", "from this morning", "revised", "docs", "printout", "for the file"]
FWD_NOTES = ["Passing this along.", "See the note underneath.", "Yours or mine?", "Adding you - read down.", "Can you take this one?", "fyi", "Please read the thread.",
             "Not sure who this goes to.", "Think this belongs with your team.", "Keep for your files.", "Did anybody ever answer this?", "resending", "thoughts?"]
REPLY_NOTES = ["Got it - thank you.", "On it.", "Received, I'll handle today.", "Great, thanks!", "Added to my list.", "Thanks so much.", "I'll give them a call.",
               "Yes ma'am, will do.", "Appreciate it."]

def with_logo(r, m, text, o, sig, doc=None):
    cid = f"logo{dg(r, 6)}@{o.dom}"
    if doc is not None: body, font = render_html(r, doc)
    else: body, font = "<p>" + esc(text).replace("\n", "<br>\n") + "</p>", r.choice(["Calibri,Arial,sans-serif", "Georgia,serif", "Tahoma,Verdana,sans-serif"])
    set_text_html(m, text + "\n\n" + sig, body + "\n" + sig_html(sig, o, cid), font, o, cid)

# ---------------------------------------------------------------- message kinds
def hdr_message(r, label):
    where, f = HREG[label][hdr_message.i[label] % len(HREG[label])]; hdr_message.i[label] += 1
    okey, h = f(r); o = ORGS[okey]
    m, s = new_msg(r, o, h.get("Subject", "(no subject)"))
    for k in ("To", "Cc", "Reply-To"):
        if k in h:
            del m[k]; m[k] = [Address(display_name=d, addr_spec=a) for d, a in h[k]]
    for k, v in h.items():
        if k not in ("Subject", "To", "Cc", "Reply-To"): m[k] = v
    text = r.choice(GREET) + r.choice(HBODIES)
    sig = signature(r, s, o) if r.random() < 0.8 else f"{s.given}"
    if r.random() < 0.3: with_logo(r, m, text, o, sig)
    else: m.set_content(text + "\n\n" + sig + "\n")
    return m, f"header/{o.key}/{where}"
hdr_message.i = {"phi": 0, "clean": 0}

def body_message(r, doc, carrier):
    o = doc.o; m, s = new_msg(r, o, doc.subj or doc.title)
    text = r.choice(GREET) + render_text(r, doc, title=r.random() < 0.5, wrap=r.choice([None, None, 76]))
    sig = signature(r, s, o) if r.random() < 0.7 else ""
    if carrier == "plain":
        m.set_content(text + ("\n\n" + sig if sig else "") + "\n")
    else:
        if r.random() < 0.4: with_logo(r, m, text, o, sig or f"{s.given} {s.family}", doc)
        else:
            body, font = render_html(r, doc); set_text_html(m, text + ("\n\n" + sig if sig else ""), body + ("\n" + sig_html(sig, o) if sig else ""), font)
    return m

def hdr_block(r, st, frm, to, subj, dt):
    if st == "outlook": return f"________________________________\nFrom: {frm}\nSent: {dt.strftime('%A, %B')} {dt.day}, {dt.year} {dt.strftime('%I:%M %p').lstrip('0')}\nTo: {to}\nSubject: {subj}\n\n"
    if st == "orig": return f"-----Original Message-----\nFrom: {frm}\nSent: {dt.strftime('%m/%d/%Y %I:%M %p')}\nTo: {to}\nSubject: {subj}\n\n"
    if st == "gmail": return f"---------- Forwarded message ---------\nFrom: {frm}\nDate: {dt.strftime('%a, %b')} {dt.day}, {dt.year} at {dt.strftime('%I:%M %p').lstrip('0')}\nSubject: {subj}\nTo: {to}\n\n"
    if st == "apple": return f"Begin forwarded message:\n\nFrom: {frm}\nSubject: {subj}\nDate: {dt.strftime('%B')} {dt.day}, {dt.year} at {dt.strftime('%I:%M:%S %p').lstrip('0')} CDT\nTo: {to}\n\n"
    raise ValueError(st)

def fwd_message(r, doc):
    o = doc.o; s0 = staff(r, r.choice(o.creds)); frm0 = f"{s0.given} {s0.family} <{mailbox(s0, o.dom)}>"
    o1 = r.choice([o, o, r.choice(list(ORGS.values()))]); s1 = staff(r, r.choice(o1.creds)); to0 = f"{s1.given} {s1.family} <{mailbox(s1, o1.dom)}>"
    subj0 = doc.subj or doc.title or "message"; dt0 = when(r) - DAY(days=r.randint(1, 6))
    orig = render_text(r, doc, title=r.random() < 0.4, wrap=r.choice([None, 76])) + "\n\n" + signature(r, s0, o)
    shape = r.choice(["outlook", "orig", "gmail", "apple", "reply", "rfc822", "nested", "outlook", "reply"])
    top = r.choice(FWD_NOTES)
    if shape == "rfc822":
        inner = EmailMessage(); inner["From"] = frm0; inner["To"] = to0; inner["Subject"] = subj0; inner["Date"] = format_datetime(dt0)
        inner["Message-ID"] = f"<{hashlib.sha256(('in5:' + orig[:80]).encode()).hexdigest()[:24]}@{o.dom}>"; inner.set_content(orig + "\n")
        m, s = new_msg(r, o1, "FW: " + subj0, sender=s1)
        m.set_content(top + "\n\n" + signature(r, s, o1) + "\n"); m.add_attachment(inner)
        return m, "fwd-rfc822"
    if shape == "reply":
        m, s = new_msg(r, o1, "RE: " + subj0, sender=s1, to=frm0)
        q = "\n".join(("> " + ln) if ln else ">" for ln in orig.split("\n"))
        body = f"{r.choice(REPLY_NOTES)}\n\n{s.given}\n\nOn {dt0.strftime('%a, %b')} {dt0.day}, {dt0.year} at {dt0.strftime('%I:%M %p').lstrip('0')} {frm0} wrote:\n{q}\n"
        m.set_content(body); return m, "fwd-reply-quoted"
    if shape == "nested":
        s2 = staff(r); o2 = r.choice(list(ORGS.values())); frm1 = f"{s1.given} {s1.family} <{mailbox(s1, o1.dom)}>"; to1 = f"{s2.given} {s2.family} <{mailbox(s2, o2.dom)}>"
        mid = r.choice(FWD_NOTES) + "\n\n" + s1.given + "\n\n" + hdr_block(r, "orig", frm0, to0, subj0, dt0) + orig
        m, s = new_msg(r, o2, "RE: FW: " + subj0, sender=s2, to=frm1)
        body = r.choice(REPLY_NOTES) + "\n\n" + signature(r, s, o2) + "\n\n" + hdr_block(r, "outlook", frm1, to1, "FW: " + subj0, dt0 + DAY(hours=r.randint(1, 20))) + mid
        m.set_content(body + "\n"); return m, "fwd-nested"
    m, s = new_msg(r, o1, r.choice(["FW: ", "Fwd: ", "FWD: "]) + subj0, sender=s1)
    body = top + "\n\n" + signature(r, s, o1) + "\n\n" + hdr_block(r, shape, frm0, to0, subj0, dt0) + orig
    if r.random() < 0.3:
        html = "<p>" + esc(top) + "</p>\n<hr>\n<div style=\"border-left:2px solid #999;padding-left:8px\">" + esc(hdr_block(r, shape, frm0, to0, subj0, dt0) + orig).replace("\n", "<br>\n") + "</div>"
        set_text_html(m, body, html, "Calibri,Arial,sans-serif")
    else: m.set_content(body + "\n")
    return m, f"fwd-{shape}"

def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asciify(doc.title or doc.cat.split("/")[-1]))[:40].strip("_") or "document"
    return r.choice([base, base.lower(), f"{base}_{TODAY:%Y%m%d}", f"scan{dg(r, 8)}", f"{doc.o.key.upper()}_{base}", f"{base} ({r.randint(1, 3)})", f"doc{dg(r, 5)}"]) + "." + ext

def make_attachment(r, jobs, carrier, doc, key):
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fp_pdf(r, doc, r.random() < 0.55, key), None
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), rl_pdf(r, doc, key), None
    if carrier == "pdf-ghostscript":
        src = r.random()
        if src < 0.6:
            for cut in (None, 10, 7):
                ps, n = ps_doc(r, doc if cut is None else doc.cut(cut))
                if n <= 2: break
            p = os.path.join(jobs.tmp, f"{key}.ps"); open(p, "w", encoding="latin-1").write(ps)
        else:
            p = os.path.join(jobs.tmp, f"{key}.src.pdf"); open(p, "wb").write(rl_pdf(r, doc, key) if src < 0.8 else fp_pdf(r, doc, r.random() < 0.5, key))
        return fname_for(r, doc, "pdf"), norm_pdf(gs_distill(p, os.path.join(jobs.tmp, f"{key}.gs.pdf")), key), None
    if carrier == "pdf-libreoffice":
        if r.random() < 0.5: h = jobs.add("html2pdf", f"{key}.html", render_html(r, doc, standalone=True).encode("utf-8"))
        else: h = jobs.add("docx2pdf", f"{key}.docx", docx_bytes(r, doc, logo=r.random() < 0.4))
        return fname_for(r, doc, "pdf"), h, lambda b: norm_pdf(b, key)
    if carrier == "docx":
        if r.random() < 0.3: return fname_for(r, doc, "docx"), jobs.add("html2docx", f"{key}.html", render_html(r, doc, standalone=True).encode("utf-8")), norm_ooxml
        return fname_for(r, doc, "docx"), docx_bytes(r, doc, logo=r.random() < 0.45), None
    if carrier == "xlsx":
        x = xlsx_bytes(r, doc)
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), jobs.add("xlsx2xlsx", f"{key}.xlsx", x), norm_ooxml
        return fname_for(r, doc, "xlsx"), x, None
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data, None
    if carrier == "zip":
        if doc.table() and r.random() < 0.6:
            if r.random() < 0.5: data, ext = csv_bytes(r, doc); inner = (fname_for(r, doc, ext), data)
            else: inner = (fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc))
        else:
            k = r.random()
            if k < 0.4: inner = (fname_for(r, doc, "pdf"), rl_pdf(r, doc, key))
            elif k < 0.7: inner = (fname_for(r, doc, "pdf"), fp_pdf(r, doc, True, key))
            else: inner = (fname_for(r, doc, "docx"), docx_bytes(r, doc))
        folder = r.choice(["", "", "export/", f"{doc.o.key}_{TODAY:%Y%m}/"])
        return r.choice(["records", "export", "documents", f"{doc.o.key}_files", "secure_package", "batch"]) + f"_{dg(r, 4)}.zip", make_zip([(folder + inner[0], inner[1])]), None
    raise ValueError(carrier)

def attach_message(r, jobs, doc, carrier, key, label):
    o = doc.o; subj = doc.subj if r.random() < 0.6 else r.choice(NEUTRAL_SUBJ)
    m, s = new_msg(r, o, subj)
    text = r.choice(GREET) + r.choice(COVERS); sig = signature(r, s, o)
    if label == "clean" and r.random() < 0.35: with_logo(r, m, text, o, sig)
    else: m.set_content(text + "\n\n" + sig + "\n")
    fname, data, post = make_attachment(r, jobs, carrier, doc, key)
    return m, fname, data, post

# ---------------------------------------------------------------- plan
PLAN = {"header": (20, 20), "plain": (10, 10), "html": (8, 8), "forwarded": (10, 10), "pdf-fpdf2": (6, 6), "pdf-libreoffice": (6, 6), "pdf-ghostscript": (4, 4),
        "pdf-reportlab": (4, 4), "docx": (4, 4), "xlsx": (3, 2), "csv": (3, 3), "zip": (3, 2)}
USE = collections.Counter()
def choose(r, label, need_table):
    pool = [t for t in REG if t[0] == label and (t[2] or not need_table)]
    lo = min(USE[t[1]] for t in pool); cands = [t for t in pool if USE[t[1]] == lo]
    t = r.choice(cands); USE[t[1]] += 1; return t

def main():
    global OUT
    if len(sys.argv) > 1: OUT = os.path.abspath(sys.argv[1]); os.makedirs(OUT, exist_ok=True)
    for f in glob.glob(os.path.join(OUT, PREFIX + "*.eml")): os.remove(f)
    slots = [(c, l) for c, (np_, nc) in PLAN.items() for l, n in (("phi", np_), ("clean", nc)) for _ in range(n)]
    R.shuffle(slots)
    tmp = tempfile.mkdtemp(prefix="dev5-"); jobs = LOJobs(tmp); pending = []; rows = []
    try:
        for i, (carrier, label) in enumerate(slots, 1):
            fname = f"{PREFIX}{i:04d}.eml"; key = fname[:-4]
            if carrier == "header":
                m, cat = hdr_message(R, label); pending.append((fname, m, None, None, None))
            else:
                need_table = carrier in ("xlsx", "csv") or (carrier == "zip" and R.random() < 0.5)
                _, cat0, _, f = choose(R, label, need_table); doc = f(R); cat = cat0
                if carrier in ("plain", "html"): pending.append((fname, body_message(R, doc, carrier), None, None, None))
                elif carrier == "forwarded":
                    m, shape = fwd_message(R, doc); cat += "/" + shape; pending.append((fname, m, None, None, None))
                else:
                    m, an, data, post = attach_message(R, jobs, doc, carrier, key, label); pending.append((fname, m, an, data, post))
            rows.append((fname, label, carrier, cat))
        jobs.run()
        for fname, m, an, data, post in pending:
            if an:
                if isinstance(data, tuple) and data[0] == "LO": data = open(data[1], "rb").read()
                if post: data = post(data)
                attach_part(m, an, data)
            open(os.path.join(OUT, fname), "wb").write(finish(fname, m))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(os.path.join(OUT, "manifest.tsv"), "w", newline="") as f:
        f.write("file\tlabel\tcarrier\tcategory\n")
        for row in rows: f.write("\t".join(row) + "\n")
    c = collections.Counter((x[2], x[1]) for x in rows)
    print(f"wrote {len(rows)} messages to {OUT}")
    for k in PLAN: print(f"  {k:16s} phi {c[(k, 'phi')]:3d}  clean {c[(k, 'clean')]:3d}")

if __name__ == "__main__":
    main()
