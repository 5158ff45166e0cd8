#!/usr/bin/python3
"""Batch 17 of the blind DLP corpus: b17-0001.eml ... b17-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a seventeenth author from BRIEF.md (see README "Batch 17").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a job/handle pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation,
the reportlab invariant flag and the fixed fpdf2 creation date/producer) is re-typed after generate_b16.py's wiring.

Voices: a dental / oral-surgery practice, a retina clinic, a cardiac device clinic, a home-health agency, a bariatric
programme, a fertility/IVF clinic, physical therapy / chiropractic, an urgent-care chain, a school-based health
centre, a specialty pharmacy, a reference laboratory and its courier, a radiology group, an anaesthesia billing
company, a Medicaid managed-care care-management team, an allergy/immunotherapy clinic, a student health centre, a
clinical-trial site, a VA community-care office, a wound-care/hyperbaric centre, a paediatric speech/feeding clinic,
and their staff, vendors and payers.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript, poppler-utils).
"""
import copy, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261218
R = random.Random(SEED)
PREFIX = "b17-"
TODAY = dtm.date(2026, 12, 18)
FIXED_STAMP = dtm.datetime(2026, 12, 17, 16, 30, tzinfo=dtm.timezone.utc)   # fpdf2 creation date; PDF dates are normalised to it
FONTS = {"sans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
         "serif": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
         "cond": ("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf")}
DAY = dtm.timedelta
Dt = dtm.date
SR = random.Random(SEED * 3 + 17)      # static tables (organisation numbers) drawn once at import

# ================================================================== small helpers
def digits(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def letters(r, n, pool="ABCDEFGHJKLMNPQRSTUVWXYZ"): return "".join(r.choice(pool) for _ in range(n))
def ascii_of(s): return unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L").replace("ʻ", "")).encode("ascii", "ignore").decode()
def L1(s): return lat1(str(s).replace("ʻ", "'").replace("ł", "l").replace("Ł", "L"))
def pick(r, *opts): return r.choice(opts)

def npi_check(base9):
    tot = 24                                   # the 80840 prefix contributes 24 to the Luhn sum
    for i, ch in enumerate(reversed(base9)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r):
    b = r.choice("12") + digits(r, 8)
    return b + npi_check(b)
def ssn(r, sep="-"):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = f"{a:03d}{sep}{g:02d}{sep}{s:04d}"
        if re.sub(r"\D", "", v) not in ("123456789", "078051120"): return v
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dashes=None):
    while True:
        an = MBI_L + "0123456789"
        c = [r.choice("123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"),
             r.choice(MBI_L), r.choice(MBI_L), r.choice("0123456789"), r.choice("0123456789")]
        v = "".join(c)
        if v != "1EG4TE5MK73": break
    if dashes is None: dashes = r.random() < 0.45
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dashes else v
def ndc(r):
    return r.choice([f"{digits(r, 5)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 5)}-{digits(r, 3)}-{digits(r, 2)}"])

def ndc11(r):
    a, b, c = ndc(r).split("-")
    return f"{a:0>5}{b:0>4}{c:0>2}"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DOB_STYLES = ["mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "dd-Mon-yyyy", "long", "Mon d, yyyy", "yyyymmdd", "mm dd yyyy", "ddMONyyyy", "mm-dd-yyyy", "m.d.yy", "dd Mon yy", "d Month yyyy"]
def fd(d, st="mdy"):
    if isinstance(d, dtm.datetime): d = d.date()
    mo = MONTHS[d.month - 1]
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}", "iso": d.isoformat(),
            "dd-Mon-yyyy": f"{d.day:02d}-{mo[:3]}-{d.year}", "long": f"{mo} {d.day}, {d.year}", "Mon d, yyyy": f"{mo[:3]} {d.day}, {d.year}",
            "yyyymmdd": f"{d:%Y%m%d}", "mm dd yyyy": f"{d:%m %d %Y}", "ddMONyyyy": f"{d.day:02d}{mo[:3].upper()}{d.year}", "mm-dd-yyyy": f"{d:%m-%d-%Y}",
            "m.d.yy": f"{d.month}.{d.day}.{d:%y}", "dd Mon yy": f"{d.day:02d} {mo[:3]} {d:%y}", "d Month yyyy": f"{d.day} {mo} {d.year}",
            "born": f"born {d.day} {mo} {d.year}", "es": f"{d.day} de {MESES[d.month - 1]} de {d.year}", "dmy": f"{d:%d/%m/%Y}",
            "wd": f"{WD[d.weekday()]}, {mo} {d.day}", "md": f"{d.month}/{d.day}", "m/d": f"{d.month}/{d.day}", "Mon d": f"{mo[:3]} {d.day}"}[st]
def dob_str(r, p, st=None): return fd(p.dob, st or r.choice(DOB_STYLES))
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r, h0=7, h1=17): h = r.randint(h0, h1); mnt = r.choice([0, 0, 15, 30, 45, 10, 20, 40, 50]); return f"{(h - 1) % 12 + 1}:{mnt:02d} {'AM' if h < 12 else 'PM'}"
def hhmm(r, h0=6, h1=19): return f"{r.randint(h0, h1):02d}{r.choice(['00', '05', '12', '20', '30', '41', '47', '55'])}"
def age(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))
def money(x): return f"${x:,.2f}"

AREA = ["253", "360", "206", "509", "971", "503", "208", "406", "701", "605", "402", "515", "319", "612", "651", "414", "608", "920", "313", "616", "419", "330", "412", "570", "302", "804", "910", "803", "423", "615", "901", "205", "601", "504", "337", "479", "918", "505", "915", "559", "661", "775", "801", "307", "719"]
def phone(r, st=None):
    a, b, c = r.choice(AREA), f"{r.randint(2, 9)}{digits(r, 2)}", digits(r, 4)
    return {0: f"({a}) {b}-{c}", 1: f"{a}-{b}-{c}", 2: f"{a}.{b}.{c}", 3: f"+1 {a} {b} {c}"}[st if st is not None else r.choice([0, 0, 1, 1, 2, 3])]
STREETS = ["Alder Ct", "Birchwood Ln", "Cottonwood Ave", "Dunmore St", "Elm Hollow Rd", "Fairhaven Dr", "Glenrose Ave", "Hawthorne Pl", "Ironwood Way", "Juniper Ridge Rd",
           "Kestrel Ln", "Larkspur Ct", "Marigold St", "Northgate Blvd", "Orchard Terrace", "Palisade Ave", "Quarry Rd", "Rosemont Dr", "Sycamore Bend", "Tamarack St",
           "Upland Ave", "Vista Grande Dr", "Wheatfield Rd", "Yarrow Ln", "Calle del Sol", "Avenida Las Palmas", "Old Mill Rd", "County Rd 14", "W 38th St", "N 7th Ave",
           "Lakeshore Dr", "Prospect Hill Rd", "Mission Trail", "Pueblo Ct", "Kamehameha Hwy"]
CITIES = [("Tacoma", "WA", "98405"), ("Spokane", "WA", "99205"), ("Salem", "OR", "97301"), ("Boise", "ID", "83706"), ("Billings", "MT", "59102"), ("Fargo", "ND", "58103"),
          ("Sioux Falls", "SD", "57104"), ("Lincoln", "NE", "68510"), ("Des Moines", "IA", "50315"), ("Rochester", "MN", "55901"), ("St. Paul", "MN", "55106"),
          ("Milwaukee", "WI", "53204"), ("Green Bay", "WI", "54301"), ("Dearborn", "MI", "48126"), ("Grand Rapids", "MI", "49507"), ("Toledo", "OH", "43609"),
          ("Akron", "OH", "44310"), ("Pittsburgh", "PA", "15216"), ("Scranton", "PA", "18505"), ("Wilmington", "DE", "19805"), ("Richmond", "VA", "23224"),
          ("Fayetteville", "NC", "28303"), ("Columbia", "SC", "29203"), ("Chattanooga", "TN", "37411"), ("Memphis", "TN", "38118"), ("Birmingham", "AL", "35211"),
          ("Jackson", "MS", "39206"), ("Lafayette", "LA", "70501"), ("Tulsa", "OK", "74112"), ("Las Cruces", "NM", "88001"), ("El Paso", "TX", "79907"),
          ("Fresno", "CA", "93702"), ("Bakersfield", "CA", "93307"), ("Reno", "NV", "89502"), ("Ogden", "UT", "84401"), ("Casper", "WY", "82601"), ("Pueblo", "CO", "81003"),
          ("Hilo", "HI", "96720"), ("St. Cloud", "MN", "56301"), ("Fort Smith", "AR", "72901")]
def address(r, one_line=True):
    city, st, z = r.choice(CITIES)
    street = f"{r.randint(12, 9890)} {r.choice(STREETS)}" + (f" Apt {r.randint(1, 40)}{r.choice(['', 'B', 'C'])}" if r.random() < 0.25 else "")
    return f"{street}, {city}, {st} {z}" if one_line else (street, f"{city}, {st} {z}")

# ================================================================== people (this batch's own name pools)
POOLS = {
    "mexican": dict(f=["María Fernanda", "Guadalupe", "Ximena", "Itzel", "Araceli", "Socorro", "Yesenia", "Maricela", "Rocío", "Ana Sofía"],
                    m=["José Luis", "Juan Carlos", "Rodrigo", "Jesús", "Efraín", "Óscar", "Ramiro", "Joaquín", "Héctor", "Luis Fernando"],
                    fam=["García Hernández", "de la Cruz", "Martínez", "Ramírez Olvera", "Villaseñor", "de la Garza", "Núñez", "Ibarra", "Zúñiga", "Olivárez", "Treviño", "Cárdenas"], sfx=True),
    "guatemalan": dict(f=["Wendy Marisol", "Ana Lucía", "Glendy", "Sindy Yanira", "Mayra", "Heidy"], m=["Elmer", "Byron", "Edwin Josué", "Mynor", "Selvin", "Wilmer"],
                       fam=["Chávez López", "Pérez Xol", "Tzoc", "Cux", "Ajú", "Coc Caal", "Sic", "Tum"]),
    "chinese": dict(f=["Xiaoling", "Mei-Ling", "Grace", "Yan", "Huiying", "Jingwen", "Shu-Fen", "Lily"], m=["Wei", "Jun", "Zhiqiang", "Kevin", "Hao", "Chien-Ming", "Bo", "Tianyu"],
                    fam=["Chen", "Zhang", "Liu", "Huang", "Wong", "Lau", "Tsai", "Zhou", "Guo", "Leung"]),
    "southasian": dict(f=["Priyanka", "Harpreet", "Anjali", "Farhana", "Lakshmi", "Simran", "Deepa", "Nusrat"], m=["Rajesh", "Gurpreet", "Venkata Sai", "Deepak", "Mohammed", "Arjun", "Harjit", "Imran"],
                       fam=["Patel", "Singh", "Kaur", "Reddy", "Subramanian", "Chaudhry", "Iyer", "Bhattacharya", "Venkataraman", "Desai"]),
    "polish": dict(f=["Małgorzata", "Agnieszka", "Barbora", "Zofia", "Jadwiga", "Kateřina", "Ewa"], m=["Łukasz", "Wojciech", "Zdeněk", "Jiří", "Stanisław", "Tomasz", "Mirosław"],
                   fam=["Wójcik", "Kowalczyk", "Szymańska", "Dvořák", "Nováková", "Przybylski", "Grabowski", "Zieliński", "Błaszczyk"]),
    "dutch": dict(f=["Anneke", "Greta", "Liesel", "Wilhelmina", "Marijke", "Ilse"], m=["Pieter", "Dirk", "Jürgen", "Hendrik", "Maarten", "Klaus"],
                  fam=["van der Berg", "van Houten", "von Essen", "ter Haar", "Schröder", "Müller", "Vandenberghe", "de Vries", "Van Dyke"], sfx=True),
    "irish": dict(f=["Siobhán", "Niamh", "Aoife", "Bridget", "Maeve", "Róisín", "Kathleen"], m=["Pádraig", "Ciarán", "Declan", "Seamus", "Colm", "Eoin", "Brendan"],
                  fam=["O'Sullivan", "McNamara", "Fitzgerald", "O'Donnell", "Mac Giolla Phádraig", "Gallagher", "Ó Briain", "McGillicuddy"], sfx=True),
    "greek": dict(f=["Eleni", "Athanasia", "Vasiliki", "Despina", "Konstantina"], m=["Dimitrios", "Konstantinos", "Stavros", "Panagiotis", "Georgios"],
                  fam=["Papadopoulos", "Konstantinidis", "Georgiou", "Katsaros", "Anagnostopoulos", "Xenakis"]),
    "nigerian": dict(f=["Oluwaseun", "Chiamaka", "Ngozi", "Folasade", "Temitope", "Adaeze", "Funmilayo"], m=["Adebayo", "Chukwuemeka", "Ifeanyi", "Olumide", "Obinna", "Babatunde", "Emeka"],
                     fam=["Okonkwo", "Adeyemi", "Ogunleye", "Nwosu", "Eze", "Olatunji", "Obi", "Adeleke", "Onyekachi"]),
    "ethiopian": dict(f=["Selamawit", "Hiwot", "Meron", "Bethlehem", "Tigist", "Saba"], m=["Tesfaye", "Yonas", "Dawit", "Abebe", "Henok", "Mulugeta"],
                      fam=["Gebremedhin", "Tadesse", "Haile", "Bekele", "Wolde-Giorgis", "Kidane", "Assefa", "Gebreyesus"]),
    "arab": dict(f=["Rania", "Nour", "Layla", "Hala", "Yasmin", "Dalia", "Samira"], m=["Khalil", "Yousef", "Omar", "Tariq", "Nabil", "Karim", "Ziad"],
                 fam=["Al-Hashimi", "Haddad", "Abdul-Karim", "El-Khoury", "Nassar", "Abu-Saleh", "Mansour", "Al Jabouri", "Saad"]),
    "hmong": dict(f=["Pa Nhia", "Mai Yer", "Nou", "Blia", "Kalia", "Paj Ntaub"], m=["Tou", "Chue", "Kou", "Xee", "Pheng", "Neng"],
                  fam=["Vang", "Xiong", "Yang", "Thao", "Lor", "Moua", "Her", "Vue"]),
    "hawaiian": dict(f=["Leilani", "Noelani", "Malia", "Kaʻiulani", "Pualani"], m=["Kainoa", "Makana", "Keoni", "Kalani", "Kekoa"],
                     fam=["Kahananui", "Kealoha", "Kamakau", "Nāone", "Akana", "Kapule", "Keawe"]),
    "southern": dict(f=["Mary Beth", "Carolyn", "Loretta", "Peggy Sue", "Darlene", "Annabelle", "Tammy"], m=["William", "Robert", "Dale", "Earl", "James", "Clayton", "Beauford"],
                     fam=["Whitfield", "Pruitt", "Hargrove", "Middleton", "Ashby", "Pennington", "Crenshaw", "Dupree", "Satterfield"], sfx=True),
    "persian": dict(f=["Shirin", "Parisa", "Maryam", "Golnaz", "Nasrin", "Azadeh"], m=["Dariush", "Kourosh", "Babak", "Reza", "Farhad", "Arash"],
                    fam=["Hosseini", "Tehrani", "Rahimzadeh", "Ghorbani", "Moradi", "Karimi", "Sadeghi-Nejad"]),
    "cambodian": dict(f=["Sophea", "Chantha", "Bopha", "Sokha", "Channary"], m=["Vanna", "Rithy", "Sovann", "Dara", "Pisey"],
                      fam=["Chhun", "Prak", "Sok", "Meas", "Keo", "Nhem", "Touch"]),
}
POOL_NAMES = list(POOLS)
HISPANIC = ["mexican", "guatemalan"]
INITIALS = "ABCDEFGHJKLMNPRSTVW"

class Person:
    def __init__(self, r, amin=18, amax=90, sex=None, pool=None, staff=False):
        self.pool = pool or r.choice(POOL_NAMES); P = POOLS[self.pool]
        self.sex = sex or r.choice("FM")
        self.given = r.choice(P["f"] if self.sex == "F" else P["m"])
        self.family = r.choice(P["fam"])
        if self.pool == "irish" and self.family == "Ó Briain" and self.sex == "F": self.family = "Ní Bhriain"
        if self.pool == "polish" and self.sex == "M": self.family = {"Szymańska": "Szymański", "Nováková": "Novák"}.get(self.family, self.family)
        self.mi = r.choice(INITIALS) if r.random() < 0.55 and " " not in self.given else ""
        self.sfx = r.choice(["Jr.", "Jr.", "Sr.", "II", "III", "IV"]) if P.get("sfx") and self.sex == "M" and r.random() < (0.15 if staff else 0.3) else ""
        self.dob = TODAY - DAY(days=r.randint(amin * 365 + 20, amax * 365 + 300))
        self.cred = ""; self.title = None
    # name shapes
    def full(self): return " ".join(x for x in [self.given, (self.mi + ".") if self.mi else "", self.family, self.sfx] if x)
    def plain(self): return f"{self.given} {self.family}"
    def last_first(self): return f"{self.family}{' ' + self.sfx if self.sfx else ''}, {self.given}{' ' + self.mi if self.mi else ''}"
    def last_first_caps(self): return self.last_first().upper().replace(".", "")
    def caps(self): return f"{self.given} {(self.mi + ' ') if self.mi else ''}{self.family}{' ' + self.sfx if self.sfx else ''}".upper()
    def honor(self): return f"{'Mr.' if self.sex == 'M' else pick(random.Random(len(self.given)), 'Ms.', 'Mrs.', 'Ms.')} {self.family}"
    def initial(self): return f"{self.given[0]}. {self.family}"
    def hl7(self): return "^".join([ascii_of(self.family).upper(), ascii_of(self.given).upper(), self.mi, ascii_of(self.sfx).upper().replace(".", "")]).rstrip("^")
    def x12(self): return ascii_of(self.family).upper().replace("'", ""), ascii_of(self.given).upper()
    def with_cred(self): return f"{self.given} {self.family}{', ' + self.cred if self.cred else ''}"
    def shape(self, r): return r.choice([self.full(), self.plain(), self.last_first(), self.last_first_caps(), self.caps(), self.full(), self.last_first()])

def patient(r, amin=18, amax=90, sex=None, pool=None): return Person(r, amin, amax, sex, pool)
def staff(r, cred=None, pool=None):
    p = Person(r, 24, 66, pool=pool, staff=True)
    if cred: p.cred = cred
    return p
def mailbox(p, dom):
    g, f = re.sub("[^a-z]", "", ascii_of(p.given).lower()), re.sub("[^a-z]", "", ascii_of(p.family).lower())
    return [f"{g[:12]}.{f[:14]}", f"{g[:1]}{f[:12]}", f"{f[:12]}{g[:1]}", f"{g[:8]}{f[:1]}"][(len(g) + len(f)) % 4] + "@" + dom
def personal_addr(r, p):
    g, f = re.sub("[^a-z]", "", ascii_of(p.given).lower()), re.sub("[^a-z]", "", ascii_of(p.family).lower())
    return f"{r.choice([g, g[:1], g + r.choice(['.', '_'])])}{f[:10]}{r.choice(['', str(r.randint(2, 98)), str(p.dob.year)[2:]])}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'att.net', 'protonmail.com'])}"

# ================================================================== organisations
class Org:
    def __init__(self, kind, name, short, dom, street, city, st, z):
        self.kind, self.name, self.short, self.dom = kind, name, short, dom
        self.street, self.city, self.st, self.zip = street, city, st, z
        self.phone = phone(SR, SR.choice([0, 1])); self.fax = phone(SR, SR.choice([0, 1])); self.npi = npi(SR); self.tin = f"{SR.randint(10, 98)}-{digits(SR, 7)}"
        self.color = SR.choice(["1F4E79", "2E7D32", "6A1B9A", "00838F", "AD1457", "37474F", "8D6E63", "C62828", "283593", "00695C", "4E342E", "5D4037"])
    def addr(self): return f"{self.street}, {self.city}, {self.st} {self.zip}"
    def initials(self): return "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z'&]+", self.short) if w[0].isupper())[:3] or self.short[:2].upper()

ORG_ROWS = [
    ("dental", "Brightwater Oral & Maxillofacial Surgery", "Brightwater OMS", "brightwateroms.com", "2280 Harbor View Dr, Suite 140", "Tacoma", "WA", "98402"),
    ("dental", "Ferncliff Family Dentistry", "Ferncliff Dental", "ferncliffdental.com", "418 S Division St", "Spokane", "WA", "99202"),
    ("retina", "Clearview Retina Associates", "Clearview Retina", "clearviewretina.com", "1550 NE Orenco Station Pkwy, Ste 210", "Salem", "OR", "97301"),
    ("device", "Keystone Heart Rhythm - Device Clinic", "Keystone Heart Rhythm", "keystoneheartrhythm.org", "700 Grant St, 4th Floor", "Pittsburgh", "PA", "15219"),
    ("homehealth", "Hearthstone Home Health Services", "Hearthstone Home Health", "hearthstonehh.com", "3015 W College Ave", "Milwaukee", "WI", "53221"),
    ("bariatric", "Lighthouse Bariatric & Metabolic Center", "Lighthouse Bariatrics", "lighthousebariatric.org", "90 Harborside Blvd", "Toledo", "OH", "43604"),
    ("ivf", "Willowmere Fertility & IVF", "Willowmere Fertility", "willowmerefertility.com", "6120 Lake Washington Blvd, Ste 300", "Tacoma", "WA", "98409"),
    ("pt", "MotionFirst Physical Therapy & Chiropractic", "MotionFirst PT", "motionfirstpt.com", "1204 S Minnesota Ave", "Sioux Falls", "SD", "57105"),
    ("urgent", "QuickPoint Urgent Care", "QuickPoint Urgent Care", "quickpointuc.com", "4410 N Broadway", "Tulsa", "OK", "74106"),
    ("school", "Eastbrook School-Based Health Center", "Eastbrook SBHC", "eastbrookchc.org", "2500 Eastbrook Rd (at Eastbrook High School)", "Fresno", "CA", "93702"),
    ("spharm", "Meridian Specialty Pharmacy", "Meridian Specialty Rx", "meridianspecialtyrx.com", "8800 Commerce Park Dr, Bldg C", "Memphis", "TN", "38118"),
    ("lab", "Northgate Reference Laboratories", "Northgate Labs", "northgatelabs.com", "1 Northgate Way", "Des Moines", "IA", "50321"),
    ("rad", "Granite Peak Radiology Partners", "Granite Peak Radiology", "granitepeakrad.com", "305 N 27th St", "Billings", "MT", "59101"),
    ("anesbill", "Apex Anesthesia Billing Services", "Apex Anesthesia Billing", "apexanesbilling.com", "1720 Corporate Dr, Ste 500", "Birmingham", "AL", "35242"),
    ("mco", "CommonWell Community Health Plan", "CommonWell Health Plan", "commonwellhp.org", "400 Capitol Mall, Ste 900", "Jackson", "MS", "39201"),
    ("allergy", "Pollenwood Allergy & Asthma Clinic", "Pollenwood Allergy", "pollenwoodallergy.com", "2101 Lakeland Dr", "Lafayette", "LA", "70508"),
    ("student", "Westlake University Student Health Center", "Westlake Student Health", "health.westlake.edu", "Westlake University, 811 Campus Loop", "Lincoln", "NE", "68508"),
    ("trial", "Corvus Clinical Research - Site 114", "Corvus Clinical Research", "corvusresearch.com", "9250 Research Pkwy, Ste 120", "Richmond", "VA", "23235"),
    ("va", "VA Northern Prairie Health Care System, Office of Community Care", "VA Community Care (NPHCS)", "va.gov", "2101 Elm St N", "Fargo", "ND", "58102"),
    ("wound", "Saltmarsh Wound Care & Hyperbaric Medicine", "Saltmarsh Wound Center", "saltmarshwound.org", "12 Marsh Landing Rd", "Columbia", "SC", "29201"),
    ("speech", "Chatterbox Pediatric Speech & Feeding Therapy", "Chatterbox Therapy", "chatterboxtherapy.com", "77 Wyoming Blvd NE, Ste C", "Las Cruces", "NM", "88001"),
    ("hospital", "Riverbend General Hospital", "Riverbend General", "riverbendgeneral.org", "1000 Riverbend Pkwy", "Fargo", "ND", "58103"),
    ("hospital", "St. Adalbert Medical Center", "St. Adalbert", "stadalbert.org", "2600 W Lincoln Ave", "Milwaukee", "WI", "53215"),
    ("clinic", "Prairie Lantern Family Medicine", "Prairie Lantern FM", "prairielanternfm.com", "515 5th Ave S", "St. Cloud", "MN", "56301"),
    ("payer", "Bluestem Health Insurance Company", "Bluestem Health", "bluestemhealth.com", "PO Box 30811", "Des Moines", "IA", "50306"),
    ("payer", "Cascade Dental Benefits", "Cascade Dental", "cascadedentalbenefits.com", "PO Box 4470", "Tacoma", "WA", "98401"),
]
VENDOR_ROWS = [
    ("vendor", "RapidRoute Medical Courier", "RapidRoute Courier", "rapidroutecourier.com", "55 Industrial Dr", "Des Moines", "IA", "50317"),
    ("vendor", "DentaSource Supply Co.", "DentaSource", "dentasource.com", "1900 Commerce St", "Salem", "OR", "97302"),
    ("vendor", "HyperTech Chamber Services", "HyperTech", "hypertechchambers.com", "410 Ocean Ave", "Columbia", "SC", "29210"),
    ("vendor", "CopayBridge Program Services", "CopayBridge", "copaybridge.com", "PO Box 61007", "Memphis", "TN", "38101"),
    ("vendor", "Lakeside Managed IT", "Lakeside IT", "lakesidemit.com", "800 Water St", "Milwaukee", "WI", "53202"),
    ("vendor", "Evergreen Secure Shredding", "Evergreen Shredding", "evergreenshred.com", "22 Mill Rd", "Pittsburgh", "PA", "15205"),
    ("vendor", "Prairie Mutual Fleet Insurance", "Prairie Mutual", "prairiemutual.com", "PO Box 7100", "Fargo", "ND", "58106"),
]
ORGS = [Org(*row) for row in ORG_ROWS]
VENDORS = [Org(*row) for row in VENDOR_ROWS]
BY_KIND = {}
for _o in ORGS + VENDORS: BY_KIND.setdefault(_o.kind, []).append(_o)
def org(r, kind=None): return r.choice(BY_KIND[kind]) if kind else r.choice(ORGS)
def vendor(r, short=None): return next(v for v in VENDORS if v.short == short) if short else r.choice(VENDORS)
def counterpart(r, o):
    """where a care organisation's mail usually goes"""
    opts = {"dental": ["dental", "payer", "clinic"], "retina": ["clinic", "payer", "hospital"], "device": ["hospital", "clinic"], "homehealth": ["clinic", "hospital"],
            "bariatric": ["clinic", "payer"], "ivf": ["payer", "clinic"], "pt": ["clinic", "payer"], "urgent": ["clinic", "hospital"], "school": ["clinic"],
            "spharm": ["clinic", "allergy", "payer"], "lab": ["clinic", "hospital"], "rad": ["hospital", "clinic", "urgent"], "anesbill": ["hospital", "payer"],
            "mco": ["clinic", "hospital"], "allergy": ["clinic", "payer"], "student": ["clinic", "hospital"], "trial": ["clinic", "hospital"], "va": ["clinic", "pt", "wound"],
            "wound": ["clinic", "payer", "homehealth"], "speech": ["clinic", "payer", "school"], "hospital": ["clinic", "payer"], "clinic": ["hospital", "payer"],
            "payer": ["clinic", "hospital"], "vendor": ["clinic", "hospital", "dental"]}.get(o.kind, ["clinic"])
    return o if r.random() < 0.4 else org(r, r.choice(opts))
def other(r, o, kinds=None):
    pool = [x for x in ORGS if x is not o and (kinds is None or x.kind in kinds)]
    return r.choice(pool)
PLANS = [("Bluestem Health PPO", "BSH"), ("Bluestem Medicare Advantage HMO", "BSM"), ("CommonWell Medicaid", "CWM"), ("Cascade Dental PPO", "CDP"), ("Harvest Mutual EPO", "HME"),
         ("Sagebrush Health Partners", "SHP"), ("Medicare Part B", "MCR"), ("TRICARE East", "TRI"), ("Ironbridge Employer Plan", "IEP")]
MED_PLANS = [p for p in PLANS if "Dental" not in p[0]]
def member_id(r, pfx=None):
    pfx = pfx or r.choice([p[1] for p in MED_PLANS])
    return r.choice([f"{pfx}{digits(r, 9)}", f"{pfx}{digits(r, 7)}0{r.randint(1, 4)}", f"{digits(r, 3)}{letters(r, 2)}{digits(r, 6)}", f"{pfx}-{digits(r, 4)}-{digits(r, 5)}"])
def plan_and_id(r, plans=None):
    pl = r.choice(plans or MED_PLANS)
    return pl[0], (mbi(r) if pl[1] == "MCR" else medicaid_id(r) if pl[1] == "CWM" else member_id(r, pl[1]))
def medicaid_id(r): return r.choice([digits(r, 10), f"{letters(r, 2)}{digits(r, 5)}{letters(r, 1)}", f"7{digits(r, 9)}"])
def mrn(r, o=None): return r.choice([digits(r, 8), f"00{digits(r, 6)}", f"E{digits(r, 7)}", f"{(o.initials() if o else 'M')}{digits(r, 6)}", f"M{digits(r, 9)}"])
def acct(r): return r.choice([digits(r, 10), f"A{digits(r, 8)}", f"{digits(r, 4)}-{digits(r, 6)}", f"G{digits(r, 7)}"])
def csn(r): return "8" + digits(r, 9)
def fin(r): return "26" + digits(r, 8)
def claim_no(r): return r.choice([f"26{digits(r, 3)}{digits(r, 8)}", f"CLM-{digits(r, 9)}", f"{digits(r, 4)}{letters(r, 3)}{digits(r, 6)}", f"E{digits(r, 12)}"])
def accession(r): return r.choice([f"26-{r.randint(300, 351)}-{digits(r, 5)}", f"NG{digits(r, 9)}", f"A{digits(r, 2)}{letters(r, 1)}{digits(r, 5)}"])
def rad_acc(r): return r.choice([f"GP{digits(r, 8)}", f"RAD-26-{digits(r, 6)}", f"{digits(r, 9)}"])
def device_serial(r, model): return r.choice([f"{letters(r, 3)}{digits(r, 6)}{letters(r, 1)}", f"{digits(r, 8)}", f"{model[:2].upper()}{digits(r, 7)}"])

# ================================================================== documents
class Doc:
    """a document: blocks are ("h", text) ("p", text) ("kv", [(label, value)], style) ("table", header, rows) ("pre", text)"""
    def __init__(self, cat, title, blocks, o, kind="narr", sender=None, subject=None, to_patient=None, lang="en", dest=None):
        self.cat, self.title, self.blocks, self.o, self.kind, self.dest = cat, title, blocks, o, kind, dest
        self.sender, self.subject, self.to_patient, self.lang = sender, subject, to_patient, lang
    def cut(self, n):
        d = copy.copy(self); out = []
        for b in self.blocks:
            if b[0] == "table": out.append(("table", b[1], b[2][:n]))
            elif b[0] == "pre":
                lines = b[1].split("\n"); out.append(("pre", "\n".join(lines[:max(n * 5, 30)])))
            else: out.append(b)
        d.blocks = out; return d
    def table(self): return next((b for b in self.blocks if b[0] == "table"), None)

KV_STYLES = ["colon", "colon", "aligned", "nextline", "caps", "dash", "nolabelcolon", "tight"]
def kv(r, items, style=None): return ("kv", [(a, b) for a, b in items if b not in (None, "")], style or r.choice(KV_STYLES))
def p_(t): return ("p", t)
def h_(t): return ("h", t)
def pre(t): return ("pre", t)
def tbl(hdr, rows): return ("table", hdr, rows)

def L_pt(r): return r.choice(["Patient", "Patient Name", "Pt", "Pt Name", "Name", "PATIENT", "Patient name", "Pt. name"])
def L_dob(r): return r.choice(["DOB", "D.O.B.", "Date of Birth", "Birth Date", "Birthdate", "Pt DOB", "dob", "Date of birth", "Birth date"])
def L_mrn(r): return r.choice(["MRN", "Med Rec #", "MR #", "Medical Record No.", "Chart #", "MRN#", "Patient ID", "Med Rec No"])
def L_mbr(r): return r.choice(["Member ID", "Mbr ID", "Member #", "ID#", "Subscriber ID", "Insured's ID Number", "Ins ID", "Member No."])
def L_acct(r): return r.choice(["Acct #", "Account No.", "Account Number", "Pt Acct #", "FIN", "HAR", "CSN", "Encounter #", "Visit ID", "Guarantor Acct #"])
def acct_val(r, lab): return {"FIN": fin(r), "HAR": "31" + digits(r, 8), "CSN": csn(r), "Encounter #": f"ENC{digits(r, 8)}", "Visit ID": f"V{digits(r, 9)}"}.get(lab, acct(r))
def L_phone(r): return r.choice(["Phone", "Ph", "Home phone", "Cell", "Best contact #", "Tel"])
def L_addr(r): return r.choice(["Address", "Home address", "Addr", "Mailing address"])

CREDS = {"dental": ["DDS", "DMD", "DDS, MD", "RDH", "EFDA"], "retina": ["MD", "OD", "COA", "COT"], "device": ["RN", "CCDS", "MD, FHRS", "NP"], "homehealth": ["RN", "LPN", "PT", "RN, WCC"],
         "bariatric": ["MD, FACS", "RD, LD", "PA-C", "RN, CBN"], "ivf": ["MD", "RN", "NP", "MS, ELD(ABB)"], "pt": ["PT, DPT", "DC", "PTA", "PT, OCS"], "urgent": ["MD", "PA-C", "FNP-C", "RN", "DO"],
         "school": ["RN, NCSN", "FNP", "LCSW"], "spharm": ["PharmD", "CPhT", "PharmD, BCPS"], "lab": ["MT(ASCP)", "MD", "MLS(ASCP)"], "rad": ["MD", "RT(R)", "DO"],
         "anesbill": ["CPC", "CANPC", "CRCR"], "mco": ["RN, CCM", "LMSW", "RN"], "allergy": ["MD", "RN", "LPN", "NP"], "student": ["MD", "NP", "RN", "PhD"],
         "trial": ["CCRC", "MD", "RN, CCRP"], "va": ["RN", "MSW", "LCSW"], "wound": ["MD, UHM", "RN, CWS", "CHT"], "speech": ["MS, CCC-SLP", "OTR/L", "CF-SLP"],
         "hospital": ["RN", "MD", "RHIT", "CCS"], "clinic": ["MD", "DO", "NP", "RN", "MA"], "payer": ["RN", "CPC", ""], "vendor": [""]}
TITLES = {"dental": ["Surgical Coordinator", "Office Manager", "Treatment Coordinator", "Insurance Coordinator"], "retina": ["Injection Scheduler", "Retina Technician", "Practice Administrator", "Prior Auth Coordinator"],
          "device": ["Device Clinic RN", "Remote Monitoring Specialist", "EP Scheduler"], "homehealth": ["Clinical Manager", "Intake Coordinator", "Field RN", "Director of Nursing"],
          "bariatric": ["Program Coordinator", "Bariatric Dietitian", "Insurance Navigator"], "ivf": ["IVF Nurse Coordinator", "Financial Counselor", "Lab Director"],
          "pt": ["Front Desk", "Clinic Director", "Physical Therapist", "Billing"], "urgent": ["Clinic Lead", "Callback Nurse", "Regional Operations Manager", "Medical Director"],
          "school": ["School Nurse", "SBHC Coordinator", "Health Aide"], "spharm": ["Patient Care Coordinator", "Clinical Pharmacist", "Benefits Specialist", "Intake"],
          "lab": ["Client Services", "Supervisor, Specimen Processing", "Medical Director", "Courier Dispatch"], "rad": ["Radiologist", "Reading Room Coordinator", "Quality Manager"],
          "anesbill": ["Account Representative", "Coding Lead", "AR Specialist", "Client Manager"], "mco": ["Care Manager", "Care Coordination Supervisor", "Community Health Worker"],
          "allergy": ["Allergy Nurse", "Extract Lab", "Office Manager"], "student": ["Clinic Nurse", "Director, Student Health", "Immunization Compliance", "Counseling Intake"],
          "trial": ["Clinical Research Coordinator", "Principal Investigator", "Regulatory Specialist", "Site Manager"], "va": ["Community Care Coordinator", "Referral Coordinator", "Nurse Case Manager"],
          "wound": ["Wound Care RN", "Hyperbaric Safety Director", "Program Director"], "speech": ["Speech-Language Pathologist", "Feeding Therapist", "Intake Coordinator"],
          "hospital": ["Case Manager", "HIM Specialist", "Nursing Supervisor", "Privacy Officer", "IT Service Desk", "Talent Acquisition"],
          "clinic": ["Referral Coordinator", "Practice Manager", "Care Coordinator"], "payer": ["Provider Relations", "UM Nurse Reviewer", "Claims Analyst", "EDI Support"],
          "vendor": ["Account Executive", "Customer Care", "Billing Department", "Dispatch"]}
def clinician(r, o, pool=None):
    p = staff(r, pool=pool); p.cred = r.choice(CREDS.get(o.kind, ["MD"])); return p
CRED_TITLE = {"DDS": "Oral & Maxillofacial Surgeon", "DMD": "Dentist", "MD": "Physician", "DO": "Physician", "RN": "Registered Nurse", "LPN": "Licensed Practical Nurse", "PT": "Physical Therapist",
              "DC": "Chiropractor", "PTA": "Physical Therapist Assistant", "PA-C": "Physician Assistant", "FNP-C": "Nurse Practitioner", "NP": "Nurse Practitioner", "FNP": "Nurse Practitioner",
              "PharmD": "Clinical Pharmacist", "CPhT": "Pharmacy Technician", "MS": "Speech-Language Pathologist", "OTR/L": "Occupational Therapist", "CF-SLP": "Clinical Fellow, SLP",
              "CCRC": "Clinical Research Coordinator", "CHT": "Hyperbaric Technologist", "RDH": "Dental Hygienist", "EFDA": "Expanded Function Dental Assistant", "OD": "Optometrist",
              "COA": "Ophthalmic Technician", "COT": "Ophthalmic Technologist", "CCDS": "Device Specialist", "RD": "Bariatric Dietitian", "MT(ASCP)": "Medical Technologist",
              "MLS(ASCP)": "Medical Laboratory Scientist", "RT(R)": "Radiologic Technologist", "CPC": "Certified Coder", "CANPC": "Anesthesia Coding Specialist", "CRCR": "Revenue Cycle Specialist",
              "LMSW": "Social Worker", "LCSW": "Social Worker", "PhD": "Psychologist", "MSW": "Social Worker", "CCRP": "Research Site Manager", "CRNA": "Nurse Anesthetist"}
def title_for(r, p, o):
    if not p.title:
        c = p.cred.split(",")[0].strip() if p.cred else ""
        p.title = CRED_TITLE.get(c) or r.choice(TITLES.get(o.kind, ["Coordinator"]))
    return p.title
def signoff(r, p, o):
    t = title_for(r, p, o); nm = p.with_cred()
    return r.choice([f"{nm}\n{t}\n{o.name}\nPh {o.phone}  Fax {o.fax}", f"Thank you,\n{nm}\n{o.short}", f"{nm} | {t}\n{o.name} | {o.addr()}", f"Regards,\n{p.given}\n{t}, {o.short}\n{o.phone}",
                     f"{nm}\n{t}"])
def provider(r, cred="MD"):
    p = staff(r); p.cred = cred; return p
def dr(p): return f"Dr. {p.family}"
def he(p): return "he" if p.sex == "M" else "she"

# ------------------------------------------------------------------ clinical vocabulary
RETINA_DX = [("H35.3211", "exudative AMD, right eye, active CNV", "OD"), ("H35.3221", "exudative AMD, left eye, active CNV", "OS"), ("E11.3511", "T2DM with PDR with macular edema, right eye", "OD"),
             ("E11.3412", "T2DM with severe NPDR with macular edema, left eye", "OS"), ("H34.8110", "CRVO, right eye, with macular edema", "OD"), ("H34.8320", "BRVO, left eye, with macular edema", "OS")]
RETINA_DRUGS = [("aflibercept 2 mg", "J0178", 2), ("faricimab-svoa 6 mg", "J2777", 60), ("bevacizumab 1.25 mg", "J9035", 1), ("aflibercept 8 mg (HD)", "J0177", 8), ("ranibizumab-nuna 0.5 mg", "Q5124", 5)]
DEVICES = [("dual-chamber pacemaker", "Azure XT DR", "Z95.0", "I44.2", "complete heart block"), ("single-chamber ICD", "Visia AF VR", "Z95.810", "I42.0", "dilated cardiomyopathy, EF 25%"),
           ("CRT-D", "Claria MRI Quad", "Z95.810", "I50.22", "chronic systolic HF, LBBB"), ("leadless pacemaker", "Micra AV2", "Z95.0", "I49.5", "sick sinus syndrome"),
           ("implantable loop recorder", "LINQ II", "Z95.818", "R55", "recurrent syncope"), ("S-ICD", "Emblem MRI", "Z95.810", "I47.20", "VT, s/p cardiac arrest")]
DEVICE_ALERTS = {"ICD": ["VT episode at 188 bpm lasting 32 s, terminated by ATP (1 burst)", "one shock delivered at 02:14 for VF (cycle length 210 ms), successful", "RV lead impedance 2,180 ohms (baseline 540) - possible conductor fracture",
                            "thoracic impedance index above threshold for 9 days - possible fluid overload", "AF burden 22% over the last 7 days (previously <1%); not on anticoagulation, CHA2DS2-VASc 4", "battery has reached ERI; generator change needs scheduling"],
                 "PM": ["AF burden 22% over the last 7 days (previously <1%); not on anticoagulation, CHA2DS2-VASc 4", "RA lead impedance 1,950 ohms (baseline 480) - possible lead issue", "battery has reached ERI; generator change needs scheduling",
                        "high ventricular rate episodes, 41 in 24 h, max 190 bpm", "RV pacing 98% with new LBBB-type QRS - consider CRT upgrade"],
                 "ILR": ["pause of 6.2 s recorded at 03:40, patient-activated symptom marker", "AF detected: 14 h 20 min cumulative, first episode", "bradycardia episode, 31 bpm for 48 s", "SVT at 176 bpm for 4 min"]}
def device_alert(r, dev):
    return r.choice(DEVICE_ALERTS["ILR" if "loop" in dev else "ICD" if ("ICD" in dev or "CRT" in dev) else "PM"])
HH_DX = [("L97.412", "non-pressure chronic ulcer of right heel and midfoot, fat layer exposed"), ("L89.154", "pressure ulcer of sacral region, stage 4"), ("I87.2", "venous insufficiency, LLE ulcer"),
         ("E11.622", "T2DM with other skin ulcer"), ("T81.31XA", "disruption of external surgical wound"), ("I50.32", "chronic diastolic heart failure"), ("J44.1", "COPD with acute exacerbation")]
PT_DX = [("M75.121", "complete rotator cuff tear, right shoulder, not specified as traumatic"), ("M54.50", "low back pain, unspecified"), ("M48.061", "lumbar spinal stenosis without neurogenic claudication"),
         ("S83.241D", "other tear of medial meniscus, right knee, subsequent encounter"), ("Z96.652", "presence of left artificial knee joint"), ("M25.511", "pain in right shoulder"),
         ("M99.03", "segmental and somatic dysfunction of lumbar region"), ("M54.2", "cervicalgia"), ("M54.16", "radiculopathy, lumbar region")]
UC_DX = [("S61.012A", "laceration without foreign body of left thumb without nail damage", "3 simple interrupted 5-0 nylon, suture removal 10-12 days"),
         ("S93.402A", "sprain of unspecified ligament of left ankle", "x-ray negative for fracture, ASO brace, crutches"),
         ("S52.521A", "torus fracture of lower end of right radius", "splint applied, ortho follow-up within 1 week"),
         ("J06.9", "acute upper respiratory infection", "supportive care, rapid flu/COVID negative"), ("H66.91", "otitis media, right ear", "amoxicillin 875 mg BID x 10 days"),
         ("R07.89", "other chest pain", "ECG NSR, troponin <3 ng/L, advised PCP follow-up within 48 h"), ("L03.115", "cellulitis of right lower limb", "cephalexin 500 mg QID x 7 days, margins marked")]
LAB_PANELS = [
    [("Lithium", "1.6", "H", "0.6-1.2", "mmol/L")], [("Hemoglobin A1c", "9.8", "H", "<5.7", "%"), ("Glucose, fasting", "212", "H", "70-99", "mg/dL")],
    [("QuantiFERON-TB Gold Plus", "POSITIVE", "A", "Negative", ""), ("TB1 Ag minus Nil", "1.42", "H", "<0.35", "IU/mL")],
    [("TSH", "0.02", "L", "0.45-4.50", "uIU/mL"), ("Free T4", "3.1", "H", "0.8-1.8", "ng/dL")],
    [("HCV RNA, quantitative PCR", "1,240,000", "H", "Not detected", "IU/mL"), ("HCV genotype", "1a", "", "", "")],
    [("Potassium", "6.3", "HH", "3.5-5.1", "mmol/L"), ("Creatinine", "2.41", "H", "0.57-1.00", "mg/dL"), ("eGFR (CKD-EPI 2021)", "22", "L", ">59", "mL/min/1.73m2")],
    [("Tacrolimus, trough", "14.8", "H", "5.0-15.0 (target per transplant team)", "ng/mL")], [("Vitamin D, 25-OH", "8", "L", "30-100", "ng/mL")],
    [("Ferritin", "4", "L", "15-150", "ng/mL"), ("Hemoglobin", "8.7", "L", "11.6-15.0", "g/dL")], [("PSA, total", "11.4", "H", "0.0-4.0", "ng/mL")],
    [("Chlamydia trachomatis NAAT", "DETECTED", "A", "Not detected", ""), ("Neisseria gonorrhoeae NAAT", "Not detected", "", "Not detected", "")],
    [("Anti-Mullerian hormone", "0.41", "L", "1.0-3.5", "ng/mL"), ("FSH, day 3", "14.2", "H", "3.5-12.5", "mIU/mL")],
    [("Beta hCG, quantitative", "212", "", "see note", "mIU/mL")], [("Alpha-gal IgE", "8.92", "H", "<0.10", "kU/L")]]
ALLERGENS = ["tree/grass/weed mix", "dust mite (D. farinae/D. pteronyssinus)", "cat/dog/mite", "Johnson grass + Bermuda", "mixed vespid venom", "honey bee venom", "ragweed/mold mix"]
SPHARM_DRUGS = [("Dupixent 300 mg/2 mL pen", "dupilumab", "L20.9", "atopic dermatitis"), ("Hadlima 40 mg/0.4 mL", "adalimumab-bwwd", "K50.90", "Crohn disease"),
                ("Skyrizi 150 mg/mL pen", "risankizumab-rzaa", "L40.0", "plaque psoriasis"), ("Entyvio 300 mg infusion", "vedolizumab", "K51.90", "ulcerative colitis"),
                ("Xolair 150 mg PFS", "omalizumab", "J45.50", "severe persistent asthma"), ("Letairis 10 mg tabs", "ambrisentan (REMS)", "I27.0", "pulmonary arterial hypertension"),
                ("Enbrel 50 mg SureClick", "etanercept", "M05.79", "rheumatoid arthritis"), ("Absorica LD 32 mg", "isotretinoin (iPLEDGE REMS)", "L70.0", "severe nodular acne"),
                ("Tremfya 100 mg/mL", "guselkumab", "L40.50", "psoriatic arthritis"), ("Mavyret tablets", "glecaprevir/pibrentasvir", "B18.2", "chronic hepatitis C")]
ASA = [("00790", "anesthesia for intraperitoneal procedures in upper abdomen incl. laparoscopy", 7, "K8020"), ("01402", "anesthesia for open or surgical arthroscopic procedures on knee joint; total knee arthroplasty", 7, "M1711"),
       ("00811", "anesthesia for lower intestinal endoscopic procedures", 4, "Z1211"), ("01967", "neuraxial labor analgesia/anesthesia for planned vaginal delivery", 5, "O80"),
       ("00400", "anesthesia for procedures on the integumentary system on the extremities, anterior trunk and perineum", 3, "L723"), ("00142", "anesthesia for procedures on eye; lens surgery", 4, "H2511"),
       ("01480", "anesthesia for open procedures on bones of lower leg, ankle, and foot", 3, "S82891A"), ("00731", "anesthesia for upper gastrointestinal endoscopic procedures", 5, "K219")]
RAD_EXAMS = [("CT head without contrast", "70450"), ("CTA chest PE protocol", "71275"), ("CT abdomen/pelvis with contrast", "74177"), ("MRI lumbar spine without contrast", "72148"),
             ("Diagnostic mammogram, bilateral, with tomosynthesis", "77066"), ("US right upper quadrant", "76705"), ("XR chest 2 views", "71046")]
CRIT_BY_CPT = {"70450": ["acute left subdural hematoma, 9 mm, with 4 mm midline shift", "acute intraparenchymal hemorrhage, right basal ganglia, 3.1 cm", "large acute left MCA territory infarct"],
               "71275": ["segmental pulmonary emboli in the right lower lobe", "saddle pulmonary embolus with RV/LV ratio 1.4"], "74177": ["free intraperitoneal air", "acute appendicitis with periappendiceal abscess", "small bowel obstruction with closed-loop configuration"],
               "72148": ["epidural abscess L3-L4 with cord/cauda equina compression", "L4-5 disc extrusion with severe cauda equina compression"], "71046": ["tension pneumothorax, right", "malpositioned NG tube in the right mainstem bronchus"],
               "76705": ["acute cholecystitis with gallbladder wall perforation"]}
def crit_exam(r, p):
    ex, cpt = r.choice([e for e in RAD_EXAMS if e[1] in CRIT_BY_CPT]); f = r.choice(CRIT_BY_CPT[cpt])
    if p.sex == "F" and cpt == "74177" and r.random() < 0.3: f = "ruptured ectopic pregnancy with hemoperitoneum"
    return ex, cpt, f
MCO_DX = [("O09.523", "supervision of elderly multigravida, third trimester"), ("E11.65", "T2DM with hyperglycemia"), ("J45.41", "moderate persistent asthma with exacerbation"),
          ("F20.9", "schizophrenia, unspecified"), ("I50.9", "heart failure, unspecified"), ("D57.1", "sickle-cell disease without crisis"), ("F11.20", "opioid use disorder, moderate, on buprenorphine")]
VA_SEOC = [("Physical Therapy - Initial", "M54.50", 12), ("Chiropractic Care", "M99.03", 10), ("Audiology - Hearing Aid Eval", "H90.3", 2), ("Mental Health - PTSD Outpatient", "F43.12", 16),
           ("Wound Care / HBO", "E11.621", 40), ("Optometry - Diabetic Eye Exam", "E11.9", 1), ("Dental - Comprehensive Exam (eligible Veteran)", "K02.52", 3), ("Sleep Medicine - CPAP titration", "G47.33", 2)]
SPEECH_DX = [("R13.12", "dysphagia, oropharyngeal phase"), ("F80.2", "mixed receptive-expressive language disorder"), ("R63.32", "pediatric feeding disorder, chronic"), ("F80.0", "phonological disorder"),
             ("F80.81", "childhood onset fluency disorder"), ("Q35.9", "cleft palate, unspecified")]
SCHOOL_ISSUES = ["asthma", "concussion", "diabetes", "seizure", "anaphylaxis"]

# ================================================================== PHI narratives
def P_dental_referral(r):
    o = BY_KIND["dental"][1]; oms = BY_KIND["dental"][0]; p = patient(r, 15, 78); d = clinician(r, o); d.cred = r.choice(["DDS", "DMD"]); d.title = "General Dentist"
    reason = r.choice(["full bony impactions #17 and #32, partial bony #1 and #16; recurrent pericoronitis #32", "non-restorable #30 with periapical radiolucency approx. 6 mm",
                       "vertical root fracture suspected on #8 after failed RCT; pt wants implant consult", "biopsy of 1.2 cm white lesion L lateral tongue, present > 3 weeks",
                       "exposure and bonding of impacted #6 (ortho referral)", "#19 extraction, ridge preservation graft for future implant"])
    meds = r.choice(["no medications reported", "albuterol HFA PRN (J45.909)", "sertraline 50 mg daily", "levothyroxine 75 mcg"] if age(p.dob) < 40 else
                    ["apixaban 5 mg BID (atrial fibrillation)", "warfarin - last INR 2.7 on " + fd(past(r, 3, 20), "m/d/yy"), "no medications reported", "clopidogrel 75 mg daily (stent 2024)",
                     "metformin, insulin glargine 32 units HS (A1c 8.9)"] + (["alendronate 70 mg weekly for 6 years", "zoledronic acid IV, last dose March 2026 (breast cancer, C50.912)"] if p.sex == "F" else ["zoledronic acid IV q3 months (prostate cancer, C61)"]))
    items = [(L_pt(r), p.shape(r)), (L_dob(r), dob_str(r, p)), (L_phone(r), phone(r)), (r.choice(["Dental insurance", "Insurance"]), r.choice(["Cascade Dental PPO", "Delta-type PPO via employer", "CommonWell Medicaid (adult dental)", "self-pay"])),
             (L_mbr(r), member_id(r, "CDP")), ("Reason for referral", reason), ("Medical hx / meds", meds), ("Radiographs", r.choice(["pano + FMX sent through the imaging portal", "CBCT attached to portal upload", "PA of area, taken " + fd(past(r, 2, 40), "m/d/yy")]))]
    blocks = [h_("Referral to Oral & Maxillofacial Surgery"), p_(f"From {o.name} to {oms.name}. Please evaluate and treat."), kv(r, items),
              p_(r.choice(["Patient is anxious and would prefer IV sedation if " + he(p) + " is a candidate.", "Please send the op note back to us when done.", "Pt aware you will call to schedule. Thanks!"])), p_(signoff(r, d, o))]
    return Doc("dental-referral", f"Referral - {p.plain()}", blocks, o, sender=d, dest=oms)

def P_oms_postop(r):
    o = BY_KIND["dental"][0]; p = patient(r, 16, 82); s = clinician(r, o); s.cred = "DDS, MD"; gp = provider(r, "DDS")
    dos = past(r, 1, 12); teeth = r.choice(["#1, #16, #17 and #32", "#30", "#19 with socket graft", "#8 with immediate implant placement", "#14 and #15"])
    sed = r.choice(["IV moderate sedation (midazolam/fentanyl)", "local anesthesia only (2% lidocaine 1:100k, 4 carpules)", "general anesthesia, nasal intubation"])
    blocks = [p_(f"{fd(TODAY, 'long')}"), p_(f"Dear Dr. {gp.family},"),
              p_(f"Thank you for referring {p.honor() if r.random() < 0.5 else p.full()} (DOB {dob_str(r, p)}). On {fd(dos, 'long')} we removed {teeth} under {sed}. "
                 f"{r.choice(['Healing at the one-week check was uneventful.', he(p).capitalize() + ' developed a dry socket that was packed on post-op day 4; now resolving.', 'Pathology on the lesion: ' + r.choice(['fibroma, benign', 'mild epithelial dysplasia - will follow q3 months', 'squamous papilloma']) + '.'])}"),
              p_(r.choice(["Given the bisphosphonate history we counselled on MRONJ risk and will see back in 6 weeks.", "Anticoagulation was continued; hemostasis achieved with Surgicel and sutures.",
                           "Implant restoration can begin after 4 months of integration.", "Prescribed ibuprofen 600 mg q6h and chlorhexidine rinse; no opioids."])),
              p_("Sincerely,\n\n" + s.with_cred() + "\n" + o.name)]
    return Doc("oral-surgery-postop", f"Post-op letter {p.family}", blocks, o, sender=s, subject=f"Post-op: {p.initial()} - {teeth}", dest=BY_KIND["dental"][1])

def P_dental_predet(r):
    o = org(r, "dental"); p = patient(r, 18, 75); pay = BY_KIND["payer"][1]; c = staff(r); c.title = "Insurance Coordinator"
    procs = r.sample([("D7240", "Removal of impacted tooth - completely bony", "#17", 495.00), ("D7240", "Removal of impacted tooth - completely bony", "#32", 495.00),
                      ("D6010", "Surgical placement of implant body: endosteal", "#19", 2150.00), ("D7953", "Bone replacement graft for ridge preservation", "#19", 640.00),
                      ("D9239", "IV moderate sedation - first 15 min", "", 325.00), ("D9243", "IV moderate sedation - each subsequent 15 min", "", 210.00),
                      ("D7210", "Extraction, erupted tooth requiring removal of bone", "#30", 310.00), ("D4341", "Periodontal scaling and root planing, 4+ teeth per quadrant", "UR", 265.00)], 4)
    rows = [(a, b, c_, money(d)) for a, b, c_, d in procs]
    items = [("Subscriber", p.last_first()), ("Subscriber ID", member_id(r, "CDP")), ("Group #", f"G{digits(r, 6)}"), ("Patient", r.choice(["Self", p.full()])), ("Patient DOB", dob_str(r, p, "mdy")),
             ("Treating dentist", f"{provider(r, 'DDS').with_cred()}, NPI {npi(r)}"), ("Date of exam", fd(past(r, 3, 30), "mdy"))]
    blocks = [h_("Pre-Treatment Estimate Request"), p_(f"To: {pay.name} - Pre-determinations"), kv(r, items, "aligned"), tbl(["CDT", "Description", "Tooth/Area", "Fee"], rows),
              p_(f"Narrative: {r.choice(['Pericoronitis x3 in the past year, radiographs show complete bony impaction.', 'Tooth fractured below the CEJ; restoration not possible.', 'Generalized 5-6 mm pockets with BOP.'])} X-rays uploaded via the payer portal (attachment ID NEA#{digits(r, 9)})."),
              p_(signoff(r, c, o))]
    return Doc("dental-predetermination", "Predetermination request", blocks, o, sender=c, dest=pay)

def P_retina(r):
    o = org(r, "retina"); p = patient(r, 55, 93); md = provider(r, "MD"); code, dxt, eye = r.choice(RETINA_DX); drug, jc, units = r.choice(RETINA_DRUGS)
    n = r.randint(3, 5); gaps = [r.choice([28, 35, 42, 49, 56]) for _ in range(n - 1)]; d0 = past(r, 0, 10) - DAY(days=sum(gaps)); rows = []
    vas = ["20/200", "20/100", "20/80", "20/60", "20/50", "20/40", "20/32", "20/30", "20/25"]
    vi = r.randint(0, 4); cst = r.randint(380, 560)
    for i in range(n):
        if i: d0 = d0 + DAY(days=gaps[i - 1])
        vi = min(vi + r.choice([0, 1, 1, 2]), 8); cst -= r.randint(10, 70)
        rows.append((fd(d0, "mdy"), eye, vas[vi], str(r.randint(12, 21)), str(max(cst, 240)), drug))
    intro = r.choice([f"Dear Dr. {provider(r, 'OD').family},\n\nUpdate on our mutual patient {p.full()}, DOB {dob_str(r, p)}, treated for {dxt} ({code}).",
                      f"Injection summary for {p.last_first()} ({L_mrn(r)} {mrn(r, o)}, {L_dob(r)} {dob_str(r, p)}). Dx {code} - {dxt}."])
    plan = r.choice([f"Macula dry today; extending interval to {r.choice(['8', '10', '12'])} weeks (treat-and-extend).", "Persistent intraretinal fluid; keeping q4-week dosing and requesting switch authorization.",
                     f"IOP spike to {r.randint(27, 34)} mmHg post injection, treated with timolol drop and AC tap - resolved to 18."])
    blocks = [p_(intro), tbl(["Date", "Eye", "VA (cc)", "IOP", "CST (um)", "Agent"], rows), p_(plan + f" Next injection {fd(soon(r, 20, 60), 'mdy')}."), p_(md.with_cred() + "\n" + o.name)]
    return Doc("retina-injection", f"Retina update - {p.family}", blocks, o, sender=md, dest=org(r, "clinic"))

def P_retina_pa(r):
    o = org(r, "retina"); p = patient(r, 58, 90); code, dxt, eye = r.choice(RETINA_DX); drug, jc, units = r.choice(RETINA_DRUGS[:2] + RETINA_DRUGS[3:]); c = staff(r); c.title = "Prior Auth Coordinator"
    pay, pid_ = plan_and_id(r, [x for x in MED_PLANS if x[1] in ("BSM", "SHP", "HME")])
    items = [("Member name", p.last_first_caps()), (L_mbr(r), pid_), ("Date of birth", dob_str(r, p)), ("Plan", pay), ("Drug requested", f"{drug} ({jc}, {units} units per eye per injection)"),
             ("Eye", eye), ("Diagnosis", f"{code} {dxt}"), ("Frequency", r.choice(["q4 weeks x 3 loading, then q8-16 weeks", "q8 weeks", "q4 weeks"])), ("Requested dates", f"{fd(soon(r, 1, 10), 'mdy')} - {fd(soon(r, 170, 190), 'mdy')}"),
             ("Step therapy", f"bevacizumab (J9035) x{r.randint(3, 6)} from {fd(past(r, 200, 400), 'mdy')}: persistent subretinal fluid, CST {r.randint(330, 420)} um")]
    blocks = [h_("Medical Drug Prior Authorization - Intravitreal"), kv(r, items), p_(f"Ordering physician: {provider(r).with_cred()}, NPI {o.npi}. OCT reports attached in the portal. Please fax determination to {o.fax}."), p_(signoff(r, c, o))]
    return Doc("retina-prior-auth", "Intravitreal PA request", blocks, o, sender=c, dest=BY_KIND["payer"][0])

def P_device_alert(r):
    o = org(r, "device"); p = patient(r, 45, 93); dev, model, zc, dxc, dxt = r.choice(DEVICES); rn = clinician(r, o); rn.cred = r.choice(["RN", "CCDS"])
    alert = device_alert(r, dev); tx = past(r, 0, 2)
    items = [(L_pt(r), p.shape(r)), (L_dob(r), dob_str(r, p)), (L_mrn(r), mrn(r, o)), ("Device", f"{dev} - {model}"), ("Serial", device_serial(r, model)), ("Implanted", fd(past(r, 300, 3000), "mdy")),
             ("Indication", f"{dxc} {dxt}; {zc}"), ("Transmission", f"{fd(tx, 'mdy')} {clock(r, 0, 23)}"), ("Alert", alert)]
    act = r.choice(["Called patient - denies syncope, some palpitations. Scheduled in-clinic interrogation tomorrow 9:40.", "Unable to reach patient (2 attempts, VM left). Please advise re: anticoagulation.",
                    "Patient instructed to go to the ED if another shock occurs. Dr. notified.", "Routine follow-up booked; no action needed from EP beyond sign-off."])
    blocks = [p_(r.choice(["Remote monitoring alert for your review:", "RED alert from the overnight transmissions -", "Please review and sign (yellow alert):"])), kv(r, items), p_("Action: " + act), p_(signoff(r, rn, o))]
    return Doc("device-alert", f"Remote alert - {p.initial()}", blocks, o, sender=rn)

def P_device_letter(r):
    o = org(r, "device"); p = patient(r, 55, 92); dev, model, *_ = r.choice(DEVICES[:4]); last = past(r, 60, 150)
    blocks = [p_(fd(TODAY, "long")), p_(f"{p.full()}\n{address(r)}"), p_(f"Dear {p.honor()},"),
              p_(f"Our device clinic has not received a remote transmission from your {dev} ({model}) since {fd(last, 'long')}. Your monitor may be unplugged, or it may need to be re-paired with your device."),
              p_(f"Please keep the monitor plugged in near where you sleep and call us at {o.phone} so we can walk you through a manual transmission. Your next scheduled check is {fd(soon(r, 5, 30), 'long')}."),
              p_(f"If you have fainted, received a shock, or feel your heart racing, call 911.\n\nKeystone Device Clinic nursing team")]
    return Doc("device-missed-transmission", "Your heart device - missed transmission", blocks, o, to_patient=p)

def P_hh_visit(r):
    o = org(r, "homehealth"); p = patient(r, 62, 97); rn = clinician(r, o); rn.cred = r.choice(["RN", "RN, WCC", "LPN"]); code, dxt = r.choice(HH_DX[:5]); vd = past(r, 0, 3)
    l, w, dpt = round(r.uniform(1.2, 6.5), 1), round(r.uniform(0.8, 4.0), 1), round(r.uniform(0.1, 1.8), 1)
    items = [(L_pt(r), p.shape(r)), (L_mrn(r), f"HH{digits(r, 6)}"), ("MBI", mbi(r)), ("Visit", f"SN {r.choice(['routine', 'PRN', 'recert', 'wound'])} - {fd(vd, 'mdy')} {clock(r, 8, 16)}"),
             ("Vitals", f"BP {r.randint(102, 172)}/{r.randint(58, 96)}, HR {r.randint(58, 108)}, SpO2 {r.randint(88, 99)}% RA, T {round(r.uniform(97.1, 100.9), 1)}, wt {r.randint(98, 260)} lb"),
             ("Primary dx", f"{code} {dxt}"), ("Wound", f"{r.choice(['R heel', 'sacrum', 'L lateral malleolus', 'abdominal incision', 'R anterior shin'])}: {l} x {w} x {dpt} cm, undermining {r.randint(0, 2)}.{r.randint(0, 9)} cm at {r.randint(1, 12)} o'clock"),
             ("Wound bed", f"{r.randint(40, 95)}% granulation, {r.choice(['scant serous', 'moderate serosanguineous', 'copious purulent'])} drainage, {r.choice(['no odor', 'mild odor', 'foul odor'])}"),
             ("Treatment", r.choice(["cleansed NS, calcium alginate, foam border, change 3x/wk", "NPWT changed at 125 mmHg continuous", "Santyl to slough, moist gauze, ABD, daily by caregiver"]))]
    plan = r.choice(["Caregiver (daughter) return-demonstrated dressing change.", "Notified Dr. of increased drainage and temp 100.4 - awaiting order for wound culture.", "Measurements improved from last week; continue POC."])
    blocks = [h_("Skilled Nursing Visit Note"), kv(r, items), p_("Teaching / plan: " + plan + f" Next SN visit {fd(vd + DAY(days=r.choice([2, 3, 7])), 'mdy')}."), p_(f"{rn.with_cred()} - electronically signed")]
    return Doc("home-health-visit", f"SN visit note {p.family}", blocks, o, sender=rn)

def P_hh_oasis(r):
    o = org(r, "homehealth"); p = patient(r, 66, 98); dm = clinician(r, o); dm.cred = "RN"; dm.title = "Clinical Manager"; code, dxt = r.choice(HH_DX); phy = provider(r)
    soc = past(r, 3, 20)
    items = [("Patient", p.last_first()), ("DOB", dob_str(r, p, "mdy")), ("Medicare #", mbi(r)), ("SOC date", fd(soc, "mdy")), ("Cert period", f"{fd(soc, 'mdy')} - {fd(soc + DAY(days=59), 'mdy')}"),
             ("Assessment", r.choice(["OASIS-E1 SOC", "OASIS-E1 ROC after hospitalization", "OASIS-E1 recert (day 56-60)"])), ("Primary dx", f"{code} {dxt}"),
             ("M1033 risk factors", r.choice(["2+ falls in 12 mo, 5+ meds, 2+ ED visits", "decline in mental status, frailty", "recent hospitalization x2"])),
             ("GG0170 mobility", f"sit-to-stand {r.randint(2, 4)}, walk 50 ft w/ 2 turns {r.randint(1, 4)}"), ("M1860 ambulation", r.choice(["2 - walker", "3 - walker with supervision", "1 - device"]))]
    orders = r.choice(["SN 2w3, 1w5; PT 2w4; HHA 2w3; MSW eval 1-2 visits", "SN 3w1, 2w4, PRN x3 for wound; OT eval", "SN 1w9 for med management (insulin); PT 1w4"])
    blocks = [p_(f"Dr. {phy.family},\n\nPlease review and sign the plan of care (CMS-485) for your patient below. Orders: {orders}."), kv(r, items), p_("Signed orders can be returned via fax to " + o.fax + " or through the portal."), p_(signoff(r, dm, o))]
    return Doc("oasis-plan-of-care", "Plan of care for signature", blocks, o, sender=dm, dest=org(r, "clinic"))

def P_bariatric(r):
    o = org(r, "bariatric"); p = patient(r, 21, 64); c = staff(r); c.title = "Program Coordinator"; ht = r.randint(60, 74); bmi = round(r.uniform(38.5, 61.0), 1); wt = int(bmi * ht * ht / 703)
    zb = "Z68.41" if bmi < 45 else "Z68.42" if bmi < 50 else "Z68.43" if bmi < 60 else "Z68.44"
    proc = r.choice([("laparoscopic sleeve gastrectomy", "43775"), ("laparoscopic Roux-en-Y gastric bypass", "43644"), ("revision sleeve to RYGB", "43645")])
    items = [(L_pt(r), p.full()), (L_dob(r), dob_str(r, p)), (L_mrn(r), mrn(r, o)), ("Procedure", f"{proc[0]} (CPT {proc[1]})"), ("Height / weight", f"{ht} in / {wt} lb"),
             ("BMI", f"{bmi} (E66.01, {zb})"), ("Comorbidities", r.choice(["OSA on CPAP, HTN", "T2DM (A1c 8.1), GERD", "HTN, HLD, knee OA", "PCOS, prediabetes", "OSA, NASH"])),
             ("Psych eval", r.choice(["cleared " + fd(past(r, 10, 90), "m/d/yy"), "scheduled " + fd(soon(r, 3, 20), "m/d/yy"), "cleared with recommendation for ongoing counseling"])),
             ("Supervised diet visits", f"{r.randint(2, 6)}/6 completed"), ("H. pylori / EGD", r.choice(["neg / done - small hiatal hernia", "pending / scheduled", "positive - on triple therapy"])),
             ("Nicotine", r.choice(["cotinine negative " + fd(past(r, 1, 30), "m/d/yy"), "quit 2025, cotinine pending"])), ("Insurance", "{}, ID {}".format(*plan_and_id(r)))]
    blocks = [h_("Pre-surgical Checklist Review"), kv(r, items), p_(r.choice([f"Target surgery date {fd(soon(r, 20, 60), 'long')} pending auth.", "Not ready for submission - needs 2 more diet visits.", "Packet complete - submitting to insurance today."])), p_(signoff(r, c, o))]
    return Doc("bariatric-clearance", f"Bariatric checklist - {p.family}", blocks, o, sender=c)

def P_ivf(r):
    o = org(r, "ivf"); p = patient(r, 27, 44, sex="F"); rn = clinician(r, o); rn.cred = "RN"; rn.title = "IVF Nurse Coordinator"; v = r.randrange(3)
    if v == 0:
        fol = sorted([r.randint(10, 21) for _ in range(r.randint(5, 12))], reverse=True)
        blocks = [p_(f"Hi {p.given},"), p_(f"Here are your monitoring results from this morning (stim day {r.randint(6, 11)}):"),
                  kv(r, [("Estradiol", f"{r.randint(600, 3800):,} pg/mL"), ("LH", f"{round(r.uniform(0.8, 6.0), 1)} mIU/mL"), ("Progesterone", f"{round(r.uniform(0.3, 1.4), 1)} ng/mL"),
                         ("Follicles (mm)", ", ".join(map(str, fol))), ("Lining", f"{round(r.uniform(7.0, 12.5), 1)} mm trilaminar")], "colon"),
                  p_(r.choice(["Continue Gonal-f 225 IU and Menopur 75 IU tonight, start ganirelix 250 mcg in the morning. Return Thursday 7:15 AM.",
                               "You are ready to trigger! Take Ovidrel 250 mcg + Lupron 40 units at exactly 9:30 PM tonight. Retrieval is at 9:00 AM in two days; nothing to eat after midnight.",
                               "Decrease Follistim to 150 IU. Because of the number of follicles we are planning a freeze-all cycle to reduce OHSS risk."])),
                  p_(rn.given + ", RN\n" + o.short)]
        return Doc("ivf-cycle", "Monitoring results", blocks, o, sender=rn, subject="Your monitoring results today", to_patient=p)
    if v == 1:
        b = r.choice([212, 48, 1450, 3, 96]); ok = b > 50
        blocks = [p_(f"Dear {p.given} {p.family},"), p_(f"Your blood pregnancy test (beta hCG) drawn {fd(past(r, 0, 1), 'mdy')}, {r.randint(9, 14)} days after your frozen embryo transfer, came back at {b} mIU/mL."),
                  p_("Congratulations - this is a positive result. Please continue estradiol and progesterone in oil and come back in 48 hours for a repeat level." if ok else
                     "Unfortunately this is lower than we hope to see. Please continue your medications until the repeat test in 48 hours; Dr. will call you to discuss."),
                  p_(f"Date of birth on file: {dob_str(r, p, 'mdy')}\nPatient ID: {mrn(r, o)}"), p_(f"{rn.with_cred()}\n{o.name}")]
        return Doc("ivf-beta-result", "Beta hCG result", blocks, o, sender=rn, to_patient=p)
    fc = staff(r); fc.title = "Financial Counselor"; pr = patient(r, 28, 50, sex="M")
    items = [("Patient", p.last_first()), ("Partner", pr.last_first()), (L_dob(r), dob_str(r, p)), ("Insurance", r.choice(["Bluestem Health PPO (IVF rider)", "Ironbridge Employer Plan via Progyny-type carve-out", "self-pay"])),
             (L_mbr(r), member_id(r)), ("Dx", r.choice(["N97.1 female infertility of tubal origin", "E28.2 PCOS with anovulation; N97.0", "N97.9 / male factor N46.9", "Z31.83 encounter for assisted reproductive fertility procedure cycle"])),
             ("Cycle", r.choice(["IVF/ICSI with PGT-A", "FET #2", "egg freezing (elective)", "IUI #3 with letrozole"])), ("Estimated patient responsibility", money(r.choice([2150, 4875, 8600, 12400])))]
    blocks = [p_("Financial clearance summary before cycle start:"), kv(r, items), p_("Cryostorage: first year included; then $" + str(r.choice([600, 675, 750])) + "/yr billed each January."), p_(signoff(r, fc, o))]
    return Doc("ivf-financial-clearance", "Financial clearance", blocks, o, sender=fc)

def P_pt_progress(r):
    o = org(r, "pt"); p = patient(r, 16, 84); t = clinician(r, o); t.cred = r.choice(["PT, DPT", "PT, OCS"]); code, dxt = r.choice(PT_DX[:6]); ref = provider(r, r.choice(["MD", "DO", "PA-C"]))
    used = r.randint(8, 20); auth = used + r.randint(0, 8)
    rows = [("Knee flexion AROM" if "knee" in dxt or "meniscus" in dxt else "Shoulder flexion AROM" if "shoulder" in dxt else "Lumbar flexion", f"{r.randint(70, 110)} deg" if "lumbar" not in dxt.lower() else "50%",
             f"{r.randint(110, 140)} deg" if "lumbar" not in dxt.lower() else "80%"),
            ("Strength (MMT)", f"{r.randint(3, 4)}-/5", f"{r.randint(4, 5)}/5" if r.random() < 0.5 else "4+/5"), (r.choice(["LEFS", "QuickDASH", "Oswestry"]), str(r.randint(30, 60)), str(r.randint(20, 72))),
            ("Pain (NPRS)", f"{r.randint(5, 8)}/10", f"{r.randint(1, 4)}/10")]
    blocks = [h_("Physical Therapy Progress Report"), kv(r, [(L_pt(r), p.full()), (L_dob(r), dob_str(r, p)), ("Referring", ref.with_cred()), ("Dx", f"{code} {dxt}"),
                                                           ("Visits", f"{used} of {auth} authorized"), ("Report date", fd(TODAY, "mdy"))]),
              tbl(["Measure", "Initial eval", "Today"], rows),
              p_("Assessment: " + r.choice(["Progressing toward goals; still limited with overhead reaching.", "Plateaued over last 3 visits; recommend ortho re-eval / imaging.", "Met 3 of 4 goals; plan discharge to HEP in 2 weeks."])),
              p_(f"Plan: continue {r.choice(['2x/week x 4 weeks', '3x/week x 3 weeks', '1x/week x 4 weeks'])}. A new prescription is needed for visits after {fd(soon(r, 5, 20), 'm/d/yyyy')}."), p_(t.with_cred())]
    return Doc("pt-progress-note", f"PT progress - {p.family}", blocks, o, sender=t, dest=org(r, r.choice(["clinic", "hospital"])))

def P_chiro(r):
    o = org(r, "pt"); p = patient(r, 20, 76); dc = clinician(r, o); dc.cred = "DC"; dx = r.sample(PT_DX[6:], 2)
    items = [("Member", p.last_first_caps()), (L_mbr(r), member_id(r)), ("DOB", dob_str(r, p)), ("Date of injury/onset", fd(past(r, 20, 200), "mdy")), ("Diagnoses", "; ".join(f"{a} {b}" for a, b in dx)),
             ("Services", "98941 CMT 3-4 regions, 97140 manual therapy, 97110 ther ex"), ("Visits requested", f"{r.choice([8, 10, 12])} over {r.choice([4, 6])} weeks"),
             ("Outcome measure", f"{r.choice(['Oswestry', 'NDI'])} {r.randint(28, 56)}% (initial {r.randint(44, 70)}%)")]
    blocks = [p_("Request for additional chiropractic visits (clinical review)"), kv(r, items), p_(r.choice(["Patient is a warehouse worker, still on light duty (no lifting > 20 lb).", "Radicular symptoms improving; SLR now negative at 60 degrees.", "Headaches reduced from daily to 2x/week."])),
              p_(dc.with_cred() + f"\nNPI {npi(r)}")]
    return Doc("chiro-auth-request", "Additional visits request", blocks, o, sender=dc, dest=BY_KIND["payer"][0])

def P_urgent(r):
    o = org(r, "urgent"); p = patient(r, 2, 88); code, dxt, tx = r.choice(UC_DX); prov = clinician(r, o); prov.cred = r.choice(["PA-C", "FNP-C", "MD", "DO"]); pcp = provider(r)
    loc = r.choice(["Tulsa - N Broadway", "Broken Arrow", "Owasso", "Sand Springs", "Midtown"])
    blocks = [p_(f"To: Dr. {pcp.family} (PCP on file)"), h_("Urgent Care Visit Summary"),
              kv(r, [(L_pt(r), p.shape(r)), (L_dob(r), dob_str(r, p)), (r.choice(["CSN", "Visit ID", "Encounter #"]), csn(r)), ("Location", f"QuickPoint {loc}"),
                     ("Date of service", fd(past(r, 0, 3), "mdy")), ("Chief complaint", r.choice(["fall", "cough x5 days", "cut hand in kitchen", "ankle injury at soccer", "ear pain", "chest tightness", "red swollen leg"])),
                     ("Diagnosis", f"{code} - {dxt}"), ("Treatment", tx)]),
              p_(r.choice(["Please see patient for follow-up within 1 week.", "Patient does not have a PCP relationship established here; we gave your office number.", "Work note given for 2 days."])),
              p_(prov.with_cred() + "\n" + o.name)]
    return Doc("urgent-care-summary", "Visit summary", blocks, o, sender=prov, dest=org(r, "clinic"))

def P_uc_callback(r):
    o = org(r, "urgent"); p = patient(r, 4, 80); rn = clinician(r, o); rn.cred = "RN"; rn.title = "Callback Nurse"; vd = past(r, 2, 5)
    kid = age(p.dob) < 18
    res = r.choice([("urine culture", "E. coli >100,000 CFU/mL, RESISTANT to nitrofurantoin and TMP-SMX", "changed to cefpodoxime 200 mg BID x 7 days, sent to Walgreens on file"),
                    ("throat culture", "Group A Strep isolated (rapid test was negative)", "amoxicillin 50 mg/kg/day sent; school note faxed" if kid else "amoxicillin 500 mg BID x 10 days sent to pharmacy on file"),
                    ("radiology over-read", "non-displaced fracture base of 5th metatarsal, not called on initial read", "pt advised to stay in boot, ortho referral placed"),
                    ("wound culture", "MRSA", "switched from cephalexin to doxycycline 100 mg BID")])
    blocks = [p_(f"Callback documentation - {fd(TODAY, 'mdy')} {clock(r, 9, 18)}"),
              p_(f"{p.last_first()}  DOB {dob_str(r, p)}  {L_phone(r)} {phone(r)}\nSeen {fd(vd, 'm/d')} at QuickPoint. {res[0].capitalize()} resulted: {res[1]}."),
              p_(f"Spoke with {r.choice(['mother', 'father']) if kid else r.choice(['patient', 'patient', 'spouse'])}, identity verified with name + DOB. Plan: {res[2]}."),
              p_(r.choice(["Routing to the provider of record for co-sign.", "No further callback needed.", "Left detailed voicemail per consent on file; will try again tomorrow."])), p_(rn.given + " " + rn.family + ", RN")]
    return Doc("culture-callback", f"Callback - {p.family}", blocks, o, sender=rn)

def P_school(r):
    o = org(r, "school"); kid = patient(r, 5, 18); par = Person(r, 30, 55, pool=kid.pool); par.family = kid.family; rn = clinician(r, o); rn.cred = "RN, NCSN"; rn.title = "School Nurse"
    iss = r.choice(SCHOOL_ISSUES); gr = max(0, age(kid.dob) - 5)
    body = {"asthma": f"{kid.given} came to the health center at {clock(r, 8, 14)} short of breath after PE. Peak flow {r.randint(150, 230)} (personal best {r.randint(300, 380)}). We gave albuterol 4 puffs with spacer per the asthma action plan; recheck {r.randint(280, 360)} after 20 minutes and back to class. The inhaler at school expires {fd(soon(r, 5, 40), 'mdy')} - please send a new one.",
            "concussion": f"Following the head injury at Friday's game, {kid.given} was seen by our NP and diagnosed with a concussion (S06.0X0A). Return-to-learn plan: half days this week, no screens over 20 min, extra test time; no sports until cleared in writing.",
            "diabetes": f"{kid.given}'s Dexcom alarmed low at {clock(r, 9, 13)} (54 mg/dL). Treated with 15 g juice, recheck 98 at 15 minutes. Lunch insulin was reduced per the DMMP sliding scale. Please review the carb ratio with the endocrinologist - this is the third low this week.",
            "seizure": f"{kid.given} had a {r.randint(2, 4)}-minute generalized seizure in class at {clock(r, 8, 14)}. Seizure action plan followed; rescue med not needed (under 5 min). Post-ictal, picked up by grandmother at {clock(r, 12, 15)}. Please let us know if the neurologist changes the levetiracetam dose.",
            "anaphylaxis": f"Reminder: the epinephrine auto-injector order for {kid.given} (peanut/tree nut allergy, T78.01XA history) expires {fd(soon(r, 3, 21), 'mdy')}. We need a new signed Medication Authorization form and two unexpired pens before the field trip."}[iss]
    blocks = [p_(f"Dear {par.honor()},"), p_(body),
              kv(r, [("Student", kid.full()), ("Grade", str(gr) if gr else "K"), ("DOB", dob_str(r, kid, "mdy")), ("Student ID", digits(r, 7))], "colon"),
              p_(f"Please call me at {o.phone} ext. {r.randint(200, 299)} with any questions.\n\n{rn.with_cred()}\n{o.name}")]
    return Doc("school-health", f"Health office note - {kid.given}", blocks, o, sender=rn, to_patient=par if r.random() < 0.6 else None)

def P_spharm(r):
    o = org(r, "spharm"); p = patient(r, 14, 80); brand, gen, code, dxt = r.choice(SPHARM_DRUGS); c = staff(r); c.title = r.choice(["Patient Care Coordinator", "Benefits Specialist"]); prs = provider(r)
    v = r.randrange(3)
    if v == 0:
        items = [(L_pt(r), p.full()), (L_dob(r), dob_str(r, p)), ("Rx", f"{brand} ({gen}), NDC {ndc(r)}"), ("Dx", f"{code} {dxt}"), ("PA", f"approved #{digits(r, 10)} thru {fd(soon(r, 150, 365), 'mdy')}"),
                 ("Plan copay", money(r.choice([1420, 850, 3150.5, 95]))), ("Copay card", f"enrolled - BIN 610{digits(r, 3)} PCN {letters(r, 2)}{digits(r, 2)} Grp {digits(r, 8)} ID {digits(r, 11)}"),
                 ("Ship date", f"{fd(soon(r, 1, 6), 'mdy')} to patient's home, signature required, cold chain")]
        blocks = [p_(f"Dr. {prs.family}, benefits investigation complete for your patient:"), kv(r, items), p_("Patient pays $0 after the manufacturer program. Injection training scheduled with our nurse."), p_(signoff(r, c, o))]
        return Doc("specialty-rx-onboarding", f"BI complete - {p.family}", blocks, o, sender=c, dest=org(r, "allergy" if brand.split()[0] in ("Dupixent", "Xolair") else "clinic"))
    if v == 1:
        rp = clinician(r, o); rp.cred = "PharmD"
        blocks = [p_(f"Dr. {prs.family},"), p_(f"Our adherence call with {p.full()} (DOB {dob_str(r, p)}) on {fd(past(r, 0, 3), 'mdy')}: patient reports {r.choice(['missing 2 doses of', 'stopping', 'GI upset on', 'headaches on'] if 'tab' in brand.lower() else ['missing 2 doses of', 'injection-site reactions with', 'stopping', 'fatigue after'])} {brand}. "
                                                                     f"{r.choice(['Refill is 19 days late.', he(p).capitalize() + ' is worried about cost after the copay card maximum was reached.', 'Reports new cough and fever - advised to hold the dose and call you.'])}"),
                  p_(f"Please advise whether to continue therapy. Next fill due {fd(soon(r, 1, 10), 'mdy')}."), p_(rp.with_cred() + ", " + o.short)]
        return Doc("specialty-rx-adherence", "Adherence outreach", blocks, o, sender=rp, dest=org(r, "allergy" if brand.split()[0] in ("Dupixent", "Xolair") else "clinic"))
    rp = clinician(r, o); rp.cred = "PharmD"; rems = r.choice([("Letairis (ambrisentan)", "monthly pregnancy test"), ("Absorica (isotretinoin) - iPLEDGE", "negative pregnancy test and two forms of contraception confirmed"), ("Xyrem-type oxybate REMS", "patient counseling acknowledgement")])
    blocks = [p_(f"REMS hold - {rems[0]}"), kv(r, [("Patient", p.last_first()), ("DOB", dob_str(r, p)), ("REMS patient ID", digits(r, 9)), ("Missing", rems[1]), ("Prescriber", prs.with_cred())]),
              p_("We cannot dispense until the REMS requirement is documented for this month. Please update the REMS portal or fax the form to " + o.fax + "."), p_(rp.with_cred())]
    return Doc("rems-hold", "REMS requirement", blocks, o, sender=rp, dest=org(r, "clinic"))

def P_lab(r):
    o = org(r, "lab"); p = patient(r, 1, 90); panel = r.choice(LAB_PANELS); cl = org(r, r.choice(["clinic", "urgent", "hospital"])); prv = provider(r); col = past(r, 1, 4)
    rows = [(t, v, f, rg, u) for t, v, f, rg, u in panel]
    blocks = [h_("Northgate Reference Laboratories - Final Report"),
              kv(r, [(L_pt(r), p.last_first_caps()), (L_dob(r), dob_str(r, p)), ("Sex", p.sex), ("Accession", accession(r)), ("Client", f"{cl.name} (acct {digits(r, 5)})"), ("Ordering", prv.with_cred()),
                     ("Collected", f"{fd(col, 'mdy')} {hhmm(r)}"), ("Reported", f"{fd(col + DAY(days=r.randint(1, 3)), 'mdy')} {hhmm(r)}")], r.choice(["aligned", "colon", "tight"])),
              tbl(["Test", "Result", "Flag", "Reference", "Units"], rows),
              p_(r.choice(["Critical value called to and read back by " + staff(r).plain() + " at " + clock(r) + ".", "Performing site: Northgate Labs, CLIA 16D" + digits(r, 7) + ".", "Specimen slightly hemolyzed."]))]
    return Doc("reference-lab-result", "Lab report", blocks, o, dest=cl)

def P_courier(r):
    o = org(r, "lab"); cv = vendor(r, "RapidRoute Courier"); p = patient(r, 1, 90); d = staff(r); d.title = "Dispatch"
    issue = r.choice(["tube arrived broken in the bag (lavender top)", "cooler temperature logged 14.2 C for 40 min - frozen specimen thawed", "specimen unlabeled - only the requisition had the name",
                      "urine cup leaked, requisition contaminated", "missed pickup - specimen left in lockbox over the weekend"])
    blocks = [p_(f"{r.choice(['Hi,', 'Client services -', 'Good morning,'])}"), p_(f"Route {r.randint(3, 22)} driver reported a problem on the {clock(r, 13, 18)} pickup at {org(r, r.choice(['clinic', 'urgent'])).short}:"),
              kv(r, [("Patient", p.full()), ("DOB", dob_str(r, p)), ("Test", r.choice(["CBC, CMP", "24-h urine protein", "PT/INR", "HIV viral load", "lead, venous", "cortisol AM"])), ("Issue", issue), ("Manifest #", f"RR{digits(r, 7)}")], "dash"),
              p_("Please arrange a redraw with the patient; we will add an extra stop tomorrow."), p_(f"{d.plain()}\nRapidRoute Medical Courier dispatch | {cv.phone}")]
    return Doc("courier-specimen-issue", "Specimen problem", blocks, cv, sender=d, dest=o)

def P_rad_critical(r):
    o = org(r, "rad"); p = patient(r, 16, 92); rd = provider(r, r.choice(["MD", "DO"])); ordp = provider(r); ex, cpt, fnd = crit_exam(r, p); t = clock(r, 0, 23)
    items = [("Exam", f"{ex} (CPT {cpt})"), ("Accession", rad_acc(r)), (L_pt(r), p.last_first_caps()), (L_mrn(r), mrn(r)), (L_dob(r), dob_str(r, p)), ("Finding", fnd),
             ("Communicated to", f"Dr. {ordp.given} {ordp.family} ({r.choice(['ED', 'hospitalist', 'ordering', 'covering'])}) by phone"), ("Time", f"{fd(TODAY - DAY(days=r.randint(0, 2)), 'mdy')} {t}"), ("Read-back", "confirmed")]
    blocks = [h_("Critical Result Communication Record"), kv(r, items), p_(f"Documented by {rd.with_cred()}, {o.name}.")]
    return Doc("rad-critical-call", "Critical result", blocks, o, sender=rd, dest=org(r, r.choice(["hospital", "urgent"])))

def P_rad_report(r):
    o = org(r, "rad"); rd = provider(r); ex, cpt = r.choice(RAD_EXAMS); ordp = provider(r); p = patient(r, 40, 88, sex="F") if cpt == "77066" else patient(r, 20, 88)
    imp = {"70450": "No acute intracranial hemorrhage. Chronic small vessel ischemic change.", "71275": "Acute bilateral segmental pulmonary emboli. RV/LV ratio 1.1 - suggest echocardiogram.",
           "74177": "Acute uncomplicated sigmoid diverticulitis. No abscess.", "72148": "L4-5 left paracentral disc extrusion contacting the descending left L5 nerve root.",
           "77066": "Irregular 1.4 cm mass at 10 o'clock left breast, 6 cm FN. BI-RADS 4C - ultrasound-guided biopsy recommended.", "76705": "Cholelithiasis with gallbladder wall thickening; positive sonographic Murphy sign.",
           "71046": "Right lower lobe consolidation consistent with pneumonia."}[cpt]
    blocks = [h_(f"{ex.upper()}"), kv(r, [("Patient", p.last_first()), ("DOB", dob_str(r, p)), ("MRN", mrn(r)), ("Acc #", rad_acc(r)), ("Ordering", ordp.with_cred()), ("Exam date", fd(past(r, 0, 5), "mdy"))], "aligned"),
              p_("CLINICAL HISTORY: " + r.choice(["pain", "shortness of breath, tachycardia", "LLQ pain, fever", "low back pain radiating to left leg x 6 weeks", "palpable lump left breast", "RUQ pain after meals", "cough and fever"])),
              p_("COMPARISON: " + r.choice(["None.", fd(past(r, 200, 900), "mdy") + "."])), p_("IMPRESSION:\n" + imp), p_(f"Electronically signed by {rd.with_cred()} on {fd(TODAY, 'mdy')} {hhmm(r)}")]
    return Doc("radiology-report", f"Radiology report - {p.family}", blocks, o)

def P_anes_billing(r):
    o = org(r, "anesbill"); code, desc, base, _dx = r.choice(ASA); p = patient(r, 18, 44, sex="F") if code == "01967" else patient(r, 18, 86); mins = r.randint(24, 210); c = staff(r); c.title = r.choice(["Account Representative", "Coding Lead"])
    v = r.randrange(2)
    if v == 0:
        items = [("Patient", p.last_first()), ("DOB", dob_str(r, p)), (r.choice(["Acct #", "Account No."]), acct(r)), ("DOS", fd(past(r, 20, 80), "mdy")), ("ASA code", f"{code} - {desc}"),
                 ("Base units / time", f"{base} + {mins // 15 + (1 if mins % 15 > 7 else 0)} ({mins} min)"), ("Modifiers", r.choice(["QK, P3", "QZ, P2", "AA, P1", "QX, P4"])), ("Payer", r.choice([x[0] for x in MED_PLANS])),
                 ("Denial", r.choice(["CO-16 missing medical direction attestation", "CO-197 precertification absent", "CO-97 bundled with surgeon's procedure", "N657 - anesthesia time not documented"]))]
        blocks = [p_("Hi team, we need the following before we can rebill:"), kv(r, items), p_("Please upload the anesthesia record (start/stop times, CRNA + MDA names) to the shared folder."), p_(signoff(r, c, o))]
        return Doc("anesthesia-billing", "Claim needs documentation", blocks, o, sender=c, dest=org(r, "hospital"))
    blocks = [p_(f"Patient called today disputing the statement for anesthesia on {fd(past(r, 60, 150), 'long')}."),
              kv(r, [("Caller", p.full()), ("Account", acct(r)), ("Procedure", f"{desc} ({code})"), ("Balance", money(r.uniform(180, 2400))), ("Reason", r.choice(["says anesthesiologist was out of network at an in-network hospital (No Surprises Act)", "insurance shows claim processed to deductible - wants itemized bill",
                                                                                                                                               "was told the epidural was covered 100%" if code == "01967" else "was quoted a lower estimate by the surgery center"]))], "colon"),
              p_("Placed account on 30-day billing hold and sent to the client manager for review."), p_(signoff(r, c, o))]
    return Doc("billing-dispute", "Patient dispute - anesthesia", blocks, o, sender=c)

def P_mco(r):
    o = org(r, "mco"); p = patient(r, 16, 70); cm = clinician(r, o); cm.cred = r.choice(["RN, CCM", "LMSW"]); cm.title = "Care Manager"; code, dxt = r.choice(MCO_DX); pcp = provider(r)
    items = [("Member", p.full()), ("Medicaid ID", medicaid_id(r)), ("DOB", dob_str(r, p)), (L_phone(r), phone(r)), ("Dx", f"{code} {dxt}"),
             ("ED visits (12 mo)", str(r.randint(3, 11))), ("Risk tier", r.choice(["High", "Rising", "Very high"])), ("SDOH", r.choice(["staying in a shelter (Z59.01)", "no working phone - text via sister", "food insecurity (Z59.41)", "no transportation (Z59.82)"])),
             ("Care gaps", r.choice(["A1c overdue, retinal exam", "postpartum visit missed", "controller inhaler not filled 60 days", "no PCP visit in 14 months"]))]
    blocks = [p_(f"Dr. {pcp.family},"), p_("I'm the CommonWell care manager for your patient below. Sharing our care plan for coordination:"), kv(r, items),
              p_(r.choice(["We arranged Medicaid transport for the next visit and a referral to the housing navigator.", "Member agreed to a home visit by our CHW next week.", "Please let us know if a BH referral is appropriate - member screened PHQ-9 14."])),
              p_(signoff(r, cm, o))]
    return Doc("medicaid-care-management", "Care coordination - CommonWell member", blocks, o, sender=cm, dest=org(r, "clinic"))

def P_allergy(r):
    o = org(r, "allergy"); p = patient(r, 6, 75); rn = clinician(r, o); rn.cred = "RN"; md = provider(r); a = r.choice(ALLERGENS)
    v = r.randrange(3)
    if v == 0:
        dose = r.choice(["0.30 mL", "0.35 mL", "0.40 mL", "0.50 mL"])
        blocks = [p_(f"Dr. {md.family} - reaction report for review"), kv(r, [("Patient", p.full()), ("DOB", dob_str(r, p)), ("Extract", a), ("Vial", r.choice(["1:10 (v/v) red", "1:100 yellow", "1:1 maintenance"])),
                                                                              ("Dose given", dose), ("Reaction", r.choice([f"large local wheal {r.randint(30, 60)} mm at 30 min", "generalized hives, treated with cetirizine 10 mg, resolved", "systemic: wheeze + throat tightness at 12 min, epinephrine 0.3 mg IM x1, EMS called"]))]),
                  p_("Plan per protocol: hold at previous dose next visit; physician to review build-up schedule."), p_(rn.with_cred())]
        return Doc("allergy-reaction", "Shot reaction", blocks, o, sender=rn)
    if v == 1:
        blocks = [p_(f"{p.full()} (DOB {dob_str(r, p)}) completed a penicillin allergy evaluation today: skin prick and intradermal testing to PPL/penicillin G negative, oral amoxicillin 500 mg challenge tolerated with 60-minute observation."),
                  p_("We have removed the penicillin allergy from the chart. Please update your records; the patient can receive penicillins and cephalosporins."), p_(md.with_cred() + "\n" + o.name)]
        return Doc("allergy-delabel", "Penicillin allergy removed", blocks, o, sender=md, dest=org(r, "clinic"))
    blocks = [p_(f"Hi {p.given},"), p_(f"Your new maintenance vial ({a}) is ready. We will mix it on {fd(soon(r, 2, 10), 'wd')} - your first shot from the new vial will be a reduced dose ({r.choice(['0.25', '0.30'])} mL) and you will need to wait 30 minutes after."),
              p_("Reminder: take your antihistamine the morning of your shot and bring your EpiPen."), p_(f"Pollenwood shot room\nDOB on file {dob_str(r, p, 'mdy')}")]
    return Doc("allergy-immunotherapy", "Your allergy shots", blocks, o, to_patient=p)

def P_student(r):
    o = org(r, "student"); p = patient(r, 18, 27); sid = f"W{digits(r, 8)}"; c = clinician(r, o); v = r.randrange(3)
    if v == 0:
        c.title = "Immunization Compliance"
        blocks = [p_(f"Dear {p.given},"), p_(f"A registration hold has been placed on your account (Student ID {sid}) because we have not received {r.choice(['proof of 2 MMR doses or a positive titer', 'your TB risk questionnaire and IGRA result', 'a MenACWY dose after age 16'])}."),
                  p_(f"Your record shows date of birth {dob_str(r, p, 'mdy')}. Upload documents through the patient portal by {fd(soon(r, 7, 30), 'long')}."), p_(signoff(r, c, o))]
        return Doc("student-immunization-hold", "Registration hold - immunizations", blocks, o, sender=c, to_patient=p)
    if v == 1:
        c.cred = r.choice(["MD", "PhD"]); c.title = "Director, Student Health"
        blocks = [p_("To the Office of the Dean of Students:"),
                  p_(f"{p.full()} (Student ID {sid}) has been under care at Westlake Student Health for {r.choice(['major depressive disorder, severe (F32.2)', 'bipolar I disorder, current episode manic, severe (F31.13), requiring hospitalization', 'complications after appendectomy', 'a concussion with persistent post-concussive symptoms'])}. "
                     f"In my clinical opinion a medical withdrawal for the fall term, effective {fd(past(r, 3, 30), 'mdy')}, is appropriate."),
                  p_("The student has signed a release authorizing this disclosure."), p_(c.with_cred() + "\n" + o.name)]
        return Doc("student-medical-withdrawal", "Medical withdrawal support", blocks, o, sender=c)
    c.cred = "RN"
    blocks = [p_(f"Positive IGRA follow-up - {p.last_first()}, {sid}, DOB {dob_str(r, p)}"), p_(f"QuantiFERON positive ({round(r.uniform(0.4, 4.0), 2)} IU/mL). CXR {fd(past(r, 1, 10), 'm/d')}: no active disease. Started {r.choice(['rifampin 600 mg daily x 4 months', '3HP weekly x 12 doses'])} for LTBI (R76.12)."),
              p_("County TB program notified per policy. Next med pickup " + fd(soon(r, 3, 14), "m/d") + "."), p_(c.with_cred())]
    return Doc("student-health", "LTBI follow-up", blocks, o, sender=c)

def P_trial(r):
    o = org(r, "trial"); p = patient(r, 25, 80); crc = clinician(r, o); crc.cred = "CCRC"; crc.title = "Clinical Research Coordinator"; subj = f"114-{r.randint(1, 60):03d}"; proto = r.choice(["CRV-2211", "NPX-304", "LUMA-HF-3"])
    v = r.randrange(2)
    if v == 0:
        pi = provider(r)
        blocks = [p_(f"Dr. {pi.family} - possible SAE for your assessment:"), kv(r, [("Participant", f"{p.full()} (Subj {subj})"), ("Protocol", proto), ("DOB", dob_str(r, p)), ("Event", r.choice(["admitted to Riverbend General with acute pancreatitis", "syncope with fall, ED visit, discharged", "grade 3 neutropenia (ANC 0.7)", "hospitalized for HF exacerbation"])),
                                                                                     ("Onset", fd(past(r, 0, 4), "mdy")), ("Last dose IP", fd(past(r, 1, 10), "mdy"))]),
                  p_("Sponsor notification is due within 24 hours of awareness. I'll enter the de-identified SAE form in EDC once you sign off on relatedness."), p_(crc.plain() + ", CCRC")]
        return Doc("trial-sae-internal", f"Possible SAE - {subj}", blocks, o, sender=crc)
    blocks = [p_(f"Hi {p.given},"), p_(f"Thank you for taking part in the {proto} study. Your Visit {r.randint(3, 9)} window is {fd(soon(r, 3, 8), 'long')} - {fd(soon(r, 10, 16), 'long')}. Please fast for 10 hours and hold your morning {r.choice(['metformin', 'lisinopril', 'study capsule'])} until after the blood draw."),
              p_(f"Bring your dosing diary. Your stipend (${r.choice([50, 75, 100])}) will be loaded to your ClinCard after the visit."), p_(f"{crc.plain()}, CCRC\n{o.name}\n{o.phone}")]
    return Doc("trial-participant-letter", "Your next study visit", blocks, o, sender=crc, to_patient=p)

def P_va(r):
    o = org(r, "va"); p = patient(r, 24, 94, sex="M" if r.random() < 0.8 else "F"); cc = clinician(r, o); cc.title = "Community Care Coordinator"; seoc, code, vis = r.choice(VA_SEOC)
    cp = org(r, {"Physical": "pt", "Chiropr": "pt", "Wound Ca": "wound", "Optometr": "retina", "Dental -": "dental"}.get(seoc[:8], "clinic"))
    v = r.randrange(2)
    items = [("Veteran", p.last_first_caps()), ("DOB", dob_str(r, p)), (("SSN", ssn(r)) if r.random() < 0.4 else (r.choice(["SSN (last 4)", "Last 4", "SSN last four"]), ssn(r)[-4:])), ("Referral #", f"VA{digits(r, 10)}"),
             ("SEOC", seoc), ("Dx", code), ("Visits authorized", str(vis)), ("Valid", f"{fd(past(r, 0, 10), 'mdy')} - {fd(soon(r, 170, 190), 'mdy')}"), ("Community provider", cp.name)]
    if v == 0:
        blocks = [p_(f"{cp.short} - approved referral below. Please schedule within 30 days and return medical documentation via HSRM or fax {o.fax}."), kv(r, items), p_(signoff(r, cc, o))]
        return Doc("va-community-care-referral", "Approved referral", blocks, o, sender=cc, dest=cp)
    blocks = [p_("Request for Services (RFS) - additional visits"), kv(r, items[:5] + [("Requested", f"{r.randint(6, 12)} additional visits"), ("Clinical justification", r.choice(["functional gains, goals not yet met", "wound 60% smaller, not closed", "PCL-5 down 18 points, continuing CPT"]))]),
              p_("Submitted on VA Form 10-10172 by the community provider; please route to UM."), p_(signoff(r, cc, o))]
    return Doc("va-rfs", "RFS additional visits", blocks, o, sender=cc)

def P_hbo(r):
    o = org(r, "wound"); p = patient(r, 45, 90); md = provider(r, "MD, UHM"); wag = r.choice(["Wagner 3", "Wagner 4"]); n = r.randint(8, 36)
    items = [(L_pt(r), p.shape(r)), (L_dob(r), dob_str(r, p)), (r.choice(["MBI", "Medicare ID"]), mbi(r)), ("Diagnosis", f"E11.621, {r.choice(['L97.523', 'L97.514', 'L97.424'])} - DFU {wag}"),
             ("Indication", r.choice(["diabetic wound of lower extremity failing 30 days of standard care", "chronic refractory osteomyelitis", "delayed radiation injury (soft tissue)"])),
             ("Treatment", f"#{n} of 40 at 2.4 ATA x 90 min (CPT 99183 / G0277 x4)"), ("TcPO2", f"baseline {r.randint(18, 35)} mmHg, in-chamber {r.randint(210, 420)} mmHg"),
             ("Wound", f"{round(r.uniform(1.5, 5.0), 1)} x {round(r.uniform(1.0, 3.5), 1)} x {round(r.uniform(0.2, 1.2), 1)} cm (was {round(r.uniform(4.0, 7.0), 1)} x {round(r.uniform(3.0, 5.0), 1)} cm)")]
    blocks = [h_("Hyperbaric Oxygen Therapy - 30-day Re-evaluation"), kv(r, items), p_(r.choice(["Tolerating well, mild ear barotrauma (TEED 1) managed with slow descent.", "Continue to 40 treatments; re-assess at 30.", "Glucose pre-dive 92-180. No seizure events."])), p_(md.with_cred())]
    return Doc("hyperbaric", "HBO re-evaluation", blocks, o, sender=md)

def P_speech(r):
    o = org(r, "speech"); k = patient(r, 1, 9); par = Person(r, 22, 48, pool=k.pool); par.family = k.family; slp = clinician(r, o); slp.cred = r.choice(["MS, CCC-SLP", "OTR/L"]); dx = r.sample(SPEECH_DX, 2)
    ped = provider(r)
    blocks = [p_(f"Dr. {ped.family},"), p_(f"Evaluation summary for {k.full()} (DOB {dob_str(r, k)}), seen {fd(past(r, 2, 14), 'mdy')} with {r.choice(['mother', 'father', 'grandmother', 'foster mother'])} {par.given}."),
              kv(r, [("Diagnoses", "; ".join(f"{a} {b}" for a, b in dx)), ("Testing", r.choice([f"PLS-5 AC SS {r.randint(55, 84)}, EC SS {r.randint(55, 84)}", f"GFTA-3 SS {r.randint(55, 80)}", "MBS: deep penetration with thin liquids, no cough response; safe with mildly thick"])),
                     ("Feeding", r.choice(["G-tube dependent, 30% PO", "accepts 12 foods, gags with mixed textures", "bottle only, weight 3rd percentile"])),
                     ("Plan", f"{r.choice(['speech', 'feeding', 'speech + feeding'])} therapy {r.choice(['2x/week', '1x/week'])} x 6 months")], r.choice(["colon", "dash"])),
              p_("Insurance ({}, ID {}) requires your signature on the plan of care.".format(*plan_and_id(r, [x for x in MED_PLANS if x[1] in ("CWM", "BSH", "TRI", "SHP")]))), p_(slp.with_cred() + "\n" + o.name)]
    return Doc("speech-feeding-eval", f"Eval - {k.given} {k.family}", blocks, o, sender=slp, dest=org(r, "clinic"))

def P_discharge(r):
    o = org(r, "hospital"); p = patient(r, 60, 96); cm = clinician(r, o); cm.cred = "RN"; cm.title = "Case Manager"; hh = org(r, r.choice(["homehealth", "wound"])); adm = past(r, 4, 12); dis = adm + DAY(days=r.randint(2, 9))
    code, dxt = r.choice(HH_DX)
    items = [("Patient", p.full()), ("DOB", dob_str(r, p)), ("MRN", mrn(r, o)), ("Admitted / discharged", f"{fd(adm, 'mdy')} / {fd(dis, 'mdy')}"), ("Principal dx", f"{code} {dxt}"),
             ("Medications", r.choice(["furosemide 40 mg daily, metoprolol succinate 25 mg, apixaban 5 mg BID", "insulin glargine 18 u HS, lispro per scale, cephalexin 500 QID x5d", "prednisone taper, tiotropium, albuterol PRN"])),
             ("Services", r.choice(["SN wound care, PT, OT", "SN wound care + HBO consult"] if code[0] in "LTE" else ["SN CHF/COPD teaching, PT", "SN med management, PT, OT"])), ("Follow-up", f"PCP {fd(dis + DAY(days=7), 'mdy')}"), ("Phone", phone(r)), ("Address", address(r))]
    blocks = [p_(f"Referral to {hh.name} - discharge today"), kv(r, items), p_("Face-to-face documentation and discharge summary attached in the referral portal."), p_(signoff(r, cm, o))]
    return Doc("discharge-referral", "Discharge referral", blocks, o, sender=cm, dest=hh)

def P_spanish(r):
    v = r.randrange(5); p = patient(r, 20, 70, pool=r.choice(HISPANIC))
    if v == 0:
        o = org(r, "ivf"); p = patient(r, 27, 43, sex="F", pool=r.choice(HISPANIC)); b = r.choice([188, 342, 61])
        blocks = [p_(f"Estimada Sra. {p.family}:"), p_(f"Su prueba de embarazo en sangre (beta hCG) del {fd(past(r, 0, 1), 'es')} salió en {b} mUI/mL. Es un resultado positivo. Continúe con el estradiol y la progesterona; repetiremos la prueba en 48 horas."),
                  kv(r, [("Paciente", p.full()), ("Fecha de nacimiento", dob_str(r, p, r.choice(["dmy", "es", "mdy"]))), ("No. de expediente", mrn(r, o))], "colon"), p_("Enfermería de FIV\n" + o.name)]
        return Doc("spanish-phi", "Resultado de laboratorio", blocks, o, to_patient=p, lang="es")
    if v == 1:
        o = org(r, "school"); k = patient(r, 6, 17, pool=p.pool)
        blocks = [p_(f"Estimada familia {k.family}:"), p_(f"Hoy {k.given} vino a la enfermería con dificultad para respirar. Le dimos 4 inhalaciones de albuterol con espaciador según su plan de acción para el asma; se recuperó y regresó a clase."),
                  kv(r, [("Estudiante", k.full()), ("Fecha de nacimiento", fd(k.dob, "dmy")), ("Grado", str(max(1, age(k.dob) - 5)))]), p_("El inhalador de la escuela vence pronto; por favor envíe uno nuevo.\nEnfermera escolar, " + o.short)]
        return Doc("spanish-phi", "Nota de la enfermería", blocks, o, lang="es")
    if v == 2:
        o = org(r, "homehealth"); rn = clinician(r, o)
        blocks = [p_(f"Sr./Sra. {p.family}:"), p_(f"Le recordamos que la enfermera {rn.given} visitará a {p.full()} el {fd(soon(r, 1, 5), 'es')} entre las 9 y las 11 de la mañana para la curación de la herida del pie y revisión de insulina."),
                  kv(r, [("Paciente", p.last_first()), ("Número de Medicare", mbi(r)), ("Teléfono", phone(r))], "dash"), p_(o.name)]
        return Doc("spanish-phi", "Recordatorio de visita", blocks, o, lang="es")
    if v == 3:
        o = org(r, "retina"); code, dxt, eye = r.choice(RETINA_DX)
        blocks = [p_(f"{p.full()}:"), p_(f"Su próxima inyección en el ojo {'derecho' if eye == 'OD' else 'izquierdo'} está programada para el {fd(soon(r, 3, 30), 'es')} a las {clock(r)}. Diagnóstico: degeneración macular / edema ({code})."),
                  kv(r, [("Fecha de nacimiento", dob_str(r, p, r.choice(["dmy", "es"]))), ("Número de afiliado", member_id(r, "BSM"))]), p_("Traiga a alguien que maneje. " + o.short)]
        return Doc("spanish-phi", "Su cita de inyección", blocks, o, to_patient=p, lang="es")
    o = org(r, "urgent"); code, dxt, tx = r.choice(UC_DX)
    blocks = [p_("Resumen de su visita"), kv(r, [("Paciente", p.full()), ("Fecha de nacimiento", fd(p.dob, "dmy")), ("Fecha de la visita", fd(past(r, 0, 3), "dmy")), ("Diagnóstico", f"{code}"), ("Tratamiento", tx)]),
              p_("Si empeora, regrese o llame al 911. " + o.name)]
    return Doc("spanish-phi", "Resumen de visita", blocks, o, to_patient=p, lang="es")

def P_nolabel(r):
    v = r.randrange(6); s = None
    if v == 0:
        o = org(r, "device"); p = patient(r, 50, 90, sex="M"); s = staff(r)
        t = f"Heads up - {p.plain()}'s ICD fired twice overnight. He's on his way to the ED with his wife. Can someone pull his last interrogation and let the EP fellow know? He was just uptitrated on amiodarone last week."
    elif v == 1:
        o = org(r, "bariatric"); p = patient(r, 25, 60, sex="F"); s = staff(r)
        t = f"{p.given} {p.family} called - 10 days out from her sleeve and can't keep liquids down, vomiting since yesterday. Sending her to the ED for fluids and a UGI to rule out a stricture. Dr. is aware."
    elif v == 2:
        o = org(r, "wound"); p = patient(r, 55, 88, sex="F"); s = staff(r)
        t = f"FYI {p.honor()} missed HBO again today (third time). Her heel ulcer is getting worse and the daughter says she's out of insulin. Can MSW call them? I think Medicare will stop covering if she keeps missing."
    elif v == 3:
        o = org(r, "speech"); p = patient(r, 2, 6); s = staff(r)
        t = f"Little {p.given} {p.family} aspirated on thin liquids at today's swallow study - silent. Mom was really upset. We switched to mildly thick and I sent the report to the pediatrician. Please book the follow-up MBS in 8 weeks."
    elif v == 4:
        o = org(r, "student"); p = patient(r, 18, 23); s = staff(r)
        t = f"Just so the after-hours line knows: {p.plain()} (the sophomore from Hadley Hall) was started on sertraline today after disclosing passive SI. Safety plan done, roommate aware. Counseling will check in Monday."
    else:
        o = org(r, "ivf"); p = patient(r, 29, 42, sex="F"); s = staff(r)
        t = f"Sad news - {p.given} {p.family}'s beta came back at 4 today, so the transfer didn't take. Dr. will call her tonight. Please cancel her Friday repeat beta and mark the chart. Her husband asked that we not leave voicemails."
    subj = r.choice(["quick update", "FYI", "pls read", "patient update", "heads up", "Re: today"])
    return Doc("nolabel-phi", subj, [p_(t), p_(signoff(r, s, o))], o, sender=s, subject=subj)

def P_result_letter(r):
    v = r.randrange(3)
    if v == 0:
        o = org(r, "rad"); p = patient(r, 40, 80, sex="F"); md = provider(r)
        blocks = [p_(fd(TODAY, "long")), p_(f"{p.full()}\n{address(r)}"), p_(f"Dear {p.honor()},"),
                  p_(f"Your screening mammogram on {fd(past(r, 3, 10), 'long')} showed an area that needs more pictures. This is common and most call-backs are not cancer. Please call {o.phone} to schedule a diagnostic mammogram and ultrasound."),
                  p_(f"Sincerely,\n{md.with_cred()}\nBreast Imaging, {o.name}")]
        return Doc("result-letter", "Your mammogram result", blocks, o, to_patient=p)
    if v == 1:
        o = org(r, "allergy"); p = patient(r, 20, 70); md = provider(r)
        blocks = [p_(f"Dear {p.given},"), p_(f"Your blood test for alpha-gal (red meat allergy) came back positive at {round(r.uniform(2, 30), 2)} kU/L. This fits with the hives you had after eating steak. Please avoid beef, pork, lamb and venison, and keep your epinephrine auto-injector with you."),
                  p_(f"We'll review this at your follow-up on {fd(soon(r, 7, 40), 'long')}.\n\n{md.with_cred()}")]
        return Doc("result-letter", "Your test result", blocks, o, to_patient=p, sender=md)
    o = org(r, "clinic"); p = patient(r, 30, 80); md = provider(r); a1c = round(r.uniform(6.6, 11.2), 1)
    blocks = [p_(f"Hello {p.given} {p.family},"), p_(f"Your hemoglobin A1c from {fd(past(r, 2, 8), 'mdy')} was {a1c}% (goal below 7%). {'We will increase your metformin as we discussed.' if a1c > 8 else 'This is close to goal - keep up the work.'} Your kidney tests were normal."),
              p_(f"{md.with_cred()}\n{o.name}")]
    return Doc("result-letter", "Lab results", blocks, o, to_patient=p, sender=md)

def P_reminder(r):
    kind = r.choice(["retina", "wound", "bariatric", "allergy", "pt", "speech", "device", "dental"]); o = org(r, kind)
    p = patient(r, 2 if kind == "speech" else 18, 8 if kind == "speech" else 90)
    what = {"retina": "your eye injection with Dr. {d}", "wound": "hyperbaric oxygen treatment #{n}", "bariatric": "your pre-op nutrition class and weigh-in", "allergy": "allergy shot (build-up)",
            "pt": "physical therapy for your knee", "speech": "feeding therapy for {g}", "device": "pacemaker check (in office)", "dental": "wisdom tooth surgery consultation"}[kind].format(d=provider(r).family, n=r.randint(3, 38), g=p.given)
    d = soon(r, 1, 14)
    blocks = [p_(f"Hi {p.given if kind != 'speech' else 'there'},"), p_(f"This is a reminder of your appointment for {what} on {fd(d, 'wd')} at {clock(r)} at {o.name}, {o.addr()}."),
              p_(r.choice(["Please arrive 15 minutes early.", "Reply C to confirm or call us to reschedule.", "Bring your insurance card and photo ID.",
                           {"retina": "Your pupils will be dilated - please bring a driver.", "wound": "Wear cotton clothing and no lotions or makeup in the chamber.", "bariatric": "Bring your food log from the past week.",
                            "allergy": "Take your antihistamine that morning and plan to wait 30 minutes after the shot.", "pt": "Wear shorts or loose clothing.", "speech": "Please bring a few foods your child eats well and their usual cup or bottle.",
                            "device": "Bring your home monitor and a list of your medications.", "dental": "Do not eat or drink anything for 8 hours if you are having IV sedation."}[kind]]) + (f"\n\nDOB on file: {dob_str(r, p, 'mdy')}" if r.random() < 0.5 else "")),
              p_(o.short + " | " + o.phone)]
    return Doc("appointment-reminder", "Appointment reminder", blocks, o, to_patient=p, subject=f"Reminder: appointment {fd(d, 'Mon d')}")

def P_refill(r):
    o = org(r, "spharm") if r.random() < 0.5 else org(r, "allergy"); p = patient(r, 14, 85); prs = provider(r); rp = clinician(r, o)
    med = r.choice(["Dupixent 300 mg/2 mL", "EpiPen 0.3 mg 2-pak", "Xolair 150 mg", "montelukast 10 mg", "Hadlima 40 mg", "Enbrel 50 mg"])
    blocks = [p_("Refill authorization request"), kv(r, [("Patient", p.last_first()), ("DOB", dob_str(r, p)), ("Medication", f"{med}, NDC {ndc(r)}"), ("Last fill", fd(past(r, 20, 40), "mdy")), ("Refills remaining", "0"),
                                                         ("Prescriber", f"{prs.with_cred()} NPI {npi(r)}")]), p_("Please reply with approval or send a new e-Rx."), p_(rp.plain() + ", " + o.short)]
    return Doc("refill-request", "Refill request", blocks, o, sender=rp, dest=org(r, "clinic"))

def P_eligibility(r):
    kind = r.choice(["dental", "pt", "allergy", "speech", "wound"]); o = org(r, kind); fs = staff(r); fs.title = r.choice(["Front Desk", "Insurance Verification", "Billing"])
    p = patient(r, 66, 90) if kind == "wound" else patient(r, 1, 9) if kind == "speech" else patient(r, 8, 64)
    plan = ("Cascade Dental PPO", "CDP") if kind == "dental" else ("Medicare Part B", "MCR") if kind == "wound" and r.random() < 0.5 else r.choice([x for x in MED_PLANS if x[1] != "MCR"])
    codes = {"dental": "D7240 / D9239", "pt": "97110 / 97140 / 98941", "allergy": "95165 / 95117", "speech": "92526 / 92507", "wound": "99183 / G0277"}[kind]
    mid = mbi(r) if plan[1] == "MCR" else member_id(r, plan[1])
    blocks = [p_(f"Hello, {plan[0]} provider services,"), p_(f"Could you please verify eligibility and benefits for the member below for {codes}? The portal shows 'coverage not found'."),
              kv(r, [("Member", p.full()), ("MBI" if plan[1] == "MCR" else L_mbr(r), mid), ("DOB", dob_str(r, p)), ("DOS", fd(soon(r, 1, 20), "mdy"))], "colon"), p_(signoff(r, fs, o))]
    return Doc("eligibility-check", "Eligibility question", blocks, o, sender=fs, dest=next((x for x in BY_KIND["payer"] if plan[0].split()[0] in x.name), None))

def P_records(r):
    o = org(r, r.choice(["va", "trial", "pt", "urgent", "rad"])); p = patient(r, 20, 85); s = staff(r); src = org(r, r.choice(["hospital", "clinic"]))
    blocks = [p_(f"{src.short} HIM / Release of Information,"), p_(f"Requesting records for continuity of care / {r.choice(['claim processing', 'study eligibility review (consent on file)', 'VA community care'])}:"),
              kv(r, [("Patient", p.full()), ("DOB", dob_str(r, p)), ("SSN", ssn(r) if r.random() < 0.5 else "xxx-xx-" + ssn(r)[-4:]), ("Dates", f"{fd(past(r, 200, 500), 'mdy')} to present"),
                     ("Records", r.choice(["office notes, MRI reports", "op note, pathology", "ED note and imaging", "cardiology notes, echo"]))], "aligned"),
              p_("Signed authorization attached. Please fax to " + o.fax + "."), p_(signoff(r, s, o))]
    return Doc("records-request", "Records request", blocks, o, sender=s, dest=src)

PHI_NARR = [P_dental_referral, P_oms_postop, P_dental_predet, P_retina, P_retina_pa, P_device_alert, P_device_letter, P_hh_visit, P_hh_oasis, P_bariatric, P_ivf, P_pt_progress, P_chiro,
            P_urgent, P_uc_callback, P_school, P_spharm, P_lab, P_courier, P_rad_critical, P_rad_report, P_anes_billing, P_mco, P_allergy, P_student, P_trial, P_va, P_hbo, P_speech,
            P_discharge, P_spanish, P_nolabel, P_result_letter, P_reminder, P_refill, P_eligibility, P_records]

# ================================================================== PHI interchange (HL7 v2, X12, FHIR, claim forms)
LOINC = {"Lithium": ("14334-7", "Lithium SerPl-sCnc"), "Hemoglobin A1c": ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"), "Glucose, fasting": ("1558-6", "Fasting glucose SerPl-mCnc"),
         "TSH": ("3016-3", "TSH SerPl-aCnc"), "Free T4": ("3024-7", "T4 Free SerPl-mCnc"), "Potassium": ("2823-3", "Potassium SerPl-sCnc"), "Creatinine": ("2160-0", "Creat SerPl-mCnc"),
         "eGFR (CKD-EPI 2021)": ("98979-8", "eGFRcr SerPlBld CKD-EPI 2021"), "Vitamin D, 25-OH": ("1989-3", "25(OH)D3 SerPl-mCnc"), "Ferritin": ("2276-4", "Ferritin SerPl-mCnc"),
         "Hemoglobin": ("718-7", "Hgb Bld-mCnc"), "PSA, total": ("2857-1", "PSA SerPl-mCnc"), "HCV RNA, quantitative PCR": ("11011-4", "HCV RNA SerPl PCR-aCnc"), "Beta hCG, quantitative": ("19080-1", "HCG SerPl-aCnc")}
def hl7_ts(d=None, r=None): d = d or TODAY; return f"{d:%Y%m%d}{hhmm(r) if r else '0800'}"
def pid(r, p, o, with_ssn=None):
    st, cty = address(r, one_line=False); city, rest = cty.split(", "); stt, z = rest.split(" ")
    ss = ssn(r, "-") if (with_ssn if with_ssn is not None else r.random() < 0.35) else ""
    return (f"PID|1||{mrn(r, o)}^^^{o.initials()}^MR{'~' + ss + '^^^USSSA^SS' if ss else ''}||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{ascii_of(st)}^^{city}^{stt}^{z}^USA||"
            f"^PRN^PH^^1^{digits(r, 3)}^{digits(r, 7)}|||{r.choice(['S', 'M', 'W', 'D'])}||{acct(r)}|{ss}")
def R_hl7_oru(r):
    o = org(r, "lab"); cl = org(r, r.choice(["clinic", "hospital", "urgent"])); p = patient(r, 2, 90); panel = [t for t in r.choice(LAB_PANELS) if t[0] in LOINC] or LAB_PANELS[0]
    prv = provider(r); ctl = digits(r, 10); acc = accession(r)
    segs = [f"MSH|^~\\&|NGLIS|NORTHGATE^{o.npi}^NPI|EPIC|{cl.initials()}|{hl7_ts(TODAY, r)}||ORU^R01^ORU_R01|{ctl}|P|2.5.1", pid(r, p, cl),
            f"PV1|1|O|{cl.initials()}CLIN^^^{cl.initials()}||||{npi(r)}^{prv.hl7()}", f"ORC|RE|{digits(r, 8)}^EPIC|{acc}^NGLIS||CM",
            f"OBR|1|{digits(r, 8)}^EPIC|{acc}^NGLIS|{LOINC[panel[0][0]][0]}^{LOINC[panel[0][0]][1]}^LN|||{hl7_ts(past(r, 1, 3), r)}|||||||||{npi(r)}^{prv.hl7()}||||||{hl7_ts(TODAY, r)}||CH|F"]
    for i, (t, v, fl, rg, u) in enumerate(panel, 1):
        segs.append(f"OBX|{i}|{'NM' if re.fullmatch(r'[0-9.,]+', v) else 'ST'}|{LOINC[t][0]}^{LOINC[t][1]}^LN||{v.replace(',', '')}|{u}|{rg}|{fl}|||F|||{hl7_ts(TODAY, r)}")
    return Doc("hl7-oru", "ORU result", [p_(r.choice(["Interface copy of the result message that failed to file:", "Raw HL7 below - result did not cross to the chart, please check the MRN match.", "ORU for the ticket:"])), pre("\n".join(segs))], o, kind="raw")
def R_hl7_adt(r):
    o = org(r, "urgent"); p = patient(r, 1, 85); pl = r.choice(MED_PLANS); gu = Person(r, 30, 70, pool=p.pool)
    segs = [f"MSH|^~\\&|QPREG|QUICKPOINT|HIE|STATEHIE|{hl7_ts(TODAY, r)}||ADT^A04^ADT_A01|QP{digits(r, 9)}|P|2.5.1", f"EVN|A04|{hl7_ts(TODAY, r)}", pid(r, p, o, with_ssn=r.random() < 0.6),
            "NK1|1|{}|{}^HL70063||^PRN^PH^^1^{}^{}{}".format(gu.hl7(), ("MTH^Mother" if gu.sex == "F" else "FTH^Father") if age(p.dob) < 18 else "SPO^Spouse", r.choice(AREA), r.randint(2, 9), digits(r, 6)),
            f"PV1|1|E|UC{r.randint(1, 9)}^^^QP||||{npi(r)}^{provider(r).hl7()}|||URG||||7|||||{digits(r, 10)}|||||||||||||||||||||||||{hl7_ts(TODAY, r)}",
            "DG1|1||{0[0]}^{0[1]}^I10||{1}|W".format(r.choice(UC_DX), hl7_ts(TODAY, r)), f"IN1|1|{pl[1]}|{digits(r, 5)}|{pl[0]}|||||||||||||{p.hl7()}|01|{p.dob:%Y%m%d}||||||||||||||||||{member_id(r, pl[1])}"]
    return Doc("hl7-adt", "ADT A04", [p_("Registration message rejected by the HIE (segment PV1-19 format). Copy:"), pre("\n".join(segs))], o, kind="raw")
def R_hl7_orm(r):
    o = org(r, "clinic"); lab = org(r, "lab"); p = patient(r, 18, 85); prv = provider(r); pl = r.choice(MED_PLANS); test = r.choice([("80053", "CMP"), ("83036", "HGBA1C"), ("86480", "QUANTIFERON"), ("87389", "HIV AG/AB"), ("80178", "LITHIUM")])
    dx = r.choice(["E11.9", "F31.81", "Z11.1", "Z11.4", "E03.9", "R73.03"])
    segs = [f"MSH|^~\\&|EHR|{o.initials()}|NGLIS|NORTHGATE|{hl7_ts(TODAY, r)}||ORM^O01|{digits(r, 9)}|P|2.3.1", pid(r, p, o),
            f"IN1|1|{pl[1]}||{pl[0]}|||||||||||||{p.hl7()}|01|{p.dob:%Y%m%d}||||||||||||||||||{member_id(r, pl[1])}",
            f"ORC|NW|{digits(r, 8)}||{digits(r, 6)}|||^^^{hl7_ts(TODAY, r)}^^R||{hl7_ts(TODAY, r)}|||{npi(r)}^{prv.hl7()}",
            f"OBR|1|{digits(r, 8)}||{test[0]}^{test[1]}^CPT|||{hl7_ts(TODAY, r)}||||N|||||{npi(r)}^{prv.hl7()}", f"DG1|1|I10|{dx}^^I10"]
    return Doc("hl7-orm", "ORM order", [p_("Order message the lab says it never received - resending the raw text so they can key it manually:"), pre("\n".join(segs))], o, kind="raw")
def R_hl7_rad(r):
    o = org(r, "rad"); p = patient(r, 20, 90); ex, cpt, fnd = crit_exam(r, p); rd = provider(r)
    lines = ["FINDINGS:", fnd[0].upper() + fnd[1:] + ".", "IMPRESSION:", "Critical finding communicated to ordering provider by phone."]
    segs = [f"MSH|^~\\&|PACS|GRANITEPEAK|EHR|RIVERBEND|{hl7_ts(TODAY, r)}||ORU^R01|{digits(r, 10)}|P|2.4", pid(r, p, org(r, "hospital")),
            f"OBR|1||{rad_acc(r)}|{cpt}^{ex.upper()}^C4|||{hl7_ts(TODAY, r)}|||||||||||||||{hl7_ts(TODAY, r)}||RAD|F|||||||{npi(r)}&{rd.hl7().replace('^', '&')}"]
    segs += [f"OBX|{i}|TX|{cpt}&IMP^Impression^C4||{ln}||||||F" for i, ln in enumerate(lines, 1)]
    return Doc("hl7-oru", "Radiology ORU", [p_("Radiology result interface message (copy):"), pre("\n".join(segs))], o, kind="raw")

def isa(r, snd, rcv, ver="00501"):
    ctl = digits(r, 9)
    return f"ISA*00*          *00*          *ZZ*{snd:<15}*ZZ*{rcv:<15}*{TODAY:%y%m%d}*{hhmm(r)}*^*{ver}*{ctl}*0*P*:~", ctl
def R_837p(r):
    o = org(r, "anesbill"); code, desc, base, adx = r.choice(ASA); p = patient(r, 18, 44, sex="F") if code == "01967" else patient(r, 18, 85); mins = r.randint(30, 220); pl = r.choice(MED_PLANS); fam, giv = p.x12(); rd = provider(r, "MD"); crna = provider(r, "CRNA")
    st, cty = address(r, one_line=False); city, rest = cty.split(", "); stt, z = rest.split(" "); dx = adx; acc = acct(r)
    head, ctl = isa(r, "APEXANES", "BLUESTEM")
    segs = [head, f"GS*HC*APEXANES*BLUESTEM*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 999)}*X*005010X222A1~", "ST*837*0001*005010X222A1~", f"BHT*0019*00*{digits(r, 8)}*{TODAY:%Y%m%d}*{hhmm(r)}*CH~",
            f"NM1*85*2*{ascii_of(org(r, 'hospital').name).upper()[:35]} ANESTHESIA GROUP*****XX*{npi(r)}~", f"SBR*P*18*{digits(r, 6)}******CI~",
            f"NM1*IL*1*{fam}*{giv}****MI*{member_id(r, pl[1])}~", f"N3*{ascii_of(st).upper()}~", f"N4*{city.upper()}*{stt}*{z}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
            f"NM1*PR*2*{ascii_of(pl[0]).upper()}*****PI*{digits(r, 5)}~", f"CLM*{acc}*{r.randint(900, 4800)}***{r.choice(['22', '24', '21'])}:B:1*Y*A*Y*Y~", f"HI*ABK:{dx}~",
            f"NM1*82*1*{rd.x12()[0]}*{rd.x12()[1]}****XX*{npi(r)}~", "LX*1~", f"SV1*HC:{code}:{r.choice(['QK', 'AA', 'QY'])}:{r.choice(['P1', 'P2', 'P3'])}*{r.randint(900, 4800)}*MJ*{mins}***1~",
            f"DTP*472*D8*{past(r, 10, 60):%Y%m%d}~", "LX*2~", f"SV1*HC:{code}:QX*{r.randint(400, 2000)}*MJ*{mins}***1~", f"NM1*82*1*{crna.x12()[0]}*{crna.x12()[1]}****XX*{npi(r)}~", "SE*22*0001~", "GE*1*1~", f"IEA*1*{ctl}~"]
    return Doc("x12-837p", "837P anesthesia", [p_(f"Rejected 837P from the clearinghouse (A7:562 - NPI/taxonomy mismatch). Claim {acc}:"), pre("\n".join(segs))], o, kind="raw")
def R_837d(r):
    o = org(r, "dental"); p = patient(r, 16, 75); fam, giv = p.x12(); head, ctl = isa(r, "BRIGHTWATER", "CASCADEDNT"); tooth = r.choice(["17", "32", "30", "19", "1"])
    segs = [head, f"GS*HC*BRIGHTWATER*CASCADEDNT*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 999)}*X*005010X224A2~", "ST*837*0001*005010X224A2~", f"BHT*0019*00*{digits(r, 7)}*{TODAY:%Y%m%d}*{hhmm(r)}*CH~",
            f"NM1*85*2*BRIGHTWATER ORAL MAXILLOFACIAL SURG*****XX*{o.npi}~", f"SBR*P*18*G{digits(r, 6)}******CI~", f"NM1*IL*1*{fam}*{giv}****MI*{member_id(r, 'CDP')}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
            "NM1*PR*2*CASCADE DENTAL BENEFITS*****PI*CDB01~", f"CLM*{acct(r)}*{r.choice([495, 810, 1130, 2790])}***11:B:1*Y*A*Y*Y~", f"DTP*472*D8*{past(r, 5, 30):%Y%m%d}~",
            "LX*1~", f"SV3*AD:{r.choice(['D7240', 'D7230', 'D7210'])}*495****1~", f"TOO*JP*{tooth}~", "LX*2~", "SV3*AD:D9239*325****1~", "SE*17*0001~", "GE*1*1~", f"IEA*1*{ctl}~"]
    return Doc("x12-837d", "837D", [p_("Dental claim as sent (payer says member not found):"), pre("\n".join(segs))], o, kind="raw")
def R_835(r):
    o = org(r, "payer"); pr = org(r, r.choice(["pt", "allergy", "speech"])); head, ctl = isa(r, "BLUESTEM", pr.initials() + "CLINIC"); rows = []; total = 0
    segs = [head, f"GS*HP*BLUESTEM*{pr.initials()}CLINIC*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 999)}*X*005010X221A1~", "ST*835*0001~", f"BPR*I*{{TOT}}*C*ACH*CCP*01*{digits(r, 9)}*DA*{digits(r, 10)}*{digits(r, 10)}**01*{digits(r, 9)}*DA*{digits(r, 9)}*{TODAY:%Y%m%d}~",
            f"TRN*1*{digits(r, 11)}*1{digits(r, 9)}~", "N1*PR*BLUESTEM HEALTH INSURANCE COMPANY~", f"N1*PE*{ascii_of(pr.name).upper()[:35]}*XX*{pr.npi}~", "LX*1~"]
    for _ in range(r.randint(2, 4)):
        p = patient(r, 3, 80); fam, giv = p.x12(); cpt = r.choice({"pt": [("97110", 45, ":GP"), ("97140", 40, ":GP"), ("97530", 48, ":GP"), ("98941", 55, "")], "allergy": [("95165", 16, ""), ("95117", 22, "")], "speech": [("92507", 135, ":GN"), ("92526", 140, ":GN")]}[pr.kind]); ch = cpt[1] * r.randint(1, 4); pd = round(ch * r.uniform(0.4, 0.75), 2); total += pd
        segs += [f"CLP*{acct(r)}*1*{ch}*{pd}*{round(ch * 0.1, 2)}*12*{r.choice(['20', '21'])}26{digits(r, 9)}*11*1~", f"NM1*QC*1*{fam}*{giv}****MI*{member_id(r, 'BSH')}~",
                 f"SVC*HC:{cpt[0]}{cpt[2]}*{ch}*{pd}**{ch // cpt[1]}~", f"DTM*472*{past(r, 15, 60):%Y%m%d}~", f"CAS*CO*45*{round(ch * 0.9 - pd, 2)}~", f"CAS*PR*2*{round(ch * 0.1, 2)}~"]
    segs += ["SE*30*0001~", "GE*1*1~", f"IEA*1*{ctl}~"]
    txt = "\n".join(segs).replace("{TOT}", f"{total:.2f}")
    return Doc("x12-835", "835", [p_(f"Remit for the {pr.short} payments that did not auto-post; please review the PR amounts:"), pre(txt)], o, kind="raw")
def R_270_271(r):
    o = org(r, r.choice(["spharm", "mco", "speech"])); p = patient(r, 1, 80); fam, giv = p.x12(); two71 = r.random() < 0.5; head, ctl = isa(r, o.initials() + "EDI", "COMMONWELL")
    segs = [head, f"GS*{'HB' if two71 else 'HS'}*{o.initials()}EDI*COMMONWELL*{TODAY:%Y%m%d}*{hhmm(r)}*1*X*005010X279A1~", f"ST*{'271' if two71 else '270'}*0001*005010X279A1~",
            f"BHT*0022*{'11' if two71 else '13'}*{digits(r, 9)}*{TODAY:%Y%m%d}*{hhmm(r)}~", "HL*1**20*1~", "NM1*PR*2*COMMONWELL COMMUNITY HEALTH PLAN*****PI*CWHP1~", "HL*2*1*21*1~",
            f"NM1*1P*2*{ascii_of(o.name).upper()[:35]}*****XX*{o.npi}~", "HL*3*2*22*0~", f"TRN*{'2' if two71 else '1'}*{digits(r, 10)}*9{digits(r, 9)}~", f"NM1*IL*1*{fam}*{giv}****MI*{medicaid_id(r)}~",
            f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"DTP*291*D8*{TODAY:%Y%m%d}~"]
    segs += (["EB*1*IND*30**MC~", f"EB*B*IND*88***27*{r.choice([0, 3, 4])}~", "MSG*MEMBER ENROLLED IN CARE MANAGEMENT - HIGH RISK~"] if two71 else ["EQ*30~"]) + ["SE*15*0001~", "GE*1*1~", f"IEA*1*{ctl}~"]
    return Doc("x12-271" if two71 else "x12-270", "eligibility EDI", [p_("Eligibility transaction for the member we discussed:"), pre("\n".join(segs))], o, kind="raw")
def R_278(r):
    o = org(r, "wound"); p = patient(r, 45, 90); fam, giv = p.x12(); head, ctl = isa(r, "SALTMARSH", "BLUESTEM")
    segs = [head, f"GS*HI*SALTMARSH*BLUESTEM*{TODAY:%Y%m%d}*{hhmm(r)}*1*X*005010X217~", "ST*278*0001*005010X217~", f"BHT*0007*13*{digits(r, 9)}*{TODAY:%Y%m%d}*{hhmm(r)}~", "HL*1**20*1~",
            "NM1*X3*2*BLUESTEM HEALTH INSURANCE COMPANY*****PI*BSH01~", "HL*2*1*21*1~", f"NM1*1P*2*SALTMARSH WOUND CARE*****XX*{o.npi}~", "HL*3*2*22*1~", f"NM1*IL*1*{fam}*{giv}****MI*{member_id(r, 'BSM')}~",
            f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", "HL*4*3*EV*0~", "UM*HS*I*2*22:B~", f"HI*ABK:E11621*ABF:{r.choice(['L97523', 'L97514', 'L97424'])}~", f"DTP*472*RD8*{TODAY:%Y%m%d}-{soon(r, 50, 60):%Y%m%d}~",
            "SV1*HC:99183*0*UN*40~", "HSD*VS*40*DA**7*1~", "SE*18*0001~", "GE*1*1~", f"IEA*1*{ctl}~"]
    return Doc("x12-278", "278 HBO", [p_("278 request for the HBO course, for the UM nurse who asked for the raw transaction:"), pre("\n".join(segs))], o, kind="raw")
def R_fhir_json(r):
    o = org(r, r.choice(["retina", "lab", "device", "trial"])); p = patient(r, 20, 90); pid_ = hexs(r, 8); st, cty = address(r, one_line=False)
    pat = {"resourceType": "Patient", "id": pid_, "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{r.randint(1000, 9999)}.1", "type": {"coding": [{"code": "MR"}]}, "value": mrn(r, o)}],
           "name": [{"family": p.family, "given": [p.given] + ([p.mi] if p.mi else []), **({"suffix": [p.sfx]} if p.sfx else {})}], "gender": "female" if p.sex == "F" else "male",
           "birthDate": p.dob.isoformat(), "telecom": [{"system": "phone", "value": phone(r, 1), "use": "mobile"}], "address": [{"line": [st], "city": cty.split(",")[0], "state": cty.split(", ")[1][:2], "postalCode": cty[-5:]}]}
    t, v, fl, rg, u = r.choice([x for x in sum(LAB_PANELS, []) if x[0] in LOINC and re.fullmatch(r"[0-9.]+", x[1])])
    obs = {"resourceType": "Observation", "id": hexs(r, 10), "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": LOINC[t][0], "display": LOINC[t][1]}]},
           "subject": {"reference": f"Patient/{pid_}", "display": p.plain()}, "effectiveDateTime": f"{past(r, 0, 5).isoformat()}T{r.randint(7, 16):02d}:{r.randint(0, 59):02d}:00-06:00",
           "valueQuantity": {"value": float(v), "unit": u}, "interpretation": [{"coding": [{"code": fl or "N"}]}]}
    res = r.choice([[pat, obs], [pat], [obs, pat]])
    body = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": x} for x in res]} if len(res) > 1 else res[0], indent=2, ensure_ascii=False)
    return Doc("fhir-json", "FHIR payload", [p_(r.choice(["Payload from the failed API call (HTTP 422):", "FHIR bundle for the integration test - this is production data, please delete after:", "Here's the resource the app posted:"])), pre(body)], o, kind="raw")
def R_fhir_xml(r):
    o = org(r, r.choice(["lab", "va", "urgent"])); p = patient(r, 18, 90); pid_ = hexs(r, 8)
    x = (f'<Patient xmlns="http://hl7.org/fhir">\n  <id value="{pid_}"/>\n  <identifier>\n    <system value="http://hl7.org/fhir/sid/us-ssn"/>\n    <value value="{ssn(r, "")}"/>\n  </identifier>\n'
         f'  <name>\n    <family value="{esc(p.family)}"/>\n    <given value="{esc(p.given)}"/>\n  </name>\n  <gender value="{"female" if p.sex == "F" else "male"}"/>\n  <birthDate value="{p.dob.isoformat()}"/>\n</Patient>')
    cond = r.choice([("E11.9", "Type 2 diabetes mellitus without complications"), ("F43.12", "Post-traumatic stress disorder, chronic"), ("J45.909", "Unspecified asthma, uncomplicated"), ("C50.911", "Malignant neoplasm of unspecified site of right female breast")])
    x2 = (f'<Condition xmlns="http://hl7.org/fhir">\n  <clinicalStatus><coding><code value="active"/></coding></clinicalStatus>\n  <code>\n    <coding>\n      <system value="http://hl7.org/fhir/sid/icd-10-cm"/>\n'
          f'      <code value="{cond[0]}"/>\n      <display value="{cond[1]}"/>\n    </coding>\n  </code>\n  <subject><reference value="Patient/{pid_}"/><display value="{esc(p.plain())}"/></subject>\n</Condition>')
    return Doc("fhir-xml", "FHIR XML", [p_("XML resources returned by the endpoint (please confirm the SSN identifier should be exposed):"), pre(x + "\n" + x2)], o, kind="raw")
def R_cms1500(r):
    o = org(r, r.choice(["allergy", "pt", "speech"])); p = patient(r, 3, 80); pl = r.choice([x for x in MED_PLANS if x[1] != "MCR"]); ins = p if age(p.dob) >= 19 and r.random() < 0.7 else Person(r, 30, 60, pool=p.pool)
    if ins is not p: ins.family = p.family
    line = {"allergy": ("95165", "10", "J30.1", 16), "pt": ("97110", "3", "M54.50", 48), "speech": ("92507", "1", "F80.2", 135)}[o.kind]
    st, cty = address(r, one_line=False)
    txt = "\n".join([f"1a. Insured's ID Number: {member_id(r, pl[1])}", f"2. Patient's Name (Last, First, MI): {p.last_first_caps()}", f"3. Patient's Birth Date / Sex: {p.dob:%m %d %Y}  {p.sex}",
                     f"4. Insured's Name: {ins.last_first_caps()}", f"5. Patient's Address: {st}, {cty}", f"6. Patient Relationship to Insured: {'Self' if ins is p else 'Child' if age(p.dob) < 26 else 'Spouse'}", f"11. Insured's Policy Group: {digits(r, 6)}",
                     f"11c. Insurance Plan Name: {pl[0]}", f"21. Diagnosis (ICD Ind. 0): A. {line[2]}", f"24A. DOS: {past(r, 5, 30):%m %d %y}   24B. POS: 11   24D. CPT: {line[0]}   24E. Ptr: A   24F. $ {int(line[1]) * line[3]}.00   24G. Units: {line[1]}   24J. NPI: {npi(r)}",
                     f"25. Federal Tax ID: {o.tin}", f"26. Patient's Account No.: {acct(r)}", f"28. Total Charge: $ {int(line[1]) * line[3]}.00", f"33. Billing Provider: {o.name}, {o.addr()}  NPI {o.npi}"])
    return Doc("cms-1500", "CMS-1500", [p_(r.choice(["Claim data as keyed (paper claim was returned):", "CMS-1500 fields for the corrected claim:"])), pre(txt)], o, kind="raw")
def R_ub04(r):
    o = org(r, "homehealth"); p = patient(r, 66, 96); st, cty = address(r, one_line=False); soc = past(r, 35, 60)
    txt = "\n".join([f"FL 1  {o.name.upper()} / {o.street.upper()} / {o.city.upper()} {o.st} {o.zip}", f"FL 3a PAT CNTL #   {acct(r)}", f"FL 3b MED REC #    HH{digits(r, 6)}", "FL 4  TYPE OF BILL  0329",
                     f"FL 5  FED TAX NO   {o.tin}", f"FL 6  STATEMENT COVERS PERIOD  {soc:%m%d%y} - {soc + DAY(days=29):%m%d%y}", f"FL 8  PATIENT NAME   {p.last_first_caps()}", f"FL 9  PATIENT ADDRESS  {ascii_of(st).upper()} {ascii_of(cty).upper()}",
                     f"FL 10 BIRTHDATE  {p.dob:%m%d%Y}   FL 11 SEX  {p.sex}", f"FL 12 ADMISSION DATE  {soc:%m%d%y}",
                     f"FL 42/44/46  0023  {r.choice(['1FC21', '2HB11', '1DC31', '3GA11'])}  1   |  0551  G0299  {r.randint(5, 10)}   |  0421  G0151  {r.randint(3, 8)}   |  0571  G0156  {r.randint(0, 6)}",
                     "FL 50 PAYER  MEDICARE", f"FL 56 NPI  {o.npi}", f"FL 60 INSURED'S UNIQUE ID  {mbi(r, False)}", f"FL 67 PRIN DX  {r.choice(HH_DX)[0].replace('.', '')}",
                     f"FL 76 ATTENDING  {npi(r)}  {provider(r).last_first_caps()}"])
    return Doc("ub04-text", "UB-04", [p_("Home health final claim, UB-04 view from the billing system (RTP reason 37253):"), pre(txt)], o, kind="raw")
def R_ncpdp(r):
    o = org(r, "spharm"); p = patient(r, 14, 80); brand, gen, code, dxt = r.choice(SPHARM_DRUGS); fam, giv = p.x12()
    txt = "\n".join([f"Transaction Header: BIN 0{digits(r, 5)}  PCN {letters(r, 4)}  Version D.0  Transaction Code B1  Date of Service {TODAY:%Y%m%d}", f"Cardholder ID (302-C2): {member_id(r)}",
                     f"Group ID (301-C1): {letters(r, 2)}{digits(r, 5)}", f"Date of Birth (304-C4): {p.dob:%Y%m%d}", f"Patient Gender Code (305-C5): {1 if p.sex == 'M' else 2}", f"Patient First Name (310-CA): {giv}",
                     f"Patient Last Name (311-CB): {fam}", f"Product/Service ID (407-D7): {ndc11(r)}  ({brand})", f"Quantity Dispensed (442-E7): {r.choice(['2', '1', '4', '30'])}   Days Supply (405-D5): 28",
                     f"Prescriber ID (411-DB): {npi(r)}", f"Diagnosis Code (424-DO): {code.replace('.', '')}", "--- RESPONSE ---",
                     r.choice(["Transaction Response Status: R  Reject Code (511-FB): 75 Prior Authorization Required", "Transaction Response Status: P  Patient Pay Amount (505-F5): 1420.00  Amount of Copay (518-FI): 1420.00",
                               "Transaction Response Status: R  Reject Code (511-FB): 76 Plan Limitations Exceeded; 88 DUR Reject"])])
    return Doc("ncpdp-claim", "NCPDP claim", [p_("Claim response for the new start - we need PA support from the prescriber:"), pre(txt)], o, kind="raw")
def R_ada(r):
    o = org(r, "dental"); p = patient(r, 12, 80); sub = p if r.random() < 0.5 else Person(r, 30, 64, pool=p.pool)
    rows = "\n".join(f"  {past(r, 3, 20):%m/%d/%Y}   {t:<4} {c}  {d:<42} {f:>8}" for t, c, d, f in r.sample([("17", "D7240", "impacted tooth, completely bony", "495.00"), ("32", "D7240", "impacted tooth, completely bony", "495.00"),
                                                                                                            ("", "D9239", "IV moderate sedation, first 15 min", "325.00"), ("", "D0330", "panoramic radiographic image", "120.00"),
                                                                                                            ("30", "D7210", "extraction, erupted tooth, bone removal", "310.00")], 3))
    txt = "\n".join(["ADA American Dental Association Dental Claim Form (2024)", f"12. Policyholder/Subscriber Name: {sub.full()}", f"13. Date of Birth (MM/DD/CCYY): {sub.dob:%m/%d/%Y}   14. Gender: {sub.sex}",
                     f"15. Policyholder/Subscriber ID: {member_id(r, 'CDP')}", f"18. Relationship to Policyholder: {'Self' if sub is p else 'Dependent Child'}", f"20. Name: {p.full()}  {address(r)}",
                     f"21. Date of Birth: {p.dob:%m/%d/%Y}   23. Patient ID/Account # (Assigned by Dentist): {acct(r)}", "24. Procedure Date  27. Tooth  29. Code  30. Description  31. Fee", rows,
                     f"34a. Diagnosis Code(s): A {r.choice(['K01.1', 'K05.321', 'K08.89', 'K04.7'])}", f"49. NPI: {o.npi}   52. Phone: {o.phone}"])
    return Doc("ada-claim", "ADA claim", [p_("Dental claim form text for resubmission:"), pre(txt)], o, kind="raw")
PHI_RAW = [R_hl7_oru, R_hl7_adt, R_hl7_orm, R_hl7_rad, R_837p, R_837d, R_835, R_270_271, R_278, R_fhir_json, R_fhir_xml, R_cms1500, R_ub04, R_ncpdp, R_ada]

# ================================================================== PHI lists (one patient per row, real date columns)
def nrows(r): return r.randint(7, 13)
def at(d, r): return dtm.datetime(d.year, d.month, d.day, r.randint(7, 16), r.choice([0, 15, 30, 45]))
def plist(cat, title, o, hdr, rows, intro, subject=None): return Doc(cat, title, [p_(intro), tbl(hdr, rows)], o, kind="list", subject=subject)
def Lp_retina(r):
    o = org(r, "retina"); d = soon(r, 1, 5); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 55, 94); code, dxt, eye = r.choice(RETINA_DX)
        rows.append((at(d, r), p.last_first(), p.dob, mrn(r, o), eye, r.choice(RETINA_DRUGS)[0], f"q{r.choice([4, 6, 8, 10, 12])}w", r.choice(["20/40", "20/60", "20/25", "20/100", "20/200", "CF 3ft"])))
    return plist("retina-injection-schedule", f"Injection clinic {fd(d, 'mdy')}", o, ["Appt", "Patient", "DOB", "MRN", "Eye", "Agent", "Interval", "Last VA"], rows, "Injection schedule for Dr.'s clinic - please pre-draw and check auths.")
def Lp_device(r):
    o = org(r, "device"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 95); dev, model, *_ = r.choice(DEVICES)
        rows.append((p.full(), p.dob, model, device_serial(r, model), past(r, 0, 3), r.choice(["AF burden >6h", "VT/VF treated", "lead impedance", "ERI", "missed transmission", "high V rate", "fluid index"]), r.choice(["called pt", "MD review", "clinic visit", "no action", "VM left"])))
    return plist("device-remote-worklist", "Remote monitoring worklist", o, ["Patient", "DOB", "Device", "Serial #", "Transmission", "Alert", "Action"], rows, "Alert worklist from the monitoring portal (overnight).")
def Lp_hh(r):
    o = org(r, "homehealth"); rows = []; d = soon(r, 1, 3)
    for _ in range(nrows(r)):
        p = patient(r, 62, 98)
        rows.append((d, p.last_first(), address(r), phone(r), r.choice(["SN wound", "SN recert", "PT eval", "SN insulin", "HHA", "OT", "SN ROC"]), staff(r).plain(), r.choice(HH_DX)[0]))
    return plist("hh-visit-schedule", f"Visit schedule {fd(d, 'mdy')}", o, ["Date", "Patient", "Address", "Phone", "Visit", "Clinician", "Dx"], rows, "Tomorrow's field schedule (north territory).")
def Lp_bariatric(r):
    o = org(r, "bariatric"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 21, 65)
        rows.append((p.last_first(), p.dob, round(r.uniform(36.0, 62.0), 1), r.choice(["Sleeve", "RYGB", "Revision"]), r.choice(["cleared", "pending", "sched"]), f"{r.randint(1, 6)}/6", soon(r, 10, 90), r.choice(["approved", "submitted", "not yet", "denied - appeal"])))
    return plist("bariatric-pipeline", "Surgical pipeline", o, ["Patient", "DOB", "BMI", "Procedure", "Psych", "Diet visits", "Target OR date", "Auth"], rows, "Weekly pipeline for the selection committee.")
def Lp_ivf(r):
    o = org(r, "ivf"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 26, 45, sex="F"); par = Person(r, 26, 55)
        rows.append((p.last_first(), par.plain(), p.dob, r.choice(["antagonist", "long Lupron", "mini-stim", "FET natural", "FET medicated"]), soon(r, 1, 20), r.choice(["", "4", "7", "11", "2"]), r.choice(["PGT-A", "fresh", "freeze-all", "FET"])))
    return plist("ivf-cycle-board", "Cycle board", o, ["Patient", "Partner", "DOB", "Protocol", "Retrieval/Transfer", "Eggs/Embryos", "Plan"], rows, "Cycle board for the lab huddle.")
def Lp_pt_auth(r):
    o = org(r, "pt"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 16, 85); a = r.randint(8, 30); pn, pid_ = plan_and_id(r)
        rows.append((p.last_first(), p.dob, pid_, pn, a, r.randint(1, a), soon(r, -10, 40), r.choice(PT_DX)[0]))
    return plist("pt-auth-tracker", "Authorization tracker", o, ["Patient", "DOB", "Member ID", "Payer", "Visits auth", "Used", "Auth expires", "Dx"], rows, "Auth tracker - anyone under 3 visits left needs a re-eval.")
def Lp_uc(r):
    o = org(r, "urgent"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 1, 85)
        rows.append((p.full(), p.dob, phone(r), past(r, 1, 4), r.choice(["urine cx", "strep cx", "XR over-read", "wound cx", "STI NAAT", "blood cx"]), r.choice(["E. coli R to nitrofurantoin", "GAS +", "fx 5th MT", "MRSA", "CT detected", "no growth 48h"]), r.choice(["call pt", "Rx changed", "done", "2nd attempt"])))
    return plist("uc-callback-list", "Callback list", o, ["Patient", "DOB", "Phone", "Visit", "Test", "Result", "Status"], rows, "Culture/over-read callbacks for today - all sites.")
def Lp_school(r):
    o = org(r, "school"); rows = []
    for _ in range(nrows(r)):
        k = patient(r, 5, 18)
        c = r.choice([("asthma", "albuterol HFA 2 puffs PRN"), ("T1DM", "insulin lispro per DMMP"), ("seizure", "Valtoco 10 mg nasal PRN"), ("ADHD", "methylphenidate 10 mg at noon"), ("anaphylaxis - peanut", "EpiPen Jr 0.15 mg"), ("migraine", "ibuprofen 400 mg PRN")])
        g = max(0, age(k.dob) - 5); rows.append((k.last_first(), str(g) if g else "K", k.dob, c[0], c[1], soon(r, -5, 150)))
    return plist("school-med-roster", "Medications at school", o, ["Student", "Grade", "DOB", "Condition", "Medication", "Order expires"], rows, "Health office medication roster (substitute nurse copy).")
def Lp_spharm(r):
    o = org(r, "spharm"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 12, 85); b, g, c, dx = r.choice(SPHARM_DRUGS)
        rows.append((p.last_first(), p.dob, b, ndc(r), provider(r).plain(), soon(r, 0, 14), r.choice(["Y", "N", "pending", "max reached"]), c))
    return plist("spharm-refill-queue", "Refill queue", o, ["Patient", "DOB", "Drug", "NDC", "Prescriber", "Next fill", "Copay card", "Dx"], rows, "Refill calls due this week.")
def Lp_courier(r):
    o = org(r, "lab"); rows = []; d = TODAY
    for _ in range(nrows(r)):
        p = patient(r, 1, 90)
        rows.append((f"NG{digits(r, 9)}", p.last_first_caps(), p.dob, r.choice(["CMP", "CBC", "A1C", "LIPID", "PT/INR", "TSH", "HIV VL", "LEAD", "UA/UC"]), at(d, r), r.choice(["amb", "refrig", "frozen"]), r.choice(["QuickPoint Owasso", "Prairie Lantern FM", "Riverbend ED", "St. Adalbert"])))
    return plist("courier-specimen-manifest", f"Manifest {fd(d, 'mdy')}", o, ["Specimen", "Patient", "DOB", "Test", "Collected", "Temp", "Client"], rows, "Route manifest (driver copy).")
def Lp_rad(r):
    o = org(r, "rad"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 16, 95)
        ex, cpt, fnd = crit_exam(r, p)
        rows.append((at(past(r, 0, 6), r), rad_acc(r), p.last_first(), mrn(r), cpt, fnd[:52], f"Dr. {staff(r).family}", r.choice(["Y", "Y", "Y", "N - escalated"])))
    return plist("rad-critical-log", "Critical results log", o, ["Called", "Accession", "Patient", "MRN", "CPT", "Finding", "Called to", "Read-back"], rows, "Critical result log for the monthly QA review.")
def Lp_anes(r):
    o = org(r, "anesbill"); rows = []
    for _ in range(nrows(r)):
        code, desc, base, adx = r.choice(ASA); p = patient(r, 18, 44, sex="F") if code == "01967" else patient(r, 18, 90); m = r.randint(20, 240)
        rows.append((past(r, 3, 40), acct(r), p.last_first(), p.dob, code, r.choice(["QK P2", "AA P1", "QZ P3", "QY P2"]), m, base + round(m / 15), r.choice([x[0] for x in MED_PLANS])))
    return plist("anes-charge-log", "Charge log", o, ["DOS", "Acct", "Patient", "DOB", "ASA", "Mods", "Min", "Units", "Insurance"], rows, "Unbilled charges missing documentation.")
def Lp_mco(r):
    o = org(r, "mco"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 1, 70)
        rows.append((p.last_first(), medicaid_id(r), p.dob, r.choice(["High", "Very high", "Rising"]), r.randint(2, 12), r.choice(["A1c", "prenatal", "well-child", "controller Rx", "BH f/u 7d", "PCP visit"]), soon(r, 0, 10), r.choice(MCO_DX)[0]))
    return plist("mco-high-risk-list", "High-risk members", o, ["Member", "Medicaid ID", "DOB", "Risk", "ED visits", "Gap", "Next outreach", "Dx"], rows, "Care management assignments for the week.")
def Lp_allergy(r):
    o = org(r, "allergy"); rows = []; d = past(r, 0, 2)
    for _ in range(nrows(r)):
        p = patient(r, 5, 80)
        rows.append((p.full(), p.dob, r.choice(ALLERGENS), r.choice(["1:1", "1:10", "1:100"]), r.choice(["0.05", "0.10", "0.20", "0.30", "0.40", "0.50"]), at(d, r), r.choice(["none", "local 20 mm", "local 35 mm", "itching", "none"])))
    return plist("allergy-shot-log", "Shot room log", o, ["Patient", "DOB", "Extract", "Vial", "Dose mL", "Given", "Reaction"], rows, "Shot log for chart audit.")
def Lp_student(r):
    o = org(r, "student"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 27)
        req, stt = r.choice([("MMR x2", ["missing", "1 of 2 doses", "titer neg"]), ("TB screen", ["missing", "IGRA +, CXR pending", "questionnaire only"]), ("MenACWY", ["missing", "dose before age 16"]),
                             ("Hep B", ["1 of 3 doses", "titer neg", "missing"]), ("Tdap", ["missing", "last dose > 10 yrs"])])
        rows.append((f"W{digits(r, 8)}", p.last_first(), p.dob, req, r.choice(stt), soon(r, 5, 40)))
    return plist("student-immunization-holds", "Immunization holds", o, ["Student ID", "Name", "DOB", "Requirement", "Status", "Hold date"], rows, "Holds to be placed with the Registrar.")
def Lp_trial(r):
    o = org(r, "trial"); rows = []; n = nrows(r)
    for sid in sorted(r.sample(range(1, 81), n)):
        p = patient(r, 25, 80)
        rows.append((f"114-{sid:03d}", p.full(), phone(r), past(r, 30, 300), f"V{r.randint(2, 9)}", soon(r, 1, 30), r.choice(["", "AE: rash gr1", "SAE f/u", "dose held", ""])))
    return plist("trial-visit-tracker", "Visit tracker (site only)", o, ["Subject", "Name", "Phone", "Consent", "Next visit", "Window opens", "Notes"], rows, "Site-only tracker with contact info - not for the sponsor.")
def Lp_va(r):
    o = org(r, "va"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 24, 94, sex="M" if r.random() < 0.8 else "F"); seoc, code, vis = r.choice(VA_SEOC)
        rows.append((p.last_first_caps(), ssn(r)[-4:], p.dob, f"VA{digits(r, 10)}", seoc, past(r, 0, 30), soon(r, 150, 180), org(r, r.choice(["pt", "wound", "clinic"])).short))
    return plist("va-referral-list", "Community care referrals", o, ["Veteran", "SSN last 4", "DOB", "Referral #", "SEOC", "Approved", "Expires", "Provider"], rows, "Referrals approved this week.")
def Lp_hbo(r):
    o = org(r, "wound"); rows = []; d = soon(r, 1, 3)
    for _ in range(nrows(r)):
        p = patient(r, 40, 92)
        rows.append((at(d, r), p.last_first(), p.dob, mbi(r), r.choice(["E11.621/L97.523", "L59.8 rad injury", "M86.671 osteo", "T86.821 flap", "E11.621/L97.424"]), r.randint(1, 40), r.choice(["A", "B", "A", "mono 1"])))
    return plist("hbo-census", "Chamber schedule", o, ["Dive time", "Patient", "DOB", "MBI", "Dx", "Tx #", "Chamber"], rows, "Tomorrow's chamber schedule.")
def Lp_speech(r):
    o = org(r, "speech"); rows = []
    for _ in range(nrows(r)):
        k = patient(r, 1, 9); par = Person(r, 22, 50, pool=k.pool)
        rows.append((k.full(), k.dob, f"{par.given} {k.family}", r.choice(SPEECH_DX)[0], r.choice(["1x/wk", "2x/wk", "3x/wk"]), soon(r, 10, 180), r.choice(["CommonWell", "Bluestem", "TRICARE", "private pay"])))
    return plist("speech-caseload", "Caseload", o, ["Child", "DOB", "Parent", "Dx", "Frequency", "Auth through", "Payer"], rows, "Caseload for reassignment while Kelsey is on leave.")
def Lp_dental(r):
    o = org(r, "dental"); rows = []; d = soon(r, 1, 4)
    for _ in range(nrows(r)):
        p = patient(r, 14, 80)
        rows.append((at(d, r), p.last_first(), p.dob, r.choice(["3rd molars x4", "ext #30", "implant #19", "biopsy tongue", "expose/bond #6", "ext #8 + graft"]), r.choice(["IV", "local", "GA", "nitrous"]), r.choice(["none", "apixaban", "bisphosphonate", "latex", "PCN allergy", "T1DM"])))
    return plist("dental-surgery-schedule", f"OR schedule {fd(d, 'mdy')}", o, ["Time", "Patient", "DOB", "Procedure", "Anesthesia", "Medical alert"], rows, "Surgery schedule - pre-op calls tomorrow.")
def Lp_es(r):
    o = org(r, r.choice(["urgent", "school", "homehealth", "ivf"])); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 2, 80, pool=r.choice(HISPANIC))
        rows.append((p.full(), p.dob, phone(r), soon(r, 1, 10), r.choice({"urgent": ["seguimiento herida", "control de fractura", "resultado cultivo"], "school": ["asma", "vacunas", "examen deportivo"],
                                                                         "homehealth": ["curación", "insulina", "fisioterapia"], "ivf": ["monitoreo", "beta hCG", "transferencia"]}[o.kind])))
    return plist("spanish-list", "Citas", o, ["Paciente", "Fecha de nacimiento", "Teléfono", "Cita", "Motivo"], rows, "Lista de citas para llamar (pacientes de habla hispana).")
PHI_LIST = [Lp_retina, Lp_device, Lp_hh, Lp_bariatric, Lp_ivf, Lp_pt_auth, Lp_uc, Lp_school, Lp_spharm, Lp_courier, Lp_rad, Lp_anes, Lp_mco, Lp_allergy, Lp_student, Lp_trial, Lp_va, Lp_hbo, Lp_speech, Lp_dental, Lp_es]

# ================================================================== clean narratives (hard look-alikes: staff, vendors, payers, aggregates, training)
def C_sterilizer(r):
    o = org(r, "dental"); s = staff(r); s.title = "Sterilization Lead"; wk = past(r, 3, 10); rows = []
    for u in ["Statim 5000 (Op 1-4)", "Midmark M11 #1", "Midmark M11 #2", "Lisa 500 (implant room)"]:
        rows.append((u, f"SN {letters(r, 2)}{digits(r, 6)}", f"BI lot {digits(r, 6)}{letters(r, 1)}", fd(wk + DAY(days=r.randint(0, 4)), "mdy"), r.choice(["Negative", "Negative", "Negative", "Negative - control positive"])))
    blocks = [p_(f"Weekly spore test results, week of {fd(wk, 'long')} (mail-in service, SporeCheck acct {digits(r, 6)})."), tbl(["Sterilizer", "Serial", "Indicator", "Run date", "Result"], rows),
              p_("All units passed. Please initial the paper log at the front desk. Reminder: Class 5 integrators go in every implant cassette."), p_(signoff(r, s, o))]
    return Doc("sterilization-log", "Spore test results", blocks, o, sender=s)
def C_dental_order(r):
    v = vendor(r, "DentaSource"); o = org(r, "dental"); s = staff(r); s.title = "Customer Care"; rows = []
    for item, cat in r.sample([("Composite A2 syringe 4 g", "DS-40112"), ("Nitrile gloves M, 200/bx", "DS-11020"), ("Lidocaine 2% 1:100k, 50 carpules", "DS-70231"), ("Bone graft, mineralized allograft 0.5 cc", "DS-88214"),
                               ("Sutures 4-0 chromic gut, 12/bx", "DS-66108"), ("Implant 4.1 x 10 mm RP", "DS-90411"), ("Saliva ejectors, 100/bag", "DS-10007"), ("Articaine 4% 1:100k", "DS-70245")], 5):
        rows.append((cat, item, str(r.randint(1, 12)), f"LOT {digits(r, 2)}{letters(r, 2)}{digits(r, 4)}", money(r.uniform(8, 420))))
    blocks = [p_(f"Order confirmation - PO {o.initials()}-{digits(r, 5)} / Customer #{digits(r, 7)}"), p_(f"Ship to: {o.name}, {o.addr()}"), tbl(["Catalog #", "Description", "Qty", "Lot", "Ext price"], rows),
              p_(f"Estimated delivery {fd(soon(r, 2, 5), 'wd')} via UPS Ground. Questions: {v.phone}."), p_(signoff(r, s, v))]
    return Doc("vendor-order", "Order confirmation", blocks, v, sender=s)
def C_retina_inventory(r):
    o = org(r, "retina"); s = staff(r); s.title = "Practice Administrator"; rows = []
    for drug, jc, u in RETINA_DRUGS:
        rows.append((drug, jc, ndc(r), f"{letters(r, 1)}{digits(r, 6)}", fd(soon(r, 60, 500), "mdy"), str(r.randint(0, 40))))
    blocks = [p_("Month-end buy-and-bill inventory count (fridges A and B). Please reconcile against the invoices before Friday."), tbl(["Drug", "HCPCS", "NDC", "Lot", "Exp", "On hand"], rows),
              p_(f"Fridge B logged 9.1 C for 12 minutes on {fd(past(r, 2, 9), 'm/d')} during the door alarm test - product remained in range per the data logger (SN {digits(r, 8)}); no discard needed."), p_(signoff(r, s, o))]
    return Doc("drug-inventory", "Buy-and-bill inventory", blocks, o, sender=s)
def C_device_advisory(r):
    o = org(r, "device"); s = staff(r); s.cred = "MD, FHRS"; s.title = "Director, Device Clinic"; model = r.choice(["Visia AF VR", "Claria MRI Quad", "Azure XT DR"])
    blocks = [p_("Team,"), p_(f"The manufacturer issued a field safety notice today for {model} devices built between {fd(past(r, 700, 900), 'mdy')} and {fd(past(r, 400, 600), 'mdy')} "
                             f"(serial prefixes {letters(r, 3)} and {letters(r, 3)}). The issue is a premature battery depletion warning appearing about 3 months early. No patient injuries reported."),
              p_("Action for us: the remote team will run a report of affected serials from the portal - please do NOT e-mail that list outside the secure inbox. Patient letters will go out from the manufacturer."),
              p_("Talking points for phone calls are on the shared drive under Advisories/2026."), p_(s.with_cred())]
    return Doc("device-advisory", "Field safety notice", blocks, o, sender=s)
def C_device_rep(r):
    o = org(r, "device"); s = staff(r); s.title = "EP Scheduler"; rows = []
    for d in sorted(soon(r, 1, 20) for _ in range(5)):
        rep = staff(r)
        rows.append((fd(d, "wd"), rep.plain(), r.choice(["Medtronic-type", "Abbott-type", "Boston-type", "Biotronik-type"]), r.choice(["clinic AM", "OR case", "clinic PM", "on call"]), phone(r)))
    blocks = [p_("Rep coverage for the next few weeks. If a rep can't make it, their backup number is on the board."), tbl(["Day", "Rep", "Manufacturer", "Coverage", "Cell"], rows),
              p_(f"Programmer serials due for software update: {', '.join(digits(r, 7) for _ in range(3))}."), p_(signoff(r, s, o))]
    return Doc("rep-schedule", "Device rep coverage", blocks, o, sender=s)
def C_hh_mileage(r):
    o = org(r, "homehealth"); s = staff(r); s.title = "Director of Operations"
    blocks = [p_("Field staff,"), p_(f"Starting {fd(soon(r, 10, 20), 'long')} mileage reimbursement goes to $0.70/mile (IRS 2026 rate). Submit logs by the 5th of each month in the HR portal; trips between visits count, the first trip from home to the first visit does not."),
              p_("Territory changes: north county moves to " + staff(r).plain() + ", south/east stays with " + staff(r).plain() + ". Vehicle insurance certificates are due with your annual review."), p_(signoff(r, s, o))]
    return Doc("policy-notice", "Mileage and territories", blocks, o, sender=s)
def C_oasis_training(r):
    o = org(r, "homehealth"); s = staff(r); s.cred = "RN, HCS-D"; s.title = "Education Coordinator"
    blocks = [h_("OASIS-E1 Accuracy Training - Session 3"), p_(f"Date: {fd(soon(r, 5, 20), 'long')}, 12:00-1:00 PM, conference room and Teams."),
              p_("Case study (fictional): an 80-year-old returns home after a hip fracture repair. She uses a walker, needs help with lower-body dressing, and her daughter visits twice a day. Score GG0130 and GG0170 items, M1800-M1860 and M1033 for this case before the session."),
              p_("Answer key will be posted afterwards. 1.0 contact hour. Bring your questions about the 2026 PDGM functional scoring changes."), p_(signoff(r, s, o))]
    return Doc("education", "OASIS training", blocks, o, sender=s)
def C_bariatric_group(r):
    o = org(r, "bariatric"); s = staff(r); s.cred = "RD, LD"; s.title = "Bariatric Dietitian"
    topics = r.sample(["Protein goals after surgery", "Holiday eating without guilt", "Vitamin B12, iron and calcium: what and when", "Moving more - chair exercises", "Alcohol after bariatric surgery", "Reading nutrition labels"], 3)
    blocks = [h_("Monthly Support Group"), p_("Open to pre- and post-op patients and their support people. No registration needed."),
              tbl(["Date", "Topic", "Speaker"], [(fd(soon(r, 5 + 28 * i, 12 + 28 * i), "long"), t, staff(r).plain() + r.choice([", RD", ", PhD", ", PA-C", ""])) for i, t in enumerate(topics)]),
              p_(f"Meets 6:00-7:15 PM in the {o.short} education room, {o.addr()}. Zoom link on the website."), p_(signoff(r, s, o))]
    return Doc("community-class", "Support group schedule", blocks, o, sender=s)
def C_ivf_qc(r):
    o = org(r, "ivf"); s = staff(r); s.cred = "MS, TS(ABB)"; s.title = "Lab Director"; rows = []
    for i in range(1, 6):
        rows.append((f"Incubator {i} (SN {digits(r, 6)})", f"{round(r.uniform(5.8, 6.2), 1)}%", f"{round(r.uniform(4.9, 5.2), 1)}%", f"{round(r.uniform(36.9, 37.2), 1)} C", r.choice(["in range", "in range", "recalibrated"])))
    blocks = [p_(f"Weekly embryology lab QC, week ending {fd(past(r, 0, 6), 'mdy')}."), tbl(["Unit", "CO2", "O2", "Temp", "Status"], rows),
              p_(f"Culture media lot {letters(r, 2)}{digits(r, 6)} passed mouse embryo assay (>80% blastocyst). LN2 dewars filled Tuesday; levels 28-31 cm, alarms tested. Next audit {fd(soon(r, 20, 60), 'long')}."), p_(s.with_cred())]
    return Doc("equipment-qa", "Lab QC", blocks, o, sender=s)
def C_uc_staffing(r):
    o = org(r, "urgent"); s = staff(r); s.title = "Regional Operations Manager"; rows = []
    for d in [Dt(2026, 12, 24), Dt(2026, 12, 25), Dt(2026, 12, 31), Dt(2027, 1, 1)]:
        rows.append((fd(d, "wd"), r.choice(["8a-4p", "closed", "9a-5p", "8a-8p"]), staff(r).plain() + ", " + r.choice(["PA-C", "FNP", "MD"]), staff(r).plain() + ", RT(R)"))
    blocks = [p_("Holiday hours and coverage for all QuickPoint sites:"), tbl(["Day", "Hours", "Provider", "X-ray"], rows), p_("Swap requests go through the scheduling app by 12/20. Thanks for covering, everyone!"), p_(signoff(r, s, o))]
    return Doc("staff-schedule", "Holiday coverage", blocks, o, sender=s)
def C_school_forms(r):
    o = org(r, "school"); s = staff(r); s.cred = "RN, NCSN"; s.title = "Lead School Nurse"
    blocks = [p_("Principals and front-office staff,"), p_(f"The district Health History and Emergency Card was revised (form HS-12, rev. {fd(past(r, 10, 40), 'mdy')}). The Date of Birth field must now match the birth certificate or passport, and a second emergency contact is required."),
              p_(f"Please recycle old copies. Kindergarten immunization records are due to the state by {fd(soon(r, 20, 60), 'long')}; counts only - no student names in e-mail please."), p_(signoff(r, s, o))]
    return Doc("form-revision", "Health form revision", blocks, o, sender=s)
def C_sports_physicals(r):
    o = org(r, "school"); s = staff(r); s.title = "SBHC Coordinator"
    blocks = [h_("Free Sports Physicals Day"), p_(f"{fd(soon(r, 10, 40), 'wd')}, 3:30-7:00 PM at the Eastbrook School-Based Health Center. Bring the signed CIF pre-participation form; students under 18 need a parent signature."),
              p_("Walk-ins welcome. Flu shots and Tdap boosters available. Spanish and Hmong interpreters on site."), p_(signoff(r, s, o))]
    return Doc("event-notice", "Sports physicals", blocks, o, sender=s)
def C_copay_program(r):
    v = vendor(r, "CopayBridge"); s = staff(r); s.title = "Account Executive"
    blocks = [p_("Partner pharmacies,"), p_(f"Effective {fd(Dt(2027, 1, 1), 'long')} the program annual maximum for the Dupixent-type and Skyrizi-type programs changes to $13,000 per patient per calendar year. Program BIN 610{digits(r, 3)} / PCN {letters(r, 4)} are unchanged; group numbers are reissued."),
              p_("Accumulator-adjustment plans: continue to bill primary first. We will send the updated payer sheet next week. Training webinar slots: " + ", ".join(fd(d, "Mon d") for d in sorted({soon(r, 3, 12), soon(r, 19, 26)})) + "."), p_(signoff(r, s, v))]
    return Doc("program-update", "Copay program changes 2027", blocks, v, sender=s)
def C_rems_training(r):
    o = org(r, "spharm"); s = staff(r); s.cred = "PharmD"; s.title = "Pharmacy Manager"; rows = [(staff(r).plain() + ", PharmD", r.choice(["complete", "complete", "due " + fd(soon(r, 5, 30), "m/d")]), r.choice(["iPLEDGE", "Ambrisentan REMS", "Clozapine (archived)", "TIRF"])) for _ in range(6)]
    blocks = [p_("REMS pharmacist certification status:"), tbl(["Pharmacist", "Status", "Program"], rows), p_("Anyone due must complete the module before their next dispensing shift."), p_(s.with_cred())]
    return Doc("training-compliance", "REMS certifications", blocks, o, sender=s)
def C_courier_routes(r):
    v = vendor(r, "RapidRoute Courier"); s = staff(r); s.title = "Dispatch Manager"
    blocks = [p_("Route changes effective Monday:"), kv(r, [("Route 7", f"adds Prairie Lantern FM at 2:15 PM; driver {staff(r).plain()}, van #{r.randint(10, 60)}"), ("Route 12", "moves last pickup from 5:30 to 5:00 PM"),
                                                            ("Route 19", f"weekend STAT only; on-call {phone(r)}")], "colon"),
              p_("Reminder: lockboxes must be locked and coolers logged with the min/max thermometer reading. Incident forms go to dispatch, not by text."), p_(signoff(r, s, v))]
    return Doc("vendor-notice", "Route changes", blocks, v, sender=s)
def C_test_menu(r):
    o = org(r, "lab"); s = staff(r); s.title = "Client Services"; rows = []
    for t, cpt, lo, spec in r.sample([("Lithium", "80178", "14334-7", "1 mL serum, red top, 12 h post dose"), ("Hemoglobin A1c", "83036", "4548-4", "lavender top whole blood"), ("QuantiFERON-TB Gold Plus", "86480", "71773-6", "4 QFT tubes, incubate within 16 h"),
                                      ("Vitamin D, 25-OH", "82306", "62292-8", "1 mL serum"), ("Alpha-gal IgE", "86008", "", "1 mL serum"), ("AMH", "82166", "", "1 mL serum, frozen if >48 h")], 4):
        rows.append((t, cpt, lo or "-", spec, fd(Dt(2027, 1, r.choice([4, 11, 18])), "mdy")))
    blocks = [p_("Test menu changes for 2027. Please update your order-entry build:"), tbl(["Test", "CPT", "LOINC", "Specimen", "Effective"], rows), p_(signoff(r, s, o))]
    return Doc("test-menu-update", "Test menu update", blocks, o, sender=s)
def C_rad_peer(r):
    o = org(r, "rad"); s = staff(r); s.cred = "MD"; s.title = "Quality Manager"; rows = []
    for _ in range(6):
        n = r.randint(40, 180); rows.append((staff(r).plain() + ", MD", n, r.randint(0, 4), r.randint(0, 1), f"{round(r.uniform(0.2, 2.5), 1)}%"))
    blocks = [p_(f"Q{(TODAY.month - 1) // 3 + 1} peer review summary (RADPEER-style). Case-level details stay in the peer review system."), tbl(["Radiologist", "Cases reviewed", "Score 2", "Score 3", "Discrepancy"], rows),
              p_("Group rate is within the benchmark. Next QA meeting " + fd(soon(r, 7, 30), "long") + "."), p_(s.with_cred())]
    return Doc("quality-metrics", "Peer review summary", blocks, o, sender=s)
def C_anes_invoice(r):
    o = org(r, "anesbill"); cl = org(r, "hospital"); s = staff(r); s.title = "Client Manager"; col = r.uniform(380000, 920000); fee = r.choice([0.055, 0.06, 0.065])
    blocks = [h_(f"Invoice {o.initials()}-{TODAY:%Y%m}-{digits(r, 3)}"), p_(f"Bill to: {cl.name} Anesthesia Group, {cl.addr()}"),
              kv(r, [("Service period", f"{fd(Dt(2026, 11, 1), 'mdy')} - {fd(Dt(2026, 11, 30), 'mdy')}"), ("Net collections", money(col)), ("Fee rate", f"{fee * 100:.1f}%"), ("Amount due", money(col * fee)), ("Due date", fd(soon(r, 20, 30), "mdy")),
                     ("Remit to", f"{o.name}, {o.addr()} - ACH routing on file")], "aligned"),
              p_(f"Days in AR: {r.randint(28, 45)}. Denial rate {round(r.uniform(3, 8), 1)}%. Monthly KPI deck attached separately."), p_(signoff(r, s, o))]
    return Doc("vendor-invoice", "Monthly invoice", blocks, o, sender=s)
def C_mco_newsletter(r):
    o = org(r, "mco"); s = staff(r); s.title = "Provider Relations"
    blocks = [h_("CommonWell Provider Bulletin - Winter 2026"), p_("HEDIS MY2026 hybrid chart chase starts in February. Please return record requests within 14 days; you can upload through the provider portal."),
              p_(f"Network-wide, prenatal visits in the first trimester rose from {r.randint(68, 74)}% to {r.randint(75, 82)}% and follow-up within 7 days after a behavioral health discharge reached {r.randint(40, 55)}%. Thank you!"),
              p_("Reminder: Medicaid redetermination notices are mailed 60 days ahead; help members update their address."), p_(signoff(r, s, o))]
    return Doc("newsletter", "Provider bulletin", blocks, o, sender=s)
def C_pollen(r):
    o = org(r, "allergy"); s = staff(r); s.cred = "MD"
    blocks = [h_("Pollenwood Pollen & Mold Report"), p_(f"Week of {fd(past(r, 0, 6), 'long')}: mountain cedar high (1,240 grains/m3), mold spores moderate, ragweed absent. Expect cedar fever season to peak in January."),
              p_("Tip for patients on allergy shots: missed more than 2 weeks? Call before your next visit so we can adjust the dose."), p_("Clinic closed Dec 24-25. Shot hours resume Dec 26.\n" + s.with_cred())]
    return Doc("newsletter", "Pollen report", blocks, o, sender=s)
def C_flu_clinic(r):
    o = org(r, "student"); s = staff(r); s.title = "Director, Student Health"
    blocks = [h_("Campus Flu & COVID Vaccine Clinic"), p_(f"{fd(soon(r, 5, 20), 'wd')} and {fd(soon(r, 21, 30), 'wd')}, 10 AM-3 PM, Student Union Ballroom B. Bring your student ID card; insurance billed, no cost to students."),
              p_(f"Last year we vaccinated {r.randint(1800, 3200):,} students. Peer health educators needed - sign up by e-mailing the wellness office."), p_(signoff(r, s, o))]
    return Doc("vaccine-clinic", "Flu clinic", blocks, o, sender=s)
def C_trial_deid(r):
    o = org(r, "trial"); s = staff(r); s.cred = "CCRP"; s.title = "Site Manager"; rows = []
    for sid in sorted(r.sample(range(1, 81), r.randint(5, 8))):
        rows.append((f"114-{sid:03d}", f"{r.choice(['40-49', '50-59', '60-69', '70-79'])}", r.choice(["F", "M"]), f"V{r.randint(2, 9)}", r.choice(["none", "headache gr1", "nausea gr1", "rash gr2", "none"]), r.choice(["N", "N", "N", "Y (SAE closed)"])))
    blocks = [p_(f"Monthly status for the sponsor, protocol {r.choice(['CRV-2211', 'NPX-304'])}. Coded subject IDs only, per the data management plan."), tbl(["Subject", "Age band", "Sex", "Last visit", "AE", "SAE"], rows),
              p_(f"Screened {r.randint(20, 40)}, randomized {r.randint(10, 19)}, screen failures {r.randint(5, 15)}. Next monitoring visit {fd(soon(r, 10, 40), 'long')}."), p_(signoff(r, s, o))]
    return Doc("research-deidentified", "Monthly site status", blocks, o, sender=s)
def C_va_network(r):
    o = org(r, "va"); s = staff(r); s.title = "Provider Relations"
    blocks = [p_("Community Care Network providers,"), p_(f"Effective {fd(Dt(2027, 1, 1), 'long')}, claims for approved referrals must include the referral number in loop 2300 REF*9F. Claims without it will deny (CARC 15)."),
              p_("Medical documentation continues to go through HSRM. Please do not e-mail Veteran records to this mailbox. Timely filing remains 180 days."), p_(signoff(r, s, o))]
    return Doc("payer-policy-update", "CCN billing reminder", blocks, o, sender=s)
def C_hbo_maint(r):
    o = org(r, "wound"); v = vendor(r, "HyperTech"); s = staff(r); s.cred = "CHT"; s.title = "Hyperbaric Safety Director"
    blocks = [p_(f"Chamber B (monoplace, SN {letters(r, 2)}-{digits(r, 5)}) will be out of service {fd(soon(r, 3, 10), 'wd')} for the semi-annual PM by {v.short}."),
              p_(f"Fire drill and emergency decompression drill: {fd(soon(r, 11, 20), 'wd')} at 7:00 AM, all CHTs required. NFPA 99 checklist due to me after."),
              p_("Patient schedule has been moved to Chamber A; no action needed by the front desk."), p_(s.with_cred())]
    return Doc("equipment-maintenance", "Chamber PM", blocks, o, sender=s)
def C_speech_ce(r):
    o = org(r, "speech"); s = staff(r); s.cred = "MS, CCC-SLP"; s.title = "Clinical Director"
    blocks = [h_("In-service: IDDSI for pediatric feeding"), p_(f"{fd(soon(r, 5, 25), 'long')}, 8:00-9:30 AM. Hands-on flow testing with 10 mL syringes; ASHA CEUs 0.15 pending."),
              p_("We will also cover the new evaluation template and the parent handout in Spanish and Vietnamese."), p_(signoff(r, s, o))]
    return Doc("education", "In-service", blocks, o, sender=s)
def C_birthday(r):
    o = org(r); b = staff(r); s = staff(r); d = soon(r, 1, 8)
    blocks = [p_(f"Shh - it's {b.given}'s {r.choice(['40th', '50th', '30th', '60th', ''])} birthday on {fd(d, 'wd')}!".replace(" 's", "'s").replace("  ", " ")),
              p_(f"Cake in the {r.choice(['break room', 'sterilization area (not really)', 'conference room B'])} at {clock(r, 12, 15)}. Card is at the front desk - sign it when {b.given} is at lunch. $5 toward the gift card if you'd like."), p_(s.given)]
    return Doc("staff-birthday", "Birthday surprise", blocks, o, sender=s, subject=f"{b.given}'s birthday {fd(d, 'md')}")
def C_job(r):
    o = org(r); s = staff(r); s.title = "Talent Acquisition"
    role = {"dental": "Oral Surgery Assistant (DA II)", "retina": "Ophthalmic Technician (COA)", "device": "Device Clinic RN", "homehealth": "Home Health RN Case Manager", "bariatric": "Bariatric Dietitian", "ivf": "Embryologist",
            "pt": "Physical Therapist Assistant", "urgent": "Radiologic Technologist (PRN)", "school": "School Nurse (RN)", "spharm": "Specialty Pharmacy Technician", "lab": "Courier Driver", "rad": "CT Technologist",
            "anesbill": "Anesthesia Coder (CANPC)", "mco": "Community Health Worker", "allergy": "Allergy LPN", "student": "Nurse Practitioner", "trial": "Clinical Research Coordinator", "va": "Program Support Assistant",
            "wound": "Certified Hyperbaric Technologist", "speech": "Speech-Language Pathologist", "hospital": "Patient Access Representative", "clinic": "Medical Assistant", "payer": "Claims Examiner"}.get(o.kind, "Coordinator")
    blocks = [h_(f"Now hiring: {role}"), p_(f"Req #{r.randint(10000, 99999)}. {r.choice(['Full time, days', 'Part time, 24 h/week', 'PRN'])}. Pay range ${r.randint(19, 60)}-${r.randint(61, 95)}/h depending on experience. Sign-on bonus available."),
              p_(f"Apply at careers.{o.dom}. Referral bonus for staff: $1,000 after 90 days. Please share!"), p_(signoff(r, s, o))]
    return Doc("job-posting", f"Job posting - {role}", blocks, o, sender=s)
def C_hipaa(r):
    o = org(r); s = staff(r); s.title = "Privacy Officer"
    blocks = [p_("Annual HIPAA & privacy training is due by " + fd(soon(r, 10, 40), "long") + "."),
              p_("New this year: a module on texting and e-mail. Remember - never put a patient's name with a diagnosis in a subject line, and use [SECURE] when mailing outside the organisation. The examples in the module use made-up numbers such as SSN 078-05-1120 and Medicare ID 1EG4-TE5-MK73; these are published samples, not real people."),
              p_(f"Completion so far: {r.randint(41, 88)}%. Managers will receive a list of staff who are not complete."), p_(signoff(r, s, o))]
    return Doc("hipaa-reminder", "HIPAA training due", blocks, o, sender=s)
def C_ooo(r):
    o = org(r); s = staff(r); b = staff(r)
    blocks = [p_(f"I am out of the office {fd(soon(r, 0, 3), 'Mon d')} - {fd(soon(r, 5, 12), 'Mon d')} with limited e-mail. For urgent matters please contact {b.plain()} at {mailbox(b, o.dom)} or call {o.phone}."), p_(s.plain())]
    return Doc("out-of-office", "Out of office", blocks, o, sender=s, subject=f"Automatic reply: {r.choice(['schedule', 'invoice question', 'meeting', 'request'])}")
def C_ticket(r):
    o = org(r); v = vendor(r, "Lakeside IT"); s = staff(r); s.title = "Service Desk"
    blocks = [p_(f"Ticket INC{digits(r, 7)} has been {r.choice(['resolved', 'updated', 'assigned'])}."),
              kv(r, [("Requester", staff(r).plain()), ("Location", r.choice(["front desk PC 3", "shot room laptop", "chamber control station", "lab receiving scanner", "reading room 2 workstation"])),
                     ("Issue", r.choice(["label printer prints blank labels", "Citrix session freezes", "scanner not sending to e-mail", "badge reader on door 4 offline", "dual monitors flicker"])),
                     ("Asset tag", f"{o.initials()}-{digits(r, 5)}"), ("Resolution", r.choice(["replaced USB cable", "driver reinstalled", "escalated to network team", "reseated the dock"]))], "colon"),
              p_(f"Reply to this e-mail to reopen. {v.name} Service Desk"), ]
    return Doc("it-ticket", "IT ticket", blocks, v, sender=s)
def C_perk(r):
    o = org(r); s = staff(r); s.title = "HR Generalist"
    blocks = [p_("Wellness perks reminder for employees:"), p_(f"Gym partner: show your badge at FitLab for $15/month; your FitLab member # starts with {o.initials()}. Employee auto discount: Prairie Mutual policy holders (e.g. policy PMA-{digits(r, 7)}) can add the payroll-deduct discount at renewal."),
              p_("Open enrollment changes take effect January 1. Questions: the HR portal or ext. " + str(r.randint(2000, 2999)) + "."), p_(signoff(r, s, o))]
    return Doc("wellness-perk", "Employee perks", blocks, o, sender=s)
def C_fleet(r):
    v = vendor(r, "Prairie Mutual"); o = org(r, r.choice(["homehealth", "lab", "va"])); s = staff(r); s.title = "Commercial Lines"
    blocks = [p_(f"Renewal summary for {o.name} fleet policy CAP-{digits(r, 7)}:"), kv(r, [("Vehicles", str(r.randint(6, 30))), ("Premium", money(r.uniform(18000, 96000))), ("Effective", fd(Dt(2027, 1, 1), "mdy")),
                                                                                           ("Added", f"2026 Ford Transit VIN 1FTBR1Y8{digits(r, 1)}{letters(r, 2)}{digits(r, 6)}"), ("Deductible", "$1,000 comprehensive / $1,000 collision")], "aligned"),
              p_("Driver list must be updated with license numbers for MVR checks before binding."), p_(signoff(r, s, v))]
    return Doc("fleet-insurance", "Fleet renewal", blocks, v, sender=s)
def C_es_notice(r):
    o = org(r, r.choice(["urgent", "homehealth", "school", "dental"])); s = staff(r, pool=r.choice(HISPANIC))
    blocks = [p_("Aviso para el personal:"), p_(f"La reunión mensual será el {fd(soon(r, 3, 15), 'es')} a las 7:30 a.m. en la sala de conferencias. Temas: horarios de vacaciones, nuevo sistema de fichaje y la capacitación anual de HIPAA (fecha límite {fd(soon(r, 20, 40), 'es')})."),
              p_("Habrá café y pan dulce. Si no puede asistir, avise a su supervisor."), p_(s.plain())]
    return Doc("spanish-notice", "Reunión de personal", blocks, o, sender=s, lang="es")
def C_deid_stats(r):
    o = org(r, r.choice(["urgent", "mco", "student", "lab"])); s = staff(r); s.title = "Data Analyst"; rows = []
    for band in ["0-17", "18-34", "35-49", "50-64", "65+"]:
        v = r.randint(40, 900); k = r.randint(11, max(12, v // 5)); rows.append((band, v, k, f"{100 * k / v:.1f}%"))
    blocks = [p_(f"Aggregate counts for {r.choice(['influenza-like illness', 'strep pharyngitis', 'asthma ED visits', 'positive IGRA screens'])}, {r.choice(['November', 'Q3', 'fall term'])} 2026. Cells under 11 are suppressed per policy."),
              tbl(["Age band", "Visits", "Positives", "Rate"], rows), p_("No patient-level data included."), p_(signoff(r, s, o))]
    return Doc("deidentified-stats", "Aggregate report", blocks, o, sender=s)
def C_minutes(r):
    o = org(r); s = staff(r); att = ", ".join(staff(r).plain() for _ in range(5))
    blocks = [h_(f"Operations meeting minutes - {fd(past(r, 1, 6), 'long')}"), p_("Attendees: " + att),
              p_("1. Parking lot resurfacing Jan 8-9; staff park in the overflow lot.\n2. New phone tree goes live 1/4.\n3. Supply par levels reviewed - gloves back-ordered, substitute approved.\n4. Patient satisfaction top-box 86% (goal 85%)."),
              p_("Next meeting in two weeks."), p_(s.plain())]
    return Doc("meeting-minutes", "Meeting minutes", blocks, o, sender=s)
def C_phish(r):
    o = org(r); s = staff(r); s.title = "Information Security"
    blocks = [p_("Last week's phishing simulation results:"), kv(r, [("Messages sent", str(r.randint(200, 900))), ("Reported", f"{r.randint(30, 60)}%"), ("Clicked", f"{r.randint(3, 12)}%"), ("Entered credentials", f"{r.randint(0, 3)}%")], "dash"),
              p_("The fake message pretended to be a 'fax from a patient's attorney'. Use the Report Phish button - don't forward suspicious mail to the service desk."), p_(signoff(r, s, o))]
    return Doc("security-awareness", "Phishing test results", blocks, o, sender=s)
CLEAN_NARR = [C_sterilizer, C_dental_order, C_retina_inventory, C_device_advisory, C_device_rep, C_hh_mileage, C_oasis_training, C_bariatric_group, C_ivf_qc, C_uc_staffing, C_school_forms,
              C_sports_physicals, C_copay_program, C_rems_training, C_courier_routes, C_test_menu, C_rad_peer, C_anes_invoice, C_mco_newsletter, C_pollen, C_flu_clinic, C_trial_deid, C_va_network,
              C_hbo_maint, C_speech_ce, C_birthday, C_job, C_hipaa, C_ooo, C_ticket, C_perk, C_fleet, C_es_notice, C_deid_stats, C_minutes, C_phish]

# ------------------------------------------------------------------ clean interchange look-alikes
def Q_hl7_spec(r):
    o = org(r, "lab"); s = staff(r); s.title = "Interface Analyst"
    spec = "\n".join(["MSH|^~\\&|NGLIS|NORTHGATE|<RECEIVING_APP>|<RECEIVING_FAC>|<YYYYMMDDHHMM>||ORU^R01^ORU_R01|<CONTROL_ID>|P|2.5.1",
                      "PID|1||<MRN>^^^<ASSIGNING_AUTH>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<F|M|U>", "OBR|1|<PLACER>|<FILLER>|<LOINC>^<TEXT>^LN|||<COLLECT_DTTM>", "OBX|1|<NM|ST|TX>|<LOINC>^<TEXT>^LN||<VALUE>|<UNITS>|<REF_RANGE>|<ABN_FLAG>|||F"])
    blocks = [p_("Attached below is section 4 of our results interface spec (v3.2). Fields in angle brackets are placeholders."), pre(spec), p_("PID-3 must carry your MRN with assigning authority; PID-19 (SSN) is not sent. Go-live testing window opens " + fd(soon(r, 10, 30), "long") + "."), p_(signoff(r, s, o))]
    return Doc("hl7-spec", "Interface spec", blocks, o, kind="raw", sender=s)
def Q_hl7_test(r):
    o = org(r, r.choice(["urgent", "lab", "rad"])); s = staff(r); s.title = "Integration Engineer"
    segs = [f"MSH|^~\\&|TESTAPP|TESTFAC|HIE|STATEHIE|{TODAY:%Y%m%d}0900||ADT^A04|TST{digits(r, 6)}|T|2.5.1", "EVN|A04|" + f"{TODAY:%Y%m%d}0900",
            "PID|1||TEST0000001^^^TST^MR||ZZTEST^PATIENT^ONE||19000101|U|||1 TEST ST^^ANYTOWN^ZZ^00000", "PV1|1|O|TEST^^^TST"]
    blocks = [p_("Test message for the validation environment (processing ID T). ZZTEST is our synthetic test patient; do not route to production."), pre("\n".join(segs)), p_(signoff(r, s, o))]
    return Doc("hl7-test-patient", "Test ADT", blocks, o, kind="raw", sender=s)
def Q_x12_guide(r):
    o = org(r, "payer"); s = staff(r); s.title = "EDI Support"
    ex = "\n".join(["NM1*IL*1*DOE*JOHN*A***MI*XXXXXXXXX~", "DMG*D8*CCYYMMDD*M~", "CLM*PATIENTACCT01*100***11:B:1*Y*A*Y*Y~", "HI*ABK:R69~", "SV1*HC:99213*100*UN*1***1~", "DTP*472*D8*CCYYMMDD~"])
    blocks = [p_("Companion guide excerpt, 837P loop 2010BA/2300 - example values only:"), pre(ex), p_("Member IDs are 9 characters after the 3-letter prefix. ICD-10 codes are sent without the decimal point."), p_(signoff(r, s, o))]
    return Doc("x12-guide", "Companion guide excerpt", blocks, o, kind="raw", sender=s)
def Q_fhir_profile(r):
    o = org(r, r.choice(["trial", "lab", "mco"])); s = staff(r); s.title = "Integration Engineer"
    sd = json.dumps({"resourceType": "CapabilityStatement", "status": "active", "date": "2026-11-30", "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"],
                     "rest": [{"mode": "server", "resource": [{"type": "Patient", "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": [{"name": "identifier", "type": "token"}, {"name": "birthdate", "type": "date"}]},
                                                               {"type": "Observation", "interaction": [{"code": "read"}], "searchParam": [{"name": "code", "type": "token"}]}]}]}, indent=2)
    blocks = [p_("CapabilityStatement for the sandbox endpoint - our app will search Patient by identifier + birthdate. Sandbox only has synthetic records."), pre(sd), p_(signoff(r, s, o))]
    return Doc("fhir-profile", "CapabilityStatement", blocks, o, kind="raw", sender=s)
def Q_fhir_sample(r):
    o = org(r, r.choice(["trial", "lab"])); s = staff(r); s.title = "Developer"
    body = json.dumps({"resourceType": "Observation", "id": "example-a1c", "meta": {"tag": [{"code": "SYNTHETIC", "display": "synthetic test data"}]}, "status": "final",
                       "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c"}]}, "subject": {"reference": "Patient/test-0001", "display": "Test Patient"},
                       "valueQuantity": {"value": 0.0, "unit": "%"}}, indent=2)
    blocks = [p_("Here is the template payload from our developer docs (synthetic). Replace the reference with a sandbox Patient id."), pre(body), p_(s.plain())]
    return Doc("fhir-example", "Sample payload", blocks, o, kind="raw", sender=s)
def Q_mbi(r):
    o = org(r, r.choice(["homehealth", "wound", "anesbill", "hospital"])); s = staff(r); s.title = "Revenue Cycle Educator"
    blocks = [h_("MBI quick reference"), p_("The Medicare Beneficiary Identifier has 11 characters in the format 1AA1-AA1-AA11 (dashes are not entered in claims). Letters S, L, O, I, B and Z are never used."),
              pre("Position: 1 2 3 4 5 6 7 8 9 10 11\nType:     N A AN N A AN N A A N N\nCMS example: 1EG4-TE5-MK73"), p_("Use the example only in training; look up real MBIs through the MAC portal."), p_(signoff(r, s, o))]
    return Doc("mbi-training", "MBI format", blocks, o, kind="raw", sender=s)
def Q_ssn(r):
    o = org(r); s = staff(r); s.title = "Registration Supervisor"
    blocks = [p_("Registration tip of the week: SSN format and test values"), pre("Format: AAA-GG-SSSS\nTraining samples (not valid): 078-05-1120, 123-45-6789, 987-65-4320\nNever issued: area 000, 666, 900-999"),
              p_("Do not ask for SSN unless the payer requires it; use 'declined' rather than a fake number like 999-99-9999."), p_(signoff(r, s, o))]
    return Doc("ssn-training", "SSN tip", blocks, o, kind="raw", sender=s)
def Q_999(r):
    o = org(r, "payer"); s = staff(r); s.title = "EDI Support"; head, ctl = isa(r, "BLUESTEM", "SUBMITTER01")
    segs = [head, f"GS*FA*BLUESTEM*SUBMITTER01*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 99)}*X*005010X231A1~", "ST*999*0001*005010X231A1~", f"AK1*HC*{r.randint(100, 999)}*005010X222A1~",
            "AK2*837*0001*005010X222A1~", "IK3*NM1*12*2010BA*8~", "IK4*9**7~", "IK5*R*5~", "AK9*R*1*1*0~", "SE*9*0001~", "GE*1*1~", f"IEA*1*{ctl}~"]
    blocks = [p_("Your test file was rejected at the syntax level - NM1 in 2010BA element 9 is invalid (test file, no production claims):"), pre("\n".join(segs)), p_(signoff(r, s, o))]
    return Doc("x12-999", "999 reject", blocks, o, kind="raw", sender=s)
def Q_ada_instr(r):
    o = org(r, "payer"); s = staff(r); s.title = "Provider Relations"
    blocks = [p_("ADA 2024 claim form reminders for Cascade Dental:"), pre("Box 13  Subscriber date of birth - MM/DD/CCYY\nBox 15  Subscriber ID - as shown on the ID card\nBox 21  Patient date of birth\nBox 27  Tooth number - Universal/National system (1-32, A-T)\nBox 29  CDT code\nBox 34a ICD-10-CM diagnosis when required"),
              p_("Claims missing Box 27 for D7xxx codes will be returned."), p_(signoff(r, s, o))]
    return Doc("claim-form-instructions", "ADA form reminders", blocks, o, kind="raw", sender=s)
def Q_payer_sheet(r):
    o = org(r, "spharm"); s = staff(r); s.title = "Pharmacy Operations"
    blocks = [p_("NCPDP D.0 payer sheet summary (updated):"), pre(f"BIN (101-A1): 0{digits(r, 5)}\nPCN (104-A4): {letters(r, 5)}\nGroup (301-C1): varies by employer\nCardholder ID (302-C2): required\nDate of Birth (304-C4): required\nPrior auth type (461-EU): 1 = PA"),
              p_("Specialty claims over $10,000 require a clinical note on file."), p_(signoff(r, s, o))]
    return Doc("ncpdp-payer-sheet", "Payer sheet", blocks, o, kind="raw", sender=s)
CLEAN_RAW = [Q_hl7_spec, Q_hl7_test, Q_x12_guide, Q_fhir_profile, Q_fhir_sample, Q_mbi, Q_ssn, Q_999, Q_ada_instr, Q_payer_sheet]

# ------------------------------------------------------------------ clean lists
def clist(cat, title, o, hdr, rows, intro, subject=None): return Doc(cat, title, [p_(intro), tbl(hdr, rows)], o, kind="list", subject=subject)
def K_oncall(r):
    o = org(r, r.choice(["rad", "urgent", "device", "hospital"])); rows = []; d = soon(r, 0, 3)
    for i in range(nrows(r)):
        p = staff(r); rows.append((d + DAY(days=i), p.plain(), r.choice(CREDS.get(o.kind, ["MD"])), npi(r), phone(r), r.choice(["primary", "backup", "primary", "nights"])))
    return clist("on-call", "On-call schedule", o, ["Date", "Provider", "Cred", "NPI", "Cell", "Role"], rows, "On-call for the next two weeks.")
def K_operatory(r):
    o = org(r, "dental"); rows = []; d = soon(r, 1, 5)
    for i in range(nrows(r)):
        rows.append((d + DAY(days=i // 3), f"Op {r.randint(1, 8)}", staff(r).plain(), r.choice(["RDH", "EFDA", "DA II", "DDS"]), r.choice(["7:00-3:30", "8:00-5:00", "10:00-7:00"]), r.choice(["", "lunch 12-1", "CE day", ""])))
    return clist("staff-schedule", "Operatory schedule", o, ["Date", "Operatory", "Staff", "Role", "Hours", "Note"], rows, "Staffing by operatory (staff only).")
def K_equipment(r):
    o = org(r, r.choice(["wound", "ivf", "rad", "dental", "device"])); rows = []
    for _ in range(nrows(r)):
        rows.append((r.choice(["Monoplace chamber", "Incubator", "CT scanner", "Autoclave", "Programmer", "Dewar", "Infusion pump", "AED"]), f"SN {letters(r, 2)}{digits(r, 6)}", f"{o.initials()}-{digits(r, 5)}", past(r, 30, 360), soon(r, 1, 300), r.choice(["pass", "pass", "due", "repair"])))
    return clist("equipment-log", "Equipment PM log", o, ["Equipment", "Serial", "Asset tag", "Last PM", "Next PM", "Status"], rows, "Biomed PM log export.")
def K_lots(r):
    o = org(r, r.choice(["dental", "allergy", "retina", "urgent", "ivf"])); rows = []
    for _ in range(nrows(r)):
        rows.append((r.choice(["Lidocaine 2%", "Standardized cat extract", "Culture media G-1", "Sutures 4-0", "Flu vaccine 0.5 mL PFS", "Tdap PFS", "Rapid strep kit", "Composite A2"]), f"{letters(r, 2)}{digits(r, 5)}", soon(r, 30, 600), r.randint(1, 60), r.choice(["Fridge 1", "Shelf B", "Lab", "Supply room"])))
    return clist("supply-lots", "Lot inventory", o, ["Item", "Lot", "Expires", "Qty", "Location"], rows, "Lot/expiry inventory - pull anything expiring in 30 days.")
def K_routes(r):
    v = vendor(r, "RapidRoute Courier"); rows = []
    for i in range(nrows(r)):
        rows.append((f"Route {r.randint(1, 24)}", staff(r).plain(), f"Van {r.randint(10, 60)}", r.choice(["QuickPoint Owasso", "Prairie Lantern FM", "Riverbend ED", "St. Adalbert", "Pollenwood Allergy", "Eastbrook SBHC"]), f"{r.randint(8, 17)}:{r.choice(['00', '15', '30', '45'])}", soon(r, 0, 6)))
    return clist("courier-routes", "Route sheet", v, ["Route", "Driver", "Vehicle", "Stop", "Pickup", "Effective"], rows, "Updated route sheet (drivers and stops).")
def K_training(r):
    o = org(r); rows = []
    for _ in range(nrows(r)):
        rows.append((staff(r).plain(), f"E{digits(r, 5)}", r.choice(["HIPAA 2026", "BLS", "Fire safety", "Bloodborne pathogens", "OASIS-E1", "REMS"]), past(r, 0, 200) if r.random() < 0.7 else None, soon(r, 5, 60)))
    return clist("training-compliance", "Training compliance", o, ["Employee", "Employee ID", "Course", "Completed", "Due"], rows, "Training compliance by employee.")
def K_license(r):
    o = org(r); rows = []
    for _ in range(nrows(r)):
        lt, pf = r.choice([("RN", "RN"), ("PT", "PT"), ("DDS", "DN"), ("RDH", "DH"), ("PharmD", "PH"), ("RT(R)", "RT"), ("SLP", "SP"), ("DC", "CH"), ("CHT", "NBDHMT-")])
        rows.append((staff(r).plain(), lt, f"{pf}{digits(r, 6)}", soon(r, 20, 700), past(r, 100, 4000)))
    return clist("license-roster", "License roster", o, ["Staff", "License type", "License #", "Expires", "Hire date"], rows, "License expirations - HR audit.")
def K_po(r):
    o = org(r); rows = []
    for _ in range(nrows(r)):
        v = vendor(r); rows.append((f"PO-{digits(r, 6)}", v.name, r.choice(["supplies", "service contract", "courier", "shredding", "IT hardware"]), past(r, 1, 60), money(r.uniform(120, 24000)), r.choice(["open", "received", "partial", "closed"])))
    return clist("purchase-orders", "Open POs", o, ["PO #", "Vendor", "Type", "Date", "Amount", "Status"], rows, "Open purchase orders for month-end.")
def K_deid(r):
    o = org(r, r.choice(["urgent", "mco", "student", "rad"])); rows = []; wk = past(r, 60, 80)
    for i in range(nrows(r)):
        v = r.randint(20, 400); k = r.randint(0, v // 6); rows.append((wk + DAY(days=7 * i), r.choice(["0-17", "18-44", "45-64", "65+"]), v, k if k >= 11 or k == 0 else "<11", f"{100 * k / v:.1f}%" if k >= 11 or k == 0 else "*"))
    return clist("deidentified-counts", "Weekly counts", o, ["Week of", "Age band", "Visits", "Positive", "Rate"], rows, "De-identified weekly counts (no PHI).")
def K_quality(r):
    o = org(r); rows = []
    for i in range(1, 12):
        rows.append((Dt(2026, i, 1), f"{r.randint(80, 97)}%", f"{round(r.uniform(0.5, 4), 1)}%", r.randint(8, 40), f"{r.randint(70, 95)}%"))
    return clist("quality-by-month", "Quality dashboard", o, ["Month", "Top-box satisfaction", "No-show rate", "Avg wait (min)", "Same-day access"], rows[:nrows(r)], "Monthly quality dashboard data.")
def K_es_staff(r):
    o = org(r, r.choice(["urgent", "homehealth", "school"])); rows = []; d = soon(r, 1, 5)
    for i in range(nrows(r)):
        rows.append((staff(r, pool=r.choice(HISPANIC)).plain(), r.choice(["enfermera", "asistente médica", "recepción", "técnico de rayos X"]), d + DAY(days=i % 5), r.choice(["7:00-15:30", "11:00-19:30", "8:00-17:00"])))
    return clist("spanish-staff-list", "Turnos", o, ["Empleado", "Puesto", "Fecha", "Turno"], rows, "Turnos de la próxima semana.")
def K_enrollment(r):
    o = org(r, "trial"); rows = []
    for i in range(nrows(r)):
        rows.append((f"Site {r.randint(101, 140)}", r.choice(["Richmond VA", "Fargo ND", "Tulsa OK", "Boise ID", "Toledo OH"]), r.randint(0, 40), r.randint(0, 25), past(r, 100, 400), soon(r, 30, 200)))
    return clist("trial-enrollment", "Enrollment by site", o, ["Site", "City", "Screened", "Randomized", "Activated", "Enrollment closes"], rows, "Sponsor enrollment report (aggregate).")
def K_fleet(r):
    v = vendor(r, "Prairie Mutual"); rows = []
    for _ in range(nrows(r)):
        rows.append((r.choice(["2024 Ford Transit", "2025 Toyota RAV4", "2023 Chevy Express", "2026 Honda CR-V"]), f"{r.choice(['1FT', '2T3', '1GC', '5J6'])}{letters(r, 2)}{digits(r, 1)}{letters(r, 2)}{digits(r, 1)}{letters(r, 1)}{digits(r, 6)}", f"CAP-{digits(r, 7)}", soon(r, 10, 360), r.choice(["Home health", "Courier", "Mobile clinic"])))
    return clist("fleet-list", "Fleet schedule", v, ["Vehicle", "VIN", "Policy", "Renewal", "Unit"], rows, "Vehicle schedule for the renewal.")
def K_directory(r):
    o = org(r); rows = []
    for _ in range(nrows(r)):
        s = staff(r); rows.append((s.plain(), r.choice(TITLES.get(o.kind, ["Coordinator"])), f"x{r.randint(2000, 4999)}", mailbox(s, o.dom), soon(r, -400, -1)))
    return clist("staff-directory", "Staff directory", o, ["Name", "Title", "Ext", "E-mail", "Start date"], rows, "Updated staff directory.")
CLEAN_LIST = [K_oncall, K_operatory, K_equipment, K_lots, K_routes, K_training, K_license, K_po, K_deid, K_quality, K_es_staff, K_enrollment, K_fleet, K_directory]

# ================================================================== renderers
def cell(v, dst="mdy"):
    if v is None: return ""
    if isinstance(v, dtm.datetime): return f"{fd(v.date(), dst)} {v:%H:%M}"
    if isinstance(v, dtm.date): return fd(v, dst)
    return str(v)
def kv_lines(items, style):
    w = max(len(a) for a, _ in items) if items else 0; out = []
    for a, b in items:
        b = str(b)
        if style == "aligned": out.append(f"{a + ':':<{w + 2}}" + b.replace("\n", "\n" + " " * (w + 2)))
        elif style == "nextline": out.append(f"{a}:\n    " + b.replace("\n", "\n    "))
        elif style == "caps": out.append(f"{a.upper()}: {b}")
        elif style == "dash": out.append(f"{a} - {b}")
        elif style == "nolabelcolon": out.append(f"{a}  {b}")
        elif style == "tight": out.append(f"{a}:{b}")
        else: out.append(f"{a}: {b}")
    return "\n".join(out)
def table_lines(hdr, rows, dst="mdy", sty="cols"):
    data = [list(hdr)] + [[cell(v, dst) for v in row] for row in rows]
    if sty == "pipe": return "\n".join("| " + " | ".join(x) + " |" for x in data)
    if sty == "tab": return "\n".join("\t".join(x) for x in data)
    w = [max(len(x[i]) for x in data) for i in range(len(hdr))]
    lines = ["  ".join(x[i].ljust(w[i]) for i in range(len(hdr))).rstrip() for x in data]
    return "\n".join([lines[0], "  ".join("-" * n for n in w)] + lines[1:])
def render_text(doc, tsty="cols", dst="mdy"):
    out = []
    for b in doc.blocks:
        if b[0] == "h": out.append(b[1].upper() if len(b[1]) < 50 else b[1])
        elif b[0] == "p": out.append(b[1])
        elif b[0] == "kv": out.append(kv_lines(b[1], b[2]))
        elif b[0] == "table": out.append(table_lines(b[1], b[2], dst, tsty))
        elif b[0] == "pre": out.append(b[1])
    return "\n\n".join(out) + "\n"

LOOKS = [("Calibri, Arial, sans-serif", "#1F4E79", "#DDEBF7"), ("Georgia, 'Times New Roman', serif", "#5B2C6F", "#F4ECF7"), ("Verdana, sans-serif", "#0E6655", "#E8F6F3"),
         ("'Segoe UI', Tahoma, sans-serif", "#7B241C", "#FDEDEC"), ("Arial, Helvetica, sans-serif", "#283747", "#EAECEE"), ("Tahoma, sans-serif", "#9A7D0A", "#FEF9E7")]
def nl2br(t): return esc(t).replace("\n", "<br>\n")
def render_html(doc, letterhead=False, look=0, dst="mdy"):
    font, ink, tint = LOOKS[look % len(LOOKS)]; o = doc.o; h = []
    h.append(f'<html><head><meta charset="utf-8"><title>{esc(doc.title)}</title></head><body style="font-family:{font};font-size:10.5pt;color:#222">')
    if letterhead and o:
        h.append(f'<table width="100%" cellpadding="6" style="border-bottom:3px solid {ink};margin-bottom:10px"><tr><td style="font-size:15pt;font-weight:bold;color:{ink}">{esc(o.name)}</td>'
                 f'<td align="right" style="font-size:8.5pt;color:#555">{esc(o.addr())}<br>Tel {esc(o.phone)} &middot; Fax {esc(o.fax)}</td></tr></table>')
    for b in doc.blocks:
        if b[0] == "h": h.append(f'<h3 style="color:{ink};margin:8px 0 4px 0">{esc(b[1])}</h3>')
        elif b[0] == "p": h.append(f"<p>{nl2br(b[1])}</p>")
        elif b[0] == "pre": h.append(f'<pre style="font-family:Consolas,\'Courier New\',monospace;font-size:8.5pt;background:#f6f6f6;padding:6px;white-space:pre-wrap">{esc(b[1])}</pre>')
        elif b[0] == "kv":
            if look % 2 == 0:
                h.append('<table cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:10pt">')
                for a, v in b[1]: h.append(f'<tr><td style="background:{tint};font-weight:bold;border:1px solid #ccc;vertical-align:top">{esc(a)}</td><td style="border:1px solid #ccc">{nl2br(str(v))}</td></tr>')
                h.append("</table>")
            else:
                h.append("<p>" + "<br>\n".join(f"<b>{esc(a)}:</b> {esc(str(v))}" for a, v in b[1]) + "</p>")
        elif b[0] == "table":
            fs = "7.5pt" if len(b[1]) > 6 else "8.5pt" if len(b[1]) > 4 else "9.5pt"
            h.append(f'<table cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:{fs}">')
            h.append("<tr>" + "".join(f'<th style="background:{ink};color:#fff;text-align:left;border:1px solid {ink}">{esc(x)}</th>' for x in b[1]) + "</tr>")
            for i, row in enumerate(b[2]):
                cells = [cell(v, dst) for v in row]
                h.append(f'<tr style="background:{tint if i % 2 else "#fff"}">' + "".join(f'<td{" nowrap" if len(c) <= 16 else ""} style="border:1px solid #ddd">{esc(c)}</td>' for c in cells) + "</tr>")
            h.append("</table>")
    h.append("</body></html>")
    return "\n".join(h)

# ------------------------------------------------------------------ PDF stamp normalisation (re-typed after batch 16's wiring; keyed on b17/ + file name)
def scrub_pdf(data, name):
    k = hashlib.sha256(("b17/" + name).encode()).hexdigest().upper(); kk = k * 3
    data = re.sub(rb"D:\d{14}", b"D:20261217163000", data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-17T16:30:00", data)
    uid = f"{k[:8]}-{k[8:12]}-{k[12:16]}-{k[16:20]}-{k[20:32]}".lower().encode()
    data = re.sub(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", lambda m: b"uuid:" + uid, data)
    def hex_id(m):
        g0, a, b = m.group(0), m.group(1), m.group(2)
        return g0.replace(a, kk[:len(a)].encode()).replace(b, kk[:len(b)].encode())
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", hex_id, data)
    pos = data.rfind(b"trailer")
    if pos >= 0:                                             # Ghostscript sometimes writes the trailer /ID as (binary) literal strings; past the xref, so length may change
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:pos] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", lambda m: ("/ID [<" + k[:32] + "><" + k[:32] + ">]").encode(), data[pos:])
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", lambda m: b"/DocChecksum /" + k[32:64].encode(), data)
    return data
def page_count(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 0

# ------------------------------------------------------------------ logo (PNG, drawn per organisation)
_LOGOS = {}
def logo_png(o):
    if o.name in _LOGOS: return _LOGOS[o.name]
    from PIL import Image, ImageDraw, ImageFont
    col = tuple(int(o.color[i:i + 2], 16) for i in (0, 2, 4))
    im = Image.new("RGB", (520, 128), "white"); d = ImageDraw.Draw(im)
    shape = len(o.name) % 3
    if shape == 0: d.ellipse((8, 8, 120, 120), fill=col)
    elif shape == 1: d.rounded_rectangle((8, 8, 120, 120), radius=22, fill=col)
    else: d.polygon([(64, 6), (122, 64), (64, 122), (6, 64)], fill=col)
    fb = ImageFont.truetype(FONTS["sans"][1], 40); fr = ImageFont.truetype(FONTS["sans"][0], 17); fn = ImageFont.truetype(FONTS["serif"][1], 25)
    ini = o.initials()[:2]; w = d.textlength(ini, font=fb); d.text((64 - w / 2, 40), ini, font=fb, fill="white")
    words = o.short if len(o.short) <= 26 else o.short[:26]
    d.text((138, 26), words, font=fn, fill=col); d.line((138, 66, 508, 66), fill=col, width=2); d.text((138, 76), o.city + ", " + o.st + "  |  " + o.phone, font=fr, fill=(90, 90, 90))
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _LOGOS[o.name] = b.getvalue(); return _LOGOS[o.name]

# ------------------------------------------------------------------ reportlab (invariant on)
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
pdfmetrics.registerFont(TTFont("DJSerif", FONTS["serif"][0])); pdfmetrics.registerFont(TTFont("DJSerif-Bold", FONTS["serif"][1]))
def rl_pdf(r, doc):
    o = doc.o; uni = r.random() < 0.3; F, FB = ("DJSerif", "DJSerif-Bold") if uni else r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")])
    tx = (lambda s: esc(str(s)).replace("\n", "<br/>")) if uni else (lambda s: esc(L1(s)).replace("\n", "<br/>"))
    ink = colors.HexColor("#" + o.color); t = doc.table(); wide = t is not None and len(t[1]) > 6
    size = landscape(letter) if wide else letter; deco = r.randrange(3); fax = r.random() < 0.25
    body = ParagraphStyle("b", fontName=F, fontSize=9.5, leading=12.5, spaceAfter=5); hd = ParagraphStyle("h", fontName=FB, fontSize=12.5, leading=16, textColor=ink, spaceBefore=4, spaceAfter=6)
    cellst = ParagraphStyle("c", fontName=F, fontSize=7.6 if wide else 8.4, leading=9.6 if wide else 10.4); cellb = ParagraphStyle("cb", parent=cellst, fontName=FB)
    def page(c, d):
        W, H = size; c.saveState()
        if deco == 0:
            c.setFillColor(ink); c.rect(0, H - 0.78 * inch, W, 0.78 * inch, stroke=0, fill=1); c.setFillColor(colors.white); c.setFont(FB, 14); c.drawString(0.6 * inch, H - 0.48 * inch, L1(o.name) if not uni else o.name)
            c.setFillColor(colors.HexColor("#555555")); c.setFont(F, 7.5); c.drawString(0.6 * inch, H - 0.95 * inch, L1(f"{o.addr()}  |  Phone {o.phone}  |  Fax {o.fax}"))
        elif deco == 1:
            c.setFillColor(ink); c.rect(0, 0, 0.28 * inch, H, stroke=0, fill=1); c.setFillColor(colors.black); c.setFont(FB, 13); c.drawRightString(W - 0.6 * inch, H - 0.55 * inch, L1(o.name) if not uni else o.name)
            c.setFont(F, 7.5); c.drawRightString(W - 0.6 * inch, H - 0.72 * inch, L1(o.addr())); c.setStrokeColor(ink); c.setLineWidth(0.8); c.line(0.6 * inch, H - 0.82 * inch, W - 0.6 * inch, H - 0.82 * inch)
        else:
            c.setFont(FB, 12); c.drawString(0.7 * inch, H - 0.6 * inch, L1(o.short).upper() if not uni else o.short.upper()); c.setFont(F, 7.5); c.drawString(0.7 * inch, H - 0.76 * inch, L1(f"{o.addr()} - {o.phone}"))
            c.setStrokeColor(colors.grey); c.setLineWidth(0.4); c.rect(0.5 * inch, 0.5 * inch, W - 1.0 * inch, H - 1.4 * inch, stroke=1, fill=0)
        c.setFont(F, 7); c.setFillColor(colors.HexColor("#666666"))
        c.drawString(0.6 * inch, 0.32 * inch, foot); c.drawRightString(size[0] - 0.6 * inch, 0.32 * inch, f"Page {d.page}  |  {fd(TODAY, 'mdy')}")
        c.restoreState()
    story = []; foot = r.choice(["CONFIDENTIAL - intended only for the addressee", f"{L1(o.short)} - {o.phone}", "This document may contain protected information."])
    if fax:
        cp = other(r, o)
        story += [Paragraph("FAX", ParagraphStyle("fx", fontName=FB, fontSize=20, leading=24)), Table([["To:", L1(cp.name), "From:", L1(o.short)], ["Fax:", cp.fax, "Pages:", str(r.randint(1, 2))],
                                                                                                  ["Date:", fd(TODAY, "mdy"), "Re:", doc.cat.replace("-", " ")]], colWidths=[0.6 * inch, 2.6 * inch, 0.7 * inch, 2.4 * inch],
                                                                                                 style=TableStyle([("FONT", (0, 0), (-1, -1), F, 8.5), ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black)])), Spacer(1, 8)]
    for b in doc.blocks:
        if b[0] == "h": story.append(Paragraph(tx(b[1]), hd))
        elif b[0] == "p": story.append(Paragraph(tx(b[1]), body))
        elif b[0] == "pre": story.append(Preformatted(L1(b[1]) if not uni else b[1], ParagraphStyle("pr", fontName="Courier", fontSize=6.6, leading=8.2), maxLineLength=128 if not wide else 170))
        elif b[0] == "kv":
            its = [(Paragraph(tx(a), cellb), Paragraph(tx(v), cellst)) for a, v in b[1]]
            if len(its) > 5 and r.random() < 0.45 and not wide:
                half = (len(its) + 1) // 2; its2 = [its[i] + (its[i + half] if i + half < len(its) else ("", "")) for i in range(half)]
                tt = Table(its2, colWidths=[1.1 * inch, 2.3 * inch, 1.1 * inch, 2.3 * inch])
                tt.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEEEEE")), ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#EEEEEE")), ("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            else:
                tt = Table(its, colWidths=[1.6 * inch, 5.0 * inch]); tt.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#BBBBBB")), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TEXTCOLOR", (0, 0), (0, -1), ink)]))
            story += [tt, Spacer(1, 7)]
        elif b[0] == "table":
            cellw = ParagraphStyle("cw", parent=cellb, textColor=colors.white)
            data = [[Paragraph(tx(h), cellw) for h in b[1]]] + [[Paragraph(tx(cell(v)), cellst) for v in row] for row in b[2]]
            avail = size[0] - 1.3 * inch; lens = [max(len(cell(row[i])) if i < len(row) else 0 for row in [b[1]] + list(b[2])) + 3 for i in range(len(b[1]))]
            cw = [avail * n / sum(lens) for n in lens]
            tt = Table(data, colWidths=cw, repeatRows=1)
            tt.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), ink), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F3F3F3")]),
                                    ("BOX", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [tt, Spacer(1, 8)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=size, leftMargin=0.65 * inch, rightMargin=0.65 * inch, topMargin=1.15 * inch, bottomMargin=0.6 * inch, title=doc.cat, author=o.short, creator=o.short).build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()

# ------------------------------------------------------------------ fpdf2 (creation date fixed, /Producer set)
import fpdf as _fpdf
from fpdf import FPDF
from fpdf.fonts import FontFace
class Letterhead(FPDF):
    def setup(self, o, fam, uni, ink, stripe):
        self.o, self.fam, self.uni, self.ink, self.stripe = o, fam, uni, ink, stripe
    def t(self, s): return str(s) if self.uni else L1(s)
    def header(self):
        if self.stripe: self.set_fill_color(*self.ink); self.rect(0, 0, self.w, 5, "F")
        self.set_y(9); self.set_font(self.fam, "B", 13); self.set_text_color(*self.ink); self.cell(0, 6, self.t(self.o.name), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.fam, "", 7.5); self.set_text_color(90, 90, 90); self.cell(0, 4, self.t(f"{self.o.addr()}   Tel {self.o.phone}   Fax {self.o.fax}"), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*self.ink); self.set_line_width(0.5); self.line(self.l_margin, self.get_y() + 1.5, self.w - self.r_margin, self.get_y() + 1.5); self.ln(6); self.set_text_color(20, 20, 20)
    def footer(self):
        self.set_y(-12); self.set_font(self.fam, "", 7); self.set_text_color(110, 110, 110)
        self.cell(0, 5, self.t(f"{self.o.short} - confidential"), align="L"); self.set_x(self.l_margin); self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="R")
def fp_pdf(r, doc):
    o = doc.o; uni = r.random() < 0.5; t = doc.table(); wide = t is not None and len(t[1]) > 5
    pdf = Letterhead(orientation="L" if wide else "P", unit="mm", format="Letter")
    pdf.set_creation_date(FIXED_STAMP); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    if uni:
        fk = r.choice(list(FONTS)); pdf.add_font("DJ", "", FONTS[fk][0]); pdf.add_font("DJ", "B", FONTS[fk][1]); fam = "DJ"
    else: fam = r.choice(["helvetica", "times"])
    ink = tuple(int(o.color[i:i + 2], 16) for i in (0, 2, 4)); pdf.setup(o, fam, uni, ink, r.random() < 0.5)
    pdf.set_title(doc.cat); pdf.set_author(o.short); pdf.set_auto_page_break(True, 16); pdf.set_margins(16, 12, 16); pdf.alias_nb_pages(); pdf.add_page()
    T = pdf.t; W = pdf.w - pdf.l_margin - pdf.r_margin; bstyle = r.choice(["ALL", "HORIZONTAL_LINES", "SINGLE_TOP_LINE"])
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(fam, "B", 11.5); pdf.set_text_color(*ink); pdf.multi_cell(W, 6, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(20, 20, 20); pdf.ln(1)
        elif b[0] == "p": pdf.set_font(fam, "", 9.5); pdf.multi_cell(W, 4.6, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "pre": pdf.set_font("courier", "", 6.8); pdf.multi_cell(W, 3.2, L1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "kv":
            if r.random() < 0.6:
                pdf.set_font(fam, "", 8.8)
                with pdf.table(col_widths=(32, 88), width=min(W, 180), align="LEFT", borders_layout=bstyle, line_height=4.6, first_row_as_headings=False,
                               padding=1.2) as tb:
                    for a, v in b[1]:
                        rw = tb.row(); rw.cell(T(a), style=FontFace(emphasis="BOLD", fill_color=(238, 238, 238))); rw.cell(T(v))
            else:
                for a, v in b[1]:
                    pdf.set_font(fam, "B", 9); pdf.write(4.8, T(a) + ": "); pdf.set_font(fam, "", 9); pdf.write(4.8, T(v)); pdf.ln(5)
            pdf.ln(2)
        elif b[0] == "table":
            pdf.set_font(fam, "", 7.4 if wide else 8.2)
            lens = [max(len(cell(row[i])) for row in [b[1]] + list(b[2])) + 2 for i in range(len(b[1]))]
            with pdf.table(col_widths=tuple(lens), width=W, borders_layout=r.choice(["ALL", "HORIZONTAL_LINES", "MINIMAL"]), line_height=4.2,
                           headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ink), cell_fill_color=(244, 244, 244), cell_fill_mode="ROWS", padding=1) as tb:
                hr = tb.row()
                for x in b[1]: hr.cell(T(x))
                for row in b[2]:
                    rw = tb.row()
                    for v in row: rw.cell(T(cell(v)))
            pdf.ln(3)
    return bytes(pdf.output())

# ------------------------------------------------------------------ hand-written PostScript for Ghostscript
def ps_esc(s):
    out = []
    for ch in L1(s):
        c = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif c < 32 or c > 126: out.append(f"\\{c:03o}")
        else: out.append(ch)
    return "".join(out)
def wrap(s, n):
    out = []
    for para in str(s).split("\n"):
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > n and line: out.append(line); line = w
            else: line = (line + " " + w) if line else w
        out.append(line)
    return out
def ps_doc(r, doc):
    o = doc.o; lines = []    # (font, size, text, indent)
    for b in doc.blocks:
        if b[0] == "h": lines += [("HB", 11.5, x, 0) for x in wrap(b[1], 70)] + [("gap", 4, "", 0)]
        elif b[0] == "p": lines += [("H", 9.2, x, 0) for x in wrap(b[1], 100)] + [("gap", 5, "", 0)]
        elif b[0] == "kv":
            for a, v in b[1]:
                vv = wrap(v, 74)
                lines.append(("KV", 9.2, (a, vv[0]), 0)); lines += [("H", 9.2, x, 118) for x in vv[1:]]
            lines.append(("gap", 5, "", 0))
        elif b[0] == "table":
            txt = table_lines(b[1], b[2], "mdy", "cols").split("\n")
            lines += [("CB" if i == 0 else "C", 7.0, x[:128], 0) for i, x in enumerate(txt)] + [("gap", 6, "", 0)]
        elif b[0] == "pre": lines += [("C", 6.8, x[:130], 0) for x in b[1].split("\n")] + [("gap", 6, "", 0)]
    ps = ["%!PS-Adobe-3.0", f"%%Title: ({ps_esc(doc.cat)})", f"%%Creator: ({ps_esc(o.short)} document services)", "%%Pages: (atend)", "%%EndComments",
          "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put dup 39 /quotesingle put def currentdict end definefont pop } bind def",
          "/HL /Helvetica reenc /HBL /Helvetica-Bold reenc /TL /Times-Roman reenc /CL /Courier reenc /CBL /Courier-Bold reenc",
          "/F { exch findfont exch scalefont setfont } bind def"]
    ink = [int(o.color[i:i + 2], 16) / 255 for i in (0, 2, 4)]; serif = r.random() < 0.4; bodyf = "/TL" if serif else "/HL"
    page = 0; y = 0
    def start_page():
        nonlocal page, y
        page += 1; ps.append(f"%%Page: {page} {page}")
        ps.append(f"gsave {ink[0]:.3f} {ink[1]:.3f} {ink[2]:.3f} setrgbcolor 40 742 532 3 rectfill grestore")
        ps.append(f"/HBL 14 F 40 752 moveto ({ps_esc(o.name)}) show /HL 7.5 F 40 732 moveto ({ps_esc(o.addr() + '   Phone ' + o.phone + '   Fax ' + o.fax)}) show")
        ps.append(f"/HL 7 F 40 30 moveto ({ps_esc(o.short + ' - confidential')}) show 520 30 moveto (Page {page}) show")
        y = 712
    def end_page(): ps.append("showpage")
    start_page()
    for f, sz, tx, ind in lines:
        if f == "gap": y -= sz; continue
        if y < 52: end_page(); start_page()
        if f == "KV":
            ps.append(f"/HBL {sz} F 40 {y:.1f} moveto ({ps_esc(tx[0] + ':')}) show {bodyf} {sz} F 158 {y:.1f} moveto ({ps_esc(tx[1])}) show")
        else:
            fn = {"HB": "/HBL", "H": bodyf, "C": "/CL", "CB": "/CBL"}[f]
            ps.append(f"{fn} {sz} F {40 + ind} {y:.1f} moveto ({ps_esc(tx)}) show")
        y -= sz * 1.32
    end_page(); ps += ["%%Trailer", f"%%Pages: {page}", "%%EOF"]
    return "\n".join(ps) + "\n", page

# ------------------------------------------------------------------ python-docx
from docx import Document as DocxDocument
from docx.shared import Pt, Inches, RGBColor
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
DOCX_STYLES = ["Light Grid Accent 1", "Light List Accent 3", "Medium List 2 Accent 1", "Medium Shading 2 Accent 4", "Colorful Grid Accent 2", "Light Shading Accent 6", "Table Grid", "Dark List Accent 5"]
def add_field(par, instr):
    run = par.add_run(); a = OxmlElement("w:fldChar"); a.set(qn("w:fldCharType"), "begin"); run._r.append(a)
    run2 = par.add_run(); it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr; run2._r.append(it)
    run3 = par.add_run(); c = OxmlElement("w:fldChar"); c.set(qn("w:fldCharType"), "end"); run3._r.append(c)
def docx_bytes(r, doc, logo=False):
    o = doc.o; d = DocxDocument(); sec = d.sections[0]; t = doc.table(); wide = t is not None and len(t[1]) > 5
    if wide:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8); sec.top_margin = Inches(0.9); sec.bottom_margin = Inches(0.7)
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Georgia"]); st.font.size = Pt(10)
    ink = RGBColor.from_string(o.color)
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(2.0)); hp = sec.header.add_paragraph()
    rn = hp.add_run(o.name); rn.bold = True; rn.font.size = Pt(12); rn.font.color.rgb = ink
    a2 = sec.header.add_paragraph(); r2 = a2.add_run(f"{o.addr()}  |  {o.phone}  |  fax {o.fax}"); r2.font.size = Pt(7.5)
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER; f1 = fp.add_run(r.choice(["Confidential", o.short, "Internal use"]) + " - page "); f1.font.size = Pt(7.5); add_field(fp, "PAGE")
    style = r.choice(DOCX_STYLES); bold_kv = r.random() < 0.35
    for b in doc.blocks:
        if b[0] == "h": hh = d.add_heading(b[1], level=2)
        elif b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "pre":
            pp = d.add_paragraph(); rr = pp.add_run(b[1]); rr.font.name = "Courier New"; rr.font.size = Pt(7)
        elif b[0] == "kv":
            if bold_kv:
                for a, v in b[1]:
                    pp = d.add_paragraph(); pp.paragraph_format.space_after = Pt(1); x = pp.add_run(a + ": "); x.bold = True; pp.add_run(str(v))
            else:
                tb = d.add_table(rows=0, cols=2); tb.style = d.styles["Table Grid"]
                for a, v in b[1]:
                    cs = tb.add_row().cells; cs[0].text = a; cs[1].text = str(v); cs[0].paragraphs[0].runs[0].bold = True
                    cs[0].width = Inches(1.7); cs[1].width = Inches(4.9)
                d.add_paragraph()
        elif b[0] == "table":
            tb = d.add_table(rows=1, cols=len(b[1])); tb.style = d.styles[style]
            for i, x in enumerate(b[1]): tb.rows[0].cells[i].text = x
            for row in b[2]:
                cs = tb.add_row().cells
                for i, v in enumerate(row): cs[i].text = cell(v)
            for rw in tb.rows:
                for c_ in rw.cells:
                    for pp in c_.paragraphs:
                        for rr in pp.runs: rr.font.size = Pt(7.5 if wide else 8.5)
            d.add_paragraph()
    d.core_properties.author = o.short; d.core_properties.title = doc.cat
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ------------------------------------------------------------------ openpyxl
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
from openpyxl.utils import get_column_letter
DATE_FORMATS = ["mm/dd/yyyy", "yyyy-mm-dd", "d-mmm-yyyy", "m/d/yy", "mmm d, yyyy", "dd/mm/yyyy"]
def xlsx_book(r, doc, for_print=False):
    o = doc.o; hdr, rows = doc.table()[1], doc.table()[2]; wb = openpyxl.Workbook(); ws = wb.active
    wb.properties.creator = o.short; wb.properties.created = dtm.datetime(2026, 12, 17, 9, 0); wb.properties.modified = dtm.datetime(2026, 12, 17, 9, 0); wb.properties.lastModifiedBy = o.short
    if r.random() < 0.25 and not for_print:
        ws.title = r.choice(["Read me", "About", "Notes"]); ws["A1"] = doc.title; ws["A1"].font = Font(bold=True, size=13); ws["A3"] = doc.blocks[0][1] if doc.blocks[0][0] == "p" else ""
        ws["A4"] = f"Prepared by {o.name}"; ws["A5"] = "Exported"; ws["B5"] = dtm.datetime(2026, 12, 17, 8, r.randint(0, 59)); ws["B5"].number_format = "mm/dd/yyyy h:mm"
        ws.column_dimensions["A"].width = 60; ws = wb.create_sheet(r.choice(["Data", "List", "Sheet1", doc.cat[:28]]))
    else: ws.title = r.choice(["Sheet1", "Export", doc.cat[:28], "List"])
    fmt = "dd/mm/yyyy" if doc.lang == "es" or doc.cat.startswith("spanish") else r.choice(DATE_FORMATS[:5]); top = 1
    if r.random() < 0.45:
        ws.cell(row=1, column=1, value=doc.title + " - " + o.short).font = Font(bold=True, size=12); top = 3
    ink = o.color; thin = Side(style="thin", color="BBBBBB")
    for j, h in enumerate(hdr, 1):
        c = ws.cell(row=top, column=j, value=h); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=ink); c.alignment = Alignment(vertical="center", wrap_text=True)
    for i, row in enumerate(rows, top + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(row=i, column=j, value=v); c.border = Border(bottom=thin)
            if isinstance(v, dtm.datetime): c.number_format = r.choice(["mm/dd/yyyy h:mm AM/PM", "yyyy-mm-dd hh:mm"]) if j == 1 or r.random() < 0.5 else "mm/dd/yyyy hh:mm"
            elif isinstance(v, dtm.date): c.number_format = fmt
    for j, h in enumerate(hdr, 1):
        w = max([len(str(h))] + [len(cell(row[j - 1])) for row in rows]) + 2; ws.column_dimensions[get_column_letter(j)].width = min(max(w, 8), 48)
    if r.random() < 0.6: ws.freeze_panes = ws.cell(row=top + 1, column=1)
    if r.random() < 0.4: ws.auto_filter.ref = f"A{top}:{get_column_letter(len(hdr))}{top + len(rows)}"
    if for_print:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1; ws.sheet_properties.pageSetUpPr.fitToPage = True
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

# ------------------------------------------------------------------ CSV / TSV
def csv_bytes(r, doc):
    hdr, rows = doc.table()[1], doc.table()[2]; shape = r.choice(["comma", "comma", "quoted", "semicolon", "tsv", "pipe", "report"])
    dst = "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "iso", "yyyymmdd", "m/d/yyyy", "dd-Mon-yyyy"])
    if r.random() < 0.3: hdr = [re.sub(r"[^A-Za-z0-9]+", "_", ascii_of(h)).strip("_").upper() for h in hdr]
    eol = r.choice(["\r\n", "\n"]); sio = io.StringIO()
    delim = {"semicolon": ";", "tsv": "\t", "pipe": "|"}.get(shape, ",")
    w = csv.writer(sio, delimiter=delim, quoting=csv.QUOTE_ALL if shape == "quoted" else csv.QUOTE_MINIMAL, lineterminator=eol)
    if shape == "report":
        sio.write(f"{doc.title} - {doc.o.name}{eol}Run date: {fd(TODAY, 'mdy')} {hhmm(r)}{eol}{eol}")
    w.writerow(hdr)
    for row in rows: w.writerow([cell(v, dst) for v in row])
    if shape == "report": sio.write(f"{eol}Total rows: {len(rows)}{eol}")
    data = sio.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, {"tsv": "tsv", "pipe": "txt"}.get(shape, "csv")

# ================================================================== mail assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Apple Mail (2.3826.300.87.4.3)", "iPhone Mail (22B91)", "Mozilla Thunderbird 128.5.2",
           "Zimbra 10.1.2_GA_4615 (ZimbraWebClient - GC131 (Win)/10.1.2_GA_4615)", "Paubox", "Kiteworks Secure Mail", "Mimecast Secure Messaging"]
def when(r):
    d = TODAY - DAY(days=r.randint(0, 7))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 20), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=r.choice([-5, -6, -7, -8, -10]))))
def display_for(r, p, o):
    return r.choice([p.plain(), f"{p.family}, {p.given}", p.with_cred() if p.cred else p.plain(), f"{p.plain()} | {o.short}", f"{p.family}, {p.given} ({o.short})", p.plain().upper(), f"{p.given} {p.family} - {title_for(r, p, o)}"])
def new_msg(r, subject, o, sender=None, to=None, cc=None, from_name=None, dest=None):
    s = sender or staff(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else display_for(r, s, o), addr_spec=mailbox(s, o.dom))
    if to is None:
        q = dest or counterpart(r, o); t = staff(r); to = Address(display_name=r.choice([t.plain(), f"{t.family}, {t.given}", "", f"{t.plain()} ({q.short})"]), addr_spec=mailbox(t, q.dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when(r)); m["Message-ID"] = f"<{hexs(r, 8)}.{hexs(r, 6)}.{digits(r, 5)}@{r.choice(['mail.', 'smtp.', 'exch01.', ''])}{o.dom}>"
    x = r.choice(MAILERS + [None, None, None])
    if x: m["X-Mailer"] = x
    if r.random() < 0.18: m["Thread-Index"] = "A" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(31)) + "="; m["Content-Language"] = "en-US"
    if r.random() < 0.08: m["Importance"] = "High"; m["X-Priority"] = "1"
    return m, s
def set_hdr(m, k, v): del m[k]; m[k] = v
def put_body(r, m, text, html=None, o=None, logo=False):
    if not (logo and o):
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"img{hexs(r, 6)}.{hexs(r, 8)}@{o.dom}"
    hh = html or f'<html><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt"><div>{nl2br(text)}</div></body></html>'
    hh = hh.replace("</body>", f'<div><img src="cid:{cid}" alt="{esc(o.short)}" width="260" height="64"></div></body>')
    m.set_content(text); m.add_alternative(hh, subtype="html")
    m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename=re.sub(r"[^a-z]", "", o.short.lower())[:16] + "-logo.png", disposition="inline")
def sig(r, s, o):
    t = title_for(r, s, o)
    return r.choice([f"{s.with_cred()}\n{t}\n{o.name}\n{o.addr()}\nP {o.phone} | F {o.fax}", f"Thanks,\n{s.given}", f"-- \n{s.plain()} | {t} | {o.short}\n{o.phone}",
                     f"{s.given} {s.family}\n{o.short}\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are for the sole use of the intended recipient(s). If you are not the intended recipient, please contact the sender and destroy all copies.",
                     f"Best,\n{s.given}\n\nSent from my iPhone", f"{s.plain()}\n{t}"])
COVER = ["Please find attached.", "Attached is the file we discussed.", "See attached PDF.", "Sending securely - attachment below.", "Here's the spreadsheet.", "Attached for your records.",
         "Adjunto el documento solicitado.", "FYI - attached.", "Per your request, please see the attached document.", "Attached. Let me know if the format works for you.", "Attachment enclosed - thanks!"]
NEUTRAL_SUBJ = ["Attachment", "Requested document", "[secure] file", "Document for review", "Scan", "Fax", "Weekly file", "Your request", "RE: request", "Follow-up", "Info as discussed", "For your records", "[SECURE]"]
def cover_note(r, m, s, o, label, carrier):
    x = r.random() if carrier.startswith("pdf") else 1.0
    if x < 0.06:
        set_hdr(m, "From", Address(display_name=f"RICOH IM C3000 {o.short[:12]}", addr_spec=f"scanner{r.randint(1, 6)}@{o.dom}")); set_hdr(m, "Subject", f"Scanned from a Ricoh Multifunction Printer")
        m.set_content(f"This E-mail was sent from \"RNP{hexs(r, 12).upper()}\" (IM C3000).\n\nScan Date: {fd(TODAY - DAY(days=r.randint(0, 2)), 'mdy')} {clock(r)}\nQueries to: {mailbox(s, o.dom)}\n"); return
    if x < 0.11:
        n = r.randint(1, 2); fx = other(r, o).fax
        set_hdr(m, "From", Address(display_name="RightFax Server", addr_spec=f"rightfax@{o.dom}")); set_hdr(m, "Subject", f"Fax received from {fx} ({n} page{'s' if n > 1 else ''})")
        m["X-Fax-Pages"] = str(n); m.set_content(f"A fax has been received.\n\nRemote CSID: {re.sub(r'[^0-9]', '', fx)}\nReceived: {fd(TODAY, 'mdy')} {clock(r)}\nChannel: {r.randint(1, 8)}\n"); return
    put_body(r, m, r.choice(COVER) + "\n\n" + sig(r, s, o), o=o, logo=r.random() < (0.4 if label == "clean" else 0.15))
HELLO = ["", "Hi,\n\n", "Hello,\n\n", "Good afternoon,\n\n", "Team -\n\n", "Hi all,\n\n"]
def addressed(r, doc):
    """who sends a document mailed in the body: its signer if it has one; letters to patients go from a no-reply box to the personal address"""
    o = doc.o or org(r)
    if doc.to_patient:
        p = doc.to_patient
        m, s = new_msg(r, doc.subject or doc.title, o, to=Address(display_name=r.choice([p.plain(), p.full(), ""]), addr_spec=personal_addr(r, p)), from_name=r.choice([o.name, o.short, f"{o.short} Patient Messages"]))
        set_hdr(m, "From", Address(display_name=str(m["From"].addresses[0].display_name), addr_spec=r.choice(["no-reply", "noreply", "notifications", "patientcare", "reminders"]) + "@" + o.dom))
        if r.random() < 0.5: m["Auto-Submitted"] = "auto-generated"
        return o, m, s, ""
    m, s = new_msg(r, doc.subject or doc.title, o, sender=doc.sender, dest=doc.dest)
    return o, m, s, ("" if doc.sender else sig(r, s, o))
def build_plain(r, doc, label):
    o, m, s, sg = addressed(r, doc)
    hi = "" if doc.to_patient or doc.sender else r.choice(HELLO)
    put_body(r, m, hi + render_text(doc, r.choice(["cols", "cols", "pipe", "tab"]), r.choice(["mdy", "mdy", "iso", "m/d/yy"])) + ("\n" + sg + "\n" if sg else ""), o=o, logo=r.random() < (0.25 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o, m, s, sg = addressed(r, doc)
    html = render_html(doc, letterhead=r.random() < 0.35, look=r.randrange(len(LOOKS)))
    if sg: html = html.replace("</body>", f'<p style="font-size:9pt;color:#555;border-top:1px solid #ccc;padding-top:5px">{nl2br(sg)}</p></body>')
    put_body(r, m, render_text(doc) + ("\n" + sg + "\n" if sg else ""), html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.25)); return m

def quoted(t, lvl=1): return "\n".join(((">" * lvl) + (" " + ln if ln else "")) for ln in t.rstrip("\n").split("\n"))
NOTES = ["Can you take a look at this?", "Forwarding - please handle.", "See below, thanks.", "Looping in {n}.", "Is this ours or the other site's?", "Resending - did you get this?", "Per our conversation.",
         "Please review and let me know.", "Got it - thank you!", "Adding to the chart review list.", "Reenvío para su información.", "Not sure who owns this one - sending your way."]
def gdate(d, r): return f"{WD[d.weekday()][:3]}, {MONTHS[d.month - 1][:3]} {d.day}, {d.year} at {clock(r)}"
_SHAPES = []
def thread_shape(r):
    if not _SHAPES: _SHAPES.append(cycler(r, list(range(9))))
    return _SHAPES[0]()
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = doc.sender or staff(r); subj = doc.subject or doc.title
    isg = "" if doc.sender else sig(r, s0, o); inner = render_text(doc) + ("\n" + isg + "\n" if isg else "")
    sh = thread_shape(r); pre_ = ["FW: ", "Fwd: ", "RE: ", "Re: ", "FW: ", "Fwd: ", "RE: FW: ", "Re: ", "FW: "][sh]
    m, s = new_msg(r, pre_ + subj, o, dest=doc.dest); d0 = TODAY - DAY(days=r.randint(1, 6)); a0 = f"{s0.plain()} <{mailbox(s0, o.dom)}>"
    top = r.choice(NOTES).format(n=staff(r).given) + "\n\n" + sig(r, s, o)
    if sh == 0:
        body = f"{top}\n\n-----Original Message-----\nFrom: {a0}\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()}\nSubject: {subj}\n\n{inner}"
    elif sh == 1:
        body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {a0}\nDate: {gdate(d0, r)}\nSubject: {subj}\nTo: <{mailbox(s, o.dom)}>\n\n\n{inner}"
    elif sh == 2:
        body = f"{top}\n\nOn {gdate(d0, r)}, {a0} wrote:\n\n{quoted(inner)}\n"
    elif sh == 3:
        body = f"{top}\n\nBegin forwarded message:\n\nFrom: {a0}\nSubject: {subj}\nDate: {fd(d0, 'long')} at {clock(r)} CST\nTo: {s.plain()} <{mailbox(s, o.dom)}>\n\n{inner}"
    elif sh == 4:
        body = f"{top}\n\n-------- Forwarded Message --------\nSubject:\t{subj}\nDate:\t{format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-5))))}\nFrom:\t{a0}\nTo:\t{mailbox(s, o.dom)}\n\n\n{inner}"
    elif sh == 5:
        body = f"{top}\n\n________________________________\nFrom: {s0.plain()} <{mailbox(s0, o.dom)}>\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()} <{mailbox(s, o.dom)}>\nSubject: {subj}\n\n{inner}"
    elif sh == 6:
        s1 = staff(r); mid = r.choice(NOTES).format(n=s.given) + "\n\n" + sig(r, s1, o)
        body = (f"{top}\n\nOn {gdate(TODAY - DAY(days=1), r)}, {s1.plain()} <{mailbox(s1, o.dom)}> wrote:\n\n" + quoted(mid) + "\n>\n" +
                quoted(f"-----Original Message-----\nFrom: {a0}\nSent: {fd(d0, 'mdy')} {clock(r)}\nTo: {s1.plain()}\nSubject: {subj}\n\n{inner}") + "\n")
    elif sh == 7:
        text = f"{top}\n\nFrom: {a0}\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()}\nSubject: {subj}\n\n{inner}"
        html = render_html(doc, look=r.randrange(len(LOOKS)))
        if isg: html = html.replace("</body>", f"<p>{nl2br(isg)}</p></body>")
        head = (f'<div><p>{nl2br(top)}</p></div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p><b>From:</b> {esc(a0)}<br><b>Sent:</b> {esc(fd(d0, "wd"))}, {d0.year} {clock(r)}<br>'
                f'<b>To:</b> {esc(s.plain())}<br><b>Subject:</b> {esc(subj)}</p></div>')
        html = re.sub(r"(<body[^>]*>)", lambda mm: mm.group(1) + head, html, count=1)
        put_body(r, m, text, html, o=o, logo=r.random() < 0.15); return m
    else:
        im = EmailMessage(policy=SMTP); im["From"] = a0; im["To"] = f"{s.plain()} <{mailbox(s, o.dom)}>"; im["Subject"] = subj
        im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-6)))); im["Message-ID"] = f"<{hexs(r, 14)}@{o.dom}>"
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 _-]", "", ascii_of(subj))[:40].strip() or "message") + ".eml"); return m
    put_body(r, m, body, o=o, logo=r.random() < 0.1); return m

# ================================================================== header carrier: PHI only in the headers, neutral bodies
HBODIES = ["Thanks - see you then.", "Will call you back this afternoon.", "Done.", "Received.", "Please call me when you have a minute.", "Confirmed for tomorrow.", "ok", "Gracias.",
           "Sent from my iPhone", "Let me know if anything else is needed.", "Thank you!", "Noted - will follow up."]
def hmsg(r, kind, subject, **kw):
    o = org(r, kind) if kind in BY_KIND else org(r); m, s = new_msg(r, subject, o, **kw)
    body = r.choice(HBODIES) + ("\n\n" + s.given if r.random() < 0.5 else "")
    m.set_content(body); return m, o, s
def person_box(r, dom): t = staff(r); return Address(display_name=t.plain(), addr_spec=mailbox(t, dom))
def HP_caps_device(r):
    p = patient(r, 50, 92); m, o, s = hmsg(r, "device", f"URGENT - ICD SHOCK X{r.randint(2, 4)} OVERNIGHT - {ascii_of(p.family).upper()}, {ascii_of(p.given).upper()} DOB {fd(p.dob, 'm/d/yyyy')} - PLS CALL PT"); return m
def HP_to_dob(r):
    p = patient(r, 27, 44, sex="F"); o = org(r, "ivf")
    m, o, s = hmsg(r, "ivf", r.choice(["Monitoring visit moved to 7:15 AM tomorrow", "Trigger shot timing", "Your retrieval time"]), to=Address(display_name=f"{p.family}, {p.given} (DOB {fd(p.dob, 'mm dd yyyy')})", addr_spec=personal_addr(r, p))); return m
def HP_cc_chart(r):
    p = patient(r, 55, 92); o = org(r, "retina"); mr = mrn(r, o); sp = mr if len(mr) < 8 else mr[:4] + " " + mr[4:]
    m, o, s = hmsg(r, "retina", "Injection consent scanned", cc=Address(display_name=f"Chart - {p.last_first_caps()} [MRN {sp}]", addr_spec=f"chartmail@{o.dom}")); return m
def HP_from_spharm(r):
    p = patient(r, 14, 80); b = r.choice(SPHARM_DRUGS)[0].split()[0]; o = org(r, "spharm")
    m, o, s = hmsg(r, "spharm", "New start - benefits verified", from_name=f"{o.short} re: {p.last_first()} - {b} start"); return m
def HP_replyto_hbo(r):
    p = patient(r, 45, 90); m, o, s = hmsg(r, "wound", "Schedule change"); m["Reply-To"] = Address(display_name=f"HBO - {p.plain()} tx {r.randint(5, 39)}/40", addr_spec=f"hyperbaric@{o.dom}"); return m
def HP_x_va(r):
    p = patient(r, 25, 94, sex="M"); seoc, code, vis = r.choice(VA_SEOC); m, o, s = hmsg(r, "va", "Referral packet")
    m["X-VA-Referral"] = f"VA{digits(r, 10)}; {p.last_first_caps()}; SSN last4 {ssn(r)[-4:]}; DOB {fd(p.dob, 'mdy')}; SEOC {seoc}"; return m
def HP_x_device(r):
    p = patient(r, 50, 94); dev, model, zc, dxc, dxt = r.choice(DEVICES); m, o, s = hmsg(r, "device", "Transmission review")
    m["X-Device-Alert"] = f"{p.family}, {p.given}; DOB {p.dob.isoformat()}; {model} SN {device_serial(r, model)}; {r.choice(['AF burden 22%', 'VT treated ATP', 'RV lead impedance high', 'ERI'])}"; return m
def HP_x_lab(r):
    p = patient(r, 5, 90); t, v, fl, rg, u = r.choice([x for x in sum(LAB_PANELS, []) if x[2] in ("H", "HH", "L", "A")]); m, o, s = hmsg(r, "lab", "Result inquiry")
    m["X-Lab-Accession"] = f"{accession(r)} {ascii_of(p.family).upper()} {ascii_of(p.given).upper()} {p.dob:%Y%m%d} {ascii_of(t).upper()} {v} {fl}"; return m
def HP_thread_bariatric(r):
    p = patient(r, 21, 64); m, o, s = hmsg(r, "bariatric", "RE: committee packet")
    m["Thread-Topic"] = f"Bariatric clearance - {p.last_first()} - BMI {round(r.uniform(40, 58), 1)} - sleeve {fd(soon(r, 20, 60), 'm/d')}"; return m
def HP_keywords_allergy(r):
    p = patient(r, 8, 70); m, o, s = hmsg(r, "allergy", "Shot room follow-up")
    m["Keywords"] = f"allergy shots, systemic reaction, {p.given} {p.family}, epinephrine given, DOB {fd(p.dob, 'm/d/yy')}"; return m
def HP_comments_school(r):
    k = patient(r, 6, 14); m, o, s = hmsg(r, "school", "Form needed")
    m["Comments"] = f"school nurse re {k.last_first()} (grade {max(1, age(k.dob) - 5)}) - seizure action plan + Valtoco order expired"; return m
def HP_subj_es(r):
    p = patient(r, 27, 43, sex="F", pool=r.choice(HISPANIC)); m, o, s = hmsg(r, "ivf", f"Resultado beta hCG - {p.given} {p.family} - fecha de nac. {fd(p.dob, 'dmy')} - POSITIVO"); return m
def HP_subj_split(r):
    p = patient(r, 60, 90, sex="M"); m, o, s = hmsg(r, "homehealth", f"re: mr. {p.family.lower()} (the one born {p.dob.month} {p.dob.day} {p.dob.year}) - heel wound {round(r.uniform(1.5, 4), 1)} x {round(r.uniform(1, 3), 1)} today, worse"); return m
def HP_subj_ssn(r):
    p = patient(r, 20, 85); m, o, s = hmsg(r, "anesbill", f"ACCT {acct(r)} {ascii_of(p.family).upper()} {ascii_of(p.given).upper()} SSN {ssn(r)} - ANESTHESIA CLAIM DENIED CO-197"); return m
def HP_x_fax(r):
    p = patient(r, 20, 80); code, dxt = r.choice(PT_DX[:6]); m, o, s = hmsg(r, "pt", "Fax confirmation")
    m["X-Fax-Subject"] = f"PT plan of care - {p.last_first()} - DOB {fd(p.dob, 'm/d/yy')} - {code} - please sign and return"; return m
def HP_x_trial(r):
    p = patient(r, 30, 80); m, o, s = hmsg(r, "trial", "Call me re: 027")
    m["X-Study-Subject"] = f"Site 114 / Subj 114-{r.randint(1, 60):03d} / {p.given} {p.family} / possible SAE - admitted {r.choice(['pancreatitis', 'syncope', 'HF exacerbation'])}"; return m
def HP_to_hh(r):
    p = patient(r, 66, 95); o = org(r, "homehealth"); cm = staff(r); cm.cred = "RN"; cm.title = "Case Manager"; m, o2, s = hmsg(r, "hospital", "New referral - see fax", sender=cm, to=Address(display_name=f"Hearthstone Intake (re: {p.last_first_caps()} MBI {mbi(r, True)})", addr_spec=f"intake@{o.dom}")); return m
def HP_x_critical(r):
    p = patient(r, 18, 92); m, o, s = hmsg(r, "rad", "Callback")
    m["X-Critical-Result"] = f"{r.choice(['CT HEAD: ACUTE SDH 9MM', 'CTA CHEST: SEGMENTAL PE', 'CT A/P: FREE AIR'])} / {p.last_first_caps()} / MRN {mrn(r)} / called Dr. {staff(r).family} {hhmm(r)}"; return m
def HP_x_mco(r):
    p = patient(r, 17, 42, sex="F"); m, o, s = hmsg(r, "mco", "Outreach")
    m["X-MCO-Case"] = f"Medicaid {medicaid_id(r)} | {p.family}, {p.given} | high-risk OB O09.523 | {r.randint(3, 8)} ED visits | housing"; return m
HDR_PHI = [HP_caps_device, HP_to_dob, HP_cc_chart, HP_from_spharm, HP_replyto_hbo, HP_x_va, HP_x_device, HP_x_lab, HP_thread_bariatric, HP_keywords_allergy, HP_comments_school, HP_subj_es,
           HP_subj_split, HP_subj_ssn, HP_x_fax, HP_x_trial, HP_to_hh, HP_x_critical, HP_x_mco]
def HC_caps(r): m, o, s = hmsg(r, "dental", f"REMINDER: OPERATORY {r.randint(1, 6)} CLOSED {WD[r.randint(0, 4)].upper()} - COMPRESSOR SERVICE"); return m
def HC_to_emp(r):
    t = staff(r); o = org(r); m, o, s = hmsg(r, o.kind, "Parking permit renewal", to=Address(display_name=f"{t.family}, {t.given} (Emp #{digits(r, 5)})", addr_spec=mailbox(t, o.dom))); return m
def HC_cc_ar(r):
    v = vendor(r); m, o, s = hmsg(r, "clinic", f"Invoice {TODAY.year}-{r.randint(1000, 1999)} past due", cc=Address(display_name=f"Accounts Receivable - Acct {digits(r, 5)}", addr_spec=f"ar@{v.dom}")); return m
def HC_from_dispatch(r):
    v = vendor(r, "RapidRoute Courier"); d = staff(r)
    m, o, s = hmsg(r, "lab", "Pickup time change", sender=d, from_name=f"RapidRoute Dispatch (Route {r.randint(2, 24)})"); set_hdr(m, "From", Address(display_name=str(m["From"].addresses[0].display_name), addr_spec=f"dispatch@{v.dom}")); return m
def HC_replyto_payroll(r):
    m, o, s = hmsg(r, "hospital", f"W-2 address update deadline {fd(soon(r, 5, 20), 'm/d')}"); m["Reply-To"] = Address(display_name="Payroll Help Desk", addr_spec=f"payroll@{o.dom}"); return m
def HC_x_route(r):
    m, o, s = hmsg(r, "lab", "Van swap"); m["X-Courier-Route"] = f"Route {r.randint(2, 24)} / Van {r.randint(10, 60)} / driver {staff(r).plain()}"; return m
def HC_x_po(r):
    m, o, s = hmsg(r, "wound", "PO approved"); m["X-PO-Number"] = f"PO-{digits(r, 6)}"; return m
def HC_thread_pm(r):
    m, o, s = hmsg(r, "wound", "RE: chamber"); m["Thread-Topic"] = "Chamber B preventive maintenance"; return m
def HC_keywords(r):
    m, o, s = hmsg(r, "allergy", "2027 extract pricing"); m["Keywords"] = "allergen extracts; lot numbers; standardized mite; 2027 pricing"; return m
def HC_comments(r):
    m, o, s = hmsg(r, "student", "RSVP received"); m["Comments"] = "submitted via website contact form (event RSVP: flu clinic volunteers)"; return m
def HC_subj_es(r): m, o, s = hmsg(r, r.choice(["urgent", "homehealth"]), f"Reunión de personal - {r.choice(['jueves', 'martes', 'viernes'])} 7:30"); return m
def HC_bday(r):
    b = staff(r); m, o, s = hmsg(r, "clinic", f"{b.given} turns {r.choice([30, 40, 50, 60])} on {fd(soon(r, 1, 9), 'md')} - cake in the break room!"); return m
def HC_training(r): m, o, s = hmsg(r, "hospital", "HIPAA refresher - sample SSN 078-05-1120 and MBI 1EG4-TE5-MK73 are not real"); return m
def HC_x_ticket(r): m, o, s = hmsg(r, "pt", "printer"); m["X-Ticket"] = f"INC{digits(r, 7)} label printer front desk"; return m
def HC_x_study(r): m, o, s = hmsg(r, "trial", "Monitoring visit"); m["X-Study-Ref"] = f"CRV-2211 / Site 114 / monitoring visit {fd(soon(r, 10, 40), 'mdy')}"; return m
def HC_thread_flu(r): m, o, s = hmsg(r, "student", "RE: volunteers"); m["Thread-Topic"] = "Flu clinic volunteers - Student Union"; return m
def HC_replyto_name(r):
    t = staff(r); m, o, s = hmsg(r, "anesbill", "November close"); m["Reply-To"] = Address(display_name=f"{t.family}, {t.given} (Billing Manager)", addr_spec=mailbox(t, o.dom)); return m
def HC_x_orig(r): m, o, s = hmsg(r, "urgent", "FW: hours"); m["X-Original-Subject"] = "Holiday schedule - all sites"; return m
def HC_caps_va(r): m, o, s = hmsg(r, "va", f"VA CCN PROVIDER DIRECTORY UPDATE - EFFECTIVE 1/1/2027 - TIN {SR.randint(10, 98)}-{digits(r, 7)}"); return m
HDR_CLEAN = [HC_caps, HC_to_emp, HC_cc_ar, HC_from_dispatch, HC_replyto_payroll, HC_x_route, HC_x_po, HC_thread_pm, HC_keywords, HC_comments, HC_subj_es, HC_bday, HC_training, HC_x_ticket,
             HC_x_study, HC_thread_flu, HC_replyto_name, HC_x_orig, HC_caps_va]

# ================================================================== LibreOffice batching (job/handle pair) and attachment producers
class Later:
    """a file LibreOffice will produce in the batched run; resolved after LOJobs.run()"""
    def __init__(self, out, name, distill=False): self.out, self.name, self.distill = out, name, distill
class LOJobs:
    EXT = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}
    def __init__(self, tmp):
        self.tmp, self.k = tmp, 0; self.lo = {kind: [] for kind in self.EXT}
        for kind in self.EXT: os.makedirs(os.path.join(tmp, kind, "src"), exist_ok=True); os.makedirs(os.path.join(tmp, kind, "out"), exist_ok=True)
    def scratch(self, ext): self.k += 1; return os.path.join(self.tmp, f"s{self.k:04d}.{ext}")
    def queue(self, kind, data, ext, name, distill=False):
        self.k += 1; stem = f"b17x{self.k:04d}"; src = os.path.join(self.tmp, kind, "src", f"{stem}.{ext}")
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
    return r.choice([f"{stem}.{ext}", f"{stem}_{TODAY:%Y%m%d}.{ext}", f"{doc.o.initials()}_{stem}_{digits(r, 4)}.{ext}", f"scan{TODAY:%m%d%y}{digits(r, 4)}.{ext}", f"{stem.lower()}-{TODAY:%b%d}.{ext}".lower(),
                     f"Document{r.randint(1, 40)}.{ext}", f"{doc.o.initials()}-{digits(r, 6)}.{ext}"])
def make_attachment(r, jobs, carrier, doc, name, label):
    logo = r.random() < (0.45 if label == "clean" else 0.12); pdf_name = file_name(r, doc, "pdf")
    if carrier == "pdf-reportlab": return pdf_name, within_two_pages(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return pdf_name, within_two_pages(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45: return pdf_name, ps_pdf(jobs, r, doc, name)
        if x < 0.7:
            return pdf_name, scrub_pdf(jobs.distill(within_two_pages(lambda d: (rl_pdf if r.random() < 0.5 else fp_pdf)(r, d), doc)), name)
        if r.random() < 0.55: return pdf_name, jobs.queue("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", name, True)
        return pdf_name, jobs.queue("html2pdf", render_html(doc.cut(8), letterhead=True, look=r.randrange(len(LOOKS))), "html", name, True)
    if carrier == "pdf-libreoffice":
        x = r.random()
        if doc.kind == "list" and x < 0.3: return pdf_name, jobs.queue("docx2pdf", xlsx_book(r, doc.cut(8), for_print=True), "xlsx", name)
        if x < 0.6: return pdf_name, jobs.queue("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", name)
        return pdf_name, jobs.queue("html2pdf", render_html(doc.cut(8), letterhead=True, look=r.randrange(len(LOOKS))), "html", name)
    if carrier == "docx":
        if r.random() < 0.3: return file_name(r, doc, "docx"), jobs.queue("html2docx", render_html(doc, letterhead=True, look=r.randrange(len(LOOKS))), "html", name)
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
        folder = r.choice(["", "", "", "export/", f"{TODAY:%Y-%m-%d}/", "To Send/", "secure/"])
        return r.choice(["files.zip", f"secure_{digits(r, 5)}.zip", f"{doc.cat}.zip", f"{doc.o.initials()}_{TODAY:%Y%m%d}.zip", "Archive.zip"]), make_zip([(folder + file_name(r, doc, ext), data)])
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
    else: part = "narr" if x < 0.55 else "raw" if x < 0.68 else "list"
    return bags[side + "." + part]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"----=_b17_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:22])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b17-"); jobs = LOJobs(tmp); made = []; rows = []
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
    print(f"wrote {len(rows)} batch-17 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
