#!/usr/bin/python3
"""Blind DLP test corpus, batch 4: writes b4-0001.eml ... b4-0456.eml and appends their rows to manifest.tsv.

A fourth hand, same BRIEF.md.  README, most of generate_b3.py, generate.py's plumbing helpers, verify.py, the manifest
and two earlier messages were read (generate_b2.py was not) only to learn the producer plumbing and what earlier
batches already did, so this batch could use other
document kinds, phrasings, layouts, name/date/identifier shapes and mail shapes.  Only producer plumbing is
imported from generate.py (OOXML zip timestamps, zip writing, split rule, latin-1 folding, SMTP policy).

    /usr/bin/python3 generate_b4.py   # removes old b4-*.eml and b4 manifest rows, then writes/appends them

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries from the file name.
"""
import csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, SMTP   # producer plumbing only (no content)

SEED = 20261201
R = random.Random(SEED)
PREFIX = "b4-"
FONTDIR = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
TODAY = D(2026, 11, 30)

# ------------------------------------------------------------------ name pools (by community)
POOLS = {
    "viet":  (["Lan", "Huong", "Thuy", "Ngoc Anh", "Kim Chi", "Phuong"], ["Minh", "Duc", "Quang", "Tuan", "Hieu", "Bao Long"],
              ["Tran", "Le", "Pham", "Huynh", "Vo", "Dang", "Bui", "Nguyen"]),
    "fil":   (["Ma. Cristina", "Rowena", "Marivic", "Jocelyn", "Lourdes", "Mary Grace"], ["Rodel", "Ferdinand", "Arnel", "Reynante", "Bienvenido", "Jun"],
              ["dela Peña", "Dimaculangan", "Macaraeg", "Villanueva", "Bautista", "de Guzman", "Panganiban"]),
    "hait":  (["Mirlande", "Guerline", "Nadège", "Widline", "Roseline"], ["Jean-Robert", "Wilner", "Fritznel", "Jean Claude", "Dieuseul"],
              ["Saint-Fleur", "Pierre-Louis", "Jean-Baptiste", "Desrosiers", "Théodore", "Dorvil"]),
    "slav":  (["Oksana", "Svetlana", "Yelena", "Natalya", "Halyna"], ["Volodymyr", "Dmitriy", "Oleksandr", "Sergei", "Bohdan"],
              ["Kovalenko", "Shevchuk", "Tkachuk", "Melnyk", "Hrytsenko", "Zaitsev"]),
    "arab":  (["Rania", "Yasmeen", "Noor", "Layla", "Hiba"], ["Khalil", "Tariq", "Omar", "Bassam", "Ziad"],
              ["Abu-Ghazaleh", "El-Amin", "Haddad", "Nassar", "Al-Khatib", "Shalhoub"]),
    "kor":   (["Ji-woo", "Eun-ji", "Soo-min", "Hye-jin"], ["Min-jun", "Jae-hyun", "Sung-ho", "Dong-hyun"], ["Kim", "Park", "Choi", "Jeong", "Yoon", "Han"]),
    "sasian": (["Lakshmi", "Priyanka", "Meenakshi", "Harpreet", "Anjali"], ["Venkatesh", "Rajinder", "Arjun", "Sandeep", "Gurpreet"],
               ["Venkataraman", "Raghunathan", "Sandhu", "Chaudhary", "Iyer", "Subramanian", "Grewal"]),
    "luso":  (["Conceição", "Fátima", "Graça", "Lurdes"], ["João Paulo", "Manuel", "Adelino", "Zeferino"], ["Medeiros", "Furtado", "Tavares", "Pacheco", "da Luz", "Rezendes"]),
    "irish": (["Maureen", "Colleen", "Bridget", "Noreen", "Siobhán"], ["Dermot", "Declan", "Francis", "Cathal", "Eamon"],
              ["Fitzgerald", "Mulcahy", "Flaherty", "Donoghue", "Kavanagh", "Ó Súilleabháin"]),
    "cajun": (["Clothilde", "Marie-Claire", "Ida Mae", "Odile"], ["Alcide", "Thibault", "Beau", "Lucien", "Ulysse"],
              ["Boudreaux", "Thibodeaux", "Fontenot", "LeBlanc", "Guidry", "Arceneaux"]),
    "pac":   (["Malia", "Seini", "Losana", "Mele"], ["Sione", "Tevita", "Iosefa", "Pita"], ["Fa'asavalu", "Tuipulotu", "Taufa", "Leota", "Fonoti"]),
    "eth":   (["Tigist", "Selamawit", "Meron", "Hiwot"], ["Dawit", "Yonas", "Tesfaye", "Bereket"], ["Gebremedhin", "Haile", "Wolde", "Abebe", "Tadesse"]),
    "pr":    (["Yaritza", "Nilda", "Maritza", "Yesenia", "Zuleika", "Ángela"], ["Wilfredo", "Radamés", "Jeancarlos", "Heriberto", "Efraín"],
              ["Rivera Colón", "Santiago Ortiz", "Cruz Maldonado", "Figueroa", "Quiñones Báez", "Peña Almonte", "Ocasio", "Muñiz"]),
    "misc":  (["Anneke", "Siranush", "Hasmik", "Greetje"], ["Pieter", "Garabed", "Hagop", "Joost"], ["ter Horst", "Vander Meulen", "Hovsepian", "Kalajian", "Ter-Petrosyan", "Van Dyke"]),
    "south": (["Earlene", "Shaquana", "Peggy Sue", "Jo Ann", "Kimberly", "Wanda", "LaShonda"], ["Jimmie", "Cornelius", "Tyrone", "Billy Ray", "Harlan", "Delmar"],
              ["Washington", "Pruitt", "Satterfield", "Cobb", "Winfrey", "Grimes", "Dukes", "McClanahan", "Fairley"]),
}
POOL_W = {"south": 4, "pr": 3, "irish": 2, "viet": 2, "fil": 2, "sasian": 2, "cajun": 2, "hait": 1, "slav": 1, "arab": 1, "kor": 1, "luso": 1, "pac": 1, "eth": 1, "misc": 1}
SUFFIXES = ["Jr", "Jr.", "Sr", "III", "II", "IV"]
PLACES = [("Bangor", "ME", "044", "207"), ("Tupelo", "MS", "388", "662"), ("Yakima", "WA", "989", "509"), ("Dubuque", "IA", "520", "563"),
          ("Pueblo", "CO", "810", "719"), ("Sioux Falls", "SD", "571", "605"), ("Beaumont", "TX", "777", "409"), ("Erie", "PA", "165", "814"),
          ("Lowell", "MA", "018", "978"), ("Fayetteville", "AR", "727", "479"), ("Bend", "OR", "977", "541"), ("Chico", "CA", "959", "530"),
          ("Burlington", "VT", "054", "802"), ("Rapid City", "SD", "577", "605"), ("Kenosha", "WI", "531", "262"), ("Hattiesburg", "MS", "394", "601"),
          ("Terre Haute", "IN", "478", "812"), ("Cheyenne", "WY", "820", "307"), ("Paterson", "NJ", "075", "973"), ("Houma", "LA", "703", "985"),
          ("Fall River", "MA", "027", "508"), ("Brockton", "MA", "023", "508"), ("Wahiawa", "HI", "967", "808")]
STREETS = ["Quarry Hill Rd", "Tanglewood Dr", "Bayou Black Dr", "N 3rd Ave", "Chestnut Hollow Ln", "Ridgecrest Ct", "Fenwick St", "County Rd 1140",
           "Portage Ave", "Sandpiper Way", "W Cheyenne Pkwy", "Shawmut Ave", "Acushnet Ave", "Union St", "Cypress Bend", "Hwy 45 N",
           "Dogwood Trce", "E Irving St", "Ke Ala Hele St", "Marston Ave"]
UNITS = ["", "", "", "", "Apt 4", "Unit B", "# 12", "Apt 307", "Fl 2", "Lot 41", "Trlr 6"]
MAILDOM = ["gmail.com", "yahoo.com", "hotmail.com", "comcast.net", "icloud.com", "att.net", "verizon.net", "protonmail.com", "sbcglobal.net"]

def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def plain_ascii(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

# ------------------------------------------------------------------ identifiers
def npi_luhn(nine):
    tot = 0
    for i, ch in enumerate(reversed("80840" + nine)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2; v -= 9 if v > 9 else 0
        tot += v
    return nine + str((10 - tot % 10) % 10)
def npi(r): return npi_luhn(r.choice("12") + dg(r, 8))
SSN_SAMPLES = {"123-45-6789", "078-05-1120", "219-09-9999", "457-55-5462"}
def ssn(r):
    while True:
        a = r.choice([r.randint(1, 665), r.randint(667, 899)])
        v = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if v not in SSN_SAMPLES: return v
def ssn_show(r, v): return r.choice([v, v, v, v.replace("-", " "), v.replace("-", ""), "XXX-XX-" + v[-4:]])
MBI_AL = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r):
    while True:
        n = "0123456789"
        v = (r.choice("123456789") + r.choice(MBI_AL) + r.choice(MBI_AL + n) + r.choice(n) + r.choice(MBI_AL) + r.choice(MBI_AL + n) + r.choice(n)
             + r.choice(MBI_AL) + r.choice(MBI_AL) + r.choice(n) + r.choice(n))
        if v != "1EG4TE5MK73": return v
def mbi_show(r, v): return r.choice([v, f"{v[:4]}-{v[4:7]}-{v[7:]}", v, f"{v[:4]} {v[4:7]} {v[7:]}"])
def mrn(r): return r.choice([lambda: "Z" + dg(r, 7), lambda: "H000" + dg(r, 6), lambda: f"{dg(r, 2)}-{dg(r, 3)}-{dg(r, 2)}-{dg(r, 1)}",
                             lambda: "MR" + dg(r, 8), lambda: "0" + dg(r, 8), lambda: "CHN" + dg(r, 9), lambda: dg(r, 6), lambda: f"PB{dg(r, 7)}"])()
def member(r): return r.choice([lambda: "JQX" + dg(r, 9), lambda: f"YHB {dg(r, 9)}", lambda: f"MBR-{dg(r, 4)}-{dg(r, 4)}", lambda: "N" + dg(r, 8) + "-00",
                                lambda: dg(r, 11), lambda: "OHP" + dg(r, 8) + r.choice("AB"), lambda: f"{r.choice('RKT')}{dg(r, 3)} {dg(r, 3)} {dg(r, 3)}"])()
def medicaid(r): return r.choice([lambda: r.choice("ABCDEGHJKLMNPRSTW") + r.choice("ABCDEGHJKLMNPRSTW") + dg(r, 5) + r.choice("ABCDEGHJKLMNPRSTW"),
                                  lambda: dg(r, 12), lambda: "1" + dg(r, 9) + "99"])()
def acct(r): return r.choice([lambda: "HAR " + dg(r, 10), lambda: f"{dg(r, 2)}-{dg(r, 4)}-{dg(r, 1)}", lambda: "GUAR" + dg(r, 7), lambda: "PB" + dg(r, 9), lambda: dg(r, 8)])()
def claimno(r): return r.choice([lambda: "DCN " + dg(r, 11), lambda: "TCN " + "2026" + dg(r, 12), lambda: f"CLM{dg(r, 2)}-{dg(r, 7)}", lambda: dg(r, 14)])()
def fin(r): return r.choice([f"FIN {dg(r, 2)}-{dg(r, 7)}", f"Visit# V{dg(r, 11)}", f"CSN {dg(r, 10)}", f"Enc {dg(r, 9)}"])
def accession(r): return r.choice([f"{r.choice(['SP', 'CP', 'CY', 'HE'])}26-{r.randint(1, 29999):05d}", f"26-{r.choice(['CH', 'MB', 'HM'])}-{dg(r, 6)}", "L" + dg(r, 9)])
def rxno(r): return r.choice(["Rx#" + dg(r, 7), "RX " + dg(r, 6), dg(r, 7)])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def phone(r, area):
    ex = r.randint(202, 989)
    while ex in (555, 911): ex = r.randint(202, 989)
    return r.choice([f"({area}) {ex}-{dg(r, 4)}", f"{area}-{ex}-{dg(r, 4)}", f"({area}){ex}-{dg(r, 4)}", f"{area}.{ex}.{dg(r, 4)}", f"+1 ({area}) {ex}-{dg(r, 4)}"])

# ------------------------------------------------------------------ dates
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def ordn(n): return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
DSTYLES = ["mdy", "mdy", "mdy", "m_d_yy", "iso", "mon_d_y", "d_mon_yy", "mon-d-y", "dd/MON/yyyy", "mmddyy", "mdy_dot", "long", "ordinal", "mdy_0000", "mon_d_comma"]
def fdate(d, s):
    return {"mdy": f"{d:%m/%d/%Y}", "m_d_yy": f"{d.month}/{d.day}/{d:%y}", "iso": d.isoformat(), "mon_d_y": f"{MON[d.month - 1][:3]} {d.day} {d.year}",
            "d_mon_yy": f"{d.day} {MON[d.month - 1][:3]} {d:%y}", "mon-d-y": f"{MON[d.month - 1][:3]}-{d.day:02d}-{d.year}",
            "dd/MON/yyyy": f"{d.day:02d}/{MON[d.month - 1][:3].upper()}/{d.year}", "mmddyy": f"{d:%m%d%y}", "mdy_dot": f"{d.month}.{d.day}.{d.year}",
            "long": f"{MON[d.month - 1]} {d.day}, {d.year}", "ordinal": f"{MON[d.month - 1]} {ordn(d.day)}, {d.year}", "mdy_0000": f"{d:%m/%d/%Y} 00:00",
            "mon_d_comma": f"{MON[d.month - 1][:3]}. {d.day}, {d.year}", "ymd": f"{d:%Y%m%d}", "wd": f"{WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year}",
            "wd_short": f"{WD[d.weekday()][:3]} {d.month}/{d.day}"}[s]
def fd(r, d, s=None): return fdate(d, s or r.choice(DSTYLES))
def fd_es(r, d): return r.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}-{MES[d.month - 1][:3]}-{d.year}", f"{d.day} de {MES[d.month - 1]} del {d.year}",
                                   f"{d.day}/{d.month}/{d:%y}"])
def between(r, a, b): return a + dtm.timedelta(days=r.randint(0, (b - a).days))
def recent(r): return between(r, D(2026, 7, 1), D(2026, 11, 27))
def upcoming(r): return between(r, D(2026, 12, 1), D(2027, 3, 15))
def clock(r):
    h, m = r.randint(6, 18), r.choice([0, 0, 15, 30, 45, 5, 50])
    return r.choice([f"{(h - 1) % 12 + 1}:{m:02d} {'am' if h < 12 else 'pm'}", f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d}{'A' if h < 12 else 'P'}"])

# ------------------------------------------------------------------ people
class Person:
    def __init__(self, r, lo=1, hi=94, pool=None):
        self.pool = pool or r.choices(list(POOL_W), weights=list(POOL_W.values()))[0]
        ff, mm, ll = POOLS[self.pool]
        self.sex = r.choice("FM"); self.given = r.choice(ff if self.sex == "F" else mm); self.family = r.choice(ll)
        self.middle = ""
        if self.pool == "viet": self.middle = "Thi" if self.sex == "F" else "Van"
        elif self.pool == "pr":
            if " " not in self.family and r.random() < 0.5: self.family += " " + r.choice([x for x in ll if " " not in x and x != self.family])
        elif r.random() < 0.55: self.middle = r.choice("ABCDEFGHJKLMNPRSTVW") if r.random() < 0.7 else r.choice(["Lee", "Ann", "Marie", "Wayne", "Ray", "Lynn", "Jose"])
        self.suffix = r.choice(SUFFIXES) if self.sex == "M" and self.pool in ("south", "irish", "cajun", "misc") and r.random() < 0.2 else ""
        self.dob = between(r, TODAY - dtm.timedelta(days=int(365.25 * hi)), TODAY - dtm.timedelta(days=int(365.25 * lo) + 20))
        self.age = TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
        pl = r.choice(PLACES); self.city, self.st, z3, self.area = pl; self.zip = z3 + dg(r, 2)
        self.street = f"{r.randint(3, 12999)} {r.choice(STREETS)}"; self.unit = r.choice(UNITS)
        self.phone = phone(r, self.area)
        loc = plain_ascii(r.choice([f"{self.given}{self.family}", f"{self.given[0]}.{self.family}{self.dob:%y}", f"{self.family}_{self.given}",
                                    f"{self.given}{r.randint(10, 999)}"])).lower()
        self.email = re.sub(r"[^a-z0-9._]", "", loc) + "@" + r.choice(MAILDOM)
        self.mrn = mrn(r); self.mem = member(r); self.ssn = ssn(r); self.mbi = mbi(r); self.mcd = medicaid(r); self.acct = acct(r)
    @property
    def mi(self): return self.middle[:1] if self.middle and self.pool != "viet" else ""
    def nm(self, r=None, s=None):
        s = s or (r.choice(["fl", "fl", "fl", "lf", "lfm", "LF", "LFc", "fml", "title"]) if r else "fl")
        g, f, sf = self.given, self.family, (" " + self.suffix if self.suffix else "")
        if self.pool == "viet" and s in ("fml", "native"): return f"{f} {self.middle} {g}"
        if s == "fl": return f"{g} {f}{sf}"
        if s == "fml": return f"{g} {self.middle + ' ' if self.middle and len(self.middle) > 1 else (self.middle + '. ' if self.middle else '')}{f}{sf}"
        if s == "lf": return f"{f}{sf}, {g}"
        if s == "lfm": return f"{f}{sf}, {g} {self.mi}".rstrip() if self.mi else f"{f}{sf}, {g}"
        if s == "LF": return f"{f.upper()}{sf.upper()}, {g.upper()}"
        if s == "LFc": return f"{f.upper()},{g.upper()}" + (f" {self.mi}" if self.mi else "")
        if s == "LFsp": return f"{f.upper()} {g.upper()}"
        if s == "slash": return f"{f}/{g}"
        if s == "hl7": return f"{plain_ascii(f).upper()}^{plain_ascii(g).upper()}^{self.mi}" + (f"^{self.suffix.upper().rstrip('.')}" if self.suffix else "")
        if s == "title": return f"{'Mr.' if self.sex == 'M' else 'Ms.'} {f}"
        if s == "first": return g
        if s == "init": return f"{g[0]}.{(self.mi + '.') if self.mi else ''}{f[0]}."
        return f"{g} {f}"
    def line1(self): return f"{self.street}{(' ' + self.unit) if self.unit else ''}"
    def addr(self): return f"{self.line1()}, {self.city}, {self.st} {self.zip}"
    def dob_s(self, r, s=None):
        v = fd(r, self.dob, s)
        return r.choice([v, v, v, f"{v} ({self.age} y.o.)", f"{v} - {self.age}{self.sex}"]) if s is None else v

def staffer(r): return Person(r, 23, 66)
CREDS = ["MD", "DO", "MD", "NP-C", "PA-C", "MD, FACS", "DO, FAAFP", "FNP-BC", "MD, MPH", "DDS", "PsyD", "LCSW"]
def clinician(r, cred=None):
    p = Person(r, 30, 70); p.npi = npi(r); p.cred = cred or r.choice(CREDS[:9]); return p
def dr(r, p): return r.choice([f"Dr. {p.family}", f"{p.given} {p.family}, {p.cred}", f"{p.family}, {p.given} ({p.cred})", f"{p.given[0]}. {p.family}, {p.cred}"])

class Org:
    def __init__(self, name, short, dom, kind, city):
        self.name, self.short, self.dom, self.kind = name, short, dom, kind
        pl = [p for p in PLACES if p[0] == city][0]; self.city, self.st, z3, self.area = pl
        rr = random.Random("b4org:" + name)
        self.zip = z3 + dg(rr, 2); self.street = f"{rr.randint(10, 2999)} {rr.choice(['Medical Center Dr', 'Wellness Blvd', 'Professional Park', 'State St', 'Riverfront Plz', 'Ste 200, 1 Main St'])}"
        self.phone = phone(rr, self.area); self.fax = phone(rr, self.area); self.npi = npi(rr); self.tin = f"{rr.choice(['01', '64', '74', '84', '20', '46', '93'])}-{dg(rr, 7)}"
    def addr(self): return f"{self.street}, {self.city}, {self.st} {self.zip}"
ORGS = [Org(*x) for x in [
    ("Penobscot Bay General Hospital", "PBGH", "pbgh.org", "hospital", "Bangor"),
    ("Natchez Trace Women's Clinic", "NTWC", "natcheztracewomens.com", "clinic", "Tupelo"),
    ("Yakima Orchard Health Partners", "YOHP", "yakimaorchardhealth.org", "fqhc", "Yakima"),
    ("Driftless Area Orthopaedics", "DAO", "driftlessortho.com", "clinic", "Dubuque"),
    ("Sangre de Cristo Behavioral Health", "SdCBH", "sdcbh.org", "behavioral", "Pueblo"),
    ("Big Sioux Reference Laboratory", "BSRL", "bigsiouxlab.com", "lab", "Sioux Falls"),
    ("Neches River Imaging", "NRI", "nechesimaging.com", "imaging", "Beaumont"),
    ("Presque Isle Apothecary & Infusion", "PIAI", "presqueislerx.com", "pharmacy", "Erie"),
    ("Merrimack Valley Pediatric Dental", "MVPD", "mvpdental.com", "dental", "Lowell"),
    ("Ozark Highlands Health Plan", "OHHP", "ozarkhighlandsplan.com", "payer", "Fayetteville"),
    ("Cascade Crest Home Medical", "CCHM", "cascadecresthme.com", "dme", "Bend"),
    ("Butte Creek Revenue Services", "BCRS", "buttecreekrcm.com", "billing", "Chico"),
    ("Green Mountain Home Health & Hospice", "GMHH", "gmhomehealth.org", "homehealth", "Burlington"),
    ("Black Hills Occupational Medicine", "BHOM", "bhoccmed.com", "occmed", "Rapid City"),
    ("Lakeshore Kidney Center", "LKC", "lakeshorekidney.com", "dialysis", "Kenosha"),
    ("Pine Belt Community Hospital", "PBCH", "pinebelthospital.org", "hospital", "Hattiesburg"),
    ("Wabash Community Health Plan", "WCHP", "wabashchp.com", "payer", "Terre Haute"),
    ("Laramie Range Urgent Care", "LRUC", "laramierangeuc.com", "clinic", "Cheyenne"),
    ("Passaic Falls Family Health Center", "PFFHC", "passaicfallsfhc.org", "fqhc", "Paterson"),
    ("Terrebonne Pediatrics & Family Care", "TPFC", "terrebonnepeds.com", "clinic", "Houma"),
    ("SouthCoast Pharmacy Services", "SCPS", "southcoastrx.com", "pharmacy", "Fall River"),
]]
VENDORS = [Org(*x) for x in [
    ("Hollis & Tate Surgical Supply", "H&T", "hollistate.com", "vendor", "Brockton"), ("NorthStar Biomedical Services", "NSBS", "northstarbiomed.com", "vendor", "Sioux Falls"),
    ("Quillfeather Clinical Staffing", "QCS", "quillfeatherstaff.com", "vendor", "Erie"), ("Bramble Linen & Uniform", "BLU", "bramblelinen.com", "vendor", "Tupelo"),
    ("Keystone EDI Exchange", "KEX", "keystoneedi.net", "vendor", "Erie"), ("Tessellate EHR Consulting", "TEC", "tessellate-ehr.com", "vendor", "Bend"),
    ("Saxon Pharma Distribution", "SPD", "saxonpharma.com", "vendor", "Paterson")]]
def org(r, kinds=None):
    c = [o for o in ORGS if not kinds or o.kind in kinds]; return r.choice(c)

# ------------------------------------------------------------------ clinical vocabulary (real code sets)
ICD = [("E78.5", "Hyperlipidemia, unspecified"), ("E03.9", "Hypothyroidism, unspecified"), ("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease"),
       ("E11.42", "Type 2 diabetes mellitus with diabetic polyneuropathy"), ("I48.0", "Paroxysmal atrial fibrillation"), ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"),
       ("I26.99", "Other pulmonary embolism without acute cor pulmonale"), ("J18.9", "Pneumonia, unspecified organism"), ("J96.01", "Acute respiratory failure with hypoxia"),
       ("K35.80", "Unspecified acute appendicitis"), ("K70.30", "Alcoholic cirrhosis of liver without ascites"), ("K85.90", "Acute pancreatitis without necrosis or infection, unspecified"),
       ("N17.9", "Acute kidney failure, unspecified"), ("N20.0", "Calculus of kidney"), ("M81.0", "Age-related osteoporosis without current pathological fracture"),
       ("M47.816", "Spondylosis without myelopathy or radiculopathy, lumbar region"), ("M75.121", "Complete rotator cuff tear or rupture of right shoulder, not specified as traumatic"),
       ("G20.A1", "Parkinson's disease without dyskinesia, without mention of fluctuations"), ("G43.909", "Migraine, unspecified, not intractable, without status migrainosus"),
       ("F31.81", "Bipolar II disorder"), ("F43.10", "Post-traumatic stress disorder, unspecified"), ("F41.0", "Panic disorder [episodic paroxysmal anxiety]"),
       ("F12.20", "Cannabis dependence, uncomplicated"), ("F17.210", "Nicotine dependence, cigarettes, uncomplicated"), ("C25.0", "Malignant neoplasm of head of pancreas"),
       ("C43.4", "Malignant melanoma of scalp and neck"), ("C91.10", "Chronic lymphocytic leukemia of B-cell type not having achieved remission"),
       ("C67.9", "Malignant neoplasm of bladder, unspecified"), ("C73", "Malignant neoplasm of thyroid gland"), ("D69.6", "Thrombocytopenia, unspecified"),
       ("O09.522", "Supervision of elderly multigravida, second trimester"), ("O13.3", "Gestational [pregnancy-induced] hypertension without significant proteinuria, third trimester"),
       ("Z51.11", "Encounter for antineoplastic chemotherapy"), ("Z21", "Asymptomatic human immunodeficiency virus [HIV] infection status"), ("B18.2", "Chronic viral hepatitis C"),
       ("A15.0", "Tuberculosis of lung"), ("A53.9", "Syphilis, unspecified"), ("R56.9", "Unspecified convulsions"), ("S06.0X1A", "Concussion with loss of consciousness of 30 minutes or less, initial encounter"),
       ("T40.2X1A", "Poisoning by other opioids, accidental (unintentional), initial encounter"), ("L40.0", "Psoriasis vulgaris"), ("H25.11", "Age-related nuclear cataract, right eye"),
       ("G30.1", "Alzheimer's disease with late onset"), ("D57.1", "Sickle-cell disease without crisis"), ("E55.9", "Vitamin D deficiency, unspecified"),
       ("I50.22", "Chronic systolic (congestive) heart failure"), ("J44.9", "Chronic obstructive pulmonary disease, unspecified"), ("M17.0", "Bilateral primary osteoarthritis of knee"),
       ("N18.6", "End stage renal disease"), ("K51.90", "Ulcerative colitis, unspecified, without complications"), ("E11.9", "Type 2 diabetes mellitus without complications"),
       ("I10", "Essential (primary) hypertension"), ("J45.40", "Moderate persistent asthma, uncomplicated"), ("F32.A", "Depression, unspecified")]
BH_DX = [("F31.81", "Bipolar II disorder"), ("F43.10", "PTSD, unspecified"), ("F41.0", "Panic disorder"), ("F33.2", "Major depressive disorder, recurrent severe without psychotic features"),
         ("F10.20", "Alcohol dependence, uncomplicated"), ("F11.20", "Opioid dependence, uncomplicated"), ("F42.2", "Mixed obsessional thoughts and acts"), ("F90.2", "ADHD, combined type")]
PEDS_DX = [("J45.20", "Mild intermittent asthma, uncomplicated"), ("H65.91", "Unspecified nonsuppurative otitis media, right ear"), ("F80.1", "Expressive language disorder"),
           ("E66.9", "Obesity, unspecified"), ("L20.84", "Intrinsic (allergic) eczema"), ("K59.00", "Constipation, unspecified"), ("F84.0", "Autistic disorder")]
CPT = [("99204", "New patient office visit, moderate MDM"), ("99215", "Established patient office visit, high MDM"), ("93306", "Transthoracic echocardiogram, complete, with Doppler"),
       ("45378", "Colonoscopy, diagnostic"), ("43239", "EGD with biopsy, single or multiple"), ("29881", "Knee arthroscopy with meniscectomy, medial OR lateral"),
       ("74177", "CT abdomen and pelvis with contrast"), ("77067", "Screening mammography, bilateral, incl. CAD"), ("70450", "CT head/brain without contrast"),
       ("72141", "MRI cervical spine without contrast"), ("93000", "Electrocardiogram, routine, with interpretation"), ("90837", "Psychotherapy, 60 minutes"),
       ("97110", "Therapeutic exercises, each 15 minutes"), ("27130", "Total hip arthroplasty"), ("63030", "Laminotomy, single interspace, lumbar"), ("95811", "Polysomnography with CPAP titration")]
HCPCS = [("E0601", "Continuous positive airway pressure (CPAP) device"), ("E0260", "Hospital bed, semi-electric, with any type side rails, with mattress"),
         ("K0001", "Standard wheelchair"), ("E1390", "Oxygen concentrator, single delivery port"), ("E0143", "Walker, folding, wheeled, adjustable or fixed height"),
         ("J1745", "Injection, infliximab, excludes biosimilar, 10 mg"), ("J9271", "Injection, pembrolizumab, 1 mg"), ("J0897", "Injection, denosumab, 1 mg"),
         ("E0784", "External ambulatory infusion pump, insulin"), ("A4253", "Blood glucose test strips, per 50")]
CDT = [("D0150", "Comprehensive oral evaluation"), ("D0210", "Intraoral complete series of radiographic images"), ("D1110", "Prophylaxis - adult"), ("D1120", "Prophylaxis - child"),
       ("D2391", "Resin-based composite, one surface, posterior"), ("D2740", "Crown - porcelain/ceramic"), ("D3330", "Endodontic therapy, molar tooth"),
       ("D4341", "Periodontal scaling and root planing, four or more teeth per quadrant"), ("D7140", "Extraction, erupted tooth or exposed root"), ("D1351", "Sealant - per tooth"),
       ("D7210", "Extraction, erupted tooth requiring removal of bone and/or sectioning of tooth")]
DRUGS = ["apixaban 5 mg tab", "empagliflozin 10 mg tab", "sertraline 100 mg tab", "quetiapine 200 mg tab", "buprenorphine-naloxone 8-2 mg film", "insulin glargine 100 unit/mL pen",
         "semaglutide 1 mg/0.5 mL pen", "levetiracetam 500 mg tab", "carvedilol 12.5 mg tab", "tamsulosin 0.4 mg cap", "adalimumab 40 mg/0.4 mL pen", "lithium carbonate 300 mg cap",
         "hydroxychloroquine 200 mg tab", "montelukast 10 mg tab", "furosemide 40 mg tab", "tiotropium 18 mcg inhal cap", "methotrexate 2.5 mg tab", "bictegravir/emtricitabine/tenofovir AF tab",
         "naltrexone ER 380 mg inj", "oxycodone 5 mg tab", "lamotrigine 150 mg tab", "rosuvastatin 20 mg tab", "spironolactone 25 mg tab", "prednisone 10 mg tab"]
SIG = ["1 tab PO daily", "1 PO BID", "take 1 by mouth at bedtime", "inject 0.5 mL subcut weekly", "1 PO q12h", "2 puffs BID", "1 PO TID with meals", "dissolve 1 film SL daily",
       "1 tab PO daily x 5 days then stop", "per sliding scale", "1 PO qAM"]
LABS = [("Hemoglobin A1c", "4548-4", "%", (4.0, 5.6), (5.0, 12.5), 1), ("Glucose, fasting", "1558-6", "mg/dL", (70, 99), (61, 290), 0), ("Creatinine", "2160-0", "mg/dL", (0.6, 1.3), (0.5, 6.2), 2),
        ("eGFR (CKD-EPI 2021)", "98979-8", "mL/min/1.73m2", (60, 200), (9, 118), 0), ("Potassium", "2823-3", "mmol/L", (3.5, 5.1), (2.8, 6.7), 1), ("Sodium", "2951-2", "mmol/L", (136, 145), (121, 150), 0),
        ("Hemoglobin", "718-7", "g/dL", (12.0, 17.5), (6.1, 17.9), 1), ("WBC", "6690-2", "K/uL", (4.0, 11.0), (1.2, 24.0), 1), ("Platelets", "777-3", "K/uL", (150, 400), (38, 610), 0),
        ("TSH", "3016-3", "uIU/mL", (0.45, 4.5), (0.01, 48.0), 2), ("LDL cholesterol, calc", "13457-7", "mg/dL", (0, 99), (48, 231), 0), ("ALT", "1742-6", "U/L", (7, 56), (9, 412), 0),
        ("INR", "6301-6", "", (0.8, 1.2), (0.9, 5.8), 1), ("Troponin I, high sensitivity", "89579-7", "ng/L", (0, 34), (2, 2400), 0), ("NT-proBNP", "33762-6", "pg/mL", (0, 125), (40, 18000), 0),
        ("PSA, total", "2857-1", "ng/mL", (0, 4.0), (0.2, 38.0), 2), ("Vitamin D, 25-OH", "62292-8", "ng/mL", (30, 100), (6, 71), 0), ("Ferritin", "2276-4", "ng/mL", (24, 336), (4, 1800), 0)]
def lab_val(r, lab):
    name, loinc, unit, (lo, hi), (a, b), nd = lab
    v = round(r.uniform(a, b), nd); v = int(v) if nd == 0 else v
    flag = "H" if v > hi else "L" if v < lo else ""
    if flag and (v > hi * 2.2 or (lo and v < lo * 0.6)): flag += "H" if flag == "H" else "L"
    rng = f"{lo}-{hi}" if lo else f"<{hi}"
    return name, loinc, str(v), unit, rng, flag
VACC = [("90700", "DTaP", "Daptacel"), ("90713", "IPV", "IPOL"), ("90707", "MMR", "M-M-R II"), ("90716", "Varicella", "Varivax"), ("90744", "Hep B, peds", "Engerix-B"),
        ("90670", "PCV13", "Prevnar 13"), ("90651", "HPV9", "Gardasil 9"), ("90715", "Tdap", "Boostrix"), ("90734", "MenACWY", "Menveo"), ("90686", "Influenza IIV4, PF", "Fluarix"),
        ("90648", "Hib (PRP-T)", "ActHIB"), ("90633", "Hep A, peds", "Havrix")]
CARC = [("CO-16", "Claim lacks information needed for adjudication"), ("CO-97", "Payment included in allowance for another service"), ("CO-50", "Not medically necessary"),
        ("CO-197", "Precertification/authorization absent"), ("CO-29", "Time limit for filing has expired"), ("PR-1", "Deductible amount"), ("PR-2", "Coinsurance amount"),
        ("CO-45", "Charge exceeds fee schedule"), ("OA-23", "Impact of prior payer adjudication"), ("CO-4", "Modifier inconsistent with procedure code")]
PAYERS = ["Ozark Highlands Health Plan", "Wabash Community Health Plan", "Medicare Part B (J15)", "Tricare East", "Anthem BCBS", "Aetna Better Health",
          "UnitedHealthcare Community Plan", "Humana Gold Plus HMO", "Cigna Open Access Plus", "Medicaid FFS", "CareSource Marketplace", "Highmark BCBS"]
UNITS_H = ["4 West Med/Surg", "3N Tele", "MICU", "5 South Ortho", "L&D", "Peds 2", "BHU (locked)", "Rehab 6", "CVICU", "Obs Unit"]

# ------------------------------------------------------------------ document model
class Doc:
    """parts: ("H", heading) ("P", paragraph) ("KV", [(label, value)]) ("T", header, rows) ("M", monospace) ("S", small print)
    ("L", [bullets]) ("A", [address lines]) - rows may hold datetime.date objects (real date cells in xlsx)"""
    def __init__(self, cat, title, parts, o=None, ds="mdy", kind="doc", spanish=False):
        self.cat, self.title, self.parts, self.o, self.ds, self.kind, self.es = cat, title, parts, o, ds, kind, spanish
    def table(self):
        return next((p for p in self.parts if p[0] == "T"), None)
    def cut(self, n):
        return Doc(self.cat, self.title, [(p[0], p[1], p[2][:n]) if p[0] == "T" else p for p in self.parts], self.o, self.ds, self.kind, self.es)
def cell(v, ds):
    if isinstance(v, dtm.datetime): return f"{v:%m/%d/%Y %H:%M}"
    if isinstance(v, D): return fdate(v, ds)
    if isinstance(v, float): return f"{v:,.2f}"
    return str(v)
def money(x): return f"${x:,.2f}"

# ================================================================== PHI documents
L_MRN = ["MRN", "MR#", "Med Rec No.", "Medical Record #", "Chart #", "Pt ID", "Unit No.", "EMPI", "Hosp #", "Patient ID"]
L_DOB = ["DOB", "D.O.B.", "Birth Date", "Date of Birth", "Birthdate", "BD", "DOB/Age"]
L_MEM = ["Member ID", "Mbr #", "ID No.", "Subscriber #", "Insured ID", "Cert #", "Member Number", "Health Plan ID"]
def lb(r, pool): return r.choice(pool)

def T_result_letter(r):
    p = Person(r, 18, 90); o = org(r, {"clinic", "fqhc", "hospital"}); c = clinician(r); d = recent(r)
    labs = [lab_val(r, x) for x in r.sample(LABS, r.randint(2, 4))]
    ab = [x for x in labs if x[5]]
    msg = (f"We received the results of the blood work you had drawn on {fd(r, d, 'long')}. " +
           (f"Most values were in the expected range, but your {ab[0][0].split(',')[0]} was {ab[0][2]} {ab[0][3]} (normal {ab[0][4]}). "
            f"{r.choice(['Please schedule a follow-up visit within two weeks so we can talk about next steps.', 'We would like to recheck this in 4-6 weeks; the front desk will call you.', 'Dr. ' + c.family + ' has adjusted your medication - see below.'])}"
            if ab else "All of your results were within normal limits. No changes are needed at this time."))
    parts = [("A", [fd(r, TODAY, r.choice(["long", "mdy"])), "", p.nm(r, "fml").upper() if r.random() < 0.5 else p.nm(r, "fl"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"RE: Lab results   {lb(r, L_DOB)}: {p.dob_s(r, 'mdy')}   Acct: {p.acct}"),
             ("P", f"Dear {p.nm(r, 'title')},"), ("P", msg),
             ("T", ["Test", "Your result", "Units", "Normal range", "Flag"], [[x[0], x[2], x[3], x[4], x[5]] for x in labs]),
             ("P", f"If you have questions call our nurse line at {o.phone}. You can also see these results in the patient portal."),
             ("P", f"Sincerely,\n\n{c.given} {c.family}, {c.cred}\n{o.name}")]
    return Doc("result-letter", "Your Test Results", parts, o, "mdy")

def T_lab_cumulative(r):
    p = Person(r, 20, 92); o = org(r, {"lab", "hospital"}); c = clinician(r); dates = sorted(recent(r) for _ in range(3))
    tests = r.sample(LABS, r.randint(4, 7)); rows = []
    for t in tests:
        vals = [lab_val(r, t) for _ in dates]
        rows.append([t[0], t[1]] + [f"{v[2]} {v[5]}".strip() for v in vals] + [f"{t[4][0]}-{t[4][1]} {t[2]}".strip()])
    parts = [("KV", [("Patient", p.nm(r, r.choice(["LFc", "lf", "LF"]))), (lb(r, L_MRN), p.mrn), (lb(r, L_DOB), p.dob_s(r)), ("Sex", p.sex),
                     ("Ordering", dr(r, c)), ("Client", f"{org(r, {'clinic', 'fqhc'}).name} #{dg(r, 5)}"), ("Accession", accession(r))]),
             ("H", "CUMULATIVE SUMMARY - CHEMISTRY/HEMATOLOGY"),
             ("T", ["Test", "LOINC"] + [fdate(x, "m_d_yy") for x in dates] + ["Ref range"], rows),
             ("S", "H/L = above/below reference interval; HH/LL = critical, phoned per policy. Performed at " + o.name + f", CLIA 4{dg(r, 1)}D{dg(r, 7)}.")]
    return Doc("lab-results", "Cumulative Lab Report", parts, o, "m_d_yy")

RAD = [("Screening mammogram, bilateral (77067)", "Scattered areas of fibroglandular density. There is a new 9 mm irregular mass in the left breast at 2 o'clock, middle depth, with indistinct margins.", "BI-RADS 0: Incomplete - need additional imaging evaluation. Diagnostic mammogram and left breast ultrasound recommended."),
       ("CT abdomen/pelvis with IV contrast (74177)", "Acute inflammation of the appendix measuring 13 mm with periappendiceal fat stranding. No abscess or free air.", "Acute uncomplicated appendicitis. Findings called to the ED physician at time of dictation."),
       ("CT head without contrast (70450)", "Small acute subdural hematoma along the right convexity measuring up to 6 mm. No midline shift.", "Acute right subdural hematoma, 6 mm. Neurosurgery notified."),
       ("MRI cervical spine without contrast (72141)", "C5-6 broad disc osteophyte complex with moderate left foraminal stenosis. Cord signal normal.", "C5-6 degenerative changes with moderate left foraminal narrowing, correlating with left C6 radiculopathy."),
       ("CT pulmonary angiogram", "Filling defects in the right lower lobe segmental and subsegmental pulmonary arteries. RV/LV ratio 0.8.", "Acute right lower lobe pulmonary emboli without CT evidence of right heart strain."),
       ("DEXA bone density", "L1-L4 T-score -2.8. Left femoral neck T-score -2.6.", "Osteoporosis by WHO criteria. FRAX 10-year major osteoporotic fracture risk 21%.")]
def T_radiology(r):
    p = Person(r, 25, 90); o = org(r, {"imaging", "hospital"}); rad = clinician(r, "MD"); ref = clinician(r); ex = r.choice(RAD); d = recent(r)
    sty = r.random() < 0.5
    kv = [("PATIENT" if sty else "Name", p.nm(r, "LF" if sty else "lf")), (lb(r, L_MRN), p.mrn), (lb(r, L_DOB), p.dob_s(r)), ("Exam date", f"{fd(r, d)} {clock(r)}"),
          ("Referring", dr(r, ref)), ("Accession", "RAD" + dg(r, 8))]
    parts = [("KV", kv), ("H", "PROCEDURE"), ("P", ex[0]), ("H", "INDICATION"), ("P", r.choice(["Follow-up.", "Pain, rule out acute process.", "Screening.", "Abnormal prior study.", "Fall on anticoagulation."])),
             ("H", "TECHNIQUE"), ("P", "Standard departmental protocol. Dose-reduction techniques used as appropriate."), ("H", "FINDINGS"), ("P", ex[1]), ("H", "IMPRESSION"), ("P", ex[2]),
             ("S", f"Electronically signed by {rad.given} {rad.family}, MD on {fd(r, d, 'mdy')} at {clock(r)}. Dictated with speech recognition; minor errors may be present.")]
    return Doc("radiology", "Diagnostic Imaging Report", parts, o)

def T_pathology(r):
    p = Person(r, 30, 88); o = org(r, {"lab", "hospital"}); path = clinician(r, "MD"); d = recent(r)
    case = r.choice([("Skin, left posterior neck, shave biopsy", "Malignant melanoma, superficial spreading type, Breslow thickness 0.9 mm, Clark level III, no ulceration. Peripheral margin involved.", "C43.4"),
                     ("Prostate, 12-core needle biopsies", "Prostatic adenocarcinoma, Gleason score 3+4=7 (Grade Group 2), involving 4 of 12 cores (max 40% of core B3).", "C61"),
                     ("Bladder, TURBT", "High-grade papillary urothelial carcinoma, non-invasive (pTa). Muscularis propria present and uninvolved.", "C67.9"),
                     ("Thyroid, right lobectomy", "Papillary thyroid carcinoma, classic type, 1.4 cm, confined to thyroid. Margins negative.", "C73"),
                     ("Colon, sigmoid, polypectomy", "Tubular adenoma with focal high-grade dysplasia. Stalk margin free of dysplasia.", "D12.5")])
    parts = [("KV", [("Patient Name", p.nm(r, r.choice(["LFc", "lfm"]))), ("Case #", accession(r).replace("CP", "SP")), (lb(r, L_DOB), p.dob_s(r, r.choice(["mdy", "iso", "dd/MON/yyyy"]))),
                     ("Sex/Age", f"{p.sex}/{p.age}"), ("Collected", fd(r, d)), ("Received", fd(r, d + dtm.timedelta(days=1))), (lb(r, L_MRN), p.mrn)]),
             ("H", "SPECIMEN"), ("P", case[0]), ("H", "FINAL DIAGNOSIS"), ("P", case[1]),
             ("H", "GROSS DESCRIPTION"), ("P", f"Received in formalin labeled with the patient's name and medical record number is a {r.choice(['tan-white', 'pink-tan', 'gray-white'])} tissue fragment measuring {r.randint(2, 14)} x {r.randint(2, 9)} x {r.randint(1, 4)} mm. Entirely submitted in cassette A1."),
             ("S", f"ICD-10-CM: {case[2]}. {path.given} {path.family}, MD - electronically signed {fd(r, d + dtm.timedelta(days=3), 'mdy')}.")]
    return Doc("pathology", "Surgical Pathology Report", parts, o)

def T_discharge(r):
    p = Person(r, 35, 95); o = org(r, {"hospital"}); att = clinician(r, "MD"); a = recent(r); los = r.randint(2, 9); dx = r.sample(ICD, 3)
    meds = r.sample(DRUGS, r.randint(3, 5))
    parts = [("KV", [("Patient", p.nm(r)), (lb(r, L_MRN), p.mrn), ("Encounter", fin(r)), (lb(r, L_DOB), p.dob_s(r)), ("Admitted", fd(r, a, "mdy")),
                     ("Discharged", fd(r, a + dtm.timedelta(days=los), "mdy")), ("Attending", dr(r, att)), ("Disposition", r.choice(["Home with home health", "SNF", "Home/self-care", "Inpatient rehab", "Home with hospice"]))]),
             ("H", "Diagnoses"), ("L", [f"{c} - {t}" for c, t in dx]),
             ("H", "Hospital course"), ("P", f"{p.age}-year-old {'woman' if p.sex == 'F' else 'man'} admitted with {dx[0][1].lower()}. " + r.choice([
                 "Treated with IV antibiotics and transitioned to oral therapy on day 3. Cultures grew pan-sensitive E. coli.",
                 "Diuresed 6.2 L with IV furosemide; weight down 5 kg. Echo EF 30%. GDMT optimized.",
                 "Required BiPAP for 36 hours, weaned to 2 L nasal cannula. Steroid taper started.",
                 "Heparin drip, transitioned to apixaban. Hemodynamically stable throughout."])),
             ("H", "Discharge medications"), ("T", ["Medication", "Instructions", "Status"], [[m, r.choice(SIG), r.choice(["NEW", "CHANGED", "CONTINUE", "CONTINUE"])] for m in meds]),
             ("P", f"Follow up with PCP within 7 days. Labs (BMP) on {fd(r, a + dtm.timedelta(days=los + 5), 'mdy')}.")]
    return Doc("discharge", "Discharge Summary", parts, o)

def T_medrec(r):
    p = Person(r, 40, 95); o = org(r, {"hospital", "clinic", "pharmacy"}); ph = staffer(r); d = recent(r)
    rows = [[m, r.choice(SIG), r.choice(["Pt report", "Pharmacy fill hx", "Pill bottles", "Daughter"]), r.choice(["Continue", "Continue", "Hold", "Discontinue", "Dose change"])] for m in r.sample(DRUGS, r.randint(5, 8))]
    parts = [("KV", [("Pt", p.nm(r, "LF")), ("DOB", p.dob_s(r)), (lb(r, L_MRN), p.mrn), ("Allergies", r.choice(["NKDA", "PCN (hives)", "Sulfa (rash); codeine (N/V)", "Iodinated contrast - anaphylaxis"])),
                     ("Source reviewed", fd(r, d)), ("Reconciled by", f"{ph.given} {ph.family}, PharmD")]),
             ("H", "Home medication list at admission"), ("T", ["Medication", "Sig", "Source", "Plan"], rows),
             ("P", r.choice(["Discrepancy: patient not taking carvedilol x 2 weeks (cost). SW referral placed.", "Duplicate therapy flagged: two statins on fill history.", "No discrepancies identified."]))]
    return Doc("med-rec", "Medication Reconciliation", parts, o)

def T_referral(r):
    p = Person(r, 2, 88); o = org(r, {"clinic", "fqhc"}); to = org(r, {"clinic", "imaging", "behavioral", "hospital"}); c = clinician(r); dx = r.choice(ICD); d = recent(r)
    spec = r.choice(["Cardiology", "GI", "Neurology", "Ortho - spine", "Hematology/Oncology", "Nephrology", "Psychiatry", "Rheumatology", "Pulmonology"])
    parts = [("KV", [("Referral date", fd(r, d)), ("Urgency", r.choice(["Routine", "Urgent (within 72 hrs)", "STAT"])), ("Refer to", f"{spec} - {to.name}")]),
             ("H", "Patient"), ("KV", [("Name", p.nm(r)), ("DOB", p.dob_s(r)), ("Phone", p.phone), ("Address", p.addr()), ("Insurance", f"{r.choice(PAYERS)}  {lb(r, L_MEM)} {p.mem}")]),
             ("H", "Reason for referral"), ("P", f"{dx[0]} {dx[1]}. " + r.choice(["Failed 3 months of conservative therapy.", "Worsening despite two medication trials.", "New finding on imaging, please evaluate.", "Patient requests second opinion."])),
             ("KV", [("Referring provider", f"{c.given} {c.family}, {c.cred}"), ("NPI", c.npi), ("Office fax", o.fax)])]
    return Doc("referral", "Outpatient Referral Order", parts, o)

def T_prior_auth(r):
    p = Person(r, 18, 85); payer = org(r, {"payer"}); o = org(r, {"clinic", "hospital", "imaging", "pharmacy"}); c = clinician(r); dx = r.choice(ICD)
    svc = r.choice(CPT[2:] + HCPCS)
    parts = [("H", "SECTION A - MEMBER"), ("KV", [("Member name", p.nm(r, "lfm")), ("Member ID", p.mem), ("Date of birth", p.dob_s(r, "mdy")), ("Group #", dg(r, 6))]),
             ("H", "SECTION B - PROVIDER"), ("KV", [("Requesting provider", f"{c.given} {c.family}"), ("NPI", c.npi), ("TIN", o.tin), ("Contact/fax", o.fax)]),
             ("H", "SECTION C - SERVICE"), ("T", ["CPT/HCPCS", "Description", "Units", "Start", "ICD-10"], [[svc[0], svc[1], r.randint(1, 12), upcoming(r), dx[0]]]),
             ("H", "SECTION D - CLINICAL"), ("P", f"Dx {dx[1]}. " + r.choice(["Conservative treatment x 8 weeks including PT and NSAIDs without improvement.", "AHI 34 on home sleep test; symptomatic daytime sleepiness (Epworth 16).",
                                                                        "Step therapy completed: methotrexate x 16 wks, inadequate response.", "Red-flag symptoms; imaging needed to rule out malignancy."])),
             ("S", f"Fax completed form to {payer.name} Utilization Management {payer.fax}. Incomplete requests will be pended.")]
    return Doc("prior-auth", f"{payer.short} Prior Authorization Request", parts, payer)

def T_dme_order(r):
    p = Person(r, 40, 92); o = org(r, {"dme"}); c = clinician(r); it = r.choice(HCPCS[:5] + HCPCS[8:]); dx = r.choice(ICD)
    parts = [("P", "Standard Written Order (SWO) - all elements required per CMS"),
             ("KV", [("Beneficiary name", p.nm(r, "fl")), ("Medicare ID (MBI)", mbi_show(r, p.mbi)), ("DOB", p.dob_s(r, "mdy")), ("Order date", fd(r, recent(r), "mdy")),
                     ("Item", f"{it[0]} {it[1]}"), ("Quantity", str(r.randint(1, 2))), ("Length of need", r.choice(["99 months (lifetime)", "12 months", "6 months"])),
                     ("Diagnosis", f"{dx[0]} {dx[1]}"), ("Treating practitioner", f"{c.given} {c.family}, {c.cred}  NPI {c.npi}"), ("Deliver to", p.addr()), ("Phone", p.phone)]),
             ("P", "Practitioner signature: ______________________   Date: __________")]
    return Doc("dme-order", "DME Standard Written Order", parts, o)

def T_immunization(r):
    p = Person(r, 1, 17); o = org(r, {"clinic", "fqhc"}); par = Person(r, 25, 50, p.pool)
    rows = []
    for v in r.sample(VACC, r.randint(5, 8)):
        for k in range(r.randint(1, 3)):
            dd = between(r, p.dob + dtm.timedelta(days=40), TODAY - dtm.timedelta(days=5)); rows.append([v[1], v[0], dd, f"{r.choice('ABCDEFGHKLMNPRSTUVWXYZ')}{dg(r, 4)}{r.choice('AB')}{dg(r, 1)}", v[2]])
    rows.sort(key=lambda x: x[2])
    parts = [("KV", [("Child", p.nm(r, "fml")), ("Date of birth", p.dob_s(r, r.choice(["mdy", "long"]))), ("Parent/guardian", par.nm(r, "fl")), ("Address", p.addr()), (lb(r, L_MRN), p.mrn)]),
             ("T", ["Vaccine", "CPT", "Date given", "Lot", "Brand"], rows[:16]),
             ("S", "This record was printed from the state immunization information system. Valid for school and child-care entry when signed.")]
    return Doc("immunization", "Certificate of Immunization", parts, o, r.choice(["mdy", "m_d_yy", "iso"]))

def T_bh_note(r):
    p = Person(r, 14, 75); o = org(r, {"behavioral"}); c = clinician(r, r.choice(["LCSW", "PsyD", "MD"])); dx = r.choice(BH_DX); d = recent(r)
    phq, gad = r.randint(9, 26), r.randint(6, 21)
    parts = [("KV", [("Client", p.nm(r)), ("DOB", p.dob_s(r)), ("Client #", p.mrn), ("Session", f"{fd(r, d)} {clock(r)}, {r.choice(['53 min (90837)', '45 min (90834)', 'telehealth, 50 min'])}"), ("Clinician", f"{c.given} {c.family}, {c.cred}")]),
             ("H", "Data"), ("P", f"PHQ-9 {phq} ({'severe' if phq >= 20 else 'moderately severe' if phq >= 15 else 'moderate' if phq >= 10 else 'mild'}), GAD-7 {gad}. " +
                                r.choice(["Client reports passive SI without plan or intent; safety plan reviewed and updated.", "Reports 3 panic attacks this week, avoiding grocery stores.",
                                          "Relapse on alcohol after 60 days sober; attended 2 AA meetings since.", "Nightmares 4-5 nights/week related to the 2024 assault."])),
             ("H", "Assessment"), ("P", f"{dx[0]} {dx[1]}. " + r.choice(["Symptoms worsening.", "Partial improvement.", "Stable."])),
             ("H", "Plan"), ("P", r.choice(["Continue weekly CBT; refer to psychiatry for medication evaluation.", "Increase to twice weekly; crisis line 988 reviewed.", "Continue EMDR phase 3; next session in 1 week."])),
             ("S", "CONFIDENTIAL: protected by 42 CFR Part 2 where applicable. Redisclosure prohibited without written consent.")]
    return Doc("behavioral-health", "Progress Note (DAP)", parts, o)

def T_dental(r):
    p = Person(r, 5, 80); o = org(r, {"dental"}); dds = clinician(r, "DDS"); ins = r.choice(["Delta Dental PPO", "MassHealth Dental", "Guardian DentalGuard", "MetLife PDP"])
    rows = []; tot = 0
    for code, desc in r.sample(CDT, r.randint(3, 6)):
        fee = round(r.uniform(45, 1400), 2); est = round(fee * r.choice([0.5, 0.8, 1.0]), 2); tot += fee - est
        rows.append([code, str(r.randint(1, 32)) if code[:3] in ("D23", "D27", "D33", "D71", "D72", "D13") else "", desc, money(fee), money(est)])
    parts = [("KV", [("Patient", p.nm(r, "lf")), ("Birthdate", p.dob_s(r, "mdy")), ("Chart", p.mrn), ("Subscriber ID", p.mem), ("Plan", ins), ("Provider", f"{dds.given} {dds.family}, DDS")]),
             ("T", ["CDT", "Tooth", "Procedure", "Fee", "Est. insurance"], rows),
             ("P", f"Estimated patient portion: {money(tot)}. " + r.choice(["Periodontal charting shows 5-6 mm pockets UR/LL.", "Tooth #30 has a periapical abscess (K04.7).", "Rampant caries noted (K02.52)."]))]
    return Doc("dental", "Treatment Plan / Pre-Estimate", parts, o)

def T_rx_transfer(r):
    p = Person(r, 18, 90); a = org(r, {"pharmacy"}); b = org(r, {"pharmacy"}); pr = clinician(r); dr_ = r.choice(DRUGS)
    parts = [("P", f"TO: {b.name}  FAX {b.fax}"), ("P", "Please transfer the following prescription(s) to our pharmacy. Patient request on file."),
             ("KV", [("Patient", p.nm(r, "slash")), ("DOB", p.dob_s(r, "mdy")), ("Pt phone", p.phone), ("Your Rx #", rxno(r)), ("Drug", dr_), ("NDC", ndc(r)),
                     ("Prescriber", f"{pr.given} {pr.family} NPI {pr.npi}"), ("Refills remaining", str(r.randint(1, 5))), ("Last filled", fd(r, recent(r), "mdy"))]),
             ("P", f"Receiving pharmacist: ________  {a.name}  Ph {a.phone}  NCPDP {dg(r, 7)}")]
    return Doc("rx-transfer", "Prescription Transfer Request", parts, a)

def T_workcomp(r):
    p = Person(r, 19, 64); o = org(r, {"occmed"}); c = clinician(r); inj = r.choice(["L wrist sprain (S63.502A)", "Lumbar strain (S39.012A)", "R shoulder RTC tear (M75.121)", "Laceration L hand (S61.412A)", "Concussion (S06.0X1A)"])
    emp = r.choice(["Haldane Poultry Processing", "Tri-County Roofing LLC", "Big Sky Freight Lines", "Marston Distribution Center", "City of Rapid City - Streets Dept"])
    parts = [("KV", [("Employee", p.nm(r)), ("SSN", ssn_show(r, p.ssn)), ("DOB", p.dob_s(r, "mdy")), ("Employer", emp), ("Date of injury", fd(r, recent(r), "mdy")),
                     ("WC Claim #", f"WC{dg(r, 2)}-{dg(r, 6)}"), ("Carrier/TPA", r.choice(["Sedgwick", "Gallagher Bassett", "Travelers", "AmTrust"]))]),
             ("H", "Work status"), ("P", f"Diagnosis: {inj}. " + r.choice(["Modified duty: no lifting > 10 lb, no use of injured extremity.", "Off work until re-evaluated.", "Full duty, no restrictions, released."])),
             ("KV", [("Next appointment", fd(r, upcoming(r), "mdy")), ("Physician", f"{c.given} {c.family}, {c.cred}")])]
    return Doc("workers-comp", "Physician Work Status Report", parts, o)

def T_appeal(r):
    p = Person(r, 18, 88); o = org(r, {"hospital", "clinic", "billing"}); payer = r.choice(PAYERS); c = clinician(r); svc = r.choice(CPT); dos = recent(r); carc = r.choice(CARC)
    parts = [("A", [fd(r, TODAY, "long"), "", f"{payer} - Appeals Unit", f"PO Box {r.randint(1000, 99999)}", f"{r.choice(PLACES)[0]}, {r.choice(PLACES)[1]} {dg(r, 5)}"]),
             ("KV", [("RE: Member", p.nm(r, "fl")), ("Member ID", p.mem), ("DOB", p.dob_s(r, "mdy")), ("Claim number", claimno(r)), ("Date of service", fd(r, dos, "mdy")), ("Billed", money(r.uniform(300, 24000)))]),
             ("P", f"We are writing to request reconsideration of the above claim, denied with {carc[0]} ({carc[1]}). The service, {svc[1]} ({svc[0]}), was medically necessary: "
                   + r.choice(["the patient had failed conservative care and had progressive neurological deficit.", "authorization was obtained by phone on the date of service (reference enclosed).",
                               "the claim was filed within 90 days of the primary payer's EOB, which is attached."])),
             ("P", f"Sincerely,\n{c.given} {c.family}, {c.cred}\n{o.name}")]
    return Doc("appeal", "Request for Reconsideration", parts, o)

def T_denial(r):
    p = Person(r, 18, 85); payer = org(r, {"payer"}); c = clinician(r); svc = r.choice(CPT[2:] + HCPCS)
    parts = [("A", [fd(r, TODAY, "long"), "", p.nm(r, "fml"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"Member ID: {p.mem}    Reference #: {r.choice(['UM', 'AUTH'])}{dg(r, 9)}"),
             ("P", f"Dear {p.nm(r, 'first')},"),
             ("P", f"We reviewed the request from {c.given} {c.family} for {svc[1]} ({svc[0]}). We cannot approve this request. " +
                   r.choice(["Our medical director found that the records do not show a trial of physical therapy in the last 6 months.", "The requested drug is not on the formulary and the preferred alternatives have not been tried.",
                             "The information sent did not meet the plan's criteria for inpatient level of care."])),
             ("P", f"You have the right to appeal within 60 days. Call Member Services at {payer.phone} (TTY 711)."),
             ("S", "Free language assistance: ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística.")]
    return Doc("denial-letter", "Notice of Adverse Benefit Determination", parts, payer)

def T_eob(r):
    p = Person(r, 18, 85); payer = org(r, {"payer"}); prov = r.choice(ORGS); rows = []; d = recent(r)
    for c_ in r.sample(CPT, r.randint(2, 5)):
        b = round(r.uniform(90, 2600), 2); al = round(b * r.uniform(0.3, 0.7), 2); pr_ = round(al * r.choice([0, 0.2, 0.1, 1.0]), 2)
        rows.append([d, c_[0], c_[1][:38], money(b), money(al), money(al - pr_), money(pr_)])
    parts = [("P", "THIS IS NOT A BILL"), ("KV", [("Member", p.nm(r, "fl")), ("Member ID", p.mem), ("Claim #", claimno(r)), ("Provider", prov.name), ("Patient", r.choice(["Self", "Self", "Dependent"]))]),
             ("T", ["Date", "Code", "Service", "Billed", "Allowed", "Plan paid", "You owe"], rows),
             ("S", f"Questions? {payer.phone}. Remark: {r.choice(CARC)[0]}")]
    return Doc("eob", "Explanation of Benefits", parts, payer, "m_d_yy")

def T_statement(r):
    p = Person(r, 18, 90); o = org(r, {"hospital", "clinic", "billing", "imaging"}); rows = []; bal = 0
    for _ in range(r.randint(3, 6)):
        d = recent(r); what = r.choice(["ED visit level 4", "Ins payment - " + r.choice(PAYERS), "Lab - CMP", "CT abd/pelvis", "Contractual adjustment", "Patient payment - thank you", "Office visit"])
        amt = round(r.uniform(40, 1800), 2) * (-1 if re.search("payment|adjustment", what) else 1); bal += amt
        rows.append([d, what, money(amt) if amt >= 0 else f"({money(-amt)})"])
    parts = [("KV", [("Guarantor", p.nm(r, "LF")), ("Account #", p.acct), ("Statement date", fd(r, TODAY, "mdy")), ("Amount due", money(max(bal, 25.0))), ("Due by", fd(r, upcoming(r), "mdy"))]),
             ("A", [p.nm(r, "fl").upper(), p.line1().upper(), f"{p.city.upper()} {p.st} {p.zip}"]),
             ("T", ["Date", "Description", "Amount"], rows),
             ("S", f"Pay online or call {o.phone}. Financial assistance may be available - ask for an application. Patient: {p.nm(r, 'fl')} (DOB {fdate(p.dob, 'mdy')})")]
    return Doc("statement", "Patient Statement", parts, o, "m_d_yy")

def T_collections(r):
    p = Person(r, 20, 80); o = org(r, {"billing"}); hosp = org(r, {"hospital", "imaging", "clinic"})
    parts = [("A", [fd(r, TODAY, "long"), "", p.nm(r, "fml"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"RE: {hosp.name}   Account {p.acct}   Patient: {p.nm(r, 'fl')}   Service date {fd(r, recent(r), 'mdy')}"),
             ("P", f"Your balance of {money(r.uniform(120, 9800))} for {r.choice(['emergency department services', 'your inpatient stay', 'ambulance transport', 'MRI of the lumbar spine'])} is now 120 days past due. "
                   "If we do not hear from you within 30 days, the account may be referred to an outside collection agency."),
             ("P", "To set up a payment plan call us. This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.")]
    return Doc("collections", "Second Notice - Past Due", parts, o)

def T_cms1500(r):
    p = Person(r, 1, 88); c = clinician(r); o = org(r, {"clinic", "fqhc", "behavioral", "occmed"}); dx = r.sample(ICD, 2); d = recent(r)
    lines = [[d, d, "11", c_[0], "A" if i == 0 else "AB", money(r.uniform(80, 600)), "1", c.npi] for i, c_ in enumerate(r.sample(CPT, r.randint(1, 3)))]
    parts = [("KV", [("ITEM 1a  INSURED ID", p.mem), ("ITEM 2  PATIENT NAME (LAST, FIRST, MI)", p.nm(r, "LFc")), ("ITEM 3  BIRTH DATE / SEX", f"{p.dob:%m %d %Y}  {p.sex}"),
                     ("ITEM 5  PATIENT ADDRESS", p.addr()), ("ITEM 5  TELEPHONE", p.phone), ("ITEM 11  GROUP NO.", dg(r, 7)), ("ITEM 21  ICD IND 0", f"A. {dx[0][0]}   B. {dx[1][0]}"),
                     ("ITEM 25  FED TAX ID", o.tin), ("ITEM 26  PATIENT ACCOUNT NO.", p.acct), ("ITEM 33  BILLING PROVIDER", f"{o.name}  NPI {o.npi}")]),
             ("T", ["24A FROM", "TO", "B POS", "D CPT", "E PTR", "F CHARGES", "G UNITS", "J NPI"], lines)]
    return Doc("cms-1500", "CMS-1500 (02/12) claim data", parts, o, "mdy")

def T_ub04(r):
    p = Person(r, 20, 95); o = org(r, {"hospital"}); a = recent(r); los = r.randint(1, 6); dx = r.sample(ICD, 3)
    rev = [("0120", "Room & board semi"), ("0250", "Pharmacy"), ("0300", "Laboratory"), ("0350", "CT scan"), ("0450", "Emergency room"), ("0730", "EKG/ECG"), ("0636", "Drugs requiring detail coding")]
    parts = [("KV", [("FL 03a PAT CNTL #", p.acct), ("FL 03b MED REC #", p.mrn), ("FL 04 TYPE OF BILL", "0111"), ("FL 06 STATEMENT PERIOD", f"{a:%m%d%y} - {(a + dtm.timedelta(days=los)):%m%d%y}"),
                     ("FL 08 PATIENT NAME", p.nm(r, "LFc")), ("FL 09 PATIENT ADDRESS", p.addr()), ("FL 10 BIRTHDATE", f"{p.dob:%m%d%Y}"), ("FL 11 SEX", p.sex),
                     ("FL 60 INSURED'S UNIQUE ID", r.choice([p.mbi, p.mem])), ("FL 67 PRIN DX", dx[0][0]), ("FL 67A-B OTHER DX", f"{dx[1][0]}  {dx[2][0]}"), ("FL 56 NPI", o.npi)]),
             ("T", ["FL42 REV CD", "FL43 DESCRIPTION", "FL46 UNITS", "FL47 TOTAL CHARGES"], [[x[0], x[1], str(r.randint(1, 9)), money(r.uniform(60, 9000))] for x in r.sample(rev, r.randint(3, 6))])]
    return Doc("ub-04", "UB-04 claim detail", parts, o)

def T_appt_letter(r):
    p = Person(r, 45, 80); o = org(r, {"hospital", "clinic"}); c = clinician(r); d = upcoming(r); proc = r.choice(["colonoscopy", "upper endoscopy (EGD)", "cardiac stress test", "cataract surgery, right eye", "bone marrow biopsy"])
    parts = [("A", [fd(r, TODAY, "long"), "", p.nm(r, "fl"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"Dear {p.nm(r, 'title')},"),
             ("P", f"This confirms your {proc} with {dr(r, c)} on {fd(r, d, 'wd')} at {clock(r)}. Please arrive 60 minutes early at the {r.choice(['Endoscopy Suite, 2nd floor', 'Heart & Vascular Center', 'Outpatient Surgery entrance C'])}."),
             ("L", ["Nothing to eat after midnight; clear liquids until 4 hours before.", "Hold your " + r.choice(DRUGS) + " for 2 days unless told otherwise.", "You must have a driver; rideshare is not allowed after sedation."]),
             ("P", f"Chart #{p.mrn}. To reschedule call {o.phone}.")]
    return Doc("appointment-reminder", "Procedure appointment confirmation", parts, o)

def T_noshow_letter(r):
    p = Person(r, 3, 85); o = org(r, {"clinic", "fqhc", "behavioral", "dental"}); d = recent(r)
    svc = {"behavioral": "counseling appointment", "dental": "dental cleaning and exam"}.get(o.kind, r.choice(["diabetes follow-up", "prenatal visit", "well-child check", "post-op visit"]))
    parts = [("A", [fd(r, TODAY, "mdy"), "", f"To the parent/guardian of {p.nm(r, 'fl')}" if p.age < 18 else p.nm(r, "fl"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"We missed you at your {svc} on {fd(r, d, 'long')}. This is missed visit number {r.randint(2, 3)} in the past 12 months."),
             ("P", "Under our attendance policy, a third missed visit without 24 hours' notice may result in discharge from the practice. We want to keep caring for you - please call us to reschedule."),
             ("P", f"Patient ID {p.mrn} | {o.name} | {o.phone}")]
    return Doc("no-show-letter", "Missed Appointment Notice", parts, o)

def T_recall(r):
    p = Person(r, 40, 78); o = org(r, {"clinic", "imaging", "fqhc"}); why = r.choice(["your annual diabetic eye exam", "a repeat colonoscopy (3-year surveillance after removal of adenomatous polyps)",
                                                                                       "follow-up low-dose CT for the lung nodule found last year", "your 6-month mammogram of the left breast", "a repeat Pap/HPV test after your abnormal result"])
    parts = [("A", [p.nm(r, "fml"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"Dear {p.nm(r, 'first')}, our records show you are due for {why}. Please call {o.phone} to schedule."),
             ("P", f"Date of birth on file: {fd(r, p.dob, 'mdy')}. If this is not correct or you have had this done elsewhere, let us know so we can update your chart.")]
    return Doc("recall-letter", "Time for your follow-up", parts, o)

def T_ccd(r):
    p = Person(r, 10, 92); o = org(r, {"hospital", "clinic", "fqhc"}); probs = r.sample(ICD, r.randint(2, 4))
    vit = [("BP", f"{r.randint(98, 178)}/{r.randint(58, 104)} mmHg"), ("HR", f"{r.randint(52, 118)}"), ("Wt", f"{r.randint(48, 142)} kg"), ("BMI", f"{r.uniform(18, 44):.1f}")]
    parts = [("KV", [("Patient", p.nm(r)), ("Birth date", p.dob_s(r, "long")), ("Sex", {"F": "Female", "M": "Male"}[p.sex]), ("Address", p.addr()), ("Phone", p.phone), (lb(r, L_MRN), p.mrn)]),
             ("H", "Problems"), ("T", ["Code (ICD-10-CM)", "Problem", "Onset"], [[c_, t, between(r, D(2012, 1, 1), D(2026, 6, 1))] for c_, t in probs]),
             ("H", "Medications"), ("L", [f"{m} - {r.choice(SIG)}" for m in r.sample(DRUGS, 3)]),
             ("H", "Allergies"), ("P", r.choice(["No known drug allergies", "Penicillins - hives", "Lisinopril - angioedema"])),
             ("H", "Vital signs (most recent)"), ("KV", vit)]
    return Doc("ccd-summary", "Continuity of Care Document - Summary", parts, o, r.choice(["mdy", "iso", "mon_d_y"]))

def T_nolabel(r):
    p = Person(r, 20, 90); c = clinician(r); o = org(r)
    txt = r.choice([
        f"{p.nm(r, 'fl')} came in this morning short of breath again. Sats 86% on RA, so we sent her over to the ED. She has not been taking the furosemide since her insurance lapsed - can social work help?",
        f"Just an FYI that {p.nm(r, 'fl')} tested positive for hepatitis C on the screening panel. I left a voicemail; please make sure the GI referral goes out before the holiday.",
        f"Mr. {p.family}'s biopsy came back as adenocarcinoma. {dr(r, c)} wants him on the tumor board list for next Thursday and a PET ordered.",
        f"{p.nm(r, 'fl')} from the {p.city} group home was admitted overnight with lithium toxicity (level 2.4). Please hold the refill that was due Friday.",
        f"Heads up: {p.nm(r, 'fl')} delivered at 34 weeks last night, baby is in the NICU on CPAP. Mom's pressures are still high on labetalol.",
        f"{p.nm(r, 'fl')} (the gentleman on {p.street.split(' ', 1)[1]}) relapsed - his wife called, he overdosed on fentanyl Sunday and was revived with Narcan. He wants back into the Suboxone program."])
    if p.sex == "M": txt = txt.replace(" her ", " his ").replace("She has", "He has").replace("Mom's", "Her")
    parts = [("P", txt), ("P", r.choice(["Thanks,", "Let me know what you need from me.", "Will update the chart later today."]))]
    return Doc("clinical-note-nolabel", "patient update", parts, o)

def T_care_coord(r):
    p = Person(r, 55, 95); o = org(r, {"homehealth", "hospital", "payer"}); snf = r.choice(["Riverbend Health & Rehab", "St. Brendan's Skilled Nursing", "Maple Terrace Care Center", "Bayou Oaks Nursing Home"])
    parts = [("KV", [("Member/Patient", p.nm(r)), ("DOB", p.dob_s(r)), (lb(r, L_MEM), p.mem), ("Care manager", staffer(r).nm(r, "fl") + ", RN")]),
             ("P", f"Transition of care: discharged to {snf} on {fd(r, recent(r))}. " + r.choice(["Needs IV ertapenem through 12/14 via PICC.", "New trach; vent weaning in progress.",
                                                                                                   "Stage 4 sacral wound, wound vac changes M/W/F.", "Daughter is POA; goals-of-care discussion pending."])),
             ("L", [f"SNF auth #{dg(r, 10)} approved x {r.randint(5, 21)} days", f"PCP notified: {dr(r, clinician(r))}", f"Follow-up call scheduled {fd(r, upcoming(r), 'wd_short')}"])]
    return Doc("care-coordination", "Care Management Note", parts, o)

def T_op_note(r):
    p = Person(r, 18, 88); o = org(r, {"hospital"}); s = clinician(r, "MD, FACS"); d = recent(r)
    proc = r.choice([("Laparoscopic appendectomy", "Acute appendicitis (K35.80)"), ("Right total hip arthroplasty", "Osteoarthritis right hip"), ("Laparoscopic cholecystectomy", "Symptomatic cholelithiasis"),
                     ("L4-5 laminotomy and discectomy", "Lumbar radiculopathy (M54.16)")])
    parts = [("KV", [("Patient", p.nm(r, "lfm")), (lb(r, L_MRN), p.mrn), ("DOB", p.dob_s(r)), ("Date of surgery", fd(r, d)), ("Surgeon", dr(r, s)), ("Anesthesia", r.choice(["General ETT", "Spinal with MAC"]))]),
             ("KV", [("Preoperative diagnosis", proc[1]), ("Postoperative diagnosis", "Same"), ("Procedure", proc[0]), ("EBL", f"{r.randint(5, 400)} mL"), ("Specimens", r.choice(["Appendix to pathology", "Gallbladder to pathology", "None"]))]),
             ("H", "Description"), ("P", "The patient was identified in the holding area, consent verified and the site marked. After induction a time-out was performed. The procedure was completed without complication and the patient was taken to PACU in stable condition.")]
    return Doc("op-note", "Operative Report", parts, o)

def T_home_health(r):
    p = Person(r, 65, 96); o = org(r, {"homehealth"}); c = clinician(r); dx = r.sample(ICD, 2)
    parts = [("KV", [("Patient HI claim no.", mbi_show(r, p.mbi)), ("SOC date", fd(r, recent(r), "mdy")), ("Certification period", f"{fd(r, recent(r), 'mdy')} to {fd(r, upcoming(r), 'mdy')}"),
                     ("Medical record no.", p.mrn), ("Patient name and address", f"{p.nm(r, 'fl')}, {p.addr()}"), ("DOB", fdate(p.dob, "mdy")), ("Sex", p.sex)]),
             ("KV", [("Principal diagnosis", f"{dx[0][0]} {dx[0][1]}"), ("Other pertinent dx", f"{dx[1][0]} {dx[1][1]}"), ("Orders", "SN 2w4, 1w4; PT eval and treat; HHA 2w6"),
                     ("Goals", "Independent with medication management; no falls; wound healed"), ("Physician", f"{c.given} {c.family}, {c.cred} NPI {c.npi}")])]
    return Doc("home-health", "Home Health Certification and Plan of Care", parts, o)

def T_critical(r):
    p = Person(r, 1, 95); o = org(r, {"lab", "hospital"}); lab = r.choice(LABS[2:9]); who = staffer(r); c = clinician(r)
    val = {"Potassium": "6.9", "Sodium": "118", "Hemoglobin": "5.8", "WBC": "0.6", "Platelets": "11", "Creatinine": "7.4", "eGFR (CKD-EPI 2021)": "6"}.get(lab[0], "critical")
    parts = [("KV", [("Patient", p.nm(r, "LFc")), ("DOB", p.dob_s(r, "mdy")), (lb(r, L_MRN), p.mrn), ("Test", f"{lab[0]} (LOINC {lab[1]})"), ("Result", f"{val} {lab[2]}  CRITICAL"),
                     ("Called to", f"{dr(r, c)} / RN {staffer(r).nm(r, 'fl')}"), ("Read-back", "Yes"), ("Time", f"{fd(r, recent(r), 'mdy')} {clock(r)}"), ("Called by", f"{who.given} {who.family}, MLS(ASCP)")])]
    return Doc("critical-value", "Critical Value Notification Log", parts, o)

# ---- Spanish PHI
def T_es_result(r):
    p = Person(r, 18, 85, "pr"); o = org(r, {"fqhc", "clinic", "lab"}); labs = [lab_val(r, x) for x in r.sample(LABS, 3)]
    parts = [("A", [fd_es(r, TODAY), "", p.nm(r, "fl"), p.line1(), f"{p.city}, {p.st} {p.zip}"]),
             ("P", f"Estimado(a) {p.nm(r, 'fl')}:"), ("P", f"Fecha de nacimiento: {fd_es(r, p.dob)}   Número de expediente: {p.mrn}"),
             ("P", "Le enviamos los resultados de sus análisis de laboratorio. " + r.choice(["Su nivel de azúcar (hemoglobina A1c) está alto; por favor haga una cita con su médico.", "Sus resultados están dentro de lo normal.",
                                                                                          "Su prueba de embarazo salió positiva. Llame para su primera cita prenatal.", "Su prueba de tuberculosis (QuantiFERON) salió positiva."])),
             ("T", ["Prueba", "Resultado", "Unidades", "Rango normal"], [[x[0], x[2], x[3], x[4]] for x in labs]),
             ("P", f"Si tiene preguntas, llame al {o.phone}. Atentamente, Departamento de Enfermería")]
    return Doc("spanish-lab", "Resultados de laboratorio", parts, o, spanish=True)
def T_es_auth(r):
    p = Person(r, 18, 80, "pr"); payer = org(r, {"payer"}); svc = r.choice(CPT[2:] + HCPCS)
    parts = [("KV", [("Afiliado", p.nm(r, "fl")), ("Número de afiliado", p.mem), ("Fecha de nacimiento", fd_es(r, p.dob)), ("Número de autorización", f"AUT-{dg(r, 8)}"), ("Servicio", f"{svc[0]} {svc[1]}")]),
             ("P", r.choice(["Su solicitud de autorización fue APROBADA por 6 meses.", "Su solicitud de autorización fue DENEGADA porque no cumple con los criterios de necesidad médica.",
                             "Necesitamos más información de su médico para decidir sobre su solicitud."])),
             ("P", f"Tiene derecho a apelar dentro de 60 días. Llame a Servicios al Afiliado: {payer.phone}.")]
    return Doc("spanish-auth", "Aviso de autorización previa", parts, payer, spanish=True)
def T_es_cita(r):
    p = Person(r, 1, 80, "pr"); o = org(r, {"fqhc", "clinic", "dental"}); d = upcoming(r)
    parts = [("P", f"Hola {p.nm(r, 'first')}:"),
             ("P", f"Le recordamos su cita de {r.choice(['control prenatal (semana 28)', 'seguimiento de diabetes', 'salud mental', 'vacunas del niño', 'limpieza dental'])} el {fd_es(r, d)} a las {clock(r)}."),
             ("KV", [("Paciente", p.nm(r, "fl")), ("Fecha de nacimiento", fd_es(r, p.dob)), ("Núm. de Medicaid", p.mcd), ("Clínica", o.name), ("Teléfono", p.phone)]),
             ("P", "Traiga su tarjeta de seguro y la lista de sus medicamentos.")]
    return Doc("spanish-appointment", "Recordatorio de cita", parts, o, spanish=True)

# ================================================================== PHI interchange snippets
def ts(r, d): return f"{d:%Y%m%d}{r.randint(6, 22):02d}{r.randint(0, 59):02d}"
def msh(r, typ, snd, rcv, d, proc="P"):
    return f"MSH|^~\\&|{snd}|{rcv}|{r.choice(['RHAPSODY', 'CLOVERLEAF', 'MIRTH'])}|{rcv}FAC|{ts(r, d)}||{typ}|{dg(r, 10)}|{proc}|2.{r.choice(['3', '5.1', '4'])}"
def pid(r, p, n=1):
    return (f"PID|{n}||{p.mrn}^^^{r.choice(['PBGH', 'PBCH', 'MRN'])}^MR~{p.ssn.replace('-', '')}^^^SSA^SS||{p.nm(None, 'hl7')}||{p.dob:%Y%m%d}|{p.sex}|||"
            f"{plain_ascii(p.line1())}^^{p.city}^{p.st}^{p.zip}||{re.sub(r'[^0-9]', '', p.phone)[-10:]}|||||{p.acct.replace(' ', '')}")
def H_adt(r):
    p = Person(r, 1, 95); o = org(r, {"hospital"}); c = clinician(r); d = recent(r); ev = r.choice(["A01", "A03", "A04", "A08"]); dx = r.choice(ICD)
    seg = [msh(r, f"ADT^{ev}", "EPICADT", o.short, d), f"EVN|{ev}|{ts(r, d)}", pid(r, p),
           f"PV1|1|{r.choice('IEO')}|{r.choice(['4W', '3N', 'MICU', 'ED'])}^{r.randint(1, 40):02d}^{r.choice('AB')}^{o.short}||||{c.npi}^{plain_ascii(c.family).upper()}^{plain_ascii(c.given).upper()}|||{r.choice(['MED', 'SUR', 'PSY', 'OBS'])}||||||||{dg(r, 10)}",
           f"DG1|1|I10|{dx[0]}^{dx[1]}^I10||{ts(r, d)}|A", f"IN1|1|{dg(r, 5)}|{dg(r, 6)}|{r.choice(PAYERS)}|||||||||||||||||||||||||||||||||||{p.mem.replace(' ', '')}"]
    return Doc("hl7-adt", f"ADT^{ev} feed sample", [("P", "Interface error queue - message below failed on PV1-3 mapping:"), ("M", "\r".join(seg).replace("\r", "\n"))], o, kind="raw")
def H_orm(r):
    p = Person(r, 1, 95); o = org(r, {"clinic", "hospital"}); lab = org(r, {"lab", "imaging"}); c = clinician(r); d = recent(r); t = r.choice(CPT[2:12]); dx = r.choice(ICD)
    seg = [msh(r, "ORM^O01", o.short, lab.short, d), pid(r, p), f"PV1|1|O|||||{c.npi}^{plain_ascii(c.family).upper()}^{plain_ascii(c.given).upper()}",
           f"ORC|NW|{dg(r, 9)}^{o.short}||||||||||{c.npi}", f"OBR|1|{dg(r, 9)}||{t[0]}^{t[1]}^C4|||{ts(r, d)}|||||||||{c.npi}", f"DG1|1||{dx[0]}^{dx[1]}^I10"]
    return Doc("hl7-orm", "ORM^O01 order message", [("M", "\n".join(seg))], o, kind="raw")
def H_oru(r):
    p = Person(r, 1, 95); o = org(r, {"lab"}); c = clinician(r); d = recent(r); seg = [msh(r, "ORU^R01", "BSRL_LIS", "CLIENT_EMR", d), pid(r, p), f"ORC|RE|{dg(r, 8)}|{accession(r)}", f"OBR|1|{dg(r, 8)}|{accession(r)}|80053^Comprehensive metabolic panel^C4|||{ts(r, d)}"]
    for i, lb_ in enumerate(r.sample(LABS, r.randint(3, 6)), 1):
        x = lab_val(r, lb_); seg.append(f"OBX|{i}|NM|{x[1]}^{x[0]}^LN||{x[2]}|{x[3]}|{x[4]}|{x[5]}|||F|||{ts(r, d)}")
    return Doc("hl7-oru", "ORU^R01 result", [("M", "\n".join(seg))], o, kind="raw")
def H_siu(r):
    p = Person(r, 1, 95); o = org(r, {"clinic", "imaging", "behavioral"}); c = clinician(r); d = upcoming(r)
    seg = [msh(r, "SIU^S12", "CADENCE", "REMINDERS", recent(r)), f"SCH|{dg(r, 8)}|{dg(r, 8)}|||||{r.choice(['FOLLOWUP', 'NEWPT', 'PROC'])}^{r.choice(['Follow-up visit', 'Suboxone maintenance', 'Chemo infusion C3D1', 'MRI brain w/wo'])}|||30|MIN|^^30^{ts(r, d)}",
           pid(r, p), f"AIP|1||{c.npi}^{plain_ascii(c.family).upper()}^{plain_ascii(c.given).upper()}|{r.choice(['ATT', 'ONC', 'PSY'])}", f"AIL|1||{o.short}^{r.choice(['RM2', 'INF4', 'MRI1'])}"]
    return Doc("hl7-siu", "SIU^S12 scheduling feed", [("M", "\n".join(seg))], o, kind="raw")
def x12_env(r, snd, rcv, gs, st, body):
    d = recent(r); ctl = dg(r, 9)
    seg = [f"ISA*00*          *00*          *ZZ*{snd:<15}*ZZ*{rcv:<15}*{d:%y%m%d}*{r.randint(0, 23):02d}{r.randint(0, 59):02d}*^*00501*{ctl}*0*P*:", f"GS*{gs}*{snd}*{rcv}*{d:%Y%m%d}*1200*{int(ctl) % 9999}*X*005010",
           f"ST*{st}*0001"] + body + [f"SE*{len(body) + 2}*0001", f"GE*1*{int(ctl) % 9999}", f"IEA*1*{ctl}"]
    return "~\n".join(seg) + "~"
def X_270_271(r):
    p = Person(r, 1, 90); payer = org(r, {"payer"}); o = org(r, {"hospital", "clinic", "fqhc"}); d = recent(r)
    ln, fn = plain_ascii(p.family).upper(), plain_ascii(p.given).upper()
    if r.random() < 0.5:
        body = [f"BHT*0022*13*{dg(r, 10)}*{d:%Y%m%d}*1319", "HL*1**20*1", f"NM1*PR*2*{payer.name.upper()}*****PI*{dg(r, 5)}", "HL*2*1*21*1", f"NM1*1P*2*{o.name.upper()}*****XX*{o.npi}",
                "HL*3*2*22*0", f"TRN*1*{dg(r, 10)}*9{dg(r, 9)}", f"NM1*IL*1*{ln}*{fn}****MI*{p.mem.replace(' ', '')}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"DTP*291*D8*{d:%Y%m%d}", "EQ*30"]
        txt = x12_env(r, o.short, payer.short, "HS", "270", body); t = "270 eligibility inquiry"
    else:
        body = [f"BHT*0022*11*{dg(r, 10)}*{d:%Y%m%d}*1320", "HL*1**20*1", f"NM1*PR*2*{payer.name.upper()}*****PI*{dg(r, 5)}", "HL*2*1*21*1", f"NM1*1P*2*{o.name.upper()}*****XX*{o.npi}",
                "HL*3*2*22*0", f"NM1*IL*1*{ln}*{fn}*{p.mi}***MI*{p.mem.replace(' ', '')}", f"N3*{plain_ascii(p.line1()).upper()}", f"N4*{p.city.upper()}*{p.st}*{p.zip}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}",
                f"EB*{r.choice(['1', '1', '6'])}*IND*30**{r.choice(['HMO', 'Medicaid MCO', 'PPO'])}", f"EB*C*IND*30***23*{r.randint(250, 6000)}", f"EB*B*IND*98***27*{r.choice([25, 40, 60])}", f"MSG*{r.choice(['PCP ASSIGNED', 'PRIOR AUTH REQUIRED FOR MRI', 'COB - OTHER COVERAGE ON FILE'])}"]
        txt = x12_env(r, payer.short, o.short, "HB", "271", body); t = "271 eligibility response"
    return Doc("x12-27x", t, [("P", r.choice(["Raw transaction from the clearinghouse log:", "Rejected at the payer - can you see what's wrong?", ""])), ("M", txt)], o, kind="raw")
def X_835(r):
    payer = org(r, {"payer"}); o = org(r, {"hospital", "clinic"}); d = recent(r); body = [f"BPR*I*{r.uniform(200, 40000):.2f}*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}*{dg(r, 10)}**01*{dg(r, 9)}*DA*{dg(r, 9)}*{d:%Y%m%d}",
          f"TRN*1*{dg(r, 12)}*1{dg(r, 9)}", f"N1*PR*{payer.name.upper()}", f"N1*PE*{o.name.upper()}*XX*{o.npi}"]
    for i in range(r.randint(2, 4)):
        p = Person(r, 1, 90); b = round(r.uniform(100, 5000), 2); pd = round(b * r.uniform(0, .7), 2); carc = r.choice(CARC); cpt = r.choice(CPT)
        body += [f"CLP*{p.acct.replace(' ', '')}*{r.choice(['1', '1', '4', '22'])}*{b:.2f}*{pd:.2f}**MC*{dg(r, 14)}*11", f"NM1*QC*1*{plain_ascii(p.family).upper()}*{plain_ascii(p.given).upper()}****MI*{p.mem.replace(' ', '')}",
                 f"SVC*HC:{cpt[0]}*{b:.2f}*{pd:.2f}", f"DTM*472*{recent(r):%Y%m%d}", f"CAS*{carc[0][:2]}*{carc[0][3:]}*{b - pd:.2f}"]
    return Doc("x12-835", "835 remittance detail", [("P", "Please research the zero-pay lines in this ERA:"), ("M", x12_env(r, payer.short, o.short, "HP", "835", body))], payer, kind="raw")
def X_837(r):
    p = Person(r, 18, 95); o = org(r, {"hospital"}); d = recent(r); dx = r.sample(ICD, 2)
    body = [f"BHT*0019*00*{dg(r, 9)}*{d:%Y%m%d}*0930*CH", f"NM1*85*2*{o.name.upper()}*****XX*{o.npi}", f"REF*EI*{o.tin.replace('-', '')}", "HL*2*1*22*0", "SBR*P*18*******MB",
            f"NM1*IL*1*{plain_ascii(p.family).upper()}*{plain_ascii(p.given).upper()}****MI*{p.mbi}", f"N3*{plain_ascii(p.line1()).upper()}", f"N4*{p.city.upper()}*{p.st}*{p.zip}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}",
            f"CLM*{p.acct.replace(' ', '')}*{r.uniform(2000, 60000):.2f}***11:A:1**A*Y*Y", f"DTP*434*RD8*{d:%Y%m%d}-{(d + dtm.timedelta(days=3)):%Y%m%d}", f"HI*ABK:{dx[0][0].replace('.', '')}*ABF:{dx[1][0].replace('.', '')}",
            f"LX*1", f"SV2*0120*HC:99223*{r.uniform(600, 3000):.2f}*UN*1"]
    return Doc("x12-837", "837I claim (failed 999)", [("M", x12_env(r, o.short, "KEX", "HC", "837", body))], o, kind="raw")
def F_bundle(r):
    p = Person(r, 1, 95); o = org(r); dx = r.choice(ICD); d = recent(r); pid_ = f"{dg(r, 6)}"
    b = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": pid_, "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": p.mrn}],
                      "name": [{"family": p.family, "given": [p.given] + ([p.middle] if p.middle else [])}], "gender": {"F": "female", "M": "male"}[p.sex], "birthDate": p.dob.isoformat(),
                      "address": [{"line": [p.line1()], "city": p.city, "state": p.st, "postalCode": p.zip}], "telecom": [{"system": "phone", "value": p.phone}]}},
        {"resource": {"resourceType": "Encounter", "status": "finished", "class": {"code": r.choice(["IMP", "AMB", "EMER"])}, "subject": {"reference": f"Patient/{pid_}"}, "period": {"start": d.isoformat()}}},
        {"resource": {"resourceType": "Condition", "subject": {"reference": f"Patient/{pid_}"}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dx[0], "display": dx[1]}]}, "recordedDate": d.isoformat()}}]}
    if r.random() < 0.5:
        x = lab_val(r, r.choice(LABS))
        b["entry"].append({"resource": {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": x[1], "display": x[0]}]},
                                        "subject": {"reference": f"Patient/{pid_}"}, "valueQuantity": {"value": float(x[2]), "unit": x[3]}, "interpretation": [{"text": x[5] or "N"}]}})
    return Doc("fhir-json", "FHIR Bundle export", [("P", "Payload the partner endpoint returned (HTTP 422):"), ("M", json.dumps(b, indent=r.choice([1, 2]), ensure_ascii=False))], o, kind="raw")
def F_xml(r):
    p = Person(r, 1, 95); o = org(r); x = lab_val(r, r.choice(LABS)); d = recent(r)
    xml = (f'<Observation xmlns="http://hl7.org/fhir">\n  <status value="final"/>\n  <code><coding><system value="http://loinc.org"/><code value="{x[1]}"/><display value="{x[0]}"/></coding></code>\n'
           f'  <subject><reference value="Patient/{p.mrn}"/><display value="{hx(p.nm(None, "fl"))}"/></subject>\n  <effectiveDateTime value="{d.isoformat()}T{r.randint(6, 20):02d}:{r.randint(0, 59):02d}:00-06:00"/>\n'
           f'  <valueQuantity><value value="{x[2]}"/><unit value="{x[3]}"/></valueQuantity>\n  <contained><Patient><id value="p1"/><birthDate value="{p.dob.isoformat()}"/>'
           f'<name><family value="{hx(p.family)}"/><given value="{hx(p.given)}"/></name></Patient></contained>\n</Observation>')
    return Doc("fhir-xml", "FHIR Observation (XML)", [("M", xml)], o, kind="raw")
def C_ccda(r):
    p = Person(r, 1, 95); o = org(r); dx = r.choice(ICD)
    xml = (f'<ClinicalDocument xmlns="urn:hl7-org:v3">\n <title>Summary of Care</title>\n <recordTarget><patientRole>\n  <id extension="{p.mrn}" root="2.16.840.1.113883.19.{dg(r, 3)}"/>\n'
           f'  <addr><streetAddressLine>{hx(p.line1())}</streetAddressLine><city>{p.city}</city><state>{p.st}</state><postalCode>{p.zip}</postalCode></addr>\n'
           f'  <patient><name><given>{hx(p.given)}</given><family>{hx(p.family)}</family></name><administrativeGenderCode code="{p.sex}"/><birthTime value="{p.dob:%Y%m%d}"/></patient>\n'
           f' </patientRole></recordTarget>\n <component><section><title>Problems</title>\n  <entry><observation><value code="{dx[0]}" codeSystem="2.16.840.1.113883.6.90" displayName="{hx(dx[1])}"/></observation></entry>\n'
           f' </section></component>\n</ClinicalDocument>')
    return Doc("ccda-xml", "C-CDA summary of care", [("M", xml)], o, kind="raw")

# ================================================================== PHI patient lists
def people(r, n, lo=1, hi=95, pool=None): return [Person(r, lo, hi, pool) for _ in range(n)]
def LST(cat, title, hdr, rows, o, intro=None, ds=None, r=None, es=False):
    parts = ([("P", intro)] if intro else []) + [("T", hdr, rows)]
    return Doc(cat, title, parts, o, ds or "mdy", "list", es)
def L_census(r):
    o = org(r, {"hospital"}); u = r.choice(UNITS_H); ps = people(r, r.randint(12, 22), 18)
    rows = [[f"{r.randint(401, 460)}{r.choice('AB')}", p.nm(r, "LFc"), p.mrn, f"{p.age}{p.sex}", recent(r), dr(r, clinician(r)), r.choice(ICD)[1][:40], r.choice(["Full", "DNR/DNI", "DNR", "Full"])] for p in ps]
    return LST("census", f"{u} Midnight Census", ["Rm", "Patient", "MRN", "Age/Sx", "Adm", "Attending", "Dx", "Code"], rows, o, f"Census as of 23:59 {fd(r, TODAY, 'mdy')} - {u}", "m_d_yy")
def L_or(r):
    o = org(r, {"hospital"}); d = upcoming(r); ps = people(r, r.randint(10, 18), 2)
    proc = ["Lap chole", "TKA right", "TKA left", "Lap appy", "Cysto/TURBT", "ORIF L ankle", "Cataract OD w/IOL", "C-section repeat", "Lumbar lami L4-5", "Port placement", "Tonsillectomy"]
    rows = [[f"OR {r.randint(1, 9)}", f"{r.randint(7, 16):02d}:{r.choice(['00', '30', '15', '45'])}", p.nm(r, "lf"), p.dob, p.mrn, r.choice(proc), f"Dr. {r.choice(POOLS['irish'][2] + POOLS['south'][2])}", r.choice(["GA", "MAC", "Spinal", "Regional"])] for p in ps]
    rows.sort(key=lambda x: (x[0], x[1]))
    return LST("or-schedule", f"OR Schedule {fd(r, d, 'wd')}", ["Room", "Time", "Patient", "DOB", "MRN", "Procedure", "Surgeon", "Anes"], rows, o, None, r.choice(["mdy", "m_d_yy"]))
def L_dc_calls(r):
    o = org(r, {"hospital"}); ps = people(r, r.randint(10, 20), 30)
    rows = [[p.nm(r, "fl"), p.phone, p.dob, recent(r), r.choice(["CHF", "COPD exac", "Pneumonia", "Hip fx s/p ORIF", "Sepsis/UTI", "NSTEMI", "DKA"]), r.choice(["", "LVM x1", "Reached - doing well", "No answer", "Needs PCP appt"])] for p in ps]
    return LST("discharge-calls", "Post-discharge phone calls", ["Name", "Phone", "DOB", "D/C date", "Reason for admit", "Call outcome"], rows, o, "48-hour call list - please document in the call column.")
def L_noshow(r):
    o = org(r, {"clinic", "fqhc", "behavioral", "dental"}); ps = people(r, r.randint(10, 24), 2)
    rows = [[recent(r), p.nm(r, "LF"), p.dob, p.phone, r.choice(["PCP f/u", "Psych med mgmt", "OB 20wk US", "Peds WCC", "Diabetes ed", "IOP group", "Hygiene"]), r.randint(1, 4)] for p in ps]
    return LST("no-show", f"{o.short} No-Show Report", ["Appt date", "Patient", "DOB", "Phone", "Visit type", "# no-shows 12 mo"], rows, o)
def L_appts(r):
    o = org(r, {"clinic", "fqhc", "imaging"}); d = upcoming(r); ps = people(r, r.randint(12, 20))
    rows = [[dtm.datetime(d.year, d.month, d.day, r.randint(8, 16), r.choice([0, 15, 30, 45])), p.nm(r, "lf"), p.dob, p.mem, r.choice(PAYERS), r.choice(["Diabetes f/u", "Chest pain", "Depression screen +", "Med refill", "HTN", "Pre-op H&P", "Rash", "ADHD med check"])] for p in ps]
    rows.sort(key=lambda x: x[0])
    return LST("appointments", f"Schedule {fd(r, d, 'wd')}", ["Appt", "Patient", "DOB", "Member ID", "Payer", "Reason"], rows, o)
def L_pa_log(r):
    o = org(r, {"clinic", "hospital", "imaging", "pharmacy"}); ps = people(r, r.randint(10, 18), 10)
    rows = [[p.nm(r, "lf"), p.mem, p.dob, r.choice(PAYERS), *r.choice(CPT[2:] + HCPCS), recent(r), r.choice(["Approved", "Pended - clinicals", "Denied", "Submitted", "Peer-to-peer sched"])] for p in ps]
    return LST("prior-auth-log", "Prior auth tracking", ["Patient", "Member ID", "DOB", "Payer", "Code", "Service", "Submitted", "Status"], rows, o)
def L_denials(r):
    o = org(r, {"billing", "hospital"}); ps = people(r, r.randint(10, 20))
    rows = [[p.acct, p.nm(r, "LFc"), recent(r), r.choice(PAYERS), claimno(r), r.choice(CARC)[0], round(r.uniform(90, 18000), 2), r.choice(["Appeal", "Rebill w/ mod 25", "Write off", "Get auth retro", "Call payer"])] for p in ps]
    return LST("denials-worklist", "Denials work queue", ["Account", "Patient", "DOS", "Payer", "Claim #", "CARC", "Balance", "Next step"], rows, o, None, "m_d_yy")
def L_elig(r):
    o = org(r, {"clinic", "fqhc", "billing", "hospital"}); ps = people(r, r.randint(12, 25))
    rows = [[p.nm(r, "LF"), p.dob, p.mem, r.choice(PAYERS), r.choice(["Active", "Active", "Active", "Termed 10/31/2026", "Not found"]), r.choice(["$25", "$40", "$0", "20%", ""])] for p in ps]
    return LST("eligibility", "Batch eligibility results (271)", ["Name", "DOB", "Member ID", "Plan", "Status", "Copay"], rows, o, "Run for tomorrow's schedule.")
def L_vax_due(r):
    o = org(r, {"clinic", "fqhc"}); ps = people(r, r.randint(10, 20), 1, 17)
    rows = [[p.nm(r, "fl"), p.dob, Person(r, 22, 50, p.pool).nm(r, "fl"), p.phone, ", ".join(v[1] for v in r.sample(VACC, r.randint(1, 3)))] for p in ps]
    return LST("vaccines-due", "Overdue immunizations", ["Child", "DOB", "Parent/guardian", "Phone", "Due"], rows, o)
def L_lab_batch(r):
    o = org(r, {"lab"}); ps = people(r, r.randint(10, 20))
    rows = []
    for p in ps:
        x = lab_val(r, r.choice(LABS)); rows.append([accession(r), p.nm(r, "LFsp"), p.dob, recent(r), x[0], f"{x[2]} {x[3]}".strip(), x[5]])
    return LST("lab-batch", "Pending results - client 4471", ["Accession", "Patient", "DOB", "Collected", "Test", "Result", "Flag"], rows, o)
def L_refills(r):
    o = org(r, {"pharmacy", "clinic"}); ps = people(r, r.randint(10, 20), 18)
    rows = [[rxno(r), p.nm(r, "slash"), p.dob, r.choice(DRUGS), ndc(r), r.choice(["Needs PA", "Refill too soon", "Prescriber denied", "Sent to Dr", "Ready"]), p.phone] for p in ps]
    return LST("pharmacy-refill", "Refill request queue", ["Rx", "Patient", "DOB", "Drug", "NDC", "Status", "Phone"], rows, o)
def L_es(r):
    o = org(r, {"fqhc", "clinic"}); ps = people(r, r.randint(10, 20), 1, 85, "pr")
    rows = [[p.nm(r, "fl"), p.dob, p.mcd, p.phone, r.choice(["Control de diabetes", "Embarazo - 1ra cita", "Vacunas", "Presión alta", "Salud mental", "Resultados de VIH"])] for p in ps]
    return LST("spanish-list", "Lista de pacientes para llamar", ["Nombre", "Fecha de nacimiento", "Núm. de Medicaid", "Teléfono", "Motivo"], rows, o, "Favor de llamar antes del viernes.", "mdy", r, True)
def L_registry(r):
    o = org(r, {"clinic", "fqhc", "payer"}); ps = people(r, r.randint(12, 24), 30)
    rows = [[p.nm(r, "lf"), p.mrn, p.dob, f"{r.uniform(6.5, 13.4):.1f}", recent(r), r.choice(["Y", "N"]), r.choice(["Y", "N"]), r.choice(["Overdue eye exam", "Needs statin", "Urine ACR due", ""])] for p in ps]
    return LST("registry", "Diabetes registry - A1c > 9", ["Patient", "MRN", "DOB", "Last A1c", "A1c date", "On statin", "Eye exam 12m", "Gap"], rows, o)
def L_dme(r):
    o = org(r, {"dme"}); ps = people(r, r.randint(10, 18), 40)
    rows = [[upcoming(r), p.nm(r, "fl"), p.addr(), p.phone, *r.choice(HCPCS[:5] + HCPCS[8:]), mbi_show(r, p.mbi)] for p in ps]
    return LST("dme-deliveries", "Delivery route", ["Deliver", "Patient", "Address", "Phone", "HCPCS", "Item", "MBI"], rows, o)
def L_bh_group(r):
    o = org(r, {"behavioral"}); ps = people(r, r.randint(8, 14), 18, 70)
    g = r.choice(["IOP - Co-Occurring", "DBT Skills", "MAT Group (buprenorphine)", "Trauma Recovery (women)", "Anger Management - court ordered"])
    rows = [[p.nm(r, "fl"), p.mrn, p.dob, r.choice(["P", "P", "A", "Late", "Excused"]), r.choice(["", "UDS collected", "UDS + for fentanyl", "Left early", ""])] for p in ps]
    return LST("bh-group-roster", f"Group attendance - {g}", ["Client", "Client #", "DOB", "Attend", "Note"], rows, o, f"Group: {g}   Date: {fd(r, recent(r), 'mdy')}   Facilitator: {staffer(r).nm(r, 'fl')}, LAC")
def L_collections(r):
    o = org(r, {"billing"}); ps = people(r, r.randint(10, 22), 18)
    rows = [[p.acct, p.nm(r, "LF"), p.ssn if r.random() < 0.6 else ssn_show(r, p.ssn), p.dob, p.addr(), recent(r), round(r.uniform(80, 14000), 2)] for p in ps]
    return LST("collections-list", "Placement file - accounts to agency", ["Account", "Guarantor", "SSN", "DOB", "Address", "Last DOS", "Balance"], rows, o)
def L_dialysis(r):
    o = org(r, {"dialysis"}); ps = people(r, r.randint(10, 18), 30)
    rows = [[r.choice(["MWF", "TTS"]), r.choice(["1st 05:30", "2nd 11:00", "3rd 16:30"]), f"Chair {r.randint(1, 24)}", p.nm(r, "lf"), p.dob, mbi_show(r, p.mbi), r.choice(["AVF L arm", "AVG R arm", "TDC - R IJ", "AVF R arm"]), f"{r.uniform(55, 120):.1f}"] for p in ps]
    return LST("dialysis-schedule", "Chair schedule", ["Days", "Shift", "Chair", "Patient", "DOB", "MBI", "Access", "EDW kg"], rows, o)

# ================================================================== clean documents (look-alikes, no patient)
DEPTS = ["Patient Access", "Revenue Integrity", "Health Information Management", "Nursing Education", "Pharmacy", "Supply Chain", "IT Service Desk", "Quality & Safety",
         "Human Resources", "Compliance", "Laboratory", "Imaging", "Care Management", "Facilities", "Medical Staff Office"]
def N_newsletter(r):
    o = org(r); d = upcoming(r); topic = r.choice([
        ("RSV season is here", "RSV cases in our region rose 38% in the last three weeks. Adults over 75 and infants under 6 months are at highest risk. Nirsevimab is available for eligible infants; RSV vaccine is recommended for adults 75+ and adults 60-74 at increased risk."),
        ("Lyme disease: not just a summer problem", "Ticks remain active whenever temperatures are above freezing. Erythema migrans appears in 70-80% of cases. Doxycycline is first-line for most adults; single-dose prophylaxis may be offered within 72 hours of a high-risk bite."),
        ("Hypertension control: our 2026 goal", "About 1 in 2 adults has high blood pressure. Our clinics' control rate (<140/90) is 64%; the goal is 70%. Tip: repeat the BP after 5 minutes if the first reading is 140/90 or higher."),
        ("Sepsis: time matters", "Each hour of delay in antibiotics raises mortality. Remember the hour-1 bundle: lactate, cultures before antibiotics, broad-spectrum antibiotics, 30 mL/kg crystalloid for hypotension or lactate >= 4."),
        ("Diabetes Awareness Month", "November is National Diabetes Month. 38 million Americans have diabetes and 1 in 5 don't know it. Join our free A1c screening day for employees and the public.")])
    parts = [("H", topic[0]), ("P", topic[1]), ("H", "Also in this issue"),
             ("L", [f"Grand Rounds {fd(r, d, 'long')}: {r.choice(['Updates in heart failure', 'Opioid stewardship', 'Pediatric asthma action plans', 'Long COVID clinic one year in'])}",
                    f"Welcome to our new {r.choice(['hospitalists', 'nurse residents', 'CRNAs'])}: {', '.join(staffer(r).nm(r, 'fl') for _ in range(3))}",
                    f"Flu vaccine compliance for staff: {r.randint(81, 97)}% - thank you!"]),
             ("S", f"{o.name} | {o.addr()} | Unsubscribe")]
    return Doc("newsletter", f"{o.short} Clinical Connection - {MON[TODAY.month - 1]} {TODAY.year}", parts, o)
def N_deid(r):
    o = org(r, {"hospital", "payer"}); rows = []
    for u in r.sample(UNITS_H, 6):
        n = r.randint(20, 400); k = r.randint(0, n // 4)
        rows.append([u, n, k if k >= 11 else "<11", f"{(k / n * 100) if k >= 11 else 0:.1f}%" if k >= 11 else "suppressed", r.choice(["↑", "↓", "→"])])
    parts = [("P", f"Q3 2026 aggregate report. Counts under 11 are suppressed per our data release policy; no patient-level data is included."),
             ("T", ["Unit", "Discharges", "30-day readmits", "Rate", "Trend"], rows),
             ("P", f"Median age of readmitted patients: {r.randint(58, 74)}. Top diagnoses (ICD-10-CM): I50.22, J44.9, N17.9, A41.9.")]
    return Doc("deidentified-stats", "Readmissions dashboard - aggregate", parts, o)
def N_mbi_training(r):
    o = org(r, {"hospital", "clinic", "billing", "payer"}); d = upcoming(r)
    parts = [("P", "Quick reference for registration staff - Medicare Beneficiary Identifier (MBI)"),
             ("L", ["The MBI is 11 characters: format 1AA1-AA1-AA11 (dashes are not entered or printed on claims).", "Position 1 is a number 1-9; positions 2, 5, 8 and 9 are always letters.",
                    "Letters S, L, O, I, B and Z are never used.", "CMS's published example is 1EG4-TE5-MK73. Do not use it in test claims in production.",
                    "Look up a missing MBI through the MAC portal - never ask the patient for their SSN to derive it."]),
             ("P", f"Practice session: {fd(r, d, 'wd')}, {clock(r)}, Training Room B. Sign up with {staffer(r).nm(r, 'fl')}, {r.choice(DEPTS)}.")]
    return Doc("training-mbi", "MBI format refresher", parts, o)
def N_ssn_training(r):
    o = org(r); d = upcoming(r)
    parts = [("P", "Identity-theft awareness module - registration and HIM staff"),
             ("P", "Fraudsters often use famous invalid numbers. 078-05-1120 was printed on a sample card inside wallets sold in 1938 and was later used by thousands of people. "
                   "123-45-6789 appears in advertisements and training material. Neither is ever a real patient's number, and areas 000, 666 and 900-999 are never issued."),
             ("KV", [("Example field", "SSN: 123-45-6789 (sample only)"), ("Masking rule", "Display as XXX-XX-6789"), ("Due date", fd(r, d, "long")), ("Course code", f"HLC-{dg(r, 4)}")]),
             ("P", "Complete the module in the learning system before the due date. Questions: Compliance hotline.")]
    return Doc("training-ssn", "Protecting Social Security numbers", parts, o)
def N_form_rev(r):
    o = org(r); d = upcoming(r); f = r.choice(["Patient Registration Form (REG-104)", "Consent to Treat (HIM-22)", "Financial Assistance Application", "New Patient Intake Packet"])
    parts = [("P", f"Effective {fd(r, d, 'long')}, {f} is revised (rev. {fd(r, recent(r), 'mdy')}). Changes:"),
             ("L", ["The Date of Birth field is now MM/DD/YYYY with separate boxes for each part.", "Added Preferred Name and Pronouns fields.", "Sex assigned at birth moved to page 2.",
                    "Removed the Social Security Number field - do not collect SSN unless required for a payer."]),
             ("P", f"Destroy old stock by {fd(r, d + dtm.timedelta(days=14), 'mdy')}. Order new forms from Print Shop, item #{dg(r, 6)}.")]
    return Doc("admin-notice", "Form revision notice", parts, o)
def N_birthday(r):
    o = org(r); s = staffer(r); d = upcoming(r)
    parts = [("P", f"Please join us to celebrate {s.nm(r, 'fl')}'s {r.choice(['50th', '40th', '30th', '60th', ''])} birthday on {fd(r, d, 'wd')} at {clock(r)} in the {r.choice(['4 West break room', 'Admin conference room', 'cafeteria annex'])}!".replace("  ", " ")),
             ("P", f"Card is circulating - see {staffer(r).nm(r, 'first')} at the front desk. Cake from {r.choice(['Sweet Magnolia Bakery', 'Costco', 'La Michoacana'])}. Potluck sign-up below."),
             ("T", ["Name", "Bringing"], [[staffer(r).nm(r, "fl"), r.choice(["chips & salsa", "fruit tray", "paper plates", "cookies", "lumpia", "boudin balls"])] for _ in range(r.randint(4, 8))])]
    return Doc("birthday", "Birthday celebration!", parts, o)
def N_job(r):
    o = org(r); t = r.choice(["Registered Nurse - Med/Surg (Nights)", "Medical Coder II (remote)", "Patient Access Representative", "Clinical Pharmacist", "Behavioral Health Therapist (LCSW)", "Dental Assistant"])
    parts = [("KV", [("Position", t), ("Req #", f"R-{dg(r, 6)}"), ("Location", f"{o.city}, {o.st}"), ("Schedule", r.choice(["3x12 nights", "M-F 8-4:30", "Hybrid"])), ("Pay range", (lambda lo: f"${lo}.00 - ${lo + r.randint(8, 22)}.00/hr")(r.randint(18, 58)))]),
             ("H", "Requirements"), ("L", ["Current state license or certification", "BLS within 30 days of hire", r.choice(["CPC or CCS preferred", "2 years acute care", "Bilingual Spanish a plus"])]),
             ("P", f"Apply by {fd(r, upcoming(r), 'long')}. Equal Opportunity Employer. Contact {staffer(r).nm(r, 'fl')}, Talent Acquisition.")]
    return Doc("job-posting", "Now hiring", parts, o)
def N_vendor_conf(r):
    v = r.choice(VENDORS); o = org(r); rows = []
    for _ in range(r.randint(3, 7)):
        q = r.randint(1, 40); pr = round(r.uniform(4, 900), 2)
        rows.append([f"{r.choice(['REF', 'CAT'])} {r.choice(['', 'ME-', 'HT'])}{dg(r, 5)}", r.choice(["Suture 3-0 Vicryl", "Foley kit 16Fr", "IV start kit", "Exam gloves nitrile M", "Knee implant tray - consignment", "Pulse ox probe adult", "Specimen cups sterile"]), f"LOT {r.choice('ABCDEFGHJK')}{dg(r, 6)}", q, money(pr), money(pr * q)])
    parts = [("KV", [("Order confirmation", f"SO-{dg(r, 7)}"), ("Customer PO", f"PO{dg(r, 8)}"), ("Ship to", f"{o.name}, Receiving Dock"), ("Ship date", fd(r, upcoming(r), "mdy")), ("Tracking", f"1Z{dg(r, 4)}A{dg(r, 10)}")]),
             ("T", ["Item", "Description", "Lot", "Qty", "Unit", "Ext"], rows), ("S", f"{v.name} | Tax ID {v.tin} | Terms Net 30")]
    return Doc("vendor", "Order Confirmation", parts, v)
def N_invoice(r):
    v = r.choice(VENDORS); o = org(r); rows = [[r.choice(["Biomed PM - infusion pumps", "Travel RN - 13 wk contract, wk 6", "Linen service - Oct", "EHR optimization hours", "Courier - lab route"]), r.randint(1, 60), round(r.uniform(30, 5000), 2)] for _ in range(r.randint(2, 5))]
    parts = [("KV", [("Invoice #", f"INV-{dg(r, 6)}"), ("Invoice date", fd(r, recent(r), "mdy")), ("Bill to", f"{o.name} Accounts Payable"), ("PO #", dg(r, 8)), ("Account #", f"CUST{dg(r, 5)}"), ("Due", fd(r, upcoming(r), "mdy"))]),
             ("T", ["Description", "Qty", "Rate"], rows), ("P", f"Remit to {v.name}, {v.addr()}. ACH routing on file. Questions: {v.phone}.")]
    return Doc("invoice", "INVOICE", parts, v)
def N_it(r):
    o = org(r); who = staffer(r)
    parts = [("KV", [("Incident", f"INC{dg(r, 7)}"), ("Opened", f"{fd(r, recent(r), 'mdy')} {clock(r)}"), ("Caller", f"{who.nm(r, 'lf')} (ext {r.randint(1000, 9999)})"), ("Location", f"{o.short} - {r.choice(['3N nurse station', 'Registration desk 4', 'Pharmacy', 'Lab draw station 2'])}"),
                     ("Category", r.choice(["Printer/label printer", "Badge tap-in", "EHR - slow", "Scanner driver", "Dictation"])), ("Priority", r.choice(["P3", "P2", "P4"])), ("Asset tag", f"PBX{dg(r, 6)}")]),
             ("P", r.choice(["Zebra wristband printer producing blank bands. Replaced ribbon, calibrated; test band printed with TEST, PATIENT. Resolved.", "Imprivata tap not recognized after badge reissue. Re-enrolled badge.",
                             "Scanner at HIM not sending to network folder after password change. Updated SMB credentials.", "Dictation app crashing on login. Reinstalled v12.4."]))]
    return Doc("it-ticket", "Service Desk ticket", parts, o)
def N_edi_guide(r):
    payer = org(r, {"payer"}) if r.random() < 0.6 else r.choice(VENDORS)
    seg = "~\n".join(["NM1*IL*1*<SUBSCRIBER LAST>*<FIRST>****MI*<MEMBER ID>", "N3*<ADDRESS LINE 1>", "N4*<CITY>*<ST>*<ZIP>", "DMG*D8*<CCYYMMDD>*<F|M|U>", "REF*SY*<SSN - DO NOT SEND>",
                      "CLM*<PATIENT CONTROL NO>*<TOTAL CHARGE>***11:B:1*Y*A*Y*Y"]) + "~"
    parts = [("P", f"Companion guide excerpt - 005010X222A1 837P, version {r.randint(2, 6)}.{r.randint(0, 9)} ({fd(r, recent(r), 'mdy')})"),
             ("T", ["Loop", "Segment", "Element", "Payer note"], [["2010BA", "NM109", "Member ID", "11 chars, no spaces or dashes"], ["2010BA", "DMG02", "Birth date", "CCYYMMDD"],
                                                                   ["2300", "CLM01", "Patient control #", "Max 20 chars"], ["2300", "REF*G1", "Prior auth #", "Required when auth on file"]]),
             ("M", seg), ("P", f"Test files to {payer.dom} SFTP /inbound/test. Production cutover {fd(r, upcoming(r), 'long')}.")]
    return Doc("edi-guide", "837P companion guide", parts, payer, kind="raw")
def N_hl7_spec(r):
    o = org(r); v = r.choice(VENDORS)
    seg = "\n".join(["MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|<RCV_APP>|<RCV_FAC>|<YYYYMMDDHHMM>||ADT^A04|<CONTROL_ID>|T|2.5.1",
                     "PID|1||<MRN>^^^<AUTH>^MR||<LAST>^<FIRST>^<MI>||<DOB YYYYMMDD>|<SEX>|||<STREET>^^<CITY>^<ST>^<ZIP>",
                     "PV1|1|O|<LOCATION>||||<ATTENDING NPI>^<LAST>^<FIRST>"])
    parts = [("P", f"Interface spec - outbound ADT to {v.name}, draft {r.randint(1, 4)}"), ("M", seg),
             ("L", ["PID-3 repeats: MR first, then EMPI.", "PID-19 (SSN) must be empty - remove in the engine.", "Processing ID 'T' until go-live; 'P' after.", f"Go-live: {fd(r, upcoming(r), 'long')}"])]
    return Doc("hl7-spec", "HL7 interface specification", parts, o, kind="raw")
def N_fhir_example(r):
    o = org(r)
    ex = {"resourceType": "Patient", "id": "example", "meta": {"tag": [{"code": "HTEST", "display": "test health data"}]},
          "identifier": [{"system": "urn:oid:1.2.36.146.595.217.0.1", "value": "12345"}], "name": [{"use": "official", "family": "Chalmers", "given": ["Peter", "James"]}],
          "gender": "male", "birthDate": "1974-12-25"}
    parts = [("P", "For the sandbox testing session: this is the standard example resource from the FHIR R4 specification (patient-example.json). It is fictional; use it, not real data, when testing the endpoint."),
             ("M", json.dumps(ex, indent=2)), ("P", f"Sandbox base URL: https://sandbox.{o.dom}/fhir/r4 - client credentials will be sent separately.")]
    return Doc("fhir-example", "FHIR sandbox test data", parts, o, kind="raw")
def N_es_notice(r):
    o = org(r); d = upcoming(r)
    parts = [("P", f"A todo el personal de {o.name}:"),
             ("P", r.choice([f"Les recordamos que la clínica estará cerrada el {fd_es(r, d)} por capacitación. Las citas se reprogramarán.",
                             f"La campaña de vacunación contra la influenza para empleados será el {fd_es(r, d)} en la sala de conferencias, de 7 a 3.",
                             f"A partir del {fd_es(r, d)} el estacionamiento del lado norte será solo para pacientes."])),
             ("P", f"Preguntas: {staffer(r).nm(r, 'fl')}, Recursos Humanos, ext. {r.randint(1000, 9999)}."), ("S", "Gracias por su colaboración.")]
    return Doc("spanish-admin", "Aviso al personal", parts, o, spanish=True)
def N_policy(r):
    o = org(r)
    parts = [("KV", [("Policy", f"PRIV-{r.randint(100, 299)} Minimum Necessary"), ("Owner", "Privacy Officer"), ("Effective", fd(r, recent(r), "mdy")), ("Review", "Annual")]),
             ("H", "Purpose"), ("P", "To limit uses and disclosures of protected health information (PHI) to the minimum necessary to accomplish the intended purpose, as required by 45 CFR 164.502(b) and 164.514(d)."),
             ("H", "Procedure"), ("L", ["Use role-based access in the EHR.", "Do not e-mail patient lists unencrypted; use [SECURE] in the subject.", "De-identify data for reports when possible (Safe Harbor: remove the 18 identifiers, including dates except year)."])]
    return Doc("policy", "HIPAA Policy - Minimum Necessary", parts, o)
def N_payer_bulletin(r):
    payer = org(r, {"payer"})
    parts = [("P", f"Provider bulletin {TODAY.year}-{r.randint(10, 40)}: effective {fd(r, upcoming(r), 'long')} the following services require prior authorization:"),
             ("T", ["Code", "Description", "Notes"], [[c, d, r.choice(["Site of service review", "Applies to Medicaid and Marketplace", "Retro auth not accepted"])] for c, d in r.sample(CPT[2:] + HCPCS, 5)]),
             ("P", f"Diagnosis codes supporting medical necessity include {', '.join(c for c, _ in r.sample(ICD, 4))}. Questions: Provider Services {payer.phone}.")]
    return Doc("payer-bulletin", "Provider Bulletin", parts, payer)
def N_pt_ed(r):
    o = org(r)
    t = r.choice([("Living with heart failure", ["Weigh yourself every morning.", "Call if you gain more than 3 lb in a day or 5 lb in a week.", "Limit salt to 2,000 mg a day."]),
                  ("Your asthma action plan", ["GREEN zone: no symptoms - take controller daily.", "YELLOW zone: cough, wheeze - add rescue inhaler.", "RED zone: very short of breath - call 911."]),
                  ("After your colonoscopy", ["Mild bloating is normal.", "Call for fever, severe pain or more than a few tablespoons of blood.", "Biopsy results take 5-7 days."])])
    parts = [("KV", [("Name", "______________________________"), ("Date of birth", "____/____/________"), ("Provider", "________________")]), ("H", t[0]), ("L", t[1]),
             ("S", f"{o.name} patient education. Form PE-{dg(r, 3)} rev. {fd(r, recent(r), 'mdy')}")]
    return Doc("patient-education", t[0], parts, o)
def N_template(r):
    o = org(r)
    parts = [("A", ["{{LETTER_DATE}}", "", "{{PATIENT_FULL_NAME}}", "{{ADDR_LINE1}}", "{{CITY}}, {{STATE}} {{ZIP}}"]),
             ("P", "Dear {{SALUTATION}} {{PATIENT_LAST_NAME}},"),
             ("P", "Our records show you are due for {{RECALL_ITEM}}. Please call {{CLINIC_PHONE}} to schedule. Date of birth on file: {{DOB:MM/DD/YYYY}}."),
             ("P", f"[Template RECALL-{r.randint(1, 12):02d} approved by Patient Communications Committee {fd(r, recent(r), 'mdy')}. Merge fields in braces are filled by the EHR.]")]
    return Doc("reminder-template", "Recall letter template", parts, o)
def N_minutes(r):
    o = org(r); ppl = [staffer(r) for _ in range(6)]
    parts = [("KV", [("Committee", r.choice(["Pharmacy & Therapeutics", "Infection Prevention", "Patient Safety", "Credentials", "Revenue Cycle Steering"])), ("Date", fd(r, recent(r), "long")),
                     ("Present", "; ".join(f"{p.nm(r, 'fl')}, {r.choice(['RN', 'MD', 'PharmD', 'MBA', 'CPC', 'MLS'])}" for p in ppl[:5])), ("Absent", ppl[5].nm(r, "fl"))]),
             ("L", [f"CLABSI rate Q3: {r.uniform(0.2, 1.8):.2f} per 1,000 line days (goal < 0.8).", "Formulary: add empagliflozin; remove sitagliptin 25 mg.", f"Next meeting {fd(r, upcoming(r), 'long')}."])]
    return Doc("meeting", "Committee minutes", parts, o)
def N_cme(r):
    o = org(r); sp = clinician(r)
    parts = [("P", f"Medical Grand Rounds - {fd(r, upcoming(r), 'wd')}, 12:00-1:00 pm, Auditorium and Teams"),
             ("KV", [("Speaker", f"{sp.given} {sp.family}, {sp.cred}"), ("Topic", r.choice(["GLP-1 agonists beyond diabetes", "Early recognition of sepsis in older adults", "Postpartum hypertension", "Buprenorphine in the ED"])),
                     ("Credit", "1.0 AMA PRA Category 1 Credit(TM)"), ("Activity ID", f"CME{dg(r, 5)}")]),
             ("P", "The speaker has no relevant financial relationships to disclose. Lunch provided for the first 40 attendees.")]
    return Doc("cme", "Grand Rounds", parts, o)
def N_drug_short(r):
    o = org(r, {"hospital", "pharmacy"})
    rows = [[r.choice(["Cefazolin 1 g vial", "Lidocaine 1% 30 mL", "Methotrexate 25 mg/mL", "Amoxicillin 400 mg/5 mL susp", "Albuterol 2.5 mg/3 mL neb", "Dextrose 50% syringe"]), ndc(r), r.choice(["Backorder", "Allocation", "Resolved"]), r.choice(["Use 2 g vials", "Substitute per P&T", "Restrict to ED/OR", "Oral route preferred"])] for _ in range(r.randint(3, 6))]
    parts = [("P", "Pharmacy drug shortage update - no action needed for individual patients; prescribers will see alternatives in the order set."), ("T", ["Product", "NDC", "Status", "Guidance"], rows)]
    return Doc("drug-shortage", "Drug shortage update", parts, o)
def N_teaching(r):
    o = org(r, {"hospital"})
    parts = [("P", "Case conference (de-identified): A 60s man presented in late winter with three days of fever and productive cough. Chest film showed right lower lobe consolidation. He was treated for community-acquired pneumonia and developed acute kidney injury on day 2."),
             ("H", "Discussion questions"), ("L", ["What is the CURB-65 score?", "Which antibiotic adjustments are needed for the AKI?", "What drove the delay in switching to oral therapy?"]),
             ("S", "Age and dates generalized per Safe Harbor; no identifiers. Do not add details from the chart.")]
    return Doc("teaching-case", "Morning report case", parts, o)
def N_gym(r):
    o = org(r); s = staffer(r)
    parts = [("P", f"Hi {s.nm(r, 'first')}, your wellness reimbursement for {r.choice(['Planet Fitness', 'Anytime Fitness', 'the YMCA', 'Orangetheory'])} was approved."),
             ("KV", [("Employee ID", f"E{dg(r, 6)}"), ("Gym member #", dg(r, 10)), ("Amount", money(r.choice([60, 120, 150]))), ("Paid on", fd(r, upcoming(r), "mdy"))]),
             ("P", f"Separately, Fleet Services reminds drivers that the auto policy for courier vans is {r.choice(['Progressive', 'Travelers', 'Hanover'])} policy #{dg(r, 4)}-{dg(r, 7)}, expiring {fd(r, upcoming(r), 'mdy')}.")]
    return Doc("gym", "Wellness reimbursement approved", parts, o)
def N_test_patients(r):
    o = org(r)
    rows = [[f"ZZTEST, {x}", D(1900, 1, 1 + i), f"99{dg(r, 6)}", r.choice(["ED", "Lab", "Rad", "Pharm"]), "Downtime drill"] for i, x in enumerate(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT"])]
    parts = [("P", f"Test patients for the {fd(r, upcoming(r), 'long')} downtime drill. These are not real people - do not merge with production charts."), ("T", ["Name", "DOB", "MRN", "Area", "Use"], rows)]
    return Doc("test-data", "Downtime drill test patients", parts, o, "mdy", "list")

# ================================================================== clean lists
def C_directory(r):
    o = org(r); ss = [staffer(r) for _ in range(r.randint(12, 22))]
    rows = [[s.nm(r, "lf"), r.choice(["RN", "Unit Clerk", "CNA", "Charge RN", "Manager", "Scheduler", "Coder", "Pharm Tech", "MA"]), r.choice(DEPTS), f"x{r.randint(2000, 7999)}", phone(r, o.area), f"{plain_ascii(s.given[0] + s.family).lower().replace(' ', '').replace(chr(39), '')}@{o.dom}"] for s in ss]
    return LST("directory", f"{o.short} department phone list", ["Name", "Title", "Department", "Ext", "Cell", "E-mail"], rows, o, "Updated quarterly - please report changes to the operator.")
def C_oncall(r):
    o = org(r); d0 = upcoming(r)
    rows = [[d0 + dtm.timedelta(days=i), dr(r, clinician(r)), phone(r, o.area), dr(r, clinician(r)), r.choice(["Cards", "GI", "Ortho", "Gen Surg", "Neuro", "Psych", "Urology"])] for i in range(r.randint(10, 21))]
    return LST("on-call", "On-call schedule", ["Date", "Primary", "Primary cell", "Backup", "Service"], rows, o, "Call the operator first; cell numbers are for staff use only.")
def C_or_blocks(r):
    o = org(r, {"hospital"}); rows = []
    for dday in ["Mon", "Tue", "Wed", "Thu", "Fri"]:
        for room in r.sample(range(1, 9), 3):
            rows.append([dday, f"OR {room}", r.choice(["0730-1530", "0730-1130", "1200-1730"]), r.choice(["Ortho", "Gen Surg", "GYN", "Urology", "ENT", "Ophtho", "Vascular"]), f"Dr. {r.choice(POOLS['south'][2] + POOLS['irish'][2] + POOLS['kor'][2])}", r.choice(["Released", "", "", "Swap w/ Thu"])])
    return LST("or-block-schedule", f"OR block schedule - {MON[upcoming(r).month - 1]}", ["Day", "Room", "Block", "Service", "Surgeon", "Note"], rows, o, "Block release is 72 hours prior.")
def C_implants(r):
    o = org(r, {"hospital"}); v = r.choice(VENDORS)
    rows = [[f"REF {r.choice(['71', '54', '61'])}{dg(r, 5)}", r.choice(["Tibial insert 10mm", "Femoral comp size 5 L", "Cortical screw 3.5x28", "Locking plate 8-hole", "Suture anchor 5.0", "Bone cement 40g"]),
             f"{r.choice('ABCDEFGHJK')}{dg(r, 7)}", between(r, D(2027, 1, 1), D(2030, 12, 31)), r.randint(0, 12), f"(01){dg(r, 14)}"] for _ in range(r.randint(10, 20))]
    return LST("inventory", "Consignment implant inventory", ["Catalogue", "Description", "Lot", "Expires", "On hand", "UDI-DI"], rows, o, f"Cycle count by {v.name} rep.")
def C_po_lines(r):
    o = org(r); rows = [[f"PO{dg(r, 8)}", recent(r), r.choice(VENDORS).name, r.choice(["Gloves", "IV pumps lease", "Linen", "Wristbands", "Toner", "Syringes 10 mL"]), r.randint(1, 400), round(r.uniform(20, 25000), 2), r.choice(["Received", "Open", "Partial"])] for _ in range(r.randint(12, 22))]
    return LST("purchase-orders", "Open PO report", ["PO", "Date", "Vendor", "Item", "Qty", "Amount", "Status"], rows, o)
def C_training(r):
    o = org(r); rows = [[staffer(r).nm(r, "lf"), f"E{dg(r, 6)}", r.choice(DEPTS), r.choice(["HIPAA Privacy 2026", "Bloodborne Pathogens", "Fire Safety", "Workplace Violence", "Fraud Waste & Abuse"]), r.choice([recent(r), recent(r), None]) ] for _ in range(r.randint(12, 24))]
    for x in rows:
        if x[4] is None: x[4] = "OVERDUE"
    return LST("training-roster", "Annual compliance training status", ["Employee", "Emp ID", "Dept", "Course", "Completed"], rows, o)
def C_cred(r):
    o = org(r); rows = []
    for _ in range(r.randint(10, 18)):
        c = clinician(r); rows.append([f"{c.family}, {c.given}", c.cred, c.npi, f"{r.choice(['MD', 'DO', 'RN', 'PA'])}{dg(r, 5)}", r.choice(["Internal Med", "Family Med", "Psychiatry", "Anesthesia", "Pediatrics", "OB/GYN"]), upcoming(r)])
    return LST("credentialing", "Reappointment due list", ["Practitioner", "Degree", "NPI", "License", "Specialty", "Reappt due"], rows, o)
def C_fees(r):
    o = org(r); rows = [[f"{dg(r, 8)}", c, d, money(r.uniform(40, 9000)), r.choice(["0510", "0320", "0350", "0450", "0360", "0730"])] for c, d in r.sample(CPT, r.randint(10, 16))]
    return LST("fee-schedule", "Chargemaster excerpt", ["CDM #", "CPT", "Description", "Gross charge", "Rev code"], rows, o, "Price transparency file - standard charges, effective Jan 1.")
def C_parking(r):
    o = org(r); rows = [[staffer(r).nm(r, "lf"), f"E{dg(r, 6)}", f"P-{dg(r, 4)}", f"{r.choice(['ME', 'MS', 'WA', 'TX'])} {r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}{dg(r, 4)}", r.choice(["Garage B", "Lot 4", "Employee North"]), upcoming(r)] for _ in range(r.randint(12, 20))]
    return LST("parking", "Parking permit renewals", ["Employee", "Emp ID", "Permit", "Plate", "Lot", "Expires"], rows, o)
def C_birthdays(r):
    o = org(r); m = upcoming(r).month
    rows = [[staffer(r).nm(r, "fl"), r.choice(DEPTS), D(2026 if m >= 12 else 2027, m, r.randint(1, 28))] for _ in range(r.randint(8, 16))]
    rows.sort(key=lambda x: x[2])
    return LST("birthday", f"{MON[m - 1]} staff birthdays", ["Name", "Department", "Birthday"], rows, o, "Celebrate your coworkers! (Month/day only - year not collected.)", "long")
def C_beds(r):
    o = org(r, {"hospital"}); rows = [[u, r.randint(12, 36), r.randint(0, 8), r.randint(0, 5), r.randint(0, 4), r.choice(["", "2 pending D/C", "Isolation room blocked", "Staffed for 24"])] for u in UNITS_H]
    return LST("bed-status", f"Bed board summary {fd(r, TODAY, 'mdy')} 0700", ["Unit", "Staffed", "Open", "Dirty", "Pending admits", "Comment"], rows, o)
def C_pm(r):
    o = org(r); rows = [[f"BM{dg(r, 6)}", r.choice(["Alaris 8015 pump", "Zoll R Series defib", "GE Carescape monitor", "Hill-Rom bed", "Welch Allyn Spot"]), f"SN{dg(r, 9)}", r.choice(UNITS_H), recent(r), upcoming(r), r.choice(["Pass", "Pass", "Fail - battery", "Pass"])] for _ in range(r.randint(12, 22))]
    return LST("equipment", "Biomed PM schedule", ["Asset", "Model", "Serial", "Location", "Last PM", "Next PM", "Result"], rows, o)
def C_interp(r):
    o = org(r); d0 = upcoming(r)
    rows = [[d0 + dtm.timedelta(days=r.randint(0, 6)), staffer(r).nm(r, "fl"), r.choice(["Spanish", "Vietnamese", "Haitian Creole", "Portuguese", "ASL", "Arabic", "Tagalog"]), r.choice(["0700-1530", "1100-1930", "On call"]), phone(r, o.area)] for _ in range(r.randint(10, 18))]
    rows.sort(key=lambda x: x[0])
    return LST("staff-schedule", "Interpreter Services staffing", ["Date", "Interpreter", "Language", "Shift", "Pager/cell"], rows, o)
def C_reqs(r):
    o = org(r); rows = [[f"R-{dg(r, 6)}", r.choice(["RN Med/Surg", "Surg Tech", "Coder II", "Patient Access Rep", "Phlebotomist", "LCSW"]), r.choice(DEPTS), recent(r), staffer(r).nm(r, "fl"), r.choice(["Open", "Interviewing", "Offer"])] for _ in range(r.randint(10, 18))]
    return LST("job-posting", "Open requisitions", ["Req", "Title", "Department", "Posted", "Recruiter", "Status"], rows, o)
def C_monthly(r):
    o = org(r); rows = [[D(2026, m, 1), r.randint(1800, 4000), r.randint(120, 500), r.randint(0, 9), f"{r.uniform(2, 6):.1f}%", f"{r.uniform(70, 95):.0f}%"] for m in range(1, 11)]
    return LST("deidentified-stats", "ED throughput by month (aggregate)", ["Month", "ED visits", "Admissions", "Left AMA", "LWBS %", "Door-to-provider < 30 min"], rows, o, "Aggregate counts only; no patient-level data.", "mon_d_y")
def C_vax_lots(r):
    o = org(r); rows = [[v[2], v[0], f"{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{dg(r, 5)}", between(r, D(2027, 1, 1), D(2028, 6, 30)), r.randint(0, 60), ndc(r)] for v in r.sample(VACC, r.randint(8, 12))]
    return LST("vaccine-inventory", "VFC vaccine inventory", ["Vaccine", "CPT", "Lot", "Expiration", "Doses", "NDC"], rows, o, "Monthly VFC reconciliation - counts only.")

# ================================================================== renderers: text / html
def kv_text(r, kv, sty):
    w = max(len(a) for a, _ in kv)
    if sty == "right": return "\n".join(f"{a.rjust(w)}: {v}" for a, v in kv)
    if sty == "pipe": return "\n".join(f"{a.ljust(w)} | {v}" for a, v in kv)
    if sty == "star": return "\n".join(f"*** {a}: {v}" for a, v in kv)
    if sty == "gt": return "\n".join(f"{a} >> {v}" for a, v in kv)
    if sty == "wrap": return "\n".join(f"{a}:\n     {v}" for a, v in kv)
    if sty == "inline": return textwrap.fill("; ".join(f"{a}: {v}" for a, v in kv), 76)
    if sty == "upper": return "\n".join(f"{a.upper()}:  {v}" for a, v in kv)
    return "\n".join(f"{a}: {v}" for a, v in kv)
def tbl_text(r, hdr, rows, ds, sty):
    S = [[cell(c, ds) for c in row] for row in rows]; H = [str(h) for h in hdr]
    w = [max([len(H[i])] + [len(x[i]) for x in S]) for i in range(len(H))]
    if sty == "psql":
        out = [" " + " | ".join(H[i].ljust(w[i]) for i in range(len(H))), "-" + "-+-".join("-" * x for x in w) + "-"] + [" " + " | ".join(x[i].ljust(w[i]) for i in range(len(H))) for x in S]
        return "\n".join(out) + f"\n({len(S)} rows)"
    if sty == "rst":
        rule = "  ".join("=" * x for x in w); f = lambda cs: "  ".join(cs[i].ljust(w[i]) for i in range(len(H))).rstrip()
        return "\n".join([rule, f(H), rule] + [f(x) for x in S] + [rule])
    if sty == "numbered": return "\n".join(f"{n}) " + " -- ".join(x) for n, x in enumerate(S, 1))
    if sty == "under":
        f = lambda cs: "   ".join(cs[i].ljust(w[i]) for i in range(len(H))).rstrip()
        return "\n".join([f(H), "   ".join("-" * x for x in w)] + [f(x) for x in S])
    if sty == "csv":
        b = io.StringIO(); cw = csv.writer(b, lineterminator="\n"); cw.writerow(H); cw.writerows(S); return b.getvalue().rstrip("\n")
    return "\n".join("- " + ", ".join(f"{H[i]} {x[i]}" for i in range(len(H)) if x[i]) for x in S)
def to_text(r, doc, kvs=None, tbs=None, title=True):
    kvs = kvs or r.choice(["right", "pipe", "star", "gt", "wrap", "inline", "upper", "colon", "colon"])
    tbs = tbs or r.choice(["psql", "rst", "numbered", "under", "csv", "bullets"])
    hs = r.choice(["eq", "tilde", "brack", "plain"])
    out = []
    if title: out += [doc.title if hs != "eq" else f"== {doc.title} ==", "~" * len(doc.title) if hs == "tilde" else "", ""]
    for p in doc.parts:
        k = p[0]
        if k == "KV": out.append(kv_text(r, p[1], kvs))
        elif k == "T": out.append(tbl_text(r, p[1], p[2], doc.ds, tbs))
        elif k == "M": out.append(p[1])
        elif k == "L": out.append("\n".join(f"  {r.choice(['-', '*', 'o'])} {x}" for x in p[1]))
        elif k == "A": out.append("\n".join(p[1]))
        elif k == "H": out.append({"eq": f"-- {p[1]} --", "tilde": p[1].upper(), "brack": f"[{p[1]}]", "plain": p[1] + ":"}[hs])
        else: out.append(textwrap.fill(p[1], 78) if "\n" not in p[1] else p[1])
        out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")

def to_html(r, doc, sty=None, cid=None, sig="", full=True):
    sty = sty or r.choice(["apple", "bordered", "owa", "fieldset", "notif"])
    e = lambda s: hx(str(s)).replace("\n", "<br>")
    body = []
    for p in doc.parts:
        k = p[0]
        if k == "KV":
            if sty == "bordered": body.append('<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">' + "".join(f'<tr><th align="left" bgcolor="#eef2f7">{e(a)}</th><td>{e(v)}</td></tr>' for a, v in p[1]) + "</table>")
            elif sty == "fieldset": body.append("<fieldset><legend>Details</legend>" + "".join(f'<label style="display:block"><span style="color:#666">{e(a)}</span> <output style="border-bottom:1px solid #999">{e(v)}</output></label>' for a, v in p[1]) + "</fieldset>")
            elif sty == "notif": body.append("".join(f'<p style="margin:2px 0"><span class="label" style="font-size:11px;color:#5f6b7a;text-transform:uppercase">{e(a)}</span><br><span class="value" style="font-size:15px">{e(v)}</span></p>' for a, v in p[1]))
            elif sty == "owa": body.append("".join(f'<p class="x_MsoNormal"><b><span style="font-size:11.0pt">{e(a)}:</span></b><span style="font-size:11.0pt">&nbsp;{e(v)}</span></p>' for a, v in p[1]))
            else: body.append("<div>" + "<br>".join(f"{e(a)}: {e(v)}" for a, v in p[1]) + "</div>")
        elif k == "T":
            zebra = sty in ("notif", "bordered")
            rows = "".join(f'<tr{" bgcolor=#f6f6f6" if zebra and i % 2 else ""}>' + "".join(f"<td>{e(cell(c, doc.ds))}</td>" for c in row) + "</tr>" for i, row in enumerate(p[2]))
            body.append(f'<table {"border=1 " if sty != "apple" else ""}cellpadding="3" cellspacing="0" style="font-size:12px;border-collapse:collapse"><thead><tr>' + "".join(f"<th>{e(h)}</th>" for h in p[1]) + f"</tr></thead><tbody>{rows}</tbody></table>")
        elif k == "M": body.append(f'<pre style="font-family:Consolas,monospace;font-size:11px">{hx(p[1])}</pre>')
        elif k == "L": body.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in p[1]) + "</ul>")
        elif k == "H": body.append(f"<h3>{e(p[1])}</h3>" if sty != "owa" else f'<p class="x_MsoNormal"><b><u>{e(p[1])}</u></b></p>')
        elif k == "A": body.append("<p>" + "<br>".join(e(x) for x in p[1]) + "</p>")
        elif k == "S": body.append(f'<p style="font-size:9px;color:#777">{e(p[1])}</p>')
        else: body.append(f"<p>{e(p[1])}</p>")
    inner = "\n".join(body)
    if sty == "notif":
        inner = (f'<table role="presentation" width="620" align="center" style="font-family:Segoe UI,Arial;border:1px solid #d9dee5"><tr><td style="background:#1f4e79;color:#fff;padding:10px 16px;font-size:18px">{e(doc.o.name if doc.o else "")}</td></tr>'
                 f'<tr><td style="padding:16px"><h2 style="font-size:17px">{e(doc.title)}</h2>{inner}</td></tr></table>')
    elif sty == "apple": inner = f'<div style="word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;"><div><b>{e(doc.title)}</b></div><br>{inner}</div>'
    elif sty == "owa": inner = f'<div class="x_WordSection1"><p class="x_MsoNormal"><b>{e(doc.title)}</b></p>{inner}</div>'
    else: inner = f"<h2>{e(doc.title)}</h2>{inner}"
    if sig: inner += f'<br><div class="signature" style="font-size:12px;color:#333">{e(sig)}</div>'
    if cid: inner += f'<div><img src="cid:{cid}" alt="logo" width="180" height="46"></div>'
    if not full: return inner
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{e(doc.title)}</title></head><body style="font-family:Calibri,Arial,sans-serif;font-size:14px">\n{inner}\n</body></html>'

# ================================================================== images
_PNG = {}
def logo_png(o, w=240, h=60):
    key = (o.name, w, h)
    if key in _PNG: return _PNG[key]
    from PIL import Image, ImageDraw, ImageFont
    hv = int(hashlib.sha256(("b4logo:" + o.name).encode()).hexdigest(), 16)
    col = ((hv % 120) + 20, ((hv >> 8) % 100) + 40, ((hv >> 16) % 140) + 80)
    im = Image.new("RGB", (w, h), (255, 255, 255)); d = ImageDraw.Draw(im)
    shape = hv % 3
    if shape == 0: d.polygon([(8, h - 8), (h // 2, 8), (h - 8, h - 8)], fill=col)
    elif shape == 1: d.rounded_rectangle([8, 8, h - 8, h - 8], radius=10, fill=col); d.text((h // 2 - 8, h // 2 - 10), o.short[:2], fill=(255, 255, 255), font=ImageFont.truetype(FONTDIR + "DejaVuSans-Bold.ttf", 16))
    else: d.ellipse([8, 8, h - 8, h - 8], fill=col); d.ellipse([18, 18, h - 18, h - 18], fill=(255, 255, 255))
    d.text((h + 4, h // 2 - 16), o.short, fill=col, font=ImageFont.truetype(FONTDIR + "DejaVuSans-Bold.ttf", 18))
    d.text((h + 4, h // 2 + 5), o.name[:34], fill=(90, 90, 90), font=ImageFont.truetype(FONTDIR + "DejaVuSans.ttf", 9))
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _PNG[key] = b.getvalue(); return _PNG[key]

# ================================================================== renderers: PDF
def pages_of(pdf): return len(re.findall(rb"/Type\s*/Page[^s]", pdf))
def rl_pdf(r, doc, ttf=False):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted, Image as RLImage, KeepTogether
    from xml.sax.saxutils import escape as xe
    if ttf:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        if "DVS" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DVS", FONTDIR + "DejaVuSans.ttf")); pdfmetrics.registerFont(TTFont("DVS-B", FONTDIR + "DejaVuSans-Bold.ttf")); pdfmetrics.registerFont(TTFont("DVM", FONTDIR + "DejaVuSansMono.ttf"))
        F, FB, FM, cv = "DVS", "DVS-B", "DVM", (lambda s: s)
    else:
        F, FB = r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")]); FM, cv = "Courier", lat1
    T = doc.table(); wide = T is not None and len(T[1]) > 6
    ps = landscape(letter) if wide else letter; W = ps[0] - 72
    bar = colors.HexColor(r.choice(["#1f4e79", "#2e5e3e", "#5b2c6f", "#7b241c", "#34495e"]))
    st = ParagraphStyle("b", fontName=F, fontSize=9.5, leading=12.5); sm = ParagraphStyle("s", fontName=F, fontSize=7, leading=8.5, textColor=colors.HexColor("#555555"))
    cs = ParagraphStyle("c", fontName=F, fontSize=7.5 if wide else 8.5, leading=10)
    X = lambda s: xe(cv(str(s))).replace("\n", "<br/>")
    def bar_head(t):
        tb = Table([[Paragraph(f'<font color="white"><b>{X(t)}</b></font>', ParagraphStyle("h", fontName=FB, fontSize=10, leading=12))]], colWidths=[W])
        tb.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), bar), ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])); return tb
    story = []
    if doc.o:
        right = Paragraph(f"<font size=8>{X(doc.o.addr())}<br/>Tel {X(doc.o.phone)}  Fax {X(doc.o.fax)}</font>", st)
        left = RLImage(io.BytesIO(logo_png(doc.o)), width=170, height=42) if r.random() < 0.45 else Paragraph(f"<b>{X(doc.o.name)}</b>", ParagraphStyle("o", fontName=FB, fontSize=13, leading=15, textColor=bar))
        ht = Table([[left, right]], colWidths=[W * 0.55, W * 0.45]); ht.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, bar)])); story += [ht, Spacer(1, 10)]
    story += [Paragraph(f"<b>{X(doc.title)}</b>", ParagraphStyle("t", fontName=FB, fontSize=14, leading=17, spaceAfter=8))]
    kvsty = r.choice(["four", "two", "four"])
    for p in doc.parts:
        k = p[0]
        if k == "KV":
            if kvsty == "four" and len(p[1]) > 3:
                cells = [[Paragraph(f"<font size=7 color='#666666'>{X(a)}</font>", st), Paragraph(X(v), st)] for a, v in p[1]]
                rows = [cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""]) for i in range(0, len(cells), 2)]
                t = Table(rows, colWidths=[W * 0.15, W * 0.35, W * 0.15, W * 0.35])
            else:
                t = Table([[Paragraph(f"<b>{X(a)}</b>", st), Paragraph(X(v), st)] for a, v in p[1]], colWidths=[W * 0.32, W * 0.68])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#bbbbbb"))])); story += [t, Spacer(1, 6)]
        elif k == "T":
            data = [[Paragraph(f"<b>{X(h)}</b>", cs) for h in p[1]]] + [[Paragraph(X(cell(c, doc.ds)), cs) for c in row] for row in p[2]]
            t = Table(data, repeatRows=1, colWidths=[W / len(p[1])] * len(p[1]))
            t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 1, bar), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f3f6")]), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 6)]
        elif k == "M": story.append(Preformatted(cv(p[1])[:3800], ParagraphStyle("m", fontName=FM, fontSize=6.8, leading=8.2)))
        elif k == "H": story += [Spacer(1, 4), bar_head(p[1]), Spacer(1, 3)]
        elif k == "L": story += [Paragraph(("\u2022 " if ttf else "- ") + X(x), st) for x in p[1]]
        elif k == "A": story += [Paragraph("<br/>".join(X(x) for x in p[1]), st), Spacer(1, 10)]
        elif k == "S": story.append(Paragraph(X(p[1]), sm))
        else: story.append(Paragraph(X(p[1]), st))
        story.append(Spacer(1, 3))
    def deco(c, d_):
        c.saveState(); c.setFont(F, 6.5); c.setFillColor(colors.grey)
        c.drawRightString(ps[0] - 36, 20, cv(f"Page {c.getPageNumber()}")); c.drawString(36, 20, cv(doc.o.short if doc.o else "")); c.restoreState()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=ps, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=40, title=cv(doc.title), author=cv(doc.o.name if doc.o else ""), creator=r.choice(["(unspecified)", "LetterWorks 4.2", "PFS Statement Service", "RptSvc"])).build(story, onFirstPage=deco, onLaterPages=deco)
    return buf.getvalue()

def fp_pdf(r, doc, ttf=False):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos
    import fpdf as fpdf_mod
    cv = (lambda s: s) if ttf else lat1
    shade = r.choice([(226, 236, 246), (235, 245, 228), (246, 238, 226), (238, 238, 238)])
    pdf = FPDF(orientation="L" if (doc.table() and len(doc.table()[1]) > 6) else "P", unit="mm", format=r.choice(["Letter", "Letter", "A4"]))
    pdf.set_creation_date(dtm.datetime(2026, 11, 20, 9, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{fpdf_mod.FPDF_VERSION}")
    if ttf:
        pdf.add_font("DejaVu", "", FONTDIR + "DejaVuSans.ttf"); pdf.add_font("DejaVu", "B", FONTDIR + "DejaVuSans-Bold.ttf"); FN = "DejaVu"
    else: FN = r.choice(["Helvetica", "Times", "Courier"]) if r.random() < 0.9 else "Helvetica"
    pdf.set_title(cv(doc.title)); pdf.set_auto_page_break(True, 14); pdf.add_page(); W = pdf.epw
    if doc.o:
        if r.random() < 0.4: pdf.image(io.BytesIO(logo_png(doc.o)), x=pdf.l_margin, y=8, w=52); pdf.set_y(24)
        else: pdf.set_font(FN, "B", 12); pdf.cell(W, 6, cv(doc.o.name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FN, "", 7.5); pdf.cell(W, 4, cv(f"{doc.o.addr()}  |  P {doc.o.phone}  |  F {doc.o.fax}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(3)
    pdf.set_font(FN, "B", 13); pdf.multi_cell(W, 7, cv(doc.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(2)
    for p in doc.parts:
        k = p[0]
        if pdf.page_no() >= 2 and pdf.get_y() > pdf.h - 35: break
        if k == "KV":
            lw = min(70, max(28, max(pdf.get_string_width(cv(a)) for a, _ in p[1]) + 6)) if FN != "Courier" else 62
            for a, v in p[1]:
                pdf.set_fill_color(*shade); pdf.set_font(FN, "B", 8.5); y0 = pdf.get_y()
                pdf.multi_cell(lw, 5.5, cv(a), border=1, fill=True, new_x=XPos.RIGHT, new_y=YPos.TOP)
                pdf.set_font(FN, "", 9); pdf.set_xy(pdf.l_margin + lw, y0); pdf.multi_cell(W - lw, 5.5, cv(v), border=1, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
        elif k == "T":
            hdr, rows = p[1], p[2]; cw = W / len(hdr); pdf.set_font(FN, "B", 7.5); pdf.set_fill_color(*shade)
            for h in hdr: pdf.cell(cw, 6, cv(str(h))[:int(cw / 1.6)], border="B", fill=True)
            pdf.ln(6); pdf.set_font(FN, "", 7.2)
            for i, row in enumerate(rows):
                pdf.set_fill_color(248, 248, 248) if i % 2 else pdf.set_fill_color(255, 255, 255)
                for c in row: pdf.cell(cw, 5, cv(cell(c, doc.ds))[:int(cw / 1.45)], fill=True)
                pdf.ln(5)
                if pdf.get_y() > pdf.h - 22 and pdf.page_no() >= 2: break
            pdf.ln(3)
        elif k == "M": pdf.set_font("Courier", "", 6.5); pdf.multi_cell(W, 3.2, lat1(p[1])[:3500], new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(2)
        elif k == "H": pdf.set_font(FN, "B", 10); pdf.set_fill_color(*shade); pdf.cell(W, 6, cv(p[1].upper()), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(1)
        elif k == "L":
            pdf.set_font(FN, "", 9.5)
            for x in p[1]: pdf.multi_cell(W, 5, cv(("\u2022 " if ttf else "* ") + x), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif k == "A": pdf.set_font(FN, "", 10); pdf.multi_cell(W * 0.6, 5, cv("\n".join(p[1])), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(4)
        elif k == "S": pdf.set_font(FN, "", 7); pdf.multi_cell(W, 3.6, cv(p[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else: pdf.set_font(FN, "", 10); pdf.multi_cell(W, 5.2, cv(p[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(1.5)
    return bytes(pdf.output())

def ps_str(s):
    o = []
    for ch in lat1(s):
        c = ord(ch)
        o.append("\\" + ch if ch in "()\\" else ch if 32 <= c < 127 else "\\%03o" % c)
    return "(" + "".join(o) + ")"
def ps_form(r, doc):
    """hand-written PostScript imitating a pre-printed drop-out-ink form: red boxes and captions, data typed in black Courier"""
    red = r.choice(["0.85 0.1 0.1", "0.1 0.35 0.75", "0.15 0.5 0.25"])
    L = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title)[:60]}", "%%Creator: FormPrint 7.2 (PSDRV)", "%%Pages: (atend)", "%%BoundingBox: 0 0 612 792", "%%EndComments",
         "/reenc { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding def currentdict end definefont pop } def",
         "/HV /Helvetica reenc /HVB /Helvetica-Bold reenc /CR /Courier reenc",
         f"/ink {{ {red} setrgbcolor }} def /blk {{ 0 0 0 setrgbcolor }} def",
         "/box { 4 dict begin /h exch def /w exch def /y exch def /x exch def ink 0.6 setlinewidth newpath x y moveto w 0 rlineto 0 h rlineto w neg 0 rlineto closepath stroke end } def",
         "/cap { ink /HV findfont 5.5 scalefont setfont moveto show } def", "/val { blk /CR findfont 9 scalefont setfont moveto show } def",
         "/txt { blk /HV findfont 9 scalefont setfont moveto show } def", "/hd { ink /HVB findfont 10 scalefont setfont moveto show } def", "%%EndProlog"]
    pg = [1]; y = [0]; body = []
    def newpage():
        if body: body.append("showpage")
        body.append(f"%%Page: {pg[0]} {pg[0]}"); y[0] = 740
        body.append(f"ink /HVB findfont 13 scalefont setfont {ps_str(doc.title.upper())} 40 758 moveto show")
        if doc.o: body.append(f"/HV findfont 7 scalefont setfont {ps_str(doc.o.name + '  ' + doc.o.phone)} 572 {ps_str(doc.o.name + '  ' + doc.o.phone)} stringwidth pop sub 760 moveto show")
        pg[0] += 1
    def need(h):
        if y[0] - h < 40:
            if pg[0] > 2: return False
            newpage()
        return True
    newpage()
    for p in doc.parts:
        k = p[0]
        if k == "KV":
            items = list(p[1]); i = 0
            while i < len(items):
                a, v = items[i]; pair = len(v) < 34 and i + 1 < len(items) and len(items[i + 1][1]) < 34
                if not need(22): break
                y[0] -= 22
                if pair:
                    for j, x0 in enumerate((40, 306)):
                        a, v = items[i + j]; body += [f"{x0} {y[0]} 266 22 box", f"{ps_str(a.upper())} {x0 + 3} {y[0] + 15} cap", f"{ps_str(v[:48])} {x0 + 5} {y[0] + 4} val"]
                    i += 2
                else:
                    for n, chunk in enumerate(textwrap.wrap(v, 92)[:3]):
                        if n: y[0] -= 11; body.append(f"{ps_str(chunk)} 45 {y[0] + 4} val")
                        else: body += [f"{ps_str(a.upper())} 43 {y[0] + 15} cap", f"{ps_str(chunk)} 45 {y[0] + 4} val"]
                    body.append(f"40 {y[0]} 532 {22 + (len(textwrap.wrap(v, 92)[:3]) - 1) * 11} box"); i += 1
            y[0] -= 6
        elif k == "T":
            hdr = [str(h) for h in p[1]]; cw = 532 / len(hdr)
            if not need(30): continue
            y[0] -= 14; body += [f"40 {y[0]} 532 14 box"] + [f"{ps_str(h.upper()[:int(cw / 3.3)])} {40 + i * cw + 2} {y[0] + 5} cap" for i, h in enumerate(hdr)]
            for row in p[2]:
                if not need(12): break
                y[0] -= 12; body.append(f"40 {y[0]} 532 12 box")
                body += [f"blk /CR findfont 7 scalefont setfont {ps_str(cell(c, doc.ds)[:int(cw / 4.3)])} {40 + i * cw + 2} {y[0] + 3} moveto show" for i, c in enumerate(row)]
            y[0] -= 8
        elif k == "M":
            for ln in p[1].split("\n")[:70]:
                for chunk in textwrap.wrap(ln, 120) or [""]:
                    if not need(9): break
                    y[0] -= 9; body.append(f"blk /CR findfont 6.8 scalefont setfont {ps_str(chunk)} 40 {y[0]} moveto show")
            y[0] -= 6
        elif k == "H":
            if need(20): y[0] -= 16; body.append(f"{ps_str(p[1].upper())} 40 {y[0]} hd")
        else:
            lines = p[1] if k in ("L", "A") else p[1].split("\n")
            for ln in lines:
                for chunk in textwrap.wrap(("- " if k == "L" else "") + ln, 105) or [""]:
                    if not need(11): break
                    y[0] -= 11; body.append(f"{ps_str(chunk)} 40 {y[0]} txt")
            y[0] -= 5
    body.append("showpage")
    return "\n".join(L + body + ["%%Trailer", f"%%Pages: {pg[0] - 1}", "%%EOF"]) + "\n"
def gs_pdf(src, out, extra=()):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", *extra, f"-sOutputFile={out}", src], check=True, stdout=subprocess.DEVNULL)
    with open(out, "rb") as f: return f.read()

# ================================================================== renderers: DOCX / XLSX / CSV
def dx_doc(r, doc, letterhead=False):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    d = docx.Document(); sec = d.sections[0]
    T = doc.table()
    if T is not None and len(T[1]) > 6:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for s_ in (sec,): s_.left_margin = s_.right_margin = Inches(0.7); s_.top_margin = Inches(0.6); s_.bottom_margin = Inches(0.6)
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Segoe UI"]); st.font.size = Pt(10)
    hdr = sec.header
    if doc.o:
        hp = hdr.paragraphs[0]
        if letterhead:
            hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT if r.random() < 0.5 else WD_ALIGN_PARAGRAPH.LEFT
            hp.add_run().add_picture(io.BytesIO(logo_png(doc.o)), width=Inches(2.1))
            p2 = hdr.add_paragraph(f"{doc.o.addr()}  ·  {doc.o.phone}"); p2.alignment = hp.alignment; p2.runs[0].font.size = Pt(7.5)
        else:
            run = hp.add_run(doc.o.name.upper()); run.bold = True; run.font.size = Pt(11); run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
            hp.add_run(f"\t\t{doc.o.city}, {doc.o.st}").font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.text = r.choice([f"Form {doc.o.short if doc.o else 'GEN'}-{r.randint(100, 999)}  Rev. {r.randint(1, 12):02d}/{r.choice([23, 24, 25, 26])}", "CONFIDENTIAL", f"Printed {fdate(TODAY, 'mdy')}", f"Doc ID {dg(r, 8)}"])
    fp.runs[0].font.size = Pt(7)
    layout = r.choice(["memo", "grid", "runs"])
    h = d.add_paragraph(); rr = h.add_run(doc.title); rr.bold = True; rr.font.size = Pt(15)
    if layout == "memo":
        for a, v in [("TO", r.choice(["File", "Medical Records", "Utilization Review", "All staff", "Billing Office"])), ("FROM", doc.o.short if doc.o else ""), ("DATE", fdate(TODAY, r.choice(["mdy", "long"])))]:
            p = d.add_paragraph(); p.paragraph_format.space_after = Pt(0); x = p.add_run(f"{a}:\t"); x.bold = True; p.add_run(v)
        d.add_paragraph("_" * 80)
    tstyles = [s_.name for s_ in d.styles if s_.type == 3]
    def shade(c, hexcol):
        tcPr = c._tc.get_or_add_tcPr(); sh = OxmlElement("w:shd"); sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), hexcol); tcPr.append(sh)
    for p in doc.parts:
        k = p[0]
        if k == "KV":
            if layout == "runs":
                for a, v in p[1]:
                    q = d.add_paragraph(); q.paragraph_format.space_after = Pt(1); x = q.add_run(a + ": "); x.bold = True; q.add_run(v)
            else:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid" if layout == "grid" else t.style
                for a, v in p[1]:
                    cs = t.add_row().cells; cs[0].text = a; cs[1].text = v; cs[0].paragraphs[0].runs[0].bold = True
                    if layout == "grid": shade(cs[0], "E8EEF4")
                d.add_paragraph()
        elif k == "T":
            t = d.add_table(rows=1, cols=len(p[1])); t.style = r.choice([x for x in ["Light Grid Accent 1", "Medium Shading 1 Accent 1", "Light List Accent 2", "Table Grid", "Light Shading Accent 5"] if x in tstyles] or ["Table Grid"])
            for i, x in enumerate(p[1]): t.rows[0].cells[i].text = str(x)
            for row in p[2]:
                cs = t.add_row().cells
                for i, c in enumerate(row): cs[i].text = cell(c, doc.ds)
            for row in t.rows:
                for c in row.cells:
                    for q in c.paragraphs:
                        for x in q.runs: x.font.size = Pt(8)
            d.add_paragraph()
        elif k == "M":
            q = d.add_paragraph(); x = q.add_run(p[1][:3500]); x.font.name = "Courier New"; x.font.size = Pt(7)
        elif k == "H": d.add_heading(p[1], level=2)
        elif k == "L":
            for x in p[1]: d.add_paragraph(x, style="List Bullet")
        elif k == "A":
            q = d.add_paragraph("\n".join(p[1]))
        elif k == "S":
            q = d.add_paragraph(); x = q.add_run(p[1]); x.font.size = Pt(7); x.italic = True
        else: d.add_paragraph(p[1])
    d.core_properties.author = doc.o.short if doc.o else ""; d.core_properties.title = doc.title
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

XL_FMT = {"mdy": "mm/dd/yyyy", "m_d_yy": "m/d/yy", "iso": "yyyy-mm-dd", "mon_d_y": "mmm d yyyy", "long": "mmmm d, yyyy", "d_mon_yy": "d-mmm-yy", "dd/MON/yyyy": "dd/mmm/yyyy"}
def xl_book(r, doc, for_pdf=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo
    wb = openpyxl.Workbook(); ws = wb.active
    wb.properties.creator = doc.o.short if doc.o else "report"; wb.properties.created = wb.properties.modified = dtm.datetime(2026, 11, 20, 8, 0, 0)
    T = doc.table(); hdr, rows = T[1], T[2]
    ws.title = re.sub(r"[^A-Za-z0-9 ]", "", doc.title)[:28] or "Sheet1"
    fmt = XL_FMT.get(doc.ds, r.choice(list(XL_FMT.values())))
    r0 = 1
    if r.random() < 0.55 or for_pdf:
        ws.cell(1, 1, doc.title).font = Font(bold=True, size=13); ws.cell(2, 1, f"{doc.o.name if doc.o else ''}   run {fdate(TODAY, 'mdy')} {clock(r)}").font = Font(italic=True, size=9)
        r0 = 4
        for p in doc.parts:
            if p[0] == "P": ws.cell(3, 1, p[1]).font = Font(size=9)
    fill = PatternFill("solid", fgColor=r.choice(["DDEBF7", "E2EFDA", "FCE4D6", "EDEDED"]))
    for j, h in enumerate(hdr, 1):
        c = ws.cell(r0, j, str(h)); c.font = Font(bold=True); c.fill = fill; c.alignment = Alignment(wrap_text=True)
    for i, row in enumerate(rows, r0 + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(i, j, v)
            if isinstance(v, dtm.datetime): c.number_format = "m/d/yyyy h:mm"
            elif isinstance(v, D): c.number_format = fmt
            elif isinstance(v, float): c.number_format = "#,##0.00"
    for j, h in enumerate(hdr, 1):
        w = max([len(str(h))] + [len(cell(row[j - 1], doc.ds)) for row in rows]); ws.column_dimensions[get_column_letter(j)].width = min(42, w + 2)
    last = f"{get_column_letter(len(hdr))}{r0 + len(rows)}"
    if r0 == 1 and r.random() < 0.5 and not for_pdf:
        t = Table(displayName=f"tbl{dg(r, 4)}", ref=f"A1:{last}"); t.tableStyleInfo = TableStyleInfo(name=r.choice(["TableStyleMedium2", "TableStyleLight9", "TableStyleMedium9"]), showRowStripes=True); ws.add_table(t)
    else:
        ws.auto_filter.ref = f"A{r0}:{last}"
    ws.freeze_panes = ws.cell(r0 + 1, 1 if r.random() < 0.6 else 2)
    if for_pdf:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1; ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.freeze_panes = None
    elif r.random() < 0.3:
        info = wb.create_sheet("About")
        info["A1"] = "Source"; info["B1"] = doc.o.name if doc.o else ""; info["A2"] = "Rows"; info["B2"] = len(rows); info["A3"] = "Generated"; info["B3"] = dtm.datetime(2026, 11, 20, 8, 0); info["B3"].number_format = "yyyy-mm-dd hh:mm"
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

def csv_bytes(r, doc):
    T = doc.table(); hdr, rows = [str(h) for h in T[1]], T[2]
    sty = r.choice(["plain", "semicolon", "sephint", "quoted", "tsv", "units"])
    dsty = r.choice([doc.ds, "iso", "mdy", "m_d_yy"])
    def v(c):
        if isinstance(c, dtm.datetime): return f"{c:%Y-%m-%d %H:%M}" if dsty == "iso" else f"{c.month}/{c.day}/{c.year} {c:%H:%M}"
        if isinstance(c, D): return fdate(c, dsty if dsty in DSTYLES or dsty in ("iso",) else "mdy")
        if isinstance(c, float): return f"{c:.2f}"
        return str(c)
    b = io.StringIO(); nl = r.choice(["\r\n", "\n"])
    if sty == "tsv":
        w = csv.writer(b, delimiter="\t", lineterminator=nl); w.writerow(hdr); w.writerows([[v(c) for c in row] for row in rows]); ext = "tsv"
    elif sty in ("semicolon", "sephint"):
        if sty == "sephint": b.write("sep=;" + nl)
        w = csv.writer(b, delimiter=";", lineterminator=nl); w.writerow(hdr); w.writerows([[v(c) for c in row] for row in rows]); ext = "csv"
    else:
        w = csv.writer(b, lineterminator=nl, quoting=csv.QUOTE_ALL if sty == "quoted" else csv.QUOTE_MINIMAL)
        w.writerow([re.sub(r"[^a-z0-9]+", "_", plain_ascii(h).lower()).strip("_") if sty == "units" else h for h in hdr]); w.writerows([[v(c) for c in row] for row in rows]); ext = "csv"
        if sty == "units": b.write(f"# exported {TODAY.isoformat()} by {doc.o.short if doc.o else 'report'}; {len(rows)} records{nl}")
    data = b.getvalue().encode("utf-8")
    if r.random() < 0.3: data = b"\xef\xbb\xbf" + data
    return ext, data

# ---- more clean documents
def N_device_recall(r):
    o = org(r, {"hospital", "clinic", "dme"}); v = r.choice(VENDORS)
    rows = [[f"{r.choice(['REF', 'Cat. No.'])} {dg(r, 6)}", f"{r.choice('ABCDEFGH')}{dg(r, 6)}", f"(01){dg(r, 14)}", between(r, D(2027, 1, 1), D(2029, 1, 1))] for _ in range(r.randint(3, 6))]
    parts = [("P", f"URGENT: MEDICAL DEVICE RECALL - {r.choice(['infusion set free-flow risk', 'CPAP foam degradation', 'catheter tip separation', 'glucose meter incorrect high readings'])}"),
             ("P", "Please check your inventory for the affected lots below, quarantine them and return the acknowledgement form within 10 business days. No patient action is required unless directed by your clinicians."),
             ("T", ["Catalogue", "Lot", "UDI-DI", "Expiration"], rows), ("P", f"Recall reference Z-{dg(r, 4)}-{TODAY.year}. Questions: {v.name} Customer Service {v.phone}.")]
    return Doc("vendor-recall", "Field Safety Notice", parts, v)
def N_baa(r):
    o = org(r); v = r.choice(VENDORS)
    parts = [("P", f"BUSINESS ASSOCIATE AGREEMENT between {o.name} (\"Covered Entity\") and {v.name} (\"Business Associate\"), effective {fd(r, upcoming(r), 'long')}."),
             ("L", ["Business Associate shall not use or disclose Protected Health Information other than as permitted by this Agreement or required by law.",
                    "Business Associate shall report any Breach of Unsecured PHI within five (5) business days of discovery.",
                    "Upon termination, Business Associate shall return or destroy all PHI."]),
             ("KV", [("Covered Entity signatory", f"{staffer(r).nm(r, 'fl')}, Chief Compliance Officer"), ("Business Associate signatory", f"{staffer(r).nm(r, 'fl')}, CEO"), ("Contract #", f"C-{dg(r, 5)}")])]
    return Doc("baa-contract", "Business Associate Agreement", parts, o)
def N_downtime(r):
    o = org(r); d = upcoming(r)
    parts = [("P", f"Planned EHR downtime: {fd(r, d, 'wd')} 01:00-05:00. Read-only BCA workstations will be available on every unit."),
             ("L", ["Print your unit's downtime census report at 00:30.", "Use paper MAR and downtime requisitions (blue forms).", "Label specimens with downtime labels; registration will back-enter after go-live."]),
             ("P", f"Command center: {o.phone} ext {r.randint(1000, 9999)}. Change ticket CHG{dg(r, 7)}.")]
    return Doc("downtime-notice", "Scheduled downtime", parts, o)
def dea(r, last):
    six = dg(r, 6); chk = (int(six[0]) + int(six[2]) + int(six[4]) + 2 * (int(six[1]) + int(six[3]) + int(six[5]))) % 10
    return r.choice("ABFGM") + (plain_ascii(last)[0].upper()) + six + str(chk)
def N_cred_letter(r):
    o = org(r); c = clinician(r)
    parts = [("A", [fd(r, TODAY, "long"), "", f"{c.given} {c.family}, {c.cred}", f"{r.randint(10, 999)} {r.choice(STREETS)}", f"{c.city}, {c.st} {c.zip}"]),
             ("P", f"Dear Dr. {c.family},"), ("P", f"Your reappointment to the medical staff of {o.name} has been approved through {fd(r, upcoming(r) + dtm.timedelta(days=700), 'long')}."),
             ("KV", [("NPI", c.npi), ("State license", f"{r.choice(['MD', 'DO'])}{dg(r, 6)}"), ("DEA", dea(r, c.family)), ("Privileges", r.choice(["Core internal medicine", "Core family medicine incl. OB", "General surgery core"]))]),
             ("P", "Please keep your CME and board certification current. Congratulations and thank you for your service.")]
    return Doc("credentialing", "Reappointment approved", parts, o)
def N_es_class(r):
    o = org(r, {"fqhc", "clinic"}); d = upcoming(r)
    parts = [("P", f"Clases gratuitas: «Viviendo bien con diabetes» - todos los martes a partir del {fd_es(r, d)}, de 6 a 7:30 pm."),
             ("L", ["Aprenda a leer las etiquetas de los alimentos.", "Cómo usar el glucómetro.", "Recetas saludables y actividad física."]),
             ("P", f"Inscríbase en la recepción o llame al {o.phone}. Se ofrece cuidado de niños."), ("S", "Nombre: ______________  Teléfono: ______________  Fecha de nacimiento: ___/___/_____")]
    return Doc("spanish-admin", "Clases para la comunidad", parts, o, spanish=True)
def N_remit_summary(r):
    o = org(r, {"hospital", "clinic", "billing"})
    rows = [[r.choice(PAYERS), f"{dg(r, 10)}", recent(r), r.randint(3, 220), round(r.uniform(500, 180000), 2), r.choice(["Posted", "Posted", "Unmatched - research"])] for _ in range(r.randint(6, 10))]
    parts = [("P", "Daily deposit reconciliation - totals by payer (no claim-level detail)."), ("T", ["Payer", "EFT trace", "Deposit date", "Claims", "Amount", "Status"], rows),
             ("P", f"Bank: routing 0{dg(r, 8)}, lockbox {dg(r, 5)}. Variance to bank: {money(r.uniform(0, 300))}.")]
    return Doc("deposit-reconciliation", "Cash posting summary", parts, o, "mdy")
def N_ack(r):
    o = org(r); d = recent(r)
    msg = (f"MSH|^~\\&|RCV_APP|{o.short}|SND_APP|PARTNER|{ts(r, d)}||ACK^A04|{dg(r, 10)}|P|2.5.1\nMSA|AE|{dg(r, 10)}|Field PID-7 missing or invalid\n"
           f"ERR||PID^1^7|102^Data type error^HL70357|E\n\nISA*00*          *00*          *ZZ*KEX            *ZZ*{o.short:<15}*{d:%y%m%d}*1200*^*00501*{dg(r, 9)}*0*P*:~\nGS*FA*KEX*{o.short}*{d:%Y%m%d}*1200*1*X*005010X231A1~\n"
           f"ST*999*0001*005010X231A1~\nAK1*HC*{r.randint(1, 999)}*005010X222A1~\nIK2*837*0001~\nIK5*A~\nAK9*A*1*1*1~\nSE*6*0001~\nGE*1*1~\nIEA*1*{dg(r, 9)}~")
    parts = [("P", "Acknowledgements from last night's batch - the ACK is an error on a test message; the 999 accepted the claim file. Nothing patient-specific in either."), ("M", msg)]
    return Doc("hl7-ack", "Interface acknowledgements", parts, o, kind="raw")

PHI_DOCS = [T_result_letter, T_lab_cumulative, T_radiology, T_pathology, T_discharge, T_medrec, T_referral, T_prior_auth, T_dme_order, T_immunization, T_bh_note, T_dental,
            T_rx_transfer, T_workcomp, T_appeal, T_denial, T_eob, T_statement, T_collections, T_cms1500, T_ub04, T_appt_letter, T_noshow_letter, T_recall, T_ccd, T_nolabel,
            T_care_coord, T_op_note, T_home_health, T_critical, T_es_result, T_es_auth, T_es_cita]
PHI_RAW = [H_adt, H_orm, H_oru, H_siu, X_270_271, X_835, X_837, F_bundle, F_xml, C_ccda]
PHI_LISTS = [L_census, L_or, L_dc_calls, L_noshow, L_appts, L_pa_log, L_denials, L_elig, L_vax_due, L_lab_batch, L_refills, L_es, L_registry, L_dme, L_bh_group, L_collections, L_dialysis]
CLEAN_DOCS = [N_newsletter, N_deid, N_mbi_training, N_ssn_training, N_form_rev, N_birthday, N_job, N_vendor_conf, N_invoice, N_it, N_es_notice, N_policy, N_payer_bulletin,
              N_pt_ed, N_template, N_minutes, N_cme, N_drug_short, N_teaching, N_gym, N_device_recall, N_baa, N_downtime, N_cred_letter, N_es_class, N_remit_summary]
CLEAN_RAW = [N_edi_guide, N_hl7_spec, N_fhir_example, N_ack]
CLEAN_LISTS = [C_directory, C_oncall, C_or_blocks, C_implants, C_po_lines, C_training, C_cred, C_fees, C_parking, C_birthdays, C_beds, C_pm, C_interp, C_reqs, C_monthly, C_vax_lots, N_test_patients]

# ================================================================== LibreOffice batching
LO_KINDS = {"docx2pdf": ("pdf:writer_pdf_Export", None), "html2pdf": ("pdf:writer_pdf_Export", "HTML (StarWriter)"), "xlsx2pdf": ("pdf:calc_pdf_Export", None),
            "txt2pdf": ("pdf:writer_pdf_Export", "Text (encoded):UTF8,LF,DejaVu Sans Mono,en-US,"), "html2docx": ("docx:MS Word 2007 XML", "HTML (StarWriter)"),
            "docx2docx": ("docx:MS Word 2007 XML", None), "xlsx2xlsx": ("xlsx:Calc Office Open XML", None)}
class Ctx:
    def __init__(self, tmp):
        self.tmp, self.n, self.jobs = tmp, 0, {k: [] for k in LO_KINDS}
        for k in LO_KINDS: os.makedirs(os.path.join(tmp, k, "in")); os.makedirs(os.path.join(tmp, k, "out"))
    def path(self, suf):
        self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def lo(self, kind, data, inext, outext):
        self.n += 1; base = f"b4_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{inext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.jobs[kind].append(p); return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{outext}"))
    def run(self):
        prof = "file://" + os.path.join(self.tmp, "profile")
        for kind, files in self.jobs.items():
            if not files: continue
            conv, inf = LO_KINDS[kind]
            subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--norestore", "--nolockcheck"] + ([f"--infilter={inf}"] if inf else [])
                           + ["--convert-to", conv, "--outdir", os.path.join(self.tmp, kind, "out")] + files, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
class Pending:
    """a file LibreOffice will write; optionally re-distilled by ghostscript afterwards"""
    def __init__(self, path, gs=None): self.path, self.gs = path, gs
    def then_gs(self, opts): return Pending(self.path, opts)
    def get(self, ctx):
        if self.gs is not None: return gs_pdf(self.path, ctx.path(".pdf"), self.gs)
        with open(self.path, "rb") as f: data = f.read()
        return fix_zip(data) if self.path.endswith((".docx", ".xlsx")) else data

# ================================================================== mail pieces
MAILERS = ["Microsoft Outlook 16.0", "Outlook for iOS", "Apple Mail (2.3774.300.61)", "Microsoft Exchange Server 2019 CU14", "Epic Hyperspace Secure Messaging",
           "Zimbra 10.0.8_GA", "Konica Minolta bizhub C360i", "eFax Corporate", "Mozilla Thunderbird 128.5.0", "Paubox Email API"]
CONF = ["CONFIDENTIALITY NOTICE: This e-mail, including attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, use or disclosure is prohibited.",
        "This message may contain protected health information. If you received it in error, please notify the sender immediately and delete it; do not forward.",
        "AVISO DE CONFIDENCIALIDAD: Este mensaje es solo para el destinatario. Si lo recibió por error, notifique al remitente.",
        "Think before you print.  ♻"]
TITLES = ["Revenue Cycle Specialist", "RN Case Manager", "Practice Manager", "Referral Coordinator", "Clinical Informatics Analyst", "Billing Supervisor", "Medical Assistant",
          "Pharmacy Technician", "Intake Coordinator", "Director of Nursing", "HIM Specialist", "Credentialing Coordinator", "Administrative Assistant"]
def addr_of(r, p, dom):
    loc = plain_ascii(r.choice([f"{p.given}.{p.family}", f"{p.given[0]}{p.family}", f"{p.family}{p.given[0]}", f"{p.given}_{p.family[:4]}"])).lower()
    return re.sub(r"[^a-z0-9._]", "", loc) + "@" + dom
def sig_block(r, s, o):
    t = r.choice([f"Warm regards,\n{s.given} {s.family}\n{r.choice(TITLES)} | {o.name}\n{o.phone}",
                  f"V/r,\n{s.given[0]}. {s.family}\n{o.short} - {r.choice(DEPTS)}",
                  f"Respectfully,\n\n{s.given} {s.family} ({'she/her' if s.sex == 'F' else 'he/him'})\n{r.choice(TITLES)}\n{o.addr()}\nMain {o.phone} | Fax {o.fax}",
                  f"— {s.given} {s.family} | {r.choice(TITLES)} | {o.short}",
                  f"Thx\n{s.given}\n\nSent from my Galaxy",
                  f"Un saludo,\n{s.given} {s.family}\n{o.name}"])
    if r.random() < 0.35: t += "\n\n" + r.choice(CONF)
    return t
def new_msg(r, subject, o=None, s=None, to=None, cc=None, from_name=None):
    o = o or r.choice(ORGS); s = s or staffer(r)
    m = EmailMessage(policy=SMTP)
    m["From"] = formataddr((from_name or r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} | {o.short}", f"{s.given} {s.family} ({r.choice(DEPTS)})"]), addr_of(r, s, o.dom)))
    if to is None:
        t = staffer(r); dom = r.choice([x.dom for x in ORGS + VENDORS if x is not o])
        to = formataddr((r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}"]), addr_of(r, t, dom))) if r.random() < 0.7 else r.choice(["referrals", "central.scheduling", "pa.requests", "him", "ap.invoices", "cm", "edi.support", "frontoffice"]) + "@" + dom
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.15: c = staffer(r); m["Cc"] = formataddr((f"{c.given} {c.family}", addr_of(r, c, o.dom)))
    m["Subject"] = subject
    when = dtm.datetime(2026, r.randint(9, 11), r.randint(1, 28), r.randint(6, 20), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([4, 5, 6, 7, 8, 10]))))
    m["Date"] = format_datetime(when); m["Message-ID"] = f"<{r.choice(['BN', 'SA', 'CH', 'MW'])}{dg(r, 1)}PR{dg(r, 2)}MB{dg(r, 4)}.{dg(r, 6)}@{o.dom}>"
    mailer = r.choice(MAILERS + [None] * 4)
    if mailer: m["X-Mailer"] = mailer
    if r.random() < 0.1: m["Importance"] = "High"
    return m, s, o
def set_alt(m, text, html, related=()):
    m.set_content(text); m.add_alternative(html, subtype="html")
    if related:
        hp = m.get_payload()[1]
        for cid, png, fn in related: hp.add_related(png, "image", "png", cid=f"<{cid}>", filename=fn, disposition="inline")
COVERS = ["Attached for your records.", "Please see the attached.", "Hi,\n\nAttaching the document we discussed this morning. Let me know if anything is missing.",
          "Sending via secure mail as requested.", "See file.", "Good afternoon - the requested file is attached.", "Attached. Please confirm you received it.",
          "Here is this week's file.", "Forwarding for review before Friday.", "Adjunto el documento. Saludos.", "Attached - replaces the version I sent yesterday.",
          "Per your voicemail, attached.", "Uploading to the portal failed so attaching here."]
SUBJ = ["Documents", "Requested file", "For review", "Attachment", "Secure: file", "This week's report", "Per your request", "Scan from front desk", "Updated version",
        "Re: question from this morning", "FW: file", "Info", "Documento solicitado", "Weekly", "[Secure] Document"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.12:
        dev = f"KM-{r.choice(['HIM', 'REG', 'BILL', '2W'])}-{r.randint(1, 20):02d}"
        m.replace_header("From", formataddr((f"bizhub {dev}", f"noreply-scan@{o.dom}")))
        m.set_content(f"Scanned document attached.\n\nDevice: {dev}\nLocation: {r.choice(['Billing office', 'Registration', 'Medical Records', 'Nurse station 3W'])}\nPages: {r.randint(1, 5)}\nResolution: 300 dpi\nFile format: PDF\n"); return
    if x < 0.2:
        m.replace_header("From", formataddr(("eFax Corporate", f"message@inbound.efax.{o.dom}")))
        m.set_content(f"You have received a fax.\nPages: {r.randint(1, 6)}\nCaller-ID: {phone(r, r.choice(PLACES)[3])}\nReceived {fdate(recent(r), 'mdy')} {clock(r)}\nFax reference: {r.choice('ABCDEF')}{dg(r, 9)}\n"); return
    if x < 0.28:
        m.set_content(f"{s.given} {s.family} has sent you a secure message.\n\nThis message was encrypted by Paubox. The attachment was scanned for malware.\n\n{sig_block(r, s, o)}"); return
    txt = r.choice(COVERS) + "\n\n" + sig_block(r, s, o)
    if r.random() < 0.3:
        cid = f"image00{r.randint(1, 4)}.png@01DB{dg(r, 4)}.{dg(r, 8)}"
        set_alt(m, txt, f'<html><body><p style="font-family:Calibri">{hx(txt).replace(chr(10), "<br>")}</p><p><img src="cid:{cid}" width="180" height="46" alt="{hx(o.short)}"></p></body></html>', [(cid, logo_png(o), "image001.png")])
    else: m.set_content(txt)
MT = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"), "txt": ("text", "plain"), "zip": ("application", "zip")}
def attach(m, data, fname):
    mt = MT[fname.rsplit(".", 1)[-1].lower()]
    if mt[0] == "text": m.add_attachment(data, mt[0], mt[1], filename=fname, params={"charset": "utf-8"})
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "-", plain_ascii(doc.title)).strip("-")[:36]; d = recent(r)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%m%d%Y}.{ext}", f"{d:%Y%m%d}_{base.lower()}.{ext}", f"SKM_C360i{d:%y%m%d}{dg(r, 5)}.{ext}", f"{doc.o.short if doc.o else 'doc'}-{dg(r, 5)}.{ext}",
                     f"report ({r.randint(1, 4)}).{ext}", f"{base} FINAL.{ext}"])

# ================================================================== carriers
def fit_pdf(make, doc):
    for n in (40, 26, 16, 9):
        d2 = doc.cut(n)
        d2.parts = [(p[0], "\n".join(p[1].split("\n")[:90])) if p[0] == "M" else p for p in d2.parts]
        data = make(d2)
        if pages_of(data) <= 2: return data
    return data
GREET = ["", "", "Hi,\n\n", "Hello team,\n\n", "Morning -\n\n", "Please see below.\n\n", "Hola,\n\n", "FYI -\n\n", "As promised:\n\n"]
def build_plain(r, doc):
    m, s, o = new_msg(r, doc.title if r.random() < 0.5 else r.choice(SUBJ), doc.o if doc.o in ORGS and r.random() < 0.5 else None)
    m.set_content(r.choice(GREET) + to_text(r, doc, title=r.random() < 0.7) + "\n\n" + sig_block(r, s, o))
    if r.random() < 0.1: m.add_attachment(logo_png(o), "image", "png", filename="Outlook-logo.png", disposition="inline")
    return m
def build_html(r, doc):
    m, s, o = new_msg(r, doc.title if r.random() < 0.55 else r.choice(SUBJ))
    sig = sig_block(r, s, o); cid = f"logo_{dg(r, 6)}@{o.dom}" if r.random() < 0.4 else None
    html = to_html(r, doc, None, cid, sig)
    text = r.choice(["To view this message, open it in an HTML-capable e-mail client.", "This e-mail contains formatted content. Please enable HTML view."]) if r.random() < 0.2 else to_text(r, doc) + "\n\n" + sig
    set_alt(m, text, html, [(cid, logo_png(o), "logo.png")] if cid else [])
    return m
def long_when(r, d): return f"{WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {r.randint(1, 12)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
def qt(t, pre="> "): return "\n".join((pre + ln).rstrip() if ln else pre.rstrip() for ln in t.split("\n"))
FWD_TOP = ["See below - can you take care of this?", "Forwarding per our huddle.", "Who should handle this one?", "Please file.", "Adding you so you have the history.",
           "This came to the wrong inbox, sending your way.", "See thread. Thanks!", "Can we discuss tomorrow?", "Les reenvío esto.", "Please advise."]
def build_forwarded(r, doc):
    a, b = staffer(r), staffer(r); o1 = doc.o if doc.o else r.choice(ORGS); o2 = r.choice(ORGS); d = recent(r)
    inner = to_text(r, doc) + "\n\n" + sig_block(r, a, o1)
    sty = r.choice(["outlook-mobile", "gmail-mobile", "exchange-chain", "gmail-es", "bottom-post", "thunderbird", "rfc822-html", "rfc822-plain"])
    prefix = {"outlook-mobile": "FW: ", "exchange-chain": "RE: ", "gmail-es": "Fwd: ", "rfc822-html": "Fwd: ", "rfc822-plain": "FW: "}.get(sty, "Re: ")
    m, s, o = new_msg(r, prefix + doc.title, o2)
    top = r.choice(FWD_TOP) + "\n\n" + sig_block(r, s, o)
    fa = formataddr((f"{a.given} {a.family}", addr_of(r, a, o1.dom))); ta = formataddr((f"{b.given} {b.family}", addr_of(r, b, o2.dom)))
    if sty == "outlook-mobile":
        m.set_content(f"{top}\n\n________________________________\nFrom: {fa}\nSent: {long_when(r, d)}\nTo: {ta}\nSubject: {doc.title}\n\n{inner}")
    elif sty == "gmail-mobile":
        m.set_content(f"{r.choice(FWD_TOP)}\n\nOn {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year}, {clock(r)} {a.given} {a.family} <{addr_of(r, a, o1.dom)}> wrote:\n\n{qt(inner)}")
    elif sty == "exchange-chain":
        c = staffer(r); mids = r.choice(["Any update on this?", "Still waiting on the payer.", "Bumping this up.", "Did anyone call them back?"])
        m.set_content(f"{top}\n\n-----Original Message-----\nFrom: {c.family}, {c.given}\nSent: {long_when(r, d)}\nTo: {s.given} {s.family}\nSubject: RE: {doc.title}\n\n{mids}\n\n"
                      f"-----Original Message-----\nFrom: {a.family}, {a.given}\nSent: {long_when(r, d - dtm.timedelta(days=r.randint(1, 5)))}\nTo: {c.given} {c.family}\nSubject: {doc.title}\n\n{inner}")
    elif sty == "gmail-es":
        m.set_content(f"{r.choice(FWD_TOP)}\n\n---------- Forwarded message ---------\nDe: {fa}\nDate: {['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'][d.weekday()]}, {d.day} {MES[d.month - 1][:3]} {d.year} a las {clock(r)}\nSubject: {doc.title}\nTo: {ta}\n\n\n{inner}")
    elif sty == "bottom-post":
        m.set_content(f"{a.given} {a.family} wrote:\n{qt(inner)}\n\n{r.choice(['Got it, thanks.', 'Received - will process today.', 'OK, scheduling will call.'])}\n\n{s.given}")
    elif sty == "thunderbird":
        m.set_content(f"{r.choice(FWD_TOP)}\n\nOn {d.month}/{d.day}/{d.year} {clock(r)}, {a.given} {a.family} wrote:\n{qt(inner)}\n\n-- \n{s.given} {s.family}")
    else:
        im, _, _ = new_msg(r, doc.title, o1, a)
        if sty == "rfc822-html": set_alt(im, inner, to_html(r, doc, None, None, sig_block(r, a, o1)))
        else: im.set_content(inner)
        m.set_content(top); m.add_attachment(im, filename=re.sub(r"[^A-Za-z0-9 ]", "", doc.title)[:40] + ".eml")
    return m

def appledouble(): return b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\x00\x00\x00\x32\x00\x00\x0e\xb0" + b"\x00" * 40
def build_attachment(r, ctx, carrier, doc):
    if carrier == "pdf-reportlab": ttf = r.random() < 0.4; return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d, ttf), doc)
    if carrier == "pdf-fpdf2": ttf = r.random() < 0.5; return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d, ttf), doc)
    small = doc.cut(16)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45:
            p = ctx.path(".ps")
            with open(p, "w", encoding="latin-1") as f: f.write(ps_form(r, small))
            return fname_for(r, doc, "pdf"), gs_pdf(p, ctx.path(".pdf"), [r.choice(["-dCompatibilityLevel=1.5", "-dPDFSETTINGS=/prepress", "-dPDFSETTINGS=/ebook"])])
        if x < 0.7:
            p = ctx.path(".pdf")
            with open(p, "wb") as f: f.write(fit_pdf(lambda d: rl_pdf(r, d, r.random() < 0.3), doc) if x < 0.58 else fit_pdf(lambda d: fp_pdf(r, d, r.random() < 0.5), doc))
            return fname_for(r, doc, "pdf"), gs_pdf(p, ctx.path(".pdf"), ["-dPDFSETTINGS=/printer"])
        if x < 0.85: return fname_for(r, doc, "pdf"), ctx.lo("html2pdf", to_html(r, small), "html", "pdf").then_gs(["-dPDFSETTINGS=/ebook"])
        return fname_for(r, doc, "pdf"), ctx.lo("docx2pdf", dx_doc(r, small, r.random() < 0.5), "docx", "pdf").then_gs(["-dCompatibilityLevel=1.4"])
    if carrier == "pdf-libreoffice":
        x = r.random()
        if doc.table() and doc.kind == "list" and x < 0.5: return fname_for(r, doc, "pdf"), ctx.lo("xlsx2pdf", xl_book(r, small, True), "xlsx", "pdf")
        if x < 0.62: return fname_for(r, doc, "pdf"), ctx.lo("docx2pdf", dx_doc(r, small, r.random() < 0.5), "docx", "pdf")
        if x < 0.85: return fname_for(r, doc, "pdf"), ctx.lo("html2pdf", to_html(r, small), "html", "pdf")
        return fname_for(r, doc, "pdf"), ctx.lo("txt2pdf", to_text(r, small, tbs=r.choice(["under", "psql", "rst"])) + "\n", "txt", "pdf")
    if carrier == "docx":
        x = r.random()
        if x < 0.55: return fname_for(r, doc, "docx"), dx_doc(r, doc.cut(40), r.random() < 0.5)
        if x < 0.78: return fname_for(r, doc, "docx"), ctx.lo("html2docx", to_html(r, doc.cut(40)), "html", "docx")
        return fname_for(r, doc, "docx"), ctx.lo("docx2docx", dx_doc(r, doc.cut(40), r.random() < 0.5), "docx", "docx")
    if carrier == "xlsx":
        data = xl_book(r, doc)
        if r.random() < 0.42: return fname_for(r, doc, "xlsx"), ctx.lo("xlsx2xlsx", data, "xlsx", "xlsx")
        return fname_for(r, doc, "xlsx"), data
    if carrier == "csv":
        ext, data = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        k = r.choice(["rl", "fp", "docx"] + (["xlsx", "csv", "csv"] if doc.kind == "list" else []))
        if k == "rl": name, data = fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d, r.random() < 0.4), doc)
        elif k == "fp": name, data = fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d, r.random() < 0.5), doc)
        elif k == "docx": name, data = fname_for(r, doc, "docx"), dx_doc(r, doc, r.random() < 0.4)
        elif k == "xlsx": name, data = fname_for(r, doc, "xlsx"), xl_book(r, doc)
        else: ext, data = csv_bytes(r, doc); name = fname_for(r, doc, ext)
        shape = r.choice(["flat", "dated", "mac", "readme", "dsstore"])
        if shape == "dated": members = [(f"export/{recent(r):%Y-%m}/{name}", data)]
        elif shape == "mac":
            fold = r.choice(["Files", "Documents", "for upload"])
            members = [(f"{fold}/{name}", data)] + ([(f"__MACOSX/{fold}/._{name}", appledouble())] if name.endswith(".pdf") else []) + [(f"{fold}/.DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 24)]
        elif shape == "readme": members = [("README.txt", f"Contents: 1 file\r\nPrepared {fdate(TODAY, 'mdy')} for secure transfer. Delete after upload.\r\n".encode()), (name, data)]
        elif shape == "dsstore": members = [(name, data), (".DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 24)]
        else: members = [(name, data)]
        return f"{r.choice(['transfer', 'upload', 'Archive', 'secure-files', doc.o.short if doc.o else 'files'])}_{dg(r, 5)}.zip", make_zip(members)
    raise ValueError(carrier)

# ================================================================== header carrier
HBODY = ["See my note from this morning.", "Calling you in 5.", "Thank you!", "Got it - will take care of it.", "Can you stop by the office?", "Please see the chart.",
         "Let's discuss at 2.", "Done.", "Recibido, gracias.", "Will follow up after clinic."]
SHORT_DX = ["new A-fib", "positive HIV screen", "CA-125 rising", "suicidal ideation", "opioid relapse", "miscarriage", "new T2DM", "NSTEMI", "hep C +", "melanoma path", "pregnancy test +", "UDS + fentanyl", "ESRD - starting HD"]
def hdr_phi(r):
    p = Person(r); v = r.randrange(16); d = fd(r, p.dob, r.choice(["mdy", "m_d_yy", "iso", "mon_d_y", "mmddyy", "long"])); o = r.choice(ORGS); sd = r.choice(SHORT_DX)
    subj, to, cc, extra, from_name = r.choice(SUBJ[:12]), None, None, {}, None
    if v == 0: subj = f"Pt: {p.nm(r, 'LFc')} | {p.mrn} | {sd}"
    elif v == 1: subj = f"{p.nm(r, 'fl')} DOB {d} -- PA denied for {r.choice(DRUGS)}"
    elif v == 2: cc = formataddr((f"{p.nm(r, 'fl')} (patient)", p.email)); subj = r.choice(["Follow-up on your biopsy", "Your colposcopy results", "Next steps after your positive TB test", "Your sleep apnea device"])
    elif v == 3: to = formataddr((f"{p.nm(r, 'fl')} - Member ID {p.mem}", p.email)); subj = r.choice(["Your appeal decision", "Your prior authorization for bariatric surgery", "About your ER claim"])
    elif v == 4: extra["X-Message-Flag"] = f"Follow up: call {p.nm(r, 'fl')} at {p.phone} re {sd}"; subj = "call back"
    elif v == 5: extra["Thread-Topic"] = f"{p.nm(r, 'lf')} {p.mrn} - chemo C3 delayed, ANC 0.4"; subj = "RE: schedule"
    elif v == 6: extra["Keywords"] = f"PHI, {p.nm(r, 'LF')}, DOB {d}, {r.choice(ICD)[0]}"
    elif v == 7: extra["X-Patient-Ref"] = f"{p.mrn}|{p.nm(r, 'hl7')}|{p.dob:%Y%m%d}|{r.choice(['PSYCH', 'ONC', 'OB', 'ID'])}"; subj = "Chart correction"
    elif v == 8: extra["X-Fax-Cover-Note"] = f"Re: {p.nm(r, 'fl')} DOB {d} SSN {ssn_show(r, p.ssn)} - records for SSDI claim"; subj = "Fax sent successfully"
    elif v == 9: subj = f"Resultados de {p.nm(r, 'fl')} (fecha de nac. {fd_es(r, p.dob)}) - {r.choice(['prueba de VIH positiva', 'diabetes gestacional', 'cáncer de mama', 'depresión severa'])}"
    elif v == 10: extra["Sender"] = formataddr((f"Hospice intake for {p.nm(r, 'fl')} - {r.choice(['pancreatic CA', 'end-stage COPD', 'ALS'])}", "intake@" + o.dom))
    elif v == 11: subj = f"Elig check MBI {mbi_show(r, p.mbi)} {p.nm(r, 'LF')} - ESRD, dialysis start {fd(r, recent(r), 'mdy')}"
    elif v == 12: extra["Reply-To"] = formataddr((f"{p.nm(r, 'fl')} c/o {o.short} - transplant workup", "coord@" + o.dom))
    elif v == 13: to = formataddr((f"{p.nm(r, 'fl')} (DOB {d})", p.email)); subj = r.choice(["Your HIV test results are ready", "Your mammogram needs follow-up", "Lab results: A1c 11.2"])
    elif v == 14: extra["X-Document-Name"] = f"{plain_ascii(p.family).upper().replace(' ', '')}_{plain_ascii(p.given).upper().replace(' ', '')}_{p.dob:%m%d%Y}_PsychEval.pdf"; subj = "Scan"
    else: from_name = f"Dr. {clinician(r).family}'s office re: {p.nm(r, 'fl')} ({sd})"
    return subj, to, cc, extra, from_name
def hdr_clean(r):
    s = staffer(r); v = r.randrange(15); o = r.choice(ORGS); subj, to, cc, extra, from_name = r.choice(SUBJ[:12]), None, None, {}, None
    if v == 0: subj = f"{s.nm(r, 'lf')} - shift swap {fd(r, upcoming(r), 'm_d_yy')}"
    elif v == 1: to = formataddr((f"{s.nm(r, 'lf')} (Payroll) E{dg(r, 6)}", addr_of(r, s, o.dom))); subj = "Direct deposit form"
    elif v == 2: extra["X-Ticket-ID"] = f"INC{dg(r, 7)} - {s.nm(r, 'fl')} - {r.choice(['VPN token', 'printer jam 3W', 'password reset'])}"
    elif v == 3: extra["Keywords"] = f"budget; FY27; capital; {s.family}"; subj = "Capital requests due"
    elif v == 4: extra["Thread-Topic"] = f"Holiday potluck sign-up - {r.choice(DEPTS)}"; subj = "RE: potluck"
    elif v == 5: c = clinician(r); subj = f"Dr. {c.given} {c.family} NPI {c.npi} - credentialing file complete"
    elif v == 6: extra["X-Message-Flag"] = f"Follow up: call {s.nm(r, 'fl')} re committee agenda"; subj = "agenda"
    elif v == 7: subj = f"Order SO-{dg(r, 7)} shipped - tracking 1Z{dg(r, 4)}A{dg(r, 10)}"
    elif v == 8: extra["Sender"] = formataddr((f"{s.nm(r, 'fl')} on behalf of Nursing Education", "nursing.ed@" + o.dom)); subj = "Skills fair sign-up"
    elif v == 9: subj = f"Cumpleaños de {Person(r, 25, 60, 'pr').nm(r, 'fl')} - pastel en la sala de descanso"
    elif v == 10: cc = formataddr((f"{s.nm(r, 'lf')} - HR Business Partner", addr_of(r, s, o.dom))); subj = "Interview schedule"
    elif v == 11: extra["X-Document-Name"] = f"Timesheet_{plain_ascii(s.family).replace(' ', '')}_{fdate(recent(r), 'ymd')}.pdf"; subj = "Scan"
    elif v == 12: subj = f"Employee flu clinic - {fd(r, upcoming(r), 'wd')}"
    elif v == 13: subj = f"Reminder: Date of Birth field on REG-104 changes {fd(r, upcoming(r), 'mdy')}"
    else: subj = "MBI format training - example 1EG4-TE5-MK73"
    return subj, to, cc, extra, from_name
def build_header(r, label):
    subj, to, cc, extra, from_name = hdr_phi(r) if label == "phi" else hdr_clean(r)
    m, s, o = new_msg(r, subj, to=to, cc=cc, from_name=from_name)
    for k, v in extra.items():
        if k in m: del m[k]
        m[k] = v
    body = r.choice(HBODY) + "\n\n" + sig_block(r, s, o)
    if r.random() < 0.3:
        cid = f"sig{dg(r, 5)}@{o.dom}"; set_alt(m, body, f"<html><body><p>{hx(body).replace(chr(10), '<br>')}</p><img src=\"cid:{cid}\" width=\"180\" height=\"46\"></body></html>", [(cid, logo_png(o), "logo.png")])
    else: m.set_content(body)
    return m

# ================================================================== main
CARRIERS = ["plain", "html", "pdf-reportlab", "pdf-fpdf2", "pdf-libreoffice", "pdf-ghostscript", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19
def cycler(r, pool):
    bag = []
    def nxt():
        if not bag: bag.extend(pool); r.shuffle(bag)
        return bag.pop()
    return nxt
def choose(r, cyc, carrier, label):
    L = "phi" if label == "phi" else "cln"
    if carrier in ("xlsx", "csv"): return cyc[L + "_list"]
    x = r.random()
    if carrier in ("plain", "html", "forwarded"): return cyc[L + ("_doc" if x < 0.62 else "_raw" if x < 0.8 else "_list")]
    if carrier == "zip": return cyc[L + ("_list" if x < 0.4 else "_raw" if x < 0.52 else "_doc")]
    return cyc[L + ("_doc" if x < 0.7 else "_list" if x < 0.9 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b4_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:28])
    data = m.as_bytes(policy=SMTP)
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data
def main():
    t0 = dtm.datetime.now()
    for f in os.listdir(HERE):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(HERE, f))
    specs = [(c, l) for c in CARRIERS for l in ("phi", "clean") for _ in range(PER_LABEL)]
    R.shuffle(specs)
    cyc = {"phi_doc": cycler(R, PHI_DOCS), "phi_raw": cycler(R, PHI_RAW), "phi_list": cycler(R, PHI_LISTS),
           "cln_doc": cycler(R, CLEAN_DOCS), "cln_raw": cycler(R, CLEAN_RAW), "cln_list": cycler(R, CLEAN_LISTS)}
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b4-"); ctx = Ctx(tmp); built = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                built.append((fname, label, carrier, f"header-{label}", build_header(R, label), None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                m, s, o = new_msg(R, R.choice(SUBJ) if R.random() < 0.6 else doc.title)
                cover(R, m, s, o)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc))); continue
            built.append((fname, label, carrier, doc.cat, m, None))
        ctx.run()
        rows = []
        for fname, label, carrier, cat, m, att in built:
            if att:
                name, data = att
                if isinstance(data, Pending): data = data.get(ctx)
                attach(m, data, name)
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
    print(f"wrote {len(rows)} batch-4 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
