#!/usr/bin/python3
"""Batch 16 of the blind DLP corpus: b16-0001.eml ... b16-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a sixteenth author from BRIEF.md (see README "Batch 16").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation)
is re-typed after generate_b15.py's wiring.

Voices: behavioural-health intake, an oncology infusion centre, an OB/prenatal clinic, a dialysis unit, a transplant
coordinator, a hospice, a paediatric practice, occupational health / workers' compensation, ambulance billing, a
pharmacy benefit manager, a DME supplier, a telehealth service, interpreter-services scheduling, HIM records
amendments, correctional health, a skilled-nursing facility, infection prevention reporting to public health, a
sleep lab, an audiology practice, a genetic-counselling clinic, and their staff, vendors and payers.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import copy, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261217
R = random.Random(SEED)
PREFIX = "b16-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
DT = dtm.datetime
TD = dtm.timedelta
TODAY = D(2026, 12, 17)
SR = random.Random(SEED + 16)          # static data (organisation phones, NPIs) drawn once at import

# ================================================================== small helpers and identifiers
FOLD = str.maketrans({"Đ": "D", "đ": "d", "ı": "i", "ł": "l", "Ł": "L", "œ": "oe", "Œ": "OE"})
AFOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss"})
def asc(s): return unicodedata.normalize("NFKD", s.translate(FOLD).translate(AFOLD)).encode("ascii", "ignore").decode()
def lat1f(s): return lat1(str(s).translate(FOLD))
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def up(r, n): return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))
def luhn_npi(base9):
    tot = 0
    for i, ch in enumerate(reversed("80840" + base9)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return base9 + str((10 - tot % 10) % 10)
def npi(r): return luhn_npi(r.choice("12") + dg(r, 8))
def ssn(r, dash=True):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        s = f"{a:03d}{r.randint(1, 99):02d}{r.randint(1, 9999):04d}"
        if s in ("123456789", "078051120", "219099999"): continue
        return f"{s[:3]}-{s[3:5]}-{s[5:]}" if dash else s
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
MBI_N = "0123456789"
def mbi(r, dash=None):
    while True:
        s = (r.choice("123456789") + r.choice(MBI_A) + r.choice(MBI_A + MBI_N) + r.choice(MBI_N) + r.choice(MBI_A) + r.choice(MBI_A + MBI_N)
             + r.choice(MBI_N) + r.choice(MBI_A) + r.choice(MBI_A) + r.choice(MBI_N) + r.choice(MBI_N))
        if s != "1EG4TE5MK73": break
    if dash is None: dash = r.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def mrn(r): return r.choice([dg(r, 8), f"00{dg(r, 6)}", f"H{dg(r, 7)}", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 2)}", f"E{dg(r, 9)}", f"MR{dg(r, 6)}", dg(r, 7)])
def memid(r): return r.choice([f"BCP{dg(r, 9)}", f"ZGW{dg(r, 8)}01", f"{up(r, 3)}{dg(r, 9)}", f"9{dg(r, 8)}-0{r.randint(1, 4)}", f"M{dg(r, 10)}", f"CPX{dg(r, 6)}{up(r, 1)}"])
def acct(r): return r.choice([f"A{dg(r, 9)}", dg(r, 10), f"{dg(r, 4)}-{dg(r, 6)}", f"G{dg(r, 8)}"])
def fin(r): return dg(r, 11)
def csn(r): return "7" + dg(r, 9)
def har(r): return "22" + dg(r, 8)
def enc(r): return r.choice([f"E26-{dg(r, 7)}", f"V{dg(r, 8)}", f"ENC{dg(r, 9)}"])
def claimno(r): return r.choice([f"2635{dg(r, 10)}", f"CLM{dg(r, 9)}", f"{dg(r, 2)}{up(r, 1)}{dg(r, 10)}", f"E{dg(r, 12)}"])
def icn(r): return f"{r.choice(['20', '21', '22'])}26{dg(r, 3)}{dg(r, 6)}{r.randint(100, 999)}"
def wcclaim(r): return r.choice([f"WC26-{dg(r, 6)}", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 6)}", f"7C{dg(r, 8)}"])
def tripno(r): return r.choice([f"26-{dg(r, 6)}", f"R{dg(r, 7)}", f"PCR-2026-{dg(r, 5)}"])
def booking(r): return r.choice([f"BK26{dg(r, 6)}", f"{dg(r, 7)}", f"KC-{dg(r, 6)}"])
def pa_ref(r): return r.choice([f"PA-26{dg(r, 2)}-{dg(r, 5)}", f"{dg(r, 2)}{up(r, 2)}{dg(r, 7)}", f"CP{dg(r, 10)}"])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
AREAS = ["312", "773", "414", "608", "313", "616", "502", "859", "615", "901", "505", "928", "919", "704", "617", "508", "305", "407", "503", "206", "702", "801", "216", "330"]
def phone(r): return r.choice([f"({r.choice(AREAS)}) {r.randint(201, 989)}-{dg(r, 4)}", f"{r.choice(AREAS)}-{r.randint(201, 989)}-{dg(r, 4)}", f"{r.choice(AREAS)}.{r.randint(201, 989)}.{dg(r, 4)}"])
STREETS = ["Larkspur Ln", "N Delphine Ave", "Old Mill Rd", "W 37th St", "Quarry Hill Dr", "Calle Sol", "Birchwood Ct", "Ocotillo Way", "Harbor View Ter",
           "Frontage Rd", "Magnolia Bend", "S Kedzie Ave", "Tamarack Cir", "E Fremont St", "Cheval Pl", "Route 9 Box", "Bayou Rd", "Sunnyside Apt"]
CITIES = [("Kenosha", "WI", "531"), ("Dearborn", "MI", "481"), ("Bowling Green", "KY", "421"), ("Gallup", "NM", "873"), ("Flagstaff", "AZ", "860"),
          ("Fall River", "MA", "027"), ("Hialeah", "FL", "330"), ("Kissimmee", "FL", "347"), ("Salem", "OR", "973"), ("Kent", "WA", "980"),
          ("Henderson", "NV", "890"), ("Ogden", "UT", "844"), ("Lorain", "OH", "440"), ("Hazard", "KY", "417"), ("Durham", "NC", "277"), ("Gastonia", "NC", "280")]
def addr(r):
    c, st, z = r.choice(CITIES); s = r.choice(STREETS)
    line = f"{r.randint(12, 9880)} {s}" + (f" {r.randint(2, 40)}" if s.endswith("Apt") or s.endswith("Box") else r.choice(["", "", f", Apt {r.randint(1, 30)}{r.choice('ABC')}", f" Unit {r.randint(100, 420)}"]))
    return line, f"{c}, {st} {z}{dg(r, 2)}"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def fd(d, st="mdy"):
    m, dd, y = d.month, d.day, d.year
    if st == "mdy": return f"{m:02d}/{dd:02d}/{y}"
    if st == "mdyy": return f"{m}/{dd}/{y % 100:02d}"
    if st == "mdy1": return f"{m}/{dd}/{y}"
    if st == "iso": return f"{y}-{m:02d}-{dd:02d}"
    if st == "dmon": return f"{dd:02d}-{MONTHS[m - 1][:3]}-{y}"
    if st == "long": return f"{MONTHS[m - 1]} {dd}, {y}"
    if st == "abbr": return f"{MONTHS[m - 1][:3]} {dd}, {y}"
    if st == "ymd8": return f"{y}{m:02d}{dd:02d}"
    if st == "sp": return f"{m:02d} {dd:02d} {y}"
    if st == "born": return f"born {dd} {MONTHS[m - 1]} {y}"
    if st == "DMONY": return f"{dd:02d}{MONTHS[m - 1][:3].upper()}{y}"
    if st == "dash": return f"{m:02d}-{dd:02d}-{y}"
    if st == "dot": return f"{m}.{dd}.{y % 100:02d}"
    if st == "dmy2": return f"{dd} {MONTHS[m - 1][:3]} {y % 100:02d}"
    if st == "wk": return f"{WDAYS[d.weekday()]}, {MONTHS[m - 1]} {dd}"
    if st == "wka": return f"{WDAYS[d.weekday()][:3]} {m}/{dd}"
    if st == "es": return f"{dd} de {MESES[m - 1]} de {y}"
    if st == "es_num": return f"{dd:02d}/{m:02d}/{y}"
    if st == "md": return f"{m}/{dd}"
    raise ValueError(st)
DOB_STYLES = ["mdy", "mdy", "mdyy", "mdy1", "iso", "dmon", "long", "abbr", "ymd8", "sp", "DMONY", "dash", "dot", "dmy2"]
def tm(r):
    h = r.choice([7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 14, 15, 15, 16])
    return f"{h % 12 or 12}:{r.choice(['00', '15', '30', '45', '20', '40'])} {'AM' if h < 12 else 'PM'}"
def tmh(r): return f"{r.randint(6, 18):02d}{r.choice(['00', '15', '30', '45'])}"
def ago(r, a, b): return TODAY - TD(days=r.randint(a, b))
def ahead(r, a, b): return TODAY + TD(days=r.randint(a, b))
def age_of(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))

# ================================================================== people
NAMES = {
    "vn": {"F": ["Lan", "Thao", "Hoa", "Ngoc Anh", "Thúy", "Hạnh", "Kim Chi"], "M": ["Minh", "Tuan", "Quang", "Hieu", "Bảo", "Phúc", "Khoa"],
           "fam": ["Nguyen", "Tran", "Pham", "Lê", "Huỳnh", "Võ", "Đặng", "Bui"], "mid": {"F": ["Thi", "Thị", "Ngoc"], "M": ["Van", "Văn", "Quoc", "Duc"]}},
    "kr": {"F": ["Ji-yeon", "Seo-yeon", "Min-ji", "Eun-hee", "Hye-jin"], "M": ["Ji-hoon", "Sung-min", "Dong-hyun", "Jae-won", "Young-ho"],
           "fam": ["Park", "Kim", "Choi", "Jung", "Yoon", "Han", "Seo"]},
    "ph": {"F": ["Maria Cristina", "Rosalinda", "Jocelyn", "Marivic", "Ligaya", "Ma. Teresa"], "M": ["Rodrigo", "Jun", "Ferdinand", "Reynaldo", "Emmanuel"],
           "fam": ["dela Cruz", "Macaraeg", "Bautista", "Villanueva", "De Leon", "Dimaculangan", "Santos"], "mid": {"F": ["Reyes", "Garcia", "Mendoza", "Aquino"], "M": ["Reyes", "Mercado", "Tolentino"]}},
    "pr": {"F": ["Yaritza", "Marisol", "Nilda", "Xiomara", "Ana Lucía", "Zuleyka"], "M": ["Héctor", "Wilfredo", "Ángel", "Luis Ángel", "Yadiel", "Efraín"],
           "fam": ["Rivera Colón", "de Jesús", "Santiago Ortiz", "Rosario", "Pérez Medina", "Núñez", "Vázquez de la Rosa", "Ocasio"]},
    "pt": {"F": ["Conceição", "Fernanda", "Joana", "Luísa", "Adélia"], "M": ["João", "Sebastião", "Rui", "Thiago", "Agostinho"],
           "fam": ["da Silva", "dos Santos", "Ferreira", "Gonçalves", "Medeiros", "de Sousa", "Furtado"]},
    "ht": {"F": ["Marie-Claire", "Guerline", "Nadège", "Rose-Ménie", "Fabiola"], "M": ["Jean-Robert", "Wilner", "Frantz", "Dieuseul", "Jean-Claude"],
           "fam": ["Jean-Baptiste", "Pierre-Louis", "Joseph", "Désir", "Saint-Fleur", "Charles", "Métellus"]},
    "ua": {"F": ["Oksana", "Svitlana", "Nataliya", "Yuliya", "Halyna"], "M": ["Oleksandr", "Dmytro", "Vasyl", "Serhiy", "Bohdan"],
           "fam": ["Shevchenko", "Kovalenko", "Bondarenko", "Hrytsenko", "Melnyk", "Tkachuk"]},
    "so": {"F": ["Hodan", "Faadumo", "Ayaan", "Sahra", "Ubah"], "M": ["Abdirahman", "Mohamed", "Abdullahi", "Yusuf", "Liban"],
           "fam": ["Warsame", "Farah", "Jama", "Hassan", "Abdi", "Mohamud", "Egal"]},
    "it": {"F": ["Antonietta", "Gina", "Teresa", "Carmela", "Rosemarie"], "M": ["Salvatore", "Vincent", "Dominic", "Carmine", "Anthony"],
           "fam": ["Di Stefano", "D'Angelo", "La Rosa", "DeLuca", "Lo Bianco", "Esposito", "Iacovelli"], "sfx": True},
    "fc": {"F": ["Thérèse", "Geneviève", "Noëlle", "Josée", "Mireille"], "M": ["Rémi", "Benoît", "Gaëtan", "Luc", "Réjean"],
           "fam": ["Bélanger", "Thibodeaux", "Côté", "LeBlanc", "Ouellette", "Boudreaux", "St-Onge"]},
    "sc": {"F": ["Ingrid", "Solveig", "Åsa", "Kirsten", "Maren"], "M": ["Søren", "Lars", "Bjørn", "Anders", "Nils"],
           "fam": ["Ødegaard", "Lindqvist", "Halvorsen", "Björk", "Rasmussen", "Sæther"]},
    "nv": {"F": ["Shandiin", "Loretta", "Darlene", "Nizhoni", "Bernadine"], "M": ["Delbert", "Harrison", "Kee", "Tyrell", "Leland"],
           "fam": ["Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Etsitty", "Bitsui"]},
    "jp": {"F": ["Yuki", "Keiko", "Haruka", "Emiko", "Naomi"], "M": ["Hiroshi", "Kenji", "Takumi", "Daisuke", "Shigeru"],
           "fam": ["Watanabe", "Nakamura", "Yamaguchi", "Fujimoto", "Ishikawa", "Ota"]},
    "aa": {"F": ["LaToya", "Shanice", "Keisha", "Ebony", "Dominique", "Tamika"], "M": ["DeShawn", "Terrell", "Marquis", "Jamal", "Darnell", "Cedric"],
           "fam": ["Washington", "Jefferson", "Banks", "Whitfield", "McNair", "Toussaint", "Gaines"], "sfx": True},
    "app": {"F": ["Wanda Sue", "Brenda", "Loretta", "Tammy Lynn", "Bobbie Jo"], "M": ["Billy Ray", "Earl", "Dewayne", "Jimmy Dale", "Roy Lee"],
            "fam": ["Hatfield", "Caudill", "Blevins", "Sizemore", "McCoy", "Gentry", "Combs"], "sfx": True},
    "sco": {"F": ["Morag", "Fiona", "Kathleen", "Ailsa"], "M": ["Angus", "Callum", "Duncan", "Fergus"],
            "fam": ["MacLeod", "McAllister", "Drummond", "Mc Intyre", "Fitz-Simmons", "Mac Lean"], "sfx": True},
    "tr": {"F": ["Ayşe", "Zeynep", "Elif", "Gülşen"], "M": ["Mehmet", "Emre", "Oğuz", "Çağrı"], "fam": ["Yılmaz", "Şahin", "Öztürk", "Çelik", "Aydın"]},
    "sm": {"F": ["Losa", "Mele", "Sina", "Talia"], "M": ["Sione", "Tavita", "Pita", "Ioane"], "fam": ["Faleolo", "Tuilagi", "Fonoti", "Tuiasosopo", "Taufa"]},
    "jw": {"F": ["Miriam", "Rivka", "Shoshana", "Esther"], "M": ["Mordechai", "Avi", "Shmuel", "Menachem"], "fam": ["Rosenbaum", "Weinstein", "Feldman", "Abramowitz", "Katz"]},
}
POOL_KEYS = list(NAMES)
MID_LETTERS = "ABCDEFGHJKLMNPRSTW"

class Person:
    def __init__(self, r, amin=0, amax=95, sex=None, pool=None, staff=False):
        self.pool = pool or r.choice(POOL_KEYS); pl = NAMES[self.pool]
        self.sex = sex or r.choice("FM")
        self.given = r.choice(pl[self.sex]); self.family = r.choice(pl["fam"])
        if "mid" in pl and r.random() < 0.6: self.mid = r.choice(pl["mid"][self.sex])
        elif r.random() < 0.5: self.mid = r.choice(MID_LETTERS)
        else: self.mid = ""
        self.sfx = r.choice(["Jr.", "Sr.", "II", "III", "IV", "Jr"]) if pl.get("sfx") and self.sex == "M" and amin >= 18 and r.random() < 0.3 else ""
        self.dob = TODAY - TD(days=r.randint(int(amin * 365.25) + 20, int(amax * 365.25) - 20)) if amax > amin else TODAY - TD(days=r.randint(1, 200))
        self.cred = ""
    def m(self, dot=True): return "" if not self.mid else (self.mid + ("." if dot else "")) if len(self.mid) == 1 else self.mid
    def s(self): return f" {self.sfx}" if self.sfx else ""
    def fl(self): return " ".join(x for x in [self.given, self.m(), self.family] if x) + self.s()
    def short(self): return f"{self.given} {self.family}"
    def lf(self): return f"{self.family}{self.s()}, {self.given}" + (f" {self.m()}" if self.mid else "")
    def lf2(self): return f"{self.family}, {self.given}"
    def LF(self): return asc_up(f"{self.family}{self.s()}, {self.given}" + (f" {self.m(False)}" if self.mid else ""))
    def FL(self): return self.fl().upper()
    def hon(self): return f"{'Mr.' if self.sex == 'M' else r_hon(self)} {self.family}"
    def ini(self): return f"{self.given[0]}. {self.family}"
    def hl7(self): return "^".join([asc(self.family).upper(), asc(self.given).upper(), asc(self.m(False)).upper()[:1] if self.mid else "", asc(self.sfx.replace('.', '')).upper()]).rstrip("^")
    def age(self): return age_of(self.dob)
    def he(self): return "he" if self.sex == "M" else "she"
    def his(self): return "his" if self.sex == "M" else "her"
    def him(self): return "him" if self.sex == "M" else "her"
    def drn(self): return f"{self.given} {self.family}, {self.cred}" if self.cred else self.short()
    def dr(self): return f"Dr. {self.family}" if self.cred in ("MD", "DO") else self.drn()
def asc_up(s): return s.upper()
def r_hon(p): return ["Ms.", "Mrs.", "Ms."][len(p.given) % 3]
def pname(r, p):
    return r.choice([p.fl(), p.fl(), p.lf(), p.LF(), p.short(), p.FL(), p.lf2(), p.hon() + " (" + p.short() + ")"])
def pt(r, amin=18, amax=92, sex=None, pool=None): return Person(r, amin, amax, sex, pool)
LANG = {"vn": "Vietnamese", "kr": "Korean", "ph": "Tagalog", "pr": "Spanish", "pt": "Portuguese", "ht": "Haitian Creole", "ua": "Ukrainian", "so": "Somali",
        "jp": "Japanese", "tr": "Turkish", "sm": "Samoan", "nv": "Navajo"}
_SIGNER = []
def me(r, title=None, cred=None):
    p = clin(r, cred) if cred else staffer(r)
    if title: p.title = title
    _SIGNER[:] = [p]; return p
def me_as(p, title=None):
    if title: p.title = title
    _SIGNER[:] = [p]; return p
def staffer(r): return Person(r, 24, 66, staff=True)
CREDS = ["RN", "RN, BSN", "MD", "DO", "NP", "PA-C", "LPN", "MSW, LCSW", "CMA", "RHIA", "CCS", "PharmD", "RRT", "RPSGT", "AuD", "MS, CGC", "CPC", "EMT-P", "BSN, OCN", "CNM"]
def clin(r, cred=None): p = staffer(r); p.cred = cred or r.choice(CREDS); return p

# ================================================================== organisations
class Org:
    def __init__(self, name, short, kind, dom, city, color, vendor=False):
        self.name, self.short, self.kind, self.dom, self.color, self.vendor = name, short, kind, dom, color, vendor
        c = [x for x in CITIES if x[0] == city][0]
        self.street = f"{SR.randint(100, 4999)} {SR.choice(['Medical Pkwy', 'Commerce Dr', 'Hospital Blvd', 'Lakeview Ave', 'Research Dr', 'Main St', 'Industrial Way'])}" + SR.choice(["", f", Suite {SR.randint(100, 450)}", f", Bldg {SR.choice('ABC')}"])
        self.cityline = f"{c[0]}, {c[1]} {c[2]}{SR.randint(10, 99)}"
        a = SR.choice(AREAS); self.phone = f"({a}) {SR.randint(201, 989)}-{SR.randint(1000, 9999)}"; self.fax = f"({a}) {SR.randint(201, 989)}-{SR.randint(1000, 9999)}"
        self.npi = luhn_npi(SR.choice("12") + "".join(SR.choice("0123456789") for _ in range(8))); self.tin = f"{SR.randint(20, 88)}-{SR.randint(1000000, 9999999)}"
    def addr1(self): return f"{self.street}, {self.cityline}"
ORGS = [
    Org("Cedar Hollow Behavioral Health", "Cedar Hollow BH", "bh", "cedarhollowbh.org", "Kenosha", "2E5E4E"),
    Org("Tri-River Cancer Institute Infusion Center", "Tri-River Infusion", "onc", "tririvercancer.org", "Bowling Green", "6A2C70"),
    Org("Magnolia Women's Health & Prenatal", "Magnolia WH", "ob", "magnoliawomens.com", "Durham", "B0417A"),
    Org("Lakeshore Kidney Care - Dialysis Unit 4", "Lakeshore Dialysis", "dialysis", "lakeshorekidney.com", "Lorain", "1F6F8B"),
    Org("St. Brendan Transplant Center", "St. Brendan Transplant", "transplant", "stbrendanhealth.org", "Dearborn", "0B3C5D"),
    Org("Evening Star Hospice & Palliative Care", "Evening Star Hospice", "hospice", "eveningstarhospice.org", "Salem", "5C4B8A"),
    Org("Little Sprouts Pediatrics", "Little Sprouts Peds", "peds", "littlesproutspeds.com", "Kissimmee", "2F8F46"),
    Org("WorkWell Occupational Health", "WorkWell OccHealth", "occ", "workwelloh.com", "Gastonia", "C0531F"),
    Org("Ridgeback Ambulance Billing Services", "Ridgeback EMS Billing", "ems", "ridgebackems.com", "Hazard", "A4161A"),
    Org("ClearPath Rx Benefit Management", "ClearPath Rx", "pbm", "clearpathrx.com", "Henderson", "00798C"),
    Org("Summit Home Medical Supply", "Summit HME", "dme", "summithomemed.com", "Ogden", "3D5A80"),
    Org("NowCare Virtual Health", "NowCare", "tele", "nowcarevirtual.com", "Kent", "118AB2"),
    Org("Harbor Point Medical Center", "Harbor Point MC", "hospital", "harborpointmc.org", "Fall River", "14365D"),
    Org("Kessler County Detention Health Services", "KCDC Health Services", "corr", "kesslercohealth.org", "Flagstaff", "4A4A4A"),
    Org("Willow Bend Rehabilitation & Skilled Nursing", "Willow Bend SNF", "snf", "willowbendsnf.com", "Hialeah", "6B8E23"),
    Org("Pine Ridge Regional Hospital", "Pine Ridge Regional", "hospital", "pineridgeregional.org", "Gallup", "8B2E16"),
    Org("Quiet Hours Sleep Diagnostics", "Quiet Hours Sleep Lab", "sleep", "quiethourssleep.com", "Kent", "283593"),
    Org("ClearTone Audiology Associates", "ClearTone Audiology", "audio", "cleartoneaudiology.com", "Flagstaff", "00838F"),
    Org("Helix Family Genetics Clinic", "Helix Genetics", "genetics", "helixgenetics.org", "Durham", "7B1FA2"),
    Org("Bayview Community Health Plan", "Bayview CHP", "payer", "bayviewchp.com", "Hialeah", "005B96"),
    Org("Dorset County Public Health Department", "Dorset Co. Public Health", "publichealth", "dorsetcountyph.org", "Lorain", "375A7F"),
]
VENDORS = [
    Org("Lumen Language Partners", "Lumen Language", "vendor", "lumenlanguage.com", "Kent", "F29E4C", True),
    Org("Northgate Medical Products", "Northgate Medical", "vendor", "northgatemed.com", "Dearborn", "4D908E", True),
    Org("Vireo Telehealth Platform", "Vireo", "vendor", "vireohealth.io", "Salem", "577590", True),
    Org("Anchor Fleet & Casualty Insurance", "Anchor Fleet", "vendor", "anchorfleetins.com", "Henderson", "43AA8B", True),
]
ORG_BY_KIND = {}
for _o in ORGS: ORG_BY_KIND.setdefault(_o.kind, []).append(_o)
def org(r, kind=None): return r.choice(ORG_BY_KIND[kind]) if kind else r.choice(ORGS)
RELATED = {"bh": ["hospital", "payer", "tele", "corr", "pbm"], "onc": ["hospital", "pbm", "payer", "hospice", "genetics"], "ob": ["hospital", "payer", "peds", "genetics"],
           "dialysis": ["hospital", "transplant", "payer", "snf", "ems"], "transplant": ["dialysis", "hospital", "pbm", "payer"], "hospice": ["hospital", "snf", "dme", "payer"],
           "peds": ["hospital", "publichealth", "audio", "payer"], "occ": ["hospital", "payer"], "ems": ["hospital", "payer", "snf", "dialysis"], "pbm": ["payer", "bh", "onc", "tele"],
           "dme": ["sleep", "hospital", "payer", "hospice"], "tele": ["hospital", "payer", "pbm"], "hospital": ["snf", "hospice", "payer", "publichealth", "dme", "transplant", "hospital"],
           "corr": ["hospital", "bh", "publichealth"], "snf": ["hospital", "hospice", "ems", "dme"], "sleep": ["dme", "payer", "hospital"], "audio": ["peds", "hospital", "payer"],
           "genetics": ["onc", "ob", "payer"], "payer": ["hospital", "snf", "dme", "sleep", "ems", "dialysis", "bh"], "publichealth": ["hospital", "peds"]}
def partner(r, o):
    if o.vendor: return r.choice(ORGS)
    x = r.random()
    if x < 0.4: return o
    if x < 0.5: return r.choice(VENDORS)
    return r.choice([y for y in ORGS if y.kind in RELATED.get(o.kind, []) and y is not o] or [y for y in ORGS if y is not o])
def vendor(r): return r.choice(VENDORS)
PLANS = ["Bayview CHP Medicaid", "Medicare Part A/B", "Humana Gold Plus HMO", "Aetna Better Health", "BCBS PPO", "UnitedHealthcare Community Plan", "Cigna Open Access Plus",
         "Ambetter Silver", "Tricare East", "Medicare Advantage (Bayview Senior Care)", "Molina Medicaid", "self-pay"]
def plan(r): return r.choice(PLANS)

# ================================================================== clinical pools (real ICD-10-CM / HCPCS / CPT codes)
DX_BH = [("F33.2", "major depressive disorder, recurrent, severe w/o psychotic features"), ("F32.1", "major depressive disorder, single episode, moderate"),
         ("F31.81", "bipolar II disorder"), ("F43.10", "post-traumatic stress disorder"), ("F41.1", "generalized anxiety disorder"),
         ("F10.20", "alcohol dependence, uncomplicated"), ("F11.20", "opioid dependence, uncomplicated"), ("F20.9", "schizophrenia, unspecified"), ("F32.A", "depression, unspecified")]
DX_ONC = [("C50.912", "malignant neoplasm of left female breast", "AC-T (dose-dense)"), ("C18.7", "malignant neoplasm of sigmoid colon", "FOLFOX"),
          ("C34.90", "non-small cell lung cancer", "carboplatin/pemetrexed/pembrolizumab"), ("C83.30", "diffuse large B-cell lymphoma", "R-CHOP"),
          ("C90.00", "multiple myeloma", "daratumumab/bortezomib/dex"), ("C61", "prostate cancer", "docetaxel"), ("C25.9", "pancreatic cancer", "gemcitabine/nab-paclitaxel")]
DX_OB = [("O24.410", "gestational diabetes, diet controlled"), ("O13.3", "gestational hypertension, third trimester"), ("O09.523", "elderly multigravida, third trimester"),
         ("Z34.82", "supervision of normal pregnancy, second trimester"), ("O99.013", "anemia complicating pregnancy, third trimester")]
DX_GEN = [("E11.9", "type 2 diabetes mellitus without complications"), ("I10", "essential hypertension"), ("J45.909", "asthma, uncomplicated"), ("J44.1", "COPD with acute exacerbation"),
          ("I50.32", "chronic diastolic heart failure"), ("N18.6", "end stage renal disease"), ("G47.33", "obstructive sleep apnea"), ("H90.3", "sensorineural hearing loss, bilateral"),
          ("S72.001A", "fracture of right femoral neck, initial encounter"), ("I63.9", "cerebral infarction"), ("G30.9", "Alzheimer's disease, unspecified"), ("N39.0", "urinary tract infection"),
          ("E10.65", "type 1 diabetes with hyperglycemia"), ("B18.2", "chronic hepatitis C"), ("J96.11", "chronic respiratory failure with hypoxia"), ("E66.01", "morbid obesity")]
DX_WC = [("S39.012A", "strain of lower back muscle, initial encounter"), ("S61.412A", "laceration of left hand, initial encounter"), ("S83.511A", "sprain of ACL, right knee, initial encounter"),
         ("T23.201A", "second-degree burn of right hand, initial encounter"), ("S93.401A", "sprain of right ankle ligament, initial encounter"), ("M75.101", "rotator cuff tear, right shoulder")]
DX_REPORT = [("A37.00", "pertussis", "PCR nasopharyngeal swab"), ("A69.20", "Lyme disease", "two-tier serology"), ("B18.2", "hepatitis C, chronic", "HCV RNA 1.2 million IU/mL"),
             ("A15.0", "pulmonary tuberculosis", "sputum AFB smear 2+, NAAT positive"), ("B05.9", "measles", "measles IgM positive"), ("A02.0", "Salmonella enteritis", "stool culture")]
ONC_LABS = [("ANC", "0.8 K/uL"), ("ANC", "0.6 K/uL"), ("platelets", "62 K/uL"), ("Hgb", "7.4 g/dL"), ("total bilirubin", "3.1 mg/dL"), ("creatinine", "2.2 mg/dL")]
BH_MEDS = ["sertraline 100 mg daily", "escitalopram 10 mg daily", "bupropion XL 300 mg", "quetiapine 50 mg qhs", "lithium carbonate 300 mg BID", "prazosin 2 mg qhs",
           "naltrexone 50 mg daily", "buprenorphine/naloxone 8/2 mg SL daily", "aripiprazole 5 mg daily", "lamotrigine 100 mg BID"]
SPEC_DRUGS = [("Humira (adalimumab) 40 mg/0.4 mL pen", "M05.79", "methotrexate x 12 wks"), ("Ozempic (semaglutide) 1 mg pen", "E11.9", "metformin x 90 days"),
              ("Dupixent (dupilumab) 300 mg", "L20.9", "topical steroids + calcineurin inhibitor"), ("Xarelto (rivaroxaban) 20 mg", "I48.91", "warfarin"),
              ("Enbrel (etanercept) 50 mg SureClick", "L40.50", "methotrexate"), ("Trulicity (dulaglutide) 1.5 mg", "E11.65", "metformin"),
              ("Vraylar (cariprazine) 1.5 mg", "F31.81", "two generic atypical antipsychotics"), ("Nurtec ODT (rimegepant) 75 mg", "G43.909", "two triptans")]

# ================================================================== document model
class Doc:
    """kind: narr | raw | list.  blocks: ("h", t) ("p", t) ("kv", items, style) ("table", hdr, rows) ("pre", t)"""
    def __init__(self, cat, title, blocks, o=None, subject=None, kind="narr", dst=None, to_patient=False):
        self.cat, self.title, self.blocks, self.o, self.subject, self.kind = cat, title, blocks, o, subject, kind
        self.dst = dst or "mdy"; self.to_patient = to_patient
        self.sender = _SIGNER.pop() if _SIGNER else None
    def cut(self, n):
        d = copy.copy(self); out = []
        for b in self.blocks:
            if b[0] == "table": out.append(("table", b[1], b[2][:n]))
            elif b[0] == "kv": out.append(("kv", b[1][:max(n, 6)], b[2]))
            elif b[0] == "pre": out.append(("pre", "\n".join(b[1].split("\n")[:max(12, 4 * n)])))
            else: out.append(b)
        d.blocks = out; return d
    def table(self):
        for b in self.blocks:
            if b[0] == "table": return b
        return None
KV_STYLES = ["colon", "colon", "aligned", "wrap", "pipe", "runon", "dots", "caps", "eq", "bracket", "dash"]
def KV(r, items, style=None): return ("kv", [(a, b) for a, b in items if b not in (None, "")], style or r.choice(KV_STYLES))
def P(t): return ("p", t)
def H(t): return ("h", t)
def PRE(t): return ("pre", t)
def TBL(hdr, rows): return ("table", hdr, rows)
def one(r, *opts): return r.choice(opts)
def L_pt(r): return r.choice(["Patient", "Pt", "Patient Name", "Name", "PT NAME", "Pt name", "Patient name", "Pt. Name"])
def L_dob(r): return r.choice(["DOB", "D.O.B.", "Date of Birth", "Birth Date", "Birthdate", "dob", "Pt DOB", "DOB", "Date of birth"])
def L_mrn(r): return r.choice(["MRN", "MR#", "Med Rec #", "Medical Record #", "Med Rec No.", "Chart #", "MRN", "Hosp #"])
def L_mbr(r): return r.choice(["Member ID", "Mbr ID", "Member #", "ID#", "Subscriber ID", "Insured's ID Number", "Mbr #", "Member ID"])
def L_acct(r): return r.choice(["Acct #", "Account No.", "Account #", "Pt Acct", "HAR", "FIN", "CSN", "Encounter #", "Visit ID"])
def acct_for(r, lab): return {"HAR": har(r), "FIN": fin(r), "CSN": csn(r), "Encounter #": enc(r), "Visit ID": enc(r)}.get(lab, acct(r))
def dob_s(r, p, st=None):
    st = st or r.choice(DOB_STYLES)
    return fd(p.dob, st)
def sig_name(r, s, o, title): return r.choice([f"{s.drn()}\n{title}\n{o.name}", f"{s.given}", f"- {s.given[0]}{s.family[0]}", f"{s.short()} | {title}\n{o.short} | {o.phone}"])

# ================================================================== PHI narratives (this batch's voices)
def P_psych_intake(r):
    o = org(r, "bh"); p = pt(r, 16, 72); c = clin(r, one(r, "MD", "PMHNP-BC", "MSW, LCSW", "PsyD", "DO")); dx = r.choice(DX_BH)
    phq, gad = r.randint(12, 26), r.randint(8, 21); ap = ahead(r, 2, 20); med = r.choice(BH_MEDS)
    risk = one(r, "C-SSRS screen negative", "C-SSRS: passive SI, no plan or intent - safety plan completed", "denies SI/HI", "C-SSRS positive for ideation w/o plan; crisis team consulted",
               "hx of attempt (2019, overdose); currently denies SI")
    src = one(r, "PCP referral", "self-referred via web form", "ED discharge", "school counselor", "EAP", "court-ordered assessment")
    if r.random() < 0.55:
        blocks = [P(one(r, "New intake for scheduling - please review.", "Intake packet complete, routing for triage.", "Sending this one over for the first available med-management slot.")),
                  KV(r, [(L_pt(r), pname(r, p)), (L_dob(r), dob_s(r, p)), (L_mrn(r), mrn(r)), ("Referral source", src), ("Presenting concern", one(r, "worsening depression, not sleeping", "panic attacks at work", "nightmares/flashbacks since MVA", "drinking daily, wants to cut down", "manic episode last month, off meds")),
                         ("PHQ-9 / GAD-7", f"{phq} / {gad}"), ("Risk screen", risk), ("Current meds", med), ("Working dx", f"{dx[0]} {dx[1]}"),
                         ("Coverage", f"{plan(r)}, {L_mbr(r)} {memid(r)}"), ("Appt", f"{fd(ap, 'wk')} {tm(r)} with {c.drn()} ({one(r, 'telehealth', 'in person', 'video')})")])]
        if dx[0] in ("F10.20", "F11.20"): blocks.append(P("Note: SUD treatment record - 42 CFR Part 2 consent on file; do not redisclose without written consent."))
    else:
        blocks = [P(f"{one(r, 'Hi', 'Hello', 'Good morning')} {c.given},"),
                  P(f"Completed phone intake today with {p.fl()} ({p.age()}{p.sex}, {one(r, 'DOB ' + dob_s(r, p), fd(p.dob, 'born'))}). {p.he().capitalize()} was referred by {one(r, 'the PCP', 'Harbor Point ED', 'the school counselor', 'an EAP counselor')} for {dx[1]}. "
                    f"PHQ-9 {phq}, GAD-7 {gad}. {risk}. Currently taking {med}. Prior psychiatric admission: {one(r, 'none', '2021 (Cedar Hollow inpatient)', 'twice as a teen')}."),
                  P(f"I booked {p.him()} for {fd(ap, 'wk')} at {tm(r)}. Callback number {phone(r)}; ok to leave a message that says Cedar Hollow only."),
                  P(f"Thanks,\n{me(r, 'Intake Coordinator').given}, Intake Coordinator")]
    return Doc("psych-intake", "Behavioral health intake", blocks, o, subject=one(r, "New intake", f"Intake - {p.ini()}", "intake for triage", f"New pt intake {fd(TODAY, 'md')}"))

def P_infusion_hold(r):
    o = org(r, "onc"); p = pt(r, 30, 86); dx = r.choice(DX_ONC); lab_ = r.choice(ONC_LABS); cyc = f"C{r.randint(2, 8)}D{r.choice([1, 1, 8, 15])}"; nd = ahead(r, 5, 14); md = clin(r, "MD")
    if r.random() < 0.5:
        body = [P(f"{one(r, 'Heads up', 'FYI', 'Chair schedule change')}: holding {cyc} {dx[2]} today for {pname(r, p)} ({L_mrn(r)} {mrn(r)}) - {lab_[0]} {lab_[1]} on this morning's CBC/CMP. "
                  f"{md.dr()} reviewed, plan is {one(r, 'repeat labs and treat next week', 'dose-reduce 20% and resume', 'add pegfilgrastim with next cycle', '1 unit PRBC then reassess')}."),
                P(f"Please move {p.his()} chair to {fd(nd, 'wka')} {tm(r)} and cancel today's {one(r, 'pump connect', 'pre-meds', 'pharmacy mix')}. Dx {dx[0]} ({dx[1]})."),
                P(f"{me(r, 'Infusion RN').given} RN, {one(r, 'charge', 'chair 6-12', 'triage')}")]
    else:
        body = [H("Treatment hold / reschedule"),
                KV(r, [(L_pt(r), p.lf()), (L_dob(r), dob_s(r, p)), (L_mrn(r), mrn(r)), ("Diagnosis", f"{dx[0]} - {dx[1]}"), ("Regimen / cycle", f"{dx[2]}, {cyc}"),
                       ("Reason held", f"{lab_[0]} {lab_[1]}"), ("Attending", md.drn()), ("New chair date", fd(nd, "mdy")), ("Auth #", pa_ref(r))])]
    return Doc("infusion-hold", "Infusion treatment hold", body, o, subject=one(r, f"Hold {cyc} - {p.LF()}", "tx hold today", "Chair change", f"{p.family} held today"))

def P_prenatal(r):
    o = org(r, "ob"); p = pt(r, 18, 44, "F"); dx = r.choice(DX_OB); ga_w = r.randint(12, 38); edd = TODAY + TD(weeks=40 - ga_w, days=r.randint(-3, 3)); cnm = clin(r, one(r, "CNM", "MD", "DO"))
    g = r.randint(1, 5); para = f"G{g}P{max(0, g - 1)}0{r.randint(0, 1)}{max(0, g - 1)}"
    fnd = one(r, f"1-hr GTT {r.randint(141, 199)} mg/dL - needs 3-hr", f"BP {r.randint(138, 158)}/{r.randint(88, 102)} x2, protein/cr 0.{r.randint(2, 6)}", "GBS positive - PCN at delivery",
              f"Hgb {r.choice(['8.9', '9.4', '9.8'])} - start iron", "Rh negative, antibody screen neg - RhoGAM given today", "fundal height lagging 3 cm - growth US ordered")
    if r.random() < 0.5:
        body = [P(f"MFM referral for {p.fl()}, {para} at {ga_w}w{r.randint(0, 6)}d (EDD {fd(edd, r.choice(['mdy', 'mdyy', 'long']))}), DOB {dob_s(r, p)}."),
                P(f"Reason: {dx[1]} ({dx[0]}). {fnd}. {one(r, 'Prior C/S x1.', 'Hx preterm delivery at 34 wks.', 'Hx of postpartum hemorrhage.', 'No significant hx.')}"),
                KV(r, [("Insurance", plan(r)), (L_mbr(r), memid(r)), ("Pt cell", phone(r)), ("Preferred language", one(r, "English", "Spanish", "Haitian Creole", "Vietnamese"))]),
                P(f"{me_as(cnm, 'Certified Nurse-Midwife' if cnm.cred == 'CNM' else 'OB/GYN').drn()}")]
    else:
        body = [H(f"Prenatal visit note - {fd(ago(r, 0, 3), 'mdy')}"),
                KV(r, [(L_pt(r), p.lf()), (L_dob(r), dob_s(r, p)), (L_mrn(r), mrn(r)), ("G/P", para), ("GA", f"{ga_w} wks"), ("EDD", fd(edd, "mdy")), ("Findings", fnd),
                       ("Assessment", f"{dx[0]} {dx[1]}"), ("Plan", one(r, "RTC 2 wks", "NST twice weekly from 32 wks", "diabetes education + glucometer", "MFM consult"))])]
    return Doc("prenatal", "Prenatal referral", body, o, subject=one(r, "MFM referral", f"Referral - {p.ini()} {ga_w}wk", "prenatal f/u", "OB referral"))

def P_dialysis(r):
    o = org(r, "dialysis"); p = pt(r, 35, 88); a = ahead(r, 10, 40); b = a + TD(days=r.randint(5, 21)); hbs = ago(r, 10, 60)
    dest = one(r, "Orlando, FL", "Myrtle Beach, SC", "San Juan, PR", "Phoenix, AZ", "Branson, MO")
    items = [(L_pt(r), pname(r, p)), (L_dob(r), dob_s(r, p)), ("MBI" if r.random() < 0.6 else "Medicare #", mbi(r)), ("Secondary", plan(r)), ("Dx", "N18.6 ESRD on hemodialysis (Z99.2)"),
             ("Schedule", one(r, "MWF 2nd shift", "TTS 1st shift", "MWF 1st shift")), ("Access", one(r, "L forearm AVF", "R upper arm AVG", "R IJ tunneled cath")),
             ("EDW", f"{r.randint(52, 118)}.{r.randint(0, 9)} kg"), ("HBsAg", f"negative {fd(hbs, 'mdy')}"), ("Anti-HBs", one(r, "immune (32 mIU/mL)", "non-immune", "<10 - series in progress")),
             ("Last Kt/V", f"1.{r.randint(22, 68)}"), ("Treatment dates requested", f"{fd(a, 'mdy')} - {fd(b, 'mdy')}")]
    body = [P(one(r, f"Transient treatment request for our patient traveling to {dest}.", f"Please see transient packet info below - pt visiting family in {dest}.", "Requesting chair time for a transient patient:")),
            KV(r, items), P(f"Most recent labs, H&P, standing orders and 3 run sheets to follow by fax. Call {staffer(r).given} at {o.phone} with chair availability.")]
    return Doc("dialysis-transient", "Transient dialysis request", body, o, subject=one(r, "Transient request", f"Transient tx {fd(a, 'md')}-{fd(b, 'md')}", "travel dialysis - chair request"))

def P_transplant(r):
    o = org(r, "transplant"); p = pt(r, 22, 74); tac = f"{r.randint(3, 17)}.{r.randint(0, 9)}"; cr = f"{r.randint(1, 3)}.{r.randint(0, 9)}"; txd = ago(r, 40, 900)
    if r.random() < 0.5:
        body = [P(f"Post-tx labs for {pname(r, p)} ({L_dob(r)} {dob_s(r, p)}), living-donor kidney tx {fd(txd, 'mdy')}:"),
                TBL(["Test", "Result", "Ref"], [["Tacrolimus trough", f"{tac} ng/mL", "5-10"], ["Creatinine", f"{cr} mg/dL", "0.6-1.2"], ["BK virus PCR", one(r, "not detected", "1,840 copies/mL"), "ND"], ["WBC", f"{r.randint(2, 9)}.{r.randint(0, 9)} K/uL", "4.0-11.0"]]),
                P(f"{one(r, 'Decrease', 'Increase', 'Hold AM dose of')} tacrolimus per Dr. {staffer(r).family}; repeat trough {fd(ahead(r, 3, 7), 'wka')}. Pt aware via phone - {phone(r)}."),
                P(one(r, "Z94.0 kidney transplant status; T86.11 r/o rejection - biopsy if Cr stays up.", "Z94.0 kidney transplant status.", "Continue mycophenolate 500 BID, pred 5."))]
    else:
        body = [H("Waitlist status update"),
                KV(r, [(L_pt(r), p.lf()), (L_dob(r), dob_s(r, p)), (L_mrn(r), mrn(r)), ("Organ", one(r, "kidney", "kidney/pancreas", "liver")), ("ABO", one(r, "O+", "A+", "B-", "O-")),
                       ("cPRA", f"{r.randint(0, 99)}%"), ("Listing date", fd(ago(r, 200, 1400), "mdy")), ("Status", one(r, "active", "inactive - status 7 (dental clearance)", "temporarily inactive - infection")),
                       ("Dialysis start", fd(ago(r, 400, 2500), "mdy")), ("Referring nephrologist", clin(r, "MD").drn())]),
                P("Please update your records; next re-evaluation visit is due within 12 months of listing.")]
    return Doc("transplant", "Transplant coordinator update", body, o, subject=one(r, "tac level", "Post tx labs", "Waitlist update", f"Tx pt {p.family} - labs"))

def P_hospice(r):
    o = org(r, "hospice"); p = pt(r, 62, 99); dx = r.choice([("C25.9", "pancreatic cancer, metastatic"), ("G30.9", "Alzheimer's disease, FAST 7c"), ("I50.32", "end-stage heart failure, NYHA IV"),
                                                             ("J44.1", "end-stage COPD on 4L O2"), ("C34.90", "lung cancer with brain mets")])
    fam = Person(r, 30, 70, pool=p.pool); pps = r.choice([30, 40, 40, 50]); el = ahead(r, 0, 4)
    if r.random() < 0.5:
        body = [P(f"Referral received from {one(r, 'Harbor Point MC case management', 'Dr. ' + staffer(r).family, 'Willow Bend SNF', 'family (self-referral)')} for {p.fl()}, {p.age()} y/o, DOB {dob_s(r, p)}."),
                P(f"Terminal dx: {dx[1]} ({dx[0]}). PPS {pps}%, {one(r, 'wt loss 14 lb in 2 months', 'bedbound, eating <25% of meals', 'two hospitalizations in 30 days', 'dyspnea at rest')}. "
                  f"Code status: {one(r, 'DNR/DNI, POLST on file', 'DNR', 'full code - family meeting pending')}."),
                KV(r, [("Address", ", ".join(addr(r))), ("Primary contact", f"{fam.short()} ({one(r, 'daughter', 'son', 'spouse', 'niece')}) {phone(r)}"), ("Medicare", mbi(r)), ("Planned election date", fd(el, "mdy"))]),
                P("Admission RN visit tomorrow AM; please send CTI signature to attending.")]
    else:
        body = [H("Certification of terminal illness - signature needed"),
                KV(r, [("Patient", p.LF()), (L_dob(r), dob_s(r, p)), ("Hospice MR#", mrn(r)), ("Benefit period", f"{one(r, '1', '2', '3')} ({fd(el, 'mdy')} - {fd(el + TD(days=89), 'mdy')})"),
                       ("Terminal diagnosis", f"{dx[0]} {dx[1]}"), ("Related conditions", one(r, "E11.9, I10", "N18.4", "F03.90", "I48.91")), ("Narrative", f"PPS {pps}%, decline documented by IDG {fd(ago(r, 1, 6), 'mdy')}")]),
                P("Please sign and return by fax; verbal CTI taken by the admitting RN.")]
    return Doc("hospice-referral", "Hospice referral", body, o, subject=one(r, "New hospice referral", "CTI needed", "Hospice admit tomorrow"))

def P_peds(r):
    o = org(r, "peds"); kid = pt(r, 1, 17); par = Person(r, 22, 50, pool=kid.pool); par.family = kid.family
    kind = r.randrange(3)
    if kind == 0:
        body = [P(f"{par.fl()} called re: {kid.given} ({one(r, 'DOB', 'dob', 'born')} {dob_s(r, kid)}) - school needs the ADHD medication form. Current: methylphenidate ER {r.choice([18, 27, 36])} mg qAM, dx F90.2."),
                P(f"Last med check {fd(ago(r, 30, 150), 'mdy')}; wt {r.randint(20, 60)} kg, BP normal. Ok to sign? Parent cell {phone(r)}."),
                P(f"{me(r, 'Triage RN').given}, triage RN")]
    elif kind == 1:
        lv = r.choice([5, 6, 8, 11]); body = [H("Abnormal screening result"),
                KV(r, [(L_pt(r), kid.lf()), (L_dob(r), dob_s(r, kid)), ("Parent/guardian", par.short()), ("Test", "blood lead, venous"), ("Result", f"{lv} ug/dL (ref <3.5)"),
                       ("Collected", fd(ago(r, 2, 10), "mdy")), ("Plan", "repeat venous in 3 months, home lead assessment referral, iron-rich diet handout")]),
                P("Reported to the county lead program per state rule. Please call family to schedule the repeat.")]
    else:
        v = one(r, "DTaP-IPV (Kinrix)", "MMR #2", "Tdap", "HPV #1", "MenACWY")
        body = [P(f"Immunization record request for {kid.FL()}, DOB {dob_s(r, kid)}. Family transferring from {one(r, 'Orlando', 'Ponce, PR', 'Atlanta')} - missing {v}; also {one(r, 'asthma (J45.909) on albuterol PRN', 'peanut allergy, EpiPen Jr', 'seen in ED 11/2 for febrile seizure', 'no chronic conditions')}."),
                KV(r, [("Mother", par.short()), ("Phone", phone(r)), ("Insurance", plan(r)), (L_mbr(r), memid(r))]),
                P("Please fax the shot record and last well-child note.")]
    return Doc("peds", "Pediatric clinic message", body, o, subject=one(r, "School med form", "Lead result", "Shot record request", "peds triage"))

def P_occhealth(r):
    o = org(r, "occ"); p = pt(r, 19, 66); dx = r.choice(DX_WC); doi = ago(r, 2, 40); emp = one(r, "Granite Ridge Logistics", "Sunbelt Poultry Processing", "Keystone Roofing LLC", "City of Gastonia Public Works", "Meridian Distribution Ctr #4")
    wc = wcclaim(r); rtn = ahead(r, 3, 21); lim = one(r, "no lifting >15 lb, no ladders", "seated work only", "no use of left hand", "off work", "full duty")
    if r.random() < 0.55:
        body = [H("Work Status Report"),
                KV(r, [("Employee", p.lf()), (L_dob(r), dob_s(r, p)), ("Employer", emp), ("Claim #", wc), ("Date of injury", fd(doi, "mdy")), ("Diagnosis", f"{dx[0]} {dx[1]}"),
                       ("Work status", lim), ("Restrictions through", fd(rtn, "mdy")), ("Next visit", fd(ahead(r, 5, 14), "mdy")), ("Provider", clin(r, one(r, "MD", "DO", "PA-C")).drn())]),
                P("Adjuster copied. Please contact us with any questions about restrictions.")]
    else:
        body = [P(f"Hi {staffer(r).given} - update on your employee {p.short()} (claim {wc}): seen today for {dx[1]} from the {fd(doi, 'md')} incident. "
                  f"{one(r, 'X-ray negative.', 'MRI ordered.', 'Sutured, recheck in 10 days.', 'PT 2x/wk for 4 wks.')} Work status: {lim} until {fd(rtn, 'mdy')}."),
                P(f"{p.he().capitalize()} is on {one(r, 'naproxen 500 mg BID', 'cyclobenzaprine 5 mg qhs', 'no meds', 'ibuprofen PRN')}. Drug screen (post-accident, DOT) {one(r, 'negative', 'pending MRO review')}."),
                P(f"{me(r, 'Case Manager').short()}, Case Manager")]
    return Doc("occ-health-wc", "Work status report", body, o, subject=one(r, "Work status", f"WC claim {wc}", "restrictions update", "Return to work note"))

def P_ems(r):
    o = org(r, "ems"); p = pt(r, 20, 95); dos = ago(r, 8, 70); miles = f"{r.randint(2, 38)}.{r.randint(0, 9)}"; lev = r.choice([("A0427", "ALS1 emergency"), ("A0429", "BLS emergency"), ("A0428", "BLS non-emergency")])
    cc = one(r, "chest pain, diaphoretic", "fall at home, hip pain", "altered mental status, BG 42", "SOB, COPD exacerbation", "dialysis transport (non-emergent)", "seizure")
    st, cty = addr(r)
    if r.random() < 0.5:
        body = [P(f"Need the face sheet and signed PCS for the trip below - Medicare denied {one(r, 'CO-16 (missing info)', 'CO-50 (medical necessity)', 'CO-96')}."),
                KV(r, [("Trip #", tripno(r)), ("DOS", fd(dos, "mdy")), (L_pt(r), p.LF()), (L_dob(r), dob_s(r, p)), ("MBI", mbi(r)), ("Pickup", f"{st}, {cty}"), ("Destination", one(r, "Pine Ridge Regional ED", "Harbor Point MC", "Lakeshore Dialysis Unit 4")),
                       ("Chief complaint", cc), ("Level / loaded miles", f"{lev[0]} {lev[1]} / A0425 x {miles}"), ("Billed", f"${r.randint(650, 2400)}.00")])]
    else:
        body = [P(f"{p.lf()} called disputing the ambulance bill for {fd(dos, 'long')} ({lev[1]}, {cc}). {p.he().capitalize()} says {p.his()} {one(r, 'Medicaid', 'Humana MA', 'secondary')} should have paid; balance ${r.randint(180, 1300)}.{r.randint(10, 99)}."),
                P(f"Acct {acct(r)}, DOB {dob_s(r, p)}, address on file {st}, {cty}. Can you pull the run report and re-bill? Call back at {phone(r)}."), P(f"{me(r, 'Patient Accounts').given} - patient accounts")]
    return Doc("ems-billing", "Ambulance billing follow-up", body, o, subject=one(r, "PCS needed", "Trip denial", "billing dispute - ambulance", "face sheet request"))

def P_pbm(r):
    o = org(r, "pbm"); p = pt(r, 18, 80); drug = r.choice(SPEC_DRUGS); prs = clin(r, one(r, "MD", "DO", "NP")); dec = r.random() < 0.55; d0 = ago(r, 1, 6)
    body = [H("Coverage Determination - " + ("DENIED" if dec else "APPROVED")),
            KV(r, [("Member", p.FL() if r.random() < 0.5 else p.fl()), (L_mbr(r), memid(r)), (L_dob(r), dob_s(r, p)), ("Plan", plan(r)), ("Drug requested", drug[0]), ("Dx submitted", drug[1]),
                   ("Prescriber", f"{prs.drn()}, NPI {npi(r)}"), ("Case #", pa_ref(r)), ("Received", fd(d0, "mdy")), ("Decision", fd(d0 + TD(days=r.randint(0, 2)), "mdy"))]),
            P(f"Reason: step therapy requirement not met - documentation shows no trial of {drug[2]}. The prescriber may submit a redetermination within 60 days." if dec else
              f"Approved through {fd(ahead(r, 170, 365), 'mdy')}, quantity limit applies. Dispense via specialty pharmacy.")]
    return Doc("pbm-pa", "Prior authorization determination", body, o, subject=one(r, "PA determination", "Coverage determination", "Prior auth decision"))

def P_dme(r):
    o = org(r, "dme"); p = pt(r, 30, 88); k = r.randrange(3)
    if k == 0:
        pct = r.randint(48, 96); body = [P(f"CPAP compliance download for {pname(r, p)}, DOB {dob_s(r, p)} (E0601, setup {fd(ago(r, 35, 80), 'mdy')}):"),
                TBL(["Metric", "Value"], [["Days used >= 4 h", f"{pct}%"], ["Avg use", f"{r.randint(3, 8)}h {r.randint(0, 59)}m"], ["Residual AHI", f"{r.randint(1, 9)}.{r.randint(0, 9)}"], ["Leak 95th %", f"{r.randint(8, 40)} L/min"]]),
                P("Medicare requires the 31-90 day face-to-face re-evaluation documenting benefit - " + ("please schedule; compliance met." if pct >= 70 else "compliance NOT met, equipment will be picked up unless retrial."))]
    elif k == 1:
        sp = r.randint(84, 88); body = [H("Oxygen qualification - CMN needed"),
                KV(r, [("Patient", p.lf()), (L_dob(r), dob_s(r, p)), ("Medicare ID", mbi(r)), ("Qualifying test", f"SpO2 {sp}% on room air at rest, {fd(ago(r, 1, 20), 'mdy')}"), ("Dx", "J44.1 COPD; J96.11 chronic resp failure w/ hypoxia"),
                       ("Equipment", "E1390 concentrator + E0431 portable"), ("Flow", f"{r.randint(1, 4)} LPM continuous"), ("Ordering", clin(r, "MD").drn())])]
    else:
        body = [P(f"Order received for {p.short()} - {one(r, 'K0001 standard wheelchair', 'E0260 semi-electric hospital bed', 'E0143 walker w/ wheels', 'E0470 BiPAP')}. Delivery to {', '.join(addr(r))} on {fd(ahead(r, 1, 7), 'wka')}."),
                P(f"Insurance: {plan(r)} {memid(r)}; DOB {dob_s(r, p)}. Dx on order {r.choice(DX_GEN)[0]}. Need the signed detailed written order before delivery - please fax to {o.fax}.")]
    return Doc("dme-order", "DME order / compliance", body, o, subject=one(r, "CPAP compliance", "CMN needed", "DME order", "Delivery scheduling"))

def P_telehealth(r):
    o = org(r, "tele"); p = pt(r, 18, 80); c = clin(r, one(r, "MD", "NP", "PA-C")); k = r.random()
    rsn = r.choice([("N39.0", "UTI symptoms", "nitrofurantoin 100 mg BID x 5 days"), ("J02.0", "strep pharyngitis (rapid test at home kit +)", "amoxicillin 500 mg BID x 10 days"),
                    ("E11.9", "diabetes follow-up, A1c 8.4", "increase metformin to 1000 mg BID"), ("F41.1", "anxiety follow-up", "continue buspirone 10 mg TID"), ("I10", "BP check, home readings 150s/90s", "start amlodipine 5 mg")])
    if k < 0.5:
        body = [H("Virtual visit summary"),
                KV(r, [(L_pt(r), p.fl()), (L_dob(r), dob_s(r, p)), ("Visit", f"{fd(ago(r, 0, 2), 'mdy')} video, {c.drn()}"), ("Reason", rsn[1]), ("Assessment", rsn[0]), ("Plan", rsn[2]),
                       ("Pharmacy", one(r, "CVS #4417", "Walgreens #10293", "Publix Pharmacy #0712")), ("Location during visit", addr(r)[1])]),
                P("Sent to PCP of record for continuity of care.")]
    else:
        body = [P(f"Hi {p.given},"), P(f"This is a reminder of your video visit with {c.drn()} on {fd(ahead(r, 1, 9), 'wk')} at {tm(r)} for your {rsn[1].split(',')[0].lower()}."),
                P("Join 10 minutes early from the NowCare app. Have your medication list and blood sugar / BP log ready."), P("NowCare Virtual Health")]
    return Doc("telehealth", "Telehealth visit", body, o, subject=one(r, "Visit summary", "Your video visit", "Virtual visit - continuity of care"), to_patient=p if k >= 0.5 else None)

def P_interpreter(r):
    o = org(r, "hospital"); pl = r.choice(list(LANG)); p = pt(r, 20, 90, pool=pl); lang = LANG[pl] if r.random() < 0.9 else "ASL"
    ap = ahead(r, 1, 15); svc = one(r, "Oncology consult - new breast ca dx, treatment discussion", "Pre-op visit, L knee replacement", "OB ultrasound + results", "Psychiatry med management",
                                        "Hospice goals-of-care family meeting", "Genetic counseling, BRCA results", "Dialysis access planning")
    body = [H("Interpreter request"),
            KV(r, [(L_pt(r), pname(r, p)), (L_mrn(r), mrn(r)), (L_dob(r), dob_s(r, p)), ("Language", lang), ("Date / time", f"{fd(ap, 'mdy')} {tm(r)}"), ("Location", one(r, "Cancer Ctr 2nd fl", "Pre-Admission Testing", "Women's Imaging", "Behavioral Health OP", "Family conf room 5W")),
                   ("Appointment", svc), ("Modality", one(r, "in person required", "VRI ok", "phone ok")), ("Notes", one(r, "pt is hard of hearing - sit on R side", "son usually interprets - please do not use family", "same interpreter as last visit if possible", ""))])]
    return Doc("interpreter-request", "Interpreter request", body, o, subject=one(r, "Interpreter request", f"{lang} interpreter {fd(ap, 'md')}", "Interp needed"))

def P_amendment(r):
    o = org(r, "hospital"); p = pt(r, 20, 80); vd = ago(r, 60, 500); due = TODAY + TD(days=60)
    ent = one(r, "alcohol abuse (F10.10) on the problem list", "a note stating the patient was 'non-compliant with insulin'", "smoking status 'current every day smoker'", "HIV risk counseling documented at the 3/4 visit",
              "the psychiatric history section listing 'bipolar disorder'", "weight recorded as 412 lb")
    body = [P(f"We received a written request to amend the record of {p.fl()} ({L_mrn(r)} {mrn(r)}, {one(r, 'DOB ' + dob_s(r, p), fd(p.dob, 'born'))})."),
            P(f"The patient disputes {ent} from the {one(r, 'ED', 'clinic', 'inpatient')} encounter on {fd(vd, 'mdy')} and asks that it be removed or corrected. {p.he().capitalize()} states {one(r, 'it was entered for the wrong patient', 'the statement is inaccurate', 'it is harming an insurance application', 'it was never discussed')}."),
            P(f"Per policy HIM-207 the authoring provider, {clin(r, one(r, 'MD', 'DO', 'NP')).drn()}, must respond by {fd(due - TD(days=14), 'long')} so we can meet the 60-day deadline ({fd(due, 'mdy')})."),
            P(f"{me(r, 'HIM Specialist').drn()}\nHIM Release & Amendments")]
    return Doc("records-amendment", "Amendment request", body, o, subject=one(r, "Amendment request - response needed", "HIPAA amendment request", "Record amendment"))

def P_correctional(r):
    o = org(r, "corr"); p = pt(r, 18, 70); td_ = ahead(r, 1, 6); meds = r.sample(["buprenorphine 8 mg SL daily (taper)", "insulin glargine 22 units qhs", "lisinopril 20 mg daily", "sertraline 50 mg daily",
                                                                                 "levetiracetam 500 mg BID", "methadone 60 mg (verified with OTP)", "HIV ART - Biktarvy daily", "albuterol MDI PRN"], 3)
    body = [H("Medical transfer summary"),
            KV(r, [("Inmate", p.LF()), ("Booking #", booking(r)), (L_dob(r), dob_s(r, p)), *([("SSN", ssn(r))] if r.random() < 0.7 else [("SSN (last 4)", "xxx-xx-" + dg(r, 4))]), ("Transfer date", fd(td_, "mdy")),
                   ("Receiving", one(r, "State DOC - Intake & Reception Center", "Coconino County jail", "Federal holding (USMS)")), ("Active problems", "; ".join(x[1] for x in r.sample(DX_GEN, 2))),
                   ("Current meds", "; ".join(meds)), ("TB screen", f"QuantiFERON {one(r, 'negative', 'positive - CXR clear, LTBI tx not started')} {fd(ago(r, 5, 60), 'mdy')}"),
                   ("Allergies", one(r, "NKDA", "PCN (rash)", "sulfa"))]),
            P("Sealed paper chart travels with the officer. Call medical unit 24/7 with questions.")]
    return Doc("correctional-health", "Transfer medical summary", body, o, subject=one(r, "Transfer summary", "Med transfer", "Inmate transfer - medical"))

def P_snf(r):
    o = org(r, "snf"); p = pt(r, 65, 97); h = org(r, "hospital"); adm = ahead(r, 0, 3)
    dx = r.choice([("S72.001A", "R femoral neck fx s/p hemiarthroplasty"), ("I63.9", "acute CVA, L hemiparesis"), ("J44.1", "COPD exacerbation, deconditioning"), ("I50.32", "CHF exacerbation")])
    if r.random() < 0.5:
        body = [P(f"We can accept {p.fl()} from {h.short} on {fd(adm, 'wk')}. Bed {r.randint(101, 240)}{one(r, 'A', 'B')}, {one(r, 'rehab hall', 'long-term hall', 'secure unit')}."),
                KV(r, [(L_dob(r), dob_s(r, p)), ("Medicare", mbi(r)), ("Secondary", plan(r)), ("Qualifying stay", f"{fd(adm - TD(days=r.randint(3, 7)), 'mdy')} - {fd(adm, 'mdy')}"), ("Dx", f"{dx[0]} {dx[1]}"),
                       ("Skin", one(r, "stage 2 sacrum (L89.152)", "intact", "DTI R heel")), ("Code", one(r, "Full", "DNR", "DNR/DNI")), ("Therapy", "PT/OT 5x/wk")]),
                P("Please send the final discharge summary, MAR and last 24h of labs before transport.")]
    else:
        body = [P(f"Care conference for {p.hon()} ({p.short()}, room {r.randint(101, 240)}) on {fd(ahead(r, 2, 8), 'wka')} {tm(r)}."),
                P(f"Day {r.randint(8, 40)} of Medicare A. Progress: ambulating {r.randint(20, 180)} ft with RW, {one(r, 'min assist', 'CGA', 'mod assist')} transfers. MDS ARD {fd(ahead(r, 1, 5), 'mdy')}. "
                  f"Issue: {one(r, 'weight down 6 lb in 2 wks - dietitian consult', 'new fall 12/12, no injury', 'UTI (N39.0) on cefdinir', 'family requesting hospice eval')}."),
                P(f"Daughter {Person(r, 35, 65).given} aware. {me(r, 'MDS Coordinator').given}, MDS coordinator")]
    return Doc("snf-admission", "SNF admission / care conference", body, o, subject=one(r, "Bed offer", "SNF acceptance", "Care conference", "Admission from " + h.short))

def P_reportable(r):
    o = org(r, "hospital"); dz = r.choice(DX_REPORT); child = dz[0] in ("A37.00", "B05.9"); p = pt(r, 1, 14) if child else pt(r, 18, 80); st, cty = addr(r); onset = ago(r, 3, 14)
    items = [("Condition", f"{dz[1]} ({dz[0]})"), ("Lab", f"{dz[2]}, collected {fd(ago(r, 1, 4), 'mdy')}"), ("Patient", p.lf()), (L_dob(r), dob_s(r, p)), ("Sex", p.sex), ("Address", f"{st}, {cty}"),
             ("Phone", phone(r)), ("Onset", fd(onset, "mdy")), ("Hospitalized", one(r, "yes", "no")), ("Reporter", f"{staffer(r).drn()}, Infection Prevention, {o.phone}")]
    if child: items.insert(6, ("Parent/guardian", Person(r, 25, 50, pool=p.pool).short())); items.append(("School / daycare", one(r, "Lincoln Elementary", "Sunshine Kids Daycare", "Westside Middle")))
    body = [P(one(r, "Reportable disease notification per state code - case below.", "Submitting the following case report; CMR also entered in the state portal.", "Please see case report below.")),
            KV(r, items)]
    return Doc("reportable-disease", "Reportable disease notification", body, o, subject=one(r, "Reportable condition", "Case report", "CMR - " + dz[1]))

def P_sleep(r):
    o = org(r, "sleep"); p = pt(r, 25, 80); ahi = round(r.uniform(5, 68), 1); nad = r.randint(72, 89); sev = "mild" if ahi < 15 else "moderate" if ahi < 30 else "severe"
    ref = clin(r, one(r, "MD", "DO", "NP"))
    body = [H(one(r, "Polysomnography report", "Home sleep apnea test (HSAT) result", "Sleep study interpretation")),
            KV(r, [(L_pt(r), p.fl()), (L_dob(r), dob_s(r, p)), (L_mrn(r), mrn(r)), ("Study date", fd(ago(r, 3, 20), "mdy")), ("Referring", ref.drn()), ("CPT", one(r, "95810", "95806", "95811")),
                   ("AHI", f"{ahi}/h"), ("O2 nadir", f"{nad}%"), ("BMI", f"{r.randint(24, 48)}.{r.randint(0, 9)}")]),
            P(f"Impression: {sev} obstructive sleep apnea (G47.33). Recommend {one(r, 'auto-PAP 5-15 cm H2O', 'CPAP titration study', 'oral appliance referral', 'positional therapy and weight loss')}. "
              f"Drowsy-driving counseling given ({one(r, 'CDL holder', 'night-shift nurse', 'school bus driver', 'retired')}).")]
    return Doc("sleep-study", "Sleep study report", body, o, subject=one(r, "Sleep study results", "PSG report", "HSAT result"))

def P_audiology(r):
    o = org(r, "audio"); k = r.random()
    if k < 0.35:
        baby = pt(r, 0, 0); mom = pt(r, 18, 42, "F"); baby.family = mom.family; nm = f"Baby {one(r, 'Boy', 'Girl')} {mom.family}"
        body = [P(f"Newborn hearing screen REFER - {nm}, DOB {fd(baby.dob, r.choice(['mdy', 'iso', 'mdyy']))}, {L_mrn(r)} {mrn(r)}; mother {mom.fl()}, {phone(r)}."),
                P(f"AABR: {one(r, 'refer R ear, pass L', 'refer both ears', 'refer L ear, pass R')}. Rescreen scheduled {fd(ahead(r, 5, 14), 'mdy')}; diagnostic ABR by 3 months if refer again. NICU stay {r.randint(0, 21)} days.")]
    else:
        p = pt(r, 20, 92); wr = r.randint(52, 96)
        body = [H("Audiology report"),
                KV(r, [(L_pt(r), pname(r, p)), (L_dob(r), dob_s(r, p)), ("Test date", fd(ago(r, 0, 10), "mdy")), ("CPT", "92557, 92567"),
                       ("Results", f"{one(r, 'moderate', 'moderately-severe', 'mild sloping to severe')} sensorineural hearing loss bilaterally, WRS {wr}% R / {wr - r.randint(0, 12)}% L"),
                       ("Dx", "H90.3 sensorineural hearing loss, bilateral"), ("Recommendation", one(r, "binaural BTE hearing aids (V5261)", "ENT referral for asymmetry - MRI IAC", "annual re-test", "cochlear implant candidacy eval"))]),
                P(f"Copy to PCP {clin(r, 'MD').drn()}.")]
    return Doc("audiology", "Audiology report", body, o, subject=one(r, "Audiology results", "NBHS refer", "Hearing test report"))

def P_genetics(r):
    o = org(r, "genetics"); p = pt(r, 22, 75); g = r.choice([("BRCA2", "c.5946delT (p.Ser1982Argfs*22)", "pathogenic"), ("BRCA1", "c.68_69delAG (p.Glu23Valfs*17)", "pathogenic"),
                                                            ("MLH1", "c.1852_1854delAAG", "likely pathogenic"), ("CHEK2", "c.1100delC", "pathogenic"), ("PALB2", "c.3113G>A", "variant of uncertain significance")])
    rel = Person(r, 18, 70, pool=p.pool); rel.family = p.family
    body = [P(f"Result disclosure completed {fd(ago(r, 0, 5), 'mdy')} with {p.fl()} ({one(r, 'DOB ' + dob_s(r, p), fd(p.dob, 'born'))}, {L_mrn(r)} {mrn(r)})."),
            KV(r, [("Gene", g[0]), ("Variant", g[1]), ("Classification", g[2]), ("Lab", one(r, "Invitae", "Ambry", "GeneDx")), ("Indication", one(r, "personal hx breast ca dx age 41 (C50.912)", "mother with ovarian ca, Z80.41", "colon ca at 38 (C18.7)", "family hx, Z80.3"))]),
            P(f"Discussed cascade testing - family letter given for {one(r, 'sister', 'brother', 'daughter')} {rel.short()}. {'VUS - no change to management; reclassification letters will follow.' if g[2].startswith('variant') else one(r, 'Referred to high-risk clinic.', 'Colonoscopy q1-2y recommended.' if g[0] == 'MLH1' else 'Enhanced screening plan sent to PCP.')}"),
            P(f"{me(r, 'Genetic Counselor').short()}, MS, CGC")]
    return Doc("genetic-counseling", "Genetic counseling note", body, o, subject=one(r, "Genetic test result", "GC note", "Results disclosure"))

def P_spanish(r):
    k = r.randrange(4); p = pt(r, 18, 85, "F" if k in (0, 3) else None, pool=r.choice(["pr", "pr", "pr", "ph"]))
    if k == 0:
        o = org(r, "ob"); ga = r.randint(10, 36)
        body = [P(f"Estimada {p.given}:"), P(f"Le escribimos de {o.name} sobre su embarazo ({ga} semanas). Su prueba de glucosa de 1 hora salió en {r.randint(141, 190)} mg/dL y necesita la prueba de 3 horas."),
                KV(r, [("Paciente", p.fl()), ("Fecha de nacimiento", fd(p.dob, r.choice(["es", "es_num", "mdy"]))), ("No. de expediente", mrn(r)), ("Fecha de la cita", fd(ahead(r, 2, 10), "es")), ("Hora", tm(r))]),
                P("Venga en ayunas (sin comer desde la medianoche). Si tiene preguntas llame al " + o.phone + "."), P("Atentamente,\nClínica Prenatal")]
        cat_to = p
    elif k == 1:
        o = org(r, "dialysis")
        body = [H("Resumen de tratamiento - diálisis"),
                KV(r, [("Paciente", p.LF()), ("Fecha de nacimiento", fd(p.dob, r.choice(["es_num", "es", "iso"]))), ("Número de afiliado", memid(r)), ("Diagnóstico", "N18.6 enfermedad renal terminal"),
                       ("Peso seco", f"{r.randint(50, 110)} kg"), ("Acceso", one(r, "fístula brazo izquierdo", "catéter yugular derecho")), ("Horario", one(r, "lunes, miércoles y viernes", "martes, jueves y sábado"))]),
                P("Favor de confirmar la fecha de inicio del tratamiento transitorio.")]
        cat_to = None
    elif k == 2:
        o = org(r, "bh"); c = clin(r, "MD")
        body = [P(f"Buenos días, le confirmo la cita de {p.fl()} (fecha de nacimiento {fd(p.dob, 'es_num')}) con {c.drn()} el {fd(ahead(r, 3, 14), 'es')} a las {tm(r)}."),
                P(f"Motivo: seguimiento de {one(r, 'depresión mayor (F33.2)', 'trastorno de ansiedad (F41.1)', 'trastorno bipolar (F31.81)')}. Medicamento actual: {r.choice(BH_MEDS)}. Se necesita intérprete: no."),
                P(f"Número de afiliado: {memid(r)}. Gracias, {me(r, 'Intake Coordinator').given}")]
        cat_to = None
    else:
        o = org(r, "peds"); kid = pt(r, 1, 12, pool=p.pool); kid.family = p.family
        body = [P(f"Sra. {p.family}: los resultados de {kid.given} {kid.family} ({'nacida' if kid.sex == 'F' else 'nacido'} el {fd(kid.dob, 'es')}) están listos."),
                P(f"Hemoglobina {r.randint(8, 10)}.{r.randint(0, 9)} g/dL (baja). El doctor recomienda hierro {one(r, '3 mg/kg al día', '1 ml al día')} y repetir el análisis en 4 semanas."),
                P("Llame para una cita: " + o.phone)]
        cat_to = p
    return Doc("spanish-phi", "Mensaje clínico", body, o, subject=one(r, "Resultados", "Confirmación de cita", "Información de su tratamiento", "Aviso de la clínica"), to_patient=cat_to)

def P_nolabel(r):
    p = pt(r, 18, 90); q = Person(r, 20, 60)
    lines = [("hospital", f"Just got off the phone with {p.fl()}'s daughter - {p.his()} potassium was {r.randint(60, 68) / 10} this morning so we're holding the lisinopril and sending {p.him()} to the ED."),
             ("publichealth", f"{p.given} {p.family} came back positive for pertussis, we're calling the close contacts at {p.his()} work today."),
             ("onc", f"FYI {p.short()} is restarting FOLFOX next Tuesday after the neuropathy break; please put {p.him()} back on chair 9."),
             ("bh", f"{p.hon()} from the 2 pm group relapsed over the weekend (drank after 90 days sober). {p.he().capitalize()} agreed to go back to IOP."),
             ("dme", f"Can someone call {p.fl()} back - {p.his()} CPAP mask is leaking and {p.he()} hasn't used it in 5 nights. Cell {phone(r)}."),
             ("hospital", f"{p.short()} ({p.age()}) in bed 14 failed the swallow eval, NPO until speech re-evals tomorrow."),
             ("genetics", f"{p.FL()} - BRCA1 came back positive. {p.he().capitalize()} wants to tell {p.his()} sister before we send the family letter."),
             ("hospice", f"Spoke with {q.given} at Willow Bend: {p.fl()} fell again last night, no head strike, family aware."),
             ("dialysis", f"{p.short()} missed dialysis Friday and Monday; K was {r.randint(62, 71) / 10} at the ED. Social work is looking into transport."),
             ("transplant", f"{p.given} {p.family}'s biopsy showed acute cellular rejection, 1A. Admitting for steroid pulse."),
             ("sleep", f"{p.fl()} fell asleep driving to the study tonight (per {p.his()} wife) - pls make sure Dr. reads it first thing.")]
    kind, line = r.choice(lines); o = org(r, kind)
    body = [P(one(r, "Hi all,", "Team -", f"{q.given},", "")), P(line), P(one(r, "Thanks", "-" + me(r).given, "Will update after rounds.", ""))]
    body = [b for b in body if b[1]]
    return Doc("nolabel-phi", "Update", body, o, subject=one(r, "quick update", "FYI", "pt update", "heads up", "re: this morning"))

def P_result_letter(r):
    k = r.randrange(3); p = pt(r, 18, 85); st, cty = addr(r)
    if k == 0:
        o = org(r, "sleep"); ahi = round(r.uniform(15, 60), 1)
        txt = f"Your home sleep test on {fd(ago(r, 5, 20), 'long')} showed {'moderate' if ahi < 30 else 'severe'} obstructive sleep apnea (AHI {ahi} events per hour). We recommend treatment with CPAP; Summit Home Medical Supply will call you to set up the machine."
    elif k == 1:
        o = org(r, "audio")
        txt = f"Your hearing test on {fd(ago(r, 2, 14), 'long')} shows a moderate hearing loss in both ears. Hearing aids are recommended; your plan ({plan(r)}) covers part of the cost."
    else:
        o = org(r, "genetics")
        txt = f"Your genetic test did not find any disease-causing changes in the {one(r, '47', '84', '30')} genes tested for hereditary cancer. Because of your family history, we still recommend earlier and more frequent cancer screening; your doctor will go over a schedule with you."
    body = [P(f"{fd(TODAY, 'long')}"), P(f"{p.fl()}\n{st}\n{cty}"), P(f"{L_dob(r)}: {dob_s(r, p)}    {L_mrn(r)}: {mrn(r)}"), P(f"Dear {p.hon()},"), P(txt),
            P(f"If you have questions please call {o.phone}."), P(f"Sincerely,\n{clin(r, one(r, 'MD', 'AuD', 'MS, CGC')).drn()}\n{o.name}")]
    return Doc("result-letter", "Result letter", body, o, subject=one(r, "Your test results", "Results letter", "Letter to patient"), to_patient=p)

def P_refill(r):
    o = org(r, one(r, "pbm", "bh", "tele", "peds")); p = pt(r, 18, 85)
    drug = one(r, "lithium carbonate ER 450 mg", "quetiapine 100 mg", "levothyroxine 88 mcg", "insulin lispro KwikPen", "buprenorphine/naloxone 8/2 mg film", "atomoxetine 40 mg", "tacrolimus 1 mg caps")
    body = [H(one(r, "Refill request", "Rx renewal request", "90-day mail-order renewal")),
            KV(r, [(L_pt(r), pname(r, p)), (L_dob(r), dob_s(r, p)), (L_mbr(r) if o.kind == "pbm" else L_mrn(r), memid(r) if o.kind == "pbm" else mrn(r)), ("Medication", drug),
                   ("Sig", one(r, "1 tab PO BID", "1 cap PO qhs", "per sliding scale", "1 film SL daily")), ("Last fill", fd(ago(r, 20, 40), "mdy")), ("Qty / refills left", f"{one(r, '30', '60', '90')} / 0"),
                   ("Notes", one(r, "last lithium level 0.7 on 11/30", "needs A1c before next renewal", "PDMP checked", "prior auth on file through 6/2027", ""))]),
            P("Please send new Rx electronically or call back.")]
    return Doc("refill-request", "Refill request", body, o, subject=one(r, "Refill request", "Rx renewal", "refill"))

def P_reminder(r):
    k = r.randrange(4); p = pt(r, 18, 88, "F" if k == 3 else None); d = ahead(r, 1, 10)
    o, what, prep = [(org(r, "onc"), "infusion (cycle " + str(r.randint(2, 6)) + ")", "Labs will be drawn 1 hour before; bring your anti-nausea medicine list."),
                     (org(r, "sleep"), "overnight sleep study", "Arrive 8:30 PM; no caffeine after noon; bring your CPAP mask if you have one."),
                     (org(r, "audio"), "hearing aid fitting", "Bring your current hearing aids and a family member if possible."),
                     (org(r, "ob"), "anatomy ultrasound (20 weeks)", "Drink 24 oz of water one hour before.")][k]
    body = [P(f"Dear {one(r, p.given, p.hon(), p.fl())},"), P(f"This is a reminder of your {what} on {fd(d, 'wk')} at {tm(r)} at {o.name}, {o.addr1()}."), P(prep),
            P(f"To cancel or reschedule call {o.phone}. {L_mrn(r)}: {mrn(r)}")]
    return Doc("appointment-reminder", "Appointment reminder", body, o, subject=one(r, "Appointment reminder", "Your upcoming appointment", "Reminder: " + fd(d, "wka")), to_patient=p)

def P_eligibility(r):
    o = org(r, one(r, "snf", "hospice", "dme", "sleep", "audio", "occ")); p = pt(r, 20, 90)
    body = [P(one(r, "Can you run eligibility on this one? Portal is down.", "Need benefits verified before tomorrow's visit:", "Coverage check please -")),
            KV(r, [(L_pt(r), p.lf()), (L_dob(r), dob_s(r, p)), ("Payer", plan(r)), (L_mbr(r), memid(r)), ("Service", {"sleep": "PSG 95810", "audio": "hearing aids V5261", "snf": "SNF admit from acute", "hospice": "hospice election", "dme": "CPAP E0601", "occ": "DOT physical + drug screen"}[o.kind]),
                   ("DOS", fd(ahead(r, 0, 5), "mdy")), ("Dx", r.choice(DX_GEN)[0])]),
            P(f"{me(r, 'Front Desk').given} - front desk")]
    return Doc("eligibility-check", "Eligibility check", body, o, subject=one(r, "Elig check", "benefits verification", "eligibility"))

def P_care_coord(r):
    o = org(r, one(r, "hospital", "hospice", "transplant", "snf", "bh")); p = pt(r, 30, 92); cm = clin(r, one(r, "RN", "MSW, LCSW", "RN, BSN"))
    body = [H(f"Care coordination note - {fd(ago(r, 0, 2), 'mdy')}"),
            P(f"Pt: {p.fl()}  {L_dob(r)} {dob_s(r, p)}  {L_acct(r)} {acct(r)}"),
            P(f"Met with pt and {one(r, 'wife', 'son', 'daughter', 'case worker')} re: discharge. {one(r, 'Lives alone, 2nd floor walk-up.', 'Homeless shelter - respite bed requested.', 'Wife is caregiver, has own health issues.', 'Needs transport to dialysis MWF.')} "
              f"Dx: {', '.join(x[1] for x in r.sample(DX_GEN, 2))}. Meds reconciled; {one(r, 'new insulin teaching done', 'naloxone kit given', 'pill organizer set up', 'O2 ordered 2 LPM')}."),
            P(f"Plan: {one(r, 'SNF - Willow Bend accepted', 'home with home health (PT/RN)', 'hospice eval tomorrow', 'IOP referral, first group Monday')}. {me_as(cm, 'Case Manager').drn()}")]
    return Doc("care-coordination", "Care coordination note", body, o, subject=one(r, "CM note", "Discharge planning", "care coordination"))

# ================================================================== PHI interchange (HL7 v2, X12, FHIR, claim forms, NCPDP)
def hts(r, d=None): d = d or ago(r, 0, 3); return f"{d:%Y%m%d}{r.randint(6, 21):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}"
def hl7_addr(r): st, cty = addr(r); c, rest = cty.split(", "); s_, z = rest.split(" "); return f"{asc(st)}^^{c}^{s_}^{z}^USA"
def hl7_phone(r): ph = re.sub(r"\D", "", phone(r)); return f"({ph[:3]}){ph[3:6]}-{ph[6:]}"
def msh(r, typ, app, fac):
    return f"MSH|^~\\&|{app}|{fac}|{one(r, 'RCV', 'LAB', 'EHR', 'REGISTRY', 'HIE')}|{one(r, 'HPMC', 'PRRH', 'DORSETPH', 'QHSD')}|{hts(r)}||{typ}|{one(r, 'MSG', 'Q', '')}{dg(r, 8)}|P|2.5.1"
def R_hl7_adt(r):
    p = pt(r, 18, 90); o = org(r, one(r, "hospital", "snf", "sleep", "bh")); ev = one(r, "A04", "A01", "A08", "A03"); md = clin(r, "MD")
    seg = [msh(r, f"ADT^{ev}^ADT_A01", one(r, "EPIC", "MEDITECH", "PCC", "ATHENA"), o.short.upper().replace(" ", "")[:10]), f"EVN|{ev}|{hts(r)}",
           f"PID|1||{mrn(r)}^^^{o.short.split()[0].upper()}^MR~{ssn(r, False)}^^^SSA^SS||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}||2106-3|{hl7_addr(r)}||{hl7_phone(r)}^PRN^PH|||{one(r, 'M', 'S', 'W', 'D')}||{acct(r)}|{ssn(r)}",
           f"PV1|1|{one(r, 'I', 'O', 'E')}|{one(r, '4W^412^A', 'SLEEP^2^', 'BHU^07^B', 'REHAB^118^A')}||||{npi(r)}^{asc(md.family).upper()}^{asc(md.given).upper()}^^^^MD",
           f"DG1|1||{r.choice(DX_GEN)[0]}^{r.choice(DX_GEN)[1]}^I10", f"IN1|1|{one(r, 'MCR', 'BCP01', 'MOL')}|{dg(r, 5)}|{one(r, 'MEDICARE PART A', 'BAYVIEW CHP', 'MOLINA MEDICAID')}|||||||||||{p.hl7()}|01|{p.dob:%Y%m%d}||||||||||||||||||{mbi(r, False) if r.random() < 0.5 else memid(r)}"]
    return Doc("hl7-adt", "HL7 ADT", [P(one(r, "Interface error queue - message below failed on PID-3 length, please fix and resend:", "Sample from last night's feed where the patient class is wrong:", "ADT that didn't cross to the SNF system:")), PRE("\n".join(seg))], o, kind="raw", subject=one(r, "ADT error", "interface issue", "HL7 reject"))
def R_hl7_oru(r):
    k = r.randrange(3); p = pt(r, 1 if k == 2 else 18, 12 if k == 2 else 80); o = org(r, one(r, "hospital", "transplant", "peds"))
    test = [("11253-5", "Tacrolimus [Mass/volume] in Blood", f"{r.randint(3, 17)}.{r.randint(0, 9)}", "ng/mL", "5.0-10.0"), ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", f"{r.randint(58, 70) / 10}", "mmol/L", "3.5-5.1"),
            ("5671-3", "Lead [Mass/volume] in Blood", f"{r.randint(5, 22)}", "ug/dL", "<3.5")][k]
    seg = [msh(r, "ORU^R01^ORU_R01", one(r, "SUNQUEST", "BEAKER", "COCKPIT"), "HPMCLAB"), f"PID|1||{mrn(r)}^^^HPMC^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{hl7_addr(r)}||{hl7_phone(r)}",
           f"ORC|RE|{dg(r, 9)}|{dg(r, 9)}", f"OBR|1|{dg(r, 9)}|{dg(r, 10)}|{test[0]}^{test[1]}^LN|||{hts(r)}|||||||||{npi(r)}^{asc(staffer(r).family).upper()}",
           f"OBX|1|NM|{test[0]}^{test[1]}^LN||{test[2]}|{test[3]}|{test[4]}|{one(r, 'H', 'HH', 'H')}|||F|||{hts(r)}"]
    if k == 2: seg.insert(2, f"NK1|1|{asc(Person(r, 25, 45).family).upper()}^{asc(Person(r, 25, 45).given).upper()}|MTH^Mother^HL70063||{hl7_phone(r)}")
    return Doc("hl7-oru", "HL7 ORU", [P(one(r, "ORU for the critical below never filed to the chart - can you check the interface?", "Copy of the ELR we sent, for your case file:", "Result message as received:")), PRE("\n".join(seg))], o, kind="raw", subject=one(r, "ORU not filing", "ELR copy", "result feed"))
def R_hl7_siu(r):
    p = pt(r, 25, 85); o = org(r, "onc"); d = ahead(r, 1, 12); dx = r.choice(DX_ONC)
    seg = [msh(r, "SIU^S12^SIU_S12", "EPIC", "TRIRIVER"), f"SCH|{dg(r, 8)}|{dg(r, 8)}|||||{one(r, 'CHEMO', 'INFUSION')}^{dx[2]}|||{r.choice([120, 180, 240, 360])}|m|^^^{d:%Y%m%d}{tmh(r)}",
           f"PID|1||{mrn(r)}^^^TRCI^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{hl7_addr(r)}", f"PV1|1|O|INF^CHAIR{r.randint(1, 24):02d}^", f"DG1|1||{dx[0]}^{dx[1]}^I10", f"AIS|1||96413^CHEMO IV INFUSION 1 HR^CPT", f"AIL|1||INF^CHAIR{r.randint(1, 24):02d}"]
    return Doc("hl7-siu", "HL7 SIU", [P("Scheduling interface sample - chair resource not mapping on these:"), PRE("\n".join(seg))], o, kind="raw", subject="SIU mapping")
def R_hl7_vxu(r):
    kid = pt(r, 0, 12); o = org(r, "peds"); mom = Person(r, 22, 45, "F"); vac = r.choice([("20", "DTaP"), ("03", "MMR"), ("115", "Tdap"), ("62", "HPV, quadrivalent"), ("08", "Hep B, adolescent or pediatric"), ("21", "varicella")])
    seg = [msh(r, "VXU^V04^VXU_V04", "ECW", "LITTLESPROUTS"), f"PID|1||{mrn(r)}^^^LSP^MR||{kid.hl7()}|{asc(mom.family).upper()}^{asc(mom.given).upper()}|{kid.dob:%Y%m%d}|{kid.sex}|||{hl7_addr(r)}||{hl7_phone(r)}",
           "PD1|||||||||||02^Reminder/Recall - any method^HL70215", f"NK1|1|{asc(kid.family).upper()}^{asc(mom.given).upper()}|MTH^Mother^HL70063",
           f"ORC|RE||{dg(r, 9)}", f"RXA|0|1|{ago(r, 0, 3):%Y%m%d}||{vac[0]}^{vac[1]}^CVX|0.5|mL^mL^UCUM||00^New immunization record^NIP001||||||{up(r, 2)}{dg(r, 4)}|{ahead(r, 200, 700):%Y%m%d}|{one(r, 'SKB^GlaxoSmithKline^MVX', 'MSD^Merck^MVX', 'PMC^Sanofi Pasteur^MVX')}|||CP|A",
           f"RXR|{one(r, 'IM^Intramuscular^HL70162', 'SC^Subcutaneous^HL70162')}|{one(r, 'LT^Left Thigh^HL70163', 'RD^Right Deltoid^HL70163')}"]
    return Doc("hl7-vxu", "HL7 VXU", [P("Registry rejected this VXU (error 103, invalid NK1) - resending after fix. Original below:"), PRE("\n".join(seg))], o, kind="raw", subject="IIS reject")
def x12_env(r, ver, gs, snd=None, rcv=None):
    d = ago(r, 0, 3); snd = (snd or one(r, "HPMC01", "AVAILITY")).ljust(15)[:15]; rcv = (rcv or one(r, "BAYVIEWCHP", "CMSMAC", "AVAILITY")).ljust(15)[:15]
    return (f"ISA*00*          *00*          *ZZ*{snd}*ZZ*{rcv}*{d:%y%m%d}*{tmh(r)}*^*00501*{dg(r, 9)}*0*P*:~",
            f"GS*{gs}*SENDER*RECEIVER*{d:%Y%m%d}*{tmh(r)}*{r.randint(1, 9999)}*X*{ver}~")
def R_837p(r):
    o = org(r, "ems"); p = pt(r, 40, 95); dos = ago(r, 5, 40); mi = f"{r.randint(3, 30)}.{r.randint(0, 9)}"; a, b = x12_env(r, "005010X222A1", "HC", "RIDGEBACK", one(r, "CMSMAC", "BAYVIEWCHP")); st, cty = addr(r)
    seg = [a, b, f"ST*837*{dg(r, 4)}*005010X222A1~", f"BHT*0019*00*{dg(r, 8)}*{TODAY:%Y%m%d}*{tmh(r)}*CH~", f"NM1*85*2*RIDGEBACK AMBULANCE*****XX*{o.npi}~",
           f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{mbi(r, False)}~", f"N3*{asc(st).upper()}~", f"N4*{asc(cty.split(',')[0]).upper()}*{cty.split(', ')[1][:2]}*{cty[-5:]}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"CLM*{acct(r)}*{r.randint(900, 2600)}***41:B:1*Y*A*Y*Y~", f"CR1*LB*{r.randint(120, 260)}**A*DH*{mi}~", f"HI*ABK:{one(r, 'R079', 'I214', 'R4182', 'S72001A', 'J441')}~",
           f"LX*1~", f"SV1*HC:{one(r, 'A0427', 'A0429')}:RH*{r.randint(700, 1900)}*UN*1***1~", f"DTP*472*D8*{dos:%Y%m%d}~", f"LX*2~", f"SV1*HC:A0425:RH*{r.randint(90, 400)}*UN*{mi}***1~", ]
    seg.append(f"SE*{len(seg) - 1}*0001~")
    return Doc("x12-837p", "837P ambulance claim", [P(one(r, "Clearinghouse rejected this claim (CR1 missing?) - raw 837 below:", "Claim we resubmitted today:")), PRE("\n".join(seg))], o, kind="raw", subject=one(r, "837 reject", "resubmission"))
def R_837i(r):
    o = org(r, one(r, "snf", "dialysis")); p = pt(r, 60, 95); fr = ago(r, 40, 70); to = fr + TD(days=r.randint(14, 30)); a, b = x12_env(r, "005010X223A2", "HC", re.sub("[^A-Z]", "", asc(o.short).upper())[:12], "CMSMAC")
    snf = o.kind == "snf"
    seg = [a, b, "ST*837*0001*005010X223A2~", f"BHT*0019*00*{dg(r, 8)}*{TODAY:%Y%m%d}*{tmh(r)}*CH~", f"NM1*85*2*{asc(o.name).upper()[:35]}*****XX*{o.npi}~",
           f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}*{asc(p.m(False)).upper()[:1]}***MI*{mbi(r, False)}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"CLM*{acct(r)}*{r.randint(4000, 22000)}***{'21:A:1' if snf else '72:A:1'}**A*Y*Y~", f"DTP*434*RD8*{fr:%Y%m%d}-{to:%Y%m%d}~",
           f"HI*ABK:{'S72001D' if snf else 'N186'}*ABF:{one(r, 'E119', 'I10', 'Z992')}~", f"LX*1~",
           (f"SV2*0022*HC:{one(r, 'RUAA1', 'NHCD1', 'KBCD1')}*{r.randint(3000, 9000)}*DA*{(to - fr).days}~" if snf else f"SV2*0821*HC:90999*{r.randint(2000, 6000)}*UN*{r.randint(10, 14)}~"), ]
    seg.append(f"SE*{len(seg) - 1}*0001~")
    return Doc("x12-837i", "837I claim", [P("Claim that's stuck in pended status - can billing check the HIPPS/revenue line?"), PRE("\n".join(seg))], o, kind="raw", subject="837I pended")
def R_835(r):
    o = org(r, "payer"); ps = [pt(r, 20, 90) for _ in range(r.randint(1, 3))]; a, b = x12_env(r, "005010X221A1", "HP", "BAYVIEWCHP", one(r, "HPMC01", "RIDGEBACK", "WILLOWBEND", "CLEARTONE"))
    seg = [a, b, "ST*835*0001~", f"BPR*I*{r.randint(100, 4000)}.{dg(r, 2)}*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}*{dg(r, 10)}**01*{dg(r, 9)}*DA*{dg(r, 9)}*{TODAY:%Y%m%d}~", f"TRN*1*{dg(r, 10)}*1{dg(r, 9)}~",
           "N1*PR*BAYVIEW COMMUNITY HEALTH PLAN~", f"N1*PE*{asc(org(r).name).upper()[:30]}*XX*{npi(r)}~"]
    for p in ps:
        chg = r.randint(200, 3000); pd = int(chg * r.uniform(0.2, 0.8)); dos = ago(r, 20, 90)
        seg += [f"CLP*{acct(r)}*{one(r, '1', '1', '4', '22')}*{chg}*{pd}*{r.randint(0, 80)}*MC*{icn(r)}*11~", f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{memid(r)}~",
                f"DTM*232*{dos:%Y%m%d}~", f"SVC*HC:{one(r, '95810', '92557', '90834', 'A0427', 'E0601', '96413')}*{chg}*{pd}~", f"CAS*{one(r, 'CO*45', 'PR*2', 'PR*1', 'CO*197', 'CO*97')}*{chg - pd}~"]
    seg.append(f"SE*{len(seg) - 1}*0001~")
    return Doc("x12-835", "835 remittance", [P(one(r, "Remit attached for the short-paid claims we discussed:", "835 detail for the denials on the call:", "Here's the ERA section:")), PRE("\n".join(seg))], o, kind="raw", subject=one(r, "ERA detail", "835 question", "remit short pay"))
def R_270_271(r):
    o = org(r, one(r, "payer", "dme", "audio", "sleep")); p = pt(r, 18, 90); resp = r.random() < 0.55; a, b = x12_env(r, "005010X279A1", "HB" if resp else "HS")
    seg = [a, b, f"ST*{'271' if resp else '270'}*0001*005010X279A1~", f"BHT*0022*{'11' if resp else '13'}*{dg(r, 10)}*{TODAY:%Y%m%d}*{tmh(r)}~", "NM1*PR*2*BAYVIEW COMMUNITY HEALTH PLAN*****PI*BCHP1~",
           f"NM1*1P*2*{asc(o.name).upper()[:30]}*****XX*{o.npi}~", f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{memid(r)}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~"]
    if resp: seg += [f"EB*1*IND*30**{one(r, 'MEDICAID MANAGED CARE', 'SILVER PPO', 'MEDICARE ADVANTAGE HMO')}~", f"EB*C*IND*30***23*{r.randint(0, 3000)}~", f"EB*B*IND*{one(r, '12', '47', 'BG')}***27*{r.randint(10, 75)}~", f"DTP*346*D8*{ago(r, 100, 700):%Y%m%d}~"]
    else: seg += [f"DTP*291*D8*{TODAY:%Y%m%d}~", f"EQ*{one(r, '30', '12', '47')}~"]
    seg.append(f"SE*{len(seg) - 1}*0001~")
    return Doc("x12-271" if resp else "x12-270", "Eligibility EDI", [P("Eligibility transaction from this morning - response doesn't match the card the patient brought in:" if resp else "Our 270 keeps timing out. Request below:"), PRE("\n".join(seg))], o, kind="raw", subject="eligibility EDI")
def R_278(r):
    o = org(r, one(r, "sleep", "dme", "onc")); p = pt(r, 25, 80); a, b = x12_env(r, "005010X217", "HI")
    svc = {"sleep": ("95810", "G4733"), "dme": ("E0601", "G4733"), "onc": ("J9271", "C3490")}[o.kind]
    seg = [a, b, "ST*278*0001*005010X217~", f"BHT*0007*13*{dg(r, 10)}*{TODAY:%Y%m%d}*{tmh(r)}~", "HL*1**20*1~", "NM1*X3*2*BAYVIEW COMMUNITY HEALTH PLAN*****PI*BCHP1~", "HL*2*1*21*1~",
           f"NM1*1P*2*{asc(o.name).upper()[:30]}*****XX*{o.npi}~", "HL*3*2*22*1~", f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{memid(r)}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           "HL*4*3*EV*1~", f"UM*HS*I*{one(r, '2', '3')}~", f"HI*ABK:{svc[1]}~", f"SV1*HC:{svc[0]}*{r.randint(300, 9000)}*UN*1~", ]
    seg.append(f"SE*{len(seg) - 1}*0001~")
    return Doc("x12-278", "278 auth request", [P("278 that came back AAA*N*42 - can you see why?"), PRE("\n".join(seg))], o, kind="raw", subject="278 error")
def R_fhir_json(r):
    p = pt(r, 1, 90); o = org(r, one(r, "hospital", "tele", "transplant", "dialysis", "payer")); k = r.randrange(3); st, cty = addr(r); c, rest = cty.split(", ")
    pat = {"resourceType": "Patient", "id": hexs(r, 12), "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": f"urn:oid:2.16.840.1.113883.3.{r.randint(1000, 9999)}", "value": mrn(r)}],
           "name": [{"use": "official", "family": p.family, "given": [p.given] + ([p.mid] if len(p.mid) > 1 else [])}], "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat(),
           "address": [{"line": [st], "city": c, "state": rest[:2], "postalCode": rest[3:]}], "telecom": [{"system": "phone", "value": phone(r)}]}
    if r.random() < 0.4: pat["identifier"].append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": ssn(r, False)})
    if k == 0: res = pat; t = "Patient"
    else:
        code = one(r, ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", round(r.uniform(2.0, 6.5), 1)), ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", round(r.uniform(7.5, 12.5), 1)),
                   ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", round(r.uniform(6.5, 9.5), 1)))
        obs = {"resourceType": "Observation", "id": hexs(r, 10), "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": code[0], "display": code[1]}]},
               "subject": {"reference": f"Patient/{pat['id']}", "display": p.short()}, "effectiveDateTime": f"{ago(r, 0, 4).isoformat()}T{r.randint(6, 20):02d}:{r.randint(0, 59):02d}:00-05:00",
               "valueQuantity": {"value": code[3], "unit": code[2], "system": "http://unitsofmeasure.org"}, "interpretation": [{"coding": [{"code": "H" if code[0] != "718-7" else "L"}]}]}
        if k == 1: res = obs; t = "Observation"
        else:
            dx = r.choice(DX_GEN + [(a_, b_) for a_, b_, _ in DX_ONC])
            cond = {"resourceType": "Condition", "id": hexs(r, 8), "clinicalStatus": {"coding": [{"code": "active"}]}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dx[0], "display": dx[1]}]},
                    "subject": {"reference": f"Patient/{pat['id']}"}, "onsetDateTime": ago(r, 30, 900).isoformat()}
            res = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": pat}, {"resource": cond}, {"resource": obs}]}; t = "Bundle"
    return Doc("fhir-json", f"FHIR {t}", [P(one(r, f"The {t} below failed validation on our side:", f"Here's the {t} payload from the API call, for the ticket:", f"Raw {t} returned by the sandbox... wait, this is prod:")), PRE(json.dumps(res, indent=2, ensure_ascii=False))], o, kind="raw", subject=one(r, "FHIR payload", "API issue", "validation error"))
def R_fhir_xml(r):
    p = pt(r, 18, 90); o = org(r, one(r, "sleep", "audio", "hospital", "dialysis"))
    obs = one(r, ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", f"{r.randint(79, 88)}", "%"), ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", f"{round(r.uniform(2.1, 7.9), 1)}", "mg/dL"),
              ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", f"{r.randint(58, 69) / 10}", "mmol/L"))
    x = (f'<Observation xmlns="http://hl7.org/fhir">\n  <id value="{hexs(r, 10)}"/>\n  <status value="final"/>\n  <code>\n    <coding>\n      <system value="http://loinc.org"/>\n      <code value="{obs[0]}"/>\n'
         f'      <display value="{obs[1]}"/>\n    </coding>\n  </code>\n  <subject>\n    <reference value="Patient/{hexs(r, 8)}"/>\n    <display value="{hx(p.fl())}"/>\n  </subject>\n'
         f'  <effectiveDateTime value="{ago(r, 0, 5).isoformat()}"/>\n  <valueQuantity>\n    <value value="{obs[2]}"/>\n    <unit value="{obs[3]}"/>\n  </valueQuantity>\n</Observation>')
    if r.random() < 0.5:
        x = (f'<Patient xmlns="http://hl7.org/fhir">\n  <identifier>\n    <system value="urn:oid:2.16.840.1.113883.4.1"/>\n    <value value="{ssn(r)}"/>\n  </identifier>\n  <name>\n    <family value="{hx(p.family)}"/>\n'
             f'    <given value="{hx(p.given)}"/>\n  </name>\n  <birthDate value="{p.dob.isoformat()}"/>\n</Patient>\n\n' + x)
    return Doc("fhir-xml", "FHIR XML", [P(one(r, "XML from the device gateway, note the subject display:", "Resource that bounced:")), PRE(x)], o, kind="raw", subject="FHIR XML")
def R_cms1500(r):
    o = org(r, one(r, "bh", "audio", "sleep", "occ", "tele")); p = pt(r, 18, 85); st, cty = addr(r); dos = ago(r, 10, 60); md = clin(r, one(r, "MD", "AuD", "PsyD", "DO"))
    cpt = {"bh": ["90791", "90834", "90837"], "audio": ["92557", "92567", "V5261"], "sleep": ["95810", "95811"], "occ": ["99203", "97110", "80305"], "tele": ["99213", "99214"]}[o.kind]
    dx = {"bh": DX_BH, "audio": [("H90.3", "")], "sleep": [("G47.33", "")], "occ": DX_WC, "tele": DX_GEN}[o.kind]
    items = [("1a. Insured's ID Number", memid(r)), ("2. Patient's Name", p.LF()), ("3. Patient's Birth Date / Sex", f"{p.dob:%m %d %Y}  {p.sex}"), ("5. Patient's Address", f"{st}, {cty}"),
             ("5. Telephone", phone(r)), ("11c. Insurance Plan Name", plan(r)), ("21. Diagnosis (ICD Ind. 0)", "A. " + r.choice(dx)[0].replace(".", "") + "   B. " + r.choice(DX_GEN)[0].replace(".", "")),
             ("24A. Date(s) of Service", f"{dos:%m %d %y}"), ("24D. CPT/HCPCS", ", ".join(r.sample(cpt, min(2, len(cpt))))), ("24J. Rendering Provider ID (NPI)", npi(r)),
             ("25. Federal Tax ID", o.tin), ("26. Patient's Account No.", acct(r)), ("28. Total Charge", f"${r.randint(150, 1800)}.00"), ("33. Billing Provider", f"{o.name}  NPI {o.npi}")]
    return Doc("cms-1500", "CMS-1500 claim data", [P(one(r, "Keyed from the paper claim - please check box 21 before we drop it:", "CMS-1500 data for the appeal:")), KV(r, items, one(r, "aligned", "colon", "pipe"))], o, kind="raw", subject=one(r, "1500 review", "claim data"))
def R_ub04(r):
    o = org(r, one(r, "snf", "hospice", "hospital")); p = pt(r, 60, 97); st, cty = addr(r); fr = ago(r, 30, 70); to = fr + TD(days=r.randint(7, 30))
    tob = {"snf": "0211", "hospice": "0811", "hospital": "0111"}[o.kind]
    items = [("FL 1 Provider", f"{o.name}, {o.addr1()}"), ("FL 3a Pat Cntl #", acct(r)), ("FL 3b Med Rec #", mrn(r)), ("FL 4 Type of Bill", tob), ("FL 6 Statement Period", f"{fr:%m%d%y} - {to:%m%d%y}"),
             ("FL 8 Patient Name", p.LF()), ("FL 9 Patient Address", f"{st}, {cty}"), ("FL 10 Birthdate", f"{p.dob:%m%d%Y}"), ("FL 11 Sex", p.sex), ("FL 12 Admission Date", f"{fr:%m%d%y}"),
             ("FL 42/44 Rev / HCPCS", {"snf": "0022 / RUAA1", "hospice": "0651 routine home care", "hospital": "0120 room & board semi-private"}[o.kind]), ("FL 50 Payer", "MEDICARE A"),
             ("FL 60 Insured's Unique ID", mbi(r, False)), ("FL 67 Principal Dx", one(r, "S72001D", "C259", "I5032", "G309", "J441")), ("FL 76 Attending", f"{npi(r)} {asc(clin(r, 'MD').family).upper()}")]
    return Doc("ub04-text", "UB-04 claim data", [P(one(r, "UB-04 fields for the ADR response:", "Re-keyed UB for the TOB correction:")), KV(r, items, one(r, "aligned", "colon", "dots"))], o, kind="raw", subject=one(r, "UB-04", "ADR claim data"))
def R_ncpdp(r):
    o = org(r, "pbm"); p = pt(r, 18, 85); drug = r.choice(SPEC_DRUGS)
    items = [("Transaction", "B1 Billing - REJECTED"), ("BIN / PCN / Group", f"{dg(r, 6)} / CPRX / {up(r, 2)}{dg(r, 4)}"), ("Cardholder ID (302-C2)", memid(r)), ("Patient Name (310-CA/311-CB)", f"{asc(p.given).upper()} {asc(p.family).upper()}"),
             ("Date of Birth (304-C4)", f"{p.dob:%Y%m%d}"), ("Product/Service ID (407-D7)", re.sub(r"\D", "", ndc(r)).ljust(11, "0")[:11] + f"  ({drug[0]})"), ("Prescriber ID (411-DB)", npi(r)),
             ("Reject Code (511-FB)", one(r, "75 - Prior Authorization Required", "76 - Plan Limitations Exceeded", "MR - Product Not On Formulary", "88 - DUR Reject Error")), ("Date of Service (401-D1)", f"{ago(r, 0, 3):%Y%m%d}")]
    return Doc("ncpdp-claim", "NCPDP reject", [P("Pharmacy help desk escalation - claim detail:"), KV(r, items, one(r, "aligned", "colon"))], o, kind="raw", subject="reject escalation")

# ================================================================== PHI lists (every one has a real date column)
def plist(cat, title, o, hdr, rows, intro=None, subject=None, dst=None):
    return Doc(cat, title, ([P(intro)] if intro else []) + [TBL(hdr, rows)], o, subject=subject, kind="list", dst=dst)
def n_rows(r): return r.randint(8, 14)
def dt_at(d, r): return DT(d.year, d.month, d.day, r.choice([7, 8, 9, 10, 11, 12, 13, 14, 15]), r.choice([0, 15, 30, 45]))
def nm_col(r):
    st = r.randrange(4)
    return lambda p: [p.lf(), p.LF(), p.fl(), p.lf2()][st]
def Lp_infusion(r):
    o = org(r, "onc"); d = ahead(r, 1, 5); f = nm_col(r); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 25, 88); dx = r.choice(DX_ONC)
        rows.append([dt_at(d, r), f"Chair {r.randint(1, 24)}", f(p), mrn(r), p.dob, dx[2], f"C{r.randint(1, 8)}D{r.choice([1, 8, 15])}", dx[0]])
    rows.sort(key=lambda x: x[0])
    return plist("infusion-schedule", f"Infusion chair schedule {fd(d, 'mdy')}", o, ["Appt", "Chair", "Patient", "MRN", "DOB", "Regimen", "Cycle/Day", "Dx"], rows, one(r, "Tomorrow's chairs:", None, "Updated schedule with add-ons:"))
def Lp_dialysis(r):
    o = org(r, "dialysis"); f = nm_col(r); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 30, 90)
        rows.append([f(p), p.dob, one(r, "MWF-1", "MWF-2", "TTS-1", "TTS-2", "MWF-3"), f"{r.randint(1, 18)}", one(r, "LUE AVF", "RUE AVG", "R IJ TDC", "LUE AVG"), round(r.uniform(52, 118), 1), one(r, "neg", "neg", "immune", "non-immune"), ago(r, 20, 900), round(r.uniform(1.05, 1.8), 2)])
    return plist("dialysis-roster", "Unit 4 patient roster", o, ["Patient", "DOB", "Shift", "Station", "Access", "EDW kg", "HBsAg/Ab", "HD start", "Kt/V"], rows, one(r, "Roster for the state survey packet:", "December roster", None))
def Lp_snf_census(r):
    o = org(r, "snf"); f = nm_col(r); rows = []
    for i in range(n_rows(r)):
        p = pt(r, 62, 101)
        rows.append([f"{r.choice([1, 2])}{r.randint(0, 4)}{r.randint(0, 9)}{one(r, 'A', 'B')}", f(p), p.dob, ago(r, 1, 120), one(r, "Med A", "MA - Humana", "Medicaid", "Private", "Med A"), r.choice(DX_GEN)[0], mbi(r) if r.random() < 0.6 else memid(r), one(r, "Full", "DNR", "DNR/DNI")])
    return plist("snf-census", f"Census {fd(TODAY, 'mdy')}", o, ["Room", "Resident", "DOB", "Admit", "Payer", "Primary Dx", "Ins ID", "Code"], rows, one(r, "Midnight census attached per request.", "Census for the pharmacy consultant:", None))
def Lp_hospice(r):
    o = org(r, "hospice"); f = nm_col(r); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 58, 101); el = ago(r, 3, 200)
        rows.append([f(p), p.dob, el, one(r, "C25.9", "G30.9", "I50.32", "J44.1", "C34.90", "G12.21", "F03.90"), one(r, "RHC", "RHC", "GIP", "CHC", "Respite"), el + TD(days=r.choice([90, 90, 60])), one(r, "home", "Willow Bend SNF", "ALF - Sunrise", "home"), one(r, "RN " + staffer(r).family, "RN " + staffer(r).family)])
    return plist("hospice-census", "Active census / recert due", o, ["Patient", "DOB", "Election", "Terminal Dx", "LOC", "Cert period ends", "Location", "Case mgr"], rows, "IDG list for Thursday:")
def Lp_sleep(r):
    o = org(r, "sleep"); rows = []; d0 = ahead(r, 1, 3)
    for _ in range(n_rows(r)):
        p = pt(r, 18, 82); d = d0 + TD(days=r.randint(0, 6))
        rows.append([d, one(r, "PSG", "Split", "CPAP titration", "MSLT", "HSAT pickup"), p.LF() if r.random() < 0.5 else p.fl(), p.dob, phone(r), plan(r), clin(r, one(r, "MD", "NP")).short(), one(r, "auth ok", "auth pending", "no auth req", "self-pay")])
    rows.sort(key=lambda x: x[0])
    return plist("sleep-schedule", "Sleep lab schedule", o, ["Study date", "Type", "Patient", "DOB", "Phone", "Insurance", "Referring", "Auth"], rows)
def Lp_interp(r):
    o = org(r, "hospital"); rows = []; d0 = ahead(r, 1, 2)
    for _ in range(n_rows(r)):
        pl = r.choice(list(LANG)); p = pt(r, 5, 90, pool=pl); d = d0 + TD(days=r.randint(0, 3))
        rows.append([dt_at(d, r), p.lf(), mrn(r), LANG[pl] if r.random() < 0.92 else "ASL", one(r, "Oncology", "OB", "Behavioral Health", "Dialysis", "Genetics", "Peds", "Pre-op"), one(r, "in person", "VRI", "phone"), one(r, "", "", "family declined interp", "HOH")])
    rows.sort(key=lambda x: x[0])
    return plist("interpreter-worklist", "Interpreter worklist", o, ["Date/time", "Patient", "MRN", "Language", "Clinic", "Modality", "Notes"], rows, one(r, "Unfilled requests for the vendor:", "Worklist for this week:", None))
def Lp_ems(r):
    o = org(r, "ems"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 18, 98)
        rows.append([ago(r, 10, 90), tripno(r), p.LF(), p.dob, one(r, "A0427", "A0429", "A0428", "A0426"), round(r.uniform(1.5, 34), 1), one(r, "Medicare", "Medicaid", "Humana MA", "self-pay", "BCBS"), one(r, "CO-16 PCS missing", "CO-50", "PR-1", "pending", "paid")])
    return plist("ems-trip-worklist", "Trip denial worklist", o, ["DOS", "Trip #", "Patient", "DOB", "Level", "Miles", "Payer", "Status"], rows, one(r, "Denials to work this week:", "Open trips needing PCS:", None))
def Lp_pbm(r):
    o = org(r, "pbm"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 18, 85); dr = r.choice(SPEC_DRUGS)
        rows.append([ago(r, 0, 6), pa_ref(r), p.lf(), memid(r), p.dob, dr[0].split(" (")[0], dr[1], npi(r), one(r, "pending clinicals", "approved", "denied - step", "peer-to-peer"), ])
    return plist("pbm-pa-queue", "PA queue", o, ["Received", "Case #", "Member", "Mbr ID", "DOB", "Drug", "Dx", "Prescriber NPI", "Status"], rows, "Open PA cases aging > 48h:")
def Lp_dme(r):
    o = org(r, "dme"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 25, 85); su = ago(r, 31, 88)
        rows.append([p.lf(), p.dob, su, one(r, "ResMed AirSense 11", "Philips DreamStation 2", "ResMed AirCurve 10"), f"{r.randint(30, 98)}%", round(r.uniform(0.8, 12), 1), su + TD(days=90), clin(r, "MD").family])
    return plist("dme-compliance", "CPAP 90-day compliance", o, ["Patient", "DOB", "Setup", "Device", "% nights >4h", "Residual AHI", "Compliance due", "Physician"], rows, one(r, "Compliance report for your patients:", None))
def Lp_ob(r):
    o = org(r, "ob"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 17, 44, "F"); ga = r.randint(8, 39)
        rows.append([p.fl(), p.dob, mrn(r), TODAY + TD(weeks=40 - ga), f"{ga}w{r.randint(0, 6)}d", one(r, "low", "GDM", "cHTN", "AMA", "prior C/S", "twins"), ahead(r, 1, 21), phone(r)])
    return plist("ob-tracking", "OB tracking board", o, ["Patient", "DOB", "MRN", "EDD", "GA", "Risk", "Next appt", "Cell"], rows)
def Lp_ph_line(r):
    o = org(r, "publichealth" if r.random() < 0.4 else "hospital"); rows = []
    for _ in range(n_rows(r)):
        dz = r.choice(DX_REPORT); p = pt(r, 1, 85); st, cty = addr(r)
        rows.append([ago(r, 0, 14), p.lf(), p.dob, p.sex, cty.split(",")[0], dz[1], ago(r, 5, 25), one(r, "Y", "N", "N")])
    return plist("reportable-line-list", "Reportable disease line list", o, ["Report date", "Name", "DOB", "Sex", "City", "Condition", "Onset", "Hosp"], rows, one(r, "Weekly line list for the epi team:", "Cases reported since last Monday:"))
def Lp_nbhs(r):
    o = org(r, "audio"); rows = []
    for _ in range(n_rows(r)):
        mom = pt(r, 17, 42, "F"); b = TODAY - TD(days=r.randint(2, 60))
        rows.append([f"Baby {one(r, 'Boy', 'Girl')} {mom.family}", b, mrn(r), one(r, "refer R", "refer L", "refer both", "pass/refer"), mom.short(), phone(r), b + TD(days=r.randint(10, 30))])
    return plist("nbhs-refer-list", "Newborn hearing screen refers", o, ["Infant", "DOB", "MRN", "AABR result", "Mother", "Phone", "Rescreen"], rows, "Refers needing outpatient rescreen:")
def Lp_corr(r):
    o = org(r, "corr"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 18, 68)
        rows.append([booking(r), p.LF(), p.dob, one(r, "buprenorphine 8 mg SL", "methadone 80 mg", "insulin glargine 20 u", "sertraline 100 mg", "Biktarvy", "levetiracetam 750 mg", "olanzapine 10 mg"), one(r, "daily", "BID", "qhs"), ago(r, 1, 60), one(r, "B-pod", "Medical", "A-pod", "Female unit")])
    return plist("correctional-mar", "Pill line roster", o, ["Booking #", "Inmate", "DOB", "Medication", "Freq", "Start", "Housing"], rows)
def Lp_tele(r):
    o = org(r, "tele"); rows = []; d = ahead(r, 1, 2)
    for _ in range(n_rows(r)):
        p = pt(r, 18, 80)
        rows.append([dt_at(d, r), p.fl(), p.dob, f"{re.sub('[^a-z]', '', asc(p.given).lower())}{r.randint(1, 99)}@{one(r, 'gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com')}", phone(r), one(r, "UTI sx", "med refill - sertraline", "rash", "BP follow-up", "A1c review", "sinusitis", "birth control consult")])
    rows.sort(key=lambda x: x[0])
    return plist("telehealth-schedule", "Virtual visit schedule", o, ["Visit", "Patient", "DOB", "Email", "Phone", "Reason"], rows)
def Lp_genetics(r):
    o = org(r, "genetics"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 18, 80); g = r.choice(["BRCA1", "BRCA2", "MLH1", "MSH2", "CHEK2", "ATM", "PALB2", "APC"])
        rows.append([ago(r, 0, 40), p.lf(), p.dob, g, one(r, "pathogenic", "likely pathogenic", "VUS", "negative", "negative"), one(r, "Invitae", "Ambry", "GeneDx"), one(r, "disclosed", "pending appt", "letter sent")])
    return plist("genetics-results-log", "Results log", o, ["Reported", "Patient", "DOB", "Gene", "Result", "Lab", "Status"], rows)
def Lp_occ(r):
    o = org(r, "occ"); rows = []
    for _ in range(n_rows(r)):
        p = pt(r, 19, 66); dx = r.choice(DX_WC)
        rows.append([ago(r, 1, 60), p.lf(), p.dob, one(r, "Granite Ridge Logistics", "Sunbelt Poultry", "Keystone Roofing", "Meridian DC #4"), wcclaim(r), dx[0], one(r, "full duty", "modified", "off work"), ahead(r, 2, 20)])
    return plist("occ-health-log", "Open WC cases", o, ["DOI", "Employee", "DOB", "Employer", "Claim #", "Dx", "Status", "Next visit"], rows, "Open claims for the adjuster call:")
def Lp_es(r):
    o = org(r, one(r, "ob", "peds", "dialysis", "bh")); rows = []
    why = {"ob": ["control prenatal", "ultrasonido de 20 semanas", "prueba de glucosa de 3 horas", "visita posparto"], "peds": ["vacuna (MMR)", "control de niño sano", "repetir prueba de plomo", "seguimiento de asma"],
           "dialysis": ["diálisis transitoria", "cambio de horario", "análisis mensual", "evaluación de fístula"], "bh": ["seguimiento - depresión", "evaluación inicial", "manejo de medicamentos", "terapia individual"]}[o.kind]
    for _ in range(n_rows(r)):
        p = pt(r, *{"ob": (17, 43), "peds": (0, 14), "dialysis": (35, 85), "bh": (16, 70)}[o.kind], sex="F" if o.kind == "ob" else None, pool="pr")
        rows.append([p.fl(), p.dob, memid(r), dt_at(ahead(r, 1, 10), r), r.choice(why), phone(r)])
    return plist("spanish-list", "Citas de la semana", o, ["Paciente", "Fecha de nacimiento", "Número de afiliado", "Fecha de cita", "Motivo", "Teléfono"], rows, one(r, "Lista de citas para confirmar por teléfono:", "Pacientes para llamar:"), dst="es_num")

# ================================================================== clean narratives (hard look-alikes)
def C_group_schedule(r):
    o = org(r, "bh"); f = [clin(r, one(r, "MSW, LCSW", "LPC", "PsyD", "LMFT")) for _ in range(4)]
    rows = [[one(r, "Mon", "Tue", "Wed", "Thu"), one(r, "10:00", "13:00", "17:30"), g, x.drn(), one(r, "Room 2", "Room 4", "Zoom")] for g, x in zip(["DBT skills", "Seeking Safety", "IOP process group", "Family education night"], f)]
    return Doc("group-schedule", "Group schedule - January", [P("Facilitator schedule for January groups (staff only). Please swap directly with each other and cc me."), TBL(["Day", "Time", "Group", "Facilitator", "Room"], rows),
               P(f"Reminder: group rosters stay in the EHR, not in e-mail. - {me(r, 'Program Manager').given}, Program Manager")], o, subject="January group facilitators")
def C_infusion_staffing(r):
    o = org(r, "onc"); a, b = staffer(r), staffer(r); d = ahead(r, 3, 20)
    return Doc("staff-schedule", "Staffing swap", [P(f"{a.fl()} (RN, chemo-certified) is swapping {fd(d, 'wk')} with {b.fl()} - {b.given} will take chairs 13-24 and {a.given} picks up {fd(d + TD(days=2), 'wka')}."),
               P(f"OCN renewal reminder: {a.given}'s certification expires {fd(ahead(r, 30, 90), 'mdy')}; ONS/ONCC chemo-immunotherapy class is {fd(ahead(r, 10, 40), 'long')}."), P("Thanks - charge RN")], o, subject=one(r, "Swap approved", "staffing change " + fd(d, "md")))
def C_prenatal_class(r):
    o = org(r, "ob"); d = ahead(r, 7, 40)
    return Doc("community-class", "Childbirth class", [H("Childbirth & Newborn Care - 4-week series"), P(f"Starts {fd(d, 'long')}, Tuesdays 6:30-8:30 PM, Magnolia Women's Health classroom B. Taught by {clin(r, 'CNM').drn()}, and lactation consultant {staffer(r).fl()}, IBCLC."),
               P("Topics: stages of labor, comfort measures, when to come to the hospital, car seats, safe sleep. Registration fee $40 (waived for Medicaid members). Partners welcome."), P(f"Register at {o.dom}/classes or {o.phone}.")], o, subject="Class flyer for the waiting room")
def C_water_report(r):
    o = org(r, "dialysis"); rows = [[f"RO loop point {i}", one(r, "<1", "3", "8", "12", "<1"), "<1" if r.random() < 0.7 else "0.09", one(r, "pass", "pass", "action level - resample")] for i in range(1, 6)]
    rows += [[f"Machine #{r.randint(1, 24)} dialysate", str(r.randint(0, 60)), "<0.03", "pass"] for _ in range(3)]
    return Doc("water-quality", "Monthly water/dialysate cultures", [P(f"Monthly AAMI cultures and endotoxin for {fd(ago(r, 5, 20), 'long')[:-6]}. Action level 50 CFU/mL, 0.5 EU/mL."), TBL(["Sample", "CFU/mL", "EU/mL", "Result"], rows),
               P(f"Biomed ({staffer(r).given}) will re-disinfect the loop Sunday if any resample exceeds action level.")], o, subject="Water culture results - monthly")
def C_transplant_event(r):
    o = org(r, "transplant"); d = ahead(r, 10, 60)
    return Doc("event-notice", "Donate Life event", [P(f"Our Donate Life flag raising is {fd(d, 'wk')} at 11:00 in the main lobby. Speakers: {clin(r, 'MD').dr()} (surgical director) and a donor family from the OPO."),
               P(f"Volunteers needed for the registry table - sign up with {staffer(r).fl()} by {fd(d - TD(days=5), 'mdy')}. Last year the state registry added 1,240 donors at our events (aggregate, from the OPO)."),
               P("Blue & green attire encouraged.")], o, subject="Donate Life flag raising")
def C_hospice_volunteer(r):
    o = org(r, "hospice"); v = [staffer(r) for _ in range(5)]; d = ahead(r, 7, 30)
    return Doc("volunteer-training", "Volunteer orientation", [P(f"New volunteer orientation {fd(d, 'long')} and {fd(d + TD(days=7), 'long')}, 9-3. Registered so far:"), TBL(["Volunteer", "Phone", "Shadow shift", "Background check"], [[x.fl(), phone(r), fd(ahead(r, 5, 40), "mdy"), one(r, "cleared", "pending")] for x in v]),
               P("Reminder: volunteers complete the employee-health onboarding steps before their first shadow shift; bring your badge photo form.")], o, subject="Volunteer orientation list")
def C_vaccine_clinic(r):
    o = org(r, one(r, "peds", "publichealth")); d = ahead(r, 5, 30)
    return Doc("vaccine-clinic", "Community vaccine clinic", [H("Free back-to-school & flu vaccine clinic"), P(f"{fd(d, 'wk')}, 9 AM - 1 PM, Dorset County Fairgrounds Hall B. Ages 6 months and up. Flu, COVID-19, Tdap, MMR, HPV."),
               P("Bring your child's shot record and insurance card if you have one - no one turned away. Spanish and Haitian Creole interpreters on site."), P(f"Questions: {o.phone}")], o, subject="Vaccine clinic flyer")
def C_occ_contract(r):
    o = org(r, "occ"); emp = one(r, "Granite Ridge Logistics", "Sunbelt Poultry Processing", "City of Gastonia")
    rows = [["DOT physical", "99455", "$85.00"], ["5-panel DOT drug screen (collection)", "80305", "$45.00"], ["Breath alcohol test", "82075", "$35.00"], ["TB skin test (2 visits)", "86580", "$30.00"], ["Audiogram (hearing conservation)", "92552", "$40.00"]]
    return Doc("employer-contract", "Employer services pricing", [P(f"Hi {staffer(r).given}, here is the 2027 employer pricing for {emp} (account #{dg(r, 6)}), effective {fd(D(2027, 1, 1), 'mdy')}:"), TBL(["Service", "CPT", "Price"], rows),
               P(f"Invoices net 30 to PO {dg(r, 10)}. {me(r, 'Business Development').fl()}, Business Development")], o, subject="2027 pricing")
def C_fleet(r):
    o = org(r, "ems"); u = r.randint(2, 19)
    return Doc("fleet-insurance", "Fleet policy renewal", [P(f"Anchor Fleet renewal for Medic {u}: policy {one(r, 'CA', 'BAP')}-{dg(r, 7)}-{dg(r, 2)}, VIN 1FD{up(r, 2)}{dg(r, 1)}{up(r, 2)}{dg(r, 1)}{up(r, 1)}{dg(r, 6)}, term {fd(D(2027, 1, 1), 'mdy')}-{fd(D(2027, 12, 31), 'mdy')}."),
               P(f"Premium ${r.randint(6, 14)},{dg(r, 3)}.00; deductible $2,500. Driver list (EVOC-certified staff) must be updated by {fd(ahead(r, 5, 14), 'mdy')} - {staffer(r).fl()} and {staffer(r).fl()} added."),
               P("Loss runs for the last 3 years are in the shared drive.")], o, subject=f"Medic {u} policy renewal")
def C_formulary(r):
    o = org(r, "pbm"); rows = [[d_, ndc(r), one(r, "Tier 2", "Tier 3", "Tier 4 / specialty", "Excluded"), one(r, "PA added", "QL 30/30", "step therapy", "removed")] for d_ in r.sample(["Humira 40 mg pen", "Ozempic 1 mg", "Dupixent 300 mg", "Xarelto 20 mg", "Trulicity 1.5 mg", "Vraylar 1.5 mg", "Nurtec ODT", "Enbrel 50 mg"], 5)]
    return Doc("formulary-update", "Formulary update", [P(f"Formulary changes effective {fd(D(2027, 1, 1), 'long')} (commercial book of business). Members affected will get a 30-day transition fill."), TBL(["Drug", "NDC", "New tier", "UM change"], rows),
               P("Provider fax blast goes out Monday. No member data in this notice.")], o, subject="Q1 2027 formulary changes")
def C_recall(r):
    o = r.choice(VENDORS[1:2] + ORG_BY_KIND["dme"]); lots = [f"{up(r, 1)}{dg(r, 6)}" for _ in range(4)]
    return Doc("product-recall", "Field safety notice", [H("URGENT: Medical Device Field Safety Notice"), P(f"Product: {one(r, 'CPAP heated tube, REF 37296', 'nasal pillow mask cushion, REF 63150', 'oxygen concentrator filter, REF 1119-22')}. Lots: {', '.join(lots)}. Expiry {fd(ahead(r, 200, 700), 'mdy')}."),
               P(f"Issue: {one(r, 'possible cracking at the cuff', 'foam degradation', 'incorrect label')}. Quarantine affected stock and return with form FSN-{dg(r, 4)} by {fd(ahead(r, 10, 30), 'mdy')}. Contact {staffer(r).fl()}, Quality, {phone(r)}.")], o, subject="Field safety notice - lots listed")
def C_ticket(r):
    o = org(r); v = VENDORS[2]; s = staffer(r)
    return Doc("it-ticket", "IT ticket", [P(f"Ticket INC{dg(r, 7)} - {one(r, 'video visits dropping after 10 min', 'printer on 3 West jamming', 'cannot log in to the scheduling module', 'VRI cart camera not detected')}."),
               KV(r, [("Reported by", s.fl()), ("Ext", dg(r, 4)), ("Asset tag", f"HP{dg(r, 6)}"), ("Priority", one(r, "P2", "P3")), ("Assigned", f"{v.short} support / {staffer(r).short()}"), ("Opened", fd(ago(r, 0, 3), "mdy"))]),
               P("Workaround: use the backup link; no patient data involved in this ticket.")], o, subject=f"INC{dg(r, 7)}")
def C_interp_invoice(r):
    o = VENDORS[0]; rows = [[l, r.randint(200, 4000), f"${r.choice([1.25, 1.95, 2.50, 3.10])}"] for l in ["Spanish", "Vietnamese", "Somali", "Haitian Creole", "ASL (VRI)"]]
    return Doc("vendor-invoice", "Interpreter invoice", [P(f"Invoice LLP-{dg(r, 6)} for November services, PO {dg(r, 10)}, Harbor Point Medical Center. Minutes by language:"), TBL(["Language", "Minutes", "Rate/min"], rows),
               P(f"Remit to Lumen Language Partners, ACH. Questions: {staffer(r).fl()}, Accounts Receivable.")], o, subject="November invoice")
def C_amend_policy(r):
    o = org(r, "hospital")
    return Doc("form-revision", "Form revision", [P(f"HIM form 207 'Request to Amend Protected Health Information' was revised {fd(ago(r, 5, 30), 'mdy')} (rev. 11/2026)."),
               P("Changes: the Date of Birth field is now required so we can match the request to the right record; a new checkbox for 'amend vs. add a statement of disagreement'; the 60-day response deadline is printed on the form."),
               P(f"Please recycle old stock. Questions to {staffer(r).fl()}, RHIA, Privacy Officer.")], o, subject="Revised amendment request form")
def C_corr_orientation(r):
    o = org(r, "corr"); n = [staffer(r) for _ in range(4)]
    return Doc("staff-orientation", "Contract staff orientation", [P(f"Security orientation for new contract nursing staff is {fd(ahead(r, 3, 15), 'wk')} 0700. Bring government ID; badges will be issued."), TBL(["Name", "Role", "Badge #", "Background check"], [[x.fl(), one(r, "RN", "LPN", "MA", "NP"), f"KC{dg(r, 5)}", one(r, "cleared", "pending")] for x in n]),
               P("Reminder: no personal phones past sally port 2.")], o, subject="Contract staff orientation")
def C_survey(r):
    o = org(r, "snf"); d = ahead(r, 10, 40)
    return Doc("survey-readiness", "Survey readiness", [P(f"Our annual state survey window opens around {fd(d, 'long')}. Mock survey {fd(d - TD(days=8), 'wka')} with the corporate team."),
               P("Focus F-tags from last year: F689 (accidents), F880 (infection control), F812 (food storage). Department heads: binder check Friday."), P(f"{me(r, 'Administrator').fl()}, Administrator")], o, subject="Survey readiness")
def C_ph_aggregate(r):
    o = org(r, "publichealth"); rows = [[c, r.randint(0, 40), r.randint(0, 9), r.randint(0, 5)] for c in ["Lorain", "Elyria", "Avon", "Amherst", "Oberlin"]]
    return Doc("deidentified-stats", "Weekly surveillance summary", [P(f"MMWR week {r.randint(46, 50)} summary (counts only, cells <5 suppressed in the public version)."), TBL(["City", "Influenza (lab-confirmed)", "Pertussis", "Salmonellosis"], rows),
               P("No individual case data is shared in this report.")], o, subject="Weekly surveillance summary")
def C_sleep_qa(r):
    o = org(r, "sleep"); rows = [[f"Bed {i}", f"SN {up(r, 2)}{dg(r, 6)}", fd(ago(r, 1, 30), "mdy"), one(r, "pass", "pass", "re-calibrate")] for i in range(1, 6)]
    return Doc("equipment-qa", "Equipment QA", [P("Monthly calibration log - PSG amplifiers and oximeters:"), TBL(["Room", "Serial", "Calibrated", "Result"], rows), P(f"Tech: {staffer(r).fl()}, RPSGT")], o, subject="Calibration log")
def C_audio_order(r):
    o = VENDORS[1]
    return Doc("vendor-order", "Order confirmation", [P(f"Order SO-{dg(r, 7)} confirmed for ClearTone Audiology, ship to {ORG_BY_KIND['audio'][0].addr1()}."),
               TBL(["Item", "Qty", "Serial / lot"], [["BTE receiver 312, size M", r.randint(2, 10), f"Lot {up(r, 1)}{dg(r, 5)}"], ["Domes, open 8 mm", r.randint(20, 100), f"Lot {dg(r, 6)}"], ["Demo aid RIC 60", 2, f"SN {dg(r, 9)}"]]),
               P(f"PO {dg(r, 8)}. Tracking to follow. {me(r, 'Customer Service').fl()}, Customer Service")], o, subject="Order confirmation")
def C_genetics_edu(r):
    o = org(r, "genetics")
    return Doc("education", "Genetics education", [H("Lunch & learn: hereditary cancer testing"), P("Case (fictional): a 38-year-old woman whose mother and maternal aunt had breast cancer before 50. Which NCCN criteria apply? What does a VUS mean for management?"),
               P(f"Presenter: {staffer(r).fl()}, MS, CGC. {fd(ahead(r, 5, 25), 'wk')} noon, conf room 3. CE credit available.")], o, subject="Lunch & learn")
def C_birthday(r):
    o = org(r); s = staffer(r)
    return Doc("staff-birthday", "Birthday", [P(f"It's {s.given} {s.family}'s birthday {one(r, 'tomorrow', 'on Friday', fd(ahead(r, 1, 6), 'wk'))}! Cake in the break room at 3. {one(r, 'Card is at the front desk.', 'Sign the card by noon.')}"),
               P(one(r, "Don't tell her which one it is ;)", "Yes, another year older.", "Bring your appetite."))], o, subject=one(r, "Cake!", f"Happy birthday {s.given}", "birthday treats"))
def C_job(r):
    o = org(r); t = one(r, "Polysomnographic Technologist (nights)", "Dialysis Patient Care Technician", "Hospice RN Case Manager", "Medical Interpreter - Somali", "Certified Genetic Counselor", "Correctional LPN")
    return Doc("job-posting", "Job posting", [H(f"Now hiring: {t}"), P(f"Req #{dg(r, 6)}. {one(r, 'Full time', 'Part time', 'PRN')}, ${r.randint(22, 58)}-{r.randint(59, 75)}/hr DOE. Sign-on bonus available."),
               P("Requirements: current license/credential, BLS, 1 year experience preferred. Apply at careers." + o.dom + f". Recruiter: {staffer(r).fl()}.")], o, subject="Job posting - " + t)
def C_hipaa(r):
    o = org(r)
    return Doc("hipaa-reminder", "HIPAA reminder", [P(f"Annual HIPAA & privacy training is due by {fd(ahead(r, 10, 45), 'long')}. Module takes 25 minutes."),
               P("Reminders: use secure e-mail ([secure] in subject) for anything with patient information; verify fax numbers; never use patient names in calendar invites. Training slides use sample SSN 078-05-1120 and sample MBI 1EG4-TE5-MK73 - these are not real."),
               P(f"{me(r, 'Privacy Officer').fl()}, Privacy Officer")], o, subject="HIPAA training due")
def C_ooo(r):
    o = org(r); s = staffer(r); b = staffer(r)
    return Doc("out-of-office", "Out of office", [P(f"I am out of the office {fd(ahead(r, 1, 5), 'mdy')} through {fd(ahead(r, 6, 14), 'mdy')} with limited e-mail. For urgent matters contact {b.fl()} at {phone(r)}."), P(me_as(s).fl())], o, subject="Automatic reply: " + one(r, "staffing", "invoice", "meeting"))
def C_perks(r):
    o = org(r); s = staffer(r)
    return Doc("wellness-perk", "Wellness perk", [P(f"{s.given}, your employee gym membership at IronWorks Fitness is active - member # {dg(r, 9)}, renews {fd(ahead(r, 30, 200), 'mdy')}. Payroll deduction ${r.randint(12, 30)}/pay period."),
               P(f"Also: employee auto insurance discount through Anchor Fleet - quote ref AF-{dg(r, 7)}."), P("Benefits Team")], o, subject="Your wellness perks")
def C_es_notice(r):
    o = org(r)
    return Doc("spanish-notice", "Aviso al personal", [P(f"Recordatorio: la reunión del personal es el {fd(ahead(r, 2, 10), 'es')} a las 2 p.m. en la sala de conferencias."),
               P("Temas: horario de vacaciones, capacitación de HIPAA (fecha límite 31 de enero) y el nuevo sistema de intérpretes por video."), P(f"Gracias, {me(r).fl()}")], o, subject="Reunión del personal")
def C_pet_therapy(r):
    o = org(r, one(r, "hospice", "snf", "peds", "hospital")); dogs = [(one(r, "Biscuit", "Maple", "Tucker", "Luna", "Moose", "Pepper"), one(r, "golden retriever", "labradoodle", "beagle", "greyhound", "corgi")) for _ in range(3)]
    return Doc("pet-therapy", "Therapy dog visits", [P("Therapy dog team schedule for next week:"), TBL(["Dog", "Breed", "Handler", "Rabies tag", "Rabies vaccine due"], [[d[0], d[1], staffer(r).fl(), f"2026-{dg(r, 4)}", fd(ahead(r, 60, 400), "mdy")] for d in dogs]),
               P("All dogs are current on vaccines and temperament evaluation. Handlers check in at volunteer services.")], o, subject="Therapy dogs next week")
def C_newsletter(r):
    o = org(r); t = r.choice([("Sleep apnea: the silent risk", "About 1 in 5 adults has at least mild obstructive sleep apnea; most are undiagnosed. Snoring, morning headaches and daytime sleepiness are common signs."),
                             ("Kidney health month", "37 million US adults have chronic kidney disease. Blood pressure control and diabetes management slow progression."),
                             ("Protect your hearing", "Noise-induced hearing loss is preventable. Limit exposure above 85 dB and wear protection at work."),
                             ("Pertussis is rising", "Whooping cough cases are up this year; Tdap in every pregnancy protects newborns.")])
    return Doc("newsletter", "Newsletter", [H(t[0]), P(t[1]), P(f"Read more on our blog at {o.dom}/news. Unsubscribe anytime.")], o, subject=t[0])
def C_quality(r):
    o = org(r, one(r, "dialysis", "snf", "hospice", "onc"))
    return Doc("quality-metrics", "Quality dashboard", [P("Q3 quality summary (aggregate, no patient identifiers):"),
               KV(r, [("Measure 1", one(r, "Kt/V >= 1.2: 94%", "30-day readmission: 17.8%", "hospice visits in last 3 days of life: 81%", "chemo extravasation rate: 0.04%")), ("Measure 2", one(r, "catheter >90 days: 11%", "falls w/ injury per 1,000 days: 1.9", "pain screened: 98%")),
                      ("Measure 3", one(r, "patient experience top box: 78%", "infections per 100 pt-months: 0.6")), ("Benchmark", "state average"), ("Next review", fd(ahead(r, 20, 60), "mdy"))]),
               P(f"{me(r, 'Quality Director').fl()}, Quality Director")], o, subject="Q3 quality summary")
def C_research_deid(r):
    o = org(r, one(r, "genetics", "onc", "sleep")); codes = [f"{one(r, 'HX', 'ON', 'SL')}-{dg(r, 3)}" for _ in range(5)]
    return Doc("research-deidentified", "Study update", [P(f"Enrollment update: {r.randint(40, 140)} consented, target 150. Participant codes with open queries: {', '.join(codes)} (no names - key stays with the PI)."),
               P(f"Adverse events this month: {r.randint(0, 3)} grade 1, 0 serious. DSMB meets {fd(ahead(r, 10, 60), 'long')}."), P(f"{me(r, 'Research Coordinator').fl()}, Research Coordinator")], o, subject="Study enrollment update")
def C_meeting(r):
    o = org(r); s = [staffer(r) for _ in range(3)]
    return Doc("meeting-minutes", "Meeting minutes", [H(f"Minutes - department meeting {fd(ago(r, 1, 6), 'mdy')}"), P(f"Present: {', '.join(x.fl() for x in s)}."),
               P("1. Holiday coverage finalized. 2. New interpreter video carts arrive 1/12. 3. Budget: supplies 4% over, travel under. 4. Next meeting " + fd(ahead(r, 20, 35), "mdy") + ".")], o, subject="Minutes")

# ================================================================== clean interchange look-alikes
def Q_hl7_spec(r):
    o = org(r); t = ("PID segment mapping (inbound ADT)\n"
                     "PID-3   Patient Identifier List   <MRN>^^^<ASSIGNING AUTH>^MR   required\n"
                     "PID-5   Patient Name              <LAST>^<FIRST>^<MIDDLE>         required\n"
                     "PID-7   Date/Time of Birth        YYYYMMDD                         required\n"
                     "PID-8   Administrative Sex        F | M | O | U                    required\n"
                     "PID-11  Patient Address           <street>^^<city>^<ST>^<zip>      optional\n"
                     "PID-19  SSN                       do NOT send - field must be empty\n"
                     "Example: PID|1||<MRN>^^^HPMC^MR||<LAST>^<FIRST>||YYYYMMDD|<sex>")
    return Doc("hl7-spec", "HL7 interface spec", [P(f"Spec for the {one(r, 'sleep lab', 'SNF', 'dialysis', 'telehealth')} ADT interface, v{r.randint(1, 4)}.{r.randint(0, 9)} - placeholders only, please review before Friday's call."), PRE(t)], o, kind="raw", subject="Interface spec draft")
def Q_hl7_test(r):
    o = org(r); seg = [f"MSH|^~\\&|EPIC|HPMC|TEST|TEST|{hts(r)}||ADT^A04^ADT_A01|TST{dg(r, 6)}|T|2.5.1", "EVN|A04|" + hts(r),
                       f"PID|1||{one(r, 'ZZ0000001', 'TEST00042', '999999999')}^^^HPMC^MR||{one(r, 'ZZTEST^SLEEPY', 'TEST^PATIENT^ONE', 'ZZZTRAIN^DIALYSIS', 'ZZTEST^INFUSION^A')}||19000101|U|||123 TEST ST^^ANYTOWN^ZZ^00000",
                       "PV1|1|O|TEST^^^||||0000000000^TEST^PROVIDER"]
    return Doc("hl7-test-patient", "Test message", [P("Test message sent from the TST environment (processing ID T, test patient) for validation - safe to share with the vendor:"), PRE("\n".join(seg))], o, kind="raw", subject="Test ADT for vendor")
def Q_x12_guide(r):
    o = org(r, one(r, "payer", "ems", "pbm")); t = ("Loop 2010BA Subscriber Name\n"
        "NM1*IL*1*DOE*JANE****MI*XXXXXXXXXXX~     (sample values from the companion guide)\n"
        "DMG*D8*CCYYMMDD*F~\n"
        "Loop 2300 Claim\nCLM*PATIENTACCT01*100***41:B:1*Y*A*Y*Y~\nCR1*LB*###**A*DH*##.#~   (ambulance only)\n"
        "ISA15 usage indicator must be T for testing, P for production.")
    return Doc("x12-guide", "837 companion guide excerpt", [P(f"Companion guide excerpt (rev {fd(ago(r, 30, 200), 'mdy')}) for trading partners. All values are placeholders."), PRE(t)], o, kind="raw", subject="Companion guide update")
def Q_fhir_example(r):
    o = org(r, "tele")
    res = {"resourceType": "Patient", "id": "example", "identifier": [{"system": "urn:oid:1.2.36.146.595.217.0.1", "value": "12345"}], "name": [{"family": "Chalmers", "given": ["Peter", "James"]}],
           "gender": "male", "birthDate": "1974-12-25", "meta": {"tag": [{"code": "SAMPLE"}]}}
    return Doc("fhir-example", "FHIR sample", [P("For the API onboarding doc: this is the published example Patient from the HL7 FHIR spec (a fictional sample, not one of ours). Use it in the Postman collection instead of real charts."),
               PRE(json.dumps(res, indent=2))], o, kind="raw", subject="Sample resource for API docs")
def Q_fhir_profile(r):
    o = org(r); t = ('{\n  "resourceType": "Observation",\n  "status": "final",\n  "code": { "coding": [ { "system": "http://loinc.org", "code": "<LOINC>" } ] },\n'
                     '  "subject": { "reference": "Patient/<id>" },\n  "effectiveDateTime": "YYYY-MM-DDThh:mm:ssZ",\n  "valueQuantity": { "value": <number>, "unit": "<UCUM>" }\n}')
    return Doc("fhir-profile", "FHIR profile", [P("Minimum Observation profile for the device feed. Placeholders in angle brackets."), PRE(t)], o, kind="raw", subject="Observation profile")
def Q_mbi(r):
    o = org(r, one(r, "ems", "snf", "dme", "hospice"))
    t = ("MBI format: 11 characters, e.g. 1EG4-TE5-MK73 (CMS's published example).\nPattern: 1AA1-AA1-AA11  (C A AN N A AN N A A N N)\nPosition 1: 1-9; letters exclude S, L, O, I, B, Z.\n"
         "Dashes are for display only - do not key them into the claim.\nNever use the old HICN/SSN-based number after 1/1/2020.")
    return Doc("mbi-training", "MBI training", [P("Registration refresher - Medicare Beneficiary Identifier:"), PRE(t), P("Quiz next week. Sample numbers only.")], o, kind="raw", subject="MBI refresher")
def Q_ssn_training(r):
    o = org(r)
    t = "SSN field rules\n  Format: 3-2-4 digits, e.g. 078-05-1120 (a famous invalid sample) or 123-45-6789 (training placeholder).\n  Area numbers 000, 666 and 900-999 are never issued.\n  Only collect SSN when required for billing."
    return Doc("ssn-training", "SSN training", [P("For the front-desk training deck:"), PRE(t)], o, kind="raw", subject="Training deck - SSN slide")
def Q_999(r):
    o = org(r, "payer"); a, b = x12_env(r, "005010X231A1", "FA")
    seg = [a, b, "ST*999*0001*005010X231A1~", f"AK1*HC*{r.randint(1, 999)}*005010X222A1~", "AK2*837*0001*005010X222A1~", "IK5*A~", "AK9*A*1*1*1~", "SE*6*0001~", "GE*1*1~", f"IEA*1*{dg(r, 9)}~"]
    return Doc("x12-999", "999 acknowledgment", [P("Batch accepted - 999 below for your records (no claim detail in the ack):"), PRE("\n".join(seg))], o, kind="raw", subject="999 accepted")
def Q_1500_instr(r):
    o = org(r, "payer")
    items = [("Item 1a", "Insured's ID Number - enter the ID exactly as it appears on the member card"), ("Item 2", "Patient's Name - Last, First, Middle Initial"), ("Item 3", "Patient's Birth Date - MM DD YY or MM DD YYYY"),
             ("Item 21", "ICD indicator 0; up to 12 codes, no decimal point"), ("Item 24J", "Rendering provider NPI"), ("Item 33a", "Billing provider NPI")]
    return Doc("cms1500-instructions", "CMS-1500 instructions", [P("Provider bulletin - CMS-1500 completion tips (form version 02/12):"), KV(r, items, "aligned")], o, kind="raw", subject="1500 tips")
def Q_payer_sheet(r):
    o = org(r, "pbm")
    items = [("BIN", dg(r, 6)), ("PCN", "CPRX"), ("Group", "varies by employer - see card"), ("Cardholder ID (302-C2)", "as printed on card, 11 characters"), ("Date of Birth (304-C4)", "CCYYMMDD - required"), ("Effective", fd(D(2027, 1, 1), "mdy"))]
    return Doc("ncpdp-payer-sheet", "NCPDP payer sheet", [P("2027 payer sheet summary for network pharmacies:"), KV(r, items, "aligned")], o, kind="raw", subject="Payer sheet 2027")

# ================================================================== clean lists
def K_oncall(r):
    o = org(r); d = ahead(r, 1, 3); rows = []
    for i in range(n_rows(r)):
        c = clin(r, one(r, "MD", "DO", "NP", "PA-C")); rows.append([d + TD(days=i // 2), one(r, "Day", "Night"), c.fl(), c.cred, npi(r), phone(r)])
    return Doc("on-call", "On-call schedule", [P("Provider on-call schedule:"), TBL(["Date", "Shift", "Provider", "Cred", "NPI", "Pager/cell"], rows)], o, kind="list")
def K_interp_staff(r):
    o = org(r, "hospital"); rows = [[ahead(r, 1, 10), staffer(r).fl(), one(r, "Spanish", "Vietnamese", "Somali", "Portuguese", "ASL"), one(r, "07-15", "11-19", "15-23"), f"E{dg(r, 6)}", one(r, "CHI", "CMI", "in training")] for _ in range(n_rows(r))]
    rows.sort(key=lambda x: x[0])
    return Doc("interpreter-staff-schedule", "Staff interpreter schedule", [TBL(["Date", "Interpreter", "Language", "Shift", "Employee ID", "Certification"], rows)], o, kind="list")
def K_chairs(r):
    o = org(r, "onc"); rows = [[f"Chair {i}", f"SN {up(r, 3)}{dg(r, 5)}", ago(r, 10, 300), ahead(r, 20, 200), one(r, "ok", "ok", "motor noise", "replace upholstery")] for i in range(1, n_rows(r) + 1)]
    return Doc("equipment-log", "Infusion chair maintenance", [TBL(["Chair", "Serial", "Last PM", "Next PM", "Note"], rows)], o, kind="list")
def K_inventory(r):
    o = org(r, "dme"); rows = [[one(r, "CPAP heated tube", "nasal mask M", "full face mask L", "O2 cannula 7 ft", "CPAP filter (disp.)", "walker 2-wheel"), f"REF {dg(r, 5)}", f"{up(r, 1)}{dg(r, 6)}", ahead(r, 100, 900), r.randint(0, 240)] for _ in range(n_rows(r))]
    return Doc("supply-lots", "Warehouse lot list", [P("Cycle count - lots on hand:"), TBL(["Item", "REF", "Lot", "Expiry", "Qty"], rows)], o, kind="list")
def K_formulary(r):
    o = org(r, "pbm"); rows = [[one(r, "adalimumab", "semaglutide", "dupilumab", "rivaroxaban", "dulaglutide", "cariprazine", "rimegepant", "etanercept", "atorvastatin", "metformin ER"), ndc(r), one(r, "1", "2", "3", "4", "5"), one(r, "", "PA", "QL", "ST"), D(2027, 1, 1)] for _ in range(n_rows(r))]
    return Doc("formulary-list", "Formulary file", [TBL(["Drug", "NDC", "Tier", "UM", "Effective"], rows)], o, kind="list")
def K_counts(r):
    o = org(r, "publichealth"); w0 = TODAY - TD(days=TODAY.weekday() + 7 * n_rows(r))
    rows = [[w0 + TD(weeks=i), one(r, "0-4", "5-17", "18-49", "50-64", "65+"), r.randint(0, 60), r.randint(0, 12), r.randint(0, 5)] for i in range(n_rows(r))]
    return Doc("deidentified-counts", "Weekly counts by age band", [P("Aggregate counts, no identifiers (small cells suppressed in the public release):"), TBL(["Week starting", "Age band", "Influenza", "RSV", "Pertussis"], rows)], o, kind="list")
def K_fleet(r):
    o = org(r, "ems"); rows = [[f"Medic {r.randint(1, 30)}", f"1FD{up(r, 2)}{dg(r, 1)}{up(r, 3)}{dg(r, 6)}", one(r, "2021 Ford E-450", "2023 Chevy G4500", "2019 Ford F-450"), f"CA-{dg(r, 7)}", D(2027, r.randint(1, 12), r.randint(1, 28)), r.randint(20000, 190000)] for _ in range(n_rows(r))]
    return Doc("fleet-list", "Fleet insurance schedule", [TBL(["Unit", "VIN", "Vehicle", "Policy", "Renewal", "Odometer"], rows)], o, kind="list")
def K_training(r):
    o = org(r); rows = [[staffer(r).fl(), f"E{dg(r, 6)}", one(r, "HIPAA 2026", "Bloodborne pathogens", "Restraint/seclusion", "Chemo safe handling", "EVOC refresher"), ahead(r, -20, 40), one(r, "complete", "overdue", "in progress")] for _ in range(n_rows(r))]
    return Doc("training-compliance", "Training compliance", [TBL(["Employee", "Employee ID", "Course", "Due", "Status"], rows)], o, kind="list")
def K_license(r):
    o = org(r, one(r, "snf", "hospice", "dialysis", "corr")); rows = []
    for _ in range(n_rows(r)):
        s = staffer(r); rows.append([s.lf(), one(r, "RN", "LPN", "CNA", "PCT", "RD"), f"{one(r, 'RN', 'PN', 'NA', 'CCHT')}{dg(r, 6)}", ahead(r, 10, 700), ago(r, 100, 4000)])
    return Doc("license-roster", "License roster", [P("License/certification expirations for the survey binder:"), TBL(["Staff", "Role", "License #", "Expires", "Hire date"], rows)], o, kind="list")
def K_po(r):
    o = org(r); rows = [[f"PO{dg(r, 8)}", one(r, "Northgate Medical", "Lumen Language", "Vireo", "Office Depot", "McKesson"), ago(r, 1, 40), f"{r.randint(120, 25000)}.{dg(r, 2)}", one(r, "open", "received", "invoiced")] for _ in range(n_rows(r))]
    return Doc("purchase-orders", "Open POs", [TBL(["PO", "Vendor", "Date", "Amount", "Status"], rows)], o, kind="list")
def K_dogs(r):
    o = org(r); rows = [[one(r, "Biscuit", "Maple", "Tucker", "Luna", "Moose", "Pepper", "Ziggy", "Rosie"), one(r, "golden retriever", "labradoodle", "beagle", "greyhound", "corgi", "mixed"), staffer(r).fl(), f"2026-{dg(r, 4)}", ahead(r, 30, 400), one(r, "Mon", "Wed", "Fri")] for _ in range(n_rows(r))]
    return Doc("therapy-dog-roster", "Therapy dog roster", [TBL(["Dog", "Breed", "Handler", "Rabies tag", "Vaccine due", "Visit day"], rows)], o, kind="list")
def K_es(r):
    o = org(r); rows = [[staffer(r).fl(), one(r, "Enfermera", "Técnico de diálisis", "Recepcionista", "Intérprete"), ahead(r, 1, 14), one(r, "7:00-15:00", "15:00-23:00", "noche"), f"ext. {dg(r, 4)}"] for _ in range(n_rows(r))]
    return Doc("spanish-staff-list", "Turnos del personal", [P("Turnos de diciembre (personal solamente):"), TBL(["Empleado", "Puesto", "Fecha", "Turno", "Teléfono"], rows)], o, kind="list", dst="es_num")
def K_quality(r):
    o = org(r, one(r, "dialysis", "snf", "hospice", "onc", "sleep")); m0 = D(2026, 1, 1)
    rows = [[D(2026, i + 1, 1), one(r, "Unit 4", "Main", "East"), round(r.uniform(80, 99), 1), round(r.uniform(0, 3), 2), r.randint(40, 200)] for i in range(min(11, n_rows(r)))]
    return Doc("quality-by-month", "Quality by month", [TBL(["Month", "Site", "Measure met %", "Events per 1,000", "Denominator"], rows)], o, kind="list")
def K_volunteers(r):
    o = org(r, one(r, "hospice", "hospital", "snf")); rows = [[staffer(r).fl(), one(r, "vigil", "front desk", "music", "pet therapy", "bereavement calls"), ago(r, 1, 30), r.randint(1, 12), phone(r)] for _ in range(n_rows(r))]
    return Doc("volunteer-hours", "Volunteer hours", [TBL(["Volunteer", "Role", "Date", "Hours", "Phone"], rows)], o, kind="list")

PHI_NARR = [P_psych_intake, P_infusion_hold, P_prenatal, P_dialysis, P_transplant, P_hospice, P_peds, P_occhealth, P_ems, P_pbm, P_dme, P_telehealth, P_interpreter, P_amendment,
            P_correctional, P_snf, P_reportable, P_sleep, P_audiology, P_genetics, P_spanish, P_nolabel, P_result_letter, P_refill, P_reminder, P_eligibility, P_care_coord]
PHI_RAW = [R_hl7_adt, R_hl7_oru, R_hl7_siu, R_hl7_vxu, R_837p, R_837i, R_835, R_270_271, R_278, R_fhir_json, R_fhir_xml, R_cms1500, R_ub04, R_ncpdp]
PHI_LIST = [Lp_infusion, Lp_dialysis, Lp_snf_census, Lp_hospice, Lp_sleep, Lp_interp, Lp_ems, Lp_pbm, Lp_dme, Lp_ob, Lp_ph_line, Lp_nbhs, Lp_corr, Lp_tele, Lp_genetics, Lp_occ, Lp_es]
CLEAN_NARR = [C_group_schedule, C_infusion_staffing, C_prenatal_class, C_water_report, C_transplant_event, C_hospice_volunteer, C_vaccine_clinic, C_occ_contract, C_fleet, C_formulary, C_recall,
              C_ticket, C_interp_invoice, C_amend_policy, C_corr_orientation, C_survey, C_ph_aggregate, C_sleep_qa, C_audio_order, C_genetics_edu, C_birthday, C_job, C_hipaa, C_ooo, C_perks,
              C_es_notice, C_pet_therapy, C_newsletter, C_quality, C_research_deid, C_meeting]
CLEAN_RAW = [Q_hl7_spec, Q_hl7_test, Q_x12_guide, Q_fhir_example, Q_fhir_profile, Q_mbi, Q_ssn_training, Q_999, Q_1500_instr, Q_payer_sheet]
CLEAN_LIST = [K_oncall, K_interp_staff, K_chairs, K_inventory, K_formulary, K_counts, K_fleet, K_training, K_license, K_po, K_dogs, K_es, K_quality, K_volunteers]

# ================================================================== renderers: text and HTML
def cs(v, dst="mdy"):
    if isinstance(v, DT): return f"{fd(v.date(), dst)} {v.hour % 12 or 12}:{v.minute:02d} {'AM' if v.hour < 12 else 'PM'}"
    if isinstance(v, D): return fd(v, dst)
    return str(v)
def kv_text(items, sty):
    w = max(len(a) for a, _ in items) if items else 0
    if sty == "runon": return "; ".join(f"{a} {b}" for a, b in items) + "."
    f = {"colon": lambda a, b: f"{a}: {b}", "aligned": lambda a, b: f"{a.ljust(w)}  {b}", "wrap": lambda a, b: f"{a}:\n    {b}", "pipe": lambda a, b: f"{a} | {b}",
         "dots": lambda a, b: f"{a} {'.' * (w - len(a) + 3)} {b}", "caps": lambda a, b: f"{a.upper()}: {b}", "eq": lambda a, b: f"{a}= {b}", "bracket": lambda a, b: f"[{a}] {b}",
         "dash": lambda a, b: f"- {a} - {b}"}[sty]
    return "\n".join(f(a, str(b)) for a, b in items)
def table_text(hdr, rows, dst, sty="cols"):
    cells = [list(hdr)] + [[cs(v, dst) for v in row] for row in rows]
    if sty == "pipe": return "\n".join(" | ".join(r_) for r_ in cells)
    if sty == "tab": return "\n".join("\t".join(r_) for r_ in cells)
    w = [max(len(c[i]) for c in cells) for i in range(len(hdr))]
    out = ["  ".join(c.ljust(w[i]) for i, c in enumerate(cells[0])).rstrip(), "  ".join("-" * w[i] for i in range(len(hdr)))]
    return "\n".join(out + ["  ".join(c.ljust(w[i]) for i, c in enumerate(r_)).rstrip() for r_ in cells[1:]])
def render_text(doc, tsty="cols"):
    out = []
    for b in doc.blocks:
        if b[0] == "h": out.append(b[1] + "\n" + ("=" if len(b[1]) % 2 else "-") * min(len(b[1]), 60))
        elif b[0] == "p": out.append(b[1])
        elif b[0] == "kv": out.append(kv_text(b[1], b[2]))
        elif b[0] == "table": out.append(table_text(b[1], b[2], doc.dst, tsty))
        elif b[0] == "pre": out.append(b[1])
    return "\n\n".join(out) + "\n"
def hbr(t): return hx(t).replace("\n", "<br>")
def render_html(doc, letterhead=False, look=0):
    o = doc.o; col = "#" + (o.color if o else "333333")
    font = ["Calibri,Arial,sans-serif", "Segoe UI,Tahoma,sans-serif", "Georgia,serif", "Verdana,sans-serif"][look % 4]
    h = [f'<html><head><meta charset="utf-8"><title>{hx(doc.title)}</title></head><body style="font-family:{font};font-size:{10 if look % 2 else 11}pt;color:#222">']
    if letterhead and o:
        h.append(f'<table width="100%" style="border-bottom:3px solid {col};margin-bottom:10px"><tr><td><span style="font-size:16pt;font-weight:bold;color:{col}">{hx(o.name)}</span><br>'
                 f'<span style="font-size:8pt;color:#666">{hx(o.addr1())} &middot; Tel {hx(o.phone)} &middot; Fax {hx(o.fax)}</span></td></tr></table>')
    for b in doc.blocks:
        if b[0] == "h": h.append(f'<h3 style="color:{col};margin:8px 0 4px 0">{hx(b[1])}</h3>')
        elif b[0] == "p": h.append(f"<p>{hbr(b[1])}</p>")
        elif b[0] == "kv":
            if look % 3 == 1: h.append("<p>" + "<br>".join(f"<b>{hx(a)}:</b> {hx(str(v))}" for a, v in b[1]) + "</p>")
            else:
                h.append('<table cellpadding="4" cellspacing="0" style="border-collapse:collapse;border:1px solid #bbb">' + "".join(
                    f'<tr><td style="background:#f1f3f5;border:1px solid #ccc;font-weight:bold;white-space:nowrap">{hx(a)}</td><td style="border:1px solid #ccc">{hx(str(v))}</td></tr>' for a, v in b[1]) + "</table>")
        elif b[0] == "table":
            h.append(f'<table cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:9pt"><tr>' + "".join(f'<th style="background:{col};color:#fff;border:1px solid #999;text-align:left">{hx(c)}</th>' for c in b[1]) + "</tr>"
                     + "".join("<tr>" + "".join(f'<td style="border:1px solid #ccc">{hx(cs(v, doc.dst))}</td>' for v in row) + "</tr>" for row in b[2]) + "</table>")
        elif b[0] == "pre": h.append(f'<pre style="font-family:Consolas,Courier New,monospace;font-size:8.5pt;background:#f7f7f7;padding:6px">{hx(b[1])}</pre>')
    h.append("</body></html>")
    return "\n".join(h)

# ================================================================== PDF helpers (stamp normalisation re-typed after batch 15's wiring)
def norm_pdf(data, key):
    """same-length replacement of wall-clock dates and random IDs, keyed on b16/ + file name"""
    h = hashlib.sha256(("b16/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261216170000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-16T17:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + (h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]).lower().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: m.group(0).replace(m.group(1), h[:len(m.group(1))].encode()).replace(m.group(2), h[:len(m.group(2))].encode()), data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", ("/ID [<" + h[:32] + "><" + h[:32] + ">]").encode(), data[t:])
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", ("/DocChecksum /" + h[32:64]).encode(), data)
    return data
def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out); return int(m.group(1)) if m else 99
def rgb(hexcol): return tuple(int(hexcol[i:i + 2], 16) for i in (0, 2, 4))

# ---------------------------------------------------------------- reportlab
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle, Preformatted
from reportlab.lib import colors
SS16 = getSampleStyleSheet()
BODY16 = ParagraphStyle("b16body", parent=SS16["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5)
CELL16 = ParagraphStyle("b16cell", parent=SS16["BodyText"], fontName="Helvetica", fontSize=7.6, leading=9.2)
CELLB16 = ParagraphStyle("b16cellb", parent=CELL16, fontName="Helvetica-Bold")
HEAD16 = ParagraphStyle("b16head", parent=SS16["Heading3"], fontName="Helvetica-Bold", fontSize=11.5, spaceBefore=6, spaceAfter=4)
PRE16 = ParagraphStyle("b16pre", parent=SS16["Code"], fontName="Courier", fontSize=7, leading=8.4)
def rx(s): return hx(lat1f(str(s))).replace("\n", "<br/>")
def rl_pdf(r, doc):
    o = doc.o; col = colors.HexColor("#" + o.color); tb = doc.table(); wide = tb is not None and len(tb[1]) > 6
    ps = landscape(letter) if wide else letter; W, Hh = ps; fax = r.random() < 0.3; look = r.randrange(2)
    def deco(c, d):
        c.saveState()
        if look == 0:
            c.setFillColor(col); c.rect(0.6 * inch, Hh - 0.95 * inch, 0.42 * inch, 0.42 * inch, stroke=0, fill=1)
            c.setFillColor(colors.white); c.setFont("Helvetica-Bold", 12); c.drawCentredString(0.81 * inch, Hh - 0.81 * inch, lat1f(o.short[:2]).upper())
            c.setFillColor(col); c.setFont("Helvetica-Bold", 14); c.drawString(1.15 * inch, Hh - 0.72 * inch, lat1f(o.name))
            c.setFillColor(colors.HexColor("#666666")); c.setFont("Helvetica", 7.5); c.drawString(1.15 * inch, Hh - 0.88 * inch, lat1f(f"{o.addr1()}  |  T {o.phone}  |  F {o.fax}"))
            c.setStrokeColor(col); c.setLineWidth(1.2); c.line(0.6 * inch, Hh - 1.05 * inch, W - 0.6 * inch, Hh - 1.05 * inch)
        else:
            c.setFont("Times-Bold", 15); c.setFillColor(colors.black); c.drawCentredString(W / 2, Hh - 0.7 * inch, lat1f(o.name))
            c.setFont("Times-Roman", 8.5); c.drawCentredString(W / 2, Hh - 0.87 * inch, lat1f(f"{o.addr1()} - Phone {o.phone} - Fax {o.fax}"))
            c.setLineWidth(0.5); c.line(0.6 * inch, Hh - 0.98 * inch, W - 0.6 * inch, Hh - 0.98 * inch); c.line(0.6 * inch, Hh - 1.02 * inch, W - 0.6 * inch, Hh - 1.02 * inch)
        c.setFont("Helvetica", 7); c.setFillColor(colors.HexColor("#777777"))
        c.drawString(0.6 * inch, 0.45 * inch, lat1f(f"{o.short} - {one(r, 'Confidential', 'Internal', 'Printed')} {fd(TODAY, 'mdy')}")); c.drawRightString(W - 0.6 * inch, 0.45 * inch, f"Page {d.page}")
        c.restoreState()
    buf = io.BytesIO()
    bd = BaseDocTemplate(buf, pagesize=ps, leftMargin=0.6 * inch, rightMargin=0.6 * inch, topMargin=1.25 * inch, bottomMargin=0.7 * inch, title=lat1f(doc.title), author=lat1f(o.short), creator=lat1f(o.short))
    bd.addPageTemplates([PageTemplate(id="p", frames=[Frame(bd.leftMargin, bd.bottomMargin, bd.width, bd.height, id="f")], onPage=deco)])
    st = []
    if fax:
        st.append(Paragraph("<font size=20><b>FAX</b></font>", BODY16)); st.append(Spacer(1, 6))
        t = Table([[Paragraph("<b>To</b>", CELL16), Paragraph(rx(partner(r, o).name), CELL16), Paragraph("<b>Date</b>", CELL16), Paragraph(fd(TODAY, "mdy"), CELL16)],
                   [Paragraph("<b>From</b>", CELL16), Paragraph(rx(o.short), CELL16), Paragraph("<b>Pages</b>", CELL16), Paragraph(str(r.randint(1, 2)), CELL16)]], colWidths=[0.7 * inch, 2.6 * inch, 0.7 * inch, 1.6 * inch])
        t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey)])); st += [t, Spacer(1, 10)]
    for b in doc.blocks:
        if b[0] == "h": st.append(Paragraph(rx(b[1]), HEAD16))
        elif b[0] == "p": st.append(Paragraph(rx(b[1]), BODY16)); st.append(Spacer(1, 4))
        elif b[0] == "kv":
            items = b[1]
            if len(items) >= 8 and r.random() < 0.5:
                half = (len(items) + 1) // 2; L_, R_ = items[:half], items[half:] + [("", "")] * (half - len(items[half:]))
                data = [[Paragraph(rx(a), CELLB16), Paragraph(rx(v), CELL16), Paragraph(rx(c), CELLB16), Paragraph(rx(d_), CELL16)] for (a, v), (c, d_) in zip(L_, R_)]
                t = Table(data, colWidths=[1.2 * inch, 2.3 * inch, 1.2 * inch, 2.3 * inch])
            else:
                t = Table([[Paragraph(rx(a), CELLB16), Paragraph(rx(v), CELL16)] for a, v in items], colWidths=[1.9 * inch, 4.9 * inch])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f4"))]))
            st += [t, Spacer(1, 8)]
        elif b[0] == "table":
            hdr, rows = b[1], b[2]
            data = [[Paragraph(rx(c), CELLB16) for c in hdr]] + [[Paragraph(rx(cs(v, doc.dst)), CELL16) for v in row] for row in rows]
            wts = [min(28, max(6, len(hdr[i]), *[len(cs(row[i], doc.dst)) for row in rows])) for i in range(len(hdr))]
            t = Table(data, repeatRows=1, colWidths=[(W - 1.2 * inch) * w_ / sum(wts) for w_ in wts])
            sty = [("LINEBELOW", (0, 0), (-1, 0), 1.0, col), ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#c8c8c8")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            if look == 0: sty.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e4f0")))
            t.setStyle(TableStyle(sty)); st += [t, Spacer(1, 8)]
        elif b[0] == "pre": st.append(Preformatted(lat1f(b[1]), PRE16, maxLineLength=130 if wide else 105)); st.append(Spacer(1, 6))
    bd.build(st); return buf.getvalue()

# ---------------------------------------------------------------- fpdf2
import fpdf as _fpdf
from fpdf import FPDF
from fpdf.fonts import FontFace
def fp_pdf(r, doc):
    o = doc.o; tb = doc.table(); wide = tb is not None and len(tb[1]) > 5; uni = r.random() < 0.5; c0 = rgb(o.color); stripe = r.random() < 0.5
    T = (lambda s: str(s)) if uni else (lambda s: lat1f(str(s)))
    class PDF(FPDF):
        def header(self):
            if stripe:
                self.set_fill_color(*c0); self.rect(0, 0, 6, self.h, style="F")
            self.set_font(FN, "B", 13); self.set_text_color(*c0); self.cell(0, 7, T(o.name), new_x="LMARGIN", new_y="NEXT")
            self.set_font(FN, "", 7.5); self.set_text_color(90, 90, 90); self.cell(0, 4, T(f"{o.addr1()}   Tel {o.phone}   Fax {o.fax}"), new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(*c0); self.set_line_width(0.5); self.line(self.l_margin, self.get_y() + 1.5, self.w - self.r_margin, self.get_y() + 1.5); self.ln(5); self.set_text_color(0, 0, 0)
        def footer(self):
            self.set_y(-12); self.set_font(FN, "", 7); self.set_text_color(120, 120, 120)
            self.cell(0, 5, T(f"{o.short} | page {self.page_no()}/{{nb}}"), align="C")
    pdf = PDF(orientation="L" if wide else "P", unit="mm", format="Letter")
    if uni:
        pdf.add_font("DejaVu", "", DJ); pdf.add_font("DejaVu", "B", DJB); FN = "DejaVu"
    else: FN = "Helvetica"
    pdf.set_creation_date(dtm.datetime(2026, 12, 16, 17, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    pdf.set_title(T(doc.title)); pdf.set_author(T(o.short)); pdf.set_margins(16, 14, 14); pdf.set_auto_page_break(True, 16); pdf.add_page()
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(FN, "B", 11); pdf.multi_cell(0, 6, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
        elif b[0] == "p": pdf.set_font(FN, "", 9.5); pdf.multi_cell(0, 5, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "kv":
            pdf.set_font(FN, "", 8.5)
            with pdf.table(col_widths=(32, 68), first_row_as_headings=False, line_height=4.6, text_align="LEFT", borders_layout=one(r, "ALL", "HORIZONTAL_LINES", "INTERNAL")) as t:
                for a, v in b[1]:
                    row = t.row(); row.cell(T(a), style=FontFace(emphasis="BOLD", fill_color=(238, 241, 244))); row.cell(T(v))
            pdf.ln(3)
        elif b[0] == "table":
            pdf.set_font(FN, "", 7.5)
            with pdf.table(first_row_as_headings=True, line_height=4.2, text_align="LEFT", headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=c0),
                           cell_fill_color=(246, 246, 246), cell_fill_mode="ROWS") as t:
                t.row([T(c) for c in b[1]])
                for row in b[2]: t.row([T(cs(v, doc.dst)) for v in row])
            pdf.ln(3)
        elif b[0] == "pre":
            pdf.set_font("Courier", "", 7); pdf.multi_cell(0, 3.4, lat1f(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
    return bytes(pdf.output())

# ---------------------------------------------------------------- hand-written PostScript (distilled by Ghostscript)
def ps_str(t):
    out = []
    for ch in lat1f(t):
        o_ = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o_ > 126 or o_ < 32: out.append(f"\\{o_:03o}")
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def wrap(line, n):
    if len(line) <= n: return [line]
    out = []
    while len(line) > n:
        k = line.rfind(" ", 0, n)
        if k < n // 2: k = n
        out.append(line[:k]); line = "   " + line[k:].lstrip()
    return out + [line]
def ps_pdf(ctx, r, doc, key):
    o = doc.o; lines = []
    for ln in render_text(doc, r.choice(["cols", "pipe"])).split("\n"): lines += wrap(ln, 96)
    per = 58; pages = [lines[i:i + per] for i in range(0, len(lines), per)][:2]
    c = [x / 255 for x in rgb(o.color)]
    ps = ["%!PS-Adobe-3.0", f"%%Title: {lat1f(doc.title)}", "%%Creator: b16 ps writer", f"%%Pages: {len(pages)}", "%%EndComments",
          "/L1 { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put def currentdict end definefont pop } def",
          "/CourL1 /Courier L1 /HelvBL1 /Helvetica-Bold L1 /TimesL1 /Times-Roman L1"]
    for i, pg in enumerate(pages, 1):
        ps += [f"%%Page: {i} {i}", "gsave", "0.6 setlinewidth 36 36 540 720 rectstroke", "1.8 setlinewidth 40 40 532 712 rectstroke",
               f"{c[0]:.3f} {c[1]:.3f} {c[2]:.3f} setrgbcolor", "/HelvBL1 findfont 14 scalefont setfont 52 728 moveto " + ps_str(o.name) + " show",
               "0 0 0 setrgbcolor /TimesL1 findfont 8 scalefont setfont 52 716 moveto " + ps_str(f"{o.addr1()}   Phone {o.phone}   Fax {o.fax}") + " show",
               "0.5 setlinewidth 52 710 moveto 560 710 lineto stroke", "/CourL1 findfont 8.2 scalefont setfont"]
        y = 696
        for ln in pg:
            if ln: ps.append(f"52 {y} moveto {ps_str(ln)} show")
            y -= 11.2
        ps += ["/TimesL1 findfont 7 scalefont setfont", f"52 46 moveto {ps_str(f'{o.short} - page {i} of {len(pages)}')} show", "grestore", "showpage"]
    ps.append("%%EOF")
    p = ctx.path(".ps")
    with open(p, "w", encoding="latin-1") as f: f.write("\n".join(ps) + "\n")
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)

# ---------------------------------------------------------------- logo (PIL)
_LOGO = {}
def logo_png(o):
    if o.dom in _LOGO: return _LOGO[o.dom]
    from PIL import Image, ImageDraw, ImageFont
    c = rgb(o.color); im = Image.new("RGB", (520, 128), (255, 255, 255)); d = ImageDraw.Draw(im)
    d.ellipse((10, 14, 110, 114), fill=c)
    d.polygon([(60, 30), (94, 64), (60, 98), (26, 64)], fill=(255, 255, 255))
    d.ellipse((46, 50, 74, 78), fill=c)
    fb = ImageFont.truetype(DJB, 30); fs = ImageFont.truetype(DJ, 15)
    d.text((126, 26), o.short, font=fb, fill=c)
    d.text((128, 72), o.dom, font=fs, fill=(110, 110, 110))
    d.line((126, 66, 500, 66), fill=c, width=2)
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _LOGO[o.dom] = b.getvalue(); return _LOGO[o.dom]

# ---------------------------------------------------------------- python-docx
import docx as _docx
from docx.shared import Pt, Inches, RGBColor
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
DOCX_TSTYLES = ["Table Grid", "Medium Shading 1 Accent 1", "Light Shading Accent 2", "Medium Grid 1 Accent 5", "Colorful List Accent 6", "Light Grid Accent 3", "Medium List 2 Accent 1"]
def page_field(par):
    run = par.add_run(); a = OxmlElement("w:fldChar"); a.set(qn("w:fldCharType"), "begin"); run._r.append(a)
    run = par.add_run(); t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = " PAGE "; run._r.append(t)
    run = par.add_run(); b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "end"); run._r.append(b)
def docx_bytes(r, doc, logo=False):
    o = doc.o; d = _docx.Document(); sec = d.sections[0]; tb = doc.table()
    if tb is not None and len(tb[1]) > 5:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8); sec.top_margin = Inches(0.7)
    st = d.styles["Normal"]; st.font.name = one(r, "Calibri", "Arial", "Cambria", "Times New Roman"); st.font.size = Pt(10.5)
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(1.9)); hp = sec.header.add_paragraph()
    rn = hp.add_run(o.name); rn.bold = True; rn.font.size = Pt(13); rn.font.color.rgb = RGBColor(*rgb(o.color))
    p2 = sec.header.add_paragraph(); r2 = p2.add_run(f"{o.addr1()}  |  Phone {o.phone}  |  Fax {o.fax}"); r2.font.size = Pt(7.5); r2.font.color.rgb = RGBColor(100, 100, 100)
    fp = sec.footer.paragraphs[0]; fr = fp.add_run(one(r, f"{o.short} - ", "Confidential - ", f"{o.dom} - ") + "page "); fr.font.size = Pt(7.5); page_field(fp)
    tsty = r.choice(DOCX_TSTYLES)
    for b in doc.blocks:
        if b[0] == "h": d.add_heading(b[1], level=2)
        elif b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "kv":
            if r.random() < 0.25:
                for a, v in b[1]:
                    p = d.add_paragraph(); x = p.add_run(a + ": "); x.bold = True; p.add_run(str(v)); p.paragraph_format.space_after = Pt(1)
            else:
                t = d.add_table(rows=0, cols=2); t.style = d.styles["Table Grid"]
                for a, v in b[1]:
                    c = t.add_row().cells; c[0].text = a; c[1].text = str(v)
                    for rr in c[0].paragraphs[0].runs: rr.bold = True
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = d.styles[tsty]
            for i, h in enumerate(b[1]): t.rows[0].cells[i].text = h
            for row in b[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cs(v, doc.dst)
            for row in t.rows:
                for c in row.cells:
                    for pp in c.paragraphs:
                        for rr in pp.runs: rr.font.size = Pt(8)
        elif b[0] == "pre":
            p = d.add_paragraph(); x = p.add_run(b[1]); x.font.name = "Courier New"; x.font.size = Pt(7.5)
    d.core_properties.author = o.short; d.core_properties.title = doc.title
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- openpyxl
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment
from openpyxl.utils import get_column_letter
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy", "mmm d, yyyy"]
def xlsx_bytes(r, doc):
    o = doc.o; tb = doc.table(); hdr, rows = tb[1], tb[2]; wb = openpyxl.Workbook(); ws = wb.active
    two = r.random() < 0.25; dfmt = r.choice(XL_DATE)
    if two:
        ws.title = one(r, "Read me", "Summary", "Info"); ws["A1"] = doc.title; ws["A1"].font = Font(bold=True, size=13)
        ws.column_dimensions["A"].width = 12; ws.column_dimensions["B"].width = 44
        ws["A3"] = "Source"; ws["B3"] = o.name; ws["A4"] = "Run date"; ws["B4"] = TODAY; ws["B4"].number_format = dfmt; ws["A5"] = "Rows"; ws["B5"] = len(rows)
        ws = wb.create_sheet(one(r, "Data", "List", "Export", "Sheet1"))
    else: ws.title = re.sub(r"[^A-Za-z0-9 ]", "", doc.title)[:28] or "Sheet1"
    r0 = 1
    if r.random() < 0.5:
        ws.cell(row=1, column=1, value=f"{o.short} - {doc.title}").font = Font(bold=True, size=12); r0 = 3
    fill = PatternFill("solid", fgColor=o.color)
    for j, h in enumerate(hdr, 1):
        c = ws.cell(row=r0, column=j, value=h); c.font = Font(bold=True, color="FFFFFF"); c.fill = fill; c.alignment = Alignment(wrap_text=True, vertical="center")
    for i, row in enumerate(rows, r0 + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(row=i, column=j, value=v)
            if isinstance(v, DT): c.number_format = "m/d/yyyy h:mm AM/PM"
            elif isinstance(v, D): c.number_format = dfmt
    for j, h in enumerate(hdr, 1):
        w = max([len(h)] + [len(cs(row[j - 1])) for row in rows]); ws.column_dimensions[get_column_letter(j)].width = min(42, max(9, w + 2))
    ws.freeze_panes = ws.cell(row=r0 + 1, column=1)
    if r.random() < 0.6: ws.auto_filter.ref = f"A{r0}:{get_column_letter(len(hdr))}{r0 + len(rows)}"
    wb.properties.creator = o.short
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- CSV / TSV / pipe
def csv_bytes(r, doc):
    tb = doc.table(); hdr, rows = tb[1], tb[2]
    v = r.choice(["comma", "comma", "quoted", "semicolon", "tsv", "pipe", "report"]); dst = "es_num" if doc.dst == "es_num" and r.random() < 0.6 else r.choice(["mdy", "mdy", "iso", "ymd8", "mdy1", "dmon"])
    def cell(x):
        if isinstance(x, DT): return f"{fd(x.date(), dst)} {x:%H:%M}"
        return cs(x, dst)
    s = io.StringIO(); eol = "\r\n" if r.random() < 0.5 else "\n"
    delim = {"comma": ",", "quoted": ",", "semicolon": ";", "tsv": "\t", "pipe": "|", "report": ","}[v]
    w = csv.writer(s, delimiter=delim, lineterminator=eol, quoting=csv.QUOTE_ALL if v == "quoted" else csv.QUOTE_MINIMAL)
    if v == "report": s.write(f"{doc.o.short} - {doc.title}{eol}Run {fd(TODAY, 'mdy')} {r.randint(6, 18):02d}:{r.randint(0, 59):02d}{eol}{eol}")
    w.writerow([asc(h).upper().replace(" ", "_") if r.random() < 0.3 else h for h in hdr])
    for row in rows: w.writerow([cell(x) for x in row])
    if v == "report": s.write(f"{eol}Total rows: {len(rows)}{eol}")
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, {"tsv": "tsv", "pipe": "txt"}.get(v, "csv")

# ================================================================== mail assembly (skeleton re-typed after batch 15's wiring; values are this batch's own)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 15.0", "Apple Mail (2.3776.700.51)", "iPad Mail (21H16)", "Mozilla Thunderbird 115.16.1", "Roundcube Webmail/1.6.9",
           "DataMotion SecureMail", "Zix Secure Email", "Lotus Notes Release 9.0.1FP10"]
KIND_TITLES = {"bh": ["Intake Coordinator", "Program Manager", "Psychiatric NP", "Clinical Therapist"], "onc": ["Infusion RN", "Charge RN, Infusion", "Oncology Nurse Navigator", "Infusion Scheduler"],
               "ob": ["OB Nurse", "Certified Nurse-Midwife", "Front Office Lead"], "dialysis": ["Charge Nurse", "Clinic Manager", "Social Worker", "Transient Coordinator"],
               "transplant": ["Transplant Coordinator", "Pre-Transplant RN", "Financial Coordinator"], "hospice": ["Intake Coordinator", "RN Case Manager", "Volunteer Coordinator", "Medical Director"],
               "peds": ["Triage RN", "Pediatric Nurse", "Office Manager"], "occ": ["Case Manager", "Business Development", "Occupational Health RN"],
               "ems": ["Billing Specialist", "Patient Accounts", "Fleet Manager"], "pbm": ["Clinical Pharmacist", "PA Specialist", "Network Relations"],
               "dme": ["Respiratory Therapist", "Intake Specialist", "Compliance Manager"], "tele": ["Care Team", "Clinical Operations", "Platform Support"],
               "hospital": ["Interpreter Services Scheduler", "HIM Specialist", "Privacy Officer", "Infection Preventionist", "Case Manager", "IT Service Desk", "HR Generalist"],
               "corr": ["Health Services Administrator", "Charge Nurse", "Medical Records"], "snf": ["Admissions Director", "MDS Coordinator", "Administrator", "Social Services"],
               "sleep": ["Sleep Tech (RPSGT)", "Scheduling", "Lab Manager"], "audio": ["Audiologist", "Front Desk", "Practice Manager"], "genetics": ["Genetic Counselor", "Clinic Coordinator"],
               "payer": ["Provider Services", "EDI Support", "Claims Analyst"], "publichealth": ["Epidemiologist", "Disease Intervention Specialist"], "vendor": ["Account Manager", "Customer Service", "Accounts Receivable"]}
def ttl(r, o): return r.choice(KIND_TITLES.get(o.kind, ["Coordinator"]))
def title_of(r, s, o):
    if not getattr(s, "title", None): s.title = ttl(r, o)
    return s.title
def mbox(p, dom): return f"{re.sub('[^a-z]', '', asc(p.given).lower())[:1]}{re.sub('[^a-z]', '', asc(p.family).lower())[:14]}@{dom}" if len(p.given) % 2 else f"{re.sub('[^a-z]', '', asc(p.given).lower())[:10]}.{re.sub('[^a-z]', '', asc(p.family).lower())[:14]}@{dom}"
def sig_block(r, s, o):
    t = title_of(r, s, o)
    return r.choice([f"{s.short()}\n{t}\n{o.name}\n{o.phone} (o) | {o.fax} (f)", f"Thanks,\n{s.given}", f"{s.given} {s.family[0]}.", "Sent from my iPad", f"{s.short()}, {t} | {o.short}",
                     f"--\n{s.fl()}\n{t}, {o.short}\n{o.addr1()}\nThis message may contain confidential information. If you received it in error, please notify the sender and delete it.",
                     f"{s.given}\n\nGet Outlook for iOS"])
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 8))
    return DT(d.year, d.month, d.day, r.randint(6, 21), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=r.choice([-5, -6, -7, -8]))))
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([s.short(), f"{s.family}, {s.given}", f"{s.short()} - {o.short}", s.FL(), f"{s.given} {s.family} ({title_of(r, s, o)})"]), addr_spec=mbox(s, o.dom))
    if to is None:
        t = staffer(r); to = Address(display_name=r.choice([t.short(), f"{t.family}, {t.given}", "", t.fl()]), addr_spec=mbox(t, partner(r, o).dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when_dt(r)); m["Message-ID"] = f"<{hexs(r, 12)}${dg(r, 6)}@{o.dom}>"
    x = r.choice(MAILERS + [None, None])
    if x: m["X-Mailer"] = x
    if r.random() < 0.2: m["X-MS-Has-Attach"] = ""; m["Thread-Index"] = "A" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(27)) + "=="
    return m, s
def sethdr(m, k, v): del m[k]; m[k] = v
def set_body(r, m, text, html=None, o=None, logo=False):
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"logo.{hexs(r, 8)}@{o.dom}"; h = html or ('<html><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt"><p>' + hbr(text) + "</p></body></html>")
    h = h.replace("</body>", f'<p><img src="cid:{cid}" width="260" height="64" alt="{hx(o.short)} logo"></p></body>')
    m.set_content(text); m.add_alternative(h, subtype="html"); m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename=f"{o.dom.split('.')[0]}_logo.png", disposition="inline")
COVERS = ["Please see the attached.", "Attached.", "See attached - let me know if you need anything else.", "Forwarding the file you asked for.", "Sending via secure mail, attachment below.",
          "Here you go.", "Attached for your review.", "Le envío el documento adjunto.", "As discussed on the phone, attached.", "pls see attachment"]
GEN_SUBJ = ["Document", "Secure message", "[SECURE] attachment", "Scan", "Fax", "Requested file", "Your request", "FW: document", "Report", "[ENCRYPT] file", "Information requested", "Documents"]
def cover(r, m, s, o, label, carrier):
    x = r.random() if carrier.startswith("pdf") else 1.0
    if x < 0.06:
        sethdr(m, "From", Address(display_name=f"Xerox WorkCentre 7855 ({o.short})", addr_spec=f"scan-{r.randint(1, 9)}@{o.dom}"))
        sethdr(m, "Subject", "Message from Xerox WorkCentre"); m.set_content(f"Please open the attached document. It was scanned and sent to you using a Xerox multifunction device.\n\nNumber of Images: {r.randint(1, 2)}\nAttachment File Type: PDF\n"); return
    if x < 0.11:
        sethdr(m, "From", Address(display_name="eFax Corporate", addr_spec=f"message@inbound.efax-{o.dom.split('.')[0]}.com")); m["X-eFax-CSID"] = re.sub(r"\D", "", r.choice(ORGS).fax)
        m.set_content(f"You have received a {r.randint(1, 2)} page fax at {fd(TODAY - TD(days=r.randint(0, 3)), 'mdy')} {tm(r)}.\n* The reference number for this fax is {o.dom.split('.')[0]}-{dg(r, 8)}.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < (0.45 if label == "clean" else 0.2))
GREET = ["", "Hi,\n\n", "Hello -\n\n", "Good morning,\n\n", "All,\n\n", "Hi team,\n\n", "Buenos días,\n\n"]
def personal(r, p): return Address(display_name=r.choice([p.short(), p.fl(), ""]), addr_spec=f"{re.sub('[^a-z]', '', asc(p.given).lower())[:9]}{r.choice(['.', '_', ''])}{re.sub('[^a-z]', '', asc(p.family).lower())[:9]}{r.randint(1, 99)}@{r.choice(['gmail.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'aol.com', 'comcast.net'])}")
def mail_for(r, doc):
    """sender/recipient for a document mailed in the body: the document's own signer if it has one, a patient's personal address for patient letters"""
    o = doc.o or org(r)
    if doc.to_patient:
        m, s = new_msg(r, doc.subject or doc.title, o, to=personal(r, doc.to_patient), from_name=r.choice([o.name, o.short, f"{o.short} (do not reply)"]))
        sethdr(m, "From", Address(display_name=str(m["From"].addresses[0].display_name), addr_spec=r.choice(["noreply", "patientmessages", "reminders", "care"]) + "@" + o.dom)); return o, m, s, ""
    m, s = new_msg(r, doc.subject or doc.title, o, s=doc.sender)
    sig = "" if doc.sender and r.random() < 0.75 else sig_block(r, s, o)
    return o, m, s, sig
def build_plain(r, doc, label):
    o, m, s, sig = mail_for(r, doc)
    g = "" if doc.to_patient or doc.sender else r.choice(GREET[:6])
    set_body(r, m, g + render_text(doc, r.choice(["cols", "cols", "pipe", "tab"])) + ("\n" + sig + "\n" if sig else ""), o=o, logo=r.random() < (0.3 if label == "clean" else 0.12)); return m
def build_html(r, doc, label):
    o, m, s, sig = mail_for(r, doc)
    html = render_html(doc, letterhead=r.random() < 0.3, look=r.randrange(6))
    if sig: html = html.replace("</body>", '<p style="color:#666;font-size:9pt;border-top:1px solid #ddd;padding-top:4px">' + hbr(sig) + "</p></body>")
    set_body(r, m, render_text(doc) + ("\n" + sig + "\n" if sig else ""), html, o=o, logo=r.random() < (0.55 if label == "clean" else 0.3)); return m
def quote(t, lv=1): return "\n".join((">" * lv + " " + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
CHATTER = ["Forwarding to you - is this one ours?", "See below. Can you take care of it?", "FYI - please handle.", "Adding {n} for visibility.", "Resending, no response yet.", "wrong team, sorry - sending your way",
           "Can you look at this before 3?", "Per our call.", "Please advise.", "I'll follow up tomorrow.", "Thank you! Got it.", "Reenviando. Gracias."]
def gmail_date(d, r): return f"{WDAYS[d.weekday()][:3]}, {MONTHS[d.month - 1][:3]} {d.day}, {d.year} at {tm(r)}"
_FWD = []
def fwd_style(r):
    """the nine thread shapes are dealt from a shuffled bag so each appears about equally often"""
    if not _FWD: _FWD.append(cycler(r, list(range(9))))
    return _FWD[0]()
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = doc.sender or staffer(r); subj = doc.subject or doc.title; isig = "" if doc.sender else sig_block(r, s0, o); inner = render_text(doc) + ("\n" + isig if isig else "")
    m, s = new_msg(r, r.choice(["FW: ", "Fwd: ", "RE: ", "Re: ", "FW: RE: ", "Fw: "]) + subj, o); st = fwd_style(r); d0 = TODAY - TD(days=r.randint(1, 7))
    top = r.choice(CHATTER).format(n=staffer(r).given) + "\n\n" + sig_block(r, s, o)
    frm = f"{s0.short()} <{mbox(s0, o.dom)}>"
    if st == 0:
        body = f"{top}\n\n________________________________\nFrom: {s0.short()} <{mbox(s0, o.dom)}>\nSent: {WDAYS[d0.weekday()]}, {fd(d0, 'long')} {tm(r)}\nTo: {s.short()} <{mbox(s, o.dom)}>\nSubject: {subj}\n\n{inner}"
    elif st == 1:
        body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {frm}\nDate: {gmail_date(d0, r)}\nSubject: {subj}\nTo: {s.short()} <{mbox(s, o.dom)}>\n\n\n{inner}"
    elif st == 2:
        body = f"{top}\n\nOn {gmail_date(d0, r).replace(' at ', ' at ')} {frm} wrote:\n\n{quote(inner)}"
    elif st == 3:
        body = f"{top}\n\nBegin forwarded message:\n\nFrom: {frm}\nSubject: {subj}\nDate: {fd(d0, 'long')} at {tm(r)} PST\nTo: {s.short()} <{mbox(s, o.dom)}>\n\n{inner}"
    elif st == 4:
        body = f"{top}\n\n-------- Forwarded Message --------\nSubject: \t{subj}\nDate: \t{format_datetime(DT(d0.year, d0.month, d0.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-6))))}\nFrom: \t{frm}\nTo: \t{mbox(s, o.dom)}\n\n\n\n{inner}"
    elif st == 5:
        body = f"{top}\n\n----- Forwarded by {s0.short()}/{o.short.split()[0].upper()} on {fd(d0, 'mdy')} {tm(r)} -----\n\nFrom: {s0.short()}/{o.short.split()[0].upper()}\nTo: {s.short()}/{o.short.split()[0].upper()}@{o.short.split()[0].upper()}\nDate: {fd(d0, 'mdy')}\nSubject: {subj}\n\n{inner}"
    elif st == 6:
        s1 = staffer(r); mid = r.choice(CHATTER).format(n=s.given) + "\n\n" + sig_block(r, s1, o)
        body = (f"{top}\n\n-----Original Message-----\nFrom: {s1.short()} <{mbox(s1, o.dom)}>\nSent: {fd(TODAY - TD(days=1), 'mdy')} {tm(r)}\nTo: {s.short()}\nSubject: RE: {subj}\n\n{mid}\n\n"
                f"-----Original Message-----\nFrom: {frm}\nSent: {fd(d0, 'mdy')} {tm(r)}\nTo: {s1.short()}\nSubject: {subj}\n\n{inner}")
    elif st == 7:
        text = f"{top}\n\nFrom: {frm}\nSent: {WDAYS[d0.weekday()]}, {fd(d0, 'long')} {tm(r)}\nTo: {s.short()}\nSubject: {subj}\n\n{inner}"
        html = render_html(doc)
        if isig: html = html.replace("</body>", f"<p>{hbr(isig)}</p></body>")
        head = (f'<div><p>{hbr(top)}</p></div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p><b>From:</b> {hx(frm)}<br><b>Sent:</b> {hx(fd(d0, "long"))} {tm(r)}<br>'
                f'<b>To:</b> {hx(s.short())}<br><b>Subject:</b> {hx(subj)}</p></div>')
        html = re.sub(r"(<body[^>]*>)", lambda mm: mm.group(1) + head, html, count=1)
        set_body(r, m, text, html, o=o, logo=r.random() < 0.15); return m
    else:
        im = EmailMessage(policy=SMTP); im["From"] = frm; im["To"] = f"{s.short()} <{mbox(s, o.dom)}>"; im["Subject"] = subj
        im["Date"] = format_datetime(DT(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-5)))); im["Message-ID"] = f"<{hexs(r, 16)}@{o.dom}>"
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename=re.sub(r"[^A-Za-z0-9 _-]", "", subj)[:40].strip() + ".eml"); return m
    set_body(r, m, body, o=o, logo=r.random() < 0.12); return m

# ================================================================== header carrier (this batch's own shapes; bodies are neutral)
HNEUTRAL = ["Thank you.", "Received, thanks.", "Will do.", "See you Thursday.", "Please call me when you get a chance.", "Confirmed.", "ok - done", "Gracias, recibido.",
            "Sent from my iPhone", "Noted. I'll take it from here.", "Thanks for the quick turnaround!"]
def hbody(r, m, s, o): m.set_content(r.choice(HNEUTRAL) + "\n\n" + r.choice([s.given, f"{s.short()}\n{title_of(r, s, o)}", "-" + s.given[0], ""]) + "\n")
def A(name, local, dom): return Address(display_name=name, addr_spec=f"{local}@{dom}")
def hp_setup(r, kind, subj):
    o = org(r, kind); m, s = new_msg(r, subj, o); return o, m, s
def HP_subj_psych(r):
    p = pt(r, 18, 70); o, m, s = hp_setup(r, "bh", f"Intake callback - {p.LF()} (DOB {dob_s(r, p, 'mdyy')}) - PHQ-9 {r.randint(18, 26)}, passive SI"); return m, s, o
def HP_to_dob(r):
    p = pt(r, 25, 85); o, m, s = hp_setup(r, "onc", "Your infusion chair time has changed")
    sethdr(m, "To", A(f"{p.family}, {p.given} (DOB {dob_s(r, p, 'mdy')})", re.sub('[^a-z]', '', asc(p.given).lower()) + dg(r, 2), one(r, "gmail.com", "yahoo.com", "aol.com"))); return m, s, o
def HP_cc_mrn(r):
    p = pt(r, 35, 88); o, m, s = hp_setup(r, "dialysis", "Transient treatment request - chair availability?")
    m["Cc"] = A(f"Dialysis pt {p.short()} MRN {mrn(r)}", "transient", o.dom); return m, s, o
def HP_from_sleep(r):
    p = pt(r, 25, 80); o = org(r, "sleep"); m, s = new_msg(r, "Study results", o, from_name=f"Sleep Lab re: {p.lf2()} - AHI {round(r.uniform(30, 70), 1)}"); return m, s, o
def HP_replyto_hospice(r):
    p = pt(r, 65, 99); o, m, s = hp_setup(r, "hospice", "Admission visit tomorrow")
    m["Reply-To"] = A(f"Hospice intake - {p.fl()} (C25.9, PPS 40%)", "intake", o.dom); return m, s, o
def HP_x_patient(r):
    p = pt(r, 18, 70); o, m, s = hp_setup(r, "bh", "Message from Cedar Hollow"); dx = r.choice(DX_BH)
    m["X-Patient-Context"] = f"{p.LF()}; DOB {dob_s(r, p, 'iso')}; MRN {mrn(r)}; Dx {dx[0]}"; return m, s, o
def HP_x_trip(r):
    p = pt(r, 40, 95); o, m, s = hp_setup(r, "ems", "Trip paperwork")
    m["X-Trip-Ref"] = f"Trip {tripno(r)} | {p.LF()} | DOB {dob_s(r, p, 'mdy')} | A0427 chest pain | MBI {mbi(r)}"; return m, s, o
def HP_x_wc(r):
    p = pt(r, 20, 64); o, m, s = hp_setup(r, "occ", "Work status"); dx = r.choice(DX_WC)
    m["X-WC-Claim"] = f"{wcclaim(r)} {p.fl()} {dx[0]} {dx[1]} DOI {fd(ago(r, 3, 30), 'mdy')}"; return m, s, o
def HP_thread_tx(r):
    p = pt(r, 25, 70); o, m, s = hp_setup(r, "transplant", "RE: labs")
    m["Thread-Topic"] = f"Tacrolimus {r.randint(12, 19)}.{r.randint(0, 9)} - {p.short()} kidney tx {r.randint(2, 9)} mo"; m["Thread-Index"] = "AdtQ" + up(r, 20) + "=="; return m, s, o
def HP_keywords_gen(r):
    p = pt(r, 25, 70); o, m, s = hp_setup(r, "genetics", "Follow-up")
    m["Keywords"] = f"BRCA2; pathogenic; {p.lf2()}; {dob_s(r, p, 'mdy')}; cascade testing"; return m, s, o
def HP_comments_interp(r):
    p = pt(r, 30, 85, "F", "vn"); o, m, s = hp_setup(r, "hospital", "Interpreter confirmed")
    m["Comments"] = f"Vietnamese interpreter for {p.fl()} MRN {mrn(r)} - oncology consult (new breast ca) {fd(ahead(r, 1, 7), 'md')} {tm(r)}"; return m, s, o
def HP_subj_es(r):
    p = pt(r, 18, 40, "F", "pr"); o, m, s = hp_setup(r, "ob", f"Resultado de su prueba de glucosa - {p.fl()} - fecha de nac. {fd(p.dob, 'es_num')} - diabetes gestacional"); return m, s, o
def HP_x_reportable(r):
    p = pt(r, 2, 12); o, m, s = hp_setup(r, "hospital", "Case report submitted")
    m["X-Reportable-Condition"] = f"Pertussis PCR+ | {p.LF()} | DOB {dob_s(r, p, 'mdy')} | {one(r, 'Lincoln Elementary', 'Sunshine Kids Daycare')}"; return m, s, o
def HP_subj_ssn(r):
    p = pt(r, 18, 60); o, m, s = hp_setup(r, "corr", f"Transfer med summary - {p.LF()} SSN {ssn(r)} - buprenorphine taper"); return m, s, o
def HP_x_amend(r):
    p = pt(r, 20, 80); o, m, s = hp_setup(r, "hospital", "Response due")
    m["X-HIM-Request"] = f"Amendment req {p.lf()} MRN {mrn(r)} disputes F10.20 alcohol dependence entry"; return m, s, o
def HP_subj_nbhs(r):
    mom = pt(r, 18, 40, "F"); o, m, s = hp_setup(r, "audio", f"NBHS REFER R ear - Baby {one(r, 'Boy', 'Girl')} {mom.family} MRN {mrn(r)}, mother {mom.short()}"); return m, s, o
def HP_x_pa(r):
    p = pt(r, 20, 75); o, m, s = hp_setup(r, "pbm", "Determination letter sent"); d = r.choice(SPEC_DRUGS)
    m["X-PA-Case"] = f"{pa_ref(r)} {memid(r)} {p.LF()} DOB {dob_s(r, p, 'ymd8')} {d[0].split(' (')[0]} DENIED step therapy"; return m, s, o
def HP_to_snf(r):
    p = pt(r, 70, 96); o, m, s = hp_setup(r, "hospital", "Bed offer?"); snf = ORG_BY_KIND["snf"][0]
    sethdr(m, "To", A(f"{snf.short} Admissions re {p.lf2()} (hip fx S72.001A, MBI {mbi(r)})", "admissions", snf.dom)); return m, s, o
def HP_subj_tele(r):
    p = pt(r, 18, 70); o, m, s = hp_setup(r, "tele", f"Video visit link for {p.short()}, {fd(ahead(r, 1, 5), 'md')} {tm(r)} - UTI follow-up, DOB {dob_s(r, p, 'mdy1')}"); return m, s, o
HDR_PHI = [HP_subj_psych, HP_to_dob, HP_cc_mrn, HP_from_sleep, HP_replyto_hospice, HP_x_patient, HP_x_trip, HP_x_wc, HP_thread_tx, HP_keywords_gen, HP_comments_interp, HP_subj_es,
           HP_x_reportable, HP_subj_ssn, HP_x_amend, HP_subj_nbhs, HP_x_pa, HP_to_snf, HP_subj_tele]

def HC_subj_swap(r):
    a = staffer(r); o, m, s = hp_setup(r, "onc", f"Night coverage swap - {a.LF()} (RN) {fd(ahead(r, 3, 12), 'md')}-{fd(ahead(r, 13, 15), 'md')}"); return m, s, o
def HC_to_emp(r):
    a = staffer(r); o, m, s = hp_setup(r, "hospital", "Your badge is ready")
    sethdr(m, "To", A(f"{a.family}, {a.given} (Emp #{dg(r, 6)})", mbox(a, "x").split("@")[0], o.dom)); return m, s, o
def HC_cc_vendor(r):
    o, m, s = hp_setup(r, "hospital", "December invoice question"); m["Cc"] = A(f"Lumen Language Partners (Acct 88-{dg(r, 4)})", "ar", VENDORS[0].dom); return m, s, o
def HC_from_platform(r):
    o = org(r, "tele"); m, s = new_msg(r, f"Scheduled maintenance {fd(ahead(r, 2, 9), 'wka')} 01:00-03:00", o)
    sethdr(m, "From", A("Vireo Telehealth (no-reply)", "no-reply", VENDORS[2].dom)); s = Person(r, 25, 60); s.given = "Vireo"; s.family = "Support"; return m, s, o
def HC_replyto_payroll(r):
    o, m, s = hp_setup(r, "snf", "W-2 address updates due 1/8"); m["Reply-To"] = A(f"Payroll - {o.short} (ext {dg(r, 4)})", "payroll", o.dom); return m, s, o
def HC_x_po(r):
    o, m, s = hp_setup(r, "dme", "PO acknowledgment"); m["X-PO-Ref"] = f"PO {dg(r, 10)} | Northgate Medical | CPAP filters REF {dg(r, 4)}-{dg(r, 2)} | qty {r.randint(50, 500)}"; return m, s, o
def HC_x_ticket(r):
    a = staffer(r); o, m, s = hp_setup(r, "hospital", "Ticket update"); m["X-Ticket"] = f"INC{dg(r, 7)} | {a.short()} | VRI cart camera not detected | P3"; return m, s, o
def HC_x_fleet(r):
    o, m, s = hp_setup(r, "ems", "Renewal binder"); m["X-Fleet-Policy"] = f"Medic {r.randint(2, 20)} | VIN 1FD{up(r, 3)}{dg(r, 8)} | Policy CA-{dg(r, 7)} | renews 01/01/2027"; return m, s, o
def HC_thread_chair(r):
    o, m, s = hp_setup(r, "onc", "RE: chair 12"); m["Thread-Topic"] = f"Infusion chair {r.randint(1, 24)} recliner motor replacement - {staffer(r).short()} to meet Stryker tech"; return m, s, o
def HC_keywords_form(r):
    o, m, s = hp_setup(r, "pbm", "Q1 formulary"); m["Keywords"] = f"formulary; Q1 2027; tier changes; NDC {ndc(r)}; provider fax blast"; return m, s, o
def HC_comments_vol(r):
    o, m, s = hp_setup(r, "hospice", "Orientation"); m["Comments"] = f"Volunteer orientation {fd(ahead(r, 7, 20), 'md')} - 14 registered incl. {staffer(r).short()} and {staffer(r).short()}"; return m, s, o
def HC_subj_es(r):
    o, m, s = hp_setup(r, None, f"Reunión de personal - {fd(ahead(r, 2, 9), 'es')}, 2 p.m. - {staffer(r).short()} presenta"); return m, s, o
def HC_subj_bday(r):
    a = staffer(r); o, m, s = hp_setup(r, None, f"Happy birthday, {a.given}! cake in the break room at 3 (turning {r.choice([30, 40, 50, 60])}!)"); return m, s, o
def HC_subj_ssn(r):
    o, m, s = hp_setup(r, None, f"Training deck uses sample SSN 078-05-1120 and MBI 1EG4-TE5-MK73 - ok to keep? ({staffer(r).short()})"); return m, s, o
def HC_x_survey(r):
    o, m, s = hp_setup(r, "snf", "Mock survey"); m["X-Survey-Ref"] = f"State survey window opens {fd(ahead(r, 15, 40), 'mdy')} - mock survey {fd(ahead(r, 5, 12), 'mdy')} - lead {staffer(r).short()}"; return m, s, o
def HC_subj_dog(r):
    o, m, s = hp_setup(r, None, f"Therapy dog visit - {one(r, 'Biscuit', 'Maple', 'Moose')} ({one(r, 'golden retriever', 'corgi')}, rabies tag 2026-{dg(r, 4)}) {fd(ahead(r, 1, 6), 'wka')} 2pm with {staffer(r).given}"); return m, s, o
def HC_subj_job(r):
    a = staffer(r); o, m, s = hp_setup(r, "sleep", f"Candidate {a.fl()} - Req {dg(r, 6)} Sleep Tech II (nights) - interview {fd(ahead(r, 2, 8), 'md')}"); return m, s, o
def HC_thread_donate(r):
    o, m, s = hp_setup(r, "transplant", "Volunteers"); m["Thread-Topic"] = f"Donate Life flag raising {fd(ahead(r, 10, 40), 'md')} - volunteers {staffer(r).given}, {staffer(r).given}, {staffer(r).given}"; return m, s, o
def HC_x_orig(r):
    o, m, s = hp_setup(r, None, "Holiday hours"); m["X-Original-Subject"] = f"Holiday schedule - clinic closed 12/25 and 1/1; {staffer(r).short()} on call for facilities"; return m, s, o
HDR_CLEAN = [HC_subj_swap, HC_to_emp, HC_cc_vendor, HC_from_platform, HC_replyto_payroll, HC_x_po, HC_x_ticket, HC_x_fleet, HC_thread_chair, HC_keywords_form, HC_comments_vol, HC_subj_es,
             HC_subj_bday, HC_subj_ssn, HC_x_survey, HC_subj_dog, HC_subj_job, HC_thread_donate, HC_x_orig]
def build_header(r, fn):
    m, s, o = fn(r); hbody(r, m, s, o); return m

# ================================================================== producers and LibreOffice batching (wiring re-typed after batch 15)
class Pending:
    def __init__(self, path, key, gs=False): self.path, self.key, self.gs = path, key, gs
class Ctx:
    OUTEXT = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0; self.lo = {k: [] for k in self.OUTEXT}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf): self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False):
        self.n += 1; base = f"b16_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p); return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{self.OUTEXT[kind]}"), key, gs)
    def run(self): run_lo(self)
    def get(self, pend):
        with open(pend.path, "rb") as f: data = f.read()
        if pend.path.endswith(".pdf"):
            if pend.gs:
                src = self.path(".pdf")
                with open(src, "wb") as f: f.write(data)
                data = gs_distill(src, self.path(".pdf"))
            return norm_pdf(data, pend.key)
        return fix_zip(data)
def fit_pdf(make, doc):
    for n in (None, 7, 4):
        data = make(doc if n is None else doc.cut(n))
        if pdf_pages(data) <= 2: return data
    return data
def gs_redistill(ctx, data, key):
    p = ctx.path(".pdf")
    with open(p, "wb") as f: f.write(data)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title)).strip("_")[:30] or "document"
    return r.choice([f"{base}.{ext}", f"{base}-{TODAY:%m%d%Y}.{ext}", f"SCAN_{TODAY:%Y%m%d}_{r.randint(60000, 175959):06d}.{ext}", f"{doc.cat}_{dg(r, 4)}.{ext}",
                     f"{base.lower().replace('_', '-')}.{ext}", f"Doc{dg(r, 5)}.{ext}"])
def calc_xlsx(r, doc):
    """xlsx laid out to print on one landscape page, for a Calc -> PDF conversion"""
    data = xlsx_bytes(r, doc); wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"; ws.sheet_properties.pageSetUpPr.fitToPage = True; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def build_attachment(r, ctx, carrier, doc, key, label):
    logo = label == "clean" and r.random() < 0.45 or label == "phi" and r.random() < 0.12
    pdf_name = fname_for(r, doc, "pdf")
    if carrier == "pdf-reportlab": return pdf_name, fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return pdf_name, fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.4: return pdf_name, ps_pdf(ctx, r, doc.cut(8), key)
        if x < 0.7: return pdf_name, gs_redistill(ctx, fit_pdf(lambda d: (rl_pdf if r.random() < 0.5 else fp_pdf)(r, d), doc), key)
        if r.random() < 0.6: return pdf_name, ctx.add("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", key, True)
        return pdf_name, ctx.add("html2pdf", render_html(doc.cut(8), letterhead=True, look=r.randrange(6)), "html", key, True)
    if carrier == "pdf-libreoffice":
        x = r.random()
        if doc.kind == "list" and x < 0.25: return pdf_name, ctx.add("docx2pdf", calc_xlsx(r, doc.cut(8)), "xlsx", key)
        if x < 0.65: return pdf_name, ctx.add("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", key)
        return pdf_name, ctx.add("html2pdf", render_html(doc.cut(8), letterhead=True, look=r.randrange(6)), "html", key)
    if carrier == "docx":
        if r.random() < 0.3: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(doc, letterhead=True, look=r.randrange(6)), "html", key)
        return fname_for(r, doc, "docx"), docx_bytes(r, doc, logo)
    if carrier == "xlsx":
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc), "xlsx", key)
        return fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc)
    if carrier == "csv": data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list" and x < 0.45: data, ext = csv_bytes(r, doc)
        elif doc.kind == "list" and x < 0.75: data, ext = xlsx_bytes(r, doc), "xlsx"
        elif x < 0.85: data, ext = fit_pdf(lambda d: (rl_pdf if r.random() < 0.5 else fp_pdf)(r, d), doc), "pdf"
        else: data, ext = docx_bytes(r, doc, logo), "docx"
        folder = r.choice(["", "", "", "outbound/", f"{TODAY:%Y%m%d}/", "Secure Files/"])
        return r.choice(["attachments.zip", f"secure-{dg(r, 6)}.zip", f"{doc.cat}.zip", f"export_{TODAY:%Y%m%d}.zip", "archive.zip"]), make_zip([(folder + fname_for(r, doc, ext), data)])
    raise ValueError(carrier)

CARRIERS = ["plain", "html", "pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19
def cycler(r, pool):
    bag = []
    def nxt():
        if not bag: bag.extend(pool); r.shuffle(bag)
        return bag.pop()
    return nxt
def choose(r, cyc, carrier, label):
    L_ = "phi" if label == "phi" else "cln"
    if carrier in ("xlsx", "csv"): return cyc[L_ + "_list"]
    x = r.random()
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.66 else "_raw" if x < 0.84 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.56 else "_raw" if x < 0.7 else "_list")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b16_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # keep a long display name with specials on one line
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data
def main():
    t0 = dtm.datetime.now()
    for f in os.listdir(HERE):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(HERE, f))
    specs = [(c, l) for c in CARRIERS for l in ("phi", "clean") for _ in range(PER_LABEL)]
    R.shuffle(specs)
    cyc = {"phi_narr": cycler(R, PHI_NARR), "phi_raw": cycler(R, PHI_RAW), "phi_list": cycler(R, PHI_LIST),
           "cln_narr": cycler(R, CLEAN_NARR), "cln_raw": cycler(R, CLEAN_RAW), "cln_list": cycler(R, CLEAN_LIST)}
    hcyc = {"phi": cycler(R, HDR_PHI), "clean": cycler(R, HDR_CLEAN)}
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b16-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m = build_header(R, hcyc[label]())
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc, label)
            elif carrier == "html": m = build_html(R, doc, label)
            elif carrier == "forwarded": m = build_forwarded(R, doc, label)
            else:
                o = doc.o or org(R); m, s = new_msg(R, R.choice(GEN_SUBJ) if R.random() < 0.55 else doc.title, o); cover(R, m, s, o, label, carrier)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc, fname, label))); continue
            built.append((fname, label, carrier, doc.cat, m, None))
        ctx.run()
        for fname, label, carrier, cat, m, att in built:
            if att:
                name, data = att
                if isinstance(data, Pending): data = ctx.get(data)
                mt = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                      "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"), "txt": ("text", "plain"), "zip": ("application", "zip")}[name.rsplit(".", 1)[-1]]
                if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=name, charset="utf-8", cte="base64")
                else: m.add_attachment(data, mt[0], mt[1], filename=name)
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
    print(f"wrote {len(rows)} batch-16 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
