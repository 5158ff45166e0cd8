#!/usr/bin/python3
"""Development DLP corpus: dev-0001.eml ... dev-0300.eml + manifest.tsv (file, label, carrier, category).

Written blind from ../corpus-blind/BRIEF.md for tuning rules; never used as a test measure.
Only producer plumbing (OOXML zip timestamps, zip writing, latin-1 folding, gs_distill, run_lo, the SMTP policy)
is imported from ../corpus-blind/generate.py; every person, organisation, text and layout here is this file's own.
Deterministic: one random.Random(SEED), fixed run order, MIME boundaries and Message-IDs from the file name,
fixed OOXML timestamps, normalised PDF dates/IDs.  Run with /usr/bin/python3.
"""
import collections, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "corpus-blind"))
from generate import fix_zip, make_zip, lat1, gs_distill, run_lo, SMTP   # producer plumbing only

SEED = 20261223
R = random.Random(SEED)
PREFIX = "dev-"
OUT = HERE
TODAY = dtm.date(2026, 12, 23)
UTC = dtm.timezone.utc
STAMP = dtm.datetime(2026, 12, 22, 9, 30, tzinfo=UTC)
DV = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
DAY = dtm.timedelta
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]

# ------------------------------------------------------------------ identifiers
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
def mrn(r): return r.choice([dg(r, 7), dg(r, 8), f"M{dg(r, 7)}", f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}", f"SB{dg(r, 7)}", f"000{dg(r, 6)}"])
def mbr(r): return r.choice([f"ECH{dg(r, 9)}", f"{up(r, 3)}{dg(r, 9)}", f"W{dg(r, 9)}", f"{dg(r, 9)}01", f"XQM{dg(r, 8)}"])
def mcaid(r): return r.choice([f"{dg(r, 9)}", f"NM{dg(r, 8)}", f"{up(r, 1)}{dg(r, 8)}"])
def acct(r): return r.choice([dg(r, 9), f"A{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 5)}", f"HAR {dg(r, 9)}"])
def fin(r): return "31" + dg(r, 8)
def csn(r): return "4" + dg(r, 9)
def claim(r): return r.choice([f"{dg(r, 2)}{dg(r, 3)}{up(r, 1)}{dg(r, 7)}", dg(r, 14), f"WC-{dg(r, 2)}-{dg(r, 6)}", f"CLM{dg(r, 9)}"])
def po(r): return r.choice([f"PO-{dg(r, 6)}", f"4500{dg(r, 6)}", f"P{dg(r, 7)}"])
def inv(r): return r.choice([f"INV-{dg(r, 6)}", f"{dg(r, 7)}", f"SI-{dg(r, 5)}"])
def lot(r): return r.choice([f"{up(r, 2)}{dg(r, 5)}", f"L{dg(r, 6)}", f"{dg(r, 2)}{up(r, 1)}{dg(r, 3)}"])
def tok(r, n=20): return "".join(r.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(n))

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
    raise ValueError(st)
DOBST = ["mdy", "mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "dmon", "long", "ymd", "spaced", "dash"]
def dob(r, p, st=None): return fd(p.dob, st or r.choice(DOBST))
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r): h = r.randint(7, 17); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '15', '30', '45', '10', '40'])} {'AM' if h < 12 else 'PM'}"
def age(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))

# ------------------------------------------------------------------ people
FEM = ["Maria", "Luz", "Guadalupe", "Thao", "Linh", "Aisling", "Siobhan", "Keisha", "Tamika", "Brittany", "Ashley", "Dolores", "Margaret",
       "Zoë", "Renée", "Chloé", "Fatima", "Amina", "Priya", "Anjali", "Mei", "Yuki", "Olga", "Svetlana", "Esperanza", "Inés", "Beatriz",
       "Hannah", "Kaitlyn", "Destiny", "Ruth", "Evelyn", "Jolene", "Marisol", "Ngozi", "Abena", "Leilani", "Mackenzie", "Shonda", "Rosalind",
       "Xochitl", "Winona", "Gloria", "Patricia", "Bernadette", "Lupita", "Kateri", "Agnieszka", "Hye-jin", "Noor"]
MAL = ["José", "Luis", "Héctor", "Tuan", "Minh", "Bao", "Seamus", "Patrick", "Dwayne", "DeShawn", "Tyrone", "Robert", "William", "Björn",
       "Anders", "Raj", "Arjun", "Wei", "Hiroshi", "Dmitri", "Yusuf", "Omar", "Kwame", "Chinedu", "Jamal", "Ethan", "Cody", "Travis", "Earl",
       "Harold", "Walter", "Ignacio", "Joaquín", "Kekoa", "Dale", "Richard", "Francisco", "Manuel", "Delbert", "Tomasz", "Jae-won", "Ramón",
       "Elijah", "Dakota", "Lorenzo", "Gerald", "Anthony", "Shane"]
NICK = {"Robert": "Bobby", "William": "Bill", "Margaret": "Peggy", "Dolores": "Lola", "Patrick": "Paddy", "Richard": "Rick",
        "Francisco": "Paco", "José": "Pepe", "Guadalupe": "Lupe", "Elizabeth": "Liz", "Anthony": "Tony", "Gerald": "Jerry",
        "Walter": "Walt", "Harold": "Hal", "Patricia": "Patty", "Bernadette": "Bernie", "Ignacio": "Nacho", "Delbert": "Del"}
FAM = ["Nguyen", "Tran", "Pham", "O'Hara", "O'Brien", "McAllister", "Garcia", "Hernández", "de la Cruz", "De León", "van der Berg",
       "Van Buren", "Okafor", "Mensah", "Adeyemi", "Kowalski", "Nowak", "Petrov", "Sørensen", "Johansson", "Patel", "Shah", "Kim", "Park",
       "Yamamoto", "Chen", "Wong", "Smith", "Johnson", "Williams", "Brown", "Jackson", "Begay", "Yazzie", "Tsosie", "Two Bulls", "Kealoha",
       "Abdullah", "Haddad", "Al-Sayed", "St. Pierre", "LeBlanc", "Thibodeaux", "Fitzgerald", "Schmidt", "Müller", "Peña", "Nuñez",
       "Castillo", "Ramírez", "Washington", "Dubois", "Montoya", "Trujillo", "Archuleta", "Baca", "Lucero", "Gallegos", "Chávez",
       "Romero", "Vigil", "Sandoval", "Martínez-Ortega", "Whitehorse", "Lee", "Murphy", "Kaczmarek", "Eriksen", "Olsen", "Dang"]
MID = list("ABCDEFGHJKLMNPRSTW")
SFX = ["Jr.", "Sr.", "II", "III"]

class Person:
    def __init__(s, r, amin, amax, sex=None):
        s.sex = sex or r.choice("FM")
        s.given = r.choice(FEM if s.sex == "F" else MAL)
        s.family = r.choice(FAM)
        s.mi = r.choice(MID) if r.random() < 0.55 else ""
        s.sfx = r.choice(SFX) if (s.sex == "M" and amin >= 18 and r.random() < 0.12) else ""
        a = r.randint(amin, amax)
        s.dob = TODAY - DAY(days=a * 365 + r.randint(0, 364))
        s.age = age(s.dob)
        s.nick = NICK.get(s.given, s.given)
        s.phone = f"({r.choice(['505', '575', '915', '719', '970', '928'])}) {r.randint(201, 989)}-{dg(r, 4)}"
        s.addr = f"{r.randint(12, 9890)} {r.choice(STREETS)}"
        s.city = r.choice(CITIES)
    def full(s): return " ".join(x for x in (s.given, s.mi + "." if s.mi else "", s.family, s.sfx) if x)
    def plain(s): return f"{s.given} {s.family}"
    def lf(s): return f"{s.family}{' ' + s.sfx if s.sfx else ''}, {s.given}{' ' + s.mi if s.mi else ''}"
    def caps(s): return s.lf().upper()
    def title(s): return ("Mr. " if s.sex == "M" else r_title(s)) + s.family
    def fi(s): return f"{s.family}, {s.given[0]}"
    def ini(s): return f"{s.given[0]}.{s.family[0]}."
    def he(s): return "he" if s.sex == "M" else "she"
    def his(s): return "his" if s.sex == "M" else "her"
    def csz(s): return f"{s.city[0]}, {s.city[1]} {s.city[2]}{dg(random.Random(s.addr), 2)}"
def r_title(s): return "Mrs. " if s.age > 45 and len(s.given) % 2 else "Ms. "
STREETS = ["Calle del Norte", "Montaño Rd NW", "Paseo del Pueblo Sur", "E Mesa Ave", "Arroyo Chamiso Rd", "W Picacho Ave", "Juan Tabo Blvd NE",
           "Acequia Madre", "N Santa Fe Ave", "Lomas Blvd", "Elm St", "Cactus Wren Dr", "Old Pecos Trl", "Tramway Ln", "Piñon Ridge Ct", "Avenida Cesar Chavez"]
CITIES = [("Albuquerque", "NM", "871"), ("Santa Fe", "NM", "875"), ("Las Cruces", "NM", "880"), ("Rio Rancho", "NM", "871"), ("El Paso", "TX", "799"),
          ("Pueblo", "CO", "810"), ("Durango", "CO", "813"), ("Flagstaff", "AZ", "860"), ("Farmington", "NM", "874"), ("Taos", "NM", "875")]
def pt(r, amin=18, amax=92, sex=None): return Person(r, amin, amax, sex)
def kid(r, amin=0, amax=17, sex=None): return Person(r, amin, amax, sex)
CREDS = ["RN", "BSN, RN", "LPN", "MSW, LCSW", "NP", "PA-C", "MD", "DO", "PharmD", "RRT", "RPSGT", "DDS", "IBCLC", "PT, DPT", "MA", "CCS", "RHIA", "", "", ""]
def staff(r, cred=None):
    p = Person(r, 24, 64); p.cred = cred if cred is not None else r.choice(CREDS); return p
def wc(p): return f"{p.given} {p.family}" + (f", {p.cred}" if getattr(p, "cred", "") else "")
def mailbox(p, dom): return (p.given[0] + re.sub(r"[^a-z]", "", p.family.lower().replace("ñ", "n").replace("á", "a").replace("é", "e").replace("í", "i").replace("ø", "o").replace("ü", "u")) + "@" + dom).lower().encode("ascii", "ignore").decode()
def personal(r, p):
    base = re.sub(r"[^a-z]", "", (p.given + p.family).lower().encode("ascii", "ignore").decode())
    return f"{base}{r.randint(1, 99)}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com'])}"

# ------------------------------------------------------------------ organisations (one per sender kind)
class Org:
    def __init__(s, key, name, short, dom, city, st, color, kind):
        s.key, s.name, s.short, s.dom, s.city, s.st, s.color, s.kind = key, name, short, dom, city, st, color, kind
        rr = random.Random(key)
        ac = {"NM": "505", "TX": "915", "CO": "719", "AZ": "928"}[st]
        s.phone = f"({ac}) {rr.randint(210, 980)}-{rr.randint(1000, 9999)}"
        s.fax = f"({ac}) {rr.randint(210, 980)}-{rr.randint(1000, 9999)}"
        s.addr = f"{rr.randint(100, 9900)} {rr.choice(STREETS)}, {city}, {st} {dict((c, z) for c, _, z in CITIES).get(city, '871')}{rr.randint(10, 99)}"
        s.npi = npi(rr)
ORG_SPECS = [
    ("hh", "Sandia Home Health Services", "Sandia Home Health", "sandiahomehealth.com", "Albuquerque", "NM", "#2e5e8c", "home-health agency"),
    ("dial", "Rio Grande Kidney Center - Dialysis Unit", "RGKC Dialysis", "rgkidney.org", "Las Cruces", "NM", "#1d6f63", "outpatient dialysis unit"),
    ("dent", "Pinyon Family Dental", "Pinyon Dental", "pinyondental.com", "Santa Fe", "NM", "#3a8fb7", "dental office"),
    ("school", "Pueblo City Schools - Health Services", "PCS Health Services", "pueblocityschools.org", "Pueblo", "CO", "#7a3b8f", "school nurse office"),
    ("hospice", "Sangre de Cristo Hospice", "SdC Hospice", "sdchospice.org", "Santa Fe", "NM", "#6b4e2e", "hospice"),
    ("sleep", "High Desert Sleep Diagnostics", "High Desert Sleep", "hdsleep.com", "Albuquerque", "NM", "#283c63", "sleep lab"),
    ("dme", "Four Corners Medical Equipment", "4C Medical Equipment", "4cornersdme.com", "Durango", "CO", "#a0522d", "DME supplier"),
    ("bhi", "Bernalillo Behavioral Health Access Line", "BH Access Line", "bhaccessline.org", "Albuquerque", "NM", "#4b7f52", "behavioural-health intake line"),
    ("travel", "TrueNorth Travel Nursing", "TrueNorth", "truenorthtravelrn.com", "El Paso", "TX", "#c0392b", "travel-nurse agency"),
    ("occ", "WorkWell Occupational Health", "WorkWell OccHealth", "workwellocc.com", "El Paso", "TX", "#16a085", "occupational-health clinic"),
    ("tb", "Doña Ana County Public Health - TB Program", "DACPH TB Program", "donaanacounty.gov", "Las Cruces", "NM", "#34495e", "county public-health TB program"),
    ("tx", "Mountain States Transplant Institute", "MSTI Kidney/Pancreas", "mstransplant.org", "Pueblo", "CO", "#8e44ad", "transplant coordinator"),
    ("pbm", "ClearScript Pharmacy Solutions", "ClearScript PBM", "clearscriptrx.com", "Flagstaff", "AZ", "#2c3e50", "pharmacy benefit manager"),
    ("court", "Southwest Forensic Psychology Associates", "SW Forensic Psych", "swforensicpsych.com", "Albuquerque", "NM", "#555555", "court-ordered evaluation service"),
    ("wc", "Canyon State Workers' Compensation Fund", "Canyon State Comp", "canyonstatecomp.com", "Flagstaff", "AZ", "#b9770e", "workers' comp adjuster"),
    ("lact", "Milkweed Lactation & Infant Feeding", "Milkweed Lactation", "milkweedlactation.com", "Santa Fe", "NM", "#d35400", "lactation consultant"),
    ("chap", "St. Brendan Medical Center - Spiritual Care", "Spiritual Care", "stbrendanmc.org", "Pueblo", "CO", "#5d4037", "hospital chaplaincy"),
    ("wound", "Alameda Wound & Hyperbaric Center", "Alameda Wound Center", "alamedawound.com", "Albuquerque", "NM", "#1f618d", "wound / hyperbaric clinic"),
    ("pt", "Stride Physical Therapy", "Stride PT", "stridept.com", "Rio Rancho", "NM", "#117a65", "outpatient physical therapy"),
    ("ob", "Juniper Women's Health", "Juniper OB/GYN", "juniperwomens.com", "Farmington", "NM", "#a93226", "OB/GYN practice"),
    ("nicu", "St. Brendan Medical Center - NICU", "SBMC NICU", "stbrendanmc.org", "Pueblo", "CO", "#2874a6", "NICU social work"),
    ("device", "Heart Rhythm Associates - Device Clinic", "HRA Device Clinic", "heartrhythmnm.com", "Albuquerque", "NM", "#922b21", "cardiac device clinic"),
    ("coag", "Valle Vista Anticoagulation Clinic", "Valle Vista Coag Clinic", "vallevistaclinic.org", "Taos", "NM", "#7d3c98", "anticoagulation clinic"),
    ("lab", "Cibola Reference Laboratories", "Cibola Labs", "cibolalabs.com", "Albuquerque", "NM", "#0e6655", "reference laboratory"),
    ("ems", "Mesa Ambulance Billing Services", "Mesa Ambulance Billing", "mesaambulancebilling.com", "Las Cruces", "NM", "#cb4335", "EMS billing office"),
    ("snf", "Arroyo Seco Post-Acute & Rehabilitation", "Arroyo Seco Post-Acute", "arroyosecorehab.com", "Santa Fe", "NM", "#196f3d", "skilled nursing facility admissions"),
    ("retina", "Sunrise Retina Consultants", "Sunrise Retina", "sunriseretina.com", "El Paso", "TX", "#b7950b", "retina practice"),
    ("audio", "ClearTone Audiology", "ClearTone", "cleartoneaudiology.com", "Durango", "CO", "#2471a3", "audiology clinic"),
    ("allergy", "Sagebrush Allergy & Asthma", "Sagebrush Allergy", "sagebrushallergy.com", "Rio Rancho", "NM", "#6c3483", "allergy clinic"),
    ("onc", "Turquoise Trail Cancer Center", "TTCC Nurse Navigation", "ttcancer.org", "Santa Fe", "NM", "#148f77", "oncology nurse navigator"),
    ("interp", "Puente Language Services", "Puente", "puentelanguage.com", "El Paso", "TX", "#af601a", "medical interpreter agency"),
    ("jail", "Pueblo County Detention Center - Medical Unit", "PCDC Medical", "pueblocounty.us", "Pueblo", "CO", "#424949", "county jail medical unit"),
    ("urgent", "QuickCare Urgent Care & Telehealth", "QuickCare", "quickcareuc.com", "Rio Rancho", "NM", "#e67e22", "urgent care / telehealth"),
    ("pod", "High Plains Foot & Ankle", "High Plains Foot & Ankle", "highplainsfoot.com", "Pueblo", "CO", "#1a5276", "podiatry practice"),
    ("mco", "Enchanted Circle Health Plan", "ECHP Care Management", "echealthplan.com", "Albuquerque", "NM", "#0b5345", "Medicaid MCO care management"),
    ("him", "St. Brendan Medical Center - Health Information Management", "SBMC HIM / ROI", "stbrendanmc.org", "Pueblo", "CO", "#4a235a", "release-of-information desk"),
    ("peds", "Little Roadrunner Pediatrics", "Little Roadrunner Peds", "littleroadrunnerpeds.com", "Las Cruces", "NM", "#27ae60", "pediatric practice"),
    ("fert", "Alta Vista Fertility", "Alta Vista Fertility", "altavistafertility.com", "El Paso", "TX", "#c2185b", "fertility clinic"),
    ("college", "Mesa State University Student Health Center", "MSU Student Health", "mesastate.edu", "Durango", "CO", "#1b4f72", "college student health"),
    ("rx", "Corner Drug & Compounding", "Corner Drug", "cornerdrugrx.com", "Taos", "NM", "#7b241c", "independent pharmacy"),
    ("ins", "Piñon Mutual Auto & Home", "Piñon Mutual", "pinonmutual.com", "Albuquerque", "NM", "#616a6b", "non-health insurer (clean only)"),
]
ORG = {k: Org(k, *a) for k, *a in ORG_SPECS}

# ------------------------------------------------------------------ document model
class Doc:
    def __init__(s, o, cat, title, blocks, subj=None, note=None, to=None, lang="en"):
        s.o, s.cat, s.title, s.blocks, s.subj, s.note, s.to, s.lang = o, cat, title, blocks, subj, note, to, lang
    def table(s):
        for b in s.blocks:
            if b[0] == "table": return b
    def cut(s, n):
        return Doc(s.o, s.cat, s.title, [(b[0], b[1], b[2][:n]) if b[0] == "table" else b for b in s.blocks], s.subj, s.note, s.to, s.lang)
def P(t): return ("p", t)
def H(t): return ("h", t)
def KV(*items): return ("kv", [i for i in items if i])
def T(hdr, rows): return ("table", hdr, rows)
def PRE(t): return ("pre", t)
def BUL(*items): return ("bul", list(items))

REG = collections.defaultdict(list)      # (label, shape) -> [(key, fn)]
HREG = {"phi": [], "clean": []}
def tmpl(key, label, shape="narr"):
    def deco(fn): REG[(label, shape)].append((key, fn)); return fn
    return deco
def htmpl(key, label):
    def deco(fn): HREG[label].append((key, fn)); return fn
    return deco

ICD = {"dm2": ("E11.9", "type 2 diabetes mellitus without complications"), "dm2h": ("E11.65", "type 2 DM with hyperglycemia"),
       "htn": ("I10", "essential (primary) hypertension"), "chf": ("I50.22", "chronic systolic (congestive) heart failure"),
       "afib": ("I48.91", "unspecified atrial fibrillation"), "copd": ("J44.1", "COPD with (acute) exacerbation"),
       "asthma": ("J45.909", "unspecified asthma, uncomplicated"), "ckd3b": ("N18.32", "chronic kidney disease, stage 3b"),
       "esrd": ("N18.6", "end stage renal disease"), "dialysis": ("Z99.2", "dependence on renal dialysis"),
       "gdm": ("O24.410", "gestational diabetes mellitus in pregnancy, diet controlled"), "pprom": ("O42.10", "preterm PROM, onset of labor more than 24 hours following rupture, unspecified weeks"),
       "osa": ("G47.33", "obstructive sleep apnea (adult) (pediatric)"), "dep": ("F32.A", "depression, unspecified"), "gad": ("F41.1", "generalized anxiety disorder"),
       "aud": ("F10.20", "alcohol dependence, uncomplicated"), "oud": ("F11.20", "opioid dependence, uncomplicated"), "tb": ("A15.0", "tuberculosis of lung"),
       "ltbi": ("Z22.7", "latent tuberculosis"), "ppd": ("R76.11", "nonspecific reaction to tuberculin skin test without active tuberculosis"),
       "ktx": ("Z94.0", "kidney transplant status"), "lbp": ("M54.50", "low back pain, unspecified"), "menisc": ("S83.241A", "other tear of medial meniscus, current injury, right knee, initial encounter"),
       "sacral4": ("L89.154", "pressure ulcer of sacral region, stage 4"), "dfu": ("L97.511", "non-pressure chronic ulcer of other part of right foot limited to breakdown of skin"),
       "amd": ("H35.3211", "exudative age-related macular degeneration, right eye, with active choroidal neovascularization"),
       "snhl": ("H90.3", "sensorineural hearing loss, bilateral"), "rhin": ("J30.1", "allergic rhinitis due to pollen"), "anticoag": ("Z79.01", "long term (current) use of anticoagulants"),
       "pe": ("I26.99", "other pulmonary embolism without acute cor pulmonale"), "brca": ("C50.911", "malignant neoplasm of unspecified site of right female breast"),
       "lung": ("C34.90", "malignant neoplasm of unspecified part of unspecified bronchus or lung"), "colon": ("C18.7", "malignant neoplasm of sigmoid colon"),
       "epi": ("G40.909", "epilepsy, unspecified, not intractable, without status epilepticus"), "caries": ("K02.52", "dental caries on pit and fissure surface penetrating into dentin"),
       "abscess": ("K04.7", "periapical abscess without sinus"), "adhd": ("F90.2", "attention-deficit hyperactivity disorder, combined type"),
       "asthma_mild": ("J45.30", "mild persistent asthma, uncomplicated"), "chemo": ("Z51.11", "encounter for antineoplastic chemotherapy"),
       "pall": ("Z51.5", "encounter for palliative care"), "alz": ("G30.9", "Alzheimer's disease, unspecified"), "dem": ("F03.90", "unspecified dementia without behavioral disturbance"),
       "pacer": ("Z95.0", "presence of cardiac pacemaker"), "sss": ("I49.5", "sick sinus syndrome"), "nstemi": ("I21.4", "non-ST elevation (NSTEMI) myocardial infarction"),
       "preterm32": ("P07.35", "preterm newborn, gestational age 32 completed weeks"), "jaund": ("P59.9", "neonatal jaundice, unspecified"),
       "ghtn": ("O13.3", "gestational hypertension, third trimester"), "uti": ("N39.0", "urinary tract infection, site not specified"), "hiv": ("B20", "HIV disease"),
       "conc": ("S06.0X0A", "concussion without loss of consciousness, initial encounter"), "tib": ("S82.201A", "unspecified fracture of shaft of right tibia, initial encounter"),
       "oa": ("M17.11", "unilateral primary osteoarthritis, right knee"), "tka": ("Z96.651", "presence of right artificial knee joint"), "hypothy": ("E03.9", "hypothyroidism, unspecified"),
       "ida": ("D50.9", "iron deficiency anemia, unspecified"), "infert": ("N97.9", "female infertility, unspecified"), "gerd": ("K21.9", "GERD without esophagitis"),
       "covid": ("U07.1", "COVID-19"), "cellul": ("L03.115", "cellulitis of right lower limb"), "onych": ("B35.1", "tinea unguium"), "mdd": ("F33.1", "major depressive disorder, recurrent, moderate"),
       "bipolar": ("F31.9", "bipolar disorder, unspecified"), "schizo": ("F20.9", "schizophrenia, unspecified"), "ptsd": ("F43.10", "post-traumatic stress disorder, unspecified"),
       "peanut": ("Z91.010", "allergy to peanuts"), "t1d": ("E10.9", "type 1 diabetes mellitus without complications"), "autism": ("F84.0", "autistic disorder"),
       "hyperbili": ("P59.9", "neonatal jaundice, unspecified")}
def icd(k): return ICD[k][0]
def icdx(k): return f"{ICD[k][0]} {ICD[k][1]}"

# ================================================================== content: PHI templates (body / attachment)
def doc_(r, cred=None): return staff(r, cred if cred is not None else r.choice(["MD", "DO", "MD", "NP", "PA-C"]))
def drn(p): return f"Dr. {p.family}"

@tmpl("hh", "phi")
def hh_visit(r):
    o = ORG["hh"]; p = pt(r, 66, 94); n = staff(r, "RN"); d = past(r, 1, 6); bs = r.randint(188, 342)
    return Doc(o, "home-health/visit-note", "Skilled Nursing Visit Note", [
        KV(("Patient", r.choice([p.lf(), p.caps(), p.full()])), ("DOB", dob(r, p)), ("Agency Pt ID", f"SHH-{dg(r, 5)}"), ("Visit date", fd(d, "mdy")),
           ("Discipline", "SN"), ("Primary Dx", icdx(r.choice(["dm2h", "chf", "copd"])))),
        P(f"Pt seen for SN visit, {p.his()} daughter present. Hx {r.choice(['DM2, HTN, CKD3b', 'CHF, AFib on Eliquis', 'COPD on 2L home O2, HTN'])}. "
          f"FSBS {bs} this am; pt states {p.he()} has been skipping evening Lantus 'because of lows'. Wound L heel {r.uniform(1, 3):.1f} x {r.uniform(0.8, 2):.1f} cm, "
          f"mod serosang drainage, no s/s infection. Wt {r.randint(140, 260)} lb (+{r.randint(2, 6)} lb since last wk), 2+ pitting edema b/l LE."),
        P(f"Dr. {staff(r).family}'s office notified re: BS and wt gain, awaiting call back. Next SN visit {fd(soon(r, 2, 5), 'short')}. - {n.given} {n.family}, RN")])

@tmpl("hh", "phi")
def hh_chatty(r):
    o = ORG["hh"]; p = pt(r, 70, 95, "F"); n = staff(r, "RN")
    return Doc(o, "home-health/chatty", "", [
        P(f"Hi there - {p.title()}'s son called our on-call line last night. {p.given} had a fall in the bathroom around 9pm, no head strike per family, "
          f"but BP was {r.randint(176, 198)}/{r.randint(96, 112)} when I got there this morning and she's been out of lisinopril 20 mg since Friday."),
        P(f"Can someone send a refill to the Walgreens on Coors & Montaño? Her address on file is {p.addr}. She's on service with us for PT/OT s/p L wrist fx. "
          f"Thanks!!\n{n.given} ({n.cred}) cell {n.phone}")], subj=r.choice(["on-call last night", f"{p.title()} - refill", "Fall + BP high"]))

@tmpl("hh", "phi", "list")
def hh_sched(r):
    o = ORG["hh"]; rows = []
    for _ in range(r.randint(6, 10)):
        p = pt(r, 60, 96)
        rows.append([p.lf(), p.dob, f"{p.addr}, {p.city[0]}", p.phone, r.choice(["SN", "PT", "OT", "SN/HHA", "MSW", "ST"]), r.choice(["2w4", "1w9", "3w2, 2w3", "1w4"]),
                     r.choice(["wound vac L shin", "CHF teaching, daily wts", "insulin teaching", "s/p R TKA", "Foley change q30d", "PICC care, IV abx", "COPD, O2 2L"])])
    return Doc(o, "home-health/route-list", f"Field Visit Schedule - week of {fd(soon(r, 3, 5), 'long')}",
               [P("Zone 3 (NE Heights / Rio Rancho). Confirm visits with pts the evening before."),
                T(["Patient", "DOB", "Address", "Phone", "Disc", "Freq", "Notes"], rows)], subj="Zone 3 schedule next week")

@tmpl("dial", "phi")
def dial_missed(r):
    o = ORG["dial"]; p = pt(r, 35, 80); md = doc_(r, "MD"); k = r.uniform(5.9, 7.1)
    return Doc(o, "dialysis/missed-tx", "Missed Treatment Notification", [
        P(f"{drn(md)},"),
        P(f"{p.title()} ({p.given} {p.family}) missed {r.choice(['2 of 3', '3 of 3', 'his Tue and Thu'])} treatments this week. ESRD on HD via L brachiocephalic AVF, "
          f"{r.choice(['MWF 1st shift chair 9', 'TTS 2nd shift chair 14', 'MWF 3rd shift chair 3'])}. Pre-HD K {k:.1f} on {fd(past(r, 2, 5), 'short')}, IDWG {r.uniform(3.5, 5.5):.1f} kg, "
          f"c/o SOB lying flat. Pt says his ride fell through; SW has referred to county transport."),
        KV(("MRN", mrn(r)), ("DOB", dob(r, p)), ("Dx", f"{icd('esrd')}, {icd('dialysis')}, {icd(r.choice(['dm2', 'htn']))}")),
        P(f"Please advise if you want him sent to ED if he no-shows Saturday. - {staff(r, 'RN').plain()}, RN, Charge")], subj=r.choice(["Missed tx", "missed treatments this week", "FYI - no show x2"]))

@tmpl("dial", "phi", "list")
def dial_labs(r):
    o = ORG["dial"]; rows = []
    for i in range(r.randint(8, 12)):
        p = pt(r, 30, 88)
        rows.append([p.lf(), p.dob, f"{r.choice(['MWF', 'TTS'])}-{r.randint(1, 3)} / {r.randint(1, 22)}", f"{r.uniform(1.0, 1.8):.2f}", f"{r.randint(61, 79)}%",
                     f"{r.uniform(8.4, 12.6):.1f}", f"{r.uniform(2.9, 4.3):.1f}", f"{r.uniform(3.6, 6.9):.1f}", f"{r.uniform(3.1, 8.8):.1f}", r.randint(110, 1450)])
    return Doc(o, "dialysis/monthly-labs", f"Monthly Labs - {MON[past(r, 5, 20).month - 1]} - Las Cruces unit",
               [P("For QAPI review. Values outside target highlighted in the unit binder. Dx for all: N18.6 / Z99.2."),
                T(["Patient", "DOB", "Shift/Chair", "spKt/V", "URR", "Hgb", "Alb", "K", "Phos", "iPTH"], rows)], subj="Dec monthly labs")

@tmpl("dent", "phi")
def dent_clear(r):
    o = ORG["dent"]; p = pt(r, 52, 84); dds = staff(r, "DDS")
    return Doc(o, "dental/medical-clearance", "Request for Medical Clearance", [
        KV(("To", f"Dr. {staff(r).family} (PCP)"), ("Patient", p.full()), ("Date of birth", dob(r, p)), ("Planned procedure", f"Extraction #{r.choice([3, 14, 19, 30, 31])}, bone graft")),
        P(f"Our mutual patient {p.given} presented with a {icdx('abscess')} on #{r.choice([19, 30])}. Medical hx reviewed: {r.choice(['AFib on warfarin 5 mg', 'mechanical AVR 2019 on warfarin', 'DM2, A1c 9.4 per pt', 's/p R TKA 2024, on Eliquis'])}. "
          "Please advise whether anticoagulation should be held or bridged, and whether antibiotic premedication is indicated. A current INR within 24 h would be appreciated."),
        P(f"Thank you,\n{dds.given} {dds.family}, DDS\n{o.name} | {o.phone} | fax {o.fax}")])

@tmpl("dent", "phi")
def dent_predet(r):
    o = ORG["dent"]; p = pt(r, 20, 70); sub = p if r.random() < 0.6 else pt(r, 30, 70)
    return Doc(o, "dental/predetermination", "Predetermination of Benefits", [
        KV(("Subscriber", sub.lf()), ("Subscriber ID", mbr(r)), ("Group", f"{dg(r, 6)}"), ("Patient", p.lf()), ("Patient DOB", dob(r, p)), ("Relationship", "Self" if sub is p else r.choice(["Spouse", "Child"]))),
        T(["Tooth", "CDT", "Description", "Fee"], [["3", "D3330", "Endodontic therapy, molar", "$1,245.00"], ["3", "D2740", "Crown - porcelain/ceramic", "$1,380.00"],
                                                   ["", "D0220", "Periapical first film", "$38.00"]]),
        P(f"Narrative: deep caries ({icd('caries')}) with irreversible pulpitis #3, symptomatic x3 wks. Radiograph enclosed.")])

@tmpl("school", "phi")
def school_asthma(r):
    o = ORG["school"]; k = kid(r, 6, 12); n = staff(r, "RN")
    return Doc(o, "school/health-office", "", [
        P(f"Hi {r.choice(['Mrs.', 'Mr.', 'Ms.'])} {k.family},"),
        P(f"Just letting you know {k.given} came to the health office {r.choice(['twice', 'three times'])} today with wheezing after recess. I gave 2 puffs of "
          f"{r.choice(['his', 'her'])} albuterol each time per the asthma action plan, O2 sat was {r.randint(90, 94)}% the first time and {r.randint(95, 98)}% after. "
          f"The inhaler we have on file expires {fd(soon(r, 3, 20), 'm/d/yyyy')} so please send a new one, and I would recommend a follow-up with Dr. {staff(r).family} this week."),
        P(f"{n.given} {n.family}, BSN, RN\nSchool Nurse - {r.choice(['Heroes Middle School', 'Bessemer Elementary', 'Irving Elementary', 'Risley International Academy'])}")],
        subj=f"{k.given} - inhaler use today")

@tmpl("school", "phi", "list")
def school_plans(r):
    o = ORG["school"]; rows = []
    for _ in range(r.randint(7, 11)):
        k = kid(r, 5, 14); c = r.choice([("Type 1 diabetes", "insulin pump, glucagon"), ("Seizure disorder", "Valtoco 10 mg"), ("Peanut allergy - anaphylaxis", "EpiPen Jr x2"),
                                         ("Asthma, moderate persistent", "albuterol MDI"), ("ADHD", "methylphenidate 10 mg at noon"), ("Celiac disease", "none - diet"), ("Sickle cell disease", "none - hydration, no PE in cold")])
        rows.append([k.lf(), r.choice(["K", "1", "2", "3", "4", "5", "6", "7", "8"]), k.dob, c[0], c[1], r.choice(["Y", "Y", "N - sent home 12/5"])])
    return Doc(o, "school/health-plans", f"Students with Individual Health Plans - {r.choice(['Bessemer Elem', 'Heroes MS', 'Irving Elem'])} - 2026-27",
               [P("For sub nurse binder. Do not post in classroom."), T(["Student", "Grade", "DOB", "Condition", "Meds at school", "IHP signed"], rows)], subj="IHP list for sub binder")

@tmpl("hospice", "phi")
def hospice_idt(r):
    o = ORG["hospice"]; p = pt(r, 74, 99); dx = r.choice(["alz", "dem", "chf", "lung", "copd"])
    return Doc(o, "hospice/idt-note", "Interdisciplinary Team Note", [
        KV(("Patient", p.lf()), ("Hospice ID", f"SDC{dg(r, 5)}"), ("Benefit period", f"{r.choice(['2nd', '3rd', '4th'])} - recert due {fd(soon(r, 3, 12), 'mdy')}"), ("Terminal dx", icdx(dx))),
        P(f"{p.title()} continues to decline. PPS {r.choice([30, 40])}%, FAST {r.choice(['7a', '7c', '6e'])}, intake <25% of meals, {r.randint(2, 6)} lb wt loss since last IDT. "
          f"Stage 2 sacral wound noted by HHA. Comfort kit in home (morphine 20 mg/mL, lorazepam, haloperidol). Family ({p.his()} {r.choice(['daughter Rosalind', 'son Gerald', 'wife of 60 yrs'])}) "
          "asking about continuous care if symptoms escalate; chaplain visit requested."),
        P("Plan: continue RHC, increase RN visits to 3w, MSW to address caregiver strain, recert.")])

@tmpl("hospice", "phi", "list")
def hospice_census(r):
    o = ORG["hospice"]; rows = []
    for _ in range(r.randint(8, 11)):
        p = pt(r, 60, 100)
        rows.append([p.lf(), past(r, 5, 200), icd(r.choice(["alz", "dem", "chf", "lung", "copd", "colon", "brca", "esrd"])), r.choice(["RHC", "RHC", "RHC", "GIP", "CHC"]),
                     f"{r.choice([20, 30, 40, 50])}%", staff(r, "RN").family, r.choice(["", "comfort kit delivered", "declining, family aware", "recert 1/4", "fall 12/20 no inj", "DNR/POLST on fridge"])])
    return Doc(o, "hospice/idt-census", f"IDT Census - {fd(TODAY, 'long')}", [T(["Patient", "Admit", "Dx", "LOC", "PPS", "RN CM", "Notes"], rows)], subj="IDT census for Weds")

@tmpl("sleep", "phi")
def sleep_psg(r):
    o = ORG["sleep"]; p = pt(r, 28, 78); ahi = r.uniform(16, 62); md = staff(r, "MD")
    return Doc(o, "sleep/psg-report", "Diagnostic Polysomnography Report", [
        KV(("Patient", p.lf()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("Study date", fd(past(r, 3, 14), "mdy")), ("Referring", f"Dr. {staff(r).family}"), ("BMI", f"{r.uniform(29, 44):.1f}")),
        T(["Parameter", "Result"], [["Total sleep time", f"{r.randint(290, 410)} min"], ["Sleep efficiency", f"{r.randint(68, 91)}%"], ["AHI (4%)", f"{ahi:.1f} /h"],
                                    ["Supine AHI", f"{ahi * 1.6:.1f} /h"], ["Lowest SpO2", f"{r.randint(72, 86)}%"], ["T90", f"{r.uniform(4, 31):.1f}%"], ["PLMI", f"{r.uniform(0, 14):.1f} /h"]]),
        P(f"Impression: {'Severe' if ahi >= 30 else 'Moderate'} obstructive sleep apnea ({icd('osa')}). Recommend CPAP titration study or APAP 5-15 cm H2O; avoid supine sleep; "
          "counsel on drowsy driving."),
        P(f"Interpreted by {md.given} {md.family}, MD, D.ABSM")])

@tmpl("sleep", "phi", "list")
def sleep_sched(r):
    o = ORG["sleep"]; rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 18, 80)
        rows.append([soon(r, 1, 10), p.lf(), p.dob, r.choice(["PSG", "Split night", "CPAP titration", "HSAT pickup", "MSLT"]), f"Dr. {staff(r).family}",
                     r.choice(["BCBS NM", "Presbyterian", "Medicare", "Medicaid - ECHP", "Tricare"]), r.choice(["", f"AUTH{dg(r, 7)}", "pending"])])
    return Doc(o, "sleep/schedule", "Sleep Lab Schedule - next 10 nights", [T(["Night", "Patient", "DOB", "Study", "Referring", "Insurance", "Auth #"], rows)], subj="Lab schedule")

@tmpl("dme", "phi")
def dme_cpap(r):
    o = ORG["dme"]; p = pt(r, 55, 82); use = r.randint(38, 66)
    return Doc(o, "dme/cpap-compliance", "CPAP Compliance - 90-day Review", [
        P(f"To: Dr. {staff(r).family}'s office - re your patient below. Medicare requires >=70% of nights with >=4 h use in a consecutive 30-day window in the first 90 days "
          "plus a face-to-face re-evaluation documenting benefit."),
        KV(("Beneficiary", p.full()), ("MBI", mbi(r)), ("DOB", dob(r, p)), ("Device", f"ResMed AirSense 11 AutoSet, SN 2{dg(r, 10)}"), ("Setup date", fd(past(r, 70, 88), "mdy"))),
        P(f"Usage: {use}% of nights >4 h, avg {r.uniform(2.4, 4.9):.1f} h/night, residual AHI {r.uniform(1.2, 6.8):.1f}, 95th pct leak {r.randint(18, 52)} L/min. "
          f"Pt reports mask discomfort and dry mouth; we swapped to a F30i medium on {fd(past(r, 5, 20), 'short')}. Please see pt before day 91 or coverage will end."),
        P(f"{staff(r, '').plain()} | Respiratory Dept | {o.phone}")])

@tmpl("dme", "phi", "list")
def dme_route(r):
    o = ORG["dme"]; rows = []
    for _ in range(r.randint(6, 10)):
        p = pt(r, 40, 95); item = r.choice([("O2 concentrator 5L", "E1390"), ("Hospital bed semi-elec", "E0260"), ("CPAP + humidifier", "E0601"), ("Rolling walker", "E0143"),
                                            ("Nebulizer", "E0570"), ("Wheelchair std", "K0001"), ("Portable O2 cyl", "E0431")])
        rows.append([p.lf(), f"{p.addr}, {p.city[0]}", p.phone, soon(r, 1, 3), item[0], item[1], r.choice(["", "dx COPD - pt on 2L", "back door, dog", "call dtr first", "s/p CVA, L hemi", "hospice pt"])])
    return Doc(o, "dme/delivery-route", f"Delivery Route - Truck {r.randint(1, 4)} - {fd(soon(r, 1, 3), 'mdy')}", [T(["Patient", "Address", "Phone", "Deliver", "Item", "HCPCS", "Notes"], rows)], subj="tomorrow's route")

@tmpl("bhi", "phi")
def bhi_intake(r):
    o = ORG["bhi"]; p = pt(r, 17, 60); c = staff(r, "MSW, LCSW"); phq = r.randint(15, 25)
    return Doc(o, "behavioral/intake-handoff", "Access Line - Warm Handoff", [
        KV(("Caller", r.choice(["self", "mother", "partner", "school counselor"])), ("Client", f"{p.given} {p.family}"), ("Age", str(p.age)), ("Callback", p.phone), ("Call time", f"{fd(past(r, 0, 2), 'mdy')} {clock(r)}")),
        P(f"Presenting: {r.choice(['passive SI, no plan/intent', 'SI with vague plan, no access to firearms per caller', 'panic attacks daily, not sleeping', 'relapse on fentanyl after 8 mo sober'])}. "
          f"Hx {r.choice(['MDD', 'bipolar I', 'PTSD (combat)', 'OUD on Suboxone'])}; PHQ-9 {phq}; C-SSRS screen {'positive' if phq > 18 else 'negative'}. "
          f"Currently on {r.choice(['sertraline 100 mg', 'nothing', 'quetiapine 200 mg, lithium', 'buprenorphine 16 mg'])}. Safety plan reviewed w/ caller; crisis numbers given."),
        P(f"Needs: outpatient intake within 72 h, Spanish-speaking therapist preferred. Insurance: {r.choice(['Medicaid (ECHP)', 'none', 'BCBS', 'Tricare'])}. - {c.given}, {c.cred}")])

@tmpl("bhi", "phi")
def bhi_chatty(r):
    o = ORG["bhi"]; p = pt(r, 16, 30, "M"); c = staff(r, "")
    return Doc(o, "behavioral/chatty", "", [
        P(f"Hey - {p.nick}'s mom called the line again around 2 am. She says he hasn't taken the Abilify since discharge and he's been up for 3 nights. "
          "Mobile crisis went out, he declined transport, not meeting hold criteria. Can your team try to get him in for the LAI this week?"),
        P(f"His new number is {p.phone}.\n\n{c.given}")], subj=r.choice([f"{p.nick} again", "overnight call", "f/u from last night"]))

@tmpl("travel", "phi")
def travel_exposure(r):
    o = ORG["travel"]; rn = staff(r, "RN"); src = pt(r, 30, 70)
    return Doc(o, "travel-nurse/exposure", "Occupational Exposure - Source Patient Information", [
        P(f"Per our call: our traveler {rn.given} {rn.family}, RN (4 West, St. Brendan) sustained a needlestick on {fd(past(r, 1, 3), 'mdy')} during an insulin draw. "
          "Employee health has baseline labs on our nurse."),
        KV(("Source patient", src.caps()), ("Source MRN", mrn(r)), ("Source DOB", dob(r, src)), ("Source results", r.choice(["HCV Ab reactive, HCV RNA 1.2M IU/mL; HIV neg; HBsAg neg",
                                                                                                                 "HIV-1/2 Ag/Ab reactive, known B20 on Biktarvy, VL undetectable 10/2026", "HBsAg positive, HBV DNA pending"]))),
        P("Please keep this restricted to the exposure file. Our clinical liaison will follow up with the nurse re: PEP.")])

@tmpl("occ", "phi")
def occ_status(r):
    o = ORG["occ"]; p = pt(r, 21, 60); md = doc_(r)
    return Doc(o, "occ-health/work-status", "Work Status Report", [
        KV(("Employer", r.choice(["Rio Grande Freight", "Sun Country Poultry", "Desert Sky Builders", "Franklin Mountain Logistics"])), ("Employee", p.lf()), ("DOB", dob(r, p)),
           ("Claim #", claim(r)), ("Date of injury", fd(past(r, 10, 40), "mdy")), ("Visit", fd(past(r, 0, 3), "mdy"))),
        P(f"Diagnosis: {icdx(r.choice(['lbp', 'menisc', 'cellul']))}. Treatment: {r.choice(['naproxen 500 mg BID, cyclobenzaprine qhs, PT 2x/wk x 4 wks', 'MRI R knee ordered, knee immobilizer', 'cephalexin, wound check 48h'])}."),
        T(["Restriction", "Detail"], [["Lifting", f"No lifting over {r.choice([10, 15, 20])} lb"], ["Bending/twisting", "Occasional"], ["Shift length", "Max 8 h"], ["Driving", "No commercial driving while on muscle relaxant"]]),
        P(f"Next appt {fd(soon(r, 6, 14), 'mdy')}. Provider: {md.given} {md.family}, {md.cred}")])

@tmpl("occ", "phi", "list")
def occ_dot(r):
    o = ORG["occ"]; rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 24, 66, "M" if r.random() < 0.8 else "F"); bp = (r.randint(118, 168), r.randint(72, 102))
        cert = "2 yr" if bp[0] < 140 else "1 yr - HTN" if bp[0] < 160 else "3 mo - HTN stage 2"
        rows.append([p.lf(), p.dob, f"{r.choice(['TX', 'NM'])}{dg(r, 8)}", past(r, 1, 12), f"{bp[0]}/{bp[1]}", cert, r.choice(["", "wears corrective lenses", "insulin - ITDM form", "OSA on CPAP - compliance rpt rec'd", "SSRI noted"])])
    return Doc(o, "occ-health/dot-results", "DOT Physical Results - Rio Grande Freight", [P("Monthly summary for the employer's DOT file, per signed release."),
               T(["Driver", "DOB", "CDL", "Exam date", "BP", "Certification", "Notes"], rows)], subj="Nov DOT exam results")

@tmpl("tb", "phi")
def tb_contact(r):
    o = ORG["tb"]; p = pt(r, 30, 70, "M"); w = pt(r, 28, 68, "F"); k1 = kid(r, 2, 15)
    return Doc(o, "tb/contact-investigation", "TB Contact Investigation - Case Summary", [
        KV(("Case #", f"TB-{TODAY:%y}-{dg(r, 4)}"), ("Index case", p.lf()), ("DOB", dob(r, p)), ("Address", f"{p.addr}, {p.csz()}"), ("Dx", f"{icdx('tb')}, sputum AFB smear 2+, NAAT MTB detected, rif resistance not detected")),
        P(f"RIPE started {fd(past(r, 14, 30), 'mdy')} under DOT (home visits M-F). Household contacts: {w.given} {w.family} (wife, {w.age}) - IGRA positive, CXR neg -> LTBI, 3HP offered; "
          f"{k1.given} ({k1.age}y) - TST 0 mm, window prophylaxis per peds; employer (dairy) contacts being listed."),
        P("Please do not forward outside the TB program.")])

@tmpl("tb", "phi", "list")
def tb_dot(r):
    o = ORG["tb"]; rows = []; wk = past(r, 6, 8)
    for _ in range(r.randint(7, 10)):
        p = pt(r, 18, 80)
        rows.append([p.lf(), p.dob, r.choice(["RIPE", "RIF/INH", "3HP (weekly)", "4R", "RIPE - mod. for CKD"]), str(r.randint(3, 110)), wk + DAY(days=r.randint(0, 5)),
                     r.choice(["in person", "video DOT", "in person"]), r.choice(["none", "nausea", "orange urine - educated", "missed 12/19, found at work", "rash - MD aware"])])
    return Doc(o, "tb/dot-log", "DOT Log - Week of " + fd(wk, "mdy"), [T(["Client", "DOB", "Regimen", "Dose #", "Date", "Method", "Side effects / notes"], rows)], subj="DOT log")

@tmpl("tx", "phi")
def tx_trough(r):
    o = ORG["tx"]; p = pt(r, 25, 68); tac = r.uniform(3.1, 5.2)
    return Doc(o, "transplant/post-tx", "", [
        P(f"Dr. {staff(r).family} - FYI on {p.given} {p.family} ({r.choice(['DDKT', 'LDKT'])} {fd(past(r, 30, 200), 'm/d/yy')}, MRN {mrn(r)})."),
        P(f"Tacrolimus trough {tac:.1f} on {fd(past(r, 1, 4), 'short')} (goal 6-8), creat {r.uniform(1.6, 2.4):.1f} up from baseline {r.uniform(1.1, 1.4):.1f}, BK PCR pending. "
          f"Pt admits missing PM doses since starting new job. Increasing Envarsus to {r.choice([5, 6, 7])} mg daily, repeat labs Mon. If creat still up -> biopsy to r/o rejection."),
        P(f"{staff(r, 'RN').given}, RN, CCTC\nPost-Transplant Coordinator")], subj=r.choice(["low tac level", "tac trough + creat", "post-tx f/u"]))

@tmpl("tx", "phi", "list")
def tx_waitlist(r):
    o = ORG["tx"]; rows = []
    for _ in range(r.randint(7, 10)):
        p = pt(r, 22, 72)
        rows.append([p.lf(), p.dob, r.choice(["O", "A", "B", "AB", "O", "A"]), f"{r.randint(0, 99)}%", past(r, 300, 2400), r.choice(["Active", "Active", "Inactive - wt", "Inactive - dental clearance", "Active - LD workup"]),
                     soon(r, 10, 200)])
    return Doc(o, "transplant/waitlist", "Kidney Waitlist - Referring Nephrologist Report", [P(f"Patients of Dr. {staff(r).family} currently listed at MSTI."),
               T(["Candidate", "DOB", "ABO", "cPRA", "Dialysis start", "Status", "Next re-eval"], rows)], subj="waitlist update for your patients")

@tmpl("pbm", "phi")
def pbm_pa(r):
    o = ORG["pbm"]; p = pt(r, 30, 70); drug = r.choice([("Ozempic 1 mg/0.75 mL pen", "dm2h"), ("Mounjaro 5 mg/0.5 mL pen", "dm2h"), ("Dupixent 300 mg/2 mL", "asthma"), ("Humira 40 mg/0.4 mL", "oa")])
    dec = r.choice(["APPROVED", "DENIED"])
    return Doc(o, "pbm/prior-auth", "Prior Authorization Determination", [
        KV(("Member", p.caps()), ("Member ID", mbr(r)), ("DOB", dob(r, p)), ("Prescriber NPI", npi(r)), ("Drug", drug[0]), ("NDC", ndc(r)), ("Diagnosis", icdx(drug[1])), ("PA #", f"PA{TODAY:%y}{dg(r, 7)}"), ("Decision", dec)),
        P("Approved through " + fd(soon(r, 180, 365), "mdy") + "." if dec == "APPROVED" else
          "Denied: step therapy not met. Plan requires a 90-day trial of metformin at max tolerated dose within the past 12 months; claims history shows no metformin fills. "
          "The prescriber may submit chart notes documenting intolerance or contraindication for reconsideration."),
        P("This notice contains confidential member information.")])

@tmpl("pbm", "phi", "list")
def pbm_queue(r):
    o = ORG["pbm"]; rows = []
    for _ in range(r.randint(7, 11)):
        p = pt(r, 18, 88)
        rows.append([mbr(r), p.lf(), p.dob, r.choice(["Ozempic 0.5 mg", "Eliquis 5 mg", "Xarelto 20 mg", "Trulicity 1.5 mg", "Vyvanse 30 mg", "Biktarvy", "Jardiance 10 mg", "Nurtec ODT 75 mg"]),
                     ndc(r), npi(r), r.choice(["Pending - need chart notes", "Approved", "Denied - ST", "Pended - peer to peer", "Approved - 12 mo"])])
    return Doc(o, "pbm/pa-queue", "Open PA Cases - Client: Enchanted Circle Health Plan", [T(["Member ID", "Member", "DOB", "Drug", "NDC", "Prescriber NPI", "Status"], rows)], subj="PA queue export")

@tmpl("pbm", "phi")
def pbm_271(r):
    o = ORG["pbm"]; p = pt(r, 20, 80); m = mbr(r); d8 = TODAY.strftime("%Y%m%d")
    x = (f"ISA*00*          *00*          *ZZ*CLEARSCRIPT    *ZZ*CORNERDRUG     *{d8[2:]}*1015*^*00501*0000{dg(r, 5)}*0*P*:~\n"
         f"GS*HB*CLEARSCRIPT*CORNERDRUG*{d8}*1015*{r.randint(100, 999)}*X*005010X279A1~\nST*271*0001*005010X279A1~\nBHT*0022*11*{dg(r, 9)}*{d8}*1015~\n"
         f"HL*1**20*1~\nNM1*PR*2*CLEARSCRIPT PHARMACY SOLUTIONS*****PI*{dg(r, 5)}~\nHL*2*1*21*1~\nNM1*1P*2*CORNER DRUG*****XX*{npi(r)}~\nHL*3*2*22*0~\n"
         f"NM1*IL*1*{p.family.upper()}*{p.given.upper()}*{p.mi}***MI*{m}~\nN3*{p.addr.upper()}~\nN4*{p.city[0].upper()}*{p.city[1]}*{p.city[2]}{dg(r, 2)}~\n"
         f"DMG*D8*{p.dob.strftime('%Y%m%d')}*{p.sex}~\nEB*1*IND*88~\nEB*B*IND*88***27*{r.choice([10, 15, 35])}~\nMSG*PREFERRED MAIL ORDER AVAILABLE~\nSE*15*0001~")
    return Doc(o, "pbm/x12-271", "271 response", [P("Eligibility response for the member below, raw 271 as received:"), PRE(x)], subj="271 for your 270 this am")

@tmpl("court", "phi")
def court_eval(r):
    o = ORG["court"]; p = pt(r, 19, 55, "M"); psy = staff(r, "PsyD")
    return Doc(o, "forensic/competency", "Court-Ordered Competency Evaluation - Summary of Findings", [
        KV(("Matter", f"State of New Mexico v. {p.full()}"), ("Case No.", f"D-202-CR-{TODAY.year}-0{dg(r, 4)}"), ("Defendant DOB", dob(r, p)), ("Evaluation dates", f"{fd(past(r, 20, 30), 'mdy')}, {fd(past(r, 5, 12), 'mdy')}")),
        P(f"Mr. {p.family} was evaluated at the Metropolitan Detention Center pursuant to the court's order. Records reviewed include MDC medical records and prior admissions to UNM PPC. "
          f"He meets criteria for {icdx(r.choice(['schizo', 'bipolar']))}; he was not taking prescribed {r.choice(['risperidone', 'olanzapine', 'paliperidone'])} at the time of arrest and "
          "presented with disorganized thought and persecutory delusions involving defense counsel."),
        P("Opinion: Mr. " + p.family + " is not presently competent to proceed; there is a substantial probability that he can be restored within the statutory period with treatment at NMBHI."),
        P(f"{psy.given} {psy.family}, PsyD, ABPP\nForensic Psychologist")])

@tmpl("wc", "phi")
def wc_auth(r):
    o = ORG["wc"]; p = pt(r, 22, 62); adj = staff(r, "")
    return Doc(o, "workers-comp/authorization", "", [
        P(f"Good afternoon {r.choice(['Stride PT', 'Dr. ' + staff(r).family + ' office', 'scheduling team'])},"),
        P(f"Re: Claim {claim(r)} - Claimant {p.given} {p.family}, DOI {fd(past(r, 40, 120), 'mdy')}, employer {r.choice(['Northland Pipe', 'Flagstaff Unified', 'Walmart DC #6031'])}."),
        P(f"The MRI of the right knee is authorized (CPT 73721). Accepted body part: R knee only - {icd('menisc')}. The L shoulder complaint raised at the 11/30 visit is NOT accepted at this time. "
          f"IME with Dr. {staff(r).family} scheduled {fd(soon(r, 10, 25), 'long')}. Claimant remains on TTD; please send updated work status after each visit."),
        P(f"Thanks,\n{adj.given} {adj.family}\nClaims Adjuster III | {o.name} | {o.phone}")], subj="Auth - R knee MRI")

@tmpl("wc", "phi", "list")
def wc_diary(r):
    o = ORG["wc"]; rows = []
    for _ in range(r.randint(7, 10)):
        p = pt(r, 20, 64); bp = r.choice([("L/S spine", "lbp"), ("R knee", "menisc"), ("R tibia", "tib"), ("Head", "conc"), ("R lower leg skin", "cellul")])
        rows.append([p.lf(), claim(r), past(r, 20, 400), bp[0], icd(bp[1]), f"Dr. {staff(r).family}", r.choice(["TTD", "TPD - light duty", "RTW full", "MMI pending", "IME sched"])])
    return Doc(o, "workers-comp/claim-diary", "Open Claims Diary - Adjuster desk 14", [T(["Claimant", "Claim #", "DOI", "Body part", "ICD-10", "Treating", "Status"], rows)], subj="diary")

@tmpl("lact", "phi")
def lact_note(r):
    o = ORG["lact"]; m = pt(r, 19, 42, "F"); b = kid(r, 0, 0); bdate = past(r, 6, 20); bw = r.randint(2900, 3900); cw = int(bw * r.uniform(0.88, 0.93))
    return Doc(o, "lactation/consult-note", "Lactation Consultation", [
        KV(("Mother", f"{m.given} {m.family}"), ("Infant", f"{r.choice(['Baby boy', 'Baby girl', b.given])} {m.family}"), ("Infant DOB", fd(bdate, "mdy")), ("Ped", f"Dr. {staff(r).family}")),
        P(f"Infant {(TODAY - bdate).days} days old, BW {bw} g, today {cw} g ({100 - cw * 100 // bw}% below BW). Shallow latch, clicking, heart-shaped tongue tip, restricted lift - "
          f"suspect posterior tongue-tie. Mom with b/l nipple trauma (L > R), hx {r.choice(['PCOS', 'breast reduction 2015', 'GDM', 'PPH 1.2 L'])}. Pre/post weighted feed transfer {r.randint(12, 28)} mL."),
        P("Plan: triple feed q3h (breast, then 30-45 mL EBM/formula by paced bottle, then pump), weight check in 48 h, refer to ENT/peds dentist for frenotomy eval. Discussed with mom; she agrees."),
        P(f"{staff(r, 'IBCLC').given}, IBCLC")])

@tmpl("lact", "phi")
def lact_chatty(r):
    o = ORG["lact"]; fam = r.choice(["Nguyen", "Tsosie", "Okafor", "Kowalski", "de la Cruz"])
    return Doc(o, "lactation/chatty", "", [P(f"Hi Dr. {staff(r).family} - saw the {fam} baby this morning at home. Down 11% at day 5, jaundiced to the chest, sleepy at the breast. "
                                             f"I told mom to bring her into your office today for a bili and weight. Mom's milk is in but she's only pumping 20 mL. Can you squeeze them in? "
                                             f"I'll send my full note tonight.\n\n{staff(r, 'IBCLC').given}")], subj=f"{fam} baby - please see today")

@tmpl("chap", "phi", "list")
def chap_rounds(r):
    o = ORG["chap"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 30, 97)
        rows.append([f"{r.choice([3, 4, 5, 6])}{r.randint(10, 40):02d}", p.lf(), past(r, 0, 14), r.choice(["Catholic", "Baptist", "LDS", "Muslim", "Jewish", "None stated", "Native American Church", "Buddhist", "Pentecostal"]),
                     r.choice(["Anointing requested", "Prayer", "Communion Sunday", "Family support", "Advance directive help", "Imam visit", "Smudging ceremony - approved by charge RN"]),
                     r.choice(["comfort care, family at bedside", "new dx pancreatic ca", "s/p code blue 12/21", "ESRD, stopping HD", "NICU baby, parents", "anxious pre-CABG", "withdrawal of care planned 2pm"])])
    return Doc(o, "chaplaincy/rounds-list", f"Chaplain Rounds - {fd(TODAY, 'long')}", [P("On-call chaplain list. Please update after visits."), T(["Room", "Patient", "Admit", "Faith", "Request", "Clinical note"], rows)], subj="rounds list today")

@tmpl("chap", "phi")
def chap_handoff(r):
    o = ORG["chap"]; p = pt(r, 60, 95, "M")
    return Doc(o, "chaplaincy/handoff", "", [P(f"Fr. {staff(r).family} - handing off for tonight. Mr. {p.family} in {r.randint(400, 460)} ({p.given}, the retired fireman) is transitioning to comfort care after the "
                                               f"family meeting - metastatic lung ca, on morphine gtt. He asked for Anointing and Confession while he can still talk. Wife {r.choice(['Peggy', 'Lola', 'Bernie'])} "
                                               "and two sons at bedside. Please go before 9 if you can.\n\nPeace,\nDeacon " + staff(r).family)], subj=r.choice(["tonight - 4th floor", f"Mr. {p.family}", "handoff"]))

@tmpl("wound", "phi")
def wound_hbot(r):
    o = ORG["wound"]; p = pt(r, 45, 80, "M"); tx = r.randint(12, 36)
    return Doc(o, "wound/hbot-progress", "Hyperbaric Oxygen Therapy - Progress Note", [
        KV(("Pt", p.caps()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("Payer", r.choice(["Medicare", "IHS / PRC", "BCBS"])), ("MBI", mbi(r) if r.random() < 0.5 else "")),
        P(f"{icdx('dfu')} (Wagner 3, R plantar 1st MTH), DM2 A1c {r.uniform(7.9, 11.2):.1f}. HBOT tx #{tx}/40 at 2.4 ATA x 90 min, tolerated well, no barotrauma. "
          f"Wound {r.uniform(1.1, 3.4):.1f} x {r.uniform(0.8, 2.4):.1f} x {r.uniform(0.2, 0.9):.1f} cm, 80% granulation, probe to bone negative today. TcPO2 {r.randint(38, 55)} mmHg periwound."),
        T(["Date", "L x W x D (cm)", "Tx #"], [[fd(past(r, 7 * i + 1, 7 * i + 1), "mdy"), f"{2.9 - 0.3 * i:.1f} x {2.1 - 0.2 * i:.1f} x {0.7 - 0.1 * i:.1f}", str(max(1, tx - 5 * i))] for i in range(4)])])

@tmpl("pt", "phi")
def pt_poc(r):
    o = ORG["pt"]; p = pt(r, 55, 82); therapist = staff(r, "PT, DPT")
    return Doc(o, "pt/plan-of-care", "Plan of Care - Physician Certification Required", [
        KV(("Patient", p.lf()), ("D.O.B.", dob(r, p)), ("Referring physician", f"Dr. {staff(r).family}"), ("Dx", f"{icdx('tka')}; {icd('oa')}"), ("Cert period", f"{fd(past(r, 3, 5), 'mdy')} - {fd(soon(r, 55, 60), 'mdy')}")),
        P(f"Pt is {r.randint(3, 6)} wks s/p R TKA. Knee AROM {r.randint(3, 10)}-{r.randint(85, 105)} deg, quad lag present, amb w/ SPC 150 ft, TUG {r.uniform(11, 19):.1f} s. Pain 4/10 after sessions."),
        BUL("Goal: AROM 0-115 deg in 6 wks", "Goal: amb community distances without AD", "Freq: 2x/wk x 8 wks (16 visits)", "Interventions: 97110, 97140, 97530, 97116"),
        P(f"{therapist.given} {therapist.family}, PT, DPT - please sign and fax back to {o.fax}.")])

@tmpl("ob", "phi")
def ob_pprom(r):
    o = ORG["ob"]; p = pt(r, 19, 38, "F"); ga = r.randint(29, 34)
    return Doc(o, "ob/transfer", "Maternal Transfer Summary", [
        KV(("Patient", p.lf()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("G/P", f"G{r.randint(1, 4)}P{r.randint(0, 2)}"), ("EDD", fd(soon(r, 40, 80), "mdy")), ("GA", f"{ga}w{r.randint(0, 6)}d")),
        P(f"PPROM ({icd('pprom')}) {fd(past(r, 1, 3), 'mdy')} at {clock(r)}, clear fluid, nitrazine/fern +. Latency abx (amp/azithro) started, BMZ #1 given, #2 due {clock(r)}. "
          f"GBS unknown - on PCN. Mild ctx q8-10 min, cx 1/50/-3. FHT Cat I. Hx {r.choice(['GDM on metformin', 'gestational HTN', 'prior C/S x1', 'none'])}."),
        P(f"Transfer to SBMC L&D (level III NICU) accepted by Dr. {staff(r).family}. Husband following by car.")])

@tmpl("ob", "phi")
def ob_gdm(r):
    o = ORG["ob"]; p = pt(r, 22, 40, "F")
    return Doc(o, "ob/result-letter", "", [P(f"Dear {p.given},"),
        P(f"Your 3-hour glucose tolerance test on {fd(past(r, 2, 6), 'long')} showed two elevated values (fasting {r.randint(96, 110)}, 1-hr {r.randint(182, 215)}, 2-hr {r.randint(160, 190)}, "
          f"3-hr {r.randint(120, 150)} mg/dL). This means you have gestational diabetes. We have referred you to our diabetes educator, {staff(r, 'RD').given}, who will call you this week "
          "to set up a glucometer and meal plan. Please check your sugar 4 times a day and bring your log to your next visit."),
        P(f"Warmly,\n{staff(r, 'CNM').given} {staff(r).family}, CNM\n{o.name}")], subj=r.choice(["Your glucose test result", "Lab result", "Results from your 3-hour test"]))

@tmpl("nicu", "phi")
def nicu_sw(r):
    o = ORG["nicu"]; fam = r.choice(["Nguyen", "Begay", "Ramírez", "O'Brien", "Haddad", "Lucero"]); mom = pt(r, 17, 38, "F"); mom.family = fam
    return Doc(o, "nicu/social-work", "", [P(f"Team - update on the {fam} baby (Bed {r.randint(1, 24)}, {r.choice(['32', '29', '34'])} wk, on CPAP, bili {r.uniform(9.1, 13.8):.1f} under phototx)."),
        P(f"Mom ({mom.given}, {mom.age}) was discharged yesterday after her C/S; she lives in {mom.city[0]}, 2 h away, no car. I gave gas cards and applied for Ronald McDonald House. "
          f"She screened positive on the EPDS ({r.randint(13, 19)}) - referred to perinatal psych, first appt {fd(soon(r, 2, 6), 'short')}. Dad is incarcerated; grandma {r.choice(['Lupe', 'Evelyn', 'Jolene'])} is the support person."),
        P(f"- {staff(r, 'MSW').given}, MSW, NICU Social Work")], subj=f"{fam} baby - SW update")

@tmpl("nicu", "phi", "list")
def nicu_census(r):
    o = ORG["nicu"]; rows = []
    for i in range(r.randint(8, 12)):
        m = pt(r, 16, 42, "F"); bd = past(r, 1, 60)
        rows.append([str(i + 1), f"BB {m.family}" if r.random() < 0.5 else f"BG {m.family}", bd, f"{r.randint(24, 39)}w{r.randint(0, 6)}d", f"{m.given} {m.family}",
                     r.choice(["RDS, CPAP", "NAS - Finnegan scoring", "hyperbili", "TPN, r/o NEC", "feeder-grower", "CPS hold", "HIE - cooling d2", "CHD - awaiting transfer"])])
    return Doc(o, "nicu/census", "NICU Census for Social Work", [T(["Bed", "Infant", "DOB", "GA at birth", "Mother", "Issues"], rows)], subj="census for SW rounds")

@tmpl("device", "phi")
def device_remote(r):
    o = ORG["device"]; p = pt(r, 60, 90)
    return Doc(o, "cardiology/device-remote", "Remote Monitoring Alert", [
        KV(("Patient", p.full()), ("DOB", dob(r, p)), ("Device", r.choice(["Medtronic Azure XT DR MRI", "Abbott Assurity MRI", "Boston Scientific Accolade MRI", "Biotronik Amvia Sky"])),
           ("Serial", f"{up(r, 3)}{dg(r, 6)}"), ("Indication", icdx("sss")), ("Transmission", fd(past(r, 0, 2), "mdy"))),
        P(f"New AF/AT burden {r.randint(6, 34)}% (prev <1%), longest episode {r.randint(2, 19)} h {r.randint(1, 59)} min, V-rates controlled. Pt NOT on anticoagulation per med list; "
          f"CHA2DS2-VASc {r.randint(3, 6)}. Battery 8.5 yr, lead impedances stable. Please advise re: OAC; we'll call pt to schedule an in-clinic check."),
        P(f"{staff(r, 'RN').given}, RN, CCDS - Device Clinic")])

@tmpl("coag", "phi")
def coag_inr(r):
    o = ORG["coag"]; p = pt(r, 55, 90); inr = r.uniform(3.8, 6.2)
    return Doc(o, "anticoag/inr-note", "", [P(f"{p.nick} {p.family} INR {inr:.1f} today (goal 2-3, {r.choice(['AFib', 'mech MVR - goal 2.5-3.5', 'recurrent DVT/PE'])}). "
                                             f"On warfarin 5 mg daily except 7.5 mg Mon/Fri. Started {r.choice(['Bactrim DS', 'fluconazole', 'levofloxacin'])} on {fd(past(r, 3, 6), 'short')} for UTI per urgent care. "
                                             f"No bleeding, no bruising. Plan: hold tonight, then 5 mg daily, recheck {fd(soon(r, 2, 4), 'mon')}. Pt verbalized understanding, daughter to drive.\n\n- {staff(r, 'PharmD').given}, PharmD, CACP")],
               subj=r.choice(["INR high", f"{p.family} INR", "INR note"]))

@tmpl("coag", "phi", "list")
def coag_log(r):
    o = ORG["coag"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 40, 94); inr = r.uniform(1.4, 4.9)
        rows.append([p.lf(), p.dob, r.choice(["AFib", "DVT", "PE", "Mech AVR", "LV thrombus"]), r.choice(["2-3", "2-3", "2.5-3.5"]), f"{inr:.1f}",
                     "no change" if 2 <= inr <= 3 else r.choice(["hold x1, -10%", "+10% weekly", "boost 7.5 x1"]), soon(r, 3, 28)])
    return Doc(o, "anticoag/inr-log", f"INR Clinic Log - {fd(TODAY, 'mdy')}", [T(["Patient", "DOB", "Indication", "Goal", "INR", "Dose change", "Next INR"], rows)], subj="today's INR log")

@tmpl("lab", "phi")
def lab_oru(r):
    o = ORG["lab"]; p = pt(r, 20, 90); ts = past(r, 0, 2).strftime("%Y%m%d") + f"{r.randint(6, 20):02d}{r.randint(0, 59):02d}"; acc = f"{TODAY:%y}-{dg(r, 3)}-{dg(r, 4)}"
    h = (f"MSH|^~\\&|CIBOLA-LIS|CIBOLA|EPIC|SBMC|{ts}||ORU^R01|{dg(r, 10)}|P|2.5.1\n"
         f"PID|1||{mrn(r)}^^^SBMC^MR||{p.family.upper()}^{p.given.upper()}^{p.mi}||{p.dob.strftime('%Y%m%d')}|{p.sex}|||{p.addr.upper()}^^{p.city[0].upper()}^{p.city[1]}^{p.city[2]}{dg(r, 2)}||{p.phone}\n"
         f"ORC|RE|{dg(r, 8)}|{acc}\nOBR|1|{dg(r, 8)}|{acc}|BMP^Basic metabolic panel^L|||{ts}\n"
         f"OBX|1|NM|2823-3^Potassium^LN||{r.uniform(6.2, 7.1):.1f}|mmol/L|3.5-5.1|HH|||F\nOBX|2|NM|2160-0^Creatinine^LN||{r.uniform(2.1, 5.6):.2f}|mg/dL|0.6-1.3|H|||F\n"
         f"OBX|3|NM|2345-7^Glucose^LN||{r.randint(80, 240)}|mg/dL|70-99|H|||F\nNTE|1||Critical value called to {staff(r).given} RN at {clock(r)}, read back verified.")
    return Doc(o, "lab/hl7-oru", "ORU", [P("Interface team - this result did not file to the chart, raw message below. Can you check the PID?"), PRE(h)], subj=r.choice(["ORU not filing", "Interface error - acc " + acc]))

@tmpl("lab", "phi")
def lab_critical(r):
    o = ORG["lab"]; p = pt(r, 1, 90); a = r.choice([("Potassium", f"{r.uniform(6.3, 7.0):.1f} mmol/L"), ("Hemoglobin", f"{r.uniform(5.1, 6.4):.1f} g/dL"), ("Troponin I hs", f"{r.randint(540, 4100)} ng/L"),
                                                   ("Blood culture", "Gram positive cocci in clusters, 2/2 bottles"), ("Glucose", f"{r.randint(28, 39)} mg/dL")])
    return Doc(o, "lab/critical-call-log", "Critical Value Notification", [
        KV(("Patient", p.caps()), ("DOB", dob(r, p)), ("Acc #", f"{TODAY:%y}-{dg(r, 3)}-{dg(r, 4)}"), ("Client", r.choice(["QuickCare Rio Rancho", "Arroyo Seco Post-Acute", "Dr. Vigil Family Med"])),
           ("Test", a[0]), ("Result", a[1]), ("Called to", f"{staff(r).given} {staff(r).family}, RN"), ("Time", clock(r)), ("Read-back", "Yes")),
        P("Documentation copy for the client's records per CAP GEN.41320.")])

@tmpl("lab", "phi", "list")
def lab_pending(r):
    o = ORG["lab"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 1, 90)
        rows.append([f"{TODAY:%y}-{dg(r, 3)}-{dg(r, 4)}", p.lf(), p.dob, r.choice(["HIV-1 RNA quant", "Quantiferon", "Hep C RNA", "Pap/HPV", "Lead, blood", "Chlamydia/GC NAAT", "PSA", "BCR-ABL"]),
                     past(r, 1, 6), r.choice(["sent out - Mayo", "QNS - recollect", "pending", "hemolyzed", "in process"])])
    return Doc(o, "lab/pending-list", "Pending / Problem Specimens - Client " + r.choice(["QuickCare", "MSU Student Health", "PCDC Medical", "Juniper Women's Health"]),
               [T(["Accession", "Patient", "DOB", "Test", "Collected", "Status"], rows)], subj="pending list")

@tmpl("ems", "phi")
def ems_837(r):
    o = ORG["ems"]; p = pt(r, 50, 92); d8 = past(r, 5, 30).strftime("%Y%m%d"); m = mbi(r, False)
    x = (f"ST*837*0001*005010X222A1~\nBHT*0019*00*{dg(r, 9)}*{TODAY:%Y%m%d}*0930*CH~\nNM1*41*2*MESA AMBULANCE BILLING*****46*{dg(r, 9)}~\n"
         f"NM1*85*2*MESA FIRE RESCUE*****XX*{npi(r)}~\nHL*2*1*22*0~\nSBR*P*18*******MB~\nNM1*IL*1*{p.family.upper()}*{p.given.upper()}****MI*{m}~\n"
         f"N3*{p.addr.upper()}~\nN4*{p.city[0].upper()}*{p.city[1]}*{p.city[2]}{dg(r, 2)}~\nDMG*D8*{p.dob.strftime('%Y%m%d')}*{p.sex}~\n"
         f"CLM*{dg(r, 10)}*{r.randint(900, 2400)}.00***41:B:1*Y*A*Y*Y~\nCR1*LB*{r.randint(120, 260)}*A*01*DH*{r.randint(3, 24)}~\nHI*ABK:R0789*ABF:{icd(r.choice(['chf', 'copd', 'afib'])).replace('.', '')}~\n"
         f"LX*1~\nSV1*HC:A0427:RH*{r.randint(700, 1800)}.00*UN*1***1~\nDTP*472*D8*{d8}~\nLX*2~\nSV1*HC:A0425:RH*{r.randint(40, 200)}.00*UN*{r.randint(3, 24)}***1~\nSE*19*0001~")
    return Doc(o, "ems/x12-837", "837P rejected claim", [P("Clearinghouse rejected this one (2010BA name mismatch with MBI). Can registration check the face sheet?"), PRE(x)], subj="837 reject - name/MBI mismatch")

@tmpl("ems", "phi")
def ems_facesheet(r):
    o = ORG["ems"]; p = pt(r, 40, 90)
    return Doc(o, "ems/facesheet-request", "", [P(f"Hi SBMC Patient Access,"),
        P(f"We need the face sheet / insurance for run #{TODAY:%y}-{dg(r, 5)}: {p.full()}, DOB {dob(r, p)}, transported {fd(past(r, 5, 20), 'mdy')} from {p.addr} to your ED, "
          f"c/c CP and SOB, hx {r.choice(['CHF and AFib', 'COPD', 'DM2, ESRD on HD'])}. Pt was unable to sign at the time, so we also need the facility signature form (receiving RN)."),
        P(f"Thank you,\n{staff(r, '').plain()}\nReimbursement Specialist, {o.name}\nPh {o.phone} | Fax {o.fax}")], subj="face sheet request")

@tmpl("snf", "phi")
def snf_referral(r):
    o = ORG["snf"]; p = pt(r, 68, 95)
    return Doc(o, "snf/referral-review", "", [P(f"Hi {staff(r).given}, thanks for the referral."),
        P(f"We reviewed {p.title()} ({p.caps()}, DOB {dob(r, p)}) - s/p R hip ORIF POD {r.randint(2, 4)}, CKD3b, DM2 on insulin, MRSA nares +, "
          f"{r.choice(['mild dementia, wanders at night', 'A&Ox4', 'hx falls x3 this yr'])}. We can offer a private room for contact isolation starting {fd(soon(r, 1, 2), 'long')}. "
          f"Medicare A, {r.randint(3, 6)}-midnight qualifying stay met. Please send updated PT notes, MAR and COVID result."),
        P(f"{staff(r, '').given} {staff(r).family}\nAdmissions Director, {o.short}\n{o.phone}")], subj="Re: referral - bed offer")

@tmpl("snf", "phi")
def snf_ub04(r):
    o = ORG["snf"]; p = pt(r, 70, 95)
    v = [("1 Provider", o.name), ("3a PAT CNTL #", acct(r)), ("4 TYPE OF BILL", "0211"), ("6 STATEMENT COVERS PERIOD", f"{past(r, 40, 40).strftime('%m%d%y')} - {past(r, 10, 10).strftime('%m%d%y')}"),
         ("8 PATIENT NAME", p.caps()), ("9 PATIENT ADDRESS", f"{p.addr}, {p.csz()}"), ("10 BIRTHDATE", p.dob.strftime("%m%d%Y")), ("11 SEX", p.sex),
         ("42/43/46/47", f"0022 SNF PPS HIPPS {up(r, 4)}{dg(r, 1)} 30 units $ {r.randint(14000, 26000)}.00"), ("50 PAYER", "MEDICARE A"), ("60 INSURED'S UNIQUE ID", mbi(r)),
         ("67 PRIN DX", icd(r.choice(["tka", "copd", "chf", "uti"])).replace(".", "")), ("67A-D", " ".join(icd(k).replace(".", "") for k in r.sample(["dm2", "htn", "ckd3b", "afib", "dem"], 3))), ("76 ATTENDING NPI", npi(r))]
    return Doc(o, "snf/ub04", "UB-04 data - correction", [P("Business office - rebill with corrected occurrence code 50, data below:"), KV(*v)])

@tmpl("snf", "phi", "list")
def snf_census(r):
    o = ORG["snf"]; rows = []
    for _ in range(r.randint(8, 11)):
        p = pt(r, 60, 99)
        rows.append([f"{r.choice(['A', 'B', 'C'])}{r.randint(1, 30)}", p.lf(), past(r, 1, 90), r.choice(["Medicare A", "Medicaid", "HMO - ECHP", "Private", "VA"]), icd(r.choice(["tka", "copd", "chf", "uti", "dem", "sacral4", "nstemi"])),
                     r.choice(["", "isolation - C diff", "LOA 12/25", "d/c home 12/27", "hospice eval", "skilled day 18"])])
    return Doc(o, "snf/census", f"Daily Census - {fd(TODAY, 'mdy')}", [T(["Room", "Resident", "Admit", "Payer", "Primary dx", "Notes"], rows)], subj="census")

@tmpl("retina", "phi")
def retina_pa(r):
    o = ORG["retina"]; p = pt(r, 66, 92)
    return Doc(o, "retina/prior-auth", "Letter of Medical Necessity - aflibercept", [
        KV(("Patient", p.lf()), ("DOB", dob(r, p)), ("Medicare ID", mbi(r)), ("Dx", icdx("amd")), ("Drug", f"Eylea HD 8 mg (J0177), NDC {ndc(r)}")),
        P(f"{p.title()} has active CNV OD with subretinal fluid despite {r.randint(5, 9)} monthly injections of bevacizumab. VA OD {r.choice(['20/80', '20/100', '20/200'])}, CST {r.randint(340, 520)} um on OCT {fd(past(r, 2, 9), 'mdy')}. "
          "We request authorization for aflibercept 8 mg q8-16 wk after 3 loading doses."),
        P(f"{staff(r, 'MD').given} {staff(r).family}, MD - Retina")])

@tmpl("retina", "phi", "list")
def retina_inj(r):
    o = ORG["retina"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 55, 95)
        rows.append([soon(r, 1, 12), clock(r), p.lf(), p.dob, r.choice(["OD", "OS", "OU"]), r.choice(["Eylea", "Vabysmo", "Avastin", "Lucentis biosim", "Eylea HD"]), r.choice(["wet AMD", "DME", "BRVO w/ ME", "CRVO"])])
    return Doc(o, "retina/injection-schedule", "Injection Clinic - El Paso - upcoming", [T(["Date", "Time", "Patient", "DOB", "Eye", "Drug", "Dx"], rows)], subj="inj schedule")

@tmpl("audio", "phi")
def audio_ent(r):
    o = ORG["audio"]; p = pt(r, 40, 75)
    return Doc(o, "audiology/referral", "Audiologic Evaluation - Referral to ENT", [
        KV(("Patient", f"{p.given} {p.family}"), ("Birth date", dob(r, p)), ("Date of eval", fd(past(r, 1, 7), "long"))),
        P(f"Pt reports sudden L-sided hearing loss and tinnitus x{r.randint(2, 5)} wks. Audiogram: asymmetric SNHL, L PTA {r.randint(45, 70)} dB HL vs R {r.randint(15, 25)} dB HL; "
          f"WRS L {r.randint(40, 68)}% / R {r.randint(92, 100)}%. Tymps type A b/l. Recommend MRI IAC w/wo contrast to r/o vestibular schwannoma; urgent ENT for possible steroid tx."),
        P(f"{staff(r, 'AuD').given} {staff(r).family}, Au.D., CCC-A")])

@tmpl("allergy", "phi")
def allergy_rxn(r):
    o = ORG["allergy"]; k = kid(r, 8, 16)
    return Doc(o, "allergy/reaction-report", "", [P(f"Dr. {staff(r).family}, FYI - {k.given} {k.family} ({k.age} y/o, DOB {dob(r, k)}) had a systemic reaction in clinic today 18 min after "
                                                  f"build-up injection #{r.randint(8, 22)} (vial 3, 0.3 mL, trees/weeds/mold). Hives trunk, throat tightness, wheeze - EpiPen 0.3 mg IM L thigh at {clock(r)}, "
                                                  "albuterol x1, cetirizine. Resolved in 20 min; observed 2 h, sent home w/ mom. Will repeat previous dose next visit and re-build slowly."
                                                  f"\n\n{staff(r, 'RN').given}, RN")], subj=r.choice(["systemic rxn today", "SCIT reaction", "FYI shot rxn"]))

@tmpl("allergy", "phi", "list")
def allergy_build(r):
    o = ORG["allergy"]; rows = []
    for _ in range(r.randint(8, 11)):
        p = pt(r, 6, 70)
        rows.append([p.lf(), p.dob, r.choice(["Trees/Grass", "Juniper/Cat", "Dust mite/Mold", "Weeds", "Venom - yellow jacket"]), f"Vial {r.randint(1, 4)}", f"{r.choice([0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5])} mL",
                     r.choice(["", "local 4 cm", "hold - asthma flare", "maint reached", "missed 3 wks - back up"])])
    return Doc(o, "allergy/shot-log", "SCIT Build-up Log - Rio Rancho", [T(["Patient", "DOB", "Extract", "Vial", "Dose", "Reaction/notes"], rows)], subj="shot log")

@tmpl("onc", "phi")
def onc_nav(r):
    o = ORG["onc"]; p = pt(r, 34, 72, "F")
    return Doc(o, "oncology/navigation", "Nurse Navigator - New Patient Summary", [
        KV(("Patient", p.lf()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("Diagnosis", f"{icdx('brca')}; IDC grade {r.randint(2, 3)}, ER+/PR+/HER2-, cT2N1"), ("Navigator", staff(r, "RN").plain() + ", RN, OCN")),
        BUL(f"Port placement {fd(soon(r, 3, 7), 'mdy')} - IR, NPO after midnight", f"Echo {fd(soon(r, 2, 5), 'mdy')}", f"C1D1 ddAC {fd(soon(r, 10, 14), 'mdy')} - chemo teach the day before",
            "Genetics referral (BRCA testing) - sister dx at 41", "Financial counselor - high-deductible plan", "Wig/cold cap info given"),
        P(f"{p.given} is anxious and caring for her mother; SW consult placed.")])

@tmpl("onc", "phi", "list")
def onc_newpts(r):
    o = ORG["onc"]; rows = []
    for _ in range(r.randint(7, 10)):
        p = pt(r, 30, 88); dx = r.choice(["brca", "lung", "colon", "brca", "lung"])
        rows.append([p.lf(), p.dob, icd(dx), r.choice(["Stage IIA", "Stage IIIB", "Stage IV", "pending staging"]), f"Dr. {staff(r).family}", soon(r, 1, 14), r.choice(["needs PET", "port needed", "2nd opinion", "trial candidate", "transport barrier", "Spanish"])])
    return Doc(o, "oncology/new-patient-list", "New Patient Navigation List", [T(["Patient", "DOB", "ICD-10", "Stage", "Oncologist", "First visit", "Barrier/Need"], rows)], subj="new pts this wk")

@tmpl("interp", "phi")
def interp_es(r):
    o = ORG["interp"]; p = pt(r, 40, 85); it = staff(r, "CHI")
    return Doc(o, "spanish/interpreter-summary", "Resumen de sesión de interpretación", [
        KV(("Paciente", p.full()), ("Fecha de nacimiento", fd(p.dob, "dmy")), ("Número de afiliado", mcaid(r)), ("Clínica", r.choice(["Cardiología", "Nefrología", "Oncología", "Diálisis"])), ("Fecha", fd(past(r, 0, 3), "es"))),
        P(f"El Dr. {staff(r).family} explicó al paciente el diagnóstico de {r.choice(['insuficiencia cardíaca (I50.22)', 'enfermedad renal crónica etapa 3b (N18.32)', 'cáncer de pulmón (C34.90)'])}. "
          f"Se cambió la dosis de {r.choice(['furosemida a 40 mg dos veces al día', 'metoprolol a 50 mg', 'insulina glargina a 22 unidades'])}. El paciente tiene dudas sobre el costo; se le refirió a trabajo social."),
        P(f"Intérprete: {it.given} {it.family}, CHI-Spanish. Duración: {r.randint(25, 70)} min.")], lang="es", subj="Resumen - sesión de hoy")

@tmpl("interp", "phi", "list")
def interp_assign(r):
    o = ORG["interp"]; rows = []
    for _ in range(r.randint(8, 11)):
        p = pt(r, 1, 90)
        rows.append([soon(r, 1, 6), clock(r), p.lf(), r.choice(["Spanish", "Spanish", "Navajo", "Vietnamese", "ASL", "Arabic"]), r.choice(["Oncology infusion", "L&D", "Behavioral Health", "Dialysis", "HIV clinic", "Peds cardiology"]),
                     staff(r, "").plain()])
    return Doc(o, "interpreter/assignments", "Interpreter Assignments - St. Brendan", [T(["Date", "Time", "Patient", "Language", "Department", "Interpreter"], rows)], subj="assignments")

@tmpl("jail", "phi")
def jail_transfer(r):
    o = ORG["jail"]; p = pt(r, 19, 60, "M")
    return Doc(o, "corrections/transfer-summary", "Medical Transfer Summary", [
        KV(("Inmate", p.caps()), ("Booking #", f"{TODAY:%y}-{dg(r, 5)}"), ("DOB", dob(r, p)), ("SSN", ssn(r)), ("Releasing to", r.choice(["CDOC Denver Reception", "Otero County", "release - community"]))),
        P(f"Dx: {icdx('oud')}; {icdx(r.choice(['hiv', 'dep', 'ptsd']))}. Methadone {r.choice([60, 80, 95, 110])} mg daily verified with Crossroads OTP, last dose {fd(TODAY, 'short')} 0700. "
          f"Withdrawal on intake (COWS 14) resolved. Also on {r.choice(['Biktarvy daily', 'sertraline 100 mg', 'prazosin 2 mg qhs'])}. PPD neg {fd(past(r, 30, 60), 'mdy')}. No pending specialist appts."),
        P(f"{staff(r, 'RN').plain()}, RN, HSA")])

@tmpl("jail", "phi", "list")
def jail_medpass(r):
    o = ORG["jail"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 18, 65)
        rows.append([f"{r.choice(['A', 'B', 'C', 'D'])}-{r.randint(1, 40)}", p.lf(), f"{TODAY:%y}-{dg(r, 5)}", past(r, 1, 120), r.choice(["buprenorphine 8 mg SL", "insulin glargine 20u", "lisinopril 10 mg", "olanzapine 10 mg", "Biktarvy", "levetiracetam 500 mg"]),
                     r.choice(["0600", "0600/1800", "HS", "0600/1200/1800"]), r.choice(["", "crush/float", "refused x2", "watch for diversion"])])
    return Doc(o, "corrections/med-pass", "Med Pass - Pod " + r.choice("ABCD"), [T(["Cell", "Inmate", "Booking #", "Booked", "Medication", "Times", "Notes"], rows)], subj="med pass list")

@tmpl("urgent", "phi")
def urgent_fhir(r):
    o = ORG["urgent"]; p = pt(r, 18, 70)
    res = {"resourceType": "Patient", "id": f"qc-{dg(r, 6)}", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": mrn(r)}],
           "name": [{"family": p.family, "given": [p.given] + ([p.mi] if p.mi else [])}], "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat(),
           "telecom": [{"system": "phone", "value": p.phone}], "address": [{"line": [p.addr], "city": p.city[0], "state": p.city[1]}]}
    obs = {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "94500-6", "display": "SARS-CoV-2 RNA NAA+probe Ql Resp"}]},
           "subject": {"reference": f"Patient/{res['id']}"}, "effectiveDateTime": past(r, 0, 2).isoformat(), "valueCodeableConcept": {"text": "Detected"}}
    return Doc(o, "urgent/fhir", "FHIR bundle", [P("Vendor - the Patient and Observation below posted twice to the HIE feed. Please dedupe."),
                                              PRE(json.dumps(res, indent=2, ensure_ascii=False)), PRE(json.dumps(obs, indent=2))], subj="duplicate FHIR post")

@tmpl("urgent", "phi")
def urgent_tele(r):
    o = ORG["urgent"]; p = pt(r, 18, 60, "F")
    return Doc(o, "urgent/telehealth-summary", "Telehealth Visit Summary (copy to PCP)", [
        KV(("Patient", f"{p.family}, {p.given}"), ("DOB", dob(r, p)), ("Visit", f"{fd(past(r, 0, 2), 'mdy')} video"), ("PCP", f"Dr. {staff(r).family}")),
        P(f"CC dysuria, frequency x2d, no fever/flank pain, LMP {fd(past(r, 8, 20), 'short')}. Dx {icdx('uti')}. Rx nitrofurantoin 100 mg BID x5d to {r.choice(['Walgreens Southern Blvd', 'Smiths Unser', 'Corner Drug'])}. "
          "Return if fever, back pain, or vomiting."),
        P("Sent via QuickCare Telehealth - do not reply to this address.")])

@tmpl("pod", "phi")
def pod_1500(r):
    o = ORG["pod"]; p = pt(r, 60, 90)
    v = [("1a INSURED'S I.D. NUMBER", mbi(r)), ("2 PATIENT'S NAME", p.caps()), ("3 PATIENT'S BIRTH DATE", p.dob.strftime("%m %d %Y")), ("5 PATIENT'S ADDRESS", f"{p.addr}, {p.csz()}"),
         ("21 DIAGNOSIS", f"A {icd('dm2')}   B I73.9   C {icd('onych')}"), ("24A DOS", past(r, 3, 20).strftime("%m %d %y")), ("24D CPT/MOD", "11721 Q8"), ("24E POINTER", "ABC"), ("24F CHARGES", "$ 96 00"),
         ("24J RENDERING NPI", npi(r)), ("25 FED TAX ID", f"{dg(r, 2)}-{dg(r, 7)}"), ("33 BILLING NPI", npi(r))]
    return Doc(o, "podiatry/cms1500", "CMS-1500 claim data - denied CO-16", [P("Clearinghouse rejection - Q8 class finding modifier missing documentation. Claim data:"), KV(*v)])

@tmpl("pod", "phi")
def pod_note(r):
    o = ORG["pod"]; p = pt(r, 55, 88, "M")
    return Doc(o, "podiatry/diabetic-foot", "", [P(f"Dr. {staff(r).family} - saw your pt {p.title()} today for diabetic foot exam. Monofilament absent 6/10 sites b/l, DP/PT pulses nonpalpable R, "
                                                  f"ABI R {r.uniform(0.55, 0.75):.2f}. Early ulcer sub R hallux IPJ 0.4 cm. Recommend vascular referral (r/o PAD) - can you place it? Offloading shoe dispensed. "
                                                  f"F/u 2 wks.\n\n{staff(r, 'DPM').given} {staff(r).family}, DPM")], subj="diabetic foot - your pt")

@tmpl("mco", "phi")
def mco_outreach(r):
    o = ORG["mco"]; p = pt(r, 30, 64)
    return Doc(o, "mco/care-management", "Care Management Referral", [
        KV(("Member", p.lf()), ("Medicaid ID", mcaid(r)), ("Member DOB", dob(r, p)), ("PCP", f"Dr. {staff(r).family}"), ("Risk score", f"{r.uniform(2.1, 5.9):.2f}")),
        P(f"Flagged by ED utilization report: {r.randint(5, 11)} ED visits in 90 days ({r.choice(['COPD exac', 'CHF', 'alcohol withdrawal', 'sickle cell pain crisis'])}), 2 admits. "
          f"Housing unstable (sleeping in car). Member agreed to care coordination by phone {p.phone}; prefers texts. Needs: PCP appt within 7 days, pulmonary referral, SNAP application."),
        P(f"Care Coordinator: {staff(r, 'RN').plain()}, RN, CCM")])

@tmpl("mco", "phi", "list")
def mco_gaps(r):
    o = ORG["mco"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 18, 75)
        rows.append([mcaid(r), p.lf(), p.dob, f"Dr. {staff(r).family}", r.choice(["A1c >9 (last 10.4)", "No A1c in 12 mo", "Statin adherence <80%", "Postpartum visit due", "Controller med ratio <0.5", "Breast ca screening due", "Follow-up after MH hosp - 7 day"]),
                     r.choice(["", "left VM", "text sent", "appt 1/6"])])
    return Doc(o, "mco/care-gaps", f"Care Gap Report - {r.choice(['Sun Valley Family Health', 'Westside Clinic', 'Dr. Vigil Family Medicine'])}", [P("HEDIS MY2026 open gaps for your attributed members."),
               T(["Medicaid ID", "Member", "DOB", "PCP", "Open gap", "Outreach"], rows)], subj="open care gaps")

@tmpl("mco", "phi")
def mco_fhir_xml(r):
    o = ORG["mco"]; p = pt(r, 20, 80)
    x = (f'<Patient xmlns="http://hl7.org/fhir">\n  <id value="echp-{dg(r, 7)}"/>\n  <identifier>\n    <system value="urn:oid:2.16.840.1.113883.4.3.35"/>\n    <value value="{mcaid(r)}"/>\n  </identifier>\n'
         f'  <name>\n    <family value="{esc(p.family)}"/>\n    <given value="{esc(p.given)}"/>\n  </name>\n  <gender value="{"female" if p.sex == "F" else "male"}"/>\n  <birthDate value="{p.dob.isoformat()}"/>\n'
         f'  <address>\n    <line value="{esc(p.addr)}"/>\n    <city value="{p.city[0]}"/>\n    <state value="{p.city[1]}"/>\n  </address>\n</Patient>\n'
         f'<Condition xmlns="http://hl7.org/fhir">\n  <code><coding><system value="http://hl7.org/fhir/sid/icd-10-cm"/><code value="{icd("mdd")}"/></coding></code>\n  <subject><reference value="Patient/echp"/></subject>\n</Condition>')
    return Doc(o, "mco/fhir-xml", "FHIR XML", [P("Payer-to-payer API test failed on this record (real member - please handle securely):"), PRE(x)], subj="P2P API failure")

@tmpl("him", "phi")
def him_roi(r):
    o = ORG["him"]; p = pt(r, 20, 80)
    return Doc(o, "him/roi-cover", "Release of Information - Records Enclosed", [
        KV(("Requestor", r.choice(["Hartley & Vega Law, LLP", "Social Security Administration - DDS", "Liberty Mutual - claims", "Self (patient)"])), ("Request #", f"ROI-{TODAY:%y}-{dg(r, 4)}"),
           ("Patient", p.lf()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("Dates of service", f"{fd(past(r, 300, 400), 'mdy')} - {fd(past(r, 30, 90), 'mdy')}")),
        P(f"Enclosed: ED records ({r.choice(['alcohol intoxication, fall', 'MVC, L clavicle fx', 'overdose - intentional'])}), H&P, discharge summary, imaging reports ({r.randint(48, 212)} pages). "
          "42 CFR Part 2 records excluded - separate consent required."),
        P("Invoice to follow per state fee schedule.")])

@tmpl("him", "phi", "list")
def him_log(r):
    o = ORG["him"]; rows = []
    for _ in range(r.randint(8, 11)):
        p = pt(r, 1, 90)
        rows.append([f"ROI-{TODAY:%y}-{dg(r, 4)}", p.lf(), mrn(r), past(r, 1, 30), r.choice(["Attorney", "SSA/DDS", "Insurer", "Patient", "Other provider", "Subpoena"]), r.choice(["ED 2025", "L&D", "all 2024-2026", "behavioral health - needs Part 2 consent", "imaging only"]), r.choice(["sent", "pending", "denied - invalid auth"])])
    return Doc(o, "him/roi-log", "ROI Log - December", [T(["Request", "Patient", "MRN", "Received", "Requestor", "Scope", "Status"], rows)], subj="ROI log")

@tmpl("peds", "phi")
def peds_letter_es(r):
    o = ORG["peds"]; k = kid(r, 1, 10)
    return Doc(o, "spanish/peds-result", "", [P(f"Estimada familia {k.family}:"),
        P(f"Le escribimos sobre los resultados de laboratorio de {k.given} (fecha de nacimiento {fd(k.dob, 'dmy')}). El nivel de plomo en sangre fue {r.randint(6, 14)} mcg/dL "
          f"(el valor de referencia es menos de 3.5). También tiene anemia por falta de hierro (hemoglobina {r.uniform(9.1, 10.4):.1f}). Vamos a repetir la prueba en 3 meses y "
          "empezar sulfato ferroso. El departamento de salud les llamará para revisar la casa."),
        P(f"Atentamente,\nDra. {staff(r).family}\n{o.name} | {o.phone}")], lang="es", subj="Resultados de laboratorio")

@tmpl("peds", "phi", "list")
def peds_overdue(r):
    o = ORG["peds"]; rows = []
    for _ in range(r.randint(8, 12)):
        k = kid(r, 0, 17)
        rows.append([k.lf(), k.dob, k.phone, r.choice(["MMR #2, Varicella #2", "DTaP #4", "HPV #2", "Tdap, MenACWY", "Hep B #3", "PCV20 #4", "flu"]), r.choice(["Medicaid", "VFC", "BCBS", "uninsured - VFC"]), r.choice(["", "mom requested Spanish call", "declined flu", "moved?"])])
    return Doc(o, "peds/overdue-vaccines", "Overdue Immunizations - Recall List", [T(["Patient", "DOB", "Phone", "Due", "Coverage", "Notes"], rows)], subj="recall list for phones")

@tmpl("fert", "phi")
def fert_cycle(r):
    o = ORG["fert"]; p = pt(r, 29, 42, "F"); n = r.randint(7, 16); mii = n - r.randint(1, 4); fz = max(1, mii - r.randint(2, 6))
    return Doc(o, "fertility/cycle-update", "", [P(f"Hi {p.given},"),
        P(f"Here's your embryology update from your retrieval on {fd(past(r, 5, 7), 'long')}: {n} eggs retrieved, {mii} mature, {mii - 1} fertilized normally with ICSI. "
          f"{fz} embryo{'s' if fz > 1 else ''} reached blastocyst and {'were' if fz > 1 else 'was'} biopsied for PGT-A and frozen. Results take about 2 weeks. "
          f"Because your AMH was {r.uniform(0.5, 1.2):.1f}, Dr. {staff(r).family} would like to discuss a second retrieval before transfer."),
        P(f"Warmly,\n{staff(r, 'RN').given}, RN - IVF Nurse Coordinator")], subj="Your embryology update")

@tmpl("college", "phi")
def college_accom(r):
    o = ORG["college"]; p = pt(r, 18, 24)
    return Doc(o, "college/accommodation", "Temporary Academic Accommodation Recommendation", [
        KV(("Student", p.full()), ("Student ID", f"900{dg(r, 6)}"), ("DOB", dob(r, p)), ("Date seen", fd(past(r, 1, 5), "mdy"))),
        P(f"The student was evaluated at Student Health for {icdx('conc')} sustained during intramural soccer. Symptoms: headache, light sensitivity, difficulty concentrating. "
          "Recommend: no exams for 7 days, reduced screen time, notes provided by instructor, extended time (1.5x) on assignments through finals; gradual return per concussion protocol."),
        P(f"{staff(r, 'NP').given} {staff(r).family}, FNP-C")], subj="Accommodation letter")

@tmpl("rx", "phi")
def rx_refill(r):
    o = ORG["rx"]; p = pt(r, 40, 90); drug = r.choice([("metformin 1000 mg tab", "BID", 180), ("atorvastatin 40 mg tab", "QHS", 90), ("levothyroxine 75 mcg", "QAM", 90), ("sertraline 50 mg", "daily", 90), ("Eliquis 5 mg", "BID", 180)])
    return Doc(o, "pharmacy/refill-request", "REFILL AUTHORIZATION REQUEST", [
        KV(("Patient", p.caps()), ("DOB", dob(r, p)), ("Phone", p.phone), ("Rx #", f"{r.randint(6, 7)}{dg(r, 6)}"), ("Drug", drug[0]), ("NDC", ndc(r)), ("Sig", f"1 tab PO {drug[1]}"),
           ("Qty", str(drug[2])), ("Last fill", fd(past(r, 80, 95), "mdy")), ("Prescriber", f"Dr. {staff(r).family}, NPI {npi(r)}")),
        P("[ ] Approved  Refills: ____   [ ] Denied  [ ] Pt needs appt\nPlease fax back to " + o.fax)])

@tmpl("rx", "phi", "list")
def rx_queue(r):
    o = ORG["rx"]; rows = []
    for _ in range(r.randint(8, 12)):
        p = pt(r, 20, 92)
        rows.append([p.lf(), p.dob, r.choice(["amlodipine 10 mg", "Ozempic 1 mg", "buprenorphine/nalox 8/2", "insulin lispro", "Xarelto 20 mg", "fluoxetine 20 mg", "albuterol HFA"]), ndc(r),
                     f"Dr. {staff(r).family}", r.choice(["faxed x2", "PA needed", "awaiting MD", "pt called 3x", "ready"])])
    return Doc(o, "pharmacy/refill-queue", "Pending Refill Requests", [T(["Patient", "DOB", "Drug", "NDC", "Prescriber", "Status"], rows)], subj="pending refills")

@tmpl("sleep", "phi")
def sleep_nolabel(r):
    o = ORG["sleep"]; p = pt(r, 30, 70)
    return Doc(o, "sleep/chatty", "", [P(f"{p.given} {p.family[0]}. from last night's split - AHI {r.randint(40, 80)} diag portion, went to CPAP at 2:10, best on 11 cm, SpO2 nadir {r.randint(68, 79)}% before. "
                                         f"{p.he().capitalize()} fell asleep driving home last month so I flagged it for Dr. {staff(r).family} to read first thing.\n- {staff(r, 'RPSGT').given}")], subj="last night split")

@tmpl("dme", "phi")
def dme_o2(r):
    o = ORG["dme"]; p = pt(r, 60, 90)
    return Doc(o, "dme/o2-qualification", "", [P(f"Hello Dr. {staff(r).family}'s nurse - we received the O2 order for {p.lf()} ({dob(r, p, 'm/d/yyyy')}) but the qualifying test is missing. "
                                                f"Medicare needs an SpO2 <=88% on room air at rest or with exertion within 2 days of discharge or 30 days of the order, "
                                                f"in the chart note. Pt's home sat today was {r.randint(84, 88)}% on RA with COPD. Can you send the walk test note?\n\n{staff(r, '').plain()}, {o.short} intake")],
               subj="O2 qualifying test needed")

# ================================================================== content: CLEAN templates (body / attachment)
@tmpl("hh", "clean")
def hh_oasis(r):
    o = ORG["hh"]
    return Doc(o, "home-health/policy-update", "Clinical Update: OASIS-E1 and Visit Documentation", [
        P(f"Field clinicians - effective {fd(D(2027, 1, 1), 'long')} the following documentation changes apply to all SOC, ROC and recert visits."),
        BUL("GG items must be scored from observation, not report, at SOC.", "M1033 hospitalization-risk: document at least two risk factors when checked.",
            "Drug regimen review: any potential clinically significant issue must be communicated to the physician by midnight of the next calendar day.",
            "Wound measurements: head-to-toe L x W x D in cm, with photo in the EHR media tab."),
        P(f"Questions: {staff(r, 'RN').plain()}, RN, COS-C, Clinical Manager. In-service dates: {fd(soon(r, 5, 9), 'mdy')} and {fd(soon(r, 12, 16), 'mdy')}, 8:00-9:30, Conference Rm A.")])

@tmpl("hh", "clean", "list")
def hh_staff(r):
    o = ORG["hh"]; rows = []
    for z in range(1, r.randint(8, 11)):
        s = staff(r, r.choice(["RN", "LPN", "PT", "OT", "HHA"]))
        rows.append([s.lf(), s.cred, f"Zone {r.randint(1, 5)}", r.choice(["Mon-Fri", "Sun-Thu", "Tue-Sat", "Weekend on-call"]), f"{r.randint(60, 200)} mi", s.phone])
    return Doc(o, "home-health/staff-roster", "Field Staff Roster & Mileage - December", [T(["Clinician", "Discipline", "Zone", "Schedule", "Mileage", "Cell"], rows)], subj="Dec roster + mileage")

@tmpl("dial", "clean")
def dial_holiday(r):
    o = ORG["dial"]
    return Doc(o, "dialysis/holiday-schedule", "Holiday Treatment Schedule", [
        P("Dear Patients and Families,"),
        P("Because of the Christmas and New Year holidays, our unit will adjust treatment days. Monday/Wednesday/Friday patients will dialyze Tuesday 12/23, Thursday 12/25 "
          "is CLOSED - you will dialyze Wednesday 12/24 and Friday 12/26. Tuesday/Thursday/Saturday schedules are unchanged except Thursday 1/1, moved to Wednesday 12/31."),
        P("Please keep your fluid and potassium limits during the holidays: watch the tamales and the eggnog! Call the unit if you will be traveling so we can arrange a guest treatment."),
        P(f"- The Rio Grande Kidney Center team | {o.phone}")], subj="Holiday treatment schedule")

@tmpl("dial", "clean", "list")
def dial_qip(r):
    o = ORG["dial"]; rows = []
    for u in ["Las Cruces", "Deming", "Alamogordo", "Anthony", "Truth or Consequences"]:
        rows.append([u, r.randint(28, 96), f"{r.uniform(88, 98):.1f}%", f"{r.uniform(82, 95):.1f}%", f"{r.uniform(8, 22):.1f}%", f"{r.uniform(0.2, 1.1):.2f}", f"{r.randint(61, 88)}%"])
    return Doc(o, "dialysis/deid-qip", "ESRD QIP Dashboard - Q3 (aggregate, no patient data)", [P("Unit-level rates only. Source: internal QAPI data; counts under 11 suppressed."),
               T(["Unit", "Census", "Kt/V >=1.2", "AVF use", "Catheter >90d", "BSI /100 pt-mo", "Transplant waitlisted"], rows)], subj="Q3 QIP dashboard")

@tmpl("dent", "clean")
def dent_news(r):
    o = ORG["dent"]
    return Doc(o, "dental/newsletter", "Pinyon Smiles - Winter Newsletter", [
        P("Happy holidays from all of us at Pinyon Family Dental!"),
        P("Did you know your dental benefits reset on January 1? If you have unused benefits for 2026, call us before the 31st. Also new this year: Saturday hygiene hours once a month, "
          "and we now offer silver diamine fluoride for kids who are nervous about fillings."),
        P(f"Welcome to our newest hygienist, {staff(r, 'RDH').given} {staff(r).family}, RDH, who joins us from Albuquerque. Our annual Give Kids a Smile day is {fd(D(2027, 2, 6), 'long')}."),
        P(f"{o.addr} | {o.phone} | www.{o.dom}")], subj="Pinyon Smiles Winter Newsletter")

@tmpl("school", "clean")
def school_flu(r):
    o = ORG["school"]
    return Doc(o, "school/family-notice", "Health Services Notice to Families", [
        P("Dear Families,"),
        P("We are seeing more flu and RSV in our buildings. Please keep your student home if they have a fever of 100.4 F or higher, vomiting, or diarrhea, and until they are "
          "fever-free for 24 hours without medicine. If your student needs medication at school, the Medication Authorization Form (rev. 07/2024) must be signed by a parent and provider."),
        P("Vision and hearing screening for grades K, 1, 3, 5 and 7 will be held the week of January 12. Free flu shots are available at the Pueblo Department of Public Health."),
        P("Pueblo City Schools Health Services")], subj="Flu season reminder / Recordatorio de gripe")

@tmpl("school", "clean", "list")
def school_cover(r):
    o = ORG["school"]; rows = []
    for s in ["Bessemer Elem", "Irving Elem", "Heroes MS", "Risley Intl", "Centennial HS", "East HS", "Minnequa Elem", "Park View Elem"]:
        n = staff(r, "RN")
        rows.append([s, n.plain(), r.choice(["M/W/F", "T/Th", "Daily", "M-Th"]), r.choice(["health aide on other days", "", "shared with Irving", "sub needed 1/12-1/16"]), n.phone])
    return Doc(o, "school/coverage", "Nurse Coverage - January", [T(["School", "Nurse", "Days", "Notes", "Cell"], rows)], subj="Jan nurse coverage")

@tmpl("hospice", "clean")
def hospice_grief(r):
    o = ORG["hospice"]
    return Doc(o, "hospice/bereavement-flyer", "Surviving the Holidays - Grief Support Group", [
        P("The holidays can be especially hard after the death of someone you love. Sangre de Cristo Hospice offers a free, drop-in support group open to anyone in the community, "
          "whether or not your loved one was on hospice."),
        KV(("When", "Tuesdays, 6:00-7:30 PM, through January 27"), ("Where", "SdC Hospice Community Room, " + o.addr), ("Facilitator", staff(r, "MA, LPC").plain() + ", Bereavement Coordinator")),
        P("Volunteers needed for our 11th Hour vigil program - training begins in January. Call " + o.phone + ".")], subj="Grief support group - holidays")

@tmpl("sleep", "clean")
def sleep_aasm(r):
    o = ORG["sleep"]
    return Doc(o, "sleep/staff-memo", "Tech Memo: Scoring Manual v3 Changes", [
        P("All RPSGTs: starting with studies recorded on or after January 1 we will score per AASM Manual v3. Key changes:"),
        BUL("Hypopnea rule 1A (3% or arousal) is the default for commercial payers; rule 1B (4%) still reported for Medicare.", "Update the Sandman template - new template is on the S: drive.",
            "Inter-scorer reliability: 200 epochs monthly, target >= 85% agreement."),
        P(f"Night shift swap requests to {staff(r, 'RPSGT').given} by Friday. - Lab Manager")], subj="Scoring v3 memo")

@tmpl("dme", "clean")
def dme_recall(r):
    o = ORG["dme"]
    return Doc(o, "dme/vendor-recall", "Field Safety Notice - Oxygen Concentrator", [
        P("Manufacturer field safety notice received today. Affected: Inogen Rove 6 portable concentrators, lot numbers below. Action: swap units at next delivery; no patient contact needed unless the unit alarms."),
        T(["Model", "Lot", "Serial range", "Units in our fleet"], [["Rove 6", lot(r), f"R6{dg(r, 6)}-R6{dg(r, 6)}", str(r.randint(3, 19))], ["Rove 6", lot(r), f"R6{dg(r, 6)}-R6{dg(r, 6)}", str(r.randint(1, 9))]]),
        P(f"Warehouse: pull from shelf, tag red, PO {po(r)} for replacements. - {staff(r, '').plain()}, Operations")], subj="FSN - Rove 6 lots")

@tmpl("dme", "clean", "list")
def dme_catalog(r):
    o = ORG["dme"]; items = [("E0601", "CPAP device", "ResMed AirSense 11"), ("A7030", "Full face mask", "F30i"), ("A7034", "Nasal mask", "N30i"), ("E1390", "O2 concentrator 5L", "Philips EverFlo"),
                             ("E0143", "Walker, folding, wheeled", "Drive 10210"), ("E0260", "Hospital bed, semi-electric", "Invacare 5410"), ("K0001", "Standard wheelchair", "Medline Excel"),
                             ("E0570", "Nebulizer", "Pari Trek S"), ("A4604", "Heated tubing", "ClimateLine Air")]
    rows = [[h, d, m, f"SKU-{dg(r, 6)}", f"${r.randint(12, 1900)}.00"] for h, d, m in items]
    return Doc(o, "dme/price-list", "2027 Retail Price List", [T(["HCPCS", "Description", "Model", "SKU", "Cash price"], rows)], subj="2027 price list")

@tmpl("bhi", "clean")
def bhi_988(r):
    o = ORG["bhi"]
    return Doc(o, "behavioral/community-bulletin", "Community Bulletin: 988 and Mobile Crisis", [
        P("Calls to 988 from Bernalillo County now route to our Access Line 24/7. Mobile crisis teams (a clinician and a peer) respond within 60 minutes in the metro area."),
        P(f"Last quarter the line answered {r.randint(6000, 9000):,} calls; {r.randint(70, 85)}% were resolved by phone and {r.randint(3, 9)}% needed a mobile team. No individual data is shared in this bulletin."),
        P("Training for school counselors: Question, Persuade, Refer (QPR), January 14, 3-5 pm, virtual.")])

@tmpl("travel", "clean")
def travel_offer(r):
    o = ORG["travel"]; rn = staff(r, "RN")
    return Doc(o, "travel-nurse/assignment-offer", "", [P(f"Hi {rn.given}!"),
        P(f"Great news - St. Brendan in Pueblo wants you for the 13-week ICU contract starting {fd(soon(r, 20, 30), 'long')}. Package: ${r.randint(2100, 2900):,}/wk gross, 3x12 nights, "
          f"guaranteed 36, OT after 40, $1,000 completion bonus. You'll need CCRN or 2 yrs ICU (you have both), BLS/ACLS current, and a 10-panel drug screen within 30 days."),
        P(f"Let me know by Friday and I'll send the contract in DocuSign.\n\n{staff(r, '').given} {staff(r).family} | Senior Recruiter | {o.name} | {o.phone}")], subj="ICU contract - St. Brendan - offer!")

@tmpl("travel", "clean", "list")
def travel_creds(r):
    o = ORG["travel"]; rows = []
    for _ in range(r.randint(8, 11)):
        s = staff(r, r.choice(["RN", "RN, CCRN", "RN, CEN", "RRT", "CST"]))
        rows.append([s.lf(), s.cred, f"{r.choice(['TX', 'CO', 'NM', 'Compact'])} {dg(r, 6)}", soon(r, 10, 400), soon(r, 10, 700), soon(r, 10, 700), r.choice(["St. Brendan ICU", "UMC El Paso ED", "Parkview OR", "Presby L&D"])])
    return Doc(o, "travel-nurse/credential-tracker", "Credential Expiration Tracker", [T(["Clinician", "Credential", "License #", "License exp", "BLS exp", "ACLS exp", "Facility"], rows)], subj="creds expiring")

@tmpl("occ", "clean")
def occ_flu(r):
    o = ORG["occ"]
    return Doc(o, "occ-health/employer-services", "On-site Services for Employers - 2027", [
        P("WorkWell can bring flu shots, DOT physicals, hearing conservation (OSHA 1910.95) and respirator fit testing to your site. Minimum 20 employees per visit."),
        T(["Service", "Price"], [["DOT physical", "$95"], ["Non-DOT 5-panel drug screen", "$42"], ["Respirator fit test (quantitative)", "$38"], ["Audiogram", "$30"], ["Flu vaccine", "$28"]]),
        P(f"Contact {staff(r, '').plain()}, Employer Services, {o.phone}.")])

@tmpl("tb", "clean")
def tb_clinic(r):
    o = ORG["tb"]
    return Doc(o, "tb/public-notice", "TB Testing Clinic Hours", [
        P("Free tuberculosis (TB) testing for people with a known exposure, a referral from a provider, or a requirement for school or work (fees may apply for work/school)."),
        KV(("Skin tests (TST)", "Mon/Tue/Thu 8-11am - read 48-72 h later"), ("Blood tests (IGRA)", "Daily 8am-3pm"), ("Languages", "English, Español")),
        P(f"Doña Ana County had {r.randint(9, 18)} active TB cases in 2025 (state report, aggregate). TB is curable. Questions: {o.phone}.")], subj="TB clinic hours 2027")

@tmpl("tb", "clean", "list")
def tb_stats(r):
    o = ORG["tb"]; rows = [[y, r.randint(6, 21), f"{r.uniform(2.1, 9.4):.1f}", r.randint(40, 90), f"{r.randint(82, 100)}%"] for y in range(2019, 2026)]
    return Doc(o, "tb/deid-stats", "TB Surveillance Summary 2019-2025 (aggregate)", [T(["Year", "Active cases", "Rate /100k", "Contacts evaluated", "Completed tx"], rows)], subj="surveillance summary")

@tmpl("tx", "clean")
def tx_event(r):
    o = ORG["tx"]
    return Doc(o, "transplant/community-event", "Living Donor Information Session", [
        P("Thinking about donating a kidney? Join our living donor team for a free information session - what testing involves, recovery, costs (the recipient's insurance covers the evaluation), "
          "and paired exchange. Donors and recipients from our program will share their stories."),
        KV(("Date", fd(D(2027, 1, 21), "long")), ("Time", "6:00 PM"), ("Place", "MSTI Auditorium, 2nd floor"), ("RSVP", "livingdonor@" + o.dom))])

@tmpl("pbm", "clean")
def pbm_formulary(r):
    o = ORG["pbm"]
    return Doc(o, "pbm/formulary-update", "2027 Formulary Changes - Provider Notice", [
        P("Effective January 1, 2027, the following changes apply to the ClearScript Standard Formulary. Members currently on an affected drug will receive a letter 30 days before the change."),
        T(["Drug", "NDC (package)", "Change"], [["Trulicity 1.5 mg/0.5 mL", ndc(r), "Tier 2 -> Tier 3; PA required"], ["insulin glargine-yfgn", ndc(r), "Preferred basal insulin"],
                                                ["Januvia 100 mg", ndc(r), "Non-formulary; sitagliptin generic preferred"], ["Symbicort 160/4.5", ndc(r), "Tier 3 -> Tier 2 (generic available)"]]),
        P("Prior authorization forms are available on the provider portal.")], subj="2027 formulary changes")

@tmpl("pbm", "clean")
def pbm_x12guide(r):
    o = ORG["pbm"]
    x = ("NM1*IL*1*LASTNAME*FIRSTNAME****MI*XXXXXXXXX~\nDMG*D8*CCYYMMDD*F~\nDTP*291*D8*CCYYMMDD~\nEQ*88~")
    return Doc(o, "pbm/x12-companion-guide", "270/271 Companion Guide - excerpt", [P("Loop 2100C subscriber segments. Values shown are format placeholders, not data."), PRE(x),
               P("The member ID is 9-11 alphanumeric characters; do not send the SSN. Test files must use the synthetic members from Appendix B.")])

@tmpl("court", "clean")
def court_fees(r):
    o = ORG["court"]
    return Doc(o, "forensic/fee-schedule", "Fee Schedule and Scheduling Procedures", [
        P("For attorneys and courts requesting evaluations. All evaluations require a signed court order or retention letter."),
        T(["Service", "Fee"], [["Competency to stand trial", "$1,850"], ["Criminal responsibility", "$3,200"], ["Records review (per hour)", "$250"], ["Deposition/testimony (per hour, 2 h min)", "$350"]]),
        P(f"Invoices are due net 30. Dr. {staff(r).family} will be out {fd(soon(r, 10, 20), 'mdy')} - {fd(soon(r, 21, 28), 'mdy')}.")])

@tmpl("wc", "clean")
def wc_newsletter(r):
    o = ORG["wc"]
    return Doc(o, "workers-comp/employer-newsletter", "Safety Matters - Winter Edition", [
        P("Slips and falls on ice account for one in four lost-time claims we see each winter. Keep walkways salted, provide ice cleats to outdoor crews, and report injuries within 24 hours."),
        P(f"2026 statewide: {r.randint(1800, 2600):,} lost-time claims, average duration {r.randint(38, 61)} days (aggregate, no individual data). Our new adjuster for the Flagstaff region is "
          f"{staff(r, '').plain()}."), P("Policy numbers and premium audits: see your agent.")])

@tmpl("lact", "clean")
def lact_class(r):
    o = ORG["lact"]
    return Doc(o, "lactation/class-schedule", "Breastfeeding Basics - Winter Classes", [
        P("For expectant parents in the third trimester. Partners welcome! Topics: latch and positioning, how to tell baby is getting enough, pumping and returning to work, and when to call for help."),
        T(["Date", "Time", "Location", "Instructor"], [[fd(D(2027, 1, 10), "mdy"), "10:00-12:00", "Milkweed studio", staff(r, "IBCLC").plain() + ", IBCLC"], [fd(D(2027, 2, 7), "mdy"), "10:00-12:00", "Zoom", staff(r).plain() + ", IBCLC"]]),
        P("Most insurance plans cover lactation visits under the ACA - bring your card.")])

@tmpl("chap", "clean")
def chap_services(r):
    o = ORG["chap"]
    return Doc(o, "chaplaincy/service-schedule", "Christmas Services at St. Brendan", [
        P("All patients, families, visitors and staff are welcome."),
        T(["Service", "Time", "Place", "Leader"], [["Christmas Eve Mass", "4:00 PM", "Chapel (1st floor)", f"Fr. {staff(r).family}"], ["Interfaith candlelight", "7:00 PM", "Atrium", f"Rev. {staff(r).given} {staff(r).family}"],
                                                   ["Christmas Day Mass (broadcast ch. 22)", "10:00 AM", "Chapel", f"Fr. {staff(r).family}"], ["Jumu'ah prayer", "Fri 1:15 PM", "Meditation room", f"Imam {staff(r, '').family}"]]),
        P("To request a chaplain for a patient, page 4-HOPE.")])

@tmpl("wound", "clean")
def wound_policy(r):
    o = ORG["wound"]
    return Doc(o, "wound/safety-policy", "HBOT Fire Safety Policy - Annual Review", [
        P("Policy HB-07, rev. 11/2026. Applies to all staff working in the hyperbaric suite."),
        BUL("Only 100% cotton gowns and linens in the chamber.", "No petroleum-based products, hand warmers, phones, hearing aids or fentanyl patches.",
            "Grounding check of the chamber before first dive daily; log in the binder.", "Safety director completes the NFPA 99 checklist monthly."),
        P(f"Sign the attestation by {fd(soon(r, 10, 20), 'long')}. - {staff(r, 'CHT').plain()}, CHT, Safety Director")])

@tmpl("pt", "clean")
def pt_open(r):
    o = ORG["pt"]
    return Doc(o, "pt/clinic-opening", "Stride PT Opens in Bernalillo!", [
        P("We are excited to announce our fifth clinic, opening January 5 at 250 Camino del Pueblo. Services: orthopedic and sports PT, vestibular rehab, pelvic health, and dry needling."),
        P(f"Meet the team: {staff(r, 'PT, DPT, OCS').plain()}, PT, DPT, OCS (clinic director), and {staff(r, 'PTA').plain()}, PTA. Same-day appointments available. Direct access: no referral needed for 30 days in NM.")])

@tmpl("pt", "clean", "list")
def pt_sched(r):
    o = ORG["pt"]; rows = []
    for _ in range(r.randint(8, 10)):
        s = staff(r, r.choice(["PT, DPT", "PTA", "OT", "ATC"]))
        rows.append([s.plain(), s.cred, r.choice(["Rio Rancho", "Bernalillo", "Westside", "NE Heights"]), r.choice(["7-4", "8-5", "10-7", "7-12"]), r.choice(["Mon-Thu", "Tue-Fri", "Mon-Fri", "Sat clinic 1/10"])])
    return Doc(o, "pt/staff-schedule", "Therapist Schedule - Jan", [T(["Therapist", "Cred", "Clinic", "Hours", "Days"], rows)], subj="Jan schedule")

@tmpl("ob", "clean")
def ob_class(r):
    o = ORG["ob"]
    return Doc(o, "ob/newsletter", "Juniper Women's Health - News", [
        P("New this winter: group prenatal care (CenteringPregnancy) for patients due in June and July 2027. Eight sessions, 2 hours each, with a midwife and 8-10 other families."),
        P(f"New Mexico's preterm birth rate was {r.uniform(9.5, 11.2):.1f}% in 2024 (March of Dimes, state level). Early prenatal care and stopping smoking make a difference."),
        P(f"Welcome Dr. {staff(r, 'MD').given} {staff(r).family}, FACOG, who joins our Farmington office in February.")])

@tmpl("nicu", "clean")
def nicu_council(r):
    o = ORG["nicu"]
    return Doc(o, "nicu/family-council", "NICU Family Advisory Council - January Meeting", [
        P("Agenda: 1) Kangaroo care week results, 2) new parent lounge hours, 3) March of Dimes Walk team, 4) sibling visitation during RSV season."),
        P(f"Thursday {fd(D(2027, 1, 15), 'long')}, 5:30 PM, 3rd floor family room (dinner provided). Chair: {staff(r, '').plain()} (NICU graduate parent). Staff liaison: {staff(r, 'RNC-NIC').plain()}, RNC-NIC.")])

@tmpl("device", "clean")
def device_advisory(r):
    o = ORG["device"]
    return Doc(o, "cardiology/vendor-advisory", "Product Advisory Summary", [
        P("Abbott has issued an advisory for certain Assurity/Endurity pacemakers (models PM2272, PM1272) with a potential for premature battery depletion. We have identified affected devices "
          "in our follow-up population and will contact those patients directly; no action is needed from referring offices at this time."),
        P(f"Boston Scientific and Medtronic reps will be in clinic on {fd(soon(r, 3, 10), 'long')} for in-services on the new remote monitoring app. Contact {staff(r, 'RN, CCDS').plain()}.")])

@tmpl("coag", "clean")
def coag_handout(r):
    o = ORG["coag"]
    return Doc(o, "anticoag/education-handout", "Warfarin and Your Diet", [
        P("Vitamin K helps your blood clot. You do not need to avoid foods with vitamin K, but keep the amount you eat about the same each week."),
        T(["High vitamin K", "Moderate", "Low"], [["kale, spinach, collards", "broccoli, cabbage", "corn, carrots"], ["Swiss chard", "green beans", "potatoes"], ["green tea (large amounts)", "asparagus", "chile, tomatoes"]]),
        P("Tell us about any new antibiotics, herbal products (turmeric, ginkgo) or changes in alcohol use. Clinic line: " + o.phone)])

@tmpl("lab", "clean")
def lab_hl7spec(r):
    o = ORG["lab"]
    h = ("MSH|^~\\&|CIBOLA-LIS|CIBOLA|YOUR-EHR|YOURFAC|20270101120000||ORU^R01|TEST0001|T|2.5.1\nPID|1||TEST123456^^^CIBOLA^MR||TEST^PATIENT^A||19000101|U\n"
         "OBR|1|ORD0001|ACC0001|CBC^Complete blood count^L\nOBX|1|NM|718-7^Hemoglobin^LN||13.5|g/dL|12.0-16.0|N|||F")
    return Doc(o, "lab/hl7-spec", "Results Interface Specification v4.2 - Sample Message", [P("Processing ID 'T' marks test traffic. Use the TEST^PATIENT record for validation only."), PRE(h),
               P("Go-live for new clients requires 25 test messages with zero errors.")])

@tmpl("lab", "clean", "list")
def lab_menu(r):
    o = ORG["lab"]
    rows = [["Basic metabolic panel", "80048", "24323-8", "SST", "7 d refrig"], ["CBC w/ diff", "85025", "57021-8", "Lavender", "48 h"], ["Hemoglobin A1c", "83036", "4548-4", "Lavender", "7 d"],
            ["Lipid panel", "80061", "57698-3", "SST", "5 d"], ["TSH", "84443", "3016-3", "SST", "7 d"], ["Quantiferon-TB Gold Plus", "86480", "71774-4", "QFT tubes x4", "53 h RT"],
            ["HIV-1/2 Ag/Ab", "87389", "56888-1", "SST", "7 d"], ["Urine culture", "87086", "630-4", "Gray top", "48 h"]]
    return Doc(o, "lab/test-menu", "2027 Test Menu Update", [T(["Test", "CPT", "LOINC", "Tube", "Stability"], rows)], subj="test menu 2027")

@tmpl("ems", "clean")
def ems_pcs(r):
    o = ORG["ems"]
    return Doc(o, "ems/blank-form", "Physician Certification Statement (PCS) - Non-Emergency Transport", [
        P("Blank form for facility use. Complete for each scheduled non-emergency ambulance transport of a Medicare beneficiary (42 CFR 410.40)."),
        KV(("Patient name", "______________________"), ("Date of birth", "____/____/______"), ("Medicare number (MBI)", "_ _ _ _ - _ _ _ - _ _ _ _"), ("Transport date", "__________"),
           ("Reason ambulance is medically necessary", "______________________________"), ("Certifying clinician signature / NPI", "______________________")),
        P("Form rev. 03/2025. Keep a copy in the patient record; fax to " + o.fax + ".")])

@tmpl("snf", "clean")
def snf_visit(r):
    o = ORG["snf"]
    return Doc(o, "snf/family-notice", "Holiday Visiting Guidelines", [
        P("Families are welcome to visit during the holidays! Due to respiratory virus season: please do not visit if you are sick, masks are available at the front desk, and children under 12 should visit in the Great Room."),
        P(f"Our holiday potluck for residents and families is {fd(D(2026, 12, 28), 'long')} at noon. Administrator: {staff(r, 'NHA').plain()}, NHA.")])

@tmpl("snf", "clean", "list")
def snf_staffing(r):
    o = ORG["snf"]; rows = []
    for d in range(7):
        rows.append([TODAY + DAY(days=d), staff(r, "RN").plain(), staff(r, "LPN").plain(), r.randint(5, 9), r.choice(["", "agency x1", "float from B", "short 1 CNA"])])
    return Doc(o, "snf/staffing-grid", "Nurse Staffing - Unit A (next 7 days)", [T(["Date", "RN charge", "LPN", "CNAs", "Notes"], rows)], subj="staffing grid")

@tmpl("retina", "clean")
def retina_vendor(r):
    o = ORG["retina"]
    return Doc(o, "retina/vendor-mail", "", [P(f"Hi {staff(r).given},"),
        P(f"Following up on our call: your Q1 order of Vabysmo 6 mg vials (NDC {ndc(r)}) is confirmed, 40 units, invoice {inv(r)}, ship date {fd(soon(r, 5, 10), 'mdy')}. "
          "The biosimilar buy-and-bill rebate tier resets January 1. Let me know if you'd like to add Eylea HD."),
        P(f"Best,\n{staff(r, '').plain()}\nAccount Manager, Specialty Distribution")], subj="Q1 order confirmation")

@tmpl("audio", "clean")
def audio_month(r):
    o = ORG["audio"]
    return Doc(o, "audiology/newsletter", "Hear Well in 2027", [
        P("Over-the-counter hearing aids are now widely available. They can help adults with mild to moderate hearing loss, but a professional hearing test is still the best first step."),
        P("Free hearing screenings every Wednesday in January. Phonak and Oticon loaner units available during repairs. Batteries are $5 a pack for veterans.")])

@tmpl("allergy", "clean")
def allergy_pollen(r):
    o = ORG["allergy"]
    return Doc(o, "allergy/newsletter", "Juniper Season Is Here", [
        P(f"Mountain cedar / juniper pollen counts in Rio Rancho hit {r.randint(800, 3400)} grains/m3 this week. Start nasal steroids two weeks before peak, keep windows closed on windy days, and shower after being outdoors."),
        P(f"Dr. {staff(r).given} {staff(r).family}, MD, FAAAAI will be on leave in January; Dr. {staff(r).family} will cover shot clinic supervision.")])

@tmpl("onc", "clean")
def onc_survivorship(r):
    o = ORG["onc"]
    return Doc(o, "oncology/program-flyer", "Survivorship Program - Winter Series", [
        P("Free classes for anyone who has completed cancer treatment: Cooking for Health (Jan 8), Yoga for Lymphedema (Jan 15), Managing Fear of Recurrence (Jan 22), Returning to Work (Jan 29)."),
        P("Tumor Board meets Thursdays at 7:00 AM in Conference Room B; case submissions due Tuesday noon to the coordinator (internal staff only).")])

@tmpl("interp", "clean")
def interp_horario(r):
    o = ORG["interp"]
    return Doc(o, "spanish/staff-schedule", "Horario de intérpretes - semana del 29 de diciembre", [
        T(["Intérprete", "Lunes", "Martes", "Miércoles", "Jueves", "Viernes"], [[staff(r, '').plain()] + [r.choice(["SBMC 7-3", "Remoto", "Libre", "UMC 11-7", "Clínica Este"]) for _ in range(5)] for _ in range(r.randint(5, 7))]),
        P("Recordatorio: la capacitación anual sobre HIPAA vence el 31 de enero. No compartan información de pacientes por WhatsApp.")], lang="es", subj="Horario - semana del 29/12")

@tmpl("jail", "clean")
def jail_contract(r):
    o = ORG["jail"]
    return Doc(o, "corrections/vendor-contract", "Medical Services Contract - Renewal Summary", [
        P("The Board of County Commissioners approved renewal of the inmate medical services contract for 2027-2029. Key terms:"),
        BUL("24/7 RN coverage, on-site provider 40 h/wk", "MAT program (buprenorphine, methadone via community OTP) continues", f"Annual cost not to exceed ${r.randint(3, 5)},{dg(r, 3)},000", "Quarterly quality reports (aggregate only)"),
        P(f"Contract #{dg(r, 4)}-{dg(r, 3)}. Questions: County Purchasing.")])

@tmpl("urgent", "clean")
def urgent_notice(r):
    o = ORG["urgent"]
    return Doc(o, "urgent/public-notice", "Holiday Hours & Testing", [
        P("QuickCare Rio Rancho and Westside will be open 9am-5pm on Christmas Day and New Year's Day. Telehealth visits available 24/7 in the QuickCare app."),
        P("We offer rapid flu/COVID/RSV testing. Self-pay telehealth visit: $59. Wait times are posted live on our website.")])

@tmpl("urgent", "clean")
def urgent_fhir_example(r):
    o = ORG["urgent"]
    ex = {"resourceType": "Patient", "id": "example", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": "TEST-0000"}],
          "name": [{"family": "Testpatient", "given": ["Sample"]}], "gender": "unknown", "birthDate": "1900-01-01"}
    return Doc(o, "urgent/fhir-example", "FHIR onboarding - example payload", [P("For the HIE onboarding checklist - use this synthetic Patient when testing. Do not post real patients to the sandbox."), PRE(json.dumps(ex, indent=2))])

@tmpl("pod", "clean")
def pod_vendor(r):
    o = ORG["pod"]
    return Doc(o, "podiatry/vendor", "Therapeutic Shoe Program - Supplier Update", [
        P(f"Dr. Comfort and Apex inserts (A5512, A5513) are back in stock. Q1 pricing attached to PO {po(r)}. Medicare requires the certifying physician statement from the MD/DO managing diabetes; blank forms are on the shared drive."),
        P(f"Dr. {staff(r, 'DPM').family} will be out 12/26; Dr. {staff(r).family} covering wound checks.")])

@tmpl("mco", "clean")
def mco_bulletin(r):
    o = ORG["mco"]
    return Doc(o, "mco/provider-bulletin", "Provider Bulletin - January 2027", [
        P("Reminder: Medicaid renewals resume in February. Members will receive mail from HCA; please encourage patients to update their address."),
        T(["Measure (HEDIS MY2025)", "Plan rate", "State goal"], [["Controlling High Blood Pressure", f"{r.randint(55, 68)}%", "64%"], ["HbA1c Control <8%", f"{r.randint(48, 60)}%", "58%"],
                                                                 ["Well-Child Visits 0-15 mo", f"{r.randint(50, 65)}%", "62%"], ["Prenatal care timeliness", f"{r.randint(78, 90)}%", "86%"]]),
        P("Rates are plan-wide aggregates. Provider town hall: January 20, Gallup and virtual.")])

@tmpl("mco", "clean", "list")
def mco_network(r):
    o = ORG["mco"]; rows = []
    for _ in range(r.randint(8, 11)):
        s = staff(r, r.choice(["MD", "DO", "NP", "PA-C"]))
        rows.append([s.lf(), s.cred, npi(r), r.choice(["Family Med", "Pediatrics", "OB/GYN", "Psychiatry", "Internal Med"]), r.choice(["Albuquerque", "Gallup", "Taos", "Santa Fe"]), r.choice(["Y", "N", "Y"])])
    return Doc(o, "mco/provider-directory", "Network Additions - Provider Directory Feed", [T(["Provider", "Cred", "NPI", "Specialty", "City", "Accepting new"], rows)], subj="directory adds")

@tmpl("him", "clean")
def him_dobform(r):
    o = ORG["him"]
    return Doc(o, "him/form-revision-notice", "Authorization Form Revised", [
        P("The Authorization for Release of Health Information form has been revised (HIM-104, rev. 12/01/2026). Changes: a separate checkbox for substance use disorder records (42 CFR Part 2, as amended 2024), "
          "and the Date of Birth field moved to the top section so requests are matched faster."),
        P("Old versions (rev. 06/15/2022) will be rejected after January 31, 2027. The ROI fee schedule is unchanged: $6.50 per request for patients, per state limits for third parties."),
        P(f"- {staff(r, 'RHIA').plain()}, RHIA, HIM Director")], subj="ROI form HIM-104 revised")

@tmpl("peds", "clean")
def peds_vfc(r):
    o = ORG["peds"]
    return Doc(o, "peds/vendor-shipment", "", [P("Front desk / MA team -"),
        P(f"VFC shipment arrived: Merck M-M-R II lot {lot(r)} exp {fd(soon(r, 200, 400), 'mdy')} (30 doses), Sanofi Pentacel lot {lot(r)} (20 doses). Temp log checked - in range. "
          f"Please rotate stock and update VFC inventory in NMSIIS by end of day. Fridge #2 alarm battery replaced.\n\n{staff(r, 'MA').given}, Vaccine Coordinator")], subj="VFC shipment in")

@tmpl("fert", "clean")
def fert_seminar(r):
    o = ORG["fert"]
    return Doc(o, "fertility/seminar", "Free Fertility Seminar", [
        P("Join Alta Vista Fertility for an evening seminar: egg freezing, IVF success rates (SART 2024 clinic summary), costs and financing, and new Texas insurance mandates."),
        P(f"{fd(D(2027, 1, 29), 'long')}, 6:30 PM, El Paso Museum of Art auditorium. Speaker: Dr. {staff(r).given} {staff(r).family}, REI.")])

@tmpl("college", "clean")
def college_narcan(r):
    o = ORG["college"]
    return Doc(o, "college/staff-training", "RA Training: Naloxone and Overdose Response", [
        P("All Resident Assistants must complete naloxone training before residence halls reopen. Sessions: Jan 12 and 13, 1-3 PM, Student Union Ballroom."),
        P("Also: flu shots free with student ID through January; the Counseling Center is open during break for phone consults.")])

@tmpl("rx", "clean")
def rx_vendor(r):
    o = ORG["rx"]
    return Doc(o, "pharmacy/wholesaler-order", "Order Confirmation", [
        P(f"Cardinal Health order {po(r)} confirmed for delivery {fd(soon(r, 1, 2), 'mdy')}."),
        T(["Item", "NDC", "Qty", "Lot", "Exp"], [[x, ndc(r), str(r.randint(1, 12)), lot(r), fd(soon(r, 200, 700), "mdy")] for x in ["Atorvastatin 40 mg 90ct", "Metformin ER 500 mg 100ct", "Amoxicillin 400/5 100 mL", "Semaglutide 1 mg pen 1ct", "Prednisone 10 mg 100ct"]]),
        P("Invoice " + inv(r) + " will post to your account within 24 hours.")], subj="Order confirmation")

@tmpl("rx", "clean", "list")
def rx_compound(r):
    o = ORG["rx"]
    rows = [[x, f"{r.randint(30, 120)} g" if "cream" in x else f"{r.randint(30, 100)} mL", f"${r.randint(28, 140)}.00", r.choice(["7 d", "14 d", "30 d", "90 d"])] for x in
            ["Magic mouthwash", "Ketoprofen 10% cream", "Omeprazole 2 mg/mL susp", "Baclofen 10 mg/mL susp", "Estriol 0.1% cream", "Gabapentin 6% cream", "Vancomycin 25 mg/mL oral soln"]]
    return Doc(o, "pharmacy/price-list", "Compounding Price List - 2027", [T(["Preparation", "Size", "Cash price", "BUD"], rows)], subj="compounding prices")

@tmpl("ins", "clean")
def ins_auto(r):
    o = ORG["ins"]; c = staff(r, "")
    return Doc(o, "non-health/auto-policy", "Auto Policy Renewal", [P(f"Dear {c.given} {c.family},"),
        KV(("Policy number", f"PA-{dg(r, 7)}-{dg(r, 2)}"), ("Vehicle", r.choice(["2021 Subaru Outback", "2019 Ford F-150", "2023 Toyota RAV4"])), ("VIN", f"4S4BT{up(r, 2)}{dg(r, 10)}"), ("Renewal date", fd(soon(r, 20, 40), "long")),
           ("6-month premium", f"${r.randint(480, 1100)}.{dg(r, 2)}")),
        P("Your policy renews automatically. Medical payments coverage ($5,000) and uninsured motorist coverage are unchanged. Questions? Call your agent.")], subj="Your auto policy renewal")

@tmpl("travel", "clean")
def gen_hipaa(r):
    o = ORG[r.choice(["travel", "hh", "snf", "him", "mco"])]
    return Doc(o, "generic/hipaa-reminder", "Annual HIPAA & Privacy Training Due", [
        P(f"All workforce members must complete the 2027 HIPAA Privacy & Security module by {fd(D(2027, 1, 31), 'long')}. The module covers minimum necessary, secure e-mail ([secure] in the subject line), "
          "and what to do if you send PHI to the wrong recipient."),
        P("Example used in the course: a fictitious patient 'Jane Sample, MRN 0000000, SSN 000-00-0000'. Never use real patient data in training."),
        P("Compliance Office")], subj="Reminder: HIPAA training due Jan 31")

@tmpl("mco", "clean")
def gen_mbi_training(r):
    o = ORG[r.choice(["mco", "ems", "dme", "pod"])]
    return Doc(o, "generic/mbi-training", "Billing Staff Tip Sheet: Medicare Beneficiary Identifier", [
        P("The MBI is 11 characters, e.g. the CMS sample 1EG4-TE5-MK73. Format: 1AA1-AA1-AA11 pattern positions: 1 = numeric 1-9, 2/5/8/9 = alphabetic (no S, L, O, I, B, Z), 4/7/10/11 = numeric, 3/6 = alphanumeric."),
        P("Dashes are for display only - do not key them into the 837. Never use the SSN-based HICN; claims with a HICN reject. For training, use only the CMS sample above."),
        P(f"Questions: {staff(r, 'CPC').plain()}, CPC, Revenue Cycle Education")], subj="MBI tip sheet")

@tmpl("occ", "clean")
def gen_ssn_training(r):
    o = ORG[r.choice(["occ", "travel", "him"])]
    return Doc(o, "generic/ssn-training", "New-Hire Onboarding: I-9 and Payroll Forms", [
        P("When completing Section 1 of the I-9 in the HR system, the Social Security number field requires 9 digits. In the training video we use the well-known sample 078-05-1120 and "
          "'John Doe, date of birth 01/01/1970' - these are not real people."),
        P(f"Payroll cutoff for the January 9 check is {fd(D(2027, 1, 2), 'mdy')}. Direct deposit forms go to HR, not your manager.")])

@tmpl("peds", "clean")
def gen_birthday(r):
    o = ORG[r.choice(["peds", "dial", "sleep", "coag", "wound"])]; s = staff(r); bd = soon(r, 2, 8)
    return Doc(o, "generic/staff-birthday", "", [P(f"Shhh! {s.given} {s.family}'s {r.choice(['40th', '50th', '60th', '30th'])} birthday is {fd(bd, 'long')} - a {bd.strftime('%A')} this year. "
                                                    f"Cake in the break room at 2:30 - chip in $5 for the gift card with {staff(r).given}. Don't tell {s.given}!")], subj="Surprise! cake Friday")

@tmpl("dial", "clean")
def gen_job(r):
    o = ORG[r.choice(["dial", "hospice", "tx", "lab", "onc", "school"])]
    return Doc(o, "generic/job-posting", "Now Hiring", [
        P(f"{o.name} is hiring a full-time {r.choice(['Registered Nurse (Charge)', 'Patient Care Technician', 'Medical Laboratory Scientist', 'Clinical Social Worker', 'Transplant Financial Coordinator', 'School Health Aide'])}."),
        BUL("Sign-on bonus up to $7,500", "Benefits start day one, 403(b) with 5% match", "Requirements: current license/cert; BLS; 1 yr experience preferred", "Shift: days, every 3rd weekend"),
        P(f"Apply at careers.{o.dom} - Job ID {dg(r, 6)}. EOE.")])

@tmpl("lab", "clean")
def gen_it(r):
    o = ORG[r.choice(["lab", "him", "ems", "snf", "urgent"])]; s = staff(r, "")
    return Doc(o, "generic/it-ticket", "", [P(f"Ticket INC{dg(r, 7)} updated by {s.plain()}:"),
        P(f"The label printer on {r.choice(['2 North', 'Accessioning', 'Front desk 3', 'Billing pod B'])} (Zebra ZD421, asset {dg(r, 6)}) is printing blank labels after the driver update. Rolled back to v5.1.16; "
          "user confirmed test print OK. Closing ticket in 48 h unless reopened."), P("-- IT Service Desk, ext. 4357")], subj=f"[Ticket] INC{dg(r, 7)} resolved")

@tmpl("college", "clean")
def gen_gym(r):
    o = ORG[r.choice(["college", "occ", "pt"])]; s = staff(r, "")
    return Doc(o, "generic/wellness-gym", "Employee Wellness: Gym Membership Reimbursement", [
        P(f"Hi {s.given}, your gym reimbursement for {r.choice(['Planet Fitness', 'Anytime Fitness', 'Defined Fitness', 'the Y'])} was approved."),
        KV(("Member #", f"{dg(r, 10)}"), ("Months", "Oct-Dec"), ("Amount", f"${r.randint(60, 150)}.00"), ("Paid on", fd(soon(r, 5, 10), "mdy"))),
        P("Walking challenge results: Team 'Sole Sisters' wins with 4.1 million steps!")])

@tmpl("sleep", "clean", "list")
def gen_oncall(r):
    o = ORG[r.choice(["sleep", "device", "onc", "ob", "nicu"])]; rows = []
    for d in range(r.randint(7, 10)):
        a, b = staff(r, r.choice(["MD", "DO", "NP"])), staff(r, "RN")
        rows.append([TODAY + DAY(days=d + 3), f"{a.given} {a.family}, {a.cred}", f"{b.given} {b.family}, RN", a.phone])
    return Doc(o, "generic/on-call", "On-Call Schedule", [T(["Date", "Provider on call", "RN on call", "Cell"], rows)], subj="on-call schedule")

@tmpl("onc", "clean", "list")
def gen_deid(r):
    o = ORG[r.choice(["onc", "ob", "mco", "tb", "lab"])]; rows = []
    for g in ["18-34", "35-49", "50-64", "65-74", "75+"]:
        rows.append([g, r.randint(11, 400), r.randint(11, 300), f"{r.uniform(5, 40):.1f}%", f"{r.uniform(1, 9):.1f}"])
    return Doc(o, "generic/deid-aggregate", "Quarterly Volume by Age Band (de-identified)", [P("Safe Harbor de-identified; cells < 11 suppressed. No dates or geographic units smaller than state."),
               T(["Age band", "Visits", "Unique patients", "Readmit 30d", "Avg LOS"], rows)], subj="Q4 volume report")

@tmpl("allergy", "clean", "list")
def gen_training_roster(r):
    o = ORG[r.choice(["allergy", "hh", "dial", "snf", "peds"])]; rows = []
    for _ in range(r.randint(8, 12)):
        s = staff(r)
        rows.append([s.lf(), s.cred or "staff", r.choice(["BLS renewal", "HIPAA 2027", "Fire safety", "Anaphylaxis drill", "Bloodborne pathogens"]), soon(r, 1, 30), r.choice(["Complete", "Scheduled", "Overdue"])])
    return Doc(o, "generic/training-roster", "Annual Competency Roster", [T(["Employee", "Credential", "Module", "Due", "Status"], rows)], subj="competency roster")

@tmpl("ins", "clean", "list")
def gen_po(r):
    o = ORG[r.choice(["dme", "wound", "rx", "lab", "dent"])]; rows = []
    for _ in range(r.randint(8, 11)):
        rows.append([po(r), past(r, 1, 30), r.choice(["Medline", "McKesson", "Henry Schein", "Owens & Minor", "Cardinal"]), r.choice(["gauze 4x4", "nitrile gloves M", "alginate dressing", "lancets", "sharps containers", "prophy paste", "CPAP filters"]),
                     str(r.randint(1, 40)), f"${r.randint(40, 4000)}.{dg(r, 2)}", inv(r)])
    return Doc(o, "generic/po-list", "Open Purchase Orders", [T(["PO", "Date", "Vendor", "Item", "Qty", "Amount", "Invoice"], rows)], subj="open POs")

# ================================================================== content: header-only templates
def HD(subject, to=None, cc=None, reply_to=None, frm=None, extra=None, cat=""):
    return {"subject": subject, "to": to, "cc": cc or [], "reply_to": reply_to, "frm": frm, "extra": extra or {}, "cat": cat}
def ext(r, p=None, dom=None): p = p or staff(r); return (p, mailbox(p, dom or r.choice(["stbrendanmc.org", "presbymed.org", "unmhealth.net", "gmail.com", "vigilfamilymed.com"])))

# ---- PHI only in headers
@htmpl("hh", "phi")
def hp_hh(r): p = pt(r, 65, 95); return HD(f"SOC {fd(soon(r, 1, 4), 'short')} - {p.caps()} - PT/OT eval + wound vac - Medicare A", cat="subject")
@htmpl("dial", "phi")
def hp_dial(r): p = pt(r, 40, 80, "M"); return HD(f"Chair {r.randint(1, 22)} TTS 2nd shift - Mr. {p.family} - missed tx x2, K {r.uniform(6, 7):.1f}", cat="subject")
@htmpl("dent", "phi")
def hp_dent(r): p = pt(r, 50, 84); return HD("Pre-med clearance?", to=(f"{p.lf()} (DOB {dob(r, p, 'm/d/yyyy')}) - ext #19 on warfarin", f"referrals@{r.choice(['vigilfamilymed.com', 'presbymed.org'])}"), cat="to-display")
@htmpl("school", "phi")
def hp_school(r): k = kid(r, 6, 12); return HD(f"Inhaler - {k.given} {k.family} {r.choice(['2nd', '3rd', '4th'])} gr - used 3x today, pls call", cat="subject")
@htmpl("hospice", "phi")
def hp_hospice(r): p = pt(r, 75, 99, "F"); return HD("IDT", extra={"Thread-Topic": f"IDT {fd(TODAY, 'short')} - {p.family} {p.given[0]}. - recert due, FAST 7c, comfort kit in home"}, cat="thread-topic")
@htmpl("sleep", "phi")
def hp_sleep(r): p = pt(r, 30, 70); return HD("study", extra={"X-Study": f"PSG {fd(past(r, 2, 6), 'short')} {p.family.upper()} {p.given[0]} AHI {r.uniform(30, 70):.1f} -> CPAP titration"}, cat="x-header")
@htmpl("dme", "phi")
def hp_dme(r): p = pt(r, 60, 90); return HD(f"CMN needed - {p.family.upper()} {p.given.upper()} - E1390 O2 conc - SpO2 {r.randint(84, 88)}% RA - MBI {mbi(r)}", cat="subject")
@htmpl("bhi", "phi")
def hp_bhi(r): p = pt(r, 18, 40); return HD(f"Warm handoff - {p.ini()} {p.age}{p.sex} - SI w/o plan - PHQ9 {r.randint(17, 24)} - needs appt <72h", to=(f"{p.family}, {p.given} (DOB {dob(r, p, 'mdy')})", f"intake@{r.choice(['unmhealth.net', 'agorahelp.org'])}"), cat="to-display")
@htmpl("travel", "phi")
def hp_travel(r): p = pt(r, 30, 70); return HD(f"Exposure report - source pt {p.caps()} MRN {mrn(r)} - HCV+", cat="subject")
@htmpl("occ", "phi")
def hp_occ(r): p = pt(r, 22, 60); return HD("Work status update", extra={"X-Case": f"{claim(r)} {p.lf()} - lumbar strain M54.50 - light duty 15 lb"}, cat="x-header")
@htmpl("tb", "phi")
def hp_tb(r): p = pt(r, 25, 70); return HD("contact list", extra={"X-Case": f"TB-{TODAY:%y}-{dg(r, 4)} {p.family.upper()} {p.given[0]} smear+ cavitary - contact inv", "Keywords": "TB program; confidential"}, cat="x-header")
@htmpl("tx", "phi")
def hp_tx(r): p = pt(r, 30, 65); return HD(f"tac trough low - {p.family.upper()} {p.given[0]} - POD {r.randint(20, 90)} - pls repeat Mon", cat="subject")
@htmpl("pbm", "phi")
def hp_pbm(r): p = pt(r, 30, 70); return HD(f"PA #PA{TODAY:%y}{dg(r, 7)} DENIED - Ozempic - mbr {mbr(r)} DOB {dob(r, p, 'mdy')}", cat="subject")
@htmpl("court", "phi")
def hp_court(r): p = pt(r, 20, 50, "M"); return HD(f"State v. {p.family} D-202-CR-{TODAY.year}-0{dg(r, 4)} - competency eval - dx schizoaffective, restoration rec", cat="subject")
@htmpl("wc", "phi")
def hp_wc(r): p = pt(r, 22, 60); return HD(f"Claim {claim(r)} / claimant {p.family.upper()}, {p.given.upper()} / R knee MRI auth - medial meniscus tear", cat="subject")
@htmpl("lact", "phi")
def hp_lact(r): fam = r.choice(["Nguyen", "Begay", "Okafor", "Sandoval"]); return HD(f"{fam} baby (DOB {fd(past(r, 4, 9), 'short')}) - wt down 11% - tongue tie eval?", cat="subject")
@htmpl("chap", "phi")
def hp_chap(r): p = pt(r, 60, 95, "M"); return HD(f"Anointing request - Rm {r.randint(400, 460)} - Mr. {p.family} - comfort care, family at bedside", cat="subject")
@htmpl("wound", "phi")
def hp_wound(r): p = pt(r, 45, 80); return HD("tx count", extra={"X-Chart": f"WC-{dg(r, 4)} {p.family.upper()} {p.given[0]} - Wagner 3 DFU R foot - HBOT {r.randint(10, 38)}/40"}, cat="x-header")
@htmpl("pt", "phi")
def hp_pt(r): p = pt(r, 55, 85); return HD(f"POC signature needed - {p.lf()} - s/p R TKA - 16 visits", cat="subject")
@htmpl("ob", "phi")
def hp_ob(r): p = pt(r, 19, 38, "F"); return HD(f"{r.randint(29, 34)}w PPROM - {p.family}, {p.given} (EDD {fd(soon(r, 40, 80), 'mdy')}) - transfer to SBMC L&D", cat="subject")
@htmpl("nicu", "phi")
def hp_nicu(r): fam = r.choice(["Nguyen", "Lucero", "Haddad", "Two Bulls"]); return HD("SW rounds", cc=[(f"Baby Boy {fam} (MRN {mrn(r)}) NICU bed {r.randint(1, 24)}", f"nicu.sw@stbrendanmc.org")], cat="cc-display")
@htmpl("device", "phi")
def hp_device(r): p = pt(r, 60, 90); return HD(f"Remote alert - {p.family.upper()} {p.given[0]} DOB {dob(r, p, 'm/d/yy')} - AF burden {r.randint(8, 35)}% - not on OAC", cat="subject")
@htmpl("coag", "phi")
def hp_coag(r): p = pt(r, 55, 90); return HD(f"INR {r.uniform(4.1, 6.0):.1f} - {p.family} {p.given[0]}. - on Bactrim - hold tonight", cat="subject")
@htmpl("lab", "phi")
def hp_lab(r): p = pt(r, 20, 90); return HD(f"CRITICAL - K {r.uniform(6.2, 7.0):.1f} - acc {TODAY:%y}-{dg(r, 3)}-{dg(r, 4)} - {p.caps()}", cat="subject")
@htmpl("ems", "phi")
def hp_ems(r): p = pt(r, 40, 90); return HD("Run report request", reply_to=(f"Run {TODAY:%y}-{dg(r, 5)} / {p.given} {p.family} / DOB {dob(r, p, 'iso')} / CP-SOB", f"billing@mesaambulancebilling.com"), cat="reply-to-display")
@htmpl("snf", "phi")
def hp_snf(r): p = pt(r, 70, 95, "M"); return HD(f"Bed offer - {p.caps()} - s/p R hip ORIF, MRSA nares + - accept by 3pm", cat="subject")
@htmpl("retina", "phi")
def hp_retina(r): p = pt(r, 66, 92, "F"); return HD(f"Eylea PA - {p.family}, {p.given} (MBI {mbi(r, True)}) - OD wet AMD", cat="subject")
@htmpl("audio", "phi")
def hp_audio(r): p = pt(r, 40, 75, "M"); return HD(f"Audiogram - Mr. {p.family} - asymmetric SNHL L>R - r/o acoustic neuroma?", cat="subject")
@htmpl("allergy", "phi")
def hp_allergy(r): k = kid(r, 4, 12); return HD("results", extra={"Comments": f"Ara h 2 {r.uniform(5, 30):.1f} kU/L - {k.given} {k.family} ({k.age}y) - peanut OFC not recommended, EpiPen Jr rx"}, cat="comments")
@htmpl("onc", "phi")
def hp_onc(r): p = pt(r, 35, 70, "F"); return HD("navigation", extra={"Keywords": f"navigation; {p.family.upper()} {p.given[0]}; C50.911; port {fd(soon(r, 3, 8), 'short')}; C1D1 {fd(soon(r, 10, 15), 'short')}"}, cat="keywords")
@htmpl("interp", "phi")
def hp_interp(r): p = pt(r, 45, 85, "F"); return HD(f"Solicitud de intérprete - Sra. {p.given} {p.family} (fecha de nac. {fd(p.dob, 'dmy')}) - cita de diálisis {fd(soon(r, 2, 6), 'short')}", cat="subject-es")
@htmpl("jail", "phi")
def hp_jail(r): p = pt(r, 19, 55, "M"); return HD(f"Booking {TODAY:%y}-{dg(r, 5)} - {p.caps()} - methadone {r.choice([60, 80, 95])}mg verify w/ OTP", cat="subject")
@htmpl("urgent", "phi")
def hp_urgent(r): p = pt(r, 18, 60); return HD("Visit summary", frm=f"QuickCare Telehealth for {p.given} {p.family} - UTI f/u", extra={"X-Patient-Ref": f"{mrn(r)}|{p.dob.strftime('%Y%m%d')}"}, cat="from-display+x")
@htmpl("pod", "phi")
def hp_pod(r): p = pt(r, 60, 90, "M"); return HD(f"Routine foot care Q8 class findings - {p.lf()} - DM2 w/ PAD, ABI 0.62", cat="subject")
@htmpl("mco", "phi")
def hp_mco(r): p = pt(r, 25, 64); return HD("outreach", extra={"X-Member": f"{mcaid(r)} / {p.lf()} / DOB {dob(r, p, 'mdy')} / 9 ED visits 90d - COPD"}, cat="x-header")
@htmpl("him", "phi")
def hp_him(r): p = pt(r, 20, 80, "F"); return HD(f"ROI-{TODAY:%y}-{dg(r, 4)} - {p.family}, {p.given} - MRN {mrn(r)} - records sent (ED/OD)", cat="subject")
@htmpl("peds", "phi")
def hp_peds(r): fam = r.choice(["Baca", "Trujillo", "Yazzie", "Kim"]); return HD(f"the {fam} twins - MMR #2 due - mom asking re: egg allergy + febrile seizure hx", cat="subject")
@htmpl("fert", "phi")
def hp_fert(r): p = pt(r, 30, 42, "F"); return HD(f"Cycle 2 retrieval - {p.family} {p.given[0]} - 6 MII / 2 blasts - PGT-A sent", cat="subject")
@htmpl("college", "phi")
def hp_college(r): p = pt(r, 18, 23); return HD(f"Accommodation - {p.caps()} (Student ID 900{dg(r, 6)}) - concussion protocol", cat="subject")
@htmpl("rx", "phi")
def hp_rx(r): p = pt(r, 40, 90); return HD("Fax", extra={"X-Fax-Subject": f"Refill auth - {p.family.upper()} {p.given.upper()} DOB {dob(r, p, 'mdy')} - metformin 1000mg BID"}, cat="x-fax")
@htmpl("hh", "phi")
def hp_hh2(r): p = pt(r, 70, 95, "F"); return HD("RE: visit", to=(f"{p.title()} (SSN {ssn(r, 'dash')}) c/o daughter", personal(r, p)), cat="to-display-ssn")
@htmpl("mco", "phi")
def hp_mco2(r): p = pt(r, 20, 60); return HD(f"FW: {p.family} {p.given} {mcaid(r)} - postpartum depression screen + EPDS 17", cat="subject")

# ---- clean header counterparts: names, credentials, medical words, product names, no patient health info
@htmpl("hh", "clean")
def hc_hh(r): s = staff(r, "RN, COS-C"); return HD("Field staff mileage reimbursement - December", to=(f"{s.given} {s.family}, RN, COS-C", mailbox(s, "sandiahomehealth.com")), cat="to-credentials")
@htmpl("dial", "clean")
def hc_dial(r): return HD(f"Fresenius 2008T preventive maintenance - chairs 1-18 - {fd(soon(r, 3, 9), 'short')}", cat="vendor-product")
@htmpl("dent", "clean")
def hc_dent(r): s = staff(r, "DDS"); return HD(f"Dr. {s.given} {s.family}, DDS - CE course: Implant Restorations - Jan 17", cat="staff-credential")
@htmpl("school", "clean")
def hc_school(r): return HD("Health office coverage - Heroes MS - Jan (sub nurse needed 1/12-1/16)", cat="schedule")
@htmpl("hospice", "clean")
def hc_hospice(r): return HD(f"Volunteer appreciation luncheon - {fd(D(2026, 12, 30), 'short')} noon", extra={"Thread-Topic": "Volunteer appreciation luncheon"}, cat="event")
@htmpl("sleep", "clean")
def hc_sleep(r): a, b = staff(r), staff(r); return HD(f"RPSGT night shift swap - {a.given} / {b.given} - {fd(soon(r, 2, 6), 'short')}", cat="staff-swap")
@htmpl("dme", "clean")
def hc_dme(r): return HD(f"ResMed AirSense 11 backorder - PO {po(r)} - ETA {fd(soon(r, 10, 20), 'short')}", cat="vendor-product")
@htmpl("bhi", "clean")
def hc_bhi(r): return HD("Crisis line volunteer schedule - weekend of 12/27", extra={"Keywords": "volunteers; schedule; 988"}, cat="schedule")
@htmpl("travel", "clean")
def hc_travel(r): s = staff(r, "RN, CCRN"); return HD(f"Assignment extension - {s.given} {s.family}, RN, CCRN - 13 wks ICU St. Brendan", cat="staff-credential")
@htmpl("occ", "clean")
def hc_occ(r): return HD(f"Invoice {inv(r)} - Nov DOT physicals - Rio Grande Freight (24 exams)", cat="invoice")
@htmpl("tb", "clean")
def hc_tb(r): return HD("QuantiFERON-TB Gold Plus kit order", extra={"X-PO": f"{po(r)}; Qiagen lot {lot(r)}; exp {fd(soon(r, 90, 300), 'iso')[:7]}"}, cat="vendor-x")
@htmpl("tx", "clean")
def hc_tx(r): return HD("Kidney Paired Donation webinar - UNOS policy update - Jan 21", cat="meeting-medical-words")
@htmpl("pbm", "clean")
def hc_pbm(r): return HD("2027 formulary - GLP-1 tier changes - P&T committee summary", cat="meeting-medical-words")
@htmpl("court", "clean")
def hc_court(r): s = staff(r, "PsyD"); return HD(f"Expert witness calendar - Dr. {s.given} {s.family}, PsyD, ABPP - January", cat="staff-credential")
@htmpl("wc", "clean")
def hc_wc(r): return HD("Adjuster training - reserving best practices - webinar link", extra={"X-Training-ID": f"TRN-{dg(r, 5)}"}, cat="training")
@htmpl("lact", "clean")
def hc_lact(r): s = staff(r, "IBCLC"); return HD(f"Milkweed holiday hours + welcome {s.given} {s.family}, IBCLC", cat="staff-credential")
@htmpl("chap", "clean")
def hc_chap(r): return HD(f"Chapel schedule - Christmas Eve - Fr. {staff(r).family} / Rabbi {staff(r).family} / Imam {staff(r).family}", cat="schedule")
@htmpl("wound", "clean")
def hc_wound(r): return HD(f"Hyperbaric chamber maintenance - Perry Baromedical Sigma 40 - {fd(soon(r, 3, 8), 'short')}", cat="vendor-product")
@htmpl("pt", "clean")
def hc_pt(r): s = staff(r, "PT, DPT, OCS"); return HD("CEU reimbursement - approved", to=(f"{s.family}, {s.given} PT, DPT, OCS", mailbox(s, "stridept.com")), cat="to-credentials")
@htmpl("ob", "clean")
def hc_ob(r): return HD(f"OB call schedule - January - Dr. {staff(r).family} / Dr. {staff(r).family} / CNM {staff(r).family}", cat="schedule")
@htmpl("nicu", "clean")
def hc_nicu(r): return HD("NICU Family Advisory Council - Jan 15 meeting agenda", cc=[(f"{staff(r).given} {staff(r).family}, RNC-NIC", "nicu.educator@stbrendanmc.org")], cat="cc-credentials")
@htmpl("device", "clean")
def hc_device(r): return HD(f"Boston Scientific rep {staff(r).given} {staff(r).family} - in-clinic Tues - LATITUDE app in-service", cat="vendor-product")
@htmpl("coag", "clean")
def hc_coag(r): return HD(f"CoaguChek XS PT test strips - lot {lot(r)} - shipment received", cat="vendor-product")
@htmpl("lab", "clean")
def hc_lab(r): return HD(f"Courier route change - Route {r.randint(2, 9)} - pickups move to 2:30 PM", cat="operations")
@htmpl("ems", "clean")
def hc_ems(r): return HD(f"Medic {r.randint(3, 19)} out of service - Stryker Power-PRO cot repair", cat="vendor-product")
@htmpl("snf", "clean")
def hc_snf(r): s = staff(r, "RN, RAC-CT"); return HD("Census meeting moved to 10:30", reply_to=(f"{s.given} {s.family}, RN, RAC-CT (MDS Coordinator)", mailbox(s, "arroyosecorehab.com")), cat="reply-to-credentials")
@htmpl("retina", "clean")
def hc_retina(r): return HD("OCT machine service - Heidelberg Spectralis - Tuesday AM", extra={"X-Ticket": f"SR-{dg(r, 6)}"}, cat="vendor-product")
@htmpl("audio", "clean")
def hc_audio(r): return HD(f"Phonak Lumity demo units - return by {fd(soon(r, 10, 20), 'short')}", cat="vendor-product")
@htmpl("allergy", "clean")
def hc_allergy(r): s = staff(r, "MD, FAAAAI"); return HD(f"Juniper pollen season - clinic hours + Dr. {s.given} {s.family}, MD, FAAAAI on leave", cat="staff-credential")
@htmpl("onc", "clean")
def hc_onc(r): return HD("Tumor Board - Thursday 7am - Conference Rm B - case submissions due Tues", extra={"Thread-Topic": "Tumor Board logistics"}, cat="meeting-medical-words")
@htmpl("interp", "clean")
def hc_interp(r): return HD("Horario de intérpretes - semana del 29 de diciembre", cat="schedule-es")
@htmpl("jail", "clean")
def hc_jail(r): return HD("Sick call nurse coverage - January rotation", cat="schedule-medical-words")
@htmpl("urgent", "clean")
def hc_urgent(r): return HD(f"Provider schedule - holidays - Dr. {staff(r).family}, {staff(r).given} {staff(r).family} PA-C", extra={"X-Department": "QuickCare Westside"}, cat="schedule")
@htmpl("pod", "clean")
def hc_pod(r): s = staff(r, "DPM"); return HD(f"Dr. {s.given} {s.family}, DPM - out 12/26 - wound checks covered", cat="staff-credential")
@htmpl("mco", "clean")
def hc_mco(r): return HD("Provider Relations Q1 town hall - Gallup - diabetes & hypertension HEDIS measures", cat="meeting-medical-words")
@htmpl("him", "clean")
def hc_him(r): return HD("Chart prep audit results - HIM staff - Q4", extra={"X-Report": f"{r.randint(91, 99)}% accuracy; {r.randint(200, 900)} charts sampled; aggregate only"}, cat="report-x")
@htmpl("peds", "clean")
def hc_peds(r): return HD(f"VFC vaccine shipment - Merck M-M-R II lot {lot(r)} - fridge #2", cat="vendor-product")
@htmpl("fert", "clean")
def hc_fert(r): return HD(f"Embryology lab - LN2 dewar delivery {fd(D(2026, 12, 30), 'short')} - Airgas", cat="vendor-product")
@htmpl("college", "clean")
def hc_college(r): return HD("RA training - Narcan - Jan 12", cc=[(f"{staff(r).given} {staff(r).family} (Residence Life)", "reslife@mesastate.edu")], cat="training-medical-words")
@htmpl("rx", "clean")
def hc_rx(r): return HD(f"Cardinal Health order confirmation - PO {po(r)}", extra={"X-Fax-Subject": f"Invoice {inv(r)} - 2 pages"}, cat="vendor-x")
@htmpl("ins", "clean")
def hc_ins(r): c = staff(r, ""); return HD(f"Policy PA-{dg(r, 7)}-{dg(r, 2)} renewal - 2021 Subaru Outback", to=(f"{c.family}, {c.given} {c.mi}".strip(), personal(r, c)), cat="car-insurance")
@htmpl("device", "clean")
def hc_bday(r): s = staff(r, "MD"); return HD(f"Retirement open house for Dr. {s.given} {s.family} - 31 years of pacing! - {fd(soon(r, 5, 9), 'long')}, lobby, 4-6 pm", cat="staff-event")
@htmpl("lab", "clean")
def hc_training(r): return HD("Billing quiz Q4: is 1EG4-TE5-MK73 the CMS specimen MBI? (answers Friday)", cat="training-sample-ids")

# ================================================================== renderers
import textwrap
def cstr(v, dst="mdy"):
    if isinstance(v, dtm.date): return fd(v, dst)
    return str(v)
def kv_text(items, sty):
    w = max(len(k) for k, v in items) + 2
    out = []
    for k, v in items:
        if v == "" or v is None: continue
        if sty == "colon": out.append(f"{k}: {v}")
        elif sty == "aligned": out.append(f"{(k + ':').ljust(w)} {v}")
        elif sty == "next": out.append(f"{k}:\n  {v}")
        elif sty == "caps": out.append(f"{k.upper()}: {v}")
        elif sty == "nocolon": out.append(f"{k}  {v}")
        elif sty == "pipe": out.append(f"{k} | {v}")
        elif sty == "dash": out.append(f"{k} - {v}")
    if sty == "runon": return "; ".join(f"{k} {v}" for k, v in items if v)
    return "\n".join(out)
def table_text(hdr, rows, sty, dst):
    rows = [[cstr(c, dst) for c in row] for row in rows]
    if sty == "pipe": return "\n".join(" | ".join(x) for x in [hdr] + rows)
    if sty == "tab": return "\n".join("\t".join(x) for x in [hdr] + rows)
    if sty == "records": return "\n\n".join("\n".join(f"{h}: {c}" for h, c in zip(hdr, row) if c) for row in rows)
    ws = [max(len(str(x[i])) for x in [hdr] + rows) for i in range(len(hdr))]
    line = lambda x: "  ".join(str(c).ljust(ws[i]) for i, c in enumerate(x)).rstrip()
    return "\n".join([line(hdr), "  ".join("-" * w for w in ws)] + [line(x) for x in rows])
def render_text(r, doc, title=True, wrap=None, kvs=None, tsty=None, dst=None):
    kvs = kvs or r.choice(["colon", "colon", "aligned", "next", "caps", "nocolon", "pipe", "dash", "runon"])
    tsty = tsty or r.choice(["cols", "cols", "pipe", "tab", "records"]); dst = dst or ("dmy" if doc.lang == "es" else r.choice(["mdy", "mdy", "m/d/yy", "iso", "dmon"]))
    out = [doc.title.upper() if title and r.random() < 0.3 else doc.title] if (title and doc.title) else []
    for b in doc.blocks:
        if b[0] == "p":
            t = b[1]
            if wrap: t = "\n".join(textwrap.fill(x, wrap) for x in t.split("\n"))
            out.append(t)
        elif b[0] == "h": out.append(b[1])
        elif b[0] == "kv": out.append(kv_text(b[1], kvs))
        elif b[0] == "table": out.append(table_text(b[1], b[2], tsty, dst))
        elif b[0] == "pre": out.append(b[1])
        elif b[0] == "bul": out.append("\n".join(f"{r.choice(['-', '*', '•'])} {x}" if False else f"- {x}" for x in b[1]))
    return "\n\n".join(x for x in out if x)
def render_html(r, doc, logo_cid=None, standalone=False, dst=None):
    dst = dst or ("dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "long"]))
    font = r.choice(["Calibri,Arial,sans-serif", "Georgia,serif", "Verdana,sans-serif", "Segoe UI,Tahoma,sans-serif", "Arial,Helvetica,sans-serif"])
    o = doc.o; h = []
    if logo_cid: h.append(f'<p><img src="cid:{logo_cid}" alt="{esc(o.short)}" width="160" height="48"></p>')
    elif standalone: h.append(f'<p style="font-size:15pt;color:{o.color}"><b>{esc(o.name)}</b><br><span style="font-size:9pt;color:#555">{esc(o.addr)} &middot; {esc(o.phone)}</span></p><hr>')
    if doc.title: h.append(f'<h3 style="color:{o.color}">{esc(doc.title)}</h3>')
    kvmode = r.choice(["table", "bold", "plain"])
    for b in doc.blocks:
        if b[0] == "p": h.append("<p>" + esc(b[1]).replace("\n", "<br>\n") + "</p>")
        elif b[0] == "h": h.append(f"<h4>{esc(b[1])}</h4>")
        elif b[0] == "kv":
            items = [(k, v) for k, v in b[1] if v]
            if kvmode == "table": h.append('<table cellpadding="3" style="border-collapse:collapse">' + "".join(f'<tr><td style="color:#555">{esc(k)}</td><td><b>{esc(str(v))}</b></td></tr>' for k, v in items) + "</table>")
            elif kvmode == "bold": h.append("<p>" + "<br>\n".join(f"<b>{esc(k)}:</b> {esc(str(v))}" for k, v in items) + "</p>")
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
    d.rectangle([0, 0, h - 8, h - 8], fill=col); d.ellipse([18, 18, h - 26, h - 26], fill="white")
    d.text((h + 6, h // 2 - 14), lat1(o.short), fill=col); d.text((h + 6, h // 2 + 4), o.dom, fill=(90, 90, 90))
    b = io.BytesIO(); img.save(b, "PNG", optimize=False); _LOGO[o.key] = b.getvalue(); return _LOGO[o.key]

def norm_pdf(data, key):
    """normalise creation/modification stamps, XMP uuids and trailer /ID (same-length replacements keep xref offsets valid)"""
    hx = hashlib.sha256(("pdf:" + key).encode()).hexdigest().encode() * 4
    data = re.sub(rb"D:\d{14}", b"D:20261222093000", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", b"2026-12-22T09:30:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", lambda m: b"uuid:" + hx[:8] + b"-" + hx[8:12] + b"-" + hx[12:16] + b"-" + hx[16:20] + b"-" + hx[20:32], data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + hx[32:64].upper(), data)
    def idrep(m):
        a, b = m.group(1), m.group(2)
        return m.group(0).replace(a, hx[:len(a)].upper(), 1).replace(b, hx[len(a):len(a) + len(b)].upper(), 1) if a != b else m.group(0).replace(a, hx[:len(a)].upper())
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", idrep, data)
    t = data.rfind(b"trailer")
    if t > 0:   # ghostscript may write the trailer /ID as binary literal strings; the trailer follows the xref table, so its length is free
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", b"/ID [<" + hx[:32].upper() + b"><" + hx[:32].upper() + b">]", data[t:])
    return data
def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info); return int(m.group(1)) if m else 0

def fp_pdf(r, doc, ttf, key):
    from fpdf import FPDF, __version__ as fpdf_version
    for cut in (None, 10, 7):
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
        else:
            pdf.set_font(F, "B", 14); pdf.set_text_color(*col); pdf.cell(0, 7, t(d.o.name), new_x="LMARGIN", new_y="NEXT")
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
                    pdf.set_font(F, "B", 9.5); pdf.cell(46, 5.5, t(k + ":"))
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
                for x in b[1]: pdf.multi_cell(0, 5, t(("• " if ttf else "- ") + x), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
        if r.random() < 0.5:
            pdf.set_y(-22); pdf.set_font(F, "", 7); pdf.set_text_color(120, 120, 120)
            pdf.multi_cell(0, 3.5, t("CONFIDENTIAL: This document may contain protected health information. If received in error, notify the sender and destroy all copies."))
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
        col = colors.HexColor(d.o.color); st = []
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
    hyphen = r.random() < 0.75
    lines = []   # (font, size, text, gap)
    o = doc.o
    lines.append(("HB", 15, o.name, 20)); lines.append(("H", 8, f"{o.addr}   Tel {o.phone}   Fax {o.fax}", 16))
    if doc.title: lines.append(("HB", 12, doc.title, 18))
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "dmon"])
    for b in doc.blocks:
        if b[0] in ("p", "h"):
            for para in b[1].split("\n"):
                for ln in textwrap.wrap(para, 98) or [""]: lines.append(("HB" if b[0] == "h" else "H", 9.5, ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "kv":
            for k, v in b[1]:
                if v:
                    wr = textwrap.wrap(f"{k}: {v}", 98)
                    for ln in wr: lines.append(("H", 9.5, ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "bul":
            for x in b[1]:
                for i, ln in enumerate(textwrap.wrap(x, 94)): lines.append(("H", 9.5, ("-  " if i == 0 else "   ") + ln, 12))
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
    ps = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title or o.short)}", f"%%Creator: {o.short} forms", f"%%Pages: {len(pages)}", "%%BoundingBox: 0 0 612 792", "%%EndComments",
          "/Enc ISOLatin1Encoding 256 array copy def" + (" Enc 45 /hyphen put" if hyphen else ""),
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
    fp = sec.footer.paragraphs[0]; fp.text = r.choice(["Confidential", f"{o.short} - internal", "This document may contain confidential information.", f"Form {o.key.upper()}-{dg(r, 3)} rev. 2026"])
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Garamond"]); st.font.size = Pt(10.5)
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
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

def xlsx_bytes(r, doc):
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    tb = doc.table(); wb = openpyxl.Workbook(); ws = wb.active
    ws.title = re.sub(r"[^A-Za-z0-9 ]", "", (doc.subj or doc.title or "Sheet1"))[:28] or "Sheet1"
    ws.append(list(tb[1]))
    for c in ws[1]: c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=doc.o.color[1:].upper())
    nf = r.choice(["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy"])
    for row in tb[2]:
        vals = []
        for v in row:
            if isinstance(v, str) and re.fullmatch(r"\d+(\.\d+)?%?", v) is None: vals.append(v)
            elif isinstance(v, str) and v.endswith("%"): vals.append(v)
            elif isinstance(v, str) and len(v) > 8: vals.append(v)     # long digit strings (IDs) stay text
            elif isinstance(v, str): vals.append(float(v) if "." in v else int(v))
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
    wb.properties.creator = doc.o.short
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

def csv_bytes(r, doc):
    tb = doc.table(); delim = r.choice([",", ",", "\t", ",", ";"]) ; dst = r.choice(["mdy", "iso", "m/d/yyyy", "ymd"])
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, lineterminator=r.choice(["\r\n", "\n"]))
    hdr = list(tb[1]) if r.random() < 0.7 else [re.sub(r"[^A-Za-z0-9]+", "_", h).strip("_").upper() for h in tb[1]]
    w.writerow(hdr)
    for row in tb[2]: w.writerow([cstr(c, dst) for c in row])
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return data, ("tsv" if delim == "\t" and r.random() < 0.6 else "csv")

def norm_ooxml(data):
    """LibreOffice writes random rsids; map them to stable values in order of appearance, then fix zip stamps"""
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO(); mp = {}
    def rep(m):
        v = m.group(2)
        if v not in mp: mp[v] = b"%08X" % (0x00A10000 + len(mp))
        return m.group(1) + mp[v]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                body = re.sub(rb'(w:rsid[A-Za-z]*\s*=\s*"|w:val\s*=\s*"(?=[0-9A-F]{8}"))([0-9A-F]{8})', rep, body) if b"rsid" in body else body
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-06-01T00:00:00Z", body)
                body = re.sub(rb"<meta:creation-date>[^<]*", b"<meta:creation-date>2026-06-01T00:00:00", body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 6, 1, 0, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return fix_zip(out.getvalue())

class LOJobs:
    """batch LibreOffice conversions through run_lo (one soffice start per kind)"""
    def __init__(s, tmp): s.tmp = tmp; s.lo = collections.defaultdict(list)
    def add(s, kind, name, data):
        d = os.path.join(s.tmp, kind, "in"); os.makedirs(d, exist_ok=True); os.makedirs(os.path.join(s.tmp, kind, "out"), exist_ok=True)
        p = os.path.join(d, name); open(p, "wb").write(data); s.lo[kind].append(p)
        ext = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}[kind]
        return ("LO", os.path.join(s.tmp, kind, "out", name.rsplit(".", 1)[0] + "." + ext))
    def run(s): run_lo(s)

# ================================================================== message assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Apple Mail (2.3826.400.131)", "iPhone Mail (22C161)", "Mozilla Thunderbird 128.5.2", None, None, None]
PARTNERS = ["stbrendanmc.org", "presbymed.org", "unmhealth.net", "vigilfamilymed.com", "sunvalleyfh.org", "lcmedicalgroup.com", "echealthplan.com", "umc-elpaso.org", "parkviewpueblo.org", "gmail.com"]
ROLES = ["referrals", "intake", "scheduling", "billing", "records", "nursing", "frontdesk", "pharmacy", "cm", "um", "hr", "office"]
def when(r):
    d = past(r, 0, 9)
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-7)))
def disp(r, p, o=None):
    sty = r.random()
    if sty < 0.35: return f"{p.given} {p.family}"
    if sty < 0.55: return f"{p.family}, {p.given}"
    if sty < 0.75 and getattr(p, "cred", ""): return f"{p.given} {p.family}, {p.cred}"
    if sty < 0.85 and o: return f"{p.given} {p.family} | {o.short}"
    return f"{p.given} {p.family}"
def other_addr(r, o):
    k = r.random()
    if k < 0.4:
        p = staff(r); dom = r.choice([x for x in PARTNERS if x != o.dom]); return Address(display_name=disp(r, p), addr_spec=mailbox(p, dom))
    if k < 0.7:
        oo = ORG[r.choice([x for x in ORG if ORG[x].dom != o.dom and x != "ins"])]; p = staff(r); return Address(display_name=disp(r, p, oo), addr_spec=mailbox(p, oo.dom))
    dom = r.choice([x for x in PARTNERS if x != "gmail.com"]); role = r.choice(ROLES); return Address(display_name=ROLE_NAME[role] if r.random() < 0.5 else "", addr_spec=f"{role}@{dom}")
ORG_CREDS = {"hh": ["RN", "BSN, RN", "PT", "LPN", "", "RN, COS-C"], "dial": ["RN", "RN, CNN", "MSW", "RD", "PCT", ""], "dent": ["DDS", "RDH", "", "CDA"], "school": ["BSN, RN", "RN, NCSN", ""],
    "hospice": ["RN", "RN, CHPN", "MSW", "", "MDiv"], "sleep": ["RPSGT", "RRT", "", "MD"], "dme": ["", "RRT", ""], "bhi": ["MSW, LCSW", "LPCC", "", "CPSW"], "travel": ["", "", "RN"],
    "occ": ["", "NP", "MA", "MD"], "tb": ["RN", "MPH", "", "CHW"], "tx": ["RN, CCTC", "RN", "", "MSW"], "pbm": ["", "PharmD", "CPhT"], "court": ["", "PsyD", "Paralegal"], "wc": ["", "", "AIC"],
    "lact": ["IBCLC", "RN, IBCLC", ""], "chap": ["MDiv", "BCC", "", "Rev."], "wound": ["RN, CWOCN", "CHT", "", "MD"], "pt": ["PT, DPT", "PTA", "", "OTR/L"], "ob": ["CNM", "RN", "MA", "MD", ""],
    "nicu": ["MSW, LCSW", "RNC-NIC", "", "NNP-BC"], "device": ["RN, CCDS", "", "RN"], "coag": ["PharmD, CACP", "RN", ""], "lab": ["MLS(ASCP)", "", "MT"], "ems": ["", "CPC", ""],
    "snf": ["", "RN, RAC-CT", "NHA", "LPN"], "retina": ["COA", "", "MD"], "audio": ["AuD, CCC-A", ""], "allergy": ["RN", "MA", "", "MD"], "onc": ["RN, OCN", "MSW", ""],
    "interp": ["CHI-Spanish", "CMI", ""], "jail": ["RN", "LPN", "", "HSA"], "urgent": ["", "PA-C", "MA"], "pod": ["DPM", "MA", ""], "mco": ["RN, CCM", "MSW", ""], "him": ["RHIT", "RHIA", ""],
    "peds": ["MA", "RN", "", "MD"], "fert": ["RN", "", "MD"], "college": ["FNP-C", "RN", "", "LPC"], "rx": ["PharmD", "CPhT", "RPh"], "ins": ["", ""]}
ROLE_NAME = {"referrals": "Referrals", "intake": "Intake", "scheduling": "Scheduling", "billing": "Billing Office", "records": "Medical Records", "nursing": "Nursing", "frontdesk": "Front Desk",
             "pharmacy": "Pharmacy", "cm": "Care Management", "um": "Utilization Management", "hr": "Human Resources", "office": "Office"}
def new_msg(r, o, subject, sender=None, to=None, cc=None):
    s = sender or staff(r, r.choice(ORG_CREDS.get(o.key, [""])))
    m = EmailMessage()
    if r.random() < 0.85: m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    else: role = r.choice(ROLES) if o.key != "ins" else "office"; m["From"] = Address(display_name=f"{o.short} {ROLE_NAME[role]}", addr_spec=f"{role}@{o.dom}")
    m["To"] = to or other_addr(r, o)
    if cc: m["Cc"] = cc
    elif r.random() < 0.2: m["Cc"] = other_addr(r, o)
    m["Subject"] = subject
    m["Date"] = format_datetime(when(r))
    mailer = r.choice(MAILERS)
    if mailer: m["X-Mailer"] = mailer
    return m, s
def signature(r, s, o):
    sty = r.random()
    if sty < 0.25: sig = f"{s.given} {s.family}{', ' + s.cred if getattr(s, 'cred', '') else ''}\n{o.name}\n{o.addr}\nPh {o.phone} | Fax {o.fax}"
    elif sty < 0.5: sig = f"Thanks,\n{s.given}\n{o.short} | {o.phone}"
    elif sty < 0.65: sig = f"-- \n{s.given} {s.family}\n{o.short}"
    elif sty < 0.8: sig = f"Regards,\n\n{s.given} {s.family}{', ' + s.cred if getattr(s, 'cred', '') else ''}\n{o.name} | www.{o.dom}"
    else: sig = f"{s.given[0]}{s.family[0]}"
    if r.random() < 0.35:
        sig += "\n\n" + r.choice(["CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information, "
                                  "including protected health information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender and destroy all copies.",
                                  "This message may contain information protected by HIPAA. If you received it in error please notify the sender.",
                                  "AVISO DE CONFIDENCIALIDAD: Este mensaje puede contener información confidencial."])
    return sig
def sig_html(sig, o, cid=None):
    h = "<p style=\"color:#555;font-size:9pt\">" + esc(sig).replace("\n", "<br>\n") + "</p>"
    if cid: h += f'<p><img src="cid:{cid}" alt="{esc(o.short)} logo" width="160" height="48"></p>'
    return h
def set_text_html(m, text, html_body, font, logo_o=None, cid=None):
    m.set_content(text)
    m.add_alternative(f'<html><head><meta charset="utf-8"></head><body style="font-family:{font};font-size:10pt">\n{html_body}\n</body></html>\n', subtype="html")
    if cid: m.get_payload()[1].add_related(logo_png(logo_o), "image", "png", cid=f"<{cid}>")

GREET = ["", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Hi team,\n\n", "Good afternoon,\n\n", "Team -\n\n"]
COVERS = {
    "hh": ["Visit note attached. Pt is on our caseload through the end of the month.", "Attached - please sign and return.", "Sending the schedule for next week, call the office with changes."],
    "dial": ["Please see attached from the unit.", "Attached for your review before rounds.", "Monthly report attached."],
    "dent": ["Please see the attached request from our office.", "Attached is the form we discussed, thank you!"],
    "school": ["Attached is the information for the sub nurse binder.", "Please see the attached."],
    "hospice": ["IDT packet attached for Wednesday.", "Attached - please review before team."],
    "pbm": ["Please find the attached determination.", "Attached is the requested report. This message was sent securely."],
    "wc": ["Please see attached regarding the above claim.", "Attached for your file."],
    "court": ["Counsel - attached per the court's order.", "Please find the report attached. Original to follow by mail."],
    "interp": ["Adjunto el documento.", "Les envío el archivo adjunto.", "Attached - let me know if anything changes."],
    "lab": ["Report attached.", "Please see attached and acknowledge receipt.", "Attached per your request."],
    "tb": ["Attached - please keep within the program.", "DOT log attached."],
    "jail": ["Attached per transfer protocol.", "Please see attached."],
}
GEN_COVER = ["Paperwork is in the attachment.", "The file is attached - holler if it does not open.", "Attachment below for your chart.", "Here it is, as promised.",
             "One attachment, please confirm you can open it.", "Enclosed electronically.", "This is the copy you were missing.", "Attaching the latest version.",
             "Forms attached; originals stay here.", "Our copy attached - the fax line is down again."]
NEUTRAL_SUBJ = ["paperwork", "as promised", "[secure] paperwork", "Copy for you", "Missing form", "From our office", "Latest version", "pdf", "Files - secure",
                "Quick one", "For your chart", "encrypted: attachment"]
HBODIES = ["Everything is posted to the secure portal - link below, good for a week.", "Ring my desk when you get a chance.", "Portal has the rest.", "Received, thank you!",
           "On it.", "Portal link below.", "Free after 2 if you want to talk.", "Moving this to the encrypted inbox.", "Following up on this morning's phone call.",
           "Let me know it came through.", "Disregard - sent to the wrong list.", "Recibido, gracias.", "Sent from my mobile device", "k", "Will get back to you by Friday.", "cc'ing you for visibility.",
           "What is the best number to reach you?", "More to follow by secure fax.", "Could you cover this while I am out?", "Passing this to the right desk."]

def hdr_message(r, key, spec):
    o = ORG[key]; s = staff(r, r.choice(ORG_CREDS.get(key, [""])))
    to = Address(display_name=spec["to"][0], addr_spec=spec["to"][1]) if spec["to"] else None
    cc = ", ".join(str(Address(display_name=n, addr_spec=a)) for n, a in spec["cc"]) if spec["cc"] else None
    m, s = new_msg(r, o, spec["subject"], s, to=to, cc=cc)
    if spec["frm"]:
        del m["From"]; m["From"] = Address(display_name=spec["frm"], addr_spec=f"noreply@{o.dom}")
    if spec["reply_to"]: m["Reply-To"] = Address(display_name=spec["reply_to"][0], addr_spec=spec["reply_to"][1])
    for k, v in spec["extra"].items(): m[k] = v
    htxt = " ".join(str(v) for k, v in m.items() if k != "From")
    for _ in range(20):
        if not re.search(r"\b(" + re.escape(s.given) + "|" + re.escape(s.family) + r")\b", htxt): break
        s = staff(r, r.choice(ORG_CREDS.get(key, [""])))
    if not spec["frm"] and not m["From"].addresses[0].display_name.startswith(o.short):
        del m["From"]; m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    body = r.choice(GREET) + r.choice(HBODIES)
    if "portal" in body.lower(): body += f"\nhttps://secure.{o.dom}/m/{tok(r)}"
    sig = signature(r, s, o); text = body + "\n\n" + sig
    if r.random() < 0.3:
        cid = f"logo-{tok(r, 10)}@{o.dom}" if r.random() < 0.6 else None
        set_text_html(m, text, "<p>" + esc(body).replace("\n", "<br>\n") + "</p>\n" + sig_html(sig, o, cid), "Calibri,Arial,sans-serif", o, cid)
    else: m.set_content(text)
    return m

def body_message(r, doc, carrier):
    o = doc.o; m, s = new_msg(r, o, doc.subj or doc.title or r.choice(NEUTRAL_SUBJ))
    head = "" if (doc.blocks and doc.blocks[0][0] == "p" and re.match(r"(Hi|Hello|Dear|Estimad|Dr\.|Team|Good|Fr\.|Hey|Counsel)", doc.blocks[0][1])) else r.choice(GREET)
    sig = signature(r, s, o)
    if carrier == "plain":
        text = head + render_text(r, doc, title=r.random() < 0.5, wrap=r.choice([None, None, 72, 64, 58])) + "\n\n" + sig
        m.set_content(text)
    else:
        text = head + render_text(r, doc, title=True) + "\n\n" + sig
        body, font = render_html(r, doc)
        cid = f"sig-{tok(r, 10)}@{o.dom}" if r.random() < 0.45 else None
        set_text_html(m, text, ("<p>" + esc(head.strip()) + "</p>\n" if head.strip() else "") + body + "\n" + sig_html(sig, o, cid), font, o, cid)
    return m

FWD_NOTES = ["Below.", "Passing this along.", "Is this one yours?", "For your awareness.", "Where does this go?", "Still waiting on this one - below.", "Per our chat.", "Thoughts?",
             "Wrong department? Please check.", "Looping you in.", "Thread below.", "Te lo paso para seguimiento."]
def fwd_message(r, doc, label):
    o = doc.o; orig_from = staff(r, r.choice(ORG_CREDS.get(o.key, [""]))); oo = o
    inner_to = other_addr(r, o)
    inner_date = when(r) - DAY(days=r.randint(1, 5))
    inner_subj = doc.subj or doc.title or "Update"
    inner_text = r.choice(GREET) + render_text(r, doc, title=r.random() < 0.5) + "\n\n" + signature(r, orig_from, oo)
    fwder_org = ORG[r.choice([k for k in ORG if k != "ins"])] if r.random() < 0.6 else o
    m, s = new_msg(r, fwder_org, "", staff(r, r.choice(ORG_CREDS.get(fwder_org.key, [""]))))
    shape = r.choice(["outlook", "gmail", "reply", "rfc822", "outlook", "apple", "notes"])
    note = r.choice(FWD_NOTES)
    of = f"{orig_from.given} {orig_from.family} <{mailbox(orig_from, oo.dom)}>"
    if shape == "rfc822":
        del m["Subject"]; m["Subject"] = "Fwd: " + inner_subj
        inner = EmailMessage(); inner["From"] = of; inner["To"] = str(inner_to); inner["Subject"] = inner_subj; inner["Date"] = format_datetime(inner_date)
        inner["Message-ID"] = f"<{hashlib.sha256((inner_subj + of).encode()).hexdigest()[:20]}@{oo.dom}>"; inner.set_content(inner_text)
        m.set_content(note + "\n\n" + signature(r, s, fwder_org)); m.add_attachment(inner)
        return m
    if shape == "reply":
        del m["Subject"]; m["Subject"] = "RE: " + inner_subj
        q = "\n".join(("> " + ln) if ln else ">" for ln in inner_text.split("\n"))
        m.set_content(f"{note}\n\n{signature(r, s, fwder_org)}\n\nOn {inner_date.strftime('%a, %b')} {inner_date.day}, {inner_date.year} at {inner_date.strftime('%I:%M %p').lstrip('0')}, {of} wrote:\n{q}\n")
        return m
    del m["Subject"]; m["Subject"] = r.choice(["FW: ", "Fwd: ", "FW: FW: ", "Fw: "]) + inner_subj
    if shape == "outlook": hdr = f"-----Original Message-----\nFrom: {of}\nSent: {inner_date.strftime('%A, %B')} {inner_date.day}, {inner_date.year} {inner_date.strftime('%I:%M %p').lstrip('0')}\nTo: {inner_to}\nSubject: {inner_subj}\n"
    elif shape == "gmail": hdr = f"---------- Forwarded message ---------\nFrom: {of}\nDate: {inner_date.strftime('%a, %b')} {inner_date.day}, {inner_date.year} at {inner_date.strftime('%I:%M %p').lstrip('0')}\nSubject: {inner_subj}\nTo: {inner_to}\n"
    elif shape == "apple": hdr = f"Begin forwarded message:\n\nFrom: {of}\nSubject: {inner_subj}\nDate: {inner_date.strftime('%B')} {inner_date.day}, {inner_date.year} at {inner_date.strftime('%I:%M:%S %p').lstrip('0')} MST\nTo: {inner_to}\n"
    else: hdr = f"----- Forwarded by {s.given} {s.family}/{fwder_org.short} on {inner_date.strftime('%m/%d/%Y')} -----\n\nFrom: {of}\nTo: {inner_to}\nSubject: {inner_subj}\n"
    m.set_content(f"{note}\n\n{signature(r, s, fwder_org)}\n\n{hdr}\n{inner_text}\n")
    return m

def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", (doc.title or doc.cat.split("/")[-1]))[:40].strip("_") or "document"
    return r.choice([base, base.lower(), f"{base}_{TODAY:%Y%m%d}", f"scan_{dg(r, 6)}", f"{doc.o.key.upper()}_{base}", f"{base}-{dg(r, 3)}"]) + "." + ext

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
          "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"), "zip": ("application", "zip")}[ext]
    if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=fname, charset="utf-8", cte="base64")
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

def finish(fname, m):
    if "Message-ID" not in m:
        dom = str(m["From"].addresses[0].domain) if m["From"] else "example.org"
        m["Message-ID"] = f"<{hashlib.sha256(('mid:' + fname).encode()).hexdigest()[:32]}@{dom}>"
    if "MIME-Version" not in m: m["MIME-Version"] = "1.0"
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_dev_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data

# ================================================================== plan and main
PLAN = {  # carrier: (phi, clean)
    "header": (35, 35), "pdf-fpdf2": (23, 17), "pdf-libreoffice": (23, 17), "plain": (18, 12), "html": (14, 11), "pdf-ghostscript": (11, 9),
    "pdf-reportlab": (8, 7), "docx": (8, 7), "forwarded": (8, 7), "xlsx": (6, 4), "zip": (6, 4), "csv": (5, 5)}
def cycler(r, pool):
    bag = []
    def draw():
        if not bag: bag.extend(pool); r.shuffle(bag)
        return bag.pop()
    return draw
def shape_for(r, carrier):
    if carrier in ("xlsx", "csv"): return "list"
    if carrier in ("plain", "html", "forwarded"): return "list" if r.random() < 0.22 else "narr"
    if carrier == "zip": return "list" if r.random() < 0.6 else "narr"
    return "list" if r.random() < 0.45 else "narr"

def main():
    t0 = dtm.datetime.now()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(STAMP.timestamp()))
    for f in sorted(os.listdir(OUT)):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(OUT, f))
    plan = [(c, l) for c, (np_, nc) in PLAN.items() for l, n in (("phi", np_), ("clean", nc)) for _ in range(n)]
    R.shuffle(plan)
    bags = {k: cycler(R, sorted(v, key=lambda x: x[1].__name__)) for k, v in REG.items()}
    hbags = {l: cycler(R, sorted(v, key=lambda x: x[1].__name__)) for l, v in HREG.items()}
    tmp = tempfile.mkdtemp(prefix="corpus-dev-"); jobs = LOJobs(tmp); made = []
    try:
        for i, (carrier, label) in enumerate(plan, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                key, fn = hbags[label](); spec = fn(R)
                made.append((fname, label, carrier, f"header/{key}/{spec['cat']}", hdr_message(R, key, spec), None)); continue
            key, fn = bags[(label, shape_for(R, carrier))](); doc = fn(R)
            if carrier in ("plain", "html"): m = body_message(R, doc, carrier); att = None
            elif carrier == "forwarded": m = fwd_message(R, doc, label); att = None
            else:
                subj = doc.subj if (doc.subj and R.random() < 0.6) else R.choice(NEUTRAL_SUBJ)
                m, s = new_msg(R, doc.o, subj)
                cover = R.choice(COVERS.get(doc.o.key, GEN_COVER) + GEN_COVER[:3])
                m.set_content(R.choice(GREET) + cover + "\n\n" + signature(R, s, doc.o))
                att = make_attachment(R, jobs, carrier, doc, fname[:-4])
            made.append((fname, label, carrier, doc.cat, m, att))
        jobs.run()
        rows = []
        for fname, label, carrier, cat, m, att in made:
            if att:
                aname, data, post = att
                if isinstance(data, tuple) and data[0] == "LO": data = open(data[1], "rb").read()
                if post: data = post(data)
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
