#!/usr/bin/python3
"""Second development DLP corpus: dev2-0001.eml ... dev2-0240.eml + manifest.tsv (file, label, carrier, category).

Written blind from ../corpus-blind/BRIEF.md for tuning rules; never used as a test measure.
Producer plumbing (PDF/OOXML/MIME builders, normalisation) is adapted from ../corpus-dev/generate.py; the small helpers
that file imports from ../corpus-blind/generate.py (zip stamps, latin-1 folding, gs/LibreOffice runners, SMTP policy)
are re-written here without reading that file.  Every person, organisation, sender kind and text is this file's own.
Deterministic: one random.Random(SEED), fixed run order, MIME boundaries and Message-IDs from the file name, fixed OOXML
timestamps, normalised PDF dates/IDs.  Run with /usr/bin/python3 (needs reportlab, fpdf2, openpyxl, python-docx, PIL,
LibreOffice, ghostscript, pdftotext).
"""
import collections, csv, datetime as dtm, glob, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, unicodedata, zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261224
R = random.Random(SEED)
PREFIX = "dev2-"
OUT = HERE
TODAY = dtm.date(2026, 12, 24)
UTC = dtm.timezone.utc
STAMP = dtm.datetime(2026, 12, 23, 10, 15, tzinfo=UTC)
DV = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
DAY = dtm.timedelta
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
SMTP = policy.SMTP
ZIPTIME = (2026, 6, 1, 0, 0, 0)

# ------------------------------------------------------------------ small producer helpers (own versions)
_FOLD = {"\u2022": "-", "\u2013": "-", "\u2014": "--", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2192": "->",
         "\u2265": ">=", "\u2264": "<=", "\u2191": "^", "\u2193": "v", "\u00a0": " ", "\u2011": "-", "\u2248": "~", "\u0394": "delta ", "\u03bc": "u"}
def lat1(s):
    out = []
    for ch in str(s):
        if ord(ch) < 256: out.append(ch)
        elif ch in _FOLD: out.append(_FOLD[ch])
        else:
            base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)

def _norm_xml(body):
    body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-06-01T00:00:00Z", body)
    body = re.sub(rb"<meta:creation-date>[^<]*", b"<meta:creation-date>2026-06-01T00:00:00", body)
    return body
def fix_zip(data):
    """rewrite an OOXML/zip container with fixed member timestamps and normalised core-property dates"""
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith(".xml"): body = _norm_xml(body)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED; zi.external_attr = 0o644 << 16
            z.writestr(zi, body)
    return out.getvalue()
def make_zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED; zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return out.getvalue()
def gs_distill(src, dst):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.5", f"-sOutputFile={dst}", src],
                   check=True, capture_output=True, env=dict(os.environ, SOURCE_DATE_EPOCH=str(int(STAMP.timestamp()))))
    return open(dst, "rb").read()
LO_ARGS = {"docx2pdf": ["--convert-to", "pdf:writer_pdf_Export"], "html2pdf": ["--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"],
           "html2docx": ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"], "xlsx2xlsx": ["--convert-to", "xlsx:Calc MS Excel 2007 XML"]}
def run_lo(jobs):
    prof = os.path.join(jobs.tmp, "lo-profile")
    for kind in sorted(jobs.lo):
        files = sorted(jobs.lo[kind])
        for i in range(0, len(files), 40):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--norestore"] + LO_ARGS[kind] +
                           ["--outdir", os.path.join(jobs.tmp, kind, "out")] + files[i:i + 40], check=True, capture_output=True, timeout=900)

# ------------------------------------------------------------------ identifiers (adapted from ../corpus-dev)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def up(r, n): return "".join(r.choice("ABCDEFGHJKLMNPRTUVWXY") for _ in range(n))
def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9: v -= 9
        tot += v
    return str((10 - tot % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn_digit("80840" + b)
def ssn(r, fmt=None):
    while True:
        a = r.randint(1, 899)
        if a != 666: break
    s = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    if s == "123-45-6789": s = "123-45-6788"
    fmt = fmt or r.choice(["dash", "dash", "dash", "plain", "space"])
    return s if fmt == "dash" else s.replace("-", "") if fmt == "plain" else s.replace("-", " ")
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
MBI_N = "0123456789"
def mbi(r, dash=None):
    an = MBI_A + MBI_N
    c = [r.choice("123456789"), r.choice(MBI_A), r.choice(an), r.choice(MBI_N), r.choice(MBI_A), r.choice(an),
         r.choice(MBI_N), r.choice(MBI_A), r.choice(MBI_A), r.choice(MBI_N), r.choice(MBI_N)]
    s = "".join(c)
    if dash is None: dash = r.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def mrn(r): return r.choice([dg(r, 8), f"E{dg(r, 7)}", f"0{dg(r, 7)}", f"OV{dg(r, 6)}", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 2)}", dg(r, 9)])
def mbr(r): return r.choice([f"ZQH{dg(r, 9)}", f"{up(r, 3)}{dg(r, 8)}", f"H{dg(r, 8)}01", f"{dg(r, 11)}", f"MCK{dg(r, 7)}"])
def mcaid(r): return r.choice([dg(r, 12), f"{dg(r, 10)}", f"KY{dg(r, 9)}"])
def acct(r): return r.choice([dg(r, 10), f"V{dg(r, 9)}", f"{dg(r, 3)}-{dg(r, 6)}"])
def fin(r): return "72" + dg(r, 8)
def csn(r): return "6" + dg(r, 9)
def har(r): return "3" + dg(r, 9)
def claim(r): return r.choice([f"{dg(r, 4)}{up(r, 2)}{dg(r, 6)}", dg(r, 13), f"C{dg(r, 10)}"])
def po(r): return r.choice([f"PO {dg(r, 7)}", f"7100{dg(r, 6)}", f"OVMH-PO-{dg(r, 5)}"])
def inv(r): return r.choice([f"INV{dg(r, 8)}", f"{dg(r, 8)}", f"SO-{dg(r, 6)}"])
def lot(r): return r.choice([f"{up(r, 1)}{dg(r, 6)}", f"{dg(r, 2)}{up(r, 2)}{dg(r, 3)}", f"LOT{dg(r, 5)}"])
def tok(r, n=20): return "".join(r.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(n))
def din(r): return f"W{dg(r, 4)} {TODAY.year % 100:02d} {dg(r, 6)}"     # ISBT 128 donation identification number shape
def acc(r, pre): return f"{pre}{TODAY.year % 100:02d}-{r.randint(100, 29999)}"

# ------------------------------------------------------------------ dates
def fd(d, st="mdy"):
    if st == "mdy": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if st == "m/d/yy": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if st == "m/d/yyyy": return f"{d.month}/{d.day}/{d.year}"
    if st == "iso": return d.isoformat()
    if st == "dmon": return f"{d.day:02d}-{MON[d.month - 1][:3]}-{d.year}"
    if st == "long": return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if st == "ymd": return d.strftime("%Y%m%d")
    if st == "spaced": return f"{d.month:02d} {d.day:02d} {d.year}"
    if st == "born": return f"born {d.day} {MON[d.month - 1]} {d.year}"
    if st == "dash": return f"{d.month:02d}-{d.day:02d}-{d.year}"
    if st == "dmy": return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if st == "es": return f"{d.day} de {MES[d.month - 1]} de {d.year}"
    if st == "short": return f"{d.month}/{d.day}"
    if st == "mon": return f"{MON[d.month - 1][:3]} {d.day}"
    if st == "dmonyy": return f"{d.day}{MON[d.month - 1][:3].upper()}{d.year % 100:02d}"
    raise ValueError(st)
DOBST = ["mdy", "mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "dmon", "long", "ymd", "spaced", "dash", "born"]
def dob(r, p, st=None): return fd(p.dob, st or r.choice(DOBST))
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r): h = r.randint(7, 17); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '15', '30', '45', '20', '50'])} {'AM' if h < 12 else 'PM'}"
def mil(r): return f"{r.randint(6, 22):02d}{r.choice(['00', '10', '25', '40', '55'])}"
def age(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))

# ------------------------------------------------------------------ people (this file's own pools)
FEM = ["Rhonda", "Crystal", "Tiffany", "Kayleigh", "Brenda", "Darlene", "Loretta", "Wanda", "Bernadette", "Shannon", "Aaliyah", "Imani",
       "Hadiza", "Amina", "Ifrah", "Fatuma", "Ngozi", "Oksana", "Esperanza", "Marisol", "Yesenia", "Renée", "Zoë", "Mei-Ling", "Sun-hee",
       "Eh Paw", "Naw Htoo", "Chiamaka", "Priyanka", "Annaliese", "Maribel", "Sinéad", "Josefina", "Tamsin", "Destiny", "Opal"]
MAL = ["Cody", "Travis", "Dale", "Clayton", "Ezekiel", "Wendell", "Earl", "Darnell", "Demetrius", "Marquis", "Jamal", "Khalid",
       "Abdirahman", "Yusuf", "Hamid", "Ler Moo", "Thein", "Kwame", "Dmitri", "Luka", "Zoltán", "Joaquín", "Osvaldo", "Tadeo",
       "Rocco", "Amos", "Virgil", "Roscoe", "Bao", "Sione", "Emeka", "François", "Garrett", "Lonnie", "Jesús", "Anders"]
NICK = {"Clayton": "Clay", "Ezekiel": "Zeke", "Rhonda": "Ronnie", "Bernadette": "Bernie", "Dmitri": "Dima", "Wendell": "Del",
        "Loretta": "Retta", "Joaquín": "Quino", "Kayleigh": "Kay", "Abdirahman": "Abdi", "Demetrius": "Meech", "Travis": "Trav",
        "Darlene": "Dar", "Garrett": "Gary", "Lonnie": "Lon", "Josefina": "Fina", "Annaliese": "Annie", "Roscoe": "Ross", "Earl": "Sonny"}
FAM = ["Hatfield", "Caudill", "Slone", "Combs", "Spurlock", "Mullins", "Kowalczyk", "Schoenberger", "Abernathy", "Washington",
       "Okonkwo", "Warsame", "Hussaini", "Phan", "Htoo", "Ochoa", "Quiñones", "del Valle", "de Souza", "Van Hoose", "St. Clair",
       "O'Hara", "McGuffey", "MacKenzie", "Duchesne", "Lefèvre", "Brönner", "Yoder", "Stoltzfus", "Baumgartner", "Begley", "Fugate",
       "Ison", "Sexton", "Napier", "Holbrook", "Tackett", "Nwachukwu", "Abdullahi", "Petrosyan", "Kaczmarek", "Ruiz-Ocampo",
       "Le", "Vo", "Bui", "de la Garza", "von Ahsen", "Jefferson", "Whitt", "Runyon", "Ratliff", "Castañeda", "Oyelaran", "Sánchez"]
MID = list("ABCDEFGHJKLMNPRSTW")
SFX = ["Jr.", "Sr.", "II", "III", "IV"]
AREAS = ["513", "859", "614", "937", "304", "606", "740", "502"]
STREETS = ["Madison Rd", "Reading Rd", "Glenway Ave", "Dixie Hwy", "Ludlow Ave", "Winchester Ave", "Scioto Trl", "Kellogg Ave",
           "Hopple St", "Vine St", "Harrison Ave", "Mt Zion Rd", "Big Sandy Rd", "Old State Rte 32", "Colerain Ave", "Spring Grove Ave"]
CITIES = [("Cincinnati", "OH", "452"), ("Covington", "KY", "410"), ("Dayton", "OH", "454"), ("Lexington", "KY", "405"),
          ("Huntington", "WV", "257"), ("Portsmouth", "OH", "456"), ("Ashland", "KY", "411"), ("Hamilton", "OH", "450"), ("Newport", "KY", "410")]

class Person:
    def __init__(s, r, amin=18, amax=90, sex=None):
        s.sex = sex or r.choice("FM")
        s.given = r.choice(FEM if s.sex == "F" else MAL)
        s.family = r.choice(FAM)
        s.mi = r.choice(MID)
        s.sfx = r.choice(SFX) if s.sex == "M" and r.random() < 0.12 else ""
        a = r.randint(amin, amax)
        s.dob = TODAY - DAY(days=a * 365 + r.randint(0, 360))
        s.age = age(s.dob)
        s.nick = NICK.get(s.given, s.given.split()[0])
        s.phone = f"({r.choice(AREAS)}) {r.randint(210, 989)}-{dg(r, 4)}"
        c = r.choice(CITIES)
        s.street = f"{r.randint(12, 9899)} {r.choice(STREETS)}"
        s.city, s.state, s.zip = c[0], c[1], c[2] + dg(r, 2)
        s.cred = ""
    def full(s): return f"{s.given} {s.family}" + (f" {s.sfx}" if s.sfx else "")
    def fml(s): return f"{s.given} {s.mi}. {s.family}" + (f" {s.sfx}" if s.sfx else "")
    def lf(s): return f"{s.family}{' ' + s.sfx if s.sfx else ''}, {s.given} {s.mi}"
    def lfc(s): return f"{s.family}, {s.given}"
    def caps(s): return f"{s.family.upper()}, {s.given.upper()}"
    def ini(s): return f"{s.given[0]}.{s.family[0].upper() if s.family[0].islower() else s.family.replace('de la ', '').replace('del ', '')[0]}."
    def ttl(s): return ("Mr. " if s.sex == "M" else "Ms. ") + s.family
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
    def hl7(s): return f"{s.family.upper()}^{s.given.upper()}^{s.mi}"
    def shape(s, r):
        k = r.random()
        if k < 0.25: return s.full()
        if k < 0.4: return s.lfc()
        if k < 0.5: return s.caps()
        if k < 0.6: return s.ttl()
        if k < 0.7: return s.fml()
        if k < 0.8: return s.nick + " " + s.family
        if k < 0.9: return s.lf()
        return s.given
def pt(r, amin=18, amax=92, sex=None): return Person(r, amin, amax, sex)
def kid(r, amin=1, amax=17, sex=None): return Person(r, amin, amax, sex)
def staff(r, cred=""):
    p = Person(r, 26, 64); p.cred = cred; return p
def wc(p): return f"{p.given} {p.family}" + (f", {p.cred}" if p.cred else "")
def drn(p): return f"Dr. {p.family}"
def doc_(r): return staff(r, r.choice(["MD", "DO", "MD", "MD", "NP", "PA-C"]))
def asciify(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
def mailbox(p, dom): return (asciify(p.given.split()[0])[:1] + re.sub(r"[^a-z]", "", asciify(p.family).lower()) + "@" + dom).lower()
def personal(r, p): return f"{re.sub(r'[^a-z]', '', asciify(p.given).lower())}.{re.sub(r'[^a-z]', '', asciify(p.family).lower())}{r.randint(1, 99)}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com'])}"

# ------------------------------------------------------------------ sender kinds (organisations / departments)
SYS = "Ohio Valley Meridian Health"
class Org:
    def __init__(s, key, name, short, dom, addr, color, creds, voice):
        s.key, s.name, s.short, s.dom, s.addr, s.color, s.creds, s.voice = key, name, short, dom, addr, color, creds, voice
        h = int(hashlib.sha256(key.encode()).hexdigest(), 16)
        ac = "859" if ", KY " in addr else "513"
        s.phone = f"({ac}) {558 + h % 400}-{h % 9000 + 1000}"
        s.fax = f"({ac}) {400 + (h >> 8) % 500}-{(h >> 16) % 9000 + 1000}"
KINDS = [  # key, name, short, domain, address, colour, sender credentials, how they write
    ("rad", "Meridian University Hospital - Radiology Reading Room", "MUH Radiology", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#1F4E79", ["MD", "MD", "RT(R)(CT)", "RA"], "terse"),
    ("frozen", "Meridian Anatomic Pathology - Frozen Section Desk", "MUH Pathology", "ovmeridian.org", "3200 Burnet Ave, Room G-114, Cincinnati, OH 45229", "#6A1B4D", ["MD", "PA(ASCP)", "HTL(ASCP)"], "terse"),
    ("icsched", "Meridian Heart & Vascular - Interventional Cardiology Scheduling", "MHV Cath Lab Scheduling", "ovmeridian.org", "2139 Auburn Ave, Cincinnati, OH 45219", "#B22222", ["", "RN", "RCIS"], "brisk"),
    ("irnurse", "Meridian Interventional Radiology", "MUH IR", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#2E5E4E", ["RN, CRN", "BSN, RN", "RN"], "chatty"),
    ("bloodbank", "Meridian Transfusion Service & Blood Bank", "MUH Blood Bank", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#8B0000", ["MLS(ASCP)", "SBB(ASCP)", "MD"], "formal"),
    ("ipc", "Meridian Infection Prevention & Control", "OVMH Infection Prevention", "ovmeridian.org", "231 Albert Sabin Way, Cincinnati, OH 45267", "#00695C", ["RN, CIC", "MPH, CIC", "MLS, CIC"], "formal"),
    ("cmdc", "Meridian Care Management - Discharge Planning", "MUH Case Management", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#37474F", ["RN, CCM", "MSW, LISW", "BSN, RN"], "chatty"),
    ("ur", "Meridian Utilization Review", "OVMH Utilization Review", "ovmeridian.org", "1 Meridian Plaza, Cincinnati, OH 45202", "#4A148C", ["RN", "RN, CCM", "LPN"], "formal"),
    ("cdi", "Meridian Clinical Documentation Integrity", "OVMH CDI", "ovmeridian.org", "1 Meridian Plaza, Cincinnati, OH 45202", "#283593", ["CCDS, RN", "CCS", "CDIP, RHIA"], "formal"),
    ("ptrel", "Meridian Patient Relations Office", "OVMH Patient Relations", "ovmeridian.org", "1 Meridian Plaza, Cincinnati, OH 45202", "#5D4037", ["", "CPXP"], "warm"),
    ("risk", "Meridian Risk Management & Patient Safety", "OVMH Risk Management", "ovmeridian.org", "1 Meridian Plaza, Suite 900, Cincinnati, OH 45202", "#263238", ["JD, CPHRM", "RN, CPHRM", "CPPS"], "formal"),
    ("p340b", "Meridian 340B Program & Community Pharmacy", "OVMH 340B Pharmacy", "ovmeridian.org", "2600 Clifton Ave, Cincinnati, OH 45220", "#1B5E20", ["PharmD", "CPhT", "PharmD, 340B ACE"], "brisk"),
    ("sphub", "CareBridge Access Hub (Specialty Pharmacy Services)", "CareBridge Hub", "carebridgehub.com", "8800 Governors Hill Dr, Cincinnati, OH 45249", "#0D47A1", ["", "CPhT", "PharmD"], "scripted"),
    ("genetics", "Meridian Cancer Genetics & Genetic Counseling", "MUH Genetic Counseling", "ovmeridian.org", "234 Goodman St, Cincinnati, OH 45219", "#7B1FA2", ["MS, CGC", "MS, LGC"], "warm"),
    ("slp", "Meridian Rehabilitation - Speech-Language Pathology", "MUH Speech Pathology", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#00838F", ["MA, CCC-SLP", "MS, CCC-SLP"], "chatty"),
    ("diet", "Meridian Clinical Nutrition", "MUH Nutrition", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#558B2F", ["RD, LD", "MS, RDN, LD", "RDN, CNSC"], "chatty"),
    ("wocn", "Meridian Wound, Ostomy & Continence Nursing", "MUH WOC Nursing", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#6D4C41", ["BSN, RN, CWOCN", "RN, CWON"], "chatty"),
    ("pendo", "Meridian Children's - Pediatric Endocrinology Nurse Line", "Peds Endo Nurse Line", "meridianchildrens.org", "3333 Burnet Ave, Cincinnati, OH 45229", "#F57C00", ["RN, CDCES", "BSN, RN"], "warm"),
    ("reentry", "Second Step Re-Entry Health Program", "Second Step Re-Entry", "secondstepreentry.org", "1501 Central Pkwy, Cincinnati, OH 45214", "#455A64", ["CHW", "LSW", "RN"], "plain"),
    ("refugee", "Meridian Refugee & Immigrant Health Clinic", "Refugee Health Clinic", "ovmeridian.org", "1525 Elm St, Cincinnati, OH 45202", "#00796B", ["RN", "MD", "MPH, CHW"], "warm"),
    ("vacc", "Meridian Veterans Community Care Office", "OVMH Veterans Community Care", "ovmeridian.org", "1 Meridian Plaza, Cincinnati, OH 45202", "#1A237E", ["", "RN", "CPC"], "formal"),
    ("ryanwhite", "Meridian Positive Care Clinic (Ryan White Part C)", "Positive Care Clinic", "ovmeridian.org", "1625 Eden Ave, Cincinnati, OH 45229", "#AD1457", ["MSW, LSW", "RN", "CHW"], "warm"),
    ("eatdis", "Meridian Center for Eating Disorders", "MCED", "ovmeridian.org", "4460 Red Bank Rd, Cincinnati, OH 45227", "#8E24AA", ["LPCC", "RD, CEDS", "PsyD"], "warm"),
    ("part2", "Bridgeway Recovery Services (42 CFR Part 2 program)", "Bridgeway Recovery", "bridgewayrecovery.org", "830 Ridgeway Ave, Covington, KY 41011", "#3E2723", ["LCADC", "CADC", "APRN", "MD"], "plain"),
    ("bariatric", "Meridian Bariatric & Metabolic Surgery", "MUH Bariatrics", "ovmeridian.org", "7691 Five Mile Rd, Cincinnati, OH 45230", "#0277BD", ["", "RN", "MBA"], "brisk"),
    ("homeinf", "Meridian Home Infusion Pharmacy", "Meridian Home Infusion", "meridianhomeinfusion.com", "11340 Grooms Rd, Blue Ash, OH 45242", "#2E7D32", ["PharmD", "RN, CRNI", "CPhT"], "brisk"),
    ("pall", "Meridian Palliative Care Consult Team", "MUH Palliative Care", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#5E35B1", ["MD", "APRN, ACHPN", "MSW, LISW-S", "MDiv, BCC"], "warm"),
    ("ltach", "Riverbend Specialty Hospital (LTACH)", "Riverbend LTACH", "riverbendltach.com", "500 Riverbend Way, Newport, KY 41071", "#4E342E", ["RN", "RRT", "MSW"], "brisk"),
    ("me", "Tri-County Office of the Medical Examiner", "Tri-County ME", "tricountyme.org", "3159 Eden Ave, Cincinnati, OH 45219", "#212121", ["MD", "D-ABMDI", ""], "formal"),
    ("opo", "LifeBridge Organ & Tissue Donation Network", "LifeBridge OPO", "lifebridgedonation.org", "4540 Cooper Rd, Blue Ash, OH 45242", "#2E7D32", ["RN, CPTC", "CTBS", "MSN, RN"], "brisk"),
    ("cardrehab", "Meridian Cardiac & Pulmonary Rehabilitation", "MUH Cardiac Rehab", "ovmeridian.org", "7691 Five Mile Rd, Cincinnati, OH 45230", "#C62828", ["RN", "MS, ACSM-CEP", "RRT"], "chatty"),
    ("sane", "Meridian Forensic Nursing (SANE) Program", "MUH Forensic Nursing", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#4527A0", ["RN, SANE-A", "RN, SANE-P"], "formal"),
    ("neuropsych", "Meridian Neuropsychology Testing Lab", "MUH Neuropsychology", "ovmeridian.org", "222 Piedmont Ave, Cincinnati, OH 45219", "#283593", ["PhD, ABPP-CN", "psychometrist", "PsyD"], "formal"),
    ("emu", "Meridian Epilepsy Monitoring Unit", "MUH EMU", "ovmeridian.org", "3200 Burnet Ave, 7 West, Cincinnati, OH 45229", "#00695C", ["R. EEG T.", "RN", "MD"], "terse"),
    ("fincoun", "Meridian Financial Counseling (Financial Assistance)", "OVMH Financial Counseling", "ovmeridian.org", "1 Meridian Plaza, Cincinnati, OH 45202", "#33691E", ["", "CHAA"], "warm"),
    ("ethics", "Meridian Clinical Ethics Consultation Service", "MUH Ethics Consult", "ovmeridian.org", "3200 Burnet Ave, Cincinnati, OH 45229", "#424242", ["PhD, HEC-C", "MD, HEC-C"], "formal"),
]
ORG = {k[0]: Org(*k) for k in KINDS}
PARTNERS = ["stelizabethky.org", "christhosp.org", "tchealth.net", "kingsdaughters.org", "cabellhuntington.org", "adenahealth.org",
            "carewellmed.com", "humana-prov.com", "caresourcepartners.com", "communitycarenet.org", "bluegrassfamilymed.com"]
ROLES = {"referrals": "Referrals", "intake": "Intake", "scheduling": "Scheduling", "cm": "Case Management", "um": "UM Department",
         "records": "HIM / Release of Information", "pharmacy": "Pharmacy", "nursing": "Nursing Office", "admissions": "Admissions", "billing": "Patient Accounts"}

# ------------------------------------------------------------------ document model (adapted from ../corpus-dev)
class Doc:
    def __init__(s, o, cat, title, blocks, subj=None, lang="en"):
        s.o, s.cat, s.title, s.blocks, s.subj, s.lang = o, cat, title, blocks, subj, lang
    def table(s):
        for b in s.blocks:
            if b[0] == "table": return b
    def cut(s, n):
        return Doc(s.o, s.cat, s.title, [(b[0], b[1], b[2][:n]) if b[0] == "table" else b for b in s.blocks], s.subj, s.lang)
def P(t): return ("p", t)
def H(t): return ("h", t)
def KV(*items): return ("kv", [i for i in items if i])
def T(hdr, rows): return ("table", hdr, rows)
def PRE(t): return ("pre", t)
def BUL(*items): return ("bul", list(items))

REG = collections.defaultdict(list)      # (label, shape) -> [(kind, fn)]
HREG = {"phi": [], "clean": []}
def tmpl(kind, label, shape="narr"):
    def deco(fn): REG[(label, shape)].append((kind, fn)); return fn
    return deco
def htmpl(kind, label):
    def deco(fn): HREG[label].append((kind, fn)); return fn
    return deco
def HD(subject, to=None, cc=None, reply_to=None, extra=None, cat=""):
    return {"subject": subject, "to": to, "cc": cc or [], "reply_to": reply_to, "extra": extra or {}, "cat": cat}

ICD = {"dm2": ("E11.9", "type 2 diabetes mellitus without complications"), "dm2ckd": ("E11.22", "type 2 DM with diabetic CKD"),
       "dm1": ("E10.9", "type 1 diabetes mellitus without complications"), "dka": ("E10.10", "type 1 DM with ketoacidosis without coma"),
       "htn": ("I10", "essential (primary) hypertension"), "chf": ("I50.23", "acute on chronic systolic heart failure"),
       "nstemi": ("I21.4", "non-ST elevation myocardial infarction"), "cad": ("I25.10", "ASCVD of native coronary artery w/o angina"),
       "afib": ("I48.91", "unspecified atrial fibrillation"), "pe": ("I26.99", "other pulmonary embolism without acute cor pulmonale"),
       "copd": ("J44.1", "COPD with acute exacerbation"), "asthma": ("J45.909", "unspecified asthma, uncomplicated"),
       "pna": ("J18.9", "pneumonia, unspecified organism"), "resp_fail": ("J96.01", "acute respiratory failure with hypoxia"),
       "sepsis": ("A41.9", "sepsis, unspecified organism"), "cdiff": ("A04.72", "enterocolitis d/t C. difficile, not specified as recurrent"),
       "mrsa": ("A49.02", "MRSA infection, unspecified site"), "cauti": ("T83.511A", "infection d/t indwelling urethral catheter, initial"),
       "hiv": ("B20", "human immunodeficiency virus [HIV] disease"), "hivasx": ("Z21", "asymptomatic HIV infection status"),
       "hcv": ("B18.2", "chronic viral hepatitis C"), "ltbi": ("R76.11", "nonspecific reaction to TST w/o active TB"),
       "oud": ("F11.20", "opioid dependence, uncomplicated"), "aud": ("F10.20", "alcohol dependence, uncomplicated"),
       "stim": ("F15.20", "other stimulant dependence, uncomplicated"), "an": ("F50.01", "anorexia nervosa, restricting type"),
       "bn": ("F50.2", "bulimia nervosa"), "arfid": ("F50.82", "avoidant/restrictive food intake disorder"),
       "mdd": ("F32.A", "depression, unspecified"), "ptsd": ("F43.10", "post-traumatic stress disorder, unspecified"),
       "obesity": ("E66.01", "morbid (severe) obesity due to excess calories"), "bmi40": ("Z68.41", "BMI 40.0-44.9, adult"),
       "breast": ("C50.911", "malignant neoplasm of unsp site of right female breast"), "colon": ("C18.7", "malignant neoplasm of sigmoid colon"),
       "lung": ("C34.11", "malignant neoplasm of upper lobe, right bronchus or lung"), "panc": ("C25.0", "malignant neoplasm of head of pancreas"),
       "brca": ("Z15.01", "genetic susceptibility to malignant neoplasm of breast"), "lynch": ("Z15.09", "genetic susceptibility to other malignant neoplasm"),
       "dysph": ("R13.12", "dysphagia, oropharyngeal phase"), "aphasia": ("R47.01", "aphasia"), "stroke": ("I63.512", "cerebral infarction d/t occlusion of L MCA"),
       "pi4": ("L89.154", "pressure ulcer of sacral region, stage 4"), "pi3": ("L89.313", "pressure ulcer of right buttock, stage 3"),
       "ostomy": ("Z93.3", "colostomy status"), "malnut": ("E43", "unspecified severe protein-calorie malnutrition"),
       "epilepsy": ("G40.219", "localization-related symptomatic epilepsy w/ complex partial seizures, intractable"), "pnes": ("F44.5", "conversion disorder with seizures"),
       "mci": ("G31.84", "mild cognitive impairment of uncertain or known etiology"), "tbi": ("S06.2X1S", "diffuse TBI w/ LOC <=30 min, sequela"),
       "ckd4": ("N18.4", "chronic kidney disease, stage 4"), "cirrh": ("K70.31", "alcoholic cirrhosis of liver with ascites"),
       "osteo": ("M86.171", "other acute osteomyelitis, right ankle and foot"), "endocard": ("I33.0", "acute and subacute infective endocarditis"),
       "cf": ("E84.0", "cystic fibrosis with pulmonary manifestations"), "ms": ("G35", "multiple sclerosis"), "ra": ("M05.79", "rheumatoid arthritis w/ RF, multiple sites"),
       "ghd": ("E23.0", "hypopituitarism (GH deficiency)"), "puberty": ("E30.1", "precocious puberty"), "hypothy": ("E03.9", "hypothyroidism, unspecified"),
       "sa": ("T74.21XA", "adult sexual abuse, confirmed, initial encounter"), "pregnant": ("Z33.1", "pregnant state, incidental"),
       "hipfx": ("S72.001A", "fracture of unsp part of neck of right femur, initial"), "trach": ("Z93.0", "tracheostomy status"),
       "vent": ("Z99.11", "dependence on respirator [ventilator] status"), "anemia": ("D62", "acute posthemorrhagic anemia")}
def icd(k): return ICD[k][0]
def icdx(k): return f"{ICD[k][0]} {ICD[k][1]}"
def pick(r, *xs): return r.choice(xs)

# ================================================================== content: PHI and clean documents, per sender kind
# ---- radiology reading room
@tmpl("rad", "phi")
def rad_critical(r):
    o = ORG["rad"]; p = pt(r, 35, 88); rd = doc_(r); ref = doc_(r); fnd = r.choice([
        ("CTA chest", "Filling defects in the right lower lobe segmental and subsegmental pulmonary arteries, RV/LV ratio 1.1. Consistent with acute PE.", "pe"),
        ("CT head w/o", "Hypodensity L MCA territory with loss of gray-white differentiation, no hemorrhage. Findings c/w evolving infarct.", "stroke"),
        ("CT A/P w/ contrast", "3.1 cm hypoattenuating mass in the pancreatic head with upstream ductal dilation, abutting the SMV. Suspicious for primary pancreatic malignancy.", "panc")])
    return Doc(o, "rad/critical-result-callback", "", [
        P(f"Dr. {ref.family} -"), P(f"Calling back on your pt {p.shape(r)} ({p.age}{p.sex}). {fnd[0]} read by {drn(rd)} at {mil(r)}: {fnd[1]}"),
        P(f"Couldn't get you on the pager x2 so documenting here per our critical-results policy. Prelim in PACS, final to follow. Acc {acc(r, 'CT')}."),
        P(r.choice(["Please ack by reply.", "Reply 'received' so we can close the loop.", "Nursing on 5 North is aware."]))],
        subj=pick(r, "Critical result - please acknowledge", "CRITICAL callback", "unable to reach - critical finding"))
@tmpl("rad", "phi", "list")
def rad_worklist(r):
    o = ORG["rad"]; rows = []
    for _ in range(r.randint(6, 10)):
        p = pt(r, 20, 90); ex = r.choice(["MRI brain w/wo", "CT abd/pel w/", "US RUQ", "XR chest 2v", "MRI L-spine w/o", "CTA head/neck", "NM bone scan", "US LE venous dup bilat"])
        rows.append([p.caps(), mrn(r), p.dob, ex, r.choice(["STAT", "ASAP", "Routine", "Routine", "ED"]), r.choice(["r/o abscess", "hx breast ca, bone pain", "syncope", "RLE swelling, r/o DVT", "cord compression?", "worst HA of life", "elevated LFTs", "cough x3 wks"])])
    return Doc(o, "rad/overnight-unread-worklist", "Overnight unread worklist - handoff to day attending", [
        P("Studies not yet finalized at 0630. Resident prelims in PACS for all except the last two."),
        T(["Patient", "MRN", "DOB", "Exam", "Priority", "Indication"], rows)], subj="unread list for day team")
@tmpl("rad", "clean")
def rad_protocol(r):
    o = ORG["rad"]
    return Doc(o, "rad/protocol-update", "Protocol change: CT pulmonary angiography, effective " + fd(soon(r, 7, 20), "long"), [
        P("Effective the date above, CTPA protocols on all three Siemens scanners move to 80 kVp with automatic tube current modulation for patients under 90 kg. Contrast bolus: 60 mL iohexol 350 at 4.5 mL/s, bolus tracking at the main PA, threshold 100 HU."),
        BUL("Technologists: please use the new 'CTPA_LowDose_v4' protocol tree; the v3 tree will be hidden on the go-live date.",
            "Residents: pregnancy protocol unchanged - keep the shield discussion documented in the tech notes.",
            "Dose reports will be audited monthly in aggregate (CTDIvol, DLP) by the physics group."),
        P(f"Questions to the CT modality lead, ext. {r.randint(4000, 4999)}.")], subj="CTPA protocol v4 go-live")
@htmpl("rad", "phi")
def h_rad(r): p = pt(r, 40, 85); return HD(f"CRIT: {p.family.upper()} {p.given[0]} - CTA + saddle PE - ack needed", cat="subject")
@htmpl("rad", "clean")
def hc_rad(r): s = staff(r, "MD"); return HD(f"Reading room coverage 12/31 - Dr. {s.family} (body) / neuro TBD", extra={"Thread-Topic": "Reading room coverage"}, cat="schedule")

# ---- pathology frozen-section desk
@tmpl("frozen", "phi")
def frozen_call(r):
    o = ORG["frozen"]; p = pt(r, 30, 80); su = doc_(r); pa = staff(r, "MD")
    site, dx = r.choice([("R breast, lumpectomy - superior margin", "Invasive ductal carcinoma present AT the superior margin. Re-excise."),
                         ("L thyroid lobe", "Follicular lesion; defer to permanents."),
                         ("sentinel LN #1, L axilla", "Positive for metastatic carcinoma, 4 mm deposit."),
                         ("RUL wedge", "Adenocarcinoma, margins grossly clear by 1.2 cm.")])
    return Doc(o, "frozen/intraop-consult", "", [
        P(f"OR {r.randint(1, 22)} / {drn(su)} - frozen on {p.shape(r)}"),
        KV(("Specimen", site), ("FS dx", dx), ("Called to", f"{drn(su)} in room at {mil(r)}, read-back done"), ("Path", f"{pa.given} {pa.family}, MD"), ("Case", acc(r, "S"))),
        P(r.choice(["Permanent sections to follow, TAT 2 business days.", "Additional margins received in FS-B, will be embedded for permanents.", "Typed from the frozen log - final report supersedes."]))],
        subj=pick(r, "FS result", "frozen section - OR " + str(r.randint(1, 22)), "intraop consult documentation"))
@tmpl("frozen", "clean")
def frozen_cryostat(r):
    o = ORG["frozen"]
    return Doc(o, "frozen/equipment", "Cryostat downtime and frozen-section coverage", [
        P(f"The Leica CM1950 in the OR-side frozen room (asset {dg(r, 6)}) is down for compressor replacement on {fd(soon(r, 3, 9), 'long')} from 0600 to 1400."),
        P("During the window, frozen sections will be cut in the main histology lab (G-114). Expect an additional 8-10 minutes of turnaround. Please call the FS desk before sending tissue so a PA can meet the runner."),
        KV(("Service vendor", "Leica Biosystems field service"), ("Work order", f"WO-{dg(r, 7)}"), ("Backup cryostat", "Thermo HM525 NX, calibrated " + fd(past(r, 20, 60), "mdy")))],
        subj="Frozen section room - cryostat down")
@htmpl("frozen", "phi")
def h_frozen(r): p = pt(r, 35, 75, "F"); return HD("FS log", extra={"X-FS-Case": f"{acc(r, 'S')} / {p.caps()} / L breast SLN #2 POSITIVE, macromet"}, cat="x-header")
@htmpl("frozen", "clean")
def hc_frozen(r): return HD(f"CAP checklist - frozen section TAT audit Q4 - 94% under 20 min", extra={"Keywords": "CAP; quality; frozen section; aggregate"}, cat="quality-medical-words")

# ---- interventional cardiology scheduling
@tmpl("icsched", "phi")
def ic_letter(r):
    o = ORG["icsched"]; p = pt(r, 45, 85); cd = staff(r, "MD"); d = soon(r, 3, 20)
    proc = r.choice(["left heart catheterization with possible PCI", "TAVR (transfemoral)", "PFO closure", "diagnostic right and left heart cath", "atherectomy and stent, RCA (staged)"])
    return Doc(o, "icsched/procedure-letter", "Your procedure is scheduled", [
        P(f"{p.fml()}\n{p.street}\n{p.city}, {p.state} {p.zip}"), P(f"Dear {p.ttl()},"),
        P(f"You are scheduled for a {proc} with Dr. {cd.given} {cd.family} on {fd(d, 'long')}. Please arrive at {clock(r)} at the Heart & Vascular entrance, 2nd floor registration."),
        BUL("Nothing to eat or drink after midnight. You may take your morning medicines with a sip of water EXCEPT as below.",
            r.choice(["Hold metformin the morning of and for 48 hours after the procedure.", "Stop Eliquis (apixaban) 48 hours before - last dose the morning of " + fd(d - DAY(days=2), "mon") + ".",
                      "Continue aspirin 81 mg and clopidogrel 75 mg - do NOT stop these.", "Hold Lasix the morning of the procedure."]),
            f"Bring your insurance card. Your pre-procedure labs (BMP, CBC, INR) were drawn on {fd(past(r, 1, 6), 'mdy')}.",
            "You will need a driver; plan to stay overnight."),
        P(f"Questions: {o.phone}, option 3.")], subj="Your upcoming heart procedure")
@tmpl("icsched", "phi", "list")
def ic_board(r):
    o = ORG["icsched"]; rows = []
    for i in range(r.randint(7, 11)):
        p = pt(r, 40, 90); rows.append([f"Lab {r.randint(1, 4)}", clock(r), p.lf(), p.dob, r.choice(["LHC +/- PCI", "RHC", "TAVR", "Impella", "PFO closure", "FFR LAD", "CTO PCI"]),
                                         r.choice(["NSTEMI trop 2.4", "pos stress, ant ischemia", "severe AS, AVA 0.7", "CHF EF 25%", "CP, FH", "staged"]), r.choice(["Cr 1.9 - hydrate", "allergy iodine - premed", "on Eliquis held", "", "", "Medicare - PA on file"])])
    return Doc(o, "icsched/daily-board", f"Cath lab board - {fd(soon(r, 1, 1), 'long')}", [T(["Room", "Time", "Patient", "DOB", "Procedure", "Indication", "Notes"], rows)], subj="tomorrow's cath board")
@tmpl("icsched", "clean")
def ic_block(r):
    o = ORG["icsched"]; docs = [staff(r, "MD") for _ in range(4)]
    rows = [[f"Dr. {d.family}", r.choice(["Mon AM", "Tue all day", "Wed PM", "Thu AM", "Fri all day"]), f"Lab {r.randint(1, 4)}", r.choice(["PCI", "Structural", "Diagnostic", "EP overflow"])] for d in docs]
    return Doc(o, "icsched/block-schedule", "Q1 cath lab block schedule (draft)", [
        P("Draft block times for January-March. Release unused block by 48 hours out so we can backfill from the add-on list. Structural days stay on Tuesdays."),
        T(["Operator", "Block", "Room", "Type"], rows), P("Final version goes to the service-line council on 1/8.")], subj="Q1 block schedule draft")
@htmpl("icsched", "phi")
def h_icsched(r): p = pt(r, 50, 85, "M"); return HD(f"Add-on tomorrow 0730 Lab 2 - {p.lfc()} {p.age}M - NSTEMI, trop 3.1 - hold heparin gtt?", cat="subject")
@htmpl("icsched", "clean")
def hc_icsched(r): s = staff(r, "RCIS"); return HD("Cath lab holiday on-call - RCIS team", to=(f"{s.given} {s.family}, RCIS", mailbox(s, "ovmeridian.org")), cat="to-credentials")

# ---- interventional radiology nurse
@tmpl("irnurse", "phi")
def ir_chatty(r):
    o = ORG["irnurse"]; p = pt(r, 30, 85); n = p.nick
    what = r.choice([(f"her PICC", "PICC"), ("the tunneled HD cath", "tunneled HD catheter"), ("his port", "port-a-cath"), ("the G-tube", "gastrostomy tube")])
    return Doc(o, "irnurse/chatty-postproc", "", [
        P(f"Hey - quick one. {n} {p.family} is back on your unit from IR, {what[1]} placed without issues. {r.choice(['Plt were 48 so we gave a unit beforehand.', 'INR 1.6 this AM, we went ahead per Dr. ' + staff(r).family + '.', 'Little oozing at the site, pressure dressing on.'])}"),
        P(f"{r.choice(['Can be used right away.', 'OK to access now - tip confirmed at cavoatrial junction.', 'Don’t use the G-tube for feeds until 24h - meds ok after 6h.'])} {r.choice(['She', 'He'] if p.sex == 'F' else ['He'])} got 2 mg versed / 100 mcg fentanyl total, vitals stable throughout."),
        P("Holler if anything looks off. - IR nursing")], subj=pick(r, "back from IR", "post-procedure handoff", "IR handoff"))
@tmpl("irnurse", "clean")
def ir_consent(r):
    o = ORG["irnurse"]
    return Doc(o, "irnurse/education", "IR pre-procedure checklist (nursing education)", [
        P("Reminder for all inpatient units sending patients to IR. Missing items are the number one cause of delays in our suite."),
        BUL("Signed consent (procedural + sedation) in the chart - IR does not consent at the table for non-emergent cases.",
            "Labs within 72h per SIR consensus: INR and platelets for medium/high bleeding-risk procedures.",
            "NPO 6 h solids / 2 h clears for moderate sedation.", "Peripheral IV, 20 g or larger, in the arm opposite any planned access.",
            "Anticoagulant hold times per the anticoagulation table on the intranet (rev. 11/2026)."),
        P(f"In-service sessions on {fd(soon(r, 5, 12), 'long')} at 0700 and 1900 in the 4 West conference room.")], subj="IR checklist refresher")
@htmpl("irnurse", "phi")
def h_ir(r): p = pt(r, 40, 80, "F"); return HD("handoff", cc=[(f"{p.family}, {p.given} - 6N rm {r.randint(601, 648)} - s/p paracentesis 6.2 L, gave albumin", "6north.charge@ovmeridian.org")], cat="cc-display")
@htmpl("irnurse", "clean")
def hc_ir(r): return HD(f"IR suite 2 - Philips Azurion service {fd(soon(r, 2, 8), 'short')} - cases moved to suite 1", cat="vendor-product")

# ---- blood bank
@tmpl("bloodbank", "phi")
def bb_antibody(r):
    o = ORG["bloodbank"]; p = pt(r, 25, 85); ab = r.choice(["anti-K (Kell)", "anti-E and anti-c", "anti-Fya", "anti-Jka", "warm autoantibody, pan-reactive"])
    return Doc(o, "bloodbank/antibody-notification", "Transfusion Service - Antibody Identification Notice", [
        KV(("Patient", p.lf()), ("MRN", mrn(r)), ("Date of birth", dob(r, p)), ("ABO/Rh", r.choice(["O POS", "A NEG", "B POS", "O NEG", "AB POS"])),
           ("Antibody identified", ab), ("DAT", r.choice(["Negative", "IgG 1+", "Positive (IgG 2+, C3 neg)"]))),
        P(f"This patient requires antigen-negative, crossmatch-compatible red cells for all future transfusions. Please allow additional time (typically 2-4 hours) for antigen-negative units. A wallet card has been mailed to the patient's address on file."),
        P(f"Reviewed by {staff(r, 'MD').family}, MD, Medical Director, Transfusion Service.")], subj="Antibody ID - transfusion implications")
@tmpl("bloodbank", "phi")
def bb_hl7(r):
    o = ORG["bloodbank"]; p = pt(r, 20, 90); m = mrn(r); d = past(r, 0, 2)
    msg = "\n".join([f"MSH|^~\\&|SAFETRACE|MUHBB|EPIC|OVMH|{d:%Y%m%d}{mil(r)}||ORU^R01|BB{dg(r, 8)}|P|2.5.1",
                     f"PID|1||{m}^^^MUH^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{p.street.upper()}^^{p.city.upper()}^{p.state}^{p.zip}",
                     f"OBR|1|{dg(r, 9)}|{dg(r, 9)}|TSCR^TYPE AND SCREEN|||{d:%Y%m%d}0615",
                     f"OBX|1|CWE|ABORH^ABO/Rh||{r.choice(['O POS', 'A POS', 'B NEG'])}||||||F",
                     f"OBX|2|CWE|ABSC^Antibody screen||POS||||||F",
                     f"OBX|3|ST|ABID^Antibody ID||{r.choice(['ANTI-D (RhIG, pregnant pt)', 'ANTI-K', 'ANTI-S'])}||||||F"])
    return Doc(o, "bloodbank/hl7-oru", "", [P("Interface team - this ORU is erroring out of the Epic inbound queue (OBX-5 CWE coding). Raw message below, please take a look:"), PRE(msg),
                                              P("Result was phoned to the floor so patient care is not affected.")], subj="ORU interface error - BB result")
@tmpl("bloodbank", "clean", "list")
def bb_inventory(r):
    o = ORG["bloodbank"]
    rows = [[t, din(r), r.choice(["LR RBC AS-3", "Apheresis PLT, PAS", "FFP", "Cryo pooled x5"]), fd(soon(r, 1, 30), "mdy"), r.choice(["Quarantine - supplier recall", "Outdate < 72h, offer to sister site", "Returned, seal intact"])]
            for t in [r.choice(["O NEG", "O POS", "A POS", "AB PLS", "B POS"]) for _ in range(r.randint(5, 8))]]
    return Doc(o, "bloodbank/inventory", "Blood product inventory exceptions", [
        P("Units below are not assigned to any patient. Please pull from your satellite fridge and return to main blood bank by end of shift."),
        T(["ABO/Rh", "Donation ID (ISBT 128)", "Product", "Expires", "Action"], rows)], subj="inventory exceptions - pull units")
@htmpl("bloodbank", "phi")
def h_bb(r): p = pt(r, 20, 45, "F"); return HD(f"MTP activated L&D - {p.caps()} MRN {mrn(r)} - PPH, 6 RBC/6 FFP out", cat="subject")
@htmpl("bloodbank", "clean")
def hc_bb(r): return HD(f"Blood drive Jan 14 - 1 Meridian Plaza lobby - donors get a free T-shirt", extra={"X-Campaign": f"BD-{dg(r, 4)}"}, cat="event-medical-words")

# ---- infection prevention
@tmpl("ipc", "phi")
def ipc_isolation(r):
    o = ORG["ipc"]; p = pt(r, 30, 90); org_ = r.choice([("CRE (KPC) from urine", "Contact Plus"), ("C. diff toxin PCR positive", "Enteric Contact"), ("Candida auris, axilla/groin screen", "Contact Plus"), ("MRSA from wound", "Contact")])
    return Doc(o, "ipc/isolation-flag-transfer", "", [
        P(f"Hi - {p.shape(r)} is going to your facility tomorrow and I want to make sure you have this before arrival."),
        P(f"{org_[0]} collected {fd(past(r, 3, 20), 'mdy')}. Needs {org_[1]} isolation, private room, dedicated equipment. {r.choice(['Bleach wipes only for C. diff / C. auris.', 'Please notify your IP team - this is reportable to ODH.', 'We have already notified the health department.'])}"),
        P(f"Inter-facility transfer form is in the packet the case manager sent; DOB {dob(r, p)} for matching. Call me if your IP line is closed.")],
        subj=pick(r, "MDRO notification before transfer", "isolation status - incoming transfer", "IP heads-up"))
@tmpl("ipc", "phi", "list")
def ipc_linelist(r):
    o = ORG["ipc"]; rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 60, 95); rows.append([p.lfc(), mrn(r), r.choice(["5N", "5S", "6W", "MICU"]) + "-" + str(r.randint(1, 40)), past(r, 1, 12), r.choice(["norovirus PCR +", "pending", "not tested", "norovirus PCR +"]), r.choice(["vomiting/diarrhea", "diarrhea only", "vomiting", "fever + diarrhea"]), r.choice(["Y", "N"])])
    return Doc(o, "ipc/outbreak-linelist", "GI outbreak line list - 5 North / 5 South (working copy)", [
        P("For the health department call at 1400. Please do not forward outside the outbreak team."), T(["Patient", "MRN", "Unit-Bed", "Onset", "Lab", "Symptoms", "Isolated"], rows)], subj="line list for ODH call")
@tmpl("ipc", "clean")
def ipc_dashboard(r):
    o = ORG["ipc"]
    return Doc(o, "ipc/hai-dashboard", "HAI dashboard - Q3 (de-identified, aggregate)", [
        T(["Measure", "Events", "Device/pt days", "SIR", "Goal"], [["CLABSI", r.randint(2, 8), r.randint(9000, 14000), f"{r.uniform(0.4, 1.1):.2f}", "<0.80"],
                                                                    ["CAUTI", r.randint(3, 10), r.randint(11000, 16000), f"{r.uniform(0.5, 1.2):.2f}", "<0.80"],
                                                                    ["C. diff (HO)", r.randint(6, 18), r.randint(70000, 90000), f"{r.uniform(0.4, 0.9):.2f}", "<0.70"],
                                                                    ["MRSA bacteremia", r.randint(0, 3), r.randint(70000, 90000), f"{r.uniform(0.2, 1.0):.2f}", "<0.75"]]),
        P("Counts are facility-wide and contain no patient identifiers. Unit-level detail is on the secure IP SharePoint for managers only. Hand hygiene compliance (secret shopper): " + f"{r.randint(84, 96)}%.")], subj="Q3 HAI dashboard")
@htmpl("ipc", "phi")
def h_ipc(r): p = pt(r, 30, 80); return HD("exposure workup", extra={"Thread-Topic": f"Measles exposure ED 12/{r.randint(10, 20)} - index pt {p.given} {p.family} - rash onset 12/{r.randint(8, 19)}, IgM pending"}, cat="thread-topic")
@htmpl("ipc", "clean")
def hc_ipc(r): return HD("Flu vaccine declination forms due Friday - staff compliance 91%", extra={"Keywords": "influenza; employee health; compliance"}, cat="staff-medical-words")

# ---- case management / discharge planning
@tmpl("cmdc", "phi")
def cm_snf(r):
    o = ORG["cmdc"]; p = pt(r, 68, 95); dx = r.choice(["hipfx", "stroke", "chf", "pna", "sepsis"])
    return Doc(o, "cmdc/snf-referral", "", [
        P(f"Hi {r.choice(['Tonya', 'Marcus', 'admissions team', 'Liz'])},"),
        P(f"Sending you {p.ttl()} ({p.age} y/o) for a possible bed {fd(soon(r, 1, 3), 'mon')}. Admitted {fd(past(r, 4, 9), 'mon')} with {ICD[dx][1]}. {r.choice(['PT recs SNF, min assist x1 for transfers.', 'Needs IV cefazolin through ' + fd(soon(r, 10, 30), 'mon') + ', PICC in place.', 'On 2L NC, baseline is room air.'])}"),
        P(f"Payer {r.choice(['Humana Gold Plus (MA) - auth needed', 'traditional Medicare, 3-night stay met', 'Aetna Medicare - we will start the auth once you accept', 'CareSource Medicaid'])}. Daughter {r.choice(FEM)} is the contact and prefers your facility. Clinicals in the portal."),
        P("Can you let me know by noon?")], subj=pick(r, "bed request", "SNF referral - can you take?", "referral for tomorrow"))
@tmpl("cmdc", "phi", "list")
def cm_dcb(r):
    o = ORG["cmdc"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 40, 95); rows.append([f"{r.choice(['4', '5', '6', '7'])}{r.choice('NSEW')}-{r.randint(1, 32)}", p.lfc(), p.age, past(r, 2, 14), r.choice(["SNF - waiting auth", "HH - Interim", "home w/ family", "LTACH referral", "IRF - accepted", "hospice eval"]), r.choice(["DME walker", "O2 qualif", "awaiting PT", "guardian pending", "", "Medicaid pending"])])
    return Doc(o, "cmdc/barrier-list", "Discharge barriers - huddle list", [T(["Bed", "Patient", "Age", "Admit", "DC plan", "Barrier"], rows)], subj="DC barrier list for 0830 huddle")
@tmpl("cmdc", "clean")
def cm_im(r):
    o = ORG["cmdc"]
    return Doc(o, "cmdc/im-notice-policy", "Reminder: Important Message from Medicare (IM) notices", [
        P("The second IM must be delivered no more than 2 calendar days before discharge. Our Q4 audit found 88% compliance on the follow-up IM - good progress, still short of 95%."),
        P("The current CMS form is CMS-R-193, with an OMB expiration date printed in the lower left corner. Please discard any older stock on your unit; the form revision date is not the patient's date of birth and does not go in the DOB field of the Epic smartform."),
        P("Questions to the CM educator.")], subj="IM notice reminder")
@htmpl("cmdc", "phi")
def h_cm(r): p = pt(r, 65, 95, "M"); return HD(f"Re: {p.ttl()} - dc to Riverbend LTACH today? trach/vent, sacral stage 4", reply_to=(f"{p.family} family - son {r.choice(MAL)} (POA)", personal(r, p)), cat="subject+reply-to")
@htmpl("cmdc", "clean")
def hc_cm(r): return HD("CM/SW holiday coverage grid - Christmas & New Year", extra={"Thread-Topic": "CM holiday coverage"}, cat="schedule")

# ---- utilization review
@tmpl("ur", "phi")
def ur_clinicals(r):
    o = ORG["ur"]; p = pt(r, 25, 80); dx = r.choice(["dka", "copd", "chf", "sepsis"])
    return Doc(o, "ur/concurrent-review", "Concurrent review - clinical update", [
        KV(("Member", p.lf()), ("Member ID", mbr(r)), ("DOB", dob(r, p)), ("Auth/Ref #", f"IP{dg(r, 9)}"), ("Admit date", fd(past(r, 2, 5), "mdy")),
           ("Level of care", r.choice(["Inpatient", "Observation -> Inpatient", "ICU step-down"])), ("Primary dx", icdx(dx))),
        P(r.choice(["Day 3: remains on insulin gtt, AG closed this AM, transitioning to SQ. K 3.2 repleted.",
                    "Day 2: BiPAP overnight, weaned to 3L NC this AM. IV methylpred 40 q8, nebs q4.",
                    "Day 3: IV Lasix 80 BID, net -2.1 L, Cr 1.8 (baseline 1.2). Echo EF 20%.",
                    "Day 2: lactate 4.1 -> 1.8, on vanc/zosyn, BCx 2/2 GNR, MAP > 65 off pressors."])),
        P(f"Meets InterQual acute criteria. Requesting {r.randint(2, 4)} additional days. Attending {drn(staff(r))}. Please fax determination to {o.fax}.")], subj="Clinical update - concurrent review")
@tmpl("ur", "phi")
def ur_x12(r):
    o = ORG["ur"]; p = pt(r, 30, 64); mid = mbr(r); d = TODAY
    x = "~\n".join([f"ISA*00*          *00*          *ZZ*OVMHUR         *ZZ*CARESRC        *{d:%y%m%d}*1012*^*00501*0000{dg(r, 5)}*0*P*:",
                    "ST*278*0001*005010X217", f"BHT*0007*13*{dg(r, 10)}*{d:%Y%m%d}*1012", "HL*1**20*1", "NM1*X3*2*CARESOURCE*****PI*31114",
                    "HL*2*1*21*1", f"NM1*1P*2*OHIO VALLEY MERIDIAN HEALTH*****XX*{npi(r)}", "HL*3*2*22*1", f"NM1*IL*1*{asciify(p.family).upper()}*{asciify(p.given).upper()}****MI*{mid}",
                    f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", "HL*4*3*EV*0", f"UM*AR*I*1:A*21:B", f"HI*ABK:{icd(r.choice(['copd', 'chf', 'sepsis'])).replace('.', '')}", "SE*13*0001"]) + "~"
    return Doc(o, "ur/x12-278", "", [P("Payer portal rejected this 278 with AAA*N**15 (required application data missing). Can someone in EDI look before we resubmit? Request as built:"), PRE(x)],
               subj="278 rejected - AAA 15")
@tmpl("ur", "clean")
def ur_criteria(r):
    o = ORG["ur"]
    return Doc(o, "ur/criteria-update", "InterQual 2027 release - go-live plan", [
        P(f"The 2027 InterQual acute adult criteria load on {fd(D(2027, 2, 3), 'long')}. Reviewers will see both versions for 14 days."),
        BUL("Two-midnight rule education refresh: Jan 20 and Jan 22, 1200-1300 (Teams).", "Physician advisor escalation pager unchanged.",
            "Denial rate (all payers, aggregate) fell from 7.4% to 6.1% in Q3; observation-to-inpatient conversions up 3%."),
        P("No action needed from units.")], subj="InterQual 2027 go-live")
@htmpl("ur", "phi")
def h_ur(r): p = pt(r, 30, 64); return HD("Peer to peer", extra={"X-Auth-Ref": f"IP{dg(r, 9)}", "X-Member": f"{p.caps()} {mbr(r)} DOB {dob(r, p, 'mdy')} - IP denied, P2P by 3pm"}, cat="x-header")
@htmpl("ur", "clean")
def hc_ur(r): return HD(f"Payer denial trends - Q3 aggregate - Humana / Anthem / CareSource", extra={"X-Report-ID": f"UR-AGG-{dg(r, 4)}"}, cat="aggregate-report")

# ---- CDI / coding query
@tmpl("cdi", "phi")
def cdi_query(r):
    o = ORG["cdi"]; p = pt(r, 40, 90); md = staff(r, "MD")
    q = r.choice([("Na 128, 127, 124 on days 1-3; fluid restriction ordered; 'low Na' in progress notes.", ["Hyponatremia", "SIADH", "Other (please specify)", "Unable to determine"]),
                  ("Albumin 2.1, BMI 16.8, dietitian documents 'severe malnutrition in context of chronic illness' with muscle wasting.", ["Severe protein-calorie malnutrition", "Moderate malnutrition", "Other", "Unable to determine"]),
                  ("Cr 1.1 on admit, 2.4 on day 2; IV fluids given; nephrology consulted.", ["Acute kidney injury", "Acute tubular necrosis", "Expected lab variation", "Unable to determine"]),
                  ("RR 28, SpO2 86% on RA, placed on BiPAP; ABG pH 7.29 / pCO2 62.", ["Acute hypercapnic respiratory failure", "Acute on chronic respiratory failure", "Other", "Unable to determine"])])
    return Doc(o, "cdi/physician-query", "Clinical documentation query", [
        P(f"Dr. {md.family},"), P(f"Re: {p.full()}, admitted {fd(past(r, 2, 8), 'mdy')}, HAR {har(r)}"),
        P(f"Clinical indicators in the record: {q[0]}"), P("Based on your clinical judgment, can you clarify the diagnosis being treated?"), BUL(*q[1]),
        P("Please answer in the query tab in Epic or reply here and I will attach it. This query is not intended to lead you to any particular response.")], subj="CDI query - please respond")
@tmpl("cdi", "clean")
def cdi_tip(r):
    o = ORG["cdi"]
    return Doc(o, "cdi/coding-tip", "CDI tip of the month: sepsis, SIRS and organ dysfunction", [
        P("Sepsis-3 is our documentation standard. When you document sepsis, link it to the organ dysfunction (e.g. 'sepsis with acute kidney injury due to E. coli UTI')."),
        P("Coding reminder: A41.9 (sepsis, unspecified organism) is sequenced first when sepsis is present on admission; R65.20 adds severe sepsis without shock. These are code-set examples only."),
        P(f"Identifier fields in the practice encoder use placeholders such as MRN 00000000 and MBI format 1AA1-AA1-AA11 - please do not paste real patient identifiers into the training sandbox. Q3 query response rate: {r.randint(88, 97)}%.")], subj="CDI tip - sepsis")
@htmpl("cdi", "phi")
def h_cdi(r): p = pt(r, 50, 85); return HD(f"Query: {p.lfc()} HAR {har(r)} - AKI vs ATN? Cr 1.0->3.2", cat="subject")
@htmpl("cdi", "clean")
def hc_cdi(r): s = staff(r, "RN, CCDS"); return HD(f"Welcome {s.given} {s.family}, RN, CCDS to the CDI team!", cc=[(f"{s.family}, {s.given} RN, CCDS", mailbox(s, "ovmeridian.org"))], cat="staff-credential")

# ---- patient relations (complaints / grievances)
@tmpl("ptrel", "phi")
def ptrel_letter(r):
    o = ORG["ptrel"]; p = pt(r, 30, 85); d = past(r, 20, 60)
    issue = r.choice(["the delay in receiving pain medication after your knee replacement", "the communication about your mother's transfer to hospice",
                      "the billing for your colonoscopy that you were told would be a screening exam", "the wait time in the Emergency Department when you came in with chest pain"])
    return Doc(o, "ptrel/grievance-response", "Grievance resolution letter", [
        P(f"{fd(TODAY, 'long')}\n\n{p.fml()}\n{p.street}\n{p.city}, {p.state} {p.zip}"), P(f"Dear {p.ttl()},"),
        P(f"Thank you for contacting us on {fd(d, 'long')} about {issue}. We take these concerns seriously and your grievance (reference GR-{TODAY.year}-{dg(r, 4)}) was reviewed by the nursing director and the physician leadership of the unit."),
        P(r.choice(["Our review found that the order for your pain medication was entered late after you arrived on the unit. The unit has since changed its handoff process.",
                    "We confirmed that the procedure was coded as diagnostic because a polyp was removed. We have asked our billing office to hold the balance while we contact your insurer.",
                    "We confirmed that your ECG was completed within 10 minutes of arrival, but the wait before you saw a physician was longer than it should have been."])),
        P("If you are not satisfied, you may contact the Ohio Department of Health complaint unit or the Joint Commission. Sincerely,"), P(f"{staff(r).full()}\nPatient Relations Specialist")], subj="Response to your concern")
@tmpl("ptrel", "phi")
def ptrel_es(r):
    o = ORG["ptrel"]; p = pt(r, 30, 80)
    return Doc(o, "ptrel/spanish-followup", "Seguimiento de su queja", [
        P(f"Estimado/a {p.full()}:"), P(f"Le escribimos sobre la queja que presentó el {fd(past(r, 10, 40), 'es')} acerca de la atención de su hijo en la sala de emergencias por una fractura del brazo izquierdo."),
        KV(("Paciente", p.full()), ("Fecha de nacimiento", fd(p.dob, "dmy")), ("Número de expediente", mrn(r)), ("Número de queja", f"GR-{TODAY.year}-{dg(r, 4)}")),
        P("El equipo de enfermería revisó el caso y ofreció una disculpa por la falta de un intérprete durante el alta. Puede llamarnos al " + o.phone + ".")], subj="Seguimiento de su queja", lang="es")
@tmpl("ptrel", "clean")
def ptrel_survey(r):
    o = ORG["ptrel"]
    return Doc(o, "ptrel/hcahps-summary", "HCAHPS and grievance summary - November", [
        T(["Domain", "Top box %", "National %ile"], [["Communication with nurses", f"{r.randint(74, 84)}", r.randint(40, 80)], ["Responsiveness", f"{r.randint(55, 70)}", r.randint(30, 70)],
                                                  ["Discharge information", f"{r.randint(82, 90)}", r.randint(40, 85)], ["Overall rating 9-10", f"{r.randint(66, 78)}", r.randint(35, 75)]]),
        P(f"Grievances opened: {r.randint(30, 60)}; resolved within 7 days: {r.randint(80, 95)}%. Top themes: communication, wait times, parking. Comments are de-identified before distribution.")], subj="November HCAHPS summary")
@htmpl("ptrel", "phi")
def h_ptrel(r): p = pt(r, 40, 80); return HD(f"Grievance GR-{TODAY.year}-{dg(r, 4)} - {p.full()} - mother's pressure injury after hip surgery - family wants meeting", cat="subject")
@htmpl("ptrel", "clean")
def hc_ptrel(r): s = staff(r, "CPXP"); return HD("Service recovery gift cards - new process", reply_to=(f"{s.given} {s.family}, CPXP (Patient Experience)", mailbox(s, "ovmeridian.org")), cat="reply-to-credentials")

# ---- risk management
@tmpl("risk", "phi")
def risk_event(r):
    o = ORG["risk"]; p = pt(r, 50, 90); n = r.choice(["fall with injury", "wrong-site block (stopped at time-out)", "retained guidewire", "medication error - 10x heparin bolus"])
    return Doc(o, "risk/event-followup", "PRIVILEGED & CONFIDENTIAL - Peer review / patient safety work product", [
        P(f"Following up on the {n} involving {p.shape(r)} on {fd(past(r, 2, 10), 'mon')}."),
        P(r.choice([f"She was found on the floor at 0340, CT head showed a small L SDH, neurosurgery says non-op. Family (husband) has been told by Dr. {staff(r).family}.",
                    f"Post-op XR showed the guidewire fragment in the IVC; IR retrieved it the next day without complication. Disclosure done with the patient and his wife.",
                    f"Pharmacy caught it after the bolus was given; aPTT >150, no bleeding, heparin held x2h. Patient and daughter informed at the bedside."])),
        P("RCA scheduled for Tuesday. Please preserve all equipment and do not edit the chart. Do not forward outside the RCA team.")], subj="Event follow-up (privileged)")
@tmpl("risk", "clean")
def risk_training(r):
    o = ORG["risk"]
    return Doc(o, "risk/hipaa-reminder", "Annual HIPAA & privacy training due " + fd(D(2027, 1, 31), "long"), [
        P("All workforce members must complete the 2027 Privacy & Security module in the learning system by the date above. It takes about 25 minutes."),
        BUL("New this year: a section on texting and secure chat, and on using AI tools with patient information (don't).", "Examples in the module use fictional patients such as 'Jane Testpatient' and a sample SSN of 000-00-0000; these are not real.",
            "Incomplete training will be reported to your manager on Feb 3."),
        P("Report privacy concerns to the Privacy Office hotline, available 24/7.")], subj="HIPAA training due")
@htmpl("risk", "phi")
def h_risk(r): p = pt(r, 55, 90); return HD("RCA", extra={"Keywords": f"RCA; privileged; {p.family.upper()}, {p.given.upper()}; MRN {mrn(r)}; unwitnessed fall -> SDH"}, cat="keywords")
@htmpl("risk", "clean")
def hc_risk(r): return HD("Privileged & Confidential: TeamSTEPPS refresher - Jan 9 - Sabin Auditorium", extra={"Thread-Topic": "TeamSTEPPS refresher"}, cat="privileged-not-phi")

# ---- 340B pharmacy
@tmpl("p340b", "phi", "list")
def p340b_audit(r):
    o = ORG["p340b"]; rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 20, 85); drug = r.choice([("Biktarvy 50-200-25 mg", "hiv"), ("Humira Pen 40 mg", "ra"), ("Eliquis 5 mg", "afib"), ("Trulicity 1.5 mg", "dm2"), ("Breo Ellipta 100/25", "copd")])
        rows.append([f"RX{dg(r, 7)}", past(r, 10, 80), p.lf(), p.dob, drug[0], ndc(r), icd(drug[1]), r.choice(["eligible", "eligible", "NOT eligible - outside prescriber", "eligible - referral loop closed"])])
    return Doc(o, "p340b/eligibility-audit", "340B self-audit sample - contract pharmacy claims", [
        P("Random sample of 30-day claims for the HRSA self-audit. Patient records reviewed for encounter + eligible prescriber."),
        T(["Rx #", "Fill date", "Patient", "DOB", "Drug", "NDC", "Dx", "Finding"], rows)], subj="340B audit sample")
@tmpl("p340b", "clean", "list")
def p340b_invoice(r):
    o = ORG["p340b"]; rows = []
    for d in ["atorvastatin 40 mg tab 90s", "insulin glargine-yfgn 100 u/mL pen 5x3 mL", "albuterol HFA 90 mcg 200 inh", "emtricitabine/tenofovir 200/300 30s", "ondansetron ODT 4 mg 30s", "enoxaparin 40 mg/0.4 mL 10 syr"]:
        q = r.randint(1, 24); u = r.uniform(2, 90); rows.append([d, ndc(r), q, f"${u:,.2f}", f"${q * u:,.2f}"])
    return Doc(o, "p340b/wholesaler-invoice", f"Wholesaler invoice {inv(r)} - 340B account", [
        KV(("Account", f"340B-{dg(r, 6)}"), ("PO", po(r)), ("Ship date", fd(past(r, 0, 3), "mdy"))), T(["Item", "NDC", "Qty", "Unit price", "Extended"], rows),
        P("Prices reflect 340B ceiling price. No patient-level data on this document.")], subj="invoice - 340B replenishment")
@tmpl("p340b", "clean")
def p340b_newsletter(r):
    o = ORG["p340b"]
    return Doc(o, "p340b/program-update", "340B program update", [
        P(f"HRSA recertification for all child sites opens {fd(D(2027, 2, 1), 'long')}. Site managers: verify that your clinic's Medicaid billing number is current in OPAIS."),
        P("The split-billing software (Macro Helix) upgrade moves accumulators to a nightly batch. Savings this fiscal year fund the free insulin program and the Positive Care Clinic's transportation vouchers.")], subj="340B program update")
@htmpl("p340b", "phi")
def h_340b(r): p = pt(r, 30, 70); return HD(f"Rx transfer - {p.lf()} DOB {dob(r, p, 'mdy')} - Biktarvy - 340B accumulator short", cat="subject")
@htmpl("p340b", "clean")
def hc_340b(r): return HD(f"NDC {ndc(r)} backorder - Trulicity 1.5 mg - substitute per P&T", extra={"X-PO": po(r)}, cat="vendor-product")

# ---- specialty pharmacy hub
@tmpl("sphub", "phi")
def sphub_status(r):
    o = ORG["sphub"]; p = pt(r, 20, 70); drug = r.choice([("Dupixent 300 mg/2 mL", "atopic dermatitis"), ("Ocrevus 600 mg IV", "relapsing MS"), ("Trikafta", "cystic fibrosis"), ("Skyrizi 150 mg", "Crohn's disease"), ("Enbrel 50 mg SureClick", "rheumatoid arthritis")])
    return Doc(o, "sphub/enrollment-status", "Patient Support Program - Enrollment Status Update", [
        P("This is an automated status update from the CareBridge Access Hub on behalf of the manufacturer patient support program."),
        KV(("Patient name", p.full()), ("Date of birth", dob(r, p)), ("Case ID", f"CB-{dg(r, 8)}"), ("Product", drug[0]), ("Indication", drug[1]),
           ("Benefits investigation", r.choice(["Complete - pharmacy benefit, PA required", "Complete - medical benefit, buy & bill", "In progress"])),
           ("Prior authorization", r.choice(["Submitted " + fd(past(r, 1, 5), "mdy"), "Approved through " + fd(soon(r, 180, 360), "mdy"), "Denied - appeal packet needed"])),
           ("Copay program", r.choice(["Enrolled, $0 copay", "Not eligible (Medicare Part D)", "Foundation referral sent"]))),
        P("Please do not reply to this message. Call the hub at 1-888-555-0147 (option 2 for providers).")], subj=f"Enrollment update - case CB-{dg(r, 8)}")
@tmpl("sphub", "clean")
def sphub_program(r):
    o = ORG["sphub"]
    return Doc(o, "sphub/program-overview", "Provider program overview - what the hub does", [
        P("CareBridge supports prescribers with benefits investigation, prior authorization support, copay assistance and nurse educator visits."),
        BUL("Enrollment form revision date: 08/2026 - older versions are still accepted until March 31.", "Turnaround for benefits investigation: 2 business days.",
            "Sample case ID format: CB-00000000. Sample patient on the training form: 'Pat Example'."),
        P("Office staff may request in-service training through their field reimbursement manager.")], subj="hub program overview")
@htmpl("sphub", "phi")
def h_sphub(r): p = pt(r, 20, 60); return HD("Case update", extra={"X-Hub-Case": f"CB-{dg(r, 8)}", "Comments": f"{p.full()} DOB {dob(r, p, 'iso')} - Ocrevus PA denied, appeal packet needed - relapsing MS"}, cat="comments")
@htmpl("sphub", "clean")
def hc_sphub(r): return HD(f"Field reimbursement manager territory change - Ohio / Kentucky - effective Jan 1", extra={"X-Hub-Case": f"ADMIN-{dg(r, 5)}"}, cat="vendor-x")

# ---- genetic counseling
@tmpl("genetics", "phi")
def gen_result(r):
    o = ORG["genetics"]; p = pt(r, 28, 70, "F"); gene = r.choice([("BRCA2", "c.5946del (p.Ser1982fs)", "brca"), ("MLH1", "c.1852_1854del", "lynch"), ("PALB2", "c.3113G>A (p.Trp1038*)", "brca"), ("CHEK2", "c.1100del", "brca")])
    return Doc(o, "genetics/result-summary", "", [
        P(f"Hi Dr. {staff(r).family},"), P(f"Wanted to close the loop on {p.given} {p.family}, whom you referred after her {r.choice(['breast cancer diagnosis', 'sister’s ovarian cancer', 'colon polyps at 38'])}. Her multigene panel came back POSITIVE for a pathogenic variant in {gene[0]}, {gene[1]}."),
        P(f"I disclosed results by phone today and we spent about an hour on it. {r.choice(['She is leaning toward risk-reducing BSO after childbearing.', 'She wants to talk to her kids before cascade testing.', 'She’s anxious but had good support - husband was on the call.'])} We sent family letters for cascade testing."),
        P(f"Recommend {r.choice(['annual breast MRI alternating with mammography, and high-risk clinic referral', 'colonoscopy q1-2 years and GYN onc consult', 'referral to the hereditary cancer clinic'])}. Full consult note in Epic. Coded as {icd(gene[2])}.")], subj="genetic test result - your patient")
@tmpl("genetics", "clean")
def gen_cme(r):
    o = ORG["genetics"]
    return Doc(o, "genetics/grand-rounds", "Genetics grand rounds: cascade testing in Appalachian families", [
        P(f"{fd(soon(r, 7, 25), 'long')}, 12:00-1:00 PM, Kresge Auditorium and Teams. 1.0 AMA PRA Category 1 Credit."),
        P("We will review uptake of cascade testing for BRCA1/2 and Lynch syndrome in our region (de-identified cohort of 412 probands), barriers in rural counties and a pilot of direct-to-relative letters."),
        P("Speakers are two of our board-certified genetic counselors and a family medicine physician from Pikeville.")], subj="Grand rounds - cascade testing")
@htmpl("genetics", "phi")
def h_gen(r): p = pt(r, 25, 65, "F"); return HD("result disclosure", to=(f"{p.given} {p.family} (BRCA2 c.5946del positive - disclosure appt {fd(soon(r, 1, 5), 'short')})", personal(r, p)), cat="to-display")
@htmpl("genetics", "clean")
def hc_gen(r): s = staff(r, "MS, CGC"); return HD(f"Journal club - {s.given} {s.family}, MS, CGC presenting - polygenic risk scores", cat="meeting-medical-words")

# ---- speech-language pathology
@tmpl("slp", "phi")
def slp_mbs(r):
    o = ORG["slp"]; p = pt(r, 55, 92)
    return Doc(o, "slp/mbss-report", "Modified Barium Swallow Study", [
        KV(("Patient", p.lf()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("Referring dx", icdx(r.choice(["stroke", "dysph", "pna"]))), ("Study date", fd(past(r, 0, 3), "mdy"))),
        H("Findings"),
        P(f"Silent aspiration with thin liquids (PAS {r.choice([7, 8])}) secondary to delayed swallow initiation and reduced laryngeal vestibule closure. Mildly thick liquids: penetration to the level of the cords, cleared with cued cough (PAS 3). Moderate vallecular residue with puree."),
        H("Recommendations"),
        BUL("Diet: IDDSI Level 5 minced & moist, Level 2 mildly thick liquids", "Meds crushed in puree", "Strict upright 90 degrees, chin tuck, small sips", "SLP f/u 3-5x/wk; repeat MBSS in 2-3 weeks")], subj="MBSS results")
@tmpl("slp", "phi")
def slp_chatty(r):
    o = ORG["slp"]; p = pt(r, 60, 90, "M")
    return Doc(o, "slp/chatty-note", "", [
        P(f"Hi! Saw Mr. {p.family} this afternoon for the aphasia eval. He’s got a pretty significant expressive aphasia - fluent comprehension for 1-step commands, but naming is maybe 20% and he’s getting frustrated."),
        P(f"Wife ({r.choice(FEM)}) asked about the communication board, I left one at bedside. I'd hold off on the cognitive screen until tomorrow, he was wiped. Will co-treat with OT Thursday. - {r.choice(['SLP', 'speech'])}")], subj="aphasia eval today")
@tmpl("slp", "clean")
def slp_iddsi(r):
    o = ORG["slp"]
    return Doc(o, "slp/iddsi-education", "IDDSI diet texture transition - nursing FAQ", [
        P("Our menus move fully to IDDSI terminology on January 15. 'Nectar thick' becomes Level 2 Mildly Thick; 'honey thick' becomes Level 3 Moderately Thick."),
        T(["Old term", "IDDSI level", "Flow test (10 s)"], [["Thin", "0", "<1 mL left"], ["Slightly thick", "1", "1-4 mL"], ["Nectar", "2", "4-8 mL"], ["Honey", "3", ">8 mL"]]),
        P("Posters for each nursing station are in interoffice mail.")], subj="IDDSI FAQ for nursing")
@htmpl("slp", "phi")
def h_slp(r): p = pt(r, 60, 90); return HD(f"NPO rec - {p.ttl()} rm {r.randint(300, 380)} - silent asp thin on MBSS, PAS 8", cat="subject")
@htmpl("slp", "clean")
def hc_slp(r): s = staff(r, "MA, CCC-SLP"); return HD("Better Hearing & Speech Month committee - first meeting", to=(f"{s.family}, {s.given} MA, CCC-SLP", mailbox(s, "ovmeridian.org")), cat="to-credentials")

# ---- clinical nutrition
@tmpl("diet", "phi")
def diet_tf(r):
    o = ORG["diet"]; p = pt(r, 40, 85); wt = r.randint(48, 110)
    return Doc(o, "diet/tube-feed-recs", "", [
        P(f"Nutrition f/u for {p.shape(r)} ({r.choice(['MICU 12', 'SICU 4', '6W-22'])}): {r.choice(['severe malnutrition (acute illness), wt down 9% in 1 month', 'refeeding risk - phos 1.8 this AM', 'tolerating TF at goal, BM x2', 'high output fistula, ~1.2 L/day'])}."),
        KV(("Formula", r.choice(["Peptamen 1.5", "Osmolite 1.2", "Nepro", "Vital High Protein"])), ("Goal rate", f"{r.randint(40, 75)} mL/h x 24h"), ("Free water", f"{r.choice([150, 200, 250])} mL q4h"),
           ("Provides", f"{r.randint(1500, 2200)} kcal, {r.randint(80, 130)} g protein"), ("Dosing wt", f"{wt} kg")),
        P("Recommend checking phos/Mg daily x3 while advancing. Will follow. - RD")], subj=pick(r, "TF recs", "nutrition follow-up", "RD recs"))
@tmpl("diet", "clean")
def diet_menu(r):
    o = ORG["diet"]
    return Doc(o, "diet/cafe-notice", "Cafe Meridian: heart-healthy January", [
        P("Starting Jan 2 the cafeteria will flag sodium-smart entrees (<600 mg) with a green heart. Our outpatient dietitians will host free lunchtime talks for staff on the DASH diet."),
        P("Badge discount unchanged. Wellness program members can scan their Meridian Well member number (format MW-000000) for points.")], subj="Cafe heart-healthy month")
@htmpl("diet", "phi")
def h_diet(r): p = pt(r, 40, 80); return HD("calorie count", extra={"X-Epic-Pool": "RD INPATIENT", "X-Note": f"{p.given} {p.family} {r.choice(['6W', '5N'])}-{r.randint(1, 30)} - refeeding, phos 1.6 - hold advance"}, cat="x-header")
@htmpl("diet", "clean")
def hc_diet(r): return HD("Ensure Plus vs Boost Plus - formulary swap Jan 1 - case pricing", cat="vendor-product")

# ---- wound / ostomy nursing
@tmpl("wocn", "phi")
def wocn_note(r):
    o = ORG["wocn"]; p = pt(r, 50, 90)
    return Doc(o, "wocn/consult-note", "", [
        P(f"WOC consult - {p.lf()} ({p.age}{p.sex}) {r.choice(['5S-14', '6N-31', 'MICU 3'])}"),
        P(r.choice([f"Sacral stage 4 PI, 6.5 x 5 x 2.2 cm, tunneling at 12 o'clock 3 cm, bone palpable. Moderate serosang drainage. NPWT @ -125 continuous, black foam, change MWF. Low air loss bed ordered.",
                    f"New end colostomy POD 3. Stoma 35 mm round, budded 1 cm, red/moist. Peristomal skin intact. Using 1-pc convex cut-to-fit. Taught wife pouch emptying; she did return demo x1.",
                    f"R heel unstageable PI, 3 x 3 cm dry stable eschar - leave intact, float heels, betadine paint daily."])),
        P(f"Will see {r.choice(['Mon/Wed/Fri', 'daily', 'Thursday'])}. Pls page with questions.")], subj=pick(r, "WOC consult", "wound note", "ostomy teaching"))
@tmpl("wocn", "phi", "list")
def wocn_list(r):
    o = ORG["wocn"]; rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 45, 95); rows.append([p.caps(), mrn(r), r.choice(["5N", "5S", "6W", "MICU", "7E"]) + "-" + str(r.randint(1, 36)), r.choice(["sacrum", "R heel", "L ischium", "coccyx", "stoma - ileostomy", "L heel"]),
                                        r.choice(["Stage 2", "Stage 3", "Stage 4", "DTI", "unstageable", "new ostomy"]), r.choice(["HAPI", "POA", "POA"]), past(r, 1, 20)])
    return Doc(o, "wocn/prevalence", "Quarterly pressure injury prevalence - worksheet", [P("Raw worksheet from Tuesday's prevalence day; totals go to NDNQI after validation."), T(["Patient", "MRN", "Unit", "Site", "Stage", "HAPI/POA", "First noted"], rows)], subj="PI prevalence worksheet")
@tmpl("wocn", "clean")
def wocn_product(r):
    o = ORG["wocn"]
    return Doc(o, "wocn/product-change", "Skin and wound product changes", [
        BUL(f"Foam dressing: switching to Mepilex Border Flex (item {dg(r, 6)}) on all units Jan 6.", f"Barrier cream: 3M Cavilon (lot {lot(r)}) replaces zinc paste.", "Ostomy: Hollister New Image 2-pc remains standard; Coloplast SenSura Mio available by request."),
        P("Wound care champions - skills fair on the 15th.")], subj="wound product changes")
@htmpl("wocn", "phi")
def h_wocn(r): p = pt(r, 55, 90, "M"); return HD(f"{p.given} {p.family[0]}. - new colostomy - home w/ supplies? pouch leaking q shift", cat="subject")
@htmpl("wocn", "clean")
def hc_wocn(r): return HD("World Wound Day poster submissions - deadline Feb 1", extra={"Keywords": "wound care; education; poster"}, cat="event-medical-words")

# ---- pediatric endocrinology nurse line
@tmpl("pendo", "phi")
def pendo_callback(r):
    o = ORG["pendo"]; k = kid(r, 4, 16); par = r.choice(FEM + MAL)
    return Doc(o, "pendo/nurse-line-callback", "", [
        P(f"Hi {par}, this is the endo nurse line returning your call about {k.given}."),
        P(r.choice([f"For the overnight lows on the Dexcom, please drop the 2 AM basal from 0.45 to 0.35 u/hr on {k.given}'s Omnipod starting tonight. If BG is under 70, give 15 g fast carbs and recheck in 15.",
                    f"Ketones 1.2 with BG 310 - give the correction dose by pen, not the pump, and change the pod. If ketones are above 1.5 in 2 hours or {k.given} is vomiting, go to the ED.",
                    f"The growth hormone (Norditropin) can stay in the fridge for up to 3 weeks once opened. Dose stays at 1.6 mg nightly. We'll recheck IGF-1 at the March visit."])),
        P(f"Call back at {o.phone} with numbers Friday. - Nurse line")], subj=pick(r, "returning your call", "from the diabetes nurse line", "Re: lows overnight"))
@tmpl("pendo", "phi")
def pendo_school(r):
    o = ORG["pendo"]; k = kid(r, 6, 13)
    return Doc(o, "pendo/school-dmmp", "Diabetes Medical Management Plan (school)", [
        KV(("Student", k.full()), ("Date of birth", dob(r, k)), ("School", r.choice(["Pleasant Ridge Montessori", "Dater Elementary", "Holmes Middle School"])), ("Diagnosis", icdx("dm1")),
           ("Insulin", r.choice(["Humalog via Omnipod 5, automated mode", "Novolog pen, 1 unit per 15 g carbs"])), ("Correction", "1 unit per 50 mg/dL above 150"), ("Low treatment", "15 g fast carbs; glucagon (Baqsimi 3 mg) if unresponsive")),
        P("Signed by the pediatric endocrinologist. Parent consent on file.")], subj="school DMMP")
@tmpl("pendo", "clean")
def pendo_camp(r):
    o = ORG["pendo"]
    return Doc(o, "pendo/camp-flyer", "Camp Sugar Maple 2027 - registration open", [
        P("Our week-long summer camp for kids with type 1 diabetes (ages 7-15) runs June 20-26. Medical staffing by our endocrinology nurses and residents."),
        P(f"Registration deadline March 1. Scholarships available. Counselor applications: camp staff must be 18 or older (proof of date of birth required on the application form, rev. 10/2026).")], subj="Camp Sugar Maple registration")
@htmpl("pendo", "phi")
def h_pendo(r): k = kid(r, 5, 15); return HD(f"Nurse line: {k.given} {k.family} (DOB {dob(r, k, 'mdy')}) - BG 412, ketones 2.1 - mom calling back", cat="subject")
@htmpl("pendo", "clean")
def hc_pendo(r): return HD(f"Dexcom G7 rep lunch-and-learn - Tues noon - endo conference room", cat="vendor-product")

# ---- prison-release re-entry program
@tmpl("reentry", "phi")
def reentry_handoff(r):
    o = ORG["reentry"]; p = pt(r, 22, 60, "M"); d = soon(r, 2, 14)
    return Doc(o, "reentry/release-handoff", "", [
        P(f"Hi, this is {r.choice(['Keisha', 'Ron', 'Tasha', 'Miguel'])} from Second Step. {p.given} {p.family} releases from {r.choice(['Lebanon Correctional', 'London Correctional', 'the Justice Center'])} on {fd(d, 'long')} and has a bridge appointment with you on the {d.day + 2 if d.day < 26 else 3}th."),
        P(r.choice([f"He's on Suboxone 8/2 mg BID through the prison MAT program and needs a script the day he's out - please don't let him lapse. He also has hep C (treated? - records unclear).",
                    f"He's on Biktarvy, last VL undetectable in September. 30-day supply at release, so we need the refill set up.",
                    f"Meds: lithium 600 mg BID and olanzapine 10 mg qHS for bipolar I. Last lithium level 0.8. He's worried about losing his Medicaid."])),
        P(f"Medicaid reactivation submitted. Phone after release will be {p.phone}. Thanks for taking him.")], subj=pick(r, "release next week - bridge appt", "re-entry referral", "warm handoff"))
@tmpl("reentry", "clean")
def reentry_resources(r):
    o = ORG["reentry"]
    return Doc(o, "reentry/resource-list", "Re-entry community resource list - winter update", [
        T(["Resource", "What", "Hours"], [["Talbert House", "housing + recovery", "24/7 line"], ["Freestore Foodbank", "food", "M-F 9-4"], ["Ohio Means Jobs", "employment", "M-F 8-5"],
                                          ["Medicaid pre-release enrollment", "benefits", "by appointment"], ["Naloxone vending (4 sites)", "harm reduction", "24/7"]]),
        P("Please post in your waiting room. No client information is included.")], subj="winter resource list")
@htmpl("reentry", "phi")
def h_reentry(r): p = pt(r, 25, 55, "M"); return HD(f"Release {fd(soon(r, 2, 9), 'short')} - {p.given} {p.family} - on MOUD (buprenorphine 16mg) - bridge script needed", cat="subject")
@htmpl("reentry", "clean")
def hc_reentry(r): return HD("Community health worker job posting - Second Step Re-Entry (lived experience preferred)", cat="job-posting")

# ---- refugee health clinic
@tmpl("refugee", "phi")
def refugee_domestic(r):
    o = ORG["refugee"]; p = pt(r, 18, 60); lang = r.choice(["Dari", "Pashto", "Kinyarwanda", "Swahili", "Karen", "Ukrainian", "Spanish"])
    return Doc(o, "refugee/domestic-exam", "Domestic refugee health assessment - summary to PCP", [
        KV(("Name", p.full()), ("DOB", dob(r, p, r.choice(["mdy", "iso", "dmy"]))), ("Arrival date", fd(past(r, 40, 90), "mdy")), ("Language", lang), ("A-number", f"A{dg(r, 9)}"),
           ("Resettlement agency", r.choice(["Catholic Charities SW Ohio", "RefugeeConnect", "Kentucky Refugee Ministries"]))),
        H("Findings"),
        BUL(r.choice(["IGRA positive, CXR normal - LTBI, started 4 months rifampin", "IGRA negative"]), r.choice(["Strongyloides IgG positive - treated ivermectin x2 days", "Ova & parasites negative"]),
            r.choice(["Hep B sAg positive, e-Ag negative, VL 2,100 IU/mL - GI referral", "Hep B immune", "Hep B susceptible - series started"]), r.choice(["Hgb 9.8, ferritin 6 - iron deficiency", "Lead 7 (child in household - see separate)", "PHQ-9 14, trauma hx - behavioral health referral"])),
        P("Interpreter used for the full visit. Immunizations updated per ACIP catch-up.")], subj="refugee health screening summary")
@tmpl("refugee", "phi")
def refugee_fhir(r):
    o = ORG["refugee"]; p = kid(r, 2, 12); m = mrn(r)
    res = {"resourceType": "Immunization", "status": "completed", "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": r.choice(["03", "08", "20", "110"])}]},
           "patient": {"reference": f"Patient/{m}", "display": f"{p.given} {p.family}"}, "occurrenceDateTime": past(r, 1, 10).isoformat(),
           "note": [{"text": f"catch-up dose; child DOB {p.dob.isoformat()}; arrived {past(r, 30, 80).isoformat()}"}]}
    return Doc(o, "refugee/fhir-immunization", "", [P("ImmPRESS (Ohio IIS) bounced this Immunization resource; can you check the CVX mapping? Body as sent:"), PRE(json.dumps(res, indent=2, ensure_ascii=False))], subj="IIS submission rejected")
@tmpl("refugee", "clean")
def refugee_volunteer(r):
    o = ORG["refugee"]
    return Doc(o, "refugee/volunteer", "Volunteer interpreters needed - Dari, Pashto, Tigrinya", [
        P("We are seeing more new arrivals this winter and need trained medical interpreters. Bilingual staff can get certified through our 40-hour course (next cohort Feb 3)."),
        P("Stats from the last quarter: 164 domestic screenings, 22 languages, 71% with at least one positive screening result (aggregate only).")], subj="interpreters needed")
@htmpl("refugee", "phi")
def h_refugee(r): p = pt(r, 20, 50); return HD("screening", extra={"X-Arrival-Case": f"A{dg(r, 9)} {p.family.upper()}, {p.given} - IGRA+ / HBsAg+ - needs GI + TB clinic"}, cat="x-header")
@htmpl("refugee", "clean")
def hc_refugee(r): return HD("Kinyarwanda and Swahili interpreter schedule - January (Language Services)", cat="schedule")

# ---- veterans community care office
@tmpl("vacc", "phi")
def vacc_referral(r):
    o = ORG["vacc"]; p = pt(r, 30, 85, r.choice("MMMF")); sn = ssn(r, "dash")
    return Doc(o, "vacc/community-care-return", "Community Care - return of records to VA", [
        KV(("Veteran", p.lf()), ("Last 4 SSN", sn[-4:]), ("SSN", sn), ("DOB", dob(r, p)), ("Referral #", f"VA{dg(r, 10)}"), ("SEOC", r.choice(["Orthopedic Surgery - Knee", "Cardiology", "Physical Therapy", "Sleep Medicine"]))),
        P(r.choice([f"R TKA performed {fd(past(r, 10, 30), 'mdy')}. Uncomplicated. POD 14 staples out, ROM 0-105. PT 2x/wk x 6 wks.", "Echo EF 35-40%, moderate MR. Started Entresto 24/26 BID, recheck BMP 1 wk.", "PSG: severe OSA, AHI 48. Auto-PAP 5-15 ordered through VA prosthetics."])),
        P("Records uploaded to HSRM. Claim will follow from our billing office.")], subj="community care records return")
@tmpl("vacc", "clean")
def vacc_news(r):
    o = ORG["vacc"]
    return Doc(o, "vacc/provider-bulletin", "VA Community Care: what changes on Feb 1", [
        P("Referrals will arrive through HSRM only; faxed referrals will be returned. Authorization numbers look like VA0000000000 - if yours doesn't match, call the community care office before scheduling."),
        P("Reminder: Veterans Day breakfast photos are posted on the intranet; thanks to the 63 staff veterans who joined us.")], subj="VA community care changes")
@htmpl("vacc", "phi")
def h_vacc(r): p = pt(r, 30, 80, "M"); return HD(f"HSRM referral VA{dg(r, 10)} - {p.caps()} SSN {ssn(r, 'dash')} - PTSD + TBI - neuropsych", cat="subject")
@htmpl("vacc", "clean")
def hc_vacc(r): return HD("Veterans Day breakfast - staff veterans - RSVP", extra={"Thread-Topic": "Veterans Day breakfast"}, cat="staff-event")

# ---- Ryan White HIV case management
@tmpl("ryanwhite", "phi")
def rw_note(r):
    o = ORG["ryanwhite"]; p = pt(r, 20, 65)
    return Doc(o, "ryanwhite/case-mgmt", "", [
        P(f"Hey {r.choice(['Jordan', 'Deb', 'Ty', 'Amanda'])} -"),
        P(f"{p.nick} {p.family[0]}. came by for recert today. {r.choice(['Last VL 38,000, CD4 210 - fell off Biktarvy when he lost housing in Oct.', 'VL undetectable x2, CD4 640. Doing great.', 'Missed 3 appts. Picked up Dovato today though.'])} ADAP paperwork signed, proof of income still missing."),
        P(f"{r.choice(['Needs a bus pass for Thursday.', 'Wants a referral to the dentist (Part F).', 'Partner wants PrEP - I gave her the PrEP navigator number.'])} Can you add to the huddle list?")], subj=pick(r, "recert today", "client update", "for huddle"))
@tmpl("ryanwhite", "phi", "list")
def rw_list(r):
    o = ORG["ryanwhite"]; rows = []
    for _ in range(r.randint(7, 10)):
        p = pt(r, 19, 70); rows.append([p.lfc(), p.dob, mrn(r), r.choice(["undetectable", "<200", "1,450", "38,000", "not drawn"]), past(r, 30, 200), r.choice(["ADAP recert due", "lost to f/u", "housing", "dental referral", "ok"])])
    return Doc(o, "ryanwhite/retention-list", "Out-of-care / retention list", [P("Clients without a visit in 6+ months or VL not suppressed. Please divide for outreach calls."), T(["Client", "DOB", "MRN", "Last VL", "Last visit", "Need"], rows)], subj="retention outreach list")
@tmpl("ryanwhite", "clean")
def rw_event(r):
    o = ORG["ryanwhite"]
    return Doc(o, "ryanwhite/event", "World AIDS Day - thank you", [
        P("Thanks to everyone who staffed the World AIDS Day testing table. We ran 118 rapid tests; all results were given on site and linkage counts are reported in aggregate to ODH."),
        P("U=U posters are available in English and Spanish. Next consumer advisory board: Jan 16.")], subj="World AIDS Day thank you")
@htmpl("ryanwhite", "phi")
def h_rw(r): p = pt(r, 20, 60); return HD("ADAP", cc=[(f"{p.full()} - ADAP recert, VL 38k, off ART since Oct", "adap.coordinator@ovmeridian.org")], cat="cc-display")
@htmpl("ryanwhite", "clean")
def hc_rw(r): return HD("Consumer advisory board - pizza + bus passes provided - Jan 16", extra={"Keywords": "CAB; Ryan White; meeting"}, cat="meeting-medical-words")

# ---- eating disorders program
@tmpl("eatdis", "phi")
def ed_update(r):
    o = ORG["eatdis"]; p = pt(r, 14, 30, r.choice("FFFM"))
    return Doc(o, "eatdis/weekly-update", "", [
        P(f"Weekly PHP update for {p.shape(r)}:"),
        BUL(f"Wt {r.uniform(38, 52):.1f} kg (+{r.uniform(0.2, 1.2):.1f}), {r.randint(76, 88)}% mBMI", r.choice(["Orthostatic HR increase 38 - cardiology aware", "K 3.1 - suspect purging, supplementing", "Meal completion 90%"]),
            r.choice(["Family meal went well", "Body-checking behaviors increasing before weigh-ins", "Starting exposure work (fear foods) next week"])),
        P(f"Team recommends continuing PHP. {r.choice(['Insurance concurrent review Friday.', 'Psychiatry adjusting olanzapine.', 'Dad asked about school return - too early.'])}")], subj="weekly PHP update")
@tmpl("eatdis", "clean")
def ed_awareness(r):
    o = ORG["eatdis"]
    return Doc(o, "eatdis/awareness", "Eating Disorders Awareness Week - screening tools for primary care", [
        P("During EDAW (late February) our team will offer a 30-minute Teams session for primary care on the SCOFF questionnaire and when to refer to PHP vs IOP."),
        P("Anorexia nervosa (F50.01) has the highest mortality of any psychiatric illness; early weight restoration improves outcomes. No patient cases will be presented.")], subj="EDAW session for primary care")
@htmpl("eatdis", "phi")
def h_ed(r): p = pt(r, 14, 25, "F"); return HD("step-down", extra={"Thread-Topic": f"{p.given} {p.family} - AN-R - 79% mBMI - HR 38 overnight - PHP->inpatient?"}, cat="thread-topic")
@htmpl("eatdis", "clean")
def hc_ed(r): s = staff(r, "RD, CEDS"); return HD(f"{s.given} {s.family}, RD, CEDS - out Dec 26-Jan 2 - coverage", cat="staff-credential")

# ---- addiction treatment (42 CFR Part 2)
PART2 = ("42 CFR Part 2 notice: This record is protected by federal confidentiality rules (42 CFR part 2). The federal rules prohibit any further disclosure "
         "of this record unless further disclosure is expressly permitted by the written consent of the person to whom it pertains or as otherwise permitted by 42 CFR part 2.")
@tmpl("part2", "phi")
def part2_coord(r):
    o = ORG["part2"]; p = pt(r, 20, 55)
    return Doc(o, "part2/consented-disclosure", "Care coordination - disclosure with patient consent", [
        P(f"Per the signed consent on file (dated {fd(past(r, 5, 60), 'mdy')}), sharing the following with {r.choice(['Dr. ' + staff(r).family + ' (primary care)', 'the hospital discharge team', 'the OB clinic'])}:"),
        KV(("Patient", p.full()), ("DOB", dob(r, p)), ("Program", r.choice(["OTP - methadone", "office-based buprenorphine", "IOP"])), ("Diagnosis", icdx(r.choice(["oud", "aud", "stim"]))),
           ("Current dose", r.choice(["methadone 95 mg daily, take-homes x6", "Sublocade 300 mg monthly, last inj " + fd(past(r, 3, 25), "mdy"), "buprenorphine/naloxone 16/4 mg daily"])),
           ("UDS", r.choice(["last 3 negative except buprenorphine", "fentanyl positive 12/" + str(r.randint(1, 20)), "consistent"]))),
        P(PART2)], subj="care coordination (consent on file)")
@tmpl("part2", "phi")
def part2_chatty(r):
    o = ORG["part2"]; p = pt(r, 22, 50, "F")
    return Doc(o, "part2/chatty", "", [
        P(f"Hi - {p.given} {p.family[0]}. asked me to let you know she's {r.choice(['14', '20', '28'])} weeks and wants to stay on methadone through delivery. She's at 110 mg now and doing well, no use since August."),
        P(f"Consent form for your OB clinic is attached to her chart here; she'd like you to call her directly. Her cell is {p.phone}."), P(PART2)], subj="our mutual patient")
@tmpl("part2", "clean")
def part2_naloxone(r):
    o = ORG["part2"]
    return Doc(o, "part2/community-training", "Free naloxone training - open to the public", [
        P(f"Bridgeway will host a free 45-minute naloxone (Narcan) training on {fd(soon(r, 6, 20), 'long')} at the Kenton County library. Every attendee leaves with a kit."),
        P("Overdose deaths in Northern Kentucky fell 18% last year (county coroner data). No registration needed.")], subj="naloxone training")
@htmpl("part2", "phi")
def h_part2(r): p = pt(r, 22, 50); return HD(f"Part 2 consent rec'd - {p.lfc()} - methadone 95mg - dosing during admission", cat="subject")
@htmpl("part2", "clean")
def hc_part2(r): return HD("42 CFR Part 2 final rule - staff webinar on the 2024 changes - Feb 6", cat="training-medical-words")

# ---- bariatric surgery coordinator
@tmpl("bariatric", "phi")
def bari_checklist(r):
    o = ORG["bariatric"]; p = pt(r, 25, 60); bmi = r.uniform(40.2, 56.0)
    return Doc(o, "bariatric/insurance-checklist", "Bariatric surgery - insurance readiness checklist", [
        KV(("Patient", p.lf()), ("DOB", dob(r, p)), ("Insurance", r.choice(["Anthem PPO", "CareSource Medicaid", "Medical Mutual", "Humana Medicare"])), ("Member ID", mbr(r)),
           ("Procedure", r.choice(["laparoscopic sleeve gastrectomy (43775)", "Roux-en-Y gastric bypass (43644)"])), ("BMI", f"{bmi:.1f}"), ("Comorbidities", r.choice(["OSA on CPAP, HTN", "T2DM (A1c 8.9), GERD", "NAFLD, HLD"]))),
        T(["Requirement", "Status"], [["6-month supervised diet", f"{r.randint(3, 6)} of 6 visits"], ["Psych eval", r.choice(["cleared", "scheduled"])], ["Nutrition class", "complete"], ["EGD", r.choice(["done - small hiatal hernia", "scheduled"])], ["Nicotine test", "negative"]]),
        P("Once all items are complete, we submit to the payer (usually 2-3 weeks for a decision).")], subj="your bariatric checklist")
@tmpl("bariatric", "clean")
def bari_seminar(r):
    o = ORG["bariatric"]
    return Doc(o, "bariatric/seminar", "Free weight-loss surgery information seminar", [
        P(f"Learn about sleeve gastrectomy, gastric bypass and the new endoscopic options. In person on {fd(soon(r, 5, 15), 'long')} at 6 PM or online any time."),
        P("Our program is accredited by MBSAQIP. Many insurers require a BMI of 40, or 35 with a related health condition - bring your questions. Seminar attendance counts toward program requirements.")], subj="weight-loss surgery seminar")
@htmpl("bariatric", "phi")
def h_bari(r): p = pt(r, 25, 60, "F"); return HD("surgery date", to=(f"{p.full()} (sleeve 1/{r.randint(10, 30)} - BMI {r.uniform(41, 52):.1f}, A1c 8.2)", personal(r, p)), cat="to-display")
@htmpl("bariatric", "clean")
def hc_bari(r): return HD(f"Bariatric support group - new room (Five Mile Rd, 2nd fl) - Thursday 6 PM", cat="meeting-medical-words")

# ---- home infusion pharmacy
@tmpl("homeinf", "phi")
def hi_referral(r):
    o = ORG["homeinf"]; p = pt(r, 25, 85); abx = r.choice([("cefazolin 2 g IV q8h", "osteo"), ("daptomycin 8 mg/kg IV q24h", "endocard"), ("ertapenem 1 g IV q24h", "osteo"), ("TPN via PICC, 1.8 L/night", "malnut")])
    return Doc(o, "homeinf/start-of-care", "Home infusion - start of care confirmation", [
        KV(("Patient", p.full()), ("DOB", dob(r, p)), ("Address", p.addr()), ("Phone", p.phone), ("Therapy", abx[0]), ("Dx", icdx(abx[1])), ("Stop date", fd(soon(r, 10, 40), "mdy")),
           ("Access", r.choice(["R basilic PICC, 4 Fr DL, 42 cm", "L arm midline", "port"])), ("Labs", "CBC/BMP/CK weekly, fax to ID clinic")),
        P(f"First delivery {fd(soon(r, 0, 2), 'mon')} between 2 and 6 PM. Nursing (Interim HH) teaching visit the same evening.")], subj="SOC confirmation")
@tmpl("homeinf", "phi")
def hi_fhir(r):
    o = ORG["homeinf"]; p = pt(r, 30, 85)
    res = {"resourceType": "Patient", "id": mrn(r), "identifier": [{"type": {"text": "MRN"}, "value": mrn(r)}], "name": [{"family": p.family, "given": [p.given, p.mi]}],
           "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat(), "telecom": [{"system": "phone", "value": p.phone}],
           "address": [{"line": [p.street], "city": p.city, "state": p.state, "postalCode": p.zip}]}
    return Doc(o, "homeinf/fhir-patient", "", [P(f"Intake API returned 422 on this Patient for the new referral (vanco trough monitoring, OPAT). Pasting the payload so the vendor can see it:"), PRE(json.dumps(res, indent=2, ensure_ascii=False))], subj="intake API 422")
@tmpl("homeinf", "clean", "list")
def hi_recall(r):
    o = ORG["homeinf"]
    rows = [[r.choice(["CADD-Solis VIP pump", "Elastomeric pump 100 mL/h", "IV pole clamp", "Curos cap", "0.9% NaCl flush 10 mL"]), lot(r), fd(soon(r, 60, 400), "mdy"), r.randint(1, 60), r.choice(["quarantine", "return to vendor", "OK - not affected"])] for _ in range(r.randint(5, 8))]
    return Doc(o, "homeinf/recall-check", "Supply recall check - warehouse", [P("Lot check against FDA recall Z-0000-2027 notice. No patient deliveries affected."), T(["Item", "Lot", "Expiry", "On hand", "Action"], rows)], subj="recall lot check")
@htmpl("homeinf", "phi")
def h_hi(r): p = pt(r, 30, 80); return HD("delivery", extra={"X-Delivery-Route": f"R{r.randint(1, 9)} stop {r.randint(1, 14)}", "X-Patient": f"{p.full()} / {p.addr()} / dapto 700mg q24 - MRSA bacteremia"}, cat="x-header")
@htmpl("homeinf", "clean")
def hc_hi(r): return HD(f"Pharmacist job posting - home infusion - weekend on-call stipend", extra={"X-Requisition": f"REQ-{dg(r, 6)}"}, cat="job-posting")

# ---- palliative care
@tmpl("pall", "phi")
def pall_gocm(r):
    o = ORG["pall"]; p = pt(r, 60, 95)
    return Doc(o, "pall/goals-of-care", "", [
        P(f"Palliative update on {p.shape(r)} ({r.choice(['MICU 8', '7E-12', 'CCU 4'])}):"),
        P(r.choice([f"Family meeting today with daughters {r.choice(FEM)} and {r.choice(FEM)}. Reviewed that the metastatic {r.choice(['pancreatic', 'lung', 'colon'])} cancer has progressed despite 2nd line chemo. They chose DNR/DNI and comfort-focused care. Hospice inpatient unit referral sent.",
                    f"Pain better on hydromorphone PCA 0.3 mg q10 min, no basal. Still dyspneic - added morphine neb. Wife is his HCPOA, wants trial of BiPAP for 48h then reassess.",
                    f"He said 'I don't want any more machines.' Code status changed to DNR. Chaplain visited. Son flying in from Phoenix tomorrow."])),
        P("Will follow daily. Pager 3-PALL.")], subj=pick(r, "palliative f/u", "GOC meeting today", "family meeting summary"))
@tmpl("pall", "clean")
def pall_cafe(r):
    o = ORG["pall"]
    return Doc(o, "pall/death-cafe", "Staff Death Cafe and Schwartz Rounds - January", [
        P("Our monthly Schwartz Rounds topic is 'The patient I still think about.' Cases are shared without names or identifying details. Lunch provided."),
        P(f"Death Cafe for staff: {fd(soon(r, 8, 20), 'long')}, 4 PM, chapel annex. Informal conversation about mortality, no agenda.")], subj="Schwartz Rounds + Death Cafe")
@htmpl("pall", "phi")
def h_pall(r): p = pt(r, 65, 95); return HD(f"FM today 3pm - {p.ttl()} - met panc ca, family considering hospice, DNR signed", cat="subject")
@htmpl("pall", "clean")
def hc_pall(r): s = staff(r, "MDiv, BCC"); return HD(f"Chaplain {s.given} {s.family}, MDiv, BCC - Blue Christmas service - chapel 12/21", cat="staff-credential")

# ---- LTACH admissions
@tmpl("ltach", "phi")
def ltach_accept(r):
    o = ORG["ltach"]; p = pt(r, 45, 85)
    return Doc(o, "ltach/acceptance", "LTACH acceptance / bed offer", [
        KV(("Patient", p.caps()), ("DOB", dob(r, p)), ("Referring facility", "Meridian University Hospital, MICU"), ("Medicare MBI", mbi(r)), ("Admitting dx", icdx(r.choice(["resp_fail", "vent", "pi4", "sepsis"]))),
           ("Clinical", r.choice(["trach/vent day 21, failed SBT x3, PS 12/PEEP 8, FiO2 40%", "stage 4 sacral + osteo, IV ertapenem, NPWT", "s/p ex-lap, open abdomen closed, TPN"])),
           ("Bed", f"{r.randint(2, 4)}{r.randint(10, 40)} available {fd(soon(r, 0, 2), 'mon')}")),
        P("CMS LTACH criteria met (3+ ICU days). Please send the transport time once set.")], subj="acceptance - bed offer")
@tmpl("ltach", "clean")
def ltach_tour(r):
    o = ORG["ltach"]
    return Doc(o, "ltach/liaison-intro", "Meet your Riverbend clinical liaison", [
        P("Riverbend Specialty Hospital is a 48-bed LTACH focused on prolonged mechanical ventilation weaning, complex wounds and medically complex patients."),
        P(f"Our weaning rate last year was 62% (national benchmark ~50%). Tours available Tue/Thu. Average length of stay: {r.randint(24, 31)} days. Referrals: admissions@riverbendltach.com.")], subj="Riverbend liaison intro")
@htmpl("ltach", "phi")
def h_ltach(r): p = pt(r, 50, 85); return HD("bed offer", extra={"Thread-Topic": f"Riverbend bed offer - {p.caps()} - MBI {mbi(r, True)} - trach/vent wean"}, cat="thread-topic")
@htmpl("ltach", "clean")
def hc_ltach(r): return HD("RT staffing agency invoice - November - Riverbend", extra={"X-Invoice": inv(r)}, cat="invoice")

# ---- medical examiner
@tmpl("me", "phi")
def me_records(r):
    o = ORG["me"]; p = pt(r, 18, 85); cn = f"ME-{TODAY.year}-{dg(r, 4)}"
    return Doc(o, "me/records-request", "Request for medical records - death investigation", [
        KV(("ME case", cn), ("Decedent", p.lf()), ("DOB", dob(r, p)), ("Date of death", fd(past(r, 1, 6), "mdy")), ("SSN", ssn(r, "dash"))),
        P(f"Pursuant to ORC 313, our office requests all records for the decedent's {r.choice(['ED visit', 'admission', 'outpatient visits'])} at your facility within the last 12 months, including {r.choice(['toxicology and admission labs', 'imaging and the CT head report', 'medication administration records'])}."),
        P(r.choice(["Preliminary: suspected mixed drug toxicity (fentanyl/xylazine).", "Preliminary: blunt force injuries, MVC.", "Decedent was found at home; history of seizure disorder on levetiracetam."])),
        P("Fax to the number above or upload via the secure link. Thank you.")], subj=f"records request {cn}")
@tmpl("me", "clean")
def me_report(r):
    o = ORG["me"]
    return Doc(o, "me/annual-stats", "Annual report highlights (aggregate)", [
        T(["Manner", "Cases", "% change"], [["Natural", r.randint(900, 1300), f"{r.uniform(-5, 5):+.1f}"], ["Accident", r.randint(500, 800), f"{r.uniform(-15, 5):+.1f}"], ["Suicide", r.randint(100, 160), f"{r.uniform(-8, 8):+.1f}"], ["Homicide", r.randint(60, 120), f"{r.uniform(-10, 10):+.1f}"]]),
        P("Drug overdose deaths declined for the second year. Fentanyl was present in 78% of overdose cases; xylazine in 21%. No individual case information is released in this report.")], subj="annual report highlights")
@htmpl("me", "phi")
def h_me(r): p = pt(r, 20, 80); return HD(f"ME-{TODAY.year}-{dg(r, 4)} {p.caps()} DOB {dob(r, p, 'mdy')} - records request, suspected overdose", cat="subject")
@htmpl("me", "clean")
def hc_me(r): return HD("Forensic pathology fellowship - applications open for 2028", extra={"X-Requisition": f"FP-{dg(r, 4)}"}, cat="job-posting")

# ---- organ procurement organisation
@tmpl("opo", "phi")
def opo_referral(r):
    o = ORG["opo"]; p = pt(r, 18, 70)
    return Doc(o, "opo/referral-followup", "", [
        P(f"Thanks for the referral this morning (LifeBridge ref #{dg(r, 7)})."),
        P(f"{p.full()}, {p.age}{p.sex}, {r.choice(['anoxic brain injury after cardiac arrest', 'GSW to head', 'massive ICH'])}. {r.choice(['GCS 3, off sedation 24h, no corneal or cough.', 'Family aware of poor prognosis, not yet approached.', 'Registered donor on the Ohio BMV registry.'])} Blood type {r.choice(['O', 'A', 'B'])}, Cr {r.uniform(0.7, 1.8):.1f}, HIV/HCV NAT pending."),
        P("Please don't approach family about donation - our coordinator will do a huddle with the team at 1400.")], subj=pick(r, "referral follow-up", "LifeBridge - your referral", "donor referral update"))
@tmpl("opo", "clean")
def opo_stats(r):
    o = ORG["opo"]
    return Doc(o, "opo/hospital-report", "Hospital donation report - Meridian University Hospital (aggregate)", [
        T(["Metric", "This year", "Last year"], [["Timely referral rate", f"{r.randint(88, 98)}%", f"{r.randint(80, 95)}%"], ["Authorization rate", f"{r.randint(55, 75)}%", f"{r.randint(50, 70)}%"], ["Organs transplanted", r.randint(40, 90), r.randint(40, 90)]]),
        P("Thank you for honoring donors and their families. The Donate Life flag-raising ceremony is in April.")], subj="donation report")
@htmpl("opo", "phi")
def h_opo(r): p = pt(r, 18, 65); return HD("referral", extra={"X-Referral": f"LB{dg(r, 7)}", "Comments": f"{p.given} {p.family}, {p.age}{p.sex}, anoxic BI after arrest - DCD eval - family not yet approached"}, cat="comments")
@htmpl("opo", "clean")
def hc_opo(r): return HD("Donate Life flag raising - April 1 - Meridian main entrance", extra={"Keywords": "Donate Life; ceremony"}, cat="event-medical-words")

# ---- cardiac rehab
@tmpl("cardrehab", "phi")
def cr_progress(r):
    o = ORG["cardrehab"]; p = pt(r, 45, 85)
    return Doc(o, "cardrehab/progress-report", "Cardiac rehabilitation - 30-day progress report", [
        KV(("Patient", p.fml()), ("DOB", dob(r, p)), ("Referral dx", r.choice(["NSTEMI s/p PCI to LAD", "CABG x3", "HFrEF EF 30%", "TAVR"])), ("Sessions completed", f"{r.randint(10, 24)} of 36")),
        T(["Measure", "Entry", "Current"], [["6MWT (m)", r.randint(220, 340), r.randint(340, 480)], ["METs", f"{r.uniform(2.5, 4):.1f}", f"{r.uniform(4, 7):.1f}"], ["Resting BP", f"{r.randint(130, 160)}/{r.randint(80, 95)}", f"{r.randint(112, 132)}/{r.randint(68, 82)}"], ["PHQ-9", r.randint(8, 16), r.randint(2, 9)]]),
        P("No exercise-induced arrhythmias. Continue per ITP. Signed by the supervising physician.")], subj="cardiac rehab progress")
@tmpl("cardrehab", "clean")
def cr_heartmonth(r):
    o = ORG["cardrehab"]
    return Doc(o, "cardrehab/heart-month", "Go Red Friday + Heart Month step challenge", [
        P("Wear red on Feb 6. Staff step challenge starts Feb 1 - teams of 5, top team wins a catered lunch. Your Meridian Well gym member # (on the back of your badge) links your tracker."),
        P("Cardiac rehab graduates will share their stories at the Feb 12 luncheon (with their permission).")], subj="Heart Month")
@htmpl("cardrehab", "phi")
def h_cr(r): p = pt(r, 50, 80, "M"); return HD(f"{p.nick} {p.family} - chest tightness on treadmill at 4 METs, ST dep - sent to ED", cat="subject")
@htmpl("cardrehab", "clean")
def hc_cr(r): return HD("Treadmill #3 (Woodway 4Front) - service call - out until Monday", extra={"X-Ticket": f"BIOMED-{dg(r, 6)}"}, cat="vendor-product")

# ---- SANE program
@tmpl("sane", "phi")
def sane_followup(r):
    o = ORG["sane"]; p = pt(r, 16, 45, "F")
    return Doc(o, "sane/followup", "", [
        P(f"Follow-up for the forensic exam on {fd(past(r, 1, 7), 'mon')}: {p.given} {p.family} (ED CSN {csn(r)})."),
        P(f"Kit #{r.choice(['SAK', 'OH'])}{dg(r, 6)} released to {r.choice(['CPD', 'Hamilton County Sheriff'])} with patient's consent. HIV nPEP started (Biktarvy x28 days), emergency contraception given, ceftriaxone/doxy given. Baseline HIV/RPR/hep B drawn."),
        P("Please schedule the 2-week ID follow-up and 6-week HIV test. Victim advocate (Women Helping Women) is in contact. Do NOT send reminders to her home address - use her cell only.")], subj="SANE follow-up needs")
@tmpl("sane", "clean")
def sane_training(r):
    o = ORG["sane"]
    return Doc(o, "sane/training", "Adult/Adolescent SANE course - spring cohort", [
        P("40-hour didactic course (IAFN-aligned) followed by clinical preceptorship. Open to RNs with 2+ years experience. Application form rev. 09/2026; please include your RN license number (not your date of birth)."),
        P(f"Last year our program performed {r.randint(250, 400)} exams; 24/7 coverage requires 6 more nurses.")], subj="SANE course spring cohort")
@htmpl("sane", "phi")
def h_sane(r): p = pt(r, 16, 40, "F"); return HD("SANE case", extra={"X-Case": f"FN-{dg(r, 5)}", "Keywords": f"SANE; {p.family}, {p.given}; nPEP started; kit released"}, cat="keywords")
@htmpl("sane", "clean")
def hc_sane(r): return HD("SANE on-call calendar - January (2 open shifts)", cat="schedule")

# ---- neuropsychology testing lab
@tmpl("neuropsych", "phi")
def np_report(r):
    o = ORG["neuropsych"]; p = pt(r, 55, 85)
    return Doc(o, "neuropsych/eval-summary", "Neuropsychological evaluation - summary of findings", [
        KV(("Examinee", p.full()), ("DOB", dob(r, p)), ("Education", f"{r.randint(8, 20)} years"), ("Referral question", r.choice(["memory decline, r/o neurodegenerative process", "capacity for independent living", "cognitive sequelae of TBI"]))),
        T(["Domain", "Test", "Score", "Interpretation"], [["Memory", "RBANS Delayed Memory", f"SS {r.randint(62, 84)}", "impaired"], ["Attention", "Trails A", f"T {r.randint(32, 45)}", "low average"],
                                                         ["Executive", "Trails B", f"T {r.randint(25, 40)}", "impaired"], ["Language", "BNT-2", f"{r.randint(42, 55)}/60", "low average"], ["Mood", "GDS-15", str(r.randint(3, 11)), "mild"]]),
        P(f"Impression: profile most consistent with {r.choice(['mild cognitive impairment, amnestic multi-domain (G31.84)', 'mild neurocognitive disorder due to probable Alzheimer disease', 'TBI sequelae with superimposed depression'])}. Recommend he/she not manage finances independently; repeat testing in 12 months.")], subj="neuropsych evaluation results")
@tmpl("neuropsych", "clean", "list")
def np_inventory(r):
    o = ORG["neuropsych"]
    rows = [[t, r.choice(["Pearson", "PAR", "WPS"]), r.randint(0, 40), r.choice(["reorder", "ok", "ok", "digital only Q2"]), fd(soon(r, 10, 60), "mdy")] for t in ["WAIS-5 record forms", "RBANS Form A protocols", "CVLT-3 record forms", "BDI-II forms", "Trail Making Test packs", "ACS-TOPF forms"]]
    return Doc(o, "neuropsych/test-inventory", "Test form inventory - psychometrist office", [T(["Item", "Publisher", "On hand", "Status", "Next order"], rows), P("Qualification level C forms must stay locked. No examinee data on this sheet.")], subj="test form inventory")
@htmpl("neuropsych", "phi")
def h_np(r): p = pt(r, 60, 85); return HD(f"Testing results - {p.fml()} - amnestic MCI, recommend no driving pending OT eval", cat="subject")
@htmpl("neuropsych", "clean")
def hc_np(r): s = staff(r, "PhD, ABPP-CN"); return HD(f"Postdoc interviews - {s.given} {s.family}, PhD, ABPP-CN panel - Jan 22", cat="staff-credential")

# ---- epilepsy monitoring unit
@tmpl("emu", "phi")
def emu_summary(r):
    o = ORG["emu"]; p = pt(r, 18, 60)
    return Doc(o, "emu/vEEG-summary", "", [
        P(f"EMU day {r.randint(2, 5)} - {p.shape(r)} (bed {r.randint(1, 8)})"),
        P(r.choice([f"2 typical events captured overnight (0214, 0451) - L temporal onset, rhythmic theta evolving, post-ictal aphasia. Consistent with L MTLE. Restarting home Keppra 1500 BID + lacosamide 200 BID.",
                    f"3 typical events, no EEG correlate, eyes closed, side-to-side head movements, 4-7 min. Consistent with PNES (F44.5). Team to discuss dx with pt and mom this afternoon; psych referral.",
                    f"No events yet. Sleep deprived last night, AEDs tapered to 50%. Plan photic + HV again today."])),
        P("Tech notes in NeuroWorks.")], subj=pick(r, "EMU update", "events overnight", "vEEG summary"))
@tmpl("emu", "clean", "list")
def emu_tech(r):
    o = ORG["emu"]
    rows = [[fd(soon(r, i, i), "mon"), staff(r, "R. EEG T.").full(), r.choice(["day", "night", "night", "day"]), r.choice(["EMU", "LTM ICU", "routine EEG", "OR IONM"])] for i in range(1, r.randint(7, 10))]
    return Doc(o, "emu/tech-schedule", "EEG tech schedule - holidays", [T(["Date", "Tech", "Shift", "Assignment"], rows), P("Swaps need manager approval.")], subj="EEG tech holiday schedule")
@htmpl("emu", "phi")
def h_emu(r): p = pt(r, 18, 50); return HD("EMU bed request", cc=[(f"{p.lfc()} ({dob(r, p, 'mdy')}) - intractable L MTLE - Phase 1 eval", "emu.scheduling@ovmeridian.org")], cat="cc-display")
@htmpl("emu", "clean")
def hc_emu(r): return HD(f"Natus NeuroWorks upgrade to 10.x - downtime {fd(soon(r, 3, 9), 'short')} 0200-0400", extra={"X-Ticket": f"INC{dg(r, 7)}"}, cat="it-ticket")

# ---- financial counseling
@tmpl("fincoun", "phi")
def fc_letter(r):
    o = ORG["fincoun"]; p = pt(r, 25, 75)
    return Doc(o, "fincoun/fap-determination", "Financial Assistance Determination", [
        P(f"{fd(TODAY, 'long')}\n\n{p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"),
        KV(("Guarantor account", acct(r)), ("Visit", r.choice(["Inpatient admission - appendectomy", "ED visit - kidney stone", "Outpatient chemotherapy (cycles 1-4)", "Labor and delivery"])), ("Dates of service", fd(past(r, 30, 120), "mdy")), ("Balance before assistance", f"${r.uniform(2000, 48000):,.2f}")),
        P(f"Your household income of ${r.randint(18000, 52000):,} for a household of {r.randint(1, 6)} is at or below 200% of the Federal Poverty Guidelines. You qualify for a {r.choice(['100%', '75%', '50%'])} discount under our Financial Assistance Policy."),
        P("Questions? Call a financial counselor at " + o.phone + ".")], subj="Your financial assistance application")
@tmpl("fincoun", "phi", "list")
def fc_list(r):
    o = ORG["fincoun"]; rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 20, 80); rows.append([p.lf(), acct(r), p.dob, r.choice(["uninsured", "Medicaid pending", "self-pay after MA", "Marketplace bronze"]), r.choice(["ED - chest pain", "IP - DKA", "OB delivery", "chemo infusion", "ED - overdose"]), f"${r.uniform(800, 60000):,.2f}", r.choice(["FAP app sent", "Medicaid screen", "presumptive eligible", "payment plan"])])
    return Doc(o, "fincoun/worklist", "Self-pay screening worklist", [T(["Patient", "Account", "DOB", "Coverage", "Service", "Balance", "Next step"], rows)], subj="self-pay worklist")
@tmpl("fincoun", "clean")
def fc_policy(r):
    o = ORG["fincoun"]
    return Doc(o, "fincoun/policy-notice", "Financial Assistance Policy - 2027 FPL update", [
        P("Effective February 1, the income thresholds in our Financial Assistance Policy update to the 2027 Federal Poverty Guidelines. Plain-language summaries in English, Spanish, Nepali and Arabic are available at every registration desk."),
        T(["Household size", "100% discount up to", "Sliding scale up to"], [[1, "$31,300", "$62,600"], [2, "$42,300", "$84,600"], [3, "$53,300", "$106,600"], [4, "$64,300", "$128,600"]]),
        P("The application form (rev. 01/2027) asks for a date of birth for each household member; forms with an older revision date are still accepted through March.")], subj="FAP 2027 update")
@htmpl("fincoun", "phi")
def h_fc(r): p = pt(r, 25, 70); return HD(f"FAP app - {p.lfc()} - acct {acct(r)} - chemo balance $38k - Medicaid pending", cat="subject")
@htmpl("fincoun", "clean")
def hc_fc(r): c = staff(r); return HD(f"Policy AUT-{dg(r, 7)} renewal - 2022 Honda CR-V - {c.family}, {c.given}", to=(c.lfc(), personal(r, c)), cat="car-insurance")

# ---- ethics consultation
@tmpl("ethics", "phi")
def ethics_consult(r):
    o = ORG["ethics"]; p = pt(r, 40, 90)
    return Doc(o, "ethics/consult-summary", "Ethics consultation - summary", [
        P(f"Consult requested by MICU for {p.lf()} ({p.age}{p.sex}), {r.choice(['anoxic brain injury after cardiac arrest, day 9', 'end-stage COPD, ventilator-dependent, no advance directive', 'ESRD declining dialysis with fluctuating capacity'])}."),
        P(r.choice([f"Question: surrogate disagreement. Spouse wants comfort care; adult son requests full treatment. No HCPOA document. Per Ohio law, spouse is the statutory surrogate.",
                    f"Question: patient capacity to refuse dialysis. Psychiatry found capacity present on 12/{r.randint(10, 22)}; patient consistent across 3 conversations.",
                    f"Question: whether to honor the out-of-state POLST in the chart."])),
        P("Recommendations: time-limited trial with re-evaluation in 72 hours; palliative care following; chaplaincy. Consultant available for a family meeting.")], subj="ethics consult summary")
@tmpl("ethics", "clean")
def ethics_case(r):
    o = ORG["ethics"]
    return Doc(o, "ethics/case-conference", "Ethics committee case conference (de-identified)", [
        P("Case for discussion (details altered and de-identified): a 70-year-old with advanced dementia whose family requests a feeding tube after repeated aspiration pneumonia. No names, dates or record numbers are used."),
        BUL("What does the evidence say about PEG tubes in advanced dementia?", "How should we weigh substituted judgment vs best interest?", "What is the role of a time-limited trial?"),
        P(f"Committee meets {fd(soon(r, 5, 20), 'long')} at noon. Staff birthday cake for our chair after the meeting!")], subj="ethics case conference")
@htmpl("ethics", "phi")
def h_ethics(r): p = pt(r, 50, 90); return HD("consult", extra={"Thread-Topic": f"Ethics consult - {p.ttl()} ({p.age}{p.sex}) MICU - surrogate conflict, son wants full code"}, cat="thread-topic")
@htmpl("ethics", "clean")
def hc_ethics(r): return HD("Ethics committee - de-identified case conference: PEG in advanced dementia", extra={"Thread-Topic": "Ethics case conference (de-identified)"}, cat="deidentified-case")

# ---- hard clean messages in the voices of the same senders
@tmpl("vacc", "clean")
def vacc_mbi_training(r):
    o = ORG["vacc"]
    return Doc(o, "vacc/mbi-training", "Registration huddle: reading the Medicare card", [
        P("Veterans who are also on Medicare present two cards. The Medicare Beneficiary Identifier has 11 characters in the pattern 1AA1-AA1-AA11 (numbers and letters, never S, L, O, I, B or Z)."),
        P("CMS's published specimen card shows 1EG4-TE5-MK73 - use it for practice in the training environment only. Never key the specimen number into a live registration."),
        P("Quiz at the end of the huddle; winners get a coffee card.")], subj="registration huddle - Medicare card")
@tmpl("ur", "clean")
def ur_companion(r):
    o = ORG["ur"]
    x = "~\n".join(["ST*271*0001*005010X279A1", "BHT*0022*11*10001234*20260101*0800", "HL*1**20*1", "NM1*PR*2*ABC HEALTH PLAN*****PI*99999", "HL*2*1*21*1",
                    "NM1*1P*2*TEST PROVIDER*****XX*1234567893", "HL*3*2*22*0", "NM1*IL*1*DOE*JANE****MI*000000000", "DMG*D8*19000101*F", "EB*1*IND*30**GOLD PLAN", "SE*11*0001"]) + "~"
    return Doc(o, "ur/companion-guide", "271 companion guide excerpt - test data only", [
        P("From the payer's published companion guide, page 14. All names, IDs and dates are the guide's placeholder test values (NPI 1234567893 is the CMS example check-digit NPI)."), PRE(x),
        P("Use this when testing the new eligibility interface in the TST environment.")], subj="271 companion guide sample")
@tmpl("cmdc", "clean")
def cm_party(r):
    o = ORG["cmdc"]; s = staff(r, "RN, CCM")
    return Doc(o, "cmdc/birthday", "", [
        P(f"Team - {s.given}'s birthday is Friday ({fd(D(TODAY.year + 1, 1, r.randint(2, 9)), 'long')})! Cake in the 4th floor CM office at 2 PM."),
        P(f"Sign the card at the front desk. {s.given} asked for no gifts, but we're collecting for the Freestore Foodbank in her name.")], subj="birthday cake Friday")
@tmpl("rad", "clean")
def rad_it(r):
    o = ORG["rad"]
    return Doc(o, "rad/it-ticket", f"Incident INC{dg(r, 7)} - PACS viewer slowness", [
        KV(("Ticket", f"INC{dg(r, 7)}"), ("Priority", "P2"), ("Affected", "Visage 7 thin client, reading rooms A-D"), ("Opened", fd(past(r, 0, 2), "mdy") + " 0612"), ("Assigned", "Imaging Informatics")),
        P("Symptom: studies over 2,000 images take >30 s to load. Workaround: use the thick client on RR-B3 and RR-B4. Vendor case open. Update in 2 hours.")], subj="PACS slowness - incident")
@tmpl("ipc", "clean", "list")
def ipc_fit(r):
    o = ORG["ipc"]
    rows = [[staff(r).lfc(), r.choice(["RN", "RT", "MD", "PCA", "EVS"]), r.choice(["5N", "MICU", "ED", "6W"]), r.choice(["3M 1870+", "Halyard N95 M", "3M 8210 S"]), past(r, 300, 380), r.choice(["due", "overdue", "scheduled"])] for _ in range(r.randint(7, 11))]
    return Doc(o, "ipc/fit-test-roster", "N95 fit-test roster - due/overdue (staff)", [T(["Employee", "Role", "Unit", "Model", "Last fit test", "Status"], rows), P("Employee Health walk-in fit testing Tue/Thu 7-9 AM.")], subj="N95 fit test roster")
@tmpl("cardrehab", "clean", "list")
def cr_gym(r):
    o = ORG["cardrehab"]
    rows = [[staff(r).full(), f"MW-{dg(r, 6)}", r.choice(["Five Mile", "Burnet", "Blue Ash"]), D(2026, r.randint(1, 12), r.randint(1, 28)), r.choice(["active", "active", "frozen", "cancelled"])] for _ in range(r.randint(7, 10))]
    return Doc(o, "cardrehab/staff-gym", "Meridian Well staff fitness center - membership export", [T(["Member", "Member #", "Location", "Joined", "Status"], rows), P("Staff wellness memberships only (payroll deduction). Not a patient list.")], subj="fitness center membership export")
@tmpl("ltach", "clean", "list")
def ltach_jobs(r):
    o = ORG["ltach"]
    rows = [[t, r.choice(["FT", "PT", "PRN"]), r.choice(["days", "nights", "rotating"]), f"REQ-{dg(r, 6)}", soon(r, 5, 40)] for t in ["RN - vent unit", "Respiratory therapist", "Wound care RN", "Clinical liaison", "Unit secretary", "Physical therapist"]]
    return Doc(o, "ltach/job-postings", "Open positions - Riverbend", [T(["Position", "Status", "Shift", "Requisition", "Posting closes"], rows), P("Sign-on bonus for RTs. Apply at riverbendltach.com/careers.")], subj="open positions")
@tmpl("sane", "clean", "list")
def sane_roster(r):
    o = ORG["sane"]
    rows = [[staff(r, "RN").lfc(), r.choice(["SANE-A", "SANE-P", "SANE-A, SANE-P", "in training"]), soon(r, 30, 700), r.choice(["ED Burnet", "ED West Chester", "Children's"])] for _ in range(r.randint(6, 9))]
    return Doc(o, "sane/cert-roster", "Forensic nurse certification roster", [T(["Nurse", "Certification", "Cert expires", "Home ED"], rows), P("Staff certifications only.")], subj="forensic nurse roster")
@tmpl("p340b", "clean")
def p340b_vendor(r):
    o = ORG["p340b"]
    return Doc(o, "p340b/vendor-rebate", "", [
        P(f"Hi, confirming the Q4 rebate credit memo CM-{dg(r, 6)} for ${r.uniform(4000, 30000):,.2f} posted to account 340B-{dg(r, 6)}. Your rep loyalty rewards number (RX{dg(r, 8)}) has been updated as well."),
        P("Next quarterly business review: January 28, 10 AM. Happy holidays from the McKesson team.")], subj="Q4 rebate credit memo")

# ================================================================== renderers (adapted from ../corpus-dev/generate.py plumbing)
def cstr(v, dst="mdy"):
    if isinstance(v, dtm.date): return fd(v, dst)
    return str(v)
def kv_text(items, sty):
    items = [(k, v) for k, v in items if v not in ("", None)]
    w = max(len(k) for k, v in items) + 2
    if sty == "runon": return "; ".join(f"{k} {v}" for k, v in items)
    out = []
    for k, v in items:
        if sty == "colon": out.append(f"{k}: {v}")
        elif sty == "aligned": out.append(f"{(k + ':').ljust(w)} {v}")
        elif sty == "next": out.append(f"{k}:\n    {v}")
        elif sty == "caps": out.append(f"{k.upper()}: {v}")
        elif sty == "nocolon": out.append(f"{k}  {v}")
        elif sty == "dash": out.append(f"{k} -- {v}")
    return "\n".join(out)
def table_text(hdr, rows, sty, dst):
    rows = [[cstr(c, dst) for c in row] for row in rows]
    if sty == "pipe": return "\n".join(" | ".join(x) for x in [hdr] + rows)
    if sty == "tab": return "\n".join("\t".join(x) for x in [hdr] + rows)
    if sty == "records": return "\n\n".join("\n".join(f"{h}: {c}" for h, c in zip(hdr, row) if c) for row in rows)
    ws = [max(len(str(x[i])) for x in [hdr] + rows) for i in range(len(hdr))]
    line = lambda x: "  ".join(str(c).ljust(ws[i]) for i, c in enumerate(x)).rstrip()
    return "\n".join([line(hdr), "  ".join("-" * w for w in ws)] + [line(x) for x in rows])
def render_text(r, doc, title=True, wrap=None):
    kvs = r.choice(["colon", "colon", "aligned", "next", "caps", "nocolon", "dash", "runon"])
    tsty = r.choice(["cols", "cols", "pipe", "tab", "records"]); dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "mdy", "m/d/yy", "iso", "dmon", "long"])
    out = [doc.title] if (title and doc.title) else []
    for b in doc.blocks:
        if b[0] == "p":
            t = b[1]
            if wrap: t = "\n".join(textwrap.fill(x, wrap) if x else "" for x in t.split("\n"))
            out.append(t)
        elif b[0] == "h": out.append(b[1].upper() if r.random() < 0.4 else b[1])
        elif b[0] == "kv": out.append(kv_text(b[1], kvs))
        elif b[0] == "table": out.append(table_text(b[1], b[2], tsty, dst))
        elif b[0] == "pre": out.append(b[1])
        elif b[0] == "bul":
            mk = r.choice(["-", "*", "•", "o"]); out.append("\n".join(f"{mk} {x}" for x in b[1]))
    return "\n\n".join(x for x in out if x)
def render_html(r, doc, logo_cid=None, standalone=False):
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "long"])
    font = r.choice(["Calibri,Arial,sans-serif", "Cambria,Georgia,serif", "Tahoma,Verdana,sans-serif", "Aptos,Segoe UI,sans-serif", "Arial,Helvetica,sans-serif"])
    o = doc.o; h = []
    if logo_cid: h.append(f'<p><img src="cid:{logo_cid}" alt="{esc(o.short)}" width="160" height="48"></p>')
    elif standalone: h.append(f'<p style="font-size:15pt;color:{o.color}"><b>{esc(o.name)}</b><br><span style="font-size:9pt;color:#555">{esc(o.addr)} &middot; {esc(o.phone)}</span></p><hr>')
    if doc.title: h.append(f'<h3 style="color:{o.color}">{esc(doc.title)}</h3>')
    kvmode = r.choice(["table", "bold", "plain", "dl"])
    for b in doc.blocks:
        if b[0] == "p": h.append("<p>" + esc(b[1]).replace("\n", "<br>\n") + "</p>")
        elif b[0] == "h": h.append(f"<h4>{esc(b[1])}</h4>")
        elif b[0] == "kv":
            items = [(k, v) for k, v in b[1] if v]
            if kvmode == "table": h.append('<table cellpadding="3" style="border-collapse:collapse">' + "".join(f'<tr><td style="color:#555">{esc(k)}</td><td><b>{esc(str(v))}</b></td></tr>' for k, v in items) + "</table>")
            elif kvmode == "bold": h.append("<p>" + "<br>\n".join(f"<b>{esc(k)}:</b> {esc(str(v))}" for k, v in items) + "</p>")
            elif kvmode == "dl": h.append("<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(str(v))}</dd>" for k, v in items) + "</dl>")
            else: h.append("<p>" + "<br>\n".join(f"{esc(k)} {esc(str(v))}" for k, v in items) + "</p>")
        elif b[0] == "table":
            h.append('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:9pt">')
            h.append("<tr>" + "".join(f'<th style="background:{o.color};color:#fff">{esc(x)}</th>' for x in b[1]) + "</tr>")
            for row in b[2]: h.append("<tr>" + "".join(f"<td>{esc(cstr(c, dst))}</td>" for c in row) + "</tr>")
            h.append("</table>")
        elif b[0] == "pre": h.append(f'<pre style="font-size:8pt">{esc(b[1])}</pre>')
        elif b[0] == "bul": h.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
    body = "\n".join(h)
    if standalone:
        return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{esc(doc.title or o.short)}</title></head><body style="font-family:{font};font-size:10pt">\n{body}\n</body></html>\n'
    return body, font

_LOGO = {}
def logo_png(o, w=320, h=96):
    if o.key in _LOGO: return _LOGO[o.key]
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (w, h), "white"); d = ImageDraw.Draw(img)
    col = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    d.polygon([(8, h - 10), (h // 2, 8), (h - 8, h - 10)], fill=col); d.rectangle([h // 2 - 6, h // 2, h // 2 + 6, h - 10], fill="white")
    d.text((h + 6, h // 2 - 14), lat1(o.short), fill=col); d.text((h + 6, h // 2 + 4), o.dom, fill=(90, 90, 90))
    b = io.BytesIO(); img.save(b, "PNG", optimize=False); _LOGO[o.key] = b.getvalue(); return _LOGO[o.key]

def norm_pdf(data, key):
    """normalise creation/modification stamps, XMP uuids and trailer /ID (same-length replacements keep xref offsets valid)"""
    hx = hashlib.sha256(("pdf:" + key).encode()).hexdigest().encode() * 4
    data = re.sub(rb"D:\d{14}", b"D:20261223101500", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", b"2026-12-23T10:15:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", lambda m: b"uuid:" + hx[:8] + b"-" + hx[8:12] + b"-" + hx[12:16] + b"-" + hx[16:20] + b"-" + hx[20:32], data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + hx[32:64].upper(), data)
    def idrep(m):
        a, b = m.group(1), m.group(2)
        return m.group(0).replace(a, hx[:len(a)].upper(), 1).replace(b, hx[len(a):len(a) + len(b)].upper(), 1) if a != b else m.group(0).replace(a, hx[:len(a)].upper())
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", idrep, data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", b"/ID [<" + hx[:32].upper() + b"><" + hx[:32].upper() + b">]", data[t:])
    return data
def pdf_info_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
        txt = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info); return (int(m.group(1)) if m else 0), txt, info

def fp_pdf(r, doc, ttf, key):
    from fpdf import FPDF, __version__ as fpdf_version
    for cut in (None, 10, 7):
        d = doc if cut is None else doc.cut(cut)
        pdf = FPDF(format="Letter"); pdf.set_creation_date(STAMP); pdf.set_producer(f"PyFPDF/fpdf{fpdf_version}"); pdf.set_auto_page_break(True, 15); pdf.set_margins(18, 16, 18)
        if ttf:
            fam = r.choice(["DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed"])
            pdf.add_font("B1", "", DV + fam + ".ttf"); pdf.add_font("B1", "B", DV + fam + "-Bold.ttf"); pdf.add_font("M1", "", DV + "DejaVuSansMono.ttf")
            F, M, t = "B1", "M1", (lambda s: str(s).replace("\u2011", "-"))
        else:
            F, M, t = r.choice(["Helvetica", "Times"]), "Courier", (lambda s: lat1(str(s)))
        pdf.set_title(t(d.title or d.o.short)); pdf.set_author(t(d.o.short)); pdf.add_page()
        col = tuple(int(d.o.color[i:i + 2], 16) for i in (1, 3, 5))
        if r.random() < 0.4: pdf.image(io.BytesIO(logo_png(d.o)), x=18, y=12, w=48); pdf.set_y(30)
        else: pdf.set_font(F, "B", 14); pdf.set_text_color(*col); pdf.multi_cell(0, 7, t(d.o.name), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(F, "", 8); pdf.set_text_color(90, 90, 90); pdf.cell(0, 5, t(f"{d.o.addr}  |  Tel {d.o.phone}  |  Fax {d.o.fax}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*col); pdf.line(18, pdf.get_y() + 1, 197, pdf.get_y() + 1); pdf.ln(5); pdf.set_text_color(0, 0, 0)
        if d.title: pdf.set_font(F, "B", 12); pdf.multi_cell(0, 7, t(d.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        dst = "dmy" if d.lang == "es" else r.choice(["mdy", "m/d/yyyy", "iso", "dmon"])
        for b in d.blocks:
            if b[0] == "p": pdf.set_font(F, "", 10); pdf.multi_cell(0, 5, t(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
            elif b[0] == "h": pdf.set_font(F, "B", 11); pdf.multi_cell(0, 6, t(b[1]), new_x="LMARGIN", new_y="NEXT")
            elif b[0] == "kv":
                for k, v in b[1]:
                    if not v: continue
                    pdf.set_font(F, "B", 9.5); pdf.cell(48, 5.5, t(k + ":"))
                    pdf.set_font(F, "", 9.5); pdf.multi_cell(0, 5.5, t(v), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            elif b[0] == "table":
                pdf.set_font(F, "", 7.5)
                with pdf.table(text_align="LEFT", line_height=4.2) as tb:
                    for row in [b[1]] + [[cstr(c, dst) for c in x] for x in b[2]]:
                        rr = tb.row()
                        for c in row: rr.cell(t(c))
                pdf.ln(3)
            elif b[0] == "pre": pdf.set_font(M, "", 6.8); pdf.multi_cell(0, 3.4, t(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
            elif b[0] == "bul":
                pdf.set_font(F, "", 10)
                for x in b[1]: pdf.multi_cell(0, 5, t(("\u2022 " if ttf else "- ") + x), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
        if pdf.pages_count <= 2: break
    return norm_pdf(bytes(pdf.output()), key)

def rl_pdf(r, doc, key):
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, Preformatted, Image as RLImage
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib import colors
    ss = getSampleStyleSheet()
    for cut in (None, 10, 7):
        d = doc if cut is None else doc.cut(cut)
        buf = io.BytesIO(); dt = SimpleDocTemplate(buf, pagesize=letter, invariant=1, title=lat1(d.title or d.o.short), author=lat1(d.o.short), leftMargin=50, rightMargin=50, topMargin=40, bottomMargin=40)
        st = []
        if r.random() < 0.35: st.append(RLImage(io.BytesIO(logo_png(d.o)), width=160, height=48, hAlign="LEFT"))
        else: st.append(Paragraph(f'<font color="{d.o.color}" size="14"><b>{esc(lat1(d.o.name))}</b></font>', ss["Normal"]))
        st.append(Paragraph(f'<font size="8" color="#666666">{esc(lat1(d.o.addr))} - {d.o.phone}</font>', ss["Normal"])); st.append(Spacer(1, 10))
        if d.title: st.append(Paragraph(esc(lat1(d.title)), ss["Heading3"]))
        dst = "dmy" if d.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "long"])
        for b in d.blocks:
            if b[0] == "p": st.append(Paragraph(esc(lat1(b[1])).replace("\n", "<br/>"), ss["BodyText"]))
            elif b[0] == "h": st.append(Paragraph(esc(lat1(b[1])), ss["Heading4"]))
            elif b[0] == "kv":
                tb = Table([[lat1(k), Paragraph(esc(lat1(str(v))), ss["BodyText"])] for k, v in b[1] if v], colWidths=[130, 370], hAlign="LEFT")
                tb.setStyle(TableStyle([("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st.append(tb)
            elif b[0] == "table":
                sm = ss["BodyText"].clone("sm", fontSize=7.5, leading=9)
                data = [[Paragraph(f"<b>{esc(lat1(h))}</b>", sm) for h in b[1]]] + [[Paragraph(esc(lat1(cstr(c, dst))), sm) for c in row] for row in b[2]]
                tb = Table(data, repeatRows=1, hAlign="LEFT")
                tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.92)), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st.append(tb)
            elif b[0] == "pre": st.append(Preformatted(lat1(b[1]), ss["Code"].clone("c2", fontSize=6.5, leading=8)))
            elif b[0] == "bul":
                for x in b[1]: st.append(Paragraph("- " + esc(lat1(x)), ss["BodyText"]))
            st.append(Spacer(1, 6))
        dt.build(st)
        if dt.page <= 2: break
    return norm_pdf(buf.getvalue(), key)

def ps_str(s):
    out = []
    for ch in lat1(str(s)):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % o)
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def ps_doc(r, doc):
    """hand-written PostScript: Helvetica (ISO Latin-1) body text, Courier tables/records"""
    lines = []; o = doc.o
    lines.append(("HB", 14, o.name, 20)); lines.append(("H", 8, f"{o.addr}   Tel {o.phone}   Fax {o.fax}", 16))
    if doc.title: lines.append(("HB", 12, doc.title, 18))
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "dmon"])
    for b in doc.blocks:
        if b[0] in ("p", "h"):
            for para in b[1].split("\n"):
                for ln in textwrap.wrap(para, 96) or [""]: lines.append(("HB" if b[0] == "h" else "H", 9.5, ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "kv":
            for k, v in b[1]:
                if v:
                    for ln in textwrap.wrap(f"{k}: {v}", 96): lines.append(("H", 9.5, ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "bul":
            for x in b[1]:
                for i, ln in enumerate(textwrap.wrap(x, 92)): lines.append(("H", 9.5, ("-  " if i == 0 else "   ") + ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "table":
            tt = table_text(b[1], b[2], "cols", dst).split("\n")
            size = 7.2 if max(len(x) for x in tt) < 120 else 6.0
            for ln in tt:
                for piece in textwrap.wrap(ln, 150) or [""]: lines.append(("C", size, piece, size + 2))
            lines.append(("H", 9.5, "", 8))
        elif b[0] == "pre":
            for ln in b[1].split("\n"):
                for piece in textwrap.wrap(ln, 140, break_on_hyphens=False) or [""]: lines.append(("C", 6.5, piece, 8))
            lines.append(("H", 9.5, "", 8))
    pages = [[]]; y = 740
    for ln in lines:
        if y - ln[3] < 50: pages.append([]); y = 740
        y -= ln[3]; pages[-1].append((ln[0], ln[1], ln[2], y))
    col = [int(o.color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    ps = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title or o.short)}", f"%%Creator: {lat1(o.short)} document services", f"%%Pages: {len(pages)}", "%%BoundingBox: 0 0 612 792", "%%EndComments",
          "/Enc ISOLatin1Encoding 256 array copy def Enc 45 /hyphen put",
          "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding Enc def currentdict end definefont pop } def",
          "/H /Helvetica reenc /HB /Helvetica-Bold reenc /C /Courier reenc", "/F { exch findfont exch scalefont setfont } def"]
    for i, pg in enumerate(pages, 1):
        ps.append(f"%%Page: {i} {i}")
        ps.append(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} setrgbcolor 50 {748 if i == 1 else 760} moveto 562 {748 if i == 1 else 760} lineto 0.8 setlinewidth stroke 0 setgray")
        for f, s, tx, y in pg:
            if tx: ps.append(f"/{f} {s} F 54 {y} moveto {ps_str(tx)} show")
        ps.append(f"/H 7 F 54 30 moveto {ps_str(f'{o.short} - page {i} of {len(pages)}')} show")
        ps.append("showpage")
    ps.append("%%EOF")
    return "\n".join(ps) + "\n", len(pages)

def docx_bytes(r, doc, logo=False):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    d = docx.Document(); o = doc.o
    sec = d.sections[0]; hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(1.6)); hp.add_run("   " + o.name)
    else: run = hp.add_run(o.name); run.bold = True; run.font.color.rgb = RGBColor.from_string(o.color[1:].upper())
    sec.header.add_paragraph(f"{o.addr} | {o.phone}").runs[0].font.size = Pt(8)
    sec.footer.paragraphs[0].text = r.choice(["Confidential", f"{o.short} - internal use", f"{SYS} | {o.short}", f"Form {o.key.upper()}-{dg(r, 3)} (rev. 2026)"])
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Georgia"]); st.font.size = Pt(10.5)
    if doc.title: d.add_heading(doc.title, level=r.choice([1, 2]))
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yyyy", "long", "iso"])
    tstyle = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1", "Light Shading Accent 1"])
    for b in doc.blocks:
        if b[0] == "p":
            for para in b[1].split("\n\n"): d.add_paragraph(para)
        elif b[0] == "h": d.add_heading(b[1], level=3)
        elif b[0] == "kv":
            items = [(k, v) for k, v in b[1] if v]
            if r.random() < 0.5:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for k, v in items: c = t.add_row().cells; c[0].text = k; c[1].text = str(v)
            else:
                for k, v in items: p = d.add_paragraph(); p.add_run(k + ": ").bold = True; p.add_run(str(v))
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = tstyle
            for i, h in enumerate(b[1]): t.rows[0].cells[i].text = h
            for row in b[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cstr(v, dst)
            for row in t.rows:
                for c in row.cells:
                    for p in c.paragraphs:
                        for ru in p.runs: ru.font.size = Pt(8)
        elif b[0] == "pre":
            for ln in b[1].split("\n"): p = d.add_paragraph(); ru = p.add_run(ln); ru.font.name = "Courier New"; ru.font.size = Pt(7); p.paragraph_format.space_after = Pt(0)
        elif b[0] == "bul":
            for x in b[1]: d.add_paragraph(x, style="List Bullet")
    d.core_properties.author = o.short; d.core_properties.title = doc.title or ""
    d.core_properties.created = dtm.datetime(2026, 6, 1); d.core_properties.modified = dtm.datetime(2026, 6, 1); d.core_properties.last_modified_by = o.short
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

def xlsx_bytes(r, doc):
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    tb = doc.table(); wb = openpyxl.Workbook(); ws = wb.active
    ws.title = re.sub(r"[^A-Za-z0-9 ]", "", (doc.title or doc.subj or "Sheet1"))[:28].strip() or "Sheet1"
    ws.append(list(tb[1]))
    for c in ws[1]: c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=doc.o.color[1:].upper())
    nf = r.choice(["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy"])
    for row in tb[2]:
        vals = []
        for v in row:
            if isinstance(v, str) and re.fullmatch(r"\d{1,6}", v): vals.append(int(v))
            else: vals.append(v)
        ws.append(vals)
    for rw in ws.iter_rows(min_row=2):
        for c in rw:
            if isinstance(c.value, (dtm.date, dtm.datetime)): c.number_format = nf
    for i, h in enumerate(tb[1], 1): ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(10, min(34, max(len(cstr(x[i - 1])) for x in [tb[1]] + tb[2]) + 2))
    ws.freeze_panes = "A2"
    notes = [b[1] for b in doc.blocks if b[0] == "p"]
    if notes and r.random() < 0.5:
        w2 = wb.create_sheet("Notes"); w2["A1"] = doc.title or ""; w2["A2"] = " ".join(notes); w2["A4"] = f"Prepared by {doc.o.short}"
    wb.properties.creator = doc.o.short; wb.properties.created = dtm.datetime(2026, 6, 1); wb.properties.modified = dtm.datetime(2026, 6, 1)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

def csv_bytes(r, doc):
    tb = doc.table(); delim = r.choice([",", ",", "\t", ",", "|"]); dst = r.choice(["mdy", "iso", "m/d/yyyy", "ymd"])
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, lineterminator=r.choice(["\r\n", "\n"]))
    hdr = list(tb[1]) if r.random() < 0.6 else [re.sub(r"[^A-Za-z0-9]+", "_", h).strip("_").upper() for h in tb[1]]
    w.writerow(hdr)
    for row in tb[2]: w.writerow([cstr(c, dst) for c in row])
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return data, ("tsv" if delim == "\t" and r.random() < 0.6 else "txt" if delim == "|" else "csv")

def norm_ooxml(data):
    """LibreOffice writes random rsids; map them to stable values in order of appearance, then fix zip stamps"""
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO(); mp = {}
    def rep(m):
        v = m.group(2)
        if v not in mp: mp[v] = b"%08X" % (0x00B20000 + len(mp))
        return m.group(1) + mp[v]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                body = re.sub(rb'(w:rsid[A-Za-z]*\s*=\s*"|w:val\s*=\s*"(?=[0-9A-F]{8}"))([0-9A-F]{8})', rep, body) if b"rsid" in body else body
            zi = zipfile.ZipInfo(info.filename, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return fix_zip(out.getvalue())

class LOJobs:
    """batch LibreOffice conversions (one soffice start per kind)"""
    def __init__(s, tmp): s.tmp = tmp; s.lo = collections.defaultdict(list)
    def add(s, kind, name, data):
        d = os.path.join(s.tmp, kind, "in"); os.makedirs(d, exist_ok=True); os.makedirs(os.path.join(s.tmp, kind, "out"), exist_ok=True)
        p = os.path.join(d, name); open(p, "wb").write(data); s.lo[kind].append(p)
        ext = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}[kind]
        return ("LO", os.path.join(s.tmp, kind, "out", name.rsplit(".", 1)[0] + "." + ext))
    def run(s): run_lo(s)

# ================================================================== message assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Epic In Basket Outbound", "iPhone Mail (22C152)", "Mozilla Thunderbird 128.6.0", None, None]
def when(r):
    d = past(r, 0, 8)
    return dtm.datetime(d.year, d.month, d.day, r.randint(5, 21), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-5)))
def disp(r, p, o=None):
    k = r.random()
    if k < 0.35: return f"{p.given} {p.family}"
    if k < 0.55: return f"{p.family}, {p.given}"
    if k < 0.75 and p.cred: return f"{p.given} {p.family}, {p.cred}"
    if k < 0.88 and o: return f"{p.given} {p.family} | {o.short}"
    return f"{p.family}, {p.given} {p.mi}."
def other_addr(r, o):
    k = r.random()
    if k < 0.4:
        p = staff(r); dom = r.choice(PARTNERS); return Address(display_name=disp(r, p), addr_spec=mailbox(p, dom))
    if k < 0.7:
        oo = ORG[r.choice([x for x in sorted(ORG) if x != o.key])]; p = staff(r, r.choice(oo.creds)); return Address(display_name=disp(r, p, oo), addr_spec=mailbox(p, oo.dom))
    dom = r.choice(PARTNERS); role = r.choice(sorted(ROLES)); return Address(display_name=ROLES[role] if r.random() < 0.5 else "", addr_spec=f"{role}@{dom}")
def new_msg(r, o, subject, sender=None, to=None, cc=None):
    s = sender or staff(r, r.choice(o.creds))
    m = EmailMessage()
    if r.random() < 0.85: m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    else: m["From"] = Address(display_name=o.short, addr_spec=f"{re.sub(r'[^a-z0-9]', '', o.key)}@{o.dom}")
    m["To"] = to or other_addr(r, o)
    if cc: m["Cc"] = cc
    elif r.random() < 0.2: m["Cc"] = other_addr(r, o)
    m["Subject"] = subject
    m["Date"] = format_datetime(when(r))
    mailer = r.choice(MAILERS)
    if mailer: m["X-Mailer"] = mailer
    return m, s
DISCLAIMERS = ["CONFIDENTIALITY NOTICE: This message and any attachments are intended only for the addressee and may contain information that is privileged, confidential or protected by law. "
               "If you are not the intended recipient, do not read, copy or forward it; notify the sender and delete it.",
               "Ohio Valley Meridian Health will never ask for your password by e-mail. Report suspicious messages with the Phish Alert button.",
               "Please consider the environment before printing this e-mail."]
def signature(r, s, o):
    k = r.random()
    if k < 0.25: sig = f"{wc(s)}\n{o.name}\n{o.addr}\nP {o.phone} | F {o.fax}"
    elif k < 0.45: sig = f"Thank you,\n{s.given}\n{o.short} | {o.phone}"
    elif k < 0.6: sig = f"-- \n{s.given} {s.family}\n{o.short}"
    elif k < 0.8: sig = f"Best,\n\n{wc(s)}\n{o.short}\n{SYS if 'meridian' in o.dom else o.name} | www.{o.dom}"
    else: sig = f"- {s.given[0]}{s.family[0].upper()}"
    if r.random() < 0.35: sig += "\n\n" + r.choice(DISCLAIMERS)
    return sig
def sig_html(sig, o, cid=None):
    h = "<p style=\"color:#555;font-size:9pt\">" + esc(sig).replace("\n", "<br>\n") + "</p>"
    if cid: h += f'<p><img src="cid:{cid}" alt="{esc(o.short)} logo" width="160" height="48"></p>'
    return h
def set_text_html(m, text, html_body, font, logo_o=None, cid=None):
    m.set_content(text)
    m.add_alternative(f'<html><head><meta charset="utf-8"></head><body style="font-family:{font};font-size:10pt">\n{html_body}\n</body></html>\n', subtype="html")
    if cid: m.get_payload()[1].add_related(logo_png(logo_o), "image", "png", cid=f"<{cid}>")

GREET = ["", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Hi all,\n\n", "Afternoon -\n\n"]
COVERS = ["Attached.", "See attached - let me know if you need anything else.", "Attached as discussed.", "Document attached for your records.", "Here's the file you asked for.",
          "Please review the attachment and reply with any corrections.", "Sending the attached per your request this morning.", "Attaching this so it's in one place.",
          "File attached. It should open in Adobe or your browser.", "FYI - attached."]
NEUTRAL_SUBJ = ["document", "as requested", "[SECURE] document", "for your review", "attached", "per our call", "updated copy", "files", "Scan", "sending over"]
HBODIES = ["Please see the secure message in the portal - link below.", "Can you call me when you get a minute? Thanks.", "Following up on our call from this morning.",
           "Got it, thank you - we'll take it from here.", "Details are in the chart, not in e-mail.", "Thanks for the quick turnaround!", "Adding you so you're in the loop.",
           "Please reply to confirm you received this.", "Will update you after rounds.", "Let's discuss at the 2 PM huddle.", "Sending this so it's on your radar.",
           "I left you a voicemail as well.", "No action needed from you - just FYI.", "Done. Closing this out on my end."]
FWD_NOTES = ["See below.", "Forwarding for your awareness.", "Is this yours?", "Looping you in - see below.", "Can you handle? Thx", "FYI", "Please review the thread below.",
             "Who owns this one?", "Sending to the right person - see below.", "For your records.", "Any update on this?", "Bumping this up."]
REPLY_NOTES = ["Thanks, got it.", "Will do.", "Received - I'll take care of it today.", "Sounds good, thank you!", "Thanks - adding to the list.", "Perfect, thanks.", "OK, I'll call them back."]

def hdr_message(r, kind, spec):
    o = ORG[kind]; s = staff(r, r.choice(o.creds))
    to = Address(display_name=spec["to"][0], addr_spec=spec["to"][1]) if spec["to"] else None
    cc = ", ".join(str(Address(display_name=n, addr_spec=a)) for n, a in spec["cc"]) if spec["cc"] else None
    htxt = " ".join([spec["subject"]] + [x for x in (spec["to"] or ())] + [n for n, a in spec["cc"]] + list(spec["extra"].values()) + [x for x in (spec["reply_to"] or ())])
    for _ in range(30):   # the sender's own name must not repeat a word of the PHI headers (bodies stay clean)
        if not re.search(r"\b(" + re.escape(s.given) + "|" + re.escape(s.family) + r")\b", htxt): break
        s = staff(r, r.choice(o.creds))
    m, s = new_msg(r, o, spec["subject"], s, to=to, cc=cc)
    if spec["reply_to"]: m["Reply-To"] = Address(display_name=spec["reply_to"][0], addr_spec=spec["reply_to"][1])
    for k, v in spec["extra"].items(): m[k] = v
    body = r.choice(GREET) + r.choice(HBODIES)
    if "portal" in body: body += f"\nhttps://securemail.{o.dom}/s/{tok(r)}"
    sig = signature(r, s, o); text = body + "\n\n" + sig
    if r.random() < 0.35:
        cid = f"logo-{tok(r, 10)}@{o.dom}" if r.random() < 0.6 else None
        set_text_html(m, text, "<p>" + esc(body).replace("\n", "<br>\n") + "</p>\n" + sig_html(sig, o, cid), "Calibri,Arial,sans-serif", o, cid)
    else: m.set_content(text)
    return m

def body_message(r, doc, carrier):
    o = doc.o; m, s = new_msg(r, o, doc.subj or doc.title or r.choice(NEUTRAL_SUBJ))
    first = doc.blocks[0][1] if doc.blocks and doc.blocks[0][0] == "p" else ""
    head = "" if re.match(r"(Hi|Hey|Hello|Dear|Estimad|Dr\.|Team|Thanks|Calling|Follow|Per|Consult|Palliative|Nutrition|Weekly|EMU|WOC|OR )", first) else r.choice(GREET)
    sig = signature(r, s, o)
    if carrier == "plain":
        m.set_content(head + render_text(r, doc, title=r.random() < 0.5, wrap=r.choice([None, None, 76, 68, 60])) + "\n\n" + sig)
    else:
        text = head + render_text(r, doc, title=True) + "\n\n" + sig
        body, font = render_html(r, doc)
        cid = f"sig-{tok(r, 10)}@{o.dom}" if r.random() < 0.45 else None
        set_text_html(m, text, ("<p>" + esc(head.strip()) + "</p>\n" if head.strip() else "") + body + "\n" + sig_html(sig, o, cid), font, o, cid)
    return m

def fwd_message(r, doc):
    """the document (PHI or not) sits only in the older, quoted/forwarded message; the new text on top is neutral"""
    o = doc.o; orig_from = staff(r, r.choice(o.creds)); inner_to = other_addr(r, o)
    inner_date = when(r) - DAY(days=r.randint(1, 5))
    inner_subj = doc.subj or doc.title or "Update"
    inner_text = r.choice(GREET) + render_text(r, doc, title=r.random() < 0.5) + "\n\n" + signature(r, orig_from, o)
    fwd_org = ORG[r.choice(sorted(ORG))] if r.random() < 0.5 else o
    m, s = new_msg(r, fwd_org, "", staff(r, r.choice(fwd_org.creds)))
    shape = r.choice(["outlook", "gmail", "reply", "rfc822", "outlook", "reply2", "apple", "notes"])
    note = r.choice(FWD_NOTES); of = f"{orig_from.given} {orig_from.family} <{mailbox(orig_from, o.dom)}>"
    del m["Subject"]
    if shape == "rfc822":
        m["Subject"] = "Fwd: " + inner_subj
        inner = EmailMessage(); inner["From"] = of; inner["To"] = str(inner_to); inner["Subject"] = inner_subj; inner["Date"] = format_datetime(inner_date)
        inner["Message-ID"] = f"<{hashlib.sha256((inner_subj + of).encode()).hexdigest()[:20]}@{o.dom}>"; inner.set_content(inner_text)
        m.set_content(note + "\n\n" + signature(r, s, fwd_org)); m.add_attachment(inner)
        return m, shape
    def quote(t): return "\n".join(("> " + ln) if ln else ">" for ln in t.split("\n"))
    def wrote(d, who): return f"On {d.strftime('%a, %b')} {d.day}, {d.year} at {d.strftime('%I:%M %p').lstrip('0')}, {who} wrote:"
    if shape == "reply":
        m["Subject"] = "RE: " + inner_subj
        m.set_content(f"{r.choice(REPLY_NOTES)}\n\n{signature(r, s, fwd_org)}\n\n{wrote(inner_date, of)}\n{quote(inner_text)}\n")
        return m, shape
    if shape == "reply2":   # newest reply on top, a short clean middle reply, the document two levels down
        mid = staff(r); mid_addr = f"{mid.given} {mid.family} <{mailbox(mid, inner_to.addr_spec.split('@')[1])}>"
        mid_text = f"{r.choice(REPLY_NOTES)}\n\n{mid.given}\n\n{wrote(inner_date, of)}\n{quote(inner_text)}"
        m["Subject"] = "RE: RE: " + inner_subj
        m.set_content(f"{r.choice(REPLY_NOTES + FWD_NOTES)}\n\n{signature(r, s, fwd_org)}\n\n{wrote(inner_date + DAY(hours=r.randint(2, 20)), mid_addr)}\n{quote(mid_text)}\n")
        return m, shape
    m["Subject"] = r.choice(["FW: ", "Fwd: ", "FW: RE: ", "Fw: "]) + inner_subj
    dl = f"{inner_date.strftime('%A, %B')} {inner_date.day}, {inner_date.year} {inner_date.strftime('%I:%M %p').lstrip('0')}"
    if shape == "outlook": hdr = f"________________________________\nFrom: {of}\nSent: {dl}\nTo: {inner_to}\nSubject: {inner_subj}\n" if r.random() < 0.5 else f"-----Original Message-----\nFrom: {of}\nSent: {dl}\nTo: {inner_to}\nSubject: {inner_subj}\n"
    elif shape == "gmail": hdr = f"---------- Forwarded message ---------\nFrom: {of}\nDate: {inner_date.strftime('%a, %b')} {inner_date.day}, {inner_date.year} at {inner_date.strftime('%I:%M %p').lstrip('0')}\nSubject: {inner_subj}\nTo: {inner_to}\n"
    elif shape == "apple": hdr = f"Begin forwarded message:\n\nFrom: {of}\nSubject: {inner_subj}\nDate: {inner_date.strftime('%B')} {inner_date.day}, {inner_date.year} at {inner_date.strftime('%I:%M:%S %p').lstrip('0')} EST\nTo: {inner_to}\n"
    else: hdr = f"----- Forwarded by {s.given} {s.family}/{fwd_org.short} on {inner_date.strftime('%m/%d/%Y')} -----\n\nFrom: {of}\nTo: {inner_to}\nSubject: {inner_subj}\n"
    m.set_content(f"{note}\n\n{signature(r, s, fwd_org)}\n\n{hdr}\n{inner_text}\n")
    return m, shape

def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asciify(doc.title or doc.cat.split("/")[-1]))[:40].strip("_") or "document"
    return r.choice([base, base.lower(), f"{base}_{TODAY:%Y%m%d}", f"scan{dg(r, 8)}", f"{doc.o.key.upper()}_{base}", f"{base} ({r.randint(1, 3)})"]) + "." + ext

def make_attachment(r, jobs, carrier, doc, key):
    """returns (filename, bytes-or-LOhandle, post) where post is applied after LibreOffice runs"""
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
        return fname_for(r, doc, "docx"), docx_bytes(r, doc, logo=r.random() < 0.35), None
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

def attach_part(m, fname, data):
    ext = fname.rsplit(".", 1)[-1].lower()
    mt = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
          "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"),
          "txt": ("text", "plain"), "zip": ("application", "zip")}[ext]
    if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=fname, charset="utf-8", cte="base64")
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

def finish(fname, m):
    if "Message-ID" not in m:
        dom = str(m["From"].addresses[0].domain) if m["From"] else "example.org"
        m["Message-ID"] = f"<{hashlib.sha256(('mid2:' + fname).encode()).hexdigest()[:32]}@{dom}>"
    if "MIME-Version" not in m: m["MIME-Version"] = "1.0"
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_dev2_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")) or re.search(rb"\r\n[A-Za-z-]+:\r\n ", data):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # no header that starts with an empty folded line
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data

def words(t): return re.findall(r"[a-z0-9]{4,}", asciify(lat1(t)).lower())
def pdf_check(fname, doc, data):
    """the PDF must be 1-2 pages and pdftotext must give back the document's words"""
    n, txt, info = pdf_info_text(data)
    assert 1 <= n <= 2, (fname, n)
    want = []
    for b in doc.blocks:
        if b[0] in ("p", "h"): want += words(b[1])
        elif b[0] == "kv": want += [w for k, v in b[1] for w in words(f"{k} {v}")]
        if len(want) > 60: break
    got = set(words(txt.replace("-\n", "")))
    miss = [w for w in want if w not in got]
    assert want == [] or len(miss) <= 0.1 * len(want), (fname, miss[:10])

# ================================================================== plan and main
PLAN = {  # carrier: (phi, clean)
    "header": (25, 25), "pdf-fpdf2": (20, 15), "pdf-libreoffice": (19, 16), "forwarded": (15, 10), "plain": (11, 9), "html": (11, 9),
    "pdf-ghostscript": (8, 7), "docx": (8, 7), "pdf-reportlab": (6, 4), "zip": (3, 2), "xlsx": (3, 2), "csv": (3, 2)}
def cycler(r, pool):
    bag = []
    def draw():
        if not bag: bag.extend(pool); r.shuffle(bag)
        return bag.pop()
    return draw
def shape_for(r, carrier):
    if carrier in ("xlsx", "csv"): return "list"
    if carrier == "zip": return "list" if r.random() < 0.6 else "narr"
    return "list" if r.random() < 0.18 else "narr"

def main():
    t0 = dtm.datetime.now()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(STAMP.timestamp()))
    for f in sorted(os.listdir(OUT)):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(OUT, f))
    plan = [(c, l) for c, (np_, nc) in PLAN.items() for l, n in (("phi", np_), ("clean", nc)) for _ in range(n)]
    R.shuffle(plan)
    bags = {k: cycler(R, sorted(v, key=lambda x: x[1].__name__)) for k, v in sorted(REG.items())}
    hbags = {l: cycler(R, sorted(v, key=lambda x: x[1].__name__)) for l, v in sorted(HREG.items())}
    tmp = tempfile.mkdtemp(prefix="corpus-dev2-"); jobs = LOJobs(tmp); made = []
    try:
        for i, (carrier, label) in enumerate(plan, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                kind, fn = hbags[label](); spec = fn(R)
                made.append((fname, label, carrier, f"header/{kind}/{spec['cat']}", hdr_message(R, kind, spec), None, None)); continue
            shape = shape_for(R, carrier)
            kind, fn = bags[(label, shape)]()
            if carrier == "xlsx" and label == "phi":
                while not any(isinstance(c, dtm.date) for row in fn(random.Random(0)).table()[2] for c in row): kind, fn = bags[(label, shape)]()
            doc = fn(R); cat = doc.cat
            if carrier in ("plain", "html"): m = body_message(R, doc, carrier); att = None
            elif carrier == "forwarded": m, fshape = fwd_message(R, doc); att = None; cat += f"/fwd-{fshape}"
            else:
                subj = doc.subj if (doc.subj and R.random() < 0.6) else R.choice(NEUTRAL_SUBJ)
                m, s = new_msg(R, doc.o, subj)
                body = R.choice(GREET) + R.choice(COVERS) + "\n\n" + signature(R, s, doc.o)
                if R.random() < 0.2:
                    cid = f"sig-{tok(R, 10)}@{doc.o.dom}"
                    set_text_html(m, body, "<p>" + esc(body).replace("\n", "<br>\n") + "</p>" + sig_html("", doc.o, cid), "Calibri,Arial,sans-serif", doc.o, cid)
                else: m.set_content(body)
                att = make_attachment(R, jobs, carrier, doc, fname[:-4])
            made.append((fname, label, carrier, cat, m, att, doc))
        jobs.run()
        rows = []
        for fname, label, carrier, cat, m, att, doc in made:
            if att:
                aname, data, post = att
                if isinstance(data, tuple) and data[0] == "LO": data = open(data[1], "rb").read()
                if post: data = post(data)
                if carrier.startswith("pdf-"): pdf_check(fname, doc, data)
                attach_part(m, aname, data)
            with open(os.path.join(OUT, fname), "wb") as f: f.write(finish(fname, m))
            rows.append((fname, label, carrier, cat))
        with open(os.path.join(OUT, "manifest.tsv"), "w", newline="\n", encoding="utf-8") as f:
            f.write("file\tlabel\tcarrier\tcategory\n")
            for row in rows: f.write("\t".join(row) + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(rows)} messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    if len(sys.argv) > 1: OUT = os.path.abspath(sys.argv[1]); os.makedirs(OUT, exist_ok=True)
    main()
