#!/usr/bin/python3
"""Batch 6 of the blind DLP corpus: b6-0001.eml ... b6-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written by a sixth author from BRIEF.md (see README "Batch 6").  Content templates, sentences, document
layouts, name pools and organisations are this batch's own; only producer plumbing (OOXML zip timestamps,
zip writing, the split rule, latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from
generate.py.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, and
the dates/IDs that LibreOffice and Ghostscript stamp into their PDFs are normalised (same-length
substitution, so the xref table stays valid), so two runs give byte-identical files.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261206
R = random.Random(SEED)
PREFIX = "b6-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DJM = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
D = dtm.date
TODAY = D(2026, 12, 4)

# ================================================================== people
# community: (female given names, male given names, family names)
NAMES = {
    "appalachian": (["Misty", "Tammy", "Brandi", "Loretta", "Shelby", "Darlene", "Opal", "Rhonda"], ["Dustin", "Wayne", "Cletus", "Harlan", "Buford", "Earl", "Junior", "Travis"],
                    ["Caudill", "Blankenship", "Mullins", "Sizemore", "Hatfield", "Combs", "Slone", "Napier"]),
    "anglo": (["Heather", "Courtney", "Lorraine", "Rebecca", "Dorothy", "Kaitlyn", "Marjorie", "Allison"], ["Garrett", "Harold", "Brent", "Clifford", "Kenneth", "Spencer", "Douglas", "Mitchell"],
              ["Whitaker", "Hollister", "Pruitt", "Osborne", "Fairbanks", "Tibbetts", "Ashworth", "Pembroke", "St. John", "Van Horn"]),
    "black": (["Latoya", "Ebony", "Keisha", "Imani", "Tanisha", "Dionne", "Gwendolyn", "Ayanna", "Precious", "Shanice"], ["DeShawn", "Tyrone", "Marquis", "Darnell", "Jamal", "Cedric", "Reginald", "Terrence", "Kareem", "Demetrius"],
              ["Merriweather", "Pettiford", "Toussaint", "Mayfield", "Battle", "Gaines", "Freeman", "Washington", "Dukes", "Holloway"]),
    "mexican": (["Maricela", "Yesenia", "Araceli", "Graciela", "Itzel", "Rocío", "Xóchitl", "Nayeli", "María de los Ángeles"], ["Ezequiel", "Rogelio", "Leobardo", "Cuauhtémoc", "Jesús", "Ulises", "Heriberto", "José Luis"],
                ["Villalobos", "Zúñiga", "Ochoa", "Cervantes", "Tapia", "Arellano", "Quiñónez", "Bustamante", "De La Garza", "del Valle", "Ibarra Montes"]),
    "boricua": (["Migdalia", "Nilsa", "Zoraida", "Wanda", "Maritza", "Yamilet"], ["Wilfredo", "Ángel", "Edwin", "Radamés", "Nelson", "Héctor"],
                ["Colón", "Maldonado", "Figueroa", "Negrón", "de Jesús", "Vélez", "Santiago Ortiz", "Cruz Rivera"]),
    "centroam": (["Floridalma", "Wendy", "Sonia", "Glenda", "Ingrid"], ["Byron", "Selvin", "Elmer", "Santos", "Wilmer"], ["Xicará", "Ajanel", "Tzunún", "Menjívar", "Alvarenga", "Portillo"]),
    "filipino": (["Maricel", "Rowena", "Jocelyn", "Ma. Luisa", "Divina", "Lorna"], ["Rodel", "Jun", "Arnel", "Bienvenido", "Ferdinand", "Romeo"],
                 ["Dimaculangan", "Macaraeg", "Pangilinan", "Bautista", "delos Reyes", "Manalo", "de la Cruz"]),
    "vietnamese": (["Thuy", "Lan", "Ngoc Anh", "Hoa", "Phuong", "Kim Chi"], ["Bao", "Minh", "Quang", "Tuan", "Duc", "Khanh"], ["Nguyen", "Tran", "Pham", "Le", "Vo", "Huynh", "Dang"]),
    "chinese": (["Mei-Ling", "Xiaoyan", "Hui", "Jing", "Yan"], ["Wei", "Jian", "Zhiwei", "Hao", "Guang"], ["Zhang", "Chen", "Liu", "Huang", "Xu", "Lau", "Chow"]),
    "southindian": (["Lakshmi", "Padmavathi", "Sowmya", "Keerthana", "Anusha"], ["Venkata", "Srinivas", "Karthik", "Ravi Teja", "Arun"],
                    ["Reddy", "Venkataraman", "Subramanian", "Gollapudi", "Nair", "Krishnamurthy"]),
    "nigerian": (["Chiamaka", "Ngozi", "Funmilayo", "Adaeze", "Oluwaseun"], ["Chukwuemeka", "Babatunde", "Obinna", "Oluwafemi", "Ikechukwu"],
                 ["Okonkwo", "Adeyemi", "Nwachukwu", "Okafor", "Oyelaran", "Eze"]),
    "somali": (["Hodan", "Fadumo", "Ayaan", "Sahra", "Hawa"], ["Abdirahman", "Mohamed", "Abdullahi", "Hassan", "Yusuf"], ["Warsame", "Farah", "Abdi", "Jama", "Hirsi"]),
    "arab": (["Rania", "Huda", "Layla", "Nadia", "Samira"], ["Khalil", "Tariq", "Omar", "Bassam", "Sami"], ["Haddad", "Al-Khatib", "Nasser", "Abu-Saleh", "Shalhoub", "El-Amin"]),
    "polish": (["Agnieszka", "Bożena", "Krystyna", "Halina", "Dorota"], ["Zbigniew", "Tadeusz", "Krzysztof", "Stanisław", "Wojciech"],
               ["Kowalczyk", "Nowak", "Grabowski", "Zieliński", "Szymański", "Wójcik"]),
    "irish": (["Siobhan", "Maureen", "Bridget", "Aoife", "Colleen"], ["Declan", "Cormac", "Seamus", "Brendan", "Padraig"], ["O'Sullivan", "McNamara", "Fitzgerald", "MacGowan", "Kavanagh", "O'Dea"]),
    "dutchgerman": (["Hendrika", "Gretchen", "Liesl", "Annelies", "Ingrid"], ["Pieter", "Dirk", "Gerrit", "Friedrich", "Johannes"],
                    ["van der Berg", "Van Wagenen", "de Vries", "von Holt", "Vander Zee", "ten Haaf", "Schoenberger"]),
    "cajun": (["Clothilde", "Elodie", "Odile", "Marguerite"], ["Thibault", "Alcide", "Onezime", "Remy"], ["Boudreaux", "Thériot", "LeBlanc", "Fontenot", "Guidry", "Arceneaux"]),
    "navajo": (["Shandiin", "Nizhoni", "Winona", "Darlene"], ["Ahiga", "Delbert", "Leroy", "Harrison"], ["Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Etsitty"]),
    "hawaiian": (["Leilani", "Kalena", "Noelani"], ["Kainoa", "Keoni", "Makoa"], ["Kahananui", "Kealoha", "Akana", "Kamakau"]),
    "greek": (["Eleni", "Despina", "Kalliope"], ["Spiros", "Dimitrios", "Konstantinos"], ["Papadopoulos", "Katsaros", "Georgiou", "Pappas"]),
    "jewish": (["Miriam", "Shoshana", "Rivka", "Esther"], ["Mordechai", "Eli", "Avraham", "Yossi"], ["Weiss", "Rosenbaum", "Feldman", "Ben-Ami", "Halpern"]),
    "korean": (["Seo-yeon", "Eun-ji", "Hye-jin", "Min-seo"], ["Jae-hyun", "Sung-min", "Dong-hoon", "Ji-ho"], ["Kim", "Park", "Choi", "Yoon", "Jeong"]),
    "hmong": (["Mai Nou", "Pa Houa", "Youa", "Kia"], ["Tou", "Pao", "Neng", "Chue"], ["Vang", "Xiong", "Lor", "Thao", "Moua"]),
}
HISPANIC = {"mexican", "boricua", "centroam"}
COMMUNITIES = sorted(NAMES)
SUFFIXES = ["Jr.", "Jr", "Sr.", "II", "III", "IV"]
STREETS = ["Sagebrush Trl", "Cottonwood Ct", "W Esperanza Ave", "Quarry Hill Rd", "Bayou Teche Ln", "Old Ferry Rd", "N Juniper St", "Tamarack Dr", "Lower Mill Pond Rd",
           "E Saguaro Vista", "Kestrel Way", "Calle Loma Linda", "Harbor Light Ter", "Route 9", "County Road 14", "Blue Spruce Cir", "Armory St", "Depot Ave",
           "S Pecan Grove Blvd", "Ridgeback Ln", "Wapsipinicon Dr", "Highland Park Pl", "Elderberry Ct", "Canal St"]
UNITS = ["", "", "", "", " Apt 3B", " Apt 114", " Unit 7", " #2", " Lot 41", " Trlr 12"]
# state -> [(town, zip3, area code)]
PLACES = {
    "MN": [("Bemidji", "566", "218"), ("Cass Lake", "566", "218"), ("Grand Rapids", "557", "218"), ("Walker", "564", "218")],
    "NV": [("Elko", "898", "775"), ("Spring Creek", "898", "775"), ("Wells", "898", "775")],
    "AZ": [("Tucson", "857", "520"), ("Marana", "856", "520"), ("Nogales", "856", "520"), ("Window Rock", "865", "928")],
    "CO": [("Pueblo", "810", "719"), ("Pueblo West", "810", "719"), ("Cañon City", "812", "719")],
    "TN": [("Knoxville", "379", "865"), ("Maryville", "378", "865"), ("Sevierville", "378", "865")],
    "WA": [("Tacoma", "984", "253"), ("Yakima", "989", "509"), ("Toppenish", "989", "509"), ("Puyallup", "983", "253")],
    "VT": [("Burlington", "054", "802"), ("Winooski", "054", "802"), ("St. Albans", "054", "802")],
    "KS": [("Salina", "674", "785"), ("Abilene", "674", "785"), ("Lindsborg", "674", "785")],
    "GA": [("Savannah", "314", "912"), ("Pooler", "313", "912"), ("Richmond Hill", "313", "912")],
    "NY": [("Utica", "135", "315"), ("Rome", "134", "315"), ("Herkimer", "133", "315")],
    "IA": [("Davenport", "528", "563"), ("Bettendorf", "527", "563"), ("Clinton", "527", "563")],
    "NM": [("Las Cruces", "880", "575"), ("Anthony", "880", "575"), ("Deming", "880", "575")],
    "NE": [("Omaha", "681", "402"), ("Kearney", "688", "308"), ("Grand Island", "688", "308")],
    "VA": [("Norfolk", "235", "757"), ("Chesapeake", "233", "757"), ("Portsmouth", "237", "757")],
    "NH": [("Concord", "033", "603"), ("Pembroke", "032", "603"), ("Laconia", "032", "603")],
    "OR": [("Bend", "977", "541"), ("Redmond", "977", "541"), ("La Pine", "977", "541")],
    "LA": [("Lafayette", "705", "337"), ("New Iberia", "705", "337"), ("Breaux Bridge", "705", "337")],
    "HI": [("Hilo", "967", "808"), ("Pahoa", "967", "808")],
}

def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def phone(r, area=None, st=None):
    a = area or r.choice(["218", "775", "520", "719", "865", "253", "802", "785", "912", "315", "563", "575", "402", "757", "603", "541", "337", "808"])
    x, y = f"{r.randint(2, 9)}{dg(r, 2)}", dg(r, 4)
    st = st if st is not None else r.choice([0, 0, 0, 1, 2, 3, 4])
    return [f"({a}) {x}-{y}", f"{a}-{x}-{y}", f"{a}.{x}.{y}", f"{a} {x} {y}", f"1-{a}-{x}-{y}"][st]

def ascii_fold(s):
    import unicodedata
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

class Person:
    def __init__(self, r, amin=0, amax=95, sex=None, comm=None, state=None):
        self.comm = comm or r.choice(COMMUNITIES)
        f, m, fam = NAMES[self.comm]
        self.sex = sex or r.choice("FM")
        self.given = r.choice(f if self.sex == "F" else m)
        self.family = r.choice(fam)
        if self.comm == "polish" and self.sex == "F" and self.family.endswith("ski"): self.family = self.family[:-1] + "a"
        if self.comm in HISPANIC and " " not in self.family and r.random() < 0.45:
            self.family += " " + r.choice([x for x in NAMES[r.choice(sorted(HISPANIC))][2] if " " not in x and x != self.family])
        mid = r.random()
        self.middle = "" if mid < 0.3 else r.choice("ABCDEFGHJKLMNPRSTVW") if mid < 0.8 else r.choice(f if self.sex == "F" else m).split()[0]
        self.suffix = r.choice(SUFFIXES) if self.sex == "M" and r.random() < 0.12 else ""
        age_days = r.randint(int(amin * 365.25) + 20, int(amax * 365.25) + 300)
        self.dob = TODAY - dtm.timedelta(days=age_days)
        self.state = state or (CUR["state"] if CUR["state"] and r.random() < 0.85 else r.choice(sorted(PLACES)))
        town, z3, ac = r.choice(PLACES[self.state])
        self.street = f"{r.randint(2, 9899)} {r.choice(STREETS)}{r.choice(UNITS)}"
        self.city, self.zip, self.area = town, z3 + dg(r, 2), ac
        self.phone = phone(r, ac)
        g, fm = re.sub(r"[^a-z]", "", ascii_fold(self.given).lower()), re.sub(r"[^a-z]", "", ascii_fold(self.family).lower())
        self.email = r.choice([f"{g}.{fm}{r.randint(1, 99)}", f"{g[0]}{fm}", f"{fm}{g}{r.randint(60, 99)}", f"{g}_{fm[:4]}"]) + "@" + r.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com", "comcast.net"])
        self.lfm_style = r.randrange(2)
    @property
    def age(self):
        return TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
    def mi(self): return self.middle[0] if self.middle else ""
    def full(self, mid=True):
        s = self.given + (f" {self.mi()}." if mid and self.middle else "") + " " + self.family
        return s + (f" {self.suffix}" if self.suffix else "")
    def plain(self): return f"{self.given} {self.family}" + (f" {self.suffix}" if self.suffix else "")
    def lfm(self):
        if self.suffix and self.lfm_style: return f"{self.family} {self.suffix}, {self.given}" + (f" {self.mi()}" if self.middle else "")
        return f"{self.family}, {self.given}" + (f" {self.mi()}" if self.middle else "") + (f", {self.suffix}" if self.suffix else "")
    def caps(self): return self.lfm().upper()
    def caps_full(self): return self.plain().upper()
    def hl7(self): return f"{self.family.upper()}^{self.given.upper()}^{self.mi()}^{self.suffix.upper().rstrip('.')}".rstrip("^")
    def title(self): return ("Ms. " if self.sex == "F" else "Mr. ") + self.family
    def sra(self): return ("Sra. " if self.sex == "F" else "Sr. ") + self.family
    def initials(self): return "".join(w[0] for w in (self.given + " " + self.family).replace("-", " ").split() if w[0].isalpha()).upper()
    def addr1(self): return self.street
    def addr2(self): return f"{self.city}, {self.state} {self.zip}"
    def name(self, r, st=None):
        st = r.randrange(6) if st is None else st
        return [self.full, self.lfm, self.caps, self.plain, self.caps_full, self.lfm][st]()

def staffer(r, state=None): return Person(r, 23, 66, state=state)
CREDS = ["MD", "DO", "MD", "NP", "PA-C", "MD, FACP", "DO, FAAFP", "MD, PhD", "DNP, APRN", "DPM", "DDS", "LCSW", "PsyD"]
class Clin:
    def __init__(self, r, cred=None):
        self.p = Person(r, 32, 70); self.cred = cred or r.choice(["MD", "DO", "MD", "NP", "PA-C", "MD, FACP", "DO, FAAFP", "MD", "APRN, FNP-C"]); self.npi = npi(r)
    def name(self): return f"{self.p.given} {self.p.family}, {self.cred}"
    def dr(self): return ("Dr. " + self.p.family) if self.cred.split(",")[0] in ("MD", "DO", "DPM", "DDS", "PsyD", "MD, PhD") else f"{self.p.given} {self.p.family}, {self.cred}"
    def last_first(self): return f"{self.p.family.upper()}, {self.p.given.upper()}"

# ================================================================== identifiers
def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r):
    base = r.choice("12") + dg(r, 8)
    return base + luhn_digit("80840" + base)
def npi_ok(n): return luhn_digit("80840" + n[:9]) == n[9]
SAMPLE_SSN = {"078051120", "219099999", "123456789", "457555462"}
def ssn(r, style=None):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        raw = f"{a:03d}{g:02d}{s:04d}"
        if raw not in SAMPLE_SSN: break
    st = style if style is not None else r.choice(["d", "d", "d", "d", "s", "n"])
    return {"d": f"{raw[:3]}-{raw[3:5]}-{raw[5:]}", "s": f"{raw[:3]} {raw[3:5]} {raw[5:]}", "n": raw, "m": f"XXX-XX-{raw[5:]}", "m2": f"***-**-{raw[5:]}"}[st]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"   # CMS: no S L O I B Z
def mbi(r, dashes=None):
    while True:
        c = [str(r.randint(1, 9)), r.choice(MBI_ALPHA), r.choice(MBI_ALPHA + "0123456789"), str(r.randint(0, 9)), r.choice(MBI_ALPHA), r.choice(MBI_ALPHA + "0123456789"),
             str(r.randint(0, 9)), r.choice(MBI_ALPHA), r.choice(MBI_ALPHA), str(r.randint(0, 9)), str(r.randint(0, 9))]
        s = "".join(c)
        if s != "1EG4TE5MK73": break
    if dashes is None: dashes = r.random() < 0.45
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s
def dea(r, prefix=None):
    first = prefix or r.choice("ABFGM"); second = r.choice("ABCDHKLMRSTW")
    d = [r.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return f"{first}{second}{''.join(map(str, d))}{chk}"
def ndc(r):
    k = r.randrange(3)
    if k == 0: return f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}"
    if k == 1: return f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}"
    return f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"
def mrn(r): return r.choice([dg(r, 8), "00" + dg(r, 6), f"M{dg(r, 7)}", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 3)}", f"E{dg(r, 9)}", f"TR{dg(r, 6)}", dg(r, 7)])
def memid(r): return r.choice([f"W{dg(r, 9)}", f"WRH{dg(r, 8)}", f"MA{dg(r, 9)}01", f"{r.choice('JKXZ')}{r.choice('PQRT')}{r.choice('ABHW')}{dg(r, 9)}", f"XRN {dg(r, 4)} {dg(r, 4)} {dg(r, 2)}", f"{dg(r, 9)}*01", f"AS{dg(r, 7)}-{dg(r, 2)}"])
def medicaid(r): return r.choice([f"{r.choice('ABCDEFGH')}{dg(r, 8)}", dg(r, 11), f"NM{dg(r, 9)}"])
def acct(r): return r.choice([dg(r, 10), f"{dg(r, 7)}-{dg(r, 2)}", f"A{dg(r, 9)}", f"HAR{dg(r, 8)}", f"G{dg(r, 6)}", dg(r, 12)])
def fin(r): return r.choice([f"{dg(r, 2)}{dg(r, 8)}", dg(r, 9), f"26-{dg(r, 7)}"])
def csn(r): return dg(r, 9) if r.random() < 0.5 else dg(r, 10)
def claimno(r): return r.choice([dg(r, 13), f"{dg(r, 2)}{dg(r, 3)}{dg(r, 8)}", f"WR{dg(r, 11)}", f"C{dg(r, 10)}-{dg(r, 2)}", f"2026{dg(r, 3)}{dg(r, 6)}"])
def accession(r): return r.choice([f"{r.choice(['CH', 'HM', 'UA', 'MB'])}{dg(r, 2)}-{dg(r, 6)}", f"S26-{dg(r, 5)}", f"26{dg(r, 3)}{dg(r, 5)}", f"L{dg(r, 9)}"])
def authno(r): return r.choice([f"PA{dg(r, 9)}", f"{dg(r, 3)}-{dg(r, 4)}-{dg(r, 4)}", f"AUTH-26-{dg(r, 6)}", f"UM{dg(r, 8)}"])
def rxno(r): return r.choice([dg(r, 7), f"{dg(r, 7)}-{r.randint(0, 5):02d}", f"6{dg(r, 6)}"])
def tin(r): return f"{r.choice(['27', '36', '41', '46', '58', '62', '81', '84', '85', '91'])}-{dg(r, 7)}"
def group_no(r): return r.choice([f"{dg(r, 6)}", f"GRP-{dg(r, 5)}", f"{r.choice('ABCK')}{dg(r, 4)}{r.choice('ABM')}"])

# ================================================================== dates
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DOB_STYLES = ["mdy", "mdy", "mdy", "mdy", "m/d/yy", "iso", "d-Mon-y", "Month d, y", "ymd8", "m d y", "Mon d, y", "m/d/y", "m-d-y", "dMONy", "d Month y", "Mon. d, y", "y/m/d"]
def fdate(d, st="mdy"):
    m, dd, y = d.month, d.day, d.year; mon = MON[m - 1]
    return {"mdy": f"{m:02d}/{dd:02d}/{y}", "m/d/yy": f"{m}/{dd}/{y % 100:02d}", "iso": f"{y}-{m:02d}-{dd:02d}", "d-Mon-y": f"{dd:02d}-{mon[:3]}-{y}",
            "Month d, y": f"{mon} {dd}, {y}", "ymd8": f"{y}{m:02d}{dd:02d}", "m d y": f"{m:02d} {dd:02d} {y}", "Mon d, y": f"{mon[:3]} {dd}, {y}",
            "m/d/y": f"{m}/{dd}/{y}", "m-d-y": f"{m:02d}-{dd:02d}-{y}", "dMONy": f"{dd:02d}{mon[:3].upper()}{y}", "d Month y": f"{dd} {mon} {y}",
            "Mon. d, y": (f"{mon[:3]}. {dd}, {y}" if len(mon) > 4 else f"{mon} {dd}, {y}"), "y/m/d": f"{y}/{m:02d}/{dd:02d}", "mdy8": f"{m:02d}{dd:02d}{y}", "wd": f"{WD[d.weekday()]}, {mon} {dd}, {y}",
            "es": f"{dd} de {MES[m - 1]} de {y}", "es/": f"{dd:02d}/{m:02d}/{y}", "es-": f"{dd:02d}-{MES[m - 1][:3]}-{y}", "Mon d": f"{mon[:3]} {dd}", "m/d": f"{m}/{dd}",
            "d Mon": f"{dd} {mon[:3]}"}[st]
def dob_s(r, p, es=False):
    if es: return fdate(p.dob, r.choice(["es", "es/", "es/", "es-"]))
    s = fdate(p.dob, r.choice(DOB_STYLES))
    x = r.random()
    if x < 0.12: s += f" ({p.age} y/o)"
    elif x < 0.2: s += f" ({p.age}{p.sex})"
    elif x < 0.25: s += f"  Age: {p.age}"
    return s
def recent(r, back=90, fwd=0): return TODAY - dtm.timedelta(days=r.randint(-fwd, back))
def future(r, a=2, b=45): return TODAY + dtm.timedelta(days=r.randint(a, b))
def clock(r, h24=None):
    h, mi = r.randint(7, 18), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    if h24 if h24 is not None else r.random() < 0.35: return f"{h:02d}{mi:02d}" if r.random() < 0.5 else f"{h:02d}:{mi:02d}"
    return f"{(h - 1) % 12 + 1}:{mi:02d} {'AM' if h < 12 else 'PM'}"
class Money(float):
    def __new__(cls, v): return float.__new__(cls, round(v, 2))
def money(v): return f"${v:,.2f}"

# ================================================================== clinical vocabulary (real ICD-10-CM codes)
DX = [("E11.9", "Type 2 diabetes mellitus without complications"), ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
      ("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease"), ("I10", "Essential (primary) hypertension"),
      ("I48.91", "Unspecified atrial fibrillation"), ("I50.32", "Chronic diastolic (congestive) heart failure"), ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
      ("J45.909", "Unspecified asthma, uncomplicated"), ("J18.9", "Pneumonia, unspecified organism"), ("N18.4", "Chronic kidney disease, stage 4 (severe)"),
      ("N17.9", "Acute kidney failure, unspecified"), ("F32.A", "Depression, unspecified"), ("F33.1", "Major depressive disorder, recurrent, moderate"),
      ("F41.1", "Generalized anxiety disorder"), ("F10.20", "Alcohol dependence, uncomplicated"), ("F11.20", "Opioid dependence, uncomplicated"),
      ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"), ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"),
      ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("M54.50", "Low back pain, unspecified"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
      ("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"), ("C18.7", "Malignant neoplasm of sigmoid colon"), ("D50.9", "Iron deficiency anemia, unspecified"),
      ("E03.9", "Hypothyroidism, unspecified"), ("E78.5", "Hyperlipidemia, unspecified"), ("E66.01", "Morbid (severe) obesity due to excess calories"),
      ("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris"), ("I63.9", "Cerebral infarction, unspecified"),
      ("N39.0", "Urinary tract infection, site not specified"), ("L03.115", "Cellulitis of right lower limb"), ("B18.2", "Chronic viral hepatitis C"),
      ("B20", "Human immunodeficiency virus [HIV] disease"), ("G30.9", "Alzheimer's disease, unspecified"), ("K50.90", "Crohn's disease, unspecified, without complications"),
      ("M06.9", "Rheumatoid arthritis, unspecified"), ("L40.0", "Psoriasis vulgaris"), ("E10.9", "Type 1 diabetes mellitus without complications"),
      ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"), ("A41.9", "Sepsis, unspecified organism"), ("J96.01", "Acute respiratory failure with hypoxia"),
      ("K35.80", "Unspecified acute appendicitis"), ("R73.03", "Prediabetes"), ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"),
      ("F90.0", "Attention-deficit hyperactivity disorder, predominantly inattentive type"), ("F84.0", "Autistic disorder"), ("U07.1", "COVID-19"),
      ("K57.30", "Diverticulosis of large intestine without perforation or abscess without bleeding"), ("D64.9", "Anemia, unspecified")]
DX_F = [("C50.911", "Malignant neoplasm of unspecified site of right female breast"), ("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"),
        ("Z34.81", "Encounter for supervision of other normal pregnancy, first trimester"), ("N95.1", "Menopausal and female climacteric states")]
DX_M = [("C61", "Malignant neoplasm of prostate"), ("N40.1", "Benign prostatic hyperplasia with lower urinary tract symptoms")]
PEDS_DX = [("J45.909", "Unspecified asthma, uncomplicated"), ("F90.0", "Attention-deficit hyperactivity disorder, predominantly inattentive type"), ("F84.0", "Autistic disorder"),
           ("H66.91", "Otitis media, unspecified, right ear"), ("L20.84", "Intrinsic (allergic) eczema"), ("E10.9", "Type 1 diabetes mellitus without complications"),
           ("R62.51", "Failure to thrive (child)"), ("Z00.129", "Encounter for routine child health examination without abnormal findings")]
CHILD_OK = {"J45.909", "F90.0", "F84.0", "E10.9", "H66.91", "L20.84", "R62.51", "Z00.129", "G40.909", "J18.9", "K35.80", "N39.0"}
ACUTE = {"A41.9", "J96.01", "I21.4", "I63.9", "S72.001A", "K35.80", "N17.9", "U07.1", "J18.9"}
def dx_for(r, p, pool=None):
    """an outpatient / chronic diagnosis that fits the person's age and sex"""
    if pool is not None: return r.choice(pool)
    pool = [d for d in DX if d[0] not in ACUTE] + (DX_F if p.sex == "F" else DX_M)
    if p.age < 18: pool = [d for d in pool if d[0] in CHILD_OK] + PEDS_DX
    elif p.age < 45: pool = [d for d in pool if d[0] not in ("G30.9", "N95.1", "C61", "N40.1")]
    if p.age >= 50: pool = [d for d in pool if d[0] not in ("O24.410", "Z34.81")]
    return r.choice(pool)
CPT = [("99213", "Office/outpatient visit est, low MDM"), ("99214", "Office/outpatient visit est, moderate MDM"), ("99204", "Office/outpatient visit new, moderate MDM"),
       ("99285", "Emergency dept visit, high MDM"), ("93306", "Echocardiography, transthoracic, complete with Doppler"), ("71046", "X-ray chest, 2 views"),
       ("74177", "CT abdomen & pelvis with contrast"), ("70553", "MRI brain without & with contrast"), ("45385", "Colonoscopy with snare removal of lesion(s)"),
       ("27447", "Total knee arthroplasty"), ("95810", "Polysomnography, 4 or more parameters"), ("90837", "Psychotherapy, 60 minutes"), ("97110", "Therapeutic exercise, each 15 min"),
       ("80053", "Comprehensive metabolic panel"), ("85025", "CBC with automated differential"), ("83036", "Hemoglobin A1c"), ("36415", "Routine venipuncture"),
       ("G0439", "Annual wellness visit, subsequent"), ("J1745", "Injection, infliximab, 10 mg"), ("E0601", "CPAP device"), ("90471", "Immunization administration"),
       ("77067", "Screening mammography, bilateral, incl. CAD"), ("43239", "EGD with biopsy, single or multiple"), ("99223", "Initial hospital inpatient care, high MDM")]
DRUGS = [("metformin 1000 mg tablet", "1 tab PO BID with meals"), ("lisinopril 20 mg tablet", "1 tab PO daily"), ("atorvastatin 40 mg tablet", "1 tab PO at bedtime"),
         ("apixaban 5 mg tablet", "1 tab PO BID"), ("furosemide 40 mg tablet", "1 tab PO qAM"), ("insulin glargine 100 unit/mL pen", "22 units subcut at bedtime"),
         ("sertraline 50 mg tablet", "1 tab PO daily"), ("buprenorphine-naloxone 8-2 mg film", "1 film SL daily"), ("albuterol HFA 90 mcg/inh", "2 puffs q4-6h PRN wheeze"),
         ("levothyroxine 88 mcg tablet", "1 tab PO daily before breakfast"), ("carvedilol 12.5 mg tablet", "1 tab PO BID"), ("warfarin 5 mg tablet", "as directed by anticoag clinic"),
         ("semaglutide 1 mg/0.5 mL pen", "1 mg subcut weekly"), ("adalimumab 40 mg/0.4 mL pen", "40 mg subcut every 14 days"), ("tiotropium 18 mcg cap", "inhale 1 cap daily"),
         ("gabapentin 300 mg capsule", "1 cap PO TID"), ("quetiapine 100 mg tablet", "1 tab PO at bedtime"), ("emtricitabine-tenofovir alafenamide 200-25 mg", "1 tab PO daily"),
         ("amlodipine 10 mg tablet", "1 tab PO daily"), ("pantoprazole 40 mg tablet", "1 tab PO daily before breakfast"), ("lamotrigine 100 mg tablet", "1 tab PO BID"),
         ("methotrexate 2.5 mg tablet", "6 tabs PO once weekly"), ("tamsulosin 0.4 mg capsule", "1 cap PO daily 30 min after same meal"), ("naltrexone 50 mg tablet", "1 tab PO daily")]
# (test, LOINC, unit, low, high, min, max, decimals)
LABS = {
    "BMP": [("Sodium", "2951-2", "mmol/L", 136, 145, 124, 151, 0), ("Potassium", "2823-3", "mmol/L", 3.5, 5.1, 2.8, 6.3, 1), ("Chloride", "2075-0", "mmol/L", 98, 107, 90, 114, 0),
            ("CO2", "2028-9", "mmol/L", 22, 29, 15, 33, 0), ("BUN", "3094-0", "mg/dL", 7, 20, 5, 78, 0), ("Creatinine", "2160-0", "mg/dL", 0.6, 1.2, 0.5, 5.9, 2),
            ("Glucose", "2345-7", "mg/dL", 70, 99, 58, 412, 0), ("Calcium", "17861-6", "mg/dL", 8.6, 10.3, 7.4, 11.9, 1)],
    "CBC": [("WBC", "6690-2", "K/uL", 4.0, 10.5, 2.1, 24.8, 1), ("Hemoglobin", "718-7", "g/dL", 12.0, 16.0, 6.9, 17.2, 1), ("Hematocrit", "4544-3", "%", 36, 46, 21, 51, 1),
            ("Platelets", "777-3", "K/uL", 150, 400, 38, 612, 0), ("MCV", "787-2", "fL", 80, 100, 68, 109, 0)],
    "Lipid": [("Cholesterol, total", "2093-3", "mg/dL", 100, 199, 128, 301, 0), ("Triglycerides", "2571-8", "mg/dL", 0, 149, 61, 488, 0), ("HDL", "2085-9", "mg/dL", 40, 200, 24, 88, 0),
              ("LDL (calc)", "13457-7", "mg/dL", 0, 99, 48, 211, 0)],
    "Diabetes": [("Hemoglobin A1c", "4548-4", "%", 4.0, 5.6, 5.4, 12.8, 1), ("Glucose, fasting", "1558-6", "mg/dL", 70, 99, 82, 288, 0), ("Microalbumin/Creat ratio", "14959-1", "mg/g", 0, 29, 4, 410, 0)],
    "Thyroid": [("TSH", "3016-3", "uIU/mL", 0.45, 4.5, 0.02, 38.0, 2), ("Free T4", "3024-7", "ng/dL", 0.8, 1.8, 0.3, 3.9, 2)],
    "Hepatic": [("ALT", "1742-6", "U/L", 7, 56, 9, 488, 0), ("AST", "1920-8", "U/L", 10, 40, 12, 402, 0), ("Alk Phos", "6768-6", "U/L", 44, 147, 40, 390, 0),
                ("Bilirubin, total", "1975-2", "mg/dL", 0.1, 1.2, 0.2, 6.1, 1), ("Albumin", "1751-7", "g/dL", 3.5, 5.0, 2.1, 5.2, 1)],
    "Coag": [("PT", "5902-2", "sec", 11.0, 13.5, 10.8, 39.0, 1), ("INR", "6301-6", "", 0.9, 1.1, 0.9, 5.8, 1)],
}
def lab_rows(r, panel):
    rows = []
    for name, loinc, unit, lo, hi, mn, mx, dec in LABS[panel]:
        v = r.uniform(lo, hi) if r.random() < 0.55 else r.uniform(mn, mx)
        v = round(v, dec)
        flag = "H" if v > hi else "L" if v < lo else ""
        if flag and (v > hi * 1.8 or v < lo * 0.7) and panel in ("BMP", "CBC", "Coag"): flag += flag
        vs = f"{v:.{dec}f}"
        rng = f"{lo}-{hi}" if lo > 0 else f"<{hi + (1 if dec == 0 else 0.1):g}" if panel in ("Lipid", "Diabetes") else f"{lo}-{hi}"
        rows.append([name, vs, flag, unit, rng, loinc])
    return rows
PAYERS = ["Wapsi River Health Plan", "Mesa Arroyo Community Care (Medicaid)", "Medicare Part A/B", "Aetna Medicare Advantage", "UnitedHealthcare", "Cigna", "BCBS of Kansas",
          "Humana Gold Plus", "TRICARE East", "Anthem BCBS", "Molina Healthcare", "Ambetter", "Medicaid FFS"]

# ================================================================== organisations (all invented)
class Org:
    def __init__(self, r, name, short, dom, kind, state, street, system, color):
        self.name, self.short, self.dom, self.kind, self.state, self.system, self.color = name, short, dom, kind, state, system, color
        town, z3, ac = PLACES[state][0]
        self.city, self.zip, self.area = town, z3 + dg(r, 2), ac
        self.street = street
        self.phone, self.fax = phone(r, ac, 0), phone(r, ac, 0)
        self.npi, self.tin, self.clia = npi(r), tin(r), f"{r.randint(10, 99)}D{dg(r, 7)}"
    def addr(self): return f"{self.street}, {self.city}, {self.state} {self.zip}"
ORG_DEFS = [
    ("Tamarack Ridge Regional Medical Center", "Tamarack Ridge", "tamarackridge.org", "hospital", "MN", "1500 Birchmont Dr NE", "Epic", "#1f4e79"),
    ("Saltgrass Community Hospital", "Saltgrass", "saltgrasshospital.org", "hospital", "NV", "762 Silver Spur Rd", "Meditech Expanse", "#7a3b12"),
    ("Copperleaf Women's Health", "Copperleaf", "copperleafwh.com", "clinic", "AZ", "4420 E Camp Lowell Dr, Ste 210", "athenaOne", "#a0522d"),
    ("Kestrel Point Pediatrics", "Kestrel Point Peds", "kestrelpointpeds.com", "peds", "CO", "310 W 29th St", "eClinicalWorks", "#2e8b57"),
    ("Larkspur Kidney & Dialysis Center", "Larkspur Kidney", "larkspurkidney.com", "dialysis", "CO", "2011 Lake Ave", "Acumen", "#5b4a9b"),
    ("Meridian Trace Laboratories", "Meridian Trace Labs", "meridiantracelabs.com", "lab", "TN", "8800 Middlebrook Pike", "Orchard Harvest LIS", "#00607a"),
    ("Quillback Imaging Associates", "Quillback Imaging", "quillbackimaging.com", "imaging", "WA", "1912 S Union Ave", "Fujifilm Synapse RIS", "#34495e"),
    ("Ironwood Valley Orthopedics", "Ironwood Ortho", "ironwoodortho.com", "clinic", "WA", "3607 Tieton Dr", "ModMed", "#8b0000"),
    ("Bellwether Behavioral Health", "Bellwether BH", "bellwetherbh.org", "bh", "VT", "55 Pearl St", "Credible", "#4b6b3c"),
    ("Switchgrass Community Health Center", "Switchgrass CHC", "switchgrasschc.org", "fqhc", "KS", "222 S 5th St", "NextGen", "#6b8e23"),
    ("Cordgrass Specialty Pharmacy", "Cordgrass Rx", "cordgrassrx.com", "pharmacy", "GA", "7 Mall Annex, Ste C", "CPR+", "#b8860b"),
    ("Old Forge Apothecary", "Old Forge Apothecary", "oldforgerx.com", "pharmacy", "NY", "1219 Genesee St", "PioneerRx", "#8b4513"),
    ("Wapsi River Health Plan", "Wapsi River", "wapsiriverhealth.com", "payer", "IA", "400 E Locust St", "HealthEdge", "#003366"),
    ("Mesa Arroyo Community Care", "Mesa Arroyo", "mesaarroyocare.org", "payer", "NM", "1700 E Lohman Ave", "Facets", "#c0392b"),
    ("Anvil Revenue Partners", "Anvil RCM", "anvilrcm.com", "billing", "NE", "11128 John Galt Blvd", "Waystar", "#2f4f4f"),
    ("Tidewater Gate Home Health & Hospice", "Tidewater Gate", "tidewatergate.org", "homehealth", "VA", "5800 Lowery Rd", "WellSky", "#1b5e20"),
    ("Sandhill Crane Cancer Center", "Sandhill Crane", "sandhillcranecc.org", "oncology", "NE", "3219 Central Ave", "Flatiron OncoEMR", "#6a1b9a"),
    ("Granite Notch Urgent Care", "Granite Notch UC", "granitenotchuc.com", "urgent", "NH", "12 Loudon Rd", "Experity", "#455a64"),
    ("Juniper Hollow Family Dental", "Juniper Hollow Dental", "juniperhollowdental.com", "dental", "OR", "61535 S Hwy 97", "Dentrix", "#00897b"),
    ("Bayou Teche Family Medicine", "Bayou Teche FM", "bayoutechefm.com", "clinic", "LA", "1101 E Main St", "eClinicalWorks", "#ad1457"),
    ("Kilauea Hale Rural Health Clinic", "Kilauea Hale RHC", "kilaueahale.org", "fqhc", "HI", "15-2662 Pahoa Village Rd", "athenaOne", "#d84315"),
]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDOR_DEFS = [("Pellucid Surgical Supply", "Pellucid", "pellucidsurgical.com", "vendor", "TN", "400 Corridor Park Blvd", "", "#37474f"),
               ("Cobalt Lane Clearinghouse", "Cobalt Lane", "cobaltlane-edi.com", "vendor", "NE", "9290 W Dodge Rd", "", "#1565c0"),
               ("Northstar Biomedical Services", "Northstar Biomed", "northstarbiomed.com", "vendor", "MN", "2 Paul Bunyan Dr", "", "#283593"),
               ("Fathom Managed IT", "Fathom IT", "fathom-it.net", "vendor", "IA", "3535 E Kimberly Rd", "", "#00695c"),
               ("Lodestar Clinical Staffing", "Lodestar Staffing", "lodestarstaffing.com", "vendor", "GA", "100 Bull St", "", "#6d4c41"),
               ("Quire Document Imaging", "Quire", "quiredocs.com", "vendor", "VT", "190 College St", "", "#5d4037")]
VENDORS = [Org(R, *d) for d in VENDOR_DEFS]
CUR = {"state": None, "org": None}     # people created after an organisation is picked mostly live in its state
def org(r, kinds=None):
    pool = [o for o in ORGS if kinds is None or o.kind in kinds]
    o = r.choice(pool); CUR["state"] = o.state; CUR["org"] = o
    return o
CARE = ("hospital", "clinic", "fqhc", "peds", "urgent", "oncology", "bh", "dialysis", "homehealth", "dental")

_LOGO = {}
def logo_png(o, style=0, w=240, h=64):
    key = (o.name, style, w, h)
    if key in _LOGO: return _LOGO[key]
    from PIL import Image, ImageDraw, ImageFont
    col = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    fb = ImageFont.truetype(DJB, int(h * 0.32)); fs = ImageFont.truetype(DJ, int(h * 0.17))
    tw = int(fb.getlength(o.short.upper() if style == 2 else o.short))
    w = max(w, tw + (h + 16 if style == 0 else 72 if style == 2 else 100))
    im = Image.new("RGB", (w, h), (255, 255, 255)); dr = ImageDraw.Draw(im)
    if style == 0:
        dr.ellipse([6, 6, h - 6, h - 6], fill=col)
        ini = "".join(w_[0] for w_ in o.short.split()[:2]).upper()
        dr.text((h / 2, h / 2), ini, fill=(255, 255, 255), font=ImageFont.truetype(DJB, int(h * 0.3)), anchor="mm")
        dr.text((h + 6, h * 0.18), o.short, fill=col, font=fb)
        dr.text((h + 6, h * 0.62), o.city + ", " + o.state, fill=(90, 90, 90), font=fs)
    elif style == 1:
        dr.rectangle([0, 0, w, h], fill=col)
        dr.polygon([(w - 50, 0), (w, 0), (w, h), (w - 80, h)], fill=tuple(min(255, c + 60) for c in col))
        dr.text((10, h * 0.2), o.short, fill=(255, 255, 255), font=fb)
    else:
        for i in range(5): dr.rectangle([8 + i * 9, h - 12 - i * 8, 14 + i * 9, h - 8], fill=col)
        dr.text((62, h * 0.25), o.short.upper(), fill=col, font=fb)
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[key] = b.getvalue()
    return _LOGO[key]

# ================================================================== document model
# blocks: ("h", text) ("p", text) ("kv", [(label, value)]) ("t", header, rows, opts) ("pre", text) ("addr", [lines]) ("sig", [lines]) ("note", text)
class Doc:
    def __init__(self, cat, title, o, blocks, runhead=None, lang="en", land=False, twocol=False, rh_needed=False, form=None, kind="doc", dfmt=None):
        self.cat, self.title, self.o, self.blocks, self.runhead, self.lang = cat, title, o, blocks, runhead, lang
        self.land, self.twocol, self.rh_needed, self.form, self.kind, self.dfmt = land, twocol, rh_needed, form, kind, dfmt
        self.to = None
    def table(self):
        for b in self.blocks:
            if b[0] == "t": return b
    def cut(self, n):
        nb = [(b[0], b[1], b[2][:n], b[3]) if b[0] == "t" else b for b in self.blocks]
        nb = [b for b in nb if not (b[0] == "p" and len(b[1]) > 600)] if n < 8 else nb
        d = Doc(self.cat, self.title, self.o, nb, self.runhead, self.lang, self.land, self.twocol, self.rh_needed, self.form, self.kind, self.dfmt); d.to = self.to; return d
    def width(self):
        t = self.table()
        return len(t[1]) if t else 2

def twocol_start(doc):
    """index of the first block of the two-column part: everything after the last kv/table/pre block"""
    if not doc.twocol: return None
    last = max([i for i, b in enumerate(doc.blocks) if b[0] in ("kv", "t", "pre")], default=-1)
    i = last + 1
    if i >= len(doc.blocks) or not any(b[0] == "p" for b in doc.blocks[i:]): return None
    return i
def kvs(pairs): return [(l, cs(v)) for l, v in pairs]
def cs(v, dfmt="mdy"):
    if v is None: return ""
    if isinstance(v, Money): return money(v)
    if isinstance(v, dtm.datetime): return fdate(v.date(), dfmt) + " " + v.strftime("%H:%M")
    if isinstance(v, dtm.date): return fdate(v, dfmt)
    return str(v)
def tdfmt(r, doc):
    if doc.dfmt: return doc.dfmt
    return r.choice(["es/", "es/"]) if doc.lang == "es" else r.choice(["mdy", "mdy", "m/d/y", "iso", "d-Mon-y", "m/d/yy", "Mon d, y"])

# ---------------------------------------------------------------- plain text
def kv_text(r, pairs, st):
    pairs = [(l, str(v)) for l, v in pairs]
    w = max(len(l) for l, _ in pairs) + 2
    if st == 0: return "\n".join(f"{l}: {v}" for l, v in pairs)
    if st == 1: return "\n".join(f"{(l + ':').ljust(w)} {v}" for l, v in pairs)
    if st == 2: return "\n".join(f"{l.upper()}: {v}" for l, v in pairs)
    if st == 3: return "\n".join(f"{l}:\n    {v}" for l, v in pairs)
    if st == 4: return "\n".join(f"{l} {'.' * max(3, w + 6 - len(l))} {v}" for l, v in pairs)
    if st == 5: return "\n".join(f"{l}\t{v}" for l, v in pairs)
    if st == 6:
        out = []
        for i in range(0, len(pairs), 2):
            a = f"{pairs[i][0]}: {pairs[i][1]}"
            out.append((a.ljust(40) + (f"  {pairs[i + 1][0]}: {pairs[i + 1][1]}" if i + 1 < len(pairs) else "")).rstrip())
        return "\n".join(x.rstrip() for x in out)
    if st == 7:   # narrow label column, long labels wrap onto the next line (as a form printed to text)
        out = []
        for l, v in pairs:
            ll = textwrap.wrap(l, 13) or [""]
            out.append(ll[0].ljust(15) + v)
            out += ll[1:]
        return "\n".join(out)
    if st == 8:   # labels above values, three to a row
        out = []
        for i in range(0, len(pairs), 3):
            grp = pairs[i:i + 3]; ws = [max(len(l), len(v)) + 4 for l, v in grp]
            out.append("".join(l.upper().ljust(w_) for (l, _), w_ in zip(grp, ws)).rstrip())
            out.append("".join(v.ljust(w_) for (_, v), w_ in zip(grp, ws)).rstrip()); out.append("")
        return "\n".join(out).rstrip()
    return "\n".join(f"{l}  {v}" for l, v in pairs)

def tbl_text(r, hdr, rows, opts, dfmt, st):
    rows = [[cs(c, dfmt) for c in row] for row in rows]; hdr = [str(h) for h in hdr]
    ws = [max([len(hdr[i])] + [len(x[i]) for x in rows]) for i in range(len(hdr))]
    grp = opts.get("group")
    if st == 0:
        out = []
        if grp: out.append("| " + " | ".join(g for g, _ in grp) + " |")
        out += ["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(x) + " |" for x in rows]
        return "\n".join(out)
    if st == 1:
        out = []
        if grp:
            line, i = "", 0
            for g, span in grp:
                wd = sum(ws[i:i + span]) + 2 * (span - 1); line += g.center(wd, "-" if g else " ") + "  "; i += span
            out.append(line.rstrip())
        out.append("  ".join(h.ljust(w) for h, w in zip(hdr, ws)).rstrip()); out.append("  ".join("-" * w for w in ws))
        out += ["  ".join(c.ljust(w) for c, w in zip(x, ws)).rstrip() for x in rows]
        return "\n".join(out)
    if st == 2: return "\n".join(["\t".join(hdr)] + ["\t".join(x) for x in rows])
    if st == 3: return "\n\n".join("\n".join(f"{h}: {c}" for h, c in zip(hdr, x) if c) for x in rows)
    if st == 4: return "\n".join([" | ".join(hdr)] + [" | ".join(x) for x in rows])
    if st == 5: return "\n".join(f"{i}. " + ", ".join(c for c in x if c) for i, x in enumerate(rows, 1))
    sep = "+" + "+".join("-" * (w + 2) for w in ws) + "+"
    return "\n".join([sep, "| " + " | ".join(h.ljust(w) for h, w in zip(hdr, ws)) + " |", sep.replace("-", "=")] + ["| " + " | ".join(c.ljust(w) for c, w in zip(x, ws)) + " |" for x in rows] + [sep])

def render_text(r, doc, title=True, wrap=None):
    kst = r.randrange(10); tst = r.choice([0, 1, 1, 2, 3, 4, 5, 6]); hst = r.randrange(4); dfmt = tdfmt(r, doc)
    if wrap is None: wrap = r.choice([0, 0, 72, 76])
    out = []
    if doc.rh_needed and doc.runhead: out += [doc.runhead, ""]
    if title and doc.title:
        out += [[doc.title, doc.title.upper(), f"*** {doc.title.upper()} ***", doc.title][hst]]
        if hst == 1: out.append("=" * len(doc.title))
        out.append("")
    for b in doc.blocks:
        k = b[0]
        if k == "h": out += [[b[1].upper(), b[1] + ":", f"== {b[1]} ==", f"-- {b[1]} --"][hst]]
        elif k == "p": out += [textwrap.fill(b[1], wrap) if wrap else b[1], ""]
        elif k == "kv": out += [kv_text(r, kvs(b[1]), kst), ""]
        elif k == "t":
            if b[3].get("caption"): out.append(b[3]["caption"])
            out += [tbl_text(r, b[1], b[2], b[3], dfmt, tst), ""]
        elif k == "pre": out += [b[1].rstrip("\n"), ""]
        elif k in ("addr", "sig"): out += list(b[1]) + [""]
        elif k == "note": out += [textwrap.fill(b[1], wrap) if wrap else b[1], ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"

# ---------------------------------------------------------------- HTML
def kv_html(r, pairs, st, col):
    if st == 0:
        return ('<table cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:10pt">' +
                "".join(f'<tr><th align="left" style="background:{col};color:#fff;border:1px solid #999;font-weight:600">{hx(l)}</th><td style="border:1px solid #999">{hx(str(v))}</td></tr>' for l, v in pairs) + "</table>")
    if st == 1: return "".join(f'<p class="MsoNormal"><b>{hx(l)}:</b>&nbsp;{hx(str(v))}<o:p></o:p></p>\n' for l, v in pairs)
    if st == 2: return "<dl>" + "".join(f"<dt><strong>{hx(l)}</strong></dt><dd>{hx(str(v))}</dd>" for l, v in pairs) + "</dl>"
    if st == 3:   # labels above values (form look)
        out = '<table cellpadding="3" style="border-collapse:collapse;width:100%">'
        for i in range(0, len(pairs), 3):
            g = pairs[i:i + 3]
            out += "<tr>" + "".join(f'<td style="font-size:7pt;color:#666;text-transform:uppercase;border-top:1px solid #bbb">{hx(l)}</td>' for l, _ in g) + "</tr>"
            out += "<tr>" + "".join(f'<td style="font-size:11pt;padding-bottom:6px">{hx(str(v))}</td>' for _, v in g) + "</tr>"
        return out + "</table>"
    return "<div>" + "<br>\n".join(f"{hx(l)}: {hx(str(v))}" for l, v in pairs) + "</div>"
def tbl_html(hdr, rows, opts, dfmt, col, zebra=True, full=False):
    wd = ' width="100%"' if full else ""
    o = f'<table border="1" cellpadding="3" cellspacing="0"{wd} style="border-collapse:collapse;font-size:9pt;border-color:#aaa">'
    if opts.get("caption"): o += f"<caption style=\"text-align:left;font-weight:bold\">{hx(opts['caption'])}</caption>"
    o += "<thead>"
    if opts.get("group"): o += "<tr>" + "".join(f'<th colspan="{s}" style="background:#e8e8e8">{hx(g)}</th>' for g, s in opts["group"]) + "</tr>"
    o += "<tr>" + "".join(f'<th style="background:{col};color:#fff">{hx(str(h))}</th>' for h in hdr) + "</tr></thead><tbody>"
    for i, row in enumerate(rows):
        bg = ' style="background:#f3f6fa"' if zebra and i % 2 else ""
        o += f"<tr{bg}>" + "".join(f"<td>{hx(cs(c, dfmt))}</td>" for c in row) + "</tr>"
    return o + "</tbody></table>"
def render_html(r, doc, head_html="", tail_html="", for_print=False):
    col = doc.o.color if doc.o else "#34495e"; st = r.randrange(5); dfmt = tdfmt(r, doc)
    wrapper = r.randrange(3) if not for_print else 3
    body = []
    if for_print:
        if doc.o: body.append(f'<p style="color:{col};font-size:15pt;font-weight:bold;margin:0">{hx(doc.o.name)}</p><p style="font-size:8pt;margin:0">{hx(doc.o.addr())} &middot; Tel {hx(doc.o.phone)} &middot; Fax {hx(doc.o.fax)}</p><hr>')
        if doc.runhead: body.append(f'<p style="font-size:8pt;text-align:right">{hx(doc.runhead)}</p>')
    elif doc.rh_needed and doc.runhead: body.append(f"<p>{hx(doc.runhead)}</p>")
    if doc.title: body.append(f'<h2 style="font-family:Arial;color:{col};font-size:14pt">{hx(doc.title)}</h2>')
    for b in doc.blocks:
        k = b[0]
        if k == "h": body.append(f'<h3 style="font-size:11pt;margin-bottom:2px">{hx(b[1])}</h3>')
        elif k == "p": body.append(f'<p class="MsoNormal">{hx(b[1])}</p>' if wrapper == 0 else f"<p>{hx(b[1])}</p>")
        elif k == "kv": body.append(kv_html(r, kvs(b[1]), st, col))
        elif k == "t": body.append(tbl_html(b[1], b[2], b[3], dfmt, col, full=for_print))
        elif k == "pre": body.append(f'<pre style="font-family:Consolas,monospace;font-size:9pt">{hx(b[1])}</pre>')
        elif k in ("addr", "sig"): body.append("<p>" + "<br>".join(hx(x) for x in b[1]) + "</p>")
        elif k == "note": body.append(f'<p style="font-size:8pt;color:#555">{hx(b[1])}</p>')
    inner = head_html + "\n".join(body) + tail_html
    if wrapper == 0:
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>p.MsoNormal{margin:0;font-size:11pt;font-family:Calibri,sans-serif}</style></head>'
                f'<body lang="EN-US"><div class="WordSection1">{inner}</div></body></html>')
    if wrapper == 1: return f'<div dir="ltr"><div style="font-family:arial,sans-serif;font-size:small">{inner}</div></div>'
    if wrapper == 2:
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#f4f4f4"><table width="620" align="center" cellpadding="18" style="background:#fff;font-family:Helvetica,Arial">'
                f'<tr><td style="border-top:6px solid {col}">{inner}</td></tr></table></body></html>')
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{hx(doc.title)}</title><style>body{{font-family:"DejaVu Sans",Arial;font-size:10pt}} td,th{{vertical-align:top}}</style></head><body>{inner}</body></html>'

def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 99
def norm_pdf(data, key):
    """LibreOffice and Ghostscript stamp the wall-clock time and random IDs into a PDF; replace them with
    values derived from the file name, byte for byte the same length, so xref offsets stay valid"""
    h = hashlib.sha256(key.encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261201090000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-01T09:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + (h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]).lower().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: m.group(0).replace(m.group(1), h[:len(m.group(1))].encode()).replace(m.group(2), h[:len(m.group(2))].encode()), data)
    # Ghostscript sometimes writes the file ID as a (binary) literal string instead of hex; the trailer comes after the
    # xref table, so rewriting it there (with a different length) leaves every object offset intact
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", ("/ID [<" + h[:32] + "><" + h[:32] + ">]").encode(), data[t:])
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", ("/DocChecksum /" + h[32:64]).encode(), data)
    return data

def col_widths(hdr, rows, total, dfmt="mdy", cw=None, pad=0.0):
    """column widths proportional to content, but never narrower than the longest word (cw = width of one character)"""
    lens, mins = [], []
    for i, h in enumerate(hdr):
        vals = [cs(x[i], dfmt) for x in rows]
        m = max([len(str(h)) * 0.8] + [len(v) for v in vals]) if rows else len(str(h))
        lens.append(min(max(m, 4), 38))
        tok = max([len(t) for v in vals + [str(h)] for t in v.split()] + [3])
        mins.append(min(tok, 16))
    if cw:
        need = [m * cw + pad for m in mins]
        if sum(need) < total:
            rest = total - sum(need); s = sum(lens)
            return [n + rest * l / s for n, l in zip(need, lens)]
        return [total * n / sum(need) for n in need]
    s = sum(lens)
    return [total * l / s for l in lens]

# ---------------------------------------------------------------- reportlab
_RL_FONTS = False
def rl_pdf(r, doc, ttf=None):
    global _RL_FONTS
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter, landscape, A4
    from reportlab.lib import colors
    from reportlab.lib.units import inch
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle, Spacer
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if ttf is None: ttf = r.random() < 0.4
    if ttf:
        if not _RL_FONTS:
            pdfmetrics.registerFont(TTFont("DejaVu", DJ)); pdfmetrics.registerFont(TTFont("DejaVu-Bold", DJB)); pdfmetrics.registerFont(TTFont("DejaVuMono", DJM)); _RL_FONTS = True
        F, FB, FM = "DejaVu", "DejaVu-Bold", "DejaVuMono"; T = lambda s: s
    else:
        F, FB = r.choice([("Helvetica", "Helvetica-Bold"), ("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")]); FM = "Courier"; T = lat1
    X = lambda s: T(str(s)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    ps = landscape(letter) if doc.land else (A4 if r.random() < 0.15 else letter)
    W, H = ps; lm = rm = 0.65 * inch; bm = 0.75 * inch
    col = colors.HexColor(doc.o.color if doc.o else "#333333")
    head = r.randrange(3); tm = (1.25 if head < 2 else 1.0) * inch
    rh_top = r.random() < 0.6
    foot = r.choice([f"{doc.form or ''}", "CONFIDENTIAL", f"{doc.o.name if doc.o else ''} | {doc.o.phone if doc.o else ''}", "Printed from " + (doc.o.system if doc.o and doc.o.system else "the document system")]).strip(" |")
    logo = None
    if doc.o and head == 1:
        png = logo_png(doc.o, style=r.randrange(3))
        from PIL import Image as PI
        iw, ih = PI.open(io.BytesIO(png)).size
        logo = (png, iw, ih)
    def on_page(c, d):
        c.saveState()
        if doc.o:
            if head == 0:
                c.setFillColor(col); c.rect(0, H - 0.85 * inch, W, 0.85 * inch, stroke=0, fill=1)
                c.setFillColor(colors.white); c.setFont(FB, 15); c.drawString(lm, H - 0.45 * inch, T(doc.o.name))
                c.setFont(F, 8); c.drawString(lm, H - 0.68 * inch, T(f"{doc.o.addr()}   Tel {doc.o.phone}   Fax {doc.o.fax}"))
            elif head == 1:
                from reportlab.lib.utils import ImageReader
                png, iw, ih = logo; h_ = 0.55 * inch; w_ = h_ * iw / ih
                c.drawImage(ImageReader(io.BytesIO(png)), lm, H - 0.3 * inch - h_, width=w_, height=h_)
                c.setFillColor(colors.black); c.setFont(F, 8)
                for i, ln in enumerate([doc.o.name, doc.o.street, f"{doc.o.city}, {doc.o.state} {doc.o.zip}", f"P {doc.o.phone}  F {doc.o.fax}"]):
                    c.drawRightString(W - rm, H - 0.38 * inch - i * 10, T(ln))
                c.setStrokeColor(col); c.setLineWidth(1.2); c.line(lm, H - 0.95 * inch, W - rm, H - 0.95 * inch)
            else:
                c.setFillColor(col); c.setFont(FB, 12); c.drawCentredString(W / 2, H - 0.5 * inch, T(doc.o.name.upper()))
                c.setFillColor(colors.black); c.setFont(F, 7.5); c.drawCentredString(W / 2, H - 0.66 * inch, T(f"{doc.o.addr()}  |  {doc.o.phone}"))
        c.setFillColor(colors.black)
        if doc.runhead:
            c.setFont(F, 7.5)
            if rh_top: c.drawRightString(W - rm, H - tm + 8, T(doc.runhead))
            else: c.drawString(lm, 0.62 * inch, T(doc.runhead))
        c.setFont(F, 7); c.setFillColor(colors.HexColor("#555555"))
        if foot: c.drawString(lm, 0.42 * inch, T(foot))
        c.drawRightString(W - rm, 0.42 * inch, f"Page {d.page}")
        c.restoreState()
    body = ParagraphStyle("b", fontName=F, fontSize=9.2, leading=11.6, spaceAfter=4)
    small = ParagraphStyle("s", parent=body, fontSize=7.6, leading=9.4)
    cell = ParagraphStyle("c", parent=body, fontSize=7.8, leading=9.2, spaceAfter=0)
    cellb = ParagraphStyle("cb", parent=cell, fontName=FB, textColor=colors.white)
    cap = ParagraphStyle("cap", parent=cell, fontSize=6.2, leading=7, textColor=colors.HexColor("#666666"))
    h1 = ParagraphStyle("h1", parent=body, fontName=FB, fontSize=13.5, leading=16, textColor=col, spaceAfter=6)
    h2 = ParagraphStyle("h2", parent=body, fontName=FB, fontSize=10, leading=12.5, spaceBefore=5, spaceAfter=2, textColor=colors.HexColor("#222222"))
    mono = ParagraphStyle("m", fontName=FM, fontSize=7.2, leading=8.6)
    kst = r.randrange(4); dfmt = tdfmt(r, doc)
    def kv_flow(pairs, avail):
        if kst == 0:
            t = Table([[Paragraph(X(l), ParagraphStyle("kl", parent=cell, fontName=FB)), Paragraph(X(v), cell)] for l, v in pairs], colWidths=[min(1.7 * inch, avail * 0.35), avail - min(1.7 * inch, avail * 0.35)])
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")), ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            return t
        if kst == 1 and avail > 5 * inch:
            rows = []
            for i in range(0, len(pairs), 2):
                a = pairs[i]; b = pairs[i + 1] if i + 1 < len(pairs) else ("", "")
                rows.append([Paragraph(X(a[0]), ParagraphStyle("kl", parent=cell, fontName=FB)), Paragraph(X(a[1]), cell), Paragraph(X(b[0]), ParagraphStyle("kl", parent=cell, fontName=FB)), Paragraph(X(b[1]), cell)])
            t = Table(rows, colWidths=[avail * 0.17, avail * 0.33, avail * 0.17, avail * 0.33])
            t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#bbbbbb")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            return t
        if kst == 2:   # labels above values in boxes
            n = 3 if avail > 4.5 * inch else 2; rows = []
            for i in range(0, len(pairs), n):
                g = pairs[i:i + n] + [("", "")] * (n - len(pairs[i:i + n]))
                rows.append([[Paragraph(X(l).upper(), cap), Paragraph(X(v), cell)] for l, v in g])
            t = Table(rows, colWidths=[avail / n] * n)
            t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            return t
        return Paragraph("<br/>".join(f"<b>{X(l)}:</b> {X(v)}" for l, v in pairs), body)
    def tbl_flow(hdr, rows, opts, avail):
        data = []; style = [("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#8a8a8a")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        nh = 1
        if opts.get("group"):
            g = []; i = 0
            for txt, span in opts["group"]:
                g += [Paragraph(X(txt), ParagraphStyle("g", parent=cell, fontName=FB))] + [""] * (span - 1)
                if span > 1: style.append(("SPAN", (i, 0), (i + span - 1, 0)))
                i += span
            data.append(g); style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd"))); nh = 2
        data.append([Paragraph(X(h), cellb) for h in hdr])
        style.append(("BACKGROUND", (0, nh - 1), (-1, nh - 1), col))
        for i, row in enumerate(rows):
            data.append([Paragraph(X(cs(c, dfmt)), cell) for c in row])
            if i % 2: style.append(("BACKGROUND", (0, nh + i), (-1, nh + i), colors.HexColor("#f1f4f8")))
        t = Table(data, colWidths=col_widths(hdr, rows, avail, dfmt, cw=7.8 * 0.56, pad=13), repeatRows=nh); t.setStyle(TableStyle(style))
        return t
    def flows(blocks, avail):
        out = []
        for b in blocks:
            k = b[0]
            if k == "h": out.append(Paragraph(X(b[1]), h2))
            elif k == "p": out.append(Paragraph(X(b[1]), body))
            elif k == "kv": out += [kv_flow(kvs(b[1]), avail), Spacer(1, 6)]
            elif k == "t":
                if b[3].get("caption"): out.append(Paragraph(f"<b>{X(b[3]['caption'])}</b>", body))
                out += [tbl_flow(b[1], b[2], b[3], avail), Spacer(1, 6)]
            elif k == "pre":
                cw = int(avail / (7.2 * 0.6)) - 1
                lines = []
                for ln in b[1].split("\n"): lines += textwrap.wrap(ln, cw, break_on_hyphens=False) or [""]
                out.append(Paragraph("<br/>".join(X(x).replace(" ", "&nbsp;") for x in lines), mono)); out.append(Spacer(1, 6))
            elif k in ("addr", "sig"): out += [Paragraph("<br/>".join(X(x) for x in b[1]), body), Spacer(1, 4)]
            elif k == "note": out.append(Paragraph(X(b[1]), small))
        return out
    buf = io.BytesIO()
    dt = BaseDocTemplate(buf, pagesize=ps, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm, title=T(doc.title), author=T(doc.o.name if doc.o else ""),
                         creator=T(doc.o.system if doc.o and doc.o.system else "report"))
    full = W - lm - rm; fh = H - tm - bm
    story = [Paragraph(X(doc.title), h1)] if doc.title else []
    idx = twocol_start(doc)
    dt.addPageTemplates([PageTemplate("all", [Frame(lm, bm, full, fh, id="f", leftPadding=0, rightPadding=0)], onPage=on_page)])
    if idx is not None:   # narrative part in two balanced columns
        from reportlab.platypus.flowables import BalancedColumns
        cw = (full - 0.3 * inch) / 2
        story += flows(doc.blocks[:idx], full) + [BalancedColumns(flows(doc.blocks[idx:], cw), nCols=2, spaceBefore=4, innerPadding=0.3 * inch, endSlack=0.1)]
    else:
        story += flows(doc.blocks, full)
    dt.build(story)
    return buf.getvalue()

# ---------------------------------------------------------------- fpdf2
def fp_pdf(r, doc, ttf=None):
    from fpdf import FPDF
    if ttf is None: ttf = r.random() < 0.5
    T = (lambda s: str(s)) if ttf else (lambda s: lat1(str(s)))
    fam = "DejaVu" if ttf else r.choice(["Helvetica", "Helvetica", "Times", "Courier"])
    col = tuple(int((doc.o.color if doc.o else "#333333")[i:i + 2], 16) for i in (1, 3, 5))
    logo = doc.o and r.random() < 0.45
    lstyle = r.randrange(3)
    rh_where = r.choice(["head", "foot", "head"])
    foot = r.choice([doc.form or "", "Confidential", doc.o.name if doc.o else "", ""])
    class PF(FPDF):
        def header(self):
            if doc.o:
                if logo and self.page_no() == 1:
                    self.image(io.BytesIO(logo_png(doc.o, style=lstyle)), x=self.l_margin, y=8, h=13)
                    self.set_font(fam, "", 7.5); self.set_xy(self.w - self.r_margin - 80, 8)
                    self.multi_cell(80, 3.4, T(f"{doc.o.name}\n{doc.o.street}\n{doc.o.city}, {doc.o.state} {doc.o.zip}\nTel {doc.o.phone}  Fax {doc.o.fax}"), align="R")
                    self.set_y(24)
                else:
                    self.set_font(fam, "B", 12 if self.page_no() == 1 else 9); self.set_text_color(*col)
                    self.cell(0, 6, T(doc.o.name), new_x="LMARGIN", new_y="NEXT")
                    if self.page_no() == 1:
                        self.set_font(fam, "", 7.5); self.set_text_color(60, 60, 60); self.cell(0, 4, T(f"{doc.o.addr()}  |  {doc.o.phone}"), new_x="LMARGIN", new_y="NEXT")
                    self.set_text_color(0, 0, 0)
                self.set_draw_color(*col); self.set_line_width(0.5); self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1); self.ln(3)
            if doc.runhead and rh_where == "head":
                self.set_font(fam, "", 7.5); self.cell(0, 4, T(doc.runhead), align="R", new_x="LMARGIN", new_y="NEXT"); self.ln(1)
        def footer(self):
            self.set_y(-14); self.set_font(fam, "", 7); self.set_text_color(90, 90, 90)
            if doc.runhead and rh_where == "foot": self.cell(0, 4, T(doc.runhead), new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 4, T(foot), align="L"); self.set_x(self.l_margin); self.cell(0, 4, f"Page {self.page_no()}/{{nb}}", align="R"); self.set_text_color(0, 0, 0)
    pdf = PF(orientation="L" if doc.land else "P", unit="mm", format=r.choice(["Letter", "Letter", "Letter", "A4"]))
    pdf.set_creation_date(dtm.datetime(2026, 12, 1, 9, 0, tzinfo=dtm.timezone.utc))
    pdf.set_title(T(doc.title)); pdf.set_author(T(doc.o.name if doc.o else "")); pdf.set_producer(f"PyFPDF/fpdf{__import__('fpdf').FPDF_VERSION}")
    if ttf: pdf.add_font("DejaVu", "", DJ); pdf.add_font("DejaVu", "B", DJB)
    pdf.set_margins(15, 12, 15); pdf.set_auto_page_break(True, 18); pdf.add_page()
    avail = pdf.w - 30
    kst = r.randrange(3); dfmt = tdfmt(r, doc)
    if doc.title:
        pdf.set_font(fam, "B", 13); pdf.multi_cell(0, 7, T(doc.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
    def kv(pairs):
        if kst == 0:
            lw = r.choice([28, 34, 46])
            for l, v in pairs:
                pdf.set_font(fam, "B", 8); nl = len(pdf.multi_cell(lw - 2, 4.4, T(l), dry_run=True, output="LINES"))
                pdf.set_font(fam, "", 8.5); nv = len(pdf.multi_cell(avail - lw - 2, 4.4, T(v), dry_run=True, output="LINES"))
                h = max(nl, nv, 1) * 4.4 + 1.2; y0 = pdf.get_y()
                if y0 + h > pdf.h - 20: pdf.add_page(); y0 = pdf.get_y()
                pdf.set_fill_color(232, 236, 241); pdf.set_draw_color(150, 150, 150); pdf.set_line_width(0.2)
                pdf.rect(pdf.l_margin, y0, lw, h, style="DF"); pdf.rect(pdf.l_margin + lw, y0, avail - lw, h)
                pdf.set_xy(pdf.l_margin + 1, y0 + 0.6); pdf.set_font(fam, "B", 8); pdf.multi_cell(lw - 2, 4.4, T(l), align="L")
                pdf.set_xy(pdf.l_margin + lw + 1, y0 + 0.6); pdf.set_font(fam, "", 8.5); pdf.multi_cell(avail - lw - 2, 4.4, T(v), align="L")
                pdf.set_y(y0 + h)
        elif kst == 1:   # caption above value, three per row, underlined
            n = 3; cw = avail / n
            for i in range(0, len(pairs), n):
                g = pairs[i:i + n]; y0 = pdf.get_y()
                if y0 > pdf.h - 30: pdf.add_page(); y0 = pdf.get_y()
                hts = []
                for j, (l, v) in enumerate(g):
                    pdf.set_xy(pdf.l_margin + j * cw, y0); pdf.set_font(fam, "", 6.2); pdf.set_text_color(100, 100, 100); pdf.cell(cw - 3, 3.2, T(l.upper()))
                    pdf.set_text_color(0, 0, 0); pdf.set_font(fam, "", 9.5); pdf.set_xy(pdf.l_margin + j * cw, y0 + 3.4)
                    pdf.multi_cell(cw - 3, 4.6, T(v), align="L"); hts.append(pdf.get_y())
                yb = max(hts) + 0.5
                for j in range(len(g)): pdf.line(pdf.l_margin + j * cw, yb, pdf.l_margin + (j + 1) * cw - 3, yb)
                pdf.set_y(yb + 2)
        else:
            pdf.set_font(fam, "", 9)
            for l, v in pairs: pdf.multi_cell(0, 4.8, f"**{T(l)}:** {T(v)}", markdown=True, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(2)
    def tbl(hdr, rows, opts):
        pdf.set_font(fam, "", 7.6 if len(hdr) > 6 else 8.4)
        if opts.get("caption"): pdf.set_font(fam, "B", 9); pdf.cell(0, 5, T(opts["caption"]), new_x="LMARGIN", new_y="NEXT"); pdf.set_font(fam, "", 7.6 if len(hdr) > 6 else 8.4)
        ws = col_widths(hdr, rows, avail, dfmt, cw=(7.6 if len(hdr) > 6 else 8.4) * 0.56 * 0.3528, pad=2.5)
        nh = 2 if opts.get("group") else 1
        with pdf.table(col_widths=tuple(ws), num_heading_rows=nh, text_align="LEFT", line_height=4.2, headings_style=__import__("fpdf").fonts.FontFace(emphasis="BOLD", fill_color=(225, 225, 225)) if r.random() < 0.5 else __import__("fpdf").fonts.FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=col),
                       cell_fill_color=(242, 245, 248), cell_fill_mode="ROWS") as t:
            if opts.get("group"):
                row = t.row()
                for g, s in opts["group"]: row.cell(T(g), colspan=s)
            row = t.row()
            for h in hdr: row.cell(T(h))
            for x in rows:
                row = t.row()
                for c in x: row.cell(T(cs(c, dfmt)))
        pdf.ln(3)
    tci = twocol_start(doc)
    for bi, b in enumerate(doc.blocks):
        k = b[0]
        if tci is not None and bi >= tci:
            if bi == tci:   # the narrative part flows in two balanced columns
                with pdf.text_columns(ncols=2, gutter=7, text_align="LEFT", balance=True) as tc:
                    for b2 in doc.blocks[tci:]:
                        if b2[0] == "h": pdf.set_font(fam, "B", 10); tc.write(T(b2[1]) + "\n")
                        elif b2[0] in ("p", "note"): pdf.set_font(fam, "", 9 if b2[0] == "p" else 7); tc.write(T(b2[1]) + "\n"); tc.ln()
                        elif b2[0] in ("addr", "sig"): pdf.set_font(fam, "", 9); tc.write(T("\n".join(b2[1])) + "\n"); tc.ln()
            continue
        if k == "h": pdf.ln(1); pdf.set_font(fam, "B", 10); pdf.set_text_color(*col); pdf.cell(0, 6, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(0, 0, 0)
        elif k == "p":
            pdf.set_font(fam, "", 9); pdf.multi_cell(0, 4.6, T(b[1]), new_x="LMARGIN", new_y="NEXT", align="L"); pdf.ln(1.5)
        elif k == "kv": kv(kvs(b[1]))
        elif k == "t": tbl(b[1], b[2], b[3])
        elif k == "pre":
            pdf.set_font("Courier", "", 7.4)
            cw = int(avail / (7.4 * 0.6 * 0.3528)) - 1
            for ln in b[1].split("\n"):
                for piece in (textwrap.wrap(ln, cw, break_on_hyphens=False) or [""]): pdf.cell(0, 3.3, lat1(piece), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k in ("addr", "sig"): pdf.set_font(fam, "", 9.5); pdf.multi_cell(0, 4.8, T("\n".join(b[1])), new_x="LMARGIN", new_y="NEXT", align="L"); pdf.ln(2)
        elif k == "note": pdf.set_font(fam, "", 7); pdf.multi_cell(0, 3.6, T(b[1]), new_x="LMARGIN", new_y="NEXT", align="L"); pdf.ln(1)
    return bytes(pdf.output())

# ---------------------------------------------------------------- hand-written PostScript (distilled by ghostscript)
def ps_s(s):
    out = []
    for ch in lat1(str(s)):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % (o if o < 256 else 63))
        else: out.append(ch)
    return "(" + "".join(out) + ")"
PS_PROLOG = """%!PS-Adobe-3.0
%%Creator: {creator}
%%Title: {title}
%%Pages: {npages}
%%EndComments
/MyEnc ISOLatin1Encoding 256 array copy dup 45 /hyphen put dup 39 /quotesingle put dup 96 /grave put def
/reenc {{ findfont dup length dict begin {{1 index /FID ne {{def}} {{pop pop}} ifelse}} forall /Encoding MyEnc def currentdict end definefont pop }} bind def
/HV /Helvetica reenc /HB /Helvetica-Bold reenc /CR /Courier reenc /CB /Courier-Bold reenc
/T {{ moveto show }} bind def
/TR {{ 3 -1 roll dup stringwidth pop 4 -1 roll exch sub 3 -1 roll moveto show }} bind def
/BX {{ newpath 4 2 roll moveto 1 index 0 rlineto 0 exch rlineto neg 0 rlineto closepath }} bind def
"""
def ps_doc(r, doc):
    W, H = (792, 612) if doc.land else (612, 792)
    M = 38; pages = []; cur = []; y = [0]
    org_ = doc.o; kst = r.randrange(2); dfmt = tdfmt(r, doc)
    bar = r.choice([0, 0.15, 0.35])   # section bar grey level
    def head():
        ops = []
        yy = H - M
        if org_:
            ops.append(f"/HB 13 selectfont {ps_s(org_.name)} {M} {yy - 12} T")
            ops.append(f"/HV 7.5 selectfont {ps_s(org_.addr() + '   Ph ' + org_.phone + '   Fax ' + org_.fax)} {M} {yy - 23} T")
        tw = 210
        ops.append(f"{bar} setgray {W - M - tw} {yy - 26} {tw} 26 BX fill 1 setgray /HB 10 selectfont {ps_s(doc.title.upper()[:38])} {W - M - 6} {yy - 17} TR 0 setgray")
        yy -= 34
        if doc.runhead:
            ops.append(f"/HV 7.5 selectfont {ps_s(doc.runhead)} {M} {yy - 8} T"); yy -= 12
        ops.append(f"0.8 setlinewidth {M} {yy} moveto {W - M} {yy} lineto stroke"); yy -= 8
        return ops, yy
    def newpage():
        nonlocal cur
        if cur: pages.append(cur)
        ops, yy = head(); cur = ops; y[0] = yy
    def need(h):
        if y[0] - h < M + 24: newpage()
    newpage()
    cwid = lambda size, mono: size * (0.6 if mono else 0.52)
    full = W - 2 * M
    for b in doc.blocks:
        k = b[0]
        if k == "h":
            need(22); y[0] -= 4
            cur.append(f"{bar} setgray {M} {y[0] - 12} {full} 12 BX fill {'1' if bar < 0.5 else '0'} setgray /HB 8 selectfont {ps_s(b[1].upper())} {M + 4} {y[0] - 9} T 0 setgray"); y[0] -= 18
        elif k == "p" or k == "note":
            size = 9 if k == "p" else 7
            for ln in textwrap.wrap(b[1], int(full / cwid(size, False))):
                need(size + 3); cur.append(f"/HV {size} selectfont {ps_s(ln)} {M} {y[0] - size} T"); y[0] -= size + 2.5
            y[0] -= 5
        elif k in ("addr", "sig"):
            for ln in b[1]:
                need(12); cur.append(f"/HV 9.5 selectfont {ps_s(ln)} {M} {y[0] - 10} T"); y[0] -= 12
            y[0] -= 6
        elif k == "pre":
            for raw in b[1].split("\n"):
                for ln in (textwrap.wrap(raw, int(full / cwid(7.4, True)), break_on_hyphens=False) or [""]):
                    need(9); cur.append(f"/CR 7.4 selectfont {ps_s(ln)} {M} {y[0] - 8} T"); y[0] -= 9
            y[0] -= 6
        elif k == "kv":
            pairs = kvs(b[1])
            if kst == 0:   # boxed fields, caption above the typed value
                n = 3 if not doc.land else 4; bw = full / n
                for i in range(0, len(pairs), n):
                    g = pairs[i:i + n]
                    wrapped = [textwrap.wrap(str(v), max(8, int((bw - 8) / cwid(9, True)))) or [""] for _, v in g]
                    bh = 14 + 10.5 * max(len(w_) for w_ in wrapped)
                    need(bh)
                    for j, ((l, v), wl) in enumerate(zip(g, wrapped)):
                        x = M + j * bw
                        cur.append(f"0.5 setlinewidth {x} {y[0] - bh} {bw} {bh} BX stroke /HV 5.8 selectfont {ps_s(l.upper())} {x + 3} {y[0] - 7} T")
                        for li, ln in enumerate(wl): cur.append(f"/CR 9 selectfont {ps_s(ln)} {x + 4} {y[0] - 17 - li * 10.5} T")
                    y[0] -= bh
                y[0] -= 8
            else:          # label column + dotted leader + value
                lw = max(cwid(8, False) * len(l) for l, _ in pairs) + 14
                lw = min(lw, full * 0.42)
                for l, v in pairs:
                    wl = textwrap.wrap(str(v), int((full - lw) / cwid(9, True))) or [""]
                    ll = textwrap.wrap(l, int((lw - 10) / cwid(8, False))) or [""]
                    need(11 * max(len(wl), len(ll)))
                    for li, x in enumerate(ll): cur.append(f"/HB 8 selectfont {ps_s(x)} {M} {y[0] - 9 - li * 11} T")
                    cur.append(f"[1 2] 0 setdash 0.3 setlinewidth {M + cwid(8, False) * len(ll[-1]) + 4} {y[0] - 9 - (len(ll) - 1) * 11} moveto {M + lw - 4} {y[0] - 9 - (len(ll) - 1) * 11} lineto stroke [] 0 setdash")
                    for li, x in enumerate(wl): cur.append(f"/CR 9 selectfont {ps_s(x)} {M + lw} {y[0] - 9 - li * 11} T")
                    y[0] -= 11 * max(len(wl), len(ll)) + 1
                y[0] -= 6
        elif k == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            srows = [[cs(c, dfmt) for c in x] for x in rows]
            size = 7.6 if len(hdr) <= 6 else 6.8
            ws = col_widths(hdr, rows, full, dfmt, cw=size * 0.6, pad=4)
            if opts.get("caption"): need(14); cur.append(f"/HB 8.5 selectfont {ps_s(opts['caption'])} {M} {y[0] - 9} T"); y[0] -= 13
            def hdr_row():
                if opts.get("group"):
                    x = M; i = 0
                    cur.append(f"0.85 setgray {M} {y[0] - 11} {full} 11 BX fill 0 setgray")
                    for g, s in opts["group"]:
                        wsum = sum(ws[i:i + s]); cur.append(f"/HB 6.8 selectfont {ps_s(g)} {x + 2} {y[0] - 8} T 0.4 setlinewidth {x} {y[0] - 11} moveto {x} {y[0]} lineto stroke"); x += wsum; i += s
                    y[0] -= 11
                hl = [textwrap.wrap(str(h), max(3, int((w - 3) / cwid(size, False)))) or [""] for h, w in zip(hdr, ws)]
                hh = 3 + 8 * max(len(x) for x in hl)
                cur.append(f"0.7 setgray {M} {y[0] - hh} {full} {hh} BX fill 0 setgray")
                x = M
                for lines, w in zip(hl, ws):
                    for li, ln in enumerate(lines): cur.append(f"/HB {size} selectfont {ps_s(ln)} {x + 2} {y[0] - 8 - li * 8} T")
                    x += w
                y[0] -= hh
            need(40); hdr_row()
            for ri, row in enumerate(srows):
                cl = [textwrap.wrap(c, max(3, int((w - 3) / cwid(size, True))), break_on_hyphens=False) or [""] for c, w in zip(row, ws)]
                rh = 2.5 + (size + 1.4) * max(len(x) for x in cl)
                if y[0] - rh < M + 24: newpage(); hdr_row()
                x = M
                for lines, w in zip(cl, ws):
                    for li, ln in enumerate(lines): cur.append(f"/CR {size} selectfont {ps_s(ln)} {x + 2} {y[0] - size - li * (size + 1.4)} T")
                    x += w
                y[0] -= rh
                cur.append(f"0.25 setlinewidth {M} {y[0] + 0.8} moveto {W - M} {y[0] + 0.8} lineto stroke")
            y[0] -= 10
    pages.append(cur)
    n = len(pages); form = doc.form or f"{(org_.short if org_ else 'GEN')[:3].upper()}-{r.randint(100, 899)}"
    out = [PS_PROLOG.format(creator=lat1(org_.system if org_ and org_.system else "PrintServer"), title=lat1(doc.title).replace("\n", " "), npages=n)]
    if doc.land: out.append("<< /PageSize [792 612] >> setpagedevice")
    else: out.append("<< /PageSize [612 792] >> setpagedevice")
    for i, ops in enumerate(pages, 1):
        out.append(f"%%Page: {i} {i}")
        out += ops
        out.append(f"/HV 6.5 selectfont {ps_s('Form ' + form + '  (Rev. 10/2026)')} {M} {M - 6} T {ps_s(f'Page {i} of {n}')} {W - M} {M - 6} TR")
        out.append("showpage")
    out.append("%%EOF")
    return "\n".join(out) + "\n", n

# ---------------------------------------------------------------- python-docx
def _shade(cell, hexcolor):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr(); shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexcolor.lstrip("#")); tcPr.append(shd)
def _field(par, code, size=None):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind, txt in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = par.add_run()
        if size: run.font.size = size
        if kind:
            fc = OxmlElement("w:fldChar"); fc.set(qn("w:fldCharType"), kind); run._r.append(fc)
        elif txt == code:
            it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {code} "; run._r.append(it)
        else: run.text = txt
def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr(); e = OxmlElement("w:tblHeader"); e.set(qn("w:val"), "true"); trPr.append(e)
def docx_bytes(r, doc, letterhead=None):
    from docx import Document
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    d = Document()
    font = r.choice(["Calibri", "Arial", "Cambria", "Segoe UI", "Times New Roman", "Verdana"])
    st = d.styles["Normal"]; st.font.name = font; st.font.size = Pt(r.choice([10, 10, 10.5, 11]))
    st.paragraph_format.space_after = Pt(3)
    col = RGBColor.from_string((doc.o.color if doc.o else "#333333").lstrip("#").upper())
    sec = d.sections[0]
    if doc.land:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for side in ("left_margin", "right_margin"): setattr(sec, side, Inches(0.75))
    sec.top_margin = Inches(0.6); sec.bottom_margin = Inches(0.6)
    avail = (sec.page_width - sec.left_margin - sec.right_margin)
    if letterhead is None: letterhead = doc.o is not None and r.random() < 0.4
    hp = sec.header.paragraphs[0]
    if doc.o:
        if letterhead:
            hp.add_run().add_picture(io.BytesIO(logo_png(doc.o, style=r.randrange(3))), width=Inches(r.choice([1.7, 2.0, 2.3])))
            p2 = sec.header.add_paragraph(); rr = p2.add_run(f"{doc.o.addr()}  ·  Tel {doc.o.phone}  ·  Fax {doc.o.fax}"); rr.font.size = Pt(7.5)
        else:
            rr = hp.add_run(doc.o.name); rr.bold = True; rr.font.size = Pt(14); rr.font.color.rgb = col
            p2 = sec.header.add_paragraph(); rr = p2.add_run(f"{doc.o.street} | {doc.o.city}, {doc.o.state} {doc.o.zip} | {doc.o.phone}"); rr.font.size = Pt(8)
    rh_head = r.random() < 0.55
    if doc.runhead:
        tgt = sec.header.add_paragraph() if rh_head else sec.footer.paragraphs[0]
        rr = tgt.add_run(doc.runhead); rr.font.size = Pt(8); rr.bold = rh_head
        if rh_head: tgt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.add_paragraph() if doc.runhead and not rh_head else sec.footer.paragraphs[0]
    x = fp.add_run((doc.form + "    " if doc.form else "") + "Page "); x.font.size = Pt(7.5)
    _field(fp, "PAGE", Pt(7.5)); x = fp.add_run(" of "); x.font.size = Pt(7.5); _field(fp, "NUMPAGES", Pt(7.5))
    if doc.title:
        if r.random() < 0.5: d.add_heading(doc.title, level=1)
        else:
            p = d.add_paragraph(); rr = p.add_run(doc.title.upper()); rr.bold = True; rr.font.size = Pt(13); rr.font.color.rgb = col
    kst = r.randrange(4); dfmt = tdfmt(r, doc)
    tstyle = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1", "Light Shading Accent 1", "Table Grid"])
    def small(cell, text, bold=False, size=8.5, color=None):
        cell.text = ""; p = cell.paragraphs[0]; p.paragraph_format.space_after = Pt(0); rr = p.add_run(str(text)); rr.font.size = Pt(size); rr.bold = bold
        if color: rr.font.color.rgb = color
    for b in doc.blocks:
        k = b[0]
        if k == "h":
            if r.random() < 0.5: d.add_heading(b[1], level=2)
            else: p = d.add_paragraph(); rr = p.add_run(b[1]); rr.bold = True; rr.font.size = Pt(11); p.paragraph_format.space_before = Pt(6)
        elif k == "p": d.add_paragraph(b[1])
        elif k == "kv":
            pairs = kvs(b[1])
            if kst == 0:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for l, v in pairs:
                    c = t.add_row().cells; small(c[0], l, True); small(c[1], v, size=9.5); _shade(c[0], "#E7ECF2")
                for row in t.rows: row.cells[0].width = Inches(1.5); row.cells[1].width = avail - Inches(1.5)
            elif kst == 1:
                t = d.add_table(rows=0, cols=4); t.style = "Table Grid"
                for i in range(0, len(pairs), 2):
                    c = t.add_row().cells
                    for j, (l, v) in enumerate(pairs[i:i + 2]): small(c[2 * j], l, True, 8); small(c[2 * j + 1], v, size=9); _shade(c[2 * j], "#F0F0F0")
            elif kst == 2:   # labels row above values row
                n = 3
                t = d.add_table(rows=0, cols=n); t.style = "Table Grid"
                for i in range(0, len(pairs), n):
                    g = pairs[i:i + n]; cl = t.add_row().cells; cv = t.add_row().cells
                    for j, (l, v) in enumerate(g): small(cl[j], l.upper(), False, 6.5, RGBColor(0x66, 0x66, 0x66)); small(cv[j], v, size=10)
            else:
                for l, v in pairs:
                    p = d.add_paragraph(); p.paragraph_format.space_after = Pt(0)
                    rr = p.add_run(l + ":\t"); rr.bold = True; p.add_run(str(v))
                    p.paragraph_format.tab_stops.add_tab_stop(Inches(1.8))
            d.add_paragraph()
        elif k == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            if opts.get("caption"): p = d.add_paragraph(); rr = p.add_run(opts["caption"]); rr.bold = True
            t = d.add_table(rows=0, cols=len(hdr)); t.style = tstyle
            size = 8 if len(hdr) > 6 else 9
            if opts.get("group"):
                c = t.add_row().cells; i = 0
                for g, s in opts["group"]:
                    cell = c[i].merge(c[i + s - 1]) if s > 1 else c[i]; small(cell, g, True, size); i += s
                _repeat_header(t.rows[-1])
            c = t.add_row().cells
            for i, h in enumerate(hdr): small(c[i], h, True, size)
            _repeat_header(t.rows[-1])
            for x in rows:
                c = t.add_row().cells
                for i, v in enumerate(x): small(c[i], cs(v, dfmt), False, size)
            d.add_paragraph()
        elif k == "pre":
            for ln in b[1].split("\n"):
                p = d.add_paragraph(); p.paragraph_format.space_after = Pt(0); rr = p.add_run(ln); rr.font.name = "Courier New"; rr.font.size = Pt(7.5)
            d.add_paragraph()
        elif k in ("addr", "sig"):
            for ln in b[1]: p = d.add_paragraph(ln); p.paragraph_format.space_after = Pt(0)
            d.add_paragraph()
        elif k == "note":
            p = d.add_paragraph(); rr = p.add_run(b[1]); rr.font.size = Pt(7.5); rr.italic = True
    d.core_properties.author = doc.o.short if doc.o else ""; d.core_properties.title = doc.title
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- flat ODT (hand-written), converted by LibreOffice
def fodt(r, doc, logo=None):
    import base64
    X = lambda s: hx(str(s), quote=True)
    col = doc.o.color if doc.o else "#333333"
    pw, ph = ("11in", "8.5in") if doc.land else ("8.5in", "11in")
    width = 9.5 if doc.land else 7.0
    dfmt = tdfmt(r, doc); kst = r.randrange(3)
    hdr_xml = ""
    if doc.o:
        if logo:
            png = logo_png(doc.o, style=r.randrange(3))
            from PIL import Image as PI
            iw, ih = PI.open(io.BytesIO(png)).size
            hdr_xml += (f'<text:p text:style-name="Small"><draw:frame draw:name="logo" text:anchor-type="as-char" svg:width="{1.9:.2f}in" svg:height="{1.9 * ih / iw:.2f}in"><draw:image>'
                        f'<office:binary-data>{base64.b64encode(png).decode()}</office:binary-data></draw:image></draw:frame></text:p>')
        else:
            hdr_xml += f'<text:p text:style-name="Org">{X(doc.o.name)}</text:p>'
        hdr_xml += f'<text:p text:style-name="Small">{X(doc.o.addr())} · {X(doc.o.phone)}</text:p>'
    if doc.runhead: hdr_xml += f'<text:p text:style-name="RH">{X(doc.runhead)}</text:p>'
    body = []
    tn = [0]
    def table(rows_xml, ncols, widths=None):
        tn[0] += 1
        cols = "".join(f'<table:table-column table:style-name="C{tn[0]}_{i}"/>' for i in range(ncols))
        st = "".join(f'<style:style style:name="C{tn[0]}_{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2f}in"/></style:style>' for i, w in enumerate(widths or [width / ncols] * ncols))
        colstyles.append(st)
        return f'<table:table table:name="T{tn[0]}" table:style-name="Tbl">{cols}{rows_xml}</table:table>'
    def c(text, style="Cell", pst="TC", span=1):
        sp = f' table:number-columns-spanned="{span}"' if span > 1 else ""
        return f'<table:table-cell table:style-name="{style}" office:value-type="string"{sp}><text:p text:style-name="{pst}">{X(text)}</text:p></table:table-cell>' + "<table:covered-table-cell/>" * (span - 1)
    colstyles = []
    if doc.title: body.append(f'<text:p text:style-name="Title6">{X(doc.title)}</text:p>')
    in_cols = False; tci = twocol_start(doc)
    for bi, b in enumerate(doc.blocks):
        k = b[0]
        if tci is not None and bi == tci:
            body.append('<text:section text:style-name="Sect2" text:name="Columns">'); in_cols = True
        if k == "h": body.append(f'<text:h text:style-name="H6" text:outline-level="2">{X(b[1])}</text:h>')
        elif k == "p": body.append(f'<text:p text:style-name="Body">{X(b[1])}</text:p>')
        elif k == "note": body.append(f'<text:p text:style-name="Small">{X(b[1])}</text:p>')
        elif k in ("addr", "sig"): body.append("".join(f'<text:p text:style-name="Tight">{X(x)}</text:p>' for x in b[1]) + '<text:p text:style-name="Body"/>')
        elif k == "pre": body.append("".join(f'<text:p text:style-name="Mono">{X(x).replace("  ", " <text:s/>")}</text:p>' for x in b[1].split("\n")))
        elif k == "kv":
            pairs = kvs(b[1])
            if kst == 0:
                body.append(table("".join(f"<table:table-row>{c(l, 'HCell', 'TB')}{c(v)}</table:table-row>" for l, v in pairs), 2, [1.7, width - 1.7]))
            elif kst == 1:
                rows = ""
                for i in range(0, len(pairs), 3):
                    g = pairs[i:i + 3] + [("", "")] * (3 - len(pairs[i:i + 3]))
                    rows += "<table:table-row>" + "".join(c(l.upper(), "Cell", "Cap") for l, _ in g) + "</table:table-row><table:table-row>" + "".join(c(v) for _, v in g) + "</table:table-row>"
                body.append(table(rows, 3))
            else:
                body.append("".join(f'<text:p text:style-name="Tight"><text:span text:style-name="B">{X(l)}:</text:span> {X(v)}</text:p>' for l, v in pairs) + '<text:p text:style-name="Body"/>')
        elif k == "t":
            hdr, rows, opts = b[1], b[2], b[3]
            if opts.get("caption"): body.append(f'<text:p text:style-name="TB">{X(opts["caption"])}</text:p>')
            hx_ = ""
            if opts.get("group"): hx_ += "<table:table-row>" + "".join(c(g, "HCell", "TB", s) for g, s in opts["group"]) + "</table:table-row>"
            hx_ += "<table:table-row>" + "".join(c(h, "HCell", "TB") for h in hdr) + "</table:table-row>"
            rx = "".join("<table:table-row>" + "".join(c(cs(v, dfmt)) for v in x) + "</table:table-row>" for x in rows)
            body.append(table(f"<table:table-header-rows>{hx_}</table:table-header-rows>{rx}", len(hdr), col_widths(hdr, rows, width, dfmt)))
            body.append('<text:p text:style-name="Body"/>')
    if in_cols: body.append("</text:section>")
    foot = f'<text:p text:style-name="Small">{X(doc.form or (doc.o.name if doc.o else ""))}<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p>'
    fam = r.choice(["DejaVu Sans", "Liberation Serif", "DejaVu Serif", "Liberation Sans"])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{X(doc.title)}</dc:title><meta:initial-creator>{X(doc.o.short if doc.o else "")}</meta:initial-creator></office:meta>
<office:font-face-decls><style:font-face style:name="{fam}" svg:font-family="'{fam}'"/><style:font-face style:name="DejaVu Sans Mono" svg:font-family="'DejaVu Sans Mono'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="{fam}" fo:font-size="9.5pt" fo:language="en" fo:country="US"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.06in" fo:text-align="{r.choice(['justify', 'start'])}"/></style:style>
<style:style style:name="Tight" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0in"/></style:style>
<style:style style:name="Title6" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.05in" fo:margin-bottom="0.1in"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="{col}"/></style:style>
<style:style style:name="H6" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.1in" fo:margin-bottom="0.04in" fo:border-bottom="0.5pt solid {col}" fo:padding="0.01in"/><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Org" style:family="paragraph"><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="{col}"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="{width:.1f}in" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="7.5pt" fo:color="#444444"/></style:style>
<style:style style:name="RH" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Mono" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0in"/><style:text-properties style:font-name="DejaVu Sans Mono" fo:font-size="7pt"/></style:style>
<style:style style:name="TC" style:family="paragraph"><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="TB" style:family="paragraph"><style:text-properties fo:font-size="8.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Cap" style:family="paragraph"><style:text-properties fo:font-size="6.5pt" fo:color="#666666"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{width}in" table:align="left" fo:margin-bottom="0.05in"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.03in" fo:border="0.5pt solid #999999"/></style:style>
<style:style style:name="HCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.03in" fo:border="0.5pt solid #999999" fo:background-color="#dfe6ee"/></style:style>
<style:style style:name="Sect2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.3in"/></style:section-properties></style:style>
{"".join(colstyles)}
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" style:print-orientation="{'landscape' if doc.land else 'portrait'}" fo:margin-top="0.45in" fo:margin-bottom="0.45in" fo:margin-left="0.75in" fo:margin-right="0.75in"/>
<style:header-style><style:header-footer-properties fo:min-height="0.2in" fo:margin-bottom="0.12in"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.2in" fo:margin-top="0.1in"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:header>{hdr_xml or '<text:p text:style-name="Small"/>'}</style:header><style:footer>{foot}</style:footer></style:master-page></office:master-styles>
<office:body><office:text>
{"".join(body)}
</office:text></office:body></office:document>
"""

# ---------------------------------------------------------------- openpyxl
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "mmm d, yyyy", "m/d/yy", "d mmmm yyyy", "mm-dd-yyyy"]
def xlsx_bytes(r, doc, for_pdf=False, for_lo=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook(); ws = wb.active
    t = doc.table(); hdr, rows, opts = t[1], t[2], t[3]
    ws.title = (opts.get("sheet") or r.choice(["Sheet1", "Export", "Report", "Data", doc.title[:28]]))[:31].replace("/", "-").replace(":", "")
    dnf = "dd/mm/yyyy" if doc.lang == "es" else r.choice(XL_DATE)
    col = (doc.o.color if doc.o else "#445566").lstrip("#").upper()
    thin = Side(style="thin", color="999999")
    rr = 1
    if r.random() < 0.7 or for_pdf:
        ws.cell(rr, 1, doc.o.name if doc.o else doc.title).font = Font(bold=True, size=13); rr += 1
        ws.cell(rr, 1, doc.title).font = Font(bold=True, size=11, color=col); rr += 1
        if r.random() < 0.6:
            ws.cell(rr, 1, "Run date:" if doc.lang != "es" else "Fecha de corrida:")
            c = ws.cell(rr, 2, dtm.datetime(2026, 12, r.randint(1, 4), r.randint(5, 8), r.choice([0, 15, 30, 45]))); c.number_format = "m/d/yyyy h:mm AM/PM"; c.alignment = Alignment(horizontal="left"); rr += 1; runrow = True
        for b in doc.blocks:
            if b[0] == "kv":
                for l, v in b[1][:6]:
                    ws.cell(rr, 1, l).font = Font(bold=True)
                    if isinstance(v, dtm.date): c = ws.cell(rr, 2, v); c.number_format = dnf; c.alignment = Alignment(horizontal="left")
                    else: ws.cell(rr, 2, str(v))
                    rr += 1
        rr += 1
    first_hdr = rr
    if opts.get("group"):     # group header row: Center Across Selection (Excel's alternative to merged cells)
        ci = 1
        for g, span in opts["group"]:
            for j in range(span):
                c = ws.cell(rr, ci + j, g if j == 0 else None); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor="D9D9D9")
                if not for_lo: c.alignment = Alignment(horizontal="centerContinuous")   # Calc would turn this into merged cells
                c.border = Border(left=thin if j == 0 else None)
            ci += span
        rr += 1
    for i, h in enumerate(hdr, 1):
        c = ws.cell(rr, i, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=col); c.alignment = Alignment(wrap_text=True, vertical="top"); c.border = Border(bottom=thin)
    hrow = rr; rr += 1
    for x in rows:
        for i, v in enumerate(x, 1):
            if isinstance(v, Money): c = ws.cell(rr, i, float(v)); c.number_format = '"$"#,##0.00'
            elif isinstance(v, dtm.datetime): c = ws.cell(rr, i, v); c.number_format = "m/d/yyyy h:mm"
            elif isinstance(v, dtm.date): c = ws.cell(rr, i, v); c.number_format = dnf
            else: c = ws.cell(rr, i, v)
        rr += 1
    for i, h in enumerate(hdr, 1):
        m = max([len(str(h))] + [len(cs(x[i - 1])) for x in rows])
        ws.column_dimensions[get_column_letter(i)].width = min(max(9 if i != 2 else 20, m + 2), 42)
    ws.freeze_panes = ws.cell(hrow + 1, 1)
    if r.random() < 0.6: ws.auto_filter.ref = f"A{hrow}:{get_column_letter(len(hdr))}{rr - 1}"
    if len(hdr) > 6 or doc.land or for_pdf:
        ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0 if not for_pdf else 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{first_hdr}:{hrow}"
    notes = [b[1] for b in doc.blocks if b[0] in ("p", "note")]
    if notes and (r.random() < 0.5 and not for_pdf):
        ns = wb.create_sheet(r.choice(["Notes", "Read me", "About"]))
        for i, n in enumerate(notes, 1): ns.cell(i, 1, n)
        ns.column_dimensions["A"].width = 110
    elif notes:
        rr += 1
        for n in notes[:2]: ws.cell(rr, 1, n).font = Font(italic=True, size=8); rr += 1
    wb.properties.creator = doc.o.short if doc.o else "report"
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- CSV / TSV
def snake(s): return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", ascii_fold(s).lower())).strip("_")
def csv_bytes(r, doc):
    t = doc.table(); hdr, rows, opts = t[1], t[2], t[3]
    v = r.randrange(7)
    delim = {0: ",", 1: ",", 2: "\t", 3: ";", 4: "|", 5: ",", 6: "\t"}[v]
    ext = {",": "csv", "\t": r.choice(["tsv", "txt", "csv"]), ";": "csv", "|": "txt"}[delim]
    dst = {"csv": r.choice(["iso", "mdy", "m/d/y", "ymd8", "d-Mon-y"]), "tsv": r.choice(["iso", "mdy"]), "txt": r.choice(["ymd8", "mdy", "iso"])}[ext]
    if doc.lang == "es": dst = "es/"
    def cell(v):
        if isinstance(v, Money): return f"{float(v):.2f}"
        if isinstance(v, dtm.datetime): return v.strftime("%Y-%m-%d %H:%M") if dst == "iso" else fdate(v.date(), dst) + v.strftime(" %H:%M")
        if isinstance(v, dtm.date): return fdate(v, dst) + (" 0:00" if v_time else "")
        return "" if v is None else str(v)
    v_time = dst == "m/d/y" and r.random() < 0.5
    h = [snake(x) for x in hdr] if r.random() < 0.35 else list(hdr)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_ALL if r.random() < 0.3 else csv.QUOTE_MINIMAL, lineterminator="\r\n" if r.random() < 0.5 else "\n")
    if r.random() < 0.25 and delim != "\t":
        buf.write(f"# {doc.o.system if doc.o and doc.o.system else 'export'} | {doc.title} | generated {TODAY:%Y-%m-%d} 06:{r.randint(0, 59):02d}\n")
    if delim == ";" and r.random() < 0.5: buf.write("sep=;\n")
    w.writerow(h)
    for x in rows: w.writerow([cell(c) for c in x])
    if r.random() < 0.2: buf.write(f"Total records: {len(rows)}\n")
    data = buf.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, ext

# ================================================================== PHI building blocks
LBL = {
    "name": ["Patient", "Patient Name", "Pt Name", "Name", "PATIENT NAME", "Patient name", "Pt", "Patient (Last, First)"],
    "dob": ["DOB", "Date of Birth", "D.O.B.", "Birth Date", "Birthdate", "DOB", "Date of birth", "Patient Date of Birth"],
    "mrn": ["MRN", "Med Rec #", "Medical Record No.", "MR #", "Chart #", "Patient ID", "ID#", "MRN", "Medical Record Number", "EHR ID"],
    "member": ["Member ID", "Mbr ID", "Member #", "Subscriber ID", "Insured's ID Number", "ID#", "Member No.", "Mbr #", "Subscriber/Member ID"],
    "acct": ["Acct #", "Account No.", "Account Number", "HAR", "Guarantor Acct", "Acct No", "Patient Account #"],
    "enc": ["CSN", "Encounter #", "Visit ID", "FIN", "Enc No.", "Visit #"],
    "claim": ["Claim #", "Claim Number", "ICN", "Payer Claim ID", "Claim No.", "Payer ICN"],
    "ssn": ["SSN", "Social Security #", "SS#", "Soc Sec No.", "Social Security Number"],
    "phone": ["Phone", "Home Phone", "Tel", "Cell", "Contact #", "Best number"],
    "addr": ["Address", "Home Address", "Mailing Address", "Street Address"],
    "mbi": ["MBI", "Medicare ID", "Medicare # (MBI)", "Medicare Beneficiary Identifier", "HICN/MBI"],
}
def L(r, k): return r.choice(LBL[k])
def patient(r, amin=18, amax=92, **kw):
    if kw.get("sex") is None and CUR.get("org") is not None and CUR["org"].short == "Copperleaf": kw["sex"] = "F"   # women's health clinic
    p = Person(r, amin, amax, **kw)
    p.mrn, p.acct, p.member, p.ssn_raw = mrn(r), acct(r), memid(r), ssn(r, "n")
    p.mbi = mbi(r); p.medicaid = medicaid(r); p.fin, p.csn = fin(r), csn(r)
    p.payer = ("Medicare Part A/B" if r.random() < 0.5 else r.choice(["Aetna Medicare Advantage", "Humana Gold Plus", "Wapsi River Health Plan"])) if p.age >= 65 else \
              r.choice(["Mesa Arroyo Community Care (Medicaid)", "Medicaid FFS", "Molina Healthcare"]) if p.age < 19 and r.random() < 0.6 else r.choice([x for x in PAYERS if "Medicare" not in x and "Gold Plus" not in x])
    p.group = group_no(r)
    return p
def ssn_fmt(p, st): raw = p.ssn_raw; return {"d": f"{raw[:3]}-{raw[3:5]}-{raw[5:]}", "s": f"{raw[:3]} {raw[3:5]} {raw[5:]}", "n": raw, "m": f"XXX-XX-{raw[5:]}"}[st]
def runhead(r, p, idk="mrn"):
    idv = {"mrn": p.mrn, "member": p.member, "acct": p.acct, "mbi": p.mbi, "fin": p.fin}[idk]
    idl = {"mrn": r.choice(["MRN", "MR#", "Med Rec"]), "member": r.choice(["Member ID", "ID#"]), "acct": "Acct", "mbi": "MBI", "fin": "FIN"}[idk]
    k = r.randrange(5)
    if k == 0: return f"Patient: {p.caps()}    {idl}: {idv}    DOB: {fdate(p.dob, 'mdy')}"
    if k == 1: return f"{p.lfm()} ({idl} {idv})"
    if k == 2: return f"{p.caps_full()} | DOB {fdate(p.dob, r.choice(['mdy', 'iso', 'd-Mon-y']))} | {idl} {idv}"
    if k == 3: return f"RE: {p.full()}  -  {idl} {idv}"
    return f"{p.lfm().upper()}   {idl} {idv}   {p.sex}  {p.age}y"
def staff_sig(r, s, o, title=None):
    t = title or r.choice(["RN Care Coordinator", "Patient Access Specialist", "Billing Representative", "Referral Coordinator", "Medical Assistant", "HIM Specialist", "Clinical Pharmacist", "Case Manager, RN", "Practice Manager"])
    return [f"{s.given} {s.family}", t, o.name, f"Ph {o.phone}  Fax {o.fax}"]
def clin_for(r, o):
    c = Clin(r, "DDS" if o.kind == "dental" else r.choice(["LCSW", "PsyD", "MD", "PMHNP-BC"]) if o.kind == "bh" else None)
    return c
def pick_labs(r, p):
    return r.choice(["BMP", "CBC", "Lipid", "Diabetes", "Thyroid", "Hepatic", "Coag"])

# ================================================================== PHI documents
def P_lab(r):
    o = org(r, ("lab", "hospital", "fqhc", "clinic")); p = patient(r, 1, 90); c = Clin(r); acc = accession(r)
    panel = pick_labs(r, p); rows = lab_rows(r, panel)
    coll = dtm.datetime.combine(recent(r, 6), dtm.time(r.randint(6, 11), r.choice([2, 14, 27, 40, 55])))
    kv = [(L(r, "name"), p.name(r)), (L(r, "dob"), dob_s(r, p)), ("Sex", {"F": "Female", "M": "Male"}[p.sex]), (L(r, "mrn"), p.mrn), ("Accession", acc),
          ("Ordering Provider", c.name()), ("Provider NPI", c.npi), ("Collected", f"{fdate(coll.date(), 'mdy')} {coll:%H:%M}"), ("Reported", f"{fdate(coll.date() + dtm.timedelta(days=r.randint(0, 2)), 'mdy')} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}")]
    if r.random() < 0.4: kv.insert(4, ("Fasting", r.choice(["Yes", "No", "Unknown"])))
    hdr = ["Test", "Result", "Flag", "Units", "Reference Range"] + (["LOINC"] if r.random() < 0.4 else [])
    rows = [x[:len(hdr)] for x in rows]
    blocks = [("kv", kv), ("t", hdr, rows, {"caption": {"BMP": "Basic Metabolic Panel", "CBC": "CBC w/o Differential", "Lipid": "Lipid Panel", "Diabetes": "Diabetes Monitoring",
                                                         "Thyroid": "Thyroid Function", "Hepatic": "Hepatic Function Panel", "Coag": "Protime / INR"}[panel]})]
    crit = [x for x in rows if x[2] in ("HH", "LL")]
    if crit:
        n = Person(r, 24, 60)
        blocks.append(("p", r.choice([f"CRITICAL VALUE: {crit[0][0]} {crit[0][1]} called to {n.given} {n.family[0]}., RN at {clock(r, True)} and read back.",
                                      f"** {crit[0][0]} result phoned to ordering office ({n.given}) {fdate(coll.date(), 'mdy')} {clock(r)}; read-back verified. **"])))
    blocks.append(("note", r.choice([f"Performed at {o.name}, {o.addr()}. CLIA {o.clia}. Lab Director: {Clin(r, 'MD').name()}.",
                                     "Results flagged H/L fall outside the reference interval for age and sex. HH/LL indicate critical values.",
                                     f"Specimen: {r.choice(['Serum', 'Plasma (Li hep)', 'Whole blood EDTA'])}. Received ambient."])))
    return Doc("lab-results", r.choice(["Laboratory Report", "Final Report", "Cumulative Lab Report", "Lab Results"]), o, blocks, runhead=runhead(r, p), form="LAB-R1")

RESULT_LETTERS = [
    ("mammogram", "F", 40, 80, lambda r, p: (f"Your screening mammogram on {{d}} showed an area in the {r.choice(['right', 'left'])} breast that needs a closer look (BI-RADS 0). This is common and most of the time the extra pictures are normal.",
                                             "Please call us to schedule a diagnostic mammogram and ultrasound. We have held a spot for you on {f}.")),
    ("a1c", None, 30, 85, lambda r, p: (f"Your hemoglobin A1c from {{d}} was {r.uniform(7.4, 10.8):.1f}%. Your goal is under 7%. This means your diabetes is not as well controlled as we would like.",
                                        "Dr. {c} would like to increase your metformin and see you in 6 weeks. Please keep checking your sugars before breakfast.")),
    ("colonoscopy", None, 45, 80, lambda r, p: (f"The {r.randint(2, 3)} polyps removed during your colonoscopy on {{d}} were tubular adenomas. These are not cancer, but they can turn into cancer over time, so removing them was important.",
                                                "We recommend your next colonoscopy in 3 years, around {f3}. We will send you a reminder.")),
    ("tsh", None, 20, 85, lambda r, p: (f"Your thyroid test (TSH) from {{d}} was {r.uniform(6.1, 14.9):.2f}, which is high and means your thyroid is underactive.",
                                        "We sent a prescription for levothyroxine 50 mcg to your pharmacy. Take it on an empty stomach and repeat the blood test in 6-8 weeks.")),
    ("pap", "F", 25, 64, lambda r, p: ("Your Pap test from {d} was normal, but the test for high-risk HPV was positive.",
                                       "Because of this, we recommend a colposcopy, a closer look at the cervix in the office. Please call to schedule within the next month.")),
    ("ct-nodule", None, 50, 85, lambda r, p: (f"Your low-dose CT lung screening on {{d}} found a {r.randint(5, 9)} mm nodule in the {r.choice(['right upper', 'left lower', 'right middle'])} lobe (Lung-RADS 3).",
                                              "Most nodules this size are not cancer. We recommend a repeat CT in 6 months, around {f6}.")),
    ("vitd", None, 18, 90, lambda r, p: (f"Your vitamin D level from {{d}} was low at {r.randint(9, 19)} ng/mL.",
                                         "Please start vitamin D3 2,000 units daily (over the counter). We will recheck it at your next physical.")),
    ("dexa", "F", 55, 90, lambda r, p: (f"Your bone density scan on {{d}} shows osteoporosis (T-score {-r.uniform(2.5, 3.6):.1f} at the hip).",
                                        "Dr. {c} recommends starting alendronate once a week. Please read the enclosed sheet on how to take it.")),
]
def P_result_letter(r):
    kind = r.choice(RESULT_LETTERS); o = org(r, ("clinic", "fqhc", "hospital", "imaging")); c = Clin(r)
    p = patient(r, kind[2], kind[3], sex=kind[1]); d = recent(r, 30)
    a, b = kind[4](r, p)
    f = fdate(future(r, 5, 30), "Month d, y"); f3 = fdate(D(TODAY.year + 3, TODAY.month, 1), "Month d, y").replace(" 1,", ""); f6 = MON[(TODAY.month + 5) % 12] + f" {TODAY.year + (1 if TODAY.month + 6 > 12 else 0)}"
    a = a.format(d=fdate(d, "Month d, y"), f=f, f3=f3, f6=f6, c=c.p.family); b = b.format(d=fdate(d, "Month d, y"), f=f, f3=f3, f6=f6, c=c.p.family)
    blocks = [("p", fdate(TODAY - dtm.timedelta(days=r.randint(0, 3)), "Month d, y")), ("addr", [p.full(), p.addr1(), p.addr2()])]
    if r.random() < 0.6: blocks.append(("kv", [("RE", r.choice(["Test results", "Your recent results", "Results of your " + kind[0]])), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn)]))
    blocks += [("p", f"Dear {r.choice([p.title(), p.given, p.full(False)])},"), ("p", a), ("p", b),
               ("p", r.choice([f"If you have questions, please call our nurse line at {o.phone}. You can also see this result in the patient portal.",
                               f"Call {o.phone} with any questions. Para ayuda en español, llame al mismo número y oprima 2."])),
               ("sig", ["Sincerely,", "", c.name(), o.name])]
    d = Doc("result-letter", "", o, blocks, runhead=f"{p.full()}  DOB {fdate(p.dob, 'mdy')}" if r.random() < 0.4 else None); d.to = p
    return d

def P_referral(r):
    o = org(r, ("clinic", "fqhc", "peds", "urgent")); p = patient(r, 2, 88); c = Clin(r); sp = r.choice(["Cardiology", "Gastroenterology", "Nephrology", "Orthopedic Surgery", "Neurology", "Endocrinology", "Behavioral Health", "Pulmonology", "Oncology", "Rheumatology"])
    dx = dx_for(r, p); dx2 = dx_for(r, p)
    kv = [(L(r, "name"), p.name(r)), (L(r, "dob"), dob_s(r, p)), (L(r, "phone"), p.phone), (L(r, "addr"), f"{p.addr1()}, {p.addr2()}"), ("Insurance", p.payer), (L(r, "member"), p.member),
          ("Referring Provider", f"{c.name()} (NPI {c.npi})"), ("Refer To", f"{sp} - {r.choice(['first available', 'Dr. ' + Person(r, 35, 65).family, 'any provider'])}"),
          ("Priority", r.choice(["Routine", "Urgent (within 7 days)", "STAT - call to schedule", "Routine - within 30 days"]))]
    reason = r.choice([f"Please evaluate for {dx[1].lower()}. Symptoms x {r.randint(2, 10)} months despite {r.choice(['PPI', 'NSAIDs', 'two antihypertensives', 'PT x 6 weeks', 'dietary changes'])}.",
                       f"{p.age} y/o {'female' if p.sex == 'F' else 'male'} with {dx[1].lower()} ({dx[0]}) and {dx2[1].lower()}. Worsening over last visit; needs specialist input on management.",
                       f"Pt seen {fdate(recent(r, 20), 'm/d/y')} for follow-up of {dx[1].lower()}. Requesting consult and recommendations. Recent labs and notes attached in the chart."])
    blocks = [("kv", kv), ("h", "Reason for Referral"), ("p", reason), ("t", ["ICD-10", "Description"], [[dx[0], dx[1]], [dx2[0], dx2[1]]] if dx2 != dx else [[dx[0], dx[1]]], {}),
              ("p", r.choice(["Please fax consult notes back to our office.", f"Authorization {r.choice(['pending', 'not required', authno(r)])}. Fax notes to {o.fax}.", "Patient prefers afternoon appointments; needs interpreter (Spanish)." if p.comm in HISPANIC else "Patient aware of referral and expecting your call."]))]
    return Doc("referral", r.choice(["Referral Order", "Outgoing Referral", "Consult Request", "Specialty Referral"]), o, blocks, runhead=runhead(r, p), form="REF-22")

def P_discharge(r):
    o = org(r, ("hospital",)); p = patient(r, 30, 94); c = Clin(r, r.choice(["MD", "DO", "MD, FACP"])); dx = inpt_dx(r, p); dx2 = dx_for(r, p)
    adm = recent(r, 20, 0); dis = adm + dtm.timedelta(days=r.randint(2, 7))
    meds = r.sample([d for d in DRUGS if not (p.sex == "F" and d[0].startswith("tamsulosin"))], 4)
    course = r.choice([f"{p.given} presented to the ED with {r.choice(['shortness of breath', 'chest pressure', 'fever and confusion', 'a fall at home', 'productive cough'])} and was admitted for {dx[1].lower()}. "
                       f"Treated with {r.choice(['IV diuresis', 'IV antibiotics', 'heparin drip', 'supplemental oxygen and nebulizers', 'IV fluids'])} with steady improvement. "
                       f"{r.choice(['Creatinine peaked at 2.1 and trended down.', 'Echo showed EF 35-40%.', 'Blood cultures no growth at 48 h.', 'PT/OT recommended home with home health.'])}",
                       f"Admitted {fdate(adm, 'm/d/y')} for {dx[1].lower()}. Hospital course uncomplicated. Comorbid {dx2[1].lower()} managed with home regimen. Ambulating independently at discharge, tolerating diet."])
    blocks = [("kv", [(L(r, "name"), p.name(r)), (L(r, "mrn"), p.mrn), (L(r, "dob"), dob_s(r, p)), (L(r, "enc"), p.fin), ("Admitted", fdate(adm, "mdy")), ("Discharged", fdate(dis, "mdy")),
                      ("Attending", c.name()), ("Disposition", r.choice(["Home", "Home with home health", "SNF", "Home with hospice", "Acute rehab"]))]),
              ("h", "Diagnoses"), ("p", f"Principal: {dx[1]} ({dx[0]}). Secondary: {dx2[1]} ({dx2[0]})."),
              ("h", "Discharge Medications"), ("t", ["Medication", "Instructions", "Status"], [[m, s, r.choice(["NEW", "CONTINUE", "CHANGED", "CONTINUE"])] for m, s in meds], {}),
              ("h", "Hospital Course"), ("p", course),
              ("h", "Follow-up"), ("p", r.choice([f"PCP within 7 days. {r.choice(['BMP', 'CBC', 'INR'])} on {fdate(dis + dtm.timedelta(days=5), 'm/d')}.", f"Cardiology clinic {fdate(dis + dtm.timedelta(days=10), 'mdy')} at {clock(r)}. Daily weights; call if gain > 3 lb."]))]
    return Doc("discharge-summary", r.choice(["Discharge Summary", "DISCHARGE SUMMARY", "Hospital Discharge Summary"]), o, blocks, runhead=runhead(r, p, r.choice(["mrn", "fin"])), twocol=False, form="HIM-DS")

def P_prior_auth(r):
    o = org(r, ("payer",)); prov = org(r, ("hospital", "clinic", "imaging", "oncology", "fqhc")); p = patient(r, 18, 85); c = Clin(r); an = authno(r)
    cpt, dx = r.choice([(("70553", "MRI brain without & with contrast"), ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus")), (("72148", "MRI lumbar spine without contrast"), ("M54.50", "Low back pain, unspecified")),
                        (("27447", "Total knee arthroplasty"), ("M17.11", "Unilateral primary osteoarthritis, right knee")), (("95810", "Polysomnography, 4 or more parameters"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)")),
                        (("J1745", "Injection, infliximab, 10 mg"), ("K50.90", "Crohn's disease, unspecified, without complications")), (("97110", "Therapeutic exercise, each 15 min - 12 visits"), ("M17.11", "Unilateral primary osteoarthritis, right knee")),
                        (("74177", "CT abdomen & pelvis with contrast"), ("K57.30", "Diverticulosis of large intestine without perforation or abscess without bleeding")), (("E0601", "CPAP device"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"))])
    decision = r.choice(["APPROVED", "APPROVED", "DENIED", "PENDED - additional information required", "PARTIALLY APPROVED"])
    d0 = future(r, 1, 10)
    kv = [("Member Name", p.name(r)), (L(r, "member"), p.member), (L(r, "dob"), dob_s(r, p)), ("Group #", p.group), ("Requesting Provider", f"{c.name()}, NPI {c.npi}"),
          ("Facility", prov.name), ("Service", f"{cpt[0]} - {cpt[1]}"), ("Diagnosis", f"{dx[0]} {dx[1]}"), ("Reference / Auth #", an), ("Determination", decision)]
    if decision.startswith("APPROVED") or decision.startswith("PARTIALLY"): kv.append(("Valid Dates", f"{fdate(d0, 'mdy')} - {fdate(d0 + dtm.timedelta(days=r.choice([30, 60, 90, 180])), 'mdy')}"))
    why = {"APPROVED": "The requested service meets medical necessity criteria.", "DENIED": f"The information submitted does not show that conservative therapy was tried for at least {r.choice([6, 8, 12])} weeks, as required by the clinical policy.",
           "PARTIALLY APPROVED": f"{r.choice([6, 8, 12])} of {r.choice([16, 20, 24])} requested visits approved; re-submit progress notes for the remainder.",
           "PENDED - additional information required": "Please send the most recent office notes and imaging report within 14 days."}[decision]
    blocks = [("kv", kv), ("p", why), ("p", r.choice(["Peer-to-peer review may be requested within 14 calendar days by calling Utilization Management.", f"Questions: Provider Services {o.phone}, option 3.",
                                                      "This notice is not a guarantee of payment. Benefits are subject to eligibility on the date of service."]))]
    return Doc("prior-auth", r.choice(["Prior Authorization Determination", "Utilization Management Notice", "Pre-Service Authorization", "Authorization Decision"]), o, blocks, runhead=runhead(r, p, "member"), form="UM-401")

def P_claim_question(r):
    o = org(r, ("billing", "clinic", "hospital", "fqhc")); p = patient(r, 1, 90); s = staffer(r); cpt = r.choice(CPT); dos = recent(r, 120, 0); cl = claimno(r)
    carc = r.choice([("CO-197", "precertification/authorization absent"), ("CO-16", "claim lacks information needed for adjudication"), ("CO-50", "non-covered, not deemed a medical necessity"),
                     ("CO-29", "time limit for filing has expired"), ("PR-1", "deductible amount"), ("CO-97", "payment included in allowance for another service"), ("CO-22", "care may be covered by another payer (COB)")])
    amt = Money(r.randint(180, 6800) + r.choice([0, 0.5, 0.25]))
    pay = r.choice(PAYERS)
    blocks = [("p", r.choice([f"Hi, I'm following up on a claim for one of our patients that {pay} {r.choice(['denied', 'short-paid', 'has had in process for 60+ days'])}.",
                              f"Good morning - we received the 835 for the claim below and the adjustment doesn't look right. Can you take a look?",
                              f"Can someone on your side re-review this one? We appealed once already."])),
              ("kv", [(L(r, "name"), p.name(r)), (L(r, "dob"), dob_s(r, p)), (L(r, "member"), p.member), (L(r, "claim"), cl), ("DOS", fdate(dos, "mdy")), ("CPT", f"{cpt[0]} {cpt[1]}"),
                      ("Billed", money(amt)), ("Paid", money(0) if carc[0].startswith("CO") else money(amt * 0.3)), ("Denial", f"{carc[0]} ({carc[1]})"), (L(r, "acct"), p.acct)]),
              ("p", r.choice([f"We have an auth on file ({authno(r)}) for this date so the {carc[0]} seems like an error.", "Attached to the appeal were the office notes and op report.",
                              f"Patient's {r.choice(['secondary', 'primary'])} coverage terminated {fdate(recent(r, 200, 0), 'mdy')}, so COB should be updated.", "The diagnosis on the claim supports the service - please reprocess."])),
              ("sig", staff_sig(r, s, o, "Billing Specialist" if r.random() < 0.5 else "AR Follow-up Representative"))]
    return Doc("claim-inquiry", r.choice(["Claim follow-up", "Claim status inquiry", "Reprocessing request", "Denied claim"]), o, blocks, kind="mail")

def P_eligibility(r):
    o = org(r, ("clinic", "hospital", "fqhc", "billing", "dental", "urgent")); p = patient(r, 0, 90); pay = p.payer
    ded = r.choice([500, 1500, 3000, 6000]); met = round(r.uniform(0, ded), 2)
    blocks = [("kv", [("Subscriber", p.caps()), (L(r, "member"), p.member), (L(r, "dob"), dob_s(r, p)), ("Payer", pay), ("Group", p.group), ("Coverage", r.choice(["Active", "Active", "Active - Medicaid secondary", "Inactive as of " + fdate(recent(r, 90), "mdy")])),
                      ("Plan", "Original Medicare" if pay == "Medicare Part A/B" else "Medicare Advantage HMO" if ("Medicare" in pay or "Gold" in pay) else "Medicaid Managed Care" if ("Medicaid" in pay or "Molina" in pay) else r.choice(["PPO Silver", "HMO Select", "HDHP w/ HSA", "EPO Gold"])), ("Checked", f"{fdate(TODAY, 'mdy')} {clock(r)} via {r.choice(['Availity', 'payer portal', '270/271', 'phone - ref ' + dg(r, 8)])}")]),
              ("t", ["Benefit", "In-Network", "Out-of-Network"], [["Deductible", f"{money(ded)} ({money(met)} met)", money(ded * 2)], ["Office copay", r.choice(["$25", "$30", "$0", "$45"]), "40% after ded"],
                                                                  ["Specialist copay", r.choice(["$50", "$60", "$75"]), "40% after ded"], ["Out-of-pocket max", money(ded * 3), "Unlimited"]], {}),
              ("p", r.choice([f"Pt scheduled {fdate(future(r, 1, 14), 'mdy')} for {r.choice(['MRI lumbar spine', 'new patient visit', 'sleep study', 'colonoscopy', 'cleaning and x-rays'])} - auth {r.choice(['required', 'not required'])}.",
                              "Collect copay at check-in. Secondary coverage on file needs verification.", "Member has met deductible; coinsurance applies."]))]
    return Doc("eligibility", r.choice(["Eligibility Verification", "Insurance Verification", "Benefits Check"]), o, blocks, runhead=runhead(r, p, "member") if r.random() < 0.5 else None)

def weekday_future(r, a=1, b=20):
    d = future(r, a, b)
    while d.weekday() > 4: d += dtm.timedelta(days=1)
    return d
def P_appt_reminder(r):
    o = org(r, ("clinic", "fqhc", "hospital", "oncology", "imaging", "dental", "bh", "peds")); p = patient(r, 3, 5) if o.kind == "peds" else patient(r, 18, 88); c = clin_for(r, o); d = weekday_future(r)
    par = Person(r, 22, 45, comm=p.comm); t = clock(r, False)
    what, prep = {"oncology": (f"your chemotherapy infusion (cycle {r.randint(2, 6)})", "Labs will be drawn 1 hour before your infusion. Eat a light meal and bring something to do."),
                  "imaging": r.choice([("your MRI of the brain", "Remove all metal. Tell the technologist about any implants or pacemaker."), ("your CT abdomen/pelvis with contrast", "Nothing to eat 4 hours before. We will need a creatinine result from the last 30 days."),
                                       ("your breast ultrasound", "Please do not wear deodorant or lotion.")]),
                  "dental": (f"your root canal (tooth #{r.randint(2, 31)})", "Take your usual medicines. If you were prescribed antibiotics before dental work, take them 1 hour before."),
                  "bh": ("your therapy session", "If you are in crisis before your appointment, call or text 988."),
                  "peds": (f"{p.given}'s {p.age}-year well visit and shots", "Bring your child's shot record and any school or daycare forms."),
                  "hospital": r.choice([("your colonoscopy", "Start clear liquids the day before and drink the prep as instructed. You must have a driver."), ("your cardiac stress test", "No caffeine for 24 hours. Wear walking shoes."),
                                        ("your pre-op visit for knee replacement", "Bring a list of all your medicines, including vitamins and supplements.")])}.get(o.kind) or \
                 r.choice([("your diabetes follow-up", "Bring your glucose log and meter."), ("your annual physical", "Please come fasting (water is OK) for blood work."), ("your blood pressure check", "Bring your home blood pressure readings."),
                           ("your prenatal visit", "Please bring a urine sample if you were given a cup.") if p.sex == "F" and p.age < 42 else ("your follow-up visit", "Please arrive 15 minutes early and bring your insurance card and medication list.")])
    greet = f"{par.given} (parent of {p.given})" if o.kind == "peds" else (p.given if r.random() < 0.5 else p.full(False))
    blocks = [("p", f"{r.choice(['Hello', 'Dear', 'Hi'])} {greet},"),
              ("p", f"This is a reminder of {what} with {c.dr()} on {fdate(d, 'wd')} at {t} at {o.name}, {o.street}."), ("p", prep)]
    if r.random() < 0.4: blocks.append(("kv", [(L(r, "name"), p.full()), (L(r, "dob"), dob_s(r, p)), ("Appointment", f"{fdate(d, 'mdy')} {t}")]))
    blocks.append(("p", r.choice(["Reply C to confirm or R to reschedule.", f"To cancel or reschedule call {o.phone}. Missed appointments without 24 hours notice may be charged.", "We look forward to seeing you."])))
    d_ = Doc("appointment-reminder", "", o, blocks, kind="mail"); d_.to = p
    return d_

def P_refill(r):
    o = org(r, ("pharmacy",)); p = patient(r, 12, 90); c = Clin(r); dr_, sig = r.choice(DRUGS); rxn = rxno(r)
    last = recent(r, 40, 20)
    blocks = [("p", r.choice(["REFILL AUTHORIZATION REQUEST", "Prescription renewal request - please respond by fax", "Refill request from pharmacy"])),
              ("kv", [("To", f"{c.name()}"), ("Prescriber NPI", c.npi), ("DEA", dea(r)) if r.random() < 0.4 else ("Prescriber Fax", phone(r)), (L(r, "name"), p.name(r)), (L(r, "dob"), dob_s(r, p)),
                      (L(r, "phone"), p.phone), ("Medication", dr_), ("NDC", ndc(r)), ("Sig", sig), ("Qty / Days", f"{r.choice([30, 60, 90, 180])} / {r.choice([30, 30, 90])}"), ("Rx #", rxn),
                      ("Last Filled", fdate(last, "mdy")), ("Refills Remaining", "0")]),
              ("p", r.choice(["[ ] Approved   refills: ____    [ ] Denied   [ ] Needs appointment", "Please approve with additional refills or send a new e-Rx.",
                              "Patient states they are out of medication. Please respond ASAP.", "Patient requests 90-day supply for mail order."])),
              ("sig", [f"{o.name}", f"{o.addr()}", f"Ph {o.phone}  Fax {o.fax}", f"Pharmacy NPI {o.npi}"])]
    return Doc("pharmacy-refill", r.choice(["Refill Request", "Rx Renewal Request", "Fax Refill Authorization"]), o, blocks, runhead=None, form="RX-RF")

def P_care_coord(r):
    o = org(r, ("hospital", "clinic", "fqhc", "homehealth", "payer", "bh")); p = patient(r, 40, 92); s = staffer(r)
    dx = r.choice([("I50.32", "heart failure"), ("J44.1", "COPD flares"), ("E11.65", "high blood sugars"), ("N39.0", "UTIs and confusion"), ("I48.91", "a-fib with RVR"), ("R55", "syncope")])
    fam = Person(r, 25, 70); rel = r.choice(["daughter", "son", "wife", "husband", "niece", "neighbor"])
    story = r.choice([
        f"Spoke with {p.title()}'s {rel} {fam.given} today. {p.given} was in the ED twice this month for {dx[1]} and is struggling to manage meds at home. {fam.given} is asking about home health and a pill organizer.",
        f"{p.full()} (DOB {fdate(p.dob, 'm/d/y')}) missed two {r.choice(['dialysis', 'infusion', 'wound care', 'PT'])} appointments. Transportation fell through - Medicaid ride was cancelled. Can we set up standing rides?",
        f"FYI {p.plain()} was discharged from {org(r, ('hospital',)).short} on {fdate(recent(r, 5), 'm/d')} after a {r.choice(['CHF exacerbation', 'COPD flare', 'fall with hip fracture', 'GI bleed'])}. PCP follow-up needed within 7 days; I couldn't reach the patient at {p.phone}.",
        f"{p.given} {p.family} told me {'she' if p.sex == 'F' else 'he'} stopped the {r.choice(DRUGS)[0].split(' ')[0]} because of cost. {('She' if p.sex == 'F' else 'He')} qualifies for the manufacturer assistance program - can pharmacy help with the application?"])
    blocks = [("p", r.choice(["Hi team,", "Hello -", "Good afternoon,", ""])), ("p", story),
              ("p", r.choice([f"{L(r, 'mrn')}: {p.mrn}", f"Member ID {p.member}", f"MRN {p.mrn} / DOB {fdate(p.dob, 'mdy')}", f"Dx: {dx[0]}"])),
              ("p", r.choice(["Can we discuss at Thursday's huddle?", "I'll follow up tomorrow.", "Please let me know who is picking this up.", "Thanks for your help with this one."])), ("sig", staff_sig(r, s, o, "RN Care Manager"))]
    return Doc("care-coordination", r.choice(["Care coordination", "Patient follow-up", "Transition of care", "Update"]), o, blocks, kind="mail")

def P_billing_dispute(r):
    o = org(r, ("hospital", "billing", "urgent", "clinic", "imaging")); p = patient(r, 18, 85); s = staffer(r); dos = recent(r, 200, 30)
    amt = Money(r.randint(300, 9800) + 0.45)
    blocks = [("p", f"Account note {fdate(TODAY, 'mdy')}:"),
              ("kv", [("Guarantor", p.lfm()), (L(r, "acct"), p.acct), ("Patient DOB", dob_s(r, p)), ("Service", f"{r.choice(['ED visit', 'MRI', 'Outpatient surgery', 'Ambulance transport', 'Observation stay'])} {fdate(dos, 'mdy')}"),
                      ("Balance", money(amt)), ("Primary", p.payer)]),
              ("p", r.choice([f"Patient called disputing the balance. States {r.choice(['she', 'he'])} was told the visit would be covered in-network. Insurance processed as out-of-network ({r.choice(['radiologist', 'ED physician group', 'anesthesia'])}). Requested No Surprises Act review.",
                              f"Guarantor disputes charges for {r.choice(['the CT', 'the IV fluids', 'level 5 ED visit'])}; says {r.choice(['she', 'he'])} left before being seen. Requesting itemized bill and medical records review.",
                              "Patient says they already paid at time of service by card. Cannot locate payment. Asked for receipt copy. Account placed on hold 30 days."])),
              ("p", r.choice(["Placed billing hold. Forward to supervisor for review.", "Sent itemized statement to home address on file.", "Financial assistance application mailed."])), ("sig", staff_sig(r, s, o, "Patient Financial Services"))]
    return Doc("billing-dispute", r.choice(["Billing dispute", "Account review request", "Patient complaint - billing"]), o, blocks, kind="mail")

NOLABEL = [
    lambda r, p, c: f"Quick update on {p.plain()} - the biopsy came back as {r.choice(['invasive ductal carcinoma', 'squamous cell carcinoma', 'adenocarcinoma'])}. {c.dr()} will call {('her' if p.sex == 'F' else 'him')} this afternoon; please don't release it in the portal until then.",
    lambda r, p, c: f"{p.given} {p.family} came in again today, still drinking about a fifth a day. Withdrawal seizure last spring. Started naltrexone and referred to IOP.",
    lambda r, p, c: f"Can you squeeze in {p.full(False)} this week? Her INR was 5.2 yesterday and she had a nosebleed. We held two doses of warfarin." if p.sex == "F" else f"Can you squeeze in {p.full(False)} this week? His INR was 5.2 yesterday and he had a nosebleed. We held two doses of warfarin.",
    lambda r, p, c: f"Heads up: {p.caps_full()} tested positive for hepatitis C (RNA {r.randint(180, 990)}K IU/mL). Needs genotype and referral to GI. Patient is aware.",
    lambda r, p, c: f"{p.plain()} was started on sertraline last month for postpartum depression and is feeling better; PHQ-9 down from 19 to 8." if p.sex == "F" else f"{p.plain()} was started on sertraline last month for depression after his divorce; PHQ-9 down from 19 to 8.",
    lambda r, p, c: f"Just so you know, {p.given} {p.family}'s HIV viral load is undetectable again after the regimen change. {c.dr()} wants labs repeated in 3 months.",
    lambda r, p, c: f"{p.family}, {p.given} fell at home Saturday and broke her right hip. Surgery went fine, going to rehab at Maple Terrace on Tuesday." if p.sex == "F" else f"{p.family}, {p.given} fell at home Saturday and broke his right hip. Surgery went fine, going to rehab at Maple Terrace on Tuesday.",
    lambda r, p, c: f"{p.given} {p.family} overdosed on fentanyl Friday night; Narcan x2 in the field. Family is asking about residential treatment options.",
    lambda r, p, c: f"Mrs. {p.family} from Pahoa ({p.given}) - new diagnosis of type 1 diabetes at age {p.age}, A1c 13.1. Needs pump training referral." if p.sex == "F" else f"Mr. {p.family} ({p.given}) - new diagnosis of type 1 diabetes at age {p.age}, A1c 13.1. Needs pump training referral.",
]
def P_nolabel(r):
    o = org(r, CARE); p = patient(r, 19, 80); c = clin_for(r, o); s = staffer(r)
    blocks = [("p", r.choice(["Hi,", "Hey -", "Team,", "", "Morning,"])), ("p", r.choice(NOLABEL)(r, p, c)),
              ("p", r.choice(["Thanks.", "Let me know if you need anything from me.", "I'll chart it later.", "Will update you after the family meeting."])), ("sig", [s.given])]
    return Doc("clinical-note-nolabel", r.choice(["quick update", "FYI", "re: your patient", "question", "follow up"]), o, blocks, kind="mail")

def P_spanish(r):
    k = r.randrange(3)
    o = org(r, [("fqhc", "clinic", "lab"), ("fqhc", "clinic", "peds"), ("payer",)][k]); p = patient(r, 18 if k == 0 else 1, 85, comm=r.choice(sorted(HISPANIC))); c = Clin(r); d = recent(r, 20)
    if k == 0:
        val = r.uniform(7.2, 11.5)
        blocks = [("p", f"Estimado(a) {p.sra()}:"), ("p", f"Le escribimos sobre los resultados de laboratorio del {fdate(d, 'es')}."),
                  ("kv", [("Paciente", p.plain()), ("Fecha de nacimiento", dob_s(r, p, es=True)), ("Número de expediente", p.mrn), ("Prueba", "Hemoglobina A1c"), ("Resultado", f"{val:.1f} % (alto)")]),
                  ("p", f"Su nivel de azúcar está alto. El/la {c.dr().replace('Dr.', 'Dr(a).')} quiere verle en 2 semanas para ajustar sus medicamentos para la diabetes."),
                  ("p", f"Si tiene preguntas, llame al {o.phone}."), ("sig", ["Atentamente,", o.name])]
        t = "Resultados de laboratorio"
    elif k == 1:
        fut = future(r, 2, 20)
        blocks = [("p", f"Hola {p.given},"), ("p", f"Le recordamos su cita con {c.dr()} el {fdate(fut, 'es')} a las {r.randint(8, 16)}:{r.choice(['00', '15', '30', '45'])}."),
                  ("kv", [("Paciente", p.full()), ("Fecha de nacimiento", dob_s(r, p, es=True)), ("Número de afiliado", p.medicaid), ("Motivo", r.choice(["control de presión alta", "control prenatal", "vacunas de 4 años", "seguimiento de asma"]))]),
                  ("p", "Por favor traiga su tarjeta del seguro y la lista de sus medicinas."), ("sig", [o.name, o.phone])]
        t = "Recordatorio de cita"
    else:
        cpt = r.choice(CPT)
        blocks = [("p", f"Estimado(a) {p.full(False)}:"), ("p", f"Su solicitud de autorización para {cpt[1].lower()} ({cpt[0]}) fue {r.choice(['aprobada', 'negada'])}."),
                  ("kv", [("Afiliado", p.caps()), ("Número de afiliado", p.member), ("Fecha de nacimiento", dob_s(r, p, es=True)), ("Número de autorización", authno(r)), ("Diagnóstico", " ".join(dx_for(r, p)))]),
                  ("p", "Usted tiene derecho a apelar esta decisión dentro de 60 días."), ("sig", [o.name, "Departamento de Servicios al Afiliado", o.phone])]
        t = "Aviso de autorización"
    d = Doc("spanish-" + ["lab", "appointment", "auth"][k], t, o, blocks, lang="es"); d.to = p
    return d

def P_cms1500(r):
    o = org(r, ("clinic", "billing", "fqhc", "urgent")); p = patient(r, 1, 88); c = Clin(r); dx = dx_for(r, p); dx2 = dx_for(r, p); dos = recent(r, 40)
    office = [x for x in CPT if x[0] in ("99213", "99214", "99204", "83036", "85025", "36415", "80053", "90471", "97110", "71046")]
    lines = [[fdate(dos, "mdy"), "11", x[0], "A" if i == 0 else "AB", Money(r.randint(40, 420)), "1", c.npi] for i, x in enumerate(r.sample(office, r.randint(1, 3)))]
    blocks = [("kv", [("1a INSURED'S I.D. NUMBER", p.member), ("2 PATIENT'S NAME (Last, First, MI)", p.caps()), ("3 PATIENT'S BIRTH DATE / SEX", f"{fdate(p.dob, 'm d y')}  {p.sex}"),
                      ("4 INSURED'S NAME", p.caps() if r.random() < 0.7 else Person(r, 25, 70).caps()), ("5 PATIENT'S ADDRESS", f"{p.addr1().upper()}, {p.city.upper()} {p.state} {p.zip}"),
                      ("5 TELEPHONE", p.phone), ("11 INSURED'S POLICY GROUP", p.group), ("11c INSURANCE PLAN NAME", p.payer.upper()),
                      ("21 DIAGNOSIS (ICD Ind. 0)", f"A. {dx[0].replace('.', '')}   B. {dx2[0].replace('.', '')}"), ("25 FEDERAL TAX I.D.", o.tin), ("26 PATIENT'S ACCOUNT NO.", p.acct),
                      ("33 BILLING PROVIDER", f"{o.name.upper()}  NPI {o.npi}")]),
              ("t", ["24A DOS", "24B POS", "24D CPT/HCPCS", "24E DX PTR", "24F CHARGES", "24G UNITS", "24J RENDERING NPI"], lines, {})]
    return Doc("cms-1500", "CMS-1500 claim data", o, blocks, form="CMS-1500 (02-12)", land=r.random() < 0.3)

def P_ub04(r):
    o = org(r, ("hospital",)); p = patient(r, 18, 94); dx = inpt_dx(r, p); adm = recent(r, 30); dis = adm + dtm.timedelta(days=r.randint(1, 6))
    revs = [["0120", "ROOM-BOARD/SEMI", "", str((dis - adm).days), Money(2150 * (dis - adm).days)], ["0250", "PHARMACY", "", str(r.randint(4, 30)), Money(r.randint(300, 4200))],
            ["0300", "LABORATORY", "", str(r.randint(3, 18)), Money(r.randint(200, 2500))], ["0450", "EMERGENCY ROOM", "99285", "1", Money(r.randint(1800, 4200))]]
    blocks = [("kv", [("FL 01 PROVIDER", f"{o.name.upper()}, {o.street.upper()}"), ("FL 03a PAT CNTL #", p.acct), ("FL 03b MED REC #", p.mrn), ("FL 04 TYPE OF BILL", "0111"),
                      ("FL 08 PATIENT NAME", p.caps()), ("FL 09 PATIENT ADDRESS", f"{p.addr1().upper()} {p.city.upper()} {p.state} {p.zip}"), ("FL 10 BIRTHDATE", fdate(p.dob, "mdy8")),
                      ("FL 11 SEX", p.sex), ("FL 12 ADMISSION DATE", fdate(adm, "mdy8")[:4] + fdate(adm, "mdy8")[6:]), ("FL 17 STAT", r.choice(["01", "03", "06"])), ("FL 50 PAYER", p.payer.upper()),
                      ("FL 56 NPI", o.npi), ("FL 58 INSURED'S NAME", p.caps()), ("FL 60 INSURED'S UNIQUE ID", p.mbi if "Medicare" in p.payer else p.member),
                      ("FL 67 PRIN DIAG CD", dx[0].replace(".", "")), ("FL 76 ATTENDING", f"NPI {npi(r)}")]),
              ("t", ["FL 42 REV CD", "FL 43 DESCRIPTION", "FL 44 HCPCS", "FL 46 UNITS", "FL 47 TOTAL CHARGES"], revs, {})]
    return Doc("ub-04", "UB-04 claim detail", o, blocks, form="UB-04 CMS-1450")

def P_ssn_fix(r):
    o = org(r, ("hospital", "clinic", "fqhc", "lab", "imaging")); p = patient(r, 18, 88); s = staffer(r)
    wrong = ssn(r, "d")
    blocks = [("p", r.choice(["Hi HIM,", "Registration correction needed:", "Hello,"])),
              ("p", r.choice([f"The SSN on {p.caps()}'s registration (MRN {p.mrn}) was keyed as {wrong}. The correct number from the card is {ssn_fmt(p, 'd')}. Please update before the claim drops.",
                              f"Patient {p.lfm()}, DOB {fdate(p.dob, 'mdy')}, came in for {r.choice(['labs', 'an MRI', 'a new patient visit'])} and gave SSN {ssn_fmt(p, r.choice(['d', 's', 'n']))}. Our system shows a different number on an old account ({p.acct}). Can you verify which is right?",
                              f"Correct SSN for MRN {p.mrn} is {ssn_fmt(p, 'd')} (was {wrong}). Patient presented card at check-in {fdate(TODAY, 'm/d')}."])),
              ("sig", staff_sig(r, s, o, "Patient Access Representative"))]
    return Doc("registration-ssn", r.choice(["SSN correction", "Registration fix", "Demographics update"]), o, blocks, kind="mail")

def P_mrn_merge(r):
    o = org(r, ("hospital", "clinic")); p = patient(r, 1, 90); s = staffer(r); m2 = mrn(r)
    blocks = [("p", "Possible duplicate record - please review for merge."),
              ("t", ["", "Record 1", "Record 2"], [["MRN", p.mrn, m2], ["Name", p.caps(), p.caps_full()], ["DOB", fdate(p.dob, "mdy"), fdate(p.dob, r.choice(["mdy", "iso"]))], ["Sex", p.sex, p.sex],
                                                   ["Last visit", fdate(recent(r, 300), "mdy"), fdate(recent(r, 30), "mdy")], ["Address", f"{p.addr1()}, {p.city}", r.choice([f"{p.addr1()}, {p.city}", "(none)"])]], {}),
              ("p", r.choice(["Record 2 was created in the ED when the patient was unable to give history. Labs and imaging are on record 2.", "Mother confirmed these are the same child. Immunizations are split between both charts.",
                              "EMPI score 0.94. Please merge survivor = record 1."])), ("sig", staff_sig(r, s, o, "HIM Data Integrity Analyst"))]
    return Doc("mrn-merge", r.choice(["Duplicate MRN review", "Chart merge request", "EMPI task"]), o, blocks)

def P_member_dob(r):
    o = org(r, ("payer", "pharmacy", "billing")); p = patient(r, 2, 85); s = staffer(r)
    blocks = [("p", r.choice([f"Member ID {p.member}, DOB {fdate(p.dob, r.choice(['mdy', 'iso', 'm/d/yy']))} - the PA for {r.choice(['Ozempic', 'Dupixent', 'Humira', 'Jardiance', 'the sleep study'])} is approved through {fdate(future(r, 150, 300), 'mdy')}.",
                              f"For {p.member} (DOB {fdate(p.dob, 'mdy')}): claim reprocessed, check will go out next cycle.",
                              f"ID# {p.member} / {fdate(p.dob, 'mdy8')} - member is termed effective {fdate(recent(r, 60), 'mdy')}, please bill secondary."])), ("sig", [f"{s.given} {s.family[0]}.", o.short])]
    return Doc("member-id-dob", r.choice(["Re: member", "PA status", "Claim update", "Coverage"]), o, blocks, kind="mail")

def P_transfer(r):
    o = org(r, ("hospital", "urgent")); to = org(r, ("hospital",)); p = patient(r, 25, 90); c = Clin(r)
    dx = r.choice([("I21.4", "NSTEMI", "Heparin drip infusing at 18 units/kg/h. Troponin 2.4 -> 3.9. Needs cath lab."),
                   ("I63.9", "acute ischemic stroke", f"Last known well {clock(r, True)}. Tenecteplase given at {clock(r, True)}. NIHSS 9. CTA with L M1 occlusion - thrombectomy candidate."),
                   ("K35.80", "acute appendicitis", "CT confirms appendicitis without perforation. NPO since arrival, ceftriaxone/metronidazole given. No general surgery coverage tonight."),
                   ("A41.9", "sepsis, source likely urinary", "Blood cultures x2 drawn, 30 mL/kg fluids given, lactate 4.4 -> 2.9, started on norepinephrine 0.05."),
                   ("S72.001A", "right femoral neck fracture", "Mechanical fall at home. Neurovascularly intact. On apixaban - last dose this morning. Ortho consult requested."),
                   ("J96.01", "acute hypoxic respiratory failure", "On BiPAP 14/6 FiO2 60%, ABG 7.29/58/61. May need intubation; no ICU bed here.")])
    blocks = [("kv", [("Patient", p.name(r)), ("Age/Sex", f"{p.age} {p.sex}"), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn), ("Sending facility", o.name), ("Receiving", to.name),
                      ("Diagnosis", f"{dx[1]} ({dx[0]})"), ("Vitals", f"BP {r.randint(88, 182)}/{r.randint(50, 104)}  HR {r.randint(58, 128)}  SpO2 {r.randint(86, 99)}% {r.choice(['RA', '2L NC', 'NRB'])}"),
                      ("Level of care", r.choice(["ICU", "Step-down", "Med/Surg tele", "Neuro ICU"])), ("Accepting MD", Clin(r, r.choice(["MD", "DO"])).name()), ("Transport", r.choice(["ALS ground", "Air", "BLS"]))]),
              ("p", dx[2]), ("p", f"Report called RN to RN. Callback {o.phone}.")]
    return Doc("transfer-request", r.choice(["Transfer Request", "Interfacility Transfer", "Bed Request - Transfer Center"]), o, blocks, runhead=runhead(r, p) if r.random() < 0.5 else None)

def P_anticoag(r):
    o = org(r, ("clinic", "hospital", "fqhc")); p = patient(r, 45, 92); s = staffer(r)
    inr = round(r.uniform(1.4, 4.8), 1); goal = r.choice(["2.0-3.0", "2.5-3.5"])
    ind = r.choice(["atrial fibrillation", "mechanical mitral valve", "DVT left leg", "recurrent PE"])
    hist = [[recent(r, 28 - 7 * i), f"{round(r.uniform(1.6, 3.6), 1)}", r.choice(["5 mg daily", "5 mg daily exc 2.5 mg M/F", "7.5 mg Tue/Thu, 5 mg other days"])] for i in range(3)]
    blocks = [("kv", [(L(r, "name"), p.name(r)), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn), ("Indication", ind), ("INR goal", goal)]),
              ("t", ["Date", "INR", "Weekly dose"], hist + [[TODAY - dtm.timedelta(days=r.randint(0, 2)), str(inr), "see plan"]], {}),
              ("p", (f"INR {inr} today - {'subtherapeutic' if inr < 2 else 'supratherapeutic' if inr > 3.5 else 'in range'}. " + r.choice(["Patient reports missed doses over the holiday.", "Recently started amoxicillin for dental infection.", "No bleeding, no bruising.", "Eating more greens."]))),
              ("p", f"Plan: {r.choice(['hold tonight, then resume at same dose', 'increase weekly dose by 10%', 'continue current dose'])}. Recheck {fdate(future(r, 4, 14), 'm/d')}."), ("sig", staff_sig(r, s, o, "PharmD, Anticoagulation Clinic"))]
    return Doc("anticoagulation", r.choice(["Anticoagulation Clinic Note", "Warfarin Management", "INR Visit"]), o, blocks, runhead=runhead(r, p))

def P_pathology(r):
    o = org(r, ("lab", "hospital")); p = patient(r, 30, 88); c = Clin(r); acc = f"S26-{dg(r, 5)}"
    spec = r.choice([("Skin, left forearm, shave", "Basal cell carcinoma, nodular type, margins free"), ("Colon, sigmoid, polypectomy", "Tubular adenoma, negative for high-grade dysplasia"),
                     ("Prostate, needle core biopsies (12)", "Prostatic adenocarcinoma, Gleason 3+4=7 (Grade Group 2) in 3 of 12 cores") if p.sex == "M" else ("Breast, right, 10 o'clock, core biopsy", "Invasive ductal carcinoma, grade 2; ER positive, PR positive, HER2 equivocal (2+)"),
                     ("Lung, right upper lobe, CT-guided core", "Adenocarcinoma, acinar predominant; TTF-1 positive"), ("Stomach, antrum, biopsy", "Chronic active gastritis; Helicobacter pylori organisms identified")])
    blocks = [("kv", [(L(r, "name"), p.caps()), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn), ("Accession", acc), ("Collected", fdate(recent(r, 10), "mdy")), ("Submitting", c.name()),
                      ("Pathologist", Clin(r, "MD").name())]), ("h", "Final Diagnosis"), ("p", f"{spec[0]}: {spec[1]}."),
              ("h", "Gross Description"), ("p", f"Received in formalin labeled with the patient's name and MRN is a {r.choice(['tan-pink', 'gray-white', 'tan'])} tissue fragment measuring {r.uniform(0.2, 1.9):.1f} x {r.uniform(0.1, 0.9):.1f} cm. Entirely submitted in cassette A1."),
              ("h", "Microscopic"), ("p", "Sections show the diagnostic findings. Immunostains performed with appropriate controls. Electronically signed.")]
    return Doc("pathology", r.choice(["Surgical Pathology Report", "SURGICAL PATHOLOGY", "Pathology Consultation"]), o, blocks, runhead=runhead(r, p), twocol=r.random() < 0.4)

def P_radiology(r):
    o = org(r, ("imaging", "hospital")); p = patient(r, 5, 92); c = Clin(r)
    ex = r.choice([("CT head without contrast", "Headache after fall", "No acute intracranial hemorrhage. Chronic small vessel ischemic change.", "No acute intracranial abnormality."),
                   ("CT abdomen and pelvis with contrast", "RLQ pain", "Dilated appendix measuring 11 mm with periappendiceal fat stranding. No abscess.", "Acute uncomplicated appendicitis."),
                   ("MRI lumbar spine without contrast", "Low back pain radiating to left leg", "L4-5 left paracentral disc extrusion contacting the traversing left L5 nerve root.", "L4-5 disc extrusion with left L5 nerve root impingement."),
                   ("Chest X-ray 2 views", "Cough, fever", "Right lower lobe airspace opacity. No effusion or pneumothorax.", "Right lower lobe pneumonia."),
                   ("US thyroid", "Palpable nodule", "Right lobe 1.8 cm solid hypoechoic nodule with irregular margins (TI-RADS 5).", "TI-RADS 5 nodule; FNA recommended."),
                   ("CTA chest", "Dyspnea, tachycardia", "Filling defects in the right lower lobe segmental arteries. RV/LV ratio 0.9.", "Acute right lower lobe pulmonary emboli without right heart strain.")])
    blocks = [("kv", [("Patient", p.name(r)), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn), ("Exam", ex[0]), ("Exam date", fdate(recent(r, 7), "mdy")), ("Ordering", c.name()), ("Accession", f"RAD{dg(r, 8)}")]),
              ("h", "Clinical History"), ("p", ex[1] + "."), ("h", "Comparison"), ("p", r.choice(["None.", f"Prior study {fdate(recent(r, 900, 0), 'mdy')}."])), ("h", "Findings"), ("p", ex[2]),
              ("h", "Impression"), ("p", ex[3]), ("note", f"Electronically signed by {Clin(r, 'MD').name()} on {fdate(recent(r, 2), 'mdy')} {clock(r, True)}.")]
    return Doc("radiology", r.choice(["Radiology Report", "Diagnostic Imaging Report", "FINAL REPORT"]), o, blocks, runhead=runhead(r, p), twocol=r.random() < 0.35)

def P_bh_note(r):
    o = org(r, ("bh", "fqhc")); p = patient(r, 16, 70); c = Clin(r, r.choice(["LCSW", "PsyD", "LMHC", "PMHNP-BC"]))
    dx = r.choice([("F33.1", "Major depressive disorder, recurrent, moderate", f"Client reports improved sleep but continued low mood; {r.choice(['conflict with partner', 'job loss', 'anniversary of brother’s death'])} discussed.", "Continue weekly CBT; behavioral activation homework."),
                   ("F41.1", "Generalized anxiety disorder", "Client endorses panic episodes twice weekly, avoiding grocery stores.", "Continue exposure hierarchy; refer to psychiatry for medication evaluation."),
                   ("F11.20", "Opioid dependence, uncomplicated", f"Client reports {r.randint(14, 90)} days abstinent, attending NA meetings 3x/week. Cravings {r.randint(2, 6)}/10.", "Continue buprenorphine per prescriber; UDS next visit."),
                   ("F10.20", "Alcohol dependence, uncomplicated", "Client reports two drinking days since last session, triggered by family conflict.", "Relapse prevention plan updated; naltrexone adherence reviewed."),
                   ("F43.10", "Post-traumatic stress disorder, unspecified", "Nightmares 4 nights/week; startle response at work.", "Begin CPT protocol session 3; safety plan reviewed; crisis line 988 provided.")])
    phq = r.randint(4, 22)
    blocks = [("kv", [("Client", p.name(r)), (L(r, "dob"), dob_s(r, p)), ("Client ID", p.mrn), ("Session", f"{fdate(recent(r, 5), 'mdy')} {clock(r)} ({r.choice(['in person', 'telehealth video'])})"), ("Clinician", c.name()), ("Diagnosis", f"{dx[0]} {dx[1]}")]),
              ("h", "Subjective"), ("p", dx[2]),
              ("h", "Objective"), ("p", f"PHQ-9 {phq}, GAD-7 {r.randint(3, 19)}. Denies SI/HI. Affect constricted, thought process linear."),
              ("h", "Plan"), ("p", dx[3]),
              ("note", "This information has been disclosed from records protected by federal confidentiality rules (42 CFR part 2)." if dx[0].startswith("F1") else "Confidential behavioral health information.")]
    return Doc("behavioral-health-note", r.choice(["Progress Note", "Counseling Session Note", "Therapy Progress Note"]), o, blocks, runhead=runhead(r, p))

def P_well_child(r):
    o = org(r, ("peds", "fqhc")); p = patient(r, 0, 6); par = Person(r, 20, 45, comm=p.comm); c = Clin(r)
    vax = r.sample([("DTaP-IPV (Kinrix)", "90696"), ("MMRV (ProQuad)", "90710"), ("Hep A, ped", "90633"), ("Influenza, quad, PF", "90686"), ("PCV20", "90677"), ("Hib (PRP-T)", "90648")], 3)
    blocks = [("kv", [("Child", p.full()), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn), ("Parent/Guardian", par.full()), ("Phone", par.phone), ("Visit", f"{p.age}-year well child check, {fdate(recent(r, 10), 'mdy')}")]),
              ("t", ["Vaccine", "CPT", "Lot", "Site", "VIS date"], [[v, cpt, f"{r.choice('ABCDEFHKLMNPTUXY')}{dg(r, 4)}{r.choice('ABC')}", r.choice(["L thigh", "R thigh", "L deltoid", "R deltoid"]), "08/06/2021"] for v, cpt in vax], {}),
              ("p", f"Growth: weight {r.uniform(12, 21):.1f} kg ({r.randint(5, 95)}th %ile). {r.choice(['Speech delay noted - referral to early intervention.', 'Mild eczema, continue emollients.', 'Development on track.', 'Elevated lead level 6 mcg/dL - repeat in 3 months.'])}")]
    return Doc("well-child", r.choice(["Well Child Visit Summary", "Immunization Record", "Pediatric Visit Summary"]), o, blocks, runhead=runhead(r, p))

def P_dialysis(r):
    o = org(r, ("dialysis",)); p = patient(r, 45, 88); c = Clin(r)
    blocks = [("p", f"Transient treatment request - patient traveling {fdate(future(r, 10, 30), 'm/d')} to {fdate(future(r, 31, 40), 'm/d')}."),
              ("kv", [("Patient", p.lfm()), (L(r, "dob"), dob_s(r, p)), (L(r, "mbi"), p.mbi), ("Secondary", r.choice(["Medicaid", "AARP Medigap Plan G", "none"])), ("Modality", "In-center HD"),
                      ("Schedule", r.choice(["MWF 1st shift", "TTS 2nd shift"])), ("Dry weight", f"{r.uniform(55, 118):.1f} kg"), ("Access", r.choice(["L AVF", "R AVG", "R IJ tunneled catheter"])),
                      ("Hep B status", r.choice(["HBsAg neg, anti-HBs 45", "immune"])), ("Nephrologist", c.name())]),
              ("p", f"Dx N18.6 end stage renal disease. {r.choice(['Hgb 10.2 last month, on Mircera.', 'Hx of hypotension on HD - uses midodrine pre-treatment.', 'Phosphorus 6.8, on sevelamer.'])}"),
              ("p", f"Please confirm chair availability to {o.short} at {o.fax}.")]
    return Doc("dialysis-transient", r.choice(["Transient Dialysis Request", "Visitor Treatment Request"]), o, blocks, runhead=runhead(r, p, "mbi"))

def P_preop(r):
    o = org(r, ("clinic", "fqhc")); p = patient(r, 45, 88); c = Clin(r); surg = Clin(r, "MD")
    proc = r.choice(["right total knee arthroplasty", "laparoscopic cholecystectomy", "cataract extraction left eye", "lumbar laminectomy L4-5", "TURP"]) if p.sex == "M" else r.choice(["right total knee arthroplasty", "laparoscopic cholecystectomy", "cataract extraction left eye", "hysterectomy"])
    blocks = [("p", fdate(TODAY, "Month d, y")), ("p", f"{surg.dr()}\n{org(r, ('hospital',)).name}"), ("p", f"Re: {p.full()}, DOB {fdate(p.dob, 'mdy')}"),
              ("p", f"Dear {surg.dr()},"), ("p", f"I saw {p.title()} today for pre-operative evaluation before {proc} scheduled {fdate(future(r, 7, 30), 'mdy')}. History is significant for {' and '.join(r.sample(['type 2 diabetes', 'hypertension', 'atrial fibrillation on apixaban', 'COPD', 'CKD stage 3b', 'obstructive sleep apnea on CPAP', 'hypothyroidism', 'coronary artery disease s/p stent (2019)', 'morbid obesity'], 2))}."),
              ("p", f"EKG: {r.choice(['normal sinus rhythm', 'sinus rhythm with first-degree AV block', 'rate-controlled atrial fibrillation'])}. Labs: Hgb {r.uniform(10.5, 15):.1f}, Cr {r.uniform(0.7, 1.8):.2f}, K {r.uniform(3.6, 5.0):.1f}. RCRI {r.randint(0, 2)}."),
              ("p", r.choice(["Hold apixaban 48 hours before surgery; no bridging needed.", "Hold metformin the morning of surgery and SGLT2 inhibitor 3 days prior.", "Continue beta blocker. Hold lisinopril morning of surgery."]) + " Patient is an acceptable risk for the planned procedure."),
              ("sig", ["Sincerely,", c.name(), o.name])]
    return Doc("preop-clearance", r.choice(["Pre-operative Clearance", ""]), o, blocks, runhead=None)

def P_formulary_exception(r):
    o = org(r, ("clinic", "fqhc", "oncology")); pbm = org(r, ("payer",)); p = patient(r, 18, 80); c = Clin(r)
    drug = r.choice([("adalimumab 40 mg pen", "M06.9", "Rheumatoid arthritis", "methotrexate 20 mg weekly x 6 months, sulfasalazine", f"Disease activity remains high (CDAI {r.randint(23, 41)}) with morning stiffness > 1 hour."),
                     ("semaglutide 1 mg pen", "E11.65", "Type 2 diabetes with hyperglycemia", "metformin, glipizide, sitagliptin", f"A1c {r.uniform(8.2, 10.9):.1f}% despite adherence; BMI {r.randint(34, 46)}; established ASCVD."),
                     ("dupilumab 300 mg", "L20.84", "Atopic dermatitis", "triamcinolone 0.1%, tacrolimus 0.1%", f"BSA {r.randint(12, 40)}%, sleep disrupted nightly by itch; two skin infections this year."),
                     ("apremilast 30 mg", "L40.0", "Psoriasis vulgaris", "clobetasol, calcipotriene, NB-UVB x 12 weeks", f"BSA {r.randint(10, 25)}% with scalp and genital involvement; PASI {r.randint(12, 24)}.")])
    blocks = [("kv", [("Member", p.full()), (L(r, "member"), p.member), (L(r, "dob"), dob_s(r, p)), ("Plan", pbm.name), ("Drug requested", drug[0]), ("Diagnosis", f"{drug[1]} {drug[2]}"), ("Prescriber", f"{c.name()}  NPI {c.npi}")]),
              ("h", "Medications tried and failed"), ("p", drug[3] + "."),
              ("h", "Clinical rationale"), ("p", drug[4] + " Request formulary exception / step therapy override."),
              ("sig", [c.name(), o.name, f"Fax {o.fax}"])]
    return Doc("formulary-exception", r.choice(["Formulary Exception Request", "Step Therapy Exception", "Letter of Medical Necessity"]), o, blocks, runhead=runhead(r, p, "member"))

def P_cob(r):
    o = org(r, ("billing", "hospital", "clinic")); p = patient(r, 1, 64); sp = Person(r, 25, 64); s = staffer(r)
    blocks = [("p", "We need help sorting out coordination of benefits on this account."),
              ("kv", [("Patient", p.lfm()), (L(r, "dob"), dob_s(r, p)), (L(r, "acct"), p.acct), ("Primary (per patient)", f"{p.payer} - {p.member}"),
                      ("Secondary", f"{r.choice(PAYERS)} - subscriber {sp.full()} (DOB {fdate(sp.dob, 'mdy')}), ID {memid(r)}"), ("DOS", fdate(recent(r, 60), "mdy"))]),
              ("p", r.choice(["Both plans say the other is primary. Birthday rule would make the father's plan primary for the child.", "Patient turned 65 and has Medicare plus employer coverage through spouse (employer > 20 employees).",
                              "Claim denied CO-22 by both payers. Patient's ortho visit for the fracture is sitting in AR."])), ("sig", staff_sig(r, s, o, "Insurance Follow-up"))]
    return Doc("cob", "Coordination of benefits question", o, blocks, kind="mail")

def P_roi(r):
    o = org(r, ("hospital", "clinic")); p = patient(r, 25, 80); s = staffer(r)
    req = r.choice(["Disability Determination Services", "Law Office of " + Person(r, 40, 70).family + " & " + Person(r, 40, 70).family, "State Workers' Compensation Board", "Life insurance underwriting - " + r.choice(["Great Plains Mutual", "Cardinal Life"])])
    blocks = [("p", f"Release of information request received from {req}."),
              ("kv", [("Patient", p.full()), (L(r, "dob"), dob_s(r, p)), (L(r, "ssn"), ssn_fmt(p, r.choice(["d", "d", "s", "m"]))), (L(r, "mrn"), p.mrn),
                      ("Dates requested", f"{fdate(TODAY - dtm.timedelta(days=r.randint(400, 700)), 'mdy')} to present"), ("Records", r.choice(["office notes, imaging, PT notes", "all records re: back injury", "psych and substance use treatment (requires specific consent)", "ED visit and labs"])),
                      ("Authorization", r.choice(["HIPAA-compliant, signed " + fdate(recent(r, 20), "mdy"), "signed but missing expiration date - returned"]))]),
              ("p", r.choice(["Please pull the chart and send to scanning by Friday.", "Invoice $6.50 per the state copy fee schedule.", "Claimant alleges disability from lumbar radiculopathy and depression."])), ("sig", staff_sig(r, s, o, "Release of Information Specialist"))]
    return Doc("release-of-information", r.choice(["ROI Request", "Records Request", "Medical Records Request"]), o, blocks)

def P_public_health(r):
    o = org(r, ("hospital", "lab", "clinic", "urgent")); p = patient(r, 0, 85); s = staffer(r)
    dz = r.choice([("Pertussis", "PCR positive, nasopharyngeal swab"), ("Salmonellosis", "Stool culture: Salmonella enterica ser. Enteritidis"), ("Tuberculosis, pulmonary", "AFB smear 2+, MTB PCR detected"),
                   ("Hepatitis A", "HAV IgM reactive"), ("Measles", "Measles IgM positive, PCR pending"), ("Lyme disease", "Western blot IgM 3/3 bands")])
    blocks = [("p", f"Reportable condition notification to {r.choice(['County Health Department', 'State Epidemiology', 'Tri-County Public Health'])} - Communicable Disease Unit."),
              ("kv", [("Condition", dz[0]), ("Test", dz[1]), ("Patient", p.full()), (L(r, "dob"), dob_s(r, p)), ("Sex", p.sex), (L(r, "addr"), f"{p.addr1()}, {p.addr2()}"), (L(r, "phone"), p.phone),
                      ("Onset", fdate(recent(r, 20, 0), "mdy")), ("Collected", fdate(recent(r, 8), "mdy")), ("Reporter", f"{s.given} {s.family}, Infection Prevention, {o.phone}")]),
              ("p", r.choice(["Patient attends daycare; household of 5.", "Works as a food handler at a restaurant.", "Recent travel to Guatemala.", "Unvaccinated."]))]
    return Doc("public-health-report", r.choice(["Confidential Morbidity Report", "Reportable Disease Notification", "Communicable Disease Report"]), o, blocks, form="CMR-1")

def P_dme(r):
    o = org(r, ("clinic", "hospital")); p = patient(r, 50, 88); c = Clin(r)
    blocks = [("kv", [("Beneficiary", p.caps()), (L(r, "mbi"), p.mbi), (L(r, "dob"), dob_s(r, p)), (L(r, "addr"), f"{p.addr1()}, {p.addr2()}"), ("Item", r.choice(["E0601 CPAP device with A7030 full face mask, A7037 tubing, E0562 humidifier", "E0431 portable oxygen, 2 LPM continuous", "E0143 walker, folding, wheeled"])),
                      ("Diagnosis", r.choice(["G47.33 Obstructive sleep apnea - AHI 31 on PSG " + fdate(recent(r, 60), "m/d/y"), "J44.1 COPD; SpO2 86% RA at rest", "M17.11 Primary OA right knee; fall risk"])),
                      ("Length of need", "99 months (lifetime)"), ("Order date", fdate(recent(r, 10), "mdy")), ("Practitioner", f"{c.name()}  NPI {c.npi}")]),
              ("p", "Standard Written Order. Face-to-face encounter documented within 6 months prior to order.")]
    return Doc("dme-order", r.choice(["Standard Written Order", "DME Order"]), o, blocks, runhead=runhead(r, p, "mbi"), form="SWO-2")

def P_hospice(r):
    o = org(r, ("homehealth",)); p = patient(r, 65, 98); c = Clin(r, r.choice(["MD", "DO"]))
    dx = r.choice([("G30.9", "Alzheimer's disease, unspecified"), ("C34.11", "Malignant neoplasm of upper lobe, right lung"), ("I50.32", "Chronic diastolic (congestive) heart failure"), ("J44.1", "COPD with acute exacerbation")])
    s0 = recent(r, 30)
    blocks = [("kv", [("Patient", p.lfm()), (L(r, "mbi"), p.mbi), (L(r, "dob"), dob_s(r, p)), ("Terminal diagnosis", f"{dx[0]} {dx[1]}"), ("Benefit period", f"1st: {fdate(s0, 'mdy')} - {fdate(s0 + dtm.timedelta(days=89), 'mdy')}"),
                      ("Attending", c.name()), ("Hospice physician", Clin(r, "MD").name())]),
              ("p", f"I certify that this patient is terminally ill with a life expectancy of 6 months or less if the illness runs its normal course. Narrative: {r.choice(['PPS 30%, bedbound, intake < 25% of meals, weight loss 12% in 3 months.', 'FAST 7c, non-verbal, dependent for all ADLs, recurrent aspiration pneumonia.', 'NYHA class IV at rest despite optimal therapy, EF 15%.'])}"),
              ("sig", ["Signature ____________________   Date ________", c.name()])]
    return Doc("hospice-certification", r.choice(["Certification of Terminal Illness", "Hospice Election / CTI"]), o, blocks, runhead=runhead(r, p, "mbi"))

def P_wound(r):
    o = org(r, ("homehealth", "hospital", "clinic")); p = patient(r, 45, 92); s = staffer(r)
    meas = [[TODAY - dtm.timedelta(days=7 * i + r.randint(0, 2)), f"{r.uniform(1, 5):.1f} x {r.uniform(0.8, 4):.1f} x {r.uniform(0.1, 1.2):.1f} cm", r.choice(["granular 80%", "slough 30%", "granular 100%"]), r.choice(["scant serous", "moderate serosang.", "none"])] for i in range(3)]
    blocks = [("kv", [(L(r, "name"), p.name(r)), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), p.mrn), ("Wound", r.choice(["Stage 3 pressure injury, sacrum", "Diabetic foot ulcer, R plantar 1st MT head", "Venous stasis ulcer, L medial malleolus"]))]),
              ("t", ["Date", "L x W x D", "Wound bed", "Drainage"], meas, {}),
              ("p", f"Treatment: {r.choice(['collagen + foam, change 3x/week', 'NPWT 125 mmHg continuous', 'Unna boot weekly'])}. {r.choice(['Offloading boot reinforced.', 'A1c 9.1 - PCP notified.', 'Caregiver taught dressing change.'])}"), ("sig", [f"{s.given} {s.family}, RN, CWOCN"])]
    return Doc("wound-care", r.choice(["Wound Care Progress Note", "Wound Assessment"]), o, blocks, runhead=runhead(r, p))

def P_visit_note(r):
    """identity only in the running header/footer of the printed note (and its first line in e-mail text)"""
    o = org(r, ("clinic", "fqhc", "urgent")); p = patient(r, 18, 88); c = Clin(r)
    v = r.choice([("Cough and fever x 5 days", f"Temp 38.4, RR 22, SpO2 93% RA. Crackles right base.", "Community-acquired pneumonia (J18.9).", "Amoxicillin-clavulanate 875 mg BID x 7 days plus azithromycin. Return if worse; CXR in 6 weeks."),
                  ("Follow-up of diabetes", f"BP 148/92, BMI 36. A1c {r.uniform(8.1, 10.9):.1f}% (was 7.6%). Monofilament decreased both feet.", "Type 2 diabetes with hyperglycemia (E11.65); hypertension (I10).", "Start semaglutide 0.25 mg weekly; increase lisinopril to 20 mg. Podiatry referral. Recheck 3 months."),
                  ("Low mood, poor sleep", f"PHQ-9 {r.randint(14, 21)}, GAD-7 {r.randint(8, 16)}. Denies SI. Recently separated.", "Major depressive disorder, recurrent, moderate (F33.1).", "Start sertraline 50 mg daily; BH referral; safety plan reviewed. Follow up in 4 weeks."),
                  ("Ankle injury playing basketball", "Swelling lateral malleolus, tender ATFL, able to bear weight 4 steps. X-ray negative.", "Sprain of right ankle.", "RICE, ankle brace, ibuprofen 600 mg TID with food x 5 days. Return if not improving in 2 weeks.")])
    d0 = recent(r, 6)
    blocks = [("kv", [("Visit date", fdate(d0, "mdy")), ("Provider", c.name()), ("Visit type", r.choice(["Office visit", "Telehealth", "Walk-in"]))]),
              ("h", "Chief complaint"), ("p", v[0]), ("h", "Exam / data"), ("p", v[1]), ("h", "Assessment"), ("p", v[2]), ("h", "Plan"), ("p", v[3]),
              ("note", f"Electronically signed by {c.name()} {fdate(d0, 'mdy')} {clock(r, True)}")]
    rh = r.choice([f"{p.caps()}   MRN {p.mrn}   DOB {fdate(p.dob, 'mdy')}", f"Patient: {p.full()} | DOB: {fdate(p.dob, 'iso')} | Acct: {p.acct}", f"{p.lfm()} ({p.age} y.o. {p.sex}) MRN: {p.mrn}"])
    return Doc("visit-note-running-header", r.choice(["Office Visit Note", "Progress Note", "Clinic Note"]), o, blocks, runhead=rh, rh_needed=True, twocol=r.random() < 0.3)

PHI_DOCS = [P_visit_note, P_lab, P_result_letter, P_referral, P_discharge, P_prior_auth, P_claim_question, P_eligibility, P_appt_reminder, P_refill, P_care_coord, P_billing_dispute, P_nolabel,
            P_spanish, P_cms1500, P_ub04, P_ssn_fix, P_mrn_merge, P_member_dob, P_transfer, P_anticoag, P_pathology, P_radiology, P_bh_note, P_well_child, P_dialysis, P_preop,
            P_formulary_exception, P_cob, P_roi, P_public_health, P_dme, P_hospice, P_wound]

# ================================================================== PHI interchange snippets
def ts(r, d=None, time=True):
    d = d or recent(r, 3)
    return f"{d:%Y%m%d}" + (f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}" if time else "")
RACE = ["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC", "2028-9^Asian^CDCREC", "1002-5^American Indian or Alaska Native^CDCREC", "2076-8^Native Hawaiian or Other Pacific Islander^CDCREC", "2131-1^Other Race^CDCREC"]
def race_of(p):
    if p.comm == "black" or p.comm == "nigerian" or p.comm == "somali": return RACE[1]
    if p.comm == "navajo": return RACE[3]
    if p.comm == "hawaiian": return RACE[4]
    if p.comm in ("vietnamese", "chinese", "southindian", "korean", "hmong", "filipino"): return RACE[2]
    if p.comm in HISPANIC: return RACE[5] if p.comm == "centroam" else RACE[0]
    return RACE[0]
def hl7_phone(p): d = re.sub(r"\D", "", p.phone)[-10:]; return f"^PRN^PH^^^{d[:3]}^{d[3:]}"
def msh(r, o, typ, app="EPIC"):
    return f"MSH|^~\\&|{app}|{re.sub('[^A-Z]', '', o.short.upper())[:6]}|{r.choice(['CLOVERLEAF', 'RHAPSODY', 'MIRTH', 'IGUANA'])}|{r.choice(['HIE', 'LIS', 'RIS', 'BILLING'])}|{ts(r)}||{typ}|{r.choice(['MSG', 'Q', ''])}{dg(r, 9)}|P|2.5.1"
def pid(r, p, o, ssn_in=True):
    ident = f"{p.mrn}^^^{re.sub('[^A-Z]', '', o.short.upper())[:6]}^MR" + (f"~{ssn_fmt(p, 'd')}^^^SSA^SS" if ssn_in and r.random() < 0.5 else "")
    return f"PID|1||{ident}||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}||{race_of(p)}|{p.addr1()}^^{p.city}^{p.state}^{p.zip}^USA||{hl7_phone(p)}|||{r.choice(['S', 'M', 'W', 'D'])}||{p.acct}"
def R_hl7_adt(r):
    o = org(r, ("hospital", "clinic", "urgent")); p = patient(r, 0, 95); c = Clin(r); ev = r.choice(["A01", "A03", "A04", "A08"]); dx = inpt_dx(r, p) if ev in ("A01", "A03") else dx_for(r, p)
    seg = [msh(r, o, f"ADT^{ev}^ADT_A01"), f"EVN|{ev}|{ts(r)}", pid(r, p, o),
           f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['4W', 'ED', 'ICU', '3S'])}^{r.randint(1, 40):02d}^{r.choice(['A', 'B', '01'])}^{re.sub('[^A-Z]', '', o.short.upper())[:6]}||||{c.npi}^{c.p.family.upper()}^{c.p.given.upper()}^^^^{c.cred.split(',')[0]}|||{r.choice(['MED', 'SUR', 'CAR', 'EM'])}||||||||{r.choice(['EM', 'EL', 'UR'])}|{p.fin}",
           f"DG1|1||{dx[0]}^{dx[1]}^I10|||{r.choice(['A', 'W', 'F'])}",
           f"IN1|1|{'MCR' if 'Medicare' in p.payer else 'MCD' if 'Medicaid' in p.payer else 'COM'}|{dg(r, 5)}|{p.payer}|||||{p.group}||||||{p.hl7()}|01|{p.dob:%Y%m%d}||||||||||||||||||{p.mbi.replace('-', '') if 'Medicare' in p.payer else p.member}"]
    intro = r.choice([f"The {ev} below is sitting in the error queue since {clock(r, True)} ({r.choice(['PV1-3 location not in table', 'PID-3 duplicate identifier', 'IN1-36 too long'])}). Can someone on the interface team look?",
                      "Here is the raw ADT for the registration that didn't cross to the ancillary system:", f"Message control ID from the engine log, {fdate(TODAY, 'mdy')}:"])
    return Doc("hl7-adt", f"ADT^{ev} interface message", o, [("p", intro), ("pre", "\n".join(seg)), ("p", r.choice(["Thanks.", "Resent after fix?", "Priority - patient is on the floor."]))])
def R_hl7_oru(r):
    o = org(r, ("lab", "hospital")); p = patient(r, 0, 95); c = Clin(r); panel = pick_labs(r, p); rows = lab_rows(r, panel); acc = accession(r)
    seg = [msh(r, o, "ORU^R01^ORU_R01", r.choice(["SUNQUEST", "BEAKER", "ORCHARD"])), pid(r, p, o, False), f"PV1|1|O|LAB||||{c.npi}^{c.p.family.upper()}^{c.p.given.upper()}",
           f"ORC|RE|{dg(r, 8)}|{acc}||CM", f"OBR|1|{dg(r, 8)}|{acc}|{panel.upper()}^{panel} panel^L|||{ts(r)}|||||||||{c.npi}^{c.p.family.upper()}^{c.p.given.upper()}||||||{ts(r)}|||F"]
    for i, x in enumerate(rows, 1): seg.append(f"OBX|{i}|NM|{x[5]}^{x[0]}^LN||{x[1]}|{x[3]}|{x[4]}|{x[2] or 'N'}|||F|||{ts(r)}")
    if r.random() < 0.4: seg.append(f"NTE|1||{r.choice(['Hemolyzed specimen, potassium may be falsely elevated.', 'Critical called to RN, read back.', 'Fasting status unknown.'])}")
    return Doc("hl7-oru", "ORU^R01 result message", o, [("p", r.choice(["Results message that failed to file to the chart - PID-3 not found in the EMPI:", "Raw ORU from the LIS for the lab you asked about:", "Sample from production to debug the OBX-8 flag mapping:"])),
                                                        ("pre", "\n".join(seg))])
def R_hl7_siu(r):
    o = org(r, ("clinic", "hospital", "imaging", "oncology")); p = patient(r, 1, 90); c = Clin(r); d = future(r, 1, 30); dx = dx_for(r, p)
    seg = [msh(r, o, "SIU^S12^SIU_S12"), f"SCH|{dg(r, 7)}|{dg(r, 7)}|||||{r.choice(['FOLLOWUP', 'NEWPT', 'PROCEDURE'])}^{r.choice(['Follow up', 'New patient', 'Procedure'])}|||{r.choice([20, 30, 40, 60])}|MIN|^^^{d:%Y%m%d}{r.randint(8, 16):02d}{r.choice(['00', '30'])}00",
           pid(r, p, o), f"PV1|1|O|{r.choice(['CARD', 'GI', 'ONC', 'MRI'])}^^^{re.sub('[^A-Z]', '', o.short.upper())[:6]}", f"DG1|1||{dx[0]}^{dx[1]}^I10", f"AIP|1||{c.npi}^{c.p.family.upper()}^{c.p.given.upper()}|ATTENDING"]
    return Doc("hl7-siu", "SIU^S12 scheduling message", o, [("p", "Scheduling feed message for the slot that double-booked:"), ("pre", "\n".join(seg))])
def isa(r, snd, rcv, gs):
    n = dg(r, 9)
    return [f"ISA*00*          *00*          *ZZ*{snd.ljust(15)}*ZZ*{rcv.ljust(15)}*{TODAY:%y%m%d}*{r.randint(0, 23):02d}{r.randint(0, 59):02d}*^*00501*{n}*0*P*:", f"GS*{gs}*{snd}*{rcv}*{TODAY:%Y%m%d}*{r.randint(6, 23):02d}{r.randint(0, 59):02d}*{int(n) % 10000}*X*005010"]
def R_x12_837(r):
    o = org(r, ("clinic", "billing", "fqhc")); p = patient(r, 1, 88); c = Clin(r); dx = dx_for(r, p); dx2 = dx_for(r, p); dos = recent(r, 30)
    amt = r.randint(95, 480)
    seg = isa(r, o.short.upper().replace(" ", "")[:12], "COBALTLANE", "HC") + ["ST*837*0001*005010X222A1", f"BHT*0019*00*{dg(r, 10)}*{TODAY:%Y%m%d}*{r.randint(6, 23):02d}{r.randint(0, 59):02d}*CH",
           f"NM1*85*2*{o.name.upper()}*****XX*{o.npi}", f"N3*{o.street.upper()}", f"N4*{o.city.upper()}*{o.state}*{o.zip}", f"REF*EI*{o.tin.replace('-', '')}",
           "HL*2*1*22*0", "SBR*P*18*******CI", f"NM1*IL*1*{p.family.upper()}*{p.given.upper()}*{p.mi()}***MI*{p.member}", f"N3*{p.addr1().upper()}", f"N4*{p.city.upper()}*{p.state}*{p.zip}",
           f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"NM1*PR*2*{p.payer.upper()}*****PI*{dg(r, 5)}", f"CLM*{p.acct}*{amt}***11:B:1*Y*A*Y*Y", f"HI*ABK:{dx[0].replace('.', '')}*ABF:{dx2[0].replace('.', '')}",
           f"NM1*82*1*{c.p.family.upper()}*{c.p.given.upper()}****XX*{c.npi}", "LX*1", f"SV1*HC:{r.choice(['99213', '99214', '99204'])}*{amt}*UN*1***1", f"DTP*472*D8*{dos:%Y%m%d}", "SE*24*0001", "GE*1*1", "IEA*1*000000001"]
    return Doc("x12-837", "837P claim file", o, [("p", r.choice(["Clearinghouse rejected this claim (2010BA NM109 invalid). Raw segments below:", "The 837 we sent for this patient - payer says they never got it:", "837P excerpt for ticket:"])),
                                                 ("pre", "~\n".join(seg) + "~")])
def R_x12_835(r):
    o = org(r, ("payer",)); prov = org(r, ("clinic", "hospital", "billing")); pts = [patient(r, 1, 90) for _ in range(r.randint(2, 3))]
    seg = isa(r, o.short.upper().replace(" ", "")[:12], prov.short.upper().replace(" ", "")[:12], "HP") + ["ST*835*1001", f"BPR*I*{r.randint(200, 9000)}.00*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}*{dg(r, 10)}**01*{dg(r, 9)}*DA*{dg(r, 8)}*{TODAY:%Y%m%d}",
           f"TRN*1*{dg(r, 12)}*1{o.tin.replace('-', '')}", f"N1*PR*{o.name.upper()}", f"N1*PE*{prov.name.upper()}*XX*{prov.npi}"]
    for p in pts:
        billed = r.randint(120, 2400); paid = round(billed * r.uniform(0, 0.7), 2); cpt = r.choice(CPT)
        seg += [f"CLP*{p.acct}*{r.choice(['1', '1', '4', '22'])}*{billed}*{paid}*{round(billed * 0.1, 2)}*12*{claimno(r)}*11*1", f"NM1*QC*1*{p.family.upper()}*{p.given.upper()}*{p.mi()}***MI*{p.member}",
                f"DTM*232*{recent(r, 60):%Y%m%d}", f"SVC*HC:{cpt[0]}*{billed}*{paid}**1", f"CAS*{r.choice(['CO', 'PR'])}*{r.choice(['45', '197', '16', '1', '2', '50'])}*{round(billed - paid, 2)}"]
    seg += ["SE*20*1001", "GE*1*1", "IEA*1*000000001"]
    return Doc("x12-835", "835 remittance", o, [("p", r.choice(["ERA for check/EFT below - the CLP for the second patient posted to the wrong account:", "835 segments as received:", "Remit detail for your reconciliation:"])), ("pre", "~\n".join(seg) + "~")])
def R_x12_270(r):
    prov = org(r, CARE); o = org(r, ("payer",)); CUR["state"] = prov.state; p = patient(r, 1, 88)
    seg = isa(r, prov.short.upper().replace(" ", "")[:12], o.short.upper().replace(" ", "")[:12], "HS") + ["ST*270*0001*005010X279A1", f"BHT*0022*13*{dg(r, 10)}*{TODAY:%Y%m%d}*{r.randint(6, 23):02d}{r.randint(0, 59):02d}",
           "HL*1**20*1", f"NM1*PR*2*{o.name.upper()}*****PI*{dg(r, 5)}", "HL*2*1*21*1", f"NM1*1P*2*{prov.name.upper()}*****XX*{prov.npi}", "HL*3*2*22*0", f"TRN*1*{dg(r, 10)}*9{dg(r, 9)}",
           f"NM1*IL*1*{p.family.upper()}*{p.given.upper()}*{p.mi()}***MI*{p.member}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"DTP*291*D8*{future(r, 0, 10):%Y%m%d}",
           f"EQ*{r.choice(['30', '47', 'MH', 'AL', '33'])}", "SE*13*0001", "GE*1*1", "IEA*1*000000001"]
    return Doc("x12-270", "270 eligibility inquiry", prov, [("p", r.choice(["This 270 keeps timing out at the clearinghouse (AAA*Y**42). Raw inquiry below - patient is scheduled for tomorrow:", "Inquiry we sent for the behavioral health benefit (EQ*MH):"])), ("pre", "~\n".join(seg) + "~")])
def R_x12_271(r):
    o = org(r, ("payer",)); p = patient(r, 1, 88); prov = org(r, CARE)
    seg = isa(r, o.short.upper().replace(" ", "")[:12], prov.short.upper().replace(" ", "")[:12], "HB") + ["ST*271*0001*005010X279A1", f"BHT*0022*11*{dg(r, 10)}*{TODAY:%Y%m%d}*{r.randint(6, 23):02d}{r.randint(0, 59):02d}",
           "HL*1**20*1", f"NM1*PR*2*{o.name.upper()}*****PI*{dg(r, 5)}", "HL*2*1*21*1", f"NM1*1P*2*{prov.name.upper()}*****XX*{prov.npi}", "HL*3*2*22*0", f"TRN*2*{dg(r, 10)}*9{dg(r, 9)}",
           f"NM1*IL*1*{p.family.upper()}*{p.given.upper()}*{p.mi()}***MI*{p.member}", f"N3*{p.addr1().upper()}", f"N4*{p.city.upper()}*{p.state}*{p.zip}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}",
           f"DTP*346*D8*{recent(r, 700, 30):%Y%m%d}", f"EB*1*IND*30**{r.choice(['PPO', 'HMO', 'HN'])}*{r.choice(['GOLD 1500', 'SILVER HSA', 'CHOICE PLUS'])}", f"EB*C*IND*30***23*{r.choice([1500, 3000, 500])}",
           f"EB*B*IND*98***27*{r.choice([25, 30, 40])}", f"MSG*{r.choice(['PRIOR AUTH REQUIRED FOR ADVANCED IMAGING', 'MEMBER HAS OTHER COVERAGE ON FILE', 'PCP ON FILE'])}", "SE*18*0001", "GE*1*1", "IEA*1*000000001"]
    return Doc("x12-271", "271 eligibility response", o, [("p", r.choice(["271 back from the payer for tomorrow's patient - says active but front desk got a termed message:", "Eligibility response (raw):"])), ("pre", "~\n".join(seg) + "~")])
def R_fhir_json(r):
    o = org(r, ("hospital", "clinic", "fqhc")); p = patient(r, 0, 92); dx = dx_for(r, p)
    pat = {"resourceType": "Patient", "id": dg(r, 6), "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": p.mrn}],
           "name": [{"use": "official", "family": p.family, "given": [p.given] + ([p.middle] if p.middle else [])}], "gender": {"F": "female", "M": "male"}[p.sex], "birthDate": p.dob.isoformat(),
           "address": [{"line": [p.addr1()], "city": p.city, "state": p.state, "postalCode": p.zip}], "telecom": [{"system": "phone", "value": p.phone}]}
    if r.random() < 0.4: pat["identifier"].append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": ssn_fmt(p, "d")})
    cond = {"resourceType": "Condition", "id": dg(r, 6), "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dx[0], "display": dx[1]}]}, "subject": {"reference": f"Patient/{pat['id']}"}, "onsetDateTime": recent(r, 900, 0).isoformat()}
    b = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": pat}, {"resource": cond}]}
    return Doc("fhir-json", "FHIR Bundle", o, [("p", r.choice(["Payload from the failed $import call (422 from the server):", "FHIR bundle the app posted - note the duplicated identifier:", "Here's what the API returned for the patient in question:"])),
                                               ("pre", json.dumps(b, indent=2, ensure_ascii=False))])
def R_fhir_obs(r):
    o = org(r, ("lab", "hospital", "clinic")); p = patient(r, 0, 92); x = r.choice(lab_rows(r, pick_labs(r, p)))
    obs = {"resourceType": "Observation", "id": dg(r, 7), "status": "final", "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
           "code": {"coding": [{"system": "http://loinc.org", "code": x[5], "display": x[0]}]}, "subject": {"reference": f"Patient/{dg(r, 6)}", "display": p.plain()},
           "effectiveDateTime": f"{recent(r, 5).isoformat()}T{r.randint(6, 12):02d}:{r.randint(0, 59):02d}:00-06:00", "valueQuantity": {"value": float(x[1]), "unit": x[3], "system": "http://unitsofmeasure.org"},
           "interpretation": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": x[2] or "N"}]}],
           "contained": [{"resourceType": "Patient", "id": "p1", "identifier": [{"type": {"text": "MRN"}, "value": p.mrn}], "birthDate": p.dob.isoformat(), "gender": {"F": "female", "M": "male"}[p.sex]}]}
    return Doc("fhir-observation", "FHIR Observation", o, [("p", "Observation resource from the results API (subject display + contained patient):"), ("pre", json.dumps(obs, indent=1, ensure_ascii=False))])
def R_fhir_xml(r):
    o = org(r, ("hospital", "clinic")); p = patient(r, 0, 92); x = r.choice(lab_rows(r, "Diabetes"))
    X = lambda s: hx(str(s), quote=True)
    xml = f"""<Patient xmlns="http://hl7.org/fhir">
  <id value="{dg(r, 6)}"/>
  <identifier><type><text value="MRN"/></type><value value="{X(p.mrn)}"/></identifier>
  <name><family value="{X(p.family)}"/><given value="{X(p.given)}"/></name>
  <telecom><system value="phone"/><value value="{X(p.phone)}"/></telecom>
  <gender value="{ {'F': 'female', 'M': 'male'}[p.sex] }"/>
  <birthDate value="{p.dob.isoformat()}"/>
  <address><line value="{X(p.addr1())}"/><city value="{X(p.city)}"/><state value="{p.state}"/><postalCode value="{p.zip}"/></address>
</Patient>
<Observation xmlns="http://hl7.org/fhir">
  <status value="final"/>
  <code><coding><system value="http://loinc.org"/><code value="{x[5]}"/><display value="{X(x[0])}"/></coding></code>
  <subject><reference value="Patient/{dg(r, 6)}"/><display value="{X(p.plain())}"/></subject>
  <effectiveDateTime value="{recent(r, 10).isoformat()}"/>
  <valueQuantity><value value="{x[1]}"/><unit value="{x[3]}"/></valueQuantity>
</Observation>"""
    return Doc("fhir-xml", "FHIR XML resources", o, [("p", r.choice(["XML from the legacy portal export (Patient + latest Observation):", "These two resources came across in the nightly file:"])), ("pre", xml)])
PHI_RAW = [R_hl7_adt, R_hl7_oru, R_hl7_siu, R_x12_837, R_x12_835, R_x12_270, R_x12_271, R_fhir_json, R_fhir_obs, R_fhir_xml]

# ================================================================== PHI patient lists
INPT = {"I50.32", "J44.1", "J18.9", "N17.9", "A41.9", "J96.01", "I21.4", "I63.9", "L03.115", "S72.001A", "K35.80", "N39.0", "E11.65", "I48.91", "U07.1", "G40.909", "F10.20", "D64.9"}
def two_dx(r, p):
    a = dx_for(r, p)
    for _ in range(10):
        b = dx_for(r, p)
        if b[0][:3] != a[0][:3]: return a, b
    return a, b
def inpt_dx(r, p):
    pool = [d for d in DX if d[0] in INPT]
    if p.age < 18: pool = [d for d in pool if d[0] in CHILD_OK] or [("J45.909", "Unspecified asthma, uncomplicated")]
    return r.choice(pool)
def pts(r, n, a=1, b=92, **kw): return [patient(r, a, b, **kw) for _ in range(n)]
def nmf(r):
    st = r.randrange(4)
    return lambda p: [p.lfm(), p.caps(), p.plain(), p.full()][st]
def L_census(r):
    o = org(r, ("hospital",)); ps = pts(r, r.randint(9, 14), 20, 96); nm = nmf(r); unit = r.choice(["4 West Med/Surg", "3 South Telemetry", "ICU", "5 North Ortho", "2 East Oncology"])
    rows = [[f"{r.choice(['4', '3', '5', '2'])}{r.randint(1, 30):02d}-{r.choice('AB')}", nm(p), p.mrn, f"{p.age}{p.sex}", recent(r, 9), Clin(r, "MD").p.family, inpt_dx(r, p)[1],
             (r.choice(["Full", "DNR", "DNR/DNI", "Full", "Comfort"]) if p.age > 70 else r.choice(["Full", "Full", "Full", "Full", "DNR"])), r.choice(["", "", "Contact", "Droplet", "", "C. diff"])] for p in ps]
    return Doc("census", f"Midnight Census - {unit}", o, [("p", f"Census as of {fdate(TODAY, 'mdy')} 23:59. Do not forward outside the care team."),
               ("t", ["Room", "Patient", "MRN", "Age/Sex", "Admit Date", "Attending", "Diagnosis", "Code Status", "Isolation"], rows, {"group": [("Location", 1), ("Patient", 3), ("Stay", 2), ("Clinical", 3)] if r.random() < 0.5 else None, "sheet": "Census"})], land=True)
def L_bedreq(r):
    o = org(r, ("hospital",)); ps = pts(r, r.randint(6, 11), 18, 94); nm = nmf(r)
    rows = [[dtm.datetime.combine(TODAY, dtm.time(r.randint(0, 23), r.randint(0, 59))), nm(p), p.dob, p.mrn, r.choice(["CHF exac", "PNA", "Sepsis/UTI", "NSTEMI", "COPD", "SBO", "DKA", "AMS", "Syncope", "Cellulitis"]),
             r.choice(["Tele", "Med/Surg", "ICU", "Step-down"]), r.choice(["", "", "Contact", "Airborne", "Droplet"]), Clin(r, "MD").p.family] for p in ps]
    return Doc("bed-request", "ED Boarders / Bed Requests", o, [("t", ["Request Time", "Patient", "DOB", "MRN", "Admit Dx", "Bed Type", "Isolation", "Accepting"], rows, {"sheet": "Bed Requests"})], land=True)
def L_noshow(r):
    o = org(r, ("clinic", "fqhc", "peds", "bh", "dental")); ps = pts(r, r.randint(8, 15), 2, 88); nm = nmf(r)
    rows = [[recent(r, 7), clock(r, False), nm(p), p.dob, p.mrn, p.phone, Clin(r).p.family, r.choice(["Follow-up", "New Pt", "Annual", "Post-op", "Med check", "Therapy"]), r.choice(["No Show", "No Show", "Late Cancel"])] for p in ps]
    return Doc("no-show", "No-Show Report", o, [("p", f"Week ending {fdate(TODAY, 'mdy')}. Please call to reschedule and document outreach."),
               ("t", ["Appt Date", "Time", "Patient", "DOB", "MRN", "Phone", "Provider", "Visit Type", "Status"], rows, {})], land=True)
def L_schedule(r):
    o = org(r, ("clinic", "fqhc", "urgent", "oncology")); ps = pts(r, r.randint(8, 14), 1, 90); nm = nmf(r); c = Clin(r); d = future(r, 1, 3)
    rows = [[f"{8 + i // 2}:{'00' if i % 2 == 0 else '30'}", nm(p), p.dob, r.choice(["Well child", "Asthma f/u", "Ear pain", "Rash", "ADHD med check", "Sports physical"] if p.age < 18 else
             ["HTN f/u", "DM check, A1c", "Knee pain", "Depression f/u", "Rash", "Prenatal 28 wk" if p.sex == "F" and 18 <= p.age < 42 else "BP check", "Chemo C3D1" if o.kind == "oncology" else "Med refill", "Cough x3 wk"]),
             p.payer, r.choice(["$0", "$25", "$40", "Self-pay"])] for i, p in enumerate(ps)]
    return Doc("appointment-schedule", f"Clinic Schedule {fdate(d, 'mdy')} - {c.name()}", o, [("t", ["Time", "Patient", "DOB", "Reason", "Insurance", "Copay"], rows, {})])
def L_pending(r):
    o = org(r, ("clinic", "hospital", "fqhc", "lab")); ps = pts(r, r.randint(8, 14), 1, 90); nm = nmf(r)
    rows = [[nm(p), p.dob, p.mrn, r.choice(["Hep C RNA", "Pap/HPV", "Culture, urine", "TSH", "PSA" if p.sex == "M" else "hCG quant", "Biopsy", "HIV-1/2 Ag/Ab", "Lipid panel"]), recent(r, 10),
             r.choice(["Pending", "Resulted - abnormal", "Resulted - needs review", "Send-out"]), Clin(r).p.family] for p in ps]
    return Doc("pending-results", "Pending / Unacknowledged Results", o, [("t", ["Patient", "DOB", "MRN", "Test", "Collected", "Status", "Ordering"], rows, {})])
def L_refills(r):
    o = org(r, ("pharmacy",)); ps = pts(r, r.randint(8, 14), 12, 90); nm = nmf(r)
    rows = []
    for p in ps:
        dr_ = r.choice(DRUGS)[0]
        rows.append([rxno(r), nm(p), p.dob, dr_, ndc(r), r.choice([30, 60, 90]), Clin(r).p.family, recent(r, 4), r.choice(["Sent to MD", "Approved", "Denied - needs appt", "Pending PA", "Sent to MD"])])
    return Doc("refill-queue", "Refill Request Queue", o, [("t", ["Rx #", "Patient", "DOB", "Drug", "NDC", "Qty", "Prescriber", "Requested", "Status"], rows, {"group": [("Prescription", 1), ("Patient", 2), ("Medication", 3), ("Workflow", 3)] if r.random() < 0.4 else None})], land=True)
def L_denials(r):
    o = org(r, ("billing", "hospital", "clinic")); ps = pts(r, r.randint(8, 14), 1, 90); nm = nmf(r)
    rows = [[claimno(r), nm(p), p.acct, recent(r, 120, 10), r.choice(CPT)[0], Money(r.randint(90, 5400)), r.choice(["CO-197", "CO-16", "CO-50", "PR-204", "CO-22", "CO-29", "CO-4"]), r.choice(PAYERS), r.choice(["Appeal", "Resubmit corrected", "Bill secondary", "Get auth retro", "Write off"])] for p in ps]
    return Doc("denials", "Denials Work Queue", o, [("t", ["Claim #", "Patient", "Acct #", "DOS", "CPT", "Billed", "CARC", "Payer", "Next Step"], rows, {})], land=True)
def L_elig(r):
    o = org(r, ("clinic", "dental", "billing", "imaging")); ps = pts(r, r.randint(8, 14), 1, 88)
    rows = [[p.member, p.family, p.given, p.dob, p.payer, r.choice(["Active", "Active", "Active", "Inactive", "Not found"]), r.choice(["$20", "$35", "$0", "20%"]), r.choice([None, None, recent(r, 90)])] for p in ps]
    return Doc("eligibility-batch", "Batch Eligibility Results", o, [("t", ["Member ID", "Last Name", "First Name", "DOB", "Payer", "Status", "Copay", "Term Date"], rows, {})])
def L_registry(r):
    o = org(r, ("clinic", "fqhc")); ps = pts(r, r.randint(9, 15), 30, 85); nm = nmf(r)
    rows = [[nm(p), p.mrn, p.dob, round(r.uniform(6.1, 12.4), 1), recent(r, 300), f"{r.randint(112, 178)}/{r.randint(62, 100)}", r.choice([recent(r, 500), None]), Clin(r).p.family] for p in ps]
    return Doc("diabetes-registry", "Diabetes Registry - A1c > 9 Outreach", o, [("t", ["Patient", "MRN", "DOB", "Last A1c", "A1c Date", "Last BP", "Eye Exam", "PCP"], rows, {"group": [("Patient", 3), ("Control", 3), ("Care", 2)] if r.random() < 0.5 else None})])
def L_es(r):
    o = org(r, ("fqhc", "peds", "clinic")); ps = pts(r, r.randint(8, 13), 1, 80, comm=r.choice(sorted(HISPANIC)))
    rows = [[p.full(), p.dob, p.medicaid, p.phone, r.choice(["Vacunas", "Control de diabetes", "Resultados de laboratorio", "Control prenatal" if p.sex == "F" and 18 < p.age < 42 else "Presión alta", "Cita de seguimiento"]), future(r, 1, 20)] for p in ps]
    return Doc("spanish-list", "Lista de llamadas - confirmar citas", o, [("t", ["Paciente", "Fecha de nacimiento", "Número de afiliado", "Teléfono", "Motivo", "Cita"], rows, {})], lang="es")
def L_postdc(r):
    o = org(r, ("hospital", "payer", "clinic")); ps = pts(r, r.randint(8, 13), 30, 95); nm = nmf(r)
    rows = [[nm(p), p.mrn, recent(r, 5), r.choice(["CHF", "COPD", "PNA", "Hip fx", "Sepsis", "AMI", "Stroke"]), p.phone, r.choice(["Y", "Y", "N"]), r.choice(["Doing well", "No answer x2", "Needs meds", "Readmitted", "Has f/u appt", "Left VM"])] for p in ps]
    return Doc("post-discharge-calls", "Post-Discharge Call List", o, [("t", ["Patient", "MRN", "Discharged", "Dx", "Phone", "Reached", "Outcome"], rows, {})])
def L_vax(r):
    o = org(r, ("peds", "fqhc")); ps = pts(r, r.randint(8, 14), 0, 12)
    rows = []
    for p in ps:
        par = Person(r, 20, 50, comm=p.comm)
        rows.append([p.full(), p.dob, f"{par.given} {p.family if r.random() < 0.7 else par.family}", par.phone, r.choice(["MMR #2", "DTaP #4", "Tdap/HPV/MenACWY", "Hep A #2", "Flu", "PCV20 #4"]), future(r, -20, 30)])
    return Doc("vaccines-due", "Overdue Immunizations", o, [("t", ["Child", "DOB", "Parent/Guardian", "Phone", "Vaccine Due", "Due Date"], rows, {})])
def L_chairs(r):
    o = org(r, ("dialysis",)); ps = pts(r, r.randint(8, 12), 40, 90)
    rows = [[f"{r.randint(1, 18):02d}", r.choice(["MWF 1", "MWF 2", "TTS 1", "TTS 2"]), p.lfm(), p.mbi, p.dob, f"{r.uniform(52, 120):.1f}", r.choice(["L AVF", "R AVG", "TDC"]), r.choice(["", "hypotensive", "Hgb 8.9", "missed last tx", ""])] for p in ps]
    return Doc("dialysis-schedule", "Chair Assignments", o, [("t", ["Chair", "Shift", "Patient", "MBI", "DOB", "Dry Wt (kg)", "Access", "Notes"], rows, {})])
def L_collections(r):
    o = org(r, ("billing", "hospital")); ps = pts(r, r.randint(8, 13), 18, 85)
    rows = [[p.acct, p.caps(), ssn_fmt(p, r.choice(["d", "n"])), p.dob, recent(r, 500, 120), r.choice(["ED", "OP surgery", "Ambulance", "Inpatient", "Imaging"]), Money(r.randint(120, 14800)), r.choice([None, recent(r, 300, 100)])] for p in ps]
    return Doc("collections-placement", "Bad Debt Placement File", o, [("p", "Accounts placed with agency 12/2026. Balances after insurance and financial assistance screening."),
               ("t", ["Account", "Guarantor", "SSN", "DOB", "DOS", "Service", "Balance", "Last Pmt"], rows, {})], land=True)
def L_palog(r):
    o = org(r, ("clinic", "imaging", "oncology", "payer")); ps = pts(r, r.randint(8, 13), 5, 88); nm = nmf(r)
    rows = [[authno(r), nm(p), p.member, p.dob, r.choice(["MRI L-spine", "CT chest", "PET/CT", "Humira", "Sleep study", "PT 12 visits", "Keytruda C4", "Botox"]), recent(r, 20), r.choice(["Approved", "Pending", "Denied", "Peer-to-peer"]), future(r, 30, 180)] for p in ps]
    return Doc("prior-auth-log", "Prior Authorization Log", o, [("t", ["Auth #", "Member", "Member ID", "DOB", "Service", "Submitted", "Status", "Expires"], rows, {})], land=True)
def L_gaps(r):
    o = org(r, ("payer", "clinic")); ps = pts(r, r.randint(8, 14), 66, 90)
    rows = [[p.mbi, p.lfm(), p.dob, r.choice(["Colorectal screening", "Breast cancer screening" if p.sex == "F" else "Statin therapy (SPC)", "Diabetes eye exam", "Controlling BP", "Osteoporosis mgmt" if p.sex == "F" else "Kidney health eval"]), r.choice([None, recent(r, 900, 400)]), Clin(r).p.family] for p in ps]
    return Doc("care-gaps", "HEDIS Open Gaps - Medicare Advantage", o, [("t", ["MBI", "Member", "DOB", "Measure", "Last Done", "PCP"], rows, {})])
def L_or(r):
    o = org(r, ("hospital",)); ps = pts(r, r.randint(7, 11), 16, 90); nm = nmf(r); d = future(r, 1, 3)
    rows = [[d, f"OR {r.randint(1, 8)}", f"{7 + i}:{r.choice(['00', '30'])}", nm(p), p.mrn, p.dob, r.choice(["Lap chole", "R TKA", "L THA", "Lap appy", "ORIF wrist", "Cysto/stent", "C-section" if p.sex == "F" and p.age < 42 else "Hernia repair", "CABG x3"]),
             Clin(r, "MD").p.family, r.choice(["GA", "MAC", "Spinal"])] for i, p in enumerate(ps)]
    return Doc("or-schedule", f"OR Schedule {fdate(d, 'mdy')}", o, [("t", ["Date", "Room", "Start", "Patient", "MRN", "DOB", "Procedure", "Surgeon", "Anesthesia"], rows, {})], land=True)
PHI_LISTS = [L_census, L_bedreq, L_noshow, L_schedule, L_pending, L_refills, L_denials, L_elig, L_registry, L_es, L_postdc, L_vax, L_chairs, L_collections, L_palog, L_gaps, L_or]

# ================================================================== clean documents (hard look-alikes)
def who(r, st=None): s = staffer(r, st); return s, f"{s.given} {s.family}"
TOPICS = [("RSV season is here", "Respiratory syncytial virus (RSV) cases are rising across the region. Adults 75 and older and infants under 8 months are at highest risk. Nirsevimab is available for eligible infants; RSV vaccine is recommended for adults 75+ and adults 60-74 at increased risk.",
           ["Use droplet precautions for symptomatic patients.", "Offer RSV vaccine at every visit for eligible adults.", "Code RSV bronchiolitis as J21.0 and RSV pneumonia as J12.1."]),
          ("March is Colorectal Cancer Awareness Month", "Screening now starts at age 45. Our health system's screening rate among eligible adults is 68%, below the national goal of 80%. FIT kits can be mailed directly.",
           ["Ask every patient 45-75 about screening.", "FIT-DNA positives need a colonoscopy within 6 months.", "Use Z12.11 for screening colonoscopy."]),
          ("Heat illness: know the signs", "Last summer the region recorded its hottest July on record. Emergency departments saw a 40% increase in heat-related visits, mostly among outdoor workers and older adults living alone.",
           ["Cooling centers open at 11 a.m. when the heat index tops 103.", "Review medication lists for diuretics and anticholinergics.", "Hydration stations are in each lobby."]),
          ("Sepsis: every hour counts", "Sepsis remains a leading cause of in-hospital death. Our SEP-1 bundle compliance rose from 58% to 71% this year.",
           ["Draw lactate and blood cultures before antibiotics.", "30 mL/kg crystalloid for hypotension or lactate >= 4.", "Reassess volume status within 6 hours."]),
          ("Blood pressure: measure it right", "A single wrong cuff size can shift a reading by 10 mmHg. Staff competency checks start next month.",
           ["Patient seated 5 minutes, feet flat, arm supported.", "Repeat if the first reading is >= 140/90.", "Document I10 only after confirmed elevated readings."]),
          ("Hepatitis C: test once, treat all", "The CDC recommends one-time hepatitis C screening for all adults 18 and older and for every pregnancy. Treatment cures more than 95% of infections in 8-12 weeks.",
           ["Order HCV antibody with reflex to RNA.", "Refer positive results to the GI/ID clinic.", "Medicaid no longer requires sobriety for treatment."])]
def C_newsletter(r):
    o = org(r); t = r.choice(TOPICS); s, sn = who(r); c = Clin(r)
    blocks = [("p", f"{o.short} {r.choice(['Clinical Connections', 'Care Notes', 'Staff Bulletin', 'Quality Corner'])} - {MON[TODAY.month - 1]} {TODAY.year}"), ("h", t[0]), ("p", t[1]),
              ("p", f"\"{r.choice(['We can do better, and small habits make the difference', 'This is about getting the basics right every time', 'Our teams have already made great progress'])},\" said {c.name()}, {r.choice(['Chief Medical Officer', 'medical director', 'infection prevention physician lead'])}."),
              ("h", "What you can do"), ("p", " ".join(f"({i}) {x}" for i, x in enumerate(t[2], 1))),
              ("note", f"Questions? Contact {sn}, {r.choice(['Quality', 'Education', 'Population Health'])} Department, ext. {r.randint(2000, 7999)}.")]
    return Doc("newsletter", t[0], o, blocks, twocol=r.random() < 0.5)
def C_deid_stats(r):
    o = org(r, ("hospital", "payer", "fqhc")); q = r.choice(["Q1", "Q2", "Q3"])
    rows = [[band, *(r.choice([str(r.randint(11, 240)), "<11"]) for _ in range(4))] for band in ["0-17", "18-44", "45-64", "65-74", "75+"]]
    blocks = [("p", f"De-identified summary, {q} {TODAY.year}. Counts under 11 are suppressed per our data release policy; no patient-level data are included."),
              ("t", ["Age band", "Diabetes (E11.x)", "Hypertension (I10)", "Asthma (J45.x)", "Depression (F32/F33)"], rows, {}),
              ("p", f"Source: {o.system} data warehouse, encounters {q} {TODAY.year}. Prepared by Decision Support.")]
    return Doc("deidentified-stats", f"Chronic Condition Prevalence {q}", o, blocks)
def C_vendor_order(r):
    v = r.choice(VENDORS[:1] + VENDORS[2:3]); o = org(r, ("hospital", "clinic", "dental", "urgent")); po = f"PO{dg(r, 7)}"
    items = r.sample([("Catheter, IV 20G x 1in", "381534"), ("Suture, 3-0 Vicryl SH", "J416H"), ("Glove, nitrile exam L", "NGX-L200"), ("Trocar 5mm bladeless", "B5LT"), ("Electrode, ECG foam", "2560-50"),
                      ("Wound dressing, foam 4x4", "MSC2344"), ("Syringe 10 mL luer-lock", "302995"), ("Blood culture bottle, aerobic", "442023")], 4)
    rows = [[ref, desc, f"{r.choice('ABCDHKLMNPRSTW')}{dg(r, 6)}", D(2027 + r.randint(0, 2), r.randint(1, 12), 1), r.choice([2, 5, 10, 20]), Money(r.uniform(12, 480))] for desc, ref in items]
    blocks = [("p", f"Thank you for your order. Sales order SO-{dg(r, 8)} has shipped."), ("kv", [("PO #", po), ("Ship to", f"{o.name}, Receiving Dock, {o.street}"), ("Account #", f"C{dg(r, 6)}"), ("Carrier", f"{r.choice(['UPS', 'FedEx Ground'])} {r.choice(['1Z', '7'])}{dg(r, 14)}")]),
              ("t", ["REF / Catalog #", "Description", "Lot", "Expiry", "Qty (cs)", "Unit Price"], rows, {}), ("p", f"Customer care: {v.phone} | orders@{v.dom}")]
    return Doc("vendor-order", "Order Confirmation", v, blocks)
def C_invoice(r):
    v = r.choice(VENDORS); o = org(r); inv = f"INV-{dg(r, 6)}"
    rows = [[x, r.randint(1, 40), Money(r.uniform(20, 2400))] for x in r.sample(["Preventive maintenance visit", "Managed services - monthly", "Scanning services (boxes)", "Agency RN hours", "Network switch replacement", "Shredding bins", "Courier runs"], 3)]
    blocks = [("kv", [("Invoice #", inv), ("Invoice date", fdate(recent(r, 10), "mdy")), ("PO #", f"{dg(r, 8)}"), ("Bill to", f"{o.name} - Accounts Payable"), ("Terms", "Net 30"), ("Vendor Tax ID", v.tin)]),
              ("t", ["Description", "Qty", "Amount"], rows, {}), ("p", f"Remit to: {v.name}, {v.addr()}. ACH details on file. Questions: ar@{v.dom}")]
    return Doc("invoice", "Invoice", v, blocks)
def C_gym(r):
    o = org(r); s, sn = who(r)
    blocks = [("p", f"Hi {s.given},"), ("p", f"Welcome to the {o.short} employee wellness program! Your discounted membership at {r.choice(['Summit Athletic Club', 'Riverbend Fitness', 'IronWorks Gym'])} is active."),
              ("kv", [("Member name", sn), ("Membership #", f"{r.choice(['SAC', 'RBF', 'IWG'])}-{dg(r, 7)}"), ("Employee ID", f"E{dg(r, 6)}"), ("Start date", fdate(future(r, 1, 10), "mdy")), ("Payroll deduction", "$18.50 per pay period")]),
              ("p", "Show your badge at the front desk the first time. Wellness points post to your benefits portal within 2 weeks.")]
    return Doc("gym-membership", "Wellness membership confirmation", o, blocks)
def C_fleet(r):
    o = org(r, ("homehealth", "lab", "hospital", "pharmacy")); carrier = r.choice(["Great Plains Mutual Auto", "Keystone Casualty", "Harbor Commercial Insurance"])
    rows = [[f"{r.choice([2021, 2022, 2023, 2024])} {r.choice(['Ford Transit Connect', 'Toyota Corolla', 'Chevrolet Express', 'Honda Civic'])}", f"1FT{''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ0123456789') for _ in range(14))}", f"{r.choice(['HHA', 'LAB', 'CRR'])}-{r.randint(1, 40):02d}", f"{r.choice('ABCDEFGHJ')}{r.choice('KLMNPRST')}{dg(r, 4)}"] for _ in range(r.randint(3, 6))]
    blocks = [("p", f"Renewal summary for commercial auto policy CA-{dg(r, 8)} ({carrier}), term {fdate(D(TODAY.year + 1, 1, 1), 'mdy')} - {fdate(D(TODAY.year + 1, 12, 31), 'mdy')}."),
              ("t", ["Vehicle", "VIN", "Unit #", "Plate"], rows, {}), ("p", "Insurance ID cards for each vehicle are attached. Keep them in the glove box. Report any accident to Risk Management within 24 hours.")]
    return Doc("fleet-insurance", "Fleet auto insurance renewal", o, blocks)
def C_it_ticket(r):
    o = org(r); s, sn = who(r); t, tn = who(r); inc = f"INC{dg(r, 7)}"
    issue = r.choice([("Wristband printer on 3 West prints blank labels", "Replaced the ribbon and re-ran the test print (TEST, PATIENT / MRN 000000). Printing fine now."),
                      ("Cannot log in to Citrix from home", "Reset MFA token; user confirmed access."), ("Scanner at front desk sends to wrong folder", "Updated scan profile to \\\\fileserver\\scans\\frontdesk."),
                      ("Dictation app crashes on launch", "Reinstalled client v12.4; cleared cache."), ("Badge reader at ED ambulance bay offline", "Facilities replaced the reader; door access restored at 14:10.")])
    blocks = [("kv", [("Incident", inc), ("Opened by", sn), ("Assigned to", f"{tn} ({r.choice(['Service Desk', 'Field Services', 'Clinical Apps'])})"), ("Priority", r.choice(["P3", "P2", "P4"])), ("Location", r.choice(["3 West nurses station", "Main lobby", "Billing, 2nd floor", "ED triage"])), ("Status", "Resolved")]),
              ("h", "Description"), ("p", issue[0] + "."), ("h", "Resolution"), ("p", issue[1]), ("p", f"If the issue comes back, reply to this e-mail with {inc} in the subject.")]
    return Doc("it-ticket", f"{inc} resolved", o, blocks)
def C_mbi_training(r):
    o = org(r); s, sn = who(r)
    blocks = [("p", "Reminder for registration and billing staff on the Medicare Beneficiary Identifier (MBI)."),
              ("kv", [("Format", "11 characters: 1AA1-AA1-AA11 (dashes are for display only, never enter them)"), ("CMS example", "1EG4-TE5-MK73"), ("Position 1", "numeric 1-9"), ("Positions 2, 5, 8, 9", "letters only (no S, L, O, I, B, Z)"),
                      ("Positions 4, 7, 10, 11", "numeric 0-9"), ("Positions 3, 6", "letter or number")]),
              ("p", "The example above is published by CMS and belongs to no one. Do not type it into a live registration to 'test' eligibility. If a patient only has an old red-white-and-blue card with an SSN-based number, use the MBI look-up tool in the MAC portal."),
              ("sig", [sn, "Revenue Cycle Education", o.name])]
    return Doc("training-mbi", "MBI quick reference", o, blocks)
def C_ssn_training(r):
    o = org(r); s, sn = who(r)
    blocks = [("p", "This month's privacy tip: Social Security numbers in e-mail."),
              ("p", "Never send a full SSN in e-mail, even internally. In training materials we only use numbers that can never be issued: for example 123-45-6789, the famous wallet-card number 078-05-1120, or the advertising range 987-65-4320 through 987-65-4329."),
              ("t", ["Example", "Why it is safe to show"], [["123-45-6789", "Well-known sample; SSA has voided it"], ["078-05-1120", "Printed on sample wallet cards in 1938; voided"], ["987-65-4321", "Reserved for advertising"], ["000-12-3456", "Area 000 is never issued"]], {}),
              ("p", "If you find a real SSN in a shared drive or e-mail, report it to the Privacy Office. Do not forward it."), ("sig", [sn, "Privacy & Compliance", o.name])]
    return Doc("training-ssn", "Privacy tip: SSNs in e-mail", o, blocks)
def C_dob_notice(r):
    o = org(r); s, sn = who(r); rev = recent(r, 40); eff = D(TODAY.year + 1, 1, r.randint(4, 15))
    form = f"{r.choice(['REG', 'PA', 'HIM'])}-{r.randint(100, 299)}"
    blocks = [("p", f"Form {form} (Patient Registration) has been revised. Revision date: {fdate(rev, r.choice(['mdy', 'Month d, y']))}."),
              ("p", f"What changed: the Date of Birth field now uses separate MM / DD / YYYY boxes, and 'Legal Sex' and 'Sex Assigned at Birth' are separate questions. The Date of Birth field is required; forms without it will be returned by scanning."),
              ("kv", [("Effective", fdate(eff, "Month d, y")), ("Old version", f"{form} rev. 03/2022 - discard by {fdate(eff - dtm.timedelta(days=1), 'mdy')}"), ("Order new stock", "Print shop, ext. 4410")]),
              ("sig", [sn, "Forms Committee"])]
    return Doc("form-revision", f"Form {form} revised - Date of Birth field", o, blocks, form=form)
def C_birthday(r):
    o = org(r); s, sn = who(r); b = staffer(r); d = future(r, 2, 14)
    blocks = [("p", r.choice(["Shhh - it's a surprise!", "Cake alert!", "Save the date!"])), ("p", f"Please join us in the {r.choice(['4th floor break room', 'billing conference room', 'ED staff lounge', 'pharmacy back office'])} on {fdate(d, 'wd')} at {r.choice(['2:30 PM', '3:00 PM', 'noon'])} to celebrate {b.given} {b.family}'s {r.choice(['40th', '50th', '30th', ''])} birthday. {b.given}'s actual birthday is {fdate(d + dtm.timedelta(days=r.randint(-3, 3)), 'Mon d')}."),
              ("p", f"We're collecting for a gift card - see {s.given} at the front desk. Card is in the top drawer for signatures."), ("sig", [sn])]
    return Doc("staff-birthday", "Birthday celebration", o, blocks)
def C_job(r):
    o = org(r); req = f"REQ-{dg(r, 6)}"
    role = r.choice([("Registered Nurse - Med/Surg (nights)", "$42.10-$61.80/hr", "Requirements: current state RN license, BLS, 1 year acute care experience preferred. Sign-on bonus available."),
                     ("Medical Coder II (remote)", "$24.50-$33.00/hr", "Requirements: CPC or CCS certification, 2 years of ICD-10-CM/CPT coding, Epic experience a plus."),
                     ("Patient Access Representative", "$18.75-$23.40/hr", "Requirements: high school diploma, customer service experience, bilingual English/Spanish preferred."),
                     ("Clinical Pharmacist", "$62.00-$74.50/hr", "Requirements: PharmD, state licensure, PGY1 residency or 2 years hospital experience."),
                     ("Dental Hygienist", "$44-$52/hr", "Requirements: RDH license, local anesthesia permit, Dentrix experience preferred."),
                     ("Medical Assistant", "$19.00-$24.00/hr", "Requirements: CMA or RMA certification, phlebotomy skills, 1 year clinic experience.")])
    blocks = [("kv", [("Position", role[0]), ("Requisition", req), ("Location", f"{o.name}, {o.city}, {o.state}"), ("Pay range", role[1]), ("Posted", fdate(recent(r, 10), "mdy")), ("Closes", fdate(future(r, 10, 30), "mdy"))]),
              ("p", role[2]), ("p", f"Apply at careers.{o.dom} or refer a friend for a $1,000 referral bonus.")]
    return Doc("job-posting", f"Now hiring: {role[0]}", o, blocks)
def C_hipaa_reminder(r):
    o = org(r); s, sn = who(r); due = D(TODAY.year, 12, 31)
    blocks = [("p", f"Annual HIPAA Privacy & Security training is due by {fdate(due, 'Month d, y')}. As of today {r.randint(61, 88)}% of staff have completed it."),
              ("t", ["Module", "Length", "Required for"], [["Privacy Basics 2026", "20 min", "All workforce"], ["Phishing & E-mail Security", "15 min", "All workforce"], ["Minimum Necessary", "10 min", "Clinical & revenue cycle"], ["42 CFR Part 2 update", "12 min", "Behavioral health"]], {}),
              ("p", "Log in to the learning portal with your network ID. Managers receive a weekly completion report. Incomplete training may affect system access."), ("sig", [sn, "Compliance Office"])]
    return Doc("hipaa-training", "Reminder: HIPAA training due", o, blocks)
def C_minutes(r):
    o = org(r); att = [staffer(r) for _ in range(5)]; d = recent(r, 10)
    blocks = [("kv", [("Committee", r.choice(["Patient Safety Committee", "Revenue Cycle Steering", "Infection Prevention Committee", "Nursing Practice Council"])), ("Date", fdate(d, "Month d, y")), ("Attendees", ", ".join(f"{a.given} {a.family}" for a in att)), ("Recorder", f"{att[0].given} {att[0].family}")]),
              ("h", "Discussion"), ("p", r.choice(["Hand hygiene compliance 91% (goal 95%). CLABSI: zero events this quarter. Falls with injury down 2 from last quarter.", "Denial rate 7.8% (target 5%). Top CARC: CO-197 auth missing. Front-end auth work queue staffing discussed.",
                                                   "New IV pump library goes live next month. Smart-pump override rate 4%."])),
              ("h", "Action items"), ("t", ["Owner", "Action", "Due"], [[f"{a.given} {a.family}", x, future(r, 7, 40)] for a, x in zip(att[1:4], ["Update policy draft", "Pull 6-month trend", "Schedule vendor demo"])], {}),
              ("note", "No patient-identifiable information is recorded in these minutes.")]
    return Doc("meeting-minutes", "Meeting Minutes", o, blocks)
def C_policy(r):
    o = org(r, ("hospital", "clinic", "fqhc", "lab")); num = f"PC-{r.randint(100, 399)}"
    blocks = [("kv", [("Policy", num), ("Title", "Patient Identification"), ("Effective", fdate(recent(r, 300, 30), "mdy")), ("Owner", "Patient Safety")]),
              ("h", "Policy"), ("p", "Staff must use at least two patient identifiers - the patient's full name and date of birth - before any medication, blood product, specimen collection, treatment or procedure. Room or bed number is never an identifier."),
              ("h", "Procedure"), ("p", "Ask the patient to state (not confirm) their name and date of birth, and compare with the wristband and the order. For unidentified patients use the trauma alias naming convention (e.g., TRAUMA, ZULU) and a temporary MRN."),
              ("note", f"Approved by the Medical Executive Committee. Review every 3 years. {num}")]
    return Doc("policy", "Patient Identification Policy", o, blocks, form=num)
def C_template(r):
    o = org(r, ("clinic", "fqhc", "imaging", "dental", "peds")); st = r.randrange(3)
    F = [lambda x: f"«{x}»", lambda x: "{{patient." + x.lower() + "}}", lambda x: f"[{x.upper()}]"][st]
    blocks = [("p", f"TEMPLATE - {r.choice(['Recall letter', 'Missed appointment letter', 'Normal results letter'])} (v{r.randint(2, 5)}) - do not send as is"),
              ("addr", [F("FullName"), F("Address1"), F("CityStateZip")]), ("kv", [("Date of birth", F("DOB")), ("MRN", F("MRN")), ("Provider", F("Provider"))]),
              ("p", f"Dear {F('FirstName')},"), ("p", f"Our records show it is time for your {F('RecallType')}. Please call {o.phone} to schedule."), ("sig", ["Sincerely,", o.name])]
    return Doc("letter-template", "Letter template", o, blocks)
def C_education(r):
    o = org(r, ("clinic", "fqhc", "hospital", "peds")); topic = r.choice([("Caring for your feet when you have diabetes", ["Check your feet every day.", "Wear shoes that fit well.", "Never walk barefoot."]),
                                                                         ("After your colonoscopy", ["You may feel bloated for a few hours.", "Do not drive for the rest of the day.", "Call us if you have heavy bleeding or fever."]),
                                                                         ("Using your asthma inhaler with a spacer", ["Shake the inhaler.", "Breathe out fully.", "Press once and breathe in slowly."])])
    blocks = [("kv", [("Name", "______________________________"), ("Date of birth", "____/____/________"), ("Date given", "____/____/________")]), ("h", topic[0])] + [("p", f"{i}. {x}") for i, x in enumerate(topic[1], 1)] + \
             [("note", f"Patient education handout PE-{r.randint(10, 99)}. Questions: {o.phone}.")]
    return Doc("patient-education", topic[0], o, blocks)
def C_teaching(r):
    o = org(r, ("hospital",))
    blocks = [("p", "Teaching case for resident conference. All identifiers removed; ages rounded; dates omitted."),
              ("h", "Case"), ("p", r.choice(["A woman in her 60s presented in early winter with two days of fever and confusion. Lactate was 4.1. Blood cultures grew E. coli. She recovered after source control of an obstructed ureter.",
                                              "A man in his 40s with no prior history came in with crushing chest pain after shoveling snow. ECG showed anterior ST elevation; door-to-balloon time was 64 minutes."])),
              ("h", "Teaching points"), ("p", "Recognize early sepsis; obtain cultures before antibiotics; look for a drainable source. Review the CMS SEP-1 bundle elements.")]
    return Doc("teaching-case", "M&M / Teaching Case", o, blocks)
def C_formulary(r):
    o = org(r, ("hospital", "payer", "pharmacy"))
    rows = [[ndc(r), d, st] for d, st in [("ceftriaxone 1 g vial", "Shortage - use 2 g vial"), ("albuterol 2.5 mg/3 mL neb", "Preferred"), ("enoxaparin 40 mg/0.4 mL", "Preferred"), ("semaglutide 0.25 mg pen", "PA required"), ("insulin lispro 100 u/mL", "Non-formulary - use aspart")]]
    blocks = [("p", f"P&T Committee formulary update, effective {fdate(future(r, 5, 30), 'mdy')}."), ("t", ["NDC", "Product", "Status"], rows, {}), ("p", "Contact the pharmacy buyer with questions. No patient-specific information in this notice.")]
    return Doc("formulary-update", "Formulary update", o, blocks)
def C_bulletin(r):
    o = org(r, ("payer",))
    rows = [[c_, d] for c_, d in r.sample(DX, 5)]
    blocks = [("p", f"Provider bulletin {TODAY.year}-{r.randint(10, 40)}: documentation and coding reminders for risk-adjusted conditions."), ("t", ["ICD-10-CM", "Description"], rows, {}),
              ("p", f"Effective {fdate(future(r, 10, 40), 'Month d, y')}, claims for {r.choice(CPT)[0]} require a supporting diagnosis from the list above. Questions: Provider Services {o.phone}.")]
    return Doc("payer-bulletin", "Provider Bulletin", o, blocks)
def C_cred(r):
    o = org(r, ("hospital", "payer", "clinic")); c = Clin(r)
    blocks = [("p", f"Credentialing file complete for {c.name()}."),
              ("kv", [("Practitioner", c.name()), ("Individual NPI", c.npi), ("DEA", dea(r, "B" if c.cred.startswith(("MD", "DO")) else "M")), ("State license", f"{r.choice(['MD', 'RN', 'APRN'])}{dg(r, 6)} (exp. {fdate(future(r, 200, 700), 'mdy')})"), ("CAQH ID", dg(r, 8)),
                      ("Board certification", r.choice(["ABIM - Internal Medicine", "ABFM", "ABEM", "AANP - FNP"])), ("Committee approval", fdate(recent(r, 10), "mdy"))]),
              ("p", "Privileges effective upon Board approval. Please schedule EHR training and badge photo.")]
    return Doc("credentialing", "Credentialing approval", o, blocks)
def C_downtime(r):
    o = org(r, ("hospital", "clinic", "lab")); d = future(r, 2, 20)
    blocks = [("p", f"Planned {o.system or 'EHR'} downtime: {fdate(d, 'wd')} 01:00-05:00."), ("p", "During downtime use paper downtime forms (yellow binders at each station). Read-only BCA PCs will have reports as of 00:45. Lab results will be phoned for criticals and printed to unit printers."),
              ("kv", [("Start", f"{fdate(d, 'mdy')} 01:00"), ("End (expected)", f"{fdate(d, 'mdy')} 05:00"), ("Command center", f"ext. {r.randint(2000, 7999)}")]), ("p", "Back-entry of orders and documentation must be completed within 24 hours.")]
    return Doc("downtime-notice", "Planned downtime", o, blocks)
def C_spanish_notice(r):
    o = org(r, ("fqhc", "clinic", "peds")); s, sn = who(r); d = future(r, 3, 25)
    blocks = [("p", "Aviso para todo el personal"), ("p", f"El {fdate(d, 'es')} la clínica cerrará a las 12:00 para la capacitación anual de HIPAA y seguridad."),
              ("p", "Recuerden: el formulario de registro ahora tiene el campo 'Fecha de nacimiento' obligatorio. No envíen información de pacientes por correo electrónico sin cifrar."),
              ("sig", ["Gracias,", sn, "Gerente de operaciones"])]
    return Doc("spanish-staff-notice", "Aviso al personal", o, blocks, lang="es")
def C_research(r):
    o = org(r, ("hospital", "oncology", "clinic")); c = Clin(r); s, sn = who(r)
    blocks = [("p", f"Now enrolling: the {r.choice(['STEADY-BP', 'WALK-DM', 'HOME-HF', 'QUIT-NOW'])} study (IRB #{TODAY.year}-{dg(r, 4)})."),
              ("p", f"Eligible: adults 40-75 with {r.choice(['type 2 diabetes', 'uncontrolled hypertension', 'heart failure with reduced EF', 'daily smoking'])} who have a smartphone. Participants receive up to $200."),
              ("p", f"Please do NOT e-mail patient names or record numbers to the study team. Give interested patients this flyer or use the EHR referral order 'Research - {r.choice(['Cardiology', 'Endocrine'])}'."),
              ("kv", [("Principal investigator", c.name()), ("Study coordinator", f"{sn}, {o.phone} ext. {r.randint(100, 999)}")])]
    return Doc("research-flyer", "Research study recruiting", o, blocks)
def C_recall(r):
    v = r.choice([VENDORS[0], VENDORS[2]]); o = org(r, ("hospital", "urgent", "homehealth"))
    rows = [[f"{r.choice(['PX', 'IV', 'PM'])}-{dg(r, 4)}", f"(01){dg(r, 14)}", f"{r.choice('ABCDEFHK')}{dg(r, 6)}", D(2027, r.randint(1, 12), 1)] for _ in range(r.randint(3, 5))]
    blocks = [("p", f"URGENT: MEDICAL DEVICE CORRECTION - {r.choice(['infusion pump occlusion alarm', 'pulse oximeter sensor', 'suction canister lid'])}"), ("p", "Affected lots are listed below. Check inventory, quarantine affected units and return the response form within 10 days. No patient injuries have been reported."),
              ("t", ["Catalog #", "UDI-DI", "Lot", "Expiry"], rows, {}), ("p", f"Questions: {v.phone} or fieldactions@{v.dom}")]
    return Doc("device-recall", "Field Safety Notice", v, blocks)
def C_grand_rounds(r):
    o = org(r, ("hospital", "oncology")); c = Clin(r); d = future(r, 3, 20)
    blocks = [("kv", [("Topic", r.choice(["Managing GLP-1 agonists around surgery", "Updates in sepsis care", "Lung cancer screening: closing the gap", "Opioid use disorder in the ED"])), ("Speaker", f"{c.name()}, {r.choice(['University of Iowa', 'Dartmouth', 'University of New Mexico', 'OHSU'])}"),
                      ("When", f"{fdate(d, 'wd')}, 7:30-8:30 AM"), ("Where", "Auditorium B and Teams"), ("Credit", "1.0 AMA PRA Category 1 Credit(TM)")]),
              ("p", "Breakfast provided. Disclosures will be announced at the start of the session.")]
    return Doc("grand-rounds", "Medical Grand Rounds", o, blocks)
def C_open_enrollment(r):
    o = org(r); d = D(TODAY.year, 11, 30)
    blocks = [("p", f"Open enrollment for {TODAY.year + 1} employee benefits runs through {fdate(d, 'Month d, y')}."),
              ("p", "If you cover dependents, check that each dependent's date of birth and SSN are entered correctly in the benefits portal - the carrier rejects enrollments with missing data. Dependent verification documents are due by January 15."),
              ("t", ["Plan", "Employee only", "Employee + family"], [["PPO 500", "$64.20", "$298.10"], ["HDHP 3000 + HSA", "$21.75", "$141.60"], ["Dental", "$6.10", "$31.40"]], {}),
              ("p", "Questions: HR Benefits, benefits@" + o.dom)]
    return Doc("benefits-enrollment", "Open enrollment reminder", o, blocks)
def C_travel(r):
    o = org(r); s, sn = who(r); d = future(r, 10, 60)
    blocks = [("p", f"Itinerary for {sn} - {r.choice(['HIMSS', 'AHIP Institute', 'HFMA Annual Conference', 'AAPC HEALTHCON'])}"),
              ("kv", [("Flight", f"{r.choice(['UA', 'DL', 'AA'])} {r.randint(100, 2999)} dep {fdate(d, 'mdy')} 6:05 AM"), ("Confirmation", "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))),
                      ("Hotel", f"{r.choice(['Hilton', 'Marriott', 'Hyatt'])} - conf. {dg(r, 9)}"), ("Loyalty #", dg(r, 10)), ("Registration ID", f"REG-{dg(r, 6)}"), ("Cost center", f"CC{dg(r, 4)}")]),
              ("p", "Submit receipts in Concur within 30 days of return.")]
    return Doc("travel-itinerary", "Travel itinerary", o, blocks)
def C_press(r):
    o = org(r, ("hospital", "oncology", "fqhc")); c = Clin(r, "MD")
    blocks = [("p", f"FOR IMMEDIATE RELEASE - {fdate(TODAY, 'Month d, y')}"), ("p", f"{o.name} welcomes {c.name()}, who joins as {r.choice(['medical director of the cancer program', 'chief of cardiology', 'director of the new rural residency'])}. {c.p.given} {c.p.family} comes from {r.choice(['Mayo Clinic Health System', 'a community practice in Omaha', 'the Indian Health Service'])}."),
              ("p", f"\"Patients here deserve care close to home,\" said {c.p.family}."), ("p", f"Media contact: {staffer(r).given} {staffer(r).family}, Marketing, {o.phone}")]
    return Doc("press-release", "Press release", o, blocks)
def C_fax_cover(r):
    o = org(r)
    blocks = [("kv", [("To", "______________________"), ("Fax", "______________________"), ("From", "______________________"), ("Pages (incl. cover)", "_____"), ("Re", "______________________")]),
              ("p", "[ ] Urgent   [ ] For review   [ ] Please reply   [ ] Records request"),
              ("note", "CONFIDENTIALITY NOTICE: The documents accompanying this fax may contain protected health information that is legally privileged. If you are not the intended recipient, you are hereby notified that any disclosure, copying or distribution is prohibited. Please notify us by telephone and destroy the documents.")]
    return Doc("fax-cover-template", "Fax Cover Sheet", o, blocks, form=f"ADM-{r.randint(10, 99)}")
def C_lab_menu(r):
    o = org(r, ("lab",))
    rows = [["Hemoglobin A1c", "83036", "4548-4", "Lavender EDTA 3 mL", "7 days refrig."], ["Lipid panel", "80061", "57698-3", "SST 5 mL, fasting preferred", "7 days refrig."], ["TSH", "84443", "3016-3", "SST", "7 days refrig."],
            ["HCV Ab w/ reflex RNA", "86803", "13955-0", "SST 5 mL", "5 days refrig."], ["PSA, total", "84153", "2857-1", "SST", "5 days refrig."], ["Vitamin D, 25-OH", "82306", "62292-8", "SST, protect from light", "14 days refrig."]]
    blocks = [("p", f"Test menu update effective {fdate(future(r, 5, 30), 'mdy')}. CLIA #{o.clia}."), ("t", ["Test", "CPT", "LOINC", "Specimen", "Stability"], r.sample(rows, 4), {}), ("p", f"Client services: {o.phone}")]
    return Doc("lab-test-menu", "Test menu update", o, blocks)
def C_baa(r):
    o = org(r); v = r.choice(VENDORS)
    blocks = [("p", f"Attached for signature is the renewal of the Business Associate Agreement between {o.name} and {v.name}."),
              ("kv", [("Agreement #", f"BAA-{TODAY.year}-{dg(r, 3)}"), ("Term", f"{fdate(D(TODAY.year + 1, 1, 1), 'mdy')} - {fdate(D(TODAY.year + 3, 12, 31), 'mdy')}"), ("Vendor contact", f"legal@{v.dom}"), ("Breach notice", "within 10 business days")]),
              ("p", "Section 4.2 now requires encryption of PHI at rest and in transit. Please return the signed copy by the end of the month.")]
    return Doc("baa-contract", "BAA renewal", o, blocks)
CLEAN_DOCS = [C_newsletter, C_deid_stats, C_vendor_order, C_invoice, C_gym, C_fleet, C_it_ticket, C_mbi_training, C_ssn_training, C_dob_notice, C_birthday, C_job, C_hipaa_reminder, C_minutes,
              C_policy, C_template, C_education, C_teaching, C_formulary, C_bulletin, C_cred, C_downtime, C_spanish_notice, C_research, C_recall, C_grand_rounds, C_open_enrollment, C_travel,
              C_press, C_fax_cover, C_lab_menu, C_baa]

# ================================================================== clean interchange samples
def Q_edi_guide(r):
    o = org(r, ("payer", "billing")); v = VENDORS[1]
    txt = "\n".join(["Loop 2010BA - Subscriber Name", "NM1*IL*1*<SUBSCRIBER LAST NAME>*<FIRST NAME>*<MI>***MI*<MEMBER ID>~", "N3*<ADDRESS LINE 1>~", "N4*<CITY>*<ST>*<ZIP>~", "DMG*D8*<CCYYMMDD>*<M|F|U>~", "",
                     "Loop 2300 - Claim Information", "CLM*<PATIENT CONTROL NUMBER>*<TOTAL CHARGE>***<POS>:B:<FREQ>*Y*A*Y*Y~", "HI*ABK:<ICD-10 CODE, NO DECIMAL>~"])
    return Doc("edi-companion-guide", "837P Companion Guide excerpt", o, [("p", f"{o.name} 837P companion guide v{r.randint(3, 6)}.{r.randint(0, 9)} - changes for {TODAY.year + 1}. Submit via {v.name} (payer ID {dg(r, 5)})."),
                                                                         ("pre", txt), ("p", "Member ID must be sent exactly as printed on the card, including the 2-digit suffix. Do not send SSNs in NM109.")])
def Q_hl7_spec(r):
    o = org(r, ("hospital", "lab"))
    rows = [["PID-3", "Patient Identifier List", "CX", "R", "<MRN>^^^<FACILITY>^MR"], ["PID-5", "Patient Name", "XPN", "R", "<LAST>^<FIRST>^<MIDDLE>"], ["PID-7", "Date/Time of Birth", "DTM", "R", "YYYYMMDD"],
            ["PID-8", "Administrative Sex", "IS", "R", "F | M | U"], ["PID-19", "SSN", "ST", "X", "Not sent"], ["PV1-19", "Visit Number", "CX", "R", "<FIN>"]]
    return Doc("hl7-spec", "Interface specification - ADT outbound", o, [("p", f"Draft spec for the {o.system} to HIE ADT feed (HL7 v2.5.1). Fields below; sample values are placeholders."),
                                                                         ("t", ["Field", "Name", "Type", "Usage", "Format / Example"], rows, {}), ("pre", "MSH|^~\\&|<SENDING APP>|<FACILITY>|HIE|HIE|<YYYYMMDDHHMMSS>||ADT^A08|<CONTROL ID>|P|2.5.1")])
def Q_ack(r):
    o = org(r, ("payer", "billing", "hospital"))
    txt = "\n".join([f"MSH|^~\\&|HIE|HIE|{o.system.upper() if o.system else 'EHR'}|{o.short.upper()[:6]}|{ts(r)}||ACK^A08|{dg(r, 8)}|P|2.5.1", f"MSA|AE|{dg(r, 9)}|PV1-3 location code not found in table 0302",
                     "ERR|^^^207&Application internal error&HL70357", "", "ISA*00*          *00*          *ZZ*CLEARINGHSE    *ZZ*SUBMITTER      *261201*0915*^*00501*000004511*0*P*:~",
                     "ST*999*0001*005010X231A1~", "AK1*HC*4511*005010X222A1~", "AK2*837*0001*005010X222A1~", "IK3*NM1*22**8~", "IK4*9*67*7~", "IK5*R*5~", "AK9*R*1*1*0~", "SE*8*0001~"])
    return Doc("interface-ack", "Interface acknowledgments", o, [("p", "Two rejects from last night's run. No patient data in the acks - the segment positions point to the problem."), ("pre", txt), ("p", "IK3*NM1*22 = segment 22 of the claim; IK4*9 = NM109 invalid.")])
def Q_fhir_cap(r):
    o = org(r, ("hospital", "payer"))
    cap = {"resourceType": "CapabilityStatement", "status": "active", "date": f"{TODAY.year}-{TODAY.month:02d}-01", "publisher": o.name, "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"],
           "rest": [{"mode": "server", "resource": [{"type": "Patient", "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": [{"name": "identifier", "type": "token"}, {"name": "birthdate", "type": "date"}]},
                                                      {"type": "Observation", "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": [{"name": "patient", "type": "reference"}, {"name": "code", "type": "token"}]}]}]}
    return Doc("fhir-capability", "FHIR server capabilities", o, [("p", "For the app developers: the production server's CapabilityStatement. Patient search supports identifier and birthdate."), ("pre", json.dumps(cap, indent=2))])
def Q_test_msg(r):
    o = org(r, ("hospital", "lab", "clinic"))
    seg = [f"MSH|^~\\&|{o.system.upper() if o.system else 'EHR'}|TEST|LIS|TEST|{ts(r)}||ORU^R01|TST{dg(r, 6)}|T|2.5.1", "PID|1||ZZTEST0001^^^TEST^MR||ZZTEST^INTERFACE^ONE||19000101|U",
           "OBR|1|T1|T1|GLU^Glucose^L", "OBX|1|NM|2345-7^Glucose^LN||999|mg/dL|70-99|H|||F"]
    return Doc("test-data", "Interface test message", o, [("p", "Test message for the validation environment (processing ID T). ZZTEST patient is a fictitious record in the TEST domain - do not use in PROD."), ("pre", "\n".join(seg))])
CLEAN_RAW = [Q_edi_guide, Q_hl7_spec, Q_ack, Q_fhir_cap, Q_test_msg]

# ================================================================== clean lists
def staffs(r, n): return [staffer(r) for _ in range(n)]
def K_schedule(r):
    o = org(r, ("hospital", "urgent", "dialysis")); ss = staffs(r, r.randint(8, 12)); wk = TODAY + dtm.timedelta(days=(7 - TODAY.weekday()))
    rows = [[f"{s.family}, {s.given}", r.choice(["RN", "RN", "LPN", "CNA", "Charge RN", "Unit Clerk"]), *[r.choice(["D", "N", "", "D", "OFF", "E"]) for _ in range(7)]] for s in ss]
    hdr = ["Name", "Role"] + [fdate(wk + dtm.timedelta(days=i), "m/d") + " " + WD[i][:3] for i in range(7)]
    return Doc("staff-schedule", f"Nursing schedule week of {fdate(wk, 'mdy')}", o, [("t", hdr, rows, {"group": [("Staff", 2), ("Week 1", 7)]}), ("kv", [("Week starting", wk)]), ("note", "D = 0700-1930, N = 1900-0730, E = 1100-2330. Swaps need charge nurse approval.")], land=True)
def K_oncall(r):
    o = org(r, ("hospital", "clinic", "oncology")); d0 = future(r, 1, 7)
    rows = [[d0 + dtm.timedelta(days=i), sp, f"{Clin(r).name()}", phone(r, o.area)] for i in range(4) for sp in r.sample(["Cardiology", "GI", "General Surgery", "Ortho", "Hospitalist nocturnist", "Anesthesia"], 2)]
    return Doc("on-call", "On-Call Schedule", o, [("t", ["Date", "Service", "On call", "Cell"], rows, {}), ("p", "Page through the operator (ext. 0) first; cell numbers are for backup only.")])
def K_directory(r):
    o = org(r); ss = staffs(r, r.randint(9, 14))
    rows = [[f"{s.given} {s.family}", r.choice(["Patient Access", "HIM", "Billing", "Pharmacy", "Lab", "Radiology", "IT", "Nursing Admin", "Quality"]), r.choice(["Manager", "Specialist", "Coordinator", "Director", "Analyst", "Supervisor"]), f"x{r.randint(2000, 7999)}", f"{s.given[0].lower()}{re.sub('[^a-z]', '', ascii_fold(s.family).lower())}@{o.dom}"] for s in ss]
    return Doc("phone-directory", "Department Directory", o, [("t", ["Name", "Department", "Title", "Ext.", "E-mail"], rows, {})])
def K_inventory(r):
    o = org(r, ("hospital", "clinic", "dental", "urgent", "pharmacy"))
    rows = [[f"{r.choice(['MS', 'BD', 'CV', 'HX'])}-{dg(r, 5)}", r.choice(["Gauze 4x4 sterile", "IV start kit", "Saline flush 10 mL", "Exam gloves M", "Suture 4-0 nylon", "Specimen cup", "Alcohol prep pad", "Face shield"]), f"{r.choice('ABCDHKLMNPRSTW')}{dg(r, 5)}", D(2027 + r.randint(0, 2), r.randint(1, 12), r.randint(1, 28)), r.randint(0, 400), r.choice(["Central Supply", "OR core", "ED", "Clinic A"])] for _ in range(r.randint(9, 15))]
    return Doc("supply-inventory", "Supply inventory by lot", o, [("t", ["Item #", "Description", "Lot", "Expires", "On hand", "Location"], rows, {})])
def K_pos(r):
    o = org(r); rows = [[f"PO{dg(r, 7)}", v.name, recent(r, 40), Money(r.uniform(200, 48000)), r.choice(["Open", "Partially received", "Received", "Awaiting invoice"]), f"{staffer(r).family}"] for v in [r.choice(VENDORS) for _ in range(r.randint(8, 12))]]
    return Doc("purchase-orders", "Open Purchase Orders", o, [("t", ["PO #", "Vendor", "Order Date", "Amount", "Status", "Buyer"], rows, {})])
def K_training(r):
    o = org(r); ss = staffs(r, r.randint(10, 15))
    rows = [[f"E{dg(r, 6)}", f"{s.family}, {s.given}", r.choice(["Nursing", "Billing", "Lab", "Registration", "Pharmacy"]), r.choice(["HIPAA 2026", "Fire Safety", "Bloodborne Pathogens", "Workplace Violence"]), future(r, -30, 30), r.choice(["Complete", "Complete", "Overdue", "Not started"])] for s in ss]
    return Doc("training-compliance", "Compliance Training Status", o, [("t", ["Employee ID", "Employee", "Dept", "Course", "Due", "Status"], rows, {})])
def K_rooms(r):
    o = org(r); d = future(r, 1, 10)
    rows = [[d, f"{h}:00", f"{h + 1}:00", r.choice(["Board Room", "Conf A", "Conf B", "Training Lab 2"]), r.choice(["Budget review", "Epic upgrade planning", "Nurse residency", "Vendor demo", "Wellness committee"]), f"{staffer(r).given} {staffer(r).family}"] for h in r.sample(range(8, 17), 6)]
    return Doc("room-bookings", "Conference room bookings", o, [("t", ["Date", "Start", "End", "Room", "Meeting", "Booked by"], sorted(rows, key=lambda x: int(x[1].split(':')[0])), {})])
def K_equipment(r):
    o = org(r, ("hospital", "dialysis", "clinic", "imaging"))
    rows = [[f"BMD-{dg(r, 5)}", r.choice(["Infusion pump", "Defibrillator", "Vital signs monitor", "Ultrasound", "Hemodialysis machine", "ECG cart", "Scale"]), f"SN{dg(r, 8)}", recent(r, 300, 0), future(r, 10, 360), r.choice(["Pass", "Pass", "Repaired", "Out of service"])] for _ in range(r.randint(9, 14))]
    return Doc("equipment-pm", "Biomed PM log", o, [("t", ["Asset #", "Device", "Serial", "Last PM", "Next PM", "Result"], rows, {})])
def K_quality(r):
    o = org(r, ("hospital", "payer"))
    rows = [[svc, r.randint(80, 900), f"{r.uniform(8, 21):.1f}%", f"{r.uniform(1.5, 6.5):.1f}", r.choice(["<11", str(r.randint(11, 40))])] for svc in ["Cardiology", "Pulmonary", "General Medicine", "Orthopedics", "Surgery", "Oncology"]]
    return Doc("quality-dashboard", f"30-day readmissions by service line, FY{TODAY.year}", o, [("p", "Aggregate only. Cells under 11 suppressed."), ("t", ["Service line", "Discharges", "Readmit rate", "Avg LOS", "Deaths"], rows, {})])
def K_fees(r):
    o = org(r, ("clinic", "hospital", "imaging", "fqhc"))
    rows = [[c_, d, Money(r.uniform(40, 3800)), r.choice(["", "26", "TC", "25"])] for c_, d in r.sample(CPT, 10)]
    return Doc("fee-schedule", f"Chargemaster excerpt {TODAY.year + 1}", o, [("t", ["CPT/HCPCS", "Description", "Charge", "Modifier"], rows, {})])
def K_providers(r):
    o = org(r, ("clinic", "hospital", "fqhc", "payer"))
    rows = []
    for _ in range(r.randint(8, 13)):
        c = Clin(r); rows.append([c.last_first(), c.cred, c.npi, r.choice(["Family Medicine", "Internal Medicine", "Pediatrics", "Cardiology", "OB/GYN", "Psychiatry"]), r.choice(["Accepting", "Closed panel", "Accepting"]), future(r, 100, 900)])
    return Doc("provider-roster", "Provider roster", o, [("t", ["Provider", "Credential", "NPI", "Specialty", "Panel", "Recred due"], rows, {})])
def K_bls(r):
    o = org(r); ss = staffs(r, r.randint(10, 15))
    rows = [[f"{s.family}, {s.given}", f"E{dg(r, 6)}", r.choice(["RN", "MA", "RT", "Paramedic", "CNA"]), r.choice(["BLS", "BLS", "ACLS", "PALS"]), future(r, -20, 500)] for s in ss]
    return Doc("certification-roster", "BLS/ACLS expirations", o, [("t", ["Employee", "Emp ID", "Role", "Card", "Expires"], rows, {}), ("p", "Renew before expiration - classes every Tuesday in the Education Center.")])
def K_birthdays(r):
    o = org(r); ss = staffs(r, r.randint(8, 13)); mo = TODAY.month % 12 + 1
    rows = [[f"{s.given} {s.family}", r.choice(["Billing", "Front desk", "Nursing", "Lab", "IT"]), f"{MON[mo - 1]} {r.randint(1, 28)}"] for s in ss]
    return Doc("staff-birthdays", f"{MON[mo - 1]} staff birthdays", o, [("p", "Cake on the first Friday! Celebrate your coworkers:"), ("t", ["Name", "Team", "Birthday"], rows, {})])
def K_interpreters(r):
    o = org(r, ("hospital", "fqhc", "clinic")); d0 = future(r, 1, 5)
    rows = [[d0 + dtm.timedelta(days=i // 3), r.choice(["Spanish", "Vietnamese", "Somali", "Hmong", "ASL", "Arabic"]), f"{staffer(r).given} {staffer(r).family}", r.choice(["0800-1630", "1200-2030", "On call"]), f"x{r.randint(2000, 7999)}"] for i in range(r.randint(8, 12))]
    return Doc("interpreter-schedule", "Interpreter Services schedule", o, [("t", ["Date", "Language", "Interpreter", "Hours", "Ext."], rows, {})])
def K_vax_lots(r):
    o = org(r, ("peds", "fqhc", "clinic", "pharmacy"))
    rows = [[v, ndc(r), f"{r.choice('ABCDEFHKLMNPTUXY')}{dg(r, 4)}{r.choice('ABC')}", D(2027, r.randint(1, 12), r.randint(1, 28)), r.randint(0, 60), r.choice(["VFC", "Private", "317"])] for v in r.sample(["Influenza quad PF", "MMR II", "Tdap (Boostrix)", "HPV9 (Gardasil 9)", "PCV20", "Hep B adult", "COVID-19 2026-27", "Shingrix"], 6)]
    return Doc("vaccine-inventory", "Vaccine inventory by lot", o, [("t", ["Vaccine", "NDC", "Lot", "Expires", "Doses", "Funding"], rows, {})])
def K_testpts(r):
    o = org(r, ("hospital", "lab", "clinic"))
    rows = [[f"ZZTEST, {x}", f"TEST{dg(r, 5)}", D(1900, 1, 1), f"999-00-{dg(r, 4)}", r.choice(["ED downtime drill", "Lab interface test", "Pharmacy verify test", "Radiology test"])] for x in ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF"][:r.randint(5, 7)]]
    return Doc("test-patients", "Test patient registry (non-production)", o, [("p", "Fictitious patients for downtime drills and interface testing. SSNs are in the 999 area, which SSA never issues."), ("t", ["Name", "Test MRN", "DOB", "SSN", "Use"], rows, {})])
def K_parking(r):
    o = org(r); ss = staffs(r, r.randint(8, 12))
    rows = [[f"{s.family}, {s.given}", f"P-{dg(r, 5)}", f"{r.choice(['ABC', 'KXT', 'HLM', 'RVP'])}{dg(r, 4)}", r.choice(["Garage B", "Lot 4", "Garage A"]), future(r, 30, 360)] for s in ss]
    return Doc("parking-permits", "Employee parking permits", o, [("t", ["Employee", "Permit #", "Plate", "Lot", "Expires"], rows, {})])
CLEAN_LISTS = [K_schedule, K_oncall, K_directory, K_inventory, K_pos, K_training, K_rooms, K_equipment, K_quality, K_fees, K_providers, K_bls, K_birthdays, K_interpreters, K_vax_lots, K_testpts, K_parking]

# ================================================================== mail pieces
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.17928", "Apple Mail (2.3774.600.62)", "iPhone Mail (22C152)", "Mozilla Thunderbird 128.5.0", "Zimbra 9.0.0_GA_4583 (ZimbraWebClient - GC131)",
           "Microsoft-MacOutlook/16.91.24111020", "Roundcube Webmail/1.6.7", "Lotus Notes Release 9.0.1FP10"]
TITLES = ["Patient Access Supervisor", "RN Case Manager", "Billing Specialist II", "Referral Coordinator", "Revenue Cycle Analyst", "Clinic Manager", "HIM Coordinator", "Clinical Pharmacist",
          "Prior Authorization Specialist", "Practice Administrator", "Medical Assistant", "Interface Analyst", "Infection Preventionist", "Credentialing Specialist", "Scheduler"]
CONF = ["CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information, including protected health information. Any unauthorized review, use, disclosure or distribution is prohibited.",
        "This message may contain information protected by HIPAA. If you received it in error, please notify the sender immediately and delete it.",
        "AVISO DE CONFIDENCIALIDAD: Este mensaje es confidencial. Si lo recibió por error, notifique al remitente y bórrelo.",
        "Please do not reply to this e-mail with patient information unless it is sent securely (type [secure] in the subject)."]
def mbox(r, p, dom):
    g, f = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower()), re.sub(r"[^a-z]", "", ascii_fold(p.family).lower())
    return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}.{g[0]}", f"{g}{f[0]}", f"{f}{g[0]}{r.randint(1, 9)}"]) + "@" + dom
def sig_block(r, s, o):
    k = r.randrange(7); t = r.choice(TITLES)
    if k == 0: x = f"{s.given} {s.family}\n{t}\n{o.name}\n{o.addr()}\nP: {o.phone} | F: {o.fax}"
    elif k == 1: x = f"Thanks!\n{s.given}"
    elif k == 2: x = f"{s.given} {s.family} | {t} | {o.short}\nDirect {phone(r, o.area)} | {mbox(r, s, o.dom)}"
    elif k == 3: x = f"Regards,\n{s.given} {s.family[0]}.\n\nSent from my iPhone"
    elif k == 4: x = f"--\n{s.given} {s.family}, {r.choice(['CPC', 'RN, BSN', 'CPhT', 'RHIA', 'CHAA', 'MHA', 'LPN'])}\n{t}\n{o.name}"
    elif k == 5: x = f"Saludos cordiales,\n{s.given} {s.family}\n{o.short}"
    else: x = f"V/r,\n{s.given} {s.family} ({r.choice(['she/her', 'he/him', 'they/them'])})\n{o.short} {t}"
    if r.random() < 0.3: x += "\n\n" + r.choice(CONF)
    return x
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r)
    m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name or r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} ({o.short})", f"{s.given} {s.family}"]), addr_spec=mbox(r, s, o.dom))
    if to is None:
        other = r.choice([x for x in ORGS + VENDORS if x is not o] + [o, o])
        t = staffer(r)
        to = Address(display_name=r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}", ""]), addr_spec=mbox(r, t, other.dom)) if r.random() < 0.75 else \
             Address(addr_spec=r.choice(["referrals", "intake", "billing", "records", "priorauth", "claims", "scheduling", "edi-support", "pharmacy", "providerrelations", "him"]) + "@" + other.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.15: c = staffer(r); m["Cc"] = Address(display_name=f"{c.given} {c.family}", addr_spec=mbox(r, c, o.dom))
    m["Subject"] = subject
    when = dtm.datetime(2026, r.choice([11, 11, 12]), r.randint(1, 30) if True else 1, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([4, 5, 6, 7, 8, 10]))))
    if when.month == 12 and when.day > TODAY.day: when = when.replace(day=r.randint(1, TODAY.day))
    m["Date"] = format_datetime(when)
    m["Message-ID"] = r.choice([f"<{''.join(r.choice('0123456789abcdef') for _ in range(32))}@{o.dom}>", f"<{r.choice(['BN8PR', 'SA1PR', 'MW4PR', 'CH3PR'])}{dg(r, 2)}MB{dg(r, 4)}{''.join(r.choice('0123456789ABCDEF') for _ in range(12))}@{r.choice(['BN8PR', 'SA1PR'])}{dg(r, 2)}MB{dg(r, 4)}.namprd{dg(r, 2)}.prod.outlook.com>",
                                f"<CA+{''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(40))}@mail.gmail.com>"])
    x = r.choice(MAILERS + [None] * 4)
    if x: m["X-Mailer"] = x
    if r.random() < 0.25: m["Thread-Topic"] = re.sub(r"^(RE|FW|Fwd|RV): ", "", subject)
    if r.random() < 0.07: m["Importance"] = "High"
    return m, s
def html_wrap_text(t): return '<html><body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">' + hx(t).replace("\n", "<br>\n") + "</div></body></html>"
def cid_for(r, o): return f"image{r.randint(1, 3):03d}.png@01DB{dg(r, 4)}.{''.join(r.choice('0123456789ABCDEF') for _ in range(8))}"
def set_body(r, m, text, html=None, o=None, logo=None):
    """logo: None (decide), True, False. Signature logo as cid: in multipart/related, or Apple-style inline image part"""
    if logo is None: logo = o is not None and r.random() < 0.33
    if not logo or o is None:
        if html: m.set_content(text); m.add_alternative(html, subtype="html")
        else: m.set_content(text)
        return
    png = logo_png(o, style=r.randrange(3))
    if html or r.random() < 0.7:
        cid = cid_for(r, o)
        h = html or html_wrap_text(text)
        img = f'<p><img src="cid:{cid}" width="220" height="60" alt="{hx(o.short)}"></p>'
        h = h.replace("</body>", img + "</body>") if "</body>" in h else h + img
        m.set_content(text); m.add_alternative(h, subtype="html")
        m.get_payload()[1].add_related(png, "image", "png", cid=f"<{cid}>", filename="image001.png", disposition="inline")
    else:
        m.set_content(text); m.add_attachment(png, "image", "png", filename=f"{re.sub('[^A-Za-z]', '', o.short)}.png", disposition="inline")

COVERS = ["Please see attached.", "Attached as requested.", "Hi,\n\nPlease find the attached. Let me know if anything is missing.", "See attached - thanks!", "Sending securely.",
          "Good morning,\n\nAttached for your review.", "Here is the document we discussed on the phone.", "Attached. Please confirm receipt.", "FYI - attached.",
          "Updated version attached; please disregard the earlier one.", "Adjunto el documento solicitado.", "Per your request.", "Please process the attached at your earliest convenience."]
SUBJ = ["Document", "Requested documents", "Scan", "Fax", "Report", "For review", "[secure] document", "Follow-up", "Info you requested", "Documento", "Updated file", "Attachment", "Paperwork", "Re: your request"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.09:
        dev = r.choice(["Lexmark MX822", "HP LaserJet Flow MFP E57540", "Brother MFC-L8900CDW", "Kyocera TASKalfa 3554ci"])
        m.replace_header("From", Address(display_name=f"{dev} Scan", addr_spec=f"mfp{r.randint(1, 30):02d}@{o.dom}"))
        m.set_content(f"Scanned document from {dev}\nLocation: {r.choice(['HIM - 1st floor', 'Front desk', 'Billing office', 'Pharmacy', 'Nurses station 3W'])}\nPages: {r.randint(1, 3)}\nResolution: 300 dpi\nFile format: PDF\n\nDo not reply to this message.\n")
        return
    if x < 0.16:
        m.replace_header("From", Address(display_name=r.choice(["FAXCOM Server", "OpenText Fax"]), addr_spec=f"faxserver@{o.dom}"))
        m.set_content(f"You have received a fax.\n\nFrom: {phone(r)}\nTo: {o.fax}\nPages: {r.randint(1, 4)}\nReceived: {fdate(recent(r, 2), 'mdy')} {clock(r, True)}\nTransmission ID: {dg(r, 10)}\n"); return
    if x < 0.22:
        m.set_content(f"{s.given} {s.family} ({mbox(r, s, o.dom)}) has sent you a secure message.\n\nTo view it, open the attachment or log in to the {r.choice(['Zix', 'Proofpoint Encryption', 'Echoworx'])} portal. This message expires in 14 days.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3)

MT = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"), "txt": ("text", "plain"), "zip": ("application", "zip")}
def attach(m, data, fname):
    mt = MT[fname.rsplit(".", 1)[-1].lower()]
    if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=fname, charset="utf-8", cte="base64")
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", ascii_fold(doc.title or doc.cat)).strip("_")[:30] or "document"; d = recent(r, 5)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%Y%m%d}.{ext}", f"{d:%Y-%m-%d} {base.replace('_', ' ')}.{ext}", f"SCAN{dg(r, 10)}.{ext}", f"{doc.cat}.{ext}",
                     f"{(doc.o.short if doc.o else 'doc').replace(' ', '')}_{dg(r, 5)}.{ext}", f"{base.lower()}-v{r.randint(2, 4)}.{ext}", f"Document{r.randint(1, 9)}.{ext}"])
def subj_of(r, doc):
    if doc.kind == "mail" and doc.title: return doc.title
    return doc.title if doc.title and r.random() < 0.65 else r.choice(SUBJ)

# ================================================================== body carriers
GREET = ["", "", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Please see below.\n\n", "Team -\n\n", "Hola,\n\n", "As requested:\n\n", "FYI\n\n"]
def to_for(r, doc):
    if doc.to is not None and r.random() < 0.75:
        p = doc.to
        return Address(display_name=r.choice([p.plain(), p.full(False), ""]), addr_spec=p.email)
    return None
def body_text(r, doc, s, o):
    if doc.kind == "mail":
        t = render_text(r, doc, title=False)
        if not any(b[0] == "sig" for b in doc.blocks): t += "\n" + sig_block(r, s, o) + "\n"
        return t
    return r.choice(GREET) + render_text(r, doc, title=r.random() < 0.8) + "\n" + sig_block(r, s, o) + "\n"
def build_plain(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_of(r, doc), o, to=to_for(r, doc))
    set_body(r, m, body_text(r, doc, s, o), o=o)
    return m
def build_html(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_of(r, doc), o, to=to_for(r, doc))
    sig = sig_block(r, s, o)
    g = r.choice(GREET)
    html = render_html(r, doc, head_html=(f"<p>{hx(g.strip())}</p>" if g.strip() else ""), tail_html="<p>" + hx(sig).replace("\n", "<br>") + "</p>")
    text = (g + render_text(r, doc) + "\n" + sig + "\n") if r.random() < 0.8 else f"This message contains formatted content. Please view it in an HTML-capable mail client.\n\n{o.name}\n"
    set_body(r, m, text, html, o=o, logo=r.random() < 0.4)
    return m
def long_when(r):
    d = TODAY - dtm.timedelta(days=r.randint(0, 2))
    return d, f"{WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
def quote(t, pre="> "): return "\n".join((pre + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
TOP = ["FYI - see below.", "Can you take this one?", "Forwarding for your records.", "Please see the thread below and let me know.", "Looping you in.", "Who handles this now?",
       "See below, thanks.", "Reenvío para su información.", "Please review before Monday.", "Is this ours or theirs?"]
def build_forwarded(r, doc):
    o = doc.o or org(r); s0 = staffer(r); o0 = o
    inner_from = Address(display_name=f"{s0.given} {s0.family}", addr_spec=mbox(r, s0, o0.dom))
    fwd_org = r.choice([x for x in ORGS if x is not o0] + [o0]); CUR["state"] = fwd_org.state
    s1 = staffer(r); subj = subj_of(r, doc)
    inner = body_text(r, doc, s0, o0)
    d, lw = long_when(r)
    st = r.randrange(8)
    pre = {0: "FW: ", 1: "FW: ", 2: "Fwd: ", 3: "RE: ", 4: "RE: ", 5: "RV: ", 6: "FW: ", 7: "Fwd: "}[st]
    m, s = new_msg(r, pre + subj, fwd_org, s=s1)
    m.replace_header("Date", format_datetime(dtm.datetime(d.year, d.month, d.day, r.randint(7, 18), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-6))) + dtm.timedelta(hours=r.randint(1, 10))))
    top = r.choice(TOP) + "\n\n" + sig_block(r, s1, fwd_org)
    to_line = f"{staffer(r).given} {staffer(r).family} <{mbox(r, staffer(r), fwd_org.dom)}>"
    if st == 0: body = f"{top}\n\n-----Original Message-----\nFrom: {inner_from.display_name} <{inner_from.addr_spec}>\nSent: {lw}\nTo: {to_line}\nSubject: {subj}\n\n{inner}"
    elif st == 1: body = f"{top}\n\n________________________________\nFrom: {inner_from.display_name} <{inner_from.addr_spec}>\nSent: {lw}\nTo: {to_line}\nSubject: {subj}\n\n{inner}"
    elif st == 2: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {inner_from.display_name} <{inner_from.addr_spec}>\nDate: {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}\nSubject: {subj}\nTo: {to_line}\n\n{inner}"
    elif st == 3: body = f"{r.choice(['Got it, thanks.', 'Will do.', 'Thanks - I will call them today.', 'Received.'])}\n\n{sig_block(r, s1, fwd_org)}\n\nOn {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])} {inner_from.display_name} <{inner_from.addr_spec}> wrote:\n{quote(inner)}\n"
    elif st == 4:
        s2 = staffer(r); mid = f"{r.choice(['Can you check on this?', 'Is this one yours?', 'Please advise.'])}\n{s2.given}"
        body = (f"{r.choice(['Done - updated.', 'Handled, see note in the account.', 'I called and left a message.'])}\n\n{s1.given}\n\nOn {fdate(d, 'm/d/y')} {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}, {s2.given} {s2.family} wrote:\n{quote(mid)}\n>\n"
                f"> On {fdate(d - dtm.timedelta(days=1), 'm/d/y')}, {inner_from.display_name} <{inner_from.addr_spec}> wrote:\n{quote(quote(inner))}\n")
    elif st == 5: body = f"{r.choice(['Para su revisión.', 'Favor de atender.', 'Ver abajo.'])}\n\n{sig_block(r, s1, fwd_org)}\n\n________________________________\nDe: {inner_from.display_name} <{inner_from.addr_spec}>\nEnviado: {fdate(d, 'es')} {r.randint(8, 17)}:{r.randint(0, 59):02d}\nPara: {to_line}\nAsunto: {subj}\n\n{inner}"
    elif st == 6:
        im = EmailMessage(policy=SMTP)
        im["From"] = inner_from; im["To"] = Address(display_name=f"{s1.given} {s1.family}", addr_spec=mbox(r, s1, fwd_org.dom)); im["Subject"] = subj
        im["Date"] = format_datetime(dtm.datetime(d.year, d.month, d.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-6))))
        im["Message-ID"] = f"<{''.join(r.choice('0123456789abcdef') for _ in range(24))}@{o0.dom}>"
        if r.random() < 0.5: im.set_content(inner)
        else: im.set_content(inner); im.add_alternative(render_html(r, doc), subtype="html")
        set_body(r, m, top, o=fwd_org, logo=False)
        m.add_attachment(im, filename=re.sub(r"[^A-Za-z0-9 ]", "", subj)[:40] + ".eml")
        return m
    else: body = f"{top}\n\n-------- Forwarded Message --------\nSubject: \t{subj}\nDate: \t{WD[d.weekday()][:3]}, {d.day} {MON[d.month - 1][:3]} {d.year} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}:00 -0600\nFrom: \t{inner_from.display_name} <{inner_from.addr_spec}>\nTo: \t{to_line}\n\n{inner}"
    set_body(r, m, body, o=fwd_org, logo=r.random() < 0.25)
    return m

# ================================================================== attachments and the LibreOffice batch
class Pending:
    def __init__(self, path, key, gs=False, redo=None): self.path, self.key, self.gs, self.redo = path, key, gs, redo
class Ctx:
    """run_lo (generate.py) reads ctx.tmp and ctx.lo = {kind: [input files]} and writes to ctx.tmp/kind/out;
    kinds it knows: docx2pdf (any Writer/Calc input -> pdf), html2pdf, html2docx, xlsx2xlsx. fodt2docx and docx2docx run here."""
    EXTRA = ("fodt2docx", "docx2docx")
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0
        self.lo = {k: [] for k in ("docx2pdf", "html2pdf", "html2docx", "xlsx2xlsx") + self.EXTRA}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf):
        self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False, redo=None):
        self.n += 1; base = f"b6_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p)
        out = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx", "fodt2docx": "docx", "docx2docx": "docx"}[kind]
        return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{out}"), key, gs, redo)
    def run(self):
        extra = {k: self.lo.pop(k) for k in self.EXTRA}
        run_lo(self)                                     # generate.py's batched soffice --convert-to runs
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
                for n in (8, 5):
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
    """python PDF producers: shorten tables until the document fits on two pages"""
    for n in (None, 14, 9, 6, 4):
        d = doc if n is None else doc.cut(n)
        data = make(d)
        if pdf_pages(data) <= 2: return data
    return data
def ps_pdf(r, ctx, doc, key):
    for n in (None, 12, 8, 5):
        d = doc if n is None else doc.cut(n)
        src, pages = ps_doc(r, d)
        if pages <= 2: break
    p = ctx.path(".ps")
    with open(p, "w", encoding="latin-1") as f: f.write(src)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)
def gs_redistill(ctx, data, key):
    p = ctx.path(".pdf")
    with open(p, "wb") as f: f.write(data)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)

def lo_pdf_job(r, ctx, doc, key, gs=False):
    """choose a LibreOffice input (python-docx, HTML, flat ODT, or xlsx through Calc) and queue the conversion"""
    x = r.random()
    if doc.kind == "list": how = "xlsx" if x < 0.45 else "docx" if x < 0.65 else "html" if x < 0.85 else "fodt"
    else: how = "docx" if x < 0.4 else "html" if x < 0.7 else "fodt"
    seed = int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)
    def make(d, rr):
        if how == "xlsx": return "docx2pdf", xlsx_bytes(rr, d, for_pdf=True), "xlsx"
        if how == "docx": return "docx2pdf", docx_bytes(rr, d), "docx"
        if how == "html": return "html2pdf", render_html(rr, d, for_print=True), "html"
        return "docx2pdf", fodt(rr, d, logo=rr.random() < 0.4), "fodt"
    kind, data, ext = make(doc, r)
    return ctx.add(kind, data, ext, key, gs=gs, redo=lambda n: make(doc.cut(n), random.Random(seed + n)))

def build_attachment(r, ctx, carrier, doc, key):
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-libreoffice": return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45: return fname_for(r, doc, "pdf"), ps_pdf(r, ctx, doc, key)
        if x < 0.65: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: rl_pdf(r, d), doc), key)
        if x < 0.8: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: fp_pdf(r, d), doc), key)
        return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key, gs=True)
    if carrier == "docx":
        x = r.random()
        if x < 0.6: return fname_for(r, doc, "docx"), docx_bytes(r, doc)
        if x < 0.75: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(r, doc, for_print=True), "html", key)
        if x < 0.9: return fname_for(r, doc, "docx"), ctx.add("fodt2docx", fodt(r, doc, logo=r.random() < 0.5), "fodt", key)
        return fname_for(r, doc, "docx"), ctx.add("docx2docx", docx_bytes(r, doc), "docx", key)
    if carrier == "xlsx":
        if r.random() < 0.45: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc, for_lo=True), "xlsx", key)
        return fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc)
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list":
            if x < 0.4: data, ext = csv_bytes(r, doc)
            elif x < 0.75: data, ext = xlsx_bytes(r, doc), "xlsx"
            else: data, ext = fit_pdf(lambda d: rl_pdf(r, d) if r.random() < 0.5 else fp_pdf(r, d), doc), "pdf"
        else:
            if x < 0.5: data, ext = fit_pdf(lambda d: rl_pdf(r, d) if r.random() < 0.5 else fp_pdf(r, d), doc), "pdf"
            else: data, ext = docx_bytes(r, doc), "docx"
        inner = fname_for(r, doc, ext); folder = r.choice(["", "", f"export_{TODAY:%Y-%m}/", "outbound/", f"{(doc.o.short if doc.o else 'files').replace(' ', '_')}/"])
        entries = [(folder + inner, data)]
        if r.random() < 0.25: entries.append((folder + "README.txt", f"Files generated {fdate(TODAY, 'mdy')}. Contact the sender if a file will not open.\r\n".encode()))
        return r.choice([f"{re.sub('[^A-Za-z0-9]+', '_', ascii_fold(doc.title or doc.cat))[:24]}.zip", f"files_{dg(r, 6)}.zip", "archive.zip", f"{doc.cat}_{TODAY:%Y%m%d}.zip"]), make_zip(entries)
    raise ValueError(carrier)

# ================================================================== header carrier
HDR_BODY = ["Please call me when you have a minute.", "See the secure portal message for details.", "Can you look at this today?", "Following up on our conversation this morning.",
            "Documents went by fax - please confirm you received them.", "Thanks for your help with this.", "Let's discuss at huddle.", "Per our call.", "¿Me puede llamar cuando pueda?",
            "Please handle - thank you!", "I left you a voicemail as well."]
def hdr_body(r, m, s, o):
    set_body(r, m, r.choice(HDR_BODY) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3)
def build_header_phi(r):
    o = org(r, CARE + ("payer", "billing", "lab", "pharmacy", "imaging")); p = patient(r, 1, 92); c = Clin(r); dx = dx_for(r, p)
    dob = fdate(p.dob, r.choice(DOB_STYLES)); cond = r.choice(["CHF", "new dx breast ca" if p.sex == "F" else "new dx prostate ca", "positive hep C", "HIV viral load", "suicidal ideation f/u", "opioid use disorder", "A1c 11.2", "pregnancy test positive" if p.sex == "F" and p.age < 45 else "fall with hip fx", "abnormal pap" if p.sex == "F" else "PSA 14.8", "dialysis start"])
    k = r.randrange(18)
    subj = r.choice(["Follow-up", "Question", "Call back please", "Update", "Checking in", "Re: today", "Pt question", "Your message"])
    to = None; cc = None; from_name = None; extra = {}
    if k == 0: subj = f"Lab results - {p.caps()} DOB {dob}"
    elif k == 1: subj = f"{p.lfm()} MRN {p.mrn} - {cond}"
    elif k == 2: to = Address(display_name=f"{p.lfm()} (DOB {fdate(p.dob, r.choice(['mdy', 'm/d/y']))})", addr_spec=p.email); subj = r.choice(["Your test results are ready", "Message from your care team", "Appointment follow-up"])
    elif k == 3: cc = Address(display_name=f"{p.full()} - {cond} pt", addr_spec=p.email)
    elif k == 4: extra["X-Patient-Ref"] = f"{p.hl7()}|MRN {p.mrn}|{dx[0]}"
    elif k == 5: extra["Thread-Topic"] = f"Prior auth {r.choice(['Humira', 'Ozempic', 'MRI L-spine', 'Keytruda', 'sleep study'])} - {p.lfm()} ID {p.member}"; subj = "RE: prior auth"
    elif k == 6: extra["Keywords"] = f"{p.lfm()}; DOB {dob}; {r.choice(['colonoscopy', 'biopsy', 'chemo', 'CPAP', 'psych eval'])} follow-up"
    elif k == 7: extra["X-Fax-Subject"] = f"{p.caps()} SSN {ssn_fmt(p, 'd')} - disability records request"
    elif k == 8: subj = f"Resultados de laboratorio - Paciente: {p.full()}, Fecha de nacimiento {fdate(p.dob, 'es/')}"
    elif k == 9: subj = f"Medicare eligibility {p.mbi} - {p.lfm()} {cond}"
    elif k == 10: from_name = f"Dr. {c.p.family}'s office re: {p.plain()} biopsy"
    elif k == 11: extra["Reply-To"] = Address(display_name=f"Scheduling - {p.plain()} colonoscopy {fdate(future(r, 2, 20), 'm/d')}", addr_spec=f"scheduling@{o.dom}")
    elif k == 12: extra["X-Scan-Filename"] = f"{ascii_fold(p.family).upper().replace(' ', '')}_{ascii_fold(p.given).upper().replace(' ', '')}_{p.dob:%m%d%Y}_{r.choice(['PathReport', 'PsychEval', 'EchoReport', 'HIVResult', 'OpNote'])}.pdf"
    elif k == 13: extra["Comments"] = f"Pt {p.lfm()} MRN {p.mrn} positive {r.choice(['blood culture', 'COVID PCR', 'chlamydia NAAT', 'FIT'])}"
    elif k == 14: extra["X-Encounter"] = f"FIN {p.fin}; {p.lfm()}; ED {r.choice(['chest pain', 'overdose', 'SI', 'MVC', 'miscarriage' if p.sex == 'F' else 'syncope'])}"
    elif k == 15: subj = f"RE: FW: [SECURE] Claim {claimno(r)} denial - member {p.lfm()} (DOB {fdate(p.dob, 'm/d/y')})"
    elif k == 16: extra["X-Claim-Ref"] = f"{claimno(r)}/{p.member}/{p.caps()}/DOS {fdate(recent(r, 60), 'mdy')}/{dx[0]}"
    else: extra["Thread-Topic"] = f"Paciente {p.full()} - {r.choice(['resultado de biopsia', 'control prenatal', 'diabetes descontrolada'])}"; subj = "Seguimiento"
    m, s = new_msg(r, subj, o, to=to, cc=cc, from_name=from_name)
    for h, v in extra.items():
        if h in m: m.replace_header(h, v)
        else: m[h] = v
    hdr_body(r, m, s, o)
    return m
def build_header_clean(r):
    o = org(r); s2 = staffer(r); c = Clin(r); k = r.randrange(16)
    to = None; cc = None; from_name = None; extra = {}
    body = r.choice(["Thanks!", "See you there.", "Let me know if you have questions.", "Please confirm.", "Appreciate it."])
    if k == 0: subj = f"PTO request - {s2.given} {s2.family} {fdate(future(r, 10, 40), 'm/d')}-{fdate(future(r, 41, 45), 'm/d')}"; body = "Coverage is arranged with the float pool."
    elif k == 1: to = Address(display_name=f"{s2.family}, {s2.given} (Facilities)", addr_spec=mbox(r, s2, o.dom)); subj = "Boiler room access"; body = "The contractor needs badge access Thursday 7-9 AM."
    elif k == 2: cc = Address(display_name=f"{s2.given} {s2.family} - HR", addr_spec=mbox(r, s2, o.dom)); subj = f"Offer letter - {staffer(r).given} {staffer(r).family}"; body = "Start date is pending background check."
    elif k == 3: extra["X-Ticket-ID"] = f"INC{dg(r, 7)}"; subj = f"{extra['X-Ticket-ID']} resolved: password reset"; body = "Your password was reset. You will be asked to change it at next login."
    elif k == 4: extra["Thread-Topic"] = f"FY{TODAY.year + 1} capital budget - {r.choice(['Imaging', 'Lab', 'Pharmacy', 'IT'])}"; extra["Keywords"] = "budget; capital; equipment"; subj = "RE: capital requests"; body = "Final list due to Finance by Friday."
    elif k == 5: subj = f"Invoice INV-{dg(r, 6)} / PO {dg(r, 8)}"; body = "Invoice attached in AP portal. Net 30."
    elif k == 6: subj = f"Credentialing: {c.name()}, NPI {c.npi}"; body = "Committee approved; privileges effective next month."
    elif k == 7: subj = f"Date of birth field change on form REG-{r.randint(100, 199)} rev {TODAY.month}/{TODAY.year}"; body = "New forms are in the print shop. Discard old stock by Jan 4."
    elif k == 8: subj = "MBI format reminder: 1EG4-TE5-MK73 is the CMS example"; body = "Please do not use the example number in live registrations."
    elif k == 9: subj = f"Birthday lunch for {s2.given} - {fdate(future(r, 2, 10), 'wd')}"; body = "Meet in the lobby at 11:45. Tacos!"
    elif k == 10: extra["X-Fax-Subject"] = f"W-9 and COI - {r.choice(VENDORS).name}"; subj = "Vendor paperwork"; body = "Received; forwarded to Supply Chain."
    elif k == 11: subj = f"Tracking 1Z{dg(r, 16)} for PO {dg(r, 8)}"; body = "Two boxes, expected Wednesday."
    elif k == 12: from_name = f"Dr. {c.p.given} {c.p.family} (Cardiology)"; subj = "Grand rounds slides"; body = "Slides from Thursday are on the shared drive."
    elif k == 13: extra["Comments"] = f"Agenda for Patient Safety Committee {fdate(future(r, 2, 12), 'm/d')}"; subj = "Agenda"; body = "Agenda and last month's minutes are on the SharePoint site."
    elif k == 14: subj = f"Employee ID E{dg(r, 6)} - badge replacement"; body = "New badge can be picked up at Security after 2 PM."
    else: extra["X-Original-Sender"] = f"{s2.given} {s2.family} <{mbox(r, s2, o.dom)}>"; subj = f"Parking garage closure {fdate(future(r, 2, 20), 'm/d')}"; body = "Garage B level 2 closed for sealing. Use Lot 4."
    m, s = new_msg(r, subj, o, to=to, cc=cc, from_name=from_name)
    for h, v in extra.items():
        if h in m: m.replace_header(h, v)
        else: m[h] = v
    set_body(r, m, body + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.35)
    return m

# ================================================================== run
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_doc" if x < 0.68 else "_raw" if x < 0.84 else "_list")]
    if carrier == "zip": return cyc[L_ + ("_list" if x < 0.45 else "_raw" if x < 0.52 else "_doc")]
    return cyc[L_ + ("_doc" if x < 0.7 else "_list" if x < 0.92 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b6_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    lists = set(PHI_LISTS + CLEAN_LISTS)
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b6-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"; CUR["state"] = None; CUR["org"] = None
            if carrier == "header":
                m = build_header_phi(R) if label == "phi" else build_header_clean(R)
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            tmpl = choose(R, cyc, carrier, label)()
            doc = tmpl(R)
            if tmpl in lists: doc.kind = "list"
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                o = doc.o or org(R)
                m, s = new_msg(R, R.choice(SUBJ) if R.random() < 0.5 else (doc.title or R.choice(SUBJ)), o)
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
    print(f"wrote {len(rows)} batch-6 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
