#!/usr/bin/python3
"""Batch 20 of the blind DLP corpus: b20-0001.eml ... b20-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a twentieth author from BRIEF.md (see README "Batch 20").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a job/handle pair, MIME boundaries from the file name, manifest handling, the reportlab invariant flag
and the fixed fpdf2 creation date/producer) is re-typed after generate_b19.py's wiring; the PDF stamp normalisation
is this batch's own.

Voices: a paediatric endocrinology & diabetes clinic, a cystic fibrosis care center, a regional burn center, an
eating-disorder programme, a comprehensive epilepsy center (EMU), a hepatology clinic, a rheumatology infusion suite,
an ambulatory endoscopy (GI) center, a hospital vascular-access (PICC) team, an inpatient rehabilitation facility's
admissions office, a state disability-determination consultative-examination vendor, a hospital patient-relations
(grievance) office, hospital food & nutrition services, an antimicrobial-stewardship pharmacist team, a stroke
programme coordinator, a trauma programme / trauma registry, a vein & vascular clinic, a urogynecology / pelvic-floor
practice and a cardiac catheterization lab, with their staff, vendors and payers.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript, poppler-utils).
"""
import csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261221
R = random.Random(SEED)
PREFIX = "b20-"
TODAY = dtm.date(2026, 12, 21)
FIXED_STAMP = dtm.datetime(2026, 12, 20, 15, 45, tzinfo=dtm.timezone.utc)   # fpdf2 creation date; other PDF dates normalised to it
FONTDIR = "/usr/share/fonts/truetype/dejavu/"
TTF = {"sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
       "cond": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf")}
DAY = dtm.timedelta
Dt = dtm.date
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ================================================================== small helpers
def digits(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def ups(r, n, pool="ABCDEFGHJKLMNPRSTUVWXYZ"): return "".join(r.choice(pool) for _ in range(n))
def ascii_of(s): return unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode()
def L1(s): return lat1(str(s).replace("\u015f", "s").replace("\u011f", "g").replace("\u0131", "i").replace("\u015e", "S"))
def money(x): return f"${x:,.2f}"
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def hhmm(r, a=6, b=20): return f"{r.randint(a, b):02d}:{r.choice(['00', '05', '12', '15', '20', '30', '41', '45', '50'])}"
def clock(r): h = r.randint(7, 18); return f"{(h - 1) % 12 + 1}:{r.randint(0, 59):02d} {'AM' if h < 12 else 'PM'}"
def age(d, on=None): on = on or TODAY; return on.year - d.year - ((on.month, on.day) < (d.month, d.day))

def _luhn(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r): b = r.choice("12") + digits(r, 8); return b + _luhn("80840" + b)
def ssn(r):
    while True:
        a = r.randint(1, 899)
        if a != 666: break
    s = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    return s if s not in ("123-45-6789", "078-05-1120") else "518-22-4190"
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=False):
    a = "ACDEFGHJKMNPQRTUVWXY0123456789"
    s = str(r.randint(1, 9)) + r.choice(MBI_L) + r.choice(a) + str(r.randint(0, 9)) + r.choice(MBI_L) + r.choice(a) + str(r.randint(0, 9)) + r.choice(MBI_L) + r.choice(MBI_L) + str(r.randint(0, 9)) + str(r.randint(0, 9))
    if s == "1EG4TE5MK73": s = "2EG4TE5MK73"
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def ndc(r): return r.choice([f"{digits(r, 5)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 5)}-{digits(r, 3)}-{digits(r, 2)}"])

def fd(d, st="mdy"):
    if isinstance(d, dtm.datetime): d = d.date()
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}", "iso": d.isoformat(),
            "d-mon-y": f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}", "long": f"{MONTHS[d.month - 1]} {d.day}, {d.year}", "short": f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
            "ymd": f"{d:%Y%m%d}", "spaced": f"{d:%m %d %Y}", "dmonY": f"{d.day:02d}{MONTHS[d.month - 1][:3].upper()}{d.year}", "dash": f"{d:%m-%d-%Y}",
            "dot": f"{d.month}.{d.day}.{d:%y}", "born": f"{d.day} {MONTHS[d.month - 1]} {d.year}", "dmy": f"{d:%d/%m/%Y}", "wd": f"{WD[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}",
            "es": f"{d.day} de {MESES[d.month - 1]} de {d.year}"}[st]
DOB_ST = ["mdy", "mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "d-mon-y", "long", "short", "ymd", "spaced", "dmonY", "dash", "dot", "born"]
def dob_s(r, p, st=None): return fd(p.dob, st or r.choice(DOB_ST))

# ================================================================== people
POOLS = {   # female given, male given, family names, middle names
    "us": (["Kayla", "Brittany", "Megan", "Shannon", "Tara", "Crystal", "Dana", "Heather", "Lacey", "Jolene", "Amber", "Rhonda"],
           ["Tyler", "Cody", "Dustin", "Wade", "Travis", "Brent", "Garrett", "Shane", "Curtis", "Dale", "Kyle", "Lance"],
           ["Whitaker", "Holloway", "Pruitt", "Cantrell", "McAllister", "Dunbar", "Hargrove", "Stroud", "Lundgren", "Petty", "Bramlett", "Yates"], ["Lynn", "Ray", "Jo", "Dean", "Marie", "Lee"]),
    "portuguese": (["Conceição", "Lúcia", "Fernanda", "Graça", "Inês", "Beatriz"], ["João", "Sebastião", "Rodrigo", "Thiago", "Antônio", "Mário"],
                   ["Gonçalves", "da Silva", "dos Santos", "Magalhães", "Pereira de Souza", "Araújo", "de Oliveira"], ["Maria", "José", "Aparecida"]),
    "filipino": (["Ma. Lourdes", "Rosario", "Jocelyn", "Marivic", "Analyn"], ["Rommel", "Jun", "Efren", "Arnel", "Nonoy"],
                 ["dela Cruz", "Bautista-Reyes", "Manalo", "Dimaculangan", "Pangilinan", "de Guzman"], ["Santos", "Ramos", "Lim"]),
    "korean": (["Ji-woo", "Seo-yeon", "Hye-jin", "Min-ji"], ["Jae-hyun", "Sung-min", "Dong-hyuk", "Joon"], ["Park", "Choi", "Yoon", "Hwang", "Jeong"], ["", ""]),
    "pacific": (["Mele", "Losana", "Sefo", "Talia"], ["Sione", "Tevita", "Faleolo", "Ioane"], ["Tuilagi", "Fifita", "Vainikolo", "Leota", "Fa'amausili"], ["Ana", "Pita"]),
    "slavic": (["Oksana", "Natalia", "Svetlana", "Yulia"], ["Dmitri", "Oleksandr", "Bogdan", "Vitaliy"], ["Kovalenko", "Shevchenko", "Bondarenko", "Lysenko", "Tkachuk"], ["Ivanovna", "Petrovich"]),
    "somali": (["Hodan", "Fadumo", "Ayaan", "Sahra"], ["Abdirahman", "Mohamed", "Abdullahi", "Yusuf"], ["Farah Warsame", "Hassan Ali", "Abdi", "Jama", "Osman"], ["", ""]),
    "japanese": (["Aiko", "Keiko", "Naomi", "Yuki"], ["Hiroshi", "Kenji", "Takeshi", "Masao"], ["Nakamura", "Yamaguchi", "Fujimoto", "Hayashi", "Okada"], ["", "Ann", "Roy"]),
    "nordic": (["Sigrid", "Ingrid", "Astrid", "Solveig"], ["Bjørn", "Erik", "Lars", "Håkon"], ["Ødegaard", "Lindqvist", "Bjørnsson", "Haugen", "Sæther"], ["Kristine", "Olav"]),
    "french": (["Hélène", "Geneviève", "Mathilde", "Océane"], ["Benoît", "Jérôme", "Thibault", "François"], ["Lefèvre", "de Villiers", "Lemaître", "Desrosiers", "Beaulieu"], ["Anne", "Luc"]),
    "italian": (["Giuseppina", "Rosalba", "Carmela", "Antonella"], ["Giuseppe", "Salvatore", "Vincenzo", "Carmine"], ["Di Stefano", "D'Angelo", "Lo Bianco", "Esposito", "De Luca"], ["Maria", "Angelo"]),
    "guatemalan": (["Xiomara", "Yesenia", "Marleny", "Dulce María"], ["Elmer", "Wilmer", "Edgar", "Byron"], ["López Chávez", "Ajú", "de León", "Pérez Tzoc", "García Xajil", "Ixcoy"], ["", "Antonio", "Isabel"]),
    "turkish": (["Gülşen", "Ayşe", "Elif", "Zeynep"], ["Mehmet", "Emre", "Cem", "Burak"], ["Öztürk", "Çelik", "Yıldız", "Kaya", "Aydın"], ["", ""]),
    "afghan": (["Zarghuna", "Freshta", "Mursal", "Nilofar"], ["Ahmad Shah", "Wahid", "Farid", "Naqibullah"], ["Ahmadzai", "Popal", "Karimi", "Stanekzai"], ["", ""]),
    "punjabi": (["Gurpreet", "Harleen", "Manpreet", "Simran"], ["Harjit", "Jaswinder", "Amarjit", "Kulwant"], ["Sandhu", "Grewal", "Dhillon", "Sidhu"], ["Kaur", "Singh"]),
}
POOL_W = [k for k in POOLS for _ in range(3 if k == "us" else 1)]
SUFFIXES = ["Jr.", "Sr.", "II", "III", "IV"]

class Person:
    def __init__(s, given, family, middle, sex, dob, suffix="", cred="", role=""):
        s.given, s.family, s.middle, s.sex, s.dob, s.suffix, s.cred, s.role = given, family, middle, sex, dob, suffix, cred, role
    def sx(s): return f" {s.suffix}" if s.suffix else ""
    def plain(s): return f"{s.given} {s.family}{s.sx()}"
    def mi(s): return f" {s.middle[0]}." if s.middle else ""
    def full(s): return f"{s.given}{s.mi()} {s.family}{s.sx()}"
    def lf(s): return f"{s.family}{s.sx()}, {s.given}" + (f" {s.middle[0]}" if s.middle else "")
    def lfd(s): return f"{s.family}, {s.given}" + (f" {s.middle}" if s.middle else "")
    def caps(s): return f"{s.family}{s.sx()}, {s.given}{(' ' + s.middle[0]) if s.middle else ''}".upper()
    def hl7(s): return "^".join([ascii_of(s.family).upper(), ascii_of(s.given).upper(), ascii_of(s.middle[:1]).upper(), ascii_of(s.suffix).upper().rstrip(".")])
    def with_cred(s): return f"{s.given} {s.family}" + (f", {s.cred}" if s.cred else "")
    def mrs(s): return ("Ms. " if s.sex == "F" else "Mr. ") + s.family
def person(r, amin=18, amax=90, sex=None, pool=None, sfx=True):
    pool = pool or r.choice(POOL_W); fg, mg, fam, mids = POOLS[pool]; sex = sex or r.choice("FM")
    g = r.choice(fg if sex == "F" else mg); mid = r.choice(mids) if r.random() < 0.6 else ""
    if pool == "punjabi": mid = ""; g = g + (" Kaur" if sex == "F" and r.random() < 0.5 else "")
    d = TODAY - DAY(days=r.randint(amin * 365 + 10, amax * 365 + 300))
    suffix = r.choice(SUFFIXES) if sex == "M" and sfx and pool in ("us", "italian", "filipino") and r.random() < 0.25 else ""
    return Person(g, r.choice(fam), mid, sex, d, suffix)
def patient(r, amin=18, amax=90, sex=None, pool=None): return person(r, amin, amax, sex, pool)
def kid(r, amin=1, amax=17, sex=None, pool=None): return person(r, amin, amax, sex, pool, sfx=False)
CREDS = ["RN", "BSN, RN", "MD", "DO", "NP", "PA-C", "PharmD", "RD, LD", "MSN, RN, CNS", "CCRN", "", "", "CHC", "RHIT", "OTR/L"]
def staff(r, cred=None, role=""):
    p = person(r, 26, 66, sfx=False); p.cred = r.choice(CREDS) if cred is None else cred; p.role = role; return p
def doc_md(r): return staff(r, r.choice(["MD", "MD", "DO", "MD, FACS", "MD, PhD"]))
def mailbox(p, dom):
    f, g = re.sub(r"[^a-z]", "", ascii_of(p.family).lower()), re.sub(r"[^a-z]", "", ascii_of(p.given).lower())
    return (f"{g}.{f}" if (len(f) + len(g)) % 3 else f"{g[:1]}{f}") + "@" + dom
def personal_addr(r, p):
    f, g = re.sub(r"[^a-z]", "", ascii_of(p.family).lower()), re.sub(r"[^a-z]", "", ascii_of(p.given).lower())
    return r.choice([f"{g}{f}{r.randint(1, 99)}", f"{g}.{f}", f"{g[:1]}{f}{p.dob:%y}", f"{f}.{g}"]) + "@" + r.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "hotmail.com"])
STREETS = ["SE Division St", "NW Lovejoy St", "Alder Creek Rd", "W Bannock St", "N Monroe St", "Cedar Hills Blvd", "E Sprague Ave", "Fircrest Ln", "Kittitas Way", "SW Multnomah Blvd", "Ponderosa Dr", "Orchard Ave"]
CITIES = [("Portland", "OR", "972"), ("Salem", "OR", "973"), ("Eugene", "OR", "974"), ("Bend", "OR", "977"), ("Spokane", "WA", "992"), ("Yakima", "WA", "989"),
          ("Vancouver", "WA", "986"), ("Boise", "ID", "837"), ("Nampa", "ID", "836"), ("Coeur d'Alene", "ID", "838")]
AREAS = {"OR": ["503", "541", "971"], "WA": ["509", "360"], "ID": ["208", "986"]}
def phone(r, state="OR", st=None):
    a = r.choice(AREAS[state]); n = f"{r.randint(201, 989)}-{digits(r, 4)}"
    return {0: f"({a}) {n}", 1: f"{a}-{n}", 2: f"{a}.{n.replace('-', '.')}"}[st if st is not None else r.randint(0, 2)]
def address(r):
    c, st, z = r.choice(CITIES)
    return f"{r.randint(100, 19999)} {r.choice(STREETS)}{r.choice(['', '', ' Apt ' + str(r.randint(1, 40)), ' #' + str(r.randint(100, 420))])}, {c}, {st} {z}{digits(r, 2)}"

class Org:
    def __init__(s, key, name, short, dom, city, st, color):
        s.key, s.name, s.short, s.dom, s.city, s.st, s.color = key, name, short, dom, city, st, color
        h = int(hashlib.sha256(key.encode()).hexdigest(), 16)
        s.street = f"{1000 + h % 8000} {STREETS[h % len(STREETS)]}"; s.zip = next(z for c, stt, z in CITIES if c == city) + f"{h % 100:02d}"
        a = AREAS[st][h % len(AREAS[st])]; s.phone = f"{a}-{200 + h % 700}-{1000 + h % 8999}"; s.fax = f"{a}-{200 + (h >> 7) % 700}-{1000 + (h >> 11) % 8999}"
    def addr(s): return f"{s.street}, {s.city}, {s.st} {s.zip}"
    def initials(s): return "".join(w[0] for w in ascii_of(s.short).replace("-", " ").split() if w[0].isalpha()).upper()[:4]
ORG_SPECS = [
    ("pendo", "Columbia Gorge Children's Diabetes & Endocrinology", "CG Peds Endo", "cgchildrens.org", "Portland", "OR", "#2a6f97"),
    ("cf", "Cascadia Cystic Fibrosis Care Center", "Cascadia CF Center", "cascadiacf.org", "Portland", "OR", "#3d7a4a"),
    ("burn", "Inland Northwest Regional Burn Center", "INW Burn Center", "inwburn.org", "Spokane", "WA", "#b5462f"),
    ("edp", "Juniper House Eating Disorder Program", "Juniper House", "juniperhouse-ed.org", "Bend", "OR", "#6a4c93"),
    ("epi", "Willamette Comprehensive Epilepsy Center", "Willamette Epilepsy", "willamette-neuro.org", "Eugene", "OR", "#1d3557"),
    ("liver", "Treasure Valley Hepatology & Liver Clinic", "TV Hepatology", "tvliver.com", "Boise", "ID", "#8a5a00"),
    ("rheum", "Riverside Rheumatology Infusion Suite", "Riverside Rheum", "riversiderheum.com", "Vancouver", "WA", "#7b2d8b"),
    ("gi", "Mid-Valley Endoscopy Center", "Mid-Valley Endoscopy", "midvalleyendo.com", "Salem", "OR", "#00798c"),
    ("vat", "St. Brendan Medical Center - Vascular Access Team", "SBMC Vascular Access", "stbrendanmed.org", "Portland", "OR", "#d1495b"),
    ("irf", "Blue Mountain Rehabilitation Hospital", "Blue Mountain Rehab", "bluemtnrehab.org", "Yakima", "WA", "#33658a"),
    ("dds", "Northwest Consultative Examinations, LLC", "NW Consultative Exams", "nwcexams.com", "Salem", "OR", "#55555f"),
    ("prel", "St. Brendan Medical Center - Patient Relations", "SBMC Patient Relations", "stbrendanmed.org", "Portland", "OR", "#86615c"),
    ("fns", "St. Brendan Medical Center - Food & Nutrition Services", "SBMC Food & Nutrition", "stbrendanmed.org", "Portland", "OR", "#4f772d"),
    ("asp", "Snake River Health - Antimicrobial Stewardship Program", "SRH Stewardship", "snakeriverhealth.org", "Nampa", "ID", "#2d6a4f"),
    ("stroke", "Snake River Health - Comprehensive Stroke Program", "SRH Stroke Program", "snakeriverhealth.org", "Nampa", "ID", "#bc4749"),
    ("trauma", "Palouse-Spokane Trauma Program", "PSTP Trauma Services", "inwburn.org", "Spokane", "WA", "#5f0f40"),
    ("vein", "High Desert Vein & Vascular", "High Desert Vein", "highdesertvein.com", "Bend", "OR", "#0b5394"),
    ("urogyn", "Lakeview Urogynecology & Pelvic Health", "Lakeview Pelvic Health", "lakeviewpelvic.com", "Coeur d'Alene", "ID", "#a4508b"),
    ("cath", "St. Brendan Heart Institute - Cardiac Cath Lab", "SBHI Cath Lab", "stbrendanmed.org", "Portland", "OR", "#9d0208"),
    # counterparts
    ("peds", "Rose City Pediatrics", "Rose City Peds", "rosecitypeds.com", "Portland", "OR", "#3a86ff"),
    ("fm", "Kittitas Valley Family Medicine", "KV Family Medicine", "kvfamilymed.org", "Yakima", "WA", "#588157"),
    ("im", "Boise Foothills Internal Medicine", "Foothills IM", "foothillsim.com", "Boise", "ID", "#264653"),
    ("hosp", "St. Brendan Medical Center", "St. Brendan", "stbrendanmed.org", "Portland", "OR", "#14213d"),
    ("crit", "Grangeville Community Hospital", "Grangeville CH", "grangevillech.org", "Coeur d'Alene", "ID", "#6d597a"),
    ("plan", "Evergreen Summit Health Plan", "Evergreen Summit", "evergreensummit.com", "Portland", "OR", "#0077b6"),
    ("mcd", "Cascade Coordinated Care (Medicaid)", "Cascade CCO", "cascadecco.org", "Salem", "OR", "#2b9348"),
    ("dddst", "State Disability Determination Services", "DDS", "dds.example.gov", "Salem", "OR", "#444444"),
    ("school", "Gresham-Barlow School District Health Services", "GBSD Health Services", "gbsd.example.org", "Portland", "OR", "#e07a5f"),
]
ORGS = {k: Org(k, *a) for k, *a in ORG_SPECS}
SENDERS = [k for k, *_ in ORG_SPECS[:19]]
PARTNER = {"pendo": ["peds", "school", "fm"], "cf": ["peds", "plan", "hosp"], "burn": ["crit", "hosp", "fm"], "edp": ["peds", "fm", "plan"], "epi": ["im", "fm", "hosp"],
           "liver": ["im", "fm", "plan"], "rheum": ["im", "plan", "fm"], "gi": ["fm", "im", "plan"], "vat": ["hosp"], "irf": ["hosp", "crit", "plan"], "dds": ["dddst", "im"],
           "prel": ["hosp"], "fns": ["hosp"], "asp": ["hosp", "crit"], "stroke": ["crit", "hosp", "im"], "trauma": ["crit", "hosp"], "vein": ["fm", "im", "plan"],
           "urogyn": ["fm", "im", "plan"], "cath": ["im", "hosp", "plan"]}
VENDORS = [Org("v1", "Pacific Crest Medical Supply", "Pacific Crest Supply", "pacificcrestmed.com", "Portland", "OR", "#3c6e71"),
           Org("v2", "Gorge Tech Managed IT", "Gorge Tech", "gorgetech.net", "Vancouver", "WA", "#284b63"),
           Org("v3", "Summit Fleet Mutual Insurance", "Summit Fleet Mutual", "summitfleetmutual.com", "Boise", "ID", "#353535"),
           Org("v4", "Northwest Food Service Distributors", "NW Food Service", "nwfoodservice.com", "Spokane", "WA", "#7f5539")]
def org(r, key=None): return ORGS[key] if key else ORGS[r.choice(SENDERS)]
def counterpart(r, o): return ORGS[r.choice(PARTNER.get(o.key, ["hosp", "fm", "im"]))]

# identifiers and label vocabularies
def mrn(r): return r.choice([digits(r, 8), f"{digits(r, 7)}", f"M{digits(r, 7)}", f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 2)}", f"SB{digits(r, 8)}", f"E{digits(r, 9)}"])
def member_id(r): return r.choice([f"ESH{digits(r, 9)}", f"W{digits(r, 8)}-01", f"{ups(r, 3)}{digits(r, 9)}", f"XE{digits(r, 7)}", f"{digits(r, 11)}"])
def medicaid_id(r): return r.choice([f"{ups(r, 2)}{digits(r, 6)}{ups(r, 1)}", digits(r, 10), f"{ups(r, 2)}{digits(r, 7)}"])
def acct(r): return r.choice([digits(r, 10), f"A{digits(r, 9)}", f"{digits(r, 4)}-{digits(r, 6)}"])
def fin(r): return "926" + digits(r, 7)
def csn(r): return "10" + digits(r, 9)
def claim_no(r): return r.choice([f"26{digits(r, 3)}{ups(r, 1)}{digits(r, 6)}", f"{digits(r, 13)}", f"CLM-{digits(r, 8)}"])
def case_no(r, p): return f"{p}-{TODAY:%y}-{digits(r, 5)}"
def po_no(r): return r.choice([f"PO-{digits(r, 6)}", f"45{digits(r, 8)}", f"SB-PO{digits(r, 5)}"])
def inv_no(r): return r.choice([f"INV-{digits(r, 6)}", f"{digits(r, 7)}", f"IN{digits(r, 5)}-{ups(r, 1)}"])
def lot(r): return r.choice([f"{ups(r, 2)}{digits(r, 5)}", f"{digits(r, 2)}{ups(r, 1)}{digits(r, 4)}", f"L{digits(r, 6)}"])
def emp_id(r): return r.choice([f"E{digits(r, 6)}", digits(r, 6), f"SB{digits(r, 5)}"])
def L_pt(r): return r.choice(["Patient", "Patient Name", "Pt", "Name", "PATIENT", "Pt Name", "Patient name"])
def L_dob(r): return r.choice(["DOB", "D.O.B.", "Date of Birth", "Birth Date", "Birthdate", "DOB", "dob", "Pt DOB"])
def L_mrn(r): return r.choice(["MRN", "Med Rec #", "MR#", "Medical Record No.", "Chart #", "MRN #", "Hosp #", "Patient ID"])
def L_mbr(r): return r.choice(["Member ID", "Mbr ID", "Member #", "ID#", "Subscriber ID", "Insured's ID Number", "Ins ID", "Policy #"])
def L_acct(r): return r.choice(["Acct #", "Account No.", "FIN", "HAR", "CSN", "Encounter #", "Visit ID", "Pt Acct #"])
def acct_for(r, lab): return {"FIN": fin(r), "CSN": csn(r), "HAR": "7" + digits(r, 8)}.get(lab, acct(r))

# ================================================================== document model
class Doc:
    def __init__(s, cat, title, o, blocks, kind="narr", sender=None, dest=None, subject=None, to_patient=None):
        s.cat, s.title, s.o, s.blocks, s.kind, s.sender, s.dest, s.subject, s.to_patient = cat, title, o, blocks, kind, sender, dest, subject, to_patient
    def cut(s, n):
        out = []
        for b in s.blocks:
            if b[0] == "table" and len(b[2]) > n: b = ("table", b[1], b[2][:n])
            out.append(b)
        d = Doc(s.cat, s.title, s.o, out, s.kind, s.sender, s.dest, s.subject, s.to_patient); return d
    def table(s): return next(b for b in s.blocks if b[0] == "table")
def kv(items): return ("kv", [(a, str(b)) for a, b in items if b not in (None, "")])
def P(t): return ("p", t)
def H(t): return ("h", t)
def pre(t): return ("pre", t)
def tbl(hdr, rows): return ("table", hdr, rows)
def narr(cat, title, o, blocks, **kw): return Doc(cat, title, o, blocks, "narr", **kw)
def raw(cat, title, o, text, intro=None, **kw): return Doc(cat, title, o, ([P(intro)] if intro else []) + [pre(text)], "raw", **kw)
def plist(cat, title, o, hdr, rows, intro=None, **kw): return Doc(cat, title, o, ([P(intro)] if intro else []) + [tbl(hdr, rows)], "list", **kw)
def signoff(r, s, o): return r.choice([f"{s.with_cred()}\n{o.short}", f"{s.with_cred()}\n{s.role or o.short}\n{o.phone}", f"- {s.given}", f"{s.plain()}, {s.cred or 'Coordinator'}"])
def nm(r, p): return r.choice([p.lf(), p.caps(), p.plain(), p.full(), p.lf()])
def pt_kv(r, p, extra=(), dob=True, name_label=None, idl=None):
    items = [(name_label or L_pt(r), nm(r, p))]
    if dob: items.append((L_dob(r), dob_s(r, p)))
    if idl: items.append(idl)
    return kv(items + list(extra))

# ================================================================== renderers
def cell(v, dst="mdy"):
    if isinstance(v, dtm.datetime): return fd(v.date(), dst) + f" {v:%H:%M}"
    if isinstance(v, dtm.date): return fd(v, dst)
    return "" if v is None else str(v)
def kv_lines(items, sty):
    w = max(len(a) for a, _ in items) + 2
    if sty == "colon": return [f"{a}: {b}" for a, b in items]
    if sty == "aligned": return [f"{(a + ':').ljust(w)} {b}" for a, b in items]
    if sty == "next": return sum(([f"{a}:", f"    {b}"] for a, b in items), [])
    if sty == "caps": return [f"{a.upper()}: {b}" for a, b in items]
    if sty == "dash": return [f"{a} - {b}" for a, b in items]
    if sty == "nocolon": return [f"{a.ljust(w)}{b}" for a, b in items]
    if sty == "tight": return [f"{a}:{b}" for a, b in items]
    return ["; ".join(f"{a}: {b}" for a, b in items) + "."]
KV_STYLES = ["colon", "colon", "aligned", "next", "caps", "dash", "nocolon", "tight", "runon"]
def table_lines(hdr, rows, dst, sty):
    rows = [[cell(v, dst) for v in row] for row in rows]
    if sty == "pipe": return [" | ".join(hdr)] + [" | ".join(x) for x in rows]
    if sty == "tab": return ["\t".join(hdr)] + ["\t".join(x) for x in rows]
    w = [max(len(str(h)), *(len(x[i]) for x in rows)) for i, h in enumerate(hdr)]
    return ["  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)).rstrip(), "  ".join("-" * x for x in w)] + ["  ".join(c.ljust(w[i]) for i, c in enumerate(x)).rstrip() for x in rows]
def render_text(r, doc, tsty="cols", dst="mdy"):
    out = [doc.title, ""] if doc.title and r.random() < 0.7 else []
    ks = r.choice(KV_STYLES)
    for b in doc.blocks:
        if b[0] == "h": out += [b[1].upper() if r.random() < 0.5 else b[1], ""]
        elif b[0] == "p": out += [b[1], ""]
        elif b[0] == "kv": out += kv_lines(b[1], ks) + [""]
        elif b[0] == "table": out += table_lines(b[1], b[2], dst, tsty) + [""]
        else: out += [b[1], ""]
    return "\n".join(out).rstrip() + "\n"
def nl2br(t): return esc(t).replace("\n", "<br>\n")
LOOKS = [("Calibri,Arial,sans-serif", "10.5pt"), ("Georgia,serif", "11pt"), ("Segoe UI,Tahoma,sans-serif", "10pt"), ("Verdana,sans-serif", "9.5pt"), ("Arial,Helvetica,sans-serif", "10pt")]
def render_html(r, doc, letterhead=False, look=0, dst="mdy"):
    o = doc.o; font, size = LOOKS[look]; c = o.color; h = [f'<html><head><meta charset="utf-8"><title>{esc(doc.title or o.short)}</title></head><body style="font-family:{font};font-size:{size}">']
    if letterhead:
        h.append(f'<table width="100%" style="border-bottom:2px solid {c}"><tr><td style="color:{c};font-size:15pt"><b>{esc(o.name)}</b></td>'
                 f'<td align="right" style="font-size:8.5pt;color:#555">{esc(o.addr())}<br>Tel {o.phone} &middot; Fax {o.fax}</td></tr></table>')
    if doc.title: h.append(f'<h3 style="color:{c}">{esc(doc.title)}</h3>')
    two = r.random() < 0.55
    for b in doc.blocks:
        if b[0] == "h": h.append(f"<h4>{esc(b[1])}</h4>")
        elif b[0] == "p": h.append(f"<p>{nl2br(b[1])}</p>")
        elif b[0] == "kv":
            if two: h.append('<table cellpadding="3" style="border-collapse:collapse">' + "".join(f'<tr><td style="background:#f1f1f1"><b>{esc(a)}</b></td><td>{esc(v)}</td></tr>' for a, v in b[1]) + "</table>")
            else: h.append("<p>" + "<br>\n".join(f"<b>{esc(a)}:</b> {esc(v)}" for a, v in b[1]) + "</p>")
        elif b[0] == "table":
            h.append(f'<table border="1" cellpadding="3" style="border-collapse:collapse;font-size:9pt"><tr style="background:{c};color:#fff">' + "".join(f"<th>{esc(x)}</th>" for x in b[1]) + "</tr>"
                     + "".join("<tr>" + "".join(f"<td>{esc(cell(v, dst))}</td>" for v in row) + "</tr>" for row in b[2]) + "</table>")
        else: h.append(f'<pre style="font-size:8.5pt">{esc(b[1])}</pre>')
    h.append("</body></html>"); return "\n".join(h)

# ---------------------------------------------------------------- PDF stamp normalisation (this batch's own)
def _fill(seed, n, alpha):
    h = b""; i = 0
    while len(h) < n: h += hashlib.sha256(seed + b"#" + str(i).encode()).digest(); i += 1
    return bytes(alpha[x % len(alpha)] for x in h[:n])
def scrub_pdf(data, name):
    key = ("b20/" + name).encode(); stamp = FIXED_STAMP.strftime("%Y%m%d%H%M%S").encode(); iso = FIXED_STAMP.strftime("%Y-%m-%dT%H:%M:%S").encode()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", lambda m: m.group(1) + stamp, data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)", lambda m: m.group(1) + iso, data)
    data = re.sub(rb"(xmp(?:Meta)?:(?:CreateDate|ModifyDate|MetadataDate)=['\"])(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)", lambda m: m.group(1) + iso, data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + re.sub(rb"[0-9a-f]", lambda _: b"0", m.group(0)[5:].lower())[:0] + _uuid(key), data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + _fill(key + b"dc", len(m.group(2)), b"0123456789ABCDEF"), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: b"/ID [<" + _fill(key, len(m.group(1)), b"0123456789ABCDEF") + b"><" + _fill(key, len(m.group(2)), b"0123456789ABCDEF") + b">]", data)
    t = data.rfind(b"trailer")
    if t >= 0:
        tail = data[t:]; mm = re.search(rb"/ID\s*\[", tail)
        if mm:
            j = mm.end(); depth = 0; k = j; inlit = False
            while k < len(tail):
                ch = tail[k:k + 1]
                if inlit:
                    if ch == b"\\": k += 2; continue
                    if ch == b"(": depth += 1
                    elif ch == b")":
                        depth -= 1
                        if depth == 0: inlit = False
                elif ch == b"(": inlit = True; depth = 1
                elif ch == b"]": break
                k += 1
            h = _fill(key + b"id", 32, b"0123456789ABCDEF")
            data = data[:t] + tail[:mm.start()] + b"/ID [<" + h + b"><" + h + b">]" + tail[k + 1:]
    return data
def _uuid(key): f = _fill(key + b"u", 32, b"0123456789abcdef"); return f[:8] + b"-" + f[8:12] + b"-" + f[12:16] + b"-" + f[16:20] + b"-" + f[20:32]
def page_count(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out); return int(m.group(1)) if m else 99

# ---------------------------------------------------------------- logos (PIL)
_LOGOS = {}
def logo_png(o):
    if o.key in _LOGOS: return _LOGOS[o.key]
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("RGB", (560, 120), "white"); d = ImageDraw.Draw(im); c = o.color
    fb = ImageFont.truetype(FONTDIR + "DejaVuSans-Bold.ttf", 30); fs = ImageFont.truetype(FONTDIR + "DejaVuSans.ttf", 15); fi = ImageFont.truetype(FONTDIR + "DejaVuSans-Bold.ttf", 34)
    shape = int(hashlib.sha256(o.key.encode()).hexdigest(), 16) % 3
    if shape == 0: d.ellipse((10, 10, 110, 110), fill=c)
    elif shape == 1: d.polygon([(60, 8), (112, 60), (60, 112), (8, 60)], fill=c)
    else: d.rounded_rectangle((10, 10, 110, 110), 18, fill=c)
    ini = o.initials()[:3]; d.text((60, 60), ini, fill="white", font=fi, anchor="mm")
    d.text((130, 22), o.short, fill=c, font=fb); d.line((130, 66, 540, 66), fill=c, width=3); d.text((130, 76), f"{o.city}, {o.st}  |  {o.phone}  |  {o.dom}", fill="#555555", font=fs)
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGOS[o.key] = b.getvalue(); return _LOGOS[o.key]

# ================================================================== reportlab (invariant on)
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, Preformatted, Image as RLImage
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
_RL = set()
def rl_font(which):
    if which in ("Helvetica", "Times-Roman"): return which, {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[which], True
    n, b = TTF[which]
    if which not in _RL:
        pdfmetrics.registerFont(TTFont("DV" + which, FONTDIR + n)); pdfmetrics.registerFont(TTFont("DV" + which + "B", FONTDIR + b)); _RL.add(which)
    return "DV" + which, "DV" + which + "B", False
def rl_pdf(r, doc):
    o = doc.o; f, fb, fold = rl_font(r.choice(["Helvetica", "Times-Roman", "sans", "serif", "cond"])); T = (lambda s: esc(L1(s))) if fold else (lambda s: esc(str(s)))
    wide = doc.kind == "list" and len(doc.table()[1]) > 6; ps = landscape(letter) if wide else letter; col = colors.HexColor(o.color); look = r.randrange(3)
    body = ParagraphStyle("b", fontName=f, fontSize=9.5, leading=12.5); tit = ParagraphStyle("t", fontName=fb, fontSize=13, leading=16, textColor=col, spaceAfter=6)
    small = ParagraphStyle("s", fontName=f, fontSize=8, leading=9.5); hd = ParagraphStyle("h", fontName=fb, fontSize=10.5, leading=13, spaceBefore=4)
    foot = r.choice(["Confidential - contains protected information", o.dom, f"Printed {fd(TODAY, 'mdy')}", o.name])
    def deco(c, d):
        c.saveState(); W, Hh = ps
        if look == 0: c.setFillColor(col); c.rect(0, Hh - 58, W, 58, fill=1, stroke=0); c.setFillColor(colors.white); c.setFont(fb, 15); c.drawString(40, Hh - 36, L1(o.name) if fold else o.name); c.setFont(f, 8); c.drawRightString(W - 40, Hh - 36, L1(o.addr()) if fold else o.addr())
        elif look == 1: c.setFillColor(col); c.rect(40, Hh - 50, 8, 26, fill=1, stroke=0); c.setFont(fb, 14); c.drawString(56, Hh - 40, L1(o.name) if fold else o.name); c.setFillColor(colors.grey); c.setFont(f, 8); c.drawString(56, Hh - 52, f"{o.addr()}  Tel {o.phone}  Fax {o.fax}" if not fold else L1(f"{o.addr()}  Tel {o.phone}  Fax {o.fax}"))
        else: c.drawImage(RLImageReader(logo_png(o)), 40, Hh - 66, width=210, height=45); c.setFont(f, 8); c.setFillColor(colors.grey); c.drawRightString(W - 40, Hh - 40, L1(o.addr()) if fold else o.addr())
        c.setStrokeColor(col); c.line(40, 36, W - 40, 36); c.setFillColor(colors.grey); c.setFont(f, 7.5); c.drawString(40, 24, L1(foot) if fold else foot); c.drawRightString(W - 40, 24, f"Page {d.page}"); c.restoreState()
    st = []
    if doc.title: st.append(Paragraph(T(doc.title), tit))
    for b in doc.blocks:
        if b[0] == "h": st.append(Paragraph(T(b[1]), hd))
        elif b[0] == "p": st.append(Paragraph(T(b[1]).replace("\n", "<br/>"), body)); st.append(Spacer(1, 4))
        elif b[0] == "kv":
            items = [[Paragraph("<b>" + T(a) + "</b>", small), Paragraph(T(v), small)] for a, v in b[1]]
            if r.random() < 0.5 and len(items) > 3:
                half = (len(items) + 1) // 2; items = [items[i] + (items[i + half] if i + half < len(items) else ["", ""]) for i in range(half)]
                t = Table(items, colWidths=[90, 160, 90, 160]); t.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")), ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eeeeee")), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            else:
                t = Table(items, colWidths=[130, 360]); t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey), ("TEXTCOLOR", (0, 0), (0, -1), col), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            st += [t, Spacer(1, 6)]
        elif b[0] == "table":
            hdr = [Paragraph("<b>" + T(x) + "</b>", small) for x in b[1]]; rows = [[Paragraph(T(cell(v)), small) for v in row] for row in b[2]]
            lens = [max(len(str(x)), *(len(cell(v)) for v in [row[i] for row in b[2]])) + 2 for i, x in enumerate(b[1])]; avail = ps[0] - 80
            t = Table([hdr] + rows, colWidths=[avail * l / sum(lens) for l in lens], repeatRows=1)
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), col), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f3f3")]),
                                   ("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            hdr[0].style = small; st += [t, Spacer(1, 6)]
        else: st.append(Preformatted(L1(b[1]) if fold else b[1], ParagraphStyle("pre", fontName="Courier", fontSize=7, leading=8.5)))
    buf = io.BytesIO(); SimpleDocTemplate(buf, pagesize=ps, leftMargin=40, rightMargin=40, topMargin=80, bottomMargin=50, title=doc.title or o.short, author=o.short).build(st, onFirstPage=deco, onLaterPages=deco)
    return buf.getvalue()
def RLImageReader(png):
    from reportlab.lib.utils import ImageReader
    return ImageReader(io.BytesIO(png))

# ================================================================== fpdf2 (creation date fixed, /Producer set)
from fpdf import FPDF
import fpdf as _fpdf
class Sheet(FPDF):
    o = None; look = 0; fam = "helvetica"; fold = True
    def header(self):
        o = self.o; c = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5)); tx = (lambda s: L1(s)) if self.fold else str
        if self.look == 0:
            self.set_fill_color(*c); self.rect(0, 0, self.w, 20, "F"); self.set_text_color(255, 255, 255); self.set_font(self.fam, "B", 14); self.set_xy(10, 6); self.cell(self.w - 20, 8, tx(o.name), align="C")
        elif self.look == 1:
            self.set_text_color(*c); self.set_font(self.fam, "B", 13); self.set_xy(12, 9); self.cell(0, 7, tx(o.name)); self.set_draw_color(*c); self.line(12, 18, self.w - 12, 18)
            self.set_text_color(90, 90, 90); self.set_font(self.fam, "", 7.5); self.set_xy(12, 19); self.cell(0, 4, tx(f"{o.addr()} | {o.phone}"))
        else:
            self.image(io.BytesIO(logo_png(o)), 12, 7, h=14); self.set_text_color(90, 90, 90); self.set_font(self.fam, "", 7.5); self.set_xy(self.w - 92, 10); self.multi_cell(80, 3.6, tx(f"{o.addr()}\nTel {o.phone}  Fax {o.fax}"), align="R")
        self.set_text_color(0, 0, 0); self.set_y(28)
    def footer(self):
        self.set_y(-13); self.set_font(self.fam, "", 7); self.set_text_color(120, 120, 120); self.cell(0, 5, (L1 if self.fold else str)(f"{self.o.short} - page {self.page_no()} of {{nb}}"), align="C")
def fp_pdf(r, doc):
    o = doc.o; wide = doc.kind == "list" and len(doc.table()[1]) > 5
    pdf = Sheet(orientation="L" if wide else "P", unit="mm", format="Letter"); pdf.set_creation_date(FIXED_STAMP); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    pdf.o = o; pdf.look = r.randrange(3); ttf = r.random() < 0.5
    if ttf:
        which = r.choice(["sans", "serif", "cond"]); n, b = TTF[which]; pdf.add_font("dv", "", FONTDIR + n); pdf.add_font("dv", "B", FONTDIR + b); pdf.fam = "dv"; pdf.fold = False
    else: pdf.fam = r.choice(["helvetica", "times"]); pdf.fold = True
    T = (lambda s: str(s)) if ttf else (lambda s: L1(s))
    pdf.set_auto_page_break(True, 18); pdf.add_page(); pdf.set_margins(12, 28, 12); W = pdf.w - 24; c = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    if doc.title: pdf.set_font(pdf.fam, "B", 12.5); pdf.set_text_color(*c); pdf.multi_cell(W, 6.5, T(doc.title)); pdf.set_text_color(0, 0, 0); pdf.ln(2)
    for bl in doc.blocks:
        if bl[0] == "h": pdf.set_font(pdf.fam, "B", 10.5); pdf.multi_cell(W, 5.5, T(bl[1])); pdf.ln(1)
        elif bl[0] == "p": pdf.set_font(pdf.fam, "", 9.5); pdf.multi_cell(W, 4.8, T(bl[1])); pdf.ln(2)
        elif bl[0] == "kv":
            if r.random() < 0.5:
                with pdf.table(col_widths=(35, 85), text_align="LEFT", first_row_as_headings=False, line_height=5, borders_layout=r.choice(["ALL", "HORIZONTAL_LINES"])) as t:
                    pdf.set_font(pdf.fam, "", 8.5)
                    for a, v in bl[1]: row = t.row(); row.cell(T(a)); row.cell(T(v))
            else:
                for a, v in bl[1]:
                    pdf.set_font(pdf.fam, "B", 9); pdf.write(5, T(a) + ": "); pdf.set_font(pdf.fam, "", 9); pdf.write(5, T(v)); pdf.ln(5)
            pdf.ln(2)
        elif bl[0] == "table":
            lens = [max(len(str(x)), *(len(cell(v)) for v in [row[i] for row in bl[2]])) + 2 for i, x in enumerate(bl[1])]
            pdf.set_font(pdf.fam, "", 7.5 if wide else 8)
            with pdf.table(col_widths=tuple(lens), text_align="LEFT", line_height=4.2, headings_style=__import__("fpdf").FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=c), cell_fill_color=(243, 243, 243), cell_fill_mode="ROWS") as t:
                row = t.row()
                for x in bl[1]: row.cell(T(x))
                for rr in bl[2]:
                    row = t.row()
                    for v in rr: row.cell(T(cell(v)))
            pdf.ln(2)
        else: pdf.set_font("courier", "", 7); pdf.multi_cell(W, 3.4, L1(bl[1])); pdf.ln(2)
    return bytes(pdf.output())

# ================================================================== hand-written PostScript for Ghostscript
def ps_str(s): return "(" + L1(s).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
def wrap(s, n):
    out = []
    for para in str(s).split("\n"):
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > n and line: out.append(line); line = w
            else: line = (line + " " + w).strip() if line else w
        out.append(line)
    return out
def ps_doc(r, doc):
    o = doc.o; fam = r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")]); c = [int(o.color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lines = []   # (font, size, x, text)
    if doc.title: lines.append(("B", 12, 50, doc.title)); lines.append(None)
    for b in doc.blocks:
        if b[0] == "h": lines.append(("B", 10.5, 50, b[1]))
        elif b[0] == "p": lines += [("R", 9.5, 50, ln) for ln in wrap(b[1], 98)]; lines.append(None)
        elif b[0] == "kv":
            for a, v in b[1]:
                vv = wrap(v, 70); lines.append(("KV", 9.5, 50, (a, vv[0])))
                lines += [("R", 9.5, 200, x) for x in vv[1:]]
            lines.append(None)
        elif b[0] == "table":
            tl = table_lines(b[1], b[2], "mdy", "cols"); mx = max(len(x) for x in tl); sz = min(8.0, 510 / (mx * 0.6))
            lines += [("C", sz, 50, x) for x in tl]; lines.append(None)
        else: lines += [("C", 7, 50, x) for x in b[1].split("\n")]; lines.append(None)
    pages = []; cur = []; y = 700
    for ln in lines:
        h = 6 if ln is None else ln[1] * 1.3
        if y - h < 60: pages.append(cur); cur = []; y = 700
        if ln is not None: cur.append((ln, y))
        y -= h
    pages.append(cur); N = len(pages)
    ps = ["%!PS-Adobe-3.0", f"%%Title: {L1(doc.title or o.short)}", f"%%Pages: {N}", "%%EndComments",
          "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding def currentdict end definefont pop } def",
          f"/FR /{fam[0]} reenc /FB /{fam[1]} reenc /FC /Courier reenc"]
    for i, pg in enumerate(pages, 1):
        ps += [f"%%Page: {i} {i}", f"{c[0]:.3f} {c[1]:.3f} {c[2]:.3f} setrgbcolor /FB 14 selectfont 50 745 moveto {ps_str(o.name)} show",
               "0.4 0.4 0.4 setrgbcolor /FR 8 selectfont 50 732 moveto " + ps_str(f"{o.addr()}  Tel {o.phone}  Fax {o.fax}") + " show",
               f"{c[0]:.3f} {c[1]:.3f} {c[2]:.3f} setrgbcolor 1 setlinewidth 50 724 moveto 562 724 lineto stroke 0 setgray"]
        for (f, sz, x, t), y in pg:
            if f == "KV": ps.append(f"/FB {sz} selectfont {x} {y:.1f} moveto {ps_str(t[0] + ':')} show /FR {sz} selectfont 200 {y:.1f} moveto {ps_str(t[1])} show")
            else: ps.append(f"/{ {'B': 'FB', 'R': 'FR', 'C': 'FC'}[f] } {sz} selectfont {x} {y:.1f} moveto {ps_str(t)} show")
        ps += ["0.5 setgray /FR 7 selectfont 50 40 moveto " + ps_str(f"{o.short} - confidential") + f" show 520 40 moveto ({i} of {N}) show", "showpage"]
    ps.append("%%EOF"); return "\n".join(ps) + "\n", N

# ================================================================== DOCX / XLSX / CSV
import docx as _docx
from docx.shared import Pt, RGBColor, Inches
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
def add_field(par, instr):
    run = par.add_run(); a = OxmlElement("w:fldChar"); a.set(qn("w:fldCharType"), "begin"); run._r.append(a)
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = instr; run._r.append(t)
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "end"); run._r.append(b)
DOCX_STYLES = ["Table Grid", "Light Grid Accent 1", "Light List Accent 3", "Medium Shading 1 Accent 5", "Light Shading Accent 2", "Medium Grid 1 Accent 1", "Colorful List Accent 6"]
def docx_bytes(r, doc, logo=False):
    o = doc.o; d = _docx.Document(); st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Cambria", "Arial", "Georgia", "Segoe UI", "Garamond"]); st.font.size = Pt(10.5)
    sec = d.sections[0]; col = RGBColor.from_string(o.color[1:].upper())
    if doc.kind == "list" and len(doc.table()[1]) > 5:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(2.4)); hp = sec.header.add_paragraph()
    rn = hp.add_run(o.name); rn.bold = True; rn.font.color.rgb = col; rn.font.size = Pt(13)
    ap = sec.header.add_paragraph(); ra = ap.add_run(f"{o.addr()} | Tel {o.phone} | Fax {o.fax}"); ra.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]; fp.add_run(r.choice(["Confidential. ", f"{o.short} - ", ""]) + "Page "); add_field(fp, "PAGE")
    if doc.title: hh = d.add_heading(doc.title, level=r.choice([1, 2]))
    kvtab = r.random() < 0.55
    for b in doc.blocks:
        if b[0] == "h": d.add_heading(b[1], level=3)
        elif b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "kv":
            if kvtab:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for a, v in b[1]:
                    cc = t.add_row().cells; cc[0].text = a; cc[1].text = v; cc[0].paragraphs[0].runs[0].bold = True
                d.add_paragraph()
            else:
                for a, v in b[1]:
                    p = d.add_paragraph(); x = p.add_run(a + ": "); x.bold = True; p.add_run(v); p.paragraph_format.space_after = Pt(0)
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(DOCX_STYLES)
            for i, x in enumerate(b[1]): t.rows[0].cells[i].text = x
            for row in b[2]:
                cc = t.add_row().cells
                for i, v in enumerate(row): cc[i].text = cell(v)
        else:
            p = d.add_paragraph(); x = p.add_run(b[1]); x.font.name = "Courier New"; x.font.size = Pt(7.5)
    d.core_properties.author = o.short; d.core_properties.title = doc.title or ""
    d.core_properties.created = dtm.datetime(2026, 12, 20, 9, 0, 0); d.core_properties.modified = dtm.datetime(2026, 12, 20, 9, 0, 0)
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy"]
def xlsx_book(r, doc, for_print=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    hdr, rows = doc.table()[1], doc.table()[2]; wb = openpyxl.Workbook(); ws = wb.active
    if not for_print and r.random() < 0.2:
        ws.title = r.choice(["About", "Read me", "Info"]); ws["A1"] = doc.title or doc.cat; ws["A2"] = f"{doc.o.name} - generated {fd(TODAY, 'mdy')}"; ws["A3"] = "Data on the next sheet."; ws = wb.create_sheet("Data")
    else: ws.title = r.choice(["Sheet1", "List", "Data", "Export", TODAY.strftime("%b %Y")])
    start = 1
    if doc.title and r.random() < 0.5: ws.cell(1, 1, doc.title).font = Font(bold=True, size=12); start = 3
    nf = "dd/mm/yyyy" if doc.cat.startswith("spanish") else r.choice(XL_DATE); fill = PatternFill("solid", fgColor=doc.o.color[1:].upper())
    for j, h in enumerate(hdr, 1):
        c = ws.cell(start, j, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = fill
    for i, row in enumerate(rows, start + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(i, j, v)
            if isinstance(v, dtm.datetime): c.number_format = nf + " hh:mm"
            elif isinstance(v, dtm.date): c.number_format = nf
    for j, h in enumerate(hdr, 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = min(40, max(len(str(h)), *(len(cell(row[j - 1])) for row in rows)) + 3)
    if r.random() < 0.5: ws.freeze_panes = ws.cell(start + 1, 1)
    if r.random() < 0.4: ws.auto_filter.ref = f"A{start}:{openpyxl.utils.get_column_letter(len(hdr))}{start + len(rows)}"
    if for_print:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1; ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = doc.o.short; wb.properties.created = dtm.datetime(2026, 12, 20, 9, 0); wb.properties.modified = dtm.datetime(2026, 12, 20, 9, 0)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def csv_bytes(r, doc):
    hdr, rows = doc.table()[1], doc.table()[2]; sp = doc.cat.startswith("spanish")
    dst = "dmy" if sp else r.choice(["mdy", "iso", "ymd", "m/d/yyyy", "d-mon-y"])
    if r.random() < 0.3: hdr = [re.sub(r"[^A-Z0-9]+", "_", ascii_of(h).upper()).strip("_") for h in hdr]
    kind = r.choice(["comma", "comma", "quoted", "semi", "tsv", "pipe", "report"]); eol = r.choice(["\r\n", "\n"])
    delim = {"semi": ";", "tsv": "\t", "pipe": "|"}.get(kind, ","); buf = io.StringIO()
    if kind == "report": buf.write(f"{doc.title or doc.cat}{eol}Generated {fd(TODAY, 'mdy')} {hhmm(r)} by {doc.o.short}{eol}{eol}")
    w = csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL, lineterminator=eol)
    w.writerow(hdr)
    for row in rows: w.writerow([cell(v, dst) for v in row])
    if kind == "report": buf.write(f"{eol}Total rows: {len(rows)}{eol}")
    data = buf.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, {"tsv": "tsv", "pipe": "txt"}.get(kind, "csv")

# ================================================================== PHI narratives (one or two per voice)
def sg(r, o, cred=None, role=""): return staff(r, cred, role)
def P_pendo_dka(r):
    o = org(r, "pendo"); p = kid(r, 4, 16); s = sg(r, o, "MD", "Pediatric Endocrinology"); a1c = round(r.uniform(9.5, 13.8), 1)
    return narr("pendo-dka-followup", "Post-DKA follow-up letter", o, [P(f"Re: {p.plain()}   DOB {dob_s(r, p)}   {L_mrn(r)} {mrn(r)}"),
        P(f"Dear Dr. {staff(r).family},\n\nI saw {p.given} in clinic on {fd(past(r, 2, 12), 'long')} after {('his' if p.sex == 'M' else 'her')} admission for diabetic ketoacidosis (initial pH {r.choice(['7.08', '7.12', '6.98', '7.15'])}, bicarbonate {r.randint(4, 9)}). "
          f"Hemoglobin A1c today is {a1c}%. Type 1 diabetes (E10.10 on admission, now E10.65). {p.given} has been missing lunch boluses at school; we changed to an Omnipod 5 with target 110 mg/dL, carb ratio 1:{r.randint(8, 18)} and correction factor 1:{r.randint(40, 90)}."),
        P(f"A new Diabetes Medical Management Plan was sent to the school nurse. Please continue to follow for the psychosocial screen (PHQ-A {r.randint(6, 14)})."), P(signoff(r, s, o))], sender=s)
def P_pendo_gh(r):
    o = org(r, "pendo"); p = kid(r, 5, 13); s = sg(r, o, "RN", "Endocrine nurse"); pl = org(r, "plan")
    return narr("pendo-gh-prior-auth", "Growth hormone prior authorization - clinical summary", o, [pt_kv(r, p, [(L_mbr(r), member_id(r)), ("Height", f"{r.uniform(98, 130):.1f} cm ({r.choice(['-2.6', '-2.9', '-3.1', '-2.4'])} SD)"),
        ("Growth velocity", f"{r.uniform(3.1, 4.2):.1f} cm/yr"), ("Bone age", f"{r.randint(3, 9)} y {r.randint(0, 11)} m (Greulich-Pyle)"),
        ("Stimulation test", f"arginine/clonidine peak GH {r.uniform(3.2, 8.9):.1f} ng/mL on {fd(past(r, 20, 60), 'mdy')}"), ("Dx", "E23.0 Growth hormone deficiency"), ("Requested", f"somatropin {r.choice(['0.24', '0.3'])} mg/kg/week, NDC {ndc(r)}")]),
        P(f"Prescriber NPI {npi(r)}. MRI pituitary normal. Please fax determination to {o.fax}."), P(signoff(r, s, o))], sender=s, dest=pl)
def P_cf_culture(r):
    o = org(r, "cf"); p = patient(r, 8, 40); s = sg(r, o, "MD", "CF Center"); fev = r.randint(48, 92)
    return narr("cf-clinic-note", "CF clinic quarterly visit", o, [P(f"{p.caps()}  {L_dob(r)} {dob_s(r, p)}  {L_mrn(r)}: {mrn(r)}"),
        P(f"Seen today for quarterly CF visit (E84.0, F508del homozygous). FEV1 {fev}% predicted, down from {fev + r.randint(6, 14)}% in {MONTHS[(TODAY.month + 7) % 12]}. "
          f"Sputum culture {fd(past(r, 3, 10), 'mdy')}: Pseudomonas aeruginosa (mucoid), {r.choice(['MRSA', 'Achromobacter xylosoxidans', 'Stenotrophomonas'])}. On elexacaftor/tezacaftor/ivacaftor, ALT {r.randint(45, 110)}."),
        P(f"Plan: home IV tobramycin + ceftazidime x14 days via PICC, airway clearance QID, recheck ALT in 2 weeks. Weight {r.uniform(40, 70):.1f} kg, BMI {r.uniform(17, 21):.1f}."), P(signoff(r, s, o))], sender=s)
def P_cf_modulator(r):
    o = org(r, "cf"); p = patient(r, 6, 30); s = sg(r, o, "PharmD", "CF pharmacist")
    return narr("cf-modulator-pa", "Trikafta benefits investigation", o, [kv([("Patient", p.lfd()), ("DOB", dob_s(r, p)), ("Subscriber ID", member_id(r)), ("Group", f"{digits(r, 6)}"),
        ("Genotype", r.choice(["F508del / F508del", "F508del / G542X", "F508del / R117H"])), ("Sweat chloride", f"{r.randint(88, 118)} mmol/L"), ("Rx", f"elexacaftor/tezacaftor/ivacaftor, NDC {ndc(r)}"),
        ("PA status", r.choice(["approved through 12/31/2027", "pended - needs baseline LFTs", "denied - appeal filed"])), ("Copay assistance", f"enrolled, BIN {digits(r, 6)} PCN {ups(r, 4)}")]), P(signoff(r, s, o))], sender=s)
def P_burn_transfer(r):
    o = org(r, "burn"); p = patient(r, 18, 80); s = sg(r, o, "RN", "Burn outreach"); src = org(r, "crit"); tb = r.randint(12, 48)
    return narr("burn-transfer-accept", "Burn center transfer acceptance", o, [kv([("Pt", p.plain()), ("Age/DOB", f"{age(p.dob)} / {dob_s(r, p)}"), ("Referring", src.name), ("Mechanism", r.choice(["gasoline flash, brush pile", "scald - pressure cooker", "house fire, found by FD", "electrical contact 7,200 V"])),
        ("TBSA", f"{tb}% ({tb - r.randint(3, 9)}% full thickness)"), ("Airway", r.choice(["intubated, soot in posterior pharynx", "no inhalation signs", "hoarse - intubate before transport"])),
        ("Fluids", f"LR at {r.randint(350, 900)} mL/h per Parkland, UOP goal 30-50 mL/h"), ("ICD-10", f"T31.{tb // 10}{r.randint(0, tb // 10)}")]),
        P(f"Accepted by Dr. {doc_md(r).family}. Flight ETA {hhmm(r)}. Please send face sheet and MAR with the crew."), P(signoff(r, s, o))], sender=s, dest=src)
def P_burn_clinic(r):
    o = org(r, "burn"); p = patient(r, 2, 70); s = sg(r, o, "PA-C")
    return narr("burn-clinic-note", "Burn clinic follow-up", o, [P(f"{p.full()} ({'age ' + str(age(p.dob))}) returns {r.randint(2, 6)} weeks after split-thickness skin graft to the {r.choice(['right hand dorsum', 'left forearm', 'anterior chest', 'bilateral feet'])}. "
        f"Graft take {r.randint(85, 100)}%; small open area 1.5 x 0.8 cm treated with silver alginate. Itching controlled on hydroxyzine. Start pressure garments; OT for scar massage. Return in 3 weeks."), P(signoff(r, s, o))], sender=s)
def P_edp_loc(r):
    o = org(r, "edp"); p = patient(r, 13, 34, sex=r.choice("FFFM")); s = sg(r, o, "MD", "Medical Director"); pl = org(r, "plan")
    return narr("edp-level-of-care", "Level of care review - residential", o, [pt_kv(r, p, [(L_mbr(r), member_id(r)), ("Admit", fd(past(r, 10, 30), "mdy"))]),
        P(f"Dx F50.01 anorexia nervosa, restricting type; F32.1. Admission weight {r.uniform(34, 44):.1f} kg (BMI {r.uniform(13.8, 15.9):.1f}), today {r.uniform(38, 47):.1f} kg. Orthostatic HR rise {r.randint(22, 40)}; phosphorus nadir {r.uniform(1.8, 2.6):.1f} on day 3 (refeeding). "
          f"Still requiring meal support for 100% completion; purging urges daily. Requesting 14 additional residential days."), P(signoff(r, s, o))], sender=s, dest=pl)
def P_edp_family(r):
    o = org(r, "edp"); p = kid(r, 12, 17, sex="F"); s = sg(r, o, "LCSW", "Family therapist"); parent = patient(r, 38, 55)
    return narr("edp-family-update", "Weekly family update", o, [P(f"Hi {parent.given},\n\nQuick update on {p.given} for the week. Weight is up {r.uniform(0.4, 1.3):.1f} kg (blind weights continue). "
        f"She completed 19 of 21 meals, with one supplement for an incomplete dinner. The team is lowering sertraline questions to Dr. {doc_md(r).family} at Thursday's med check. "
        f"For pass this weekend please plate dinners per the exchange plan (3 starch, 2 protein, 2 fat) and call the unit line if she refuses.\n\nFamily session Tuesday {clock(r)}."), P(signoff(r, s, o))], sender=s, to_patient=parent)
def P_epi_emu(r):
    o = org(r, "epi"); p = patient(r, 16, 70); s = sg(r, o, "MD", "Epileptologist")
    return narr("epi-emu-report", "EMU discharge summary", o, [kv([(L_pt(r), p.caps()), (L_dob(r), dob_s(r, p)), (L_acct(r), fin(r)), ("EMU stay", f"{fd(past(r, 8, 14), 'mdy')} - {fd(past(r, 2, 6), 'mdy')}")]),
        P(f"Captured {r.randint(2, 6)} typical events: behavioural arrest with oral automatisms, right-hand dystonic posturing, ictal onset left temporal (T7/F7). Interictal left temporal sharp waves. "
          f"Also one event without EEG correlate consistent with functional seizure. Dx G40.219. MRI: left mesial temporal sclerosis. Discharged on lacosamide 200 mg BID and levetiracetam taper. Refer for surgical conference. No driving per state law."), P(signoff(r, s, o))], sender=s)
def P_epi_vns(r):
    o = org(r, "epi"); p = patient(r, 8, 50); s = sg(r, o, "NP")
    return narr("epi-vns-settings", "VNS interrogation", o, [pt_kv(r, p, [("Device", f"SenTiva model 1000 SN {digits(r, 5)}"), ("Output", f"{r.choice(['1.75', '2.0', '2.25'])} mA, 20 Hz, 250 us, 30 s on / 5 min off"),
        ("Magnet", f"{r.choice(['2.0', '2.25', '2.5'])} mA"), ("Seizure diary", f"{r.randint(2, 14)} focal impaired awareness/month (was {r.randint(15, 30)})"), ("Battery", "> 8 yr")]), P(signoff(r, s, o))], sender=s)
def P_liver_meld(r):
    o = org(r, "liver"); p = patient(r, 35, 72); s = sg(r, o, "MD", "Hepatology"); tb = r.uniform(2.1, 6.9)
    return narr("liver-consult", "Hepatology consult letter", o, [P(f"RE: {p.lfd()}  (DOB {dob_s(r, p)})"),
        P(f"Thank you for referring {p.mrs()} for cirrhosis due to {r.choice(['alcohol-associated liver disease (K70.30)', 'MASH (K75.81)', 'chronic hepatitis C, treated (B18.2)'])}. "
          f"Labs {fd(past(r, 1, 9), 'short')}: bilirubin {tb:.1f}, INR {r.uniform(1.4, 2.2):.1f}, creatinine {r.uniform(0.8, 1.9):.1f}, sodium {r.randint(127, 136)} - MELD 3.0 {r.randint(17, 29)}. "
          f"FibroScan {r.uniform(22, 48):.1f} kPa. Small varices on EGD; started carvedilol 6.25 mg BID. Diuretics adjusted. We will present at transplant selection in January."), P(signoff(r, s, o))], sender=s)
def P_liver_hcv(r):
    o = org(r, "liver"); p = patient(r, 25, 65); s = sg(r, o, "PharmD")
    return narr("liver-hcv-svr", "HCV treatment - SVR12", o, [kv([("Patient Name", p.full()), ("Date of birth", dob_s(r, p)), (L_mrn(r), mrn(r)), ("Regimen", "sofosbuvir/velpatasvir x 12 wk"),
        ("Genotype", r.choice(["1a", "3", "2"])), ("Baseline VL", f"{r.randint(150, 9800)},000 IU/mL"), ("SVR12", f"HCV RNA not detected, {fd(past(r, 1, 20), 'mdy')}")]),
        P("Cured. Continue HCC surveillance q6 months given F3 fibrosis. Counselled on reinfection risk (uses syringe services program)."), P(signoff(r, s, o))], sender=s)
def P_rheum_infusion(r):
    o = org(r, "rheum"); p = patient(r, 22, 80); s = sg(r, o, "RN", "Infusion RN"); drug = r.choice([("rituximab", "1000 mg", "M05.79"), ("infliximab", "5 mg/kg", "M45.9"), ("tocilizumab", "8 mg/kg", "M31.6"), ("belimumab", "10 mg/kg", "M32.14")])
    return narr("rheum-infusion-hold", "Infusion held", o, [P(f"{p.plain()} ({dob_s(r, p, 'mdy')}) - {drug[0]} {drug[1]} for {drug[2]} was HELD today."),
        P(f"Reason: {r.choice(['temp 38.4 and productive cough', 'QuantiFERON indeterminate, repeat pending', 'hep B core antibody positive - needs HBV DNA', 'ANC 0.9'])}. Rescheduled {fd(soon(r, 5, 14), 'wd')}. Dr. {doc_md(r).family} notified. Prior auth #{digits(r, 9)} valid through {fd(soon(r, 40, 120), 'mdy')}."),
        P(signoff(r, s, o))], sender=s)
def P_gi_path(r):
    o = org(r, "gi"); p = patient(r, 45, 80); s = sg(r, o, "MD", "Gastroenterology")
    return narr("gi-pathology-letter", "Your colonoscopy results", o, [P(f"{fd(TODAY, 'long')}\n\n{p.full()}\n{address(r)}"),
        P(f"Dear {p.mrs()},\n\nThe {r.randint(2, 5)} polyps removed during your colonoscopy on {fd(past(r, 7, 20), 'long')} were {r.choice(['tubular adenomas (precancerous)', 'sessile serrated lesions', 'hyperplastic (not precancerous)'])}, the largest {r.randint(4, 14)} mm. "
          f"Based on these results your next colonoscopy should be in {r.choice(['3', '5', '7'])} years. Your biopsy for celiac disease was negative.\n\nPlease call {o.phone} with questions."), P(signoff(r, s, o))], sender=s, to_patient=p)
def P_gi_prep(r):
    o = org(r, "gi"); p = patient(r, 45, 82); s = sg(r, o, "RN", "Pre-procedure nurse")
    return narr("gi-preprocedure-call", "Pre-procedure phone screen", o, [pt_kv(r, p, [("Procedure", f"colonoscopy {fd(soon(r, 3, 20), 'mdy')} {hhmm(r, 7, 14)}"), ("Anticoag", r.choice(["apixaban - hold 2 days per cardiology", "clopidogrel - continue", "warfarin - INR check day before"])),
        ("GLP-1", r.choice(["semaglutide weekly - hold 1 week, clear liquids 24 h", "none"])), ("Driver", f"daughter {staff(r, '').given}"), ("Prep", "split-dose PEG 4 L"), ("OSA/CPAP", r.choice(["yes", "no"]))]), P(signoff(r, s, o))], sender=s)
def P_vat_picc(r):
    o = org(r, "vat"); p = patient(r, 25, 90); s = sg(r, o, "RN, VA-BC", "Vascular Access Team")
    return narr("vat-picc-note", "PICC insertion note", o, [kv([("Pt", p.lf()), ("MRN", mrn(r)), ("Room", f"{r.randint(3, 9)}{r.choice('NSEW')}-{r.randint(1, 40):02d}"), ("Indication", r.choice(["6 wk IV ceftriaxone - vertebral osteomyelitis", "TPN", "vancomycin for MRSA bacteremia", "vesicant chemo"])),
        ("Device", f"{r.choice(['4 Fr single', '5 Fr double'])} lumen PICC, {r.choice(['right', 'left'])} basilic, {r.randint(38, 46)} cm, arm circ {r.randint(26, 36)} cm"), ("Tip", "cavoatrial junction by ECG tip confirmation"),
        ("Lot", f"REF {digits(r, 7)} LOT {lot(r)}")]), P("Cleared for use. Dressing change q7 days. Pt tolerated well."), P(signoff(r, s, o))], sender=s)
def P_irf_screen(r):
    o = org(r, "irf"); p = patient(r, 55, 90); s = sg(r, o, "PT", "Admissions liaison"); h = org(r, "hosp")
    return narr("irf-preadmission-screen", "IRF pre-admission screening", o, [kv([("Name", p.caps()), ("DOB", dob_s(r, p)), ("Medicare", mbi(r, r.random() < 0.5)), ("Referring", h.name),
        ("Impairment group", r.choice(["01.2 Stroke - right body involvement", "08.51 Status post unilateral hip replacement", "04.1 Non-traumatic brain dysfunction", "02.22 Traumatic SCI"])),
        ("Current function", f"mod-max assist transfers, gait {r.randint(10, 60)} ft with RW"), ("Therapy tolerance", "tolerating 3 h/day, 5 days/week expected"), ("Comorbid", "I10, E11.9, N18.3")]),
        P(f"Meets criteria for intensive rehab; bed offered {fd(soon(r, 0, 3), 'mdy')}. Physician review by Dr. {doc_md(r).family}."), P(signoff(r, s, o))], sender=s, dest=h)
def P_dds_ce(r):
    o = org(r, "dds"); p = patient(r, 25, 62); s = sg(r, o, "PhD", "Consultative examiner")
    return narr("dds-ce-report", "Consultative examination - psychological", o, [kv([("Claimant", p.lf()), ("DOB", dob_s(r, p)), ("SSN", f"XXX-XX-{digits(r, 4)}" if r.random() < 0.4 else ssn(r)), ("DDS case", f"{ups(r, 2)}{digits(r, 7)}"), ("Exam date", fd(past(r, 2, 10), "mdy"))]),
        P(f"{p.given} arrived alone by bus, was cooperative, and reported depression since a work injury. PHQ-9 {r.randint(14, 24)}. WAIS-IV FSIQ {r.randint(72, 98)}. Diagnostic impression: F33.1 major depressive disorder, recurrent, moderate; F43.10 PTSD. "
          "Able to understand simple instructions; would have difficulty sustaining concentration for 2-hour blocks."), P(signoff(r, s, o))], sender=s, dest=org(r, "dddst"))
def P_prel_grievance(r):
    o = org(r, "prel"); p = patient(r, 30, 90); s = sg(r, o, "", "Patient Relations Specialist"); fam = patient(r, 30, 70)
    return narr("prel-grievance-letter", "Grievance resolution letter", o, [P(f"{fd(TODAY, 'long')}\n\n{fam.full()}\n{address(r)}"),
        P(f"Re: Grievance G-{TODAY:%y}-{digits(r, 4)} regarding care of your {r.choice(['mother', 'father', 'husband', 'wife'])}, {p.plain()}\n\n"
          f"Dear {fam.mrs()},\n\nWe have completed our review of your concerns about the fall on {fd(past(r, 20, 40), 'long')} on unit 5 West and the delay in the hip X-ray. "
          f"Our review found that the bed alarm was not activated after the evening bath, and the fracture was diagnosed {r.randint(14, 30)} hours later. Staff have been re-educated and bed-alarm audits added. We apologize."), P(signoff(r, s, o))], sender=s, to_patient=fam)
def P_fns_diet(r):
    o = org(r, "fns"); p = patient(r, 30, 90); s = sg(r, o, "RD, LD", "Clinical dietitian")
    return narr("fns-nutrition-note", "Nutrition assessment", o, [P(f"{p.caps()}  Rm {r.randint(300, 999)}  {L_mrn(r)} {mrn(r)}  {L_dob(r)} {dob_s(r, p)}"),
        P(f"Severe protein-calorie malnutrition (E43) in the context of {r.choice(['pancreatic cancer', 'chronic COPD', 'post-op ileus'])}: {r.randint(9, 18)}% weight loss in 6 months, intake < 50% x 7 days, muscle wasting temples/clavicles. "
          f"Plan: Ensure Plus BID, MVI, start tube feeding Osmolite 1.5 at {r.randint(20, 40)} mL/h if intake stays poor; refeeding labs daily x3. Diet order: {r.choice(['dysphagia IDDSI level 5', 'carb-consistent', 'renal 2 g Na'])}."), P(signoff(r, s, o))], sender=s)
def P_asp_review(r):
    o = org(r, "asp"); p = patient(r, 30, 90); s = sg(r, o, "PharmD, BCIDP", "Stewardship pharmacist")
    return narr("asp-restricted-approval", "Restricted antimicrobial review", o, [kv([("Patient", p.lf()), ("MRN", mrn(r)), ("Unit", r.choice(["MICU", "4 North", "Ortho", "ED hold"])), ("Drug", r.choice(["meropenem 1 g q8h", "daptomycin 8 mg/kg", "ceftazidime-avibactam", "micafungin 100 mg"])),
        ("Culture", r.choice(["ESBL E. coli in urine and blood", "VRE faecium in blood", "Candida glabrata in blood", "no growth x 48 h"])), ("Recommendation", r.choice(["approved x 7 days", "de-escalate to ertapenem for OPAT", "stop - no infection", "ID consult"]))]),
        P(f"Paged Dr. {doc_md(r).family} at {hhmm(r)}; agreed."), P(signoff(r, s, o))], sender=s)
def P_stroke_case(r):
    o = org(r, "stroke"); p = patient(r, 40, 92); s = sg(r, o, "MSN, RN", "Stroke coordinator"); src = org(r, "crit")
    return narr("stroke-feedback", "Stroke transfer feedback", o, [P(f"Thank you for the transfer of {p.plain()} (DOB {dob_s(r, p)}) on {fd(past(r, 3, 12), 'mdy')}."),
        kv([("Last known well", hhmm(r)), ("NIHSS", f"{r.randint(6, 24)} on arrival"), ("Door-to-needle at your site", f"{r.randint(28, 75)} min (TNK)"), ("CTA", r.choice(["left M1 occlusion", "right ICA terminus", "basilar tip"])),
            ("Thrombectomy", f"TICI {r.choice(['2b', '2c', '3'])}"), ("Discharge", f"to {ORGS['irf'].short}, mRS {r.randint(1, 4)}"), ("ICD-10", "I63.512")]),
        P("Great teamwork - door-in-door-out was under 90 minutes."), P(signoff(r, s, o))], sender=s, dest=src)
def P_trauma_tertiary(r):
    o = org(r, "trauma"); p = patient(r, 17, 85); s = sg(r, o, "RN", "Trauma registrar")
    return narr("trauma-registry-abstract", "Registry abstract - PI review", o, [kv([("Name", p.caps()), ("DOB", dob_s(r, p)), ("Trauma #", f"T{TODAY:%y}-{digits(r, 4)}"), ("FIN", fin(r)), ("Mechanism", r.choice(["MVC rollover, unrestrained", "fall from ladder 12 ft", "ATV crash", "GSW left thigh"])),
        ("Injuries", r.choice(["S27.0XXA pneumothorax; S32.401A acetabular fx; S36.116A liver lac grade III", "S06.5X1A SDH; S22.42XA multiple rib fx", "S72.321A femur fx; S75.002A femoral artery injury"])),
        ("ISS", r.randint(9, 41)), ("PI filter", r.choice(["missed injury on tertiary survey", "unplanned return to OR", "delay to CT > 60 min"]))]), P(signoff(r, s, o))], sender=s)
def P_vein_pa(r):
    o = org(r, "vein"); p = patient(r, 35, 78); s = sg(r, o, "", "Prior auth coordinator"); pl = org(r, "plan")
    return narr("vein-ablation-pa", "Prior authorization - endovenous ablation", o, [pt_kv(r, p, [(L_mbr(r), member_id(r)), ("CPT", "36475, 36476"), ("Dx", f"I83.81{r.randint(1, 2)} varicose veins with pain; CEAP C{r.randint(2, 4)}"),
        ("Duplex", f"{r.choice(['right', 'left'])} GSV reflux {r.uniform(0.8, 3.4):.1f} s, diameter {r.uniform(5.5, 9.8):.1f} mm"), ("Conservative tx", f"compression 20-30 mmHg since {fd(past(r, 95, 200), 'mdy')}")]),
        P(f"Rendering NPI {npi(r)}. Please reply with auth number."), P(signoff(r, s, o))], sender=s, dest=pl)
def P_urogyn_uds(r):
    o = org(r, "urogyn"); p = patient(r, 35, 88, sex="F"); s = sg(r, o, "NP")
    return narr("urogyn-urodynamics", "Urodynamics summary", o, [P(f"Patient: {p.lf()}   DOB: {dob_s(r, p)}"),
        P(f"Complex cystometrogram: first sensation {r.randint(90, 180)} mL, capacity {r.randint(300, 520)} mL, detrusor overactivity with leakage at {r.randint(120, 260)} mL. Valsalva leak point {r.randint(60, 120)} cmH2O. PVR {r.randint(10, 140)} mL. "
          f"Impression: mixed incontinence (N39.46), stage II anterior prolapse (N81.11). Failed two anticholinergics; plan sacral neuromodulation trial vs Botox 100 U. Pessary #{r.randint(2, 5)} ring fitted today."), P(signoff(r, s, o))], sender=s)
def P_cath_report(r):
    o = org(r, "cath"); p = patient(r, 40, 88); s = sg(r, o, "MD, FACC", "Interventional cardiology")
    return narr("cath-procedure-report", "Cardiac catheterization report", o, [kv([(L_pt(r), p.caps()), (L_dob(r), dob_s(r, p)), (L_acct(r), fin(r)), ("Procedure date", fd(past(r, 0, 5), "mdy")), ("Access", r.choice(["right radial 6F", "right femoral 6F, Angio-Seal"]))]),
        P(f"Findings: {r.choice(['95% mid LAD', '99% proximal RCA with thrombus', '80% OM1 and 70% distal LM'])}. Intervention: {r.choice(['DES 3.0 x 28 mm', 'DES 3.5 x 18 mm', 'referred for CABG'])}. LVEDP {r.randint(12, 28)}. Contrast {r.randint(60, 180)} mL. "
          f"Dx I21.4 NSTEMI. DAPT with ticagrelor 12 months; do not interrupt. Creatinine recheck in 48 h (baseline {r.uniform(1.0, 1.9):.1f})."), P(signoff(r, s, o))], sender=s)
def P_cath_addon(r):
    o = org(r, "cath"); p = patient(r, 45, 88); s = sg(r, o, "RN", "Cath lab charge")
    return narr("cath-schedule-request", "add-on for tomorrow", o, [P(f"Can we add {p.given} {p.family} tomorrow first case? {age(p.dob)}{p.sex}, DOB {dob_s(r, p, 'm/d/yy')}, troponin {r.randint(80, 900)} -> {r.randint(900, 4000)}, "
        f"GFR {r.randint(28, 58)} so pre-hydrate, allergy to iodinated contrast (hives) - prednisone/diphenhydramine premed ordered. On apixaban, last dose {hhmm(r)} today. Room {r.randint(500, 560)}.\n\nThx"), P(f"- {s.given}")], sender=s)
def P_spanish(r):
    k = r.randrange(4); p = patient(r, 20, 70, pool="guatemalan")
    if k == 0:
        o = org(r, "gi"); s = sg(r, o, "MD")
        return narr("spanish-phi", "Resultados de su colonoscopia", o, [P(f"Estimada Sra./Sr. {p.family}:\n\nPaciente: {p.full()}\nFecha de nacimiento: {fd(p.dob, 'dmy')}\nNúmero de expediente: {mrn(r)}"),
            P(f"Los pólipos que se le quitaron el {fd(past(r, 7, 20), 'es')} fueron adenomas tubulares. Debe repetir la colonoscopia en 3 años. Si tiene preguntas llame al {o.phone}."), P(signoff(r, s, o))], sender=s, to_patient=p)
    if k == 1:
        o = org(r, "pendo"); c = kid(r, 5, 14, pool="guatemalan"); s = sg(r, o, "RN")
        return narr("spanish-phi", "Plan de diabetes para la escuela", o, [kv([("Paciente", c.plain()), ("Fecha de nac.", fd(c.dob, "dmy")), ("Número de afiliado", medicaid_id(r)), ("Diagnóstico", "Diabetes tipo 1 (E10.9)"),
            ("Insulina", f"lispro 1 unidad por cada {r.randint(10, 20)} g de carbohidratos"), ("Glucosa baja", "menos de 70: 15 g de jugo, revisar en 15 min")]), P(signoff(r, s, o))], sender=s)
    if k == 2:
        o = org(r, "urogyn"); s = sg(r, o, "NP"); p = patient(r, 40, 80, sex="F", pool="guatemalan")
        return narr("spanish-phi", "Seguimiento de pesario", o, [P(f"Sra. {p.plain()} (nacida el {fd(p.dob, 'es')}):\n\nSu próxima cita para limpieza del pesario es el {fd(soon(r, 20, 60), 'es')}. "
            f"En la última visita encontramos una pequeña erosión; use la crema de estrógeno dos veces por semana. Número de afiliado {member_id(r)}."), P(signoff(r, s, o))], sender=s, to_patient=p)
    o = org(r, "cath"); s = sg(r, o, "RN")
    return narr("spanish-phi", "Instrucciones después del cateterismo", o, [P(f"Paciente: {p.lf()}   Fecha de nac.: {fd(p.dob, 'dmy')}   Cuenta: {fin(r)}"),
        P(f"Se le colocó un stent en la arteria coronaria el {fd(past(r, 1, 4), 'es')}. No deje de tomar ticagrelor 90 mg dos veces al día. No levante más de 5 kg con el brazo derecho por 5 días."), P(signoff(r, s, o))], sender=s, to_patient=p)
def P_nolabel(r):
    k = r.randrange(6); p = patient(r, 16, 85); s = staff(r, "")
    texts = [("burn", f"FYI {p.given} {p.family} came back through the ED last night - the graft on her left hand is infected, febrile to 39.1. Admitted under Dr. {doc_md(r).family}. Can you let the clinic know to cancel Thursday?"),
             ("edp", f"Heads up: {p.plain()} was readmitted from the PHP after fainting at school, K 2.9. Her mom asked that we not call the school nurse."),
             ("epi", f"{p.full()} had a breakthrough generalized seizure at work yesterday - first one since March. Levels drawn. She wanted to know if she can still drive her kids; I told her no until she talks to you."),
             ("liver", f"Just got a call - {p.plain()}, the one on the transplant list, drank over the holiday per his wife. PEth came back 412. We'll need to talk about it at committee."),
             ("stroke", f"{p.given} {p.family} from Grangeville, the TNK lady last week - she's aphasic still but walking. Family grateful. Sending to Blue Mountain tomorrow."),
             ("asp", f"{p.plain()} on 6 North is still on vanc + pip-tazo day 6 with negative cultures and procal 0.08. Can we stop both? He's going home Friday.")]
    key, t = texts[k]; o = org(r, key)
    return narr("nolabel-phi", "", o, [P(t), P(f"- {s.given}")], sender=s, subject=r.choice(["quick update", "fyi", "pt update", "heads up", "today"]))

# ================================================================== PHI interchange
def hts(d=None): d = d or TODAY; return d.strftime("%Y%m%d")
def R_adt_irf(r):
    o = org(r, "irf"); p = patient(r, 60, 90); st = TODAY.strftime("%Y%m%d%H%M")
    t = (f"MSH|^~\\&|MEDITECH|BMRH|HIE|WA|{st}||ADT^A01|{digits(r, 9)}|P|2.5.1\rEVN|A01|{st}\r"
         f"PID|1||{mrn(r)}^^^BMRH^MR~{ssn(r)}^^^SSA^SS||{p.hl7()}||{hts(p.dob)}|{p.sex}|||{ascii_of(address(r)).replace(', ', '^')}||{phone(r, 'WA', 1)}\r"
         f"PV1|1|I|REH^{r.randint(101, 140)}^A|R|||{npi(r)}^{ascii_of(doc_md(r).family).upper()}^ANNA|||REH\rDG1|1||I63.511^Cereb infrc d/t embo of r mid cereb art^I10\rIN1|1|MCR|||MEDICARE PART A||||||||||||||||||||||||||||||||||{mbi(r)}")
    return raw("hl7-adt", "ADT A01", o, t.replace("\r", "\n"), intro="Admit message from last night - PV1 attending is wrong, can you fix in the interface?")
def R_oru_cf(r):
    o = org(r, "cf"); p = patient(r, 6, 40)
    t = (f"MSH|^~\\&|SUNQUEST|CASCADIA|EPIC|CFC|{hts()}0915||ORU^R01|{digits(r, 10)}|P|2.3\rPID|1||{mrn(r)}^^^MR||{p.hl7()}||{hts(p.dob)}|{p.sex}\r"
         f"OBR|1||{ups(r, 2)}{digits(r, 6)}|SPCF^CF SPUTUM CULTURE|||{hts(past(r, 3, 6))}0800\rOBX|1|TX|SPCF^CF SPUTUM CULTURE||Pseudomonas aeruginosa, mucoid 3+||||||F\r"
         f"OBX|2|TX|SPCF^CF SPUTUM CULTURE||Staphylococcus aureus, methicillin resistant (MRSA) 2+||||||F\rOBX|3|TX|SPCF||Tobramycin MIC >=16 R||||||F")
    return raw("hl7-oru", "ORU", o, t.replace("\r", "\n"))
def R_837_vein(r):
    o = org(r, "vein"); p = patient(r, 40, 78); n = npi(r); m = member_id(r)
    t = (f"ISA*00*          *00*          *ZZ*HDVV01         *ZZ*ESHP           *{TODAY:%y%m%d}*1030*^*00501*{digits(r, 9)}*0*P*:~\nGS*HC*HDVV01*ESHP*{TODAY:%Y%m%d}*1030*{r.randint(1, 999)}*X*005010X222A1~\n"
         f"NM1*85*2*HIGH DESERT VEIN AND VASCULAR*****XX*{n}~\nNM1*IL*1*{ascii_of(p.family).upper()}*{ascii_of(p.given).upper()}****MI*{m}~\nDMG*D8*{hts(p.dob)}*{p.sex}~\n"
         f"CLM*{digits(r, 8)}*{r.randint(2800, 5200)}.00***11:B:1*Y*A*Y*Y~\nHI*ABK:I83812*ABF:I872~\nSV1*HC:36475:RT*{r.randint(2200, 3800)}.00*UN*1***1~\nDTP*472*D8*{hts(past(r, 3, 20))}~\nSE*12*0001~")
    return raw("x12-837p", "837P", o, t)
def R_271_rheum(r):
    o = org(r, "rheum"); p = patient(r, 30, 75)
    t = (f"ST*271*0001*005010X279A1~\nBHT*0022*11*{digits(r, 9)}*{TODAY:%Y%m%d}*1412~\nNM1*PR*2*EVERGREEN SUMMIT HEALTH PLAN*****PI*{digits(r, 5)}~\nNM1*IL*1*{ascii_of(p.family).upper()}*{ascii_of(p.given).upper()}****MI*{member_id(r)}~\n"
         f"DMG*D8*{hts(p.dob)}~\nEB*1*IND*30**PPO~\nEB*B*IND*98***27*45~\nEB*C*IND*30****{r.randint(500, 3000)}~\nMSG*INFLIXIMAB J1745 REQUIRES PA~\nSE*10*0001~")
    return raw("x12-271", "271", o, t, intro="Eligibility back for Monday's new infusion start - PA needed.")
def R_835_cath(r):
    o = org(r, "cath"); p = patient(r, 50, 85)
    t = (f"ST*835*0001~\nBPR*I*{r.randint(1000, 9000)}.00*C*ACH~\nCLP*{fin(r)}*4*{r.randint(18000, 42000)}.00*0**MA*{claim_no(r)}*11~\nNM1*QC*1*{ascii_of(p.family).upper()}*{ascii_of(p.given).upper()}****MI*{mbi(r)}~\n"
         f"SVC*HC:92928*{r.randint(9000, 14000)}.00*0~\nCAS*CO*50*{r.randint(9000, 14000)}.00~\nLQ*HE*N115~\nSE*8*0001~")
    return raw("x12-835", "835 denial", o, t, intro="Medical necessity denial (CARC 50) on the stent case - need the cath report for appeal.")
def R_fhir_pendo(r):
    o = org(r, "pendo"); p = kid(r, 4, 17)
    b = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": f"pt{digits(r, 5)}", "identifier": [{"system": "urn:cgc:mrn", "value": mrn(r)}],
         "name": [{"family": p.family, "given": [p.given]}], "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat()}},
        {"resource": {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c"}]},
         "subject": {"display": p.plain()}, "effectiveDateTime": past(r, 0, 5).isoformat(), "valueQuantity": {"value": round(r.uniform(7.2, 12.9), 1), "unit": "%"}}}]}
    return raw("fhir-json", "FHIR bundle", o, json.dumps(b, indent=2, ensure_ascii=False))
def R_fhir_xml_liver(r):
    o = org(r, "liver"); p = patient(r, 35, 70)
    x = (f'<Bundle xmlns="http://hl7.org/fhir">\n <type value="collection"/>\n <entry><resource><Patient>\n  <identifier><system value="urn:tvh:mrn"/><value value="{mrn(r)}"/></identifier>\n'
         f'  <name><family value="{p.family}"/><given value="{p.given}"/></name>\n  <birthDate value="{p.dob.isoformat()}"/>\n </Patient></resource></entry>\n <entry><resource><Observation>\n  <status value="final"/>\n'
         f'  <code><coding><system value="http://loinc.org"/><code value="11011-4"/><display value="HCV RNA"/></coding></code>\n  <valueQuantity><value value="{r.randint(1000, 9000000)}"/><unit value="IU/mL"/></valueQuantity>\n </Observation></resource></entry>\n</Bundle>')
    return raw("fhir-xml", "FHIR XML", o, x)
def R_cms1500_urogyn(r):
    o = org(r, "urogyn"); p = patient(r, 40, 85, sex="F")
    t = "\n".join([f"1a. INSURED'S I.D. NUMBER      {mbi(r)}", f"2. PATIENT'S NAME              {ascii_of(p.family).upper()}, {ascii_of(p.given).upper()}", f"3. PATIENT'S BIRTH DATE / SEX  {p.dob:%m %d %Y}  F",
                   f"5. PATIENT'S ADDRESS           {ascii_of(address(r)).upper()}", "21. DIAGNOSIS  A. N39.46  B. N81.11  C. R35.0", f"24. {fd(past(r, 3, 20), 'mdy')}  11  51728  26  A  {r.randint(300, 600)}.00  1",
                   f"24. {fd(past(r, 3, 20), 'mdy')}  11  51741  A  {r.randint(100, 200)}.00  1", f"26. PATIENT'S ACCOUNT NO.     {acct(r)}", f"33. BILLING PROVIDER NPI      {npi(r)}"])
    return raw("cms-1500", "CMS-1500", o, t)
def R_ub04_burn(r):
    o = org(r, "burn"); p = patient(r, 20, 75)
    t = "\n".join([f"FL 3a PAT CNTL #   {fin(r)}", f"FL 3b MED REC #    {mrn(r)}", "FL 4 TYPE OF BILL  0111", f"FL 8 PATIENT NAME  {ascii_of(p.caps())}", f"FL 10 BIRTHDATE    {p.dob:%m%d%Y}",
                   f"FL 12 ADMISSION    {past(r, 20, 40):%m%d%y}", "FL 42 REV  0200 ICU  0360 OR  0278 SKIN SUBSTITUTE", f"FL 60 INSURED'S UNIQUE ID  {member_id(r)}", "FL 67 PRIN DX  T3131", "FL 67A T2232XA  T2432XA  J9600",
                   f"MS-DRG 928   TOTAL CHARGES {money(r.randint(180000, 420000))}"])
    return raw("ub04-text", "UB-04", o, t)
def R_278_edp(r):
    o = org(r, "edp"); p = patient(r, 14, 30, sex="F")
    t = (f"ST*278*0001*005010X217~\nBHT*0007*13*{digits(r, 8)}*{TODAY:%Y%m%d}*0930~\nNM1*X3*2*CASCADE COORDINATED CARE*****PI*{digits(r, 5)}~\nNM1*IL*1*{ascii_of(p.family).upper()}*{ascii_of(p.given).upper()}****MI*{medicaid_id(r)}~\n"
         f"DMG*D8*{hts(p.dob)}*F~\nUM*HS*I*1~\nHI*ABK:F5001~\nHSD*DY*14~\nSE*9*0001~")
    return raw("x12-278", "278", o, t)

# ================================================================== PHI lists
def nrows(r): return r.randint(7, 12)
def at(d, r): return dtm.datetime(d.year, d.month, d.day, r.randint(6, 18), r.choice([0, 15, 30, 45]))
def Lp_pendo(r):
    o = org(r, "pendo"); rows = []
    for _ in range(nrows(r)):
        p = kid(r, 3, 17); rows.append([nm(r, p), p.dob, mrn(r), r.choice(["T1D pump", "T1D MDI", "GHD", "CAH", "precocious puberty", "hypothyroid"]), f"{r.uniform(6.4, 13.2):.1f}", soon(r, 1, 30)])
    return plist("pendo-clinic-list", "Endo clinic - next month", o, ["Patient", "DOB", "MRN", "Dx group", "Last A1c", "Appt"], rows)
def Lp_cf(r):
    o = org(r, "cf"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 6, 45); rows.append([p.lf(), p.dob, mrn(r), f"{r.randint(35, 110)}%", r.choice(["PsA", "MRSA", "PsA/MRSA", "none", "Achromobacter", "MSSA"]), r.choice(["ETI", "ivacaftor", "none"]), past(r, 10, 120)])
    return plist("cf-registry-list", "CF patients - registry reconciliation", o, ["Name", "DOB", "MRN", "FEV1 %pred", "Cultures", "Modulator", "Last visit"], rows)
def Lp_burn(r):
    o = org(r, "burn"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 1, 85); rows.append([p.caps(), p.dob, f"{r.randint(2, 45)}%", r.choice(["flame", "scald", "contact", "electrical", "chemical"]), r.choice(["BICU 3", "BICU 5", "step-down", "clinic"]), soon(r, 0, 10)])
    return plist("burn-census", "Burn unit census / OR board", o, ["Patient", "DOB", "TBSA", "Mech", "Location", "Next OR"], rows)
def Lp_edp(r):
    o = org(r, "edp"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 12, 35, sex=r.choice("FFFM")); rows.append([p.plain(), p.dob, r.choice(["RES", "PHP", "IOP"]), f"{r.uniform(13.5, 19.8):.1f}", r.choice(["F50.01", "F50.02", "F50.2", "F50.82"]), past(r, 3, 60)])
    return plist("edp-census", "Census by level of care", o, ["Client", "DOB", "LOC", "BMI", "Dx", "Admit"], rows)
def Lp_epi(r):
    o = org(r, "epi"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 14, 75); rows.append([p.lf(), p.dob, fin(r), soon(r, 1, 40), r.randint(3, 5), r.choice(["characterize events", "presurgical", "med taper", "PNES vs epilepsy"]), r.choice(["BCBS", "Medicaid", "Medicare", "Evergreen"])])
    return plist("epi-emu-waitlist", "EMU admission waitlist", o, ["Patient", "DOB", "FIN", "Admit", "Days", "Goal", "Payer"], rows)
def Lp_liver(r):
    o = org(r, "liver"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 35, 75); rows.append([nm(r, p), p.dob, mrn(r), r.choice(["HCV", "ALD", "MASH", "PBC", "HBV"]), r.randint(8, 32), past(r, 100, 200), r.choice(["US due", "MRI due", "overdue", "scheduled"])])
    return plist("liver-hcc-surveillance", "HCC surveillance recall", o, ["Patient", "DOB", "MRN", "Etiology", "MELD", "Last imaging", "Status"], rows)
def Lp_rheum(r):
    o = org(r, "rheum"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 85); d = r.choice(["infliximab", "rituximab", "tocilizumab", "abatacept", "belimumab", "zoledronic acid"])
        rows.append([p.lf(), p.dob, d, at(soon(r, 1, 6), r), f"Chair {r.randint(1, 8)}", r.choice(["QFT neg", "HBV ok", "labs pending", "PA exp soon", ""])])
    return plist("rheum-chair-schedule", "Infusion chair schedule", o, ["Patient", "DOB", "Drug", "Start", "Chair", "Notes"], rows)
def Lp_gi(r):
    o = org(r, "gi"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 85); rows.append([p.caps(), p.dob, r.choice(["colonoscopy", "EGD", "EGD/colon", "flex sig"]), at(soon(r, 1, 4), r), r.choice(["apixaban hold", "GLP-1 hold", "OSA", "", "latex allergy"]), phone(r)])
    return plist("gi-procedure-schedule", "Procedure schedule", o, ["Patient", "DOB", "Procedure", "Time", "Flags", "Phone"], rows)
def Lp_vat(r):
    o = org(r, "vat"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 95); rows.append([p.lf(), mrn(r), f"{r.randint(3, 9)}{r.choice('NSEW')}-{r.randint(1, 40):02d}", r.choice(["PICC DL", "PICC SL", "midline", "tunneled"]), past(r, 2, 40), r.randint(2, 40), r.choice(["OPAT", "TPN", "chemo", "poor access"])])
    return plist("vat-line-days", "Central line day tracker", o, ["Patient", "MRN", "Room", "Device", "Inserted", "Line days", "Indication"], rows)
def Lp_irf(r):
    o = org(r, "irf"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 50, 95); rows.append([p.plain(), p.dob, mbi(r, True), r.choice(["01.1 stroke L", "01.2 stroke R", "08.51 hip", "04.1 NTBI", "05.1 amputation"]), r.choice(["St. Brendan", "Grangeville CH", "Yakima Valley"]), soon(r, 0, 5), r.choice(["accepted", "pending auth", "declined"])])
    return plist("irf-referral-log", "IRF referral log", o, ["Name", "DOB", "MBI", "RIC", "From", "Bed date", "Status"], rows)
def Lp_dds(r):
    o = org(r, "dds"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 22, 64); rows.append([p.lf(), p.dob, f"XXX-XX-{digits(r, 4)}", at(soon(r, 1, 14), r), r.choice(["psych CE", "internal med CE", "x-ray L-spine", "audiology", "ophth"]), r.choice(["needs interpreter", "no show x1", "", "bus pass"])])
    return plist("dds-exam-schedule", "CE schedule", o, ["Claimant", "DOB", "SSN", "Appt", "Exam", "Notes"], rows)
def Lp_prel(r):
    o = org(r, "prel"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 95); rows.append([f"G-{TODAY:%y}-{digits(r, 4)}", p.lf(), mrn(r), past(r, 1, 40), r.choice(["fall on unit", "billing", "rude staff", "lost dentures", "med error", "delay in pain med"]), r.choice(["open", "letter sent", "CMS 7-day"])])
    return plist("prel-grievance-log", "Grievance log", o, ["Case", "Patient", "MRN", "Received", "Issue", "Status"], rows)
def Lp_fns(r):
    o = org(r, "fns"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 95); rows.append([f"{r.randint(300, 980)}{r.choice('AB')}", p.caps(), r.choice(["NPO", "cardiac 2 g Na", "carb consistent", "IDDSI 5 minced", "renal", "clear liquid", "regular"]), r.choice(["peanut", "shellfish", "none", "gluten (celiac)", "dairy"]), TODAY])
    return plist("fns-diet-roster", "Tray line diet roster", o, ["Room", "Patient", "Diet order", "Food allergy", "Date"], rows)
def Lp_asp(r):
    o = org(r, "asp"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 95); rows.append([p.lf(), mrn(r), r.choice(["meropenem", "vancomycin", "cefepime", "pip-tazo", "daptomycin", "micafungin"]), past(r, 2, 9), r.choice(["blood", "urine", "wound", "resp", "none"]), r.choice(["de-escalate", "IV to PO", "stop", "continue", "ID consult"])])
    return plist("asp-audit-list", "Prospective audit & feedback", o, ["Patient", "MRN", "Agent", "Start", "Culture", "Rec"], rows)
def Lp_stroke(r):
    o = org(r, "stroke"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 35, 95); rows.append([p.caps(), p.dob, past(r, 2, 30), r.randint(2, 26), r.choice(["TNK", "EVT", "TNK+EVT", "none"]), r.randint(22, 95), r.choice(["due", "done", "unable to reach"])])
    return plist("stroke-30day-calls", "30-day follow-up calls", o, ["Patient", "DOB", "Arrival", "NIHSS", "Tx", "DTN min", "Call"], rows)
def Lp_trauma(r):
    o = org(r, "trauma"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 16, 90); rows.append([f"T{TODAY:%y}-{digits(r, 4)}", p.lf(), p.dob, past(r, 1, 20), r.choice(["MVC", "fall", "GSW", "assault", "ATV", "bike"]), r.randint(4, 45), r.choice(["ICU", "floor", "discharged", "expired"])])
    return plist("trauma-registry-queue", "Registry abstraction queue", o, ["Trauma #", "Patient", "DOB", "Arrived", "Mech", "ISS", "Disp"], rows)
def Lp_vein(r):
    o = org(r, "vein"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 30, 80); rows.append([p.plain(), p.dob, member_id(r), r.choice(["RFA R GSV", "RFA L GSV", "VenaSeal L SSV", "sclero", "ABI"]), soon(r, 3, 40), r.choice(["auth rec'd", "pending", "denied - appeal", "not req"])])
    return plist("vein-auth-tracker", "Procedure auth tracker", o, ["Patient", "DOB", "Member ID", "Procedure", "Date", "Auth"], rows)
def Lp_urogyn(r):
    o = org(r, "urogyn"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 95, sex="F"); rows.append([p.lf(), p.dob, f"#{r.randint(2, 6)} {r.choice(['ring', 'ring w/ support', 'Gellhorn', 'donut'])}", past(r, 80, 150), r.choice(["due", "overdue", "erosion f/u"]), phone(r, "ID")])
    return plist("urogyn-pessary-recall", "Pessary recall", o, ["Patient", "DOB", "Pessary", "Last check", "Status", "Phone"], rows)
def Lp_cath(r):
    o = org(r, "cath"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 40, 90); rows.append([at(soon(r, 1, 3), r), p.caps(), p.dob, r.choice(["LHC", "LHC/PCI", "RHC", "TAVR w/u", "staged PCI"]), r.choice(["radial", "femoral"]), f"Cr {r.uniform(0.7, 2.1):.1f}", r.choice(["contrast allergy", "on apixaban", "", "DM - hold metformin"])])
    return plist("cath-lab-schedule", "Cath lab schedule", o, ["Time", "Patient", "DOB", "Case", "Access", "Renal", "Alerts"], rows)
def Lp_es(r):
    o = org(r, r.choice(["gi", "pendo", "urogyn"])); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 80, pool="guatemalan"); rows.append([p.plain(), p.dob, r.choice(["colonoscopia", "control de diabetes", "revisión de pesario", "EGD"]), at(soon(r, 1, 20), r), phone(r), r.choice(["sí", "no", "mensaje"])])
    return plist("spanish-list", "Citas - pacientes de habla hispana", o, ["Paciente", "Fecha de nacimiento", "Cita", "Fecha y hora", "Teléfono", "Confirmó"], rows)

# ================================================================== clean narratives (hard negatives)
def cdoc(cat, title, o, blocks, **kw): return narr(cat, title, o, blocks, **kw)
def C_pendo_camp(r):
    o = org(r, "pendo"); s = sg(r, o, "RN, CDCES")
    return cdoc("event-notice", "Diabetes camp volunteer sign-up", o, [P(f"Camp Sweet Spruce runs {fd(Dt(2027, 7, 11), 'long')} - {fd(Dt(2027, 7, 16), 'long')}. We need 6 RNs and 2 endocrinology fellows per night shift. "
        f"Volunteer applications are due {fd(Dt(2027, 2, 1), 'mdy')}; a background check and your date of birth are required on the volunteer form (revised {fd(Dt(2026, 9, 1), 'mdy')})."), P(signoff(r, s, o))], sender=s)
def C_cf_walk(r):
    o = org(r, "cf"); s = sg(r, o, "", "Family liaison")
    return cdoc("community-event", "Great Strides walk - team results", o, [P(f"Thank you! Team Cascadia raised {money(r.randint(18000, 42000))} with 214 walkers. Top fundraiser: our own respiratory therapist {staff(r, '').plain()}. "
        "Center-wide, median FEV1 among adults improved 6 points since modulators (registry aggregate, n = 187, no individual data)."), P(signoff(r, s, o))], sender=s)
def C_burn_prevention(r):
    o = org(r, "burn"); s = sg(r, o, "", "Injury prevention")
    return cdoc("newsletter", "Holiday burn prevention tips", o, [P("Turkey fryer and space-heater burns peak between Thanksgiving and New Year. Last season our center admitted 41 patients with holiday-related burns (median TBSA 6%, ages 2-84)."),
        kv([("Scald prevention", "keep pot handles turned in"), ("Water heater", "set to 120 F"), ("Cool a burn", "20 minutes of cool running water, no ice"), ("Media contact", f"{staff(r, '').plain()}, {o.phone}")]), P(signoff(r, s, o))], sender=s)
def C_edp_training(r):
    o = org(r, "edp"); s = sg(r, o, "LCSW", "Clinical Director")
    return cdoc("training-notice", "Meal-support training for new staff", o, [P(f"All new milieu staff must complete meal-support training before their first solo meal: {fd(soon(r, 5, 20), 'wd')} 1-4 PM, Juniper House dining room. "
        "Topics: plate-by-exchange, responding to rituals, supplement protocol, documentation in the meal log. Bring your employee ID badge."), P(signoff(r, s, o))], sender=s)
def C_epi_awareness(r):
    o = org(r, "epi"); s = sg(r, o, "", "Outreach")
    return cdoc("newsletter", "Seizure first aid for schools", o, [P("Stay, Safe, Side: stay with the person, keep them safe, turn them on their side. Call 911 if a seizure lasts longer than 5 minutes. "
        f"We trained 1,240 school staff this year in 38 schools. Request a training at {o.phone}. Purple Day is {fd(Dt(2027, 3, 26), 'long')}."), P(signoff(r, s, o))], sender=s)
def C_liver_symposium(r):
    o = org(r, "liver"); s = sg(r, o, "MD")
    return cdoc("event-notice", "Liver Update 2027 - save the date", o, [kv([("Date", fd(Dt(2027, 3, 6), "long")), ("Place", "Boise Centre East"), ("CME", "6.0 AMA PRA Category 1"), ("Keynote", f"Dr. {doc_md(r).plain()} - MASH drugs in 2027"), ("Register by", fd(Dt(2027, 2, 15), "mdy"))]), P(signoff(r, s, o))], sender=s)
def C_rheum_shortage(r):
    o = org(r, "rheum"); s = sg(r, o, "PharmD")
    return cdoc("supply-notice", "Biosimilar transition - infliximab", o, [P(f"Effective {fd(Dt(2027, 1, 15), 'mdy')} the suite will stock infliximab-dyyb only (NDC {ndc(r)}, lot {lot(r)}). No change to dosing. Existing PAs transfer automatically for most plans; "
        "Evergreen Summit requires a new request. Schedulers: please add 15 minutes to first biosimilar visits."), P(signoff(r, s, o))], sender=s)
def C_gi_prep_handout(r):
    o = org(r, "gi"); s = sg(r, o, "RN")
    return cdoc("patient-education", "Bowel prep instructions (template)", o, [P("Patient name: ____________  Date of birth: ___/___/_____  Procedure date: __________"),
        P("Five days before: stop iron and fiber supplements. The day before: clear liquids only. 6 PM: drink the first half of the prep. 5 hours before arrival: drink the second half. Nothing by mouth 2 hours before arrival."),
        P(f"Form GI-114 rev. {fd(Dt(2026, 10, 1), 'mdy')}"), P(signoff(r, s, o))], sender=s)
def C_vat_policy(r):
    o = org(r, "vat"); s = sg(r, o, "RN, VA-BC")
    return cdoc("policy-notice", "CLABSI prevention bundle update", o, [P(f"Hospital CLABSI rate Q3: 0.71 per 1,000 line days (3 events / 4,215 line days), down from 1.12. Starting {fd(Dt(2027, 1, 4), 'mdy')}: CHG bathing for all patients with a central line, "
        f"needleless connector change q96h, and the new dressing kit (REF {digits(r, 7)}). Questions to the VAT pager 4-{digits(r, 4)}."), P(signoff(r, s, o))], sender=s)
def C_irf_outcomes(r):
    o = org(r, "irf"); s = sg(r, o, "", "Quality")
    return cdoc("deidentified-stats", "IRF outcomes FY2026", o, [tbl(["Impairment", "Cases", "Avg LOS", "Discharge home %", "Self-care gain"], [["Stroke", 212, 14.1, "78%", 11.2], ["Hip/knee", 96, 8.4, "91%", 9.8], ["Brain injury", 58, 16.3, "70%", 10.1], ["Amputation", 23, 12.0, "74%", 8.9], ["SCI", "<11", "-", "-", "-"]]),
        P("Small cells suppressed. Share freely with referral sources."), P(signoff(r, s, o))], sender=s)
def C_dds_billing(r):
    o = org(r, "dds"); s = sg(r, o, "", "Office manager")
    return cdoc("vendor-invoice", "November CE invoice summary", o, [kv([("Invoice", inv_no(r)), ("Vendor #", f"V{digits(r, 6)}"), ("Psych CEs", f"{r.randint(60, 140)} x $310.00"), ("Physical CEs", f"{r.randint(40, 110)} x $185.00"),
        ("No-show fees", f"{r.randint(5, 20)} x $60.00"), ("Remit to", o.addr())]), P("Claimant detail is in the secure portal, not in this e-mail."), P(signoff(r, s, o))], sender=s)
def C_prel_report(r):
    o = org(r, "prel"); s = sg(r, o, "", "Manager, Patient Relations")
    return cdoc("deidentified-stats", "Q3 grievance & complaint summary", o, [tbl(["Category", "Complaints", "Grievances", "Resolved in 7 days"], [["Communication", 88, 12, "92%"], ["Billing", 61, 4, "100%"], ["Care/treatment", 47, 19, "84%"], ["Lost property", 22, 0, "n/a"], ["Wait time", 39, 2, "100%"]]),
        P("Top compliment: 5 East night shift (43 named compliments)."), P(signoff(r, s, o))], sender=s)
def C_fns_menu(r):
    o = org(r, "fns"); s = sg(r, o, "", "Executive Chef")
    return cdoc("menu-notice", "Holiday menu and cafeteria hours", o, [kv([("Dec 24", "cafeteria 6:30 AM - 2 PM"), ("Dec 25", "patient trays only; staff grab-and-go in the atrium"), ("Featured", "roast turkey, mushroom wellington (vegan), sugar-free pumpkin pie"),
        ("Allergen binder", "updated - see the carb-consistent and gluten-free codes"), ("Supplier", ORGS["fns"].short + " / NW Food Service order " + po_no(r))]), P(signoff(r, s, o))], sender=s)
def C_asp_antibiogram(r):
    o = org(r, "asp"); s = sg(r, o, "PharmD, BCIDP")
    return cdoc("antibiogram", "2026 antibiogram released", o, [tbl(["Organism (n)", "Cefazolin", "Ceftriaxone", "Pip-tazo", "Meropenem", "Nitrofurantoin"], [["E. coli (1,412)", "82%", "88%", "93%", "100%", "97%"], ["K. pneumoniae (388)", "85%", "89%", "90%", "99%", "-"], ["P. aeruginosa (301)", "-", "-", "86%", "89%", "-"]]),
        P("First isolate per patient per year, CLSI M39. Pocket cards at every nursing station."), P(signoff(r, s, o))], sender=s)
def C_stroke_metrics(r):
    o = org(r, "stroke"); s = sg(r, o, "MSN, RN")
    return cdoc("quality-report", "Stroke program dashboard - November", o, [kv([("Code strokes", r.randint(40, 80)), ("Thrombolytic given", r.randint(8, 20)), ("Median door-to-needle", f"{r.randint(29, 44)} min"), ("DTN < 45 min", f"{r.randint(78, 95)}%"),
        ("EVT cases", r.randint(6, 15)), ("Dysphagia screen before PO", f"{r.randint(90, 99)}%")]), P(f"Recertification survey window opens {fd(Dt(2027, 1, 11), 'mdy')}."), P(signoff(r, s, o))], sender=s)
def C_trauma_course(r):
    o = org(r, "trauma"); s = sg(r, o, "RN", "Trauma educator")
    return cdoc("training-notice", "Stop the Bleed and TNCC dates", o, [tbl(["Course", "Date", "Seats", "Instructor"], [["Stop the Bleed", Dt(2027, 1, 14), 24, staff(r, "RN").plain()], ["TNCC", Dt(2027, 2, 3), 16, staff(r, "RN").plain()], ["ATLS refresher", Dt(2027, 3, 10), 12, doc_md(r).plain()]]),
        P("Register in the learning system; employee ID required."), P(signoff(r, s, o))], sender=s)
def C_vein_marketing(r):
    o = org(r, "vein"); s = sg(r, o, "", "Marketing")
    return cdoc("marketing", "Free vein screening day", o, [P(f"Aching legs? Join us {fd(Dt(2027, 2, 20), 'long')} for a free 10-minute leg screening (no insurance needed). Call {o.phone}. Varicose veins affect roughly 1 in 4 adults. Medicare and most plans cover treatment when medically necessary."), P(signoff(r, s, o))], sender=s)
def C_urogyn_group(r):
    o = org(r, "urogyn"); s = sg(r, o, "PT, DPT")
    return cdoc("support-group", "Pelvic health class - spring series", o, [P(f"Free 4-week class for women with bladder leakage or prolapse, Tuesdays starting {fd(Dt(2027, 3, 2), 'mdy')} 5:30 PM. Led by pelvic-floor PT {staff(r, 'DPT').plain()}. No referral needed."), P(signoff(r, s, o))], sender=s)
def C_cath_equipment(r):
    o = org(r, "cath"); s = sg(r, o, "", "Cath lab manager")
    return cdoc("equipment-maintenance", "Room 2 downtime - C-arm service", o, [kv([("Room", "Cath 2"), ("System", f"Azurion 7 M20 SN {digits(r, 6)}"), ("Downtime", f"{fd(soon(r, 3, 10), 'mdy')} 0600 - 1800"), ("Vendor ticket", f"{ups(r, 2)}-{digits(r, 7)}"), ("Impact", "schedule 4 cases in Room 1/3")]), P(signoff(r, s, o))], sender=s)
def C_birthday(r):
    o = org(r); t = staff(r, ""); s = staff(r, "")
    return cdoc("staff-birthday", f"Cake for {t.given}!", o, [P(f"{t.plain()} turns {r.choice([30, 40, 50, 60])} on {fd(soon(r, 1, 9), 'm/d/yyyy')}! Cake in the break room at 3. Card is at the front desk - sign it before Thursday."), P(f"- {s.given}")], sender=s)
def C_job(r):
    o = org(r)
    return cdoc("job-posting", f"Now hiring - {o.short}", o, [kv([("Position", r.choice(["RN - Infusion (0.9 FTE)", "Registered Dietitian", "Trauma Registrar (CSTR preferred)", "Endoscopy Tech", "Patient Relations Specialist"])), ("Req #", f"R-{digits(r, 6)}"), ("Pay", f"${r.randint(28, 62)}.00-${r.randint(63, 80)}.00/hr"), ("Apply by", fd(soon(r, 10, 40), "mdy"))]),
        P("Equal opportunity employer. Applicants will be asked for date of birth only after a conditional offer.")])
def C_hipaa(r):
    o = org(r); s = sg(r, o, "CHC", "Privacy Officer")
    return cdoc("hipaa-reminder", "Annual HIPAA training due", o, [P(f"Complete the 2027 privacy module by {fd(Dt(2027, 1, 31), 'long')}. The module uses sample data only - e.g. SSN 078-05-1120 and MBI 1EG4-TE5-MK73 - never real patients. "
        "Reminder: do not put patient names in e-mail subject lines; use the [secure] tag."), P(signoff(r, s, o))], sender=s)
def C_ooo(r):
    o = org(r); s = staff(r)
    return cdoc("out-of-office", "Automatic reply: Out of office", o, [P(f"I am out of the office until {fd(soon(r, 3, 12), 'wd')}. For urgent clinical issues call {o.phone} and ask for the charge nurse. For billing, e-mail billing@{o.dom}.\n\n{s.plain()}")], sender=s)
def C_ticket(r):
    o = org(r); s = staff(r, "", "IT Service Desk")
    return cdoc("it-ticket", f"INC{digits(r, 7)} resolved", o, [kv([("Ticket", f"INC{digits(r, 7)}"), ("Caller", staff(r, '').plain()), ("Asset", f"WS-{digits(r, 5)}"), ("Issue", r.choice(["label printer offline", "Citrix timeout", "badge reader", "dictation mic"])), ("Resolution", "driver reinstalled"), ("Tech", s.plain())])], sender=s)
def C_fleet(r):
    o = org(r); v = VENDORS[2]; s = staff(r, "", "Agent")
    return cdoc("fleet-insurance", "Fleet policy renewal", v, [kv([("Insured", o.name), ("Policy #", f"CA-{digits(r, 7)}"), ("Vehicles", r.randint(3, 14)), ("VIN (added)", f"1FT{ups(r, 3, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}{digits(r, 10)}"[:17]), ("Driver", staff(r, '').plain()), ("Premium", money(r.randint(8000, 30000)))])], sender=s, dest=o)
def C_es_notice(r):
    o = org(r); s = staff(r, "")
    return cdoc("spanish-notice", "Aviso al personal", o, [P(f"Estimado personal:\n\nLa reunión mensual será el {fd(soon(r, 3, 15), 'es')} a las 2 PM en la sala B. Se hablará del nuevo horario de vacaciones y de la capacitación de HIPAA. Traigan su credencial de empleado.\n\n{s.plain()}")], sender=s)
def C_form_rev(r):
    o = org(r); s = staff(r, "RHIT", "HIM")
    return cdoc("form-revision", "Registration form revised", o, [P(f"The registration form REG-02 was revised {fd(Dt(2026, 11, 15), 'mdy')}: the Date of Birth field now uses MM/DD/YYYY boxes and the sex field adds 'X'. Destroy stock printed before {fd(Dt(2026, 12, 1), 'mdy')}."), P(signoff(r, s, o))], sender=s)
def C_newsletter_cf(r):
    o = org(r, "cf"); s = sg(r, o, "", "Newsletter editor")
    return cdoc("newsletter", "Cascadia CF News - Winter", o, [H("Infection control at clinic"), P("Masks for everyone, one patient per room, 6 feet apart in hallways. Staff sanitize rooms for 15 minutes between visits."), H("Research"), P("Our center is enrolling in two national studies of airway clearance after modulators. Ask your care team.")], sender=s)

# ================================================================== clean interchange / training look-alikes
def Q_hl7_spec(r):
    o = org(r, r.choice(["irf", "stroke", "cath"]))
    return raw("hl7-spec", "ADT interface spec", o, "PID|1||<MRN>^^^<FACILITY>^MR||<LAST>^<FIRST>^<MI>||<DOB YYYYMMDD>|<SEX>\nPV1|1|<CLASS>|<UNIT>^<ROOM>^<BED>\nIN1|1|<PLAN ID>|||<PLAN NAME>||||||||||||||||||||||||||||||||||<MBI>", intro="Placeholder spec for the new feed - no live data. Go-live " + fd(Dt(2027, 2, 1), "mdy"))
def Q_hl7_test(r):
    o = org(r, r.choice(["cf", "liver"]))
    return raw("hl7-test-patient", "Test ORU", o, f"MSH|^~\\&|LAB|TEST|EPIC|TST|{hts()}0800||ORU^R01|TEST0001|T|2.3\nPID|1||ZZ0000001^^^MR||ZZTEST^PATIENT^A||19000101|U\nOBX|1|NM|1751-7^ALBUMIN||4.0|g/dL|3.5-5.0||||F", intro="Test message from the validation environment (processing ID T).")
def Q_x12_guide(r):
    o = org(r, "plan")
    return raw("x12-guide", "837P companion guide excerpt", o, "NM1*IL*1*DOE*JOHN****MI*XXXXXXXXX~\nDMG*D8*CCYYMMDD*M~\nCLM*<PATIENT CONTROL NUMBER>*<AMOUNT>***11:B:1*Y*A*Y*Y~\nHI*ABK:<ICD-10 NO DECIMAL>~", intro="Companion guide v5.2 - values shown are placeholders.")
def Q_fhir_example(r):
    o = org(r, "pendo")
    return raw("fhir-example", "FHIR example", o, json.dumps({"resourceType": "Patient", "id": "example", "meta": {"tag": [{"code": "HTEST"}]}, "name": [{"family": "Test", "given": ["Patient"]}], "birthDate": "1900-01-01"}, indent=2), intro="Sandbox example for the app vendor.")
def Q_mbi(r):
    o = org(r, r.choice(["irf", "cath", "dds"]))
    return cdoc("mbi-training", "MBI format refresher", o, [P("The Medicare Beneficiary Identifier has 11 characters in the pattern 1AA1-AA1-AA11 (dashes are not stored). CMS's published example is 1EG4-TE5-MK73. Letters S, L, O, I, B and Z are never used."), P("Never test the eligibility tool with a real beneficiary's number.")])
def Q_ssn(r):
    o = org(r, r.choice(["dds", "prel"]))
    return cdoc("ssn-training", "SSN handling - examples", o, [P("Training examples only: 123-45-6789 and 078-05-1120 are not valid for any person; the 987-65-4320 to 987-65-4329 range is reserved for advertising. Mask SSNs as XXX-XX-1234 on all correspondence.")])
def Q_cms_instr(r):
    o = org(r, "urogyn")
    return cdoc("claim-form-instructions", "CMS-1500 tips for urodynamics", o, [kv([("Box 2", "patient's name: Last, First, MI"), ("Box 3", "birth date MM DD YYYY"), ("Box 21", "ICD-10 codes, e.g. N39.46, N81.11"), ("Box 24D", "51728-26 / 51741 / 51797"), ("Box 33a", "billing NPI")])])

# ================================================================== clean lists
def clist(cat, title, o, hdr, rows, intro=None): return plist(cat, title, o, hdr, rows, intro)
def K_oncall(r):
    o = org(r); rows = [[soon(r, i, i), staff(r, "MD").plain(), npi(r), phone(r), staff(r, "RN").plain()] for i in range(nrows(r))]
    return clist("on-call", f"{o.short} on-call - January", o, ["Date", "Physician", "NPI", "Cell", "Backup RN"], rows)
def K_directory(r):
    o = org(r); rows = [[staff(r, '').lf(), r.choice(["RN", "RD", "PharmD", "MA", "Scheduler", "Manager", "Tech"]), f"x{r.randint(4000, 4999)}", mailbox(staff(r), o.dom), emp_id(r)] for _ in range(nrows(r))]
    return clist("staff-directory", "Department directory", o, ["Name", "Role", "Ext", "E-mail", "Emp ID"], rows)
def K_lots(r):
    o = org(r, r.choice(["vat", "cath", "gi", "burn"])); rows = [[r.choice(["PICC kit 5Fr DL", "DES 3.0x18", "silver alginate 4x4", "snare 10 mm", "Angio-Seal 6F", "Mepilex Ag"]), f"REF {digits(r, 6)}", lot(r), soon(r, 60, 700), r.randint(2, 40)] for _ in range(nrows(r))]
    return clist("supply-lots", "Par level / lot check", o, ["Item", "REF", "Lot", "Expires", "On hand"], rows)
def K_training(r):
    o = org(r); rows = [[staff(r, '').plain(), emp_id(r), r.choice(["BLS", "ACLS", "PALS", "TNCC", "restraint"]), soon(r, -100, 200), r.choice(["current", "due", "overdue"])] for _ in range(nrows(r))]
    return clist("training-compliance", "Certification tracker", o, ["Employee", "Emp ID", "Cert", "Expires", "Status"], rows)
def K_po(r):
    o = org(r); rows = [[po_no(r), past(r, 1, 30), r.choice(["Pacific Crest Supply", "NW Food Service", "Gorge Tech", "Cardinal"]), r.choice(["gloves", "enteral formula", "laptops", "contrast", "tray tickets"]), money(r.randint(200, 40000))] for _ in range(nrows(r))]
    return clist("purchase-orders", "Open POs", o, ["PO", "Date", "Vendor", "Items", "Amount"], rows)
def K_deid(r):
    o = org(r); rows = [[b, r.randint(11, 200), r.randint(0, 60), f"{r.uniform(1, 9):.1f}"] for b in ["0-17", "18-34", "35-49", "50-64", "65-79", "80+"]]
    return clist("deidentified-stats", "Volume by age band (de-identified)", o, ["Age band", "Visits", "Admissions", "Avg LOS"], rows, "Counts under 11 suppressed per policy.")
def K_schedule(r):
    o = org(r); rows = [[soon(r, i, i), staff(r, '').plain(), r.choice(["0700-1930", "1900-0730", "0800-1630", "call"]), r.choice(["Room 1", "Chair 3", "Clinic A", "BICU", "Tray line"])] for i in range(nrows(r))]
    return clist("staff-schedule", "Staff schedule", o, ["Date", "Staff", "Shift", "Assignment"], rows)
def K_es_staff(r):
    o = org(r); rows = [[staff(r, '').plain(), soon(r, i, i), r.choice(["mañana", "tarde", "noche"]), r.choice(["recepción", "enfermería", "cocina"])] for i in range(nrows(r))]
    return clist("spanish-staff-list", "Turnos del personal", o, ["Nombre", "Fecha", "Turno", "Área"], rows)
def K_class(r):
    o = org(r); rows = [[soon(r, 7 * i, 7 * i), r.choice(["Carb counting 101", "Pump start class", "Pelvic floor basics", "Heart healthy cooking", "Seizure first aid"]), staff(r, "RN").plain(), r.choice(["Room 2A", "Zoom", "Cafeteria B"]), r.randint(6, 30)] for i in range(nrows(r))]
    return clist("class-schedule", "Community class calendar", o, ["Date", "Class", "Instructor", "Location", "Seats"], rows)
def K_gym(r):
    o = org(r); rows = [[staff(r, '').plain(), emp_id(r), f"GYM-{digits(r, 7)}", r.choice(["24 Hour Fitness", "YMCA", "Planet Fitness"]), past(r, 1, 60)] for _ in range(nrows(r))]
    return clist("wellness-perk", "Gym reimbursement roster", o, ["Employee", "Emp ID", "Gym member #", "Club", "Enrolled"], rows)
def K_licenses(r):
    o = org(r); rows = [[staff(r, r.choice(["MD", "RN", "NP", "PharmD"])).with_cred(), f"{r.choice(['MD', 'RN', 'NP', 'RPH'])}{digits(r, 6)}", npi(r), soon(r, 30, 700), r.choice(["OR", "WA", "ID"])] for _ in range(nrows(r))]
    return clist("license-roster", "License expirations", o, ["Name", "License #", "NPI", "Expires", "State"], rows)
def K_menu(r):
    o = org(r, "fns"); rows = [[soon(r, i, i), r.choice(["turkey pot pie", "lentil curry", "salmon", "chicken enchiladas"]), r.choice(["carb consistent ok", "renal ok", "no"]), r.choice(["gluten", "dairy", "fish", "none"]), r.randint(300, 700)] for i in range(nrows(r))]
    return clist("menu-cycle", "Cycle menu - week 1", o, ["Date", "Entree", "Diet codes", "Allergens", "kcal"], rows)

# ================================================================== lists of templates
PHI_NARR = [P_pendo_dka, P_pendo_gh, P_cf_culture, P_cf_modulator, P_burn_transfer, P_burn_clinic, P_edp_loc, P_edp_family, P_epi_emu, P_epi_vns, P_liver_meld, P_liver_hcv,
            P_rheum_infusion, P_gi_path, P_gi_prep, P_vat_picc, P_irf_screen, P_dds_ce, P_prel_grievance, P_fns_diet, P_asp_review, P_stroke_case, P_trauma_tertiary,
            P_vein_pa, P_urogyn_uds, P_cath_report, P_cath_addon, P_spanish, P_spanish, P_nolabel, P_nolabel]
PHI_RAW = [R_adt_irf, R_oru_cf, R_837_vein, R_271_rheum, R_835_cath, R_fhir_pendo, R_fhir_xml_liver, R_cms1500_urogyn, R_ub04_burn, R_278_edp]
PHI_LIST = [Lp_pendo, Lp_cf, Lp_burn, Lp_edp, Lp_epi, Lp_liver, Lp_rheum, Lp_gi, Lp_vat, Lp_irf, Lp_dds, Lp_prel, Lp_fns, Lp_asp, Lp_stroke, Lp_trauma, Lp_vein, Lp_urogyn, Lp_cath, Lp_es]
CLEAN_NARR = [C_pendo_camp, C_cf_walk, C_burn_prevention, C_edp_training, C_epi_awareness, C_liver_symposium, C_rheum_shortage, C_gi_prep_handout, C_vat_policy, C_irf_outcomes,
              C_dds_billing, C_prel_report, C_fns_menu, C_asp_antibiogram, C_stroke_metrics, C_trauma_course, C_vein_marketing, C_urogyn_group, C_cath_equipment, C_birthday,
              C_job, C_hipaa, C_ooo, C_ticket, C_fleet, C_es_notice, C_form_rev, C_newsletter_cf]
CLEAN_RAW = [Q_hl7_spec, Q_hl7_test, Q_x12_guide, Q_fhir_example, Q_mbi, Q_ssn, Q_cms_instr]
CLEAN_LIST = [K_oncall, K_directory, K_lots, K_training, K_po, K_deid, K_schedule, K_es_staff, K_class, K_gym, K_licenses, K_menu]

# ================================================================== mail assembly (re-typed after generate_b19.py's wiring)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Apple Mail (2.3826.400.121)", "iPhone Mail (22C152)", "Mozilla Thunderbird 128.6.0",
           "Epic Secure Chat Relay 2.1", "Virtru", "Zix Secure Messaging", "Microsoft Outlook for iOS", "Google Workspace (Gmail)", "Kno2 Direct 4.8", "Outlook Web App"]
def when(r):
    d = TODAY - DAY(days=r.randint(0, 6))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 22), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=r.choice([-8, -8, -7, -8]))))
def display_for(r, p, o):
    return r.choice([p.plain(), f"{p.family}, {p.given}", p.with_cred(), f"{p.plain()} ({o.short})", f"{p.given} {p.family} | {o.short}", p.full(), f"{o.short} - {p.given} {p.family}"])
def new_msg(r, subject, o, sender=None, to=None, cc=None, from_name=None, dest=None):
    s = sender or staff(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else display_for(r, s, o), addr_spec=mailbox(s, o.dom))
    if to is None:
        q = dest or counterpart(r, o); t = staff(r)
        to = Address(display_name=r.choice([t.plain(), f"{t.family}, {t.given}", "", f"{t.plain()} ({q.short})"]), addr_spec=mailbox(t, q.dom) if r.random() < 0.8 else r.choice(["referrals", "intake", "scheduling", "billing", "records", "pa-requests"]) + "@" + q.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when(r)); m["Message-ID"] = f"<{hexs(r, 12)}.{hexs(r, 5)}{r.choice(['@', '-b20@', '@mx.'])}{o.dom}>"
    x = r.choice(MAILERS + [None, None, None])
    if x: m["X-Mailer"] = x
    if r.random() < 0.12: m["Thread-Index"] = "AdS" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(26)) + "=="; m["Content-Language"] = "en-US"
    if r.random() < 0.06: m["Importance"] = "high"; m["X-Priority"] = "2 (High)"
    return m, s
def set_hdr(m, k, v): del m[k]; m[k] = v
def put_body(r, m, text, html=None, o=None, logo=False):
    if not (logo and o):
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"logo{hexs(r, 8)}@{o.dom}"
    hh = html or f'<html><body style="font-family:Calibri,Arial,sans-serif;font-size:10.5pt"><div>{nl2br(text)}</div></body></html>'
    hh = hh.replace("</body>", f'<p><img src="cid:{cid}" alt="{esc(o.short)}" width="280" height="60"></p></body>')
    m.set_content(text); m.add_alternative(hh, subtype="html")
    m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename=re.sub(r"[^a-z0-9]", "", o.short.lower())[:12] + "_logo.png", disposition="inline")
def sig(r, s, o):
    t = s.role or r.choice(["Coordinator", "Clinic Manager", "RN Care Coordinator", "Scheduler", "Medical Assistant", "Office Manager"])
    return r.choice([f"{s.with_cred()}\n{t}\n{o.name}\n{o.addr()}\nPhone {o.phone} | Fax {o.fax}", f"Thanks,\n{s.given}", f"--\n{s.plain()} | {t}\n{o.short} | {o.phone}",
                     f"{s.plain()}\n{o.short}\n\nThis message may contain confidential information intended only for the addressee. If received in error, notify the sender and delete it.",
                     f"{s.given}\nSent from my iPhone", f"{s.with_cred()} - {t}", f"Regards,\n{s.plain()}\n{o.name}", f"{s.given} {s.family[0]}.\n{o.short} ext {r.randint(2000, 7999)}"])
COVER = ["Please see attached.", "Attached as requested.", "See attached.", "Sending securely - document attached.", "Here is the list.", "Attached for your files.", "Adjunto el documento solicitado.",
         "FYI - attached.", "Per our call, attached.", "Attached; let me know if it won't open.", "Please review and call with questions.", "Here you go.", "Revised version attached."]
NEUTRAL_SUBJ = ["Document", "Attachment", "Secure message", "[secure] file", "Requested document", "Scan", "Fax", "Weekly report", "Your request", "RE: document", "Follow-up", "[ENCRYPT] document", "Paperwork", "Records"]
def cover_note(r, m, s, o, label, carrier):
    x = r.random() if carrier.startswith("pdf") else 1.0
    if x < 0.06:
        set_hdr(m, "From", Address(display_name=f"Canon iR-ADV C5840 {o.initials()}", addr_spec=f"scan{r.randint(1, 9)}@{o.dom}")); set_hdr(m, "Subject", f"Attached Image {TODAY:%m%d%Y}{hhmm(r).replace(':', '')}")
        m.set_content(f"Scanned document from Canon iR-ADV C5840 ({o.short}).\nPages: {r.randint(1, 2)}\nDate: {fd(TODAY, 'mdy')} {hhmm(r)}\n"); return
    if x < 0.11:
        n = r.randint(1, 2); fx = counterpart(r, o).fax
        set_hdr(m, "From", Address(display_name="eFax Corporate", addr_spec=f"efax@{o.dom}")); set_hdr(m, "Subject", f"eFax message from \"{fx}\" - {n} page(s)")
        m["X-Fax-Pages"] = str(n); m.set_content(f"You have received a {n} page fax at {o.fax}.\n\nCaller ID: {fx}\nReceived: {fd(TODAY, 'mdy')} {hhmm(r)} PST\nJob: {digits(r, 9)}\n"); return
    put_body(r, m, r.choice(COVER) + "\n\n" + sig(r, s, o), o=o, logo=r.random() < (0.42 if label == "clean" else 0.12))
HELLO = ["", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Team,\n\n", "Hi all -\n\n", "Good afternoon,\n\n"]
def addressed(r, doc):
    o = doc.o or org(r)
    if doc.to_patient:
        p = doc.to_patient
        m, s = new_msg(r, doc.subject or doc.title, o, to=Address(display_name=r.choice([p.plain(), p.full(), ""]), addr_spec=personal_addr(r, p)), from_name=r.choice([o.name, o.short, f"{o.short} (do not reply)"]))
        set_hdr(m, "From", Address(display_name=str(m["From"].addresses[0].display_name), addr_spec=r.choice(["no-reply", "donotreply", "notifications", "mychart", "portal"]) + "@" + o.dom))
        if r.random() < 0.5: m["Auto-Submitted"] = "auto-generated"
        return o, m, s, ""
    m, s = new_msg(r, doc.subject or doc.title or "Message", o, sender=doc.sender, dest=doc.dest)
    return o, m, s, ("" if doc.sender else sig(r, s, o))
def txt_dst(doc, r): return "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "mdy", "iso", "m/d/yy", "d-mon-y"])
def build_plain(r, doc, label):
    o, m, s, sgn = addressed(r, doc); hi = "" if doc.to_patient or doc.sender else r.choice(HELLO)
    put_body(r, m, hi + render_text(r, doc, r.choice(["cols", "cols", "pipe", "tab"]), txt_dst(doc, r)) + ("\n" + sgn + "\n" if sgn else ""), o=o, logo=r.random() < (0.25 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o, m, s, sgn = addressed(r, doc); dst = txt_dst(doc, r)
    html = render_html(r, doc, letterhead=r.random() < 0.4, look=r.randrange(len(LOOKS)), dst=dst)
    if sgn: html = html.replace("</body>", f'<p style="font-size:9pt;color:#555;border-top:1px solid #ddd;padding-top:4px">{nl2br(sgn)}</p></body>')
    put_body(r, m, render_text(r, doc, "cols", dst) + ("\n" + sgn + "\n" if sgn else ""), html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.2)); return m
def quoted(t, lvl=1): return "\n".join(((">" * lvl) + (" " + ln if ln else "")) for ln in t.rstrip("\n").split("\n"))
NOTES = ["See below.", "Forwarding for follow-up.", "Can you take this one?", "Adding {n} - FYI.", "Who owns this?", "Second request - see below.", "As discussed.",
         "Please review.", "Got it, thanks.", "Adding to the work queue.", "Reenvío para seguimiento.", "Not ours I think - passing along.", "Need an answer today please."]
def gdate(d, r): return f"{WD[d.weekday()][:3]}, {MONTHS[d.month - 1][:3]} {d.day}, {d.year} at {clock(r)}"
_SHAPES = []
def thread_shape(r):
    if not _SHAPES: _SHAPES.append(cycler(r, list(range(10))))
    return _SHAPES[0]()
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = doc.sender or staff(r); subj = doc.subject or doc.title or "Message"
    isg = "" if doc.sender else sig(r, s0, o); inner = render_text(r, doc, "cols", txt_dst(doc, r)) + ("\n" + isg + "\n" if isg else "")
    sh = thread_shape(r); pre_ = ["FW: ", "Fwd: ", "RE: ", "Re: ", "Fwd: ", "FW: ", "Re: FW: ", "FW: ", "Fwd: ", "Fw: "][sh]
    m, s = new_msg(r, pre_ + subj, o, dest=doc.dest); d0 = TODAY - DAY(days=r.randint(1, 8)); a0 = f"{s0.plain()} <{mailbox(s0, o.dom)}>"
    top = r.choice(NOTES).format(n=staff(r).given) + "\n\n" + sig(r, s, o)
    if sh == 0: body = f"{top}\n\n-----Original Message-----\nFrom: {a0}\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()}\nSubject: {subj}\n\n{inner}"
    elif sh == 1: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {a0}\nDate: {gdate(d0, r)}\nSubject: {subj}\nTo: <{mailbox(s, o.dom)}>\n\n\n{inner}"
    elif sh == 2: body = f"{top}\n\nOn {gdate(d0, r)}, {a0} wrote:\n\n{quoted(inner)}\n"
    elif sh == 3: body = f"{top}\n\nBegin forwarded message:\n\nFrom: {a0}\nSubject: {subj}\nDate: {fd(d0, 'long')} at {clock(r)} PST\nTo: {s.plain()} <{mailbox(s, o.dom)}>\n\n{inner}"
    elif sh == 4: body = f"{top}\n\n-------- Forwarded Message --------\nSubject:\t{subj}\nDate:\t{format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-8))))}\nFrom:\t{a0}\nTo:\t{mailbox(s, o.dom)}\n\n\n{inner}"
    elif sh == 5: body = f"{top}\n\n________________________________\nFrom: {s0.plain()} <{mailbox(s0, o.dom)}>\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()} <{mailbox(s, o.dom)}>\nSubject: {subj}\n\n{inner}"
    elif sh == 6:
        s1 = staff(r); mid = r.choice(NOTES).format(n=s.given) + "\n\n" + sig(r, s1, o)
        body = (f"{top}\n\nOn {gdate(TODAY - DAY(days=1), r)}, {s1.plain()} <{mailbox(s1, o.dom)}> wrote:\n\n" + quoted(mid) + "\n>\n" +
                quoted(f"-----Original Message-----\nFrom: {a0}\nSent: {fd(d0, 'mdy')} {clock(r)}\nTo: {s1.plain()}\nSubject: {subj}\n\n{inner}") + "\n")
    elif sh == 7:
        text = f"{top}\n\nFrom: {a0}\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()}\nSubject: {subj}\n\n{inner}"
        html = render_html(r, doc, look=r.randrange(len(LOOKS)))
        if isg: html = html.replace("</body>", f"<p>{nl2br(isg)}</p></body>")
        head = (f'<div><p>{nl2br(top)}</p></div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p><b>From:</b> {esc(a0)}<br><b>Sent:</b> {esc(fd(d0, "wd"))}, {d0.year} {clock(r)}<br>'
                f'<b>To:</b> {esc(s.plain())}<br><b>Subject:</b> {esc(subj)}</p></div>')
        html = re.sub(r"(<body[^>]*>)", lambda mm: mm.group(1) + head, html, count=1)
        put_body(r, m, text, html, o=o, logo=r.random() < 0.15); return m
    elif sh == 8:
        tag = ascii_of(o.short).replace(" ", "")
        body = (f"{top}\n\n----- Forwarded by {s.plain()}/{tag} on {d0:%m/%d/%Y} {clock(r)} -----\n\nFrom:\t{s0.plain()}/{tag}\nTo:\t{s.plain()}/{tag}@{ascii_of(o.short).split()[0]}\n"
                f"Date:\t{d0:%m/%d/%Y} {clock(r)}\nSubject:\t{subj}\n\n{inner}")
    else:
        im = EmailMessage(policy=SMTP); im["From"] = a0; im["To"] = f"{s.plain()} <{mailbox(s, o.dom)}>"; im["Subject"] = subj
        im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-8)))); im["Message-ID"] = f"<{hexs(r, 16)}@{o.dom}>"
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 _-]", "", ascii_of(subj))[:40].strip() or "message") + ".eml"); return m
    put_body(r, m, body, o=o, logo=r.random() < 0.1); return m

# ================================================================== header carrier: PHI only in headers, neutral bodies
HBODIES = ["Please call me when you have a minute.", "Thanks - received.", "Got it.", "See you at huddle.", "Done.", "Can we talk after rounds?", "ok", "Gracias.", "Sent from my iPhone",
           "Let me know if you need anything else.", "Will call.", "Noted.", "Calling you now.", "Left a voicemail.", "Handled, thanks."]
def hmsg(r, key, subject, **kw):
    o = org(r, key); m, s = new_msg(r, subject, o, **kw)
    m.set_content(r.choice(HBODIES) + ("\n\n" + s.given if r.random() < 0.5 else "")); return m, o, s
def haddr(r, dom, name): t = staff(r); return Address(display_name=name, addr_spec=mailbox(t, dom))
def HP_caps_picc(r): p = patient(r, 30, 90); return hmsg(r, "vat", f"PICC REQUEST RM {r.randint(300, 990)} - {ascii_of(p.caps())} (MRN {mrn(r)}) - VANC X6WK MRSA BACTEREMIA")[0]
def HP_lower_chain(r): p = kid(r, 5, 16); return hmsg(r, "pendo", f"re: fw: endo f/u | {p.family.lower()}, {p.given.lower()} | dob {dob_s(r, p, 'm/d/yyyy')} | a1c {r.uniform(10, 13.5):.1f} dka x2")[0]
def HP_to_burn(r):
    p = patient(r, 18, 80); o = org(r, "burn")
    return hmsg(r, "burn", "transfer", to=haddr(r, ORGS["crit"].dom, f"ED - re: {p.caps()} {dob_s(r, p, 'mdy')} {r.randint(15, 45)}% TBSA"))[0]
def HP_cc_liver(r):
    p = patient(r, 35, 75); m, o, s = hmsg(r, "liver", "committee list")
    m["Cc"] = [haddr(r, o.dom, "Transplant Coordinators"), haddr(r, o.dom, f"{p.family}, {p.given} (MELD {r.randint(20, 34)}, MRN {mrn(r)})")]; return m
def HP_from_efax(r):
    p = patient(r, 45, 85); m, o, s = hmsg(r, "gi", "Fax")
    set_hdr(m, "From", Address(display_name=f"eFax: {ascii_of(p.family).upper()} {ascii_of(p.given).upper()} DOB {p.dob:%Y%m%d} EGD PATH BARRETT", addr_spec=f"efax@{o.dom}")); return m
def HP_replyto_stroke(r):
    p = patient(r, 50, 92); m, o, s = hmsg(r, "stroke", "case feedback")
    m["Reply-To"] = Address(display_name=f"Stroke Coord re {p.lf()} - TNK {fd(past(r, 2, 9), 'm/d/yy')[:-3]} NIHSS {r.randint(5, 22)}", addr_spec=mailbox(s, o.dom)); return m
def HP_xfax_dds(r):
    p = patient(r, 25, 62); m, o, s = hmsg(r, "dds", "Fax confirmation"); m["X-Fax-Subject"] = f"CE RPT {ascii_of(p.lf()).upper()} SSN {ssn(r)} PSYCH F33.1"; return m
def HP_xticket_epi(r):
    p = patient(r, 18, 70); m, o, s = hmsg(r, "epi", "Ticket update"); m["X-Ticket-Summary"] = f"INC{digits(r, 7)} EMU video missing for pt {p.lf()} MRN {mrn(r)} - event 12/{r.randint(10, 19)} 0342"; return m
def HP_thread_cf(r):
    p = patient(r, 8, 40); m, o, s = hmsg(r, "cf", "RE: results"); m["Thread-Topic"] = f"{p.plain()} sputum cx MRSA + PsA, start IV tobra"; return m
def HP_keywords_edp(r):
    p = patient(r, 13, 25, sex="F"); m, o, s = hmsg(r, "edp", "LOC"); m["Keywords"] = f"level of care; {p.plain()}; BMI {r.uniform(13.5, 15.5):.1f}; {p.dob.isoformat()}; F50.01"; return m
def HP_comments_prel(r):
    p = patient(r, 60, 95); m, o, s = hmsg(r, "prel", "call back")
    m["Comments"] = f"Caller: daughter of {p.full()} (DOB {dob_s(r, p, 'mdy')}) re grievance G-{TODAY:%y}-{digits(r, 4)} - fall on 5W, hip fx"; return m
def HP_xdiet(r):
    p = patient(r, 20, 90); m, o, s = hmsg(r, "fns", "tray change"); m["X-Diet-Order"] = f"Rm {r.randint(300, 990)}B {ascii_of(p.caps())} NPO after MN / carb consistent / PEANUT ALLERGY - anaphylaxis"; return m
def HP_subj_es(r):
    p = patient(r, 30, 70, pool="guatemalan"); return hmsg(r, "gi", f"Resultado de biopsia - Paciente: {p.plain()}, fecha de nac. {fd(p.dob, 'dmy')} - adenoma")[0]
def HP_subj_mbi(r):
    p = patient(r, 66, 92); return hmsg(r, "irf", f"RE: IRF pre-admit screen - Medicare {mbi(r, True)} - {p.mrs()} - CVA L hemi")[0]
def HP_xorig_trauma(r):
    p = patient(r, 17, 70); m, o, s = hmsg(r, "trauma", "[EXTERNAL] forwarded")
    m["X-Original-Subject"] = f"Fw: {p.caps()} - trauma {TODAY:%y}-{digits(r, 4)} - ISS {r.randint(16, 41)} - missed C7 fx on tertiary"; return m
def HP_to_patient_rheum(r):
    p = patient(r, 25, 80)
    return hmsg(r, "rheum", "Appointment", to=Address(display_name=f"{p.lf()} (rituximab infusion {soon(r, 3, 10):%m/%d}, RA)", addr_spec=personal_addr(r, p)))[0]
def HP_xreferral_vein(r):
    p = patient(r, 35, 78); m, o, s = hmsg(r, "vein", "Referral"); m["X-Referral-Note"] = f"GSV reflux {r.uniform(1, 3):.1f}s R; {p.family} {p.given}; {L_mbr(r)} {member_id(r)}; CEAP C3"; return m
def HP_semicolon_cath(r):
    p = patient(r, 50, 88); return hmsg(r, "cath", f"Cath lab add-on; {p.caps()}; DOB {p.dob.isoformat()}; NSTEMI; Cr {r.uniform(1.4, 2.2):.1f}; hold metformin")[0]
def HP_cc_urogyn(r):
    p = patient(r, 55, 90, sex="F"); m, o, s = hmsg(r, "urogyn", "no-show")
    m["Cc"] = [haddr(r, o.dom, "Front Desk"), haddr(r, o.dom, f"pessary pt no-show x2 - {p.mrs()} ({p.given}) {dob_s(r, p, 'm/d/yy')}")]; return m
def HP_asp_subject(r):
    p = patient(r, 30, 90); return hmsg(r, "asp", f"fw: mero approval?? {p.family.upper()} {p.given[0]} {mrn(r)} ESBL bacteremia d4")[0]
HDR_PHI = [HP_caps_picc, HP_lower_chain, HP_to_burn, HP_cc_liver, HP_from_efax, HP_replyto_stroke, HP_xfax_dds, HP_xticket_epi, HP_thread_cf, HP_keywords_edp,
           HP_comments_prel, HP_xdiet, HP_subj_es, HP_subj_mbi, HP_xorig_trauma, HP_to_patient_rheum, HP_xreferral_vein, HP_semicolon_cath, HP_cc_urogyn]
def HC_caps(r): return hmsg(r, "stroke", f"STROKE CENTER RECERT SURVEY {fd(Dt(2027, 1, 13), 'mdy')} - ALL HANDS 0730")[0]
def HC_lower(r): return hmsg(r, "vat", f"re: fw: picc cart restock | lot {lot(r)} | exp {soon(r, 60, 400).isoformat()[:7]}")[0]
def HC_to_staff(r): t = staff(r, ""); return hmsg(r, "burn", "skills day", to=haddr(r, ORGS["burn"].dom, f"{t.family}, {t.given} (Nurse Educator, x{r.randint(4000, 4999)})"))[0]
def HC_cc(r):
    m, o, s = hmsg(r, "rheum", "chair schedule"); t = staff(r, "RN"); m["Cc"] = [haddr(r, o.dom, "Rheum Infusion Schedulers"), haddr(r, o.dom, f"{t.family}, {t.given} (Charge RN)")]; return m
def HC_from_fax(r): m, o, s = hmsg(r, "dds", "Fax"); set_hdr(m, "From", Address(display_name=f"eFax: {VENDORS[0].short} INV {inv_no(r)} (2 pages)", addr_spec=f"efax@{o.dom}")); return m
def HC_replyto(r):
    m, o, s = hmsg(r, "fns", "Holiday menu"); m["Reply-To"] = Address(display_name=f"Food & Nutrition - Chef {staff(r, '').plain()}", addr_spec=mailbox(s, o.dom)); return m
def HC_xfax(r): m, o, s = hmsg(r, "burn", "Fax sent"); m["X-Fax-Subject"] = f"PO {po_no(r)} confirmation - silver alginate 4x4, REF {digits(r, 6)}"; return m
def HC_xticket(r): m, o, s = hmsg(r, "epi", "Ticket update"); m["X-Ticket-Summary"] = f"INC{digits(r, 7)} EEG cart 3 wifi drops - tech {staff(r, '').plain()}"; return m
def HC_thread(r): m, o, s = hmsg(r, "liver", "RE: speakers"); m["Thread-Topic"] = f"Liver Update 2027 - speaker list - Dr. {doc_md(r).family}"; return m
def HC_keywords(r): m, o, s = hmsg(r, "cf", "walk"); m["Keywords"] = f"Great Strides; team captain {staff(r, '').given}; {fd(Dt(2027, 5, 15), 'mdy')}"; return m
def HC_comments(r): m, o, s = hmsg(r, "prel", "Q3 numbers"); m["Comments"] = f"de-identified: {r.randint(10, 40)} grievances Q3; {r.randint(5, 9)} resolved < 7 days; no names"; return m
def HC_xmenu(r): m, o, s = hmsg(r, "fns", "menu"); m["X-Menu-Cycle"] = "Week 52; carb-consistent; gluten-free; renal codes updated"; return m
def HC_subj_es(r): return hmsg(r, "gi", f"Reunión del personal - {fd(soon(r, 2, 9), 'dmy')} 2 PM sala B")[0]
def HC_bday(r): t = staff(r, "MD"); return hmsg(r, "epi", f"Happy 50th Dr. {t.given} {t.family}! cake {fd(soon(r, 1, 5), 'm/d/yyyy')[:-5]} 3pm 4th floor")[0]
def HC_training(r): return hmsg(r, "dds", "HIPAA refresher - sample MBI 1EG4-TE5-MK73 and SSN 078-05-1120 in module 3")[0]
def HC_xreport(r): m, o, s = hmsg(r, "stroke", "dashboard"); m["X-Report"] = f"Door-to-needle median {r.randint(29, 44)} min (n={r.randint(20, 60)}) Q4 - aggregate"; return m
def HC_xemp(r): m, o, s = hmsg(r, "cath", "badge"); m["X-Employee-ID"] = f"{emp_id(r)} badge reprint - {staff(r, '').plain()}"; return m
def HC_semicolon(r): a, b = staff(r, ""), staff(r, ""); return hmsg(r, "vein", f"Vein clinic; ultrasound tech schedule; Jan 2027; {a.given} {a.family[0]}. / {b.given} {b.family[0]}.")[0]
def HC_xpolicy(r): m, o, s = hmsg(r, "trauma", "Policy"); m["X-Policy-Ref"] = f"fleet policy CA-{digits(r, 7)}; VIN 1FD{digits(r, 5)}{ups(r, 2)}{digits(r, 7)}; driver {staff(r, '').plain()}"; return m
HDR_CLEAN = [HC_caps, HC_lower, HC_to_staff, HC_cc, HC_from_fax, HC_replyto, HC_xfax, HC_xticket, HC_thread, HC_keywords, HC_comments, HC_xmenu, HC_subj_es, HC_bday,
             HC_training, HC_xreport, HC_xemp, HC_semicolon, HC_xpolicy]

# ================================================================== LibreOffice batching (job/handle pair, re-typed) and attachment producers
class Later:
    """a file LibreOffice will produce in the batched run; resolved after LOJobs.run()"""
    def __init__(self, out, name, distill=False): self.out, self.name, self.distill = out, name, distill
class LOJobs:
    EXT = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}
    def __init__(self, tmp):
        self.tmp, self.k = tmp, 0; self.lo = {kind: [] for kind in self.EXT}
        for kind in self.EXT: os.makedirs(os.path.join(tmp, kind, "src"), exist_ok=True); os.makedirs(os.path.join(tmp, kind, "out"), exist_ok=True)
    def scratch(self, ext): self.k += 1; return os.path.join(self.tmp, f"t{self.k:04d}.{ext}")
    def queue(self, kind, data, ext, name, distill=False):
        self.k += 1; stem = f"b20x{self.k:04d}"; src = os.path.join(self.tmp, kind, "src", f"{stem}.{ext}")
        with open(src, "wb") as f: f.write(data.encode("utf-8") if isinstance(data, str) else data)
        self.lo[kind].append(src); return Later(os.path.join(self.tmp, kind, "out", f"{stem}.{self.EXT[kind]}"), name, distill)
    def run(self): run_lo(self)
    def fetch(self, later):
        with open(later.out, "rb") as f: data = f.read()
        if not later.out.endswith(".pdf"): return fix_zip(data)
        if later.distill: data = self.distill(data)
        return scrub_pdf(data, later.name)
    def distill(self, data):
        a = self.scratch("pdf")
        with open(a, "wb") as f: f.write(data)
        return gs_distill(a, self.scratch("pdf"))
def within_two_pages(make, doc):
    for n in (None, 8, 5):
        data = make(doc if n is None else doc.cut(n))
        if page_count(data) <= 2: return data
    return data
def ps_pdf(jobs, r, doc, name):
    for n in (None, 8, 5):
        src, pages = ps_doc(r, doc if n is None else doc.cut(n))
        if pages <= 2: break
    p = jobs.scratch("ps")
    with open(p, "w", encoding="latin-1") as f: f.write(src)
    return scrub_pdf(gs_distill(p, jobs.scratch("pdf")), name)
def file_name(r, doc, ext):
    stem = re.sub(r"[^A-Za-z0-9]+", "_", ascii_of(doc.cat.replace("-", " ").title())).strip("_")
    return r.choice([f"{stem}.{ext}", f"{stem}_{TODAY:%Y%m%d}.{ext}", f"{doc.o.initials()}_{stem}.{ext}", f"IMG_{TODAY:%m%d%Y}_{digits(r, 4)}.{ext}", f"{stem.lower()}_{TODAY:%m%d}.{ext}",
                     f"doc{digits(r, 5)}.{ext}", f"{doc.o.initials()}-{digits(r, 5)}.{ext}", f"{stem} {TODAY:%Y-%m-%d}.{ext}"])
def make_attachment(r, jobs, carrier, doc, name, label):
    logo = r.random() < (0.45 if label == "clean" else 0.12); pdf_name = file_name(r, doc, "pdf")
    if carrier == "pdf-reportlab": return pdf_name, within_two_pages(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return pdf_name, within_two_pages(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45: return pdf_name, ps_pdf(jobs, r, doc, name)
        if x < 0.7: return pdf_name, scrub_pdf(jobs.distill(within_two_pages(lambda d: (rl_pdf if r.random() < 0.5 else fp_pdf)(r, d), doc)), name)
        if r.random() < 0.55: return pdf_name, jobs.queue("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", name, True)
        return pdf_name, jobs.queue("html2pdf", render_html(r, doc.cut(8), letterhead=True, look=r.randrange(len(LOOKS))), "html", name, True)
    if carrier == "pdf-libreoffice":
        x = r.random()
        if doc.kind == "list" and x < 0.3: return pdf_name, jobs.queue("docx2pdf", xlsx_book(r, doc.cut(8), for_print=True), "xlsx", name)
        if x < 0.6: return pdf_name, jobs.queue("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", name)
        return pdf_name, jobs.queue("html2pdf", render_html(r, doc.cut(8), letterhead=True, look=r.randrange(len(LOOKS))), "html", name)
    if carrier == "docx":
        if r.random() < 0.3: return file_name(r, doc, "docx"), jobs.queue("html2docx", render_html(r, doc, letterhead=True, look=r.randrange(len(LOOKS))), "html", name)
        return file_name(r, doc, "docx"), docx_bytes(r, doc, logo)
    if carrier == "xlsx":
        if r.random() < 0.4: return file_name(r, doc, "xlsx"), jobs.queue("xlsx2xlsx", xlsx_book(r, doc), "xlsx", name)
        return file_name(r, doc, "xlsx"), xlsx_book(r, doc)
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return file_name(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list" and x < 0.4: data, ext = csv_bytes(r, doc)
        elif doc.kind == "list" and x < 0.7: data, ext = xlsx_book(r, doc), "xlsx"
        elif x < 0.82: data, ext = within_two_pages(lambda d: (rl_pdf if r.random() < 0.5 else fp_pdf)(r, d), doc), "pdf"
        else: data, ext = docx_bytes(r, doc, logo), "docx"
        folder = r.choice(["", "", "", "export/", f"{TODAY:%Y-%m}/", "Documents/", "secure/"])
        return r.choice(["files.zip", f"secure_{digits(r, 6)}.zip", f"{doc.cat}.zip", f"{doc.o.initials()}_{TODAY:%Y%m%d}.zip", "Archive.zip"]), make_zip([(folder + file_name(r, doc, ext), data)])
    raise ValueError(carrier)

# ================================================================== run order
CARRIERS = ["plain", "html", "pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19
def cycler(r, pool):
    bag = []
    def draw():
        if not bag: bag.extend(pool); r.shuffle(bag)
        return bag.pop()
    return draw
def pick_template(r, bags, carrier, label):
    side = "phi" if label == "phi" else "clean"
    if carrier in ("xlsx", "csv"): return bags[side + ".list"]
    x = r.random()
    if carrier in ("plain", "html", "forwarded"): part = "narr" if x < 0.68 else "raw" if x < 0.85 else "list"
    else: part = "narr" if x < 0.58 else "raw" if x < 0.68 else "list"
    return bags[side + "." + part]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b20_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # keep a long display name with specials on one line
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data
MIME = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"), "txt": ("text", "plain"), "zip": ("application", "zip")}
def main():
    t0 = dtm.datetime.now()
    for f in sorted(os.listdir(HERE)):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(HERE, f))
    plan = [(c, l) for c in CARRIERS for l in ("phi", "clean") for _ in range(PER_LABEL)]
    R.shuffle(plan)
    bags = {"phi.narr": cycler(R, PHI_NARR), "phi.raw": cycler(R, PHI_RAW), "phi.list": cycler(R, PHI_LIST),
            "clean.narr": cycler(R, CLEAN_NARR), "clean.raw": cycler(R, CLEAN_RAW), "clean.list": cycler(R, CLEAN_LIST)}
    hbags = {"phi": cycler(R, HDR_PHI), "clean": cycler(R, HDR_CLEAN)}
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b20-"); jobs = LOJobs(tmp); made = []; rows = []
    try:
        for i, (carrier, label) in enumerate(plan, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                made.append((fname, label, carrier, f"header-{label}", hbags[label]()(R), None)); continue
            doc = pick_template(R, bags, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc, label)
            elif carrier == "html": m = build_html(R, doc, label)
            elif carrier == "forwarded": m = build_forwarded(R, doc, label)
            else:
                o = doc.o or org(R); m, s = new_msg(R, doc.title if doc.kind == "list" and R.random() < 0.5 else R.choice(NEUTRAL_SUBJ), o, dest=doc.dest); cover_note(R, m, s, o, label, carrier)
                made.append((fname, label, carrier, doc.cat, m, make_attachment(R, jobs, carrier, doc, fname, label))); continue
            made.append((fname, label, carrier, doc.cat, m, None))
        jobs.run()
        for fname, label, carrier, cat, m, att in made:
            if att:
                aname, data = att
                if isinstance(data, Later): data = jobs.fetch(data)
                mt = MIME[aname.rsplit(".", 1)[-1]]
                if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=aname, charset="utf-8", cte="base64")
                else: m.add_attachment(data, mt[0], mt[1], filename=aname)
            with open(os.path.join(HERE, fname), "wb") as f: f.write(finish(fname, m))
            rows.append((fname, label, carrier, cat, split_of(fname)))
        mp = os.path.join(HERE, "manifest.tsv"); keep = []
        if os.path.exists(mp):
            with open(mp, encoding="utf-8") as f: keep = [ln for ln in f.read().split("\n") if ln and not ln.startswith(PREFIX)]
        if not keep: keep = ["file\tlabel\tcarrier\tcategory\tsplit"]
        with open(mp, "w", newline="\n", encoding="utf-8") as f:
            f.write("\n".join(keep) + "\n")
            for row in rows: f.write("\t".join(row) + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(rows)} batch-20 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
