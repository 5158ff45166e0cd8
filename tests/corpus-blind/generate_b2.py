#!/usr/bin/python3
"""Blind DLP test corpus, batch 2: writes b2-0001.eml ... b2-0456.eml and appends their rows to manifest.tsv.

Written by a different hand than generate.py (batch 1): new content templates, phrasings, senders,
document layouts and mail shapes.  Only the producer plumbing of generate.py is reused (OOXML zip
timestamp fixing, zip writing, the split rule, latin-1 folding, the SMTP policy).

Run it after generate.py (each generator keeps the other batch's files and manifest rows, so the order does not change the result):
    /usr/bin/python3 generate.py      # batch 1: msg-*.eml + its manifest rows (keeps b2 rows)
    /usr/bin/python3 generate_b2.py   # batch 2: removes old b2-*.eml and b2 rows, then writes/appends them

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries from the file name.
"""
import base64, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata, zipfile
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from xml.sax.saxutils import escape as xesc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, SMTP   # producer plumbing only (no content)

SEED = 20260723
R = random.Random(SEED)
PREFIX = "b2-"
D8 = dtm.date
FONT = "/usr/share/fonts/truetype/dejavu/"
TODAY = D8(2026, 6, 15)

# ============================================================== pools (new hand)
FN_F = ["Shanice", "Tamika", "Ebony", "Kayla", "Brianna", "Madison", "Emily", "Sarah", "Rebecca", "Heather", "Crystal", "Amber",
        "Tiffany", "Rosa", "Esperanza", "Itzel", "Yesenia", "Maricela", "Araceli", "Nayeli", "Luz María", "Thu", "Hoa", "Linh", "Mai",
        "Haruka", "Sakura", "Min-ji", "Eun-ji", "Anjali", "Deepika", "Sunita", "Noor", "Amira", "Leila", "Oluwaseun", "Chiamaka",
        "Abena", "Nadia", "Svetlana", "Katarzyna", "Małgorzata", "Zuzana", "Eleni", "Aoife", "Siân", "Maëlle", "Hélène", "Joëlle",
        "Ruth", "Evelyn", "Gladys", "Mildred", "Bernadette", "Kateri", "Winona", "Leilani", "Malia", "Dakota", "Paisley"]
FN_M = ["Darnell", "Marquis", "Terrence", "Jamal", "DeAndre", "Tyler", "Brandon", "Austin", "Dustin", "Travis", "Wayne", "Harold",
        "Eugene", "Clarence", "Lloyd", "Rigoberto", "Humberto", "Arturo", "Eduardo", "Guillermo", "Santiago", "Mateo", "Jesús Manuel",
        "Tuan", "Bao", "Duc", "Haruto", "Kenji", "Min-jun", "Sung-ho", "Vikram", "Sanjay", "Rohan", "Tariq", "Yusuf", "Khalid",
        "Chinedu", "Emeka", "Kofi", "Dmitri", "Tomasz", "Paweł", "Jiří", "Nikos", "Cian", "Rhys", "Jérôme", "Benoît", "André",
        "Ezekiel", "Amos", "Wendell", "Kekoa", "Keanu", "Hosteen", "Tokala", "Bryce", "Colton"]
LN = ["Abernathy", "Okonkwo", "Szymański", "Villanueva", "Thibodeaux", "Nakashima", "Hoang", "Delgado", "Fitzgerald", "Kaczmarek",
      "Yellowhorse", "Kealoha", "Bui", "Abdi", "Haddad", "Petrov", "Lindqvist", "Nuñez", "Ortega", "Cervantes", "Maldonado", "Zamora",
      "Quintero", "Benavides", "Espinoza", "Trujillo", "Montoya", "Archuleta", "Baca", "Vu", "Dang", "Truong", "Huynh", "Yoon", "Kang",
      "Jang", "Iyer", "Reddy", "Chaudhry", "Qureshi", "Mahmoud", "Nwosu", "Eze", "Boateng", "Asante", "Volkov", "Novak", "Dvořák",
      "Horváth", "Kovač", "Papadakis", "Georgiou", "Brennan", "Gallagher", "Whitfield", "Pennington", "Hargrove", "Coleman",
      "Jefferson", "Freeman", "Battle", "Hutchins", "Lindgren", "Sorensen", "Fjeld", "Kahananui", "Tsosie", "Benally", "Goldberg",
      "Rosenthal", "Schwartz", "Lévesque", "Côté", "Gagnon", "Bouchard", "Running Bear", "Pruitt", "Sandoval", "Ybarra"]
LN_PART = ["de Jesús", "Dela Cruz", "De León", "del Río", "van Dyke", "Van Houten", "von Ahn", "da Costa", "dos Santos",
           "O'Rourke", "D'Angelo", "St. Pierre", "La Fontaine", "Du Bois", "Al-Masri", "El-Amin", "ter Horst", "Mc Kinney"]
HF = ["Rosa", "Esperanza", "Itzel", "Yesenia", "Maricela", "Araceli", "Nayeli", "Luz María", "Guadalupe", "Socorro", "María del Carmen", "Xóchitl"]
HM = ["Rigoberto", "Humberto", "Arturo", "Eduardo", "Guillermo", "Santiago", "Mateo", "Jesús Manuel", "Aurelio", "Ulises", "Fidel", "José Ángel"]
HL = ["Villanueva", "Delgado", "Nuñez", "Ortega", "Cervantes", "Maldonado", "Zamora", "Quintero", "Benavides", "Espinoza", "Trujillo",
      "Montoya", "Sandoval", "Ybarra", "de Jesús", "del Río", "Peña", "Muñoz", "Cárdenas", "Solís"]
SUF = ["Jr.", "Jr", "Sr.", "II", "III", "IV"]
CITY = [("Shreveport", "LA", "711", "318"), ("Pueblo", "CO", "810", "719"), ("Yakima", "WA", "989", "509"), ("Bangor", "ME", "044", "207"),
        ("Lubbock", "TX", "794", "806"), ("Kalamazoo", "MI", "490", "269"), ("Chattanooga", "TN", "374", "423"),
        ("Las Cruces", "NM", "880", "575"), ("Salinas", "CA", "939", "831"), ("Bakersfield", "CA", "933", "661"),
        ("Racine", "WI", "534", "262"), ("Toledo", "OH", "436", "419"), ("Hilo", "HI", "967", "808"), ("Flagstaff", "AZ", "860", "928"),
        ("Rapid City", "SD", "577", "605"), ("Brownsville", "TX", "785", "956"), ("Paterson", "NJ", "075", "973"),
        ("Norfolk", "VA", "235", "757"), ("Gallup", "NM", "873", "505"), ("Savannah", "GA", "314", "912"), ("Erie", "PA", "165", "814"),
        ("Billings", "MT", "591", "406"), ("Fall River", "MA", "027", "508"), ("Bronx", "NY", "104", "718"), ("Kissimmee", "FL", "347", "407")]
STREET = ["Beech St", "Quail Run Dr", "Cottonwood Ln", "County Road 14", "Las Palmas Ave", "N 7th St", "Sycamore Ct", "Hillcrest Dr",
          "E Main St", "Railroad Ave", "Bayshore Blvd", "Windmill Rd", "Camino Real", "Dogwood Trl", "Aspen Cir", "Lakeview Ter",
          "W 24th Ave", "Ridgecrest Rd", "Kamehameha Ave", "Piñon Dr", "Bluebonnet Way", "Twin Oaks Blvd", "Old Route 9", "Creekside Pl"]
MAILDOM = ["gmail.com", "yahoo.com", "icloud.com", "hotmail.com", "comcast.net", "att.net", "protonmail.com", "live.com"]

def luhn(payload15):
    s = "80840" + payload15
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)

class Org:
    def __init__(self, name, dom, kind, city, st, zip5, area):
        self.name, self.dom, self.kind, self.city, self.st, self.zip = name, dom, kind, city, st, zip5
        h = int(hashlib.sha256(name.encode()).hexdigest(), 16)
        rr = random.Random(h)
        self.phone = f"({area}) {rr.randint(210, 980)}-{rr.randint(1000, 9999)}"
        self.fax = f"({area}) {rr.randint(210, 980)}-{rr.randint(1000, 9999)}"
        self.street = f"{rr.randint(100, 9800)} {rr.choice(['Medical Pkwy', 'Hospital Dr', 'Commerce Blvd', 'Professional Plaza', 'Research Way', 'Industrial Loop'])}" + (f", Suite {rr.randint(100, 450)}" if rr.random() < 0.5 else "")
        b = str(rr.choice([1, 1, 1])) + "".join(str(rr.randint(0, 9)) for _ in range(8))
        self.npi = b + luhn(b)
        self.tin = f"{rr.choice(['20', '26', '27', '36', '45', '46', '47', '74', '81', '83', '84', '85', '88'])}-{rr.randint(1000000, 9999999)}"
    def addr(self): return f"{self.street}, {self.city}, {self.st} {self.zip}"

ORGS = [Org(*x) for x in [
    ("Copper Canyon Medical Center", "coppercanyonmc.org", "hospital", "Flagstaff", "AZ", "86001", "928"),
    ("Tidewater General Hospital", "tidewatergeneral.org", "hospital", "Norfolk", "VA", "23510", "757"),
    ("St. Brendan's Regional Hospital", "stbrendans.org", "hospital", "Bangor", "ME", "04401", "207"),
    ("Llano Estacado Medical Center", "llanomc.org", "hospital", "Lubbock", "TX", "79410", "806"),
    ("Prairie Rose Pediatrics", "prairierosepeds.com", "clinic", "Rapid City", "SD", "57701", "605"),
    ("Valle del Sol Community Health", "valledelsolchc.org", "clinic", "Las Cruces", "NM", "88001", "575"),
    ("Magnolia Behavioral Health", "magnoliabh.org", "clinic", "Savannah", "GA", "31401", "912"),
    ("Evergreen Kidney Care", "evergreenkidney.com", "clinic", "Yakima", "WA", "98901", "509"),
    ("Bayou Surgical Associates", "bayousurgical.com", "clinic", "Shreveport", "LA", "71101", "318"),
    ("Great Lakes Reference Laboratory", "glreflab.com", "lab", "Kalamazoo", "MI", "49007", "269"),
    ("Ridgeway Imaging Partners", "ridgewayimaging.com", "imaging", "Chattanooga", "TN", "37402", "423"),
    ("Kestrel Specialty Pharmacy", "kestrelrx.com", "pharmacy", "Toledo", "OH", "43604", "419"),
    ("Corner Drug & Compounding", "cornerdrugrx.com", "pharmacy", "Erie", "PA", "16501", "814"),
    ("Pacific Crest Health Plan", "pacificcresthp.com", "payer", "Salinas", "CA", "93901", "831"),
    ("Heartland Community Health Partners", "heartlandchp.org", "payer", "Billings", "MT", "59101", "406"),
    ("Lone Star Revenue Partners", "lonestarrev.com", "billing", "Brownsville", "TX", "78520", "956"),
    ("ClearPath Claims Exchange", "clearpathclaims.net", "billing", "Racine", "WI", "53403", "262"),
    ("Blue Heron Home Health", "blueheronhh.com", "homehealth", "Fall River", "MA", "02720", "508"),
    ("Cedar Hollow Hospice", "cedarhollowhospice.org", "homehealth", "Pueblo", "CO", "81003", "719"),
]]
VENDORS = [Org(*x) for x in [
    ("Meridian Surgical Supply", "meridiansurgical.com", "vendor", "Paterson", "NJ", "07501", "973"),
    ("Apex Biomedical Services", "apexbiomed.com", "vendor", "Bakersfield", "CA", "93301", "661"),
    ("Northstar Medical Courier", "northstarcourier.com", "vendor", "Toledo", "OH", "43602", "419"),
    ("CodeRight Audit Group", "coderightaudit.com", "vendor", "Savannah", "GA", "31405", "912"),
    ("Brightline IT Services", "brightline-it.com", "vendor", "Hilo", "HI", "96720", "808"),
    ("Summit Linen & Uniform", "summitlinen.com", "vendor", "Billings", "MT", "59102", "406"),
    ("Vireo Diagnostics", "vireodx.com", "vendor", "Racine", "WI", "53402", "262"),
]]
OUTSIDE = ["yakimacountyhealth.org", "dhs-claims.example.net", "wcbroker.com", "kellerhaaslaw.com", "trinityschools.org",
           "faxrelay-secure.net", "portal-notify.net", "lonestarrev.com", "clearpathclaims.net"]

def org(r, kinds=None):
    c = [o for o in ORGS if kinds is None or o.kind in kinds]
    return r.choice(c)

# ============================================================== identifiers
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))

def npi(r):
    b = r.choice("12") + dg(r, 8)
    return b + luhn(b)

BAD_SSN = {"123-45-6789", "078-05-1120", "219-09-9999", "457-55-5462"}
def ssn(r, fmt=None):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = f"{a:03d}-{g:02d}-{s:04d}"
        if v not in BAD_SSN: break
    fmt = fmt or r.choice(["dash", "dash", "dash", "plain", "space"])
    return {"dash": v, "plain": v.replace("-", ""), "space": v.replace("-", " ")}[fmt]

MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r):
    N = "0123456789"
    while True:
        v = (r.choice("123456789") + r.choice(MBI_A) + r.choice(MBI_A + N) + r.choice(N) + r.choice(MBI_A) + r.choice(MBI_A + N)
             + r.choice(N) + r.choice(MBI_A) + r.choice(MBI_A) + r.choice(N) + r.choice(N))
        if v != "1EG4TE5MK73": return v
def mbi_fmt(r, v): return r.choice([v, v, f"{v[:4]}-{v[4:7]}-{v[7:]}", v.lower() if r.random() < 0.1 else v])

def dea(r, last):
    first = r.choice("ABFGM"); second = (re.sub("[^A-Z]", "", strip_acc(last).upper()) or "X")[0]
    d = [r.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(chk)

def aba(r):
    while True:
        d = [int(x) for x in (r.choice(["0", "1", "2", "3"]) + dg(r, 7))]
        if not (1 <= d[0] * 10 + d[1] <= 12 or 21 <= d[0] * 10 + d[1] <= 32): continue
        for c in range(10):
            x = d + [c]
            if (3 * (x[0] + x[3] + x[6]) + 7 * (x[1] + x[4] + x[7]) + (x[2] + x[5] + x[8])) % 10 == 0:
                return "".join(map(str, x))

def gtin14(r):
    b = "0" + "0" + dg(r, 11)
    tot = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(b)))
    return b + str((10 - tot % 10) % 10)

def udi(r, lot, exp):
    return f"(01){gtin14(r)}(17){exp.strftime('%y%m%d')}(10){lot}"

def ndc(r, billing=False):
    if billing: return dg(r, 11)
    f = r.choice([(4, 4, 2), (5, 3, 2), (5, 4, 1), (5, 4, 2)])
    return "-".join(dg(r, n) for n in f)

def mrn(r):
    return r.choice([lambda: dg(r, 7), lambda: "M00" + dg(r, 7), lambda: "CC" + dg(r, 6), lambda: dg(r, 3) + "-" + dg(r, 3) + "-" + dg(r, 3),
                     lambda: "HN" + dg(r, 8), lambda: "0" + dg(r, 9), lambda: "P" + dg(r, 7) + r.choice("ABCD"), lambda: dg(r, 2) + "-" + dg(r, 5)])()
def memid(r):
    return r.choice([lambda: r.choice(["XQZ", "PCH", "HCP", "KWB", "JRT"]) + dg(r, 9), lambda: dg(r, 9) + "-0" + r.choice("1234"),
                     lambda: "H" + dg(r, 9) + "00", lambda: "MC" + dg(r, 7) + r.choice("ABCDEFGH"), lambda: "U" + dg(r, 8),
                     lambda: dg(r, 11), lambda: "PC" + dg(r, 8) + "*01"])()
def acct(r): return r.choice([lambda: "V" + dg(r, 9), lambda: dg(r, 12), lambda: "3" + dg(r, 8), lambda: "HB" + dg(r, 7), lambda: "PB-" + dg(r, 8)])()
def claimno(r): return r.choice([lambda: "26" + f"{r.randint(1, 180):03d}" + "E" + dg(r, 5), lambda: dg(r, 14), lambda: "PCH" + dg(r, 11),
                                 lambda: "CLM" + dg(r, 10), lambda: "1" + dg(r, 12) + "0"])()
def csn(r): return r.choice(["1", "2"]) + dg(r, 9)
def fin(r): return f"{r.choice(['25', '26'])}-{dg(r, 6)}"
def authno(r): return r.choice(["PA", "AUTH", "A", "UM"]) + dg(r, r.choice([8, 9, 10]))
def rxno(r): return r.choice(["", "RX", "Rx#"]) + dg(r, 7)
def ein(r): return f"{r.choice(['20', '26', '27', '36', '45', '46', '47', '74', '81', '83', '84'])}-{dg(r, 7)}"
def clia(r): return f"{r.randint(1, 55):02d}D{dg(r, 7)}"
def lot(r): return r.choice([lambda: r.choice("ABCDEFGHKLMNPRTW") + dg(r, 5) + r.choice("ABC"), lambda: dg(r, 2) + r.choice("EGHKM") + dg(r, 4), lambda: "L" + dg(r, 8), lambda: dg(r, 6) + "-" + dg(r, 2)])()
def phone_area(r, area):
    a, b, c = area, r.randint(210, 989), dg(r, 4)
    return r.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}", f"+1 {a} {b} {c}", f"{a}/{b}-{c}", f"({a}){b}-{c}"])
def phone(r): return phone_area(r, r.choice(CITY)[3])

def strip_acc(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

# ============================================================== dates
MO = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
DSTY = ["mdy", "mdy1", "mdy2", "iso", "dmy3", "DMY3", "long", "longth", "abbr", "compact", "mmddyyyy", "spaced", "dash", "born", "ymd_slash"]
def ordsuf(n): return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
def fd(r, d, s=None):
    s = s or r.choice(DSTY)
    if s == "mdy": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if s == "mdy1": return f"{d.month}/{d.day}/{d.year}"
    if s == "mdy2": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if s == "iso": return d.isoformat()
    if s == "dmy3": return f"{d.day:02d}-{MO[d.month - 1][:3]}-{d.year}"
    if s == "DMY3": return f"{d.day:02d}{MO[d.month - 1][:3].upper()}{d.year}"
    if s == "long": return f"{MO[d.month - 1]} {d.day}, {d.year}"
    if s == "longth": return f"{MO[d.month - 1]} {d.day}{ordsuf(d.day)}, {d.year}"
    if s == "abbr": return f"{MO[d.month - 1][:3]} {d.day}, {d.year}"
    if s == "compact": return d.strftime("%Y%m%d")
    if s == "mmddyyyy": return d.strftime("%m%d%Y")
    if s == "spaced": return d.strftime("%m %d %Y")
    if s == "dash": return d.strftime("%m-%d-%Y")
    if s == "born": return f"{d.day} {MO[d.month - 1]} {d.year}"
    if s == "ymd_slash": return d.strftime("%Y/%m/%d")
    if s == "wk": return f"{d.strftime('%a')} {d.month}/{d.day}"
    raise ValueError(s)
def fd_es(r, d):
    return r.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} de {MES[d.month - 1]} de {d.year}", f"{d.day}-{MES[d.month - 1][:3]}-{d.year}",
                     f"{d.day} de {MES[d.month - 1]} del {d.year}"])
def rday(r, a, b):
    return D8.fromordinal(r.randint(a.toordinal(), b.toordinal()))
def svc(r): return rday(r, D8(2025, 9, 1), D8(2026, 7, 31))
def recent(r): return rday(r, D8(2026, 3, 1), D8(2026, 6, 12))
def future(r): return rday(r, D8(2026, 6, 16), D8(2026, 9, 30))
def tm(r): return r.choice(["{h}:{m:02d} {ap}", "{H:02d}{m:02d}", "{H:02d}:{m:02d}", "{h}:{m:02d}{ap2}"]).format(
    **(lambda H, m: {"H": H, "m": m, "h": (H - 1) % 12 + 1, "ap": "AM" if H < 12 else "PM", "ap2": "a" if H < 12 else "p"})(r.randint(7, 17), r.choice([0, 0, 15, 30, 45, 10, 40])))

# ============================================================== people
class Person:
    def __init__(self, r, lo=0, hi=95, hisp=False, sex=None):
        self.sex = sex or r.choice("FM")
        if hisp: self.first = r.choice(HF if self.sex == "F" else HM)
        else: self.first = r.choice(FN_F if self.sex == "F" else FN_M)
        self.mid = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.55 else ""
        x = r.random()
        if hisp:
            a, b = r.sample(HL, 2)
            self.last = a + (r.choice([" ", "-", " y "]) + b if r.random() < 0.45 else "")
        elif x < 0.13: self.last = r.choice(LN_PART)
        elif x < 0.19: self.last = r.choice(LN) + "-" + r.choice(LN)
        else: self.last = r.choice(LN)
        self.suf = r.choice(SUF) if self.sex == "M" and r.random() < 0.14 else ""
        self.dob = rday(r, D8(TODAY.year - hi, 1, 1), D8(TODAY.year - lo - 1, 12, 31)) if hi > lo else D8(TODAY.year - lo, 3, 3)
        self.age = TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
        c = r.choice(CITY); self.city, self.st, self.area = c[0], c[1], c[3]
        self.zip = c[2] + dg(r, 2) + (("-" + dg(r, 4)) if r.random() < 0.15 else "")
        u = r.random()
        self.street = (f"PO Box {r.randint(100, 9999)}" if u < 0.06 else f"{r.randint(10, 19999)} {r.choice(STREET)}"
                       + (r.choice([f" Apt {r.randint(1, 30)}{r.choice('ABCDEF')}", f" Unit {r.randint(1, 240)}", f" Lot {r.randint(1, 90)}", f" #{r.randint(1, 20)}"]) if u > 0.7 else ""))
        self.phone = phone_area(r, self.area)
        loc = re.sub("[^a-z]", "", strip_acc(self.first.split()[0] + r.choice([".", "", "_"]) + self.last.split()[-1]).lower())
        self.email = f"{loc}{r.choice(['', str(r.randint(1, 99)), str(self.dob.year % 100)])}@{r.choice(MAILDOM)}"
        self.mrn, self.mem, self.acct, self.mbi, self.ssn = mrn(r), memid(r), acct(r), mbi(r), ssn(r, "dash")
        self.group = r.choice(["", "GRP ", "G"]) + dg(r, r.choice([5, 6, 7]))
    def name(self, r, s=None):
        f, m, l, x = self.first, self.mid, self.last, self.suf
        s = s or r.choice(["fl", "fl", "fml", "lf", "lfm", "LFM", "FL", "lsf", "fls", "Lf"])
        if s == "fl": return f"{f} {l}"
        if s == "fml": return " ".join(t for t in [f, (m + ".") if m else "", l, x] if t)
        if s == "lf": return f"{l}, {f}"
        if s == "lfm": return f"{l}, {f}" + (f" {m}" if m else "")
        if s == "LFM": return (f"{l}, {f}" + (f" {m}" if m else "")).upper()
        if s == "FL": return f"{f} {l}".upper()
        if s == "lsf": return f"{l}{(' ' + x) if x else ''}, {f}" + (f" {m}." if m else "")
        if s == "fls": return " ".join(t for t in [f, l, x] if t)
        if s == "Lf": return f"{l.upper()}, {f}"
        if s == "init": return f"{f[0]}. {l}"
        if s == "hl7": return "^".join(strip_acc(t).upper() for t in [l, f, m])
        raise ValueError(s)
    def mr(self): return ("Ms." if self.sex == "F" else "Mr.") + " " + self.last
    def sra(self): return ("Sra." if self.sex == "F" else "Sr.") + " " + self.last
    def address(self, sep=", "): return f"{self.street}{sep}{self.city}, {self.st} {self.zip}"
    def initials(self): return f"{self.first[0]}.{self.last[0]}."
    def gender(self): return "female" if self.sex == "F" else "male"

class Prov(Person):
    def __init__(self, r, spec=None):
        super().__init__(r, 29, 70)
        self.npi = npi(r); self.cred = r.choice(["MD", "MD", "DO", "NP", "PA-C", "MD, FACP", "DNP, APRN"]); self.dea = dea(r, self.last)
        self.spec = spec or r.choice(SPEC)
    def dr(self, r):
        return r.choice([f"Dr. {self.first} {self.last}", f"{self.first} {self.last}, {self.cred}", f"Dr. {self.last}", f"{self.last}, {self.first} ({self.cred})"])

def staff(r): return Person(r, 22, 68)
SPEC = ["Cardiology", "Endocrinology", "Hematology/Oncology", "Orthopaedic Surgery", "Nephrology", "Gastroenterology", "Pulmonary",
        "Neurology", "Psychiatry", "Rheumatology", "Dermatology", "Obstetrics", "Pediatrics", "Family Medicine", "Urology", "Sleep Medicine"]
DEPT = ["Patient Financial Services", "Central Scheduling", "Health Information Management", "Utilization Review", "Care Management",
        "Clinical Laboratory", "Specialty Pharmacy", "Provider Relations", "Member Services", "Referral Coordination", "Infection Prevention",
        "Privacy Office", "Revenue Integrity", "Materials Management", "Nursing Administration"]

# ============================================================== clinical vocabulary (real codes)
DX = [("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease"), ("E11.40", "Type 2 diabetes mellitus with diabetic neuropathy, unspecified"),
      ("E11.649", "Type 2 diabetes mellitus with hypoglycemia without coma"), ("E11.621", "Type 2 diabetes mellitus with foot ulcer"),
      ("I11.0", "Hypertensive heart disease with heart failure"), ("N18.4", "Chronic kidney disease, stage 4 (severe)"),
      ("N18.6", "End stage renal disease"), ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
      ("J45.41", "Moderate persistent asthma with (acute) exacerbation"), ("J96.01", "Acute respiratory failure with hypoxia"),
      ("I50.22", "Chronic systolic (congestive) heart failure"), ("I48.0", "Paroxysmal atrial fibrillation"),
      ("I26.99", "Other pulmonary embolism without acute cor pulmonale"), ("G20.A1", "Parkinson's disease without dyskinesia, without mention of fluctuations"),
      ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"), ("F33.1", "Major depressive disorder, recurrent, moderate"),
      ("F43.10", "Post-traumatic stress disorder, unspecified"), ("F41.0", "Panic disorder [episodic paroxysmal anxiety]"),
      ("F11.20", "Opioid dependence, uncomplicated"), ("F10.239", "Alcohol dependence with withdrawal, unspecified"),
      ("F84.0", "Autistic disorder"), ("F90.2", "Attention-deficit hyperactivity disorder, combined type"),
      ("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"), ("C50.412", "Malignant neoplasm of upper-outer quadrant of left female breast"),
      ("C18.7", "Malignant neoplasm of sigmoid colon"), ("C61", "Malignant neoplasm of prostate"), ("C25.0", "Malignant neoplasm of head of pancreas"),
      ("C90.00", "Multiple myeloma not having achieved remission"), ("D57.1", "Sickle-cell disease without crisis"),
      ("B20", "Human immunodeficiency virus [HIV] disease"), ("Z21", "Asymptomatic human immunodeficiency virus [HIV] infection status"),
      ("B18.1", "Chronic viral hepatitis B without delta-agent"), ("A15.0", "Tuberculosis of lung"), ("A53.9", "Syphilis, unspecified"),
      ("A04.72", "Enterocolitis due to Clostridium difficile, not specified as recurrent"), ("J15.212", "Pneumonia due to Methicillin resistant Staphylococcus aureus"),
      ("U07.1", "COVID-19"), ("N10", "Acute pyelonephritis"), ("K85.90", "Acute pancreatitis without necrosis or infection, unspecified"),
      ("K92.2", "Gastrointestinal hemorrhage, unspecified"), ("K70.30", "Alcoholic cirrhosis of liver without ascites"),
      ("M05.79", "Rheumatoid arthritis with rheumatoid factor of multiple sites without organ or systems involvement"),
      ("M17.0", "Bilateral primary osteoarthritis of knee"), ("M16.11", "Unilateral primary osteoarthritis, right hip"),
      ("M48.062", "Spinal stenosis, lumbar region with neurogenic claudication"), ("M54.16", "Radiculopathy, lumbar region"),
      ("S52.501A", "Unspecified fracture of the lower end of right radius, initial encounter for closed fracture"),
      ("S72.142A", "Displaced intertrochanteric fracture of left femur, initial encounter for closed fracture"),
      ("T40.2X1A", "Poisoning by other opioids, accidental (unintentional), initial encounter"),
      ("O09.523", "Supervision of elderly multigravida, third trimester"), ("O24.414", "Gestational diabetes mellitus in pregnancy, insulin controlled"),
      ("O13.3", "Gestational [pregnancy-induced] hypertension without significant proteinuria, third trimester"),
      ("P59.9", "Neonatal jaundice, unspecified"), ("R56.9", "Unspecified convulsions"), ("R41.82", "Altered mental status, unspecified"),
      ("R06.02", "Shortness of breath"), ("R73.03", "Prediabetes"), ("E66.01", "Morbid (severe) obesity due to excess calories"),
      ("E87.1", "Hypo-osmolality and hyponatremia"), ("E05.90", "Thyrotoxicosis, unspecified without thyrotoxic crisis or storm"),
      ("L89.154", "Pressure ulcer of sacral region, stage 4"), ("G30.1", "Alzheimer's disease with late onset"),
      ("H40.1131", "Primary open-angle glaucoma, bilateral, mild stage"), ("I63.512", "Cerebral infarction due to unspecified occlusion or stenosis of left middle cerebral artery"),
      ("I21.09", "ST elevation (STEMI) myocardial infarction involving other coronary artery of anterior wall"), ("Z95.1", "Presence of aortocoronary bypass graft")]
DX_BH = [d for d in DX if d[0][0] == "F"]
DX_ONC = [d for d in DX if d[0][0] == "C"]
DX_INF = [("A04.72", "C. difficile enterocolitis"), ("J15.212", "MRSA pneumonia"), ("U07.1", "COVID-19"), ("A15.0", "pulmonary tuberculosis"),
          ("B95.62", "MRSA as the cause of disease"), ("A08.11", "norovirus gastroenteritis")]
PROC = [("99204", "New patient office visit, moderate MDM"), ("99215", "Established patient office visit, high MDM"),
        ("99223", "Initial hospital inpatient care, high MDM"), ("99285", "Emergency department visit, high MDM"),
        ("93306", "Transthoracic echocardiogram, complete, with Doppler"), ("78452", "Myocardial perfusion imaging, SPECT, multiple studies"),
        ("74177", "CT abdomen and pelvis with contrast"), ("70553", "MRI brain without and with contrast"), ("77067", "Screening mammography, bilateral"),
        ("45378", "Colonoscopy, diagnostic"), ("43239", "Upper GI endoscopy with biopsy"), ("27447", "Total knee arthroplasty"),
        ("29881", "Knee arthroscopy with meniscectomy"), ("95810", "Polysomnography, attended, 4+ parameters"), ("90837", "Psychotherapy, 60 minutes"),
        ("96413", "Chemotherapy administration, IV infusion, first hour"), ("J9271", "Injection, pembrolizumab, 1 mg"),
        ("J0897", "Injection, denosumab, 1 mg"), ("90935", "Hemodialysis, single evaluation"), ("E0470", "Respiratory assist device, bi-level, without backup rate"),
        ("E1390", "Oxygen concentrator"), ("K0823", "Power wheelchair, group 2 standard, captain's chair"), ("88305", "Surgical pathology, level IV"),
        ("81162", "BRCA1/BRCA2 full sequence and full duplication/deletion analysis"), ("97161", "Physical therapy evaluation, low complexity"),
        ("72148", "MRI lumbar spine without contrast"), ("G0121", "Colorectal cancer screening; colonoscopy, not high risk")]
RX = ["apixaban 2.5 mg tablet", "rivaroxaban 20 mg tablet", "dapagliflozin 10 mg tablet", "empagliflozin 25 mg tablet",
      "tirzepatide 5 mg/0.5 mL pen", "dulaglutide 1.5 mg/0.5 mL pen", "insulin lispro 100 units/mL KwikPen", "sacubitril/valsartan 49/51 mg tablet",
      "metoprolol succinate ER 50 mg tablet", "losartan 50 mg tablet", "rosuvastatin 20 mg tablet", "pantoprazole 40 mg DR tablet",
      "levetiracetam 500 mg tablet", "aripiprazole 10 mg tablet", "bupropion XL 150 mg tablet", "venlafaxine ER 75 mg capsule",
      "clonazepam 0.5 mg tablet", "naltrexone ER 380 mg injection", "buprenorphine 8 mg SL tablet", "etanercept 50 mg/mL autoinjector",
      "ustekinumab 90 mg/mL syringe", "dupilumab 300 mg/2 mL pen", "enoxaparin 40 mg/0.4 mL syringe", "valacyclovir 1 g tablet",
      "emtricitabine/tenofovir DF 200/300 mg tablet", "hydroxychloroquine 200 mg tablet", "tamsulosin 0.4 mg capsule", "donepezil 10 mg tablet",
      "letrozole 2.5 mg tablet", "capecitabine 500 mg tablet", "epoetin alfa 10,000 units/mL vial", "fluticasone/salmeterol 250/50 mcg inhaler",
      "methylphenidate ER 36 mg tablet", "levothyroxine 112 mcg tablet", "Eliquis 5 mg tablet", "Jardiance 10 mg tablet", "Humira 40 mg/0.4 mL pen",
      "Trulicity 0.75 mg/0.5 mL pen", "Xarelto 15 mg tablet", "Entresto 24/26 mg tablet", "Biktarvy 50/200/25 mg tablet", "Suboxone 8 mg/2 mg film"]
SPECIALTY_RX = ["Humira 40 mg/0.4 mL pen", "etanercept 50 mg/mL autoinjector", "ustekinumab 90 mg/mL syringe", "dupilumab 300 mg/2 mL pen",
                "Biktarvy 50/200/25 mg tablet", "capecitabine 500 mg tablet", "epoetin alfa 10,000 units/mL vial", "tirzepatide 5 mg/0.5 mL pen"]
class Lab:
    def __init__(self, name, loinc, unit, gen, ref, crit=None):
        self.name, self.loinc, self.unit, self.gen, self.ref, self.crit = name, loinc, unit, gen, ref, crit
LABS = [Lab("Glucose", "2345-7", "mg/dL", lambda r: str(r.randint(38, 520)), "70-99", lambda r: r.choice(["38", "41", "512", "486"])),
        Lab("Hemoglobin A1c", "4548-4", "%", lambda r: f"{r.uniform(5.4, 12.8):.1f}", "<5.7"),
        Lab("Creatinine", "2160-0", "mg/dL", lambda r: f"{r.uniform(0.5, 6.2):.2f}", "0.57-1.00"),
        Lab("Potassium", "2823-3", "mmol/L", lambda r: f"{r.uniform(2.7, 6.8):.1f}", "3.5-5.2", lambda r: r.choice(["2.6", "6.7", "7.1"])),
        Lab("Sodium", "2951-2", "mmol/L", lambda r: str(r.randint(118, 152)), "134-144", lambda r: r.choice(["117", "119", "161"])),
        Lab("Hemoglobin", "718-7", "g/dL", lambda r: f"{r.uniform(5.9, 17.1):.1f}", "11.1-15.9", lambda r: r.choice(["5.8", "6.4", "6.9"])),
        Lab("Platelets", "777-3", "x10E3/uL", lambda r: str(r.randint(9, 612)), "150-450", lambda r: r.choice(["9", "14", "18"])),
        Lab("WBC", "6690-2", "x10E3/uL", lambda r: f"{r.uniform(0.8, 31.0):.1f}", "3.4-10.8", lambda r: r.choice(["0.8", "1.1", "34.2"])),
        Lab("TSH", "3016-3", "uIU/mL", lambda r: f"{r.uniform(0.02, 18.0):.2f}", "0.450-4.500"),
        Lab("INR", "6301-6", "", lambda r: f"{r.uniform(0.9, 6.2):.1f}", "0.9-1.2", lambda r: r.choice(["5.4", "6.1", "7.8"])),
        Lab("BNP", "30934-4", "pg/mL", lambda r: str(r.randint(12, 4800)), "0-100"),
        Lab("Troponin T, high sensitivity", "67151-1", "ng/L", lambda r: str(r.randint(4, 910)), "0-14", lambda r: str(r.randint(52, 900))),
        Lab("Lactate", "2524-7", "mmol/L", lambda r: f"{r.uniform(0.6, 7.9):.1f}", "0.5-2.0", lambda r: r.choice(["4.4", "5.2", "7.9"])),
        Lab("Magnesium", "19123-9", "mg/dL", lambda r: f"{r.uniform(0.9, 3.1):.1f}", "1.6-2.3"),
        Lab("Ferritin", "2276-4", "ng/mL", lambda r: str(r.randint(3, 1800)), "15-150"),
        Lab("ALT (SGPT)", "1742-6", "IU/L", lambda r: str(r.randint(8, 620)), "0-32"),
        Lab("Lipase", "3040-3", "U/L", lambda r: str(r.randint(10, 2400)), "14-72"),
        Lab("Albumin/creatinine ratio, urine", "9318-7", "mg/g creat", lambda r: str(r.randint(4, 2100)), "0-29"),
        Lab("HIV-1/2 Ag/Ab screen", "56888-1", "", lambda r: r.choice(["Reactive", "Non-reactive"]), "Non-reactive"),
        Lab("Chlamydia trachomatis rRNA", "43304-5", "", lambda r: r.choice(["Positive", "Negative"]), "Negative"),
        Lab("PSA", "2857-1", "ng/mL", lambda r: f"{r.uniform(0.2, 28.0):.1f}", "0.0-4.0"),
        Lab("Lead, blood", "5671-3", "ug/dL", lambda r: f"{r.uniform(1.0, 24.0):.1f}", "<3.5"),
        Lab("Hepatitis B surface antigen", "5196-1", "", lambda r: r.choice(["Reactive", "Nonreactive"]), "Nonreactive"),
        Lab("Blood culture", "600-7", "", lambda r: r.choice(["Staphylococcus aureus (MRSA)", "Escherichia coli", "No growth at 5 days", "Gram positive cocci in clusters"]), "No growth", lambda r: "Gram positive cocci in clusters, 2 of 2 bottles")]
CRIT_LABS = [l for l in LABS if l.crit]
PAYERS2 = ["Pacific Crest Health Plan", "Heartland Community Health Partners", "Aetna", "Anthem Blue Cross", "UnitedHealthcare Community Plan",
           "Humana Gold Plus (HMO)", "Medicare Part A/B", "Texas Medicaid (STAR)", "Tricare East", "Cigna", "Kaiser Permanente", "Wellcare"]

# ============================================================== document model
class D:
    """cat, title, blocks: ('h', t) ('p', t) ('kv', [(label, value)]) ('table', hdr, rows) ('pre', t) ('ul', [..])
    ('check', [(label, bool)]) ('sig', t) ('small', t)"""
    def __init__(self, cat, title, blocks, lang="en", fname=None):
        self.cat, self.title, self.blocks, self.lang, self.fname = cat, title, blocks, lang, fname
    def table(self):
        for b in self.blocks:
            if b[0] == "table": return b
        return None
    def listlike(self):
        """a patient/staff list whose table carries everything that matters (one intro line at most), so it may travel as a bare sheet/CSV"""
        return self.table() is not None and [b[0] for b in self.blocks] in (["table"], ["p", "table"])

LB = {"mrn": ["MRN", "Med Rec #", "Medical Record #", "MR #", "Hosp #", "Chart No.", "EMR ID", "Patient ID", "MRN#"],
      "dob": ["DOB", "D.O.B.", "Date of Birth", "Birth date", "DoB", "Birthdate", "DOB (mm/dd/yyyy)"],
      "mem": ["Mbr ID", "Member ID", "Member #", "Subscriber ID", "ID #", "Insured ID", "Policy #", "Health Plan ID", "Member No."],
      "acct": ["Acct #", "Account No.", "Patient Acct", "HAR", "FIN", "CSN", "Encounter #", "Visit ID", "Visit #", "Guarantor #"],
      "claim": ["Claim #", "Claim No.", "ICN", "DCN", "Claim ID", "Payer Claim #", "TCN"],
      "pt": ["Patient", "Pt", "Pt Name", "Patient Name", "Name", "Member", "Member Name", "Client", "Patient name (Last, First)"],
      "phone": ["Phone", "Ph", "Home #", "Cell", "Best contact #", "Tel.", "Callback"],
      "addr": ["Address", "Home address", "Mailing addr", "Street address"]}
def L(r, k): return r.choice(LB[k])

def sig_block(r, o, who=None, dept=None, title=None):
    who = who or staff(r)
    lines = [f"{who.first} {who.last}" + (r.choice(["", ", RN", ", CPC", ", CHAA", ", RHIT", ", PharmD", ", LCSW", ", BSN"]) if r.random() < 0.6 else "")]
    lines.append(title or dept or r.choice(DEPT))
    lines.append(o.name)
    x = r.random()
    if x < 0.4: lines.append(f"P {o.phone} | F {o.fax}")
    elif x < 0.7: lines.append(f"Direct: {phone_area(r, o.phone[1:4])}  Fax: {o.fax}")
    else: lines.append(o.addr())
    return "\n".join(lines)

# ============================================================== PHI: narrative / form documents
def P_critical_call(r):
    o = org(r, ["hospital", "lab"]); p = Person(r, 18); lab = r.choice(CRIT_LABS); rn = staff(r); tech = staff(r); d = svc(r)
    return D("lab-results", "Critical Value Notification", [
        ("h", "CRITICAL VALUE CALL LOG"),
        ("kv", [(L(r, "pt"), p.name(r)), (L(r, "dob"), fd(r, p.dob)), (L(r, "mrn"), p.mrn), ("Unit/Bed", f"{r.choice(['3 East', '5 West', 'MICU', 'ED', 'L&D'])} {r.randint(1, 38)}")]),
        ("kv", [("Test", lab.name), ("Result", f"{lab.crit(r)} {lab.unit}".strip()), ("Ref range", lab.ref), ("Collected", f"{fd(r, d, 'mdy')} {tm(r)}"),
                ("Notified", f"{rn.first} {rn.last}, RN"), ("Read back", r.choice(["Y", "Yes - verified"])), ("Called by", f"{tech.first[0]}. {tech.last} (MLS)")]),
        ("p", r.choice(["Provider paged at bedside. No further action required from the lab.", "Result repeated on a fresh draw and confirmed.", "Hemolysis ruled out; specimen acceptable."])),
        ("sig", sig_block(r, o, tech, "Core Laboratory"))])

def P_cumulative(r):
    o = org(r, ["lab", "hospital"]); p = Person(r, 25); d = Prov(r); labs = r.sample(LABS[:18], r.randint(3, 5))
    dates = sorted({svc(r) for _ in range(r.randint(3, 5))})
    rows = [[l.name] + [l.gen(r) for _ in dates] + [l.unit, l.ref] for l in labs if not l.gen(r)[0].isalpha()]
    return D("lab-results", "Cumulative Laboratory Report", [
        ("kv", [("Patient", p.name(r, r.choice(["LFM", "lfm"]))), ("Sex/Age", f"{p.sex} / {p.age}"), (L(r, "dob"), fd(r, p.dob)),
                (L(r, "mrn"), p.mrn), ("Ordering", d.dr(r)), ("Client #", dg(r, 5))]),
        ("table", ["Test"] + [fd(r, x, "mdy2") for x in dates] + ["Units", "Reference"], rows),
        ("small", "H = high, L = low. Results reviewed by the laboratory director. " + f"CLIA {clia(r)}")])

def P_path(r):
    o = org(r, ["lab", "hospital"]); p = Person(r, 30); d = Prov(r); dx = r.choice(DX_ONC); acc = f"S26-{dg(r, 5)}"
    return D("pathology", "Surgical Pathology Report", [
        ("h", "SURGICAL PATHOLOGY - FINAL REPORT" + (" / ADDENDUM" if r.random() < 0.4 else "")),
        ("kv", [("Accession", acc), ("Name", p.name(r, "LFM")), ("DOB/Sex", f"{fd(r, p.dob)} {p.sex}"), ("MRN", p.mrn),
                ("Received", fd(r, svc(r))), ("Submitting MD", d.dr(r))]),
        ("p", f"SPECIMEN: {r.choice(['Core needle biopsy', 'Excisional biopsy', 'Segmental resection', 'Endoscopic biopsy'])}, {r.choice(['sigmoid colon', 'right upper lobe', 'pancreatic head'] + (['left breast 2:00'] if p.sex == 'F' else ['prostate, left base']))}."),
        ("p", f"DIAGNOSIS: {r.choice(['Invasive carcinoma, grade 2', 'Adenocarcinoma, moderately differentiated', 'High-grade dysplasia, no invasion identified', 'Acinar adenocarcinoma, Gleason 4+3=7'])}. "
              f"Margins {r.choice(['negative (closest 2 mm)', 'positive at deep margin', 'not applicable'])}. ICD-10: {dx[0]}."),
        ("p", f"Electronically signed by {Prov(r).first} {Prov(r).last}, MD, on {fd(r, recent(r), 'mdy')}.")])

def P_imaging(r):
    o = org(r, ["imaging", "hospital"]); p = Person(r, 18); d = Prov(r); ex = r.choice([("MRI LUMBAR SPINE WO CONTRAST", "72148", "Moderate central canal stenosis at L4-L5 with bilateral foraminal narrowing."),
        ("CT ABDOMEN PELVIS W CONTRAST", "74177", "Acute uncomplicated appendicitis. No abscess."), ("CT HEAD WO CONTRAST", "70450", "No acute intracranial hemorrhage. Chronic small vessel ischemic change."),
        ("MAMMO SCREENING BILAT", "77067", "BI-RADS 0: incomplete. Focal asymmetry left breast, recall for diagnostic views."),
        ("CTA CHEST PE PROTOCOL", "71275", "Acute pulmonary emboli in the right lower lobe segmental arteries. RV/LV ratio 0.9.")])
    return D("radiology", "Imaging Report", [
        ("kv", [("EXAM", ex[0]), ("CPT", ex[1]), ("ACCESSION", f"{r.choice(['CT', 'MR', 'MG'])}{dg(r, 8)}"), ("PATIENT", p.name(r, "LFM")),
                (L(r, "dob").upper(), fd(r, p.dob)), (L(r, "mrn").upper(), p.mrn), ("REFERRING", d.dr(r)), ("DATE OF SERVICE", fd(r, svc(r)))]),
        ("p", "CLINICAL HISTORY: " + r.choice(["Low back pain radiating to both legs x 3 months.", "RLQ pain, fever.", "Fall, on anticoagulation.", "Routine screening.", "Pleuritic chest pain, tachycardia."])),
        ("p", "IMPRESSION: " + ex[2]),
        ("p", r.choice(["Findings discussed with the ordering provider by phone.", "Critical result communicated per policy.", ""]) or "Dictated and signed by the interpreting radiologist.")])

def P_referral_letter(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 5); a = Prov(r); b = Prov(r); dx = r.choice(DX)
    return D("referral", "Referral letter", [
        ("p", fd(r, recent(r), "long")),
        ("p", f"{b.dr(r)}\n{b.spec}\n{org(r).name}"),
        ("p", f"RE: {p.name(r)}   {L(r, 'dob')} {fd(r, p.dob)}"),
        ("p", f"Dear Dr. {b.last},"),
        ("p", f"Thank you for seeing this {p.age}-year-old {'woman' if p.sex == 'F' else 'man'} whom I follow for {dx[1].lower()} ({dx[0]}). "
              + r.choice([f"Despite {r.choice(RX)} the symptoms have progressed over the last {r.randint(2, 8)} months.",
                          "Recent imaging raised a question I would like your opinion on.", "The family is requesting a specialist evaluation before any procedure."])),
        ("p", f"Insurance is {r.choice(PAYERS2)}, {L(r, 'mem')} {p.mem}. {p.first} can be reached at {p.phone}. Records from the last two visits are in the shared chart."),
        ("p", f"Warm regards,\n\n{a.first} {a.last}, {a.cred}\nNPI {a.npi}\n{o.name}\n{o.addr()}")])

def P_referral_fax(r):
    o = org(r, ["clinic"]); p = Person(r); a = Prov(r); sp = r.choice(SPEC); dx = r.choice(DX)
    return D("referral", "Outgoing Referral", [
        ("h", f"REFERRAL ORDER - {sp.upper()}"),
        ("check", [("Routine", r.random() < 0.5), ("Urgent (within 72h)", r.random() < 0.3), ("Consult only", r.random() < 0.5), ("Consult and treat", r.random() < 0.5)]),
        ("kv", [("Patient name", p.name(r, "lf")), ("DOB", fd(r, p.dob, "mdy")), ("Sex", p.sex), ("Home phone", p.phone), ("Address", p.address()),
                ("Primary ins.", r.choice(PAYERS2)), ("Subscriber ID", p.mem), ("Group #", p.group)]),
        ("kv", [("Dx", f"{dx[0]} {dx[1]}"), ("Reason", r.choice(["eval and treat", "second opinion", "abnormal labs", "pre-surgical clearance"])),
                ("Referring provider", f"{a.first} {a.last} {a.cred}"), ("NPI", a.npi), ("Auth #", authno(r) if r.random() < 0.6 else "pending")]),
        ("small", f"Please fax the consult note to {o.fax}. {o.name}, {o.addr()}")])

def P_transfer(r):
    o = org(r, ["hospital"]); o2 = org(r, ["hospital"]); p = Person(r, 18); dx = r.choice(DX); d = Prov(r)
    return D("transfer-request", "Interfacility Transfer Request", [
        ("h", "TRANSFER CENTER - REQUEST FOR ACCEPTANCE"),
        ("p", f"Sending facility: {o.name} ({o.city}, {o.st})   Receiving: {o2.name}"),
        ("kv", [("Patient", p.name(r)), ("Age/Sex", f"{p.age}{p.sex}"), (L(r, "dob"), fd(r, p.dob)), ("Sending MRN", p.mrn),
                ("Diagnosis", dx[1]), ("Vitals", f"BP {r.randint(82, 190)}/{r.randint(40, 110)}, HR {r.randint(48, 148)}, SpO2 {r.randint(84, 99)}% on {r.choice(['RA', '4L NC', 'BiPAP', 'vent'])}"),
                ("Level of care requested", r.choice(["ICU", "Step-down", "Cath lab direct", "Neuro IR", "Burn unit"])), ("Accepting MD", d.dr(r)),
                ("Mode", r.choice(["ALS ground", "Rotor wing", "Fixed wing", "CCT ground"]))]),
        ("p", "Reason for transfer: " + r.choice(["higher level of care not available at sending facility", "no interventional cardiology on call", "needs neurosurgical evaluation", "patient/family request"]) + "."),
        ("sig", sig_block(r, o, dept="Transfer Center"))])

def P_discharge_instr(r):
    o = org(r, ["hospital"]); p = Person(r, 20); dx = r.choice(DX); f = future(r); d = Prov(r)
    meds = r.sample(RX, 3)
    return D("discharge-instructions", "After Hospital Care Instructions", [
        ("h", "Your After-Hospital Care Plan"),
        ("kv", [("Prepared for", p.name(r, "fl")), ("Date of birth", fd(r, p.dob, r.choice(["long", "mdy"]))), ("Admitted", fd(r, svc(r), "abbr")), ("Hospital account", p.acct)]),
        ("p", f"You were in the hospital because of {dx[1].lower()}."),
        ("ul", [f"START taking {meds[0]} once daily.", f"CHANGE how you take {meds[1]}: now twice daily.", f"STOP taking {meds[2]}.",
                r.choice(["Weigh yourself every morning; call if you gain 3 lb in a day.", "Check your blood sugar before meals.", "Keep the incision dry for 48 hours."])]),
        ("p", f"Follow-up: {d.dr(r)} ({d.spec}) on {fd(r, f, 'long')} at {tm(r)}. Call {o.phone} if you need to change this."),
        ("small", "If you have chest pain, trouble breathing or a fever over 101 F, call 911 or go to the nearest emergency department.")])

def P_surgery_confirm(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 18); d = Prov(r, "Orthopaedic Surgery"); pr = r.choice(PROC[9:13]); f = future(r)
    return D("surgery-scheduling", "Surgery Confirmation", [
        ("p", f"Surgery posting - {o.name}"),
        ("kv", [("Patient", p.name(r, "lfm")), ("DOB", fd(r, p.dob)), ("Phone", p.phone), ("Procedure", f"{pr[1]} (CPT {pr[0]})"),
                ("Laterality", r.choice(["Right", "Left", "Bilateral", "N/A"])), ("Surgeon", d.dr(r)), ("Date/Time", f"{fd(r, f, 'abbr')} {tm(r)}"),
                ("Anesthesia", r.choice(["General", "MAC", "Spinal"])), ("Insurance / auth", f"{r.choice(PAYERS2)} / {authno(r)}")]),
        ("p", r.choice(["Pre-op labs: CBC, BMP, type and screen. Hold apixaban 48 hours prior.", "H&P within 30 days required. Patient has a pacemaker - rep notified.", "Latex allergy. Needs interpreter (Vietnamese)."])),
        ("sig", sig_block(r, o, dept="Surgical Scheduling"))])

def P_pa_determination(r):
    o = org(r, ["payer"]); p = Person(r, 18); d = Prov(r); pr = r.choice(PROC); ok = r.random() < 0.5; dx = r.choice(DX)
    return D("prior-auth", "Prior Authorization Determination", [
        ("p", fd(r, recent(r), "long")),
        ("p", f"{p.name(r, 'fml')}\n{p.street}\n{p.city}, {p.st} {p.zip}"),
        ("kv", [("Member ID", p.mem), ("Reference #", authno(r)), ("Provider", d.dr(r)), ("Service", f"{pr[0]} {pr[1]}"), ("Diagnosis", f"{dx[0]}")]),
        ("p", f"Dear {p.mr()}," if r.random() < 0.7 else f"Dear {p.first} {p.last}:"),
        ("p", ("We have APPROVED the request above for dates of service through " + fd(r, future(r), "long") + ".") if ok else
              ("We are unable to approve the request above. The information we received does not show that " + r.choice(["conservative therapy (6 weeks of physical therapy) was tried first.", "the service is medically necessary under clinical policy MP-" + dg(r, 3) + ".", "the provider is in your plan's network."]))),
        ("p", "You or your doctor may appeal within 60 days. Call Member Services at " + o.phone + " (TTY 711)."),
        ("sig", f"Utilization Management\n{o.name}")])

def P_appeal(r):
    o = org(r, ["hospital", "clinic", "billing"]); p = Person(r); pr = r.choice(PROC); c = claimno(r); d = Prov(r)
    return D("appeal", "Level 1 Appeal", [
        ("p", f"{r.choice(PAYERS2)}\nAttn: Appeals Department\nPO Box {r.randint(1000, 99999)}"),
        ("p", f"Re: Request for reconsideration\n{L(r, 'pt')}: {p.name(r)}\n{L(r, 'mem')}: {p.mem}\n{L(r, 'claim')}: {c}\nDate of service: {fd(r, svc(r))}"),
        ("p", f"We are appealing the denial of {pr[1].lower()} (CPT {pr[0]}) billed on the claim above. The denial cited "
              + r.choice(["CARC 50 - not deemed a medical necessity", "CARC 197 - precertification absent", "CARC 96 - non-covered charge", "CARC 16 - claim lacks information"]) + "."),
        ("p", f"{p.first}'s records show {r.choice(['progressive symptoms despite two trials of oral therapy', 'an emergent presentation that made prior authorization impossible', 'documented failure of step therapy with ' + r.choice(RX)])}. "
              "The enclosed notes, orders and the treating physician's letter support coverage."),
        ("p", f"Sincerely,\n{staff(r).name(r, 'fl')}\nDenials & Appeals, {o.name}\nTax ID {o.tin} | NPI {o.npi}")])

def P_lmn(r):
    o = org(r, ["clinic"]); p = Person(r, 45); d = Prov(r, r.choice(["Family Medicine", "Pulmonary", "Endocrinology", "Rheumatology"]))
    item = r.choice([("E0470", "bi-level positive airway pressure device", ("G47.33", "Obstructive sleep apnea"), "A CPAP trial failed: pressures above 15 cm H2O were not tolerated and the residual AHI remained 22."),
                     ("K0823", "power wheelchair", ("M17.0", "Bilateral primary osteoarthritis of knee"), "Without this device the patient is unable to perform mobility-related activities of daily living in the home; a walker and manual chair were tried."),
                     ("E1390", "home oxygen concentrator", ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"), f"Resting SpO2 was {r.randint(84, 88)}% on room air and {r.randint(92, 96)}% on 2 L/min."),
                     ("J0897", "denosumab injections", ("M81.0", "Age-related osteoporosis without current pathological fracture"), f"Alendronate was stopped because of esophagitis; lumbar T-score is -{r.uniform(2.6, 3.8):.1f}."),
                     ("A9276", "continuous glucose monitor sensors", ("E11.649", "Type 2 diabetes mellitus with hypoglycemia without coma"), "There were three episodes of level 2 hypoglycemia in the last 90 days despite insulin dose reductions.")])
    return D("medical-necessity", "Letter of Medical Necessity", [
        ("p", fd(r, recent(r), "longth")),
        ("p", "To whom it may concern:"),
        ("p", f"I am writing on behalf of my patient, {p.name(r, 'fml')} (date of birth {fd(r, p.dob, r.choice(['mdy', 'long', 'born']))}), to request coverage of a {item[1]} (HCPCS {item[0]})."),
        ("p", f"{p.first} has {item[2][1].lower()} ({item[2][0]}). " + item[3]),
        ("p", f"Policy holder ID: {p.mem}. Please contact my office at {o.phone} with any questions."),
        ("p", f"{d.first} {d.last}, {d.cred}\n{d.spec}\nNPI {d.npi}")])

def P_eob(r):
    o = org(r, ["payer"]); p = Person(r); rows = []
    for _ in range(r.randint(2, 5)):
        pr = r.choice(PROC); b = round(r.uniform(90, 4200), 2); al = round(b * r.uniform(0.3, 0.8), 2); pp = round(al * r.uniform(0, 0.3), 2)
        rows.append([svc(r), pr[0], pr[1][:34], b, al, round(al - pp, 2), pp])
    return D("eob", "Explanation of Benefits", [
        ("h", "EXPLANATION OF BENEFITS - THIS IS NOT A BILL"),
        ("kv", [("Member", p.name(r, "fml")), ("Member ID", p.mem), ("Group", p.group), ("Claim number", claimno(r)), ("Provider", Prov(r).dr(r)), ("Statement date", fd(r, recent(r)))]),
        ("table", ["Date", "Code", "Service", "Billed", "Allowed", "Plan paid", "You owe"], rows),
        ("small", f"Questions? Call {o.phone}. Para ayuda en español, llame al {o.phone}.")])

def P_collections(r):
    o = org(r, ["billing", "hospital"]); p = Person(r, 21); bal = round(r.uniform(60, 8800), 2)
    return D("collections", "Final Notice", [
        ("p", f"{p.name(r, 'FL')}\n{p.street.upper()}\n{p.city.upper()} {p.st} {p.zip}"),
        ("kv", [("Account", p.acct), ("Service", r.choice(["Emergency room visit", "Ambulance transport", "Outpatient lab", "Labor & delivery", "Physical therapy"]) + " " + fd(r, svc(r), "mdy")),
                ("Balance due", f"${bal:,.2f}"), ("Due by", fd(r, future(r), "mdy"))]),
        ("p", f"FINAL NOTICE. Your balance of ${bal:,.2f} is past due. If we do not receive payment or hear from you by the date above, your account may be referred to an outside collection agency."),
        ("p", f"Payment plans and financial assistance are available. Call {o.phone}, Mon-Fri 8-5."),
        ("small", "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.")])

def P_payment_plan(r):
    o = org(r, ["hospital", "billing"]); p = Person(r, 21); bal = round(r.uniform(400, 12000), 2); n = r.choice([6, 10, 12, 18, 24])
    return D("payment-plan", "Payment Plan Agreement", [
        ("h", "Patient Payment Plan Agreement"),
        ("kv", [("Guarantor", p.name(r, "lfm")), ("Guarantor #", p.acct), ("Patient", r.choice([p.name(r, "fl"), Person(r, 0, 17).name(r, "fl") + " (minor)"])),
                ("Visit", f"{r.choice(['NICU stay', 'Appendectomy', 'MRI brain', 'ED visit'])} {fd(r, svc(r))}"), ("Total balance", f"${bal:,.2f}"),
                ("Monthly payment", f"${bal / n:,.2f} x {n}"), ("First payment", fd(r, future(r)))]),
        ("p", "I agree to the monthly payments above. If two payments are missed the plan may be cancelled."),
        ("p", f"Signature: ______________________   Date: __________\nCard on file ending {dg(r, 4)}")])

def P_cob(r):
    o = org(r, ["payer"]); p = Person(r); s = Person(r, 25)
    return D("cob", "Other Insurance Questionnaire", [
        ("p", f"Dear {p.first} {p.last},"),
        ("p", "We need to update your coordination of benefits before we can process claims from your recent hospital stay. Our records show:"),
        ("kv", [("Member", p.name(r)), (L(r, "mem"), p.mem), (L(r, "dob"), fd(r, p.dob)), ("Claims on hold", str(r.randint(1, 6))),
                ("Other coverage reported", f"{r.choice(PAYERS2)} through {s.name(r, 'fl')} (spouse)"), ("Date of service", fd(r, svc(r)))]),
        ("p", "Please confirm whether this coverage is still active and return the form within 30 days."),
        ("sig", f"Member Services\n{o.name}\n{o.phone}")])

def P_specialty_enroll(r):
    o = org(r, ["pharmacy"]); p = Person(r, 12); d = Prov(r); drug = r.choice(SPECIALTY_RX); dx = r.choice(DX)
    return D("specialty-pharmacy", "Specialty Pharmacy Enrollment", [
        ("h", "SPECIALTY PHARMACY ENROLLMENT FORM"),
        ("kv", [("Patient name", p.name(r, "lf")), ("DOB", fd(r, p.dob, "mdy")), ("Gender", p.sex), ("Address", p.address()), ("Phone", p.phone),
                ("E-mail", p.email), ("Primary insurance", r.choice(PAYERS2)), ("ID", p.mem), ("Rx BIN/PCN", f"{dg(r, 6)} / {r.choice(['ADV', 'MEDDPRIME', 'RXCVS', '9999'])}")]),
        ("kv", [("Medication", drug), ("Sig", r.choice(["Inject SC every 14 days", "Take 1 tablet daily", "Inject 300 mg SC every other week"])), ("Qty/Refills", f"{r.choice([1, 2, 28, 30])} / {r.randint(0, 11)}"),
                ("ICD-10", f"{dx[0]} {dx[1]}"), ("Prescriber", f"{d.first} {d.last}, {d.cred}"), ("NPI", d.npi), ("DEA", d.dea)]),
        ("check", [("Benefits investigation", True), ("Prior authorization needed", r.random() < 0.7), ("Copay assistance", r.random() < 0.5), ("Nurse injection training", r.random() < 0.5)])])

def P_refill_fax(r):
    o = org(r, ["pharmacy"]); p = Person(r, 18); d = Prov(r); drug = r.choice(RX)
    return D("pharmacy-refill", "Refill Authorization Request", [
        ("p", f"FROM: {o.name}  NCPDP {dg(r, 7)}  PH {o.phone}  FAX {o.fax}\nTO: {d.dr(r)}  FAX {phone(r)}"),
        ("kv", [("PT", p.name(r, "LFM")), ("DOB", fd(r, p.dob, r.choice(["mdy", "mdy2"]))), ("RX#", rxno(r)), ("DRUG", drug.upper()), ("NDC", ndc(r, True)),
                ("SIG", r.choice(["1 PO QD", "1 TAB BID", "INJ 0.5ML SQ Q WEEK", "1 PO QHS PRN"])), ("LAST FILLED", fd(r, recent(r), "mdy")), ("REFILLS LEFT", "0")]),
        ("check", [("APPROVED  # refills ____", False), ("DENIED - pt must be seen", False), ("DENIED - changed therapy", False)]),
        ("p", "PRESCRIBER SIGNATURE ____________________  DATE ________")])

def P_anticoag(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 40); inr = f"{r.uniform(1.4, 4.6):.1f}"
    return D("anticoagulation", "Anticoagulation Clinic", [
        ("p", f"Hi {p.first},"),
        ("p", f"Your INR from {fd(r, recent(r), 'abbr')} was {inr} (goal 2.0-3.0). " + r.choice(["Please take 7.5 mg on Monday and Friday and 5 mg all other days.", "Skip tonight's warfarin dose, then resume 5 mg daily.", "No change to your dose."])),
        ("p", f"Next INR check: {fd(r, future(r), 'long')}. Bring your pill box. If you notice black stools or unusual bruising, call us at {o.phone}."),
        ("p", f"- Anticoagulation Clinic, {o.name}\n  {L(r, 'mrn')}: {p.mrn}")])

def P_wound(r):
    o = org(r, ["homehealth", "hospital"]); p = Person(r, 50); rn = staff(r)
    return D("wound-care", "Wound Care Visit Note", [
        ("kv", [("Client", p.name(r, "lf")), ("DOB", fd(r, p.dob)), ("Address", p.address()), ("Visit date", fd(r, recent(r))), ("Clinician", f"{rn.first} {rn.last}, RN, CWOCN")]),
        ("table", ["Site", "L x W x D (cm)", "Tissue", "Drainage", "Dressing"], [[r.choice(["Sacrum", "R heel", "L lateral malleolus", "Abdominal incision"]), f"{r.uniform(0.5, 7):.1f} x {r.uniform(0.5, 5):.1f} x {r.uniform(0.1, 2):.1f}",
                 r.choice(["80% granulation", "slough 40%", "eschar", "epithelializing"]), r.choice(["scant serous", "moderate serosanguinous", "large purulent"]), r.choice(["silver alginate", "NPWT 125 mmHg", "foam border", "hydrocolloid"])] for _ in range(r.randint(1, 3))]),
        ("p", r.choice(["Stage 4 pressure injury, slowly improving. Pressure redistribution mattress in place.", "Diabetic foot ulcer; reinforced offloading and glucose checks.", "Signs of infection; MD notified, culture obtained."])),
        ("p", f"Next visit {fd(r, future(r), 'wk')}.")])

def P_dialysis(r):
    o = org(r, ["clinic"]); p = Person(r, 30); ch = r.randint(1, 24)
    return D("dialysis", "Dialysis schedule change", [
        ("p", f"Transient treatment request - {o.name}"),
        ("kv", [("Patient", p.name(r)), (L(r, "dob"), fd(r, p.dob)), ("Modality", r.choice(["In-center HD", "HD, 3x/week", "PD"])), ("Access", r.choice(["L AVF", "R IJ tunneled catheter", "L AVG"])),
                ("EDW", f"{r.uniform(52, 118):.1f} kg"), ("Hep B sAg", r.choice(["Neg " + fd(r, recent(r), 'mdy'), "Immune"])), ("Requested dates", f"{fd(r, future(r), 'mdy')} - {fd(r, future(r), 'mdy')}"),
                ("Home unit", f"{o.name}, chair {ch}, {r.choice(['MWF', 'TTS'])} {r.choice(['1st', '2nd', '3rd'])} shift"), ("Medicare", mbi_fmt(r, p.mbi))]),
        ("p", "Patient is traveling to visit family. Standing orders, last 3 run sheets and monthly labs attached to the referral packet."),
        ("sig", sig_block(r, o, dept="Social Work"))])

def P_hospice(r):
    o = org(r, ["homehealth"]); p = Person(r, 60); dx = r.choice(DX_ONC + [("G30.1", "Alzheimer's disease with late onset"), ("I50.22", "Chronic systolic heart failure")]); cg = Person(r, 30)
    return D("hospice", "Hospice Referral", [
        ("h", "HOSPICE REFERRAL INTAKE"),
        ("kv", [("Patient", p.name(r, "lfm")), ("Age", str(p.age)), ("DOB", fd(r, p.dob)), ("Terminal diagnosis", f"{dx[1]} ({dx[0]})"), ("PPS", f"{r.choice([30, 40, 50])}%"),
                ("Location", r.choice(["Home", "Assisted living", "Hospital - 6 North"])), ("Address", p.address()), ("Caregiver", f"{cg.name(r, 'fl')} ({r.choice(['daughter', 'son', 'spouse', 'niece'])}) {cg.phone}"),
                ("Medicare ID", mbi_fmt(r, p.mbi)), ("Code status", r.choice(["DNR/DNI", "DNR", "Full code - discussing"]))]),
        ("p", "Referring provider agrees the prognosis is six months or less if the disease runs its normal course. Family requests an admission visit " + r.choice(["today", "tomorrow morning", "this weekend"]) + ".")])

def P_public_health(r):
    o = org(r, ["hospital", "lab", "clinic"]); p = Person(r); dz = r.choice([("Pertussis", "A37.00", "B. pertussis PCR positive"), ("Salmonellosis", "A02.0", "Stool culture: Salmonella enterica ser. Enteritidis"),
                   ("Tuberculosis, pulmonary", "A15.0", "Sputum AFB smear 2+, MTB complex NAAT detected"), ("Syphilis, early latent", "A51.5", "RPR 1:64, TP-PA reactive"),
                   ("Hepatitis A, acute", "B15.9", "HAV IgM positive, ALT 1,140"), ("Measles", "B05.9", "Measles IgM positive, PCR pending")])
    return D("public-health-report", "Confidential Morbidity Report", [
        ("h", "CONFIDENTIAL MORBIDITY REPORT - REPORTABLE CONDITION"),
        ("kv", [("Disease", f"{dz[0]} ({dz[1]})"), ("Patient last name", p.last), ("First name", p.first), ("DOB", fd(r, p.dob, "mdy")), ("Sex", p.sex),
                ("Race/Ethnicity", r.choice(["White / Not Hispanic", "Black / Not Hispanic", "Unknown / Hispanic", "AI/AN / Not Hispanic", "Asian / Not Hispanic"])),
                ("Address", p.address()), ("Phone", p.phone), ("Onset date", fd(r, recent(r), "mdy")), ("Specimen / result", dz[2]),
                ("Pregnant", r.choice(["N", "Y", "Unk"]) if p.sex == "F" else "N/A"), ("Reporter", f"{staff(r).name(r, 'fl')}, Infection Prevention, {o.phone}")]),
        ("small", f"Submitted to the county health department under state reporting rules. Facility: {o.name}.")])

def P_infection_notice(r):
    o = org(r, ["hospital"]); p = Person(r, 30); org_ = r.choice(["MRSA", "CRE (K. pneumoniae, KPC+)", "C. difficile (toxin B PCR+)", "VRE", "Candida auris"])
    return D("infection-control", "Isolation alert", [
        ("p", f"Infection Prevention alert - please apply {r.choice(['contact', 'contact plus', 'enteric contact'])} precautions."),
        ("kv", [("Pt", p.name(r, "lf")), ("MRN", p.mrn), ("Rm", f"{r.randint(2, 9)}{r.randint(10, 60)}-{r.choice('AB')}"), ("Organism", org_), ("Source", r.choice(["nares screen", "urine", "stool", "wound", "axilla/groin swab"])), ("Collected", fd(r, recent(r), "mdy"))]),
        ("p", "An isolation flag has been added to the chart. Please notify Transport and EVS before any move. Roommate exposure screening ordered."),
        ("sig", sig_block(r, o, dept="Infection Prevention"))])

def P_school_form(r):
    o = org(r, ["clinic"]); p = Person(r, 5, 17); d = Prov(r, "Pediatrics"); par = Person(r, 25)
    return D("school-form", "School Health Form", [
        ("h", "Student Health / Sports Participation Form"),
        ("kv", [("Student", p.name(r, "fl")), ("Date of birth", fd(r, p.dob, "mdy")), ("School / grade", f"{r.choice(['Lincoln Middle School', 'Westview High', 'Sacred Heart Academy'])} / {r.randint(5, 12)}"),
                ("Parent/guardian", f"{par.name(r, 'fl')} {par.phone}")]),
        ("p", "Medical conditions: " + r.choice(["Asthma - albuterol inhaler to be carried at school; use before exercise.", "Type 1 diabetes - insulin pump; glucagon in nurse's office.", "Peanut allergy - EpiPen Jr x2.", "ADHD - methylphenidate ER given at home."])),
        ("check", [("Cleared for all sports", r.random() < 0.5), ("Cleared with restrictions", r.random() < 0.4), ("Immunizations up to date", True)]),
        ("p", f"{d.first} {d.last}, {d.cred}   {fd(r, recent(r), 'mdy')}   {o.name} {o.phone}")])

def P_newborn(r):
    o = org(r, ["hospital", "lab"]); b = Person(r, 0, 1); b.last = r.choice(LN); m = Person(r, 20, 42, sex="F"); m.last = b.last
    return D("newborn-screen", "Newborn Screening Result", [
        ("p", "NEWBORN SCREENING PROGRAM - OUT OF RANGE RESULT"),
        ("kv", [("Infant", f"{b.last.upper()}, {r.choice(['BOY', 'GIRL', 'BABY BOY', 'BABYGIRL'])}" + (f" {b.first}" if r.random() < 0.4 else "")), ("Birth date/time", f"{fd(r, recent(r), 'mdy')} {tm(r)}"),
                ("Kit #", dg(r, 8)), ("Mother", m.name(r, "lf")), ("Mother DOB", fd(r, m.dob)), ("Birth facility", o.name), ("Birth weight", f"{r.randint(1100, 4400)} g")]),
        ("p", "Result: " + r.choice(["Elevated TSH (presumptive congenital hypothyroidism)", "Elevated C8 acylcarnitine - MCAD deficiency suspected", "FAS hemoglobin pattern - sickle cell trait", "Elevated IRT - repeat for cystic fibrosis"]) + ". Repeat specimen requested within 48 hours."),
        ("p", f"Primary care: {Prov(r, 'Pediatrics').dr(r)}. Family phone {m.phone}.")])

def P_genetic(r):
    o = org(r, ["lab"]); p = Person(r, 20); gene = r.choice(["BRCA2 c.5946delT (p.Ser1982fs)", "MLH1 c.350C>T", "CFTR F508del (heterozygous)", "APOB c.10580G>A", "TP53 c.743G>A"])
    return D("genetic-testing", "Genetic Test Result", [
        ("h", "Hereditary Cancer Panel - Positive"),
        ("kv", [("Patient", p.name(r)), ("DOB", fd(r, p.dob)), ("Specimen", r.choice(["Blood", "Saliva"])), ("Accession", f"G{dg(r, 9)}"), ("Ordering clinician", Prov(r).dr(r)), ("Report date", fd(r, recent(r)))]),
        ("p", f"RESULT: One pathogenic variant identified: {gene}."),
        ("p", "Interpretation: This result is consistent with a hereditary predisposition. Cascade testing of first-degree relatives is recommended. Genetic counseling has been offered."),
        ("small", f"Performed at {o.name}, CLIA {clia(r)}.")])

def P_sleep(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 25); ahi = round(r.uniform(6, 78), 1)
    return D("sleep-study", "Polysomnography Report", [
        ("kv", [("Name", p.name(r, "lfm")), ("DOB", fd(r, p.dob)), ("Age", str(p.age)), ("BMI", f"{r.uniform(24, 52):.1f}"), ("Study date", fd(r, recent(r))), ("Study", "Diagnostic PSG (95810)"), ("Referring", Prov(r).dr(r))]),
        ("table", ["Parameter", "Value"], [["Total sleep time", f"{r.randint(210, 420)} min"], ["Sleep efficiency", f"{r.randint(55, 94)}%"], ["AHI", str(ahi)], ["Lowest SpO2", f"{r.randint(68, 91)}%"], ["PLM index", str(r.randint(0, 40))]]),
        ("p", f"Impression: {'Severe' if ahi >= 30 else 'Moderate' if ahi >= 15 else 'Mild'} obstructive sleep apnea (G47.33). Recommend {r.choice(['CPAP titration', 'auto-PAP 5-15 cm H2O', 'oral appliance referral'])}.")])

def P_visit_summary(r):
    o = org(r, ["clinic"]); p = Person(r, 2); d = Prov(r); dx = r.sample(DX, 2); v = [r.randint(96, 168), r.randint(58, 100)]
    return D("visit-summary", "Visit Summary", [
        ("h", f"Telehealth Visit Summary - {fd(r, recent(r), 'long')}"),
        ("p", f"{p.name(r, 'fl')} | {L(r, 'dob')}: {fd(r, p.dob)} | {L(r, 'mrn')}: {p.mrn}"),
        ("p", f"Seen by {d.dr(r)} via video. Reason for visit: {r.choice(['medication follow-up', 'cough for 10 days', 'blood pressure check', 'anxiety follow-up', 'rash'])}."),
        ("ul", [f"Diagnoses addressed: {dx[0][1]} ({dx[0][0]}); {dx[1][1]} ({dx[1][0]})", f"Home BP reported {v[0]}/{v[1]}", f"Prescribed: {r.choice(RX)}", "Labs ordered: CMP, lipid panel"]),
        ("p", f"Next appointment: {fd(r, future(r), 'abbr')}. Questions: send a portal message or call {o.phone}.")])

def P_portal_msg(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 18); rn = staff(r)
    q = r.choice([f"I've been taking the {r.choice(RX)} for two weeks and I'm dizzy every morning. Should I stop it?",
                  f"Can I get a refill of my {r.choice(RX)}? My pharmacy is the one on {r.choice(STREET)}.",
                  "My sugars have been over 300 since Friday even with the insulin. What should I do?",
                  "The biopsy place called but I didn't understand the results. Can the doctor call me?"])
    return D("portal-message", "Patient portal message", [
        ("p", f"Patient message received {fd(r, recent(r), 'mdy')} {tm(r)}"),
        ("kv", [("From", f"{p.name(r, 'fl')} ({L(r, 'mrn')} {p.mrn})"), ("Subject", r.choice(["Medication question", "Refill", "Test results", "Question for my doctor"]))]),
        ("p", "\"" + q + "\""),
        ("p", f"Triage note ({rn.first[0]}. {rn.last}, RN): {r.choice(['Routed to PCP pool.', 'Called patient, left VM.', 'Advised to hold dose pending MD review.'])} Callback {p.phone}.")])

def P_grievance(r):
    o = org(r, ["hospital", "payer"]); p = Person(r, 18); f = Person(r, 25)
    return D("grievance", "Grievance intake", [
        ("h", "Patient Grievance - Intake Summary"),
        ("kv", [("Grievance #", f"GRV-{dg(r, 6)}"), ("Patient", p.name(r, "lf")), ("DOB", fd(r, p.dob)), ("Complainant", f"{f.name(r, 'fl')} ({r.choice(['self', 'daughter', 'son', 'wife', 'husband'])})"), ("Phone", f.phone), ("Received", fd(r, recent(r)))]),
        ("p", "Summary: " + r.choice([f"Family states pain medication was delayed for four hours after hip surgery on {fd(r, svc(r), 'mdy')}.",
                                      f"Patient reports {'she' if p.sex == 'F' else 'he'} was discharged without instructions for the new insulin and was readmitted two days later.",
                                      "Member states the plan denied his chemotherapy and he had to pay out of pocket."])),
        ("p", "Acknowledgement letter due within 5 business days; resolution within 30 days.")])

def P_privacy_invest(r):
    o = org(r, ["hospital"]); p = Person(r, 18); u1 = staff(r); u2 = staff(r)
    what = r.choice(["pregnancy", "overdose admission", "psychiatric hold", "HIV test", "ED visit after an assault"])
    rows = [[fd(r, recent(r), "mdy") + " " + tm(r), r.choice([f"{u1.last.upper()}, {u1.first.upper()}", f"{u2.last.upper()}, {u2.first.upper()}"]), r.choice(["Chart Review", "Results Review", "Notes", "Demographics", "Media"]), r.choice(["ED", "Registration", "Radiology", "4 North"])] for _ in range(r.randint(4, 8))]
    return D("privacy-investigation", "Access audit", [
        ("p", f"CONFIDENTIAL - Privacy investigation PI-{dg(r, 5)}"),
        ("p", f"Complainant is the patient, {p.name(r, 'fl')} ({L(r, 'mrn')} {p.mrn}), an employee in {r.choice(['Dietary', 'Finance', 'Surgery'])} who believes coworkers looked up the record of the {what}."),
        ("table", ["Access time", "User", "Activity", "Dept"], rows),
        ("p", "Please do not forward. Interviews with both users are scheduled for next week.")])

def P_roi(r):
    o = org(r, ["hospital", "clinic"]); p = Person(r); req = r.choice(["Keller & Haas LLP", "Social Security Administration - DDS", "Liberty Auto Claims", "the patient (personal copy)"])
    return D("release-of-information", "Records request", [
        ("p", f"Release of Information - request log #{dg(r, 6)}"),
        ("kv", [("Requester", req), ("Patient", p.name(r, "lfm")), ("DOB", fd(r, p.dob)), ("SSN (last 4)", p.ssn[-4:]), ("Dates requested", f"{fd(r, svc(r), 'mdy')} to present"),
                ("Records", r.choice(["ED notes, imaging reports, billing", "Complete chart incl. behavioral health (separate authorization on file)", "Operative report and pathology"])), ("Authorization", r.choice(["HIPAA-compliant, signed", "subpoena duces tecum"]))]),
        ("p", f"{r.randint(40, 600)} pages released via secure portal. Invoice INV-{dg(r, 6)} sent to requester.")])

def P_decedent(r):
    o = org(r, ["hospital", "homehealth"]); p = Person(r, 55, 95)
    return D("decedent-notice", "Notice of death", [
        ("p", f"To: Member Services, {r.choice(PAYERS2)}"),
        ("p", f"Please be advised that your member {p.name(r, 'fl')}, {L(r, 'mem')} {p.mem}, date of birth {fd(r, p.dob)}, expired on {fd(r, recent(r), 'long')} at {o.name} ({r.choice(['inpatient hospice', 'home', 'ICU'])})."),
        ("p", "Please terminate coverage as of the date of death and route any outstanding claims for the final admission to our billing office."),
        ("sig", sig_block(r, o))])

def P_ccm(r):
    o = org(r, ["clinic"]); p = Person(r, 60); cm = staff(r); dxs = r.sample(DX, 2)
    return D("care-coordination", "Chronic Care Management monthly note", [
        ("p", f"CCM {r.choice(['Mar', 'Apr', 'May', 'Jun'])} 2026 - {r.randint(20, 58)} minutes"),
        ("p", f"{p.name(r, 'lf')} ({p.age} y/o, DOB {fd(r, p.dob, 'mdy2')}) - chronic conditions: {dxs[0][1]}; {dxs[1][1]}."),
        ("ul", [f"{r.choice(['Phone call with patient', 'Phone call with daughter', 'Coordinated with home health'])} on {fd(r, recent(r), 'mdy1')}",
                r.choice(["Pill box set up; missed 3 doses of metoprolol last week", "Transportation arranged for cardiology appt", "Glucose log reviewed: fasting 180-240", "Fall at home, no injury; PT referral sent"]),
                f"Care plan updated; next contact {fd(r, future(r), 'mdy1')}"]),
        ("p", f"-- {cm.first} {cm.last}, RN Care Manager")])

def P_consult_partial(r):
    p = Person(r, 18, 88); d = Prov(r); dx = r.choice(DX)
    return D("consult-partial-id", "Curbside consult", [
        ("p", f"Dr. {d.last} - quick curbside if you have a minute."),
        ("p", f"{p.initials()}, {p.age}{p.sex}, DOB {fd(r, p.dob, r.choice(['mdy', 'mdy2', 'iso']))}, admitted overnight with {dx[1].lower()}. "
              + r.choice([f"Cr went from 1.1 to {r.uniform(2, 4):.1f} after contrast.", f"Started on {r.choice(RX)} but now with a rash.", "Family asking about transfer for a second opinion."])),
        ("p", f"Last 4 of the MRN are {p.mrn[-4:]} if you want to look. Thanks!")])

def P_nolabel(r):
    p = Person(r, 3); d = Prov(r); dx = r.choice(DX); who = r.choice(["her", "his"]) if False else ("her" if p.sex == "F" else "his")
    v = [f"Please let {p.first} {p.last} know that {who} biopsy came back benign - no further surgery needed. I'll see {'her' if p.sex == 'F' else 'him'} in six months.",
         f"{p.name(r, 'fml')} no-showed for {who} infusion again today. Third missed dose of {r.choice(SPECIALTY_RX)} - can social work reach out?",
         f"FYI {p.first} {p.last} from the {r.choice(['Tuesday', 'Thursday'])} group relapsed over the weekend and is back in detox at {org(r, ['hospital']).name}.",
         f"We got the echo on {p.first} {p.last}: EF {r.randint(15, 35)}%. Cardiology wants {'her' if p.sex == 'F' else 'him'} on {r.choice(RX)} before discharge.",
         f"{p.last}, {p.first} is on the list for tomorrow's tumor board - new {r.choice(['pancreatic', 'lung', 'colon'])} mass, CA 19-9 {r.randint(40, 2400)}.",
         f"Can you call {p.first} {p.last}'s {r.choice(['wife', 'mother', 'husband', 'son'])} back? {p.first} was admitted to the psych unit last night and the family wants an update."]
    return D("clinical-note-nolabel", "Quick note", [("p", r.choice(v)), ("p", r.choice(["Thanks.", "Thank you!", "- " + staff(r).first, ""]) or "Thx")])

def P_fmla(r):
    o = org(r, ["clinic"]); p = Person(r, 22, 64); dx = r.choice(DX); d = Prov(r)
    return D("fmla-form", "Certification of Health Care Provider", [
        ("h", "Certification of Health Care Provider for Employee's Serious Health Condition (FMLA)"),
        ("kv", [("Employee name", p.name(r, "fl")), ("Employer", r.choice(["Walmart DC 6021", "City of Pueblo", "Tyson Foods", "Amazon ABE4"])), ("Date of birth", fd(r, p.dob))]),
        ("p", f"Condition: {dx[1]}. Onset {fd(r, svc(r), 'mdy')}. Patient will be incapacitated for approximately {r.randint(2, 12)} weeks and needs follow-up visits every {r.choice(['2', '4', '6'])} weeks."),
        ("check", [("Continuous leave", r.random() < 0.5), ("Intermittent leave", r.random() < 0.5), ("Reduced schedule", r.random() < 0.3)]),
        ("p", f"Provider: {d.first} {d.last}, {d.cred}   NPI {d.npi}   Phone {o.phone}")])

def P_workcomp(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 19, 64); inj = r.choice([("S52.501A", "right distal radius fracture"), ("M54.16", "lumbar radiculopathy"), ("S61.412A", "laceration of left hand")])
    return D("workers-comp", "Work Status Report", [
        ("h", "WORKERS' COMPENSATION - WORK STATUS REPORT"),
        ("kv", [("Injured worker", p.name(r, "lf")), ("DOB", fd(r, p.dob)), ("SSN", ssn(r) if r.random() < 0.5 else "XXX-XX-" + p.ssn[-4:]), ("Claim #", f"WC{dg(r, 8)}"),
                ("Employer", r.choice(["Rio Grande Concrete", "Bayside Logistics", "Pine Bluff Poultry"])), ("Date of injury", fd(r, svc(r))), ("Diagnosis", inj[1])]),
        ("check", [("Full duty", False), ("Modified duty - no lifting > 10 lb", True), ("Off work until next visit", r.random() < 0.3)]),
        ("p", f"Next visit {fd(r, future(r))}. Adjuster: {staff(r).name(r, 'fl')}, {phone(r)}.")])

def P_dme_order(r):
    o = org(r, ["clinic"]); p = Person(r, 40); d = Prov(r); it = r.choice(PROC[19:22])
    return D("dme", "DME order", [
        ("h", "Standard Written Order - Durable Medical Equipment"),
        ("kv", [("Beneficiary", p.name(r, "lfm")), ("MBI", mbi_fmt(r, p.mbi)), ("DOB", fd(r, p.dob)), ("Address", p.address()), ("Order date", fd(r, recent(r))),
                ("Item", f"{it[0]} {it[1]}"), ("Qty", "1"), ("Length of need", r.choice(["99 months", "12 months", "lifetime"])), ("Dx", r.choice(["J44.1", "G47.33", "J96.01", "M48.062"]))]),
        ("p", f"Practitioner: {d.first} {d.last}, {d.cred}  NPI {d.npi}\nSignature on file {fd(r, recent(r), 'mdy')}")])

def P_bh(r):
    o = org(r, ["clinic"]); p = Person(r, 16); dx = r.choice(DX_BH)
    return D("behavioral-health", "Treatment update", [
        ("small", "This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2). Redisclosure is prohibited unless permitted by the regulations."),
        ("kv", [("Client", p.name(r)), ("DOB", fd(r, p.dob)), ("Program", r.choice(["IOP - Substance Use", "Opioid Treatment Program", "Adolescent Partial Hospitalization", "Outpatient counseling"])), ("Admit date", fd(r, svc(r)))]),
        ("p", f"Diagnosis: {dx[0]} {dx[1]}. " + r.choice([f"Attendance {r.randint(50, 100)}%. UDS {fd(r, recent(r), 'mdy')}: positive for fentanyl.", "Client is stable on buprenorphine 16 mg daily; engaged in group.", "Safety plan reviewed; no current SI/HI."])),
        ("p", f"Release signed {fd(r, recent(r), 'mdy')} for coordination with {r.choice(['probation', 'PCP', 'the residential program'])}.")])

def P_prenatal(r):
    o = org(r, ["clinic"]); p = Person(r, 17, 44, sex="F"); ga = r.randint(10, 39); edd = future(r)
    return D("prenatal", "Prenatal record", [
        ("kv", [("Name", p.name(r, "lf")), ("DOB", fd(r, p.dob)), ("G/P", f"G{r.randint(1, 6)}P{r.randint(0, 4)}"), ("EDD", fd(r, edd)), ("GA today", f"{ga}w{r.randint(0, 6)}d"), ("Blood type", r.choice(["O+", "A+", "B-", "O-", "AB+"]))]),
        ("p", r.choice(["1-hr GTT 168 - 3-hr ordered.", "BP 148/96 x2, urine protein 1+; sent to L&D triage.", "GBS positive; PCN at delivery.", "Declined genetic screening."])),
        ("p", f"Delivering hospital: {org(r, ['hospital']).name}. Plan of care reviewed with patient.")])

def P_um_review(r):
    o = org(r, ["hospital"]); p = Person(r, 20); a = svc(r); dx = r.choice(DX)
    return D("utilization-review", "Concurrent review", [
        ("p", f"Concurrent review for {r.choice(PAYERS2)} - please authorize continued stay"),
        ("kv", [(L(r, "pt"), p.name(r, "lf")), (L(r, "mem"), p.mem), (L(r, "dob"), fd(r, p.dob)), ("Admit", fd(r, a, "mdy")), ("Auth #", authno(r)), ("LOC", r.choice(["Inpatient", "Observation", "ICU"]))]),
        ("p", f"Clinical: {dx[1]}. Day {r.randint(2, 9)}. " + r.choice(["Still on IV vancomycin and zosyn; lactate 2.8.", "Requiring 6L O2, unable to wean.", "Awaiting SNF bed; PT recommends 24-hr supervision."])),
        ("p", f"UR nurse {staff(r).name(r, 'fl')}, {o.phone}, fax {o.fax}")])

def P_charity(r):
    o = org(r, ["hospital"]); p = Person(r, 21, 64); hh = r.randint(1, 7)
    return D("financial-assistance", "Financial assistance application", [
        ("h", "Financial Assistance (Charity Care) Application - Staff Worksheet"),
        ("kv", [("Applicant", p.name(r, "fml")), ("SSN", p.ssn), ("DOB", fd(r, p.dob)), ("Address", p.address()), ("Household size", str(hh)), ("Annual income", f"${r.randint(9, 61) * 1000:,}"),
                ("Accounts", ", ".join(acct(r) for _ in range(r.randint(1, 3)))), ("Services", r.choice(["ED visit and CT", "Inpatient stay - pneumonia", "Outpatient surgery", "NICU"]))]),
        ("p", f"Income is {r.randint(90, 240)}% of FPL - eligible for a {r.choice(['100%', '75%', '50%'])} discount. Medicaid screening: {r.choice(['denied', 'pending', 'not eligible (immigration status)'])}.")])

def P_cms1500_v2(r):
    p = Person(r, 0, 90); d = Prov(r); s = p if r.random() < 0.6 else Person(r, 25); dx = r.sample(DX, 3); pr = r.sample(PROC, 2); dd = svc(r)
    return D("cms-1500", "CMS-1500", [
        ("p", "1500 claim - line-by-line from the rejected paper claim (box numbers per NUCC)"),
        ("kv", [("1a INSURED'S ID NUMBER", p.mem), ("2 PATIENT'S NAME", p.name(r, "LFM").replace(",", "")), ("3 BIRTH DATE / SEX", f"{p.dob.strftime('%m %d %Y')}  {p.sex}"),
                ("4 INSURED'S NAME", s.name(r, "LFM")), ("5 PATIENT'S ADDRESS", p.address()), ("6 RELATIONSHIP", "Self" if s is p else r.choice(["Spouse", "Child"])),
                ("21 ICD IND 0", f"A {dx[0][0]}   B {dx[1][0]}   C {dx[2][0]}"), ("24 DOS / CPT / PTR / $", f"{dd.strftime('%m %d %y')}  {pr[0][0]}  AB  {r.randint(90, 900)}.00 ;  {dd.strftime('%m %d %y')}  {pr[1][0]}  C  {r.randint(40, 400)}.00"),
                ("25 FEDERAL TAX ID", org(r).tin), ("26 PATIENT'S ACCOUNT NO.", p.acct), ("24J RENDERING NPI", d.npi)])])

def P_ub04_v2(r):
    p = Person(r, 18); a = svc(r); b = a + dtm.timedelta(days=r.randint(2, 8)); dx = r.sample(DX, 3); o = org(r, ["hospital"])
    rows = [["0120", "R&B SEMI", f"{(b - a).days}", round((b - a).days * r.uniform(1800, 3200), 2)], ["0250", "PHARMACY", "", round(r.uniform(300, 9000), 2)],
            ["0300", "LAB", "", round(r.uniform(200, 4000), 2)], ["0450", "EMERG ROOM", "1", round(r.uniform(900, 4000), 2)], ["0001", "TOTAL", "", 0.0]]
    rows[-1][3] = round(sum(x[3] for x in rows[:-1]), 2)
    return D("ub-04", "UB-04", [
        ("p", f"UB-04 (CMS-1450) - {o.name}"),
        ("kv", [("FL3a PAT CNTL", p.acct), ("FL3b MED REC", p.mrn), ("FL4 TOB", r.choice(["0111", "0131", "0121"])), ("FL6 FROM-THROUGH", f"{a:%m%d%y}-{b:%m%d%y}"),
                ("FL8b PATIENT NAME", p.name(r, "LFM")), ("FL9 ADDRESS", p.address()), ("FL10 BIRTHDATE", f"{p.dob:%m%d%Y}"), ("FL11 SEX", p.sex),
                ("FL58 INSURED", p.name(r, "LFM")), ("FL60 INSURED'S UNIQUE ID", r.choice([p.mem, p.mbi])), ("FL67 PRIN DX", dx[0][0].replace(".", "")), ("FL67A-B", " ".join(x[0].replace(".", "") for x in dx[1:]))]),
        ("table", ["FL42 REV CD", "FL43 DESCRIPTION", "FL46 UNITS", "FL47 TOTAL CHARGES"], rows)])

def P_eligibility_note(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r); rep = staff(r)
    return D("eligibility", "Eligibility call", [
        ("p", f"Called {r.choice(PAYERS2)} provider line {fd(r, recent(r), 'mdy1')} {tm(r)}, rep {rep.first} (ref# {dg(r, 10)})."),
        ("p", f"{L(r, 'pt')}: {p.name(r)}  {L(r, 'dob')}: {fd(r, p.dob)}  {L(r, 'mem')}: {p.mem}"),
        ("p", f"Plan {r.choice(['active', 'active, secondary to Medicare', 'termed ' + fd(r, svc(r), 'mdy1')])}. Deductible ${r.randint(0, 7000)} / met ${r.randint(0, 3000)}. "
              f"{r.choice(['Dialysis covered at 80% after deductible.', 'Chemo infusions require PA through eviCore.', 'Behavioral health carved out to a separate vendor.', 'No PA needed for 93306.'])}"),
        ("p", "- " + staff(r).first + ", Patient Access")])

def P_claim_call(r):
    o = org(r, ["billing", "hospital"]); p = Person(r); c = claimno(r)
    return D("claims", "Claim follow-up notes", [
        ("pre", "\n".join([f"{fd(r, recent(r), 'mdy')} {tm(r)} {staff(r).first[0]}{staff(r).last[0]}  " + x for x in [
            f"CLM {c} PT {p.name(r, 'LFM')} DOB {fd(r, p.dob, 'mdy')} MBR {p.mem} DOS {fd(r, svc(r), 'mdy')} BILLED ${r.randint(200, 30000):,}.00",
            f"CALLED PAYER, CLAIM DENIED {r.choice(['CO-16 MISSING REFERRING NPI', 'CO-27 COVERAGE TERMED', 'CO-197 NO AUTH', 'PR-1 DEDUCTIBLE'])}",
            r.choice(["SENT CORRECTED CLAIM FREQ 7 VIA CLEARINGHOUSE", "FAXED MED RECS TO 888-" + dg(r, 3) + "-" + dg(r, 4), "PT STATES NEW INS - UPDATED REG", "APPEAL FILED, F/U 30 DAYS"])]]))])

# Spanish / bilingual
def P_es_resultados(r):
    o = org(r, ["clinic", "lab"]); p = Person(r, 18, hisp=True); lab = r.choice(LABS[:11])
    return D("spanish-lab", "Resultados", [
        ("p", f"Estimada {p.sra()}:" if p.sex == "F" else f"Estimado {p.sra()}:"),
        ("p", f"Su doctor(a) revisó sus análisis de sangre del {fd_es(r, recent(r))}. El resultado de {lab.name} fue {lab.gen(r)} {lab.unit} (valor de referencia {lab.ref})."),
        ("p", r.choice(["Es necesario ajustar la dosis de su medicamento. Por favor haga una cita esta semana.", "Sus riñones no están funcionando bien. Le vamos a referir al nefrólogo.", "El resultado es normal. No necesita hacer nada más."])),
        ("kv", [("Paciente", p.name(r, "fl")), ("Fecha de nacimiento", fd_es(r, p.dob)), ("Número de expediente", p.mrn)]),
        ("p", f"Atentamente,\nClínica {o.name}\nTel. {o.phone}")], lang="es")

def P_es_cuenta(r):
    o = org(r, ["hospital", "billing"]); p = Person(r, 21, hisp=True); bal = round(r.uniform(80, 5000), 2)
    return D("spanish-statement", "Estado de cuenta", [
        ("h", "ESTADO DE CUENTA DEL PACIENTE"),
        ("kv", [("Nombre", p.name(r, "lf")), ("Número de cuenta", p.acct), ("Fecha de servicio", fd_es(r, svc(r))), ("Servicio", r.choice(["Sala de emergencias", "Parto", "Cirugía ambulatoria", "Ultrasonido"])), ("Aseguranza", r.choice(PAYERS2) + f" - Núm. de afiliado {p.mem}"), ("Saldo", f"${bal:,.2f}")]),
        ("p", "Si no puede pagar el saldo completo, llámenos para un plan de pagos o para solicitar asistencia financiera."),
        ("p", f"Dirección: {p.address()}")], lang="es")

def P_bilingual_appt(r):
    o = org(r, ["clinic"]); p = Person(r, 0, 80, hisp=True); f = future(r); t = tm(r); sp = r.choice([("Pediatrics", "Pediatría"), ("Obstetrics", "Obstetricia"), ("Cardiology", "Cardiología"), ("Behavioral Health", "Salud mental")])
    return D("bilingual-letter", "Appointment / Cita", [
        ("p", f"{p.name(r, 'fml')}\n{p.address()}"),
        ("p", f"Your {sp[0]} appointment is on {fd(r, f, 'long')} at {t}. Please bring your Medicaid card (ID {p.mem}) and arrive 15 minutes early."),
        ("p", f"Su cita de {sp[1]} es el {fd_es(r, f)} a las {t}. Traiga su tarjeta de Medicaid (núm. {p.mem}) y llegue 15 minutos antes."),
        ("p", f"Paciente / Patient DOB: {fd(r, p.dob, 'mdy')}"),
        ("p", f"{o.name} - {o.phone}")], lang="es")

def P_es_autorizacion(r):
    o = org(r, ["payer"]); p = Person(r, 18, hisp=True); pr = r.choice(PROC)
    return D("spanish-prior-auth", "Aviso de autorización", [
        ("p", f"Aviso de determinación - autorización previa núm. {authno(r)}"),
        ("p", f"{p.name(r, 'fl')}, número de afiliado {p.mem}, fecha de nacimiento {fd_es(r, p.dob)}:"),
        ("p", f"Hemos {r.choice(['aprobado', 'negado'])} el servicio {pr[1]} ({pr[0]}) solicitado por su médico el {fd_es(r, recent(r))}."),
        ("p", f"Si no está de acuerdo, puede apelar dentro de 60 días. Llame a Servicios para Miembros al {o.phone}.")], lang="es")

PHI_DOCS = [P_critical_call, P_cumulative, P_path, P_imaging, P_referral_letter, P_referral_fax, P_transfer, P_discharge_instr, P_surgery_confirm,
            P_pa_determination, P_appeal, P_lmn, P_eob, P_collections, P_payment_plan, P_cob, P_specialty_enroll, P_refill_fax, P_anticoag,
            P_wound, P_dialysis, P_hospice, P_public_health, P_infection_notice, P_school_form, P_newborn, P_genetic, P_sleep, P_visit_summary,
            P_portal_msg, P_grievance, P_privacy_invest, P_roi, P_decedent, P_ccm, P_consult_partial, P_nolabel, P_fmla, P_workcomp, P_dme_order,
            P_bh, P_prenatal, P_um_review, P_charity, P_cms1500_v2, P_ub04_v2, P_eligibility_note, P_claim_call, P_es_resultados, P_es_cuenta,
            P_bilingual_appt, P_es_autorizacion]

# ============================================================== PHI: raw interchange formats
def hts(d, r, secs=False): return d.strftime("%Y%m%d") + f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}" + (f"{r.randint(0, 59):02d}" if secs else "")
def hphone(p): return re.sub(r"\D", "", p.phone)[-10:]

def R_hl7_adt(r):
    p = Person(r); d = Prov(r); nk = Person(r, 25); now = recent(r); ev = r.choice(["A08", "A04", "A02", "A11", "A13"]); o = org(r, ["hospital"])
    fac = strip_acc(o.name.split()[0]).upper()[:6]
    seg = [f"MSH|^~\\&|ADT1|{fac}|RHAPSODY|{fac}|{hts(now, r, True)}||ADT^{ev}^ADT_A01|MSG{dg(r, 8)}|P|2.5|||AL|NE",
           f"EVN|{ev}|{hts(now, r)}|||{staff(r).last.upper()}",
           f"PID|1|{p.mrn}|{p.mrn}^^^{fac}^MR~{p.ssn.replace('-', '')}^^^USSSA^SS||{p.name(r, 'hl7')}|{strip_acc(Person(r, 40, 80, sex='F').last).upper()}|{p.dob:%Y%m%d}|{p.sex}||2106-3|{strip_acc(p.street).upper()}^^{p.city.upper()}^{p.st}^{p.zip[:5]}^USA^H||^PRN^PH^^^{hphone(p)[:3]}^{hphone(p)[3:]}|||{r.choice(['M', 'S', 'W', 'D'])}||{p.acct}",
           f"NK1|1|{nk.name(r, 'hl7')}|{r.choice(['SPO^Spouse', 'DAU^Daughter', 'SON^Son', 'MTH^Mother'])}|||^PRN^PH^^^{nk.phone[-12:].replace('(', '').replace(')', '').replace(' ', '')}",
           f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['5W', 'MICU', 'ED', 'L&D'])}^{r.randint(500, 560)}^{r.choice('12')}^{fac}||||{d.npi}^{strip_acc(d.last).upper()}^{strip_acc(d.first).upper()}^^^^MD|||{r.choice(['MED', 'SUR', 'OBS', 'PSY'])}||||||||{r.choice(['V', 'I'])}{dg(r, 9)}",
           f"IN1|1|{dg(r, 5)}|{dg(r, 5)}|{r.choice(PAYERS2).upper()}|||||{p.group}||||||{p.name(r, 'hl7')}|01|{p.dob:%Y%m%d}|||||||||||||||||{p.mem}",
           "DG1|1|I10|{0}^{1}^I10".format(*r.choice(DX))]
    if ev == "A02": seg[4] = seg[4].replace("|||", "|" + r.choice(["4N^410^1", "ICU^02^1"]) + "||", 1)
    return D("hl7-adt", "ADT", [("p", r.choice(["Interface error queue - the IN1 segment is rejecting. Raw message:", f"HL7 {ev} from last night's batch, please review PID-3:", "Here's the ADT that created the duplicate chart:"])), ("pre", "\r\n".join(seg).replace("\r\n", "\n"))])

def R_hl7_oru_micro(r):
    p = Person(r); d = Prov(r); now = recent(r); o = org(r, ["lab"])
    bug = r.choice(["Escherichia coli", "Klebsiella pneumoniae", "Staphylococcus aureus", "Enterococcus faecalis", "Neisseria gonorrhoeae"])
    seg = [f"MSH|^~\\&|SUNQUEST|GLRL|EPIC|CCMC|{hts(now, r)}||ORU^R01|{dg(r, 10)}|P|2.5.1",
           f"PID|1||{p.mrn}^^^CCMC^MR||{p.name(r, 'hl7')}||{p.dob:%Y%m%d}|{p.sex}|||{strip_acc(p.street).upper()}^^{p.city.upper()}^{p.st}^{p.zip[:5]}",
           f"ORC|RE|{dg(r, 9)}|{dg(r, 9)}||CM",
           f"OBR|1|{dg(r, 9)}|M{dg(r, 8)}|{r.choice(['87086^URINE CULTURE', '87040^BLOOD CULTURE', '87070^WOUND CULTURE'])}|||{hts(now, r)}|||||||||{d.npi}^{strip_acc(d.last).upper()}^{strip_acc(d.first).upper()}||||||{hts(now, r)}|||F",
           f"OBX|1|CE|{r.choice(['630-4', '600-7', '6463-4'])}^CULTURE^LN||^{bug}||||||F",
           f"OBX|2|ST|18928-2^GENTAMICIN SUSC^LN||{r.choice(['S', 'R', 'I'])}|||{r.choice(['N', 'A'])}|||F",
           f"OBX|3|ST|18993-6^TRIMETH+SULFA SUSC^LN||{r.choice(['S', 'R'])}|||{r.choice(['N', 'A'])}|||F",
           f"NTE|1||Colony count >100,000 CFU/mL. Called to {staff(r).last.upper()} RN {fd(r, now, 'mdy')}."]
    return D("hl7-oru", "ORU micro", [("p", "Micro results that posted to the wrong encounter:"), ("pre", "\n".join(seg))])

def R_hl7_siu(r):
    p = Person(r); d = Prov(r); f = future(r)
    seg = [f"MSH|^~\\&|CADENCE|VDS|ATHENA|VDS|{hts(recent(r), r)}||SIU^S12|{dg(r, 9)}|P|2.3",
           f"SCH|{dg(r, 8)}|{dg(r, 8)}|||||{r.choice(['FOLLOWUP', 'NEWPT', 'PROCEDURE'])}^{r.choice(['Follow up', 'New patient', 'Colonoscopy'])}||{r.choice([20, 30, 40, 60])}|MIN|^^^{f:%Y%m%d}{r.randint(8, 16):02d}00",
           f"PID|1||{p.mrn}||{p.name(r, 'hl7')}||{p.dob:%Y%m%d}|{p.sex}|||||{hphone(p)}",
           f"AIG|1||{d.npi}^{strip_acc(d.last).upper()}^{strip_acc(d.first).upper()}",
           f"DG1|1||{r.choice(DX)[0]}"]
    return D("hl7-siu", "SIU", [("p", "Scheduling interface message that failed to book:"), ("pre", "\n".join(seg))])

def R_hl7_vxu(r):
    p = Person(r, 0, 6); par = Person(r, 20); par.last = p.last; f = recent(r)
    vac = r.choice([("08", "Hep B, adolescent or pediatric"), ("20", "DTaP"), ("03", "MMR"), ("21", "varicella"), ("133", "Pneumococcal conjugate PCV 13"), ("10", "IPV")])
    seg = [f"MSH|^~\\&|EHR|PRP|IIS|STATE|{hts(f, r)}||VXU^V04^VXU_V04|{dg(r, 8)}|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS",
           f"PID|1||{p.mrn}^^^PRP^MR||{p.name(r, 'hl7')}|{strip_acc(par.first).upper()}|{p.dob:%Y%m%d}|{p.sex}||2106-3^White^CDCREC|{strip_acc(p.street).upper()}^^{p.city.upper()}^{p.st}^{p.zip[:5]}^^P",
           f"NK1|1|{par.name(r, 'hl7')}|MTH^Mother^HL70063",
           f"ORC|RE||{dg(r, 7)}",
           f"RXA|0|1|{f:%Y%m%d}||{vac[0]}^{vac[1]}^CVX|0.5|mL^mL^UCUM||00^New Record^NIP001||||||{lot(r)}||{r.choice(['MSD^Merck', 'SKB^GlaxoSmithKline', 'PMC^Sanofi Pasteur'])}^MVX|||CP|A"]
    return D("hl7-vxu", "VXU", [("p", "Registry rejected this VXU (error 'PID-5 name mismatch'). Can you fix the demographics?"), ("pre", "\n".join(seg))])

def x12_env(r, kind, ver, d):
    return [f"ISA*00*          *00*          *ZZ*{r.choice(['CLRPATH', 'LSREV', 'CCMC']).ljust(15)}*ZZ*{r.choice(['PCHP', 'HCHP', 'MEDICARE']).ljust(15)}*{d:%y%m%d}*{r.randint(0, 23):02d}{r.randint(0, 59):02d}*^*00501*{dg(r, 9)}*0*P*:~",
            f"GS*{kind}*CLRPATH*PCHP*{d:%Y%m%d}*{r.randint(0, 2359):04d}*{r.randint(1, 99999)}*X*{ver}~"]

def R_x12_837i(r):
    p = Person(r, 18); d = recent(r); dx = r.sample(DX, 2); a = svc(r); b = a + dtm.timedelta(days=r.randint(1, 6)); o = org(r, ["hospital"])
    ln, fn = strip_acc(p.last).upper(), strip_acc(p.first).upper()
    seg = x12_env(r, "HC", "005010X223A2", d) + ["ST*837*0001*005010X223A2~", f"BHT*0019*00*{dg(r, 9)}*{d:%Y%m%d}*{r.randint(1000, 2359)}*CH~",
           f"NM1*85*2*{strip_acc(o.name).upper()}*****XX*{o.npi}~", f"REF*EI*{o.tin.replace('-', '')}~",
           "HL*2*1*22*0~", "SBR*P*18*******MC~", f"NM1*IL*1*{ln}*{fn}****MI*{r.choice([p.mbi, p.mem])}~", f"N3*{strip_acc(p.street).upper()}~", f"N4*{p.city.upper()}*{p.st}*{p.zip[:5]}~",
           f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"CLM*{p.acct}*{r.randint(4000, 90000)}.00***11:A:1**A*Y*Y~", f"DTP*434*RD8*{a:%Y%m%d}-{b:%Y%m%d}~",
           f"HI*ABK:{dx[0][0].replace('.', '')}*ABF:{dx[1][0].replace('.', '')}~", f"SV2*0120**{r.randint(2000, 9000)}.00*UN*{(b - a).days}~"]
    return D("x12-837", "837I", [("p", r.choice(["277CA rejected this institutional claim - A7:562 (entity's NPI). 837 below:", "Claim scrubber flagged the HI segment; dump attached inline:"])), ("pre", "\n".join(seg))])

def R_x12_835(r):
    pats = [Person(r) for _ in range(r.randint(2, 3))]; d = recent(r)
    seg = x12_env(r, "HP", "005010X221A1", d) + ["ST*835*1001~", f"BPR*I*{r.randint(200, 9000)}.{dg(r, 2)}*C*ACH*CCP*01*{aba(r)}*DA*{dg(r, 10)}*1{dg(r, 9)}**01*{aba(r)}*DA*{dg(r, 9)}*{d:%Y%m%d}~",
                                              f"TRN*1*{dg(r, 15)}*1{dg(r, 9)}~", "N1*PR*PACIFIC CREST HEALTH PLAN~"]
    for p in pats:
        b = r.randint(150, 4000); pd = round(b * r.uniform(0.2, 0.8), 2)
        seg += [f"CLP*{p.acct}*1*{b}.00*{pd:.2f}*{round((b - pd) * 0.2, 2):.2f}*MC*{claimno(r)}*11*1~", f"NM1*QC*1*{strip_acc(p.last).upper()}*{strip_acc(p.first).upper()}****MI*{p.mem}~",
                f"DTM*232*{svc(r):%Y%m%d}~", f"SVC*HC:{r.choice(PROC)[0]}*{b}.00*{pd:.2f}**1~", f"CAS*{r.choice(['CO', 'PR'])}*{r.choice(['45', '2', '3', '253'])}*{b - pd:.2f}~"]
    return D("x12-835", "835", [("p", "Posting team - these three claims on the ERA didn't auto-post. Can you look at the CAS adjustments?"), ("pre", "\n".join(seg))])

def R_x12_276(r):
    p = Person(r); d = recent(r); t = r.choice(["276", "277"])
    seg = x12_env(r, "HR" if t == "276" else "HN", "005010X212", d) + [f"ST*{t}*0001*005010X212~", f"BHT*0010*{'13' if t == '276' else '08'}*{dg(r, 9)}*{d:%Y%m%d}~",
           "HL*1**20*1~", "NM1*PR*2*HEARTLAND COMMUNITY HEALTH*****PI*" + dg(r, 5) + "~", "HL*3*2*19*1~", f"NM1*1P*2*VALLE DEL SOL CHC*****XX*{npi(r)}~",
           "HL*4*3*22*0~", f"NM1*IL*1*{strip_acc(p.last).upper()}*{strip_acc(p.first).upper()}****MI*{p.mem}~", f"TRN*{'1' if t == '276' else '2'}*{dg(r, 10)}~",
           f"REF*EJ*{p.acct}~", f"DTP*472*RD8*{svc(r):%Y%m%d}-{svc(r):%Y%m%d}~"]
    if t == "277": seg.insert(-2, f"STC*{r.choice(['F2:88', 'A7:21', 'P1:20', 'F1:65'])}*{d:%Y%m%d}**{r.randint(100, 3000)}.00~")
    return D("x12-276-277", f"X12 {t}", [("p", f"{t} for the account below, status still pending after 45 days:"), ("pre", "\n".join(seg))])

def R_x12_834(r):
    d = recent(r); mem = [Person(r) for _ in range(r.randint(1, 3))]
    seg = x12_env(r, "BE", "005010X220A1", d) + ["ST*834*0001*005010X220A1~", f"BGN*00*{dg(r, 8)}*{d:%Y%m%d}*1200****2~", "N1*P5*HEARTLAND SCHOOL DISTRICT*FI*" + ein(r).replace("-", "") + "~"]
    for p in mem:
        seg += [f"INS*Y*18*021*28*A***FT~", f"REF*0F*{p.ssn.replace('-', '')}~", f"REF*1L*{p.group.strip()}~", f"NM1*IL*1*{strip_acc(p.last).upper()}*{strip_acc(p.first).upper()}****34*{p.ssn.replace('-', '')}~",
                f"N3*{strip_acc(p.street).upper()}~", f"N4*{p.city.upper()}*{p.st}*{p.zip[:5]}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"HD*021**HLT*{r.choice(['PPO500', 'HDHP3000', 'HMO20'])}*EMP~"]
    return D("x12-834", "834", [("p", "Enrollment file from the district failed our edits (duplicate SSN). Loop 2000 excerpt:"), ("pre", "\n".join(seg))])

def R_fhir_bundle(r):
    p = Person(r); d = Prov(r); med = r.choice(RX); dx = r.choice(DX); pid = dg(r, 7)
    pat = {"resourceType": "Patient", "id": pid, "meta": {"lastUpdated": f"{recent(r).isoformat()}T14:02:11Z"},
           "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": "urn:oid:1.2.840.114350.1.13.999.2.7.5.737384.14", "value": p.mrn}],
           "name": [{"use": "official", "family": p.last, "given": [p.first] + ([p.mid] if p.mid else [])}], "gender": p.gender(), "birthDate": p.dob.isoformat(),
           "telecom": [{"system": "phone", "value": p.phone, "use": "mobile"}, {"system": "email", "value": p.email}],
           "address": [{"line": [p.street], "city": p.city, "state": p.st, "postalCode": p.zip}]}
    mr = {"resourceType": "MedicationRequest", "status": "active", "intent": "order", "subject": {"reference": f"Patient/{pid}"},
          "medicationCodeableConcept": {"text": med}, "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dx[0], "display": dx[1]}]}],
          "requester": {"display": f"{d.first} {d.last}", "identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": d.npi}}}
    cov = {"resourceType": "Coverage", "status": "active", "subscriberId": p.mem, "beneficiary": {"reference": f"Patient/{pid}"}, "payor": [{"display": r.choice(PAYERS2)}]}
    b = {"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": pat}, {"resource": mr}] + ([{"resource": cov}] if r.random() < 0.6 else [])}
    return D("fhir-json", "FHIR bundle", [("p", r.choice(["The e-Rx bundle below returned HTTP 400 from the payer's endpoint:", "Sample from production (do NOT paste in the vendor ticket):", "Bundle posted at 02:14, please check why the Coverage didn't link:"])), ("pre", json.dumps(b, indent=r.choice([2, 1]), ensure_ascii=r.random() < 0.5))])

def R_fhir_encounter(r):
    p = Person(r); a = svc(r)
    res = {"resourceType": "Encounter", "id": dg(r, 6), "status": "finished", "class": {"code": r.choice(["IMP", "EMER", "AMB"])},
           "subject": {"reference": f"Patient/{dg(r, 6)}", "display": p.name(r, "fl")}, "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.999.1", "value": csn(r)}],
           "period": {"start": f"{a.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00-06:00", "end": f"{(a + dtm.timedelta(days=r.randint(0, 5))).isoformat()}T10:00:00-06:00"},
           "reasonCode": [{"text": r.choice(DX)[1]}], "hospitalization": {"dischargeDisposition": {"text": r.choice(["Home", "SNF", "Expired", "AMA"])}},
           "extension": [{"url": "http://example.org/fhir/StructureDefinition/patient-birthdate", "valueDate": p.dob.isoformat()}]}
    return D("fhir-json", "Encounter", [("p", "Encounter resource from the ADT-to-FHIR bridge (staging copied prod data, flagging it):"), ("pre", json.dumps(res, indent=2, ensure_ascii=False))])

def R_fhir_obs_xml(r):
    p = Person(r); lab = r.choice(LABS[:18]); v = lab.gen(r); t = recent(r)
    val = f'<valueQuantity><value value="{v}"/><unit value="{lab.unit}"/></valueQuantity>' if v[0].isdigit() else f'<valueString value="{v}"/>'
    x = f"""<Observation xmlns="http://hl7.org/fhir">
  <status value="final"/>
  <code><coding><system value="http://loinc.org"/><code value="{lab.loinc}"/><display value="{lab.name}"/></coding></code>
  <subject><reference value="Patient/{p.mrn}"/><display value="{xesc(p.name(r, 'fl'))}"/></subject>
  <effectiveDateTime value="{t.isoformat()}T07:45:00-05:00"/>
  {val}
  <referenceRange><text value="{xesc(lab.ref)}"/></referenceRange>
</Observation>
<Patient xmlns="http://hl7.org/fhir">
  <identifier><value value="{p.mrn}"/></identifier>
  <name><family value="{xesc(p.last)}"/><given value="{xesc(p.first)}"/></name>
  <birthDate value="{p.dob.isoformat()}"/>
</Patient>"""
    return D("fhir-xml", "FHIR XML", [("p", "XML from the lab's FHIR server; the Observation isn't matching our patient:"), ("pre", x)])

def R_ccda(r):
    p = Person(r); dx = r.sample(DX, 2)
    x = f"""<ClinicalDocument xmlns="urn:hl7-org:v3">
  <templateId root="2.16.840.1.113883.10.20.22.1.2" extension="2015-08-01"/>
  <title>Continuity of Care Document</title>
  <effectiveTime value="{recent(r):%Y%m%d}"/>
  <recordTarget><patientRole>
    <id extension="{p.mrn}" root="2.16.840.1.113883.3.999.1"/>
    <addr use="HP"><streetAddressLine>{xesc(p.street)}</streetAddressLine><city>{xesc(p.city)}</city><state>{p.st}</state><postalCode>{p.zip}</postalCode></addr>
    <telecom value="tel:{p.phone}" use="HP"/>
    <patient><name><given>{xesc(p.first)}</given><family>{xesc(p.last)}</family></name>
      <administrativeGenderCode code="{p.sex}" codeSystem="2.16.840.1.113883.5.1"/>
      <birthTime value="{p.dob:%Y%m%d}"/></patient>
  </patientRole></recordTarget>
  <!-- Problems -->
  <entry><observation classCode="OBS" moodCode="EVN"><value code="{dx[0][0]}" codeSystem="2.16.840.1.113883.6.90" displayName="{xesc(dx[0][1])}"/></observation></entry>
  <entry><observation classCode="OBS" moodCode="EVN"><value code="{dx[1][0]}" codeSystem="2.16.840.1.113883.6.90" displayName="{xesc(dx[1][1])}"/></observation></entry>
</ClinicalDocument>"""
    return D("ccda-xml", "C-CDA", [("p", "CCD header we received from the HIE - the birthTime and recordTarget don't match the patient in our system. Excerpt:"), ("pre", x)])

def R_ncpdp(r):
    p = Person(r, 18); d = Prov(r); med = r.choice(RX)
    x = f"""<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" version="2017071">
 <Header><To Qualifier="P">{dg(r, 7)}</To><From Qualifier="C">{dg(r, 10)}</From><MessageID>{dg(r, 12)}</MessageID><SentTime>{recent(r).isoformat()}T15:22:09Z</SentTime></Header>
 <Body><NewRx>
  <Patient><HumanPatient><Name><LastName>{xesc(p.last)}</LastName><FirstName>{xesc(p.first)}</FirstName></Name><Gender>{p.sex}</Gender>
   <DateOfBirth><Date>{p.dob.isoformat()}</Date></DateOfBirth><Address><AddressLine1>{xesc(p.street)}</AddressLine1><City>{xesc(p.city)}</City><StateProvince>{p.st}</StateProvince><PostalCode>{p.zip[:5]}</PostalCode></Address></HumanPatient></Patient>
  <Prescriber><NonVeterinarian><Identification><NPI>{d.npi}</NPI><DEANumber>{d.dea}</DEANumber></Identification><Name><LastName>{xesc(d.last)}</LastName><FirstName>{xesc(d.first)}</FirstName></Name></NonVeterinarian></Prescriber>
  <MedicationPrescribed><DrugDescription>{xesc(med)}</DrugDescription><DrugCoded><ProductCode><Code>{ndc(r, True)}</Code><Qualifier>ND</Qualifier></ProductCode></DrugCoded>
   <Quantity><Value>{r.choice([30, 60, 90])}</Value></Quantity><Sig><SigText>{r.choice(['Take 1 tablet by mouth daily', 'Inject 0.5 mL under the skin weekly', 'Take 1 tablet twice daily with food'])}</SigText></Sig></MedicationPrescribed>
 </NewRx></Body>
</Message>"""
    return D("ncpdp-script", "NewRx", [("p", "Pharmacy says this NewRx never arrived; here is what our e-prescribing hub logged:"), ("pre", x)])

PHI_RAW = [R_hl7_adt, R_hl7_oru_micro, R_hl7_siu, R_hl7_vxu, R_x12_837i, R_x12_835, R_x12_276, R_x12_834, R_fhir_bundle, R_fhir_encounter, R_fhir_obs_xml, R_ccda, R_ncpdp]

# ============================================================== PHI: patient lists (tables)
def n_rows(r, lo=6, hi=22): return r.randint(lo, hi) if r.random() < 0.75 else r.randint(hi, hi + 20)

def T_ed_board(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r); rows.append([f"{r.choice(['A', 'B', 'C', 'H'])}{r.randint(1, 24):02d}", p.name(r, "Lf"), p.age, p.sex, p.mrn, p.dob, r.choice(["CP", "SOB", "abd pain", "fall", "SI", "AMS", "fever", "OD"]), r.choice(["ESI 2", "ESI 3", "ESI 4"]), f"{r.randint(0, 14)}h{r.randint(0, 59):02d}m", r.choice(["admit", "dc", "pending CT", "psych eval", "boarding"])])
    return D("census", "ED tracking board", [("p", "ED tracking board export"), ("table", ["Bed", "Patient", "Age", "Sex", "MRN", "DOB", "Complaint", "Acuity", "LOS", "Dispo"], rows)])

def T_or_schedule(r):
    rows = []; day = future(r)
    for i in range(n_rows(r, 5, 14)):
        p = Person(r, 2); pr = r.choice(PROC[8:14] + PROC[4:8]); rows.append([f"OR {r.randint(1, 12)}", f"{7 + i // 2:02d}:{r.choice(['00', '30'])}", pr[1], r.choice(["R", "L", "B", ""]), Prov(r).last, p.name(r, "lf"), p.dob, p.mrn, r.choice(["MAC", "GA", "Spinal"])])
    return D("surgery-scheduling", f"OR schedule {fd(r, day, 'mdy')}", [("p", "Final OR schedule"), ("table", ["Room", "Start", "Procedure", "Side", "Surgeon", "Patient", "DOB", "MRN", "Anes"], rows)])

def T_dc_calls(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r, 18); rows.append([p.name(r, "fl"), p.phone, p.dob, svc(r), r.choice(DX)[1][:40], r.choice(["Reached - doing well", "VM left", "Wrong number", "Readmitted", "Needs pharmacy f/u"]), staff(r).first])
    return D("discharge-calls", "Post-discharge calls", [("p", "48-hour post-discharge call list"), ("table", ["Patient", "Phone", "DOB", "Discharged", "Principal Dx", "Outcome", "Caller"], rows)])

def T_care_gaps(r):
    rows = []
    for _ in range(n_rows(r, 10, 30)):
        p = Person(r, 18, 85); rows.append([p.mem, p.last, p.first, p.dob, r.choice(["BCS-E", "COL-E", "CBP", "HBD (A1c>9)", "SPD", "EED"]), r.choice(["Open", "Open", "Closed - claim", "Excluded"]), Prov(r).name(r, "lf"), p.phone])
    return D("care-gaps", "HEDIS gap list", [("p", "MY2026 open care gaps by attributed member"), ("table", ["Member ID", "Last", "First", "DOB", "Measure", "Status", "Attributed PCP", "Phone"], rows)])

def T_ar_aging(r):
    rows = []
    for _ in range(n_rows(r, 10, 30)):
        p = Person(r); rows.append([p.acct, p.name(r, "LFM"), svc(r), r.choice(PAYERS2), round(r.uniform(50, 40000), 2), r.choice(["0-30", "31-60", "61-90", "91-120", "120+"]), r.choice(["CO-16", "CO-197", "PR-1", "pending", "no response"])])
    return D("ar-aging", "A/R aging detail", [("p", "AR aging > 60 days, detail by account"), ("table", ["Account", "Patient", "DOS", "Payer", "Balance", "Bucket", "Last Denial"], rows)])

def T_denials(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r); pr = r.choice(PROC); rows.append([claimno(r), p.name(r, "lf"), p.mem, p.dob, svc(r), pr[0], r.choice(DX)[0], round(r.uniform(90, 12000), 2), r.choice(["CO-50", "CO-197", "CO-16", "CO-29", "CO-11"])])
    return D("claims", "Denial worklist", [("p", "Denials worklist - assigned"), ("table", ["Claim", "Patient", "Member ID", "DOB", "DOS", "CPT/HCPCS", "ICD-10", "Charge", "CARC"], rows)])

def T_chairs(r):
    rows = []
    for ch in range(1, n_rows(r, 8, 20) + 1):
        p = Person(r, 30); rows.append([ch, r.choice(["MWF", "TTS"]), r.choice(["06:00", "11:00", "16:00"]), p.name(r, "lf"), p.mrn, svc(r), r.choice(["AVF L", "AVG R", "CVC"]), f"{r.uniform(50, 120):.1f}", r.choice(["HBsAg neg", "HBsAg neg", "isolation"])])
    return D("dialysis", "Chair schedule", [("p", "Chair assignments"), ("table", ["Chair", "Days", "Shift", "Patient", "MRN", "Start of care", "Access", "EDW kg", "Hep B"], rows)])

def T_vax_recon(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r, 0, 17); rows.append([p.name(r, "lfm"), p.dob, p.mrn, r.choice(["DTaP", "MMR", "HPV", "Tdap", "MenACWY", "HepB", "Varicella"]), recent(r), lot(r), r.choice(["Accepted", "Rejected - dup", "Rejected - name mismatch"])])
    return D("immunization", "Registry reconciliation", [("p", "IIS submission reconciliation"), ("table", ["Patient", "DOB", "MRN", "Vaccine", "Admin Date", "Lot", "IIS Status"], rows)])

def T_pa_queue(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r, 12); rows.append([p.name(r, "fl"), p.dob, r.choice(SPECIALTY_RX + RX), r.choice(PAYERS2), p.mem, recent(r), r.choice(["Submitted", "Approved", "Denied", "Need chart notes"]), Prov(r).name(r, "lf")])
    return D("prior-auth", "PA queue", [("p", "Pharmacy prior auth queue"), ("table", ["Patient", "DOB", "Drug", "Plan", "Member ID", "Submitted", "Status", "Prescriber"], rows)])

def T_noshow(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r); rows.append([svc(r), p.name(r, "lf"), p.mrn, p.phone, r.choice(SPEC), r.choice(["No show", "Late cancel", "No show (3rd)"]), r.choice(["Sent letter", "Called", "Dismissal review", ""])])
    return D("no-show", "No-show report", [("p", "No show / late cancel report"), ("table", ["Appt Date", "Patient", "MRN", "Phone", "Dept", "Type", "Follow-up"], rows)])

def T_member_roster(r):
    rows = []
    for _ in range(n_rows(r, 12, 35)):
        p = Person(r); rows.append([p.mem, p.last, p.first, p.dob, p.sex, p.street, p.city, p.zip, p.phone, r.choice(["New", "Cont", "Term"]), rday(r, D8(2026, 1, 1), D8(2026, 6, 1))])
    return D("member-roster", "Capitation roster", [("p", "Monthly PCP assignment roster"), ("table", ["Member ID", "Last Name", "First Name", "DOB", "Gender", "Address", "City", "ZIP", "Phone", "Status", "Effective"], rows)])

def T_hh_visits(r):
    rows = []
    for _ in range(n_rows(r, 5, 14)):
        p = Person(r, 55); rows.append([future(r), tm(r), p.name(r, "fl"), p.address(), p.phone, r.choice(["SN", "PT", "OT", "HHA", "MSW"]), r.choice(["wound care", "INR draw", "CHF teaching", "insulin teaching", "ROC visit"])])
    return D("home-health", "Visit schedule", [("p", "Field staff visit schedule"), ("table", ["Date", "Time", "Patient", "Address", "Phone", "Discipline", "Visit Purpose"], rows)])

def T_specimens(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r); rows.append([f"L{dg(r, 9)}", p.name(r, "LFM"), p.dob, recent(r), r.choice(["SST", "Lav", "Urine", "Swab", "Frozen serum"]), r.choice(["Quantiferon", "Heavy metals panel", "HLA typing", "BRCA panel", "HIV-1 genotype", "Lyme WB"]), r.choice(["Shipped", "Shipped", "Recollect - hemolyzed"])])
    return D("specimen-manifest", "Send-out manifest", [("p", "Send-out manifest for courier pickup"), ("table", ["Accession", "Patient", "DOB", "Collected", "Tube", "Test", "Status"], rows)])

def T_es_citas(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r, hisp=True); mot = ["Diabetes", "Vacunas", "Salud mental", "Presión alta", "Examen físico"] + (["Control prenatal", "Planificación familiar", "Papanicolau"] if p.sex == "F" and 16 <= p.age <= 45 else [])
        rows.append([p.name(r, "fl"), p.dob, p.phone, future(r), tm(r), r.choice(mot), r.choice(["Sí", "No", "Dejar mensaje"])])
    return D("spanish-list", "Lista de citas", [("p", "Llamadas de confirmación de citas"), ("table", ["Paciente", "Fecha de nacimiento", "Teléfono", "Fecha de cita", "Hora", "Motivo", "Confirmó"], rows)], lang="es")

def T_tumor_board(r):
    rows = []
    for _ in range(n_rows(r, 4, 10)):
        p = Person(r, 30); dx = r.choice(DX_ONC); rows.append([p.name(r, "lf"), p.mrn, p.dob, dx[1][:45], r.choice(["cT2N1M0", "pT3N0", "stage IV", "cT1cN0"]), Prov(r).last, r.choice(["path review", "adjuvant chemo?", "surgical candidacy", "trial eligibility"])])
    return D("tumor-board", "Tumor board list", [("p", "Thursday multidisciplinary tumor board"), ("table", ["Patient", "MRN", "DOB", "Diagnosis", "Stage", "Presenter", "Question"], rows)])

def T_collections_file(r):
    rows = []
    for _ in range(n_rows(r, 10, 30)):
        p = Person(r, 19); rows.append([p.acct, p.last, p.first, p.dob, p.ssn if r.random() < 0.7 else "", p.street, p.city, p.st, p.zip, svc(r), round(r.uniform(40, 9000), 2)])
    return D("collections", "Bad debt placement", [("p", "Placement file for collection agency"), ("table", ["Acct", "Last", "First", "DOB", "SSN", "Address", "City", "ST", "ZIP", "Last DOS", "Balance"], rows)])

def T_mbi_batch(r):
    rows = []
    for _ in range(n_rows(r)):
        p = Person(r, 65, 96); rows.append([p.last, p.first, p.dob, p.mbi, r.choice(["Part A/B", "Part B only", "MA - " + r.choice(PAYERS2[:6])]), r.choice(["E11.22", "N18.6", "I50.22", "J44.1", "G30.1", "C61"])])
    return D("eligibility", "Medicare eligibility batch", [("p", "Batch eligibility results"), ("table", ["Last", "First", "Birth Date", "MBI", "Coverage", "Dx"], rows)])

PHI_TABLES = [T_ed_board, T_or_schedule, T_dc_calls, T_care_gaps, T_ar_aging, T_denials, T_chairs, T_vax_recon, T_pa_queue, T_noshow,
              T_member_roster, T_hh_visits, T_specimens, T_es_citas, T_tumor_board, T_collections_file, T_mbi_batch]

# ============================================================== CLEAN: documents (look medical / look identifying, carry no patient)
def C_reminder_template(r):
    o = org(r, ["clinic", "hospital"]); ph = r.choice(["{{", "[", "<<", "%"]); cl = {"{{": "}}", "[": "]", "<<": ">>", "%": "%"}[ph]
    f = lambda n: ph + n + cl
    return D("reminder-template", "Reminder template", [
        ("p", f"Here is the new appointment-reminder template for the {r.choice(['SMS', 'e-mail', 'IVR'])} vendor. Merge fields are in {ph}{cl}. Please proofread before we load it on {fd(r, future(r), 'long')}."),
        ("pre", f"Hi {f('PatientFirstName')}, this is {o.name} reminding you of your appointment with {f('ProviderName')} on {f('ApptDate')} at {f('ApptTime')}.\n"
                f"Reply C to confirm or call {o.phone} to reschedule. {f('PracticeName')} will never ask for your Social Security number by text.\n"
                f"DOB check: the vendor verifies {f('PatientDOB')} before reading results - leave that field mapped to PID-7."),
        ("p", "Spanish version: Hola " + f("PatientFirstName") + ", le recordamos su cita el " + f("ApptDate") + "."),
        ("sig", sig_block(r, o, dept="Patient Access Systems"))])

def C_education(r):
    t = r.choice([("Living with Heart Failure", ["Weigh yourself every morning after you urinate.", "Limit salt to 2,000 mg a day.", "Call your care team if you gain 3 pounds in a day or 5 pounds in a week."]),
                  ("Managing Type 2 Diabetes", ["Check your blood sugar as your care team tells you.", "Know the signs of low blood sugar: shaking, sweating, confusion.", "Get an A1c test every 3 to 6 months."]),
                  ("Caring for Your Incision", ["Keep the area clean and dry for 48 hours.", "Do not soak in a bath or pool until cleared.", "Call if you see redness, pus or fever over 101 F."]),
                  ("Warfarin and Your Diet", ["Keep vitamin K intake steady week to week.", "Tell every doctor and dentist you take warfarin.", "Get your INR checked as scheduled."]),
                  ("Preventing Falls at Home", ["Remove loose rugs.", "Use night lights.", "Ask about a home safety evaluation."])])
    o = org(r, ["hospital", "clinic"])
    return D("patient-education", t[0], [("h", t[0]), ("p", "This handout is for general education. Your care team may give you instructions that are different for you."), ("ul", t[1]),
        ("kv", [("Patient name", "____________________"), ("Date", "____/____/______")]), ("small", f"{o.name} Patient Education | Rev. {r.randint(1, 12):02d}/{r.choice([2024, 2025, 2026])} | Item PE-{dg(r, 4)}")])

def C_deid_report(r):
    rows = []
    for band in ["0-17", "18-44", "45-64", "65-74", "75+"]:
        n = r.randint(0, 900); rows.append([band, "<11" if n < 11 else n, f"{r.uniform(2, 30):.1f}%", f"{r.uniform(1, 9):.1f}"])
    return D("deidentified-stats", "Readmissions by age band (de-identified)", [
        ("p", f"Q{r.randint(1, 4)} FY26 all-cause 30-day readmissions. Aggregate only; cells with fewer than 11 patients are suppressed and dates are reported at the quarter level. Safe Harbor de-identified; no patient-level records."),
        ("table", ["Age band", "Index admissions", "Readmit rate", "ALOS (days)"], rows),
        ("p", f"Top diagnoses: {r.choice(DX)[0]}, {r.choice(DX)[0]}, {r.choice(DX)[0]}. Region: 3-digit ZIP {r.choice(CITY)[2]} and surrounding.")])

def C_antibiogram(r):
    bugs = ["E. coli", "K. pneumoniae", "P. aeruginosa", "S. aureus (all)", "MRSA", "E. faecalis"]
    rows = [[b, r.randint(30, 1400)] + [f"{r.randint(40, 100)}" for _ in range(5)] for b in bugs]
    return D("antibiogram", f"Cumulative antibiogram {r.choice([2025, 2026])}", [
        ("p", "Percent susceptible, first isolate per patient per year (CLSI M39). Isolates from all inpatient and ED cultures."),
        ("table", ["Organism", "# isolates", "Cefazolin", "Ceftriaxone", "Pip/tazo", "Cipro", "TMP/SMX"], rows),
        ("p", "Stewardship note: ceftriaxone remains first-line for community-onset pyelonephritis; avoid fluoroquinolones for uncomplicated cystitis.")])

def C_policy_memo(r):
    o = org(r, ["hospital", "clinic", "payer"]); t = r.choice([("Sending PHI by E-mail", "Put [secure] in the subject line when a message contains a patient's name with a diagnosis, a medical record number, date of birth, SSN or member ID. The gateway will encrypt it."),
        ("Chaperones for Sensitive Exams", "A trained chaperone must be offered for all breast, genital and rectal examinations, and the offer documented."),
        ("EHR Downtime Procedures", "During planned downtime use the paper downtime packets in each unit's red binder. Registration will assign temporary MRNs from the pre-printed block."),
        ("Verbal Orders", "Verbal orders are limited to emergencies and must be read back and co-signed within 24 hours."),
        ("Minimum Necessary", "Staff may access only the information needed for their job. Looking up your own record, family members or coworkers is a violation.")])
    return D("policy", f"Policy: {t[0]}", [
        ("h", f"MEMORANDUM - {t[0]}"),
        ("kv", [("To", "All workforce members"), ("From", f"{staff(r).name(r, 'fl')}, {r.choice(['Chief Compliance Officer', 'CNO', 'Privacy Officer', 'CMIO'])}"), ("Date", fd(r, recent(r), "long")), ("Policy #", f"{r.choice(['ADM', 'PRV', 'NUR', 'IS'])}-{r.randint(100, 499)}")]),
        ("p", t[1]), ("p", "Questions go to your manager or the Compliance Hotline, " + o.phone + ". This memo replaces the version dated " + fd(r, svc(r), "mdy") + ".")])

def C_downtime(r):
    o = org(r, ["hospital"]); d = future(r)
    return D("downtime-notice", "Planned EHR downtime", [
        ("p", f"PLANNED DOWNTIME: {r.choice(['Epic', 'Cerner', 'Meditech'])} upgrade on {fd(r, d, 'long')} from 01:00 to 05:00."),
        ("ul", ["Print the downtime census and MAR reports at 00:30.", "Lab results will print to unit printers.", "Use paper requisitions (form LAB-12) for stat orders.",
                "Registration: use the temporary MRN blocks 9800000-9800499; do not re-use numbers."]),
        ("p", f"Command center: {o.phone}, ext 4357 (HELP). Change ticket CHG{dg(r, 7)}.")])

def C_phishing(r):
    return D("security-notice", "Phishing alert", [
        ("p", "SECURITY ALERT: We are seeing e-mails that claim to be from \"Payroll\" asking you to confirm your direct deposit and your Social Security number."),
        ("p", f"Example subject line: \"Action required: W-2 verification #{dg(r, 6)}\". Do not click. Report it with the Phish Alert button."),
        ("p", f"IT will never ask for your password. {r.randint(3, 40)} staff reported this message in the last hour - thank you."),
        ("sig", f"Information Security\n{org(r).name}")])

def C_call_schedule(r):
    st = future(r); rows = []
    for i in range(7):
        a, b = Prov(r), Prov(r); rows.append([st + dtm.timedelta(days=i), f"{a.last}, {a.first[0]}.", f"{b.last}, {b.first[0]}.", f"{r.randint(200, 999)}-{dg(r, 4)}"])
    return D("staff-schedule", "Hospitalist call schedule", [("p", "Nocturnist / backup coverage. Swaps through the medical staff office only."), ("table", ["Date", "Nocturnist", "Backup", "Pager"], rows)])

def C_vendor_invoice(r):
    v = r.choice(VENDORS); o = org(r); rows = []
    for _ in range(r.randint(3, 8)):
        q = r.randint(1, 30); u = round(r.uniform(4, 900), 2); rows.append([f"{dg(r, 6)}-{r.choice(['EA', 'BX', 'CS'])}", r.choice(["Exam gloves nitrile L", "Blood pressure cuff adult", "Specimen bags biohazard", "Pulse oximeter", "Service call - infusion pump PM", "Courier STAT run", "Scrubs, ceil blue, M", "Linen service - weekly"]), q, u, round(q * u, 2)])
    return D("invoice", "Invoice", [
        ("h", f"INVOICE #{r.choice(['', 'INV-', 'A'])}{dg(r, 6)}"),
        ("kv", [("Bill to", f"{o.name}, Accounts Payable"), ("Customer #", dg(r, 7)), ("PO #", f"{r.choice(['PO', '45'])}{dg(r, 8)}"), ("Invoice date", fd(r, recent(r))), ("Due", fd(r, future(r))), ("Terms", "Net 45")]),
        ("table", ["Item", "Description", "Qty", "Unit", "Ext"], rows),
        ("p", f"Remit to: {v.name}, {v.addr()}. ACH routing {aba(r)}, account ending {dg(r, 4)}. Federal Tax ID {v.tin}."),
        ("small", f"Questions: billing@{v.dom} | {v.phone}")])

def C_po(r):
    o = org(r); v = r.choice(VENDORS)
    return D("purchase-orders", "Purchase Order", [
        ("kv", [("PO Number", f"PO-{dg(r, 7)}"), ("Vendor", v.name), ("Vendor #", f"V{dg(r, 5)}"), ("Ship to", f"{o.name}, Receiving Dock {r.choice('ABC')}, {o.addr()}"), ("Requested by", staff(r).name(r, "fl")), ("Cost center", f"{dg(r, 4)}-{dg(r, 3)}"), ("Need by", fd(r, future(r)))]),
        ("table", ["Line", "Catalog #", "Description", "Qty", "UOM"], [[i + 1, f"{r.choice(['REF', 'CAT'])} {dg(r, 6)}", r.choice(["Foley tray 16Fr", "IV start kit", "Chlorhexidine 2% swab", "Suction canister 1200 mL", "Sterile drape 3/4"]), r.randint(1, 40), r.choice(["CS", "BX", "EA"])] for i in range(r.randint(3, 7))])])

def C_shortage(r):
    drugs = r.sample(["cefazolin 1 g vial", "lidocaine 1% 5 mL", "methotrexate 25 mg/mL", "albuterol 2.5 mg/3 mL neb", "amoxicillin 400 mg/5 mL susp", "dextrose 50% syringe", "furosemide 10 mg/mL"], 3)
    return D("drug-shortage", "Drug shortage update", [
        ("p", "Pharmacy & Therapeutics - drug shortage bulletin"),
        ("table", ["Product", "NDC", "Status", "Alternative"], [[d, ndc(r), r.choice(["Backorder - est. 8 weeks", "Allocation", "Resolved"]), r.choice(["cefuroxime", "use 2% vials", "compounded", "MDI with spacer", "none - conserve"])] for d in drugs]),
        ("p", "Automatic therapeutic interchange approved by P&T on " + fd(r, recent(r), "mdy") + ". No patient-specific action required; pharmacists will contact prescribers as needed.")])

def C_recall(r):
    lots = [lot(r) for _ in range(r.randint(2, 5))]; exp = future(r) + dtm.timedelta(days=400)
    return D("vendor-recall", "Urgent field safety notice", [
        ("h", "URGENT: MEDICAL DEVICE RECALL - Class II"),
        ("p", f"Product: {r.choice(['Enteral feeding pump set', 'Arterial line kit', 'Blood glucose meter test strips', 'Pediatric tracheostomy tube 4.0'])}. Model {r.choice(['EP-2200', 'ALK-7', 'GS-40', 'PT-40C'])}."),
        ("p", f"Affected lots: {', '.join(lots)}. UDI example: {udi(r, lots[0], exp)}."),
        ("p", "Action: quarantine affected lots, count inventory, return the response form within 5 business days. There have been no reported serious injuries."),
        ("sig", f"{staff(r).name(r, 'fl')}\nQuality/Regulatory\n{r.choice(VENDORS).name}")])

def C_credentialing(r):
    d = Prov(r); o = org(r, ["hospital", "payer"])
    return D("credentialing", "Credentialing file checklist", [
        ("p", f"Initial appointment - {d.first} {d.last}, {d.cred} ({d.spec})"),
        ("kv", [("NPI", d.npi), ("DEA", d.dea), ("State license", f"{r.choice(['AZ', 'TX', 'WA', 'GA'])}-{dg(r, 6)} exp {fd(r, future(r) + dtm.timedelta(days=500), 'mdy')}"), ("CAQH ID", dg(r, 8)),
                ("Board cert", r.choice(["ABIM", "ABFM", "ABP", "ABOS"]) + f" through {r.randint(2027, 2035)}"), ("Malpractice", f"{r.choice(['MedPro', 'TDC', 'ProAssurance'])} policy {dg(r, 7)}")]),
        ("check", [("NPDB query", True), ("OIG/SAM exclusion check", True), ("Peer references (3)", r.random() < 0.7), ("Privileges delineation signed", r.random() < 0.6)]),
        ("p", f"Credentials Committee meets {fd(r, future(r), 'long')}.")])

def C_payer_bulletin(r):
    o = org(r, ["payer"])
    return D("payer-bulletin", "Provider bulletin", [
        ("h", f"{o.name} - Provider Bulletin {r.choice(['Q2', 'Q3'])} 2026"),
        ("ul", [f"Effective {fd(r, future(r), 'long')}, CPT {r.choice(PROC)[0]} requires prior authorization for commercial members.",
                f"Claims for {r.choice(['E0470', 'E1390', 'K0823'])} must include the KX modifier.", "Our payer ID for electronic claims remains " + dg(r, 5) + ".",
                f"Timely filing for corrected claims is 180 days from the original remit date."]),
        ("p", f"Provider Services: {o.phone}. Fax for paper appeals: {o.fax}.")])

def C_fee_schedule(r):
    rows = [[c, d[:44], round(r.uniform(18, 2400), 2), round(r.uniform(12, 1800), 2)] for c, d in r.sample(PROC, r.randint(6, 12))]
    return D("fee-schedule", "Fee schedule", [("p", f"Self-pay / cash price list effective {fd(r, future(r), 'mdy')} (price transparency)."), ("table", ["Code", "Description", "Gross charge", "Discounted cash price"], rows)])

def C_test_menu(r):
    rows = [[l.name, l.loinc, r.choice(["SST", "Lavender EDTA", "Light blue", "Urine cup", "Sodium heparin"]), r.choice(["24 h RT", "7 d refrig", "14 d frozen", "48 h refrig"]), r.choice(["same day", "1-2 days", "3-5 days"])] for l in r.sample(LABS, r.randint(6, 10))]
    return D("lab-test-menu", "Test menu update", [("p", f"Client services: test menu changes effective {fd(r, future(r), 'long')}. CLIA {clia(r)}."), ("table", ["Test", "LOINC", "Container", "Stability", "TAT"], rows)])

def C_teaching_case(r):
    age = r.randint(24, 86); sx = r.choice(["woman", "man"]); dx = r.choice(DX)
    return D("teaching-case", "Case conference", [
        ("p", f"Morbidity & Mortality - {fd(r, future(r), 'long')}, noon, Auditorium B"),
        ("p", f"Case: A {age}-year-old {sx} with a history of {r.choice(DX)[1].lower()} presented with {r.choice(['syncope', 'fever and hypotension', 'acute confusion', 'chest pain'])}. "
              f"Initial labs were notable for {r.choice(['a lactate of 4.1', 'a troponin of 212', 'sodium 118', 'hemoglobin 6.2'])}. The final diagnosis was {dx[1].lower()}."),
        ("p", "Discussion points: diagnostic momentum, handoff communication, and the escalation policy. All identifying details have been removed; please do not bring chart printouts."),
        ("p", f"Presenter: {Prov(r).dr(r)}. 1.0 AMA PRA Category 1 Credit.")])

def C_job(r):
    o = org(r); t = r.choice(["Prior Authorization Specialist", "Release of Information Coordinator", "RN Case Manager", "Medical Laboratory Scientist - Nights", "Certified Pharmacy Technician", "Revenue Integrity Analyst"])
    return D("job-posting", "Job posting", [("h", t), ("p", f"Req {r.choice(['R', 'JR'])}{dg(r, 6)} | {o.city}, {o.st} | Full time"),
        ("ul", ["Verify eligibility and benefits, obtain authorizations (if applicable)", "Knowledge of HIPAA, ICD-10-CM, CPT and payer portals", "2+ years in a hospital or clinic setting", f"Pay range ${r.randint(19, 45)}-{r.randint(46, 70)}/hr"]),
        ("p", f"Apply at careers.{o.dom}. EOE.")])

def C_newsletter(r):
    topic = r.choice([("Colorectal cancer screening", "Adults 45 and older should be screened. Options include colonoscopy every 10 years or a stool test every year."),
                      ("Heat illness", "Drink water, check on elderly neighbors, and never leave children in a parked car."),
                      ("RSV season", "RSV vaccines are now available for adults 60+ and during pregnancy. Ask your pharmacist."),
                      ("Hypertension", "Nearly half of adults in the US have high blood pressure. Free BP checks at our lobby kiosk.")])
    return D("newsletter", "Newsletter", [("h", f"Healthy Living - {MO[r.randint(0, 11)]} 2026"), ("p", f"{topic[0]}: {topic[1]}"),
        ("p", f"Community calendar: diabetes support group every {r.choice(['first Tuesday', 'Thursday'])}, 6 pm; blood drive {fd(r, future(r), 'abbr')}."),
        ("small", "You are receiving this because you subscribed at an event. Unsubscribe anytime.")])

def C_es_edu(r):
    return D("spanish-newsletter", "Información de salud", [("h", r.choice(["Cómo controlar la presión arterial", "La diabetes y sus pies", "Vacunas para adultos"])),
        ("ul", ["Tome sus medicamentos todos los días.", "Camine 30 minutos al día.", "Revise sus pies cada noche.", "Pregunte a su médico sobre la vacuna contra la influenza."]),
        ("p", "Este folleto es solo para educación general. Nombre del paciente: ____________  Fecha: ___/___/____"),
        ("small", f"Material educativo núm. ES-{dg(r, 4)}, revisado {MES[r.randint(0, 11)]} de 2025.")], lang="es")

def C_clinic_notice(r):
    o = org(r, ["clinic"]); d = future(r)
    return D("clinic-notice", "Clinic closure", [("p", f"{o.name} will be closed on {fd(r, d, 'long')} for staff training. / {o.name} estará cerrada el {fd_es(r, d)} por capacitación del personal."),
        ("p", f"For urgent needs call our after-hours nurse line {o.phone}. / Para necesidades urgentes llame a nuestra línea de enfermería {o.phone}."),
        ("p", f"{o.addr()} | NPI {o.npi} | Tax ID {o.tin}")], lang="es")

def C_minutes(r):
    return D("meeting", "Committee minutes", [("h", f"{r.choice(['Patient Safety Committee', 'Nursing Quality Council', 'Pharmacy & Therapeutics', 'Revenue Cycle Steering'])} - minutes {fd(r, recent(r), 'mdy')}"),
        ("p", "Present: " + ", ".join(staff(r).name(r, "fl") for _ in range(r.randint(4, 7))) + "."),
        ("ul", [f"Falls with injury: {r.randint(0, 6)} this month (goal 0). Root cause themes: toileting, bed alarms.", f"Denials rate {r.uniform(4, 14):.1f}%, top reason CO-197.",
                f"Hand hygiene compliance {r.randint(78, 98)}% (n={r.randint(200, 900)} observations).", "Action: add sepsis huddle to 7 am safety call."]),
        ("p", f"Next meeting {fd(r, future(r), 'long')}.")])

def C_hipaa_quiz(r):
    return D("hipaa-training", "HIPAA refresher quiz", [("h", "HIPAA Refresher - Practice Questions (answers at the end)"),
        ("p", "1. A fax cover sheet lists 'Patient: Jane Sample, DOB 01/01/1900, MRN TEST0001'. This is training data. Is sending it by e-mail a breach? (Answer: No - it is fictitious.)"),
        ("p", "2. Which of these are HIPAA identifiers? (a) medical record number (b) device serial number (c) the hospital's NPI (d) full-face photo."),
        ("p", "3. You find a printed census in the cafeteria. What do you do?"),
        ("p", "Answers: 1-No; 2-a, b, d; 3-secure it and call the Privacy Office. Completion due " + fd(r, future(r), "long") + ".")])

def C_mbi_training(r):
    return D("training-mbi", "MBI job aid", [("h", "Job aid: Medicare Beneficiary Identifier (MBI)"),
        ("p", "Format: 11 characters, e.g. 1EG4-TE5-MK73 (CMS's published example - not a real person). Positions 2, 5, 8 and 9 are always letters; 1, 4, 10 and 11 are always numbers."),
        ("p", "Pattern: 1AA1-AA1-AA11 or 1AN9-AA9-AA99 style templates appear in the CMS specification. Letters S, L, O, I, B, Z are excluded."),
        ("p", "Never type a patient's MBI into a chat or e-mail. Use the eligibility screen in the practice management system.")])

def C_ssn_training(r):
    return D("training-ssn", "SSN masking", [("p", "Registration tip of the week: masking Social Security numbers"),
        ("p", "Display only the last four digits: XXX-XX-1234. Example values used in the training environment: 123-45-6789 and 987-65-4320 (reserved, never issued)."),
        ("p", "SSNs beginning with 9, 666 or 000 are not valid. If a patient has no SSN leave the field blank - do not enter 999-99-9999.")])

def C_test_hl7(r):
    seg = [f"MSH|^~\\&|TESTSYS|TESTFAC|RCV|RCVFAC|{recent(r):%Y%m%d}0800||ADT^A04|TEST{dg(r, 6)}|T|2.5.1",
           "PID|1||TEST000001^^^TESTFAC^MR||ZZTEST^PATIENT^ONE||19000101|U|||123 TEST ST^^TESTVILLE^ZZ^00000||0000000000",
           "PV1|1|O|TEST^^^TESTFAC"]
    return D("test-data", "Test message", [("p", "This is a TEST message for the interface validation on the test channel (processing ID 'T'). ZZTEST patients are synthetic; do not file to production."), ("pre", "\n".join(seg)),
        ("p", f"Validation ticket CHG{dg(r, 7)}. Expected ACK: AA.")])

def C_companion_guide(r):
    seg = ["NM1*IL*1*{SUBSCRIBER LAST}*{SUBSCRIBER FIRST}****MI*{MEMBER ID}~", "DMG*D8*{CCYYMMDD}*{F|M|U}~", "REF*SY*{SSN - NOT SENT, use MI}~", "DTP*291*D8*{SERVICE DATE}~"]
    return D("edi-guide", "270 companion guide", [("p", f"{org(r, ['payer']).name} 270/271 companion guide v{r.randint(2, 6)}.{r.randint(0, 9)}, section 3.4. Values in braces are placeholders."), ("pre", "\n".join(seg)),
        ("p", "Our test submitter ID is TST" + dg(r, 5) + ". Production cutover on " + fd(r, future(r), "long") + ".")])

def C_capability(r):
    x = {"resourceType": "CapabilityStatement", "status": "active", "date": recent(r).isoformat(), "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"],
         "rest": [{"mode": "server", "resource": [{"type": "Patient", "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": [{"name": "birthdate", "type": "date"}, {"name": "identifier", "type": "token"}]},
                                                  {"type": "Observation", "interaction": [{"code": "read"}]}]}]}
    return D("fhir-profile", "CapabilityStatement", [("p", "Here's the CapabilityStatement for the sandbox. Search by birthdate + identifier is supported; there is no patient data in the sandbox yet."), ("pre", json.dumps(x, indent=2))])

def C_x12_ack(r):
    d = recent(r)
    seg = [f"ISA*00*          *00*          *ZZ*{'PCHP'.ljust(15)}*ZZ*{'CLRPATH'.ljust(15)}*{d:%y%m%d}*0412*^*00501*{dg(r, 9)}*0*P*:~", f"GS*FA*PCHP*CLRPATH*{d:%Y%m%d}*0412*{r.randint(1, 9999)}*X*005010X231A1~",
           "ST*999*0001*005010X231A1~", f"AK1*HC*{r.randint(1, 9999)}*005010X222A1~", "AK2*837*0001*005010X222A1~", "IK5*A~", "AK9*A*1*1*1~", "SE*6*0001~"]
    return D("x12-ack", "999 acknowledgment", [("p", f"Batch {dg(r, 6)} accepted - 999 below, no errors. {r.randint(40, 900)} claims in the file."), ("pre", "\n".join(seg))])

def C_hl7_ack(r):
    seg = [f"MSH|^~\\&|RHAPSODY|CCMC|LAB|GLRL|{recent(r):%Y%m%d}{r.randint(0, 23):02d}{r.randint(0, 59):02d}||ACK^R01|ACK{dg(r, 8)}|P|2.5.1", f"MSA|AE|{dg(r, 10)}|Unknown OBX-3 code {r.choice(LABS).loinc}", "ERR|^^^207&Application internal error&HL70357"]
    return D("hl7-ack", "ACK", [("p", "We're getting AE acks on the results feed since the new test build. Example ACK (no PHI in ACKs):"), ("pre", "\n".join(seg)), ("p", f"Vendor case #{dg(r, 8)}.")])

def C_deposit(r):
    rows = [[recent(r), r.choice(PAYERS2), r.choice(["EFT", "CHK"]), dg(r, 10), round(r.uniform(200, 250000), 2), r.choice(["Posted", "Unapplied", "Posted"])] for _ in range(r.randint(6, 14))]
    return D("deposit-reconciliation", "Deposit reconciliation", [("p", f"Daily deposit reconciliation, lockbox {dg(r, 6)}. Bank routing {aba(r)}."), ("table", ["Deposit date", "Payer", "Type", "Trace / check #", "Amount", "Status"], rows)])

def C_it_change(r):
    return D("it-ticket", "Change request", [("kv", [("Change", f"CHG{dg(r, 7)}"), ("Requested by", staff(r).name(r, "lf")), ("System", r.choice(["Fax server", "Lab interface engine", "Patient portal", "Secure e-mail gateway"])), ("Window", f"{fd(r, future(r), 'mdy')} 22:00-23:30"), ("Risk", r.choice(["Low", "Medium"])), ("CAB approval", "Yes")]),
        ("p", "Rollback: restore the previous config from backup. No patient-facing impact expected.")])

def C_facilities(r):
    return D("facilities", "Facilities notice", [("p", f"Elevator {r.choice('ABCD')} in the {r.choice(['North Tower', 'MOB', 'Women’s Pavilion'])} will be out of service {fd(r, future(r), 'abbr')} to {fd(r, future(r), 'abbr')} for inspection."),
        ("p", "Patient transport should use the service elevators. Work order WO-" + dg(r, 6) + ". Contact Plant Operations x" + dg(r, 4) + ".")])

def C_blank_form(r):
    o = org(r, ["clinic", "hospital"])
    return D("blank-form", "New patient registration form", [("h", "NEW PATIENT REGISTRATION"),
        ("kv", [("Patient name (Last, First, MI)", "_______________________________"), ("Date of birth", "___/___/_____"), ("SSN (optional)", "___-__-____"), ("Address", "_______________________________"),
                ("Insurance", "____________________   Member ID ______________"), ("Emergency contact", "____________________")]),
        ("check", [("Male", False), ("Female", False), ("Prefer not to say", False)]),
        ("small", f"Form REG-{r.randint(10, 99)} rev. {r.randint(1, 12)}/{r.choice([2025, 2026])} | {o.name} | {o.phone}")])

def C_benefits(r):
    return D("benefits", "Open enrollment", [("p", f"Open enrollment is {fd(r, future(r), 'long')} through {fd(r, future(r), 'long')}."),
        ("ul", ["Medical: PPO, HSA-eligible HDHP, EPO", "New: fertility benefit and virtual physical therapy", "Dependents: add a birth certificate or marriage certificate", f"Wellness credit: ${r.choice([300, 500])} for completing a biometric screening"]),
        ("p", f"Your employee number (E{dg(r, 6)}) is your portal login. HR Service Center: {phone(r)}.")])

def C_pt_minutes(r):
    rows = [[d, r.choice(["Added", "Removed", "Restricted to ID", "Tier change"]), r.choice(["Approved", "Tabled"])] for d in r.sample(RX, r.randint(4, 7))]
    return D("formulary", "P&T actions", [("p", f"P&T Committee actions, meeting of {fd(r, recent(r), 'long')}."), ("table", ["Drug", "Action", "Decision"], rows), ("p", "Formulary changes take effect once the EHR build is complete.")])

def C_cme(r):
    d = Prov(r)
    return D("cme", "CME certificate", [("h", "Certificate of Completion"), ("p", f"This certifies that {d.first} {d.last}, {d.cred} participated in \"{r.choice(['Updates in Sepsis Management', 'Opioid Prescribing: Safe Practices', 'Diabetes Technology 2026'])}\" on {fd(r, recent(r), 'long')}."),
        ("p", f"{r.choice([1.0, 1.5, 2.0, 3.25])} AMA PRA Category 1 Credit(s). Activity ID {dg(r, 8)}. NPI on file {d.npi}.")])

def C_baa(r):
    v = r.choice(VENDORS); o = org(r)
    return D("baa-contract", "Business Associate Agreement", [("h", "BUSINESS ASSOCIATE AGREEMENT - execution copy"),
        ("p", f"This Agreement is entered into as of {fd(r, future(r), 'long')} between {o.name} (\"Covered Entity\") and {v.name} (\"Business Associate\")."),
        ("p", "1. Business Associate shall not use or disclose Protected Health Information (PHI) other than as permitted by this Agreement. 2. Business Associate shall report any Breach of Unsecured PHI within 5 business days."),
        ("p", f"Covered Entity NPI {o.npi}; Business Associate EIN {v.tin}. Signatures: ____________  ____________")])

def C_recognition(r):
    s = staff(r)
    return D("recognition", "DAISY Award", [("p", f"Congratulations to {s.first} {s.last}, RN, on {r.choice(['5 West', 'the Cardiac ICU', 'Labor & Delivery', 'the Emergency Department'])}, this month's DAISY Award honoree!"),
        ("p", "The nomination, from a grateful family (shared with their permission and without identifying details), described how she stayed past her shift to make sure they understood the discharge plan."),
        ("p", f"Celebration {fd(r, future(r), 'long')} at 2:30 pm in the unit break room.")])

def C_courier(r):
    rows = [[o.name, o.addr(), r.choice(["10:30", "13:00", "15:45", "17:30"]), r.choice(["M-F", "M-Sa", "Daily"]), o.phone] for o in r.sample([x for x in ORGS if x.kind in ("clinic", "hospital")], r.randint(4, 8))]
    return D("courier-schedule", "Courier pickup schedule", [("p", f"{r.choice(VENDORS).name} - specimen pickup route {r.randint(1, 9)} effective {fd(r, future(r), 'mdy')}."), ("table", ["Client", "Address", "Pickup", "Days", "Phone"], rows)])

def C_provider_enroll(r):
    o = org(r, ["clinic"]); d = Prov(r)
    return D("provider-enrollment", "Enrollment confirmation", [("p", f"Medicare enrollment approved for {o.name}."),
        ("kv", [("Group NPI", o.npi), ("TIN", o.tin), ("PTAN", f"{r.choice(['Z', 'P', 'W'])}{dg(r, 5)}"), ("Reassigning practitioner", f"{d.first} {d.last} (NPI {d.npi})"), ("Effective date", fd(r, recent(r), "mdy")), ("Revalidation due", fd(r, future(r) + dtm.timedelta(days=1400), "mdy"))]),
        ("p", "Please keep this letter for your records.")])

def C_vax_inventory(r):
    rows = [[v, lot(r), rday(r, D8(2026, 9, 1), D8(2027, 12, 31)), r.randint(0, 120), r.choice(["VFC", "Private", "317"])] for v in r.sample(["Vaxelis", "ProQuad", "Gardasil 9", "Boostrix", "Prevnar 20", "Flu (pediatric PF)", "Beyfortus 50 mg"], r.randint(4, 7))]
    return D("inventory", "Vaccine inventory", [("p", f"Month-end VFC inventory. PIN {dg(r, 6)}."), ("table", ["Vaccine", "Lot", "Expires", "Doses on hand", "Funding"], rows),
        ("p", f"Fridge temperature log reviewed; no excursions. Data logger SN {dg(r, 9)}.")])

def C_bed_status(r):
    rows = [[u, f"{u[:2].upper()}{r.randint(1, 40):02d}", r.choice(["Occupied", "Clean", "Dirty", "Blocked - isolation", "Blocked - maintenance"]), r.choice(["", "EVS called " + tm(r)])] for u in [r.choice(["4 North", "5 West", "MICU", "Tele"]) for _ in range(r.randint(8, 16))]]
    return D("bed-status", "Bed status", [("p", "House supervisor bed status snapshot (no patient names)."), ("table", ["Unit", "Bed", "Status", "Note"], rows)])

def C_car_gym(r):
    s = staff(r)
    return r.choice([D("car-insurance", "Fleet auto", [("p", f"Fleet auto policy {r.choice(['BA', 'CAP'])}{dg(r, 8)} renewed. Covered vehicles include the mobile health unit (VIN {''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ0123456789') for _ in range(17))})."), ("p", f"Driver roster contact: {s.name(r, 'fl')}, Fleet Services.")]),
                     D("wellness-gym", "Gym", [("p", f"{s.first}, your employee gym membership #{dg(r, 9)} renews {fd(r, future(r), 'mdy')}. Badge ID {dg(r, 6)}."), ("p", "Classes this month: spin, yoga, and a 5K training group.")])])

def C_es_admin(r):
    return D("spanish-admin", "Aviso", [("p", f"Aviso al personal: la capacitación sobre la privacidad del paciente (HIPAA) será el {fd_es(r, future(r))} a las 8:00."),
        ("p", "Recuerde: nunca envíe el nombre del paciente con su diagnóstico por correo sin cifrar."), ("p", f"Coordinadora: {Person(r, 30, 60, hisp=True).name(r, 'fl')}, ext. {dg(r, 4)}")], lang="es")

CLEAN_DOCS = [C_reminder_template, C_education, C_deid_report, C_antibiogram, C_policy_memo, C_downtime, C_phishing, C_call_schedule, C_vendor_invoice, C_po,
              C_shortage, C_recall, C_credentialing, C_payer_bulletin, C_fee_schedule, C_test_menu, C_teaching_case, C_job, C_newsletter, C_es_edu,
              C_clinic_notice, C_minutes, C_hipaa_quiz, C_mbi_training, C_ssn_training, C_it_change, C_facilities, C_blank_form, C_benefits,
              C_pt_minutes, C_cme, C_baa, C_recognition, C_courier, C_provider_enroll, C_vax_inventory, C_bed_status, C_car_gym, C_es_admin, C_deposit]
CLEAN_RAW = [C_test_hl7, C_companion_guide, C_capability, C_x12_ack, C_hl7_ack, C_reminder_template]

# ============================================================== CLEAN: tables
def CT_schedule(r):
    st = future(r); days = [st + dtm.timedelta(days=i) for i in range(7)]
    rows = [[s.name(r, "lf"), r.choice(["RN", "CNA", "US", "LPN"]), f"E{dg(r, 6)}"] + [r.choice(["D", "N", "", "", "D8", "OC"]) for _ in days] for s in [staff(r) for _ in range(r.randint(10, 24))]]
    return D("staff-schedule", "Staffing grid", [("p", f"{r.choice(['4 North', 'MICU', 'ED'])} schedule, week of {fd(r, st, 'mdy')}"), ("table", ["Staff", "Role", "Emp ID"] + [d for d in days], rows)])
def CT_directory(r):
    rows = []
    for _ in range(r.randint(8, 20)):
        d = Prov(r); o = org(r, ["clinic", "hospital"]); rows.append([d.name(r, "lf"), d.cred, d.spec, d.npi, o.name, o.phone, o.fax])
    return D("directory", "Provider directory", [("p", "Referral provider directory (accepting new patients)"), ("table", ["Provider", "Cred", "Specialty", "NPI", "Location", "Phone", "Fax"], rows)])
def CT_supplies(r):
    rows = []
    for _ in range(r.randint(8, 20)):
        lt = lot(r); ex = rday(r, D8(2026, 8, 1), D8(2029, 6, 30)); rows.append([f"REF {dg(r, 6)}", r.choice(["Central line kit", "Suture 3-0 Vicryl", "ET tube 7.5", "Foley 16Fr", "Blood culture bottle"]), lt, ex, udi(r, lt, ex), r.randint(0, 200)])
    return D("inventory", "Par inventory", [("p", "Supply room cycle count"), ("table", ["REF", "Description", "Lot", "Expiration", "UDI", "On hand"], rows)])
def CT_pos(r):
    rows = [[f"PO-{dg(r, 7)}", r.choice(VENDORS).name, recent(r), round(r.uniform(100, 90000), 2), r.choice(["Open", "Partially received", "Closed"]), staff(r).name(r, "fl")] for _ in range(r.randint(8, 20))]
    return D("purchase-orders", "Open POs", [("p", "Open purchase orders by buyer"), ("table", ["PO", "Vendor", "Order date", "Amount", "Status", "Buyer"], rows)])
def CT_fees(r):
    rows = [[c, d, round(r.uniform(20, 3000), 2), round(r.uniform(15, 2000), 2), r.choice(["", "26", "TC", "50"])] for c, d in r.sample(PROC, r.randint(10, 20))]
    return D("fee-schedule", "Fee schedule", [("p", "2026 commercial fee schedule"), ("table", ["CPT/HCPCS", "Description", "Charge", "Contracted rate", "Modifier"], rows)])
def CT_deid(r):
    rows = [[z, ag, r.choice(["F", "M"]), r.choice([d[0] for d in DX]), "<11" if (n := r.randint(0, 300)) < 11 else n] for z, ag in [(r.choice(CITY)[2], r.choice(["18-44", "45-64", "65+"])) for _ in range(r.randint(10, 24))]]
    return D("deidentified-stats", "Encounters by ZIP3", [("p", "De-identified extract: 3-digit ZIP, age band, sex, ICD-10 category, counts (small cells suppressed)."), ("table", ["ZIP3", "Age band", "Sex", "Dx", "Encounters"], rows)])
def CT_antibiogram(r): return C_antibiogram(r)
def CT_formulary(r):
    rows = [[d, ndc(r), r.choice(["1", "2", "3", "4", "NF"]), r.choice(["", "PA", "ST", "QL"]), rday(r, D8(2026, 7, 1), D8(2026, 12, 31))] for d in r.sample(RX, r.randint(8, 16))]
    return D("formulary", "Formulary file", [("p", "Formulary load file"), ("table", ["Drug", "NDC", "Tier", "UM", "Effective"], rows)])
def CT_training(r):
    rows = [[s.name(r, "lfm"), f"{dg(r, 6)}", r.choice(["Nursing", "Lab", "Registration", "Pharmacy"]), r.choice(["HIPAA Privacy 2026", "Bloodborne Pathogens", "Restraints", "Fire/Life Safety"]), future(r), r.choice(["Complete", "Not started", "In progress"])] for s in [staff(r) for _ in range(r.randint(10, 26))]]
    return D("training-roster", "Training roster", [("p", "Annual mandatory education status"), ("table", ["Employee", "Emp #", "Dept", "Module", "Due", "Status"], rows)])
def CT_rooms(r):
    rows = [[future(r), f"{r.randint(7, 16)}:00", r.choice(["Sim Lab 2", "Board Room", "Classroom C"]), staff(r).name(r, "fl"), r.choice(["Mock code", "Vendor demo", "New hire orientation", "Budget review"])] for _ in range(r.randint(8, 16))]
    return D("room-bookings", "Room bookings", [("p", "Room reservations"), ("table", ["Date", "Time", "Room", "Reserved by", "Event"], rows)])
def CT_pm_log(r):
    rows = [[r.choice(["Infusion pump", "Ventilator", "Defibrillator", "Anesthesia machine", "Bladder scanner"]), f"SN{dg(r, 9)}", f"CE{dg(r, 6)}", recent(r), r.choice(["Pass", "Pass", "Fail - repaired"]), staff(r).name(r, "init")] for _ in range(r.randint(8, 20))]
    return D("equipment", "PM log", [("p", "Clinical engineering PM completions"), ("table", ["Device", "Serial", "Asset", "PM date", "Result", "Tech"], rows)])
def CT_invoice_lines(r):
    rows = [[f"{dg(r, 7)}", recent(r), r.choice(VENDORS).name, f"PO-{dg(r, 7)}", round(r.uniform(50, 40000), 2), r.choice(["Approved", "On hold - price variance", "Paid"])] for _ in range(r.randint(8, 20))]
    return D("invoice", "AP invoice register", [("p", "Accounts payable register"), ("table", ["Invoice #", "Invoice date", "Vendor", "PO", "Amount", "Status"], rows)])
def CT_quality(r):
    rows = [[c, r.choice(["CLABSI", "CAUTI", "C. diff HO", "MRSA bacteremia", "SSI colon"]), r.randint(0, 4), r.randint(800, 4000), f"{r.uniform(0, 1.8):.2f}"] for c in r.sample(["MICU", "SICU", "4 North", "5 West", "Tele", "NICU", "Onc"], r.randint(4, 7))]
    return D("quality-dashboard", "HAI dashboard", [("p", "Hospital-acquired infections by unit, rolling 12 months (counts only)"), ("table", ["Unit", "Measure", "Events", "Device days", "SIR"], rows)])
def CT_courier(r): return C_courier(r)
def CT_deposits(r): return C_deposit(r)
def CT_test_patients(r):
    rows = [[f"ZZTEST, {w}", D8(1900, 1, 1) + dtm.timedelta(days=i), f"TEST{dg(r, 5)}", "999-00-" + dg(r, 4), r.choice(["Synthetic - do not bill", "Synthetic"])] for i, w in enumerate(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"][:r.randint(5, 8)])]
    return D("test-data", "Test patients", [("p", "TEST ENVIRONMENT ONLY - synthetic patients for the interface regression suite. Not real people; SSNs are in the invalid 9xx range on purpose."), ("table", ["Name", "DOB", "MRN", "SSN", "Note"], rows)])
def CT_vax_inv(r): return C_vax_inventory(r)
def CT_bed_status(r): return C_bed_status(r)

CLEAN_TABLES = [CT_schedule, CT_directory, CT_supplies, CT_pos, CT_fees, CT_deid, CT_antibiogram, CT_formulary, CT_training, CT_rooms, CT_pm_log,
                CT_invoice_lines, CT_quality, CT_courier, CT_deposits, CT_test_patients, CT_vax_inv, CT_bed_status]

# ============================================================== renderers: text / html
def cellv(v, ds, r):
    if isinstance(v, D8): return fd(r, v, ds)
    if isinstance(v, float): return f"{v:,.2f}"
    return str(v)

def wrap(text, width):
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut < width // 3: cut = width
            out.append(line[:cut]); line = line[cut:].lstrip(" ")
        out.append(line)
    return out

def kv_text(r, pairs, style):
    w = max(len(a) for a, _ in pairs) + 1
    lab = lambda a: a if a.endswith((":", "#", ".", ")")) else a + ":"
    if style == "colon": return "\n".join(f"{lab(a)} {b}" for a, b in pairs)
    if style == "pad": return "\n".join(f"{a:<{w}} {b}" for a, b in pairs)
    if style == "dots": return "\n".join(f"{a} {'.' * (w + 2 - len(a))} {b}" for a, b in pairs)
    if style == "next": return "\n".join(f"{lab(a)}\n    {b}" for a, b in pairs)
    if style == "caps": return "\n".join(f"{a.upper()}: {b}" for a, b in pairs)
    if style == "tab": return "\n".join(f"{a}\t{b}" for a, b in pairs)
    if style == "pairs":
        items = [f"{lab(a)} {b}" for a, b in pairs]
        return "\n".join("    ".join(items[i:i + 2]) for i in range(0, len(items), 2))
    raise ValueError(style)

def table_text2(r, hdr, rows, ds, style):
    srows = [[cellv(v, ds, r) for v in row] for row in rows]
    hdr = [cellv(h, ds, r) for h in hdr]
    w = [max(len(x[i]) for x in [hdr] + srows) for i in range(len(hdr))]
    if style == "grid":
        sep = "+" + "+".join("-" * (x + 2) for x in w) + "+"
        line = lambda cells: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(cells)) + " |"
        return "\n".join([sep, line(hdr), sep.replace("-", "=")] + [line(x) for x in srows] + [sep])
    if style == "fixed":
        line = lambda cells: "  ".join(c.ljust(w[i]) for i, c in enumerate(cells)).rstrip()
        return "\n".join([line(hdr), "  ".join("-" * x for x in w)] + [line(x) for x in srows])
    if style == "pipe": return "\n".join(["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(x) + " |" for x in srows])
    if style == "records": return "\n\n".join("\n".join(f"{h}: {c}" for h, c in zip(hdr, x)) for x in srows)
    if style == "tsv": return "\n".join("\t".join(x) for x in [hdr] + srows)
    if style == "comma": return "\n".join(",".join(('"' + c + '"') if "," in c else c for c in x) for x in [hdr] + srows)
    raise ValueError(style)

def to_text(r, doc, title=None):
    ks = r.choice(["colon", "colon", "pad", "dots", "next", "caps", "tab", "pairs"]); ts = r.choice(["grid", "fixed", "fixed", "pipe", "records", "tsv", "comma"])
    ds = r.choice(["mdy", "mdy1", "iso", "dmy3", "mdy2", "abbr"]); bul = r.choice(["- ", "* ", "\u2022 ", "o  ", "#"])
    out = []
    if title if title is not None else r.random() < 0.3:
        t = doc.title
        out.append(r.choice([t.upper(), t + "\n" + "=" * len(t), f"*** {t} ***", t]))
    for b in doc.blocks:
        k = b[0]
        if k == "h": out.append(r.choice([b[1].upper(), b[1], b[1] + "\n" + "-" * len(b[1])]))
        elif k in ("p", "sig", "small"): out.append(b[1])
        elif k == "kv": out.append(kv_text(r, b[1], ks))
        elif k == "table": out.append(table_text2(r, b[1], b[2], ds, ts))
        elif k == "pre": out.append(b[1])
        elif k == "ul": out.append("\n".join((f"{i + 1}. " if bul == "#" else bul) + x for i, x in enumerate(b[1])))
        elif k == "check": out.append("\n".join(("[X] " if c else "[ ] ") + a for a, c in b[1]))
    return "\n\n".join(x for x in out if x is not None)

def h(s, ent=False):
    t = xesc(s)
    if ent: t = t.encode("ascii", "xmlcharrefreplace").decode()
    return t

def to_html(r, doc, flavor=None, logo_cid=None, sig=None, banner_cid=None):
    flavor = flavor or r.choice(["outlook", "system", "gmail", "dl"])
    ent = flavor == "system" or r.random() < 0.2
    ds = r.choice(["mdy", "long", "iso", "abbr"]); E = lambda s: h(s, ent).replace("\n", "<br>\n")
    o = []
    if flavor == "outlook":
        o.append('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                 '<style><!-- p.MsoNormal {margin:0in;font-size:11.0pt;font-family:"Calibri",sans-serif;} --></style></head><body lang="EN-US" link="#0563C1"><div class="WordSection1">')
        P = lambda s: f'<p class="MsoNormal">{s}<o:p></o:p></p>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
    elif flavor == "system":
        o.append('<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body style="margin:0;background:#eef1f4">'
                 '<span style="display:none;font-size:1px;color:#eef1f4;max-height:0">You have a new secure notification</span>'
                 '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#eef1f4"><tr><td align="center">'
                 '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">')
        if banner_cid: o.append(f'<tr><td style="padding:16px 24px;border-bottom:3px solid #2b6cb0"><img src="cid:{banner_cid}" width="240" height="60" alt="logo" style="display:block"></td></tr>')
        P = lambda s: f'<tr><td style="padding:8px 24px;line-height:20px">{s}</td></tr>'
    elif flavor == "gmail":
        o.append('<div dir="ltr">')
        P = lambda s: f"<div>{s}</div><div><br></div>"
    else:
        o.append('<html><head><meta charset="utf-8"><style>body{font:13px/1.45 Segoe UI,Tahoma,sans-serif;color:#1a1a1a} dt{font-weight:600;float:left;width:11em;clear:left} dd{margin:0 0 4px 12em} '
                 'table.t{border-collapse:collapse} table.t td,table.t th{border:1px solid #bbb;padding:2px 6px;font-size:12px} h2{font-size:16px;color:#234}</style></head><body>')
        P = lambda s: f"<p>{s}</p>"
    if flavor != "system" and banner_cid: o.insert(1, f'<img src="cid:{banner_cid}" width="240" height="60" alt="">')
    if r.random() < 0.35: o.append(P(f"<b>{E(doc.title)}</b>") if flavor != "dl" else f"<h2>{E(doc.title)}</h2>")
    for b in doc.blocks:
        k = b[0]
        if k == "h": o.append(P(f'<b style="font-size:110%">{E(b[1])}</b>') if flavor != "dl" else f"<h2>{E(b[1])}</h2>")
        elif k in ("p", "sig"): o.append(P(E(b[1])))
        elif k == "small": o.append(P(f'<span style="font-size:8pt;color:#666">{E(b[1])}</span>'))
        elif k == "kv":
            if flavor == "outlook": o.append(P("<br>\n".join(f"<b>{E(a)}:</b>&nbsp;{E(v)}" for a, v in b[1])))
            elif flavor == "dl": o.append("<dl>" + "".join(f"<dt>{E(a)}</dt><dd>{E(v)}</dd>" for a, v in b[1]) + "</dl>")
            else:
                rows = "".join(f'<tr><td style="background:#f3f5f7;font-weight:bold;padding:4px 8px;border:1px solid #d0d7de;width:38%">{E(a)}</td><td style="padding:4px 8px;border:1px solid #d0d7de">{E(v)}</td></tr>' for a, v in b[1])
                t = f'<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%">{rows}</table>'
                o.append(P(t) if flavor == "system" else t)
        elif k == "table":
            hdr, rows = b[1], b[2]
            if flavor == "outlook":
                td = 'style="border:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"'
                t = '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">' + \
                    "<tr>" + "".join(f'<td {td}><p class="MsoNormal"><b>{E(cellv(x, ds, r))}</b></p></td>' for x in hdr) + "</tr>" + \
                    "".join("<tr>" + "".join(f'<td {td}><p class="MsoNormal">{E(cellv(x, ds, r))}</p></td>' for x in row) + "</tr>" for row in rows) + "</table>"
            else:
                zebra = ["#ffffff", "#f6f8fa"]
                t = '<table class="t" cellspacing="0" cellpadding="3" style="border-collapse:collapse;font-size:12px">' + "<thead><tr>" + \
                    "".join(f'<th style="background:#2b6cb0;color:#fff;text-align:left;padding:3px 6px">{E(cellv(x, ds, r))}</th>' for x in hdr) + "</tr></thead><tbody>" + \
                    "".join(f'<tr style="background:{zebra[i % 2]}">' + "".join(f'<td style="padding:3px 6px;border-bottom:1px solid #ddd">{E(cellv(x, ds, r))}</td>' for x in row) + "</tr>" for i, row in enumerate(rows)) + "</tbody></table>"
            o.append(P(t) if flavor == "system" else t)
        elif k == "pre": o.append(f'<pre style="font-family:Consolas,\'Courier New\',monospace;font-size:9pt;background:#f7f7f7;padding:6px">{h(b[1], ent)}</pre>')
        elif k == "ul": o.append("<ul>" + "".join(f"<li>{E(x)}</li>" for x in b[1]) + "</ul>")
        elif k == "check": o.append(P("<br>".join(("&#9746; " if c else "&#9744; ") + E(a) for a, c in b[1])))
    if sig: o.append(P(f'<span style="color:#555">{E(sig)}</span>'))
    if logo_cid: o.append(P(f'<img src="cid:{logo_cid}" width="180" height="54" alt="{h(sig.splitlines()[2] if sig and len(sig.splitlines()) > 2 else "logo")}">'))
    if flavor == "outlook": o.append("</div></body></html>")
    elif flavor == "system": o.append(f'<tr><td style="padding:12px 24px;font-size:11px;color:#888;border-top:1px solid #eee">Please do not reply to this automated message.</td></tr></table></td></tr></table></body></html>')
    elif flavor == "gmail": o.append("</div>")
    else: o.append("</body></html>")
    return "\n".join(o)

# ============================================================== images
_png = {}
def logo_png(name, w=240, h_=60, banner=False):
    key = (name, w, h_, banner)
    if key in _png: return _png[key]
    from PIL import Image, ImageDraw, ImageFont
    hv = int(hashlib.sha256(("b2" + name).encode()).hexdigest(), 16)
    col = (40 + hv % 120, 60 + (hv >> 8) % 120, 90 + (hv >> 16) % 130); acc = (230, 160 + (hv >> 24) % 80, 40)
    im = Image.new("RGB", (w, h_), (255, 255, 255)); dr = ImageDraw.Draw(im)
    ini = "".join(x[0] for x in re.sub(r"[^A-Za-z ]", "", name).split()[:3]).upper()
    dr.rounded_rectangle([4, 4, h_ - 4, h_ - 4], radius=h_ // 5, fill=col)
    dr.polygon([(h_ // 2, 10), (h_ - 12, h_ - 12), (12, h_ - 12)], outline=acc, width=3)
    f1 = ImageFont.truetype(FONT + "DejaVuSans-Bold.ttf", max(10, h_ // 4)); f2 = ImageFont.truetype(FONT + "DejaVuSerif.ttf", max(9, h_ // 5))
    dr.text((h_ // 2 - len(ini) * h_ // 11, h_ // 2 - h_ // 8), ini, fill=(255, 255, 255), font=f1)
    dr.text((h_ + 10, h_ // 5), name[:34], fill=col, font=f2)
    if banner: dr.rectangle([h_ + 10, h_ - 10, w - 10, h_ - 7], fill=acc)
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _png[key] = b.getvalue()
    return _png[key]

# ============================================================== renderers: PDF
def rl_fonts(ttf):
    if not ttf: return "Helvetica", "Helvetica-Bold", "Courier", lat1
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "DV" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DV", FONT + "DejaVuSans.ttf")); pdfmetrics.registerFont(TTFont("DV-B", FONT + "DejaVuSans-Bold.ttf"))
        pdfmetrics.registerFont(TTFont("DVM", FONT + "DejaVuSansMono.ttf"))
    return "DV", "DV-B", "DVM", (lambda s: s)

PDF_MAX_ROWS = 28

def rl_flow(r, doc, o, ttf=False):
    """platypus: coloured header band with logo, label/value tables, zebra tables, page footer"""
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Frame, Paragraph, Table, TableStyle, Spacer, Preformatted
    F, FB, FM, cv = rl_fonts(ttf)
    tb = doc.table(); wide = tb is not None and len(tb[1]) > 7
    ps = landscape(letter) if wide else letter
    buf = io.BytesIO(); band = colors.HexColor(r.choice(["#1f4e79", "#2e6b3a", "#5b2a6e", "#7a3b12", "#204050"]))
    logo = logo_png(o.name, 240, 60) if r.random() < 0.6 else None
    foot = r.choice([f"{o.name} | {o.phone} | Fax {o.fax}", "CONFIDENTIAL", f"Printed {fd(r, recent(r), 'mdy')}", ""])
    def deco(c, d):
        c.saveState(); c.setFillColor(band); c.rect(0, ps[1] - 56, ps[0], 56, stroke=0, fill=1)
        if logo: c.drawImage(ImageReader(io.BytesIO(logo)), ps[0] - 200, ps[1] - 52, 160, 40, mask=None)
        c.setFillColor(colors.white); c.setFont(FB, 13); c.drawString(40, ps[1] - 34, cv(o.name))
        c.setFont(F, 8); c.drawString(40, ps[1] - 48, cv(o.addr()))
        c.setFillColor(colors.grey); c.setFont(F, 7); c.drawString(40, 24, cv(foot)); c.drawRightString(ps[0] - 40, 24, f"Page {d.page}")
        c.restoreState()
    d = BaseDocTemplate(buf, pagesize=ps, title=cv(doc.title), author=cv(o.name), leftMargin=40, rightMargin=40, topMargin=72, bottomMargin=44)
    d.addPageTemplates([PageTemplate(id="p", frames=[Frame(40, 44, ps[0] - 80, ps[1] - 116, id="f")], onPage=deco)])
    body = ParagraphStyle("b", fontName=F, fontSize=9.5, leading=12.5, spaceAfter=5)
    small = ParagraphStyle("s", fontName=F, fontSize=7, leading=9, textColor=colors.grey)
    head = ParagraphStyle("h", fontName=FB, fontSize=12.5, leading=16, spaceAfter=6, textColor=band)
    cell = ParagraphStyle("c", fontName=F, fontSize=8.5, leading=10)
    cellb = ParagraphStyle("cb", fontName=FB, fontSize=8.5, leading=10)
    P = lambda s, st=body: Paragraph(xesc(cv(s)).replace("\n", "<br/>"), st)
    fl = [P(doc.title, head)] if r.random() < 0.5 else []
    ds = r.choice(["mdy", "iso", "dmy3", "abbr"])
    for b in doc.blocks:
        k = b[0]
        if k == "h": fl.append(P(b[1], head))
        elif k in ("p", "sig"): fl.append(P(b[1]))
        elif k == "small": fl.append(P(b[1], small))
        elif k == "ul": fl += [P("\u2022 " + x if ttf else "- " + x) for x in b[1]]
        elif k == "check": fl.append(P("   ".join((("\u2612 " if c else "\u2610 ") if ttf else ("[X] " if c else "[  ] ")) + a for a, c in b[1])))
        elif k == "pre": fl.append(Preformatted("\n".join(wrap(cv(b[1]), 120 if wide else 95)), ParagraphStyle("m", fontName=FM, fontSize=6.8, leading=8.2)))
        elif k == "kv":
            pairs = b[1]
            if r.random() < 0.5:
                data = [[Paragraph(xesc(cv(a)), cellb), Paragraph(xesc(cv(v)), cell)] for a, v in pairs]; cw = [150, (ps[0] - 80) - 150]
            else:
                data = []
                for i in range(0, len(pairs), 2):
                    row = []
                    for a, v in pairs[i:i + 2]: row += [Paragraph(xesc(cv(a)), cellb), Paragraph(xesc(cv(v)), cell)]
                    data.append(row + [""] * (4 - len(row)))
                cw = [(ps[0] - 80) * x for x in (0.17, 0.33, 0.17, 0.33)]
            t = Table(data, colWidths=cw)
            st = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f6"))]
            if len(cw) == 4: st.append(("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eef2f6")))
            t.setStyle(TableStyle(st)); fl += [t, Spacer(1, 6)]
        elif k == "table":
            hdr, rows = b[1], b[2][:PDF_MAX_ROWS]
            data = [[Paragraph(xesc(cv(cellv(x, ds, r))), cellb) for x in hdr]] + [[Paragraph(xesc(cv(cellv(x, ds, r)))[:60], cell) for x in row] for row in rows]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 7), ("LINEBELOW", (0, 0), (-1, 0), 0.8, band), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f7")]), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            fl += [t, Spacer(1, 6)]
    d.build(fl)
    return buf.getvalue()

def rl_form(r, doc, o, ttf=False):
    """canvas-drawn form: boxed fields with tiny captions, ruled table, hand-placed text"""
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import simpleSplit
    F, FB, FM, cv = rl_fonts(ttf)
    buf = io.BytesIO(); W, H = letter; c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setTitle(cv(doc.title)); c.setAuthor(cv(o.name)); c.setCreator(cv(o.name) + " forms")
    st = {"y": H - 50, "page": 1}
    def newpage():
        if st["page"] >= 2: return False
        c.showPage(); st["page"] += 1; st["y"] = H - 50; return True
    def need(hh):
        if st["y"] - hh < 50: return newpage()
        return True
    c.setLineWidth(1.2); c.rect(36, H - 80, W - 72, 44); c.setFont(FB, 14); c.drawString(46, H - 60, cv(doc.title.upper())[:60])
    c.setFont(F, 8); c.drawString(46, H - 74, cv(f"{o.name}  |  {o.addr()}  |  Tel {o.phone}")[:120]); st["y"] = H - 96
    ds = r.choice(["mdy", "iso", "dmy3"])
    for b in doc.blocks:
        k = b[0]
        if k == "kv":
            pairs = b[1]; cols = 2 if len(pairs) > 3 else 1; bw = (W - 72) / cols; i = 0
            while i < len(pairs):
                if not need(30): break
                for j in range(cols):
                    if i >= len(pairs): break
                    a, v = pairs[i]; x = 36 + j * bw
                    c.setLineWidth(0.6); c.rect(x, st["y"] - 28, bw, 28)
                    c.setFont(F, 6); c.drawString(x + 3, st["y"] - 8, cv(a.upper())[:60])
                    c.setFont(F, 9.5 if len(v) < 48 else 7.5); c.drawString(x + 6, st["y"] - 22, cv(v)[:int(bw / 4.2)])
                    i += 1
                st["y"] -= 28
            st["y"] -= 10
        elif k == "table":
            hdr, rows = b[1], b[2][:PDF_MAX_ROWS]; n = len(hdr); cw = (W - 72) / n
            fs = 7 if n < 7 else 5.8
            if not need(30): break
            c.setFont(FB, fs); c.setFillGray(0.85); c.rect(36, st["y"] - 13, W - 72, 13, stroke=0, fill=1); c.setFillGray(0)
            for j, x in enumerate(hdr): c.drawString(38 + j * cw, st["y"] - 10, cv(str(x))[:int(cw / (fs * 0.5))])
            st["y"] -= 13; c.setFont(F, fs)
            for row in rows:
                if not need(12): break
                for j, x in enumerate(row): c.drawString(38 + j * cw, st["y"] - 9, cv(cellv(x, ds, r))[:int(cw / (fs * 0.5))])
                c.setLineWidth(0.3); c.line(36, st["y"] - 12, W - 36, st["y"] - 12); st["y"] -= 12
            st["y"] -= 10
        else:
            if k == "ul": lines = [("- " + x) for x in b[1]]; font, size = F, 9.5
            elif k == "check": lines = [("[X] " if cc else "[  ] ") + a for a, cc in b[1]]; font, size = F, 9.5
            elif k == "pre": lines = wrap(b[1], 110); font, size = FM, 6.8
            elif k == "h": lines = [b[1]]; font, size = FB, 11.5
            elif k == "small": lines = simpleSplit(cv(b[1]), F, 7, W - 72); font, size = F, 7
            else:
                lines = []
                for para in b[1].split("\n"): lines += simpleSplit(cv(para), F, 9.5, W - 80) or [""]
                font, size = F, 9.5
            c.setFont(font, size)
            for ln in lines:
                if not need(size + 3): break
                c.drawString(40, st["y"] - size, cv(ln)); st["y"] -= size + 3
            st["y"] -= 7
    c.showPage(); c.save()
    return buf.getvalue()

def fp_doc(r, doc, o, ttf):
    from fpdf import FPDF, FPDF_VERSION
    from fpdf.fonts import FontFace
    cv = (lambda s: s) if ttf else lat1
    logo = logo_png(o.name, 480, 120, True) if r.random() < 0.55 else None
    foot = r.choice(["Confidential - do not redistribute", f"{o.name} | {o.phone}", f"Form {r.choice(['CM', 'PA', 'RX', 'AD'])}-{r.randint(100, 999)} rev {r.randint(1, 12)}/25"])
    class P(FPDF):
        def header(self):
            if logo: self.image(io.BytesIO(logo), x=self.l_margin, y=8, h=16)
            else:
                self.set_font(fam, "B", 12); self.cell(0, 7, cv(o.name), new_x="LMARGIN", new_y="NEXT")
                self.set_font(fam, "", 8); self.cell(0, 5, cv(f"{o.addr()}   Phone {o.phone}   Fax {o.fax}"), new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(120, 120, 120); self.line(self.l_margin, 26, self.w - self.r_margin, 26); self.set_y(29)
        def footer(self):
            self.set_y(-12); self.set_font(fam, "", 7); self.set_text_color(110)
            self.cell(0, 5, cv(foot) + f"   -   page {self.page_no()}/{{nb}}", align="C"); self.set_text_color(0)
    tb = doc.table(); wide = tb is not None and len(tb[1]) > 7
    pdf = P(orientation="L" if wide else "P", format="letter"); pdf.set_creation_date(dtm.datetime(2026, 6, 15, tzinfo=dtm.timezone.utc))
    pdf.set_title(cv(doc.title)); pdf.set_author(cv(o.name)); pdf.set_producer(f"PyFPDF/fpdf{FPDF_VERSION}")
    if ttf:
        pdf.add_font("DejaVu", "", FONT + "DejaVuSans.ttf"); pdf.add_font("DejaVu", "B", FONT + "DejaVuSans-Bold.ttf"); pdf.add_font("DejaVuMono", "", FONT + "DejaVuSansMono.ttf"); fam, mono = "DejaVu", "DejaVuMono"
    else: fam, mono = "Helvetica", "Courier"
    pdf.set_auto_page_break(True, 16); pdf.add_page()
    ds = r.choice(["mdy", "iso", "dmy3", "long"])
    if r.random() < 0.6: pdf.set_font(fam, "B", 13); pdf.multi_cell(0, 7, cv(doc.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
    epw = pdf.epw
    for b in doc.blocks:
        k = b[0]
        if pdf.page_no() > 2: break
        if k == "h": pdf.set_font(fam, "B", 11); pdf.multi_cell(0, 6, cv(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
        elif k in ("p", "sig"): pdf.set_font(fam, "", 9.5); pdf.multi_cell(0, 4.8, cv(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif k == "small": pdf.set_font(fam, "", 7); pdf.multi_cell(0, 3.5, cv(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
        elif k == "ul":
            pdf.set_font(fam, "", 9.5)
            for x in b[1]: pdf.multi_cell(0, 4.8, cv(("\u2022 " if ttf else "- ") + x), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k == "check":
            pdf.set_font(fam, "", 9.5)
            for a, c in b[1]: pdf.multi_cell(0, 5, cv((("\u2612 " if c else "\u2610 ") if ttf else ("[X] " if c else "[  ] ")) + a), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k == "pre":
            pdf.set_font(mono, "", 6.8)
            for ln in wrap(b[1], 120 if wide else 100): pdf.multi_cell(0, 3.3, cv(ln) or " ", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k == "kv":
            pdf.set_font(fam, "", 9); pdf.set_fill_color(232, 238, 244)
            lw = min(62, max(pdf.get_string_width(cv(a)) for a, _ in b[1]) + 6)
            for a, v in b[1]:
                y0 = pdf.get_y(); pdf.set_font(fam, "B", 8.5); pdf.cell(lw, 6, cv(a), border=1, fill=True)
                pdf.set_font(fam, "", 9); pdf.multi_cell(epw - lw, 6, cv(v), border=1, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif k == "table":
            hdr, rows = b[1], b[2][:PDF_MAX_ROWS]
            pdf.set_font(fam, "", 6.8 if len(hdr) > 6 else 8)
            with pdf.table(text_align="LEFT", line_height=3.6 if len(hdr) > 6 else 4.4, headings_style=FontFace(emphasis="BOLD", fill_color=(210, 222, 235)), cell_fill_color=(246, 246, 246), cell_fill_mode="ROWS") as t:
                rw = t.row()
                for x in hdr: rw.cell(cv(str(x)))
                for row in rows:
                    rw = t.row()
                    for x in row: rw.cell(cv(cellv(x, ds, r))[:48])
            pdf.ln(3)
    return bytes(pdf.output())

def ps_str(s):
    out = []
    for ch in lat1(s):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % o)
        else: out.append(ch)
    return "(" + "".join(out) + ")"

def ps_form(r, doc, o):
    """hand-written PostScript: fax-style header bar, boxed label/value grid, ruled table in Courier"""
    ds = r.choice(["mdy", "iso", "long"])
    L_ = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title)}", f"%%Creator: {lat1(o.name)} print queue", "%%BoundingBox: 0 0 612 792", "%%Pages: (atend)", "%%EndComments",
          "/ISO { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding " + ("dup length array copy dup 45 /hyphen put " if r.random() < 0.5 else "") + "def currentdict end definefont pop } bind def",
          "/Sans /Helvetica ISO /SansB /Helvetica-Bold ISO /Mono /Courier ISO",
          "/T { moveto show } bind def /F { exch findfont exch scalefont setfont } bind def",
          "/BOX { 4 dict begin /h exch def /w exch def /y exch def /x exch def newpath x y moveto w 0 rlineto 0 h rlineto w neg 0 rlineto closepath stroke end } bind def"]
    pg = [1]; y = [700]; L_.append("%%Page: 1 1")
    def hdr():
        L_.append("gsave 0.15 setgray 36 738 540 30 rectfill grestore")
        L_.append(f"1 setgray /SansB 14 F {ps_str(('FACSIMILE - ' if r.random() < 0.5 else '') + doc.title.upper())} 46 748 T 0 setgray")
        L_.append(f"/Sans 8 F {ps_str(o.name + '   ' + o.addr() + '   Fax ' + o.fax)} 36 726 T")
        L_.append(f"/Sans 7 F {ps_str('Page ' + str(pg[0]))} 540 24 T")
    def need(hh):
        if y[0] - hh >= 48: return True
        if pg[0] >= 2: return False
        L_.append("showpage"); pg[0] += 1; L_.append(f"%%Page: {pg[0]} {pg[0]}"); hdr(); y[0] = 700; return True
    hdr(); L_.append("0.6 setlinewidth")
    for b in doc.blocks:
        k = b[0]
        if k == "kv":
            for a, v in b[1]:
                if not need(22): break
                L_.append(f"36 {y[0] - 20} 150 20 BOX 186 {y[0] - 20} 390 20 BOX")
                L_.append(f"/SansB 8 F {ps_str(a[:34])} 40 {y[0] - 13} T /Sans 9 F {ps_str(v[:80])} 190 {y[0] - 13} T"); y[0] -= 20
            y[0] -= 10
        elif k == "table":
            hdr_, rows = b[1], b[2][:PDF_MAX_ROWS]
            srows = [[cellv(x, ds, r) for x in row] for row in rows]; hs = [str(x) for x in hdr_]
            w = [min(22, max(len(x[i]) for x in [hs] + srows)) for i in range(len(hs))]
            tot = sum(w) + 2 * len(w); size = min(8, 540 / (tot * 0.6))
            fmt = lambda cells: "  ".join(c[:w[i]].ljust(w[i]) for i, c in enumerate(cells))
            if not need(14): continue
            L_.append(f"/Mono {size:.1f} F {ps_str(fmt(hs))} 36 {y[0] - 10} T 36 {y[0] - 13} moveto 540 0 rlineto stroke"); y[0] -= 15
            for row in srows:
                if not need(size + 3): break
                L_.append(f"{ps_str(fmt(row))} 36 {y[0] - size} T"); y[0] -= size + 3
            y[0] -= 10
        else:
            if k == "ul": lines = ["- " + x for x in b[1]]; f, s = "Sans", 9.5
            elif k == "check": lines = [("[X] " if c else "[  ] ") + a for a, c in b[1]]; f, s = "Sans", 9.5
            elif k == "pre": lines = wrap(b[1], 112); f, s = "Mono", 7
            elif k == "h": lines = [b[1]]; f, s = "SansB", 11
            elif k == "small": lines = wrap(b[1], 130); f, s = "Sans", 7
            else: lines = wrap(b[1], 100); f, s = "Sans", 9.5
            L_.append(f"/{f} {s} F")
            for ln in lines:
                if not need(s + 3): break
                L_.append(f"{ps_str(ln)} 36 {y[0] - s} T"); y[0] -= s + 3
            y[0] -= 7
    L_ += ["showpage", "%%Trailer", f"%%Pages: {pg[0]}", "%%EOF"]
    return "\n".join(L_) + "\n"

def gs_pdf(src, out, settings):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-dPDFSETTINGS=/{settings}", "-dCompatibilityLevel=1.6", f"-sOutputFile={out}", src],
                   check=True, stdout=subprocess.DEVNULL)
    with open(out, "rb") as f: return f.read()

# ============================================================== renderers: DOCX / XLSX / CSV
def _shade(cell, hexcol):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr(); s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), hexcol); tcPr.append(s)

def _field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind, txt in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = par.add_run()
        if kind:
            e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind); run._r.append(e)
        elif txt == code:
            e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = f" {code} "; run._r.append(e)
        else: run.text = txt

def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr(); e = OxmlElement("w:tblHeader"); e.set(qn("w:val"), "true"); trPr.append(e)

def dx_doc(r, doc, o, letterhead):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    d = docx.Document()
    cp = d.core_properties; cp.author = staff(r).name(r, "fl"); cp.title = doc.title; cp.created = dtm.datetime(2026, 6, 15); cp.modified = dtm.datetime(2026, 6, 15); cp.last_modified_by = cp.author
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Times New Roman", "Segoe UI"]); st.font.size = Pt(r.choice([10, 10.5, 11]))
    sec = d.sections[0]
    tb = doc.table()
    if tb is not None and len(tb[1]) > 7:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8)
    hd = sec.header
    if letterhead:
        t = hd.add_table(rows=1, cols=2, width=Inches(6.5)); c0, c1 = t.rows[0].cells
        c0.paragraphs[0].add_run().add_picture(io.BytesIO(logo_png(o.name, 480, 120, True)), width=Inches(2.6))
        p = c1.paragraphs[0]; p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        rr = p.add_run(f"{o.street}\n{o.city}, {o.st} {o.zip}\nTel {o.phone}  Fax {o.fax}"); rr.font.size = Pt(8); rr.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        hd.paragraphs[0].text = ""
    else:
        hp = hd.paragraphs[0]; rr = hp.add_run(o.name); rr.bold = True; rr.font.size = Pt(9)
        hp.add_run("\t\t" + r.choice(["CONFIDENTIAL", "Internal", fd(r, recent(r), "mdy"), ""])).font.size = Pt(8)
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fr = fp.add_run(r.choice([f"{o.name} \u2022 ", "Confidential \u2022 ", f"Rev {r.randint(1, 12)}/2026 \u2022 ", ""]) + "Page "); fr.font.size = Pt(8)
    _field(fp, "PAGE"); fp.add_run(" of ").font.size = Pt(8); _field(fp, "NUMPAGES")
    if r.random() < 0.6: d.add_paragraph(doc.title, style=r.choice(["Title", "Heading 1", "Heading 2"]))
    ds = r.choice(["mdy", "long", "iso", "dmy3"])
    tstyle = r.choice(["Table Grid", "Light Grid Accent 1", "Medium Shading 1 Accent 1", "Light List Accent 1", "Light Shading Accent 1"])
    for b in doc.blocks:
        k = b[0]
        if k == "h": d.add_paragraph(b[1], style=r.choice(["Heading 2", "Heading 3"]))
        elif k in ("p", "sig"): d.add_paragraph(b[1])
        elif k == "small":
            rr = d.add_paragraph().add_run(b[1]); rr.font.size = Pt(7.5); rr.italic = True
        elif k == "ul":
            for x in b[1]: d.add_paragraph(x, style=r.choice(["List Bullet", "List Number"]))
        elif k == "check":
            p = d.add_paragraph()
            for a, c in b[1]: p.add_run(("\u2612 " if c else "\u2610 ") + a + "     ")
        elif k == "pre":
            p = d.add_paragraph(); rr = p.add_run(b[1]); rr.font.name = "Courier New"; rr.font.size = Pt(7.5)
        elif k == "kv":
            pairs = b[1]
            if r.random() < 0.55:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for a, v in pairs:
                    cells = t.add_row().cells; cells[0].text = a; cells[1].text = v; _shade(cells[0], "E7EEF5")
                    cells[0].paragraphs[0].runs[0].bold = True
            else:
                t = d.add_table(rows=0, cols=4); t.style = "Table Grid"
                for i in range(0, len(pairs), 2):
                    cells = t.add_row().cells
                    for j, (a, v) in enumerate(pairs[i:i + 2]):
                        cells[2 * j].text = a; cells[2 * j + 1].text = v; _shade(cells[2 * j], "F1F1F1")
            d.add_paragraph()
        elif k == "table":
            hdr, rows = b[1], b[2]
            t = d.add_table(rows=1, cols=len(hdr)); t.style = tstyle
            for i, x in enumerate(hdr): t.rows[0].cells[i].text = str(x)
            _repeat_header(t.rows[0])
            for row in rows:
                cells = t.add_row().cells
                for i, x in enumerate(row): cells[i].text = cellv(x, ds, r)
            for row in t.rows:
                for c in row.cells:
                    for p in c.paragraphs:
                        for rn in p.runs: rn.font.size = Pt(8 if len(hdr) < 8 else 7)
            d.add_paragraph()
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

def xl_book(r, doc, o, label):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook(); ws = wb.active
    wb.properties.creator = staff(r).name(r, "fl"); wb.properties.created = dtm.datetime(2026, 6, 15); wb.properties.modified = dtm.datetime(2026, 6, 15)
    hdr, rows = doc.table()[1], doc.table()[2]
    multi = r.random() < 0.3
    if multi:
        ws.title = r.choice(["Summary", "Notes", "README"])
        ws["A1"] = doc.title; ws["A1"].font = Font(bold=True, size=13)
        ws["A3"] = "Rows in detail"; ws["B3"] = len(rows); ws["A4"] = "Prepared"; ws["B4"] = recent(r); ws["B4"].number_format = "mm/dd/yyyy"
        ws["A5"] = "Prepared by"; ws["B5"] = staff(r).name(r, "fl")
        ws = wb.create_sheet(r.choice(["Detail", "Data", "Export", "Sheet2", "Worklist"]))
        if r.random() < 0.5: wb.active = 1
    else:
        ws.title = re.sub(r"[^A-Za-z0-9 ]", "", doc.title)[:30] or "Report"
    start = 1
    if r.random() < 0.45:
        ws.cell(1, 1, doc.title).font = Font(bold=True, size=12)
        ws.cell(2, 1, "Run date:"); c = ws.cell(2, 2, recent(r)); c.number_format = "m/d/yyyy"
        ws.cell(2, 4, r.choice(["CONFIDENTIAL", "Internal use", "", o.name]))
        start = 4
    fill = PatternFill("solid", fgColor=r.choice(["DDEBF7", "E2EFDA", "FCE4D6", "D9D9D9"]))
    for j, x in enumerate(hdr, 1):
        c = ws.cell(start, j, x); c.font = Font(bold=True); c.fill = fill; c.alignment = Alignment(wrap_text=True, vertical="top")
    nf = r.choice(["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yy", "m/d/yy"])
    ssn_num = r.random() < 0.5
    for i, row in enumerate(rows, start + 1):
        for j, v in enumerate(row, 1):
            hname = str(hdr[j - 1]).upper()
            if ssn_num and "SSN" in hname and isinstance(v, str) and re.fullmatch(r"\d{3}-\d{2}-\d{4}", v):
                c = ws.cell(i, j, int(v.replace("-", ""))); c.number_format = "000-00-0000"
            else:
                c = ws.cell(i, j, v)
                if isinstance(v, dtm.date): c.number_format = nf
                elif isinstance(v, float): c.number_format = "#,##0.00"
    ws.freeze_panes = ws.cell(start + 1, 1)
    if r.random() < 0.6: ws.auto_filter.ref = f"A{start}:{get_column_letter(len(hdr))}{start + len(rows)}"
    for j, x in enumerate(hdr, 1):
        ws.column_dimensions[get_column_letter(j)].width = min(42, max(9, len(str(x)) + 4, *(len(cellv(row[j - 1], "mdy", r)) + 2 for row in rows[:10])))
    ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0; ws.sheet_properties.pageSetUpPr.fitToPage = True
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

def csv_bytes(r, doc):
    hdr, rows = doc.table()[1], doc.table()[2]
    kind = r.choice(["plain", "plain", "quoted", "tab", "pipe", "preamble"])
    ds = r.choice(["mdy", "iso", "compact", "mdy1", "isotime"])
    def cv(v):
        if isinstance(v, D8): return v.isoformat() + " 00:00:00" if ds == "isotime" else fd(r, v, "iso" if ds == "isotime" else ds)
        if isinstance(v, float): return f"{v:.2f}"
        return str(v)
    s = io.StringIO(); eol = r.choice(["\r\n", "\n"])
    delim = {"tab": "\t", "pipe": "|"}.get(kind, ",")
    w = csv.writer(s, delimiter=delim, lineterminator=eol, quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL)
    if kind == "preamble":
        s.write(f"Report: {doc.title}{eol}Generated: {fd(r, recent(r), 'mdy')} {tm(r)}{eol}{eol}")
    w.writerow(hdr)
    for row in rows: w.writerow([cv(x) for x in row])
    if kind == "preamble" or r.random() < 0.15: s.write(f"{eol}Total records: {len(rows)}{eol}")
    data = s.getvalue().encode("utf-8")
    ext = {"tab": r.choice(["tsv", "txt"]), "pipe": "txt"}.get(kind, "csv")
    return ext, (b"\xef\xbb\xbf" + data if r.random() < 0.25 else data)

# ============================================================== LibreOffice batching (private profile, one soffice run per conversion kind)
LO_KINDS = {"docx2pdf": ("pdf:writer_pdf_Export", None), "html2pdf": ("pdf:writer_pdf_Export", "HTML (StarWriter)"), "xlsx2pdf": ("pdf:calc_pdf_Export", None),
            "html2docx": ("docx:MS Word 2007 XML", "HTML (StarWriter)"), "docx2docx": ("docx:MS Word 2007 XML", None), "xlsx2xlsx": ("xlsx:Calc Office Open XML", None)}

class Ctx:
    def __init__(self, tmp):
        self.tmp = tmp; self.n = 0; self.lo = {k: [] for k in LO_KINDS}
        for k in LO_KINDS: os.makedirs(os.path.join(tmp, k, "in")); os.makedirs(os.path.join(tmp, k, "out"))
    def path(self, suffix):
        self.n += 1; return os.path.join(self.tmp, f"t{self.n:04d}{suffix}")
    def lo_job(self, kind, data, inext, outext):
        self.n += 1; base = f"j{self.n:04d}"
        p = os.path.join(self.tmp, kind, "in", base + "." + inext)
        with open(p, "wb" if isinstance(data, bytes) else "w", **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f: f.write(data)
        self.lo[kind].append(p)
        return os.path.join(self.tmp, kind, "out", base + "." + outext)
    def run(self):
        prof = "file://" + os.path.join(self.tmp, "lo-profile")
        for kind, files in self.lo.items():
            if not files: continue
            conv, infilter = LO_KINDS[kind]
            args = ["soffice", f"-env:UserInstallation={prof}", "--headless", "--norestore"] + ([f"--infilter={infilter}"] if infilter else [])
            args += ["--convert-to", conv, "--outdir", os.path.join(self.tmp, kind, "out")] + files
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

class Later:
    """an attachment body that exists only after the LibreOffice batch (optionally re-distilled by ghostscript)"""
    def __init__(self, path, post=None): self.path, self.post = path, post
    def get(self, ctx):
        if self.post == "gs": return gs_pdf(self.path, ctx.path(".pdf"), "printer")
        with open(self.path, "rb") as f: data = f.read()
        return fix_zip(data) if self.path.endswith((".docx", ".xlsx")) else data

# ============================================================== mail pieces
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18025.20160", "iPhone Mail (22E252)", "Apple Mail (2.3826.400.131.1.6)", "Zimbra 10.0.7_GA",
           "Mozilla Thunderbird 128.10.1", "RightFax 16.6 Email Gateway", "Epic Hyperspace Communication Mgmt", "PHPMailer 6.9.1"]
DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information, including protected health information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message.",
    "This message may contain information that is privileged, confidential and exempt from disclosure under HIPAA and other applicable law. If you received this in error, please notify the sender and delete it.",
    "AVISO DE CONFIDENCIALIDAD: Este mensaje puede contener información médica protegida. Si usted no es el destinatario, favor de borrarlo.",
    "Please consider the environment before printing this e-mail."]
COVERS = ["Please see attached.", "Attached - let me know if you need anything else.", "Hi,\n\nAttached is what you asked for this morning.", "See attached file.",
          "Good afternoon,\n\nPlease find the attached for your review.", "Sending over the file we discussed.", "Here's the attachment. Thanks!",
          "Attached for processing.", "Please review the attached and call with questions.", "Forwarding the attachment from our scanner.",
          "Hello - the document is attached. Please confirm receipt.", "Adjunto el documento. Saludos.", "Attached is this week's file.",
          "The attached needs your signature.", "Re-attaching - the first one was corrupted.", "FYI, attached."]
GEN_SUBJ = ["Requested documents", "Document for review", "scan0042", "Weekly file", "Attachment", "Follow up", "As discussed", "Paperwork",
            "Info for tomorrow", "Report", "Please review", "Updated file", "Monday's list", "Records", "From the scanner", "Re: your request",
            "Fwd: documents", "Encrypt: file", "Documentos", "Signed copy"]

def addr_of(r, p, dom):
    loc = re.sub("[^a-z0-9.]", "", strip_acc(r.choice([f"{p.first}.{p.last}", f"{p.first[0]}{p.last}", f"{p.last}{p.first[0]}", f"{p.first}{p.last[0]}"]).lower().replace(" ", "")))
    return f"{loc}@{dom}"

def new_msg(r, subject, o=None, to=None, cc=None, sender=None):
    o = o or org(r); s = sender or staff(r)
    m = EmailMessage(policy=SMTP)
    m["From"] = formataddr((f"{s.first} {s.last}" if r.random() < 0.85 else f"{s.last}, {s.first}", addr_of(r, s, o.dom)))
    if to is None:
        t = staff(r); dom = r.choice([x.dom for x in ORGS + VENDORS if x is not o] + OUTSIDE)
        to = formataddr((f"{t.first} {t.last}", addr_of(r, t, dom))) if r.random() < 0.6 else r.choice(["referrals", "records", "billing", "intake", "pa-requests", "ap", "claims", "scheduling", "frontdesk"]) + "@" + dom
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.15:
        c = staff(r); m["Cc"] = formataddr((f"{c.first} {c.last}", addr_of(r, c, o.dom)))
    m["Subject"] = subject
    when = dtm.datetime(2026, r.randint(3, 6), r.randint(1, 28), r.randint(6, 20), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([4, 5, 6, 7, 10]))))
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{r.choice(['', 'CAF', 'SN6PR'])}{dg(r, 10)}.{r.randint(1000, 99999)}@{r.choice(['', 'mail.', 'exch01.'])}{o.dom}>"
    mailer = r.choice(MAILERS + [None, None])
    if mailer:
        m["X-Mailer"] = mailer
        if mailer.startswith("Microsoft") and r.random() < 0.7:
            m["Thread-Topic"] = re.sub(r"^(RE|FW|Fwd|Re): ", "", subject)
            m["Thread-Index"] = base64.b64encode(bytes(r.randrange(256) for _ in range(22))).decode()
    if r.random() < 0.12: m["X-Priority"] = "1 (Highest)"
    return m, s, o, when

def signature(r, s, o, label=None):
    lines = [f"{s.first} {s.last}", r.choice(DEPT), o.name, f"{o.phone}" + (f" | fax {o.fax}" if r.random() < 0.5 else "")]
    if r.random() < 0.3: lines.append(f"{o.addr()}")
    sig = "\n".join(lines)
    if r.random() < 0.35: sig += "\n\n" + r.choice(DISCLAIMERS)
    return sig

def add_text_logo(r, m, o):
    """Apple-Mail style inline picture under a text/plain signature"""
    m.add_attachment(logo_png(o.name), "image", "png", filename=r.choice(["image001.png", "logo.png", "Outlook-signature.png", "sig.png"]), disposition="inline")

def set_html(r, m, text, html, cids):
    m.set_content(text); m.add_alternative(html, subtype="html")
    if cids:
        hp = m.get_payload()[1]
        for cid, png, fn in cids: hp.add_related(png, "image", "png", cid=f"<{cid}>", filename=fn, disposition="inline")

def cover(r, m, s, o):
    txt = r.choice(COVERS)
    if r.random() < 0.7: txt += "\n\n" + signature(r, s, o)
    if r.random() < 0.35:
        cid = f"image{r.randint(1, 9):03d}.png@01DC{dg(r, 4)}.{dg(r, 8)}"
        html = ('<html><body><div style="font-family:Calibri,sans-serif;font-size:11pt">' + h(txt).replace("\n", "<br>") +
                f'<br><br><img src="cid:{cid}" width="180" height="45" alt="{h(o.name)}"></div></body></html>')
        set_html(r, m, txt, html, [(cid, logo_png(o.name), "image001.png")])
    else:
        m.set_content(txt)
        if r.random() < 0.1: add_text_logo(r, m, o)

def att_name(r, doc, ext):
    t = re.sub(r"[^A-Za-z0-9]+", "_", doc.title).strip("_")
    d = recent(r)
    return r.choice([f"{t}.{ext}", f"{t}_{d:%Y%m%d}.{ext}", f"scan_{d:%Y%m%d}_{r.randint(800, 1800):04d}.{ext}", f"{doc.cat}-{dg(r, 4)}.{ext}",
                     f"Document{r.randint(1, 9)}.{ext}", f"{t} ({r.randint(1, 4)}).{ext}", f"{t.lower()}_{d:%m%d%y}.{ext}", f"RF{dg(r, 8)}.{ext}"])

def attach_bytes(m, data, fname, zipmt="zip"):
    ext = fname.rsplit(".", 1)[-1].lower()
    mt = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
          "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"),
          "txt": ("text", "plain"), "zip": ("application", zipmt)}[ext]
    if mt[0] == "text": m.add_attachment(data, mt[0], mt[1], filename=fname, params={"charset": "utf-8"})
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

# ============================================================== carriers
STUB = ["This message contains formatted content. Please view it in an HTML-capable e-mail client.",
        "To view this message, please use an e-mail program that supports HTML.", "[This is an HTML message. Your mail client is showing the plain-text part.]"]

def build_plain(r, doc, label):
    m, s, o, _ = new_msg(r, doc.title if r.random() < 0.5 else r.choice(GEN_SUBJ))
    greet = r.choice(["", "", "Hi,\n\n", "Hello team,\n\n", "Good morning,\n\n", "Hola,\n\n"])
    m.set_content(greet + to_text(r, doc) + "\n\n" + (r.choice(["Thanks,\n", "Regards,\n", "-- \n", "Thank you\n"]) + signature(r, s, o)))
    if r.random() < 0.2: add_text_logo(r, m, o)
    return m

def build_html(r, doc, label):
    m, s, o, _ = new_msg(r, doc.title if r.random() < 0.5 else r.choice(GEN_SUBJ))
    flavor = r.choice(["outlook", "system", "gmail", "dl"]); sig = signature(r, s, o)
    cids = []; logo_cid = banner = None
    if r.random() < 0.45:
        logo_cid = f"{strip_acc(o.name.split()[0]).lower()}-logo-{dg(r, 6)}@{o.dom}"; cids.append((logo_cid, logo_png(o.name, 240, 60), "logo.png"))
    if flavor == "system" and r.random() < 0.6:
        banner = f"banner{dg(r, 5)}@{o.dom}"; cids.append((banner, logo_png(o.name, 480, 120, True), "banner.png"))
    html = to_html(r, doc, flavor, logo_cid, sig, banner)
    text = r.choice(STUB) if r.random() < 0.22 else to_text(r, doc) + "\n\n" + sig
    set_html(r, m, text, html, cids)
    return m

def inner_header_lines(r, style, a, t, when, subj, fwd=None):
    fa = f"{a.first} {a.last} <{addr_of(r, a, r.choice([x.dom for x in ORGS]))}>"
    ta = f"{t.first} {t.last} <{addr_of(r, t, r.choice([x.dom for x in ORGS]))}>"
    if style == "outlook": return f"________________________________\nFrom: {fa}\nSent: {when:%A, %B} {when.day}, {when:%Y %I:%M %p}\nTo: {ta}\nSubject: {subj}\n"
    if style == "apple": return f"Begin forwarded message:\n\nFrom: {fa}\nSubject: {subj}\nDate: {when:%B} {when.day}, {when:%Y at %I:%M:%S %p} CDT\nTo: {ta}\n"
    if style == "tbird": return f"-------- Forwarded Message --------\nSubject: \t{subj}\nDate: \t{format_datetime(when)}\nFrom: \t{fa}\nTo: \t{ta}\n"
    if style == "lotus":
        fwd = fwd or a
        return f"----- Forwarded by {fwd.first} {fwd.last}/{r.choice(['CCMC', 'TGH', 'PCHP'])} on {when:%m/%d/%Y %I:%M %p} -----\n\nFrom:\t{fa}\nTo:\t{ta}\nDate:\t{when:%m/%d/%Y %I:%M %p}\nSubject:\t{subj}\n"
    raise ValueError(style)

FWD_TOP = ["Can you take a look at the below before 3?", "See the note below - do we have this on file?", "Forwarding per our call.", "Please advise.",
           "Thoughts?", "Adding Dana for visibility.", "Not sure who handles this anymore - sending your way.", "Ver abajo, por favor.",
           "Resending - didn't go through the first time.", "Is this yours?", "Per below. Thanks!", "Any update on this one?"]

def quote(text, depth=1):
    p = ">" * depth
    return "\n".join((p + " " + l) if l else p for l in text.split("\n"))

def build_forwarded(r, doc, label):
    a, t, b = staff(r), staff(r), staff(r)
    when = dtm.datetime(2026, r.randint(3, 6), r.randint(1, 28), r.randint(7, 18), r.randint(0, 59), r.randint(0, 59))
    inner = to_text(r, doc, False); isubj = doc.title if r.random() < 0.6 else r.choice(GEN_SUBJ)
    style = r.choice(["outlook", "apple", "tbird", "lotus", "nested", "iphone", "outlook_html", "rfc822"])
    top = r.choice(FWD_TOP)
    if style == "rfc822":
        im, _, io_, _ = new_msg(r, isubj)
        if r.random() < 0.5: im.set_content(inner)
        else: set_html(r, im, inner, to_html(r, doc, r.choice(["outlook", "gmail"])), [])
        m, s, o, _ = new_msg(r, "FW: " + isubj)
        m.set_content(top + "\n\n" + signature(r, s, o)); m.add_attachment(im, filename=re.sub(r"[^A-Za-z0-9 ]", "", isubj)[:40] + ".eml")
        return m
    prefix = {"outlook": "FW: ", "apple": "Fwd: ", "tbird": "Fwd: ", "lotus": "Fw: ", "nested": "RE: RE: ", "iphone": "Re: ", "outlook_html": "FW: "}[style]
    m, s, o, _ = new_msg(r, prefix + isubj)
    if style in ("outlook", "apple", "tbird", "lotus"):
        body = top + "\n\n" + s.first + "\n\n" + inner_header_lines(r, style, a, t, when, isubj, s) + "\n" + inner
        m.set_content(body)
        if r.random() < 0.15: add_text_logo(r, m, o)
    elif style == "nested":
        w2 = when + dtm.timedelta(hours=r.randint(1, 30))
        mid = r.choice(["Checking with the team and will get back to you.", "Do you have the auth number for this?", "Got it - who should I send this to?", "Can you resend? The fax was illegible."])
        body = (top + "\n\n" + s.first + "\n\n" + f"On {w2:%a, %b} {w2.day}, {w2:%Y at %I:%M %p} {b.first} {b.last} <{addr_of(r, b, o.dom)}> wrote:\n"
                + quote(mid + "\n\n" + b.first + "\n\n" + f"On {when:%a, %b} {when.day}, {when:%Y at %I:%M %p} {a.first} {a.last} <{addr_of(r, a, r.choice(ORGS).dom)}> wrote:\n" + quote(inner)))
        m.set_content(body)
    elif style == "iphone":
        m.set_content(r.choice(["Got it, thanks.", "Will do.", "Ok - calling them now.", "Received."]) + "\n\nSent from my iPhone\n\n"
                      + f"> On {when:%b} {when.day}, {when:%Y, at %I:%M %p}, {a.first} {a.last} <{addr_of(r, a, r.choice(ORGS).dom)}> wrote:\n>\n" + quote(inner))
    else:  # outlook_html
        ih = to_html(r, doc, "outlook")
        ib = re.search(r'<div class="WordSection1">(.*)</div></body>', ih, re.S).group(1)
        hdr = (f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal"><b>From:</b> {h(a.first + " " + a.last)} &lt;{addr_of(r, a, r.choice(ORGS).dom)}&gt;<br>'
               f'<b>Sent:</b> {when:%A, %B} {when.day}, {when:%Y %I:%M %p}<br><b>To:</b> {h(t.first + " " + t.last)}<br><b>Subject:</b> {h(isubj)}</p></div>')
        html = (f'<html><head><meta charset="utf-8"></head><body><div class="WordSection1"><p class="MsoNormal">{h(top)}<o:p></o:p></p><p class="MsoNormal">{h(s.first)}</p>'
                f'<p class="MsoNormal">&nbsp;</p>{hdr}{ib}</div></body></html>')
        text = top + "\n\n" + s.first + "\n\n" + inner_header_lines(r, "outlook", a, t, when, isubj) + "\n" + inner
        cids = [(f"image001.png@01DC{dg(r, 4)}.{dg(r, 8)}", logo_png(o.name), "image001.png")] if r.random() < 0.3 else []
        if cids: html = html.replace("</div></body>", f'<p><img src="cid:{cids[0][0]}" width="180" height="45"></p></div></body>')
        set_html(r, m, text, html, cids)
    return m

def build_attachment(r, ctx, carrier, doc, label, o):
    """returns (filename, bytes | Later)"""
    if carrier == "pdf-reportlab":
        return att_name(r, doc, "pdf"), (rl_flow if r.random() < 0.55 else rl_form)(r, doc, o, r.random() < 0.35)
    if carrier == "pdf-fpdf2":
        return att_name(r, doc, "pdf"), fp_doc(r, doc, o, r.random() < 0.55)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.4:
            p = ctx.path(".ps")
            with open(p, "w", encoding="latin-1") as f: f.write(ps_form(r, doc, o))
            return att_name(r, doc, "pdf"), gs_pdf(p, ctx.path(".pdf"), r.choice(["default", "printer", "ebook"]))
        if x < 0.75:
            p = ctx.path(".pdf")
            with open(p, "wb") as f: f.write(rl_form(r, doc, o) if r.random() < 0.5 else fp_doc(r, doc, o, True))
            return att_name(r, doc, "pdf"), gs_pdf(p, ctx.path(".pdf"), r.choice(["printer", "prepress", "ebook"]))
        return att_name(r, doc, "pdf"), Later(ctx.lo_job("docx2pdf", dx_doc(r, doc, o, r.random() < 0.5), "docx", "pdf"), "gs")
    if carrier == "pdf-libreoffice":
        x = r.random()
        if doc.listlike() and x < 0.25 and len(doc.table()[2]) <= 30:
            return att_name(r, doc, "pdf"), Later(ctx.lo_job("xlsx2pdf", xl_book(r, doc, o, label), "xlsx", "pdf"))
        if x < 0.65: return att_name(r, doc, "pdf"), Later(ctx.lo_job("docx2pdf", dx_doc(r, doc, o, r.random() < 0.45), "docx", "pdf"))
        return att_name(r, doc, "pdf"), Later(ctx.lo_job("html2pdf", to_html(r, doc, r.choice(["dl", "outlook", "gmail"])), "html", "pdf"))
    if carrier == "docx":
        x = r.random()
        if x < 0.55: return att_name(r, doc, "docx"), dx_doc(r, doc, o, r.random() < 0.45)
        if x < 0.8: return att_name(r, doc, "docx"), Later(ctx.lo_job("html2docx", to_html(r, doc, r.choice(["dl", "outlook"])), "html", "docx"))
        return att_name(r, doc, "docx"), Later(ctx.lo_job("docx2docx", dx_doc(r, doc, o, r.random() < 0.5), "docx", "docx"))
    if carrier == "xlsx":
        x = xl_book(r, doc, o, label)
        if r.random() < 0.45: return att_name(r, doc, "xlsx"), Later(ctx.lo_job("xlsx2xlsx", x, "xlsx", "xlsx"))
        return att_name(r, doc, "xlsx"), x
    if carrier == "csv":
        ext, data = csv_bytes(r, doc)
        return att_name(r, doc, ext), data
    if carrier == "zip":
        kinds = ["pdf-rl", "pdf-fp", "docx"] + (["xlsx", "xlsx", "csv"] if doc.listlike() else [])
        k = r.choice(kinds)
        if k == "pdf-rl": iname, data = att_name(r, doc, "pdf"), rl_flow(r, doc, o, r.random() < 0.4)
        elif k == "pdf-fp": iname, data = att_name(r, doc, "pdf"), fp_doc(r, doc, o, r.random() < 0.5)
        elif k == "docx": iname, data = att_name(r, doc, "docx"), dx_doc(r, doc, o, r.random() < 0.4)
        elif k == "xlsx": iname, data = att_name(r, doc, "xlsx"), xl_book(r, doc, o, label)
        else:
            ext, data = csv_bytes(r, doc); iname = att_name(r, doc, ext)
        if r.random() < 0.35: iname = r.choice(["export/", "Reports/", f"{recent(r):%Y-%m}/", "out/data/"]) + iname
        members = [(iname, data)]
        if r.random() < 0.25:
            members.append(("README.txt", f"Generated by {r.choice(['ReportServer 4.2', 'Crystal Reports 2020', 'Clarity extract job #' + dg(r, 4)])} on {fd(r, recent(r), 'mdy')}.\r\nContact {o.phone} with questions.\r\n".encode()))
            if r.random() < 0.5: members.reverse()
        return r.choice(["files", "export", "documents", "batch", "records", "archive"]) + f"_{recent(r):%Y%m%d}.zip", make_zip(members)
    raise ValueError(carrier)

# ---- header carrier
HDR_BODY = ["Please call me when you get a chance.", "See the portal message for details.", "Can you take care of this today?", "Left you a voicemail as well.",
            "Per our conversation this morning.", "Gracias, le llamo mañana.", "Please confirm you received this.", "Following up - any update?",
            "Hi, please call our office at your convenience.", "Let me know if you need anything else from us."]

def hdr_phi(r):
    p = Person(r); dx = r.choice(DX); o = org(r); v = r.randrange(15)
    subj, to, cc, xh = None, None, None, {}
    topic = r.choice(["lab results", "prior auth denied", "CT result", "admit tonight?", "referral", "discharge f/u", "path report", "med list"])
    if v == 0: subj = f"[SECURE] {p.name(r, r.choice(['lf', 'LFM', 'lfm']))} DOB {fd(r, p.dob, r.choice(['mdy', 'mdy1', 'iso']))} - {topic}"
    elif v == 1: subj = f"Pt {p.last} MRN {p.mrn} - {r.choice(['K 6.4 repeat?', 'positive blood cx', 'INR 5.8', 'needs dialysis today', 'biopsy: adenocarcinoma'])}"
    elif v == 2: to = formataddr((f"{p.name(r, 'lf')} (MRN {p.mrn})", "records@" + r.choice(ORGS).dom)); subj = r.choice(["Records", "Chart copy", "Scanning"])
    elif v == 3: to = formataddr((p.name(r, "fl"), p.email)); subj = r.choice(["Your colonoscopy prep instructions", "Your biopsy results are ready", "Your HIV test results", "Follow-up on your pregnancy test", "Your methadone dosing schedule"])
    elif v == 4: cc = formataddr((f"{p.name(r, 'fl')} - {r.choice(['dialysis pt', 'hospice admit', 'chemo pt', 'psych hold'])}", "coordination@" + o.dom)); subj = r.choice(["Transport", "Tomorrow", "Update"])
    elif v == 5: xh = {"X-Scan-Document": f"{strip_acc(p.last).upper()}_{strip_acc(p.first).upper()}_{p.dob:%Y%m%d}_{r.choice(['MRI_LSPINE', 'PATH', 'OPNOTE', 'HP'])}.pdf", "X-Scan-Pages": str(r.randint(1, 12))}; subj = "Scanned document"
    elif v == 6: xh = {"X-EHR-Context": f"MRN={p.mrn};PT={strip_acc(p.last).upper()},{strip_acc(p.first).upper()};ENC={csn(r)};DX={dx[0]}"}; subj = "Message from your care team"
    elif v == 7: xh = {"Thread-Topic": f"Appeal - {p.name(r, 'lf')} - claim {claimno(r)} - denied {r.choice(['MRI', 'infusion', 'inpatient stay', 'CGM'])}", "Thread-Index": base64.b64encode(bytes(r.randrange(256) for _ in range(22))).decode()}; subj = "Appeal"
    elif v == 8: xh = {"Keywords": f"{p.name(r, 'lf')}; {p.mem}; {dx[0]} {dx[1]}"}; subj = r.choice(["Case review", "For tumor board", "Notes"])
    elif v == 9: subj = f"Resultados de laboratorio - {Person(r, hisp=True).name(r, 'fl')} - fecha de nac. {fd_es(r, p.dob)}"
    elif v == 10: xh = {"X-Original-Subject": f"Referral {p.name(r, 'fl')} DOB {fd(r, p.dob, 'mdy')} - {dx[1]}"}; subj = "Secure message"
    elif v == 11: subj = f"Medicare eligibility {mbi_fmt(r, p.mbi)} - {p.name(r, 'lf')} - {r.choice(['ESRD', 'hospice', 'SNF days'])}"
    elif v == 12: xh = {"Comments": f"Patient {p.name(r, 'fl')} SSN {p.ssn} - charity care application"}; subj = "Application"
    elif v == 13: xh = {"X-Patient-Name": p.name(r, "LFM"), "X-Patient-DOB": p.dob.strftime("%Y%m%d"), "X-Order": r.choice(["CT ABD/PELVIS W CONTRAST", "MRI BRAIN W/WO", "US OB >14 WKS"])}; subj = "Order status"
    else: subj = f"FW: {p.name(r, 'fl')} ({p.age}{p.sex}) - {dx[1].lower()} - bed request"
    return subj, to, cc, xh

def hdr_clean(r):
    s = staff(r); v = r.randrange(13); subj, to, cc, xh = None, None, None, {}
    if v == 0: to = formataddr((f"{s.name(r, 'lf')} ({r.choice(['Finance', 'Payroll', 'HR', 'Facilities'])}) ext {dg(r, 4)}", addr_of(r, s, r.choice(ORGS).dom))); subj = r.choice(["Budget question", "Quick favor", "Friday"])
    elif v == 1: subj = f"{s.name(r, 'fl')} retirement party - {fd(r, future(r), r.choice(['mdy1', 'abbr']))}"
    elif v == 2: xh = {"X-Ticket": f"INC{dg(r, 7)} - {s.name(r, 'lf')} - {r.choice(['laptop replacement', 'password reset', 'printer jam', 'VPN token'])}"}; subj = "Ticket updated"
    elif v == 3: xh = {"Thread-Topic": f"FY27 capital budget - {s.last}", "Thread-Index": base64.b64encode(bytes(r.randrange(256) for _ in range(22))).decode()}; subj = "FY27 capital budget"
    elif v == 4: subj = f"Invoice {dg(r, 6)} / PO {dg(r, 8)} - {r.choice(VENDORS).name}"
    elif v == 5: xh = {"X-Employee-ID": f"E{dg(r, 6)}"}; subj = f"Timesheet approval for {s.name(r, 'fl')}"
    elif v == 6: subj = f"Interview schedule: {s.name(r, 'fl')} (candidate) - {fd(r, future(r), 'abbr')}"
    elif v == 7: xh = {"Keywords": f"{s.name(r, 'lf')}; onboarding; badge {dg(r, 6)}"}; subj = "New hire"
    elif v == 8: subj = f"Reunión con {Person(r, 25, 60, hisp=True).name(r, 'fl')} - {fd_es(r, future(r))}"
    elif v == 9: cc = formataddr((f"{s.name(r, 'lf')} (Payroll) - employee #E{dg(r, 6)}", addr_of(r, s, r.choice(ORGS).dom))); subj = "Direct deposit form"
    elif v == 10: subj = f"Dr. {s.first} {s.last} - travel reimbursement - {fd(r, recent(r), 'mdy')}"
    elif v == 11: xh = {"X-Original-Subject": f"Lunch order for {s.first}'s farewell - {fd(r, future(r), 'abbr')}"}; subj = "Lunch"
    else: subj = f"Order {dg(r, 7)} shipped - tracking 1Z{''.join(r.choice('0123456789ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(16))}"
    return subj, to, cc, xh

def build_header(r, label):
    subj, to, cc, xh = hdr_phi(r) if label == "phi" else hdr_clean(r)
    m, s, o, _ = new_msg(r, subj, to=to, cc=cc)
    for k, v in xh.items():
        if k in m: del m[k]
        m[k] = v
    body = r.choice(HDR_BODY) if (label == "phi" or r.random() < 0.5) else r.choice(["See you there!", "Approved.", "Thanks for the quick turnaround.", "Confirmed for 10 am.", "Can you send the updated version?"])
    body += "\n\n" + signature(r, s, o)
    if r.random() < 0.3:
        cid = f"image001.png@01DC{dg(r, 4)}.{dg(r, 8)}"
        set_html(r, m, body, '<html><body><p style="font-family:Calibri">' + h(body).replace("\n", "<br>") + f'</p><img src="cid:{cid}" width="180" height="45"></body></html>', [(cid, logo_png(o.name), "image001.png")])
    else:
        m.set_content(body)
    return m, "header-phi" if label == "phi" else "header-clean"

# ============================================================== main
CARRIERS = ["plain", "html", "pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19
ATTACH = {"pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip"}

def cycler(r, lst):
    pool = []
    def nxt():
        if not pool:
            pool.extend(lst); r.shuffle(pool)
        return pool.pop()
    return nxt

def pick(r, cyc, carrier, label):
    L_ = "phi" if label == "phi" else "cln"
    if carrier in ("xlsx", "csv"): return cyc[L_ + "_tab"]()
    x = r.random()
    if carrier in ("plain", "forwarded"): return cyc[L_ + ("_raw" if x < 0.3 else "_doc")]()
    if carrier == "html": return cyc[L_ + ("_raw" if x < 0.1 else "_tab" if x < 0.25 else "_doc")]()
    if carrier == "zip": return cyc[L_ + ("_tab" if x < 0.45 else "_doc")]()
    return cyc[L_ + ("_tab" if x < 0.25 else "_doc")]()

def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"----=_b2_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:28])
    data = m.as_bytes(policy=SMTP)
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data

def main():
    t0 = dtm.datetime.now()
    for f in os.listdir(HERE):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(HERE, f))
    specs = [(c, l) for c in CARRIERS for l in ("phi", "clean") for _ in range(PER_LABEL)]
    R.shuffle(specs)
    cyc = {"phi_doc": cycler(R, PHI_DOCS), "phi_raw": cycler(R, PHI_RAW), "phi_tab": cycler(R, PHI_TABLES),
           "cln_doc": cycler(R, CLEAN_DOCS), "cln_raw": cycler(R, CLEAN_RAW), "cln_tab": cycler(R, CLEAN_TABLES)}
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b2-")
    ctx = Ctx(tmp); built = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m, cat = build_header(R, label); built.append((fname, label, carrier, cat, m, None)); continue
            doc = pick(R, cyc, carrier, label)(R)
            if carrier == "plain": m = build_plain(R, doc, label)
            elif carrier == "html": m = build_html(R, doc, label)
            elif carrier == "forwarded": m = build_forwarded(R, doc, label)
            else:
                subj = R.choice(GEN_SUBJ) if R.random() < 0.6 else doc.title
                m, s, o, _ = new_msg(R, subj)
                cover(R, m, s, o)
                an, data = build_attachment(R, ctx, carrier, doc, label, org(R) if R.random() < 0.3 else o)
                built.append((fname, label, carrier, doc.cat, m, (an, data, R.random() < 0.2))); continue
            built.append((fname, label, carrier, doc.cat, m, None))
        ctx.run()
        rows = []
        for fname, label, carrier, cat, m, att in built:
            if att:
                an, data, xzip = att
                if isinstance(data, Later): data = data.get(ctx)
                attach_bytes(m, data, an, "x-zip-compressed" if xzip else "zip")
            with open(os.path.join(HERE, fname), "wb") as f: f.write(finish(fname, m))
            rows.append((fname, label, carrier, cat, split_of(fname)))
        # manifest: keep every non-b2 row as it is, drop old b2 rows, append ours
        mp = os.path.join(HERE, "manifest.tsv")
        keep = []
        if os.path.exists(mp):
            with open(mp, encoding="utf-8") as f: keep = [ln for ln in f.read().split("\n") if ln and not ln.startswith(PREFIX)]
        if not keep: keep = ["file\tlabel\tcarrier\tcategory\tsplit"]
        with open(mp, "w", newline="\n", encoding="utf-8") as f:
            f.write("\n".join(keep) + "\n")
            for row in rows: f.write("\t".join(row) + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(rows)} batch-2 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
