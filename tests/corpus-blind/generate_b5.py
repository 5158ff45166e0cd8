#!/usr/bin/python3
"""Batch 5 of the blind DLP corpus: b5-0001.eml ... b5-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written by a fifth author from BRIEF.md only (see README "Batch 5").  Templates, sentences, layouts, name
pools and organisations are new; only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, the SMTP policy) is imported from generate.py.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, SMTP   # producer plumbing only (no content)

SEED = 20261203
R = random.Random(SEED)
PREFIX = "b5-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
TODAY = D(2026, 12, 3)

def formataddr(pair):
    """address header value with correct quoting/RFC 2047 for any display name"""
    return Address(display_name=pair[0], addr_spec=pair[1])

# ------------------------------------------------------------------ people
# (female given, male given, family) by community; families may carry particles
POOLS = {
    "chinese": (["Xiaoling", "Mei", "Jing", "Yuxuan", "Li Na"], ["Wei", "Jun", "Hao", "Zhiwei", "Guoqiang"], ["Zhang", "Chen", "Liu", "Huang", "Zhou", "Xu", "Guo"]),
    "japanese": (["Aiko", "Naomi", "Emiko", "Sachiko"], ["Kenji", "Hiroshi", "Takeshi", "Ryo"], ["Nakamura", "Yamamoto", "Tanaka", "Okada", "Fujimoto", "Ishikawa"]),
    "russian": (["Svetlana", "Olga", "Natalia", "Yelena"], ["Dmitri", "Sergei", "Aleksandr", "Yuri"], ["Volkov", "Kuznetsova", "Sokolov", "Morozova", "Petrenko", "Lebedev"]),
    "italian": (["Antonella", "Rosaria", "Gina", "Francesca"], ["Giuseppe", "Salvatore", "Vincent", "Dominic"], ["Ferraro", "DiMarco", "D'Amato", "Dell'Aquila", "Russo", "Lombardi", "Esposito"]),
    "amish": (["Miriam", "Rebecca", "Lydia", "Katie"], ["Eli", "Amos", "Jacob", "Levi"], ["Stoltzfus", "Yoder", "Beiler", "Lapp", "Zook", "Hershberger"]),
    "jewish": (["Shoshana", "Miriam", "Rivka", "Dalia"], ["Avraham", "Moshe", "Eitan", "Yosef"], ["Goldfarb", "Katz", "Rosenthal", "Weinberg", "Friedman", "Ben-Ami"]),
    "lakota": (["Winona", "Tamara", "Charlene", "Denise"], ["Wayne", "Leland", "Calvin", "Russell"], ["Running Horse", "Iron Cloud", "Two Bulls", "Yellow Hawk", "Red Owl", "Black Elk"]),
    "chamorro": (["Rosalind", "Jocelyn", "Marites"], ["Joaquin", "Vicente", "Jesse"], ["Quinata", "Taitano", "Camacho", "San Nicolas", "Cruz", "Aguon"]),
    "brazilian": (["Luana", "Fernanda", "Thaís", "Juliana"], ["João", "Thiago", "Rodrigo", "Caio"], ["Pereira dos Santos", "Oliveira", "Carvalho", "dos Anjos", "Lima Barbosa"]),
    "sikh": (["Harpreet", "Simran", "Navneet", "Jaspreet"], ["Gurpreet", "Manjit", "Harjinder", "Amrit"], ["Kaur", "Singh Dhillon", "Sandhu", "Grewal", "Gill", "Sidhu"]),
    "quebec": (["Ghislaine", "Geneviève", "Josée", "Nathalie"], ["Réjean", "Gaétan", "Benoît", "Stéphane"], ["Gagnon", "Tremblay", "Bouchard", "St-Germain", "Lévesque", "Côté"]),
    "black": (["Latoya", "Keisha", "Shanice", "Tamika", "Imani"], ["DeShawn", "Terrence", "Marcus", "Jamal", "Darnell"], ["Washington", "Jefferson", "Freeman", "Oduya", "Booker", "Jenkins"]),
    "caribbean": (["Yusleidy", "Yokasta", "Milagros", "Dayanara", "Marisela"], ["Yunior", "Osvaldo", "Ramón", "Wilfredo", "Eliseo"], ["Peña de la Rosa", "Alfonso", "Batista", "de Jesús", "Almonte", "Guzmán Reyes"]),
    "anglo": (["Brenda", "Kathleen", "Heather", "Dorothy", "Shirley", "Amber"], ["Gary", "Dale", "Wesley", "Harold", "Travis", "Kyle"], ["Whitfield", "McAllister", "Pruitt", "O'Rourke", "Haskins", "Van Dyke", "Barlow", "Tuttle"]),
    "mexican": (["Guadalupe", "Araceli", "Xóchitl", "Rocío", "Itzel"], ["Jesús", "Eduardo", "Rigoberto", "Ulises", "Cuauhtémoc"], ["Hernández Ruiz", "Zúñiga", "Velázquez", "Ochoa", "Ibarra", "Cervantes"]),
    "korean": (["Ji-woo", "Seo-yeon", "Eun-ji"], ["Sung-ho", "Dong-hyun", "Jae-won"], ["Park", "Choi", "Jung", "Kang", "Yoon"]),
    "german": (["Ingrid", "Liesl", "Greta"], ["Klaus", "Dieter", "Wolfgang"], ["von Eschen", "Schumacher", "Brandt", "ten Brink", "Hoffmann"]),
}
POOL_KEYS = sorted(POOLS)
SUFFIXES = ["Jr.", "Sr.", "III", "II", "Jr", "IV"]
MIDDLE = "ABCDEFGHJKLMNPRSTW"

class Person:
    def __init__(self, r, amin=0, amax=95, pool=None, sex=None):
        self.pool = pool or r.choice(POOL_KEYS)
        f, m, fam = POOLS[self.pool]
        self.sex = sex or r.choice("FM")
        self.given = r.choice(f if self.sex == "F" else m)
        self.family = r.choice(fam)
        if self.pool == "russian":
            if self.sex == "M" and self.family.endswith("ova"): self.family = self.family[:-1]
            elif self.sex == "F" and self.family.endswith(("ov", "ev")): self.family += "a"
        self.mi = r.choice(MIDDLE) if r.random() < 0.55 else ""
        self.suffix = r.choice(SUFFIXES) if self.sex == "M" and r.random() < 0.12 else ""
        age_days = r.randint(amin * 365 + 10, amax * 365 + 300)
        self.dob = TODAY - dtm.timedelta(days=age_days)
        self.age = (TODAY - self.dob).days // 365
        self.city = r.choice(PLACES)
        self.street = f"{r.randint(12, 9899)} {r.choice(STREETS)}" + (r.choice(["", "", f" Apt {r.randint(1, 40)}{r.choice('ABCD')}", f" Unit {r.randint(100, 420)}", f" Lot {r.randint(2, 88)}"]))
        self.zip = self.city[2] + f"{r.randint(0, 99):02d}"
        self.phone = phone(r, self.city[3])
        self.email = f"{re.sub(r'[^a-z]', '', ascii_fold(self.given.lower()))[:8]}{r.choice(['.', '_', ''])}{re.sub(r'[^a-z]', '', ascii_fold(self.family.lower()))[:10]}{r.choice(['', str(r.randint(1, 99)), str(self.dob.year)[2:]])}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'hotmail.com', 'comcast.net'])}"
    def full(self): return " ".join(x for x in (self.given, (self.mi + ".") if self.mi else "", self.family, self.suffix) if x)
    def plain(self): return f"{self.given} {self.family}"
    def lfm(self): return f"{self.family}{(' ' + self.suffix) if self.suffix else ''}, {self.given}{(' ' + self.mi) if self.mi else ''}"
    def caps(self): return self.lfm().upper()
    def hl7(self): return f"{ascii_fold(self.family).upper()}^{ascii_fold(self.given).upper()}^{self.mi}^{self.suffix.rstrip('.').upper()}".rstrip("^")
    def shape(self, r):
        return r.choice([self.full(), self.plain(), self.lfm(), self.caps(), f"{self.family.upper()}, {self.given}", f"{self.given.upper()} {self.family.upper()}",
                         f"{self.family}/{self.given}", f"{self.given} {self.mi + ' ' if self.mi else ''}{self.family}"])
    def title(self): return ("Ms. " if self.sex == "F" else "Mr. ") + self.family
    def initials(self): return "".join(w[0] for w in (self.given.split()[0], self.family.split()[0])).upper()
    def addr1(self): return f"{self.street}, {self.city[0]}, {self.city[1]} {self.zip}"

def ascii_fold(s):
    import unicodedata
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

PLACES = [("Sioux Falls", "SD", "571", "605"), ("Lancaster", "PA", "176", "717"), ("Hagåtña", "GU", "969", "671"), ("Rapid City", "SD", "577", "605"),
          ("Allentown", "PA", "181", "610"), ("Dearborn", "MI", "481", "313"), ("Lowell", "MA", "018", "978"), ("Yakima", "WA", "989", "509"),
          ("Kissimmee", "FL", "347", "407"), ("Laredo", "TX", "780", "956"), ("Fargo", "ND", "581", "701"), ("Macon", "GA", "312", "478"),
          ("Bridgeport", "CT", "066", "203"), ("Toledo", "OH", "436", "419"), ("Pueblo", "CO", "810", "719"), ("Lewiston", "ME", "042", "207"),
          ("Stockton", "CA", "952", "209"), ("Paterson", "NJ", "075", "973"), ("Jackson", "MS", "392", "601"), ("Bangor", "ME", "044", "207")]
STREETS = ["Prairie View Dr", "Willow Creek Rd", "N 4th Ave", "Old Mill Ln", "Chestnut Hill Rd", "Marine Dr", "Kingsbury St", "Hwy 18 E", "Orchard Terrace",
           "Linden Ave", "Sandstone Ct", "Rte 340", "Farm Lane 12", "Bayview Pkwy", "Dakota Ave S", "Mulberry Row", "Quarry Rd", "Cumberland Blvd"]

# ------------------------------------------------------------------ identifiers (valid-looking)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def phone(r, area=None):
    a = area or r.choice([p[3] for p in PLACES]); e = f"{r.randint(2, 9)}{dg(r, 2)}"; n = dg(r, 4)
    return r.choice([f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}", f"+1 {a} {e} {n}", f"{a} {e}-{n}"])
def luhn_ok_digit(payload):
    s = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)
def npi(r):
    base = r.choice("12") + dg(r, 8)
    return base + luhn_ok_digit("80840" + base)
def ssn(r, style=None):
    while True:
        a = r.randint(1, 899)
        if a != 666: break
    g, s = r.randint(1, 99), r.randint(1, 9999)
    if (a, g, s) in ((78, 5, 1120), (219, 9, 9999), (123, 45, 6789)): s += 1
    st = style or r.choice(["-", "-", "-", " ", ""])
    return f"{a:03d}{st}{g:02d}{st}{s:04d}"
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dashes=None):
    an = MBI_A + "0123456789"
    c = [r.choice("123456789"), r.choice(MBI_A), r.choice(an), r.choice("0123456789"), r.choice(MBI_A), r.choice(an), r.choice("0123456789"),
         r.choice(MBI_A), r.choice(MBI_A), r.choice("0123456789"), r.choice("0123456789")]
    s = "".join(c)
    if s == "1EG4TE5MK73": s = "2" + s[1:]
    if dashes is None: dashes = r.random() < 0.5
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s
def dea(r, last="X"):
    d = [r.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return r.choice("ABFGM") + last[0].upper() + "".join(map(str, d)) + str(chk)
def ndc(r):
    return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def mrn(r):
    return r.choice([dg(r, 8), "00" + dg(r, 7), f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 3)}", "BRM" + dg(r, 7), "E" + dg(r, 9), dg(r, 6), f"M{dg(r, 2)}-{dg(r, 5)}"])
def memid(r):
    return r.choice(["KVH" + dg(r, 9), "PMA" + dg(r, 8) + "-0" + str(r.randint(1, 4)), f"{r.choice('UWXZ')}{dg(r, 8)}", f"{dg(r, 9)}{r.choice(['01', '02', '*01'])}",
                     f"KV {dg(r, 4)} {dg(r, 4)} {dg(r, 2)}", f"ZQN{dg(r, 9)}"])
def medicaid(r): return r.choice([f"{r.choice('AB')}{dg(r, 9)}", dg(r, 10), f"MA{dg(r, 8)}"])
def acct(r): return r.choice([dg(r, 9), f"{dg(r, 8)}-{r.randint(1, 9)}", "G" + dg(r, 7), "HAR " + dg(r, 9), "V" + dg(r, 10)])
def claimno(r): return r.choice([dg(r, 14), f"KV{dg(r, 2)}{dg(r, 9)}", f"26{dg(r, 3)}E{dg(r, 8)}", f"CLM{dg(r, 10)}"])
def accession(r): return r.choice([f"TC{dg(r, 2)}-{dg(r, 6)}", f"{r.choice(['S', 'C', 'H'])}{dg(r, 2)}-{dg(r, 5)}", f"26{dg(r, 8)}"])
def rx(r): return r.choice([dg(r, 7), f"{dg(r, 7)}-{r.randint(0, 9):02d}", f"RX{dg(r, 8)}"])
def auth(r): return r.choice([f"AUTH{dg(r, 9)}", f"PA{dg(r, 2)}{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}-{r.choice('ABC')}"])
def csn(r): return dg(r, 10)
def tin(r): return f"{r.choice(['20', '27', '45', '46', '81', '83', '84', '88'])}-{dg(r, 7)}"

# ------------------------------------------------------------------ dates
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
DSTYLES = ["mdy", "mdy", "mdy", "m/d/yy", "iso", "d-Mon-y", "Mon d, y", "Month d, y", "d Month y", "ymd8", "mdy8", "mdy-", "MONy", "wd", "mdy ", "ordinal"]
def fdate(d, st="mdy"):
    if st == "mdy": return f"{d:%m/%d/%Y}"
    if st == "m/d/y": return f"{d.month}/{d.day}/{d.year}"
    if st == "m/d/yy": return f"{d.month}/{d.day}/{d:%y}"
    if st == "iso": return f"{d:%Y-%m-%d}"
    if st == "d-Mon-y": return f"{d.day:02d}-{MON[d.month - 1][:3]}-{d.year}"
    if st == "Mon d, y": return f"{MON[d.month - 1][:3]} {d.day}, {d.year}"
    if st == "Month d, y": return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if st == "d Month y": return f"{d.day} {MON[d.month - 1]} {d.year}"
    if st == "ymd8": return f"{d:%Y%m%d}"
    if st == "mdy8": return f"{d:%m%d%Y}"
    if st == "mdy-": return f"{d:%m-%d-%Y}"
    if st == "MONy": return f"{d.day:02d}{MON[d.month - 1][:3].upper()}{d.year}"
    if st == "wd": return f"{WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year}"
    if st == "mdy ": return f"{d:%m %d %Y}"
    if st == "ordinal":
        sfx = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{MON[d.month - 1]} {d.day}{sfx}, {d.year}"
    if st == "es": return f"{d.day} de {MES[d.month - 1]} de {d.year}"
    if st == "es/": return f"{d:%d/%m/%Y}"
    if st == "es-": return f"{d.day:02d}-{MES[d.month - 1][:3]}-{d.year}"
    raise ValueError(st)
def dob_s(r, p): return fdate(p.dob, r.choice(DSTYLES))
def dob_es(r, p): return fdate(p.dob, r.choice(["es", "es/", "es-", "es/"]))
def recent(r, back=120, fwd=0): return TODAY - dtm.timedelta(days=r.randint(-fwd, back))
def future(r, a=3, b=60): return TODAY + dtm.timedelta(days=r.randint(a, b))
def clock(r):
    h = r.randint(7, 17); return f"{h % 12 or 12}:{r.choice(['00', '15', '30', '45', '10', '40'])} {'AM' if h < 12 else 'PM'}"

# ------------------------------------------------------------------ organisations (invented)
class Org:
    def __init__(self, name, short, dom, kind, city, system, r):
        self.name, self.short, self.dom, self.kind, self.system = name, short, dom, kind, system
        self.city = next(p for p in PLACES if p[0] == city)
        self.street = f"{r.randint(100, 4999)} {r.choice(['Medical Pkwy', 'Hospital Dr', 'Commerce St', 'Main St', 'Corporate Blvd', 'Professional Plaza', 'Riverside Dr'])}" + r.choice(["", f", Suite {r.randint(100, 450)}", f", Bldg {r.choice('ABC')}"])
        self.phone, self.fax = phone(r, self.city[3]), phone(r, self.city[3])
        self.npi, self.tin = npi(r), tin(r)
        self.color = r.choice([(0x1F, 0x4E, 0x79), (0x2E, 0x75, 0x5B), (0x7B, 0x2D, 0x26), (0x4B, 0x3B, 0x8F), (0x0E, 0x6E, 0x8C), (0x8A, 0x5A, 0x00), (0x33, 0x33, 0x33)])
    def addr(self): return f"{self.street}, {self.city[0]}, {self.city[1]} {self.city[2]}{(sum(map(ord, self.name)) % 90) + 10:02d}"
ORG_DEFS = [
    ("Bluestem Regional Medical Center", "Bluestem RMC", "bluestemrmc.org", "hospital", "Sioux Falls", "Epic"),
    ("Harbor Point Behavioral Health", "Harbor Point BH", "harborpointbh.org", "bh", "Lowell", "Netsmart myAvatar"),
    ("Juniper Ridge Family Dentistry", "Juniper Ridge Dental", "juniperridgedental.com", "dental", "Lancaster", "Dentrix"),
    ("Tri-County Clinical Laboratories", "TCCL", "tricountyclinlab.com", "lab", "Allentown", "Sunquest"),
    ("Larkspur Community Pharmacy", "Larkspur Pharmacy", "larkspurrx.com", "pharmacy", "Yakima", "PioneerRx"),
    ("Keystone Valley Health Plan", "KVHP", "kvhealthplan.com", "payer", "Lancaster", "HealthRules Payor"),
    ("Meridian Revenue Partners", "Meridian RP", "meridianrevpartners.com", "billing", "Toledo", "athenaCollector"),
    ("Osprey Bay Pediatrics", "Osprey Bay Peds", "ospreybaypeds.com", "clinic", "Kissimmee", "eClinicalWorks"),
    ("Red Cedar Cancer Institute", "Red Cedar CI", "redcedarcancer.org", "oncology", "Yakima", "Epic Beacon"),
    ("Copperline Orthopedics & Spine", "Copperline Ortho", "copperlineortho.com", "clinic", "Pueblo", "ModMed"),
    ("Silver Maple Home Health & Hospice", "Silver Maple HH", "silvermaplehh.com", "homehealth", "Bangor", "HCHB"),
    ("Cobalt Coast Imaging", "Cobalt Coast", "cobaltcoastimaging.com", "imaging", "Bridgeport", "Sectra RIS"),
    ("Pinecrest Medicaid Advantage", "Pinecrest MA", "pinecrestmedicaid.org", "payer", "Jackson", "Facets"),
    ("Wren Hollow Rural Health Clinic", "Wren Hollow RHC", "wrenhollowrhc.org", "clinic", "Fargo", "athenaOne"),
    ("Northgate Specialty Pharmacy", "Northgate SP", "northgatespecialty.com", "pharmacy", "Paterson", "CPR+"),
    ("Lantern Sleep & Pulmonary Associates", "Lantern Sleep", "lanternsleep.com", "clinic", "Macon", "NextGen"),
    ("St. Brendan Community Hospital", "St. Brendan", "stbrendanhosp.org", "hospital", "Lewiston", "Meditech Expanse"),
    ("Mesa Verde Family Health Center (FQHC)", "Mesa Verde FHC", "mesaverdefhc.org", "clinic", "Laredo", "NextGen"),
]
ORGS = [Org(*d, R) for d in ORG_DEFS]
VENDOR_DEFS = [("Stratus Medical Supply", "Stratus", "stratusmedsupply.com", "vendor", "Toledo", ""),
               ("ClearPath EDI Services", "ClearPath EDI", "clearpathedi.com", "vendor", "Fargo", ""),
               ("Beacon Biomedical Services", "Beacon Biomed", "beaconbiomed.com", "vendor", "Macon", ""),
               ("Ardent Clinical Staffing", "Ardent Staffing", "ardentstaffing.com", "vendor", "Stockton", ""),
               ("Fieldstone Managed IT", "Fieldstone IT", "fieldstoneit.net", "vendor", "Allentown", ""),
               ("Quillon Document Imaging", "Quillon", "quillondocs.com", "vendor", "Paterson", "")]
VENDORS = [Org(*d, R) for d in VENDOR_DEFS]
def org(r, kinds=None):
    c = [o for o in ORGS if kinds is None or o.kind in kinds]
    return r.choice(c)
def staffer(r): return Person(r, 24, 64)
def doctor(r):
    p = Person(r, 32, 70); p.cred = r.choice(["MD", "DO", "MD", "NP", "PA-C", "DDS", "DMD", "MD, FACP", "PsyD", "LCSW"]); p.npi = npi(r); return p
def drn(d): return f"{d.given} {d.family}, {d.cred}"

# ------------------------------------------------------------------ clinical vocabulary (real codes)
DX = [("E11.65", "Type 2 diabetes mellitus with hyperglycemia"), ("I10", "Essential (primary) hypertension"), ("J45.41", "Moderate persistent asthma with (acute) exacerbation"),
      ("F33.1", "Major depressive disorder, recurrent, moderate"), ("F41.1", "Generalized anxiety disorder"), ("N18.4", "Chronic kidney disease, stage 4 (severe)"),
      ("I48.91", "Unspecified atrial fibrillation"), ("C34.12", "Malignant neoplasm of upper lobe, left bronchus or lung"), ("C50.412", "Malignant neoplasm of upper-outer quadrant of left female breast"),
      ("M54.16", "Radiculopathy, lumbar region"), ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"),
      ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
      ("F10.20", "Alcohol dependence, uncomplicated"), ("F11.20", "Opioid dependence, uncomplicated"), ("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"),
      ("I50.22", "Chronic systolic (congestive) heart failure"), ("E03.9", "Hypothyroidism, unspecified"), ("B20", "Human immunodeficiency virus [HIV] disease"),
      ("C18.7", "Malignant neoplasm of sigmoid colon"), ("K02.52", "Dental caries on pit and fissure surface penetrating into dentin"), ("K05.321", "Chronic periodontitis, generalized, slight"),
      ("F90.2", "Attention-deficit hyperactivity disorder, combined type"), ("F43.10", "Post-traumatic stress disorder, unspecified"), ("N39.0", "Urinary tract infection, site not specified"),
      ("J18.9", "Pneumonia, unspecified organism"), ("S82.201A", "Unspecified fracture of shaft of right tibia, initial encounter"), ("L03.115", "Cellulitis of right lower limb"),
      ("D50.9", "Iron deficiency anemia, unspecified"), ("E66.01", "Morbid (severe) obesity due to excess calories"), ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"),
      ("Z34.82", "Encounter for supervision of other normal pregnancy, second trimester"), ("F32.A", "Depression, unspecified"), ("R07.9", "Chest pain, unspecified")]
CPT = [("99214", "Office/outpatient visit, est. patient, moderate MDM"), ("99204", "Office/outpatient visit, new patient, moderate MDM"), ("93000", "Electrocardiogram, complete"),
       ("80053", "Comprehensive metabolic panel"), ("83036", "Hemoglobin A1c"), ("72148", "MRI lumbar spine w/o contrast"), ("71260", "CT thorax with contrast"),
       ("95810", "Polysomnography, 4+ parameters, attended"), ("90837", "Psychotherapy, 60 minutes"), ("90834", "Psychotherapy, 45 minutes"), ("27447", "Total knee arthroplasty"),
       ("45378", "Colonoscopy, diagnostic"), ("77067", "Screening mammography, bilateral"), ("96413", "Chemotherapy IV infusion, up to 1 hr"), ("97110", "Therapeutic exercise, each 15 min"),
       ("G0299", "Direct skilled nursing services of an RN, home health, each 15 min"), ("E0601", "CPAP device"), ("J9271", "Injection, pembrolizumab, 1 mg")]
CDT = [("D0150", "Comprehensive oral evaluation"), ("D0274", "Bitewings - four radiographic images"), ("D1110", "Prophylaxis - adult"), ("D2392", "Resin-based composite - two surfaces, posterior"),
       ("D2740", "Crown - porcelain/ceramic"), ("D3330", "Endodontic therapy, molar tooth"), ("D4341", "Periodontal scaling and root planing - four or more teeth per quadrant"),
       ("D7140", "Extraction, erupted tooth or exposed root"), ("D7210", "Extraction, erupted tooth requiring removal of bone"), ("D1351", "Sealant - per tooth")]
DRUGS = [("metformin ER 750 mg tab", "1 tab PO daily with supper"), ("lisinopril 20 mg tab", "1 tab PO daily"), ("sertraline 100 mg tab", "1 tab PO daily"),
         ("apixaban 5 mg tab", "1 tab PO BID"), ("buprenorphine/naloxone 8-2 mg film", "1 film SL daily"), ("levothyroxine 88 mcg tab", "1 tab PO qAM"),
         ("albuterol HFA 90 mcg/act", "2 puffs q4-6h PRN"), ("semaglutide 1 mg/0.75 mL pen", "1 mg subcut weekly"), ("atorvastatin 40 mg tab", "1 tab PO nightly"),
         ("methylphenidate ER 36 mg tab", "1 tab PO qAM"), ("lamotrigine 100 mg tab", "1 tab PO BID"), ("Biktarvy 50-200-25 mg tab", "1 tab PO daily"),
         ("insulin glargine 100 u/mL pen", "24 units subcut at bedtime"), ("furosemide 40 mg tab", "1 tab PO daily"), ("amoxicillin 875 mg tab", "1 tab PO BID x 10 days"),
         ("adalimumab 40 mg/0.4 mL pen", "40 mg subcut every 14 days"), ("naltrexone 380 mg inj", "380 mg IM every 4 weeks"), ("quetiapine 50 mg tab", "1 tab PO at bedtime")]
LABS = [("Glucose", "mg/dL", 70, 99, 55, 310, 0), ("Creatinine", "mg/dL", 0.6, 1.3, 0.5, 4.8, 2), ("Potassium", "mmol/L", 3.5, 5.1, 2.9, 6.4, 1),
        ("Sodium", "mmol/L", 136, 145, 124, 151, 0), ("Hemoglobin", "g/dL", 12.0, 17.5, 6.8, 17.9, 1), ("WBC", "K/uL", 4.0, 11.0, 1.9, 24.0, 1),
        ("Platelets", "K/uL", 150, 400, 38, 610, 0), ("TSH", "uIU/mL", 0.45, 4.5, 0.02, 18.0, 2), ("Hemoglobin A1c", "%", 4.0, 5.6, 5.1, 12.4, 1),
        ("LDL Cholesterol", "mg/dL", 0, 99, 48, 212, 0), ("ALT", "U/L", 7, 52, 9, 240, 0), ("eGFR (CKD-EPI 2021)", "mL/min/1.73m2", 60, 200, 11, 118, 0),
        ("INR", "", 0.9, 1.1, 0.9, 4.6, 1), ("Troponin I, high sens.", "ng/L", 0, 34, 2, 890, 0), ("Ferritin", "ng/mL", 24, 336, 4, 800, 0),
        ("Vitamin D, 25-OH", "ng/mL", 30, 100, 8, 62, 0), ("PSA", "ng/mL", 0, 4.0, 0.3, 14.2, 2), ("Magnesium", "mg/dL", 1.6, 2.6, 1.0, 3.1, 1)]
FEMALE_DX = {"C50.412", "O24.410", "Z34.82"}
def dxp(r, p, pool=None):
    return r.choice([d for d in (pool or DX) if p.sex == "F" or d[0] not in FEMALE_DX])
def lab_row(r, lab):
    name, unit, lo, hi, a, b, nd = lab
    v = round(r.uniform(a, b), nd); v = int(v) if nd == 0 else v
    flag = "H" if v > hi else "L" if v < lo else ""
    if flag and (v > hi * 2.2 or (name in ("Potassium",) and (v > 6.0 or v < 3.0))): flag += flag
    rng = f"{lo}-{hi}" if lo else f"<{hi}"
    return name, str(v), flag, unit, rng
OUTPT_ONLY = {"K02.52", "K05.321", "F90.2", "Z34.82", "E03.9", "K21.9", "M17.11", "G47.33", "F41.1", "F32.A", "M54.16", "O24.410", "E66.01"}
def inpt_dx(r, p): return dxp(r, p, [d for d in DX if d[0] not in OUTPT_ONLY])
def payer_for(r, p, pool=None):
    c = [x for x in (pool or PAYERS) if not (p.age < 65 and x.startswith("Medicare")) and not (x == "Tricare East" and r.random() < 0.7) and x != "Delta Dental of PA"]
    return r.choice(c)
PAYERS = ["Keystone Valley Health Plan", "Pinecrest Medicaid Advantage", "Aetna Better Health", "UnitedHealthcare Community Plan", "Medicare Part B", "Highmark BCBS",
          "Cigna HealthSpring", "Humana Gold Plus (HMO)", "Wellcare by Allwell", "Tricare East", "Delta Dental of PA", "Self-pay"]

# ================================================================== document model
class Doc:
    """cat, title, issuing org, blocks: ("h", s) ("p", s) ("kv", [(label, value)]) ("t", header, rows, opts) ("pre", s)"""
    def __init__(self, cat, title, o, blocks, dfmt="mdy", lang="en"):
        self.cat, self.title, self.o, self.blocks, self.dfmt, self.lang = cat, title, o, blocks, dfmt, lang
    def table(self):
        return next((b for b in self.blocks if b[0] == "t"), None)
    def cut(self, n):
        nb = []
        for b in self.blocks:
            if b[0] == "t": nb.append(("t", b[1], b[2][:n], b[3]))
            elif b[0] == "pre": nb.append(("pre", "\n".join(b[1].split("\n")[:max(n * 2, 20)])))
            else: nb.append(b)
        return Doc(self.cat, self.title, self.o, nb, self.dfmt, self.lang)
class Money(float): pass
def cell(v, dfmt):
    if isinstance(v, dtm.datetime): return fdate(v.date(), dfmt) + f" {v:%H:%M}"
    if isinstance(v, D): return fdate(v, dfmt)
    if isinstance(v, Money): return f"${v:,.2f}" if v >= 0 else f"(${-v:,.2f})"
    return "" if v is None else str(v)
def T(header, rows, **opts): return ("t", header, rows, opts)

def kv_text(pairs, st):
    w = max(len(k) for k, _ in pairs) + 1
    if st == 0: return "\n".join(f"{k}: {v}" for k, v in pairs)
    if st == 1: return "\n".join(f"{k.ljust(w + 2)}{v}" for k, v in pairs)
    if st == 2: return "\n".join(f"{k} = {v}" for k, v in pairs)
    if st == 3: return "\n".join(f"{k.upper()}: {v}" for k, v in pairs)
    if st == 4: return "\n".join(f"{k}\n      {v}" for k, v in pairs)
    if st == 5:
        vw = max(len(str(v)) for _, v in pairs)
        return "\n".join([f"| {'Field'.ljust(w)} | {'Value'.ljust(vw)} |", f"|{'-' * (w + 2)}|{'-' * (vw + 2)}|"] + [f"| {k.ljust(w)} | {str(v).ljust(vw)} |" for k, v in pairs])
    if st == 6: return "\n".join(f"{k} \u2014 {v}" for k, v in pairs)
    return " / ".join(f"{k}: {v}" for k, v in pairs)

def tbl_text(hdr, rows, opts, dfmt, st):
    srows = [[cell(c, dfmt) for c in row] for row in rows]
    ws = [max([len(h)] + [len(x[i]) for x in srows]) for i, h in enumerate(hdr)]
    out = []
    grp = opts.get("group")
    if st == 0:
        if grp: out.append("| " + " | ".join(f"{g} ({n} cols)" if n > 1 else g for g, n in grp) + " |")
        out += ["| " + " | ".join(h.ljust(w) for h, w in zip(hdr, ws)) + " |", "|" + "|".join("-" * (w + 2) for w in ws) + "|"]
        out += ["| " + " | ".join(c.ljust(w) for c, w in zip(x, ws)) + " |" for x in srows]
    elif st == 1:
        if grp:
            line, i = "", 0
            for g, n in grp:
                span = sum(ws[i:i + n]) + 2 * (n - 1); line += g.center(span, "~") + "  "; i += n
            out.append(line.rstrip())
        out += ["  ".join(h.ljust(w) for h, w in zip(hdr, ws)), "  ".join("-" * w for w in ws)] + ["  ".join(c.ljust(w) for c, w in zip(x, ws)) for x in srows]
    elif st == 2:
        out += [f"{i}) " + "; ".join(x) for i, x in enumerate(srows, 1)]
    elif st == 3:
        for x in srows: out += [f"  {h}: {c}" for h, c in zip(hdr, x) if c] + [""]
    elif st == 4:
        out += ["\t".join(hdr)] + ["\t".join(x) for x in srows]
    else:
        sep = "+" + "+".join("-" * (w + 2) for w in ws) + "+"
        out += [sep, "| " + " | ".join(h.ljust(w) for h, w in zip(hdr, ws)) + " |", sep.replace("-", "=")] + ["| " + " | ".join(c.ljust(w) for c, w in zip(x, ws)) + " |" for x in srows] + [sep]
    return "\n".join(out).rstrip()

def doc_text(r, doc, title=True):
    kst, tst = r.randrange(8), r.randrange(6)
    out = [doc.title.upper() if r.random() < 0.4 else doc.title, ""] if title else []
    for b in doc.blocks:
        if b[0] == "h": out += [r.choice([b[1].upper(), b[1] + ":", f"== {b[1]} ==", f"[{b[1]}]", b[1]]) if kst != 7 else b[1].upper(), ""]
        elif b[0] == "p": out += [textwrap.fill(b[1], 78) if len(b[1]) > 90 and "\n" not in b[1] else b[1], ""]
        elif b[0] == "kv": out += [kv_text(b[1], kst), ""]
        elif b[0] == "t": out += [tbl_text(b[1], b[2], b[3], doc.dfmt, tst), ""]
        elif b[0] == "pre": out += [b[1], ""]
    return "\n".join(out).rstrip() + "\n"

# ------------------------------------------------------------------ HTML
def kv_html(pairs, st, color):
    if st == 0: return "".join(f'<p class="MsoNormal"><b>{hx(k)}:</b>&nbsp;{hx(str(v))}</p>\n' for k, v in pairs)
    if st == 1: return ('<table cellpadding="4" cellspacing="0" style="border-collapse:collapse;border:1px solid #999">\n' +
                        "".join(f'<tr><th align="left" style="background:#{color};color:#fff;border:1px solid #999;font-weight:600">{hx(k)}</th><td style="border:1px solid #999">{hx(str(v))}</td></tr>\n' for k, v in pairs) + "</table>\n")
    if st == 2: return "<div>" + "<br>\n".join(f"{hx(k)}: {hx(str(v))}" for k, v in pairs) + "</div>\n"
    if st == 3: return '<table width="100%" cellpadding="6" style="font-size:13px">' + "".join(
        f'<tr><td width="38%" style="color:#666;text-transform:uppercase;font-size:11px;border-bottom:1px solid #eee">{hx(k)}</td><td style="border-bottom:1px solid #eee"><strong>{hx(str(v))}</strong></td></tr>' for k, v in pairs) + "</table>\n"
    return "<dl>" + "".join(f"<dt><b>{hx(k)}</b></dt><dd>{hx(str(v))}</dd>" for k, v in pairs) + "</dl>\n"
def tbl_html(hdr, rows, opts, dfmt, color):
    h = '<table border="1" cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:12px;font-family:Arial">\n<thead>'
    if opts.get("group"): h += "<tr>" + "".join(f'<th colspan="{n}" style="background:#{color};color:#fff">{hx(g)}</th>' for g, n in opts["group"]) + "</tr>"
    h += "<tr>" + "".join(f'<th style="background:#e8e8e8">{hx(x)}</th>' for x in hdr) + "</tr></thead>\n<tbody>\n"
    for i, row in enumerate(rows):
        h += f'<tr{" style=&quot;background:#f6f6f6&quot;" if False else ""}>' + "".join(f"<td>{hx(cell(c, dfmt))}</td>" for c in row) + "</tr>\n"
    return h + "</tbody></table>\n"
def doc_html(r, doc, pre_html="", post_html="", st=None):
    st = r.randrange(5) if st is None else st
    color = "%02X%02X%02X" % doc.o.color if doc.o else "1F4E79"
    body = []
    if st == 3:
        body.append(f'<table width="600" align="center" cellpadding="0" cellspacing="0" style="border:1px solid #ddd;font-family:Helvetica,Arial,sans-serif"><tr><td style="background:#{color};color:#fff;padding:14px 20px;font-size:18px">{hx(doc.o.name if doc.o else doc.title)}</td></tr><tr><td style="padding:18px 20px">')
    body.append(f"<h2 style=\"font-size:16px;margin:0 0 10px 0\">{hx(doc.title)}</h2>\n" if st != 0 else f'<p class="MsoNormal"><b><span style="font-size:14.0pt">{hx(doc.title)}</span></b></p>\n')
    for b in doc.blocks:
        if b[0] == "h": body.append(f"<h3 style=\"font-size:14px;color:#{color};margin:14px 0 4px 0\">{hx(b[1])}</h3>\n" if st != 0 else f'<p class="MsoNormal"><b><u>{hx(b[1])}</u></b></p>\n')
        elif b[0] == "p": body.append(("<p class=\"MsoNormal\">" if st == 0 else "<p>") + hx(b[1]).replace("\n", "<br>\n") + "</p>\n")
        elif b[0] == "kv": body.append(kv_html(b[1], st, color))
        elif b[0] == "t": body.append(tbl_html(b[1], b[2], b[3], doc.dfmt, color))
        elif b[0] == "pre": body.append(f'<pre style="font-family:Consolas,monospace;font-size:12px">{hx(b[1])}</pre>\n')
    if st == 3: body.append("</td></tr></table>")
    font = {0: 'style="font-family:Calibri,sans-serif;font-size:11pt"', 2: 'style="font-family:Arial,Helvetica,sans-serif;font-size:small"'}.get(st, 'style="font-family:Segoe UI,Arial;font-size:13px"')
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{hx(doc.title)}</title></head>\n<body {font}>\n{pre_html}{"".join(body)}{post_html}</body></html>\n'

# ================================================================== images
_LOGO_CACHE = {}
def logo_png(o, w=220, h=60, style=0):
    key = (o.name, w, h, style)
    if key in _LOGO_CACHE: return _LOGO_CACHE[key]
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("RGB", (w, h), (255, 255, 255)); d = ImageDraw.Draw(im)
    c = o.color
    if style == 0:
        d.ellipse((4, 4, h - 4, h - 4), fill=c); f = ImageFont.truetype(DJB, int(h * 0.38))
        ini = "".join(w_[0] for w_ in re.sub(r"[^A-Za-z ]", " ", o.short).split()[:2]).upper()
        d.text((h / 2, h / 2), ini, font=f, fill=(255, 255, 255), anchor="mm")
        d.text((h + 6, h * 0.28), o.short, font=ImageFont.truetype(DJB, int(h * 0.26)), fill=c, anchor="lm")
        d.text((h + 6, h * 0.68), o.kind.replace("bh", "behavioral health").replace("homehealth", "home health").title(), font=ImageFont.truetype(DJ, int(h * 0.18)), fill=(90, 90, 90), anchor="lm")
    else:
        d.rectangle((0, 0, w, h), fill=c); d.rectangle((0, h - 6, w, h), fill=(230, 230, 230))
        d.text((10, h / 2 - 3), o.name if len(o.name) < 28 else o.short, font=ImageFont.truetype(DJB, int(h * 0.24)), fill=(255, 255, 255), anchor="lm")
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO_CACHE[key] = b.getvalue(); return b.getvalue()

# ================================================================== reportlab
def rl_pdf(r, doc, ttf=False):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Image as RLImage, Preformatted
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if ttf:
        if "DV" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DV", DJ)); pdfmetrics.registerFont(TTFont("DVB", DJB))
        F, FB = "DV", "DVB"; fx = lambda s: s
    else:
        F, FB = r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")]); fx = lat1
    e = lambda s: hx(fx(str(s)))
    t = doc.table(); wide = t is not None and len(t[1]) > 7
    ps = landscape(letter) if wide else letter
    col = colors.Color(*[c / 255 for c in doc.o.color]) if doc.o else colors.darkblue
    lay = r.randrange(3); logo = doc.o is not None and r.random() < 0.45
    buf = io.BytesIO()
    sd = SimpleDocTemplate(buf, pagesize=ps, leftMargin=48, rightMargin=48, topMargin=84 if lay == 0 else 60, bottomMargin=50, title=fx(doc.title), author=fx(doc.o.name if doc.o else ""), creator=fx(doc.o.system if doc.o and doc.o.system else "report service"))
    st_b = ParagraphStyle("b", fontName=F, fontSize=9, leading=11.5)
    st_h = ParagraphStyle("h", fontName=FB, fontSize=10.5, leading=13, textColor=col, spaceBefore=6, spaceAfter=3)
    st_t = ParagraphStyle("t", fontName=FB, fontSize=14 if lay != 2 else 12, leading=17, alignment=1 if lay == 1 else 0, spaceAfter=8)
    st_c = ParagraphStyle("c", fontName=F, fontSize=7.5 if not wide else 7, leading=9)
    st_cb = ParagraphStyle("cb", parent=st_c, fontName=FB)
    def page(c, d):
        c.saveState(); W, H = ps
        if doc.o:
            if lay == 0:
                c.setFillColor(col); c.rect(0, H - 62, W, 62, fill=1, stroke=0); c.setFillColor(colors.white)
                c.setFont(FB, 15); c.drawString(48, H - 32, fx(doc.o.name)); c.setFont(F, 8); c.drawString(48, H - 48, fx(f"{doc.o.addr()}  |  Tel {doc.o.phone}  |  Fax {doc.o.fax}"))
            else:
                if logo: c.drawImage(rl_img, 48, H - 52, width=110, height=30)
                c.setFont(FB if lay == 1 else F, 9); c.setFillColor(col); c.drawRightString(W - 48, H - 34, fx(doc.o.name))
                c.setFont(F, 7.5); c.setFillColor(colors.grey); c.drawRightString(W - 48, H - 45, fx(doc.o.addr())); c.setStrokeColor(col); c.line(48, H - 56, W - 48, H - 56)
        c.setFont(F, 7); c.setFillColor(colors.grey)
        c.drawString(48, 28, fx(r_foot)); c.drawRightString(ps[0] - 48, 28, f"Page {d.page}")
        c.restoreState()
    r_foot = r.choice(["CONFIDENTIAL", "Printed from " + (doc.o.system if doc.o and doc.o.system else "report server"), f"Form {r.choice('ABCDEFGH')}{r.randint(100, 999)} rev {r.randint(1, 12):02d}/{r.randint(2022, 2026)}", doc.title, ""])
    if logo:
        from reportlab.lib.utils import ImageReader
        rl_img = ImageReader(io.BytesIO(logo_png(doc.o, style=r.randrange(2))))
    story = [Paragraph(e(doc.title), st_t)]
    grid = lambda: [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    for b in doc.blocks:
        if b[0] == "h": story.append(Paragraph(e(b[1]), st_h))
        elif b[0] == "p": story.append(Paragraph(e(b[1]).replace("\n", "<br/>"), st_b)); story.append(Spacer(1, 4))
        elif b[0] == "pre": story.append(Preformatted(fx(b[1]), ParagraphStyle("m", fontName="Courier", fontSize=6.8, leading=8)))
        elif b[0] == "kv":
            pairs = b[1]
            if lay == 1 and len(pairs) > 3:
                rows = []
                for i in range(0, len(pairs), 2):
                    a = pairs[i]; bb = pairs[i + 1] if i + 1 < len(pairs) else ("", "")
                    rows.append([Paragraph(e(a[0]), st_cb), Paragraph(e(a[1]), st_c), Paragraph(e(bb[0]), st_cb), Paragraph(e(bb[1]), st_c)])
                tw = ps[0] - 96; tb = Table(rows, colWidths=[tw * 0.17, tw * 0.33, tw * 0.17, tw * 0.33])
                tb.setStyle(TableStyle(grid() + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEEEEE")), ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#EEEEEE"))]))
            else:
                rows = [[Paragraph(e(k), st_cb), Paragraph(e(v), st_c)] for k, v in pairs]
                tw = ps[0] - 96; tb = Table(rows, colWidths=[tw * 0.3, tw * 0.7], hAlign="LEFT")
                tb.setStyle(TableStyle((grid() if lay != 2 else [("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]) + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F0F0F0" if lay != 2 else "#FFFFFF"))]))
            story += [tb, Spacer(1, 6)]
        elif b[0] == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            data = []; sty = grid()
            if opts.get("group"):
                g = []; i = 0
                for name, n in opts["group"]:
                    g += [Paragraph(e(name), st_cb)] + [""] * (n - 1)
                    if n > 1: sty.append(("SPAN", (i, 0), (i + n - 1, 0)))
                    i += n
                data.append(g); sty.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")))
            h0 = len(data)
            data.append([Paragraph(e(x), ParagraphStyle("hh", parent=st_cb, textColor=colors.white)) for x in hdr])
            sty.append(("BACKGROUND", (0, h0), (-1, h0), col))
            for i, row in enumerate(rows):
                data.append([Paragraph(e(cell(c, doc.dfmt)), st_c) for c in row])
                if i % 2 == 1 and lay != 1: sty.append(("BACKGROUND", (0, h0 + 1 + i), (-1, h0 + 1 + i), colors.HexColor("#F4F6F8")))
            lens = [max([len(hdr[j])] + [len(cell(x[j], doc.dfmt)) for x in rows]) + 2 for j in range(len(hdr))]
            tw = ps[0] - 96; cw = [tw * l / sum(lens) for l in lens]
            tb = Table(data, colWidths=cw, repeatRows=h0 + 1); tb.setStyle(TableStyle(sty)); story += [tb, Spacer(1, 6)]
    sd.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()

# ================================================================== fpdf2
def fp_pdf(r, doc, ttf=False):
    from fpdf import FPDF, __version__ as fpdf_version
    t = doc.table(); wide = t is not None and len(t[1]) > 7
    fmt = r.choice(["Letter", "Letter", "A4"])
    col = doc.o.color if doc.o else (30, 60, 120)
    fx = (lambda s: str(s)) if ttf else (lambda s: lat1(str(s)))
    logo = doc.o is not None and r.random() < 0.4; lay = r.randrange(2)
    foot = r.choice(["Confidential", "Page {p} of {nb}", f"{doc.o.short if doc.o else ''} - {doc.title}", "Generated {d}"])
    class P(FPDF):
        def header(s):
            if doc.o:
                if logo: s.image(io.BytesIO(logo_png(doc.o, style=lay)), x=s.l_margin, y=8, w=42)
                s.set_font(FN, "B", 11); s.set_text_color(*col)
                s.set_xy(s.l_margin, 9); s.cell(0, 5, fx(doc.o.name), align="R"); s.ln(5)
                s.set_font(FN, "", 7.5); s.set_text_color(90, 90, 90); s.cell(0, 4, fx(f"{doc.o.addr()} - P {doc.o.phone} - F {doc.o.fax}"), align="R")
                s.set_draw_color(*col); s.line(s.l_margin, 24, s.w - s.r_margin, 24); s.set_y(28); s.set_text_color(0, 0, 0)
        def footer(s):
            s.set_y(-13); s.set_font(FN, "", 7); s.set_text_color(120, 120, 120)
            s.cell(0, 5, fx(foot.replace("{p}", str(s.page_no())).replace("{d}", fdate(TODAY, "mdy"))), align="C")
    pdf = P(orientation="L" if wide else "P", unit="mm", format=fmt)
    pdf.set_creation_date(dtm.datetime(2026, 12, 1, 8, 0, 0, tzinfo=dtm.timezone.utc))
    if ttf:
        pdf.add_font("DejaVu", "", DJ); pdf.add_font("DejaVu", "B", DJB); FN = "DejaVu"
    else: FN = r.choice(["Helvetica", "Times", "Courier"])
    pdf.set_producer(f"PyFPDF/fpdf{fpdf_version}"); pdf.alias_nb_pages(); pdf.set_auto_page_break(True, 16); pdf.set_title(fx(doc.title)); pdf.set_author(fx(doc.o.name if doc.o else "")); pdf.add_page()
    W = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(FN, "B", 13); pdf.multi_cell(W, 7, fx(doc.title), align="L" if lay else "C"); pdf.ln(2)
    for b in doc.blocks:
        if b[0] == "h":
            pdf.ln(1); pdf.set_font(FN, "B", 10); pdf.set_fill_color(*[min(255, c + 170) for c in col]); pdf.cell(W, 6, fx(b[1]), fill=True, new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
        elif b[0] == "p":
            pdf.set_font(FN, "", 9); pdf.multi_cell(W, 4.6, fx(b[1])); pdf.ln(2)
        elif b[0] == "pre":
            pdf.set_font("Courier", "", 6.5)
            for ln in b[1].split("\n"): pdf.multi_cell(W, 3.1, lat1(ln) if not ttf else ln, new_x="LMARGIN", new_y="NEXT") if pdf.get_string_width(lat1(ln)) > W else pdf.cell(W, 3.1, lat1(ln), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "kv":
            lw = W * 0.32
            for k, v in b[1]:
                pdf.set_font(FN, "B", 8.5); pdf.set_fill_color(238, 238, 238)
                if lay == 0:
                    y0 = pdf.get_y(); pdf.set_font(FN, "", 8.5); nl = len(pdf.multi_cell(W - lw, 5, fx(v), dry_run=True, output="LINES")); h = 5 * max(1, nl)
                    pdf.set_font(FN, "B", 8.5); pdf.cell(lw, h, fx(k), border=1, fill=True); pdf.set_font(FN, "", 8.5); pdf.multi_cell(W - lw, 5, fx(v), border=1, new_x="LMARGIN", new_y="NEXT")
                else:
                    pdf.cell(lw, 5, fx(k + ":")); pdf.set_font(FN, "", 8.5); pdf.multi_cell(W - lw, 5, fx(v), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            fs = 7.5 if not wide else 6.8
            pdf.set_font(FN, "", fs)
            lens = [max([pdf.get_string_width(fx(hdr[j])) * 1.1] + [pdf.get_string_width(fx(cell(x[j], doc.dfmt))) for x in rows]) + 2.5 for j in range(len(hdr))]
            sc = W / sum(lens); cw = [l * sc for l in lens]
            if sc < 1:
                fs = fs * sc; pdf.set_font(FN, "", fs)
            if opts.get("group"):
                pdf.set_font(FN, "B", fs); pdf.set_fill_color(215, 215, 215); i = 0
                for g, n in opts["group"]:
                    pdf.cell(sum(cw[i:i + n]), 5, fx(g), border=1, fill=True, align="C"); i += n
                pdf.ln(5)
            pdf.set_font(FN, "B", fs); pdf.set_fill_color(*col); pdf.set_text_color(255, 255, 255)
            for h_, w_ in zip(hdr, cw): pdf.cell(w_, 5.5, fx(h_), border=1, fill=True)
            pdf.ln(5.5); pdf.set_text_color(0, 0, 0); pdf.set_font(FN, "", fs)
            for i, row in enumerate(rows):
                pdf.set_fill_color(243, 245, 248)
                for c, w_ in zip(row, cw): pdf.cell(w_, 5, fx(cell(c, doc.dfmt)), border="LR" if lay else 1, fill=(i % 2 == 1))
                pdf.ln(5)
            if lay: pdf.cell(W, 0, "", border="T")
            pdf.ln(3)
    return bytes(pdf.output())

def pages_of(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out); return int(m.group(1)) if m else 99
def fit(make, doc):
    for n in (60, 30, 18, 10):
        data = make(doc.cut(n))
        if pages_of(data) <= 2: return data
    return data

# ================================================================== hand-written PostScript (LIS/print-driver style) for ghostscript
def ps_s(s):
    out = []
    for ch in lat1(str(s)):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % (o if o < 256 else 63))
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def ps_doc(r, doc):
    W, H = 612, 792; M = 40
    col = [c / 255 for c in (doc.o.color if doc.o else (30, 30, 30))]
    L = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title)[:60]}", f"%%Creator: {(doc.o.system if doc.o and doc.o.system else 'LIS print driver')} PS", "%%Pages: (atend)", "%%EndComments",
         "/RE { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put def currentdict end definefont pop } bind def",
         "/HL /Helvetica RE /HB /Helvetica-Bold RE /CR /Courier RE /CB /Courier-Bold RE /TR /Times-Roman RE",
         "/rs { dup stringwidth pop neg 0 rmoveto show } bind def"]
    pages = [[]]; y = [H - M]
    def emit(s): pages[-1].append(s)
    def need(h):
        if y[0] - h < 58:
            pages.append([]); y[0] = H - M - 10; head(False)
    def head(first):
        emit(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} setrgbcolor")
        if doc.o:
            emit(f"/HB 13 selectfont {M} {y[0] - 12} moveto {ps_s(doc.o.name)} show")
            emit(f"/HL 7.5 selectfont {M} {y[0] - 23} moveto {ps_s(doc.o.addr() + '   Tel ' + doc.o.phone + '   Fax ' + doc.o.fax)} show")
        # barcode-like strip (decorative, seeded)
        x = W - M - 120
        for _ in range(34):
            bw = bars.pop(0); bars.append(bw)
            emit(f"{x:.1f} {y[0] - 24} {bw:.1f} 22 rectfill"); x += bw + 1.4
        emit("0 setgray 0.8 setlinewidth")
        emit(f"{M} {y[0] - 30} moveto {W - M} {y[0] - 30} lineto stroke {M} {y[0] - 32.5} moveto {W - M} {y[0] - 32.5} lineto stroke")
        y[0] -= 46
    bars = [r.choice([0.8, 0.8, 1.6, 2.4]) for _ in range(40)]
    head(True)
    emit(f"0.88 setgray {M} {y[0] - 4} {W - 2 * M} 18 rectfill 0 setgray /HB 11 selectfont {M + 6} {y[0] + 1} moveto {ps_s(doc.title.upper())} show"); y[0] -= 26
    for b in doc.blocks:
        if b[0] == "h":
            need(20); emit(f"/HB 9.5 selectfont {M} {y[0]} moveto {ps_s(b[1])} show {M} {y[0] - 3} moveto {W - M} {y[0] - 3} lineto 0.4 setlinewidth stroke"); y[0] -= 15
        elif b[0] == "p":
            for ln in textwrap.wrap(b[1].replace("\n", " "), 100) or [""]:
                need(12); emit(f"/TR 9.5 selectfont {M} {y[0]} moveto {ps_s(ln)} show"); y[0] -= 11.5
            y[0] -= 4
        elif b[0] == "pre":
            for ln in b[1].split("\n"):
                for piece in [ln[i:i + 105] for i in range(0, max(len(ln), 1), 105)]:
                    need(9); emit(f"/CR 7.2 selectfont {M} {y[0]} moveto {ps_s(piece)} show"); y[0] -= 8.4
            y[0] -= 4
        elif b[0] == "kv":
            pairs = b[1]; half = (W - 2 * M) / 2
            two = len(pairs) > 4 and max(len(str(v)) for _, v in pairs) < 34
            step = 2 if two else 1
            for i in range(0, len(pairs), step):
                need(12)
                for j, (k, v) in enumerate(pairs[i:i + step]):
                    x = M + j * half
                    emit(f"/HB 7.5 selectfont {x} {y[0]} moveto {ps_s(k.upper())} show /CR 9 selectfont {x + (78 if two else 130)} {y[0]} moveto {ps_s(v)} show")
                y[0] -= 12
            y[0] -= 5
        elif b[0] == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            lens = [max([len(hdr[j])] + [len(cell(x[j], doc.dfmt)) for x in rows]) + 2 for j in range(len(hdr))]
            tw = W - 2 * M; fs = min(8.0, tw / (sum(lens) * 0.6)); cw = [l * fs * 0.6 for l in lens]
            sc = tw / sum(cw) if sum(cw) > tw else 1; cw = [c * sc for c in cw]
            need(30)
            if opts.get("group"):
                x = M; i = 0
                for g, n in opts["group"]:
                    w_ = sum(cw[i:i + n]); emit(f"0.75 setgray {x} {y[0] - 3} {w_ - 1} 11 rectfill 0 setgray /HB {fs} selectfont {x + 2} {y[0]} moveto {ps_s(g)} show"); x += w_; i += n
                y[0] -= 12
            emit(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} setrgbcolor {M} {y[0] - 3} {tw} 11 rectfill 1 setgray")
            x = M
            for h_, w_ in zip(hdr, cw): emit(f"/HB {fs} selectfont {x + 2} {y[0]} moveto {ps_s(h_)} show"); x += w_
            emit("0 setgray"); y[0] -= 12
            for i, row in enumerate(rows):
                need(11)
                if i % 2: emit(f"0.94 setgray {M} {y[0] - 3} {tw} 10.5 rectfill 0 setgray")
                x = M
                for c, w_ in zip(row, cw):
                    s = cell(c, doc.dfmt)
                    emit(f"/{'CB' if s in ('H', 'L', 'HH', 'LL', 'A', 'C') else 'CR'} {fs} selectfont {x + 2} {y[0]} moveto {ps_s(s)} show"); x += w_
                y[0] -= 10.5
            emit(f"0.5 setlinewidth {M} {y[0] + 6} moveto {W - M} {y[0] + 6} lineto stroke"); y[0] -= 8
    user = r.choice(["LISPRT01", "HIMQ2", "RPTSVR", "PRN-3W-01", "BILLQ"])
    for n, pg in enumerate(pages, 1):
        L += [f"%%Page: {n} {n}"] + pg + [f"0 setgray /HL 7 selectfont {M} 30 moveto {ps_s(f'Printed {fdate(TODAY, chr(109) + chr(100) + chr(121))} by {user}')} show",
                                          f"{W - M} 30 moveto (Page {n} of {len(pages)}) rs", "showpage"]
    L += ["%%Trailer", f"%%Pages: {len(pages)}", "%%EOF"]
    return "\n".join(L) + "\n", len(pages)

def gs_pdf(src, out):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.6", f"-sOutputFile={out}", src], check=True, stdout=subprocess.DEVNULL)
    with open(out, "rb") as f: return f.read()

# ================================================================== DOCX (python-docx)
def shade(c, hexcolor):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = c._tc.get_or_add_tcPr(); s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), hexcolor); tcPr.append(s)
def add_field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = par.add_run()
    for kind, txt in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind); run._r.append(e)
        elif txt == code:
            e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = f" {code} "; run._r.append(e)
        else:
            e = OxmlElement("w:t"); e.text = txt; run._r.append(e)
def dx_doc(r, doc, letterhead=False):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    d = docx.Document(); sec = d.sections[0]
    t = doc.table(); wide = t is not None and len(t[1]) > 7
    if wide:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8); sec.top_margin = Inches(0.7); sec.bottom_margin = Inches(0.7)
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Segoe UI"]); st.font.size = Pt(10)
    col = RGBColor(*doc.o.color) if doc.o else RGBColor(0x1F, 0x4E, 0x79); hexcol = "%02X%02X%02X" % (doc.o.color if doc.o else (0x1F, 0x4E, 0x79))
    lay = r.randrange(3)
    cp = d.core_properties; cp.author = r.choice(["", doc.o.short if doc.o else "", "HIM", "Front Desk", "Billing"]); cp.title = doc.title
    if doc.o:
        hp = sec.header.paragraphs[0]
        if letterhead:
            hp.add_run().add_picture(io.BytesIO(logo_png(doc.o, style=r.randrange(2))), width=Inches(2.0))
            p2 = sec.header.add_paragraph(); rr = p2.add_run(f"{doc.o.addr()}  \u2022  {doc.o.phone}"); rr.font.size = Pt(8); rr.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        else:
            rr = hp.add_run(doc.o.name); rr.bold = True; rr.font.size = Pt(13); rr.font.color.rgb = col
            p2 = sec.header.add_paragraph(); rr = p2.add_run(f"{doc.o.addr()} | Phone {doc.o.phone} | Fax {doc.o.fax}"); rr.font.size = Pt(8)
        if lay == 2: hp.alignment = WD_ALIGN_PARAGRAPH.CENTER; p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fk = r.randrange(3)
    if fk == 0: fp.add_run("Page "); add_field(fp, "PAGE"); fp.add_run(" of "); add_field(fp, "NUMPAGES")
    elif fk == 1: fp.add_run(f"{r.choice(['HIM', 'REV', 'CLN', 'PHM', 'BH'])}-{r.randint(100, 999)} (Rev. {r.randint(1, 12)}/{r.randint(2021, 2026)})")
    else: fp.add_run(r.choice(["Confidential \u2013 do not redistribute", "Internal use", doc.title]))
    for rn in fp.runs: rn.font.size = Pt(7.5)
    hd = d.add_paragraph(); rr = hd.add_run(doc.title); rr.bold = True; rr.font.size = Pt(15 if lay != 1 else 13); rr.font.color.rgb = col
    if lay == 1: hd.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tstyles = ["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1", "Light Shading Accent 1", "Table Grid"]
    for b in doc.blocks:
        if b[0] == "h":
            p = d.add_paragraph(); rr = p.add_run(b[1].upper() if lay == 1 else b[1]); rr.bold = True; rr.font.size = Pt(11); rr.font.color.rgb = col
        elif b[0] == "p":
            for para in b[1].split("\n"): d.add_paragraph(para)
        elif b[0] == "pre":
            for ln in b[1].split("\n"):
                p = d.add_paragraph(); p.paragraph_format.space_after = Pt(0); rr = p.add_run(ln); rr.font.name = "Courier New"; rr.font.size = Pt(7.5)
        elif b[0] == "kv":
            pairs = b[1]
            if lay == 2 and len(pairs) <= 6:
                for k, v in pairs:
                    p = d.add_paragraph(); p.paragraph_format.space_after = Pt(1); p.add_run(k + ": ").bold = True; p.add_run(str(v))
            elif lay == 1 and len(pairs) > 3:
                n = (len(pairs) + 1) // 2; tb = d.add_table(rows=n, cols=4); tb.style = "Table Grid"
                for i, (k, v) in enumerate(pairs):
                    rr_, cc = i % n, (i // n) * 2
                    tb.cell(rr_, cc).text = k; tb.cell(rr_, cc + 1).text = str(v); shade(tb.cell(rr_, cc), "E7E6E6"); tb.cell(rr_, cc).paragraphs[0].runs[0].bold = True
            else:
                tb = d.add_table(rows=len(pairs), cols=2); tb.style = "Table Grid"
                for i, (k, v) in enumerate(pairs):
                    tb.cell(i, 0).text = k; tb.cell(i, 1).text = str(v); shade(tb.cell(i, 0), hexcol if lay == 0 else "EDEDED")
                    run = tb.cell(i, 0).paragraphs[0].runs[0]; run.bold = True
                    if lay == 0: run.font.color.rgb = RGBColor(255, 255, 255)
            d.add_paragraph()
        elif b[0] == "t":
            hdr, rows, opts = b[1], b[2], b[3]; g = 1 if opts.get("group") else 0
            tb = d.add_table(rows=len(rows) + 1 + g, cols=len(hdr)); tb.style = r.choice(tstyles)
            if g:
                i = 0
                for name, n in opts["group"]:
                    c = tb.cell(0, i).merge(tb.cell(0, i + n - 1)) if n > 1 else tb.cell(0, i); c.text = name; shade(c, "D9D9D9"); c.paragraphs[0].runs[0].bold = True; i += n
            for j, h_ in enumerate(hdr):
                c = tb.cell(g, j); c.text = h_; c.paragraphs[0].runs[0].bold = True
            for i, row in enumerate(rows):
                for j, v in enumerate(row): tb.cell(i + 1 + g, j).text = cell(v, doc.dfmt)
            fs = Pt(8 if len(hdr) < 7 else 7)
            for rw in tb.rows:
                for c in rw.cells:
                    for p in c.paragraphs:
                        for rn in p.runs: rn.font.size = fs
            d.add_paragraph()
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ================================================================== XLSX (openpyxl)
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "mmm d, yyyy", "m/d/yy", "mm-dd-yyyy"]
def xl_book(r, doc, for_pdf=False, nogroup=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook(); ws = wb.active
    t = doc.table(); hdr, rows, opts = t[1], t[2], t[3]
    ws.title = re.sub(r"[\[\]\*\?/\\:]", "", opts.get("sheet") or doc.title)[:31]
    hexcol = "%02X%02X%02X" % (doc.o.color if doc.o else (0x1F, 0x4E, 0x79))
    dfmt = r.choice(XL_DATE) if doc.lang != "es" else r.choice(["dd/mm/yyyy", "d/m/yyyy"]); row0 = 1
    if r.random() < 0.55 or for_pdf:
        ws.cell(1, 1, doc.title).font = Font(bold=True, size=13)
        ws.cell(2, 1, r.choice([f"Run: {fdate(TODAY, 'mdy')} {clock(r)}", f"Source: {doc.o.system if doc.o and doc.o.system else 'report server'}", f"{doc.o.name if doc.o else ''}", f"Prepared {fdate(TODAY, 'Month d, y')}"]))
        row0 = 4
    if opts.get("group") and not nogroup:   # (LibreOffice turns Center-Across-Selection into merged cells on re-save)
        c0 = 1
        for name, n in opts["group"]:
            # grouped header row: "Center Across Selection" instead of merged cells
            for j in range(c0, c0 + n):
                ws.cell(row0, j).alignment = Alignment(horizontal="centerContinuous"); ws.cell(row0, j).fill = PatternFill("solid", fgColor="D9D9D9")
            ws.cell(row0, c0, name).font = Font(bold=True)
            c0 += n
        row0 += 1
    thin = Side(style="thin", color="BBBBBB")
    for j, h_ in enumerate(hdr, 1):
        c = ws.cell(row0, j, h_); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=hexcol); c.border = Border(bottom=thin)
    for i, row in enumerate(rows, row0 + 1):
        for j, v in enumerate(row, 1):
            if isinstance(v, dtm.datetime):
                c = ws.cell(i, j, v); c.number_format = dfmt + " h:mm"
            elif isinstance(v, D):
                c = ws.cell(i, j, v); c.number_format = dfmt
            elif isinstance(v, Money):
                c = ws.cell(i, j, float(v)); c.number_format = '"$"#,##0.00'
            elif isinstance(v, int) and not isinstance(v, bool):
                c = ws.cell(i, j, v)
            else: ws.cell(i, j, "" if v is None else str(v))
    for j, h_ in enumerate(hdr, 1):
        w = max([len(h_)] + [len(cell(x[j - 1], "mdy")) for x in rows]) + 2
        ws.column_dimensions[get_column_letter(j)].width = min(max(w, 8), 48)
    if r.random() < 0.6: ws.freeze_panes = ws.cell(row0 + 1, 1)
    if r.random() < 0.5: ws.auto_filter.ref = f"A{row0}:{get_column_letter(len(hdr))}{row0 + len(rows)}"
    ws.page_setup.orientation = "landscape" if len(hdr) > 5 else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1
    notes = [b[1] for b in doc.blocks if b[0] == "p"]
    if notes and for_pdf:
        i = row0 + len(rows) + 2
        for n_ in notes:
            for ln in textwrap.wrap(n_.replace("\n", " "), 90): ws.cell(i, 1, ln).font = Font(italic=True, size=9); i += 1
    elif notes and r.random() < 0.6:
        ns = wb.create_sheet(r.choice(["Notes", "Read me", "Criteria", "About"]))
        for i, n in enumerate(notes, 1): ns.cell(i, 1, n)
        ns.column_dimensions["A"].width = 100
    wb.properties.creator = r.choice(["", "Report Writer", doc.o.system if doc.o and doc.o.system else "SQL Reporting", "Crystal Reports"])
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

# ================================================================== CSV / delimited
def csv_bytes(r, doc):
    t = doc.table(); hdr, rows, opts = t[1], t[2], t[3]
    kind = r.choice(["comma", "comma", "quoted", "semi", "pipe", "tab"])
    delim = {"comma": ",", "quoted": ",", "semi": ";", "pipe": "|", "tab": "\t"}[kind]
    ext = {"tab": r.choice(["tsv", "txt"]), "pipe": "txt"}.get(kind, "csv")
    dstyle = r.choice(["iso", "mdy", "m/d/y", "ymd8", doc.dfmt])
    snake = r.random() < 0.3
    hh = [re.sub(r"[^a-z0-9]+", "_", h_.lower()).strip("_") for h_ in hdr] if snake else hdr
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL, lineterminator="\r\n" if r.random() < 0.6 else "\n")
    pre = r.random()
    if pre < 0.2: s.write(f"# {doc.title} - extracted {fdate(TODAY, 'iso')} from {doc.o.system if doc.o and doc.o.system else 'warehouse'}" + w.dialect.lineterminator)
    elif pre < 0.3 and kind == "comma": s.write("sep=," + w.dialect.lineterminator)
    w.writerow(hh)
    def cv(v):
        if isinstance(v, Money): return f"{float(v):.2f}"
        if isinstance(v, dtm.datetime): return f"{v:%Y-%m-%d %H:%M}" if dstyle == "iso" else fdate(v.date(), dstyle) + f" {v:%H:%M}"
        if isinstance(v, D): return fdate(v, dstyle)
        return "" if v is None else str(v)
    for row in rows: w.writerow([cv(v) for v in row])
    if r.random() < 0.2: s.write(f"Total records: {len(rows)}" + w.dialect.lineterminator)
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, ext

# ================================================================== RTF (EHR export) for LibreOffice
def rtf_s(s):
    out = []
    for ch in str(s):
        o = ord(ch)
        if ch in "\\{}": out.append("\\" + ch)
        elif ch == "\n": out.append("\\line ")
        elif o > 127: out.append(f"\\u{o if o < 32768 else o - 65536}?")
        else: out.append(ch)
    return "".join(out)
def rtf_doc(r, doc):
    c = doc.o.color if doc.o else (0x1F, 0x4E, 0x79)
    L = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1\fmodern Courier New;}{\f2\froman Times New Roman;}}",
         r"{\colortbl;\red%d\green%d\blue%d;\red230\green230\blue230;}" % c, r"\paperw12240\paperh15840\margl1080\margr1080\margt1000\margb1000\fs19"]
    if doc.o:
        L.append(r"{\header\pard\qr\f0\fs16\cf1\b " + rtf_s(doc.o.name) + r"\b0\par " + rtf_s(doc.o.addr() + "  Ph " + doc.o.phone) + r"\par}")
    L.append(r"{\footer\pard\qc\f0\fs14 " + rtf_s(f"Exported from {doc.o.system if doc.o and doc.o.system else 'EHR'} {fdate(TODAY, 'mdy')}") + r" - Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}")
    L.append(r"\pard\sa160\f0\fs28\b\cf1 " + rtf_s(doc.title) + r"\cf0\b0\fs19\par")
    def row(cells, widths, bold=False, fill=False):
        s = r"\trowd\trgaph80\trleft0"
        x = 0
        for w in widths:
            x += w; s += (r"\clcbpat2" if fill else "") + r"\clbrdrt\brdrs\brdrw8\clbrdrl\brdrs\brdrw8\clbrdrb\brdrs\brdrw8\clbrdrr\brdrs\brdrw8\cellx%d" % x
        s += r"\pard\intbl\fs16 " + "".join((r"\b " if bold else "") + rtf_s(cv) + (r"\b0" if bold else "") + r"\cell " for cv in cells) + r"\row"
        return s
    for b in doc.blocks:
        if b[0] == "h": L.append(r"\pard\sb120\sa60\b\fs21 " + rtf_s(b[1]) + r"\b0\fs19\par")
        elif b[0] == "p": L.append(r"\pard\sa100 " + rtf_s(b[1]) + r"\par")
        elif b[0] == "pre": L.append(r"\pard\f1\fs14 " + rtf_s(b[1]) + r"\f0\fs19\par")
        elif b[0] == "kv":
            for k, v in b[1]: L.append(row([k, str(v)], [2900, 7100], False, False).replace(r"\pard\intbl\fs16 ", r"\pard\intbl\fs17 ", 1))
            L.append(r"\pard\par")
        elif b[0] == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            lens = [max([len(hdr[j])] + [len(cell(x[j], doc.dfmt)) for x in rows]) + 2 for j in range(len(hdr))]
            ws = [int(10000 * l / sum(lens)) for l in lens]
            if opts.get("group"):
                gw, i = [], 0
                for g, n in opts["group"]: gw.append(sum(ws[i:i + n])); i += n
                L.append(row([g for g, _ in opts["group"]], gw, True, True))
            L.append(row(hdr, ws, True, True))
            for x in rows: L.append(row([cell(v, doc.dfmt) for v in x], ws))
            L.append(r"\pard\par")
    L.append("}")
    return "\n".join(L)

# ================================================================== PHI documents
def lbl(r, kind):
    return r.choice({
        "name": ["Patient", "Patient Name", "Pt Name", "Name", "PATIENT", "Pt"],
        "dob": ["DOB", "D.O.B.", "Date of Birth", "Birth Date", "Birthdate", "DOB (age)"],
        "mrn": ["MRN", "Med Rec #", "Chart No.", "EPIC MRN", "Pt ID", "Medical Record No", "MR #", "Patient ID"],
        "mem": ["Member ID", "Mbr ID", "Subscriber ID", "Member #", "Insured's ID Number", "Policy / Member No."],
        "acct": ["Acct #", "Account No.", "Guarantor Acct", "HAR", "Visit Account", "Encounter #", "FIN"],
        "phone": ["Phone", "Home phone", "Cell", "Best contact #", "Tel"],
        "addr": ["Address", "Home address", "Mailing address", "Addr"]}[kind])
def demo(r, p, keys=("name", "dob", "mrn"), extra=()):
    out = []
    for k in keys:
        if k == "name": out.append((lbl(r, "name"), p.shape(r)))
        elif k == "dob":
            l = lbl(r, "dob"); out.append((l, dob_s(r, p) + (f" ({p.age} y/o)" if "age" in l else r.choice(["", "", f"  {p.age}{p.sex}", f" - {p.age} yrs"]))))
        elif k == "mrn": out.append((lbl(r, "mrn"), mrn(r)))
        elif k == "mem": out.append((lbl(r, "mem"), memid(r)))
        elif k == "acct": out.append((lbl(r, "acct"), acct(r)))
        elif k == "phone": out.append((lbl(r, "phone"), p.phone))
        elif k == "addr": out.append((lbl(r, "addr"), p.addr1()))
        elif k == "sex": out.append(("Sex", {"F": r.choice(["F", "Female"]), "M": r.choice(["M", "Male"])}[p.sex]))
    return out + list(extra)

def P_lab_report(r):
    o = org(r, ["lab", "hospital"]); p = Person(r, 18, 90); dr = doctor(r); coll = recent(r, 20)
    labs = r.sample(LABS, r.randint(5, 9)); rows = [list(lab_row(r, l)) for l in labs]
    return Doc("lab-results", r.choice(["Final Report", "Laboratory Report - FINAL", "Chemistry/Hematology Results", "Cumulative Result Report"]), o, [
        ("kv", demo(r, p, ("name", "dob", "sex", "mrn")) + [("Accession", accession(r)), ("Collected", f"{fdate(coll, 'mdy')} {clock(r)}"), ("Ordering", drn(dr)), ("Status", "Final")]),
        T(["Test", "Result", "Flag", "Units", "Reference"], rows),
        ("p", r.choice(["H = above reference interval, L = below. HH/LL = critical, called to the ordering office per policy.", "Results verified by technologist. Performed at " + o.name + ", CLIA " + f"{r.randint(10, 49)}D{dg(r, 7)}.",
                        f"Dx on requisition: {r.choice(DX)[0]}. Fasting: {r.choice(['Y', 'N', 'unknown'])}."]))], dfmt="mdy")

def P_result_letter(r):
    o = org(r, ["clinic", "hospital", "imaging"]); dr = doctor(r); d = recent(r, 30)
    test, msg = r.choice([("mammogram", "showed an area that needs a closer look. We have scheduled a diagnostic mammogram and ultrasound for you"),
                          ("thyroid blood test", f"showed a TSH of {r.uniform(6, 14):.1f}, which means your thyroid is underactive. Dr. {dr.family} would like to start levothyroxine 50 mcg"),
                          ("colonoscopy biopsy", "showed a tubular adenoma (a precancerous polyp) that was removed completely. You should have your next colonoscopy in 3 years"),
                          ("A1c", f"was {r.uniform(7.2, 10.5):.1f}%, higher than our goal of under 7%. Please make an appointment to go over your diabetes medicines"),
                          ("chest CT", "showed a 7 mm nodule in the right lung. This is usually benign, but we recommend a repeat CT in 6 months"),
                          ("Pap test", "was abnormal (ASC-US with a positive high-risk HPV result). The next step is a colposcopy in our office")])
    p = Person(r, 25, 85, sex="F" if test in ("mammogram", "Pap test") else None)
    return Doc("result-letter", "Results Letter", o, [
        ("p", f"{fdate(TODAY, 'Month d, y')}\n\n{p.full()}\n{p.street}\n{p.city[0]}, {p.city[1]} {p.zip}"),
        ("p", f"RE: {r.choice(['Your', 'Recent'])} {test} on {fdate(d, 'Mon d, y')}   {r.choice(['DOB', 'Date of birth'])} {dob_s(r, p)}"),
        ("p", f"Dear {p.title()},\n\nYour {test} {msg}. {r.choice(['If you have questions, call our nurse line at ' + o.phone + '.', 'You can also read these results in MyChart.', 'Please call us so we can answer any questions.'])}"),
        ("p", f"Sincerely,\n\n{drn(dr)}\n{o.name}")])

def P_referral(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 4, 88); dr = doctor(r); to = doctor(r); dx = dxp(r, p)
    spec = r.choice(["Cardiology", "Pulmonology/Sleep", "Orthopedic Spine", "Behavioral Health", "Endocrinology", "Hematology/Oncology", "Pediatric Dentistry", "Nephrology"])
    return Doc("referral", r.choice(["Outgoing Referral", "Referral Request", "Specialty Referral Order", "REFERRAL / CONSULT REQUEST"]), o, [
        ("h", "Patient"), ("kv", demo(r, p, ("name", "dob", "sex", "phone", "addr")) + [("Insurance", payer_for(r, p)), (lbl(r, "mem"), memid(r))]),
        ("h", "Referral"), ("kv", [("Refer to", f"{spec} - {drn(to)}"), ("Priority", r.choice(["Routine", "Urgent (within 7 days)", "STAT"])), ("Diagnosis", f"{dx[0]} {dx[1]}"),
                                   ("Referring provider", f"{drn(dr)}, NPI {dr.npi}"), ("Referral #", f"RF{dg(r, 8)}"), ("Visits requested", str(r.choice([1, 3, 6, 12])))]),
        ("h", "Reason"), ("p", r.choice([f"Please evaluate and treat. Pt reports {r.choice(['worsening dyspnea on exertion', 'numbness down the left leg', 'daytime somnolence and loud snoring per spouse', 'panic attacks several times a week'])} for {r.randint(2, 10)} months.",
                                         f"Known {dx[1].lower()}; not at goal on current regimen ({r.choice(DRUGS)[0]}). Records and last labs attached in the chart.",
                                         "Evaluate for surgical candidacy. MRI report faxed separately."]))])

def P_discharge(r):
    o = org(r, ["hospital"]); p = Person(r, 30, 92); dr = doctor(r); adm = recent(r, 25); dis = adm + dtm.timedelta(days=r.randint(1, 9)); dx = inpt_dx(r, p); dx2 = dxp(r, p)
    meds = r.sample(DRUGS, 4)
    return Doc("discharge", r.choice(["Discharge Summary", "Hospital Discharge Summary", "DISCHARGE SUMMARY - Hospitalist Service"]), o, [
        ("kv", demo(r, p, ("name", "mrn", "dob")) + [("CSN", csn(r)), ("Admitted", fdate(adm, "mdy")), ("Discharged", fdate(dis, "mdy")), ("Attending", drn(dr)), ("Disposition", r.choice(["Home with home health", "SNF", "Home", "Home with hospice"]))]),
        ("h", "Diagnoses"), ("p", f"Principal: {dx[1]} ({dx[0]})\nSecondary: {dx2[1]} ({dx2[0]})"),
        ("h", "Hospital course"), ("p", f"{p.age}-year-old {'woman' if p.sex == 'F' else 'man'} admitted with {dx[1].lower()}. " + r.choice([
            "Treated with IV antibiotics, transitioned to oral on day 3. Cultures grew pan-sensitive E. coli.", "Diuresed 4.2 L with IV furosemide; weight down 5 kg. Echo EF 30-35%.",
            "Required BiPAP overnight on admission, weaned to 2 L NC. Steroid taper started.", "Insulin drip for DKA, anion gap closed within 18 hours; endocrine consulted."])),
        ("h", "Discharge medications"), T(["Medication", "Sig", "Status"], [[m, s, r.choice(["NEW", "CONTINUE", "CHANGED", "CONTINUE"])] for m, s in meds]),
        ("p", f"Follow up with PCP within 7 days. Labs (BMP) on {fdate(dis + dtm.timedelta(days=5), 'mdy')}.")])

def P_prior_auth(r):
    o = org(r, ["payer"]); p = Person(r, 18, 80); dr = doctor(r); cpt = r.choice(CPT); dx = dxp(r, p); dec = r.choice(["APPROVED", "PENDED - clinicals requested", "DENIED", "APPROVED (modified)"])
    return Doc("prior-auth", r.choice(["Prior Authorization Determination", "Utilization Review Notice", "Pre-Service Authorization Request"]), o, [
        ("kv", [("Member", p.lfm()), ("Member ID", memid(r)), ("DOB", dob_s(r, p)), ("Requesting provider", f"{drn(dr)} (NPI {dr.npi})"), ("Auth / Ref #", auth(r)),
                ("Service", f"CPT/HCPCS {cpt[0]} - {cpt[1]}"), ("Diagnosis", f"{dx[0]} - {dx[1]}"), ("Units / visits", str(r.randint(1, 12))), ("Determination", dec),
                ("Valid", f"{fdate(TODAY, 'mdy')} through {fdate(future(r, 60, 180), 'mdy')}" if "APPROVED" in dec else "n/a")]),
        ("p", r.choice(["Reviewer notes: conservative therapy documented > 6 weeks; meets InterQual criteria.", "Please submit last two office notes and imaging report within 14 calendar days or the request will be closed.",
                        "Criteria not met: no documentation of failed step therapy. Peer-to-peer available at " + o.phone + "."]))])

def P_claim_chat(r):
    o = org(r, ["billing", "clinic", "hospital", "dental"]); p = Person(r, 18, 88, sex="F"); s = staffer(r); dos = recent(r, 150, 0); cpt = r.choice(CPT + CDT)
    opener = r.choice([f"Hi {s.given},", "Hey -", f"{s.given} -", "Good morning,"])
    body = r.choice([
        f"Can you look at claim {claimno(r)} for {p.shape(r)}? DOS {fdate(dos, 'm/d/yy')}, {cpt[0]} ({cpt[1].lower()}). Payer says CO-16, missing info, but we sent the referral #. Member ID on file is {memid(r)}, DOB {dob_s(r, p)}.",
        f"{p.plain()} (acct {acct(r)}) called again about the {fdate(dos, 'mdy')} visit. EOB shows PR-2 coinsurance ${r.randint(40, 900)}.{dg(r, 2)} but she swears her plan covers it at 100%. Dx was {r.choice(DX)[0]}. Could you rebill with the corrected secondary?",
        f"Quick one: {p.caps()}, DOB {dob_s(r, p)}, claim # {claimno(r)} denied CO-197 (no precert). The auth was {auth(r)} - it's in the chart. Appeal or corrected claim?",
        f"Payment posted wrong for {p.lfm()} - we got ${r.randint(80, 500)}.00 on {cpt[0]} but the contract rate is higher. Pt's {r.choice(['knee injection', 'sleep study', 'therapy visit', 'crown', 'MRI'])} was {fdate(dos, 'Mon d, y')}. Acct {acct(r)}."])
    return Doc("claims", r.choice(["claim question", "Denial follow-up", "RE: payment variance"]), o, [("p", opener), ("p", body), ("p", r.choice(["Thanks!", "Thx", "Appreciate it", "Let me know what you find."]))])

def P_eligibility(r):
    o = org(r, ["clinic", "dental", "billing", "bh"]); p = Person(r, 2, 80); sub = p if r.random() < 0.6 else Person(r, 25, 60)
    return Doc("eligibility", r.choice(["Eligibility & Benefits Verification", "Insurance Verification Worksheet", "Benefits check"]), o, [
        ("kv", [("Patient", p.lfm()), ("DOB", dob_s(r, p)), ("Subscriber", sub.lfm() + (" (self)" if sub is p else " (parent)")), ("Payer", payer_for(r, p)), (lbl(r, "mem"), memid(r)),
                ("Group #", dg(r, 6)), ("Coverage", r.choice(["Active", "Active - term date pending", "Inactive as of " + fdate(recent(r, 60), "mdy")])), ("Verified via", r.choice(["Availity", "payer portal", "phone, ref #" + dg(r, 8), "270/271"]))]),
        ("h", "Benefits"), T(["Benefit", "In-network", "Remaining"], [["Deductible", Money(r.choice([500, 1500, 3000])), Money(r.randint(0, 1500))], ["Out-of-pocket max", Money(r.choice([4000, 6350, 9100])), Money(r.randint(100, 6000))],
                                                                   [r.choice(["Specialist copay", "Outpatient BH copay", "Preventive dental", "PT visits"]), r.choice(["$40", "$25", "100%", "20 visits/yr"]), r.choice(["-", "14 visits", "2 cleanings"])]]),
        ("p", f"Reason for visit: {r.choice(DX)[1]}. Verified by {staffer(r).given} on {fdate(TODAY, 'mdy')}.")])

def P_care_chat(r):
    o = org(r, ["clinic", "homehealth", "bh", "hospital"]); s = staffer(r); rn = staffer(r); k = r.randrange(4)
    p = Person(r, 50, 95, sex="F" if k in (0, 1) else "M" if k == 2 else None)
    name = r.choice([p.plain(), p.title(), f"{p.given} {p.family} ({dob_s(r, p)})", p.caps()])
    txt = [
        f"So {name} called the nurse line again this morning - her daughter says she hasn't been taking the {r.choice(DRUGS)[0]} since discharge because of the cost. BP was {r.randint(160, 190)}/{r.randint(90, 110)} at the pharmacy kiosk. Can someone from care management reach out? Number on file {p.phone}.",
        f"FYI {name} fell at home Sunday, no fracture per ED (St. Brendan), but she's on apixaban so they scanned her head - negative. Home health ({r.choice(['Silver Maple', 'VNA'])}) will add PT. I moved her f/u up to Thursday.",
        f"Heads up that {name} is out of his {r.choice(['insulin', 'Suboxone', 'lithium', 'Eliquis'])} and the prior auth is still pending with {r.choice(PAYERS)}. He's at {p.street}, no car. Could we do a 3-day bridge?",
        f"{name} - transitioned to hospice today (dx {r.choice(['metastatic lung ca', 'end-stage CHF', 'ALS', 'ESRD, stopped dialysis'])}). Family asked that we cancel the cardiology and lab appointments. MRN {mrn(r)}."][k]
    return Doc("care-coordination", r.choice(["pt update", "care coordination", "FYI", "need help with a pt"]), o, [("p", r.choice(["Hi all,", f"{rn.given},", "Team -", "Morning!"])), ("p", txt),
                                                                                                                  ("p", r.choice([f"Thanks, {s.given}", f"- {s.given}", f"{s.given} {s.family}, RN"]))])

def P_billing_dispute(r):
    o = org(r, ["billing", "hospital", "dental"]); p = Person(r, 25, 80); dos = recent(r, 200, 20); amt = r.randint(300, 6000)
    return Doc("billing-dispute", "Patient Account Dispute - Notes", o, [
        ("kv", [("Guarantor", p.lfm()), ("Account No.", acct(r)), ("Patient DOB", dob_s(r, p)), ("Service date", fdate(dos, "mdy")), ("Balance", f"${amt:,}.{dg(r, 2)}"), ("Contact", p.phone)]),
        T(["Date", "User", "Note"], [[recent(r, 30), staffer(r).initials(), r.choice(["Pt states ER visit was an emergency and should be in-network (No Surprises Act).", "Pt disputes anesthesia charge for colonoscopy.", "Pt says her ob ultrasound was billed twice."])],
                                      [recent(r, 15), staffer(r).initials(), "Requested itemized bill and EOB from payer; account on hold 30 days."],
                                      [recent(r, 5), staffer(r).initials(), r.choice(["Sent to coding for review of CPT " + r.choice(CPT)[0] + ".", "Pt applied for financial assistance; FAP app mailed.", "Payer reprocessing under ref " + dg(r, 10) + "."])]])])

def P_dental(r):
    o = org(r, ["dental"]); p = Person(r, 6, 80); dr = doctor(r); dr.cred = r.choice(["DDS", "DMD"])
    rows = []
    for _ in range(r.randint(3, 6)):
        c = r.choice(CDT); rows.append([c[0], c[1], str(r.choice([2, 3, 14, 19, 30, 31, 18, 8, 9])) if c[0][1] in "237" else "", r.choice(["", "MO", "DO", "O", "MOD"]) if c[0].startswith("D2") else "", Money(r.randint(40, 1400)), Money(r.randint(0, 700))])
    return Doc("dental", r.choice(["Treatment Plan", "Pre-Treatment Estimate", "Predetermination Request"]), o, [
        ("kv", [("Patient", p.full()), ("Birthdate", dob_s(r, p)), ("Chart #", str(r.randint(1000, 48000))), ("Primary ins.", r.choice(["Delta Dental of PA", "MetLife PDP", "Guardian", "KVHP Dental"])), ("Subscriber ID", memid(r)), ("Provider", drn(dr))]),
        T(["Code", "Description", "Tooth", "Surf", "Fee", "Est. Ins"], rows),
        ("p", r.choice(["Medical alert: latex allergy; premedicate (amoxicillin 2 g) per cardiology for prosthetic valve.", "Perio charting shows 5-6 mm pockets UL/LL. Pt diabetic, last A1c per pt 8.1.", "Estimate only; benefits subject to plan maximums."]))])

def P_bh_note(r):
    o = org(r, ["bh"]); p = Person(r, 14, 70); th = doctor(r); th.cred = r.choice(["LCSW", "LPC", "PsyD", "LMFT"]); dx = r.choice([d for d in DX if d[0].startswith("F")])
    return Doc("behavioral-health", r.choice(["Progress Note (BIRP)", "Individual Therapy Note", "Counseling Session Note"]), o, [
        ("kv", [("Client", p.lfm()), ("DOB", dob_s(r, p)), ("Client ID", f"HP{dg(r, 6)}"), ("Session", f"{fdate(recent(r, 14), 'mdy')}, {r.choice(['45', '53', '60'])} min, {r.choice(['in person', 'telehealth (video)'])}"), ("Clinician", drn(th)), ("Dx", f"{dx[0]} {dx[1]}")]),
        ("h", "Behavior"), ("p", r.choice(["Client arrived on time, affect constricted, reports sleeping 4 hrs/night.", "Client tearful when discussing custody hearing; denies SI/HI, PHQ-9 = " + str(r.randint(10, 22)) + ".", "Reports 3 panic episodes this week at work. GAD-7 = " + str(r.randint(9, 20)) + "."])),
        ("h", "Intervention"), ("p", r.choice(["CBT thought record; grounding skills practiced in session.", "Safety plan reviewed and updated; crisis line numbers given.", "Motivational interviewing re: alcohol use, client identified two triggers."])),
        ("h", "Response / Plan"), ("p", f"Client engaged. Next session {fdate(future(r, 5, 14), 'mdy')}. Continue {r.choice(['sertraline 100 mg', 'quetiapine 50 mg', 'lamotrigine 100 mg', 'buprenorphine/naloxone 8-2 mg', 'methylphenidate ER 36 mg', 'naltrexone 380 mg IM monthly'])} per prescriber."),
        ("p", "This record is protected by 42 CFR Part 2 where applicable; redisclosure is prohibited without written consent.")])

def P_nolabel(r):
    o = org(r, None); dr = doctor(r); k = r.randrange(6)
    p = Person(r, 20 if k != 2 else 5, 90 if k != 2 else 12, sex="F" if k in (0, 3, 4) else "M" if k in (1, 2) else None)
    n = r.choice([p.plain(), p.full(), p.title() + f" ({p.given})"]) if k != 2 else p.plain()
    t = [
        f"Saw {n} today for follow-up of her {r.choice(['breast cancer', 'lupus', 'bipolar disorder', 'HIV'])}. She is tolerating {r.choice(DRUGS)[0]} but reports hair thinning and fatigue. Weight down 3 kg since September. Will recheck CBC and see her back in four weeks.",
        f"{n} came in after his shift at the plant with chest tightness; EKG showed new ST depressions in V4-V6 and he was sent by ambulance to Bluestem for a cath. Wife notified at the number in his chart.",
        f"Spoke with {n}'s mother - the throat culture came back positive for group A strep, so we called in amoxicillin to the Larkspur Pharmacy on 4th Ave. He can go back to school after 24 hours on the antibiotic.",
        f"{n} relapsed over the weekend (fentanyl) and was revived with naloxone by EMS. She's agreed to restart buprenorphine; induction scheduled Monday with {drn(dr)}.",
        f"Hospital called: {n} was admitted last night to 4 West with a GI bleed, hemoglobin 6.9, transfused two units. She's on warfarin for her mechanical valve so INR was 5.2.",
        f"{n} (the {p.age}-year-old we saw Tuesday) tested positive for pertussis; the health department wants the list of people in the waiting room that afternoon."][k]
    return Doc("clinical-note-nolabel", r.choice(["note", "update", "pt visit", "quick summary"]), o, [("p", t), ("p", r.choice([f"- {dr.given}", f"{drn(dr)}", "Thanks"]))])

def P_pathology(r):
    o = org(r, ["lab", "oncology", "hospital"]); dr = doctor(r)
    spec, dxs = r.choice([("Breast, left, 2 o'clock, US-guided core biopsy", "Invasive ductal carcinoma, Nottingham grade 2. ER positive (95%), PR positive (60%), HER2 1+ (negative)."),
                          ("Colon, sigmoid, polypectomy", "Tubulovillous adenoma with focal high-grade dysplasia; margins free."),
                          ("Prostate, 12-core needle biopsy", "Prostatic adenocarcinoma, Gleason 3+4=7 (Grade Group 2) in 4 of 12 cores."),
                          ("Skin, right upper back, shave", "Malignant melanoma, superficial spreading type, Breslow depth 0.8 mm, no ulceration."),
                          ("Lung, left upper lobe, EBUS-FNA station 11L", "Metastatic non-small cell carcinoma, favor adenocarcinoma. PD-L1 (22C3) TPS 60%.")])
    p = Person(r, 35, 85, sex="F" if spec.startswith("Breast") else "M" if spec.startswith("Prostate") else None)
    return Doc("pathology", "Surgical Pathology Report", o, [
        ("kv", demo(r, p, ("name", "mrn", "dob", "sex")) + [("Case #", f"SP{TODAY:%y}-{dg(r, 5)}"), ("Collected", fdate(recent(r, 10), "mdy")), ("Submitting", drn(dr))]),
        ("h", "Specimen"), ("p", spec), ("h", "Final Diagnosis"), ("p", dxs), ("p", f"Electronically signed by {drn(doctor(r))}, pathologist, {fdate(TODAY, 'mdy')}.")])

def P_radiology(r):
    o = org(r, ["imaging", "hospital"])
    ex, find, imp = r.choice([("MRI LUMBAR SPINE WITHOUT CONTRAST", "L4-5 broad-based disc protrusion with moderate left foraminal narrowing contacting the exiting L4 root.", "L4-5 left foraminal stenosis, correlates with left radicular symptoms."),
                              ("CT CHEST WITH CONTRAST", "9 mm solid nodule left upper lobe (series 3 image 41). No adenopathy.", "Indeterminate 9 mm LUL nodule; PET-CT suggested (Fleischner)."),
                              ("US PELVIS TRANSVAGINAL", "Intrauterine gestation, CRL 2.1 cm = 8w6d. Cardiac activity 164 bpm.", "Single live IUP, 8 weeks 6 days."),
                              ("XR RIGHT TIBIA/FIBULA 2 VIEWS", "Transverse fracture mid tibial shaft with 4 mm lateral displacement.", "Displaced mid-shaft tibia fracture."),
                              ("MAMMO DIAGNOSTIC BILATERAL W/ TOMO", "Irregular 1.4 cm mass left breast 2:00, 6 cm FN.", "BI-RADS 4C: high suspicion. Biopsy recommended.")])
    p = Person(r, 20 if "PELVIS" not in ex else 18, 90 if "PELVIS" not in ex else 42, sex="F" if ("PELVIS" in ex or "MAMMO" in ex) else None)
    return Doc("radiology", ex, o, [
        ("kv", demo(r, p, ("name", "dob", "mrn")) + [("Accession", f"CC{dg(r, 8)}"), ("Exam date", fdate(recent(r, 7), "mdy")), ("Ordering", drn(doctor(r)))]),
        ("h", "CLINICAL HISTORY"), ("p", r.choice(["Low back pain radiating to left leg x 3 months.", "Former smoker, 40 pack-years.", "LMP 8 weeks ago, spotting.", "Fall from ladder.", "Palpable lump."])),
        ("h", "FINDINGS"), ("p", find), ("h", "IMPRESSION"), ("p", imp), ("p", f"Dictated by {drn(doctor(r))}  /  Transcribed {fdate(TODAY, 'mdy')}")])

def P_immunization(r):
    o = org(r, ["clinic", "pharmacy"]); p = Person(r, 0, 12); par = Person(r, 22, 45)
    vx = [("DTaP", "90700"), ("IPV", "90713"), ("MMR", "90707"), ("Varicella", "90716"), ("Hep B", "90744"), ("PCV20", "90677"), ("Hep A", "90633"), ("Influenza", "90686"), ("Tdap", "90715")]
    rows = [[v[0], v[1], p.dob + dtm.timedelta(days=r.randint(60, max(61, (TODAY - p.dob).days - 1))), f"{r.choice('ABCDEFGHJK')}{dg(r, 4)}{r.choice('AB')}", r.choice(["L thigh", "R thigh", "L deltoid", "R deltoid"])] for v in r.sample(vx, r.randint(4, 7))]
    return Doc("immunization", r.choice(["Immunization History", "Certificate of Immunization", "Vaccine Record"]), o, [
        ("kv", [("Child", p.full()), ("Date of birth", dob_s(r, p)), ("Parent/Guardian", par.plain()), ("Phone", par.phone), ("Registry ID", f"IIS{dg(r, 9)}")]),
        T(["Vaccine", "CPT", "Date given", "Lot", "Site"], sorted(rows, key=lambda x: x[2])),
        ("p", r.choice(["Due next: MMR #2 and Varicella #2 at 4-6 years.", "Exemption on file: none.", "Record printed for school enrollment at parent's request."]))], dfmt=r.choice(["mdy", "m/d/yy", "iso"]))

def P_sleep(r):
    o = org(r, ["clinic"]); o = next(x for x in ORGS if x.short == "Lantern Sleep") if r.random() < 0.7 else o; p = Person(r, 30, 80); ahi = round(r.uniform(6, 68), 1)
    return Doc("sleep-study", "Polysomnography Interpretation", o, [
        ("kv", demo(r, p, ("name", "dob", "mrn")) + [("Study", r.choice(["Diagnostic PSG (95810)", "Split-night (95811)", "Home sleep test (G0399)"])), ("Study date", fdate(recent(r, 20), "mdy")), ("BMI", f"{r.uniform(27, 46):.1f}")]),
        T(["Parameter", "Value"], [["Total sleep time", f"{r.randint(280, 420)} min"], ["Sleep efficiency", f"{r.randint(62, 93)}%"], ["AHI", str(ahi)], ["Lowest SpO2", f"{r.randint(71, 89)}%"], ["PLM index", str(r.randint(0, 30))]]),
        ("h", "Interpretation"), ("p", f"{'Severe' if ahi >= 30 else 'Moderate' if ahi >= 15 else 'Mild'} obstructive sleep apnea (G47.33). Recommend auto-CPAP 5-15 cm H2O (E0601) with heated humidifier; follow-up in 31-90 days for compliance download.")])

def P_oncology(r):
    o = next(x for x in ORGS if x.short == "Red Cedar CI"); p = Person(r, 30, 85); dx = dxp(r, p, [d for d in DX if d[0].startswith("C")])
    reg = r.choice(["FOLFOX q14d", "carboplatin/pemetrexed/pembrolizumab q21d", "AC-T (dose-dense)", "pembrolizumab 200 mg q21d", "capecitabine 1000 mg/m2 BID d1-14"])
    return Doc("oncology", r.choice(["Infusion Visit Note", "Chemotherapy Treatment Summary", "Oncology Nursing Note"]), o, [
        ("kv", [("Patient", p.lfm()), ("MRN", mrn(r)), ("DOB", dob_s(r, p)), ("Diagnosis", f"{dx[1]} ({dx[0]})"), ("Regimen", reg), ("Cycle/Day", f"C{r.randint(1, 8)}D1"), ("BSA", f"{r.uniform(1.5, 2.3):.2f} m2")]),
        T(["Lab", "Today", "Parameter to treat"], [["ANC", f"{r.uniform(0.9, 5.5):.1f}", ">= 1.5"], ["Platelets", str(r.randint(70, 320)), ">= 100"], ["Creatinine", f"{r.uniform(0.6, 1.7):.2f}", "CrCl > 45"]]),
        ("p", r.choice(["Treated per protocol, tolerated without reaction. Neulasta OnPro applied.", "Held today for ANC 0.9; recheck in 1 week.", "Grade 2 neuropathy; oxaliplatin dose reduced 20%."]))])

def P_es_result(r):
    o = org(r, ["clinic", "lab", "hospital"]); p = Person(r, 18, 85, pool=r.choice(["mexican", "caribbean", "brazilian"]))
    t, v = r.choice([("hemoglobina A1c", f"{r.uniform(7.5, 11.9):.1f}%"), ("colesterol LDL", f"{r.randint(160, 230)} mg/dL"), ("prueba de embarazo", "positiva"), ("cultivo de orina", "positivo para E. coli"), ("TSH", f"{r.uniform(6, 15):.1f} uIU/mL")])
    return Doc("spanish-lab", r.choice(["Resultados de laboratorio", "Sus resultados", "Aviso de resultados"]), o, [
        ("p", f"Estimado(a) {p.full()}:"),
        ("p", f"Le escribimos de {o.name}. Su {t} del {fdate(recent(r, 14), 'es')} salió {v}. " + r.choice(["El doctor quiere verle en las próximas dos semanas.", "Le enviamos una receta a su farmacia.", "Por favor llame para hacer una cita de seguimiento."])),
        ("kv", [("Paciente", p.lfm()), ("Fecha de nacimiento", dob_es(r, p)), (r.choice(["Número de expediente", "No. de expediente", "Expediente"]), mrn(r)), (r.choice(["Número de afiliado", "No. de miembro"]), memid(r))]),
        ("p", f"Teléfono de la clínica: {o.phone}. Atentamente, {r.choice(['Enfermería', 'el equipo de enfermería', 'Recepción'])}")], lang="es")

def P_es_appt(r):
    o = org(r, ["clinic", "dental", "bh"]); p = Person(r, 1, 80, pool=r.choice(["mexican", "caribbean"])); d = future(r, 2, 30)
    return Doc("spanish-appointment", r.choice(["Recordatorio de cita", "Confirmación de cita"]), o, [
        ("p", f"Hola {p.given}, le recordamos su cita:"),
        ("kv", [("Paciente", p.full()), ("Fecha de nacimiento", dob_es(r, p)), ("Fecha de la cita", f"{fdate(d, 'es')} a las {clock(r)}"), ("Motivo", r.choice((["resultados de ultrasonido (embarazo 20 semanas)"] if p.sex == "F" and 17 <= p.age <= 42 else []) + (["vacunas de 4 años"] if p.age < 7 else ["control de diabetes", "terapia individual"]) + ["limpieza dental y radiografías"])),
                ("Número de afiliado", r.choice([medicaid(r), memid(r)]))]),
        ("p", "Traiga su tarjeta de seguro y la lista de sus medicamentos. Para cancelar llame al " + o.phone + ".")], lang="es")

def P_refill(r):
    o = org(r, ["pharmacy"]); p = Person(r, 18, 90); dr = doctor(r); drug = r.choice(DRUGS)
    return Doc("pharmacy-refill", r.choice(["Refill Authorization Request", "RX RENEWAL REQUEST - please fax back", "Prescription Renewal"]), o, [
        ("kv", [("To", f"{drn(dr)}  NPI {dr.npi}"), ("Fax", phone(r)), ("Patient", p.caps()), ("DOB", dob_s(r, p)), ("Pt phone", p.phone), ("Rx #", rx(r)), ("Drug", drug[0]), ("NDC", ndc(r)),
                ("Sig", drug[1]), ("Qty / Days", f"{r.choice([30, 60, 90, 28])} / {r.choice([30, 90, 28])}"), ("Last filled", fdate(recent(r, 40), "mdy")), ("Refills remaining", "0")]),
        ("p", "[ ] Approved, refills: ____   [ ] Denied - needs appointment   [ ] Changed (see new Rx)\nPrescriber signature ____________________  Date ________"),
        ("p", f"Pharmacy NPI {o.npi}  DEA {dea(r, 'L')}")])

def P_cms1500(r):
    o = org(r, ["billing", "clinic", "bh"]); p = Person(r, 18, 85); dr = doctor(r); dx = r.sample(DX, 2); dos = recent(r, 60); c = r.choice(CPT)
    return Doc("cms-1500", r.choice(["CMS-1500 claim data", "HCFA 1500 - keyed data for review", "1500 claim detail"]), o, [
        ("kv", [("1a INSURED'S ID NUMBER", r.choice([memid(r), mbi(r)])), ("2 PATIENT'S NAME", p.caps().replace(",", ", ")), ("3 BIRTH DATE / SEX", f"{p.dob:%m %d %Y}  {p.sex}"),
                ("5 PATIENT'S ADDRESS", p.addr1().upper()), ("11 INSURED'S GROUP", dg(r, 5)), ("21 ICD IND 0", f"A. {dx[0][0]}   B. {dx[1][0]}"), ("23 PRIOR AUTH", auth(r)),
                ("24A DOS", f"{dos:%m %d %y}"), ("24D CPT/HCPCS", c[0]), ("24F CHARGES", f"{r.randint(90, 2400)} 00"), ("24J RENDERING NPI", dr.npi), ("25 FED TAX ID", o.tin), ("26 PATIENT ACCT NO", acct(r)), ("33 BILLING NPI", o.npi)])])

def P_ub04(r):
    o = org(r, ["hospital"]); p = Person(r, 30, 92); adm = recent(r, 40); dis = adm + dtm.timedelta(days=r.randint(1, 6)); dx = r.choice(DX)
    return Doc("ub-04", "UB-04 / 837I review sheet", o, [
        ("kv", [("FL 03a PAT CNTL #", acct(r)), ("FL 03b MED REC #", mrn(r)), ("FL 04 TYPE OF BILL", "0111"), ("FL 06 STATEMENT PERIOD", f"{adm:%m%d%y} - {dis:%m%d%y}"), ("FL 08 PATIENT NAME", p.caps()),
                ("FL 09 PATIENT ADDRESS", p.addr1()), ("FL 10 BIRTHDATE", f"{p.dob:%m%d%Y}"), ("FL 11 SEX", p.sex), ("FL 12 ADMISSION DATE", f"{adm:%m%d%y}"), ("FL 50 PAYER", r.choice(PAYERS)),
                ("FL 60 INSURED'S UNIQUE ID", r.choice([mbi(r), memid(r)])), ("FL 67 PRIN DX", dx[0].replace(".", "")), ("FL 76 ATTENDING NPI", npi(r))]),
        T(["Rev", "Description", "Units", "Charges"], [["0120", "Room & board semi-private", str((dis - adm).days), Money(r.randint(1800, 3200) * (dis - adm).days)], ["0250", "Pharmacy", "1", Money(r.randint(200, 4000))], ["0300", "Laboratory", "1", Money(r.randint(150, 1800))], ["0450", "Emergency room", "1", Money(r.randint(900, 4200))]])])

def P_eob(r):
    o = org(r, ["payer"]); p = Person(r, 1, 85); sub = p if r.random() < 0.7 else Person(r, 26, 60); dos = recent(r, 90); c = r.choice(CPT); billed = r.randint(150, 3500); allowed = int(billed * r.uniform(0.3, 0.8)); pr = int(allowed * r.uniform(0, 0.4))
    return Doc("eob", r.choice(["Explanation of Benefits", "EXPLANATION OF BENEFITS - THIS IS NOT A BILL"]), o, [
        ("kv", [("Member", sub.full()), ("Patient", p.full()), ("Member ID", memid(r)), ("Claim number", claimno(r)), ("Provider", r.choice(ORGS).name), ("Processed", fdate(recent(r, 10), "Month d, y"))]),
        T(["Service date", "Service", "Billed", "Allowed", "Plan paid", "You owe", "Remark"], [[dos, f"{c[0]} {c[1]}", Money(billed), Money(allowed), Money(allowed - pr), Money(pr), r.choice(["PR-1 deductible", "PR-2 coinsurance", "PR-3 copay", ""])]]),
        ("p", "You have 180 days from the date of this notice to file an appeal.")])

def P_workcomp(r):
    o = org(r, ["clinic"]); p = Person(r, 20, 62); inj = recent(r, 60); dx = r.choice([("S83.511A", "Sprain of ACL of right knee, initial"), ("M54.50", "Low back pain, unspecified"), ("S62.101A", "Fracture of unspecified carpal bone, right wrist, initial"), ("S46.011A", "Strain of rotator cuff of right shoulder, initial")])
    return Doc("workers-comp", r.choice(["Work Status Report", "Workers' Compensation Progress Report"]), o, [
        ("kv", [("Employee", p.lfm()), ("SSN", r.choice([ssn(r), "XXX-XX-" + dg(r, 4)])), ("DOB", dob_s(r, p)), ("Employer", r.choice(["Dakota Plains Freight", "Keystone Poultry LLC", "Yakima Valley Packing", "City of Pueblo Streets Dept"])),
                ("Claim #", f"WC{dg(r, 2)}-{dg(r, 6)}"), ("Date of injury", fdate(inj, "mdy")), ("Diagnosis", f"{dx[0]} {dx[1]}")]),
        ("p", r.choice(["Modified duty: no lifting > 10 lb, no ladders, 15-min break every 2 hours.", "Off work until re-evaluation.", "Full duty without restrictions as of next Monday."])),
        ("p", f"Next visit {fdate(future(r, 7, 21), 'mdy')}. Adjuster copied.")])

def P_homehealth(r):
    o = org(r, ["homehealth"]); p = Person(r, 60, 98); rn = staffer(r)
    return Doc("home-health", r.choice(["Skilled Nursing Visit Note", "Home Health Visit - SN"]), o, [
        ("kv", [("Patient", p.lfm()), ("MBI", mbi(r)), ("DOB", dob_s(r, p)), ("Address", p.addr1()), ("Visit", f"{fdate(recent(r, 5), 'mdy')} {clock(r)}"), ("Clinician", f"{rn.plain()}, RN")]),
        T(["Vital", "Value"], [["BP", f"{r.randint(100, 178)}/{r.randint(58, 98)}"], ["HR", str(r.randint(54, 112))], ["SpO2", f"{r.randint(86, 99)}% {r.choice(['RA', '2L NC'])}"], ["Wt", f"{r.randint(98, 260)} lb"]]),
        ("p", r.choice(["Wound R heel stage 3, 2.1 x 1.8 cm, moderate serous drainage; dressing changed per order.", "Teaching on new insulin pen; pt return-demonstrated. CBG 212.", "Lungs with crackles bilat bases, +2 edema; MD notified, furosemide increased per order."]))])

def P_specialty(r):
    o = org(r, ["pharmacy"]); o = next(x for x in ORGS if x.short == "Northgate SP"); p = Person(r, 18, 75); dr = doctor(r)
    drug = r.choice([("Humira 40 mg/0.4 mL", "L40.50 psoriatic arthritis"), ("Dupixent 300 mg/2 mL", "L20.9 atopic dermatitis"), ("Biktarvy", "B20 HIV disease"), ("Ozempic 1 mg", "E11.65 T2DM w hyperglycemia"), ("Enbrel 50 mg", "M05.79 rheumatoid arthritis"), ("Xolair 150 mg", "J45.50 severe persistent asthma")])
    return Doc("specialty-pharmacy", r.choice(["Specialty Enrollment / Benefits Investigation", "New Patient Referral - Specialty Rx"]), o, [
        ("kv", [("Patient", p.full()), ("DOB", dob_s(r, p)), ("Phone", p.phone), ("Ship to", p.addr1()), ("Medication", drug[0]), ("Diagnosis", drug[1]), ("Prescriber", f"{drn(dr)} NPI {dr.npi}"),
                ("Plan", r.choice(PAYERS[:8])), ("BIN / PCN", f"{dg(r, 6)} / {r.choice(['ADV', 'MEDDADV', 'RXSMP', 'ASPROD1'])}"), ("Member ID", memid(r)), ("PA status", r.choice(["Approved thru " + fdate(future(r, 90, 365), "mdy"), "Submitted via CoverMyMeds, key " + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)), "Not required"])),
                ("Copay assistance", r.choice(["Enrolled, $0 copay card", "Foundation app pending", "n/a (Medicaid)"]))])])

def P_partial(r):
    o = org(r, ["hospital", "clinic", "bh"]); p = Person(r, 18, 90)
    t = r.choice([
        f"Chart correction needed: MRN {mrn(r)} and MRN {mrn(r)} are the same patient (DOB {dob_s(r, p)}) - please merge; the HIV viral load from {fdate(recent(r, 30), 'mdy')} is filed to the wrong one.",
        f"Pt {p.initials()}, DOB {dob_s(r, p)}, MRN {mrn(r)}: repeat positive hep C antibody, RNA pending. Please add to Tuesday's ID clinic list.",
        f"Registration is missing the SSN for the patient admitted to 3 North bed 12 (MRN {mrn(r)}) - Medicaid application needs it. Family gave {ssn(r, '-')} verbally; please verify against the card before updating.",
        f"Member {memid(r)} (DOB {dob_s(r, p)}) - PA for naltrexone ER injection approved; please let the clinic know."])
    return Doc("consult-partial-id", r.choice(["chart question", "merge request", "registration fix", "quick note"]), o, [("p", t), ("p", r.choice(["Thanks", "Thank you!", "-HIM"]))])

def P_critical(r):
    o = org(r, ["lab", "hospital"]); p = Person(r, 1, 95)
    test, val = r.choice([("Potassium", f"{r.uniform(6.3, 7.4):.1f} mmol/L"), ("Glucose", f"{r.randint(450, 690)} mg/dL"), ("Hemoglobin", f"{r.uniform(5.1, 6.6):.1f} g/dL"), ("INR", f"{r.uniform(5.5, 9.8):.1f}"), ("Troponin I hs", f"{r.randint(600, 9000)} ng/L"), ("Blood culture", "gram-positive cocci in clusters, 1 of 2 bottles")])
    return Doc("critical-value", "Critical Value Notification", o, [
        ("kv", [("Patient", p.shape(r)), (lbl(r, "dob"), dob_s(r, p)), ("MRN", mrn(r)), ("Test", test), ("Result", val), ("Called to", f"{doctor(r).given} {doctor(r).family} ({r.choice(['RN', 'MD', 'office staff'])})"),
                ("Call time", f"{fdate(TODAY, 'mdy')} {clock(r)}"), ("Read-back", "Verified")])])

def P_visit_summary(r):
    o = org(r, ["clinic", "bh", "hospital"]); p = Person(r, 3, 85); dr = doctor(r); dx = r.sample([d for d in DX if p.sex == "F" or d[0] not in FEMALE_DX], 2)
    return Doc("visit-summary", r.choice(["After Visit Summary", "Telehealth Visit Summary", "Visit Summary"]), o, [
        ("p", f"{p.full()}  |  {r.choice(['DOB', 'Born'])} {dob_s(r, p)}  |  {fdate(recent(r, 3), 'Month d, y')}  |  {drn(dr)}"),
        ("h", "Reason for visit"), ("p", r.choice(["Cough and fever x 4 days", "Medication check", "Follow-up anxiety", "Rash on both legs", "Knee pain after fall"])),
        ("h", "Diagnoses"), T(["Code", "Description"], [[d[0], d[1]] for d in dx]),
        ("h", "Medication changes"), ("p", f"START {r.choice(DRUGS)[0]}. STOP {r.choice(DRUGS)[0]}."),
        ("p", f"Vitals: BP {r.randint(104, 168)}/{r.randint(60, 100)}, Temp {r.uniform(97.5, 102.4):.1f} F, Wt {r.randint(30, 260)} lb")])

def P_roi(r):
    o = org(r, ["hospital", "clinic"]); p = Person(r, 20, 80); att = Person(r, 30, 65)
    return Doc("roi", r.choice(["Records Request - Attorney", "Release of Information Log", "Authorization to release records"]), o, [
        ("kv", [("Requestor", f"{att.plain()}, Esq. - {r.choice(['Whitfield & Haskins LLP', 'Barlow Injury Law', 'Katz Rosenthal PC'])}"), ("Patient", p.lfm()), ("DOB", dob_s(r, p)), ("SSN (per auth)", ssn(r)),
                ("Dates of service", f"{fdate(recent(r, 400, 200), 'mdy')} - {fdate(recent(r, 100), 'mdy')}"), ("Records", r.choice(["ED record, CT head, ortho follow-ups (MVC)", "all OB records", "PT notes and MRI R shoulder", "billing ledger and itemized statements"]))]),
        ("p", "Authorization is HIPAA-compliant (signed, dated, expiration stated). Invoice for copies to follow.")])

PHI_DOCS = [P_lab_report, P_result_letter, P_referral, P_discharge, P_prior_auth, P_claim_chat, P_eligibility, P_care_chat, P_billing_dispute, P_dental, P_bh_note, P_nolabel,
            P_pathology, P_radiology, P_immunization, P_sleep, P_oncology, P_es_result, P_es_appt, P_refill, P_cms1500, P_ub04, P_eob, P_workcomp, P_homehealth,
            P_specialty, P_partial, P_critical, P_visit_summary, P_roi]

# ------------------------------------------------------------------ PHI interchange snippets
def hts(d, r, time=True): return f"{d:%Y%m%d}" + (f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}" if time else "")
def pid(r, p, m, acc=None):
    return (f"PID|1||{m}^^^{r.choice(['BRMC', 'SBCH', 'MVFHC'])}^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{ascii_fold(p.street).upper()}^^{ascii_fold(p.city[0]).upper()}^{p.city[1]}^{p.zip}||"
            f"{re.sub(r'[^0-9]', '', p.phone)[-10:]}|||||{acc or acct(r)}|{ssn(r, '') if r.random() < 0.4 else ''}")
def R_hl7_adt(r):
    o = org(r, ["hospital"]); p = Person(r, 1, 95); m = mrn(r); ev = r.choice(["A04", "A01", "A03", "A08"]); dr = doctor(r); dx = dxp(r, p); t = hts(TODAY, r)
    seg = [f"MSH|^~\\&|{o.system.split()[0].upper()}|{o.short.upper().replace(' ', '')}|CLEARPATH|HIE|{t}||ADT^{ev}^ADT_A01|{dg(r, 9)}|P|2.5.1", f"EVN|{ev}|{t}", pid(r, p, m),
           f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['4W^412^A', 'ED^07^', 'ICU^3^B', 'MS^221^1'])}|||| {dr.npi}^{ascii_fold(dr.family).upper()}^{ascii_fold(dr.given).upper()}".replace("| ", "|") + f"||||||||||||{dg(r, 10)}",
           f"IN1|1|{r.choice(['KVHP01', 'PMA', 'MCR'])}||{r.choice(PAYERS)}|||||||||||{p.hl7()}|01|{p.dob:%Y%m%d}||||||||||||||||||{memid(r)}",
           f"DG1|1||{dx[0]}^{dx[1]}^I10||{t[:8]}|A"]
    return Doc("hl7-adt", f"ADT^{ev} message", o, [("p", r.choice(["Interface engine rejected this one (PV1-19 duplicate). Raw message below:", "ADT from this morning that didn't cross to the HIE:", "Sample from prod for the vendor ticket:"])), ("pre", "\r".join(seg).replace("\r", "\n"))])
def R_hl7_oru(r):
    o = org(r, ["lab", "hospital"]); p = Person(r, 1, 95); dr = doctor(r); labs = r.sample(LABS, r.randint(3, 6)); t = hts(recent(r, 3), r)
    seg = [f"MSH|^~\\&|SUNQUEST|TCCL|EPIC|BRMC|{t}||ORU^R01^ORU_R01|{dg(r, 10)}|P|2.5.1", pid(r, p, mrn(r)), f"ORC|RE|{dg(r, 8)}|{accession(r)}", f"OBR|1|{dg(r, 8)}|{accession(r)}|{r.choice(['80053^CMP', '85025^CBC W DIFF', '80061^LIPID PANEL'])}|||{t}|||||||||{dr.npi}^{ascii_fold(dr.family).upper()}^{ascii_fold(dr.given).upper()}||||||{t}||CH|F"]
    for i, l in enumerate(labs, 1):
        n, v, f, u, rg = lab_row(r, l); seg.append(f"OBX|{i}|NM|{r.randint(1000, 99999)}-{r.randint(0, 9)}^{n}^LN||{v}|{u}|{rg}|{f}|||F|||{t}")
    return Doc("hl7-oru", "ORU^R01", o, [("p", r.choice(["Results feed sample - OBX-8 flags not mapping on your side:", "This ORU errored in Rhapsody (unknown OBX-3). Pasting for troubleshooting:"])), ("pre", "\n".join(seg))])
def R_hl7_dft(r):
    o = org(r, ["clinic", "hospital"]); p = Person(r, 1, 90); dos = recent(r, 10); c = r.choice(CPT); dx = r.choice(DX)
    seg = [f"MSH|^~\\&|NEXTGEN|MVFHC|ATHENA|MRP|{hts(TODAY, r)}||DFT^P03|{dg(r, 9)}|P|2.3", f"EVN|P03|{hts(TODAY, r)}", pid(r, p, mrn(r)), f"PV1|1|O|CLINIC^^^MVFHC||||{npi(r)}^{ascii_fold(doctor(r).family).upper()}",
           f"FT1|1|||{hts(dos, r, False)}|{hts(dos, r, False)}|CG|{c[0]}^{c[1][:30]}|||1|{r.randint(90, 900)}.00||||||||||{dx[0]}", f"DG1|1||{dx[0]}^{dx[1]}^I10"]
    return Doc("hl7-dft", "DFT^P03 charge", o, [("p", "Charges from the FQHC weren't posting. Here's the DFT as received:"), ("pre", "\n".join(seg))])
def x12_env(r, kind, gs):
    ctl = dg(r, 9)
    return (f"ISA*00*          *00*          *ZZ*{dg(r, 9).ljust(15)}*ZZ*CLEARPATHEDI   *{TODAY:%y%m%d}*{r.randint(0, 23):02d}{r.randint(0, 59):02d}*^*00501*{ctl}*0*P*:~",
            f"GS*{gs}*{dg(r, 9)}*CLEARPATH*{TODAY:%Y%m%d}*{r.randint(0, 23):02d}{r.randint(0, 59):02d}*{r.randint(1, 9999)}*X*{kind}~", f"IEA*1*{ctl}~")
def R_x12_837d(r):
    o = org(r, ["dental"]); p = Person(r, 5, 80); dr = doctor(r); dos = recent(r, 30)
    isa, gs, iea = x12_env(r, "005010X224A2", "HC"); lines = []
    for i, c in enumerate(r.sample(CDT, r.randint(1, 3)), 1):
        lines += [f"LX*{i}~", f"SV3*AD:{c[0]}*{r.randint(60, 1200)}.00****1~", f"TOO*JP*{r.choice([3, 14, 19, 30])}~" if c[0][1] in "237" else "", f"DTP*472*D8*{dos:%Y%m%d}~"]
    seg = [isa, gs, "ST*837*0001*005010X224A2~", f"BHT*0019*00*{dg(r, 8)}*{TODAY:%Y%m%d}*1200*CH~", f"NM1*85*2*{ascii_fold(o.name).upper()}*****XX*{o.npi}~", f"REF*EI*{o.tin.replace('-', '')}~",
           "HL*2*1*22*0~", "SBR*P*18*******CI~", f"NM1*IL*1*{ascii_fold(p.family).upper()}*{ascii_fold(p.given).upper()}****MI*{memid(r).replace(' ', '')}~", f"N3*{ascii_fold(p.street).upper()}~",
           f"N4*{ascii_fold(p.city[0]).upper()}*{p.city[1]}*{p.zip}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"CLM*{acct(r).replace(' ', '')}*{r.randint(100, 2500)}.00***11:B:1*Y*A*Y*Y~"] + [x for x in lines if x] + ["SE*24*0001~", "GE*1*1~", iea]
    return Doc("x12-837", "837D", o, [("p", "Rejected by the clearinghouse (999 IK3 on loop 2400). Segment dump:"), ("pre", "\n".join(seg))])
def R_x12_835(r):
    o = org(r, ["payer"]); isa, gs, iea = x12_env(r, "005010X221A1", "HP")
    seg = [isa, gs, "ST*835*0001~", f"BPR*I*{r.randint(400, 9000)}.{dg(r, 2)}*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}*{dg(r, 10)}**01*{dg(r, 9)}*DA*{dg(r, 8)}*{TODAY:%Y%m%d}~", f"TRN*1*{dg(r, 12)}*1{dg(r, 9)}~",
           f"N1*PR*{o.name.upper()}~", f"N1*PE*{ascii_fold(r.choice(ORGS).name).upper()}*XX*{npi(r)}~"]
    for _ in range(r.randint(2, 3)):
        p = Person(r, 1, 90); billed = r.randint(120, 2400); paid = int(billed * r.uniform(0, 0.7)); c = r.choice(CPT)
        seg += [f"CLP*{acct(r).replace(' ', '')}*{r.choice([1, 1, 4, 22])}*{billed}*{paid}*{r.randint(0, 80)}*MC*{claimno(r)}*11~", f"NM1*QC*1*{ascii_fold(p.family).upper()}*{ascii_fold(p.given).upper()}****MI*{memid(r).replace(' ', '')}~",
                f"DTM*232*{recent(r, 60):%Y%m%d}~", f"SVC*HC:{c[0]}*{billed}*{paid}**1~", f"CAS*{r.choice(['CO*45', 'PR*1', 'PR*2', 'CO*97'])}*{billed - paid}~"]
    seg += ["SE*30*0001~", "GE*1*1~", iea]
    return Doc("x12-835", "835 remit", o, [("p", r.choice(["Posting question on this ERA - CLP02 = 22 on the second claim:", "Remit for the reversal we discussed:"])), ("pre", "\n".join(seg))])
def R_x12_271(r):
    o = org(r, ["payer"]); p = Person(r, 1, 90); isa, gs, iea = x12_env(r, "005010X279A1", "HB")
    seg = [isa, gs, "ST*271*0001*005010X279A1~", f"BHT*0022*11*{dg(r, 10)}*{TODAY:%Y%m%d}*1015~", "HL*1**20*1~", f"NM1*PR*2*{o.name.upper()}*****PI*{dg(r, 5)}~", "HL*2*1*21*1~", f"NM1*1P*2*{ascii_fold(r.choice(ORGS).name).upper()}*****XX*{npi(r)}~",
           "HL*3*2*22*0~", f"NM1*IL*1*{ascii_fold(p.family).upper()}*{ascii_fold(p.given).upper()}*{p.mi}***MI*{memid(r).replace(' ', '')}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"EB*1*IND*30*{r.choice(['HM', 'MC', 'PR'])}*{r.choice(['GOLD PPO', 'MEDICAID MCO', 'SILVER HMO'])}~", f"EB*C*IND*30***23*{r.choice([500, 1500, 3000])}~", f"EB*B*IND*{r.choice(['98', 'A4', 'MH'])}***27*{r.choice([25, 40, 50])}~",
           f"MSG*{r.choice(['PCP ON FILE REQUIRED', 'CASE MANAGEMENT: ENROLLED IN HIGH-RISK PREGNANCY PROGRAM', 'BEHAVIORAL HEALTH CARVED OUT'])}~", "SE*14*0001~", "GE*1*1~", iea]
    return Doc("x12-271", "271 response", o, [("p", "271 for the member you asked about:"), ("pre", "\n".join(seg))])
def R_fhir_json(r):
    o = org(r, ["hospital", "clinic", "payer"]); p = Person(r, 1, 90); lab = r.choice(LABS); n, v, f, u, rg = lab_row(r, lab); m = mrn(r)
    pt = {"resourceType": "Patient", "id": f"pt-{dg(r, 6)}", "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": f"urn:oid:2.16.840.1.113883.3.{r.randint(1000, 9999)}.1", "value": m}],
          "name": [{"family": p.family, "given": [p.given] + ([p.mi] if p.mi else [])}], "gender": {"F": "female", "M": "male"}[p.sex], "birthDate": p.dob.isoformat(),
          "telecom": [{"system": "phone", "value": p.phone, "use": "home"}], "address": [{"line": [p.street], "city": p.city[0], "state": p.city[1], "postalCode": p.zip}]}
    if r.random() < 0.5:
        res = {"resourceType": "Observation", "id": f"obs-{dg(r, 6)}", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": r.choice(["4548-4", "2345-7", "2160-0", "6690-2", "718-7"]), "display": n}]},
               "subject": {"reference": f"Patient/{pt['id']}"}, "effectiveDateTime": f"{recent(r, 5).isoformat()}T{r.randint(6, 18):02d}:{r.randint(0, 59):02d}:00-05:00", "valueQuantity": {"value": float(v), "unit": u}}
    else:
        res = {"resourceType": "Coverage", "id": f"cov-{dg(r, 5)}", "status": "active", "subscriberId": memid(r), "beneficiary": {"reference": f"Patient/{pt['id']}"}, "payor": [{"display": r.choice(PAYERS[:9])}],
               "class": [{"type": {"coding": [{"code": "group"}]}, "value": dg(r, 6)}]}
        dx = dxp(r, p); res = [res, {"resourceType": "Condition", "id": f"cond-{dg(r, 5)}", "subject": {"reference": f"Patient/{pt['id']}"}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dx[0], "display": dx[1]}]}, "clinicalStatus": {"coding": [{"code": "active"}]}}]
    res = res if isinstance(res, list) else [res]
    bundle = {"resourceType": "Bundle", "type": r.choice(["collection", "searchset"]), "entry": [{"resource": x} for x in [pt] + res]}
    return Doc("fhir-json", "FHIR Bundle", o, [("p", r.choice(["Response from GET /Patient?identifier=... on the prod endpoint (should have been sandbox!):", "Payload that failed validation in the payer API:"])), ("pre", json.dumps(bundle, indent=r.choice([1, 2]), ensure_ascii=False))])
def R_fhir_xml(r):
    o = org(r, ["hospital", "clinic"]); p = Person(r, 1, 90); dx = dxp(r, p)
    x = f"""<Patient xmlns="http://hl7.org/fhir">
  <id value="{dg(r, 7)}"/>
  <identifier><system value="urn:oid:2.16.840.1.113883.4.1"/><value value="{ssn(r, '-')}"/></identifier>
  <identifier><type><text value="MRN"/></type><value value="{mrn(r)}"/></identifier>
  <name><family value="{hx(p.family)}"/><given value="{hx(p.given)}"/></name>
  <gender value="{'female' if p.sex == 'F' else 'male'}"/>
  <birthDate value="{p.dob.isoformat()}"/>
  <address><line value="{hx(p.street)}"/><city value="{hx(p.city[0])}"/><state value="{p.city[1]}"/><postalCode value="{p.zip}"/></address>
</Patient>
<Condition xmlns="http://hl7.org/fhir">
  <code><coding><system value="http://hl7.org/fhir/sid/icd-10-cm"/><code value="{dx[0]}"/><display value="{hx(dx[1])}"/></coding></code>
  <subject><reference value="Patient/{dg(r, 7)}"/></subject>
  <onsetDateTime value="{recent(r, 300).isoformat()}"/>
</Condition>"""
    return Doc("fhir-xml", "FHIR XML", o, [("p", "XML from the interface log (SSN identifier should not be in this feed - flagging):"), ("pre", x)])
PHI_RAW = [R_hl7_adt, R_hl7_oru, R_hl7_dft, R_x12_837d, R_x12_835, R_x12_271, R_fhir_json, R_fhir_xml]

# ------------------------------------------------------------------ PHI patient lists (header row, one patient per row, date cells)
def people(r, n, a=0, b=95, **kw): return [Person(r, a, b, **kw) for _ in range(n)]
def nm(r, p, st): return {0: p.lfm(), 1: p.caps(), 2: p.plain(), 3: p.full()}[st]
def L_census(r):
    o = org(r, ["hospital"]); st = r.randrange(4); rows = []
    for p in people(r, r.randint(8, 16), 20, 98):
        rows.append([f"{r.choice(['4W', '3N', 'ICU', 'PCU', '5S'])}-{r.randint(401, 440)}{r.choice('AB')}", nm(r, p, st), mrn(r), p.dob, recent(r, 9), inpt_dx(r, p)[1], r.choice(["Full code", "DNR/DNI", "DNR", "Full code"]), f"Dr. {doctor(r).family}"])
    return Doc("census", r.choice(["Midnight Census", "Unit Census - 4 West", "Inpatient census by unit"]), o, [T(["Room", "Patient", "MRN", "DOB", "Admit", "Diagnosis", "Code status", "Attending"], rows, group=[("Location", 1), ("Patient", 3), ("Stay", 2), ("Care", 2)] if r.random() < 0.4 else None), ("p", "Printed for bed huddle. Shred after use.")], dfmt=r.choice(["mdy", "m/d/yy"]))
def L_noshow(r):
    o = org(r, ["clinic", "dental", "bh"]); st = r.randrange(4); rows = []
    for p in people(r, r.randint(8, 18), 2, 88):
        rows.append([recent(r, 14), nm(r, p, st), p.dob, p.phone, f"{doctor(r).family}", r.choice(["Diabetes f/u", "New OB", "Prophy + BWX", "Therapy 53 min", "Med mgmt", "Well child 18m", "Post-op"]), r.choice(["NS", "NS x2", "LC", "NS - 3rd"])])
    return Doc("no-show", r.choice(["No-Show Report", "Missed appointments last 2 weeks", "No show / late cancel list"]), o, [T(["Appt date", "Patient", "DOB", "Phone", "Provider", "Visit type", "Status"], rows), ("p", "Please call each patient and document outreach in the chart.")], dfmt="mdy")
def L_recall(r):
    o = org(r, ["dental"]); rows = []
    for p in people(r, r.randint(10, 18), 4, 85):
        rows.append([p.lfm(), p.dob, str(r.randint(1000, 48000)), recent(r, 400, 180), r.choice(["Prophy", "Perio maint (D4910)", "Child prophy + FL", "SRP follow-up"]), r.choice(["Delta Dental", "MetLife", "CHIP", "Medicaid", "Self-pay"]), p.phone])
    return Doc("dental-schedule", "Hygiene Recall - overdue", o, [T(["Patient", "Birthdate", "Chart #", "Last visit", "Recall type", "Insurance", "Phone"], rows)], dfmt="mdy")
def L_pending(r):
    o = org(r, ["lab"]); rows = []
    for p in people(r, r.randint(8, 15), 1, 90):
        n, v, f, u, rg = lab_row(r, r.choice(LABS)); rows.append([accession(r), p.caps(), p.dob, dtm.datetime.combine(recent(r, 3), dtm.time(r.randint(6, 18), r.randint(0, 59))), n, v, f, u])
    return Doc("lab-results", r.choice(["Abnormal results - client 4471", "Results to call", "Flagged results"]), o, [T(["Accession", "Patient", "DOB", "Collected", "Test", "Result", "Flag", "Units"], rows)], dfmt="mdy")
def L_denials(r):
    o = org(r, ["billing", "hospital"]); rows = []
    for p in people(r, r.randint(8, 16), 1, 90):
        c = r.choice(CPT); b = r.randint(90, 4000); rows.append([claimno(r), p.lfm(), memid(r), recent(r, 120, 10), c[0], Money(b), r.choice(["CO-16", "CO-197", "CO-50", "CO-97", "PR-204", "CO-29", "CO-11"]), payer_for(r, p, PAYERS[:9])])
    return Doc("claims", r.choice(["Denials work queue", "Open denials > 30 days", "Denial log"]), o, [T(["Claim #", "Patient", "Member ID", "DOS", "CPT", "Billed", "CARC", "Payer"], rows)], dfmt="mdy")
def L_elig(r):
    o = org(r, ["payer", "billing"]); rows = []
    for p in people(r, r.randint(10, 18), 0, 90):
        rows.append([memid(r), p.family, p.given, p.dob, r.choice(["HMO Silver", "Medicaid MCO", "Dual SNP", "CHIP"]), r.choice(["Active", "Active", "Termed", "Pending"]), future(r, -60, 300), r.choice(["", "PCP change", "COB - other ins found", "Pregnancy program"])])
    return Doc("eligibility", "Eligibility batch results", o, [T(["Member ID", "Last name", "First name", "DOB", "Plan", "Status", "Term date", "Note"], rows)], dfmt="iso")
def L_refills(r):
    o = org(r, ["pharmacy"]); rows = []
    for p in people(r, r.randint(8, 16), 12, 95):
        d = r.choice(DRUGS); rows.append([rx(r), p.lfm(), p.dob, d[0], ndc(r), recent(r, 40, 20), f"{doctor(r).family}", r.choice(["Pending MD", "Denied - appt needed", "Sent 2nd request", "Approved"])])
    return Doc("pharmacy-refill", r.choice(["Refill requests pending", "Prescriber queue"]), o, [T(["Rx #", "Patient", "DOB", "Drug", "NDC", "Last fill", "Prescriber", "Status"], rows)], dfmt="m/d/yy")
def L_registry(r):
    o = org(r, ["clinic"]); rows = []
    for p in people(r, r.randint(10, 18), 30, 85):
        rows.append([p.lfm(), mrn(r), p.dob, f"{r.uniform(6.2, 12.8):.1f}", recent(r, 300, 30), f"{r.randint(118, 176)}/{r.randint(68, 102)}", r.choice(["Y", "N"]), r.choice(["Y", "N", "N"])])
    return Doc("registry", r.choice(["Diabetes registry - A1c > 9", "Hypertension/DM registry extract"]), o, [T(["Patient", "MRN", "DOB", "Last A1c", "A1c date", "Last BP", "Eye exam", "Statin"], rows, group=[("Patient", 3), ("Glycemic", 2), ("Other measures", 3)] if r.random() < 0.5 else None)], dfmt="mdy")
def L_es(r):
    o = org(r, ["clinic", "dental"]); rows = []
    for p in people(r, r.randint(8, 15), 1, 85, pool=r.choice(["mexican", "caribbean"])):
        rows.append([p.full(), p.dob, r.choice([medicaid(r), memid(r)]), p.phone, future(r, 1, 20), r.choice((["Control prenatal"] if p.sex == "F" and 17 <= p.age <= 42 else []) + (["Vacunas"] if p.age < 19 else ["Diabetes"]) + ["Limpieza dental", "Consulta de salud mental"])])
    return Doc("spanish-list", r.choice(["Lista de llamadas - citas", "Pacientes para confirmar"]), o, [T(["Paciente", "Fecha de nacimiento", "Número de afiliado", "Teléfono", "Cita", "Motivo"], rows), ("p", "Llamar dos días antes de la cita.")], dfmt="es/", lang="es")
def L_caseload(r):
    o = org(r, ["bh"]); rows = []
    for p in people(r, r.randint(8, 14), 12, 70):
        dx = r.choice([d for d in DX if d[0].startswith("F")]); rows.append([p.lfm(), f"HP{dg(r, 6)}", p.dob, dx[0], r.choice(["Weekly", "Biweekly", "IOP 3x/wk"]), future(r, 1, 14), payer_for(r, p, PAYERS[:6])])
    return Doc("behavioral-health", "Clinician caseload", o, [T(["Client", "Client ID", "DOB", "Dx", "Frequency", "Next session", "Payer"], rows), ("p", "Part 2 protected - do not forward outside the program.")], dfmt="mdy")
def L_gaps(r):
    o = org(r, ["payer"]); rows = []
    for p in people(r, r.randint(10, 16), 50, 90):
        rows.append([mbi(r, r.random() < 0.3), p.caps(), p.dob, r.choice(["BCS - mammogram", "COL - colorectal screen", "EED - diabetic eye exam", "CBP - BP control", "SPD - statin"]), future(r, 10, 40), p.phone])
    return Doc("care-gaps", "HEDIS gap list - attributed members", o, [T(["MBI", "Member", "DOB", "Open measure", "Close by", "Phone"], rows)], dfmt="mdy")
def L_discharge_calls(r):
    o = org(r, ["hospital"]); rows = []
    for p in people(r, r.randint(8, 14), 25, 95):
        rows.append([p.plain(), mrn(r), recent(r, 4), inpt_dx(r, p)[1], p.phone, r.choice(["PCP 7d", "Cardiology 14d", "Home health SOC", "Wound clinic"]), ""])
    return Doc("discharge-calls", "Post-discharge call list", o, [T(["Patient", "MRN", "Discharged", "Primary dx", "Phone", "Follow-up", "Call outcome"], rows)], dfmt="mdy")
def L_collections(r):
    o = org(r, ["billing"]); rows = []
    for p in people(r, r.randint(8, 14), 20, 80):
        rows.append([acct(r), p.lfm(), ssn(r, r.choice(["-", ""])), p.dob, p.addr1(), Money(r.randint(200, 9000)), recent(r, 300, 100)])
    return Doc("collections", "Bad-debt placement file", o, [T(["Account", "Guarantor", "SSN", "DOB", "Address", "Balance", "Last payment"], rows), ("p", "Accounts for hospital and clinic services; placement per FAP screening.")], dfmt="mdy")
def L_infusion(r):
    o = next(x for x in ORGS if x.short == "Red Cedar CI"); rows = []
    for i, p in enumerate(people(r, r.randint(8, 12), 25, 85), 1):
        rows.append([f"Chair {i}", f"{r.randint(7, 15)}:{r.choice(['00', '30'])}", p.lfm(), p.dob, mrn(r), r.choice(["FOLFOX", "Pembrolizumab", "Carbo/Taxol", "IVIG", "Iron sucrose", "Zoledronic acid", "Rituximab"]), f"C{r.randint(1, 9)}D{r.choice([1, 8, 15])}"])
    return Doc("infusion-schedule", f"Infusion schedule {fdate(future(r, 1, 3), 'Mon d, y')}", o, [T(["Chair", "Time", "Patient", "DOB", "MRN", "Regimen", "Cycle/Day"], rows)], dfmt="mdy")
def L_vax_due(r):
    o = org(r, ["clinic"]); rows = []
    for p in people(r, r.randint(10, 16), 0, 6):
        par = Person(r, 20, 45); rows.append([p.lfm(), p.dob, par.plain(), par.phone, r.choice(["DTaP #4, Hib #4", "MMR #1, Varicella #1", "HepA #2", "Flu", "DTaP #5, IPV #4, MMR #2"]), r.choice(["Medicaid", "KVHP", "CHIP", "Aetna"])])
    return Doc("immunization", "Overdue vaccines - pediatrics", o, [T(["Child", "DOB", "Parent/guardian", "Phone", "Due", "Ins"], rows)], dfmt="mdy")
PHI_LISTS = [L_census, L_noshow, L_recall, L_pending, L_denials, L_elig, L_refills, L_registry, L_es, L_caseload, L_gaps, L_discharge_calls, L_collections, L_infusion, L_vax_due]

# ================================================================== CLEAN documents (no patient)
def C_newsletter(r):
    o = org(r, None); topic, txt = r.choice([
        ("Flu and RSV season is here", "Respiratory viruses peak between December and February. Adults 75+ and adults 60-74 at increased risk should be offered one RSV vaccine dose; infants can be protected with nirsevimab. Mask in patient areas when the county respiratory index is orange or red."),
        ("World Diabetes Day recap", "About 1 in 10 Americans has diabetes and 1 in 3 has prediabetes. Our diabetes education classes run every second Tuesday; referral code DSMES-GRP. A1c under 7% is the usual goal, individualized for older adults."),
        ("Sleep apnea: the under-diagnosed risk", "Untreated obstructive sleep apnea raises the risk of hypertension, atrial fibrillation and crashes. Screening with STOP-BANG takes two minutes. Home sleep tests (G0399) are covered by most plans."),
        ("Oral health and pregnancy", "Pregnancy gingivitis affects up to 70% of pregnant people. Cleanings are safe in all trimesters; Medicaid covers two prophylaxis visits during pregnancy in our state."),
        ("988 turns three", "The 988 Suicide & Crisis Lifeline handled more than 16 million contacts since launch. Staff can print wallet cards from the intranet; Spanish and ASL options are available.")])
    return Doc("newsletter", f"{o.short} Health Notes - {r.choice(['Winter', 'December', 'Q4'])} {TODAY.year}", o, [("h", topic), ("p", txt), ("h", "Staff corner"),
            ("p", f"Welcome to our new {r.choice(['charge nurse', 'practice manager', 'hygienist', 'clinical pharmacist'])}, {staffer(r).plain()}! The holiday potluck is {fdate(future(r, 5, 20), 'wd')} in the {r.choice(['cafeteria', 'break room', 'Conference Room B'])}."),
            ("p", f"Questions or story ideas: {staffer(r).given.lower()}.{r.choice(['comms', 'news'])}@{o.dom}")])
def C_mbi_training(r):
    o = org(r, None); t = staffer(r)
    return Doc("training-mbi", r.choice(["Registration tip: the Medicare Beneficiary Identifier", "MBI job aid", "Front desk huddle - Medicare cards"]), o, [
        ("p", "The MBI replaced the SSN-based HICN on Medicare cards. It is 11 characters, format 1AA1-AA1-AA11 (dashes are printed on the card but never keyed into the system)."),
        ("kv", [("Position 1", "numeric 1-9"), ("Positions 2, 5, 8, 9", "letters (no S, L, O, I, B, Z)"), ("Positions 3 and 6", "letter or number"), ("Positions 4, 7, 10, 11", "numeric 0-9"), ("CMS example", "1EG4-TE5-MK73")]),
        ("p", f"Use the example 1EG4-TE5-MK73 for practice in the TRAIN environment only. If a patient only has the old red-white-blue card, use the MBI look-up tool in the MAC portal. Questions: {t.plain()}, Patient Access Education.")])
def C_ssn_training(r):
    o = org(r, None)
    return Doc("training-ssn", r.choice(["Privacy training: SSNs in e-mail", "Why we stopped printing SSNs", "DLP test message - sample numbers"]), o, [
        ("p", "Social Security numbers are nine digits in the pattern AAA-GG-SSSS. Numbers beginning 000, 666 or 900-999 are never issued. Two famous examples that must never be used on a real account:"),
        T(["Sample", "Story"], [["078-05-1120", "printed on a wallet insert in 1938; thousands of people used it as their own"], ["123-45-6789", "used in advertising and software demos"], ["987-65-4320 to 987-65-4329", "reserved for advertising"]]),
        ("p", f"Our outbound e-mail filter will hold messages that contain SSN-shaped numbers. To test it, use only the sample numbers above. Training deadline: {fdate(future(r, 10, 45), 'Month d, y')}.")])
def C_dob_notice(r):
    o = org(r, None); f = f"{r.choice(['REG', 'HIM', 'PAT'])}-{r.randint(100, 499)}"
    rev = D(r.randint(2025, 2026), r.randint(1, 12), 1)
    return Doc("dob-notice", f"Form revision: {f} Patient Registration", o, [
        ("p", f"Form {f} has been revised (Rev. {rev:%m/%Y}). The Date of Birth field now uses separate MM / DD / YYYY boxes and moved above the Legal Sex field. The Preferred Name field is new."),
        ("kv", [("Form", f), ("Revision date", fdate(rev, "mdy")), ("Old version recycle by", fdate(future(r, 10, 40), "mdy")), ("Print shop order #", f"PS-{dg(r, 6)}"), ("Contact", staffer(r).plain())]),
        ("p", "Please discard all stock of the previous revision. Scanned forms older than the revision date will still be accepted by HIM.")])
def C_birthday(r):
    o = org(r, None); s = staffer(r)
    return Doc("birthday", r.choice([f"Happy birthday {s.given}!", "Birthday lunch Friday", "Cake in the break room"]), o, [
        ("p", f"Please join us to celebrate {s.plain()}'s {r.choice(['50th', '30th', '40th', ''])} birthday on {fdate(future(r, 1, 10), 'wd')} at {clock(r)} in the {r.choice(['2nd floor lounge', 'billing office', 'nurses station break room'])}. {r.choice(['Card is at the front desk - please sign!', 'Bring a dish if you like.', 'She likes lemon cake, so that is what we ordered.'])}"),
        ("p", f"Born on {r.choice(['Halloween', 'Leap Day', 'the Fourth of July', 'New Year'])}? No, that's just {s.given}'s favorite holiday."),
        ("p", f"- {staffer(r).given}, Social Committee")])
def C_job(r):
    o = org(r, None); title = r.choice(["Registered Nurse - Med/Surg (Nights)", "Dental Assistant (EFDA)", "Medical Coder II - Outpatient", "Licensed Clinical Social Worker", "Pharmacy Technician (CPhT)", "Patient Access Representative", "Sleep Technologist (RPSGT)"])
    return Doc("job-posting", f"Now hiring: {title}", o, [
        ("kv", [("Requisition", f"REQ-{dg(r, 5)}"), ("Department", r.choice(["Nursing", "Revenue Cycle", "Dental", "Behavioral Health", "Pharmacy"])), ("Schedule", r.choice(["3x12 nights", "M-F 8-4:30", "4x10"])), ("Pay range", f"${r.randint(18, 45)}.00 - ${r.randint(46, 70)}.00/hr"), ("Posted", fdate(recent(r, 10), "mdy")), ("Closes", fdate(future(r, 10, 30), "mdy"))]),
        ("p", "Requirements: current state license/certification as applicable, BLS, two years of experience preferred. Sign-on bonus for eligible positions. Apply at careers." + o.dom + " or refer a friend for a $1,000 referral bonus."),
        ("p", "We are an equal opportunity employer. Applicants will be asked for date of birth only after a conditional offer, for background check purposes.")])
def C_vendor(r):
    v = r.choice(VENDORS); o = org(r, None); rows = []
    for _ in range(r.randint(3, 7)):
        it = r.choice([("Suture 3-0 Vicryl SH", "J416H"), ("IV start kit", "IVK-2210"), ("Nitrile exam glove M", "NGL-M-200"), ("Composite A2 syringe", "FZ-A2-4G"), ("Blood culture bottle aerobic", "BC-442023"), ("CPAP mask cushion M", "ML-1081"), ("Specimen transport bag", "STB-9912")])
        rows.append([it[1], it[0], f"{r.choice('ABCDEFGHKLMNP')}{dg(r, 6)}", future(r, 200, 900), str(r.randint(1, 40)), Money(r.uniform(5, 400))])
    return Doc("vendor", r.choice(["Order confirmation", "Packing list / shipment notice", "Sales order acknowledgment"]), v, [
        ("kv", [("Sold to", o.name), ("Customer #", f"C{dg(r, 6)}"), ("PO #", f"PO{dg(r, 7)}"), ("Sales order", f"SO-{dg(r, 8)}"), ("Ship via", f"{r.choice(['UPS Ground', 'FedEx 2Day'])} {r.choice(['1Z', '7'])}{dg(r, 14)}")]),
        T(["REF", "Description", "Lot", "Expiry", "Qty", "Unit price"], rows, sheet="Lines")], dfmt="iso")
def C_invoice(r):
    v = r.choice(VENDORS); o = org(r, None); rows = [[str(i), r.choice(["Biomedical PM - infusion pumps", "Document scanning (boxes)", "Agency RN hours", "Managed IT - monthly", "EDI transaction fees", "Courier runs"]), str(r.randint(1, 120)), Money(r.uniform(20, 150))] for i in range(1, r.randint(3, 6))]
    return Doc("invoice", f"Invoice {r.choice(['INV', ''])}{dg(r, 6)}", v, [
        ("kv", [("Bill to", f"{o.name}, Accounts Payable"), ("Invoice date", fdate(recent(r, 20), "mdy")), ("Due", "Net 30"), ("PO", f"{dg(r, 7)}"), ("Vendor Tax ID", v.tin), ("Remit to", v.addr())]),
        T(["Line", "Description", "Qty", "Rate"], rows), ("p", f"Questions? Call {v.phone}. Thank you for your business.")])
def C_it_ticket(r):
    o = org(r, None); s = staffer(r)
    return Doc("it-ticket", f"INC{dg(r, 7)} - {r.choice(['Label printer offline at registration', 'Scanner not sending to e-mail', 'Dentrix workstation slow', 'Citrix session freezing', 'Badge reader 3rd floor'])}", o, [
        ("kv", [("Caller", f"{s.plain()} ({r.choice(['x', 'ext '])}{r.randint(2000, 7999)})"), ("Asset tag", f"{o.short.split()[0].upper()[:4]}-{dg(r, 6)}"), ("Serial", f"{r.choice(['5CG', 'MXL', 'PF'])}{dg(r, 4)}{r.choice('ABCDEFGH')}{dg(r, 3)}"),
                ("Priority", r.choice(["P3", "P2", "P4"])), ("Assigned", f"{r.choice(['Desktop', 'Network', 'EHR Apps'])} / {staffer(r).given}"), ("Opened", f"{fdate(recent(r, 3), 'mdy')} {clock(r)}")]),
        ("p", r.choice(["User reports test wristband printed blank. Replaced ribbon, test print for TEST, PATIENT OK.", "Rebooted switch in IDF-2, resolved.", "Reimaged workstation; user profile restored."])),
        ("p", "Please do not reply with patient information. Reference the ticket number only.")])
def C_hipaa(r):
    o = org(r, None)
    return Doc("hipaa-reminder", "Annual HIPAA & compliance training due", o, [
        ("p", f"All workforce members must complete the {TODAY.year + 1} Privacy & Security module in the LMS by {fdate(future(r, 20, 50), 'Month d, y')}. It takes about 35 minutes."),
        ("p", "New this year: how to use Secure Send, what counts as the minimum necessary, and why you should never put patient names, dates of birth or record numbers in a calendar invite or text message."),
        ("p", f"Completion rate by department is posted on the compliance dashboard. Questions: Privacy Officer {staffer(r).plain()}, {o.phone}.")])
def C_meeting(r):
    o = org(r, None); att = [staffer(r) for _ in range(r.randint(4, 7))]
    return Doc("meeting", r.choice(["Minutes - Revenue Cycle Huddle", "Agenda: Quality Committee", "Notes from Tuesday's leadership meeting"]), o, [
        ("kv", [("Date", fdate(recent(r, 7), "wd")), ("Location", r.choice(["Board Room", "Teams", "Conf Rm 2B"])), ("Attendees", ", ".join(a.plain() for a in att))]),
        T(["Item", "Owner", "Due"], [[r.choice(["Reduce DNFB below 5 days", "Roll out new ABN form", "Front-desk coverage for holidays", "Clearinghouse migration go-live", "Fall rate dashboard", "Recruiting: 2 RN openings"]), a.plain(), future(r, 7, 45)] for a in att[:4]]),
        ("p", "Next meeting in two weeks. No patient-level data is discussed in this forum.")], dfmt="Mon d, y")
def C_policy(r):
    o = org(r, None)
    return Doc("policy", r.choice(["Policy: Secure E-mail and Texting", "Policy IM-204: Patient Identification", "Policy: Downtime Procedures"]), o, [
        ("kv", [("Policy #", f"{r.choice(['IM', 'PC', 'HIM', 'IT'])}-{r.randint(100, 499)}"), ("Effective", fdate(D(2026, r.randint(1, 11), 1), "mdy")), ("Owner", staffer(r).plain()), ("Approved by", "Policy Committee")]),
        ("h", "Purpose"), ("p", "To ensure at least two patient identifiers (full name and date of birth) are used before any procedure, medication administration or specimen collection."),
        ("h", "Procedure"), ("p", "1. Ask the patient to state full name and date of birth.\n2. Compare with the wristband and the order.\n3. Never use room number as an identifier.\n4. For unidentified trauma patients, use the downtime alias series."),
        ("h", "References"), ("p", "The Joint Commission NPSG.01.01.01; 45 CFR 164.312.")])
def C_template(r):
    o = org(r, ["clinic", "dental", "bh", "imaging"])
    f = r.choice([("«PatientFirstName»", "«PatientDOB»", "«MRN»", "«ApptDate»"), ("{{patient.first_name}}", "{{patient.birth_date}}", "{{patient.mrn}}", "{{appointment.date}}"), ("[FIRST NAME]", "[DOB]", "[CHART #]", "[DATE]"), ("__________", "___/___/______", "__________", "__________")])
    return Doc("reminder-template", r.choice(["Recall letter template (v3)", "Appointment reminder - merge template", "Text message template library"]), o, [
        ("p", f"Dear {f[0]},\n\nOur records show you are due for your {r.choice(['annual exam', 'six-month cleaning', 'follow-up visit', 'screening mammogram'])}. Your appointment is on {f[3]}. Please bring your insurance card and a photo ID."),
        ("kv", [("Patient DOB", f[1]), ("Chart", f[2]), ("Template ID", f"TPL-{dg(r, 4)}"), ("Last edited", f"{staffer(r).plain()} {fdate(recent(r, 60), 'mdy')}")]),
        ("p", "Do not send until the merge fields are populated by the scheduling system. SMS limit 160 characters.")])
def C_recall_notice(r):
    v = r.choice(VENDORS); o = org(r, None); rows = [[f"{r.choice(['REF', 'CAT'])} {r.choice(['44', '71', '82'])}-{dg(r, 4)}", f"{r.choice(['A', 'B', 'L'])}{dg(r, 7)}", f"(01)00{dg(r, 12)}", future(r, 100, 700)] for _ in range(r.randint(3, 6))]
    return Doc("vendor-recall", r.choice(["URGENT: Medical Device Field Safety Notice", "Voluntary recall - action required"]), v, [
        ("p", f"Dear {o.name} Materials Management,\n\n{r.choice(['Certain lots of infusion set extension tubing may leak at the Y-site.', 'Some CPAP humidifier chambers may crack under heat.', 'A labeling error affects the listed lots of blood culture bottles.'])} No patient injuries have been reported."),
        T(["Catalogue", "Lot", "UDI-DI", "Expiry"], rows), ("p", "Quarantine affected stock and return the acknowledgment form within 10 business days. FDA recall class II.")], dfmt="iso")
def C_gym(r):
    o = org(r, None); s = staffer(r)
    return Doc("gym", r.choice(["Employee wellness: gym reimbursement approved", "Your YMCA corporate membership"]), o, [
        ("p", f"Hi {s.given},\n\nYour {r.choice(['YMCA', 'Planet Fitness', 'Anytime Fitness'])} corporate membership is active. Member # {dg(r, 10)}, Employee ID {r.choice(['E', ''])}{dg(r, 6)}. Reimbursement of ${r.choice([20, 25, 30])}/month will appear on payroll."),
        ("p", f"Wellness points: {r.randint(100, 900)}. Biometric screening day is {fdate(future(r, 10, 40), 'Mon d, y')} (optional).")])
def C_fleet(r):
    o = org(r, ["homehealth", "hospital", "lab"])
    return Doc("car-insurance", "Fleet vehicle insurance cards", o, [
        ("p", "New insurance ID cards for the courier and home-visit vehicles are attached in the glove box packets. Policy renews annually."),
        T(["Unit", "Vehicle", "Plate", "VIN (last 6)", "Policy #"], [[f"V-{r.randint(10, 60)}", r.choice(["2023 Ford Transit", "2022 Toyota Corolla", "2024 Chevy Equinox"]), f"{r.choice(['PA', 'ME', 'SD'])} {r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}-{dg(r, 4)}", dg(r, 6), f"CAP{dg(r, 8)}"] for _ in range(r.randint(3, 6))]),
        ("p", "Report any accident to Fleet Services within 24 hours.")])
def C_es_notice(r):
    o = org(r, None)
    return Doc("spanish-admin", r.choice(["Aviso al personal", "Horario de días festivos", "Capacitación obligatoria"]), o, [
        ("p", r.choice([f"Les recordamos que la clínica cerrará el {fdate(future(r, 5, 25), 'es')}. Las citas se reprogramaron.", f"La capacitación de HIPAA debe completarse antes del {fdate(future(r, 10, 40), 'es')}.", "A partir del lunes, el formulario de registro incluye la casilla de fecha de nacimiento en formato MM/DD/AAAA."])),
        ("p", f"Preguntas: {staffer(r).plain()}, Recursos Humanos, ext. {r.randint(2000, 7999)}."), ("p", "Gracias por su trabajo.")], lang="es")
def C_cred(r):
    o = org(r, None); d = doctor(r)
    return Doc("credentialing", r.choice(["Credentialing approval", "Welcome our new provider", "Privileges granted"]), o, [
        ("kv", [("Provider", drn(d)), ("NPI", d.npi), ("DEA", dea(r, d.family)), ("State license", f"{r.choice(['MD', 'DO', 'RN', 'DN'])}{dg(r, 6)}"), ("CAQH ID", dg(r, 8)), ("Board cert.", r.choice(["ABIM", "ABFM", "ABP", "ADA/ABGD"])), ("Privileges effective", fdate(future(r, 1, 20), "mdy"))]),
        ("p", "Payer enrollment has been submitted to all contracted plans; the provider may see patients as a locum until approvals post.")])
def C_bulletin(r):
    o = org(r, ["payer"])
    return Doc("payer-bulletin", r.choice(["Provider bulletin: prior authorization changes", "Coding update for 2027"]), o, [
        ("p", f"Effective {fdate(D(2027, 1, 1), 'Month d, y')}, the following services no longer require prior authorization for in-network providers:"),
        T(["Code", "Description"], [[c[0], c[1]] for c in r.sample(CPT, 5)]), ("p", "Diagnosis codes commonly paired: " + ", ".join(f"{d[0]} ({d[1].split(',')[0]})" for d in r.sample(DX, 3)) + ". Questions: Provider Services " + o.phone + ".")])
def C_education(r):
    o = org(r, None); topic = r.choice(["Living with COPD", "Caring for your child after tonsillectomy", "After your tooth extraction", "Starting CPAP", "Managing anxiety at home"])
    return Doc("patient-education", topic, o, [("p", r.choice(["This handout explains what to expect and when to call us.", "Keep this sheet on your refrigerator."])),
            ("h", "When to call"), ("p", "Fever over 101.5 F, bleeding that won't stop, trouble breathing, or new confusion. For emergencies call 911."),
            ("p", "Patient name: ______________________   Date of birth: ___/___/______\nNext appointment: ______________"), ("p", f"Reviewed {TODAY.year} by the Patient Education Committee. Form PE-{r.randint(10, 99)}.")])
def C_teaching(r):
    o = org(r, ["hospital", "clinic", "oncology"])
    return Doc("teaching-case", r.choice(["Case conference: de-identified", "M&M teaching case"]), o, [
        ("p", f"A woman in her 60s presented in {r.choice(['early spring', 'late summer', 'the winter'])} with {r.choice(['progressive dyspnea', 'painless jaundice', 'a first seizure'])}. Identifiers have been removed per the Safe Harbor method; ages above 89 are aggregated."),
        ("h", "Teaching points"), ("p", "1. Anchoring bias at triage.\n2. The value of a repeat exam.\n3. Closed-loop communication of incidental findings."), ("p", f"Grand Rounds, {fdate(future(r, 3, 20), 'wd')}, 7:30 AM. 1.0 AMA PRA Category 1 Credit.")])
def C_formulary(r):
    o = org(r, ["payer", "pharmacy"])
    return Doc("formulary", r.choice(["Formulary update", "Drug shortage update"]), o, [
        T(["Drug", "NDC", "Change", "Effective"], [[d[0], ndc(r), r.choice(["Moved to Tier 2", "PA removed", "Shortage - use alternative", "Quantity limit 30/30", "Non-formulary"]), future(r, 5, 60)] for d in r.sample(DRUGS, r.randint(4, 7))]),
        ("p", "Members currently on therapy are grandfathered for 90 days.")], dfmt="mdy")
def C_downtime(r):
    o = org(r, ["hospital", "clinic", "lab"]); s = o.system or "EHR"
    return Doc("downtime-notice", f"Planned {s} downtime", o, [
        ("kv", [("Start", f"{fdate(future(r, 2, 10), 'wd')} 01:00"), ("Duration", f"about {r.randint(2, 5)} hours"), ("Change #", f"CHG{dg(r, 7)}"), ("Read-only", "BCA workstations on each unit")]),
        ("p", "Use paper downtime forms. Label specimens with full name, date of birth and downtime MRN series (D-xxxxxx) from the downtime packet. Back-load orders after the system returns.")])
def C_research(r):
    o = org(r, ["hospital", "oncology", "bh"])
    return Doc("research-flyer", "Now enrolling: research study", o, [
        ("p", f"The {r.choice(['STRIDE-2', 'SLEEP-WELL', 'HOPE-BH', 'CARE-CKD'])} study (IRB #{TODAY.year}-{dg(r, 4)}) is enrolling adults 40-75 with {r.choice(['type 2 diabetes', 'sleep apnea', 'depression', 'CKD stage 3'])}. Participants receive up to $300."),
        ("p", "Clinicians: please do NOT e-mail patient names to the study team. Give interested patients the flyer and the coordinator's number instead."), ("p", f"Coordinator: {staffer(r).plain()}, {o.phone}")])
CLEAN_DOCS = [C_newsletter, C_mbi_training, C_ssn_training, C_dob_notice, C_birthday, C_job, C_vendor, C_invoice, C_it_ticket, C_hipaa, C_meeting, C_policy, C_template, C_recall_notice,
              C_gym, C_fleet, C_es_notice, C_cred, C_bulletin, C_education, C_teaching, C_formulary, C_downtime, C_research]

def Q_edi_guide(r):
    o = org(r, ["payer", "billing"]) if r.random() < 0.6 else VENDORS[1]
    seg = ["NM1*IL*1*<SUBSCRIBER_LAST>*<SUBSCRIBER_FIRST>****MI*<MEMBER_ID>~", "DMG*D8*<CCYYMMDD>*<GENDER>~", "CLM*<PATIENT_CONTROL_NO>*<TOTAL_CHARGE>***11:B:1*Y*A*Y*Y~", "HI*ABK:<ICD10_NO_DECIMAL>~", "SV1*HC:<CPT>*<CHARGE>*UN*1***1~"]
    return Doc("edi-guide", "837P Companion Guide - excerpt", o, [("p", "Loop 2010BA Subscriber Name. Element values in angle brackets are placeholders; do not send test files with production member data."), ("pre", "\n".join(seg)),
                                                               ("p", f"ISA15 must be 'T' for test submissions to {o.short}. Trading partner ID format: TP-NNNNN.")])
def Q_hl7_spec(r):
    o = org(r, ["hospital", "lab"])
    seg = ["MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|<RECV_APP>|<RECV_FAC>|<YYYYMMDDHHMM>||ORU^R01|<CONTROL_ID>|T|2.5.1", "PID|1||<MRN>^^^<AA>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<F/M/U>", "OBX|1|NM|<LOINC>^<NAME>^LN||<VALUE>|<UNITS>|<RANGE>|<FLAG>|||F"]
    return Doc("hl7-spec", "Interface spec: results outbound (v2.5.1)", o, [("p", "Field mapping for the new reference-lab interface. Processing ID must be T until go-live sign-off."), ("pre", "\n".join(seg)),
                                                                          T(["Segment-Field", "Name", "Req", "Notes"], [["PID-3", "Patient identifier list", "R", "Assigning authority required"], ["PID-7", "Date of birth", "R", "YYYYMMDD"], ["OBX-8", "Abnormal flags", "O", "H, L, HH, LL, A"]])])
def Q_ack(r):
    o = org(r, None); t = hts(TODAY, r)
    x = r.choice([f"MSH|^~\\&|CLOVERLEAF|{o.short.upper().replace(' ', '')}|LIS|TCCL|{t}||ACK^R01|{dg(r, 9)}|P|2.5.1\nMSA|AE|{dg(r, 9)}|Unknown OBX-3 code\nERR|||207^Application internal error^HL70357|E",
                  f"ISA*00*          *00*          *ZZ*CLEARPATHEDI   *ZZ*{dg(r, 9).ljust(15)}*{TODAY:%y%m%d}*0932*^*00501*{dg(r, 9)}*0*P*:~\nGS*FA*CLEARPATH*{dg(r, 9)}*{TODAY:%Y%m%d}*0932*{r.randint(1, 999)}*X*005010X231A1~\nST*999*0001*005010X231A1~\nAK1*HC*{r.randint(1, 999)}*005010X222A1~\nAK2*837*0001~\nIK3*NM1*14*2010*8~\nIK4*9**7~\nIK5*R*5~\nAK9*R*1*1*0~\nSE*9*0001~"])
    return Doc("x12-ack" if x.startswith("ISA") else "hl7-ack", "Acknowledgment for troubleshooting", o, [("p", "This acknowledgment came back overnight; control numbers only, no message content. Can the vendor check?"), ("pre", x)])
def Q_fhir_capability(r):
    o = org(r, ["hospital", "payer"])
    cap = {"resourceType": "CapabilityStatement", "status": "active", "date": TODAY.isoformat(), "publisher": o.name, "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"],
           "rest": [{"mode": "server", "security": {"service": [{"coding": [{"code": "SMART-on-FHIR"}]}]}, "resource": [{"type": t_, "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": [{"name": n_, "type": ty}]} for t_, n_, ty in [("Patient", "birthdate", "date"), ("Observation", "code", "token"), ("Coverage", "beneficiary", "reference")]]}]}
    return Doc("fhir-profile", "FHIR endpoint CapabilityStatement", o, [("p", f"Sandbox base URL https://fhir-sandbox.{o.dom}/r4 - the CapabilityStatement for your app registration:"), ("pre", json.dumps(cap, indent=2))])
def Q_test_patient(r):
    o = org(r, ["hospital", "lab", "clinic"])
    seg = [f"MSH|^~\\&|EPIC|TRAIN|LAB|TCCL|{hts(TODAY, r)}||ADT^A04|{dg(r, 6)}|T|2.5.1", "PID|1||ZZ0000123^^^TRAIN^MR||ZZTEST^DOWNTIME^A||19000101|U|||1 TEST WAY^^NOWHERE^ZZ^00000||5555550100"]
    return Doc("test-data", "Test patient for interface validation", o, [("p", "Please use ONLY the test patient below in the TRAIN environment (processing ID T). DOB 01/01/1900 and 555-01xx phone numbers are reserved test values."), ("pre", "\n".join(seg))])
CLEAN_RAW = [Q_edi_guide, Q_hl7_spec, Q_ack, Q_fhir_capability, Q_test_patient]

# ------------------------------------------------------------------ CLEAN lists
def staffs(r, n): return [staffer(r) for _ in range(n)]
def K_schedule(r):
    o = org(r, None); start = future(r, 1, 10)
    rows = [[s.lfm(), r.choice(["RN", "LPN", "CNA", "Unit Sec", "Charge RN"]), start + dtm.timedelta(days=r.randint(0, 6)), r.choice(["07-19", "19-07", "07-15:30", "11-23"]), r.choice(["4W", "3N", "ED", "PACU"])] for s in staffs(r, r.randint(10, 18))]
    return Doc("staff-schedule", "Staffing schedule - week of " + fdate(start, "Mon d, y"), o, [T(["Staff", "Role", "Date", "Shift", "Unit"], sorted(rows, key=lambda x: x[2]))], dfmt="mdy")
def K_directory(r):
    o = org(r, None)
    rows = [[s.plain(), r.choice(["Registration", "Billing", "Radiology", "HIM", "Pharmacy", "Dental front desk", "Case Management", "IT Service Desk"]), f"x{r.randint(2000, 7999)}", phone(r, o.city[3]), f"{ascii_fold(s.given[0]).lower()}{ascii_fold(s.family).lower().replace(' ', '').replace(chr(39), '')}@{o.dom}"] for s in staffs(r, r.randint(10, 18))]
    return Doc("directory", "Department phone directory", o, [T(["Name", "Department", "Ext", "Direct", "E-mail"], rows)])
def K_oncall(r):
    o = org(r, ["hospital", "clinic", "bh"]); d0 = future(r, 1, 5)
    rows = [[d0 + dtm.timedelta(days=i), drn(doctor(r)), r.choice(["Hospitalist", "OB", "Psychiatry", "Ortho", "Peds"]), f"Pager {dg(r, 4)}", phone(r)] for i in range(r.randint(7, 14))]
    return Doc("on-call", "On-call schedule", o, [T(["Date", "Physician", "Service", "Pager", "Cell"], rows)], dfmt="wd")
def K_inventory(r):
    o = org(r, None)
    rows = [[r.choice(["Gauze 4x4", "Flu vaccine QIV", "Tdap vaccine", "Lidocaine 1% 20 mL", "Nitrile gloves L", "Alginate impression", "Sharps container 2 gal"]), f"{r.choice('ABCDEFGHK')}{dg(r, 6)}", future(r, 30, 700), str(r.randint(0, 300)), r.choice(["Supply A", "Vaccine fridge 2", "Dental op 3", "Pyxis 4W"])] for _ in range(r.randint(10, 18))]
    return Doc("inventory", "Inventory count by lot", o, [T(["Item", "Lot", "Expiration", "On hand", "Location"], rows)], dfmt=r.choice(["mdy", "iso"]))
def K_pos(r):
    o = org(r, None)
    rows = [[f"PO{dg(r, 7)}", r.choice(VENDORS).name, recent(r, 60), Money(r.uniform(150, 48000)), r.choice(["Open", "Received", "Partially received", "Closed"]), staffer(r).plain()] for _ in range(r.randint(10, 18))]
    return Doc("purchase-orders", "Open purchase orders", o, [T(["PO", "Vendor", "Order date", "Amount", "Status", "Buyer"], rows)], dfmt="mdy")
def K_training(r):
    o = org(r, None)
    rows = [[s.lfm(), f"E{dg(r, 6)}", r.choice(["HIPAA Privacy 2027", "Bloodborne Pathogens", "Fire Safety", "Workplace Violence", "Cyber Awareness"]), future(r, 5, 40), r.choice(["Complete", "Not started", "In progress", "Complete"])] for s in staffs(r, r.randint(10, 18))]
    return Doc("training-roster", "Mandatory training status", o, [T(["Employee", "Employee ID", "Course", "Due", "Status"], rows)], dfmt="mdy")
def K_rooms(r):
    o = org(r, None)
    rows = [[r.choice(["Board Room", "Conf 2B", "Classroom 1", "Sim Lab"]), future(r, 1, 21), f"{r.randint(7, 16)}:00", r.choice(["Budget review", "New hire orientation", "BLS class", "Vendor demo", "Grand rounds", "Union meeting"]), staffer(r).plain()] for _ in range(r.randint(8, 15))]
    return Doc("room-bookings", "Room bookings", o, [T(["Room", "Date", "Start", "Event", "Booked by"], sorted(rows, key=lambda x: x[1]))], dfmt="Mon d, y")
def K_equipment(r):
    o = org(r, None)
    rows = [[f"BIO-{dg(r, 5)}", r.choice(["Alaris infusion pump", "Zoll defibrillator", "Welch Allyn vitals monitor", "Dental autoclave", "Sleep lab PSG amplifier", "Omnicell cabinet"]), f"SN{dg(r, 8)}", recent(r, 300, 30), future(r, 10, 200), r.choice(["Pass", "Pass", "Repaired", "Out of service"])] for _ in range(r.randint(10, 16))]
    return Doc("equipment", "Biomedical PM log", o, [T(["Asset", "Device", "Serial", "Last PM", "Next PM", "Result"], rows)], dfmt="mdy")
def K_stats(r):
    o = org(r, None)
    rows = [[MON[(TODAY.month - 1 - i) % 12][:3] + f" {TODAY.year if TODAY.month - 1 - i >= 0 else TODAY.year - 1}", str(r.randint(800, 4000)), str(r.randint(40, 400)), f"{r.uniform(8, 19):.1f}%", r.choice(["<11", str(r.randint(11, 60))]), f"{r.uniform(1, 6):.1f}"] for i in range(6)]
    return Doc("deidentified-stats", "Quality dashboard (aggregate)", o, [T(["Month", "Visits", "Admissions", "30-day readmit", "Sepsis cases", "Avg LOS"], rows, group=[("Period", 1), ("Volume", 2), ("Outcomes", 3)] if r.random() < 0.5 else None),
            ("p", "Aggregate counts only; cells under 11 are suppressed per policy. No patient-level data.")])
def K_fees(r):
    o = org(r, ["clinic", "dental", "hospital"])
    rows = [[c[0], c[1], Money(r.uniform(40, 3000)), Money(r.uniform(30, 2000)), fdate(D(2027, 1, 1), "mdy")] for c in r.sample(CPT + CDT, r.randint(8, 14))]
    return Doc("fee-schedule", "Fee schedule 2027", o, [T(["Code", "Description", "Charge", "Self-pay", "Effective"], rows)])
def K_providers(r):
    o = org(r, None)
    rows = [[drn(d), d.npi, r.choice(["Family Medicine", "Psychiatry", "General Dentistry", "Pulmonology", "Oncology", "Orthopedics"]), future(r, 30, 700), r.choice(["Accepting", "Closed panel", "Accepting"])] for d in [doctor(r) for _ in range(r.randint(8, 14))]]
    return Doc("credentialing", "Provider roster (directory)", o, [T(["Provider", "NPI", "Specialty", "Re-credential due", "Panel"], rows)], dfmt="mdy")
def K_testpts(r):
    o = org(r, ["hospital", "lab"])
    rows = [[f"ZZTEST, {n}", f"ZZ{dg(r, 6)}", D(1900, 1, 1) + dtm.timedelta(days=i), f"999-00-{dg(r, 4)}", "TRAIN"] for i, n in enumerate(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"][:r.randint(5, 8)])]
    return Doc("test-data", "Downtime drill - test patients", o, [T(["Name", "MRN", "DOB", "SSN", "Environment"], rows), ("p", "Fictitious records for the downtime drill. Not real patients.")], dfmt="mdy")
def K_birthdays(r):
    o = org(r, None)
    rows = [[s.plain(), r.choice(["Billing", "Front desk", "Nursing", "Dental", "Pharmacy", "IT"]), f"{MON[m - 1]} {r.randint(1, 28)}"] for s, m in [(staffer(r), r.choice([12, 1])) for _ in range(r.randint(6, 12))]]
    return Doc("birthday", "Staff birthdays this month", o, [T(["Name", "Department", "Birthday"], rows), ("p", "Cake on the first Friday - sign the card at the front desk!")])
def K_jobs(r):
    o = org(r, None)
    rows = [[f"REQ-{dg(r, 5)}", r.choice(["RN Med/Surg", "Coder II", "Dental Hygienist", "LCSW", "Phlebotomist", "Patient Access Rep", "Courier"]), r.choice(["Nursing", "HIM", "Dental", "BH", "Lab"]), recent(r, 40), r.choice(["FT", "PT", "PRN"]), staffer(r).plain()] for _ in range(r.randint(8, 14))]
    return Doc("job-posting", "Open requisitions", o, [T(["Req #", "Title", "Dept", "Posted", "FTE", "Recruiter"], rows)], dfmt="mdy")
def K_es_staff(r):
    o = org(r, None)
    rows = [[s.plain(), r.choice(["Recepción", "Enfermería", "Intérprete", "Farmacia", "Higienista"]), future(r, 1, 20), r.choice(["8:00-16:30", "7:00-19:00", "10:00-18:30"])] for s in [staffer(r) for _ in range(r.randint(8, 14))]]
    return Doc("spanish-admin", "Horario del personal - diciembre", o, [T(["Empleado", "Área", "Fecha", "Turno"], sorted(rows, key=lambda x: x[2]))], dfmt="es/", lang="es")
CLEAN_LISTS = [K_schedule, K_directory, K_oncall, K_inventory, K_pos, K_training, K_rooms, K_equipment, K_stats, K_fees, K_providers, K_testpts, K_birthdays, K_jobs, K_es_staff]

# ================================================================== LibreOffice batching
LO_KINDS = {"docx2pdf": ("pdf:writer_pdf_Export", None), "html2pdf": ("pdf:writer_pdf_Export", "HTML (StarWriter)"), "rtf2pdf": ("pdf:writer_pdf_Export", None),
            "xlsx2pdf": ("pdf:calc_pdf_Export", None), "html2docx": ("docx:MS Word 2007 XML", "HTML (StarWriter)"), "rtf2docx": ("docx:MS Word 2007 XML", None),
            "docx2docx": ("docx:MS Word 2007 XML", None), "xlsx2xlsx": ("xlsx:Calc Office Open XML", None)}
class Pending:
    def __init__(self, path, gs=False, redo=None): self.path, self.gs, self.redo = path, gs, redo
class Ctx:
    def __init__(self, tmp):
        self.tmp, self.n, self.jobs = tmp, 0, {k: [] for k in LO_KINDS}
        for k in LO_KINDS: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf):
        self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def lo(self, kind, data, gs=False, redo=None):
        inext, outext = {"docx2pdf": ("docx", "pdf"), "html2pdf": ("html", "pdf"), "rtf2pdf": ("rtf", "pdf"), "xlsx2pdf": ("xlsx", "pdf"), "html2docx": ("html", "docx"),
                         "rtf2docx": ("rtf", "docx"), "docx2docx": ("docx", "docx"), "xlsx2xlsx": ("xlsx", "xlsx")}[kind]
        self.n += 1; base = f"b5_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{inext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.jobs[kind].append(p); return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{outext}"), gs, redo)
    def run(self):
        prof = "file://" + os.path.join(self.tmp, "lo-profile")
        for kind, files in self.jobs.items():
            if not files: continue
            conv, inf = LO_KINDS[kind]
            subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--norestore", "--nolockcheck"] + ([f"--infilter={inf}"] if inf else []) +
                           ["--convert-to", conv, "--outdir", os.path.join(self.tmp, kind, "out")] + files, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.jobs[kind] = []
    def get(self, pend):
        with open(pend.path, "rb") as f: data = f.read()
        if pend.path.endswith(".pdf"):
            if pages_of(data) > 2 and pend.redo:
                kind, src = pend.redo(); p2 = self.lo(kind, src); self.run()
                with open(p2.path, "rb") as f: data = f.read()
            if pend.gs:
                src = self.path(".pdf")
                with open(src, "wb") as f: f.write(data)
                data = gs_pdf(src, self.path(".pdf"))
            return data
        return fix_zip(data)

# ================================================================== mail pieces
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18129", "iPhone Mail (22B91)", "Apple Mail (2.3826.200.121)", "Mozilla Thunderbird 128.4.3", "Zimbra 10.1",
           "Mimecast Secure Messaging", "Epic Secure Chat Relay", "Roundcube Webmail/1.6.9"]
TITLES = ["Billing Specialist", "RN Care Manager", "Office Manager", "Referral Coordinator", "Dental Office Coordinator", "Patient Access Lead", "HIM Analyst", "Clinical Pharmacist",
          "Intake Specialist", "Practice Administrator", "Utilization Review Nurse", "Medical Assistant", "Therapist", "Revenue Integrity Analyst", "Interface Analyst"]
CONF = ["CONFIDENTIALITY NOTICE: This message and any attachments may contain protected health information (PHI) that is privileged and confidential under HIPAA. If you are not the intended recipient, notify the sender and destroy all copies.",
        "The information in this e-mail is intended only for the person to whom it is addressed. If you received it in error, please contact the sender and delete the material.",
        "AVISO: Este correo puede contener información confidencial. Si usted no es el destinatario, favor de borrarlo.",
        "Please consider the environment before printing this e-mail."]
def addr_of(r, p, dom):
    g, f = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower()), re.sub(r"[^a-z]", "", ascii_fold(p.family).lower())
    return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}{g[0]}", f"{g}{f[:1]}", f"{f}.{g}"]) + "@" + dom
def sig_block(r, s, o):
    k = r.randrange(6)
    if k == 0: t = f"{s.given} {s.family}\n{r.choice(TITLES)} | {o.name}\nP {o.phone}  F {o.fax}"
    elif k == 1: t = f"Thanks,\n{s.given}"
    elif k == 2: t = f"{s.given} {s.family} ({r.choice(['she/her' if s.sex == 'F' else 'he/him', 'they/them'])})\n{r.choice(TITLES)}\n{o.name}\n{o.addr()}\n{o.phone}"
    elif k == 3: t = f"-- \n{s.given[0]}. {s.family}\n{o.short}\n\nSent from my iPhone"
    elif k == 4: t = f"Saludos,\n{s.given} {s.family}\n{o.short} - {r.choice(TITLES)}"
    else: t = f"Best regards,\n\n{s.given} {s.family}, {r.choice(['CPC', 'RN', 'CPhT', 'RHIT', 'MBA', 'CDA', 'CRCR'])}\n{r.choice(TITLES)}\nDirect: {phone(r, o.city[3])}"
    if r.random() < 0.3: t += "\n\n" + r.choice(CONF)
    return t
def new_msg(r, subject, o=None, s=None, to=None, cc=None, from_name=None):
    o = o or r.choice(ORGS); s = s or staffer(r)
    m = EmailMessage(policy=SMTP)
    m["From"] = formataddr((from_name or r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} - {o.short}", f"{s.given} {s.family} [{o.short}]"]), addr_of(r, s, o.dom)))
    if to is None:
        t = staffer(r); dom = r.choice([x.dom for x in ORGS + VENDORS if x is not o])
        to = formataddr((r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}", t.given]), addr_of(r, t, dom))) if r.random() < 0.7 else r.choice(["intake", "referrals", "billing.support", "records", "prior.auth", "claims", "scheduling", "ediops", "rx.refills"]) + "@" + dom
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.15: c = staffer(r); m["Cc"] = formataddr((f"{c.given} {c.family}", addr_of(r, c, o.dom)))
    m["Subject"] = subject
    when = dtm.datetime(2026, r.choice([11, 11, 12]), r.randint(1, 28) if True else 1, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([5, 5, 6, 7, 8, 10]))))
    m["Date"] = format_datetime(when)
    m["Message-ID"] = r.choice([f"<{dg(r, 13)}.{dg(r, 5)}.JavaMail.{r.choice(['svc', 'mail'])}@{o.dom}>", f"<{''.join(r.choice('0123456789ABCDEF') for _ in range(32))}@{r.choice(['SN6PR', 'CY4PR', 'DM5PR'])}{dg(r, 2)}MB{dg(r, 4)}.namprd{dg(r, 2)}.prod.outlook.com>", f"<{dg(r, 6)}.{dg(r, 8)}@mail.{o.dom}>"])
    mailer = r.choice(MAILERS + [None] * 5)
    if mailer: m["X-Mailer"] = mailer
    if r.random() < 0.08: m["Importance"] = "high"
    return m, s, o
def set_alt(m, text, html, related=()):
    m.set_content(text); m.add_alternative(html, subtype="html")
    if related:
        hp = m.get_payload()[1]
        for cid, png, fn in related: hp.add_related(png, "image", "png", cid=f"<{cid}>", filename=fn, disposition="inline")
def html_of_text(t):
    return "<html><body style=\"font-family:Calibri,Arial;font-size:11pt\"><div>" + hx(t).replace("\n", "<br>\n") + "</div>"
def with_logo(r, m, text, o):
    """plain text plus a signature logo: either multipart/related HTML or an Apple-style inline image part"""
    if r.random() < 0.6:
        cid = f"image00{r.randint(1, 3)}.png@01DB{dg(r, 4)}.{''.join(r.choice('0123456789ABCDEF') for _ in range(8))}"
        set_alt(m, text, html_of_text(text) + f'<p><img src="cid:{cid}" width="200" height="55" alt="{hx(o.short)}"></p></body></html>', [(cid, logo_png(o, style=r.randrange(2)), "image001.png")])
    else:
        m.set_content(text); m.add_attachment(logo_png(o, style=r.randrange(2)), "image", "png", filename=f"{re.sub(r'[^A-Za-z]', '', o.short)}_logo.png", disposition="inline")
COVERS = ["Please see attached.", "Attached.", "Hi -\n\nAttached is the file you asked for. Let me know if you need anything else.", "See the attached document.", "Sending this over securely.",
          "Good morning,\n\nPlease review the attachment and let me know if you have questions.", "Here you go.", "Attached for your review, thanks!", "Per our call, attached.",
          "This is the updated copy - please discard the one from last week.", "Adjunto el archivo. Gracias.", "Forwarding the document for your records.", "Attached (2 pages)."]
SUBJ = ["Document", "Requested info", "Attached file", "Scan", "Fax", "Report", "For your review", "[Secure] Document", "Follow up", "Info you asked for", "Documento", "Updated copy", "Re: attachment", "File"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.1:
        dev = f"{r.choice(['RICOH IM C3000', 'SHARP MX-3071', 'Canon iR-ADV C5535'])}"
        m.replace_header("From", formataddr((f"Scan to Email ({dev})", f"scanner-{r.randint(1, 12):02d}@{o.dom}")))
        m.set_content(f"This E-mail was sent from \"{dev}\" ({r.choice(['2nd Floor Billing', 'Front Desk', 'HIM Workroom', 'Pharmacy counter'])}).\n\nScan Date: {fdate(recent(r, 3), 'mdy')} {clock(r)}\nQueries to: it-help@{o.dom}\n"); return
    if x < 0.18:
        m.replace_header("From", formataddr(("XMediusFAX", f"fax-noreply@{o.dom}")))
        m.set_content(f"A fax was received for extension {r.randint(2000, 7999)}.\n\nPages: {r.randint(1, 4)}\nRemote CSID: {phone(r)}\nReceived: {fdate(recent(r, 3), 'mdy')} {clock(r)}\nJob ID: {dg(r, 8)}\n"); return
    if x < 0.25:
        m.set_content(f"{s.given} {s.family} sent you a secure message via Virtru.\n\nUnlock the message to read it. The attachment will expire in 30 days.\n\n{o.name}"); return
    txt = r.choice(COVERS) + "\n\n" + sig_block(r, s, o)
    if r.random() < 0.3: with_logo(r, m, txt, o)
    else: m.set_content(txt)
MT = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"), "txt": ("text", "plain"), "zip": ("application", "zip")}
def attach(m, data, fname):
    mt = MT[fname.rsplit(".", 1)[-1].lower()]
    if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=fname, charset="utf-8", cte="base64")
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", ascii_fold(doc.title)).strip("_")[:32]; d = recent(r, 5)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%Y%m%d}.{ext}", f"{d:%m%d%y}_{base.lower()}.{ext}", f"scan_{dg(r, 6)}.{ext}", f"{(doc.o.short if doc.o else 'doc').replace(' ', '')}_{dg(r, 4)}.{ext}", f"Doc{r.randint(1, 40)}.{ext}", f"{base} (1).{ext}"])

# ================================================================== carriers
GREET = ["", "", "Hi,\n\n", "Hello,\n\n", "Good afternoon -\n\n", "See below.\n\n", "Hola,\n\n", "Team,\n\n", "Per your request:\n\n"]
def subj_for(r, doc):
    return r.choice([doc.title, doc.title, f"RE: {doc.title}", f"{doc.title} - {doc.o.short if doc.o else ''}".rstrip(" -"), f"[Secure] {doc.title}", f"FW: {doc.title}" if False else doc.title.lower()])
def build_plain(r, doc):
    m, s, o = new_msg(r, subj_for(r, doc), o=doc.o if doc.o in ORGS else None)
    chat = all(b[0] == "p" for b in doc.blocks)
    txt = (r.choice(GREET) if not chat else "") + doc_text(r, doc, title=not chat and r.random() < 0.7) + "\n" + sig_block(r, s, o)
    if r.random() < 0.22: with_logo(r, m, txt, o)
    else: m.set_content(txt)
    return m
def build_html(r, doc):
    m, s, o = new_msg(r, subj_for(r, doc), o=doc.o if doc.o in ORGS else None)
    sig = sig_block(r, s, o); logo = r.random() < 0.45; cid = f"logo_{dg(r, 6)}@{o.dom}"
    post = "<br><p style=\"font-size:12px;color:#555\">" + hx(sig).replace("\n", "<br>") + "</p>" + (f'<img src="cid:{cid}" width="210" height="57" alt="{hx(o.short)}">' if logo else "")
    html = doc_html(r, doc, pre_html="<p>" + hx(r.choice(["Hello,", "Hi team,", "Good morning,", "Please see below.", "Hola,"])) + "</p>\n", post_html=post)
    text = (doc_text(r, doc) + "\n" + sig) if r.random() < 0.8 else "This message contains formatted content. Please view it in an HTML-capable mail client.\n"
    set_alt(m, text, html, [(cid, logo_png(o, style=r.randrange(2)), "logo.png")] if logo else ())
    return m
def long_when(r, d): return f"{WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
def qt(t, pre="> "): return "\n".join((pre + ln).rstrip() if ln else pre.rstrip() for ln in t.split("\n"))
FWD_TOP = ["FYI", "Can you take care of this?", "See below - please advise.", "Forwarding for your records.", "Looping you in.", "Please handle, thanks.", "Ver abajo.", "Is this yours?",
           "Adding {n} - see the thread below.", "Sorry, meant to send this yesterday."]
def build_forwarded(r, doc):
    m, s, o = new_msg(r, "", o=doc.o if doc.o in ORGS else None)
    a = staffer(r); a_addr = addr_of(r, a, r.choice(ORGS + VENDORS).dom); when = recent(r, 6); isub = doc.title
    inner = doc_text(r, doc, title=r.random() < 0.5)
    top = r.choice(FWD_TOP).replace("{n}", staffer(r).given) + "\n\n" + sig_block(r, s, o)
    k = r.randrange(9)
    pref = "FW: " if k in (0, 1, 6) else "Fwd: " if k in (2, 3) else "RE: " if k in (4, 7) else "RV: " if k == 8 else "FW: "
    m.replace_header("Subject", pref + isub)
    if k == 0: body = f"{top}\n\n________________________________\nFrom: {a.given} {a.family} <{a_addr}>\nSent: {long_when(r, when)}\nTo: {m['From']}\nSubject: {isub}\n\n{inner}"
    elif k == 1: body = f"{top}\n\n-----Original Message-----\nFrom: {a.family}, {a.given} <{a_addr}>\nSent: {long_when(r, when)}\nTo: {m['To']}\nSubject: {isub}\n\n{inner}"
    elif k == 2: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {a.given} {a.family} <{a_addr}>\nDate: {WD[when.weekday()][:3]}, {MON[when.month - 1][:3]} {when.day}, {when.year} at {clock(r)}\nSubject: {isub}\nTo: <{addr_of(r, s, o.dom)}>\n\n\n{inner}"
    elif k == 3: body = f"{top}\n\nBegin forwarded message:\n\nFrom: {a.given} {a.family} <{a_addr}>\nSubject: {isub}\nDate: {MON[when.month - 1]} {when.day}, {when.year} at {clock(r)} EST\nTo: {s.given} {s.family} <{addr_of(r, s, o.dom)}>\n\n{inner}"
    elif k == 4: body = f"{r.choice(['Got it, thanks. Will work this today.', 'Done - updated in the system.', 'Thanks! One question: is this the most recent?'])}\n\n{sig_block(r, s, o)}\n\nOn {WD[when.weekday()][:3]}, {MON[when.month - 1][:3]} {when.day}, {when.year} at {clock(r)}, {a.given} {a.family} <{a_addr}> wrote:\n{qt(inner)}"
    elif k == 5:
        m.replace_header("Subject", "FW: " + isub); m.set_content(top)
        im = EmailMessage(policy=SMTP); im["From"] = formataddr((f"{a.given} {a.family}", a_addr)); im["To"] = m["From"]; im["Subject"] = isub; im["Date"] = format_datetime(dtm.datetime(when.year, when.month, when.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-5))))
        im["Message-ID"] = f"<{dg(r, 10)}.{dg(r, 4)}@{a_addr.split('@')[1]}>"
        if r.random() < 0.5: im.set_content(inner)
        else: set_alt(im, inner, doc_html(r, doc))
        m.add_attachment(im, filename=re.sub(r"[^A-Za-z0-9 ]", "", isub)[:40] + ".eml"); return m
    elif k == 6:
        b2 = staffer(r); b2_addr = addr_of(r, b2, o.dom)
        body = (f"{top}\n\n-----Original Message-----\nFrom: {b2.given} {b2.family} <{b2_addr}>\nSent: {long_when(r, when)}\nTo: {a.given} {a.family}\nSubject: RE: {isub}\n\n{r.choice(['Can you check the last one on this?', 'Not sure this is ours.', 'Adding billing.'])}\n\n"
                f"-----Original Message-----\nFrom: {a.given} {a.family} <{a_addr}>\nSent: {long_when(r, when - dtm.timedelta(days=1))}\nTo: {b2.given} {b2.family}\nSubject: {isub}\n\n{inner}")
    elif k == 7:
        html = (f"<html><body><div style=\"font-family:Calibri\">{hx(top).replace(chr(10), '<br>')}</div><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in\">"
                f"<p><b>From:</b> {hx(a.given + ' ' + a.family)} &lt;{a_addr}&gt;<br><b>Sent:</b> {long_when(r, when)}<br><b>Subject:</b> {hx(isub)}</p></div>" + doc_html(r, doc).split("<body", 1)[1].split(">", 1)[1])
        text = f"{top}\n\nFrom: {a.given} {a.family} <{a_addr}>\nSent: {long_when(r, when)}\nSubject: {isub}\n\n{inner}"
        set_alt(m, text, html); return m
    else:
        body = f"{r.choice(['Te reenvío esto.', 'Para su información.', 'Favor de revisar.'])}\n\n{sig_block(r, s, o)}\n\n________________________________\nDe: {a.given} {a.family} <{a_addr}>\nEnviado: {r.choice(['lunes', 'martes', 'miércoles', 'jueves', 'viernes'])}, {when.day} de {MES[when.month - 1]} de {when.year} {clock(r)}\nPara: {s.given} {s.family}\nAsunto: {isub}\n\n{inner}"
    m.set_content(body); return m

def appledouble(): return b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\x00\x00\x00\x32\x00\x00\x0e\xb0\x00\x00\x00\x02\x00\x00\x0e\xe2\x00\x00\x01\x1e" + b"\x00" * 32 + b"ATTR\x00\x00\x00\x00"
def mac_zip(entries):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 16, 42, 10)); zi.create_system = 3
            zi.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else (0o100644 << 16); zi.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return b.getvalue()

def lo_redo(doc, fname_seed, kind):
    def redo():
        rr = random.Random(fname_seed); d2 = doc.cut(8)
        if kind == "docx2pdf": return kind, dx_doc(rr, d2)
        if kind == "html2pdf": return kind, doc_html(rr, d2)
        if kind == "rtf2pdf": return kind, rtf_doc(rr, d2)
        return kind, xl_book(rr, d2, for_pdf=True)
    return redo
def build_attachment(r, ctx, carrier, doc, seed):
    t = doc.table()
    if carrier == "pdf-reportlab":
        ttf = r.random() < 0.4; return fname_for(r, doc, "pdf"), fit(lambda d: rl_pdf(r, d, ttf), doc)
    if carrier == "pdf-fpdf2":
        ttf = r.random() < 0.5; return fname_for(r, doc, "pdf"), fit(lambda d: fp_pdf(r, d, ttf), doc)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45:
            for n in (60, 24, 12, 8):
                ps, np_ = ps_doc(r, doc.cut(n))
                if np_ <= 2: break
            src = ctx.path(".ps")
            with open(src, "w", encoding="latin-1") as f: f.write(ps)
            return fname_for(r, doc, "pdf"), gs_pdf(src, ctx.path(".pdf"))
        if x < 0.75:
            ttf = r.random() < 0.4; mk = (lambda d: rl_pdf(r, d, ttf)) if x < 0.6 else (lambda d: fp_pdf(r, d, ttf))
            src = ctx.path(".pdf")
            with open(src, "wb") as f: f.write(fit(mk, doc))
            return fname_for(r, doc, "pdf"), gs_pdf(src, ctx.path(".pdf"))
        d2 = doc.cut(18)
        if x < 0.88: return fname_for(r, doc, "pdf"), ctx.lo("docx2pdf", dx_doc(r, d2, letterhead=r.random() < 0.4), gs=True, redo=lo_redo(doc, seed, "docx2pdf"))
        return fname_for(r, doc, "pdf"), ctx.lo("rtf2pdf", rtf_doc(r, d2), gs=True, redo=lo_redo(doc, seed, "rtf2pdf"))
    if carrier == "pdf-libreoffice":
        d2 = doc.cut(20); x = r.random()
        if t is not None and x < 0.25: return fname_for(r, doc, "pdf"), ctx.lo("xlsx2pdf", xl_book(r, d2, for_pdf=True), redo=lo_redo(doc, seed, "xlsx2pdf"))
        if x < 0.6: return fname_for(r, doc, "pdf"), ctx.lo("docx2pdf", dx_doc(r, d2, letterhead=r.random() < 0.45), redo=lo_redo(doc, seed, "docx2pdf"))
        if x < 0.8: return fname_for(r, doc, "pdf"), ctx.lo("html2pdf", doc_html(r, d2), redo=lo_redo(doc, seed, "html2pdf"))
        return fname_for(r, doc, "pdf"), ctx.lo("rtf2pdf", rtf_doc(r, d2), redo=lo_redo(doc, seed, "rtf2pdf"))
    if carrier == "docx":
        x = r.random()
        if x < 0.62: return fname_for(r, doc, "docx"), dx_doc(r, doc, letterhead=r.random() < 0.45)
        if x < 0.76: return fname_for(r, doc, "docx"), ctx.lo("html2docx", doc_html(r, doc))
        if x < 0.88: return fname_for(r, doc, "docx"), ctx.lo("rtf2docx", rtf_doc(r, doc))
        return fname_for(r, doc, "docx"), ctx.lo("docx2docx", dx_doc(r, doc, letterhead=r.random() < 0.5))
    if carrier == "xlsx":
        resave = r.random() < 0.42; data = xl_book(r, doc, nogroup=resave)
        return fname_for(r, doc, "xlsx"), (ctx.lo("xlsx2xlsx", data) if resave else data)
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if t is not None and x < 0.35: data, ext = csv_bytes(r, doc)
        elif t is not None and x < 0.55: data, ext = xl_book(r, doc), "xlsx"
        elif x < 0.78: data, ext = fit(lambda d: rl_pdf(r, d, r.random() < 0.3), doc) if r.random() < 0.5 else fit(lambda d: fp_pdf(r, d, r.random() < 0.5), doc), "pdf"
        else: data, ext = dx_doc(r, doc, letterhead=r.random() < 0.4), "docx"
        inner = fname_for(r, doc, ext); zn = re.sub(r"\.[a-z]+$", "", inner) + ".zip"; y = r.random()
        if ext == "pdf" and y < 0.35:
            folder = r.choice(["Records", "Export", f"{(doc.o.short if doc.o else 'Files').replace(' ', '_')}", "Desktop Files"])
            return zn, mac_zip([(f"{folder}/", b""), (f"{folder}/{inner}", data), (f"{folder}/.DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 60), ("__MACOSX/", b""), (f"__MACOSX/{folder}/", b""), (f"__MACOSX/{folder}/._{inner}", appledouble())])
        if y < 0.55: return zn, mac_zip([(f"{re.sub(r'[^A-Za-z0-9]', '_', doc.title)[:24]}/", b""), (f"{re.sub(r'[^A-Za-z0-9]', '_', doc.title)[:24]}/{inner}", data)])
        if y < 0.75: return zn, make_zip([(f"{TODAY:%Y-%m}/{inner}", data)])
        if y < 0.85: return zn, make_zip([(inner, data), ("README.txt", f"Exported {fdate(TODAY, 'mdy')} by {staffer(r).plain()}. One file.\r\n".encode("utf-8"))])
        return zn, make_zip([(inner, data)])
    raise ValueError(carrier)

# ================================================================== header carrier
HDR_BODY = ["Please give me a call when you get a chance.", "See the secure portal for details.", "Can we talk about this at huddle?", "Thanks - following up on our call.",
            "Call me back at my desk line, please.", "I'll bring the paperwork to the 2 pm meeting.", "Sent the details through the EHR inbox instead.", "Done.", "Llámame cuando puedas.",
            "Following up from this morning.", "Let me know if you need anything from our end.", "Faxing the rest separately."]
def hdr_body(r, m, s, o):
    txt = r.choice(HDR_BODY) + "\n\n" + sig_block(r, s, o)
    if r.random() < 0.25: with_logo(r, m, txt, o)
    else: m.set_content(txt)
def build_header_phi(r):
    o = org(r, None); p = Person(r, 1, 92); k = r.randrange(16); dx = dxp(r, p); d = dob_s(r, p)
    extra = {}; to = None; cc = None; from_name = None
    if k == 0: subj = f"Lab results - {p.lfm()} DOB {d}"
    elif k == 1: subj = f"{p.plain()} MRN {mrn(r)} - {r.choice(['CHF readmit', 'new dx ' + dx[0], 'pos. COVID', 'suicide risk screen +', 'chemo held'])}"
    elif k == 2:
        subj = r.choice(["Your test results are ready", "About your recent biopsy", "Your prescription is ready for pickup", "Follow-up on your mammogram"])
        to = formataddr((f"{p.plain()} (DOB {d})", p.email))
    elif k == 3:
        subj = "Re: schedule change"; cc = formataddr((f"{p.plain()} - {r.choice(['dialysis pt', 'OB pt 32 wks', 'hospice pt', 'new HIV pt'])}", p.email))
    elif k == 4: subj = "Pt question"; extra["X-Patient-Context"] = f"{p.caps()}; MRN {mrn(r)}; {dx[0]} {dx[1]}"
    elif k == 5: subj = "RE: PA status"; extra["Thread-Topic"] = f"{p.plain()} prior auth {r.choice(DRUGS)[0]} - member {memid(r)}"
    elif k == 6: subj = "chart"; extra["Keywords"] = f"{p.lfm()}, {mrn(r)}, {dx[0]}, {r.choice(['oncology', 'behavioral health', 'OB', 'dialysis'])}"
    elif k == 7:
        subj = "Scanned document"; extra["X-Scan-Filename"] = f"{ascii_fold(p.family).upper().replace(' ', '')}_{ascii_fold(p.given).upper()}_{p.dob:%m%d%Y}_{r.choice(['Colonoscopy', 'PsychEval', 'PathReport', 'Discharge', 'HIVConsent'])}.pdf"
    elif k == 8: subj = f"Resultados de {p.full()} - fecha de nacimiento {dob_es(r, p)} - {r.choice(['embarazo positivo', 'diabetes', 'cultivo positivo'])}"
    elif k == 9: subj = f"MBI {mbi(r)} - {p.caps()} - {r.choice(['hospice election', 'SNF 3-day stay', 'DME CPAP order', 'home health recert'])}"
    elif k == 10:
        subj = "Re: tomorrow"; m0 = staffer(r); extra["Reply-To"] = formataddr((f"Dr. {doctor(r).family} office re: {p.plain()} {r.choice(['chemo', 'Suboxone induction', 'C-section', 'MRI brain'])}", addr_of(r, m0, o.dom)))
    elif k == 11: subj = "billing question"; extra["X-Billing-Ref"] = f"Claim {claimno(r)} / {p.lfm()} / DOS {fdate(recent(r, 60), 'mdy')} / {r.choice(CPT)[0]}"
    elif k == 12: subj = "FYI"; extra["Comments"] = f"re {p.plain()} {d} - {dx[1]}"
    elif k == 13: subj = f"[EXTERNAL] FW: {p.caps()} - positive {r.choice(['blood culture', 'hep C antibody', 'RPR', 'pregnancy test', 'urine drug screen'])}"
    elif k == 14: subj = "Urgent"; extra["X-Fax-Cover-Note"] = f"ATTN billing: {p.plain()} SSN {ssn(r)} {r.choice(['dx', 'Dx:'])} {dx[0]}"
    else:
        subj = "Prescription question"; from_name = None
        to = formataddr((f"{p.family}, {p.given} (member {memid(r)}) - {r.choice(['insulin', 'Biktarvy', 'lithium', 'Suboxone'])} refill", p.email))
    m, s, o = new_msg(r, subj, o=o, to=to, cc=cc, from_name=from_name)
    for h, v in extra.items(): m[h] = v
    hdr_body(r, m, s, o); return m
def build_header_clean(r):
    o = org(r, None); s2 = staffer(r); k = r.randrange(14); extra = {}; to = None; cc = None
    if k == 0: subj = f"{s2.plain()} - PTO request {fdate(future(r, 5, 40), 'm/d/yy')}"
    elif k == 1: subj = "Timesheet"; to = formataddr((f"{s2.lfm()} (Emp ID {dg(r, 6)})", addr_of(r, s2, o.dom)))
    elif k == 2: subj = f"INC{dg(r, 7)} resolved: {r.choice(['printer jam', 'VPN token', 'password reset', 'monitor replacement'])}"; extra["X-Ticket-ID"] = f"INC{dg(r, 7)}"
    elif k == 3: subj = "Budget"; extra["Thread-Topic"] = f"FY{(TODAY.year + 1) % 100} capital budget - {s2.plain()}"
    elif k == 4: subj = f"Birthday lunch for {s2.plain()} - {MON[r.randint(0, 11)][:3]} {r.randint(1, 28)}"
    elif k == 5: subj = f"PO {dg(r, 7)} - delivery {fdate(future(r, 1, 10), 'mdy')}"; extra["Keywords"] = f"purchasing, PO, {r.choice(VENDORS).short}"
    elif k == 6: subj = "Scan"; extra["X-Scan-Filename"] = f"TIMESHEET_{ascii_fold(s2.family).upper().replace(' ', '')}_{ascii_fold(s2.given).upper()}_{TODAY:%m%Y}.pdf"
    elif k == 7: d = doctor(r); subj = f"Welcome {drn(d)} (NPI {d.npi})"
    elif k == 8: subj = r.choice(["Horario de vacaciones - Navidad", "Reunión de personal el jueves", "Cambio de turno"])
    elif k == 9: subj = "Training: MBI format 1EG4-TE5-MK73 (CMS example)"
    elif k == 10: subj = f"Tracking {r.choice(['1Z', '7'])}{dg(r, 14)} - your order shipped"; extra["X-Order-Ref"] = f"SO-{dg(r, 8)}"
    elif k == 11: subj = "Meeting moved"; cc = formataddr((f"{s2.plain()} (Revenue Cycle)", addr_of(r, s2, o.dom))); extra["Comments"] = "Quality committee agenda attached to invite"
    elif k == 12: subj = f"Form REG-{r.randint(100, 499)} revised - Date of Birth field moved"
    else: subj = f"Re: {s2.given}'s retirement party"; extra["X-Message-Flag"] = "Follow up"
    m, s, o = new_msg(r, subj, o=o, to=to, cc=cc)
    for h, v in extra.items(): m[h] = v
    hdr_body(r, m, s, o); return m

# ================================================================== main
CARRIERS = ["plain", "html", "pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L + ("_doc" if x < 0.66 else "_raw" if x < 0.82 else "_list")]
    if carrier == "zip": return cyc[L + ("_list" if x < 0.45 else "_raw" if x < 0.55 else "_doc")]
    return cyc[L + ("_doc" if x < 0.68 else "_list" if x < 0.9 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b5_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b5-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m = build_header_phi(R) if label == "phi" else build_header_clean(R)
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                m, s, o = new_msg(R, R.choice(SUBJ) if R.random() < 0.55 else doc.title, o=doc.o if doc.o in ORGS else None)
                cover(R, m, s, o)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc, fname))); continue
            built.append((fname, label, carrier, doc.cat, m, None))
        ctx.run()
        for fname, label, carrier, cat, m, att in built:
            if att:
                name, data = att
                if isinstance(data, Pending): data = ctx.get(data)
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
    print(f"wrote {len(rows)} batch-5 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
