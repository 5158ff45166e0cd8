#!/usr/bin/python3
"""Batch 9 of the blind DLP corpus: b9-0001.eml ... b9-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a ninth author from BRIEF.md (see README "Batch 9").  People, organisations, clinical scenarios,
texts, layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the
split rule, latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring
(LibreOffice batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp
normalisation) is re-typed after generate_b8.py's wiring.

Weight on: narrative clinical text with few or no field labels, patients named in many shapes (particles,
two given names, suffixes, nicknames, ALL CAPS, "Last, First", letters beyond Latin-1, first name only after a
full mention), documents whose text wraps across lines and table cells under multi-column letterheads, running
headers and footers, header-carried PHI in many header fields, deep forward/reply chains, and hard clean mail.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import copy, csv, datetime as dtm, hashlib, io, os, random, re, shutil, subprocess, sys, tempfile, textwrap, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261210
R = random.Random(SEED)
PREFIX = "b9-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DJS = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DJSB = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
DJM = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
D = dtm.date
TODAY = D(2026, 12, 10)
FOLD = {"ł": "l", "Ł": "L", "ő": "o", "Ő": "O", "ű": "u", "ş": "s", "Ş": "S", "ğ": "g", "ţ": "t", "Ţ": "T", "ı": "i", "İ": "I", "č": "c", "Č": "C",
        "ř": "r", "ě": "e", "ů": "u", "š": "s", "Š": "S", "ž": "z", "ť": "t", "ň": "n", "ę": "e", "ą": "a", "ś": "s", "ć": "c", "ż": "z", "ă": "a", "î": "i",
        "•": "-", "…": "...", "≥": ">=", "≤": "<=", "→": "->", "✓": "x", "☐": "[ ]", "☒": "[X]", "\u2009": " ", "\u00a0": " ", "µ": "u",
        "—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}
def l1(s): return lat1("".join(FOLD.get(c, c) for c in str(s)))
def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", l1(s)) if ord(c) < 128)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n, up=True): return "".join(r.choice("0123456789ABCDEF" if up else "0123456789abcdef") for _ in range(n))

# ================================================================== people
POOLS = {  # tag: (female given, male given, family names ("m/f" for gendered))
    "polish": (["Łucja", "Małgorzata", "Bożena", "Jadwiga", "Ewa Maria"], ["Michał", "Paweł", "Łukasz", "Stanisław", "Zbigniew"], ["Wróblewski/Wróblewska", "Kołodziej", "Małecki/Małecka", "Gałązka", "Przybył", "Szczęsny/Szczęsna"]),
    "czech": (["Zdeňka", "Věra", "Lenka", "Markéta"], ["Tomáš", "Jiří", "Luboš", "Vojtěch"], ["Čermák/Čermáková", "Kočí", "Růžička/Růžičková", "Dvořák/Dvořáková", "Šťastný/Šťastná"]),
    "hungarian": (["Erzsébet", "Réka", "Gyöngyi", "Dorottya"], ["Gergő", "Levente", "Zsolt", "Ödön"], ["Szőke", "Kővári", "Fekete", "Bődi", "Nagy-Szabó", "Vörös"]),
    "turkish": (["Ayşe", "Yağmur", "Gülşen", "Özlem"], ["Ertuğrul", "Barış", "Mustafa", "Tuğrul"], ["Şahin", "Doğan", "Yılmaz", "Özdemir", "Ağaoğlu", "Kılıç"]),
    "romanian": (["Ioana", "Ştefania", "Mihaela", "Lăcrămioara"], ["Ionuţ", "Ştefan", "Costel", "Răzvan"], ["Ţurcanu", "Munteanu", "Bălţătescu", "Neaţu", "Pîrvulescu"]),
    "hispanic": (["María José", "Ana Lucía", "Guadalupe", "Itzel", "Rosa Elena"], ["Juan Pablo", "José Luis", "Rigoberto", "Efraín", "Luis Ángel"], ["de la Garza", "de la Torre Medina", "Villanueva Ruiz", "Ocampo-Reyes", "Del Valle", "Sánchez de la Cruz", "Ibarra"]),
    "dutch": (["Anneke", "Femke", "Willemina"], ["Pieter", "Joost", "Dirk", "Gerrit"], ["van Dijk", "van der Meulen", "Van Houten", "de Groot", "ter Steege", "Vander Ploeg"]),
    "malay": (["Nur Aisyah", "Siti Hajar", "Nurul Izzah"], ["Ahmad Faiz", "Mohd Hafiz", "Muhammad Amir"], ["bin Ismail/binti Ismail", "bin Rahman/binti Rahman", "bin Othman/binti Othman"]),
    "arab": (["Layla", "Fatima", "Rania", "Noor"], ["Omar", "Khalid", "Yousef", "Tariq"], ["al-Rashid", "al-Masri", "Al-Khatib", "El-Amin", "Abu Saleh"]),
    "anglo": (["Mary Kate", "Sarah Beth", "Katherine", "Margaret", "Judith"], ["Billy Joe", "Robert", "William", "Richard", "Thomas"], ["O'Connell", "McAllister", "Whitfield", "St. Clair", "Fitzgerald-Hayes", "Pruitt"]),
    "afam": (["Tamika", "LaToya", "Queenie", "Denise", "Ebony"], ["DeShawn", "Marcus", "Clarence", "Tyrone", "Reginald"], ["Washington", "Jefferson", "Booker-Lane", "Mayfield", "Toussaint"]),
    "westafr": (["Chiamaka", "Adaeze", "Folake", "Abena"], ["Oluwaseun", "Chukwuemeka", "Kwame", "Babatunde"], ["Okafor-Reyes", "Adeyemi", "Mensah", "Nwachukwu", "Owusu-Ansah"]),
    "viet": (["Thi Lan", "Ngoc Anh", "Kim Thuy"], ["Van Minh", "Duc Huy", "Quoc Bao"], ["Nguyen", "Tran", "Pham", "Le", "Vo"]),
    "luso": (["Maria da Graça", "Conceição", "Fernanda"], ["João Paulo", "Manuel", "Sebastião"], ["Da Costa", "Dos Santos", "De Sousa", "Lo Presti", "De Luca"]),
    "native": (["Winona", "Lorraine", "Cheyenne"], ["Harlan", "Everett", "Dakota"], ["Two Feathers", "Bear Heart", "Running Water", "Yazzie", "Begay"]),
}
NICK = {"Robert": "Bobby", "William": "Billy", "Richard": "Rick", "Katherine": "Kate", "Margaret": "Peggy", "Oluwaseun": "Seun", "Chukwuemeka": "Emeka", "Małgorzata": "Gosia",
        "Stanisław": "Stan", "Ertuğrul": "Tug", "Zbigniew": "Ziggy", "Babatunde": "Tunde", "Guadalupe": "Lupita", "Efraín": "Frank", "Reginald": "Reggie", "Jadwiga": "Wiga",
        "Gyöngyi": "Gigi", "Vojtěch": "Vojta", "Thomas": "Tommy", "Judith": "Judy", "Queenie": "Queen", "Sebastião": "Tião", "Răzvan": "Razi", "Dorottya": "Dora"}
MID_F = ["Ann", "Marie", "Lynn", "Rose", "Jean", "Elise", "Grace"]
MID_M = ["Lee", "James", "Ray", "Allen", "Joseph", "Wayne", "Dale"]
SUFF = ["Jr.", "Sr.", "II", "III", "IV", "Jr"]
STREETS = ["Cobblestone Ln", "Wickersham Dr", "E Pawnee St", "Sycamore Bend", "Tamarack Ct", "Old Mill Pond Rd", "N Loomis Ave", "Heron Cove Way", "Sandpiper Ter", "Buckeye Trl",
           "W 41st St", "Chickadee Cir", "Ridgeline Pkwy", "Mulberry Row", "Kestrel Hollow Rd", "Greenbriar Blvd"]
UNITS = ["", "", "", "", "", " Apt 2B", " Apt 318", " Unit 14", " #7", " Lot 22", " Apt D"]
MAILDOMS = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "hotmail.com", "aol.com", "comcast.net", "att.net", "proton.me", "live.com"]
CITIES = {"OH": [("Zanesfield", "43360"), ("Chillicothe", "45601")], "WI": [("Sheboygan Falls", "53085"), ("Wausau", "54401")], "MI": [("Hamtramck", "48212"), ("Holland", "49423")],
          "TX": [("Laredo", "78041"), ("Nacogdoches", "75961")], "NJ": [("Paterson", "07501"), ("Clifton", "07011")], "IL": [("Cicero", "60804"), ("Peoria", "61602")],
          "AZ": [("Chinle", "86503"), ("Yuma", "85364")], "MN": [("Rochester", "55901"), ("Bemidji", "56601")], "GA": [("Macon", "31201"), ("Valdosta", "31601")],
          "WA": [("Yakima", "98901"), ("Bellingham", "98225")], "PA": [("Scranton", "18503"), ("Altoona", "16601")], "MA": [("Fall River", "02720"), ("Lowell", "01852")],
          "NC": [("Hickory", "28601"), ("Greenville", "27834")], "IA": [("Pella", "50219"), ("Sioux Center", "51250")], "VA": [("Falls Church", "22046"), ("Roanoke", "24011")]}
AREA = {"OH": "740", "WI": "920", "MI": "616", "TX": "956", "NJ": "973", "IL": "708", "AZ": "928", "MN": "507", "GA": "478", "WA": "509", "PA": "570", "MA": "508", "NC": "828", "IA": "641", "VA": "703"}
STATE_POOLS = {"OH": ["anglo", "hungarian", "afam"], "WI": ["polish", "dutch", "hispanic"], "MI": ["polish", "arab", "dutch"], "TX": ["hispanic", "viet", "afam"], "NJ": ["turkish", "hispanic", "luso", "arab"],
               "IL": ["polish", "czech", "hispanic"], "AZ": ["native", "hispanic", "anglo"], "MN": ["westafr", "malay", "anglo"], "GA": ["afam", "westafr", "anglo"], "WA": ["viet", "romanian", "hispanic"],
               "PA": ["czech", "romanian", "anglo"], "MA": ["luso", "turkish", "viet"], "NC": ["anglo", "afam", "hispanic"], "IA": ["dutch", "anglo", "hungarian"], "VA": ["malay", "arab", "viet", "turkish"]}
CUR = {"state": None}

def phone(r, area=None, st=None):
    a = area or r.choice(list(AREA.values())); x, y = f"{r.randint(201, 989)}", dg(r, 4)
    st = st if st is not None else r.randrange(7)
    return [f"({a}) {x}-{y}", f"{a}-{x}-{y}", f"{a}.{x}.{y}", f"{a} {x} {y}", f"1-{a}-{x}-{y}", f"({a}) {x}-{y}", f"+1 {a} {x} {y}"][st]

class Person:
    def __init__(s, r, amin=0, amax=95, sex=None, state=None, pool=None, family=None, staff=False):
        st = state or CUR["state"] or r.choice(list(STATE_POOLS)); s.state = st
        s.pool = pool or r.choice(STATE_POOLS[st] + [r.choice(list(POOLS))])
        F, M, fams = POOLS[s.pool]
        s.sex = sex or r.choice("FM")
        s.given = r.choice(F if s.sex == "F" else M)
        fam = family or r.choice(fams)
        if "/" in fam: fam = fam.split("/")[0 if s.sex == "M" else 1]
        s.family = fam
        s.middle = "" if r.random() < 0.35 or " " in s.given else r.choice(MID_F if s.sex == "F" else MID_M)
        s.suffix = r.choice(SUFF) if s.sex == "M" and not staff and r.random() < 0.12 and s.pool in ("anglo", "afam", "hispanic", "dutch") else ""
        s.nick = NICK.get(s.given) if r.random() < 0.7 else None
        age = r.randint(amin, amax); s.dob = D(TODAY.year - age - 1, 1, 1) + dtm.timedelta(days=r.randint(0, 364))
        s.age = (TODAY - s.dob).days // 365
        city, zp = r.choice(CITIES[st]); s.city, s.zip = city, zp
        s.street = f"{r.randint(3, 9899)} {r.choice(STREETS)}{r.choice(UNITS)}"
        s.phone = phone(r, AREA[st])
        g = re.sub(r"[^a-z]", "", asc(s.given).lower()); f = re.sub(r"[^a-z]", "", asc(s.family).lower())
        s.email = r.choice([f"{g}.{f}", f"{g[0]}{f}{dg(r, 2)}", f"{f}{g[:3]}", f"{g}{s.dob.year % 100:02d}", f"{g}_{f[:5]}"]) + "@" + r.choice(MAILDOMS)
    def mi(s): return f" {s.middle[0]}." if s.middle else ""
    def full(s): return f"{s.given}{' ' + s.middle if s.middle else ''} {s.family}{(' ' + s.suffix) if s.suffix else ''}"
    def gmf(s): return f"{s.given}{s.mi()} {s.family}{(', ' + s.suffix) if s.suffix else ''}"
    def first_last(s): return f"{s.given} {s.family}"
    def lf(s): return f"{s.family}{(' ' + s.suffix) if s.suffix else ''}, {s.given}{s.mi()}"
    def LF(s): return s.lf().upper()
    def nickname(s): return f'{s.given} "{s.nick}" {s.family}' if s.nick else s.gmf()
    def call(s): return s.nick or s.given
    def title(s): return f"{'Ms.' if s.sex == 'F' else 'Mr.'} {s.family}"
    def hl7(s): return f"{asc(s.family).upper().replace(' ', ' ')}^{asc(s.given).upper()}^{s.middle[:1]}^{s.suffix.replace('.', '').upper()}"
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
    def shape(s, r):
        return r.choice([s.full(), s.gmf(), s.lf(), s.LF(), s.nickname(), s.gmf().upper(), f"{s.family}, {s.given}", s.full()])
def staffer(r, state=None): return Person(r, 25, 64, state=state, staff=True)
class Clin:
    CR = ["MD", "DO", "MD", "NP", "PA-C", "MD, PhD", "APRN, FNP-BC", "MD, FACS", "DO, FACOI", "MS, CGC", "DMD", "PharmD", "RN, CWOCN", "LCSW", "MD, MPH"]
    def __init__(s, r, state=None, cred=None):
        s.p = staffer(r, state); s.cred = cred or r.choice(s.CR[:9]); s.npi = npi(r)
    def dr(s): return (f"Dr. {s.p.family}" if "MD" in s.cred or "DO" in s.cred or "DMD" in s.cred else f"{s.p.given} {s.p.family}, {s.cred}")
    def sig(s): return f"{s.p.given}{s.p.mi()} {s.p.family}, {s.cred}"

def luhn(payload):
    t = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0: d *= 2; d = d - 9 if d > 9 else d
        t += d
    return str((10 - t % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn("80840" + b)
def ssn(r, st="d"):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        g, n = r.randint(1, 99), r.randint(1, 9999); v = f"{a:03d}{g:02d}{n:04d}"
        if v not in ("078051120", "219099999", "123456789"): break
    return {"d": f"{v[:3]}-{v[3:5]}-{v[5:]}", "s": f"{v[:3]} {v[3:5]} {v[5:]}", "n": v, "m": f"XXX-XX-{v[5:]}"}[st]
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=None):
    AN = MBI_A + "0123456789"
    v = str(r.randint(1, 9)) + r.choice(MBI_A) + r.choice(AN) + dg(r, 1) + r.choice(MBI_A) + r.choice(AN) + dg(r, 1) + r.choice(MBI_A) + r.choice(MBI_A) + dg(r, 2)
    if v == "1EG4TE5MK73": v = "2EG4TE5MK73"
    dash = r.random() < 0.5 if dash is None else dash
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dash else v
def dea(r, first="B"):
    d = [r.randint(0, 9) for _ in range(6)]; c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + r.choice("ABCDFGHJKLMRSTW") + "".join(map(str, d)) + str(c)
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def mrn(r): return r.choice([dg(r, 8), f"0{dg(r, 7)}", f"M{dg(r, 7)}", f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}", f"E{dg(r, 9)}", f"MR{dg(r, 6)}", f"{dg(r, 3)}{r.choice('KQT')}{dg(r, 4)}"])
def memid(r): return r.choice([f"YKW{dg(r, 9)}", f"{r.choice('HNT')}{r.choice('BLV')}{dg(r, 8)}-0{r.randint(1, 4)}", f"{dg(r, 9)}*0{r.randint(1, 3)}", f"MHP {dg(r, 4)} {dg(r, 4)} {dg(r, 2)}", f"U{dg(r, 8)} 0{r.randint(1, 3)}"])
def medicaid(r): return r.choice([dg(r, 10), f"{r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}{dg(r, 5)}{r.choice('ABCDEFGHJK')}", f"MC{dg(r, 9)}"])
def acct(r): return r.choice([dg(r, 9), f"HAR {dg(r, 9)}", f"FIN {TODAY.year % 100}-{dg(r, 7)}", f"CSN {dg(r, 10)}", f"V{dg(r, 8)}"])
def claimno(r): return r.choice([dg(r, 14), f"WC{TODAY.year % 100}-{dg(r, 6)}", f"CLM{dg(r, 10)}", f"{dg(r, 4)}-{dg(r, 6)}-{dg(r, 2)}"])
def authno(r): return r.choice([f"PA{dg(r, 9)}", f"{dg(r, 3)}-{dg(r, 5)}", f"A{TODAY.year}{dg(r, 6)}", f"CMM-{''.join(r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(8))}"])
def tin(r): return f"{r.choice(['31', '36', '39', '42', '45', '54', '61', '74', '81', '86'])}-{dg(r, 7)}"

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def fd(d, st="mdy"):
    m, dd, y = d.month, d.day, d.year
    return {"mdy": f"{m:02d}/{dd:02d}/{y}", "m/d/y": f"{m}/{dd}/{y}", "m/d/yy": f"{m}/{dd}/{y % 100:02d}", "iso": d.isoformat(), "d-Mon-y": f"{dd:02d}-{MON[m - 1][:3]}-{y}",
            "Month d, y": f"{MON[m - 1]} {dd}, {y}", "Mon d, y": f"{MON[m - 1][:3]} {dd}, {y}", "ymd8": f"{y}{m:02d}{dd:02d}", "m d y": f"{m:02d} {dd:02d} {y}", "d Month y": f"{dd} {MON[m - 1]} {y}",
            "dMONy": f"{dd:02d}{MON[m - 1][:3].upper()}{y}", "m-d-y": f"{m:02d}-{dd:02d}-{y}", "m.d.y": f"{m:02d}.{dd:02d}.{y}", "y/m/d": f"{y}/{m:02d}/{dd:02d}", "Mon. d, y": f"{MON[m - 1][:3]}. {dd}, {y}",
            "es": f"{dd} de {MES[m - 1]} de {y}", "esn": f"{dd:02d}/{m:02d}/{y}", "m/d": f"{m}/{dd}", "Month d": f"{MON[m - 1]} {dd}", "wd": f"{WD[d.weekday()]}, {MON[m - 1]} {dd}, {y}", "wdshort": f"{WD[d.weekday()][:3]} {m}/{dd}"}[st]
DOB_ST = ["mdy", "mdy", "mdy", "m/d/y", "m/d/yy", "iso", "d-Mon-y", "Month d, y", "Mon d, y", "ymd8", "d Month y", "dMONy", "m-d-y", "m.d.y", "y/m/d", "Mon. d, y"]
def dob(r, p, st=None, age=None):
    t = fd(p.dob, st or r.choice(DOB_ST))
    a = r.random() if age is None else age
    return t + (f" ({p.age} y/o)" if a < 0.15 else f" ({p.age}{p.sex})" if a < 0.25 else f", age {p.age}" if a < 0.3 else "")
def recent(r, back=30, fwd=0): return TODAY - dtm.timedelta(days=r.randint(-fwd, back))
def future(r, a=2, b=40): return TODAY + dtm.timedelta(days=r.randint(a, b))
def clock(r): return f"{r.randint(7, 11) if r.random() < 0.5 else r.randint(1, 5)}:{r.choice(['00', '05', '15', '20', '30', '40', '45', '50'])} {r.choice(['AM', 'PM'])}"
def money(v): return f"${v:,.2f}"

# ================================================================== organisations
class Org:
    def __init__(s, r, name, short, dom, kind, state, street, ehr, color):
        s.name, s.short, s.dom, s.kind, s.state, s.street, s.ehr, s.color = name, short, dom, kind, state, street, ehr, color
        s.city, s.zip = r.choice(CITIES[state]); s.area = AREA[state]
        s.phone, s.fax = phone(r, s.area, 0), phone(r, s.area, r.choice([0, 1, 2]))
        s.npi, s.tin = npi(r), tin(r); s.clia = f"{r.randint(10, 52):02d}D{dg(r, 7)}"
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
ORG_DEFS = [
    ("Kittredge Valley Medical Center", "Kittredge Valley MC", "kittredgevalley.org", "hospital", "OH", "2200 Kittredge Pkwy", "Epic", "#1F4E79"),
    ("Lakeshore Lutheran Hospital", "Lakeshore Lutheran", "lakeshorelutheran.org", "hospital", "WI", "915 N Harbor Dr", "Oracle Health", "#2E5E4E"),
    ("Bellwether Family Health Center", "Bellwether FHC", "bellwetherfhc.org", "clinic", "MI", "41 Eighth St Suite 100", "OCHIN Epic", "#7A3E00"),
    ("Rio Bravo Women's & Prenatal Care", "Rio Bravo Women's Care", "riobravowomens.com", "ob", "TX", "1408 Guadalupe St", "athenaOne", "#8E2C5A"),
    ("Passaic River Pediatrics", "Passaic River Peds", "passaicriverpeds.com", "peds", "NJ", "67 Market St 3rd Fl", "PCC EHR", "#006D77"),
    ("Prairie Forge Kidney Care", "Prairie Forge Kidney", "prairieforgekidney.com", "renal", "IL", "3030 W Cermak Rd", "Clarity RMS", "#3D405B"),
    ("Canyon de Chelly Regional Health", "Canyon Regional Health", "canyonregionalhealth.org", "hospital", "AZ", "1 Hospital Rd", "Meditech Expanse", "#9C6644"),
    ("Zumbro Ridge Hospice & Palliative Care", "Zumbro Ridge Hospice", "zumbroridgehospice.org", "hospice", "MN", "505 Marion Rd SE", "WellSky Hospice", "#5B4B8A"),
    ("Ocmulgee Genetics & Cancer Institute", "Ocmulgee Cancer Institute", "ocmulgeecancer.org", "onc", "GA", "777 Hemlock St", "OncoEMR", "#B5651D"),
    ("Yakima Valley Wound & Hyperbaric Center", "YV Wound Center", "yvwoundcare.com", "wound", "WA", "112 S 16th Ave", "Net Health WoundExpert", "#2A9D8F"),
    ("Lackawanna Smiles Dental Group", "Lackawanna Smiles", "lackawannasmiles.com", "dental", "PA", "220 Wyoming Ave", "Dentrix Ascend", "#0077B6"),
    ("Quequechan Community Pharmacy", "Quequechan Pharmacy", "quequechanrx.com", "pharmacy", "MA", "88 S Main St", "PioneerRx", "#C1121F"),
    ("Catawba Occupational Medicine", "Catawba OccMed", "catawbaoccmed.com", "occmed", "NC", "1980 13th Ave Dr SE", "Enterprise Health", "#386641"),
    ("Tulip City Home Infusion & Medical Supply", "Tulip City Infusion", "tulipcityinfusion.com", "infusion", "IA", "600 Franklin St", "CPR+", "#E76F51"),
    ("Meridian Pointe Health Plan", "Meridian Pointe", "meridianpointehp.com", "payer", "VA", "3900 Gallows Rd", "HealthRules Payor", "#1D3557"),
    ("Wolverine Lakes Clinical Research Unit", "Wolverine Lakes CRU", "wolverinelakescru.org", "research", "MI", "300 Michigan St NE", "Advarra OnCore", "#6A4C93"),
    ("Clearbrook Diagnostic Imaging & Pathology", "Clearbrook Diagnostics", "clearbrookdx.com", "dx", "WA", "1400 Cornwall Ave", "Sectra RIS / CoPath", "#264653"),
]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDOR_DEFS = [("Halyard Ridge Surgical Supply", "Halyard Ridge", "halyardridge.com", "vendor", "OH", "18 Commerce Dr", "SAP", "#444444"),
               ("Northgate Interface Services", "Northgate Interfaces", "northgateis.com", "vendor", "MN", "700 Nicollet Mall", "Jira", "#0B3D91"),
               ("BrightPath Managed IT", "BrightPath IT", "brightpathit.com", "vendor", "VA", "12 Tysons Blvd", "ServiceNow", "#2B2D42"),
               ("Cardinal Crest Biomedical", "Cardinal Crest Biomed", "cardinalcrestbio.com", "vendor", "NC", "400 Tech Park Dr", "TMS", "#9D0208"),
               ("Sentinel Shred & Records", "Sentinel Shred", "sentinelshred.com", "vendor", "PA", "55 Keystone Ind Park", "O365", "#555B6E")]
VENDORS = [Org(R, *d) for d in VENDOR_DEFS]
CARE = ("hospital", "clinic", "ob", "peds", "renal", "hospice", "onc", "wound", "dental", "pharmacy", "occmed", "infusion", "research", "dx")
def org(r, kinds=None):
    return r.choice([o for o in ORGS if kinds is None or o.kind in kinds])

# ================================================================== clinical scenarios
def S(k, code, dx, lay, drug, test, result, plan, kinds, sex=None, amin=20, amax=88, es=None):
    return dict(k=k, code=code, dx=dx, lay=lay, drug=drug, test=test, result=result, plan=plan, kinds=kinds, sex=sex, amin=amin, amax=amax, es=es or lay)
SCEN = [
    S("chf", "I50.22", "Chronic systolic (congestive) heart failure", "heart failure", "sacubitril-valsartan 49-51 mg twice daily", "echocardiogram", "LVEF 30-35%, moderate MR", "uptitrate sacubitril-valsartan, daily weights, 2 g sodium diet", ("hospital", "clinic", "hospice", "research"), amin=48, es="insuficiencia cardiaca"),
    S("copd", "J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", "COPD flare", "prednisone 40 mg daily x 5 days and azithromycin", "chest x-ray", "hyperinflation, no focal consolidation", "pulmonary rehab referral, start tiotropium-olodaterol", ("hospital", "clinic", "hospice"), amin=50, es="EPOC"),
    S("dm2", "E11.65", "Type 2 diabetes mellitus with hyperglycemia", "uncontrolled diabetes", "semaglutide 0.5 mg weekly", "hemoglobin A1c", "A1c 10.4%", "add semaglutide, diabetes education, recheck A1c in 3 months", ("clinic", "pharmacy", "research", "hospital"), es="diabetes"),
    S("esrd", "N18.6", "End stage renal disease", "kidney failure on dialysis", "sevelamer carbonate 800 mg with meals", "monthly dialysis labs", "Kt/V 1.08, phosphorus 7.1 mg/dL, albumin 3.3 g/dL", "extend treatment time to 4 hours, review binder use with the dietitian", ("renal", "hospital"), amin=30, es="insuficiencia renal"),
    S("dfu", "E11.621", "Type 2 diabetes mellitus with foot ulcer", "diabetic foot ulcer", "collagenase ointment daily", "wound measurement", "2.4 x 1.8 x 0.4 cm plantar ulcer, 80% granulation, no tunneling", "total contact cast, weekly debridement, offloading", ("wound", "clinic", "infusion"), amin=35, es="úlcera del pie"),
    S("venous", "I83.012", "Varicose veins of right lower extremity with ulcer of calf", "venous leg ulcer", "multilayer compression wrap", "wound measurement", "4.1 x 3.0 x 0.2 cm calf ulcer, moderate serous drainage", "compression 2x weekly, elevate legs, vascular referral", ("wound", "clinic"), amin=45),
    S("gdm", "O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled", "gestational diabetes", "glucose meter and test strips", "3-hour glucose tolerance test", "fasting 101, 1-h 198, 2-h 176, 3-h 152 mg/dL", "nutrition visit, check sugars four times a day, growth ultrasound at 32 weeks", ("ob",), sex="F", amin=19, amax=42, es="diabetes gestacional"),
    S("preecl", "O14.03", "Mild to moderate pre-eclampsia, third trimester", "preeclampsia", "labetalol 200 mg twice daily", "urine protein/creatinine ratio", "0.42, BP 148/96", "twice-weekly NSTs, labs weekly, delivery planned at 37 weeks", ("ob", "hospital"), sex="F", amin=19, amax=42, es="preeclampsia"),
    S("asthma_p", "J45.41", "Moderate persistent asthma with (acute) exacerbation", "asthma flare", "budesonide-formoterol 80/4.5 two puffs twice daily", "peak flow", "62% of personal best", "asthma action plan updated, school inhaler form", ("peds", "hospital"), amin=4, amax=16, es="asma"),
    S("wcc", "Z00.129", "Encounter for routine child health examination without abnormal findings", "well-child visit", "DTaP-IPV and MMRV vaccines", "immunization review", "due for 4-year vaccines", "vaccines given today, next visit at age 5", ("peds",), amin=4, amax=6, es="control del niño sano"),
    S("brca", "Z15.01", "Genetic susceptibility to malignant neoplasm of breast", "BRCA2 pathogenic variant", "none", "hereditary cancer panel", "BRCA2 c.5946delT (p.Ser1982Argfs*22), pathogenic", "breast MRI alternating with mammogram, discuss risk-reducing surgery, cascade testing for relatives", ("onc",), amin=25, amax=70),
    S("lynch", "Z15.09", "Genetic susceptibility to other malignant neoplasm", "Lynch syndrome (MLH1)", "none", "germline panel", "MLH1 c.350C>T (p.Thr117Met), pathogenic", "colonoscopy every 1-2 years, discuss endometrial screening, inform first-degree relatives", ("onc",), amin=25, amax=70),
    S("bc", "C50.412", "Malignant neoplasm of upper-outer quadrant of left female breast", "left breast cancer", "letrozole 2.5 mg daily", "core needle biopsy", "invasive ductal carcinoma, grade 2, ER 95%, PR 60%, HER2 1+ (negative)", "surgical consult, sentinel node, oncotype testing", ("onc", "dx", "hospital"), sex="F", amin=35, amax=85, es="cáncer de mama"),
    S("panc", "C25.0", "Malignant neoplasm of head of pancreas", "pancreatic cancer", "hydromorphone 2 mg every 4 hours as needed", "CT abdomen", "progression with new liver metastases", "transition to hospice, comfort-focused care", ("hospice", "onc"), amin=50, amax=92, es="cáncer de páncreas"),
    S("als", "G12.21", "Amyotrophic lateral sclerosis", "ALS", "riluzole 50 mg twice daily", "pulmonary function", "FVC 41% predicted", "BiPAP at night, hospice enrollment discussed, goals of care", ("hospice", "clinic"), amin=40, amax=80),
    S("stroke", "I63.512", "Cerebral infarction due to unspecified occlusion or stenosis of left middle cerebral artery", "stroke", "aspirin 81 mg and atorvastatin 80 mg", "CT angiogram head and neck", "left M2 occlusion, no hemorrhage", "admitted to stroke unit, neurology following", ("hospital",), amin=45),
    S("od", "T40.2X1A", "Poisoning by other opioids, accidental (unintentional), initial encounter", "opioid overdose", "naloxone 4 mg nasal spray kit", "urine drug screen", "positive for fentanyl", "naloxone kit, peer recovery coach, buprenorphine offered", ("hospital",), amin=18, amax=60),
    S("append", "K35.80", "Unspecified acute appendicitis", "appendicitis", "piperacillin-tazobactam", "CT abdomen/pelvis", "dilated 11 mm appendix with periappendiceal fat stranding", "laparoscopic appendectomy tonight", ("hospital", "peds"), amin=8, amax=70),
    S("lbp", "S39.012A", "Strain of muscle, fascia and tendon of lower back, initial encounter", "low back strain at work", "cyclobenzaprine 5 mg at bedtime", "lumbar x-ray", "no fracture, mild degenerative change at L4-L5", "modified duty, no lifting over 20 lb, PT 2x weekly", ("occmed",), amin=20, amax=64),
    S("cts", "G56.01", "Carpal tunnel syndrome, right upper limb", "carpal tunnel syndrome", "wrist splint at night", "nerve conduction study", "moderate right median neuropathy at the wrist", "restricted duty, no repetitive gripping, hand surgery referral", ("occmed",), amin=22, amax=64),
    S("osa", "G47.33", "Obstructive sleep apnea (adult) (pediatric)", "sleep apnea", "CPAP auto 5-15 cm H2O with heated humidifier", "home sleep test", "AHI 34 events/hour, nadir SpO2 78%", "CPAP setup, compliance download at 31-90 days", ("infusion", "clinic"), amin=30, es="apnea del sueño"),
    S("osteo", "M86.171", "Other acute osteomyelitis, right ankle and foot", "bone infection in the foot", "ertapenem 1 g IV every 24 hours x 6 weeks via PICC", "MRI right foot", "osteomyelitis of the 5th metatarsal head", "home infusion, weekly CBC/CMP/ESR/CRP, ID follow-up", ("infusion", "wound", "hospital"), amin=35),
    S("crohn", "K50.012", "Crohn's disease of small intestine with intestinal obstruction", "Crohn's disease", "infliximab 5 mg/kg IV every 8 weeks", "CT enterography", "active terminal ileitis with a short stricture", "home infusion of infliximab, TB test current", ("infusion", "clinic"), amin=18, amax=70),
    S("perio", "K05.322", "Chronic periodontitis, generalized, moderate", "gum disease", "chlorhexidine 0.12% rinse", "periodontal charting", "5-6 mm pockets in all quadrants with bleeding on probing", "scaling and root planing in four visits, re-evaluate in 6 weeks", ("dental",)),
    S("abscess", "K04.7", "Periapical abscess without sinus", "tooth abscess", "amoxicillin 500 mg three times daily", "periapical radiograph", "periapical radiolucency at #30", "root canal #30 then crown", ("dental",)),
    S("hepc", "B18.2", "Chronic viral hepatitis C", "hepatitis C", "sofosbuvir-velpatasvir daily x 12 weeks", "HCV RNA", "HCV RNA 1,840,000 IU/mL, genotype 1a", "start treatment after prior authorization, recheck RNA 12 weeks after finishing", ("pharmacy", "clinic"), es="hepatitis C"),
    S("ms", "G35", "Multiple sclerosis", "multiple sclerosis", "ocrelizumab 600 mg IV every 6 months", "MRI brain", "two new enhancing lesions", "switch to ocrelizumab, hepatitis B screen first", ("infusion", "pharmacy", "research")),
    S("ra", "M05.79", "Rheumatoid arthritis with rheumatoid factor of multiple sites without organ or systems involvement", "rheumatoid arthritis", "adalimumab 40 mg every 14 days", "CCP antibody", "CCP > 250 U/mL, CRP 24 mg/L", "start adalimumab after prior authorization", ("pharmacy", "clinic")),
    S("nodule", "R91.1", "Solitary pulmonary nodule", "lung nodule", "none", "CT chest", "9 mm solid nodule in the right upper lobe", "PET-CT, pulmonary clinic in 2 weeks", ("dx", "clinic", "hospital"), amin=45),
    S("dep", "F33.1", "Major depressive disorder, recurrent, moderate", "depression", "sertraline 100 mg daily", "PHQ-9", "PHQ-9 of 17", "therapy referral, increase sertraline, safety plan reviewed", ("clinic", "research")),
]
def scen(r, kinds=None, keys=None):
    c = [s for s in SCEN if (keys is None or s["k"] in keys) and (kinds is None or set(s["kinds"]) & set(kinds))]
    return r.choice(c or SCEN)
def org_for(r, s, prefer=None):
    ks = [k for k in s["kinds"] if prefer is None or k in prefer] or list(s["kinds"])
    return org(r, ks)

class Case:
    """one patient with one scenario, identifiers and the clinicians around them"""
    def __init__(s, r, o=None, keys=None, kinds=None, sc=None):
        s.s = sc or scen(r, kinds or ((o.kind,) if o is not None and keys is None else None), keys); s.o = o or org_for(r, s.s); CUR["state"] = s.o.state
        s.p = Person(r, s.s["amin"], s.s["amax"], sex=s.s["sex"], state=s.o.state)
        s.mrn, s.mem, s.acct, s.mbi = mrn(r), memid(r), acct(r), mbi(r)
        s.payer = r.choice(["Meridian Pointe Health Plan PPO", "Medicare Part B", "Buckeye Community Medicaid", "Aetna Open Access", "Humana Gold Plus HMO", "UnitedHealthcare Choice Plus", "BCBS PPO", "Tricare East"])
        s.doc, s.pcp = Clin(r, s.o.state), Clin(r)
        s.code, s.lay = s.s["code"], s.s["lay"]
        s.dt = recent(r, 20)

# ================================================================== document model
class Doc:
    """blocks: ("h", text) ("p", text) ("kv", pairs) ("tbl", hdr, rows, group) ("pre", text) ("bul", items) ("sig", text)"""
    def __init__(s, cat, title, o, blocks, kind="narr", subject=None, to=None, runhead=None, lang="en", foot=None):
        s.cat, s.title, s.o, s.blocks, s.kind, s.subject, s.to, s.runhead, s.lang, s.foot = cat, title, o, blocks, kind, subject, to, runhead, lang, foot
    def cut(s, n):
        d = copy.copy(s); out = []
        for b in s.blocks:
            if b[0] == "tbl": out.append(("tbl", b[1], b[2][:n], b[3]))
            elif b[0] == "p" and len(out) > n + 3: continue
            else: out.append(b)
        d.blocks = out; return d
def cellstr(v, dfmt="mdy"):
    if isinstance(v, dtm.date): return fd(v, dfmt)
    return "" if v is None else str(v)

# ================================================================== renderers: text / html
def wrapp(t, w):
    return "\n".join(textwrap.fill(ln, w) if len(ln) > w else ln for ln in t.split("\n")) if w else t
def kv_text(r, pairs, st):
    if st == 0: return "\n".join(f"{k}: {v}" for k, v in pairs)
    if st == 1: w = max(len(k) for k, _ in pairs) + 2; return "\n".join(f"{(k + ':').ljust(w)} {v}" for k, v in pairs)
    if st == 2: return "\n".join(f"{k}\n    {v}" for k, v in pairs)
    if st == 3: return "\n".join(f"{k.upper()} - {v}" for k, v in pairs)
    return "; ".join(f"{k} {v}" for k, v in pairs) + "."
def tbl_text(r, hdr, rows, group, st, dfmt="mdy"):
    rows = [[cellstr(v, dfmt) for v in row] for row in rows]
    if st == 0:
        out = ["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(x) + " |" for x in rows]
    elif st == 1:
        w = [max(len(str(h)), *(len(x[i]) for x in rows)) if rows else len(h) for i, h in enumerate(hdr)]
        out = ([f"~~ {group} ~~"] if group else []) + ["  ".join(str(h).ljust(w[i]) for i, h in enumerate(hdr)), "  ".join("-" * x for x in w)] + ["  ".join(c.ljust(w[i]) for i, c in enumerate(x)) for x in rows]
    elif st == 2:
        out = []
        for n, x in enumerate(rows, 1): out.append(f"{n}) " + " / ".join(x))
    else:
        out = []
        for x in rows: out.append("\n".join(f"  {h}: {c}" for h, c in zip(hdr, x)) + "\n")
    return "\n".join(out)
def render_text(r, doc, title=True, w=None):
    w = w if w is not None else r.choice([None, None, 72, 76, 78])
    kvst, tst = r.randrange(5), r.randrange(4); out = []
    if doc.runhead and r.random() < 0.6: out.append(doc.runhead)
    if title and doc.title: out.append(doc.title.upper() if r.random() < 0.3 else doc.title)
    for b in doc.blocks:
        if b[0] == "h": out.append(b[1].upper() if kvst == 3 else b[1])
        elif b[0] == "p": out.append(wrapp(b[1], w))
        elif b[0] == "kv": out.append(kv_text(r, b[1], kvst))
        elif b[0] == "tbl": out.append(tbl_text(r, b[1], b[2], b[3], tst))
        elif b[0] == "pre": out.append(b[1])
        elif b[0] == "bul": out.append("\n".join(f"{r.choice(['-', '*', '•'])} {x}" for x in b[1]))
        elif b[0] == "sig": out.append(b[1])
    if doc.foot and r.random() < 0.5: out.append(doc.foot)
    return "\n\n".join(out) + "\n"
def render_html(r, doc, head_html="", tail_html="", for_print=False):
    o = doc.o; col = o.color if o else "#333333"
    st = r.randrange(3); parts = []
    font = r.choice(["Calibri,Arial,sans-serif", "Segoe UI,Tahoma,sans-serif", "Georgia,serif", "Verdana,sans-serif"])
    if for_print and o:
        parts.append(f'<table width="100%" style="border-bottom:2px solid {col};margin-bottom:10px"><tr><td width="40%" style="font-size:15pt;color:{col}"><b>{hx(o.name)}</b></td>'
                     f'<td width="32%" style="font-size:8pt">{hx(o.street)}<br>{hx(o.city)}, {o.state} {o.zip}</td><td width="28%" style="font-size:8pt">Tel {hx(o.phone)}<br>Fax {hx(o.fax)}<br>www.{o.dom}</td></tr></table>')
    if doc.runhead and for_print: parts.append(f'<p style="text-align:right;font-size:8pt"><b>{hx(doc.runhead)}</b></p>')
    parts.append(head_html)
    if doc.title: parts.append(f'<h2 style="color:{col};font-size:14pt">{hx(doc.title)}</h2>' if st else f'<p class="MsoNormal"><b><span style="font-size:13pt">{hx(doc.title)}</span></b></p>')
    for b in doc.blocks:
        if b[0] == "h": parts.append(f'<h3 style="font-size:11pt;color:{col};margin:10px 0 2px 0">{hx(b[1])}</h3>')
        elif b[0] in ("p", "sig"): parts.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "pre": parts.append(f'<pre style="font-size:8.5pt">{hx(b[1])}</pre>')
        elif b[0] == "bul": parts.append("<ul>" + "".join(f"<li>{hx(x)}</li>" for x in b[1]) + "</ul>")
        elif b[0] == "kv":
            if st == 1: parts.append("<dl>" + "".join(f"<dt><b>{hx(k)}</b></dt><dd>{hx(str(v))}</dd>" for k, v in b[1]) + "</dl>")
            else: parts.append('<table cellpadding="3" style="border-collapse:collapse;font-size:10pt">' + "".join(f'<tr><th align="left" style="background:#EEF2F5;border:1px solid #CCC">{hx(k)}</th><td style="border:1px solid #CCC">{hx(str(v))}</td></tr>' for k, v in b[1]) + "</table>")
        elif b[0] == "tbl":
            hdr, rows, grp = b[1], b[2], b[3]
            t = '<table cellpadding="3" style="border-collapse:collapse;font-size:9pt" border="1">'
            if grp: t += f'<tr><th colspan="{len(hdr)}" style="background:{col};color:#fff">{hx(grp)}</th></tr>'
            t += "<tr>" + "".join(f'<th style="background:#DDE5EC">{hx(h)}</th>' for h in hdr) + "</tr>"
            for i, row in enumerate(rows): t += f'<tr{" style=background:#F6F6F6" if i % 2 else ""}>' + "".join(f"<td>{hx(cellstr(v))}</td>" for v in row) + "</tr>"
            parts.append(t + "</table>")
    if doc.foot: parts.append(f'<p style="font-size:7.5pt;color:#666">{hx(doc.foot)}</p>')
    parts.append(tail_html)
    page = '<style>@page { size: 8.5in 11in; margin: 0.6in }</style>' if for_print else ""
    return f'<html><head><meta charset="utf-8">{page}</head><body style="font-family:{font};font-size:10.5pt">' + "\n".join(parts) + "</body></html>"

# ================================================================== logo
_LOGO = {}
def logo_png(o, style=0, w=240, h=64):
    k = (o.short, style, w, h)
    if k in _LOGO: return _LOGO[k]
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("RGB", (w, h), "white"); dr = ImageDraw.Draw(im); col = o.color
    try: f = ImageFont.truetype(DJB, 17); f2 = ImageFont.truetype(DJ, 10)
    except Exception: f = f2 = ImageFont.load_default()
    ini = "".join(x[0] for x in o.short.split()[:3] if x[0].isalpha())
    if style == 0: dr.ellipse((4, 4, h - 4, h - 4), fill=col); dr.text((14, h // 2 - 10), ini[:2], fill="white", font=f)
    elif style == 1: dr.rectangle((0, 0, 10, h), fill=col); dr.polygon([(16, h - 6), (36, 6), (56, h - 6)], fill=col)
    else: dr.rectangle((4, 8, h - 8, h - 8), outline=col, width=4); dr.line((8, h // 2, h - 12, h // 2), fill=col, width=4)
    dr.text((h + 4, 10), o.short[:22], fill=col, font=f); dr.text((h + 4, 36), o.city + ", " + o.state, fill="#555555", font=f2)
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[k] = b.getvalue(); return _LOGO[k]

# ================================================================== PDF helpers
def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 99
def norm_pdf(data, key):
    """LibreOffice and Ghostscript stamp wall-clock dates and random IDs: replace them with same-length values derived
    from the file name (xref offsets stay valid); re-typed after batch 8's helper, keyed on b9/ + file name"""
    h = hashlib.sha256(("b9/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261209160000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-09T16:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + (h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]).lower().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: m.group(0).replace(m.group(1), h[:len(m.group(1))].encode()).replace(m.group(2), h[:len(m.group(2))].encode()), data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", ("/ID [<" + h[:32] + "><" + h[:32] + ">]").encode(), data[t:])
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", ("/DocChecksum /" + h[32:64]).encode(), data)
    return data
def colw(hdr, rows, total):
    ln = [max(4, len(str(h)), *(min(40, len(cellstr(x[i]))) for x in rows)) if rows else max(4, len(str(h))) for i, h in enumerate(hdr)]
    s = sum(ln); return [total * x / s for x in ln]

# ---------------------------------------------------------------- reportlab
from reportlab import rl_config
rl_config.invariant = 1
_RLF = {"ok": False}
def rl_fonts():
    if _RLF["ok"]: return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for n, p in (("DV", DJ), ("DVB", DJB), ("DVS", DJS), ("DVSB", DJSB), ("DVM", DJM)): pdfmetrics.registerFont(TTFont(n, p))
    _RLF["ok"] = True
def rl_pdf(r, doc, ttf=None):
    from reportlab.lib.pagesizes import letter, A4, landscape
    from reportlab.lib.units import inch
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle, Spacer, Preformatted, Image
    ttf = r.random() < 0.45 if ttf is None else ttf
    if ttf: rl_fonts(); F, FB, FM = r.choice([("DV", "DVB"), ("DVS", "DVSB")]) + ("DVM",)
    else: F, FB, FM = r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")]) + ("Courier",)
    T = (lambda s: hx(str(s))) if ttf else (lambda s: hx(l1(s)))
    o = doc.o; col = colors.HexColor(o.color if o else "#333333")
    wide = any(b[0] == "tbl" and len(b[1]) > 6 for b in doc.blocks)
    ps = landscape(letter) if wide else r.choice([letter, letter, A4]); W = ps[0] - 1.3 * inch
    look = r.randrange(3)
    body = ParagraphStyle("b", fontName=F, fontSize=9.5, leading=12.2, spaceAfter=5)
    cellst = ParagraphStyle("c", fontName=F, fontSize=8, leading=9.6)
    cellb = ParagraphStyle("cb", fontName=FB, fontSize=8, leading=9.6)
    h2 = ParagraphStyle("h", fontName=FB, fontSize=10.5, leading=13, textColor=col, spaceBefore=6, spaceAfter=3)
    tit = ParagraphStyle("t", fontName=FB, fontSize=13, leading=16, spaceAfter=6)
    foot = doc.foot or (f"{o.name} | {o.addr()} | Tel {o.phone}" if o else "")
    def deco(c, d):
        c.saveState(); w, h = ps
        if o:
            if look == 1: c.setFillColor(col); c.rect(0, h - 0.35 * inch, w, 0.35 * inch, fill=1, stroke=0)
            c.setFont(F, 7); c.setFillColor(colors.HexColor("#555555"))
            c.drawString(0.65 * inch, 0.42 * inch, l1(foot)[:150] if not ttf else foot[:150])
        if doc.runhead and d.page > 1 or (doc.runhead and look == 2):
            c.setFont(FB, 7.5); c.setFillColor(colors.black); c.drawRightString(w - 0.65 * inch, h - 0.5 * inch, doc.runhead if ttf else l1(doc.runhead))
        c.setFont(F, 7); c.drawRightString(w - 0.65 * inch, 0.42 * inch, f"Page {d.page}")
        c.restoreState()
    story = []
    if o:
        lh = [[Paragraph(f'<font color="{o.color}" size="13"><b>{T(o.name)}</b></font>', ParagraphStyle("x", fontName=FB, fontSize=13, leading=15)),
               Paragraph(T(o.street) + "<br/>" + T(f"{o.city}, {o.state} {o.zip}"), cellst),
               Paragraph(T(f"Tel {o.phone}") + "<br/>" + T(f"Fax {o.fax}") + "<br/>" + T(f"www.{o.dom}"), cellst)]]
        cw = [W * 0.46, W * 0.28, W * 0.26]
        if look == 0 and r.random() < 0.6:
            lh[0][0] = Image(io.BytesIO(logo_png(o, r.randrange(3))), width=2.1 * inch, height=0.56 * inch)
        t = Table(lh, colWidths=cw); t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, col)]))
        story += [t, Spacer(1, 8)]
    if doc.runhead and look != 2: story.append(Paragraph(f"<b>{T(doc.runhead)}</b>", ParagraphStyle("rh", fontName=FB, fontSize=8.5, leading=11, alignment=2)))
    if doc.title: story.append(Paragraph(T(doc.title), tit))
    for b in doc.blocks:
        if b[0] == "h": story.append(Paragraph(T(b[1]), h2))
        elif b[0] in ("p", "sig"): story.append(Paragraph(T(b[1]).replace("\n", "<br/>"), body))
        elif b[0] == "pre": story.append(Preformatted(b[1] if ttf else l1(b[1]), ParagraphStyle("m", fontName=FM, fontSize=7, leading=8.4)))
        elif b[0] == "bul":
            for x in b[1]: story.append(Paragraph(T(x), body, bulletText="•" if ttf else "-"))
        elif b[0] == "kv":
            pr = b[1]
            if len(pr) > 3 and r.random() < 0.5:
                data = []
                for i in range(0, len(pr), 2):
                    row = []
                    for k, v in pr[i:i + 2]: row += [Paragraph(T(k), cellb), Paragraph(T(v), cellst)]
                    data.append(row + [""] * (4 - len(row)))
                t = Table(data, colWidths=[W * 0.17, W * 0.33, W * 0.17, W * 0.33])
            else:
                t = Table([[Paragraph(T(k), cellb), Paragraph(T(v), cellst)] for k, v in pr], colWidths=[W * 0.28, W * 0.72])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#AAAAAA")), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF1F4"))]))
            story += [t, Spacer(1, 6)]
        elif b[0] == "tbl":
            hdr, rows, grp = b[1], b[2], b[3]
            data = ([[Paragraph(f"<b>{T(grp)}</b>", cellb)] + [""] * (len(hdr) - 1)] if grp else []) + [[Paragraph(T(h), cellb) for h in hdr]] + [[Paragraph(T(cellstr(v)), cellst) for v in row] for row in rows]
            t = Table(data, colWidths=colw(hdr, rows, W), repeatRows=2 if grp else 1)
            stl = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 1 if grp else 0), colors.HexColor("#DCE3EA"))]
            if grp: stl.append(("SPAN", (0, 0), (-1, 0)))
            for i in range(len(rows)):
                if i % 2: stl.append(("BACKGROUND", (0, i + 1 + bool(grp)), (-1, i + 1 + bool(grp)), colors.HexColor("#F5F5F5")))
            t.setStyle(TableStyle(stl)); story += [t, Spacer(1, 6)]
    b = io.BytesIO()
    dt = BaseDocTemplate(b, pagesize=ps, leftMargin=0.65 * inch, rightMargin=0.65 * inch, topMargin=0.7 * inch, bottomMargin=0.7 * inch,
                         title=l1(doc.title or doc.cat), author=l1(o.name if o else ""), creator=o.ehr if o else "reportlab")
    dt.addPageTemplates([PageTemplate(id="p", frames=[Frame(dt.leftMargin, dt.bottomMargin, dt.width, dt.height, id="f")], onPage=deco)])
    dt.build(story); return b.getvalue()

# ---------------------------------------------------------------- fpdf2
def fp_pdf(r, doc, ttf=None):
    import fpdf as _f
    from fpdf import FPDF
    from fpdf.fonts import FontFace
    ttf = r.random() < 0.5 if ttf is None else ttf
    o = doc.o; T = (lambda s: str(s)) if ttf else (lambda s: l1(s))
    wide = any(b[0] == "tbl" and len(b[1]) > 6 for b in doc.blocks)
    fmt = r.choice(["Letter", "Letter", "A4"]); orient = "L" if wide else "P"
    base = "DV" if ttf else r.choice(["Helvetica", "Times", "Helvetica"])
    look = r.randrange(3); rgb = tuple(int((o.color if o else "#333333")[i:i + 2], 16) for i in (1, 3, 5))
    class P(FPDF):
        def header(self):
            if o is None: return
            if self.page_no() == 1 or look == 2:
                y0 = self.get_y(); w = self.epw
                if look == 0 and self.page_no() == 1: self.image(io.BytesIO(logo_png(o, 1)), x=self.l_margin, y=y0, w=52)
                else: self.set_font(base, "B", 13); self.set_text_color(*rgb); self.set_xy(self.l_margin, y0); self.multi_cell(w * 0.45, 6, T(o.name))
                self.set_text_color(60, 60, 60); self.set_font(base, "", 7.5)
                self.set_xy(self.l_margin + w * 0.47, y0); self.multi_cell(w * 0.27, 3.6, T(f"{o.street}\n{o.city}, {o.state} {o.zip}"))
                self.set_xy(self.l_margin + w * 0.75, y0); self.multi_cell(w * 0.25, 3.6, T(f"Tel {o.phone}\nFax {o.fax}\nwww.{o.dom}"))
                self.set_text_color(0, 0, 0); self.set_y(y0 + 15); self.set_draw_color(*rgb); self.set_line_width(0.6)
                self.line(self.l_margin, self.get_y(), self.l_margin + w, self.get_y()); self.ln(3)
            if doc.runhead and (self.page_no() > 1 or look == 1):
                self.set_font(base, "B", 7.5); self.cell(0, 4, T(doc.runhead), align="R", new_x="LMARGIN", new_y="NEXT"); self.ln(1)
        def footer(self):
            self.set_y(-13); self.set_font(base, "", 6.8); self.set_text_color(90, 90, 90)
            self.multi_cell(self.epw * 0.8, 3.2, T(doc.foot or (f"{o.name} - {o.addr()}" if o else "")))
            self.set_xy(self.l_margin + self.epw * 0.8, -13); self.cell(self.epw * 0.2, 3.2, f"Page {self.page_no()}/{{nb}}", align="R")
    pdf = P(orientation=orient, format=fmt, unit="mm")
    if ttf: pdf.add_font("DV", "", DJ); pdf.add_font("DV", "B", DJB); pdf.add_font("DV", "I", DJ)
    pdf.set_creation_date(dtm.datetime(2026, 12, 9, 16, 0, tzinfo=dtm.timezone.utc))
    pdf.set_producer(f"PyFPDF/fpdf{_f.__version__}")
    pdf.set_creator(T(o.ehr if o else "fpdf2")); pdf.set_title(T(doc.title or doc.cat)); pdf.set_author(T(o.name if o else ""))
    pdf.set_margins(16, 14, 16); pdf.set_auto_page_break(True, 18); pdf.add_page()
    if doc.runhead and look == 0: pdf.set_font(base, "B", 8.5); pdf.cell(0, 5, T(doc.runhead), align="R", new_x="LMARGIN", new_y="NEXT")
    if doc.title: pdf.set_font(base, "B", 12.5); pdf.multi_cell(0, 6.5, T(doc.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(base, "B", 10); pdf.set_text_color(*rgb); pdf.multi_cell(0, 5.5, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(0, 0, 0)
        elif b[0] in ("p", "sig"): pdf.set_font(base, "", 9.5); pdf.multi_cell(0, 4.7, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "pre":
            pdf.set_font("Courier", "", 7); pdf.multi_cell(0, 3.4, l1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "bul":
            pdf.set_font(base, "", 9.5)
            for x in b[1]: pdf.multi_cell(0, 4.7, T("- " + x), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b[0] == "kv":
            pdf.set_font(base, "", 8.5)
            with pdf.table(col_widths=(30, 70), line_height=4.4, text_align="LEFT", first_row_as_headings=False, headings_style=FontFace(emphasis="BOLD")) as t:
                for k, v in b[1]:
                    row = t.row(); row.cell(T(k), style=FontFace(emphasis="BOLD", fill_color=(238, 241, 244))); row.cell(T(v))
            pdf.ln(2)
        elif b[0] == "tbl":
            hdr, rows, grp = b[1], b[2], b[3]
            pdf.set_font(base, "", 7.5 if len(hdr) > 5 else 8.5)
            with pdf.table(col_widths=tuple(colw(hdr, rows, 100)), line_height=3.9, text_align="LEFT", num_heading_rows=2 if grp else 1,
                           headings_style=FontFace(emphasis="BOLD", fill_color=(220, 227, 234)), cell_fill_color=(246, 246, 246), cell_fill_mode="ROWS") as t:
                if grp: t.row().cell(T(grp), colspan=len(hdr))
                hr = t.row()
                for h in hdr: hr.cell(T(h))
                for row in rows:
                    rr = t.row()
                    for v in row: rr.cell(T(cellstr(v)))
            pdf.ln(2)
    return bytes(pdf.output())

# ---------------------------------------------------------------- hand-written PostScript (Ghostscript)
def ps_str(s):
    out = []
    for ch in l1(s):
        c = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif c < 32 or c > 126: out.append(f"\\{c:03o}")
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def ps_doc(r, doc):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    o = doc.o; W, H = 612, 792; L, RM, TOP, BOT = 54, 558, 740, 60
    serif = r.random() < 0.4; BF, BB = ("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold")
    creator = r.choice(["RightFax 21.2 PrintDriver", "Kofax Communication Server", "XMedius PCL/PS Driver", "Allscripts Print Service 3.1", "Epic Print Service (EPS) 10.4"])
    lines = []   # (font, size, x, text, extra) ; extra: 'bar' grey bar, 'rule'
    def wrapw(t, font, size, width):
        out = []
        for para in l1(t).split("\n"):
            cur = ""
            for w in para.split(" "):
                tr = (cur + " " + w).strip()
                if stringWidth(tr, font, size) <= width: cur = tr
                else:
                    if cur: out.append(cur)
                    cur = w
            out.append(cur)
        return out
    def add(font, size, x, t, lead=None, kind="t"): lines.append((font, size, x, t, lead or size * 1.28, kind))
    if doc.title: add(BB, 12.5, L, doc.title.upper() if r.random() < 0.4 else doc.title, 18, "title")
    for b in doc.blocks:
        if b[0] == "h": add(BB, 9.5, L + 3, b[1].upper(), 16, "bar")
        elif b[0] in ("p", "sig"):
            for ln in wrapw(b[1], BF, 9.5, RM - L): add(BF, 9.5, L, ln)
            add(BF, 4, L, "")
        elif b[0] == "bul":
            for x in b[1]:
                for i, ln in enumerate(wrapw(x, BF, 9.5, RM - L - 14)): add(BF, 9.5, L + 14, ("- " if i == 0 else "  ") + ln)
        elif b[0] == "pre":
            for ln in b[1].split("\n"): add("Courier", 7, L, ln[:118], 8.6)
        elif b[0] == "kv":
            for k, v in b[1]:
                vl = wrapw(str(v), "Courier", 9, RM - L - 150)
                for i, ln in enumerate(vl): add("Courier", 9, L + 150, ln, 11.5, ("kv:" + l1(k)) if i == 0 else "t")
            add(BF, 4, L, "")
        elif b[0] == "tbl":
            hdr, rows = b[1], b[2]; ws = colw(hdr, rows, RM - L); xs = [L + sum(ws[:i]) for i in range(len(hdr))]
            fs = 7 if len(hdr) > 5 else 8
            def rowlines(vals, font):
                cells = [wrapw(cellstr(v), font, fs, ws[i] - 4) for i, v in enumerate(vals)]
                n = max(len(c) for c in cells)
                for j in range(n): lines.append((font, fs, xs, [c[j] if j < len(c) else "" for c in cells], fs * 1.3, "row" if j == 0 else "rowc"))
            rowlines(hdr, BB)
            for row in rows: rowlines(row, "Courier" if r.random() < 0.0 else BF)
            add(BF, 4, L, "")
    pages = [[]]; y = TOP - (60 if o else 10)
    for ln in lines:
        if y - ln[4] < BOT: pages.append([]); y = TOP - 30
        y -= ln[4]; pages[-1].append((y, ln))
    npg = len(pages)
    out = ["%!PS-Adobe-3.0", f"%%Creator: {creator}", f"%%Title: {l1(doc.title or doc.cat)}", f"%%Pages: {npg}", "%%EndComments",
           "/ENC ISOLatin1Encoding 256 array copy dup 45 /hyphen put def",
           "/REF { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ENC def currentdict end definefont pop } def"]
    for f in ("Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Bold", "Courier", "Courier-Bold"): out.append(f"/{f}-L /{f} REF")
    out.append("/S { exch findfont exch scalefont setfont } def")
    banner = f"{fd(recent(r, 1), 'mdy')} {clock(r)}  FROM: {o.fax if o else phone(r)}  TO: {phone(r)}"
    for pi, pg in enumerate(pages, 1):
        out += [f"%%Page: {pi} {pi}", "gsave"]
        out += ["/Courier-L 7 S", f"{L} 772 moveto {ps_str(banner + f'   P.{pi}/{npg}')} show"]
        if o and pi == 1:
            out += [f"/{BB}-L 14 S {L} 748 moveto {ps_str(o.name)} show", f"/{BF}-L 7.5 S 360 752 moveto {ps_str(o.street + ', ' + o.city + ', ' + o.state + ' ' + o.zip)} show",
                    f"360 743 moveto {ps_str('Tel ' + o.phone + '   Fax ' + o.fax)} show", f"1.2 setlinewidth {L} 736 moveto {RM} 736 lineto stroke"]
        if doc.runhead and (pi > 1 or r.random() < 0.5): out.append(f"/{BB}-L 7.5 S {RM} {TOP + 10} moveto {ps_str(doc.runhead)} dup stringwidth pop neg 0 rmoveto show")
        for y, (font, size, x, t, lead, kind) in pg:
            if kind == "bar": out.append(f"gsave 0.86 setgray {L} {y - 3:.1f} {RM - L} {size + 5} rectfill grestore")
            if kind in ("row", "rowc"):
                if kind == "row": out.append(f"0.4 setlinewidth 0.6 setgray {L} {y + size + 1:.1f} moveto {RM} {y + size + 1:.1f} lineto stroke 0 setgray")
                for xx, tt in zip(x, t):
                    if tt: out.append(f"/{font}-L {size} S {xx + 2:.1f} {y:.1f} moveto {ps_str(tt)} show")
                continue
            if kind.startswith("kv:"): out.append(f"/{BB}-L 8 S {L} {y:.1f} moveto {ps_str(kind[3:])} show")
            if t: out.append(f"/{font}-L {size} S {x} {y:.1f} moveto {ps_str(t)} show")
        out += [f"/{BF}-L 7 S {L} 40 moveto {ps_str((doc.foot or (o.name if o else ''))[:120])} show", f"{RM} 40 moveto {ps_str(f'Page {pi} of {npg}')} dup stringwidth pop neg 0 rmoveto show",
                "grestore", "showpage"]
    out.append("%%EOF")
    return "\n".join(out) + "\n", npg

# ---------------------------------------------------------------- docx (python-docx)
def _shade(cell, hexcolor):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr(); s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), hexcolor); tcPr.append(s)
def _field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind, txt in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = par.add_run()
        if kind: e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind); run._r.append(e)
        elif txt == code: e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = f" {code} "; run._r.append(e)
        else: run.text = txt
def docx_bytes(r, doc, logo=None):
    import docx
    from docx.shared import Pt, RGBColor, Inches, Cm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.section import WD_ORIENT
    d = docx.Document(); o = doc.o
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Segoe UI"]); st.font.size = Pt(10.5)
    sec = d.sections[0]
    if any(b[0] == "tbl" and len(b[1]) > 6 for b in doc.blocks):
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8)
    col = RGBColor.from_string((o.color if o else "#333333")[1:])
    if o:
        hdr = sec.header; t = hdr.add_table(1, 3, Inches(6.8)); t.autofit = False
        c0, c1, c2 = t.rows[0].cells
        logo = (r.random() < 0.35) if logo is None else logo
        if logo: c0.paragraphs[0].add_run().add_picture(io.BytesIO(logo_png(o, r.randrange(3))), width=Inches(2.0))
        else: rn = c0.paragraphs[0].add_run(o.name); rn.bold = True; rn.font.size = Pt(13); rn.font.color.rgb = col
        for c, txt in ((c1, f"{o.street}\n{o.city}, {o.state} {o.zip}"), (c2, f"Tel {o.phone}\nFax {o.fax}\nwww.{o.dom}")):
            rn = c.paragraphs[0].add_run(txt); rn.font.size = Pt(7.5)
        if doc.runhead:
            p = hdr.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; rn = p.add_run(doc.runhead); rn.bold = True; rn.font.size = Pt(8)
        ft = sec.footer.paragraphs[0]
        rn = ft.add_run((doc.foot or r.choice(["CONFIDENTIAL - contains information protected by law.", f"Printed from {o.ehr}.", f"{o.name} | {o.addr()}"])) + "    Page "); rn.font.size = Pt(7)
        _field(ft, "PAGE"); ft.add_run(" of "); _field(ft, "NUMPAGES")
    elif doc.runhead:
        p = sec.header.paragraphs[0]; p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; p.add_run(doc.runhead).bold = True
    if doc.title:
        p = d.add_paragraph(); rn = p.add_run(doc.title); rn.bold = True; rn.font.size = Pt(14); rn.font.color.rgb = col
    tsty = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 5", "Medium Shading 1 Accent 1", "Table Grid"])
    for b in doc.blocks:
        if b[0] == "h":
            p = d.add_paragraph(); rn = p.add_run(b[1]); rn.bold = True; rn.font.color.rgb = col
        elif b[0] in ("p", "sig"): d.add_paragraph(b[1])
        elif b[0] == "pre":
            p = d.add_paragraph(); rn = p.add_run(b[1]); rn.font.name = "Courier New"; rn.font.size = Pt(7.5)
        elif b[0] == "bul":
            for x in b[1]: d.add_paragraph(x, style="List Bullet")
        elif b[0] == "kv":
            if r.random() < 0.3:
                for k, v in b[1]:
                    p = d.add_paragraph(); p.add_run(f"{k}: ").bold = True; p.add_run(str(v)); p.paragraph_format.space_after = Pt(1)
            else:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for k, v in b[1]:
                    c = t.add_row().cells; c[0].text = k; c[1].text = str(v); _shade(c[0], "EEF1F4"); c[0].paragraphs[0].runs[0].bold = True
                d.add_paragraph()
        elif b[0] == "tbl":
            hdr, rows, grp = b[1], b[2], b[3]
            t = d.add_table(rows=0, cols=len(hdr)); t.style = tsty
            if grp:
                c = t.add_row().cells; m = c[0].merge(c[-1]); m.text = grp; _shade(m, "DCE3EA")
            c = t.add_row().cells
            for i, h in enumerate(hdr): c[i].text = h; c[i].paragraphs[0].runs[0].bold = True
            for row in rows:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cellstr(v)
            d.add_paragraph()
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- xlsx / csv
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "mmm d, yyyy", "m/d/yy", "[$-409]mmmm d, yyyy"]
def xlsx_bytes(r, doc, for_pdf=False, for_lo=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Border, Side, Alignment
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = re.sub(r"[^A-Za-z0-9 ]", "", asc(doc.title or doc.cat))[:28] or "Sheet1"
    tb = [b for b in doc.blocks if b[0] == "tbl"]
    hdr, rows, grp = (tb[0][1], tb[0][2], tb[0][3]) if tb else (["Item", "Detail"], [[k, v] for b in doc.blocks if b[0] == "kv" for k, v in b[1]], None)
    fill = PatternFill("solid", fgColor=(doc.o.color if doc.o else "#335577")[1:]); dfmt = r.choice(XL_DATE); row0 = 1
    if doc.title and r.random() < 0.7:
        ws.cell(1, 1, doc.title).font = Font(bold=True, size=13); row0 = 2
        if doc.o and r.random() < 0.6: ws.cell(2, 1, f"{doc.o.name} - run {fd(TODAY, 'mdy')}"); row0 = 3
        row0 += 1
    if grp and not for_lo:
        ws.cell(row0, 1, grp).alignment = Alignment(horizontal="centerContinuous")
        for j in range(2, len(hdr) + 1): ws.cell(row0, j).alignment = Alignment(horizontal="centerContinuous")
        row0 += 1
    for j, h in enumerate(hdr, 1):
        c = ws.cell(row0, j, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = fill; c.border = Border(bottom=Side(style="thin"))
    for i, row in enumerate(rows, row0 + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(i, j, v)
            if isinstance(v, dtm.date): c.number_format = dfmt
            elif isinstance(v, float): c.number_format = '"$"#,##0.00'
            c.alignment = Alignment(wrap_text=isinstance(v, str) and len(v) > 40, vertical="top")
    for j, w in enumerate(colw(hdr, rows, 12 * len(hdr) + 30), 1): ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = max(9, min(60, w))
    ws.freeze_panes = ws.cell(row0 + 1, 1)
    if r.random() < 0.5: ws.auto_filter.ref = f"A{row0}:{openpyxl.utils.get_column_letter(len(hdr))}{row0 + len(rows)}"
    if for_pdf: ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0; ws.sheet_properties.pageSetUpPr.fitToPage = True
    notes = [b[1] for b in doc.blocks if b[0] == "p"]
    if notes and r.random() < 0.6:
        n = wb.create_sheet("Notes" if r.random() < 0.6 else "Read me")
        for i, t in enumerate(notes[:6], 1): n.cell(i, 1, t)
        n.column_dimensions["A"].width = 110
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def snake(s): return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", asc(s).lower())).strip("_")
def csv_bytes(r, doc):
    tb = [b for b in doc.blocks if b[0] == "tbl"]
    hdr, rows = (tb[0][1], tb[0][2]) if tb else (["field", "value"], [[k, v] for b in doc.blocks if b[0] == "kv" for k, v in b[1]])
    st = r.randrange(6); dfmt = r.choice(["mdy", "iso", "ymd8", "m/d/y", "d-Mon-y"])
    delim, ext = [(",", "csv"), (",", "csv"), ("\t", "tsv"), ("|", "txt"), (";", "csv"), ("\t", "txt")][st]
    h = [snake(x) for x in hdr] if r.random() < 0.35 else hdr
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, quoting=csv.QUOTE_ALL if r.random() < 0.3 else csv.QUOTE_MINIMAL, lineterminator=r.choice(["\r\n", "\n"]))
    if r.random() < 0.3: s.write(f"# {doc.o.ehr if doc.o else 'export'} | {doc.title or doc.cat} | generated {fd(TODAY, 'iso')} {clock(r)}" + "\n")
    w.writerow(h)
    for row in rows: w.writerow([cellstr(v, dfmt) for v in row])
    if r.random() < 0.25: s.write(f"Total records: {len(rows)}\n")
    data = s.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data if r.random() < 0.25 else data), ext

# ================================================================== PHI content (label-free or lightly labelled prose first)
def he(p): return "she" if p.sex == "F" else "he"
def his(p): return "her" if p.sex == "F" else "his"
def him(p): return "her" if p.sex == "F" else "him"
def cap(t): return t[:1].upper() + t[1:]
def who(p): return (f"{p.age}-year-old {'woman' if p.sex == 'F' else 'man'}" if p.age >= 18 else f"{p.age}-year-old {'girl' if p.sex == 'F' else 'boy'}")
def intro(r, p): return r.choice([p.full(), p.gmf(), p.nickname(), f"{p.title()[:3]} {p.given} {p.family}", p.full()])
def later(r, p): return r.choice([p.call(), p.call(), p.title()])
def runhead(r, c):
    p = c.p
    return r.choice([f"{p.LF()}  |  MRN {c.mrn}  |  DOB {fd(p.dob, 'mdy')}", f"{p.lf()} ({p.age}{p.sex})  MRN: {c.mrn}", f"Patient: {p.gmf()}   DOB: {fd(p.dob, r.choice(DOB_ST))}",
                     f"{p.family}, {p.given} - {c.mrn}", f"RE: {p.full()}  DOB {fd(p.dob, 'm/d/y')}"])
def parent(r, p): return Person(r, p.age + 22, p.age + 40, state=p.state, pool=p.pool, family=p.family if "/" not in p.family else None)
FOOT_PHI = ["CONFIDENTIAL: This document contains protected health information. If received in error, notify the sender and destroy all copies.",
            "This information has been disclosed to you from records protected by federal confidentiality rules.", None, None]

def P_progress(r):
    c = Case(r, kinds=("clinic", "hospital", "onc", "peds", "occmed")); p, s = c.p, c.s; o = c.o
    blocks = [("p", f"{intro(r, p)} is a {who(p)} seen today{' with ' + r.choice(['his wife', 'her husband', 'a daughter', 'his son', 'her mother']) if p.age > 18 and r.random() < 0.4 else ''} for follow-up of {s['lay']}. "
                    f"Since the last visit {later(r, p)} reports {r.choice(['more fatigue and poor sleep', 'two missed doses last week', 'feeling about the same', 'some improvement but ongoing symptoms', 'new swelling in both ankles'])}. "
                    f"{cap(he(p))} has been taking {s['drug']}{'' if s['drug'] == 'none' else ' most days'}."),
              ("p", f"Recent {s['test']}: {s['result']}. Vitals today are stable; weight {r.randint(52, 128)} kg, BP {r.randint(108, 158)}/{r.randint(62, 96)}. "
                    f"Exam otherwise unremarkable apart from the findings above."),
              ("p", f"Assessment: {s['dx']} ({s['code']}). We talked through the plan together and {later(r, p)} agrees to {s['plan']}. "
                    f"Return in {r.choice(['2 weeks', '4 weeks', '6 weeks', '3 months'])} or sooner if worse."),
              ("sig", f"{c.doc.sig()}\nElectronically signed {fd(c.dt, 'mdy')} {clock(r)}")]
    return Doc("progress-note", r.choice(["Progress Note", "Office Visit", "Follow-up Visit Note", None]), o, blocks, "narr", runhead=runhead(r, c) if r.random() < 0.7 else None, foot=r.choice(FOOT_PHI),
               subject=f"Note for {p.first_last()}" if r.random() < 0.3 else None)

def P_consult(r):
    c = Case(r); p, s = c.p, c.s
    blocks = [("p", f"{fd(TODAY - dtm.timedelta(days=r.randint(0, 5)), 'Month d, y')}\n\n{c.pcp.sig()}\n{r.choice(['Bellwether Family Health Center', 'Riverside Internal Medicine', 'Northside Family Practice'])}"),
              ("p", f"Re: {p.gmf()}, DOB {fd(p.dob, r.choice(DOB_ST))}"),
              ("p", f"Dear {c.pcp.dr()},\n\nThank you for asking me to see {p.title()} in consultation regarding {s['lay']}. {p.call()} is a {who(p)} who came in with "
                    f"{r.choice(['a family member', 'no one', 'an interpreter', 'her sister', 'his daughter'])} and gave a clear history. The {s['test']} showed {s['result']}."),
              ("p", f"My impression is {s['dx'].lower()} ({s['code']}). I recommended that we {s['plan']}. I have started {s['drug']} and reviewed the side effects with {him(p)}."),
              ("p", f"I will see {p.call()} again in {r.choice(['three weeks', 'one month', 'six weeks'])} and will keep you informed. Please call me with any questions."),
              ("sig", f"Sincerely,\n\n{c.doc.sig()}\nNPI {c.doc.npi}\ncc: {p.full()} (patient)")]
    return Doc("consult-letter", None, c.o, blocks, "narr", foot=r.choice(FOOT_PHI))

RAD = {"nodule": ("CT CHEST WITHOUT CONTRAST", "There is a 9 mm solid nodule in the right upper lobe (series 3, image 41). No mediastinal or hilar adenopathy. No pleural effusion.", "9 mm solid right upper lobe nodule. Recommend PET-CT (Fleischner high-risk)."),
       "stroke": ("CT ANGIOGRAM HEAD AND NECK", "Abrupt occlusion of a posterior division M2 branch of the left middle cerebral artery. No intracranial hemorrhage. Carotid bifurcations without significant stenosis.", "Left M2 occlusion. Findings called to the stroke team."),
       "append": ("CT ABDOMEN AND PELVIS WITH CONTRAST", "The appendix is dilated to 11 mm with wall hyperenhancement and periappendiceal fat stranding. No abscess or free air.", "Acute uncomplicated appendicitis."),
       "osteo": ("MRI RIGHT FOOT WITHOUT AND WITH CONTRAST", "Marrow edema and enhancement of the fifth metatarsal head with adjacent cortical irregularity beneath a plantar ulcer.", "Findings consistent with osteomyelitis of the fifth metatarsal head."),
       "crohn": ("CT ENTEROGRAPHY", "Mural thickening and hyperenhancement of the terminal ileum over 14 cm with a short 2 cm stricture and mild upstream dilation.", "Active terminal ileal Crohn's disease with a short stricture."),
       "ms": ("MRI BRAIN WITH AND WITHOUT CONTRAST", "Multiple periventricular and juxtacortical T2 hyperintensities, two of which enhance (left centrum semiovale, right frontal).", "Two new enhancing demyelinating lesions compared with prior.")}
def P_radiology(r):
    c = Case(r, keys=tuple(RAD), kinds=("dx", "hospital", "clinic", "infusion")); p, s = c.p, c.s; ex, fi, im = RAD[s["k"]]
    blocks = [("p", f"{ex}\nOrdering: {c.pcp.sig()}    Accession {r.choice('ABC')}{TODAY.year % 100}-{dg(r, 6)}    Exam date {fd(c.dt, 'mdy')}"),
              ("h", "History"), ("p", f"{who(p).capitalize()} with {s['lay']}. {r.choice(['Evaluate.', 'Rule out complication.', 'Follow-up.'])}"),
              ("h", "Comparison"), ("p", r.choice(["None available.", f"Outside study from {fd(c.dt - dtm.timedelta(days=r.randint(90, 500)), 'mdy')}."])),
              ("h", "Findings"), ("p", fi), ("h", "Impression"), ("p", im),
              ("sig", f"Dictated by {c.doc.p.given} {c.doc.p.family}, MD. Signed {fd(c.dt, 'mdy')} {clock(r)}.")]
    return Doc("radiology", r.choice(["Radiology Report", "Imaging Report", ex]), c.o if c.o.kind in ("dx", "hospital") else org(r, ("dx",)), blocks, "narr", runhead=f"{p.LF()}   DOB {fd(p.dob, 'mdy')}   MRN {c.mrn}")

def P_pathology(r):
    c = Case(r, keys=("bc",), kinds=("dx", "onc")); p = c.p
    side = "LEFT"
    blocks = [("p", f"Accession: S{TODAY.year % 100}-{dg(r, 5)}   Collected {fd(c.dt, 'mdy')}   Received {fd(c.dt + dtm.timedelta(days=1), 'mdy')}\nSubmitting physician: {c.doc.sig()}"),
              ("h", "Final diagnosis"), ("p", f"{side} BREAST, 2:00, 6 CM FN, ULTRASOUND-GUIDED CORE BIOPSY:\n- Invasive ductal carcinoma, Nottingham grade 2 (tubules 3, nuclei 2, mitoses 1).\n- Ductal carcinoma in situ, intermediate grade, solid type.\n- Lymphovascular invasion not identified."),
              ("h", "Biomarkers"), ("p", "ER positive (95%, strong). PR positive (60%, moderate). HER2 immunohistochemistry 1+ (negative). Ki-67 about 18%."),
              ("h", "Gross description"), ("p", f"Received in formalin labeled with the patient's name ({p.LF()}) and medical record number are four tan-white cores, 1.1 to 1.6 cm, entirely submitted in cassette A1."),
              ("sig", f"{Clin(r, state=c.o.state, cred='MD').sig()}, Pathologist. Electronically signed out {fd(c.dt + dtm.timedelta(days=2), 'mdy')}.")]
    return Doc("pathology", "Surgical Pathology Report", org(r, ("dx",)), blocks, "narr", runhead=f"{p.LF()}  MRN {c.mrn}  DOB {fd(p.dob, 'm/d/y')}  F", foot=r.choice(FOOT_PHI))

def P_genetic(r):
    c = Case(r, keys=("brca", "lynch")); p, s = c.p, c.s; rel = Person(r, 20, 70, state=p.state, pool=p.pool)
    blocks = [("p", f"{fd(TODAY, 'Month d, y')}\n\n{p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"),
              ("p", f"Dear {p.title() if r.random() < 0.5 else p.given},\n\nThank you for meeting with me on {fd(c.dt, 'Month d, y')} to review your genetic test results. As we discussed, the {s['test']} found a change in one gene: {s['result']}. "
                    f"This means you have {s['lay']}, which raises the lifetime chance of certain cancers."),
              ("p", f"What we recommend: {s['plan']}. Your results have been sent to {c.pcp.dr()}."),
              ("p", f"Your relatives may also carry this change. Your {r.choice(['sister', 'brother', 'daughter', 'son'])}, {rel.given}, can have testing for this one variant at lower cost; a family letter is enclosed that {rel.given} can bring to {r.choice(['her', 'his'])} own doctor."),
              ("sig", f"Warm regards,\n\n{Clin(r, state=c.o.state, cred='MS, CGC').sig()}\nLicensed Genetic Counselor\n{c.o.name}")]
    return Doc("genetic-counseling", None, c.o, blocks, "narr", to=p)

def P_hospice(r):
    c = Case(r, keys=("panc", "als", "chf", "copd"), kinds=("hospice",)); p, s = c.p, c.s; fam = Person(r, 30, 75, state=p.state, family=p.family)
    fam.family = p.family
    blocks = [("p", f"Hi {c.pcp.p.given},\n\nQuick update on {intro(r, p)}, who came onto hospice service with us on {fd(c.dt, 'm/d')} for {s['lay']}."),
              ("p", f"{p.call()} is now mostly in bed, eating a few bites at meals, and sleeping more. Pain was poorly controlled over the weekend; our nurse increased {s['drug']} "
                    f"and added a bowel regimen. {cap(his(p))} {r.choice(['daughter', 'son', 'wife', 'husband'])} {fam.given} is the main caregiver and is staying overnight now."),
              ("p", f"The family understands {he(p)} is likely in the last weeks of life. DNR/POLST is on the refrigerator. Chaplain visit scheduled Thursday; social work is helping with FMLA paperwork for {fam.given}."),
              ("p", "We will let you know of any change. Please sign the verbal orders in your inbox when you can."),
              ("sig", f"{Clin(r, state=c.o.state, cred='RN').sig()}, Hospice Case Manager\n{c.o.name} | {c.o.phone}")]
    return Doc("hospice-update", None, c.o, blocks, "mail", subject=r.choice([f"Update - {p.first_last()}", "Hospice update on your patient", f"{p.family} update"]))

def P_ed_notice(r):
    c = Case(r, keys=("stroke", "od", "append", "copd", "asthma_p"), kinds=("hospital",)); p, s = c.p, c.s
    arr = c.dt
    blocks = [("p", f"This is an automated notification from {c.o.name}. Your patient {p.LF()} (DOB {fd(p.dob, r.choice(DOB_ST))}) was seen in our Emergency Department on {fd(arr, 'mdy')} at {clock(r)}."),
              ("p", f"Chief complaint: {r.choice(['shortness of breath', 'found unresponsive', 'abdominal pain', 'right arm weakness', 'wheezing'])}. ED diagnosis: {s['dx']} ({s['code']}). "
                    f"Disposition: {r.choice(['admitted to inpatient', 'admitted to observation', 'discharged home', 'transferred to a tertiary center'])}. Attending: {c.doc.sig()}."),
              ("p", f"Please arrange follow-up within 7 days. The ED note is available in {c.o.ehr} Care Everywhere. Encounter {acct(r)}."),
              ("p", "You are receiving this because you are listed as the primary care provider. Reply STOP to change delivery preferences.")]
    return Doc("ed-notification", r.choice(["ED Visit Notification", "ADT Alert - Emergency Visit", None]), c.o, blocks, "mail", subject=r.choice(["ED visit notification", "ADT alert: your patient was seen in the ED", "Emergency visit notice"]))

def P_portal(r):
    c = Case(r, kinds=("clinic", "ob", "peds", "onc", "pharmacy")); p, s = c.p, c.s; pt = p if p.age >= 18 else parent(r, p)
    d0 = c.dt
    msgs = [(pt.first_last(), d0, f"Hi, this is {pt.given}{'' if pt is p else ', ' + p.given + chr(39) + 's ' + ('mom' if pt.sex == 'F' else 'dad')}. "
                                    f"{r.choice(['The new medicine', 'Since the visit', 'After the test'])} {p.given if pt is not p else 'I'} {'has' if pt is not p else 'have'} been {r.choice(['dizzy in the mornings', 'feeling worse at night', 'doing a little better but still tired', 'running a low fever'])}. "
                                    f"Should we keep taking the {s['drug'].split(' ')[0]}? Thank you!"),
            (f"{c.doc.sig()}", d0 + dtm.timedelta(days=1), f"Hi {pt.given}, thanks for letting us know. Your {s['test']} showed {s['result']}. Please keep going with the plan: {s['plan']}. If things get worse, call us or go to urgent care."),
            (pt.first_last(), d0 + dtm.timedelta(days=1), r.choice(["Ok thank you so much.", "Got it. Can I get a note for work?", "Thanks, will do."]))]
    blocks = [("p", f"Patient: {p.gmf()}    MRN: {c.mrn}    Printed {fd(TODAY, 'mdy')}")] + [("p", f"From: {a}\nSent: {fd(d, 'wd')} {clock(r)}\n\n{t}") for a, d, t in msgs]
    return Doc("portal-message", r.choice(["Patient Portal Conversation", "MyChart Message Thread", "Portal messages (export)"]), c.o, blocks, "narr")

def P_dc_call(r):
    c = Case(r, kinds=("hospital",)); p, s = c.p, c.s; dcd = c.dt
    blocks = [("p", f"Post-discharge phone call, {fd(dcd + dtm.timedelta(days=2), 'mdy')} {clock(r)}. Called {p.full()} at {p.phone} (two identifiers verified - name and date of birth {fd(p.dob, 'm/d/y')})."),
              ("p", f"{p.call()} went home on {fd(dcd, 'm/d')} after admission for {s['lay']}. {cap(he(p))} picked up the new prescriptions and is taking {s['drug']}. Denies chest pain or fever. "
                    f"{r.choice(['Has not yet scheduled the follow-up visit; I booked it for', 'Follow-up confirmed for', 'Transportation was a barrier; Medicaid ride arranged for'])} {fd(future(r, 3, 10), 'wdshort')}."),
              ("p", f"Reviewed red-flag symptoms and when to call. {r.choice(['Teach-back done.', 'Daughter on speaker phone also heard the instructions.', 'Needs a scale; referral to social work for assistance.'])}"),
              ("sig", f"{staffer(r, c.o.state).first_last()}, RN - Transitions of Care")]
    return Doc("discharge-call", r.choice(["Discharge follow-up call", "Transitional care call note", None]), c.o, blocks, "narr", runhead=runhead(r, c) if r.random() < 0.5 else None)

def P_huddle(r):
    o = org(r, ("hospital", "clinic", "renal", "hospice")); CUR["state"] = o.state
    cs = [Case(r, o=o) for _ in range(r.randint(3, 5))]
    items = []
    for c in cs:
        p = c.p
        items.append(f"{r.choice([p.gmf(), p.lf(), p.LF(), p.nickname()])} ({p.age}{p.sex}, rm {r.randint(200, 699)}) - {c.lay}; {r.choice(['needs SNF placement, Medicaid pending', 'home with home health Friday if O2 set up', 'family meeting at 2 pm re goals of care', 'pharmacy to check copay before discharge', 'PT says not safe to go home alone', 'awaiting insurance auth for rehab'])}.")
    blocks = [("p", f"Care-coordination huddle, {fd(TODAY - dtm.timedelta(days=r.randint(0, 2)), 'wd')}, {r.choice(['4 West', '5 North', 'Renal unit', 'IDT room'])}. Present: {', '.join(staffer(r, o.state).first_last() for _ in range(3))}."),
              ("bul", items), ("p", "Next huddle tomorrow 0830. Please update the whiteboard after rounds.")]
    return Doc("huddle-notes", r.choice(["Huddle notes", "Care coordination huddle", "Daily discharge huddle"]), o, blocks, "mail", subject=r.choice(["Huddle notes", "Today's huddle", "Huddle - dispo plans"]))

def P_ur(r):
    c = Case(r, kinds=("hospital",)); p, s = c.p, c.s
    blocks = [("p", f"Concurrent review - {c.payer}. Member {p.lf()}, ID {c.mem}, DOB {fd(p.dob, 'mdy')}. Admitted {fd(c.dt, 'mdy')} for {s['dx']} ({s['code']}). Auth ref {authno(r)}."),
              ("p", f"Clinical update: day {r.randint(2, 6)} of stay. {s['test']}: {s['result']}. Currently on {s['drug']}. Still requires {r.choice(['IV therapy', 'telemetry', 'supplemental oxygen at 3 L', 'daily labs and IV diuresis'])}; InterQual acute criteria {r.choice(['met', 'met for continued stay', 'not met - physician advisor review requested'])}."),
              ("p", f"Discharge plan: {r.choice(['home with home health', 'SNF - referrals sent to three facilities', 'acute rehab pending auth', 'home with hospice'])}. Anticipated discharge {fd(future(r, 1, 4), 'm/d')}. Case manager {staffer(r, c.o.state).first_last()}, RN, {c.o.phone} ext {r.randint(2000, 5999)}.")]
    return Doc("utilization-review", r.choice(["Utilization Review", "Concurrent Review", "UR clinical update"]), c.o, blocks, "narr")

def P_referral(r):
    c = Case(r); p, s = c.p, c.s; spec = Clin(r)
    blocks = [("p", f"Dear {spec.dr()},\n\nI am referring {intro(r, p)} (date of birth {fd(p.dob, r.choice(DOB_ST))}, {c.payer}, member {c.mem}) for evaluation of {s['lay']}."),
              ("p", f"{p.call()} is a {who(p)} with {s['dx'].lower()}. The {s['test']} showed {s['result']}. Current medications include {s['drug']} and {r.choice(['lisinopril 10 mg', 'metformin 500 mg', 'levothyroxine 50 mcg', 'no other regular medicines'])}. "
                    f"Allergies: {r.choice(['NKDA', 'penicillin (rash)', 'sulfa', 'latex'])}."),
              ("p", f"I would appreciate your help with {r.choice(['further management', 'the next step in treatment', 'a second opinion'])}. {cap(he(p))} prefers appointments after 2 pm and can be reached at {p.phone}."),
              ("sig", f"Thank you,\n{c.pcp.sig()}\nNPI {c.pcp.npi}")]
    return Doc("referral-letter", r.choice(["Referral", "Referral letter", None]), c.o, blocks, "narr")

def P_pharm_pa(r):
    c = Case(r, keys=("hepc", "ra", "ms", "dm2", "crohn")); p, s = c.p, c.s; o = org(r, ("pharmacy",))
    blocks = [("p", f"To: {c.payer} Pharmacy Prior Authorization\nFrom: {o.name}, NPI {o.npi}\nFax {o.fax}"),
              ("p", f"We are requesting prior authorization for {s['drug']} for our patient {p.lf()}, born {fd(p.dob, 'Month d, y')}, member ID {c.mem}. "
                    f"The prescriber is {c.doc.sig()} (NPI {c.doc.npi}). Diagnosis {s['code']} - {s['dx']}."),
              ("p", f"Supporting information: {s['test']} {s['result']}. {r.choice(['Previously tried and failed methotrexate for 4 months.', 'No prior treatment.', 'Metformin was not tolerated (GI upset).', 'Step therapy completed per policy.'])} "
                    f"Requested quantity {r.choice(['28 tablets / 28 days', '2 pens / 28 days', '1 vial per infusion', '4 pens / 28 days'])}; NDC {ndc(r)}."),
              ("p", f"Please fax the determination to {o.fax} or reply through CoverMyMeds key {authno(r)}. Thank you.")]
    return Doc("pharmacy-prior-auth", "Prior authorization request", o, blocks, "narr")

def P_refill(r):
    c = Case(r, keys=("dm2", "chf", "hepc", "dep", "ra", "copd")); p, s = c.p, c.s; o = org(r, ("pharmacy",))
    blocks = [("p", f"Refill authorization request - {fd(TODAY, 'mdy')}\n{o.name} | Ph {o.phone} | Fax {o.fax}"),
              ("p", f"Patient {p.LF()} (DOB {fd(p.dob, r.choice(DOB_ST))}, {p.phone}) is out of refills for {s['drug']}, Rx #{dg(r, 7)}, last filled {fd(recent(r, 40), 'm/d/y')}. "
                    f"Prescriber on file: {c.doc.sig()}."),
              ("p", r.choice(["Patient states they were told to continue. Please approve or deny below and fax back.", "Patient is down to 2 days; please advise. Thank you!", "Patient asks for a 90-day supply."])),
              ("p", "[ ] Approved  refills: ____     [ ] Denied - patient must be seen     Signature __________________")]
    return Doc("refill-request", r.choice(["Refill Request", "Prescription Renewal Request"]), o, blocks, "form")

CDT = [("D0150", "Comprehensive oral evaluation", 95), ("D0210", "Intraoral complete series of radiographic images", 140), ("D4341", "Periodontal scaling and root planing, four or more teeth per quadrant", 265),
       ("D4910", "Periodontal maintenance", 150), ("D3330", "Endodontic therapy, molar tooth", 1150), ("D2740", "Crown - porcelain/ceramic", 1325), ("D7140", "Extraction, erupted tooth or exposed root", 210), ("D2391", "Resin-based composite - one surface, posterior", 185)]
def P_dental(r):
    c = Case(r, keys=("perio", "abscess")); p, s = c.p, c.s
    items = [x for x in CDT if (x[0] in ("D0150", "D0210", "D4341", "D4910") if s["k"] == "perio" else x[0] in ("D0150", "D3330", "D2740", "D2391"))]
    rows = []
    for code, desc, fee in items:
        tooth = "" if code in ("D0150", "D0210") else (r.choice(["UR", "UL", "LL", "LR"]) if code.startswith("D4") else r.choice(["30", "19", "14", "3"]))
        rows.append([code, desc, tooth, money(fee), money(fee * r.choice([0.5, 0.8, 1.0]))])
    blocks = [("p", f"Dear {p.given},\n\nThank you for visiting us on {fd(c.dt, 'Month d, y')}. Dr. {c.doc.p.family} found {s['result']} and diagnosed {s['lay']}. "
                    f"The treatment we recommend is {s['plan']}. Below is your estimate based on your {r.choice(['Delta Dental PPO', 'MetLife PDP', 'Guardian DentalGuard', 'Medicaid dental'])} benefits (subscriber ID {c.mem})."),
              ("tbl", ["Code", "Procedure", "Tooth/Area", "Fee", "Est. insurance"], rows, None),
              ("p", f"This estimate is not a guarantee of payment. Please call {c.o.phone} to schedule your first visit."),
              ("sig", f"{staffer(r, c.o.state).first_last()}, Treatment Coordinator")]
    return Doc("dental-treatment-plan", "Treatment Plan", c.o, blocks, "narr", runhead=f"{p.gmf()}   Patient ID {dg(r, 6)}   DOB {fd(p.dob, 'mdy')}", to=p)

def P_wound(r):
    c = Case(r, keys=("dfu", "venous", "osteo")); p, s = c.p, c.s
    blocks = [("p", f"Seen in wound clinic {fd(c.dt, 'mdy')}. {intro(r, p)}, {p.age}, returns for weekly care of the {s['lay']}. {p.call()} reports {r.choice(['less drainage', 'new odor since Sunday', 'wearing the boot most of the day', 'pain 3/10'])}."),
              ("p", f"After cleansing, the wound measures {s['result']}. Periwound skin {r.choice(['intact', 'macerated at the 6 o’clock edge', 'with mild erythema under 1 cm'])}. Sharp debridement of slough performed with curette (CPT 97597), minimal bleeding, hemostasis with pressure."),
              ("p", f"Plan: {s['plan']}. Continue {s['drug']}. Home health to change dressing {r.choice(['three times a week', 'every other day', 'daily'])}. Return in 1 week; photo uploaded to the chart."),
              ("sig", f"{Clin(r, state=c.o.state, cred='RN, CWOCN').sig()}")]
    return Doc("wound-care", r.choice(["Wound Care Note", "Wound Clinic Visit", None]), c.o if c.o.kind == "wound" else org(r, ("wound",)), blocks, "narr", runhead=runhead(r, c) if r.random() < 0.6 else None)

def P_dialysis(r):
    c = Case(r, keys=("esrd",)); p, s = c.p, c.s; dest = r.choice(["Orlando, FL", "Branson, MO", "San Antonio, TX", "Myrtle Beach, SC"])
    if r.random() < 0.5:
        blocks = [("p", f"Hello,\n\nWe are requesting transient (guest) dialysis for {p.gmf()} while {he(p)} visits family in {dest} from {fd(future(r, 14, 20), 'm/d/y')} to {fd(future(r, 25, 34), 'm/d/y')}."),
                  ("p", f"{p.call()} dialyzes Mon/Wed/Fri, first shift, 3 h 45 min, via left forearm AV fistula, EDW {r.randint(55, 110)}.{r.randint(0, 9)} kg, 2K/2.5Ca bath, heparin 2,000 units bolus. "
                        f"Hepatitis B surface antigen negative ({fd(recent(r, 30), 'm/d')}), antibody immune. Medicare MBI {c.mbi}, DOB {fd(p.dob, 'mdy')}."),
                  ("p", "Attached: H&P, last three run sheets, monthly labs, med list. Please confirm chair availability."),
                  ("sig", f"{staffer(r, c.o.state).first_last()}, RN\nTransient Coordinator, {c.o.name}\nFax {c.o.fax}")]
        return Doc("transient-dialysis", "Transient dialysis request", c.o, blocks, "mail", subject=f"Guest treatment request - {p.family} - {dest}")
    blocks = [("p", f"Monthly review for {p.full()} ({fd(p.dob, 'm/d/y')}), {c.o.name}, chair {r.randint(1, 24)}, {r.choice(['MWF', 'TTS'])} {r.choice(['1st', '2nd', '3rd'])} shift."),
              ("p", f"Labs this month: {s['result']}, hemoglobin {r.uniform(9.2, 11.6):.1f} g/dL, PTH {r.randint(280, 920)} pg/mL. {p.call()} has shortened {his(p)} runs by 20-30 minutes on four occasions, citing cramping and ride schedule."),
              ("p", f"Plan discussed at the monthly IDT with {p.call()}: {s['plan']}. Continue {s['drug']}. Social work to contact the transport company. Next review {fd(future(r, 25, 35), 'm/d')}."),
              ("sig", f"{c.doc.sig()} / {staffer(r, c.o.state).first_last()}, RD")]
    return Doc("dialysis-summary", r.choice(["Monthly dialysis IDT note", "Plan of care review"]), c.o, blocks, "narr")

def P_ob(r):
    c = Case(r, keys=("gdm", "preecl")); p, s = c.p, c.s; ga = r.randint(26, 35); edd = TODAY + dtm.timedelta(weeks=40 - ga)
    blocks = [("p", f"{intro(r, p)} is a {p.age} y.o. G{r.randint(2, 4)}P{r.randint(1, 2)} at {ga}w{r.randint(0, 6)}d by early ultrasound (EDD {fd(edd, 'mdy')}) seen for a routine prenatal visit."),
              ("p", f"{p.call()} feels the baby moving well and denies bleeding, leaking fluid or contractions. {s['test'].capitalize()}: {s['result']}. Fundal height {ga} cm, FHR {r.randint(130, 155)} bpm."),
              ("p", f"Impression: {s['dx']} ({s['code']}). Plan: {s['plan']}. Rh {r.choice(['positive', 'negative - RhIG given today'])}. Tdap {r.choice(['given today', 'declined', 'due next visit'])}. {p.call()} plans to {r.choice(['breastfeed', 'bottle feed', 'decide later'])}."),
              ("sig", f"{Clin(r, state=c.o.state, cred=r.choice(['CNM', 'MD', 'DO'])).sig()}")]
    return Doc("prenatal-visit", r.choice(["Prenatal Visit", "OB Return Visit", None]), c.o, blocks, "narr", runhead=runhead(r, c) if r.random() < 0.6 else None)

VAX = [("DTaP-IPV (Kinrix)", "90696"), ("MMRV (ProQuad)", "90710"), ("Influenza, quadrivalent", "90686"), ("Hepatitis A (Havrix)", "90633"), ("COVID-19 2026-27", "91322")]
def P_peds_imm(r):
    c = Case(r, keys=("wcc", "asthma_p"), kinds=("peds",)); p = c.p; par = parent(r, p); par.family = p.family
    rows = [[v, cpt, fd(recent(r, 3), "mdy") if r.random() < 0.6 else "DUE", f"{r.choice('ABCDU')}{dg(r, 4)}{r.choice('AB')}{dg(r, 2)}" if r.random() < 0.6 else ""] for v, cpt in r.sample(VAX, 4)]
    blocks = [("p", f"Dear {par.title()} and family,\n\nOur records show that {p.gmf()} (born {fd(p.dob, r.choice(['Month d, y', 'mdy', 'm/d/y']))}) is {r.choice(['due for', 'missing'])} some vaccines required for school in New Jersey. The table below lists what {p.given} received at the last visit and what is still due."),
              ("tbl", ["Vaccine", "CPT", "Date given", "Lot"], rows, None),
              ("p", f"Please call {c.o.phone} to book a nurse visit; walk-ins are welcome Tuesday mornings. If {p.given} got vaccines elsewhere, send us a copy so we can update the state registry (NJIIS)."),
              ("sig", f"{c.o.name}")]
    return Doc("immunization-letter", None, c.o, blocks, "narr", to=par)

def P_workcomp(r):
    c = Case(r, keys=("lbp", "cts")); p, s = c.p, c.s; emp = r.choice(["Hickory Pallet & Crate", "Catawba Valley Furniture", "Unifour Distribution Center", "Piedmont Poultry"])
    blocks = [("p", f"Employer: {emp}    Claim {claimno(r)}    Adjuster {staffer(r).first_last()}, {r.choice(['Sedgwick', 'Gallagher Bassett', 'CorVel'])}\nEmployee: {p.LF()}    SSN ***-**-{dg(r, 4)}    DOB {fd(p.dob, 'mdy')}    Date of injury {fd(recent(r, 60, 10), 'mdy')}"),
              ("p", f"{p.call()} returns for re-check of a {s['lay']} sustained while {r.choice(['lifting a 60-lb box at work', 'unloading a trailer', 'operating a staple gun on the line', 'moving a patient'])}. "
                    f"{cap(he(p))} reports pain {r.randint(3, 7)}/10, better with {s['drug']}. {s['test'].capitalize()}: {s['result']}."),
              ("p", f"Work status: {s['plan']}. Restrictions in effect until the next visit on {fd(future(r, 7, 21), 'mdy')}. Maximum medical improvement not yet reached."),
              ("sig", f"{c.doc.sig()}, Occupational Medicine")]
    return Doc("workers-comp", r.choice(["Work Status Report", "Workers' Compensation Progress Report"]), org(r, ("occmed",)), blocks, "narr")

def P_dme(r):
    c = Case(r, keys=("osa",)); p, s = c.p, c.s; o = org(r, ("infusion",))
    blocks = [("p", f"Standard written order - {fd(TODAY, 'mdy')}\nBeneficiary: {p.gmf()}    MBI {c.mbi}    DOB {fd(p.dob, r.choice(DOB_ST))}\n{p.addr()}  {p.phone}"),
              ("p", f"Order: E0601 {s['drug']}; A7030 full face mask (1 per 3 months), A7035 headgear, A4604 heated tubing, A7038 filters. Length of need 99 months. Diagnosis {s['code']} - {s['dx']}. "
                    f"{s['test'].capitalize()} on {fd(recent(r, 40, 10), 'mdy')}: {s['result']}."),
              ("p", f"Ordering practitioner: {c.doc.sig()}, NPI {c.doc.npi}. Face-to-face visit {fd(recent(r, 30), 'mdy')} documents daytime sleepiness (Epworth {r.randint(11, 19)}). Supplier: {o.name}."),
              ("p", "Signature ______________________  Date ________")]
    return Doc("dme-order", "DME Order", o, blocks, "form")

def P_infusion(r):
    c = Case(r, keys=("osteo", "crohn", "ms")); p, s = c.p, c.s; o = org(r, ("infusion",))
    blocks = [("p", f"Home infusion referral for {intro(r, p)}, DOB {fd(p.dob, r.choice(DOB_ST))}, {p.addr()}, home phone {p.phone}. Insurance {c.payer}, ID {c.mem}."),
              ("p", f"{p.call()} has {s['lay']} ({s['code']}). {s['test'].capitalize()}: {s['result']}. Please start {s['drug']}. Access: {r.choice(['right basilic PICC placed today, tip at cavoatrial junction', 'peripheral IV per nursing', 'implanted port'])}."),
              ("p", f"Labs: {r.choice(['CBC, CMP, ESR and CRP weekly', 'CBC with diff before each dose', 'hepatitis B panel and quantiferon on file'])}, results to {c.doc.dr()}. First dose {r.choice(['given in hospital', 'in infusion suite', 'at home with nurse'])} on {fd(future(r, 1, 5), 'm/d')}. Anaphylaxis kit per protocol."),
              ("sig", f"{c.doc.sig()}  NPI {c.doc.npi}\nCase manager: {staffer(r, c.o.state).first_last()}, RN  {c.o.phone}")]
    return Doc("home-infusion", r.choice(["Home Infusion Referral", "Home infusion orders"]), o, blocks, "narr")

def P_research(r):
    c = Case(r, keys=("chf", "dm2", "ms", "dep"), kinds=("research",)); p, s = c.p, c.s; o = org(r, ("research",)); prot = f"WLC-{TODAY.year % 100 - 1}-{r.randint(100, 499)}"
    blocks = [("p", f"Enrollment note - protocol {prot} ({r.choice(['a phase 3 randomized trial', 'an observational registry', 'a phase 2 dose-finding study'])} in {s['lay']}). Subject {prot}-{r.randint(1, 60):03d}."),
              ("p", f"Met with {p.full()} (MRN {c.mrn}, DOB {fd(p.dob, 'mdy')}) in clinic on {fd(c.dt, 'mdy')}. {p.call()} read the consent form (version {r.randint(2, 5)}.0 dated {fd(D(TODAY.year, r.randint(1, 10), r.randint(1, 28)), 'mdy')}) and "
                    f"HIPAA authorization, asked about {r.choice(['the blood draws', 'travel reimbursement', 'what happens with the placebo', 'stopping early'])}; questions answered. Consent signed at {clock(r)} before any study procedures; copy given to the subject."),
              ("p", f"Eligibility: {s['test']} {s['result']}; on {s['drug']}. Randomization scheduled for {fd(future(r, 5, 14), 'mdy')}. PI {c.doc.sig()} notified."),
              ("sig", f"{staffer(r, o.state).first_last()}, CCRC, Research Coordinator")]
    return Doc("research-enrollment", "Research consent and enrollment note", o, blocks, "narr")

def P_es_letter(r):
    c = Case(r, keys=("dm2", "gdm", "osa", "esrd", "hepc", "copd", "chf", "bc")); p, s = c.p, c.s
    blocks = [("p", f"{fd(TODAY, 'es')}\n\n{p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"),
              ("p", f"Estimado(a) {p.given}:\n\nLe escribimos con los resultados de su {r.choice(['examen', 'prueba', 'análisis'])} del {fd(c.dt, 'es')}. El resultado muestra {s['result']}, lo que indica {s['es']}."),
              ("p", f"Su médico, {c.doc.dr()}, recomienda lo siguiente: {s['plan']} (en inglés en su expediente). Por favor llame al {c.o.phone} para hacer una cita. Fecha de nacimiento en el expediente: {fd(p.dob, 'esn')}."),
              ("sig", f"Atentamente,\n{staffer(r, c.o.state).first_last()}\n{c.o.name}")]
    return Doc("spanish-letter", None, c.o, blocks, "narr", lang="es", to=p)

def P_labless_note(r):
    """nurse note with no labels at all, names only"""
    c = Case(r); p, s = c.p, c.s; cg = Person(r, 25, 80, state=p.state, family=p.family)
    blocks = [("p", f"Spoke with {cg.given} {cg.family}, {r.choice(['daughter', 'son', 'wife', 'husband', 'mother'])} of {p.full()}, this morning. {p.call()} has been {r.choice(['confused since Saturday', 'vomiting after the new pills', 'missing doses of the ' + s['drug'].split(' ')[0], 'more short of breath at night'])}. "
                    f"I reviewed the chart: last {s['test']} showed {s['result']}. Per {c.doc.dr()}, {s['plan']}. {cg.given} will call back if things worsen and knows to go to the ER for red flags."),
              ("p", f"— {staffer(r, c.o.state).given}, RN  {clock(r)}")]
    return Doc("phone-note", None, c.o, blocks, "mail", subject=r.choice([f"Call re {p.call()} {p.family}", "Phone note", "Call from family"]))

PHI_NARR = [P_progress, P_progress, P_consult, P_radiology, P_pathology, P_genetic, P_hospice, P_ed_notice, P_portal, P_dc_call, P_huddle, P_ur, P_referral,
            P_pharm_pa, P_refill, P_dental, P_wound, P_dialysis, P_ob, P_peds_imm, P_workcomp, P_dme, P_infusion, P_research, P_es_letter, P_labless_note]

# ---------------------------------------------------------------- PHI interchange
def hts(d, r, t=True): return d.strftime("%Y%m%d") + (f"{r.randint(6, 22):02d}{r.randint(0, 59):02d}" if t else "")
def msh(r, o, typ, proc="P"): return f"MSH|^~\\&|{o.ehr.split()[0].upper()}|{re.sub('[^A-Z]', '', o.short.upper())[:6]}|HIE|STATEHIE|{hts(TODAY, r)}||{typ}|{dg(r, 10)}|{proc}|2.5.1"
def pid(r, c): p = c.p; return f"PID|1||{c.mrn}^^^{re.sub('[^A-Z]', '', c.o.short.upper())[:4]}^MR||{p.hl7()}||{hts(p.dob, r, False)}|{p.sex}|||{asc(p.street)}^^{asc(p.city)}^{p.state}^{p.zip}||{re.sub('[^0-9]', '', p.phone)[-10:]}"
def R_adt(r):
    c = Case(r, kinds=("hospital",)); ev = r.choice(["A01", "A03", "A04", "A08"])
    t = "\n".join([msh(r, c.o, f"ADT^{ev}^ADT_A01"), f"EVN|{ev}|{hts(c.dt, r)}", pid(r, c), f"PV1|1|{r.choice('IEO')}|{r.choice(['4W', '5N', 'ED'])}^{r.randint(1, 40)}^A||||{c.doc.npi}^{asc(c.doc.p.family).upper()}^{asc(c.doc.p.given).upper()}|||MED||||||||{dg(r, 9)}",
                   f"DG1|1||{c.code}^{c.s['dx']}^I10|||A"])
    return Doc("hl7-adt", None, c.o, [("p", r.choice(["Interface error - message rejected by the HIE, please correct and resend:", "ADT from last night that did not file:", "Sample from the live feed for the ticket:"])), ("pre", t)], "raw", subject=f"ADT {ev} not filing")
def R_oru(r):
    c = Case(r, keys=("dm2", "esrd", "hepc")); s = c.s
    obx = {"dm2": "OBX|1|NM|4548-4^Hemoglobin A1c^LN||10.4|%|4.0-5.6|H|||F", "esrd": "OBX|1|NM|2777-1^Phosphate^LN||7.1|mg/dL|2.5-4.5|H|||F", "hepc": "OBX|1|NM|11011-4^HCV RNA^LN||1840000|IU/mL|<15|H|||F"}[s["k"]]
    t = "\n".join([msh(r, c.o, "ORU^R01^ORU_R01"), pid(r, c), f"OBR|1|{dg(r, 8)}|{dg(r, 9)}|{obx.split('|')[3]}|||{hts(c.dt, r)}", obx])
    return Doc("hl7-oru", None, c.o, [("p", "Result message that went to the wrong provider inbox:"), ("pre", t), ("p", "Please re-route to the ordering clinician.")], "raw")
def R_fhir(r):
    c = Case(r); p = c.p
    t = ('{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": [\n    {"resource": {"resourceType": "Patient", "id": "' + dg(r, 6) + '",\n'
         f'      "identifier": [{{"system": "urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": "{c.mrn}"}}],\n'
         f'      "name": [{{"family": "{p.family}", "given": ["{p.given}"' + (f', "{p.middle}"' if p.middle else "") + ']}],\n'
         f'      "gender": "{"female" if p.sex == "F" else "male"}", "birthDate": "{p.dob.isoformat()}",\n'
         f'      "address": [{{"line": ["{p.street}"], "city": "{p.city}", "state": "{p.state}", "postalCode": "{p.zip}"}}]}}}},\n'
         f'    {{"resource": {{"resourceType": "Condition", "code": {{"coding": [{{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "{c.code}", "display": "{c.s["dx"]}"}}]}},\n'
         f'      "subject": {{"reference": "Patient/{p.family.replace(" ", "")}"}}, "recordedDate": "{c.dt.isoformat()}"}}}}\n  ]\n}}')
    return Doc("fhir-json", None, c.o, [("p", "Payload the referral endpoint returned 422 on:"), ("pre", t)], "raw")
def R_837(r):
    c = Case(r, kinds=("clinic", "occmed", "wound")); p = c.p
    t = "~\n".join([f"ISA*00*          *00*          *ZZ*{dg(r, 9)}      *ZZ*{dg(r, 9)}      *{TODAY:%y%m%d}*1200*^*00501*{dg(r, 9)}*0*P*:", "ST*837*0001*005010X222A1",
                    f"NM1*85*2*{asc(c.o.name).upper()[:35]}*****XX*{c.o.npi}", f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem.replace(' ', '')}",
                    f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"CLM*{dg(r, 8)}*{r.randint(120, 900)}.00***11:B:1*Y*A*Y*Y", f"HI*ABK:{c.code.replace('.', '')}", f"SV1*HC:99214*{r.randint(120, 260)}.00*UN*1***1", "SE*9*0001"]) + "~"
    return Doc("x12-837", None, c.o, [("p", "Claim rejected at the clearinghouse (2010BA). Raw segments below:"), ("pre", t)], "raw")
PHI_RAW = [R_adt, R_oru, R_fhir, R_837]

# ---------------------------------------------------------------- PHI lists (one patient per row, DOBs as dates)
def pts(r, n, o, **kw): return [Case(r, o=o, **kw) for _ in range(n)]
def nm(r, p, st): return [p.lf(), p.LF(), p.gmf(), p.nickname(), f"{p.family}, {p.given}"][st]
def listdoc(cat, title, o, intro, hdr, rows, group=None, note=None):
    bl = ([("p", intro)] if intro else []) + [("tbl", hdr, rows, group)] + ([("p", note)] if note else [])
    return Doc(cat, title, o, bl, "list")
def Lp_dc_calls(r):
    o = org(r, ("hospital",)); st = r.randrange(5); cs = pts(r, r.randint(4, 10), o)
    return listdoc("discharge-calls", "48-hour discharge calls", o, f"Calls due {fd(TODAY, 'mdy')}", ["Patient", "DOB", "Phone", "Discharged", "Dx", "Call notes"],
                   [[nm(r, c.p, st), c.p.dob, c.p.phone, c.dt, c.lay, r.choice(["", "LVM x1", "no answer", "doing ok, f/u booked", "needs med teaching"])] for c in cs])
def Lp_dialysis(r):
    o = org(r, ("renal",)); st = r.randrange(5); cs = pts(r, r.randint(5, 12), o, keys=("esrd",))
    return listdoc("dialysis-chairs", "Chair schedule - " + r.choice(["MWF", "TTS"]), o, None, ["Chair", "Shift", "Patient", "Born", "MBI", "Access", "Notes"],
                   [[str(i + 1), r.choice(["1st", "2nd", "3rd"]), nm(r, c.p, st), c.p.dob, c.mbi, r.choice(["L AVF", "R AVG", "R IJ TDC"]), r.choice(["", "Hep B non-immune", "shortens runs", "new start", "transport issues"])] for i, c in enumerate(cs)],
                   group=f"Week of {fd(TODAY - dtm.timedelta(days=TODAY.weekday()), 'mdy')}")
def Lp_wound(r):
    o = org(r, ("wound",)); st = r.randrange(5); cs = pts(r, r.randint(4, 9), o, keys=("dfu", "venous", "osteo"))
    return listdoc("wound-rounds", "Wound rounds", o, None, ["Name", "DOB", "Wound", "L x W x D (cm)", "Last visit", "Plan"],
                   [[nm(r, c.p, st), c.p.dob, c.lay, f"{r.uniform(0.5, 5):.1f} x {r.uniform(0.4, 4):.1f} x {r.uniform(0.1, 0.8):.1f}", c.dt, r.choice(["TCC change", "debride", "compression", "HBO eval", "offload"])] for c in cs])
def Lp_infusion(r):
    o = org(r, ("infusion",)); st = r.randrange(5); cs = pts(r, r.randint(4, 9), o, keys=("osteo", "crohn", "ms"))
    return listdoc("infusion-schedule", "Home infusion nursing visits", o, None, ["Patient", "Date of birth", "Address", "Therapy", "Visit date", "Nurse"],
                   [[nm(r, c.p, st), c.p.dob, c.p.addr(), c.s["drug"], future(r, 0, 6), staffer(r, o.state).given] for c in cs])
def Lp_prenatal(r):
    o = org(r, ("ob",)); st = r.randrange(5); cs = pts(r, r.randint(5, 10), o, keys=("gdm", "preecl"))
    return listdoc("prenatal-registry", "High-risk OB registry", o, None, ["Patient", "DOB", "EDD", "Risk", "Next visit", "Medicaid #"],
                   [[nm(r, c.p, st), c.p.dob, future(r, 20, 110), c.lay, future(r, 2, 14), medicaid(r)] for c in cs])
def Lp_vax_due(r):
    o = org(r, ("peds",)); st = r.randrange(5); cs = pts(r, r.randint(5, 10), o, keys=("wcc", "asthma_p"))
    rows = []
    for c in cs:
        par = parent(r, c.p); rows.append([nm(r, c.p, st), c.p.dob, f"{par.given} {c.p.family}", c.p.phone, r.choice(["DTaP-IPV, MMRV", "Flu", "HepA #2", "MMRV"])])
    return listdoc("vaccines-due", "Overdue vaccines - outreach list", o, None, ["Child", "Born", "Parent/guardian", "Phone", "Due"], rows)
def Lp_ur_queue(r):
    o = org(r, ("hospital",)); st = r.randrange(5); cs = pts(r, r.randint(5, 10), o)
    return listdoc("ur-queue", "UR review queue", o, None, ["Patient", "DOB", "Payer", "Member ID", "Admit", "Dx", "Status"],
                   [[nm(r, c.p, st), c.p.dob, c.payer, c.mem, c.dt, c.code, r.choice(["pending clinicals", "approved thru " + fd(future(r, 1, 3), 'm/d'), "P2P requested", "denied - appeal"])] for c in cs])
def Lp_dme(r):
    o = org(r, ("infusion",)); st = r.randrange(5); cs = pts(r, r.randint(4, 9), o, keys=("osa",))
    return listdoc("dme-deliveries", "CPAP setups this week", o, None, ["Beneficiary", "DOB", "MBI", "Address", "Item", "Setup"],
                   [[nm(r, c.p, st), c.p.dob, c.mbi, c.p.addr(), "E0601 + A7030", future(r, 0, 5)] for c in cs])
def Lp_research(r):
    o = org(r, ("research",)); st = r.randrange(5); cs = pts(r, r.randint(4, 9), o, keys=("chf", "dm2", "ms", "dep"))
    return listdoc("research-screening", "Screening log", o, "Pre-screened from clinic schedules", ["Name", "MRN", "DOB", "Condition", "Consented", "Notes"],
                   [[nm(r, c.p, st), c.mrn, c.p.dob, c.lay, r.choice(["yes", "no", "declined", "pending"]), r.choice(["", "eGFR too low", "wants to ask spouse", "randomized"])] for c in cs])
def Lp_hospice(r):
    o = org(r, ("hospice",)); st = r.randrange(5); cs = pts(r, r.randint(4, 10), o, keys=("panc", "als", "chf", "copd"))
    return listdoc("hospice-census", "IDT census", o, None, ["Patient", "DOB", "Terminal dx", "Admit", "Level of care", "Caregiver"],
                   [[nm(r, c.p, st), c.p.dob, c.s["dx"], c.dt, r.choice(["Routine", "GIP", "Respite", "Continuous"]), r.choice(["daughter", "wife", "husband", "son", "facility"])] for c in cs])
def Lp_ed(r):
    o = org(r, ("hospital",)); st = r.randrange(5); cs = pts(r, r.randint(4, 10), o, keys=("stroke", "od", "append", "copd", "asthma_p", "chf"))
    return listdoc("ed-visits", "ED visits - attributed patients", o, None, ["Patient", "DOB", "ED arrival", "Diagnosis", "Disposition", "PCP"],
                   [[nm(r, c.p, st), c.p.dob, c.dt, f"{c.code} {c.lay}", r.choice(["Admit", "Obs", "Home", "Transfer", "LWBS"]), c.pcp.dr()] for c in cs])
PHI_LIST = [Lp_dc_calls, Lp_dialysis, Lp_wound, Lp_infusion, Lp_prenatal, Lp_vax_due, Lp_ur_queue, Lp_dme, Lp_research, Lp_hospice, Lp_ed]

# ================================================================== clean content (hard look-alikes)
def staffs(r, n, st=None): return [staffer(r, st) for _ in range(n)]
TOPICS = [("heart failure", "I50.22"), ("diabetic foot ulcers", "E11.621"), ("gestational diabetes", "O24.410"), ("BRCA and hereditary cancer", "Z15.01"), ("end-stage renal disease", "N18.6"),
          ("pediatric asthma", "J45.41"), ("opioid overdose prevention", "T40.2X1A"), ("sleep apnea", "G47.33"), ("hepatitis C cure", "B18.2"), ("hospice eligibility in ALS", "G12.21"),
          ("periodontal disease", "K05.322"), ("low back injury at work", "S39.012A"), ("multiple sclerosis", "G35"), ("preeclampsia", "O14.03")]
def C_grand_rounds(r):
    o = org(r, ("hospital", "onc", "clinic")); sp = Clin(r, o.state, cred=r.choice(["MD", "MD, PhD", "DO"])); t, code = r.choice(TOPICS); d = future(r, 3, 30)
    bl = [("p", f"Please join us for Medicine Grand Rounds on {fd(d, 'wd')} at 12:00 noon in the {r.choice(['Hanley Auditorium', 'Conference Center B', 'Education Hall 2'])} and on Teams."),
          ("p", f"Speaker: {sp.sig()}, {r.choice(['Associate Professor', 'Section Chief', 'Medical Director'])}. Topic: \"{cap(t)}: what changed in 2026\". Dr. {sp.p.family} will review new guideline recommendations ({code}), "
                f"discuss two de-identified cases and take questions."),
          ("p", f"Objectives: describe current diagnostic criteria; apply the updated treatment algorithm; identify when to refer. 1.0 AMA PRA Category 1 Credit. Lunch provided for the first 60 attendees."),
          ("p", f"Questions: {staffer(r, o.state).first_last()}, CME coordinator, {o.phone} ext {r.randint(2000, 6999)}.")]
    return Doc("grand-rounds", "Grand Rounds", o, bl, "mail", subject=f"Grand Rounds {fd(d, 'm/d')} - {t}")
def C_case_conf(r):
    o = org(r, ("hospital", "onc", "renal", "wound")); t, code = r.choice(TOPICS); pres = Clin(r, o.state)
    bl = [("p", f"Case conference - {fd(future(r, 2, 14), 'wd')}. Presenter: {pres.sig()}. Cases are de-identified: ages are given by decade, dates as hospital day, no names, MRNs or photos with faces."),
          ("h", "Case 1"), ("p", f"A woman in her 60s with {t} ({code}) presented in late autumn with worsening symptoms despite guideline-directed therapy. Hospital day 3 course, imaging and the multidisciplinary decision will be discussed."),
          ("h", "Case 2"), ("p", f"A man in his 40s referred from a rural clinic; the discussion focuses on access barriers and follow-up rather than on the clinical detail."),
          ("p", f"Reminder: do not forward the slide deck outside {o.short}. Questions to {staffer(r, o.state).first_last()}.")]
    return Doc("case-conference", "Case conference (de-identified)", o, bl, "narr")
def C_class(r):
    o = org(r); rows = []
    for _ in range(r.randint(4, 8)):
        t, _c = r.choice(TOPICS); s = staffer(r, o.state); rows.append([future(r, 3, 60), r.choice(["10:00 AM", "6:00 PM", "1:30 PM"]), f"Living with {t}", f"{s.given} {s.family}, {r.choice(['RN, CDCES', 'RD', 'RN', 'PharmD', 'RRT', 'MSW'])}", r.choice(["Room 114", "Zoom", "Community Room"])])
    return listdoc("class-calendar", "Community health classes", o, "Free classes for patients and families. No registration needed for virtual sessions.", ["Date", "Time", "Class", "Instructor", "Where"], rows, note="Classes are open to the public; please do not share personal health details in the chat.")
def C_award(r):
    o = org(r); s = staffer(r, o.state); t, code = r.choice(TOPICS)
    bl = [("p", f"Please congratulate {s.full()}, {r.choice(['RN', 'LPN', 'RD', 'RRT', 'CMA'])}, this quarter's DAISY Award honoree! {s.given} has worked on our {r.choice(['4 West', 'dialysis', 'wound clinic', 'labor & delivery', 'pediatric'])} team for {r.randint(3, 22)} years and leads our {t} education program."),
          ("p", f"The nomination, written by a grateful family, described how {s.given} stayed late to teach them the home routine and called the next morning to check in. (Shared with the family's permission; details removed.)"),
          ("p", f"A celebration will be held {fd(future(r, 2, 12), 'wd')} at 2:30 PM in the break room. Cake from {r.choice(['Nonna Rosa Bakery', 'Sweet Pella', 'The Flour Pot'])}!")]
    return Doc("staff-award", f"DAISY Award - {s.first_last()}", o, bl, "mail", subject=f"Congratulations {s.given}!")
NEWS = [("Heart failure: the four pillars", "Guideline-directed therapy for heart failure with reduced ejection fraction (I50.2x) rests on four drug classes: ARNI, beta-blocker, MRA and SGLT2 inhibitor. Patients who weigh themselves daily and call for a gain of 2-3 lb overnight stay out of the hospital longer."),
        ("Diabetic foot checks save limbs", "About a third of people with diabetes will have a foot ulcer (E11.621) in their lifetime. A 60-second monofilament check at every visit and offloading within 48 hours cut amputations by half in our network last year."),
        ("Gestational diabetes is common - and manageable", "Around 8% of pregnancies in our region are affected (O24.41x). Most patients control it with diet and activity; a minority need insulin or metformin. Screening happens at 24-28 weeks."),
        ("Hereditary cancer testing: who should be referred?", "Personal or family history of early breast, ovarian, pancreatic or colorectal cancer should prompt referral for genetic counseling. Carriers (Z15.01, Z15.09) benefit from earlier, more frequent screening."),
        ("Sleep apnea and your heart", "Untreated obstructive sleep apnea (G47.33) raises blood pressure and the risk of atrial fibrillation. CPAP use of at least 4 hours a night on 70% of nights is the usual insurance standard."),
        ("Naloxone saves lives", "Naloxone nasal spray is available without a prescription. Anyone leaving the ED after an overdose (T40.x) should go home with a kit and a referral to a peer recovery coach.")]
def C_newsletter(r):
    o = org(r); t, body = r.choice(NEWS); q = Clin(r, o.state)
    bl = [("p", body), ("p", f"\"We see the difference every week in clinic,\" says {q.sig()}, who leads the program at {o.short}. \"Small habits matter.\""),
          ("bul", [r.choice(["Ask your care team about classes", "Bring your medication list to every visit", "Know your numbers"]), "Call the nurse line with questions: " + o.phone, "Visit www." + o.dom + "/learn"]),
          ("p", f"{o.name} newsletter - {MON[TODAY.month - 1]} {TODAY.year}. To unsubscribe reply REMOVE.")]
    return Doc("newsletter", t, o, bl, "narr")
def C_handout(r):
    o = org(r); t, code = r.choice(TOPICS)
    bl = [("p", "Patient name: ______________________   Date of birth: ____/____/______   MRN: __________"),
          ("h", f"Caring for yourself: {t}"), ("p", f"This handout explains {t} in plain language. Your care team will fill in your personal plan below. Keep it on your refrigerator."),
          ("bul", ["Take your medicines exactly as prescribed.", "Write down questions before your visit.", "Call us if you notice warning signs listed on the back.", "Bring this sheet to your next appointment."]),
          ("p", "My plan: _____________________________________________\nNext appointment: ____/____   Nurse line: " + o.phone),
          ("p", f"Form PE-{r.randint(100, 999)} (rev. {r.randint(1, 12)}/{TODAY.year - r.randint(0, 2)})")]
    return Doc("patient-education", f"Patient education: {t}", o, bl, "narr")
def C_deid_report(r):
    o = org(r); rows = []
    for t, code in r.sample(TOPICS, r.randint(5, 8)):
        n = r.randint(11, 480); rows.append([code, t, str(n), f"{r.uniform(2, 25):.1f}%", r.choice([str(r.randint(11, 60)), "<11", "<11"])])
    return listdoc("deidentified-stats", f"Quarterly outcomes - Q{(TODAY.month - 1) // 3 + 1} {TODAY.year} (de-identified)", o,
                   "Aggregate counts only; cells under 11 suppressed per data-release policy. No patient-level data is included.", ["ICD-10", "Condition", "Patients", "30-day readmit", "ED revisits"], rows,
                   note=f"Prepared by {staffer(r, o.state).first_last()}, Quality Analytics.")
def C_template(r):
    o = org(r); t, code = r.choice(TOPICS); ph = r.choice([("«PatientName»", "«DOB»", "«MRN»"), ("{{patient.name}}", "{{patient.birth_date}}", "{{patient.mrn}}"), ("[PATIENT NAME]", "[DOB]", "[MRN]"), ("<<Name>>", "<<Birthdate>>", "<<Chart#>>")])
    bl = [("p", f"{ph[0]}\n«Address1»\n«City», «State» «Zip»" if "«" in ph[0] else f"{ph[0]}\n[ADDRESS]"),
          ("p", f"Dear {ph[0]},\n\nOur records show you are due for follow-up for {t}. Please call {o.phone} to schedule. Date of birth on file: {ph[1]}. Chart number: {ph[2]}."),
          ("p", f"Template owner: {staffer(r, o.state).first_last()} - approved by Patient Communications {fd(recent(r, 200), 'mdy')}. Do not edit merge fields.")]
    return Doc("letter-template", "Recall letter template", o, bl, "narr")
def C_test_patient(r):
    o = org(r, ("hospital", "clinic", "dx")); tk = f"INC{dg(r, 7)}"
    bl = [("p", f"Ticket {tk} - results not crossing to the {o.ehr} inbox after the {fd(recent(r, 10), 'm/d')} upgrade."),
          ("p", f"Reproduced in TST with test patient ZZTEST, {r.choice(['ALPHA', 'BRAVO', 'INTERFACE'])} (MRN 9{dg(r, 6)}, DOB 01/01/1900, SSN 999-00-{dg(r, 4)}). Sent an ORU with processing ID T; it errored on OBX-5 length. "
                f"No production patient was affected."),
          ("p", f"Fix deployed in change CHG{dg(r, 7)}; please retest with your own ZZ test patients before closing. - {staffer(r, o.state).first_last()}, {r.choice(VENDORS).short}")]
    return Doc("it-ticket", None, o, bl, "mail", subject=f"{tk} - test patient results")
def C_vendor(r):
    v = r.choice(VENDORS); o = org(r); rows = []
    for _ in range(r.randint(3, 7)):
        rows.append([f"REF {r.choice(['4A', 'HX', 'WC'])}{dg(r, 5)}", r.choice(["Foam dressing 6x6 in", "Collagen alginate 4x5", "PICC dressing kit", "CPAP full-face mask M", "Exam gloves nitrile L", "Huber needle 20G"]),
                     f"LOT {dg(r, 2)}{r.choice('ABCK')}{dg(r, 4)}", fd(future(r, 200, 900), 'iso'), str(r.randint(1, 40))])
    return listdoc("vendor-order", f"Order confirmation SO{dg(r, 7)} / PO {dg(r, 8)}", v, f"Ship to: {o.name}, {o.addr()}. Tracking 1Z{hexs(r, 16)}.",
                   ["Item", "Description", "Lot", "Expiry", "Qty"], rows, note=f"Questions? {v.phone}. Tax ID {v.tin}.")
def C_it(r):
    o = org(r); s = staffer(r, o.state); tk = f"RITM{dg(r, 7)}"
    bl = [("p", f"Hi {s.given},\n\nYour request {tk} (laptop replacement, asset tag {r.choice(['KV', 'LL', 'BF'])}-{dg(r, 6)}) has been fulfilled. Please bring the old device to the {r.choice(['IT depot', 'Room B112'])} by {fd(future(r, 3, 10), 'm/d')}."),
          ("p", f"Reminder: the DUO enrollment window for {o.short} closes {fd(future(r, 5, 20), 'Month d, y')}. Ticket history: INC{dg(r, 7)} (printer), INC{dg(r, 7)} (VPN)."),
          ("p", f"- {r.choice(VENDORS).short} Service Desk, on behalf of {o.short} IT")]
    return Doc("it-notice", None, o, bl, "mail", subject=f"{tk} fulfilled")
def C_schedule(r):
    o = org(r); st = staffs(r, r.randint(6, 11), o.state); days = [TODAY + dtm.timedelta(days=i) for i in range(1, 6)]
    rows = [[f"{s.family}, {s.given}", r.choice(["RN", "LPN", "CNA", "RT", "Unit Clerk"])] + [r.choice(["D", "N", "OFF", "D", "E"]) for _ in days] for s in st]
    return listdoc("staff-schedule", f"{r.choice(['4 West', 'Dialysis', 'Wound Clinic', 'L&D', 'Peds'])} schedule", o, None, ["Staff", "Role"] + [fd(d, "wdshort") for d in days], rows, group="Week of " + fd(days[0], "mdy"))
def C_oncall(r):
    o = org(r); rows = []
    for i in range(r.randint(5, 9)):
        c = Clin(r, o.state); rows.append([TODAY + dtm.timedelta(days=i), r.choice(["Nephrology", "OB", "Wound", "Hospitalist", "Peds", "Genetics"]), c.sig(), phone(r, o.area), c.npi])
    return listdoc("on-call", "On-call roster", o, None, ["Date", "Service", "Clinician", "Cell", "NPI"], rows)
def C_mbi_training(r):
    o = org(r, ("payer", "clinic", "hospital"))
    bl = [("p", "Medicare Beneficiary Identifier (MBI) - quick reference for registration staff."),
          ("p", "An MBI has 11 characters in the format 1AA1-AA1-AA11 (the dashes are not part of the number). Position 1 is 1-9; letters S, L, O, I, B and Z are never used. CMS's published example is 1EG4-TE5-MK73 - use only that example in training decks and never a real card."),
          ("p", f"Questions: {staffer(r, o.state).first_last()}, Patient Access Educator. This job aid was last reviewed {fd(recent(r, 90), 'mdy')}.")]
    return Doc("training-mbi", "MBI job aid", o, bl, "narr")
def C_ssn_training(r):
    o = org(r)
    bl = [("p", "Privacy tip of the month: Social Security numbers."),
          ("p", "Never type a full SSN into e-mail or Teams. In training we use sample numbers that were never issued: 123-45-6789, 078-05-1120 (the famous wallet-card number), and 987-65-4320 through 987-65-4329 (reserved for advertising). Any 9xx or 000 area is also invalid."),
          ("p", f"Report suspected exposures to the Privacy Office, {o.phone}. - {staffer(r, o.state).first_last()}, Privacy Officer")]
    return Doc("training-ssn", "Privacy tip: SSNs", o, bl, "narr")
def C_dob_notice(r):
    o = org(r); rev = D(TODAY.year, r.randint(1, 11), r.randint(1, 28))
    bl = [("p", f"Registration form REG-{r.randint(10, 99)} has been revised (rev. {fd(rev, 'mdy')}). The Date of Birth field now uses separate MM / DD / YYYY boxes and moved above the address block."),
          ("p", f"Please discard stock printed before {fd(rev, 'Month d, y')}. New pads arrive {fd(future(r, 3, 15), 'm/d')}. Questions to {staffer(r, o.state).first_last()}, Forms Committee.")]
    return Doc("dob-form-notice", "Form revision notice", o, bl, "mail", subject="Date of Birth field - registration form revised")
def C_birthday(r):
    o = org(r); s = staffer(r, o.state)
    bl = [("p", f"Shh! {s.given} {s.family} from {r.choice(['Patient Access', 'Dialysis', 'Pharmacy', 'HIM'])} turns {r.choice(['40', '50', '30', '60'])} on {fd(future(r, 2, 9), 'Month d')}. Cake and card in the break room at 3 pm. Chip in via the envelope at the front desk."),
          ("p", "Please don't mention it before then :)")]
    return Doc("staff-birthday", None, o, bl, "mail", subject=f"Surprise for {s.given}")
def C_job(r):
    o = org(r); role = r.choice(["Genetic Counselor", "Wound Care Nurse (CWOCN)", "Dialysis RN", "Hospice Case Manager", "Utilization Review Nurse", "Clinical Research Coordinator", "Dental Hygienist"])
    bl = [("p", f"{o.name} is hiring a {role} (req #{dg(r, 6)}). Full time, {r.choice(['days', 'Mon-Fri', '3x12s'])}. Sign-on bonus $5,000."),
          ("bul", ["Current state license", "2+ years experience preferred", "BLS required", "Strong documentation skills in " + o.ehr]),
          ("p", f"Apply at careers.{o.dom} or contact recruiter {staffer(r, o.state).first_last()}, {phone(r, o.area)}.")]
    return Doc("job-posting", f"Now hiring: {role}", o, bl, "narr")
def C_policy(r):
    o = org(r)
    bl = [("p", f"Policy ADM-{r.randint(100, 399)}: Use of e-mail for patient information. Effective {fd(future(r, 5, 30), 'mdy')}. Owner: {staffer(r, o.state).first_last()}, Compliance."),
          ("p", "Staff must use [secure] in the subject when sending protected health information outside the organization, send only the minimum necessary, and verify the recipient address. Patient identifiers (name, date of birth, MRN) should not appear in subject lines."),
          ("p", "Violations are reviewed under the sanctions policy. Annual HIPAA training is due by December 31.")]
    return Doc("policy", "E-mail and PHI policy", o, bl, "narr")
def C_minutes(r):
    o = org(r); ppl = staffs(r, 5, o.state)
    bl = [("p", f"Wound & Skin Committee minutes, {fd(recent(r, 7), 'mdy')}. Present: " + ", ".join(p.first_last() for p in ppl) + "."),
          ("bul", [f"Pressure injury rate {r.uniform(0.5, 2.5):.1f} per 1,000 patient days (aggregate, no patient detail).", f"New foam dressing REF 4A{dg(r, 5)} trial on 5 North - {ppl[1].given} to collect feedback.", f"Education: {ppl[2].given} to present at nursing grand rounds {fd(future(r, 10, 30), 'm/d')}."]),
          ("p", f"Next meeting {fd(future(r, 25, 35), 'mdy')}.")]
    return Doc("minutes", "Committee minutes", o, bl, "narr")
def C_es_notice(r):
    o = org(r); s = staffer(r, o.state)
    bl = [("p", f"Aviso al personal: la clínica de vacunas contra la influenza para empleados será el {fd(future(r, 3, 15), 'es')} en la sala {r.randint(100, 300)}. Traiga su credencial."),
          ("p", f"Contacto: {s.first_last()}, Salud Ocupacional, extensión {r.randint(2000, 5999)}.")]
    return Doc("spanish-staff-notice", "Aviso al personal", o, bl, "narr", lang="es")
def C_training_pt(r):
    o = org(r)
    bl = [("p", "Registration training exercise 3 - use the practice environment only."),
          ("kv", [("Patient", "ZZTRAIN, SAMPLE"), ("DOB", "01/01/1900"), ("SSN", "000-00-0000"), ("MRN", "TRN000123"), ("Insurance", "TEST PAYER - ID TEST123456"), ("Reason", "Practice check-in for a sleep study")]),
          ("p", f"Complete the insurance verification screen and print the face sheet. Trainer: {staffer(r, o.state).first_last()}.")]
    return Doc("training-sample", "Training exercise", o, bl, "form")
CLEAN_NARR = [C_grand_rounds, C_case_conf, C_award, C_newsletter, C_newsletter, C_handout, C_template, C_test_patient, C_it, C_mbi_training, C_ssn_training, C_dob_notice,
              C_birthday, C_job, C_policy, C_minutes, C_es_notice, C_training_pt]

def Q_hl7_spec(r):
    o = org(r)
    t = "MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|<RECEIVING_APP>|<RECEIVING_FAC>|<YYYYMMDDHHMM>||ADT^A04|<CONTROL_ID>|P|2.5.1\nPID|1||<MRN>^^^<AA>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<SEX>\nPV1|1|O|<LOCATION>"
    return Doc("hl7-spec", "Interface specification excerpt", o, [("p", f"Section 4.2 of the {o.short} ADT spec. Placeholders in angle brackets."), ("pre", t), ("p", f"Contact {staffer(r, o.state).first_last()}, Integration Analyst, {r.choice(VENDORS).short}.")], "raw")
def Q_test_oru(r):
    o = org(r, ("dx", "hospital"))
    t = f"MSH|^~\\&|LAB|{re.sub('[^A-Z]', '', o.short.upper())[:6]}|EHR|TEST|{hts(TODAY, r)}||ORU^R01|TEST{dg(r, 6)}|T|2.5.1\nPID|1||9{dg(r, 6)}^^^TST^MR||ZZTEST^INTERFACE||19000101|U\nOBX|1|NM|2345-7^Glucose^LN||100|mg/dL|70-99|H|||F"
    return Doc("hl7-test", "Test message", o, [("p", "Validation run against the TEST channel (processing ID T). Test patient only."), ("pre", t)], "raw")
def Q_x12_999(r):
    o = org(r)
    t = f"ISA*00*          *00*          *ZZ*{dg(r, 9)}      *ZZ*{dg(r, 9)}      *{TODAY:%y%m%d}*0931*^*00501*{dg(r, 9)}*0*T*:~\nST*999*0001*005010X231A1~\nAK1*HC*{dg(r, 4)}*005010X222A1~\nAK9*A*1*1*1~\nSE*4*0001~"
    return Doc("x12-ack", "999 acknowledgment (test)", o, [("p", f"Batch {dg(r, 6)} accepted in the test environment (ISA15 = T)."), ("pre", t)], "raw")
def Q_fhir_q(r):
    o = org(r)
    t = '{\n  "resourceType": "Questionnaire",\n  "status": "draft",\n  "title": "Pre-visit intake",\n  "item": [\n    {"linkId": "1", "text": "Patient name", "type": "string"},\n    {"linkId": "2", "text": "Date of birth", "type": "date"},\n    {"linkId": "3", "text": "Reason for visit", "type": "text"}\n  ]\n}'
    return Doc("fhir-questionnaire", "Blank intake Questionnaire", o, [("p", "Draft resource for review - no responses attached."), ("pre", t)], "raw")
CLEAN_RAW = [Q_hl7_spec, Q_test_oru, Q_x12_999, Q_fhir_q]

def K_training(r):
    o = org(r); rows = [[f"{s.family}, {s.given}", f"E{dg(r, 6)}", r.choice(["HIPAA 2026", "BLS", "Wound care basics", "Restraints"]), future(r, 1, 40), r.choice(["Complete", "Overdue", "In progress"])] for s in staffs(r, r.randint(6, 12), o.state)]
    return listdoc("training-compliance", "Training compliance", o, None, ["Employee", "Emp ID", "Course", "Due", "Status"], rows)
def K_pos(r):
    o = org(r); rows = [[f"PO{dg(r, 8)}", r.choice(VENDORS).name, recent(r, 40), money(r.uniform(120, 24000)), r.choice(["Open", "Received", "Partially received"])] for _ in range(r.randint(5, 10))]
    return listdoc("open-pos", "Open purchase orders", o, None, ["PO", "Vendor", "Ordered", "Amount", "Status"], rows)
def K_inventory(r):
    o = org(r); rows = [[r.choice(["Ertapenem 1 g vial", "Infliximab 100 mg vial", "Heparin 1,000 u/mL", "Sevelamer 800 mg", "Tdap vaccine", "DTaP-IPV vaccine"]), ndc(r), f"{r.choice('ABKL')}{dg(r, 5)}", future(r, 60, 700), str(r.randint(2, 60))] for _ in range(r.randint(5, 9))]
    return listdoc("inventory", "Pharmacy stock by lot", o, None, ["Item", "NDC", "Lot", "Expires", "On hand"], rows)
def K_providers(r):
    o = org(r); rows = []
    for _ in range(r.randint(5, 10)):
        c = Clin(r, o.state); rows.append([c.sig(), r.choice(["Nephrology", "Obstetrics", "Genetics", "Wound care", "Pediatrics", "Hospice"]), c.npi, r.choice(["Accepting", "Closed", "Accepting"]), phone(r, o.area)])
    return listdoc("provider-directory", "Provider directory", o, None, ["Clinician", "Specialty", "NPI", "New patients", "Office"], rows)
def K_rooms(r):
    o = org(r); rows = [[future(r, 0, 10), r.choice(["8:00-9:00", "12:00-1:00", "3:00-4:30"]), r.choice(["Conf A", "Conf B", "Sim Lab"]), r.choice(["Tumor board (no PHI on screen)", "Wound committee", "Budget review", "Preceptor training"]), staffer(r, o.state).first_last()] for _ in range(r.randint(5, 9))]
    return listdoc("room-bookings", "Room bookings", o, None, ["Date", "Time", "Room", "Meeting", "Booked by"], rows)
def K_testpts(r):
    o = org(r); rows = [[f"ZZTEST, {x}", D(1900, 1, 1), f"999-00-{dg(r, 4)}", f"TST{dg(r, 5)}", r.choice(["ADT test", "Lab interface", "Pharmacy", "Portal"])] for x in r.sample(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF"], r.randint(4, 7))]
    return listdoc("test-patients", "Downtime drill - test patients", o, "Test environment only. These records do not belong to real people.", ["Name", "DOB", "SSN", "MRN", "Use"], rows)
def K_stats(r):
    o = org(r); rows = [[MON[m - 1], str(r.randint(40, 400)), str(r.randint(11, 80)), f"{r.uniform(5, 22):.1f}%", r.choice(["<11", str(r.randint(11, 30))])] for m in range(1, 12)]
    return listdoc("deidentified-stats", f"Dialysis unit quality dashboard {TODAY.year}", o, "Aggregate monthly counts; no patient identifiers.", ["Month", "Treatments (x10)", "Patients", "Missed tx rate", "Hospitalizations"], rows)
def K_birthdays(r):
    o = org(r); rows = [[s.first_last(), r.choice(["HIM", "Pharmacy", "Dialysis", "Peds"]), f"{MON[r.randint(0, 11)]} {r.randint(1, 28)}"] for s in staffs(r, r.randint(6, 10), o.state)]
    return listdoc("staff-birthdays", "Staff birthdays", o, None, ["Name", "Dept", "Birthday"], rows)
def K_equipment(r):
    o = org(r); rows = [[f"BME{dg(r, 5)}", r.choice(["Infusion pump", "Dialysis machine 2008T", "Wound vac", "Fetal monitor", "CPAP titration unit"]), f"SN{dg(r, 8)}", future(r, 5, 120), r.choice(VENDORS).short] for _ in range(r.randint(5, 9))]
    return listdoc("biomed-pm", "Preventive maintenance due", o, None, ["Asset", "Device", "Serial", "PM due", "Vendor"], rows)
CLEAN_LIST = [C_class, C_deid_report, C_vendor, C_schedule, C_oncall, K_training, K_pos, K_inventory, K_providers, K_rooms, K_testpts, K_stats, K_birthdays, K_equipment]

# ================================================================== mail assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18324", "Apple Mail (2.3864.200.81)", "iPhone Mail (22C161)", "Mozilla Thunderbird 128.6.0", "Zimbra 10.1.5_GA_4712",
           "Microsoft-MacOutlook/16.94.25011", "Android Gmail", "eM Client 10.1.4828.0"]
TITLES = ["Patient Access Representative", "RN Care Manager", "Referral Coordinator", "Medical Records Specialist", "Billing Specialist", "Clinic Manager", "Pharmacy Technician", "Intake Coordinator",
          "Social Worker", "Research Coordinator", "Scheduler", "Practice Administrator"]
CONF = ["CONFIDENTIALITY NOTICE: This message and any attachments may contain protected health information and are intended only for the named recipient. If you received it in error, notify the sender and delete it.",
        "This e-mail may contain confidential information. If you are not the intended recipient, please delete it.",
        "AVISO: Este mensaje es confidencial. Si lo recibió por error, bórrelo y avise al remitente.", "Think before you print."]
def mbox(r, p, dom):
    g, f = re.sub(r"[^a-z]", "", asc(p.given).lower()) or "x", re.sub(r"[^a-z]", "", asc(p.family).lower()) or "y"
    return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}{g[0]}", f"{g}{f[0]}", f"{g}_{f}"]) + "@" + dom
def sig_block(r, s, o):
    k = r.randrange(8); t = r.choice(TITLES)
    x = [f"{s.given} {s.family}\n{t}\n{o.name}\n{o.addr()}\nP {o.phone} | F {o.fax}", f"Thanks,\n{s.given}", f"{s.given} {s.family} | {t} | {o.short}\n{phone(r, o.area)}",
         f"{s.given}\n\nSent from my iPhone", f"Best,\n{s.given} {s.family}, {r.choice(['RN', 'CMA', 'CPC', 'MSW', 'CPhT', 'CCRC', 'RHIT'])}\n{t}, {o.short}", f"Saludos,\n{s.given} {s.family}\n{o.name}",
         f"{s.given} {s.family} ({r.choice(['she/her', 'he/him', 'they/them'])})\n{t}\nwww.{o.dom}", f"-- \n{s.given} {s.family}\n{o.name}\n\"{r.choice(['Care close to home', 'Every patient, every time', 'Healing together'])}\""][k]
    if r.random() < 0.3: x += "\n\n" + r.choice(CONF)
    return x
def when_dt(r):
    d = TODAY - dtm.timedelta(days=r.randint(0, 12))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([5, 5, 6, 6, 7, 8]))))
def msgid(r, o):
    return r.choice([f"<{hexs(r, 32, False)}@{o.dom}>", f"<{r.choice(['BY5PR', 'DM6PR', 'PH0PR'])}{dg(r, 2)}MB{dg(r, 4)}{hexs(r, 12)}@{r.choice(['BY5PR', 'DM6PR'])}{dg(r, 2)}MB{dg(r, 4)}.namprd{dg(r, 2)}.prod.outlook.com>",
                     f"<CAL{''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(38))}@mail.gmail.com>", f"<{dg(r, 10)}.{dg(r, 5)}@{o.dom}>"])
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r, o.state)
    m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} - {o.short}"]), addr_spec=mbox(r, s, o.dom))
    if to is None:
        other = r.choice([partner(r, o), o]); t = staffer(r)
        to = Address(display_name=r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}", ""]), addr_spec=mbox(r, t, other.dom)) if r.random() < 0.7 else \
             Address(addr_spec=r.choice(["referrals", "intake", "records", "priorauth", "um", "casemgmt", "scheduling", "refills", "frontdesk", "research"]) + "@" + other.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.1: c = staffer(r); m["Cc"] = Address(display_name=f"{c.given} {c.family}", addr_spec=mbox(r, c, o.dom))
    m["Subject"] = subject
    m["Date"] = format_datetime(when_dt(r))
    m["Message-ID"] = msgid(r, o)
    x = r.choice(MAILERS + [None] * 3)
    if x: m["X-Mailer"] = x
    if r.random() < 0.15: m["Thread-Topic"] = re.sub(r"^((RE|FW|Fwd|RV|Re): )+", "", subject)
    return m, s
def sethdr(m, k, v):
    del m[k]; m[k] = v
def html_from_text(t): return '<html><body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">' + hx(t).replace("\n", "<br>\n") + "</div></body></html>"
def set_body(r, m, text, html=None, o=None, logo=None):
    if logo is None: logo = o is not None and r.random() < 0.3
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    png = logo_png(o, style=r.randrange(3))
    if html or r.random() < 0.7:
        cid = f"image{r.randint(1, 3):03d}.png@01DB{dg(r, 4)}.{hexs(r, 8)}"
        h = html or html_from_text(text)
        img = f'<p><img src="cid:{cid}" width="180" height="48" alt="{hx(o.short)}"></p>'
        h = h.replace("</body>", img + "</body>") if "</body>" in h else h + img
        m.set_content(text); m.add_alternative(h, subtype="html")
        m.get_payload()[1].add_related(png, "image", "png", cid=f"<{cid}>", filename="image001.png", disposition="inline")
    else:
        m.set_content(text); m.add_attachment(png, "image", "png", filename=f"{re.sub('[^A-Za-z]', '', o.short)}.png", disposition="inline")
COVERS = ["Please see attached.", "Attached as requested.", "Hi - file attached. Let me know if you need anything else.", "For your records.", "Attached for review.", "Good morning,\n\nAttached is the document we discussed.",
          "See attached.", "Resending - the first one bounced.", "Adjunto el documento solicitado.", "Per our phone call, attached.", "Attached (encrypted).", "FYI - attached."]
GEN_SUBJ = ["Document", "Records", "Scan", "Fax", "For review", "[secure] document", "Follow-up", "As requested", "Documento", "Updated file", "Attachment", "Report", "See attached", "[EXTERNAL] document"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.08:
        dev = r.choice(["Ricoh IM C4510", "Xerox AltaLink C8145", "Canon imageRUNNER ADVANCE DX 6855i", "HP LaserJet MFP M528"])
        sethdr(m, "From", Address(display_name=f"{dev.split()[0]} Scanner", addr_spec=f"scan{r.randint(1, 40):02d}@{o.dom}"))
        m.set_content(f"Please open the attached document. It was scanned and sent to you using a {dev}.\n\nNumber of Images: {r.randint(1, 5)}\nAttachment File Type: {r.choice(['PDF', 'DOCX', 'XLSX'])}\nDevice Location: {r.choice(['HIM copy room', 'Front desk', '2nd floor nurses station', 'Pharmacy'])}\n"); return
    if x < 0.14:
        sethdr(m, "From", Address(display_name=r.choice(["RingCentral Fax", "eFax Corporate", "Concord Fax"]), addr_spec=f"fax-noreply@{o.dom}"))
        m.set_content(f"You have received a {r.randint(1, 6)}-page fax.\n\nFrom: {phone(r)}\nTo: {o.fax}\nReceived: {fd(recent(r, 1), 'mdy')} {clock(r)}\nJob ID: {dg(r, 9)}\n\nThe document is attached.\n"); return
    if x < 0.19:
        m.set_content(f"{s.given} {s.family} sent you a secure message using {r.choice(['Paubox', 'Virtru', 'Zix Secure Messaging', 'Mimecast Secure Messaging'])}.\n\nOpen the attachment to read it. Need help? Call {o.phone}.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3)
GREET = ["", "", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Please see below.\n\n", "Team,\n\n", "Per your request -\n\n", "FYI -\n\n"]
def body_text(r, doc, s, o):
    if doc.kind == "mail": return render_text(r, doc, title=False) + ("\n" + sig_block(r, s, o) + "\n" if r.random() < 0.7 else "")
    g = r.choice(GREET if doc.lang != "es" else ["", "Buenos días:\n\n", "Hola,\n\n"])
    return g + render_text(r, doc, title=r.random() < 0.85) + "\n" + sig_block(r, s, o) + "\n"
def subj_body(r, doc):
    if doc.subject and (doc.kind == "mail" or r.random() < 0.6): return doc.subject
    return doc.title if doc.title and r.random() < 0.7 else r.choice(GEN_SUBJ)
def to_for(r, doc):
    if doc.to is not None and r.random() < 0.8:
        p = doc.to; return Address(display_name=r.choice([p.first_last(), "", f"{p.given} {p.family}"]), addr_spec=p.email)
    return None
def build_plain(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    set_body(r, m, body_text(r, doc, s, o), o=o); return m
def build_html(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    sig = sig_block(r, s, o); g = r.choice(GREET)
    html = render_html(r, doc, head_html=(f"<p>{hx(g.strip())}</p>" if g.strip() else ""), tail_html="<p>" + hx(sig).replace("\n", "<br>") + "</p>")
    text = (g + render_text(r, doc, title=doc.kind != "mail") + "\n" + sig + "\n") if r.random() < 0.8 else f"This message is best viewed in an HTML-capable e-mail program.\n\n{o.name}\n"
    set_body(r, m, text, html, o=o, logo=r.random() < 0.4); return m

def quote(t, pre="> "): return "\n".join((pre + ln).rstrip() if ln.strip() else pre.rstrip() for ln in t.rstrip("\n").split("\n"))
TOPS = ["FYI - see below.", "Can you take this one? Original at the bottom.", "Forwarding for the chart.", "Is this ours? See below.", "Adding you to the thread.", "Please review the thread and advise.",
        "See the first message in the chain.", "Le reenvío este correo.", "Let's discuss at huddle.", "Sending to the right team.", "Passing along - thanks!"]
MIDS = ["Any update?", "Not our department - forwarding.", "Still open on our end.", "Left a voicemail for them.", "Looping in case management.", "Bumping this up.", "Sorry for the delay - covering today.",
        "Who owns this?", "Adding the nurse manager.", "See original below."]
def hdr_lines(r, style, frm, d, to, subj):
    tm = f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
    if style == "outlook": return f"From: {frm}\nSent: {WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {tm}\nTo: {to}\nSubject: {subj}"
    if style == "gmail": return f"From: {frm}\nDate: {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {tm}\nSubject: {subj}\nTo: {to}"
    if style == "apple": return f"From: {frm}\nSubject: {subj}\nDate: {MON[d.month - 1]} {d.day}, {d.year} at {tm} {r.choice(['EST', 'CST', 'MST', 'PST'])}\nTo: {to}"
    if style == "es": return f"De: {frm}\nEnviado el: {d.day} de {MES[d.month - 1]} de {d.year} {r.randint(8, 17)}:{r.randint(0, 59):02d}\nPara: {to}\nAsunto: {subj}"
    return f"Subject: {subj}\nDate: {WD[d.weekday()][:3]}, {d.day} {MON[d.month - 1][:3]} {d.year} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} -0500\nFrom: {frm}\nTo: {to}"
def build_forwarded(r, doc):
    o0 = doc.o or org(r); s0 = staffer(r, o0.state); subj = doc.subject if doc.subject and r.random() < 0.7 else (doc.title or r.choice(GEN_SUBJ))
    fwd = r.choice([x for x in ORGS if x is not o0] + [o0, o0]); CUR["state"] = fwd.state
    inner = body_text(r, doc, s0, o0); frm0 = f"{s0.given} {s0.family} <{mbox(r, s0, o0.dom)}>"
    depth = r.choice([1, 1, 2, 2, 3]); d0 = TODAY - dtm.timedelta(days=depth + r.randint(0, 3))
    chain = [(p, d0 + dtm.timedelta(days=i + 1), r.choice(MIDS) + "\n\n" + p.given) for i, p in enumerate(staffer(r, fwd.state) for _ in range(depth))]
    st = r.randrange(9); s1 = staffer(r, fwd.state)
    pre = ["FW: ", "RE: ", "Fwd: ", "Fwd: ", "Re: ", "FW: ", "RV: ", "FW: ", "Re: "][st]
    m, s = new_msg(r, pre + ("RE: " * min(depth, 2)) + subj, fwd, s=s1)
    top = r.choice(TOPS) + "\n\n" + sig_block(r, s1, fwd)
    def tline(): t = staffer(r, fwd.state); return f"{t.given} {t.family} <{mbox(r, t, fwd.dom)}>"
    if st in (0, 2, 3, 6):
        style = {0: "outlook", 2: "gmail", 3: "apple", 6: "es"}[st]
        sep = {"outlook": r.choice(["-----Original Message-----", "________________________________"]), "gmail": "---------- Forwarded message ---------", "apple": "Begin forwarded message:", "es": "________________________________"}[style]
        parts = [top]
        for p, d, txt in reversed(chain): parts += [sep, hdr_lines(r, style, f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", d, tline(), "RE: " + subj), txt]
        parts += [sep, hdr_lines(r, style, frm0, d0, tline(), subj), quote(inner) if style == "apple" else inner]
        set_body(r, m, "\n\n".join(parts), o=fwd, logo=r.random() < 0.2); return m
    if st in (1, 4, 8):   # bottom-quoted replies nested one level per hop: the content sits `depth + 1` quote levels down
        def attr(who, d):
            if st == 1: return f"On {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])} {who} wrote:"
            if st == 4: return f"On {MON[d.month - 1][:3]} {d.day}, {d.year}, at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}, {who} wrote:"
            return f"On {d.month}/{d.day}/{d.year} {r.randint(7, 17)}:{r.randint(0, 59):02d}, {who} wrote:"
        msg_text, author, d = inner, frm0, d0
        for p, dp, txt in chain:
            msg_text = txt + "\n\n" + attr(author, d) + "\n" + quote(msg_text); author, d = f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", dp
        body = r.choice(["Got it, thanks.", "Will do.", "Done - called them back.", "Noted, adding to the worklist.", "Thank you!"]) + "\n\n" + sig_block(r, s1, fwd) + "\n\n" + attr(author, d) + "\n" + quote(msg_text)
        set_body(r, m, body, o=fwd, logo=False); return m
    if st == 5:
        im = EmailMessage(policy=SMTP); im["From"] = Address(display_name=f"{s0.given} {s0.family}", addr_spec=mbox(r, s0, o0.dom)); im["To"] = Address(display_name=f"{s1.given} {s1.family}", addr_spec=mbox(r, s1, fwd.dom))
        im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-5)))); im["Message-ID"] = msgid(r, o0)
        im.set_content(inner)
        if r.random() < 0.5: im.add_alternative(render_html(r, doc), subtype="html")
        set_body(r, m, top, o=fwd, logo=False)
        m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 ]", "", asc(subj))[:40].strip() or "message") + ".eml"); return m
    # st == 7: Outlook HTML forward with the chain as nested blocks
    hdr = f"<b>From:</b> {hx(frm0)}<br><b>Sent:</b> {hx(fd(d0, 'wd'))} {r.randint(1, 12)}:{r.randint(0, 59):02d} PM<br><b>To:</b> {hx(tline())}<br><b>Subject:</b> {hx(subj)}"
    inner_html = render_html(r, doc).split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
    mids = "".join(f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal"><b>From:</b> {hx(p.first_last())}<br><b>Sent:</b> {hx(fd(d, "wd"))}<br><b>Subject:</b> RE: {hx(subj)}</p></div><p class="MsoNormal">{hx(txt).replace(chr(10), "<br>")}</p>' for p, d, txt in reversed(chain))
    html = (f'<html><body><div class="WordSection1"><p class="MsoNormal">{hx(top).replace(chr(10), "<br>")}</p>{mids}'
            f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal">{hdr}</p></div>{inner_html}</div></body></html>')
    text = f"{top}\n\n" + "".join(f"________________________________\nFrom: {p.first_last()}\nSent: {fd(d, 'wd')}\nSubject: RE: {subj}\n\n{txt}\n\n" for p, d, txt in reversed(chain)) + f"________________________________\nFrom: {frm0}\nSent: {fd(d0, 'wd')}\nSubject: {subj}\n\n{inner}"
    set_body(r, m, text, html, o=fwd, logo=r.random() < 0.3); return m

# ================================================================== header carrier (PHI only in headers; neutral bodies)
HDR_BODY = ["Please call me when you get a minute.", "Details are in the secure inbox message.", "Can we talk before noon?", "Following up on this morning's call.", "Thanks for your help with this.",
            "Let me know what else you need from us.", "See my message in the EHR.", "Confirming receipt.", "I'll update you tomorrow.", "Gracias."]
PT_BODY = ["You have a new message from your care team. Please sign in to the patient portal to read it.", "Please call our office to confirm.", "Reply to this e-mail or call us with any questions.",
           "A secure message is waiting for you in the portal."]
def hdr_body(r, m, s, o, pt=False):
    t = r.choice(PT_BODY if pt else HDR_BODY) + "\n\n" + (f"{o.name}\n{o.phone}" if pt else sig_block(r, s, o))
    set_body(r, m, t, o=o, logo=r.random() < 0.3)
def nmx(r, p): return r.choice([p.full(), p.gmf(), p.lf(), p.LF(), p.nickname(), f"{p.family}, {p.given}"])
def H1(r, o, c): p = c.p; return new_msg(r, f"{nmx(r, p)} DOB {fd(p.dob, r.choice(DOB_ST))} - {c.lay} f/u", o), False
def H2(r, o, c): p = c.p; return new_msg(r, r.choice(["Message from your care team", "Your results are ready", "About your visit"]), o, to=Address(display_name=f"{p.lf()} (MRN {c.mrn})", addr_spec=p.email)), True
def H3(r, o, c): p = c.p; return new_msg(r, "Plan for tomorrow", o, cc=Address(display_name=f"{p.gmf()} (patient) - {c.lay}", addr_spec=p.email))
def H4(r, o, c): p = c.p; return new_msg(r, "Update", o, from_name=f"{o.short} re: {p.lf()} - {c.lay}")
def H5(r, o, c):
    p = c.p; m, s = new_msg(r, "Scheduling", o); sethdr(m, "Reply-To", Address(display_name=f"Scheduling for {p.full()} - {c.s['test']} {fd(future(r, 2, 12), 'm/d')}", addr_spec=f"scheduling@{o.dom}")); return m, s
def H6(r, o, c): p = c.p; m, s = new_msg(r, "RE: question", o); sethdr(m, "Thread-Topic", f"{p.gmf()} {c.s['test']} result - {c.s['result'][:40]}"); return m, s
def H7(r, o, c): p = c.p; m, s = new_msg(r, "Chart", o); sethdr(m, "Keywords", f"{c.s['drug'].split(' ')[0]}, {p.family}, MRN {c.mrn}, {c.code}"); return m, s
def H8(r, o, c): p = c.p; m, s = new_msg(r, "For review", o); sethdr(m, "Comments", f"Re {nmx(r, p)}, DOB {fd(p.dob, 'mdy')} - {c.s['dx']}"); return m, s
def H9(r, o, c): p = c.p; m, s = new_msg(r, "Care team message", o); sethdr(m, "Organization", f"{o.short} care team for {p.lf()} ({c.lay})"); return m, s
def H10(r, o, c): p = c.p; m, s = new_msg(r, "Interface", o); m["X-Patient-Ref"] = f"{p.hl7()}|{p.dob:%Y%m%d}|{c.mrn}|{c.code}"; return m, s
def H11(r, o, c): p = c.p; m, s = new_msg(r, "New referral", o); m["X-Referral"] = f"{p.lf()}; DOB {fd(p.dob, 'm/d/y')}; reason: {c.lay}; ins {c.mem}"; return m, s
def H12(r, o, c): p = c.p; m, s = new_msg(r, "Fax", o); m["X-Fax-Subject"] = f"{p.LF()} SSN {ssn(r, r.choice('dsn'))} - {c.lay}"; return m, s
def H13(r, o, c):
    p = c.p; m, s = new_msg(r, "Scan", o); m["X-Document-Name"] = f"{asc(p.family).upper().replace(' ', '')}_{asc(p.given).upper().replace(' ', '')}_{p.dob:%m%d%Y}_{re.sub('[^A-Za-z]', '', c.s['test'].title())[:18]}.pdf"; return m, s
def H14(r, o, c): p = c.p; m, s = new_msg(r, "Authorization", o); m["Sender"] = Address(display_name=f"{s.given} {s.family} on behalf of {p.full()} (member {c.mem})", addr_spec=mbox(r, s, o.dom)); return m, s
def H15(r, o, c): p = c.p; return new_msg(r, f"Resultados de {p.full()} - {c.s['es']} ({fd(p.dob, 'esn')})", o), False
def H16(r, o, c): p = c.p; return new_msg(r, f"MBI {c.mbi} / {p.LF()} - {c.lay}", o), False
def H17(r, o, c): p = c.p; return new_msg(r, f"RE: FW: RE: {p.title()} ({p.given}) - {c.s['test']} {c.s['result'][:30]}", o), False
def H18(r, o, c): p = c.p; return new_msg(r, r.choice(["Your appointment", "Message from your care team"]), o, to=Address(display_name=f"{p.full()} - {c.lay} follow-up", addr_spec=p.email)), True
def H19(r, o, c): p = c.p; m, s = new_msg(r, "Encounter", o); m["X-Encounter"] = f"{acct(r)} {p.lf()} {c.code} {fd(c.dt, 'mdy')}"; return m, s
def H20(r, o, c): p = c.p; return new_msg(r, f"Accepted: {p.lf()} - {c.s['test']} {fd(future(r, 1, 10), 'm/d')} {clock(r)}", o), False
def H21(r, o, c): p = c.p; m, s = new_msg(r, "FW: see below", o); m["X-Original-Subject"] = f"{p.gmf()} ({fd(p.dob, 'm/d/yy')}) {c.s['dx']}"; return m, s
HDR_PHI = [H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12, H13, H14, H15, H16, H17, H18, H19, H20, H21]
def build_header_phi(r, fn):
    c = Case(r); o = c.o
    res = fn(r, o, c)
    if isinstance(res[0], tuple): (m, s), pt = res
    else: (m, s), pt = res, False
    hdr_body(r, m, s or staffer(r, o.state), o, pt); return m
CLEAN_BODY = ["Please approve when you can.", "Details are on the shared drive.", "Thanks!", "See you there.", "Does this time work?", "Confirming for next week.", "Please share with your team.", "Link is in Teams."]
def K1(r, o): t = staffer(r); return new_msg(r, f"PTO request - {t.first_last()} {fd(future(r, 5, 30), 'm/d')}-{fd(future(r, 31, 40), 'm/d')}", o)
def K2(r, o): t = staffer(r); return new_msg(r, "Welcome aboard", o, to=Address(display_name=f"{t.first_last()} (new hire - orientation {fd(future(r, 3, 20), 'm/d')})", addr_spec=f"{re.sub('[^a-z]', '', asc(t.given).lower())}.{re.sub('[^a-z]', '', asc(t.family).lower())[:8]}@{r.choice(MAILDOMS)}"))
def K3(r, o): t = staffer(r, o.state); return new_msg(r, "Audit schedule", o, cc=Address(display_name=f"{t.first_last()} (Compliance)", addr_spec=mbox(r, t, o.dom)))
def K4(r, o): t = staffer(r); return new_msg(r, "Your ticket was resolved", o, from_name=f"IT Service Desk - {t.given}")
def K5(r, o): m, s = new_msg(r, "W-2 address update", o); t = staffer(r, o.state); sethdr(m, "Reply-To", Address(display_name=f"Payroll - {t.first_last()}", addr_spec=f"payroll@{o.dom}")); return m, s
def K6(r, o): m, s = new_msg(r, "RE: sign-up", o); sethdr(m, "Thread-Topic", "Holiday potluck sign-up (2nd floor)"); return m, s
def K7(r, o): m, s = new_msg(r, "FY27 capital", o); sethdr(m, "Keywords", "budget, FY27, capital request, dialysis chairs, wound vac"); return m, s
def K8(r, o): m, s = new_msg(r, "Agenda", o); sethdr(m, "Comments", f"Wound & Skin Committee agenda for {fd(future(r, 3, 20), 'mdy')}"); return m, s
def K9(r, o): m, s = new_msg(r, "Staff council", o); sethdr(m, "Organization", f"Staff Council - {o.name}"); return m, s
def K10(r, o): m, s = new_msg(r, "Laptop swap", o); m["X-Ticket-ID"] = f"RITM{dg(r, 7)}"; return m, s
def K11(r, o): m, s = new_msg(r, "Fax", o); m["X-Fax-Subject"] = f"Invoice {dg(r, 7)} - {r.choice(VENDORS).name} - PO {dg(r, 8)}"; return m, s
def K12(r, o): t = staffer(r, o.state); m, s = new_msg(r, "Scan", o); m["X-Document-Name"] = f"Timesheet_{asc(t.family).replace(' ', '')}_{asc(t.given).replace(' ', '')}_{recent(r, 10):%Y-%m-%d}.pdf"; return m, s
def K13(r, o): m, s = new_msg(r, "Grand Rounds reminder", o); sethdr(m, "Sender", Address(display_name=f"{s.first_last()} on behalf of the CME Committee", addr_spec=mbox(r, s, o.dom))); return m, s
def K14(r, o): return new_msg(r, f"Horario de vacunas contra la influenza para empleados - {fd(future(r, 3, 15), 'esn')}", o)
def K15(r, o): return new_msg(r, "MBI example 1EG4-TE5-MK73 for the registration job aid", o)
def K16(r, o): return new_msg(r, f"Date of Birth field moved on form REG-{r.randint(10, 99)} (rev {r.randint(1, 11)}/{TODAY.year})", o)
def K17(r, o): c = Clin(r, o.state); return new_msg(r, f"{c.dr()} NPI {c.npi} - credentialing approved", o)
def K18(r, o): c = Clin(r, o.state); t, code = r.choice(TOPICS); return new_msg(r, f"RE: FW: RE: {c.dr()} - grand rounds slides ({t})", o)
def K19(r, o): m, s = new_msg(r, "Timesheet correction", o); m["X-Employee-ID"] = f"E{dg(r, 6)}"; return m, s
def K20(r, o): t = staffer(r, o.state); return new_msg(r, f"Accepted: {t.family}, {t.given} - genetics team meeting {fd(future(r, 1, 10), 'm/d')} {clock(r)}", o)
def K21(r, o): t = staffer(r); return new_msg(r, f"{t.given}'s retirement lunch - {fd(future(r, 3, 20), 'm/d')}", o)
HDR_CLEAN = [K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11, K12, K13, K14, K15, K16, K17, K18, K19, K20, K21]
def build_header_clean(r, fn):
    o = org(r) if r.random() < 0.85 else r.choice(VENDORS); CUR["state"] = o.state
    m, s = fn(r, o)
    set_body(r, m, r.choice(CLEAN_BODY) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3); return m

# ================================================================== producers and LibreOffice batching
class Pending:
    def __init__(self, path, key, gs=False, redo=None): self.path, self.key, self.gs, self.redo = path, key, gs, redo
class Ctx:
    """run_lo (generate.py) reads ctx.tmp and ctx.lo = {kind: [input files]} and writes ctx.tmp/kind/out; docx2docx (a LibreOffice re-save of
    a python-docx file) runs here"""
    EXTRA = ("docx2docx",)
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0
        self.lo = {k: [] for k in ("docx2pdf", "html2pdf", "html2docx", "xlsx2xlsx") + self.EXTRA}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf): self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False, redo=None):
        self.n += 1; base = f"b9_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p)
        return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{ {'docx2pdf': 'pdf', 'html2pdf': 'pdf', 'html2docx': 'docx', 'xlsx2xlsx': 'xlsx', 'docx2docx': 'docx'}[kind]}"), key, gs, redo)
    def run(self):
        extra = {k: self.lo.pop(k) for k in self.EXTRA}
        run_lo(self)
        prof = "file://" + os.path.join(self.tmp, "lo-profile")
        for kind, files in extra.items():
            if files:
                subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(self.tmp, kind, "out")] + files,
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for k in list(self.lo): self.lo[k] = []
        for k in self.EXTRA: self.lo[k] = []
    def get(self, pend):
        with open(pend.path, "rb") as f: data = f.read()
        if pend.path.endswith(".pdf"):
            if pdf_pages(data) > 2 and pend.redo:
                for n in (6, 3):
                    kind, src, ext = pend.redo(n); p2 = self.add(kind, src, ext, pend.key); self.run()
                    with open(p2.path, "rb") as f: data = f.read()
                    if pdf_pages(data) <= 2: break
            if pend.gs:
                src = self.path(".pdf")
                with open(src, "wb") as f: f.write(data)
                data = gs_distill(src, self.path(".pdf"))
            return norm_pdf(data, pend.key)
        return fix_zip(data)
def fit_pdf(make, doc):
    for n in (None, 10, 6, 3):
        data = make(doc if n is None else doc.cut(n))
        if pdf_pages(data) <= 2: return data
    return data
def ps_pdf(r, ctx, doc, key):
    for n in (None, 10, 6, 3):
        src, pages = ps_doc(r, doc if n is None else doc.cut(n))
        if pages <= 2: break
    p = ctx.path(".ps")
    with open(p, "w", encoding="latin-1") as f: f.write(src)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)
def gs_redistill(ctx, data, key):
    p = ctx.path(".pdf")
    with open(p, "wb") as f: f.write(data)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)
def lo_pdf_job(r, ctx, doc, key, gs=False):
    x = r.random()
    how = ("xlsx" if x < 0.4 else "docx" if x < 0.75 else "html") if doc.kind == "list" else ("docx" if x < 0.6 else "html")
    seed = int(hashlib.sha256(("b9" + key).encode()).hexdigest()[:12], 16)
    def make(d, rr):
        if how == "xlsx": return "docx2pdf", xlsx_bytes(rr, d, for_pdf=True), "xlsx"
        if how == "docx": return "docx2pdf", docx_bytes(rr, d), "docx"
        return "html2pdf", render_html(rr, d, for_print=True), "html"
    kind, data, ext = make(doc, r)
    return ctx.add(kind, data, ext, key, gs=gs, redo=lambda n: make(doc.cut(n), random.Random(seed + n)))
def printed_mail(r, doc):
    if doc.kind != "mail": return doc
    o = doc.o or org(r); s = staffer(r, o.state); t = staffer(r)
    d = copy.copy(doc)
    d.blocks = [("kv", [("From", f"{s.given} {s.family} <{mbox(r, s, o.dom)}>"), ("Sent", f"{fd(TODAY - dtm.timedelta(days=r.randint(0, 2)), 'wd')} {clock(r)}"), ("To", f"{t.given} {t.family}"), ("Subject", doc.subject or "(no subject)")])] + list(doc.blocks)
    d.kind = "doc"; return d
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:30] or "document"; d = recent(r, 4)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%Y%m%d}.{ext}", f"{d:%m%d%Y}_{base}.{ext}", f"scan{dg(r, 9)}.{ext}", f"{doc.cat}.{ext}", f"{(doc.o.short if doc.o else 'doc').replace(' ', '').replace('/', '').replace(chr(39), '')}_{dg(r, 5)}.{ext}",
                     f"{base.lower()}-v{r.randint(2, 4)}.{ext}", f"{base} (1).{ext}"])
def build_attachment(r, ctx, carrier, doc, key):
    doc = printed_mail(r, doc)
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-libreoffice": return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.5: return fname_for(r, doc, "pdf"), ps_pdf(r, ctx, doc, key)
        if x < 0.66: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: rl_pdf(r, d), doc), key)
        if x < 0.82: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: fp_pdf(r, d), doc), key)
        return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key, gs=True)
    if carrier == "docx":
        x = r.random()
        if x < 0.6: return fname_for(r, doc, "docx"), docx_bytes(r, doc)
        if x < 0.8: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(r, doc, for_print=True), "html", key)
        return fname_for(r, doc, "docx"), ctx.add("docx2docx", docx_bytes(r, doc), "docx", key)
    if carrier == "xlsx":
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc, for_lo=True), "xlsx", key)
        return fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc)
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list":
            if x < 0.4: data, ext = csv_bytes(r, doc)
            elif x < 0.72: data, ext = xlsx_bytes(r, doc), "xlsx"
            else: data, ext = fit_pdf(lambda d: rl_pdf(r, d) if r.random() < 0.5 else fp_pdf(r, d), doc), "pdf"
        else:
            if x < 0.5: data, ext = fit_pdf(lambda d: rl_pdf(r, d) if r.random() < 0.5 else fp_pdf(r, d), doc), "pdf"
            else: data, ext = docx_bytes(r, doc), "docx"
        inner = fname_for(r, doc, ext); folder = r.choice(["", "", f"{TODAY:%Y-%m}/", "outgoing/", f"{(doc.o.short if doc.o else 'files').replace(' ', '_').replace('/', '_').replace(chr(39), '')}/", "export/"])
        entries = [(folder + inner, data)]
        if r.random() < 0.2: entries.append((folder + "README.txt", f"Created {fd(TODAY, 'mdy')}. The password follows in a separate e-mail.\r\n".encode()))
        return r.choice([f"{re.sub('[^A-Za-z0-9]+', '_', asc(doc.title or doc.cat))[:24]}.zip", f"files_{dg(r, 5)}.zip", "documents.zip", f"{doc.cat}_{TODAY:%Y%m%d}.zip"]), make_zip(entries)
    raise ValueError(carrier)

# ================================================================== run order
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.72 else "_raw" if x < 0.84 else "_list")]
    if carrier == "zip": return cyc[L_ + ("_list" if x < 0.35 else "_narr")]
    return cyc[L_ + ("_narr" if x < 0.8 else "_list" if x < 0.95 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b9_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
    data = m.as_bytes(policy=SMTP)
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b9-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"; CUR["state"] = None
            if carrier == "header":
                m = build_header_phi(R, hcyc["phi"]()) if label == "phi" else build_header_clean(R, hcyc["clean"]())
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                o = doc.o or org(R)
                m, s = new_msg(R, R.choice(GEN_SUBJ) if R.random() < 0.5 else (doc.title or R.choice(GEN_SUBJ)), o)
                cover(R, m, s, o)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc, fname))); continue
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
    print(f"wrote {len(rows)} batch-9 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
