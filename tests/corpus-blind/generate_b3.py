#!/usr/bin/python3
"""Blind DLP test corpus, batch 3: writes b3-0001.eml ... b3-0456.eml and appends their rows to manifest.tsv.

A third hand, same BRIEF.md.  Batches 1 and 2 (generate.py, generate_b2.py and their .eml files) were read
only to learn what they already do, so that this batch could do other things: other document kinds,
phrasings, label vocabulary, layouts (labels above values, ALL-CAPS line-printer reports, markdown and
box-drawing tables, label-free prose), name shapes (nicknames, hyphenated and apostrophe surnames,
particles, suffixes), date and identifier shapes, and other mail shapes (scanner/fax-server mail,
Yahoo/Outlook-for-Mac forwards, nested zips, Reply-To/Comments/From-display-name headers).
Only producer plumbing is imported from generate.py (OOXML zip timestamps, zip writing, split rule,
latin-1 folding, SMTP policy) - none of its content.

    /usr/bin/python3 generate_b3.py   # removes old b3-*.eml and b3 manifest rows, then writes/appends them

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries from the file name.
"""
import base64, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata, zipfile
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from xml.sax.saxutils import escape as xesc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, SMTP   # producer plumbing only (no content)

SEED = 20261130
R = random.Random(SEED)
PREFIX = "b3-"
FONT = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
TODAY = D(2026, 11, 16)

# ============================================================== people, places, organisations
FF = ["Darlene", "Roxanne", "Tammy", "Bernadette", "Imani", "Destiny", "Kaitlyn", "Mackenzie", "Harper", "Aaliyah", "Thao", "Mai", "Pa Nhia",
      "Fatuma", "Hodan", "Siobhan", "Agnieszka", "Katarzyna", "Eleni", "Despina", "Leilani", "Noelani", "Winona", "Shoshana", "Ngozi",
      "Renata", "Marisela", "Perla", "Zoila", "Dolores", "Bettye", "Opal", "LaToya", "Precious", "Magdalena", "Chloé", "Anaïs", "Søren", "Ilse"]
FM = ["Bobby", "Dwayne", "Cletus", "Earl", "Tre", "Jaylen", "Kendrick", "Colton", "Hunter", "Bao", "Vang", "Tou", "Abdirahman", "Mohamed",
      "Padraig", "Cormac", "Tomasz", "Grzegorz", "Konstantinos", "Spiros", "Kealoha", "Makoa", "Delbert", "Elijah", "Obinna", "Chukwuemeka",
      "Reynaldo", "Ezequiel", "Baltazar", "Wendell", "Virgil", "Otis", "Thaddeus", "Ignacio", "Jürgen", "Benoît", "Raúl", "Yitzchak"]
NICK = {"Robert": "Bobby", "William": "Billy", "Elizabeth": "Betsy", "Margaret": "Peggy", "Richard": "Dick", "Katherine": "Kitty",
        "Theodore": "Ted", "Patricia": "Trish", "Francisco": "Paco", "José": "Pepe", "Dolores": "Lola", "Guadalupe": "Lupe", "Alexander": "Sasha"}
FORMAL = list(NICK)
LL = ["Kowalczyk", "Wisniewski", "O'Shaughnessy", "O'Neill", "McAllister", "MacLeod", "D'Angelo", "DiMarco", "St. Clair", "Papadopoulos",
      "Karagiannis", "Yang", "Xiong", "Vue", "Lor", "Nguyen-Tran", "Pham", "Abdi", "Warsame", "Okafor", "Oyelaran", "Adeyemi", "Kealamakia",
      "Kahananui", "Begay", "Yazzie", "Tsosie", "Lindqvist", "Haugen", "Brooks-Whitfield", "Fairweather", "Pettigrew", "Hollingsworth",
      "Blankenship", "Goins", "Mullins", "Rosenbaum", "Feldstein", "Castellanos", "Barrientos", "Arredondo", "Sepúlveda", "Müller", "Østergaard",
      "Ben-David", "al-Hassan", "Le Blanc", "Du Pré", "La Fleur", "de los Santos", "De la Garza", "van Wyk", "Van Ness", "von Trapp", "dos Reis"]
SUF = ["Jr", "Jr.", "Sr.", "II", "III", "IV", "2nd"]
HF = ["María Fernanda", "Ana Lucía", "Yadira", "Xiomara", "Guadalupe", "Dolores", "Rocío", "Anahí", "Marisela", "Graciela", "Nohemí"]
HM = ["José Luis", "Juan Pablo", "Ezequiel", "Baltazar", "Reynaldo", "Ignacio", "Raúl", "Teodoro", "Abundio", "Efrén", "Nicolás"]
HL = ["Castellanos", "Barrientos", "Arredondo", "Sepúlveda", "Villarreal", "Montoya", "Ibarra", "Quiñones", "Saldaña", "Peña", "Treviño", "Córdova"]
PLACES = [("Missoula", "MT", "598", "406"), ("Macon", "GA", "312", "478"), ("Salina", "KS", "674", "785"), ("Norfolk", "VA", "235", "757"),
          ("Las Cruces", "NM", "880", "575"), ("Marquette", "MI", "498", "906"), ("Medford", "OR", "975", "541"), ("Woonsocket", "RI", "028", "401"),
          ("Lexington", "KY", "405", "859"), ("Greensboro", "NC", "274", "336"), ("Kearney", "NE", "688", "308"), ("Lafayette", "LA", "705", "337"),
          ("Murfreesboro", "TN", "371", "615"), ("Nashua", "NH", "030", "603"), ("Hilo", "HI", "967", "808"), ("Gallup", "NM", "873", "505"),
          ("St. Cloud", "MN", "563", "320"), ("Duluth", "MN", "558", "218"), ("Laredo", "TX", "780", "956"), ("Hmong Village", "WI", "547", "715")]
ROADS = ["Old Mill Rd", "Tamarack Dr", "Frontage Rd W", "Bluebonnet Trl", "Rural Route 2 Box 118", "Kamehameha Ave", "Orchard Hill Ln",
         "E Magnolia St", "Apt 3B, 412 Riverside Dr", "Piñon Ct", "Lot 17 Shady Acres MHP", "W Broadway Apt 204", "Harbor View Ter", "Cty Hwy K",
         "S Main St Trlr 9", "Birchwood Cir", "Calle Sol", "Mt. Pleasant Ave", "Lakeshore Blvd N", "Commonwealth Ave #6"]
MAILDOM = ["gmail.com", "yahoo.com", "aol.com", "outlook.com", "icloud.com", "charter.net", "bellsouth.net", "msn.com", "me.com"]


def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def strip_acc(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

def luhn_npi(body9):
    s = "80840" + body9; tot = 0
    for i, ch in enumerate(reversed(s)):
        d_ = int(ch)
        if i % 2 == 0:
            d_ *= 2
            if d_ > 9: d_ -= 9
        tot += d_
    return body9 + str((10 - tot % 10) % 10)
def npi(r): return luhn_npi(r.choice("12") + dg(r, 8))

BAD = {"123-45-6789", "078-05-1120", "219-09-9999", "457-55-5462"}
def ssn_raw(r):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        v = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if v not in BAD: return v
def ssn_fmt(r, v):
    return r.choice([v, v, v, v.replace("-", ""), v.replace("-", " "), "xxx-xx-" + v[-4:]])

MB_A = "ACDEFGHJKMNPQRTUVWXY"; MB_N = "0123456789"
def mbi(r):
    while True:
        c = [r.choice("123456789"), r.choice(MB_A), r.choice(MB_A + MB_N), r.choice(MB_N), r.choice(MB_A), r.choice(MB_A + MB_N),
             r.choice(MB_N), r.choice(MB_A), r.choice(MB_A), r.choice(MB_N), r.choice(MB_N)]
        v = "".join(c)
        if v != "1EG4TE5MK73": return v
def mbi_fmt(r, v): return r.choice([v, v, f"{v[:4]}-{v[4:7]}-{v[7:]}", f"{v[:4]} {v[4:7]} {v[7:]}"])

def ndc(r):
    return r.choice([lambda: f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", lambda: f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", lambda: f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}",
                     lambda: dg(r, 11)])()
def mrn_(r): return r.choice([lambda: "E" + dg(r, 10), lambda: "00" + dg(r, 6), lambda: f"MR-{dg(r, 3)}-{dg(r, 2)}-{dg(r, 3)}", lambda: dg(r, 7),
                              lambda: "K" + dg(r, 7), lambda: f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}", lambda: "BVR" + dg(r, 6)])()
def member_(r): return r.choice([lambda: "XQW" + dg(r, 9), lambda: f"ZGP {dg(r, 4)} {dg(r, 4)} {dg(r, 2)}", lambda: f"W{dg(r, 4)}-{dg(r, 4)}",
                                 lambda: "SMH" + dg(r, 8) + "-0" + r.choice("1234"), lambda: dg(r, 9) + r.choice("ABC"), lambda: "U" + dg(r, 8) + "01",
                                 lambda: "BTM" + dg(r, 10)])()
def medicaid_(r): return r.choice([dg(r, 9), dg(r, 10), "LA" + dg(r, 8), dg(r, 8) + "T"])
def acct_(r): return r.choice([lambda: "G" + dg(r, 8), lambda: dg(r, 3) + "-" + dg(r, 6), lambda: "PFS" + dg(r, 7), lambda: dg(r, 11)])()
def claim_(r): return r.choice([lambda: f"{dg(r, 2)}-{D(2026, 1, 1).year}-{dg(r, 3)}-{dg(r, 5)}", lambda: "ICN " + dg(r, 13),
                                lambda: "C" + dg(r, 10), lambda: f"{dg(r, 5)}{r.choice('ABCDEFGH')}{dg(r, 6)}"])()
def enc_(r): return r.choice(["", "V"]) + dg(r, 9)
def auth_(r): return r.choice([lambda: f"PA-2026-{dg(r, 4)}-{dg(r, 4)}", lambda: "UM" + dg(r, 9), lambda: f"REF#{dg(r, 8)}", lambda: dg(r, 12)])()
def rx_(r): return f"{dg(r, 7)}-{r.randint(0, 11):02d}" if r.random() < 0.5 else dg(r, 7)
def accn(r): return r.choice([f"{r.choice(['S', 'CH', 'M', 'H'])}26-{r.randint(100, 99999):05d}", f"{dg(r, 2)}{r.choice('ABCDEFG')}{dg(r, 7)}", "A" + dg(r, 9)])

def phone_fmt(r, area):
    x, y = r.randint(201, 989), dg(r, 4)
    while x == 555: x = r.randint(201, 989)
    return r.choice([f"({area}) {x}-{y}", f"{area}-{x}-{y}", f"{area}.{x}.{y}", f"{area}/{x}-{y}", f"1-{area}-{x}-{y}", f"{area} {x} {y}"])

MO = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MA = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DS = ["mdy", "mdy2", "mdyd", "mdyd2", "iso", "ap", "full", "dmyC", "hl7c", "excel", "dow", "compact", "slash_ymd", "mdy_nopad"]
def fd(r, d, s=None):
    s = s or r.choice(DS)
    return {"mdy": f"{d:%m/%d/%Y}", "mdy2": f"{d.month}/{d.day}/{d:%y}", "mdyd": f"{d.month}-{d.day}-{d.year}", "mdyd2": f"{d:%m-%d-%y}",
            "iso": d.isoformat(), "ap": f"{MA[d.month - 1]} {d.day}, {d.year}", "full": f"{MO[d.month - 1]} {d.day}, {d.year}",
            "dmyC": f"{d.day:02d}-{MO[d.month - 1][:3].upper()}-{d.year}", "hl7c": f"{d.day:02d}{MO[d.month - 1][:3].upper()}{d:%y}",
            "excel": f"{d.month}/{d.day}/{d.year} 12:00:00 AM", "dow": f"{DOW[d.weekday()]} {d:%m/%d/%Y}", "compact": f"{d:%Y%m%d}",
            "slash_ymd": f"{d:%Y/%m/%d}", "mdy_nopad": f"{d.month}/{d.day}/{d.year}"}[s]
def fd_es(r, d): return r.choice([f"{d.day} de {MES[d.month - 1]} de {d.year}", f"{d:%d/%m/%Y}", f"{d.day}/{MES[d.month - 1][:3]}/{d.year}"])
def rday(r, a, b): return a + dtm.timedelta(days=r.randint(0, (b - a).days))
def past(r): return rday(r, D(2026, 6, 1), D(2026, 11, 13))
def soon(r): return rday(r, D(2026, 11, 17), D(2027, 2, 26))
def tm(r):
    h, m = r.randint(7, 17), r.choice([0, 15, 30, 45, 10, 20, 40])
    return r.choice([f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}", f"{h:02d}{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d}{'a' if h < 12 else 'p'}"])


class Person:
    def __init__(self, r, lo=0, hi=95, hisp=False):
        self.sex = r.choice("FM")
        if hisp: self.first = r.choice(HF if self.sex == "F" else HM); self.last = r.choice(HL) + (" " + r.choice(HL) if r.random() < 0.4 else "")
        else:
            x = r.random()
            if x < 0.18: self.first = r.choice(FORMAL); self.sex = "F" if self.first in ("Elizabeth", "Margaret", "Katherine", "Patricia", "Dolores", "Guadalupe") else "M"
            else: self.first = r.choice(FF if self.sex == "F" else FM)
            self.last = r.choice(LL)
            plain_ = [x for x in LL if " " not in x and "-" not in x and x[0].isupper() and x != self.last]
            if r.random() < 0.07 and " " not in self.last and "-" not in self.last: self.last = self.last + "-" + r.choice(plain_)
        self.nick = NICK.get(self.first)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.6 else ""
        self.suf = r.choice(SUF) if self.sex == "M" and r.random() < 0.12 else ""
        self.dob = rday(r, TODAY - dtm.timedelta(days=365 * hi), TODAY - dtm.timedelta(days=365 * lo + 30))
        self.age = (TODAY - self.dob).days // 365
        pl = r.choice(PLACES); self.city, self.st, z3, self.area = pl
        self.zip = z3 + dg(r, 2); self.street = f"{r.randint(2, 9899)} {r.choice(ROADS)}"
        self.phone = phone_fmt(r, self.area)
        self.email = re.sub(r"[^a-z0-9._]", "", strip_acc(r.choice([f"{self.first}.{self.last}", f"{self.first[0]}{self.last}{r.randint(1, 99)}",
                                                                         f"{self.last}{self.first}{self.dob:%y}", f"{self.first}{self.dob.year}"]).lower())) + "@" + r.choice(MAILDOM)
        self.mrn = mrn_(r); self.mem = member_(r); self.ssn = ssn_raw(r); self.mbi = mbi(r); self.mcd = medicaid_(r); self.acct = acct_(r)
    def name(self, r, style=None):
        s = style or r.choice(["fl", "fl", "lf", "lfm", "LF", "flm", "nick", "LFM", "suf"])
        f, l = self.first, self.last; mi = self.mi
        suf = (" " + self.suf) if self.suf else ""
        if s == "fl": return f"{f} {l}{suf}"
        if s == "flm": return f"{f} {mi + '. ' if mi else ''}{l}{suf}"
        if s == "lf": return f"{l}{suf}, {f}"
        if s == "lfm": return f"{l}{suf}, {f} {mi}".rstrip()
        if s == "LF": return f"{l.upper()}{suf.upper()}, {f.upper()}"
        if s == "LFM": return f"{l.upper()}{suf.upper()},{f.upper()} {mi}".rstrip()
        if s == "nick": return f'{f} "{self.nick}" {l}{suf}' if self.nick else f"{f} {l}{suf}"
        if s == "nickp": return f"{f} ({self.nick}) {l}" if self.nick else f"{f} {l}"
        if s == "suf": return f"{f} {l}{suf}"
        if s == "hl7": return f"{strip_acc(l).upper()}^{strip_acc(f).upper()}^{mi}"
        if s == "init": return f"{f[0]}. {l}"
        if s == "first": return self.nick if (self.nick and r.random() < 0.5) else f
        return f"{f} {l}"
    def addr(self): return f"{self.street}, {self.city}, {self.st} {self.zip}"
    def title(self): return "Mr." if self.sex == "M" else r_choice_ms(self)
def r_choice_ms(p): return "Ms." if hash(p.last) % 3 else "Mrs."


class Org:
    def __init__(self, name, short, dom, kind, pl):
        self.name, self.short, self.dom, self.kind = name, short, dom, kind
        self.city, self.st, z3, self.area = pl
        hv = int(hashlib.sha256(name.encode()).hexdigest(), 16); rr = random.Random(hv)
        self.zip = z3 + dg(rr, 2); self.street = f"{rr.randint(100, 4999)} {rr.choice(['Medical Pkwy', 'Hospital Dr', 'Commerce St', 'Health Way', 'Clinic Rd', 'Corporate Blvd'])}"
        self.phone = phone_fmt(rr, self.area); self.fax = phone_fmt(rr, self.area); self.npi = npi(rr)
        self.tin = f"{rr.choice(['81', '58', '48', '54', '61', '72', '62', '56', '47', '02'])}-{dg(rr, 7)}"
    def addr(self): return f"{self.street}, {self.city}, {self.st} {self.zip}"

def _pl(city): return [p for p in PLACES if p[0] == city][0]
ORGS = [Org(*x) for x in [
    ("Bitterroot Valley Regional Hospital", "BVRH", "bvrh.org", "hospital", _pl("Missoula")),
    ("Chattahoochee Family Medicine", "CFM", "chattfm.com", "clinic", _pl("Macon")),
    ("Prairie Lantern Pediatrics", "PLP", "prairielanternpeds.com", "clinic", _pl("Salina")),
    ("Tidewater Heart & Vascular Associates", "THVA", "tidewaterhv.com", "clinic", _pl("Norfolk")),
    ("Mesa Blanca Community Health Center", "MBCHC", "mesablancachc.org", "fqhc", _pl("Las Cruces")),
    ("Keweenaw Imaging Partners", "KIP", "keweenawimaging.com", "imaging", _pl("Marquette")),
    ("Alder Creek Reference Laboratory", "ACRL", "aldercreeklab.com", "lab", _pl("Medford")),
    ("Harborlight Behavioral Health", "HBH", "harborlightbh.org", "bh", _pl("Woonsocket")),
    ("St. Bartholomew Medical Center", "SBMC", "stbartsmc.org", "hospital", _pl("Lexington")),
    ("Piedmont Crest Oncology & Infusion", "PCO", "piedmontcrestonc.com", "clinic", _pl("Greensboro")),
    ("Blue Ridge Apothecary", "BRA", "blueridgeapothecary.com", "pharmacy", _pl("Norfolk")),
    ("Sandhills Mutual Health Plan", "SMHP", "sandhillsmutual.com", "payer", _pl("Kearney")),
    ("Bayou Teche Medicaid Partners", "BTMP", "bayoutecheplan.com", "payer", _pl("Lafayette")),
    ("Cornerstone Revenue Solutions", "CRS", "cornerstonerev.com", "billing", _pl("Murfreesboro")),
    ("Granite Notch Home Care", "GNHC", "granitenotchhc.org", "homecare", _pl("Nashua")),
    ("Mauna Loa Kidney Center", "MLKC", "maunaloakidney.org", "dialysis", _pl("Hilo")),
    ("Red Mesa Indian Health Clinic", "RMIHC", "redmesaclinic.org", "fqhc", _pl("Gallup")),
    ("Northwoods Orthopedic & Spine", "NOS", "northwoodsortho.com", "clinic", _pl("St. Cloud"))]]
VENDORS = [Org(*x) for x in [
    ("Northbeam Surgical Supply", "Northbeam", "northbeamsurgical.com", "vendor", _pl("Duluth")),
    ("Quillon Health IT", "Quillon", "quillonhit.com", "vendor", _pl("Greensboro")),
    ("Amberline Clinical Staffing", "Amberline", "amberlinestaff.com", "vendor", _pl("Lexington")),
    ("Coastal Shred & Records Storage", "Coastal Shred", "coastalshred.com", "vendor", _pl("Norfolk")),
    ("Vantix Diagnostics Inc.", "Vantix", "vantixdx.com", "vendor", _pl("Laredo")),
    ("Tri-County Linen Service", "TCL", "tricountylinen.com", "vendor", _pl("Macon"))]]
OUTSIDE = ["lafayetteparishschools.org", "kearneylegal.com", "statefarmagent-norfolk.com", "cityofmissoula.gov", "dhhs.ne-state.example.gov",
           "ssa-dds-ky.example.gov", "mutualworkcomp.com", "sheriff-gallup.example.gov"]

def org(r, kinds=None):
    pool = [o for o in ORGS if kinds is None or o.kind in kinds]
    return r.choice(pool)
def provider_org(r): return org(r, {"hospital", "clinic", "fqhc", "imaging", "lab", "bh", "homecare", "dialysis"})
def payer(r): return org(r, {"payer"})

class Doc_(Person):
    pass
def doctor(r):
    p = Person(r, 30, 70); p.npi = npi(r); p.cred = r.choice(["MD", "DO", "MD", "NP", "PA-C", "MD, FACC", "DO, FACOG", "APRN", "MD, PhD"])
    return p
def drn(r, p): return r.choice([f"Dr. {p.last}", f"{p.first} {p.last}, {p.cred}", f"{p.last}, {p.first} {p.cred}", f"{p.first[0]}. {p.last} {p.cred}"])
def staff(r): return Person(r, 22, 67)

# clinical vocab (own lists)
DX = [("M17.11", "unilateral primary osteoarthritis, right knee"), ("N18.4", "chronic kidney disease, stage 4"), ("I48.91", "unspecified atrial fibrillation"),
      ("J44.1", "COPD with (acute) exacerbation"), ("E66.01", "morbid (severe) obesity due to excess calories"), ("G47.33", "obstructive sleep apnea"),
      ("K21.9", "GERD without esophagitis"), ("F41.1", "generalized anxiety disorder"), ("F10.20", "alcohol dependence, uncomplicated"),
      ("F11.20", "opioid dependence, uncomplicated"), ("B20", "HIV disease"), ("O24.410", "gestational diabetes, diet controlled"),
      ("C34.90", "malignant neoplasm of unspecified part of bronchus or lung"), ("C61", "malignant neoplasm of prostate"), ("C18.7", "malignant neoplasm of sigmoid colon"),
      ("D63.1", "anemia in chronic kidney disease"), ("I50.32", "chronic diastolic (congestive) heart failure"), ("I63.9", "cerebral infarction, unspecified"),
      ("S72.001A", "fracture of unspecified part of neck of right femur, initial encounter"), ("L89.154", "pressure ulcer of sacral region, stage 4"),
      ("N39.0", "urinary tract infection, site not specified"), ("A41.9", "sepsis, unspecified organism"), ("E10.65", "type 1 diabetes mellitus with hyperglycemia"),
      ("G40.909", "epilepsy, unspecified, not intractable, without status epilepticus"), ("M54.50", "low back pain, unspecified"), ("F33.1", "major depressive disorder, recurrent, moderate"),
      ("F20.9", "schizophrenia, unspecified"), ("H40.1131", "primary open-angle glaucoma, bilateral, mild stage"), ("D50.9", "iron deficiency anemia, unspecified"),
      ("K50.90", "Crohn's disease, unspecified, without complications"), ("M05.79", "rheumatoid arthritis with rheumatoid factor of multiple sites"),
      ("C50.412", "malignant neoplasm of upper-outer quadrant of left female breast"), ("I25.10", "atherosclerotic heart disease of native coronary artery without angina pectoris"),
      ("E11.9", "type 2 diabetes mellitus without complications"), ("I10", "essential (primary) hypertension"), ("J45.909", "unspecified asthma, uncomplicated"),
      ("F32.A", "depression, unspecified"), ("Z79.01", "long term (current) use of anticoagulants"), ("R07.9", "chest pain, unspecified"), ("N40.1", "benign prostatic hyperplasia with LUTS")]
PEDS_DX = [("J45.909", "asthma"), ("F90.0", "ADHD, predominantly inattentive type"), ("H66.90", "otitis media, unspecified"), ("E66.9", "obesity"), ("R62.50", "failure to thrive / poor weight gain"), ("F84.0", "autistic disorder")]
PROC = [("70553", "MRI brain without and with contrast"), ("71250", "CT chest without contrast"), ("72148", "MRI lumbar spine without contrast"),
        ("73721", "MRI right knee without contrast"), ("78815", "PET/CT skull base to mid-thigh"), ("95810", "attended polysomnography"), ("27447", "total knee arthroplasty"),
        ("29881", "knee arthroscopy with meniscectomy"), ("45378", "diagnostic colonoscopy"), ("43239", "EGD with biopsy"), ("97110", "therapeutic exercise, 15 min"),
        ("J1745", "infliximab, 10 mg"), ("E0486", "oral appliance for sleep apnea"), ("96413", "chemotherapy IV infusion, first hour"), ("93000", "electrocardiogram, 12-lead"),
        ("G0439", "annual wellness visit, subsequent"), ("99223", "initial hospital inpatient care, high"), ("E0601", "CPAP device")]
MEDS = [("apixaban 5 mg tab", "1 tab PO BID"), ("metoprolol succinate 50 mg ER tab", "1 tab PO daily"), ("insulin glargine 100 unit/mL pen", "22 units SC at bedtime"),
        ("buprenorphine-naloxone 8-2 mg film", "1 film SL daily"), ("sertraline 100 mg tab", "1 tab PO daily"), ("furosemide 40 mg tab", "1 tab PO BID"),
        ("tiotropium 18 mcg inh cap", "inhale 1 cap daily"), ("levetiracetam 500 mg tab", "1 tab PO BID"), ("adalimumab 40 mg/0.4 mL pen", "40 mg SC every 14 days"),
        ("semaglutide 1 mg/0.74 mL pen", "1 mg SC weekly"), ("bictegravir/emtricitabine/tenofovir AF tab", "1 tab PO daily"), ("lithium carbonate 300 mg cap", "2 caps PO at bedtime"),
        ("montelukast 5 mg chew tab", "1 tab PO nightly"), ("methylphenidate ER 18 mg tab", "1 tab PO qAM"), ("tamsulosin 0.4 mg cap", "1 cap PO qHS"),
        ("ferrous sulfate 325 mg tab", "1 tab PO every other day"), ("warfarin 5 mg tab", "as directed per INR"), ("quetiapine 100 mg tab", "1 tab PO qHS")]
LABS = [("HbA1c", "4548-4", "%", (5.7, 12.4, 1), "4.0-5.6"), ("Creatinine", "2160-0", "mg/dL", (0.6, 4.9, 2), "0.57-1.00"), ("eGFR (CKD-EPI 2021)", "62238-1", "mL/min/1.73m2", (9, 95, 0), ">59"),
        ("WBC", "6690-2", "x10^3/uL", (2.1, 19.8, 1), "3.4-10.8"), ("Hemoglobin", "718-7", "g/dL", (6.8, 16.9, 1), "11.1-15.9"), ("Platelets", "777-3", "x10^3/uL", (38, 510, 0), "150-450"),
        ("Potassium", "2823-3", "mmol/L", (2.9, 6.6, 1), "3.5-5.2"), ("Sodium", "2951-2", "mmol/L", (121, 149, 0), "134-144"), ("INR", "6301-6", "", (0.9, 6.1, 1), "0.9-1.2"),
        ("TSH", "3016-3", "uIU/mL", (0.01, 38.0, 2), "0.450-4.500"), ("LDL-C (calc)", "13457-7", "mg/dL", (48, 231, 0), "0-99"), ("BNP", "30934-4", "pg/mL", (12, 3900, 0), "0-100"),
        ("Troponin I, hs", "89579-7", "ng/L", (2, 1840, 0), "<=17"), ("ALT", "1742-6", "IU/L", (8, 412, 0), "0-32"), ("Vitamin D, 25-OH", "1989-3", "ng/mL", (6, 72, 1), "30.0-100.0")]
def labflag(lab, v):
    rng = lab[4]; x = float(v)
    try:
        if rng.startswith("<="): return "H" if x > float(rng[2:]) else ""
        if rng.startswith(">"): return "L" if x <= float(rng[1:]) else ""
        lo, hi = (float(t) for t in rng.split("-"))
        return "" if lo <= x <= hi else ("HH" if x > hi * 2 else "H") if x > hi else ("LL" if x < lo * 0.6 else "L")
    except ValueError: return ""
def labval(r, lab):
    lo, hi, nd = lab[3]; v = r.uniform(lo, hi)
    return f"{v:.{nd}f}" if nd else str(int(round(v)))
PEDS_VAX = [("DTaP-IPV-Hib-HepB (Vaxelis)", "90697", "thigh"), ("PCV20 (Prevnar 20)", "90677", "thigh"), ("Rotavirus (RotaTeq)", "90680", "oral"),
            ("MMR II", "90707", "arm"), ("Varicella (Varivax)", "90716", "arm"), ("Hep A (Havrix) peds", "90633", "arm"), ("Influenza, quadrivalent, PF", "90686", "arm"),
            ("Tdap (Boostrix)", "90715", "deltoid"), ("HPV 9-valent (Gardasil 9)", "90651", "deltoid"), ("MenACWY (MenQuadfi)", "90619", "deltoid")]
VACCINES = [("Tdap (Boostrix)", "90715"), ("Influenza, quadrivalent, PF", "90686"), ("COVID-19 mRNA 2025-26", "91320"), ("Pneumococcal PCV20 (Prevnar 20)", "90677"),
            ("Zoster recombinant (Shingrix)", "90750"), ("Hep B (Engerix-B)", "90746"), ("MMR II", "90707"), ("DTaP-IPV-Hib-HepB (Vaxelis)", "90697"), ("HPV 9-valent (Gardasil 9)", "90651"),
            ("RSV (Abrysvo)", "90678")]
PAYER_NAMES = ["Sandhills Mutual Health Plan", "Bayou Teche Medicaid Partners", "Medicare Part B", "Medicare Advantage - Sandhills Gold PPO", "TRICARE East",
               "Kansas Medicaid (KanCare)", "BCBS of Tennessee", "Aetna Better Health of KY", "self-pay"]
DEPTS = ["Patient Access", "HIM / Release of Information", "Utilization Management", "Revenue Cycle", "Case Management", "Population Health", "Pharmacy Services",
         "Radiology Scheduling", "Referral Coordination", "Member Services", "Provider Relations", "Clinical Documentation", "Infusion Center", "Nursing Administration"]


# ============================================================== document model
class Doc:
    """blocks: ("h", s) ("p", s) ("kv", [(label, value)]) ("tbl", hdr, rows) ("pre", s) ("small", s) ("ul", [s])"""
    def __init__(self, cat, title, blocks, o=None, ds=None):
        self.cat, self.title, self.blocks, self.o, self.ds = cat, title, blocks, o, ds or "mdy"
    def table(self):
        for b in self.blocks:
            if b[0] == "tbl": return b
        return None


def cellstr(v, ds):
    if isinstance(v, D): return fd(None, v, ds)
    if isinstance(v, float): return f"{v:,.2f}"
    return str(v)


# ============================================================== PHI documents
def P_radiology(r):
    p = Person(r, 18, 92); o = org(r, {"imaging", "hospital"}); rad = doctor(r); ref = doctor(r); pr = r.choice(PROC[:6]); d = past(r)
    find = r.choice(["There is a 2.3 cm spiculated nodule in the right upper lobe with mild surrounding ground-glass opacity.",
                     "Broad-based central disc protrusion at L4-L5 with moderate spinal canal stenosis and bilateral foraminal narrowing.",
                     "Complex tear of the posterior horn of the medial meniscus extending to the inferior articular surface.",
                     "Multiple ring-enhancing lesions in the left frontal and parietal lobes with surrounding vasogenic edema.",
                     "Hypermetabolic left axillary lymph nodes, SUVmax 7.8, new since prior exam."])
    imp = r.choice(["Findings suspicious for primary lung malignancy. Recommend tissue sampling.", "Moderate L4-L5 stenosis.", "Medial meniscal tear.",
                    "Findings concerning for metastatic disease versus infection; recommend correlation and MRI spectroscopy.", "Nodal progression."])
    lbl = r.choice([["PATIENT", "DOB", "MRN", "ACCESSION", "EXAM DATE", "REFERRING"], ["Pt Name", "Birthdate", "Med Rec No", "Accn #", "Date of Service", "Ordering MD"],
                    ["Name", "D.O.B.", "Unit #", "Exam #", "Performed", "Referring Physician"]])
    ds = r.choice(DS)
    kv = list(zip(lbl, [p.name(r, r.choice(["LF", "lfm", "LFM"])), fd(r, p.dob, ds), p.mrn, accn(r), fd(r, d, ds), drn(r, ref)]))
    blocks = [("kv", kv), ("h", f"EXAM: {pr[1].upper()} (CPT {pr[0]})"),
              ("p", "CLINICAL HISTORY: " + r.choice(["Cough x 3 months, 40 pack-year smoker.", "Low back pain radiating to left leg.", "Knee locking after twisting injury.",
                                                     "New onset seizure.", "Restaging, breast cancer on chemotherapy."])),
              ("p", "COMPARISON: " + r.choice(["None.", f"{fd(r, d - dtm.timedelta(days=r.randint(60, 500)), ds)}."])), ("p", "FINDINGS: " + find),
              ("p", "IMPRESSION:\n1. " + imp), ("small", f"Electronically signed by {rad.first} {rad.last}, {rad.cred} on {fd(r, d, ds)} {tm(r)}. {o.name}.")]
    return Doc("radiology-report", r.choice(["Radiology Report", "DIAGNOSTIC IMAGING REPORT", "Final Report"]), blocks, o, ds)

def P_pa_request(r):
    p = Person(r, 5, 88); o = provider_org(r); py = payer(r); md = doctor(r); pr = r.choice(PROC); dx = r.choice(DX); ds = r.choice(DS)
    caps = r.random() < 0.5
    kv = [("MEMBER NAME", p.name(r, "LFM")), ("MEMBER ID", p.mem), ("DATE OF BIRTH", fd(r, p.dob, ds)), ("HEALTH PLAN", py.name),
          ("REQUESTING PROVIDER", f"{md.first} {md.last} {md.cred}"), ("NPI", md.npi), ("SERVICE REQUESTED", f"{pr[0]} {pr[1]}"),
          ("DIAGNOSIS (ICD-10)", f"{dx[0]} {dx[1]}"), ("URGENCY", r.choice(["STANDARD", "EXPEDITED / URGENT (72 HR)"])),
          ("CLINICAL SUMMARY", r.choice(["Failed 6 weeks of conservative therapy incl. PT and NSAIDs.", "Progressive symptoms despite maximal medical therapy.",
                                         "Needed for staging prior to treatment decision.", "BMI 52, comorbid OSA and HTN; completed 6-month supervised diet program."]))]
    if not caps: kv = [(a.title().replace("Npi", "NPI").replace("Id", "ID").replace("(Icd-10)", "(ICD-10)"), v) for a, v in kv]
    return Doc("prior-auth-request", "PRIOR AUTHORIZATION REQUEST" if caps else "Prior Authorization Request Form", [("p", f"Fax to {py.name} UM: {py.fax}"), ("kv", kv),
               ("small", "Attach clinical notes, imaging reports and conservative-therapy documentation. Incomplete requests will be returned.")], py, ds)

def P_denial_letter(r):
    p = Person(r, 1, 90); py = payer(r); pr = r.choice(PROC); md = doctor(r); d = past(r)
    salut = r.choice([f"Dear {p.name(r, 'fl')}:", f"Dear {'Mr.' if p.sex == 'M' else 'Ms.'} {p.last},", f"To the parent or guardian of {p.name(r, 'fl')}:"])
    reason = r.choice(["the records we received do not show that you tried and failed at least two preferred drugs first",
                       "the information provided does not meet our medical necessity criteria for this service",
                       "this service is considered experimental/investigational for your condition", "you have not completed 6 weeks of physical therapy"])
    blocks = [("p", f"{fd(r, d, 'full')}\n\n{p.name(r, 'fl')}\n{p.street}\n{p.city}, {p.st} {p.zip}"), ("p", f"Member ID: {p.mem}    Reference: {auth_(r)}"),
              ("p", salut), ("p", f"We reviewed the request from {drn(r, md)} for {pr[1]} ({pr[0]}). We are unable to approve this request because {reason}."),
              ("p", "You have the right to appeal within 60 days of the date of this letter. You may ask for an expedited appeal if waiting could seriously harm your health."),
              ("p", f"Sincerely,\n\nUtilization Management Department\n{py.name}\n{py.phone}")]
    return Doc("denial-letter", "Notice of Adverse Benefit Determination", blocks, py)

def P_eob(r):
    p = Person(r, 20, 85); py = payer(r); o = provider_org(r); d = past(r); ds = r.choice(DS)
    rows = []; tot = [0, 0, 0]
    for _ in range(r.randint(2, 6)):
        c = r.choice(PROC); b = round(r.uniform(80, 4200), 2); a = round(b * r.uniform(0.2, 0.7), 2); pr_ = round(a * r.choice([0, 0.1, 0.2]), 2)
        rows.append([d, f"{c[0]} {c[1]}", f"${b:,.2f}", f"${a:,.2f}", f"${a - pr_:,.2f}", f"${pr_:,.2f}"]); tot[0] += b; tot[1] += a; tot[2] += pr_
    blocks = [("p", "THIS IS NOT A BILL"), ("kv", [("Member", p.name(r, "fl")), ("Member ID", p.mem), ("Group", f"{r.choice(['GRP', ''])}{dg(r, 6)}"),
                                                  ("Claim number", claim_(r)), ("Provider", o.name), ("Patient", r.choice([p.name(r, "fl"), "Self"]))]),
              ("tbl", ["Service date", "Service", "Billed", "Allowed", "Plan paid", "You owe"], rows),
              ("p", f"Your total responsibility for this claim: ${tot[2]:,.2f}. Questions? Call Member Services at {py.phone}.")]
    return Doc("eob", "Explanation of Benefits", blocks, py, ds)

def P_imm_record(r):
    p = Person(r, 0, 17); o = org(r, {"clinic", "fqhc"}); ds = r.choice(DS)
    rows = []
    for v in r.sample(PEDS_VAX, r.randint(4, 8)):
        dd = rday(r, p.dob + dtm.timedelta(days=60), D(2026, 10, 30))
        site = "oral" if v[2] == "oral" else f"{r.choice('LR')} {'thigh' if (dd - p.dob).days < 700 and v[2] != 'deltoid' else 'deltoid'}"
        rows.append([v[0], v[1], dd, f"{r.choice('ABCDEFHJKLMN')}{dg(r, 4)}{r.choice('ABCDEFGH')}{r.choice(['', dg(r, 1)])}", site, r.choice(["RN", "LPN", "MA"])])
    rows.sort(key=lambda x: x[2])
    blocks = [("kv", [("Child", p.name(r, r.choice(["fl", "LF", "lf"]))), ("Date of birth", fd(r, p.dob, ds)), ("Parent/guardian", Person(r, 22, 50).name(r, "fl")),
                      ("Chart #", p.mrn), ("State registry ID", dg(r, 8))]), ("tbl", ["Vaccine", "CPT", "Date given", "Lot", "Site", "By"], rows),
              ("small", "Certified true copy of the immunization history on file. For school/daycare entry.")]
    return Doc("immunization-record", r.choice(["Immunization Record", "CERTIFICATE OF IMMUNIZATION", "Vaccine History"]), blocks, o, ds)

def P_referral_cover(r):
    p = Person(r, 2, 90); o = provider_org(r); to = provider_org(r); md = doctor(r); dx = r.choice(DX); ds = r.choice(DS)
    blocks = [("h", "FAX"), ("kv", [("To", to.name), ("Fax", to.fax), ("From", o.name), ("Fax", o.fax), ("Date", fd(r, past(r), ds)), ("Pages (incl. cover)", str(r.randint(3, 19)))]),
              ("h", "RE: NEW REFERRAL"), ("stack", [("Patient", p.name(r, r.choice(["LF", "lfm", "fl"]))), ("DOB", fd(r, p.dob, ds)), ("Phone", p.phone),
                                                     ("Insurance", f"{r.choice(PAYER_NAMES)}  ID {p.mem}"), ("Reason for referral", f"{dx[1]} ({dx[0]})"),
                                                     ("Referring provider", f"{md.first} {md.last}, {md.cred} - NPI {md.npi}"), ("Urgency", r.choice(["Routine", "Urgent - please see within 1 week", "STAT"]))]),
              ("small", "The documents accompanying this facsimile contain confidential health information that is legally privileged. If you received this in error, call the sender and destroy the documents.")]
    return Doc("referral-fax", "Fax Cover Sheet - Referral", blocks, o, ds)

def P_refill_request(r):
    p = Person(r, 18, 90); ph = org(r, {"pharmacy"}); md = doctor(r); m = r.choice(MEDS); ds = r.choice(DS)
    blocks = [("p", f"REFILL AUTHORIZATION REQUEST from {ph.name} ({ph.phone}, fax {ph.fax})"),
              ("kv", [("Prescriber", f"{md.first} {md.last} {md.cred}"), ("Patient", p.name(r, r.choice(["LF", "lf", "fl"]))), ("DOB", fd(r, p.dob, ds)),
                      ("Pt phone", p.phone), ("Rx #", rx_(r)), ("Drug", m[0]), ("NDC", ndc(r)), ("Sig", m[1]), ("Qty / days", f"{r.choice([30, 60, 90, 180])} / {r.choice([30, 90])}"),
                      ("Last fill", fd(r, past(r), ds)), ("Refills remaining", "0")]),
              ("p", "[ ] Approved  refills: ____     [ ] Denied - reason: ____________     [ ] Needs appointment"),
              ("p", "Prescriber signature ____________________   Date ________")]
    return Doc("pharmacy-refill", "Refill Request", blocks, ph, ds)

def P_appt_reminder(r):
    p = Person(r, 0, 90); o = provider_org(r); md = doctor(r); d = soon(r)
    what = r.choice(["your colonoscopy", "your 2-week post-op visit", "your prenatal visit (28 weeks)", "your diabetes education class", "your infusion appointment",
                     "your sleep study", "your follow-up with the kidney doctor", "Jaylen's ADHD medication check"])
    prep = r.choice(["Clear liquids only the day before; start the Suprep kit at 6 PM.", "Bring your glucose meter and logbook.", "Bring all medication bottles.",
                     "Please arrive 15 minutes early.", "Do not take your morning insulin."])
    blocks = [("p", f"{p.name(r, 'fl')}\n{p.street}\n{p.city}, {p.st} {p.zip}"), ("p", f"Hi {p.name(r, 'first')},"),
              ("p", f"This is a reminder of {what} on {fd(r, d, r.choice(['full', 'dow', 'ap']))} at {tm(r)} with {drn(r, md)} at {o.name}, {o.addr()}."),
              ("p", prep), ("p", f"To cancel or reschedule call {o.phone}. Ref #{enc_(r)}")]
    return Doc("appointment-reminder", "Appointment Reminder", blocks, o)

def P_sbar(r):
    p = Person(r, 25, 95); o = org(r, {"hospital"}); dx = r.choice(DX); m = r.choice(MEDS); lab = r.choice(LABS)
    nm = p.name(r, r.choice(["fl", "lf", "nick"]))
    blocks = [("p", f"S: {nm}, {p.age}{p.sex.lower()}, rm {r.randint(200, 699)}{r.choice('AB')}, {r.choice(['increased work of breathing', 'new confusion', 'BP 84/50', 'fall with head strike'])} this evening."),
              ("p", f"B: admitted {fd(r, past(r), 'mdy2')} for {dx[1]}; on {m[0]}."),
              ("p", f"A: {lab[0]} {labval(r, lab)} {lab[2]}; I think {r.choice(['volume overload', 'early sepsis', 'med side effect', 'worsening'])}."),
              ("p", f"R: please evaluate at bedside, consider {r.choice(['rapid response', 'ABG and CXR', 'holding tonight dose', 'transfer to step-down'])}.")]
    return Doc("nurse-handoff", "SBAR", blocks, o)

def P_nolabel_prose(r):
    p = Person(r, 3, 95); o = provider_org(r); dx = r.choice(DX); m = r.choice(MEDS); who = r.choice(["daughter", "son", "wife", "husband", "mom", "neighbor"])
    nm = p.name(r, r.choice(["fl", "nick", "nickp", "flm"]))
    txt = r.choice([f"Spoke with {nm}'s {who} this afternoon - he's back on {m[0]} since Tuesday and the swelling is down. Still short of breath climbing stairs; {dx[1]} follow-up is the 3rd.",
                    f"{nm} called again about the {dx[1]} diagnosis. She's scared to start {m[0]} because of what her sister went through. Can someone from nursing call her back at {p.phone}?",
                    f"FYI {nm} (the one who lives on {p.street.split(',')[-1].strip()}) no-showed twice; last A1c was {r.uniform(9, 13):.1f}. I'd like home health to do a visit.",
                    f"Just so you know, {nm} was admitted overnight with {dx[1]}. {who.capitalize()} says he stopped his {m[0]} a week ago. Please hold his Thursday slot.",
                    f"{nm} tested positive for {r.choice(['chlamydia', 'influenza A', 'strep A', 'COVID-19', 'hepatitis C antibody'])} on {fd(r, past(r), 'mdy2')}; treatment sent to pharmacy, partner notification pending."])
    return Doc("clinical-note-nolabel", r.choice(["quick update", "FYI", "pt update"]), [("p", txt)], o)

def P_collections(r):
    p = Person(r, 19, 88); o = org(r, {"billing", "hospital"}); bal = round(r.uniform(120, 14800), 2); d = past(r)
    blocks = [("p", f"FINAL NOTICE\n{fd(r, TODAY, 'full')}"), ("p", f"{p.name(r, 'LF')}\n{p.street.upper()}\n{p.city.upper()} {p.st} {p.zip}"),
              ("kv", [("Guarantor Acct #", p.acct), ("Patient", p.name(r, "fl")), ("Date(s) of service", fd(r, d, "mdy")), ("Facility", r.choice(ORGS).name),
                      ("Service", r.choice(["Emergency Dept visit", "Inpatient stay (4 days)", "Outpatient surgery - lap cholecystectomy", "Ambulance transport", "Behavioral health intake"])),
                      ("Balance due", f"${bal:,.2f}")]),
              ("p", "Your account is seriously past due. If payment or a payment arrangement is not received within 30 days, the account may be referred to an outside collection agency."),
              ("small", "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.")]
    return Doc("collections-notice", "Final Notice", blocks, o)

def P_result_letter_es(r):
    p = Person(r, 18, 80, hisp=True); o = org(r, {"fqhc", "clinic"}); lab = r.choice(LABS); md = doctor(r)
    blocks = [("p", f"{fd_es(r, past(r))}"), ("p", f"Estimado(a) {p.name(r, 'fl')}:"),
              ("p", f"Sus resultados de laboratorio del {fd_es(r, past(r))} están listos. Su {lab[0]} salió {labval(r, lab)} {lab[2]} (normal {lab[4]})."),
              ("p", r.choice(["Por favor llame a la clínica para hacer una cita de seguimiento.", "Vamos a cambiar la dosis de su medicamento.", "El resultado es normal; no tiene que hacer nada."])),
              ("kv", [("Paciente", p.name(r, "lf")), ("Fecha de nacimiento", fd_es(r, p.dob)), ("Núm. de expediente", p.mrn)]),
              ("p", f"Atentamente,\n{drn(r, md)}\n{o.name} - {o.phone}")]
    return Doc("spanish-result-letter", "Carta de resultados", blocks, o)

def P_es_denial(r):
    p = Person(r, 1, 70, hisp=True); py = payer(r); pr = r.choice(PROC)
    blocks = [("h", "AVISO DE DENEGACIÓN DE SERVICIOS"), ("stack", [("Nombre del afiliado", p.name(r, "fl")), ("Número de afiliado", p.mcd), ("Fecha de nacimiento", fd_es(r, p.dob)),
                                                               ("Servicio", f"{pr[1]} ({pr[0]})")]),
              ("p", "Revisamos la solicitud de su médico y la negamos porque no cumple con los criterios de necesidad médica. Tiene derecho a apelar dentro de 60 días."),
              ("p", f"Para ayuda en español llame al {py.phone} (TTY 711).")]
    return Doc("spanish-denial", r.choice(["Carta al afiliado", "Notificación de determinación"]), blocks, py)

def P_ub_claim_text(r):
    p = Person(r, 20, 90); o = org(r, {"hospital"}); dx = r.choice(DX); d = past(r); ds = r.choice(["compact", "mdy", "mdyd2"])
    kv = [("1a. INSURED'S I.D. NUMBER", p.mem), ("2. PATIENT'S NAME (Last, First, MI)", p.name(r, "LFM")), ("3. PATIENT'S BIRTH DATE", fd(r, p.dob, ds) + f"  SEX {p.sex}"),
          ("5. PATIENT'S ADDRESS", p.addr().upper()), ("11c. INSURANCE PLAN NAME", r.choice(PAYER_NAMES)), ("21. DIAGNOSIS", f"A. {dx[0].replace('.', '')}  B. {r.choice(DX)[0].replace('.', '')}"),
          ("24A. DATE OF SERVICE", fd(r, d, ds)), ("24D. PROCEDURE", r.choice(PROC)[0]), ("24J. RENDERING NPI", npi(r)), ("26. PATIENT'S ACCOUNT NO.", p.acct),
          ("28. TOTAL CHARGE", f"{r.uniform(90, 3800):.2f}"), ("33a. BILLING NPI", o.npi)]
    return Doc("cms-1500-boxes", "CMS-1500 claim data (rejected - box 21 invalid)", [("p", "Rejected by clearinghouse: diagnosis pointer invalid. Data as submitted:"), ("kv", kv)], o)

def P_pt_ot_note(r):
    p = Person(r, 20, 92); o = org(r, {"clinic", "homecare", "hospital"}); ther = staff(r)
    blocks = [("kv", [("Pt", p.name(r, "lfm")), ("DOB", fd(r, p.dob, r.choice(DS))), ("Visit #", f"{r.randint(3, 12)} of {r.choice([12, 16, 24])}"), ("Dx", f"{r.choice(DX)[0]}; {r.choice(['M25.561', 'Z96.651', 'R26.81'])}")]),
              ("p", f"Subjective: pain {r.randint(2, 8)}/10, reports {r.choice(['2 falls at home', 'improved stair climbing', 'sleeping through the night', 'increased swelling after walking'])}."),
              ("p", f"Objective: knee flexion {r.randint(70, 125)} deg, ext -{r.randint(0, 10)} deg; TUG {r.uniform(9, 28):.1f} s; ambulates {r.randint(50, 400)} ft with {r.choice(['RW', 'SPC', 'no AD'])}."),
              ("p", "Plan: continue 2x/wk; progress closed-chain; HEP updated."), ("p", f"{ther.first} {ther.last}, {r.choice(['PT, DPT', 'OTR/L', 'PTA'])}")]
    return Doc("therapy-progress-note", "Therapy Progress Note", blocks, o)

def P_path_addendum(r):
    p = Person(r, 25, 90); o = org(r, {"lab", "hospital"}); pa = doctor(r)
    blocks = [("kv", [("PATIENT", p.name(r, "LFM")), ("AGE/SEX", f"{p.age}/{p.sex}"), ("DOB", fd(r, p.dob, "mdy")), ("ACCESSION", accn(r)), ("MRN", p.mrn), ("COLLECTED", fd(r, past(r), "mdy"))]),
              ("h", "ADDENDUM"), ("p", r.choice(["HER2 by IHC: 3+ (positive). ER 95%, PR 40%. Ki-67 22%.", "PD-L1 (22C3) TPS 60%. EGFR exon 19 deletion DETECTED.",
                                                  "MSI-high; loss of MLH1/PMS2 expression. Recommend germline testing.", "Gleason score 4+3=7 (Grade Group 3) in 5 of 12 cores."])),
              ("small", f"Addendum signed by {pa.first} {pa.last}, {pa.cred}")]
    return Doc("pathology-addendum", "SURGICAL PATHOLOGY - ADDENDUM", blocks, o)

def P_ed_to_pcp(r):
    p = Person(r, 1, 95); o = org(r, {"hospital"}); pcp = doctor(r); dx = r.choice(DX)
    txt = (f"Dr. {pcp.last} - your patient {p.name(r, r.choice(['fl', 'flm', 'nick']))} (DOB {fd(r, p.dob, r.choice(DS))}) was seen in our emergency department on "
           f"{fd(r, past(r), 'ap')} for {dx[1]}. {r.choice(['Discharged home on antibiotics.', 'Admitted to telemetry.', 'Left without being seen after triage.', 'Transferred to a tertiary center.'])} "
           f"Please arrange follow-up within {r.choice(['2-3 days', '1 week', '48 hours'])}.")
    return Doc("ed-notification", "ED visit notification", [("p", txt), ("small", f"Automated notification - {o.name} Emergency Department")], o)

def P_audiology(r):
    p = Person(r, 0, 14); o = org(r, {"clinic"}); ds = r.choice(DS)
    rows = [[f"{hz} Hz", str(r.choice([10, 15, 20, 35, 45, 60])), str(r.choice([10, 15, 20, 25, 50]))] for hz in (250, 500, 1000, 2000, 4000, 8000)]
    blocks = [("kv", [("Name", p.name(r, "lf")), ("DOB", fd(r, p.dob, ds)), ("MRN", p.mrn)]), ("tbl", ["Freq", "Right (dB HL)", "Left (dB HL)"], rows),
              ("p", "Impression: " + r.choice(["mild-to-moderate sensorineural hearing loss, right ear.", "failed newborn hearing rescreen; refer to ENT.", "conductive loss consistent with middle-ear effusion."]))]
    return Doc("audiology-report", "Audiology Evaluation", blocks, o, ds)

def P_records_request(r):
    p = Person(r, 18, 80); o = org(r, {"hospital", "clinic"}); law = r.choice(["Kearney Legal Group LLP", "Hollis & Mbeki, Attorneys", "Tri-State Disability Advocates"])
    blocks = [("p", f"RE: Request for medical records\nOur client: {p.name(r, 'fl')}\nDate of birth: {fd(r, p.dob, r.choice(DS))}\nSSN: {ssn_fmt(r, p.ssn)}"),
              ("p", f"Enclosed is a HIPAA-compliant authorization signed by our client. Please send complete records, including {r.choice(['ED notes and imaging from the 5/2 motor vehicle accident', 'all psychiatric and counseling notes', 'operative reports for the lumbar fusion', 'billing ledger and itemized statements'])}, for dates of service {fd(r, past(r), 'mdy')} to present."),
              ("p", f"{law}\nParalegal: {staff(r).name(r, 'fl')}")]
    return Doc("records-request", "Records request", blocks, o)

def P_dialysis_xfer(r):
    p = Person(r, 30, 88); o = org(r, {"dialysis"}); ds = r.choice(DS)
    blocks = [("h", "TRANSIENT DIALYSIS REQUEST"), ("stack", [("Patient", p.name(r, "fl")), ("DOB", fd(r, p.dob, ds)), ("Medicare #", mbi_fmt(r, p.mbi)),
                                                              ("Dates requested", f"{fd(r, soon(r), ds)} - {fd(r, soon(r), ds)}"), ("Schedule", r.choice(["MWF 2nd shift", "TTS 1st shift"])),
                                                              ("Access", r.choice(["L AVF", "R IJ tunneled catheter", "L upper arm AVG"])), ("EDW", f"{r.uniform(55, 120):.1f} kg"),
                                                              ("Hep B sAg", r.choice(["neg", "neg", "pos"])), ("Reason", r.choice(["vacation", "family funeral", "work travel"]))])]
    return Doc("transient-dialysis", "Transient treatment request", blocks, o, ds)

PHI_DOCS = [P_radiology, P_pa_request, P_denial_letter, P_eob, P_imm_record, P_referral_cover, P_refill_request, P_appt_reminder, P_sbar, P_nolabel_prose,
            P_collections, P_result_letter_es, P_es_denial, P_ub_claim_text, P_pt_ot_note, P_path_addendum, P_ed_to_pcp, P_audiology, P_records_request, P_dialysis_xfer]


# ---- PHI interchange snippets
def hl7_ts(d, r): return d.strftime("%Y%m%d") + f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
def R_hl7_a08(r):
    p = Person(r, 1, 90); o = org(r, {"hospital"}); d = past(r)
    seg = [f"MSH|^~\\&|ADT|{o.short}|HIE|STATEHIE|{hl7_ts(d, r)}||ADT^A08^ADT_A01|{dg(r, 10)}|P|2.5.1",
           f"EVN|A08|{hl7_ts(d, r)}", f"PID|1||{p.mrn}^^^{o.short}^MR~{p.ssn.replace('-', '')}^^^SSA^SS||{p.name(r, 'hl7')}||{p.dob:%Y%m%d}|{p.sex}|||{strip_acc(p.street)}^^{p.city}^{p.st}^{p.zip}||{re.sub(r'[^0-9]', '', p.phone)[-10:]}",
           f"PV1|1|I|{r.choice(['4W', 'ICU', 'MS3', 'L&D'])}^{r.randint(401, 460)}^{r.choice('AB')}|||||{npi(r)}^{r.choice(LL).upper()}^{r.choice(FM).upper()}",
           f"DG1|1||{r.choice(DX)[0]}^{r.choice(DX)[1]}^I10", f"IN1|1|{r.choice(['MCR', 'SMHP', 'BTMP'])}|||||||||||||||{p.name(r, 'hl7')}|01||||||||||||||||||||{p.mem}"]
    return Doc("hl7-adt-a08", "ADT A08 from interface log", [("p", r.choice(["The A08 below is stuck in the error queue (PID-11 too long?).", "Here's the message that updated the wrong chart:", "Interface log excerpt:"])), ("pre", "\r\n".join(seg))], o)

def R_hl7_mdm(r):
    p = Person(r, 18, 90); o = org(r, {"hospital", "clinic"}); d = past(r)
    seg = [f"MSH|^~\\&|TRANSCR|{o.short}|EHR|{o.short}|{hl7_ts(d, r)}||MDM^T02|{dg(r, 9)}|P|2.3", f"PID|||{p.mrn}||{p.name(r, 'hl7')}||{p.dob:%Y%m%d}|{p.sex}",
           f"TXA|1|DS|TX|{hl7_ts(d, r)}|||||||{dg(r, 8)}||||||AU", f"OBX|1|TX|DS^Discharge Summary||Discharge diagnosis: {r.choice(DX)[1]}.~Discharged on {r.choice(MEDS)[0]}.||||||F"]
    return Doc("hl7-mdm", "MDM T02", [("p", "Dictation interface sent this twice:"), ("pre", "\r\n".join(seg))], o)

def R_x12_278(r):
    p = Person(r, 2, 88); o = provider_org(r); py = payer(r); d = past(r); pr = r.choice(PROC)
    seg = [f"ST*278*0001*005010X217~", f"BHT*0007*13*{dg(r, 9)}*{d:%Y%m%d}*{r.randint(800, 1700)}~", f"NM1*X3*2*{py.name.upper()}*****PI*{dg(r, 5)}~",
           f"NM1*1P*2*{o.name.upper()}*****XX*{o.npi}~", f"NM1*IL*1*{strip_acc(p.last).upper()}*{strip_acc(p.first).upper()}****MI*{p.mem.replace(' ', '')}~",
           f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"HI*ABK:{r.choice(DX)[0].replace('.', '')}~", f"SV1*HC:{pr[0]}*0*UN*1~", "SE*12*0001~"]
    return Doc("x12-278", "278 request", [("p", "Payer portal rejected this 278 with AAA*N**75 (subscriber not found). Can you check the member ID?"), ("pre", "\n".join(seg))], py)

def R_x12_271(r):
    p = Person(r, 1, 85); py = payer(r)
    seg = [f"ST*271*4321*005010X279A1~", f"NM1*PR*2*{py.name.upper()}*****PI*{dg(r, 5)}~", f"NM1*IL*1*{strip_acc(p.last).upper()}*{strip_acc(p.first).upper()}*{p.mi}***MI*{p.mem.replace(' ', '')}~",
           f"N3*{strip_acc(p.street).upper()}~", f"N4*{p.city.upper()}*{p.st}*{p.zip}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"EB*1*IND*30**{r.choice(['GOLD PPO', 'HMO SELECT', 'MEDICAID STANDARD'])}~", f"EB*C*IND*30***23*{r.randint(500, 6000)}.00~", "SE*9*4321~"]
    return Doc("x12-271", "271 response", [("p", "Eligibility response for tomorrow's surgery pt:"), ("pre", "\n".join(seg))], py)

def R_fhir_medreq(r):
    p = Person(r, 5, 90); o = provider_org(r); m = r.choice(MEDS)
    res = {"resourceType": "MedicationRequest", "id": dg(r, 6), "status": "active", "intent": "order",
           "medicationCodeableConcept": {"text": m[0]}, "subject": {"reference": f"Patient/{p.mrn}", "display": p.name(r, "fl")},
           "contained": [{"resourceType": "Patient", "id": "p1", "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": p.mrn}],
                          "name": [{"family": p.last, "given": [p.first]}], "birthDate": p.dob.isoformat(), "telecom": [{"system": "phone", "value": p.phone}]}],
           "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": (dx := r.choice(DX))[0], "display": dx[1]}]}],
           "dosageInstruction": [{"text": m[1]}], "authoredOn": past(r).isoformat()}
    return Doc("fhir-medicationrequest", "MedicationRequest", [("p", "Payload from the e-Rx API that failed validation:"), ("pre", json.dumps(res, indent=r.choice([1, 2]), ensure_ascii=False))], o)

def R_fhir_coverage_xml(r):
    p = Person(r, 1, 90); py = payer(r)
    x = (f'<Coverage xmlns="http://hl7.org/fhir">\n  <status value="active"/>\n  <subscriberId value="{p.mem}"/>\n'
         f'  <beneficiary><display value="{xesc(p.name(r, "fl"))}"/></beneficiary>\n  <payor><display value="{xesc(py.name)}"/></payor>\n</Coverage>\n'
         f'<Patient xmlns="http://hl7.org/fhir">\n  <name><family value="{xesc(p.last)}"/><given value="{xesc(p.first)}"/></name>\n  <gender value="{"female" if p.sex == "F" else "male"}"/>\n'
         f'  <birthDate value="{p.dob.isoformat()}"/>\n  <address><line value="{xesc(p.street)}"/><city value="{p.city}"/><state value="{p.st}"/></address>\n</Patient>\n'
         f'<Condition xmlns="http://hl7.org/fhir"><code><coding><system value="http://hl7.org/fhir/sid/icd-10-cm"/><code value="{(dx := r.choice(DX))[0]}"/><display value="{xesc(dx[1])}"/></coding></code></Condition>')
    return Doc("fhir-coverage-xml", "Coverage + Patient (XML)", [("p", "Sample from production - why does the payor display come through blank?"), ("pre", x)], py)

PHI_RAW = [R_hl7_a08, R_hl7_mdm, R_x12_278, R_x12_271, R_fhir_medreq, R_fhir_coverage_xml]


# ---- PHI patient lists (tables; every one has a real date column)
def nr(r): return r.randint(6, 18) if r.random() < 0.8 else r.randint(19, 34)
def T_census(r):
    o = org(r, {"hospital"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 18, 98); dx = r.choice(DX)
        rows.append([f"{r.choice(['3N', '4W', 'ICU', 'PCU', '5S'])}-{r.randint(1, 40):02d}", p.name(r, "LF"), p.mrn, p.dob, past(r), dx[1], r.choice(["Full", "DNR/DNI", "DNR", "Full"]), r.choice(["SNF", "home w/ HH", "LTACH", "TBD", "hospice"])])
    return Doc("census", "Midnight census / discharge planning", [("tbl", ["Bed", "Patient", "MRN", "DOB", "Admit", "Working dx", "Code", "Dispo"], rows)], o)
def T_noshow(r):
    o = org(r, {"clinic", "fqhc", "bh"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 2, 88); rows.append([past(r), p.name(r, "lf"), p.dob, p.phone, r.choice(["Dr. " + r.choice(LL), "NP " + r.choice(LL)]), r.choice(["3rd no-show", "no-show", "late cancel", "no-show - text undeliverable"]), r.choice(["", "dismissal letter?", "call pt", "sent to CM"])])
    return Doc("no-show-list", "No-show report", [("tbl", ["Appt date", "Patient", "DOB", "Phone", "Provider", "Status", "Action"], rows)], o)
def T_outreach(r):
    o = org(r, {"payer", "fqhc"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 18, 85); rows.append([p.mem, p.name(r, "LFM"), p.dob, p.phone, r.choice(["A1c > 9", "no PCP visit 12 mo", "ED x4 in 6 mo", "post-discharge TCM", "missed statin fills", "high-risk pregnancy"]), past(r), r.choice(["LVM", "reached - enrolled", "wrong number", "declined", ""])])
    return Doc("care-mgmt-outreach", "Care management outreach list", [("tbl", ["Member ID", "Member", "DOB", "Phone", "Reason", "Last contact", "Outcome"], rows)], o)
def T_vaccine_due(r):
    o = org(r, {"clinic", "fqhc"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 0, 17); rows.append([p.name(r, "lf"), p.dob, p.mrn, r.choice(PEDS_VAX)[0], soon(r), Person(r, 20, 50).name(r, "fl"), p.phone])
    return Doc("vaccines-due", "Overdue immunizations", [("tbl", ["Patient", "DOB", "MRN", "Vaccine due", "Due by", "Parent/guardian", "Phone"], rows)], o)
def T_refill_queue(r):
    o = org(r, {"pharmacy"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 18, 92); m = r.choice(MEDS); rows.append([past(r), rx_(r), p.name(r, "LF"), p.dob, m[0], ndc(r), Person(r, 30, 70).last, r.choice(["faxed x2", "awaiting MD", "denied", "approved"])])
    return Doc("refill-queue", "Pending refill authorizations", [("tbl", ["Requested", "Rx #", "Patient", "DOB", "Drug", "NDC", "Prescriber", "Status"], rows)], o)
def T_denials_wq(r):
    o = org(r, {"billing", "hospital"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 18, 92); rows.append([claim_(r), p.acct, p.name(r, "lf"), past(r), r.choice(PROC)[0], r.choice(DX)[0], r.choice(["CO-197 no auth", "CO-50 not med necessary", "CO-16 missing info", "PR-204", "CO-29 timely filing"]), round(r.uniform(90, 18000), 2)])
    return Doc("denials-worklist", "Denials work queue", [("tbl", ["Claim", "Acct", "Patient", "DOS", "CPT", "Dx", "CARC", "Billed"], rows)], o)
def T_transport(r):
    o = org(r, {"dialysis", "hospital", "clinic"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 40, 95); rows.append([soon(r), tm(r), p.name(r, "fl"), p.street + ", " + p.city, p.phone, r.choice(["wheelchair", "ambulatory", "stretcher", "bariatric w/c"]), r.choice(["dialysis", "chemo", "wound clinic", "cardiac rehab"])])
    return Doc("transport-list", "Medicaid transport manifest", [("tbl", ["Date", "Pickup", "Rider", "Address", "Phone", "Mobility", "Destination"], rows)], o)
def T_crit_log(r):
    o = org(r, {"lab"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 0, 95); lab = r.choice(LABS); rows.append([past(r), accn(r), p.name(r, "LF"), p.dob, lab[0], labval(r, lab), f"RN {r.choice(FF)} {r.choice(LL)[0]}.", r.choice(["read back", "read back", "no answer - escalated"])])
    return Doc("critical-call-log", "Critical value call log", [("tbl", ["Date", "Accession", "Patient", "DOB", "Test", "Result", "Called to", "Read-back"], rows)], o)
def T_es_lista(r):
    o = org(r, {"fqhc"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 18, 85, hisp=True); rows.append([p.name(r, "fl"), p.dob, p.mcd, soon(r), r.choice(["diabetes", "prenatal", "control de presión", "salud mental", "VIH"]), p.phone])
    return Doc("spanish-list", "Lista de citas", [("tbl", ["Paciente", "Fecha de nacimiento", "Núm. de Medicaid", "Cita", "Programa", "Teléfono"], rows)], o)
def T_mbi_roster(r):
    o = org(r, {"homecare", "hospital"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 66, 99); rows.append([mbi_fmt(r, p.mbi), p.name(r, "LFM"), p.dob, past(r), r.choice(["HH start of care", "SNF 3-day stay met", "hospice election", "readmit < 30d"]), r.choice(DX)[0]])
    return Doc("medicare-roster", "Medicare beneficiary roster", [("tbl", ["MBI", "Beneficiary", "DOB", "Event date", "Event", "Primary dx"], rows)], o)
def T_ssn_registration(r):
    o = org(r, {"hospital", "clinic"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 0, 90); rows.append([p.name(r, "lf"), p.ssn, p.dob, p.mrn, past(r), r.choice(PAYER_NAMES), r.choice(["ER", "OP lab", "Inpt", "Obs"])])
    return Doc("registration-export", "Registrations missing insurance verification", [("tbl", ["Patient", "SSN", "DOB", "MRN", "Reg date", "Plan", "Pt type"], rows)], o)

PHI_TABLES = [T_census, T_noshow, T_outreach, T_vaccine_due, T_refill_queue, T_denials_wq, T_transport, T_crit_log, T_es_lista, T_mbi_roster, T_ssn_registration]


# ============================================================== clean documents
def C_policy_memo(r):
    o = r.choice(ORGS); s = staff(r); d = soon(r)
    topic = r.choice([("Two-identifier rule at specimen collection", "Staff must confirm two patient identifiers (full name and date of birth) before every specimen collection, medication administration and transfusion. Room number is never an identifier."),
                      ("Faxing PHI", "Before faxing, verify the recipient number against the directory, use the approved cover sheet and never fax behavioral-health notes without a signed authorization."),
                      ("Minimum necessary", "Access only the patient information you need for your job. The privacy office audits access to VIP and employee charts weekly.")])
    blocks = [("kv", [("TO", "All clinical and registration staff"), ("FROM", f"{s.name(r, 'fl')}, Privacy & Compliance"), ("DATE", fd(r, past(r), "full")), ("RE", topic[0])]),
              ("p", topic[1]), ("p", f"This policy (PC-{r.randint(100, 499)}, rev. {fd(r, past(r), 'mdy2')}) takes effect {fd(r, d, 'full')}. Questions: {o.phone}.")]
    return Doc("policy-memo", "MEMORANDUM", blocks, o)

def C_deid(r):
    o = r.choice(ORGS); rows = []
    for u in r.sample(["Cardiology", "Ortho", "Med/Surg 3N", "Med/Surg 4W", "ICU", "Oncology", "Behavioral Health", "Pediatrics", "L&D"], r.randint(5, 8)):
        n = r.randint(40, 900); rows.append([u, n, f"{r.uniform(4, 22):.1f}%", f"{r.uniform(2.5, 7.8):.1f}", f"{r.uniform(0.6, 1.4):.2f}"])
    blocks = [("p", f"Quarterly quality summary, {r.choice(['Q2', 'Q3'])} 2026. Aggregate counts only; cells under 11 are suppressed per policy."),
              ("tbl", ["Unit", "Discharges", "30-day readmit", "ALOS (days)", "O/E mortality"], rows),
              ("p", "No patient-level data is included. Source: data warehouse extract, de-identified under the Safe Harbor method.")]
    return Doc("deidentified-aggregate", "Quality dashboard (de-identified)", blocks, o)

def C_template(r):
    o = provider_org(r); sty = r.choice(["angle", "bracket", "pct", "blank"])
    f = {"angle": lambda x: f"<<{x.upper().replace(' ', '_')}>>", "bracket": lambda x: f"[{x}]", "pct": lambda x: f"%%{x.replace(' ', '')}%%", "blank": lambda x: "______________"}[sty]
    blocks = [("p", f"{f('Patient Name')}\n{f('Address Line 1')}\n{f('City State Zip')}"), ("p", f"Dear {f('Patient First Name')},"),
              ("p", f"Our records show you are due for {f('Service')}. Please call {o.phone} to schedule. Please bring your insurance card and photo ID."),
              ("kv", [("Date of birth", f("DOB")), ("Medical record number", f("MRN")), ("Provider", f("PCP Name"))]),
              ("small", f"Template LTR-{r.randint(10, 99)} v{r.randint(2, 9)} - approved by Patient Communications Committee {fd(r, past(r), 'mdy')}")]
    return Doc("letter-template", "Recall letter template", blocks, o)

def C_invoice(r):
    v = r.choice(VENDORS); o = r.choice(ORGS); rows = []; tot = 0
    for _ in range(r.randint(3, 9)):
        q = r.randint(1, 40); pr = round(r.uniform(3, 900), 2); tot += q * pr
        rows.append([f"{r.choice(['NB', 'QH', 'VX', 'TC'])}-{dg(r, 5)}", r.choice(["Exam gloves nitrile M, bx/100", "Suture 4-0 nylon PS-2", "Foley tray 16Fr", "Annual license - interface engine", "Scrubs, ceil blue, L", "Shred bin 96 gal service", "Specimen bags 6x9", "A1c cartridge kit (10)"]), q, f"{pr:.2f}", f"{q * pr:,.2f}"])
    blocks = [("kv", [("Invoice #", f"INV-{dg(r, 6)}"), ("Invoice date", fd(r, past(r), "mdy")), ("PO #", f"PO{dg(r, 8)}"), ("Bill to", f"{o.name} Accounts Payable"),
                      ("Customer acct", f"{dg(r, 6)}"), ("Terms", "Net 30"), ("Remit to", f"{v.name}, {v.addr()}")]),
              ("tbl", ["Item", "Description", "Qty", "Unit", "Ext"], rows), ("p", f"TOTAL DUE: ${tot:,.2f}   Federal Tax ID {v.tin}")]
    return Doc("vendor-invoice", f"{v.name} - Invoice", blocks, v)

def C_staffing(r):
    o = r.choice(ORGS); rows = []
    for _ in range(r.randint(8, 20)):
        s = staff(r); rows.append([soon(r), s.name(r, "lf"), r.choice(["RN", "LPN", "CNA", "RT", "Unit Sec", "Charge RN"]), r.choice(["0700-1930", "1900-0730", "0700-1530", "1100-2330"]), r.choice(["3N", "ICU", "ED", "float", "PCU"]), r.choice(["", "OT approved", "agency", "orientee"])])
    return Doc("staffing-roster", "Staffing schedule - holiday weeks", [("tbl", ["Date", "Staff", "Role", "Shift", "Unit", "Note"], rows), ("p", "Swap requests go through the scheduling app by Friday noon.")], o)

def C_mbi_training(r):
    o = r.choice(ORGS)
    blocks = [("h", "Registration tip of the week: Medicare cards"), ("p", "The Medicare Beneficiary Identifier (MBI) has 11 characters in the pattern 1AA1-AA1-AA11 (printed without dashes on the card). It never contains the letters S, L, O, I, B or Z."),
              ("p", "CMS's sample card shows 1EG4-TE5-MK73. Never type the sample into a real account - last month two test registrations went out on claims."),
              ("kv", [("Example name on CMS sample card", "JOHN L SMITH"), ("Example MBI", "1EG4-TE5-MK73"), ("Hospital (Part A) start", "03-01-2016")]),
              ("p", "For our Spanish-speaking patients: la tarjeta de Medicare tiene un número de 11 caracteres.")]
    return Doc("training-mbi", "Patient Access newsletter", blocks, o)

def C_ssn_training(r):
    o = r.choice(ORGS)
    blocks = [("p", "HIPAA refresher - identifiers. Social Security numbers are 9 digits (AAA-GG-SSSS). Numbers beginning with 000, 666 or 900-999 are never issued."),
              ("p", "Practice exercise: the following are training numbers only and belong to no one - 123-45-6789, 078-05-1120, 987-65-4321."),
              ("kv", [("Practice patient", "TRAINING, PATIENT A"), ("DOB", "01/01/1900"), ("SSN", "987-65-4320"), ("MRN", "TEST0000001")]),
              ("p", f"Complete module HIP-{r.randint(100, 300)} in the learning portal by {fd(r, soon(r), 'full')}.")]
    return Doc("training-ssn", "Compliance training", blocks, o)

def C_dob_field_notice(r):
    o = r.choice(ORGS); d = soon(r)
    blocks = [("p", f"Effective {fd(r, d, r.choice(['full', 'mdy', 'ap']))}, the Patient Registration form (REG-01, revision date {fd(r, past(r), 'mdy')}) adds a required \"Date of Birth\" field and a \"Preferred name\" field."),
              ("p", "Please recycle old stock. New pads are available from the print shop (order form #PS-118)."),
              ("kv", [("Form", "REG-01 Patient Registration"), ("Rev. date", fd(r, past(r), "mdy")), ("Fields added", "Date of Birth; Preferred Name; Pronouns"), ("Deadline to switch", fd(r, d, "mdy"))])]
    return Doc("form-revision-notice", "Forms update", blocks, o)

def C_birthday(r):
    s = staff(r); o = r.choice(ORGS); d = soon(r)
    txt = (f"Shhh! {s.name(r, r.choice(['fl', 'nick']))} from {r.choice(DEPTS)} turns {r.choice([40, 50, 60, 65])} on {fd(r, d, 'full')}. Cake in the {r.choice(['3rd floor break room', 'cafeteria annex', 'HIM conference room'])} at {tm(r)} - "
           f"card is circulating, sign it at the front desk. Potluck sign-up sheet attached.")
    return Doc("staff-birthday", "Birthday celebration!", [("p", txt)], o)

def C_job(r):
    o = r.choice(ORGS)
    role = r.choice(["Registered Nurse - Med/Surg (nights)", "Patient Access Representative", "Medical Coder II (remote)", "Clinical Pharmacist", "Release of Information Specialist"])
    blocks = [("h", role), ("kv", [("Req #", f"R{dg(r, 6)}"), ("Location", f"{o.city}, {o.st}"), ("Pay range", f"${r.randint(18, 48)}.{dg(r, 2)} - ${r.randint(49, 70)}.00/hr"), ("Posted", fd(r, past(r), "mdy"))]),
              ("ul", ["Verify patient identity and insurance eligibility", "Maintain confidentiality of PHI per HIPAA", "CPC or CCS preferred" if "Coder" in role else "BLS required"]),
              ("p", f"Apply at careers.{o.dom}. {o.name} is an equal opportunity employer.")]
    return Doc("job-posting", "Job posting", blocks, o)

def C_it_outage(r):
    o = r.choice(ORGS); d = soon(r)
    blocks = [("p", f"PLANNED DOWNTIME: the EHR will be unavailable {fd(r, d, 'dow')} 0100-0500 for the quarterly upgrade (change CHG{dg(r, 7)})."),
              ("ul", ["Print downtime census reports by 0030", "Use paper MAR and downtime requisitions", "Label specimens with downtime labels (pre-printed MRN series D-0001 to D-0500)", "Back-enter all documentation within 24 hours"]),
              ("p", f"Service desk: {o.phone} ext {r.randint(1000, 9999)}")]
    return Doc("downtime-notice", "EHR downtime", blocks, o)

def C_newsletter(r):
    o = r.choice(ORGS)
    topic = r.choice([("Heart failure clinic turns one", "In its first year the clinic saw 412 patients and cut 30-day readmissions from 24% to 15%."),
                      ("World Diabetes Day", "1 in 10 adults in our region has diabetes. Free A1c screenings in the lobby on November 14."),
                      ("New member ID cards for 2027", "Cards now show a 12-character member ID (for example, XQW000000000 on the sample card below) and a QR code for the app.")])
    blocks = [("h", topic[0]), ("p", topic[1]), ("p", f"Volunteer spotlight: {staff(r).name(r, 'fl')} has logged {r.randint(200, 3000)} hours at the gift shop."),
              ("p", f"Upcoming: Grand Rounds {fd(r, soon(r), 'ap')} - \"{r.choice(['Sepsis bundles', 'Opioid stewardship', 'Maternal hypertension', 'Sickle cell crisis management'])}\" with Dr. {r.choice(LL)}.")]
    return Doc("newsletter", f"{o.short} News - {r.choice(MO)} 2026", blocks, o)

def C_coding_update(r):
    o = r.choice(ORGS); rows = [[c, d_] for c, d_ in r.sample(DX, r.randint(5, 9))]
    blocks = [("p", "FY2027 ICD-10-CM update: the codes below were the most common documentation queries last quarter. Reminder: code to the highest specificity documented."),
              ("tbl", ["ICD-10-CM", "Description"], rows), ("p", "No patient data is included. CDI office hours: Tuesdays 2-3 PM.")]
    return Doc("coding-education", "Coding & CDI tip sheet", blocks, o)

def C_formulary(r):
    o = org(r, {"pharmacy", "payer", "hospital"}); rows = [[m[0], ndc(r), r.choice(["Tier 1", "Tier 2", "Tier 3", "Specialty"]), r.choice(["", "PA", "QL 30/30", "ST"])] for m in r.sample(MEDS, r.randint(5, 10))]
    return Doc("formulary-update", "Formulary changes effective 1/1/2027", [("tbl", ["Drug", "NDC", "Tier", "UM"], rows), ("p", "P&T approved on " + fd(r, past(r), "mdy") + ".")], o)

def C_recall(r):
    v = r.choice(VENDORS); o = r.choice(ORGS)
    blocks = [("p", f"URGENT: MEDICAL DEVICE RECALL - {r.choice(['infusion pump tubing set', 'glucose test strips', 'sterile drape kit', 'blood culture bottles'])}"),
              ("kv", [("Catalog #", f"{dg(r, 5)}-{dg(r, 2)}"), ("Lot numbers", ", ".join(f"{r.choice('ABKLMX')}{dg(r, 6)}" for _ in range(3))), ("UDI-DI", "0" + dg(r, 13)), ("Expiry", fd(r, soon(r), "iso"))]),
              ("p", "Quarantine affected stock and return with the attached response form. No patient-specific action is required unless a device malfunction was observed.")]
    return Doc("device-recall", "Field safety notice", blocks, v)

def C_es_aviso(r):
    o = org(r, {"fqhc", "clinic"})
    blocks = [("p", f"AVISO: A partir del {fd_es(r, soon(r))} la clínica abrirá los sábados de 8 a 12."),
              ("p", "Traiga su tarjeta de seguro y una identificación. Si necesita un intérprete, avísenos al hacer su cita."),
              ("p", f"Campaña de vacunación contra la gripe: gratis para niños y adultos. Teléfono {o.phone}.")]
    return Doc("spanish-notice", "Aviso a la comunidad", blocks, o)

def C_minutes(r):
    o = r.choice(ORGS); att = [staff(r).name(r, "fl") for _ in range(r.randint(4, 8))]
    blocks = [("kv", [("Committee", r.choice(["Pharmacy & Therapeutics", "Infection Prevention", "Patient Safety", "Revenue Integrity"])), ("Date", fd(r, past(r), "full")), ("Present", "; ".join(att))]),
              ("ul", ["Hand hygiene compliance 91% (goal 95%)", "CLABSI: 1 event in Q3 (aggregate), RCA complete", "Approved new sepsis order set v4", "Next meeting " + fd(r, soon(r), "mdy")])]
    return Doc("committee-minutes", "Meeting minutes", blocks, o)

def C_provider_dir(r):
    o = r.choice(ORGS); rows = []
    for _ in range(r.randint(6, 16)):
        d_ = doctor(r); rows.append([f"{d_.last}, {d_.first}", d_.cred, r.choice(["Cardiology", "Family Med", "Peds", "Ortho", "Oncology", "Psychiatry", "Nephrology"]), d_.npi, phone_fmt(r, o.area), r.choice(["Accepting", "Closed", "Accepting (Medicaid)"])])
    return Doc("provider-directory", "Provider directory update", [("tbl", ["Provider", "Cred", "Specialty", "NPI", "Office", "Panel"], rows)], o)

def C_car_gym(r):
    s = staff(r); o = r.choice(ORGS)
    blocks = [("p", r.choice([f"Fleet auto policy renewal for the courier vans: policy #{r.choice(['PAF', 'CA'])}{dg(r, 9)}, VINs on file, effective {fd(r, soon(r), 'mdy')}.",
                              f"Employee wellness: your FitLife gym membership #{dg(r, 10)} is active through {fd(r, soon(r), 'mdy')}. Payroll deduction $18.50/pay period."])),
              ("kv", [("Employee", s.name(r, "fl")), ("Employee ID", f"{r.choice(['E', ''])}{dg(r, 6)}"), ("Department", r.choice(DEPTS))])]
    return Doc("employee-benefits", "Benefits notice", blocks, o)

def C_research(r):
    o = r.choice(ORGS)
    st_ = r.choice([("STRIDE-HF walking study", "Adults 40-80 with heart failure"), ("Sleep apnea home-testing trial", "Adults 30-75 who snore or were told they stop breathing in sleep"),
                    ("Teen asthma text-message study", "Teens 13-17 with asthma and a parent willing to take part")])
    blocks = [("h", "Now enrolling: " + st_[0]),
              ("p", f"{st_[1]} may be eligible. Participants receive $50 per visit. IRB #2026-" + dg(r, 4) + "."),
              ("p", f"Please do not send patient names by e-mail; refer interested patients to the study line {phone_fmt(r, o.area)}.")]
    return Doc("research-flyer", "Study recruitment", blocks, o)

CLEAN_DOCS = [C_policy_memo, C_deid, C_template, C_invoice, C_staffing, C_mbi_training, C_ssn_training, C_dob_field_notice, C_birthday, C_job, C_it_outage,
              C_newsletter, C_coding_update, C_formulary, C_recall, C_es_aviso, C_minutes, C_provider_dir, C_car_gym, C_research]

def CR_hl7_spec(r):
    o = r.choice(ORGS)
    seg = ["MSH|^~\\&|SENDAPP|SENDFAC|RCVAPP|RCVFAC|YYYYMMDDHHMM||ORU^R01|<control id>|T|2.5.1", "PID|1||<MRN>^^^<assigning auth>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<F/M/U>",
           "OBR|1|<placer>|<filler>|<LOINC>^<name>^LN", "OBX|1|NM|4548-4^Hemoglobin A1c^LN||<value>|%|4.0-5.6|<flag>|||F"]
    return Doc("interface-spec", "Interface spec excerpt", [("p", "Field layout for the new results interface (placeholders only - no production data):"), ("pre", "\r\n".join(seg))], o)
def CR_x12_999(r):
    o = org(r, {"billing", "payer"}); d = past(r)
    seg = [f"ISA*00*          *00*          *ZZ*{dg(r, 9)}      *ZZ*{o.short:<15}*{d:%y%m%d}*{r.randint(1000, 2359)}*^*00501*{dg(r, 9)}*0*P*:~", f"GS*FA*{dg(r, 9)}*{o.short}*{d:%Y%m%d}*1200*{r.randint(1, 9999)}*X*005010X231A1~",
           "ST*999*0001*005010X231A1~", f"AK1*HC*{r.randint(1, 9999)}*005010X222A1~", "AK2*837*0001*005010X222A1~", "IK5*A~", "AK9*A*1*1*1~", "SE*6*0001~"]
    return Doc("x12-999-ack", "999 acknowledgment", [("p", "Batch accepted - 999 below for your records."), ("pre", "\n".join(seg))], o)
def CR_fhir_example(r):
    o = r.choice(ORGS)
    res = {"resourceType": "Patient", "id": "example", "meta": {"tag": [{"code": "TEST"}]}, "name": [{"family": "Testpatient", "given": ["Zzz"]}], "birthDate": "1900-01-01",
           "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "000-00-0000"}]}
    return Doc("fhir-example", "FHIR sandbox example", [("p", "Sandbox credentials are in the vault. Use this synthetic Patient for connectathon testing:"), ("pre", json.dumps(res, indent=2))], o)
CLEAN_RAW = [CR_hl7_spec, CR_x12_999, CR_fhir_example]

def CT_supply(r):
    o = r.choice(ORGS); rows = [[past(r), f"{dg(r, 6)}", r.choice(["Gauze 4x4", "Chux pads", "IV start kit", "N95 1870+ M", "Saline flush 10 mL", "ECG electrodes"]), r.randint(0, 400), r.randint(50, 500), f"LOT{dg(r, 6)}"] for _ in range(r.randint(8, 22))]
    return Doc("supply-par", "Supply par levels", [("tbl", ["Counted", "Item #", "Item", "On hand", "Par", "Lot"], rows)], o)
def CT_training(r):
    o = r.choice(ORGS); rows = [[staff(r).name(r, "lf"), f"E{dg(r, 6)}", r.choice(DEPTS), r.choice(["HIPAA 2026", "Fire safety", "BLS renewal", "Workplace violence"]), past(r), r.choice(["Complete", "Overdue", "In progress"])] for _ in range(r.randint(8, 24))]
    return Doc("training-compliance", "Annual training compliance", [("tbl", ["Employee", "Emp ID", "Dept", "Module", "Assigned", "Status"], rows)], o)
def CT_deid(r):
    o = r.choice(ORGS); rows = [[D(2026, m, 1), r.choice(["ED", "Inpatient", "Outpatient"]), r.randint(200, 5000), r.randint(0, 40), f"{r.uniform(1, 9):.1f}"] for m in range(1, r.randint(7, 11))]
    return Doc("deidentified-aggregate", "Monthly volumes (aggregate)", [("tbl", ["Month", "Setting", "Visits", "Falls", "Falls/1000 pt days"], rows)], o)
def CT_schedule(r):
    o = r.choice(ORGS); rows = [[soon(r), r.choice(["Conf Rm B", "Auditorium", "Teams"]), r.choice(["Sepsis committee", "Budget review", "New grad orientation", "Epic training - ambulatory", "Lunch & learn: diabetes tech"]), staff(r).name(r, "fl"), r.randint(5, 80)] for _ in range(r.randint(6, 16))]
    return Doc("room-bookings", "Conference room bookings", [("tbl", ["Date", "Room", "Event", "Organizer", "Attendees"], rows)], o)
def CT_invoices(r):
    o = r.choice(ORGS); rows = [[f"INV-{dg(r, 6)}", past(r), r.choice(VENDORS).name, f"PO{dg(r, 8)}", round(r.uniform(80, 48000), 2), r.choice(["Paid", "Open", "Disputed"])] for _ in range(r.randint(8, 20))]
    return Doc("ap-invoices", "AP invoice register", [("tbl", ["Invoice", "Date", "Vendor", "PO", "Amount", "Status"], rows)], o)
def CT_providers(r): return C_provider_dir(r)
def CT_test_patients(r):
    o = r.choice(ORGS); rows = [[f"ZZTEST{n:03d}", f"TEST, {r.choice(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO'])}", D(1900, 1, 1) + dtm.timedelta(days=n), f"TST{dg(r, 6)}", r.choice(["ADT", "ORU", "SIU"]), "Non-production"] for n in range(1, r.randint(6, 14))]
    return Doc("test-patients", "Test patient list for interface validation", [("tbl", ["Test ID", "Name", "DOB", "MRN", "Msg type", "Env"], rows), ("p", "These are synthetic records in the TST environment only.")], o)
def CT_formulary(r): return C_formulary(r)
def CT_oncall(r):
    o = r.choice(ORGS); rows = [[soon(r), doctor(r).name(r, "lf"), r.choice(["Hospitalist", "Cardiology", "GI", "Ortho", "Anesthesia"]), phone_fmt(r, o.area), r.choice(["primary", "backup"])] for _ in range(r.randint(8, 20))]
    return Doc("on-call", "On-call schedule", [("tbl", ["Date", "Physician", "Service", "Pager/cell", "Role"], rows)], o)
CLEAN_TABLES = [CT_supply, CT_training, CT_deid, CT_schedule, CT_invoices, CT_providers, CT_test_patients, CT_formulary, CT_oncall]


# ---- more PHI documents
def P_discharge(r):
    p = Person(r, 18, 96); o = org(r, {"hospital"}); md = doctor(r); dx = r.choice(DX); a = past(r) - dtm.timedelta(days=10); dd = a + dtm.timedelta(days=r.randint(1, 9)); ds = r.choice(DS)
    meds = r.sample([m for m in MEDS if not m[0].startswith(("methylphenidate", "montelukast 5"))], r.randint(3, 6))
    blocks = [("kv", [("Patient", p.name(r, r.choice(["LFM", "lfm"]))), ("MR#", p.mrn), ("Admitted", fd(r, a, ds)), ("Discharged", fd(r, dd, ds)), ("Attending", drn(r, md))]),
              ("h", "Principal diagnosis"), ("p", f"{dx[1]} ({dx[0]})"),
              ("h", "Hospital course"), ("p", f"{p.age}-year-old {'woman' if p.sex == 'F' else 'man'} admitted with {dx[1]}. " + r.choice(["Improved with treatment per protocol; tolerating diet and ambulating at discharge.", "Course complicated by acute kidney injury, resolved with fluids.", "Seen by PT/OT, cleared for home with walker.", "Required ICU for 2 days; transferred to the floor on hospital day 3.", "Hospitalist and consultant agreed on the plan below; patient and daughter in agreement."])),
              ("h", "Discharge medications"), ("ul", [f"{m[0]} - {m[1]}" for m in meds]),
              ("p", f"Follow up with PCP in 7 days. Home health: {r.choice(['yes - skilled nursing + PT', 'no'])}. Code status: {r.choice(['Full code', 'DNR'])}.")]
    return Doc("discharge-summary", r.choice(["DISCHARGE SUMMARY", "Discharge Summary", "Hospital Discharge Summary"]), blocks, o, ds)

def P_ob_ultrasound(r):
    p = Person(r, 17, 44); p.sex = "F"; p.first = r.choice(FF); o = org(r, {"imaging", "clinic", "hospital"}); ga = r.randint(11, 36); lmp = TODAY - dtm.timedelta(days=ga * 7 + r.randint(0, 6))
    blocks = [("stack", [("Patient", p.name(r, "lf")), ("DOB", fd(r, p.dob, "mdy")), ("Acct", p.acct), ("LMP", fd(r, lmp, "mdy")), ("G/P", f"G{r.randint(1, 6)}P{r.randint(0, 4)}")]),
              ("p", f"Single live intrauterine pregnancy. Fetal heart rate {r.randint(128, 168)} bpm. EFW {r.randint(80, 2900)} g ({r.randint(3, 92)}th percentile). Placenta {r.choice(['anterior', 'posterior', 'fundal', 'previa - complete'])}."),
              ("p", f"IMPRESSION: {ga} weeks {r.randint(0, 6)} days by ultrasound; EDD {fd(r, lmp + dtm.timedelta(days=280), 'mdy')}. " + r.choice(["", "Short cervix 1.9 cm - MFM referral.", "Echogenic intracardiac focus, recommend genetic counseling."]))]
    return Doc("ob-ultrasound", "OB Ultrasound Report", blocks, o)

def P_bh_intake(r):
    p = Person(r, 16, 75); o = org(r, {"bh"}); dx = r.choice([d for d in DX if d[0][0] == "F"])
    blocks = [("small", "42 CFR Part 2: This information has been disclosed to you from records protected by federal confidentiality rules. Federal rules prohibit you from making any further disclosure without the written consent of the person to whom it pertains."),
              ("kv", [("Client", p.name(r, r.choice(["fl", "nick", "lf"]))), ("DOB", fd(r, p.dob, r.choice(DS))), ("Client ID", p.mrn), ("Program", r.choice(["IOP", "MAT clinic", "Residential", "Crisis stabilization"]))]),
              ("p", f"Presenting problem: {r.choice(['daily fentanyl use x 2 yrs, 2 overdoses this year', 'worsening depression with passive SI', 'alcohol use, DUI in August, court-ordered eval', 'auditory hallucinations, off meds 3 months'])}."),
              ("p", f"Diagnosis: {dx[0]} {dx[1]}. Plan: {r.choice(['start buprenorphine induction', 'weekly CBT + psychiatry eval', 'safety plan completed; PHQ-9 = ' + str(r.randint(10, 27)), 'refer to detox'])}.")]
    return Doc("behavioral-health-intake", "Intake Assessment Summary", blocks, o)

def P_workcomp(r):
    p = Person(r, 19, 66); o = org(r, {"clinic", "hospital"}); md = doctor(r); doi = past(r) - dtm.timedelta(days=r.randint(10, 90))
    blocks = [("p", f"WORK STATUS REPORT - {r.choice(['Mutual Work Comp', 'Tri-State Employers Insurance', 'self-insured employer'])}"),
              ("kv", [("Employee", p.name(r, "LF")), ("Claim #", f"WC{dg(r, 8)}"), ("Date of injury", fd(r, doi, "mdy")), ("SSN (last 4)", p.ssn[-4:]), ("Employer", r.choice(["Sysco Distribution Ctr", "City of Missoula Parks", "Kearney Meatpacking", "Walmart DC #6021"]))]),
              ("p", f"Diagnosis: {r.choice(['lumbar strain S39.012A', 'right rotator cuff tear M75.121', 'left wrist fracture S62.102A', 'concussion S06.0X0A'])}."),
              ("p", f"Status: {r.choice(['Modified duty - no lifting > 10 lb, no overhead work', 'Off work until re-evaluation', 'Full duty without restrictions'])} until {fd(r, soon(r), 'mdy')}. Next visit {fd(r, soon(r), 'mdy')}.  {drn(r, md)}")]
    return Doc("work-status", "Work Status Report", blocks, o)

def P_reportable(r):
    p = Person(r, 0, 90); o = org(r, {"lab", "hospital", "fqhc"}); org_ = r.choice(["Salmonella enterica ser. Typhimurium", "Mycobacterium tuberculosis complex", "Neisseria gonorrhoeae", "Treponema pallidum (RPR 1:64)", "Hepatitis C RNA detected", "Measles IgM positive"])
    blocks = [("p", f"Confidential morbidity report to {r.choice(['County Health Dept', 'State Epidemiology', 'Dept. of Public Health'])}, Communicable Disease unit"),
              ("kv", [("Patient name", p.name(r, "lfm")), ("DOB / age", f"{fd(r, p.dob, r.choice(DS))} / {p.age}"), ("Sex", p.sex), ("Address", p.addr()), ("Phone", p.phone),
                      ("Race/ethnicity", r.choice(["AI/AN", "Black", "White", "Asian", "Hispanic/Latino", "unknown"])), ("Organism/result", org_), ("Specimen collected", fd(r, past(r), "mdy")),
                      ("Reporting facility", o.name)])]
    return Doc("reportable-disease", "Disease Report", blocks, o)

def P_genetic_family(r):
    p = Person(r, 25, 75); o = org(r, {"clinic", "lab"}); gene = r.choice(["BRCA2 c.5946delT (p.Ser1982fs)", "MLH1 c.350C>T", "PALB2 c.3113G>A", "LDLR c.1775G>A", "TTR p.Val142Ile"])
    txt = (f"Dear family member,\n\nYour relative {p.name(r, 'fl')} (born {fd(r, p.dob, r.choice(['full', 'mdy']))}) recently had genetic testing at our clinic and was found to carry a "
           f"pathogenic variant in {gene}. Because this can run in families, you may want to be tested for this specific variant. {p.name(r, 'first')} asked us to share this letter with you.\n\n"
           f"Call our genetic counselors at {o.phone} and mention reference {p.mrn}.")
    return Doc("family-letter-genetic", "Family Letter", [("p", txt)], o)

def P_school_excuse(r):
    p = Person(r, 5, 17); o = org(r, {"clinic", "fqhc"}); d = past(r)
    ill = r.choice([("influenza A", "may return when fever-free for 24 hours"), ("strep pharyngitis", "may return after 12 hours of antibiotics"), ("a concussion", "should not take part in PE or sports until cleared"),
                    ("an asthma exacerbation", "may return tomorrow and should use the inhaler before recess")])
    txt = r.choice([f"Please excuse {p.name(r, 'fl')} (DOB {fd(r, p.dob, 'mdy2')}) from school {fd(r, d, 'mdy2')} through {fd(r, d + dtm.timedelta(days=3), 'mdy2')}. {'He' if p.sex == 'M' else 'She'} was seen in our office for {ill[0]} and {ill[1]}.",
                    f"{p.name(r, 'fl')}, grade {r.randint(1, 12)}, needs to carry an albuterol inhaler and take methylphenidate ER 18 mg at school nurse's office daily at noon. Diagnosis: {r.choice(PEDS_DX)[1]}."])
    return Doc("school-note", r.choice(["School Excuse", "Note for school", "Medication at school authorization"]), [("p", txt), ("p", f"{drn(r, doctor(r))}\n{o.name} {o.phone}")], o)

def P_portal_to_pt(r):
    p = Person(r, 18, 85); o = provider_org(r); lab = r.choice(LABS); md = doctor(r)
    txt = (f"Hi {p.name(r, 'first')}, Dr. {md.last} reviewed your labs from {fd(r, past(r), 'ap')}. Your {lab[0]} was {labval(r, lab)} {lab[2]} (normal {lab[4]}). "
           + r.choice(["We would like to increase your medication and recheck in 3 months.", "This is stable, keep doing what you are doing.", "Please stop your potassium supplement and come in for a repeat test this week.",
                       "Please schedule a visit to talk about starting insulin."]) + f"\n\n- {r.choice(['Nurse', 'MA'])} {staff(r).first}, {o.name}")
    return Doc("result-message", "Your test results", [("p", f"To: {p.name(r, 'fl')} <{p.email}>"), ("p", txt)], o)

def P_initials_mrn(r):
    p = Person(r, 20, 90); o = org(r, {"hospital"}); dx = r.choice(DX)
    txt = (f"Peer review case #{r.randint(100, 999)}: pt {p.first[0]}.{p.last[0]}., MRN {p.mrn}, DOB {fd(r, p.dob, 'mdy')}, admitted {fd(r, past(r), 'mdy')} with {dx[1]}; "
           f"{r.choice(['delayed antibiotics > 3 h', 'fall on day 3 with SDH', 'unplanned return to OR', 'missed critical K+ value'])}. Please review chart before committee.")
    return Doc("peer-review", "Peer review referral", [("p", txt)], o)

def P_es_statement(r):
    p = Person(r, 20, 80, hisp=True); o = org(r, {"hospital", "billing"}); bal = r.uniform(40, 3200)
    blocks = [("h", "ESTADO DE CUENTA"), ("kv", [("Garante", p.name(r, "fl")), ("Número de cuenta", p.acct), ("Paciente", p.name(r, "fl")), ("Fecha de servicio", fd_es(r, past(r))),
                                                 ("Servicio", r.choice(["Sala de emergencias", "Parto vaginal", "Resonancia magnética", "Consulta de cardiología"])), ("Saldo", f"${bal:,.2f}")]),
              ("p", f"Puede solicitar asistencia financiera llamando al {o.phone}.")]
    return Doc("spanish-statement", "Estado de cuenta", blocks, o)

PHI_DOCS += [P_discharge, P_ob_ultrasound, P_bh_intake, P_workcomp, P_reportable, P_genetic_family, P_school_excuse, P_portal_to_pt, P_initials_mrn, P_es_statement]

def R_hl7_oru(r):
    p = Person(r, 0, 95); o = org(r, {"lab"}); d = past(r); labs = r.sample(LABS, r.randint(2, 5))
    seg = [f"MSH|^~\\&|LIS|{o.short}|EHR|CLIENT|{hl7_ts(d, r)}||ORU^R01^ORU_R01|{dg(r, 10)}|P|2.5.1", f"PID|1||{p.mrn}^^^{o.short}^MR||{p.name(r, 'hl7')}||{p.dob:%Y%m%d}|{p.sex}",
           f"OBR|1|{dg(r, 8)}|{accn(r)}|CMP^Panel^L|||{hl7_ts(d, r)}"]
    for i, l in enumerate(labs, 1):
        v = labval(r, l); seg.append(f"OBX|{i}|NM|{l[1]}^{l[0]}^LN||{v}|{l[2]}|{l[4]}|{labflag(l, v)}|||F")
    return Doc("hl7-oru", "ORU R01", [("p", r.choice(["Results below never filed to the chart:", "ORU that failed (OBX-5 too long?):"])), ("pre", "\r".join(seg) if r.random() < 0.3 else "\r\n".join(seg))], o)

def R_fhir_allergy(r):
    p = Person(r, 1, 90); o = provider_org(r)
    b = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": dg(r, 5), "identifier": [{"type": {"text": "MRN"}, "value": p.mrn}], "name": [{"text": p.name(r, "fl")}], "birthDate": p.dob.isoformat(),
                      "address": [{"line": [p.street], "city": p.city, "state": p.st, "postalCode": p.zip}]}},
        {"resource": {"resourceType": "AllergyIntolerance", "code": {"text": r.choice(["penicillin", "sulfa drugs", "peanut", "iodinated contrast", "latex"])}, "criticality": r.choice(["high", "low"]),
                      "reaction": [{"manifestation": [{"text": r.choice(["anaphylaxis", "hives", "angioedema"])}]}]}}]}
    return Doc("fhir-allergy", "AllergyIntolerance bundle", [("p", "Bundle from the HIE query:"), ("pre", json.dumps(b, indent=2, ensure_ascii=False))], o)

def R_x12_837(r):
    p = Person(r, 1, 90); o = provider_org(r); d = past(r); dx = r.choice(DX); pr = r.choice(PROC)
    seg = ["HL*2*1*22*0~", "SBR*P*18*******CI~", f"NM1*IL*1*{strip_acc(p.last).upper()}*{strip_acc(p.first).upper()}****MI*{p.mem.replace(' ', '')}~", f"N3*{strip_acc(p.street).upper()}~",
           f"N4*{p.city.upper()}*{p.st}*{p.zip}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"CLM*{p.acct}*{r.uniform(90, 4000):.2f}***11:B:1*Y*A*Y*Y~", f"HI*ABK:{dx[0].replace('.', '')}~",
           f"LX*1~", f"SV1*HC:{pr[0]}*{r.uniform(90, 4000):.2f}*UN*1***1~", f"DTP*472*D8*{d:%Y%m%d}~"]
    return Doc("x12-837p", "837P loop 2000B-2400", [("p", "Clearinghouse rejected claim - 2010BA segment below:"), ("pre", "\n".join(seg))], o)
PHI_RAW += [R_hl7_oru, R_fhir_allergy, R_x12_837]

def T_infusion(r):
    o = org(r, {"clinic", "hospital"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 20, 88); rows.append([soon(r), tm(r), f"Chair {r.randint(1, 14)}", p.name(r, "LF"), p.dob, p.mrn, r.choice(["pembrolizumab", "FOLFOX C3D1", "infliximab 5 mg/kg", "iron sucrose", "carboplatin/paclitaxel", "ocrelizumab"])])
    return Doc("infusion-schedule", "Infusion center schedule", [("tbl", ["Date", "Time", "Chair", "Patient", "DOB", "MRN", "Regimen"], rows)], o)
def T_wound_rounds(r):
    o = org(r, {"hospital", "homecare"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 45, 99); rows.append([past(r), f"{r.randint(200, 640)}", p.name(r, "lf"), p.dob, r.choice(["sacrum", "L heel", "R ischium", "coccyx", "R lateral malleolus"]), r.choice(["stage 2", "stage 3", "stage 4", "DTI", "unstageable"]), f"{r.uniform(0.5, 9):.1f} x {r.uniform(0.5, 7):.1f} cm"])
    return Doc("wound-rounds", "Wound care rounds", [("tbl", ["Date", "Room", "Patient", "DOB", "Site", "Stage", "Size"], rows)], o)
def T_prenatal(r):
    o = org(r, {"clinic", "fqhc"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 16, 44); p.first = r.choice(FF); rows.append([p.name(r, "lf"), p.dob, p.mrn, soon(r) + dtm.timedelta(days=r.randint(0, 120)), r.choice(["GDM A1", "chronic HTN", "prior C/S", "twins", "AMA", "opioid use d/o on MAT", "none"]), p.phone])
    return Doc("prenatal-registry", "OB registry - EDD list", [("tbl", ["Patient", "DOB", "MRN", "EDD", "Risk factors", "Phone"], rows)], o)
def T_payments(r):
    o = org(r, {"billing", "hospital"}); rows = []
    for _ in range(nr(r)):
        p = Person(r, 18, 90); rows.append([past(r), p.acct, p.name(r, "lf"), past(r), r.choice(["ER", "OP surgery", "Radiology", "L&D", "Lab"]), round(r.uniform(20, 900), 2), r.choice(["card", "check", "cash", "payment plan"])])
    return Doc("payment-posting", "Self-pay payments posted", [("tbl", ["Posted", "Acct #", "Guarantor/patient", "DOS", "Service", "Amount", "Method"], rows)], o)
PHI_TABLES += [T_infusion, T_wound_rounds, T_prenatal, T_payments]


# ---- more clean documents
def C_hcahps(r):
    o = r.choice(ORGS); rows = [[q, f"{r.randint(58, 92)}%", f"{r.randint(60, 90)}%", r.choice(["up", "down", "flat"])] for q in
                                ["Nurses always communicated well", "Doctors always communicated well", "Room always quiet at night", "Staff explained medicines", "Would definitely recommend"]]
    return Doc("patient-experience", "HCAHPS top-box results (aggregate)", [("p", f"n = {r.randint(180, 900)} returned surveys, {r.choice(['Q2', 'Q3'])} 2026. No comments or identifiers included."), ("tbl", ["Measure", "Our score", "State avg", "Trend"], rows)], o)

def C_patient_ed(r):
    o = provider_org(r)
    t_ = r.choice([("Living with heart failure", ["Weigh yourself every morning after you urinate", "Call if you gain more than 3 lb in a day or 5 lb in a week", "Limit salt to 2,000 mg per day"], ("My dry weight", "______ lb")),
                   ("Your new CPAP", ["Wear it every night, also for naps", "Rinse the mask and tubing daily with mild soap", "Bring the machine's SD card to your follow-up"], ("My pressure setting", "______ cm H2O")),
                   ("After your colonoscopy", ["You may feel bloated for a few hours", "No driving until tomorrow morning", "Call for fever, heavy bleeding or severe belly pain"], ("Polyps removed", "[ ] yes  [ ] no")),
                   ("Cómo controlar la diabetes", ["Mida su azúcar antes del desayuno", "Camine 30 minutos al día", "Traiga su glucómetro a cada cita"], ("Mi meta de A1c", "______ %"))])
    blocks = [("h", t_[0]), ("ul", t_[1]),
              ("kv", [("Your name", "____________________"), ("Date of birth", "___/___/______"), t_[2], ("My clinic phone", o.phone)]),
              ("small", f"Patient education handout PE-{r.randint(100, 999)}, reviewed {fd(r, past(r), 'mdy')}")]
    return Doc("patient-education", "Patient education", blocks, o)

def C_press(r):
    o = org(r, {"hospital", "clinic"}); d_ = doctor(r)
    txt = (f"FOR IMMEDIATE RELEASE - {o.city.upper()}, {o.st} - {o.name} today opened a {r.choice(['12-bed cardiac step-down unit', 'new cancer infusion center', 'pediatric urgent care', 'mobile mammography van'])}. "
           f"\"This brings care closer to home,\" said {d_.first} {d_.last}, {d_.cred}, medical director. The project was funded in part by a $2.1 million community grant. Media contact: {staff(r).name(r, 'fl')}, {o.phone}.")
    return Doc("press-release", "Press release", [("p", txt)], o)

def C_payer_bulletin(r):
    py = payer(r); rows = [[c, d_, r.choice(["PA required", "PA removed", "site-of-care review"])] for c, d_ in r.sample(PROC, r.randint(4, 8))]
    return Doc("payer-bulletin", f"{py.short} Provider Bulletin", [("p", f"Effective {fd(r, soon(r), 'full')}, the following prior-authorization changes apply to all commercial and Medicaid members."), ("tbl", ["CPT/HCPCS", "Description", "Change"], rows),
                                                                   ("p", f"Submit requests through the provider portal or fax {py.fax}. Provider Relations: {py.phone}.")], py)

def C_it_ticket(r):
    o = r.choice(ORGS); s = staff(r)
    blocks = [("kv", [("Incident", f"INC{dg(r, 7)}"), ("Caller", s.name(r, "lf")), ("Location", r.choice(["3N nurse station", "Registration desk 4", "HIM scanning room", "Pharmacy"])), ("Asset tag", f"BV-{dg(r, 5)}"),
                      ("Short description", r.choice(["Label printer prints blank wristbands", "Badge tap-in not working on workstation", "Scanner sends to wrong folder", "Dictation mic not recognized"])),
                      ("Priority", r.choice(["3 - Moderate", "2 - High"])), ("Assigned to", f"Desktop Support - {staff(r).name(r, 'fl')}")]),
              ("p", "Resolution: " + r.choice(["replaced printhead, test print OK", "re-imaged workstation", "updated scan profile", "driver reinstalled"]))]
    return Doc("it-ticket", "Incident resolved", blocks, o)

def C_deid_case(r):
    o = org(r, {"hospital"}); age = r.randint(30, 85)
    txt = (f"Case for Thursday's M&M (de-identified): a {age}-year-old {r.choice(['man', 'woman'])} presented to the ED in 2026 with {r.choice(['chest pain and diaphoresis', 'fever and confusion', 'a fall from standing', 'shortness of breath'])}. "
           f"{r.choice(['Initial troponin was normal; repeat at 3 hours was elevated.', 'Lactate was 4.1; antibiotics started 3.5 hours after triage.', 'CT head showed a small subdural hematoma.'])} "
           "Discussion points: handoff communication, timing of repeat testing. Please do not add names, dates or MRNs to the slides.")
    return Doc("teaching-case", "M&M case (de-identified)", [("p", txt)], o)

def C_quote(r):
    v = r.choice(VENDORS); o = r.choice(ORGS)
    rows = [[f"SKU {dg(r, 6)}", r.choice(["Vital signs monitor", "Bariatric bed rental (monthly)", "Barcode scanner", "Travel RN - ICU (13 wk)", "Records box pickup", "Troponin reagent pack"]), r.randint(1, 12), f"{r.uniform(40, 9000):,.2f}"] for _ in range(r.randint(2, 6))]
    return Doc("vendor-quote", f"Quote Q-{dg(r, 5)}", [("kv", [("Prepared for", o.name), ("Quote date", fd(r, past(r), "mdy")), ("Valid until", fd(r, soon(r), "mdy")), ("Sales rep", staff(r).name(r, "fl"))]),
                                                        ("tbl", ["SKU", "Item", "Qty", "Unit price"], rows)], v)

def C_credentialing(r):
    o = r.choice(ORGS); d_ = doctor(r)
    blocks = [("p", f"Credentialing file for {d_.first} {d_.last}, {d_.cred} is complete and goes to the MEC on {fd(r, soon(r), 'full')}."),
              ("kv", [("NPI", d_.npi), ("CAQH ID", dg(r, 8)), ("State license", f"{o.st}-{dg(r, 6)}"), ("Board cert", r.choice(["ABIM", "ABFM", "ABP", "ABOS"])), ("Malpractice carrier", "MedPro Group, policy " + dg(r, 7))]),
              ("ul", ["Primary source verification - complete", "NPDB query - no reports", "OIG exclusion check - clear"])]
    return Doc("credentialing", "Credentialing status", blocks, o)

def C_es_edu(r):
    o = org(r, {"fqhc", "clinic"})
    blocks = [("h", "Clases gratuitas de diabetes"), ("p", f"Todos los martes de 5 a 6 pm en {o.name}. Aprenda a leer etiquetas, contar carbohidratos y usar su glucómetro."),
              ("kv", [("Nombre", "______________________"), ("Fecha de nacimiento", "____/____/______"), ("Teléfono", "______________")]), ("p", "Entregue este formulario en la recepción.")]
    return Doc("spanish-education", "Educación para pacientes", blocks, o)

CLEAN_DOCS += [C_hcahps, C_patient_ed, C_press, C_payer_bulletin, C_it_ticket, C_deid_case, C_quote, C_credentialing, C_es_edu]

def CR_x12_270_tmpl(r):
    o = org(r, {"billing", "payer"})
    seg = ["ST*270*<ctl>*005010X279A1~", "BHT*0022*13*<ref>*<CCYYMMDD>*<HHMM>~", "NM1*PR*2*<PAYER NAME>*****PI*<payer id>~", "NM1*1P*2*<PROVIDER>*****XX*<NPI>~",
           "NM1*IL*1*<LAST>*<FIRST>****MI*<member id>~", "DMG*D8*<CCYYMMDD>~", "EQ*30~", "SE*<n>*<ctl>~"]
    return Doc("edi-template", "270 request template", [("p", "Companion guide section 4.2 - inquiry layout (angle brackets = fill in):"), ("pre", "\n".join(seg))], o)
def CR_hl7_ack(r):
    o = r.choice(ORGS); d = past(r)
    seg = [f"MSH|^~\\&|EHR|{o.short}|LIS|LAB|{hl7_ts(d, r)}||ACK^R01|{dg(r, 9)}|P|2.5.1", f"MSA|AE|{dg(r, 10)}|Unknown ordering provider NPI", "ERR|^^^207&Application internal error&HL70357"]
    return Doc("hl7-ack", "ACK", [("p", "Interface returned AE on last night's batch; no patient data in the ACK. Engine log id " + dg(r, 6)), ("pre", "\r\n".join(seg))], o)
CLEAN_RAW += [CR_x12_270_tmpl, CR_hl7_ack]

def CT_equipment(r):
    o = r.choice(ORGS); rows = [[f"BMT-{dg(r, 5)}", r.choice(["IV pump", "Defibrillator", "Ventilator", "Bladder scanner", "Patient lift"]), f"SN{dg(r, 8)}", past(r), soon(r), r.choice(["Pass", "Pass", "Fail - sent to vendor"])] for _ in range(r.randint(8, 24))]
    return Doc("equipment-pm", "Biomed PM log", [("tbl", ["Asset", "Device", "Serial", "Last PM", "Next PM", "Result"], rows)], o)
def CT_vax_lots(r):
    o = org(r, {"clinic", "fqhc", "pharmacy"}); rows = [[v[0], v[1], f"{r.choice('ABCDEFHJK')}{dg(r, 5)}{r.choice('AB')}", soon(r) + dtm.timedelta(days=r.randint(30, 400)), r.randint(0, 80), r.choice(["VFC", "private", "317"])] for v in r.sample(VACCINES, r.randint(5, 9))]
    return Doc("vaccine-inventory", "Vaccine inventory by lot", [("tbl", ["Vaccine", "CPT", "Lot", "Expires", "Doses on hand", "Stock"], rows)], o)
def CT_volunteers(r):
    o = r.choice(ORGS); rows = [[soon(r), staff(r).name(r, r.choice(["fl", "lf"])), r.choice(["Gift shop", "Info desk", "Pet therapy", "Surgical waiting", "Chaplaincy"]), r.choice(["0800-1200", "1200-1600"]), phone_fmt(r, o.area)] for _ in range(r.randint(8, 20))]
    return Doc("volunteer-schedule", "Volunteer schedule", [("tbl", ["Date", "Volunteer", "Post", "Shift", "Phone"], rows)], o)
def CT_hcahps(r):
    o = r.choice(ORGS); rows = [[D(2026, m, 1), u, r.randint(20, 140), f"{r.randint(55, 95)}%"] for m in range(1, 10) for u in r.sample(["3N", "4W", "ICU", "L&D", "Peds"], 2)]
    return Doc("patient-experience", "Survey top-box by unit (aggregate)", [("tbl", ["Month", "Unit", "Surveys", "Top box"], rows)], o)
CLEAN_TABLES += [CT_equipment, CT_vax_lots, CT_volunteers, CT_hcahps]


# ============================================================== renderers: text / HTML
def wrapl(s, w):
    out = []
    for para in s.split("\n"):
        line = ""
        for word in para.split(" "):
            if len(line) + len(word) + 1 > w and line: out.append(line); line = word
            else: line = (line + " " + word) if line else word
        out.append(line)
    return out

def kv_txt(r, pairs, sty):
    if sty == "caps": return "\n".join(f"{a.upper()}: {v.upper() if len(v) < 60 else v}" for a, v in pairs)
    if sty == "above": return "\n".join(f"{a}\n    {v}" for a, v in pairs)
    if sty == "dash": return "\n".join(f"{a} - {v}" for a, v in pairs)
    if sty == "bullet": return "\n".join(f"\u2022 {a}: {v}" for a, v in pairs)
    if sty == "md": return "\n".join(f"**{a}:** {v}" for a, v in pairs)
    if sty == "semi": return "; ".join(f"{a} {v}" for a, v in pairs)
    if sty == "eq": return "\n".join(f"{re.sub(r'[^A-Za-z0-9]+', '_', strip_acc(a)).strip('_').lower()}={v}" for a, v in pairs)
    if sty == "bracket": return "\n".join(f"[{a}] {v}" for a, v in pairs)
    if sty == "cols":   # labels on one line, values on the next (short pairs only)
        w = [max(len(a), len(v)) + 2 for a, v in pairs]
        if sum(w) > 110: return kv_txt(r, pairs, "above")
        return "".join(a.ljust(w[i]) for i, (a, _) in enumerate(pairs)).rstrip() + "\n" + "".join(v.ljust(w[i]) for i, (_, v) in enumerate(pairs)).rstrip()
    return "\n".join(f"{a}: {v}" for a, v in pairs)

def tbl_txt(r, hdr, rows, ds, sty):
    srows = [[cellstr(c, ds) for c in row] for row in rows]; hdr = [str(h) for h in hdr]
    w = [max(len(x[i]) for x in [hdr] + srows) for i in range(len(hdr))]
    if sty == "md":
        return "\n".join(["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(x) + " |" for x in srows])
    if sty == "box":
        top = "\u250c" + "\u252c".join("\u2500" * (x + 2) for x in w) + "\u2510"; mid = "\u251c" + "\u253c".join("\u2500" * (x + 2) for x in w) + "\u2524"; bot = "\u2514" + "\u2534".join("\u2500" * (x + 2) for x in w) + "\u2518"
        line = lambda cells: "\u2502" + "\u2502".join(" " + c.ljust(w[i]) + " " for i, c in enumerate(cells)) + "\u2502"
        return "\n".join([top, line(hdr), mid] + [line(x) for x in srows] + [bot])
    if sty == "fixed":
        line = lambda cells: "  ".join(c.ljust(w[i]) for i, c in enumerate(cells)).rstrip()
        return "\n".join([line([h.upper() for h in hdr]), "  ".join("=" * x for x in w)] + [line(x) for x in srows])
    if sty == "semi": return "\n".join(["; ".join(hdr)] + ["; ".join(x) for x in srows])
    if sty == "record": return "\n\n".join("\n".join(f"{hdr[i]}: {c}" for i, c in enumerate(x)) for x in srows)
    return "\n".join(["\t".join(hdr)] + ["\t".join(x) for x in srows])

def to_text(r, doc, kvs=None, tbs=None):
    kvs = kvs or r.choice(["plain", "caps", "above", "dash", "bullet", "md", "semi", "eq", "bracket", "cols"])
    tbs = tbs or r.choice(["md", "box", "fixed", "semi", "record", "tab"])
    out = [doc.title.upper() if r.random() < 0.5 else doc.title, ""]
    for b in doc.blocks:
        k = b[0]
        if k == "kv": out.append(kv_txt(r, b[1], kvs))
        elif k == "stack": out.append(kv_txt(r, b[1], r.choice(["above", "cols", "cols"])))
        elif k == "tbl": out.append(tbl_txt(r, b[1], b[2], doc.ds, tbs))
        elif k == "ul": out.append("\n".join(f"  * {x}" for x in b[1]))
        elif k == "h": out.append(b[1].upper())
        else: out.append(b[1])
        out.append("")
    return "\n".join(out).rstrip()

def h(s): return xesc(str(s)).replace("\n", "<br>\n")

def to_html(r, doc, flavor=None, logo_cid=None, sig=""):
    flavor = flavor or r.choice(["owa", "card", "gdocs", "pre", "ul"])
    ds = doc.ds; P = []
    if flavor == "pre":
        body = "<pre style=\"font-family:Consolas,monospace;font-size:10pt\">" + xesc(to_text(r, doc, "plain", "fixed")) + "</pre>"
    else:
        for b in doc.blocks:
            k = b[0]
            if k in ("kv", "stack"):
                if flavor == "card":
                    P.append('<table class="kv" cellpadding="6" style="border:1px solid #c8d3df;border-collapse:collapse">' + "".join(
                        f'<tr><td style="background:#eef3f8;font-weight:600;width:35%">{h(a)}</td><td>{h(v)}</td></tr>' for a, v in b[1]) + "</table>")
                elif flavor == "ul":
                    P.append("<ul>" + "".join(f"<li><b>{h(a)}</b> {h(v)}</li>" for a, v in b[1]) + "</ul>")
                elif flavor == "gdocs":
                    P.append("".join(f'<p dir="ltr" style="line-height:1.38;margin:0"><span style="font-weight:700">{h(a)}</span><span style="font-weight:400">: {h(v)}</span></p>' for a, v in b[1]))
                else:
                    P.append("".join(f'<div><font face="Segoe UI" size="2"><b>{h(a)}</b><br>{h(v)}</font></div>' for a, v in b[1]))
            elif k == "tbl":
                st = 'border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:10pt"'
                P.append(f"<table {st}><thead><tr>" + "".join(f"<th>{h(x)}</th>" for x in b[1]) + "</tr></thead><tbody>" +
                         "".join("<tr>" + "".join(f"<td>{h(cellstr(c, ds))}</td>" for c in row) + "</tr>" for row in b[2]) + "</tbody></table>")
            elif k == "ul": P.append("<ul>" + "".join(f"<li>{h(x)}</li>" for x in b[1]) + "</ul>")
            elif k == "h": P.append(f"<h3>{h(b[1])}</h3>")
            elif k == "pre": P.append(f"<pre>{xesc(b[1])}</pre>")
            elif k == "small": P.append(f'<p style="font-size:8pt;color:#666">{h(b[1])}</p>')
            else: P.append(f"<p>{h(b[1])}</p>")
        title = f"<h2 style=\"color:#1f4e79\">{h(doc.title)}</h2>" if r.random() < 0.6 else ""
        if flavor == "card":
            body = f'<table width="640" align="center" style="font-family:Arial,sans-serif"><tr><td style="background:#1f4e79;color:#fff;padding:10px">{h(doc.o.name if doc.o else "")}</td></tr><tr><td>{title}{"".join(P)}</td></tr></table>'
        elif flavor == "gdocs": body = f'<div dir="ltr"><meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-{hashlib.md5(doc.title.encode()).hexdigest()[:8]}">{title}{"".join(P)}</b></div>'
        else: body = f'<div dir="ltr" style="font-family:Calibri,Arial,sans-serif;font-size:11pt">{title}{"".join(P)}</div>'
    if sig: body += '<div style="color:#555;font-size:9pt;margin-top:14px">' + h(sig) + "</div>"
    if logo_cid: body += f'<p><img src="cid:{logo_cid}" width="200" height="50" alt="logo"></p>'
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{h(doc.title)}</title></head>\n<body>\n{body}\n</body></html>\n"

_png = {}
def logo_png(name, w=220, hh=56):
    if (name, w, hh) in _png: return _png[(name, w, hh)]
    from PIL import Image, ImageDraw, ImageFont
    hv = int(hashlib.sha256(("b3:" + name).encode()).hexdigest(), 16)
    col = (20 + hv % 90, 80 + (hv >> 8) % 120, 60 + (hv >> 16) % 150)
    im = Image.new("RGB", (w, hh), (250, 250, 247)); dr = ImageDraw.Draw(im)
    dr.ellipse([6, 6, hh - 6, hh - 6], outline=col, width=4); dr.line([hh // 2, 12, hh // 2, hh - 12], fill=col, width=4); dr.line([12, hh // 2, hh - 12, hh // 2], fill=col, width=4)
    f = ImageFont.truetype(FONT + "DejaVuSans-Bold.ttf", max(9, hh // 5)); dr.text((hh + 6, hh // 3), name[:30], fill=col, font=f)
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _png[(name, w, hh)] = b.getvalue()
    return _png[(name, w, hh)]


# ============================================================== renderers: PDF
PDF_ROWS = 30
def rl_pdf(r, doc, ttf=False):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted, Image as RLImage
    if ttf:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        if "DJV" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DJV", FONT + "DejaVuSans.ttf")); pdfmetrics.registerFont(TTFont("DJV-B", FONT + "DejaVuSans-Bold.ttf")); pdfmetrics.registerFont(TTFont("DJVM", FONT + "DejaVuSansMono.ttf"))
        fn, fb, fm, cv = "DJV", "DJV-B", "DJVM", (lambda s: s)
    else: fn, fb, fm, cv = "Times-Roman", "Times-Bold", "Courier", lat1
    wide = any(b[0] == "tbl" and len(b[1]) > 6 for b in doc.blocks)
    ps = landscape(letter) if wide and r.random() < 0.6 else letter
    buf = io.BytesIO(); sty = r.choice(["stacked", "grid", "caps"])
    st = ParagraphStyle("b", fontName=fn, fontSize=10, leading=13); sm = ParagraphStyle("s", fontName=fn, fontSize=7.5, leading=9, textColor=colors.grey)
    hs = ParagraphStyle("h", fontName=fb, fontSize=13 if sty != "caps" else 12, leading=16, spaceAfter=6)
    esc = lambda s: xesc(cv(str(s))).replace("\n", "<br/>")
    story = []
    if doc.o and r.random() < 0.4:
        story.append(RLImage(io.BytesIO(logo_png(doc.o.name)), width=176, height=45))
    elif doc.o: story.append(Paragraph(f"<font size=8>{esc(doc.o.name + ' | ' + doc.o.addr() + ' | ' + doc.o.phone)}</font>", st))
    story += [Spacer(1, 6), Paragraph(esc(doc.title.upper() if sty == "caps" else doc.title), hs)]
    for b in doc.blocks:
        k = b[0]
        if k in ("kv", "stack"):
            if sty == "stacked" or k == "stack":   # label above value in little boxes, two per row
                cells = [Paragraph(f"<font size=6.5 color='#555555'>{esc(a.upper())}</font><br/>{esc(v)}", st) for a, v in b[1]]
                if len(cells) % 2: cells.append("")
                t = Table([cells[i:i + 2] for i in range(0, len(cells), 2)], colWidths=[(ps[0] - 100) / 2] * 2)
                t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            else:
                t = Table([[Paragraph(f"<b>{esc(a.upper() if sty == 'caps' else a)}</b>", st), Paragraph(esc(v), st)] for a, v in b[1]], colWidths=[150, ps[0] - 250])
                t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 8)]
        elif k == "tbl":
            hdr, rows = b[1], b[2][:PDF_ROWS]; fs = 8 if len(hdr) <= 6 else 6.5
            cst = ParagraphStyle("c", fontName=fn, fontSize=fs, leading=fs + 2)
            data = [[Paragraph(f"<b>{esc(x)}</b>", cst) for x in hdr]] + [[Paragraph(esc(cellstr(c, doc.ds)), cst) for c in row] for row in rows]
            t = Table(data, repeatRows=1, colWidths=[(ps[0] - 80) / len(hdr)] * len(hdr))
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6d5")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 8)]
        elif k == "pre": story.append(Preformatted(cv(b[1])[:3500], ParagraphStyle("m", fontName=fm, fontSize=6.5, leading=8)))
        elif k == "h": story.append(Paragraph(f"<b>{esc(b[1])}</b>", st))
        elif k == "small": story.append(Paragraph(esc(b[1]), sm))
        elif k == "ul": story += [Paragraph("&bull; " + esc(x), st) for x in b[1]]
        else: story.append(Paragraph(esc(b[1]), st))
        story.append(Spacer(1, 4))
    def foot(c, d_):
        c.saveState(); c.setFont(fn, 7); c.drawString(40, 22, cv(f"{doc.o.short if doc.o else ''} - page {c.getPageNumber()}")); c.restoreState()
    SimpleDocTemplate(buf, pagesize=ps, leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40, title=cv(doc.title), author=doc.o.short if doc.o else "").build(story, onFirstPage=foot, onLaterPages=foot)
    return buf.getvalue()

def fp_pdf(r, doc, ttf=False):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos
    cv = (lambda s: s) if ttf else lat1
    class P(FPDF):
        def header(self):
            self.set_font(FN, "B", 9); self.cell(0, 6, cv(doc.o.name if doc.o else ""), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="R")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y()); self.ln(2)
        def footer(self):
            self.set_y(-12); self.set_font(FN, "", 7); self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="C")
    import fpdf as _fpdf
    pdf = P(format=r.choice(["letter", "letter", "A4"])); pdf.set_creation_date(dtm.datetime(2026, 11, 1, 8, 0, tzinfo=dtm.timezone.utc))
    pdf.set_producer(f"PyFPDF/fpdf{_fpdf.FPDF_VERSION}"); pdf.set_title(cv(doc.title)); pdf.set_author(cv(doc.o.name if doc.o else ""))
    if ttf:
        pdf.add_font("DJ", "", FONT + "DejaVuSans.ttf"); pdf.add_font("DJ", "B", FONT + "DejaVuSans-Bold.ttf"); FN = "DJ"
    else: FN = r.choice(["Helvetica", "Times"])
    pdf.set_auto_page_break(True, 15); pdf.add_page(); W = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(FN, "B", 13); pdf.multi_cell(W, 7, cv(doc.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(2)
    above = r.random() < 0.5
    for b in doc.blocks:
        k = b[0]
        if pdf.page_no() >= 2 and pdf.get_y() > pdf.h - 40: break
        if k in ("kv", "stack"):
            for a, v in b[1]:
                if above or k == "stack":
                    pdf.set_font(FN, "", 6.5); pdf.cell(W, 3.5, cv(a.upper()), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.set_font(FN, "", 10); pdf.multi_cell(W, 5.5, cv(v), border="B", new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(1)
                else:
                    pdf.set_font(FN, "B", 9); y = pdf.get_y(); pdf.multi_cell(55, 6, cv(a), border=1, new_x=XPos.RIGHT, new_y=YPos.TOP)
                    pdf.set_font(FN, "", 9); pdf.set_xy(pdf.l_margin + 55, y); pdf.multi_cell(W - 55, 6, cv(v), border=1, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
        elif k == "tbl":
            hdr, rows = b[1], b[2][:PDF_ROWS]
            pdf.set_font(FN, "", 7 if len(hdr) > 6 else 8)
            with pdf.table(text_align="LEFT", line_height=4, first_row_as_headings=True) as t:
                rr = t.row(); [rr.cell(cv(str(x))) for x in hdr]
                for row in rows:
                    rr = t.row(); [rr.cell(cv(cellstr(c, doc.ds))) for c in row]
            pdf.ln(3)
        elif k == "pre":
            pdf.set_font("Courier", "", 6.5); pdf.multi_cell(W, 3.2, lat1(b[1])[:3000], new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(2)
        elif k == "h": pdf.set_font(FN, "B", 11); pdf.multi_cell(W, 6, cv(b[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif k == "small": pdf.set_font(FN, "", 7); pdf.multi_cell(W, 3.5, cv(b[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif k == "ul":
            pdf.set_font(FN, "", 10)
            for x in b[1]: pdf.multi_cell(W, 5.5, cv(("\u2022 " if ttf else "- ") + x), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else: pdf.set_font(FN, "", 10); pdf.multi_cell(W, 5.5, cv(b[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(1)
    return bytes(pdf.output())

def ps_s(s):
    out = []
    for ch in lat1(s):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % o)
        else: out.append(ch)
    return "(" + "".join(out) + ")"

def ps_greenbar(r, doc):
    """hand-written PostScript imitating a line-printer report on green-bar paper: Courier, upper case, shaded bands"""
    lines = []
    for b in doc.blocks:
        k = b[0]
        if k in ("kv", "stack"): lines += [f"{a.upper()[:28]:<28} : {v.upper()}"[:118] for a, v in b[1]]
        elif k == "tbl":
            hdr, rows = b[1], b[2][:PDF_ROWS]
            srows = [[cellstr(c, doc.ds).upper() for c in row] for row in rows]
            w = [min(24, max(len(x[i]) for x in [[str(y).upper() for y in hdr]] + srows)) for i in range(len(hdr))]
            fmt = lambda cells: " ".join(c[:w[i]].ljust(w[i]) for i, c in enumerate(cells))[:130]
            lines += [fmt([str(y).upper() for y in hdr]), fmt(["-" * x for x in w])] + [fmt(x) for x in srows]
        elif k == "pre": lines += [x[:130] for x in b[1].replace("\r", "\n").split("\n") if x]
        elif k == "ul": lines += ["  * " + x.upper() for x in b[1]]
        else: lines += [x.upper() for x in wrapl(b[1], 110)]
        lines.append("")
    maxl = 62; pages = [lines[i:i + maxl] for i in range(0, len(lines), maxl)][:2]
    run = f"{fd(r, past(r), 'mdy')} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
    L = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title)}", "%%Creator: RPTWRITER/390", f"%%Pages: {len(pages)}", "%%BoundingBox: 0 0 792 612", "%%EndComments",
         "/Courier findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding dup length array copy dup 45 /hyphen put def currentdict end /CourL exch definefont pop",
         "/L { moveto show } bind def"]
    for pn, pl in enumerate(pages, 1):
        L += [f"%%Page: {pn} {pn}", "<< /PageSize [792 612] >> setpagedevice", "0.86 0.95 0.86 setrgbcolor"]
        for i in range(0, maxl, 6): L.append(f"24 {560 - i * 8 - 2 - 24} 744 24 rectfill")
        L += ["0 0 0 setrgbcolor", "/CourL findfont 9 scalefont setfont",
              f"{ps_s((doc.o.short if doc.o else '') + '  ' + doc.title.upper())} 30 590 L {ps_s('RUN ' + run + '   PAGE ' + str(pn))} 560 590 L", "/CourL findfont 7.2 scalefont setfont"]
        for i, ln in enumerate(pl): L.append(f"{ps_s(ln)} 30 {572 - i * 8 - 8} L")
        L.append("showpage")
    L += ["%%Trailer", "%%EOF"]
    return "\n".join(L) + "\n"

def gs_pdf(src, out, extra=()):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", *extra, f"-sOutputFile={out}", src], check=True, stdout=subprocess.DEVNULL)
    with open(out, "rb") as f: return f.read()


# ============================================================== renderers: DOCX / XLSX / CSV
def dx_doc(r, doc, letterhead=False):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.section import WD_ORIENT
    d = docx.Document(); sec = d.sections[0]
    wide = any(b[0] == "tbl" and len(b[1]) > 6 for b in doc.blocks)
    if wide and r.random() < 0.5:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Georgia", "Cambria"]); st.font.size = Pt(10.5)
    if doc.o:
        hp = sec.header.paragraphs[0]
        if letterhead: hp.add_run().add_picture(io.BytesIO(logo_png(doc.o.name)), width=Inches(2.0)); hp.add_run("   " + doc.o.addr())
        else: hp.text = f"{doc.o.name}  |  {doc.o.phone}  |  Fax {doc.o.fax}"
        fp = sec.footer.paragraphs[0]; fp.text = r.choice([f"{doc.o.short} form {r.randint(100, 999)}-{r.choice('ABC')} (rev {r.randint(1, 12)}/{r.randint(19, 26)})", "CONFIDENTIAL", f"Printed {fd(r, past(r), 'mdy')}"])
    d.add_heading(doc.title, level=r.choice([1, 2]))
    kvmode = r.choice(["table2", "table4", "para"])
    for b in doc.blocks:
        k = b[0]
        if k in ("kv", "stack"):
            pairs = b[1]
            if kvmode == "para" and k == "kv":
                for a, v in pairs:
                    p = d.add_paragraph(); p.add_run(a + ": ").bold = True; p.add_run(v)
            elif kvmode == "table4" and k == "kv" and len(pairs) > 2:
                t = d.add_table(rows=0, cols=4); t.style = "Table Grid"
                for i in range(0, len(pairs), 2):
                    c = t.add_row().cells; c[0].text, c[1].text = pairs[i]
                    if i + 1 < len(pairs): c[2].text, c[3].text = pairs[i + 1]
                    for j in (0, 2):
                        for rn in c[j].paragraphs[0].runs: rn.bold = True
            else:   # labels row above values row
                for i in range(0, len(pairs), 3):
                    ch = pairs[i:i + 3]; t = d.add_table(rows=2, cols=len(ch)); t.style = "Table Grid"
                    for j, (a, v) in enumerate(ch):
                        t.rows[0].cells[j].text = a.upper(); t.rows[1].cells[j].text = v
                        for rn in t.rows[0].cells[j].paragraphs[0].runs: rn.font.size = Pt(7); rn.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            d.add_paragraph()
        elif k == "tbl":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(["Light Grid Accent 1", "Table Grid", "Medium Shading 1 Accent 1", "Light List Accent 2"])
            for j, x in enumerate(b[1]): t.rows[0].cells[j].text = str(x)
            for row in b[2]:
                c = t.add_row().cells
                for j, x in enumerate(row): c[j].text = cellstr(x, doc.ds)
            d.add_paragraph()
        elif k == "pre":
            for ln in b[1].replace("\r", "\n").split("\n"):
                p = d.add_paragraph(); rn = p.add_run(ln); rn.font.name = "Courier New"; rn.font.size = Pt(7.5); p.paragraph_format.space_after = Pt(0)
        elif k == "h": d.add_heading(b[1], level=3)
        elif k == "ul":
            for x in b[1]: d.add_paragraph(x, style="List Bullet")
        elif k == "small":
            p = d.add_paragraph(); rn = p.add_run(b[1]); rn.font.size = Pt(7.5); rn.italic = True
        else: d.add_paragraph(b[1])
    d.core_properties.author = doc.o.short if doc.o else "user"; d.core_properties.title = doc.title
    buf = io.BytesIO(); d.save(buf)
    return fix_zip(buf.getvalue())

def xl_book(r, doc, for_pdf=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook(); tb = doc.table(); hdr, rows = tb[1], tb[2]
    nf = r.choice(["mm/dd/yyyy", "m/d/yy", "yyyy-mm-dd", "d-mmm-yyyy", "mmm d, yyyy"])
    layout = r.choice(["one", "split", "cover"] if for_pdf else ["one", "split", "cover", "notes"])
    def fill(ws, rows_, title_row):
        start = 1
        if title_row:
            ws.cell(1, 1, doc.title).font = Font(bold=True, size=13); ws.cell(2, 1, f"Prepared {TODAY:%m/%d/%Y} - {doc.o.name if doc.o else ''}"); start = 4
        for j, x in enumerate(hdr, 1):
            c = ws.cell(start, j, x); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=r.choice(["305496", "548235", "7F6000", "843C0C"]))
        for i, row in enumerate(rows_, start + 1):
            for j, x in enumerate(row, 1):
                c = ws.cell(i, j, x)
                if isinstance(x, D): c.number_format = nf
        for j in range(1, len(hdr) + 1): ws.column_dimensions[get_column_letter(j)].width = max(10, min(34, max(len(cellstr(rw[j - 1], "mdy")) for rw in [hdr] + rows_) + 2)) if rows_ else 12
        ws.freeze_panes = ws.cell(start + 1, 1)
        ws.page_setup.orientation = "landscape" if len(hdr) > 5 else "portrait"; ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1 if for_pdf else 0
        if r.random() < 0.5: ws.auto_filter.ref = f"A{start}:{get_column_letter(len(hdr))}{start + len(rows_)}"
    ws = wb.active
    if layout == "split" and len(rows) >= 6:
        k = len(rows) // 2; pair = r.choice([("Week 1", "Week 2"), ("North", "South"), ("Clinic A", "Clinic B"), ("Pending", "Worked"), ("Oct", "Nov")])
        ws.title = pair[0]; fill(ws, rows[:k], False)
        ws2 = wb.create_sheet(pair[1]); fill(ws2, rows[k:], False)
    elif layout == "cover":
        ws.title = "Read me"; ws["A1"] = doc.title; ws["A1"].font = Font(bold=True, size=14); ws["A3"] = "Source"; ws["B3"] = doc.o.name if doc.o else ""
        ws["A4"] = "Rows"; ws["B4"] = len(rows); ws["A5"] = "Run date"; ws["B5"] = TODAY; ws["B5"].number_format = "mm/dd/yyyy"; ws.column_dimensions["A"].width = 12; ws.column_dimensions["B"].width = 44
        fill(wb.create_sheet(r.choice(["Data", "List", "Detail", "Export"])), rows, r.random() < 0.5)
    else:
        ws.title = r.choice(["Sheet1", "Report", doc.title[:28].replace("/", "-")]); fill(ws, rows, layout == "notes" or r.random() < 0.3)
        if layout == "notes":
            wn = wb.create_sheet("Notes"); wn["A1"] = r.choice(["Do not forward outside the department.", "Filter by column G to see open items.", "Questions to the analyst team."])
    wb.properties.creator = doc.o.short if doc.o else "user"
    wb.properties.created = wb.properties.modified = dtm.datetime(2026, 11, 1, 8, 0)
    buf = io.BytesIO(); wb.save(buf)
    return fix_zip(buf.getvalue())

def csv_bytes(r, doc):
    tb = doc.table(); hdr, rows = tb[1], tb[2]
    kind = r.choice(["excel", "quoted", "tsv", "comment", "lower", "crystal"])
    ds = {"excel": "excel", "quoted": "iso", "tsv": r.choice(["mdy", "compact"]), "comment": "mdy_nopad", "lower": "iso", "crystal": "dmyC"}[kind]
    s = io.StringIO(); eol = "\r\n" if r.random() < 0.6 else "\n"
    w = csv.writer(s, delimiter="\t" if kind == "tsv" else ",", lineterminator=eol, quoting=csv.QUOTE_NONNUMERIC if kind == "quoted" else csv.QUOTE_MINIMAL)
    hh = [re.sub(r"[^a-z0-9]+", "_", strip_acc(str(x)).lower()).strip("_") for x in hdr] if kind == "lower" else hdr
    if kind == "comment": s.write(f"# {doc.title}{eol}# exported {TODAY:%Y-%m-%d} by {doc.o.short if doc.o else 'system'}{eol}")
    if kind == "crystal": s.write(f"\"{doc.title}\"{eol}\"{doc.o.name if doc.o else ''}\"{eol}{eol}")
    w.writerow(hh)
    for row in rows: w.writerow([cellstr(x, ds) if not isinstance(x, (int, float)) or kind != "quoted" else x for x in row])
    if kind == "crystal": s.write(f"{eol}\"Record count: {len(rows)}\"{eol}")
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return ("tsv" if kind == "tsv" and r.random() < 0.6 else "txt" if kind == "tsv" else "csv"), data


# ============================================================== LibreOffice batching
LO_KINDS = {"docx2pdf": ("pdf:writer_pdf_Export", None), "html2pdf": ("pdf:writer_pdf_Export", "HTML (StarWriter)"), "xlsx2pdf": ("pdf:calc_pdf_Export", None),
            "html2docx": ("docx:MS Word 2007 XML", "HTML (StarWriter)"), "xlsx2xlsx": ("xlsx:Calc Office Open XML", None), "docx2docx": ("docx:MS Word 2007 XML", None)}

class Ctx:
    def __init__(self, tmp):
        self.tmp = tmp; self.n = 0; self.lo = {k: [] for k in LO_KINDS}
        for k in LO_KINDS: os.makedirs(os.path.join(tmp, k, "in")); os.makedirs(os.path.join(tmp, k, "out"))
    def path(self, suf):
        self.n += 1; return os.path.join(self.tmp, f"f{self.n:04d}{suf}")
    def lo_job(self, kind, data, inext, outext):
        self.n += 1; base = f"b3j{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", base + "." + inext)
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p); return os.path.join(self.tmp, kind, "out", base + "." + outext)
    def run(self):
        prof = "file://" + os.path.join(self.tmp, "lo-profile")
        for kind, files in self.lo.items():
            if not files: continue
            conv, inf = LO_KINDS[kind]
            args = ["soffice", f"-env:UserInstallation={prof}", "--headless", "--norestore"] + ([f"--infilter={inf}"] if inf else []) + ["--convert-to", conv, "--outdir", os.path.join(self.tmp, kind, "out")] + files
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

class Later:
    def __init__(self, path, gs=False): self.path, self.gs = path, gs
    def get(self, ctx):
        if self.gs: return gs_pdf(self.path, ctx.path(".pdf"), ["-dPDFSETTINGS=/ebook"])
        with open(self.path, "rb") as f: data = f.read()
        return fix_zip(data) if self.path.endswith((".docx", ".xlsx")) else data


# ============================================================== mail pieces
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook for Mac 16.89", "Outlook-iOS/2.0", "Yahoo Mail/iOS", "Mozilla Thunderbird 115.16.0",
           "Microsoft Exchange Server 2019", "Epic Secure Chat Notifier", "RightFax 21.2", "Xerox AltaLink C8170", "Salesforce Health Cloud"]
DISCL = ["PRIVILEGED & CONFIDENTIAL. If you are not the addressee, do not read, copy or forward this message; tell the sender and delete it.",
         "HIPAA NOTICE: The information in this e-mail may include individually identifiable health information protected by federal and state law. It is intended only for the addressee.",
         "Nota: este correo puede contener información confidencial. Si lo recibió por error, avise al remitente.",
         "Our office will never ask for your password by e-mail. Report suspicious messages with the Phish Alert button."]
COVER = ["Attached.", "pls see attached", "Here you go -", "Attached per your request (sent encrypted through our gateway).",
         "Morning! File attached, call if it won't open.", "Per our phone call, attached.", "Resending - the fax number bounced.",
         "Attached is the doc for Thursday's meeting.", "See attachment. Thx", "Adjunto el archivo que pidió.", "Forwarding what the front desk scanned.",
         "Hi all,\n\nThe attached goes out to the committee tomorrow. Edits by noon please.", "As requested.", "One attachment, please confirm receipt."]
SUBJ = ["Requested info", "scan", "Fax", "attachment", "For your review", "Per our call", "Docs", "File", "Thursday", "Update", "FYI", "Re: follow up",
        "Info you asked for", "Documento", "2nd request", "Report", "sending now", "[EXTERNAL] Re: question"]

def email_of(r, p, dom):
    loc = strip_acc(r.choice([f"{p.first[0]}{p.last}", f"{p.first}.{p.last}", f"{p.last}.{p.first[0]}", f"{p.first}{p.last[0]}{r.randint(1, 9)}"])).lower()
    return re.sub(r"[^a-z0-9.]", "", loc) + "@" + dom

def new_msg(r, subject, o=None, sender=None, to=None, cc=None, from_display=None):
    o = o or r.choice(ORGS); s = sender or staff(r)
    m = EmailMessage(policy=SMTP)
    m["From"] = formataddr((from_display or r.choice([f"{s.first} {s.last}", f"{s.last}, {s.first}", f"{s.first} {s.last} ({o.short})", f"{s.first} {s.last}, {r.choice(['RN', 'CPC', 'MSW', 'CMA', 'PharmD', 'RHIA'])}"]), email_of(r, s, o.dom)))
    if to is None:
        t = staff(r); dom = r.choice([x.dom for x in ORGS + VENDORS if x is not o] + OUTSIDE)
        to = formataddr((t.name(r, r.choice(["fl", "lf"])), email_of(r, t, dom))) if r.random() < 0.65 else r.choice(["intake", "referrals", "um", "records", "ap", "cm-team", "pharmacy", "frontdesk", "hr"]) + "@" + dom
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.12:
        c = staff(r); m["Cc"] = formataddr((c.name(r, "fl"), email_of(r, c, o.dom)))
    m["Subject"] = subject
    when = dtm.datetime(2026, r.randint(8, 11), r.randint(1, 28), r.randint(6, 21), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([5, 6, 7, 10, 8]))))
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{dg(r, 12)}.{r.choice(['JavaMail', 'Outlook', 'mail', 'rfax'])}.{dg(r, 5)}@{o.dom}>"
    mailer = r.choice(MAILERS + [None, None, None])
    if mailer: m["X-Mailer"] = mailer
    if mailer and "Outlook" in mailer and r.random() < 0.5: m["Thread-Topic"] = re.sub(r"^(RE|FW|Re|Fwd): ", "", subject)
    return m, s, o, when

def signature(r, s, o):
    t = r.choice([f"-- \n{s.first} {s.last}\n{r.choice(DEPTS)} | {o.name}\nP: {o.phone}  F: {o.fax}",
                  f"Thank you,\n\n{s.first[0]}. {s.last}\n{o.short} {r.choice(DEPTS)}\n{o.addr()}", f"{s.first}\nSent from my iPhone",
                  f"Best,\n{s.first} {s.last}\n{r.choice(['Coordinator', 'Specialist II', 'Supervisor', 'Analyst', 'Manager'])}, {r.choice(DEPTS)}\n{o.name}\n{o.phone} ext {r.randint(100, 9999)}",
                  f"Saludos,\n{s.first} {s.last}\n{o.name}\nTel. {o.phone}"])
    if r.random() < 0.3: t += "\n\n" + r.choice(DISCL)
    return t

def set_html(m, text, html, cids):
    m.set_content(text); m.add_alternative(html, subtype="html")
    if cids:
        hp = m.get_payload()[1]
        for cid, png, fn in cids: hp.add_related(png, "image", "png", cid=f"<{cid}>", filename=fn, disposition="inline")

def att_name(r, doc, ext):
    t = re.sub(r"[^A-Za-z0-9]+", "_", strip_acc(doc.title)).strip("_")[:40]; d = past(r)
    return r.choice([f"{t}.{ext}", f"{d:%Y-%m-%d} {t}.{ext}", f"Scan_{d:%m%d%Y}_{r.randint(100000, 999999)}.{ext}", f"DOC{dg(r, 6)}.{ext}",
                     f"{t.lower()}_v{r.randint(1, 5)}.{ext}", f"fax_{dg(r, 10)}.{ext}", f"{doc.o.short if doc.o else 'doc'}_{t}.{ext}", f"Untitled {r.randint(1, 9)}.{ext}"])

MT = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
      "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"),
      "txt": ("text", "plain"), "zip": ("application", "zip")}
def attach_bytes(m, data, fname):
    mt = MT[fname.rsplit(".", 1)[-1].lower()]
    if mt[0] == "text": m.add_attachment(data, mt[0], mt[1], filename=fname, params={"charset": "utf-8"})
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

def cover(r, m, s, o):
    """the innocuous body of an attachment message (same pool for both labels)"""
    x = r.random()
    if x < 0.18:   # scan-to-email device
        brand = r.choice([("XRX", "Xerox"), ("RICOH", "Ricoh"), ("HP", "HP"), ("MFP", "Canon")])
        dev = f"{brand[0]}-{r.choice(['2FL', '3W', 'ED', 'HIM', 'REG'])}-{r.randint(1, 9):02d}"
        m.replace_header("From", formataddr((dev, f"scan-to-email@{o.dom}")))
        m.set_content(f"Please open the attached document. It was scanned and sent to you using a {brand[1]} multifunction device.\n\n"
                      f"Number of Images: {r.randint(1, 6)}\nAttachment File Type: {r.choice(['PDF', 'PDF, Multi-Page'])}\nDevice Name: {dev}\nDevice Location: {r.choice(['2nd floor nurse station', 'HIM copy room', 'Registration', 'Pharmacy'])}\n")
        return
    if x < 0.28:   # fax server
        m.replace_header("From", formataddr(("RightFax", f"faxserver@{o.dom}")))
        m.set_content(f"You have received a {r.randint(1, 9)} page fax.\nFrom CSID: {phone_fmt(r, r.choice(PLACES)[3])}\nReceived: {fd(r, past(r), 'dow')} {tm(r)}\nFax ID: {dg(r, 8)}\n")
        return
    txt = r.choice(COVER) + "\n\n" + signature(r, s, o)
    if r.random() < 0.3:
        cid = f"sig{dg(r, 6)}@{o.dom}"
        set_html(m, txt, f'<html><body style="font-family:Verdana;font-size:10pt">{h(txt)}<br><img src="cid:{cid}" width="200" height="50"></body></html>', [(cid, logo_png(o.name), "signature_logo.png")])
    else: m.set_content(txt)

def trunc(doc, n=PDF_ROWS):
    return Doc(doc.cat, doc.title, [(b[0], b[1], b[2][:n]) if b[0] == "tbl" else b for b in doc.blocks], doc.o, doc.ds)

def npages(pdf): return len(re.findall(rb"/Type\s*/Page[^s]", pdf))
def fit2(make, doc):
    """render with up to PDF_ROWS table rows; if that runs past 2 pages, drop rows (a real export would be cut the same way)"""
    for n in (PDF_ROWS, 20, 14, 8):
        st = R.getstate(); data = make(trunc(doc, n))
        if npages(data) <= 2: return data
        R.setstate(st)
    return data
LO_ROWS = 18


# ============================================================== carriers
def build_plain(r, doc):
    m, s, o, _ = new_msg(r, doc.title if r.random() < 0.45 else r.choice(SUBJ), doc.o if doc.o and doc.o.kind != "vendor" and r.random() < 0.5 else None)
    intro = r.choice(["", "", "Hi -\n\n", "Team,\n\n", "Good afternoon,\n\n", "See below.\n\n", "Buenos días,\n\n", "Quick one:\n\n"])
    body = intro + to_text(r, doc) + "\n\n" + signature(r, s, o)
    m.set_content(body)
    if r.random() < 0.12: m.add_attachment(logo_png(o.name), "image", "png", filename="image001.png", disposition="inline")
    return m

def build_html(r, doc):
    m, s, o, _ = new_msg(r, doc.title if r.random() < 0.5 else r.choice(SUBJ))
    sig = signature(r, s, o); cids = []; cid = None
    if r.random() < 0.4: cid = f"logo.{dg(r, 8)}@{o.dom}"; cids.append((cid, logo_png(o.name), "logo.png"))
    html = to_html(r, doc, None, cid, sig)
    text = r.choice(["This message is best viewed in an HTML-capable e-mail client.", "[HTML message]"]) if r.random() < 0.2 else to_text(r, doc) + "\n\n" + sig
    set_html(m, text, html, cids)
    return m

def when_str(r, d, sty):
    w = dtm.datetime(2026, d.month, d.day, r.randint(7, 18), r.randint(0, 59))
    if sty == "gmail": return f"{DOW[w.weekday()]}, {MO[w.month - 1][:3]} {w.day}, {w.year} at {(w.hour - 1) % 12 + 1}:{w.minute:02d} {'AM' if w.hour < 12 else 'PM'}"
    if sty == "mac": return f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][w.weekday()]}, {MO[w.month - 1]} {w.day}, {w.year} at {(w.hour - 1) % 12 + 1}:{w.minute:02d} {'AM' if w.hour < 12 else 'PM'}"
    return f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][w.weekday()]}, {MO[w.month - 1]} {w.day}, {w.year} {(w.hour - 1) % 12 + 1}:{w.minute:02d} {'AM' if w.hour < 12 else 'PM'}"

FWD_NOTE = ["Looping you in - see below.", "Can you handle? Thx", "FYI", "Not sure this is ours - can you check?", "See the thread. I think we already sent this.",
            "Please add to Friday's agenda.", "Who owns this one?", "Reenvío para su revisión.", "Did this ever get resolved?", "See below, thanks!"]
def quote(t, pre="> "): return "\n".join(pre + ln if ln else pre.rstrip() for ln in t.split("\n"))

def build_forwarded(r, doc):
    a, b = staff(r), staff(r); o1 = doc.o if doc.o and doc.o.kind != "vendor" else r.choice(ORGS); o2 = r.choice(ORGS)
    inner_subj = doc.title; d = past(r)
    inner = to_text(r, doc) + "\n\n" + signature(r, a, o1)
    sty = r.choice(["yahoo", "outlook", "gmail-reply", "two-level", "mac", "rfc822", "html-cite"])
    m, s, o, _ = new_msg(r, ("Fwd: " if sty in ("yahoo", "mac", "rfc822") else "FW: " if sty == "outlook" else "Re: ") + inner_subj, o2)
    top = r.choice(FWD_NOTE) + "\n\n" + signature(r, s, o)
    fa = f"{a.first} {a.last} <{email_of(r, a, o1.dom)}>"; ta = f"{b.first} {b.last} <{email_of(r, b, o2.dom)}>"
    if sty == "yahoo":
        m.set_content(f"{top}\n\n\n----- Forwarded Message -----\nFrom: {fa}\nTo: {ta}\nSent: {when_str(r, d, 'outlook')}\nSubject: {inner_subj}\n\n{inner}")
    elif sty == "outlook":
        m.set_content(f"{top}\n\n-----Original Message-----\nFrom: {a.last}, {a.first} <{email_of(r, a, o1.dom)}>\nSent: {when_str(r, d, 'outlook')}\nTo: {ta}\nSubject: {inner_subj}\n\n{inner}")
    elif sty == "mac":
        m.set_content(f"{top}\n\n________________________________\nFrom: {fa}\nDate: {when_str(r, d, 'mac')}\nTo: {ta}\nSubject: {inner_subj}\n\n{inner}")
    elif sty == "gmail-reply":
        m.set_content(f"{r.choice(FWD_NOTE)}\n\n{s.first}\n\nOn {when_str(r, d, 'gmail')} {fa} wrote:\n\n{quote(inner)}")
    elif sty == "two-level":
        c = staff(r); mid = r.choice(["Adding Pat from billing.", "Is this the right fax number?", "Yes - please see original below.", "Following up on this."])
        m.set_content(f"{r.choice(FWD_NOTE)}\n\n{s.first}\n\nOn {when_str(r, d, 'gmail')} {c.first} {c.last} <{email_of(r, c, o2.dom)}> wrote:\n> {mid}\n>\n> On {when_str(r, d - dtm.timedelta(days=1), 'gmail')} {fa} wrote:\n{quote(inner, '>> ')}")
    elif sty == "html-cite":
        note, ws = r.choice(FWD_NOTE), when_str(r, d, "gmail")
        txt = f"{note}\n\nOn {ws}, {a.first} {a.last} wrote:\n\n{quote(inner)}"
        html = (f'<html><body><div>{h(note)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On {h(ws)}, {h(a.first + " " + a.last)} &lt;{email_of(r, a, o1.dom)}&gt; wrote:<br></div>'
                f'<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">{to_html(r, doc, r.choice(["owa", "ul", "pre"])).split("<body>")[1].split("</body>")[0]}</blockquote></div></body></html>')
        set_html(m, txt, html, [])
    else:
        im, _, _, _ = new_msg(r, inner_subj, o1, sender=a)
        if r.random() < 0.5: im.set_content(inner)
        else: set_html(im, inner, to_html(r, doc, None, None, signature(r, a, o1)), [])
        m.set_content(top)
        m.add_attachment(im, filename=re.sub(r"[^A-Za-z0-9 ]", "", inner_subj)[:40] + ".eml")
    return m

def build_attachment(r, ctx, carrier, doc):
    if carrier == "pdf-reportlab": ttf = r.random() < 0.35; return att_name(r, doc, "pdf"), fit2(lambda d: rl_pdf(r, d, ttf), doc)
    if carrier == "pdf-fpdf2": ttf = r.random() < 0.5; return att_name(r, doc, "pdf"), fit2(lambda d: fp_pdf(r, d, ttf), doc)
    if carrier == "pdf-ghostscript":
        x = r.random(); dt = trunc(doc, LO_ROWS)
        if x < 0.5:
            p = ctx.path(".ps")
            with open(p, "w", encoding="latin-1") as f: f.write(ps_greenbar(r, dt))
            return att_name(r, doc, "pdf"), gs_pdf(p, ctx.path(".pdf"))
        if x < 0.75:
            p = ctx.path(".pdf")
            with open(p, "wb") as f: f.write(fit2(lambda d: rl_pdf(r, d), doc) if r.random() < 0.5 else fit2(lambda d: fp_pdf(r, d), doc))
            return att_name(r, doc, "pdf"), gs_pdf(p, ctx.path(".pdf"), [r.choice(["-dPDFSETTINGS=/printer", "-dPDFSETTINGS=/screen", "-dCompatibilityLevel=1.4"])])
        return att_name(r, doc, "pdf"), Later(ctx.lo_job("docx2pdf", dx_doc(r, dt, r.random() < 0.4), "docx", "pdf"), gs=True)
    if carrier == "pdf-libreoffice":
        x = r.random(); dt = trunc(doc, LO_ROWS)
        if dt.table() and x < 0.25: return att_name(r, doc, "pdf"), Later(ctx.lo_job("xlsx2pdf", xl_book(r, dt, True), "xlsx", "pdf"))
        if x < 0.65: return att_name(r, doc, "pdf"), Later(ctx.lo_job("docx2pdf", dx_doc(r, dt, r.random() < 0.5), "docx", "pdf"))
        return att_name(r, doc, "pdf"), Later(ctx.lo_job("html2pdf", to_html(r, dt, r.choice(["owa", "card", "ul", "gdocs"])), "html", "pdf"))
    if carrier == "docx":
        x = r.random()
        if x < 0.55: return att_name(r, doc, "docx"), dx_doc(r, doc, r.random() < 0.5)
        if x < 0.8: return att_name(r, doc, "docx"), Later(ctx.lo_job("html2docx", to_html(r, doc, r.choice(["owa", "card", "ul"])), "html", "docx"))
        return att_name(r, doc, "docx"), Later(ctx.lo_job("docx2docx", dx_doc(r, doc, r.random() < 0.5), "docx", "docx"))
    if carrier == "xlsx":
        x = xl_book(r, doc)
        if r.random() < 0.45: return att_name(r, doc, "xlsx"), Later(ctx.lo_job("xlsx2xlsx", x, "xlsx", "xlsx"))
        return att_name(r, doc, "xlsx"), x
    if carrier == "csv":
        ext, data = csv_bytes(r, doc); return att_name(r, doc, ext), data
    if carrier == "zip":
        kinds = ["pdf-rl", "pdf-fp", "docx"] + (["xlsx", "csv", "csv"] if doc.table() else [])
        k = r.choice(kinds)
        if k == "pdf-rl": iname, data = att_name(r, doc, "pdf"), fit2(lambda d: rl_pdf(r, d), doc)
        elif k == "pdf-fp": ttf = r.random() < 0.5; iname, data = att_name(r, doc, "pdf"), fit2(lambda d: fp_pdf(r, d, ttf), doc)
        elif k == "docx": iname, data = att_name(r, doc, "docx"), dx_doc(r, doc, r.random() < 0.4)
        elif k == "xlsx": iname, data = att_name(r, doc, "xlsx"), xl_book(r, doc)
        else: ext, data = csv_bytes(r, doc); iname = att_name(r, doc, ext)
        shape = r.choice(["flat", "folder", "nested", "manifest"])
        if shape == "folder": members = [(f"{r.choice(['Outbound', 'SFTP_drop', 'for_review', 'Q4'])}/{past(r):%Y%m%d}/{iname}", data)]
        elif shape == "nested":
            members = [(r.choice(["payload.zip", "batch_001.zip", "inner.zip"]), make_zip([(iname, data)]))]
        elif shape == "manifest":
            members = [(iname, data), ("MANIFEST.txt", f"package created {TODAY:%Y-%m-%d}\r\nfiles: 1\r\nsha256 {hashlib.sha256(data).hexdigest()}  {iname}\r\n".encode())]
        else: members = [(iname, data)]
        return f"{r.choice(['secure', 'package', 'files', 'transfer', 'docs'])}_{dg(r, 6)}.zip", make_zip(members)
    raise ValueError(carrier)


# ---- header carrier: PHI (or look-alikes) in headers only, unrevealing body
HBODY = ["Please see me when you have a minute.", "Call me back on my cell.", "Per our hallway conversation.", "Thanks!", "Can we talk at huddle?",
         "Will do - thanks for the heads up.", "Let me know.", "Gracias.", "Confirming receipt.", "Calling you after lunch."]
def hdr_phi(r):
    p = Person(r); dx = r.choice(DX); v = r.randrange(16); d = fd(r, p.dob, r.choice(["mdy", "mdy2", "iso", "compact", "dmyC", "ap"]))
    subj, to, cc, rt, fromd, xh = r.choice(SUBJ), None, None, None, None, {}
    if v == 0: subj = f"{p.name(r, 'lf')} {d} - PA approved {r.choice(PROC)[1]}"
    elif v == 1: rt = formataddr((f"{p.name(r, 'fl')} - {r.choice(['asthma f/u', 'post-op wound check', 'Suboxone induction', 'prenatal 32 wk'])}", "scheduling@" + r.choice(ORGS).dom))
    elif v == 2: xh["Keywords"] = f"MRN {p.mrn}; {p.name(r, 'LF')}; {r.choice(['CHF readmit', 'sepsis', 'fall w/ hip fx', 'SI - 1:1 sitter'])}"
    elif v == 3: xh["X-Specimen"] = f"{accn(r)} {strip_acc(p.last).upper()},{strip_acc(p.first)[0].upper()} DOB{p.dob:%Y%m%d} {r.choice(['HIV-1 RNA', 'CT/NG NAAT', 'BRCA1/2', 'PAP/HPV'])}"; subj = "Specimen problem"
    elif v == 4: xh["Comments"] = f"Re: pt {p.name(r, 'fl')}, Medicaid ID {p.mcd}, denied {r.choice(['NICU day 12', 'inpatient detox', 'wound vac rental'])}"
    elif v == 5: xh["Thread-Topic"] = f"Denial - {p.name(r, 'lf')} - 278 ref {auth_(r)}"; subj = "Denial"
    elif v == 6: fromd = f"Scheduling for Dr. {r.choice(LL)} - {p.name(r, 'fl')} {r.choice(['colonoscopy', 'biopsy', 'C-section', 'ECT session'])}"
    elif v == 7: to = formataddr((f"{p.name(r, 'fl')} (DOB {d})", p.email)); subj = r.choice(["Your sleep study results", "Your lab results are in MyChart", "About your mammogram", "Your methadone take-home schedule"])
    elif v == 8: xh["X-Fax-Subject"] = f"{p.name(r, 'LFM')} SSN {p.ssn} - disability records"; subj = "Fax delivered"
    elif v == 9: subj = f"Paciente {p.name(r, 'fl')} - fecha de nac. {fd_es(r, p.dob)} - {r.choice(['resultados de VIH', 'embarazo', 'diabetes descontrolada', 'referido a oncología'])}"
    elif v == 10: cc = formataddr((f"{p.name(r, 'lf')} - {r.choice(['hospice pt', 'dialysis pt', 'psych pt'])} - MRN {p.mrn}", "cm@" + r.choice(ORGS).dom)); subj = "Family meeting"
    elif v == 11: xh["X-Encounter"] = f"CSN={dg(r, 10)}; PT={strip_acc(p.last).upper()}^{strip_acc(p.first).upper()}; DOB={p.dob:%Y%m%d}; DX={dx[0]}"
    elif v == 12: subj = f"MBI {mbi_fmt(r, p.mbi)} {p.name(r, 'LF')} - {r.choice(['SNF benefit days', 'hospice revocation', 'ESRD 2728 form'])}"
    elif v == 13: xh["X-Referral"] = f"{p.name(r, 'fl')}|{d}|{p.mem}|{dx[0]}"; subj = "Referral received"
    elif v == 14: subj = f"{p.name(r, 'init')} ({p.age}{p.sex}) MRN {p.mrn} - {r.choice(['K 6.8', 'trop up', 'blood cx + GPC', 'INR 6.1'])}"
    else: to = formataddr((f"{p.name(r, 'nick')} - guarantor acct {p.acct}", p.email)); subj = r.choice(["Statement for ER visit", "Balance on your oncology account"])
    return subj, to, cc, rt, fromd, xh

def hdr_clean(r):
    s = staff(r); v = r.randrange(14); subj, to, cc, rt, fromd, xh = r.choice(SUBJ), None, None, None, None, {}
    if v == 0: subj = f"{s.name(r, 'lf')} - badge access request for {r.choice(['OR suite', 'pharmacy vault', 'server room'])}"
    elif v == 1: to = formataddr((f"{s.name(r, 'lf')} (Payroll) E{dg(r, 6)}", email_of(r, s, r.choice(ORGS).dom))); subj = "W-4 question"
    elif v == 2: xh["X-Ticket"] = f"RITM{dg(r, 7)} {s.name(r, 'fl')} - {r.choice(['new monitor', 'Epic access', 'MFA reset'])}"
    elif v == 3: xh["Keywords"] = f"budget; FY27; {s.last}; capital"; subj = "FY27 capital request"
    elif v == 4: rt = formataddr((f"{s.name(r, 'fl')} - Volunteer Services", "volunteers@" + r.choice(ORGS).dom)); subj = "Gift shop schedule"
    elif v == 5: subj = f"Dr. {s.first} {s.last} - new NPI {npi(r)} on file for credentialing"
    elif v == 6: xh["Comments"] = f"approved by {s.first[0]}. {s.last} {fd(r, past(r), 'mdy2')}"; subj = f"PO {dg(r, 8)} - {r.choice(VENDORS).name}"
    elif v == 7: subj = f"Flu shots for staff - {fd(r, soon(r), 'dow')} in the cafeteria"
    elif v == 8: xh["Thread-Topic"] = f"Holiday PTO calendar - {r.choice(DEPTS)}"; subj = "PTO"
    elif v == 9: fromd = f"{r.choice(ORGS).short} Foundation - Gala Committee"; subj = f"Save the date: {fd(r, soon(r), 'full')}"
    elif v == 10: subj = f"Invitation: Diabetes Awareness lunch-and-learn @ {fd(r, soon(r), 'ap')} {tm(r)}"
    elif v == 11: cc = formataddr((f"{s.name(r, 'lf')} - HR Business Partner", email_of(r, s, r.choice(ORGS).dom))); subj = "Interview panel"
    elif v == 12: subj = f"Cumpleaños de {Person(r, 25, 60, hisp=True).name(r, 'fl')} - pastel a las 3"
    else: xh["X-Order"] = f"{r.choice(VENDORS).short} order {dg(r, 7)}; ship-to dock 4; tracking 1Z{dg(r, 16)}"
    return subj, to, cc, rt, fromd, xh

def build_header(r, label):
    subj, to, cc, rt, fromd, xh = hdr_phi(r) if label == "phi" else hdr_clean(r)
    m, s, o, _ = new_msg(r, subj, to=to, cc=cc, from_display=fromd)
    if rt: m["Reply-To"] = rt
    for k, v in xh.items():
        if k in m: del m[k]
        m[k] = v
    body = r.choice(HBODY) + "\n\n" + signature(r, s, o)
    if r.random() < 0.25:
        cid = f"img{dg(r, 6)}@{o.dom}"
        set_html(m, body, f'<html><body><p>{h(body)}</p><img src="cid:{cid}" width="200" height="50"></body></html>', [(cid, logo_png(o.name), "logo.png")])
    else: m.set_content(body)
    return m, "header-phi" if label == "phi" else "header-clean"


# ============================================================== main
CARRIERS = ["plain", "html", "pdf-reportlab", "pdf-fpdf2", "pdf-libreoffice", "pdf-ghostscript", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19

def cycler(r, lst):
    pool = []
    def nxt():
        if not pool: pool.extend(lst); r.shuffle(pool)
        return pool.pop()
    return nxt

def pick(r, cyc, carrier, label):
    L_ = "phi" if label == "phi" else "cln"
    if carrier in ("xlsx", "csv"): return cyc[L_ + "_tab"]()
    x = r.random()
    if carrier in ("plain", "forwarded", "html"): return cyc[L_ + ("_raw" if x < 0.2 else "_tab" if x < 0.32 else "_doc")]()
    if carrier == "zip": return cyc[L_ + ("_tab" if x < 0.4 else "_raw" if x < 0.5 else "_doc")]()
    return cyc[L_ + ("_tab" if x < 0.25 else "_raw" if x < 0.33 else "_doc")]()

# manifest category: batches 1-2's name where the template covers the same kind of document (so categories can be
# compared across batches); template names that have no counterpart there are used as they are
CAT_ALIAS = {"no-show-list": "no-show", "deidentified-aggregate": "deidentified-stats", "vendor-invoice": "invoice", "ap-invoices": "invoice",
             "immunization-record": "immunization", "staff-birthday": "birthday", "x12-837p": "x12-837", "x12-271": "x12-27x", "collections-notice": "collections",
             "test-patients": "test-data", "fhir-example": "test-data", "letter-template": "reminder-template", "radiology-report": "radiology",
             "prior-auth-request": "prior-auth", "device-recall": "vendor-recall", "provider-directory": "directory", "supply-par": "inventory",
             "training-compliance": "training-roster", "formulary-update": "formulary", "equipment-pm": "equipment", "research-flyer": "research-recruitment",
             "spanish-notice": "spanish-admin", "employee-benefits": "benefits", "x12-999-ack": "x12-ack", "edi-template": "edi-guide", "policy-memo": "policy",
             "school-note": "school-form", "result-message": "portal-message", "reportable-disease": "public-health-report", "behavioral-health-intake": "behavioral-health",
             "work-status": "workers-comp", "family-letter-genetic": "genetic-testing", "registration-export": "registration-ssn", "wound-rounds": "wound-care",
             "prenatal-registry": "prenatal", "pathology-addendum": "pathology", "spanish-result-letter": "spanish-lab", "transient-dialysis": "dialysis",
             "records-request": "release-of-information", "referral-fax": "referral", "cms-1500-boxes": "cms-1500", "refill-queue": "pharmacy-refill",
             "hl7-adt-a08": "hl7-adt", "fhir-medicationrequest": "fhir-json", "fhir-allergy": "fhir-json", "fhir-coverage-xml": "fhir-xml", "vendor-quote": "vendor",
             "staffing-roster": "staff-schedule", "form-revision-notice": "admin-notice", "committee-minutes": "meeting"}

def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"_b3_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:30])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b3-"); ctx = Ctx(tmp); built = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m, cat = build_header(R, label); built.append((fname, label, carrier, cat, m, None)); continue
            doc = pick(R, cyc, carrier, label)(R)
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                m, s, o, _ = new_msg(R, R.choice(SUBJ) if R.random() < 0.65 else doc.title)
                cover(R, m, s, o)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc))); continue
            built.append((fname, label, carrier, doc.cat, m, None))
        ctx.run()
        rows = []
        for fname, label, carrier, cat, m, att in built:
            if att:
                an, data = att
                if isinstance(data, Later): data = data.get(ctx)
                attach_bytes(m, data, an)
            with open(os.path.join(HERE, fname), "wb") as f: f.write(finish(fname, m))
            rows.append((fname, label, carrier, CAT_ALIAS.get(cat, cat), split_of(fname)))
        mp = os.path.join(HERE, "manifest.tsv"); keep = []
        if os.path.exists(mp):
            with open(mp, encoding="utf-8") as f: keep = [ln for ln in f.read().split("\n") if ln and not ln.startswith(PREFIX)]
        if not keep: keep = ["file\tlabel\tcarrier\tcategory\tsplit"]
        with open(mp, "w", newline="\n", encoding="utf-8") as f:
            f.write("\n".join(keep) + "\n")
            for row in rows: f.write("\t".join(row) + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(rows)} batch-3 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
