#!/usr/bin/python3
"""Batch 10 of the blind DLP corpus: b10-0001.eml ... b10-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a tenth author from BRIEF.md (see README "Batch 10").  People, organisations, clinical scenarios,
texts, layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the
split rule, latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring
(LibreOffice batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp
normalisation) is re-typed after generate_b9.py's wiring.

Weight on: fpdf2 / LibreOffice PDFs and DOCX carrying multi-paragraph narrative documents, tables with wrapped
cells, two-column layouts, running patient headers/footers and fax cover sheets; specialties such as oncology
infusion, transplant, NICU, orthopedics, device clinic, sleep lab, audiology, ophthalmology, PT/OT, nutrition,
lactation, school nursing, corrections health, SNF, home health (OASIS), telehealth, critical-value calls,
pathology addenda, medication reconciliation, PDMP checks, appeals/denials/EOBs, collections, grievances,
incident reports, release of information and court-ordered evaluations; hard clean mail.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import copy, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261211
R = random.Random(SEED)
PREFIX = "b10-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DJS = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DJSB = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
D = dtm.date
TD = dtm.timedelta
TODAY = D(2026, 12, 11)
FOLD = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ơ": "o", "ư": "u", "Ơ": "O", "Ư": "U", "ă": "a", "ạ": "a", "ễ": "e", "ễ": "e",
        "ị": "i", "ọ": "o", "ố": "o", "ồ": "o", "ộ": "o", "ầ": "a", "ấ": "a", "ậ": "a", "ế": "e", "ệ": "e", "ề": "e", "ũ": "u", "ỹ": "y", "ả": "a",
        "ą": "a", "ę": "e", "ś": "s", "ż": "z", "ź": "z", "ń": "n", "ć": "c", "č": "c", "Č": "C", "š": "s", "Š": "S", "ž": "z", "Ž": "Z", "ř": "r",
        "ū": "u", "ī": "i", "ā": "a", "ē": "e", "ņ": "n", "ō": "o", "Ō": "O", "ğ": "g", "ş": "s", "Ş": "S", "İ": "I",
        "•": "-", "…": "...", "≥": ">=", "≤": "<=", "→": "->", "✓": "x", "☐": "[ ]", "☒": "[X]", "\u00a0": " ", "µ": "u",
        "—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}
def l1(s): return lat1("".join(FOLD.get(c, c) for c in str(s)))
def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", l1(s)) if ord(c) < 128)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n, up=True): return "".join(r.choice("0123456789ABCDEF" if up else "0123456789abcdef") for _ in range(n))

# ================================================================== people
POOLS = {   # tag: (female given, male given, family ("m/f" when gendered))
    "anglo": (["Brenda", "Heather", "Courtney", "Mary Beth", "Shelby", "Anne Marie", "Loretta", "Kayleigh", "Peggy Sue", "Tamsin"],
              ["Dwayne", "Clayton", "Garrett", "Billy Ray", "Russell", "Travis", "Wendell", "Jon Michael", "Lyle", "Seth"],
              ["Hollingsworth", "Pruitt", "McAllister", "O'Connell", "Whitlock", "St. John", "Dunbar", "Kingsley", "Faircloth", "Harrow"]),
    "afam": (["Latrice", "Imani", "Shaniqua", "Ebony", "Kiara", "Delphine", "Zora"], ["DeAndre", "Tyrell", "Marquis", "Jamal", "Cedric", "Malik", "Roosevelt"],
             ["Washington", "Okonkwo", "Mensah-Bonsu", "Adeyemi", "Boateng", "Jefferson", "Battle", "Toussaint"]),
    "hisp": (["María Fernanda", "Xiomara", "Yesenia", "Rocío", "Ana Lucía", "Maricela", "Itzel"], ["José Luis", "Ezequiel", "Heriberto", "Juan Diego", "Osvaldo", "Rubén", "Nicanor"],
             ["de la Peña", "Villarreal", "Ibarra-Montoya", "Quiñones", "del Valle", "Zúñiga", "Saldívar", "Gutiérrez de León", "Peña y Lillo"]),
    "viet": (["Thị Hương", "Ngọc Anh", "Thu Trang", "Mỹ Linh"], ["Văn Đức", "Quốc Bảo", "Minh Tuấn", "Hữu Phước"], ["Nguyễn", "Trần", "Phạm", "Đặng", "Lê", "Võ", "Huỳnh"]),
    "polish": (["Agnieszka", "Małgorzata", "Bożena", "Jadwiga"], ["Łukasz", "Grzegorz", "Wojciech", "Zdzisław"],
               ["Wiśniewski/Wiśniewska", "Kowalczyk", "Żak", "Dąbrowski/Dąbrowska", "Błaszczyk", "Szczęsny/Szczęsna"]),
    "balkan": (["Jelena", "Milica", "Dragana", "Snežana"], ["Đorđe", "Miloš", "Nikola", "Dušan"], ["Kovačević", "Đorđević", "Petrović", "Babić", "Šarić"]),
    "baltic": (["Jūratė", "Aušra", "Ilze", "Dace"], ["Žygimantas", "Mindaugas", "Jānis", "Gintaras"], ["Žemaitis/Žemaitienė", "Kalniņš/Kalniņa", "Bērziņš/Bērziņa", "Paulauskas/Paulauskienė"]),
    "dutchger": (["Anneke", "Griet", "Liesl", "Hannelore"], ["Pieter", "Joost", "Dieter", "Wolfgang"], ["van den Heuvel", "ter Horst", "von Hagen", "Van Dyke", "de Vries", "Vander Zee", "Müller-Brandt"]),
    "arab": (["Yasmin", "Noor", "Rania", "Huda"], ["Tariq", "Mahmoud", "Karim", "Omar"], ["al-Masri", "El-Hashem", "Abu Khalil", "bin Hassan", "Haddad", "Nasrallah"]),
    "southasian": (["Lakshmi Priya", "Ananya", "Deepika", "Sai Lakshmi"], ["Sai Krishna", "Venkatesh", "Arjun", "Harpreet"], ["Venkataraman", "Raghunathan", "Chaudhary", "Sandhu", "Iyer"]),
    "japanese": (["Yūko", "Haruka", "Sachiko"], ["Kōji", "Shōta", "Hiroshi"], ["Saitō", "Kōno", "Ōtsuka", "Tanaka", "Yamamoto"]),
    "native": (["Winona", "Shandiin", "Tallulah"], ["Hosteen", "Dakota", "Ahiga"], ["Yazzie", "Begay", "Running Bear", "Tsosie", "Many Horses"]),
}
POOL_W = ["anglo"] * 5 + ["afam"] * 3 + ["hisp"] * 4 + ["viet"] * 2 + ["polish", "polish", "balkan", "baltic", "dutchger", "dutchger", "arab", "arab", "southasian", "southasian", "japanese", "native"]
MID_F = ["Ann", "Lynn", "Marie", "Jo", "Kay", "Renée", "Elaine"]
MID_M = ["Dean", "Earl", "Lee", "Thomas", "Wade", "André", "Paul"]
SUFF = ["Jr.", "Sr.", "II", "III", "IV", "Jr"]
NICK = {"Mary Beth": "Mary Beth", "Billy Ray": "Billy", "Jon Michael": "Jon", "Peggy Sue": "Peggy", "María Fernanda": "Fernanda", "José Luis": "Pepe", "Ana Lucía": "Ana",
        "Lakshmi Priya": "Priya", "Sai Krishna": "Sai", "Małgorzata": "Gosia", "Łukasz": "Łukasz", "Zdzisław": "Zdzich", "Juan Diego": "Juan Diego", "Anne Marie": "Anne Marie"}
STREETS = ["Cottonwood Bend", "W Juniper Hollow Rd", "Kestrel Ridge Dr", "Old Quarry Ln", "N Tamarind Ave", "Sweetgum Ct", "Larchmont Pkwy", "Bittersweet Trl", "E Fennimore St",
           "Dogwood Terrace", "Harbor View Rd", "County Road 14", "Millrace Way", "Basswood Cir", "S Ocotillo Loop"]
UNITS = ["", "", "", "", " Apt 4C", " Apt 211", " Unit B", " #9", " Lot 31", " Trlr 6"]
MAILDOMS = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "hotmail.com", "aol.com", "att.net", "proton.me", "charter.net", "msn.com"]
CITIES = {"MN": [("Little Falls", "56345"), ("Owatonna", "55060")], "KS": [("Emporia", "66801"), ("Hutchinson", "67501")], "OR": [("Corvallis", "97330"), ("The Dalles", "97058")],
          "PA": [("Altoona", "16601"), ("Williamsport", "17701")], "TN": [("Cookeville", "38501"), ("Jackson", "38301")], "ME": [("Bangor", "04401"), ("Rockland", "04841")],
          "FL": [("Ocala", "34471"), ("Sebring", "33870")], "NE": [("Kearney", "68847"), ("Grand Island", "68801")], "CO": [("Greeley", "80631"), ("Durango", "81301")],
          "NC": [("Hickory", "28601"), ("Boone", "28607")], "CA": [("Visalia", "93291"), ("Chico", "95926")], "WI": [("Fond du Lac", "54935"), ("Manitowoc", "54220")],
          "OH": [("Mansfield", "44902"), ("Lima", "45801")], "LA": [("Houma", "70360"), ("Opelousas", "70570")], "AZ": [("Prescott", "86301"), ("Kingman", "86401")],
          "NH": [("Concord", "03301"), ("Keene", "03431")], "IN": [("Kokomo", "46901"), ("Muncie", "47305")], "IA": [("Ottumwa", "52501"), ("Mason City", "50401")],
          "MT": [("Great Falls", "59401"), ("Bozeman", "59715")], "NM": [("Gallup", "87301"), ("Farmington", "87401")]}
AREA = {"MN": "320", "KS": "620", "OR": "541", "PA": "814", "TN": "931", "ME": "207", "FL": "352", "NE": "308", "CO": "970", "NC": "828", "CA": "559", "WI": "920",
        "OH": "419", "LA": "985", "AZ": "928", "NH": "603", "IN": "765", "IA": "641", "MT": "406", "NM": "505"}
CUR = {"state": None}

def phone(r, area=None, st=None):
    a = area or r.choice(list(AREA.values())); n = f"{r.randint(2, 9)}{dg(r, 2)}"; l = dg(r, 4)
    st = st or r.choice(["p", "p", "d", "d", "dot", "sp"])
    return {"p": f"({a}) {n}-{l}", "d": f"{a}-{n}-{l}", "dot": f"{a}.{n}.{l}", "sp": f"{a} {n} {l}"}[st]

class Person:
    def __init__(s, r, amin=18, amax=90, pool=None, sex=None, state=None, staff=False, days=None, family=None):
        s.pool = pool or r.choice(POOL_W); F, M, L = POOLS[s.pool]
        s.sex = sex or r.choice("FM")
        s.given = r.choice(F if s.sex == "F" else M)
        fam = family or r.choice(L)
        if "/" in fam: fam = fam.split("/")[0 if s.sex == "M" else 1]
        if not family and s.pool in ("anglo", "afam", "hisp") and r.random() < 0.12: fam += "-" + r.choice(["Reyes", "Whitaker", "Nguyen", "Lindqvist", "Obi", "Castro"])
        s.family = fam
        s.middle = (r.choice(MID_F if s.sex == "F" else MID_M) if r.random() < 0.45 else "") if " " not in s.given else ""
        s.suffix = r.choice(SUFF) if s.sex == "M" and not staff and r.random() < 0.13 else ""
        s.state = state or CUR["state"] or r.choice(list(AREA))
        if days is not None:
            s.age = 0; s.dob = TODAY - TD(days=days)
        else:
            s.age = r.randint(amin, amax); s.dob = D(TODAY.year - s.age, 1, 1) + TD(days=r.randint(0, 364))
            if s.dob > TODAY - TD(days=365 * s.age): s.dob = s.dob - TD(days=365)
        city, z = r.choice(CITIES[s.state]); s.city, s.zip = city, z
        s.street = f"{r.randint(3, 9899)} {r.choice(STREETS)}{r.choice(UNITS)}"
        s.phone = phone(r, AREA[s.state])
        g = re.sub(r"[^a-z]", "", asc(s.given).lower()) or "pt"; f = re.sub(r"[^a-z]", "", asc(s.family).lower()) or "x"
        s.email = r.choice([f"{g}.{f}", f"{g[0]}{f}{r.randint(1, 99)}", f"{f}.{g}{s.dob.year % 100:02d}", f"{g}{f[:4]}", f"{g}_{f}"]) + "@" + r.choice(MAILDOMS)
    def full(s): return " ".join(x for x in (s.given, s.middle, s.family) if x) + (f" {s.suffix}" if s.suffix else "")
    def gmf(s): return f"{s.given} {s.middle[0]+'. ' if s.middle else ''}{s.family}" + (f", {s.suffix}" if s.suffix else "")
    def lf(s): return f"{s.family}{' ' + s.suffix if s.suffix else ''}, {s.given}{' ' + s.middle[0] if s.middle else ''}"
    def LF(s): return s.lf().upper()
    def CAPS(s): return s.full().upper()
    def hl7(s): return f"{asc(s.family).upper()}^{asc(s.given).upper()}^{asc(s.middle[:1]).upper()}^{s.suffix.replace('.', '').upper()}".rstrip("^")
    def first(s): return NICK.get(s.given, s.given)
    def first_last(s): return f"{s.given} {s.family}"
    def title(s): return ("Mr. " if s.sex == "M" else "Ms. ") + s.family
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
    def he(s): return "she" if s.sex == "F" else "he"
    def his(s): return "her" if s.sex == "F" else "his"
    def him(s): return "her" if s.sex == "F" else "him"
def staffer(r, state=None): return Person(r, 24, 66, state=state, staff=True)
def cap(t): return t[:1].upper() + t[1:]

def luhn(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0: d *= 2; d = d - 9 if d > 9 else d
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn("80840" + b)
def ssn(r, st="d"):
    while True:
        a = r.randint(1, 899)
        if a != 666: break
    g, n = r.randint(1, 99), r.randint(1, 9999)
    if (a, g, n) in ((123, 45, 6789), (78, 5, 1120)): n += 1
    return {"d": f"{a:03d}-{g:02d}-{n:04d}", "s": f"{a:03d} {g:02d} {n:04d}", "n": f"{a:03d}{g:02d}{n:04d}"}[st]
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=None):
    an = MBI_A + "0123456789"
    x = f"{r.randint(1, 9)}{r.choice(MBI_A)}{r.choice(an)}{r.randint(0, 9)}{r.choice(MBI_A)}{r.choice(an)}{r.randint(0, 9)}{r.choice(MBI_A)}{r.choice(MBI_A)}{r.randint(0, 9)}{r.randint(0, 9)}"
    return f"{x[:4]}-{x[4:7]}-{x[7:]}" if (dash if dash is not None else r.random() < 0.35) else x
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def mrn(r): return r.choice([dg(r, 8), f"0{dg(r, 7)}", f"MR-{dg(r, 7)}", f"{dg(r, 3)}-{dg(r, 3)}-{dg(r, 3)}", f"K{dg(r, 8)}", f"{dg(r, 7)}{r.choice('ABX')}"])
def memid(r): return r.choice([f"PMH{dg(r, 9)}", f"{r.choice('QWZ')}{r.choice('RKX')}{dg(r, 8)}-0{r.randint(1, 4)}", f"{dg(r, 11)}", f"PM {dg(r, 3)} {dg(r, 3)} {dg(r, 3)}", f"H{dg(r, 8)}0{r.randint(1, 3)}"])
def medicaid(r): return r.choice([dg(r, 10), f"{r.choice('ABCDEFGH')}{r.choice('JKLMNP')}{dg(r, 6)}{r.choice('QRSTUV')}", f"MA{dg(r, 9)}"])
def acct(r): return r.choice([dg(r, 10), f"HAR {dg(r, 9)}", f"FIN {dg(r, 9)}", f"CSN {dg(r, 10)}", f"ENC{dg(r, 8)}", f"V{dg(r, 9)}"])
def claimno(r): return r.choice([dg(r, 15), f"CLM-{TODAY.year}-{dg(r, 7)}", f"{dg(r, 2)}{TODAY.year % 100}{dg(r, 3)}{dg(r, 6)}", f"P{dg(r, 11)}"])
def inmate(r): return r.choice([f"KCD-{dg(r, 6)}", f"{dg(r, 7)}", f"BK{TODAY.year % 100}-{dg(r, 5)}"])
def tin(r): return f"{r.choice(['23', '25', '38', '41', '46', '62', '71', '84', '87', '93'])}-{dg(r, 7)}"

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def fd(d, st="mdy"):
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/y": f"{d.month}/{d.day}/{d.year}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "iso": f"{d:%Y-%m-%d}", "d-Mon-y": f"{d.day:02d}-{MON[d.month-1][:3]}-{d.year}",
            "Month d, y": f"{MON[d.month-1]} {d.day}, {d.year}", "Mon d, y": f"{MON[d.month-1][:3]} {d.day}, {d.year}", "ymd8": f"{d:%Y%m%d}", "d Month y": f"{d.day} {MON[d.month-1]} {d.year}",
            "dMONy": f"{d.day:02d}{MON[d.month-1][:3].upper()}{d.year}", "m-d-y": f"{d:%m-%d-%Y}", "sp": f"{d:%m %d %Y}", "born": f"born {d.day} {MON[d.month-1]} {d.year}",
            "m/d": f"{d.month}/{d.day}", "esn": f"{d.day} de {MES[d.month-1]} de {d.year}", "wd": f"{WD[d.weekday()]}, {MON[d.month-1]} {d.day}, {d.year}", "m.d.y": f"{d:%m.%d.%Y}"}[st]
DOB_ST = ["mdy", "mdy", "mdy", "m/d/y", "m/d/yy", "iso", "d-Mon-y", "Month d, y", "Mon d, y", "ymd8", "d Month y", "dMONy", "m-d-y", "sp", "m.d.y"]
def dob(r, p, st=None): return fd(p.dob, st or r.choice(DOB_ST))
def recent(r, back=30, fwd=0): return TODAY - TD(days=r.randint(-fwd, back))
def future(r, a=2, b=40): return TODAY + TD(days=r.randint(a, b))
def clock(r): return f"{r.randint(1, 12)}:{r.choice(['00', '05', '10', '15', '25', '30', '40', '45', '55'])} {r.choice(['AM', 'PM'])}"
def hhmm(r): return f"{r.randint(0, 23):02d}{r.choice(['02', '14', '27', '33', '41', '58'])}"
def money(v): return f"${v:,.2f}"

# ================================================================== organisations
class Org:
    def __init__(s, r, name, short, dom, kind, state, street, ehr, color):
        s.name, s.short, s.dom, s.kind, s.state, s.street, s.ehr, s.color = name, short, dom, kind, state, street, ehr, color
        s.city, s.zip = r.choice(CITIES[state]); s.area = AREA[state]
        s.phone = phone(r, s.area, "p"); s.fax = phone(r, s.area, "p"); s.npi = npi(r); s.tin = tin(r); s.clia = f"{r.randint(10, 52):02d}D{dg(r, 7)}"
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
ORG_DEFS = [
    ("Bramblewood Cancer & Infusion Center", "Bramblewood Cancer", "bramblewoodcancer.org", "onc", "MN", "2200 Riverbend Pkwy, Suite 300", "Epic Beacon", "#6a1b9a"),
    ("Tallgrass Transplant Institute", "Tallgrass Transplant", "tallgrasstransplant.org", "transplant", "KS", "901 E Prairie Ave", "Epic Phoenix", "#00695c"),
    ("Larkspur Children's Hospital", "Larkspur Children's", "larkspurchildrens.org", "nicu", "OR", "4400 SW Alder Crest Rd", "Cerner PowerChart", "#0277bd"),
    ("Ironbridge Orthopedic & Spine", "Ironbridge Ortho", "ironbridgeortho.com", "ortho", "PA", "1750 Furnace St", "ModMed", "#37474f"),
    ("Meridian Heart Rhythm Clinic", "Meridian Heart Rhythm", "meridianrhythm.com", "cardio", "TN", "615 Cumberland Medical Dr", "Paceart Optima", "#c62828"),
    ("Quiet Harbor Sleep Center", "Quiet Harbor Sleep", "quietharborsleep.com", "sleep", "ME", "38 Lighthouse Rd", "Sleepware G3", "#283593"),
    ("Clearwater Hearing & Balance", "Clearwater Hearing", "clearwaterhearing.com", "audio", "FL", "1120 SE Silver Springs Blvd", "Noah 4", "#00838f"),
    ("Sandhill Eye Institute", "Sandhill Eye", "sandhilleye.com", "eye", "NE", "3100 2nd Ave", "Nextech", "#2e7d32"),
    ("Cornerstone Rehabilitation (PT/OT)", "Cornerstone Rehab", "cornerstonerehab.net", "rehab", "CO", "870 W 10th St", "WebPT", "#ef6c00"),
    ("Willowmere Women's & Lactation Center", "Willowmere Women's", "willowmerewomens.org", "women", "NC", "505 Blowing Rock Rd", "athenaOne", "#ad1457"),
    ("Pinecrest Unified School District - Health Services", "Pinecrest USD Health", "pinecrestusd.k12.ca.us", "school", "CA", "1900 W Caldwell Ave", "SNAP Health Center", "#558b2f"),
    ("Kettle County Detention Health Services", "Kettle County Detention Health", "kettlecountywi.gov", "corr", "WI", "150 N Macy St", "CorEMR", "#424242"),
    ("Amberfield Skilled Nursing & Rehabilitation", "Amberfield SNF", "amberfieldcare.com", "snf", "OH", "2750 Springmill Rd", "PointClickCare", "#8d6e63"),
    ("Blue Heron Home Health", "Blue Heron Home Health", "blueheronhh.com", "home", "LA", "412 Canal Blvd", "HCHB", "#1565c0"),
    ("Nimbus Telehealth Partners", "Nimbus Telehealth", "nimbustelehealth.com", "tele", "AZ", "225 N Cortez St, Suite 5", "Amwell", "#5e35b1"),
    ("Granite Peak Regional Medical Center", "Granite Peak Regional", "granitepeakrmc.org", "hosp", "NH", "250 Pleasant St", "Epic", "#1a237e"),
    ("Tri-County Reference Laboratory & Pathology", "Tri-County Reference Lab", "tricountyreflab.com", "lab", "IN", "3300 S Webster St", "Sunquest", "#4e342e"),
    ("Prairie Mutual Health Plan", "Prairie Mutual", "prairiemutualhp.com", "payer", "IA", "600 E Main St", "HealthEdge", "#00796b"),
    ("Keystone Revenue Recovery", "Keystone Revenue", "keystonerevrecovery.com", "collect", "PA", "88 Market Sq", "Artiva", "#455a64"),
    ("Halvorsen Forensic Psychiatry Associates", "Halvorsen Forensic", "halvorsenforensic.com", "forensic", "MT", "19 3rd St NW", "TheraNest", "#6d4c41"),
]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDOR_DEFS = [("Northgate Biomedical Services", "Northgate Biomed", "northgatebiomed.com", "vendor", "IN", "77 Industrial Pkwy", "ServiceNow", "#555555"),
               ("Cobalt Interface Systems", "Cobalt Interface", "cobaltinterface.io", "vendor", "CO", "1600 Wynkoop St", "Jira", "#0d47a1"),
               ("Silverline Medical Supply", "Silverline Supply", "silverlinemed.com", "vendor", "TN", "400 Distribution Dr", "SAP", "#607d8b"),
               ("Evergreen Secure Shred", "Evergreen Shred", "evergreenshred.com", "vendor", "OR", "9 Mill Rd", "QuickBooks", "#33691e")]
VENDORS = [Org(R, *d) for d in VENDOR_DEFS]
BYK = {}
for _o in ORGS: BYK.setdefault(_o.kind, []).append(_o)
def org(r, kinds=None):
    o = r.choice([x for x in ORGS if kinds is None or x.kind in kinds]); return o
class Clin:
    def __init__(s, r, state=None, cred=None):
        p = Person(r, 30, 68, state=state, staff=True); s.p = p; s.given, s.family = p.given, p.family
        s.cred = cred or r.choice(["MD", "MD", "DO", "MD, FACS", "NP", "PA-C", "MD, PhD"]); s.npi = npi(r)
    def dr(s): return (f"Dr. {s.family}" if "MD" in s.cred or "DO" in s.cred else f"{s.given} {s.family}, {s.cred}")
    def full(s): return f"{s.given} {s.family}, {s.cred}"

# ================================================================== clinical scenarios (kind -> list)
def S(code, dx, lay, es, drug, test, result, plan, sex=None, amin=18, amax=88):
    return dict(code=code, dx=dx, lay=lay, es=es, drug=drug, test=test, result=result, plan=plan, sex=sex, amin=amin, amax=amax)
SC = {
 "onc": [S("C50.912", "malignant neoplasm of unspecified site of left female breast", "breast cancer", "cáncer de mama", "paclitaxel 80 mg/m2 IV weekly", "CBC with differential", "ANC 1.1 K/uL", "hold week 6 and recheck counts Monday", "F", 34, 79),
         S("C18.7", "malignant neoplasm of sigmoid colon", "colon cancer", "cáncer de colon", "FOLFOX (oxaliplatin 85 mg/m2)", "CEA", "CEA 14.2 ng/mL, up from 6.1", "restaging CT chest/abdomen/pelvis before cycle 8", None, 40, 82),
         S("C83.30", "diffuse large B-cell lymphoma, unspecified site", "lymphoma", "linfoma", "R-CHOP cycle 4", "LDH", "LDH 412 U/L", "interim PET-CT after cycle 4"),
         S("C61", "malignant neoplasm of prostate", "prostate cancer", "cáncer de próstata", "leuprolide 22.5 mg IM every 12 weeks", "PSA", "PSA 0.4 ng/mL", "continue androgen deprivation; PSA in 3 months", "M", 55, 88)],
 "transplant": [S("Z94.0", "kidney transplant status", "kidney transplant", "trasplante de riñón", "tacrolimus 3 mg twice daily", "tacrolimus trough", "tacrolimus trough 11.8 ng/mL (goal 6-8)", "reduce tacrolimus to 2 mg twice daily and repeat trough in 5 days"),
                S("K74.60", "unspecified cirrhosis of liver", "liver transplant evaluation", "evaluación para trasplante de hígado", "lactulose 20 g three times daily", "MELD-Na", "MELD-Na 24", "present at selection committee"),
                S("T86.11", "kidney transplant rejection", "kidney transplant rejection", "rechazo del trasplante renal", "methylprednisolone 500 mg IV daily x3", "transplant kidney biopsy", "Banff grade IA acute T-cell-mediated rejection", "pulse steroids and repeat creatinine daily"),
                S("Z94.1", "heart transplant status", "heart transplant", "trasplante de corazón", "mycophenolate 1000 mg twice daily", "endomyocardial biopsy", "ISHLT grade 1R", "no change in immunosuppression; next biopsy in 4 weeks")],
 "nicu": [S("P07.32", "preterm newborn, gestational age 29 completed weeks", "prematurity (29 weeks)", "prematuridad", "caffeine citrate 5 mg/kg daily", "head ultrasound", "grade I germinal matrix hemorrhage on the left", "repeat head ultrasound at 36 weeks corrected"),
          S("P22.0", "respiratory distress syndrome of newborn", "respiratory distress", "síndrome de dificultad respiratoria", "surfactant (poractant alfa) x2 doses", "chest X-ray", "improved aeration, no air leak", "wean CPAP to room air as tolerated"),
          S("P59.9", "neonatal jaundice, unspecified", "newborn jaundice", "ictericia neonatal", "phototherapy", "total serum bilirubin", "TSB 14.2 mg/dL at 60 hours", "recheck bilirubin in 24 hours after phototherapy"),
          S("P07.15", "other low birth weight newborn, 1250-1499 grams", "low birth weight", "bajo peso al nacer", "fortified donor milk 24 kcal/oz", "weight check", "weight 1,610 g, up 28 g/day", "advance feeds to 160 mL/kg/day")],
 "ortho": [S("M17.11", "unilateral primary osteoarthritis, right knee", "right knee arthritis", "artrosis de rodilla", "celecoxib 200 mg daily", "standing knee X-rays", "bone-on-bone medial compartment narrowing", "right total knee arthroplasty"),
           S("S72.001A", "fracture of unspecified part of neck of right femur, initial encounter", "hip fracture", "fractura de cadera", "enoxaparin 40 mg SC daily", "hip X-ray", "displaced femoral neck fracture", "right hip hemiarthroplasty", None, 62, 96),
           S("M75.121", "complete rotator cuff tear or rupture of right shoulder, not specified as traumatic", "rotator cuff tear", "desgarro del manguito rotador", "acetaminophen 1 g every 8 hours", "shoulder MRI", "full-thickness supraspinatus tear with 2 cm retraction", "arthroscopic rotator cuff repair"),
           S("S82.61XA", "displaced fracture of lateral malleolus of right fibula, initial encounter", "ankle fracture", "fractura de tobillo", "oxycodone 5 mg every 6 hours as needed (12 tablets)", "ankle X-ray", "displaced Weber B fracture", "open reduction internal fixation")],
 "cardio": [S("Z95.0", "presence of cardiac pacemaker", "pacemaker", "marcapasos", "metoprolol succinate 25 mg daily", "device interrogation", "RV pacing 38%, battery 7.5 years", "routine remote checks every 91 days"),
            S("Z95.810", "presence of automatic (implantable) cardiac defibrillator", "implanted defibrillator", "desfibrilador implantado", "amiodarone 200 mg daily", "ICD interrogation", "one appropriate shock for VT at 214 bpm", "increase amiodarone; EP clinic in 1 week"),
            S("I48.91", "unspecified atrial fibrillation", "atrial fibrillation", "fibrilación auricular", "apixaban 5 mg twice daily", "loop recorder download", "AF burden 22%", "discuss ablation"),
            S("I49.5", "sick sinus syndrome", "sick sinus syndrome", "síndrome del seno enfermo", "none new", "Holter monitor", "pauses up to 4.2 seconds", "dual-chamber pacemaker implant")],
 "sleep": [S("G47.33", "obstructive sleep apnea (adult) (pediatric)", "sleep apnea", "apnea del sueño", "CPAP 10 cm H2O", "polysomnography", "AHI 38 events/hour, nadir SpO2 79%", "CPAP titration study"),
           S("G47.411", "narcolepsy with cataplexy", "narcolepsy", "narcolepsia", "sodium oxybate 4.5 g nightly", "MSLT", "mean sleep latency 3.1 minutes with 3 SOREMPs", "start sodium oxybate through the REMS program"),
           S("G47.61", "periodic limb movement disorder", "periodic limb movements", "movimientos periódicos de las extremidades", "ferrous sulfate 325 mg daily", "polysomnography", "PLM index 41/hour, ferritin 28 ng/mL", "iron repletion and recheck ferritin")],
 "audio": [S("H90.3", "sensorineural hearing loss, bilateral", "hearing loss", "pérdida auditiva", "none", "comprehensive audiogram", "moderate to moderately severe sloping sensorineural loss, word recognition 72% right / 64% left", "bilateral hearing aid fitting"),
           S("H93.11", "tinnitus, right ear", "tinnitus", "tinnitus (zumbido)", "none", "audiogram and tympanometry", "asymmetric 25 dB loss at 4 kHz on the right", "MRI internal auditory canals"),
           S("H65.23", "chronic serous otitis media, bilateral", "fluid behind the ears", "otitis media serosa", "none", "tympanometry", "type B tympanograms bilaterally", "ENT referral for tubes", None, 2, 9)],
 "eye": [S("H35.3211", "exudative age-related macular degeneration, right eye, with active choroidal neovascularization", "wet macular degeneration", "degeneración macular húmeda", "aflibercept 2 mg intravitreal, right eye", "OCT macula", "subretinal fluid improved, central thickness 298 microns", "next injection in 6 weeks", None, 62, 92),
         S("E11.3513", "type 2 diabetes mellitus with proliferative diabetic retinopathy with macular edema, bilateral", "diabetic eye disease", "retinopatía diabética", "bevacizumab 1.25 mg intravitreal", "fluorescein angiography", "neovascularization of the disc in both eyes", "panretinal photocoagulation, left eye first"),
         S("H40.1131", "primary open-angle glaucoma, bilateral, mild stage", "glaucoma", "glaucoma", "latanoprost 0.005% one drop both eyes at bedtime", "visual field 24-2", "early superior arcuate defect OS", "IOP check in 3 months")],
 "rehab": [S("I69.351", "hemiplegia and hemiparesis following cerebral infarction affecting right dominant side", "right-sided weakness after stroke", "debilidad después de un derrame", "none", "Fugl-Meyer upper extremity", "Fugl-Meyer UE 38/66", "OT 3x/week for 6 weeks"),
           S("M54.50", "low back pain, unspecified", "low back pain", "dolor lumbar", "naproxen 500 mg twice daily", "Oswestry Disability Index", "ODI 42%", "PT 2x/week for 4 weeks"),
           S("S83.511A", "sprain of anterior cruciate ligament of right knee, initial encounter", "ACL tear", "lesión de ligamento cruzado", "none", "knee range of motion", "flexion 118 degrees, extension lag 3 degrees", "progress to closed-chain strengthening")],
 "women": [S("O24.419", "gestational diabetes mellitus in pregnancy, unspecified control", "gestational diabetes", "diabetes gestacional", "insulin NPH 8 units at bedtime", "glucose log review", "fasting values 98-112 mg/dL", "nutrition follow-up in 1 week", "F", 19, 43),
           S("O92.79", "other disorders of lactation", "low milk supply", "baja producción de leche", "domperidone (not recommended) - declined", "weighted feed", "transfer 22 mL left breast", "pump after feeds 8x/day and recheck weight in 2 days", "F", 18, 42),
           S("E66.01", "morbid (severe) obesity due to excess calories", "weight management", "control de peso", "semaglutide 1 mg weekly", "body composition", "BMI 41.3", "1,600 kcal plan with 90 g protein", "F", 22, 64)],
 "school": [S("J45.40", "moderate persistent asthma, uncomplicated", "asthma", "asma", "albuterol HFA 2 puffs as needed", "peak flow", "peak flow 210 L/min (62% of personal best)", "parent to pick up; follow up with PCP", None, 6, 17),
            S("T78.01XA", "anaphylactic reaction due to peanuts, initial encounter", "peanut allergy", "alergia al cacahuate", "epinephrine 0.3 mg auto-injector", "observation", "hives and wheeze resolved after epinephrine", "transported by EMS", None, 6, 17),
            S("E10.9", "type 1 diabetes mellitus without complications", "type 1 diabetes", "diabetes tipo 1", "insulin lispro by carb ratio 1:15", "fingerstick glucose", "glucose 52 mg/dL before lunch", "15 g fast carbs, recheck in 15 minutes", None, 6, 17),
            S("G40.909", "epilepsy, unspecified, not intractable, without status epilepticus", "seizure disorder", "epilepsia", "levetiracetam 500 mg twice daily", "seizure log", "2-minute generalized seizure in PE class", "parent notified; neurology aware", None, 6, 17)],
 "corr": [S("F11.20", "opioid dependence, uncomplicated", "opioid use disorder", "trastorno por consumo de opioides", "buprenorphine/naloxone 8/2 mg daily", "COWS score", "COWS 11 at intake", "continue MOUD; community bridge appointment at release"),
          S("B20", "human immunodeficiency virus [HIV] disease", "HIV", "VIH", "bictegravir/emtricitabine/tenofovir AF daily", "HIV viral load", "viral load <20 copies/mL, CD4 612", "continue ART; linkage to ID clinic at release"),
          S("F20.9", "schizophrenia, unspecified", "schizophrenia", "esquizofrenia", "paliperidone palmitate 156 mg IM monthly", "mental status exam", "no acute psychosis, adherent to injections", "continue; psychiatry follow-up in 30 days"),
          S("E11.65", "type 2 diabetes mellitus with hyperglycemia", "diabetes", "diabetes", "metformin 1000 mg twice daily", "hemoglobin A1c", "A1c 10.4%", "add basal insulin glargine 10 units")],
 "snf": [S("I63.9", "cerebral infarction, unspecified", "stroke", "derrame cerebral", "clopidogrel 75 mg daily", "swallow study", "mechanical soft diet with thin liquids", "continue PT/OT/SLP", None, 65, 98),
         S("L89.153", "pressure ulcer of sacral region, stage 3", "sacral pressure injury", "úlcera por presión", "collagenase ointment daily", "wound measurement", "4.1 x 3.2 x 0.6 cm, 20% slough", "low-air-loss mattress and turn every 2 hours", None, 65, 98),
         S("F03.90", "unspecified dementia, unspecified severity, without behavioral disturbance", "dementia", "demencia", "donepezil 10 mg at bedtime", "BIMS", "BIMS 6/15", "memory care unit evaluation", None, 70, 99),
         S("J18.9", "pneumonia, unspecified organism", "pneumonia", "neumonía", "ceftriaxone 1 g IV daily x5 days", "chest X-ray", "right lower lobe infiltrate", "repeat chest X-ray in 6 weeks", None, 65, 98)],
 "home": [S("I50.32", "chronic diastolic (congestive) heart failure", "heart failure", "insuficiencia cardíaca", "furosemide 40 mg twice daily", "daily weight", "weight up 3.2 lb in 2 days", "called cardiology; extra furosemide dose today", None, 55, 95),
          S("J44.1", "chronic obstructive pulmonary disease with (acute) exacerbation", "COPD flare", "EPOC", "prednisone 40 mg daily x5 days", "pulse oximetry", "SpO2 88% on 2 L", "nurse visit daily x3", None, 55, 95),
          S("Z96.651", "presence of right artificial knee joint", "after knee replacement", "después del reemplazo de rodilla", "apixaban 2.5 mg twice daily x35 days", "knee range of motion", "flexion 95 degrees", "home PT 3x/week", None, 55, 90)],
 "tele": [S("J02.9", "acute pharyngitis, unspecified", "sore throat", "dolor de garganta", "amoxicillin 500 mg twice daily x10 days", "home rapid strep test", "positive", "recheck if not better in 72 hours", None, 18, 70),
          S("N39.0", "urinary tract infection, site not specified", "urinary tract infection", "infección urinaria", "nitrofurantoin 100 mg twice daily x5 days", "symptom review", "dysuria and frequency, no fever or flank pain", "culture at retail lab", "F", 18, 70),
          S("F41.1", "generalized anxiety disorder", "anxiety", "ansiedad", "sertraline 50 mg daily", "GAD-7", "GAD-7 15", "video follow-up in 4 weeks", None, 18, 70),
          S("L03.115", "cellulitis of right lower limb", "leg cellulitis", "celulitis", "cephalexin 500 mg four times daily x7 days", "photo review", "8 cm area of erythema, margins marked", "in-person visit if spreading past the line", None, 18, 80)],
 "hosp": [S("E87.5", "hyperkalemia", "high potassium", "potasio alto", "sodium zirconium cyclosilicate 10 g", "potassium", "K 6.8 mmol/L (hemolysis absent)", "ECG now, calcium gluconate, repeat K in 2 hours"),
          S("D69.6", "thrombocytopenia, unspecified", "low platelets", "plaquetas bajas", "heparin stopped", "platelet count", "platelets 18 K/uL", "HIT antibody sent, switch to argatroban"),
          S("R78.81", "bacteremia", "bloodstream infection", "bacteriemia", "vancomycin per pharmacy", "blood culture", "gram-positive cocci in clusters in 2 of 2 bottles", "ID consult and repeat cultures"),
          S("I21.4", "non-ST elevation (NSTEMI) myocardial infarction", "heart attack", "infarto", "heparin drip, aspirin 81 mg", "high-sensitivity troponin", "hs-troponin I 1,840 ng/L", "cardiac catheterization in the morning"),
          S("T40.2X1A", "poisoning by other opioids, accidental (unintentional), initial encounter", "opioid overdose", "sobredosis de opioides", "naloxone 4 mg intranasal x2", "urine drug screen", "positive for fentanyl", "naloxone kit and bridge clinic referral")],
}
SC["lab"] = SC["hosp"] + SC["onc"][:2]
SC["payer"] = SC["ortho"] + SC["sleep"] + SC["onc"] + SC["eye"]
SC["collect"] = SC["ortho"] + SC["hosp"] + SC["tele"]
SC["forensic"] = [S("F20.9", "schizophrenia, unspecified", "schizophrenia", "esquizofrenia", "olanzapine 10 mg at bedtime", "competency interview", "does not presently understand the charges", "restoration treatment recommended"),
                  S("F43.10", "post-traumatic stress disorder, unspecified", "PTSD", "trastorno de estrés postraumático", "prazosin 2 mg at bedtime", "CAPS-5", "CAPS-5 severity score 44", "trauma-focused therapy"),
                  S("F31.2", "bipolar disorder, current episode manic severe with psychotic features", "bipolar disorder", "trastorno bipolar", "lithium 600 mg twice daily", "lithium level", "lithium 0.4 mmol/L", "inpatient stabilization")]

class Case:
    def __init__(s, r, kinds=None, o=None, scen=None, days=None):
        s.o = o or org(r, kinds); CUR["state"] = s.o.state
        s.s = scen or r.choice(SC[s.o.kind] if s.o.kind in SC else SC["hosp"])
        if s.o.kind == "nicu" and days is None: days = r.randint(3, 70)
        s.p = Person(r, s.s["amin"], s.s["amax"], sex=s.s["sex"], state=s.o.state, days=days)
        s.mrn, s.mem, s.acct, s.claim = mrn(r), memid(r), acct(r), claimno(r)
        s.mbi = mbi(r); s.code, s.dx, s.lay = s.s["code"], s.s["dx"], s.s["lay"]
        s.dt = recent(r, 20); s.clin = Clin(r, s.o.state); s.insurer = r.choice(["Prairie Mutual Health Plan", "Medicare Part B", "Medicaid (state plan)", "Aetna", "Cigna", "UnitedHealthcare", "BCBS", "Humana Medicare Advantage", "TRICARE"])

# ================================================================== document model
class Doc:
    """blocks: ("h", text) ("p", text) ("kv", [(label, value)]) ("tbl", hdr, rows) ("two", pairsL, pairsR, capL, capR) ("cols2", [paras])
    ("bul", [items]) ("pre", text) ("sig", text) ("fax", pairs, note)"""
    def __init__(s, cat, title, o, blocks, kind="doc", subject=None, to=None, runhead=None, foot=None, lang="en", table=None):
        s.cat, s.title, s.o, s.blocks, s.kind, s.subject, s.to, s.runhead, s.foot, s.lang, s.table = cat, title, o, blocks, kind, subject, to, runhead, foot, lang, table
    def cut(s, n):
        d = copy.copy(s); nb = []; paras = 0
        for b in s.blocks:
            if b[0] == "tbl": nb.append(("tbl", b[1], b[2][:n]))
            elif b[0] == "pre": nb.append(("pre", "\n".join(b[1].split("\n")[:max(10, n * 5)])))
            elif b[0] == "fax" and n <= 2: continue   # last resort: drop the cover sheet
            elif b[0] in ("p", "bul", "cols2"):
                paras += 1
                if paras <= n: nb.append(b if b[0] != "bul" else ("bul", b[1][:n]))
            else: nb.append(b)
        d.blocks = nb
        if s.table: d.table = (s.table[0], s.table[1][:n])
        return d
def cs(v, dfmt="mdy"):
    if isinstance(v, dtm.datetime): return f"{v:%m/%d/%Y %H:%M}"
    if isinstance(v, D): return fd(v, dfmt)
    if isinstance(v, float): return f"{v:,.2f}"
    return "" if v is None else str(v)
def wrap_table(hdr, rows, width, dfmt="mdy"):
    n = len(hdr); strs = [[cs(v, dfmt) for v in row] for row in [hdr] + list(rows)]
    w = [max(len(x[i]) for x in strs) for i in range(n)]; avail = width - 3 * (n - 1)
    while sum(w) > avail and max(w) > 6: i = w.index(max(w)); w[i] -= 1
    out = []
    for k, row in enumerate(strs):
        cells = [textwrap.wrap(v, w[i]) or [""] for i, v in enumerate(row)]
        for j in range(max(map(len, cells))): out.append(" | ".join((c[j] if j < len(c) else "").ljust(w[i]) for i, c in enumerate(cells)).rstrip())
        if k == 0: out.append("-+-".join("-" * x for x in w))
    return out
def render_text(r, doc, title=True, w=None):
    st = r.randrange(4); out = []; dfmt = r.choice(["mdy", "mdy", "m/d/y", "iso"])
    W = w or r.choice([None, None, 76, 72])
    def para(t): return textwrap.fill(t, W) if W else t
    if title and doc.title: out += [doc.title.upper() if st % 2 else doc.title, ("=" if st < 2 else "-") * min(len(doc.title), 72), ""]
    if doc.runhead and r.random() < 0.5: out += [doc.runhead, ""]
    for b in doc.blocks:
        k = b[0]
        if k == "h": out += [(b[1].upper() + (":" if st == 3 else "")) if st in (1, 3) else f"{b[1]}", ""]
        elif k == "p": out += [para(b[1]), ""]
        elif k == "kv":
            kst = r.randrange(4); lw = max(len(l) for l, _ in b[1]) + 2
            for l, v in b[1]:
                v = cs(v, dfmt)
                out.append({0: f"{l}: {v}", 1: f"{(l + ':').ljust(lw)} {v}", 2: f"{l.upper()}: {v}", 3: f"{l} - {v}"}[kst])
            out.append("")
        elif k == "two":
            for cap_, pairs in ((b[3], b[1]), (b[4], b[2])):
                if cap_: out.append(cap_.upper() if st % 2 else cap_)
                out += [f"  {l}: {cs(v, dfmt)}" for l, v in pairs]
            out.append("")
        elif k == "tbl":
            if r.random() < 0.6: out += wrap_table(b[1], b[2], r.choice([96, 110, 132]), dfmt)
            else: out += [" | ".join(b[1])] + [" | ".join(cs(v, dfmt) for v in row) for row in b[2]]
            out.append("")
        elif k == "cols2": out += [x for t in b[1] for x in (para(t), "")]
        elif k == "bul": out += [("- " if st < 2 else "* ") + t for t in b[1]] + [""]
        elif k == "pre": out += [b[1], ""]
        elif k == "sig": out += [b[1], ""]
        elif k == "fax": out += ["FAX COVER SHEET"] + [f"{l}: {cs(v)}" for l, v in b[1]] + [b[2], "", "-" * 40, ""]
    if doc.foot and r.random() < 0.4: out += ["", doc.foot]
    return "\n".join(out).rstrip() + "\n"
def render_html(r, doc, head_html="", tail_html="", for_print=False):
    o = doc.o; col = o.color if o else "#333333"; font = r.choice(["Calibri,Arial,sans-serif", "Segoe UI,Helvetica,sans-serif", "Georgia,serif", "Verdana,sans-serif"])
    h = [f'<html><head><meta charset="utf-8"><title>{hx(doc.title or doc.cat)}</title></head><body style="font-family:{font};font-size:{r.choice(["10pt", "11pt", "10.5pt"])}">', head_html]
    if for_print and o:
        h.append(f'<table width="100%" style="border-bottom:2px solid {col}"><tr><td style="color:{col};font-size:15pt"><b>{hx(o.name)}</b></td><td style="font-size:8pt">{hx(o.addr())}</td>'
                 f'<td style="font-size:8pt" align="right">Tel {hx(o.phone)}<br>Fax {hx(o.fax)}<br>www.{hx(o.dom)}</td></tr></table>')
    if doc.runhead and (for_print or r.random() < 0.4): h.append(f'<p align="right" style="font-size:8pt"><b>{hx(doc.runhead)}</b></p>')
    if doc.title: h.append(f'<h2 style="color:{col}">{hx(doc.title)}</h2>')
    for b in doc.blocks:
        k = b[0]
        if k == "h": h.append(f"<h3>{hx(b[1])}</h3>")
        elif k == "p": h.append(f"<p>{hx(b[1])}</p>")
        elif k == "kv":
            if r.random() < 0.5: h.append('<table cellpadding="3" style="border-collapse:collapse">' + "".join(f'<tr><th align="left" style="background:#eeeeee">{hx(l)}</th><td>{hx(cs(v))}</td></tr>' for l, v in b[1]) + "</table>")
            else: h.append("<p>" + "<br>".join(f"<b>{hx(l)}:</b> {hx(cs(v))}" for l, v in b[1]) + "</p>")
        elif k == "two":
            cell = lambda cap_, pairs: (f"<b>{hx(cap_)}</b><br>" if cap_ else "") + "<br>".join(f"{hx(l)}: {hx(cs(v))}" for l, v in pairs)
            h.append(f'<table width="100%" cellpadding="4" style="border:1px solid #999"><tr><td width="50%" valign="top">{cell(b[3], b[1])}</td><td valign="top">{cell(b[4], b[2])}</td></tr></table>')
        elif k == "tbl":
            h.append(f'<table border="1" cellpadding="3" style="border-collapse:collapse;font-size:9pt"><tr style="background:{col};color:#ffffff">' + "".join(f"<th>{hx(x)}</th>" for x in b[1]) + "</tr>" +
                     "".join(f'<tr{" style=background:#f3f3f3" if i % 2 else ""}>' + "".join(f"<td>{hx(cs(v))}</td>" for v in row) + "</tr>" for i, row in enumerate(b[2])) + "</table>")
        elif k == "cols2":
            half = (len(b[1]) + 1) // 2
            h.append('<table width="100%" cellpadding="6"><tr>' + "".join('<td width="50%" valign="top">' + "".join(f"<p>{hx(t)}</p>" for t in part) + "</td>" for part in (b[1][:half], b[1][half:])) + "</tr></table>")
        elif k == "bul": h.append("<ul>" + "".join(f"<li>{hx(t)}</li>" for t in b[1]) + "</ul>")
        elif k == "pre": h.append(f'<pre style="font-size:8pt">{hx(b[1])}</pre>')
        elif k == "sig": h.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif k == "fax":
            h.append(f'<h1>FAX</h1><table border="1" cellpadding="4" style="border-collapse:collapse">' + "".join(f"<tr><th align=left>{hx(l)}</th><td>{hx(cs(v))}</td></tr>" for l, v in b[1]) + f"</table><p><i>{hx(b[2])}</i></p>" +
                     ('<p style="page-break-after:always"></p>' if for_print else "<hr>"))
    if doc.foot: h.append(f'<p style="font-size:7.5pt;color:#666666">{hx(doc.foot)}</p>')
    h += [tail_html, "</body></html>"]
    return "\n".join(x for x in h if x)

# ================================================================== logos and PDF helpers
_LOGO = {}
def logo_png(o, style=0, w=240, h=64):
    key = (o.short, style)
    if key in _LOGO: return _LOGO[key]
    from PIL import Image, ImageDraw, ImageFont
    c = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    im = Image.new("RGB", (w, h), (255, 255, 255)); dr = ImageDraw.Draw(im)
    f1 = ImageFont.truetype(DJB, 20); f2 = ImageFont.truetype(DJ, 10)
    ini = "".join(x[0] for x in re.findall(r"[A-Z][a-z]+", o.short)[:2]) or o.short[:2]
    if style == 0: dr.ellipse((4, 6, 56, 58), fill=c); dr.text((14, 20), ini, fill=(255, 255, 255), font=f1); dr.text((64, 14), o.short[:20], fill=c, font=f1 if len(o.short) < 14 else f2)
    elif style == 1: dr.rectangle((0, 0, w, 12), fill=c); dr.text((6, 20), o.short[:22], fill=c, font=f1 if len(o.short) < 16 else f2); dr.text((6, 46), o.dom, fill=(90, 90, 90), font=f2)
    else: dr.polygon([(4, 58), (30, 6), (56, 58)], fill=c); dr.text((64, 10), o.short[:22], fill=(40, 40, 40), font=f2); dr.text((64, 30), "Care you can reach", fill=c, font=f2)
    b = io.BytesIO(); im.save(b, "PNG"); _LOGO[key] = b.getvalue(); return _LOGO[key]
def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 99
def norm_pdf(data, key):
    """LibreOffice and Ghostscript stamp wall-clock dates and random IDs: replace them with same-length values derived from the
    file name (xref offsets stay valid); re-typed after batch 9's helper, keyed on b10/ + file name"""
    h = hashlib.sha256(("b10/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261210160000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-10T16:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + (h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]).lower().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: m.group(0).replace(m.group(1), h[:len(m.group(1))].encode()).replace(m.group(2), h[:len(m.group(2))].encode()), data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", ("/ID [<" + h[:32] + "><" + h[:32] + ">]").encode(), data[t:])
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", ("/DocChecksum /" + h[32:64]).encode(), data)
    return data
def colw(hdr, rows, total):
    lens = [max([len(str(h))] + [len(cs(x[i])) for x in rows]) for i, h in enumerate(hdr)]
    lens = [min(max(l, 5), 38) for l in lens]; s = sum(lens)
    return [total * l / s for l in lens]

# ---------------------------------------------------------------- reportlab
from reportlab import rl_config
rl_config.invariant = 1
_RLF = {"ok": False}
def rl_fonts():
    if not _RLF["ok"]:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        for n, p in (("DV", DJ), ("DVB", DJB), ("DVS", DJS), ("DVSB", DJSB)): pdfmetrics.registerFont(TTFont(n, p))
        _RLF["ok"] = True
def rl_pdf(r, doc, ttf=None):
    from reportlab.lib.pagesizes import letter, A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak, Preformatted, Image
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    ttf = r.random() < 0.45 if ttf is None else ttf
    serif = r.random() < 0.35
    if ttf: rl_fonts(); F, FB = ("DVS", "DVSB") if serif else ("DV", "DVB"); T = str
    else: F, FB = ("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold"); T = l1
    o = doc.o; col = colors.HexColor(o.color if o else "#333333")
    wide = bool(doc.table) and len(doc.table[0]) > 6
    ps = landscape(letter) if wide else r.choice([letter, letter, A4])
    E = lambda s: hx(T(cs(s)))
    sN = ParagraphStyle("n", fontName=F, fontSize=9.5, leading=12.2); sC = ParagraphStyle("c", fontName=F, fontSize=8, leading=9.6)
    sH = ParagraphStyle("h", fontName=FB, fontSize=11, leading=14, textColor=col, spaceBefore=6, spaceAfter=3); sT = ParagraphStyle("t", fontName=FB, fontSize=14, leading=17, spaceAfter=6)
    sB = ParagraphStyle("b", fontName=FB, fontSize=8, leading=9.6)
    logo = o is not None and r.random() < 0.35
    def deco(c, d):
        c.saveState(); W, H = ps
        if d.page == 1 and o:
            if logo:
                c.drawImage(__import__("reportlab.lib.utils", fromlist=["ImageReader"]).ImageReader(io.BytesIO(logo_png(o, 1))), 40, H - 70, width=150, height=40)
            else:
                c.setFillColor(col); c.setFont(FB, 13); c.drawString(40, H - 45, T(o.name))
            c.setFillColor(colors.black); c.setFont(F, 7.5)
            c.drawRightString(W - 40, H - 38, T(o.addr())); c.drawRightString(W - 40, H - 48, T(f"Tel {o.phone}  Fax {o.fax}")); c.drawRightString(W - 40, H - 58, T(f"www.{o.dom}"))
            c.setStrokeColor(col); c.setLineWidth(1.5); c.line(40, H - 76, W - 40, H - 76)
        if doc.runhead and (d.page > 1 or r_run):
            c.setFont(FB, 7.5); c.drawRightString(W - 40, H - 24, T(doc.runhead))
        c.setFont(F, 6.8); c.setFillColor(colors.grey)
        c.drawString(40, 28, T((doc.foot or (o.name if o else ""))[:150])); c.drawRightString(W - 40, 18, f"Page {d.page}")
        c.restoreState()
    r_run = r.random() < 0.6
    story = []
    if doc.title: story.append(Paragraph(E(doc.title), sT))
    for b in doc.blocks:
        k = b[0]
        if k == "h": story.append(Paragraph(E(b[1]), sH))
        elif k == "p": story += [Paragraph(E(b[1]), sN), Spacer(1, 4)]
        elif k == "kv":
            t = Table([[Paragraph(E(l), sB), Paragraph(E(v), sC)] for l, v in b[1]], colWidths=[130, ps[0] - 80 - 130])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2"))])); story += [t, Spacer(1, 6)]
        elif k == "two":
            half = (ps[0] - 80) / 2
            def sub(cap_, pairs):
                rows = ([[Paragraph(E(cap_), sH), ""]] if cap_ else []) + [[Paragraph(E(l), sB), Paragraph(E(v), sC)] for l, v in pairs]
                t = Table(rows, colWidths=[half * 0.38, half * 0.58]); t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (0, 0), (1, 0)) if cap_ else ("VALIGN", (0, 0), (0, 0), "TOP")])); return t
            t = Table([[sub(b[3], b[1]), sub(b[4], b[2])]], colWidths=[half, half]); t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.5, col)])); story += [t, Spacer(1, 6)]
        elif k == "tbl":
            ws = colw(b[1], b[2], ps[0] - 80)
            t = Table([[Paragraph(E(x), sB) for x in b[1]]] + [[Paragraph(E(v), sC) for v in row] for row in b[2]], colWidths=ws, repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e8ef")), ("VALIGN", (0, 0), (-1, -1), "TOP")] +
                                  [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fafafa")) for i in range(2, len(b[2]) + 1, 2)])); story += [t, Spacer(1, 6)]
        elif k == "cols2":
            half = (len(b[1]) + 1) // 2; L, Rr = b[1][:half], b[1][half:] + [""] * (half - len(b[1][half:]))
            t = Table([[Paragraph(E(x), sN), Paragraph(E(y), sN)] for x, y in zip(L, Rr)], colWidths=[(ps[0] - 80) / 2] * 2)
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEAFTER", (0, 0), (0, -1), 0.3, colors.lightgrey)])); story += [t, Spacer(1, 6)]
        elif k == "bul": story += [Paragraph(E(t), ParagraphStyle("bl", parent=sN, leftIndent=12, bulletIndent=2), bulletText="\u2022" if ttf else "-") for t in b[1]]
        elif k == "pre": story.append(Preformatted(T(b[1]), ParagraphStyle("pre", fontName="Courier", fontSize=7, leading=8.4)))
        elif k == "sig": story += [Spacer(1, 6)] + [Paragraph(E(x), sN) for x in b[1].split("\n")]
        elif k == "fax":
            story += [Paragraph("FAX", ParagraphStyle("fx", fontName=FB, fontSize=30, leading=36, spaceAfter=12))]
            t = Table([[Paragraph(E(l), sB), Paragraph(E(v), sN)] for l, v in b[1]], colWidths=[120, ps[0] - 200]); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 14), Paragraph(E(b[2]), ParagraphStyle("i", parent=sC, fontSize=8)), PageBreak()]
    buf = io.BytesIO()
    dd = SimpleDocTemplate(buf, pagesize=ps, leftMargin=40, rightMargin=40, topMargin=88 if o else 50, bottomMargin=50, title=T(doc.title or doc.cat), author=T(o.name if o else ""), creator=T(o.ehr if o else "reportlab"))
    dd.build(story, onFirstPage=deco, onLaterPages=deco)
    return buf.getvalue()

# ---------------------------------------------------------------- fpdf2
def fp_pdf(r, doc, ttf=None):
    from fpdf import FPDF, __version__ as fv
    from fpdf.fonts import FontFace
    ttf = r.random() < 0.55 if ttf is None else ttf
    T = str if ttf else l1
    o = doc.o; col = tuple(int((o.color if o else "#333333")[i:i + 2], 16) for i in (1, 3, 5))
    wide = bool(doc.table) and len(doc.table[0]) > 6
    fam = "DV" if ttf else r.choice(["Helvetica", "Times"])
    logo = o is not None and r.random() < 0.3; runall = r.random() < 0.5; lh = r.choice([4.6, 5.0, 5.2])
    class P(FPDF):
        def header(self):
            if self.page_no() == 1 and o:
                if logo: self.image(io.BytesIO(logo_png(o, 2)), x=self.l_margin, y=8, w=52)
                else:
                    self.set_font(fam, "B", 12.5); self.set_text_color(*col); self.set_xy(self.l_margin, 9); self.multi_cell(self.epw * 0.45, 5.4, T(o.name))
                self.set_text_color(60, 60, 60); self.set_font(fam, "", 7.2)
                self.set_xy(self.l_margin + self.epw * 0.48, 9); self.multi_cell(self.epw * 0.27, 3.4, T(f"{o.street}\n{o.city}, {o.state} {o.zip}"))
                self.set_xy(self.l_margin + self.epw * 0.76, 9); self.multi_cell(self.epw * 0.24, 3.4, T(f"Tel {o.phone}\nFax {o.fax}\n{o.dom}"), align="R")
                self.set_draw_color(*col); self.set_line_width(0.6); self.line(self.l_margin, 25, self.l_margin + self.epw, 25); self.set_text_color(0, 0, 0)
                if doc.runhead and runall: self.set_font(fam, "B", 7.5); self.set_xy(self.l_margin, 26.5); self.cell(self.epw, 4, T(doc.runhead), align="R")
                self.set_y(32)
            elif doc.runhead:
                self.set_font(fam, "B", 7.8); self.set_xy(self.l_margin, 8); self.cell(self.epw, 4, T(doc.runhead), align="R"); self.set_draw_color(150, 150, 150); self.line(self.l_margin, 13, self.l_margin + self.epw, 13); self.set_y(17)
        def footer(self):
            self.set_y(-14); self.set_font(fam, "", 6.6); self.set_text_color(110, 110, 110)
            self.multi_cell(self.epw * 0.8, 3.1, T((doc.foot or (f"{o.name} - {o.addr()}" if o else ""))[:240]))
            self.set_xy(self.l_margin + self.epw * 0.8, -14); self.cell(self.epw * 0.2, 3.1, f"Page {self.page_no()}/{{nb}}", align="R"); self.set_text_color(0, 0, 0)
    pdf = P(orientation="L" if wide else "P", format=r.choice(["Letter", "Letter", "A4"]), unit="mm")
    if ttf: pdf.add_font("DV", "", DJ); pdf.add_font("DV", "B", DJB); pdf.add_font("DV", "I", DJ)
    pdf.set_creation_date(dtm.datetime(2026, 12, 10, 16, 0, tzinfo=dtm.timezone.utc))
    pdf.set_producer(f"PyFPDF/fpdf{fv}")
    pdf.set_creator(T(o.ehr if o else "fpdf2")); pdf.set_title(T(doc.title or doc.cat)); pdf.set_author(T(o.name if o else ""))
    pdf.set_margins(15, 14, 15); pdf.set_auto_page_break(True, 18); pdf.add_page()
    def para(t, size=9.5, style=""): pdf.set_font(fam, style, size); pdf.multi_cell(0, lh, T(t), new_x="LMARGIN", new_y="NEXT")
    def kvtab(pairs, widths=(32, 68), head=None):
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=lh - 0.6, first_row_as_headings=bool(head), borders_layout=r.choice(["ALL", "HORIZONTAL_LINES", "SINGLE_TOP_LINE"]),
                       headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235))) as t:
            if head: row = t.row(); row.cell(T(head), colspan=2)
            for l, v in pairs: row = t.row(); row.cell(T(l), style=FontFace(emphasis="BOLD")); row.cell(T(cs(v)))
    if doc.title: pdf.set_text_color(*col); para(doc.title, 13, "B"); pdf.set_text_color(0, 0, 0); pdf.ln(1)
    for b in doc.blocks:
        k = b[0]; pdf.set_font(fam, "", 9)
        if k == "h": pdf.ln(1.5); pdf.set_text_color(*col); para(b[1], 10.5, "B"); pdf.set_text_color(0, 0, 0)
        elif k == "p": para(b[1]); pdf.ln(1.2)
        elif k == "kv": pdf.set_font(fam, "", 8.6); kvtab(b[1]); pdf.ln(2)
        elif k == "two":
            y0 = pdf.get_y(); half = pdf.epw / 2 - 2; ys = []
            for j, (cap_, pairs) in enumerate(((b[3], b[1]), (b[4], b[2]))):
                pdf.set_xy(pdf.l_margin + j * (half + 4), y0)
                if cap_: pdf.set_font(fam, "B", 9); pdf.set_text_color(*col); pdf.multi_cell(half, 4.6, T(cap_), new_x="LEFT", new_y="NEXT"); pdf.set_text_color(0, 0, 0)
                for l, v in pairs:
                    pdf.set_font(fam, "B", 8); pdf.multi_cell(half * 0.36, 4.0, T(l), new_x="RIGHT", new_y="TOP")
                    pdf.set_font(fam, "", 8); pdf.multi_cell(half * 0.64, 4.0, T(cs(v)), new_x="LEFT", new_y="NEXT"); pdf.set_x(pdf.l_margin + j * (half + 4))
                    pdf.set_y(max(pdf.get_y(), pdf.get_y())); pdf.set_x(pdf.l_margin + j * (half + 4))
                ys.append(pdf.get_y())
            pdf.set_xy(pdf.l_margin, max(ys) + 2)
        elif k == "tbl":
            pdf.set_font(fam, "", 7.6 if len(b[1]) > 5 else 8.4)
            with pdf.table(col_widths=colw(b[1], b[2], 100), text_align="LEFT", line_height=3.9, headings_style=FontFace(emphasis="BOLD", fill_color=(col[0] // 4 + 190, col[1] // 4 + 190, col[2] // 4 + 190)),
                           cell_fill_color=(246, 246, 246), cell_fill_mode="ROWS") as t:
                for row in [b[1]] + list(b[2]):
                    rr = t.row()
                    for v in row: rr.cell(T(cs(v)))
            pdf.ln(2)
        elif k == "cols2":
            pdf.set_font(fam, "", 9)
            with pdf.text_columns(ncols=2, gutter=6, text_align="J", line_height=1.15) as cols:
                for t in b[1]: cols.write(text=T(t) + "\n\n")
            pdf.ln(1)
        elif k == "bul":
            pdf.set_font(fam, "", 9)
            for t in b[1]: pdf.multi_cell(0, lh, T(("\u2022 " if ttf else "- ") + t), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif k == "pre": pdf.set_font("Courier", "", 7); pdf.multi_cell(0, 3.3, l1(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif k == "sig": pdf.ln(2); para(b[1], 9)
        elif k == "fax":
            pdf.set_font(fam, "B", 32); pdf.cell(0, 16, "FAX", new_x="LMARGIN", new_y="NEXT"); pdf.set_font(fam, "", 10); kvtab(b[1], (30, 70)); pdf.ln(6); para(b[2], 8.5); pdf.add_page()
    return bytes(pdf.output())

# ---------------------------------------------------------------- PostScript (fax-server print) -> Ghostscript
def ps_str(s):
    out = []
    for ch in l1(s):
        o_ = ord(ch)
        if ch in "\\()": out.append("\\" + ch)
        elif o_ < 32 or o_ > 126: out.append(f"\\{o_:03o}")
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def ps_doc(r, doc):
    W = 92; lines = []; o = doc.o
    def wrap(t, ind=0, style="R"):
        for i, x in enumerate(textwrap.wrap(l1(t), W - ind) or [""]): lines.append((style, " " * ind + x))
    if doc.title: lines += [("T", doc.title), ("R", "")]
    for b in doc.blocks:
        k = b[0]
        if k == "h": lines += [("R", ""), ("B", b[1].upper())]
        elif k == "p": wrap(b[1]); lines.append(("R", ""))
        elif k == "kv":
            lw = min(24, max(len(l) for l, _ in b[1]) + 1)
            for l, v in b[1]:
                ws = textwrap.wrap(l1(cs(v)), W - lw - 1) or [""]
                lines.append(("KV", (l + ":").ljust(lw) + " " + ws[0], lw)); lines += [("R", " " * (lw + 1) + x) for x in ws[1:]]
            lines.append(("R", ""))
        elif k == "two":
            hw = W // 2 - 1
            def col_(cap_, pairs): return ([cap_.upper()] if cap_ else []) + [x for l, v in pairs for x in textwrap.wrap(l1(f"{l}: {cs(v)}"), hw, subsequent_indent="   ")]
            a, c = col_(b[3], b[1]), col_(b[4], b[2])
            for i in range(max(len(a), len(c))): lines.append(("R", (a[i] if i < len(a) else "").ljust(hw + 2) + (c[i] if i < len(c) else "")))
            lines.append(("R", ""))
        elif k == "tbl": lines += [("M", x) for x in wrap_table(b[1], b[2], W)]; lines.append(("R", ""))
        elif k == "cols2":
            hw = W // 2 - 2; half = (len(b[1]) + 1) // 2
            a = [x for t in b[1][:half] for x in textwrap.wrap(l1(t), hw) + [""]]; c = [x for t in b[1][half:] for x in textwrap.wrap(l1(t), hw) + [""]]
            for i in range(max(len(a), len(c))): lines.append(("R", (a[i] if i < len(a) else "").ljust(hw + 4) + (c[i] if i < len(c) else "")))
        elif k == "bul":
            for t in b[1]: wrap("- " + t, 0)
            lines.append(("R", ""))
        elif k == "pre": lines += [("M", x[:W + 20]) for x in b[1].split("\n")]
        elif k == "sig": lines += [("R", x) for x in b[1].split("\n")]
        elif k == "fax":
            lines += [("X", "FAX"), ("R", "")]
            for l, v in b[1]: lines.append(("KV", (l + ":").ljust(14) + " " + l1(cs(v))[:W - 15], 14))
            lines.append(("R", "")); wrap(b[2]); lines.append(("PB", ""))
    if doc.foot: lines += [("R", "")]; wrap(doc.foot)
    per = 56; pages = [[]]
    for ln in lines:
        if ln[0] == "PB": pages.append([]); continue
        if len(pages[-1]) >= (per - 6 if len(pages) == 1 else per): pages.append([])
        pages[-1].append(ln)
    n = len(pages); creator = r.choice(["RightFax 16.6 Print Driver", "XMedius FaxPrint", "OpenText Fax Server", "Biscom FAXCOM", "Epic Print Service 2.1"])
    out = ["%!PS-Adobe-3.0", f"%%Creator: {creator}", f"%%Title: {asc(doc.title or doc.cat)[:60]}", f"%%Pages: {n}", "%%BoundingBox: 0 0 612 792", "%%EndComments",
           "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put def currentdict end definefont pop } def",
           "/CL /Courier reenc /CB /Courier-Bold reenc /HL /Helvetica reenc /HB /Helvetica-Bold reenc"]
    tx = f"{TODAY:%m/%d/%Y} {r.randint(7, 17):02d}:{r.randint(0, 59):02d}"; frm = o.fax if o else phone(r)
    for pi, pg in enumerate(pages, 1):
        out += [f"%%Page: {pi} {pi}", "gsave"]
        out.append(f"/CL findfont 7 scalefont setfont 36 778 moveto {ps_str(f'{tx}   FROM: {frm}  {asc(o.short) if o else chr(32)}   TO: {phone(r)}   P. {pi:03d}/{n:03d}')} show")
        y = 760
        if pi == 1 and o:
            out.append(f"/HB findfont 13 scalefont setfont 36 {y - 10} moveto {ps_str(o.name)} show")
            out.append(f"/HL findfont 7.5 scalefont setfont 36 {y - 22} moveto {ps_str(o.addr() + '   Tel ' + o.phone + '   Fax ' + o.fax)} show")
            out.append(f"0.6 setlinewidth 36 {y - 27} moveto 576 {y - 27} lineto stroke"); y -= 40
        if doc.runhead:
            out.append(f"/CB findfont 8 scalefont setfont 576 {ps_str(doc.runhead)} stringwidth pop sub {y} moveto {ps_str(doc.runhead)} show"); y -= 14
        for ln in pg:
            st, t = ln[0], ln[1]
            if st == "T": out.append(f"/HB findfont 12 scalefont setfont 36 {y} moveto {ps_str(t)} show"); y -= 16; continue
            if st == "X": out.append(f"/HB findfont 34 scalefont setfont 36 {y - 20} moveto {ps_str(t)} show"); y -= 40; continue
            if st == "B": out.append(f"0.88 setgray 34 {y - 2.5} 544 11 rectfill 0 setgray /CB findfont 9.4 scalefont setfont 38 {y} moveto {ps_str(t)} show")
            elif st == "KV":
                lw = ln[2]; out.append(f"/CB findfont 9.4 scalefont setfont 36 {y} moveto {ps_str(t[:lw])} show /CL findfont 9.4 scalefont setfont {36 + lw * 5.64:.2f} {y} moveto {ps_str(t[lw:])} show")
            else: out.append(f"/CL findfont {8.6 if st == 'M' else 9.4} scalefont setfont 36 {y} moveto {ps_str(t)} show")
            y -= 11.6
        out.append(f"/HL findfont 7 scalefont setfont 36 30 moveto {ps_str((doc.foot or 'Confidential fax transmission')[:120])} show 520 18 moveto {ps_str(f'Page {pi} of {n}')} show")
        out += ["grestore", "showpage"]
    out.append("%%EOF")
    return "\n".join(out) + "\n", n

# ---------------------------------------------------------------- DOCX
def _shade(cell, hexcolor):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    sh = OxmlElement("w:shd"); sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), hexcolor.lstrip("#")); cell._tc.get_or_add_tcPr().append(sh)
def _field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind in ("begin", None, "end"):
        run = par.add_run()
        if kind: e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind)
        else: e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = code
        run._r.append(e)
def _cols(section, n):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    sp = section._sectPr; c = sp.find(qn("w:cols"))
    if c is None: c = OxmlElement("w:cols"); sp.append(c)
    c.set(qn("w:num"), str(n)); c.set(qn("w:space"), "432")
def docx_bytes(r, doc, logo=None):
    from docx import Document
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.section import WD_ORIENT, WD_SECTION
    o = doc.o; col = (o.color if o else "#333333").lstrip("#"); rgb = RGBColor.from_string(col.upper())
    d = Document(); sec = d.sections[0]
    wide = bool(doc.table) and len(doc.table[0]) > 6
    if wide: sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.75); sec.top_margin = Inches(0.6); sec.bottom_margin = Inches(0.6)
    nst = d.styles["Normal"]; nst.font.name = r.choice(["Calibri", "Arial", "Cambria", "Georgia", "Segoe UI"]); nst.font.size = Pt(r.choice([10, 10.5, 11]))
    logo = (o is not None and r.random() < 0.3) if logo is None else logo
    hdr = sec.header; usable = sec.page_width - sec.left_margin - sec.right_margin
    if o:
        t = hdr.add_table(1, 3, usable); c0, c1, c2 = t.rows[0].cells
        if logo: c0.paragraphs[0].add_run().add_picture(io.BytesIO(logo_png(o, r.randrange(3))), width=Inches(1.7))
        else: rr = c0.paragraphs[0].add_run(o.name); rr.bold = True; rr.font.size = Pt(12); rr.font.color.rgb = rgb
        rr = c1.paragraphs[0].add_run(f"{o.street}\n{o.city}, {o.state} {o.zip}"); rr.font.size = Pt(7.5)
        p2 = c2.paragraphs[0]; p2.alignment = WD_ALIGN_PARAGRAPH.RIGHT; rr = p2.add_run(f"Tel {o.phone}\nFax {o.fax}\nwww.{o.dom}"); rr.font.size = Pt(7.5)
    if doc.runhead:
        p = hdr.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; rr = p.add_run(doc.runhead); rr.bold = True; rr.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]; rr = fp.add_run((doc.foot or (f"Printed from {o.ehr} - {o.name}" if o else "")) + "    "); rr.font.size = Pt(7)
    fp.add_run("Page ").font.size = Pt(7); _field(fp, "PAGE"); fp.add_run(" of ").font.size = Pt(7); _field(fp, "NUMPAGES")
    if doc.title:
        h = d.add_heading(doc.title, level=1)
        for x in h.runs: x.font.color.rgb = rgb
    tstyle = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1", "Table Grid"])
    for b in doc.blocks:
        k = b[0]
        if k == "h": d.add_heading(b[1], level=2)
        elif k == "p": d.add_paragraph(b[1])
        elif k == "kv":
            if r.random() < 0.6:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for l, v in b[1]:
                    c = t.add_row().cells; c[0].text = l; c[1].text = cs(v); _shade(c[0], "EEEEEE"); c[0].paragraphs[0].runs[0].bold = True
                d.add_paragraph()
            else:
                for l, v in b[1]:
                    p = d.add_paragraph(); p.paragraph_format.space_after = Pt(0); p.add_run(l + ": ").bold = True; p.add_run(cs(v))
        elif k == "two":
            t = d.add_table(rows=1, cols=2); t.style = "Table Grid"
            for cell, cap_, pairs in ((t.rows[0].cells[0], b[3], b[1]), (t.rows[0].cells[1], b[4], b[2])):
                p = cell.paragraphs[0]
                if cap_: p.add_run(cap_ + "\n").bold = True
                for l, v in pairs: p.add_run(f"{l}: ").bold = True; p.add_run(cs(v) + "\n")
            d.add_paragraph()
        elif k == "tbl":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = tstyle
            for c, x in zip(t.rows[0].cells, b[1]): c.text = x; c.paragraphs[0].runs[0].bold = True
            for row in b[2]:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = cs(v)
                    for rn in c.paragraphs[0].runs: rn.font.size = Pt(8.5)
            d.add_paragraph()
        elif k == "cols2":
            s2 = d.add_section(WD_SECTION.CONTINUOUS); _cols(s2, 2)
            for t in b[1]: d.add_paragraph(t)
            s3 = d.add_section(WD_SECTION.CONTINUOUS); _cols(s3, 1)
        elif k == "bul":
            for t in b[1]: d.add_paragraph(t, style="List Bullet")
        elif k == "pre":
            p = d.add_paragraph(); rr = p.add_run(b[1]); rr.font.name = "Courier New"; rr.font.size = Pt(7.5)
        elif k == "sig":
            d.add_paragraph(b[1])
        elif k == "fax":
            p = d.add_paragraph(); rr = p.add_run("FAX"); rr.bold = True; rr.font.size = Pt(34)
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
            for l, v in b[1]: c = t.add_row().cells; c[0].text = l; c[1].text = cs(v); _shade(c[0], "DDDDDD")
            p = d.add_paragraph(); p.add_run("\n" + b[2]).italic = True
            d.add_page_break()
    b_ = io.BytesIO(); d.core_properties.author = o.name if o else ""; d.core_properties.title = doc.title or doc.cat; d.save(b_); return fix_zip(b_.getvalue())

# ---------------------------------------------------------------- XLSX / CSV
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "mmm d, yyyy", "m/d/yy"]
def xlsx_bytes(r, doc, for_pdf=False, for_lo=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment
    hdr, rows = doc.table; o = doc.o
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = re.sub(r"[^A-Za-z0-9 ]", "", (doc.cat or "List"))[:28] or "List"
    fmt = r.choice(XL_DATE); top = 1
    if r.random() < 0.65 or for_pdf:
        ws.cell(1, 1, doc.title or doc.cat).font = Font(bold=True, size=13)
        ws.cell(2, 1, f"{o.name if o else ''} - run {fd(TODAY, 'mdy')} {clock(r)}"); top = 4
    fill = PatternFill("solid", fgColor=(o.color if o else "#444444").lstrip("#"))
    for j, h in enumerate(hdr, 1):
        c = ws.cell(top, j, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = fill; c.alignment = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows, top + 1):
        for j, v in enumerate(row, 1):
            if isinstance(v, D) and not isinstance(v, dtm.datetime): c = ws.cell(i, j, dtm.datetime(v.year, v.month, v.day)); c.number_format = fmt
            elif isinstance(v, dtm.datetime): c = ws.cell(i, j, v); c.number_format = "m/d/yyyy h:mm"
            else: c = ws.cell(i, j, v)
            if isinstance(v, str) and len(v) > 30: c.alignment = Alignment(wrap_text=True, vertical="top")
    for j, h in enumerate(hdr, 1):
        ln = max([len(str(h))] + [len(cs(rw[j - 1])) for rw in rows]); ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = min(max(ln + 2, 9), 42)
    ws.freeze_panes = ws.cell(top + 1, 1)
    if not for_lo and r.random() < 0.6: ws.auto_filter.ref = f"A{top}:{openpyxl.utils.get_column_letter(len(hdr))}{top + len(rows)}"
    if for_pdf:
        ws.page_setup.orientation = "landscape"; ws.sheet_properties.pageSetUpPr.fitToPage = True; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0
    if r.random() < 0.3 and not for_pdf:
        n = wb.create_sheet("Read me"); n["A1"] = f"Source: {o.ehr if o else 'report'}"; n["A2"] = f"Generated {fd(TODAY, 'mdy')}"; n["A3"] = "Internal use only."
    wb.properties.creator = o.name if o else "openpyxl"
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def snake(s): return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", asc(s).lower())).strip("_")
def csv_bytes(r, doc):
    hdr, rows = doc.table; st = r.randrange(7); dfmt = r.choice(["mdy", "mdy", "iso", "ymd8", "m/d/y", "d-Mon-y"])
    delim, ext = {0: (",", "csv"), 1: (",", "csv"), 2: ("\t", "tsv"), 3: ("|", "txt"), 4: (";", "csv"), 5: ("\t", "txt"), 6: (",", "csv")}[st]
    h = [snake(x) for x in hdr] if r.random() < 0.3 else list(hdr)
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, quoting=csv.QUOTE_ALL if st == 6 else csv.QUOTE_MINIMAL, lineterminator=r.choice(["\r\n", "\n"]))
    if r.random() < 0.3: s.write(f"# {doc.o.ehr if doc.o else 'export'} | {doc.title or doc.cat} | generated {fd(TODAY, 'iso')} {hhmm(r)}" + ("\r\n" if r.random() < 0.5 else "\n"))
    w.writerow(h)
    for row in rows: w.writerow([cs(v, dfmt) for v in row])
    if r.random() < 0.25: s.write(f"Total records: {len(rows)}\r\n")
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return data, ext

# ================================================================== PHI content
def intro(r, p): return r.choice([p.full(), p.gmf(), p.full(), f"{p.title()[:3]} {p.given} {p.family}", p.CAPS() if r.random() < 0.3 else p.full()])
def later(r, p): return r.choice([p.first(), p.title(), p.title(), "the patient", p.first()])
def runhead(r, c):
    p = c.p
    return r.choice([f"{p.LF()}   MRN {c.mrn}   DOB {fd(p.dob, 'mdy')}", f"Patient: {p.lf()} | DOB {fd(p.dob, 'm/d/y')} | Acct {c.acct}", f"{p.full()} - MRN: {c.mrn}",
                     f"RE: {p.LF()} (DOB {fd(p.dob, 'mdy')})", f"{p.family.upper()}, {p.given.upper()} | {c.mrn} | {p.sex} | {fd(p.dob, 'iso')}"])
FOOT_PHI = ["CONFIDENTIAL - contains protected health information. If you received this in error, notify the sender and destroy all copies.",
            "This document contains confidential patient information protected under 45 CFR Parts 160 and 164. Redisclosure is prohibited.",
            "Confidential medical record. Do not forward without authorization.", "Printed copy - shred when no longer needed."]
def foot(r): return r.choice(FOOT_PHI + [None])
def dr_sig(r, c, extra=""): return f"{c.clin.full()}\n{extra or c.o.name}\nNPI {c.clin.npi}"
def pt_two(r, c, right=None, capL="Patient", capR="Encounter"):
    p = c.p
    L = [("Name", r.choice([p.lf(), p.full(), p.LF()])), ("DOB", dob(r, p)), ("Sex", {"F": "Female", "M": "Male"}[p.sex]), ("MRN", c.mrn)]
    if r.random() < 0.5: L.append(("Phone", p.phone))
    return ("two", L, right or [("Date of service", fd(c.dt, "mdy")), ("Provider", c.clin.full()), ("Location", c.o.short), ("Insurance", c.insurer)], capL, capR)

def P_infusion(r):
    c = Case(r, ["onc"]); p, s = c.p, c.s; ws = r.randint(48, 96)
    b = [pt_two(r, c),
         ("h", "Interval history"), ("p", f"{intro(r, p)} is a {p.age}-year-old {'woman' if p.sex == 'F' else 'man'} with {s['dx']} ({c.code}) who presents to the infusion suite for {s['drug']}. {cap(p.he())} reports {r.choice(['grade 1 neuropathy in the fingertips', 'fatigue that improves by day 4', 'two days of loose stools after the last cycle', 'no new complaints'])}. {later(r, p)} has been taking ondansetron as needed."),
         ("p", f"Today's {s['test']} shows {s['result']}. Weight {ws} kg, BSA {r.uniform(1.5, 2.2):.2f} m2. {cap(s['plan'])}."),
         ("tbl", ["Drug", "Dose", "Route", "Start", "Stop", "Nurse / comments"], [[s["drug"].split(" (")[0], f"{r.randint(80, 400)} mg", "IV", f"{r.randint(9, 11)}:{r.randint(10, 59)}", f"{r.randint(12, 14)}:{r.randint(10, 59)}", f"{staffer(r).first_last()}, RN - tolerated without reaction; premedicated with dexamethasone and diphenhydramine"],
                                                                             ["Ondansetron", "16 mg", "IV", "09:02", "09:20", "premedication"]]),
         ("p", f"Next visit {fd(future(r, 5, 21), 'mdy')}. {p.first()} knows to call the triage line for fever over 100.4 F."), ("sig", dr_sig(r, c))]
    return Doc("oncology-infusion", "Infusion Visit Note", c.o, b, runhead=runhead(r, c), foot=foot(r), subject=f"Infusion note {p.family} {fd(c.dt, 'm/d')}")
def P_transplant(r):
    c = Case(r, ["transplant"]); p, s = c.p, c.s
    b = [("p", f"{fd(TODAY, 'Month d, y')}"), ("p", f"Dear {c.clin.dr() if r.random() < 0.5 else 'Dr. ' + staffer(r).family},"),
         ("p", f"We saw our mutual patient, {intro(r, p)} (DOB {dob(r, p)}, MRN {c.mrn}), in the transplant clinic on {fd(c.dt, 'Month d, y')}. As you know, {p.he()} carries a diagnosis of {s['dx']} ({c.code})."),
         ("p", f"{cap(s['test'])} returned {s['result']}. {later(r, p)} is on {s['drug']}. Our plan is to {s['plan']}. We also reviewed CMV and BK surveillance, which remain negative."),
         ("p", f"{cap(p.he())} understands the importance of calling us for fever, decreased urine output or new swelling. Please do not start any azole antifungal or macrolide without talking to the transplant pharmacist, because of the interaction with {p.his()} immunosuppression."),
         ("p", "Thank you for allowing us to participate in this patient's care."), ("sig", dr_sig(r, c, "Transplant Nephrology / Hepatology"))]
    return Doc("transplant-letter", "Transplant Clinic Follow-up", c.o, b, runhead=runhead(r, c), foot=foot(r), subject=f"Transplant follow-up - {p.lf()}")
def P_nicu(r):
    c = Case(r, ["nicu"]); p, s = c.p, c.s; mom = Person(r, 19, 42, sex="F", state=p.state, family=p.family); ga = r.randint(26, 34)
    nm = r.choice([f"Baby {'Girl' if p.sex == 'F' else 'Boy'} {p.family}", p.full()])
    b = [("two", [("Infant", nm), ("DOB", f"{fd(p.dob, 'mdy')} {hhmm(r)}"), ("MRN", c.mrn), ("GA at birth", f"{ga} 3/7 weeks"), ("Birth weight", f"{r.randint(780, 1900)} g")],
                 [("Mother", mom.full()), ("Mother MRN", mrn(r)), ("Phone", mom.phone), ("Attending", c.clin.full()), ("Day of life", str((TODAY - p.dob).days))], "Infant", "Family"),
         ("h", "Summary"), ("cols2", [f"{nm} was born at {ga} weeks by {r.choice(['cesarean section for pre-eclampsia', 'spontaneous vaginal delivery after preterm labor', 'cesarean section for non-reassuring tracing'])}. Problems this admission include {s['dx']} ({c.code}).",
                                      f"Respiratory: {r.choice(['on room air since day 9', 'weaned from CPAP to high-flow nasal cannula 2 L', 'extubated to CPAP 6 on day 3'])}. Treatment: {s['drug']}.",
                                      f"Most recent {s['test']}: {s['result']}. Plan: {s['plan']}.",
                                      f"Family: {mom.given} visits daily and is pumping; {r.choice(['dad', 'grandmother'])} visits evenings. Updated at the bedside on {fd(recent(r, 3), 'm/d')}."]),
         ("bul", [f"Hearing screen: {r.choice(['pass both ears', 'refer right ear - repeat before discharge'])}", f"Newborn screen #2 sent {fd(recent(r, 10), 'mdy')}", "Car seat challenge before discharge", f"Pediatrician: {Clin(r, p.state).dr()}"]),
         ("sig", dr_sig(r, c, "Neonatal Intensive Care Unit"))]
    return Doc("nicu-summary", r.choice(["NICU Progress Summary", "NICU Interim Summary", "Neonatal Transfer Summary"]), c.o, b, runhead=f"{nm.upper()}  MRN {c.mrn}  DOB {fd(p.dob)}", foot=foot(r), subject=f"NICU update - {nm}")
def P_ortho(r):
    c = Case(r, ["ortho"]); p, s = c.p, c.s; od = recent(r, 14)
    b = [("kv", [("Patient", p.LF()), ("Date of birth", dob(r, p)), ("MRN", c.mrn), ("Date of surgery", fd(od, "mdy")), ("Surgeon", c.clin.full()), ("Assistant", f"{staffer(r).first_last()}, PA-C")]),
         ("h", "Preoperative diagnosis"), ("p", f"{cap(s['dx'])} ({c.code})."), ("h", "Procedure"), ("p", cap(s["plan"]) + "."),
         ("h", "Indications"), ("p", f"{intro(r, p)} is a {p.age}-year-old with {s['lay']}. {s['test']} showed {s['result']}. Risks including infection, blood clots, stiffness and need for further surgery were discussed and {p.he()} wished to proceed."),
         ("h", "Description"), ("p", f"The patient was brought to the operating room and {r.choice(['spinal anesthesia', 'general anesthesia', 'a regional block with sedation'])} was administered. A time-out confirmed the correct side. {r.choice(['Tranexamic acid 1 g was given.', 'Cefazolin 2 g was given before incision.'])} The procedure was completed without complication. Estimated blood loss {r.randint(50, 400)} mL."),
         ("h", "Postoperative plan"), ("p", f"{r.choice(['Weight bearing as tolerated', 'Toe-touch weight bearing', 'Sling at all times'])}. {s['drug']}. {p.first()} will follow up in clinic on {fd(future(r, 10, 16), 'mdy')} for wound check."), ("sig", dr_sig(r, c))]
    return Doc("ortho-op-note", "Operative Report", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_device(r):
    c = Case(r, ["cardio"]); p, s = c.p, c.s; mk = r.choice(["Medtronic Azure XT DR", "Abbott Assurity MRI", "Boston Scientific Accolade", "Biotronik Edora 8 DR-T", "Medtronic Cobalt XT VR"])
    b = [pt_two(r, c, [("Device", mk), ("Serial", f"{r.choice(['RNB', 'PZN', 'BLX'])}{dg(r, 6)}{r.choice('HGS')}"), ("Implanted", fd(D(TODAY.year - r.randint(1, 8), r.randint(1, 12), r.randint(1, 28)), "mdy")), ("Check type", r.choice(["Remote (CareLink)", "In-clinic", "Remote (Merlin.net)"]))], "Patient", "Device"),
         ("tbl", ["Parameter", "Atrial lead", "RV lead", "Comment"], [["Sensing", f"{r.uniform(1.5, 4):.1f} mV", f"{r.uniform(6, 14):.1f} mV", "stable"], ["Impedance", f"{r.randint(380, 620)} ohm", f"{r.randint(400, 900)} ohm", "within normal limits"],
                                                                      ["Threshold", f"{r.uniform(0.5, 1.0):.2f} V @ 0.4 ms", f"{r.uniform(0.5, 1.25):.2f} V @ 0.4 ms", "adequate safety margin"], ["Battery", "-", "-", s["result"] if "battery" in s["result"] else f"{r.uniform(4, 11):.1f} years remaining"]]),
         ("h", "Events and interpretation"), ("p", f"{s['test'].capitalize()} for {intro(r, p)}: {s['result']}. Indication: {s['dx']} ({c.code}). Current medication includes {s['drug']}."),
         ("p", f"Plan: {s['plan']}. {later(r, p)} was {r.choice(['called', 'sent a portal message', 'notified by phone'])} with the results on {fd(TODAY, 'm/d/y')}."), ("sig", f"{staffer(r).first_last()}, CCDS\nDevice clinic\nReviewed by {c.clin.full()}")]
    return Doc("device-check", "Cardiac Device Interrogation Report", c.o, b, runhead=runhead(r, c), foot=foot(r), subject=f"Device check {p.family}, {p.given}")
def P_sleep(r):
    c = Case(r, ["sleep"]); p, s = c.p, c.s
    b = [pt_two(r, c, [("Study date", fd(c.dt, "mdy")), ("Study", r.choice(["Diagnostic PSG (95810)", "Split-night PSG (95811)", "MSLT (95805)"])), ("Referring", Clin(r, p.state).full()), ("Interpreting", c.clin.full())], "Patient", "Study"),
         ("tbl", ["Measure", "Value", "Reference / note"], [["Total sleep time", f"{r.randint(280, 410)} min", ">360 min"], ["Sleep efficiency", f"{r.randint(62, 91)}%", ">85%"], ["AHI", f"{r.randint(5, 60)}/h" if "AHI" not in s["result"] else s["result"].split(",")[0], "<5 events/hour; 4% desaturation rule (AASM 2023)"],
                                                            ["Lowest SpO2", f"{r.randint(76, 90)}%", ""], ["PLM index", f"{r.randint(0, 50)}/h", "<15/h"]]),
         ("h", "Impression"), ("p", f"{intro(r, p)}, age {p.age}, BMI {r.uniform(24, 44):.1f}. Findings: {s['result']}. Diagnosis: {s['dx']} ({c.code})."),
         ("h", "Recommendations"), ("bul", [cap(s["plan"]) + ".", f"Start {s['drug']}." if s["drug"] != "none" else "No medication change.", "Avoid driving when drowsy.", f"Follow-up with {c.clin.dr()} in 6-8 weeks."])]
    return Doc("sleep-study", "Polysomnography Report", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_audio(r):
    c = Case(r, ["audio"]); p, s = c.p, c.s; fr = ["250", "500", "1000", "2000", "4000", "8000"]
    rt = [r.randint(10, 30) + i * r.randint(3, 9) for i in range(6)]; lt = [x + r.randint(-5, 10) for x in rt]
    b = [("kv", [("Patient", p.lf()), ("DOB", dob(r, p)), ("Chart #", c.mrn), ("Test date", fd(c.dt, "mdy")), ("Audiologist", f"{staffer(r).first_last()}, Au.D.")]),
         ("tbl", ["Ear"] + [f"{x} Hz" for x in fr], [["Right (dB HL)"] + rt, ["Left (dB HL)"] + lt]),
         ("p", f"{intro(r, p)} was seen for {s['lay']}. Otoscopy clear bilaterally. {cap(s['test'])}: {s['result']}. Diagnosis: {s['dx']} ({c.code})."),
         ("p", f"Counseled {later(r, p)} {'and parent ' if p.age < 14 else ''}on results and communication strategies. Recommendation: {s['plan']}."), ("sig", f"{c.o.name}\n{c.o.phone}")]
    return Doc("audiology", "Audiologic Evaluation", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_eye(r):
    c = Case(r, ["eye"]); p, s = c.p, c.s
    b = [pt_two(r, c),
         ("two", [("VA OD", r.choice(["20/40", "20/60", "20/30-2", "20/80"])), ("VA OS", r.choice(["20/25", "20/30", "20/50"])), ("IOP OD", f"{r.randint(12, 24)} mmHg"), ("IOP OS", f"{r.randint(12, 24)} mmHg")],
                 [("Lens", r.choice(["2+ NS OU", "PCIOL OU", "clear"])), ("Macula", r.choice(["drusen with fluid OD", "flat OU", "CSME OU"])), ("Disc", r.choice(["C/D 0.7 OS", "pink, sharp", "NVD OU"])), ("Test", s["test"])], "Exam", "Findings"),
         ("p", f"{intro(r, p)} returns for {s['lay']}. {s['test']}: {s['result']}. Assessment: {s['dx']} ({c.code})."),
         ("p", f"Procedure today: {s['drug']} after povidone-iodine prep; lot {r.choice(['E', 'F'])}{dg(r, 6)}. {later(r, p)} tolerated it well; IOP afterwards {r.randint(12, 26)} mmHg. Plan: {s['plan']}."), ("sig", dr_sig(r, c, "Retina Service"))]
    return Doc("ophthalmology", "Retina Visit", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_therapy(r):
    c = Case(r, ["rehab"]); p, s = c.p, c.s; disc = r.choice(["Physical Therapy", "Occupational Therapy"])
    b = [("kv", [("Patient", p.full()), ("DOB", dob(r, p)), ("Referral dx", f"{c.code} {s['dx']}"), ("Visits", f"{r.randint(4, 14)} of {r.randint(16, 24)} authorized (auth {dg(r, 8)})"), ("Payer", c.insurer)]),
         ("h", "Subjective"), ("p", f"{p.first()} reports {r.choice(['less pain with stairs', 'being able to button a shirt for the first time', 'sleeping through the night', 'a flare after yard work'])}. Pain {r.randint(1, 7)}/10."),
         ("h", "Objective"), ("p", f"{cap(s['test'])}: {s['result']}."),
         ("tbl", ["Goal", "Baseline", "Current", "Status"], [["Independent with home exercise program", "needs cues", "independent", "met"], ["Improve function score", "severe", s["result"], "progressing"], ["Return to work/ADLs without assistance", "dependent", "min assist", "progressing - plan to reassess at visit 12"]]),
         ("h", "Plan"), ("p", f"{cap(s['plan'])}. Progress note sent to the referring provider. {disc} recertification due {fd(future(r, 10, 30), 'mdy')}."), ("sig", f"{staffer(r).first_last()}, {'DPT' if disc.startswith('P') else 'OTR/L'}")]
    return Doc("therapy-progress", f"{disc} Progress Note", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_nutrition(r):
    c = Case(r, ["women"], scen=r.choice([SC["women"][0], SC["women"][2]])); p, s = c.p, c.s
    b = [("p", f"Medical nutrition therapy - follow-up. {intro(r, p)} (DOB {dob(r, p)}) was seen {r.choice(['in person', 'by video'])} on {fd(c.dt, 'Month d, y')} for {s['lay']} ({c.code})."),
         ("p", f"Current medication: {s['drug']}. {s['test']}: {s['result']}. 24-hour recall showed {r.choice(['sweetened coffee drinks twice daily', 'skipped breakfast and a large late dinner', 'three servings of fruit juice'])}."),
         ("tbl", ["Meal", "Carbohydrate target", "Example"], [["Breakfast", "30 g", "2 eggs, 1 slice whole-grain toast, berries"], ["Lunch", "45 g", "turkey wrap, side salad, apple"], ["Snack", "15 g", "Greek yogurt"], ["Dinner", "45 g", "chicken, brown rice 2/3 cup, vegetables"]]),
         ("p", f"Plan: {s['plan']}. {later(r, p)} agreed to log meals in the app and to walk after dinner."), ("sig", f"{staffer(r).first_last()}, RDN, LDN\n{c.o.name}")]
    return Doc("nutrition-consult", "Nutrition Follow-up", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_lactation(r):
    c = Case(r, ["women"], scen=SC["women"][1]); p, s = c.p, c.s; baby = Person(r, 0, 0, state=p.state, family=p.family, days=r.randint(3, 21))
    b = [("two", [("Parent", p.full()), ("DOB", dob(r, p)), ("MRN", c.mrn), ("Phone", p.phone)], [("Infant", baby.full()), ("Infant DOB", fd(baby.dob, "mdy")), ("Birth weight", f"{r.randint(2700, 4100)} g"), ("Today", f"{r.randint(2500, 4000)} g")], "Parent", "Infant"),
         ("p", f"{p.first()} is a {p.age}-year-old G{r.randint(1, 4)}P{r.randint(1, 3)} seen for {s['lay']} ({c.code}). {baby.given} is {(TODAY - baby.dob).days} days old and feeding 8-10 times a day with {r.choice(['shallow latch', 'clicking', 'long feeds over 45 minutes'])}."),
         ("p", f"{s['test']}: {s['result']}. {r.choice(['Mild nipple trauma on the left.', 'No nipple trauma.', 'Flattened nipple after feeds.'])} Plan: {s['plan']}."),
         ("bul", ["Skin-to-skin before feeds", "Hand expression after pumping", "Supplement with expressed milk by paced bottle", f"Weight check with the pediatrician on {fd(future(r, 1, 4), 'm/d')}"]), ("sig", f"{staffer(r).first_last()}, IBCLC")]
    return Doc("lactation-consult", "Lactation Consultation", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_school(r):
    c = Case(r, ["school"]); p, s = c.p, c.s; par = Person(r, p.age + 22, p.age + 40, state=p.state, family=p.family); sch = r.choice(["Valley Oak Elementary", "Mineral King Middle School", "Sequoia Ridge High School", "Tulare Creek Elementary"])
    b = [("p", f"{fd(TODAY, 'Month d, y')}"), ("p", f"Dear {par.title()} {'and family' if r.random() < 0.5 else ''},"),
         ("p", f"This letter is to let you know that {intro(r, p)} (grade {max(1, min(12, p.age - 5))}, student ID {dg(r, 7)}) was seen in the health office at {sch} today at {clock(r)}."),
         ("p", f"{p.first()} has {s['lay']} on file ({s['dx']}). Today: {s['result']}. Action taken: {s['drug']} per the Individual Health Plan. {cap(s['plan'])}."),
         ("p", f"Please make sure {p.his()} medication authorization form and supplies are up to date for the rest of the school year. Call me at {c.o.phone} ext. {r.randint(200, 499)} with any questions."),
         ("sig", f"{staffer(r).first_last()}, RN, School Nurse\n{sch}\n{c.o.name}")]
    return Doc("school-nurse", "Health Office Notice", c.o, b, to=par, runhead=f"Student: {p.lf()}  DOB {fd(p.dob, 'mdy')}", subject=f"Health office visit - {p.given} {p.family}")
def P_corr(r):
    c = Case(r, ["corr"]); p, s = c.p, c.s; ino = inmate(r)
    b = [("kv", [("Inmate name", p.LF()), ("Booking #", ino), ("DOB", dob(r, p)), ("Housing", r.choice(["B-pod 12", "Medical 3", "C-unit upper 7", "Intake"])), ("Release/transfer date", fd(future(r, 0, 6), "mdy")), ("Receiving facility", r.choice(["Wisconsin DOC Dodge Correctional", "Community (release)", "Winnebago Mental Health Institute"]))]),
         ("h", "Active problems"), ("tbl", ["Problem", "ICD-10", "Status / notes"], [[s["dx"], c.code, s["result"]], ["Hepatitis C screening", "Z11.59", r.choice(["antibody negative", "antibody positive, RNA pending"])]]),
         ("h", "Medications"), ("bul", [s["drug"], r.choice(["lisinopril 10 mg daily", "omeprazole 20 mg daily", "nicotine patch 14 mg"])]),
         ("p", f"{intro(r, p)} received medications from the pass cart with {r.choice(['no refusals', 'two refusals this month'])}. Plan: {s['plan']}. {later(r, p)} signed the release of information for the receiving provider."),
         ("sig", f"{staffer(r).first_last()}, RN, Health Services Administrator\n{c.o.name}")]
    return Doc("corrections-transfer", "Health Transfer Summary", c.o, b, runhead=f"{p.LF()}  #{ino}", foot=foot(r))
def P_snf(r):
    c = Case(r, ["snf"]); p, s = c.p, c.s; fam = Person(r, 40, 70, state=p.state)
    b = [("kv", [("Resident", p.lf()), ("Room", f"{r.randint(100, 260)}{r.choice('AB')}"), ("Admitted", fd(recent(r, 120), "mdy")), ("DOB", dob(r, p)), ("Medicare #", c.mbi), ("Responsible party", f"{fam.full()} ({r.choice(['daughter', 'son', 'niece', 'POA'])}) {fam.phone}")]),
         ("h", "Care conference"), ("cols2", [f"Nursing: {intro(r, p)} has {s['dx']} ({c.code}). {s['test']}: {s['result']}. Current treatment: {s['drug']}.",
                                               f"Therapy: {r.choice(['ambulating 60 ft with rolling walker and contact guard', 'transfers with moderate assist of one', 'wheelchair level, propels 50 ft'])}.",
                                               f"Dietary: {r.choice(['mechanical soft, 75% of meals', 'regular diet with supplement twice daily', 'weight down 4 lb this month'])}. Social services: {r.choice(['long-term placement discussed', 'discharge home with home health planned', 'Medicaid application pending'])}.",
                                               f"Plan: {s['plan']}. Family ({fam.given}) agreed. Next conference {fd(future(r, 20, 35), 'mdy')}."]),
         ("sig", f"{staffer(r).first_last()}, MSW\nSocial Services, {c.o.short}")]
    return Doc("snf-care-conference", "Interdisciplinary Care Conference", c.o, b, runhead=f"Resident: {p.LF()}  Rm {r.randint(100, 260)}", foot=foot(r))
def P_oasis(r):
    c = Case(r, ["home"]); p, s = c.p, c.s
    b = [("kv", [("Patient", p.lf()), ("M0066 Birth date", fd(p.dob, "mdy")), ("M0063 Medicare #", c.mbi), ("Address", p.addr()), ("M0030 SOC date", fd(recent(r, 5), "mdy")), ("M1021 Primary dx", f"{c.code} {s['dx']}")]),
         ("tbl", ["Item", "Response"], [["M1033 Risk of hospitalization", "history of falls; 2+ ED visits in 6 months"], ["M1800 Grooming", str(r.randint(0, 2))], ["M1860 Ambulation", str(r.randint(1, 4))], ["M2020 Oral meds", str(r.randint(0, 2))], ["GG0170 Walk 50 ft", f"0{r.randint(2, 5)}"]]),
         ("p", f"Narrative: {intro(r, p)} lives {r.choice(['alone in a second-floor apartment', 'with spouse who has dementia', 'with a daughter who works nights'])}. {s['test']}: {s['result']}. Teaching done on {s['drug']}. {cap(s['plan'])}."),
         ("sig", f"{staffer(r).first_last()}, RN, Case Manager")]
    return Doc("oasis-soc", "OASIS-E Start of Care Summary", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_tele(r):
    c = Case(r, ["tele"]); p, s = c.p, c.s
    b = [("p", f"Visit type: video (synchronous audio-video), patient located at home in {p.city}, {p.state}; provider located in Arizona. Consent for telehealth obtained verbally."),
         ("kv", [("Patient", p.full()), ("DOB", dob(r, p)), ("Member ID", c.mem), ("Callback", p.phone), ("Visit ID", f"TV-{dg(r, 8)}")]),
         ("p", f"{intro(r, p)} reports {r.randint(1, 6)} days of {s['lay']}. {s['test']}: {s['result']}. Allergies: {r.choice(['NKDA', 'penicillin (rash)', 'sulfa'])}."),
         ("p", f"Assessment: {s['dx']} ({c.code}). Plan: {s['drug']} sent to {r.choice(['Walgreens', 'CVS', 'Fry''s Pharmacy', 'Safeway Pharmacy'])} on {p.street.split(' ', 1)[1]}. {cap(s['plan'])}. {later(r, p)} verbalized understanding."),
         ("sig", dr_sig(r, c, "Nimbus Telehealth Partners"))]
    return Doc("telehealth-summary", "Telehealth Visit Summary", c.o, b, runhead=runhead(r, c), foot=foot(r), subject=f"Visit summary for {p.given}", to=p if r.random() < 0.4 else None)
def P_critical(r):
    c = Case(r, ["hosp", "lab"], scen=r.choice(SC["hosp"])); p, s = c.p, c.s; caller = staffer(r); rn = staffer(r)
    b = [("kv", [("Patient", p.LF()), ("MRN", c.mrn), ("DOB", dob(r, p)), ("Location", r.choice(["4 West 412", "ED bay 17", "ICU 6", "Outpatient draw"])), ("Accession", f"{r.choice(['C', 'H'])}{TODAY:%y}-{dg(r, 6)}")]),
         ("tbl", ["Time", "Event", "By"], [[f"{hhmm(r)}", f"Critical result: {s['result']}", f"{caller.first_last()}, MLS"], [f"{hhmm(r)}", f"Called to {rn.first_last()}, RN; read-back verified", caller.first_last()], [f"{hhmm(r)}", f"{c.clin.dr()} notified; orders: {s['plan']}", rn.first_last()]]),
         ("p", f"{intro(r, p)} - {s['test']} {s['result']}. Working diagnosis {s['dx']} ({c.code}). Read-back completed within {r.randint(4, 29)} minutes of result verification.")]
    return Doc("critical-value-call", "Critical Value Notification Log", c.o, b, runhead=runhead(r, c), foot=foot(r), subject=f"Critical value - {p.family} {c.mrn}")
PATH = [("left breast, 2:00, core biopsy", "HER2 by FISH: NOT amplified (HER2/CEP17 ratio 1.4; average HER2 copy number 2.9). Final HER2 status: negative (IHC 2+, FISH negative).", "C50.912"),
        ("sigmoid colon mass, biopsy", "Mismatch repair immunohistochemistry: loss of MLH1 and PMS2 nuclear expression; MSH2 and MSH6 retained. MLH1 promoter hypermethylation testing has been ordered.", "C18.7"),
        ("prostate, right base, needle biopsy", "Intradepartmental consultation concurs with Gleason score 3+4=7 (Grade Group 2), 30% pattern 4, involving 4 of 12 cores.", "C61"),
        ("transplant kidney, needle biopsy", "C4d immunostain: negative in peritubular capillaries. SV40 immunostain: negative. Electron microscopy to follow.", "T86.11")]
def P_path(r):
    c = Case(r, ["lab"]); p = c.p; site, add, code = r.choice(PATH)
    if code in ("C50.912", "C61"): c.p = p = Person(r, 45, 85, sex="F" if code == "C50.912" else "M", state=c.o.state)
    b = [pt_two(r, c, [("Accession", f"S{TODAY:%y}-{dg(r, 5)}"), ("Collected", fd(recent(r, 14, 0), "mdy")), ("Original sign-out", fd(recent(r, 6), "mdy")), ("Submitting", Clin(r, p.state).full())], "Patient", "Specimen"),
         ("h", "ADDENDUM"), ("p", f"Specimen: {site}. {add}"), ("p", f"This addendum does not change the original diagnosis for {p.full()} unless stated. ICD-10: {code}. Results were communicated to the submitting office on {fd(TODAY, 'mdy')}."),
         ("sig", f"Electronically signed: {c.clin.given} {c.clin.family}, MD, Pathologist\nCLIA {c.o.clia}")]
    return Doc("pathology-addendum", "Surgical Pathology Report - Addendum", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_medrec(r):
    c = Case(r, ["hosp", "snf", "home"]); p, s = c.p, c.s
    meds = [[s["drug"], "continue", "indication " + s["lay"]], ["lisinopril 20 mg daily", r.choice(["hold", "continue"]), "hold while creatinine rising" if r.random() < 0.5 else ""], ["atorvastatin 40 mg at bedtime", "continue", ""],
            ["oxycodone 5 mg q6h PRN", r.choice(["stop", "continue x3 days"]), "PDMP reviewed"], ["sertraline 100 mg daily", "continue", "patient reports taking 50 mg - clarified with pharmacy"], ["aspirin 81 mg daily", "continue", ""]]
    b = [("kv", [("Patient", p.lf()), ("DOB", dob(r, p)), ("MRN", c.mrn), ("Sources", r.choice(["patient, pill bottles, Surescripts fill history", "daughter, SNF MAR", "pharmacy call, prior discharge summary"])), ("Allergies", r.choice(["NKDA", "codeine (nausea)", "penicillin (hives)"]))]),
         ("tbl", ["Medication", "Action at discharge", "Comment"], meds[:r.randint(4, 6)]),
         ("p", f"Medication reconciliation completed for {intro(r, p)} ({c.code} {s['dx']}). {later(r, p)} was given an updated list and teach-back was used."), ("sig", f"{staffer(r).first_last()}, PharmD")]
    return Doc("med-reconciliation", "Discharge Medication Reconciliation", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_pdmp(r):
    c = Case(r, ["hosp", "tele", "ortho"]); p = c.p
    fills = [[fd(recent(r, 90), "mdy"), r.choice(["oxycodone/APAP 5/325", "hydrocodone/APAP 10/325", "alprazolam 1 mg", "tramadol 50 mg", "buprenorphine/naloxone 8/2"]), str(r.choice([20, 30, 60, 90])), f"{Clin(r, p.state).dr()}", r.choice(["Walgreens #0" + dg(r, 4), "CVS #" + dg(r, 5), "Hometown Pharmacy"])] for _ in range(r.randint(3, 6))]
    b = [("kv", [("Patient", p.full()), ("DOB", dob(r, p)), ("Address on file", p.addr()), ("Query date", fd(TODAY, "mdy")), ("States queried", r.choice(["NH, ME, VT, MA", "AZ, NM, NV", "PA, NJ, OH, NY"]))]),
         ("tbl", ["Fill date", "Drug", "Qty", "Prescriber", "Pharmacy"], fills),
         ("p", f"PDMP reviewed before prescribing. {intro(r, p)} has {len(fills)} controlled-substance fills from {len({f[3] for f in fills})} prescribers in 90 days; MME {r.randint(15, 120)}/day. {r.choice(['Discussed with the patient; no early refills.', 'Naloxone co-prescribed.', 'Referred to pain management; no opioid prescribed today.'])}"),
         ("sig", dr_sig(r, c))]
    return Doc("pdmp-check", "Prescription Drug Monitoring Program Review", c.o, b, runhead=runhead(r, c), foot=foot(r))
def P_appeal(r):
    c = Case(r, ["ortho", "sleep", "onc", "eye", "rehab"]); p, s = c.p, c.s
    b = [("p", fd(TODAY, "Month d, y")), ("p", "Prairie Mutual Health Plan\nAttn: Appeals and Grievances\nPO Box 4410\nDes Moines, IA 50306"),
         ("kv", [("RE", f"Level 1 provider appeal - {p.full()}"), ("Member ID", c.mem), ("DOB", dob(r, p)), ("Claim #", c.claim), ("Date of service", fd(c.dt, "mdy")), ("Denial reason", r.choice(["not medically necessary", "experimental/investigational", "no prior authorization on file"]))]),
         ("p", f"We are writing to appeal the denial of {s['plan']} for our patient {p.title()}. {cap(p.he())} has {s['dx']} ({c.code}). {s['test']} documented {s['result']}."),
         ("p", f"Conservative management has failed: {r.choice(['12 weeks of physical therapy', 'two oral agents', 'bracing and injections', 'positional therapy and weight loss'])}. The requested service meets your own medical policy criteria. Please see the enclosed office notes and imaging."),
         ("p", "We request an expedited review. Please contact our office with any questions."), ("sig", dr_sig(r, c))]
    return Doc("insurance-appeal", "Letter of Appeal", c.o, b, runhead=f"{p.lf()} | Member {c.mem} | Claim {c.claim}", foot=foot(r))
def P_denial(r):
    c = Case(r, ["payer"]); p, s = c.p, c.s
    b = [("p", fd(TODAY, "Month d, y")), ("p", f"{p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"),
         ("kv", [("Member", p.full()), ("Member ID", c.mem), ("Reference #", f"UM{dg(r, 9)}"), ("Requesting provider", Clin(r).full()), ("Service requested", cap(s["plan"]))]),
         ("p", f"Dear {p.title()}:"), ("p", f"We reviewed the request for {s['plan']} for your diagnosis of {s['lay']} ({c.code}). We are not able to approve this service because the records do not show {r.choice(['a trial of conservative treatment for at least 6 weeks', 'the required sleep study results', 'that the criteria of policy MP-' + dg(r, 3) + ' are met'])}."),
         ("p", "You have the right to appeal within 180 days. You or your doctor may call 1-800-555-0143 (TTY 711). If your health could be seriously harmed by waiting, ask for a fast (expedited) appeal."),
         ("p", "Usted tiene derecho a obtener esta información en español sin costo."), ("sig", f"{Clin(r, 'IA').full()}\nMedical Director, Prairie Mutual Health Plan")]
    return Doc("insurance-denial", "Notice of Adverse Benefit Determination", c.o, b, to=p, runhead=f"Member {c.mem}", foot=foot(r))
def P_eob(r):
    c = Case(r, ["payer"]); p, s = c.p, c.s; lines = []; tot = [0, 0, 0]
    for cpt, desc in r.sample([("99214", "Office visit"), ("95810", "Sleep study"), ("67028", "Eye injection"), ("27447", "Knee replacement"), ("96413", "Chemo infusion, first hour"), ("J0178", "Aflibercept 1 mg"), ("97110", "Therapeutic exercise")], 3):
        billed = r.randint(120, 4200); allowed = round(billed * r.uniform(0.3, 0.7), 2); pays = round(allowed * 0.8, 2); lines.append([fd(c.dt, "mdy"), f"{cpt} {desc}", money(billed), money(allowed), money(pays), money(allowed - pays)]); tot = [tot[0] + billed, tot[1] + allowed, tot[2] + allowed - pays]
    b = [("two", [("Member", p.full()), ("Member ID", c.mem), ("Group", f"GRP-{dg(r, 5)}"), ("Address", p.addr())], [("Claim #", c.claim), ("Provider", Clin(r).full()), ("Patient account", c.acct), ("Processed", fd(recent(r, 5), "mdy"))], "Member", "Claim"),
         ("tbl", ["Service date", "Service", "Billed", "Plan allowed", "Plan paid", "You owe"], lines),
         ("p", f"Diagnosis on claim: {c.code} ({s['lay']}). Your amount includes deductible and 20% coinsurance. Total you may owe the provider: {money(tot[2])}. This is not a bill."),
         ("p", "Questions? Call Member Services at 1-800-555-0112.")]
    return Doc("eob", "Explanation of Benefits", c.o, b, to=p, runhead=f"{p.LF()}  ID {c.mem}", foot=foot(r))
def P_collections(r):
    c = Case(r, ["collect"]); p, s = c.p, c.s; cred = r.choice([x for x in ORGS if x.kind in ("hosp", "ortho", "tele")]); bal = r.uniform(180, 6400)
    b = [("p", fd(TODAY, "Month d, y")), ("p", f"{p.CAPS()}\n{p.street.upper()}\n{p.city.upper()} {p.state} {p.zip}"),
         ("kv", [("Original creditor", cred.name), ("Creditor account", c.acct), ("Date of service", fd(c.dt - TD(days=r.randint(90, 300)), "mdy")), ("Service", f"{s['lay']} - {r.choice(['emergency visit', 'surgery', 'hospital stay', 'video visit'])}"), ("Balance due", money(bal)), ("Our reference", f"KRR-{dg(r, 8)}")]),
         ("p", f"Dear {p.title()}, this communication is from a debt collector. The account above has been placed with us by {cred.short}. Unless you dispute the validity of this debt within 30 days, we will assume it is valid."),
         ("p", "If you believe you qualify for financial assistance, you may still apply to the hospital; collection activity will pause while your application is reviewed. Medical debt under $500 is not reported to credit bureaus."),
         ("sig", f"Keystone Revenue Recovery\n{c.o.addr()}\n{c.o.phone}")]
    return Doc("collections-letter", "Validation Notice", c.o, b, to=p, runhead=f"Ref KRR / {p.LF()}", foot="This is an attempt to collect a debt. Any information obtained will be used for that purpose.")
def P_grievance(r):
    c = Case(r, ["hosp", "snf", "corr"]); p, s = c.p, c.s; rel = Person(r, 30, 70, state=p.state)
    b = [("p", fd(TODAY, "Month d, y")), ("p", f"{rel.full() if r.random() < 0.5 else p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"),
         ("p", f"Dear {rel.title() if r.random() < 0.5 else p.title()}:"),
         ("p", f"Thank you for contacting Patient Relations on {fd(recent(r, 20), 'Month d, y')} about the care {intro(r, p)} received during the admission for {s['lay']} (account {c.acct}). You told us that {r.choice(['call lights were not answered for over an hour overnight', 'pain medication was late after surgery', 'the discharge instructions were given only in English', 'a bill arrived for a service that was not received'])}."),
         ("p", "We reviewed the medical record, interviewed staff and shared your concerns with the unit leadership. We have taken steps including staff education and a change to the nightly rounding schedule. Under our grievance process this response closes your grievance, grievance number " + f"G{TODAY.year}-{dg(r, 4)}."),
         ("p", "If you are not satisfied, you may contact the state Department of Health and Human Services or the Joint Commission."), ("sig", f"{staffer(r).first_last()}\nPatient Relations Manager")]
    return Doc("grievance-response", "Grievance Resolution Letter", c.o, b, runhead=f"Grievance re {p.lf()} | MRN {c.mrn}", foot=foot(r))
def P_incident(r):
    c = Case(r, ["hosp", "snf", "home"]); p, s = c.p, c.s
    b = [("two", [("Person involved", p.lf()), ("MRN", c.mrn), ("DOB", dob(r, p)), ("Unit/room", r.choice(["3 North 318", "Rehab 2", "Home visit", "Hall C, 214"]))], [("Event date", f"{fd(recent(r, 4), 'mdy')} {hhmm(r)}"), ("Event type", r.choice(["Fall without injury", "Fall with minor injury", "Medication error - wrong time", "Skin tear"])), ("Harm level", r.choice(["No harm", "Minor", "Temporary harm"])), ("Report #", f"RL6-{dg(r, 6)}")], "Patient", "Event"),
         ("p", f"Description: At approximately {clock(r)} {intro(r, p)} was found {r.choice(['on the floor beside the bed', 'sitting on the bathroom floor', 'with a dose of ' + s['drug'] + ' given two hours late'])}. {cap(p.he())} has {s['lay']} ({c.code}). Vital signs stable; {c.clin.dr()} notified; family ({Person(r, 30, 70, state=p.state).full()}) notified at {clock(r)}."),
         ("p", "Contributing factors: bed alarm not set; non-skid socks not in place; night staffing one CNA below plan. Immediate actions: post-fall huddle, neuro checks every hour x4, fall-risk signage updated."),
         ("sig", f"Reported by {staffer(r).first_last()}, RN\nConfidential patient safety work product")]
    return Doc("incident-report", "Patient Safety Event Report", c.o, b, runhead=runhead(r, c), foot="Patient safety work product - privileged and confidential.")
def P_roi(r):
    c = Case(r, ["hosp", "ortho", "corr", "tele"]); p, s = c.p, c.s; law = r.choice(["Whitcombe & Raines LLP", "Okafor Injury Law", "Marchetti Bellweather PC", "Lindgren Hale Attorneys"])
    b = [("kv", [("Requestor", f"{law}, attorney {staffer(r).first_last()}"), ("Request type", r.choice(["Subpoena duces tecum", "Patient-signed HIPAA authorization", "Court order"])), ("Case", f"{p.family} v. {r.choice(['Harlan Trucking Co.', 'Stonefield Apartments LLC', 'Allstate'])}, No. {TODAY.year - 1}-CV-{dg(r, 5)}"),
                 ("Patient", p.full()), ("DOB", dob(r, p)), ("SSN (last 4)", ssn(r)[-4:]), ("Dates requested", f"{fd(recent(r, 700, 0), 'mdy')} - present")]),
         ("tbl", ["Record set", "Pages", "Released", "Note"], [["Emergency department records", str(r.randint(8, 40)), "yes", ""], ["Imaging reports", str(r.randint(2, 9)), "yes", s["test"]], ["Behavioral health notes", str(r.randint(3, 20)), "no", "42 CFR Part 2 / separate authorization required"], ["Billing ledger", str(r.randint(1, 6)), "yes", f"acct {c.acct}"]]),
         ("p", f"Records for {p.title()} concerning {s['lay']} ({c.code}) are released under the authorization dated {fd(recent(r, 30), 'mdy')}. Fee: {money(r.uniform(25, 95))}. Records certified by the custodian."),
         ("sig", f"{staffer(r).first_last()}, RHIT\nRelease of Information, {c.o.short}")]
    return Doc("release-of-information", "Release of Information - Disclosure Log", c.o, b, runhead=f"ROI {dg(r, 6)} | {p.lf()}", foot=foot(r))
def P_court(r):
    c = Case(r, ["forensic"]); p, s = c.p, c.s; county = r.choice(["Cascade", "Gallatin", "Yellowstone", "Missoula"])
    b = [("p", f"IN THE DISTRICT COURT OF {county.upper()} COUNTY, MONTANA"), ("p", f"State of Montana v. {p.CAPS()}, Cause No. DC-{TODAY.year % 100}-{dg(r, 3)}"),
         ("h", "Court-ordered evaluation"), ("p", f"Pursuant to the order dated {fd(recent(r, 60), 'Month d, y')}, I evaluated {intro(r, p)}, date of birth {dob(r, p, 'Month d, y')}, at the {county} County Detention Center on {fd(c.dt, 'Month d, y')} for {r.choice(['fitness to proceed', 'mental state at the time of the offense', 'dangerousness'])}."),
         ("p", f"Sources: interview ({r.randint(2, 5)} hours), jail medical records, prior records from {r.choice(['Montana State Hospital', 'a community mental health center'])}. {cap(s['test'])}: {s['result']}."),
         ("p", f"Diagnostic impression: {s['dx']} ({c.code}). {later(r, p)} is currently treated with {s['drug']}."),
         ("p", f"Opinion: to a reasonable degree of psychological certainty, {p.title()} {s['result'] if 'understand' in s['result'] else 'has a rational and factual understanding of the proceedings'}. Recommendation: {s['plan']}."),
         ("sig", f"{c.clin.given} {c.clin.family}, PhD, ABPP (Forensic)\n{c.o.name}")]
    return Doc("court-ordered-eval", "Forensic Psychological Evaluation", c.o, b, runhead=f"CONFIDENTIAL - {p.LF()} - DC-{dg(r, 3)}", foot="Filed under seal. Not for redisclosure.")
def P_es(r):
    c = Case(r, ["women", "tele", "school", "home"]); p, s = c.p, c.s
    b = [("p", f"{fd(TODAY, 'esn')}"), ("p", f"Estimado(a) {p.full()}:"),
         ("kv", [("Paciente", p.full()), ("Fecha de nacimiento", fd(p.dob, "mdy")), ("Número de expediente", c.mrn), ("Número de afiliado", c.mem)]),
         ("p", f"Le escribimos sobre su {s['es']} ({c.code}). El resultado de su prueba ({s['test']}) fue: {s['result']}. Su medicamento: {s['drug']}."),
         ("p", f"Por favor llame al {c.o.phone} para programar su próxima cita antes del {fd(future(r, 5, 20), 'esn')}."), ("sig", f"Atentamente,\n{c.clin.full()}\n{c.o.name}")]
    return Doc("spanish-letter", "Carta al paciente", c.o, b, lang="es", to=p, runhead=f"{p.LF()} - Exp. {c.mrn}", subject=f"Resultados de su visita - {p.given}")
def P_phone(r):
    c = Case(r); p, s = c.p, c.s; rel = Person(r, 25, 80, state=p.state, family=p.family if r.random() < 0.6 else None)
    b = [("p", f"{fd(TODAY, 'mdy')} {clock(r)} - {rel.given} ({r.choice(['wife', 'son', 'daughter', 'husband', 'mother'])}) called about {p.given} {p.family}. {cap(p.he())} {r.choice(['has not been eating since Tuesday', 'is more confused tonight', 'ran out of ' + s['drug'].split(' ')[0], 'has a fever of 101.2'])}. Known {s['lay']}."),
         ("p", f"Spoke with {c.clin.dr()}, who recommends: {s['plan']}. Called {rel.given} back at {rel.phone}; {rel.he()} will bring {p.him()} in tomorrow. Chart {c.mrn}."), ("sig", staffer(r).first_last() + ", RN")]
    return Doc("phone-note", None, c.o, b, kind="mail", subject=r.choice(["phone message", f"call re {p.given}", "Message from family", "Callback needed"]))
PHI_NARR = [P_infusion, P_transplant, P_nicu, P_ortho, P_device, P_sleep, P_audio, P_eye, P_therapy, P_nutrition, P_lactation, P_school, P_corr, P_snf, P_oasis, P_tele, P_critical,
            P_path, P_medrec, P_pdmp, P_appeal, P_denial, P_eob, P_collections, P_grievance, P_incident, P_roi, P_court, P_es, P_phone]

# ---------------------------------------------------------------- PHI interchange
def hts(d, r, t=True): return d.strftime("%Y%m%d") + (f"{r.randint(6, 22):02d}{r.randint(0, 59):02d}" if t else "")
def msh(r, o, typ, proc="P"): return f"MSH|^~\\&|{o.ehr.split()[0].upper()}|{re.sub('[^A-Z]', '', o.short.upper())[:6]}|HIE|STATEHIE|{hts(TODAY, r)}||{typ}|{dg(r, 10)}|{proc}|2.5.1"
def pid(r, c): p = c.p; return f"PID|1||{c.mrn}^^^{re.sub('[^A-Z]', '', c.o.short.upper())[:4]}^MR||{p.hl7()}||{hts(p.dob, r, False)}|{p.sex}|||{asc(p.street)}^^{asc(p.city)}^{p.state}^{p.zip}||{re.sub('[^0-9]', '', p.phone)}"
def R_oru(r):
    c = Case(r, ["lab", "hosp"], scen=r.choice(SC["hosp"])); s = c.s; val = re.findall(r"[\d.,]+", s["result"]) or ["1"]
    t = "\n".join([msh(r, c.o, "ORU^R01^ORU_R01"), pid(r, c), f"PV1|1|I|{r.choice(['4W', 'ICU', 'ED'])}^{r.randint(1, 40)}||||{c.clin.npi}^{asc(c.clin.family).upper()}^{asc(c.clin.given).upper()}",
                   f"OBR|1|{dg(r, 9)}|{dg(r, 9)}|{dg(r, 5)}-{r.randint(0, 9)}^{s['test'].upper()}^LN|||{hts(c.dt, r)}", f"OBX|1|NM|{dg(r, 4)}-{r.randint(0, 9)}^{s['test']}^LN||{val[0].replace(',', '')}|{r.choice(['mmol/L', 'K/uL', 'ng/L'])}|||HH|||F",
                   f"NTE|1||Critical value called to {staffer(r).first_last()} RN at {hhmm(r)}, read back. Dx {c.code}."])
    return Doc("hl7-oru-critical", "HL7 ORU", c.o, [("p", r.choice(["Interface message for the failed-delivery queue:", "Raw ORU from the engine log:", "This result did not file - see message:"])), ("pre", t)], kind="mail", subject=r.choice(["ORU failed to file", "Interface error - critical result", "HL7 message"]))
def R_adt(r):
    c = Case(r, ["nicu", "hosp", "snf"]); p = c.p
    t = "\n".join([msh(r, c.o, r.choice(["ADT^A03^ADT_A03", "ADT^A01^ADT_A01", "ADT^A02^ADT_A02"])), f"EVN||{hts(TODAY, r)}", pid(r, c), f"PV1|1|I|{r.choice(['NICU^B12', '3N^318^A', 'SNF^204'])}||||{c.clin.npi}^{asc(c.clin.family).upper()}|||||||||||{re.sub('[^0-9]', '', c.acct)}",
                   f"DG1|1||{c.code}^{c.dx[:60]}^I10", f"IN1|1|{dg(r, 5)}|{dg(r, 6)}|{c.insurer}|||||||||||||{p.hl7()}|18|{hts(p.dob, r, False)}||||||||||||||||||{c.mem}"])
    return Doc("hl7-adt", "HL7 ADT", c.o, [("p", "ADT from the feed below - the downstream system rejected it (PID-7)."), ("pre", t)], kind="mail", subject="ADT reject")
def R_fhir(r):
    c = Case(r); p = c.p
    res = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": dg(r, 6), "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": c.mrn}],
           "name": [{"family": p.family, "given": p.given.split() + ([p.middle] if p.middle else []), **({"suffix": [p.suffix]} if p.suffix else {})}], "gender": {"F": "female", "M": "male"}[p.sex], "birthDate": p.dob.isoformat(),
           "address": [{"line": [p.street], "city": p.city, "state": p.state, "postalCode": p.zip}]}},
           {"resource": {"resourceType": "Condition", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": c.code, "display": c.dx}]}, "subject": {"reference": "Patient/" + c.mrn}, "recordedDate": c.dt.isoformat()}}]}
    return Doc("fhir-bundle", "FHIR", c.o, [("p", r.choice(["Payload from the failed $submit call:", "Here is the bundle the app sent:"])), ("pre", json.dumps(res, indent=2, ensure_ascii=False))], kind="mail", subject="FHIR bundle - validation error")
def R_835(r):
    c = Case(r, ["payer", "collect"]); p = c.p; pd = r.uniform(40, 900)
    t = "~\n".join([f"ISA*00*          *00*          *ZZ*PRAIRIEMUT     *ZZ*{dg(r, 9)}      *{TODAY:%y%m%d}*{hhmm(r)}*^*00501*{dg(r, 9)}*0*P*:", "GS*HP*PRAIRIEMUT*" + dg(r, 9) + f"*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 999)}*X*005010X221A1",
                    f"CLP*{re.sub('[^0-9A-Z]', '', c.acct)}*1*{pd * 2:.2f}*{pd:.2f}*{pd * 0.2:.2f}*12*{c.claim}*11*1", f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{re.sub(' ', '', c.mem)}",
                    f"DTM*232*{c.dt:%Y%m%d}", f"SVC*HC:{r.choice(['99214', '95810', '97110'])}*{pd * 2:.2f}*{pd:.2f}", f"CAS*PR*1*{pd * 0.2:.2f}"]) + "~"
    return Doc("x12-835", "835", c.o, [("p", "Payment posted short - remit segment below. Can you check the patient responsibility?"), ("pre", t)], kind="mail", subject="835 question")
def R_271(r):
    c = Case(r); p = c.p
    t = "~\n".join([f"ST*271*{dg(r, 4)}*005010X279A1", "BHT*0022*11*" + dg(r, 10) + f"*{TODAY:%Y%m%d}*{hhmm(r)}", "NM1*PR*2*PRAIRIE MUTUAL HEALTH PLAN*****PI*" + dg(r, 5),
                    f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{re.sub(' ', '', c.mem)}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", "EB*1*IND*30**PPO", f"EB*C*IND*30***23*{r.choice([500, 1500, 3000])}", f"MSG*ELIGIBLE THROUGH {future(r, 20, 300):%m/%d/%Y}"]) + "~"
    return Doc("x12-271", "271", c.o, [("p", f"Eligibility response for tomorrow's {c.s['lay']} visit:"), ("pre", t)], kind="mail", subject="271 response")
PHI_RAW = [R_oru, R_adt, R_fhir, R_835, R_271]

# ---------------------------------------------------------------- PHI lists (one patient per row, a date column in each)
def pts(r, n, kinds): o = org(r, kinds); return o, [Case(r, o=o) for _ in range(n)]
def nmv(r, p, st): return [p.lf(), p.LF(), p.full(), f"{p.family}, {p.given}", p.CAPS()][st]
def listdoc(cat, title, o, hdr, rows, intro_=None):
    return Doc(cat, title, o, ([("p", intro_)] if intro_ else []) + [("tbl", hdr, rows)], kind="list", table=(hdr, rows), foot=r_foot())
def r_foot(): return R.choice(FOOT_PHI)
def L_chairs(r):
    o, cs_ = pts(r, r.randint(7, 13), ["onc"]); st = r.randrange(5)
    return listdoc("infusion-chair-schedule", f"Infusion chair schedule {fd(future(r, 1, 3), 'mdy')}", o, ["Chair", "Time", "Patient", "DOB", "MRN", "Regimen", "Labs / notes"],
                   [[f"{i + 1}", f"{7 + i // 2}:{'00' if i % 2 == 0 else '30'}", nmv(r, c.p, st), c.p.dob, c.mrn, c.s["drug"], f"{c.s['test']}: {c.s['result']}"] for i, c in enumerate(cs_)])
def L_tx_labs(r):
    o, cs_ = pts(r, r.randint(6, 12), ["transplant"]); st = r.randrange(5)
    return listdoc("transplant-labs", "Post-transplant lab review", o, ["Patient", "DOB", "MRN", "Organ", "Draw date", "Result", "Action"],
                   [[nmv(r, c.p, st), c.p.dob, c.mrn, c.s["lay"], recent(r, 5), c.s["result"], c.s["plan"]] for c in cs_])
def L_nicu(r):
    o, cs_ = pts(r, r.randint(8, 14), ["nicu"])
    return listdoc("nicu-census", "NICU census / bed board", o, ["Bed", "Infant", "DOB", "MRN", "GA", "Problem", "Mother / phone"],
                   [[f"B{i + 1:02d}", f"Baby {'Girl' if c.p.sex == 'F' else 'Boy'} {c.p.family}", c.p.dob, c.mrn, f"{r.randint(24, 36)}w", f"{c.code} {c.s['lay']}", f"{Person(r, 18, 42, sex='F', state=c.p.state, family=c.p.family).given} {c.p.phone}"] for i, c in enumerate(cs_)])
def L_or(r):
    o, cs_ = pts(r, r.randint(6, 11), ["ortho"]); st = r.randrange(5); d = future(r, 1, 5)
    return listdoc("or-schedule", f"OR schedule {fd(d, 'wd')}", o, ["Room", "Start", "Patient", "DOB", "Procedure", "Dx", "Surgery date", "Insurance / auth"],
                   [[f"OR {r.randint(1, 6)}", f"{7 + i}:{r.choice(['00', '30'])}", nmv(r, c.p, st), c.p.dob, c.s["plan"], c.code, d, f"{c.insurer} {dg(r, 8)}"] for i, c in enumerate(cs_)])
def L_remote(r):
    o, cs_ = pts(r, r.randint(7, 13), ["cardio"])
    return listdoc("remote-monitoring-alerts", "Remote monitoring alerts - triage", o, ["Received", "Patient", "DOB", "Device", "Alert", "Follow-up"],
                   [[dtm.datetime(TODAY.year, TODAY.month, TODAY.day, r.randint(0, 9), r.randint(0, 59)) - TD(days=r.randint(0, 2)), c.p.lf(), c.p.dob, r.choice(["PPM", "ICD", "ILR", "CRT-D"]), c.s["result"], c.s["plan"]] for c in cs_])
def L_sleep(r):
    o, cs_ = pts(r, r.randint(6, 10), ["sleep"])
    return listdoc("sleep-lab-schedule", "Sleep lab bookings", o, ["Night of", "Bed", "Patient", "DOB", "Phone", "Study", "Reason"],
                   [[future(r, 0, 10), str(i % 4 + 1), c.p.full(), c.p.dob, c.p.phone, r.choice(["PSG", "split night", "CPAP titration", "MSLT"]), f"{c.code} {c.s['lay']}"] for i, c in enumerate(cs_)])
def L_school(r):
    o, cs_ = pts(r, r.randint(8, 14), ["school"])
    return listdoc("school-health-roster", "Students with health plans - 2026-27", o, ["Student", "Grade", "Birthdate", "Condition", "Medication at school", "Parent", "Parent phone"],
                   [[c.p.lf(), str(max(1, min(12, c.p.age - 5))), c.p.dob, c.s["lay"], c.s["drug"], Person(r, 30, 50, state=c.p.state, family=c.p.family).first_last(), c.p.phone] for c in cs_])
def L_snf(r):
    o, cs_ = pts(r, r.randint(9, 15), ["snf"])
    return listdoc("snf-census", "Midnight census", o, ["Room", "Resident", "DOB", "Admit", "Payer", "Medicare #", "Primary dx"],
                   [[f"{r.randint(100, 260)}{r.choice('AB')}", c.p.LF(), c.p.dob, recent(r, 200), r.choice(["Medicare A", "Medicaid", "Private", "MA plan"]), c.mbi, f"{c.code} {c.s['lay']}"] for c in cs_])
def L_oasis(r):
    o, cs_ = pts(r, r.randint(7, 12), ["home"])
    return listdoc("oasis-due", "OASIS due this week", o, ["Patient", "DOB", "Address", "SOC", "Assessment due", "Clinician", "Dx"],
                   [[c.p.lf(), c.p.dob, c.p.addr(), recent(r, 55), future(r, 0, 6), staffer(r).first_last(), c.code] for c in cs_])
def L_critical(r):
    o, cs_ = pts(r, r.randint(8, 13), ["lab", "hosp"])
    return listdoc("critical-value-log", "Critical value call log", o, ["Date/time", "Patient", "MRN", "Test", "Result", "Called to", "Read-back"],
                   [[dtm.datetime(TODAY.year, TODAY.month, TODAY.day, r.randint(0, 23), r.randint(0, 59)) - TD(days=r.randint(0, 6)), c.p.lf(), c.mrn, c.s["test"], c.s["result"], staffer(r).first_last() + ", RN", r.choice(["Y", "Y", "Y", "N - recalled"])] for c in cs_])
def L_pdmp(r):
    o, cs_ = pts(r, r.randint(6, 11), ["hosp", "tele", "ortho"])
    return listdoc("pdmp-audit", "PDMP query audit - controlled prescriptions", o, ["Rx date", "Patient", "DOB", "Drug", "MME/day", "PDMP checked", "Prescriber"],
                   [[recent(r, 14), c.p.full(), c.p.dob, r.choice(["oxycodone 5 mg", "hydrocodone/APAP 5/325", "tramadol 50 mg", "lorazepam 0.5 mg"]), str(r.randint(10, 90)), r.choice(["yes", "yes", "NO"]), c.clin.full()] for c in cs_])
def L_collect(r):
    o, cs_ = pts(r, r.randint(8, 14), ["collect"])
    return listdoc("collections-placement", "New placements - medical accounts", o, ["Guarantor", "DOB", "Address", "Creditor acct", "Service date", "Service", "Balance"],
                   [[c.p.LF(), c.p.dob, c.p.addr(), c.acct, c.dt - TD(days=r.randint(90, 400)), c.s["lay"], round(r.uniform(90, 7000), 2)] for c in cs_])
def L_appeals(r):
    o, cs_ = pts(r, r.randint(7, 12), ["payer"])
    return listdoc("appeals-queue", "Appeals and grievances queue", o, ["Received", "Member", "Member ID", "DOB", "Claim #", "Service / dx", "Due"],
                   [[recent(r, 20), c.p.lf(), c.mem, c.p.dob, c.claim, f"{c.s['plan']} ({c.code})", future(r, 1, 25)] for c in cs_])
def L_roi(r):
    o, cs_ = pts(r, r.randint(7, 12), ["hosp"])
    return listdoc("roi-log", "Release of information log", o, ["Received", "Patient", "DOB", "MRN", "Requestor", "Purpose", "Status"],
                   [[recent(r, 25), c.p.lf(), c.p.dob, c.mrn, r.choice(["Whitcombe & Raines LLP", "SSA Disability (DDS)", "Patient", "Liberty Mutual (WC)", "Court order"]), r.choice(["litigation", "disability", "personal", "continuity of care"]), r.choice(["released", "pending auth", "denied - invalid authorization"])] for c in cs_])
PHI_LIST = [L_chairs, L_tx_labs, L_nicu, L_or, L_remote, L_sleep, L_school, L_snf, L_oasis, L_critical, L_pdmp, L_collect, L_appeals, L_roi]

# ================================================================== clean content
def staffs(r, n, st=None): return [staffer(r, st) for _ in range(n)]
TOPICS = [("chemotherapy-induced neuropathy", "G62.0"), ("tacrolimus monitoring after kidney transplant", "Z94.0"), ("bronchopulmonary dysplasia in preterm infants", "P27.1"), ("periprosthetic joint infection", "T84.50XA"),
          ("remote monitoring of cardiac devices", "Z95.0"), ("insomnia in shift workers", "G47.00"), ("hidden hearing loss", "H90.3"), ("anti-VEGF therapy for wet AMD", "H35.3211"), ("return to driving after stroke", "I69.351"),
          ("gestational diabetes nutrition", "O24.419"), ("breastfeeding the late-preterm infant", "P07.38"), ("food allergy action plans in schools", "T78.01XA"), ("medications for opioid use disorder in jails", "F11.20"),
          ("pressure injury prevention", "L89.153"), ("heart failure at home", "I50.32")]
def C_tumor_board(r):
    o = org(r, ["onc", "transplant", "hosp"]); ss = SC["onc"] + SC["transplant"]; cases = r.sample(ss, 3)
    b = [("p", f"Multidisciplinary conference - {fd(future(r, 2, 9), 'wd')}, {clock(r)}, {r.choice(['Conference Room B', 'Teams', 'Cancer Center 2nd floor'])}. Cases are de-identified; do not add names or MRNs to this document."),
         ("tbl", ["Case", "Age band", "Summary", "Question for the board"], [[f"Case {i + 1}", f"{r.choice(['40s', '50s', '60s', '70s'])} {r.choice(['F', 'M'])}", f"{s_['dx']} ({s_['code']}); {s_['test']} {s_['result']}", r.choice(["Adjuvant therapy vs surveillance?", "Candidate for clinical trial?", "Surgery first?", "Reduce immunosuppression?"])] for i, s_ in enumerate(cases)]),
         ("p", f"Presenters: {', '.join(x.first_last() for x in staffs(r, 3, o.state))}. Pathology and radiology will share images on screen only."), ("sig", f"{staffer(r, o.state).first_last()}\nCancer Program Coordinator")]
    return Doc("tumor-board-deid", "Tumor Board Agenda (de-identified)", o, b)
def C_class(r):
    o = org(r); t, code = r.choice(TOPICS); inst = Clin(r, o.state)
    b = [("p", f"{inst.full()} will teach \"{cap(t)}\" for nurses and therapists on {fd(future(r, 5, 40), 'Month d, y')} at {clock(r)} in the {r.choice(['Education Center', 'Main auditorium', 'Simulation Lab'])}. {r.choice(['1.5', '1.0', '2.0'])} contact hours."),
         ("p", f"Objectives: describe the evidence for {t}; apply it to documentation (e.g. ICD-10-CM {code}); practice with sample cases. Sample cases are fictional."),
         ("p", f"Register in the learning system by {fd(future(r, 2, 20), 'mdy')}. Questions: {staffer(r, o.state).first_last()}, Clinical Educator, ext. {r.randint(2000, 7999)}.")]
    return Doc("staff-education", "Continuing Education", o, b, kind="mail", subject=f"CE class: {t}")
def C_handout(r):
    o = org(r); t, code = r.choice(TOPICS)
    b = [("kv", [("Patient name", "______________________"), ("Date of birth", "____/____/______"), ("MRN", "______________")]), ("h", f"Living with {t}"),
         ("cols2", [f"This handout explains {t} in plain language. Your care team will go over it with you.", "Call us if you have fever over 100.4 F, new swelling, or you cannot keep medicines down.",
                    "Bring all your medicine bottles to each visit.", f"Questions? Call {o.phone}, Monday to Friday, 8 a.m. to 4:30 p.m."]),
         ("p", f"Form {re.sub('[^A-Z]', '', o.short.upper())[:4]}-ED-{r.randint(100, 999)} rev. {r.randint(1, 12)}/{TODAY.year}")]
    return Doc("patient-education", "Patient Education", o, b)
def C_template(r):
    o = org(r, ["payer", "collect", "hosp", "forensic"]); k = r.randrange(3)
    b = [("p", "[DATE]"), ("p", "«PatientFullName»\n«AddressLine1»\n«City», «State» «Zip»"),
         ("kv", [("Member ID", "{{member.id}}"), ("Claim #", "{{claim.number}}"), ("Date of birth", "<<DOB>>"), ("Date of service", "[DOS]")]),
         ("p", ["Dear «Salutation» «LastName»: We reviewed the request for «ServiceDescription». [INSERT DETERMINATION RATIONALE - cite policy number]. You may appeal within 180 days.",
                "This communication is from a debt collector. The balance of {{balance}} for services at {{facility}} on [DOS] ... [VALIDATION LANGUAGE PER REG F].",
                "Your grievance received on [DATE RECEIVED] about [SUMMARY] has been reviewed. [FINDINGS]. [ACTIONS TAKEN]."][k]),
         ("p", f"Template owner: {staffer(r, o.state).first_last()}. Version {r.randint(2, 9)}.{r.randint(0, 9)} approved by Compliance {fd(recent(r, 200), 'mdy')}. Do not send with merge fields unfilled.")]
    return Doc("letter-template", ["Adverse determination letter - TEMPLATE", "Validation notice - TEMPLATE", "Grievance resolution - TEMPLATE"][k], o, b)
def C_test_patient(r):
    o = org(r); tk = f"INC{dg(r, 7)}"
    b = [("p", f"Ticket {tk}: results for the test patient did not cross to the new {o.ehr} environment during validation on {fd(recent(r, 5), 'mdy')}."),
         ("kv", [("Test patient", r.choice(["ZZTEST, ONCOLOGY", "ZZZTEST, NICU BABY", "TEST, DEVICECLINIC", "ZZTRAIN, SLEEPLAB"])), ("Test MRN", f"99{dg(r, 6)}"), ("DOB", "01/01/1900"), ("SSN", f"999-{r.randint(10, 99)}-{dg(r, 4)}"), ("Environment", r.choice(["TST", "POC", "BLD"]))]),
         ("p", f"Interface engineer {staffer(r, o.state).first_last()} will replay messages after the {fd(future(r, 1, 5), 'm/d')} code push. No production data involved.")]
    return Doc("it-test-patient", "Interface validation", o, b, kind="mail", subject=f"{tk} - test patient results not crossing")
def C_vendor(r):
    o = org(r); v = r.choice(VENDORS); po = f"PO-{dg(r, 7)}"
    items = [[r.choice(["Infusion pump tubing set", "Biopsy needle 14G", "Hearing aid batteries size 312", "CPAP mask medium", "Intravitreal injection kit", "Incontinence briefs L", "Knee immobilizer 20in"]), f"REF {dg(r, 6)}", f"LOT {r.choice('ABCDEFGH')}{dg(r, 5)}", future(r, 200, 800), str(r.randint(2, 40))] for _ in range(r.randint(4, 7))]
    b = [("kv", [("Purchase order", po), ("Ship to", o.name), ("Invoice", f"INV-{dg(r, 8)}"), ("Ship date", fd(recent(r, 3), "mdy")), ("Tracking", f"1Z{hexs(r, 16)}")]),
         ("tbl", ["Item", "Catalog", "Lot", "Expiry", "Qty"], items), ("p", f"Questions? {v.name}, customer service {v.phone}.")]
    return Doc("vendor-order", f"Order confirmation {po}", v, b, table=(["Item", "Catalog", "Lot", "Expiry", "Qty"], items))
def C_recall(r):
    o = org(r); v = r.choice(VENDORS)
    b = [("p", f"Urgent field safety notice from {v.name}: certain lots of {r.choice(['syringe infusion pump cassettes', 'sleep apnea mask cushions', 'sterile eye drapes', 'bone cement mixing kits'])} may have a seal defect."),
         ("tbl", ["Product", "REF", "Lot", "Manufactured"], [[f"Model {r.choice('ABCX')}{dg(r, 3)}", dg(r, 6), f"{dg(r, 2)}{r.choice('KLMN')}{dg(r, 4)}", recent(r, 300, 0)] for _ in range(4)]),
         ("p", f"Materials Management: quarantine affected stock and return the response form by {fd(future(r, 5, 15), 'mdy')}. No patient harm has been reported. Contact {staffer(r, o.state).first_last()} in Supply Chain.")]
    return Doc("device-recall", "Field Safety Notice", o, b)
def C_mbi(r):
    o = org(r, ["payer", "hosp", "snf", "home"])
    b = [("p", "Job aid: Medicare Beneficiary Identifier (MBI)."), ("bul", ["The MBI has 11 characters in the format 1AA1-AA1-AA11 (dashes are not stored).", "CMS's published example is 1EG4-TE5-MK73 - use it in training only.",
          "Letters S, L, O, I, B and Z are never used.", "Never write a real beneficiary's MBI in e-mail or in this job aid."]), ("p", f"Questions: {staffer(r, o.state).first_last()}, Registration Trainer.")]
    return Doc("training-mbi", "MBI training", o, b)
def C_ssn(r):
    o = org(r)
    b = [("p", "Registration training - Social Security number field."), ("kv", [("Example (invalid, advertising)", "078-05-1120"), ("Example (never issued)", "123-45-6789"), ("Reserved for advertising", "987-65-4320 through 987-65-4329"), ("Unknown SSN", "leave blank - do not enter 000-00-0000")]),
         ("p", f"Quiz due {fd(future(r, 3, 20), 'mdy')}. Trainer: {staffer(r, o.state).first_last()}.")]
    return Doc("training-ssn", "SSN field training", o, b)
def C_dob_notice(r):
    o = org(r)
    b = [("p", f"Effective {fd(future(r, 5, 30), 'Month d, y')}, the Date of Birth field on form {re.sub('[^A-Z]', '', o.short.upper())[:3]}-{r.randint(100, 999)} (rev. {r.randint(1, 12)}/{TODAY.year}) moves to section 2, and the Date of Service field becomes required."),
         ("p", f"Please discard printed copies dated before {fd(recent(r, 60), 'mdy')}. Questions to Forms Committee chair {staffer(r, o.state).first_last()}.")]
    return Doc("dob-form-notice", "Form revision notice", o, b, kind="mail", subject="Form revision - Date of Birth field")
def C_birthday(r):
    o = org(r); t = staffer(r, o.state)
    b = [("p", f"Please join us to celebrate {t.first_last()}'s birthday on {fd(future(r, 1, 10), 'wd')} at {clock(r)} in the {r.choice(['break room', 'staff lounge', 'rehab gym'])}. Cake from {r.choice(['Rosie''s Bakery', 'Costco', 'Flour & Fig'])} - sign the card at the front desk!")]
    return Doc("staff-birthday", None, o, b, kind="mail", subject=f"Birthday cake for {t.given}!")
def C_job(r):
    o = org(r); role = r.choice(["Infusion RN", "NICU Respiratory Therapist", "Audiologist (Au.D.)", "Sleep Technologist (RPSGT)", "Release of Information Specialist", "School Nurse (credentialed)", "Correctional Health RN", "OASIS Quality Reviewer", "Appeals Coordinator"])
    b = [("p", f"{o.name} is hiring a {role} ({r.choice(['full-time', '0.8 FTE', 'per diem'])}, req #{dg(r, 6)})."), ("bul", ["Current state license or certification", "BLS required", f"Pay range ${r.randint(26, 48)}-${r.randint(50, 72)}/hour", "Sign-on bonus for nights"]),
         ("p", f"Apply at careers.{o.dom} by {fd(future(r, 10, 40), 'mdy')}. Recruiter: {staffer(r, o.state).first_last()}.")]
    return Doc("job-posting", f"Now hiring: {role}", o, b)
def C_policy(r):
    o = org(r); pol = r.choice([("Release of Information", "Requests are logged within one business day. Valid authorizations must include the patient's name, the records requested, the recipient, purpose, expiration and signature. Subpoenas without a court order or satisfactory assurance are referred to Legal."),
                                ("PDMP Query", "Prescribers query the state PDMP before initiating any Schedule II-IV prescription and at least every 90 days thereafter. Delegates may query under their own account."),
                                ("Critical Results", "Critical values are called to a licensed caregiver within 30 minutes of verification with read-back documented."),
                                ("Grievances", "A complaint becomes a grievance when it cannot be resolved promptly by staff present. Written responses are sent within 7 days.")])
    b = [("kv", [("Policy", f"{pol[0]} ({re.sub('[^A-Z]', '', o.short.upper())[:3]}-{r.randint(100, 499)})"), ("Owner", staffer(r, o.state).first_last()), ("Effective", fd(recent(r, 300), "mdy")), ("Next review", fd(future(r, 100, 600), "mdy"))]),
         ("h", "Policy"), ("p", pol[1]), ("h", "Procedure"), ("bul", ["Verify identity of the requestor.", "Document in the tracking system.", "Escalate exceptions to the department director."])]
    return Doc("policy", f"Policy: {pol[0]}", o, b)
def C_newsletter(r):
    o = org(r); t, code = r.choice(TOPICS); q = Clin(r, o.state)
    b = [("cols2", [f"This month's spotlight is {t}. Across the country, programmes like ours are changing how care is organised.", f"\"Most of what helps is simple and repeatable,\" says {q.full()}, who leads our work on {t}.",
                    f"Nationally, about {r.randint(2, 30)} percent of adults are affected in some way; only aggregate data are reported here.", f"Join the lunch-and-learn on {fd(future(r, 3, 30), 'Month d, y')}. The coding team reminds you the ICD-10-CM code family is {code}."]),
         ("p", f"Kudos this month to {', '.join(x.first_last() for x in staffs(r, 3, o.state))} for perfect hand-hygiene audits.")]
    return Doc("newsletter", f"{o.short} News - {MON[TODAY.month - 1]} {TODAY.year}", o, b)
def C_stats(r):
    o = org(r); hdr = ["Month", "Visits", "Unique patients", "Rate", "Events"]
    rows = [[MON[m][:3] + f" {TODAY.year}", r.randint(200, 3000), r.randint(80, 900), f"{r.uniform(1, 25):.1f}%", r.choice(["<11", str(r.randint(11, 60))])] for m in range(TODAY.month)]
    b = [("p", f"Aggregate, de-identified data for {r.choice(['critical-value call timeliness', 'infusion chair utilisation', 'NICU central-line infections', 'telehealth visit volume', 'appeal overturn rates', 'OASIS timeliness'])}. Cells under 11 are suppressed."), ("tbl", hdr, rows)]
    return Doc("deidentified-stats", "Quality dashboard", o, b, kind="list", table=(hdr, rows))
def C_minutes(r):
    o = org(r); ppl = staffs(r, 5, o.state)
    b = [("kv", [("Meeting", r.choice(["Patient Safety Committee", "HIM Committee", "Infusion Council", "School Health Advisory", "Device Clinic Operations"])), ("Date", fd(recent(r, 7), "mdy")), ("Present", ", ".join(p.first_last() for p in ppl))]),
         ("bul", [f"Event-report volume up {r.randint(2, 19)}% (aggregate). No names discussed.", f"New ROI vendor go-live {fd(future(r, 10, 60), 'mdy')}.", "Updated fall-prevention bundle approved.", f"Next meeting {fd(future(r, 20, 40), 'mdy')}."])]
    return Doc("minutes", "Meeting Minutes", o, b)
def C_es(r):
    o = org(r)
    b = [("p", f"Aviso al personal: la clínica de vacunación contra la influenza para empleados será el {fd(future(r, 2, 14), 'esn')} de 7:00 a 15:00 en la cafetería."), ("p", f"Traiga su credencial de empleado. Preguntas: {staffer(r, o.state).first_last()}, Salud Ocupacional.")]
    return Doc("spanish-staff-notice", "Aviso al personal", o, b, lang="es", kind="mail", subject="Vacunación para empleados")
def C_fax_template(r):
    o = org(r)
    b = [("fax", [("To", "________________________"), ("Fax", "(___) ___-____"), ("From", o.name), ("Pages (incl. cover)", "____"), ("Re", "________________________")], "The documents accompanying this fax may contain confidential information. If you received this in error, call us and destroy the documents."),
         ("p", f"Blank cover sheet for the {r.choice(['HIM', 'Infusion', 'Device Clinic', 'Appeals'])} department. Print from the forms library (form FX-{r.randint(10, 99)}).")]
    return Doc("fax-cover-template", None, o, b)
def C_eob_explainer(r):
    o = org(r, ["payer"])
    b = [("p", "How to read your Explanation of Benefits (sample). All names and numbers below are fictional."), ("kv", [("Member", "SAMPLE, PAT"), ("Member ID", "XXXXXXXXX-01"), ("Claim #", "0000000000000")]),
         ("tbl", ["Column", "What it means"], [["Billed", "What the provider charged"], ["Plan allowed", "The contracted amount"], ["Plan paid", "What we paid"], ["You owe", "Deductible, copay or coinsurance - this is not a bill"]])]
    return Doc("eob-explainer", "Understanding your EOB", o, b)
CLEAN_NARR = [C_tumor_board, C_class, C_handout, C_template, C_test_patient, C_recall, C_mbi, C_ssn, C_dob_notice, C_birthday, C_job, C_policy, C_newsletter, C_minutes, C_es, C_fax_template, C_eob_explainer]

def Q_hl7(r):
    o = org(r); t = "MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|<RECV_APP>|<RECV_FAC>|<YYYYMMDDHHMM>||ORU^R01^ORU_R01|<CONTROL_ID>|P|2.5.1\nPID|1||<MRN>^^^<AA>^MR||<FAMILY>^<GIVEN>||<YYYYMMDD>|<SEX>\nOBX|1|NM|<LOINC>^<NAME>^LN||<VALUE>|<UNITS>|<RANGE>|<FLAG>|||F"
    return Doc("hl7-spec", "HL7 spec", o, [("p", f"Spec for the {o.short} critical-value feed, v{r.randint(1, 4)}.{r.randint(0, 9)}. Placeholders in angle brackets."), ("pre", t)], kind="mail", subject="ORU spec for review")
def Q_test(r):
    o = org(r); t = f"MSH|^~\\&|{o.ehr.split()[0].upper()}|TST|HIE|TST|{hts(TODAY, r)}||ORU^R01|{dg(r, 8)}|T|2.5.1\nPID|1||99{dg(r, 6)}^^^TST^MR||ZZTEST^PATIENT^A||19000101|U\nOBX|1|NM|2823-3^Potassium^LN||9.9|mmol/L|||HH|||F"
    return Doc("hl7-test", "HL7 test", o, [("p", "Test message (processing ID T, fake patient) for the go-live checklist:"), ("pre", t)], kind="mail", subject="Test ORU")
def Q_999(r):
    o = org(r, ["payer"]); t = f"ISA*00*          *00*          *ZZ*PRAIRIEMUT     *ZZ*{dg(r, 9)}      *{TODAY:%y%m%d}*{hhmm(r)}*^*00501*{dg(r, 9)}*0*T*:~\nGS*FA*PRAIRIEMUT*{dg(r, 9)}*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 99)}*X*005010X231A1~\nST*999*0001*005010X231A1~\nAK1*HC*{r.randint(1, 99)}*005010X222A1~\nAK9*A*1*1*1~\nSE*4*0001~"
    return Doc("x12-999", "999", o, [("p", "Test-mode (ISA15=T) acknowledgment from the trading-partner onboarding:"), ("pre", t)], kind="mail", subject="999 ack - test file")
def Q_fhir(r):
    o = org(r); t = json.dumps({"resourceType": "CapabilityStatement", "status": "active", "date": fd(TODAY, "iso"), "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"], "rest": [{"mode": "server", "resource": [{"type": "Patient", "interaction": [{"code": "read"}, {"code": "search-type"}]}, {"type": "Observation", "interaction": [{"code": "read"}]}]}]}, indent=2)
    return Doc("fhir-capability", "FHIR", o, [("p", "CapabilityStatement from the sandbox:"), ("pre", t)], kind="mail", subject="FHIR sandbox capabilities")
CLEAN_RAW = [Q_hl7, Q_test, Q_999, Q_fhir]

def kl(cat, title, o, hdr, rows, intro_=None): return Doc(cat, title, o, ([("p", intro_)] if intro_ else []) + [("tbl", hdr, rows)], kind="list", table=(hdr, rows))
def K_sched(r):
    o = org(r); d0 = future(r, 1, 5)
    return kl("staff-schedule", "Staffing schedule", o, ["Date", "Shift", "Name", "Role", "Unit"], [[d0 + TD(days=i // 3), r.choice(["D", "E", "N"]), x.first_last(), r.choice(["RN", "CNA", "RT", "Tech", "LPN"]), r.choice(["Infusion", "NICU", "4 West", "Sleep lab", "Rehab"])] for i, x in enumerate(staffs(r, r.randint(8, 14), o.state))])
def K_oncall(r):
    o = org(r)
    return kl("on-call", "Physician on-call", o, ["Date", "Service", "Physician", "NPI", "Pager"], [[future(r, 0, 14), r.choice(["Oncology", "Transplant", "Neonatology", "Ortho", "EP/device", "Retina"]), (c := Clin(r, o.state)).full(), c.npi, f"{dg(r, 3)}-{dg(r, 4)}"] for _ in range(r.randint(7, 12))])
def K_training(r):
    o = org(r)
    return kl("training-compliance", "HIPAA training completion", o, ["Employee ID", "Name", "Department", "Module", "Completed"], [[f"E{dg(r, 6)}", x.lf(), r.choice(["HIM", "Infusion", "Billing", "Rehab", "Pharmacy"]), r.choice(["HIPAA Privacy 2026", "Information Security", "Patient Rights"]), recent(r, 60)] for x in staffs(r, r.randint(8, 14), o.state)])
def K_inventory(r):
    o = org(r)
    return kl("pharmacy-inventory", "Pharmacy inventory - short-dated", o, ["Drug", "NDC", "Lot", "Expires", "On hand"], [[r.choice(["aflibercept 2 mg/0.05 mL", "paclitaxel 300 mg/50 mL", "caffeine citrate 20 mg/mL", "tacrolimus 1 mg cap", "naloxone 4 mg nasal", "enoxaparin 40 mg"]), ndc(r), f"{r.choice('ABCDEFKL')}{dg(r, 5)}", future(r, 10, 120), str(r.randint(1, 60))] for _ in range(r.randint(7, 12))])
def K_testpts(r):
    o = org(r)
    return kl("test-patients", "Test patients - TST environment", o, ["Name", "MRN", "DOB", "Scenario"], [[f"ZZTEST, {x}", f"99{dg(r, 6)}", D(1900, 1, 1), y] for x, y in [("INFUSION", "chair booking"), ("NICU BABY", "newborn registration"), ("DEVICE", "remote alert"), ("SLEEP", "PSG order"), ("SNF", "MDS export"), ("ROI", "disclosure log")]])
def K_biomed(r):
    o = org(r); v = VENDORS[0]
    return kl("biomed-pm", "Preventive maintenance due", v, ["Asset tag", "Device", "Serial", "Location", "PM due"], [[f"BME-{dg(r, 5)}", r.choice(["Infusion pump", "Audiometer", "Polysomnography amp", "OCT scanner", "Isolette", "Slit lamp"]), f"SN{hexs(r, 8)}", r.choice(["Infusion", "NICU", "Sleep lab", "Eye clinic", "Audiology"]), future(r, 1, 40)] for _ in range(r.randint(8, 13))])
def K_rooms(r):
    o = org(r)
    return kl("room-bookings", "Conference room bookings", o, ["Date", "Room", "Booked by", "Purpose"], [[future(r, 0, 10), r.choice(["Cedar", "Aspen", "Board room", "Sim lab"]), x.first_last(), r.choice(["Tumor board (de-identified)", "Budget", "Staff meeting", "Vendor demo", "Interviews"])] for x in staffs(r, r.randint(7, 11), o.state)])
def K_school_nurses(r):
    o = BYK["school"][0]
    return kl("school-nurse-assignments", "School nurse assignments 2026-27", o, ["School", "Nurse", "Days on site", "Phone", "Start"], [[s_, x.first_last() + ", RN", r.choice(["M/W/F", "T/Th", "daily"]), phone(r, o.area), D(2026, 8, 12)] for s_, x in zip(["Valley Oak Elementary", "Mineral King Middle", "Sequoia Ridge High", "Tulare Creek Elementary", "Kaweah Middle", "Mooney Grove Elementary"], staffs(r, 6, o.state))])
def K_beds(r):
    o = org(r, ["hosp", "nicu", "snf"])
    return kl("bed-capacity", "Bed capacity (aggregate)", o, ["Date", "Unit", "Staffed beds", "Occupied", "Pending admits"], [[TODAY - TD(days=i), u, r.randint(12, 40), r.randint(8, 38), r.randint(0, 6)] for i in range(3) for u in ["ICU", "NICU", "Med/Surg", "Rehab"]])
def K_pos(r):
    o = org(r)
    return kl("purchase-orders", "Open purchase orders", o, ["PO", "Vendor", "Ordered", "Amount", "Status"], [[f"PO-{dg(r, 7)}", r.choice(VENDORS).name, recent(r, 40), round(r.uniform(200, 40000), 2), r.choice(["open", "partial", "backordered"])] for _ in range(r.randint(7, 12))])
CLEAN_LIST = [K_sched, K_oncall, K_training, K_inventory, K_testpts, K_biomed, K_rooms, K_school_nurses, K_beds, K_pos, C_vendor, C_stats]

# ================================================================== mail assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18429", "Apple Mail (2.3826.400.131)", "iPhone Mail (22D72)", "Mozilla Thunderbird 128.5.2", "Zimbra 10.1.4_GA_4655",
           "Microsoft-MacOutlook/16.92.24120731", "Android Gmail", "Roundcube Webmail/1.6.9"]
TITLES = ["HIM Specialist", "RN Navigator", "Transplant Coordinator", "Device Clinic Nurse", "Sleep Technologist", "Audiology Assistant", "Ophthalmic Technician", "Rehab Front Desk", "Registered Dietitian",
          "School Health Aide", "Health Services Administrator", "MDS Coordinator", "Intake Coordinator", "Appeals Analyst", "Collections Specialist", "Patient Relations Specialist", "ROI Specialist"]
CONF = ["CONFIDENTIALITY NOTICE: This e-mail, including attachments, may contain protected health information. If you are not the intended recipient, notify the sender and delete it.",
        "This message is intended only for the addressee. Please do not forward.", "AVISO DE CONFIDENCIALIDAD: Si recibió este mensaje por error, notifique al remitente y bórrelo.", "Please consider the environment before printing."]
def mbox(r, p, dom):
    g, f = re.sub(r"[^a-z]", "", asc(p.given).lower()) or "x", re.sub(r"[^a-z]", "", asc(p.family).lower()) or "y"
    return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}.{g[0]}", f"{g}{f[0]}"]) + "@" + dom
def sig_block(r, s, o):
    t = r.choice(TITLES); k = r.randrange(8)
    x = [f"{s.given} {s.family}\n{t}\n{o.name}\n{o.addr()}\nT {o.phone} | F {o.fax}", f"Thank you,\n{s.given}", f"{s.given} {s.family} | {t}\n{o.short} | {phone(r, o.area)}", f"{s.given}\nSent from my iPhone",
         f"Regards,\n{s.given} {s.family}, {r.choice(['RN', 'RHIT', 'CPC', 'RDN', 'Au.D.', 'COT', 'CHC', 'CRCR'])}\n{t}", f"Atentamente,\n{s.given} {s.family}\n{o.short}",
         f"{s.given} {s.family} ({r.choice(['she/her', 'he/him', 'they/them'])})\n{t} | {o.short}\nwww.{o.dom}", f"-- \n{s.given} {s.family}\n{o.name}\n{r.choice(['Every patient. Every time.', 'Close to home.', 'Care without borders.'])}"][k]
    if r.random() < 0.3: x += "\n\n" + r.choice(CONF)
    return x
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 10))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 20), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-r.choice([5, 5, 6, 6, 7, 8, 9]))))
def msgid(r, o):
    return r.choice([f"<{hexs(r, 32, False)}@{o.dom}>", f"<{r.choice(['SA1PR', 'CH3PR', 'MN2PR'])}{dg(r, 2)}MB{dg(r, 4)}{hexs(r, 12)}@{r.choice(['SA1PR', 'CH3PR'])}{dg(r, 2)}MB{dg(r, 4)}.namprd{dg(r, 2)}.prod.outlook.com>",
                     f"<CA+{''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(40))}@mail.gmail.com>", f"<{dg(r, 13)}.{dg(r, 4)}.JavaMail@{o.dom}>"])
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r, o.state)
    m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} ({o.short})"]), addr_spec=mbox(r, s, o.dom))
    if to is None:
        other = r.choice([partner(r, o), o]); t = staffer(r)
        to = Address(display_name=r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}", ""]), addr_spec=mbox(r, t, other.dom)) if r.random() < 0.7 else \
             Address(addr_spec=r.choice(["him", "roi", "appeals", "intake", "referrals", "devicecl", "sleeplab", "infusion", "healthoffice", "medicalrecords", "billing"]) + "@" + other.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.1: c = staffer(r); m["Cc"] = Address(display_name=f"{c.given} {c.family}", addr_spec=mbox(r, c, o.dom))
    m["Subject"] = subject
    m["Date"] = format_datetime(when_dt(r))
    m["Message-ID"] = msgid(r, o)
    x = r.choice(MAILERS + [None] * 3)
    if x: m["X-Mailer"] = x
    if r.random() < 0.12: m["Thread-Topic"] = re.sub(r"^((RE|FW|Fwd|RV|Re|AW): )+", "", subject)
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
        cid = f"logo{r.randint(1, 9)}.png@{hexs(r, 8)}.{hexs(r, 4)}"
        h = html or html_from_text(text)
        img = f'<p><img src="cid:{cid}" width="180" height="48" alt="{hx(o.short)}"></p>'
        h = h.replace("</body>", img + "</body>") if "</body>" in h else h + img
        m.set_content(text); m.add_alternative(h, subtype="html")
        m.get_payload()[1].add_related(png, "image", "png", cid=f"<{cid}>", filename="logo.png", disposition="inline")
    else:
        m.set_content(text); m.add_attachment(png, "image", "png", filename=f"{re.sub('[^A-Za-z]', '', o.short)}_logo.png", disposition="inline")
COVERS = ["Please see attached.", "Attached as requested.", "Document attached - let me know if anything is missing.", "For your records.", "Attached for your review.", "Good afternoon,\n\nPlease find the attached.",
          "See attached.", "Resending with the correct attachment.", "Adjunto el documento.", "As discussed on the phone, attached.", "Sending securely - attached.", "FYI, attached."]
GEN_SUBJ = ["Document", "Records", "Scan", "Fax", "For review", "[SECURE] document", "Follow-up", "Requested copy", "Documento", "Updated version", "Attachment", "Report", "See attached", "[EXTERNAL] file"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.08:
        dev = r.choice(["Ricoh IM C3010", "Xerox VersaLink C7130", "Konica Minolta bizhub C360i", "Sharp MX-3071"])
        sethdr(m, "From", Address(display_name=f"{dev.split()[0]} Scan", addr_spec=f"mfp{r.randint(1, 30):02d}@{o.dom}"))
        m.set_content(f"This e-mail was sent from \"{dev}\".\n\nScan date: {fd(recent(r, 1), 'mdy')} {clock(r)}\nPages: {r.randint(1, 6)}\nFile format: {r.choice(['PDF', 'DOCX', 'XLSX'])}\nLocation: {r.choice(['HIM 1st floor', 'Infusion front desk', 'Health office', 'Business office'])}\n"); return
    if x < 0.14:
        sethdr(m, "From", Address(display_name=r.choice(["RingCentral Fax", "eFax Corporate", "Documo mFax", "SRFax"]), addr_spec=f"faxes@{o.dom}"))
        m.set_content(f"New fax received ({r.randint(1, 6)} pages).\n\nCaller ID: {phone(r)}\nReceived on: {o.fax}\nTime: {fd(recent(r, 1), 'mdy')} {clock(r)}\nFax ID: {dg(r, 10)}\n\nThe fax is attached as a file.\n"); return
    if x < 0.19:
        m.set_content(f"{s.given} {s.family} has sent you an encrypted message via {r.choice(['Paubox', 'Virtru', 'Zix', 'Proofpoint Encryption', 'DataMotion'])}.\n\nOpen the attachment to view the document. Help: {o.phone}.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3)
GREET = ["", "", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "See below.\n\n", "Team,\n\n", "As requested -\n\n", "FYI -\n\n"]
def body_text(r, doc, s, o):
    if doc.kind == "mail": return render_text(r, doc, title=False) + ("\n" + sig_block(r, s, o) + "\n" if r.random() < 0.7 else "")
    g = r.choice(GREET if doc.lang != "es" else ["", "Buenos días:\n\n", "Hola,\n\n"])
    return g + render_text(r, doc, title=r.random() < 0.85) + "\n" + sig_block(r, s, o) + "\n"
def subj_body(r, doc):
    if doc.subject and (doc.kind == "mail" or r.random() < 0.6): return doc.subject
    return doc.title if doc.title and r.random() < 0.7 else r.choice(GEN_SUBJ)
def to_for(r, doc):
    if doc.to is not None and r.random() < 0.8:
        p = doc.to; return Address(display_name=r.choice([p.first_last(), "", p.full()]), addr_spec=p.email)
    return None
def build_plain(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    set_body(r, m, body_text(r, doc, s, o), o=o); return m
def build_html(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    sig = sig_block(r, s, o); g = r.choice(GREET)
    html = render_html(r, doc, head_html=(f"<p>{hx(g.strip())}</p>" if g.strip() else ""), tail_html="<p>" + hx(sig).replace("\n", "<br>") + "</p>", for_print=r.random() < 0.3)
    text = (g + render_text(r, doc, title=doc.kind != "mail") + "\n" + sig + "\n") if r.random() < 0.8 else f"To view this message, use an HTML-capable e-mail program.\n\n{o.name}\n"
    set_body(r, m, text, html, o=o, logo=r.random() < 0.4); return m

def quote(t, pre="> "): return "\n".join((pre + ln).rstrip() if ln.strip() else pre.rstrip() for ln in t.rstrip("\n").split("\n"))
TOPS = ["FYI - see below.", "Can you handle? Original is at the bottom.", "For the chart.", "Is this ours? Thread below.", "Adding you.", "Please review and advise.", "See the first message.",
        "Le reenvío el correo de abajo.", "Let's discuss at huddle.", "Routing to the right team.", "Passing this along."]
MIDS = ["Any update?", "Not ours - forwarding.", "Still pending.", "Left a message.", "Looping in the manager.", "Bumping.", "Covering for her today.", "Who owns this one?", "Adding HIM.", "Please see below."]
def hdr_lines(r, style, frm, d, to, subj):
    tm = f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
    if style == "outlook": return f"From: {frm}\nSent: {WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {tm}\nTo: {to}\nSubject: {subj}"
    if style == "gmail": return f"From: {frm}\nDate: {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {tm}\nSubject: {subj}\nTo: {to}"
    if style == "apple": return f"From: {frm}\nSubject: {subj}\nDate: {MON[d.month - 1]} {d.day}, {d.year} at {tm} {r.choice(['EST', 'CST', 'MST', 'PST'])}\nTo: {to}"
    if style == "es": return f"De: {frm}\nEnviado el: {d.day} de {MES[d.month - 1]} de {d.year} {r.randint(8, 17)}:{r.randint(0, 59):02d}\nPara: {to}\nAsunto: {subj}"
    return f"Subject: {subj}\nDate: {WD[d.weekday()][:3]}, {d.day} {MON[d.month - 1][:3]} {d.year} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} -0600\nFrom: {frm}\nTo: {to}"
def build_forwarded(r, doc):
    o0 = doc.o or org(r); s0 = staffer(r, o0.state); subj = doc.subject if doc.subject and r.random() < 0.7 else (doc.title or r.choice(GEN_SUBJ))
    fwd = r.choice([x for x in ORGS if x is not o0] + [o0, o0]); CUR["state"] = fwd.state
    inner = body_text(r, doc, s0, o0); frm0 = f"{s0.given} {s0.family} <{mbox(r, s0, o0.dom)}>"
    depth = r.choice([1, 2, 2, 3, 3, 4]); d0 = TODAY - TD(days=depth + r.randint(0, 3))
    chain = [(p, d0 + TD(days=i + 1), r.choice(MIDS) + "\n\n" + p.given) for i, p in enumerate(staffer(r, fwd.state) for _ in range(depth))]
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
    if st in (1, 4, 8):   # bottom-quoted replies nested one level per hop: the content sits depth + 1 quote levels down
        def attr(who, d):
            if st == 1: return f"On {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])} {who} wrote:"
            if st == 4: return f"On {MON[d.month - 1][:3]} {d.day}, {d.year}, at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}, {who} wrote:"
            return f"On {d.month}/{d.day}/{d.year} {r.randint(7, 17)}:{r.randint(0, 59):02d}, {who} wrote:"
        msg_text, author, d = inner, frm0, d0
        for p, dp, txt in chain:
            msg_text = txt + "\n\n" + attr(author, d) + "\n" + quote(msg_text); author, d = f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", dp
        body = r.choice(["Got it, thanks.", "Will do.", "Done.", "Added to the worklist.", "Thanks!"]) + "\n\n" + sig_block(r, s1, fwd) + "\n\n" + attr(author, d) + "\n" + quote(msg_text)
        set_body(r, m, body, o=fwd, logo=False); return m
    if st == 5:
        im = EmailMessage(policy=SMTP); im["From"] = Address(display_name=f"{s0.given} {s0.family}", addr_spec=mbox(r, s0, o0.dom)); im["To"] = Address(display_name=f"{s1.given} {s1.family}", addr_spec=mbox(r, s1, fwd.dom))
        im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-6)))); im["Message-ID"] = msgid(r, o0)
        im.set_content(inner)
        if r.random() < 0.5: im.add_alternative(render_html(r, doc), subtype="html")
        set_body(r, m, top, o=fwd, logo=False)
        m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 ]", "", asc(subj))[:40].strip() or "message") + ".eml"); return m
    hdr = f"<b>From:</b> {hx(frm0)}<br><b>Sent:</b> {hx(fd(d0, 'wd'))} {r.randint(1, 12)}:{r.randint(0, 59):02d} PM<br><b>To:</b> {hx(tline())}<br><b>Subject:</b> {hx(subj)}"
    inner_html = render_html(r, doc).split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
    mids = "".join(f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal"><b>From:</b> {hx(p.first_last())}<br><b>Sent:</b> {hx(fd(d, "wd"))}<br><b>Subject:</b> RE: {hx(subj)}</p></div><p class="MsoNormal">{hx(txt).replace(chr(10), "<br>")}</p>' for p, d, txt in reversed(chain))
    html = (f'<html><body><div class="WordSection1"><p class="MsoNormal">{hx(top).replace(chr(10), "<br>")}</p>{mids}'
            f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal">{hdr}</p></div>{inner_html}</div></body></html>')
    text = f"{top}\n\n" + "".join(f"________________________________\nFrom: {p.first_last()}\nSent: {fd(d, 'wd')}\nSubject: RE: {subj}\n\n{txt}\n\n" for p, d, txt in reversed(chain)) + f"________________________________\nFrom: {frm0}\nSent: {fd(d0, 'wd')}\nSubject: {subj}\n\n{inner}"
    set_body(r, m, text, html, o=fwd, logo=r.random() < 0.3); return m

# ================================================================== header carrier (PHI only in headers; neutral bodies)
HDR_BODY = ["Please call me when you have a minute.", "Details are in the secure message.", "Can we talk this afternoon?", "Following up on our call.", "Thanks for your help.",
            "Let me know what else you need.", "See my note in the chart.", "Received, thank you.", "I'll update you tomorrow.", "Gracias."]
PT_BODY = ["You have a new message from your care team. Sign in to the patient portal to read it.", "Please call our office to confirm.", "Reply to this e-mail or call us with questions.", "A secure message is waiting in the portal."]
def hdr_body(r, m, s, o, pt=False):
    t = r.choice(PT_BODY if pt else HDR_BODY) + "\n\n" + (f"{o.name}\n{o.phone}" if pt else sig_block(r, s, o))
    set_body(r, m, t, o=o, logo=r.random() < 0.25)
def nmx(r, p): return r.choice([p.full(), p.gmf(), p.lf(), p.LF(), p.CAPS(), f"{p.family}, {p.given}", p.title()])
def H1(r, o, c): p = c.p; return new_msg(r, f"{nmx(r, p)} DOB {dob(r, p)} - {c.lay}", o), False
def H2(r, o, c): p = c.p; return new_msg(r, r.choice(["Message from your care team", "Your test results", "About your visit"]), o, to=Address(display_name=f"{p.lf()} (MRN {c.mrn})", addr_spec=p.email)), True
def H3(r, o, c): p = c.p; return new_msg(r, "Tomorrow", o, cc=Address(display_name=f"{p.LF()} (pt) - {c.lay}", addr_spec=p.email))
def H4(r, o, c): p = c.p; return new_msg(r, "Update", o, from_name=f"{o.short} for {p.full()} - {c.lay}")
def H5(r, o, c): p = c.p; m, s = new_msg(r, "Scheduling", o); sethdr(m, "Reply-To", Address(display_name=f"Scheduling re {p.lf()} - {c.s['test']} {fd(future(r, 1, 9), 'm/d')}", addr_spec=f"scheduling@{o.dom}")); return m, s
def H6(r, o, c): p = c.p; m, s = new_msg(r, "RE: question", o); sethdr(m, "Thread-Topic", f"{p.full()} {c.s['test']} - {c.s['result'][:40]}"); return m, s
def H7(r, o, c): p = c.p; m, s = new_msg(r, "Chart", o); sethdr(m, "Keywords", f"{c.s['drug'].split(' ')[0]}, {p.family}, MRN {c.mrn}, {c.code}"); return m, s
def H8(r, o, c): p = c.p; m, s = new_msg(r, "For review", o); sethdr(m, "Comments", f"Re {nmx(r, p)}, DOB {fd(p.dob, 'mdy')} - {c.dx}"); return m, s
def H9(r, o, c): p = c.p; m, s = new_msg(r, "Care team", o); sethdr(m, "Organization", f"{o.short} care team for {p.lf()} ({c.lay})"); return m, s
def H10(r, o, c): p = c.p; m, s = new_msg(r, "Interface", o); m["X-Patient-ID"] = f"{p.hl7()}|{p.dob:%Y%m%d}|{c.mrn}|{c.code}"; return m, s
def H11(r, o, c): p = c.p; m, s = new_msg(r, "Appeal received", o); m["X-Claim-Ref"] = f"Claim {c.claim}; member {c.mem}; {p.lf()}; {c.s['plan'][:40]}"; return m, s
def H12(r, o, c): p = c.p; m, s = new_msg(r, "Fax", o); m["X-Fax-Subject"] = f"{p.LF()} SSN {ssn(r, r.choice('dsn'))} - {c.lay}"; return m, s
def H13(r, o, c): p = c.p; m, s = new_msg(r, "Scan", o); m["X-Document-Name"] = f"{asc(p.family).upper().replace(' ', '_')}_{asc(p.given).upper().replace(' ', '_')}_{p.dob:%m%d%Y}_{re.sub('[^A-Za-z]', '', c.s['test'])[:16]}.pdf"; return m, s
def H14(r, o, c): p = c.p; m, s = new_msg(r, "Authorization", o); m["Sender"] = Address(display_name=f"{s.given} {s.family} on behalf of {p.full()} (member {c.mem})", addr_spec=mbox(r, s, o.dom)); return m, s
def H15(r, o, c): p = c.p; return new_msg(r, f"Resultados de {p.full()} - {c.s['es']} ({fd(p.dob, 'esn')})", o), False
def H16(r, o, c): p = c.p; return new_msg(r, f"MBI {c.mbi} / {p.LF()} - {c.lay}", o), False
def H17(r, o, c): p = c.p; return new_msg(r, f"RE: FW: RE: FW: {p.title()} ({p.given}) - {c.s['test']} {c.s['result'][:28]}", o), False
def H18(r, o, c): p = c.p; return new_msg(r, f"Accepted: {p.lf()} - {c.s['plan'][:40]} {fd(future(r, 1, 10), 'm/d')} {clock(r)}", o), False
def H19(r, o, c): p = c.p; m, s = new_msg(r, "Court order", o); m["X-Case-Caption"] = f"In re evaluation of {p.CAPS()}, DOB {fd(p.dob, 'mdy')} - {c.dx[:40]}"; return m, s
def H20(r, o, c): p = c.p; m, s = new_msg(r, "FW: see below", o); m["X-Original-Subject"] = f"{p.gmf()} ({fd(p.dob, 'm/d/yy')}) {c.dx[:50]}"; return m, s
def H21(r, o, c): p = c.p; return new_msg(r, f"Critical: {c.s['test']} {c.s['result'][:24]} - {p.title()} MRN {c.mrn}", o), False
HDR_PHI = [H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12, H13, H14, H15, H16, H17, H18, H19, H20, H21]
def build_header_phi(r, fn):
    c = Case(r); o = c.o
    res = fn(r, o, c)
    if isinstance(res[0], tuple): (m, s), pt = res
    else: (m, s), pt = res, False
    hdr_body(r, m, s or staffer(r, o.state), o, pt); return m
CLEAN_BODY = ["Please approve when you can.", "Details are on the shared drive.", "Thanks!", "See you there.", "Does this work?", "Confirming for next week.", "Please share with your team.", "Link in Teams."]
def K1(r, o): t = staffer(r); return new_msg(r, f"PTO - {t.first_last()} {fd(future(r, 5, 30), 'm/d')}-{fd(future(r, 31, 40), 'm/d')}", o)
def K2(r, o): t = staffer(r); return new_msg(r, "Welcome to the team", o, to=Address(display_name=f"{t.first_last()} (new hire - orientation {fd(future(r, 3, 20), 'm/d')})", addr_spec=f"{re.sub('[^a-z]', '', asc(t.given).lower())}.{re.sub('[^a-z]', '', asc(t.family).lower())[:8]}@{r.choice(MAILDOMS)}"))
def K3(r, o): t = staffer(r, o.state); return new_msg(r, "ROI audit schedule", o, cc=Address(display_name=f"{t.lf()} (Privacy Office)", addr_spec=mbox(r, t, o.dom)))
def K4(r, o): t = staffer(r); return new_msg(r, "Ticket resolved", o, from_name=f"Service Desk - {t.given}")
def K5(r, o): m, s = new_msg(r, "Direct deposit change", o); t = staffer(r, o.state); sethdr(m, "Reply-To", Address(display_name=f"Payroll - {t.first_last()}", addr_spec=f"payroll@{o.dom}")); return m, s
def K6(r, o): m, s = new_msg(r, "RE: sign-up", o); sethdr(m, "Thread-Topic", "Ugly sweater contest - infusion vs. device clinic"); return m, s
def K7(r, o): m, s = new_msg(r, "FY27 capital", o); sethdr(m, "Keywords", "capital, FY27, OCT scanner, isolettes, audiometer"); return m, s
def K8(r, o): m, s = new_msg(r, "Agenda", o); sethdr(m, "Comments", f"Grievance Committee agenda for {fd(future(r, 3, 20), 'mdy')} (no case details)"); return m, s
def K9(r, o): m, s = new_msg(r, "Staff council", o); sethdr(m, "Organization", f"Nursing Practice Council - {o.name}"); return m, s
def K10(r, o): m, s = new_msg(r, "Printer replaced", o); m["X-Ticket-ID"] = f"REQ{dg(r, 7)}"; return m, s
def K11(r, o): m, s = new_msg(r, "Fax", o); m["X-Fax-Subject"] = f"Invoice {dg(r, 7)} - {r.choice(VENDORS).name} - PO {dg(r, 8)}"; return m, s
def K12(r, o): t = staffer(r, o.state); m, s = new_msg(r, "Scan", o); m["X-Document-Name"] = f"Mileage_{asc(t.family).replace(' ', '')}_{recent(r, 10):%Y-%m}.pdf"; return m, s
def K13(r, o): m, s = new_msg(r, "Tumor board reminder", o); sethdr(m, "Sender", Address(display_name=f"{s.first_last()} on behalf of the Cancer Committee", addr_spec=mbox(r, s, o.dom))); return m, s
def K14(r, o): return new_msg(r, f"Clínica de vacunas para empleados - {fd(future(r, 3, 15), 'esn')}", o)
def K15(r, o): return new_msg(r, "Job aid: MBI format 1AA1-AA1-AA11 (example 1EG4-TE5-MK73)", o)
def K16(r, o): return new_msg(r, f"Date of Birth field required on form ROI-{r.randint(10, 99)} (rev {r.randint(1, 11)}/{TODAY.year})", o)
def K17(r, o): c = Clin(r, o.state); return new_msg(r, f"{c.dr()} NPI {c.npi} - privileges renewed", o)
def K18(r, o): c = Clin(r, o.state); t, code = r.choice(TOPICS); return new_msg(r, f"RE: FW: {c.dr()} - CE slides ({t})", o)
def K19(r, o): m, s = new_msg(r, "Badge access", o); m["X-Employee-ID"] = f"E{dg(r, 6)}"; return m, s
def K20(r, o): t = staffer(r, o.state); return new_msg(r, f"Accepted: {t.family}, {t.given} - 1:1 {fd(future(r, 1, 10), 'm/d')} {clock(r)}", o)
def K21(r, o): t = staffer(r); return new_msg(r, f"{t.given}'s farewell coffee - {fd(future(r, 3, 20), 'm/d')}", o)
HDR_CLEAN = [K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11, K12, K13, K14, K15, K16, K17, K18, K19, K20, K21]
def build_header_clean(r, fn):
    o = org(r) if r.random() < 0.85 else r.choice(VENDORS); CUR["state"] = o.state
    m, s = fn(r, o)
    set_body(r, m, r.choice(CLEAN_BODY) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3); return m

# ================================================================== producers and LibreOffice batching
class Pending:
    def __init__(self, path, key, gs=False, redo=None): self.path, self.key, self.gs, self.redo = path, key, gs, redo
class Ctx:
    """run_lo (generate.py) reads ctx.tmp and ctx.lo = {kind: [input files]} and writes ctx.tmp/kind/out; docx2docx (a LibreOffice
    re-save of a python-docx file) runs here"""
    EXTRA = ("docx2docx",)
    OUTEXT = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx", "docx2docx": "docx"}
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0
        self.lo = {k: [] for k in ("docx2pdf", "html2pdf", "html2docx", "xlsx2xlsx") + self.EXTRA}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf): self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False, redo=None):
        self.n += 1; base = f"b10_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p)
        return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{self.OUTEXT[kind]}"), key, gs, redo)
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
                for n in (5, 2):
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
    for n in (None, 8, 5, 2):
        data = make(doc if n is None else doc.cut(n))
        if pdf_pages(data) <= 2: return data
    return data
def ps_pdf(r, ctx, doc, key):
    for n in (None, 8, 5, 2):
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
    how = ("xlsx" if x < 0.4 else "docx" if x < 0.75 else "html") if doc.kind == "list" else ("docx" if x < 0.65 else "html")
    seed = int(hashlib.sha256(("b10" + key).encode()).hexdigest()[:12], 16)
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
    d.blocks = [("kv", [("From", f"{s.given} {s.family} <{mbox(r, s, o.dom)}>"), ("Sent", f"{fd(TODAY - TD(days=r.randint(0, 2)), 'wd')} {clock(r)}"), ("To", f"{t.given} {t.family}"), ("Subject", doc.subject or "(no subject)")])] + list(doc.blocks)
    d.kind = "doc"; return d
def with_fax(r, doc):
    """a fax cover sheet in front of a document (both labels; the cover itself names no patient)"""
    if doc.kind != "doc" or not doc.o or r.random() > 0.3 or any(b[0] == "fax" for b in doc.blocks): return doc
    o = doc.o; to = partner(r, o); d = copy.copy(doc); s = staffer(r, o.state)
    d.blocks = [("fax", [("To", f"{to.name}"), ("Fax", to.fax), ("From", f"{s.first_last()}, {o.short}"), ("Phone", o.phone), ("Date", fd(TODAY, "mdy")), ("Pages", f"{r.randint(2, 4)} including cover"),
                         ("Re", doc.title or "Documents")], r.choice(["CONFIDENTIAL: The information in this facsimile is privileged and intended only for the recipient named above. If you received it in error, call us immediately and destroy it.",
                                                                      "This fax may contain protected health information. Redisclosure without authorization is prohibited by federal law."]))] + list(doc.blocks)
    return d
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:30] or "document"; d = recent(r, 4)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%Y%m%d}.{ext}", f"{d:%m%d%Y}_{base}.{ext}", f"fax_{dg(r, 10)}.{ext}", f"{doc.cat}.{ext}", f"{re.sub('[^A-Za-z]', '', doc.o.short if doc.o else 'doc')}_{dg(r, 5)}.{ext}",
                     f"{base.lower()}_v{r.randint(2, 5)}.{ext}", f"SCAN_{d:%Y%m%d}_{dg(r, 6)}.{ext}"])
def build_attachment(r, ctx, carrier, doc, key):
    doc = printed_mail(r, doc)
    if carrier in ("pdf-reportlab", "pdf-fpdf2", "pdf-libreoffice", "pdf-ghostscript", "docx"): doc = with_fax(r, doc)
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-libreoffice": return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.5: return fname_for(r, doc, "pdf"), ps_pdf(r, ctx, doc, key)
        if x < 0.65: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: rl_pdf(r, d), doc), key)
        if x < 0.82: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: fp_pdf(r, d), doc), key)
        return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key, gs=True)
    if carrier == "docx":
        x = r.random()
        if x < 0.62: return fname_for(r, doc, "docx"), docx_bytes(r, doc)
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
            elif x < 0.7: data, ext = xlsx_bytes(r, doc), "xlsx"
            else: data, ext = fit_pdf(lambda d: fp_pdf(r, d) if r.random() < 0.6 else rl_pdf(r, d), doc), "pdf"
        else:
            if x < 0.5: data, ext = fit_pdf(lambda d: fp_pdf(r, d) if r.random() < 0.6 else rl_pdf(r, d), doc), "pdf"
            else: data, ext = docx_bytes(r, doc), "docx"
        inner = fname_for(r, doc, ext); folder = r.choice(["", "", f"{TODAY:%Y-%m}/", "outbound/", f"{re.sub('[^A-Za-z0-9]+', '_', doc.o.short if doc.o else 'files')}/", "export/"])
        entries = [(folder + inner, data)]
        if r.random() < 0.2: entries.append((folder + "README.txt", f"Created {fd(TODAY, 'mdy')}. Password sent separately.\r\n".encode()))
        return r.choice([f"{re.sub('[^A-Za-z0-9]+', '_', asc(doc.title or doc.cat))[:24]}.zip", f"secure_{dg(r, 6)}.zip", "documents.zip", f"{doc.cat}_{TODAY:%Y%m%d}.zip"]), make_zip(entries)
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.72 else "_raw" if x < 0.85 else "_list")]
    if carrier == "zip": return cyc[L_ + ("_list" if x < 0.35 else "_narr")]
    if carrier in ("pdf-fpdf2", "pdf-libreoffice", "docx"): return cyc[L_ + ("_narr" if x < 0.86 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.78 else "_list" if x < 0.94 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b10_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b10-"); ctx = Ctx(tmp); built = []; rows = []
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
    print(f"wrote {len(rows)} batch-10 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
