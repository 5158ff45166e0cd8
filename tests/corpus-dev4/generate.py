#!/usr/bin/python3
"""Fourth development DLP corpus: dev4-0001.eml ... dev4-0160.eml + manifest.tsv (file, label, carrier, category).

Written blind from ../corpus-blind/BRIEF.md (160 messages, no split column).  Setting: "Northwind Cedar Health", a
fictional Pacific Northwest / Alaska system, and its fictional partners.  Every person, organisation and sentence is
this file's own.  Producer plumbing (PDF/OOXML/MIME builders, normalisation, LibreOffice runner, logo) is adapted from
../corpus-dev2/generate.py (see README for line ranges).  Deterministic: one random.Random(SEED), fixed run order,
MIME boundaries and Message-IDs derived from the file name, fixed OOXML/zip stamps, normalised PDF dates and IDs.
Run with /usr/bin/python3 (reportlab, fpdf2, openpyxl, python-docx, PIL; soffice, gs, pdftotext on PATH).
"""
import collections, csv, datetime as dtm, glob, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, unicodedata, zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 4_2026_1109
R = random.Random(SEED)
PREFIX = "dev4-"
TODAY = dtm.date(2026, 11, 9)
UTC = dtm.timezone.utc
PST = dtm.timezone(dtm.timedelta(hours=-8))
AKST = dtm.timezone(dtm.timedelta(hours=-9))
STAMP = dtm.datetime(2026, 11, 9, 17, 30, tzinfo=UTC)
DV = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
DAY = dtm.timedelta
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
SMTP = policy.SMTP
ZIPTIME = (2026, 11, 1, 0, 0, 0)

# ================================================================== producer plumbing (adapted from ../corpus-dev2/generate.py)
_FOLD = {"\u2022": "-", "\u2013": "-", "\u2014": "--", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2192": "->",
         "\u2265": ">=", "\u2264": "<=", "\u2191": "^", "\u2193": "v", "\u00a0": " ", "\u2011": "-", "\u2248": "~", "\u03bc": "u"}
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
    body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-01T00:00:00Z", body)
    body = re.sub(rb"<meta:creation-date>[^<]*", b"<meta:creation-date>2026-11-01T00:00:00", body)
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
class LOJobs:
    def __init__(s, tmp): s.tmp = tmp; s.lo = collections.defaultdict(list)
    def add(s, kind, name, data):
        d = os.path.join(s.tmp, kind, "in"); os.makedirs(d, exist_ok=True); os.makedirs(os.path.join(s.tmp, kind, "out"), exist_ok=True)
        p = os.path.join(d, name); open(p, "wb").write(data); s.lo[kind].append(p)
        ext = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}[kind]
        return os.path.join(s.tmp, kind, "out", name.rsplit(".", 1)[0] + "." + ext)
    def run(s): run_lo(s)

def norm_pdf(data, key):
    hx = hashlib.sha256(("pdf:" + key).encode()).hexdigest().encode() * 4
    data = re.sub(rb"D:\d{14}", b"D:20261109173000", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", b"2026-11-09T17:30:00", data)
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
def norm_ooxml(data):
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO(); mp = {}
    def rep(m):
        v = m.group(2)
        if v not in mp: mp[v] = b"%08X" % (0x00C40000 + len(mp))
        return m.group(1) + mp[v]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                body = re.sub(rb'(w:rsid[A-Za-z]*\s*=\s*"|w:val\s*=\s*"(?=[0-9A-F]{8}"))([0-9A-F]{8})', rep, body) if b"rsid" in body else body
            zi = zipfile.ZipInfo(info.filename, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return fix_zip(out.getvalue())

# ================================================================== identifiers and dates (own)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def up(r, n): return "".join(r.choice("ABCDEFGHJKMNPRTUVWXY") for _ in range(n))
def luhn_digit(payload):
    s = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn_digit("80840" + b)
def ssn(r, sep="-"):
    a = r.choice([x for x in range(1, 900) if x != 666]); g = r.randint(1, 99); s = r.randint(1, 9999)
    return f"{a:03d}{sep}{g:02d}{sep}{s:04d}"
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=False):
    an = MBI_L + "0123456789"
    c = [r.choice("123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"),
         r.choice(MBI_L), r.choice(MBI_L), r.choice("0123456789"), r.choice("0123456789")]
    s = "".join(c)
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}"])
def mrn(r): return r.choice([dg(r, 7), dg(r, 8), f"NC{dg(r, 7)}", f"00{dg(r, 6)}", f"E{dg(r, 7)}"])
def ecmbr(r): return r.choice([f"ECH{dg(r, 9)}", f"EC{dg(r, 8)}01", f"{up(r, 3)}{dg(r, 9)}"])
def acct(r): return r.choice([dg(r, 9), f"A{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}"])
def csn(r): return "8" + dg(r, 9)
def fin(r): return "41" + dg(r, 8)
def har(r): return "5" + dg(r, 9)
def claimno(r): return r.choice([f"{dg(r, 2)}{up(r, 1)}{dg(r, 10)}", f"EC{dg(r, 11)}", f"{dg(r, 13)}"])
def medicaid_wa(r): return f"{dg(r, 9)}WA"
def medicaid_ak(r): return dg(r, 10)
def tok(r, n=16): return "".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(n))

def fd(d, st="mdy"):
    if st == "mdy": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if st == "m/d/yy": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if st == "m/d": return f"{d.month}/{d.day}"
    if st == "m/d/yyyy": return f"{d.month}/{d.day}/{d.year}"
    if st == "iso": return d.isoformat()
    if st == "dmon": return f"{d.day:02d}-{MON[d.month - 1][:3]}-{d.year}"
    if st == "long": return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if st == "ymd": return f"{d.year}{d.month:02d}{d.day:02d}"
    if st == "space": return f"{d.month:02d} {d.day:02d} {d.year}"
    if st == "born": return f"born {d.day} {MON[d.month - 1]} {d.year}"
    if st == "dmy": return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if st == "es": return f"{d.day} de {MES[d.month - 1]} de {d.year}"
    if st == "dot": return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if st == "shortmon": return f"{MON[d.month - 1][:3]} {d.day} {d.year}"
    raise ValueError(st)
DOBFMT = ["mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "dmon", "long", "ymd", "space", "dot", "shortmon"]
def dob(r, p, st=None): return fd(p.dob, st or r.choice(DOBFMT))
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def age(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))
def clock(r): h = r.randint(7, 18); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '15', '20', '30', '40', '45'])} {'AM' if h < 12 else 'PM'}"
def mil(r): return f"{r.randint(0, 23):02d}{r.choice(['05', '12', '20', '34', '41', '58'])}"
def hl7ts(d, r): return f"{d.year}{d.month:02d}{d.day:02d}{r.randint(6, 20):02d}{r.randint(0, 59):02d}"
def pick(r, *xs): return r.choice(xs)

# ================================================================== people (patients and staff from disjoint pools)
PT_F = ["Marla", "Dolores", "Kaitlyn", "Nadia", "Lani", "Hoa", "Thu", "Svetlana", "Maricel", "Rosalinda", "Guadalupe", "Imelda", "Sharon", "Brenda",
        "Ingrid", "Solveig", "Jolene", "Darlene", "Ngoc Anh", "Yelena", "Olga", "Lourdes", "Marisol", "Beatriz", "Corazon", "Ligaya", "Bernadette",
        "Misty", "Kendra", "Renata", "Zoë", "Ana Lucía", "Chidinma", "Fartun", "Tatyana", "Evangeline", "Pearl", "Loretta", "Shawna", "Khanh"]
PT_M = ["Walter", "Dale", "Gunnar", "Arne", "Tuan", "Minh", "Dmitri", "Sergei", "Yuriy", "Rogelio", "Efraín", "Jesús", "Ramon", "Danilo", "Jericho",
        "Rodel", "Cody", "Travis", "Floyd", "Darrell", "Leif", "Kenji", "Tobias", "Emeka", "Hamza", "Abdi", "Joaquín", "Mateo", "Wendell", "Everett",
        "Clayton", "Virgil", "Bao", "Anatoly", "Ernesto", "Lyle", "Rusty", "Quang", "Teodoro", "Harlan"]
PT_FAM = ["Brekke", "Lindahl", "Haugen", "Sandvik", "Nguyen", "Tran", "Pham", "Le", "Vo", "Petrenko", "Santos", "Reyes", "dela Cruz", "de la Cruz",
          "Villanueva", "Bautista", "Macaraeg", "Hernández", "Ocampo", "Gutiérrez", "Zamora", "Ibarra", "Okafor", "van der Berg", "O'Halloran",
          "McAllister", "Whitcomb", "Pettibone", "Kowalczyk", "Takahashi", "Yamamoto", "Kealoha", "Jacobsen", "Nicolai", "Andrews", "Ahmed",
          "Warsame", "Muñoz", "St. Germain", "Quiñones", "Ostrander", "Tollefson", "Esparza", "Bui", "Dao", "Mirzoyan", "Halvorsen", "Ruiz", "Ng"]
RU_FAM = [("Volkov", "Volkova"), ("Kuznetsov", "Kuznetsova"), ("Sokolov", "Sokolova"), ("Morozov", "Morozova"), ("Lebedev", "Lebedeva")]
NICK = {"Walter": "Walt", "Dale": "Dale", "Gunnar": "Gun", "Dmitri": "Dima", "Sergei": "Seryozha", "Rogelio": "Roger", "Ramon": "Monchi",
        "Danilo": "Danny", "Jericho": "Jek", "Rodel": "Odie", "Travis": "Trav", "Darrell": "Dare", "Kenji": "Ken", "Tobias": "Toby", "Everett": "Ev",
        "Clayton": "Clay", "Virgil": "Virg", "Anatoly": "Tolya", "Ernesto": "Neto", "Teodoro": "Teddy", "Harlan": "Harley", "Joaquín": "Quino",
        "Jesús": "Chuy", "Efraín": "Efra", "Marla": "Mar", "Dolores": "Lola", "Kaitlyn": "Katie", "Guadalupe": "Lupe", "Rosalinda": "Rosie",
        "Bernadette": "Bernie", "Yelena": "Lena", "Svetlana": "Sveta", "Corazon": "Cora", "Evangeline": "Vangie", "Tatyana": "Tanya",
        "Loretta": "Retta", "Imelda": "Mel", "Maricel": "Cel", "Beatriz": "Bea", "Ligaya": "Gaya"}
SUFFIX = ["", "", "", "", "", "", "", "", "Jr.", "Sr.", "III", "II"]
STF_F = ["Monica", "Heather", "Jessica", "Amanda", "Rachel", "Siobhan", "Paloma", "Anjali", "Mei-Lin", "Colleen", "Tamara", "Greta", "Noreen", "Audra",
         "Brianne", "Lucinda", "Marguerite", "Tess", "Joy", "Sunita"]
STF_M = ["Nathan", "Owen", "Graham", "Caleb", "Derek", "Marcus", "Ivan", "Theo", "Rajesh", "Brendan", "Silas", "Garrett", "Felix", "Dominic", "Wesley",
         "Arturo", "Kwame", "Stellan", "Reid", "Lionel"]
STF_FAM = ["Ashby", "Greer", "Fontaine", "Lindqvist", "Pruitt", "Castellanos", "Harrow", "Okonkwo", "Wexler", "Brandvold", "Marchetti", "Sorensen",
           "Thibodeaux", "Kapoor", "Yates", "Delacroix", "Winslow", "Abernathy", "Rasmussen", "Ferreira", "Chu", "Galloway", "Iverson", "Mbeki",
           "Stroud", "Vasquez-Hale", "Kirkland", "Pelletier", "Hoang", "Underhill"]
PLACES = [("Port Halvern", "WA", "983", "360"), ("Kestrel Falls", "WA", "988", "509"), ("Larchmont Prairie", "WA", "993", "509"), ("Ouzel Creek", "OR", "977", "541"),
          ("Brannock", "WA", "982", "360"), ("Tern Bay", "AK", "996", "907"), ("Ptarmigan Landing", "AK", "995", "907"), ("Whitlock Sound", "AK", "998", "907"),
          ("Pine Basin", "ID", "838", "208"), ("Cedar Spit", "WA", "983", "360"), ("Skookum Flats", "OR", "978", "541")]
STREETS = ["Tideflats Way", "Alder St", "Harbor View Rd", "Spruce Ln", "NE Cascade Ave", "Old Mill Rd", "Cannery Row", "Boardwalk Loop", "Fireweed Dr",
           "Salmonberry Ct", "Hemlock Ave", "Ferry Landing Rd", "Milepost 14 Spur", "Kittiwake St", "Orchard Grade Rd", "W 3rd Ave", "Dock St"]
MAILHOSTS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "comcast.net", "aol.com", "protonmail.com"]

def asciify(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
class Person:
    def __init__(s, r, amin=18, amax=90, sex=None):
        s.sex = sex or r.choice("FM")
        s.given = r.choice(PT_F if s.sex == "F" else PT_M)
        if r.random() < 0.1:
            pair = r.choice(RU_FAM); s.family = pair[1] if s.sex == "F" else pair[0]
            s.given = r.choice(["Svetlana", "Olga", "Yelena", "Tatyana"] if s.sex == "F" else ["Dmitri", "Sergei", "Yuriy", "Anatoly"])
        else: s.family = r.choice(PT_FAM)
        s.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        s.suffix = r.choice(SUFFIX) if s.sex == "M" else ""
        a = r.randint(amin, amax)
        s.dob = D(TODAY.year - a - 1, 1, 1) + DAY(days=r.randint(0, 364))
        s.age = age(s.dob)
        c = r.choice(PLACES); s.city, s.st, s.zip, ac = c[0], c[1], c[2] + dg(r, 2), c[3]
        s.street = f"{r.randint(12, 48999)} {r.choice(STREETS)}" + r.choice(["", "", "", f" Apt {r.randint(1, 40)}", f" #{r.choice('ABCD')}"])
        if c[1] == "AK" and r.random() < 0.4: s.street = f"PO Box {r.randint(10, 999)}"
        s.phone = f"({ac}) {r.randint(200, 989)}-{dg(r, 4)}"
        s.email = f"{asciify(s.given.split()[0]).lower()}{r.choice(['.', '', '_'])}{re.sub(r'[^a-z]', '', asciify(s.family).lower())}{r.choice(['', dg(r, 2), str(s.dob.year)[2:]])}@{r.choice(MAILHOSTS)}"
    @property
    def nick(s): return NICK.get(s.given, s.given)
    @property
    def full(s): return f"{s.given} {s.family}" + (f" {s.suffix}" if s.suffix else "")
    @property
    def lf(s): return f"{s.family}, {s.given}" + (f" {s.suffix}" if s.suffix else "")
    @property
    def LF(s): return f"{s.family.upper()}, {s.given.upper()} {s.mi}"
    @property
    def ttl(s): return ("Mr. " if s.sex == "M" else r_title(s)) + s.family
    @property
    def he(s): return "he" if s.sex == "M" else "she"
    @property
    def his(s): return "his" if s.sex == "M" else "her"
    @property
    def him(s): return "him" if s.sex == "M" else "her"
    @property
    def addr1(s): return f"{s.street}, {s.city}, {s.st} {s.zip}"
    def ax(s): return f"{s.age}{s.sex}"
def r_title(p): return "Mrs. " if (sum(map(ord, p.given)) % 3) else "Ms. "
def name_any(r, p):
    return r.choice([p.full, p.lf, p.LF, f"{p.given} {p.mi}. {p.family}", f"{p.family.upper()}, {p.given}", f"{p.given[0]}. {p.family}", p.full.upper()])
def pt(r, amin=18, amax=90, sex=None): return Person(r, amin, amax, sex)
class Staff:
    def __init__(s, r, cred=""):
        s.sex = r.choice("FM"); s.given = r.choice(STF_F if s.sex == "F" else STF_M); s.family = r.choice(STF_FAM); s.cred = cred
    @property
    def full(s): return f"{s.given} {s.family}"
    @property
    def wc(s): return s.full + (f", {s.cred}" if s.cred else "")
    @property
    def dr(s): return f"Dr. {s.family}"
def staff(r, cred=""): return Staff(r, cred)
def doc_(r): return staff(r, r.choice(["MD", "DO", "MD", "PA-C", "FNP-C", "ARNP"]))
def mailbox(s, dom): return f"{asciify(s.given).lower()}.{re.sub(r'[^a-z]', '', asciify(s.family).lower())}@{dom}"

class Org:
    def __init__(s, key, name, short, dom, addr, phone, fax, color, creds, tz=PST):
        s.key, s.name, s.short, s.dom, s.addr, s.phone, s.fax, s.color, s.creds, s.tz = key, name, short, dom, addr, phone, fax, color, creds, tz
SYS = "Northwind Cedar Health"
ORGS = {o.key: o for o in [
    Org("nwc", "Northwind Cedar Health - Port Halvern Medical Center", "Northwind Cedar Health", "northwindcedar.org", "1400 Tideflats Way, Port Halvern, WA 98368",
        "(360) 555-0142", "(360) 555-0199", "#1F5B4A", ["RN", "MD", "", "CPC", "RHIT", "MSW", "PharmD", "BSN, RN"]),
    Org("kf", "Kestrel Falls Rural Health Clinic (Northwind Cedar Health)", "Kestrel Falls Clinic", "northwindcedar.org", "22 Depot St, Kestrel Falls, WA 98813",
        "(509) 555-0117", "(509) 555-0118", "#3A6EA5", ["LPN", "RN", "MA", "FNP-C", ""]),
    Org("oc", "Ouzel Creek Family Medicine", "Ouzel Creek FM", "ouzelcreekfm.com", "908 Mill Race Rd, Ouzel Creek, OR 97731", "(541) 555-0163", "(541) 555-0164",
        "#6B4E9B", ["MA", "RN", "MD", ""]),
    Org("tb", "Tern Bay Community Clinic", "Tern Bay Clinic", "ternbayclinic.org", "PO Box 40, 3 Cannery Row, Tern Bay, AK 99674", "(907) 555-0131", "(907) 555-0132",
        "#0E6E8C", ["CHA/P", "RN", "PA-C", ""], AKST),
    Org("rt", "Raven Tide Tribal Health Consortium", "Raven Tide THC", "raventidethc.org", "610 Ferry Landing Rd, Whitlock Sound, AK 99835", "(907) 555-0176",
        "(907) 555-0177", "#8C2F1B", ["RN", "CHR", "Care Coordinator", "MPH"], AKST),
    Org("ec", "Evergreen Crest Health Plan", "Evergreen Crest", "evergreencrest.com", "PO Box 31880, Tacoma Narrows Business Park, Gig Landing, WA 98335",
        "(800) 555-0190", "(866) 555-0191", "#2C7A3F", ["RN, CCM", "Claims Analyst", "Provider Relations", ""]),
    Org("cc", "Cinder Cone Reference Laboratory", "Cinder Cone Lab", "cinderconelab.com", "7700 Basalt Pkwy, Suite 200, Bend Ridge, OR 97702", "(541) 555-0110",
        "(541) 555-0111", "#A0522D", ["MLS(ASCP)", "Client Services", "MT"]),
    Org("dl", "Driftline Pharmacy Services", "Driftline Rx", "driftlinerx.com", "45 Wharf Logistics Ctr, Everly Point, WA 98204", "(888) 555-0150", "(888) 555-0151",
        "#C2185B", ["PharmD", "CPhT", "Member Services"]),
    Org("ah", "Alder Haven Care Center", "Alder Haven", "alderhavencare.com", "318 Hemlock Ave, Brannock, WA 98273", "(360) 555-0185", "(360) 555-0186",
        "#5D7A2A", ["RN", "LPN", "Admissions", "MSW", "Activities"]),
    Org("hl", "Harbor Light Dental Group", "Harbor Light Dental", "harborlightdental.com", "77 Kittiwake St, Cedar Spit, WA 98362", "(360) 555-0124",
        "(360) 555-0125", "#00838F", ["DDS", "RDH", "Front Office", "EFDA"]),
    Org("cw", "Coldwater Fire & Rescue District 4", "Coldwater Fire & Rescue", "coldwaterfire4.org", "12 Station Rd, Kestrel Falls, WA 98813", "(509) 555-0140",
        "(509) 555-0141", "#B71C1C", ["Paramedic", "EMT", "Battalion Chief", "EMS Coordinator"]),
    Org("bc", "Brannock County Public Health", "Brannock County PH", "brannockcountywa.gov", "1 Courthouse Sq, Brannock, WA 98273", "(360) 555-0102",
        "(360) 555-0103", "#37474F", ["DIS", "PHN", "Epidemiologist", "MPH"]),
]}
def O(k): return ORGS[k]

# ================================================================== documents and renderers (renderers adapted from ../corpus-dev2)
class Doc:
    def __init__(s, o, cat, title, blocks, subj=None, lang="en", to=None, sender=None):
        s.o, s.cat, s.title, s.blocks, s.subj, s.lang, s.to, s.sender = o, cat, title, blocks, subj, lang, to, sender
    def table(s):
        for b in s.blocks:
            if b[0] == "table": return b
    def cut(s, n):
        return Doc(s.o, s.cat, s.title, [(b[0], b[1], b[2][:n]) if b[0] == "table" else b for b in s.blocks], s.subj, s.lang, s.to, s.sender)
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
        elif sty == "dash": out.append(f"{k} - {v}")
    return "\n".join(out)
def table_text(hdr, rows, sty, dst):
    rows = [[cstr(c, dst) for c in row] for row in rows]
    if sty == "pipe": return "\n".join(" | ".join(x) for x in [hdr] + rows)
    if sty == "tab": return "\n".join("\t".join(x) for x in [hdr] + rows)
    if sty == "records": return "\n\n".join("\n".join(f"{h}: {c}" for h, c in zip(hdr, row) if c) for row in rows)
    ws = [max(len(str(x[i])) for x in [hdr] + rows) for i in range(len(hdr))]
    line = lambda x: "  ".join(str(c).ljust(ws[i]) for i, c in enumerate(x)).rstrip()
    return "\n".join([line(hdr), "  ".join("-" * w for w in ws)] + [line(x) for x in rows])
def render_text(r, doc, title=True):
    kvs = r.choice(["colon", "colon", "aligned", "next", "caps", "nocolon", "dash", "runon"])
    tsty = r.choice(["cols", "cols", "pipe", "tab", "records"]); dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "mdy", "m/d/yy", "iso", "dmon", "long"])
    out = [doc.title] if (title and doc.title) else []
    for b in doc.blocks:
        if b[0] == "p": out.append(b[1])
        elif b[0] == "h": out.append(b[1].upper() if r.random() < 0.4 else b[1])
        elif b[0] == "kv": out.append(kv_text(b[1], kvs))
        elif b[0] == "table": out.append(table_text(b[1], b[2], tsty, dst))
        elif b[0] == "pre": out.append(b[1])
        elif b[0] == "bul":
            mk = r.choice(["-", "*", "\u2022", "o"]); out.append("\n".join(f"{mk} {x}" for x in b[1]))
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
    d.polygon([(10, h - 10), (h // 2 - 4, 10), (h // 2 + 4, 10), (h - 10, h - 10)], fill=col); d.ellipse([h // 2 - 10, h // 2 - 4, h // 2 + 10, h // 2 + 16], fill="white")
    d.text((h + 6, h // 2 - 14), lat1(o.short), fill=col); d.text((h + 6, h // 2 + 4), o.dom, fill=(90, 90, 90))
    b = io.BytesIO(); img.save(b, "PNG", optimize=False); _LOGO[o.key] = b.getvalue(); return _LOGO[o.key]

def fp_pdf(r, doc, ttf, key):
    from fpdf import FPDF, __version__ as fpdf_version
    for cut in (None, 12, 8):
        d = doc if cut is None else doc.cut(cut)
        pdf = FPDF(format="Letter"); pdf.set_creation_date(STAMP); pdf.set_producer(f"PyFPDF/fpdf{fpdf_version}"); pdf.set_auto_page_break(True, 15); pdf.set_margins(18, 16, 18)
        if ttf:
            fam = r.choice(["DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed"])
            pdf.add_font("B1", "", DV + fam + ".ttf"); pdf.add_font("B1", "B", DV + fam + "-Bold.ttf"); pdf.add_font("M1", "", DV + "DejaVuSansMono.ttf")
            F, M, t = "B1", "M1", (lambda s: str(s))
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
                    pdf.set_font(F, "B", 9.5); pdf.cell(52, 5.5, t(k + ":"))
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
    for cut in (None, 12, 8):
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
                tb = Table([[lat1(k), Paragraph(esc(lat1(str(v))), ss["BodyText"])] for k, v in b[1] if v], colWidths=[140, 360], hAlign="LEFT")
                tb.setStyle(TableStyle([("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st.append(tb)
            elif b[0] == "table":
                sm = ss["BodyText"].clone("sm", fontSize=7.5, leading=9)
                data = [[Paragraph(f"<b>{esc(lat1(h))}</b>", sm) for h in b[1]]] + [[Paragraph(esc(lat1(cstr(c, dst))), sm) for c in row] for row in b[2]]
                tb = Table(data, repeatRows=1, hAlign="LEFT")
                tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.9)), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st.append(tb)
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
    ps = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title or o.short)}", f"%%Creator: {lat1(o.short)} print services", f"%%Pages: {len(pages)}", "%%BoundingBox: 0 0 612 792", "%%EndComments",
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
    return "\n".join(ps) + "\n"

def docx_bytes(r, doc, logo=False):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    d = docx.Document(); o = doc.o
    sec = d.sections[0]; hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(1.6)); hp.add_run("   " + o.name)
    else: run = hp.add_run(o.name); run.bold = True; run.font.color.rgb = RGBColor.from_string(o.color[1:].upper())
    sec.header.add_paragraph(f"{o.addr} | {o.phone}").runs[0].font.size = Pt(8)
    sec.footer.paragraphs[0].text = r.choice(["Confidential", f"{o.short} - internal use only", f"{SYS} | {o.short}", f"Form {o.key.upper()}-{dg(r, 3)} rev. 09/2026"])
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
    d.core_properties.created = dtm.datetime(2026, 11, 1); d.core_properties.modified = dtm.datetime(2026, 11, 1); d.core_properties.last_modified_by = o.short
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
        ws.append([int(v) if isinstance(v, str) and re.fullmatch(r"[1-9]\d{0,5}", v) else v for v in row])
    for rw in ws.iter_rows(min_row=2):
        for c in rw:
            if isinstance(c.value, (dtm.date, dtm.datetime)): c.number_format = nf
    for i, h in enumerate(tb[1], 1): ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(10, min(34, max(len(cstr(x[i - 1])) for x in [tb[1]] + tb[2]) + 2))
    ws.freeze_panes = "A2"
    notes = [b[1] for b in doc.blocks if b[0] == "p"]
    if notes and r.random() < 0.5:
        w2 = wb.create_sheet("Notes"); w2["A1"] = doc.title or ""; w2["A2"] = " ".join(notes); w2["A4"] = f"Prepared by {doc.o.short}"
    wb.properties.creator = doc.o.short; wb.properties.created = dtm.datetime(2026, 11, 1); wb.properties.modified = dtm.datetime(2026, 11, 1)
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

# ================================================================== content: PHI documents (all text is this file's own)
REG = {"phi": collections.defaultdict(list), "clean": collections.defaultdict(list)}
def tmpl(label, *shapes):
    def deco(fn):
        for s in shapes: REG[label][s].append(fn)
        return fn
    return deco
ICD = {"dm2": ("E11.9", "Type 2 diabetes mellitus without complications"), "dm2h": ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
       "htn": ("I10", "Essential (primary) hypertension"), "asthma": ("J45.909", "Unspecified asthma, uncomplicated"),
       "dep": ("F32.A", "Depression, unspecified"), "brca": ("C50.911", "Malignant neoplasm of unspecified site of right female breast"),
       "ckd4": ("N18.4", "Chronic kidney disease, stage 4 (severe)"), "chf": ("I50.22", "Chronic systolic (congestive) heart failure"),
       "copd": ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"), "tb": ("A15.0", "Tuberculosis of lung"),
       "ltbi": ("R76.11", "Nonspecific reaction to tuberculin skin test without active tuberculosis"), "gc": ("A54.9", "Gonococcal infection, unspecified"),
       "syph": ("A53.9", "Syphilis, unspecified"), "measles": ("B05.9", "Measles without complication"), "gdm": ("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"),
       "pu3": ("L89.153", "Pressure ulcer of sacral region, stage 3"), "caries": ("K02.52", "Dental caries on pit and fissure surface penetrating into dentin"),
       "afib": ("I48.91", "Unspecified atrial fibrillation"), "uti": ("N39.0", "Urinary tract infection, site not specified"), "oud": ("F11.20", "Opioid dependence, uncomplicated"),
       "aud": ("F10.20", "Alcohol dependence, uncomplicated"), "oa": ("M17.11", "Unilateral primary osteoarthritis, right knee"), "sz": ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"),
       "obes": ("E66.01", "Morbid (severe) obesity due to excess calories"), "hear": ("H90.3", "Sensorineural hearing loss, bilateral"),
       "hipfx": ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter"), "hiv": ("B20", "Human immunodeficiency virus [HIV] disease"),
       "hypok": ("E87.6", "Hypokalemia"), "cp": ("R07.9", "Chest pain, unspecified"), "stemi": ("I21.3", "ST elevation (STEMI) myocardial infarction of unspecified site"),
       "ptsd": ("F43.10", "Post-traumatic stress disorder, unspecified"), "hyperthy": ("E05.90", "Thyrotoxicosis, unspecified without thyrotoxic crisis")}
def icd(k): return ICD[k][0]
def icdx(k): return f"{ICD[k][0]} {ICD[k][1]}"
NWC, KF, OC, TB, RT, EC, CC, DL, AH, HL, CW, BC = (O(k) for k in ["nwc", "kf", "oc", "tb", "rt", "ec", "cc", "dl", "ah", "hl", "cw", "bc"])

@tmpl("phi", "narr")
def kf_callback(r):
    p = pt(r, 45, 80); n = doc_(r); a1c = r.choice(["9.4", "10.1", "8.8", "11.2"])
    t = (f"Called {p.given} back at {r.choice(['11:40', '2:15', '4:05'])} re: {p.his} labs from {fd(past(r, 3, 9), 'm/d/yy')}. "
         f"A1c {a1c} (was {float(a1c) - 1.3:.1f} in spring). {p.he.capitalize()} admits {p.he} ran out of metformin about 3 weeks ago b/c the pharmacy in {p.city} "
         f"closed for the season and {p.he} hasn't made the drive to Larchmont Prairie. Sent 90-day supply to Driftline mail order, address confirmed. "
         f"{n.dr} wants {p.him} back in 4 wks w/ a fingerstick log. Pt verbalized understanding. {p.he.capitalize()} also asked about the shingles shot - told {p.him} we can do it at the f/u.")
    return Doc(KF, "rural-clinic/nurse-callback", None, [P(t)], subj=r.choice(["callback done", "phone note", "re: lab call", "A1c call back"]))

@tmpl("phi", "narr")
def portal_reply(r):
    p = pt(r, 25, 70); n = doc_(r); k = r.choice(["3.1", "3.2", "2.9"]); rn = staff(r, "RN")
    t = (f"Hi {p.given},\n\nThanks for your message. Your potassium came back a little low at {k} (normal is 3.5 to 5.1). This can happen with the "
         f"water pill you started in {MON[past(r, 40, 90).month - 1]}, the hydrochlorothiazide. {n.dr} would like you to start the potassium chloride 20 mEq tablet "
         f"once a day with food - I sent it to the Safeway pharmacy on file. Please come in for a repeat blood draw in about 10 days; you can walk in at the lab "
         f"any weekday before 4.\n\nIf you notice muscle cramps, weakness or a fluttering heartbeat before then, call us right away.\n\nTake care,\n{rn.given}, RN for {n.dr}")
    return Doc(OC, "primary-care/portal-reply", None, [P(t)], subj="RE: question about my blood test", to=(p.full, p.email), sender=rn)

@tmpl("phi", "narr")
def phone_msg(r):
    p = pt(r, 70, 94, "M"); dtr = r.choice(["Tina", "Becky", "Carla", "Joanne", "Marnie"]); w = r.choice(["Sunday", "Saturday night", "yesterday morning"])
    t = (f"PHONE MSG  {fd(TODAY, 'm/d/yy')} {clock(r)}\nFrom: {dtr} (daughter) cell {r.choice(['(360)', '(509)'])} 555-{dg(r, 4)}\nRe: her dad {p.given} {p.family}\n\n"
         f"says he fell {w} getting out of the recliner, didn't hit his head per her, but now his R hip is sore and he won't walk to the bathroom w/o the walker. "
         f"he's on eliquis. she wants to know if he should go to the ER or can he be seen today. also asking if hospice can come out sooner - the intake nurse was supposed to call back friday. "
         f"pls call her, she's at work until 5 but can step out.\n\ntaken by {staff(r).given[0]}{staff(r).family[0]}")
    return Doc(KF, "rural-clinic/phone-message", None, [PRE(t)], subj=r.choice(["phone msg", "pls call back - daughter", "msg for Dr"]))

@tmpl("phi", "form", "narr")
def result_letter(r):
    p = pt(r, 30, 75); n = doc_(r); lab = r.choice([("thyroid (TSH)", "0.08 mIU/L", "low", "an overactive thyroid", "hyperthy"),
                                                   ("hemoglobin A1c", "6.9 %", "high", "diabetes", "dm2"),
                                                   ("hepatitis C antibody", "reactive", "positive", "past or current hepatitis C infection", None)])
    blocks = [P(f"{fd(TODAY, 'long')}\n\n{p.full}\n{p.street}\n{p.city}, {p.st} {p.zip}"),
              P(f"Dear {p.ttl},"),
              P(f"This letter is about your recent blood test from {fd(past(r, 5, 20), 'long')}. Your {lab[0]} result was {lab[1]}, which is {lab[2]}. "
                f"This can be a sign of {lab[3]}. It does not by itself mean something serious, but {n.dr} would like to talk with you about next steps."),
              P(f"Please call our office at {KF.phone} to schedule a visit in the next two weeks. If you have already scheduled, thank you - you can ignore this reminder."),
              P(f"Sincerely,\n\n{n.wc}\nKestrel Falls Rural Health Clinic")]
    if r.random() < 0.5: blocks.insert(1, KV(("Date of birth", dob(r, p)), ("Patient no.", mrn(r))))
    return Doc(KF, "rural-clinic/result-letter", None, blocks, subj=r.choice(["result letter", "letter to print and mail", "Results letter - please mail"]))

@tmpl("phi", "narr")
def appt_reminder(r):
    p = pt(r, 20, 70); when = soon(r, 2, 12); kind = r.choice([
        ("Behavioral Health", "your counseling appointment with Theo", "Bring a list of your current medicines, including the sertraline dose."),
        ("Infusion Center - Oncology", "your cycle 4 infusion", "Please have your labs drawn the day before. Plan for about 4 hours; you may bring one support person."),
        ("Recovery Services", "your Suboxone (buprenorphine) visit", "Please arrive 15 minutes early to give a urine sample."),
        ("Wound Clinic", "your wound check and dressing change", "Please do not remove the wrap on your left leg before the visit.")])
    t = (f"Hello {p.given},\n\nThis is a reminder of {kind[1]} at Northwind Cedar {kind[0]} on {when.strftime('%A')}, {fd(when, 'long')} at {clock(r)}.\n\n"
         f"{kind[2]}\n\nTo cancel or reschedule, reply to this message or call (360) 555-0142 and choose option 3.\n\nNorthwind Cedar Health")
    return Doc(NWC, "scheduling/appt-reminder-revealing", None, [P(t)], subj=f"Appointment reminder - {fd(when, 'shortmon')}", to=(p.full, p.email))

@tmpl("phi", "narr")
def snf_family(r):
    p = pt(r, 78, 96); fam = pt(r, 40, 65); um = staff(r, "RN")
    t = (f"Hi {fam.given},\n\nQuick update on your {'father' if p.sex == 'M' else 'mother'}. {p.given} had a pretty good week - PT has {p.him} walking to the dining room "
         f"with the front-wheeled walker, about 80 feet. The urine culture from last Tuesday grew E. coli, so Dr. {staff(r).family} started {p.him} on nitrofurantoin for 5 days; "
         f"the confusion we saw over the weekend is already better. {p.he.capitalize()} is eating about half of meals, so dietary added a Boost at lunch.\n\n"
         f"Care conference is set for {fd(soon(r, 3, 10), 'long')} at 1:30 in the family room off the east hall, or you can call in. Let me know if that works.\n\n"
         f"Warmly,\n{um.given}, RN Unit Manager, Alder Haven")
    return Doc(AH, "snf/family-update", None, [P(t)], subj=f"update on {r.choice(['Mom' if p.sex == 'F' else 'Dad', p.given])}" if r.random() < 0.6 else "weekly update", to=(fam.full, fam.email), sender=um)

@tmpl("phi", "narr", "tab")
def shift_handoff(r):
    rows = []
    probs = [("s/p lap chole POD1, tol clears, ambulating", "dc am if pain ctrl"), ("CHF exac, net -1.2L, on lasix gtt", "BMP 0400, K 3.3 -> replete"),
             ("COPD, 3L NC, nebs q4", "r/o PNA, f/u sputum cx"), ("ETOH w/d, CIWA 14 at 1900", "ativan per protocol, sitter ordered"),
             ("hip fx R, ORIF tmrw 0730", "NPO MN, consent signed"), ("DKA resolved, off insulin gtt", "diabetic educ before dc"),
             ("cellulitis LLE, vanc day 3", "trough 0500"), ("AMS, UTI", "fall risk, bed alarm on")]
    for i, (dx, todo) in enumerate(r.sample(probs, 6)):
        p = pt(r, 30, 92)
        rows.append([f"{r.choice(['2W', '3E', 'ICU', '2W'])}-{r.randint(1, 24):02d}{r.choice(['', 'A', 'B'])}", r.choice([f"{p.family}, {p.given[0]}", f"{p.given[0]}.{p.family[0]}.", p.lf, f"{p.family}"]), p.ax(), past(r, 0, 6), dx, todo])
    return Doc(NWC, "inpatient/shift-handoff", f"Night -> day handoff {fd(TODAY, 'm/d/yy')}", [T(["Rm", "Pt", "Age/Sex", "Adm", "Situation", "To do"], rows),
               P("Charge: call bed board for the 2 holds in ED. Pharmacy still owes us the vanc level time.")], subj="handoff")

@tmpl("phi", "form", "narr")
def ems_run(r):
    p = pt(r, 55, 85, "M"); run = f"{TODAY.year % 100}-{r.randint(1000, 9999):05d}"; m = staff(r, "Paramedic")
    blocks = [KV(("Incident #", run), ("Unit", f"Medic {r.randint(41, 49)}"), ("Date", fd(past(r, 0, 2), "mdy")), ("Dispatch", "chest pain, 911 call from spouse"),
                 ("Location", f"residence, {p.street}, {p.city}")),
              P(f"Arrived to find {r.choice([p.full, p.given + ' ' + p.family.upper()])}, {p.age} y/o male, seated on porch, diaphoretic, c/o crushing substernal CP x 40 min radiating to L jaw. "
                f"Hx HTN, DM2, prior smoker. Meds per wife: lisinopril, metformin, atorvastatin. NKDA. 12-lead: 3 mm STE II, III, aVF with reciprocal changes. "
                f"STEMI alert called to Port Halvern at {mil(r)}. ASA 324 mg chewed, NTG 0.4 SL x2 with pain 8->5, IV 18g L AC, 250 mL NS. "
                f"Vitals 1) BP 98/60 HR 54 RR 20 SpO2 93% RA 2) BP 104/62 HR 58 SpO2 97% 2L. Transport emergent, handoff to cath lab team in ED bay 2."),
              P(f"{m.wc}")]
    return Doc(CW, "ems/run-summary", "Patient Care Report - summary", blocks, subj=f"PCR {run} for QA", sender=m)

@tmpl("phi", "form", "narr")
def dental_note(r):
    p = pt(r, 40, 80); tooth = r.choice(["#19", "#30", "#3", "#14"]); s = staff(r, "DDS")
    blocks = [P(f"{fd(past(r, 0, 3), 'mdy')}  {p.lf}  ({p.age}{p.sex})"),
              P(f"CC: sensitivity to cold LL x 2 wks. Med hx reviewed: HTN (lisinopril), hx of {r.choice(['IV zoledronic acid for osteoporosis 2021-2023', 'alendronate 8 yrs, stopped 2024', 'warfarin for afib, INR 2.6 today'])}. "
                f"Exam: {tooth} MO recurrent caries under existing amalgam, deep. PA radiograph: no PARL. Dx {icd('caries')}. "
                f"Tx today: {tooth} MOD composite, 1 carp 2% lido 1:100k, IANB. Pt tol well. Discussed risk of pulp involvement -> possible RCT. "
                f"Next: SRP UR/UL, consult oral surgery re: 3rd molars given med hx before any extraction."),
              P(f"{s.wc}")]
    return Doc(HL, "dental/treatment-note", "Progress note", blocks, subj=r.choice(["tx note for referral", "progress note", "note from today"]))

@tmpl("phi", "narr", "form")
def tb_dot(r):
    p = pt(r, 20, 60); s = staff(r, "PHN")
    t = (f"{p.given} {p.family} ({p.age}) continues DOT for pulmonary TB, {icd('tb')}, started {fd(past(r, 50, 70), 'mdy')}. Week 8 of RIPE. "
         f"Sputum smear x3 now negative, culture from 9/14 still pending final. Weight up 2.1 kg. Mild nausea with rifampin, taking with crackers helps. "
         f"Missed 2 doses last week when {p.he} was out at fish camp - we arranged for the CHR in {r.choice(['Whitlock Sound', 'Tern Bay', 'Ptarmigan Landing'])} to do video DOT instead. "
         f"Household contacts: wife and 2 kids all IGRA neg, repeat at 8 wks on {fd(soon(r, 5, 20), 'mdy')}. Next clinic visit with Dr. {staff(r).family} for LFTs and visual acuity.")
    return Doc(BC, "public-health/tb-dot", "TB case management - weekly note", [P(t), P(f"-- {s.wc}, Brannock County Public Health TB Program")], subj="TB case weekly", sender=s)

@tmpl("phi", "narr")
def sti_partner(r):
    p = pt(r, 19, 35); s = staff(r, "DIS")
    t = (f"{s.given} here from Brannock County PH disease intervention. Following up on the partner referral for {p.given} {p.family}, {p.age}, "
         f"DOB {dob(r, p)}, named by an index case dx'd with early latent syphilis ({icd('syph')}). Reached {p.him} on the 3rd attempt at the cell ending -{dg(r, 4)}. "
         f"{p.he.capitalize()} agreed to testing and presumptive treatment: Bicillin L-A 2.4 million units IM given {fd(past(r, 0, 4), 'mdy')} at our clinic, RPR drawn. "
         f"Also tested for GC/CT and HIV; HIV rapid neg. {p.he.capitalize()} declined to name other partners today, will re-interview at results visit. "
         f"Please don't reply-all; route to the STI team list only.")
    return Doc(BC, "public-health/sti-partner", None, [P(t)], subj="partner services f/u", sender=s)

@tmpl("phi", "tab")
def measles_contacts(r):
    rows = []
    for i in range(r.randint(7, 10)):
        p = pt(r, 1, 65)
        mmr = r.choice(["2 doses documented", "1 dose", "none / unknown", "born before 1957", "IgG pending", "declined"])
        rows.append([p.full, p.dob, p.phone, r.choice(["ED waiting room", "pharmacy line", "same flight", "daycare room 2", "household"]),
                     mmr, fd(soon(r, 5, 14), "mdy") if "none" in mmr or "1" in mmr else ""])
    return Doc(BC, "public-health/measles-exposure", "Measles exposure - contact follow-up list", [
        P(f"Index case (confirmed measles, {icd('measles')}) was in the Port Halvern ED waiting area and pharmacy on {fd(past(r, 6, 9), 'long')}. "
          "Contacts below need immune status checked; those without evidence of immunity are quarantined to day 21."),
        T(["Contact name", "DOB", "Phone", "Exposure setting", "MMR status", "Quarantine ends"], rows)], subj="measles contacts - working list")

@tmpl("phi", "form")
def referral_letter(r):
    p = pt(r, 40, 78); n = doc_(r); sp = r.choice([("Cardiology", "afib", "new AF with RVR, now rate-controlled on metoprolol; CHA2DS2-VASc 3, started apixaban"),
                                                  ("Nephrology", "ckd4", "eGFR down to 24 from 31 over 6 months, K 5.4, mild anemia"),
                                                  ("Orthopedics", "oa", "R knee OA failed PT, 2 steroid injections; BMI 33, wants to discuss TKA")])
    blocks = [KV(("To", f"Northwind Cedar {sp[0]} - Port Halvern"), ("From", f"{n.wc}, Ouzel Creek Family Medicine"), ("Re", p.LF if r.random() < 0.5 else p.full),
                 ("DOB", dob(r, p)), ("Med Rec #", mrn(r)), ("Insurance", f"Evergreen Crest, Mbr ID {ecmbr(r)}"), ("Phone", p.phone)),
              P(f"Thank you for seeing this {p.age}-year-old {'man' if p.sex == 'M' else 'woman'} for {sp[1] == 'oa' and 'surgical evaluation' or 'co-management'}. Summary: {sp[2]}."),
              KV(("Diagnosis", icdx(sp[1])), ("Other problems", f"{icd('htn')} hypertension; {icd('dm2')} type 2 diabetes")),
              P(f"Most recent notes and labs attached in the shared record. The patient lives about 90 minutes away - a telehealth first visit would be welcome.\n\n{n.wc}")]
    return Doc(OC, "primary-care/referral", "Referral for specialty consultation", blocks, subj=f"Referral - {sp[0]}")

@tmpl("phi", "form")
def prior_auth(r):
    p = pt(r, 30, 64); s = staff(r, "RN, CCM"); n = doc_(r)
    drug = r.choice([("Ozempic 1 mg/0.75 mL pen", "dm2h"), ("Dupixent 300 mg", "asthma"), ("Humira 40 mg pen", "oa")])
    dec = r.choice(["APPROVED", "DENIED - step therapy not met", "PENDED - additional information requested"])
    blocks = [KV(("Member", p.lf), ("Member ID", ecmbr(r)), ("Date of Birth", dob(r, p)), ("Authorization #", f"PA{TODAY.year % 100}-{dg(r, 6)}"),
                 ("Prescriber", f"{n.wc} (NPI {npi(r)})"), ("Drug requested", drug[0]), ("Diagnosis", icdx(drug[1])), ("Determination", dec),
                 ("Effective", f"{fd(TODAY, 'mdy')} - {fd(TODAY + DAY(days=180), 'mdy')}" if dec == "APPROVED" else "")),
              P("Rationale: " + ("Criteria met per policy RX-114." if dec == "APPROVED" else "Plan records show no trial of metformin or a formulary alternative in the last 120 days. "
                "The prescriber may submit chart notes documenting trial/failure or contraindication, or request a peer-to-peer review within 14 days.")),
              P(f"Questions: {s.wc}, Pharmacy Utilization Management, {EC.phone} ext. {r.randint(2000, 2999)}")]
    return Doc(EC, "payer/prior-auth", "Pharmacy prior authorization determination", blocks, subj="PA determination")

@tmpl("phi", "form")
def remit_835(r):
    p = pt(r, 20, 80); cl = claimno(r); amt = r.randint(180, 2400); pd = round(amt * r.uniform(0.3, 0.8), 2)
    x = "\n".join([f"ISA*00*          *00*          *ZZ*EVGCREST       *ZZ*NWCHEALTH      *{TODAY.strftime('%y%m%d')}*0615*^*00501*{dg(r, 9)}*0*P*:~",
                   f"ST*835*{dg(r, 4)}~", f"BPR*I*{pd:.2f}*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}*1{dg(r, 9)}**01*{dg(r, 9)}*DA*{dg(r, 8)}*{TODAY.strftime('%Y%m%d')}~",
                   f"CLP*{acct(r)}*1*{amt:.2f}*{pd:.2f}*{amt - pd:.2f}*12*{cl}*11*1~",
                   f"NM1*QC*1*{asciify(p.family).upper()}*{asciify(p.given).upper()}*{p.mi}***MI*{ecmbr(r)}~",
                   f"DTM*232*{fd(past(r, 30, 60), 'ymd')}~", f"SVC*HC:99214*{amt:.2f}*{pd:.2f}**1~", f"CAS*PR*2*{amt - pd:.2f}~", "SE*9*0001~"])
    blocks = [P(f"Hi - we're seeing the coinsurance on this one applied twice, once on the professional and again on the facility claim. Claim # {cl}. "
                f"The 835 segment is below. Can you have someone reprocess? Patient is calling us about the bill."), PRE(x)]
    return Doc(NWC, "billing/835-remit-question", None, blocks, subj=f"Remit question - claim {cl}")

@tmpl("phi", "form")
def elig_271(r):
    p = pt(r, 66, 88); m = mbi(r)
    x = "\n".join(["ST*271*0001*005010X279A1~", f"BHT*0022*11*{dg(r, 10)}*{TODAY.strftime('%Y%m%d')}*1042~", "HL*1**20*1~", "NM1*PR*2*EVERGREEN CREST MEDICARE ADVANTAGE*****PI*EVGC1~",
                   "HL*2*1*21*1~", f"NM1*1P*2*TERN BAY COMMUNITY CLINIC*****XX*{npi(r)}~", "HL*3*2*22*0~",
                   f"NM1*IL*1*{asciify(p.family).upper()}*{asciify(p.given).upper()}****MI*{m}~", f"N3*{p.street.upper()}~", f"N4*{p.city.upper()}*{p.st}*{p.zip}~",
                   f"DMG*D8*{fd(p.dob, 'ymd')}*{p.sex}~", "EB*1**30**MEDICARE ADVANTAGE HMO~", "EB*C**30***23*240~", "SE*13*0001~"])
    return Doc(TB, "eligibility/271", None, [P("271 back from the plan for tomorrow's charter patients - the one below shows active. Still waiting on the two Medicaid ones."), PRE(x)],
               subj="eligibility 271")

@tmpl("phi", "form")
def hl7_oru(r):
    p = pt(r, 20, 85); res = r.choice([("2823-3", "Potassium", "6.4", "mmol/L", "3.5-5.1", "HH"), ("718-7", "Hemoglobin", "6.2", "g/dL", "12.0-16.0", "LL"),
                                        ("2345-7", "Glucose", "38", "mg/dL", "70-99", "LL"), ("6690-2", "WBC", "1.1", "10*3/uL", "4.0-11.0", "LL")])
    ts = hl7ts(TODAY, r); acc = f"CC{TODAY.year % 100}-{dg(r, 7)}"
    msg = "\r".join([f"MSH|^~\\&|CINDERLIS|CINDERCONE|NWCEPIC|NWC|{ts}||ORU^R01|{dg(r, 10)}|P|2.5.1",
                     f"PID|1||{mrn(r)}^^^NWC^MR||{asciify(p.family).upper()}^{asciify(p.given).upper()}^{p.mi}||{fd(p.dob, 'ymd')}|{p.sex}|||{p.street}^^{p.city}^{p.st}^{p.zip}||{re.sub(r'[^0-9]', '', p.phone)}",
                     f"ORC|RE|{dg(r, 8)}|{acc}", f"OBR|1|{dg(r, 8)}|{acc}|BMP^Basic metabolic panel|||{ts}",
                     f"OBX|1|NM|{res[0]}^{res[1]}^LN||{res[2]}|{res[3]}|{res[4]}|{res[5]}|||F", f"NTE|1||Critical value called to and read back by RN {staff(r).family} at {mil(r)}"])
    return Doc(CC, "lab/hl7-oru-critical", None, [P("Interface team - this ORU errored on the NWC side (PID-3 assigning authority mismatch). Raw message below for your replay queue."),
               PRE(msg.replace("\r", "\n"))], subj=f"ORU reject {acc}")

@tmpl("phi", "form")
def fhir_obs(r):
    p = pt(r, 30, 80); mr = mrn(r)
    pat = {"resourceType": "Patient", "id": f"nwc-{tok(r, 10)}", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": mr}],
           "name": [{"family": p.family, "given": [p.given, p.mi]}], "gender": "male" if p.sex == "M" else "female", "birthDate": p.dob.isoformat(),
           "address": [{"line": [p.street], "city": p.city, "state": p.st, "postalCode": p.zip}], "telecom": [{"system": "phone", "value": p.phone}]}
    obs = {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c/Hemoglobin.total in Blood"}]},
           "subject": {"reference": f"Patient/{pat['id']}"}, "effectiveDateTime": past(r, 1, 20).isoformat(), "valueQuantity": {"value": round(r.uniform(7.2, 11.5), 1), "unit": "%"}}
    return Doc(RT, "tribal/fhir-bundle", None, [P("Here are the two resources from the diabetes registry sync that failed validation (the Observation references the Patient by local id). "
               "Could your team look at why the HIE rejected them?"), PRE(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": pat}, {"resource": obs}]}, indent=2, ensure_ascii=False))],
               subj="FHIR validation errors - registry sync")

@tmpl("phi", "narr", "form")
def mailorder_refill(r):
    p = pt(r, 50, 85); rx = f"{r.randint(6, 7)}{dg(r, 6)}"; d = r.choice([("apixaban 5 mg", "afib"), ("insulin glargine 100 units/mL pen", "dm2"), ("tiotropium 18 mcg caps", "copd"), ("levetiracetam 500 mg", "sz")])
    t = (f"Dear {p.given} {p.family},\n\nWe received a refill request for Rx #{rx} ({d[0]}), but your prescription has no refills left. We have sent a renewal request to "
         f"Dr. {staff(r).family} at Kestrel Falls Clinic. Once approved, your order will ship to {p.street}, {p.city}, {p.st} by USPS Priority; "
         f"orders to {p.st} can take 5-7 days in winter.\n\nYou have about {r.randint(4, 9)} days of medicine left based on your last fill. If the renewal is not approved by "
         f"{fd(soon(r, 2, 4), 'long')}, please call us at {DL.phone} so we can arrange a short supply at a local pharmacy.\n\nDriftline Pharmacy Services")
    return Doc(DL, "mail-order/refill-notice", None, [P(t)], subj="Your refill request needs a new prescription", to=(p.full, p.email))

@tmpl("phi", "tab")
def snf_census(r):
    rows = []
    for i in range(r.randint(8, 11)):
        p = pt(r, 68, 98)
        rows.append([f"{r.choice(['E', 'W'])}{r.randint(101, 128)}{r.choice(['A', 'B'])}", p.lf, p.dob, r.choice(["Medicare A", "Evergreen Crest MA", "Medicaid", "Private pay", "VA"]),
                     r.choice(["s/p R hip ORIF", "CVA L hemi", "CHF", "sepsis/UTI", "PNA, deconditioning", "s/p TKA", "dementia, LTC", "wound vac sacrum"]),
                     past(r, 2, 60), r.choice(["", "isolation - C diff", "hospice", "NPO", "", "1:1 sitter"])])
    return Doc(AH, "snf/census", f"Alder Haven midnight census {fd(TODAY, 'mdy')}", [T(["Room", "Resident", "DOB", "Payer", "Primary dx", "Admit", "Flags"], rows),
               P("Beds open: 2 (W115B female, E122A male). Please send referrals through the portal.")], subj="census")

@tmpl("phi", "tab")
def noshow_list(r):
    rows = []
    for i in range(r.randint(8, 12)):
        p = pt(r, 18, 60)
        rows.append([p.full, p.dob, p.phone, soon(r, -6, -1), r.choice(["intake", "med mgmt", "group", "individual", "MAT induction f/u"]), r.choice(["1st", "2nd", "3rd - discharge letter?"])])
    return Doc(NWC, "behavioral-health/no-show", "Behavioral Health no-show list - week of " + fd(TODAY - DAY(days=7), "mdy"),
               [P("Outreach team: please attempt two calls each and document. Anyone on their 3rd no-show goes to Dr. Castellanos for review."),
                T(["Patient", "DOB", "Phone", "Missed appt", "Visit type", "No-show #"], rows)], subj="no-show outreach list")

@tmpl("phi", "narr", "form")
def spanish_letter(r):
    p = pt(r, 25, 70); n = doc_(r); p.given = r.choice(["Guadalupe", "Rosalinda", "Marisol", "Beatriz", "Lourdes", "Ana Lucía"]); p.family = r.choice(["Hernández", "Zamora", "Ibarra", "Gutiérrez", "Muñoz", "de la Cruz"])
    t = (f"Estimada Sra. {p.family}:\n\nLe escribimos de la Clínica Rural de Kestrel Falls. Los resultados de su prueba de tolerancia a la glucosa del {fd(past(r, 5, 12), 'es')} "
         f"muestran diabetes gestacional ({icd('gdm')}). Esto es común y se puede controlar con cambios en la alimentación.\n\n"
         f"Le hicimos una cita con la educadora en diabetes el {fd(soon(r, 3, 9), 'es')} a las {clock(r)}. Traiga su glucómetro y su libreta.\n\n"
         f"Si tiene preguntas, llame al {KF.phone} y pida hablar con una enfermera en español.\n\nAtentamente,\n{n.wc}")
    blocks = [P(t)]
    if r.random() < 0.6: blocks.insert(0, KV(("Paciente", f"{p.given} {p.family}"), ("Fecha de nacimiento", fd(p.dob, r.choice(["dmy", "es"]))), ("Número de expediente", mrn(r))))
    return Doc(KF, "rural-clinic/spanish-result", "Resultados de laboratorio", blocks, subj="Sus resultados", lang="es", to=(f"{p.given} {p.family}", p.email))

@tmpl("phi", "narr")
def vn_family_update(r):
    p = pt(r, 60, 88); p.given = r.choice(["Tuan", "Minh", "Quang", "Bao"]) if p.sex == "M" else r.choice(["Hoa", "Thu", "Khanh", "Ngoc Anh"]); p.family = r.choice(["Nguyen", "Tran", "Pham", "Vo", "Bui", "Dao"])
    n = doc_(r); cc_ = staff(r, "RN")
    t = (f"Hi Linh,\n\nI spoke with your {'father' if p.sex == 'M' else 'mother'} this morning with the Vietnamese interpreter on the phone. {'Ông' if p.sex == 'M' else 'Bà'} {p.given} "
         f"is doing better on the new inhaler (Trelegy, one puff daily) - no ER visits since September. {p.he.capitalize()} still smokes about 5 a day and wasn't interested in the nicotine patch yet. "
         f"Spirometry next month; we'll also recheck {p.his} sodium because it was 131 last time. You asked about {p.his} memory - {n.dr} will do a formal screen at the visit.\n\n"
         f"Thanks,\n{cc_.given}\nCare Coordinator, Northwind Cedar Pulmonary")
    return Doc(NWC, "care-coordination/family-update-vi", None, [P(t)], sender=cc_, subj=r.choice(["update on the visit", "RE: inhaler question", "pulmonary update"]))

@tmpl("phi", "narr")
def tribal_dialysis(r):
    p = pt(r, 45, 75); s = staff(r, "Care Coordinator")
    t = (f"{r.choice(['Morning', 'Hi all', 'Hello'])} -\n\n{p.given} {p.family} from {r.choice(['Whitlock Sound', 'Ptarmigan Landing'])} is starting in-center hemodialysis at the Port Halvern unit "
         f"{fd(soon(r, 7, 20), 'long')} (ESRD, was CKD stage 4 - {icd('ckd4')} - until this summer). {p.he.capitalize()} has a L arm AV fistula placed 8/12, cleared for use. "
         f"{p.he.capitalize()} can't get home between treatments, so we need lodging at the patient hostel M/W/F and the Tuesday floatplane back for weekends. "
         f"Medicaid travel is approved through December. {p.his.capitalize()} niece will travel with {p.him} as escort the first 2 weeks.\n\n"
         f"Also - {p.he} is diabetic on insulin and has had lows on dialysis days at the other unit, please flag for the charge nurse.\n\n{s.wc}\nRaven Tide Tribal Health Consortium")
    return Doc(RT, "tribal/dialysis-coordination", None, [P(t)], subj=r.choice(["dialysis start + travel", "new HD patient from the villages", "lodging request"]), sender=s)

@tmpl("phi", "form")
def discharge_summary(r):
    p = pt(r, 55, 90); n = doc_(r)
    blocks = [KV(("Patient", p.LF), ("MRN", mrn(r)), ("FIN", fin(r)), ("DOB", dob(r, p)), ("Admit", fd(past(r, 5, 9), "mdy")), ("Discharge", fd(past(r, 0, 2), "mdy")),
                 ("Attending", n.wc), ("Disposition", "Alder Haven Care Center (SNF) for rehab")),
              H("Principal diagnosis"), P(icdx("hipfx") + ", s/p cephalomedullary nail " + fd(past(r, 4, 7), "mdy")),
              H("Hospital course"), P(f"{p.age}-year-old {'man' if p.sex == 'M' else 'woman'} who fell at home. Surgery uncomplicated. Post-op delirium night 2 managed without antipsychotics. "
                "Hgb nadir 8.1, no transfusion. Tolerating diet, voiding, pain controlled on scheduled acetaminophen and oxycodone 5 mg q6h prn."),
              H("Discharge medications"), BUL("Enoxaparin 40 mg SC daily x 28 days", "Acetaminophen 1 g PO q8h", "Oxycodone 5 mg PO q6h PRN severe pain", "Vitamin D3 2000 units daily", "Home lisinopril 10 mg resumed"),
              P("Follow-up: Ortho clinic in 2 weeks for wound check and x-ray. Outpatient DEXA and osteoporosis treatment discussion.")]
    return Doc(NWC, "hospital/discharge-summary", "Discharge Summary", blocks, subj="DC summary for SNF")

@tmpl("phi", "form")
def cms1500(r):
    p = pt(r, 66, 90); n = doc_(r); m = mbi(r, r.random() < 0.4)
    blocks = [KV(("1. Medicare", "X"), ("1a. Insured's ID Number", m), ("2. Patient's Name", f"{asciify(p.family).upper()}, {asciify(p.given).upper()}, {p.mi}"),
                 ("3. Patient's Birth Date / Sex", f"{fd(p.dob, 'space')}  {p.sex}"), ("5. Patient's Address", f"{p.street}, {p.city}, {p.st} {p.zip}"),
                 ("21. Diagnosis", f"A. {icd('copd')}   B. {icd('htn')}"), ("24A. Date of Service", fd(past(r, 10, 40), "mdy")), ("24D. CPT/HCPCS", "99214, 94640"),
                 ("24J. Rendering NPI", npi(r)), ("26. Patient's Account No.", acct(r)), ("28. Total Charge", f"${r.randint(210, 480)}.00"),
                 ("33. Billing Provider", f"Tern Bay Community Clinic  NPI {npi(r)}")),
              P("Resubmitting - original rejected for missing 24J. Please key from this copy.")]
    return Doc(TB, "billing/cms-1500", "CMS-1500 claim (text copy)", blocks, subj="claim resubmission")

@tmpl("phi", "form")
def ub04(r):
    p = pt(r, 30, 80)
    blocks = [KV(("FL 3a PAT CNTL #", acct(r)), ("FL 3b MED REC #", mrn(r)), ("FL 4 TYPE OF BILL", "0111"), ("FL 6 STATEMENT PERIOD", f"{fd(past(r, 20, 25), 'mdy')} - {fd(past(r, 15, 18), 'mdy')}"),
                 ("FL 8 PATIENT NAME", f"{asciify(p.family).upper()} {asciify(p.given).upper()}"), ("FL 9 PATIENT ADDRESS", p.addr1), ("FL 10 BIRTHDATE", fd(p.dob, "mdy").replace("/", "")),
                 ("FL 11 SEX", p.sex), ("FL 42/43 REV CD", "0120 ROOM-BOARD/SEMI; 0250 PHARMACY; 0300 LAB; 0450 EMERG ROOM"), ("FL 60 INSURED'S UNIQUE ID", ecmbr(r)),
                 ("FL 67 PRIN DX", icd("copd")), ("FL 67A-Q OTHER DX", f"{icd('chf')} {icd('afib')}"), ("FL 76 ATTENDING NPI", npi(r)))]
    return Doc(NWC, "billing/ub-04", "UB-04 data review", blocks + [P("Coding - please confirm the POA indicators before we release the claim.")], subj="UB04 review")

@tmpl("phi", "narr", "form")
def billing_dispute(r):
    p = pt(r, 30, 70); a = acct(r)
    t = (f"Dear {p.full},\n\nThank you for your letter disputing the balance on account {a}. We reviewed the visit from {fd(past(r, 60, 120), 'long')}. "
         f"The emergency room charges were processed by Evergreen Crest as out-of-network because your plan lists a different primary hospital. Under the No Surprises Act, "
         f"you should only owe your in-network cost share for emergency care, so we have asked the plan to reprocess and placed the account on hold for 60 days.\n\n"
         f"The charges in question are for the treatment of your {r.choice(['kidney stone', 'asthma attack', 'allergic reaction to bee sting', 'broken wrist'])}, including the CT scan and the medicines you received.\n\n"
         f"Patient Financial Services\nNorthwind Cedar Health\n{NWC.phone}")
    return Doc(NWC, "billing/dispute-reply", None, [P(t)], subj="Your billing dispute", to=(p.full, p.email))

@tmpl("phi", "narr")
def chatty_provider(r):
    n = doc_(r); k = r.randrange(4); p = pt(r, 50, 90, "F" if k in (0, 2) else "M")
    t = [f"hey can u squeeze {p.ttl.lower()} in tmrw am? her inr was 4.3 today, holding coumadin x1, needs recheck thurs. she can only come before 10 b/c of the ferry",
         f"fyi {p.nick} {p.family[0]}. called - bp 188/104 at home, no cp/sob, took extra amlodipine. told him come in at 1. pls put him on my schedule",
         f"{p.given.lower()} {p.family.lower()} in rm 4 is asking for a work note for the cannery, shes on day 3 of abx for the cellulitis, ok to give thru fri?",
         f"can someone call {p.ttl}? path came back - it's a basal cell, margins clear, nothing else needed but derm f/u in 6 mo. thx"][k]
    return Doc(KF, "rural-clinic/chat-style", None, [P(t + f"\n\n-{n.given[0].lower()}")], subj=r.choice(["quick ask", "tmrw", "?", "pls add"]), sender=n)

@tmpl("phi", "form", "narr")
def school_asthma(r):
    p = pt(r, 6, 14); n = doc_(r)
    blocks = [KV(("Student", p.full), ("Birthdate", dob(r, p)), ("School / grade", f"{r.choice(['Kestrel Falls Elementary', 'Ouzel Creek Middle', 'Tern Bay School'])}, grade {max(1, p.age - 5)}"),
                 ("Parent/guardian phone", p.phone)),
              P(f"{p.given} has persistent asthma ({icd('asthma')}). GREEN zone: Flovent HFA 44 mcg 2 puffs twice daily at home. YELLOW zone (cough, wheeze, tight chest): "
                "albuterol 90 mcg 2-4 puffs with spacer every 4 hours; student may carry and self-administer. RED zone: albuterol 6 puffs, call 911 and parent. "
                "Avoid outdoor recess when the air quality index is over 150 (wildfire smoke)."),
              P(f"Signed: {n.wc}, Ouzel Creek Family Medicine   Date: {fd(TODAY, 'mdy')}")]
    return Doc(OC, "pediatrics/asthma-action-plan", "Asthma Action Plan - School Copy", blocks, subj="asthma action plan for school nurse")

@tmpl("phi", "narr")
def prenatal_note(r):
    p = pt(r, 19, 38, "F"); s = staff(r, "CNM")
    t = (f"Lani - I saw {p.given} {p.family[0]}. today, G2P1 at {r.randint(28, 34)} wks. BP 142/94 and 146/92 repeat, 1+ protein on dip, mild headache, no visual changes. "
         f"Sent her to L&D triage at Port Halvern for PIH labs and NST - her partner is driving, ETA 90 min. She's GBS unknown, Rh pos. "
         f"Please call report to triage, I'm heading into a delivery. Her prenatal record is in the shared chart.\n\n{s.given}")
    return Doc(KF, "ob/prenatal-transfer", None, [P(t)], subj="sending pt to triage", sender=s)

@tmpl("phi", "form")
def wound_snf(r):
    p = pt(r, 70, 95)
    blocks = [KV(("Resident", p.lf), ("Room", f"{r.choice(['E', 'W'])}{r.randint(101, 128)}"), ("Date", fd(TODAY, "mdy")), ("Site", "sacrum/coccyx"), ("Stage", "3 (" + icd("pu3") + ")")),
              P(f"Wound measures 4.2 x 3.1 x 0.8 cm, 20% slough at 6 o'clock, moderate serosanguinous drainage, no odor, periwound macerated. Tx: cleanse NS, calcium alginate, "
                f"bordered foam q48h and prn. Low-air-loss mattress in place. Turn q2h, dietitian consult for protein. Family (son {pt(r).given}) updated by phone."),
              P(f"{staff(r, 'RN, WCC').wc}")]
    return Doc(AH, "snf/wound-assessment", "Weekly wound assessment", blocks, subj="wound note for wound clinic")

@tmpl("phi", "tab")
def lab_critical_log(r):
    rows = []
    for i in range(r.randint(8, 11)):
        p = pt(r, 20, 90); t = r.choice([("K", "6.6 mmol/L"), ("Na", "118 mmol/L"), ("Glu", "42 mg/dL"), ("Hgb", "5.9 g/dL"), ("Plt", "14 K/uL"), ("INR", "7.8"), ("Trop I", "2.41 ng/mL"), ("Lactate", "5.1 mmol/L")])
        rows.append([f"CC{TODAY.year % 100}-{dg(r, 7)}", f"{asciify(p.family).upper()}, {asciify(p.given).upper()}", p.dob, r.choice(["Kestrel Falls", "Tern Bay", "Ouzel Creek", "Alder Haven"]),
                     t[0], t[1], f"{mil(r)}", f"{staff(r).family}, RN", "Y"])
    return Doc(CC, "lab/critical-call-log", "Critical value call log", [T(["Accession", "Patient", "DOB", "Client", "Test", "Result", "Called", "Read back by", "RB"], rows)], subj="critical call log - QA")

@tmpl("phi", "narr")
def hospice_intake(r):
    p = pt(r, 65, 95); s = staff(r, "RN")
    t = (f"New hospice referral: {p.ttl}, {p.age}, lives with {p.his} wife in {p.city}. Metastatic pancreatic ca, declined further chemo after the last CT showed liver progression. "
         f"PPS 40%, eating very little, pain controlled on MS Contin 15 bid + oxycodone IR prn, constipated. Wants to die at home. DNR/POLST signed. "
         f"Son is flying in from Anchorage on Thursday. Please schedule admission visit tomorrow if possible.\n\n{s.wc}, Hospice Intake")
    return Doc(NWC, "hospice/intake", None, [P(t)], subj="hospice referral", sender=s)

@tmpl("phi", "form")
def occ_health(r):
    p = pt(r, 20, 55, "M"); c = f"WC-{dg(r, 2)}-{dg(r, 6)}"
    blocks = [KV(("Employee", p.full), ("Employer", "North Tide Seafoods, Tern Bay processing plant"), ("L&I / workers' comp claim", c), ("Date of injury", fd(past(r, 7, 20), "mdy")), ("SSN (last 4)", ssn(r)[-4:])),
              P(f"Laceration R index finger from filleting knife, 3 cm, tendon intact, 5 sutures. Tetanus updated. Return to work {fd(soon(r, 1, 4), 'mdy')} with restriction: no knife work, "
                "glove on right hand, keep dry x 10 days. Recheck and suture removal in 10 days at Tern Bay Clinic."),
              P(f"Provider: {doc_(r).wc}")]
    return Doc(TB, "occupational/work-status", "Work status report", blocks, subj="work status - processing plant")

@tmpl("phi", "narr")
def audiology(r):
    p = pt(r, 60, 88); s = staff(r, "AuD")
    t = (f"Hello {p.ttl},\n\nYour new hearing aids (Phonak Lumity L70, both ears) arrived. Your hearing test showed moderate to severe hearing loss in both ears ({icd('hear')}), "
         f"worse for high pitches, which is why voices on the phone have been hard to follow. Please bring your phone to the fitting on {fd(soon(r, 3, 12), 'long')} so we can pair them.\n\n"
         f"Evergreen Crest covered $1,500 toward the pair; your remaining balance is $780.\n\n{s.wc}")
    return Doc(NWC, "audiology/patient-letter", None, [P(t)], subj="Your hearing aids are here", to=(p.full, p.email), sender=s)

@tmpl("phi", "form", "narr")
def ssn_id_only(r):
    p = pt(r, 30, 80)
    blocks = [P(f"Registration - please correct the account. The patient's SSN was keyed wrong at check-in on {fd(past(r, 1, 4), 'mdy')}."),
              KV(("Patient SSN (correct)", ssn(r)), ("MRN", mrn(r)), ("HAR", har(r)))]
    return Doc(NWC, "registration/ssn-correction", None, blocks, subj="demographic correction")

@tmpl("phi", "narr")
def tagalog_ptcall(r):
    p = pt(r, 65, 90); p.given = r.choice(["Corazon", "Ligaya", "Imelda", "Evangeline", "Maricel"]) if p.sex == "F" else r.choice(["Rodel", "Danilo", "Jericho", "Teodoro"])
    p.family = r.choice(["dela Cruz", "Villanueva", "Bautista", "Macaraeg", "Ocampo", "Santos"])
    t = (f"Nurse line call {fd(TODAY, 'm/d')}: grandson called for {'Lola' if p.sex == 'F' else 'Lolo'} {p.nick} ({p.given} {p.family}) - "
         f"she's had diarrhea x3 days, now dizzy when standing, on lisinopril and furosemide. Sounds dry. Advised hold the furosemide today, push fluids/ORS, "
         f"and come in for BMP this afternoon; if she faints or can't keep fluids down go to ED. Grandson will bring her at 2. Interpreter (Tagalog) not needed, he translated.")
    if p.sex == "M": t = t.replace(" she", " he").replace("she's", "he's").replace(" her ", " him ").replace("bring her", "bring him")
    return Doc(OC, "nurse-line/triage-call", None, [P(t)], subj="nurse line")

@tmpl("phi", "narr")
def ru_translator(r):
    p = pt(r, 55, 85); p.given = r.choice(["Dmitri", "Sergei", "Yuriy", "Anatoly"]) if p.sex == "M" else r.choice(["Svetlana", "Olga", "Yelena", "Tatyana"])
    fam = r.choice(RU_FAM); p.family = fam[0] if p.sex == "M" else fam[1]
    t = (f"Interpreter services - request for Russian interpreter, in person if possible:\n\n{p.given} {p.family}, {fd(soon(r, 2, 8), 'm/d')} at {clock(r)}, Cardiology clinic 2nd floor. "
         f"Visit is to discuss results of the echo and whether {p.he} needs a valve replacement (severe aortic stenosis). Family prefers a female interpreter. "
         f"Please confirm with the scheduler, {staff(r).given}.")
    return Doc(NWC, "interpreter/request-ru", None, [P(t)], subj="interpreter request - Russian")

@tmpl("phi", "tab")
def registry_diabetes(r):
    rows = []
    for i in range(r.randint(9, 12)):
        p = pt(r, 30, 80)
        rows.append([p.lf, p.dob, r.choice(["Whitlock Sound", "Ptarmigan Landing", "Tern Bay"]), round(r.uniform(6.4, 12.8), 1), past(r, 20, 300),
                     r.choice(["yes", "no", "due"]), r.choice(["metformin", "metformin + glipizide", "insulin glargine", "semaglutide", "none"]), r.choice(["", "needs eye exam", "foot exam due", "UACR high"])])
    return Doc(RT, "tribal/diabetes-registry", "Diabetes registry - A1c over 9 outreach", [T(["Name", "DOB", "Village", "Last A1c", "A1c date", "Retinal exam", "Meds", "Gap"], rows),
               P("For CHR home visits in the December circuit. Do not forward outside the consortium.")], subj="registry outreach list")

@tmpl("phi", "tab")
def refill_queue(r):
    rows = []
    for i in range(r.randint(8, 11)):
        p = pt(r, 35, 88); d = r.choice(["atorvastatin 40 mg", "sertraline 100 mg", "lisinopril 20 mg", "buprenorphine-naloxone 8-2 mg film", "levothyroxine 75 mcg", "insulin lispro pen", "apixaban 5 mg", "albuterol HFA"])
        rows.append([f"{r.randint(6, 7)}{dg(r, 6)}", p.full, p.dob, d, ndc(r), r.choice(["90", "30", "28", "1 box"]), r.choice(["awaiting MD", "PA required", "ready to ship", "address verify"])])
    return Doc(DL, "mail-order/refill-queue", "Refill exception queue", [T(["Rx #", "Member", "DOB", "Drug", "NDC", "Qty", "Status"], rows)], subj="refill exceptions")

@tmpl("phi", "narr")
def dental_portal(r):
    p = pt(r, 8, 15); par = pt(r, 30, 50); fo = staff(r, "Front Office")
    t = (f"Hi {par.given},\n\nJust following up on {p.given}'s visit on {fd(past(r, 1, 6), 'shortmon')}. Dr. {staff(r).family} found four cavities (two on the lower left baby molars) and "
         f"recommends nitrous for the fillings since {p.given} was pretty anxious. We also saw some early crowding - an ortho consult might be worth it next year.\n\n"
         f"Apple Health (Medicaid) covers the fillings and sealants. Want me to book two 45-minute visits after school?\n\nThanks!\n{fo.given}, Harbor Light Dental front desk")
    return Doc(HL, "dental/parent-followup", None, [P(t)], subj="follow up from the visit", to=(par.full, par.email), sender=fo)

@tmpl("phi", "narr")
def medevac(r):
    p = pt(r, 20, 70); s = staff(r, "PA-C")
    t = (f"Medevac request from Tern Bay: {p.ax()}, {p.given} {p.family}. Fell from skiff onto dock ~3 hrs ago, L chest wall pain, SpO2 89% RA -> 95% on 4L, decreased BS L base, "
         f"possible hemothorax on our portable film. HR 118, BP 102/70. Weather ceiling 800 ft, fixed-wing can land per flight service. Accepting: Port Halvern trauma. "
         f"{s.wc}, on call.")
    return Doc(TB, "ems/medevac-request", None, [P(t)], subj="medevac", sender=s)

# ================================================================== content: clean documents (hard negatives included)
@tmpl("clean", "tab", "form")
def oncall_schedule(r):
    rows = []
    d0 = soon(r, 1, 5)
    for i in range(10):
        a, b = doc_(r), staff(r, "RN")
        rows.append([d0 + DAY(days=i), (d0 + DAY(days=i)).strftime("%a"), a.wc, b.wc, r.choice(["(360) 555-0142 x4410", "pager 7731", "cell via operator"])])
    return Doc(NWC, "scheduling/on-call", "Hospitalist & house supervisor on-call - " + MON[d0.month - 1], [T(["Date", "Day", "Hospitalist", "House supervisor", "Contact"], rows),
               P("Swaps must be approved by the medical director and entered in the paging system 24 hours ahead.")], subj="on-call schedule")

@tmpl("clean", "narr", "form")
def measles_newsletter(r):
    return Doc(BC, "public-health/newsletter-measles", "Brannock County Health Bulletin - Measles: what clinicians need to know", [
        P("Measles cases have been reported in three Pacific Northwest counties this fall. Measles (ICD-10-CM B05.9 when uncomplicated) is highly contagious: "
          "the virus can stay in the air of a room for up to two hours after an infected person leaves."),
        BUL("Suspect measles in anyone with fever, rash, and cough, coryza or conjunctivitis, especially after travel.", "Mask the patient and room them immediately in an airborne infection isolation room if available.",
            "Collect a nasopharyngeal swab for PCR and serum for IgM; call Brannock County Public Health before sending specimens.",
            "Evidence of immunity: two documented MMR doses, lab evidence, or birth before 1957."),
        P(f"Our immunization clinic offers free MMR for uninsured adults every Tuesday, 1-4 PM. Questions: {BC.phone}.")], subj="Health bulletin: measles")

@tmpl("clean", "tab", "form")
def deid_stats(r):
    rows = [[c, r.randint(80, 420), f"{r.uniform(55, 82):.1f}%", f"{r.uniform(8, 24):.1f}%", f"{r.uniform(60, 90):.0f}%"] for c in ["Kestrel Falls", "Ouzel Creek", "Tern Bay", "Larchmont Prairie", "Port Halvern Primary Care", "Cedar Spit"]]
    return Doc(NWC, "quality/deidentified-stats", "Diabetes control by clinic - Q3 2026 (de-identified, aggregate)", [
        P("Counts are patients 18-75 with diabetes seen at least once in the last 12 months. No patient-level data is included; cells under 11 are suppressed per policy."),
        T(["Clinic", "Patients (n)", "A1c < 8%", "A1c > 9% / missing", "Eye exam done"], rows),
        P("Tern Bay's improvement follows the CHA/P-led point-of-care A1c pilot. Next review at the December quality council.")], subj="Q3 diabetes dashboard")

@tmpl("clean", "narr")
def it_ticket(r):
    t = f"INC{dg(r, 7)}"; s = staff(r)
    return Doc(NWC, "it/ticket", None, [P(f"Ticket {t} has been updated.\n\nShort description: Zebra label printer at {r.choice(['Kestrel Falls front desk', 'Tern Bay lab', 'Alder Haven nurse station', '3 West'])} prints blank labels\n"
               f"Assigned to: {s.full} (Field Services)\nPriority: 3 - Moderate\nState: In Progress\n\nWork notes: Replaced printhead ribbon, recalibrated media sensor. "
               f"Asset tag NWC-{dg(r, 6)}, serial {up(r, 2)}{dg(r, 8)}. Will confirm with the user tomorrow at 9 and close if resolved.\n\n"
               "Reply to this e-mail to add a comment. Do not include patient information in tickets.")], subj=f"{t} updated - label printer")

@tmpl("clean", "narr", "form")
def car_insurance(r):
    s = staff(r); pol = f"{up(r, 3)}-{dg(r, 7)}-{dg(r, 2)}"
    return Doc(NWC, "personal/car-insurance", None, [P(f"Hi, this is {s.full} - I'm writing about auto policy {pol}. I replaced the windshield on my 2019 Subaru Outback after a rock chip on Highway 20; "
               f"the glass shop invoice is #{dg(r, 6)} for $612.40. Can you confirm whether my comprehensive deductible applies? My date of birth on the policy is listed wrong too - "
               "it should match my driver's license, I can send a copy.\n\nThanks,\n" + s.full)], subj=f"Policy {pol} - glass claim question")

@tmpl("clean", "narr", "form")
def vendor_quote(r):
    rows = [[f"{up(r, 3)}{dg(r, 5)}", d, f"{r.randint(2, 40)} cs", f"${r.uniform(9, 340):.2f}"] for d in ["Nitrile exam gloves, M, 200/bx", "Sterile gauze 4x4, 12-ply", "IV start kit w/ CHG", "Specimen transport bag, biohazard", "Alcohol prep pads, medium"]]
    return Doc(NWC, "supply-chain/vendor-quote", f"Quote Q-{dg(r, 6)} - Cascade Medical Supply", [P(f"Per your request, pricing for the Tern Bay and Kestrel Falls standing order. Quote valid 30 days. Ship-to account 40{dg(r, 5)}."),
               T(["Catalog #", "Description", "Qty", "Ext. price"], rows), P(f"PO {dg(r, 7)} will be referenced on the invoice. Freight to Alaska ships via barge every other Thursday.")], subj="quote for standing order")

@tmpl("clean", "form", "narr")
def training_identifiers(r):
    return Doc(NWC, "training/identifier-examples", "Registration training module 4 - identifiers", [
        P("Use ONLY the sample values below in training. Never use a real patient's numbers in slides, screenshots or test environments."),
        KV(("Sample SSN (historic specimen card)", "078-05-1120"), ("Format of an SSN", "AAA-GG-SSSS"), ("CMS example Medicare number (MBI)", "1EG4-TE5-MK73"),
           ("MBI format string", "1AA1-AA1-AA11"), ("Training MRN range", "TRN000001 - TRN000500 (test environment only)"), ("Test patient", "ZZTEST, TRAINING ONE")),
        P("Reminder: the MBI never contains the letters S, L, O, I, B or Z. If a card shows one of those, it is probably a typo - ask the patient for the card, don't guess.")], subj="Registration training - identifiers handout")

@tmpl("clean", "narr")
def birthday_party(r):
    s = staff(r); d = soon(r, 2, 10)
    return Doc(KF, "staff/birthday", None, [P(f"Shhh! {s.given} {s.family}'s 50th birthday is {fd(d, 'long')}. We're doing a potluck in the break room at noon on {d.strftime('%A')}. "
               f"Sign-up sheet for food is on the fridge - {r.choice(['Greer', 'Marchetti', 'Stroud'])} is bringing the huckleberry cake. Card is circulating in the lab, please sign by Wednesday. "
               "Don't let it slip at huddle!")], subj="surprise party - keep it quiet!")

@tmpl("clean", "tab", "form")
def class_schedule(r):
    rows = []
    for c in ["BLS Provider (renewal)", "ACLS", "PALS", "Childbirth Preparation (community class)", "Stop the Bleed", "Mental Health First Aid", "NRP"]:
        rows.append([c, soon(r, 5, 60), f"{clock(r)}", r.choice(["Port Halvern Education Center Rm 2", "Kestrel Falls Fire Hall", "Zoom", "Alder Haven dining room"]), staff(r, r.choice(["RN", "Paramedic", "MD"])).wc, f"{r.randint(6, 24)}"])
    return Doc(NWC, "education/class-schedule", "Winter class calendar", [T(["Class", "Date", "Start", "Location", "Instructor", "Seats"], rows), P("Register in the learning system. Community classes are open to the public.")], subj="class calendar")

@tmpl("clean", "narr")
def room_booking(r):
    return Doc(NWC, "facilities/room-booking", None, [P(f"Your reservation is confirmed.\n\nRoom: Conference Room {r.randint(2, 4)}{r.choice('ABC')} (seats 14)\nDate: {fd(soon(r, 2, 20), 'long')}\nTime: 10:00-11:30\n"
               f"Booked by: {staff(r).full}\nEvent: {r.choice(['Board Finance Committee', 'Nursing Practice Council', 'Epic upgrade walkthrough', 'Foundation gala planning'])}\nConfirmation #: RB-{dg(r, 6)}\n\n"
               "AV: ceiling projector, Teams room kit. Catering must be ordered separately 72 hours ahead.")], subj="Room reservation confirmed")

@tmpl("clean", "form", "narr")
def device_recall(r):
    lots = [f"{up(r, 1)}{dg(r, 6)}" for _ in range(4)]
    return Doc(NWC, "supply-chain/device-recall", "URGENT: Medical device recall notice", [
        P(f"The manufacturer has issued a Class II recall of the FlowRight 20-drop IV administration set (catalog FR-20{dg(r, 3)}) because the roller clamp may crack under pressure. "
          "No patient injuries have been reported in our system."),
        KV(("Affected lots", ", ".join(lots)), ("Expiration range", "2027-03 to 2027-09"), ("Action", "Quarantine affected lots; do not use"), ("Return authorization", f"RMA-{dg(r, 7)}")),
        P("Unit managers: check clean utility rooms, crash carts and the Tern Bay and Ptarmigan Landing clinic stock. Complete the attestation in the supply portal by Friday.")], subj="Recall: IV administration sets")

@tmpl("clean", "tab", "form")
def ph_aggregate(r):
    rows = [[w, r.randint(0, 6), r.randint(0, 3), r.randint(3, 25), r.randint(0, 4), r.randint(50, 400)] for w in [f"Week {i}" for i in range(38, 45)]]
    return Doc(BC, "public-health/aggregate-report", "Brannock County notifiable conditions - weekly counts (provisional)", [
        P("Counts are by week of report. Numbers are provisional and small counts are not suppressed because no personal information is shown."),
        T(["MMWR week", "Pertussis", "Active TB", "Chlamydia", "Syphilis (all stages)", "Influenza (lab-confirmed)"], rows),
        P("Wastewater SARS-CoV-2 levels at the Port Halvern treatment plant are low and stable.")], subj="weekly notifiable conditions")

@tmpl("clean", "narr", "form")
def job_posting(r):
    return Doc(TB, "hr/job-posting", "Now hiring: Community Health Aide/Practitioner (CHA/P)", [
        P("Tern Bay Community Clinic is hiring two CHA/Ps to serve Tern Bay and Ptarmigan Landing. Housing provided; relocation assistance available. "
          "Training through the Alaska CHAP certification pathway is paid."),
        BUL("Requirements: high school diploma or GED, valid driver's license, ability to travel by small aircraft and skiff", "Preferred: CHAP Session I complete, experience in a village clinic",
            f"Pay: $31.50 - $44.80/hr DOE, plus rural differential", f"Apply by {fd(soon(r, 14, 30), 'long')}: careers.ternbayclinic.org, requisition {TODAY.year}-{dg(r, 4)}")], subj="job posting - CHA/P")

@tmpl("clean", "narr")
def hipaa_reminder(r):
    return Doc(NWC, "compliance/hipaa-reminder", None, [P(f"Annual HIPAA privacy and security training is due by {fd(soon(r, 10, 30), 'long')}. It takes about 35 minutes in the learning system (course HIP-2026). "
               "New this year: a short module on texting and secure chat, and a reminder that patient information must never be sent to a personal e-mail address.\n\n"
               "Managers will get a completion report every Monday. Questions: privacy@northwindcedar.org or ext. 4470.\n\nCompliance & Privacy Office")], subj="Reminder: HIPAA training due")

@tmpl("clean", "form", "narr")
def form_revision(r):
    return Doc(NWC, "him/form-revision", "Notice of form revision - Patient Registration Form NWC-REG-01", [
        P("The registration form has been revised. Revision date: 09/15/2026. Please recycle all copies dated 03/01/2024 or earlier."),
        BUL("The 'Date of birth' field now uses MM/DD/YYYY boxes to reduce keying errors.", "Preferred name and pronouns added to section 1.", "Emergency contact moved to page 2.",
            "Spanish, Vietnamese and Russian versions will be available by 12/01/2026."),
        P("Order new pads from the print shop (item PS-4471). Deadline to switch over: 11/30/2026.")], subj="Revised registration form")

@tmpl("clean", "form", "tab")
def invoice_po(r):
    rows = [[f"{dg(r, 5)}", d, q, f"${p:.2f}", f"${q * p:.2f}"] for d, q, p in [("Dental composite A2 syringe", 10, 38.5), ("Prophy paste, medium", 6, 22.0), ("Nitrile gloves S", 12, 11.9), ("Fluoride varnish 5% unit dose", 4, 64.0)]]
    return Doc(HL, "accounts-payable/invoice", f"Invoice INV-{dg(r, 6)}", [KV(("Bill to", "Harbor Light Dental Group, Accounts Payable"), ("Customer acct #", f"{dg(r, 4)}-{dg(r, 4)}"),
               ("PO number", f"PO-{dg(r, 6)}"), ("Invoice date", fd(past(r, 1, 10), "mdy")), ("Terms", "Net 30")), T(["Item #", "Description", "Qty", "Unit", "Amount"], rows)], subj="invoice")

@tmpl("clean", "narr")
def gym_membership(r):
    s = staff(r)
    return Doc(NWC, "wellness/gym-membership", None, [P(f"Hi {s.given},\n\nYour Northwind Cedar employee wellness discount has been applied at Tideline Athletic Club. Member # TAC-{dg(r, 7)}, "
               f"renewal date {fd(soon(r, 100, 300), 'mdy')}. Your monthly dues are now $24 (was $49). Show your badge at the front desk to pick up your key fob.\n\nWellness Team")], subj="wellness discount applied")

@tmpl("clean", "form")
def board_minutes(r):
    return Doc(NWC, "governance/minutes", "Quality & Patient Safety Committee - minutes", [
        KV(("Date", fd(past(r, 3, 10), "long")), ("Present", ", ".join(staff(r, c).wc for c in ["MD", "RN", "PharmD", "MHA"])), ("Recorder", staff(r).full)),
        P("1. Falls: 14 falls with no/minor injury and 1 with moderate injury in Q3 across inpatient units, down from 21. Hourly rounding audit compliance 88%."),
        P("2. Hand hygiene: 91% observed compliance; Tern Bay clinic will start secret-shopper audits in January."),
        P("3. Sepsis bundle: SEP-1 compliance 71%. Pharmacy to add a 1-hour antibiotic timer to the ED tracking board."),
        P("Next meeting: second Thursday of December, Conference Room 3B.")], subj="QPS minutes")

@tmpl("clean", "form", "narr")
def formulary_update(r):
    rows = [[d, ndc(r), t, n] for d, t, n in [("Semaglutide 1 mg/0.75 mL pen", "Tier 3, PA", "step: metformin"), ("Insulin glargine-yfgn 100 u/mL", "Tier 2", "preferred basal"), ("Fluticasone/salmeterol 250/50", "Tier 2", "generic"), ("Apixaban 5 mg", "Tier 3", "no PA")]]
    return Doc(EC, "payer/formulary-update", "Provider bulletin: January formulary changes", [P("The following changes take effect January 1 for all Evergreen Crest commercial and Medicare Advantage plans."),
               T(["Drug", "NDC", "Tier", "Notes"], rows), P("Members currently on a drug moving to a higher tier will receive a letter and a 90-day transition fill.")], subj="January formulary changes")

@tmpl("clean", "narr", "form")
def visitor_policy(r):
    return Doc(AH, "policy/visitor", "Visitor guidelines - respiratory season", [P("Beginning November 15, visitors with fever, cough or sore throat are asked to postpone their visit. Masks are available at the front desk."),
               BUL("Visiting hours 8 AM - 8 PM; end-of-life visits any time.", "Children under 12 must stay with an adult.", "Pets welcome in the courtyard with proof of rabies vaccination."),
               P("Thank you for helping protect our residents.")], subj="updated visitor guidelines")

@tmpl("clean", "tab", "form")
def floatplane_schedule(r):
    rows = []
    for i in range(8):
        d = soon(r, 2, 40); rows.append([d, r.choice(["Tern Bay", "Ptarmigan Landing", "Whitlock Sound"]), staff(r, r.choice(["MD", "PA-C", "DDS", "RN", "AuD"])).wc, r.choice(["primary care", "dental", "audiology", "behavioral health", "eye clinic"]), r.choice(["0730 Harbor Air", "0900 charter", "1100 mail plane"])])
    rows.sort(key=lambda x: x[0])
    return Doc(RT, "tribal/provider-travel", "Itinerant provider travel - winter circuit", [T(["Date", "Village", "Provider", "Service", "Flight"], rows), P("Weather holds: the coordinator will call by 0600. Bring your own sleeping bag to Ptarmigan Landing.")], subj="winter circuit schedule")

@tmpl("clean", "form", "narr")
def credentialing(r):
    s = doc_(r)
    return Doc(EC, "payer/credentialing", "Provider enrollment confirmation", [KV(("Provider", s.wc), ("Individual NPI", npi(r)), ("Group", "Ouzel Creek Family Medicine"), ("Group NPI", npi(r)),
               ("Effective date", fd(past(r, 1, 20), "mdy")), ("Provider ID", f"EPV{dg(r, 8)}"), ("Recredentialing due", fd(TODAY + DAY(days=3 * 365), "mdy"))),
               P("The provider now appears in the online directory. Claims with dates of service on or after the effective date may be submitted.")], subj="enrollment confirmed")

@tmpl("clean", "narr", "form")
def dental_tips(r):
    return Doc(HL, "dental/newsletter", "Harbor Light Dental - Winter smile tips", [P("Holiday treats are coming! A few tips from our hygienists:"),
               BUL("Drink water after sweets and coffee to rinse sugars away.", "Sealants protect kids' back teeth - ask at your next cleaning.", "Mouthguards for basketball season: we fit custom guards in one visit.",
                   "Bleeding gums are not normal - brush gently along the gumline and floss once a day."),
               P("We're closed Dec 24-26. Welcome to our new hygienist, Tess, who joins us from Bellingham!")], subj="Winter smile tips")

@tmpl("clean", "narr", "form")
def ems_drill(r):
    return Doc(CW, "ems/training-drill", "Mass casualty drill - ferry terminal", [
        P(f"Joint drill with Port Halvern Medical Center and the ferry system on {fd(soon(r, 10, 30), 'long')}, 0900-1200. Scenario: vehicle deck fire with 18 simulated patients "
          "(moulage volunteers from the high school drama club wearing START triage tags). No real patient information will be used."),
        BUL("Staging at the terminal parking lot, Medic 41 and 44, Engine 4", "Command post: Battalion Chief on channel EMS-3", "Hospital will open its surge plan tabletop at 0930",
            "Hot wash in the station bay at 1215 - lunch provided")], subj="MCI drill")

@tmpl("clean", "tab", "form")
def test_menu(r):
    rows = [[c, n, sp, tat] for c, n, sp, tat in [("83036", "Hemoglobin A1c", "EDTA lavender, 3 mL", "1 day"), ("80048", "Basic metabolic panel", "SST gold, 4 mL", "same day"),
            ("87591", "N. gonorrhoeae NAA", "urine or swab (Aptima)", "2 days"), ("86480", "TB IGRA (QuantiFERON)", "4-tube set, ship ambient < 16 h", "3 days"), ("86765", "Measles IgM", "SST 2 mL serum", "4 days")]]
    return Doc(CC, "lab/test-menu", "Client bulletin: test menu and specimen requirements update", [P("Effective December 1, the following tests move to our Bend Ridge core lab. Courier pickup times for rural clients are unchanged."),
               T(["CPT", "Test", "Specimen", "TAT"], rows), P("Questions: Client Services, " + CC.phone)], subj="test menu update")

@tmpl("clean", "narr", "form")
def payer_bulletin(r):
    return Doc(EC, "payer/provider-bulletin", "Claims submission reminder", [P("Starting January 1 we will reject claims that omit the rendering provider NPI in box 24J (CMS-1500) or FL 76-79 (UB-04)."),
               P("Claim numbers in our portal are now 13 digits; the first two digits are the year received (for example 26xxxxxxxxxxx). Use the full number when calling about status."),
               P("Our payer ID for electronic submissions remains EVGC1. Companion guides for 837P/837I/835 are posted on the provider portal.")], subj="claims reminder")

@tmpl("clean", "narr")
def mailorder_delay(r):
    return Doc(DL, "mail-order/service-notice", None, [P("Dear Driftline member,\n\nWinter weather may delay deliveries to rural Alaska and eastern Washington by 2-3 days through February. "
               "To avoid running out, please request refills when you have at least 14 days of medicine left. Temperature-sensitive items ship in insulated packaging with cold packs.\n\n"
               "You can track orders in the Driftline app.\n\nMember Services")], subj="Winter shipping update")

@tmpl("clean", "tab")
def snf_activities(r):
    rows = [[soon(r, 1, 14), a, t, l] for a, t, l in [("Chair yoga", "10:00", "Sunroom"), ("Bingo", "2:00", "Dining room"), ("Salmon bake (family welcome)", "12:00", "Courtyard tent"),
            ("Church service", "10:30", "Chapel"), ("Music with Reid on fiddle", "3:00", "Great room"), ("Movie: The Music Man", "6:30", "Great room")]]
    rows.sort(key=lambda x: x[0])
    return Doc(AH, "snf/activities-calendar", "Alder Haven activities calendar", [T(["Date", "Activity", "Time", "Place"], rows)], subj="activities calendar")

@tmpl("clean", "narr", "form")
def spanish_fair(r):
    return Doc(KF, "community/health-fair-es", "Feria de salud comunitaria", [P(f"La Clínica de Kestrel Falls invita a la comunidad a la feria de salud el sábado {fd(soon(r, 5, 20), 'es')}, de 10 a 2, en el gimnasio de la escuela."),
               BUL("Vacunas contra la gripe y COVID-19 gratis", "Revisión de presión arterial y glucosa", "Información sobre seguro médico (Apple Health)", "Actividades para niños"),
               P("No se necesita cita. Habrá intérpretes de español y mixteco.")], subj="Feria de salud - sábado", lang="es")

@tmpl("clean", "tab")
def flu_volunteers(r):
    rows = [[staff(r, c).wc, r.choice(["vaccinator", "registration", "traffic", "observation"]), r.choice(["8-12", "12-4", "8-4"]), f"(360) 555-{dg(r, 4)}"] for c in ["RN", "RN", "LPN", "MA", "PharmD", "", "", "RN"]]
    return Doc(NWC, "staff/flu-clinic-roster", "Drive-thru flu clinic volunteer roster", [P("Saturday, Port Halvern fairgrounds. Please arrive 30 minutes before your shift."),
               T(["Staff", "Role", "Shift", "Cell"], rows)], subj="flu clinic roster")

@tmpl("clean", "narr")
def staff_spotlight(r):
    s = staff(r, "RN")
    return Doc(NWC, "newsletter/staff-spotlight", None, [P(f"Staff spotlight: {s.full} has worked nights on 2 West for 11 years and just finished her first ultramarathon - 50K on the Pacific Crest Trail! "
               f"{s.given} says the secret is \"huckleberries and stubbornness.\" She also precepts most of our new grads. Congratulations, {s.given}!")], subj="Cedar Notes: staff spotlight")

@tmpl("clean", "tab")
def par_levels(r):
    rows = [[f"{up(r, 2)}{dg(r, 5)}", d, r.randint(4, 40), r.randint(1, 10), r.choice(["Tern Bay", "Ptarmigan Landing", "Whitlock Sound"])] for d in ["Suture kit 4-0 nylon", "Splint, SAM 36 in", "Amoxicillin 500 mg caps (bottle 30)", "Rapid strep kits", "Urine dipsticks", "Epinephrine 1 mg/mL amp", "Blood glucose strips", "Prenatal vitamins"]]
    return Doc(RT, "supply/par-levels", "Village clinic par levels", [T(["Item #", "Item", "Par", "Reorder at", "Site"], rows)], subj="par levels")

@tmpl("clean", "form", "narr")
def x12_companion(r):
    x = "\n".join(["ST*270*0001*005010X279A1~", "BHT*0022*13*10001234*20260101*1319~", "HL*1**20*1~", "NM1*PR*2*PAYER NAME*****PI*12345~", "HL*2*1*21*1~",
                   "NM1*1P*2*PROVIDER NAME*****XX*1234567893~", "HL*3*2*22*0~", "NM1*IL*1*SUBSCRIBER LAST*SUBSCRIBER FIRST****MI*XXXXXXXXX~", "DMG*D8*CCYYMMDD~", "EQ*30~", "SE*11*0001~"])
    return Doc(EC, "payer/companion-guide", "270/271 companion guide excerpt - sample request", [P("The example below uses dummy values only. Replace them with real data when building your transaction; never send the sample to production."),
               PRE(x), P("Note: 1234567893 is the NPI-format example published for testing Luhn check digits; it is not an enrolled provider.")], subj="companion guide excerpt")

@tmpl("clean", "narr")
def ferry_parking(r):
    return Doc(NWC, "facilities/parking", None, [P("Parking update: the north staff lot will close Nov 18-22 for repaving. Use the overflow lot at the ferry terminal; the shuttle runs every 15 minutes from 6:15 AM. "
               "Night shift can park in the visitor garage levels 3-4 with a badge tap. Sorry for the hassle!\n\nFacilities")], subj="north lot closure")

@tmpl("clean", "narr")
def culture_camp(r):
    a, b = staff(r, "CHR"), staff(r, "MPH")
    return Doc(RT, "tribal/health-fair", None, [P(f"Join us for the Raven Tide community wellness day at the Whitlock Sound community hall on {fd(soon(r, 7, 25), 'long')}. "
               f"{a.full} will lead a walk along the beach trail, {b.full} will talk about traditional foods and heart health, and the dental van will do free fluoride varnish for kids. "
               "Soup and fry bread at noon. Elders' transportation available - call the front desk.")], subj="community wellness day")

@tmpl("clean", "narr")
def epic_downtime(r):
    return Doc(NWC, "it/downtime-notice", None, [P(f"Planned downtime: Epic will be unavailable {fd(soon(r, 3, 10), 'long')} from 01:00 to 03:30 PST for the quarterly upgrade. "
               "Downtime forms are in the red binders on every unit; the read-only BCA PCs will print the last census and MAR at 00:45. After recovery, scan paper documentation into Media tab within 24 hours.")], subj="Planned Epic downtime")

@tmpl("clean", "tab")
def badge_access(r):
    rows = [[staff(r).full, f"E{dg(r, 6)}", r.choice(["Pharmacy", "Lab", "Materials", "IT", "EVS"]), r.choice(["added", "removed", "renewed"]), soon(r, 0, 10)] for _ in range(9)]
    return Doc(NWC, "security/badge-access", "Badge access changes - pharmacy vault and server room", [T(["Employee", "Employee ID", "Dept", "Change", "Effective"], rows)], subj="badge access changes")

# ================================================================== content: header-carrier specs
HREG = {"phi": [], "clean": []}
def htmpl(label):
    def deco(fn): HREG[label].append(fn); return fn
    return deco
def HD(o, cat, subject, to=None, cc=None, reply_to=None, extra=None, topic=None, keywords=None, comments=None, frm=None):
    return dict(o=o, cat=cat, subject=subject, to=to, cc=cc, reply_to=reply_to, extra=extra or {}, topic=topic, keywords=keywords, comments=comments, frm=frm)
def colleague(r, o):
    s = staff(r, r.choice(o.creds)); return (s.full, mailbox(s, o.dom))

@htmpl("phi")
def h_subject_shorthand(r):
    p = pt(r, 60, 90, "M"); return HD(KF, "header/rural-clinic/subject-shorthand", f"f/u labs - {p.family}, {p.given} {p.ax()} A1c {r.choice(['9.4', '10.2', '11.0'])} - ran out of metformin", to=[colleague(r, KF)])
@htmpl("phi")
def h_to_dob(r):
    if r.random() < 0.5:
        p = pt(r, 45, 80, "F"); return HD(NWC, "header/care-management/to-display-dob", "care plan", to=[(f"{p.family}, {p.given} (DOB {dob(r, p, 'mdy')})", p.email)])
    p = pt(r, 70, 95, "M"); return HD(NWC, "header/case-management/to-display-mrn", "bed offer", to=[(f"Admissions - {p.family.upper()}, {p.given.upper()} (MRN {mrn(r)}) bed 12", "admissions@alderhavencare.com")])
@htmpl("phi")
def h_fax(r):
    p = pt(r, 60, 88); return HD(OC, "header/fax-server/x-fax-cover", "Fax delivered: 4 pages to (360) 555-0199",
                                  extra={"X-Fax-Cover-Subject": f"Referral - {asciify(p.family).upper()}, {asciify(p.given).upper()} DOB {dob(r, p, 'dot')} - r/o CHF, BNP 1840",
                                         "X-Fax-Pages": "4", "X-Fax-Remote-CSID": "NWC CARDIOLOGY"}, to=[colleague(r, OC)])
@htmpl("phi")
def h_hims_ticket(r):
    p = pt(r, 30, 70); return HD(NWC, "header/him-roi/x-ticket", f"[HIMS-{dg(r, 5)}] Release of information request - status changed to Fulfilled",
                                  extra={"X-HIMS-Ticket": f"ROI-{dg(r, 6)}", "X-HIMS-Patient": f"{p.lf} MRN {mrn(r)}", "X-HIMS-Records": "psych eval 2025, detox admission 03/2026"}, to=[colleague(r, NWC)])
@htmpl("phi")
def h_ehr_context(r):
    p = pt(r, 25, 60); return HD(NWC, "header/ehr-inbasket/x-ehr-context", "In Basket: new Rx Request", extra={"X-EHR-Context": f"Pt: {p.family}, {p.given}; CSN {csn(r)}; Msg type: Rx Request - sertraline 100 mg, quetiapine 50 mg qhs",
                                  "X-EHR-Pool": "BH MED MGMT POOL"}, to=[colleague(r, NWC)])
@htmpl("phi")
def h_thread_topic_room(r):
    p = pt(r, 70, 95, "F"); return HD(NWC, "header/inpatient/thread-topic-room", f"RE: 214B", topic=f"Room 214B - {r_title(p)}{p.family} s/p L hip ORIF, w/d from oxy, daughter wants call",
                                       to=[colleague(r, NWC)])
@htmpl("phi")
def h_keywords_tb(r):
    p = pt(r, 20, 60, "M"); return HD(BC, "header/public-health/keywords-tb", "DOT log week 6", keywords=f"TB, DOT, {p.family} {p.given}, {p.dob.isoformat()}, RIPE", to=[colleague(r, BC)])
@htmpl("phi")
def h_comments_scan(r):
    p = pt(r, 19, 38, "F"); return HD(TB, "header/scanner/comments", "Scanned document from TB-MFP-01", comments=f"Scan to email - patient: {p.given} {p.family}, prenatal labs + Rh status, 3 pages",
                                       extra={"X-Scanner-Job": f"JOB{dg(r, 5)}"}, to=[colleague(r, TB)])
@htmpl("phi")
def h_spanish_subject(r):
    p = pt(r, 40, 75, "F"); p.given = r.choice(["Guadalupe", "Rosalinda", "Beatriz"]); p.family = r.choice(["Zamora", "Esparza", "Quiñones"])
    return HD(KF, "header/rural-clinic/subject-spanish", f"Resultados de laboratorio - Sra. {p.given} {p.family}, fecha de nac. {fd(p.dob, 'dmy')} - colesterol alto", to=[colleague(r, KF)])
@htmpl("phi")
def h_cc_dialysis(r):
    p = pt(r, 50, 80); return HD(RT, "header/tribal/cc-display", "travel voucher", cc=[(f"{p.given} {p.family} - HD pt, Whitlock Sound", p.email)], to=[colleague(r, NWC)])
@htmpl("phi")
def h_chatty_subject(r):
    p = pt(r, 55, 85, "M"); p.family = r.choice(["Pham", "Vo", "Le", "Bui"]); return HD(OC, "header/clinic/subject-chatty", f"mr {p.family.lower()} bp still 190s after 2nd clonidine - pls call", to=[colleague(r, OC)])
@htmpl("phi")
def h_referral_ids(r):
    p = pt(r, 18, 30, "M"); p.suffix = "Jr."; return HD(OC, "header/referral-system/x-referral", "Referral sent", extra={"X-Referral-ID": f"RF{dg(r, 8)}",
                                  "X-Referral-Patient": f"{p.family}, {p.given} {p.mi}. {p.suffix}", "X-Referral-Reason": "Ortho - R knee ACL tear, MRI confirmed"}, to=[colleague(r, NWC)])
@htmpl("phi")
def h_payer_pa(r):
    p = pt(r, 30, 60, "F"); return HD(EC, "header/payer/subject-pa", f"PA{TODAY.year % 100}-{dg(r, 6)} denied - Mbr {ecmbr(r)} - {p.given[0]}. {p.family} - Wegovy", to=[colleague(r, OC)])
@htmpl("phi")
def h_onc_sched(r):
    p = pt(r, 35, 60, "F"); return HD(NWC, "header/scheduling/subject-onc", f"bump {fd(soon(r, 1, 5), 'm/d')} slot? {p.family} {p.given[0]} {p.ax()} C3D1 - ANC 0.6", to=[colleague(r, NWC)])
@htmpl("phi")
def h_portal(r):
    p = pt(r, 20, 40); return HD(NWC, "header/patient-portal/x-portal", "New message from your care team", extra={"X-Portal-Patient": f"{p.given} {p.family} <{p.email}>",
                                  "X-Portal-Message-Type": "Medical advice request: PrEP refill, HIV test due"}, to=[colleague(r, NWC)])
@htmpl("phi")
def h_ems(r):
    p = pt(r, 55, 80, "M"); return HD(CW, "header/ems/subject-pcr", f"PCR {TODAY.year % 100}-{dg(r, 5)} - {p.ax()} Ptarmigan Rd, STEMI, {p.given} {p.family}", to=[colleague(r, NWC)])
@htmpl("phi")
def h_dental(r):
    p = pt(r, 55, 85); return HD(HL, "header/dental/subject-postop", f"{p.lf} - #30 ext post-op bleeding, on Eliquis", to=[colleague(r, HL)])
@htmpl("phi")
def h_measles_baby(r):
    p = pt(r, 1, 1); return HD(BC, "header/public-health/subject-measles", f"measles exposure - contact: baby {p.given} {p.family} (DOB {fd(p.dob, 'm/d/yy')}) unvaccinated, needs IG", to=[colleague(r, BC)])
@htmpl("phi")
def h_lola(r):
    p = pt(r, 75, 92, "F"); p.given = r.choice(["Corazon", "Ligaya", "Evangeline"]); p.family = r.choice(["Villanueva", "Macaraeg", "dela Cruz"])
    return HD(AH, "header/snf/thread-topic-nickname", f"re: Lola {p.nick}", topic=f"Lola {p.nick} {p.family} - fall 0300, CT head neg, on Eliquis", to=[colleague(r, AH)])
@htmpl("phi")
def h_reply_to_rx(r):
    p = pt(r, 40, 80); return HD(DL, "header/mail-order/reply-to-display", "Your order has shipped", reply_to=[(f"RPh re {p.family}, {p.given} - Rx {r.randint(6, 7)}{dg(r, 6)} insulin glargine", "rxhelp@driftlinerx.com")],
                                  to=[(p.full, p.email)])
# ---- clean header counterparts: ordinary headers with names, dates, ticket and room numbers, nothing about anyone's health
@htmpl("clean")
def hc_room(r): d = soon(r, 1, 6); return HD(NWC, "header/evs/subject-room", f"Room 214B floor stripping - {d.strftime('%a')} {fd(d, 'm/d')} 0200", to=[colleague(r, NWC)])
@htmpl("clean")
def hc_ticket(r): t = f"INC{dg(r, 7)}"; return HD(NWC, "header/it/x-ticket", f"[{t}] Printer at Kestrel Falls front desk jammed", extra={"X-ServiceNow-Ticket": t, "X-ServiceNow-Assignment": "Field Services - East"}, to=[colleague(r, KF)])
@htmpl("clean")
def hc_fax(r): return HD(OC, "header/fax-server/x-fax-cover", "Fax delivered: 3 pages", extra={"X-Fax-Cover-Subject": "W-9 and vendor setup form - Cascade Linen Service", "X-Fax-Pages": "3"}, to=[colleague(r, OC)])
@htmpl("clean")
def hc_birthday(r): s = staff(r); return HD(KF, "header/staff/thread-topic-birthday", "cake!", topic=f"{s.given} {s.family} turns 50 on {fd(soon(r, 2, 9), 'shortmon')} - potluck sign-up", to=[colleague(r, KF)])
@htmpl("clean")
def hc_keywords(r): return HD(NWC, "header/finance/keywords", "FY27 capital request - Tern Bay generator", keywords="budget, FY27, capital request, generator, Tern Bay", to=[colleague(r, NWC)])
@htmpl("clean")
def hc_car(r): return HD(NWC, "header/personal/subject-car-policy", f"Re: Claim {dg(r, 2)}-{dg(r, 7)} - windshield, policy {up(r, 3)}-{dg(r, 7)}", to=[("Pemberton Mutual Claims", "claims@pembertonmutual.com")])
@htmpl("clean")
def hc_scanner(r): return HD(TB, "header/scanner/comments", "Scanned document from TB-MFP-01", comments="Scan to email - 2 pages - fuel invoice, generator maintenance log", extra={"X-Scanner-Job": f"JOB{dg(r, 5)}"}, to=[colleague(r, TB)])
@htmpl("clean")
def hc_flu(r): a, b, d = doc_(r), staff(r, "RN"), soon(r, 3, 12); return HD(NWC, "header/staff/subject-volunteers", f"Flu clinic volunteers - {d.strftime('%a')} {fd(d, 'm/d')}, Room B ({a.dr}, {b.given} {b.family} RN)", to=[colleague(r, NWC)])
@htmpl("clean")
def hc_spanish(r): return HD(KF, "header/community/subject-spanish", f"Feria de salud comunitaria - sábado {fd(soon(r, 4, 15), 'es')}", to=[colleague(r, KF)])
@htmpl("clean")
def hc_po(r): return HD(HL, "header/supply/subject-po", f"PO-{dg(r, 6)} shipped - Acct # {dg(r, 4)}-{dg(r, 4)}, invoice INV-{dg(r, 6)}", to=[colleague(r, HL)])
@htmpl("clean")
def hc_interview(r): s = staff(r); return HD(TB, "header/hr/subject-interview", f"Interview schedule - RN candidate {s.full}, {fd(soon(r, 2, 8), 'm/d')} 2pm", to=[colleague(r, TB)])
@htmpl("clean")
def hc_confroom(r): return HD(NWC, "header/facilities/subject-room-booking", f"Conference room 3B booked {fd(soon(r, 2, 9), 'm/d')} 10-11 for Board Finance", to=[colleague(r, NWC)])
@htmpl("clean")
def hc_cc_titles(r):
    a, b = staff(r), staff(r); return HD(NWC, "header/nursing/cc-display-titles", "staffing grid - December", cc=[(f"{a.family}, {a.given} (Nurse Manager, 3 West)", mailbox(a, NWC.dom)), (f"{b.family}, {b.given} (Staffing Office)", mailbox(b, NWC.dom))], to=[colleague(r, NWC)])
@htmpl("clean")
def hc_downtime(r): return HD(NWC, "header/it/x-ehr-downtime", "Planned EHR downtime", extra={"X-EHR-Downtime": f"{soon(r, 3, 9).isoformat()} 01:00-03:30 PST", "X-EHR-Environment": "PRD"}, to=[colleague(r, NWC)])
@htmpl("clean")
def hc_floatplane(r): a, b = doc_(r), staff(r, "PA-C"); return HD(RT, "header/tribal/subject-travel", f"Float plane manifest - providers to Tern Bay {fd(soon(r, 3, 10), 'm/d')} ({a.dr}, PA {b.family})", to=[colleague(r, RT)])
@htmpl("clean")
def hc_gym(r): return HD(NWC, "header/wellness/subject-gym", f"Re: your membership #TAC-{dg(r, 7)} - renewal date {fd(soon(r, 30, 200), 'mdy')}", to=[("Tideline Athletic Club", "frontdesk@tidelineathletic.com")])
@htmpl("clean")
def hc_recall(r): return HD(NWC, "header/supply/x-recall", f"Recall: FlowRight IV sets lot {up(r, 1)}{dg(r, 6)}", extra={"X-Recall-ID": f"RCL-{TODAY.year}-{dg(r, 4)}", "X-Recall-Class": "II"}, to=[colleague(r, NWC)])
@htmpl("clean")
def hc_bls(r): s = staff(r, "RN"); return HD(CW, "header/education/subject-class", f"BLS renewal - class roster for {fd(soon(r, 5, 20), 'm/d')} (instructor {s.full})", to=[colleague(r, CW)])
@htmpl("clean")
def hc_ooo(r): s = staff(r); return HD(BC, "header/staff/comments-ooo", "Automatic reply: out of office", comments=f"Out of office {fd(soon(r, 10, 14), 'm/d')}-{fd(soon(r, 15, 18), 'm/d')}, contact {s.full}", to=[colleague(r, NWC)])
@htmpl("clean")
def hc_dob_form(r): return HD(NWC, "header/him/subject-form-rev", "Registration form rev. 09/15/2026 - date of birth boxes changed, switch by 11/30", to=[colleague(r, NWC)])

# ================================================================== message assembly (MIME helpers adapted from ../corpus-dev2)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Epic Secure Outbound 2.4", "iPhone Mail (22B91)", "Mozilla Thunderbird 128.4.2", None, None, None]
TITLES = {"RN": "Registered Nurse", "MD": "Physician", "LPN": "Licensed Practical Nurse", "MA": "Medical Assistant", "CPC": "Coding Specialist", "RHIT": "HIM Specialist", "MSW": "Social Worker",
          "PharmD": "Clinical Pharmacist", "FNP-C": "Family Nurse Practitioner", "CHA/P": "Community Health Aide/Practitioner", "PA-C": "Physician Assistant", "CHR": "Community Health Representative",
          "MPH": "Program Manager", "RN, CCM": "Case Manager", "MLS(ASCP)": "Medical Laboratory Scientist", "CPhT": "Pharmacy Technician", "DDS": "Dentist", "RDH": "Dental Hygienist",
          "EFDA": "Expanded Function Dental Auxiliary", "Paramedic": "Paramedic", "EMT": "EMT", "DIS": "Disease Intervention Specialist", "PHN": "Public Health Nurse"}
def when(r, o):
    d = dtm.datetime.combine(TODAY - DAY(days=r.randint(0, 9)), dtm.time(r.randint(6, 19), r.randint(0, 59), r.randint(0, 59)), tzinfo=o.tz)
    return d
def disp(r, s, o):
    return r.choice([s.full, s.full, f"{s.family}, {s.given}", f"{s.full} | {o.short}", f"{s.given} {s.family}" + (f", {s.cred}" if s.cred and "," not in s.cred and " " not in s.cred else "")])
def other_addr(r, o):
    k = o.key if r.random() < 0.45 else r.choice([k for k in ORGS if ORGS[k].dom != o.dom])
    t = ORGS[k]; s = staff(r, r.choice(t.creds))
    return Address(display_name=r.choice([s.full, f"{s.family}, {s.given}", ""]), addr_spec=mailbox(s, t.dom) if r.random() < 0.8 else r.choice(["referrals", "intake", "records", "scheduling", "billing"]) + "@" + t.dom)
def new_msg(r, o, subject, sender=None, to=None, cc=None):
    s = sender or staff(r, r.choice(o.creds))
    m = EmailMessage()
    m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    m["To"] = to or other_addr(r, o)
    if cc: m["Cc"] = cc
    elif r.random() < 0.2: m["Cc"] = other_addr(r, o)
    m["Subject"] = subject
    m["Date"] = format_datetime(when(r, o))
    mailer = r.choice(MAILERS)
    if mailer: m["X-Mailer"] = mailer
    return m, s
def signature(r, s, o, addr=True):
    lines = ["", "--" if r.random() < 0.5 else "", f"{s.wc}"]
    if s.cred in TITLES and r.random() < 0.6: lines.append(TITLES[s.cred])
    lines.append(o.short if r.random() < 0.5 else o.name)
    if addr and r.random() < 0.5: lines.append(o.addr)
    lines.append(r.choice([f"P {o.phone} | F {o.fax}", f"Office: {o.phone}", f"{o.phone}"]))
    if r.random() < 0.35: lines += ["", r.choice(DISCLAIMERS)]
    return "\n".join(x for x in lines if x is not None)
DISCLAIMERS = ["CONFIDENTIALITY NOTICE: This e-mail, including attachments, is for the sole use of the intended recipient(s) and may contain confidential information. "
               "If you received it in error, please notify the sender and destroy all copies.",
               "Northwind Cedar Health will never ask for your password by e-mail. Report suspicious messages with the Report Phish button.",
               "Sent from a mobile device - please excuse brevity and typos."]
def sig_html(sig, cid=None):
    return (f'<p><img src="cid:{cid}" width="160" height="48" alt="logo"></p>' if cid else "") + "<p style=\"color:#555;font-size:9pt\">" + esc(sig).replace("\n", "<br>\n") + "</p>"
def set_body(m, text, r, o, fname, html_body=None, font=None, logo=False):
    """text/plain, or multipart/alternative (optionally multipart/related with a cid signature logo)"""
    if html_body is None and not logo: m.set_content(text); return
    cid = f"logo{hashlib.sha256(fname.encode()).hexdigest()[:10]}@{o.dom}" if logo else None
    if html_body is None: html_body = "<p>" + esc(text).replace("\n", "<br>\n") + "</p>"
    font = font or r.choice(["Calibri,Arial,sans-serif", "Segoe UI,Tahoma,sans-serif", "Georgia,serif"])
    if cid: html_body = html_body + f'\n<p><img src="cid:{cid}" width="160" height="48" alt="{esc(o.short)}"></p>'
    m.set_content(text)
    m.add_alternative(f'<html><head><meta charset="utf-8"></head><body style="font-family:{font};font-size:10pt">\n{html_body}\n</body></html>\n', subtype="html")
    if cid: m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>")

GREET = ["", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Hi all,\n\n", "Hey -\n\n", "Team,\n\n"]
COVERS = ["Attached.", "See attached - holler if anything's missing.", "Attached as discussed on the call.", "Document attached for your records.", "Here's the file you asked for.",
          "Please review the attachment and send corrections by Friday.", "Sending the attached per your request this morning.", "Attaching so it's all in one place.",
          "File attached - opens in Acrobat or your browser.", "FYI, attached.", "Attached is this week's version.", "Please see attached and let me know if you have questions."]
NEUTRAL_SUBJ = ["document", "as requested", "[SECURE] document", "for your review", "attached", "per our call", "updated copy", "files", "Scan", "sending over", "[encrypt] file"]
HBODIES = ["Please see the secure message in the portal.", "Can you call me when you have a minute? Thanks.", "Following up on our call this morning.",
           "Got it, thanks - we'll take it from here.", "Details are in the chart, not in e-mail.", "Thanks for the quick turnaround!", "Adding you so you're in the loop.",
           "Please reply to confirm you received this.", "Will update you after rounds.", "Let's discuss at the 2:30 huddle.", "Putting this on your radar.",
           "I left a voicemail too.", "No action needed - just FYI.", "Done on my end, closing this out.", "Can we touch base before end of day?", "See my note in the system.",
           "Approved - go ahead.", "Sorry for the delay, was out at the clinic sites.", "Yes, Thursday works.", "Thank you!"]
FWD_NOTES = ["See below.", "Forwarding for awareness.", "Is this yours?", "Looping you in - see below.", "Can you handle? Thx", "FYI", "Please review the thread below.",
             "Who owns this one?", "Sending to the right person.", "For your records.", "Any update on this?", "Bumping this up.", "fyi - pls advise", "Can you take a look when you get back?"]
REPLY_NOTES = ["Thanks, got it.", "Will do.", "Received - I'll take care of it today.", "Sounds good, thank you!", "Thanks - adding to the list.", "Perfect, thanks.", "OK, I'll call them back.",
               "On it.", "Thanks for the heads-up."]

def hdr_message(r, fname, spec, label):
    o = spec["o"]; s = staff(r, r.choice(o.creds))
    to = spec["to"] or [colleague(r, o)]
    m = EmailMessage()
    m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    m["To"] = [Address(display_name=d, addr_spec=a) for d, a in to]
    if spec["cc"]: m["Cc"] = [Address(display_name=d, addr_spec=a) for d, a in spec["cc"]]
    if spec["reply_to"]: m["Reply-To"] = [Address(display_name=d, addr_spec=a) for d, a in spec["reply_to"]]
    m["Subject"] = spec["subject"]; m["Date"] = format_datetime(when(r, o))
    if spec["topic"]:
        m["Thread-Topic"] = spec["topic"]
        m["Thread-Index"] = "A" + hashlib.sha256(fname.encode()).hexdigest()[:30]
    if spec["keywords"]: m["Keywords"] = spec["keywords"]
    if spec["comments"]: m["Comments"] = spec["comments"]
    for k, v in spec["extra"].items(): m[k] = v
    mailer = r.choice(MAILERS)
    if mailer: m["X-Mailer"] = mailer
    body = r.choice(GREET[:4]) + " ".join(r.sample(HBODIES, r.randint(1, 2))) + "\n" + signature(r, s, o, addr=False)
    set_body(m, body, r, o, fname, logo=(label == "clean" and r.random() < 0.3) or (label == "phi" and r.random() < 0.15))
    return m

def body_message(r, fname, doc, carrier, label):
    o = doc.o
    to = Address(display_name=doc.to[0], addr_spec=doc.to[1]) if doc.to else None
    m, s = new_msg(r, o, doc.subj or r.choice(NEUTRAL_SUBJ), sender=doc.sender, to=to)
    sig = signature(r, s, o)
    if carrier == "plain":
        text = (r.choice(GREET) if not doc.to else "") + render_text(r, doc, title=r.random() < 0.7) + "\n" + sig
        m.set_content(text)
    else:
        logo = r.random() < (0.5 if label == "clean" else 0.3)
        cid = f"sig{hashlib.sha256(fname.encode()).hexdigest()[:10]}@{o.dom}" if logo else None
        hb, font = render_html(r, doc, logo_cid=None)
        text = render_text(r, doc) + "\n" + sig
        html = hb + "\n" + sig_html(sig, cid)
        m.set_content(text)
        m.add_alternative(f'<html><head><meta charset="utf-8"></head><body style="font-family:{font};font-size:10pt">\n{html}\n</body></html>\n', subtype="html")
        if cid: m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>")
    return m

def quote_hdr(r, shape, frm, to, subj, date):
    ds = date.strftime("%A, %B %-d, %Y %-I:%M %p")
    if shape == "outlook": return f"-----Original Message-----\nFrom: {frm}\nSent: {ds}\nTo: {to}\nSubject: {subj}\n\n"
    if shape == "outlook2": return f"________________________________\nFrom: {frm}\nSent: {ds}\nTo: {to}\nSubject: {subj}\n\n"
    if shape == "gmail": return f"---------- Forwarded message ---------\nFrom: {frm}\nDate: {date.strftime('%a, %b %-d, %Y at %-I:%M %p')}\nSubject: {subj}\nTo: {to}\n\n"
    if shape == "apple": return f"Begin forwarded message:\n\nFrom: {frm}\nSubject: {subj}\nDate: {date.strftime('%B %-d, %Y at %-I:%M:%S %p PST')}\nTo: {to}\n\n"
    if shape == "notes": return f"----- Forwarded by {frm} on {date.strftime('%m/%d/%Y %I:%M %p')} -----\n\n"
    raise ValueError(shape)
def fwd_message(r, fname, doc, label):
    o = doc.o
    orig_s = doc.sender or staff(r, r.choice(o.creds)); orig_from = f"{orig_s.full} <{mailbox(orig_s, o.dom)}>"
    orig_to = f"{doc.to[0]} <{doc.to[1]}>" if doc.to else str(other_addr(r, o))
    odate = when(r, o) - DAY(hours=r.randint(2, 60))
    inner = render_text(r, doc) + "\n" + signature(r, orig_s, o)
    subj0 = doc.subj or r.choice(NEUTRAL_SUBJ)
    shape = r.choice(["outlook", "outlook2", "gmail", "apple", "notes", "reply", "rfc822", "nested"])
    fo = o if r.random() < 0.55 else ORGS[r.choice(["nwc", "kf", "oc", "tb", "rt", "ah", "bc", "ec", "cc", "dl", "hl", "cw"])]
    m, s = new_msg(r, fo, ("RE: " if shape == "reply" else "FW: " if shape != "gmail" else "Fwd: ") + subj0)
    note = r.choice(GREET) + r.choice(REPLY_NOTES if shape == "reply" else FWD_NOTES) + "\n" + signature(r, s, fo, addr=False)
    if shape == "rfc822":
        im = EmailMessage(); im["From"] = orig_from; im["To"] = orig_to; im["Subject"] = subj0; im["Date"] = format_datetime(odate)
        im["Message-ID"] = f"<{hashlib.sha256(('inner:' + fname).encode()).hexdigest()[:28]}@{o.dom}>"; im["MIME-Version"] = "1.0"
        im.set_content(inner)
        m.set_content(note); m.add_attachment(im)
        return m, shape
    if shape == "reply":
        body = note + "\n\n" + f"On {odate.strftime('%a, %b %-d, %Y at %-I:%M %p')}, {orig_from} wrote:\n" + "\n".join("> " + x if x else ">" for x in inner.split("\n"))
    elif shape == "nested":
        mid_s = staff(r, r.choice(fo.creds)); mdate = odate + DAY(hours=r.randint(1, 20))
        mid = r.choice(FWD_NOTES) + f"\n\n{mid_s.given}\n\n" + quote_hdr(r, "outlook", orig_from, orig_to, subj0, odate) + inner
        body = note + "\n\n" + quote_hdr(r, "outlook2", f"{mid_s.full} <{mailbox(mid_s, fo.dom)}>", str(m["From"]), "FW: " + subj0, mdate) + mid
        del m["Subject"]; m["Subject"] = "RE: FW: " + subj0
    else:
        body = note + "\n\n" + quote_hdr(r, shape, orig_from, orig_to, subj0, odate) + inner
    m.set_content(body)
    return m, shape

def fname_for(r, doc, ext):
    base = doc.cat.split("/")[-1]
    stem = r.choice([base, base.replace("-", "_"), base.title().replace("-", ""), f"{base}_{TODAY.strftime('%Y%m%d')}", f"scan_{dg(r, 6)}", f"{base}-{dg(r, 4)}"])
    return f"{stem}.{ext}"
def attach_part(m, fname, data):
    ext = fname.rsplit(".", 1)[-1].lower()
    mt = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
          "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"),
          "txt": ("text", "plain"), "zip": ("application", "zip")}[ext]
    if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=fname, charset="utf-8", cte="base64")
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

def make_attachment(r, jobs, carrier, doc, key, tmp):
    """returns (attachment file name, bytes or callable giving bytes after the LibreOffice batch has run)"""
    if carrier == "pdf-fpdf2":
        return fname_for(r, doc, "pdf"), fp_pdf(r, doc, r.random() < 0.5, key)
    if carrier == "pdf-reportlab":
        return fname_for(r, doc, "pdf"), rl_pdf(r, doc, key)
    if carrier == "pdf-ghostscript":
        src = os.path.join(tmp, key + (".ps" if r.random() < 0.6 else ".pdf")); dst = os.path.join(tmp, key + "-gs.pdf")
        if src.endswith(".ps"): open(src, "w", encoding="latin-1").write(ps_doc(r, doc))
        else: open(src, "wb").write(rl_pdf(r, doc, key + "src"))
        return fname_for(r, doc, "pdf"), norm_pdf(gs_distill(src, dst), key)
    if carrier == "pdf-libreoffice":
        if r.random() < 0.5: out = jobs.add("html2pdf", key + ".html", render_html(r, doc, standalone=True).encode("utf-8"))
        else: out = jobs.add("docx2pdf", key + ".docx", docx_bytes(r, doc, logo=r.random() < 0.4))
        return fname_for(r, doc, "pdf"), (lambda out=out, key=key: norm_pdf(open(out, "rb").read(), key))
    if carrier == "docx":
        if r.random() < 0.55: return fname_for(r, doc, "docx"), docx_bytes(r, doc, logo=r.random() < 0.5)
        out = jobs.add("html2docx", key + ".html", render_html(r, doc, standalone=True).encode("utf-8"))
        return fname_for(r, doc, "docx"), (lambda out=out: norm_ooxml(open(out, "rb").read()))
    if carrier == "xlsx":
        data = xlsx_bytes(r, doc)
        if r.random() < 0.45:
            out = jobs.add("xlsx2xlsx", key + ".xlsx", data)
            return fname_for(r, doc, "xlsx"), (lambda out=out: norm_ooxml(open(out, "rb").read()))
        return fname_for(r, doc, "xlsx"), data
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    raise ValueError(carrier)

def attach_message(r, fname, doc, label):
    o = doc.o
    subj = doc.subj if r.random() < 0.7 and doc.subj else r.choice(NEUTRAL_SUBJ)
    m, s = new_msg(r, o, subj, sender=doc.sender)
    text = r.choice(GREET) + r.choice(COVERS) + "\n" + signature(r, s, o)
    set_body(m, text, r, o, fname, logo=r.random() < (0.35 if label == "clean" else 0.15))
    return m

def finish(fname, m):
    if "Message-ID" not in m:
        dom = str(m["From"].addresses[0].domain) if m["From"] else "northwindcedar.org"
        m["Message-ID"] = f"<{hashlib.sha256(('dev4:' + fname).encode()).hexdigest()[:32]}@{dom}>"
    if "MIME-Version" not in m: m["MIME-Version"] = "1.0"
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_dev4_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")) or re.search(rb"\r\n[A-Za-z-]+:\r\n ", data):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data

# ================================================================== plan and main
PLAN = {"header": (20, 20), "plain": (10, 10), "html": (8, 8), "forwarded": (10, 10), "pdf-fpdf2": (6, 6), "pdf-libreoffice": (6, 6), "pdf-ghostscript": (4, 4),
        "pdf-reportlab": (4, 4), "docx": (4, 4), "xlsx": (3, 2), "csv": (3, 3), "zip": (3, 2)}
SHAPES = {"plain": ("narr", "form"), "html": ("narr", "form", "tab"), "forwarded": ("narr", "form"), "pdf-fpdf2": ("form", "narr", "tab"), "pdf-libreoffice": ("form", "narr", "tab"),
          "pdf-ghostscript": ("form", "tab", "narr"), "pdf-reportlab": ("form", "tab", "narr"), "docx": ("form", "tab", "narr"), "xlsx": ("tab",), "csv": ("tab",)}
USE = collections.Counter()
def choose(r, label, shapes):
    pool = sorted({fn for s in shapes for fn in REG[label][s]}, key=lambda f: f.__name__)
    lo = min(USE[f.__name__] for f in pool)
    fn = r.choice([f for f in pool if USE[f.__name__] == lo]); USE[fn.__name__] += 1
    return fn(r)
HUSE = collections.Counter()
def hchoose(r, label):
    pool = HREG[label]; lo = min(HUSE[f.__name__] for f in pool)
    fn = r.choice([f for f in pool if HUSE[f.__name__] == lo]); HUSE[fn.__name__] += 1
    return fn(r)

def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    os.makedirs(out, exist_ok=True)
    for f in glob.glob(os.path.join(out, PREFIX + "*.eml")): os.remove(f)
    plan = [(c, l) for c, (np_, nc) in PLAN.items() for l, n in (("phi", np_), ("clean", nc)) for _ in range(n)]
    R.shuffle(plan)
    tmp = tempfile.mkdtemp(prefix="dev4-"); jobs = LOJobs(tmp)
    pending = []; zipkinds = collections.Counter()
    try:
        for i, (carrier, label) in enumerate(plan, 1):
            fname = f"{PREFIX}{i:04d}.eml"; key = f"{PREFIX}{i:04d}"
            atts = []
            if carrier == "header":
                spec = hchoose(R, label); m = hdr_message(R, fname, spec, label); cat = spec["cat"]
            elif carrier in ("plain", "html"):
                doc = choose(R, label, SHAPES[carrier]); m = body_message(R, fname, doc, carrier, label); cat = doc.cat
            elif carrier == "forwarded":
                doc = choose(R, label, SHAPES[carrier]); m, shape = fwd_message(R, fname, doc, label); cat = f"{doc.cat}/fwd-{shape}"
            elif carrier == "zip":
                kind = ["pdf-fpdf2", "docx", "xlsx", "csv", "pdf-reportlab"][zipkinds[label] % 5 if label == "phi" else (zipkinds[label] + 2) % 5]; zipkinds[label] += 1
                doc = choose(R, label, ("tab",) if kind in ("xlsx", "csv") else ("form", "tab"))
                iname, data = make_attachment(R, jobs, kind, doc, key, tmp)
                m = attach_message(R, fname, doc, label); cat = f"{doc.cat}/zip-{iname.rsplit('.', 1)[1]}"
                zname = re.sub(r"\.[a-z]+$", "", iname) + R.choice(["", "_files", "_encrypted-export", "_" + TODAY.strftime("%Y%m%d")]) + ".zip"
                atts.append((zname, lambda iname=iname, data=data: make_zip([(iname, data() if callable(data) else data)])))
            else:
                doc = choose(R, label, SHAPES[carrier]); iname, data = make_attachment(R, jobs, carrier, doc, key, tmp)
                m = attach_message(R, fname, doc, label); cat = doc.cat
                atts.append((iname, (lambda data=data: data) if isinstance(data, bytes) else data))
            pending.append((fname, label, carrier, cat, m, atts))
        jobs.run()
        rows = []
        for fname, label, carrier, cat, m, atts in pending:
            for an, get in atts:
                data = get()
                if callable(data): data = data()
                attach_part(m, an, data)
            open(os.path.join(out, fname), "wb").write(finish(fname, m))
            rows.append((fname, label, carrier, cat))
        with open(os.path.join(out, "manifest.tsv"), "w", newline="") as f:
            f.write("file\tlabel\tcarrier\tcategory\n")
            for row in rows: f.write("\t".join(row) + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(plan)} messages to {out}")

if __name__ == "__main__":
    main()
