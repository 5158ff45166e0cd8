#!/usr/bin/python3
"""Batch 19 of the blind DLP corpus: b19-0001.eml ... b19-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a nineteenth author from BRIEF.md (see README "Batch 19").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a job/handle pair, MIME boundaries from the file name, manifest handling, the reportlab invariant flag
and the fixed fpdf2 creation date/producer) is re-typed after generate_b18.py's wiring; the PDF stamp normalisation
is this batch's own.

Voices: a travel-medicine clinic, an eye bank, a hemophilia treatment center, a sickle-cell disease center, a long-term
acute care hospital (LTACH), a PACE programme, a tribal health programme's community health representatives, a
lactation / breastfeeding-medicine clinic, an ALS / neuromuscular clinic, a memory (dementia) clinic, a mobile
lithotripsy company, a plasma donation centre, an interventional pain practice, a hospital spiritual-care (chaplaincy)
department, a Ryan White HIV clinic, a university sports-medicine / athletic-training room, an air-medical transport
programme, a paediatric private-duty nursing agency, a donor sperm & egg bank, and their staff, vendors and payers.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript, poppler-utils).
"""
import copy, csv, datetime as dtm, hashlib, io, os, random, re, shutil, subprocess, sys, tempfile, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261220
R = random.Random(SEED)
PREFIX = "b19-"
TODAY = dtm.date(2026, 12, 20)
FIXED_STAMP = dtm.datetime(2026, 12, 19, 16, 20, tzinfo=dtm.timezone.utc)   # fpdf2 creation date; other PDF dates are normalised to it
FONTDIR = "/usr/share/fonts/truetype/dejavu/"
TTF = {"sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
       "cond": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"), "serifc": ("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf")}
DAY = dtm.timedelta
Dt = dtm.date
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ================================================================== small helpers
def digits(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def letters(r, n, pool="ABCDEFGHJKLMNPRSTUVWXYZ"): return "".join(r.choice(pool) for _ in range(n))
def ascii_of(s): return unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode()
def L1(s): return lat1(str(s).replace("\u0142", "l").replace("\u0141", "L").replace("\u2011", "-").replace("\u2264", "<=").replace("\u2265", ">=").replace("\u2192", "->"))
def money(x): return f"${x:,.2f}"
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r, h0=7, h1=17): h = r.randint(h0, h1); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '05', '15', '20', '30', '40', '45', '50'])} {'AM' if h < 12 else 'PM'}"
def hhmm(r, h0=6, h1=21): return f"{r.randint(h0, h1):02d}{r.choice(['00', '10', '15', '25', '30', '42', '45', '55'])}"
def age(d, on=None): on = on or TODAY; return on.year - d.year - ((on.month, on.day) < (d.month, d.day))
def pick(r, *opts): return r.choice(opts)

def _luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        v = int(ch)
        if i % 2 == 0: v = v * 2 - (9 if v * 2 > 9 else 0)
        tot += v
    return str((10 - tot % 10) % 10)
def npi(r):
    base = r.choice("12") + digits(r, 8)
    return base + _luhn_digit("80840" + base)
def ssn(r, sep="-"):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = f"{a:03d}{sep}{g:02d}{sep}{s:04d}"
        if v.replace(sep, "") not in ("123456789", "078051120"): return v
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dashes=None):
    an = MBI_A + "0123456789"; n = "0123456789"
    v = (r.choice("123456789") + r.choice(MBI_A) + r.choice(an) + r.choice(n) + r.choice(MBI_A) + r.choice(an) + r.choice(n) + r.choice(MBI_A) + r.choice(MBI_A) + r.choice(n) + r.choice(n))
    if v == "1EG4TE5MK73": return mbi(r, dashes)
    if dashes is None: dashes = r.random() < 0.35
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dashes else v
def ndc(r): return r.choice([f"{digits(r, 5)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 5)}-{digits(r, 3)}-{digits(r, 2)}"])
def imei(r): b = "35" + digits(r, 12); return b + _luhn_digit(b)

def fd(d, st="mdy"):
    """date formats seen in US health-care mail"""
    m = MONTHS[d.month - 1]
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}", "iso": d.isoformat(),
            "d-mon-y": f"{d.day:02d}-{m[:3]}-{d.year}", "long": f"{m} {d.day}, {d.year}", "short": f"{m[:3]} {d.day}, {d.year}", "ymd": f"{d:%Y%m%d}",
            "sp": f"{d:%m %d %Y}", "DMONY": f"{d.day:02d}{m[:3].upper()}{d.year}", "dash": f"{d:%m-%d-%Y}", "dot": f"{d.month}.{d.day}.{d:%y}",
            "d mon yy": f"{d.day} {m[:3]} {d:%y}", "dlong": f"{d.day} {m} {d.year}", "wd": f"{WD[d.weekday()]}, {m} {d.day}", "dmy": f"{d:%d/%m/%Y}",
            "es": f"{d.day} de {MESES[d.month - 1]} de {d.year}", "mon-d": f"{m[:3]} {d.day}", "m/d": f"{d.month}/{d.day}"}[st]
DOB_STYLES = ["mdy", "mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "d-mon-y", "long", "short", "ymd", "sp", "DMONY", "dash", "dot", "d mon yy", "dlong"]
def dob_s(r, p, st=None): return fd(p.dob, st or r.choice(DOB_STYLES))

# ================================================================== people (this batch's own pools)
POOLS = {   # female given, male given, family names, middle names
    "polish": (["Małgorzata", "Agnieszka", "Zofia", "Katarzyna", "Bożena", "Halina"], ["Krzysztof", "Tomasz", "Wojciech", "Zbigniew", "Łukasz", "Jerzy"],
               ["Wójcik", "Kowalczyk", "Zielińska", "Nowakowski", "Grabowski", "Szczepańska", "Dąbrowski", "Pawlak"], ["Anna", "Maria", "Jan", "Piotr"]),
    "yoruba_igbo": (["Oluwaseun", "Adaeze", "Chiamaka", "Folasade", "Ngozi", "Temitope"], ["Chukwuemeka", "Oluwatobi", "Babatunde", "Ikechukwu", "Adewale", "Obinna"],
                    ["Adebayo", "Okonkwo", "Nwosu", "Ogunleye", "Eze", "Adeyemi-Cole", "Okafor", "Balogun"], ["Ifeoma", "Olufemi", "Chidi", "Ayodele"]),
    "mexican": (["María Guadalupe", "Yesenia", "Rocío", "Itzel", "Maricela", "Ana Sofía"], ["José Luis", "Juan Carlos", "Efraín", "Jesús", "Rigoberto", "Héctor"],
                ["Hernández Ruiz", "de la Garza", "Ramírez", "Gutiérrez", "del Río", "Núñez Olvera", "Saldaña", "Zúñiga"], ["", "", ""]),
    "irish": (["Siobhán", "Aoife", "Niamh", "Máire", "Caoimhe", "Bríd"], ["Seán", "Ciarán", "Pádraig", "Eoin", "Declan", "Tadhg"],
              ["Ó Briain", "O'Sullivan", "McCarthy", "Ní Dhomhnaill", "Fitzgerald", "Mac Giolla", "Byrne", "Ó Ceallaigh"], ["Marie", "Patrick", "Joseph", "Bernadette"]),
    "dutch_german": (["Annelies", "Griet", "Sanne", "Jürgenne", "Liesl", "Henrike"], ["Sjoerd", "Jürgen", "Maarten", "Dieter", "Joost", "Klaus"],
                     ["van der Meer", "de Vries", "Müller", "von Hohenberg", "Vandenberghe", "Schröder", "ter Horst", "Weiß"], ["Johanna", "Wilhelm", "Hendrik", "Elisabeth"]),
    "quebec": (["Geneviève", "Marie-Ève", "Josée", "Hélène", "Chloé", "Anaïs"], ["Jean-François", "Benoît", "Réjean", "Stéphane", "Étienne", "Luc"],
               ["Gagné", "Bélanger", "Côté", "Lévesque", "Desjardins", "Tremblay-Roy", "Ouellet", "Pépin"], ["Claude", "Andrée", "Yves", "Lise"]),
    "south_indian": (["Lakshmi", "Priyanka", "Divya", "Meenakshi", "Sowmya", "Anjali"], ["Venkatesh", "Sai Krishna", "Arjun", "Raghavan", "Karthik", "Srinivas"],
                     ["Venkataraman", "Subramanian", "Reddy", "Iyer", "Balasubramaniam", "Nair", "Raghunathan", "Chandrasekhar"], ["", "Devi", "Kumar", "Rao"]),
    "chinese": (["Xiaoling", "Meiling", "Yun", "Jing", "Huifang", "Lan"], ["Wei", "Jianguo", "Zhiwei", "Hao", "Mingyu", "Jun"],
                ["Zhang", "Ouyang", "Liu", "Chen", "Huang", "Zhao", "Xu", "Lin"], ["", "", "Grace", "David"]),
    "lebanese": (["Rania", "Nour", "Layal", "Maya", "Rima", "Hala"], ["Georges", "Elie", "Karim", "Rami", "Youssef", "Fadi"],
                 ["El-Khoury", "Abou Jaoude", "Haddad", "Khalil", "Saab", "Bou Saleh", "Nassar", "El Hage"], ["Marie", "Antoine", "", ""]),
    "greek": (["Eleni", "Konstantina", "Despina", "Vasiliki", "Athena", "Sofia"], ["Konstantinos", "Dimitrios", "Panagiotis", "Spyros", "Nikos", "Christos"],
              ["Papadopoulos", "Karagiannis", "Georgiou", "Antonopoulou", "Vlachos", "Papadakis", "Stavropoulos", "Economou"], ["", "Maria", "Ioannis", ""]),
    "hmong": (["Pa Nhia", "Mai Yer", "Nou", "Kia", "Yer", "Bao"], ["Tou", "Chue", "Fue", "Neng", "Kou", "Vang Pao"],
              ["Xiong", "Vang", "Thao", "Lor", "Yang", "Moua", "Her", "Lee"], ["", "", "", ""]),
    "lakota": (["Winona", "Tatiana", "Cheyenne", "Marlene", "Darlene", "Kimimila"], ["Wanbli", "Russell", "Delbert", "Marcus", "Orville", "Tokala"],
               ["Two Bulls", "Iron Cloud", "Yellow Horse", "Standing Elk", "Black Bear", "Good Voice Elk", "Lone Hill", "Red Owl"], ["Rose", "Lee", "Ray", "Ann"]),
    "ethiopian": (["Tigist", "Selamawit", "Hiwot", "Meron", "Bethlehem", "Almaz"], ["Dawit", "Yonas", "Tesfaye", "Abebe", "Mulugeta", "Henok"],
                  ["Gebremedhin", "Haile", "Tesfaye", "Alemu", "Wolde-Giorgis", "Bekele", "Mengistu", "Desta"], ["", "", "", ""]),
    "black_us": (["Latoya", "Keisha", "Shaniqua", "Tanisha", "Imani", "Ebony"], ["DeShawn", "Tyrone", "Jamal", "Marquis", "Darnell", "Andre"],
                 ["Jackson", "Washington", "Freeman", "Gaines", "Battle", "Whitfield", "Pettaway", "Mosley"], ["Renee", "Lamont", "Denise", "Earl"]),
    "hungarian": (["Zsófia", "Ildikó", "Erzsébet", "Katalin", "Réka", "Enikő"], ["László", "Gyula", "Zoltán", "Árpád", "Ferenc", "Bálint"],
                  ["Szabó", "Nagy", "Tóth", "Horváth", "Kovács", "Fehér", "Szőke", "Bíró"], ["", "Mária", "István", ""]),
    "us": (["Brittany", "Heather", "Kayla", "Shannon", "Dolores", "Gwendolyn", "Tammy", "Madison"], ["Travis", "Dwayne", "Cody", "Harold", "Clifford", "Brandon", "Garrett", "Wyatt"],
           ["Pruitt", "Holloway", "Kessler", "Dunbar", "Whitaker", "McAllister", "Sorensen", "Lockhart", "Ridley", "Crandall"], ["Lynn", "Ray", "Dean", "Jo", "Lee", "Sue"]),
}
POOL_W = [(k, 2 if k == "us" else 1) for k in POOLS]
SUFFIXES = ["Jr.", "Sr.", "II", "III", "IV"]
CREDS = ["RN", "BSN, RN", "MD", "DO", "NP", "PA-C", "MSW", "LPN", "RRT", "ATC", "IBCLC", "MDiv, BCC", "CHES", "PharmD", "CMA", "CLS(ASCP)", "EMT-P, FP-C", "CFRN"]

class Person:
    def __init__(s, r, amin, amax, sex=None, pool=None, minor=False):
        s.pool = pool or r.choice([k for k, w in POOL_W for _ in range(w)])
        f, m, fam, mids = POOLS[s.pool]
        s.sex = sex or r.choice("FM"); s.given = r.choice(f if s.sex == "F" else m); s.family = r.choice(fam)
        s.middle = r.choice(mids + [""]) if r.random() < 0.7 else ""
        if s.middle and s.middle.split()[0] == s.given.split()[0]: s.middle = ""
        s.sfx = r.choice(SUFFIXES) if s.sex == "M" and not minor and s.pool in ("us", "black_us", "irish", "lakota", "mexican") and r.random() < 0.18 else ""
        days = r.randint(int(amin * 365.25) + 1, int(amax * 365.25))
        s.dob = TODAY - DAY(days=days); s.cred = ""
    def mi(s): return s.middle[0] if s.middle else ""
    def plain(s): return " ".join(x for x in (s.given, s.family, s.sfx) if x)
    def full(s): return " ".join(x for x in (s.given, s.mi() + "." if s.mi() else "", s.family, s.sfx) if x)
    def lf(s): return f"{s.family}{' ' + s.sfx if s.sfx else ''}, {s.given}{' ' + s.mi() if s.mi() else ''}"
    def lf_comma_less(s): return f"{s.family} {s.given}"
    def caps(s): return s.lf().upper()
    def caps_first(s): return s.full().upper()
    def hl7(s): return "^".join(ascii_of(x).upper() for x in (s.family, s.given, s.mi(), s.sfx.rstrip(".")))
    def x12(s): return ascii_of(s.family).upper().replace("'", ""), ascii_of(s.given).upper()
    def with_cred(s): return f"{s.plain()}, {s.cred}" if s.cred else s.plain()
    def title(s): return ("Mr. " if s.sex == "M" else r_ms(s)) + s.family
    def shown(s, r): return r.choice([s.plain(), s.full(), s.lf(), s.caps(), s.caps_first(), f"{s.family}, {s.given}", f"{s.given[0]}. {s.family}", s.full()])
def r_ms(p): return "Mrs. " if sum(map(ord, p.family)) % 3 == 0 else "Ms. "
def patient(r, amin=18, amax=92, sex=None, pool=None): return Person(r, amin, amax, sex, pool)
def child(r, amin=0, amax=17, sex=None, pool=None):
    p = Person(r, 0, 1, sex, pool, minor=True); p.dob = TODAY - DAY(days=r.randint(int(amin * 365.25) + 20, int(amax * 365.25) + 300)); return p
def staff(r, cred=None, pool=None):
    p = Person(r, 24, 66, None, pool); p.cred = cred if cred is not None else (r.choice(CREDS) if r.random() < 0.55 else ""); return p
def doc_md(r, pool=None): p = staff(r, r.choice(["MD", "MD", "DO", "MD, PhD", "MD, MPH"]), pool); return p
def dr(p): return f"Dr. {p.family}"
def he(p): return "he" if p.sex == "M" else "she"
def his(p): return "his" if p.sex == "M" else "her"
def him(p): return "him" if p.sex == "M" else "her"
def mailbox(p, dom):
    g, f = re.sub(r"[^a-z]", "", ascii_of(p.given).lower()), re.sub(r"[^a-z]", "", ascii_of(p.family).lower())
    v = sum(map(ord, p.given + p.family)) % 5
    return [f"{g}.{f}", f"{g[0]}{f}", f"{f}{g[0]}", f"{g}{f[:1]}", f"{g}_{f}"][v] + "@" + dom
def personal_addr(r, p):
    g, f = re.sub(r"[^a-z]", "", ascii_of(p.given).lower()), re.sub(r"[^a-z]", "", ascii_of(p.family).lower())
    return r.choice([f"{g}.{f}{r.randint(1, 99)}", f"{g[0]}{f}{p.dob.year % 100:02d}", f"{f}.{g}", f"{g}{p.dob.year}"]) + "@" + r.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com"])

STREETS = ["Cottonwood Dr", "Larkspur Ln", "N 14th St", "Old Mill Rd", "Quail Run", "Bluestem Ave", "County Rd 9", "Willow Bend Ct", "E Prospect St", "Sandhill Crane Way",
           "Hwy 18", "Juniper Loop", "S Elm St", "Railroad Ave", "Tamarack Pl", "Calle Sol", "BIA Route 27"]
CITIES = [("Rapid City", "SD", "577"), ("Sioux Falls", "SD", "571"), ("Omaha", "NE", "681"), ("Lincoln", "NE", "685"), ("Council Bluffs", "IA", "515"),
          ("Des Moines", "IA", "503"), ("Kearney", "NE", "688"), ("Pine Ridge", "SD", "577"), ("Yankton", "SD", "570"), ("Grand Island", "NE", "688"), ("Mitchell", "SD", "573")]
AREAS = {"SD": "605", "NE": "402", "IA": "712"}
def phone(r, st=None, state="NE"):
    a, n = AREAS.get(state, r.choice(["605", "402", "712", "531"])), f"{r.randint(201, 989)}{digits(r, 4)}"
    st = st or r.choice(["dash", "paren", "dot", "dash"])
    return {"dash": f"{a}-{n[:3]}-{n[3:]}", "paren": f"({a}) {n[:3]}-{n[3:]}", "dot": f"{a}.{n[:3]}.{n[3:]}", "plain": f"{a}{n}"}[st]
def address(r, one_line=True):
    c, st, z = r.choice(CITIES); s = f"{r.randint(12, 9870)} {r.choice(STREETS)}" + (f" Apt {r.randint(1, 40)}{r.choice(['', 'B', ''])}" if r.random() < 0.2 else "")
    zz = f"{z}{digits(r, 2)}" + (f"-{digits(r, 4)}" if r.random() < 0.15 else "")
    return f"{s}, {c}, {st} {zz}" if one_line else f"{s}\n{c}, {st} {zz}"

# ================================================================== organisations
class Org:
    def __init__(s, key, name, short, dom, kind, city, color, titles):
        s.key, s.name, s.short, s.dom, s.kind, s.city, s.color, s.titles = key, name, short, dom, kind, city, color, titles
        rr = random.Random(SEED * 31 + sum(map(ord, key)))
        c, st, z = next(x for x in CITIES if x[0] == city)
        s.street = f"{rr.randint(100, 4800)} {rr.choice(['Plaza Blvd', 'Medical Pkwy', 'W Main St', 'Harvest Ln', 'Industrial Dr', 'Campus Dr', 'Airport Rd', 'Hospital Ave'])}"
        s.state, s.zip = st, z + f"{rr.randint(0, 99):02d}"
        s.phone, s.fax = phone(rr, "dash", st), phone(rr, "dash", st); s.npi = npi(rr); s.tin = f"{rr.randint(20, 88)}-{rr.randint(1000000, 9999999)}"
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
    def initials(s): return "".join(w[0] for w in re.findall(r"[A-Za-z]+", s.short) if w[0].isupper())[:4] or s.short[:3].upper()
ORG_SPECS = [
    ("travel", "Wayfarer Travel Medicine & Immunization Clinic", "Wayfarer Travel Medicine", "wayfarertravelmed.com", "travel", "Omaha", "1f6f8b", ["Travel Health Nurse", "Travel Medicine Physician", "Front Desk"]),
    ("eyebank", "Lumen Regional Eye Bank", "Lumen Eye Bank", "lumeneyebank.org", "eyebank", "Sioux Falls", "2b4c7e", ["Donor Coordinator", "Tissue Distribution Coordinator", "Quality Manager", "Medical Director"]),
    ("htc", "Tri-River Hemophilia Treatment Center", "Tri-River HTC", "trirverhtc.org", "htc", "Omaha", "8b1e3f", ["HTC Nurse Coordinator", "Hematologist", "HTC Social Worker", "340B Pharmacy Tech"]),
    ("sickle", "Prairie Sickle Cell Disease Center at Holloway Memorial", "Prairie SCD Center", "hollowaymemorial.org", "sickle", "Omaha", "a4161a", ["SCD Nurse Navigator", "Pediatric Hematologist", "Transition Coordinator"]),
    ("ltach", "Kestrel Ridge Specialty Hospital", "Kestrel Ridge LTACH", "kestrelridgeltach.com", "ltach", "Lincoln", "35605a", ["Clinical Liaison", "Admissions Coordinator", "Respiratory Therapy Manager", "Case Manager"]),
    ("pace", "Evergreen Commons PACE", "Evergreen PACE", "evergreencommonspace.org", "pace", "Des Moines", "2e7d32", ["Center Manager", "PACE Primary Care NP", "Home Care Coordinator", "Transportation Dispatcher", "IDT Facilitator"]),
    ("chr", "Wapsi River Tribal Health Program", "Wapsi River CHR Program", "wapsirivertribalhealth.org", "chr", "Pine Ridge", "7a3e1d", ["Community Health Representative", "CHR Supervisor", "Public Health Nurse"]),
    ("lact", "Milkweed Lactation & Breastfeeding Medicine", "Milkweed Lactation", "milkweedlactation.com", "lact", "Lincoln", "b5527a", ["IBCLC", "Breastfeeding Medicine Physician", "Office Manager"]),
    ("als", "Northlake ALS & Neuromuscular Clinic", "Northlake ALS Clinic", "northlakeneuro.org", "als", "Omaha", "4a148c", ["ALS Clinic Coordinator", "Neuromuscular Neurologist", "Respiratory Therapist", "Speech-Language Pathologist"]),
    ("memory", "Brightwater Memory & Cognitive Care Center", "Brightwater Memory Center", "brightwatermemory.org", "memory", "Sioux Falls", "00695c", ["Memory Care Navigator", "Geriatric Psychiatrist", "Neuropsychologist", "Infusion Coordinator"]),
    ("litho", "Tristate Mobile Lithotripsy, LLC", "Tristate Lithotripsy", "tristatelitho.com", "litho", "Council Bluffs", "37474f", ["Scheduling Coordinator", "Lithotripsy Technologist", "Billing Specialist"]),
    ("plasma", "VitaPlasma Donor Center #214", "VitaPlasma #214", "vitaplasma-centers.com", "plasma", "Kearney", "c62828", ["Center Physician Substitute", "Quality Assurance Specialist", "Donor Care Supervisor", "Center Manager"]),
    ("pain", "Summit Spine & Interventional Pain", "Summit Spine & Pain", "summitspinepain.com", "pain", "Des Moines", "1565c0", ["Prior Authorization Specialist", "Interventional Pain Physician", "Procedure Scheduler", "Nurse Navigator"]),
    ("chaplain", "Holloway Memorial Hospital - Spiritual Care Services", "Holloway Spiritual Care", "hollowaymemorial.org", "chaplain", "Omaha", "6d4c41", ["Staff Chaplain", "Chaplain Resident", "Director of Spiritual Care"]),
    ("hiv", "Positive Pathways Clinic (Ryan White Part C)", "Positive Pathways", "positivepathwaysclinic.org", "hiv", "Omaha", "d84315", ["Medical Case Manager", "Linkage-to-Care Specialist", "ADAP Enrollment Worker", "HIV Clinical Pharmacist"]),
    ("athletic", "Cascade State University Sports Medicine", "CSU Sports Medicine", "athletics.cascadestate.edu", "athletic", "Kearney", "0d47a1", ["Head Athletic Trainer", "Assistant Athletic Trainer", "Team Physician", "Sports Medicine Office"]),
    ("air", "LifeWing Air Medical Services", "LifeWing", "lifewingair.com", "air", "Sioux Falls", "ef6c00", ["Flight Nurse", "Flight Paramedic", "Communications Specialist", "Base Manager", "Billing Office"]),
    ("pdn", "Little Anchors Pediatric Home Nursing", "Little Anchors", "littleanchorsnursing.com", "pdn", "Rapid City", "00838f", ["Nursing Supervisor", "Scheduler", "Intake Coordinator", "Private Duty Nurse"]),
    ("gamete", "Heartland Cryobank & Egg Donor Program", "Heartland Cryobank", "heartlandcryobank.com", "gamete", "Omaha", "5e35b1", ["Client Services Specialist", "Genetic Counselor", "Laboratory Supervisor", "Shipping Coordinator"]),
    ("hosp", "Holloway Memorial Hospital", "Holloway Memorial", "hollowaymemorial.org", "hospital", "Omaha", "263238", ["Case Manager", "Charge Nurse", "Patient Access", "HIM Specialist", "Unit Secretary"]),
    ("hosp2", "St. Anselm Regional Medical Center", "St. Anselm Regional", "stanselmregional.org", "hospital", "Sioux Falls", "3949ab", ["Case Manager", "ED Charge Nurse", "Transfer Center RN", "Patient Access"]),
    ("ihs", "Wapsi River Indian Health Clinic", "Wapsi River Clinic", "wapsirivertribalhealth.org", "clinic", "Pine Ridge", "795548", ["Clinic Nurse", "Medical Records", "Pharmacist"]),
    ("fp", "Bellhaven Family Medicine", "Bellhaven FM", "bellhavenfm.com", "clinic", "Lincoln", "558b2f", ["Referral Coordinator", "Family Physician", "MA"]),
    ("im", "Quarry Hill Internal Medicine", "Quarry Hill IM", "quarryhillim.com", "clinic", "Grand Island", "616161", ["Office Manager", "Internist", "Nurse"]),
    ("uro", "Missouri Valley Urology Associates", "MV Urology", "mvurology.com", "clinic", "Council Bluffs", "0277bd", ["Surgery Scheduler", "Urologist", "Nurse"]),
    ("ivf", "Riverbend Fertility Center", "Riverbend Fertility", "riverbendfertility.com", "clinic", "Omaha", "ad1457", ["IVF Coordinator", "Reproductive Endocrinologist"]),
    ("payer", "Meridian Crest Health Plan", "Meridian Crest", "meridiancrest.com", "payer", "Omaha", "1a237e", ["Utilization Management RN", "Provider Relations", "Claims Analyst"]),
    ("mcd", "Ponderosa Medicaid - Community Choice", "Community Choice", "communitychoice-mcd.org", "payer", "Lincoln", "004d40", ["Care Coordinator", "Prior Authorization Unit"]),
    ("health", "Douglas-Sarpy Public Health Department", "DSPHD", "dsphd.gov", "public", "Omaha", "455a64", ["Epidemiologist", "Disease Intervention Specialist"]),
]
ORGS = {k: Org(k, *a) for k, *a in ORG_SPECS}
VENDORS = [Org("v1", "Alpine Biomedical Supply Co.", "Alpine Biomedical", "alpinebiomed.com", "vendor", "Omaha", "424242", ["Account Manager", "Customer Service"]),
           Org("v2", "Northgate Managed IT", "Northgate IT", "northgateit.com", "vendor", "Lincoln", "263238", ["Service Desk", "Field Technician"]),
           Org("v3", "Clearview Secure Shredding", "Clearview Shredding", "clearviewshred.com", "vendor", "Des Moines", "5d4037", ["Route Supervisor", "Billing"]),
           Org("v4", "FleetGuard Mutual Insurance", "FleetGuard Mutual", "fleetguardmutual.com", "vendor", "Omaha", "283593", ["Commercial Lines Agent"]),
           Org("v5", "ColdChain Biologistics", "ColdChain", "coldchainbio.com", "vendor", "Kearney", "006064", ["Dispatch", "Account Rep"]),
           Org("v6", "Aeris Rotorcraft Maintenance", "Aeris Rotorcraft", "aerisrotor.com", "vendor", "Sioux Falls", "37474f", ["Director of Maintenance"])]
VBYKEY = {v.key: v for v in VENDORS}
PARTNER = {"travel": ["fp", "im", "health"], "eyebank": ["hosp", "hosp2"], "htc": ["hosp", "payer", "fp"], "sickle": ["hosp", "hosp2", "mcd"], "ltach": ["hosp", "hosp2", "payer"],
           "pace": ["hosp", "im"], "chr": ["ihs"], "lact": ["fp", "mcd", "hosp"], "als": ["fp", "payer", "im"], "memory": ["im", "fp", "payer"], "litho": ["uro", "hosp2", "payer"],
           "plasma": ["health", "fp"], "pain": ["payer", "fp", "im"], "chaplain": ["hosp"], "hiv": ["health", "hosp", "mcd"], "athletic": ["hosp2", "fp"],
           "air": ["hosp", "hosp2", "payer"], "pdn": ["mcd", "hosp"], "gamete": ["ivf"]}
def org(r, key=None): return ORGS[key] if key else ORGS[r.choice(list(PARTNER))]
def counterpart(r, o): return ORGS[r.choice(PARTNER[o.key])] if o.key in PARTNER and r.random() < 0.62 else (o if r.random() < 0.6 else ORGS[r.choice(["hosp", "fp", "payer", "im"])])
def clin(r, o, cred=None):
    s = staff(r, cred if cred is not None else r.choice(["RN", "MD", "NP", "BSN, RN", ""])); s.role = r.choice(o.titles); return s
def title_for(r, s, o): return getattr(s, "role", None) or r.choice(o.titles)

# identifiers with this batch's shapes
def mrn(r): return r.choice([digits(r, 8), f"H{digits(r, 7)}", digits(r, 7), f"00{digits(r, 7)}", f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 2)}"])
def member_id(r, pfx=None): return (pfx or r.choice(["MCH", "MRC", "XQM", "W", "J9K"])) + digits(r, r.choice([8, 9]))
def medicaid_id(r): return r.choice([digits(r, 10), f"{digits(r, 9)}{letters(r, 1)}", f"NE{digits(r, 8)}"])
def acct(r): return r.choice([digits(r, 10), f"A{digits(r, 8)}", f"{digits(r, 4)}-{digits(r, 6)}"])
def fin(r): return "26" + digits(r, 8)
def csn(r): return "7" + digits(r, 9)
def claim_no(r): return r.choice([f"26{digits(r, 3)}E{digits(r, 8)}", digits(r, 14), f"CLM-{digits(r, 9)}"])
def tissue_id(r): return f"{letters(r, 2)}{digits(r, 2)}-{digits(r, 4)}-{r.choice(['C', 'K', 'D'])}{r.randint(1, 2)}"
def donor_no(r): return r.choice([f"{r.randint(1100, 9980)}", f"D-{r.randint(1100, 9980)}", f"#{r.randint(1100, 9980)}"])
def plasma_donor(r): return f"{r.randint(214, 214)}{digits(r, 7)}"
def student_id(r): return r.choice([f"C{digits(r, 8)}", digits(r, 9), f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 3)}"])
def chart_no(r): return r.choice([digits(r, 6), f"WR-{digits(r, 5)}", f"{digits(r, 3)}{letters(r, 1)}{digits(r, 3)}"])
def client_id(r): return r.choice([f"PP{digits(r, 6)}", f"RW-{digits(r, 7)}", digits(r, 8)])
def ptp_id(r): return r.choice([f"EC{digits(r, 5)}", digits(r, 7)])
def flight_no(r): return f"{TODAY:%y}-{r.randint(1, 3)}{digits(r, 4)}"
def dl_no(r): return r.choice([f"{letters(r, 1)}{digits(r, 8)}", f"{digits(r, 2)}-{digits(r, 3)}-{digits(r, 3)}", f"{letters(r, 1)}{digits(r, 2)}{digits(r, 6)}"])
def passport(r): return r.choice([f"{letters(r, 1)}{digits(r, 8)}", digits(r, 9)])
def lot(r): return r.choice([f"{letters(r, 2)}{digits(r, 4)}", f"{digits(r, 5)}{letters(r, 1)}", f"{letters(r, 1)}{digits(r, 3)}{letters(r, 2)}", f"U{digits(r, 4)}AA"])
def serial(r, pfx): return f"{pfx}{digits(r, r.choice([5, 6, 7]))}"
def emp_id(r): return r.choice([f"E{digits(r, 6)}", digits(r, 6), f"{letters(r, 2)}{digits(r, 4)}"])
def po_no(r): return r.choice([f"PO-{digits(r, 6)}", f"4500{digits(r, 6)}", f"PO{TODAY:%y}-{digits(r, 4)}"])
def inv_no(r): return r.choice([f"INV-{digits(r, 6)}", f"{digits(r, 7)}", f"SI-{TODAY:%y}{digits(r, 5)}"])

# label vocabularies
def L_pt(r): return r.choice(["Patient", "Patient Name", "Pt", "Pt name", "Name", "PATIENT", "Patient name", "Pt. Name"])
def L_dob(r): return r.choice(["DOB", "D.O.B.", "Date of Birth", "Date of birth", "Birth Date", "Birthdate", "DOB:", "Pt DOB", "dob"])
def L_mrn(r): return r.choice(["MRN", "Med Rec #", "MR#", "Medical Record #", "Med. Rec. No.", "Chart #", "Patient ID", "Hospital No.", "MRN #"])
def L_mbr(r): return r.choice(["Member ID", "Mbr ID", "Member #", "ID#", "Subscriber ID", "Insured's ID Number", "Ins ID", "Policy #", "Member No."])
def L_acct(r): return r.choice(["Acct #", "Account No.", "FIN", "HAR", "CSN", "Encounter #", "Visit ID", "Pt Acct #", "Visit #"])
def acct_for(r, lab): return {"FIN": fin(r), "CSN": csn(r), "HAR": "4" + digits(r, 8), "Encounter #": "E" + digits(r, 9), "Visit ID": "V" + digits(r, 8)}.get(lab, acct(r))
def L_ph(r): return r.choice(["Phone", "Ph", "Cell", "Home phone", "Tel", "Contact #", "Best number"])
def dx(r, code, desc): return r.choice([f"{desc} ({code})", f"{code} {desc}", f"{code} - {desc}", f"{desc}, {code}", desc + " [" + code + "]"])

# ================================================================== document model
class Doc:
    def __init__(s, cat, kind, title, blocks, o, sender=None, dest=None, subject=None, to_patient=None):
        s.cat, s.kind, s.title, s.blocks, s.o, s.sender, s.dest, s.subject, s.to_patient = cat, kind, title, blocks, o, sender, dest, subject, to_patient
    def cut(s, n):
        d = copy.copy(s); d.blocks = [(b[0], b[1], b[2][:n]) if b[0] == "table" else b for b in s.blocks]; return d
    def table(s): return next((b for b in s.blocks if b[0] == "table"), None)
def kv(items): return ("kv", [(a, str(b)) for a, b in items if b not in (None, "")])
def P(t): return ("p", t)
def H(t): return ("h", t)
def pre(t): return ("pre", t)
def tbl(hdr, rows): return ("table", hdr, rows)
def narr(cat, title, o, blocks, sender=None, dest=None, subject=None, to_patient=None): return Doc(cat, "narr", title, blocks, o, sender, dest, subject, to_patient)
def raw(cat, title, o, text, intro=None, dest=None, subject=None):
    return Doc(cat, "raw", title, ([P(intro)] if intro else []) + [pre(text)], o, None, dest, subject)
def signoff(r, s, o): return r.choice([f"{s.with_cred()}\n{title_for(r, s, o)}\n{o.name}\nPhone {o.phone} | Fax {o.fax}", f"{s.with_cred()}, {title_for(r, s, o)}", f"- {s.given}", f"{s.plain()}\n{o.short}\n{o.phone}"])
def sblock(r, s, o): return P(signoff(r, s, o))
def pt_items(r, p, extra=(), dob=True, name_label=None):
    items = [(name_label or L_pt(r), p.shown(r))]
    if dob: items.append((L_dob(r), dob_s(r, p)))
    return items + list(extra)
def ptkv(r, p, extra=(), dob=True, name_label=None): return kv(pt_items(r, p, extra, dob, name_label))

# ------------------------------------------------------------------ PHI narratives
def P_travel_consult(r):
    o = org(r, "travel"); p = patient(r, 19, 78); s = clin(r, o, r.choice(["RN", "MD", "NP"])); pcp = doc_md(r)
    dest = r.choice([("Ghana and Togo", "yellow fever (YF-VAX)", "atovaquone-proguanil 250/100 mg daily, start 1-2 days before entry, continue 7 days after"),
                     ("Peru (Cusco, Puerto Maldonado)", "yellow fever (Stamaril)", "atovaquone-proguanil; acetazolamide 125 mg BID for altitude"),
                     ("India and Nepal", "typhoid Vi polysaccharide and Japanese encephalitis (Ixiaro) #1", "doxycycline 100 mg daily"),
                     ("Kenya (safari) and Zanzibar", "yellow fever - see waiver note", "mefloquine 250 mg weekly (hx of doxycycline photosensitivity)"),
                     ("Brazil (Manaus)", "yellow fever (Stamaril), hepatitis A #1", "atovaquone-proguanil"), ("Vietnam and Cambodia", "rabies PrEP (Imovax) day 0 and day 7", "none needed for planned itinerary")])
    dep = soon(r, 12, 70); vac_lot = lot(r)
    extra = [("Departure", fd(dep, r.choice(["mdy", "long"]))), ("Destination", dest[0])]
    if r.random() < 0.5: extra.insert(0, (L_mrn(r), mrn(r)))
    meds = r.choice(["warfarin 5 mg (INR checked today: 2.6)", "methotrexate 15 mg weekly for RA", "levothyroxine, sertraline", "no chronic meds", "tacrolimus (kidney transplant 2019)", "lisinopril 20 mg, metformin 1000 mg BID"])
    return narr("travel-consult", "Pre-travel consultation summary", o, [
        H("Pre-Travel Consultation - Summary for Primary Care"), ptkv(r, p, extra),
        P(f"{dr(pcp)}, your patient was seen today for a pre-travel visit. Current medications: {meds}. {r.choice(['No egg allergy.', 'Reports anaphylaxis to neomycin - MMR deferred.', 'Thymectomy history reviewed: none.', 'Pregnancy test negative today.'])}"),
        P(f"Given today: {dest[1]} (lot {vac_lot}); {r.choice(['typhoid Vi IM', 'hepatitis A #1 (Havrix)', 'Tdap', 'polio IPV booster', 'cholera (Vaxchora) oral'])}. Malaria prophylaxis: {dest[2]}. "
          f"Travelers' diarrhea: azithromycin 1 g x1 standby. ICVP {'issued' if 'yellow' in dest[1] else 'not required'}."),
        P(r.choice(["Please note the interaction with warfarin if she starts atovaquone-proguanil - recommend INR 1 week after starting.", "Return in 28 days for the second dose.", "Patient counseled on bite avoidance, food and water precautions and travel insurance with evacuation coverage.", "If fever within 3 months of return, evaluate for malaria the same day."])),
        sblock(r, s, o)], sender=s, dest=ORGS["fp"], subject=r.choice(["Pre-travel visit summary", "Travel clinic note for your patient", f"Travel consult {fd(TODAY, 'm/d')}"]))

def P_travel_waiver(r):
    o = org(r, "travel"); p = patient(r, 58, 84); s = doc_md(r); s.role = "Travel Medicine Physician"
    why = r.choice(["age 60 or older with first yellow fever vaccination and a history of thymoma resection (2017)", "current immunosuppression with adalimumab and methotrexate for psoriatic arthritis",
                    "HIV infection with CD4 count 168 cells/mm3", "a history of anaphylaxis to gelatin-containing vaccines"])
    return narr("travel-yf-waiver", "Medical contraindication to vaccination", o, [
        H("Medical Contraindication to Vaccination - Yellow Fever"), P(f"Date: {fd(TODAY, 'long')}"),
        kv([("Traveler", p.full()), ("Date of birth", dob_s(r, p, r.choice(["long", "dlong", "mdy"]))), ("Passport No.", passport(r)), ("Countries", r.choice(["Uganda, Rwanda", "Ghana", "Bolivia (Santa Cruz)", "Colombia (Leticia)"]))]),
        P(f"This is to certify that immunization against yellow fever is medically contraindicated for the above traveler because of {why}. This waiver has been recorded on page 5 of the International Certificate of Vaccination or Prophylaxis."),
        P("Embassy officials are requested to accept this statement. Risk of infection and protective measures were discussed with the traveler."),
        P(f"{s.with_cred()}\nTravel Medicine Physician, {o.name}\nUS Yellow Fever Vaccination Center stamp on file\n{o.addr()}")], sender=s)

def P_eyebank_recipient(r):
    o = org(r, "eyebank"); p = patient(r, 34, 88); s = clin(r, o, r.choice(["CEBT", "RN", ""])); surg = doc_md(r); tid = tissue_id(r); d0 = past(r, 8, 30)
    org_ = r.choice(["Candida albicans (yeast)", "Candida parapsilosis", "Enterococcus faecalis", "Staphylococcus aureus (MSSA)"])
    return narr("eyebank-recipient-notice", "Positive donor rim culture - recipient notification", o, [
        H("Notification of Positive Post-Transplant Rim Culture"),
        kv([("To", f"{dr(surg)}, {ORGS['hosp'].short} Eye Surgery"), ("Tissue ID", tid), ("Procedure", r.choice(["DMEK", "DSAEK", "PKP", "PK (penetrating keratoplasty)"]) + " " + r.choice(["OD", "OS"])),
            ("Surgery date", fd(d0, r.choice(["mdy", "d-mon-y"]))), ("Recipient", p.lf()), ("Recipient DOB", dob_s(r, p)), ("Hospital MRN", mrn(r))]),
        P(f"The corneoscleral rim culture you submitted for the above recipient grew {org_}. The mate cornea from the same donor was transplanted at another center and that surgeon has also been notified. "
          f"Donor pre-cut processing records show no deviations. Please let us know whether the recipient shows any signs of keratitis or endophthalmitis; we are required to report recipient outcomes for 60 days."),
        P(f"Please complete and return the Adverse Reaction form by {fd(soon(r, 5, 14), 'long')}."), sblock(r, s, o)], sender=s, dest=ORGS["hosp"],
        subject=r.choice([f"Rim culture notification - tissue {tid}", "Positive rim culture - please review", "EB adverse outcome follow-up"]))

def P_eyebank_referral(r):
    o = org(r, "eyebank"); p = patient(r, 30, 79); s = clin(r, o, ""); s.role = "Donor Coordinator"; tod = past(r, 0, 1); nok = patient(r, 25, 80)
    cause = r.choice(["cardiac arrest, hx CAD", "metastatic colon cancer (comfort care)", "anoxic brain injury after overdose", "ICH", "COPD exacerbation, DNR"])
    return narr("eyebank-donor-referral", "Donor referral worksheet", o, [
        H("Referral Call Log - Ocular Tissue"), kv([("Referral #", f"LEB{TODAY:%y}-{digits(r, 4)}"), ("Referring hospital", ORGS[r.choice(["hosp", "hosp2"])].name),
            ("Decedent", p.caps()), ("DOB / Age", f"{dob_s(r, p, 'mdy')} ({age(p.dob, tod)})"), ("Time of death", f"{fd(tod, 'mdy')} {hhmm(r)}"), ("Cause", cause),
            ("MRN", mrn(r)), ("Blood products last 48h", r.choice(["none", "2 u PRBC, 1 FFP - plasma dilution calc needed", "1 u PRBC"])), ("NOK", f"{nok.plain()} ({r.choice(['wife', 'husband', 'daughter', 'son', 'sister'])}), {phone(r)}")]),
        P(f"Eyes closed and taped, ice applied at {hhmm(r)}. Family approached at {hhmm(r)}; {r.choice(['authorization obtained for cornea/whole eye', 'family declined', 'family asked for time - call back after 18:00'])}. "
          f"Medical/social history questionnaire scheduled with the {r.choice(['wife', 'son', 'daughter'])}. Recovery team ETA {r.randint(1, 3)} h."), sblock(r, s, o)], sender=s)

def P_htc_inhibitor(r):
    o = org(r, "htc"); p = patient(r, 2, 45, "M"); s = clin(r, o, "RN"); bu = r.choice(["0.6", "1.8", "2.4", "5.2", "12.7"]); drn = r.choice(["0", "1", "<1"])
    return narr("htc-inhibitor", "Inhibitor screen result", o, [
        ptkv(r, p, [(L_mrn(r), mrn(r)), ("Diagnosis", dx(r, "D66", "Hereditary factor VIII deficiency, severe")), ("Baseline FVIII", f"{drn}%")]),
        P(f"Nijmegen-Bethesda inhibitor assay drawn {fd(past(r, 3, 10), 'mdy')}: {bu} BU/mL "
          f"({'low titer' if float(bu) < 5 else 'high titer'}). Previous: {r.choice(['negative', '0.4 BU', 'not done since 2024'])}. Current prophylaxis: {r.choice(['emicizumab 3 mg/kg every 2 weeks', 'Advate 50 IU/kg three times weekly', 'Eloctate 50 IU/kg every 4 days', 'Altuviiio 50 IU/kg weekly'])}."),
        P(r.choice(["Dr. plans repeat titer in 4 weeks; family notified by phone and aware that bypassing agents are needed for breakthrough bleeds. Please update the ED letter.",
                    "Will discuss immune tolerance induction at next comprehensive visit. Pharmacy: please hold the next FVIII shipment until we call.",
                    "Mother informed. Recombinant FVIIa (NovoSeven) 90 mcg/kg added to the home bleed kit."])), sblock(r, s, o)], sender=s,
        subject=r.choice(["Inhibitor result", "Bethesda titer back", "FYI - inhibitor"]))

def P_htc_er_letter(r):
    o = org(r, "htc"); p = child(r, 3, 17, "M") if r.random() < 0.7 else patient(r, 18, 60, "M"); s = doc_md(r); s.role = "Hematologist"
    typ = r.choice([("hemophilia B, severe (factor IX <1%)", "D67", "Alprolix 100 IU/kg"), ("hemophilia A, moderate (factor VIII 3%)", "D66", "Advate 50 IU/kg"), ("von Willebrand disease type 3", "D68.0", "Vonvendi 60 IU/kg")])
    wt = r.randint(14, 95)
    return narr("htc-emergency-letter", "Emergency care letter", o, [
        H("EMERGENCY CARE LETTER"), P(f"To Emergency Department staff:"),
        P(f"{p.full()} (born {fd(p.dob, 'long')}) has {typ[0]} ({typ[1]}). Weight {wt} kg on {fd(past(r, 20, 120), 'm/d/yyyy')}."),
        P(f"For any head injury, suspected joint or muscle bleed, or trauma: give {typ[2]} = {int(wt * (100 if 'Alprolix' in typ[2] else 50 if 'Advate' in typ[2] else 60)):,} IU IV BEFORE imaging. Do not delay treatment for labs. "
          f"No IM injections, no aspirin or NSAIDs. Call the HTC hematologist on call at {o.phone}."),
        P(f"Home factor: {r.choice(['family carries product', 'port-a-cath, right chest', 'peripheral access difficult - use ultrasound'])}. Inhibitor status: negative as of {fd(past(r, 30, 200), 'short')}."),
        P(f"{s.with_cred()}\nTri-River Hemophilia Treatment Center")], sender=s, to_patient=p if r.random() < 0.3 else None)

def P_scd_ed_plan(r):
    o = org(r, "sickle"); p = patient(r, 18, 44, pool=r.choice(["black_us", "black_us", "yoruba_igbo", "ethiopian", "us"])); s = clin(r, o, "NP")
    hgb = f"{r.uniform(6.4, 9.8):.1f}"
    return narr("scd-ed-care-plan", "Individualized ED pain plan", o, [
        H("Sickle Cell Disease - Individualized Emergency Department Care Plan"),
        ptkv(r, p, [(L_mrn(r), mrn(r)), ("Genotype", r.choice(["HbSS", "HbSC", "HbS/beta0-thalassemia", "HbSS"])), ("Baseline Hgb", f"{hgb} g/dL"), ("Alloantibodies", r.choice(["anti-E, anti-K", "anti-Fya", "none", "anti-C, anti-Jkb"]))]),
        P(f"Initial dose within 60 minutes of arrival: {r.choice(['hydromorphone 1.5 mg IV', 'hydromorphone 2 mg SC if no IV', 'morphine 8 mg IV'])}; reassess every 30 minutes, repeat up to 3 doses. "
          f"Adjuncts: ketorolac 15 mg IV unless creatinine > 1.2, {r.choice(['ketamine 0.15 mg/kg/h', 'diphenhydramine 25 mg PO for itching', 'acetaminophen 1 g'])}. Transfuse only for Hgb < {float(hgb) - 1.5:.1f} or symptoms; "
          f"phenotype-matched (C, E, K negative) units."),
        P(r.choice(["Admit if pain not controlled after 3 doses, or for any chest pain/new infiltrate (acute chest).", "Home meds: hydroxyurea 1,500 mg daily, folic acid, oxycodone 10 mg q6h PRN (agreement on file).",
                    "Please page the SCD team for every visit."])), sblock(r, s, o)], sender=s, dest=ORGS["hosp2"], subject=r.choice(["Updated ED care plan", "SCD care plan - please load in EHR", "Care plan update"]))

def P_scd_tcd(r):
    o = org(r, "sickle"); p = child(r, 2, 15, pool=r.choice(["black_us", "yoruba_igbo", "ethiopian"])); s = doc_md(r); s.role = "Pediatric Hematologist"; par = patient(r, 24, 50, "F", p.pool); par.family = p.family
    v = r.choice([(164, "normal", "repeat in 12 months"), (182, "conditional", "repeat in 2-3 months"), (212, "abnormal", "start chronic transfusion - we will call you to schedule")])
    return narr("scd-tcd-result", "Transcranial Doppler result", o, [
        P(f"{fd(TODAY, 'long')}\n\n{par.plain()}\n{address(r, False)}"), P(f"Dear {r_ms(par)}{par.family},"),
        P(f"Your child {p.given}'s transcranial Doppler (TCD) ultrasound on {fd(past(r, 4, 15), 'long')} showed a highest time-averaged mean velocity of {v[0]} cm/s in the {r.choice(['right', 'left'])} middle cerebral artery. "
          f"This is in the {v[1]} range, so we will {v[2]}."),
        P(f"Please keep giving hydroxyurea {r.choice(['500 mg', '600 mg', '20 mg/kg'])} every day and call us at {o.phone} for fever over 101.3 F."),
        P(f"Sincerely,\n{s.with_cred()}\n{o.name}\nChild: {p.full()}, DOB {dob_s(r, p, 'mdy')}")], sender=s, to_patient=par)

def P_ltach_referral(r):
    o = org(r, "ltach"); p = patient(r, 48, 86); s = clin(r, o, r.choice(["RN", "RRT", "BSN, RN"])); src = ORGS[r.choice(["hosp", "hosp2"])]
    return narr("ltach-referral", "LTACH referral review", o, [
        H(f"Referral - {src.short}"), kv([(L_pt(r), p.caps()), (L_dob(r), dob_s(r, p)), ("Referring MRN", mrn(r)), ("MBI", mbi(r)), ("Secondary", r.choice(["Community Choice Medicaid", "Meridian Crest supplement", "none"])),
                                          ("Admit dx", dx(r, *r.choice([("J96.11", "Chronic resp failure w hypoxia"), ("J96.21", "Acute on chronic resp failure w hypoxia"), ("A41.9", "Sepsis, unspecified organism"), ("L89.154", "Pressure ulcer of sacral region, stage 4")])))]),
        P(f"Trach {r.choice(['Shiley 6.0 cuffed', 'Shiley 8 DCT', 'Bivona 7.0'])} placed {fd(past(r, 6, 20), 'm/d')}. Vent AC {r.choice(['450/14', '400/16', '500/12'])}, PEEP {r.choice([5, 8, 10])}, FiO2 {r.choice([35, 40, 50])}%. "
          f"Failed SBT x{r.randint(2, 4)}. {r.choice(['PEG in place, TF at goal', 'NPO, NGT', 'Cortrak, TF at 40 mL/h'])}. {r.choice(['Cr 1.9, no HD', 'On intermittent HD MWF', 'Vanc/cefepime day 6 of 7', 'C. diff + last week, on oral vanc'])}."),
        P(f"Meets LTACH criteria (>3 days ICU, >96 h vent). {r.choice(['Bed available tomorrow', 'Pending auth from payer', 'Family toured today and agrees'])}. Expected LOS {r.randint(21, 34)} days, MS-DRG {r.choice(['207', '870', '189', '592'])}."),
        sblock(r, s, o)], sender=s, dest=src, subject=r.choice(["Referral review", "LTACH acceptance", f"Re: referral from {src.short}"]))

def P_ltach_weekly(r):
    o = org(r, "ltach"); p = patient(r, 50, 85); s = clin(r, o, "RN"); s.role = "Case Manager"; pay = ORGS["payer"]
    return narr("ltach-weekly-update", "Concurrent review update", o, [
        P(f"Concurrent review - {pay.short} auth {digits(r, 9)}"), ptkv(r, p, [(L_mbr(r), member_id(r)), ("Admit date", fd(past(r, 10, 30), 'mdy')), ("LOS", f"{r.randint(9, 30)} days")]),
        P(f"Week {r.randint(2, 5)}: {r.choice(['trach collar trials up to 12 h/day, rested on vent overnight', 'liberated from vent 12/15, trach collar 28% continuous', 'decannulated 12/17, tolerating PMV', 'remains on full support, failed trial due to tachypnea RR 38'])}. "
          f"Wound: {r.choice(['sacral stage 4, 6.2 x 4.0 x 2.1 cm, NPWT', 'healed', 'heel DTI unchanged'])}. PT: {r.choice(['sitting EOB 10 min', 'pivot to chair with 2 assist', 'ambulated 40 ft with RW'])}."),
        P(f"Requesting extension of {r.choice([7, 10, 14])} days. Anticipated discharge to {r.choice(['SNF', 'home with home health', 'acute rehab', 'LTC with vent unit'])}."), sblock(r, s, o)], sender=s, dest=pay)

def P_pace_idt(r):
    o = org(r, "pace"); p = patient(r, 58, 96); s = clin(r, o, "NP")
    ev = r.choice([("fell at home 12/14, found on floor by aide; CT head neg at Holloway ED", "PT eval for home safety; bed alarm; increase home care to 3 visits/day"),
                   ("Hgb dropped 11.2 -> 8.4; guaiac + stool", "hold apixaban, GI referral, repeat CBC Monday"),
                   ("missing day-center days, daughter reports she is not eating; wt down 6 lb/month", "dietitian, mirtazapine 7.5 mg qhs, SW home visit"),
                   ("A1c 10.1 on glipizide; two hypoglycemic episodes at center", "stop glipizide, start linagliptin, fingersticks at lunch")])
    return narr("pace-idt-note", "IDT discussion", o, [
        H("Interdisciplinary Team Meeting - Participant Discussion"), kv([("Participant", p.lf()), ("Ptp ID", ptp_id(r)), ("Medicare", mbi(r)), ("Medicaid", medicaid_id(r)), (L_dob(r), dob_s(r, p))]),
        P(f"Issue: {ev[0]}."), P(f"Plan: {ev[1]}. Care plan updated; {r.choice(['caregiver (son) notified', 'participant agrees', 'POA informed by phone'])}."),
        P(f"Disciplines present: PCP, RN, SW, PT, OT, RD, home care, transportation, center manager."), sblock(r, s, o)], sender=s, subject=r.choice(["IDT follow-up", "IDT minutes - participant update", "Care plan change"]))

def P_pace_daycenter(r):
    o = org(r, "pace"); p = patient(r, 60, 95); s = clin(r, o, "RN"); s.role = "Center RN"
    return narr("pace-incident", "Day center incident", o, [
        P(f"Incident at day center today {clock(r, 9, 14)}:"),
        P(f"{p.plain()} ({p.given} to staff) {r.choice(['became diaphoretic and confused during lunch; FSBS 48, given juice and glucose gel, recheck 112 at 15 min', 'had a witnessed fall in the activity room, skin tear L forearm 3 cm, steri-stripped', 'was short of breath after exercise group, SpO2 86% RA, 2 L NC started, crackles bilat - sent to ED by ambulance', 'refused afternoon meds and was tearful; said her granddaughter took her pension check - SW notified, APS report discussed'])}. "
          f"Vitals {r.randint(96, 168)}/{r.randint(52, 96)}, HR {r.randint(58, 118)}."),
        P(f"PCP notified; {r.choice(['van ride home changed to 2:30 with escort', 'family notified', 'held for observation until 3 pm'])}. Incident report #{digits(r, 5)} entered."), P(f"- {s.given}")], sender=s)

def P_chr_visit(r):
    o = org(r, "chr"); p = patient(r, 45, 90, pool="lakota"); s = staff(r, "", "lakota"); s.role = "Community Health Representative"; bp = f"{r.randint(150, 192)}/{r.randint(88, 112)}"
    return narr("chr-home-visit", "CHR home visit", o, [
        P(f"Home visit {fd(past(r, 0, 3), 'mdy')} - {r.choice(['Porcupine', 'Wanblee', 'Kyle', 'Manderson', 'Oglala'])} district"),
        kv([("Client", p.plain()), ("Chart #", chart_no(r)), ("DOB", dob_s(r, p, 'mdy')), ("Ph", phone(r, state="SD"))]),
        P(f"BP {bp} sitting, recheck {int(bp.split('/')[0]) - r.randint(2, 8)}/{bp.split('/')[1]}. {his(p).capitalize()} lisinopril ran out {r.randint(3, 9)} days ago - no ride to the pharmacy. "
          f"Blood sugar {r.randint(180, 340)} (glucometer). Feet checked: {r.choice(['callus R great toe, no open areas', 'small open area L heel - please see', 'no problems'])}. Insulin stored {r.choice(['in fridge, OK', 'on windowsill - educated'])}."),
        P(f"Requests: refill to be sent to the clinic pharmacy for CHR delivery Thursday; {r.choice(['PHN to visit for wound', 'transport to eye clinic appointment', 'WIC referral for granddaughter'])}."),
        P(f"{s.plain()}, CHR\n{o.short}")], sender=s, dest=ORGS["ihs"], subject=r.choice(["CHR visit report", "Home visit - needs refill", f"CHR report {fd(TODAY, 'm/d')}"]))

def P_chr_transport(r):
    o = org(r, "chr"); p = patient(r, 40, 85, pool="lakota"); s = staff(r, "", "lakota"); s.role = "CHR Supervisor"
    return narr("chr-transport-request", "Transport request", o, [
        P(f"Need transport for {p.full()} ({dob_s(r, p, 'm/d/yy')}), chart {chart_no(r)}, to {r.choice(['dialysis at Rapid City MWF 0530 chair', 'oncology infusion in Rapid City on ' + fd(soon(r, 2, 9), 'wd'), 'ophthalmology for diabetic retinopathy laser', 'prenatal ultrasound - 28 wk'])}."),
        P(f"{he(p).capitalize()} uses a {r.choice(['wheelchair', 'walker', 'cane'])}; {r.choice(['needs O2 2 L during ride', 'daughter will ride along', 'no phone - message via CHR'])}. Address: {address(r)}."),
        P(f"Thanks,\n{s.plain()}")], sender=s, dest=ORGS["ihs"])

def P_lact_consult(r):
    o = org(r, "lact"); m_ = patient(r, 19, 42, "F"); b = child(r, 0, 0); b.family = m_.family; b.dob = past(r, 3, 20); s = clin(r, o, "IBCLC"); bw = r.randint(2750, 4100); cw = int(bw * r.uniform(0.88, 0.97))
    return narr("lactation-consult", "Lactation consult note", o, [
        H("Outpatient Lactation Consultation"), kv([("Mother", m_.lf()), ("Mother DOB", dob_s(r, m_)), ("Infant", f"{b.given} {b.family}"), ("Infant DOB", fd(b.dob, 'mdy')),
                                                   ("Birth wt", f"{bw} g"), ("Today", f"{cw} g ({(bw - cw) / bw * 100:.1f}% below BW)")]),
        P(f"Concern: {r.choice(['painful latch, nipple trauma bilaterally', 'low milk supply, infant not regaining birth weight', 'recurrent mastitis L breast, fever 101.8 F on 12/12', 'clicking with feeds; restricted tongue elevation'])}. "
          f"Oral exam: {r.choice(['Hazelbaker score 8/14 - posterior tongue tie', 'normal', 'high palate'])}. Pre/post weight: {r.randint(12, 64)} mL transferred."),
        P(f"Plan: {r.choice(['triple feeding 8x/day with 30 mL supplement, pump after feeds; recheck weight in 48 h', 'referral to ENT for frenotomy evaluation', 'dicloxacillin 500 mg QID x10d per OB; continue breastfeeding', 'domperidone NOT recommended; start galactagogue review with PCP'])}. "
          f"Copy to pediatrician {dr(doc_md(r))}."), sblock(r, s, o)], sender=s, dest=ORGS["fp"])

def P_lact_pump_lmn(r):
    o = org(r, "lact"); m_ = patient(r, 19, 40, "F"); s = doc_md(r); s.role = "Breastfeeding Medicine Physician"; pay = ORGS[r.choice(["payer", "mcd"])]; b = child(r, 0, 0); b.dob = past(r, 5, 40)
    return narr("lactation-pump-lmn", "Letter of medical necessity - hospital-grade pump", o, [
        P(f"{fd(TODAY, 'long')}\n{pay.name}\nAttn: DME Prior Authorization"), P("RE: Letter of Medical Necessity - E0604 hospital-grade breast pump rental"),
        kv([("Member", m_.full()), (L_mbr(r), member_id(r) if pay.key == "payer" else medicaid_id(r)), ("DOB", dob_s(r, m_, 'mdy'))]),
        P(f"My patient delivered {r.choice(['twins at 31 weeks', 'at 28 weeks', 'a term infant with cleft palate', 'a 33-week infant now in the NICU'])} on {fd(b.dob, 'long')}. The infant(s) cannot feed at the breast and {he(m_)} must establish and maintain supply by pumping 8 times per day. "
          f"A personal-use pump (E0603) has not maintained supply ({r.randint(90, 220)} mL/day). Diagnosis: {dx(r, *r.choice([('O92.70', 'Unspecified disorder of lactation'), ('O92.5', 'Suppressed lactation'), ('O92.4', 'Hypogalactia')]))}; infant {dx(r, *r.choice([('P07.33', 'Preterm newborn, gestational age 30 completed weeks'), ('P07.35', 'Preterm newborn, gestational age 32 completed weeks'), ('Q35.9', 'Cleft palate, unspecified')]))}."),
        P(f"Requested duration: {r.choice([2, 3, 4])} months.\n\n{s.with_cred()}\nNPI {npi(r)}")], sender=s, dest=pay)

def P_als_clinic(r):
    o = org(r, "als"); p = patient(r, 38, 80); s = doc_md(r); s.role = "Neuromuscular Neurologist"; fvc = r.randint(38, 82)
    return narr("als-clinic-note", "ALS multidisciplinary clinic summary", o, [
        H("ALS Multidisciplinary Clinic - Visit Summary"), ptkv(r, p, [(L_mrn(r), mrn(r)), ("Visit", fd(past(r, 1, 6), 'mdy')), ("Dx", dx(r, "G12.21", "Amyotrophic lateral sclerosis"))]),
        P(f"ALSFRS-R {r.randint(18, 40)}/48 (prior {r.randint(30, 44)}). Upright FVC {fvc}% predicted, {r.choice(['supine', 'sniff'])} {r.randint(28, 70)}%. Weight {r.randint(110, 210)} lb, down {r.randint(2, 14)} lb. "
          f"{r.choice(['Bulbar onset, speech now 50% intelligible', 'Limb onset R hand, now using AFOs bilaterally', 'Mixed onset; sialorrhea on glycopyrrolate'])}."),
        P(f"Meds: riluzole 50 mg BID{r.choice([', edaravone oral suspension', ', tofersen (SOD1+) intrathecal', ''])}. Respiratory: {'BiPAP ordered (FVC < 50%)' if fvc < 50 else 'repeat PFT in 3 months'}. Nutrition: {r.choice(['PEG discussed - patient wants to think about it', 'PEG scheduled', 'calorie supplement 3x/day'])}. "
          f"SLP: {r.choice(['voice banking started', 'eye-gaze SGD trial ordered', 'no change'])}. {r.choice(['POLST completed - DNR/DNI with BiPAP OK', 'Hospice information given', 'Genetic testing: C9orf72 expansion positive; family counseling offered'])}."),
        P(f"{s.with_cred()}")], sender=s, dest=ORGS["fp"])

def P_als_sgd(r):
    o = org(r, "als"); p = patient(r, 40, 78); s = clin(r, o, "MS, CCC-SLP"); s.role = "Speech-Language Pathologist"; pay = ORGS["payer"]
    return narr("als-sgd-request", "Speech-generating device request", o, [
        P(f"To: {pay.name} Prior Authorization\nFax: {pay.fax}"), P("Request: E2510 speech-generating device with eye-gaze access (E2599 mount)"),
        kv([("Beneficiary", p.full()), (L_mbr(r), member_id(r)), ("Date of Birth", dob_s(r, p, r.choice(['long', 'mdy']))), ("Diagnosis", "G12.21 ALS; R47.1 dysarthria")]),
        P(f"{p.title()} has severe dysarthria; speech is {r.randint(5, 20)}% intelligible to unfamiliar listeners. Hand function no longer allows typing (grip {r.randint(2, 6)} kg). A 2-week trial with eye-gaze showed {r.randint(12, 25)} words/min with {r.randint(85, 98)}% accuracy. "
          f"Low-tech board is not sufficient for phone calls with {his(p)} care team."), P(f"{s.with_cred()}\n{o.name}")], sender=s, dest=pay)

def P_memory_eval(r):
    o = org(r, "memory"); p = patient(r, 58, 90); s = doc_md(r); s.role = r.choice(["Geriatric Psychiatrist", "Behavioral Neurologist"]); moca = r.randint(12, 24)
    return narr("memory-eval", "Cognitive evaluation - consult letter", o, [
        P(f"Dear {dr(doc_md(r))},"),
        P(f"Thank you for referring {p.full()} (DOB {dob_s(r, p)}) for memory concerns. {he(p).capitalize()} was seen with {his(p)} {r.choice(['wife', 'husband', 'daughter', 'son'])} on {fd(past(r, 2, 12), 'long')}."),
        P(f"MoCA {moca}/30 ({r.choice(['delayed recall 0/5', 'visuospatial 2/5', 'orientation 4/6'])}). MRI brain: {r.choice(['moderate hippocampal atrophy, Fazekas 1', 'mild generalized atrophy, 2 microhemorrhages', 'no acute findings'])}. "
          f"{r.choice(['Amyloid PET positive (Centiloid 82)', 'CSF Abeta42/40 ratio low, p-tau181 elevated', 'Plasma p-tau217 elevated'])}. APOE {r.choice(['e3/e4', 'e4/e4', 'e3/e3'])}."),
        P(f"Impression: {r.choice(['mild cognitive impairment due to Alzheimer disease (G31.84, G30.9)', 'mild Alzheimer dementia (F02.A0, G30.1)', 'dementia with Lewy bodies (G31.83) with REM sleep behaviour disorder'])}. "
          f"{r.choice(['Candidate for lecanemab; baseline MRI reviewed, will start infusions in January.', 'Not eligible for anti-amyloid therapy given APOE e4 homozygosity and microhemorrhages; started donepezil 5 mg.', 'Driving: recommended formal on-road evaluation; family will take the keys meanwhile.'])}"),
        P(f"Sincerely,\n{s.with_cred()}\n{o.name}")], sender=s, dest=ORGS["im"])

def P_memory_dmv(r):
    o = org(r, "memory"); p = patient(r, 66, 92); s = doc_md(r); s.role = "Geriatric Psychiatrist"
    return narr("memory-dmv-report", "Physician report - driver medical review", o, [
        H("Physician's Report to Driver Medical Review Unit"), kv([("Driver name", p.caps()), ("Date of birth", dob_s(r, p, 'mdy')), ("Driver license #", dl_no(r)), ("Address", address(r))]),
        P(f"Condition: {r.choice(['Alzheimer disease, moderate (MoCA 14/30)', 'frontotemporal dementia with impaired judgment', 'vascular dementia after left MCA stroke'])}. "
          f"The family reports {r.choice(['getting lost driving to church twice this month', 'a minor collision in a parking lot and new dents', 'running a red light with a grandchild in the car'])}."),
        P("In my opinion the driver is not currently safe to operate a motor vehicle. Recommend suspension pending road test."),
        P(f"{s.with_cred()}  NPI {npi(r)}\n{o.addr()}  {o.phone}")], sender=s)

def P_litho_booking(r):
    o = org(r, "litho"); p = patient(r, 24, 82); s = clin(r, o, ""); s.role = "Scheduling Coordinator"; hosp = ORGS[r.choice(["hosp2", "hosp"])]; uro = doc_md(r)
    return narr("litho-case-booking", "ESWL case booking", o, [
        P(f"Booked for {hosp.short} mobile day {fd(soon(r, 2, 12), 'wd')}:"),
        kv([(L_pt(r), p.shown(r)), (L_dob(r), dob_s(r, p)), ("Surgeon", dr(uro)), ("Stone", f"{r.choice(['L', 'R'])} {r.choice(['renal pelvis', 'UPJ', 'proximal ureter', 'lower pole'])} {r.randint(5, 15)} mm, {r.randint(600, 1300)} HU, SSD {r.randint(8, 13)} cm"),
            ("Stent", r.choice(["none", "JJ stent placed 11/30", "nephrostomy"])), ("Anticoag", r.choice(["none", "apixaban - hold 48h, confirmed with cardiology", "clopidogrel - hold 5 days", "aspirin 81 - continue per Dr."])),
            (L_mbr(r), member_id(r)), ("Auth", r.choice(["not required", f"approved #{digits(r, 8)}", "pending"]))]),
        P(f"Need pre-op UA/culture and {r.choice(['INR', 'CBC/BMP', 'pregnancy test'])} on arrival. Weight {r.randint(120, 290)} lb."), P(f"Thanks,\n{s.plain()}")], sender=s, dest=hosp)

def P_litho_treatment(r):
    o = org(r, "litho"); p = patient(r, 24, 82); s = clin(r, o, "RT(R)"); s.role = "Lithotripsy Technologist"; uro = doc_md(r)
    return narr("litho-treatment-record", "ESWL treatment record", o, [
        H("Extracorporeal Shock Wave Lithotripsy - Treatment Record"), ptkv(r, p, [(L_acct(r), acct(r)), ("Facility", ORGS["hosp2"].short), ("Physician", dr(uro))]),
        kv([("Device", f"Dornier Compact Delta III s/n {serial(r, 'D3')}"), ("Shocks", f"{r.choice([2500, 3000, 3200])} @ {r.choice([60, 90])}/min"), ("Energy", f"{r.choice(['1-4', '2-5', '1-5'])} (max {r.uniform(16, 20):.1f} kV)"),
            ("Fluoro time", f"{r.uniform(0.8, 3.9):.1f} min"), ("Anesthesia", r.choice(["MAC", "general LMA", "IV sedation"]))]),
        P(f"Target {r.choice(['L', 'R'])} {r.choice(['renal pelvis', 'proximal ureter', 'upper pole'])} stone {r.randint(6, 14)} mm. {r.choice(['Good fragmentation seen at 1800 shocks.', 'Partial fragmentation; may need URS.', 'Stone not visualized after 2,000 shocks - terminated.'])} "
          f"No arrhythmia. Post-op: tamsulosin 0.4 mg, strain urine, KUB in 2 weeks."), P(f"{s.with_cred()}")], sender=s, dest=ORGS["uro"])

def P_plasma_deferral(r):
    o = org(r, "plasma"); p = patient(r, 18, 60); s = doc_md(r); s.role = "Medical Director"
    res = r.choice([("HCV NAT reactive; anti-HCV reactive", "hepatitis C"), ("HBsAg reactive, HBV NAT reactive", "hepatitis B"), ("HIV-1/2 Ag/Ab reactive, HIV-1 NAT reactive", "HIV"), ("RPR reactive 1:16, TP-PA positive", "syphilis")])
    return narr("plasma-donor-deferral", "Donor notification - reactive test", o, [
        P(f"{fd(TODAY, 'long')}\n\nCONFIDENTIAL\n{p.full()}\n{address(r, False)}"),
        kv([("Donor ID", plasma_donor(r)), ("Date of birth", dob_s(r, p, 'mdy')), ("Donation date", fd(past(r, 6, 20), 'mdy'))]),
        P(f"Dear {p.title()},\n\nThank you for donating plasma. Routine testing of your {fd(past(r, 6, 20), 'long')} donation was {res[0]}. These results suggest infection with {res[1]}. "
          f"You have been permanently deferred from donating plasma, and as required by state law the result has been reported to the health department."),
        P(f"Please see your doctor, bring this letter, and call our center physician at {o.phone} to discuss. We can help you find low-cost care."),
        P(f"{s.with_cred()}\nMedical Director")], sender=s, to_patient=p)

def P_plasma_reaction(r):
    o = org(r, "plasma"); p = patient(r, 18, 58); s = clin(r, o, "RN"); s.role = "Donor Care Supervisor"
    return narr("plasma-adverse-reaction", "Donor adverse event report", o, [
        H("Donor Adverse Event - Internal Report"), kv([("Donor", p.lf()), ("Donor #", plasma_donor(r)), ("Age/Sex", f"{age(p.dob)}/{p.sex}"), ("Weight", f"{r.randint(112, 260)} lb"), ("Event", r.choice(["citrate reaction (perioral tingling, chills)", "vasovagal with LOC and fall - struck head on chair arm", "hematoma L antecubital 6 cm, nerve pain", "hemolysis - red plasma noted, procedure stopped"]))]),
        P(f"Time {hhmm(r, 8, 18)}. Procedure stopped at {r.randint(180, 780)} mL. Vitals after: {r.randint(86, 130)}/{r.randint(50, 84)}, HR {r.randint(50, 110)}. {r.choice(['Calcium chews given, resolved in 10 min.', 'EMS called, transported to ED per donor request.', 'Ice, elevation; donor referred to urgent care for evaluation.'])}"),
        P(f"Donor deferred {r.choice(['2 weeks', 'pending physician review', '30 days'])}. Medical director notified."), sblock(r, s, o)], sender=s)

def P_pain_procedure(r):
    o = org(r, "pain"); p = patient(r, 30, 85); s = doc_md(r); s.role = "Interventional Pain Physician"
    proc = r.choice([("L4-5 and L5-S1 right transforaminal epidural steroid injection", "64483, 64484", "M54.16"), ("bilateral L3-4, L4-5 medial branch blocks", "64493, 64494", "M47.816"),
                     ("right L3, L4, L5 radiofrequency ablation", "64635, 64636", "M47.816"), ("C6-7 interlaminar epidural", "62321", "M54.12"), ("right SI joint injection", "27096", "M46.1")])
    return narr("pain-procedure-note", "Procedure note", o, [
        H("Procedure Note"), ptkv(r, p, [(L_mrn(r), mrn(r)), ("Date of service", fd(past(r, 0, 5), 'mdy'))]),
        P(f"Procedure: {proc[0]} under fluoroscopy (CPT {proc[1]}). Dx: {proc[2]}. Pre-procedure pain {r.randint(6, 9)}/10. {r.choice(['Apixaban held 3 days per cardiology.', 'No anticoagulants.', 'Diabetic - glucose 188; warned about steroid hyperglycemia.'])}"),
        P(f"Medication: {r.choice(['dexamethasone 10 mg', 'triamcinolone 80 mg', 'bupivacaine 0.25% 1 mL per level'])}. Contrast spread appropriate, no vascular uptake. Post-procedure pain {r.randint(0, 4)}/10. {r.choice(['Diagnostic block >80% relief x6 h - proceed to RFA.', 'Follow up in 2 weeks.', 'Will submit for repeat in 3 months if >50% relief.'])}"),
        P(f"{s.with_cred()}")], sender=s, dest=ORGS["fp"])

def P_pain_scs_pa(r):
    o = org(r, "pain"); p = patient(r, 35, 75); s = clin(r, o, ""); s.role = "Prior Authorization Specialist"; pay = ORGS["payer"]
    return narr("pain-prior-auth", "Prior authorization request - SCS trial", o, [
        P(f"{pay.name} - Utilization Management\nRequest for prior authorization"),
        kv([("Member", p.lf()), (L_mbr(r), member_id(r)), (L_dob(r), dob_s(r, p)), ("Requested", "63650 x2 percutaneous SCS trial leads; L8680"), ("Dx", "G89.4 chronic pain syndrome; M96.1 postlaminectomy syndrome"),
            ("Rendering NPI", npi(r)), ("Planned DOS", fd(soon(r, 14, 40), 'mdy'))]),
        P(f"Failed conservative care > 6 months (PT 18 visits, gabapentin, duloxetine, 2 ESIs). Psychological evaluation {fd(past(r, 20, 60), 'm/d/yyyy')}: cleared. "
          f"{r.choice(['Prior L4-S1 fusion 2021.', 'Prior L5-S1 laminectomy x2.', 'Morphine equivalent 45 MME/day, wishes to taper.'])}"), P(f"Clinicals attached (12 pages). Please fax determination to {o.fax}.\n{s.plain()}")], sender=s, dest=pay)

def P_pain_uds(r):
    o = org(r, "pain"); p = patient(r, 25, 75); s = clin(r, o, "RN"); s.role = "Nurse Navigator"
    return narr("pain-uds-followup", "Unexpected urine drug test", o, [
        P(f"{r.choice(['Dr.', 'Team'])} - {p.shown(r)} ({dob_s(r, p)}) UDT from {fd(past(r, 3, 12), 'm/d')} confirmation by LC-MS/MS: "
          f"{r.choice(['oxycodone NOT detected (prescribed oxycodone 10 mg TID)', 'fentanyl and norfentanyl detected - not prescribed', 'methamphetamine detected', 'hydromorphone detected, not prescribed; oxycodone present'])}."),
        P(f"Per opioid agreement signed {fd(past(r, 200, 500), 'mdy')} this needs a face-to-face visit before the next refill. {r.choice(['Pill count scheduled Tuesday.', 'Patient left message saying she takes her husband’s pills when out.', 'PDMP shows 2 prescribers last month.'])} Please advise on taper vs naloxone and referral."),
        P(f"- {s.given}")], sender=s)

def P_chaplain_referral(r):
    o = org(r, "chaplain"); p = patient(r, 30, 95); s = staff(r, "RN"); s.role = "Charge Nurse"; fam = patient(r, 25, 75)
    return narr("chaplain-referral", "Spiritual care referral", o, [
        P(f"Spiritual care referral - {r.choice(['MICU', '4 West', 'CVICU', 'Labor & Delivery', 'Oncology 6'])} room {r.randint(400, 699)}{r.choice(['', 'A', 'B'])}"),
        P(f"{p.plain()} ({r.choice(['MRN', 'Med Rec #'])} {mrn(r)}) - {r.choice(['transitioning to comfort care tonight after family meeting', 'new diagnosis of metastatic pancreatic cancer, very anxious', 'intrauterine fetal demise at 34 weeks, delivery this afternoon', 'withdrawal of life support planned 1600', 'brain death exam #2 at 1400'])}. "
          f"Faith: {r.choice(['Roman Catholic - family requests Anointing of the Sick', 'Lakota traditional - family asks about smudging in the room', 'Muslim - requests imam, ritual washing after death', 'Lutheran (ELCA)', 'none stated, but asking for prayer'])}."),
        P(f"Family at bedside: {fam.plain()} ({r.choice(['wife', 'husband', 'mother', 'son'])}), {phone(r)}. Thank you."), P(f"{s.plain()}, {s.cred}")], sender=s, dest=o)

def P_chaplain_note(r):
    o = org(r, "chaplain"); p = patient(r, 40, 96); s = staff(r, "MDiv, BCC"); s.role = "Staff Chaplain"
    return narr("chaplain-visit-note", "Chaplain visit note", o, [
        kv([(L_pt(r), p.lf()), ("FIN", fin(r)), ("Unit", r.choice(["PCU", "ICU", "Hospice suite", "Med-Surg 3"])), ("Visit type", r.choice(["Initial", "Follow-up", "End of life"]))]),
        P(f"Chaplain visited at request of nursing. {p.title()} is {r.choice(['on BiPAP and able to nod yes/no', 'alert, tearful about prognosis (AML, relapsed)', 'actively dying; family of 8 present', 'post-op day 3 after below-knee amputation'])}. "
          f"{r.choice(['Expressed fear of being a burden.', 'Daughter asked for baptism of her mother; performed conditional baptism.', 'Shared that her husband died in this hospital last year.', 'Requested rosary and communion.'])} Provided presence, prayer, {r.choice(['life review', 'blessing', 'grief support to family'])}."),
        P(f"Plan: follow up {r.choice(['tomorrow AM', 'PRN', 'after family meeting'])}. Bereavement packet to family."), P(f"{s.with_cred()}")], sender=s)

def P_hiv_adap(r):
    o = org(r, "hiv"); p = patient(r, 21, 70); s = clin(r, o, ""); s.role = "ADAP Enrollment Worker"
    return narr("hiv-adap-recert", "ADAP recertification", o, [
        H("ADAP 6-Month Recertification"), kv([("Client", p.lf()), ("Client ID", client_id(r)), ("DOB", dob_s(r, p)), ("SSN", ssn(r)), ("Insurance", r.choice(["Uninsured", "Marketplace silver - premium assist", "Medicaid pending"]))]),
        P(f"Last CD4 {r.randint(180, 1100)} cells/uL ({fd(past(r, 20, 90), 'm/d/yy')}), viral load {r.choice(['<20 copies/mL (undetectable)', '54 copies/mL', '12,400 copies/mL'])}. "
          f"Regimen: {r.choice(['Biktarvy 1 tab daily', 'Dovato 1 tab daily', 'Cabenuva IM every 2 months', 'Triumeq'])}. Income: {r.randint(95, 380)}% FPL (paystubs x2 attached). Residency: lease."),
        P(f"Recert complete, eligibility through {fd(soon(r, 170, 185), 'mdy')}. {r.choice(['Please reprocess pharmacy claim rejected 12/16.', 'Client moved - new address updated.', 'Copay card on file.'])}"), sblock(r, s, o)], sender=s, dest=ORGS["health"])

def P_hiv_linkage(r):
    o = org(r, "hiv"); p = patient(r, 18, 60); s = clin(r, o, ""); s.role = "Linkage-to-Care Specialist"
    return narr("hiv-linkage-referral", "New diagnosis - linkage to care", o, [
        P(f"New positive from {ORGS['hosp'].short} ED {fd(past(r, 1, 4), 'm/d')}: {p.full()}, DOB {dob_s(r, p, 'mdy')}, cell {phone(r)} (OK to text: {r.choice(['yes', 'no - call only'])})."),
        P(f"HIV-1/2 Ag/Ab {r.choice(['reactive', 'reactive, differentiation assay HIV-1 positive'])}, VL {r.choice(['1,240,000', '86,300', 'pending'])}, CD4 {r.choice(['pending', '212', '48 - needs OI prophylaxis'])}. "
          f"{r.choice(['Also syphilis RPR 1:32.', 'Pregnant, 14 weeks.', 'Unstably housed.', 'Partner also tested today.'])}"),
        P(f"Rapid start appointment booked {fd(soon(r, 1, 4), 'wd')} {clock(r)} with our NP. I will meet {him(p)} in the lobby. DIS notified for partner services."), P(f"{s.given}\n{o.short}")], sender=s, dest=ORGS["hosp"])

def P_at_concussion(r):
    o = org(r, "athletic"); p = patient(r, 18, 23); s = clin(r, o, "ATC"); s.role = r.choice(["Head Athletic Trainer", "Assistant Athletic Trainer"]); phys = doc_md(r)
    return narr("at-concussion", "Concussion update", o, [
        P(f"{dr(phys)} -"),
        P(f"{p.full()} ({r.choice(['WSOC', 'FB', 'WBB', 'wrestling', 'VB', 'MBB'])} #{r.randint(1, 99)}, student ID {student_id(r)}, DOB {dob_s(r, p, 'm/d/yyyy')}) sustained a concussion at {r.choice(['practice', 'the game vs. Chadron State', 'weights'])} {fd(past(r, 2, 6), 'wd')}. "
          f"SCAT6 symptom score {r.randint(12, 48)}/132 (baseline {r.randint(0, 6)}). {r.choice(['Brief LOC < 30 s.', 'No LOC, amnesia for the play.', 'Vomited x2 on the sideline - sent to ED, CT negative.'])}"),
        P(f"Day {r.randint(3, 7)}: symptoms {r.choice(['improving', 'unchanged, headache 5/10', 'resolved at rest'])}. Return-to-learn step {r.randint(1, 4)}; academic accommodations letter sent. "
          f"{r.choice(['Ready to start RTP step 2 if you agree.', 'Second concussion this year - please see in clinic before any exertion.', 'Vestibular therapy referral requested.'])}"), P(f"{s.plain()}, {s.cred}")], sender=s)

def P_at_injury(r):
    o = org(r, "athletic"); p = patient(r, 18, 23); s = doc_md(r); s.role = "Team Physician"
    inj = r.choice(["complete ACL tear, R knee, with bucket-handle medial meniscus tear (MRI)", "grade II MCL sprain L knee", "Jones fracture, R 5th metatarsal", "R shoulder anterior dislocation with Bankart lesion", "stress fracture L tibia - RED-S evaluation started"])
    return narr("at-injury-report", "Injury report to coach", o, [
        P(f"Coach,\n\nInjury update for {p.given} {p.family}: {inj}. {r.choice(['Surgery scheduled', 'Follow-up MRI', 'Re-evaluation'])} {fd(soon(r, 3, 20), 'mdy')}. Expected out {r.choice(['for the season', '4-6 weeks', '8-12 weeks', '6-9 months'])}."),
        P(f"Athlete has signed the release for coaches to receive status updates. Please do not share further."), P(f"{s.with_cred()}\nTeam Physician")], sender=s, dest=o)

def P_air_request(r):
    o = org(r, "air"); p = patient(r, 20, 88); s = clin(r, o, ""); s.role = "Communications Specialist"; src = ORGS["hosp2"]
    return narr("air-transfer-request", "Flight request", o, [
        H(f"Flight Request #{flight_no(r)}"), kv([("Time of call", hhmm(r)), ("Sending", r.choice(["Valentine Community Hospital ED", "Mitchell Avera ED (scene LZ)", "Winner Regional ED"])), ("Receiving", f"{src.short} / {r.choice(['cath lab', 'trauma bay', 'NICU', 'neuro ICU'])}"),
            (L_pt(r), p.caps()), ("Age / wt", f"{age(p.dob)} y / {r.randint(55, 140)} kg"), ("DOB", dob_s(r, p)), ("Dx", r.choice(["inferior STEMI, on heparin gtt", "SAH Hunt-Hess 3, intubated", "MVC - splenic lac, unstable pelvis", "septic shock, norepi 12 mcg/min", "DKA, pH 6.9"])),
            ("Airway", r.choice(["own", "ETT 7.5 @ 23", "NRB 15L"])), ("Accepting MD", dr(doc_md(r)))]),
        P(f"Weather {r.choice(['VFR', 'marginal - IFR to fixed wing', 'go'])}. Lift {hhmm(r)}, ETE {r.randint(25, 70)} min. Crew: {staff(r).plain()}, {staff(r).plain()}."), sblock(r, s, o)], sender=s, dest=src)

def P_air_pcr(r):
    o = org(r, "air"); p = patient(r, 20, 88); s = clin(r, o, "CFRN"); s.role = "Flight Nurse"
    return narr("air-pcr-summary", "Patient care report summary", o, [
        H("Flight Patient Care Record - Summary"), ptkv(r, p, [("Run #", flight_no(r)), ("Address", address(r)), (L_mbr(r), r.choice([member_id(r), mbi(r), medicaid_id(r)]))]),
        P(f"Pt found {r.choice(['intubated in sending ED', 'GCS 9 at scene', 'diaphoretic, BP 78/40'])}. {r.choice(['RSI: ketamine 150 mg, rocuronium 100 mg; ETT 7.5 first pass.', 'Blood: 2 u LTOWB en route.', 'Heparin 4000 u bolus, ticagrelor 180 mg given at sending.', 'TXA 1 g given.'])} "
          f"En route: HR {r.randint(48, 140)}, SpO2 {r.randint(88, 100)}%, EtCO2 {r.randint(28, 44)}. Loaded miles {r.randint(18, 160)} (rotor wing). Handoff to {ORGS['hosp2'].short} at {hhmm(r)}."),
        P(f"{s.with_cred()}")], sender=s, dest=ORGS["hosp2"])

def P_pdn_shift(r):
    o = org(r, "pdn"); p = child(r, 1, 14); s = clin(r, o, r.choice(["LPN", "RN"])); s.role = "Private Duty Nurse"; mom = patient(r, 22, 45, "F", p.pool); mom.family = p.family
    return narr("pdn-shift-note", "Shift note", o, [
        P(f"Shift {r.choice(['1900-0700', '0700-1500', '2300-0700'])} - {p.given} {p.family}"),
        P(f"{r.choice(['Trach 4.0 Bivona, vent SIMV 22/PEEP 6 overnight, trach collar days', 'Trach changed per schedule, site clean', 'HME during day'])}. Suctioned x{r.randint(2, 9)}, {r.choice(['thick white', 'yellow, sent culture', 'clear'])}. "
          f"G-tube feeds {r.choice(['Pediasure Peptide 1.0 @ 45 mL/h x 20h', 'bolus 240 mL QID', 'blenderized 5x/day'])}. Seizures: {r.choice(['none', '2 brief, < 1 min', 'one 4 min - gave rescue Nayzilam per plan, mom aware'])}. "
          f"SpO2 {r.randint(90, 99)}% on {r.choice(['1/4 L', 'RA', '1 L'])}."),
        P(f"{r.choice(['Mom', 'Dad', 'Grandma'])} ({mom.given}) asked about {r.choice(['supply order - trach ties low', 'nursing coverage Christmas Eve', 'the pulmonary appointment time'])}."), P(f"{s.plain()}, {s.cred}")], sender=s)

def P_pdn_hours(r):
    o = org(r, "pdn"); p = child(r, 1, 17); s = clin(r, o, "RN"); s.role = "Intake Coordinator"; pay = ORGS["mcd"]
    return narr("pdn-hours-request", "PDN hours reauthorization", o, [
        P(f"{pay.name} - Private Duty Nursing reauthorization"), kv([("Recipient", p.lf()), ("Medicaid ID", medicaid_id(r)), ("DOB", dob_s(r, p)), ("Dx", r.choice(["J95.00 trach status, chronic resp failure J96.10, G80.0 spastic quad CP", "Q91.7 trisomy 18, Z93.1 gastrostomy", "G71.01 Duchenne muscular dystrophy, Z99.11 vent dependence", "P27.1 BPD, Z99.11 vent dependence"])),
            ("Current hours", f"{r.choice([12, 14, 16])} h/day"), ("Requested", f"{r.choice([16, 18, 20])} h/day x 180 days"), ("Period", f"{fd(soon(r, 1, 10), 'mdy')} - {fd(soon(r, 180, 190), 'mdy')}")]),
        P(f"Skilled needs: {r.choice(['q2-4h suctioning, vent management, seizure rescue', 'continuous pulse ox with frequent desaturation, G-tube feeds, 11 scheduled meds', 'trach care, cough assist BID, CPT'])}. "
          f"Parent {r.choice(['returned to night-shift work', 'is single caregiver with 3 siblings', 'had surgery'])}. Physician order and 485 attached."), sblock(r, s, o)], sender=s, dest=pay)

def P_gamete_release(r):
    o = org(r, "gamete"); p = patient(r, 26, 44, "F"); s = clin(r, o, ""); s.role = "Client Services Specialist"; ivf = ORGS["ivf"]
    return narr("gamete-vial-release", "Vial release / shipment confirmation", o, [
        H("Specimen Release Authorization"), kv([("Client (recipient)", p.lf()), ("Client #", f"HC{digits(r, 6)}"), ("DOB", dob_s(r, p)), ("Partner", r.choice(["none (single)", patient(r, 26, 50).plain()])),
            ("Donor", donor_no(r)), ("Vials", f"{r.randint(1, 4)} x IUI-ready, {r.choice(['15', '20', '10'])} million motile/mL"), ("Ship to", ivf.name), ("Arrival", fd(soon(r, 1, 5), 'mdy'))]),
        P(f"Recipient CMV: {r.choice(['IgG negative - donor CMV negative, OK', 'IgG positive', 'not on file - please send'])}. Planned {r.choice(['IUI', 'IVF/ICSI', 'reciprocal IVF'])} for cycle day {r.randint(10, 14)} (LMP {fd(past(r, 5, 12), 'm/d')})."),
        P(f"Physician authorization from {dr(doc_md(r))} received {fd(past(r, 1, 5), 'm/d')}."), sblock(r, s, o)], sender=s, dest=ivf)

def P_gamete_genetic(r):
    o = org(r, "gamete"); p = patient(r, 27, 45, "F"); s = clin(r, o, "MS, CGC"); s.role = "Genetic Counselor"; dn = donor_no(r)
    return narr("gamete-donor-genetic-update", "Important donor genetic update", o, [
        P(f"{fd(TODAY, 'long')}\n\nDear {p.plain()},"),
        P(f"Our records show that you purchased specimens from Donor {dn} and reported {r.choice(['a pregnancy with an estimated due date of ' + fd(soon(r, 40, 200), 'long'), 'the birth of a child on ' + fd(past(r, 90, 900), 'long')])}. "
          f"We have learned that Donor {dn} is a carrier of {r.choice(['cystic fibrosis (CFTR c.1521_1523delCTT)', 'spinal muscular atrophy (SMN1 one copy)', 'GJB2-related hearing loss', 'Fragile X premutation (58 repeats)'])}."),
        P(f"Your own carrier screening on file ({fd(past(r, 300, 900), 'mdy')}) was {r.choice(['negative for this gene', 'not performed for this gene', 'positive for the same gene - please call us'])}. We offer a free genetic counseling session; please call {o.phone}. Client #HC{digits(r, 6)}."),
        P(f"{s.with_cred()}")], sender=s, to_patient=p)

def P_spanish(r):
    k = r.randrange(5)
    if k == 0:
        o = org(r, "travel"); p = patient(r, 18, 70, pool="mexican"); s = clin(r, o, "RN")
        return narr("spanish-phi", "Resumen de su visita de viaje", o, [P(f"Estimado(a) {p.plain()}:"), kv([("Paciente", p.full()), ("Fecha de nacimiento", fd(p.dob, r.choice(["es", "dmy"]))), ("Expediente", mrn(r))]),
            P(f"Hoy recibió la vacuna contra la fiebre amarilla (lote {lot(r)}) y la primera dosis de hepatitis A para su viaje a {r.choice(['Oaxaca y Guatemala', 'Colombia', 'Perú'])}. Tome atovacuona-proguanil una tableta diaria desde 2 días antes del viaje."),
            P(f"Si tiene fiebre en los 3 meses después de regresar, acuda de inmediato.\n\n{s.plain()}\n{o.name}")], sender=s, to_patient=p, subject="Resumen de su visita")
    if k == 1:
        o = org(r, "sickle"); p = child(r, 3, 16, pool="mexican"); par = patient(r, 25, 50, "F", "mexican"); s = clin(r, o, "NP")
        return narr("spanish-phi", "Plan de cuidado - anemia de células falciformes", o, [P(f"Sra. {par.plain()}:"), kv([("Paciente", p.plain()), ("Fecha de nacimiento", fd(p.dob, "es")), ("Número de afiliado", medicaid_id(r))]),
            P(f"Su hijo(a) tiene hemoglobina SC. Su hemoglobina de hoy fue {r.uniform(8.2, 11.0):.1f} g/dL. Continúe la hidroxiurea {r.choice(['500 mg', '1,000 mg'])} diaria y el ácido fólico. Si tiene fiebre de 38.5 C o más, vaya a urgencias de inmediato."),
            P(f"Próxima cita: {fd(soon(r, 20, 60), 'es')}.\n{s.plain()}")], sender=s, to_patient=par)
    if k == 2:
        o = org(r, "pace"); p = patient(r, 65, 92, pool="mexican"); s = clin(r, o, ""); s.role = "Home Care Coordinator"
        return narr("spanish-phi", "Cambio en su plan de cuidado", o, [P(f"Estimada familia de {p.plain()}:"),
            P(f"Participante: {p.lf()}  |  Fecha de nac.: {dob_s(r, p, 'dmy')}  |  Medicare: {mbi(r)}"),
            P(f"Después de su caída del {fd(past(r, 3, 10), 'es')}, el equipo decidió aumentar las visitas de la asistente a {r.choice(['3', '2'])} veces al día y empezar terapia física en el centro los martes y jueves. La presión arterial fue {r.randint(130, 170)}/{r.randint(70, 95)}."),
            P(f"Atentamente,\n{s.plain()}")], sender=s)
    if k == 3:
        o = org(r, "lact"); p = patient(r, 18, 40, "F", "mexican"); s = clin(r, o, "IBCLC")
        return narr("spanish-phi", "Seguimiento de lactancia", o, [P(f"Hola {p.given}:"), P(f"Paciente: {p.full()}\nFecha de nacimiento: {fd(p.dob, 'dmy')}\nBebé: {child(r, 0, 0).given} {p.family}, nacido el {fd(past(r, 4, 20), 'es')}"),
            P(f"El bebé pesó {r.randint(2900, 3600)} g hoy, ya recuperó su peso de nacimiento. Para la mastitis siga con la dicloxacilina 4 veces al día por 10 días y siga amamantando del lado izquierdo."),
            P(f"{s.plain()}, IBCLC")], sender=s, to_patient=p)
    o = org(r, "hiv"); p = patient(r, 20, 60, pool="mexican"); s = clin(r, o, ""); s.role = "Medical Case Manager"
    return narr("spanish-phi", "Recordatorio de cita y resultados", o, [P(f"Paciente: {p.caps()}\nFecha de nacimiento: {dob_s(r, p, 'mdy')}\nNúmero de cliente: {client_id(r)}"),
        P(f"Su carga viral del {fd(past(r, 10, 30), 'es')} fue {r.choice(['indetectable (<20 copias/mL)', '2,300 copias/mL'])} y su CD4 {r.randint(300, 900)}. Su cita es el {fd(soon(r, 3, 20), 'es')} a las {clock(r)}. Traiga su comprobante de ingresos para renovar ADAP."),
        P(f"{s.plain()}\nManejadora de casos")], sender=s, to_patient=p)

def P_nolabel(r):
    k = r.randrange(7); s = staff(r, ""); p = patient(r, 18, 90)
    txt = [f"{p.given} {p.family} called back - the malaria smear from this morning is positive, falciparum, 2.8%. {he(p).capitalize()} got back from Lagos on the 9th. I told {him(p)} to go straight to the St. Anselm ED; they know {he(p)}'s coming.",
           f"Heads up: {p.plain()} is on the flight from Winner, GCS dropped to 7 en route, intubated. Wife is driving and will get there in about 3 hours.",
           f"Just FYI, {p.given} {p.family} tested positive at the Thursday outreach (rapid HIV and syphilis both). {he(p).capitalize()} wants to start meds but has no phone right now - I'll find {him(p)} at the shelter Monday.",
           f"{p.full()} had another crisis over the weekend, Hgb 5.9 at Holloway, got 2 units. That's the third admission since October. Can we move up {his(p)} clinic visit and talk about voxelotor/transfusion program?",
           f"{p.given} {p.family} failed the driving evaluation at rehab today (cognitive screen very poor). Daughter is relieved. Can you write the DMV letter this week?",
           f"Sorry, can't cover Monday's shift at the {p.family}s' - their little one ({p.given}) was readmitted with trach tracheitis and they won't need nursing until discharge.",
           f"Mrs. {p.family} stopped by the plasma center asking why she was deferred. I explained the hepatitis B result again and gave her the health department number. She has not seen a doctor yet."]
    return narr("nolabel-phi", "note", org(r, ["travel", "air", "hiv", "sickle", "memory", "pdn", "plasma"][k]), [P(txt[k]), P(f"- {s.given}")], sender=s,
                subject=r.choice(["quick update", "FYI", "heads up", "re: today", "call back", "update"]))

# ------------------------------------------------------------------ PHI interchange
def hts(d=None, r=None): d = d or TODAY; return d.strftime("%Y%m%d") + (hhmm(r) if r else "")
def R_hl7_adt(r):
    o = org(r, "ltach"); p = patient(r, 45, 88); m = mrn(r)
    msg = "\r".join([f"MSH|^~\\&|KRSH_ADT|KESTREL|HMH_HIE|HOLLOWAY|{hts(r=r)}||ADT^A01^ADT_A01|KR{digits(r, 8)}|P|2.5.1",
                     f"EVN|A01|{hts(r=r)}", f"PID|1||{m}^^^KRSH^MR~{ssn(r, '')}^^^SSA^SS||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{ascii_of(address(r)).replace(', ', '^^', 1).replace(', ', '^', 1)}||{phone(r, 'plain')}",
                     f"PV1|1|I|2W^214^A^KRSH||||{npi(r)}^{ascii_of(doc_md(r).family).upper()}^^^^^MD|||||||||||{fin(r)}",
                     f"DG1|1||J96.11^Chronic respiratory failure with hypoxia^I10C", f"IN1|1|MCR|00431|MEDICARE PART A|||||||||||||||||||||||||||||||||||{mbi(r, False)}"])
    return raw("hl7-adt", "ADT A01", o, msg.replace("\r", "\n"), r.choice(["Test of the new ADT feed failed on our side - raw message below.", "Interface error log entry:", "HL7 message that did not file:"]))
def R_hl7_oru_vl(r):
    o = org(r, "hiv"); p = patient(r, 20, 70)
    msg = [f"MSH|^~\\&|LAB|HMH|PPC_EHR|POSITIVEPATHWAYS|{hts(r=r)}||ORU^R01|{digits(r, 10)}|P|2.5.1", f"PID|1||{client_id(r)}^^^PPC^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}",
           f"OBR|1||{digits(r, 9)}|25836-8^HIV 1 RNA NAA+probe (Cp)^LN|||{hts(past(r, 2, 8), r)}", f"OBX|1|NM|20447-9^HIV 1 RNA [#/volume] (viral load)^LN||{r.choice(['48200', '312', '<20', '1150000'])}|copies/mL|<20|{r.choice(['H', 'N', 'H'])}|||F",
           f"OBX|2|NM|24467-3^CD3+CD4+ cells [#/volume]^LN||{r.randint(40, 900)}|cells/uL|500-1500|{r.choice(['L', 'N'])}|||F"]
    return raw("hl7-oru", "ORU viral load", o, "\n".join(msg), "Result that posted to the wrong chart - please move:")
def R_hl7_oru_tcd(r):
    o = org(r, "sickle"); p = child(r, 2, 16, pool="black_us")
    msg = [f"MSH|^~\\&|RAD|HMH|SCD_REG|PRAIRIESCD|{hts(r=r)}||ORU^R01|{digits(r, 9)}|P|2.3", f"PID|1||{mrn(r)}^^^HMH^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}",
           f"OBR|1||{digits(r, 8)}|93886^TCD COMPLETE^CPT", f"OBX|1|NM|TAMMV_R^R MCA TAMMV||{r.randint(140, 215)}|cm/s||||F", f"OBX|2|NM|TAMMV_L^L MCA TAMMV||{r.randint(140, 215)}|cm/s||||F",
           "OBX|3|TX|IMP^Impression||Conditional velocities. Repeat 3 months.||||||F"]
    return raw("hl7-oru", "ORU TCD", o, "\n".join(msg))
def isa(r, a, b): return f"ISA*00*          *00*          *ZZ*{a:<15}*ZZ*{b:<15}*{TODAY:%y%m%d}*{hhmm(r)}*^*00501*{digits(r, 9)}*0*P*:~"
def R_837p_pain(r):
    o = org(r, "pain"); p = patient(r, 30, 80); ln, gn = p.x12(); mid = member_id(r); d = past(r, 5, 30)
    seg = [isa(r, "SUMMITSPINE", "MERIDIANCREST"), f"GS*HC*SUMMITSPINE*MERIDIANCREST*{TODAY:%Y%m%d}*{hhmm(r)}*{digits(r, 4)}*X*005010X222A1~", "ST*837*0001*005010X222A1~",
           f"NM1*85*2*SUMMIT SPINE AND INTERVENTIONAL PAIN*****XX*{o.npi}~", f"NM1*IL*1*{ln}*{gn}****MI*{mid}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"CLM*{acct(r)}*{r.randint(1800, 4200)}.00***11:B:1*Y*A*Y*Y~", f"HI*ABK:M5416*ABF:M5106~", f"SV1*HC:64483:RT*{r.randint(900, 1600)}.00*UN*1***1~", f"DTP*472*D8*{d:%Y%m%d}~",
           f"SV1*HC:64484:RT*{r.randint(400, 800)}.00*UN*1***1~", f"SV1*HC:J1100*{r.randint(10, 60)}.00*UN*10***1~", "SE*12*0001~"]
    return raw("x12-837p", "837P", o, "\n".join(seg), "Rejected claim segment from the clearinghouse report:")
def R_837_air(r):
    o = org(r, "air"); p = patient(r, 25, 88); ln, gn = p.x12(); m = mbi(r, False)
    seg = [isa(r, "LIFEWING", "CMSMAC"), "ST*837*0041*005010X222A1~", f"NM1*IL*1*{ln}*{gn}****MI*{m}~", f"N3*{ascii_of(address(r).split(',')[0]).upper()}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"CLM*{flight_no(r).replace('-', '')}*{r.randint(38000, 74000)}.00***41:B:1*Y*A*Y*Y~", "CR1*LB*" + str(r.randint(120, 260)) + "*A*A*DH*" + str(r.randint(20, 150)) + "~", "CRC*07*Y*01*04~",
           f"HI*ABK:I2119~", f"SV1*HC:A0431:RH*{r.randint(28000, 52000)}.00*UN*1***1~", f"SV1*HC:A0436:RH*{r.randint(6000, 22000)}.00*UN*{r.randint(20, 150)}***1~", "SE*11*0041~"]
    return raw("x12-837p", "837P air ambulance", o, "\n".join(seg))
def R_271_htc(r):
    o = org(r, "htc"); p = patient(r, 5, 50, "M"); ln, gn = p.x12()
    seg = [isa(r, "MERIDIANCREST", "TRIRIVERHTC"), "ST*271*0007*005010X279A1~", f"NM1*IL*1*{ln}*{gn}****MI*{member_id(r)}~", f"DMG*D8*{p.dob:%Y%m%d}*M~", "EB*1*IND*30**GOLD PPO~",
           "EB*B*IND*88***27*35~", "EB*C*IND*88***23*4500~", "MSG*SPECIALTY DRUG - FACTOR PRODUCTS REQUIRE PA~", "SE*8*0007~"]
    return raw("x12-271", "271 eligibility", o, "\n".join(seg), "271 for the factor benefit check:")
def R_835_litho(r):
    o = org(r, "litho"); p = patient(r, 25, 80); ln, gn = p.x12()
    seg = ["ST*835*1001~", f"BPR*I*{r.randint(200, 900)}.00*C*ACH~", f"CLP*{acct(r)}*2*{r.randint(2800, 5200)}.00*0*0*12*{claim_no(r)}~", f"NM1*QC*1*{ln}*{gn}****MI*{member_id(r)}~",
           f"SVC*HC:50590*{r.randint(2800, 5200)}.00*0~", f"DTM*472*{past(r, 20, 60):%Y%m%d}~", "CAS*CO*197*" + f"{r.randint(2800, 5200)}.00~", "LQ*HE*N54~", "SE*9*1001~"]
    return raw("x12-835", "835 denial", o, "\n".join(seg), "Denied for no auth (CARC 197) - can you find the auth number?")
def R_278_pain(r):
    o = org(r, "pain"); p = patient(r, 35, 75); ln, gn = p.x12()
    seg = ["ST*278*0003*005010X217~", "BHT*0007*13*" + digits(r, 8) + f"*{TODAY:%Y%m%d}*{hhmm(r)}~", f"NM1*IL*1*{ln}*{gn}****MI*{member_id(r)}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           "UM*HS*I*2*22:B~", "HI*ABK:G894*ABF:M961~", "SV1*HC:63650*0*UN*2~", f"DTP*472*D8*{soon(r, 10, 40):%Y%m%d}~", "SE*9*0003~"]
    return raw("x12-278", "278 request", o, "\n".join(seg))
def R_fhir_memory(r):
    o = org(r, "memory"); p = patient(r, 60, 90)
    js = ('{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": [\n    {"resource": {"resourceType": "Patient", "id": "bw-' + digits(r, 6) + '",\n'
          f'      "identifier": [{{"system": "urn:oid:2.16.840.1.113883.3.{digits(r, 4)}", "value": "{mrn(r)}"}}],\n'
          f'      "name": [{{"family": "{p.family}", "given": ["{p.given}"]}}], "gender": "{"male" if p.sex == "M" else "female"}", "birthDate": "{p.dob.isoformat()}"}}}},\n'
          f'    {{"resource": {{"resourceType": "Observation", "status": "final", "code": {{"coding": [{{"system": "http://loinc.org", "code": "72172-0", "display": "Montreal Cognitive Assessment [MoCA]"}}]}},\n'
          f'      "subject": {{"reference": "Patient/bw-{digits(r, 6)}"}}, "effectiveDateTime": "{past(r, 1, 20).isoformat()}", "valueInteger": {r.randint(10, 25)}}}}}\n  ]\n}}')
    return raw("fhir-json", "FHIR bundle", o, js, "Payload our FHIR endpoint sent to the PCP portal:")
def R_fhir_xml_hiv(r):
    o = org(r, "hiv"); p = patient(r, 20, 65)
    x = (f'<Patient xmlns="http://hl7.org/fhir">\n  <identifier><system value="urn:ppc:client"/><value value="{client_id(r)}"/></identifier>\n'
         f'  <name><family value="{esc(p.family)}"/><given value="{esc(p.given)}"/></name>\n  <birthDate value="{p.dob.isoformat()}"/>\n'
         f'  <address><line value="{esc(address(r).split(",")[0])}"/><city value="Omaha"/><state value="NE"/></address>\n</Patient>\n'
         f'<Observation xmlns="http://hl7.org/fhir">\n  <status value="final"/>\n  <code><coding><system value="http://loinc.org"/><code value="20447-9"/></coding></code>\n'
         f'  <valueQuantity><value value="{r.randint(40, 90000)}"/><unit value="copies/mL"/></valueQuantity>\n</Observation>')
    return raw("fhir-xml", "FHIR XML", o, x)
def R_cms1500(r):
    o = org(r, "travel"); p = patient(r, 20, 75); ins = patient(r, 25, 75) if r.random() < 0.3 else p
    t = "\n".join([f"1a. INSURED'S I.D. NUMBER      {member_id(r)}", f"2. PATIENT'S NAME              {p.caps()}", f"3. PATIENT'S BIRTH DATE / SEX  {p.dob:%m %d %Y}   {p.sex}",
                   f"4. INSURED'S NAME              {ins.caps()}", f"5. PATIENT'S ADDRESS           {ascii_of(address(r)).upper()}", "21. DIAGNOSIS  A. Z23   B. Z71.84",
                   f"24A. DOS {past(r, 3, 30):%m %d %y}  24D. 90717  YF VACCINE  $" + str(r.randint(180, 260)) + ".00", f"24A. DOS {past(r, 3, 30):%m %d %y}  24D. 90691  TYPHOID VI  $" + str(r.randint(90, 140)) + ".00",
                   f"26. PATIENT'S ACCOUNT NO.      {acct(r)}", f"33. BILLING PROVIDER  {o.name.upper()}  NPI {o.npi}"])
    return raw("cms-1500", "CMS-1500 text", o, t, "Claim as keyed - denied as non-covered travel vaccines:")
def R_ub04(r):
    o = org(r, "ltach"); p = patient(r, 50, 90)
    t = "\n".join([f"FL 3a PAT CNTL #   {acct(r)}", f"FL 3b MED REC #    {mrn(r)}", "FL 4 TYPE OF BILL  0111", f"FL 8 PATIENT NAME  {p.caps()}", f"FL 10 BIRTHDATE    {p.dob:%m%d%Y}",
                   f"FL 12 ADMISSION    {past(r, 30, 50):%m%d%y}", "FL 42/44 0200 ICU  0410 RESPIRATORY SVC", f"FL 60 INSURED'S UNIQUE ID  {mbi(r, False)}", "FL 67 PRIN DX     J9611", "FL 71 PPS CODE    207"])
    return raw("ub04-text", "UB-04 text", o, t)
def R_air_pcr_nemsis(r):
    o = org(r, "air"); p = patient(r, 20, 85)
    t = "\n".join([f"<ePatient.02>{esc(p.family)}</ePatient.02>", f"<ePatient.03>{esc(p.given)}</ePatient.03>", f"<ePatient.17>{p.dob.isoformat()}</ePatient.17>",
                   f"<eSituation.11>{r.choice(['I21.19', 'S06.5X0A', 'R57.0'])}</eSituation.11>", f"<eVitals.06>{r.randint(70, 140)}</eVitals.06>", f"<eResponse.03>{flight_no(r)}</eResponse.03>"])
    return raw("nemsis-xml", "NEMSIS extract", o, t, "NEMSIS export failing validation (state repository):")

# ------------------------------------------------------------------ PHI lists (one row per patient, real date column)
def nrows(r): return r.randint(7, 13)
def at(d, r): return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.choice([0, 15, 30, 45]))
def plist(cat, title, o, hdr, rows, intro, dest=None): return Doc(cat, "list", title, [P(intro), tbl(hdr, rows)], o, None, dest)
def nm(r, p): return r.choice([p.lf(), p.caps(), p.plain(), f"{p.family}, {p.given}"])
def Lp_travel(r):
    o = org(r, "travel"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 80); rows.append([at(soon(r, 0, 10), r), nm(r, p), p.dob, r.choice(["Ghana", "Peru", "India", "Kenya", "Vietnam", "Brazil", "Haiti"]), soon(r, 14, 60), r.choice(["YF, typhoid", "JE #2", "rabies PrEP d7", "hep A/B", "YF waiver"]), r.choice(["", "on warfarin", "pregnant", "immunosuppressed", ""])])
    return plist("travel-clinic-schedule", "Travel clinic schedule", o, ["Appt", "Traveler", "DOB", "Destination", "Departs", "Planned vaccines", "Flags"], rows, "Next week's travel visits:")
def Lp_eyebank(r):
    o = org(r, "eyebank"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 30, 90); rows.append([tissue_id(r), past(r, 5, 60), nm(r, p), p.dob, r.choice(["DMEK", "DSAEK", "PKP"]), r.choice(["OD", "OS"]), r.choice(["no adverse reaction", "graft failure", "rim cx +", "30-day f/u pending"])])
    return plist("eyebank-recipient-tracking", "Recipient outcome tracking", o, ["Tissue ID", "Surgery", "Recipient", "DOB", "Procedure", "Eye", "Status"], rows, "Recipient follow-up still open:")
def Lp_htc(r):
    o = org(r, "htc"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 3, 60, "M"); rows.append([past(r, 0, 20), nm(r, p), mrn(r), r.choice(["Advate", "Eloctate", "Alprolix", "Hemlibra 150 mg", "Altuviiio"]), r.choice(["3000 IU x 12", "2000 IU x 8", "150 mg x 2", "4000 IU x 4"]), lot(r), r.choice(["prophylaxis", "bleed - R knee", "on-demand", "surgery cover"])])
    return plist("htc-factor-dispense-log", "340B factor dispensing log", o, ["Shipped", "Patient", "MRN", "Product", "Qty", "Lot", "Reason"], rows, "Factor dispensing this period:")
def Lp_sickle(r):
    o = org(r, "sickle"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 2, 40, pool=r.choice(["black_us", "yoruba_igbo", "ethiopian"])); rows.append([nm(r, p), p.dob, past(r, 1, 30), r.choice([1000, 1500, 750, 500]), f"{r.uniform(1.1, 4.5):.1f}", r.randint(92, 118), f"{r.uniform(8, 30):.1f}%", r.choice(["", "hold - ANC low", "increase dose", ""])])
    return plist("scd-hydroxyurea-labs", "Hydroxyurea monitoring", o, ["Patient", "DOB", "Lab date", "HU mg", "ANC", "MCV", "HbF", "Action"], rows, "HU labs back this week:")
def Lp_ltach(r):
    o = org(r, "ltach"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 90); rows.append([f"2W-{r.randint(201, 230)}", nm(r, p), mrn(r), past(r, 3, 40), r.choice(["vent", "trach collar", "decannulated", "BiPAP"]), r.choice(["J96.11", "A41.9", "L89.154", "J96.21"]), r.choice(["Medicare", "Meridian Crest", "Community Choice"])])
    return plist("ltach-census", "Daily census", o, ["Room", "Patient", "MRN", "Admit", "Resp", "Dx", "Payer"], rows, "Census as of 0600:")
def Lp_pace(r):
    o = org(r, "pace"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 58, 96); rows.append([at(soon(r, 1, 1), r), nm(r, p), address(r), phone(r), r.choice(["W/C", "walker", "ambulatory", "W/C - lift"]), r.choice(["O2 2L", "dialysis 1 pm", "dementia - escort to door", "", "diabetic - snack"])])
    return plist("pace-transport-manifest", "Van manifest", o, ["Pickup", "Participant", "Address", "Phone", "Mobility", "Notes"], rows, "Route 3 manifest:")
def Lp_chr(r):
    o = org(r, "chr"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 30, 92, pool="lakota"); rows.append([past(r, 0, 6), nm(r, p), chart_no(r), r.choice(["BP check", "med delivery", "diabetic foot check", "transport", "prenatal visit"]), r.choice(["164/98", "132/84", "BS 286", "", "178/102"]), r.choice(["refill needed", "ok", "PHN f/u", "no answer"])])
    return plist("chr-visit-log", "CHR weekly activity log", o, ["Date", "Client", "Chart #", "Service", "Reading", "Follow-up"], rows, "CHR activity for the week:")
def Lp_lact(r):
    o = org(r, "lact"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 42, "F"); rows.append([nm(r, p), p.dob, past(r, 2, 25), f"{r.randint(3, 12)}%", r.choice(["tongue tie", "low supply", "mastitis", "NICU pumping", "latch pain"]), phone(r)])
    return plist("lactation-followup-list", "Follow-up calls", o, ["Mother", "DOB", "Infant born", "Wt loss", "Issue", "Phone"], rows, "Call these moms this week:")
def Lp_als(r):
    o = org(r, "als"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 35, 82); rows.append([at(soon(r, 2, 9), r), nm(r, p), p.dob, r.randint(14, 44), f"{r.randint(30, 90)}%", r.choice(["BiPAP", "PEG", "wheelchair", "SGD", "hospice talk"])])
    return plist("als-clinic-roster", "ALS clinic roster", o, ["Clinic", "Patient", "DOB", "ALSFRS-R", "FVC", "Focus"], rows, "Multidisciplinary clinic:")
def Lp_memory(r):
    o = org(r, "memory"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 58, 88); rows.append([at(soon(r, 1, 14), r), nm(r, p), mrn(r), f"#{r.randint(1, 18)}", soon(r, 15, 60), r.choice(["APOE e3/e4", "e3/e3", "e4/e4 - consented"]), r.choice(["", "ARIA-E on last MRI - hold", ""])])
    return plist("memory-infusion-schedule", "Lecanemab infusion schedule", o, ["Infusion", "Patient", "MRN", "Dose #", "Next MRI", "APOE", "Note"], rows, "Infusion chair schedule:")
def Lp_litho(r):
    o = org(r, "litho"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 85); rows.append([at(soon(r, 1, 8), r), nm(r, p), p.dob, r.choice(["Holloway", "St. Anselm", "Grand Island ASC"]), f"{r.choice(['L', 'R'])} {r.choice(['UPJ', 'pelvis', 'prox ureter', 'LP'])} {r.randint(5, 15)} mm", r.choice(["hold Eliquis 2d", "", "stent", "pending auth"])])
    return plist("litho-case-schedule", "Mobile route schedule", o, ["Date/time", "Patient", "DOB", "Site", "Stone", "Notes"], rows, "Truck 2 schedule:")
def Lp_plasma(r):
    o = org(r, "plasma"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 60); rows.append([plasma_donor(r), nm(r, p), p.dob, past(r, 3, 40), r.choice(["HCV NAT R", "HBsAg R", "RPR R", "TP low (5.8)", "HIV Ag/Ab R", "Hct 36"]), r.choice(["permanent", "temporary", "lookback"]), r.choice(["letter sent", "certified mail returned", "called"])])
    return plist("plasma-deferral-list", "Donor deferral notification log", o, ["Donor #", "Donor", "DOB", "Donation", "Result", "Deferral", "Notification"], rows, "Deferral notifications pending:")
def Lp_pain(r):
    o = org(r, "pain"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 25, 88); rows.append([at(soon(r, 1, 10), r), nm(r, p), p.dob, r.choice(["TFESI L5-S1", "MBB L3-5", "RFA L4-S1", "SCS trial", "SIJ inj"]), r.choice(["approved", "pending", "not req"]), r.choice(["hold Plavix 7d", "", "diabetic", "driver needed"])])
    return plist("pain-procedure-schedule", "Procedure schedule", o, ["Date/time", "Patient", "DOB", "Procedure", "Auth", "Notes"], rows, "Procedure day:")
def Lp_chaplain(r):
    o = org(r, "chaplain"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 98); rows.append([r.choice(["MICU", "4W", "L&D", "ONC", "CVICU"]) + f" {r.randint(1, 40)}", nm(r, p), r.choice(["comfort care", "new dx cancer", "fetal demise", "pre-op anxiety", "death expected", "requests communion"]), r.choice(["Catholic", "Baptist", "Muslim", "Lakota trad.", "none", "LDS"]), past(r, 0, 2)])
    return plist("chaplain-handoff", "On-call chaplain handoff", o, ["Unit/room", "Patient", "Situation", "Faith", "Last visit"], rows, "Overnight handoff:")
def Lp_hiv(r):
    o = org(r, "hiv"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 19, 70); rows.append([client_id(r), nm(r, p), p.dob, past(r, 120, 400), r.choice(["38,200", "<20", "1,450", "212,000"]), phone(r), r.choice(["no show x2", "moved?", "incarcerated", "text sent"])])
    return plist("hiv-out-of-care-list", "Out-of-care outreach", o, ["Client ID", "Client", "DOB", "Last VL date", "Last VL", "Phone", "Outreach"], rows, "Data-to-care list for the DIS:")
def Lp_athletic(r):
    o = org(r, "athletic"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 23); rows.append([nm(r, p), r.choice(["FB", "WBB", "WSOC", "VB", "WR", "XC"]), past(r, 1, 40), r.choice(["concussion", "ACL tear", "ankle sprain gr II", "stress fx", "shoulder subluxation", "mono"]), r.choice(["out", "limited", "full go"]), soon(r, 3, 90)])
    return plist("at-injury-list", "Weekly injury report", o, ["Athlete", "Sport", "Injury date", "Injury", "Status", "Expected RTP"], rows, "Injury report for coaches (release on file):")
def Lp_air(r):
    o = org(r, "air"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 1, 92); rows.append([flight_no(r), at(past(r, 0, 7), r), nm(r, p), p.dob, r.choice(["STEMI", "trauma", "stroke", "sepsis", "NICU transport"]), r.randint(18, 160), r.choice(["Medicare", "Meridian Crest", "self-pay", "Medicaid"])])
    return plist("air-transport-log", "Transport log", o, ["Run #", "Date/time", "Patient", "DOB", "Category", "Loaded mi", "Payer"], rows, "Runs for billing review:")
def Lp_pdn(r):
    o = org(r, "pdn"); rows = []
    for _ in range(nrows(r)):
        p = child(r, 0, 17); rows.append([soon(r, 0, 6), r.choice(["0700-1500", "1900-0700", "1500-2300"]), nm(r, p), address(r), r.choice(["trach/vent", "G-tube, seizures", "trach", "TPN"]), staff(r, "").plain()])
    return plist("pdn-shift-schedule", "Nursing shift schedule", o, ["Date", "Shift", "Client", "Address", "Acuity", "Nurse"], rows, "Coverage grid for next week:")
def Lp_gamete(r):
    o = org(r, "gamete"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 26, 45, "F"); rows.append([soon(r, 1, 10), nm(r, p), p.dob, donor_no(r), r.randint(1, 4), r.choice(["Riverbend Fertility", "home insemination", "Omaha OBGYN"]), r.choice(["CMV neg", "CMV pos", "CMV pending"])])
    return plist("gamete-shipments", "Shipping schedule", o, ["Ship", "Recipient", "DOB", "Donor", "Vials", "Destination", "Recipient CMV"], rows, "Dry shipper schedule:")
def Lp_es(r):
    o = org(r, r.choice(["pace", "lact", "hiv", "travel"])); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 90, pool="mexican"); rows.append([at(soon(r, 1, 10), r), nm(r, p), p.dob, phone(r), r.choice(["control de presión", "vacunas de viaje", "lactancia", "carga viral", "terapia física"])])
    return plist("spanish-list", "Citas de la semana", o, ["Cita", "Paciente", "Fecha de nacimiento", "Teléfono", "Motivo"], rows, "Lista de citas (recordatorios por teléfono):")

# ------------------------------------------------------------------ clean narratives
def cdoc(cat, title, o, blocks, sender=None, dest=None, subject=None): return Doc(cat, "narr", title, blocks, o, sender, dest, subject)
def C_yf_supply(r):
    o = org(r, "travel"); s = clin(r, o, "RN")
    return cdoc("travel-health-advisory", "Yellow fever vaccine availability", o, [H("Clinic advisory - yellow fever vaccine"),
        P(f"Stamaril supply: {r.randint(20, 60)} doses on hand (lot {lot(r)}, exp {fd(soon(r, 90, 400), 'mdy')}). YF-VAX remains unavailable from the manufacturer. Please book YF visits at least 10 days before departure - the ICVP is valid 10 days after vaccination."),
        P("Country requirement changes this quarter: proof of vaccination now required for all arriving travelers over 9 months of age in two West African countries; see the CDC Yellow Book table. No patient information in this notice."), sblock(r, s, o)], s, ORGS["fp"])
def C_travel_fees(r):
    o = org(r, "travel")
    rows = [["Yellow fever (Stamaril)", "90717", money(r.randint(210, 260))], ["Typhoid Vi injectable", "90691", money(r.randint(110, 140))], ["Typhoid oral (Vivotif)", "90690", money(r.randint(90, 120))],
            ["Japanese encephalitis (Ixiaro), per dose", "90738", money(r.randint(330, 390))], ["Rabies PrEP (Imovax), per dose", "90675", money(r.randint(380, 460))], ["Pre-travel consult", "99402", money(r.randint(95, 150))]]
    return Doc("fee-schedule", "list", "Self-pay travel vaccine price list", [P(f"Effective {fd(soon(r, 5, 15), 'long')}. Most insurance plans do not cover travel vaccines; prices include administration."), tbl(["Service", "CPT", "Self-pay"], rows)], o)
def C_eyebank_newsletter(r):
    o = org(r, "eyebank"); s = clin(r, o, "")
    n = r.randint(900, 1500)
    return cdoc("newsletter", "Year in sight - eye bank newsletter", o, [H("Year in Sight"), P(f"Thanks to {r.randint(380, 620)} donors and their families, we provided {n:,} corneas for transplant this year, {int(n * r.uniform(0.55, 0.7)):,} of them pre-cut for DMEK. "
        f"Average time from recovery to surgery was {r.uniform(4.1, 6.2):.1f} days. Our rim-culture positivity rate was {r.uniform(0.4, 1.6):.1f}% (national benchmark 1-2%)."),
        P(f"Save the date: Donor Family Remembrance Ceremony, {fd(soon(r, 60, 120), 'long')}. Hospital partners: our referral line is {o.phone}."), sblock(r, s, o)], s)
def C_htc_camp(r):
    o = org(r, "htc"); s = clin(r, o, "MSW")
    return cdoc("event-notice", "Bleeding disorders family camp", o, [H("Camp Clotter Family Weekend"), P(f"Registration is open for the {TODAY.year + 1} family weekend ({fd(soon(r, 150, 200), 'long')}), for families affected by hemophilia and von Willebrand disease. "
        "Nurses from the HTC will run self-infusion lessons; factor is brought by each family. Registration deadline: " + fd(soon(r, 40, 70), "long") + "."), P("Volunteer counselors need a background check and a current CPR card."), sblock(r, s, o)], s)
def C_factor_shortage(r):
    o = org(r, "htc"); s = clin(r, o, "PharmD")
    return cdoc("supply-notice", "Factor product lot advisory", o, [P(f"Distributor notice: {r.choice(['Advate 2000 IU', 'Alprolix 3000 IU', 'Humate-P 1200'])} lots {lot(r)} and {lot(r)} are on allocation through {fd(soon(r, 20, 60), 'mdy')}. "
        "No recall; product in homes can be used. We will substitute another vial size where possible and adjust shipments. NDC " + ndc(r) + "."), sblock(r, s, o)], s)
def C_scd_awareness(r):
    o = org(r, "sickle"); s = clin(r, o, "")
    return cdoc("community-event", "Sickle cell community day", o, [H("Community Day and Blood Drive"), P(f"Join us {fd(soon(r, 20, 70), 'long')} at the North Omaha community center. Blood donors of African ancestry are more likely to be Ro/U-negative matches for our patients. "
        f"About 100,000 Americans live with sickle cell disease; our center follows more than {r.randint(180, 320)} children and adults."), P("Free trait testing, food, and a panel of young adults talking about transition to adult care."), sblock(r, s, o)], s)
def C_scd_pathway(r):
    o = org(r, "sickle"); s = doc_md(r)
    return cdoc("policy-notice", "ED sickle cell pain pathway - revision", o, [H("Pathway revision"), P("Changes effective January 1: first parenteral opioid dose within 60 minutes of triage (was 90); individualized care plans override the weight-based default; "
        "patient-controlled analgesia is started on the floor within 4 hours of admission. Time-to-first-dose will be reported monthly by department (aggregate only)."), P(f"Questions: {s.with_cred()}")], s)
def C_ltach_criteria(r):
    o = org(r, "ltach"); s = clin(r, o, "RN")
    return cdoc("referral-criteria", "LTACH admission criteria one-pager", o, [H("Who is a good LTACH referral?"), P("Patients needing prolonged mechanical ventilation (96+ hours), complex wounds needing daily specialist care, multi-system medical complexity after 3+ ICU days, IV antibiotics with daily labs, or post-surgical complications."),
        P(f"Our liaison covers Holloway Memorial and St. Anselm Monday-Saturday; call {o.phone}. Average LOS {r.randint(24, 30)} days; vent wean rate {r.randint(55, 72)}% (CY data)."), sblock(r, s, o)], s, ORGS["hosp"])
def C_ltach_competency(r):
    o = org(r, "ltach"); rows = [[staff(r, "").plain(), r.choice(["RN", "RT", "LPN"]), emp_id(r), soon(r, 3, 30), r.choice(["trach change", "vent alarms", "CRRT", "PICC dressing"])] for _ in range(r.randint(7, 11))]
    return Doc("training-compliance", "list", "Skills fair sign-up", [P("Annual skills fair assignments:"), tbl(["Staff", "Role", "Emp ID", "Session", "Station"], rows)], o)
def C_pace_newsletter(r):
    o = org(r, "pace"); s = clin(r, o, "")
    return cdoc("newsletter", "Evergreen PACE family newsletter", o, [H("Evergreen Commons News"), P(f"Our holiday party is {fd(soon(r, 1, 5), 'wd')} at 11:30 in the main hall - families welcome. The center will close at 2 pm on Christmas Eve and New Year's Eve; transportation will run early."),
        P(f"We now serve {r.randint(180, 260)} participants. Please welcome our new dietitian and two new van drivers. Flu shot clinic continues Tuesdays."), sblock(r, s, o)], s)
def C_pace_vans(r):
    o = org(r, "pace"); rows = [[f"Van {i}", f"{r.choice(['2021', '2022', '2023'])} Ford Transit", f"1FT{letters(r, 2)}{digits(r, 10)}"[:17], r.randint(22000, 91000), soon(r, 1, 40), r.choice(["lift inspection", "oil", "brakes", "tires"])] for i in range(1, r.randint(7, 11))]
    return Doc("equipment-log", "list", "Fleet maintenance schedule", [P("Vehicle maintenance due:"), tbl(["Unit", "Vehicle", "VIN", "Odometer", "Due", "Service"], rows)], o)
def C_chr_training(r):
    o = org(r, "chr"); s = staff(r, "", "lakota"); s.role = "CHR Supervisor"
    return cdoc("training-notice", "CHR training week", o, [P(f"CHR basic training {fd(soon(r, 20, 40), 'long')} - {fd(soon(r, 44, 48), 'long')} in Rapid City. Topics: blood pressure technique, glucometer QC, motivational interviewing, safe lifting, HIPAA and tribal privacy code. "
        "Bring your IHS badge. Mileage reimbursed at the federal rate."), P(f"{s.plain()}, CHR Supervisor")], s)
def C_chr_walk(r):
    o = org(r, "chr"); s = staff(r, "", "lakota")
    return cdoc("community-event", "Diabetes prevention walk", o, [P(f"Wellness walk and fry-bread-free feed {fd(soon(r, 30, 60), 'long')}. 5K and 1 mile. Free A1c screening by the PHN team (results given privately to each participant, not recorded here). Prizes from the Tribal Council."), P(f"- {s.given}")], s)
def C_lact_classes(r):
    o = org(r, "lact"); rows = [[soon(r, 3, 60), r.choice(["Prenatal breastfeeding basics", "Back to work & pumping", "Breastfeeding twins", "Dads & partners"]), staff(r, "IBCLC").plain(), r.choice(["Room B", "Zoom", "Room A"]), r.randint(8, 20)] for _ in range(r.randint(6, 10))]
    return Doc("class-schedule", "list", "Class calendar", [P("Winter class calendar:"), tbl(["Date", "Class", "Instructor", "Where", "Seats"], rows)], o)
def C_lact_rental(r):
    o = org(r, "lact"); s = clin(r, o, "")
    return cdoc("price-list", "Pump rental and retail prices", o, [P(f"Hospital-grade pump rental (Symphony): {money(r.randint(60, 80))}/month, deposit {money(100)}. Personal pumps: Spectra S1 {money(r.randint(180, 220))}, S2 {money(r.randint(140, 170))}. "
        "Most plans cover a personal pump (E0603) once per pregnancy - we can check. Flange fitting free with purchase."), sblock(r, s, o)], s)
def C_als_symposium(r):
    o = org(r, "als"); s = doc_md(r)
    return cdoc("event-notice", "ALS research symposium", o, [H("Regional ALS Research Symposium"), P(f"{fd(soon(r, 40, 90), 'long')}, 8:00-3:00. Topics: tofersen and SOD1 trials, expanded-access programs, respiratory outcomes, voice banking. CME 5.0 AMA PRA Category 1. Patients and families are welcome at the afternoon session."), sblock(r, s, o)], s)
def C_memory_support(r):
    o = org(r, "memory"); s = clin(r, o, "MSW")
    return cdoc("support-group", "Caregiver support group", o, [P(f"Caregiver support group meets the second Tuesday of each month, 6-7:30 pm, Room 210, and on Zoom. Next meeting: {fd(soon(r, 5, 30), 'long')}. Topic: holiday visits and changes in routine."), sblock(r, s, o)], s)
def C_memory_protocol(r):
    o = org(r, "memory"); s = clin(r, o, "RN"); s.role = "Infusion Coordinator"
    return cdoc("policy-notice", "Anti-amyloid infusion protocol update", o, [H("Protocol update - lecanemab"), P("Safety MRIs are now required before infusions 5, 7 and 14, and at week 52. Hold for ARIA-E or more than four new microhemorrhages and notify the prescriber. "
        "APOE genotyping must be documented before the first dose. CMS registry submission is completed by the navigator after each visit."), sblock(r, s, o)], s)
def C_litho_maint(r):
    o = org(r, "litho"); s = clin(r, o, "")
    return cdoc("equipment-maintenance", "Lithotripter service", o, [P(f"Truck 2 (Dornier Compact Delta III, s/n {serial(r, 'D3')}) is out for the annual service and therapy head replacement {fd(soon(r, 3, 10), 'long')}-{fd(soon(r, 11, 14), 'long')}. Truck 1 (s/n {serial(r, 'D3')}) will cover both hospitals; some cases will move. Generator PM done; DOT inspection current."), sblock(r, s, o)], s, ORGS["hosp2"])
def C_litho_invoice(r):
    o = org(r, "litho"); n = r.randint(8, 30)
    return cdoc("vendor-invoice", "Monthly service invoice", o, [kv([("Invoice", inv_no(r)), ("Bill to", ORGS["hosp2"].name), ("Service month", MONTHS[(TODAY.month - 2) % 12]), ("Cases", n), ("Per-case fee", money(1850)), ("Total due", money(1850 * n)), ("Terms", "Net 30")]),
        P("Case-level detail is available in the secure portal; no patient information on this invoice.")], None, ORGS["hosp2"])
def C_plasma_promo(r):
    o = org(r, "plasma"); s = clin(r, o, "")
    return cdoc("marketing", "New donor promotion", o, [P(f"New donors earn up to {money(r.choice([700, 800, 900]))} in the first month! Bring a photo ID, proof of address and your Social Security card (or a document showing your SSN). "
        "You must be 18-69 and weigh at least 110 lb. Donation takes about an hour."), P(f"{o.addr()} - open 7 days. Referral bonus {money(50)}."), sblock(r, s, o)], s)
def C_plasma_inspection(r):
    o = org(r, "plasma"); s = clin(r, o, ""); s.role = "Quality Assurance Specialist"
    return cdoc("compliance-notice", "FDA inspection readiness", o, [P(f"FDA may arrive any day this month. Checklist: freezer charts signed, SOP training at 100%, donor-floor cleaning logs, hematocrit analyzer QC (serial {serial(r, 'HC')}), "
        "deferral-registry checks documented on every new donor. Do not leave donor files on the screening desk."), sblock(r, s, o)], s)
def C_pain_webinar(r):
    o = org(r, "pain"); s = doc_md(r)
    return cdoc("event-notice", "Fluoroscopy radiation safety webinar", o, [P(f"Required for all procedure-room staff: radiation safety refresher, {fd(soon(r, 5, 20), 'long')} at noon. Dosimetry badges for Q4 are due back by the 31st. Pregnant staff - please see the RSO for a fetal badge."), sblock(r, s, o)], s)
def C_pain_policy(r):
    o = org(r, "pain"); s = clin(r, o, "")
    return cdoc("policy-notice", "Anticoagulant hold guideline", o, [H("Peri-procedural anticoagulant guideline (ASRA Pain 2024)"), P("High-risk procedures (SCS trial, intrathecal pump): hold apixaban 3 days, rivaroxaban 3 days, clopidogrel 7 days, warfarin 5 days with INR check. "
        "Low-risk procedures (peripheral nerve blocks, trigger points): no hold needed. Always coordinate with the prescribing physician."), sblock(r, s, o)], s)
def C_chaplain_schedule(r):
    o = org(r, "chaplain"); rows = [[soon(r, 0, 13), staff(r, "MDiv").plain(), r.choice(["day", "night", "24h"]), f"pager {r.randint(4000, 4999)}", r.choice(["Catholic priest on call", "", "Imam on call", ""])] for _ in range(r.randint(8, 12))]
    return Doc("staff-schedule", "list", "Chaplain on-call schedule", [P("Holiday on-call:"), tbl(["Date", "Chaplain", "Shift", "Pager", "Also"], rows)], o)
def C_chaplain_service(r):
    o = org(r, "chaplain"); s = staff(r, "MDiv, BCC")
    return cdoc("event-notice", "Blue Christmas service for staff", o, [P(f"A quiet interfaith service of remembrance for staff who are grieving this season, {fd(soon(r, 1, 4), 'wd')} at 12:15 in the chapel, livestreamed for night shift. Also: the Tea for the Soul cart visits ICUs at 2 am on the 24th."), P(f"{s.with_cred()}")], s)
def C_hiv_report(r):
    o = org(r, "hiv"); s = clin(r, o, "")
    n = r.randint(600, 900)
    return cdoc("grant-report", "Ryan White Part C - annual data summary", o, [H("Program summary (aggregate)"), P(f"Clients served: {n}. Retained in care: {r.randint(78, 90)}%. Virally suppressed (<200 copies/mL): {r.randint(84, 94)}%. New diagnoses linked within 30 days: {r.randint(80, 96)}%. "
        f"Rapid ART start (<= 7 days): {r.randint(55, 80)}%. Counts under 11 are suppressed per HRSA guidance. RSR submission due {fd(soon(r, 60, 90), 'long')}."), sblock(r, s, o)], s, ORGS["health"])
def C_hiv_prep(r):
    o = org(r, "hiv"); s = clin(r, o, "PharmD")
    return cdoc("newsletter", "PrEP access update", o, [P("Long-acting cabotegravir PrEP is now on our formulary; injections every 2 months after two initiation doses. We also offer same-day oral PrEP and doxy-PEP counseling. No-cost for uninsured clients through the manufacturer program."), sblock(r, s, o)], s)
def C_at_physicals(r):
    o = org(r, "athletic"); s = clin(r, o, "ATC")
    return cdoc("schedule-notice", "Spring sport pre-participation physicals", o, [P(f"Spring PPEs {fd(soon(r, 25, 35), 'long')}, 7 am-noon, field house. Bring a completed history form (revised 2025; the date of birth box is now on page 1) and insurance card. Sickle cell trait status required for all new athletes."), sblock(r, s, o)], s)
def C_at_aed(r):
    o = org(r, "athletic"); rows = [[r.choice(["Field house", "Pool", "Stadium press box", "Arena concourse", "Weight room", "Softball dugout"]), f"ZOLL AED Plus s/n {serial(r, 'X')}", past(r, 1, 30), soon(r, 200, 700), r.choice(["OK", "OK", "pads replaced"])] for _ in range(r.randint(6, 10))]
    return Doc("equipment-log", "list", "AED inspection log", [P("Monthly AED checks:"), tbl(["Location", "Device", "Checked", "Pads exp", "Status"], rows)], o)
def C_air_standdown(r):
    o = org(r, "air"); s = clin(r, o, ""); s.role = "Base Manager"
    return cdoc("safety-notice", "Safety stand-down", o, [P(f"All bases will hold a safety stand-down {fd(soon(r, 3, 10), 'long')} 0800-1000 (aircraft N{r.randint(100, 999)}LW and N{r.randint(100, 999)}LW out of service during briefing). Topics: NVG currency, inadvertent IMC, fatigue risk. Dispatch will route requests to the neighboring program."), sblock(r, s, o)], s)
def C_air_membership(r):
    o = org(r, "air"); s = clin(r, o, "")
    return cdoc("marketing", "Air medical membership renewal", o, [P(f"Household memberships renew January 1: {money(r.choice([65, 75, 85]))}/year. Membership number format: LW-XXXXXX. Membership is not insurance. Employers may enroll staff in bulk - contact {o.phone}."), sblock(r, s, o)], s)
def C_pdn_job(r):
    o = org(r, "pdn"); s = clin(r, o, "")
    return cdoc("job-posting", "Now hiring pediatric nurses", o, [H("Pediatric Private Duty Nurse (RN/LPN)"), P(f"Rapid City and Black Hills. 8- and 12-hour shifts, {money(r.randint(34, 38))}-{money(r.randint(44, 52))}/h, trach/vent training provided, mileage paid. Sign-on bonus {money(r.choice([2500, 3000]))}. Apply at careers.{o.dom}."), sblock(r, s, o)], s)
def C_pdn_evv(r):
    o = org(r, "pdn"); s = clin(r, o, ""); s.role = "Scheduler"
    return cdoc("policy-notice", "EVV clock-in reminder", o, [P("Reminder: Medicaid requires electronic visit verification for every shift. Clock in and out in the app at the client's home; manual edits need a supervisor note. Shifts without EVV by the 5th will not be paid on the next check."), sblock(r, s, o)], s)
def C_gamete_catalog(r):
    o = org(r, "gamete")
    rows = [[donor_no(r), r.choice(["O+", "A+", "B+", "O-", "AB+"]), f"{r.randint(5, 6)}'{r.randint(0, 11)}\"", r.choice(["brown", "blue", "green", "hazel"]), r.choice(["Irish/German", "Mexican", "Nigerian", "Chinese", "Lebanese", "Norwegian"]), r.choice(["BS Engineering", "MA History", "BSN", "PhD candidate"]), r.choice(["CMV-", "CMV+"]), r.choice(["ID release", "anonymous"])] for _ in range(r.randint(8, 12))]
    return Doc("donor-catalog", "list", "New donor profiles", [P("New donors available this month (no identifying information; donors are identified by number only):"), tbl(["Donor #", "Blood type", "Height", "Eyes", "Ancestry", "Education", "CMV", "Program"], rows)], o)
def C_gamete_tank(r):
    o = org(r, "gamete"); v = VBYKEY["v5"]
    return cdoc("vendor-invoice", "Dry shipper invoice", v, [kv([("Invoice", inv_no(r)), ("Account", f"HCB-{digits(r, 4)}"), ("Shippers", f"{r.randint(20, 60)} x CX100 dry shipper"), ("Tracking sensors", f"{r.randint(20, 60)}"), ("Amount", money(r.randint(4000, 14000))), ("PO", po_no(r))]),
        P("Thank you for your business. Shipper serial numbers and return labels are in the portal.")], None, o)
def C_birthday(r):
    o = org(r); s = staff(r, ""); t = staff(r, "")
    return cdoc("staff-birthday", "Birthday", o, [P(f"Cake in the break room at 3 - {t.given} {t.family} turns {r.choice([30, 40, 50, 60])} on {fd(soon(r, 0, 4), 'm/d')}! Card is at the front desk to sign. (Date of birth not for the directory - just come eat cake.)"), P(f"- {s.given}")], s)
def C_job(r):
    o = org(r); s = staff(r, "")
    return cdoc("job-posting", "Job posting", o, [H(f"{r.choice(['Patient Access Representative', 'Medical Coder (CPC)', 'Respiratory Therapist', 'Data Analyst'])} - {o.short}"), P(f"Full time, benefits day one. Requisition #{digits(r, 6)}. Apply by {fd(soon(r, 10, 30), 'long')}. Equal opportunity employer.")], s)
def C_hipaa(r):
    o = org(r); s = staff(r, "")
    return cdoc("hipaa-reminder", "HIPAA refresher due", o, [P(f"Annual HIPAA/privacy training is due {fd(soon(r, 5, 20), 'long')}. The module uses example records (e.g. SSN 078-05-1120, MBI 1EG4-TE5-MK73) - never type real patient data into training exercises. Completion is tracked by employee ID."), P(f"{s.plain()}, Privacy Officer")], s)
def C_ooo(r):
    o = org(r); s = staff(r, "")
    return cdoc("out-of-office", "Out of office", o, [P(f"I am out of the office until {fd(soon(r, 2, 12), 'long')} with limited e-mail. For urgent matters please call {o.phone} or contact {staff(r, '').plain()}."), P(s.plain())], s)
def C_ticket(r):
    o = org(r); v = VBYKEY["v2"]; s = staff(r, "")
    return cdoc("it-ticket", "Ticket update", v, [kv([("Ticket", f"INC{digits(r, 7)}"), ("Requester", s.plain()), ("Location", o.short), ("Asset", f"{o.initials()}-LT-{digits(r, 4)}"), ("Issue", r.choice(["VPN drops every 20 min", "label printer offline", "Citrix black screen", "new hire account"])), ("Status", r.choice(["resolved", "waiting on user", "escalated to tier 2"]))])], None, o)
def C_fleet(r):
    o = org(r, r.choice(["air", "pace", "litho", "pdn"])); v = VBYKEY["v4"]
    return cdoc("fleet-insurance", "Commercial auto policy renewal", v, [kv([("Insured", o.name), ("Policy #", f"CA-{digits(r, 7)}-{r.randint(10, 99)}"), ("Term", f"{fd(soon(r, 10, 12), 'mdy')} - {fd(soon(r, 375, 377), 'mdy')}"), ("Vehicles", r.randint(3, 14)), ("Premium", money(r.randint(9000, 40000)))]),
        P("Please send updated driver list with license numbers for MVR checks by the 30th.")], None, o)
def C_es_notice(r):
    o = org(r); s = staff(r, "")
    return cdoc("spanish-notice", "Aviso al personal", o, [P(f"Aviso: la clínica cerrará el {fd(soon(r, 3, 12), 'es')} por capacitación del personal. Las citas se reprogramarán por teléfono. La reunión de personal será a las 8:00 en la sala B."), P(s.plain())], s)
def C_deid(r):
    o = org(r, r.choice(["air", "plasma", "travel", "sickle"]))
    rows = [[b, r.randint(12, 300), r.randint(0, 40) if r.random() < 0.7 else "<11", f"{r.uniform(1, 25):.1f}%"] for b in ["0-17", "18-34", "35-49", "50-64", "65-79", "80+"]]
    return Doc("deidentified-stats", "list", "Quarterly volume by age band", [P("De-identified, aggregate. Cells under 11 suppressed."), tbl(["Age band", "Encounters", "Transfers", "Share"], rows)], o)
def C_security(r):
    o = org(r); s = staff(r, "")
    return cdoc("security-awareness", "Phishing alert", o, [P(f"We are seeing fake 'DocuSign - Updated W-2' e-mails. Do not click. Report with the Phish button. IT will never ask for your password or MFA code. Ticket reference: SEC-{digits(r, 5)}."), P(f"{s.plain()}, Information Security")], s)
def C_form_rev(r):
    o = org(r, r.choice(["lact", "gamete", "athletic", "travel"])); s = staff(r, "")
    return cdoc("form-revision", "Intake form revision", o, [P(f"The new patient intake form (rev. {fd(past(r, 10, 40), 'mdy')}) is live. The 'Date of Birth' field moved to the top and the 'Preferred name' field was added. Please discard old copies by {fd(soon(r, 5, 15), 'mdy')}."), P(s.plain())], s)

# ------------------------------------------------------------------ clean interchange look-alikes
def Q_hl7_spec(r):
    o = org(r, "ltach"); t = "MSH|^~\\&|<SENDING_APP>|<FACILITY>|HMH_HIE|HOLLOWAY|<YYYYMMDDHHMM>||ADT^A01^ADT_A01|<CONTROL_ID>|P|2.5.1\nPID|1||<MRN>^^^KRSH^MR||<LAST>^<FIRST>^<MI>||<DOB YYYYMMDD>|<SEX>\nPV1|1|I|<UNIT>^<ROOM>^<BED>"
    return raw("hl7-spec", "ADT interface spec", o, t, "Interface spec for the new ADT feed - placeholders only:")
def Q_hl7_test(r):
    o = org(r, "hiv"); t = f"MSH|^~\\&|LAB|HMH|PPC_EHR|PPC|{hts(r=r)}||ORU^R01|TEST{digits(r, 5)}|T|2.5.1\nPID|1||TEST0001^^^PPC^MR||ZZTEST^PATIENT^A||19000101|U\nOBX|1|NM|20447-9^HIV 1 RNA^LN||0|copies/mL||N|||F"
    return raw("hl7-test-patient", "Test message", o, t, "Test message for validation (processing ID T, test patient):")
def Q_x12_guide(r):
    o = org(r, "pain"); t = "NM1*IL*1*DOE*JOHN****MI*XXXXXXXXX~\nDMG*D8*CCYYMMDD*M~\nCLM*<PATIENT CONTROL #>*<CHARGE>***11:B:1*Y*A*Y*Y~\nSV1*HC:64483*<AMT>*UN*1***1~"
    return raw("x12-guide", "837P companion guide excerpt", o, t, "Companion guide excerpt (sample values):")
def Q_fhir_example(r):
    o = org(r, "memory"); t = '{\n  "resourceType": "Patient",\n  "id": "example",\n  "meta": {"tag": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST"}]},\n  "name": [{"family": "Test", "given": ["Patient"]}],\n  "birthDate": "1900-01-01"\n}'
    return raw("fhir-example", "FHIR test resource", o, t, "Sandbox test resource (HTEST tag):")
def Q_mbi(r):
    o = org(r, r.choice(["air", "ltach", "pace"])); s = staff(r, "")
    return cdoc("mbi-training", "MBI format reminder", o, [P("Medicare Beneficiary Identifier format: 11 characters, pattern 1AA1-AA1-AA11 (dashes are not stored). Letters S, L, O, I, B, Z are never used. CMS's published example is 1EG4-TE5-MK73. "
        "Do not use a real beneficiary's MBI in training or test claims."), P(s.plain())], s)
def Q_ssn(r):
    o = org(r, r.choice(["plasma", "hiv", "chr"])); s = staff(r, "")
    return cdoc("ssn-training", "Registration training - SSN field", o, [P("Practice cases for the registration class: use 123-45-6789 (invalid sequence), 078-05-1120 (the 'wallet card' number) and 987-65-4320 through 987-65-4329 (reserved for advertising). The system must reject 000, 666 and 9xx area numbers."), P(s.plain())], s)
def Q_999(r):
    o = org(r, "air"); t = f"ST*999*0001*005010X231A1~\nAK1*HC*{digits(r, 4)}*005010X222A1~\nAK2*837*0041~\nIK3*NM1*3**8~\nIK4*9*67*7*INVALIDMBI~\nIK5*R*5~\nAK9*R*1*1*0~\nSE*8*0001~"
    return raw("x12-999", "999 rejection", o, t, "Clearinghouse 999 for the test file (no claim data):")
def Q_cms_instr(r):
    o = org(r, "travel")
    return raw("claim-form-instructions", "CMS-1500 instructions", o, "Box 1a  INSURED'S I.D. NUMBER - as shown on the card\nBox 2   PATIENT'S NAME - Last, First, MI\nBox 3   PATIENT'S BIRTH DATE - MM DD YYYY\nBox 21  ICD-10 codes, e.g. Z23 for vaccination encounters\nBox 24D 90717 yellow fever vaccine", "Billing cheat sheet for new staff:")
def Q_nemsis_spec(r):
    o = org(r, "air")
    return raw("nemsis-spec", "NEMSIS mapping", o, "<ePatient.02> Last Name  -> PCR field 'Patient Last'\n<ePatient.03> First Name -> 'Patient First'\n<ePatient.17> Date of Birth (YYYY-MM-DD) -> 'DOB'\n<eResponse.03> Incident Number -> 'Run #' (format YY-NNNNN)", "Field mapping for the ePCR vendor:")

# ------------------------------------------------------------------ clean lists
def clist(cat, title, o, hdr, rows, intro): return Doc(cat, "list", title, [P(intro), tbl(hdr, rows)], o)
def K_oncall(r):
    o = org(r); rows = [[soon(r, 0, 14), (p := doc_md(r)).plain(), npi(r), phone(r), r.choice(["primary", "backup"])] for _ in range(r.randint(8, 12))]
    return clist("on-call", "Physician on-call", o, ["Date", "Physician", "NPI", "Cell", "Role"], rows, "On-call calendar:")
def K_directory(r):
    o = org(r); rows = []
    for _ in range(r.randint(8, 13)):
        s = staff(r); rows.append([s.plain(), r.choice(o.titles), f"x{r.randint(2000, 5999)}", mailbox(s, o.dom), past(r, 30, 3000)])
    return clist("staff-directory", "Staff directory", o, ["Name", "Title", "Ext", "E-mail", "Start date"], rows, "Updated directory:")
def K_lots(r):
    o = org(r, r.choice(["travel", "htc", "plasma"])); rows = [[r.choice(["Stamaril", "Typhim Vi", "Ixiaro", "Havrix 1440", "saline 0.9% 500 mL", "ACD-A 500 mL"]), lot(r), soon(r, 60, 600), r.randint(5, 200), ndc(r)] for _ in range(r.randint(7, 11))]
    return clist("supply-lots", "Inventory lots", o, ["Product", "Lot", "Expires", "On hand", "NDC"], rows, "Inventory count:")
def K_training(r):
    o = org(r); rows = [[staff(r, "").plain(), emp_id(r), r.choice(["HIPAA", "BLS", "fire safety", "bloodborne pathogens"]), past(r, 1, 300), r.choice(["complete", "overdue", "complete"])] for _ in range(r.randint(8, 13))]
    return clist("training-compliance", "Training compliance", o, ["Employee", "Emp ID", "Module", "Completed", "Status"], rows, "Compliance report:")
def K_po(r):
    o = org(r); rows = [[po_no(r), VENDORS[r.randrange(len(VENDORS))].name, past(r, 1, 40), money(r.randint(80, 9000)), r.choice(["received", "open", "backordered"])] for _ in range(r.randint(7, 11))]
    return clist("purchase-orders", "Open POs", o, ["PO", "Vendor", "Ordered", "Amount", "Status"], rows, "Open purchase orders:")
def K_crew(r):
    o = org(r, "air"); rows = [[soon(r, 0, 10), r.choice(["Base 1 - Sioux Falls", "Base 2 - Mitchell", "Base 3 - Yankton"]), staff(r, "CFRN").plain(), staff(r, "FP-C").plain(), staff(r, "").plain() + " (pilot)", f"N{r.randint(100, 999)}LW"] for _ in range(r.randint(8, 12))]
    return clist("crew-schedule", "Crew schedule", o, ["Date", "Base", "Flight nurse", "Flight medic", "Pilot", "Aircraft"], rows, "Crew schedule:")
def K_deid(r):
    o = org(r, r.choice(["hiv", "sickle", "eyebank", "memory"])); rows = [[MONTHS[m][:3] + f" {TODAY.year}", r.randint(11, 240), r.randint(11, 80) if r.random() < 0.6 else "<11", f"{r.uniform(60, 98):.1f}%"] for m in range(r.randint(6, 11))]
    return clist("deidentified-counts", "Monthly metrics", o, ["Month", "Visits", "New", "Target met"], rows, "Aggregate, no patient-level data:")
def K_es_staff(r):
    o = org(r); rows = [[soon(r, 0, 10), staff(r, "", "mexican").plain(), r.choice(["mañana", "tarde", "noche"]), r.choice(["recepción", "enfermería", "transporte"])] for _ in range(r.randint(7, 11))]
    return clist("spanish-staff-list", "Turnos del personal", o, ["Fecha", "Empleado", "Turno", "Área"], rows, "Turnos de la próxima semana:")
def K_vehicles(r):
    o = org(r, r.choice(["pace", "pdn", "chr"])); rows = [[f"{r.choice(['Ford', 'Chevrolet', 'Toyota'])} {r.choice(['Transit', 'Express', 'Sienna'])}", ("1" + letters(r, 2) + digits(r, 14))[:17], f"{r.randint(100, 999)}-{letters(r, 3)}", staff(r, "").plain(), soon(r, 10, 200)] for _ in range(r.randint(6, 10))]
    return clist("fleet-list", "Vehicle assignments", o, ["Vehicle", "VIN", "Plate", "Assigned to", "Registration due"], rows, "Vehicle assignments:")
def K_class(r):
    o = org(r, r.choice(["memory", "als", "lact", "chr"])); rows = [[soon(r, 3, 80), r.choice(["Caregiver 101", "Managing sialorrhea", "Breastfeeding basics", "Diabetes talking circle", "Safe transfers"]), staff(r).plain(), r.randint(6, 25)] for _ in range(r.randint(6, 10))]
    return clist("class-schedule", "Education calendar", o, ["Date", "Topic", "Presenter", "Seats"], rows, "Education calendar:")
def K_gym(r):
    o = org(r); rows = [[staff(r, "").plain(), f"GYM{digits(r, 7)}", r.choice(["Anytime Fitness", "YMCA", "Planet Fitness"]), past(r, 10, 300), money(r.choice([10, 15, 20]))] for _ in range(r.randint(7, 11))]
    return clist("wellness-perk", "Gym reimbursement", o, ["Employee", "Member #", "Gym", "Joined", "Monthly reimb."], rows, "Wellness reimbursement roster:")
def K_licenses(r):
    o = org(r); rows = [[(s := staff(r, r.choice(["RN", "LPN", "RRT", "ATC"]))).plain(), s.cred, f"{r.choice(['NE', 'SD', 'IA'])}-{digits(r, 6)}", soon(r, 30, 700), npi(r) if r.random() < 0.4 else ""] for _ in range(r.randint(7, 11))]
    return clist("license-roster", "License expirations", o, ["Staff", "Credential", "License #", "Expires", "NPI"], rows, "License tracking:")

PHI_NARR = [P_travel_consult, P_travel_waiver, P_eyebank_recipient, P_eyebank_referral, P_htc_inhibitor, P_htc_er_letter, P_scd_ed_plan, P_scd_tcd, P_ltach_referral, P_ltach_weekly,
            P_pace_idt, P_pace_daycenter, P_chr_visit, P_chr_transport, P_lact_consult, P_lact_pump_lmn, P_als_clinic, P_als_sgd, P_memory_eval, P_memory_dmv, P_litho_booking,
            P_litho_treatment, P_plasma_deferral, P_plasma_reaction, P_pain_procedure, P_pain_scs_pa, P_pain_uds, P_chaplain_referral, P_chaplain_note, P_hiv_adap, P_hiv_linkage,
            P_at_concussion, P_at_injury, P_air_request, P_air_pcr, P_pdn_shift, P_pdn_hours, P_gamete_release, P_gamete_genetic, P_spanish, P_spanish, P_nolabel, P_nolabel]
PHI_RAW = [R_hl7_adt, R_hl7_oru_vl, R_hl7_oru_tcd, R_837p_pain, R_837_air, R_271_htc, R_835_litho, R_278_pain, R_fhir_memory, R_fhir_xml_hiv, R_cms1500, R_ub04, R_air_pcr_nemsis]
PHI_LIST = [Lp_travel, Lp_eyebank, Lp_htc, Lp_sickle, Lp_ltach, Lp_pace, Lp_chr, Lp_lact, Lp_als, Lp_memory, Lp_litho, Lp_plasma, Lp_pain, Lp_chaplain, Lp_hiv, Lp_athletic, Lp_air, Lp_pdn, Lp_gamete, Lp_es]
CLEAN_NARR = [C_yf_supply, C_eyebank_newsletter, C_htc_camp, C_factor_shortage, C_scd_awareness, C_scd_pathway, C_ltach_criteria, C_pace_newsletter, C_chr_training, C_chr_walk,
              C_lact_rental, C_als_symposium, C_memory_support, C_memory_protocol, C_litho_maint, C_litho_invoice, C_plasma_promo, C_plasma_inspection, C_pain_webinar, C_pain_policy,
              C_chaplain_service, C_hiv_report, C_hiv_prep, C_at_physicals, C_air_standdown, C_air_membership, C_pdn_job, C_pdn_evv, C_gamete_tank, C_birthday, C_job, C_hipaa,
              C_ooo, C_ticket, C_fleet, C_es_notice, C_security, C_form_rev, Q_mbi, Q_ssn]
CLEAN_RAW = [Q_hl7_spec, Q_hl7_test, Q_x12_guide, Q_fhir_example, Q_999, Q_cms_instr, Q_nemsis_spec, Q_mbi, Q_ssn]
CLEAN_LIST = [C_travel_fees, C_ltach_competency, C_pace_vans, C_lact_classes, C_chaplain_schedule, C_at_aed, C_gamete_catalog, C_deid, K_oncall, K_directory, K_lots, K_training, K_po,
              K_crew, K_deid, K_es_staff, K_vehicles, K_class, K_gym, K_licenses]

# ================================================================== text / HTML rendering
def cell(v, dst="mdy"):
    if isinstance(v, dtm.datetime): return f"{fd(v.date(), dst)} {v:%H:%M}"
    if isinstance(v, dtm.date): return fd(v, dst)
    return str(v)
def kv_lines(items, sty):
    w = max(len(a) for a, _ in items) + 2
    if sty == "colon": return [f"{a}: {b}" for a, b in items]
    if sty == "aligned": return [f"{(a + ':').ljust(w)}{b}" for a, b in items]
    if sty == "next": return [x for a, b in items for x in (f"{a}:", f"    {b}")]
    if sty == "caps": return [f"{a.upper()}: {b}" for a, b in items]
    if sty == "dash": return [f"{a} - {b}" for a, b in items]
    if sty == "nocolon": return [f"{a.ljust(w)}{b}" for a, b in items]
    if sty == "tight": return [f"{a}:{b}" for a, b in items]
    return ["; ".join(f"{a}: {b}" for a, b in items) + "."]
KV_STYLES = ["colon", "colon", "aligned", "next", "caps", "dash", "nocolon", "tight", "runon"]
def table_lines(hdr, rows, dst, sty):
    cells = [hdr] + [[cell(v, dst) for v in row] for row in rows]
    if sty == "pipe": return [" | ".join(c) for c in cells]
    if sty == "tab": return ["\t".join(c) for c in cells]
    w = [max(len(c[i]) for c in cells) for i in range(len(hdr))]
    out = ["  ".join(c[i].ljust(w[i]) for i in range(len(hdr))).rstrip() for c in cells]
    out.insert(1, "  ".join("-" * x for x in w)); return out
def render_text(r, doc, tsty="cols", dst="mdy"):
    out = []
    for b in doc.blocks:
        if b[0] == "h": out.append(r.choice([b[1].upper(), b[1] + "\n" + "=" * len(b[1]), f"*** {b[1]} ***", b[1]]))
        elif b[0] == "p": out.append(b[1])
        elif b[0] == "kv": out.append("\n".join(kv_lines(b[1], r.choice(KV_STYLES))))
        elif b[0] == "table": out.append("\n".join(table_lines(b[1], b[2], dst, tsty)))
        elif b[0] == "pre": out.append(b[1])
    return "\n\n".join(out) + "\n"
def nl2br(t): return esc(t).replace("\n", "<br>\n")
LOOKS = [("Calibri,Arial,sans-serif", "10.5pt"), ("Georgia,serif", "11pt"), ("Segoe UI,Tahoma,sans-serif", "10pt"), ("Verdana,sans-serif", "9.5pt"), ("Arial,Helvetica,sans-serif", "10pt")]
def render_html(r, doc, letterhead=False, look=0, dst="mdy"):
    font, size = LOOKS[look]; o = doc.o; c = "#" + o.color; parts = []
    if letterhead:
        parts.append(f'<table width="100%" cellpadding="6" style="border-bottom:3px solid {c}"><tr><td style="font-size:15pt;color:{c}"><b>{esc(o.name)}</b></td>'
                     f'<td align="right" style="font-size:8pt;color:#555" nowrap>{esc(o.addr())}<br>Tel {o.phone} &middot; Fax {o.fax}</td></tr></table>')
    kvmode = r.choice(["table", "bold", "table"])
    for b in doc.blocks:
        if b[0] == "h": parts.append(f'<h3 style="color:{c};margin:10px 0 4px">{esc(b[1])}</h3>')
        elif b[0] == "p": parts.append(f"<p>{nl2br(b[1])}</p>")
        elif b[0] == "pre": parts.append(f'<pre style="font-family:Consolas,Courier New,monospace;font-size:9pt;background:#f4f4f4;padding:6px">{esc(b[1])}</pre>')
        elif b[0] == "kv":
            if kvmode == "table":
                parts.append('<table cellpadding="3" cellspacing="0" style="border-collapse:collapse">' + "".join(
                    f'<tr><td style="border:1px solid #ccc;background:#f2f2f2" nowrap><b>{esc(a)}</b></td><td style="border:1px solid #ccc">{esc(v)}</td></tr>' for a, v in b[1]) + "</table>")
            else: parts.append("<p>" + "<br>\n".join(f"<b>{esc(a)}:</b> {esc(v)}" for a, v in b[1]) + "</p>")
        elif b[0] == "table":
            small = len(b[1]) > 5
            parts.append(f'<table cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:{"8pt" if small else "9.5pt"}"><tr>' +
                         "".join(f'<th style="background:{c};color:#fff;border:1px solid {c};text-align:left">{esc(h)}</th>' for h in b[1]) + "</tr>" +
                         "".join("<tr>" + "".join(f'<td style="border:1px solid #bbb"{" nowrap" if len(cell(v, dst)) < 14 else ""}>{esc(cell(v, dst))}</td>' for v in row) + "</tr>" for row in b[2]) + "</table>")
    return f'<html><head><meta charset="utf-8"><title>{esc(doc.title)}</title></head><body style="font-family:{font};font-size:{size}">' + "\n".join(parts) + "</body></html>"

# ================================================================== PDF helpers: stamp normalisation, page count, logo
def _fill(key, n, alphabet="0123456789ABCDEF"):
    h = hashlib.sha256(key.encode()).hexdigest().upper(); s = ""
    while len(s) < n: s += h; h = hashlib.sha256(h.encode()).hexdigest().upper()
    return "".join(alphabet[int(ch, 16) % len(alphabet)] for ch in s[:n])
def scrub_pdf(data, name):
    """same-length replacement of the dates, IDs and UUIDs LibreOffice/Ghostscript stamp into a PDF (keyed on b19/ + file name)"""
    key = "b19/" + name; stamp = FIXED_STAMP.strftime("%Y%m%d%H%M%S").encode(); iso = FIXED_STAMP.strftime("%Y-%m-%dT%H:%M:%S").encode()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", lambda m: m.group(1) + stamp, data)
    data = re.sub(rb"(<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)", lambda m: m.group(1) + iso, data)
    k = [0]
    def hexid(m): k[0] += 1; return _fill(f"{key}#{k[0]}", len(m.group(0)), "0123456789ABCDEF" if m.group(0).isupper() or m.group(0).isdigit() else "0123456789abcdef").encode()
    data = re.sub(rb"(?<=uuid:)[0-9a-fA-F-]{36}", lambda m: (lambda f: f"{f[:8]}-{f[9:13]}-{f[14:18]}-{f[19:23]}-{f[24:]}".encode())(_fill(f"{key}#u{m.start()}", 36, "0123456789abcdef")), data)
    def ids(m): return re.sub(rb"<([0-9A-Fa-f]+)>", lambda mm: b"<" + _fill(f"{key}#id", len(mm.group(1))).encode() + b">", m.group(0))
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", ids, data)
    def idlit(m):
        out = m.group(0)
        return re.sub(rb"\((?:\\.|[^\\)])*\)", lambda mm: b"(" + _fill(f"{key}#lit", len(mm.group(0)) - 2, "ABCDEFGHJKMNPQRS").encode() + b")", out, flags=re.S)
    data = re.sub(rb"/ID\s*\[\s*\((?:\\.|[^\\)])*\)\s*\((?:\\.|[^\\)])*\)\s*\]", idlit, data, flags=re.S)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})", lambda m: m.group(1) + _fill(f"{key}#dc", 32).encode(), data)
    t = data.rfind(b"trailer")   # after the xref table: Ghostscript writes /ID either as hex or as a binary literal string, so give it one canonical hex form
    if t > 0:
        h = _fill(f"{key}#tid", 32).encode()
        data = data[:t] + re.sub(rb"/ID\s*\[.*?\]\s*(?=>>)", b"/ID [<" + h + b"><" + h + b">]\n", data[t:], count=1, flags=re.S)
    return data
def page_count(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out); return int(m.group(1)) if m else 99
_LOGOS = {}
def logo_png(o):
    if o.key in _LOGOS: return _LOGOS[o.key]
    from PIL import Image, ImageDraw, ImageFont
    col = tuple(int(o.color[i:i + 2], 16) for i in (0, 2, 4)); im = Image.new("RGB", (560, 120), "white"); d = ImageDraw.Draw(im)
    try: f1 = ImageFont.truetype(FONTDIR + "DejaVuSans-Bold.ttf", 30); f2 = ImageFont.truetype(FONTDIR + "DejaVuSans.ttf", 16)
    except OSError: f1 = f2 = ImageFont.load_default()
    shape = sum(map(ord, o.key)) % 4
    if shape == 0: d.ellipse((10, 10, 110, 110), fill=col); d.ellipse((40, 40, 80, 80), fill="white")
    elif shape == 1: d.polygon([(60, 8), (112, 60), (60, 112), (8, 60)], fill=col)
    elif shape == 2: d.rounded_rectangle((10, 10, 110, 110), 22, fill=col)
    else: d.pieslice((10, 10, 110, 110), 30, 330, fill=col)
    d.text((60, 60), o.initials()[:3], fill="white", font=ImageFont.truetype(FONTDIR + "DejaVuSans-Bold.ttf", 22), anchor="mm")
    d.text((128, 22), o.short, fill=col, font=f1); d.line((128, 66, 548, 66), fill=col, width=3); d.text((128, 76), f"{o.city}, {o.state}  |  {o.phone}  |  {o.dom}", fill=(90, 90, 90), font=f2)
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGOS[o.key] = b.getvalue(); return _LOGOS[o.key]

# ================================================================== reportlab (invariant on)
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted, Image as RLImage
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
_RL_REG = set()
def rl_fonts(which):
    if which in ("Helvetica", "Times"): return (which if which == "Helvetica" else "Times-Roman"), (which + "-Bold")
    reg, bold = TTF[which]
    if which not in _RL_REG:
        pdfmetrics.registerFont(TTFont(f"DV-{which}", FONTDIR + reg)); pdfmetrics.registerFont(TTFont(f"DV-{which}-B", FONTDIR + bold)); _RL_REG.add(which)
    return f"DV-{which}", f"DV-{which}-B"
def rl_pdf(r, doc):
    face = r.choice(["Helvetica", "Helvetica", "Times", "sans", "cond", "serif"]); fn, fb = rl_fonts(face); fold = (lambda s: L1(s)) if face in ("Helvetica", "Times") else (lambda s: str(s))
    o = doc.o; col = colors.HexColor("#" + o.color); deco = r.randrange(3); dst = r.choice(["mdy", "mdy", "iso", "d-mon-y"])
    wide = any(b[0] == "table" and len(b[1]) > 6 for b in doc.blocks); ps = landscape(letter) if wide else letter
    body = ParagraphStyle("b", fontName=fn, fontSize=9.5, leading=12.5, spaceAfter=5); small = ParagraphStyle("s", fontName=fn, fontSize=7.6, leading=9.2)
    h = ParagraphStyle("h", fontName=fb, fontSize=12.5, leading=15, textColor=col, spaceBefore=4, spaceAfter=6); lab = ParagraphStyle("l", fontName=fb, fontSize=9, leading=11, textColor=col)
    def para(t, st=body): return Paragraph(esc(fold(t)).replace("\n", "<br/>"), st)
    story = []
    for b in doc.blocks:
        if b[0] == "h": story.append(para(b[1], h))
        elif b[0] == "p": story.append(para(b[1]))
        elif b[0] == "pre": story.append(Preformatted(fold(b[1]), ParagraphStyle("pre", fontName="Courier", fontSize=7.4, leading=9)))
        elif b[0] == "kv":
            if r.random() < 0.5 or len(b[1]) < 4:
                t = Table([[para(a, lab), para(v)] for a, v in b[1]], colWidths=[1.7 * inch, 4.9 * inch])
                t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            else:
                items = list(b[1]) + ([("", "")] if len(b[1]) % 2 else []); rows = [[para(items[i][0], lab), para(items[i][1]), para(items[i + 1][0], lab), para(items[i + 1][1])] for i in range(0, len(items), 2)]
                t = Table(rows, colWidths=[1.15 * inch, 2.2 * inch, 1.15 * inch, 2.2 * inch])
                t.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")), ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eeeeee")), ("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 6)]
        elif b[0] == "table":
            hdr, rows = b[1], b[2]; data = [[para(x, ParagraphStyle("th", fontName=fb, fontSize=7.8, leading=9.4, textColor=colors.white)) for x in hdr]] + [[para(cell(v, dst), small) for v in row] for row in rows]
            avail = (ps[0] - 1.2 * inch); lens = [max(len(cell(row[i], dst)) for row in [hdr] + rows) + 3 for i in range(len(hdr))]; tot = sum(lens)
            t = Table(data, colWidths=[avail * x / tot for x in lens], repeatRows=1)
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), col), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f3f3")]), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 6)]
    foot = r.choice([f"CONFIDENTIAL - {o.short} - {o.phone}", f"{o.dom}", f"Printed {fd(TODAY, 'mdy')} - {o.short}"])
    def deco_page(c, d):
        c.saveState(); W, Hh = ps
        if deco == 0: c.setFillColor(col); c.rect(0, Hh - 0.75 * inch, W, 0.75 * inch, fill=1, stroke=0); c.setFillColor(colors.white); c.setFont(fb, 14); c.drawString(0.6 * inch, Hh - 0.48 * inch, fold(o.name)); c.setFont(fn, 8); c.drawRightString(W - 0.6 * inch, Hh - 0.48 * inch, fold(o.addr()))
        elif deco == 1: c.setFillColor(col); c.rect(0.6 * inch, Hh - 0.78 * inch, 0.12 * inch, 0.4 * inch, fill=1, stroke=0); c.setFont(fb, 13); c.drawString(0.82 * inch, Hh - 0.55 * inch, fold(o.name)); c.setFillColor(colors.grey); c.setFont(fn, 8); c.drawString(0.82 * inch, Hh - 0.72 * inch, fold(f"{o.addr()}  Tel {o.phone}"))
        else:
            from reportlab.lib.utils import ImageReader
            c.drawImage(ImageReader(io.BytesIO(logo_png(o))), 0.6 * inch, Hh - 0.95 * inch, width=2.8 * inch, height=0.6 * inch)
        c.setStrokeColor(colors.lightgrey); c.line(0.6 * inch, 0.6 * inch, W - 0.6 * inch, 0.6 * inch); c.setFillColor(colors.grey); c.setFont(fn, 7)
        c.drawString(0.6 * inch, 0.45 * inch, fold(foot)); c.drawRightString(W - 0.6 * inch, 0.45 * inch, f"Page {d.page}"); c.restoreState()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=ps, leftMargin=0.6 * inch, rightMargin=0.6 * inch, topMargin=1.1 * inch, bottomMargin=0.8 * inch, title=doc.title, author=o.short, creator=o.short).build(story, onFirstPage=deco_page, onLaterPages=deco_page)
    return buf.getvalue()

# ================================================================== fpdf2 (creation date fixed, /Producer set)
import fpdf as _fpdf
from fpdf import FPDF
class Sheet(FPDF):
    def setup(s, o, look, fam, uni): s.o, s.look, s.fam, s.uni = o, look, fam, uni
    def t(s, x): return str(x) if s.uni else L1(x)
    def header(s):
        col = tuple(int(s.o.color[i:i + 2], 16) for i in (0, 2, 4))
        if s.look == 0:
            s.set_fill_color(*col); s.rect(0, 0, s.w, 20, "F"); s.set_text_color(255, 255, 255); s.set_font(s.fam, "B", 14); s.set_xy(0, 6); s.cell(s.w, 8, s.t(s.o.name), align="C")
        elif s.look == 1:
            s.set_text_color(*col); s.set_font(s.fam, "B", 13); s.set_xy(12, 9); s.cell(0, 7, s.t(s.o.name)); s.set_draw_color(*col); s.set_line_width(0.8); s.line(12, 18, s.w - 12, 18)
        else:
            s.image(io.BytesIO(logo_png(s.o)), 12, 6, 62, 13.3); s.set_font(s.fam, "", 7.5); s.set_text_color(90, 90, 90); s.set_xy(s.w - 92, 8); s.multi_cell(80, 3.6, s.t(f"{s.o.addr()}\nTel {s.o.phone}  Fax {s.o.fax}"), align="R")
        s.set_text_color(0, 0, 0); s.set_y(26)
    def footer(s):
        s.set_y(-12); s.set_font(s.fam, "", 7); s.set_text_color(120, 120, 120); s.cell(0, 5, s.t(f"{s.o.short} - page {s.page_no()} of {{nb}}"), align="C")
def fp_pdf(r, doc):
    uni = r.random() < 0.5; wide = any(b[0] == "table" and len(b[1]) > 5 for b in doc.blocks); dst = r.choice(["mdy", "iso", "m/d/yyyy", "d-mon-y"])
    pdf = Sheet(orientation="L" if wide else "P", unit="mm", format="Letter"); pdf.set_creation_date(FIXED_STAMP); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    if uni:
        face = r.choice(list(TTF)); reg, bold = TTF[face]; pdf.add_font("DV", "", FONTDIR + reg); pdf.add_font("DV", "B", FONTDIR + bold); fam = "DV"
    else: fam = r.choice(["Helvetica", "Times"])
    pdf.setup(doc.o, r.randrange(3), fam, uni); pdf.set_title(pdf.t(doc.title)); pdf.set_author(pdf.t(doc.o.short)); pdf.alias_nb_pages(); pdf.set_auto_page_break(True, 16); pdf.set_margins(14, 26, 14); pdf.add_page()
    col = tuple(int(doc.o.color[i:i + 2], 16) for i in (0, 2, 4)); kvmode = r.choice(["lines", "grid", "bold"])
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(fam, "B", 12); pdf.set_text_color(*col); pdf.multi_cell(0, 6.5, pdf.t(b[1])); pdf.set_text_color(0, 0, 0); pdf.ln(1)
        elif b[0] == "p": pdf.set_font(fam, "", 9.5); pdf.multi_cell(0, 4.8, pdf.t(b[1])); pdf.ln(2)
        elif b[0] == "pre": pdf.set_font("Courier", "", 7.5); pdf.multi_cell(0, 3.6, L1(b[1])); pdf.ln(2)
        elif b[0] == "kv":
            if kvmode == "bold":
                for a, v in b[1]: pdf.set_font(fam, "B", 9.5); pdf.write(5, pdf.t(a + ": ")); pdf.set_font(fam, "", 9.5); pdf.write(5, pdf.t(v)); pdf.ln(5.2)
            else:
                pdf.set_font(fam, "", 9)
                with pdf.table(col_widths=(45, 130), first_row_as_headings=False, borders_layout="ALL" if kvmode == "grid" else "HORIZONTAL_LINES", line_height=5, text_align="LEFT") as t:
                    for a, v in b[1]:
                        row = t.row(); pdf.set_font(fam, "B", 9); row.cell(pdf.t(a)); pdf.set_font(fam, "", 9); row.cell(pdf.t(v))
            pdf.ln(3)
        elif b[0] == "table":
            hdr, rows = b[1], b[2]; lens = [max(len(cell(row[i], dst)) for row in [hdr] + rows) + 3 for i in range(len(hdr))]
            pdf.set_font(fam, "", 7.6 if wide else 8.4); pdf.set_fill_color(*col)
            from fpdf.fonts import FontFace
            with pdf.table(col_widths=tuple(lens), headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=col), line_height=4.2, text_align="LEFT",
                           cell_fill_color=(243, 243, 243), cell_fill_mode="ROWS") as t:
                for row in [hdr] + rows:
                    rr = t.row()
                    for v in row: rr.cell(pdf.t(cell(v, dst)))
            pdf.ln(3)
    return bytes(pdf.output())

# ================================================================== PostScript (distilled by ghostscript)
def ps_str(s): return "(" + L1(s).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
def wrap(s, n):
    out = []
    for para in str(s).split("\n"):
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > n and line: out.append(line); line = w
            else: line = (line + " " + w).strip(" ") if line else w
        out.append(line)
    return out
def ps_doc(r, doc):
    face = r.choice(["Helvetica", "Times-Roman"]); bold = "Helvetica-Bold" if face == "Helvetica" else "Times-Bold"; o = doc.o; dst = r.choice(["mdy", "iso"])
    col = " ".join(f"{int(o.color[i:i + 2], 16) / 255:.3f}" for i in (0, 2, 4))
    lines = []   # (font, size, text, indent)
    for b in doc.blocks:
        if b[0] == "h": lines.append(("B", 12, b[1], 0, True)); lines.append(None)
        elif b[0] == "p": lines += [("R", 9.5, ln, 0, False) for ln in wrap(b[1], 98)]; lines.append(None)
        elif b[0] == "pre": lines += [("C", 7.5, ln, 0, False) for ln in b[1].split("\n") for ln in wrap(ln, 120)]; lines.append(None)
        elif b[0] == "kv":
            for a, v in b[1]:
                vv = wrap(v, 70); lines.append(("KV", 9.5, (a, vv[0]), 0, False)); lines += [("R", 9.5, x, 150, False) for x in vv[1:]]
            lines.append(None)
        elif b[0] == "table":
            cells = [b[1]] + [[cell(v, dst) for v in row] for row in b[2]]; w = [min(26, max(len(c[i]) for c in cells)) for i in range(len(b[1]))]
            tot = sum(w) + 2 * len(w); size = 8 if tot <= 110 else max(5.2, 8 * 110 / tot)
            for j, c in enumerate(cells): lines.append(("CB" if j == 0 else "C", size, "  ".join(c[i][:w[i]].ljust(w[i]) for i in range(len(w))), 0, False))
            lines.append(None)
    pages, cur, y = [], [], 700
    for ln in lines:
        step = 7 if ln is None else (ln[1] + 3.2)
        if y - step < 60: pages.append(cur); cur, y = [], 700
        y -= step
        if ln is not None: cur.append((y, ln))
    pages.append(cur); n = len(pages)
    out = ["%!PS-Adobe-3.0", f"%%Title: {L1(doc.title)}", f"%%Creator: {L1(o.short)} forms", f"%%Pages: {n}", "%%EndComments",
           "/re { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding def currentdict end definefont pop } def",
           f"/F-R /{face} re /F-B /{bold} re /F-C /Courier re /F-CB /Courier-Bold re"]
    for i, pg in enumerate(pages, 1):
        out += [f"%%Page: {i} {i}", f"{col} setrgbcolor /F-B findfont 15 scalefont setfont 54 744 moveto {ps_str(o.name)} show",
                f"54 736 moveto 558 736 lineto 1.2 setlinewidth stroke 0.4 setgray /F-R findfont 8 scalefont setfont 54 724 moveto {ps_str(o.addr() + '   Tel ' + o.phone + '   Fax ' + o.fax)} show 0 setgray"]
        for y, (f, size, text, ind, colored) in pg:
            if f == "KV":
                out.append(f"/F-B findfont {size} scalefont setfont 54 {y:.1f} moveto {ps_str(text[0] + ':')} show /F-R findfont {size} scalefont setfont 204 {y:.1f} moveto {ps_str(text[1])} show")
            else:
                fnt = {"R": "F-R", "B": "F-B", "C": "F-C", "CB": "F-CB"}[f]
                out.append((f"{col} setrgbcolor " if colored else "") + f"/{fnt} findfont {size} scalefont setfont {54 + ind} {y:.1f} moveto {ps_str(text)} show" + (" 0 setgray" if colored else ""))
        out += [f"0.5 setgray /F-R findfont 7 scalefont setfont 54 36 moveto {ps_str(o.short + ' - confidential')} show 520 36 moveto ({i} of {n}) show 0 setgray", "showpage"]
    out.append("%%EOF"); return "\n".join(out) + "\n", n

# ================================================================== DOCX / XLSX / CSV
import docx
from docx.shared import Pt, RGBColor, Inches
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
def add_field(par, instr):
    run = par.add_run(); a = OxmlElement("w:fldChar"); a.set(qn("w:fldCharType"), "begin"); run._r.append(a)
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = instr; run._r.append(t)
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "end"); run._r.append(b)
DOCX_STYLES = ["Light Grid Accent 1", "Medium Shading 1 Accent 5", "Table Grid", "Light List Accent 2", "Medium Grid 3 Accent 4", "Light Shading Accent 6", "Colorful Grid Accent 1"]
def docx_bytes(r, doc, logo=False):
    d = docx.Document(); o = doc.o; col = RGBColor.from_string(o.color.upper()); dst = r.choice(["mdy", "mdy", "long", "iso"])
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Cambria", "Arial", "Georgia", "Segoe UI"]); st.font.size = Pt(10.5)
    sec = d.sections[0]
    if any(b[0] == "table" and len(b[1]) > 5 for b in doc.blocks):
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8)
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(2.6))
    else:
        rn = hp.add_run(o.name); rn.bold = True; rn.font.size = Pt(13); rn.font.color.rgb = col
    hp2 = sec.header.add_paragraph(f"{o.addr()}  |  {o.phone}"); hp2.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]; fp.add_run(f"{o.short} - Confidential - Page ").font.size = Pt(8); add_field(fp, "PAGE")
    kvmode = r.choice(["table", "bold"])
    for b in doc.blocks:
        if b[0] == "h": hh = d.add_heading(b[1], level=2); [setattr(x.font.color, "rgb", col) for x in hh.runs]
        elif b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "pre":
            p = d.add_paragraph(); rn = p.add_run(b[1]); rn.font.name = "Courier New"; rn.font.size = Pt(8)
        elif b[0] == "kv":
            if kvmode == "table":
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for a, v in b[1]:
                    c = t.add_row().cells; c[0].text = a; c[1].text = v; c[0].paragraphs[0].runs[0].bold = True
            else:
                for a, v in b[1]:
                    p = d.add_paragraph(); p.add_run(a + ": ").bold = True; p.add_run(v); p.paragraph_format.space_after = Pt(1)
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(DOCX_STYLES)
            for i, h in enumerate(b[1]): t.rows[0].cells[i].text = h
            for row in b[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cell(v, dst)
            for row in t.rows:
                for c in row.cells:
                    for p in c.paragraphs:
                        for rn in p.runs: rn.font.size = Pt(8.5)
    d.core_properties.author = o.short; d.core_properties.title = doc.title
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment
from openpyxl.utils import get_column_letter
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy"]
def xlsx_book(r, doc, for_print=False):
    wb = openpyxl.Workbook(); ws = wb.active; t = doc.table(); hdr, rows = t[1], t[2]; spanish = doc.cat.startswith("spanish")
    if r.random() < 0.2 and not for_print:
        ws.title = r.choice(["About", "Read me", "Info"]); ws["A1"] = doc.title; ws["A2"] = f"Prepared by {doc.o.name}"; ws["A3"] = f"Run date {fd(TODAY, 'mdy')}"; ws = wb.create_sheet(r.choice(["List", "Data", "Sheet1", "Export"]))
    else: ws.title = r.choice(["List", "Data", "Sheet1", "Report"])
    r0 = 1
    if r.random() < 0.45: ws.cell(1, 1, f"{doc.o.short} - {doc.title}").font = Font(bold=True, size=12); r0 = 3
    fill = PatternFill("solid", fgColor=doc.o.color.upper())
    for j, h in enumerate(hdr, 1):
        c = ws.cell(r0, j, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = fill
    dfmt = "dd/mm/yyyy" if spanish else r.choice(XL_DATE)
    for i, row in enumerate(rows, r0 + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(i, j, v)
            if isinstance(v, dtm.datetime): c.number_format = dfmt + " hh:mm"
            elif isinstance(v, dtm.date): c.number_format = dfmt
    for j in range(1, len(hdr) + 1):
        ws.column_dimensions[get_column_letter(j)].width = min(44, max(10, max(len(cell(row[j - 1])) for row in [hdr] + rows) + 2))
    if r.random() < 0.4: ws.freeze_panes = ws.cell(r0 + 1, 1)
    if r.random() < 0.3: ws.auto_filter.ref = f"A{r0}:{get_column_letter(len(hdr))}{r0 + len(rows)}"
    if for_print:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1; ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = doc.o.short; wb.properties.created = wb.properties.modified = dtm.datetime(2026, 12, 19, 9, 0)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def csv_bytes(r, doc):
    t = doc.table(); hdr, rows = list(t[1]), t[2]; spanish = doc.cat.startswith("spanish")
    dst = "dmy" if spanish else r.choice(["mdy", "iso", "ymd", "m/d/yyyy", "d-mon-y"]); shape = r.choice(["comma", "comma", "quoted", "semi", "tsv", "pipe", "report"])
    if r.random() < 0.3: hdr = [re.sub(r"[^A-Z0-9]+", "_", ascii_of(h).upper()).strip("_") for h in hdr]
    s = io.StringIO(); nl = r.choice(["\r\n", "\n"])
    delim = {"semi": ";", "tsv": "\t", "pipe": "|"}.get(shape, ",")
    w = csv.writer(s, delimiter=delim, lineterminator=nl, quoting=csv.QUOTE_ALL if shape == "quoted" else csv.QUOTE_MINIMAL)
    if shape == "report": s.write(f"{doc.title}{nl}Generated {fd(TODAY, 'mdy')} {hhmm(r)} by {doc.o.short}{nl}{nl}")
    w.writerow(hdr)
    for row in rows: w.writerow([cell(v, dst) for v in row])
    if shape == "report": s.write(f"{nl}Total rows: {len(rows)}{nl}")
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, {"tsv": "tsv", "pipe": "txt"}.get(shape, "csv")

# ================================================================== mail assembly (skeleton re-typed after generate_b18.py's wiring)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Apple Mail (2.3826.300.87)", "iPhone Mail (22B91)", "Mozilla Thunderbird 128.5.2",
           "Zimbra 10.1.2_GA_4616", "eClinicalMessenger 4.2", "Paubox", "Zix Secure Messaging", "Microsoft Outlook for Android", "Google Workspace (Gmail)"]
def when(r):
    d = TODAY - DAY(days=r.randint(0, 6))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 22), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=r.choice([-6, -6, -5, -7]))))
def display_for(r, p, o):
    return r.choice([p.plain(), f"{p.family}, {p.given}", p.with_cred(), f"{p.plain()} ({o.short})", f"{p.given} {p.family} - {o.short}", p.full(), f"{o.short} - {p.given} {p.family}"])
def new_msg(r, subject, o, sender=None, to=None, cc=None, from_name=None, dest=None):
    s = sender or staff(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else display_for(r, s, o), addr_spec=mailbox(s, o.dom))
    if to is None:
        q = dest or counterpart(r, o); t = staff(r)
        to = Address(display_name=r.choice([t.plain(), f"{t.family}, {t.given}", "", f"{t.plain()} ({q.short})"]), addr_spec=mailbox(t, q.dom) if r.random() < 0.8 else r.choice(["referrals", "intake", "scheduling", "billing", "frontdesk", "records"]) + "@" + q.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when(r)); m["Message-ID"] = f"<{hexs(r, 10)}.{hexs(r, 6)}{r.choice(['@', '-b19@', '@mail.'])}{o.dom}>"
    x = r.choice(MAILERS + [None, None, None])
    if x: m["X-Mailer"] = x
    if r.random() < 0.12: m["Thread-Index"] = "AQH" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(28)) + "=="; m["Content-Language"] = "en-US"
    if r.random() < 0.06: m["Importance"] = "high"; m["X-Priority"] = "2 (High)"
    if r.random() < 0.08: m["X-MS-Has-Attach"] = ""
    return m, s
def set_hdr(m, k, v): del m[k]; m[k] = v
def put_body(r, m, text, html=None, o=None, logo=False):
    if not (logo and o):
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"sig{hexs(r, 8)}@{o.dom}"
    hh = html or f'<html><body style="font-family:Calibri,Arial,sans-serif;font-size:10.5pt"><div>{nl2br(text)}</div></body></html>'
    hh = hh.replace("</body>", f'<p><img src="cid:{cid}" alt="{esc(o.short)}" width="280" height="60"></p></body>')
    m.set_content(text); m.add_alternative(hh, subtype="html")
    m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename=re.sub(r"[^a-z0-9]", "", o.short.lower())[:12] + "_logo.png", disposition="inline")
def sig(r, s, o):
    t = title_for(r, s, o)
    return r.choice([f"{s.with_cred()}\n{t}\n{o.name}\n{o.addr()}\nP {o.phone} | F {o.fax}", f"Thanks,\n{s.given}", f"--\n{s.plain()} | {t}\n{o.short} | {o.phone}",
                     f"{s.plain()}\n{o.short}\n\nCONFIDENTIALITY NOTICE: This e-mail may contain privileged information. If you are not the intended recipient, please delete it and notify the sender.",
                     f"{s.given}\nSent from my iPhone", f"{s.with_cred()}, {t}", f"Best,\n{s.plain()}\n{o.name}", f"{s.given} {s.family[0]}.\n{o.short}"])
COVER = ["Please see attached.", "Attached as requested.", "See attached file.", "Sending securely - document attached.", "Here is the list.", "Attached for your records.", "Adjunto el documento.",
         "FYI - attached.", "Per our conversation, attached.", "Attached; let me know if it doesn't open.", "Please review and call with questions.", "Here you go.", "Updated version attached."]
NEUTRAL_SUBJ = ["Document", "Attachment", "Secure message", "[secure] file", "Requested document", "Scan", "Fax", "Weekly report", "Your request", "RE: document", "Follow-up", "As discussed", "[ENCRYPT] document", "Paperwork"]
def cover_note(r, m, s, o, label, carrier):
    x = r.random() if carrier.startswith("pdf") else 1.0
    if x < 0.06:
        set_hdr(m, "From", Address(display_name=f"RICOH IM C3000 {o.initials()}", addr_spec=f"scanner{r.randint(1, 6)}@{o.dom}")); set_hdr(m, "Subject", f"Scanned from {o.initials()}-MFP")
        m.set_content(f"This E-mail was sent from \"RICOH IM C3000\" ({o.short}).\n\nScan Date: {fd(TODAY, 'mdy')} {hhmm(r)}\nQueries to: it@{o.dom}\n"); return
    if x < 0.11:
        n = r.randint(1, 2); fx = counterpart(r, o).fax
        set_hdr(m, "From", Address(display_name="RightFax", addr_spec=f"rightfax@{o.dom}")); set_hdr(m, "Subject", f"Fax received from {fx} ({n} pages)")
        m["X-Fax-Pages"] = str(n); m.set_content(f"A fax has arrived for you.\n\nFrom: {fx}\nPages: {n}\nReceived: {fd(TODAY, 'mdy')} {hhmm(r)}\nFax ID: {digits(r, 8)}\n"); return
    put_body(r, m, r.choice(COVER) + "\n\n" + sig(r, s, o), o=o, logo=r.random() < (0.42 if label == "clean" else 0.13))
HELLO = ["", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Team,\n\n", "Hi all -\n\n", "Afternoon -\n\n", "Hello team,\n\n"]
def addressed(r, doc):
    o = doc.o or org(r)
    if doc.to_patient:
        p = doc.to_patient
        m, s = new_msg(r, doc.subject or doc.title, o, to=Address(display_name=r.choice([p.plain(), p.full(), ""]), addr_spec=personal_addr(r, p)), from_name=r.choice([o.name, o.short, f"{o.short} (no-reply)"]))
        set_hdr(m, "From", Address(display_name=str(m["From"].addresses[0].display_name), addr_spec=r.choice(["no-reply", "noreply", "notifications", "patientportal", "followmyhealth"]) + "@" + o.dom))
        if r.random() < 0.5: m["Auto-Submitted"] = "auto-generated"
        return o, m, s, ""
    m, s = new_msg(r, doc.subject or doc.title or "Message", o, sender=doc.sender, dest=doc.dest)
    return o, m, s, ("" if doc.sender else sig(r, s, o))
def txt_dst(doc, r): return "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "mdy", "iso", "m/d/yy", "d-mon-y"])
def build_plain(r, doc, label):
    o, m, s, sg = addressed(r, doc); hi = "" if doc.to_patient or doc.sender else r.choice(HELLO)
    put_body(r, m, hi + render_text(r, doc, r.choice(["cols", "cols", "pipe", "tab"]), txt_dst(doc, r)) + ("\n" + sg + "\n" if sg else ""), o=o, logo=r.random() < (0.25 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o, m, s, sg = addressed(r, doc); dst = txt_dst(doc, r)
    html = render_html(r, doc, letterhead=r.random() < 0.4, look=r.randrange(len(LOOKS)), dst=dst)
    if sg: html = html.replace("</body>", f'<p style="font-size:9pt;color:#555;border-top:1px solid #ddd;padding-top:4px">{nl2br(sg)}</p></body>')
    put_body(r, m, render_text(r, doc, "cols", dst) + ("\n" + sg + "\n" if sg else ""), html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.2)); return m
def quoted(t, lvl=1): return "\n".join(((">" * lvl) + (" " + ln if ln else "")) for ln in t.rstrip("\n").split("\n"))
NOTES = ["See below.", "Forwarding for follow-up.", "Can you take this?", "Adding {n} - FYI.", "Who should handle this?", "Second request - please see below.", "As we discussed.",
         "Please review.", "Got it, thanks.", "Putting this in the work queue.", "Reenvío para su seguimiento.", "Not sure this is ours - passing it on.", "Need a reply today please."]
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
    elif sh == 3: body = f"{top}\n\nBegin forwarded message:\n\nFrom: {a0}\nSubject: {subj}\nDate: {fd(d0, 'long')} at {clock(r)} CST\nTo: {s.plain()} <{mailbox(s, o.dom)}>\n\n{inner}"
    elif sh == 4: body = f"{top}\n\n-------- Forwarded Message --------\nSubject:\t{subj}\nDate:\t{format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-6))))}\nFrom:\t{a0}\nTo:\t{mailbox(s, o.dom)}\n\n\n{inner}"
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
        im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-6)))); im["Message-ID"] = f"<{hexs(r, 16)}@{o.dom}>"
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 _-]", "", ascii_of(subj))[:40].strip() or "message") + ".eml"); return m
    put_body(r, m, body, o=o, logo=r.random() < 0.1); return m

# ================================================================== header carrier: PHI only in the headers, neutral bodies
HBODIES = ["Please call me when you can.", "Thanks - got it.", "Received, thank you.", "See you at the 2:00.", "Done.", "Can we talk tomorrow morning?", "ok", "Gracias.", "Sent from my iPhone",
           "Let me know if you need anything else.", "Will call you.", "Noted, thanks.", "Following up by phone.", "Left you a voicemail."]
def hmsg(r, key, subject, **kw):
    o = org(r, key); m, s = new_msg(r, subject, o, **kw)
    m.set_content(r.choice(HBODIES) + ("\n\n" + s.given if r.random() < 0.5 else "")); return m, o, s
def haddr(r, dom, name): t = staff(r); return Address(display_name=name, addr_spec=mailbox(t, dom))
def HP_subj_travel(r): p = patient(r, 20, 80); return hmsg(r, "travel", f"{p.caps()} (DOB {dob_s(r, p, 'mdy')}) - malaria smear POSITIVE, sent to ED")[0]
def HP_to_eyebank(r):
    p = patient(r, 40, 88); o = ORGS["hosp"]
    return hmsg(r, "eyebank", "Adverse reaction form", to=haddr(r, o.dom, f"Eye Surgery - re {p.lf()} DOB {fd(p.dob, 'mdy')} DMEK rim cx +"))[0]
def HP_cc_htc(r):
    p = patient(r, 4, 40, "M"); m, o, s = hmsg(r, "htc", "Shipment")
    m["Cc"] = haddr(r, o.dom, f"Factor order: {p.family}, {p.given} MRN {mrn(r)} - inhibitor 2.4 BU"); return m
def HP_from_sickle(r):
    p = patient(r, 18, 40, pool="black_us"); return hmsg(r, "sickle", "Care plan", from_name=f"SCD Team re: {p.plain()} - HbSS, ED plan hydromorphone 2mg")[0]
def HP_replyto_ltach(r):
    p = patient(r, 50, 88); m, o, s = hmsg(r, "ltach", "Bed availability")
    m["Reply-To"] = haddr(r, o.dom, f"Liaison - {p.caps()} vent/trach referral MBI {mbi(r, True)}"); return m
def HP_x_pace(r):
    p = patient(r, 60, 95); m, o, s = hmsg(r, "pace", "IDT")
    m["X-Participant"] = f"{p.lf()}; Ptp ID {ptp_id(r)}; DOB {dob_s(r, p, 'iso')}; fall 12/14, Hgb 8.4"; return m
def HP_thread_chr(r):
    p = patient(r, 40, 85, pool="lakota"); m, o, s = hmsg(r, "chr", "Re: visit")
    m["Thread-Topic"] = f"CHR visit {p.plain()} chart {chart_no(r)} BP 182/108 out of lisinopril"; return m
def HP_keywords_lact(r):
    p = patient(r, 20, 40, "F"); m, o, s = hmsg(r, "lact", "follow up")
    m["Keywords"] = f"lactation, {p.family}, {p.given}, DOB {fd(p.dob, 'ymd')}, mastitis, dicloxacillin"; return m
def HP_comments_als(r):
    p = patient(r, 40, 80); m, o, s = hmsg(r, "als", "Clinic")
    m["Comments"] = f"Pt {p.full()} ({dob_s(r, p, 'd-mon-y')}) called - FVC 44%, wants BiPAP delivered before the holiday"; return m
def HP_subj_es(r): p = patient(r, 20, 60, pool="mexican"); return hmsg(r, "hiv", f"Resultado de carga viral - {p.plain()} (fecha de nac. {fd(p.dob, 'dmy')})")[0]
def HP_subj_lower(r): p = patient(r, 65, 92); return hmsg(r, "memory", f"{p.given.lower()} {p.family.lower()} born {fd(p.dob, 'dlong').lower()} moca 14 - dmv letter?")[0]
def HP_x_litho(r):
    p = patient(r, 25, 80); m, o, s = hmsg(r, "litho", "Schedule change")
    m["X-Case-Ref"] = f"ESWL {fd(soon(r, 2, 8), 'mdy')} | {p.hl7()} | DOB {p.dob:%Y%m%d} | L UPJ 9mm | hold apixaban"; return m
def HP_to_plasma(r):
    p = patient(r, 20, 55); return hmsg(r, "plasma", "Notification", to=Address(display_name=f"{p.plain()} - Donor {plasma_donor(r)} HCV reactive", addr_spec=personal_addr(r, p)))[0]
def HP_x_fax_pain(r):
    p = patient(r, 30, 80); m, o, s = hmsg(r, "pain", "Fax confirmation")
    m["X-Fax-Subject"] = f"PA SCS trial 63650 - {p.caps()} - Mbr {member_id(r)} - G89.4"; return m
def HP_subj_caps_chaplain(r): p = patient(r, 40, 95); return hmsg(r, "chaplain", f"URGENT: ANOINTING REQUESTED MICU 12 - {p.caps()} MRN {mrn(r)} - COMFORT CARE")[0]
def HP_cc_athletic(r):
    p = patient(r, 18, 22); m, o, s = hmsg(r, "athletic", "RTP")
    m["Cc"] = Address(display_name=f"Coach re {p.given} {p.family} (ID {student_id(r)}) concussion day 5", addr_spec=mailbox(staff(r), o.dom)); return m
def HP_x_air(r):
    p = patient(r, 30, 85); m, o, s = hmsg(r, "air", "Run closed")
    m["X-Run"] = f"{flight_no(r)}; PT={p.caps()}; DOB={dob_s(r, p, 'mdy')}; DX=I21.19; LOADED MI={r.randint(30, 150)}"; return m
def HP_subj_pdn(r): p = child(r, 1, 12); return hmsg(r, "pdn", f"PDN reauth {p.lf()} Medicaid {medicaid_id(r)} - 18 hrs/day trach/vent")[0]
def HP_from_gamete(r):
    p = patient(r, 28, 44, "F"); return hmsg(r, "gamete", "Shipment", from_name=f"Heartland Cryobank re {p.plain()} DOB {fd(p.dob, 'm/d/yy')} - donor CF carrier")[0]
HDR_PHI = [HP_subj_travel, HP_to_eyebank, HP_cc_htc, HP_from_sickle, HP_replyto_ltach, HP_x_pace, HP_thread_chr, HP_keywords_lact, HP_comments_als, HP_subj_es, HP_subj_lower, HP_x_litho,
           HP_to_plasma, HP_x_fax_pain, HP_subj_caps_chaplain, HP_cc_athletic, HP_x_air, HP_subj_pdn, HP_from_gamete]
def HC_caps(r): return hmsg(r, "travel", f"CLINIC CLOSED {fd(soon(r, 3, 9), 'mdy')} - YELLOW FEVER VISITS MOVED TO SATURDAY")[0]
def HC_to_emp(r):
    t = staff(r, ""); return hmsg(r, "ltach", "W-2 address update", to=Address(display_name=f"{t.lf()} (Emp #{emp_id(r)})", addr_spec=mailbox(t, ORGS["ltach"].dom)))[0]
def HC_cc_vendor(r):
    m, o, s = hmsg(r, "htc", f"Invoice {inv_no(r)}"); m["Cc"] = Address(display_name=f"Accounts Payable - Acct {digits(r, 6)}", addr_spec="ap@" + o.dom); return m
def HC_from_vendor(r): v = VBYKEY["v5"]; return hmsg(r, "gamete", f"Tracking {digits(r, 12)}", from_name=f"ColdChain Dispatch re: PO {po_no(r)} - 14 dry shippers")[0]
def HC_replyto(r):
    t = staff(r, ""); m, o, s = hmsg(r, "pace", "Holiday schedule"); m["Reply-To"] = Address(display_name=f"{t.plain()} - Payroll x{r.randint(2000, 5999)}", addr_spec=mailbox(t, o.dom)); return m
def HC_x_po(r): m, o, s = hmsg(r, "plasma", "Order confirmation"); m["X-PO-Number"] = f"{po_no(r)}; ACD-A 500 mL lot {lot(r)}; exp {fd(soon(r, 200, 500), 'iso')}"; return m
def HC_x_ticket(r): m, o, s = hmsg(r, "air", "Ticket update"); m["X-Ticket"] = f"INC{digits(r, 7)} | Toughbook {o.initials()}-TB-{digits(r, 3)} | tech {staff(r, '').plain()}"; return m
def HC_thread(r): m, o, s = hmsg(r, "litho", "Re: service"); m["Thread-Topic"] = f"Truck 2 Dornier s/n {serial(r, 'D3')} therapy head replacement"; return m
def HC_keywords(r): m, o, s = hmsg(r, "travel", "Vaccine order"); m["Keywords"] = f"Stamaril, lot {lot(r)}, Ixiaro, lot {lot(r)}, cold chain"; return m
def HC_comments(r): m, o, s = hmsg(r, "htc", "Camp"); m["Comments"] = f"RSVP from {staff(r, '').plain()} - family of 4, arriving {fd(soon(r, 150, 170), 'mdy')}"; return m
def HC_subj_es(r): return hmsg(r, "pace", f"Reunión de personal {fd(soon(r, 2, 9), 'dmy')} - sala B")[0]
def HC_bday(r): t = staff(r, ""); return hmsg(r, "athletic", f"{t.given} {t.family} turns 40 on {fd(soon(r, 1, 9), 'm/d/yyyy')}! cake at 3")[0]
def HC_training(r): return hmsg(r, "hiv", "HIPAA module: example SSN 078-05-1120 / MBI 1EG4-TE5-MK73 - do not use real data")[0]
def HC_x_grant(r): m, o, s = hmsg(r, "hiv", "RSR submitted"); m["X-Report-Batch"] = f"RSR {TODAY.year} - {r.randint(600, 900)} client records (encrypted eUCI) - confirmation {digits(r, 9)}"; return m
def HC_subj_form(r): return hmsg(r, "athletic", f"fwd: PPE form rev {fd(past(r, 20, 60), 'm/d/yy')} - date of birth box moved to page 1")[0]
def HC_x_fax(r): m, o, s = hmsg(r, "pain", "Fax sent"); m["X-Fax-Subject"] = f"PO {po_no(r)} confirmation - fluoroscopy drapes (REF {digits(r, 6)})"; return m
def HC_caps_cred(r): d = doc_md(r); return hmsg(r, "air", f"CREDENTIALING: {d.caps()} NPI {npi(r)} - MEDICAL DIRECTOR APPOINTMENT")[0]
def HC_x_fleet(r): m, o, s = hmsg(r, "pdn", "Policy"); m["X-Policy-Ref"] = f"FleetGuard CA-{digits(r, 7)}; VIN 1FM{digits(r, 6)}{letters(r, 2)}{digits(r, 6)}; driver {staff(r, '').plain()}"; return m
def HC_from_staff(r): t = staff(r, "MDiv"); return hmsg(r, "chaplain", "Blue Christmas service", from_name=f"{t.lf()} (Chaplain, pager {r.randint(4000, 4999)})")[0]
HDR_CLEAN = [HC_caps, HC_to_emp, HC_cc_vendor, HC_from_vendor, HC_replyto, HC_x_po, HC_x_ticket, HC_thread, HC_keywords, HC_comments, HC_subj_es, HC_bday, HC_training, HC_x_grant,
             HC_subj_form, HC_x_fax, HC_caps_cred, HC_x_fleet, HC_from_staff]

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
        self.k += 1; stem = f"b19x{self.k:04d}"; src = os.path.join(self.tmp, kind, "src", f"{stem}.{ext}")
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
    return r.choice([f"{stem}.{ext}", f"{stem}_{TODAY:%Y%m%d}.{ext}", f"{doc.o.initials()}_{stem}.{ext}", f"Scan_{TODAY:%m%d%Y}_{digits(r, 5)}.{ext}", f"{stem.lower()}_{TODAY:%m%d}.{ext}",
                     f"document{digits(r, 4)}.{ext}", f"{doc.o.initials()}-{digits(r, 5)}.{ext}", f"{stem} {TODAY:%Y-%m-%d}.{ext}"])
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
        part.set_boundary(f"=_b19_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b19-"); jobs = LOJobs(tmp); made = []; rows = []
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
    print(f"wrote {len(rows)} batch-19 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
