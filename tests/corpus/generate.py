#!/usr/bin/env python3
"""Generate the labeled DLP corpus (tests/corpus/*.eml + manifest.tsv).

Deterministic (fixed seed): re-running produces identical files, so the
corpus can grow by adding templates or carriers without churning old files.

Labels:
  phi        the message carries PHI / payment data; the scanner must flag it
  clean      no PHI; flagging it is a false positive
  unscanned  content the scanner cannot read (encrypted, image); the verdict
             must fail closed (action >= secure) whatever `phi` says

Every template is crossed with every carrier (plain, quoted-printable, base64,
legacy charsets, HTML-only with inline tags and entities, alternative parts,
each attachment type, zip nesting, forwarded messages, subject only), so a
regression in one extractor shows up as a drop in recall or precision.

The negatives are written to look like real hospital mail that must NOT be
flagged: provider directories full of valid NPIs, health newsletters full of
conditions and drug names, invoices, shipment tracking, meeting dates, IT
notices with IPs and part numbers, and test data with invalid SSNs and cards.
"""

import base64
import gzip
import io
import os
import quopri
import random
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20260415)

FIRST = ["Maria", "James", "Aisha", "Wei", "Carlos", "Emily", "Olga", "Samuel", "Priya", "Daniel",
         "Fatima", "George", "Hannah", "Ivan", "Julia", "Kevin", "Linh", "Miguel", "Nora", "Omar"]
LAST = ["Garcia", "Smith", "Okafor", "Chen", "Rodriguez", "Johnson", "Petrov", "Nguyen", "Patel",
        "Williams", "Haddad", "Brown", "Kowalski", "Lopez", "Miller", "Tanaka", "Davis", "Moore"]
ACCENTED = [("José", "Núñez"), ("Zoë", "Müller"), ("Renée", "Dubois"), ("Łukasz", "Wójcik"), ("Ana", "Peña")]
CONDITIONS = ["type 2 diabetes", "hypertension", "asthma", "major depressive disorder", "breast cancer",
              "chronic kidney disease", "atrial fibrillation", "COPD", "HIV", "epilepsy", "heart failure",
              "bipolar disorder", "opioid use disorder", "hepatitis C", "rheumatoid arthritis"]
MEDS = ["metformin 500 mg", "lisinopril 10 mg", "atorvastatin 40 mg", "sertraline 50 mg", "insulin glargine",
        "apixaban 5 mg", "levothyroxine 75 mcg", "buprenorphine", "albuterol inhaler", "gabapentin 300 mg",
        "tamoxifen 20 mg", "lamotrigine 100 mg"]
PLANS = ["Aetna Choice POS II", "Blue Cross PPO", "Cigna HMO", "Humana Medicare Advantage", "Medicaid managed care"]


def load_icd():
    path = os.path.join(HERE, "..", "..", "rules", "data", "icd10cm-2026.txt")
    codes = [l.strip() for l in open(path) if l.strip() and not l.startswith("#")]
    return [c for c in codes if 4 <= len(c) <= 6]


ICD = load_icd()


def luhn_digit(digits):
    s = 0
    for i, d in enumerate(reversed(digits)):
        v = d * 2 if i % 2 == 0 else d
        s += v - 9 if v > 9 else v
    return (10 - s % 10) % 10


def luhn_ok(digits):
    return luhn_digit(digits[:-1]) == digits[-1]


def name():
    return R.choice(FIRST) + " " + R.choice(LAST)


def ssn():
    while True:
        a, g, s = R.randint(1, 899), R.randint(1, 99), R.randint(1, 9999)
        if a != 666 and (a, g, s) not in [(78, 5, 1120), (123, 45, 6789), (219, 9, 9999)]:
            return a, g, s


def ssn_dashed():
    a, g, s = ssn()
    return f"{a:03d}-{g:02d}-{s:04d}"


def ssn_plain():
    a, g, s = ssn()
    return f"{a:03d}{g:02d}{s:04d}"


def invalid_ssn():
    return R.choice([
        f"000-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}",
        f"666-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}",
        f"{R.randint(1, 899):03d}-00-{R.randint(1, 9999):04d}",
        f"{R.randint(1, 899):03d}-{R.randint(1, 99):02d}-0000",
        "078-05-1120", "123-45-6789",
        f"9{R.randint(0, 99):02d}-{R.choice([10, 20, 30, 40, 89, 93])}-{R.randint(1, 9999):04d}",
    ])


def itin():
    return f"9{R.randint(0, 99):02d}-{R.choice([50, 57, 63, 70, 78, 88, 90, 94, 99])}-{R.randint(1, 9999):04d}"


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def mbi(dashes=True):
    c = [str(R.randint(1, 9)), R.choice(MBI_L), R.choice(MBI_L + "0123456789"), str(R.randint(0, 9)),
         R.choice(MBI_L), R.choice(MBI_L + "0123456789"), str(R.randint(0, 9)), R.choice(MBI_L),
         R.choice(MBI_L), str(R.randint(0, 9)), str(R.randint(0, 9))]
    s = "".join(c)
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s


def npi():
    d = [R.choice([1, 2])] + [R.randint(0, 9) for _ in range(8)]
    return "".join(map(str, d + [luhn_digit([8, 0, 8, 4, 0] + d)]))


def dea(last):
    first = R.choice("ABFGMPR")
    d = [R.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + last[0].upper() + "".join(map(str, d)) + str(chk)


def card(valid=True):
    prefix, length = R.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("37", 15),
                               ("6011", 16), ("65", 16), ("3530", 16)])
    d = [int(x) for x in prefix] + [R.randint(0, 9) for _ in range(length - len(prefix) - 1)]
    chk = luhn_digit(d)
    if not valid:
        chk = (chk + R.randint(1, 9)) % 10
    d.append(chk)
    s = "".join(map(str, d))
    if length == 15:
        return f"{s[:4]} {s[4:10]} {s[10:]}"
    sep = R.choice([" ", "-", ""])
    return sep.join(s[i:i + 4] for i in range(0, 16, 4))


def aba():
    while True:
        d = [R.randint(0, 1)] + [R.randint(0, 9) for _ in range(7)]
        p = d[0] * 10 + d[1]
        if not (p <= 12 or 21 <= p <= 32):
            continue
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        s = sum(a * b for a, b in zip(d, w))
        return "".join(map(str, d + [(10 - s % 10) % 10]))


def dob():
    y, m, d = R.randint(1935, 2012), R.randint(1, 12), R.randint(1, 28)
    return R.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y}",
                     ["January", "March", "May", "July", "October", "December"][m % 6] + f" {d}, {y}"])


def mrn():
    return R.choice(["", "", "RB", "MR"]) + str(R.randint(10 ** 6, 10 ** 9))


def icd():
    c = R.choice(ICD)
    return c[:3] + "." + c[3:]


def future_date():
    return f"{R.randint(1, 12):02d}/{R.randint(1, 28):02d}/2026"


# --------------------------------------------------------------- templates
# Each returns (subject, body_text, short_phi_for_subject_or_None).

def t_referral():
    n = name()
    return ("Referral", f"Hello Dr. {R.choice(LAST)},\n\nReferring the following patient for evaluation.\n\n"
            f"Patient: {n}\nDOB: {dob()}\nMRN: {mrn()}\nDiagnosis: {R.choice(CONDITIONS)} ({icd()})\n\n"
            f"Current medications: {R.choice(MEDS)}.\nPlease call the clinic with questions.\n", f"MRN {mrn()}")


def t_ssn_hr():
    n = name()
    return ("Payroll correction", f"Hi team,\n\nPlease correct the W-2 for {n}. The SSN on file should read "
            f"{ssn_dashed()}.\nThanks,\nHR\n", f"SSN {ssn_dashed()}")


def t_ssn_plain():
    return ("Eligibility check", f"Can you run eligibility? Subscriber social security number {ssn_plain()}, "
            f"plan {R.choice(PLANS)}.\n", f"SSN {ssn_plain()}")


def t_mbi():
    return ("Medicare question", f"The beneficiary called about a denied claim. Medicare number: {mbi()}.\n"
            f"Please review and call back.\n", f"MBI {mbi()}")


def t_member():
    return ("Prior authorization", f"Prior authorization request for {R.choice(PLANS)}.\nMember ID: "
            f"{R.choice(['W', 'XJH', 'M'])}{R.randint(10 ** 7, 10 ** 9)}\nService: MRI lumbar spine.\n",
            f"Member ID: W{R.randint(10 ** 7, 10 ** 9)} claim")


def t_card():
    return ("Payment for invoice", f"Please charge the balance to card {card()} exp {R.randint(1, 12):02d}/"
            f"{R.randint(27, 31)}, name {name()}.\n", f"card {card()}")


def t_name_med():
    return ("Medication update", f"Pt: {name()} started {R.choice(MEDS)} today, follow up in 2 weeks.\n",
            None)


def t_name_icd():
    return ("Coding question", f"Patient: {name()}\nDx {icd()} entered for the visit on {future_date()}.\n", None)


def t_dob():
    return ("Appointment", f"Confirming the appointment for {name()} (date of birth {dob()}) next week.\n",
            f"DOB {dob()}")


def t_bank():
    return ("Direct deposit", f"New direct deposit details for {name()}:\nRouting number {aba()}\n"
            f"Account number {R.randint(10 ** 8, 10 ** 11)}\n", None)


def t_itin():
    return ("Tax form", f"Vendor W-9 received. ITIN {itin()} for {name()}.\n", f"ITIN {itin()}")


def t_encounter():
    return ("Visit follow-up", f"Encounter #: {R.randint(10 ** 6, 10 ** 8)} for {name()} was closed without "
            f"a discharge summary.\n", f"Encounter # {R.randint(10 ** 6, 10 ** 8)}")


def t_roster():
    rows = ["name,dob,mrn,diagnosis"]
    for _ in range(4):
        rows.append(f"{name()},{dob()},{mrn()},{R.choice(CONDITIONS)}")
    return ("Roster", "Patient roster follows.\n\n" + "\n".join(rows) + "\n", None)


POSITIVE = [t_referral, t_ssn_hr, t_ssn_plain, t_mbi, t_member, t_card, t_name_med, t_name_icd, t_dob,
            t_bank, t_itin, t_encounter, t_roster]


def n_newsletter():
    cs = R.sample(CONDITIONS, 3)
    ms = R.sample(MEDS, 2)
    return ("Riverbend Health News", f"This month in Riverbend Health News\n\nNovember is awareness month for "
            f"{cs[0]}. Our endocrinology team explains how {ms[0]} and {ms[1]} are used, and why screening for "
            f"{cs[1]} and {cs[2]} matters. Patient story: one of our volunteers shares how she manages her "
            f"condition. Join the free class on {future_date()} at 6 pm.\nUnsubscribe: reply STOP.\n", None)


def n_directory():
    lines = ["Riverbend Provider Directory (updated)", ""]
    for _ in range(6):
        lines.append(f"Dr. {name()}, MD - {R.choice(['Cardiology', 'Oncology', 'Family Medicine', 'Psychiatry'])}"
                     f" - NPI {npi()} - Phone ({R.randint(201, 989)}) {R.randint(200, 999)}-{R.randint(1000, 9999)}"
                     f" - DEA on file")
    return ("Provider directory", "\n".join(lines) + "\n", None)


def n_meeting():
    return ("Meeting moved", f"The quality committee meeting moved to {future_date()} at 10:30 in room 4-112.\n"
            f"Dial-in: 1-{R.randint(200, 999)}-{R.randint(200, 999)}-{R.randint(1000, 9999)}, "
            f"access code {R.randint(100000000, 999999999)}.\nAgenda: patient experience scores, budget.\n", None)


def n_order():
    return ("Your order has shipped", f"Order #{R.randint(100, 999)}-{R.randint(10 ** 6, 10 ** 7 - 1)}-"
            f"{R.randint(10 ** 6, 10 ** 7 - 1)} has shipped.\nTracking: 1Z{R.randint(10 ** 15, 10 ** 16 - 1)}\n"
            f"FedEx tracking {R.randint(10 ** 11, 10 ** 12 - 1)}; USPS {R.randint(10 ** 21, 10 ** 22 - 1)}\n"
            f"Invoice INV-2026-{R.randint(1000, 99999)}, total $1,{R.randint(100, 999)}.{R.randint(10, 99)}\n"
            f"Part no. {R.randint(1000, 9999)}-{R.randint(1000, 9999)}-{R.randint(10, 99)}, qty 12.\n", None)


def n_it():
    return ("Maintenance window", f"The EHR interface engine at 10.{R.randint(0, 255)}.{R.randint(0, 255)}."
            f"{R.randint(1, 254)} and 192.168.{R.randint(0, 255)}.{R.randint(1, 254)} will restart on "
            f"{future_date()}. Build 4.{R.randint(0, 20)}.{R.randint(100, 9999)}, ticket "
            f"CHG{R.randint(10 ** 6, 10 ** 7)}. MAC 00:1A:2B:{R.randint(10, 99)}:4C:5D. Serial "
            f"SN{R.randint(10 ** 8, 10 ** 9)}.\n", None)


def n_testdata():
    return ("Test data for QA", f"For the interface test use these invalid placeholder values only:\n"
            f"SSN {invalid_ssn()}, SSN {invalid_ssn()}, card {card(False)}, card {card(False)}.\n"
            f"They fail validation on purpose.\n", None)


def n_coding_tip():
    return ("Coding tip of the week", f"Documentation tip: ICD-10 code {icd()} requires the laterality to be "
            f"documented; code {icd()} is often confused with it. See the payer bulletin.\n", None)


def n_phone_list():
    lines = ["On-call phone list"]
    for _ in range(6):
        lines.append(f"{name()}: {R.randint(2000000000, 2999999999)} / pager {R.randint(1000000, 9999999)}")
    return ("On-call list", "\n".join(lines) + "\n", None)


def n_receipt():
    return ("Receipt", f"Thank you for your donation. Visa ending in {R.randint(1000, 9999)}, authorization "
            f"{R.randint(100000, 999999)}, reference {R.randint(10 ** 15, 10 ** 16 - 1)}.\n", None)


def n_hr_form():
    return ("Benefits enrollment", "Open enrollment ends Friday. You will need your member ID card, the date "
            "of birth of each dependent and your plan choice. No documents by email please.\n", None)


def n_research():
    return ("Study recruitment", f"We are recruiting adults with {R.choice(CONDITIONS)} for a study of "
            f"{R.choice(MEDS)}. Eligibility: age 18-75. Contact the research office at extension "
            f"{R.randint(1000, 9999)}. IRB #{R.randint(2020, 2026)}-{R.randint(100, 999)}.\n", None)


def n_story():
    # Published, consented patient story: a human reads it as marketing, the
    # rules see "Patient: Name" next to a condition. Expected to be hard.
    return ("Patient stories", f"Patient: {name()} shares her journey with {R.choice(CONDITIONS)}\n\nAfter "
            f"her diagnosis she joined our support group. Read the full story on our website.\n", None)


def n_headings():
    return ("Quality bulletin", f"Patient: Safety Week Kicks Off\n\nThis year we focus on {R.choice(CONDITIONS)} "
            f"and {R.choice(CONDITIONS)} readmissions. Falls fell 12% since {future_date()}.\n", None)


def n_supply():
    return ("Supply order", f"Please reorder: REF {R.randint(100, 899)}-{R.randint(10, 99)}-{R.randint(1000, 9999)}"
            f" sutures (qty 24), Lot {R.randint(100, 899)}-{R.randint(10, 99)}-{R.randint(1000, 9999)} gloves,"
            f" Catalog No. {R.randint(100, 899)}-{R.randint(10, 99)}-{R.randint(1000, 9999)}.\n", None)


def n_vendor_invoice():
    return ("Invoice due", f"Invoice {R.randint(100000000, 999999999)} is due {future_date()}. Pay by bank transfer"
            f" referencing customer number {R.randint(100000000, 999999999)}. Account number "
            f"{R.randint(10 ** 7, 10 ** 9)} is your customer account, not a bank account.\n", None)


def n_birthday():
    return ("Happy birthday!", f"Cake in the break room for Dana, born {R.randint(1, 12)}/{R.randint(1, 28)}/"
            f"{R.randint(1960, 1999)}! Meeting after at {R.randint(1, 4)} pm.\n", None)


HARD_NEGATIVE = [n_story, n_headings, n_supply, n_vendor_invoice, n_birthday]


def h_ssn_no_keyword():
    # By design a bare 9-digit number needs a keyword: expected miss.
    return ("Employee file", f"Employee {name()}, id {ssn_plain()}, starts Monday.\n", None)


def h_name_apostrophe():
    return ("Follow up", f"Patient: O'Brien, Mary was seen for {R.choice(CONDITIONS)}.\n", None)


def h_lowercase_name():
    return ("fyi", f"patient: {name().lower()}, on {R.choice(MEDS)}, call back\n", None)


def h_nb_hyphen():
    a, g, s_ = ssn()
    return ("W-2", f"Corrected SSN for {name()}: {a:03d}\u2011{g:02d}\u2011{s_:04d}\n", None)


def h_fullwidth():
    a, g, s_ = ssn()
    fw = "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in f"{a:03d}-{g:02d}-{s_:04d}")
    return ("\u6c0f\u540d", f"\u793e\u4f1a\u4fdd\u969c\u756a\u53f7 SSN: {fw}\n", None)


def h_far_keyword():
    filler = "We reviewed the file and the paperwork is complete. " * 5
    return ("Forms", f"SSN for the applicant is below.\n{filler}\n{ssn_plain()}\n", None)


def h_amex_lower_mbi():
    return ("Billing", f"Amex {card()} and medicare id {mbi().lower()}\n", None)


HARD_POSITIVE = [h_ssn_no_keyword, h_name_apostrophe, h_lowercase_name, h_nb_hyphen, h_fullwidth, h_far_keyword,
                 h_amex_lower_mbi]
HARD_CARRIERS = ["plain", "html", "att-pdf", "att-docx", "base64"]

NEGATIVE = [n_newsletter, n_directory, n_meeting, n_order, n_it, n_testdata, n_coding_tip, n_phone_list,
            n_receipt, n_hr_form, n_research]

# ----------------------------------------------------------------- builders


def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def b64(data):
    s = base64.b64encode(data).decode("ascii")
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def headers(subject, idx, extra=""):
    subj = subject
    if any(ord(c) > 127 for c in subject):
        subj = "=?UTF-8?B?" + base64.b64encode(subject.encode()).decode() + "?="
    return (f"From: clinic{idx % 7}@riverbend-health.org\r\nTo: partner{idx % 5}@example.com\r\n"
            f"Subject: {subj}\r\nDate: Tue, 14 Apr 2026 09:{idx % 60:02d}:00 -0400\r\n"
            f"Message-ID: <corpus-{idx}@riverbend-health.org>\r\nMIME-Version: 1.0\r\n{extra}")


def html_of(text):
    """HTML with inline tags inside numbers, entities and hidden spans."""
    out = []
    for line in text.split("\n"):
        l = line.replace("&", "&amp;").replace("<", "&lt;")
        # Break digit runs with inline tags and encode some dashes as entities.
        l = l.replace("-", "&#45;", 1)
        if len(l) > 6:
            mid = len(l) // 2
            l = l[:mid] + "<span style=\"color:#333\">" + l[mid:] + "</span>"
        out.append(f"<p>{l}</p>")
    return ("<html><head><style>p{font-family:Arial}</style></head><body>" + "".join(out) +
            "<div style=\"display:none\">preheader</div><img src=\"https://cdn.example.com/logo.png\" alt=\"logo\">"
            "</body></html>")


def pdf_bytes(text, encrypted=False, image_only=False):
    lines = text.split("\n")
    ops = ["BT", "/F1 11 Tf", "72 740 Td", "14 TL"]
    for l in lines:
        try:
            esc = l.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append("(" + esc.decode("latin-1") + ") Tj T*")
        except UnicodeEncodeError:
            # Text outside Latin-1: a UTF-16BE string with byte-order mark.
            ops.append("<FEFF" + l.encode("utf-16-be").hex().upper() + "> Tj T*")
    ops.append("ET")
    content = ("q 100 0 0 100 72 600 cm /Im1 Do Q" if image_only else "\n".join(ops)).encode("latin-1")
    stream = zlib.compress(content)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + o + b"\nendobj\n")
    x = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for o in offs:
        out.write(f"{o:010d} 00000 n \n".encode())
    enc = b" /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 >>" if encrypted else b""
    out.write(b"trailer\n<< /Size " + str(len(objs) + 1).encode() + b" /Root 1 0 R" + enc + b" >>\nstartxref\n" +
              str(x).encode() + b"\n%%EOF\n")
    return out.getvalue()


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' \
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' \
     '<Default Extension="xml" ContentType="application/xml"/></Types>'


def zip_of(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            zi = zipfile.ZipInfo(n, date_time=(2026, 4, 14, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
    return b.getvalue()


def docx(text):
    paras = []
    for l in text.split("\n"):
        # Word splits runs at arbitrary points: split every line in two runs.
        mid = len(l) // 2
        paras.append(f'<w:p><w:r><w:t xml:space="preserve">{xml_esc(l[:mid])}</w:t></w:r>'
                     f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{xml_esc(l[mid:])}</w:t></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body>' + "".join(paras) + '</w:body></w:document>')
    return zip_of([("[Content_Types].xml", CT), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", doc)])


def xlsx(text):
    lines = [l for l in text.split("\n") if l.strip()]
    strings = []
    rows = []
    for r, l in enumerate(lines, 1):
        cells = []
        for c, v in enumerate(l.replace(",", "\t").split("\t")):
            ref = chr(65 + c) + str(r)
            if v.strip().isdigit():
                cells.append(f'<c r="{ref}"><v>{v.strip()}</v></c>')
            else:
                strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData>' + "".join(rows) + "</sheetData></worksheet>")
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           '2006/main">' + "".join(f"<si><t>{xml_esc(s)}</t></si>" for s in strings) + "</sst>")
    return zip_of([("[Content_Types].xml", CT), ("_rels/.rels", "<Relationships/>"),
                   ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)])


def pptx(text):
    ps = "".join(f"<a:p><a:r><a:t>{xml_esc(l)}</a:t></a:r></a:p>" for l in text.split("\n"))
    slide = ('<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/'
             '2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>'
             '<p:sp><p:txBody>' + ps + '</p:txBody></p:sp></p:spTree></p:cSld></p:sld>')
    return zip_of([("[Content_Types].xml", CT), ("_rels/.rels", "<Relationships/>"),
                   ("ppt/slides/slide1.xml", slide)])


def password_zip(text):
    data = bytearray(zip_of([("records.csv", text)]))
    # Set the "encrypted" flag bit in the local and central headers.
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        flags = struct.unpack_from("<H", data, i + off)[0] | 1
        struct.pack_into("<H", data, i + off, flags)
    return bytes(data)


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def attachment(ctype, fname, data):
    return (f"Content-Type: {ctype}; name=\"{fname}\"\r\nContent-Disposition: attachment; filename=\"{fname}\"\r\n"
            f"Content-Transfer-Encoding: base64\r\n\r\n{b64(data)}\r\n")


def multipart(hdr, parts, kind="mixed"):
    boundary = f"=_sg_{R.randint(10 ** 9, 10 ** 10)}"
    out = hdr + f"Content-Type: multipart/{kind}; boundary=\"{boundary}\"\r\n\r\nThis is a MIME message.\r\n"
    for p in parts:
        out += f"--{boundary}\r\n{p}"
    return out + f"--{boundary}--\r\n"


def textpart(text, cte="7bit", charset="utf-8", subtype="plain"):
    if cte == "quoted-printable":
        body = quopri.encodestring(text.encode(charset, "replace")).decode("ascii")
    elif cte == "base64":
        body = b64(text.encode(charset, "replace"))
    else:
        body = text.replace("\n", "\r\n")
    return (f"Content-Type: text/{subtype}; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
            f"{body}\r\n")


CARRIERS = ["plain", "qp", "base64", "latin1", "cp1252", "html", "alternative", "subject", "att-txt", "att-csv",
            "att-html", "att-pdf", "att-docx", "att-xlsx", "att-pptx", "att-zip", "att-nested-zip", "att-eml",
            "fwd-inline", "att-gz"]


def build(idx, subject, text, short, carrier):
    """Return raw message bytes (str) for `text` carried by `carrier`."""
    cover = "Please see the attached file.\n"
    if carrier in ("latin1", "cp1252"):
        f, l = R.choice(ACCENTED)
        text = text.replace("Hello", f"Bonjour {f} {l},")
        cs = "iso-8859-1" if carrier == "latin1" else "windows-1252"
        cte = "quoted-printable" if carrier == "latin1" else "8bit"
        hdr = headers(subject, idx)
        if cte == "8bit":
            return (hdr + f"Content-Type: text/plain; charset=\"{cs}\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    ).encode() + (text.replace("\n", "\r\n") + " \u2013 Merci\r\n").encode(cs, "replace")
        return (hdr + textpart(text + " Café.\n", cte, cs)).encode()
    hdr = headers(subject, idx)
    if carrier == "plain":
        return (hdr + textpart(text)).encode()
    if carrier == "qp":
        return (hdr + textpart(text + "Merci — ça va.\n", "quoted-printable")).encode()
    if carrier == "base64":
        return (hdr + textpart(text, "base64")).encode()
    if carrier == "html":
        return (hdr + textpart(html_of(text), "quoted-printable", subtype="html")).encode()
    if carrier == "alternative":
        return multipart(hdr, [textpart(text, "quoted-printable"),
                               textpart(html_of(text), "base64", subtype="html")], "alternative").encode()
    if carrier == "subject":
        # Only the subject carries the identifier; the body is neutral.
        subj = f"{subject}: {short}" if short else subject
        return (headers(subj, idx) + textpart("Details in the portal as discussed.\n")).encode()
    if carrier == "fwd-inline":
        return (hdr + textpart("FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Front Desk "
                               "<desk@riverbend-health.org>\nSubject: " + subject + "\n\n" + text)).encode()
    if carrier == "att-eml":
        inner = (headers(subject, idx + 100000) + textpart(text, "quoted-printable"))
        part = ("Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"forwarded.eml\"\r\n\r\n"
                + inner + "\r\n")
        return multipart(hdr, [textpart("Forwarding the message below.\n"), part]).encode()
    files = {
        "att-txt": ("text/plain", "note.txt", lambda: text.encode()),
        "att-csv": ("text/csv", "export.csv", lambda: text.replace(": ", ",").encode()),
        "att-html": ("text/html", "letter.html", lambda: html_of(text).encode()),
        "att-pdf": ("application/pdf", "letter.pdf", lambda: pdf_bytes(text)),
        "att-docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "letter.docx",
                     lambda: docx(text)),
        "att-xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sheet.xlsx",
                     lambda: xlsx(text)),
        "att-pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "slides.pptx",
                     lambda: pptx(text)),
        "att-zip": ("application/zip", "files.zip", lambda: zip_of([("notes/letter.txt", text)])),
        "att-nested-zip": ("application/zip", "outer.zip",
                           lambda: zip_of([("inner.zip", zip_of([("letter.docx", docx(text))]))])),
        "att-gz": ("application/gzip", "letter.txt.gz", lambda: gzip.compress(text.encode(), mtime=0)),
    }
    ctype, fname, make = files[carrier]
    return multipart(hdr, [textpart(cover), attachment(ctype, fname, make())]).encode()


def unscanned_cases(start):
    """Content the scanner cannot read: must fail closed."""
    out = []
    t = "Patient: " + name() + "\nDOB: " + dob() + "\n"
    specs = [
        ("encrypted-pdf", lambda h: multipart(h, [textpart("Password sent separately.\n"),
                                                  attachment("application/pdf", "records.pdf",
                                                             pdf_bytes(t, encrypted=True))])),
        ("password-zip", lambda h: multipart(h, [textpart("Zip password by phone.\n"),
                                                 attachment("application/zip", "records.zip", password_zip(t))])),
        ("image", lambda h: multipart(h, [textpart("Scan attached.\n"), attachment("image/png", "scan.png", PNG)])),
        ("scanned-pdf", lambda h: multipart(h, [textpart("Scanned form attached.\n"),
                                                attachment("application/pdf", "form.pdf",
                                                           pdf_bytes(t, image_only=True))])),
        ("legacy-doc", lambda h: multipart(h, [textpart("Old Word file.\n"),
                                               attachment("application/msword", "old.doc",
                                                          b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)])),
    ]
    i = start
    for rep in range(2):
        for kind, make in specs:
            out.append((f"unscanned_{kind}_{rep}.eml", "unscanned", kind, kind,
                        make(headers("Records", i)).encode()))
            i += 1
    return out


def main():
    manifest = []
    files = []
    idx = 0
    # Positives: every template x every carrier would be 260; sample so each
    # carrier and each template appears many times.
    for rep in range(1):
        for ti, tmpl in enumerate(POSITIVE):
            for ci, carrier in enumerate(CARRIERS):
                subject, text, short = tmpl()
                if carrier == "subject" and not short:
                    continue
                raw = build(idx, subject, text, short, carrier)
                fname = f"pos_{tmpl.__name__[2:]}_{carrier}.eml"
                files.append((fname, raw))
                manifest.append((fname, "phi", carrier, tmpl.__name__[2:]))
                idx += 1
    for tmpl in NEGATIVE:
        for carrier in CARRIERS:
            if carrier == "subject":
                continue
            subject, text, _ = tmpl()
            raw = build(idx, subject, text, None, carrier)
            fname = f"neg_{tmpl.__name__[2:]}_{carrier}.eml"
            files.append((fname, raw))
            manifest.append((fname, "clean", carrier, tmpl.__name__[2:]))
            idx += 1
    for tmpl in HARD_POSITIVE:
        for carrier in HARD_CARRIERS:
            subject, text, short = tmpl()
            raw = build(idx, subject, text, short, carrier)
            fname = f"hardpos_{tmpl.__name__[2:]}_{carrier}.eml"
            files.append((fname, raw))
            manifest.append((fname, "phi", carrier, "hard_" + tmpl.__name__[2:]))
            idx += 1
    for tmpl in HARD_NEGATIVE:
        for carrier in HARD_CARRIERS:
            subject, text, _ = tmpl()
            raw = build(idx, subject, text, None, carrier)
            fname = f"hardneg_{tmpl.__name__[2:]}_{carrier}.eml"
            files.append((fname, raw))
            manifest.append((fname, "clean", carrier, "hard_" + tmpl.__name__[2:]))
            idx += 1
    # Japanese mail in ISO-2022-JP with full-width digits.
    subject, text, _ = h_fullwidth()
    raw = (headers("Records", idx) + "Content-Type: text/plain; charset=\"iso-2022-jp\"\r\n"
           "Content-Transfer-Encoding: 7bit\r\n\r\n").encode() + text.encode("iso-2022-jp") + b"\r\n"
    files.append(("hardpos_fullwidth_iso2022jp.eml", raw))
    manifest.append(("hardpos_fullwidth_iso2022jp.eml", "phi", "iso-2022-jp", "hard_fullwidth"))
    idx += 1
    for fname, label, carrier, tname, raw in unscanned_cases(idx):
        files.append((fname, raw))
        manifest.append((fname, label, carrier, tname))
    for old in os.listdir(HERE):
        if old.endswith(".eml"):
            os.remove(os.path.join(HERE, old))
    for fname, raw in files:
        with open(os.path.join(HERE, fname), "wb") as f:
            f.write(raw)
    with open(os.path.join(HERE, "manifest.tsv"), "w") as f:
        f.write("# file\tlabel\tcarrier\ttemplate\n")
        for row in manifest:
            f.write("\t".join(row) + "\n")
    counts = {}
    for _, label, _, _ in manifest:
        counts[label] = counts.get(label, 0) + 1
    print(f"wrote {len(files)} messages: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
