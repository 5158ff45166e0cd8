#!/usr/bin/python3
"""Plumbing + identifiers + people for the dev5 corpus (imported by generate.py).

Producer plumbing (lat1, fix_zip, make_zip, gs_distill, run_lo, render_text/html, logo_png, norm_pdf, fp_pdf, rl_pdf,
ps_doc, docx_bytes, xlsx_bytes, csv_bytes, norm_ooxml, LOJobs, set_text_html, attach_part, finish) is adapted from
../corpus-dev2/generate.py (plumbing line ranges only, see README).  Identifiers, people, organisations are this
corpus's own.
"""
import collections, csv, datetime as dtm, hashlib, io, os, random, re, subprocess, tempfile, textwrap, unicodedata, zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

SEED = 20261014
R = random.Random(SEED)
PREFIX = "dev5-"
TODAY = dtm.date(2026, 10, 14)
UTC = dtm.timezone.utc
STAMP = dtm.datetime(2026, 10, 13, 16, 40, tzinfo=UTC)
DV = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
DAY = dtm.timedelta
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
SMTP = policy.SMTP
ZIPTIME = (2026, 10, 1, 0, 0, 0)
SYS = "Delta Crescent Health"

# ------------------------------------------------------------------ producer helpers (adapted plumbing)
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
    body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-10-01T00:00:00Z", body)
    body = re.sub(rb"<meta:creation-date>[^<]*", b"<meta:creation-date>2026-10-01T00:00:00", body)
    return body
def fix_zip(data):
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

# ------------------------------------------------------------------ identifiers (own)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def up(r, n): return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(n))
def ssn(r, fmt=None):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        v = (a, r.randint(1, 99), r.randint(1, 9999))
        if v == (123, 45, 6789): continue
        break
    fmt = fmt or r.choice(["dash", "dash", "dash", "plain", "space"])
    return {"dash": "%03d-%02d-%04d", "plain": "%03d%02d%04d", "space": "%03d %02d %04d"}[fmt] % v
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=None):
    an = MBI_L + "0123456789"
    c = [r.choice("123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"),
         r.choice(MBI_L), r.choice(MBI_L), r.choice("0123456789"), r.choice("0123456789")]
    s = "".join(c)
    if dash is None: dash = r.random() < 0.5
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def npi(r):
    base = r.choice("12") + dg(r, 8); tot = 0
    for i, ch in enumerate(reversed("80840" + base)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return base + str((10 - tot % 10) % 10)
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}"])
def mrn(r): return r.choice([dg(r, 8), "D" + dg(r, 7), dg(r, 7), f"M{dg(r, 9)}"])
def mcaid_la(r): return dg(r, 13)
def mcaid_ms(r): return dg(r, 9)
def mbr(r): return r.choice([f"PBH{dg(r, 9)}", f"U{dg(r, 8)}01", f"{dg(r, 11)}", f"PB-{dg(r, 4)}-{dg(r, 5)}"])
def acct(r): return r.choice([dg(r, 9), f"G{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}"])
def fin(r): return "55" + dg(r, 8)
def csn(r): return "1" + dg(r, 9)
def har(r): return "8" + dg(r, 9)
def claim(r): return r.choice([f"{dg(r, 13)}", f"26{dg(r, 3)}E{dg(r, 6)}", f"CLM-{dg(r, 9)}"])
def po(r): return r.choice([f"PO-{dg(r, 6)}", f"4500{dg(r, 6)}"])
def inv(r): return r.choice([f"INV-{dg(r, 6)}", f"{dg(r, 7)}", f"SI{dg(r, 8)}"])
def lot(r): return r.choice([f"{up(r, 2)}{dg(r, 5)}", f"{dg(r, 6)}{up(r, 1)}", f"L{dg(r, 7)}"])
def tkt(r, pre="INC"): return f"{pre}{dg(r, 7)}"

def fd(d, st="mdy"):
    if st == "mdy": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if st == "m/d/yy": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if st == "m/d/yyyy": return f"{d.month}/{d.day}/{d.year}"
    if st == "m/d": return f"{d.month}/{d.day}"
    if st == "iso": return d.isoformat()
    if st == "dmon": return f"{d.day:02d}-{MON[d.month - 1][:3]}-{d.year}"
    if st == "long": return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if st == "ymd": return f"{d.year}{d.month:02d}{d.day:02d}"
    if st == "sp": return f"{d.month:02d} {d.day:02d} {d.year}"
    if st == "born": return f"born {d.day} {MON[d.month - 1]} {d.year}"
    if st == "dmy": return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if st == "dot": return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if st == "es": return f"{d.day} de {MES[d.month - 1]} de {d.year}"
    if st == "short": return f"{MON[d.month - 1][:3]} {d.day}"
    raise ValueError(st)
DSTY = ["mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "dmon", "long", "ymd", "sp", "dot"]
def dob(r, p, st=None): return fd(p.dob, st or r.choice(DSTY))
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r): h = r.randint(7, 17); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '15', '30', '45'])} {'AM' if h < 12 else 'PM'}"
def mil(r): return f"{r.randint(0, 23):02d}{r.choice(['00', '10', '25', '40', '52'])}"
def age(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))

# ------------------------------------------------------------------ people
GIVEN_F = ["Latrice", "Mary Beth", "Jolene", "Kaylee", "Annie", "Bettye Jo", "Shaniqua", "Thi Lan", "María José", "Earnestine", "Claudette", "Aaliyah",
           "Dorothy", "Brandi", "Marguerite", "Odessa", "Yesenia", "Nicole", "Tameka", "Ruby Nell", "Geneviève", "Hannah", "LaToya", "Peggy Sue",
           "Khadijah", "Ngoc Anh", "Imani", "Savannah", "Cora", "Delphine", "Rosalind", "Maggie", "Bernadette", "Chastity", "Ivy", "Jazmine"]
GIVEN_M = ["Theophile", "Darnell", "Dequan", "Ronald", "Beau", "Calvin", "Ray", "Van Thanh", "Jimmy Earl", "Cedric", "Tommy", "Luis Ángel", "Marcus",
           "Clarence", "Wade", "Booker", "Hollis", "Andre", "Emmett", "Kendrick", "Rusty", "Duc Minh", "Octave", "Alphonse", "Jermaine", "Travis",
           "Otis", "Landon", "Jacoby", "Willie", "Brantley", "Amos", "Isaiah", "Elijah", "Hunter", "Reginald"]
NICK = {"Theophile": "Tee", "Ronald": "Ronnie", "Jimmy Earl": "J.E.", "Mary Beth": "MB", "Bettye Jo": "BJ", "Dorothy": "Dot", "Ruby Nell": "Ruby",
        "Clarence": "Bubba", "Wade": "Buddy", "Margurite": "Maggie", "Marguerite": "Margo", "Octave": "Tave", "Alphonse": "Poncho", "Reginald": "Reggie",
        "Elijah": "Eli", "Calvin": "Cal", "William": "Bill", "Earnestine": "Teenie", "Raymond": "Ray", "Peggy Sue": "Peg", "Delphine": "Dee",
        "Chastity": "Chas", "Theodore": "Teddy", "Luis Ángel": "Güicho", "Andre": "Dre", "Hollis": "Hoss", "Booker": "Book", "Kaylee": "Kay"}
FAMILY = ["Boudreaux", "Thibodeaux", "Ladner", "Necaise", "Fontenot", "Guidry", "Hébert", "LeBlanc", "Landry", "Mabry", "Pruitt", "Sumrall",
          "Washington", "Cuevas", "Nguyễn", "Trần", "Phạm", "de la Cruz", "St. Romain", "Ledet", "Hollingsworth", "McCraney", "Pettus", "Bivens",
          "Dubuisson", "Broussard", "Okafor", "Jefferson", "Tillman", "Rankin", "Chauvin", "Harbison", "Maddox", "Quarles", "Gautreaux", "Hernández",
          "Van Buren", "O'Quinn", "Ishee", "Breland", "Delahoussaye", "Ardoin", "Kimbrough", "Stallworth", "Batiste", "Fairley", "Loper", "Causey"]
SUFFIX = ["Jr.", "III", "Sr.", "II", "IV"]
TOWNS = [("Mobile", "AL", "366", "251"), ("Prichard", "AL", "366", "251"), ("Dothan", "AL", "363", "334"), ("Selma", "AL", "367", "334"), ("Tuscaloosa", "AL", "354", "205"),
         ("Demopolis", "AL", "367", "334"), ("Bay Minette", "AL", "365", "251"), ("Hattiesburg", "MS", "394", "601"), ("Gulfport", "MS", "395", "228"),
         ("Biloxi", "MS", "395", "228"), ("Jackson", "MS", "392", "601"), ("Meridian", "MS", "393", "601"), ("Laurel", "MS", "394", "601"),
         ("Pascagoula", "MS", "395", "228"), ("Greenwood", "MS", "389", "662"), ("Yazoo City", "MS", "391", "662"), ("Houma", "LA", "703", "985"),
         ("Thibodaux", "LA", "703", "985"), ("Lafayette", "LA", "705", "337"), ("Baton Rouge", "LA", "708", "225"), ("Lake Charles", "LA", "706", "337"),
         ("Opelousas", "LA", "705", "337"), ("Hammond", "LA", "704", "985"), ("Bogalusa", "LA", "704", "985")]
STREETS = ["Magnolia St", "Dauphin Island Pkwy", "Bayou Black Dr", "Old Spanish Trl", "Cypress Bend Rd", "Pecan Grove Ln", "Hwy 49 S", "Shell Beach Rd",
           "Azalea Dr", "Canebrake Rd", "Levee Rd", "Live Oak Cir", "Cotton Row", "Sugar Mill Rd", "Choctaw St", "Bienville Blvd", "Pine Knot Ln", "Catfish Alley"]
PERSONAL = ["gmail.com", "yahoo.com", "bellsouth.net", "att.net", "icloud.com", "hotmail.com", "cox.net"]

def asciify(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

class Person:
    def __init__(s, r, amin, amax, sex=None):
        s.sex = sex or r.choice("FM")
        s.given = r.choice(GIVEN_F if s.sex == "F" else GIVEN_M)
        s.family = r.choice(FAMILY)
        s.mi = r.choice("ABCDEGHJLMRSTW")
        s.suffix = r.choice(SUFFIX) if (s.sex == "M" and r.random() < 0.22) else ""
        s.nick = NICK.get(s.given, s.given.split()[0])
        a = r.randint(amin, amax)
        s.dob = TODAY - DAY(days=a * 365 + r.randint(1, 360))
        s.age = age(s.dob)
        town = r.choice(TOWNS); s.city, s.st = town[0], town[1]
        s.zip = town[2] + dg(r, 2); s.ac = town[3]
        s.street = r.choice([f"{r.randint(12, 9899)} {r.choice(STREETS)}", f"{r.randint(100, 4999)} {r.choice(STREETS)} Apt {r.randint(1, 24)}{r.choice('ABCD')}",
                             f"Rt {r.randint(1, 9)} Box {r.randint(10, 499)}", f"PO Box {r.randint(10, 2999)}"])
        s.phone = f"({s.ac}) {r.randint(2, 9)}{dg(r, 2)}-{dg(r, 4)}"
        s.email = f"{re.sub(r'[^a-z]', '', asciify(s.nick if r.random() < 0.4 else s.given).lower())}{r.choice(['', '.', '_'])}{re.sub(r'[^a-z]', '', asciify(s.family).lower())[:r.choice([1, 4, 12])]}{r.choice(['', dg(r, 2), str(s.dob.year), dg(r, 3)])}@{r.choice(PERSONAL)}"
        s.mrn = mrn(r)
    @property
    def full(s): return f"{s.given} {s.family}" + (f" {s.suffix}" if s.suffix else "")
    @property
    def lfm(s): return f"{s.family}{' ' + s.suffix if s.suffix else ''}, {s.given} {s.mi}"
    @property
    def lf(s): return f"{s.family}, {s.given}"
    @property
    def caps(s): return f"{s.family.upper()}, {s.given.upper()}"
    @property
    def title(s): return ("Mr. " if s.sex == "M" else "Ms. ") + s.family
    @property
    def he(s): return "he" if s.sex == "M" else "she"
    @property
    def his(s): return "his" if s.sex == "M" else "her"
    @property
    def him(s): return "him" if s.sex == "M" else "her"
    @property
    def first(s): return s.given.split()[0]
    @property
    def addr(s): return f"{s.street}, {s.city}, {s.st} {s.zip}"
    def shape(s, r):
        return r.choice([s.full, s.lfm, s.lf, s.caps, f"{s.given} {s.mi}. {s.family}", s.title, f"{s.family.upper()} {s.given.upper()}"])
    def ini(s): return f"{s.given[0]}{asciify(s.family)[0].upper()}"

def pt(r, amin=19, amax=90, sex=None): return Person(r, amin, amax, sex)
def kid(r, amin=0, amax=17, sex=None): return Person(r, amin, amax, sex)
def staff(r, cred=""):
    p = Person(r, 26, 64); p.cred = cred; p.suffix = "" if r.random() < 0.8 else p.suffix; return p
def wc(p): return f"{p.given} {p.family}" + (f", {p.cred}" if getattr(p, "cred", "") else "")
def drn(p): return f"Dr. {p.family}"
def doc_(r): return staff(r, r.choice(["MD", "DO", "MD", "MD"]))
def mailbox(p, dom): return (asciify(p.given.split()[0]) + "." + re.sub(r"[^a-z]", "", asciify(p.family).lower())).lower() + "@" + dom

# ------------------------------------------------------------------ organisations (fictional)
class Org:
    def __init__(s, key, name, short, dom, addr, phone, fax, color, creds):
        s.key, s.name, s.short, s.dom, s.addr, s.phone, s.fax, s.color, s.creds = key, name, short, dom, addr, phone, fax, color, creds
ORGS = {o.key: o for o in [
    Org("amc", "Delta Crescent University Medical Center", "DCUMC", "dcumc-health.org", "2200 Magnolia Bluff Pkwy, Jackson, MS 39216", "(601) 984-2200", "(601) 984-2291", "#5b1f3a",
        ["RN", "MD", "MSN, RN", "PharmD", "RN, CCRN", "Unit Secretary", "DO"]),
    Org("kids", "Little Egret Children's Hospital", "Little Egret Children's", "littleegretkids.org", "1700 Spring Hill Ave, Mobile, AL 36604", "(251) 405-7700", "(251) 405-7719", "#1f6f8b",
        ["RN, CPN", "MD", "CPNP", "RN", "CCLS"]),
    Org("fqhc", "Bayou Lantern Community Health Centers", "Bayou Lantern CHC", "bayoulanternchc.org", "415 Canal Blvd, Thibodaux, LA 70301", "(985) 446-3310", "(985) 446-3399", "#2e7d32",
        ["FNP-C", "MD", "LPN", "MA", "LCSW", "CHW"]),
    Org("mco", "Pelican Bend Health Plan", "Pelican Bend", "pelicanbendhp.com", "8550 United Plaza Blvd Ste 400, Baton Rouge, LA 70809", "(225) 380-4100", "(225) 380-4190", "#0d47a1",
        ["RN, CCM", "LMSW", "Care Coordinator", "UM Nurse Reviewer", "Provider Relations Rep"]),
    Org("crisis", "Longleaf Crisis & Support Line", "Longleaf Crisis Line", "longleafcrisis.org", "PO Box 1189, Hattiesburg, MS 39403", "(601) 264-0800", "(601) 264-0815", "#6a1b9a",
        ["LPC", "Crisis Counselor", "LCSW", "QMHP", "Clinical Supervisor"]),
    Org("cancer", "Cahaba Oaks Cancer Center", "Cahaba Oaks", "cahabaoakscancer.org", "1 Oak Hollow Dr, Meridian, MS 39301", "(601) 482-6600", "(601) 482-6619", "#ad1457",
        ["RN, OCN", "MD", "Nurse Navigator", "PharmD, BCOP", "NP"]),
    Org("tx", "DCUMC Transplant Institute", "DCUMC Transplant", "dcumc-health.org", "2200 Magnolia Bluff Pkwy, Pavilion C, Jackson, MS 39216", "(601) 984-5570", "(601) 984-5577", "#00695c",
        ["RN, CCTC", "MD", "Transplant Financial Coordinator", "LCSW", "PharmD"]),
    Org("pfs", "DCUMC Patient Financial Services", "DCUMC PFS", "dcumc-health.org", "PO Box 23810, Jackson, MS 39225", "(601) 984-1040", "(601) 984-1049", "#37474f",
        ["Patient Account Rep", "CRCR", "Billing Supervisor", "Denials Analyst", "Customer Service"]),
    Org("occ", "Red Clay Occupational Health", "Red Clay OccMed", "redclayocc.com", "2704 Skyland Blvd E, Tuscaloosa, AL 35405", "(205) 752-0910", "(205) 752-0918", "#bf360c",
        ["PA-C", "MD", "Case Manager", "CMA", "MRO Assistant"]),
    Org("sleep", "Live Oak Sleep Disorders Center", "Live Oak Sleep", "liveoaksleep.net", "1215 Kaliste Saloom Rd Ste 210, Lafayette, LA 70508", "(337) 984-2250", "(337) 984-2259", "#283593",
        ["RPSGT", "MD", "RRT", "NP", "Scheduler"]),
    Org("wound", "Gulf Tide Wound Care & Hyperbaric Center", "Gulf Tide Wound Care", "gulftidewound.com", "1340 Broad Ave, Gulfport, MS 39501", "(228) 863-7120", "(228) 863-7129", "#00838f",
        ["RN, CWS", "MD", "CHT", "LPN", "NP"]),
    Org("travel", "Magnolia Compass Nurse Staffing", "Magnolia Compass", "magnoliacompassrn.com", "600 Azalea Rd Ste 12, Mobile, AL 36609", "(251) 660-2400", "(251) 660-2409", "#8d6e63",
        ["Recruiter", "Clinical Liaison, RN", "Credentialing Specialist", "Payroll", "Travel RN"]),
]}
EXT_DOMS = {"employer": ["singingrivermarine.com", "chickasawpaving.com", "pinebeltpoultry.com", "acadianaoilfieldsvc.com"],
            "clinic": ["pinebeltkidney.com", "gulfcoastfamilymed.org", "selmapeds.com", "acadianacardio.com", "houmaneph.com"],
            "dme": ["acadianahomeresp.com", "coastalmedsupply.com"], "vendor": ["brightwellmedical.com", "sunbeltsurgical.com", "magnoliatechsvc.com"]
}

# ------------------------------------------------------------------ document model + renderers (adapted plumbing)
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

# ------------------------------------------------------------------ MIME helpers (adapted plumbing)
def sig_html(sig, o, cid=None):
    h = "<p style=\"color:#555;font-size:9pt\">" + esc(sig).replace("\n", "<br>\n") + "</p>"
    if cid: h += f'<p><img src="cid:{cid}" alt="{esc(o.short)} logo" width="160" height="48"></p>'
    return h
def set_text_html(m, text, html_body, font, logo_o=None, cid=None):
    m.set_content(text)
    m.add_alternative(f'<html><head><meta charset="utf-8"></head><body style="font-family:{font};font-size:10pt">\n{html_body}\n</body></html>\n', subtype="html")
    if cid: m.get_payload()[1].add_related(logo_png(logo_o), "image", "png", cid=f"<{cid}>")
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
        m["Message-ID"] = f"<{hashlib.sha256(('mid5:' + fname).encode()).hexdigest()[:32]}@{dom}>"
    if "MIME-Version" not in m: m["MIME-Version"] = "1.0"
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_dev5_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")) or re.search(rb"\r\n[A-Za-z-]+:\r\n ", data):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # no header that starts with an empty folded line
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data

